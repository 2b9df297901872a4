#pragma once
// Reading input files with a size bound. The library never reads a file without one.

#include <cstddef>
#include <filesystem>
#include <string>

#include "blastgraph/core/result.hpp"

namespace blastgraph {

inline constexpr std::size_t k_default_max_file_bytes = std::size_t{16} << 20U;  // 16 MiB

// Reads the whole file. Fails (without reading it) when it is larger than `max_bytes`,
// is not a regular file, or cannot be opened.
[[nodiscard]] Result<std::string> read_file(const std::filesystem::path& path,
                                            std::size_t max_bytes = k_default_max_file_bytes);

}  // namespace blastgraph
