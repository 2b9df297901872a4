// yaml::load: drives libyaml's event parser into the TreeBuilder. After a syntax error
// libyaml cannot go on, so reading restarts at the next `---` line and only the broken
// document is lost.

#include <yaml.h>

#include <string>

#include "kubernetes/yaml_builder.hpp"
#include "kubernetes/yaml_lines.hpp"

namespace blastgraph::yaml {
namespace {

using detail::NodeEvent;
using detail::Problem;
using detail::TreeBuilder;

// One libyaml parser over one segment of the text, with marks shifted by the segment's
// first line so positions are those of the whole file.
class EventParser {
 public:
  EventParser(std::string_view text, std::uint32_t line_base) : m_line_base(line_base) {
    yaml_parser_initialize(&m_parser);
    yaml_parser_set_input_string(&m_parser, reinterpret_cast<const unsigned char*>(text.data()),
                                 text.size());
  }
  EventParser(const EventParser&) = delete;
  EventParser& operator=(const EventParser&) = delete;
  ~EventParser() { yaml_parser_delete(&m_parser); }

  // False on a syntax error; `event` is then empty.
  bool next(yaml_event_t& event) { return yaml_parser_parse(&m_parser, &event) != 0; }

  [[nodiscard]] SourcePosition position(const yaml_mark_t& mark) const {
    return {static_cast<std::uint32_t>(mark.line) + m_line_base + 1,
            static_cast<std::uint32_t>(mark.column) + 1};
  }
  // The last line with a character before `mark` (a mark at column 0 ends the line above).
  [[nodiscard]] std::uint32_t last_line_before(const yaml_mark_t& mark) const {
    auto line = static_cast<std::uint32_t>(mark.line) + m_line_base;
    return mark.column == 0 && mark.line > 0 ? line : line + 1;
  }
  [[nodiscard]] const yaml_parser_t& state() const { return m_parser; }

 private:
  yaml_parser_t m_parser{};
  std::uint32_t m_line_base = 0;
};

class EventGuard {
 public:
  explicit EventGuard(yaml_event_t& event) : m_event(event) {}
  EventGuard(const EventGuard&) = delete;
  EventGuard& operator=(const EventGuard&) = delete;
  ~EventGuard() { yaml_event_delete(&m_event); }

 private:
  yaml_event_t& m_event;
};

std::string_view view(const yaml_char_t* text) {
  return text == nullptr ? std::string_view()
                         : std::string_view(reinterpret_cast<const char*>(text));
}

ScalarStyle to_style(yaml_scalar_style_t style) {
  switch (style) {
    case YAML_SINGLE_QUOTED_SCALAR_STYLE:
      return ScalarStyle::single_quoted;
    case YAML_DOUBLE_QUOTED_SCALAR_STYLE:
      return ScalarStyle::double_quoted;
    case YAML_LITERAL_SCALAR_STYLE:
      return ScalarStyle::literal;
    case YAML_FOLDED_SCALAR_STYLE:
      return ScalarStyle::folded;
    case YAML_ANY_SCALAR_STYLE:
    case YAML_PLAIN_SCALAR_STYLE:
      return ScalarStyle::plain;
  }
  return ScalarStyle::plain;
}

struct SegmentEnd {
  bool failed = false;
  std::uint32_t error_line = 0;  // 0-based within the segment
  bool utf8 = true;
};

// Reads one segment's events into the builder. Document-level problems (limits) skip the
// rest of that document; a syntax error ends the segment.
class SegmentReader {
 public:
  SegmentReader(std::string_view path, std::string_view text, std::uint32_t line_base,
                TreeBuilder& builder, Stream& stream, const Limits& limits)
      : m_path(path),
        m_text(text),
        m_line_base(line_base),
        m_parser(text, line_base),
        m_builder(builder),
        m_stream(stream),
        m_limits(limits) {}

  SegmentEnd run();

 private:
  // True when the stream has ended.
  bool handle(const yaml_event_t& event);
  std::optional<Problem> handle_node(const yaml_event_t& event);
  void report(const Problem& problem);
  SegmentEnd report_syntax_error();

