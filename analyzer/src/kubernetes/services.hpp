#pragma once
// The service and application of each Kubernetes object (DESIGN.md "Service"), named by
// labels as the recommended labels mean them, in the order the policy file chooses.

#include <string>
#include <vector>

#include "blastgraph/analyzer/rules.hpp"
#include "blastgraph/parsers/kubernetes.hpp"

namespace blastgraph::analyzer::k8s_link {

struct ObjectServiceInput {
  const kubernetes::Object* object = nullptr;
  std::string scope;  // application scope (scopes.hpp)
  std::string ns;     // effective namespace
};

struct ObjectService {
  std::string service;      // "" when the object belongs to no one (an unlabelled ConfigMap)
  std::string application;  // "" when no label names one
};

// One entry per input, in order. An object's service is the first of `labels.service` set
// on it, else on its pod template, else in a Service's selector, with a version suffix
// dropped (`reviews-v2` is `reviews`); an unlabelled workload is its own name. Where two or
// more workloads of one scope and namespace share that name but differ by component
// (`app.kubernetes.io/component: frontend` and `worker`, or one without), each object of that
// name with a component is `<name>-<component>`. The application is the first of
// `labels.application` set on the object, its pod template or a Service's selector.
[[nodiscard]] std::vector<ObjectService> name_services(
    const std::vector<ObjectServiceInput>& objects, const ServiceLabels& labels);

}  // namespace blastgraph::analyzer::k8s_link
