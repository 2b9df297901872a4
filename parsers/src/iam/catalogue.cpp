#include "blastgraph/parsers/iam/catalogue.hpp"

#include <algorithm>
#include <array>

#include "iam/catalogue_tables.hpp"
#include "iam/pattern_match.hpp"

namespace blastgraph::iam {
namespace {

using tables::catalogue_tables;

std::string_view text_of(tables::StringRef ref) {
  return catalogue_tables().strings.substr(ref.offset, ref.length);
}

// <0, 0, >0 as `a` sorts before, equal to or after `b` ignoring ASCII case.
int compare_folded(std::string_view a, std::string_view b) {
  const std::size_t common = std::min(a.size(), b.size());
  for (std::size_t i = 0; i < common; ++i) {
    const char x = detail::fold_case(a[i]);
    const char y = detail::fold_case(b[i]);
    if (x != y) return x < y ? -1 : 1;
  }
  if (a.size() == b.size()) return 0;
  return a.size() < b.size() ? -1 : 1;
}

const tables::ServiceRow* find_service(std::string_view prefix) {
  const auto services = catalogue_tables().services;
  const auto it = std::lower_bound(services.begin(), services.end(), prefix,
                                   [](const tables::ServiceRow& row, std::string_view key) {
                                     return compare_folded(text_of(row.prefix), key) < 0;
                                   });
  if (it == services.end() || compare_folded(text_of(it->prefix), prefix) != 0) return nullptr;
  return &*it;
}

// Indices of the actions of `service` whose name matches `action_pattern`.
std::vector<std::uint32_t> matching_in_service(const tables::ServiceRow& service,
                                               std::string_view action_pattern) {
  std::vector<std::uint32_t> found;
  const auto& actions = catalogue_tables().actions;
  // Names are sorted folded: those that start with the pattern's literal head are one run.
  const auto literal = action_pattern.substr(0, action_pattern.find_first_of("*?"));
  const auto begin = actions.begin() + service.first_action;
  const auto end = begin + service.action_count;
  auto it = std::lower_bound(begin, end, literal, [](const auto& row, std::string_view key) {
    return compare_folded(text_of(row.name), key) < 0;
  });
  for (; it != end; ++it) {
    const auto name = text_of(it->name);
    if (compare_folded(name.substr(0, literal.size()), literal) != 0) break;
    if (wildcard_match(action_pattern, name, CaseSensitivity::insensitive)) {
      found.push_back(static_cast<std::uint32_t>(it - actions.begin()));
    }
  }
  return found;
}

// Indices of the actions whose "service:Action" matches `pattern`.
std::vector<std::uint32_t> matching_indices(std::string_view pattern) {
  const std::size_t colon = pattern.find(':');
  const std::string_view prefix = pattern.substr(0, colon);
  // The common case names its service: only that service's actions need testing.
  if (colon != std::string_view::npos && !has_wildcard(prefix)) {
    const tables::ServiceRow* row = find_service(prefix);
    if (row == nullptr) return {};
    return matching_in_service(*row, pattern.substr(colon + 1));
  }
  std::vector<std::uint32_t> found;
  std::string qualified;
  const auto& t = catalogue_tables();
  for (std::uint32_t i = 0; i < t.actions.size(); ++i) {
    qualified.assign(text_of(t.services[t.actions[i].service].prefix));
    qualified += ':';
    qualified += text_of(t.actions[i].name);
    if (wildcard_match(pattern, qualified, CaseSensitivity::insensitive)) found.push_back(i);
  }
  return found;
}

}  // namespace

std::string_view to_string(AccessLevel level) {
  static constexpr std::array<std::string_view, 5> k_names = {"List", "Read", "Write",
                                                              "Permissions management", "Tagging"};
  return k_names.at(static_cast<std::size_t>(level));
}

std::string_view ActionRef::service() const {
  const auto& t = catalogue_tables();
  return text_of(t.services[t.actions[m_index].service].prefix);
}

std::string_view ActionRef::name() const {
  return text_of(catalogue_tables().actions[m_index].name);
}

std::string ActionRef::qualified_name() const {
  std::string qualified(service());
  qualified += ':';
  qualified += name();
  return qualified;
}

AccessLevel ActionRef::access_level() const {
  return static_cast<AccessLevel>(catalogue_tables().actions[m_index].access_level);
}

std::vector<ResourceType> ActionRef::resource_types() const {
  const auto& t = catalogue_tables();
  const tables::ActionRow& row = t.actions[m_index];
  std::vector<ResourceType> types;
  types.reserve(row.resource_use_count);
  for (std::uint32_t i = 0; i < row.resource_use_count; ++i) {
    const tables::ResourceUseRow& use = t.resource_uses[row.first_resource_use + i];
    const tables::ResourceTypeRow& type = t.resource_types[use.resource_type];
    types.push_back({text_of(type.name), text_of(type.arn), use.required != 0});
  }
  return types;
}

std::optional<ActionRef> ActionCatalogue::find(std::string_view service,
                                               std::string_view action) const {
  const tables::ServiceRow* row = find_service(service);
  if (row == nullptr) return std::nullopt;
  const auto actions = catalogue_tables().actions.subspan(row->first_action, row->action_count);
  const auto it = std::lower_bound(actions.begin(), actions.end(), action,
                                   [](const tables::ActionRow& a, std::string_view key) {
                                     return compare_folded(text_of(a.name), key) < 0;
                                   });
  if (it == actions.end() || compare_folded(text_of(it->name), action) != 0) return std::nullopt;
  return ActionRef(row->first_action + static_cast<std::uint32_t>(it - actions.begin()));
}

std::optional<ActionRef> ActionCatalogue::find(std::string_view qualified_action) const {
  const std::size_t colon = qualified_action.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  return find(qualified_action.substr(0, colon), qualified_action.substr(colon + 1));
}

std::vector<ActionRef> ActionCatalogue::expand(std::string_view pattern) const {
  std::vector<ActionRef> found;
  for (const std::uint32_t index : matching_indices(pattern)) found.push_back(ActionRef(index));
  return found;
}

std::vector<ActionRef> ActionCatalogue::actions_of(std::string_view service) const {
  const tables::ServiceRow* row = find_service(service);
  std::vector<ActionRef> found;
  if (row == nullptr) return found;
  for (std::uint32_t i = 0; i < row->action_count; ++i)
    found.push_back(ActionRef(row->first_action + i));
  return found;
}

bool ActionCatalogue::known_service(std::string_view prefix) const {
  return find_service(prefix) != nullptr;
}

std::string_view ActionCatalogue::service_name(std::string_view prefix) const {
  const tables::ServiceRow* row = find_service(prefix);
  return row == nullptr ? std::string_view() : text_of(row->name);
}

std::size_t ActionCatalogue::service_count() const { return catalogue_tables().services.size(); }
std::size_t ActionCatalogue::action_count() const { return catalogue_tables().actions.size(); }
std::string_view ActionCatalogue::data_version() const { return catalogue_tables().data_version; }

const ActionCatalogue& action_catalogue() {
  static const ActionCatalogue k_catalogue;
  return k_catalogue;
}

}  // namespace blastgraph::iam
