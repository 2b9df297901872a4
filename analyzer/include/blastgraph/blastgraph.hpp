#pragma once
// The blastgraph library, for gate tools: everything a program needs to
//   1. load a workspace      load_config / find_config, then load_workspace   (workspace.hpp)
//   2. describe a change     select_changes, diff_changes, plan_changes,
//                            git_changes, extend_graph, merge_changes         (change_sources.hpp)
//   3. score it              score_change, then apply_gate for the verdict     (score.hpp,
//                                                                              config.hpp)
//   4. render a report       write_score_text / _json / _markdown / ...       (report.hpp)
// Platform tools also get explain (why a change reaches a node, explain.hpp) and
// rank_hotspots (the resources most dangerous to touch, hotspots.hpp), and snapshots of a
// loaded workspace to start from instead of scanning again (save_snapshot / load_snapshot,
// snapshot.hpp).
// examples/gate/main.cpp is a complete program; README "Library" explains the steps.
//
// Link with `find_package(blastgraph)` and `target_link_libraries(... blastgraph::blastgraph)`.
// No header names a third-party type. Every function is safe to call from several threads on
// different inputs; a loaded Workspace is read-only and can be shared.

#include "blastgraph/analyzer/change.hpp"
#include "blastgraph/analyzer/change_sources.hpp"
#include "blastgraph/analyzer/config.hpp"
#include "blastgraph/analyzer/explain.hpp"
#include "blastgraph/analyzer/hotspots.hpp"
#include "blastgraph/analyzer/report.hpp"
#include "blastgraph/analyzer/score.hpp"
#include "blastgraph/analyzer/snapshot.hpp"
#include "blastgraph/analyzer/workspace.hpp"
#include "blastgraph/core/diagnostic.hpp"
#include "blastgraph/graph/graph.hpp"
