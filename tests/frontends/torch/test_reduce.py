"""Reductions, statistics and scans of the torch frontend against real torch, every backend.

Each case is a function of the module (`real` torch or the frontend `ft`) and real torch
tensors; `both` runs it on real torch and on the frontend (inputs converted with `ours`) and
compares values, dtypes, shapes, named-tuple types, or the exception type.

jax compiles every op per shape and dtype, so on jax and tensorflow the tests run the first
dtype of each list and the cases before the `...` marker (every function is among them);
numpy and torch run everything. The dtype rules are the frontend's, the same on every backend.
"""
import warnings

import numpy as np
import pytest
import torch as real

import unify
import unify.frontends.torch as ft
from tfhelp import check, ours

nan = float("nan")
FULL = ("numpy", "torch")


def both(fn, *args, rtol=None, atol=None):
    mine = [ours(a) if isinstance(a, real.Tensor) else a for a in args]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            expected = fn(real, *args)
    except Exception as e:  # noqa: BLE001
        etype = ft.linalg.LinAlgError if isinstance(e, real.linalg.LinAlgError) else type(e)
        with pytest.raises(etype):
            fn(ft, *mine)
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        got = fn(ft, *mine)
    if type(expected).__module__ == "torch.return_types":
        assert type(got).__name__ == type(expected).__name__, (type(got), type(expected))
        for name in type(expected).__match_args__:
            check(getattr(got, name), getattr(expected, name), rtol=rtol, atol=atol)
    check(got, expected, rtol=rtol, atol=atol)
    return got


def dtypes(backend, names):
    return names if backend in FULL else names[:1]


def cases(backend, fns):
    i = fns.index(Ellipsis) if Ellipsis in fns else len(fns)
    return [f for f in fns if f is not Ellipsis] if backend in FULL else fns[:i]


def run(backend, fns, *args, **tol):
    with unify.using_backend(backend):
        for fn in cases(backend, fns):
            both(fn, *args, **tol)


def t(data, dtype="float32"):
    return real.tensor(np.asarray(data)).to(getattr(real, dtype))


F2 = [[1.5, -2.0, 3.0, 0.25], [0.5, 4.0, -1.0, 2.0], [7.0, 0.0, -3.5, 1.0]]  # (3, 4)
TIES = [[1.0, 3.0, 3.0, -1.0], [2.0, 2.0, 0.0, 2.0], [0.0, 0.0, 5.0, 5.0]]
I2 = [[3, 1, 2, 7], [0, 5, 1, 1], [4, 4, -2, 6]]
B2 = [[True, False, True, True], [False, False, True, False], [True, True, True, True]]
DTYPES = ["float32", "float64", "int64", "bool"]
TOL = dict(rtol=1e-5, atol=1e-5)


def inputs(dt):
    if dt == "bool":
        return t(B2, dt)
    if dt in ("int64", "int32", "uint8"):
        return t(np.abs(I2) if dt == "uint8" else I2, dt)
    if dt == "complex64":
        return t(np.array(F2) + 0.5j * np.array(F2)[::-1], dt)
    return t(F2, dt)


# ---------------------------------------------------------------- sum / prod / mean


def test_sum_prod(backend):
    for dt in dtypes(backend, ["int64", "float32", "float64", "bool", "uint8", "int32"]):
        run(backend, (
            lambda M, x: M.sum(x),
            lambda M, x: M.sum(x, -1, True),
            lambda M, x: M.sum(x, (0, 1)),
            lambda M, x: M.sum(x, dtype=M.float64),
            lambda M, x: x.sum(1),
            lambda M, x: M.prod(x, 1),
            lambda M, x: M.nansum(x, 1),
            ...,
            lambda M, x: M.sum(x, 0),
            lambda M, x: M.sum(x, [1], keepdim=True),
            lambda M, x: M.prod(x),
            lambda M, x: x.prod(0, True),
            lambda M, x: M.prod(x, 1, dtype=M.float64),
            lambda M, x: M.prod(x, (0, 1)),
            lambda M, x: M.nansum(x)), inputs(dt))


