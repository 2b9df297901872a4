#pragma once
// The subcommand table: each entry adds its options to a CLI11 subcommand and, when that
// subcommand is chosen, leaves the function that runs it in `run`.

#include <functional>
#include <string_view>

namespace CLI { class App; }

namespace blastgraph::cli {

using Runner = std::function<int()>;

struct Command {
  std::string_view name;
  std::string_view help;
  void (*attach)(CLI::App& command, Runner& run);
};

void attach_scan(CLI::App& command, Runner& run);
void attach_score(CLI::App& command, Runner& run);
void attach_export(CLI::App& command, Runner& run);
void attach_policy(CLI::App& command, Runner& run);
void attach_explain(CLI::App& command, Runner& run);
void attach_hotspots(CLI::App& command, Runner& run);
void attach_publish(CLI::App& command, Runner& run);
void attach_db(CLI::App& command, Runner& run);

inline constexpr Command k_commands[] = {
    {"scan", "Read a tree and summarize its graph: counts, services, diagnostics", attach_scan},
    {"score", "Score the blast radius of a change and put it in a tier", attach_score},
    {"export", "Write the graph as DOT or node-link JSON", attach_export},
    {"policy", "Review IAM policy files: what each grants, expanded, and its risk factors",
     attach_policy},
    {"explain", "Show why a change to one node reaches another: its shortest dependency paths",
     attach_explain},
    {"hotspots", "Rank the resources most dangerous to touch by the size of their blast radius",
     attach_hotspots},
    {"publish", "Store a repository's snapshot in the organization's PostgreSQL database",
     attach_publish},
    {"db", "Manage the organization's PostgreSQL database (db migrate)", attach_db},
};

}  // namespace blastgraph::cli
