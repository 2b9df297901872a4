// Typed reads of policy-file values with positioned diagnostics.
#include "config/reader.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>

#include "config/globs.hpp"

namespace blastgraph::analyzer::config {
namespace {

std::string_view kind_name(const yaml::Node& node) {
  switch (node.kind()) {
    case yaml::NodeKind::scalar: return node.is_null() ? "nothing" : "a scalar";
    case yaml::NodeKind::sequence: return "a list";
    case yaml::NodeKind::mapping: return "a mapping";
    case yaml::NodeKind::none: break;
  }
  return "nothing";
}

std::string_view glob_noun(GlobKind kind) {
  switch (kind) {
    case GlobKind::path: return "path glob";
    case GlobKind::id: return "id glob";
    case GlobKind::type: return "type glob";
    case GlobKind::name: return "name glob";
  }
  return "glob";
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      const bool same = std::tolower(static_cast<unsigned char>(a[i - 1])) ==
                        std::tolower(static_cast<unsigned char>(b[j - 1]));
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (same ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string join(std::span<const std::string_view> words) {
  std::string out;
  for (auto word : words) out += (out.empty() ? "" : ", ") + std::string(word);
  return out;
}

}  // namespace

std::optional<Tier> parse_tier(std::string_view name) {
  constexpr std::array<Tier, 4> k_tiers{Tier::low, Tier::medium, Tier::high, Tier::critical};
  for (auto tier : k_tiers) {
    const auto text = to_string(tier);
    if (text.size() == name.size() &&
        std::equal(text.begin(), text.end(), name.begin(), [](char a, char b) {
          return a == std::toupper(static_cast<unsigned char>(b));
        })) {
      return tier;
    }
  }
  return std::nullopt;
}

std::string_view nearest_word(std::string_view word, std::span<const std::string_view> allowed) {
  std::string_view best;
  std::size_t best_distance = 0;
  for (auto candidate : allowed) {
    const auto distance = edit_distance(word, candidate);
    if (best.empty() || distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  // A typo, not a different word: at most two edits, and fewer than half the letters.
  const bool near = best_distance <= 2 && best_distance * 2 < std::max<std::size_t>(word.size(), 2);
  return near ? best : std::string_view{};
}

void Reader::error(const yaml::Node& at, std::string code, std::string message) {
  m_diagnostics.push_back({m_file, at.position(), Severity::error, std::move(code), std::move(message)});
  ++m_errors;
}

bool Reader::expect_mapping(const yaml::Node& node, std::string_view what) {
  if (node.is_mapping()) return true;
  error(node, "config-type",
        std::string(what) + " must be a mapping, not " + std::string(kind_name(node)));
  return false;
}

bool Reader::check_keys(const yaml::Node& mapping, std::span<const std::string_view> allowed,
                        std::string_view where) {
  bool ok = true;
  for (std::size_t i = 0; i < mapping.size(); ++i) {
    const auto key = mapping.key(i);
    const auto name = key.scalar();
    if (key.is_scalar() && std::find(allowed.begin(), allowed.end(), name) != allowed.end()) continue;
    std::string message = "unknown key '" + std::string(name) + "' in " + std::string(where);
    if (auto near = nearest_word(name, allowed); !near.empty()) {
      message += "; did you mean '" + std::string(near) + "'?";
    }
    message += " (allowed: " + join(allowed) + ")";
    error(key, "config-unknown-key", std::move(message));
    ok = false;
  }
  return ok;
}

std::optional<std::string> Reader::read_string(const yaml::Node& node, std::string_view what) {
  if (node.is_text()) return std::string(node.scalar());
  error(node, "config-type",
        std::string(what) + " must be a string, not " + std::string(kind_name(node)));
  return std::nullopt;
}

std::optional<std::vector<std::string>> Reader::read_strings(const yaml::Node& node,
                                                             std::string_view what) {
  if (node.is_null() && node.is_scalar()) return std::vector<std::string>{};  // `ids:` left empty
  if (!node.is_sequence()) {
    error(node, "config-type",
          std::string(what) + " must be a list of strings, not " + std::string(kind_name(node)));
    return std::nullopt;
  }
  std::vector<std::string> out;
  bool ok = true;
  for (std::size_t i = 0; i < node.size(); ++i) {
    const auto item = node.item(i);
    if (!item.is_text()) {
      error(item, "config-type",
            "items of " + std::string(what) + " must be strings, not " + std::string(kind_name(item)));
      ok = false;
      continue;
    }
    out.emplace_back(item.scalar());
  }
  if (!ok) return std::nullopt;
  return out;
}

std::optional<std::vector<std::string>> Reader::read_globs(const yaml::Node& node,
                                                           std::string_view what, GlobKind kind) {
  auto globs = read_strings(node, what);
  if (!globs) return std::nullopt;
  bool ok = true;
  for (std::size_t i = 0; i < globs->size(); ++i) {
    if (auto problem = check_glob((*globs)[i])) {
      error(node.item(i), "config-glob",
            "bad " + std::string(glob_noun(kind)) + " '" + (*globs)[i] + "' in " +
                std::string(what) + ": " + problem->message + " at offset " +
                std::to_string(problem->offset));
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return globs;
}

std::optional<int> Reader::read_int(const yaml::Node& node, std::string_view what) {
  const auto text = node.scalar();
  int value = 0;
  if (node.is_text() && node.is_plain()) {
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec == std::errc{} && end == text.data() + text.size()) return value;
  }
  error(node, "config-type",
        std::string(what) + " must be an integer, not " +
            (node.is_scalar() ? "'" + std::string(text) + "'" : std::string(kind_name(node))));
  return std::nullopt;
}

std::optional<Tier> Reader::read_tier(const yaml::Node& node, std::string_view what) {
  if (node.is_text()) {
    if (auto tier = parse_tier(node.scalar())) return tier;
  }
  error(node, "config-tier",
        std::string(what) + ": '" + std::string(node.scalar()) +
            "' is not a tier (LOW, MEDIUM, HIGH, CRITICAL)");
  return std::nullopt;
}

std::optional<graph::Criticality> Reader::read_class(const yaml::Node& node) {
  std::string names;
  for (int i = 0; i <= static_cast<int>(graph::Criticality::account); ++i) {
    const auto klass = static_cast<graph::Criticality>(i);
    if (node.is_text() && node.scalar() == graph::to_string(klass)) return klass;
    names += (names.empty() ? "" : ", ") + std::string(graph::to_string(klass));
  }
  error(node, "config-class",
        "'" + std::string(node.scalar()) + "' is not a criticality class (" + names + ")");
  return std::nullopt;
}

}  // namespace blastgraph::analyzer::config
