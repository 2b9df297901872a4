#pragma once
// Reading policy-file values out of YAML nodes, reporting what does not fit as `config-*`
// diagnostics at the node's line:column. Every read returns nullopt after reporting, so a
// caller drops the entry it was reading and goes on with the next.

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "blastgraph/analyzer/score.hpp"
#include "blastgraph/core/diagnostic.hpp"
#include "blastgraph/graph/model.hpp"
#include "blastgraph/parsers/yaml.hpp"

namespace blastgraph::analyzer::config {

// Which glob syntax a list holds; both are checked the same way (globs.hpp), the kind only
// names them in messages.
enum class GlobKind { path, id, type, name };

class Reader {
 public:
  Reader(std::string file, std::vector<Diagnostic>& diagnostics)
      : m_file(std::move(file)), m_diagnostics(diagnostics) {}

  void error(const yaml::Node& at, std::string code, std::string message);
  // Errors reported so far; compare before and after reading an entry to know whether to
  // keep it.
  [[nodiscard]] std::size_t errors() const { return m_errors; }

  // False (and a config-type error) when `node` is not a mapping.
  bool expect_mapping(const yaml::Node& node, std::string_view what);
  // Reports each key of `mapping` that is not in `allowed` (config-unknown-key, with the
  // allowed keys and a "did you mean" for a near miss). False when one was found.
  bool check_keys(const yaml::Node& mapping, std::span<const std::string_view> allowed,
                  std::string_view where);

  [[nodiscard]] std::optional<std::string> read_string(const yaml::Node& node, std::string_view what);
  // A sequence of scalars; a scalar or mapping is a config-type error.
  [[nodiscard]] std::optional<std::vector<std::string>> read_strings(const yaml::Node& node,
                                                                     std::string_view what);
  // read_strings, then each item checked as a glob (config-glob).
  [[nodiscard]] std::optional<std::vector<std::string>> read_globs(const yaml::Node& node,
                                                                   std::string_view what,
                                                                   GlobKind kind);
  [[nodiscard]] std::optional<int> read_int(const yaml::Node& node, std::string_view what);
  [[nodiscard]] std::optional<Tier> read_tier(const yaml::Node& node, std::string_view what);
  [[nodiscard]] std::optional<graph::Criticality> read_class(const yaml::Node& node);

 private:
  std::string m_file;
  std::vector<Diagnostic>& m_diagnostics;
  std::size_t m_errors = 0;
};

// A tier by name, any case ("HIGH", "high"); nullopt for anything else.
[[nodiscard]] std::optional<Tier> parse_tier(std::string_view name);

// The allowed word closest to `word` when it is a plausible typo of it, else empty.
[[nodiscard]] std::string_view nearest_word(std::string_view word,
                                            std::span<const std::string_view> allowed);

}  // namespace blastgraph::analyzer::config
