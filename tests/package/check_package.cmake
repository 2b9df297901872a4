# Runs in CTest as a script (cmake -P). Fails with a message at the first step that breaks.
file(REMOVE_RECURSE "${WORK_DIR}")
set(prefix "${WORK_DIR}/prefix")

function(run what)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "${what} failed (${code}):\n${out}\n${err}")
  endif()
endfunction()

run("install" "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${prefix}")
foreach(file lib/cmake/blastgraph/blastgraphConfig.cmake
             lib/cmake/blastgraph/blastgraphConfigVersion.cmake
             include/blastgraph/blastgraph.hpp bin/blastgraph)
  if(NOT EXISTS "${prefix}/${file}")
    message(FATAL_ERROR "not installed: ${file}")
  endif()
endforeach()

run("configure the example" "${CMAKE_COMMAND}" -S "${SOURCE_DIR}/examples/gate"
    -B "${WORK_DIR}/build" -G "${GENERATOR}" -DCMAKE_BUILD_TYPE=${BUILD_TYPE}
    "-DCMAKE_PREFIX_PATH=${prefix}" "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}"
    "-DCMAKE_CXX_FLAGS=${CXX_FLAGS}"
    "-DCMAKE_EXE_LINKER_FLAGS=${LINKER_FLAGS}")
run("build the example" "${CMAKE_COMMAND}" --build "${WORK_DIR}/build")

# The permission boundary shared by every service role: CRITICAL, so the gate says no (1).
execute_process(
  COMMAND "${WORK_DIR}/build/gate" "${SOURCE_DIR}/fixtures/acme"
          "terraform/envs/prod:module.iam.aws_iam_policy.boundary"
  RESULT_VARIABLE code OUTPUT_VARIABLE report ERROR_VARIABLE verdict)
if(NOT code EQUAL 1 OR NOT verdict MATCHES "gate: CRITICAL \\([0-9]+/100\\), allow")
  message(FATAL_ERROR "boundary: expected exit 1 and CRITICAL, got ${code}: ${verdict}")
endif()
if(NOT report MATCHES "<!-- blastgraph-report -->")
  message(FATAL_ERROR "boundary: no Markdown report on stdout:\n${report}")
endif()

# An unknown id is bad input (2), not a pass.
execute_process(COMMAND "${WORK_DIR}/build/gate" "${SOURCE_DIR}/fixtures/acme" "no-such-node"
                RESULT_VARIABLE code OUTPUT_QUIET ERROR_QUIET)
if(NOT code EQUAL 2)
  message(FATAL_ERROR "unknown id: expected exit 2, got ${code}")
endif()

# A version the package does not claim to be compatible with is refused.
file(WRITE "${WORK_DIR}/version/CMakeLists.txt"
  "cmake_minimum_required(VERSION 3.25)\nproject(v LANGUAGES CXX)\nfind_package(blastgraph 9.0 REQUIRED)\n")
execute_process(COMMAND "${CMAKE_COMMAND}" -S "${WORK_DIR}/version" -B "${WORK_DIR}/version/build"
                        -G "${GENERATOR}" "-DCMAKE_PREFIX_PATH=${prefix}"
                RESULT_VARIABLE code OUTPUT_QUIET ERROR_QUIET)
if(code EQUAL 0)
  message(FATAL_ERROR "find_package(blastgraph 9.0) should fail against ${prefix}")
endif()
message(STATUS "package: installed, found, built and run")
