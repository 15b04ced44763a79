"""Per-op overhead of unify.core over the native call, per backend, same process.

    python benchmarks/overhead.py [--backends numpy,torch] [--quick]

Prints the median time per call of core add, matmul, sum, reshape, exp and
getitem at 3x3 and 256x256 against the native call on the same arrays, and
their ratio. One thread per framework.
"""
import os

for _v in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS", "XLA_FLAGS",
           "TF_NUM_INTRAOP_THREADS", "TF_NUM_INTEROP_THREADS"):
    os.environ.setdefault(_v, "1" if _v != "XLA_FLAGS" else
                          "--xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import argparse  # noqa: E402
import statistics  # noqa: E402
import timeit  # noqa: E402

import numpy as np  # noqa: E402

import unify  # noqa: E402
import unify.core as C  # noqa: E402


def natives(backend):
    """name -> (native callable, core callable) over arrays a, b of the backend."""
    if backend == "numpy":
        import numpy as m
        return {
            "add": (m.add, C.add), "matmul": (m.matmul, C.matmul),
            "sum": (m.sum, C.sum), "exp": (m.exp, C.exp),
            "reshape": (lambda a: m.reshape(a, (-1,)), lambda a: C.reshape(a, (-1,))),
            "getitem": (lambda a: a[1:, 0], lambda a: C.getitem(a, (slice(1, None), 0))),
        }
    if backend == "torch":
        import torch as m
        m.set_num_threads(1)
        return {
            "add": (m.add, C.add), "matmul": (m.matmul, C.matmul),
            "sum": (m.sum, C.sum), "exp": (m.exp, C.exp),
            "reshape": (lambda a: m.reshape(a, (-1,)), lambda a: C.reshape(a, (-1,))),
            "getitem": (lambda a: a[1:, 0], lambda a: C.getitem(a, (slice(1, None), 0))),
        }
    if backend == "jax":
        import jax.numpy as m
        return {
            "add": (m.add, C.add), "matmul": (m.matmul, C.matmul),
            "sum": (m.sum, C.sum), "exp": (m.exp, C.exp),
            "reshape": (lambda a: m.reshape(a, (-1,)), lambda a: C.reshape(a, (-1,))),
            "getitem": (lambda a: a[1:, 0], lambda a: C.getitem(a, (slice(1, None), 0))),
        }
    if backend == "tensorflow":
        import tensorflow as m
        return {
            "add": (m.add, C.add), "matmul": (m.matmul, C.matmul),
            "sum": (m.reduce_sum, C.sum), "exp": (m.exp, C.exp),
            "reshape": (lambda a: m.reshape(a, (-1,)), lambda a: C.reshape(a, (-1,))),
            "getitem": (lambda a: a[1:, 0], lambda a: C.getitem(a, (slice(1, None), 0))),
        }
    raise ValueError(backend)


def _sync(backend, out):
    if backend == "jax":
        out.block_until_ready()


def per_call(fn, args, backend, number, repeat):
    def run():
        for _ in range(number):
            out = fn(*args)
        _sync(backend, out)
    times = timeit.repeat(run, number=1, repeat=repeat)
    return statistics.median(times) / number


def measure(backend, n, quick):
    with unify.using_backend(backend):
        rs = np.random.RandomState(0)
        a = C.asarray(rs.standard_normal((n, n)).astype(np.float32))
        b = C.asarray(rs.standard_normal((n, n)).astype(np.float32))
        rows = []
        for name, (nat, core) in natives(backend).items():
            args = (a, b) if name in ("add", "matmul") else (a,)
            for f in (nat, core):  # warm up (jax compiles per shape)
                _sync(backend, f(*args))
            budget = 0.02 if quick else 0.1
            t0 = per_call(nat, args, backend, 10, 3)
            number = max(10, int(budget / max(t0, 1e-7)))
            repeat = 5 if quick else 15
            tn, tc = [], []
            for _ in range(repeat):  # interleave to cancel drift
                tn.append(per_call(nat, args, backend, number, 1))
                tc.append(per_call(core, args, backend, number, 1))
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
