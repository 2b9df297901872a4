#pragma once
// Golden files: expected outputs kept under fixtures/, read and reviewed by people. Set
// BLASTGRAPH_UPDATE_GOLDEN=1 to rewrite them after a deliberate change, then read the diff.
// Test targets that include this link blastgraph::core.

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "blastgraph/core/file_io.hpp"

namespace blastgraph::testing {

// Expects `actual` to equal the golden file `dir`/`name` (a missing file fails the test);
// with BLASTGRAPH_UPDATE_GOLDEN=1 writes `actual` there instead.
inline void expect_golden(const std::filesystem::path& dir, const std::string& name,
                          const std::string& actual) {
  const auto path = dir / name;
  if (const char* update = std::getenv("BLASTGRAPH_UPDATE_GOLDEN"); update && *update == '1') {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  auto expected = read_file(path);
  ASSERT_TRUE(expected.has_value()) << "missing golden file " << path;
  EXPECT_EQ(actual, *expected) << "golden mismatch: " << name;
}

}  // namespace blastgraph::testing
