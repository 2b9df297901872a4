#pragma once
// The sections of the policy file, each read into its part of Config. An entry with an
// error is reported and left out; the rest of the section still applies.

#include "blastgraph/analyzer/config.hpp"
#include "config/reader.hpp"

namespace blastgraph::analyzer::config {

// `services:`, `criticality:`, `scope:`: lists of rules, in file order.
void read_service_rules(Reader& reader, const yaml::Node& node, std::vector<ServiceRule>& out);
void read_criticality_rules(Reader& reader, const yaml::Node& node,
                            std::vector<CriticalityRule>& out);
void read_scope_rules(Reader& reader, const yaml::Node& node, std::vector<ScopeRule>& out);

// `score:` (weights, thresholds, floors) and `approvals:`; keys left out keep their defaults.
void read_score(Reader& reader, const yaml::Node& node, ScorePolicy& out);
void read_approvals(Reader& reader, const yaml::Node& node, ScorePolicy& out);

// `kubernetes:` (namespace, label orders); keys left out keep their defaults.
void read_accounts(Reader& reader, const yaml::Node& node, std::map<std::string, std::string>& out);
void read_kubernetes(Reader& reader, const yaml::Node& node, KubernetesSettings& out);

}  // namespace blastgraph::analyzer::config
