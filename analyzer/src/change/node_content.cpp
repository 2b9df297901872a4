#include "change/node_content.hpp"

#include <algorithm>
#include <filesystem>
#include <set>

#include "blastgraph/core/file_io.hpp"
#include "blastgraph/parsers/yaml.hpp"
#include "change/addresses.hpp"
#include "terraform/overrides.hpp"
#include "workspace/discover.hpp"

namespace blastgraph::analyzer::content {
namespace {

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

std::string parent_dir(const std::string& path) {
  const auto slash = path.rfind('/');
  return slash == std::string::npos ? "." : path.substr(0, slash);
}

class Reader {
 public:
  Reader(const Workspace& workspace, const LoadOptions& options)
      : m_workspace(workspace), m_options(options) {}

  const std::string* text(const std::string& path) {
    auto [it, inserted] = m_texts.try_emplace(path);
    if (inserted) {
      auto read = read_file(m_workspace.root / path, m_options.max_file_bytes);
      it->second = read ? std::move(*read) : std::string();
    }
    return &it->second;
  }

  const terraform::File& terraform_file(const std::string& path) {
    auto [it, inserted] = m_terraform.try_emplace(path);
    if (inserted) it->second = terraform::parse_file(path, *text(path));
    return it->second;
  }

  NodeContent content_of(const graph::Node& node) {
    const auto& path = node.span.file;
    if (ends_with(path, ".tf") || ends_with(path, ".tf.json")) {
      for (const auto& block : terraform_file(path).blocks) {
        if (block.span.first_line != node.span.first_line ||
            block.span.last_line != node.span.last_line || !ends_with(node.id, block.address)) {
          continue;
        }
        return {"hcl:" + block.normalized_text + overrides_of(path, block.address),
                node.id.substr(0, node.id.size() - block.address.size()), parent_dir(path)};
      }
    }
    const auto span = lines_of(*text(path), node.span.first_line, node.span.last_line);
    if (ends_with(path, ".yaml") || ends_with(path, ".yml") || ends_with(path, ".json")) {
      return {document_content(path, span), {}, {}};
    }
    return {"text:" + fold_whitespace(span), {}, {}};
  }

 private:
  // The normalized text of the override blocks (override.tf, *_override.tf) of `address` in
  // the directory of `path`, in the order Terraform applies them: an edit to an override
  // changes the node it merges into.
  std::string overrides_of(const std::string& path, const std::string& address) {
    const std::string dir = parent_dir(path);
    auto [it, inserted] = m_override_files.try_emplace(dir);
    if (inserted) {
      std::error_code ec;
      for (const auto& entry : std::filesystem::directory_iterator(m_workspace.root / dir, ec)) {
        const auto name = entry.path().filename().string();
        if (terraform_link::is_override_file(name)) {
          it->second.push_back(dir == "." ? name : dir + "/" + name);
        }
      }
      std::sort(it->second.begin(), it->second.end());
    }
    std::string out;
    for (const auto& file : it->second) {
      for (const auto& block : terraform_file(file).blocks) {
        if (block.address == address) out += " override: " + block.normalized_text;
      }
    }
    return out;
  }

  const Workspace& m_workspace;
  const LoadOptions& m_options;
  std::map<std::string, std::string> m_texts;
  std::map<std::string, terraform::File> m_terraform;
  std::map<std::string, std::vector<std::string>> m_override_files;  // by directory
};

}  // namespace

std::string_view lines_of(std::string_view text, std::uint32_t first, std::uint32_t last) {
  std::size_t begin = 0;
  for (std::uint32_t line = 1; line < first && begin < text.size(); ++line) {
    auto next = text.find('\n', begin);
    begin = next == std::string_view::npos ? text.size() : next + 1;
  }
  std::size_t end = begin;
  for (std::uint32_t line = first; line <= last && end < text.size(); ++line) {
    auto next = text.find('\n', end);
    end = next == std::string_view::npos ? text.size() : next + 1;
  }
  return text.substr(begin, end - begin);
}

namespace {

void write_tree(const yaml::Node& node, std::string& out) {
  switch (node.kind()) {
    case yaml::NodeKind::scalar: {
      const auto text = node.scalar();
      out += node.is_plain() ? 'p' : 'q';
      out += std::to_string(text.size()) + ':';
      out += text;
      return;
    }
    case yaml::NodeKind::sequence:
      out += '[';
      for (std::size_t i = 0; i < node.size(); ++i) write_tree(node.item(i), out), out += ',';
      out += ']';
      return;
    case yaml::NodeKind::mapping:
      out += '{';
      for (std::size_t i = 0; i < node.size(); ++i) {
        write_tree(node.key(i), out);
        out += '=';
        write_tree(node.value(i), out);
        out += ';';
      }
      out += '}';
      return;
    case yaml::NodeKind::none:
      out += '~';
      return;
  }
}

}  // namespace

std::string tree_text(const yaml::Node& node) {
  std::string out;
  if (node) write_tree(node, out);
  return out;
}

std::string fold_whitespace(std::string_view text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string document_content(const std::string& path, std::string_view text) {
  const auto stream = yaml::load(path, text);
  bool failed = stream.documents.empty();
  for (const auto& diagnostic : stream.diagnostics)
    failed |= diagnostic.severity == Severity::error;
  if (failed) return "text:" + fold_whitespace(text);
  std::string out = "tree:";
  for (const auto& document : stream.documents) {
    write_tree(document.root, out);
    out += '\n';
  }
  return out;
}

WorkspaceContent read_content(const Workspace& workspace, const LoadOptions& options) {
  WorkspaceContent out;
  Reader reader(workspace, options);
  for (const auto& node : workspace.graph.nodes()) {
    if (node.role == graph::Role::external || node.span.file.empty()) continue;
    out.nodes.emplace(node.id, reader.content_of(node));
  }
  // `moved` blocks are not nodes: read them from every Terraform file of the tree.
  const auto files = discover_files(workspace.root, options);
  for (const auto& path : files.terraform) {
    for (const auto& block : reader.terraform_file(path).blocks) {
      if (block.kind != terraform::BlockKind::moved) continue;
      if (block.moved_from.empty() || block.moved_to.empty()) continue;
      out.moves.push_back({parent_dir(path), addresses::strip_instance_keys(block.moved_from),
                           addresses::strip_instance_keys(block.moved_to)});
    }
  }
  return out;
}

}  // namespace blastgraph::analyzer::content
