// The organization in PostgreSQL: publishing one repository, loading them all.
#include <algorithm>

#include "blastgraph/org/organization.hpp"
#include "match_needs.hpp"
#include "members.hpp"
#include "interface_keys.hpp"

namespace blastgraph::org {

Result<std::vector<analyzer::Workspace>> load_database(const std::string& url) {
  auto database = store::Database::connect(url);
  if (!database) return database.error();
  auto stored = database->load();
  if (!stored) return stored.error();
  std::vector<analyzer::Workspace> out;
  out.reserve(stored->size());
  for (auto& repository : *stored) {
    analyzer::Workspace workspace;
    workspace.repository = repository.record.name;
    workspace.graph = std::move(repository.graph);
    workspace.interface = std::move(repository.interface);
    out.push_back(std::move(workspace));
  }
  return out;
}

Result<std::vector<analyzer::Workspace>> load_organization(const std::string& where) {
  if (store::is_database_url(where)) return load_database(where);
  return load_snapshot_directory(where);
}

Result<store::PublishOutcome> publish_repository(store::Database& database,
                                                 const analyzer::Workspace& workspace,
                                                 const store::RepositoryRecord& record) {
  auto outcome = store::PublishOutcome::published;
  const auto error = database.publish([&](store::Publication& publication) -> std::optional<Error> {
    auto stored = publication.stored(record.name);
    if (!stored) return stored.error();
    if (*stored) {
      if ((*stored)->commit_time > record.commit_time) {
        outcome = store::PublishOutcome::kept_newer;
        return std::nullopt;
      }
      outcome = store::PublishOutcome::replaced;
    }
    if (auto failed = publication.replace(record, workspace.graph, workspace.interface,
                                          interface_keys(workspace.interface))) {
      return failed;
    }
    // Only the repositories sharing a key can link with this one; of what they and it match,
    // the links between two of them are stored already.
    auto others = publication.counterparts(record.name);
    if (!others) return others.error();
    std::vector<Member> members;
    members.push_back({record.name, &workspace.interface, false});
    for (const auto& other : *others) members.push_back({other.name, &other.interface, false});
    auto matches = match_needs(members);
    std::erase_if(matches.links, [&](const graph::RepositoryLink& link) {
      return link.source_repository != record.name && link.target_repository != record.name;
    });
    return publication.add_links(matches.links);
  });
  if (error) return *error;
  return outcome;
}

}  // namespace blastgraph::org
