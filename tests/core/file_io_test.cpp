#include "blastgraph/core/file_io.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace blastgraph {
namespace {

namespace fs = std::filesystem;

class FileIo : public ::testing::Test {
 protected:
  void SetUp() override {
    m_dir = fs::temp_directory_path() /
            ("blastgraph-io-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(m_dir);
  }
  void TearDown() override { fs::remove_all(m_dir); }
  fs::path m_dir;
};

TEST_F(FileIo, ReadsWholeFile) {
  std::ofstream(m_dir / "a.txt") << "hello\nworld";
  auto text = read_file(m_dir / "a.txt");
  ASSERT_TRUE(text.has_value());
  EXPECT_EQ(*text, "hello\nworld");
}

TEST_F(FileIo, RefusesFilesOverTheLimitWithoutReadingThem) {
  std::ofstream(m_dir / "big.txt") << std::string(100, 'x');
  auto text = read_file(m_dir / "big.txt", 99);
  ASSERT_FALSE(text.has_value());
  EXPECT_NE(text.error().message.find("over the limit"), std::string::npos);
}

TEST_F(FileIo, RefusesDirectoriesAndMissingFiles) {
  EXPECT_FALSE(read_file(m_dir).has_value());
  EXPECT_FALSE(read_file(m_dir / "missing").has_value());
}

}  // namespace
}  // namespace blastgraph
