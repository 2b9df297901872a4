#!/usr/bin/env python3
"""Runs `blastgraph scan` over a list of local repositories and prints, per repository, the
files read, resources, edges, diagnostics by severity and code, and the unresolved references.

    tools/corpus/corpus.py [--bin PATH] [--examples N] [--codes CODE,...] LIST

LIST holds one local path per line (blank lines and `#` comments are skipped), or is `-` for
standard input. The repositories themselves are never part of this tree: bring them with any
tool, then list where they are. `--examples N` prints the first N diagnostics of each code
(optionally only the listed codes) under each repository, for reading against the source.
"""
import argparse
import collections
import json
import os
import subprocess
import sys

SEVERITIES = ("error", "warning", "note")


def scan(binary, path):
    proc = subprocess.run([binary, "scan", path, "--format", "json"],
                          capture_output=True, text=True)
    try:
        return json.loads(proc.stdout), proc.returncode
    except json.JSONDecodeError:
        return None, proc.returncode


def summarize(doc):
    by_severity = collections.Counter()
    by_code = collections.Counter()
    for d in doc["diagnostics"]:
        by_severity[d["severity"]] += 1
        by_code[(d["severity"], d["code"])] += 1
    return by_severity, by_code


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    here = os.path.dirname(os.path.abspath(__file__))
    default_bin = os.path.join(here, "..", "..", "build", "release", "cli", "blastgraph")
    parser.add_argument("--bin", default=default_bin)
    parser.add_argument("--examples", type=int, default=0)
    parser.add_argument("--codes", default="")
    parser.add_argument("list")
    args = parser.parse_args()
    stream = sys.stdin if args.list == "-" else open(args.list, encoding="utf-8")
    paths = [line.strip() for line in stream if line.strip() and not line.startswith("#")]
    wanted = set(filter(None, args.codes.split(",")))

    header = ("repository", "files", "resources", "edges", "errors", "warnings", "notes",
              "unresolved")
    rows, details = [], []
    totals = collections.Counter()
    for path in paths:
        doc, rc = scan(args.bin, path)
        name = os.path.basename(os.path.normpath(path))
        if doc is None:
            rows.append((name, "scan failed (exit %d)" % rc))
            continue
        by_severity, by_code = summarize(doc)
        unresolved = by_code[("warning", "tf-unresolved-reference")]
        row = (name, doc["coverage"]["files_scanned"], doc["resources"], doc["edges"],
               by_severity["error"], by_severity["warning"], by_severity["note"], unresolved)
        rows.append(row)
        for key, value in zip(header[1:], row[1:]):
            totals[key] += value
        codes = ", ".join("%s %s %d" % (sev, code, n) for (sev, code), n in
                          sorted(by_code.items(), key=lambda kv: (SEVERITIES.index(kv[0][0]),
                                                                  -kv[1], kv[0][1])))
        details.append("%s: %s" % (name, codes or "no diagnostics"))
        if args.examples:
            shown = collections.Counter()
            for d in doc["diagnostics"]:
                if wanted and d["code"] not in wanted:
                    continue
                if not wanted and d["severity"] == "note":
                    continue
                if shown[d["code"]] >= args.examples:
                    continue
                shown[d["code"]] += 1
                details.append("    %s:%d:%d: %s: %s [%s]" % (d["file"], d["line"], d["column"],
                                                             d["severity"], d["message"],
                                                             d["code"]))
    rows.append(("total",) + tuple(totals[k] for k in header[1:]))

    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for row in rows:
        print("| " + " | ".join(str(c) for c in row) + " |")
    print()
    for line in details:
        print(line)


if __name__ == "__main__":
    main()
