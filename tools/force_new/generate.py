#!/usr/bin/env python3
"""Writes the table of Terraform arguments that force a resource's replacement, from the
providers' own schema sources.

    tools/force_new/generate.py [--sources-dir DIR] SOURCES.tsv OUTPUT.inc

    e.g. tools/force_new/generate.py --sources-dir /tmp/providers \
             tools/force_new/sources.tsv analyzer/src/terraform/force_new.inc

SOURCES.tsv lists one provider source file per line: resource type, owner/repository, path
in it, commit, and characters (`-` as the type marks a shared helper, such as the Kubernetes
provider's metadata schema; `=names` a file of Go string constants, such as the AWS
provider's names/attr_consts_gen.go, whose constants stand for keys: `names.AttrName`; a
constant none of them defines is read as its snake_case name). Each path is read below DIR
(default: the directory of SOURCES.tsv), at <owner>+<repository>/<path>. Bring the files with
any tool from the provider repositories at the listed commits; they are never part of this
tree.

A schema entry `"name": { ... ForceNew: true ... }` (SDK resources) or an attribute whose plan
modifiers include `RequiresReplace()` (framework resources) forces replacement; nested
blocks give dotted paths ("ebs_block_device.device_name"). A Kubernetes resource's `metadata`
gets the helper's entries under "metadata.". The output is a C++ initializer list, sorted,
with the sources in its header comment.
"""
import os
import re
import sys

KEY = re.compile(r'^\s*(?:"([a-z0-9_]+)"|names\.(\w+))\s*:\s*(.*)$')
CONST = re.compile(r'^\s*(\w+)\s*=\s*"([a-z0-9_]+)"')
FORCES = re.compile(r'ForceNew:\s*true|RequiresReplace\(\)')


# Acronyms the AWS provider's constant names keep upper case (AttrVPCID is "vpc_id").
ACRONYMS = ("IPv4", "IPv6", "ARNs", "IDs", "ARN", "CIDR", "VPC", "KMS", "DNS", "IAM", "SSL",
            "TLS", "URL", "API", "ACL", "AZ", "ID", "IP")


def snake_case(constant):
    """`AttrCIDRBlock` -> `cidr_block`: the name a constant missing from the constants files
    most likely stands for."""
    name = constant[4:] if constant.startswith("Attr") else constant
    words, i = [], 0
    while i < len(name):
        acronym = next((a for a in ACRONYMS if name.startswith(a, i)), None)
        if acronym:
            words.append(acronym.lower())
            i += len(acronym)
            continue
        j = i + 1
        while j < len(name) and name[j].islower() or (j < len(name) and name[j].isdigit()):
            j += 1
        words.append(name[i:j].lower())
        i = j
    return "_".join(words)


def strip_strings_and_comments(line):
    line = re.sub(r'"(?:\\.|[^"\\])*"', '""', line)
    line = re.sub(r'`[^`]*`', '``', line)
    return line.split("//", 1)[0]


def forced_paths(text, names=None):
    """Dotted paths of the schema entries that force replacement; `names` maps the constants
    keys may be written with to their text."""
    names = names or {}
    stack = []  # (key, depth at which its body opened)
    depth = 0
    found = set()
    for raw in text.splitlines():
        match = KEY.match(raw)
        code = strip_strings_and_comments(raw)
        key = None
        if match:
            constant = match.group(2)
            key = match.group(1) or (names.get(constant) or snake_case(constant) if constant else None)
        if key and code.rstrip().endswith("{"):
            stack.append((key, depth + 1))
        if FORCES.search(code) and stack:
            found.add(".".join(key for key, _ in stack))
        depth += code.count("{") - code.count("}")
        while stack and depth < stack[-1][1]:
            stack.pop()
    return found


def main():
    import argparse
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sources-dir")
    parser.add_argument("sources")
    parser.add_argument("output")
    args = parser.parse_args()
    sources, output = args.sources, args.output
    base = args.sources_dir or os.path.dirname(os.path.abspath(sources))
    rows, helpers, origins, names = [], set(), [], {}
    with open(sources, encoding="utf-8") as stream:
        entries = [line.rstrip("\n").split("\t")[:4] for line in stream
                   if line.strip() and not line.startswith("#")]

    def text_of(repo, path):
        with open(os.path.join(base, repo.replace("/", "+"), path), encoding="utf-8") as f:
            return f.read()

    for kind, repo, path, commit in entries:
        if kind == "=names":
            for line in text_of(repo, path).splitlines():
                if match := CONST.match(line):
                    names[match.group(1)] = match.group(2)
            origins.append(f"{repo}@{commit[:12]} {path}")
    for kind, repo, path, commit in entries:
        if kind == "=names":
            continue
        paths = forced_paths(text_of(repo, path), names)
        origins.append(f"{repo}@{commit[:12]} {path}")
        if kind == "-":
            helpers |= paths
        else:
            rows.extend((kind, p) for p in paths)
    for kind in sorted({entry[0] for entry in entries if entry[0].startswith("kubernetes_")}):
        rows.extend((kind, "metadata." + p) for p in helpers)
    rows = sorted(set(rows))
    with open(output, "w", encoding="utf-8") as out:
        out.write("// Generated by tools/force_new/generate.py; do not edit. Arguments that force\n")
        out.write("// replacement, read from the providers' schema sources:\n")
        for origin in origins:
            out.write(f"//   {origin}\n")
        for kind, path in rows:
            out.write(f'{{"{kind}", "{path}"}},\n')


if __name__ == "__main__":
    main()
