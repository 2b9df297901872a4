#include "change/unified_diff.hpp"

#include <charconv>
#include <optional>

namespace blastgraph::analyzer::diffs {
namespace {

// A line that is blank or a whole-line comment in HCL, YAML or shell syntax.
bool is_comment_or_blank(std::string_view line) {
  const auto start = line.find_first_not_of(" \t\r");
  if (start == std::string_view::npos) return true;
  const auto rest = line.substr(start);
  return rest.front() == '#' || rest.starts_with("//");
}

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// Git quotes paths with unusual characters: "a/with space" with C escapes.
std::string unquote(std::string_view path) {
  if (path.size() < 2 || path.front() != '"' || path.back() != '"') return std::string(path);
  std::string out;
  for (std::size_t i = 1; i + 1 < path.size(); ++i) {
    if (path[i] == '\\' && i + 2 < path.size()) {
      const char next = path[++i];
      out += next == 't' ? '\t' : next == 'n' ? '\n' : next;
    } else {
      out += path[i];
    }
  }
  return out;
}

// A `---`/`+++` path: "/dev/null" means no file; a trailing tab starts a timestamp (diff -u);
// git's a/ and b/ prefixes are dropped.
std::string header_path(std::string_view rest, std::string_view prefix) {
  if (auto tab = rest.find('\t'); tab != std::string_view::npos) rest = rest.substr(0, tab);
  auto path = unquote(rest);
  if (path == "/dev/null") return {};
  if (starts_with(path, prefix)) path.erase(0, prefix.size());
  return path;
}

// `diff --git a/P b/P`: the two halves are equal unless the file was renamed, in which case
// `rename from/to` or the `---`/`+++` lines name it anyway.
void guess_git_paths(std::string_view rest, FileDiff& file) {
  if (rest.size() % 2 == 1) {
    const auto half = rest.size() / 2;
    const auto left = rest.substr(0, half);
    const auto right = rest.substr(half + 1);
    if (starts_with(left, "a/") && starts_with(right, "b/") && left.substr(2) == right.substr(2)) {
      file.old_path = file.new_path = std::string(left.substr(2));
      return;
    }
  }
  if (auto split = rest.find(" b/"); split != std::string_view::npos) {
    file.old_path = header_path(rest.substr(0, split), "a/");
    file.new_path = header_path(rest.substr(split + 1), "b/");
  }
}

std::optional<std::uint32_t> parse_number(std::string_view text, std::size_t& pos) {
  std::uint32_t value = 0;
  const auto* begin = text.data() + pos;
  auto [end, ec] = std::from_chars(begin, text.data() + text.size(), value);
  if (ec != std::errc{} || end == begin) return std::nullopt;
  pos += static_cast<std::size_t>(end - begin);
  return value;
}

// "-a[,b] +c[,d] @@": a missing count means 1.
std::optional<Hunk> parse_hunk_header(std::string_view line) {
  Hunk hunk;
  std::size_t pos = 3;  // after "@@ "
  if (line.size() < 10 || line[pos] != '-') return std::nullopt;
  ++pos;
  auto range = [&](std::uint32_t& start, std::uint32_t& count) {
    auto first = parse_number(line, pos);
    if (!first) return false;
    start = *first;
    count = 1;
    if (pos < line.size() && line[pos] == ',') {
      ++pos;
      auto second = parse_number(line, pos);
      if (!second) return false;
      count = *second;
    }
    return true;
  };
  if (!range(hunk.old_start, hunk.old_count)) return std::nullopt;
  if (line.substr(pos, 2) != " +") return std::nullopt;
  pos += 2;
  if (!range(hunk.new_start, hunk.new_count)) return std::nullopt;
  if (line.substr(pos, 3) != " @@") return std::nullopt;
  return hunk;
}

class Reader {
 public:
  Reader(std::string_view name, ParsedDiff& out) : m_name(name), m_out(out) {}

  void line(std::string_view text, std::uint32_t number) {
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    m_number = number;
    if (m_in_hunk && hunk_line(text)) return;
    header_line(text);
  }

  void finish() {
    if (m_in_hunk) {
      report(Severity::warning, "diff-truncated", "the diff ends inside a hunk");
      m_in_hunk = false;
    }
  }

 private:
  FileDiff* current() { return m_out.files.empty() ? nullptr : &m_out.files.back(); }

  void report(Severity severity, std::string code, std::string message) {
    m_out.diagnostics.push_back({std::string(m_name), {m_number, 1}, severity, std::move(code),
                                 std::move(message)});
  }

