// Snapshots: a workspace written and read back is the same workspace, and a file that is not
// a snapshot of this version and these load options is refused with a message, never misread.
#include <gtest/gtest.h>

#include <cstring>
#include <sstream>
#include <string>

#include "analyzer_test_support.hpp"
#include "blastgraph/analyzer/report.hpp"
#include "blastgraph/analyzer/snapshot.hpp"
#include "blastgraph/core/binary_io.hpp"

namespace blastgraph::testing {
namespace {

std::string scan_json(const analyzer::Workspace& workspace) {
  std::ostringstream out;
  analyzer::write_scan_json(analyzer::summarize(workspace), workspace, out);
  return out.str();
}

void expect_same_graph(const graph::Graph& a, const graph::Graph& b) {
  ASSERT_EQ(a.node_count(), b.node_count());
  ASSERT_EQ(a.edge_count(), b.edge_count());
  for (graph::NodeIndex i = 0; i < a.node_count(); ++i) {
    const auto& x = a.node(i);
    const auto& y = b.node(i);
    EXPECT_TRUE(x.id == y.id && x.domain == y.domain && x.type == y.type && x.role == y.role &&
                x.service == y.service && x.application == y.application && x.span == y.span &&
                x.criticality == y.criticality)
        << x.id;
  }
  for (graph::EdgeIndex e = 0; e < a.edge_count(); ++e) {
    const auto& x = a.edge(e);
    const auto& y = b.edge(e);
    EXPECT_TRUE(x.source == y.source && x.target == y.target && x.kind == y.kind &&
                x.evidence == y.evidence)
        << e;
  }
  // The reverse adjacency is rebuilt, not copied: it must answer as the original does.
  for (graph::NodeIndex i = 0; i < a.node_count(); ++i) {
    EXPECT_EQ(a.dependents(i), b.dependents(i));
    EXPECT_EQ(a.find(a.node(i).id), b.find(a.node(i).id));
  }
}

analyzer::Workspace decode_or_fail(const std::string& bytes, const analyzer::LoadOptions& options,
                                   const std::filesystem::path& root) {
  auto decoded = analyzer::decode_snapshot(bytes, "snap", options, root,
                                           analyzer::SnapshotCheck::tree_unchanged);
  EXPECT_TRUE(decoded.has_value()) << decoded.error().message;
  return decoded ? std::move(decoded).value() : analyzer::Workspace{};
}

TEST(Snapshot, AcmeReadsBackAsTheSameWorkspace) {
  const auto root = fixtures_dir() / "acme";
  const auto workspace = load(root);
  const std::string bytes = analyzer::encode_snapshot(workspace, {});
  const auto back = decode_or_fail(bytes, {}, root);
  expect_same_graph(workspace.graph, back.graph);
  EXPECT_EQ(back.root, root);
  EXPECT_EQ(back.terraform_roots, workspace.terraform_roots);
  EXPECT_EQ(back.configured_roots, workspace.configured_roots);
  EXPECT_EQ(back.diagnostics, workspace.diagnostics);
  EXPECT_EQ(back.policy_risks, workspace.policy_risks);
  EXPECT_EQ(back.shaped_by, workspace.shaped_by);
  EXPECT_EQ(back.helm_charts, workspace.helm_charts);
  EXPECT_EQ(back.gitops_charts, workspace.gitops_charts);
  EXPECT_EQ(back.coverage.unread_files, workspace.coverage.unread_files);
  EXPECT_EQ(back.coverage.unexpanded_modules, workspace.coverage.unexpanded_modules);
  EXPECT_EQ(back.coverage.unsupported_types, workspace.coverage.unsupported_types);
  EXPECT_EQ(scan_json(back), scan_json(workspace));
  // Written twice, the same bytes.
  EXPECT_EQ(analyzer::encode_snapshot(back, {}), bytes);
}

TEST(Snapshot, KeepsWhatCouldNotBeRead) {
  // Findings of every kind: a syntax error, an unsupported kind, an unresolved reference.
  TempTree tree;
  tree.write("main.tf",
             "resource \"aws_s3_bucket\" \"a\" {\n  bucket = var.missing\n}\nresource {\n");
  tree.write("k8s.yaml", "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n");
  const auto workspace = load(tree.root());
  ASSERT_FALSE(workspace.diagnostics.empty());
  const auto back = decode_or_fail(analyzer::encode_snapshot(workspace, {}), {}, tree.root());
  EXPECT_EQ(back.diagnostics, workspace.diagnostics);
  EXPECT_EQ(back.coverage.unread_files, workspace.coverage.unread_files);
  EXPECT_EQ(back.coverage.unsupported_types, workspace.coverage.unsupported_types);
  EXPECT_EQ(scan_json(back), scan_json(workspace));
}

std::string refusal(const std::string& bytes, const analyzer::LoadOptions& options = {}) {
  auto decoded = analyzer::decode_snapshot(bytes, "snap.bin", options, ".",
                                           analyzer::SnapshotCheck::tree_may_differ);
  return decoded ? std::string("(accepted)") : decoded.error().message;
}

// The header: magic (24 bytes), format (4), version (4 + its length), fingerprint, payload
// size and checksum (8 each).
std::size_t checksum_offset() {
  return 24 + 4 + 4 + analyzer::tool_version().size() + 8 + 8;
}

std::string small_snapshot() {
  TempTree tree;
  tree.write("main.tf",
             "resource \"aws_vpc\" \"v\" {}\nresource \"aws_subnet\" \"s\" {\n"
             "  vpc_id = aws_vpc.v.id\n}\n");
  return analyzer::encode_snapshot(load(tree.root()), {});
}

TEST(Snapshot, RefusesWhatIsNotASnapshot) {
  EXPECT_EQ(refusal("resource \"aws_vpc\" \"v\" {}\n"), "snap.bin: not a blastgraph snapshot");
  EXPECT_EQ(refusal(""), "snap.bin: not a blastgraph snapshot");
}

TEST(Snapshot, RefusesAnotherFormat) {
  std::string bytes = small_snapshot();
  bytes[24] = 3;  // the third format, which recorded no offers and needs
  EXPECT_EQ(refusal(bytes),
            "snap.bin: snapshot format 3, this blastgraph reads format 4; write it again with "
            "`blastgraph scan --save`");
}

TEST(Snapshot, RefusesAnotherVersion) {
  std::string bytes = small_snapshot();
  bytes[24 + 4 + 4] = 'X';  // the version's first character
  EXPECT_NE(refusal(bytes).find("snap.bin: written by blastgraph X"), std::string::npos)
      << refusal(bytes);
}

TEST(Snapshot, RefusesOtherLoadOptions) {
  const std::string bytes = small_snapshot();
  analyzer::LoadOptions other;
  other.default_namespace = "payments";
  EXPECT_NE(refusal(bytes, other).find("written with other load options"), std::string::npos);
  analyzer::LoadOptions rules;
  rules.service_rules.push_back({{"**"}, {}, "platform", {}});
  EXPECT_NE(refusal(bytes, rules).find("written with other load options"), std::string::npos);
  EXPECT_EQ(analyzer::load_options_fingerprint({}), analyzer::load_options_fingerprint({}));
}

TEST(Snapshot, RefusesACutOrChangedFile) {
  const std::string bytes = small_snapshot();
  EXPECT_NE(refusal(bytes.substr(0, bytes.size() - 1)).find("damaged: "), std::string::npos);
  EXPECT_NE(refusal(bytes.substr(0, 30)).find("damaged: its header is cut short"),
            std::string::npos);
  std::string flipped = bytes;
  flipped[flipped.size() - 3] ^= 0x10;
  EXPECT_EQ(refusal(flipped), "snap.bin: damaged: its checksum does not match its contents");
}

// The checksum catches accidents; what a matching checksum lets through must still be read
// as a graph or refused, never crash or loop: every byte of the data changed in turn, with the
// checksum made to match.
TEST(Snapshot, ChangedContentWithAMatchingChecksumIsReadOrRefused) {
  const std::string bytes = small_snapshot();
  const std::size_t payload = checksum_offset() + 8;
  std::size_t refused = 0;
  for (std::size_t at = payload; at < bytes.size(); ++at) {
    std::string changed = bytes;
    changed[at] = static_cast<char>(changed[at] ^ 0xFF);
    ByteWriter sum;
    sum.u64(checksum64(std::string_view(changed).substr(payload)));
    std::memcpy(changed.data() + checksum_offset(), sum.bytes().data(), 8);
    if (!analyzer::decode_snapshot(changed, "snap", {}, ".",
                                   analyzer::SnapshotCheck::tree_may_differ))
      ++refused;
  }
  // Most changes break a count, an index or the order of nodes and edges.
  EXPECT_GT(refused, (bytes.size() - payload) / 4);
}

TEST(Snapshot, AChangedTreeMakesItStaleForAnswersAboutTheTree) {
  TempTree tree;
  tree.write("main.tf", "resource \"aws_vpc\" \"v\" {}\n");
  tree.write("k8s/app.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n");
  const std::string bytes = analyzer::encode_snapshot(load(tree.root()), {});
  const auto decode = [&](analyzer::SnapshotCheck check) {
    return analyzer::decode_snapshot(bytes, "snap", {}, tree.root(), check);
  };
  ASSERT_TRUE(decode(analyzer::SnapshotCheck::tree_unchanged).has_value());
  tree.write("main.tf", "resource \"aws_vpc\" \"w\" {}\n");
  auto changed = decode(analyzer::SnapshotCheck::tree_unchanged);
  ASSERT_FALSE(changed.has_value());
  EXPECT_EQ(changed.error().message,
            "snap: stale: 1 file of " + tree.root().string() +
                " differ from the tree it was written from (main.tf); write it again with "
                "`blastgraph scan --save`");
  // A change is scored against the snapshot as its base: the tree may differ.
  EXPECT_TRUE(decode(analyzer::SnapshotCheck::tree_may_differ).has_value());
  tree.write("main.tf", "resource \"aws_vpc\" \"v\" {}\n");
  tree.write("k8s/more.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: d\n");
  std::filesystem::remove(tree.root() / "k8s" / "app.yaml");
  changed = decode(analyzer::SnapshotCheck::tree_unchanged);
  ASSERT_FALSE(changed.has_value());
  EXPECT_NE(changed.error().message.find("stale: 2 files of"), std::string::npos);
  EXPECT_NE(changed.error().message.find("(k8s/app.yaml, k8s/more.yaml)"), std::string::npos);
}

TEST(Snapshot, SaveAndLoadThroughAFile) {
  TempTree tree;
  tree.write("main.tf", "resource \"aws_vpc\" \"v\" {}\n");
  const auto workspace = load(tree.root());
  const auto path = tree.root() / "graph.snapshot";
  ASSERT_FALSE(analyzer::save_snapshot(workspace, {}, path).has_value());
  EXPECT_FALSE(std::filesystem::exists(tree.root() / "graph.snapshot.partial"));
  const auto back =
      analyzer::load_snapshot(path, {}, tree.root(), analyzer::SnapshotCheck::tree_unchanged);
  ASSERT_TRUE(back.has_value()) << back.error().message;
  EXPECT_EQ(back->graph.node_count(), workspace.graph.node_count());
  EXPECT_FALSE(analyzer::load_snapshot(tree.root() / "none", {}, tree.root(),
                                       analyzer::SnapshotCheck::tree_unchanged)
                   .has_value());
  const auto unwritable = analyzer::save_snapshot(workspace, {}, tree.root() / "no" / "dir" / "s");
  ASSERT_TRUE(unwritable.has_value());
  EXPECT_NE(unwritable->message.find("cannot be written"), std::string::npos);
}

}  // namespace
}  // namespace blastgraph::testing