def test_sum_edge_cases(backend):
    run(backend, (
        lambda M, x, x0, e, n: M.sum(x0, 0),
        lambda M, x, x0, e, n: M.sum(e),
        lambda M, x, x0, e, n: M.prod(e, 1),
        lambda M, x, x0, e, n: M.sum(x, 2),
        lambda M, x, x0, e, n: M.sum(x, (0, 0)),
        lambda M, x, x0, e, n: M.mean(e, 1),
        lambda M, x, x0, e, n: M.nansum(n),
        ...,
        lambda M, x, x0, e, n: M.sum(x0, -1, keepdim=True),
        lambda M, x, x0, e, n: M.sum(e, 0),
        lambda M, x, x0, e, n: M.prod(x0),
        lambda M, x, x0, e, n: M.mean(x0, 0),
        lambda M, x, x0, e, n: M.sum(n, 0)), t(F2), t(2.5), t(np.zeros((0, 3))), t([nan, 1.0, 2.0]))
    with unify.using_backend(backend):
        out = ft.zeros(4)
        assert ft.sum(ours(t(F2)), 0, out=out) is out
        check(out, real.sum(t(F2), 0))


def test_mean(backend):
    for dt in dtypes(backend, DTYPES + ["complex64"]):
        run(backend, (
            lambda M, x: M.mean(x),
            lambda M, x: M.mean(x, 1),
            lambda M, x: x.mean((0, 1), True),
            lambda M, x: M.nanmean(x, 0),
            ...,
            lambda M, x: M.mean(x, dtype=M.float64),
            lambda M, x: M.mean(x, 3)), inputs(dt))
    run(backend, (
        lambda M, y: M.nanmean(y, 1),
        lambda M, y: M.mean(y, 1),
        ...,
        lambda M, y: M.nanmean(y)), t([[1.0, nan, 3.0], [nan, nan, nan]]))


def test_std_var(backend):
    for dt in dtypes(backend, ["float32", "float64", "complex64", "int64"]):
        run(backend, (
            lambda M, x: M.var(x),
            lambda M, x: M.std(x, 1),
            lambda M, x: M.var(x, True),
            lambda M, x: M.std(x, dim=(0, 1), correction=0),
            lambda M, x: M.var(x, 0, correction=5),
            lambda M, x: M.std_mean(x, 1),
            lambda M, x: M.var_mean(x, 0, keepdim=True),
            lambda M, x: M.var(x, 1, True, correction=1),
            ...,
            lambda M, x: M.var(x, 0, keepdim=True),
            lambda M, x: M.std(x, 1, False),
            lambda M, x: M.var(x, False),
            lambda M, x: M.var(x, 1, correction=2.5),
            lambda M, x: x.std(0, unbiased=False),
            lambda M, x: M.var(x, 0, correction=3),
            lambda M, x: M.var_mean(x, correction=0)), inputs(dt), **TOL)


# ---------------------------------------------------------------- max / min / arg*


def test_max_min(backend):
    for dt in dtypes(backend, DTYPES):
        run(backend, (
            lambda M, x: M.max(x),
            lambda M, x: M.max(x, 1),
            lambda M, x: x.min(1, True),
            lambda M, x: M.amax(x, (0, 1), True),
            lambda M, x: M.amin(x, 1),
            lambda M, x: M.aminmax(x, dim=1, keepdim=True),
            lambda M, x: M.max(x, x.flip((0,))),
            lambda M, x: M.argmax(x, 1),
            lambda M, x: M.argmin(x, 0, True),
            lambda M, x: M.argmax(x, keepdim=True),
            lambda M, x: M.max(x, 2),
            ...,
            lambda M, x: M.min(x),
            lambda M, x: M.min(x, 0, keepdim=True),
            lambda M, x: x.max(dim=0),
            lambda M, x: M.amax(x),
            lambda M, x: M.aminmax(x),
            lambda M, x: M.min(x, other=x.flip((1,))),
            lambda M, x: M.argmax(x),
            lambda M, x: x.argmin(),
            lambda M, x: M.argmin(x, -3)), t(TIES, dt) if dt.startswith("float") else inputs(dt))


