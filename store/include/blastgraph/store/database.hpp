#pragma once
// An organization's repositories in PostgreSQL (README "Organization in PostgreSQL"): each
// repository's graph (nodes, edges) and interface (offers, needs), the links between
// repositories, and a versioned schema the tool creates and migrates. Connection strings are
// libpq's (a `postgresql://` URI or `key=value` pairs; PGHOST, PGPASSWORD, sslmode... apply);
// no message ever shows a password.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "blastgraph/core/result.hpp"
#include "blastgraph/graph/graph.hpp"
#include "blastgraph/graph/interface.hpp"

namespace blastgraph::store {

// The schema version this blastgraph writes and reads.
inline constexpr int k_schema_version = 1;

// True for a `postgresql://` or `postgres://` URI: what `--org` reads as a database.
[[nodiscard]] bool is_database_url(std::string_view text);

// `url` with any password replaced by `***` (URI user info, `password=` parameters).
[[nodiscard]] std::string redact_url(std::string_view url);

// A repository as published.
struct RepositoryRecord {
  std::string name;
  std::string commit;
  std::int64_t commit_time = 0;  // seconds since the epoch
};

// A stored repository's graph and interface.
struct StoredRepository {
  RepositoryRecord record;
  graph::Graph graph;
  graph::RepositoryInterface interface;
};

// A repository's interface by name: what links are computed from.
struct StoredInterface {
  std::string name;
  graph::RepositoryInterface interface;
};

// What a publish did.
enum class PublishOutcome {
  published,   // the repository was new
  replaced,    // its previous graph was replaced
  kept_newer,  // the stored graph is of a later commit: left as it was
};

// What a repository offers and needs, as 64-bit keys: two repositories can link only when one
// offers a key the other needs. A publish finds the repositories it could link with through
// these instead of reading every stored interface. Equal keys are a hint, never a link: the
// interfaces are matched afterwards (a key may stand for several values).
struct InterfaceKeys {
  std::vector<std::int64_t> offered;  // sorted, unique
  std::vector<std::int64_t> needed;   // sorted, unique
};

// The work of one publish, inside its transaction. Every call is an error when the server
// refuses it; the transaction is then rolled back.
class Publication {
 public:
  virtual ~Publication() = default;
  // The stored record of `name`, if any.
  [[nodiscard]] virtual Result<std::optional<RepositoryRecord>> stored(const std::string& name) = 0;
  // Replaces `record.name`'s graph, interface and keys, and deletes every link touching it.
  [[nodiscard]] virtual std::optional<Error> replace(const RepositoryRecord& record,
                                                     const graph::Graph& graph,
                                                     const graph::RepositoryInterface& interface,
                                                     const InterfaceKeys& keys) = 0;
  // The interfaces of the other repositories that offer a key `name` needs or need a key it
  // offers, by name (after replace).
  [[nodiscard]] virtual Result<std::vector<StoredInterface>> counterparts(
      const std::string& name) = 0;
  // Stores links between `name` and its counterparts (after replace).
  [[nodiscard]] virtual std::optional<Error> add_links(
      const std::vector<graph::RepositoryLink>& links) = 0;
};

class Database {
 public:
  // Connects; an error carries libpq's message and the redacted URL.
  [[nodiscard]] static Result<Database> connect(const std::string& url);
  ~Database();
  Database(Database&&) noexcept;
  Database& operator=(Database&&) noexcept;

  // Creates the schema or migrates it to k_schema_version; returns the version it was at
  // (0: none). An error for a database whose schema is newer than this blastgraph's.
  [[nodiscard]] Result<int> migrate();

  // The schema version of the database (0: none).
  [[nodiscard]] Result<int> schema_version();

  // Runs `work` in one transaction that holds the organization's publish lock (publishes
  // run one at a time, so each sees the others' interfaces); commits when `work` returns no
  // error, rolls back otherwise. A process killed midway leaves nothing of its transaction.
  [[nodiscard]] std::optional<Error> publish(
      const std::function<std::optional<Error>(Publication&)>& work);

  // Every stored repository, by name. An error when the schema is missing or not this
  // blastgraph's.
  [[nodiscard]] Result<std::vector<StoredRepository>> load();

 private:
  struct State;
  explicit Database(std::unique_ptr<State> state);
  std::unique_ptr<State> m_state;
};

}  // namespace blastgraph::store
