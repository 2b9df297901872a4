#pragma once
// Terraform addresses as plans and `moved` blocks write them, turned into graph node ids.

#include <optional>
#include <string>
#include <string_view>

namespace blastgraph::analyzer::addresses {

// Drops instance keys: `module.m[1].aws_x.y["a"]` -> `module.m.aws_x.y`. Quoted keys may hold
// `]` and `.`.
[[nodiscard]] std::string strip_instance_keys(std::string_view address);

// The node a reference (as a plan's `references` lists it) depends on, relative to its module:
//   aws_x.y.arn -> aws_x.y;  data.t.n.json -> data.t.n;  module.m.out -> module.m.output.out;
//   module.m -> module.m;  var.v / local.l -> themselves.
// nullopt for count.*, each.*, path.*, self, terraform.* and anything unreadable.
[[nodiscard]] std::optional<std::string> reference_subject(std::string_view reference);

}  // namespace blastgraph::analyzer::addresses
