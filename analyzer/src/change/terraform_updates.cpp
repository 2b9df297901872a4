#include "change/terraform_updates.hpp"

#include <algorithm>
#include <filesystem>
#include <map>

#include "blastgraph/core/file_io.hpp"
#include "change/instance_keys.hpp"
#include "change/node_content.hpp"
#include "change/replacement.hpp"
#include "change/text.hpp"
#include "terraform/module_tree.hpp"

namespace blastgraph::analyzer::opt_in {
namespace {

bool inert(const terraform::Value& value, const Defaults& defaults) {
  return evaluate(value.expression, defaults).inert();
}

// `now` is `old` with `&& var.x` (x true by default) or `|| var.x` (false) inserted anywhere:
// the same condition at the defaults.
bool extended_condition(const std::string& old, const std::string& now, const Defaults& defaults) {
  if (now.size() <= old.size()) return false;
  std::size_t prefix = 0;
  while (prefix < old.size() && old[prefix] == now[prefix]) ++prefix;
  std::size_t suffix = 0;
  while (suffix < old.size() - prefix &&
         old[old.size() - 1 - suffix] == now[now.size() - 1 - suffix]) {
    ++suffix;
  }
  if (prefix + suffix != old.size()) return false;  // not a pure insertion
  const auto added = content::fold_whitespace(now.substr(prefix, now.size() - prefix - suffix));
  if (added.size() < 3) return false;
  const bool before = added.ends_with("&&") || added.ends_with("||");
  const auto op = before ? added.substr(added.size() - 2) : added.substr(0, 2);
  if (op != "&&" && op != "||") return false;
  const auto operand =
      content::fold_whitespace(before ? added.substr(0, added.size() - 2) : added.substr(2));
  const auto worth = evaluate(operand, defaults);
  return worth.kind == Worth::Kind::boolean && (worth.text == "true") == (op == "&&");
}

bool same_attribute(const terraform::Value* old, const terraform::Value* now,
                    const Defaults& defaults) {
  if (old == nullptr) return now == nullptr || inert(*now, defaults);
  if (now == nullptr) return inert(*old, defaults);
  const auto a = content::fold_whitespace(old->expression);
  const auto b = content::fold_whitespace(now->expression);
  if (a == b) return true;
  // A literal replaced by an input that defaults to it (never one input by another: a
  // caller that set the old one loses it).
  if (a.find("var.") == std::string::npos) {
    const auto before = evaluate(a, defaults);
    if (before.scalar() && before == evaluate(b, defaults)) return true;
  }
  return extended_condition(a, b, defaults);
}

bool same_attributes(const std::map<std::string, terraform::Value>& old,
                     const std::map<std::string, terraform::Value>& now, const Defaults& defaults) {
  std::vector<std::string> names;
  for (const auto& [name, value] : old) names.push_back(name);
  for (const auto& [name, value] : now) names.push_back(name);
  return std::all_of(names.begin(), names.end(), [&](const std::string& name) {
    const auto a = old.find(name);
    const auto b = now.find(name);
    return same_attribute(a == old.end() ? nullptr : &a->second,
                          b == now.end() ? nullptr : &b->second, defaults);
  });
}

bool empty_dynamic(const terraform::NestedBlock& block, const Defaults& defaults) {
  if (block.type != "dynamic") return false;
  const auto for_each = block.attributes.find("for_each");
  return for_each != block.attributes.end() && inert(for_each->second, defaults);
}

bool same_blocks(const std::vector<terraform::NestedBlock>& old,
                 const std::vector<terraform::NestedBlock>& now, const Defaults& defaults);

bool same_block(const terraform::NestedBlock& old, const terraform::NestedBlock& now,
                const Defaults& defaults) {
  return old.type == now.type && old.labels == now.labels &&
         same_attributes(old.attributes, now.attributes, defaults) &&
         same_blocks(old.blocks, now.blocks, defaults);
}

// Pairs the blocks in order; a dynamic block that is empty at the defaults may be added.
bool same_blocks(const std::vector<terraform::NestedBlock>& old,
                 const std::vector<terraform::NestedBlock>& now, const Defaults& defaults) {
  std::vector<const terraform::NestedBlock*> kept;
  for (const auto& block : now) {
    if (!empty_dynamic(block, defaults)) kept.push_back(&block);
  }
  std::vector<const terraform::NestedBlock*> before;
  for (const auto& block : old) {
    if (!empty_dynamic(block, defaults)) before.push_back(&block);
  }
  if (kept.size() != before.size()) return false;
  for (std::size_t i = 0; i < kept.size(); ++i) {
    if (!same_block(*before[i], *kept[i], defaults)) return false;
  }
  return true;
}

// Parsed files of one revision, read once.
class Files {
 public:
  Files(const std::filesystem::path& root, std::size_t max_bytes)
      : m_root(root), m_max(max_bytes) {}

