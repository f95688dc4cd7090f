#!/usr/bin/env python3
"""Compares Vigil's KQL front end with Microsoft's analyzer on mutated queries (docs/KQL.md).

Usage:
    scripts/kql-mutants.py [--seed N] [--count N] [--vigilctl PATH] [--json]

Takes the queries of the conformance set (tests/data/kql/conformance.jsonl), changes each a
little at random (a literal for one of another type, an operator for another, a function for
another, a token dropped or doubled, two names swapped; once or twice), and asks for each
distinct mutant both Microsoft's analyzer (the oracle, ../shared/tools/kql-oracle/oracle.js) and
`vigilctl kql schema`. Every mutant falls in one class:

- same: both refuse it, or both accept it with the same columns;
- oracle rejects, Vigil accepts: a query Vigil should refuse (the conformance rule);
- columns differ: both accept it with other columns;
- Vigil refuses: the oracle accepts a query Vigil refuses (allowed: a construct Vigil does not
  run is refused, never approximated; the list shows what is missing).

A mutant that says TimeGenerated is counted apart: Vigil accepts Sentinel's name on purpose.
The queries are the project's own test set, so the mutants may be printed. Needs node.
"""
import argparse
import collections
import concurrent.futures
import json
import os
import pathlib
import random
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from vigilctl_json import run_json  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent
ORACLE = ROOT.parent / "shared" / "tools" / "kql-oracle" / "oracle.js"
KUSTO_LS = "/var/cache/vigil-npm/kusto-language-service-next/node_modules/@kusto/language-service-next"
CONFORMANCE = ROOT / "tests" / "data" / "kql" / "conformance.jsonl"
FUNCTIONS = ROOT / "hunting" / "functiontable.cpp"

TOKEN = re.compile(r'''@?"(?:[^"\\\n]|\\.)*"|@?'(?:[^'\\\n]|\\.)*'|\d+(?:\.\d+)?(?:[eE][-+]?\d+)?[a-z]*'''
                   r'''|[A-Za-z_][A-Za-z_0-9\-]*(?<!-)|==|!=|<=|>=|=~|!~|\.\.|[^\sA-Za-z_0-9]|\s+''')
LITERALS = ['1', '1.5', '"1"', 'true', 'datetime(2024-01-01)', '1h', 'dynamic([1])', 'int(2)',
            'long(null)', 'real(null)', '""', 'guid(00000000-0000-0000-0000-000000000000)',
            'decimal(1.5)', 'dynamic({"a":1})', 'timespan(null)', 'bool(null)', '"x"']
OPERATORS = ['==', '!=', '<', '>', '<=', '>=', '+', '-', '*', '/', '%', '=~', '!~', 'has',
             'contains', 'startswith', 'in', '!in', 'and', 'or', 'has_any', 'matches regex',
             'between', 'in~', 'endswith', '!has', 'hasprefix', 'has_cs', '!contains_cs']


def function_names():
    text = FUNCTIONS.read_text(encoding="utf-8")
    return sorted(set(re.findall(r'^[fa]\t([a-z_0-9]+)\t', text, re.M)))


def mutate(query, rnd, functions):
    tokens = TOKEN.findall(query)
    if "".join(tokens) != query:
        return None
    solid = [i for i, t in enumerate(tokens) if not t.isspace()]
    if not solid:
        return None
    kind = rnd.randrange(6)
    if kind == 0:
        spots = [j for j in solid if re.match(r'^(@?["\']|\d)', tokens[j])
                 or tokens[j] in ('true', 'false')]
        if not spots:
            return None
        tokens[rnd.choice(spots)] = rnd.choice(LITERALS)
    elif kind == 1:
        spots = [j for j in solid if tokens[j] in OPERATORS]
        if not spots:
            return None
        tokens[rnd.choice(spots)] = rnd.choice(OPERATORS)
    elif kind == 2:
        spots = [j for j in solid if j + 1 < len(tokens) and tokens[j + 1] == '('
                 and re.match(r'^[a-z_]+$', tokens[j])]
        if not spots:
            return None
        tokens[rnd.choice(spots)] = rnd.choice(functions)
    elif kind == 3:
        del tokens[rnd.choice(solid)]
    elif kind == 4:
        i = rnd.choice(solid)
        tokens.insert(i, tokens[i])
    else:
        names = [j for j in solid if re.match(r'^[A-Za-z_]', tokens[j])]
        if len(names) < 2:
            return None
        a, b = rnd.sample(names, 2)
        tokens[a], tokens[b] = tokens[b], tokens[a]
    return "".join(tokens)


