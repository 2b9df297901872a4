// kustomize_build against hand-written expectations: each fixtures/kustomize/<case>/ holds
// the input tree, `build` (the directory to render) and expected.yaml, what `kustomize build`
// prints for it, written from kustomize's documentation. Documents compare by content
// (mapping keys in any order, scalars by text), in any document order.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "blastgraph/parsers/kustomize.hpp"
#include "blastgraph/parsers/yaml.hpp"
#include "render.hpp"
#include "support/golden.hpp"

namespace blastgraph::kubernetes {
namespace {

const std::filesystem::path k_cases =
    std::filesystem::path(BLASTGRAPH_SOURCE_DIR) / "fixtures" / "kustomize";

std::optional<std::string> read_under(const std::filesystem::path& root, const std::string& path) {
  const auto full = root / path;
  if (!std::filesystem::is_regular_file(full)) return std::nullopt;
  std::ifstream in(full, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// One line per scalar, keys sorted: documents with the same content read the same.
std::string canonical(yaml::Node node, const std::string& indent = "") {
  if (node.is_scalar()) return node.is_null() ? "~\n" : "'" + std::string(node.scalar()) + "'\n";
  std::string out = "\n";
  if (node.is_sequence()) {
    for (std::size_t i = 0; i < node.size(); ++i)
      out += indent + "- " + canonical(node.item(i), indent + "  ");
    return out;
  }
  std::map<std::string, std::string> entries;
  for (std::size_t i = 0; i < node.size(); ++i) {
    entries[std::string(node.key(i).scalar())] = canonical(node.value(i), indent + "  ");
  }
  for (const auto& [key, value] : entries) out += indent + key + ": " + value;
  return out;
}

std::vector<std::string> documents(std::string_view text) {
  yaml::Stream stream = yaml::load("x.yaml", text);
  std::vector<std::string> out;
  for (const auto& document : stream.documents) out.push_back(canonical(document.root));
  std::sort(out.begin(), out.end());
  return out;
}

KustomizeBuild build_case(const std::string& name) {
  const auto root = k_cases / name;
  std::string dir;
  std::ifstream(root / "build") >> dir;
  return kustomize_build(dir, [root](const std::string& path) { return read_under(root, path); });
}

class Rendered : public ::testing::TestWithParam<std::string> {};

TEST_P(Rendered, MatchesKustomize) {
  const KustomizeBuild build = build_case(GetParam());
  const auto expected = read_under(k_cases / GetParam(), "expected.yaml");
  ASSERT_TRUE(expected);
  const auto want = documents(*expected);
  const auto got = documents(build.rendered);
  ASSERT_EQ(got.size(), want.size()) << build.rendered;
  for (std::size_t i = 0; i < want.size(); ++i) EXPECT_EQ(got[i], want[i]);
  for (const Diagnostic& d : build.diagnostics)
    ADD_FAILURE() << d.file << ": " << d.code << " " << d.message;
}

INSTANTIATE_TEST_SUITE_P(Cases, Rendered,
                         ::testing::Values("names", "generators", "patches", "components",
                                           "generator_behavior", "labels", "delete_patch"));

TEST(KustomizeBuild, EachObjectNamesTheFilesThatShapeIt) {
  const KustomizeBuild build = build_case("patches");
  const Object* app = nullptr;
  for (const auto& file : build.files) {
    for (const auto& object : file.objects) {
      if (object.kind == "Deployment") app = &object;
    }
  }
  ASSERT_NE(app, nullptr);
  EXPECT_EQ(app->span.file, "base/deployment.yaml");
  EXPECT_EQ(app->shaped_by,
            (std::vector<std::string>{"base/kustomization.yaml", "overlay/kustomization.yaml",
                                      "overlay/ops.yaml", "overlay/replicas.yaml"}));
}

TEST(KustomizeBuild, ObjectsPointIntoTheFilesWhereTheyAreWritten) {
  const KustomizeBuild build = build_case("names");
  std::map<std::string, std::vector<std::string>> names_by_file;
  for (const ManifestFile& file : build.files) {
    for (const Object& object : file.objects) names_by_file[file.path].push_back(object.name);
    for (const Object& object : file.objects) EXPECT_EQ(object.span.file, file.path);
  }
  EXPECT_EQ(names_by_file["base/rbac.yaml"],
            (std::vector<std::string>{"prod-web-v2", "prod-reader-v2", "prod-web-reader-v2"}));
  const Object& deployment = build.files.front().objects.front();
  EXPECT_EQ(deployment.kind, "Deployment");
  EXPECT_EQ(deployment.namespace_name, "prod");
  EXPECT_EQ(deployment.span.first_line, 1U);
  bool saw_config = false;
  for (const ObjectRef& ref : deployment.references) {
    if (ref.kind != "ConfigMap") continue;
    saw_config = true;
    EXPECT_EQ(ref.name, "prod-web-config-v2");
    EXPECT_EQ(ref.position.line, 20U);  // where base/app.yaml names it
  }
  EXPECT_TRUE(saw_config);
  EXPECT_EQ(build.inputs,
            (std::vector<std::string>{"base/app.yaml", "base/kustomization.yaml", "base/rbac.yaml",
                                      "overlay/kustomization.yaml"}));
}

TEST(KustomizeBuild, GeneratedObjectsPointAtTheirGenerator) {
  const KustomizeBuild build = build_case("generators");
  for (const ManifestFile& file : build.files) {
    for (const Object& object : file.objects) {
      if (object.kind == "ConfigMap") {
        EXPECT_EQ(object.span.file, "kustomization.yaml");
      }
    }
  }
}

TEST(KustomizeBuild, RemoteBasesAndCyclesAreReportedNotFollowed) {
  std::map<std::string, std::string> files{
      {"a/kustomization.yaml", "resources:\n- ../b\n- github.com/org/repo//base?ref=v1\n"},
      {"b/kustomization.yaml", "resources:\n- ../a\n- missing.yaml\n"},
  };
  const KustomizeBuild build =
      kustomize_build("a", [&](const std::string& path) -> std::optional<std::string> {
        auto it = files.find(path);
        return it == files.end() ? std::nullopt : std::optional<std::string>(it->second);
      });
  std::vector<std::string> codes;
  for (const Diagnostic& d : build.diagnostics) codes.push_back(d.code);
  std::sort(codes.begin(), codes.end());
  EXPECT_EQ(codes, (std::vector<std::string>{"k8s-kustomize-cycle", "k8s-kustomize-missing",
                                             "k8s-kustomize-remote"}));
}

// Rendering without transforms is lossless: every manifest golden case, listed in a bare
// kustomization, reads back as the same objects with the same positions.
TEST(KustomizeBuild, BareKustomizationReadsManifestsAsParseManifestsDoes) {
  for (const std::string& name : testing::list_cases(testing::fixtures_dir())) {
    const auto dir = testing::fixtures_dir() / name;
    std::istringstream command(testing::read_text(dir / "command"));
    std::string tool;
    std::string input;
    command >> tool >> input;
    if (tool != "manifests") continue;
    const std::string text = testing::read_text(dir / input);
    ManifestFile direct = parse_manifests(input, text);
    if (direct.unparsed) continue;
    const KustomizeBuild build =
        kustomize_build(".", [&](const std::string& path) -> std::optional<std::string> {
          if (path == "kustomization.yaml") return "resources:\n- " + input + "\n";
          if (path == input) return text;
          return std::nullopt;
        });
    ManifestFile rendered;
    rendered.path = input;
    if (!build.files.empty()) rendered = build.files.front();
    direct.diagnostics.clear();
    rendered.diagnostics.clear();
    EXPECT_EQ(testing::render_manifests(rendered), testing::render_manifests(direct)) << name;
  }
}

}  // namespace
}  // namespace blastgraph::kubernetes
