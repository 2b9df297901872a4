# `cmake --install` puts the library a gate tool links, its headers, the `blastgraph` tool and
# a versioned package config, so that
#   find_package(blastgraph 0.1 REQUIRED)
#   target_link_libraries(my_gate PRIVATE blastgraph::blastgraph)
# works (examples/gate shows it). The layer libraries are static; what they link privately
# (oneTBB, Boost.Graph, libyaml, libpq, the tree-sitter runtime) comes along as link-only
# dependencies, found again by the config file.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

# One target for library users: every layer, so they need not know the layering.
add_library(blastgraph_library INTERFACE)
add_library(blastgraph::blastgraph ALIAS blastgraph_library)
target_link_libraries(blastgraph_library INTERFACE
  blastgraph::core blastgraph::parsers blastgraph::graph blastgraph::analyzer blastgraph::store
  blastgraph::org)
set_target_properties(blastgraph_library PROPERTIES EXPORT_NAME blastgraph)
set_target_properties(blastgraph_core PROPERTIES EXPORT_NAME core)
set_target_properties(blastgraph_parsers PROPERTIES EXPORT_NAME parsers)
set_target_properties(blastgraph_graph PROPERTIES EXPORT_NAME graph)
set_target_properties(blastgraph_analyzer PROPERTIES EXPORT_NAME analyzer)
set_target_properties(blastgraph_store PROPERTIES EXPORT_NAME store)
set_target_properties(blastgraph_org PROPERTIES EXPORT_NAME org)
set_target_properties(blastgraph_treesitter PROPERTIES EXPORT_NAME treesitter)

set(_config_dir "${CMAKE_INSTALL_LIBDIR}/cmake/blastgraph")

install(TARGETS blastgraph_library blastgraph_core blastgraph_parsers blastgraph_graph
                blastgraph_analyzer blastgraph_store blastgraph_org blastgraph_treesitter
        EXPORT blastgraphTargets
        ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}"
        LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}"
        INCLUDES DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
install(TARGETS blastgraph RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")
foreach(layer core parsers graph analyzer store org)
  install(DIRECTORY "${PROJECT_SOURCE_DIR}/${layer}/include/"
          DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
endforeach()

install(EXPORT blastgraphTargets NAMESPACE blastgraph:: DESTINATION "${_config_dir}")
configure_package_config_file("${PROJECT_SOURCE_DIR}/cmake/package/blastgraphConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/blastgraphConfig.cmake" INSTALL_DESTINATION "${_config_dir}")
# 0.x: a minor version may break the API, so only the same minor version is compatible.
write_basic_package_version_file("${PROJECT_BINARY_DIR}/blastgraphConfigVersion.cmake"
  COMPATIBILITY SameMinorVersion)
install(FILES "${PROJECT_BINARY_DIR}/blastgraphConfig.cmake"
              "${PROJECT_BINARY_DIR}/blastgraphConfigVersion.cmake"
        DESTINATION "${_config_dir}")
