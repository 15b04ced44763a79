"""Tensor creation against real torch on every backend: zeros/ones/empty/full, ranges,
linspace/logspace, eye, the *_like family, tril/triu_indices, meshgrid, cartesian_prod,
combinations, asarray/frombuffer/empty_strided; sizes, default dtypes and torch's errors."""
import numpy as np
import pytest
import torch as real

import unify
import unify.frontends.torch as ft
from tfhelp import check, raises_like

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")  # torch.range, out= resizes


def _agree(cases):
    for c in cases:
        raises_like(lambda: c(real), lambda: c(ft))


def _meta(t):
    return tuple(t.shape), str(t.dtype), t.requires_grad


def test_filled(backend):
    with unify.using_backend(backend):
        _agree([
            lambda lib: lib.zeros(2, 3), lambda lib: lib.zeros((2, 3)), lambda lib: lib.zeros([2, 3]),
            lambda lib: lib.zeros(lib.Size([2])), lambda lib: lib.zeros(()),
            lambda lib: lib.zeros(size=(2, 1)), lambda lib: lib.zeros(2, 3, dtype=lib.int32),
            lambda lib: lib.zeros(2, dtype=int), lambda lib: lib.zeros(2, dtype=float),
            lambda lib: lib.ones(3, dtype=lib.bool), lambda lib: lib.ones(2, 2, dtype=lib.complex64),
            lambda lib: lib.ones(0, 3), lambda lib: lib.ones(2, dtype=lib.float16),
            lambda lib: lib.zeros(-1), lambda lib: lib.zeros(2.0), lambda lib: lib.zeros(2, (3,)),
            lambda lib: lib.zeros(2, 3, dtype=lib.int64, requires_grad=True),
            lambda lib: lib.zeros(2, out=lib.ones(3)),
            lambda lib: lib.zeros(2, dtype=lib.float32, out=lib.zeros(2, dtype=lib.int64)),
            lambda lib: lib.full((2,), 1), lambda lib: lib.full((2,), True),
            lambda lib: lib.full((2,), 1.5), lambda lib: lib.full((2,), 1j),
            lambda lib: lib.full([2], lib.tensor(3)), lambda lib: lib.full((), 2.5),
            lambda lib: lib.full((2, 2), 3, dtype=lib.float16), lambda lib: lib.full((2,), 2.5, dtype=lib.int64),
            lambda lib: lib.full((2,), 300, dtype=lib.uint8), lambda lib: lib.full((2,), -1, dtype=lib.uint8),
            lambda lib: lib.full(3, 1.0), lambda lib: lib.full((2,), 7, out=lib.zeros(2)),
            lambda lib: lib.eye(3), lambda lib: lib.eye(3, 2), lambda lib: lib.eye(2, dtype=lib.bool),
            lambda lib: lib.eye(0), lambda lib: lib.eye(-1), lambda lib: lib.eye(2, 3, dtype=lib.int32),
            lambda lib: lib.scalar_tensor(3), lambda lib: lib.scalar_tensor(True),
            lambda lib: lib.scalar_tensor(2.5, dtype=lib.float64),
        ])
        for lib in (real, ft):
            t = lib.ones(2, 3, requires_grad=True)
            e = lib.empty(2, 3, dtype=lib.int16)
            if lib is real:
                want = (_meta(t), _meta(e))
            else:
                assert (_meta(t), _meta(e)) == want


def test_ranges(backend):
    with unify.using_backend(backend):
        _agree([
            lambda lib: lib.arange(5), lambda lib: lib.arange(1, 4), lambda lib: lib.arange(1, 2.5, 0.5),
            lambda lib: lib.arange(0, 1, 0.3), lambda lib: lib.arange(5, dtype=lib.float16),
            lambda lib: lib.arange(10, 0, -3), lambda lib: lib.arange(0, 5, 0), lambda lib: lib.arange(5, 0, 1),
            lambda lib: lib.arange(lib.tensor(3)), lambda lib: lib.arange(lib.tensor(3.0)),
            lambda lib: lib.arange(-1.5, 1, 1.5, dtype=lib.int64), lambda lib: lib.arange(0.1, 0.5, 0.1),
            lambda lib: lib.arange(float("inf")), lambda lib: lib.arange(5, dtype=lib.bool),
            lambda lib: lib.arange(0, 10 ** 10, 10 ** 9), lambda lib: lib.arange(3, out=lib.zeros(2)),
            lambda lib: lib.arange(1, 4, dtype=lib.float64), lambda lib: lib.arange(0),
            lambda lib: lib.range(0, 4), lambda lib: lib.range(0, 4, dtype=lib.int64),
            lambda lib: lib.range(0.5, 2), lambda lib: lib.range(0, 1, 0.25),
            lambda lib: lib.linspace(0, 10, 4, dtype=lib.int64), lambda lib: lib.linspace(0, 1, 5),
            lambda lib: lib.linspace(0, 1, -1), lambda lib: lib.linspace(0, 1, 1),
            lambda lib: lib.linspace(0, 1j, 3), lambda lib: lib.linspace(0, 10, 4, dtype=lib.uint8),
            lambda lib: lib.linspace(-5, 10, 4, dtype=lib.int32), lambda lib: lib.linspace(3, 3, 0),
            lambda lib: lib.linspace(lib.tensor(0.0), lib.tensor(1.0), 3),
            lambda lib: lib.linspace(-1, 1, 7, dtype=lib.float64), lambda lib: lib.linspace(2, -3, 6),
            lambda lib: lib.logspace(0, 2, 3), lambda lib: lib.logspace(0, 2, 3, base=2),
            lambda lib: lib.logspace(0, 2, 3, dtype=lib.int64), lambda lib: lib.logspace(0, 1, 4, base=2, dtype=lib.float64),
            lambda lib: lib.logspace(-1, 1, 5),
        ])


