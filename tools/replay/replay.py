#!/usr/bin/env python3
"""Replays commits through `blastgraph score --git C^..C` and prints one line per commit:
the tier and score blastgraph gives, the tier a reviewer gave, and what the score rests on.

    tools/replay/replay.py [--bin PATH] [--clones DIR] [--only REPO] [--json] LIST
    tools/replay/replay.py [--bin PATH] --clone PATH COMMIT...

LIST is a tab-separated file (see calibration.tsv): repository, commit, expected tier, and
the reviewer's one-line reason; blank lines and `#` comments are skipped. Each repository
is a local clone at DIR/<name>, where <name> is the part of `owner/name` after the slash.
The clones are never part of this tree: bring them with any tool (full history is needed
for the commits and their parents).

With `--clone`, the listed commits of one clone are scored with no expectation. The
summary line counts agreements, and commits that changed infrastructure files yet scored 0
with no changed node (the failure the gate must never have).
"""
import argparse
import json
import os
import subprocess
import sys

TIERS = ("LOW", "MEDIUM", "HIGH", "CRITICAL")


def score(binary, clone, commit):
    proc = subprocess.run(
        [binary, "score", clone, "--git", f"{commit}^..{commit}", "--format", "json"],
        capture_output=True, text=True)
    try:
        return json.loads(proc.stdout), proc.returncode
    except json.JSONDecodeError:
        return {"error": (proc.stderr or proc.stdout).strip().splitlines()[-1:]}, proc.returncode


def read_list(path):
    rows = []
    with open(path, encoding="utf-8") as stream:
        for number, line in enumerate(stream, 1):
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.rstrip("\n").split("\t")
            if len(fields) < 4 or fields[2] not in TIERS:
                sys.exit(f"{path}:{number}: expected REPOSITORY<TAB>COMMIT<TAB>TIER<TAB>REASON")
            rows.append({"repository": fields[0], "commit": fields[1], "expected": fields[2],
                         "reason": fields[3]})
    return rows


def summarize(report):
    """What the tier rests on, in a few words."""
    if "error" in report:
        return "error: " + " ".join(report["error"])
    changed = report.get("changed", [])
    actions = {}
    for item in changed:
        actions[item["action"]] = actions.get(item["action"], 0) + 1
    parts = [f"{len(changed)} changed"]
    if actions:
        parts.append(",".join(f"{k}:{v}" for k, v in sorted(actions.items())))
    floor = report.get("floor") or {}
    if floor.get("reason"):
        parts.append(f"floor {floor.get('tier')}: {floor['reason'][:60]}")
    unmapped = report.get("unmapped", [])
    if unmapped:
        parts.append(f"{len(unmapped)} unmapped")
    return "; ".join(parts)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    here = os.path.dirname(os.path.abspath(__file__))
    default_bin = os.path.join(here, "..", "..", "build", "dev", "cli", "blastgraph")
    parser.add_argument("--bin", default=default_bin)
    parser.add_argument("--clones", default=".")
    parser.add_argument("--clone")
    parser.add_argument("--only", default="")
    parser.add_argument("--json", action="store_true", help="print each report in full")
    parser.add_argument("items", nargs="+")
    args = parser.parse_args()

    if args.clone:
        rows = [{"repository": os.path.basename(os.path.normpath(args.clone)), "commit": c,
                 "expected": "", "reason": ""} for c in args.items]
    else:
        rows = read_list(args.items[0])
    if args.only:
        rows = [r for r in rows if r["repository"].endswith(args.only)]

    agree = judged = silent = 0
    for row in rows:
        clone = args.clone or os.path.join(args.clones, row["repository"].split("/")[-1])
        report, _ = score(args.bin, clone, row["commit"])
        got = report.get("tier", "ERROR")
        points = report.get("score", "-")
        mark = ""
        if row["expected"]:
            judged += 1
            if got == row["expected"]:
                agree += 1
                mark = "ok"
            else:
                mark = "DIFF"
        if row["expected"] not in ("", "LOW") and points == 0 and not report.get("changed"):
            silent += 1
            mark += " SILENT"
        print(f"{row['repository']:<40} {row['commit'][:10]} {row['expected'] or '-':<8} "
              f"{got:<8} {points!s:>3} {mark:<11} {summarize(report)}")
        if row["reason"]:
            print(f"{'':<51}reviewer: {row['reason']}")
        if args.json:
            print(json.dumps(report, indent=1))
    if judged:
        print(f"agreement {agree}/{judged} ({100 * agree // judged}%); "
              f"infrastructure changes scored 0 with nothing changed: {silent}")


if __name__ == "__main__":
    main()
