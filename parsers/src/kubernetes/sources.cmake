# Kubernetes manifests: YAML loading (libyaml's event parser into our own tree) and the
# manifest model. libyaml stays private: no public header names it.
target_sources(blastgraph_parsers PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/yaml_events.cpp
  ${CMAKE_CURRENT_LIST_DIR}/yaml_tree.cpp
  ${CMAKE_CURRENT_LIST_DIR}/yaml_node.cpp
  ${CMAKE_CURRENT_LIST_DIR}/merge_keys.cpp
  ${CMAKE_CURRENT_LIST_DIR}/manifest.cpp
  ${CMAKE_CURRENT_LIST_DIR}/extract_common.cpp
  ${CMAKE_CURRENT_LIST_DIR}/pod_spec_refs.cpp
  ${CMAKE_CURRENT_LIST_DIR}/workload_refs.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ingress_refs.cpp
  ${CMAKE_CURRENT_LIST_DIR}/rbac_refs.cpp
  ${CMAKE_CURRENT_LIST_DIR}/policy_refs.cpp
  ${CMAKE_CURRENT_LIST_DIR}/admission_rules.cpp
  ${CMAKE_CURRENT_LIST_DIR}/app_sources.cpp
  ${CMAKE_CURRENT_LIST_DIR}/helm.cpp
  ${CMAKE_CURRENT_LIST_DIR}/kinds.cpp
  ${CMAKE_CURRENT_LIST_DIR}/names.cpp
  ${CMAKE_CURRENT_LIST_DIR}/base64.cpp
  ${CMAKE_CURRENT_LIST_DIR}/kustomization.cpp
  ${CMAKE_CURRENT_LIST_DIR}/addresses.cpp
  ${CMAKE_CURRENT_LIST_DIR}/address_keys.cpp
  ${CMAKE_CURRENT_LIST_DIR}/kustomize/tree.cpp
  ${CMAKE_CURRENT_LIST_DIR}/kustomize/tree_stream.cpp
  ${CMAKE_CURRENT_LIST_DIR}/kustomize/resource.cpp
  ${CMAKE_CURRENT_LIST_DIR}/kustomize/build.cpp
  ${CMAKE_CURRENT_LIST_DIR}/kustomize/generators.cpp
  ${CMAKE_CURRENT_LIST_DIR}/kustomize/sha256.cpp
  ${CMAKE_CURRENT_LIST_DIR}/kustomize/namespace.cpp
  ${CMAKE_CURRENT_LIST_DIR}/kustomize/name_affixes.cpp
  ${CMAKE_CURRENT_LIST_DIR}/kustomize/labels.cpp
  ${CMAKE_CURRENT_LIST_DIR}/kustomize/images.cpp
  ${CMAKE_CURRENT_LIST_DIR}/kustomize/name_references.cpp
  ${CMAKE_CURRENT_LIST_DIR}/kustomize/strategic_merge.cpp
  ${CMAKE_CURRENT_LIST_DIR}/kustomize/json_patch.cpp
  ${CMAKE_CURRENT_LIST_DIR}/kustomize/patches.cpp)

find_package(PkgConfig REQUIRED)
pkg_check_modules(LIBYAML REQUIRED IMPORTED_TARGET yaml-0.1)
target_link_libraries(blastgraph_parsers PRIVATE PkgConfig::LIBYAML)
