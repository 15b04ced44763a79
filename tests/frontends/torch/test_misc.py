"""The torch frontend's assorted functions (frontends/torch/_misc.py) and the Tensor-only
methods beside them (resize_, sum_to_size, fill_, the reflected operators) against real torch,
on every backend. Random ops (cauchy_) and the low-rank SVDs compare shapes and dtypes only.
"""
import warnings

import numpy as np
import pytest
import torch as real

import unify
import unify.frontends.torch as ft
from tfhelp import check, ours, raises_like

nan, inf = float("nan"), float("inf")


def _ours(a):
    if isinstance(a, real.Tensor):
        return ours(a)
    if isinstance(a, (list, tuple)) and any(isinstance(x, real.Tensor) for x in a):
        return type(a)(_ours(x) for x in a)
    return a


def both(fn, *args, rtol=None, atol=None, values=True):
    """fn(real, *args) and fn(ft, *args as frontend tensors): same result or exception type."""
    mine = [_ours(a) for a in args]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            expected = fn(real, *args)
    except Exception as e:  # noqa: BLE001
        with pytest.raises(type(e)):
            fn(ft, *mine)
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        got = fn(ft, *mine)
    if not values:
        _same_layout(got, expected)
        return got
    if type(expected).__module__ == "torch.return_types":
        assert type(got).__name__ == type(expected).__name__, (type(got), type(expected))
        for name in type(expected).__match_args__:
            check(getattr(got, name), getattr(expected, name), rtol=rtol, atol=atol)
    if expected is NotImplemented:
        assert got is NotImplemented, got
    else:
        check(got, expected, rtol=rtol, atol=atol)
    return got


def _same_layout(got, expected):
    if isinstance(expected, real.Tensor):
        assert tuple(got.shape) == tuple(expected.shape), (got.shape, expected.shape)
        assert str(got.dtype) == str(expected.dtype), (got.dtype, expected.dtype)
    else:
        assert len(got) == len(expected)
        for a, b in zip(got, expected):
            _same_layout(a, b)


def run(backend, fns, *args, **kw):
    with unify.using_backend(backend):
        for fn in fns:
            both(fn, *args, **kw)


def t(data, dtype="float32"):
    return real.tensor(np.asarray(data)).to(getattr(real, dtype))


X = t([[1.5, -2.0, 3.0, 0.25], [0.5, 4.0, -1.0, 2.0], [7.0, 0.0, -3.5, 1.0]])  # (3, 4)


def test_reflected_operators(backend):
    run(backend, (
        lambda M, x: 2 - x,
        lambda M, x: 3 / x,
        lambda M, x: 2 ** x,
        lambda M, x: 5 % x,
        lambda M, x: 7 // x.long(),
        lambda M, x: M.Tensor.__rsub__(3, 3),
        lambda M, x: M.Tensor.__rsub__(3, x),
        lambda M, x: M.Tensor.__rpow__(3, 3),
        lambda M, x: M.Tensor.__rpow__(2, x),
        lambda M, x: M.Tensor.__rmod__(3, x),
        lambda M, x: M.Tensor.__rdiv__(3, x),
        lambda M, x: x.__rdiv__(x[0]),
        lambda M, x: x.long().__rdiv__(3),
        lambda M, x: M.rsub(x, 2, 3),
        lambda M, x: M.rsub(x, x[0], alpha=2),
        lambda M, x: M.rsub(3, x),
        lambda M, x: M.rsub(x.long(), 2, alpha=1.5)), X)


def test_fill(backend):
    run(backend, (
        lambda M, x: M.fill(x, 2.5),
        lambda M, x: M.fill(x.long(), 2.7),
        lambda M, x: M.fill(x.to(M.uint8), -1),
        lambda M, x: M.fill(x.bool(), 0.5),
        lambda M, x: M.fill(x, M.tensor(3)),
        lambda M, x: M.fill(x, M.tensor([3.0, 4.0])),
        lambda M, x: x.long().fill_(1 + 2j),
        lambda M, x: M.fill_(x.clone(), 4),
        lambda M, x: x.clone().fill_(M.tensor(True))), X)


def test_resize_and_sum_to_size(backend):
    run(backend, (
        lambda M, x: x.clone().resize_(2, 6),
        lambda M, x: x.clone().resize_(2, 2),
        lambda M, x: x.clone().resize_as_(x[:2, :3]),
        lambda M, x: M.resize_as_(x.clone(), x.T),
        lambda M, x: x.clone().resize_(-1, 2),
        lambda M, x: x.sum_to_size(1, 4),
        lambda M, x: x.sum_to_size(3, 1),
        lambda M, x: x.sum_to_size([4]),
        lambda M, x: x.bool().sum_to_size(1, 1),
        lambda M, x: x[0, 0].bool().sum_to_size(()),
        lambda M, x: x.sum_to_size(2, 4),
        lambda M, x: x.sum_to_size(1, 3, 4)), X)
    with unify.using_backend(backend):
        x = ft.zeros(2, 3)
        assert x.resize_(3, 3) is x and tuple(x.shape) == (3, 3)
        check(x[2], real.zeros(3))  # torch leaves the new elements uninitialised; ours are 0


