#include <cctype>

#include "iam/reader.hpp"

namespace blastgraph::iam::detail {
namespace {

bool is_trust_action(std::string_view pattern) {
  // Trust policies only grant sts actions (AssumeRole*, TagSession, SetSourceIdentity...).
  return pattern.size() > 4 && std::tolower(static_cast<unsigned char>(pattern[0])) == 's' &&
         std::tolower(static_cast<unsigned char>(pattern[1])) == 't' &&
         std::tolower(static_cast<unsigned char>(pattern[2])) == 's' && pattern[3] == ':';
}

void read_statements(const json::Node& node, PolicyDocument& document, ReadContext& context) {
  const auto read_one = [&](const json::Node& item) {
    // A statement cut short by a syntax error is already covered by the iam-json error.
    if (!item.complete) return;
    if (auto statement = read_statement(item, context)) {
      document.statements.push_back(std::move(*statement));
    }
  };
  if (node.is_array()) {
    for (const json::Node& item : node.items) read_one(item);
  } else {
    read_one(node);
  }
}

void read_version(const json::Node& node, PolicyDocument& document, ReadContext& context) {
  if (!node.is_string()) {
    context.report(node.position, Severity::error, "iam-bad-value", "Version must be a string");
    return;
  }
  document.version = node.text;
  if (node.text != "2012-10-17" && node.text != "2008-10-17") {
    context.report(node.position, Severity::warning, "iam-bad-version",
                   "Version '" + node.text + "' is not 2012-10-17 or 2008-10-17");
  }
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// RFC 3986 percent-decoding, as IAM's API returns documents. A '%' not followed by two hex
// digits is kept as it is.
std::string percent_decode(std::string_view text) {
  std::string decoded;
  decoded.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 &&
        hex_value(text[i + 2]) >= 0) {
      decoded += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      i += 2;
    } else {
      decoded += text[i];
    }
  }
  return decoded;
}

std::optional<PolicyDocument> read_string_document(const json::Node& node, ReadContext& context) {
  const std::size_t first = node.text.find_first_not_of(" \t\r\n");
  const bool plain_json = first != std::string::npos && node.text[first] == '{';
  const std::string text = plain_json ? node.text : percent_decode(node.text);
  // Offsets inside a decoded string do not map back to the file: every position inside it
  // is the string's own.
  json::ParsedTree tree = json::parse_tree(text, {context.file(), node.position, true});
  context.take(std::move(tree.diagnostics));
  if (!tree.has_root) return std::nullopt;
  if (!tree.root.is_object()) {
    context.report(node.position, Severity::error, "iam-not-a-policy",
                   "the policy document string does not hold a JSON object");
    return std::nullopt;
  }
  return read_document(tree.root, context);
}

}  // namespace

std::string string_member(const json::Node& node, std::string_view key) {
  const json::Node* value = node.find(key);
  return value != nullptr && value->is_string() ? value->text : std::string();
}

PolicyDocument read_document(const json::Node& node, ReadContext& context) {
  PolicyDocument document;
  document.position = node.position;
  bool has_statement = false;
  for (const json::Member& member : node.members) {
    // A value cut short by a syntax error is already reported; only a Statement list can
    // still hold statements that were read whole.
    if (!member.value.complete && member.key != "Statement") continue;
    if (member.key == "Version") {
      read_version(member.value, document, context);
    } else if (member.key == "Id") {
      document.id = member.value.is_string() ? member.value.text : std::string();
    } else if (member.key == "Statement") {
      has_statement = true;
      read_statements(member.value, document, context);
    } else {
      context.report(member.key_position, Severity::error, "iam-unknown-element",
                     "unknown policy element '" + member.key + "'");
    }
  }
  if (!has_statement && node.complete) {
    context.report(node.position, Severity::error, "iam-missing-statement",
                   "policy document has no Statement");
  }
  document.origin.kind = infer_kind(document);
  return document;
}

std::optional<PolicyDocument> read_nested_document(const json::Node& node,
                                                   const DocumentOrigin& origin,
                                                   ReadContext& context) {
  std::optional<PolicyDocument> document;
  if (node.is_object()) {
    document = read_document(node, context);
  } else if (node.is_string()) {
    document = read_string_document(node, context);
  } else if (node.kind != json::Kind::null) {
    context.report(node.position, Severity::error, "iam-bad-value",
                   "a policy document must be an object or a string");
  }
  if (document) {
    document->position = node.position;
    document->origin = origin;
  }
  return document;
}

DocumentKind infer_kind(const PolicyDocument& document) {
  bool names_principal = false;
  bool only_trust_actions = true;
  for (const Statement& statement : document.statements) {
    if (statement.principals.mode == ListMode::absent) continue;
    names_principal = true;
    only_trust_actions = only_trust_actions && statement.actions.mode == ListMode::listed;
    for (const std::string& action : statement.actions.patterns) {
      only_trust_actions = only_trust_actions && is_trust_action(action);
    }
  }
  if (!names_principal) return DocumentKind::identity;
  return only_trust_actions ? DocumentKind::trust : DocumentKind::resource;
}

}  // namespace blastgraph::iam::detail
