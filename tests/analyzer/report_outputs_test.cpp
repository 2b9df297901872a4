// The gate's renderers on synthetic reports: Markdown size limit, truncation and escaping;
// colour only when asked; SARIF levels by tier; governance list limits; unsupported types.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <sstream>

#include "blastgraph/analyzer/report.hpp"

namespace blastgraph::testing {
namespace {

using analyzer::ScoreReport;

std::string id_of(std::size_t i) {
  return "envs/prod:module.svc" + std::to_string(i) + ".aws_iam_role.this";
}

// Thousands of entries in every list the Markdown report shows.
ScoreReport huge_report() {
  ScoreReport r;
  r.score = 97;
  r.tier = analyzer::Tier::critical;
  r.score_tier = analyzer::Tier::critical;
  r.approvals = {"CTO", "security", "change board"};
  r.verdict = analyzer::Verdict::deny;
  r.factors.push_back({"services_reached", 3000, 35, 35, "2999 other services"});
  for (std::size_t i = 0; i < 5000; ++i) {
    r.changed.push_back({id_of(i),
                         "aws_iam_role",
                         "svc" + std::to_string(i),
                         "modules/svc/iam.tf",
                         static_cast<std::uint32_t>(i + 1),
                         analyzer::ChangeAction::update,
                         {"diff"},
                         ""});
  }
  for (std::size_t i = 0; i < 3000; ++i) {
    analyzer::ServiceImpact s{"svc" + std::to_string(i), {}, 3, 40, {}, {}};
    for (std::size_t k = 0; k <= 40; ++k) s.path.push_back(id_of(i * 100 + k));
    s.edges.assign(40, "reference");
    r.services.push_back(std::move(s));
  }
  for (std::size_t i = 0; i < 2000; ++i)
    r.resources_by_type["custom_type_" + std::to_string(i)] = i;
  for (std::size_t i = 0; i < 1500; ++i) {
    r.unmapped.push_back({analyzer::ChangeSource::diff, "docs/file" + std::to_string(i) + ".md", 1,
                          9, "", "not infrastructure"});
  }
  r.violations.push_back({"no-iam", "no IAM for agents", {}, ".blastgraph.yaml", {3, 5}});
  for (std::size_t i = 0; i < 2500; ++i) r.violations[0].resources.push_back(id_of(i));
  for (std::size_t i = 0; i < 1200; ++i)
    r.coverage.unsupported_types["example.com/Kind" + std::to_string(i)] = 2;
  r.resources_reached = 123'456;
  return r;
}

// The text with every code span removed: what GitHub interprets as Markdown and HTML.
std::string outside_code_spans(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] != '`') {
      out += text[i++];
      continue;
    }
    const auto fence_end = text.find_first_not_of('`', i);
    const auto fence = text.substr(i, fence_end - i);
    auto close = text.find(fence, fence_end);
    while (close != std::string::npos && close + fence.size() < text.size() &&
           text[close + fence.size()] == '`') {
      close = text.find(fence, text.find_first_not_of('`', close));
    }
    if (close == std::string::npos) return out + text.substr(i);
    i = close + fence.size();
  }
  return out;
}

std::string markdown(const ScoreReport& r, analyzer::MarkdownOptions options = {}) {
  std::ostringstream out;
  analyzer::write_score_markdown(r, out, options);
  return out.str();
}

TEST(MarkdownReport, HugeReportStaysUnderTheLimitAndSaysWhatWasCut) {
  const auto text = markdown(huge_report());
  EXPECT_LE(text.size(), analyzer::k_markdown_max_chars);
  EXPECT_TRUE(text.starts_with("<!-- blastgraph-report -->\n"));
  EXPECT_NE(text.find("more not shown"), std::string::npos);
  // The first and the last changed resource are kept; the middle is cut with a count.
  EXPECT_NE(text.find(id_of(0)), std::string::npos);
  EXPECT_NE(text.find(id_of(4999)), std::string::npos);
  EXPECT_EQ(text.find("| `" + id_of(2500) + "` | update"), std::string::npos);
  EXPECT_NE(text.find("| \u2026 4,"), std::string::npos) << "counts are grouped by thousands";
  // Every section is still there.
  for (const auto* heading :
       {"### Changed resources (5,000)", "### Services reached (3,000)", "### Score factors",
        "### Resources reached by type (2,000)", "### Unmapped changes (1,500)", "### Coverage",
        "Scope violations (1)"}) {
    EXPECT_NE(text.find(heading), std::string::npos) << heading;
  }
}

TEST(MarkdownReport, SmallReportIsNotCut) {
  ScoreReport r;
  r.changed.push_back(
      {id_of(1), "aws_iam_role", "svc", "iam.tf", 3, analyzer::ChangeAction::create, {}, ""});
  const auto text = markdown(r);
  EXPECT_EQ(text.find("more not shown"), std::string::npos);
  EXPECT_NE(text.find("| `" + id_of(1) + "` | create | `iam.tf:3` |"), std::string::npos) << text;
}

