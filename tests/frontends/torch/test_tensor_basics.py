"""Tensor basics against real torch on every backend: construction, views and writes."""
import numpy as np
import pytest
import torch as real

import unify
import unify.frontends.torch as ft
from tfhelp import check, ours, pair, raises_like


def test_views_share_writes(backend):
    with unify.using_backend(backend):
        rt, mt = pair(np.arange(12.0).reshape(3, 4), "float32")
        for t in (rt, mt):
            row = t[1]
            row.mul_(10)
            tt = t.t()
            tt[0, 2] = -1
            v = t.view(12)
            v[3] += 100
            d = t.diagonal()
            d.zero_()
            t[:, 1:3].T[0].fill_(7)
        check(mt, rt)


def test_reshape_copy_vs_view(backend):
    with unify.using_backend(backend):
        rt, mt = pair(np.arange(6).reshape(2, 3), "int64")
        outs = []
        for t in (rt, mt):
            a = t.t().reshape(6)  # needs a copy: writes do not reach t
            a[0] = 99
            b = t.reshape(3, 2)  # a view
            b[0, 0] = -5
            outs.append((t.clone(), a, b, t.t().is_contiguous(), t.stride()))
        check(outs[1][:3], outs[0][:3])
        assert outs[1][3:] == outs[0][3:]


def test_errors(backend):
    with unify.using_backend(backend):
        rt, mt = pair(np.zeros((2, 3)), "float32")
        raises_like(lambda: rt + real.zeros(4), lambda: mt + ft.zeros(4) if hasattr(ft, "zeros") else mt + ft.tensor([0.0] * 4))
        raises_like(lambda: rt[5], lambda: mt[5])
        raises_like(lambda: rt.t().view(6), lambda: mt.t().view(6))
        with pytest.raises(AttributeError):
            ft.definitely_not_a_torch_function
        assert not hasattr(ft, "definitely_not_a_torch_function")


@pytest.mark.parametrize("dt", ["int32", "float16", "float32", "bool", "uint8"])
def test_promotion_with_scalars(backend, dt):
    with unify.using_backend(backend):
        rt, mt = pair(np.array([1, 0, 3]), dt)
        for s in (2, 2.5, True):
            check(mt + s, rt + s)
            check(s * mt, s * rt)
        check(mt / 2, rt / 2)
        check(mt.sum(), rt.sum())
