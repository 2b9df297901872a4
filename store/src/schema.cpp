#include "schema.hpp"

#include <array>
#include <string_view>

#include "blastgraph/store/database.hpp"

namespace blastgraph::store {
namespace {

// NOTE: every migration is append-only: a released one is never edited, a change is a new one.
constexpr std::array<std::string_view, k_schema_version> k_migrations{R"sql(
CREATE TABLE repositories (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL UNIQUE,
  commit_sha text NOT NULL,
  committed_at bigint NOT NULL,
  published_at timestamptz NOT NULL DEFAULT now(),
  interface jsonb NOT NULL
);
CREATE TABLE nodes (
  repository_id bigint NOT NULL REFERENCES repositories (id) ON DELETE CASCADE,
  idx integer NOT NULL,
  id text NOT NULL,
  domain text NOT NULL,
  type text NOT NULL,
  role text NOT NULL,
  service text NOT NULL,
  application text NOT NULL,
  file text NOT NULL,
  first_line integer NOT NULL,
  last_line integer NOT NULL,
  criticality text NOT NULL,
  PRIMARY KEY (repository_id, idx),
  UNIQUE (repository_id, id)
);
CREATE TABLE edges (
  repository_id bigint NOT NULL REFERENCES repositories (id) ON DELETE CASCADE,
  source integer NOT NULL,
  target integer NOT NULL,
  kind text NOT NULL,
  file text NOT NULL,
  line integer NOT NULL,
  attribute text NOT NULL,
  weak boolean NOT NULL,
  PRIMARY KEY (repository_id, source, target, kind)
);
CREATE INDEX edges_by_target ON edges (repository_id, target);
CREATE TABLE links (
  source_repository text NOT NULL,
  source_node text NOT NULL,
  target_repository text NOT NULL,
  target_node text NOT NULL,
  kind text NOT NULL,
  match text NOT NULL,
  value text NOT NULL,
  file text NOT NULL,
  line integer NOT NULL,
  attribute text NOT NULL,
  PRIMARY KEY (source_repository, source_node, target_repository, target_node, kind)
);
CREATE INDEX links_by_target ON links (target_repository, target_node);
CREATE TABLE interface_keys (
  repository_id bigint NOT NULL REFERENCES repositories (id) ON DELETE CASCADE,
  offered boolean NOT NULL,
  key bigint NOT NULL,
  PRIMARY KEY (repository_id, offered, key)
);
CREATE INDEX interface_keys_by_key ON interface_keys (key, offered);
CREATE VIEW dependencies AS
  SELECT r.name AS source_repository, s.id AS source_node,
         r.name AS target_repository, t.id AS target_node, e.kind
    FROM edges e
    JOIN repositories r ON r.id = e.repository_id
    JOIN nodes s ON s.repository_id = e.repository_id AND s.idx = e.source
    JOIN nodes t ON t.repository_id = e.repository_id AND t.idx = e.target
  UNION ALL
  SELECT source_repository, source_node, target_repository, target_node, kind FROM links;
)sql"};

constexpr std::string_view k_version_table =
    "CREATE TABLE IF NOT EXISTS blastgraph_schema (version integer NOT NULL)";

}  // namespace

Result<int> read_schema_version(Connection& connection) {
  auto exists = connection.query("SELECT to_regclass('blastgraph_schema') IS NOT NULL");
  if (!exists) return exists.error();
  if (exists->text(0, 0) != "t") return 0;
  auto rows = connection.query("SELECT coalesce(max(version), 0) FROM blastgraph_schema");
  if (!rows) return rows.error();
  return std::stoi(rows->text(0, 0));
}

Result<int> migrate_schema(Connection& connection) {
  if (auto error = connection.execute("BEGIN")) return *error;
  // One migration at a time, whoever runs it.
  auto work = [&]() -> Result<int> {
    if (auto error = connection.execute("SELECT pg_advisory_xact_lock(4242000001)")) return *error;
    if (auto error = connection.execute(std::string(k_version_table))) return *error;
    auto from = read_schema_version(connection);
    if (!from) return from.error();
    if (*from > k_schema_version) {
      return Error{"the database's schema is version " + std::to_string(*from) +
                   ", newer than this blastgraph's (" + std::to_string(k_schema_version) +
                   "); use a newer blastgraph"};
    }
    for (int version = *from + 1; version <= k_schema_version; ++version) {
      const auto& sql = k_migrations[static_cast<std::size_t>(version - 1)];
      if (auto error = connection.execute(std::string(sql))) return *error;
      if (auto error = connection.execute("DELETE FROM blastgraph_schema")) return *error;
      if (auto error = connection.execute("INSERT INTO blastgraph_schema VALUES ($1::integer)",
                                          {std::to_string(version)})) {
        return *error;
      }
    }
    return *from;
  };
  auto from = work();
  if (!from) {
    (void)connection.execute("ROLLBACK");
    return from.error();
  }
  if (auto error = connection.execute("COMMIT")) return *error;
  return from;
}

std::optional<Error> require_current_schema(Connection& connection) {
  auto version = read_schema_version(connection);
  if (!version) return version.error();
  if (*version == k_schema_version) return std::nullopt;
  if (*version == 0) {
    return Error{"the database has no blastgraph schema; run `blastgraph db migrate --db URL`"};
  }
  if (*version < k_schema_version) {
    return Error{"the database's schema is version " + std::to_string(*version) +
                 ", this blastgraph's is " + std::to_string(k_schema_version) +
                 "; run `blastgraph db migrate --db URL`"};
  }
  return Error{"the database's schema is version " + std::to_string(*version) +
               ", newer than this blastgraph's (" + std::to_string(k_schema_version) +
               "); use a newer blastgraph"};
}

}  // namespace blastgraph::store