  const terraform::File& file(const std::string& path) {
    auto [it, inserted] = m_files.try_emplace(path);
    if (inserted) {
      auto text = read_file(m_root / path, m_max);
      it->second = terraform::parse_file(path, text ? *text : std::string());
    }
    return it->second;
  }

  // The block declared at `line` of `path` whose address ends `id`.
  const terraform::Block* block(const std::string& path, std::uint32_t line,
                                const std::string& id) {
    for (const auto& block : file(path).blocks) {
      if (block.span.first_line == line && id.ends_with(block.address)) return &block;
    }
    return nullptr;
  }

  // The defaults of the variables declared in `dir`.
  const Defaults& defaults(const std::string& dir) {
    auto [it, inserted] = m_defaults.try_emplace(dir);
    if (!inserted) return it->second;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(m_root / dir, ec)) {
      const auto name = entry.path().filename().string();
      if (!name.ends_with(".tf")) continue;
      for (const auto& block : file(dir == "." ? name : dir + "/" + name).blocks) {
        if (block.kind != terraform::BlockKind::variable) continue;
        const auto found = block.attributes.find("default");
        it->second[block.name] = found == block.attributes.end()
                                     ? std::nullopt
                                     : std::optional(found->second.expression);
      }
    }
    return it->second;
  }

 private:
  std::filesystem::path m_root;
  std::size_t m_max;
  std::map<std::string, terraform::File> m_files;
  std::map<std::string, Defaults> m_defaults;
};

// A variable whose default differs: every caller that does not set it gets the new value.
bool default_changed(const terraform::Block& base, const terraform::Block& head) {
  if (head.kind != terraform::BlockKind::variable || base.kind != head.kind) return false;
  const auto a = base.attributes.find("default");
  const auto b = head.attributes.find("default");
  if (a == base.attributes.end() || b == head.attributes.end()) return a != b;
  return content::fold_whitespace(a->second.expression) !=
         content::fold_whitespace(b->second.expression);
}

std::string keys_text(const std::vector<std::string>& keys) {
  std::string out;
  for (const auto& key : keys) out += (out.empty() ? "" : ", ") + ("[\"" + key + "\"]");
  return out;
}

// "instances created: ["b"]; instances destroyed: ["c"]; the others are unchanged".
std::string instances_detail(const instances::InstanceChange& keys) {
  std::string out;
  if (!keys.added.empty()) out += "instances created: " + keys_text(keys.added);
  if (!keys.removed.empty()) {
    out += std::string(out.empty() ? "" : "; ") + "instances destroyed: " + keys_text(keys.removed);
  }
  return out + "; the others are unchanged";
}

}  // namespace

bool inert_update(const terraform::Block& base, const terraform::Block& head,
                  const Defaults& defaults) {
  return base.kind == head.kind && same_attributes(base.attributes, head.attributes, defaults) &&
         same_blocks(base.blocks, head.blocks, defaults);
}

bool inert_create(const terraform::Block& head, const Defaults& defaults) {
  if (head.kind == terraform::BlockKind::variable) return head.attributes.contains("default");
  for (const auto* meta : {"count", "for_each"}) {
    const auto found = head.attributes.find(meta);
    if (found != head.attributes.end() && inert(found->second, defaults)) return true;
  }
  return false;
}

