// Kubernetes manifests: YAML (multi-document, anchors, aliases, merge keys) or JSON.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "blastgraph/parsers/kubernetes.hpp"
#include "fuzz_check.hpp"

namespace {

std::string describe(const blastgraph::kubernetes::ManifestFile& file) {
  std::string out;
  for (const auto& object : file.objects) {
    out += object.api_version + "/" + object.kind + " " + object.namespace_name + "/" +
           object.name + " " + std::to_string(object.references.size()) + "\n";
  }
  out += file.unparsed ? "unparsed\n" : "";
  return out + blastgraph::fuzz::describe(file.diagnostics);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace blastgraph;
  const std::string_view path = "manifest.yaml";
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto first = kubernetes::parse_manifests(path, text);
  fuzz::check_positions(first.diagnostics, path, text, fuzz::LineBreaks::yaml);
  for (const auto& object : first.objects) {
    if (object.kind.empty() || object.name.empty()) fuzz::fail("an object without kind or name");
  }
  fuzz::check_same(describe(first), describe(kubernetes::parse_manifests(path, text)), "manifests");
  return 0;
}
