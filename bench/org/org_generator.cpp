#include "org_generator.hpp"

#include <algorithm>
#include <fstream>
#include <random>
#include <string_view>
#include <vector>

namespace blastgraph::bench {
namespace {

constexpr std::size_t k_services_per_tf_file = 1000;
constexpr std::size_t k_services_per_yaml_file = 50;
constexpr std::string_view k_account = "123456789012";

std::string padded(std::size_t value, int width) {
  std::string text = std::to_string(value);
  if (static_cast<int>(text.size()) < width)
    text.insert(0, static_cast<std::size_t>(width) - text.size(), '0');
  return text;
}

std::string namespace_name(std::size_t i) {
  return "ns-" + padded(i, 3);
}

class Writer {
 public:
  Writer(std::filesystem::path root, const OrgSpec& spec)
      : m_root(std::move(root)), m_spec(spec), m_random(spec.seed) {}

  OrgCounts run() {
    write_platform();
    write_modules();
    write_kubernetes();
    if (m_spec.shared_layers) write_iam();
    return m_counts;
  }

 private:
  void write(const std::filesystem::path& relative, const std::string& text) {
    const auto path = m_root / relative;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << text;
    ++m_counts.files;
    m_counts.bytes += text.size();
  }

  // The name of this organization's service `i`.
  [[nodiscard]] std::string name_of(std::size_t i) const {
    return service_name(m_spec.first_service + i);
  }

  std::string module_source(std::size_t level) const {
    return "../modules/level-" + std::to_string(level);
  }

  void write_platform() {
    std::string main = R"(terraform {
  backend "s3" {
    bucket = "acme-terraform-state"
    key    = ")" + m_spec.state_key + R"(/terraform.tfstate"
    region = "eu-west-1"
  }
}

provider "aws" {
  region = "eu-west-1"
}
)";
    if (m_spec.shared_layers) {
      main += R"(
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_subnet" "private" {
  count      = 3
  vpc_id     = aws_vpc.main.id
  cidr_block = cidrsubnet(aws_vpc.main.cidr_block, 4, count.index)
}

resource "aws_iam_policy" "boundary" {
  name = "service-boundary"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["s3:*", "sqs:*", "logs:*"]
      Resource = "*"
    }]
  })
}
)";
      m_counts.terraform_resources += 3;
    }
    if (m_spec.boundary_lookup && !m_spec.shared_layers) {
      main += R"(
data "aws_iam_policy" "boundary" {
  name = "service-boundary"
}
)";
    }
    write("terraform/platform/main.tf", main);
    for (std::size_t first = 0; first < m_spec.services; first += k_services_per_tf_file) {
      std::string calls;
      std::string grants;
      const auto last = std::min(first + k_services_per_tf_file, m_spec.services);
      for (std::size_t i = first; i < last; ++i) {
        const auto name = name_of(i);
        calls += "module \"" + name + "\" {\n  source = \"" + module_source(1) + "\"\n";
        calls += "  name   = \"" + name + "\"\n";
        if (m_spec.boundary_lookup && !m_spec.shared_layers) {
          calls += "  boundary_arn = data.aws_iam_policy.boundary.arn\n";
        }
        if (m_spec.shared_layers) {
          calls += "  boundary_arn = aws_iam_policy.boundary.arn\n";
          calls += "  vpc_id       = aws_vpc.main.id\n";
          calls += "  subnet_ids   = aws_subnet.private[*].id\n";
        }
        calls += "}\n\n";
        if (m_spec.wildcard_every != 0 && i % m_spec.wildcard_every == 0) {
          // A prefix that covers ten services' buckets: svc-00001* is svc-000010 to 19.
          const auto prefix = "arn:aws:s3:::acme-" + name.substr(0, name.size() - 1);
          grants += "resource \"aws_iam_role_policy\" \"wildcard_" + padded(i, 6) + "\" {\n";
          grants += "  role = module." + name + ".role_name\n";
          grants += "  policy = jsonencode({\n    Version = \"2012-10-17\"\n";
          grants +=
              "    Statement = [{ Effect = \"Allow\", Action = \"s3:GetObject\", Resource = \"" +
              prefix + "*\" }]\n  })\n}\n\n";
          ++m_counts.terraform_resources;
        }
        if (m_spec.admin_every != 0 && i % m_spec.admin_every == 0) {
          grants += "resource \"aws_iam_role_policy\" \"admin_" + padded(i, 6) + "\" {\n";
          grants += "  role = module." + name + ".role_name\n";
          grants += "  policy = jsonencode({\n    Version = \"2012-10-17\"\n";
          grants += "    Statement = [{ Effect = \"Allow\", Action = \"*\", Resource = \"*\" }]\n";
          grants += "  })\n}\n\n";
          ++m_counts.terraform_resources;
        }
      }
      const auto suffix = padded(first / k_services_per_tf_file, 3);
      write("terraform/platform/services-" + suffix + ".tf", calls);
      if (!grants.empty()) write("terraform/platform/grants-" + suffix + ".tf", grants);
    }
  }

  // A second trust statement admitting the whole account, when asked for.
  [[nodiscard]] std::string account_trust() const {
    if (!m_spec.account_trusts) return {};
    return R"(, {
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "arn:aws:iam::)" +
           std::string(k_account) + R"(:root" }
    })";
  }

  void write_modules() {
    const std::string variables = R"(variable "name" {
  type = string
}

