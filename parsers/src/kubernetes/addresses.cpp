// find_service_addresses: which parts of a configuration string name an in-cluster Service.
// The rule is stated on the declaration; it trades a few missed calls (uppercase hosts,
// namespaces named like a TLD) for not inventing calls out of versions, files and words.

#include <algorithm>
#include <array>
#include <utility>

#include "blastgraph/parsers/kubernetes.hpp"

namespace blastgraph::kubernetes {
namespace {

// Second labels that make `a.b` a public domain or a file name rather than `svc.ns`.
constexpr std::array<std::string_view, 18> k_top_level_domains{
    "com", "org", "net", "io", "edu", "gov",  "mil", "int",   "co",
    "ai",  "us",  "uk",  "de", "eu",  "info", "biz", "local", "localhost"};
constexpr std::array<std::string_view, 44> k_file_extensions{
    "yaml", "yml", "json", "xml", "toml", "ini", "conf", "cfg", "properties", "env",  "txt",
    "md",   "log", "html", "htm", "css",  "js",  "ts",   "py",  "rb",         "go",   "java",
    "jar",  "war", "sh",   "sql", "csv",  "pem", "crt",  "cer", "key",        "p12",  "jks",
    "tar",  "gz",  "tgz",  "zip", "so",   "dll", "exe",  "bin", "sock",       "tmpl", "tpl"};
// Schemes of storage locations, whose "host" is a bucket or a path, not a Service.
// gRPC name resolvers whose target is the path: `dns:///svc:50051`, `dns://8.8.8.8/svc:50051`,
// `kubernetes:///svc.ns:8080`, `passthrough:///svc:50051`.
constexpr std::array<std::string_view, 3> k_grpc_resolvers{"dns", "kubernetes", "passthrough"};
constexpr std::array<std::string_view, 13> k_storage_schemes{
    "file", "s3",    "s3a",  "s3n",   "gs",   "gcs", "az",
    "abfs", "abfss", "wasb", "wasbs", "unix", "data"};

template <std::size_t N>
bool listed(const std::array<std::string_view, N>& words, std::string_view word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), is_digit);
}

// Splits `host` into DNS-1123 labels; empty when it is not a lowercase DNS name.
std::vector<std::string_view> dns_labels(std::string_view host) {
  std::vector<std::string_view> labels;
  if (host.empty() || host.size() > 253) return {};
  for (std::size_t start = 0;;) {
    std::size_t dot = host.find('.', start);
    std::string_view label =
        host.substr(start, dot == std::string_view::npos ? host.npos : dot - start);
    if (!is_dns_label(label)) return {};
    labels.push_back(label);
    if (dot == std::string_view::npos) return labels;
    start = dot + 1;
  }
}

std::optional<std::uint16_t> parse_port(std::string_view text) {
  if (text.empty() || text.size() > 5 || !all_digits(text)) return std::nullopt;
  unsigned value = 0;
  for (char c : text) value = value * 10 + static_cast<unsigned>(c - '0');
  if (value == 0 || value > 65535) return std::nullopt;
  return static_cast<std::uint16_t>(value);
}

// Reads the host labels as a Service name and namespace (see the declaration's table).
std::optional<ServiceAddress> to_service(const std::vector<std::string_view>& labels, bool has_port,
                                         bool has_scheme) {
  if (labels.empty() || !(labels[0][0] >= 'a' && labels[0][0] <= 'z')) return std::nullopt;
  if (labels.size() == 1) {
    if ((!has_port && !has_scheme) || labels[0] == "localhost") return std::nullopt;
    return ServiceAddress{std::string(labels[0]), {}, std::nullopt, {}, false};
  }
  std::size_t name = 0;
  if (labels.size() >= 3 && labels[2] != "svc") {
    if (labels.size() < 4 || labels[3] != "svc") return std::nullopt;
    name = 1;  // <pod>.<service>.<namespace>.svc...
  }
  if (labels.size() == 2 &&
      (listed(k_top_level_domains, labels[1]) || listed(k_file_extensions, labels[1]))) {
    return std::nullopt;
  }
  if (all_digits(labels[name + 1])) return std::nullopt;  // a version like v1.2
  return ServiceAddress{
      std::string(labels[name]), std::string(labels[name + 1]), std::nullopt, {}, false};
}

