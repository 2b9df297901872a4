// Policies built from values static evaluation cannot know (fixtures/iam-unknowns): an
// unknown is no error, no finding and no edge, and is noted where it is written; the same
// mistakes written in literals are still reported.
#include <gtest/gtest.h>

#include <algorithm>

#include "analyzer_test_support.hpp"

namespace blastgraph::testing {
namespace {

std::vector<Diagnostic> with_code(const analyzer::Workspace& ws, const std::string& code) {
  std::vector<Diagnostic> out;
  for (const auto& d : ws.diagnostics) {
    if (d.code == code) out.push_back(d);
  }
  return out;
}

// Every iam-* diagnostic that is an error or a warning, as "line:code".
std::vector<std::string> iam_problems(const analyzer::Workspace& ws) {
  std::vector<std::string> out;
  for (const auto& d : ws.diagnostics) {
    if (d.code.starts_with("iam-") && d.severity != Severity::note) {
      out.push_back(std::to_string(d.position.line) + ":" + d.code);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool noted_at(const analyzer::Workspace& ws, std::uint32_t line, const std::string& text) {
  const auto notes = with_code(ws, "tf-symbolic-value");
  return std::any_of(notes.begin(), notes.end(), [&](const Diagnostic& d) {
    return d.position.line == line && d.message.find(text) != std::string::npos;
  });
}

bool has_risk(const analyzer::Workspace& ws, const std::string& node, const std::string& kind) {
  return std::any_of(ws.policy_risks.begin(), ws.policy_risks.end(),
                     [&](const auto& r) { return r.node == node && r.kind == kind; });
}

analyzer::Workspace load_fixture(const std::string& name) {
  return load(fixtures_dir() / "iam-unknowns" / name);
}

TEST(IamUnknowns, DynamicStatementsOfUnknownValuesAreNoErrors) {
  const auto ws = load_fixture("dynamic-statements");
  // No Effect '*', no Action with NotAction, no condition operator '*', no principal '*'.
  EXPECT_EQ(iam_problems(ws), std::vector<std::string>{});
  const std::string extra = ".:data.aws_iam_policy_document.extra";
  EXPECT_FALSE(has_risk(ws, extra, "full-admin"));
  EXPECT_FALSE(has_risk(ws, extra, "not-action-allow"));
  EXPECT_FALSE(has_risk(ws, ".:data.aws_iam_policy_document.trust", "any-principal"));
}

TEST(IamUnknowns, UnknownStatementsAreNotedOncePerPlace) {
  const auto ws = load_fixture("dynamic-statements");
  // The dynamic statement's content is set aside for its unknown Effect, once.
  EXPECT_TRUE(noted_at(ws, 73, "statement.value.effect"));
  EXPECT_TRUE(noted_at(ws, 73, "it is not read"));
  // Known Effect and resources, unknown actions: the actions are left out (it allows nothing).
  EXPECT_TRUE(noted_at(ws, 94, "`var.extra_statements[0].actions` left out"));
  // A Deny whose resource is not known: left out, so the Deny hides nothing.
  EXPECT_TRUE(noted_at(ws, 110, "`var.extra_statements[0].resources[0]` left out"));
  // The trust's dynamic principals: a principal of unknown type is nobody, not `*`.
  EXPECT_TRUE(noted_at(ws, 55, "`principals.value.type` left out"));
  std::set<std::pair<std::string, std::uint32_t>> places;
  for (const auto& note : with_code(ws, "tf-symbolic-value")) {
    EXPECT_TRUE(places.emplace(note.file, note.position.line).second) << note.message;
  }
}

TEST(IamUnknowns, UnknownValuesInventNoEdges) {
  const auto ws = load_fixture("dynamic-statements");
  const auto& g = ws.graph;
  // The known statement reads objects of the bucket it references.
  EXPECT_EQ(edge_kind(g, ".:aws_iam_role.worker", ".:aws_s3_bucket.reports"), "acts_on");
  // Nothing else: no statement of unknown Effect or actions is read as an Allow of `*`.
  const auto evidence = edge_evidence(g, ".:aws_iam_role.worker", ".:aws_s3_bucket.reports");
  ASSERT_TRUE(evidence.has_value());
  EXPECT_EQ(evidence->line, 65U);
  // Unknown actions and resources are not `*` on `*`: the queue is not reached.
  EXPECT_EQ(edge_kind(g, ".:aws_iam_role.worker", ".:aws_sqs_queue.jobs"), "");
  EXPECT_FALSE(has_risk(ws, ".:data.aws_iam_policy_document.extra", "full-admin"));
  // No principal of unknown type is read as `*`: the roles do not assume each other.
  EXPECT_EQ(edge_kind(g, ".:aws_iam_role.worker", ".:aws_iam_role.reader"), "");
  EXPECT_EQ(edge_kind(g, ".:aws_iam_role.reader", ".:aws_iam_role.worker"), "");
}

TEST(IamUnknowns, ForOverAVariableInJsonencodeIsNoError) {
  const auto ws = load_fixture("jsonencode-for");
  EXPECT_EQ(iam_problems(ws), std::vector<std::string>{});
  // The known statement still links; the `for` is noted where it is written.
  EXPECT_EQ(edge_kind(ws.graph, ".:aws_iam_role.sender", ".:aws_sqs_queue.jobs"), "acts_on");
  EXPECT_TRUE(noted_at(ws, 21, "it is not read"));
  EXPECT_TRUE(noted_at(ws, 34, "it is not read"));
}

TEST(IamUnknowns, NullValuesOfAConditionalBlockAreNoBadValues) {
  const auto ws = load_fixture("conditional-block");
  EXPECT_EQ(iam_problems(ws), std::vector<std::string>{});
  // The Firehose statement's resource is null: left out, not read as Resource `*`.
  EXPECT_TRUE(noted_at(ws, 24, "null here: left out"));
  // A null among known resources is left out of the list, the others are read.
  EXPECT_TRUE(noted_at(ws, 31, "null here: left out"));
  EXPECT_FALSE(has_risk(ws, ".:aws_iam_policy.delivery", "full-admin"));
}

TEST(IamUnknowns, TryGivesItsFirstArgumentWhenItIsKnown) {
  TempTree tree;
  tree.write("main.tf", R"(variable "queue" { default = { name = "jobs" } }
resource "aws_sqs_queue" "jobs" { name = "jobs" }
resource "aws_sqs_queue" "other" { name = "other" }
resource "aws_iam_role" "r" {
  name               = "r"
  assume_role_policy = "{}"
}
resource "aws_iam_role_policy" "p" {
  role = aws_iam_role.r.id
  policy = jsonencode({
    Statement = [
      { Effect = "Allow", Action = "sqs:SendMessage", Resource = try("arn:aws:sqs:*:*:${var.queue.name}", null) },
      { Effect = try(var.queue.effect, "Allow"), Action = "sqs:*", Resource = "*" },
    ]
  })
}
)");
  auto ws = load(tree.root());
  EXPECT_EQ(edge_kind(ws.graph, ".:aws_iam_role.r", ".:aws_sqs_queue.jobs"), "acts_on");
  // `var.queue.effect` is not there: Terraform would take the fallback, which the tree
  // cannot tell from an unknown; the statement is set aside rather than guessed.
  EXPECT_EQ(edge_kind(ws.graph, ".:aws_iam_role.r", ".:aws_sqs_queue.other"), "");
  EXPECT_TRUE(noted_at(ws, 13, "it is not read"));
}

TEST(IamUnknowns, MistakesInLiteralsAreStillReported) {
  const auto ws = load_fixture("concrete-errors");
  const std::vector<std::string> expected{
      "13:iam-bad-effect",                  // "Alow"
      "21:iam-action-and-notaction",        // both literal, in the data source
      "29:iam-unknown-condition-operator",  // StringEqualz
      "64:iam-bad-effect",                  // "Permit"
      "65:iam-action-and-notaction",        // both literal, in jsonencode
      "66:iam-bad-value",                   // Resource 42
  };
  EXPECT_EQ(iam_problems(ws), expected);
  // An Effect or an operator from a variable is no error: noted where it is written.
  EXPECT_TRUE(noted_at(ws, 47, "var.effect"));
  EXPECT_TRUE(noted_at(ws, 40, "`var.operator` left out"));
}

// `count` calls of ./modules/svc named svc0, svc1, ..., each with the argument `argument`, in
// which NAME stands for the call's name.
std::string module_calls(int count, const std::string& argument) {
  std::string root;
  for (int i = 0; i < count; ++i) {
    const auto name = "svc" + std::to_string(i);
    std::string written = argument;
    for (auto at = written.find("NAME"); at != std::string::npos; at = written.find("NAME")) {
      written.replace(at, 4, name);
    }
    root += "module \"" + name + "\" {\n  source = \"./modules/svc\"\n  " + written + "\n}\n";
  }
  return root;
}

// Policies are read in parallel chunks of 256 places; what they report must be what one
// reader reading them in order reports: one note per place, one risk per holder.
TEST(IamUnknowns, ManyInstancesOfOneModuleNoteOncePerPlace) {
  TempTree tree;
  tree.write("modules/svc/main.tf", R"(variable "bucket" {}
resource "aws_iam_role" "this" {
  name               = "svc"
  assume_role_policy = "{}"
}
resource "aws_iam_role_policy" "this" {
  role = aws_iam_role.this.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "s3:GetObject"
      Resource = "arn:aws:s3:::${var.bucket}/*"
    }, {
      Effect    = "Allow"
      NotAction = "iam:*"
      Resource  = "arn:aws:s3:::no-such-bucket"
    }]
  })
}
)");
  constexpr int k_services = 600;
  tree.write("main.tf", module_calls(k_services, "bucket = data.external.NAME.result"));
  const auto ws = load(tree.root());
  const auto notes = with_code(ws, "tf-symbolic-value");
  ASSERT_EQ(notes.size(), 1U);
  EXPECT_EQ(notes[0].file, "modules/svc/main.tf");
  EXPECT_EQ(notes[0].position.line, 13U);
  std::size_t risks = 0;
  for (const auto& risk : ws.policy_risks) risks += risk.kind == "not-action-allow" ? 1U : 0U;
  EXPECT_EQ(risks, static_cast<std::size_t>(k_services));
}

// Principals are linked in parallel chunks of 256 as well: a broad grant that every instance of
// a module writes is noted once, where it is written.
TEST(IamUnknowns, ABroadGrantInManyInstancesIsNotedOnce) {
  TempTree tree;
  tree.write("modules/svc/main.tf", R"(resource "aws_s3_bucket" "this" {
  bucket = "acme-${var.name}"
}
variable "name" {}
resource "aws_iam_role" "this" {
  name               = var.name
  assume_role_policy = "{}"
}
resource "aws_iam_role_policy" "this" {
  role = aws_iam_role.this.id
  policy = jsonencode({
    Statement = [{
      Effect   = "Allow"
      Action   = "s3:GetObject"
      Resource = "arn:aws:s3:::acme-*/*"
    }]
  })
}
)");
  tree.write("main.tf", module_calls(300, "name = \"NAME\""));
  const auto ws = load(tree.root());
  const auto notes = with_code(ws, "iam-broad-grant");
  ASSERT_EQ(notes.size(), 1U);
  EXPECT_EQ(notes[0].file, "modules/svc/main.tf");
  EXPECT_EQ(notes[0].position.line, 12U);
}

}  // namespace
}  // namespace blastgraph::testing
