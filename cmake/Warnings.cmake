# Project warnings live in one interface target that every first-party target links privately.
add_library(blastgraph_warnings INTERFACE)
target_compile_options(blastgraph_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
  -Wunused -Woverloaded-virtual -Wconversion -Wsign-conversion
  -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough)
if(BLASTGRAPH_WERROR)
  target_compile_options(blastgraph_warnings INTERFACE -Werror)
endif()
