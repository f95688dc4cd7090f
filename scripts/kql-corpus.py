#!/usr/bin/env python3
"""Measures the local KQL engine on real hunting queries (docs/KQL.md, "Real queries").

Usage:
    scripts/kql-corpus.py [--vigilctl PATH] [--json] [--list-failures] DIR...

Each DIR is a repository of public hunting queries: a bare git directory (or a directory holding
one as `repo/`, as fetched mirrors are laid out) or a checkout. The script extracts the KQL
queries (`.kql`, `.csl`, `.txt` files; ```kql/```kusto and unlabelled fences in Markdown;
`query: |` blocks in YAML), keeps those that read an advanced-hunting table
(core/data/advanced-hunting.json), drops duplicates (same text once comments and blank space are
gone; the first repository named keeps it), and asks for each query:

- Microsoft's analyzer (the oracle, ../shared/tools/kql-oracle/oracle.js): accepted? columns?
  A query that says TimeGenerated is asked with Defender's name, Timestamp (as tst_kqlconformance
  does): Vigil accepts Sentinel's name on purpose.
- `vigilctl kql schema`: accepted? columns?
- `vigilctl hunt --limit 1 --offline` on an empty event store: does it compile and run? The
  feeds of `externaldata` are treated like the empty tables: every URL a query reads (`vigilctl
  feeds urls`) gets its host allowed and an empty cached copy (`vigilctl feeds import URL
  /dev/null`), and the query runs offline over that copy, so no query fetches anything. A URL
  Vigil would not fetch (plain http to another machine, a user name in it) stays refused.
- which units of reference/kql.md it uses (by construct, outside strings and comments).

The query texts are third-party: this script prints figures, ids (repo:path#n) and Vigil's
reasons, never a query's text. Needs python3 and node (no other package).
"""
import argparse
import collections
import concurrent.futures
import json
import os
import pathlib
import re
import signal
import subprocess
import sys
import tempfile
import threading
import urllib.parse

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from vigilctl_json import run_json  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "core" / "data" / "advanced-hunting.json"
ORACLE = ROOT.parent / "shared" / "tools" / "kql-oracle" / "oracle.js"
KUSTO_LS = "/var/cache/vigil-npm/kusto-language-service-next/node_modules/@kusto/language-service-next"

QUERY_SUFFIXES = (".kql", ".csl", ".txt")
MD_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})[ \t]*([A-Za-z0-9_+-]*)[^\n]*$", re.M)
MD_LANGS = {"", "kql", "kusto", "csl", "sql"}  # Defender samples are often fenced as sql
YAML_QUERY = re.compile(r"^([ \t]*)(?:-[ \t]+)?query[ \t]*:[ \t]*([|>][+-]?)?[ \t]*(.*)$", re.M)


# ---- reading repositories

