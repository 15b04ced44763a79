"""Sorting, searching and counting of the torch frontend against real torch, every backend.

jax compiles every op per shape and dtype, so on jax and tensorflow the tests run the first
dtype of each list and the cases before the `...` marker (every function is among them);
numpy and torch run everything.
"""
import warnings

import numpy as np
import pytest
import torch as real

import unify
import unify.frontends.torch as ft
from tfhelp import check, ours

nan = float("nan")


def both(fn, *args, rtol=None, atol=None):
    """fn(real, *args) and fn(ft, *args as frontend tensors): same result or exception type."""
    mine = [ours(a) if isinstance(a, real.Tensor) else a for a in args]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            expected = fn(real, *args)
    except Exception as e:  # noqa: BLE001
        with pytest.raises(type(e)):
            fn(ft, *mine)
        return None
    got = fn(ft, *mine)
    if type(expected).__module__ == "torch.return_types":
        assert type(got).__name__ == type(expected).__name__, (type(got), type(expected))
        for name in type(expected).__match_args__:
            check(getattr(got, name), getattr(expected, name), rtol=rtol, atol=atol)
    check(got, expected, rtol=rtol, atol=atol)
    return got


FULL = ("numpy", "torch")


def dtypes(backend, names):
    return names if backend in FULL else names[:1]


def cases(backend, fns):
    i = fns.index(Ellipsis) if Ellipsis in fns else len(fns)
    return [f for f in fns if f is not Ellipsis] if backend in FULL else fns[:i]


def t(data, dtype="float32"):
    return real.tensor(np.asarray(data)).to(getattr(real, dtype))


DISTINCT = [[1.5, -2.0, 3.0, 0.25], [0.5, 4.0, -1.0, 2.0], [7.0, 0.0, -3.5, 1.0]]  # (3, 4)
TIES = [[3, 1, 3, 2], [0, 5, 5, 0], [2, 2, 2, 2]]
BOOL = [[True, False, True, False], [False, False, True, True], [True, True, True, True]]


def inputs(dt):
    if dt == "bool":
        return t(BOOL, dt)
    if dt in ("int64", "int32", "uint8"):
        return t(TIES, dt)
    return t(DISTINCT, dt)


def run(backend, fns, *args, **tol):
    with unify.using_backend(backend):
        for fn in cases(backend, fns):
            both(fn, *args, **tol)


def test_sort_argsort(backend):
    for dt in dtypes(backend, ["float32", "float64", "int64", "bool", "uint8"]):
        run(backend, (
            lambda M, x: M.sort(x, 1, True),
            lambda M, x: M.sort(x, stable=True, dim=0, descending=True),
            lambda M, x: M.argsort(x, stable=True, dim=0, descending=True),
            lambda M, x: M.msort(x),
            lambda M, x: M.sort(x[0, 0]),
            lambda M, x: M.sort(x[:0], 1),
            lambda M, x: M.sort(x, 2),
            ...,
            lambda M, x: M.sort(x),
            lambda M, x: M.sort(x, 0),
            lambda M, x: M.sort(x, descending=True, stable=True),
            lambda M, x: x.sort(dim=0),
            lambda M, x: M.argsort(x, stable=True),
            lambda M, x: x.argsort(descending=True, stable=True),
            lambda M, x: M.argsort(x[0, 0], 0),
            lambda M, x: M.argsort(x, -3)), inputs(dt))


