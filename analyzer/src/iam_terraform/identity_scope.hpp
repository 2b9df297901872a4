#pragma once
// Which identities a pattern may name, across Terraform roots.
//
// NOTE: Terraform roots are separate worlds. Two roots (envs/dev, envs/prod) usually deploy
// to different accounts or projects, and what the tree knows of an identity leaves the
// account (AWS) or the project (GCP) to the provider: `app@*.iam.gserviceaccount.com` of one
// root is not the `app` account of another, nor is `arn:aws:iam::*:role/app`. An identity is
// the same only when all of it is, so a pattern matches an identity of another root only
// when that identity's name is known whole (no `*`: a global S3 bucket name, an email with
// its project) and the pattern is no guess; within one root, patterns match as before. A
// value given by reference links to the resource it references, never to a namesake.

#include <string_view>

namespace blastgraph::analyzer::iam_terraform {

// "envs/prod:" of "envs/prod:module.x.aws_iam_role.r"; the Terraform root a node belongs to.
[[nodiscard]] std::string_view root_of(std::string_view node);

// May a value written in the root of node `from` (`guessed` when static evaluation had to
// guess part of it) name `identity`, the ARN or email pattern of the node `to`? Always within
// one root; from another root only when `identity` holds no wildcard and the value no guess.
[[nodiscard]] bool in_reach(std::string_view from, bool guessed, std::string_view to,
                            std::string_view identity);

// in_reach, and the glob `pattern` overlaps `identity`.
[[nodiscard]] bool may_name(std::string_view from, std::string_view pattern, bool guessed,
                            std::string_view to, std::string_view identity);

}  // namespace blastgraph::analyzer::iam_terraform
