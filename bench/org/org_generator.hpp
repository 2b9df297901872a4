#pragma once
// Synthetic organizations for the scale benchmarks, written as real files (.tf, YAML, JSON)
// so that a benchmark goes through the parsers users do. Deterministic from the seed.
//
// Layout, per the knobs below:
//   terraform/platform/          one root: VPC, subnets, the shared permission boundary, and
//     services-NNN.tf            a module call per service (1,000 per file)
//     grants-NNN.tf              wildcard S3 grants of some services (`arn:aws:s3:::acme-svc-12*`)
//                                and, when asked for, administrator grants (`*` on `*`)
//   terraform/modules/level-K/   the service module, `module_depth` levels deep; the last
//                                holds the resources: role (bounded), role policy, bucket,
//                                queue, security group
//   kubernetes/ns-NN/            per namespace: the Namespace, a shared ConfigMap, a default
//     services-NNN.yaml          NetworkPolicy; per service a ServiceAccount (IRSA to its
//                                role), ConfigMap, Deployment calling `call_fanout` services
//                                written before it by URL, Service (50 services per file)
//   kubernetes/cluster.yaml      an admission webhook
//   iam/boundary-audit.json      a policy document

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

namespace blastgraph::bench {

struct OrgSpec {
  std::uint64_t seed = 1;
  std::size_t services = 100;
  std::size_t namespaces = 10;
  std::size_t call_fanout = 2;      // services written before it each Deployment calls
  std::size_t module_depth = 1;     // module levels between the root and the resources
  std::size_t wildcard_every = 10;  // one service in this many gets a wildcard grant; 0: none
  std::size_t admin_every = 0;      // one service in this many gets `Action: *, Resource: *`
  bool account_trusts = false;      // every role also trusts its whole account (`:root`)
  bool shared_layers = true;        // VPC, boundary, shared ConfigMaps, policies, webhook
  // Without the shared layers: the service roles are bounded by a boundary another
  // repository defines, found with `data "aws_iam_policy"` by its name.
  bool boundary_lookup = false;
  std::size_t first_service = 0;      // services are numbered from here (unique in an org)
  std::string state_key = "platform";  // the root's state: s3://acme-terraform-state/KEY/...
};

// An organization of many repositories (write_repositories): `platform` with the shared
// layers and no services, and `repo-NNNN` each with its services, bounded by the platform's
// boundary through a data source.
struct RepositoriesSpec {
  std::uint64_t seed = 1;
  std::size_t repositories = 10;  // besides the platform
  std::size_t resources_per_repository = 1000;
};

// What was written, to check a benchmark's answer against.
struct OrgCounts {
  std::size_t files = 0;
  std::size_t terraform_resources = 0;  // resource blocks, instances counted once
  std::size_t kubernetes_objects = 0;
  std::size_t iam_documents = 0;
  std::size_t bytes = 0;
  [[nodiscard]] std::size_t resources() const {
    return terraform_resources + kubernetes_objects + iam_documents;
  }
};

// Writes the organization under `root` (created; existing files are overwritten).
OrgCounts write_org(const std::filesystem::path& root, const OrgSpec& spec);

// Writes `platform/` and `repo-NNNN/` under `root`; the counts of all of them.
OrgCounts write_repositories(const std::filesystem::path& root, const RepositoriesSpec& spec);

// "repo-0042": the name of repository `i`.
[[nodiscard]] std::string repository_name(std::size_t i);

// The number of services that gives about `resources` resources (9 per service).
[[nodiscard]] std::size_t services_for(std::size_t resources);

// "svc-00042": the name of service `i`, padded so that ids sort as numbers.
[[nodiscard]] std::string service_name(std::size_t i);

}  // namespace blastgraph::bench