def test_max_min_nan_and_edges(backend):
    x = t([[1.0, nan, 3.0, 3.0], [2.0, 5.0, 5.0, -1.0], [nan, nan, 0.0, 1.0], [4.0, 1.0, nan, 1.0]])
    run(backend, (
        lambda M, x, e, x0: M.max(x, 1),
        lambda M, x, e, x0: M.min(x, 1),
        lambda M, x, e, x0: M.argmin(x, 1),
        lambda M, x, e, x0: M.argmax(x, 1),
        lambda M, x, e, x0: M.min(x),
        lambda M, x, e, x0: M.max(e),
        lambda M, x, e, x0: M.max(e, 0),
        lambda M, x, e, x0: M.amax(e, 0),
        lambda M, x, e, x0: M.argmax(e),
        lambda M, x, e, x0: M.aminmax(e),
        lambda M, x, e, x0: M.max(x0, 0),
        lambda M, x, e, x0: M.argmin(x0, 0),
        lambda M, x, e, x0: M.max(x0, 1),
        lambda M, x, e, x0: M.argmax(x.bool()),
        ...,
        lambda M, x, e, x0: M.amax(x, 0),
        lambda M, x, e, x0: M.max(e, 1),
        lambda M, x, e, x0: M.argmax(e, 1),
        lambda M, x, e, x0: M.amin(x0),
        lambda M, x, e, x0: M.argmax(x0)), x, t(np.zeros((0, 3))), t(-1.5))
    with unify.using_backend(backend):
        mx = ours(x)
        r = ft.max(mx, 1)
        values, indices = r
        check(values, real.max(x, 1).values)
        assert r.indices is indices and r.values is values
        assert repr(r).startswith("torch.return_types.max(")
        import pickle

        check(pickle.loads(pickle.dumps(r)), tuple(real.max(x, 1)))
        vo, io = ft.zeros(1), ft.zeros(1, dtype=ft.int64)
        ft.min(mx, 0, out=(vo, io))
        check((vo, io), tuple(real.min(x, 0)))
    run(backend, (  # out= tensors of functions returning several must have the exact dtype
        lambda M, x: M.max(x, 0, out=(M.zeros(4, dtype=M.float64), M.zeros(4, dtype=M.int64))),
        lambda M, x: M.aminmax(x, out=(M.zeros(()), M.zeros((), dtype=M.float64)))), x)


def test_all_any_count(backend):
    for dt in dtypes(backend, ["bool", "int64", "float32", "uint8"]):
        run(backend, (
            lambda M, x: M.all(x),
            lambda M, x: M.any(x, 0, True),
            lambda M, x: x.all(dim=(0, 1)),
            lambda M, x: M.count_nonzero(x, 1),
            lambda M, x: M.any(x, -3),
            ...,
            lambda M, x: M.any(x),
            lambda M, x: M.all(x, 1),
            lambda M, x: M.count_nonzero(x),
            lambda M, x: M.count_nonzero(x, (0, 1)),
            lambda M, x: M.all(x, ()),
            lambda M, x: M.any(x, [])), inputs(dt))


def test_logsumexp_norm_dist(backend):
    for dt in dtypes(backend, ["float32", "float64", "int64"]):
        x = inputs(dt)
        run(backend, (
            lambda M, x, y: M.logsumexp(x, 1),
            lambda M, x, y: M.norm(x),
            lambda M, x, y: M.norm(x, 1, 1),
            lambda M, x, y: M.norm(x, "nuc"),
            lambda M, x, y: M.dist(x, y),
            ...,
            lambda M, x, y: M.logsumexp(x, (0, 1), True),
            lambda M, x, y: x.logsumexp(0),
            lambda M, x, y: M.norm(x, float("inf")),
            lambda M, x, y: M.norm(x, "fro", (0, 1), True),
            lambda M, x, y: x.norm(p=3, dim=0),
            lambda M, x, y: M.norm(x, 0),
            lambda M, x, y: M.dist(x, y, 1),
            lambda M, x, y: M.dist(x, y, float("inf"))), x, x.flip((0,)), **TOL)


# ---------------------------------------------------------------- median / mode / quantile


def test_median_mode(backend):
    for dt in dtypes(backend, ["float32", "float64", "int64"]):
        run(backend, (
            lambda M, x: M.median(x),
            lambda M, x: M.median(x, 1),
            lambda M, x: M.nanmedian(x, 1),
            lambda M, x: M.median(x, 2),
            ...,
            lambda M, x: M.median(x, 0, True),
            lambda M, x: x.median(dim=-1),
            lambda M, x: M.nanmedian(x),
            lambda M, x: M.median(x[:, 0], 0)), inputs(dt))
        run(backend, (
            lambda M, m: M.mode(m, 1, True),
            lambda M, m: M.mode(m[0, 0], 0),
            lambda M, m: M.mode(m[:0], 0),
            ...,
            lambda M, m: M.mode(m),
            lambda M, m: M.mode(m, 0),
            lambda M, m: m.mode()), t([[1, 2, 2, 3, 3, 0], [5, 5, 4, 4, 4, 5], [3, 1, 1, 3, 2, 9]], dt))


