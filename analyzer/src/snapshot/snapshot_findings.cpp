#include "snapshot/snapshot_codec.hpp"

namespace blastgraph::analyzer::snapshot {
namespace {

void put_position(ByteWriter& out, SourcePosition position) {
  out.u32(position.line);
  out.u32(position.column);
}

SourcePosition get_position(ByteReader& in) {
  SourcePosition position;
  position.line = in.u32();
  position.column = in.u32();
  return position;
}

void put_diagnostics(ByteWriter& out, const std::vector<Diagnostic>& diagnostics) {
  out.u64(diagnostics.size());
  for (const Diagnostic& d : diagnostics) {
    out.str(d.file);
    put_position(out, d.position);
    put_enum(out, d.severity);
    out.str(d.code);
    out.str(d.message);
  }
}

std::vector<Diagnostic> get_diagnostics(ByteReader& in) {
  return get_list<Diagnostic>(in, 4 + 8 + 1 + 4 + 4, [&](Diagnostic& d) {
    d.file = in.str();
    d.position = get_position(in);
    d.severity = get_enum(in, Severity::error);
    d.code = in.str();
    d.message = in.str();
  });
}

void put_coverage(ByteWriter& out, const Coverage& coverage) {
  out.u64(coverage.files_scanned);
  out.u64(coverage.files_unparsed);
  out.u64(coverage.files_with_errors);
  out.u64(coverage.unread_files.size());
  for (const UnreadFile& file : coverage.unread_files) {
    out.str(file.file);
    put_enum(out, file.problem);
    put_strings(out, file.terraform_roots);
    out.str(file.kustomization);
    put_strings(out, file.namespaces);
  }
  out.u64(coverage.unresolved_references);
  out.u64(coverage.symbolic_values);
  out.u64(coverage.external_modules);
  out.u64(coverage.unexpanded_modules.size());
  for (const UnexpandedModule& module : coverage.unexpanded_modules) {
    out.str(module.call);
    out.str(module.source);
    out.str(module.file);
    out.u32(module.line);
    out.str(module.reason);
  }
  out.u64(coverage.unsupported_types.size());
  for (const auto& [type, count] : coverage.unsupported_types) {
    out.str(type);
    out.u64(count);
  }
}

Coverage get_coverage(ByteReader& in) {
  Coverage coverage;
  coverage.files_scanned = in.u64();
  coverage.files_unparsed = in.u64();
  coverage.files_with_errors = in.u64();
  coverage.unread_files = get_list<UnreadFile>(in, 4 + 1 + 8 + 4 + 8, [&](UnreadFile& file) {
    file.file = in.str();
    file.problem = get_enum(in, ReadProblem::errors);
    file.terraform_roots = get_strings(in);
    file.kustomization = in.str();
    file.namespaces = get_strings(in);
  });
  coverage.unresolved_references = in.u64();
  coverage.symbolic_values = in.u64();
  coverage.external_modules = in.u64();
  coverage.unexpanded_modules =
      get_list<UnexpandedModule>(in, 4 * 5, [&](UnexpandedModule& module) {
        module.call = in.str();
        module.source = in.str();
        module.file = in.str();
        module.line = in.u32();
        module.reason = in.str();
      });
  const std::size_t types = in.count(4 + 8);
  for (std::size_t i = 0; i < types; ++i) {
    std::string type = in.str();
    coverage.unsupported_types[std::move(type)] = in.u64();
  }
  return coverage;
}

void put_policy_risks(ByteWriter& out, const std::vector<PolicyRisk>& risks) {
  out.u64(risks.size());
  for (const PolicyRisk& risk : risks) {
    out.str(risk.node);
    out.str(risk.kind);
    out.str(risk.message);
    out.str(risk.file);
    put_position(out, risk.position);
  }
}

std::vector<PolicyRisk> get_policy_risks(ByteReader& in) {
  return get_list<PolicyRisk>(in, 4 * 4 + 8, [&](PolicyRisk& risk) {
    risk.node = in.str();
    risk.kind = in.str();
    risk.message = in.str();
    risk.file = in.str();
    risk.position = get_position(in);
  });
}

}  // namespace

void put_strings(ByteWriter& out, const std::vector<std::string>& values) {
  out.u64(values.size());
  for (const std::string& value : values) out.str(value);
}

std::vector<std::string> get_strings(ByteReader& in) {
  return get_list<std::string>(in, 4, [&](std::string& value) { value = in.str(); });
}

void put_findings(ByteWriter& out, const Workspace& workspace) {
  put_strings(out, workspace.terraform_roots);
  put_strings(out, workspace.configured_roots);
  put_diagnostics(out, workspace.diagnostics);
  put_coverage(out, workspace.coverage);
  put_policy_risks(out, workspace.policy_risks);
  out.u64(workspace.shaped_by.size());
  for (const auto& [file, node] : workspace.shaped_by) {
    out.str(file);
    out.str(node);
  }
  put_strings(out, workspace.helm_charts);
  put_strings(out, workspace.gitops_charts);
}

void get_findings(ByteReader& in, Workspace& workspace) {
  workspace.terraform_roots = get_strings(in);
  workspace.configured_roots = get_strings(in);
  workspace.diagnostics = get_diagnostics(in);
  workspace.coverage = get_coverage(in);
  workspace.policy_risks = get_policy_risks(in);
  workspace.shaped_by = get_list<std::pair<std::string, std::string>>(
      in, 8, [&](std::pair<std::string, std::string>& entry) {
        entry.first = in.str();
        entry.second = in.str();
      });
  workspace.helm_charts = get_strings(in);
  workspace.gitops_charts = get_strings(in);
}

void put_load_options(ByteWriter& out, const LoadOptions& options) {
  out.u64(options.max_file_bytes);
  out.u64(options.max_files);
  out.u64(options.max_module_depth);
  out.u64(options.service_rules.size());
  for (const ServiceRule& rule : options.service_rules) {
    put_strings(out, rule.paths);
    put_strings(out, rule.ids);
    out.str(rule.service);
  }
  out.u64(options.criticality_rules.size());
  for (const CriticalityRule& rule : options.criticality_rules) {
    put_strings(out, rule.types);
    put_strings(out, rule.ids);
    put_strings(out, rule.applications);
    put_enum(out, rule.criticality);
  }
  out.u64(options.release_namespaces.size());
  for (const auto& [file, name] : options.release_namespaces) {
    out.str(file);
    out.str(name);
  }
  out.str(options.default_namespace);
  put_strings(out, options.service_labels.service);
  put_strings(out, options.service_labels.component);
  put_strings(out, options.service_labels.application);
  out.u64(options.root_accounts.size());
  for (const auto& [root, account] : options.root_accounts) {
    out.str(root);
    out.str(account);
  }
}

}  // namespace blastgraph::analyzer::snapshot
