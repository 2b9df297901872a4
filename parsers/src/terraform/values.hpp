#pragma once
// Reading literal values out of expressions: attribute values, labels, object entries and the
// provider addresses of meta-arguments.

#include <tree_sitter/api.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "blastgraph/parsers/terraform.hpp"
#include "terraform/parse_context.hpp"

namespace blastgraph::terraform {

// The expression's source text, its literal value when it has one, and its position.
[[nodiscard]] Value make_value(ParseContext& context, TSNode expression);

// The value of a plain string (no interpolation), number or bool; nullopt otherwise.
[[nodiscard]] std::optional<std::string> literal_of(ParseContext& context, TSNode expression);

// The content of a quoted string literal with its escapes resolved.
[[nodiscard]] std::string string_content(ParseContext& context, TSNode string_lit);

// The text a block label or object key stands for: an identifier's name, a string's content,
// otherwise the expression's source text.
[[nodiscard]] std::string key_text(ParseContext& context, TSNode node);

// `aws.west` (or the legacy string "aws.west") as written in a provider meta-argument or a
// providers map value; nullopt when the expression is not a provider address.
[[nodiscard]] std::optional<std::string> provider_address(ParseContext& context, TSNode expression);

struct ObjectEntry {
  TSNode key;
  TSNode value;
};

// The entries of an object constructor `{ k = v, ... }`; empty when `expression` is not one.
[[nodiscard]] std::vector<ObjectEntry> object_entries(ParseContext& context, TSNode expression);

// The elements of a tuple constructor `[a, b, ...]`; empty when `expression` is not one.
[[nodiscard]] std::vector<TSNode> tuple_items(ParseContext& context, TSNode expression);

// The only named child of `node` that is not a comment; a null node when there is not exactly one.
[[nodiscard]] TSNode sole_child(ParseContext& context, TSNode node);

}  // namespace blastgraph::terraform