def test_sort_nan_and_out(backend):
    x = t([[1.0, nan, 3.0, -1.0], [nan, 2.0, nan, 0.0]])
    run(backend, (
        lambda M, x: M.sort(x, 1),
        lambda M, x: M.sort(x, 1, descending=True),
        lambda M, x: M.argsort(x, stable=True, dim=1),
        lambda M, x: M.topk(x, 2),
        lambda M, x: M.topk(x, 2, largest=False),
        lambda M, x: M.kthvalue(x, 2),
        lambda M, x: M.sort(x.to(M.complex64)),
        lambda M, x: M.topk(x.to(M.complex64), 1),
        lambda M, x: M.topk(x.bool(), 1),
        lambda M, x: M.kthvalue(x.bool(), 1),
        lambda M, x: M.kthvalue(x.to(M.complex64), 1),
        lambda M, x: M.unique(x.to(M.complex64)),
        lambda M, x: M.unique(x.to(M.complex64), dim=0),
        lambda M, x: M.unique_consecutive(x.to(M.complex64)),
        lambda M, x: M.searchsorted(x[0].bool(), x.bool()),
        lambda M, x: M.histogram(x[:, 3:].long(), 2)), x)
    with unify.using_backend(backend):
        vals, idx = ft.zeros(2, 4), ft.zeros(2, 4, dtype=ft.int64)
        r = ft.sort(ours(x), 1, out=(vals, idx))
        check(r, tuple(real.sort(x, 1)))
        assert r.values is vals and r.indices is idx


def test_topk_kthvalue(backend):
    for dt in dtypes(backend, ["float32", "float64", "int64"]):
        x = t([[3, 1, 4, 2], [0, 5, 7, 6], [9, 8, -2, -1]], dt)  # distinct: torch's tie order is unspecified
        run(backend, (
            lambda M, x: M.topk(x, 2),
            lambda M, x: M.topk(x, 3, largest=False),
            lambda M, x: x.topk(2, dim=0, largest=True),
            lambda M, x: M.topk(x, 0),
            lambda M, x: M.topk(x, 5),
            lambda M, x: M.topk(x[0, 0], 1),
            lambda M, x: M.kthvalue(x, 3, 0),
            lambda M, x: M.kthvalue(x, 2, 1, True),
            lambda M, x: M.kthvalue(x, 5),
            lambda M, x: M.kthvalue(x[0, 0], 1),
            ...,
            lambda M, x: M.topk(x, 1, 0),
            lambda M, x: M.topk(x, 1, 2),
            lambda M, x: M.kthvalue(x, 1),
            lambda M, x: x.kthvalue(4)), x)
        with unify.using_backend(backend):
            got = ft.topk(ours(x), 3, sorted=False)  # any order: compare as sets
            exp = real.topk(x, 3, sorted=False)
            check(ft.sort(got.values, 1).values, real.sort(exp.values, 1).values)
            np.testing.assert_array_equal(np.take_along_axis(x.numpy(), got.indices.numpy(), 1),
                                          got.values.numpy())


def test_unique(backend):
    for dt in dtypes(backend, ["int64", "float32", "bool"]):
        run(backend, (
            lambda M, x: M.unique(x, True, True, True),
            lambda M, x: M.unique(x, dim=0, return_inverse=True, return_counts=True),
            lambda M, x: M.unique(x[0, 0], return_inverse=True),
            lambda M, x: M.unique_consecutive(x, return_inverse=True, return_counts=True),
            lambda M, x: M.unique_consecutive(x, return_counts=True, dim=1),
            lambda M, x: M.unique(x, dim=2),
            ...,
            lambda M, x: M.unique(x),
            lambda M, x: M.unique(x, return_inverse=True),
            lambda M, x: M.unique(x, return_counts=True),
            lambda M, x: x.unique(sorted=False),
            lambda M, x: M.unique(x, dim=1),
            lambda M, x: M.unique(x[:0], return_counts=True),
            lambda M, x: M.unique_consecutive(x),
            lambda M, x: M.unique_consecutive(x.flatten(), return_inverse=True)), inputs(dt))
    run(backend, (
        lambda M, r: M.unique(r, dim=0, return_inverse=True, return_counts=True),
        lambda M, r: M.unique_consecutive(r, dim=0, return_inverse=True, return_counts=True),
        lambda M, r: M.unique(r[:0], dim=0, return_inverse=True, return_counts=True),
        lambda M, r: M.unique(r[:, :0], dim=0),
        lambda M, r: M.unique(r[:, :0], dim=1, return_counts=True)),
        t([[1, 2], [1, 2], [0, 5], [1, 0], [0, 5]], "int64"))


