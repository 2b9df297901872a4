#pragma once
// A whole file mapped read-only into memory, for large binary inputs (snapshots) read once:
// no copy into a buffer, and pages come in as they are read.

#include <cstddef>
#include <filesystem>
#include <string_view>

#include "blastgraph/core/result.hpp"

namespace blastgraph {

class MappedFile {
 public:
  MappedFile() = default;
  ~MappedFile();
  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  // The file's bytes; valid while this object lives.
  [[nodiscard]] std::string_view bytes() const {
    return {static_cast<const char*>(m_data), m_size};
  }

 private:
  friend Result<MappedFile> map_file(const std::filesystem::path& path);
  void* m_data = nullptr;
  std::size_t m_size = 0;
};

// Maps the regular file at `path`. An error when it is not a regular file or cannot be opened
// or mapped. An empty file maps to empty bytes.
[[nodiscard]] Result<MappedFile> map_file(const std::filesystem::path& path);

}  // namespace blastgraph
