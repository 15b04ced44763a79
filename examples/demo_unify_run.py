"""`make run`'s second half: one unmodified PyTorch script, two runtimes, two loss curves.

Runs examples/train_mlp.py twice, at the same time, as separate processes:

    python -m unify run --backend jax examples/train_mlp.py    # unify's torch frontend on JAX
    python examples/train_mlp.py                                # real PyTorch

and prints the two loss curves side by side with their relative difference. Exits non-zero
if a run fails or the curves disagree by more than 1e-3 relative (float32 rounding in a
different runtime is ~1e-6).

    python examples/demo_unify_run.py [--backend jax] [--steps 40]
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPT = os.path.join(HERE, "train_mlp.py")
STEP = re.compile(r"^step\s+(\d+)\s+loss\s+([-+0-9.eE]+|nan|inf)")


def start(cmd):
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL=os.environ.get("TF_CPP_MIN_LOG_LEVEL", "3"))
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env, cwd=os.path.dirname(HERE))


def finish(name, proc, t0):
    out, err = proc.communicate()
    seconds = time.time() - t0
    if proc.returncode != 0:
        print(f"--- {name} failed (exit status {proc.returncode}) ---\n{out}{err}", file=sys.stderr)
        return None, out, seconds
    losses = {int(m.group(1)): float(m.group(2)) for m in map(STEP.match, out.splitlines()) if m}
    return losses, out, seconds


def last_line(out, prefix):
    return next((ln for ln in reversed(out.splitlines()) if ln.startswith(prefix)), "")


def main() -> int:
    p = argparse.ArgumentParser(description="Run examples/train_mlp.py on unify and on real torch.")
    p.add_argument("--backend", default="jax", help="the unify backend (default: jax)")
    p.add_argument("--steps", type=int, default=40)
    args = p.parse_args()

    script_args = [SCRIPT, "--steps", str(args.steps)]
    unify_cmd = [sys.executable, "-m", "unify", "run", "--backend", args.backend, *script_args]
    torch_cmd = [sys.executable, *script_args]
    t0 = time.time()
    procs = {"unify": start(unify_cmd), "torch": start(torch_cmd)}
    with ThreadPoolExecutor(2) as pool:  # each run's own wall time
        futures = {k: pool.submit(finish, k, pr, t0) for k, pr in procs.items()}
        results = {k: f.result() for k, f in futures.items()}
    (ours, our_out, our_s), (ref, ref_out, ref_s) = results["unify"], results["torch"]

    rel = os.path.relpath(SCRIPT)
    print(f"\nThe same unmodified script, {rel}:")
    print(f"  A: unify run --backend {args.backend} {rel}   ({our_s:.1f} s)")
    print(f"  B: python {rel}   (real PyTorch, {ref_s:.1f} s)\n")
    if ours is None or ref is None:
        return 1
    a_head, b_head = f"A: unify ({args.backend})", "B: real torch"
    print(f"{'step':>5}  {a_head:>18}  {b_head:>14}  {'rel. diff':>9}   loss curve (A)")
    top = max(max(ours.values()), 1e-12)
    worst = 0.0
    for step in sorted(set(ours) | set(ref)):
        a, b = ours.get(step), ref.get(step)
        if a is None or b is None:
            print(f"{step:>5}  {a!s:>18}  {b!s:>14}  {'missing':>9}")
            worst = float("inf")
            continue
        d = abs(a - b) / max(abs(b), 1e-12)
        worst = max(worst, d)
        bar = "#" * max(1, round(30 * a / top))
        print(f"{step:>5}  {a:>18.6f}  {b:>14.6f}  {d:>9.1e}   {bar}")
    print(f"\n  A {last_line(our_out, 'train accuracy')}    B {last_line(ref_out, 'train accuracy')}")
    print(f"  largest relative difference between the curves: {worst:.1e}")
    return 0 if worst <= 1e-3 else 1


if __name__ == "__main__":
    sys.exit(main())