def test_isin_unravel_index(backend):
    run(backend, (
        lambda M, x: M.isin(x, x[1]),
        lambda M, x: M.isin(x, 3.0, invert=True),
        lambda M, x: M.isin(2, x.long()),
        lambda M, x: M.isin(x.long(), M.tensor([1.5, 2.0, 7.0])),
        lambda M, x: M.isin(x.bool(), x),
        lambda M, x: M.isin(x.to(M.complex64), x),
        lambda M, x: M.unravel_index(M.tensor([[-1, 6], [13, 0]]), (3, 4)),
        lambda M, x: M.unravel_index(M.tensor(7, dtype=M.int32), 5),
        lambda M, x: M.unravel_index(M.tensor(0), ()),
        lambda M, x: M.unravel_index(M.tensor([1]), (0, 3)),
        lambda M, x: M.unravel_index(M.tensor([1]), (-2, 3)),
        lambda M, x: M.unravel_index(x, (2, 3))), X)


def test_gradient_renorm(backend):
    run(backend, (
        lambda M, x: M.gradient(x),
        lambda M, x: M.gradient(x.long(), spacing=2, dim=1, edge_order=2),
        lambda M, x: M.gradient(x, spacing=[M.tensor([0.0, 1.0, 3.0])], dim=0, edge_order=2),
        lambda M, x: M.gradient(x, spacing=[M.tensor([0, 1, 3, 4]), M.tensor([1, 2, 4])],
                                dim=(1, 0)),
        lambda M, x: M.gradient(x.to(M.complex64), spacing=(2.0, 0.5)),
        lambda M, x: M.gradient(x, spacing=[1.0]),
        lambda M, x: M.gradient(x, dim=(1, 1)),
        lambda M, x: M.gradient(x[:2], edge_order=2),
        lambda M, x: M.renorm(x, 2, 0, 3.0),
        lambda M, x: M.renorm(x, float("inf"), 1, 2.0),
        lambda M, x: x.to(M.complex64).renorm(1, -1, 4.0),
        lambda M, x: x.clone().renorm_(3, 0, 1.0),
        lambda M, x: M.renorm(x[0], 2, 0, 1.0),
        lambda M, x: M.renorm(x, 0, 0, 1.0),
        lambda M, x: M.renorm(x.long(), 2, 0, 1.0)), X)


def test_histogramdd(backend):
    pts = t([[0.0, 1.0], [0.5, 2.0], [1.0, 2.0], [0.25, 0.5], [2.0, 9.0]])
    run(backend, (
        lambda M, x: M.histogramdd(x, bins=2),
        lambda M, x: M.histogramdd(x, [2, 3], range=[0.0, 1.0, 0.0, 2.0], density=True),
        lambda M, x: M.histogramdd(x, [M.tensor([0.0, 0.5, 1.0]), M.tensor([0.0, 2.0, 10.0])],
                                   weight=M.tensor([1.0, 2.0, 3.0, 4.0, 5.0])),
        lambda M, x: M.histogramdd(x[:0], bins=2),
        lambda M, x: M.histogramdd(x[:, :1].expand(5, 2).contiguous() * 0 + 1, bins=[2, 1]),
        lambda M, x: M.histogramdd(x, bins=[1, 2, 3]),
        lambda M, x: M.histogramdd(x, bins=2, range=[1.0, 0.0, 0.0, 1.0]),
        lambda M, x: M.histogramdd(x.long(), bins=2)), pts)


def test_stft(backend):
    sig = t(np.sin(np.arange(40) * 0.7) + np.arange(40) * 0.05)
    win = t(np.hanning(6))
    run(backend, (
        lambda M, x, w: M.stft(x, 8, return_complex=True),
        lambda M, x, w: M.stft(x, 8, hop_length=3, window=w, win_length=6, return_complex=True,
                               normalized=True),
        lambda M, x, w: M.stft(x, 8, 3, 6, w, center=False, align_to_window=True,
                               return_complex=True),
        lambda M, x, w: M.stft(x.reshape(2, 20), 8, center=True, pad_mode="constant",
                               onesided=False, return_complex=False),
        lambda M, x, w: M.stft(x.to(M.complex64), 6, window=w.double(), return_complex=True),
        lambda M, x, w: x.stft(6, 2, window=w, pad_mode="replicate", return_complex=True),
        lambda M, x, w: M.stft(x, 8),
        lambda M, x, w: M.stft(x, 8, return_complex=True, pad_mode="nope"),
        lambda M, x, w: M.stft(x, 8, return_complex=True, window=w),
        lambda M, x, w: M.stft(x[:4], 10, return_complex=True),
        lambda M, x, w: M.stft(x.long(), 8, return_complex=True)), sig, win,
        atol=1e-5, rtol=1e-5)


