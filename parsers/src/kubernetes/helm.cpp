// Telling a Helm chart template from a manifest that merely carries Go-template text in its
// data (Prometheus rules, Alertmanager templates, Argo Workflows parameters).

#include <array>

#include "kubernetes/extract.hpp"
#include "kubernetes/yaml_lines.hpp"

namespace blastgraph::kubernetes {
namespace detail {
namespace {

// Built-in objects and functions only Helm provides; a template naming one is a chart.
constexpr std::array<std::string_view, 6> k_helm_objects{".Values",       ".Release", ".Chart",
                                                         ".Capabilities", ".Files",   ".Template"};
constexpr std::array<std::string_view, 5> k_helm_functions{"include", "tpl", "toYaml", "required",
                                                           "lookup"};

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool has_word(std::string_view text, std::string_view word) {
  for (std::size_t at = text.find(word); at != std::string_view::npos;
       at = text.find(word, at + 1)) {
    bool starts = at == 0 || !is_word_char(text[at - 1]);
    bool ends = at + word.size() == text.size() || !is_word_char(text[at + word.size()]);
    if (starts && ends) return true;
  }
  return false;
}

bool names_helm(std::string_view action) {
  for (std::string_view object : k_helm_objects) {
    if (action.find(object) != std::string_view::npos) return true;
  }
  for (std::string_view function : k_helm_functions) {
    if (has_word(action, function)) return true;
  }
  return false;
}

}  // namespace

std::optional<SourcePosition> find_template_action(std::string_view text, ActionKind kind) {
  for (std::size_t open = text.find("{{"); open != std::string_view::npos;
       open = text.find("{{", open + 2)) {
    std::size_t close = text.find("}}", open + 2);
    if (close == std::string_view::npos) return std::nullopt;
    if (kind == ActionKind::any || names_helm(text.substr(open + 2, close - open - 2))) {
      return yaml::detail::position_at(text, open);
    }
  }
  return std::nullopt;
}

}  // namespace detail

bool is_placeholder(std::string_view value) {
  for (std::string_view open : {"${", "{{"}) {
    const auto at = value.find(open);
    if (at != std::string_view::npos && value.find('}', at + 2) != std::string_view::npos) {
      return true;
    }
  }
  return false;
}

bool is_helm_template(std::string_view text) {
  return detail::find_template_action(text, detail::ActionKind::helm).has_value();
}

}  // namespace blastgraph::kubernetes
