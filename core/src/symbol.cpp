#include "blastgraph/core/symbol.hpp"

#include <array>
#include <cstdint>
#include <mutex>
#include <unordered_set>

namespace blastgraph {
namespace {

struct TextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const noexcept {
    return std::hash<std::string_view>{}(text);
  }
};

// A node-based set keeps each text at one address for the life of the process. Shards keep
// threads that link side by side from waiting on one lock.
struct Shard {
  std::mutex mutex;
  std::unordered_set<std::string, TextHash, std::equal_to<>> texts;
};

constexpr std::size_t k_shards = 64;

std::array<Shard, k_shards>& shards() {
  // Never destroyed: a symbol held by a static object may be read during exit.
  static auto* pool = new std::array<Shard, k_shards>();
  return *pool;
}

}  // namespace

// NOTE: a symbol default-constructed by another file's static initializer points here before
// this string is constructed; reading it before main() would be wrong, holding it is not.
const std::string Symbol::k_empty{};

const std::string* Symbol::intern(std::string_view text) {
  if (text.empty()) return &k_empty;
  const std::size_t hash = TextHash{}(text);
  Shard& shard = shards()[(hash >> 32U) % k_shards];
  const std::lock_guard lock(shard.mutex);
  auto found = shard.texts.find(text);
  if (found == shard.texts.end()) found = shard.texts.emplace(text).first;
  return &*found;
}

std::size_t Symbol::interned_count() {
  std::size_t count = 0;
  for (Shard& shard : shards()) {
    const std::lock_guard lock(shard.mutex);
    count += shard.texts.size();
  }
  return count;
}

}  // namespace blastgraph
