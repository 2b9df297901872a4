#include "iam_terraform/link_iam.hpp"

#include <optional>

#include "iam_terraform/edges.hpp"
#include "terraform/inline_policies.hpp"
#include "workspace/parallel_chunks.hpp"

namespace blastgraph::analyzer::iam_terraform {
namespace {

// A policy document to read: a data source (value == nullptr) or a resource's attribute.
struct PolicyPlace {
  const terraform_link::Instance* instance = nullptr;
  const terraform::Block* block = nullptr;
  const terraform::Value* value = nullptr;
};

std::vector<PolicyPlace> policy_places(const terraform_link::InstanceForest& forest) {
  std::vector<PolicyPlace> places;
  for (const auto& instance : forest.instances) {
    for (const auto* block : instance.dir->blocks) {
      if (block->kind == terraform::BlockKind::data && block->type == "aws_iam_policy_document") {
        places.push_back({&instance, block, nullptr});
      }
      if (block->kind != terraform::BlockKind::resource) continue;
      const auto attribute = terraform_link::policy_attribute(block->type);
      if (attribute.empty()) continue;
      if (auto it = block->attributes.find(std::string(attribute)); it != block->attributes.end()) {
        places.push_back({&instance, block, &it->second});
      }
    }
  }
  return places;
}

void read_place(PolicyReader& reader, const PolicyPlace& place) {
  if (place.value == nullptr) {
    static_cast<void>(reader.read_document_data(*place.instance, *place.block));
  } else {
    static_cast<void>(reader.read_attribute(*place.instance, *place.block, *place.value));
  }
}

// Every attribute that holds a policy document is read, so its problems and risk factors are
// reported even when nothing attaches it. Reading evaluates expressions through variables,
// locals and module outputs, which a large tree spends most of its linking time on, so the
// places are read in parallel (workspace/parallel_chunks.hpp), each by a fork of
// `reader`, absorbed in order, which reports what one reader reading them in order would
// (a document two chunks both read is reported twice, and the duplicates are dropped when
// diagnostics and risks are sorted).
void read_every_policy(const terraform_link::InstanceForest& forest, PolicyReader& reader) {
  const std::vector<PolicyPlace> places = policy_places(forest);
  const std::size_t chunks = chunk_count(places.size());
  std::vector<std::vector<Diagnostic>> diagnostics(chunks);
  std::vector<std::vector<PolicyRisk>> risks(chunks);
  std::vector<std::optional<PolicyReader>> forks(chunks);
  for_each_chunk(places.size(), [&](std::size_t c, std::size_t begin, std::size_t end) {
    forks[c].emplace(reader.fork(diagnostics[c], risks[c]));
    for (std::size_t i = begin; i < end; ++i) read_place(*forks[c], places[i]);
  });
  for (auto& fork : forks) reader.absorb(std::move(*fork));
}

// Account, region and partition are known only at apply time: they match as wildcards and
// are not worth a note. A resource's `.arn` is computed from its static attributes.
terraform_link::ReferenceHook make_hook() {
  return [](const terraform_link::Instance& scope,
            const std::string& reference) -> std::optional<terraform_link::StaticValue> {
    terraform_link::StaticValue value;
    value.kind = terraform_link::StaticValue::Kind::string;
    if (reference.starts_with("data.aws_caller_identity.") && reference.ends_with(".account_id")) {
      value.text = "*";
      return value;
    }
    if (reference.starts_with("data.aws_region.")) {
      value.text = "*";
      return value;
    }
    if (reference.starts_with("data.aws_partition.") && reference.ends_with(".partition")) {
      value.text = "aws";
      return value;
    }
    if (!reference.ends_with(".arn")) return std::nullopt;
    std::string address = reference.substr(0, reference.size() - 4);
    if (auto index = address.find('['); index != std::string::npos) address.erase(index);
    auto block = scope.dir->by_address.find(address);
    if (block == scope.dir->by_address.end()) return std::nullopt;
    auto arn = resource_arn(scope, *block->second);
    if (!arn) return std::nullopt;
    value.text = arn->pattern;
    value.node = arn->node;
    return value;
  };
}

}  // namespace

void add_iam_terraform_edges(const terraform_link::InstanceForest& forest,
                             const iam_link::IamInput& files,
                             terraform_link::LinkContext& context) {
  PolicyReader reader(files, make_hook(), context.diagnostics, context.risks);
  const auto blocks = index_blocks(forest);
  read_every_policy(forest, reader);
  EdgeInputs inputs{blocks, collect_principals(blocks, reader), collect_resource_arns(forest),
                    reader};
  inputs.names.index(inputs.principals);
  add_assume_role_edges(inputs, context);
  add_acts_on_edges(inputs, context);
  add_resource_policy_edges(inputs, context);
  add_runs_as_edges(inputs, context);
  add_gcp_edges(inputs, context);
}

}  // namespace blastgraph::analyzer::iam_terraform
