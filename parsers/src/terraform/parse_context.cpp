#include "terraform/parse_context.hpp"

namespace blastgraph::terraform {

void ParseContext::report_syntax_error(SourcePosition position, std::string message) {
  if (m_syntax_errors++ < k_max_syntax_errors) {
    report(position, Severity::error, "hcl-syntax", std::move(message));
  } else if (m_syntax_errors == k_max_syntax_errors + 1) {
    m_first_omitted = position;
  }
}

void ParseContext::report_omitted_syntax_errors() {
  if (m_syntax_errors <= k_max_syntax_errors) return;
  report(m_first_omitted, Severity::note, "hcl-syntax",
         std::to_string(m_syntax_errors - k_max_syntax_errors) +
             " more syntax errors in this file are not listed");
}

void ParseContext::report_too_deep(TSNode node) {
  if (m_reported_too_deep) return;
  m_reported_too_deep = true;
  report(start_position(node), Severity::error, "hcl-too-deep",
         "nesting deeper than " + std::to_string(k_max_nesting_depth) +
             " levels; the rest of this block is not read");
}

}  // namespace blastgraph::terraform
