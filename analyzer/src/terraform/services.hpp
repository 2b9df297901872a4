#pragma once
// Which service a Terraform block belongs to (DESIGN.md "Service").

#include <map>
#include <string>

#include "terraform/instances.hpp"

namespace blastgraph::analyzer::terraform_link {

// Services of one instance's blocks, computed once per instance.
class InstanceServices {
 public:
  InstanceServices(const Instance& instance, std::string root_name);

  // The owning service of `block`, in order:
  //  1. its `service`/`app` tag, statically evaluated;
  //  2. the outermost module call it lives in;
  //  3. in a root, the one service the tagged resources it references agree on: a role
  //     policy, a bucket policy or a Lambda permission cannot carry tags, and is part of the
  //     role, bucket or function it attaches to;
  //  4. the root directory (`root_name` for the scanned folder itself).
  [[nodiscard]] std::string service_of(const terraform::Block& block) const;

 private:
  [[nodiscard]] std::string attached_service(const terraform::Block& block) const;

  const Instance& m_instance;
  std::string m_root_name;
  std::map<std::string, std::string> m_tagged;  // address -> service, resources with a tag
};

}  // namespace blastgraph::analyzer::terraform_link
