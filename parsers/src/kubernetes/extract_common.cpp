// Readers shared by every kind: references, string maps, label selectors, metadata.

#include <algorithm>

#include "kubernetes/extract.hpp"

namespace blastgraph::kubernetes {
namespace detail {

void Extraction::add_ref(std::string_view kind, yaml::Node name, RefVia via, std::string path,
                         yaml::Node namespace_node, bool optional) {
  std::string text = text_of(name);
  if (text.empty() || kind.empty()) return;
  m_object.references.push_back(ObjectRef{std::string(kind), text_of(namespace_node),
                                          std::move(text), via, std::move(path), name.position(),
                                          optional, false});
}

void Extraction::add_implicit_ref(std::string_view kind, std::string_view name, RefVia via,
                                  std::string path, SourcePosition position) {
  m_object.references.push_back(ObjectRef{
      std::string(kind), {}, std::string(name), via, std::move(path), position, false, true});
}

void Extraction::add_address(yaml::Node value, std::string key, std::string path,
                             AddressSite::Via via) {
  if (!value.is_text()) return;
  add_address_text(std::string(value.scalar()), std::move(key), std::move(path), value.position(),
                   via);
}

void Extraction::add_address_text(std::string value, std::string key, std::string path,
                                  SourcePosition position, AddressSite::Via via) {
  m_object.addresses.push_back(
      AddressSite{std::move(value), std::move(key), std::move(path), position, via});
}

void Extraction::warn(yaml::Node at, std::string code, std::string message) {
  m_diagnostics.push_back(Diagnostic{std::string(m_file), at.position(), Severity::warning,
                                     std::move(code), std::move(message)});
}

std::string text_of(yaml::Node node) {
  return node.is_text() ? std::string(node.scalar()) : std::string();
}

Labels read_string_map(yaml::Node node) {
  Labels out;
  for (std::size_t i = 0; i < node.size() && node.is_mapping(); ++i) {
    yaml::Node key = node.key(i);
    yaml::Node value = node.value(i);
    // A null label value is the empty string, as the API server reads it.
    if (key.is_text() && value.is_scalar()) out[std::string(key.scalar())] = text_of(value);
  }
  return out;
}

namespace {

std::optional<SelectorOperator> to_operator(std::string_view text) {
  if (text == "In") return SelectorOperator::in;
  if (text == "NotIn") return SelectorOperator::not_in;
  if (text == "Exists") return SelectorOperator::exists;
  if (text == "DoesNotExist") return SelectorOperator::does_not_exist;
  return std::nullopt;
}

}  // namespace

LabelSelector read_label_selector(Extraction& x, yaml::Node node) {
  LabelSelector selector;
  selector.match_labels = read_string_map(node.find("matchLabels"));
  yaml::Node expressions = node.find("matchExpressions");
  for (std::size_t i = 0; i < expressions.size() && expressions.is_sequence(); ++i) {
    yaml::Node item = expressions.item(i);
    yaml::Node op = item.find("operator");
    std::optional<SelectorOperator> parsed = to_operator(op.scalar());
    if (!parsed || !item.find("key").is_text()) {
      x.warn(op ? op : item, "k8s-selector",
             "label selector requirement without a key or with an unknown operator '" +
                 text_of(op) + "' is ignored");
      continue;
    }
    LabelRequirement requirement{text_of(item.find("key")), *parsed, {}};
    yaml::Node values = item.find("values");
    for (std::size_t v = 0; v < values.size() && values.is_sequence(); ++v) {
      if (values.item(v).is_scalar()) requirement.values.push_back(text_of(values.item(v)));
    }
    selector.match_expressions.push_back(std::move(requirement));
  }
  return selector;
}

std::string item_label(yaml::Node item, std::size_t index, std::string_view key) {
  std::string name = text_of(item.find(key));
  return "[" + (name.empty() ? std::to_string(index) : name) + "]";
}

bool is_optional(yaml::Node holder) {
  return holder.find("optional").as_bool().value_or(false);
}

void extract_metadata(Extraction& x, yaml::Node root) {
  Object& object = x.object();
  yaml::Node metadata = root.find("metadata");
  object.name = text_of(metadata.find("name"));
  if (object.name.empty()) object.name = text_of(metadata.find("generateName"));
  object.namespace_name = text_of(metadata.find("namespace"));
  object.labels = read_string_map(metadata.find("labels"));
  yaml::Node annotations = metadata.find("annotations");
  object.annotations = read_string_map(annotations);
  for (std::size_t i = 0; i < annotations.size() && annotations.is_mapping(); ++i) {
    yaml::Node key = annotations.key(i);
    if (key.is_text()) object.annotation_positions[std::string(key.scalar())] = key.position();
  }
  yaml::Node owners = metadata.find("ownerReferences");
  for (std::size_t i = 0; i < owners.size() && owners.is_sequence(); ++i) {
    yaml::Node owner = owners.item(i);
    OwnerReference reference{text_of(owner.find("apiVersion")), text_of(owner.find("kind")),
                             text_of(owner.find("name")),
                             owner.find("controller").as_bool().value_or(false)};
    if (reference.kind.empty() || reference.name.empty()) continue;
    x.add_ref(reference.kind, owner.find("name"), RefVia::owner_reference,
              "metadata.ownerReferences" + item_label(owner, i));
    object.owner_references.push_back(std::move(reference));
  }
}

}  // namespace detail

bool matches(const LabelSelector& selector, const Labels& labels) {
  for (const auto& [key, value] : selector.match_labels) {
    auto found = labels.find(key);
    if (found == labels.end() || found->second != value) return false;
  }
  for (const LabelRequirement& r : selector.match_expressions) {
    auto found = labels.find(r.key);
    bool listed = found != labels.end() &&
                  std::find(r.values.begin(), r.values.end(), found->second) != r.values.end();
    switch (r.op) {
      case SelectorOperator::in:
        if (!listed) return false;
        break;
      case SelectorOperator::not_in:
        if (listed) return false;
        break;
      case SelectorOperator::exists:
        if (found == labels.end()) return false;
        break;
      case SelectorOperator::does_not_exist:
        if (found != labels.end()) return false;
        break;
    }
  }
  return true;
}

}  // namespace blastgraph::kubernetes
