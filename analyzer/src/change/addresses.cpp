#include "change/addresses.hpp"

#include <vector>

namespace blastgraph::analyzer::addresses {

std::string strip_instance_keys(std::string_view address) {
  std::string out;
  int depth = 0;
  bool quoted = false;
  for (std::size_t i = 0; i < address.size(); ++i) {
    const char c = address[i];
    if (quoted) {
      if (c == '\\') ++i;
      else if (c == '"') quoted = false;
      continue;
    }
    if (c == '[') ++depth;
    else if (c == ']' && depth > 0) --depth;
    else if (depth > 0 && c == '"') quoted = true;
    else if (depth == 0) out += c;
  }
  return out;
}

std::optional<std::string> reference_subject(std::string_view reference) {
  const auto plain = strip_instance_keys(reference);
  std::vector<std::string> parts;
  std::size_t begin = 0;
  while (begin <= plain.size()) {
    auto end = plain.find('.', begin);
    if (end == std::string::npos) end = plain.size();
    parts.push_back(plain.substr(begin, end - begin));
    begin = end + 1;
  }
  for (const auto& part : parts) {
    if (part.empty()) return std::nullopt;
  }
  const auto& head = parts.front();
  if (head == "count" || head == "each" || head == "path" || head == "self" ||
      head == "terraform") {
    return std::nullopt;
  }
  if (parts.size() < 2) return std::nullopt;
  if (head == "var" || head == "local") return head + "." + parts[1];
  if (head == "module") {
    if (parts.size() == 2) return "module." + parts[1];
    return "module." + parts[1] + ".output." + parts[2];
  }
  if (head == "data") {
    if (parts.size() < 3) return std::nullopt;
    return "data." + parts[1] + "." + parts[2];
  }
  return head + "." + parts[1];
}

}  // namespace blastgraph::analyzer::addresses
