#pragma once
// Private: the parts of a snapshot, each written and read by a pair of functions kept side by
// side so that they stay in step. Readers mark the ByteReader failed on anything that cannot
// be right (an enum out of range, a string index past the table).

#include <optional>
#include <string>
#include <vector>

#include "blastgraph/analyzer/workspace.hpp"
#include "blastgraph/core/binary_io.hpp"
#include "blastgraph/graph/graph.hpp"

namespace blastgraph::analyzer::snapshot {

void put_graph(ByteWriter& out, const graph::Graph& graph);
// nullopt when the reader failed or the nodes and edges are not in a graph's order.
[[nodiscard]] std::optional<graph::Graph> get_graph(ByteReader& in);

// Everything of a workspace but its graph and root.
void put_findings(ByteWriter& out, const Workspace& workspace);
void get_findings(ByteReader& in, Workspace& workspace);

// The repository's name and what it offers and needs.
void put_interface(ByteWriter& out, const Workspace& workspace);
void get_interface(ByteReader& in, Workspace& workspace);

void put_load_options(ByteWriter& out, const LoadOptions& options);

// A list of strings.
void put_strings(ByteWriter& out, const std::vector<std::string>& values);
[[nodiscard]] std::vector<std::string> get_strings(ByteReader& in);

// A list whose items take at least `min_bytes` each, read item by item with `get`; the count
// is checked against the bytes left before anything is allocated.
template <typename T, typename Get>
std::vector<T> get_list(ByteReader& in, std::size_t min_bytes, Get get) {
  std::vector<T> items(in.count(min_bytes));
  for (T& item : items) get(item);
  return items;
}

// An enumerator written as one byte; failed() when past `last`.
template <typename Enum>
Enum get_enum(ByteReader& in, Enum last) {
  const std::uint8_t value = in.u8();
  if (value > static_cast<std::uint8_t>(last)) {
    in.fail();
    return Enum{};
  }
  return static_cast<Enum>(value);
}

template <typename Enum>
void put_enum(ByteWriter& out, Enum value) {
  out.u8(static_cast<std::uint8_t>(value));
}

}  // namespace blastgraph::analyzer::snapshot
