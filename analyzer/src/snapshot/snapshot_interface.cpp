// A repository's name and interface (what it offers and needs) in a snapshot.
#include "snapshot/snapshot_codec.hpp"

namespace blastgraph::analyzer::snapshot {
namespace {

void put_settings(ByteWriter& out, const std::vector<graph::Setting>& settings) {
  out.u64(settings.size());
  for (const auto& setting : settings) {
    out.str(setting.name);
    out.str(setting.value);
  }
}

std::vector<graph::Setting> get_settings(ByteReader& in) {
  return get_list<graph::Setting>(in, 4 + 4, [&](graph::Setting& setting) {
    setting.name = in.str();
    setting.value = in.str();
  });
}

void put_offers(ByteWriter& out, const std::vector<graph::Offer>& offers) {
  out.u64(offers.size());
  for (const auto& offer : offers) {
    out.str(offer.node);
    out.str(offer.type);
    out.str(offer.arn);
    put_settings(out, offer.attributes);
  }
}

std::vector<graph::Offer> get_offers(ByteReader& in) {
  return get_list<graph::Offer>(in, 4 * 3 + 8, [&](graph::Offer& offer) {
    offer.node = in.str();
    offer.type = in.str();
    offer.arn = in.str();
    offer.attributes = get_settings(in);
  });
}

void put_states(ByteWriter& out, const std::vector<graph::StateOffer>& states) {
  out.u64(states.size());
  for (const auto& state : states) {
    out.str(state.root);
    out.str(state.backend);
    put_settings(out, state.settings);
    put_strings(out, state.outputs);
  }
}

std::vector<graph::StateOffer> get_states(ByteReader& in) {
  return get_list<graph::StateOffer>(in, 4 * 2 + 8 * 2, [&](graph::StateOffer& state) {
    state.root = in.str();
    state.backend = in.str();
    state.settings = get_settings(in);
    state.outputs = get_strings(in);
  });
}

void put_needs(ByteWriter& out, const std::vector<graph::Need>& needs) {
  out.u64(needs.size());
  for (const auto& need : needs) {
    out.str(need.node);
    put_enum(out, need.edge);
    put_enum(out, need.kind);
    out.str(need.type);
    out.str(need.value);
    put_settings(out, need.arguments);
    out.u8(need.symbolic ? 1 : 0);
    out.str(need.evidence.file);
    out.u32(need.evidence.line);
    out.str(need.evidence.attribute);
    out.u8(need.evidence.weak ? 1 : 0);
  }
}

std::vector<graph::Need> get_needs(ByteReader& in) {
  return get_list<graph::Need>(in, 4 + 1 + 1 + 4 + 4 + 8 + 1 + 4 + 4 + 4 + 1,
                               [&](graph::Need& need) {
                                 need.node = in.str();
                                 need.edge = get_enum(in, graph::EdgeKind::acts_on);
                                 need.kind = get_enum(in, graph::NeedKind::arn_pattern);
                                 need.type = in.str();
                                 need.value = in.str();
                                 need.arguments = get_settings(in);
                                 need.symbolic = in.u8() != 0;
                                 need.evidence.file = in.str();
                                 need.evidence.line = in.u32();
                                 need.evidence.attribute = in.str();
                                 need.evidence.weak = in.u8() != 0;
                               });
}

}  // namespace

void put_interface(ByteWriter& out, const Workspace& workspace) {
  out.str(workspace.repository);
  put_offers(out, workspace.interface.offers);
  put_states(out, workspace.interface.states);
  put_needs(out, workspace.interface.needs);
}

void get_interface(ByteReader& in, Workspace& workspace) {
  workspace.repository = in.str();
  workspace.interface.offers = get_offers(in);
  workspace.interface.states = get_states(in);
  workspace.interface.needs = get_needs(in);
}

}  // namespace blastgraph::analyzer::snapshot
