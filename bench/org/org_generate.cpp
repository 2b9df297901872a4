// Writes a synthetic organization for the end-to-end scale scripts:
//   org_generate DIR RESOURCES [SEED]                      one repository (scale.sh)
//   org_generate --repositories DIR REPOS RESOURCES [SEED]  `platform` and REPOS repositories
//                                                          of about RESOURCES each
//                                                          (repositories.sh)
#include <cstdlib>
#include <iostream>
#include <string>

#include "org_generator.hpp"

namespace {

void print(const blastgraph::bench::OrgCounts& counts) {
  std::cout << "files " << counts.files << " resources " << counts.resources() << " bytes "
            << counts.bytes << '\n';
}

}  // namespace

int main(int argc, char** argv) {
  using namespace blastgraph::bench;
  if (argc >= 5 && std::string(argv[1]) == "--repositories") {
    RepositoriesSpec spec;
    spec.repositories = std::stoul(argv[3]);
    spec.resources_per_repository = std::stoul(argv[4]);
    if (argc > 5) spec.seed = std::stoull(argv[5]);
    print(write_repositories(argv[2], spec));
    return 0;
  }
  if (argc < 3 || std::string(argv[1]).starts_with("--")) {
    std::cerr << "usage: org_generate DIR RESOURCES [SEED]\n"
                 "       org_generate --repositories DIR REPOS RESOURCES [SEED]\n";
    return 2;
  }
  OrgSpec spec;
  spec.services = services_for(std::stoul(argv[2]));
  spec.namespaces = std::max<std::size_t>(spec.services / 100, 1);
  if (argc > 3) spec.seed = std::stoull(argv[3]);
  std::cout << "services " << spec.services << ' ';
  print(write_org(argv[1], spec));
  return 0;
}
