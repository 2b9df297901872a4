// IAM parsing and matching throughput. Inputs are generated from the size argument; each
// benchmark checks its answer so a fast wrong result fails.

#include <benchmark/benchmark.h>

#include <string>

#include "blastgraph/parsers/iam.hpp"
#include "blastgraph/parsers/iam/catalogue.hpp"
#include "blastgraph/parsers/iam/evaluate.hpp"

namespace {

using namespace blastgraph::iam;

// A get-account-authorization-details output with `roles` roles, each with a trust policy
// and one inline policy of three statements.
std::string authorization_details(int roles) {
  std::string text = "{\"RoleDetailList\": [\n";
  for (int i = 0; i < roles; ++i) {
    const std::string name = "service-" + std::to_string(i);
    text += std::string(i == 0 ? "" : ",\n") + "{\"RoleName\": \"" + name +
            "\", \"Arn\": \"arn:aws:iam::111122223333:role/" + name +
            "\", \"AssumeRolePolicyDocument\": {\"Version\": \"2012-10-17\", \"Statement\": "
            "[{\"Effect\": \"Allow\", \"Principal\": {\"Service\": \"ecs-tasks.amazonaws.com\"}, "
            "\"Action\": \"sts:AssumeRole\"}]}, \"RolePolicyList\": [{\"PolicyName\": \"app\", "
            "\"PolicyDocument\": {\"Version\": \"2012-10-17\", \"Statement\": ["
            "{\"Effect\": \"Allow\", \"Action\": [\"s3:GetObject\", \"s3:PutObject\"], "
            "\"Resource\": \"arn:aws:s3:::" +
            name +
            "/*\"},"
            "{\"Effect\": \"Allow\", \"Action\": \"sqs:*\", \"Resource\": \"*\"},"
            "{\"Effect\": \"Deny\", \"NotAction\": \"s3:*\", \"Resource\": \"arn:aws:s3:::x\", "
            "\"Condition\": {\"StringNotEquals\": {\"aws:PrincipalTag/team\": \"" +
            name + "\"}}}]}}]}";
  }
  return text + "\n]}\n";
}

void parse_authorization_details(benchmark::State& state) {
  const int roles = static_cast<int>(state.range(0));
  const std::string text = authorization_details(roles);
  for (auto _ : state) {
    PolicyFile file = parse_policy("details.json", text);
    if (file.documents.size() != static_cast<std::size_t>(2 * roles) || !file.diagnostics.empty()) {
      state.SkipWithError("wrong number of documents or unexpected diagnostics");
      break;
    }
    benchmark::DoNotOptimize(file);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
}
BENCHMARK(parse_authorization_details)->Arg(10)->Arg(1000);

void expand_wildcards(benchmark::State& state) {
  for (auto _ : state) {
    const std::size_t gets = action_catalogue().expand("s3:Get*").size();
    const std::size_t all = action_catalogue().expand("*").size();
    if (gets == 0 || all != action_catalogue().action_count()) {
      state.SkipWithError("wrong expansion");
      break;
    }
  }
  state.SetItemsProcessed(state.iterations() *
                          static_cast<std::int64_t>(action_catalogue().action_count()));
}
BENCHMARK(expand_wildcards);

void evaluate_requests(benchmark::State& state) {
  const PolicyFile file = parse_policy("details.json", authorization_details(1));
  const PolicySet set{{&file.documents.at(1)}, nullptr, {}};
  const Request allowed{"s3:GetObject", "arn:aws:s3:::service-0/reports/a.csv", ""};
  const Request denied{"s3:DeleteObject", "arn:aws:s3:::service-0/reports/a.csv", ""};
  for (auto _ : state) {
    if (evaluate(allowed, set) != Decision::allow ||
        evaluate(denied, set) != Decision::implicit_deny) {
      state.SkipWithError("wrong decision");
      break;
    }
  }
  state.SetItemsProcessed(state.iterations() * 2);
}
BENCHMARK(evaluate_requests);

}  // namespace