def test_like(backend):
    with unify.using_backend(backend):
        x = np.arange(6, dtype=np.float32).reshape(2, 3)
        rx, mx = real.tensor(x), ft.tensor(x)
        cases = [
            lambda lib, x: lib.zeros_like(x), lambda lib, x: lib.ones_like(x, dtype=lib.int32),
            lambda lib, x: lib.full_like(x, 2), lambda lib, x: lib.full_like(x.int(), 2.7),
            lambda lib, x: lib.full_like(x, 7, dtype=lib.bool), lambda lib, x: lib.full_like(x.byte(), 300),
            lambda lib, x: lib.ones_like(x.t()), lambda lib, x: lib.zeros_like(x, requires_grad=True).requires_grad,
            lambda lib, x: lib.zeros_like(x.long(), requires_grad=True),
        ]
        for c in cases:
            raises_like(lambda: c(real, rx), lambda: c(ft, mx))
        for f in (lambda lib, x: lib.zeros_like(x.t()), lambda lib, x: lib.empty_like(x.t()),
                  lambda lib, x: lib.full_like(x.t()[1:], 1), lambda lib, x: lib.ones_like(x[:, ::2]),
                  lambda lib, x: lib.empty_like(x, dtype=lib.float64),
                  lambda lib, x: lib.zeros_like(x.t(), memory_format=lib.contiguous_format)):
            r, m = f(real, rx), f(ft, mx)
            assert (m.stride(), m.is_contiguous(), _meta(m)) == (r.stride(), r.is_contiguous(), _meta(r))


def test_indices_grids(backend):
    with unify.using_backend(backend):
        a = np.arange(3)
        b = np.array([10, 20])
        ra, rb, ma, mb = real.tensor(a), real.tensor(b), ft.tensor(a), ft.tensor(b)
        _agree([
            lambda lib: lib.tril_indices(3, 4, 1), lambda lib: lib.triu_indices(3, 3, -1),
            lambda lib: lib.tril_indices(3, 4, dtype=lib.int32), lambda lib: lib.triu_indices(4, 2),
            lambda lib: lib.tril_indices(0, 3), lambda lib: lib.triu_indices(3, 3, 5),
            lambda lib: lib.tril_indices(-1, 3), lambda lib: lib.tril_indices(3, 3, dtype=lib.float32),
        ])
        cases = [
            lambda lib, a, b: lib.meshgrid(a, b, indexing="ij"),
            lambda lib, a, b: lib.meshgrid([a, b], indexing="xy"),
            lambda lib, a, b: lib.meshgrid(a, b, a, indexing="xy"),
            lambda lib, a, b: lib.meshgrid(a, indexing="xy"),
            lambda lib, a, b: lib.meshgrid(a, b[0], indexing="ij"),
            lambda lib, a, b: lib.meshgrid(a, b.float(), indexing="ij"),
            lambda lib, a, b: lib.meshgrid(a, b, indexing="yx"),
            lambda lib, a, b: lib.meshgrid(a.reshape(3, 1), b, indexing="ij"),
            lambda lib, a, b: lib.meshgrid(a, b),
            lambda lib, a, b: lib.cartesian_prod(a, b),
            lambda lib, a, b: lib.cartesian_prod(a, b, a),
            lambda lib, a, b: lib.cartesian_prod(a),
            lambda lib, a, b: lib.cartesian_prod(a.float(), b),
            lambda lib, a, b: lib.combinations(a),
            lambda lib, a, b: lib.combinations(lib.arange(4), 3),
            lambda lib, a, b: lib.combinations(a, with_replacement=True),
            lambda lib, a, b: lib.combinations(a, 0),
            lambda lib, a, b: lib.combinations(a, 5),
            lambda lib, a, b: lib.combinations(a.reshape(1, 3)),
        ]
        for c in cases:
            raises_like(lambda: c(real, ra, rb), lambda: c(ft, ma, mb))
        # meshgrid results are views of the inputs (writes raise: they are expanded)
        for lib, x, y in ((real, ra, rb), (ft, ma, mb)):
            g = lib.meshgrid(x, y, indexing="ij")
            got = (g[0].stride(), g[1].stride(), g[0].data_ptr() == x.data_ptr())
            if lib is real:
                want = got
            else:
                assert got == want
        raises_like(lambda: real.meshgrid(ra, rb, indexing="ij")[0].add_(1),
                    lambda: ft.meshgrid(ma, mb, indexing="ij")[0].add_(1))