def mutants(seed, count):
    rnd = random.Random(seed)
    functions = function_names()
    seeds = [json.loads(line)["query"] for line in CONFORMANCE.read_text().splitlines()
             if line.strip()]
    originals = set(seeds)
    found = {}
    attempts = 0
    while len(found) < count and attempts < count * 50:
        attempts += 1
        query = rnd.choice(seeds)
        for _ in range(rnd.choice([1, 1, 2])):
            query = mutate(query, rnd, functions)
            if query is None:
                break
        if query is not None and query not in originals:
            found.setdefault(query, "m%d" % len(found))
    return [(i, q) for q, i in found.items()]


def ask_oracle(items, node, oracle):
    lines = "".join(json.dumps({"id": i, "query": q}) + "\n" for i, q in items)
    env = dict(os.environ, KUSTO_LS_DIR=os.environ.get("KUSTO_LS_DIR", KUSTO_LS))
    r = subprocess.run([node, str(oracle), "-"], input=lines, text=True, capture_output=True,
                       env=env)
    if r.returncode != 0:
        sys.exit("the oracle failed: " + r.stderr[-2000:])
    return {d["id"]: d for d in map(json.loads, r.stdout.splitlines())}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=3000)
    ap.add_argument("--vigilctl", default=str(ROOT / "build" / "app" / "vigilctl"))
    ap.add_argument("--oracle", default=str(ORACLE))
    ap.add_argument("--node", default="node")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--json", action="store_true", help="every disagreement as JSON")
    args = ap.parse_args()

    items = mutants(args.seed, args.count)
    oracle = ask_oracle(items, args.node, args.oracle)
    records = []
    with tempfile.TemporaryDirectory() as data_dir, \
            concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        def ask(item):
            doc, err = run_json(args.vigilctl, ["kql", "schema"], item[1], data_dir, timeout=60)
            return item, doc, err
        for (i, query), doc, err in pool.map(ask, items):
            o = oracle[i]
            vigil = [[c["name"], c["type"]] for c in doc["columns"]] if doc else None
            if "TimeGenerated" in query:
                kind = "TimeGenerated (Sentinel's name, accepted on purpose)"
            elif not o["ok"] and vigil is not None:
                kind = "oracle rejects, Vigil accepts"
            elif o["ok"] and vigil is not None and vigil != o["columns"] and not o.get("open"):
                kind = "columns differ"
            elif o["ok"] and vigil is None:
                kind = "Vigil refuses"
            else:
                kind = "same"
            records.append({"id": i, "class": kind, "query": query,
                            "oracle": {"ok": o["ok"], "errors": o.get("errors", [])[:2],
                                       "columns": o.get("columns")},
                            "vigil": {"columns": vigil, "error": err}})
    counts = collections.Counter(r["class"] for r in records)
    if args.json:
        json.dump({"seed": args.seed, "mutants": len(records), "classes": counts,
                   "disagreements": [r for r in records
                                     if r["class"] in ("oracle rejects, Vigil accepts",
                                                       "columns differ")]},
                  sys.stdout, indent=1)
        print()
        return
    print("seed %d: %d mutants" % (args.seed, len(records)))
    for kind, n in counts.most_common():
        print("  %-55s %d" % (kind, n))
    for r in records:
        if r["class"] in ("oracle rejects, Vigil accepts", "columns differ"):
            print("\n%s: %s\n  oracle: %s\n  vigil:  %s" % (
                r["class"], r["query"],
                "; ".join(r["oracle"]["errors"]) or r["oracle"]["columns"],
                r["vigil"]["columns"]))
    reasons = collections.Counter(re.sub(r"'[^']*'", "'…'", r["vigil"]["error"] or "")[:100]
                                  for r in records if r["class"] == "Vigil refuses")
    if reasons:
        print("\nVigil refuses what the oracle accepts, by reason:")
        for reason, n in reasons.most_common(15):
            print("  %4d  %s" % (n, reason))


if __name__ == "__main__":
    main()
