#pragma once
// What a node *is*, as text that ignores how it is written: two versions of a node with equal
// content are the same configuration, however they are indented, commented or formatted.

#include <map>
#include <string>
#include <vector>

#include "blastgraph/analyzer/workspace.hpp"
#include "blastgraph/parsers/terraform.hpp"
#include "blastgraph/parsers/yaml.hpp"

namespace blastgraph::analyzer::content {

struct NodeContent {
  std::string text;  // normalized content; compare for equality only
  // Terraform: the node id without the block's address (`envs/prod:module.a.`), so a
  // `moved` block's addresses can be turned into ids; empty for other domains.
  std::string scope;
  std::string dir;  // Terraform: the directory of the node's file (where its `moved` blocks live)
};

// A `moved` block: in the directory `dir`, `from` became `to` (addresses without keys).
struct Move {
  std::string dir;
  std::string from;
  std::string to;
};

struct WorkspaceContent {
  std::map<std::string, NodeContent> nodes;  // by node id; resource, value and module nodes
  std::vector<Move> moves;
};

// Reads every node's source text again (the graph keeps spans, not text):
//  - Terraform: the parser's normalized_text of the block at the node's span (comments
//    dropped, whitespace folded);
//  - YAML and JSON: the parsed tree of the span's text (scalars with their plain/quoted
//    kind, mapping entries in order), so indentation, flow style and comments do not count;
//  - otherwise, or when that fails: the span's lines with whitespace runs folded.
// Lines first..last (1-based) of `text`.
[[nodiscard]] std::string_view lines_of(std::string_view text, std::uint32_t first,
                                        std::uint32_t last);

// A YAML node as comparable text: scalars with their plain/quoted kind, mapping entries in
// order; "" for an absent node.
[[nodiscard]] std::string tree_text(const yaml::Node& node);

// `text` with every whitespace run (newlines included) folded to one space, trimmed.
[[nodiscard]] std::string fold_whitespace(std::string_view text);

// The normalized content of YAML or JSON text (documents as parsed trees), or its text with
// whitespace folded when it does not parse.
[[nodiscard]] std::string document_content(const std::string& path, std::string_view text);

[[nodiscard]] WorkspaceContent read_content(const Workspace& workspace, const LoadOptions& options);

}  // namespace blastgraph::analyzer::content
