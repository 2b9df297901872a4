#include "terraform/text_pieces.hpp"

#include <string>

namespace blastgraph::terraform {
namespace {

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-' || c == '.' || static_cast<unsigned char>(c) >= 0x80;
}

// What the scanner is inside of. Code frames record the bracket depth they opened at, so the
// `}` that closes an interpolation returns to its string or heredoc.
struct Frame {
  enum class Kind { code, quoted, heredoc } kind = Kind::code;
  int depth = 0;         // code: brackets open inside this frame
  std::string_view tag;  // heredoc: the closing delimiter
};

class Scanner {
 public:
  explicit Scanner(std::string_view text) : m_text(text) { m_frames.push_back({}); }

  // Every top-level line start, with the tokens before it; the end of the text last.
  struct Boundary {
    std::uint32_t at = 0;
    std::size_t tokens = 0;
  };

  std::vector<Boundary> run() {
    while (m_at < m_text.size()) step();
    m_boundaries.push_back({static_cast<std::uint32_t>(m_text.size()), m_tokens});
    return std::move(m_boundaries);
  }

 private:
  void step() {
    switch (m_frames.back().kind) {
      case Frame::Kind::code:
        return code();
      case Frame::Kind::quoted:
        return quoted();
      case Frame::Kind::heredoc:
        return heredoc();
    }
  }

  // A line start at the top level: where a piece may end.
  void boundary() {
    if (m_frames.size() == 1 && m_frames.back().depth == 0) {
      m_boundaries.push_back({static_cast<std::uint32_t>(m_at), m_tokens});
    }
  }

  void skip_to(std::string_view end_mark) {
    const auto at = m_text.find(end_mark, m_at);
    m_at = at == std::string_view::npos ? m_text.size() : at + end_mark.size();
  }

  void code() {
    const char c = m_text[m_at];
    if (c == '\n') {
      ++m_at;
      boundary();
      return;
    }
    if (c == ' ' || c == '\t' || c == '\r') {
      ++m_at;
      return;
    }
    ++m_tokens;
    const auto rest = m_text.substr(m_at);
    if (c == '#' || rest.starts_with("//")) return skip_line_comment();
    if (rest.starts_with("/*")) return skip_to("*/");
    if (c == '"') {
      ++m_at;
      m_frames.push_back({Frame::Kind::quoted, 0, {}});
      return;
    }
    if (rest.starts_with("<<")) return heredoc_start();
    if (c == '{' || c == '[' || c == '(') {
      ++m_frames.back().depth;
    } else if (c == '}' || c == ']' || c == ')') {
      if (m_frames.back().depth == 0 && m_frames.size() > 1) {
        m_frames.pop_back();  // the end of an interpolation
        ++m_at;
        return;
      }
      if (m_frames.back().depth > 0) --m_frames.back().depth;
    }
    if (is_word_char(c)) {
      while (m_at < m_text.size() && is_word_char(m_text[m_at])) ++m_at;
      return;
    }
    ++m_at;
  }

  void skip_line_comment() {
    const auto end = m_text.find('\n', m_at);
    m_at = end == std::string_view::npos ? m_text.size() : end;  // the newline is a boundary
  }

  // `<<EOF` or `<<-EOF`, then the body from the next line.
  void heredoc_start() {
    std::size_t at = m_at + 2;
    if (at < m_text.size() && m_text[at] == '-') ++at;
    const std::size_t tag_start = at;
    while (at < m_text.size() && is_word_char(m_text[at])) ++at;
    if (at == tag_start) {  // `<<` alone: an operator-like mark
      m_at += 2;
      return;
    }
    const auto tag = m_text.substr(tag_start, at - tag_start);
    const auto line_end = m_text.find('\n', at);
    m_at = line_end == std::string_view::npos ? m_text.size() : line_end + 1;
    m_frames.push_back({Frame::Kind::heredoc, 0, tag});
    m_line_start = true;
  }

  // Literal text up to an interpolation, the end of the string or the end of the line.
  void quoted() {
    const char c = m_text[m_at];
    if (c == '"' || c == '\n') {  // a newline ends a broken string
      if (c == '"') ++m_at;
      ++m_tokens;
      m_frames.pop_back();
      return;
    }
    if (interpolation()) return;
    ++m_tokens;
    while (m_at < m_text.size()) {
      const char d = m_text[m_at];
      if (d == '"' || d == '\n' || starts_interpolation()) break;
      m_at += d == '\\' ? 2 : 1;
    }
    m_at = std::min(m_at, m_text.size());
  }

  void heredoc() {
    if (m_line_start) {
      m_line_start = false;
      const auto line_end = std::min(m_text.find('\n', m_at), m_text.size());
      auto line = m_text.substr(m_at, line_end - m_at);
      while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
      while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
      if (line == m_frames.back().tag) {
        ++m_tokens;
        m_frames.pop_back();
        m_at = line_end;  // its newline is read as code
        return;
      }
    }
    if (interpolation()) return;
    ++m_tokens;
    while (m_at < m_text.size() && m_text[m_at] != '\n' && !starts_interpolation()) ++m_at;
    if (m_at < m_text.size() && m_text[m_at] == '\n') {
      ++m_at;
      m_line_start = true;
    }
  }

  [[nodiscard]] bool starts_interpolation() const {
    const auto rest = m_text.substr(m_at);
    return rest.starts_with("${") || rest.starts_with("%{");
  }

  bool interpolation() {
    if (!starts_interpolation()) return false;
    ++m_tokens;
    m_at += 2;
    m_frames.push_back({Frame::Kind::code, 0, {}});
    return true;
  }

  std::string_view m_text;
  std::size_t m_at = 0;
  std::size_t m_tokens = 0;
  bool m_line_start = false;
  std::vector<Frame> m_frames;
  std::vector<Boundary> m_boundaries;
};

}  // namespace

std::vector<TextPiece> split_for_budget(std::string_view text, std::size_t budget) {
  const auto boundaries = Scanner(text).run();
  std::vector<TextPiece> pieces;
  std::uint32_t begin = 0;
  std::size_t begin_tokens = 0;
  std::size_t fits = 0;  // the last boundary whose piece from `begin` is within the budget
  bool has_fit = false;
  for (std::size_t i = 0; i < boundaries.size();) {
    const auto& b = boundaries[i];
    if (b.tokens - begin_tokens <= budget) {
      fits = i;
      has_fit = b.at > begin;
      ++i;
      continue;
    }
    if (has_fit) {  // end the piece at the last boundary that fits, and look at `b` again
      const auto& end = boundaries[fits];
      pieces.push_back({begin, end.at, end.tokens - begin_tokens, false});
      begin = end.at;
      begin_tokens = end.tokens;
      has_fit = false;
      continue;
    }
    // One construct over the budget, up to `b`.
    pieces.push_back({begin, b.at, b.tokens - begin_tokens, true});
    begin = b.at;
    begin_tokens = b.tokens;
    ++i;
  }
  const auto& last = boundaries.back();
  if (last.at > begin || pieces.empty()) {
    pieces.push_back({begin, last.at, last.tokens - begin_tokens, false});
  }
  return pieces;
}

}  // namespace blastgraph::terraform
