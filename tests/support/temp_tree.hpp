#pragma once
// A temporary directory tree for tests, removed when the object goes out of scope.

#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <unistd.h>

namespace blastgraph::testing {

class TempTree {
 public:
  TempTree() {
    static std::atomic<int> counter{0};
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    m_root = std::filesystem::temp_directory_path() /
             ("blastgraph-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + "-" +
              (info ? info->name() : "tree"));
    std::filesystem::remove_all(m_root);
    std::filesystem::create_directories(m_root);
  }
  ~TempTree() {
    std::error_code ec;
    std::filesystem::remove_all(m_root, ec);
  }
  TempTree(const TempTree&) = delete;
  TempTree& operator=(const TempTree&) = delete;

  // Writes `text` to `relative` (parent folders created).
  void write(const std::string& relative, std::string_view text) const {
    const auto path = m_root / relative;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
  }

  // Copies a directory tree into `relative` (or the root).
  void copy_from(const std::filesystem::path& source, const std::string& relative = "") const {
    std::filesystem::copy(source, m_root / relative, std::filesystem::copy_options::recursive);
  }

  [[nodiscard]] const std::filesystem::path& root() const { return m_root; }

 private:
  std::filesystem::path m_root;
};

inline std::filesystem::path fixtures_dir() { return BLASTGRAPH_FIXTURES_DIR; }

}  // namespace blastgraph::testing
