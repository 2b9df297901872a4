// Hostile and damaged input: never a crash, always a diagnostic, bounded work.

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "render.hpp"

namespace blastgraph::iam {
namespace {

TEST(Robustness, EveryPrefixOfAValidFileParses) {
  const std::string text =
      testing::read_text(testing::fixtures_dir() / "cli" / "account-authorization-details.json");
  ASSERT_GT(text.size(), 1000U);
  const std::size_t full = parse_policy("a.json", text).documents.size();
  for (std::size_t length = 0; length < text.size(); length += 7) {
    const PolicyFile file = parse_policy("a.json", std::string_view(text).substr(0, length));
    EXPECT_TRUE(std::any_of(file.diagnostics.begin(), file.diagnostics.end(),
                            [](const Diagnostic& d) { return d.code == "iam-json"; }))
        << "prefix " << length;
    EXPECT_LE(file.documents.size(), full) << "prefix " << length;
  }
}

TEST(Robustness, DeepNestingIsRefusedNotRecursedInto) {
  const std::string deep =
      "{\"Statement\": " + std::string(100000, '[') + std::string(100000, ']') + "}";
  const PolicyFile file = parse_policy("deep.json", deep);
  ASSERT_EQ(file.diagnostics.size(), 1U);
  EXPECT_EQ(file.diagnostics[0].code, "iam-too-deep");
  // The object and 63 arrays are read; the 64th array, at column 15 + 63, is refused.
  EXPECT_EQ(file.diagnostics[0].position, (SourcePosition{1, 78}));
  ASSERT_EQ(file.documents.size(), 1U);
  EXPECT_TRUE(file.documents[0].statements.empty());
}

TEST(Robustness, NulBytesAndInvalidUtf8AreJsonErrors) {
  const std::string nul("{\"Statement\": \"\0\"}", 19);
  const PolicyFile with_nul = parse_policy("n.json", nul);
  ASSERT_EQ(with_nul.diagnostics.size(), 1U);
  EXPECT_EQ(with_nul.diagnostics[0].code, "iam-json");
  EXPECT_EQ(with_nul.diagnostics[0].position, (SourcePosition{1, 15}));
  EXPECT_NE(with_nul.diagnostics[0].message.find("U+0000"), std::string::npos)
      << with_nul.diagnostics[0].message;
  const PolicyFile bad_utf8 = parse_policy("u.json", "{\"Sid\": \"\xC3\x28\"}");
  ASSERT_EQ(bad_utf8.diagnostics.size(), 1U);
  EXPECT_EQ(bad_utf8.diagnostics[0].code, "iam-json");
}

TEST(Robustness, TrailingGarbageIsReportedAfterTheDocument) {
  const PolicyFile file =
      parse_policy("t.json", "{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:*\"}}\n}");
  ASSERT_EQ(file.diagnostics.size(), 1U);
  EXPECT_EQ(file.diagnostics[0].code, "iam-json");
  EXPECT_EQ(file.diagnostics[0].position, (SourcePosition{2, 1}));
  ASSERT_EQ(file.documents.size(), 1U);
  EXPECT_EQ(file.documents[0].statements.size(), 1U);
}

TEST(Robustness, AByteOrderMarkIsSkipped) {
  const PolicyFile file = parse_policy(
      "bom.json", "\xEF\xBB\xBF{\"Statement\": {\"Effect\": \"Allow\", \"Action\": \"s3:*\"}}");
  EXPECT_TRUE(file.diagnostics.empty());
  ASSERT_EQ(file.documents.size(), 1U);
  EXPECT_EQ(file.documents[0].statements.at(0).position, (SourcePosition{1, 18}));
}

TEST(Robustness, ParsingIsDeterministic) {
  const std::string text =
      testing::read_text(testing::fixtures_dir() / "broken" / "bad_values.json");
  EXPECT_EQ(testing::render_summary(parse_policy("b.json", text)),
            testing::render_summary(parse_policy("b.json", text)));
}

}  // namespace
}  // namespace blastgraph::iam