def test_searchsorted_bucketize(backend):
    for dt in dtypes(backend, ["float32", "int64", "float64"]):
        run(backend, (
            lambda M, s, v, b: M.searchsorted(b, v, right=True),
            lambda M, s, v, b: M.searchsorted(s, v),
            lambda M, s, v, b: M.searchsorted(s, v, right=True, out_int32=True),
            lambda M, s, v, b: M.searchsorted(b, 3),
            lambda M, s, v, b: M.searchsorted(b.flip((0,)), v, sorter=M.argsort(b.flip((0,)), stable=True)),
            lambda M, s, v, b: M.searchsorted(b, v, right=True, side="left"),
            lambda M, s, v, b: M.searchsorted(s, v[:1]),
            lambda M, s, v, b: M.bucketize(v, b),
            lambda M, s, v, b: M.bucketize(4, b),
            lambda M, s, v, b: M.bucketize(v, s),
            ...,
            lambda M, s, v, b: M.searchsorted(b, v),
            lambda M, s, v, b: M.searchsorted(b, v, side="right"),
            lambda M, s, v, b: M.searchsorted(b, v.double()),
            lambda M, s, v, b: M.bucketize(v, b, right=True),
            lambda M, s, v, b: M.bucketize(v, b, out_int32=True)),
            t([[1, 3, 5, 7, 9], [2, 2, 4, 4, 6]], dt), t([[3, 6, 9, 0], [2, 4, 7, 1]], dt), t([1, 3, 3, 7], dt))


def test_histc_bincount(backend):
    for dt in dtypes(backend, ["float32", "float64"]):
        run(backend, (
            lambda M, x: M.histc(x, 4, 0, 3),
            lambda M, x: M.histc(x[:7]),
            lambda M, x: M.histc(x[:0], 4),
            lambda M, x: M.histc(x[:7].long(), 4),
            lambda M, x: M.histc(x, 0),
            lambda M, x: M.histc(x, 4, 3, 1),
            ...,
            lambda M, x: M.histc(x, 3, 1, 2),
            lambda M, x: x.histc(bins=5, min=-1, max=7),
            lambda M, x: M.histc(x[:1], 2)), t([0.5, 1.5, 2.0, -1.0, 3.0, 2.9, 7.0, nan], dt))
    for dt in dtypes(backend, ["float32", "float64"]):
        run(backend, (
            lambda M, x, w: M.histogram(x, 4),
            lambda M, x, w: M.histogram(x, 3, range=(0.0, 3.0), weight=w, density=True),
            lambda M, x, w: M.histogram(x, M.tensor([-1.0, 0.0, 2.0, 3.0], dtype=x.dtype)),
            lambda M, x, w: M.histogram(x.long(), 3),
            ...,
            lambda M, x, w: M.histogram(x, 5, weight=w),
            lambda M, x, w: M.histogram(x, M.tensor([0.0, 1.0, 2.0], dtype=x.dtype), density=True),
            lambda M, x, w: M.histogram(x[:1], 2)),
            t([0.5, 1.5, 2.0, -1.0, 3.0, 2.9, 1.0], dt), t([1.0, 2.0, 0.5, 1.0, 1.0, 3.0, 0.25], dt))
    run(backend, (
        lambda M, i, w: M.bincount(i),
        lambda M, i, w: M.bincount(i, w),
        lambda M, i, w: M.bincount(i, i),
        lambda M, i, w: M.bincount(i[:0], minlength=3),
        lambda M, i, w: M.bincount(w),
        lambda M, i, w: M.bincount(i - 2),
        lambda M, i, w: M.bincount(i[None]),
        lambda M, i, w: M.bincount(i, w[:3]),
        lambda M, i, w: M.bincount(i.bool()),
        ...,
        lambda M, i, w: M.bincount(i, w.double(), 8),
        lambda M, i, w: i.bincount(minlength=2),
        lambda M, i, w: M.bincount(i.to(M.uint8))), t([1, 3, 3, 0, 5], "int64"), t([0.5, 1.0, 2.0, 0.25, 1.5]))
