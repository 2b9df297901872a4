// `images`: a container image by name gets a new name, tag or digest.

#include "kubernetes/kustomize/build.hpp"

namespace blastgraph::kubernetes::kustomize {
namespace {

struct ImageRef {
  std::string name;
  std::string tag;     // with its ':'
  std::string digest;  // with its '@'
};

ImageRef split_image(std::string_view image) {
  ImageRef ref;
  if (const auto at = image.find('@'); at != std::string_view::npos) {
    ref.digest = std::string(image.substr(at));
    image = image.substr(0, at);
  }
  // A ':' after the last '/' is a tag; before it, a registry port.
  const auto slash = image.rfind('/');
  const auto colon = image.rfind(':');
  if (colon != std::string_view::npos && (slash == std::string_view::npos || colon > slash)) {
    ref.tag = std::string(image.substr(colon));
    image = image.substr(0, colon);
  }
  ref.name = std::string(image);
  return ref;
}

void rewrite(Tree& container, const Tree& images) {
  Tree* image = container.find("image");
  if (image == nullptr || !image->is_scalar()) return;
  ImageRef ref = split_image(image->text);
  for (const Tree& rule : images.items) {
    if (rule.text_at({"name"}) != ref.name) continue;
    if (!rule.text_at({"newName"}).empty()) ref.name = rule.text_at({"newName"});
    if (!rule.text_at({"newTag"}).empty()) {
      ref.tag = ":" + std::string(rule.text_at({"newTag"}));
      ref.digest.clear();
    }
    if (!rule.text_at({"digest"}).empty()) {
      ref.digest = "@" + std::string(rule.text_at({"digest"}));
      ref.tag.clear();
    }
    image->text = ref.name + ref.tag + ref.digest;
    return;
  }
}

// Containers at any depth: pods, templates, job templates, custom resources alike.
void walk(Tree& node, const Tree& images) {
  if (node.is_sequence()) {
    for (Tree& item : node.items) walk(item, images);
    return;
  }
  for (auto& [key, value] : node.entries) {
    if ((key == "containers" || key == "initContainers" || key == "ephemeralContainers") &&
        value.is_sequence()) {
      for (Tree& container : value.items) rewrite(container, images);
    }
    walk(value, images);
  }
}

}  // namespace

void apply_images(const Tree& k, std::vector<Resource>& rs) {
  const Tree* images = k.find("images");
  if (images == nullptr || !images->is_sequence()) return;
  for (Resource& r : rs) walk(r.doc, *images);
}

}  // namespace blastgraph::kubernetes::kustomize
