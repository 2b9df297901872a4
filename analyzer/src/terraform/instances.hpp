#pragma once
// Module expansion: every root and every local module call becomes an Instance, as Terraform
// expands them (one per call, whatever count/for_each say).

#include <deque>
#include <map>
#include <string>
#include <vector>

#include "blastgraph/analyzer/workspace.hpp"
#include "terraform/manifest.hpp"
#include "terraform/module_tree.hpp"

namespace blastgraph::analyzer::terraform_link {

struct Instance {
  std::string root;                        // root dir: the id's prefix before ':'
  std::string prefix;                      // "" or "module.a." or "module.a.module.b."
  const ModuleDir* dir = nullptr;          // the module's configuration
  const Instance* parent = nullptr;        // nullptr for a root
  const terraform::Block* call = nullptr;  // the module block in parent that made this instance
  std::string top_module;                  // outermost module call name, "" for a root
  std::string key;                         // module path as modules.json keys it: "a.b"
  std::map<std::string, const Instance*> children;  // by module call name (local calls only)

  // The node id of `address` in this instance.
  [[nodiscard]] std::string id(const std::string& address) const {
    return root + ":" + prefix + address;
  }
};

// A remote module call left unexpanded, and why.
struct UnexpandedCall {
  const Instance* instance = nullptr;  // that holds the call
  const terraform::Block* call = nullptr;
  std::string reason;
};

// Owns every instance of every root. Stable addresses (deque).
struct InstanceForest {
  std::deque<Instance> instances;
  std::vector<const Instance*> roots;
  std::vector<UnexpandedCall> unexpanded;  // in expansion order
};

// Expands each root's local module calls recursively, and remote ones that `manifests` says
// were installed inside the scanned tree. Escaping or missing sources, cycles and the
// depth/instance bounds become diagnostics; those calls stay unexpanded. A remote call that
// was not installed is listed in `unexpanded` with the reason.
[[nodiscard]] InstanceForest expand_instances(const ModuleTree& tree,
                                              const ModuleManifests& manifests,
                                              const std::vector<std::string>& roots,
                                              const LoadOptions& options,
                                              std::vector<Diagnostic>& diagnostics);

}  // namespace blastgraph::analyzer::terraform_link
