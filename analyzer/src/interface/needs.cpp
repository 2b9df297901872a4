#include "interface/needs.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include "interface/aws_places.hpp"
#include "terraform/existence.hpp"
#include "terraform/state_locations.hpp"
#include "terraform/static_eval.hpp"

namespace blastgraph::analyzer::interface {
namespace {

using terraform::BlockKind;
using terraform_link::Instance;
using terraform_link::StaticValue;

constexpr std::string_view k_arn_prefix = "arn:";

// Data sources that find nothing another repository defines: the caller's own identity and
// region, a policy document built in place, what AWS itself publishes.
constexpr std::array<std::string_view, 14> k_not_lookups{"aws_iam_policy_document",
                                                         "aws_caller_identity",
                                                         "aws_region",
                                                         "aws_regions",
                                                         "aws_partition",
                                                         "aws_availability_zone",
                                                         "aws_availability_zones",
                                                         "aws_ami",
                                                         "aws_ami_ids",
                                                         "aws_arn",
                                                         "aws_default_tags",
                                                         "aws_elb_service_account",
                                                         "aws_canonical_user_id",
                                                         "aws_ip_ranges"};

// Data sources that look up a resource of another type: plurals, and a cluster's token.
struct LookupType {
  std::string_view data;
  std::string_view resource;
};
constexpr std::array<LookupType, 7> k_lookup_types{{
    {"aws_subnets", "aws_subnet"},
    {"aws_vpcs", "aws_vpc"},
    {"aws_security_groups", "aws_security_group"},
    {"aws_instances", "aws_instance"},
    {"aws_iam_roles", "aws_iam_role"},
    {"aws_eks_cluster_auth", "aws_eks_cluster"},
    {"aws_route_tables", "aws_route_table"},
}};

// Arguments that select among matches or shape the result, never name what is found.
constexpr std::array<std::string_view, 12> k_not_identifying{
    "count", "for_each", "provider",   "depends_on",      "most_recent",      "default",
    "state", "owners",   "name_regex", "with_decryption", "executable_users", "include_deprecated"};

template <std::size_t N>
bool among(const std::array<std::string_view, N>& list, std::string_view name) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

bool lookup_provider(std::string_view type) {
  return type.starts_with("aws_") || type.starts_with("google_") || type.starts_with("azurerm_");
}

std::string looked_up_type(std::string_view data_type) {
  for (const auto& entry : k_lookup_types) {
    if (entry.data == data_type) return std::string(entry.resource);
  }
  return std::string(data_type);
}

// True when a part other than the partition, region or account is not known.
bool symbolic_arn(std::string_view arn) {
  const auto parts = graph::parse_arn(arn);
  return !parts || parts->service.find_first_of("*?") != std::string_view::npos ||
         parts->resource.find_first_of("*?") != std::string_view::npos;
}

// True when the service of `arn` is written without wildcards.
bool known_service(std::string_view arn) {
  const auto parts = graph::parse_arn(arn);
  return parts && !parts->service.empty() &&
         parts->service.find_first_of("*?") == std::string_view::npos;
}

graph::Evidence evidence_of(const terraform::Block& block, const terraform::Value& value,
                            std::string_view attribute) {
  const Symbol file = value.file.empty() ? block.span.file : value.file;
  const auto line = value.position.line > 0 ? value.position.line : block.span.first_line;
  return {file, line, std::string(attribute)};
}

// Every string of `value` (in lists and objects too) that is an ARN of nothing in the tree.
void collect_arns(const StaticValue& value, std::vector<std::string>& out) {
  switch (value.kind) {
    case StaticValue::Kind::string:
      if (value.node.empty() && value.text.starts_with(k_arn_prefix)) out.push_back(value.text);
      return;
    case StaticValue::Kind::list:
      for (const auto& item : value.items) collect_arns(item, out);
      return;
    case StaticValue::Kind::object:
      for (const auto& field : value.fields) collect_arns(field.second, out);
      return;
    default:
      return;
  }
}

graph::EdgeKind kind_of_argument(std::string_view attribute) {
  // As a reference from this argument would be: see terraform/edges.cpp.
  return attribute == "permissions_boundary" ? graph::EdgeKind::permission_boundary
                                             : graph::EdgeKind::reference;
}

void add_argument_arns(const Instance& instance, const terraform::Block& block,
                       const AwsPlace& place, std::vector<graph::Need>& out) {
  const auto node = instance.id(block.address);
  for (const auto& [name, value] : block.attributes) {
    if (among(k_not_identifying, name) ||
        value.expression.find(k_arn_prefix) == std::string::npos) {
      continue;
    }
    std::vector<std::string> arns;
    collect_arns(terraform_link::evaluate(instance, value), arns);
    for (auto& arn : arns) {
      graph::Need need;
      need.node = node;
      need.edge = kind_of_argument(name);
      need.kind = graph::NeedKind::arn;
      need.value = place_arn(arn, place);
      need.symbolic = symbolic_arn(need.value);
      need.evidence = evidence_of(block, value, name);
      out.push_back(std::move(need));
    }
  }
}

// A filter's name as the attribute it tests: "tag:Name" stays, "vpc-id" is "vpc_id".
std::string filter_attribute(std::string name) {
  if (name.starts_with("tag:")) return name;
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
}

// Adds the filter blocks' values; false when one is not statically known.
bool add_filters(const Instance& instance, const terraform::Block& block,
                 std::vector<graph::Setting>& arguments) {
  for (const auto& nested : block.blocks) {
    if (nested.type != "filter") continue;
    const auto name = nested.attributes.find("name");
    const auto values = nested.attributes.find("values");
    if (name == nested.attributes.end() || values == nested.attributes.end()) return false;
    const auto attribute = terraform_link::static_string(instance, name->second);
    const auto list = terraform_link::evaluate(instance, values->second);
    if (!attribute || list.kind != StaticValue::Kind::list || list.guessed()) return false;
    for (const auto& item : list.items) {
      const auto text = terraform_link::string_form(item);
      if (!text) return false;
      arguments.push_back({filter_attribute(*attribute), *text});
    }
  }
  return true;
}

void add_lookup(const Instance& instance, const terraform::Block& block, const AwsPlace& place,
                std::vector<graph::Need>& out) {
  graph::Need need;
  need.node = instance.id(block.address);
  need.edge = graph::EdgeKind::reference;
  need.kind = graph::NeedKind::lookup;
  need.type = looked_up_type(block.type);
  need.evidence = {block.span.file, block.span.first_line, "data"};
  for (const auto& [name, value] : block.attributes) {
    if (among(k_not_identifying, name) || name == "tags") continue;
    const auto text = terraform_link::static_string(instance, value);
    if (!text) {
      need.symbolic = true;
      continue;
    }
    if (name == "arn") {
      // Found by ARN: an identity, matched as one.
      need.kind = graph::NeedKind::arn;
      need.value = place_arn(*text, place);
      need.symbolic = symbolic_arn(need.value);
      need.evidence = evidence_of(block, value, name);
      need.arguments.clear();
      out.push_back(std::move(need));
      return;
    }
    need.arguments.push_back({name, *text});
  }
  if (const auto tags = block.attributes.find("tags"); tags != block.attributes.end()) {
    if (block.tags.empty()) need.symbolic = true;
    for (const auto& [key, value] : block.tags) {
      const auto text = terraform_link::static_string(instance, value);
      if (!text) {
        need.symbolic = true;
        continue;
      }
      need.arguments.push_back({"tag:" + key, *text});
    }
  }
  if (!add_filters(instance, block, need.arguments)) need.symbolic = true;
  if (need.arguments.empty() && !need.symbolic) return;
  std::sort(need.arguments.begin(), need.arguments.end());
  out.push_back(std::move(need));
}

void add_remote_state(const Instance& instance, const terraform::Block& block,
                      std::vector<graph::Need>& out) {
  const auto backend = block.attributes.find("backend");
  if (backend == block.attributes.end()) return;
  const auto type = terraform_link::static_string(instance, backend->second);
  if (type && *type == "local") return;  // a path inside this repository
  graph::Need need;
  need.node = instance.id(block.address);
  need.edge = graph::EdgeKind::reference;
  need.kind = graph::NeedKind::remote_state;
  need.type = type.value_or("*");
  need.evidence = {block.span.file, block.span.first_line, "config"};
  if (const auto config = block.attributes.find("config"); config != block.attributes.end()) {
    for (const auto& [name, value] :
         terraform_link::known_strings(terraform_link::evaluate(instance, config->second))) {
      need.arguments.push_back({name, value});
    }
  }
  need.symbolic = !type || need.arguments.empty();
  out.push_back(std::move(need));
}

}  // namespace

std::vector<graph::Need> collect_terraform_needs(
    const terraform_link::InstanceForest& forest,
    const std::map<std::string, std::string>& accounts) {
  std::vector<graph::Need> out;
  PlacesByRoot places(accounts);
  for (const auto& instance : forest.instances) {
    if (instance.dir == nullptr || !terraform_link::instance_exists(instance)) continue;
    for (const auto* block : instance.dir->blocks) {
      if (!terraform_link::block_exists(instance, *block)) continue;
      if (block->kind == BlockKind::resource) {
        add_argument_arns(instance, *block, places.of(instance).of(*block), out);
      } else if (block->kind == BlockKind::data && block->type == "terraform_remote_state") {
        add_remote_state(instance, *block, out);
      } else if (block->kind == BlockKind::data && lookup_provider(block->type) &&
                 !among(k_not_lookups, block->type)) {
        add_lookup(instance, *block, places.of(instance).of(*block), out);
      }
    }
  }
  return out;
}

std::vector<graph::Need> collect_external_needs(const graph::Graph& graph) {
  std::vector<graph::Need> out;
  for (const auto& edge : graph.edges()) {
    const auto& target = graph.node(edge.target);
    if (target.role != graph::Role::external || !target.id.starts_with("ext:arn:")) continue;
    const auto arn = std::string_view(target.id).substr(4);
    // A grant's pattern with a known service finds what it matches; the IAM linker made
    // an edge of it only when its name holds a literal part.
    const bool pattern = edge.kind == graph::EdgeKind::acts_on && symbolic_arn(arn);
    if (pattern && !known_service(arn)) continue;
    graph::Need need;
    need.node = graph.node(edge.source).id;
    need.edge = edge.kind;
    need.kind = pattern ? graph::NeedKind::arn_pattern : graph::NeedKind::arn;
    need.value = std::string(arn);
    need.symbolic = !pattern && symbolic_arn(arn);
    need.evidence = edge.evidence;
    out.push_back(std::move(need));
  }
  return out;
}

}  // namespace blastgraph::analyzer::interface
