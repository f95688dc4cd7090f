"""Runs vigilctl on a query given on stdin and reads its JSON answer (for the scripts beside)."""
import json
import os
import subprocess


def run_json(exe, args, query, data_dir, timeout=120):
    """(document, None) when vigilctl answered with columns, else (None, the reason)."""
    env = dict(os.environ, VIGIL_DATA_DIR=data_dir, QT_QPA_PLATFORM="offscreen")
    try:
        r = subprocess.run([exe] + args + ["--file", "-"], input=query, text=True,
                           capture_output=True, env=env, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, "timed out after %d s" % timeout
    first = r.stdout.strip().split("\n")[0] if r.stdout.strip() else ""
    try:
        doc = json.loads(first) if first else None
    except json.JSONDecodeError:
        doc = None
    if r.returncode == 0 and doc is not None and "columns" in doc:
        return doc, None
    if doc is not None and "error" in doc:
        return None, doc["error"]
    return None, (r.stderr.strip().split("\n")[-1] if r.stderr.strip() else
                  "exit %d" % r.returncode)
