#pragma once
// What a repository offers the others and what it needs from them (DESIGN.md "Organization
// scale"): the identities its nodes can be found by, and its dependencies on things defined
// elsewhere. Joining repositories links each need to the offers it names, by exact identity.

#include <compare>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "blastgraph/graph/model.hpp"

namespace blastgraph::graph {

// A name and a value: a lookup attribute ("name" = "acme-boundary", "tag:Name" = "acme-main")
// or a backend setting ("bucket" = "acme-tfstate").
struct Setting {
  std::string name;
  std::string value;
  auto operator<=>(const Setting&) const = default;
};

// A node other repositories can find: by its ARN, or by its type and attributes as a data
// source looks it up.
struct Offer {
  std::string node;  // node id in its repository
  std::string type;  // resource type: "aws_iam_policy"
  // Its ARN with `*` for a region or account not statically known; empty when the type has
  // no known ARN shape or a part of its name is not static.
  std::string arn;
  std::vector<Setting> attributes;  // statically known short string attributes, by name
  auto operator<=>(const Offer&) const = default;
};

// A Terraform root's state, which roots elsewhere read with `terraform_remote_state`.
struct StateOffer {
  std::string root;                  // root dir
  std::string backend;               // "s3", "gcs", "azurerm", "remote", ...
  std::vector<Setting> settings;     // statically known backend settings, by name
  std::vector<std::string> outputs;  // the root's output node ids, ascending
  auto operator<=>(const StateOffer&) const = default;
};

enum class NeedKind : std::uint8_t {
  arn,           // an ARN written as a value (a literal, or a static expression)
  lookup,        // a data source finding a resource by its arguments and filters
  remote_state,  // a `terraform_remote_state` read
  // An IAM grant's resource pattern (`arn:aws:s3:::acme-*`): every offer whose ARN it
  // matches, as in one repository up to a bound past which a grant is too broad to link.
  arn_pattern,
};

// A grant's pattern links at most this many resources, within one repository as across
// them: past it the grant is too broad to say what it reaches, and gives no edge.
inline constexpr std::size_t k_max_pattern_links = 16;

// "arn", "lookup", "remote_state", "arn_pattern"
[[nodiscard]] std::string_view to_string(NeedKind kind);

// A dependency on something the repository does not define.
struct Need {
  std::string node;                     // the dependent node
  EdgeKind edge = EdgeKind::reference;  // the dependency's kind, as a local edge would have it
  NeedKind kind = NeedKind::arn;
  std::string type;  // lookup: the resource type looked up; remote_state: the backend
  // arn: the ARN, `*` for each part not statically known; arn_pattern: the pattern
  std::string value;
  // lookup: argument and filter values (several of one name: any of them); remote_state:
  // the backend configuration. By name, then value.
  std::vector<Setting> arguments;
  // A part other than the region or account is not statically known: it matches nothing,
  // and the report counts it.
  bool symbolic = false;
  Evidence evidence;  // where the dependency is written
  auto operator<=>(const Need&) const = default;
};

// How a need found the offer it names.
enum class MatchKind : std::uint8_t {
  arn,           // the same ARN, account and region included where both sides know them
  name,          // the same ARN but for an account one side does not know: weaker evidence
  lookup,        // a data source's arguments and filters equal the resource's attributes
  remote_state,  // the same backend and state settings
  pattern,       // an IAM grant's resource pattern matches the ARN
};

[[nodiscard]] std::string_view to_string(MatchKind kind);  // "arn", "name", ...

// A need of one repository linked to an offer of another: an edge between repositories.
struct RepositoryLink {
  std::string source;  // the dependent node's id in the organization graph
  std::string target;  // the offered node's id there
  std::string source_repository;
  std::string target_repository;
  EdgeKind edge = EdgeKind::reference;
  MatchKind match = MatchKind::arn;
  // What matched: the ARN; the lookup's "name=acme-boundary"; the state's
  // "s3 bucket=acme-tfstate key=platform/terraform.tfstate".
  std::string value;
  Evidence evidence;  // where the need is written, its file prefixed by its repository
  auto operator<=>(const RepositoryLink&) const = default;
};

// The fields of an ARN: `arn:<partition>:<service>:<region>:<account>:<resource>`; the
// resource keeps its own colons. Views into the text parsed.
struct ArnParts {
  std::string_view partition;
  std::string_view service;
  std::string_view region;
  std::string_view account;
  std::string_view resource;
};

// nullopt when `text` is not an ARN (fewer than six fields, or not starting with "arn:").
[[nodiscard]] std::optional<ArnParts> parse_arn(std::string_view text);

// An AWS account id: twelve digits.
[[nodiscard]] bool is_account_id(std::string_view text);

struct RepositoryInterface {
  std::vector<Offer> offers;       // by node
  std::vector<StateOffer> states;  // by root
  std::vector<Need> needs;         // sorted
  bool operator==(const RepositoryInterface&) const = default;
};

}  // namespace blastgraph::graph
