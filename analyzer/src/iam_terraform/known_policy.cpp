#include "iam_terraform/known_policy.hpp"

#include "iam_terraform/known_statement.hpp"

namespace blastgraph::analyzer::iam_terraform {
namespace {

using terraform_link::StaticValue;
using Kind = StaticValue::Kind;

// A guess as a note shows it: on one line, and short (a `for` may span a screen).
std::string shown(const std::string& guess) {
  constexpr std::size_t k_max_shown = 60;
  std::string out;
  for (char c : guess) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  if (out.size() > k_max_shown) out = out.substr(0, k_max_shown - 3) + "...";
  return out;
}

StaticValue emptied(const StaticValue& value) {
  StaticValue out = value;
  out.items.clear();
  out.fields.clear();
  return out;
}

}  // namespace

KnownPolicy known_policy(const StaticValue& root) {
  KnownPolicy out;
  out.root = emptied(root);
  if (root.guessed()) out.places.push_back({root.position, root.guesses, UnknownReading::left_out});
  for (const auto& [key, value] : root.fields) {
    if (value.kind == Kind::null) continue;
    if (key != "Statement") {
      note_globs(value, out.places);
      out.root.fields.emplace_back(key, value);
      continue;
    }
    StaticValue statements = emptied(value);
    statements.kind = Kind::list;
    auto read_one = [&](const StaticValue& item) {
      if (item.kind == Kind::object) {
        if (auto statement = known_statement(item, out.places))
          statements.items.push_back(std::move(*statement));
      } else if (not_known(item)) {
        out.places.push_back({item.position, guesses_of(item), UnknownReading::set_aside});
      } else {
        statements.items.push_back(item);  // the parser says what is wrong with it
      }
    };
    if (value.kind == Kind::list) {
      for (const auto& item : value.items) read_one(item);
    } else {
      read_one(value);
    }
    out.root.fields.emplace_back(key, std::move(statements));
  }
  return out;
}

std::string describe_unknown(const UnknownPlace& place) {
  std::string list;
  for (std::size_t i = 0; i < place.guesses.size() && i < 3; ++i) {
    list += (i > 0 ? ", `" : "`") + shown(place.guesses[i]) + "`";
  }
  if (place.guesses.size() > 3)
    list += " and " + std::to_string(place.guesses.size() - 3) + " more";
  switch (place.reading) {
    case UnknownReading::glob:
      return "policy value not known statically: " + list + " matched as `*`";
    case UnknownReading::left_out:
      if (place.guesses == std::vector<std::string>{"null"}) {
        return "policy value is null here: left out; nothing is matched against it";
      }
      return "policy value not known statically: " + list +
             " left out; nothing is matched against it";
    case UnknownReading::set_aside:
      return "policy statement not known statically (" + list +
             "): it is not read, so it gives no edges and no findings";
  }
  return {};
}

}  // namespace blastgraph::analyzer::iam_terraform
