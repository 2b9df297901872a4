#pragma once
// The database schema, as a list of migrations: migration N takes a database at version N-1
// to version N. README "Organization in PostgreSQL" documents the tables.

#include "connection.hpp"

namespace blastgraph::store {

// The schema version of the database: 0 when blastgraph's tables are not there.
[[nodiscard]] Result<int> read_schema_version(Connection& connection);

// Applies the missing migrations in one transaction; returns the version it started from.
// An error for a schema newer than this blastgraph's.
[[nodiscard]] Result<int> migrate_schema(Connection& connection);

// An error unless the database is at this blastgraph's version.
[[nodiscard]] std::optional<Error> require_current_schema(Connection& connection);

}  // namespace blastgraph::store
