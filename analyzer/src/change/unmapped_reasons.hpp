#pragma once
// Reasons for listing a changed file as unmapped that code_changes (code_changes.cpp) may
// still map to a service through the policy file's path rules. NOTE: the change sources
// write exactly these strings, and code_changes recognizes a file it may map by them.

#include <string_view>

namespace blastgraph::analyzer::reasons {

inline constexpr std::string_view k_not_infrastructure =
    "not infrastructure (no node is read from this file)";
inline constexpr std::string_view k_deleted_not_infrastructure = "file deleted; not infrastructure";
inline constexpr std::string_view k_binary = "binary file";

}  // namespace blastgraph::analyzer::reasons
