// Bad input never crashes and never yields positions outside the file: every fixture input
// is parsed truncated at each byte and with bytes flipped.

#include <gtest/gtest.h>

#include <algorithm>

#include "render.hpp"

namespace blastgraph::kubernetes {
namespace {

std::vector<std::string> fixture_inputs() {
  std::vector<std::string> inputs;
  for (const std::string& name : testing::list_cases(testing::fixtures_dir())) {
    for (const auto& entry : std::filesystem::directory_iterator(testing::fixtures_dir() / name)) {
      std::string file = entry.path().filename().string();
      if (file != "command" && file != "expected.txt")
        inputs.push_back(testing::read_text(entry.path()));
    }
  }
  return inputs;
}

void expect_sane(const ManifestFile& file, std::string_view text) {
  auto lines = static_cast<std::uint32_t>(std::count(text.begin(), text.end(), '\n') + 1);
  for (const Diagnostic& d : file.diagnostics) {
    EXPECT_EQ(d.file, "f.yaml");
    EXPECT_LE(d.position.line, lines) << format_diagnostic(d);
  }
  for (const Object& object : file.objects) {
    EXPECT_FALSE(object.name.empty());
    EXPECT_LE(object.span.first_line, object.span.last_line);
    EXPECT_LE(object.span.last_line, lines);
  }
}

TEST(Robustness, SurvivesEveryTruncation) {
  std::vector<std::string> inputs = fixture_inputs();
  ASSERT_GE(inputs.size(), 40U);
  for (const std::string& text : inputs) {
    for (std::size_t size = 0; size <= text.size(); ++size) {
      std::string_view prefix = std::string_view(text).substr(0, size);
      expect_sane(parse_manifests("f.yaml", prefix), prefix);
    }
  }
}

TEST(Robustness, SurvivesFlippedBytes) {
  using namespace std::string_view_literals;
  constexpr std::string_view k_noise = "\0\n:-[]{}&*!|>'\"#%@`\t\xff"sv;  // NUL included
  for (const std::string& text : fixture_inputs()) {
    for (std::size_t at = 0; at < text.size(); at += 7) {
      std::string mutated = text;
      mutated[at] = k_noise[at % k_noise.size()];
      expect_sane(parse_manifests("f.yaml", mutated), mutated);
    }
  }
}

}  // namespace
}  // namespace blastgraph::kubernetes

namespace blastgraph::kubernetes {
namespace {

// The Helm template warning points at the first action on the lines YAML counts, a lone CR
// ending one (found by fuzz_manifests: it pointed past the end of its line).
TEST(Robustness, HelmActionPositionsCountLoneCarriageReturns) {
  const auto file =
      parse_manifests("t.yaml", "apiVersion: v1\rkind: ConfigMap\rmetadata: {name: {{ .x }}}\n");
  const auto warning =
      std::find_if(file.diagnostics.begin(), file.diagnostics.end(),
                   [](const Diagnostic& d) { return d.code == "k8s-helm-template"; });
  ASSERT_NE(warning, file.diagnostics.end());
  EXPECT_EQ(warning->position.line, 3U);
  EXPECT_EQ(warning->position.column, 18U);
}

// An empty kind or apiVersion, quoted or tagged, is no object, as kubectl says "Object 'Kind'
// is missing" (found by fuzz_manifests: `kind: !!map` read as a kind of "").
TEST(Robustness, AnEmptyKindOrApiVersionIsNoObject) {
  for (std::string_view text : {"apiVersion: v1\nkind: ''\nmetadata: {name: a}\n",
                                "apiVersion: v1\nkind: !!map\nmetadata: {name: a}\n",
                                "apiVersion: v1\nkind: !!str\nmetadata: {name: a}\n",
                                "apiVersion: \"\"\nkind: ConfigMap\nmetadata: {name: a}\n"}) {
    EXPECT_TRUE(parse_manifests("e.yaml", text).objects.empty()) << text;
  }
  const auto list = parse_manifests(
      "l.yaml",
      "apiVersion: v1\nkind: List\nitems:\n- {apiVersion: v1, kind: '', metadata: {name: a}}\n"
      "- {apiVersion: v1, kind: ConfigMap, metadata: {name: b}}\n");
  ASSERT_EQ(list.objects.size(), 1U);
  EXPECT_EQ(list.objects[0].name, "b");
  ASSERT_EQ(list.diagnostics.size(), 1U);
  EXPECT_EQ(list.diagnostics[0].code, "k8s-list-item");
  EXPECT_EQ(list.diagnostics[0].position.line, 4U);
}

}  // namespace
}  // namespace blastgraph::kubernetes