variable "boundary_arn" {
  type    = string
  default = null
}

variable "vpc_id" {
  type    = string
  default = null
}

variable "subnet_ids" {
  type    = list(string)
  default = []
}
)";
    const auto depth = std::max<std::size_t>(m_spec.module_depth, 1);
    for (std::size_t level = 1; level < depth; ++level) {
      write("terraform/modules/level-" + std::to_string(level) + "/main.tf", variables + R"(
module "inner" {
  source       = "../level-)" + std::to_string(level + 1) + R"("
  name         = var.name
  boundary_arn = var.boundary_arn
  vpc_id       = var.vpc_id
  subnet_ids   = var.subnet_ids
}

output "role_name" {
  value = module.inner.role_name
}
)");
    }
    write("terraform/modules/level-" + std::to_string(depth) + "/main.tf",
          variables + R"(
resource "aws_iam_role" "this" {
  name                 = var.name
  permissions_boundary = var.boundary_arn
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = "arn:aws:iam::)" +
              std::string(k_account) + R"(:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ACME" }
    })" + account_trust() +
              R"(]
  })
}

resource "aws_s3_bucket" "this" {
  bucket = "acme-${var.name}"
}

resource "aws_sqs_queue" "this" {
  name = var.name
}

resource "aws_security_group" "this" {
  name   = var.name
  vpc_id = var.vpc_id
}

resource "aws_iam_role_policy" "this" {
  role = aws_iam_role.this.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = ["s3:GetObject", "s3:PutObject"], Resource = "${aws_s3_bucket.this.arn}/*" },
      { Effect = "Allow", Action = ["sqs:SendMessage", "sqs:ReceiveMessage"], Resource = aws_sqs_queue.this.arn },
    ]
  })
}

