"""Views and aliasing against real torch on every backend: chains of views read and written
step by step, reshape that copies, clone/contiguous, strides, storage offsets and data_ptr."""
import numpy as np
import torch as real

import unify
import unify.frontends.torch as ft
from tfhelp import check, raises_like

BASE = np.arange(12, dtype=np.float32).reshape(3, 4)


def _pair(arr=BASE):
    return real.tensor(arr), ft.tensor(arr)


# Each view is built from the base or from an earlier view, with the same code on both libraries.
VIEWS = [
    ("t", "base", lambda lib, v: v.t()),
    ("ts", "t", lambda lib, v: v[1:]),
    ("tsu", "ts", lambda lib, v: v.unsqueeze(0)),
    ("tsue", "tsu", lambda lib, v: v.expand(2, 3, 3)),
    ("diag", "ts", lambda lib, v: v.diagonal()),
    ("flat", "base", lambda lib, v: v.view(12)),
    ("nar", "base", lambda lib, v: v.narrow(1, 1, 2)),
    ("narT", "nar", lambda lib, v: v.permute(1, 0)),
    ("sel", "narT", lambda lib, v: v.select(0, 1)),
    ("step", "base", lambda lib, v: v[:, ::2]),
    ("newax", "step", lambda lib, v: v[None, 1:, None]),
    ("rs", "base", lambda lib, v: v.reshape(2, 6)),
    ("rsT", "rs", lambda lib, v: v.transpose(0, 1)),
    ("unf", "flat", lambda lib, v: v.unfold(0, 4, 4)),
    ("split1", "base", lambda lib, v: v.split(2, dim=1)[1]),
    ("chunk0", "t", lambda lib, v: v.chunk(2)[0]),
    ("unb", "base", lambda lib, v: v.unbind(1)[3]),
    ("sq", "tsu", lambda lib, v: v.squeeze(0)),
    ("mv", "base", lambda lib, v: v.movedim(0, 1)),
    ("unfl", "flat", lambda lib, v: v.unflatten(0, (2, 2, 3))),
    ("ravel", "base", lambda lib, v: lib.ravel(v)),
    ("asstr", "base", lambda lib, v: v.as_strided((2, 2), (1, 4), 1)),
    ("tsplit", "base", lambda lib, v: lib.tensor_split(v, 3, dim=1)[2]),
    ("at3", "flat", lambda lib, v: lib.atleast_3d(v)),
    ("eexp", "sel", lambda lib, v: v.expand(2, 3)),
    ("eexp1", "eexp", lambda lib, v: v[1]),
    ("detach", "nar", lambda lib, v: v.detach()),
    ("vas", "base", lambda lib, v: v.view_as(lib.zeros(4, 3))),
]

WRITES = [
    ("ts", lambda lib, v: v.__setitem__((0, slice(None)), 7.0)),
    ("tsu", lambda lib, v: v.add_(1)),
    ("diag", lambda lib, v: v.zero_()),
    ("nar", lambda lib, v: v.copy_(lib.ones(3, 2) * 3)),
    ("sel", lambda lib, v: v.fill_(-2)),
    ("flat", lambda lib, v: v[5:8].mul_(2)),
    ("rsT", lambda lib, v: v.__setitem__(lib.tensor([0, 5]), lib.tensor([[9.0, 8.0]]))),
    ("unf", lambda lib, v: v[1].sub_(100)),
    ("step", lambda lib, v: v.__setitem__((Ellipsis, 1), lib.tensor([-1.0, -2.0, -3.0]))),
    ("newax", lambda lib, v: v.__setitem__(0, 4.5)),
    ("mv", lambda lib, v: v[2].div_(2)),
    ("asstr", lambda lib, v: v.mul_(-1)),
    ("unb", lambda lib, v: v.copy_(lib.tensor([1.0, 2.0, 3.0]))),
    ("eexp1", lambda lib, v: v.fill_(11)),
    ("tsue", lambda lib, v: v[1, 2].fill_(-5)),  # the second copy of an expanded view
    ("detach", lambda lib, v: v.__setitem__(v > 5, 0.5)),
    ("base", lambda lib, v: v.__setitem__((slice(None), 0), lib.tensor([[1.0], [2.0], [3.0]]).squeeze(1))),
    ("unfl", lambda lib, v: v[1, 0].zero_()),
    ("vas", lambda lib, v: v.t().neg_()),
    ("chunk0", lambda lib, v: v.masked_fill_(v > 2, 2.0)),
]


def _build(lib, base):
    views = {"base": base}
    for name, parent, fn in VIEWS:
        views[name] = fn(lib, views[parent])
    return views


