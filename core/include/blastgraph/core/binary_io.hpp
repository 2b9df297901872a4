#pragma once
// Little-endian binary encoding for the files blastgraph writes and reads back (snapshots).
// The reader never reads past its input: once something is missing it is failed(), and every
// later read yields zero or an empty string, so a damaged file is refused, never misread.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

namespace blastgraph {

class ByteWriter {
 public:
  void u8(std::uint8_t value) { m_bytes.push_back(static_cast<char>(value)); }
  void u32(std::uint32_t value);
  void u64(std::uint64_t value);
  // The length (u32), then the bytes.
  void str(std::string_view value);
  // The bytes as they are, with no length.
  void bytes_append(std::string_view value) { m_bytes.append(value); }

  [[nodiscard]] const std::string& bytes() const { return m_bytes; }
  [[nodiscard]] std::string take() { return std::move(m_bytes); }

 private:
  std::string m_bytes;
};

class ByteReader {
 public:
  explicit ByteReader(std::string_view bytes) : m_bytes(bytes) {}

  [[nodiscard]] std::uint8_t u8();
  [[nodiscard]] std::uint32_t u32();
  [[nodiscard]] std::uint64_t u64();
  [[nodiscard]] std::string str();
  // The next `size` bytes as they are: empty, and failed(), when fewer remain.
  [[nodiscard]] std::string_view bytes(std::size_t size) { return take(size); }
  // A count of items that each take at least `min_item_bytes`: 0, and failed(), when the rest
  // of the input cannot hold that many, so a damaged count never asks for gigabytes.
  [[nodiscard]] std::size_t count(std::size_t min_item_bytes);

  // Marks the input as damaged: for a value that was read whole but cannot be right.
  void fail() { m_failed = true; }
  [[nodiscard]] bool failed() const { return m_failed; }
  [[nodiscard]] bool at_end() const { return m_offset == m_bytes.size(); }

 private:
  // The next `size` bytes, or an empty view (and failed()) when fewer remain.
  std::string_view take(std::size_t size);

  std::string_view m_bytes;
  std::size_t m_offset = 0;
  bool m_failed = false;
};

// A 64-bit checksum of `bytes` (eight bytes at a time, so that checking a large snapshot
// costs little next to reading it). Detects damage, not tampering.
[[nodiscard]] std::uint64_t checksum64(std::string_view bytes);

}  // namespace blastgraph
