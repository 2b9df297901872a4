// Throughput of terraform::parse_file on generated configurations of growing size, next to
// the bare tree-sitter-hcl parse of the same text (the floor parse_file cannot beat).
// Each run checks the answer: the block and reference counts the generator put in. And a
// hostile file, one 16 MB line, refused by the per-parse token budget, with the process's
// peak memory as a counter (it runs first, so the peak is its own).

#include <benchmark/benchmark.h>
#include <tree_sitter/api.h>

#include <sys/resource.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>

#include "blastgraph/parsers/terraform.hpp"

extern "C" const TSLanguage* tree_sitter_hcl(void);

namespace {

constexpr std::size_t k_blocks_per_unit = 3;
constexpr std::size_t k_references_per_unit = 13;

// One unit: a resource with nested, dynamic and heredoc content, an IAM role, a local.
// References are marked with their count in the trailing comment of each line.
void append_unit(std::string& out, std::size_t i) {
  const std::string n = std::to_string(i);
  out += R"(resource "aws_instance" "web_)" + n + "\" {\n";
  out += "  ami           = data.aws_ami.ubuntu.id          # 1\n";
  out += "  instance_type = var.instance_type               # 1\n";
  out += "  subnet_id     = aws_subnet.private[" + std::to_string(i % 3) + "].id    # 1\n";
  out += "  count         = var.replicas                    # 1\n";
  out += "  depends_on    = [aws_iam_role.app_" + n + "]    # 1\n\n";
  out += "  root_block_device {\n";
  out += "    volume_size = local.volume_sizes[\"web\"]     # 1\n";
  out += "    encrypted   = true\n  }\n\n";
  out += "  dynamic \"ebs_block_device\" {\n";
  out += "    for_each = var.extra_disks                    # 1\n";
  out += "    content {\n";
  out += "      device_name = ebs_block_device.value.name\n";
  out += "      volume_size = ebs_block_device.value.size\n";
  out += "      kms_key_id  = aws_kms_key.disks.arn         # 1\n";
  out += "    }\n  }\n\n";
  out += "  user_data = <<-EOT\n";
  out += "    #!/bin/bash\n";
  out += "    echo \"db=${aws_db_instance.main.address}\" > /etc/app.env\n";  // 1
  out += "    %{ for name in var.services ~}\n";                              // 1
  out += "    systemctl start ${name}\n";
  out += "    %{ endfor ~}\n";
  out += "  EOT\n\n";
  out += "  tags = {\n";
  out += "    Name    = \"web-${count.index}\"\n";
  out += "    service = \"checkout\"\n";
  out += "    owner   = local.owner                         # 1\n";
  out += "  }\n}\n\n";
  out += R"(resource "aws_iam_role" "app_)" + n + "\" {\n";
  out += "  name               = \"app-" + n + "\"\n";
  out +=
      "  assume_role_policy = jsonencode({ Statement = [for p in var.principals : "
      "{ Principal = p, Action = \"sts:AssumeRole\" }] })  # 1\n";
  out += "}\n\n";
  out += "locals {\n  name_" + n + " = \"${var.prefix}-" + n + "\"  # 1\n}\n\n";
}

struct Generated {
  std::string text;
  std::size_t units = 0;
};

Generated generate(std::size_t target_bytes) {
  Generated generated;
  generated.text.reserve(target_bytes + 2048);
  while (generated.text.size() < target_bytes) append_unit(generated.text, generated.units++);
  return generated;
}

bool has_expected_counts(const blastgraph::terraform::File& file, std::size_t units) {
  std::size_t references = 0;
  for (const auto& block : file.blocks) references += block.references.size();
  return file.diagnostics.empty() && file.blocks.size() == units * k_blocks_per_unit &&
         references == units * k_references_per_unit;
}

void bm_parse_file(benchmark::State& state) {
  const Generated input = generate(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    const blastgraph::terraform::File file =
        blastgraph::terraform::parse_file("bench.tf", input.text);
    if (!has_expected_counts(file, input.units)) {
      state.SkipWithError("parse_file found other blocks or references than were generated");
      break;
    }
    benchmark::DoNotOptimize(file.blocks.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(input.text.size()));
  state.counters["blocks"] = static_cast<double>(input.units * k_blocks_per_unit);
}

void bm_bare_grammar(benchmark::State& state) {
  const Generated input = generate(static_cast<std::size_t>(state.range(0)));
  TSParser* parser = ts_parser_new();
  ts_parser_set_language(parser, tree_sitter_hcl());
  for (auto _ : state) {
    TSTree* tree = ts_parser_parse_string(parser, nullptr, input.text.data(),
                                          static_cast<std::uint32_t>(input.text.size()));
    const bool clean = tree != nullptr && !ts_node_has_error(ts_tree_root_node(tree));
    ts_tree_delete(tree);
    if (!clean) {
      state.SkipWithError("the generated text does not parse cleanly");
      break;
    }
  }
  ts_parser_delete(parser);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(input.text.size()));
}

// `locals { x = ["a0", "a1", ...] }` on one line of `bytes` bytes.
std::string hostile_line(std::size_t bytes) {
  std::string text = "locals { x = [";
  text.reserve(bytes + 32);
  for (std::size_t i = 0; text.size() < bytes; ++i) text += "\"a" + std::to_string(i) + "\", ";
  text += "] }\n";
  return text;
}

double peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

void bm_hostile_line(benchmark::State& state) {
  const std::string text = hostile_line(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    const auto file = blastgraph::terraform::parse_file("hostile.tf", text);
    const bool refused =
        file.blocks.empty() &&
        std::any_of(file.diagnostics.begin(), file.diagnostics.end(),
                    [](const auto& d) { return d.code == "hcl-too-many-tokens"; });
    if (!refused) {
      state.SkipWithError("the one-line list was not refused by the token budget");
      break;
    }
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(text.size()));
  state.counters["peak_rss_mb"] = peak_rss_mb();
}

}  // namespace

BENCHMARK(bm_hostile_line)->Arg(16 << 20)->Unit(benchmark::kMillisecond);
BENCHMARK(bm_parse_file)
    ->RangeMultiplier(4)
    ->Range(64 << 10, 16 << 20)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(bm_bare_grammar)
    ->RangeMultiplier(4)
    ->Range(64 << 10, 16 << 20)
    ->Unit(benchmark::kMillisecond);
