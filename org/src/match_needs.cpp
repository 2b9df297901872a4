#include "match_needs.hpp"

#include <algorithm>

#include "blastgraph/parsers/iam/wildcard.hpp"
#include "offer_index.hpp"

namespace blastgraph::org {
namespace {

using graph::MatchKind;
using graph::Need;

bool known(std::string_view field) {
  return !field.empty() && field != "*";
}

// Whether two fields of ARNs agree: equal, or one side does not know it.
bool agree(std::string_view a, std::string_view b) {
  return !known(a) || !known(b) || a == b;
}

// How the ARN `need` names `offer`, or nullopt when it does not.
std::optional<MatchKind> arn_match(std::string_view need, std::string_view offer) {
  const auto n = graph::parse_arn(need);
  const auto o = graph::parse_arn(offer);
  if (!n || !o || n->service != o->service || n->resource != o->resource) return std::nullopt;
  if (!agree(n->partition, o->partition) || !agree(n->region, o->region) ||
      !agree(n->account, o->account)) {
    return std::nullopt;
  }
  if (n->account.empty() && o->account.empty()) return MatchKind::arn;  // S3: no account
  return known(n->account) && known(o->account) ? MatchKind::arn : MatchKind::name;
}

// A grant's pattern links at most this many offers, as in one repository (the IAM linker's
// k_max_pattern_targets): past it the grant is too broad to say what it reaches.
constexpr std::size_t k_max_pattern_offers = 16;

// Whether the grant's resource pattern `pattern` matches the offered ARN `arn`, its objects
// (`<arn>/*`) included; a region or account the offer does not know matches any.
bool pattern_matches(std::string_view pattern, std::string_view arn) {
  const auto p = graph::parse_arn(pattern);
  const auto o = graph::parse_arn(arn);
  if (!p || !o || p->service != o->service) return false;
  const auto field = [](std::string_view wanted, std::string_view offered) {
    return offered == "*" || iam::wildcard_match(wanted, offered, iam::CaseSensitivity::sensitive);
  };
  if (!field(p->partition, o->partition) || !field(p->region, o->region) ||
      !field(p->account, o->account)) {
    return false;
  }
  return field(p->resource, o->resource) || field(p->resource, std::string(o->resource) + "/*");
}

// Whether `offer` has, for each argument name of `need`, one of the values the need allows.
bool satisfies(const graph::Offer& offer, const std::vector<graph::Setting>& arguments) {
  for (auto it = arguments.begin(); it != arguments.end();) {
    const auto end = std::find_if(it, arguments.end(),
                                  [&](const graph::Setting& s) { return s.name != it->name; });
    const bool any = std::any_of(it, end, [&](const graph::Setting& wanted) {
      return std::binary_search(offer.attributes.begin(), offer.attributes.end(), wanted);
    });
    if (!any) return false;
    it = end;
  }
  return true;
}

// Whether a read with `config` names the state kept with `settings`: every setting both give
// is equal, and there is at least one.
bool names_state(const std::vector<graph::Setting>& config,
                 const std::vector<graph::Setting>& settings) {
  std::size_t common = 0;
  for (const auto& wanted : config) {
    const auto it = std::find_if(settings.begin(), settings.end(),
                                 [&](const graph::Setting& s) { return s.name == wanted.name; });
    if (it == settings.end()) continue;
    if (it->value != wanted.value) return false;
    ++common;
  }
  return common > 0;
}

std::string describe(const std::vector<graph::Setting>& settings) {
  std::string out;
  for (const auto& setting : settings) {
    if (!out.empty()) out += ' ';
    out += setting.name + "=" + setting.value;
  }
  return out;
}

class Matcher {
 public:
  explicit Matcher(const std::vector<Member>& members) : m_members(members), m_index(members) {}

  Matches run() {
    for (std::uint32_t m = 0; m < m_members.size(); ++m) {
      for (const auto& need : m_members[m].interface->needs) {
        ++m_matches.needs;
        if (need.symbolic) {
          ++m_matches.symbolic;
          continue;
        }
        switch (match(m, need)) {
          case Found::none:
            ++m_matches.unmatched;
            break;
          case Found::too_many:
            ++m_matches.symbolic;
            break;
          case Found::some:
            break;
        }
      }
    }
    auto& links = m_matches.links;
    std::sort(links.begin(), links.end());
    links.erase(std::unique(links.begin(), links.end()), links.end());
    return std::move(m_matches);
  }

