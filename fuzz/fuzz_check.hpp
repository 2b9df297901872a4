#pragma once
// What every fuzz target checks besides "no crash": diagnostics point inside the input, and a
// second parse of the same bytes says the same thing. A broken invariant aborts with a line
// on stderr, which libFuzzer reports as a crash and saves as a reproducer.

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "blastgraph/core/diagnostic.hpp"

namespace blastgraph::fuzz {

[[noreturn]] inline void fail(const std::string& what) {
  std::fprintf(stderr, "invariant broken: %s\n", what.c_str());
  std::abort();
}

// What ends a line: '\n' (HCL, JSON, what git and compilers count), or every YAML line break
// (CR LF, a lone CR, LF, NEL, LS and PS), which is how libyaml, and so kubectl, counts lines.
// Written apart from the parsers' own line counting (kubernetes/yaml_lines.hpp) on purpose:
// an oracle that shares the code it checks agrees with its bugs.
enum class LineBreaks { newline, yaml };

// The byte length of the YAML line break at `text[i]`, or 0.
inline std::size_t yaml_break_at(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) {
    return k < text.size() ? static_cast<unsigned char>(text[k]) : 0U;
  };
  if (byte(i) == '\r') return byte(i + 1) == '\n' ? 2 : 1;
  if (byte(i) == '\n') return 1;
  if (byte(i) == 0xC2 && byte(i + 1) == 0x85) return 2;
  if (byte(i) == 0xE2 && byte(i + 1) == 0x80 && (byte(i + 2) == 0xA8 || byte(i + 2) == 0xA9)) {
    return 3;
  }
  return 0;
}

// The length in bytes of each line of `text` (a final line without a break counts; the
// position just past the last break is line count + 1, column 1).
inline std::vector<std::size_t> line_lengths(std::string_view text, LineBreaks breaks) {
  std::vector<std::size_t> lengths;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t width =
        breaks == LineBreaks::yaml ? yaml_break_at(text, i) : (text[i] == '\n' ? 1U : 0U);
    if (width == 0) {
      ++i;
      continue;
    }
    lengths.push_back(i - start);
    i += width;
    start = i;
  }
  lengths.push_back(text.size() - start);
  return lengths;
}

// Each diagnostic about `path` lies inside `text`: line 1..lines, column 1..length + 1, or
// 0:0 for the whole file. Columns count bytes or characters; either fits under the byte
// length.
inline void check_positions(const std::vector<Diagnostic>& diagnostics, std::string_view path,
                            std::string_view text, LineBreaks breaks = LineBreaks::newline) {
  const auto lengths = line_lengths(text, breaks);
  for (const auto& d : diagnostics) {
    if (d.file != path) fail("diagnostic about another file: " + format_diagnostic(d));
    if (d.code.empty() || d.message.empty()) fail("diagnostic without code or message");
    const auto line = d.position.line;
    const auto column = d.position.column;
    if (line == 0) {
      if (column != 0) fail("column without a line: " + format_diagnostic(d));
      continue;
    }
    if (line > lengths.size()) fail("line past the end: " + format_diagnostic(d));
    if (column == 0 || column > lengths[line - 1] + 1) {
      fail("column outside its line: " + format_diagnostic(d));
    }
  }
}

inline std::string describe(const std::vector<Diagnostic>& diagnostics) {
  std::string out;
  for (const auto& d : diagnostics) out += format_diagnostic(d) + "\n";
  return out;
}

inline void check_same(const std::string& first, const std::string& second, const char* what) {
  if (first != second) fail(std::string(what) + " differs between two parses of one input");
}

}  // namespace blastgraph::fuzz
