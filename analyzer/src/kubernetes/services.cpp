#include "kubernetes/services.hpp"

#include <cctype>
#include <map>
#include <set>
#include <tuple>

namespace blastgraph::analyzer::k8s_link {
namespace {

// "reviews-v2" -> "reviews"; "api-v10" -> "api"; "v2" stays.
std::string drop_version(std::string name) {
  const auto dash = name.rfind("-v");
  if (dash == std::string::npos || dash == 0 || dash + 2 >= name.size()) return name;
  for (std::size_t i = dash + 2; i < name.size(); ++i) {
    if (std::isdigit(static_cast<unsigned char>(name[i])) == 0) return name;
  }
  return name.substr(0, dash);
}

std::string first_label(const kubernetes::Labels& labels, const std::vector<std::string>& keys) {
  for (const auto& key : keys) {
    const auto it = labels.find(key);
    if (it != labels.end() && !it->second.empty()) return it->second;
  }
  return {};
}

// Where an object's names are written: its labels, its pod template's, a Service's selector.
std::vector<const kubernetes::Labels*> label_sources(const kubernetes::Object& object) {
  std::vector<const kubernetes::Labels*> out{&object.labels, &object.pod_template_labels};
  if (object.service_selector) out.push_back(&*object.service_selector);
  return out;
}

struct Named {
  std::string name;       // from labels, version dropped; "" when none names it
  std::string component;  // from the same labels
  std::string application;
};

Named read_names(const kubernetes::Object& object, const ServiceLabels& labels) {
  Named out;
  for (const auto* source : label_sources(object)) {
    if (out.name.empty()) {
      if (auto name = first_label(*source, labels.service); !name.empty()) {
        out.name = drop_version(std::move(name));
        out.component = first_label(*source, labels.component);
      }
    }
    if (out.application.empty()) out.application = first_label(*source, labels.application);
  }
  return out;
}

using NameKey = std::tuple<std::string, std::string, std::string>;  // scope, namespace, name

}  // namespace

std::vector<ObjectService> name_services(const std::vector<ObjectServiceInput>& objects,
                                         const ServiceLabels& labels) {
  std::vector<Named> named;
  named.reserve(objects.size());
  std::map<NameKey, std::set<std::string>> components;  // of the workloads of each name
  for (const auto& input : objects) {
    named.push_back(read_names(*input.object, labels));
    const auto& n = named.back();
    if (input.object->has_pod_template && !n.name.empty()) {
      components[{input.scope, input.ns, n.name}].insert(n.component);
    }
  }
  std::vector<ObjectService> out;
  out.reserve(objects.size());
  for (std::size_t i = 0; i < objects.size(); ++i) {
    const auto& object = *objects[i].object;
    auto& n = named[i];
    ObjectService result{std::move(n.name), std::move(n.application)};
    if (result.service.empty()) {
      if (object.has_pod_template) result.service = drop_version(object.name);
    } else if (!n.component.empty()) {
      const auto it = components.find({objects[i].scope, objects[i].ns, result.service});
      // Workloads of one name that differ by component (none counts as one) are several.
      if (it != components.end() && it->second.size() >= 2) result.service += "-" + n.component;
    }
    out.push_back(std::move(result));
  }
  return out;
}

}  // namespace blastgraph::analyzer::k8s_link
