#include "blastgraph/store/database.hpp"

#include <oneapi/tbb/task_group.h>

#include <optional>

#include "connection.hpp"
#include "graph_rows.hpp"
#include "interface_json.hpp"
#include "schema.hpp"

namespace blastgraph::store {

struct Database::State {
  explicit State(Connection open) : connection(std::move(open)) {}
  Connection connection;
};

namespace {

// A stored repository's rows, as read.
struct RepositoryRows {
  RepositoryRecord record;
  std::string interface;
  std::string nodes;
  std::string edges;
};

Result<StoredRepository> repository_from_rows(RepositoryRows rows) {
  const auto failed = [&](const Error& error) {
    return Error{rows.record.name + ": " + error.message};
  };
  auto graph = graph_from_rows(rows.nodes, rows.edges);
  if (!graph) return failed(graph.error());
  auto interface = interface_from_json(rows.interface);
  if (!interface) return failed(interface.error());
  return StoredRepository{std::move(rows.record), std::move(*graph), std::move(*interface)};
}

// Publishes take this lock for their whole transaction: one at a time.
constexpr const char* k_publish_lock = "SELECT pg_advisory_xact_lock(4242000002)";

class TransactionPublication : public Publication {
 public:
  explicit TransactionPublication(Connection& connection) : m_connection(connection) {}

  Result<std::optional<RepositoryRecord>> stored(const std::string& name) override {
    auto rows = m_connection.query(
        "SELECT commit_sha, committed_at FROM repositories WHERE name = $1", {name});
    if (!rows) return rows.error();
    if (rows->count() == 0) return std::optional<RepositoryRecord>();
    return std::optional<RepositoryRecord>(
        RepositoryRecord{name, rows->text(0, 0), std::stoll(rows->text(0, 1))});
  }

  std::optional<Error> replace(const RepositoryRecord& record, const graph::Graph& graph,
                               const graph::RepositoryInterface& interface,
                               const InterfaceKeys& keys) override {
    auto& db = m_connection;
    if (auto error = db.execute("DELETE FROM repositories WHERE name = $1", {record.name})) {
      return error;
    }
    if (auto error =
            db.execute("DELETE FROM links WHERE source_repository = $1 OR target_repository = $1",
                       {record.name})) {
      return error;
    }
    auto inserted = db.query(
        "INSERT INTO repositories (name, commit_sha, committed_at, interface) "
        "VALUES ($1, $2, $3::bigint, $4::jsonb) RETURNING id",
        {record.name, record.commit, std::to_string(record.commit_time),
         interface_to_json(interface)});
    if (!inserted) return inserted.error();
    const auto id = inserted->text(0, 0);
    if (auto error = db.copy_in(std::string("COPY nodes ") + k_node_columns + " FROM STDIN",
                                node_rows(graph, id))) {
      return error;
    }
    if (auto error = db.copy_in(std::string("COPY edges ") + k_edge_columns + " FROM STDIN",
                                edge_rows(graph, id))) {
      return error;
    }
    return db.copy_in("COPY interface_keys (repository_id, offered, key) FROM STDIN",
                      key_rows(keys, id));
  }

  Result<std::vector<StoredInterface>> counterparts(const std::string& name) override {
    auto rows = m_connection.query(
        "SELECT r.name, r.interface::text FROM repositories r WHERE r.id IN ("
        "  SELECT theirs.repository_id"
        "    FROM repositories me"
        "    JOIN interface_keys mine ON mine.repository_id = me.id"
        "    JOIN interface_keys theirs"
        "      ON theirs.key = mine.key AND theirs.offered <> mine.offered"
        "   WHERE me.name = $1 AND theirs.repository_id <> me.id)"
        " ORDER BY r.name",
        {name});
    if (!rows) return rows.error();
    std::vector<StoredInterface> out;
    for (int i = 0; i < rows->count(); ++i) {
      auto interface = interface_from_json(rows->text(i, 1));
      if (!interface) return Error{rows->text(i, 0) + ": " + interface.error().message};
      out.push_back({rows->text(i, 0), std::move(*interface)});
    }
    return out;
  }

  std::optional<Error> add_links(const std::vector<graph::RepositoryLink>& links) override {
    return m_connection.copy_in(
        "COPY links (source_repository, source_node, target_repository, target_node, kind, "
        "match, value, file, line, attribute) FROM STDIN",
        link_rows(links));
  }

 private:
  static std::string key_rows(const InterfaceKeys& keys, const std::string& id) {
    std::string out;
    for (const bool offered : {true, false}) {
      for (const auto key : offered ? keys.offered : keys.needed) {
        out += id;
        out += offered ? "\tt\t" : "\tf\t";
        out += std::to_string(key);
        out += '\n';
      }
    }
    return out;
  }