TEST(MarkdownReport, TinyLimitStillHolds) {
  const auto text = markdown(huge_report(), {2'000});
  EXPECT_LE(text.size(), 2'000U);
  EXPECT_NE(text.find("report cut to fit"), std::string::npos);
  EXPECT_TRUE(text.starts_with("<!-- blastgraph-report -->\n"));
}

TEST(MarkdownReport, IdsAndTextCannotInjectMarkup) {
  ScoreReport r;
  const std::string evil = "k8s:x/ConfigMap/a|b<script>alert(1)</script>`tick`*[x](http://e)@team";
  r.changed.push_back({evil,
                       "ConfigMap",
                       "svc",
                       "a|b.yaml",
                       2,
                       analyzer::ChangeAction::update,
                       {"changed"},
                       "detail with <b>html</b> and | pipe and @mention"});
  r.violations.push_back({"rule_*bold*", "message <img src=x>", {evil}, "", {}});
  const auto text = markdown(r);
  // Code spans show their content literally; everything else is escaped.
  const auto markup = outside_code_spans(text);
  EXPECT_EQ(markup.find("<script>"), std::string::npos) << markup;
  EXPECT_EQ(markup.find("<b>"), std::string::npos);
  EXPECT_EQ(markup.find("<img"), std::string::npos);
  EXPECT_EQ(markup.find('@'), std::string::npos) << "no mentions";
  EXPECT_EQ(markup.find("](http"), std::string::npos) << "no links";
  // The id is one code span whose fence outlasts its backticks; its pipe does not split the row.
  const auto row_at = text.find("\n| ``k8s:x/ConfigMap/a\\|b<script>");
  ASSERT_NE(row_at, std::string::npos) << text;
  const auto row = text.substr(row_at + 1, text.find('\n', row_at + 1) - row_at - 1);
  std::size_t cells = 0;
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (row[i] == '|' && (i == 0 || row[i - 1] != '\\')) ++cells;
  }
  EXPECT_EQ(cells, 5U) << row;  // four columns
  EXPECT_NE(text.find("**rule\\_\\*bold\\***"), std::string::npos);
  EXPECT_NE(text.find("message &lt;img src=x&gt;"), std::string::npos);
}

TEST(TextReport, ColourOnlyWhenAsked) {
  auto r = huge_report();
  r.changed.resize(2);
  r.services.resize(2);
  std::ostringstream plain, coloured;
  analyzer::write_score_text(r, plain);
  analyzer::write_score_text(r, coloured, analyzer::TextOptions{true});
  EXPECT_EQ(plain.str().find('\x1b'), std::string::npos);
  EXPECT_NE(coloured.str().find("\x1b[1;31mCRITICAL\x1b[0m"), std::string::npos);
  EXPECT_NE(coloured.str().find("\x1b[1;31mdeny\x1b[0m"), std::string::npos);
  // Colour adds escapes, nothing else.
  std::string stripped = coloured.str();
  for (auto at = stripped.find('\x1b'); at != std::string::npos; at = stripped.find('\x1b', at)) {
    stripped.erase(at, stripped.find('m', at) - at + 1);
  }
  EXPECT_EQ(stripped, plain.str());
}

TEST(TextReport, ShowsUnsupportedTypesAndViolations) {
  ScoreReport r;
  r.coverage.unsupported_types = {{"example.com/Widget", 3}, {"foo_thing", 1}};
  r.violations.push_back({"no-iam",
                          "agents may not touch IAM",
                          {"envs/prod:aws_iam_role.x"},
                          ".blastgraph.yaml",
                          {7, 3}});
  std::ostringstream out;
  analyzer::write_score_text(r, out);
  EXPECT_NE(out.str().find("unsupported types       2 (4 resources)\n    example.com/Widget  3\n"),
            std::string::npos)
      << out.str();
  EXPECT_NE(out.str().find("  no-iam  (.blastgraph.yaml:7:3)  agents may not touch IAM\n"
                           "      envs/prod:aws_iam_role.x\n"),
            std::string::npos)
      << out.str();
}

TEST(SarifReport, LevelFollowsTheTier) {
  const std::pair<analyzer::Tier, std::string> cases[] = {{analyzer::Tier::low, "note"},
                                                          {analyzer::Tier::medium, "warning"},
                                                          {analyzer::Tier::high, "error"},
                                                          {analyzer::Tier::critical, "error"}};
  for (const auto& [tier, level] : cases) {
    ScoreReport r;
    r.tier = tier;
    r.changed.push_back({"k8s:a/ConfigMap/b c",
                         "ConfigMap",
                         "a",
                         "k8s/a b.yaml",
                         4,
                         analyzer::ChangeAction::update,
                         {},
                         ""});
    std::ostringstream out;
    analyzer::write_score_sarif(r, out);
    const auto doc = nlohmann::json::parse(out.str());
    const auto& result = doc["runs"][0]["results"][0];
    EXPECT_EQ(result["level"], level);
    EXPECT_EQ(result["ruleId"], "changed-resource");
    const auto& physical = result["locations"][0]["physicalLocation"];
    EXPECT_EQ(physical["artifactLocation"]["uri"], "k8s/a%20b.yaml");
    EXPECT_EQ(physical["region"]["startLine"], 4);
    EXPECT_EQ(doc["runs"][0]["properties"]["tier"], std::string(analyzer::to_string(tier)));
  }
}

TEST(GovernanceBlock, LongListsAreCutAndEmptyOnesSayNone) {
  auto r = huge_report();
  r.violations.clear();
  r.approvals.clear();
  std::ostringstream out;
  analyzer::write_score_governance(r, out);
  const auto block = out.str();
  EXPECT_NE(block.find("violations: none\n"), std::string::npos);
  EXPECT_NE(block.find("required_approvals: none\n"), std::string::npos);
  EXPECT_NE(block.find("  - \u2026 4,950 more not shown \u2026\n"), std::string::npos);
  EXPECT_EQ(std::count(block.begin(), block.end(), '\n'), 9 + 50 + 1 + 2);
}

}  // namespace
}  // namespace blastgraph::testing
