"""PyTorch's own OpInfo corpus (torch.testing._internal op_db) against the torch frontend, on
every backend: one test per (OpInfo id, backend); the logic is in opinfo_support.py.

An OpInfo id is `name` or `name.variant_test_name` (`linalg.det`, `polygamma.polygamma_n_0`).
Every OpInfo that supports float32 or int64 on CPU is tested: its sample inputs (float32,
int64, and bool/complex64 where supported) and error inputs go through real torch and through
the frontend's function, method and in-place variants; values, dtypes, shapes and exception
types must agree. Random ops compare shapes and dtypes only.

Default pytest run (CI, bounded to stay in its time budget): at most UNIFY_OPINFO_SAMPLES
samples per dtype and OpInfo (default 1; `all` for every sample). Ids listed in
opinfo_known_failures/<backend>.txt are reported as xfail without running (the full
conformance run, which runs every sample, is the one that rewrites the lists and the support
table). With UNIFY_OPINFO_STRICT=1 a listed id runs all its samples and must still fail, so a
fixed op fails the suite until its line is removed. Test ids are
`test_opinfo[<backend>-<opinfo id>]`; select backends with `-k "numpy- or torch-"` (plain
`-k torch` matches every test: the directory).

Script mode (the full conformance run; `make conformance` calls it):

    python tests/frontends/torch/test_opinfo.py                     # all samples, all backends
    python tests/frontends/torch/test_opinfo.py --update-known-failures   # ...and rewrite the lists
    python tests/frontends/torch/test_opinfo.py --update-known-failures --from-results
                                        # rewrite the lists from tests/results/opinfo.jsonl, no run
    options: --backends numpy,jax  --ops REGEX  --samples N|all  --jobs N  --out FILE

It writes tests/results/opinfo.jsonl (one record per OpInfo and backend: status pass/fail/
nosamples, reason, detail, cases, seconds; rows of backends/ops not run are kept), runs each
backend in its own process (`--jobs` at a time, default 2) and survives a crashing op (it is
recorded as failing and the run goes on). `--update-known-failures` rewrites
opinfo_known_failures/<backend>.txt for the backends run (with --ops, only the matching ids
change); generated reasons are replaced, hand-written ones are kept while the id still fails.
Then `python scripts/support_torch.py` writes docs/support/torch.md.
"""
from __future__ import annotations

import json
import os

STRICT = os.environ.get("UNIFY_OPINFO_STRICT") == "1"
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
if __name__ == "__main__":
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    for _v in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        os.environ.setdefault(_v, "1")
    sys.path.insert(0, HERE)

import opinfo_support as S  # noqa: E402


def _limit(text):
    return None if str(text).lower() == "all" else max(1, int(text))


if __name__ != "__main__":
    import pytest

    LIMIT = _limit(os.environ.get("UNIFY_OPINFO_SAMPLES", "1"))
    KNOWN = {b: S.read_known(b) for b in S.BACKENDS}

    @pytest.mark.parametrize("opid", list(S.entries()))
    def test_opinfo(opid, backend, request):
        reason = KNOWN[backend].get(opid)
        if reason is not None:
            if not STRICT:
                pytest.xfail(f"known failure (not run): {reason or 'known'}")
            request.node.add_marker(pytest.mark.xfail(strict=True, reason=reason or "known"))
        # a known failure runs every case (subset first), like the run that listed it
        status, why, detail, _ = S.run_op(S.entries()[opid], backend, LIMIT,
                                          then_all=reason is not None)
        if status == "nosamples":
            pytest.skip(why)
        assert status == "pass", f"{why}\n{detail}"


# ------------------------------------------------------------------ script mode

def _worker(backend, limit, pattern, part, resume):
    import re
    import time

    import torch

    torch.set_num_threads(1)
    done = set()
    if resume and os.path.exists(part):
        done = {op for (op, _b) in S.read_results(part)}
    rx = re.compile(pattern) if pattern else None
    with open(part, "a" if resume else "w") as f:
        for oid, entry in S.entries().items():
            if oid in done or (rx and not rx.search(oid)):
                continue
            # mark the op as started, so a crash inside it is attributed to it
            f.write(f"#start {oid}\n")
            f.flush()
            t0, c0 = time.perf_counter(), time.process_time()
            status, reason, detail, n = S.run_op(entry, backend, limit)
            rec = S.record(entry, backend, status, reason, detail, n, time.perf_counter() - t0,
                           time.process_time() - c0)
            f.write(json.dumps(rec) + "\n")
            f.flush()


def _crashed_op(part):
    """The op that was started and not finished in a part file (the one that crashed)."""
    last = None
    with open(part) as f:
        for line in f:
            if line.startswith("#start "):
                last = line[7:].strip()
            elif line.strip():
                last = None
    return last