def test_median_nan(backend):
    x = t([[1.0, nan, 2.0, nan], [4.0, 1.0, 3.0, 2.0], [nan, 7.0, nan, nan], [0.5, 9.0, nan, 1.0]])
    run(backend, (
        lambda M, x: M.median(x, 1),
        lambda M, x: M.nanmedian(x, 1),
        lambda M, x: M.median(x),
        lambda M, x: M.median(x[:0]),
        ...,
        lambda M, x: M.nanmedian(x),
        lambda M, x: M.nanmedian(x[1:2], 1, True)), x)
    allnan = t([[nan, nan, nan], [1.0, 2.0, nan]])
    with unify.using_backend(backend):  # torch's index for an all-NaN slice is arbitrary
        check(ft.median(ours(allnan), 1).values, real.median(allnan, 1).values)
        check(ft.nanmedian(ours(allnan), 1).values, real.nanmedian(allnan, 1).values)


def test_quantile(backend):
    for dt in dtypes(backend, ["float32", "float64"]):
        x, q = inputs(dt), t([0.0, 0.25, 0.5, 0.9, 1.0], dt)
        with unify.using_backend(backend):
            for interp in ("linear", "lower", "higher", "midpoint", "nearest"):
                both(lambda M, x, q: M.quantile(x, q, 1, interpolation=interp), x, q)
                if backend in FULL:
                    both(lambda M, x, q: M.quantile(x, 0.4, interpolation=interp), x, q)
                    both(lambda M, x, q: M.nanquantile(x, q, 0, interpolation=interp), x, q)
        run(backend, (
            lambda M, x, q: M.quantile(x, q, 0, True),
            lambda M, x, q: x.quantile(0.3, dim=1, keepdim=True),
            lambda M, x, q: M.nanquantile(x, q, 1),
            lambda M, x, q: M.quantile(x, 1.5),
            lambda M, x, q: M.quantile(x, q.to(M.float64 if x.dtype == M.float32 else M.float32)),
            lambda M, x, q: M.quantile(x.long(), 0.5),
            lambda M, x, q: M.quantile(x[:0], 0.5),
            lambda M, x, q: M.quantile(x, 0.5, interpolation="bad"),
            lambda M, x, q: M.quantile(x, q.reshape(5, 1)),
            ...,
            lambda M, x, q: M.quantile(x, 0.5),
            lambda M, x, q: M.quantile(x, q),
            lambda M, x, q: M.quantile(x, q[2], 1)), x, q)
        run(backend, (
            lambda M, y, q: M.quantile(y, q, 1),
            lambda M, y, q: M.nanquantile(y, q, 1),
            ...,
            lambda M, y, q: M.nanquantile(y, 0.3),
            lambda M, y, q: M.nanquantile(y, q, 1, True, interpolation="nearest")),
            t([[1.0, nan, 2.0, 5.0], [nan, nan, nan, nan], [4.0, 1.0, 3.0, 2.0]], dt), q)


# ---------------------------------------------------------------- scans


def test_cumulative(backend):
    for dt in dtypes(backend, DTYPES):
        x = inputs(dt)
        run(backend, (
            lambda M, x: M.cumsum(x, 0),
            lambda M, x: M.cumsum(x, 1, dtype=M.float64),
            lambda M, x: M.cumprod(x, 1),
            lambda M, x: M.cummax(x, 1),
            lambda M, x: M.cummin(x, 0),
            lambda M, x: M.logcumsumexp(x, 1),
            lambda M, x: M.cumsum(x, 2),
            lambda M, x: M.cumsum(x[0, 0], 0),
            lambda M, x: M.cummin(x[:0], 1),
            ...,
            lambda M, x: M.cumsum(x, -1),
            lambda M, x: x.cumsum(1),
            lambda M, x: M.cumprod(x, 0),
            lambda M, x: x.cummax(0),
            lambda M, x: M.cummax(x[0, 0], 0),
            lambda M, x: M.cumsum(x[:0], 0)), x, **TOL)
        if dt == "float32":
            with unify.using_backend(backend):
                mx = ours(x)
                mx.cumsum_(1)
                check(mx, x.clone().cumsum_(1))
                c = ft.zeros(3, 4)
                assert ft.cumsum(ours(x), 0, out=c) is c
                check(c, real.cumsum(x, 0))


def test_cummax_nan(backend):
    run(backend, (
        lambda M, x: M.cummax(x, 1),
        lambda M, x: M.cummin(x, 1),
        lambda M, x: M.logcumsumexp(x, 1),
        ...,
        lambda M, x: M.cummax(x, 0)), t([[1.0, nan, 3.0, nan], [nan, nan, 1.0, 0.0], [2.0, 5.0, 5.0, -1.0]]))
    # complex: torch's imaginary parts are not wrapped to (-pi, pi]; these stay inside it
    run(backend, (lambda M, z: M.logcumsumexp(z, 1),), t([[1 + 0.2j, 2 - 0.1j, 0.5j], [0.1, -1j, 3 + 0.3j]],
                                                        "complex64"), **TOL)


