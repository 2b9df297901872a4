// What a configuration key or value means for call inference: names a TLS client sends or
// checks are hosts that are not called, and dashboards hold queries, not calls.

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

#include "blastgraph/parsers/kubernetes.hpp"

namespace blastgraph::kubernetes {
namespace {

bool is_upper(char c) {
  return std::isupper(static_cast<unsigned char>(c)) != 0;
}
bool is_lower(char c) {
  return std::islower(static_cast<unsigned char>(c)) != 0;
}
bool is_alnum(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0;
}

// `TLSServerName`, `tls.server_name`, `UPSTREAM_SNI` -> lowercase words.
std::vector<std::string> key_words(std::string_view key) {
  std::vector<std::string> words;
  std::string current;
  auto flush = [&] {
    if (!current.empty()) words.push_back(std::exchange(current, {}));
  };
  for (std::size_t i = 0; i < key.size(); ++i) {
    const char c = key[i];
    if (!is_alnum(c)) {
      flush();
      continue;
    }
    const bool camel = is_upper(c) && i > 0 && is_lower(key[i - 1]);
    const bool acronym_end =
        is_upper(c) && i > 0 && is_upper(key[i - 1]) && i + 1 < key.size() && is_lower(key[i + 1]);
    if (camel || acronym_end) flush();
    current += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  flush();
  return words;
}

// Word sequences that make a key a TLS server name (see names_tls_server_name).
constexpr std::array<std::array<std::string_view, 3>, 7> k_tls_name_phrases{{
    {"sni", "", ""},
    {"servername", "", ""},
    {"server", "name", ""},
    {"target", "name", "override"},
    {"dnsnames", "", ""},
    {"dns", "names", ""},
    {"subject", "alt", "names"},
}};

bool holds_phrase(const std::vector<std::string>& words,
                  const std::array<std::string_view, 3>& phrase) {
  const auto length = static_cast<std::size_t>(
      std::count_if(phrase.begin(), phrase.end(), [](std::string_view w) { return !w.empty(); }));
  for (std::size_t i = 0; i + length <= words.size(); ++i) {
    if (std::equal(phrase.begin(), phrase.begin() + static_cast<std::ptrdiff_t>(length),
                   words.begin() + static_cast<std::ptrdiff_t>(i))) {
      return true;
    }
  }
  return false;
}

// Last words of keys whose value is a host (see names_address).
constexpr std::array<std::string_view, 17> k_address_words{
    "host",    "hosts",     "hostname", "hostnames", "addr",     "addrs",
    "address", "addresses", "server",   "servers",   "endpoint", "endpoints",
    "broker",  "brokers",   "upstream", "upstreams", "bootstrap"};

// The bare labels of a one-line host list: `redis`, `kafka-0, kafka-1`. A token that is not
// one bare label (a dotted name, a port, a URL) is find_service_addresses', not ours.
std::vector<ServiceAddress> bare_hosts(std::string_view value) {
  std::vector<ServiceAddress> out;
  if (value.find('\n') != std::string_view::npos) return out;
  constexpr std::string_view k_separators = " \t,;";
  for (std::size_t start = value.find_first_not_of(k_separators);
       start != std::string_view::npos;) {
    const std::size_t end = std::min(value.find_first_of(k_separators, start), value.size());
    const std::string_view token = value.substr(start, end - start);
    start = value.find_first_not_of(k_separators, end);
    // A Service name: a DNS label that starts with a letter.
    const bool label = is_dns_label(token) && token.front() >= 'a' && token.front() <= 'z';
    if (!label || token == "localhost") continue;
    ServiceAddress address{std::string(token), {}, std::nullopt, std::string(token), false, true};
    if (std::find(out.begin(), out.end(), address) == out.end()) out.push_back(std::move(address));
  }
  return out;
}

// A Grafana dashboard (or a panel list): JSON with "panels". Its queries and data links name
// Services without calling them.
bool is_dashboard(std::string_view value) {
  const std::size_t first = value.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && value[first] == '{' &&
         value.find("\"panels\"") != std::string_view::npos;
}

}  // namespace

bool names_tls_server_name(std::string_view key) {
  const std::vector<std::string> words = key_words(key);
  return std::any_of(k_tls_name_phrases.begin(), k_tls_name_phrases.end(),
                     [&](const auto& phrase) { return holds_phrase(words, phrase); });
}

bool names_address(std::string_view key) {
  const std::vector<std::string> words = key_words(key);
  return !words.empty() && std::find(k_address_words.begin(), k_address_words.end(),
                                     words.back()) != k_address_words.end();
}

std::vector<ServiceAddress> find_called_services(const AddressSite& site) {
  if (names_tls_server_name(site.key) || is_dashboard(site.value)) return {};
  auto out = find_service_addresses(site.value);
  if (!names_address(site.key)) return out;
  for (auto& bare : bare_hosts(site.value)) {
    if (std::find(out.begin(), out.end(), bare) == out.end()) out.push_back(std::move(bare));
  }
  return out;
}

}  // namespace blastgraph::kubernetes
