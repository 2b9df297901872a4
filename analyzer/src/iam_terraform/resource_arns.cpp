#include "iam_terraform/resource_arns.hpp"

#include <array>
#include <string_view>

#include "terraform/static_eval.hpp"

namespace blastgraph::analyzer::iam_terraform {
namespace {

using terraform_link::Instance;

// How a type's ARN is built: `prefix` + name (+ `suffix`), the name read from `name_attribute`
// (or `<name_attribute>_prefix` followed by `*`). An empty attribute: no name in the ARN.
struct ArnShape {
  std::string_view type;
  std::string_view service;
  std::string_view prefix;
  std::string_view name_attribute;
  std::string_view suffix = {};
};

constexpr std::array<ArnShape, 15> k_shapes{{
    {"aws_s3_bucket", "s3", "arn:aws:s3:::", "bucket"},
    {"aws_sqs_queue", "sqs", "arn:aws:sqs:*:*:", "name"},
    {"aws_sns_topic", "sns", "arn:aws:sns:*:*:", "name"},
    {"aws_dynamodb_table", "dynamodb", "arn:aws:dynamodb:*:*:table/", "name"},
    {"aws_kms_key", "kms", "arn:aws:kms:*:*:key/", ""},
    {"aws_lambda_function", "lambda", "arn:aws:lambda:*:*:function:", "function_name"},
    // Secrets Manager appends a random six-character suffix to the name.
    {"aws_secretsmanager_secret", "secretsmanager", "arn:aws:secretsmanager:*:*:secret:", "name", "-*"},
    {"aws_ssm_parameter", "ssm", "arn:aws:ssm:*:*:parameter", "name"},
    {"aws_ecr_repository", "ecr", "arn:aws:ecr:*:*:repository/", "name"},
    {"aws_cloudwatch_log_group", "logs", "arn:aws:logs:*:*:log-group:", "name"},
    {"aws_kinesis_stream", "kinesis", "arn:aws:kinesis:*:*:stream/", "name"},
    {"aws_eks_cluster", "eks", "arn:aws:eks:*:*:cluster/", "name"},
    {"aws_iam_role", "iam", "arn:aws:iam::*:role", "name"},
    {"aws_iam_user", "iam", "arn:aws:iam::*:user", "name"},
    {"aws_iam_policy", "iam", "arn:aws:iam::*:policy", "name"},
}};

std::optional<std::string> name_of(const Instance& instance, const terraform::Block& block,
                                   std::string_view attribute) {
  if (auto it = block.attributes.find(std::string(attribute)); it != block.attributes.end()) {
    return terraform_link::static_pattern(instance, it->second);
  }
  auto prefix = block.attributes.find(std::string(attribute) + "_prefix");
  if (prefix == block.attributes.end()) return std::nullopt;
  auto value = terraform_link::static_pattern(instance, prefix->second);
  if (!value) return std::nullopt;
  return *value + "*";
}

// IAM names live under a path: "/service/" -> "role/service/<name>".
std::string iam_path(const Instance& instance, const terraform::Block& block) {
  std::string path = "/";
  if (auto it = block.attributes.find("path"); it != block.attributes.end()) {
    path = terraform_link::static_pattern(instance, it->second).value_or("*");
  }
  if (path.empty() || path.front() != '/') path.insert(path.begin(), '/');
  if (path.back() != '/') path += '/';
  return path;
}

}  // namespace

std::optional<ResourceArn> resource_arn(const Instance& instance, const terraform::Block& block) {
  if (block.kind != terraform::BlockKind::resource) return std::nullopt;
  for (const auto& shape : k_shapes) {
    if (shape.type != block.type) continue;
    ResourceArn arn{instance.id(block.address), std::string(shape.service), std::string(shape.prefix),
                    false};
    if (shape.service == "iam") arn.pattern += iam_path(instance, block);
    if (shape.type == "aws_ssm_parameter") {
      // Parameter names are written with or without their leading slash.
      auto name = name_of(instance, block, "name").value_or("*");
      arn.named = name.find_first_not_of("*/") != std::string::npos;
      arn.pattern += (name.starts_with('/') ? "" : "/") + name;
      return arn;
    }
    if (shape.name_attribute.empty()) {
      arn.pattern += '*';
      return arn;
    }
    auto name = name_of(instance, block, shape.name_attribute);
    arn.named = name && name->find_first_not_of('*') != std::string::npos;
    arn.pattern += name.value_or("*");
    arn.pattern += shape.suffix;
    return arn;
  }
  return std::nullopt;
}

std::vector<ResourceArn> collect_resource_arns(const terraform_link::InstanceForest& forest) {
  std::vector<ResourceArn> out;
  for (const auto& instance : forest.instances) {
    for (const auto* block : instance.dir->blocks) {
      if (auto arn = resource_arn(instance, *block)) out.push_back(std::move(*arn));
    }
  }
  return out;
}

// NOTE: dynamic programming over both patterns; reachable[i][j] means a[i:] and b[j:] can
// still produce a common string. Bounded by the patterns' lengths (ARNs are short).
namespace {

bool is_wildcard(char c) {
  return c == '*' || c == '?';
}

// Drops the literal text both patterns start (or, with `from_end`, end) with. False when their
// literal ends disagree: then no string matches both.
bool strip_common_literals(std::string_view& a, std::string_view& b, bool from_end) {
  while (!a.empty() && !b.empty()) {
    const char x = from_end ? a.back() : a.front();
    const char y = from_end ? b.back() : b.front();
    if (is_wildcard(x) || is_wildcard(y)) return true;
    if (x != y) return false;
    if (from_end) {
      a.remove_suffix(1);
      b.remove_suffix(1);
    } else {
      a.remove_prefix(1);
      b.remove_prefix(1);
    }
  }
  return true;
}

}  // namespace

bool patterns_overlap(std::string_view a, std::string_view b) {
  // NOTE: the literal head and tail decide most pairs without the quadratic table.
  if (!strip_common_literals(a, b, false) || !strip_common_literals(a, b, true)) return false;
  const std::size_t n = a.size();
  const std::size_t m = b.size();
  std::vector<std::vector<char>> ok(n + 1, std::vector<char>(m + 1, 0));
  ok[n][m] = 1;
  for (std::size_t i = n + 1; i-- > 0;) {
    for (std::size_t j = m + 1; j-- > 0;) {
      if (i == n && j == m) continue;
      bool result = false;
      if (i < n && a[i] == '*') result = result || ok[i + 1][j] != 0 || (j < m && ok[i][j + 1] != 0);
      if (j < m && b[j] == '*') result = result || ok[i][j + 1] != 0 || (i < n && ok[i + 1][j] != 0);
      if (!result && i < n && j < m && a[i] != '*' && b[j] != '*') {
        result = (a[i] == b[j] || a[i] == '?' || b[j] == '?') && ok[i + 1][j + 1] != 0;
      }
      ok[i][j] = result ? 1 : 0;
    }
  }
  return ok[0][0] != 0;
}

}  // namespace blastgraph::analyzer::iam_terraform
