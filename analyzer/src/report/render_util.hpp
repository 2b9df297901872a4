#pragma once
// Small pieces every renderer of the score report shares: numbers for people and cutting long
// lists in the middle.

#include <cstddef>
#include <string>
#include <string_view>

namespace blastgraph::analyzer::render {

// 1234567 -> "1,234,567".
[[nodiscard]] std::string group_digits(std::size_t value);

// A factor's measure: an integer when it is one ("10"), else two decimals ("3.75").
[[nodiscard]] std::string format_measure(double measure);

// Which entries of a list of `count` to show when at most `limit` fit (0: no limit): the
// first `head` and the last `tail`; `hidden` in between are replaced by a note.
struct Window {
  std::size_t head = 0;
  std::size_t tail = 0;
  std::size_t hidden = 0;
  // True when entry `index` is shown.
  [[nodiscard]] bool shows(std::size_t index, std::size_t count) const {
    return index < head || index >= count - tail;
  }
};
[[nodiscard]] Window middle_window(std::size_t count, std::size_t limit);

// "… 1,234 more not shown …"
[[nodiscard]] std::string more_not_shown(std::size_t hidden);

// `text` on one line: CR, LF and tabs become spaces (for line-based formats).
[[nodiscard]] std::string one_line(std::string_view text);

}  // namespace blastgraph::analyzer::render
