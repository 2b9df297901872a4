#pragma once
// A snapshot is a scanned workspace saved as one binary file (`scan --save FILE`), so that
// score, explain, hotspots and export can start from it (`--graph FILE`) instead of parsing
// and linking the tree again. README "Snapshots" describes the format.
//
// A snapshot is only used when it means what a scan would give now: it records the format
// version, the blastgraph version that wrote it and a fingerprint of the load options (the
// policy's service and criticality rules, Kubernetes labels and namespaces, limits). Any
// difference, a file that is not a snapshot, or a damaged one (its checksum) is refused with
// a message that says which, never read into a wrong graph.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "blastgraph/analyzer/workspace.hpp"
#include "blastgraph/core/result.hpp"

namespace blastgraph::analyzer {

// Bumped whenever the layout of the file changes.
inline constexpr std::uint32_t k_snapshot_format = 4;

// Whether a snapshot must still describe the tree it is loaded for.
enum class SnapshotCheck {
  // The tree's infrastructure files must be those the snapshot was written from (same paths,
  // same contents), or the snapshot is refused as stale: for answers about the tree.
  tree_unchanged,
  // The tree is not compared: the snapshot is the base a change is scored against (a diff or
  // plan describes how the tree differs from it).
  tree_may_differ,
  // Another repository of the organization (`--org DIR`): its tree is not here, and it was
  // written with its own policy, so neither the tree nor the load options are compared.
  another_repository,
};

// Identifies the load options a workspace was built with: equal options, equal fingerprints.
[[nodiscard]] std::uint64_t load_options_fingerprint(const LoadOptions& options);

// The snapshot of `workspace` (loaded with `options`) as bytes. Records a digest of each
// infrastructure file under workspace.root, so that a changed tree can be told.
[[nodiscard]] std::string encode_snapshot(const Workspace& workspace, const LoadOptions& options);

// The workspace a snapshot holds, with `root` as its root (a snapshot stores paths relative
// to the scanned root, not the root itself). An error when the bytes are not a snapshot, are
// damaged, or were written by another format, blastgraph version or other load options, and
// with SnapshotCheck::tree_unchanged when the infrastructure files under `root` are not those
// it was written from. `name` names the input in messages.
[[nodiscard]] Result<Workspace> decode_snapshot(std::string_view bytes, const std::string& name,
                                                const LoadOptions& options,
                                                const std::filesystem::path& root,
                                                SnapshotCheck check);

// encode_snapshot written to `path` (through a temporary file renamed into place, so that a
// reader never sees half a snapshot). An error when it cannot be written.
[[nodiscard]] std::optional<Error> save_snapshot(const Workspace& workspace,
                                                 const LoadOptions& options,
                                                 const std::filesystem::path& path);

// decode_snapshot of the file at `path`; an error also when it cannot be read.
[[nodiscard]] Result<Workspace> load_snapshot(const std::filesystem::path& path,
                                              const LoadOptions& options,
                                              const std::filesystem::path& root,
                                              SnapshotCheck check);

}  // namespace blastgraph::analyzer