def test_tensor_from_data(backend):
    with unify.using_backend(backend):
        x = np.arange(6, dtype=np.float32).reshape(2, 3)
        rx, mx = real.tensor(x), ft.tensor(x)
        _agree([
            lambda lib: lib.asarray([1, 2]), lambda lib: lib.asarray(3.0), lambda lib: lib.asarray([True]),
            lambda lib: lib.asarray(np.arange(3.0)), lambda lib: lib.asarray([1, 2], dtype=lib.float64),
            lambda lib: lib.asarray([[1, 2], [3, 4.5]]), lambda lib: lib.asarray(1j),
            lambda lib: lib.frombuffer(bytearray(np.arange(4, dtype=np.int32).tobytes()), dtype=lib.int32),
            lambda lib: lib.frombuffer(bytearray(np.arange(4, dtype=np.float32).tobytes()), dtype=lib.float32,
                                       count=2, offset=4),
            lambda lib: lib.frombuffer(bytearray(5), dtype=lib.int32),
            lambda lib: lib.frombuffer(bytearray(8), dtype=lib.int32, offset=9),
            lambda lib: lib.empty_strided((2, 3), (1, 2)).stride(),
            lambda lib: lib.empty_strided((2, 3), (3, 1)).is_contiguous(),
            lambda lib: lib.empty_strided((2, 3), (1, 2), dtype=lib.float64).dtype,
            lambda lib: lib.tensor([[1, 2], [3]]),
        ])
        cases = [
            lambda lib, x: lib.asarray(x) is x, lambda lib, x: lib.asarray(x, dtype=lib.int64),
            lambda lib, x: lib.asarray(x, copy=True) is x, lambda lib, x: lib.asarray(x, dtype=lib.int64, copy=False),
            lambda lib, x: lib.clone(x.t()), lambda lib, x: lib.asarray(x, requires_grad=True).requires_grad,
        ]
        for c in cases:
            raises_like(lambda: c(real, rx), lambda: c(ft, mx))
        # asarray shares memory with its tensor argument; copy=True does not
        for lib, t in ((real, rx.clone()), (ft, mx.clone())):
            a = lib.asarray(t)
            c = lib.asarray(t, copy=True)
            a[0, 0] = 50.0
            c[0, 1] = 60.0
            if lib is real:
                want = t
            else:
                check(t, want)


def test_repr(backend):
    with unify.using_backend(backend):
        cases = [
            lambda lib: lib.linspace(0, 1, 5), lambda lib: lib.tensor([1e-5, 1e5]), lambda lib: lib.tensor(3.5),
            lambda lib: lib.tensor([1.5, float("nan"), float("inf")]), lambda lib: lib.arange(2000.0),
            lambda lib: lib.tensor([[1 + 2j, 3.5 - 1j], [0, -2j]]), lambda lib: lib.arange(24).reshape(2, 3, 4),
            lambda lib: lib.arange(3000).reshape(3, 1000), lambda lib: lib.zeros(2, 0, 3), lambda lib: lib.zeros(0),
            lambda lib: lib.tensor([-0.5, 1e-3]), lambda lib: lib.tensor([float("nan"), 1.0]),
            lambda lib: lib.tensor(2.0, dtype=lib.float64), lambda lib: lib.tensor([1, 2], dtype=lib.uint8),
            lambda lib: lib.tensor([True, False]), lambda lib: lib.arange(30.0).reshape(1, 30),
            lambda lib: lib.tensor([1.5], dtype=lib.bfloat16), lambda lib: lib.arange(2000.0).reshape(20, 100),
            lambda lib: lib.ones(2, requires_grad=True), lambda lib: lib.arange(10.0) / 3,
            lambda lib: lib.tensor([-1.0, 2.0], dtype=lib.float16), lambda lib: lib.eye(2, dtype=lib.complex128),
        ]
        for c in cases:
            assert repr(c(ft)) == repr(c(real))
