#include "iam_terraform/known_statement.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <string_view>

namespace blastgraph::analyzer::iam_terraform {
namespace {

using terraform_link::StaticField;
using terraform_link::StaticValue;
using Kind = StaticValue::Kind;

void gather_guesses(const StaticValue& value, std::vector<std::string>& out) {
  auto add = [&out](const std::string& guess) {
    if (std::find(out.begin(), out.end(), guess) == out.end()) out.push_back(guess);
  };
  for (const auto& guess : value.guesses) add(guess);
  if (value.kind == Kind::null && value.guesses.empty()) add("null");
  for (const auto& item : value.items) gather_guesses(item, out);
  for (const auto& field : value.fields) gather_guesses(field.second, out);
}

}  // namespace

bool not_known(const StaticValue& value) {
  if (value.kind == Kind::unknown || value.kind == Kind::null) return true;
  return value.kind == Kind::string && value.guessed() &&
         value.text.find_first_not_of('*') == std::string::npos;
}

std::vector<std::string> guesses_of(const StaticValue& value) {
  std::vector<std::string> out;
  gather_guesses(value, out);
  return out;
}

void note_globs(const StaticValue& value, std::vector<UnknownPlace>& places) {
  if (value.kind == Kind::list || value.kind == Kind::object) {
    std::vector<std::string> inner;
    for (const auto& item : value.items) gather_guesses(item, inner);
    for (const auto& field : value.fields) gather_guesses(field.second, inner);
    std::vector<std::string> own;
    for (const auto& guess : value.guesses) {
      if (std::find(inner.begin(), inner.end(), guess) == inner.end()) own.push_back(guess);
    }
    if (!own.empty()) places.push_back({value.position, std::move(own), UnknownReading::left_out});
    for (const auto& item : value.items) note_globs(item, places);
    for (const auto& field : value.fields) note_globs(field.second, places);
    return;
  }
  if (value.guessed()) places.push_back({value.position, value.guesses, UnknownReading::glob});
}

namespace {

StaticValue emptied(const StaticValue& value) {
  StaticValue out = value;
  out.items.clear();
  out.fields.clear();
  return out;
}

struct Pair {
  std::string_view listed;
  std::string_view all_except;
  bool principal;  // Principal/NotPrincipal: an object of lists by type, or "*"
};

constexpr std::array<Pair, 3> k_pairs{{
    {"Action", "NotAction", false},
    {"Resource", "NotResource", false},
    {"Principal", "NotPrincipal", true},
}};

// Reads one statement object; its places go to `places` once it is decided.
class StatementReader {
 public:
  explicit StatementReader(std::vector<UnknownPlace>& places) : m_places(places) {}

  // The statement with only its known values; nullopt when it is set aside.
  std::optional<StaticValue> read(const StaticValue& statement) {
    m_pending.clear();
    m_left.clear();
    if (const auto* effect = find(statement, "Effect")) {
      // NOTE: a statement whose Effect is not known is neither an Allow (it would invent
      // edges) nor a definite Deny (it would hide them): it is set aside, and said so.
      if (not_known(*effect) || effect->guessed()) {
        auto guesses = guesses_of(*effect);
        if (guesses.empty()) guesses.emplace_back("Effect");
        m_places.push_back({statement.position, std::move(guesses), UnknownReading::set_aside});
        return std::nullopt;
      }
    }
    std::map<std::string, std::optional<StaticField>, std::less<>> decided;
    for (const auto& pair : k_pairs) decide(statement, pair, decided);

    StaticValue out = emptied(statement);
    if (statement.guessed()) {  // keys that could not be evaluated
      m_pending.push_back({statement.position, statement.guesses, UnknownReading::left_out});
    }
    for (const auto& [key, value] : statement.fields) {
      if (value.kind == Kind::null) continue;
      if (auto it = decided.find(key); it != decided.end()) {
        if (it->second) out.fields.emplace_back(std::move(*it->second));
      } else if (key == "Condition") {
        if (auto conditions = known_conditions(value))
          out.fields.emplace_back(key, std::move(*conditions));
      } else if (key == "Sid" && not_known(value)) {
        left_out(value);  // a statement without a Sid replaces none when documents merge
      } else {
        note_globs(value);
        out.fields.emplace_back(key, value);
      }
    }
    // The statement holds guesses: a Deny in it is not definite, its ARNs are not external.
    out.guesses.insert(out.guesses.end(), m_left.begin(), m_left.end());
    m_places.insert(m_places.end(), m_pending.begin(), m_pending.end());
    return out;
  }

  void note_globs(const StaticValue& value) { iam_terraform::note_globs(value, m_pending); }

 private:
  static const StaticValue* find(const StaticValue& statement, std::string_view key) {
    for (const auto& [name, value] : statement.fields) {
      if (name == key && value.kind != Kind::null) return &value;
    }
    return nullptr;
  }

  // What is known of an element: its value without the parts that are not.
  struct Reduced {
    StaticValue value;
    bool any_known = false;
    bool any_unknown = false;
  };

