"""Per-op overhead of the numpy frontend over real NumPy, same process, one thread.

    python benchmarks/frontend_numpy.py [--backends numpy] [--sizes 3,256] [--quick]

Frontend `np.add/matmul/sum/exp/reshape`, `x[1:, 0]` and `x[1:, 0] = 1.0` on frontend arrays
(numpy backend by default) against the same calls on real NumPy arrays. Prints medians and
ratios at 3x3 and 256x256 (issue target: <= 2x at 3x3, <= 1.05x at 256x256).
"""
import os

for _v in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
    os.environ.setdefault(_v, "1")

import argparse  # noqa: E402
import statistics  # noqa: E402
import timeit  # noqa: E402

import numpy  # noqa: E402

import unify  # noqa: E402
import unify.frontends.numpy as unp  # noqa: E402

STMTS = {  # name -> statement, run with m = real numpy (a, b) or the frontend (x, y)
    "add": "m.add(a, b)",
    "matmul": "m.matmul(a, b)",
    "sum": "m.sum(a)",
    "exp": "m.exp(a)",
    "reshape": "m.reshape(a, (-1,))",
    "getitem": "a[1:, 0]",
    "setitem": "a[1:, 0] = 1.0",
}


def run(backend, n, quick):
    rs = numpy.random.RandomState(0)
    arr = rs.standard_normal((n, n))
    arr2 = rs.standard_normal((n, n))
    with unify.using_backend(backend):
        gn = {"m": numpy, "a": arr.copy(), "b": arr2.copy()}
        gf = {"m": unp, "a": unp.array(arr), "b": unp.array(arr2)}
        rows = []
        for name, stmt in STMTS.items():
            tn_, tf_ = timeit.Timer(stmt, globals=gn), timeit.Timer(stmt, globals=gf)
            tn_.timeit(3), tf_.timeit(3)
            t0 = tn_.timeit(10) / 10
            number = max(10, int((0.02 if quick else 0.1) / max(t0, 1e-7)))
            tn, tfr = [], []
            for _ in range(5 if quick else 15):  # interleaved: both see the same machine load
                tn.append(tn_.timeit(number) / number)
                tfr.append(tf_.timeit(number) / number)
            rows.append((name, statistics.median(tn), statistics.median(tfr)))
        return rows


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--backends", default="numpy")
    p.add_argument("--sizes", default="3,256")
    p.add_argument("--quick", action="store_true")
    args = p.parse_args()
    print(f"{'backend':<11}{'op':<9}{'size':>8}{'numpy µs':>12}{'frontend µs':>13}{'ratio':>8}")
    for backend in args.backends.split(","):
        for n in (int(s) for s in args.sizes.split(",")):
            for name, mn, mf in run(backend, n, args.quick):
                print(f"{backend:<11}{name:<9}{f'{n}x{n}':>8}{mn * 1e6:>12.2f}{mf * 1e6:>13.2f}"
                      f"{mf / mn:>8.2f}")


if __name__ == "__main__":
    main()
