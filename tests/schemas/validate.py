#!/usr/bin/env python3
"""Validates blastgraph's JSON outputs against their schemas (schemas/*.schema.json) and
SARIF against the official SARIF 2.1.0 schema: every golden file, the live output of the real
binary on the bundled example, and deliberately broken documents that must be rejected (so a
schema that accepts anything fails here).

usage: validate.py --source DIR --sarif-schema FILE --blastgraph BIN
Prints one line per check and "N passed, N failed"; exits 1 when any check failed.
"""
import argparse
import copy
import glob
import json
import os
import subprocess
import sys
import tempfile

import jsonschema


class Checker:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def ok(self, name):
        self.passed += 1
        print(f"ok    {name}")

    def fail(self, name, why):
        self.failed += 1
        print(f"FAIL  {name}: {why}")

    def valid(self, validator, document, name):
        errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
        if errors:
            first = errors[0]
            where = "/".join(str(p) for p in first.path)
            self.fail(name, f"{len(errors)} error(s), first at /{where}: {first.message[:300]}")
        else:
            self.ok(name)

    def invalid(self, validator, document, name):
        if validator.is_valid(document):
            self.fail(name, "a broken document was accepted")
        else:
            self.ok(name)


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def validator_for(schema):
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def run_json(args):
    out = subprocess.run(args, check=False, capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} exited {out.returncode}: {out.stderr[:500]}")
    return json.loads(out.stdout)


def check_files(checker, validator, pattern, label):
    files = sorted(glob.glob(pattern))
    if not files:
        checker.fail(label, f"no file matches {pattern}")
    for path in files:
        checker.valid(validator, load_json(path), f"{label} {os.path.relpath(path)}")
    return files


def check_sarif_contract(checker, document, name):
    """What the official schema cannot say: our driver, and results that name known rules."""
    run = document["runs"][0]
    driver = run["tool"]["driver"]
    rules = [rule["id"] for rule in driver.get("rules", [])]
    problems = []
    if driver.get("name") != "blastgraph":
        problems.append("driver name")
    for result in run.get("results", []):
        index = result.get("ruleIndex")
        if index is None or index >= len(rules) or rules[index] != result.get("ruleId"):
            problems.append(f"result {result.get('ruleId')} does not match rules[{index}]")
        for location in result.get("locations", []):
            uri = location["physicalLocation"]["artifactLocation"]["uri"]
            if uri.startswith("/") or "://" in uri:
                problems.append(f"uri {uri} is not relative")
    if problems:
        checker.fail(f"sarif contract {name}", "; ".join(problems))
    else:
        checker.ok(f"sarif contract {name}")


