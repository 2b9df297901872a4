# Builds the tree-sitter runtime and the HCL grammar from the npm packages that setup.sh
# installs under deps/node_modules, as one private static library. Nothing here is committed.
set(BLASTGRAPH_NPM_DIR "${PROJECT_SOURCE_DIR}/deps/node_modules" CACHE PATH
    "Where npm ci put the pinned tree-sitter sources")
set(_ts_lib "${BLASTGRAPH_NPM_DIR}/tree-sitter/vendor/tree-sitter/lib")
set(_ts_hcl "${BLASTGRAPH_NPM_DIR}/@tree-sitter-grammars/tree-sitter-hcl/src")

if(NOT EXISTS "${_ts_lib}/src/lib.c" OR NOT EXISTS "${_ts_hcl}/parser.c")
  message(FATAL_ERROR
    "tree-sitter sources not found under ${BLASTGRAPH_NPM_DIR}.\n"
    "Run ./setup.sh (or: npm ci --ignore-scripts --prefix deps) first.")
endif()

add_library(blastgraph_treesitter STATIC
  "${_ts_lib}/src/lib.c"
  "${_ts_hcl}/parser.c"
  "${_ts_hcl}/scanner.c")
target_include_directories(blastgraph_treesitter SYSTEM
  PUBLIC "$<BUILD_INTERFACE:${_ts_lib}/include>"
  PRIVATE "${_ts_lib}/src" "${_ts_hcl}")
set_target_properties(blastgraph_treesitter PROPERTIES
  C_STANDARD 11
  POSITION_INDEPENDENT_CODE ON
  C_VISIBILITY_PRESET hidden)
# Third-party code: no project warnings, optimized even in debug builds (the grammar tables
# are large and the parser is on every run's hot path).
target_compile_options(blastgraph_treesitter PRIVATE -w -O2)
target_compile_definitions(blastgraph_treesitter PRIVATE _POSIX_C_SOURCE=200112L _DEFAULT_SOURCE)
# Fuzzing explores our readers, not the grammar's generated tables: tracing every comparison
# of the table-driven lexer made each HCL input twenty times slower.
if(BLASTGRAPH_BUILD_FUZZ)
  target_compile_options(blastgraph_treesitter PRIVATE -fno-sanitize=fuzzer-no-link)
endif()