def _compare(mine, theirs):
    for name, t in theirs.items():
        check(mine[name], t)


def test_view_chains_read_and_write(backend):
    with unify.using_backend(backend):
        rb, mb = _pair()
        rv, mv = _build(real, rb), _build(ft, mb)
        _compare(mv, rv)
        for name, w in WRITES:
            w(real, rv[name])
            w(ft, mv[name])
            for n, t in rv.items():
                try:
                    check(mv[n], t)
                except AssertionError as e:
                    raise AssertionError(f"after writing through {name!r}, view {n!r} differs: {e}")


def test_view_geometry(backend):
    with unify.using_backend(backend):
        rb, mb = _pair()
        rv, mv = _build(real, rb), _build(ft, mb)
        rptr, mptr = rb.data_ptr(), mb.data_ptr()
        for name, t in rv.items():
            m = mv[name]
            got = (m.stride(), m.storage_offset(), m.is_contiguous(), m.data_ptr() - mptr,
                   m.untyped_storage().data_ptr() == mb.untyped_storage().data_ptr())
            want = (t.stride(), t.storage_offset(), t.is_contiguous(), t.data_ptr() - rptr,
                    t.untyped_storage().data_ptr() == rb.untyped_storage().data_ptr())
            assert got == want, (name, got, want)


def test_complex_views(backend):
    with unify.using_backend(backend):
        arr = (np.arange(6) + 1j * np.arange(6, 12)).astype(np.complex64).reshape(2, 3)
        outs = []
        for lib in (real, ft):
            c = lib.tensor(arr)
            r = lib.view_as_real(c)
            re, im = c.real, c.imag
            back = lib.view_as_complex(r[1])
            geo = [(v.stride(), v.storage_offset()) for v in (r, re, im, back)]
            r[0, 1, 1] = -5.0
            re[1].add_(10)
            im[:, 0] = 0.5
            back.mul_(2)
            outs.append((c.clone(), r.clone(), re.clone(), im.clone(), back.clone(), geo))
        check(outs[1][:5], outs[0][:5])
        assert outs[1][5] == outs[0][5]
        rr, mm = _pair(np.zeros((2, 3), np.float32))
        raises_like(lambda: real.view_as_complex(rr), lambda: ft.view_as_complex(mm))
        raises_like(lambda: real.view_as_complex(rr[:, :2].t()), lambda: ft.view_as_complex(mm[:, :2].t()))
        raises_like(lambda: real.view_as_real(rr), lambda: ft.view_as_real(mm))


def test_reshape_copies_do_not_alias(backend):
    with unify.using_backend(backend):
        outs = []
        for lib in (real, ft):
            x = lib.tensor(BASE)
            a = x.t().reshape(12)      # copy
            b = x[:, ::2].flatten()    # copy
            c = x.reshape(4, 3)        # view
            d = x.t().contiguous()     # copy
            e = x.clone()
            a[0] = 100.0
            b[1] = 200.0
            c[0, 0] = -1.0
            d[0, 1] = 300.0
            e.zero_()
            outs.append((x, a, b, c, d, e))
        check(outs[1], outs[0])


def test_clone_contiguous_semantics(backend):
    with unify.using_backend(backend):
        rb, mb = _pair()
        for f in (lambda v: v.t(), lambda v: v[:, ::2], lambda v: v.expand(2, 3, 4),
                  lambda v: v[1:], lambda v: v.permute(1, 0)[1:]):
            rc, mc = f(rb).clone(), f(mb).clone()
            rf, mf = real.clone(f(rb)), ft.clone(f(mb))
            assert mf.stride() == rf.stride() and mf.is_contiguous() == rf.is_contiguous()
            check(mf, rf)
            rk, mk = f(rb).contiguous(), f(mb).contiguous()
            assert mk.stride() == rk.stride()
            assert (mk is f(mb)) == (rk is f(rb))
            check(mc, rc)
            check(mk, rk)
        assert mb.contiguous() is mb
        raises_like(lambda: real.clone(rb.t()).view(12), lambda: ft.clone(mb.t()).view(12))
        raises_like(lambda: rb.t().view(12), lambda: mb.t().view(12))


