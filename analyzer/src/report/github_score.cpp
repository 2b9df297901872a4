// GitHub Actions: step outputs and the job summary (README "Outputs").
#include "blastgraph/analyzer/report.hpp"

namespace blastgraph::analyzer {

void write_github_outputs(const ScoreReport& r, std::ostream& outputs) {
  // Every value is a single token, so the plain `name=value` form is enough (no delimiter
  // heredoc needed).
  outputs << "tier=" << to_string(r.tier) << '\n'
          << "blast_radius=" << r.score << '\n'
          << "services=" << r.services.size() << '\n'
          << "resources=" << r.resources_reached << '\n'
          << "verdict=" << to_string(r.verdict) << '\n';
  // With --org: how many repositories the change reaches, its own included.
  if (!r.repositories.empty()) outputs << "repositories=" << r.repositories.size() << '\n';
}

void write_score_github(const ScoreReport& r, std::ostream& outputs, std::ostream& summary) {
  write_github_outputs(r, outputs);
  write_score_markdown(r, summary);
}

}  // namespace blastgraph::analyzer
