"""Per-op overhead of unify.core over the native call, per backend, same process.

    python benchmarks/overhead.py [--backends numpy,torch] [--quick]

Prints the median time per call of core add, matmul, sum, reshape, exp and
getitem at 3x3 and 256x256 against the native function called the same way on
the same arrays, and their ratio. One thread per framework.
"""
import os

for _v in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS", "XLA_FLAGS",
           "TF_NUM_INTRAOP_THREADS", "TF_NUM_INTEROP_THREADS"):
    os.environ.setdefault(_v, "1" if _v != "XLA_FLAGS" else
                          "--xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import argparse  # noqa: E402
import operator  # noqa: E402
import statistics  # noqa: E402
import timeit  # noqa: E402

import numpy as np  # noqa: E402

import unify  # noqa: E402
import unify.core as C  # noqa: E402


KEY = (slice(1, None), 0)
SHAPE = (-1,)


def natives(backend):
    """name -> (native function, core function, extra argument or None).

    Both are called the same way, `f(a, b)` / `f(a)` / `f(a, extra)`, so the ratio is the cost
    of the core's dispatch. getitem's native counterpart is `operator.getitem` (the functional
    form of `a[key]`); the row `a[key]` times the subscription syntax itself, for reference.
    """
    if backend == "numpy":
        import numpy as m
        sum_, red = m.sum, m.reshape
    elif backend == "torch":
        import torch as m
        m.set_num_threads(1)
        sum_, red = m.sum, m.reshape
    elif backend == "jax":
        import jax.numpy as m
        sum_, red = m.sum, m.reshape
    elif backend == "tensorflow":
        import tensorflow as m
        sum_, red = m.reduce_sum, m.reshape
    else:
        raise ValueError(backend)
    return {
        "add": (m.add, C.add, "b"), "matmul": (m.matmul, C.matmul, "b"),
        "sum": (sum_, C.sum, None), "exp": (m.exp, C.exp, None),
        "reshape": (red, C.reshape, SHAPE), "getitem": (operator.getitem, C.getitem, KEY),
    }


def _sync(backend, out):
    if backend == "jax":
        out.block_until_ready()


def timer(fn, a, extra, backend, number):
    """Seconds per call of fn(a[, extra]) over `number` calls (one timeit statement)."""
    g = {"f": fn, "a": a, "x": extra}
    stmt = "f(a)" if extra is None else "f(a, x)"
    if backend == "jax":
        stmt = f"r = {stmt}"
        t = timeit.Timer(stmt, setup="", globals=g)
        out = t.timeit(number) / number
        fn(a) if extra is None else fn(a, extra)
        return out
    return timeit.Timer(stmt, globals=g).timeit(number) / number


def measure(backend, n, quick):
    with unify.using_backend(backend):
        rs = np.random.RandomState(0)
        a = C.asarray(rs.standard_normal((n, n)).astype(np.float32))
        b = C.asarray(rs.standard_normal((n, n)).astype(np.float32))
        rows = []
        cases = natives(backend)
        cases["a[key]"] = (lambda a: a[KEY], None, None)
        for name, (nat, core, extra) in cases.items():
            extra = b if extra == "b" else extra
            if core is None:  # the syntax row: `a[key]` inline, no function call
                tn = statistics.median(timeit.repeat("a[k]", globals={"a": a, "k": KEY},
                                                     number=20000, repeat=5)) / 20000
                rows.append((name, n, tn, float("nan"), float("nan")))
                continue
            for f in (nat, core):  # warm up (jax compiles per shape)
                _sync(backend, f(a) if extra is None else f(a, extra))
            budget = 0.02 if quick else 0.1
            t0 = timer(nat, a, extra, backend, 10)
            number = max(10, int(budget / max(t0, 1e-7)))
            repeat = 5 if quick else 15
            tn, tc = [], []
            for _ in range(repeat):  # interleave to cancel drift
                tn.append(timer(nat, a, extra, backend, number))
                tc.append(timer(core, a, extra, backend, number))
            mn, mc = statistics.median(tn), statistics.median(tc)
            rows.append((name, n, mn, mc, mc / mn))
        return rows


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--backends", default=",".join(unify.available_backends()))
    p.add_argument("--sizes", default="3,256")
    p.add_argument("--quick", action="store_true")
    args = p.parse_args()
    order = ["numpy", "torch", "jax", "tensorflow"]
    backends = sorted(args.backends.split(","), key=lambda b: order.index(b) if b in order else 9)
    print(f"{'backend':<11}{'op':<9}{'size':>8}{'native µs':>12}{'unify µs':>11}{'ratio':>8}")
    for backend in backends:
        for n in (int(s) for s in args.sizes.split(",")):
            for name, size, mn, mc, r in measure(backend, n, args.quick):
                print(f"{backend:<11}{name:<9}{f'{size}x{size}':>8}{mn * 1e6:>12.2f}{mc * 1e6:>11.2f}{r:>8.2f}")


if __name__ == "__main__":
    main()