  // What stands for `pair` in the statement, by the key it is written under: the element
  // and its new key and value, or nullopt when it is left out.
  // NOTE: of a pair, the element with known values is read, the other left out (AWS accepts
  // one; the unknown one is null). When neither has one, the listed form holding only the
  // known values stands: `Action: []` allows nothing, where `NotAction: []` would allow all.
  // NotAction/NotResource/NotPrincipal count as known only whole: leaving out an unknown
  // exception would widen what they allow.
  void decide(const StaticValue& statement, const Pair& pair,
              std::map<std::string, std::optional<StaticField>,
                       std::less<>>& decided) {
    const auto* listed = find(statement, pair.listed);
    const auto* except = find(statement, pair.all_except);
    std::optional<Reduced> listed_value;
    std::optional<Reduced> except_value;
    if (listed != nullptr) listed_value = reduce(*listed, pair.principal);
    if (except != nullptr) except_value = reduce(*except, pair.principal);
    const bool listed_known =
        listed_value && (listed_value->any_known || !listed_value->any_unknown);
    const bool except_known = except_value && !except_value->any_unknown;
    const std::string listed_key(pair.listed);
    const std::string except_key(pair.all_except);
    if (listed_value) {
      decided[listed_key] =
          listed_known || !except_known
              ? std::optional(StaticField(listed_key, std::move(listed_value->value)))
              : std::nullopt;
    }
    if (!except_value) return;
    if (except_known) {
      decided[except_key] = StaticField(except_key, std::move(except_value->value));
    } else if (!listed_value) {
      StaticValue nothing = emptied(except_value->value);
      nothing.kind = pair.principal ? Kind::object : Kind::list;
      nothing.guesses.clear();
      decided[except_key] = StaticField(listed_key, std::move(nothing));
    } else {
      decided[except_key] = std::nullopt;
    }
  }

  Reduced reduce(const StaticValue& value, bool principal) {
    if (!principal) return known_list(value);
    if (not_known(value)) {
      left_out(value);
      StaticValue nobody = emptied(value);
      nobody.kind = Kind::object;
      nobody.guesses.clear();
      return {std::move(nobody), false, true};
    }
    if (value.kind != Kind::object) {  // "*", or something the parser reports
      note_globs(value);
      return {value, true, false};
    }
    Reduced out{emptied(value), false, value.guessed()};
    left_out_own(value);  // principal types that could not be evaluated
    out.value.guesses.clear();
    for (const auto& [type, identifiers] : value.fields) {
      auto list = known_list(identifiers);
      out.any_known = out.any_known || list.any_known;
      out.any_unknown = out.any_unknown || list.any_unknown;
      out.value.fields.emplace_back(type, std::move(list.value));
    }
    return out;
  }

  void left_out(const StaticValue& value) {
    auto guesses = guesses_of(value);
    m_left.insert(m_left.end(), guesses.begin(), guesses.end());
    m_pending.push_back({value.position, std::move(guesses), UnknownReading::left_out});
  }

  void left_out_own(const StaticValue& value) {
    if (!value.guessed()) return;
    m_left.insert(m_left.end(), value.guesses.begin(), value.guesses.end());
    m_pending.push_back({value.position, value.guesses, UnknownReading::left_out});
  }

  // A list (or a lone value) without the items that are not known: an unknown lone value
  // becomes an empty list.
  Reduced known_list(const StaticValue& value) {
    if (value.kind != Kind::list) {
      if (!not_known(value)) {
        note_globs(value);
        return {value, true, false};
      }
      left_out(value);
      StaticValue empty = emptied(value);
      empty.kind = Kind::list;
      empty.guesses.clear();
      return {std::move(empty), false, true};
    }
    Reduced out{emptied(value), false, false};
    for (const auto& item : value.items) {
      if (not_known(item)) {
        left_out(item);
        out.any_unknown = true;
        continue;
      }
      note_globs(item);
      out.value.items.push_back(item);
      out.any_known = true;
    }
    return out;
  }

  // Condition: operator -> key -> values. An operator or key not known is left out with its
  // values; a value not known is left out of its list.
  std::optional<StaticValue> known_conditions(const StaticValue& value) {
    if (value.kind != Kind::object) {
      if (!not_known(value)) return value;  // the parser says what is wrong with it
      left_out(value);
      return std::nullopt;
    }
    StaticValue out = emptied(value);
    left_out_own(value);
    for (const auto& [op, keys] : value.fields) {
      if (keys.kind != Kind::object) {
        if (not_known(keys))
          left_out(keys);
        else
          out.fields.emplace_back(op, keys);
        continue;
      }
      StaticValue known_keys = emptied(keys);
      left_out_own(keys);
      for (const auto& [key, values] : keys.fields) {
        // A key known in part (`${var.issuer}:sub`) carries its guesses on its values.
        if (values.guessed())
          m_pending.push_back({values.position, values.guesses, UnknownReading::glob});
        known_keys.fields.emplace_back(key, known_list(values).value);
      }
      out.fields.emplace_back(op, std::move(known_keys));
    }
    return out;
  }

  std::vector<UnknownPlace>& m_places;
  std::vector<UnknownPlace> m_pending;  // of the statement being read
  std::vector<std::string> m_left;      // guesses of the values left out of it
};

}  // namespace

std::optional<StaticValue> known_statement(const StaticValue& statement,
                                           std::vector<UnknownPlace>& places) {
  return StatementReader(places).read(statement);
}

}  // namespace blastgraph::analyzer::iam_terraform
