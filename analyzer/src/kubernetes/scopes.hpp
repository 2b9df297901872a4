#pragma once
// Application scopes: the objects applied together (DESIGN.md "Node ids"). A rendered
// kustomization is one; manifests no kustomization renders are grouped by directory.

#include <string>
#include <vector>

#include "blastgraph/parsers/kubernetes.hpp"
#include "kubernetes/app_roots.hpp"

namespace blastgraph::analyzer::k8s_link {

// A file's objects and the application they are applied with. A file a kustomization reads
// appears once per kustomization root that renders it.
struct ScopedFile {
  const kubernetes::ManifestFile* file = nullptr;
  std::string scope;  // the application's root directory, "." for the scanned root
  // What the application's controller does to namespaces (Argo CD destination, Flux
  // targetNamespace): the namespace of objects without one, or of every namespaced object.
  std::string target_namespace;
  bool overrides_namespace = false;
  const AppRoot* app = nullptr;  // the GitOps application that applies it, if any
};

// The scopes of manifests applied as they are (`kubectl apply -f`): the directory their files
// share, split into one scope per subdirectory (and one for the files directly in it) where
// the split separates two files that declare the same object; the samples repository of
// independent examples side by side is the case. A subdirectory that redeclares nothing stays
// with the directory's own files, when there are some: it extends them (a `legacy/` set of
// controllers for the Services next to it). Two files of one directory that declare the same
// object stay in one scope: they are variants of it. Each scope is named by the deepest
// directory its files share. Returns one entry per file, in the order given.
[[nodiscard]] std::vector<ScopedFile> loose_scopes(
    const std::vector<const kubernetes::ManifestFile*>& files);

}  // namespace blastgraph::analyzer::k8s_link