  // True when the line belonged to the open hunk.
  bool hunk_line(std::string_view text) {
    auto& hunk = current()->hunks.back();
    const char tag = text.empty() ? ' ' : text.front();  // some tools strip a context space
    if (tag == '\\') return true;                        // "\ No newline at end of file"
    if (tag == ' ' && m_old_left > 0 && m_new_left > 0) {
      --m_old_left;
      --m_new_left;
      ++m_new;
    } else if (tag == '-' && m_old_left > 0) {
      hunk.deleted_before.push_back(m_new);
      hunk.comments_only = hunk.comments_only && is_comment_or_blank(text.substr(1));
      --m_old_left;
    } else if (tag == '+' && m_new_left > 0) {
      hunk.added.push_back(m_new);
      hunk.comments_only = hunk.comments_only && is_comment_or_blank(text.substr(1));
      --m_new_left;
      ++m_new;
    } else {
      report(Severity::error, "diff-syntax",
             "hunk ends early: its header promised more lines than follow");
      m_in_hunk = false;
      return false;
    }
    if (m_old_left == 0 && m_new_left == 0) m_in_hunk = false;
    return true;
  }

  void header_line(std::string_view text) {
    if (starts_with(text, "diff --git ")) {
      m_out.files.emplace_back();
      guess_git_paths(text.substr(11), m_out.files.back());
      m_git_header = true;
      return;
    }
    if (starts_with(text, "--- ")) {
      // A plain `diff -u` has no `diff --git` line: `---` after a hunk starts the next file.
      auto* file = current();
      if (file == nullptr || !m_git_header || !file->hunks.empty()) {
        m_out.files.emplace_back();
        m_git_header = false;
      }
      current()->old_path = header_path(text.substr(4), "a/");
      if (current()->old_path.empty()) current()->added = true;
      return;
    }
    auto* file = current();
    if (file == nullptr) return;  // preamble: commit message, mail headers
    if (starts_with(text, "+++ ")) {
      file->new_path = header_path(text.substr(4), "b/");
      if (file->new_path.empty()) file->deleted = true;
    } else if (starts_with(text, "@@ ")) {
      start_hunk(text, *file);
    } else if (starts_with(text, "new file mode")) {
      file->added = true;
    } else if (starts_with(text, "deleted file mode")) {
      file->deleted = true;
    } else if (starts_with(text, "rename from ")) {
      file->renamed = true;
      file->old_path = unquote(text.substr(12));
    } else if (starts_with(text, "rename to ")) {
      file->renamed = true;
      file->new_path = unquote(text.substr(10));
    } else if (starts_with(text, "Binary files ") || text == "GIT binary patch") {
      file->binary = true;
    }
  }

  void start_hunk(std::string_view text, FileDiff& file) {
    auto hunk = parse_hunk_header(text);
    if (!hunk) {
      report(Severity::error, "diff-syntax", "malformed hunk header; expected @@ -a,b +c,d @@");
      return;
    }
    // With a count of 0 the start names the line *before* the hunk, so a pure deletion after
    // new line n lies before line n + 1.
    m_new = hunk->new_count == 0 ? hunk->new_start + 1 : hunk->new_start;
    m_old_left = hunk->old_count;
    m_new_left = hunk->new_count;
    m_in_hunk = m_old_left > 0 || m_new_left > 0;
    file.hunks.push_back(std::move(*hunk));
  }

  std::string_view m_name;
  ParsedDiff& m_out;
  std::uint32_t m_number = 0;
  bool m_in_hunk = false;
  bool m_git_header = false;
  std::uint32_t m_old_left = 0;
  std::uint32_t m_new_left = 0;
  std::uint32_t m_new = 0;  // new-side number of the next new line
};

}  // namespace

ParsedDiff parse_unified_diff(std::string_view text, std::string_view name) {
  ParsedDiff out;
  Reader reader(name, out);
  std::uint32_t number = 0;
  std::size_t begin = 0;
  while (begin < text.size()) {
    auto end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    reader.line(text.substr(begin, end - begin), ++number);
    begin = end + 1;
  }
  reader.finish();
  if (out.files.empty() && text.find_first_not_of(" \t\r\n") != std::string_view::npos) {
    out.diagnostics.push_back({std::string(name), {1, 1}, Severity::error, "diff-syntax",
                               "no file header (diff --git or ---/+++) found"});
  }
  return out;
}

}  // namespace blastgraph::analyzer::diffs
