#include <algorithm>
#include <array>
#include <cctype>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "host_catalogue.hpp"

namespace blastgraph::iam_catalogue {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

json read_json(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  try {
    return json::parse(text.str());
  } catch (const json::exception& error) {
    throw std::runtime_error(path.string() + ": " + error.what());
  }
}

std::string to_lower(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower;
}

// The data writes combined levels such as "Permissions management, Write"; the most specific
// one is kept, since that is what tells a reviewer why the action matters. Most specific first:
constexpr std::array<std::pair<std::string_view, AccessLevel>, 5> k_access_levels = {{
    {"Permissions management", AccessLevel::permissions_management},
    {"Tagging", AccessLevel::tagging},
    {"Write", AccessLevel::write},
    {"Read", AccessLevel::read},
    {"List", AccessLevel::list},
}};

AccessLevel parse_access_level(const std::string& text, const fs::path& file) {
  std::vector<std::string> words;
  std::istringstream parts(text);
  for (std::string part; std::getline(parts, part, ',');) {
    const auto first = part.find_first_not_of(' ');
    words.push_back(first == std::string::npos ? std::string() : part.substr(first));
    const bool known = std::any_of(k_access_levels.begin(), k_access_levels.end(),
                                   [&](const auto& level) { return level.first == words.back(); });
    if (!known) throw std::runtime_error(file.string() + ": unknown access level '" + text + "'");
  }
  for (const auto& [name, level] : k_access_levels) {
    if (std::find(words.begin(), words.end(), name) != words.end()) return level;
  }
  throw std::runtime_error(file.string() + ": empty access level");
}

// Appends the service's resource types; returns lower-cased name -> global index, because
// actions name their types with a different capitalisation than the keys in some services.
std::map<std::string, std::uint32_t> load_resource_types(const fs::path& file,
                                                         HostCatalogue& catalogue) {
  std::map<std::string, std::uint32_t> index;
  if (!fs::exists(file)) return index;
  const json types = read_json(file);  // named: items() would outlive a temporary
  for (const auto& [key, entry] : types.items()) {
    index.emplace(to_lower(key), static_cast<std::uint32_t>(catalogue.resource_types.size()));
    catalogue.resource_types.push_back({entry.value("key", key), entry.value("arn", "")});
  }
  return index;
}

Action load_action(const json& entry, const std::map<std::string, std::uint32_t>& types,
                   const fs::path& file, HostCatalogue& catalogue) {
  Action action;
  action.name = entry.at("name").get<std::string>();
  action.lower_name = to_lower(action.name);
  action.access_level = parse_access_level(entry.at("accessLevel").get<std::string>(), file);
  for (const json& use : entry.value("resourceTypes", json::array())) {
    const auto found = types.find(to_lower(use.at("name").get<std::string>()));
    if (found == types.end()) {
      ++catalogue.unresolved_resource_types;
      continue;
    }
    action.resource_uses.push_back({found->second, use.value("required", false)});
  }
  return action;
}

Service load_service(const fs::path& data_dir, const std::string& prefix, const json& service_names,
                     HostCatalogue& catalogue) {
  Service service;
  service.prefix = prefix;
  service.name = service_names.value(prefix, prefix);
  const auto types =
      load_resource_types(data_dir / "resourceTypes" / (prefix + ".json"), catalogue);
  const fs::path actions_file = data_dir / "actions" / (prefix + ".json");
  const json actions = read_json(actions_file);
  for (const auto& [key, entry] : actions.items()) {
    service.actions.push_back(load_action(entry, types, actions_file, catalogue));
  }
  std::sort(service.actions.begin(), service.actions.end(),
            [](const Action& a, const Action& b) { return a.lower_name < b.lower_name; });
  return service;
}

std::vector<std::string> list_prefixes(const fs::path& actions_dir) {
  std::vector<std::string> prefixes;
  for (const auto& entry : fs::directory_iterator(actions_dir)) {
    if (entry.path().extension() != ".json") continue;
    const std::string prefix = entry.path().stem().string();
    if (prefix != to_lower(prefix)) {
      throw std::runtime_error(entry.path().string() + ": service prefix is not lower case");
    }
    prefixes.push_back(prefix);
  }
  std::sort(prefixes.begin(), prefixes.end());
  return prefixes;
}

}  // namespace

HostCatalogue load_data(const fs::path& data_dir) {
  if (!fs::is_directory(data_dir / "actions")) {
    throw std::runtime_error(data_dir.string() + " has no actions/ directory");
  }
  HostCatalogue catalogue;
  const fs::path package = data_dir.parent_path() / "package.json";
  if (fs::exists(package)) catalogue.data_version = read_json(package).value("version", "");
  const fs::path names_file = data_dir / "serviceNames.json";
  const json names = fs::exists(names_file) ? read_json(names_file) : json::object();
  for (const std::string& prefix : list_prefixes(data_dir / "actions")) {
    catalogue.services.push_back(load_service(data_dir, prefix, names, catalogue));
  }
  return catalogue;
}

}  // namespace blastgraph::iam_catalogue
