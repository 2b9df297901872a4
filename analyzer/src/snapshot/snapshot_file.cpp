#include <cstdio>
#include <fstream>
#include <system_error>

#include "blastgraph/analyzer/report.hpp"
#include "blastgraph/analyzer/snapshot.hpp"
#include "blastgraph/core/mapped_file.hpp"
#include "snapshot/snapshot_codec.hpp"
#include "snapshot/tree_digest.hpp"

namespace blastgraph::analyzer {
namespace {

// PNG's trick: a byte with the high bit set catches 7-bit transfers, the line endings catch
// newline conversion, and the name says what the file is to someone who opens it.
constexpr std::string_view k_magic =
    "\x89"
    "BLASTGRAPH-SNAPSHOT\r\n\x1a\n";

struct Header {
  std::uint32_t format = 0;
  std::string tool_version;
  std::uint64_t options = 0;
  std::uint64_t payload_size = 0;
  std::uint64_t payload_checksum = 0;
};

Error refuse(const std::string& name, const std::string& why) {
  return Error{name + ": " + why};
}

// Why `header` does not describe a snapshot this run can use, or "" when it does.
std::string mismatch(const Header& header, const LoadOptions& options, SnapshotCheck check) {
  if (header.format != k_snapshot_format) {
    return "snapshot format " + std::to_string(header.format) + ", this blastgraph reads format " +
           std::to_string(k_snapshot_format) + "; write it again with `blastgraph scan --save`";
  }
  if (header.tool_version != tool_version()) {
    return "written by blastgraph " + header.tool_version + ", this is blastgraph " +
           std::string(tool_version()) +
           ", whose graph may differ; write it again with `blastgraph scan --save`";
  }
  // Another repository's snapshot was written with that repository's own policy.
  if (check != SnapshotCheck::another_repository &&
      header.options != load_options_fingerprint(options)) {
    return "written with other load options (the policy's service or criticality rules, its "
           "kubernetes section, --namespace or --release-namespace); write it again with the "
           "same ones";
  }
  return {};
}

// Why a tree whose digest is `now` is not the one a snapshot was written from (`before`), or
// "" when it is.
std::string stale(const snapshot::TreeDigest& before, const snapshot::TreeDigest& now,
                  const std::filesystem::path& root) {
  const auto changed = snapshot::changed_paths(before, now);
  if (changed.empty()) return {};
  constexpr std::size_t k_listed = 5;
  std::string listed;
  for (std::size_t i = 0; i < changed.size() && i < k_listed; ++i) {
    listed += (i == 0 ? "" : ", ") + changed[i];
  }
  if (changed.size() > k_listed)
    listed += ", +" + std::to_string(changed.size() - k_listed) + " more";
  return "stale: " + std::to_string(changed.size()) + " file" + (changed.size() == 1 ? "" : "s") +
         " of " + root.string() + " differ from the tree it was written from (" + listed +
         "); write it again with `blastgraph scan --save`";
}

}  // namespace

std::uint64_t load_options_fingerprint(const LoadOptions& options) {
  ByteWriter out;
  snapshot::put_load_options(out, options);
  return checksum64(out.bytes());
}

std::string encode_snapshot(const Workspace& workspace, const LoadOptions& options) {
  ByteWriter payload;
  snapshot::put_graph(payload, workspace.graph);
  snapshot::put_findings(payload, workspace);
  snapshot::put_interface(payload, workspace);
  const snapshot::TreeDigest tree = snapshot::digest_tree(workspace.root, options);
  payload.u64(tree.size());
  for (const auto& [path, digest] : tree) {
    payload.str(path);
    payload.u64(digest);
  }
  ByteWriter out;
  for (const char c : k_magic) out.u8(static_cast<std::uint8_t>(c));
  out.u32(k_snapshot_format);
  out.str(tool_version());
  out.u64(load_options_fingerprint(options));
  out.u64(payload.bytes().size());
  out.u64(checksum64(payload.bytes()));
  std::string bytes = out.take();
  bytes += payload.bytes();
  return bytes;
}

Result<Workspace> decode_snapshot(std::string_view bytes, const std::string& name,
                                  const LoadOptions& options, const std::filesystem::path& root,
                                  SnapshotCheck check) {
  if (!bytes.starts_with(k_magic)) return refuse(name, "not a blastgraph snapshot");
  ByteReader in(bytes.substr(k_magic.size()));
  Header header;
  header.format = in.u32();
  // The version is read first on its own: another format may lay out the rest differently.
  if (header.format != k_snapshot_format) return refuse(name, mismatch(header, options, check));
  header.tool_version = in.str();
  header.options = in.u64();
  header.payload_size = in.u64();
  header.payload_checksum = in.u64();
  if (in.failed()) return refuse(name, "damaged: its header is cut short");
  if (const std::string why = mismatch(header, options, check); !why.empty()) {
    return refuse(name, why);
  }
  const std::size_t header_size = k_magic.size() + 4 + 4 + header.tool_version.size() + 8 * 3;
  const std::string_view payload = bytes.substr(header_size);
  if (payload.size() != header.payload_size) {
    return refuse(name, "damaged: " + std::to_string(payload.size()) + " bytes of data where " +
                            std::to_string(header.payload_size) + " were written");
  }
  if (checksum64(payload) != header.payload_checksum) {
    return refuse(name, "damaged: its checksum does not match its contents");
  }
  ByteReader body(payload);
  auto graph = snapshot::get_graph(body);
  if (!graph) return refuse(name, "damaged: its graph cannot be read");
  Workspace workspace;
  workspace.root = root;
  workspace.graph = std::move(*graph);
  snapshot::get_findings(body, workspace);
  snapshot::get_interface(body, workspace);
  snapshot::TreeDigest tree(body.count(4 + 8));
  for (auto& [path, digest] : tree) {
    path = body.str();
    digest = body.u64();
  }
  if (body.failed() || !body.at_end()) return refuse(name, "damaged: its findings cannot be read");
  if (check == SnapshotCheck::tree_unchanged) {
    if (const auto why = stale(tree, snapshot::digest_tree(root, options), root); !why.empty()) {
      return refuse(name, why);
    }
  }
  return workspace;
}

std::optional<Error> save_snapshot(const Workspace& workspace, const LoadOptions& options,
                                   const std::filesystem::path& path) {
  const std::string bytes = encode_snapshot(workspace, options);
  std::filesystem::path partial = path;
  partial += ".partial";
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) {
      std::error_code ignored;
      std::filesystem::remove(partial, ignored);
      return Error{path.string() + ": cannot be written"};
    }
  }
  std::error_code ec;
  std::filesystem::rename(partial, path, ec);
  if (ec) {
    std::filesystem::remove(partial, ec);
    return Error{path.string() + ": cannot be written (" + ec.message() + ")"};
  }
  return std::nullopt;
}

Result<Workspace> load_snapshot(const std::filesystem::path& path, const LoadOptions& options,
                                const std::filesystem::path& root, SnapshotCheck check) {
  auto mapped = map_file(path);
  if (!mapped) return Error{mapped.error().message};
  return decode_snapshot(mapped->bytes(), path.string(), options, root, check);
}

}  // namespace blastgraph::analyzer
