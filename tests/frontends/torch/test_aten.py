"""torch's internal functions (`torch.native_batch_norm`, `torch._chunk_cat`,
`torch.segment_reduce`, ...) and `torch.ops.aten` against real torch on every backend: what the
OpInfo corpus leaves out (in-place running statistics, overload attributes, float64, errors)."""
import numpy as np
import pytest
import torch as real

import unify
import unify.frontends.torch as ft
from tfhelp import check, ours, raises_like


def _rand(*shape, dtype="float32", seed=0):
    v = np.random.default_rng(seed).standard_normal(shape)
    return real.from_numpy(v).to(getattr(real, dtype))


@pytest.mark.parametrize("dtype", ["float32", "float64"])
def test_native_batch_norm_updates_running_stats(backend, dtype):
    x = _rand(4, 3, 5, dtype=dtype)
    w, b = _rand(3, dtype=dtype, seed=1), _rand(3, dtype=dtype, seed=2)
    with unify.using_backend(backend):
        for training in (True, False):
            rm, rv = _rand(3, dtype=dtype, seed=3), _rand(3, dtype=dtype, seed=4).abs()
            orm, orv = ours(rm), ours(rv)
            expect = real.native_batch_norm(x, w, b, rm, rv, training, 0.3, 1e-5)
            got = ft.native_batch_norm(ours(x), ours(w), ours(b), orm, orv, training, 0.3, 1e-5)
            check(got, expect)
            check(orm, rm)
            check(orv, rv)


def test_batch_norm_overloads(backend):
    x = _rand(4, 3, 2)
    rm, rv = real.zeros(3), real.ones(3)
    with unify.using_backend(backend):
        orm, orv = ours(rm), ours(rv)
        expect = real.ops.aten._batch_norm_with_update.default(x, None, None, rm, rv, 0.1, 1e-5)
        got = ft.ops.aten._batch_norm_with_update.default(ours(x), None, None, orm, orv, 0.1, 1e-5)
        check(got, expect)
        check(orv, rv)
        check(ft.ops.aten._native_batch_norm_legit.no_stats(ours(x), None, None, True, 0.1, 1e-5),
              real.ops.aten._native_batch_norm_legit.no_stats(x, None, None, True, 0.1, 1e-5))
        raises_like(lambda: real._native_batch_norm_legit(x, None, None, None, None, True, 0.1,
                                                          1e-5),
                    lambda: ft._native_batch_norm_legit(ours(x), None, None, None, None, True, 0.1,
                                                        1e-5))


def test_native_layer_and_group_norm(backend):
    x = _rand(2, 4, 3, dtype="float64")
    w, b = _rand(3, dtype="float64", seed=1), _rand(4, dtype="float64", seed=2)
    with unify.using_backend(backend):
        check(ft.native_layer_norm(ours(x), [3], ours(w), None, 1e-5),
              real.native_layer_norm(x, [3], w, None, 1e-5))
        check(ft.native_group_norm(ours(x), None, ours(b), 2, 4, 3, 2, 1e-5),
              real.native_group_norm(x, None, b, 2, 4, 3, 2, 1e-5))
        raises_like(lambda: real.native_layer_norm(x, [4], None, None, 1e-5),
                    lambda: ft.native_layer_norm(ours(x), [4], None, None, 1e-5))
        raises_like(lambda: real.native_layer_norm(x.long(), [3], None, None, 1e-5),
                    lambda: ft.native_layer_norm(ours(x.long()), [3], None, None, 1e-5))


@pytest.mark.filterwarnings("ignore:Casting complex values")  # torch warns; we do not
def test_softmax_aliases(backend):
    x = _rand(3, 4)
    c = real.complex(_rand(3, seed=1), _rand(3, seed=2))
    with unify.using_backend(backend):
        check(ft.softmax(ours(x), 1), real.softmax(x, 1))
        check(ours(x).log_softmax(0, ft.float64), x.log_softmax(0, real.float64))
        check(ft.softmax(ours(c), 0, dtype=ft.float64), real.softmax(c, 0, dtype=real.float64))
        raises_like(lambda: real.softmax(x.long(), 0), lambda: ft.softmax(ours(x.long()), 0))
        raises_like(lambda: real.log_softmax(x, 2), lambda: ft.log_softmax(ours(x), 2))
        y = x.clone()
        y[1] = -float("inf")
        check(ft.ops.aten._safe_softmax(ours(y), 1), real.ops.aten._safe_softmax(y, 1))
        out = real.softmax(x, 1)
        check(ft.ops.aten._softmax_backward_data(ours(x), ours(out), 1, ft.float64),
              real.ops.aten._softmax_backward_data(x, out, 1, real.float64))


