// namePrefix / nameSuffix. References follow in fix_name_references, once at the top.

#include "kubernetes/kustomize/build.hpp"

namespace blastgraph::kubernetes::kustomize {

void apply_name_affixes(const Tree& k, std::vector<Resource>& rs) {
  const std::string prefix(k.text_at({"namePrefix"}));
  const std::string suffix(k.text_at({"nameSuffix"}));
  if (prefix.empty() && suffix.empty()) return;
  for (Resource& r : rs) {
    // A CRD's name must be <plural>.<group>: kustomize leaves it alone.
    if (r.kind() == "CustomResourceDefinition") continue;
    r.rename(prefix + std::string(r.name()) + suffix);
  }
}

}  // namespace blastgraph::kubernetes::kustomize