def _run_backends(backends, limit, pattern, jobs, results_dir):
    import subprocess
    import time

    os.makedirs(results_dir, exist_ok=True)
    parts = {b: os.path.join(results_dir, f"opinfo.{b}.part.jsonl") for b in backends}
    for p in parts.values():
        for path in (p, p[:-len(".part.jsonl")] + ".log"):
            if os.path.exists(path):
                os.remove(path)
    slow_first = ("jax", "tensorflow", "numpy", "torch")  # the longest run starts first
    todo = sorted(backends, key=lambda b: slow_first.index(b) if b in slow_first else 9)
    running = {}
    crashes = {b: 0 for b in backends}
    t0 = {}

    def start(b, resume):
        cmd = [sys.executable, os.path.abspath(__file__), "--worker", b, "--part", parts[b],
               "--samples", "all" if limit is None else str(limit)]
        if pattern:
            cmd += ["--ops", pattern]
        if resume:
            cmd.append("--resume")
        with open(parts[b][:-len(".part.jsonl")] + ".log", "a") as log:
            running[b] = subprocess.Popen(cmd, stderr=log)
        t0.setdefault(b, time.perf_counter())

    while todo or running:
        while todo and len(running) < jobs:
            start(todo.pop(0), False)
        time.sleep(0.5)
        for b, proc in list(running.items()):
            rc = proc.poll()
            if rc is None:
                continue
            del running[b]
            crashed = _crashed_op(parts[b]) if os.path.exists(parts[b]) else None
            if rc != 0 and crashed and crashes[b] < 50:
                crashes[b] += 1
                entry = S.entries()[crashed]
                rec = S.record(entry, b, "fail", f"crash (exit {rc})",
                               "the process died while running this op", 0, 0.0)
                with open(parts[b], "a") as f:
                    f.write(json.dumps(rec) + "\n")
                print(f"{b}: {crashed} crashed the process (exit {rc}); resuming", flush=True)
                start(b, True)
            else:
                n = len(S.read_results(parts[b])) if os.path.exists(parts[b]) else 0
                print(f"{b}: {n} OpInfos in {time.perf_counter() - t0[b]:.0f}s (exit {rc})",
                      flush=True)
                if rc != 0 or n == 0:
                    print(f"{b}: see {parts[b][:-len('.part.jsonl')]}.log", flush=True)
    return parts


def main(argv=None):
    import argparse
    import re

    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--backends", default=",".join(S.BACKENDS))
    p.add_argument("--ops", default="", help="regex on OpInfo ids (re.search)")
    p.add_argument("--samples", default="all", help="samples per dtype: N or all")
    p.add_argument("--jobs", type=int, default=2, help="backends run at once")
    p.add_argument("--out", default=S.RESULTS)
    p.add_argument("--update-known-failures", action="store_true")
    p.add_argument("--from-results", action="store_true",
                   help="do not run; use the records already in --out")
    p.add_argument("--worker", help=argparse.SUPPRESS)
    p.add_argument("--part", help=argparse.SUPPRESS)
    p.add_argument("--resume", action="store_true", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    limit = _limit(args.samples)
    if args.worker:
        _worker(args.worker, limit, args.ops, args.part, args.resume)
        return 0
    backends = [b.strip() for b in args.backends.split(",") if b.strip()]
    for b in backends:
        if b not in S.BACKENDS:
            p.error(f"unknown backend {b!r}")
    rx = re.compile(args.ops) if args.ops else None
    records = S.read_results(args.out)
    if not args.from_results:
        parts = _run_backends(backends, limit, args.ops, max(1, args.jobs),
                              os.path.dirname(os.path.abspath(args.out)))
        ids = set(S.entries())
        # a full run replaces its backends' rows; rows of ids that left op_db go
        for key in [k for k in records if k[1] in backends and (not rx or rx.search(k[0]))]:
            del records[key]
        for b, part in parts.items():
            if os.path.exists(part):
                records.update(S.read_results(part))
                os.remove(part)
        records = {k: r for k, r in records.items() if k[0] in ids}
        order = {oid: i for i, oid in enumerate(S.entries())}
        rank = {b: i for i, b in enumerate(S.BACKENDS)}
        with open(args.out, "w") as f:
            for k in sorted(records, key=lambda k: (rank.get(k[1], 9), order.get(k[0], 1 << 30))):
                f.write(json.dumps(records[k]) + "\n")
    summary = []
    for b in backends:
        rows = [r for (oid, bb), r in records.items() if bb == b]
        npass = sum(r["status"] == "pass" for r in rows)
        summary.append(f"{b} {npass}/{len(rows)} pass")
        if args.update_known_failures:
            if not rows:
                print(f"{b}: no results in {args.out}; its list is left as it is")
                continue
            # ids not run (other --ops, or missing from a partial results file) keep their line
            ran = {r["op"] for r in rows if not rx or rx.search(r["op"])}
            failures = {oid: reason for oid, reason in S.read_known(b).items()
                        if oid not in ran and oid in S.entries()}
            failures.update({r["op"]: r["reason"] for r in rows
                             if r["status"] == "fail" and r["op"] in ran})
            S.write_known(b, failures)
    print("; ".join(summary))
    if args.update_known_failures:
        print("rewrote " + ", ".join(os.path.relpath(S.known_path(b), S.ROOT) for b in backends))
    return 0


if __name__ == "__main__":
    sys.exit(main())
