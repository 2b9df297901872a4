#include "blastgraph/core/file_io.hpp"

#include <fstream>
#include <system_error>

namespace blastgraph {

Result<std::string> read_file(const std::filesystem::path& path, std::size_t max_bytes) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return Error{"not a regular file: " + path.string()};
  }
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) return Error{"cannot stat " + path.string() + ": " + ec.message()};
  if (size > max_bytes) {
    return Error{"file is " + std::to_string(size) + " bytes, over the limit of " +
                 std::to_string(max_bytes)};
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{"cannot open " + path.string()};
  std::string text(static_cast<std::size_t>(size), '\0');
  in.read(text.data(), static_cast<std::streamsize>(size));
  text.resize(static_cast<std::size_t>(in.gcount()));
  return text;
}

}  // namespace blastgraph