 private:
  enum class Found : std::uint8_t { none, some, too_many };

  Found match(std::uint32_t from, const Need& need) {
    const auto found = [](bool any) { return any ? Found::some : Found::none; };
    switch (need.kind) {
      case graph::NeedKind::arn:
        return found(match_arn(from, need));
      case graph::NeedKind::lookup:
        return found(match_lookup(from, need));
      case graph::NeedKind::remote_state:
        return found(match_state(from, need));
      case graph::NeedKind::arn_pattern:
        return match_pattern(from, need);
    }
    return Found::none;
  }

  Found match_pattern(std::uint32_t from, const Need& need) {
    const auto parts = graph::parse_arn(need.value);
    if (!parts) return Found::none;
    std::vector<OfferRef> matched;
    for (const auto ref : m_index.by_arn_prefix(parts->service, pattern_prefix(parts->resource))) {
      if (ref.member == from) continue;
      const auto& offer = m_members[ref.member].interface->offers[ref.offer];
      if (pattern_matches(need.value, offer.arn)) matched.push_back(ref);
    }
    if (matched.empty()) return Found::none;
    if (matched.size() > k_max_pattern_offers) return Found::too_many;
    for (const auto ref : matched) {
      const auto& offer = m_members[ref.member].interface->offers[ref.offer];
      link(from, need, ref.member, offer.node, MatchKind::pattern, need.value);
    }
    return Found::some;
  }

  bool match_arn(std::uint32_t from, const Need& need) {
    bool found = false;
    for (const auto ref : m_index.by_arn(need.value)) {
      if (ref.member == from) continue;
      const auto& offer = m_members[ref.member].interface->offers[ref.offer];
      if (const auto kind = arn_match(need.value, offer.arn)) {
        link(from, need, ref.member, offer.node, *kind, need.value);
        found = true;
      }
    }
    return found;
  }

  bool match_lookup(std::uint32_t from, const Need& need) {
    if (need.arguments.empty()) return false;
    // Candidates share the first argument's name and one of its values.
    const auto& first = need.arguments.front().name;
    bool found = false;
    for (const auto& argument : need.arguments) {
      if (argument.name != first) break;
      for (const auto ref : m_index.by_attribute(need.type, argument.name, argument.value)) {
        if (ref.member == from) continue;
        const auto& offer = m_members[ref.member].interface->offers[ref.offer];
        if (!satisfies(offer, need.arguments)) continue;
        link(from, need, ref.member, offer.node, MatchKind::lookup, describe(need.arguments));
        found = true;
      }
    }
    return found;
  }

  bool match_state(std::uint32_t from, const Need& need) {
    bool found = false;
    for (const auto ref : m_index.by_backend(need.type)) {
      if (ref.member == from) continue;
      const auto& state = m_members[ref.member].interface->states[ref.offer];
      if (!names_state(need.arguments, state.settings)) continue;
      const auto value = need.type + " " + describe(need.arguments);
      for (const auto& output : state.outputs) {
        link(from, need, ref.member, output, MatchKind::remote_state, value);
      }
      found = true;
    }
    return found;
  }

  void link(std::uint32_t from, const Need& need, std::uint32_t to, const std::string& target,
            MatchKind kind, std::string value) {
    const auto& source = m_members[from];
    const auto& offerer = m_members[to];
    graph::RepositoryLink link;
    link.source = source.id(need.node);
    link.target = offerer.id(target);
    link.source_repository = source.name;
    link.target_repository = offerer.name;
    link.edge = need.edge;
    link.match = kind;
    link.value = std::move(value);
    link.evidence = need.evidence;
    link.evidence.file = source.id(need.evidence.file);
    link.evidence.weak = kind == MatchKind::name;
    m_matches.links.push_back(std::move(link));
  }

  const std::vector<Member>& m_members;
  OfferIndex m_index;
  Matches m_matches;
};

}  // namespace

Matches match_needs(const std::vector<Member>& members) {
  return Matcher(members).run();
}

}  // namespace blastgraph::org
