#include "terraform/static_eval.hpp"

#include <string_view>

namespace blastgraph::analyzer::terraform_link {
namespace {

constexpr int k_max_hops = 64;

bool is_identifier(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

// "var.name" or "\"${var.name}\"" -> "name".
std::optional<std::string> variable_name(std::string_view expression) {
  auto text = expression;
  if (text.starts_with("\"${") && text.ends_with("}\"") && text.size() > 5) {
    text = text.substr(3, text.size() - 5);
  }
  if (!text.starts_with("var.")) return std::nullopt;
  text.remove_prefix(4);
  if (!is_identifier(text)) return std::nullopt;
  return std::string(text);
}

}  // namespace

std::optional<std::string> static_string(const Instance& instance, const terraform::Value& value) {
  const Instance* scope = &instance;
  const terraform::Value* current = &value;
  for (int hop = 0; hop < k_max_hops; ++hop) {
    if (current->literal) return current->literal;
    auto name = variable_name(current->expression);
    if (!name) return std::nullopt;
    if (scope->call != nullptr) {
      if (auto it = scope->call->attributes.find(*name); it != scope->call->attributes.end()) {
        current = &it->second;
        scope = scope->parent;
        continue;
      }
    }
    // Not passed by the caller (or a root): the variable's default.
    auto decl = scope->dir->by_address.find("var." + *name);
    if (decl == scope->dir->by_address.end()) return std::nullopt;
    auto def = decl->second->attributes.find("default");
    if (def == decl->second->attributes.end()) return std::nullopt;
    current = &def->second;
  }
  return std::nullopt;
}

}  // namespace blastgraph::analyzer::terraform_link
