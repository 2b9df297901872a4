#include <regex>

#include "blastgraph/store/database.hpp"

namespace blastgraph::store {

bool is_database_url(std::string_view text) {
  return text.starts_with("postgresql://") || text.starts_with("postgres://");
}

std::string redact_url(std::string_view url) {
  std::string out(url);
  if (is_database_url(out)) {
    // scheme://user:password@host -> scheme://user:***@host
    static const std::regex user_info(R"(^(postgres(?:ql)?://[^:@/?]*):[^@/?]*@)");
    out = std::regex_replace(out, user_info, "$1:***@");
  }
  // `password=...` as a URI parameter or a key=value pair (quoted or not).
  static const std::regex parameter(R"((^|[?&\s])password\s*=\s*('([^'\\]|\\.)*'|[^&\s]*))");
  return std::regex_replace(out, parameter, "$1password=***");
}

}  // namespace blastgraph::store
