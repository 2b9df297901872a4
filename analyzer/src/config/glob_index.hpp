#pragma once
// Many globs (glob_match syntax: `*`, `?`, `[...]`) against many texts without trying every
// pair: each glob is filed under its literal head or tail, whichever is longer, and a text
// visits only the globs whose filed literal it starts or ends with. A glob can match a text
// only when both its head and its tail are literally there, so nothing is missed.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "config/prefix_table.hpp"

namespace blastgraph::analyzer::config {

class GlobIndex {
 public:
  explicit GlobIndex(const std::vector<std::string>& globs);

  // Positions in `globs`, ascending, of those that may match `text`: a superset of the
  // matches; glob_match decides.
  [[nodiscard]] std::vector<std::size_t> candidates(std::string_view text) const;

 private:
  PrefixTable m_heads;  // literal heads as written
  PrefixTable m_tails;  // literal tails reversed
};

}  // namespace blastgraph::analyzer::config