def test_diff_trace(backend):
    for dt in dtypes(backend, DTYPES):
        run(backend, (
            lambda M, x: M.diff(x),
            lambda M, x: M.diff(x, 2, 0),
            lambda M, x: M.diff(x, prepend=x[:, :1], append=x[:, :2]),
            lambda M, x: M.diff(x[0, 0]),
            lambda M, x: M.trace(x),
            lambda M, x: M.trace(x[0]),
            ...,
            lambda M, x: x.diff(dim=0),
            lambda M, x: M.diff(x, 0),
            lambda M, x: M.diff(x, 1, 2),
            lambda M, x: x.trace()), inputs(dt))


def test_cov_corrcoef(backend):
    for dt in dtypes(backend, ["float32", "float64", "int64"]):
        run(backend, (
            lambda M, x, fw, aw: M.cov(x),
            lambda M, x, fw, aw: M.cov(x[0]),
            lambda M, x, fw, aw: M.cov(x, fweights=fw, aweights=aw, correction=2),
            lambda M, x, fw, aw: M.corrcoef(x),
            lambda M, x, fw, aw: M.corrcoef(x[1]),
            lambda M, x, fw, aw: M.cov(x[None]),
            ...,
            lambda M, x, fw, aw: M.cov(x, correction=0),
            lambda M, x, fw, aw: M.cov(x, fweights=fw),
            lambda M, x, fw, aw: M.cov(x, aweights=aw),
            lambda M, x, fw, aw: x.corrcoef(),
            lambda M, x, fw, aw: M.cov(x, fweights=-fw),
            lambda M, x, fw, aw: M.cov(x, aweights=-aw),
            lambda M, x, fw, aw: M.cov(x[:1]),
            lambda M, x, fw, aw: M.corrcoef(x[1:2])), inputs(dt), t([1, 2, 1, 3], "int64"),
            t([0.5, 1.0, 2.0, 1.0], "float64" if dt == "float64" else "float32"), **TOL)


def test_errors(backend):
    run(backend, (
        lambda M, x: M.sum(x, 5),
        lambda M, x: M.mean(x.long()),
        lambda M, x: M.std(x.long()),
        lambda M, x: M.var(x, 0, True, correction=1),
        lambda M, x: M.nansum(x.to(M.complex64)),
        lambda M, x: M.cumsum(x, 3),
        lambda M, x: M.logcumsumexp(x.long(), 0),
        lambda M, x: M.trace(x[None]),
        lambda M, x: M.trace(x.bool()),
        lambda M, x: M.dist(x.long(), x.long()),
        lambda M, x: M.median(x, 4),
        lambda M, x: M.mode(x, -3),
        lambda M, x: M.amax(x, (1, 1)),
        lambda M, x: M.median(x.bool(), 1),
        lambda M, x: M.nanmedian(x.bool()),
        lambda M, x: M.cov(x.bool()),
        lambda M, x: M.trapezoid(x.bool())), t(F2))
    run(backend, (
        lambda M, z: M.max(z),
        lambda M, z: M.max(z, 0),
        lambda M, z: M.amin(z),
        lambda M, z: M.aminmax(z),
        lambda M, z: M.argmax(z),
        lambda M, z: M.cummax(z, 0),
        lambda M, z: M.median(z),
        lambda M, z: M.median(z, 1),
        lambda M, z: M.mode(z),
        lambda M, z: M.quantile(z, 0.5),
        lambda M, z: M.max(z, z),
        lambda M, z: M.logsumexp(z, 1),
        ...,
        lambda M, z: M.logsumexp(z, (0, 1), True)), inputs("complex64"))


def test_trapezoid(backend):
    for dt in dtypes(backend, ["float32", "float64", "int64"]):
        run(backend, (
            lambda M, y, x: M.trapezoid(y),
            lambda M, y, x: M.trapezoid(y, x),
            lambda M, y, x: M.cumulative_trapezoid(y, dx=0.5, dim=0),
            lambda M, y, x: M.trapz(y, x[None].expand(3, 4), dim=1),
            lambda M, y, x: M.trapezoid(y, x[:2]),
            lambda M, y, x: M.trapezoid(y[:, :1]),
            ...,
            lambda M, y, x: M.trapezoid(y, dx=2.0, dim=0),
            lambda M, y, x: M.trapz(y, dx=3),
            lambda M, y, x: M.cumulative_trapezoid(y, x),
            lambda M, y, x: M.cumulative_trapezoid(y[:, :1])), inputs(dt), t([0.0, 1.0, 3.0, 3.5]), **TOL)
