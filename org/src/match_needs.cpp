#include "match_needs.hpp"

#include <oneapi/tbb/parallel_for.h>

#include <algorithm>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "blastgraph/parsers/iam/wildcard.hpp"
#include "interface_keys.hpp"

namespace blastgraph::org {
namespace {

using graph::ArnParts;
using graph::MatchKind;
using graph::Need;

bool known(std::string_view field) {
  return !field.empty() && field != "*";
}

// Whether two fields of ARNs agree: equal, or one side does not know it.
bool agree(std::string_view a, std::string_view b) {
  return !known(a) || !known(b) || a == b;
}

// How the ARN `need` names the ARN `offer` (same service and resource), or nullopt when it
// does not.
std::optional<MatchKind> arn_match(const ArnParts& need, const ArnParts& offer) {
  if (need.service != offer.service || need.resource != offer.resource) return std::nullopt;
  if (!agree(need.partition, offer.partition) || !agree(need.region, offer.region) ||
      !agree(need.account, offer.account)) {
    return std::nullopt;
  }
  if (need.account.empty() && offer.account.empty()) return MatchKind::arn;  // S3: no account
  return known(need.account) && known(offer.account) ? MatchKind::arn : MatchKind::name;
}

// Whether the grant's resource pattern `pattern` matches the offered ARN `offer`, its objects
// (`<arn>/*`) included; a region or account the offer does not know matches any.
bool pattern_matches(const ArnParts& pattern, const ArnParts& offer) {
  if (pattern.service != offer.service) return false;
  const auto field = [](std::string_view wanted, std::string_view offered) {
    return offered == "*" || iam::wildcard_match(wanted, offered, iam::CaseSensitivity::sensitive);
  };
  if (!field(pattern.partition, offer.partition) || !field(pattern.region, offer.region) ||
      !field(pattern.account, offer.account)) {
    return false;
  }
  return field(pattern.resource, offer.resource) ||
         field(pattern.resource, std::string(offer.resource) + "/*");
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

struct NeedRef {
  std::uint32_t member = 0;
  std::uint32_t need = 0;  // position in the member's needs
};

// An offer (or a state) a need names.
struct Candidate {
  NeedRef need;
  std::uint32_t member = 0;
  std::uint32_t offer = 0;  // position in the member's offers, or states for a remote state
  MatchKind kind = MatchKind::arn;
};

bool operator<(const Candidate& a, const Candidate& b) {
  return std::tie(a.need.member, a.need.need, a.member, a.offer) <
         std::tie(b.need.member, b.need.need, b.member, b.offer);
}

using NeedMap = std::unordered_map<std::string, std::vector<NeedRef>>;

const std::vector<NeedRef>& find_or_none(const NeedMap& map, const std::string& key) {
  static const std::vector<NeedRef> none;
  const auto it = map.find(key);
  return it == map.end() ? none : it->second;
}

// Every member's needs by the key they look an offer up by (interface_keys.hpp). Needs are few
// next to offers, so each offer looks up the needs that could name it, not the other way round.
class NeedIndex {
 public:
  explicit NeedIndex(const std::vector<Member>& members) {
    std::string key;
    for (std::uint32_t m = 0; m < members.size(); ++m) {
      const auto& needs = members[m].interface->needs;
      for (std::uint32_t n = 0; n < needs.size(); ++n) add({m, n}, needs[n], key);
    }
  }

  // Members' needs that `offer` of member `from` meets; appended to `out`.
  void match_offer(const std::vector<Member>& members, std::uint32_t from, std::uint32_t o,
                   std::string& key, std::vector<Candidate>& out) const {
    const auto& offer = members[from].interface->offers[o];
    const auto need_of = [&](NeedRef ref) -> const Need& {
      return members[ref.member].interface->needs[ref.need];
    };
    if (const auto parts = graph::parse_arn(offer.arn)) {
      service_key(parts->service, parts->resource, key);
      for (const auto ref : find_or_none(m_arns, key)) {
        if (ref.member == from) continue;
        if (const auto kind = arn_match(*graph::parse_arn(need_of(ref).value), *parts)) {
          out.push_back({ref, from, o, *kind});
        }
      }
      if (m_pattern_services.contains(std::string(parts->service))) {
        match_patterns(members, from, o, *parts, key, out);
      }
    }
    if (!m_lookup_types.contains(offer.type)) return;
    for (const auto& attribute : offer.attributes) {
      attribute_key(offer.type, attribute.name, attribute.value, key);
      for (const auto ref : find_or_none(m_lookups, key)) {
        if (ref.member == from || !satisfies(offer, need_of(ref).arguments)) continue;
        out.push_back({ref, from, o, MatchKind::lookup});
      }
    }
  }

  // Members' needs that state `s` of member `from` meets; appended to `out`.
  void match_state(const std::vector<Member>& members, std::uint32_t from, std::uint32_t s,
                   std::vector<Candidate>& out) const {
    const auto& state = members[from].interface->states[s];
    for (const auto ref : find_or_none(m_states, state.backend)) {
      if (ref.member == from) continue;
      const auto& need = members[ref.member].interface->needs[ref.need];
      if (names_state(need.arguments, state.settings)) {
        out.push_back({ref, from, s, MatchKind::remote_state});
      }
    }
  }

 private:
  void add(NeedRef ref, const Need& need, std::string& key) {
    if (need.symbolic) return;
    switch (need.kind) {
      case graph::NeedKind::arn:
        if (arn_key(need.value, key)) m_arns[key].push_back(ref);
        break;
      case graph::NeedKind::lookup:
        // By each value of its first argument: an offer must have one of them.
        for (const auto& argument : need.arguments) {
          if (argument.name != need.arguments.front().name) break;
          attribute_key(need.type, argument.name, argument.value, key);
          m_lookups[key].push_back(ref);
          m_lookup_types.insert(need.type);
        }
        break;
      case graph::NeedKind::remote_state:
        m_states[need.type].push_back(ref);
        break;
      case graph::NeedKind::arn_pattern:
        if (const auto parts = graph::parse_arn(need.value)) {
          service_key(parts->service,
                      pattern_prefix(parts->resource).substr(0, k_pattern_key_length), key);
          m_patterns[key].push_back(ref);
          m_pattern_services.emplace(parts->service);
        }
        break;
    }
  }

  // The patterns keyed by the service and a start of the offer's resource, checked whole.
  void match_patterns(const std::vector<Member>& members, std::uint32_t from, std::uint32_t o,
                      const ArnParts& offer, std::string& key, std::vector<Candidate>& out) const {
    const auto longest = std::min(offer.resource.size(), k_pattern_key_length);
    for (std::size_t length = 0; length <= longest; ++length) {
      service_key(offer.service, offer.resource.substr(0, length), key);
      for (const auto ref : find_or_none(m_patterns, key)) {
        if (ref.member == from) continue;
        const auto pattern =
            *graph::parse_arn(members[ref.member].interface->needs[ref.need].value);
        if (offer.resource.starts_with(pattern_prefix(pattern.resource)) &&
            pattern_matches(pattern, offer)) {
          out.push_back({ref, from, o, MatchKind::pattern});
        }
      }
    }
  }

  NeedMap m_arns;      // by arn_key
  NeedMap m_lookups;   // by attribute_key of the type and each value of the first argument
  NeedMap m_states;    // by backend
  NeedMap m_patterns;  // by service ':' the pattern's prefix, cut to k_pattern_key_length
  std::unordered_set<std::string> m_lookup_types;
  std::unordered_set<std::string> m_pattern_services;
};

class Matcher {
 public:
  explicit Matcher(const std::vector<Member>& members) : m_members(members) {}

  Matches run() {
    const auto candidates = find_candidates();
    auto next = candidates.begin();
    for (std::uint32_t m = 0; m < m_members.size(); ++m) {
      const auto& needs = m_members[m].interface->needs;
      for (std::uint32_t n = 0; n < needs.size(); ++n) {
        const auto end = std::find_if(next, candidates.end(), [&](const Candidate& c) {
          return c.need.member != m || c.need.need != n;
        });
        settle(m, needs[n], next, end);
        next = end;
      }
    }
    auto& links = m_matches.links;
    std::sort(links.begin(), links.end());
    links.erase(std::unique(links.begin(), links.end()), links.end());
    return std::move(m_matches);
  }

 private:
  // Every offer and state of every member against the needs that could name it, member by
  // member side by side; sorted by need, then offer.
  std::vector<Candidate> find_candidates() const {
    const NeedIndex index(m_members);
    std::vector<std::vector<Candidate>> found(m_members.size());
    tbb::parallel_for(std::size_t{0}, m_members.size(), [&](std::size_t i) {
      const auto m = static_cast<std::uint32_t>(i);
      const auto& interface = *m_members[m].interface;
      std::string key;
      for (std::uint32_t o = 0; o < interface.offers.size(); ++o) {
        index.match_offer(m_members, m, o, key, found[m]);
      }
      for (std::uint32_t s = 0; s < interface.states.size(); ++s) {
        index.match_state(m_members, m, s, found[m]);
      }
    });
    std::vector<Candidate> all;
    for (auto& part : found) all.insert(all.end(), part.begin(), part.end());
    std::sort(all.begin(), all.end());
    all.erase(std::unique(all.begin(), all.end(),
                          [](const Candidate& a, const Candidate& b) { return !(a < b || b < a); }),
              all.end());
    return all;
  }

  using Iterator = std::vector<Candidate>::const_iterator;

  // Counts need `need` of member `from` and links it to what it names, [first, last).
  void settle(std::uint32_t from, const Need& need, Iterator first, Iterator last) {
    ++m_matches.needs;
    if (need.symbolic) {
      ++m_matches.symbolic;
      return;
    }
    if (first == last) {
      ++m_matches.unmatched;
      return;
    }
    if (need.kind == graph::NeedKind::arn_pattern &&
        static_cast<std::size_t>(last - first) > graph::k_max_pattern_links) {
      ++m_matches.symbolic;  // too broad to say what it reaches
      return;
    }
    for (auto it = first; it != last; ++it) link(from, need, *it);
  }

  void link(std::uint32_t from, const Need& need, const Candidate& found) {
    const auto& interface = *m_members[found.member].interface;
    switch (found.kind) {
      case MatchKind::arn:
      case MatchKind::name:
      case MatchKind::pattern:
        add_link(from, need, found.member, interface.offers[found.offer].node, found.kind,
                 need.value);
        break;
      case MatchKind::lookup:
        add_link(from, need, found.member, interface.offers[found.offer].node, found.kind,
                 describe(need.arguments));
        break;
      case MatchKind::remote_state: {
        const auto value = need.type + " " + describe(need.arguments);
        for (const auto& output : interface.states[found.offer].outputs) {
          add_link(from, need, found.member, output, found.kind, value);
        }
        break;
      }
    }
  }

  void add_link(std::uint32_t from, const Need& need, std::uint32_t to, const std::string& target,
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
  Matches m_matches;
};

}  // namespace

Matches match_needs(const std::vector<Member>& members) {
  return Matcher(members).run();
}

}  // namespace blastgraph::org
