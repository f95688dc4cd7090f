#!/usr/bin/env python3
"""Runs the self-contained examples of Microsoft's KQL reference on Vigil and compares the rows
with the output the pages print (docs/KQL.md, "Microsoft's examples").

Usage:
    scripts/kql-doc-examples.py [--vigilctl PATH] [--jobs N] [--list] [--json] DOCS

DOCS is a copy of the public repository of Microsoft's Kusto documentation
(MicrosoftDocs/dataexplorer-docs): a bare git directory, a directory holding one as `repo/` (as
fetched mirrors are laid out), or a checkout. The script reads every page under
data-explorer/kusto/query/, takes each ```kusto block that a table follows under an "Output" (or
"Result") line, and runs the block with `vigilctl hunt --format json` on an empty event store.

Examples are sorted into:
- compared: Vigil ran the query and the page prints every row; the rows are compared value by
  value (numbers to the digits the page prints, datetimes as instants, dynamic values as JSON,
  null as an empty cell or "null"), in order when the query sorts (sort, order, top, serialize,
  range, mv-expand, make-series) and as a multiset otherwise. Column names are reported apart:
  the pages often name a column differently from what the query gives.
- not compared: the query reads a sample table (StormEvents and the like) or a function Vigil
  refuses, reads the clock (now(), ago(), …) or picks rows at random (take, sample, any()), is a
  management command (.show, .create, …), or the page's table is cut ("...").

The page texts are third-party: this script prints figures, page names and example numbers,
Vigil's reasons and the cells that differ, never a whole query. Needs python3 only.
"""
import argparse
import collections
import concurrent.futures
import datetime as dt
import json
import math
import os
import pathlib
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from vigilctl_json import run_json  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent
PAGES = "data-explorer/kusto/query/"
FENCE = re.compile(r"^[ \t]*```[ \t]*([A-Za-z0-9_+-]*)[ \t]*$")
CLOCK = re.compile(r"\b(now|ago|startofday|startofweek|startofmonth|startofyear|endofday|"
                   r"endofweek|endofmonth|endofyear|rand|new_guid|current_\w+|"
                   r"ingestion_time|cursor_\w+|estimate_data_size|extent_\w+)\s*\(|"
                   r"\bsample\b|\bsample-distinct\b|\btake\b|\blimit\b|\bany\s*\(|"
                   r"\btake_any\w*\s*\(|\bdatetime\s*\(\s*\)", re.I)
ORDERED = re.compile(r"\b(sort|order|top(?!-)|serialize|range|mv-expand|"
                     r"make-series|scan|row_number|prev|next|row_cumsum)\b", re.I)


# ---- reading the pages

def git_dir(path):
    p = pathlib.Path(path)
    for candidate in (p, p / "repo", p / ".git"):
        if (candidate / "HEAD").exists() and (candidate / "objects").exists():
            return candidate
    return None


def pages(path):
    """(name, text) of every page under PAGES."""
    g = git_dir(path)
    if g:
        names = subprocess.run(["git", "--git-dir", str(g), "ls-tree", "-r", "--name-only",
                                "HEAD", PAGES], capture_output=True, text=True,
                               check=True).stdout.split("\n")
        names = [n for n in names if n.endswith(".md")]
        batch = subprocess.run(["git", "--git-dir", str(g), "cat-file", "--batch"],
                               input="".join("HEAD:%s\n" % n for n in names).encode(),
                               capture_output=True, check=True).stdout
        pos = 0
        for name in names:
            header_end = batch.index(b"\n", pos)
            size = int(batch[pos:header_end].split()[2])
            body = batch[header_end + 1:header_end + 1 + size]
            pos = header_end + 1 + size + 1
            yield name[len(PAGES):], body.decode("utf-8", "replace")
        return
    root = pathlib.Path(path) / PAGES
    for f in sorted(root.rglob("*.md")):
        yield str(f.relative_to(root)), f.read_text(encoding="utf-8", errors="replace")


def split_row(line):
    """The cells of a Markdown table line (an escaped \\| stays in its cell)."""
    line = line.strip()
    if line.startswith("|"):
        line = line[1:]
    if line.endswith("|") and not line.endswith("\\|"):
        line = line[:-1]
    cells, cur, i = [], [], 0
    while i < len(line):
        c = line[i]
        if c == "\\" and i + 1 < len(line) and line[i + 1] == "|":
            cur.append("|")
            i += 2
            continue
        if c == "|":
            cells.append("".join(cur).strip())
            cur = []
        else:
            cur.append(c)
        i += 1
    cells.append("".join(cur).strip())
    return cells


