// IAM policy JSON in every shape the AWS CLI prints it (a document, get-policy-version,
// get-role with its trust policy, get-account-authorization-details, ...).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "blastgraph/parsers/iam.hpp"
#include "fuzz_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace blastgraph;
  const std::string_view path = "policy.json";
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto first = iam::parse_policy(path, text);
  fuzz::check_positions(first.diagnostics, path, text);
  const auto second = iam::parse_policy(path, text);
  if (first.documents != second.documents || first.principals != second.principals) {
    fuzz::fail("IAM documents differ between two parses of one input");
  }
  fuzz::check_same(fuzz::describe(first.diagnostics), fuzz::describe(second.diagnostics), "IAM");
  return 0;
}
