#include "workspace/terraform_scopes.hpp"

#include <optional>
#include <vector>

#include "terraform/state_locations.hpp"
#include "terraform/static_eval.hpp"

namespace blastgraph::analyzer {
namespace {

using terraform_link::Instance;
using terraform_link::InstanceForest;
using terraform_link::Settings;
using terraform_link::StateLocation;
using terraform_link::known_strings;
using terraform_link::state_location;

// The state file a `local` backend writes, relative to the scanned root.
std::optional<std::string> local_state_file(const StateLocation& location) {
  const auto path = location.settings.find("path");
  return terraform_link::join_relative(
      location.root, path == location.settings.end() ? "terraform.tfstate" : path->second);
}

// Whether a remote-state read with `backend` and `config` names the state at `location`:
// the same backend type, and every setting both write is equal (at least one of them).
bool reads_state_of(const std::string& backend, const Settings& config, const std::string& reader,
                    const StateLocation& location) {
  if (backend != location.type || location.root == reader) return false;
  if (backend == "local") {
    const auto path = config.find("path");
    if (path == config.end()) return false;
    const auto file = terraform_link::join_relative(reader, path->second);
    return file && file == local_state_file(location);
  }
  std::size_t common = 0;
  for (const auto& [key, value] : config) {
    const auto theirs = location.settings.find(key);
    if (theirs == location.settings.end()) continue;
    if (theirs->second != value) return false;
    ++common;
  }
  return common > 0;
}

// The roots whose state `block` (a terraform_remote_state in `reader`) reads.
std::vector<std::string> state_read_by(const Instance& reader, const terraform::Block& block,
                                       const std::vector<StateLocation>& locations) {
  const auto backend_attribute = block.attributes.find("backend");
  const auto config_attribute = block.attributes.find("config");
  if (backend_attribute == block.attributes.end() || config_attribute == block.attributes.end()) {
    return {};
  }
  const auto backend = terraform_link::static_string(reader, backend_attribute->second);
  if (!backend) return {};
  const auto config = known_strings(terraform_link::evaluate(reader, config_attribute->second));
  std::vector<std::string> roots;
  for (const auto& location : locations) {
    if (reads_state_of(*backend, config, reader.root, location)) roots.push_back(location.root);
  }
  return roots;
}

}  // namespace

std::map<std::string, std::set<std::string>> terraform_roots_by_dir(const InstanceForest& forest) {
  std::map<std::string, std::set<std::string>> by_dir;
  for (const auto& instance : forest.instances) {
    if (instance.dir != nullptr) by_dir[instance.dir->path].insert(instance.root);
  }
  std::vector<StateLocation> locations;
  for (const auto* root : forest.roots) {
    if (auto location = state_location(*root)) locations.push_back(std::move(*location));
  }
  std::map<std::string, std::set<std::string>> readers;  // root -> roots reading its state
  for (const auto& instance : forest.instances) {
    if (instance.dir == nullptr) continue;
    for (const auto* block : instance.dir->blocks) {
      if (block->kind != terraform::BlockKind::data || block->type != "terraform_remote_state") {
        continue;
      }
      for (const auto& read : state_read_by(instance, *block, locations)) {
        readers[read].insert(instance.root);
      }
    }
  }
  for (auto& [dir, roots] : by_dir) {
    std::set<std::string> reading;
    for (const auto& root : roots) {
      if (auto it = readers.find(root); it != readers.end()) {
        reading.insert(it->second.begin(), it->second.end());
      }
    }
    roots.insert(reading.begin(), reading.end());
  }
  return by_dir;
}

}  // namespace blastgraph::analyzer