void read_terraform_updates(const Workspace& base, const Workspace& head,
                            std::size_t max_file_bytes, ChangeFindings& found) {
  Files base_files(base.root, max_file_bytes);
  Files head_files(head.root, max_file_bytes);
  enum class Verdict { none, opt_in, default_changed, instances, replace };
  struct Found {
    Verdict verdict = Verdict::none;
    std::optional<instances::InstanceChange> instances;
    std::vector<std::string> replacing;  // arguments that force replacement
    std::vector<std::string> network;    // changed network arguments (replacement.hpp)
  };
  std::map<std::string, Found> verdicts;  // per declaration: every instance shares it
  for (auto& change : found.changes) {
    if (change.governed_only || !change.detail.empty()) continue;  // moves, settings, ...
    if (change.action != ChangeAction::update && change.action != ChangeAction::create) continue;
    const auto index = head.graph.find(change.id);
    if (index == graph::k_no_node) continue;
    const auto& node = head.graph.node(index);
    if (node.domain != graph::Domain::terraform || node.span.file.empty()) continue;
    std::string key = node.span.file + ":" + std::to_string(node.span.first_line);
    const graph::Node* old = nullptr;
    if (change.action == ChangeAction::update) {
      const auto before = base.graph.find(change.id);
      if (before == graph::k_no_node) continue;
      old = &base.graph.node(before);
      key += "<" + old->span.file + ":" + std::to_string(old->span.first_line);
    }
    auto [it, inserted] = verdicts.try_emplace(key);
    if (inserted) {
      const auto& defaults = head_files.defaults(terraform_link::parent_dir(node.span.file));
      const auto* now = head_files.block(node.span.file, node.span.first_line, change.id);
      const auto* then = old == nullptr
                             ? nullptr
                             : base_files.block(old->span.file, old->span.first_line, change.id);
      auto& found_verdict = it->second;
      if (now != nullptr && old == nullptr) {
        if (inert_create(*now, defaults)) found_verdict.verdict = Verdict::opt_in;
      } else if (now != nullptr && then != nullptr) {
        if (default_changed(*then, *now)) {
          found_verdict.verdict = Verdict::default_changed;
        } else if (auto keys = instances::instance_change(*then, *now)) {
          found_verdict = {Verdict::instances, std::move(keys), {}, {}};
        } else if (inert_update(*then, *now, defaults)) {
          found_verdict.verdict = Verdict::opt_in;
        } else if (auto replacing = replacement::replacing_paths(*then, *now); !replacing.empty()) {
          found_verdict.verdict = Verdict::replace;
          found_verdict.replacing = std::move(replacing);
        }
        if (found_verdict.verdict == Verdict::none || found_verdict.verdict == Verdict::replace) {
          found_verdict.network = replacement::network_paths(*then, *now);
        }
      }
    }
    const auto& verdict = it->second;
    if (verdict.verdict == Verdict::default_changed) {
      change.default_changed = true;
      change.detail = "input default changed";
    } else if (verdict.verdict == Verdict::opt_in) {
      change.opt_in = true;
      change.detail = "opt-in: nothing changes at the module's defaults";
    } else if (verdict.verdict == Verdict::instances) {
      // Terraform creates the new instances and destroys the removed ones; the rest stay.
      const auto& keys = *verdict.instances;
      change.action = keys.removed.empty() ? ChangeAction::create : ChangeAction::destroy;
      change.detail = instances_detail(keys);
    } else if (verdict.verdict == Verdict::replace) {
      change.action = ChangeAction::replace;
      change.detail = "replace: " + text::join(verdict.replacing) + " forces replacement";
    }
    if (!verdict.network.empty()) {
      change.network_arguments = true;
      change.detail += (change.detail.empty() ? "" : "; ") + std::string("network arguments: ") +
                       text::join(verdict.network);
    }
  }
}

}  // namespace blastgraph::analyzer::opt_in
