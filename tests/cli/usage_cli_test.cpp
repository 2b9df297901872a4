// Command-line mistakes through the real binary: counts that are negative or not numbers are
// usage errors (exit 2, one line), and a --changed pattern that selects nothing stops `score`
// with exit 3 and no report (README "Exit codes").
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "support/run_binary.hpp"
#include "support/temp_tree.hpp"

namespace blastgraph::testing {
namespace {

std::string acme() {
  return (fixtures_dir() / "acme").string();
}

constexpr const char* k_boundary = "terraform/envs/prod:module.iam.aws_iam_policy.boundary";

std::size_t line_count(const std::string& text) {
  return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
}

// Runs `args` and expects a usage error: exit 2 and one line on stderr naming `option`.
void expect_usage_error(const std::string& args, const std::string& option) {
  const auto r = run_binary(args, " 2>&1 >/dev/null");
  EXPECT_EQ(r.code, 2) << args << "\n" << r.out;
  EXPECT_EQ(line_count(r.out), 1U) << args << "\n" << r.out;
  EXPECT_NE(r.out.find("blastgraph: error: "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(option), std::string::npos) << r.out;
}

TEST(UsageCli, ReleaseNamespaceIsFileEqualsNamespace) {
  const auto rendered = (fixtures_dir() / "k8s-helm-rendered").string();
  for (const char* value : {"rendered/queue.yaml", "=messaging", "rendered/queue.yaml="}) {
    expect_usage_error("scan " + rendered + " --release-namespace " + value, "--release-namespace");
  }
  const auto r = run_binary(
      "export " + rendered + " --format json --release-namespace rendered/queue.yaml=messaging",
      " 2>/dev/null");
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("k8s:messaging/Deployment/queue"), std::string::npos) << r.out;
}

TEST(UsageCli, NamespaceIsANamespaceNameAndPlacesObjectsWithoutOne) {
  const auto rendered = (fixtures_dir() / "k8s-helm-rendered").string();
  for (const char* value : {"Messaging", "-x", "a_b", "''"}) {
    expect_usage_error("scan " + rendered + " --namespace " + value, "--namespace");
  }
  const auto r = run_binary("export " + rendered + " --format json -n messaging", " 2>/dev/null");
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("k8s:messaging/Deployment/queue"), std::string::npos) << r.out;
}

TEST(UsageCli, NegativeOrNonNumericTopIsAUsageError) {
  for (const char* value : {"-1", "-20", "abc", "3x", "''", "0x10"}) {
    expect_usage_error("hotspots " + acme() + " --top " + value, "--top");
  }
  expect_usage_error("hotspots " + acme() + " --top=-1", "--top");
  EXPECT_EQ(run_binary("hotspots " + acme() + " --top 0", " >/dev/null 2>&1").code, 0);
}

TEST(UsageCli, NegativeOrNonNumericThreadsIsAUsageError) {
  for (const char* value : {"-1", "many", "2.5"}) {
    expect_usage_error(std::string("--threads ") + value + " scan " + acme(), "--threads");
  }
  EXPECT_EQ(run_binary("--threads 1 scan " + acme(), " >/dev/null 2>&1").code, 0);
}

TEST(UsageCli, NegativeOrNonNumericPathCountIsAUsageError) {
  const auto explain = "explain " + acme() + " --from '" + k_boundary +
                       "' --to k8s:shop/Deployment/checkout --all-paths ";
  for (const char* value : {"-1", "two"}) expect_usage_error(explain + value, "--all-paths");
}

TEST(UsageCli, ChangedPatternThatSelectsNothingExitsThreeWithoutAReport) {
  TempTree out;
  const auto json = (out.root() / "report.json").string();
  const auto args = "score " + acme() +
                    " --changed 'terraform/envs/prod:nope.*' --output json=" + json +
                    " --format text";
  const auto stdout_only = run_binary(args, " 2>/dev/null");
  EXPECT_EQ(stdout_only.code, 3);
  EXPECT_EQ(stdout_only.out, "");
  EXPECT_FALSE(std::filesystem::exists(json));
  const auto stderr_only = run_binary(args, " 2>&1 >/dev/null");
  EXPECT_EQ(stderr_only.out,
            "blastgraph: error: --changed 'terraform/envs/prod:nope.*' selects no node\n");
}

TEST(UsageCli, OneUnmatchedPatternAmongMatchedOnesStillStops) {
  const auto r = run_binary("score " + acme() + " --changed '" + k_boundary +
                                "' --changed k8s:shop/Deployment/nope --format json",
                            " 2>/dev/null");
  EXPECT_EQ(r.code, 3);
  EXPECT_EQ(r.out, "");
}

TEST(UsageCli, GlobMatchingOnlyValuesNamesThem) {
  TempTree tree;
  tree.write("envs/prod/main.tf", R"(variable "a" {}
variable "b" {}
resource "aws_sqs_queue" "q" { name = "${var.a}-${var.b}" }
)");
  const auto r = run_binary("score " + tree.root().string() + " --changed 'envs/prod:var.*'");
  EXPECT_EQ(r.code, 3);
  EXPECT_EQ(r.out,
            "blastgraph: error: --changed 'envs/prod:var.*' matches only variables, locals or "
            "outputs: envs/prod:var.a, envs/prod:var.b; name one exactly to select it\n");
  // Named exactly, a variable is selected.
  EXPECT_EQ(run_binary("score " + tree.root().string() + " --changed 'envs/prod:var.a'",
                       " >/dev/null 2>&1")
                .code,
            0);
}

TEST(UsageCli, GlobMatchingModuleCallsSaysSo) {
  TempTree tree;
  tree.write("main.tf", "module \"m\" {\n  source = \"./m\"\n}\n");
  tree.write("m/main.tf", "output \"o\" { value = 1 }\n");
  const auto r =
      run_binary("score " + tree.root().string() + " --changed '.:module.*'", " 2>&1 >/dev/null");
  EXPECT_EQ(r.code, 3);
  EXPECT_NE(r.out.find("matches only variables, locals, outputs or module calls: .:module.m"),
            std::string::npos)
      << r.out;
}

}  // namespace
}  // namespace blastgraph::testing