def test_segment_reduce(backend):
    x = _rand(6, 2)
    lengths = real.tensor([2, 0, 3, 1])
    offsets = real.tensor([0, 2, 2, 5, 6])
    with unify.using_backend(backend):
        for reduce in ("sum", "prod", "max", "min", "mean"):
            for initial in (None, 1.5):
                check(ft.segment_reduce(ours(x), reduce, lengths=ours(lengths), initial=initial),
                      real.segment_reduce(x, reduce, lengths=lengths, initial=initial))
                check(ft._segment_reduce(ours(x), reduce, offsets=ours(offsets), initial=initial),
                      real._segment_reduce(x, reduce, offsets=offsets, initial=initial))
        raises_like(lambda: real.segment_reduce(x, "sum", lengths=real.tensor([2, 2])),
                    lambda: ft.segment_reduce(ours(x), "sum", lengths=ours(real.tensor([2, 2]))))


def test_chunk_cat_and_masked_index(backend):
    a, b = _rand(2, 5), _rand(2, 3, 2, seed=1)
    m = real.tensor([[True, False, True], [False, False, True]])  # column 1 reads 9
    idx = [real.tensor([[0], [1]]), real.tensor([[4, 9, 2]])]
    with unify.using_backend(backend):
        check(ft._chunk_cat([ours(a), ours(b)], 1, 3), real._chunk_cat([a, b], 1, 3))
        raises_like(lambda: real._chunk_cat([a, b.double()], 1, 3),
                    lambda: ft._chunk_cat([ours(a), ours(b.double())], 1, 3))
        raises_like(lambda: real._chunk_cat([a, b], -1, 3),
                    lambda: ft._chunk_cat([ours(a), ours(b)], -1, 3))
        oi = [ours(i) for i in idx]
        check(ft._unsafe_masked_index(ours(a), ours(m), oi, 7.0),
              real._unsafe_masked_index(a, m, idx, 7.0))
        v = _rand(2, 3, seed=2)
        check(ft._unsafe_masked_index_put_accumulate(ours(a), ours(m), oi, ours(v)),
              real._unsafe_masked_index_put_accumulate(a, m, idx, v))


def test_pad_grid_and_pool_backward(backend):
    x = _rand(1, 2, 4, 5)
    g = _rand(1, 3, 2, 2, seed=1).clamp(-1.2, 1.2)
    with unify.using_backend(backend):
        check(ft.constant_pad_nd(ours(x), [1, -2, 0, 1], 2.5),
              real.constant_pad_nd(x, [1, -2, 0, 1], 2.5))
        for mode, pad in ((0, 2), (1, 0), (2, 1)):
            check(ft.grid_sampler_2d(ours(x), ours(g), mode, pad, False),
                  real.grid_sampler_2d(x, g, mode, pad, False), atol=1e-5, rtol=1e-5)
        out, ind = real.nn.functional.max_pool2d_with_indices(x, 2, 1, return_indices=True)
        grad = _rand(*out.shape, seed=2)
        check(ft.ops.aten.max_pool2d_with_indices_backward(ours(grad), ours(x), [2, 2], [1, 1],
                                                           [0, 0], [1, 1], False, ours(ind)),
              real.ops.aten.max_pool2d_with_indices_backward(grad, x, [2, 2], [1, 1], [0, 0],
                                                             [1, 1], False, ind))


def test_ops_aten_namespace(backend):
    x = _rand(3, 4)
    with unify.using_backend(backend):
        t = ours(x)
        s = ft.ops.aten.slice(t, 1, 1, 100, 2)
        check(s, real.ops.aten.slice(x, 1, 1, 100, 2))
        s.zero_()  # a view: the base sees the write
        expect = x.clone()
        real.ops.aten.slice(expect, 1, 1, 100, 2).zero_()
        check(t, expect)
        raises_like(lambda: real.ops.aten.slice(x, 0, 0, 2, 0),
                    lambda: ft.ops.aten.slice(t, 0, 0, 2, 0))
        check(ft.ops.aten.native_dropout_backward.default(ours(x), ours(x > 0), 2.0),
              real.ops.aten.native_dropout_backward.default(x, x > 0, 2.0))
        check(ft.ops.aten._upsample_bilinear2d_aa.vec(ours(_rand(1, 1, 6, 8)), None, False,
                                                      [0.5, 0.7]),
              real.ops.aten._upsample_bilinear2d_aa.vec(_rand(1, 1, 6, 8), None, False,
                                                        [0.5, 0.7]))
    assert "default" in ft.ops.aten._safe_softmax.overloads()
    assert not hasattr(ft.ops.aten._safe_softmax, "no_such_overload")
    assert not hasattr(ft.ops.aten, "no_such_op")
    assert not hasattr(ft.ops, "no_such_namespace")
