#pragma once
// Container images as needs: a workload running an image from an ECR repository depends on
// that repository, which another repository's Terraform may define.

#include <vector>

#include "blastgraph/graph/interface.hpp"
#include "kubernetes/objects.hpp"

namespace blastgraph::analyzer::interface {

// The ARN of the ECR repository `image` is pulled from
// (`<account>.dkr.ecr.<region>.amazonaws.com/<name>[:tag|@digest]`), or "" for another
// registry.
[[nodiscard]] std::string ecr_repository_arn(std::string_view image);

// One need per object and ECR repository its containers pull from, in the index's order.
[[nodiscard]] std::vector<graph::Need> collect_image_needs(const k8s_link::ObjectIndex& index);

}  // namespace blastgraph::analyzer::interface
