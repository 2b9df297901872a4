#pragma once
// An organization's graph: the repository under review joined with the others' snapshots,
// each repository's needs linked to the offers of the others (README "Organization").
//
// In the joined graph the repository under review keeps its ids and files; a node of another
// repository is `<repo>::<id>` and its files `<repo>::<path>`; every service is
// `<repo>:<service>`.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "blastgraph/analyzer/change.hpp"
#include "blastgraph/analyzer/workspace.hpp"
#include "blastgraph/core/result.hpp"
#include "blastgraph/store/database.hpp"

namespace blastgraph::org {

// True when `name` can name a repository: letters, digits and `._-/`, not empty, at most 200
// characters (never `:`, which separates it from ids and services).
[[nodiscard]] bool valid_repository_name(std::string_view name);

// `id` of `repository` as the organization graph names it: "service-orders::.:aws_iam_role.orders".
[[nodiscard]] std::string organization_id(std::string_view repository, std::string_view id);

// Every snapshot (`*.bg`) in `dir`, by file name. An error names the first that cannot be
// read, and two snapshots of one repository.
[[nodiscard]] Result<std::vector<analyzer::Workspace>> load_snapshot_directory(
    const std::filesystem::path& dir);

// Every repository stored in the database at `url` (README "Organization in PostgreSQL").
[[nodiscard]] Result<std::vector<analyzer::Workspace>> load_database(const std::string& url);

// The organization `--org` names: a database for a `postgresql://` URL, else a directory of
// snapshots.
[[nodiscard]] Result<std::vector<analyzer::Workspace>> load_organization(const std::string& where);

// Publishes `workspace`'s graph and interface as `record.name` at `record.commit`: in one
// transaction its previous graph and every link touching it are replaced, the links computed
// against the interfaces of the stored repositories it shares a key with (one offers what the
// other looks up: store::InterfaceKeys), the only ones it can link with. A stored graph of a
// later commit (by commit time) is kept instead.
[[nodiscard]] Result<store::PublishOutcome> publish_repository(
    store::Database& database, const analyzer::Workspace& workspace,
    const store::RepositoryRecord& record);

// `local` joined with `others`. A snapshot of `local`'s own repository among them is left out:
// the tree under review replaces it. The result keeps `local`'s root, findings and coverage;
// its organization says which repository each node is from and lists the links.
[[nodiscard]] analyzer::Workspace join_repositories(analyzer::Workspace local,
                                                    std::vector<analyzer::Workspace> others);

// `changes` (found in the graph of the repository under review, whose nodes' ids are `ids`,
// by position) with each node's index in `joined`, its join with the organization. The
// repository under review keeps its ids there, so every node is found.
[[nodiscard]] analyzer::ChangeSet rebase_changes(analyzer::ChangeSet changes,
                                                 const std::vector<std::string>& ids,
                                                 const graph::Graph& joined);

}  // namespace blastgraph::org
