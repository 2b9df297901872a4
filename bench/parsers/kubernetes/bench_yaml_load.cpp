// YAML throughput at growing sizes: libyaml's event parser alone (the floor), our tree
// (yaml::load), and the whole manifest model (parse_manifests). Each run checks its answer.

#include <benchmark/benchmark.h>
#include <yaml.h>

#include <map>

#include "blastgraph/parsers/kubernetes.hpp"
#include "blastgraph/parsers/yaml.hpp"
#include "manifest_input.hpp"

namespace blastgraph::bench {
namespace {

const ManifestInput& input_of(std::size_t bytes) {
  static std::map<std::size_t, ManifestInput> cache;
  auto found = cache.find(bytes);
  if (found == cache.end()) found = cache.emplace(bytes, generate_manifests(bytes)).first;
  return found->second;
}

std::size_t count_documents_with_libyaml(const std::string& text) {
  yaml_parser_t parser;
  yaml_parser_initialize(&parser);
  yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text.data()),
                               text.size());
  std::size_t documents = 0;
  for (bool done = false; !done;) {
    yaml_event_t event;
    if (yaml_parser_parse(&parser, &event) == 0) break;
    documents += event.type == YAML_DOCUMENT_START_EVENT ? 1 : 0;
    done = event.type == YAML_STREAM_END_EVENT;
    yaml_event_delete(&event);
  }
  yaml_parser_delete(&parser);
  return documents;
}

void BM_LibyamlEvents(benchmark::State& state) {
  const ManifestInput& input = input_of(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    std::size_t documents = count_documents_with_libyaml(input.text);
    // The text ends with `---\n`, an empty last document.
    if (documents != input.objects + 1) state.SkipWithError("wrong document count");
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(input.text.size()));
}

void BM_YamlLoad(benchmark::State& state) {
  const ManifestInput& input = input_of(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    yaml::Stream stream = yaml::load("bench.yaml", input.text);
    if (stream.documents.size() != input.objects || !stream.diagnostics.empty()) {
      state.SkipWithError("wrong document count");
    }
    benchmark::DoNotOptimize(stream);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(input.text.size()));
}

void BM_ParseManifests(benchmark::State& state) {
  const ManifestInput& input = input_of(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    kubernetes::ManifestFile file = kubernetes::parse_manifests("bench.yaml", input.text);
    std::size_t references = 0;
    for (const kubernetes::Object& object : file.objects) references += object.references.size();
    if (file.objects.size() != input.objects || references != input.references) {
      state.SkipWithError("wrong object or reference count");
    }
    benchmark::DoNotOptimize(file);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(input.text.size()));
}

void sizes(benchmark::internal::Benchmark* b) {
  for (std::int64_t kib : {256, 2048, 8192, 32768}) b->Arg(kib << 10);
  b->Unit(benchmark::kMillisecond);
}

BENCHMARK(BM_LibyamlEvents)->Apply(sizes);
BENCHMARK(BM_YamlLoad)->Apply(sizes);
BENCHMARK(BM_ParseManifests)->Apply(sizes);

}  // namespace
}  // namespace blastgraph::bench
