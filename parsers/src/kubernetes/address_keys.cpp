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

std::vector<ServiceAddress> find_called_services(const AddressSite& site) {
  if (names_tls_server_name(site.key) || is_dashboard(site.value)) return {};
  return find_service_addresses(site.value);
}

}  // namespace blastgraph::kubernetes
