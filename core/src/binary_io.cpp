#include "blastgraph/core/binary_io.hpp"

#include <bit>
#include <cstring>

namespace blastgraph {
namespace {

template <typename T>
void append_little_endian(std::string& out, T value) {
  for (std::size_t i = 0; i < sizeof(T); ++i) {
    out.push_back(static_cast<char>((value >> (8 * i)) & 0xFFU));
  }
}

template <typename T>
T read_little_endian(std::string_view bytes) {
  std::uint64_t value = 0;
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    value |= std::uint64_t{static_cast<unsigned char>(bytes[i])} << (8 * i);
  }
  return static_cast<T>(value);
}

}  // namespace

void ByteWriter::u32(std::uint32_t value) {
  append_little_endian(m_bytes, value);
}

void ByteWriter::u64(std::uint64_t value) {
  append_little_endian(m_bytes, value);
}

void ByteWriter::str(std::string_view value) {
  u32(static_cast<std::uint32_t>(value.size()));
  m_bytes.append(value);
}

std::string_view ByteReader::take(std::size_t size) {
  if (m_failed || m_bytes.size() - m_offset < size) {
    m_failed = true;
    return {};
  }
  const std::string_view out = m_bytes.substr(m_offset, size);
  m_offset += size;
  return out;
}

std::uint8_t ByteReader::u8() {
  return read_little_endian<std::uint8_t>(take(1));
}

std::uint32_t ByteReader::u32() {
  return read_little_endian<std::uint32_t>(take(4));
}

std::uint64_t ByteReader::u64() {
  return read_little_endian<std::uint64_t>(take(8));
}

std::string ByteReader::str() {
  const std::uint32_t size = u32();
  return std::string(take(size));
}

std::size_t ByteReader::count(std::size_t min_item_bytes) {
  const std::uint64_t value = u64();
  const std::size_t left = m_failed ? 0 : m_bytes.size() - m_offset;
  if (m_failed || (min_item_bytes != 0 && value > left / min_item_bytes)) {
    m_failed = true;
    return 0;
  }
  return static_cast<std::size_t>(value);
}

std::uint64_t checksum64(std::string_view bytes) {
  constexpr std::uint64_t k_multiplier = 0x9E37'79B9'7F4A'7C15ULL;
  std::uint64_t hash = 0xCBF2'9CE4'8422'2325ULL ^ bytes.size();
  std::size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    std::uint64_t word = 0;
    std::memcpy(&word, bytes.data() + i, 8);
    hash = std::rotl((hash ^ word) * k_multiplier, 29);
  }
  std::uint64_t tail = 0;
  std::memcpy(&tail, bytes.data() + i, bytes.size() - i);
  hash = std::rotl((hash ^ tail) * k_multiplier, 29);
  return hash ^ (hash >> 32);
}

}  // namespace blastgraph