std::optional<ServiceAddress> read_token(std::string_view token) {
  bool has_scheme = false;
  if (std::size_t scheme_end = token.find("://"); scheme_end != std::string_view::npos) {
    std::string_view scheme = token.substr(0, scheme_end);
    std::size_t colon = scheme.rfind(':');  // jdbc:postgresql://
    std::string_view last = colon == std::string_view::npos ? scheme : scheme.substr(colon + 1);
    if (scheme.empty() || listed(k_storage_schemes, last)) return std::nullopt;
    has_scheme = true;
    token.remove_prefix(scheme_end + 3);
    if (listed(k_grpc_resolvers, scheme)) {
      // The authority, when there is one, names the resolver's DNS server.
      const std::size_t slash = token.find('/');
      if (slash == std::string_view::npos) return std::nullopt;
      token.remove_prefix(slash + 1);
    }
  }
  std::size_t authority_end = std::min(token.find_first_of("/?#"), token.size());
  std::string_view authority = token.substr(0, authority_end);
  bool has_path = authority_end < token.size();
  if (std::size_t at = authority.rfind('@'); at != std::string_view::npos) {
    if (!has_scheme) return std::nullopt;  // an e-mail address
    authority.remove_prefix(at + 1);
  }
  std::optional<std::uint16_t> port;
  if (std::size_t colon = authority.rfind(':'); colon != std::string_view::npos) {
    port = parse_port(authority.substr(colon + 1));
    if (!port) return std::nullopt;
    authority = authority.substr(0, colon);
  }
  // Without a scheme, `a/b` is a file path unless a port says otherwise (`svc:8080/api`).
  if (has_path && !has_scheme && !port) return std::nullopt;
  const std::vector<std::string_view> labels = dns_labels(authority);
  std::optional<ServiceAddress> service = to_service(labels, port.has_value(), has_scheme);
  if (!service) return service;
  service->port = port;
  service->host = std::string(authority);
  // Three labels or more were only accepted with `svc` among them.
  service->unmistakable = has_scheme || port.has_value() || labels.size() >= 3;
  return service;
}

std::string_view trim_token(std::string_view token) {
  constexpr std::string_view k_leading = "\"'`([{<";
  constexpr std::string_view k_trailing = "\"'`)]}>.:";
  while (!token.empty() && k_leading.find(token.front()) != std::string_view::npos)
    token.remove_prefix(1);
  while (!token.empty() && k_trailing.find(token.back()) != std::string_view::npos)
    token.remove_suffix(1);
  return token;
}

// Keys whose block or flow mapping holds metric labels (Prometheus rules, scrape configs).
constexpr std::array<std::string_view, 2> k_label_blocks{"labels", "external_labels"};

// The name in a key token: `"sni":` -> `sni`, `{service` -> `service`, `job!` -> `job`.
std::string_view key_name(std::string_view token) {
  constexpr std::string_view k_around = "\"'`{[(,!~:";
  std::size_t first = token.find_first_not_of(k_around);
  if (first == std::string_view::npos) return {};
  std::size_t last = token.find_last_not_of(k_around);
  std::size_t open = token.rfind('{', last);  // PromQL: `up{job`
  if (open != std::string_view::npos && open >= first) first = open + 1;
  return token.substr(first, last + 1 - first);
}

int brace_balance(std::string_view token) {
  return static_cast<int>(std::count(token.begin(), token.end(), '{')) -
         static_cast<int>(std::count(token.begin(), token.end(), '}'));
}

// Reads one line's tokens into `out`. `braces` carries open `{` across lines. Returns true
// when the line holds a `labels:` key, whose deeper-indented lines are labels too.
bool scan_line(std::string_view line, int& braces, std::vector<ServiceAddress>& out) {
  constexpr std::string_view k_separators = " \t\r,;=";
  bool in_labels = false;   // the rest of the line is a `labels:` flow mapping
  bool skip_value = false;  // the next value belongs to a key that names no call
  for (std::size_t start = line.find_first_not_of(k_separators); start != std::string_view::npos;) {
    std::size_t end = std::min(line.find_first_of(k_separators, start), line.size());
    std::string_view token = line.substr(start, end - start);
    start = line.find_first_not_of(k_separators, end);
    braces = std::max(0, braces + brace_balance(token));
    if (in_labels) continue;
    // Keys of `key=value`, `key: value` and JSON: `log.level` is a setting, not a Service.
    const std::size_t next = line.find_first_not_of(" \t", end);  // `key = value` too
    const bool before_equals = next != std::string_view::npos && line[next] == '=';
    if (token.find("://") == std::string_view::npos && (token.ends_with(':') || before_equals)) {
      const std::string_view key = key_name(token);
      in_labels = listed(k_label_blocks, key);
      // Inside braces, `key="value"` is a label matcher (`up{service="cart.shop"}`).
      skip_value = names_tls_server_name(key) || (before_equals && braces > 0);
      continue;
    }
    if (std::exchange(skip_value, false)) continue;
    std::optional<ServiceAddress> found = read_token(trim_token(token));
    if (found && std::find(out.begin(), out.end(), *found) == out.end()) out.push_back(*found);
  }
  return in_labels;
}

}  // namespace

std::vector<ServiceAddress> find_service_addresses(std::string_view value) {
  std::vector<ServiceAddress> out;
  int braces = 0;
  std::optional<std::size_t> label_block;  // indentation of the open `labels:` key
  for (std::size_t line_start = 0; line_start <= value.size();) {
    const std::size_t line_end = std::min(value.find('\n', line_start), value.size());
    const std::string_view line = value.substr(line_start, line_end - line_start);
    line_start = line_end + 1;
    const std::size_t indent = line.find_first_not_of(" \t-");  // `- ` starts a list item
    if (indent == std::string_view::npos) continue;
    if (label_block && indent > *label_block) continue;
    label_block.reset();
    if (scan_line(line, braces, out)) label_block = indent;
  }
  return out;
}

}  // namespace blastgraph::kubernetes
