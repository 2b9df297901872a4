# Terraform (HCL) parser: tree-sitter-hcl syntax trees -> terraform::File.
target_sources(blastgraph_parsers PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/block_kinds.cpp
  ${CMAKE_CURRENT_LIST_DIR}/block_reader.cpp
  ${CMAKE_CURRENT_LIST_DIR}/body_reader.cpp
  ${CMAKE_CURRENT_LIST_DIR}/grammar.cpp
  ${CMAKE_CURRENT_LIST_DIR}/json_syntax.cpp
  ${CMAKE_CURRENT_LIST_DIR}/normalize.cpp
  ${CMAKE_CURRENT_LIST_DIR}/parse_context.cpp
  ${CMAKE_CURRENT_LIST_DIR}/parse_file.cpp
  ${CMAKE_CURRENT_LIST_DIR}/recovery.cpp
  ${CMAKE_CURRENT_LIST_DIR}/reference_walker.cpp
  ${CMAKE_CURRENT_LIST_DIR}/syntax_errors.cpp
  ${CMAKE_CURRENT_LIST_DIR}/text_pieces.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ts_handles.cpp
  ${CMAKE_CURRENT_LIST_DIR}/values.cpp)
target_link_libraries(blastgraph_parsers PRIVATE blastgraph_treesitter)
