#include "interface_json.hpp"

#include <nlohmann/json.hpp>

namespace blastgraph::store {
namespace {

using Json = nlohmann::json;

Json settings_json(const std::vector<graph::Setting>& settings) {
  Json out = Json::array();
  for (const auto& setting : settings) out.push_back({setting.name, setting.value});
  return out;
}

std::vector<graph::Setting> settings_from(const Json& json) {
  std::vector<graph::Setting> out;
  for (const auto& pair : json) out.push_back({pair.at(0), pair.at(1)});
  return out;
}

graph::NeedKind need_kind(const std::string& name) {
  for (const auto kind : {graph::NeedKind::arn, graph::NeedKind::lookup,
                          graph::NeedKind::remote_state, graph::NeedKind::arn_pattern}) {
    if (graph::to_string(kind) == name) return kind;
  }
  throw std::invalid_argument("unknown need kind " + name);
}

}  // namespace

std::string interface_to_json(const graph::RepositoryInterface& interface) {
  Json offers = Json::array();
  for (const auto& offer : interface.offers) {
    offers.push_back({{"node", offer.node},
                      {"type", offer.type},
                      {"arn", offer.arn},
                      {"attributes", settings_json(offer.attributes)}});
  }
  Json states = Json::array();
  for (const auto& state : interface.states) {
    states.push_back({{"root", state.root},
                      {"backend", state.backend},
                      {"settings", settings_json(state.settings)},
                      {"outputs", state.outputs}});
  }
  Json needs = Json::array();
  for (const auto& need : interface.needs) {
    needs.push_back({{"node", need.node},
                     {"edge", graph::to_string(need.edge)},
                     {"kind", graph::to_string(need.kind)},
                     {"type", need.type},
                     {"value", need.value},
                     {"arguments", settings_json(need.arguments)},
                     {"symbolic", need.symbolic},
                     {"file", need.evidence.file.str()},
                     {"line", need.evidence.line},
                     {"attribute", need.evidence.attribute.str()},
                     {"weak", need.evidence.weak}});
  }
  return Json{{"offers", offers}, {"states", states}, {"needs", needs}}.dump();
}

Result<graph::RepositoryInterface> interface_from_json(const std::string& text) {
  try {
    const auto json = Json::parse(text);
    graph::RepositoryInterface out;
    for (const auto& offer : json.at("offers")) {
      out.offers.push_back({offer.at("node"), offer.at("type"), offer.at("arn"),
                            settings_from(offer.at("attributes"))});
    }
    for (const auto& state : json.at("states")) {
      out.states.push_back({state.at("root"), state.at("backend"),
                            settings_from(state.at("settings")),
                            state.at("outputs").get<std::vector<std::string>>()});
    }
    for (const auto& need : json.at("needs")) {
      graph::Need read;
      read.node = need.at("node");
      const auto edge = graph::parse_edge_kind(need.at("edge").get<std::string>());
      if (!edge) return Error{"an unknown edge kind in a stored interface"};
      read.edge = *edge;
      read.kind = need_kind(need.at("kind"));
      read.type = need.at("type");
      read.value = need.at("value");
      read.arguments = settings_from(need.at("arguments"));
      read.symbolic = need.at("symbolic");
      read.evidence.file = need.at("file").get<std::string>();
      read.evidence.line = need.at("line");
      read.evidence.attribute = need.at("attribute").get<std::string>();
      read.evidence.weak = need.at("weak");
      out.needs.push_back(std::move(read));
    }
    return out;
  } catch (const std::exception& e) {
    return Error{std::string("a stored interface cannot be read: ") + e.what()};
  }
}

}  // namespace blastgraph::store