output "role_name" {
  value = aws_iam_role.this.name
}
)");
    m_counts.terraform_resources += 5 * m_spec.services;
  }

  std::string service_objects(std::size_t i, const std::string& ns) {
    const auto name = name_of(i);
    std::string out;
    out +=
        "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: " + name +
        "\n  namespace: " + ns +
        "\n  annotations:\n    eks.amazonaws.com/role-arn: arn:aws:iam::" + std::string(k_account) +
        ":role/" + name + "\n---\n";
    out += "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name +
           "-config\n  namespace: " + ns + "\n  labels: {app.kubernetes.io/name: " + name +
           "}\ndata:\n  LOG_LEVEL: info\n";
    // Calls go to services written before (a layered architecture, as real ones are: core
    // services called by many, leaves by none), distinct, at most `call_fanout`.
    std::vector<std::size_t> callees;
    for (std::size_t c = 0; c < m_spec.call_fanout && c < i; ++c) {
      std::uniform_int_distribution<std::size_t> pick(0, i - 1);
      auto callee = pick(m_random);
      while (std::find(callees.begin(), callees.end(), callee) != callees.end()) {
        callee = (callee + 1) % i;
      }
      callees.push_back(callee);
      const auto callee_ns = namespace_name(callee % m_spec.namespaces);
      out += "  UPSTREAM_" + std::to_string(c) + "_URL: http://" + name_of(callee) + "." +
             callee_ns + ":8080\n";
    }
    out += "---\n";
    out += "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: " + name +
           "\n  namespace: " + ns + "\n  labels: {app.kubernetes.io/name: " + name +
           ", app.kubernetes.io/part-of: acme}\nspec:\n  selector:\n    matchLabels: "
           "{app.kubernetes.io/name: " +
           name +
           "}\n  template:\n    metadata:\n      labels: "
           "{app.kubernetes.io/name: " +
           name +
           ", app.kubernetes.io/part-of: acme}\n    spec:\n"
           "      serviceAccountName: " +
           name +
           "\n      containers:\n        - name: app\n"
           "          image: registry.acme.example/" +
           name +
           ":1.0.0\n          envFrom:\n"
           "            - configMapRef: {name: " +
           name + "-config}\n";
    if (m_spec.shared_layers) out += "            - configMapRef: {name: shared-config}\n";
    out += "---\n";
    out += "apiVersion: v1\nkind: Service\nmetadata:\n  name: " + name + "\n  namespace: " + ns +
           "\nspec:\n  selector: {app.kubernetes.io/name: " + name +
           "}\n  ports:\n    - port: 8080\n---\n";
    m_counts.kubernetes_objects += 4;
    return out;
  }

  void write_kubernetes() {
    const auto namespaces = std::max<std::size_t>(m_spec.namespaces, 1);
    for (std::size_t n = 0; n < namespaces; ++n) {
      const auto ns = namespace_name(n);
      if (m_spec.shared_layers) {
        write("kubernetes/" + ns + "/namespace.yaml",
              "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + ns +
                  "\n  labels: {team: team-" + padded(n, 3) +
                  "}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: shared-config\n"
                  "  namespace: " +
                  ns +
                  "\ndata:\n  REGION: eu-west-1\n---\n"
                  "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n"
                  "  name: default-deny\n  namespace: " +
                  ns + "\nspec:\n  podSelector: {}\n  policyTypes: [Ingress]\n");
        m_counts.kubernetes_objects += 3;
      }
      // Services i with i % namespaces == n, 50 to a file.
      std::string text;
      std::size_t in_file = 0;
      std::size_t file = 0;
      for (std::size_t i = n; i < m_spec.services; i += namespaces) {
        text += service_objects(i, ns);
        if (++in_file == k_services_per_yaml_file) {
          write("kubernetes/" + ns + "/services-" + padded(file++, 4) + ".yaml", text);
          text.clear();
          in_file = 0;
        }
      }
      if (!text.empty()) write("kubernetes/" + ns + "/services-" + padded(file, 4) + ".yaml", text);
    }
    if (m_spec.shared_layers) {
      write("kubernetes/cluster.yaml", R"(apiVersion: admissionregistration.k8s.io/v1
kind: MutatingWebhookConfiguration
metadata:
  name: sidecar-injector
webhooks:
  - name: inject.acme.example
    admissionReviewVersions: [v1]
    sideEffects: None
    clientConfig:
      url: https://injector.acme.example/mutate
    rules:
      - apiGroups: [""]
        apiVersions: [v1]
        operations: [CREATE]
        resources: [pods]
)");
      ++m_counts.kubernetes_objects;
    }
  }

  void write_iam() {
    write("iam/boundary-audit.json", R"({
  "Version": "2012-10-17",
  "Statement": [
    {"Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": ["arn:aws:s3:::acme-audit", "arn:aws:s3:::acme-audit/*"]}
  ]
}
)");
    ++m_counts.iam_documents;
  }

  std::filesystem::path m_root;
  const OrgSpec& m_spec;
  std::mt19937_64 m_random;
  OrgCounts m_counts;
};

}  // namespace

std::string service_name(std::size_t i) {
  return "svc-" + padded(i, 6);
}

std::string repository_name(std::size_t i) {
  return "repo-" + padded(i, 4);
}

OrgCounts write_repositories(const std::filesystem::path& root, const RepositoriesSpec& spec) {
  OrgSpec platform;
  platform.seed = spec.seed;
  platform.services = 0;
  OrgCounts total = write_org(root / "platform", platform);
  const auto services = services_for(spec.resources_per_repository);
  for (std::size_t r = 0; r < spec.repositories; ++r) {
    OrgSpec repository;
    repository.seed = spec.seed + r + 1;
    repository.services = services;
    repository.namespaces = std::max<std::size_t>(services / 100, 1);
    repository.shared_layers = false;
    repository.boundary_lookup = true;
    repository.first_service = r * services;
    repository.state_key = repository_name(r);
    const auto counts = write_org(root / repository_name(r), repository);
    total.files += counts.files;
    total.terraform_resources += counts.terraform_resources;
    total.kubernetes_objects += counts.kubernetes_objects;
    total.iam_documents += counts.iam_documents;
    total.bytes += counts.bytes;
  }
  return total;
}

std::size_t services_for(std::size_t resources) {
  return std::max<std::size_t>(resources / 9, 2);
}

OrgCounts write_org(const std::filesystem::path& root, const OrgSpec& spec) {
  return Writer(root, spec).run();
}

}  // namespace blastgraph::bench