def broken_reports(report):
    """Deliberate regressions the report schema must catch."""
    def mutate(name, change):
        doc = copy.deepcopy(report)
        change(doc)
        return name, doc
    return [
        mutate("missing verdict", lambda d: d.pop("verdict")),
        mutate("unknown tier", lambda d: d.update(tier="SEVERE")),
        mutate("score over 100", lambda d: d.update(score=101)),
        mutate("unknown field", lambda d: d.update(blast="radius")),
        mutate("unknown action", lambda d: d["changed"][0].update(action="explode")),
        mutate("violation without rule", lambda d: d["violations"].append({"message": "x"})),
        mutate("negative unsupported count",
               lambda d: d["coverage"]["unsupported_types"].update(Widget=-1)),
        mutate("wrong schema name", lambda d: d.update(schema="blastgraph.report/v1")),
    ]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--source", required=True, help="the repository's top directory")
    parser.add_argument("--sarif-schema", required=True)
    parser.add_argument("--blastgraph", required=True, help="the built binary")
    args = parser.parse_args()
    top = args.source
    golden = os.path.join(top, "fixtures", "golden")
    acme = os.path.join(top, "fixtures", "acme")
    checker = Checker()

    versions = {"report": "v2", "scan": "v1", "graph": "v1", "policy": "v1", "explain": "v1",
                "hotspots": "v1"}
    schemas = {name: validator_for(load_json(os.path.join(top, "schemas", f"{name}.{version}.schema.json")))
               for name, version in versions.items()}
    sarif = validator_for(load_json(args.sarif_schema))
    checker.ok("every schema is a valid schema")

    # Golden files.
    reports = check_files(checker, schemas["report"], os.path.join(golden, "score-*.json"), "report")
    reports += check_files(checker, schemas["report"], os.path.join(golden, "outputs", "*.json"), "report")
    check_files(checker, schemas["scan"], os.path.join(golden, "scan.json"), "scan")
    check_files(checker, schemas["policy"], os.path.join(golden, "policy", "expected", "*.json"), "policy")
    check_files(checker, schemas["graph"], os.path.join(top, "fixtures", "graph", "*.json"), "graph")
    for path in check_files(checker, sarif, os.path.join(golden, "outputs", "*.sarif"), "sarif"):
        check_sarif_contract(checker, load_json(path), os.path.relpath(path))

    # The real binary on the whole example.
    boundary = "terraform/envs/prod:module.iam.aws_iam_policy.boundary"
    bin_ = args.blastgraph
    live = [
        ("graph", [bin_, "export", acme, "--format", "json"]),
        ("scan", [bin_, "scan", acme, "--format", "json"]),
        ("report", [bin_, "score", acme, "-c", boundary, "--format", "json"]),
        ("report", [bin_, "score", acme, "-c", "k8s:shop/ConfigMap/shop-config", "--format", "json"]),
        ("explain", [bin_, "explain", acme, "--from", boundary, "--to", "k8s:shop/Deployment/checkout",
                     "--all-paths", "3", "--format", "json"]),
        ("explain", [bin_, "explain", acme, "--from", "k8s:shop/Deployment/checkout", "--to", boundary,
                     "--format", "json"]),
        ("hotspots", [bin_, "hotspots", acme, "--top", "10", "--format", "json"]),
        ("hotspots", [bin_, "hotspots", acme, "--top", "10", "--estimate", "--sketch-size", "8",
                      "--format", "json"]),
    ]
    for name, command in live:
        checker.valid(schemas[name], run_json(command), f"live {name}: {' '.join(command[1:3])} ...")
    live_sarif = run_json([bin_, "score", acme, "-c", boundary, "--format", "sarif"])
    checker.valid(sarif, live_sarif, "live sarif")
    check_sarif_contract(checker, live_sarif, "live sarif")

    # An organization's report: the repositories of fixtures/org joined from their snapshots.
    org = os.path.join(top, "fixtures", "org")
    with tempfile.TemporaryDirectory() as snapshots:
        for name in sorted(os.listdir(org)):
            if os.path.isdir(os.path.join(org, name)):
                subprocess.run([bin_, "scan", os.path.join(org, name), "--save",
                                os.path.join(snapshots, name + ".bg")],
                               check=True, stdout=subprocess.DEVNULL)
        joined = run_json([bin_, "score", os.path.join(org, "platform"), "--org", snapshots,
                           "-c", ".:aws_iam_policy.boundary", "--format", "json"])
    checker.valid(schemas["report"], joined, "live report: score --org")
    if not joined.get("repository_hops"):
        checker.fail("live report: score --org has no hops between repositories")
    bad = copy.deepcopy(joined)
    bad["repository_hops"][0]["match"] = "guessed"
    checker.invalid(schemas["report"], bad, "reject report: unknown match")
    bad = copy.deepcopy(joined)
    del bad["repository_hops"]
    checker.invalid(schemas["report"], bad, "reject report: repositories without hops")

    # Broken documents must be rejected.
    denied = load_json(os.path.join(golden, "outputs", "boundary.json"))
    checker.valid(schemas["report"], denied, "negative base is valid")
    for name, doc in broken_reports(denied):
        checker.invalid(schemas["report"], doc, f"reject report: {name}")
    graph = run_json([bin_, "export", acme, "--format", "json"])
    graph["edges"][0]["kind"] = "teleports_to"
    checker.invalid(schemas["graph"], graph, "reject graph: unknown edge kind")
    explained = run_json([bin_, "explain", acme, "--from", boundary, "--to",
                          "k8s:shop/Deployment/checkout", "--format", "json"])
    checker.valid(schemas["explain"], explained, "negative base explain is valid")
    bad = copy.deepcopy(explained)
    bad["paths"][0]["hops"][0]["kind"] = "teleports_to"
    checker.invalid(schemas["explain"], bad, "reject explain: unknown edge kind")
    bad = copy.deepcopy(explained)
    bad["reached"] = False
    checker.invalid(schemas["explain"], bad, "reject explain: paths when not reached")
    bad = copy.deepcopy(explained)
    bad["paths"] = []
    checker.invalid(schemas["explain"], bad, "reject explain: reached without a path")
    hot = run_json([bin_, "hotspots", acme, "--top", "3", "--format", "json"])
    bad = copy.deepcopy(hot)
    del bad["hotspots"][0]["services_reached"]
    checker.invalid(schemas["hotspots"], bad, "reject hotspots: missing services_reached")
    bad = copy.deepcopy(hot)
    bad["hotspots"][0]["resources_reached"] = -1
    checker.invalid(schemas["hotspots"], bad, "reject hotspots: negative count")
    bad_sarif = copy.deepcopy(live_sarif)
    bad_sarif["runs"][0]["results"][0]["level"] = "fatal"
    checker.invalid(sarif, bad_sarif, "reject sarif: unknown level")
    bad_sarif = copy.deepcopy(live_sarif)
    del bad_sarif["version"]
    checker.invalid(sarif, bad_sarif, "reject sarif: no version")

    print(f"{checker.passed} passed, {checker.failed} failed")
    return 1 if checker.failed else 0


if __name__ == "__main__":
    sys.exit(main())
