#include "interface/image_needs.hpp"

#include <algorithm>

namespace blastgraph::analyzer::interface {
namespace {

bool digits(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::string ecr_repository_arn(std::string_view image) {
  // <account>.dkr.ecr.<region>.amazonaws.com/<name>
  const auto slash = image.find('/');
  if (slash == std::string_view::npos) return {};
  const auto host = image.substr(0, slash);
  auto name = image.substr(slash + 1);
  constexpr std::string_view k_marker = ".dkr.ecr.";
  constexpr std::string_view k_suffix = ".amazonaws.com";
  const auto marker = host.find(k_marker);
  if (marker == std::string_view::npos || !host.ends_with(k_suffix)) return {};
  const auto account = host.substr(0, marker);
  const auto region_start = marker + k_marker.size();
  const auto region = host.substr(region_start, host.size() - k_suffix.size() - region_start);
  if (!digits(account) || region.empty()) return {};
  // The tag or digest names an image in the repository, not the repository.
  if (const auto at = name.find('@'); at != std::string_view::npos) name = name.substr(0, at);
  if (const auto colon = name.rfind(':'); colon != std::string_view::npos) {
    name = name.substr(0, colon);
  }
  if (name.empty()) return {};
  return "arn:aws:ecr:" + std::string(region) + ":" + std::string(account) + ":repository/" +
         std::string(name);
}

std::vector<graph::Need> collect_image_needs(const k8s_link::ObjectIndex& index) {
  std::vector<graph::Need> out;
  for (const auto& placed : index.objects()) {
    std::vector<std::string> arns;
    for (const auto& image : placed.object->images) {
      auto arn = ecr_repository_arn(image);
      if (!arn.empty() && std::find(arns.begin(), arns.end(), arn) == arns.end()) {
        arns.push_back(std::move(arn));
      }
    }
    for (auto& arn : arns) {
      graph::Need need;
      need.node = placed.id;
      need.edge = graph::EdgeKind::reference;
      need.kind = graph::NeedKind::arn;
      need.value = std::move(arn);
      need.symbolic = need.value.find_first_of("*?$") != std::string::npos;
      need.evidence = {placed.object->span.file, placed.object->position.line, "image"};
      out.push_back(std::move(need));
    }
  }
  return out;
}

}  // namespace blastgraph::analyzer::interface