  static std::string link_rows(const std::vector<graph::RepositoryLink>& links) {
    std::string out;
    for (const auto& link : links) {
      const auto field = [&](std::string_view value, char end) {
        append_copy_field(out, value);
        out += end;
      };
      field(link.source_repository, '\t');
      field(local_id(link.source, link.source_repository), '\t');
      field(link.target_repository, '\t');
      field(local_id(link.target, link.target_repository), '\t');
      field(graph::to_string(link.edge), '\t');
      field(graph::to_string(link.match), '\t');
      field(link.value, '\t');
      field(local_id(link.evidence.file, link.source_repository), '\t');
      field(std::to_string(link.evidence.line), '\t');
      field(link.evidence.attribute, '\n');
    }
    return out;
  }

  // `id` without the "<repository>::" an organization graph puts before another's ids.
  static std::string local_id(std::string_view id, std::string_view repository) {
    const auto prefix = std::string(repository) + "::";
    return std::string(id.starts_with(prefix) ? id.substr(prefix.size()) : id);
  }

  Connection& m_connection;
};

}  // namespace

Database::Database(std::unique_ptr<State> state) : m_state(std::move(state)) {}
Database::~Database() = default;
Database::Database(Database&&) noexcept = default;
Database& Database::operator=(Database&&) noexcept = default;

Result<Database> Database::connect(const std::string& url) {
  auto connection = Connection::open(url);
  if (!connection) return connection.error();
  return Database(std::make_unique<State>(std::move(*connection)));
}

Result<int> Database::migrate() {
  return migrate_schema(m_state->connection);
}

Result<int> Database::schema_version() {
  return read_schema_version(m_state->connection);
}

std::optional<Error> Database::publish(
    const std::function<std::optional<Error>(Publication&)>& work) {
  auto& db = m_state->connection;
  if (auto error = require_current_schema(db)) return error;
  if (auto error = db.execute("BEGIN")) return error;
  auto run = [&]() -> std::optional<Error> {
    if (auto error = db.execute(k_publish_lock)) return error;
    TransactionPublication publication(db);
    return work(publication);
  };
  if (auto error = run()) {
    (void)db.execute("ROLLBACK");
    return error;
  }
  return db.execute("COMMIT");
}

Result<std::vector<StoredRepository>> Database::load() {
  auto& db = m_state->connection;
  if (auto error = require_current_schema(db)) return *error;
  // One snapshot of the organization: a publish that commits meanwhile is not half seen.
  if (auto error = db.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")) return *error;
  // Each repository's rows become its graph while the next one's are read: reading waits on
  // the server, parsing on this process.
  std::vector<RepositoryRows> read;
  std::vector<std::optional<Result<StoredRepository>>> parsed;
  tbb::task_group parsing;
  auto read_all = [&]() -> std::optional<Error> {
    auto rows = db.query(
        "SELECT id, name, commit_sha, committed_at, interface::text FROM repositories "
        "ORDER BY name");
    if (!rows) return rows.error();
    const auto count = static_cast<std::size_t>(rows->count());
    read.resize(count);  // sized before any parse starts: never moved under one
    parsed.resize(count);
    for (std::size_t i = 0; i < count; ++i) {
      const int row = static_cast<int>(i);
      const auto id = std::to_string(std::stoll(rows->text(row, 0)));
      auto nodes = db.copy_out(
          "COPY (SELECT idx, id, domain, type, role, service, application, file, first_line, "
          "last_line, criticality FROM nodes WHERE repository_id = " +
          id + " ORDER BY idx) TO STDOUT");
      if (!nodes) return nodes.error();
      auto edges = db.copy_out(
          "COPY (SELECT source, target, kind, file, line, attribute, weak FROM edges "
          "WHERE repository_id = " +
          id + ") TO STDOUT");
      if (!edges) return edges.error();
      read[i] = {{rows->text(row, 1), rows->text(row, 2), std::stoll(rows->text(row, 3))},
                 rows->text(row, 4),
                 std::move(*nodes),
                 std::move(*edges)};
      parsing.run([&read, &parsed, i] {
        parsed[i] = repository_from_rows(std::move(read[i]));
        read[i] = {};
      });
    }
    return std::nullopt;
  };
  const auto failed = read_all();
  parsing.wait();
  (void)db.execute(failed ? "ROLLBACK" : "COMMIT");
  if (failed) return *failed;
  // Checked in name order, so the error shown is always the same one.
  std::vector<StoredRepository> repositories;
  for (auto& repository : parsed) {
    if (!*repository) return repository->error();
    repositories.push_back(std::move(**repository));
  }
  return repositories;
}

}  // namespace blastgraph::store
