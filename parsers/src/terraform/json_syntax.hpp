#pragma once
// The two syntaxes a Terraform file may be written in; parse_file chooses by the file name.

#include <string_view>

#include "blastgraph/parsers/terraform.hpp"

namespace blastgraph::terraform {

// A `.tf` file: HCL native syntax.
[[nodiscard]] File parse_native_syntax(std::string_view path, std::string_view text);

// A `.tf.json` file: Terraform's JSON syntax, read as the native syntax it stands for, with
// every position in the JSON file (an argument's references are at its key).
[[nodiscard]] File parse_json_syntax(std::string_view path, std::string_view text);

}  // namespace blastgraph::terraform