class Repo:
    def __init__(self, path):
        self.path = pathlib.Path(path)
        self.git = None
        self.checkout = None
        p = self.path
        if (p / "repo" / "HEAD").exists() and (p / "repo" / "objects").exists():
            self.git = p / "repo"
        elif (p / "HEAD").exists() and (p / "objects").exists():
            self.git = p
        else:
            self.checkout = p
            if (p / ".git").exists():
                self.git = p / ".git"
        base = p.name if p.name != "repo" else p.parent.name
        if self.git is not None and self.git.name == "repo":
            base = self.git.parent.name
        self.name = base.replace("+", "/", 1)
        self.commit = ""
        if self.git is not None:
            r = subprocess.run(["git", "--git-dir", str(self.git), "rev-parse", "HEAD"],
                               capture_output=True, text=True)
            self.commit = r.stdout.strip()

    def files(self):
        """Yields (path, text) of the files that may hold queries."""
        wanted = lambda f: f.lower().endswith(QUERY_SUFFIXES + (".md", ".yaml", ".yml"))
        if self.checkout is not None:
            for f in sorted(self.checkout.rglob("*")):
                rel = f.relative_to(self.checkout).as_posix()
                if f.is_file() and not rel.startswith(".git/") and wanted(rel):
                    yield rel, f.read_bytes().decode("utf-8", "replace")
            return
        listing = subprocess.run(["git", "--git-dir", str(self.git), "ls-tree", "-r", "-z", "HEAD"],
                                 capture_output=True, check=True).stdout
        entries = []
        for item in listing.split(b"\0"):
            if not item:
                continue
            meta, path = item.split(b"\t", 1)
            mode, kind, sha = meta.split()
            path = path.decode("utf-8", "replace")
            if kind == b"blob" and wanted(path):
                entries.append((path, sha))
        entries.sort()
        batch = subprocess.Popen(["git", "--git-dir", str(self.git), "cat-file", "--batch"],
                                 stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        for path, sha in entries:
            batch.stdin.write(sha + b"\n")
            batch.stdin.flush()
            header = batch.stdout.readline().split()
            size = int(header[2])
            data = batch.stdout.read(size)
            batch.stdout.read(1)
            yield path, data.decode("utf-8", "replace")
        batch.stdin.close()
        batch.wait()


def md_blocks(text):
    out = []
    pos = 0
    while True:
        m = MD_FENCE.search(text, pos)
        if not m:
            break
        fence, lang = m.group(1), m.group(2).lower()
        close = re.compile(r"^[ \t]*" + re.escape(fence[0]) + "{%d,}[ \t]*$" % len(fence), re.M)
        e = close.search(text, m.end())
        body = text[m.end() + 1: e.start() if e else len(text)]
        if lang in MD_LANGS:
            out.append(body)
        if not e:
            break
        pos = e.end()
    return out


def yaml_blocks(text):
    out = []
    for m in YAML_QUERY.finditer(text):
        indent, style, rest = len(m.group(1)), m.group(2), m.group(3)
        if not style:
            rest = rest.strip()
            if len(rest) >= 2 and rest[0] == rest[-1] and rest[0] in "'\"":
                rest = rest[1:-1]
            if rest:
                out.append(rest)
            continue
        lines = []
        for line in text[m.end() + 1:].split("\n"):
            stripped = line.strip()
            if stripped and len(line) - len(line.lstrip()) <= indent:
                break
            lines.append(line)
        while lines and not lines[-1].strip():
            lines.pop()
        width = min((len(l) - len(l.lstrip()) for l in lines if l.strip()), default=0)
        body = "\n".join(l[width:] for l in lines)
        if style.startswith(">"):
            body = re.sub(r"(?<!\n)\n(?!\n)", " ", body)
        out.append(body)
    return out


def extract(path, text):
    lower = path.lower()
    if lower.endswith(QUERY_SUFFIXES):
        return [text]
    if lower.endswith(".md"):
        return md_blocks(text)
    return yaml_blocks(text)


# ---- tokens outside strings and comments

TOKEN = re.compile(r"""
    (?P<comment>//[^\n]*)
  | (?P<string>```.*?```|~~~.*?~~~
      |[hH]?@"(?:[^"]|"")*"|[hH]?@'(?:[^']|'')*'
      |[hH]?"(?:[^"\\\n]|\\.)*"|[hH]?'(?:[^'\\\n]|\\.)*')
  | (?P<word>[A-Za-z_][A-Za-z0-9_]*(?:-[A-Za-z_][A-Za-z0-9_]*)*)
  | (?P<other>\S)
""", re.S | re.X)


def tokens(query):
    """Words and symbols outside strings and comments ('"' stands for a string)."""
    out = []
    for m in TOKEN.finditer(query):
        kind = m.lastgroup
        if kind == "comment":
            continue
        out.append('"' if kind == "string" else m.group())
    return out


def normalised(query):
    return " ".join(tok for m in TOKEN.finditer(query) if m.lastgroup != "comment"
                    for tok in [m.group()])


U12_NAMES = {"FileProfile", "DeviceFromIP", "AssignedIPAddresses", "SeenBy"}
U15_WORDS = {"make-series", "top-nested", "partition", "scan", "serialize", "row_number", "prev",
             "next", "row_cumsum", "row_rank_dense", "row_rank_min", "row_window_session"}
OTHER_OPERATORS = {"fork", "facet", "reduce", "sample", "sample-distinct", "make-graph",
                   "graph-match", "parse-kv", "macro-expand", "find", "search"}


def units(query):
    """The units outside U1-U10/U14 that the query uses (empty: all within)."""
    toks = tokens(query)
    found = set()
    for i, t in enumerate(toks):
        prev_tok = toks[i - 1] if i else ""
        nxt = toks[i + 1] if i + 1 < len(toks) else ""
        if t == "externaldata":
            found.add("U11 externaldata")
        elif t in U12_NAMES and (nxt == "(" or prev_tok == "invoke"):
            found.add("U12 " + t)
        elif (t.startswith("geo_") and nxt == "(") or t in ("ipv4_lookup", "ipv6_lookup"):
            found.add("U13 " + t)
        elif t.startswith("series_") and nxt == "(":
            found.add("U15 series_*")
        elif t in U15_WORDS and (prev_tok == "|" or nxt == "("):
            found.add("U15 " + t)
        elif t in ("search", "find") and prev_tok in ("|", "", ";", "=", "("):
            found.add("U16 " + t)
        elif prev_tok == "evaluate" and t not in ("bag_unpack", "ipv4_lookup", "ipv6_lookup"):
            found.add(("U15 pivot" if t == "pivot" else "other: evaluate " + t))
        elif t in OTHER_OPERATORS and prev_tok == "|":
            found.add("other: " + t)
    return sorted(found)


def reads_ah_tables(query, tables):
    return any(t in tables for t in tokens(query))


# ---- asking the oracle and Vigil

def oracle_answers(queries, node, oracle, ls_dir, cache_path=None):
    """The oracle's answer per id; with a cache file, only texts it has not seen are asked."""
    cache = {}
    if cache_path and os.path.exists(cache_path):
        cache = json.loads(pathlib.Path(cache_path).read_text())
    texts = {}
    for qid, text in queries:
        if "TimeGenerated" in text:
            text = text.replace("TimeGenerated", "Timestamp")
        texts[qid] = text
    todo = [(qid, t) for qid, t in texts.items() if t not in cache]
    if todo:
        fresh = ask_oracle(todo, node, oracle, ls_dir)
        for qid, t in todo:
            cache[t] = fresh.get(qid, {"ok": False, "errors": ["no answer"], "columns": []})
        if cache_path:
            pathlib.Path(cache_path).write_text(json.dumps(cache))
    return {qid: cache[t] for qid, t in texts.items()}


def ask_oracle(queries, node, oracle, ls_dir):
    lines = [json.dumps({"id": qid, "query": text}) for qid, text in queries]
    env = dict(os.environ, KUSTO_LS_DIR=os.environ.get("KUSTO_LS_DIR", ls_dir))
    r = subprocess.run([node, str(oracle), "-"], input="\n".join(lines) + "\n", text=True,
                       capture_output=True, env=env)
    if r.returncode != 0:
        sys.exit("the oracle failed: " + r.stderr[-2000:])
    answers = {}
    for line in r.stdout.splitlines():
        if line.strip():
            a = json.loads(line)
            answers[a["id"]] = a
    return answers


def vigilctl(exe, args, query, data_dir):
    return run_json(exe, args, query, data_dir, timeout=120)


FEEDS_LOCK = threading.Lock()  # feeds.json is read, changed and written by each `feeds allow`


def prime_feeds(exe, query, data_dir):
    """Every externaldata URL of query: its host allowed and an empty cached copy."""
    env = dict(os.environ, VIGIL_DATA_DIR=data_dir, QT_QPA_PLATFORM="offscreen")
    r = subprocess.run([exe, "feeds", "urls", "--file", "-"], input=query, text=True,
                       capture_output=True, env=env, timeout=120)
    urls = [u for u in r.stdout.split("\n") if u.strip()] if r.returncode == 0 else []
    with FEEDS_LOCK:
        for url in urls:
            try:
                host = urllib.parse.urlsplit(url).hostname
            except ValueError:
                host = None
            if host:
                subprocess.run([exe, "feeds", "allow", host], capture_output=True, env=env,
                               timeout=120)
            subprocess.run([exe, "feeds", "import", url, os.devnull], capture_output=True,
                           env=env, timeout=120)


def ask_vigil(exe, query, data_dir):
    schema, error = vigilctl(exe, ["kql", "schema"], query, data_dir)
    if schema is None:
        return {"accepted": False, "error": error}
    result = {"accepted": True, "open": bool(schema.get("open")),
              "columns": [[c["name"], c["type"]] for c in schema["columns"]]}
    if "externaldata" in tokens(query):
        prime_feeds(exe, query, data_dir)
    run, error = vigilctl(exe, ["hunt", "--format", "json", "--limit", "1", "--offline"], query,
                          data_dir)
    result["runs"] = run is not None
    if run is None:
        result["error"] = error
    elif [[c["name"], c["type"]] for c in run["columns"]] != result["columns"]:
        result["runs"] = False
        result["error"] = "the run's columns differ from the schema's"
    return result


def reason_kind(message):
    """Vigil's message without its particulars: names in quotes, numbers, positions."""
    m = re.sub(r"\s+", " ", message or "")
    m = re.sub(r"^.*?the query is refused at line \d+, column \d+: ", "", m)
    m = re.sub(r"'[^']{40,}'", "'…'", m)
    return m[:160]


def construct(message):
    """The construct Vigil's message names (its first quoted name), for grouping."""
    m = re.search(r"'([^']+)'|\"([^\"]+)\"|`([^`]+)`", message or "")
    return (m.group(1) or m.group(2) or m.group(3)) if m else ""


# ---- main

def main():
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # quiet when piped into head
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("dirs", nargs="+", help="repositories (bare git, mirror or checkout)")
    ap.add_argument("--vigilctl", default=str(ROOT / "build" / "app" / "vigilctl"))
    ap.add_argument("--oracle", default=str(ORACLE))
    ap.add_argument("--node", default="node")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--oracle-cache", metavar="FILE",
                    help="keep the oracle's answers in FILE (outside the repository) between runs")
    ap.add_argument("--json", action="store_true", help="per-query details as JSON")
    ap.add_argument("--list-failures", action="store_true",
                    help="ids of the queries Vigil does not run as the oracle says, with reasons")
    args = ap.parse_args()

    schema = json.loads(SCHEMA.read_text())
    tables = set(schema["tables"])

    repos = [Repo(d) for d in args.dirs]
    queries = []  # (id, repo, text)
    seen = {}
    extracted = collections.Counter()
    duplicates = collections.Counter()
    for repo in repos:
        for path, text in repo.files():
            for n, block in enumerate(extract(path, text), 1):
                block = block.replace("\r\n", "\n").strip()
                if not block or not reads_ah_tables(block, tables):
                    continue
                extracted[repo.name] += 1
                key = normalised(block)
                if key in seen:
                    duplicates[repo.name] += 1
                    continue
                qid = "%s:%s#%d" % (repo.name, path, n)
                seen[key] = qid
                queries.append((qid, repo.name, block))

    answers = oracle_answers([(q[0], q[2]) for q in queries], args.node, args.oracle, KUSTO_LS,
                             args.oracle_cache)

    with tempfile.TemporaryDirectory(prefix="kql-corpus-") as data_dir:
        empty = pathlib.Path(data_dir) / "empty.jsonl"
        empty.write_text("")
        r = subprocess.run([args.vigilctl, "import", str(empty)], capture_output=True, text=True,
                           env=dict(os.environ, VIGIL_DATA_DIR=data_dir))
        if r.returncode != 0 or not (pathlib.Path(data_dir) / "events.sqlite").exists():
            sys.exit("vigilctl import of an empty file failed: " + r.stderr)
        with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
            vigil = list(pool.map(lambda q: ask_vigil(args.vigilctl, q[2], data_dir), queries))

    records = []
    for (qid, repo, text), v in zip(queries, vigil):
        o = answers.get(qid, {"ok": False, "errors": ["no answer"], "columns": []})
        alias = "TimeGenerated" in text
        rec = {"id": qid, "repo": repo, "units": units(text), "timegenerated": alias,
               "oracle": {"ok": o["ok"], "errors": o.get("errors", [])[:3],
                          "columns": o.get("columns", []), "open": bool(o.get("open"))},
               "vigil": v}
        got = [[n.replace("TimeGenerated", "Timestamp") if alias else n, t]
               for n, t in v.get("columns", [])]
        if not o["ok"]:
            rec["verdict"] = "oracle rejects" + (", Vigil accepts" if v["accepted"] else "")
            rec["reason"] = None
        elif not v["accepted"]:
            rec["verdict"] = "refused"
            rec["reason"] = v["error"]
        elif v.get("open") != bool(o.get("open")) or got != o["columns"]:
            rec["verdict"] = "columns differ"
            # With both names in one query, Vigil keeps them apart as written while the oracle
            # was asked with one name: the columns cannot be compared.
            mixed = alias and "Timestamp" in tokens(text)
            rec["reason"] = ("columns differ (the query mixes TimeGenerated and Timestamp)"
                             if mixed else "columns differ")
        elif not v["runs"]:
            rec["verdict"] = "does not run"
            rec["reason"] = v["error"]
        else:
            rec["verdict"] = "runs"
            rec["reason"] = None
        rec["core"] = not rec["units"]
        records.append(rec)

    if args.json:
        json.dump({"repositories": [{"name": r.name, "commit": r.commit} for r in repos],
                   "queries": records}, sys.stdout, indent=1)
        print()
        return
    if args.list_failures:
        for rec in records:
            if rec["oracle"]["ok"] and rec["verdict"] != "runs":
                print("%s\t%s\t%s\t%s" % (rec["id"], ",".join(rec["units"]) or "U1-U10/U14",
                                          rec["verdict"], reason_kind(rec["reason"])))
            elif rec["verdict"] == "oracle rejects, Vigil accepts":
                print("%s\t%s\t%s\t%s" % (rec["id"], ",".join(rec["units"]) or "U1-U10/U14",
                                          rec["verdict"], rec["oracle"]["errors"][:1]))
        return
    report(repos, records, extracted, duplicates)