def examples(name, text):
    """(number, query, header, rows) for each kusto block followed by an output table."""
    lines = text.split("\n")
    i, n = 0, 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m or m.group(1).lower() not in ("kusto", "kql"):
            i += 1
            continue
        j = i + 1
        while j < len(lines) and not FENCE.match(lines[j]):
            j += 1
        query = "\n".join(lines[i + 1:j])
        n += 1
        # The table, if the text before it says it is the output.
        k = j + 1
        said = False
        while k < len(lines) and not lines[k].lstrip().startswith("|"):
            if FENCE.match(lines[k]) or lines[k].startswith("#"):
                break
            if re.search(r"\b(output|result|results|returns)\b", lines[k], re.I):
                said = True
            k += 1
        table = []
        if said and k < len(lines) and lines[k].lstrip().startswith("|"):
            while k < len(lines) and lines[k].lstrip().startswith("|"):
                table.append(lines[k])
                k += 1
        i = j + 1
        if len(table) < 2 or not re.match(r"^\s*\|?\s*:?-{2,}", table[1]):
            continue
        header = split_row(table[0])
        # A table with one empty cell is how some pages print "no rows".
        rows = [split_row(t) for t in table[2:]]
        rows = [r for r in rows if any(c.strip() for c in r) or len(r) == len(header)]
        yield n, query, header, rows


# ---- comparing values

DATETIME = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?"
                      r"\s*(Z|\+00:00)?$")


def as_instant(text):
    m = DATETIME.match(text.strip())
    if not m:
        return None
    y, mo, d, h, mi, s, f = m.group(1, 2, 3, 4, 5, 6, 7)
    try:
        base = dt.datetime(int(y), int(mo), int(d), int(h or 0), int(mi or 0), int(s or 0))
    except ValueError:
        return None
    ticks = int(((f or "") + "0000000")[:7])
    return (base, ticks)


def as_number(text):
    t = text.strip().replace(",", "") if re.match(r"^-?[\d,]+(\.\d+)?$", text.strip()) else \
        text.strip()
    try:
        v = float(t)
    except ValueError:
        return None
    return v if math.isfinite(v) or t.lower() in ("inf", "-inf", "nan") else None


def unquote(text):
    t = text.strip()
    if len(t) >= 2 and t[0] == t[-1] == "`":
        t = t[1:-1]
    return t.replace("<br>", "\n").replace("&lt;", "<").replace("&gt;", ">").replace(
        "&amp;", "&").replace("&quot;", '"').strip()


def same(page_cell, value):
    """Does the page's cell print Vigil's value?"""
    cell = unquote(page_cell)
    if value is None or value == "":
        return cell in ("", "null", "(null)", "NULL", "''", '""')
    if cell in ("null", "(null)") and value is not None:
        return False
    if isinstance(value, bool):
        return cell.lower() in ("true", "1") if value else cell.lower() in ("false", "0")
    if isinstance(value, (int, float)):
        v = as_number(cell)
        if v is None:
            return False
        if "." in cell or "e" in cell.lower():
            digits = len(cell.split(".")[1]) if "." in cell and "e" not in cell.lower() else 6
            return abs(v - value) <= max(0.5 * 10 ** -digits, 1e-9 * abs(value)) * 1.000001 \
                or math.isclose(v, value, rel_tol=1e-6)
        return v == value or math.isclose(v, value, rel_tol=1e-9)
    if isinstance(value, (list, dict)):
        try:
            return json.loads(cell) == value
        except ValueError:
            return re.sub(r"\s", "", cell) == json.dumps(value, separators=(",", ":"),
                                                        ensure_ascii=False)
    text = str(value)
    if re.match(r"^-?\d{1,3}(,\d{3})+$", cell) and cell.replace(",", "") == text:
        return True  # a number the page prints with thousands separators
    a, b = as_instant(text), as_instant(cell)
    if a and b:
        return a == b
    if text == cell or text.strip() == cell.strip():
        return True
    # A JSON text printed by the page with other blank space.
    try:
        return json.loads(cell) == json.loads(text)
    except ValueError:
        return re.sub(r"\s+", " ", text).strip() == re.sub(r"\s+", " ", cell).strip()


def row_key(row):
    return json.dumps(row, sort_keys=True, default=str)


