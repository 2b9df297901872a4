// The score command's outputs through the real binary: --output to several files, the github
// files appended to, --fail-on exit codes, colour only on a terminal without NO_COLOR.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>

#include "support/run_binary.hpp"
#include "support/temp_tree.hpp"

namespace blastgraph::testing {
namespace {

// Runs the binary with `args`, after `env` (e.g. "NAME=value" or "env -u NAME"); `out` is
// stdout only: stderr goes to the test log.
Run run(const std::string& args, const std::string& env = "") {
  return run_shell(env + (env.empty() ? "" : " ") + binary_command(args));
}

std::string slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

std::string acme() {
  return (fixtures_dir() / "acme").string();
}
const std::string k_boundary = " -c terraform/envs/prod:module.iam.aws_iam_policy.boundary";
const std::string k_config_map = " -c k8s:shop/ConfigMap/shop-config";

TEST(OutputsCli, TwoFormatsToTwoFilesInOneRun) {
  TempTree tree;
  const auto json = tree.root() / "report.json";
  const auto md = tree.root() / "comment.md";
  const auto r = run("score " + acme() + k_boundary + " --output json=" + json.string() +
                     " --output markdown=" + md.string());
  ASSERT_EQ(r.code, 0);
  EXPECT_EQ(r.out, "") << "with --output and no --format, nothing goes to stdout";
  const auto doc = nlohmann::json::parse(slurp(json));
  EXPECT_EQ(doc["schema"], "blastgraph.report/v2");
  EXPECT_EQ(doc["tier"], "CRITICAL");
  EXPECT_TRUE(slurp(md).starts_with("<!-- blastgraph-report -->\n"));
  // --format still goes to stdout when given beside --output; '-' is stdout too.
  const auto both = run("score " + acme() + k_boundary + " --format governance --output sarif=-");
  ASSERT_EQ(both.code, 0);
  EXPECT_TRUE(both.out.starts_with("[AI-GOVERNANCE]\n"));
  EXPECT_NE(both.out.find("\"version\": \"2.1.0\""), std::string::npos);
}

TEST(OutputsCli, BadOutputIsAUsageError) {
  EXPECT_EQ(run("score " + acme() + k_boundary + " --output yaml=x.yaml 2>/dev/null").code, 2);
  EXPECT_EQ(run("score " + acme() + k_boundary + " --output json 2>/dev/null").code, 2);
  EXPECT_EQ(run("score " + acme() + k_boundary + " --output github=x 2>/dev/null").code, 2);
  EXPECT_EQ(run("score " + acme() + k_boundary + " --color sometimes 2>/dev/null").code, 2);
  EXPECT_EQ(run("score " + acme() + k_boundary + " --fail-on SEVERE 2>/dev/null").code, 2);
}

TEST(OutputsCli, UnwritableOutputFileExitsThree) {
  EXPECT_EQ(
      run("score " + acme() + k_boundary + " --output json=/nonexistent/dir/r.json 2>/dev/null")
          .code,
      3);
}

TEST(OutputsCli, GithubAppendsToBothFiles) {
  TempTree tree;
  const auto outputs = tree.root() / "output";
  const auto summary = tree.root() / "summary.md";
  tree.write("output", "earlier=step\n");
  tree.write("summary.md", "# Earlier step\n");
  const std::string env =
      "GITHUB_OUTPUT=" + outputs.string() + " GITHUB_STEP_SUMMARY=" + summary.string();
  ASSERT_EQ(run("score " + acme() + k_boundary + " --format github", env).code, 0);
  ASSERT_EQ(run("score " + acme() + k_config_map + " --output github", env).code, 0);
  const auto lines = slurp(outputs);
  EXPECT_TRUE(lines.starts_with("earlier=step\ntier=CRITICAL\nblast_radius=")) << lines;
  EXPECT_NE(lines.find("\nservices=12\nresources="), std::string::npos) << lines;
  EXPECT_NE(lines.find("\nverdict=allow\ntier="), std::string::npos) << "second run appended";
  const auto text = slurp(summary);
  EXPECT_TRUE(text.starts_with("# Earlier step\n<!-- blastgraph-report -->\n"));
  EXPECT_NE(text.find("<!-- blastgraph-report -->", 40), std::string::npos)
      << "second run appended";
}

TEST(OutputsCli, GithubWithoutItsVariablesIsAClearError) {
  const auto r = run("score " + acme() + k_boundary + " --format github 2>&1",
                     "env -u GITHUB_OUTPUT -u GITHUB_STEP_SUMMARY");
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.out.find("$GITHUB_OUTPUT"), std::string::npos) << r.out;
  TempTree tree;
  const auto half = run("score " + acme() + k_boundary + " --format github 2>&1",
                        "env -u GITHUB_STEP_SUMMARY GITHUB_OUTPUT=" + (tree.root() / "o").string());
  EXPECT_EQ(half.code, 2);
  EXPECT_NE(half.out.find("$GITHUB_STEP_SUMMARY"), std::string::npos) << half.out;
}

TEST(OutputsCli, FailOnTier) {
  // The boundary edit is CRITICAL.
  EXPECT_EQ(run("score " + acme() + k_boundary + " --fail-on CRITICAL").code, 6);
  EXPECT_EQ(run("score " + acme() + k_boundary + " --fail-on LOW").code, 6);
  EXPECT_EQ(run("score " + acme() + k_boundary).code, 0);
  // An unmatched id (3) outranks the tier.
  EXPECT_EQ(run("score " + acme() + k_boundary + " -c 'nope:*' --fail-on LOW 2>/dev/null").code, 3);
  const auto config_map = run("score " + acme() + k_config_map + " --format json");
  ASSERT_EQ(config_map.code, 0);
  const auto tier = nlohmann::json::parse(config_map.out)["tier"].get<std::string>();
  ASSERT_NE(tier, "CRITICAL");
  EXPECT_EQ(run("score " + acme() + k_config_map + " --fail-on CRITICAL").code, 0);
  EXPECT_EQ(run("score " + acme() + k_config_map + " --fail-on " + tier).code, 6);
}

TEST(OutputsCli, StrictOutranksFailOn) {
  TempTree tree;
  tree.write("main.tf", "resource \"aws_iam_role\" \"r\" {\n  name = aws_x.missing.id\n}\n");
  const auto root = tree.root().string();
  EXPECT_EQ(run("score " + root + " -c '.:aws_iam_role.r' --fail-on LOW").code, 6);
  EXPECT_EQ(run("score " + root + " -c '.:aws_iam_role.r' --fail-on LOW --strict 2>/dev/null").code,
            4);
}

TEST(OutputsCli, NoColourWhenNotATerminalOrNoColorIsSet) {
  const auto piped = run("score " + acme() + k_boundary);
  EXPECT_EQ(piped.out.find('\x1b'), std::string::npos);
  const auto forced = run("score " + acme() + k_boundary + " --color always");
  EXPECT_NE(forced.out.find("\x1b["), std::string::npos);
  const auto forced_off = run("score " + acme() + k_boundary + " --color never", "NO_COLOR=");
  EXPECT_EQ(forced_off.out.find('\x1b'), std::string::npos);
}

// A real terminal: script(1) runs the binary on a pseudo-terminal.
TEST(OutputsCli, ColourOnATerminalUnlessNoColor) {
  if (std::system("command -v script >/dev/null 2>&1") != 0)
    GTEST_SKIP() << "script(1) not installed";
  const std::string inner = binary_command("score " + acme() + k_boundary);
  const auto tty = run_shell("env -u NO_COLOR script -qec '" + inner + "' /dev/null");
  EXPECT_EQ(tty.code, 0);
  EXPECT_NE(tty.out.find("\x1b[1;31mCRITICAL"), std::string::npos) << tty.out.substr(0, 200);
  const auto no_color = run_shell("NO_COLOR=1 script -qec '" + inner + "' /dev/null");
  EXPECT_EQ(no_color.code, 0);
  EXPECT_EQ(no_color.out.find('\x1b'), std::string::npos);
  EXPECT_NE(no_color.out.find("tier CRITICAL"), std::string::npos);
}

}  // namespace
}  // namespace blastgraph::testing