def pct(a, b):
    return "%d/%d (%.0f %%)" % (a, b, 100.0 * a / b) if b else "0/0"


def report(repos, records, extracted, duplicates):
    print("| repository | commit | queries (unique) | oracle accepts | Vigil runs with the "
          "oracle's columns | within U1–U10/U14: Vigil runs |")
    print("|---|---|---|---|---|---|")
    rows = [(r.name, r.commit[:12], [x for x in records if x["repo"] == r.name]) for r in repos]
    rows.append(("**all**", "", records))
    for name, commit, recs in rows:
        acc = [x for x in recs if x["oracle"]["ok"]]
        runs = [x for x in acc if x["verdict"] == "runs"]
        core = [x for x in acc if x["core"]]
        core_runs = [x for x in core if x["verdict"] == "runs"]
        total = sum(extracted.values()) if name == "**all**" else extracted[name]
        print("| %s | %s | %d (%d) | %s | %s of accepted | %s |" % (
            name, commit, total, len(recs), pct(len(acc), len(recs)),
            pct(len(runs), len(acc)), pct(len(core_runs), len(core))))
    acc = [x for x in records if x["oracle"]["ok"]]
    runs = [x for x in acc if x["verdict"] == "runs"]
    print()
    print("Overall: Vigil runs %s of the unique queries with the oracle's columns "
          "(%s of those the oracle accepts)." % (pct(len(runs), len(records)),
                                                 pct(len(runs), len(acc))))
    mismatch = [x for x in records if x["verdict"] == "oracle rejects, Vigil accepts"]
    print("The oracle rejects and Vigil accepts: %d." % len(mismatch))
    print()
    print("Units the oracle-accepted queries use outside U1–U10/U14:")
    print()
    print("| unit | queries | Vigil runs |")
    print("|---|---|---|")
    unit_count = collections.Counter(u for x in acc for u in x["units"])
    for u, n in unit_count.most_common(15):
        ok = sum(1 for x in acc if u in x["units"] and x["verdict"] == "runs")
        print("| %s | %d | %d |" % (u, n, ok))
    print()
    print("Reasons Vigil does not run an oracle-accepted query (U1–U10/U14 queries first):")
    for label, recs in (("within U1–U10/U14", [x for x in acc if x["core"]]),
                        ("using other units", [x for x in acc if not x["core"]])):
        reasons = collections.Counter(reason_kind(x["reason"]) for x in recs
                                      if x["verdict"] != "runs")
        print()
        print("%s (%d not running):" % (label, sum(reasons.values())))
        print()
        print("| queries | reason |")
        print("|---|---|")
        for reason, n in reasons.most_common(25):
            print("| %d | %s |" % (n, reason.replace("|", "\\|")))


if __name__ == "__main__":
    main()