def compare(query, header, page_rows, result):
    """(verdict, detail): 'same', 'rows differ', 'columns differ'."""
    columns = [c["name"] for c in result["columns"]]
    got = result["rows"]
    if len(header) != len(columns):
        return "columns differ", "page %d columns %s, Vigil %d %s" % (
            len(header), header, len(columns), columns)
    if len(page_rows) != len(got):
        return "rows differ", "page %d rows, Vigil %d" % (len(page_rows), len(got))
    names = "" if [h.strip("`* ") for h in header] == columns else \
        " (names: page %s, Vigil %s)" % (header, columns)

    def match(prow, grow):
        return len(prow) == len(grow) and all(same(p, g) for p, g in zip(prow, grow))

    if ORDERED.search(query):
        for idx, (p, g) in enumerate(zip(page_rows, got)):
            if not match(p, g):
                return "rows differ", "row %d: page %s, Vigil %s%s" % (idx + 1, p, g, names)
        return "same", names
    left = list(got)
    for p in page_rows:
        hit = next((k for k, g in enumerate(left) if match(p, g)), None)
        if hit is None:
            return "rows differ", "page row %s not in Vigil's %s%s" % (p, left[:6], names)
        left.pop(hit)
    return "same", names


# ---- running

def run(exe, query, data_dir):
    """Single-line JSON: `hunt --format json` prints one document."""
    return run_json(exe, ["hunt", "--format", "json", "--offline"], query, data_dir, timeout=60)


def control_command(query):
    """A management command (.show, .create, …) rather than a query."""
    lines = [l.strip() for l in query.split("\n")]
    return any(l.startswith(".") for l in lines if l and not l.startswith("//"))


def sample_table(reason):
    return bool(re.search(r"unknown name '[^']+'|is not a table|no table", reason or "")) and \
        not re.search(r"bag_unpack|pivot", reason or "")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("docs")
    ap.add_argument("--vigilctl", default=str(ROOT / "build" / "app" / "vigilctl"))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--list", action="store_true", help="every example not the same, one a line")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    found = []
    for name, text in pages(args.docs):
        for number, query, header, rows in examples(name, text):
            found.append((name, number, query, header, rows))

    with tempfile.TemporaryDirectory(prefix="kql-doc-examples-") as data_dir:
        empty = pathlib.Path(data_dir) / "empty.jsonl"
        empty.write_text("")
        r = subprocess.run([args.vigilctl, "import", str(empty)], capture_output=True, text=True,
                           env=dict(os.environ, VIGIL_DATA_DIR=data_dir))
        if r.returncode != 0:
            sys.exit("vigilctl import of an empty file failed: " + r.stderr)
        todo = [f for f in found if not CLOCK.search(f[2]) and not control_command(f[2])
                and not any("..." in c or "…" in c for row in f[4] for c in row)]
        with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
            answers = list(pool.map(lambda f: run(args.vigilctl, f[2], data_dir), todo))

    records = []
    for (name, number, query, header, rows), (doc, error) in zip(todo, answers):
        if doc is None:
            verdict = "sample table or function" if sample_table(error) else "refused"
            detail = error
        else:
            verdict, detail = compare(query, header, rows, doc)
        records.append({"page": name, "example": number, "verdict": verdict, "detail": detail})

    counts = collections.Counter(r["verdict"] for r in records)
    if args.json:
        json.dump({"examples": len(found), "clock or cut": len(found) - len(todo),
                   "records": records}, sys.stdout, indent=1)
        print()
        return
    print("examples with an output table: %d" % len(found))
    print("  reading the clock, random, cut tables or commands (not run): %d" % (
        len(found) - len(todo)))
    for verdict in ("same", "rows differ", "columns differ", "refused",
                    "sample table or function"):
        print("  %-28s %d" % (verdict + ":", counts.get(verdict, 0)))
    compared = counts.get("same", 0) + counts.get("rows differ", 0) + \
        counts.get("columns differ", 0)
    if compared:
        print("Vigil prints the page's rows for %d of the %d examples it ran (%.0f %%)" % (
            counts.get("same", 0), compared, 100.0 * counts.get("same", 0) / compared))
    if args.list:
        for r in records:
            if r["verdict"] not in ("same", "sample table or function"):
                print("%s#%d\t%s\t%s" % (r["page"], r["example"], r["verdict"],
                                         (r["detail"] or "")[:300]))


if __name__ == "__main__":
    main()
