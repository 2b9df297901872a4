// The bounds that keep hostile YAML cheap, and the Node API's behaviour at the edges.

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "blastgraph/parsers/yaml.hpp"

namespace blastgraph::yaml {
namespace {

bool has_code(const Stream& stream, std::string_view code) {
  return std::any_of(stream.diagnostics.begin(), stream.diagnostics.end(),
                     [&](const Diagnostic& d) { return d.code == code; });
}

// `levels` anchors, each a list of `fanout` aliases to the one before: fanout^levels nodes.
std::string alias_bomb(int levels, int fanout) {
  std::string text = "a0: &a0 [lol]\n";
  for (int level = 1; level <= levels; ++level) {
    std::string name = "a" + std::to_string(level);
    text += name + ": &" + name + " [";
    for (int i = 0; i < fanout; ++i) text += (i ? ",*a" : "*a") + std::to_string(level - 1);
    text += "]\n";
  }
  return text;
}

TEST(YamlLimits, RefusesABillionLaughsBombWithoutExpandingIt) {
  Stream stream = load("bomb.yaml", alias_bomb(9, 9) + "---\nafter: 1\n");
  EXPECT_TRUE(has_code(stream, "yaml-alias-limit"));
  ASSERT_EQ(stream.documents.size(), 1U);  // the bomb is dropped, the next document is kept
  EXPECT_EQ(stream.documents[0].root.find("after").scalar(), "1");
}

TEST(YamlLimits, RefusesABombFarBeyondMemory) {
  // 40^40 nodes if expanded; returning at all is the assertion.
  Stream stream = load("bomb.yaml", alias_bomb(40, 40));
  EXPECT_TRUE(has_code(stream, "yaml-alias-limit"));
  EXPECT_TRUE(stream.documents.empty());
}

TEST(YamlLimits, AcceptsAliasesWithinTheBudget) {
  Stream stream = load("ok.yaml", alias_bomb(4, 9));  // 9^4 = 6561 nodes
  EXPECT_TRUE(stream.diagnostics.empty());
  ASSERT_EQ(stream.documents.size(), 1U);
  Node last = stream.documents[0].root.find("a4");
  EXPECT_EQ(last.size(), 9U);
  EXPECT_EQ(last.item(8).item(0).item(0).item(0).item(0).scalar(), "lol");
}

TEST(YamlLimits, RefusesDeepFlowNesting) {
  Stream stream = load("deep.yaml", std::string(10'000, '['));
  EXPECT_TRUE(has_code(stream, "yaml-too-deep"));
  EXPECT_TRUE(stream.documents.empty());
}

TEST(YamlLimits, RefusesDeepBlockNesting) {
  std::string text;
  for (int i = 0; i < 1000; ++i) text += std::string(static_cast<std::size_t>(i), ' ') + "k:\n";
  Stream stream = load("deep.yaml", text);
  EXPECT_TRUE(has_code(stream, "yaml-too-deep"));
}

TEST(YamlLimits, CountsDepthThroughAliases) {
  std::string nested = std::string(300, '[') + std::string(300, ']');
  std::string text = "a: &deep " + nested + "\nb: " + std::string(300, '[') + "*deep" +
                     std::string(300, ']') + "\n";
  Stream stream = load("deep.yaml", text);
  EXPECT_TRUE(has_code(stream, "yaml-too-deep"));
}

TEST(YamlLimits, RefusesAnOversizedDocumentAndKeepsTheNext) {
  Limits limits;
  limits.max_document_chars = 64;
  std::string text = "big: [" + std::string(100, 'x') + "]\n---\nsmall: 1\n";
  Stream stream = load("big.yaml", text, limits);
  EXPECT_TRUE(has_code(stream, "yaml-too-large"));
  ASSERT_EQ(stream.documents.size(), 1U);
  EXPECT_EQ(stream.documents[0].root.find("small").scalar(), "1");
}

TEST(YamlLimits, ReportsInvalidUtf8WithItsPosition) {
  Stream stream = load("bad.yaml", "a: 1\nb: \xff\xfe\n");
  ASSERT_TRUE(has_code(stream, "yaml-syntax"));
  EXPECT_EQ(stream.diagnostics[0].position.line, 2U);
}

// A lone CR is a YAML line break: libyaml counts it as one in the positions it gives, and so
// do the positions computed for the errors it reports by byte offset (found by fuzz_manifests,
// whose inputs mixed the two counts).
TEST(YamlLimits, PositionsCountEveryYamlLineBreakAlike) {
  Stream stream = load("bad.yaml", "a: 1\rb: 2\nc: [In\xe9ress]\n");
  ASSERT_TRUE(has_code(stream, "yaml-syntax"));
  EXPECT_EQ(stream.diagnostics[0].position.line, 3U);
  EXPECT_EQ(stream.diagnostics[0].position.column, 8U);
}

// After an error, reading resumes at the next `---` counted in the same lines.
TEST(YamlLimits, ResumesAfterAnErrorPastLoneCarriageReturns) {
  Stream stream = load("bad.yaml", "a: 1\r\rb: [1\n---\nc: 3\n");
  EXPECT_TRUE(has_code(stream, "yaml-syntax"));
  ASSERT_EQ(stream.documents.size(), 1U);
  EXPECT_EQ(stream.documents[0].root.find("c").scalar(), "3");
}

TEST(YamlLimits, KeepsNothingWhenTheOnlyDocumentIsBroken) {
  Stream stream = load("bad.yaml", "a: [1, 2\nb: 3\n");
  EXPECT_TRUE(has_code(stream, "yaml-syntax"));
  EXPECT_TRUE(stream.documents.empty());
}

TEST(YamlNode, MissingNodesAnswerEmpty) {
  Stream stream = load("n.yaml", "list: [a, b]\nmap: {k: v}\n");
  Node root = stream.documents.at(0).root;
  Node missing = root.find("nope").find("deeper");
  EXPECT_FALSE(missing);
  EXPECT_EQ(missing.kind(), NodeKind::none);
  EXPECT_EQ(missing.size(), 0U);
  EXPECT_TRUE(missing.is_null());
  EXPECT_FALSE(missing.is_text());
  EXPECT_FALSE(root.find("list").find("a"));  // find on a sequence
  EXPECT_EQ(root.find("list").scalar(), "");
  EXPECT_EQ(root.find("map").find("k").scalar(), "v");
}

TEST(YamlNode, ReadsBooleansOnlyWhereYaml11Would) {
  Stream stream = load("b.yaml", "a: yes\nb: 'yes'\nc: !!bool \"off\"\nd: !!str true\ne: [true]\n");
  Node root = stream.documents.at(0).root;
  EXPECT_EQ(root.find("a").as_bool(), true);
  EXPECT_EQ(root.find("b").as_bool(), std::nullopt);
  EXPECT_EQ(root.find("c").as_bool(), false);
  EXPECT_EQ(root.find("d").as_bool(), std::nullopt);
  EXPECT_EQ(root.find("e").as_bool(), std::nullopt);
}

TEST(YamlNode, NodesStayValidWhenTheStreamMoves) {
  Stream first = load("m.yaml", "key: value\n");
  Node root = first.documents.at(0).root;
  Stream moved = std::move(first);
  EXPECT_EQ(root.find("key").scalar(), "value");
  EXPECT_EQ(moved.documents.at(0).root.find("key").scalar(), "value");
}

}  // namespace
}  // namespace blastgraph::yaml