  std::string_view m_path;
  std::string_view m_text;
  std::uint32_t m_line_base;
  EventParser m_parser;
  TreeBuilder& m_builder;
  Stream& m_stream;
  const Limits& m_limits;
  std::size_t m_document_start = 0;  // character index of the document start
  bool m_skipping = false;           // the current document hit a limit
};

SegmentEnd SegmentReader::run() {
  for (;;) {
    yaml_event_t event;
    if (!m_parser.next(event)) return report_syntax_error();
    EventGuard guard(event);
    if (handle(event)) break;
  }
  return SegmentEnd{false, 0, m_parser.state().encoding == YAML_UTF8_ENCODING};
}

bool SegmentReader::handle(const yaml_event_t& event) {
  switch (event.type) {
    case YAML_STREAM_END_EVENT:
      return true;
    case YAML_DOCUMENT_START_EVENT:
      m_builder.begin_document(m_parser.position(event.start_mark));
      m_document_start = event.start_mark.index;
      m_skipping = false;
      return false;
    case YAML_DOCUMENT_END_EVENT:
      if (!m_skipping) {
        if (auto document = m_builder.end_document()) m_stream.documents.push_back(*document);
      }
      // Warnings stand even when their document was dropped later.
      for (const Problem& warning : m_builder.take_warnings()) report(warning);
      return false;
    default:
      break;
  }
  if (m_skipping) return false;
  if (event.end_mark.index - m_document_start > m_limits.max_document_chars) {
    report(Problem{Severity::error, "yaml-too-large",
                   "document longer than " + std::to_string(m_limits.max_document_chars) +
                       " characters; document skipped",
                   m_parser.position(event.start_mark)});
  } else if (auto problem = handle_node(event)) {
    report(*problem);
  } else {
    return false;
  }
  m_builder.abandon_document();
  m_skipping = true;
  return false;
}

std::optional<Problem> SegmentReader::handle_node(const yaml_event_t& event) {
  NodeEvent node;
  node.start = m_parser.position(event.start_mark);
  node.last_line = m_parser.last_line_before(event.end_mark);
  switch (event.type) {
    case YAML_SCALAR_EVENT:
      node.anchor = view(event.data.scalar.anchor);
      node.tag = view(event.data.scalar.tag);
      return m_builder.add_scalar(
          node,
          std::string_view(reinterpret_cast<const char*>(event.data.scalar.value),
                           event.data.scalar.length),
          to_style(event.data.scalar.style));
    case YAML_ALIAS_EVENT:
      node.anchor = view(event.data.alias.anchor);
      return m_builder.add_alias(node);
    case YAML_SEQUENCE_START_EVENT:
      node.anchor = view(event.data.sequence_start.anchor);
      return m_builder.begin_container(node, NodeKind::sequence,
                                       event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE);
    case YAML_MAPPING_START_EVENT:
      node.anchor = view(event.data.mapping_start.anchor);
      return m_builder.begin_container(node, NodeKind::mapping,
                                       event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE);
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT:
      return m_builder.end_container(node.last_line);
    default:
      return std::nullopt;
  }
}

void SegmentReader::report(const Problem& problem) {
  m_stream.diagnostics.push_back(Diagnostic{std::string(m_path), problem.position, problem.severity,
                                            problem.code, problem.message});
}

// Position of a byte offset of the segment, for reader errors that only give one.
SourcePosition position_of_offset(std::string_view text, std::size_t offset,
                                  std::uint32_t line_base) {
  return detail::position_at(text, offset, line_base);
}

SegmentEnd SegmentReader::report_syntax_error() {
  const yaml_parser_t& p = m_parser.state();
  Problem problem{
      Severity::error, "yaml-syntax", std::string(p.problem == nullptr ? "" : p.problem), {}};
  if (p.error == YAML_READER_ERROR) {
    problem.position = position_of_offset(m_text, p.problem_offset, m_line_base);
  } else {
    problem.position = m_parser.position(p.problem_mark);
    if (p.context != nullptr) {
      SourcePosition context = m_parser.position(p.context_mark);
      problem.message += " (" + std::string(p.context) + " at line " +
                         std::to_string(context.line) + " column " +
                         std::to_string(context.column) + ")";
    }
  }
  // At the end of a text without a final line break libyaml points one line past it.
  SourcePosition end = position_of_offset(m_text, m_text.size(), m_line_base);
  if (problem.position > end) problem.position = end;
  if (problem.message.empty()) problem.message = "cannot read YAML";
  for (const Problem& warning : m_builder.take_warnings()) report(warning);
  report(problem);
  m_builder.abandon_document();
  auto error_line = p.error == YAML_READER_ERROR ? problem.position.line - m_line_base - 1
                                                 : static_cast<std::uint32_t>(p.problem_mark.line);
  return SegmentEnd{true, error_line, p.encoding == YAML_UTF8_ENCODING};
}

// Where reading resumes after a syntax error: the first line at or after `line` (0-based)
// that starts a new document with `---`, as {byte offset, line}; nullopt when none follows.
std::optional<std::pair<std::size_t, std::uint32_t>> next_document_marker(std::string_view text,
                                                                          std::uint32_t line) {
  std::size_t start = 0;
  for (std::uint32_t current = 0; start < text.size(); ++current) {
    if (current >= line && start > 0 && text.substr(start, 3) == "---" &&
        (start + 3 == text.size() ||
         std::string_view(" \t\r\n").find(text[start + 3]) != std::string_view::npos)) {
      return std::pair{start, current};
    }
    while (start < text.size() && detail::break_width(text, start) == 0) ++start;
    if (start == text.size()) break;
    start += detail::break_width(text, start);
  }
  return std::nullopt;
}

// Node indices and text offsets are 32-bit.
constexpr std::size_t k_max_stream_bytes = std::size_t{1} << 31U;

}  // namespace

Stream::Stream() : m_arena(std::make_unique<detail::Arena>()) {}
Stream::Stream(Stream&&) noexcept = default;
Stream& Stream::operator=(Stream&&) noexcept = default;
Stream::~Stream() = default;

Stream load(std::string_view path, std::string_view text, const Limits& limits) {
  Stream stream;
  if (text.size() > k_max_stream_bytes) {
    stream.diagnostics.push_back(Diagnostic{std::string(path),
                                            {},
                                            Severity::error,
                                            "yaml-too-large",
                                            "file too large to read as YAML"});
    return stream;
  }
  // Kubernetes YAML has roughly one node per dozen bytes; reserving up front avoids most
  // regrowth copies on large files.
  stream.m_arena->nodes.reserve(text.size() / 12);
  stream.m_arena->children.reserve(text.size() / 12);
  stream.m_arena->text.reserve(text.size() / 2);
  TreeBuilder builder(*stream.m_arena, limits, text.size());
  std::size_t offset = 0;
  std::uint32_t line_base = 0;
  for (;;) {
    SegmentReader reader(path, text.substr(offset), line_base, builder, stream, limits);
    SegmentEnd end = reader.run();
    // Only UTF-8 can be cut at a line: a UTF-16 file has no second chance.
    if (!end.failed || !end.utf8) break;
    auto marker = next_document_marker(text.substr(offset), end.error_line);
    if (!marker) break;
    offset += marker->first;
    line_base += marker->second;
  }
  return stream;
}

}  // namespace blastgraph::yaml
