#include "iam/reader.hpp"

namespace blastgraph::iam::detail {
namespace {

// What one statement object says, before the checks that decide whether it is kept.
struct StatementDraft {
  Statement statement;
  bool has_effect = false;
  bool effect_valid = true;
  bool elements_valid = true;  // false once an element's value could not be read
  const json::Member* action = nullptr;
  const json::Member* not_action = nullptr;
  const json::Member* resource = nullptr;
  const json::Member* not_resource = nullptr;
  const json::Member* principal = nullptr;
  const json::Member* not_principal = nullptr;
};

void read_effect(const json::Member& member, StatementDraft& draft, ReadContext& context) {
  draft.has_effect = true;
  // AWS spells these exactly; "allow" is rejected by IAM, so it is not guessed here either.
  if (member.value.is_string() && member.value.text == "Allow") {
    draft.statement.effect = Effect::allow;
  } else if (member.value.is_string() && member.value.text == "Deny") {
    draft.statement.effect = Effect::deny;
  } else {
    draft.effect_valid = false;
    const std::string shown =
        member.value.is_string() ? "'" + member.value.text + "'" : "a non-string";
    context.report(member.value.position, Severity::error, "iam-bad-effect",
                   "Effect is " + shown + "; it must be \"Allow\" or \"Deny\"");
  }
}

void read_sid(const json::Member& member, StatementDraft& draft, ReadContext& context) {
  if (member.value.is_string()) {
    draft.statement.sid = member.value.text;
  } else {
    context.report(member.value.position, Severity::error, "iam-bad-value", "Sid must be a string");
  }
}

// Remembers where each of the paired elements was written; a repeated key is reported and
// the later one wins, as a JSON reader would have it.
void note_element(const json::Member*& slot, const json::Member& member, ReadContext& context) {
  if (slot != nullptr) {
    context.report(member.key_position, Severity::warning, "iam-duplicate-element",
                   member.key + " is written twice in this statement; the last one is used");
  }
  slot = &member;
}

bool read_member(const json::Member& member, StatementDraft& draft, ReadContext& context) {
  const std::string& key = member.key;
  if (key == "Sid") {
    read_sid(member, draft, context);
  } else if (key == "Effect") {
    read_effect(member, draft, context);
  } else if (key == "Action") {
    note_element(draft.action, member, context);
  } else if (key == "NotAction") {
    note_element(draft.not_action, member, context);
  } else if (key == "Resource") {
    note_element(draft.resource, member, context);
  } else if (key == "NotResource") {
    note_element(draft.not_resource, member, context);
  } else if (key == "Principal") {
    note_element(draft.principal, member, context);
  } else if (key == "NotPrincipal") {
    note_element(draft.not_principal, member, context);
  } else if (key == "Condition") {
    std::optional<std::vector<Condition>> conditions = read_conditions(member.value, context);
    draft.elements_valid = draft.elements_valid && conditions.has_value();
    if (conditions) draft.statement.conditions = std::move(*conditions);
  } else {
    return false;
  }
  return true;
}

// A pair such as Action/NotAction: both written is an error that drops the statement.
bool read_pair(const json::Member* listed, const json::Member* all_except, const char* code,
               ReadContext& context) {
  if (listed == nullptr || all_except == nullptr) return true;
  const json::Member& later =
      listed->key_position < all_except->key_position ? *all_except : *listed;
  context.report(later.key_position, Severity::error, code,
                 "a statement cannot have both " + listed->key + " and " + all_except->key);
  return false;
}

ListMode mode_of(const json::Member* listed) {
  return listed != nullptr ? ListMode::listed : ListMode::all_except;
}

// NOTE: a statement with an unreadable element is dropped rather than read without it: a
// Deny without its Condition or a NotAction without its list would mean something else.
bool read_paired_elements(StatementDraft& draft, ReadContext& context) {
  const bool valid =
      read_pair(draft.action, draft.not_action, "iam-action-and-notaction", context) &&
      read_pair(draft.resource, draft.not_resource, "iam-resource-and-notresource", context) &&
      read_pair(draft.principal, draft.not_principal, "iam-principal-and-notprincipal", context);
  if (!valid) return false;
  Statement& s = draft.statement;
  bool readable = true;
  if (const json::Member* m = draft.action ? draft.action : draft.not_action) {
    auto actions = read_pattern_list(m->value, mode_of(draft.action), m->key, context);
    readable = readable && actions.has_value();
    if (actions) s.actions = std::move(*actions);
    check_actions(m->value, context);
  }
  if (const json::Member* m = draft.resource ? draft.resource : draft.not_resource) {
    auto resources = read_pattern_list(m->value, mode_of(draft.resource), m->key, context);
    readable = readable && resources.has_value();
    if (resources) s.resources = std::move(*resources);
  }
  if (const json::Member* m = draft.principal ? draft.principal : draft.not_principal) {
    auto principals = read_principals(m->value, mode_of(draft.principal), context);
    readable = readable && principals.has_value();
    if (principals) s.principals = std::move(*principals);
  }
  return readable;
}

}  // namespace

std::optional<Statement> read_statement(const json::Node& node, ReadContext& context) {
  if (!node.is_object()) {
    context.report(node.position, Severity::error, "iam-bad-value",
                   "a statement must be an object");
    return std::nullopt;
  }
  StatementDraft draft;
  draft.statement.position = node.position;
  for (const json::Member& member : node.members) {
    if (!read_member(member, draft, context)) {
      context.report(member.key_position, Severity::error, "iam-unknown-element",
                     "unknown statement element '" + member.key + "'");
    }
  }
  // Every problem is reported before the statement is dropped, so one round of fixes does.
  const bool elements_read = read_paired_elements(draft, context) && draft.elements_valid;
  if (!draft.has_effect) {
    context.report(node.position, Severity::error, "iam-missing-effect",
                   "statement has no Effect; it is ignored");
  }
  const bool has_action = draft.action != nullptr || draft.not_action != nullptr;
  if (!has_action) {
    context.report(node.position, Severity::error, "iam-missing-action",
                   "statement has neither Action nor NotAction; it is ignored");
  }
  if (!elements_read || !draft.has_effect || !draft.effect_valid || !has_action) {
    return std::nullopt;
  }
  return std::move(draft.statement);
}

}  // namespace blastgraph::iam::detail