def test_hash_tensor(backend):
    x = t([[1.0, -0.0, inf], [-inf, 3.5e-30, 2.0]])  # (XLA flushes float32 subnormals)
    run(backend, (
        lambda M, x: M.hash_tensor(x),
        lambda M, x: M.hash_tensor(x, 0, keepdim=True),
        lambda M, x: x.hash_tensor((0, -1)),
        lambda M, x: M.hash_tensor(x.double() * 1e-300),
        lambda M, x: M.hash_tensor(x[:, :2].long() - 5, dim=1),
        lambda M, x: M.hash_tensor(M.tensor([[-1, 5], [3, -128]], dtype=M.int8)),
        lambda M, x: M.hash_tensor(x.bool()),
        lambda M, x: M.hash_tensor(x[:0]),
        lambda M, x: M.hash_tensor(x[:0], 0),
        lambda M, x: M.hash_tensor(x[:, :0], 0),
        lambda M, x: M.hash_tensor(x, mode=1),
        lambda M, x: M.hash_tensor(x.to(M.complex64))), x)


def test_split_chunk(backend):
    run(backend, (
        lambda M, x: M.unsafe_split(x, 2, 1),
        lambda M, x: x.unsafe_split(2),
        lambda M, x: M.unsafe_chunk(x, 3, -1),
        lambda M, x: x.unsafe_chunk(2)), X)


def test_geqrf_ormqr(backend):
    a = t(np.random.default_rng(0).standard_normal((2, 4, 3)))
    c = t(np.random.default_rng(1).standard_normal((2, 4, 5)))
    run(backend, (
        lambda M, a, c: M.geqrf(a),
        lambda M, a, c: a[0].T.geqrf(),
        lambda M, a, c: M.geqrf(a.to(M.complex64) * (1 + 0.5j)),
        lambda M, a, c: M.ormqr(*M.geqrf(a), c),
        lambda M, a, c: M.ormqr(*M.geqrf(a), c, transpose=True),
        lambda M, a, c: M.ormqr(*M.geqrf(a), c.mT, left=False),
        lambda M, a, c: M.ormqr(*M.geqrf(a), c.mT, left=False, transpose=True),
        lambda M, a, c: M.ormqr(*M.geqrf(a * (1 - 1j)), (c * 1j), transpose=True),
        lambda M, a, c: M.geqrf(a[0, 0]),
        lambda M, a, c: M.geqrf(a.long()),
        lambda M, a, c: M.ormqr(*M.geqrf(a), c[:, :3]),
        lambda M, a, c: M.ormqr(*M.geqrf(a), c.double())), a, c, atol=1e-5, rtol=1e-4)


def test_random_and_lowrank(backend):
    a = t(np.random.default_rng(2).standard_normal((5, 4)))
    run(backend, (
        lambda M, a: M.svd_lowrank(a),
        lambda M, a: M.svd_lowrank(a, q=2, M=a[:1]),
        lambda M, a: M.pca_lowrank(a.to(M.complex64), q=3, center=False),
        lambda M, a: M.pca_lowrank(a, q=5),
        lambda M, a: a.clone().cauchy_(1.0, 2.0),
        lambda M, a: a.clone().cauchy_(0.0, 0.0)), a, values=False)
    with unify.using_backend(backend):  # the exact truncated SVD reproduces a rank-2 matrix
        b = ours(a[:, :2] @ a[:2, :])
        u, s, v = ft.svd_lowrank(b, q=2)
        check(u @ ft.diag_embed(s) @ v.mT, a[:, :2] @ a[:2, :], atol=1e-4, rtol=1e-4)


def test_tensor_only_methods(backend):
    """type_as, fill_diagonal_ (wrap, n-d), apply_, map_, new, get_device, is_cpu."""
    def run(lib):
        a = lib.zeros(7, 3)
        a.fill_diagonal_(5, wrap=True)
        b = lib.zeros(3, 3, 3)
        b.fill_diagonal_(2)
        c = lib.arange(6.).reshape(2, 3)
        c.apply_(lambda v: v * 2)
        d = lib.ones(2, 3)
        d.map_(lib.tensor([1., 2, 3]), lambda x, y: x + y)
        return (a, b, c, d, a.type_as(lib.ones(1, dtype=lib.int32)), a.new(2, 3).shape,
                a.new([1, 2]), a.get_device(), a.is_cpu)

    with unify.using_backend(backend):
        mine, theirs = run(ft), run(real)
        for m, r in zip(mine, theirs):
            check(m, r)
        raises_like(lambda: real.zeros(2, 3, 3).fill_diagonal_(1),
                    lambda: ft.zeros(2, 3, 3).fill_diagonal_(1))
