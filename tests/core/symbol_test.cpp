#include "blastgraph/core/symbol.hpp"

#include <algorithm>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace blastgraph {
namespace {

TEST(Symbol, EqualTextsShareOneCopy) {
  const std::string text = "services/payments/main.tf";
  const Symbol a = text;
  const Symbol b = std::string_view(text);
  const Symbol c = "services/payments/main.tf";
  EXPECT_EQ(a.data(), b.data());
  EXPECT_EQ(a.data(), c.data());
  EXPECT_NE(a.data(), text.data());
  EXPECT_EQ(a, b);
  EXPECT_NE(a, Symbol("services/payments/other.tf"));
}

TEST(Symbol, DefaultIsTheEmptyText) {
  const Symbol empty;
  EXPECT_TRUE(empty.empty());
  EXPECT_EQ(empty, Symbol(""));
  EXPECT_EQ(empty, std::string());
  EXPECT_EQ(empty.str(), "");
}

TEST(Symbol, ComparesWithEveryStringType) {
  const Symbol symbol = "aws_iam_role";
  EXPECT_TRUE(symbol == "aws_iam_role");
  EXPECT_TRUE("aws_iam_role" == symbol);
  EXPECT_TRUE(symbol == std::string("aws_iam_role"));
  EXPECT_TRUE(std::string("aws_iam_role") == symbol);
  EXPECT_TRUE(symbol == std::string_view("aws_iam_role"));
  EXPECT_TRUE(symbol != "aws_iam_policy");
  EXPECT_TRUE(symbol > "aws_iam_policy");
  EXPECT_TRUE(symbol < std::string("aws_s3_bucket"));
}

// Order follows the texts, not the order in which they were first interned.
TEST(Symbol, OrdersByText) {
  std::vector<Symbol> symbols = {"zeta-first-interned", "alpha-second", "mid-third"};
  std::sort(symbols.begin(), symbols.end());
  EXPECT_EQ(symbols[0], "alpha-second");
  EXPECT_EQ(symbols[1], "mid-third");
  EXPECT_EQ(symbols[2], "zeta-first-interned");
}

TEST(Symbol, ReadsLikeAString) {
  const Symbol symbol = "modules/service/main.tf";
  const std::string& text = symbol;
  std::string_view view = symbol;
  EXPECT_EQ(text, "modules/service/main.tf");
  EXPECT_EQ(view.size(), symbol.size());
  EXPECT_TRUE(symbol.starts_with("modules/"));
  EXPECT_TRUE(symbol.ends_with(".tf"));
  EXPECT_EQ(symbol.substr(0, 7), "modules");
  EXPECT_EQ(symbol + ":12", "modules/service/main.tf:12");
  EXPECT_EQ(std::hash<Symbol>{}(symbol), std::hash<std::string_view>{}(view));
}

TEST(Symbol, ThreadsInterningTheSameTextsGetTheSameCopies) {
  constexpr std::size_t k_texts = 2000;
  std::vector<std::vector<const char*>> seen(4, std::vector<const char*>(k_texts));
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < seen.size(); ++t) {
    threads.emplace_back([&seen, t] {
      for (std::size_t i = 0; i < k_texts; ++i) {
        seen[t][i] = Symbol("thread-text-" + std::to_string(i)).data();
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (std::size_t t = 1; t < seen.size(); ++t) EXPECT_EQ(seen[t], seen[0]);
  const std::size_t before = Symbol::interned_count();
  (void)Symbol("thread-text-7");
  EXPECT_EQ(Symbol::interned_count(), before);
}

}  // namespace
}  // namespace blastgraph
