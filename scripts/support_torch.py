"""Write docs/support/torch.md (PyTorch OpInfo x backend) from the OpInfo conformance results.

    python scripts/support_torch.py [--results tests/results/opinfo.jsonl]
                                    [--junit tests/results/junit.xml] [--out docs/support/torch.md]

Source: tests/results/opinfo.jsonl, written by the full conformance run (`make conformance`,
i.e. `python tests/frontends/torch/test_opinfo.py`: every sample of every OpInfo on every
backend). Without it, the junit XML of a pytest run of tests/frontends/torch/test_opinfo.py
(`make test`) is used; that run checks only the first few samples of the OpInfos that are not
known failures, which the page says.

Status per OpInfo and backend: `pass` (every sample input, error input and variant agreed with
real torch), `FAIL` with the first disagreement, `untested` (the OpInfo has no CPU samples
for float32/int64, or no result was recorded).
"""
from __future__ import annotations

import argparse
import collections
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BACKENDS = ("numpy", "torch", "jax", "tensorflow")
GROUPS = (("nn.functional.", "torch.nn.functional"), ("nn.", "torch.nn"),
          ("linalg.", "torch.linalg"), ("fft.", "torch.fft"), ("special.", "torch.special"),
          ("masked.", "torch.masked"), ("signal.", "torch.signal"), ("sparse.", "torch.sparse"),
          ("", "torch and Tensor methods"))
JUNIT_ID = re.compile(r"^test_opinfo\[(numpy|torch|jax|tensorflow)-(.+)\]$")


def read_jsonl(path):
    out = {}
    with open(path) as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                out[r["op"], r["backend"]] = (r["status"], r.get("reason", ""))
    return out


def read_junit(path):
    """{(id, backend): (status, reason)} from the test_opinfo cases of a junit file."""
    out = {}
    for case in ET.parse(path).getroot().iter("testcase"):
        m = JUNIT_ID.match(case.get("name", ""))
        if not m or "test_opinfo" not in case.get("classname", ""):
            continue
        backend, oid = m.groups()
        bad = case.find("failure")
        if bad is None:
            bad = case.find("error")
        skip = case.find("skipped")
        if bad is not None:
            msg = (bad.get("message") or "").strip()
            out[oid, backend] = ("fail", msg.split("\n")[0][:120] or "failed")
        elif skip is not None:
            if "xfail" in (skip.get("type") or "") or "xfail" in (skip.get("message") or ""):
                msg = (skip.get("message") or "").replace("xfail", "").strip(" :")
                out[oid, backend] = ("fail", msg or "known failure")
            else:
                out[oid, backend] = ("nosamples", (skip.get("message") or "")[:120])
        else:
            out[oid, backend] = ("pass", "")
    return out


def group_of(oid):
    for prefix, title in GROUPS:
        if oid.startswith(prefix):
            return title
    return GROUPS[-1][1]


def _cell(status, reason):
    if status == "pass":
        return "pass"
    if status == "fail":
        return "FAIL: " + reason.replace("|", "\\|").replace("\n", " ")
    return "untested"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--results", default=os.path.join(ROOT, "tests", "results", "opinfo.jsonl"))
    p.add_argument("--junit", default=os.path.join(ROOT, "tests", "results", "junit.xml"))
    p.add_argument("--out", default=os.path.join(ROOT, "docs", "support", "torch.md"))
    p.add_argument("--note", default="", help="a sentence added to the source line (e.g. a "
                   "backend run with a sample limit: `--samples 3`)")
    args = p.parse_args()
    if os.path.exists(args.results):
        results, source = read_jsonl(args.results), (
            f"`{os.path.relpath(args.results, ROOT)}` (the full conformance run, `make "
            "conformance`: every sample input of every OpInfo)")
    elif os.path.exists(args.junit):
        results, source = read_junit(args.junit), (
            f"`{os.path.relpath(args.junit, ROOT)}` (a pytest run: the first samples of each "
            "OpInfo only; known failures not run)")
    else:
        print(f"no results at {args.results} or {args.junit}; run `make conformance`",
              file=sys.stderr)
        return 1
    ids = list(dict.fromkeys(oid for oid, _ in results))
    total = len(ids)
    counts = collections.Counter()
    kinds = collections.Counter()
    groups = collections.defaultdict(list)
    for oid in sorted(ids):
        cells = []
        for b in BACKENDS:
            status, reason = results.get((oid, b), ("untested", ""))
            counts[b, status] += 1
            if status == "fail":
                kinds[b, reason.split(":")[0].split(" (")[0]] += 1
            cells.append(_cell(status, reason))
        groups[group_of(oid)].append(f"| `{oid}` | " + " | ".join(cells) + " |")

    def pct(b):
        return f"{100.0 * counts[b, 'pass'] / total:.1f}%" if total else "-"

    lines = [
        "# unify.frontends.torch: PyTorch OpInfo conformance per backend", "",
        "Generated by `scripts/support_torch.py` from " + source + ". " + (args.note + " " if args.note else "") + "Do not edit by hand.", "",
        "Each row is one OpInfo of PyTorch's own test corpus "
        "(`torch.testing._internal.common_methods_invocations.op_db`) that supports float32 or "
        "int64 on CPU. Its sample inputs (float32, int64, and bool/complex64 where supported) "
        "and error inputs run through real torch and through `unify.frontends.torch` (function, "
        "method and in-place variants) on each backend; `pass` means every value, dtype, shape "
        "and exception type agreed (random ops: shapes and dtypes). `FAIL` shows the first "
        "disagreement. Known failures are listed in "
        "`tests/frontends/torch/opinfo_known_failures/<backend>.txt`.", "",
        f"{total} OpInfos.", "",
        "| backend | pass | FAIL | untested | pass % |", "|---|---|---|---|---|"]
    for b in BACKENDS:
        lines.append(f"| {b} | {counts[b, 'pass']} | {counts[b, 'fail']} | "
                     f"{total - counts[b, 'pass'] - counts[b, 'fail']} | {pct(b)} |")
    kind_names = sorted({k for (_, k) in kinds}, key=lambda k: -sum(kinds[b, k] for b in BACKENDS))
    if kind_names:
        lines += ["", "Failures by kind:", "", "| kind | " + " | ".join(BACKENDS) + " |",
                  "|---|" + "---|" * len(BACKENDS)]
        for k in kind_names:
            lines.append(f"| {k} | " + " | ".join(str(kinds[b, k]) for b in BACKENDS) + " |")
    for _, title in GROUPS:
        rows = groups.get(title)
        if not rows:
            continue
        lines += ["", f"### {title}", "", "| OpInfo | " + " | ".join(BACKENDS) + " |",
                  "|---|" + "---|" * len(BACKENDS)] + rows
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w") as f:
        f.write("\n".join(lines) + "\n")
    print(f"wrote {os.path.relpath(args.out, ROOT)}: " + ", ".join(
        f"{b} {counts[b, 'pass']}/{total} ({pct(b)})" for b in BACKENDS))
    return 0


if __name__ == "__main__":
    sys.exit(main())
