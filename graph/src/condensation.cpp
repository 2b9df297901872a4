#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

#include <boost/graph/strong_components.hpp>
#include <boost/property_map/property_map.hpp>

#include "blastgraph/graph/reach_counts.hpp"
#include "storage.hpp"

namespace blastgraph::graph {

// Component DAG as two adjacency arrays: row c of `succ` lists the components c has an edge
// to, row c of `pred` the components with an edge to c.
struct Condensation::Dag {
  std::vector<std::uint32_t> component_of;
  std::vector<std::uint32_t> succ_offsets{0};
  std::vector<std::uint32_t> succ;
  std::vector<std::uint32_t> pred_offsets{0};
  std::vector<std::uint32_t> pred;
};

namespace {

using Arc = std::pair<std::uint32_t, std::uint32_t>;  // (from component, to component)

// NOTE: Boost's Tarjan numbers a component when its root finishes, after every component it
// reaches: the numbering is a reverse topological order, which count_reached and
// estimate_reached rely on (successors are always done first).
std::vector<std::uint32_t> number_components(const Csr& csr, std::size_t node_count) {
  std::vector<std::uint32_t> component(node_count);
  if (node_count != 0) {
    boost::strong_components(csr, boost::make_iterator_property_map(
                                      component.begin(), boost::get(boost::vertex_index, csr)));
  }
  return component;
}

std::vector<Arc> component_arcs(const Csr& csr, const std::vector<std::uint32_t>& component) {
  std::vector<Arc> arcs;
  for (NodeIndex node = 0; node < component.size(); ++node) {
    const std::uint32_t from = component[node];
    for (const NodeIndex next : neighbors(csr, node)) {
      if (component[next] != from) arcs.emplace_back(from, component[next]);
    }
  }
  std::sort(arcs.begin(), arcs.end());
  arcs.erase(std::unique(arcs.begin(), arcs.end()), arcs.end());
  return arcs;
}

// Rows of `key(arc)` listing `value(arc)`; `arcs` must be sorted by key then value.
template <typename Key, typename Value>
void fill_rows(const std::vector<Arc>& arcs, std::size_t rows, Key key, Value value,
               std::vector<std::uint32_t>& offsets, std::vector<std::uint32_t>& targets) {
  offsets.assign(rows + 1, 0);
  for (const Arc& arc : arcs) ++offsets[key(arc) + 1];
  for (std::size_t r = 0; r < rows; ++r) offsets[r + 1] += offsets[r];
  targets.resize(arcs.size());
  std::vector<std::uint32_t> next(offsets.begin(), offsets.end() - 1);
  for (const Arc& arc : arcs) targets[next[key(arc)]++] = value(arc);
}

}  // namespace

Condensation::Condensation(const Graph& graph, Direction direction)
    : m_dag(std::make_unique<Dag>()) {
  const Graph::Storage& storage = graph.storage();
  const Csr& csr = direction == Direction::dependents ? storage.reverse : storage.forward;
  m_dag->component_of = number_components(csr, graph.node_count());
  std::uint32_t count = 0;
  for (const std::uint32_t c : m_dag->component_of) count = std::max(count, c + 1);
  std::vector<Arc> arcs = component_arcs(csr, m_dag->component_of);
  fill_rows(
      arcs, count, [](const Arc& a) { return a.first; }, [](const Arc& a) { return a.second; },
      m_dag->succ_offsets, m_dag->succ);
  // Sorted by (from, to), so every predecessor row comes out ascending as well.
  fill_rows(
      arcs, count, [](const Arc& a) { return a.second; }, [](const Arc& a) { return a.first; },
      m_dag->pred_offsets, m_dag->pred);
}

Condensation::~Condensation() = default;
Condensation::Condensation(Condensation&&) noexcept = default;
Condensation& Condensation::operator=(Condensation&&) noexcept = default;

std::size_t Condensation::node_count() const {
  return m_dag->component_of.size();
}

std::size_t Condensation::component_count() const {
  return m_dag->succ_offsets.size() - 1;
}

std::uint32_t Condensation::component(NodeIndex node) const {
  return m_dag->component_of[node];
}

std::span<const std::uint32_t> Condensation::successors(std::uint32_t component) const {
  const auto first = m_dag->succ.begin() + m_dag->succ_offsets[component];
  const auto last = m_dag->succ.begin() + m_dag->succ_offsets[component + 1];
  return {first, last};
}

std::span<const std::uint32_t> Condensation::predecessors(std::uint32_t component) const {
  const auto first = m_dag->pred.begin() + m_dag->pred_offsets[component];
  const auto last = m_dag->pred.begin() + m_dag->pred_offsets[component + 1];
  return {first, last};
}

void ItemHolders::add_item(std::span<const NodeIndex> nodes) {
  holders.insert(holders.end(), nodes.begin(), nodes.end());
  offsets.push_back(static_cast<std::uint32_t>(holders.size()));
}

}  // namespace blastgraph::graph
