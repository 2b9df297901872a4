#include "report/render_util.hpp"

#include <cmath>
#include <cstdio>

namespace blastgraph::analyzer::render {

std::string group_digits(std::size_t value) {
  std::string digits = std::to_string(value);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string format_measure(double measure) {
  if (!std::isfinite(measure)) return "0";
  if (measure == std::floor(measure) && std::fabs(measure) < 1e15) {
    return std::to_string(static_cast<long long>(measure));
  }
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.2f", measure);
  return buffer;
}

Window middle_window(std::size_t count, std::size_t limit) {
  if (limit == 0 || count <= limit) return Window{count, 0, 0};
  const std::size_t head = (limit + 1) / 2;
  const std::size_t tail = limit - head;
  return Window{head, tail, count - head - tail};
}

std::string more_not_shown(std::size_t hidden) {
  return "\u2026 " + group_digits(hidden) + " more not shown \u2026";
}

std::string one_line(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return out;
}

}  // namespace blastgraph::analyzer::render
