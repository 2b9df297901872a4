#include "level_search.hpp"

#include <algorithm>
#include <bit>
#include <functional>

#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/enumerable_thread_specific.h>
#include <oneapi/tbb/parallel_for.h>
#include <oneapi/tbb/parallel_reduce.h>

namespace blastgraph::graph {
namespace {

using Range = tbb::blocked_range<std::size_t>;

// Below this many frontier nodes a level costs less than handing it out to tasks.
constexpr std::size_t k_serial_frontier = 1024;
constexpr std::size_t k_frontier_grain = 256;
constexpr std::size_t k_node_grain = std::size_t{1} << 14;
constexpr std::size_t k_word_grain = 64;  // bitmap words (of 64 nodes) per bottom-up task
// A level holding at least 1/k_bitmap_ratio of all nodes is ordered by listing a bitmap,
// which then reads at most 4 words per node found: cheaper than sorting them.
constexpr std::size_t k_bitmap_ratio = 256;
// Switching rules from Beamer, Asanović and Patterson, "Direction-Optimizing Breadth-First
// Search" (SC 2012): go bottom-up once the frontier's edges exceed 1/alpha of the unexplored
// ones; come back when the frontier shrinks below 1/beta of the nodes.
constexpr std::size_t k_alpha = 14;
constexpr std::size_t k_beta = 24;

std::size_t out_degree(const Csr& csr, NodeIndex node) {
  return row_start(csr, node + 1) - row_start(csr, node);
}

}  // namespace

LevelSearch::LevelSearch(const Csr& steps, const Csr& reverse_steps, std::size_t node_count)
    : m_steps(steps),
      m_reverse_steps(reverse_steps),
      m_keys(node_count),
      m_next(node_count),
      m_frontier(node_count),
      m_visited(node_count),
      m_via(node_count, k_no_edge),
      m_unexplored_edges(boost::num_edges(steps)) {
  tbb::parallel_for(Range(0, node_count, k_node_grain), [this](const Range& range) {
    for (std::size_t i = range.begin(); i != range.end(); ++i) {
      m_keys[i].store(k_unset_key, std::memory_order_relaxed);
    }
  });
}

std::vector<NodeIndex> LevelSearch::seed(std::span<const NodeIndex> sources) {
  std::vector<NodeIndex> level;
  for (const NodeIndex source : sources) {
    if (source < m_keys.size()) {
      level.push_back(source);
    }
  }
  std::sort(level.begin(), level.end());
  level.erase(std::unique(level.begin(), level.end()), level.end());
  for (const NodeIndex source : level) {
    m_keys[source].store(make_key(0, k_no_node), std::memory_order_relaxed);
  }
  account_level(level);
  return level;
}

std::vector<NodeIndex> LevelSearch::expand(std::span<const NodeIndex> frontier,
                                           std::uint32_t distance) {
  m_bottom_up = prefer_bottom_up(frontier.size());
  std::vector<NodeIndex> level = m_bottom_up ? expand_bottom_up(frontier, distance + 1)
                                             : expand_top_down(frontier, distance + 1);
  account_level(level);
  return level;
}

bool LevelSearch::prefer_bottom_up(std::size_t frontier_size) const {
  if (m_bottom_up) {
    return frontier_size * k_beta >= m_keys.size();
  }
  return frontier_size >= k_serial_frontier && m_frontier_edges * k_alpha > m_unexplored_edges;
}

void LevelSearch::account_level(std::span<const NodeIndex> level) {
  const auto sum_degrees = [&](const Range& range, std::size_t sum) {
    for (std::size_t i = range.begin(); i != range.end(); ++i) {
      sum += out_degree(m_steps, level[i]);
    }
    return sum;
  };
  m_frontier_edges = tbb::parallel_reduce(Range(0, level.size(), k_node_grain), std::size_t{0},
                                          sum_degrees, std::plus<>());
  m_unexplored_edges -= std::min(m_unexplored_edges, m_frontier_edges);
  m_visited.set_sorted(level);
}

bool LevelSearch::relax(NodeIndex node, SearchKey candidate) {
  // Nodes of earlier levels are settled; the bitmap answers from cache where the key would
  // cost a trip to memory.
  if (m_visited.test(node)) {
    return false;
  }
  std::atomic<SearchKey>& key = m_keys[node];
  // An offer that loses to a smaller parent of the same level is settled by a plain load,
  // without taking the cache line exclusively.
  SearchKey current = key.load(std::memory_order_relaxed);
  while (candidate < current) {
    if (key.compare_exchange_weak(current, candidate, std::memory_order_relaxed)) {
      return current == k_unset_key;
    }
  }
  return false;
}

void LevelSearch::offer_neighbors(NodeIndex node, SearchKey candidate,
                                  std::vector<NodeIndex>& found) {
  for (const NodeIndex next : neighbors(m_steps, node)) {
    if (relax(next, candidate)) {
      found.push_back(next);
    }
  }
}

std::vector<NodeIndex> LevelSearch::expand_top_down(std::span<const NodeIndex> frontier,
                                                    std::uint32_t next_distance) {
  if (frontier.size() < k_serial_frontier) {
    std::vector<NodeIndex> found;
    for (const NodeIndex node : frontier) {
      offer_neighbors(node, make_key(next_distance, node), found);
    }
    return order_level(std::move(found));
  }
  // Relaxed atomics suffice: parallel_for returning is the barrier between levels.
  tbb::enumerable_thread_specific<std::vector<NodeIndex>> found_by_thread;
  tbb::parallel_for(Range(0, frontier.size(), k_frontier_grain), [&](const Range& range) {
    std::vector<NodeIndex>& found = found_by_thread.local();
    for (std::size_t i = range.begin(); i != range.end(); ++i) {
      offer_neighbors(frontier[i], make_key(next_distance, frontier[i]), found);
    }
  });
  std::vector<NodeIndex> found;
  for (const auto& local : found_by_thread) {
    found.insert(found.end(), local.begin(), local.end());
  }
  return order_level(std::move(found));
}

// The thread-local pieces arrive in scheduling order; this puts the level in index order.
std::vector<NodeIndex> LevelSearch::order_level(std::vector<NodeIndex> found) {
  if (found.size() * k_bitmap_ratio < m_keys.size()) {
    std::sort(found.begin(), found.end());
    return found;
  }
  m_next.set_all(found);
  return m_next.take_sorted();
}

std::vector<NodeIndex> LevelSearch::expand_bottom_up(std::span<const NodeIndex> frontier,
                                                     std::uint32_t next_distance) {
  m_frontier.set_sorted(frontier);
  tbb::parallel_for(Range(0, m_next.word_count(), k_word_grain), [&](const Range& range) {
    for (std::size_t word = range.begin(); word != range.end(); ++word) {
      find_parents(word, next_distance);
    }
  });
  m_frontier.clear();
  return m_next.take_sorted();
}

// Bottom-up over the 64 nodes of one bitmap word, so that word has a single writer. A node's
// predecessors are listed ascending, and for one predecessor its edges ascending, so the
// first match is both the smallest parent and the smallest edge from it.
void LevelSearch::find_parents(std::size_t word, std::uint32_t next_distance) {
  const std::size_t first = word * NodeBitmap::k_word_bits;
  const std::size_t last = std::min(first + NodeBitmap::k_word_bits, m_keys.size());
  std::uint64_t found = 0;
  for (std::uint64_t open = ~m_visited.load_word(word); open != 0; open &= open - 1) {
    const std::size_t i = first + static_cast<std::size_t>(std::countr_zero(open));
    if (i >= last) {
      break;
    }
    const auto node = static_cast<NodeIndex>(i);
    const std::span<const NodeIndex> parents = neighbors(m_reverse_steps, node);
    const auto hit = std::find_if(parents.begin(), parents.end(),
                                  [this](NodeIndex parent) { return m_frontier.test(parent); });
    if (hit != parents.end()) {
      const auto position =
          row_start(m_reverse_steps, node) + static_cast<EdgeIndex>(hit - parents.begin());
      m_keys[i].store(make_key(next_distance, *hit), std::memory_order_relaxed);
      m_via[i] = edge_at(m_reverse_steps, node, position);
      found |= std::uint64_t{1} << (i - first);
    }
  }
  m_next.store_word(word, found);
}

}  // namespace blastgraph::graph
