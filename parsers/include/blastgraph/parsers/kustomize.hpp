#pragma once
// Kustomize, applied statically: a kustomization directory -> the objects `kustomize build`
// would give for it, read as manifests. Local paths only; remote bases (URLs,
// `github.com/...`) are reported and never fetched. Nothing is executed.
//
// Applied, in kustomize's order at each level: resources, bases and components (recursively,
// with cycle and depth protection), configMapGenerator / secretGenerator (literals, files,
// envs; behavior create, merge, replace), patchesStrategicMerge, patches (file or inline,
// strategic merge or JSON 6902, with target selectors), namespace, namePrefix / nameSuffix,
// labels / commonLabels, commonAnnotations, patchesJson6902, images; then, once at the top,
// the content-hash suffix of generated names and the name-reference fix-ups (a renamed
// ConfigMap, Secret, Service, ServiceAccount, PVC, Role... is renamed where it is referenced).

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "blastgraph/core/diagnostic.hpp"
#include "blastgraph/parsers/kubernetes.hpp"

namespace blastgraph::kubernetes {

// Reads a file of the scanned tree by its '/'-separated path relative to the root: its text,
// or nullopt when it is missing, unreadable or not a file.
using ReadFile = std::function<std::optional<std::string>(const std::string& path)>;

struct KustomizeBuild {
  std::string dir;  // the kustomization's directory, "." for the root
  // The rendered objects, grouped by the file where each (or its base document) is written;
  // generated ConfigMaps and Secrets by the kustomization that generates them. Object spans
  // and reference positions point into those files; a field a patch adds keeps the line it
  // has in the patch.
  std::vector<ManifestFile> files;
  // Every file the build read: kustomizations, resources, patches, generator sources. Sorted.
  std::vector<std::string> inputs;
  // The rendered stream as JSON documents separated by `---` (what `kustomize build` prints,
  // in JSON form and in resource order).
  std::string rendered;
  // k8s-kustomize-remote (a remote base, not fetched), k8s-kustomize-missing (a file or
  // directory that is not there), k8s-kustomize-cycle, k8s-kustomize-depth,
  // k8s-kustomize-patch (a patch that applies to nothing or cannot apply),
  // k8s-kustomize-unsupported (a field this renderer does not apply). YAML problems of the
  // files read are not repeated here: they are those files' own diagnostics.
  std::vector<Diagnostic> diagnostics;
};

// Renders the kustomization in `dir`. Never throws on bad input; thread-safe when `read` is.
[[nodiscard]] KustomizeBuild kustomize_build(std::string_view dir, const ReadFile& read);

}  // namespace blastgraph::kubernetes
