#pragma once
// Terraform (HCL) parser: one file's text -> the blocks it declares and every reference their
// expressions make, plus diagnostics. It never throws on bad input: a syntax error becomes a
// diagnostic and the rest of the file is still read.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "blastgraph/core/diagnostic.hpp"
#include "blastgraph/core/source_span.hpp"
#include "blastgraph/core/symbol.hpp"

namespace blastgraph::terraform {

enum class BlockKind {
  resource,
  data,
  ephemeral,  // `ephemeral "TYPE" "NAME"`: opened for each run, never stored in state
  module,
  variable,
  local,  // one entry of a `locals` block
  output,
  provider,
  terraform,
  moved,
  removed,  // `removed { from = ... }`: stops managing an object, destroying it or not
  import,
  check,
  unknown,  // a block type Terraform does not have; reported as a diagnostic
};

[[nodiscard]] std::string_view to_string(BlockKind kind);

// Where a reference was written; the analyzer turns it into an edge kind.
enum class ReferenceContext {
  expression,  // any attribute or nested block, templates and heredocs included
  depends_on,
  count,
  for_each,
  provider,  // the `provider = aws.west` meta-argument
};

// A reference normalized to its subject, as Terraform does:
//   aws_instance.web.private_ip -> "aws_instance.web"
//   data.aws_ami.ubuntu.id      -> "data.aws_ami.ubuntu"
//   module.net.vpc_id           -> "module.net.vpc_id"   (that output of that call)
//   module.net                  -> "module.net"          (the whole call)
//   var.region / local.tags     -> "var.region" / "local.tags"
//   aws.west (provider meta)    -> "provider.aws.west"
// count.*, each.*, path.*, terraform.*, self and for/dynamic iterator symbols are not
// references and never appear.
struct Reference {
  std::string subject;
  // Dotted path in the referencing block: "ingress.cidr_blocks". Nested block types are part
  // of it, labels are not; `dynamic "x"` counts as block type x and its `content` adds
  // nothing; a local's references carry the local's name; meta-arguments: "provider",
  // "providers", "depends_on", "count", "for_each".
  std::string attribute;
  SourcePosition position;  // of the reference in the file
  ReferenceContext context = ReferenceContext::expression;
  // The file the reference is written in when it is not its block's own: a reference an
  // override file merges into a block of another file. Empty otherwise.
  Symbol file;

  auto operator<=>(const Reference&) const = default;
};

// An expression kept as source text, with its value when it is a plain literal (a string
// without interpolation, a number or a bool).
struct Value {
  std::string expression;
  std::optional<std::string> literal;
  SourcePosition position;
  Symbol file;  // as Reference::file: set only when merged from an override file

  auto operator<=>(const Value&) const = default;
};

// A block inside a block's body, with its own arguments and blocks: the
// `statement { actions = [...] principals { ... } }` of an aws_iam_policy_document, a role's
// `inline_policy`. `dynamic "x" { for_each = ... content { ... } }` is kept as written: type
// "dynamic", label "x", its `content` among the children; the analyzer decides what it means.
struct NestedBlock {
  std::string type;
  std::vector<std::string> labels;
  std::map<std::string, Value> attributes;  // a repeated argument keeps its first value
  std::vector<NestedBlock> blocks;          // in source order
  SourceSpan span;
  SourcePosition position;  // of the block's type keyword

  bool operator==(const NestedBlock&) const = default;
};

struct Block {
  BlockKind kind = BlockKind::unknown;
  std::string type;  // resource/data type; provider name; block type name when unknown
  std::string name;  // resource/data/module/variable/output/local name; provider alias
  // The address used in ids and references: "aws_instance.web", "data.aws_ami.ubuntu",
  // "module.net", "var.region", "local.tags", "output.vpc_id", "provider.aws",
  // "provider.aws.west", "ephemeral.random_password.db"; "terraform", "moved", "removed",
  // "import" and "check.<name>" otherwise.
  std::string address;
  SourceSpan span;
  std::vector<Reference> references;             // ordered by position
  std::map<std::string, Value> attributes;       // top-level attributes
  std::map<std::string, Value> tags;             // entries of a literal `tags` object
  std::vector<NestedBlock> blocks;               // nested blocks at any depth, in source order
  std::string provider;                          // `provider = aws.west` -> "aws.west"
  std::string source;                            // module `source`
  std::string version;                           // module `version`
  std::map<std::string, std::string> providers;  // module `providers = { aws = aws.west }`
  std::string moved_from;                        // moved/removed/import: `from` (or `id`) text
  std::string moved_to;                          // moved/import: `to` address text
  // terraform block: the aliased configurations the module expects its caller to pass,
  // from `required_providers { aws = { configuration_aliases = [aws.west] } }`: "aws.west".
  std::vector<std::string> configuration_aliases;
  // The block's tokens without comments and with whitespace folded: two blocks with equal
  // normalized text are the same configuration. A variable's or output's `description` and
  // validation `error_message`s are left out (they have no effect): see documentation_text.
  std::string normalized_text;
  // Variable and output blocks: the normalized text of their `description` and validation
  // `error_message` attributes, in source order; empty otherwise.
  std::string documentation_text;
};

// The file `ref` (or `value`) of `block` is written in.
[[nodiscard]] inline Symbol file_of(const Block& block, const Reference& ref) {
  return ref.file.empty() ? block.span.file : ref.file;
}
[[nodiscard]] inline Symbol file_of(const Block& block, const Value& value) {
  return value.file.empty() ? block.span.file : value.file;
}

struct File {
  std::string path;
  std::vector<Block> blocks;  // in source order
  std::vector<Diagnostic> diagnostics;
};

// Parses one Terraform file: HCL native syntax, or Terraform's JSON syntax when `path` ends
// with `.tf.json`. `path` is recorded in spans and diagnostics as given.
// Never throws on bad input; thread-safe (each call owns its parser).
[[nodiscard]] File parse_file(std::string_view path, std::string_view text);

}  // namespace blastgraph::terraform
