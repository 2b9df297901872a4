// Terraform files (HCL native syntax, and Terraform's JSON syntax for *.tf.json).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "blastgraph/parsers/terraform.hpp"
#include "fuzz_check.hpp"

namespace {

std::string describe(const blastgraph::terraform::File& file) {
  std::string out;
  for (const auto& block : file.blocks) {
    out += block.address + " " + block.normalized_text + "\n";
    for (const auto& ref : block.references) out += "  " + ref.subject + "\n";
  }
  return out + blastgraph::fuzz::describe(file.diagnostics);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace blastgraph;
  // The first byte picks the syntax, so one corpus explores both.
  if (size == 0) return 0;
  const std::string_view path = (data[0] & 1U) != 0 ? "main.tf.json" : "main.tf";
  const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  const auto first = terraform::parse_file(path, text);
  fuzz::check_positions(first.diagnostics, path, text);
  fuzz::check_same(describe(first), describe(terraform::parse_file(path, text)), "HCL");
  return 0;
}
