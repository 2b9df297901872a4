// Robustness: damaged versions of every fixture (truncated, bytes replaced) and pathological
// inputs must parse without crashing, deterministically, and with diagnostics when broken.

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "render.hpp"

namespace blastgraph::terraform {
namespace {

struct Input {
  std::string name;
  std::string text;
};

// Every 7th byte (11th for replacements). The deep-nesting files of the broken corpus get only
// about 20 places: each of their damaged versions costs tree-sitter a long error recovery, and
// the small files already cover every kind of damage.
std::size_t stride(const Input& input, std::size_t small_stride) {
  constexpr std::size_t k_big = std::size_t{8} * 1024;
  return input.text.size() > k_big ? input.text.size() / 20 : small_stride;
}

std::vector<Input> fixture_inputs() {
  std::vector<Input> inputs;
  const std::filesystem::path references = testing::fixtures_dir() / "references";
  for (const std::string& dir : testing::list_directory(
           references,
           [](const std::filesystem::path& p) { return std::filesystem::is_directory(p); })) {
    inputs.push_back({dir, testing::read_text(references / dir / "main.tf")});
  }
  const std::filesystem::path broken = testing::fixtures_dir() / "broken";
  for (const std::string& file : testing::list_directory(
           broken, [](const std::filesystem::path& p) { return p.extension() == ".tf"; })) {
    inputs.push_back({file, testing::read_text(broken / file)});
  }
  return inputs;
}

std::uint32_t line_count(const std::string& text) {
  return static_cast<std::uint32_t>(std::count(text.begin(), text.end(), '\n')) + 1;
}

// Properties every result has, whatever the input.
void expect_well_formed(const File& file, const std::string& text, const std::string& what) {
  const std::uint32_t lines = line_count(text);
  for (const Diagnostic& d : file.diagnostics) {
    EXPECT_EQ(d.file, file.path) << what;
    EXPECT_FALSE(d.code.empty()) << what;
    EXPECT_LE(d.position.line, lines) << what << ": " << format_diagnostic(d);
  }
  for (const Block& block : file.blocks) {
    EXPECT_FALSE(block.address.empty()) << what;
    EXPECT_LE(block.span.first_line, block.span.last_line) << what << ": " << block.address;
    EXPECT_LE(block.span.last_line, lines) << what << ": " << block.address;
    EXPECT_TRUE(std::is_sorted(
        block.references.begin(), block.references.end(),
        [](const Reference& a, const Reference& b) { return a.position < b.position; }))
        << what << ": " << block.address;
  }
}

// Blocks (other than locals entries) of the intact file, as line ranges.
std::vector<std::pair<std::uint32_t, std::uint32_t>> block_lines(const File& file) {
  std::vector<std::pair<std::uint32_t, std::uint32_t>> lines;
  for (const Block& block : file.blocks) {
    if (block.kind != BlockKind::local) {
      lines.emplace_back(block.span.first_line, block.span.last_line);
    }
  }
  return lines;
}

TEST(Robustness, TruncatedFixturesParseAndReportTheCut) {
  for (const Input& input : fixture_inputs()) {
    const File intact = parse_file(input.name, input.text);
    const auto blocks = block_lines(intact);
    for (std::size_t cut = 0; cut < input.text.size(); cut += stride(input, 7)) {
      const std::string text = input.text.substr(0, cut);
      const std::string what = input.name + " cut at " + std::to_string(cut);
      const File file = parse_file(input.name, text);
      expect_well_formed(file, text, what);
      // A cut before a block's last line leaves it unclosed, which must be reported.
      const std::uint32_t cut_line = line_count(text);
      const bool inside_block = std::any_of(blocks.begin(), blocks.end(), [&](const auto& lines) {
        return lines.first < cut_line && cut_line < lines.second;
      });
      if (inside_block) {
        EXPECT_TRUE(std::any_of(file.diagnostics.begin(), file.diagnostics.end(),
                                [](const Diagnostic& d) { return d.severity == Severity::error; }))
            << what;
      }
    }
  }
}

TEST(Robustness, FixturesWithReplacedBytesParseDeterministically) {
  constexpr std::array k_replacements{'{', '}', '"', '[', '$', '\0', '\xff', '\n', '=', '%'};
  for (const Input& input : fixture_inputs()) {
    for (std::size_t at = 3, n = 0; at < input.text.size(); at += stride(input, 11), ++n) {
      std::string text = input.text;
      text[at] = k_replacements.at(n % k_replacements.size());
      const std::string what = input.name + " byte " + std::to_string(at) + " replaced";
      const File first = parse_file(input.name, text);
      expect_well_formed(first, text, what);
      EXPECT_EQ(testing::render_references(parse_file(input.name, text)),
                testing::render_references(first))
          << what;
    }
  }
}

TEST(Robustness, RandomBytesGiveBoundedDiagnostics) {
  std::string text(std::size_t{64} * 1024, '\0');
  std::uint32_t state = 12345;
  for (char& c : text) {
    state = state * 1103515245U + 12345U;  // fixed seed: the test is reproducible
    c = static_cast<char>(state >> 24U);
  }
  const File file = parse_file("random.tf", text);
  expect_well_formed(file, text, "random bytes");
  EXPECT_FALSE(file.diagnostics.empty());
  EXPECT_LE(file.diagnostics.size(), 51U);  // the first errors and one note for the rest
}

TEST(Robustness, DeeplyNestedBlocksAreCutOffWithADiagnostic) {
  std::string text = "resource \"a\" \"b\" {\n";
  for (int i = 0; i < 5000; ++i) text += "n {\n";
  text += "x = var.deep\n";
  for (int i = 0; i < 5000; ++i) text += "}\n";
  text += "}\n";
  const File file = parse_file("deep.tf", text);
  ASSERT_EQ(file.blocks.size(), 1U);
  ASSERT_EQ(file.diagnostics.size(), 1U);
  EXPECT_EQ(file.diagnostics[0].code, "hcl-too-deep");
}

TEST(Robustness, LongOperatorChainsAndNestedDirectivesDoNotOverflowTheStack) {
  std::string chain = "locals {\n  sum = var.a";
  for (int i = 0; i < 50000; ++i) chain += " + 1";
  chain += "\n}\n";
  const File sum = parse_file("sum.tf", chain);
  ASSERT_EQ(sum.blocks.size(), 1U);
  EXPECT_EQ(sum.diagnostics.size(), 1U);

  std::string directives = "locals {\n  t = \"";
  for (int i = 0; i < 5000; ++i) directives += "%{ if var.c }";
  for (int i = 0; i < 5000; ++i) directives += "%{ endif }";
  directives += "\"\n}\n";
  const File nested = parse_file("directives.tf", directives);
  expect_well_formed(nested, directives, "nested directives");
}

}  // namespace
}  // namespace blastgraph::terraform