def test_expanded_writes_raise(backend):
    with unify.using_backend(backend):
        rb, mb = _pair(np.zeros(3, np.float32))
        re, me = rb.expand(2, 3), mb.expand(2, 3)
        raises_like(lambda: re.add_(1), lambda: me.add_(1))
        raises_like(lambda: re.copy_(real.ones(2, 3)), lambda: me.copy_(ft.ones(2, 3)))
        raises_like(lambda: re.__setitem__((slice(None), 0), 5.0),
                    lambda: me.__setitem__((slice(None), 0), 5.0))
        re[1] = 4.0          # one row of an expand does not overlap itself
        me[1] = 4.0
        check(mb, rb)
        check(me, re)
        # a partial overlap between source and destination raises as in torch
        ra, ma = real.arange(5), ft.arange(5)
        raises_like(lambda: ra.__setitem__(slice(1, None), ra[:-1]),
                    lambda: ma.__setitem__(slice(1, None), ma[:-1]))


def test_view_errors(backend):
    with unify.using_backend(backend):
        rb, mb = _pair()
        cases = [
            lambda lib, x: x.view(5, -1), lambda lib, x: x.view(-1, -1),
            lambda lib, x: x.expand(-1, 3, 4), lambda lib, x: x.expand(3, 3),
            lambda lib, x: x.permute(0, 0), lambda lib, x: x.permute(0),
            lambda lib, x: x.narrow(0, 5, 1), lambda lib, x: x.narrow(0, 0, -1),
            lambda lib, x: x.narrow(0, 2, 2), lambda lib, x: x.select(1, 4),
            lambda lib, x: x.diagonal(0, 1, 1), lambda lib, x: x.unfold(1, 5, 1),
            lambda lib, x: x.unfold(1, 2, 0), lambda lib, x: x.squeeze(2),
            lambda lib, x: x.unsqueeze(3), lambda lib, x: x.t().t()[0].t().unsqueeze(-3),
            lambda lib, x: x.movedim((0, 1), 0), lambda lib, x: x.split([1, 1], 0),
            lambda lib, x: x.chunk(0), lambda lib, x: x.unflatten(1, (3, -1)),
            lambda lib, x: x.flatten(1, 0), lambda lib, x: x.as_strided((2, 2), (1, 20)),
            lambda lib, x: x[0].t(), lambda lib, x: x.transpose(0, 2),
            lambda lib, x: x.unsqueeze(0).expand(2, 3, 4).flatten(0, 1),
            lambda lib, x: x.view(2, 2, 3).transpose(0, 1).reshape(6, 2)[0],
            lambda lib, x: x.chunk(5, 1), lambda lib, x: x.split(0, 0),
        ]
        for c in cases:
            raises_like(lambda: c(real, rb), lambda: c(ft, mb))


def test_view_ops_values(backend):
    with unify.using_backend(backend):
        rb, mb = _pair()
        cases = [
            lambda lib, x: x.unsqueeze(1).squeeze(), lambda lib, x: lib.squeeze(x.view(1, 3, 1, 4), (0, 2)),
            lambda lib, x: x.squeeze(0), lambda lib, x: lib.unsqueeze(x, -1), lambda lib, x: x.flatten(0, 0) is x,
            lambda lib, x: x.view(2, 2, 3).flatten(1), lambda lib, x: lib.flatten(x.t()), lambda lib, x: lib.flatten(x[0, 0]),
            lambda lib, x: x.unflatten(1, (2, -1)), lambda lib, x: lib.movedim(x.view(3, 2, 2), (0, 1), (2, 0)),
            lambda lib, x: x.swapaxes(0, 1), lambda lib, x: x.mT, lambda lib, x: x.T, lambda lib, x: x.view(-1, 6),
            lambda lib, x: x.view(lib.Size([6, 2])), lambda lib, x: x.reshape([4, -1]), lambda lib, x: x.view_as(x.t()),
            lambda lib, x: x.expand_as(lib.zeros(2, 3, 4)), lambda lib, x: x[0].expand(3, -1),
            lambda lib, x: x.diagonal(1), lambda lib, x: x.diagonal(-1, 1, 0), lambda lib, x: x.unbind(),
            lambda lib, x: x.split([1, 3], 1), lambda lib, x: x.chunk(3, 1), lambda lib, x: lib.narrow(x, -1, 2, 2),
            lambda lib, x: x.select(-1, -1), lambda lib, x: lib.tensor(4.0).squeeze(0), lambda lib, x: lib.tensor(4.0).t(),
            lambda lib, x: lib.tensor(4.0).unsqueeze(-1), lambda lib, x: lib.ones(2, 0).chunk(3, 1),
            lambda lib, x: x.as_strided((3, 3), (1, 2)), lambda lib, x: lib.as_strided(x[1], (2,), (1,)),
        ]
        for c in cases:
            raises_like(lambda: c(real, rb), lambda: c(ft, mb))
