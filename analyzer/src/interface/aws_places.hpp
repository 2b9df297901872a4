#pragma once
// Where a Terraform root deploys its AWS resources: the region its provider configurations say
// statically, and the account: the policy file's for the root, else `allowed_account_ids`
// naming one account, the account of the `assume_role` role, or a root variable or local
// named `account_id`, `aws_account_id` or `account` that is statically twelve digits. What
// offers fill into their ARNs.

#include <map>
#include <string>

#include "terraform/instances.hpp"

namespace blastgraph::analyzer::interface {

struct AwsPlace {
  std::string region;   // "" when not statically known
  std::string account;  // "" when not statically known
};

// A root's AWS provider configurations by name: "aws" (the default) and "aws.<alias>".
class AwsPlaces {
 public:
  // `configured`: the policy file's account for the root, "" when it names none.
  AwsPlaces(const terraform_link::Instance& root, const std::string& configured);

  // Where `block` deploys: the configuration its `provider` meta-argument names, otherwise
  // the default one.
  [[nodiscard]] AwsPlace of(const terraform::Block& block) const;

 private:
  std::map<std::string, AwsPlace> m_places;
};

// The places of the roots of a forest's instances, each read once.
class PlacesByRoot {
 public:
  // `accounts`: the policy file's accounts by root (LoadOptions::root_accounts).
  explicit PlacesByRoot(const std::map<std::string, std::string>& accounts)
      : m_accounts(accounts) {}
  // The places of the root `instance` belongs to.
  [[nodiscard]] const AwsPlaces& of(const terraform_link::Instance& instance);

 private:
  const std::map<std::string, std::string>& m_accounts;
  std::map<const terraform_link::Instance*, AwsPlaces> m_by_root;
};

// `arn` with a `*` region or account replaced by `place`'s where it knows them (an ARN whose
// field is empty, as S3's and IAM's regions are, keeps it empty).
[[nodiscard]] std::string place_arn(const std::string& arn, const AwsPlace& place);

// The root instance above `instance` (itself for a root).
[[nodiscard]] const terraform_link::Instance& root_of(const terraform_link::Instance& instance);

}  // namespace blastgraph::analyzer::interface
