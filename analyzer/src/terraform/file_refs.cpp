#include "terraform/file_refs.hpp"

#include <array>
#include <cctype>
#include <string_view>

#include "terraform/module_tree.hpp"

namespace blastgraph::analyzer::terraform_link {
namespace {

constexpr std::array<std::string_view, 2> k_functions{"templatefile(", "file("};

void replace_all(std::string& text, std::string_view from, std::string_view to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

// The static path of each file()/templatefile() call in `expression`, relative to the
// scanned root. Terraform resolves a bare relative path against the root module's directory.
}  // namespace

std::vector<std::string> referenced_files(const Instance& instance, std::string_view expression) {
  std::vector<std::string> out;
  for (auto function : k_functions) {
    for (auto at = expression.find(function); at != std::string_view::npos;
         at = expression.find(function, at + 1)) {
      if (at > 0 && (std::isalnum(static_cast<unsigned char>(expression[at - 1])) != 0 ||
                     expression[at - 1] == '_')) {
        continue;  // "templatefile(" also contains "file("
      }
      auto open = expression.find_first_not_of(" \t", at + function.size());
      if (open == std::string_view::npos || expression[open] != '"') continue;
      const auto close = expression.find('"', open + 1);
      if (close == std::string_view::npos) continue;
      std::string path(expression.substr(open + 1, close - open - 1));
      std::string base = instance.root;
      if (path.starts_with("${path.module}/")) {
        base = instance.dir->path;
        path.erase(0, 15);
      }
      replace_all(path, "${path.root}/", "");
      replace_all(path, "${path.cwd}/", "");
      if (path.find("${") != std::string::npos) continue;
      if (auto joined = join_relative(base, path)) out.push_back(*joined);
    }
  }
  return out;
}

void link_file_references(const Instance& instance, const terraform::Block& block,
                          LinkContext& context) {
  const auto source = instance.id(block.address);
  for (const auto& [name, value] : block.attributes) {
    if (value.expression.find("file(") == std::string::npos) continue;
    for (const auto& path : referenced_files(instance, value.expression)) {
      const auto target = "iam:" + path;
      if (!context.builder.has_node(target)) continue;
      context.builder.add_edge(source, target, graph::EdgeKind::reference,
                               {terraform::file_of(block, value), value.position.line, name});
    }
  }
}

}  // namespace blastgraph::analyzer::terraform_link
