#include "terraform/static_functions.hpp"

#include <algorithm>
#include <cctype>

namespace blastgraph::analyzer::terraform_link {

StaticValue string_value(std::string text, SourcePosition position) {
  StaticValue v;
  v.kind = StaticValue::Kind::string;
  v.text = std::move(text);
  v.position = position;
  return v;
}

namespace {

using Kind = StaticValue::Kind;

StaticValue unknown_call(const std::string& name, SourcePosition position) {
  StaticValue v;
  v.position = position;
  v.guesses.push_back(name + "(...)");
  return v;
}

void absorb(StaticValue& into, const StaticValue& from) {
  into.guesses.insert(into.guesses.end(), from.guesses.begin(), from.guesses.end());
}

// The string form of `arg`, or `*` with its guess recorded in `out`.
std::string piece_of(const StaticValue& arg, StaticValue& out, const std::string& what) {
  absorb(out, arg);
  if (auto text = string_form(arg)) return *text;
  if (arg.guesses.empty()) out.guesses.push_back(what);
  return "*";
}

// format("%s-%d", a, b): verbs take the next argument; `%%` is a percent sign.
StaticValue format_value(const std::vector<StaticValue>& args, SourcePosition position) {
  if (args.empty() || args[0].kind != Kind::string || args[0].guessed()) {
    return unknown_call("format", position);
  }
  StaticValue out = string_value({}, position);
  const std::string& spec = args[0].text;
  std::size_t next = 1;
  for (std::size_t i = 0; i < spec.size(); ++i) {
    if (spec[i] != '%') {
      out.text += spec[i];
      continue;
    }
    if (i + 1 < spec.size() && spec[i + 1] == '%') {
      out.text += '%';
      ++i;
      continue;
    }
    while (i + 1 < spec.size() && std::isalpha(static_cast<unsigned char>(spec[i + 1])) == 0) ++i;
    ++i;  // the verb
    if (next < args.size()) {
      out.text += piece_of(args[next++], out, "format argument");
    } else {
      out.text += '*';
      out.guesses.push_back("format argument");
    }
  }
  return out;
}

StaticValue join_value(const std::vector<StaticValue>& args, SourcePosition position) {
  if (args.size() < 2 || !string_form(args[0]) || args[0].guessed()) {
    return unknown_call("join", position);
  }
  StaticValue out = string_value({}, position);
  bool first = true;
  for (std::size_t i = 1; i < args.size(); ++i) {
    if (args[i].kind != Kind::list) {
      if (!first) out.text += args[0].text;
      out.text += '*';
      absorb(out, args[i]);
      if (args[i].guesses.empty()) out.guesses.push_back("join list");
      first = false;
      continue;
    }
    absorb(out, args[i]);
    for (const auto& item : args[i].items) {
      if (!first) out.text += args[0].text;
      out.text += piece_of(item, out, "join item");
      first = false;
    }
  }
  return out;
}

StaticValue concat_value(const std::vector<StaticValue>& args, SourcePosition position) {
  StaticValue out;
  out.kind = Kind::list;
  out.position = position;
  for (const auto& arg : args) {
    if (arg.kind == Kind::list) {
      out.items.insert(out.items.end(), arg.items.begin(), arg.items.end());
      absorb(out, arg);
    } else {
      out.items.push_back(arg);  // an unknown list: one unknown element stands for it
    }
  }
  return out;
}

StaticValue change_case(const std::vector<StaticValue>& args, SourcePosition position, bool upper) {
  if (args.size() != 1 || !string_form(args[0])) return unknown_call(upper ? "upper" : "lower", position);
  StaticValue out = args[0];
  out.kind = Kind::string;
  out.text = *string_form(args[0]);
  out.position = position;
  out.node.clear();
  for (char& c : out.text) {
    c = static_cast<char>(upper ? std::toupper(static_cast<unsigned char>(c))
                                : std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

StaticValue replace_value(const std::vector<StaticValue>& args, SourcePosition position) {
  if (args.size() != 3) return unknown_call("replace", position);
  const auto text = string_form(args[0]);
  const auto from = string_form(args[1]);
  const auto to = string_form(args[2]);
  // A /regex/ is not evaluated: the result stays symbolic.
  const bool regex = from && from->size() >= 2 && from->front() == '/' && from->back() == '/';
  if (!text || !from || !to || regex || from->empty() || args[1].guessed() || args[2].guessed()) {
    return unknown_call("replace", position);
  }
  StaticValue out = string_value(*text, position);
  absorb(out, args[0]);
  for (auto at = out.text.find(*from); at != std::string::npos; at = out.text.find(*from, at + to->size())) {
    out.text.replace(at, from->size(), *to);
  }
  return out;
}

StaticValue lookup_value(const std::vector<StaticValue>& args, SourcePosition position) {
  if (args.size() < 2 || args[0].kind != Kind::object || args[1].guessed() || !string_form(args[1])) {
    return unknown_call("lookup", position);
  }
  const std::string key = *string_form(args[1]);
  for (const auto& [name, value] : args[0].fields) {
    if (name == key) return value;
  }
  // A map with unknown keys might hold it.
  if (args[0].guessed()) return unknown_call("lookup", position);
  if (args.size() >= 3) return args[2];
  return unknown_call("lookup", position);
}

StaticValue merge_value(const std::vector<StaticValue>& args, SourcePosition position) {
  StaticValue out;
  out.kind = Kind::object;
  out.position = position;
  for (const auto& arg : args) {
    absorb(out, arg);
    if (arg.kind != Kind::object) {
      if (arg.kind != Kind::null && arg.guesses.empty()) out.guesses.push_back("merge argument");
      continue;
    }
    for (const auto& [name, value] : arg.fields) {
      auto it = std::find_if(out.fields.begin(), out.fields.end(),
                             [&key = name](const auto& field) { return field.first == key; });
      if (it != out.fields.end()) {
        it->second = value;
      } else {
        out.fields.emplace_back(name, value);
      }
    }
  }
  return out;
}

StaticValue coalesce_value(const std::vector<StaticValue>& args, SourcePosition position) {
  for (const auto& arg : args) {
    if (arg.kind == Kind::unknown) return unknown_call("coalesce", position);
    if (arg.kind == Kind::null || (arg.kind == Kind::string && arg.text.empty())) continue;
    return arg;
  }
  return unknown_call("coalesce", position);
}

StaticValue to_set(std::vector<StaticValue> args, SourcePosition position) {
  if (args.size() != 1 || args[0].kind != Kind::list) return unknown_call("toset", position);
  StaticValue out = std::move(args[0]);
  const bool all_strings = std::all_of(out.items.begin(), out.items.end(), [](const auto& item) {
    return item.kind == Kind::string && !item.guessed();
  });
  if (all_strings) {  // Terraform orders a set of strings lexically and drops repeats
    std::stable_sort(out.items.begin(), out.items.end(),
                     [](const auto& a, const auto& b) { return a.text < b.text; });
    out.items.erase(std::unique(out.items.begin(), out.items.end(),
                                [](const auto& a, const auto& b) { return a.text == b.text; }),
                    out.items.end());
  }
  return out;
}

// try(a, fallback...): Terraform's first argument that evaluates without an error. The first
// one when it is known (partly known included); otherwise unknown, since it may be any
// fallback, null included, and what was guessed of it is kept for the note.
StaticValue try_value(const std::vector<StaticValue>& args, SourcePosition position) {
  if (args.empty()) return unknown_call("try", position);
  if (args[0].kind != Kind::unknown) return args[0];
  StaticValue out = unknown_call("try", position);
  if (args[0].guessed()) out.guesses = args[0].guesses;
  return out;
}

}  // namespace

StaticValue call_function(const std::string& name, std::vector<StaticValue> args,
                          SourcePosition position) {
  if (name == "format") return format_value(args, position);
  if (name == "join") return join_value(args, position);
  if (name == "concat") return concat_value(args, position);
  if (name == "lower" || name == "upper") return change_case(args, position, name == "upper");
  if (name == "replace") return replace_value(args, position);
  if (name == "lookup") return lookup_value(args, position);
  if (name == "merge") return merge_value(args, position);
  if (name == "coalesce") return coalesce_value(args, position);
  if (name == "toset") return to_set(std::move(args), position);
  if (name == "try") return try_value(args, position);
  if (name == "tostring" && args.size() == 1 && string_form(args[0])) {
    StaticValue out = string_value(*string_form(args[0]), position);
    absorb(out, args[0]);
    out.node = args[0].node;
    return out;
  }
  if (name == "tolist" && args.size() == 1 && args[0].kind == Kind::list) return args[0];
  if (name == "jsonencode" && args.size() == 1) {
    StaticValue out = string_value(to_json(args[0]), position);
    absorb(out, args[0]);
    return out;
  }
  return unknown_call(name, position);
}

std::optional<std::string> string_form(const StaticValue& value) {
  switch (value.kind) {
    case Kind::string:
    case Kind::number:
    case Kind::boolean: return value.text;
    default: return std::nullopt;
  }
}

std::string to_json(const StaticValue& value) {
  std::string out;
  auto quote = [&out](const std::string& text) {
    out += '"';
    for (char c : text) {
      if (c == '"' || c == '\\') {
        out += '\\';
        out += c;
      } else if (c == '\n') {
        out += "\\n";
      } else if (c == '\t') {
        out += "\\t";
      } else if (static_cast<unsigned char>(c) < 0x20) {
        out += ' ';
      } else {
        out += c;
      }
    }
    out += '"';
  };
  switch (value.kind) {
    case Kind::unknown: quote("*"); break;
    case Kind::null: out += "null"; break;
    case Kind::boolean:
    case Kind::number: out += value.text; break;
    case Kind::string: quote(value.text); break;
    case Kind::list:
      out += '[';
      for (std::size_t i = 0; i < value.items.size(); ++i) {
        if (i > 0) out += ',';
        out += to_json(value.items[i]);
      }
      out += ']';
      break;
    case Kind::object:
      out += '{';
      for (std::size_t i = 0; i < value.fields.size(); ++i) {
        if (i > 0) out += ',';
        quote(value.fields[i].first);
        out += ':';
        out += to_json(value.fields[i].second);
      }
      out += '}';
      break;
  }
  return out;
}

}  // namespace blastgraph::analyzer::terraform_link
