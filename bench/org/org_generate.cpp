// Writes a synthetic organization for the end-to-end scale script:
//   org_generate DIR RESOURCES [SEED]
#include <cstdlib>
#include <iostream>
#include <string>

#include "org_generator.hpp"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: org_generate DIR RESOURCES [SEED]\n";
    return 2;
  }
  blastgraph::bench::OrgSpec spec;
  spec.services = blastgraph::bench::services_for(std::stoul(argv[2]));
  spec.namespaces = std::max<std::size_t>(spec.services / 100, 1);
  if (argc > 3) spec.seed = std::stoull(argv[3]);
  const auto counts = blastgraph::bench::write_org(argv[1], spec);
  std::cout << "services " << spec.services << " files " << counts.files << " resources "
            << counts.resources() << " bytes " << counts.bytes << '\n';
  return 0;
}
