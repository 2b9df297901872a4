// find_service_addresses: one row per form the declaration promises to read or to refuse.

#include <gtest/gtest.h>

#include "blastgraph/parsers/kubernetes.hpp"

namespace blastgraph::kubernetes {
namespace {

struct Row {
  std::string_view value;
  std::vector<ServiceAddress> expected;
};

ServiceAddress at(std::string name, std::string ns, std::optional<std::uint16_t> port = {}) {
  return ServiceAddress{std::move(name), std::move(ns), port, {}, false};
}

const std::vector<Row>& found_rows() {
  static const std::vector<Row> rows{
      {"svc:8080", {at("svc", "", 8080)}},
      {"svc.ns", {at("svc", "ns")}},
      {"svc.ns.svc", {at("svc", "ns")}},
      {"svc.ns.svc.cluster.local:443", {at("svc", "ns", 443)}},
      {"svc.ns.svc.cluster.local.", {at("svc", "ns")}},
      {"svc.ns.svc.corp.internal:80", {at("svc", "ns", 80)}},
      {"http://svc:8080/x", {at("svc", "", 8080)}},
      {"http://svc/x", {at("svc", "")}},
      {"https://checkout.shop/api?q=1#top", {at("checkout", "shop")}},
      {"mongodb://user:pw@db:27017/test", {at("db", "", 27017)}},
      {"redis://cache.shop.svc.cluster.local:6379", {at("cache", "shop", 6379)}},
      {"jdbc:postgresql://postgres.data:5432/shop", {at("postgres", "data", 5432)}},
      {"PLAINTEXT://kafka:9092", {at("kafka", "", 9092)}},
      {"kafka-0.kafka-headless.streaming.svc.cluster.local:9092",
       {at("kafka-headless", "streaming", 9092)}},
      {"svc:8080/api/v1", {at("svc", "", 8080)}},
      {"kafka-0:9092,kafka-1:9092, kafka-2:9092",
       {at("kafka-0", "", 9092), at("kafka-1", "", 9092), at("kafka-2", "", 9092)}},
      {"mongodb://a:1,b:2/db", {at("a", "", 1), at("b", "", 2)}},
      {"cart:8080 cart:8080", {at("cart", "", 8080)}},
      {"cart:8080 cart:9090", {at("cart", "", 8080), at("cart", "", 9090)}},
      {"url=http://orders:80", {at("orders", "", 80)}},
      {"\"http://orders:80\"", {at("orders", "", 80)}},
      {"(see billing.finance).", {at("billing", "finance")}},
      {"host: search.shop", {at("search", "shop")}},
      {"http://search:9200/_search?q=a=b", {at("search", "", 9200)}},
      {"\"log.level\": \"debug\", \"url\": \"ws://events.shop\"", {at("events", "shop")}},
      {"dns:///ads:9555", {at("ads", "", 9555)}},
      {"dns://10.0.0.10/catalog.shop:3550", {at("catalog", "shop", 3550)}},
      {"kubernetes:///cart.shop:7070", {at("cart", "shop", 7070)}},
      {"passthrough:///checkout:5050", {at("checkout", "", 5050)}},
  };
  return rows;
}

const std::vector<std::string_view>& refused_values() {
  static const std::vector<std::string_view> values{
      "",
      "true",
      "info",
      "production",
      "8080",
      "3.14",
      "v1.2",
      "1.2.3",
      "10.0.0.1",
      "10.0.0.1:5432",
      "http://10.0.0.1:80/",
      "[::1]:80",
      "localhost:8080",
      "http://localhost/x",
      "/etc/config/app.yaml",
      "config/app.yaml",
      "./run.sh",
      "ops@example.com",
      "mailto:ops@example.com",
      "api.stripe.com",
      "https://api.stripe.com/v1",
      "example.com",
      "app.yaml",
      "tls.key",
      "Cart:8080",
      "INFO",
      "12:30",
      "en_US.UTF-8",
      "s3://bucket/key",
      "file:///var/data",
      "gs://bucket",
      "unix:///var/run/docker.sock",
      "cart:0",
      "cart:70000",
      "cart:http",
      "-cart:80",
      "cart-:80",
      "a..b",
      "org.postgresql.Driver",
      "com.example.app",
      "0cart:80",
      "log.level=debug",
      "app.name: shop",
      "dns:///10.0.0.1:53",
      "dns://ads:9555",
  };
  return values;
}

TEST(FindServiceAddresses, ReadsEveryAddressForm) {
  for (const Row& row : found_rows()) {
    EXPECT_EQ(find_service_addresses(row.value), row.expected) << "value: " << row.value;
  }
}

TEST(FindServiceAddresses, RefusesWhatIsNotAServiceHost) {
  for (std::string_view value : refused_values()) {
    EXPECT_TRUE(find_service_addresses(value).empty()) << "value: " << value;
  }
}

TEST(FindServiceAddresses, FindsAddressesInsideConfigurationFiles) {
  const std::string properties =
      "spring.datasource.url=jdbc:postgresql://postgres.data:5432/shop\n"
      "log.level=info\n"
      "catalog.endpoint=http://catalog:8080\n"
      "{\"cache\": \"redis://cache.shop.svc:6379\"}\n";
  EXPECT_EQ(find_service_addresses(properties),
            (std::vector<ServiceAddress>{at("postgres", "data", 5432), at("catalog", "", 8080),
                                         at("cache", "shop", 6379)}));
}

// Each rule below has its own test, so removing one fails exactly that test.

TEST(FindServiceAddresses, SkipsTheValueOfATlsServerNameKey) {
  const std::string envoy =
      "- sni: payments.shop.svc.cluster.local\n"
      "  address: cart.shop.svc.cluster.local\n"
      "{\"serverName\": \"auth.platform.svc\"}\n"
      "server_name = \"search.shop.svc\"\n";
  EXPECT_EQ(find_service_addresses(envoy), (std::vector<ServiceAddress>{at("cart", "shop")}));
}

TEST(FindServiceAddresses, SkipsPromqlLabelMatchers) {
  const std::string rule =
      "expr: up{service=\"payments.shop\", instance!=\"cart.shop:8080\"} == 0\n"
      "url: http://prometheus.monitoring:9090\n";
  EXPECT_EQ(find_service_addresses(rule),
            (std::vector<ServiceAddress>{at("prometheus", "monitoring", 9090)}));
}

TEST(FindServiceAddresses, SkipsLabelBlocks) {
  const std::string scrape =
      "- targets: [\"api.shop:8080\"]\n"
      "  labels:\n"
      "    service: cart.shop\n"
      "    upstream: payments.shop:443\n"
      "- targets: [\"orders.shop:8080\"]\n"
      "  labels: {service: search.shop}\n"
      "global: {external_labels: {cluster: prod.west}}\n";
  EXPECT_EQ(find_service_addresses(scrape),
            (std::vector<ServiceAddress>{at("api", "shop", 8080), at("orders", "shop", 8080)}));
}

TEST(FindServiceAddresses, KeepsTheHostAsWrittenAndWhetherItIsUnmistakable) {
  const auto url = find_service_addresses("http://orders.internal/x");
  ASSERT_EQ(url.size(), 1U);
  EXPECT_EQ(url[0].host, "orders.internal");
  EXPECT_TRUE(url[0].unmistakable);
  const auto cluster = find_service_addresses("ledger.finance.svc.cluster.local");
  ASSERT_EQ(cluster.size(), 1U);
  EXPECT_EQ(cluster[0].host, "ledger.finance.svc.cluster.local");
  EXPECT_TRUE(cluster[0].unmistakable);
  const auto word = find_service_addresses("auth.platform");
  ASSERT_EQ(word.size(), 1U);
  EXPECT_FALSE(word[0].unmistakable);
}

TEST(NamesTlsServerName, ByTheWordsOfTheKey) {
  for (std::string_view key :
       {"UPSTREAM_SNI", "sni", "tls.serverName", "SERVER_NAME", "TLSServerName",
        "grpc.ssl_target_name_override", "dnsNames", "subjectAltNames"}) {
    EXPECT_TRUE(names_tls_server_name(key)) << key;
  }
  for (std::string_view key :
       {"REDIS_TLS_HOST", "SERVICE_NAME", "SNIPPET_URL", "snis_url", "HOST", "server", ""}) {
    EXPECT_FALSE(names_tls_server_name(key)) << key;
  }
}

TEST(FindCalledServices, NotFromTlsServerNameKeys) {
  const std::string host = "payments.shop.svc.cluster.local";
  EXPECT_TRUE(find_called_services({host, "PAYMENTS_SNI", "env[PAYMENTS_SNI].value", {}}).empty());
  EXPECT_EQ(find_called_services({host, "PAYMENTS_URL", "env[PAYMENTS_URL].value", {}}),
            (std::vector<ServiceAddress>{at("payments", "shop")}));
}

TEST(FindCalledServices, NotFromDashboards) {
  const std::string dashboard =
      "{\"title\": \"Cart\", \"panels\": [{\"links\": [{\"url\": \"http://cart.shop:8080\"}]}]}";
  EXPECT_TRUE(find_called_services({dashboard, "cart.json", "data.cart.json", {}}).empty());
  const std::string config = "{\"upstream\": \"http://cart.shop:8080\"}";
  EXPECT_EQ(find_called_services({config, "app.json", "data.app.json", {}}).size(), 1U);
}

ServiceAddress bare(std::string name) {
  auto address = at(name, "");
  address.bare = true;
  return address;
}

TEST(FindCalledServices, ABareHostCountsOnlyUnderAKeyThatNamesAnAddress) {
  for (std::string_view key : {"REDIS_HOST", "DB_HOSTNAME", "catalogAddr", "catalog-addr",
                               "SMTP_SERVER", "KAFKA_BROKERS", "OTEL_ENDPOINT", "upstreams",
                               "kafka.bootstrap"}) {
    EXPECT_TRUE(names_address(key)) << key;
    const auto found = find_called_services({"redis", std::string(key), "env", {}, {}});
    EXPECT_EQ(found, std::vector<ServiceAddress>{bare("redis")}) << key;
    EXPECT_TRUE(found.front().bare);
  }
  for (std::string_view key : {"CACHE_KIND", "HOST_NETWORK_MODE", "LOG_LEVEL", "hostPath", "",
                               "SERVER_NAME"}) {
    EXPECT_TRUE(find_called_services({"redis", std::string(key), "env", {}, {}}).empty()) << key;
  }
}

TEST(FindCalledServices, BareHostListsAndWhatIsNoBareHost) {
  EXPECT_EQ(find_called_services({"redis-0, redis-1;cache", "CACHE_HOSTS", "env", {}, {}}),
            (std::vector<ServiceAddress>{bare("redis-0"), bare("redis-1"), bare("cache")}));
  for (std::string_view value : {"localhost", "Redis", "10.0.0.1", "redis-", "line one\nline two",
                                 "0redis", "redis_cache"}) {
    EXPECT_TRUE(find_called_services({std::string(value), "REDIS_HOST", "env", {}, {}}).empty())
        << value;
  }
}

}  // namespace
}  // namespace blastgraph::kubernetes
