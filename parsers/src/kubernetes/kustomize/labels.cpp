// commonLabels, labels and commonAnnotations, into the places kustomize's field specs name:
// metadata everywhere; selectors and pod templates where the label must select the pods.

#include <array>

#include "kubernetes/kustomize/build.hpp"

namespace blastgraph::kubernetes::kustomize {
namespace {

enum class Create { yes, only_existing };

void add_pairs(Tree& root, std::initializer_list<std::string_view> path, const Tree& pairs,
               Create create) {
  Tree* node = &root;
  for (std::string_view key : path) {
    Tree* next = node->find(key);
    if (next == nullptr) {
      if (create == Create::only_existing || !node->is_mapping()) return;
      next = &node->ensure(key);
    }
    node = next;
  }
  if (node->is_null()) *node = Tree::mapping(node->position);
  if (!node->is_mapping()) return;
  for (const auto& [key, value] : pairs.entries) node->set(key, Tree::string(value.text, value.position));
}

constexpr std::array<std::string_view, 5> k_template_kinds{"Deployment", "ReplicaSet", "DaemonSet",
                                                           "StatefulSet", "Job"};

bool has_template(std::string_view kind) {
  for (std::string_view k : k_template_kinds) {
    if (k == kind) return true;
  }
  return kind == "ReplicationController";
}

void add_to_templates(Resource& r, const Tree& pairs, std::string_view field) {
  if (has_template(r.kind())) add_pairs(r.doc, {"spec", "template", "metadata", field}, pairs, Create::yes);
  if (r.kind() == "CronJob") {
    add_pairs(r.doc, {"spec", "jobTemplate", "metadata", field}, pairs, Create::yes);
    add_pairs(r.doc, {"spec", "jobTemplate", "spec", "template", "metadata", field}, pairs,
              Create::yes);
  }
}

void add_to_selectors(Resource& r, const Tree& pairs) {
  const std::string_view kind = r.kind();
  if (kind == "Service" || kind == "ReplicationController") {
    add_pairs(r.doc, {"spec", "selector"}, pairs, Create::yes);
  } else if (kind == "Deployment" || kind == "ReplicaSet" || kind == "DaemonSet" ||
             kind == "StatefulSet") {
    add_pairs(r.doc, {"spec", "selector", "matchLabels"}, pairs, Create::yes);
  } else if (kind == "PodDisruptionBudget" || kind == "Job") {
    add_pairs(r.doc, {"spec", "selector", "matchLabels"}, pairs, Create::only_existing);
  } else if (kind == "NetworkPolicy") {
    add_pairs(r.doc, {"spec", "podSelector", "matchLabels"}, pairs, Create::only_existing);
  }
}

void apply_label_set(std::vector<Resource>& rs, const Tree& pairs, bool selectors, bool templates) {
  if (!pairs.is_mapping() || pairs.entries.empty()) return;
  for (Resource& r : rs) {
    add_pairs(r.doc, {"metadata", "labels"}, pairs, Create::yes);
    if (selectors) add_to_selectors(r, pairs);
    if (templates) add_to_templates(r, pairs, "labels");
  }
}

bool is_true(const Tree* flag) { return flag != nullptr && flag->text == "true"; }

}  // namespace

void apply_labels(const Tree& k, std::vector<Resource>& rs) {
  if (const Tree* common = k.find("commonLabels")) apply_label_set(rs, *common, true, true);
  const Tree* sets = k.find("labels");
  for (std::size_t i = 0; sets != nullptr && i < sets->items.size(); ++i) {
    const Tree& set = sets->items[i];
    const Tree* pairs = set.find("pairs");
    if (pairs == nullptr) continue;
    const bool selectors = is_true(set.find("includeSelectors"));
    // includeSelectors implies the templates: the selector must still pick the pods.
    apply_label_set(rs, *pairs, selectors, selectors || is_true(set.find("includeTemplates")));
  }
}

void apply_annotations(const Tree& k, std::vector<Resource>& rs) {
  const Tree* common = k.find("commonAnnotations");
  if (common == nullptr || !common->is_mapping()) return;
  for (Resource& r : rs) {
    add_pairs(r.doc, {"metadata", "annotations"}, *common, Create::yes);
    add_to_templates(r, *common, "annotations");
  }
}

}  // namespace blastgraph::kubernetes::kustomize
