"""Per-op overhead of the torch frontend over native calls, same process, one thread.

    python benchmarks/frontend_torch.py [--backends torch,jax] [--quick]

For each backend: frontend `torch.add/matmul/sum/exp/reshape`, `x[1:, 0]` and
`x[1:, 0] = 1.0` on frontend tensors, against the same calls on native arrays of
that backend (torch for the torch backend; jax.numpy eager, with `.at[].set` for
setitem, for the jax backend; NumPy for the numpy backend). Prints medians and
ratios at 3x3 and 256x256.
"""
import os

for _v in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS",
           "TF_NUM_INTRAOP_THREADS", "TF_NUM_INTEROP_THREADS"):
    os.environ.setdefault(_v, "1")
os.environ.setdefault("XLA_FLAGS", "--xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import argparse  # noqa: E402
import statistics  # noqa: E402
import timeit  # noqa: E402

import numpy as np  # noqa: E402

import unify  # noqa: E402
import unify.frontends.torch as ft  # noqa: E402

STMTS = {  # name -> (native statement, frontend statement)
    "add": ("m.add(a, b)", "t.add(x, y)"),
    "matmul": ("m.matmul(a, b)", "t.matmul(x, y)"),
    "sum": ("m.sum(a)", "t.sum(x)"),
    "exp": ("m.exp(a)", "t.exp(x)"),
    "reshape": ("m.reshape(a, (-1,))", "t.reshape(x, (-1,))"),
    "getitem": ("a[1:, 0]", "x[1:, 0]"),
    "setitem": ("a[1:, 0] = 1.0", "x[1:, 0] = 1.0"),
}


def native(backend):
    if backend == "torch":
        import torch as m
        m.set_num_threads(1)
        return m, lambda arr: m.from_numpy(arr), {}
    if backend == "jax":
        import jax.numpy as m
        return m, lambda arr: m.asarray(arr), {"setitem": "a.at[1:, 0].set(1.0).block_until_ready()"}
    if backend == "numpy":
        import numpy as m
        return m, lambda arr: arr.copy(), {}
    if backend == "tensorflow":
        import tensorflow as m
        m.sum = m.reduce_sum
        return m, lambda arr: m.constant(arr), {
            "setitem": "m.tensor_scatter_nd_update(a, idx, upd)", "add": "m.add(a, b)"}
    raise ValueError(backend)


def _block(backend, stmt, frontend):
    """On jax, wait for the result (jax dispatches asynchronously)."""
    if backend != "jax" or "=" in stmt:
        return stmt
    return f"({stmt})._value().block_until_ready()" if frontend else f"({stmt}).block_until_ready()"


def run(backend, n, quick):
    m, make, overrides = native(backend)
    rs = np.random.RandomState(0)
    arr = rs.standard_normal((n, n)).astype(np.float32)
    arr2 = rs.standard_normal((n, n)).astype(np.float32)
    with unify.using_backend(backend):
        x, y = ft.tensor(arr), ft.tensor(arr2)
        g = {"m": m, "a": make(arr), "b": make(arr2), "t": ft, "x": x, "y": y}
        if backend == "tensorflow":
            import tensorflow as tf
            g["idx"] = tf.constant([[i, 0] for i in range(1, n)])
            g["upd"] = tf.ones((n - 1,), tf.float32)
        rows = []
        for name, (ns, fs) in STMTS.items():
            ns = _block(backend, overrides.get(name, ns), False)
            fs = _block(backend, fs, True)
            tn_, tf_ = timeit.Timer(ns, globals=g), timeit.Timer(fs, globals=g)
            tn_.timeit(3), tf_.timeit(3)
            t0 = tn_.timeit(10) / 10
            number = max(10, int((0.02 if quick else 0.1) / max(t0, 1e-7)))
            tn, tfr = [], []
            for _ in range(5 if quick else 15):
                tn.append(tn_.timeit(number) / number)
                tfr.append(tf_.timeit(number) / number)
            mn, mf = statistics.median(tn), statistics.median(tfr)
            rows.append((name, mn, mf))
        return rows


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--backends", default="torch,jax")
    p.add_argument("--sizes", default="3,256")
    p.add_argument("--quick", action="store_true")
    args = p.parse_args()
    print(f"{'backend':<11}{'op':<9}{'size':>8}{'native µs':>12}{'frontend µs':>13}{'ratio':>8}")
    for backend in args.backends.split(","):
        for n in (int(s) for s in args.sizes.split(",")):
            for name, mn, mf in run(backend, n, args.quick):
                print(f"{backend:<11}{name:<9}{f'{n}x{n}':>8}{mn * 1e6:>12.2f}{mf * 1e6:>13.2f}{mf / mn:>8.2f}")


if __name__ == "__main__":
    main()
