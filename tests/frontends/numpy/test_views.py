"""Views and mutation: writes through any view (slices, .T, reshape, ravel, swapaxes,
squeeze, expand_dims, real/imag, ...) show in the base and every other view, exactly where
NumPy's do, on every backend; copies stay independent; read-only views refuse writes."""
import numpy
import pytest
from hypothesis import given, settings, strategies as st

import unify
import unify.frontends.numpy as fnp
from nphelp import check, ours, raises_like


def _pair(shape=(3, 4), dtype="float64"):
    r = numpy.arange(int(numpy.prod(shape)), dtype=dtype).reshape(shape)
    return r, ours(r)


def _same(pairs):
    for r, m in pairs:
        check(m, r)


def test_slice_views_write_through(backend):
    with unify.using_backend(backend):
        r, m = _pair()
        rv, mv = r[1:, ::2], m[1:, ::2]
        rw, mw = rv[1], mv[1]
        rw[0] = -5
        mw[0] = -5
        _same([(r, m), (rv, mv), (rw, mw)])
        rv[...] = 7
        mv[...] = 7
        _same([(r, m), (rv, mv), (rw, mw)])
        r[2, 2] = 99
        m[2, 2] = 99
        _same([(r, m), (rv, mv), (rw, mw)])
        r[:] = numpy.arange(4)
        m[:] = fnp.arange(4)
        _same([(r, m), (rv, mv), (rw, mw)])
        assert mv.base is m and mw.base is m and m.base is None
        assert fnp.shares_memory(m, mw) and not fnp.shares_memory(m[0], m[1])


def test_negative_steps_and_ellipsis(backend):
    with unify.using_backend(backend):
        r, m = _pair((2, 3, 4))
        rv, mv = r[::-1, :, ::-2], m[::-1, :, ::-2]
        rv[0, ..., 1] += 100
        mv[0, ..., 1] += 100
        _same([(r, m), (rv, mv)])
        check(m[..., 0], r[..., 0])
        check(m[None, 1, ..., None], r[None, 1, ..., None])


def test_transpose_swapaxes_moveaxis_views(backend):
    with unify.using_backend(backend):
        r, m = _pair((2, 3, 4))
        views = [(r.T, m.T), (r.transpose(1, 0, 2), m.transpose(1, 0, 2)),
                 (numpy.swapaxes(r, 0, 2), fnp.swapaxes(m, 0, 2)),
                 (numpy.moveaxis(r, 0, -1), fnp.moveaxis(m, 0, -1)),
                 (numpy.rollaxis(r, 2), fnp.rollaxis(m, 2)),
                 (r.mT, m.mT), (numpy.permute_dims(r, (2, 0, 1)), fnp.permute_dims(m, (2, 0, 1)))]
        for i, (rv, mv) in enumerate(views):
            rv[(0,) * rv.ndim] = -i
            mv[(0,) * mv.ndim] = -i
            rv[1, ...] *= 2
            mv[1, ...] *= 2
            _same([(r, m)] + views)
            assert mv.strides == rv.strides
            assert mv.flags.c_contiguous == rv.flags.c_contiguous
            assert mv.flags.f_contiguous == rv.flags.f_contiguous


def test_reshape_views_only_where_numpy_views(backend):
    with unify.using_backend(backend):
        cases = [
            lambda a: a.reshape(4, 3), lambda a: a.reshape(-1), lambda a: a.ravel(),
            lambda a: a.T.reshape(-1), lambda a: a.T.ravel(), lambda a: a[:, 1:].reshape(-1),
            lambda a: a[:, ::2].reshape(2, 3), lambda a: a[::2].reshape(-1),
            lambda a: a.reshape(3, 2, 2), lambda a: a.T.reshape(2, 2, 3),
            lambda a: a.reshape(2, 6, order="F"), lambda a: a.ravel(order="F"),
            lambda a: a.T.ravel(order="K"), lambda a: a[None].reshape(3, 4),
            lambda a: numpy.squeeze(a[:, :1]) if isinstance(a, numpy.ndarray) else fnp.squeeze(a[:, :1]),
            lambda a: a[:, :1].reshape(3), lambda a: a.flatten(),
        ]
        for f in cases:
            r, m = _pair()
            rv, mv = f(r), f(m)
            check(mv, rv)
            shares = numpy.shares_memory(r, rv)
            assert fnp.shares_memory(m, mv) == shares, f
            rv.reshape(-1)[0] = -1
            mv.reshape(-1)[0] = -1
            _same([(r, m), (rv, mv)])
            assert mv.strides == rv.strides, (f, mv.strides, rv.strides)


def test_shape_attribute_set(backend):
    with unify.using_backend(backend):
        r, m = _pair()
        r.shape = (2, 6)
        m.shape = (2, 6)
        check(m, r)
        rv, mv = r[:, ::2], m[:, ::2]
        raises_like(lambda: setattr(rv, "shape", (6,)), lambda: setattr(mv, "shape", (6,)))
        rv2, mv2 = r[1], m[1]
        rv2.shape = (3, 2)
        mv2.shape = (3, 2)
        rv2[0, 0] = 50
        mv2[0, 0] = 50
        _same([(r, m), (rv2, mv2)])
        if backend in ("jax", "tensorflow"):
            # documented limitation: a base that already has views keeps its shape there
            m[0]
            with pytest.raises(ValueError, match="views"):
                m.shape = (12,)
        else:
            rv, mv = r[1], m[1]
            r.shape = (12,)
            m.shape = (12,)
            r[7] = -7
            m[7] = -7
            _same([(r, m), (rv, mv)])


def test_squeeze_expand_dims_views(backend):
    with unify.using_backend(backend):
        r, m = _pair((1, 3, 1))
        rs, ms = r.squeeze(), m.squeeze()
        re, me = numpy.expand_dims(rs, (0, 2)), fnp.expand_dims(ms, (0, 2))
        re[0, 1, 0] = 42
        me[0, 1, 0] = 42
        _same([(r, m), (rs, ms), (re, me)])
        raises_like(lambda: r.squeeze(1), lambda: m.squeeze(1))
        raises_like(lambda: numpy.expand_dims(r, 5), lambda: fnp.expand_dims(m, 5))


def test_real_imag_views(backend):
    with unify.using_backend(backend):
        r = numpy.array([[1 + 2j, 3 - 1j], [0.5j, 2]], dtype=numpy.complex128)
        m = ours(r)
        rr, mr = r.real, m.real
        ri, mi = r.imag, m.imag
        rr[0, 1] = 10
        mr[0, 1] = 10
        ri[1] += 5
        mi[1] += 5
        _same([(r, m), (rr, mr), (ri, mi)])
        r.imag = 0
        m.imag = 0
        _same([(r, m), (ri, mi)])
        assert mr.strides == rr.strides and mi.strides == ri.strides
        x = numpy.arange(3.0)
        mx = ours(x)
        check(mx.imag, x.imag)
        raises_like(lambda: x.imag.__setitem__(0, 1), lambda: mx.imag.__setitem__(0, 1))


def test_readonly_views(backend):
    with unify.using_backend(backend):
        r, m = _pair()
        rd, md = r.diagonal(), m.diagonal()
        check(md, rd)
        raises_like(lambda: rd.__setitem__(0, 1), lambda: md.__setitem__(0, 1))
        assert md.flags.writeable == rd.flags.writeable
        rb, mb = numpy.broadcast_to(r[0], (2, 3, 4)), fnp.broadcast_to(m[0], (2, 3, 4))
        raises_like(lambda: rb.__setitem__(0, 1), lambda: mb.__setitem__(0, 1))
        with pytest.raises(ValueError, match="read-only"):
            mb += 1
        r[0, 0] = 77
        m[0, 0] = 77
        _same([(rd, md), (rb, mb)])  # read-only views still follow writes to the base
        m.flags.writeable = False
        with pytest.raises(ValueError, match="read-only"):
            m[0, 0] = 1
        with pytest.raises(ValueError, match="read-only"):
            m[1][0] = 1
        m.flags.writeable = True
        m[0, 0] = 1
        r[0, 0] = 1
        rd.flags.writeable = True  # NumPy allows making a diagonal view writeable
        md.flags.writeable = True
        rd[1] = -3
        md[1] = -3
        _same([(r, m), (rd, md)])


def test_out_into_views_and_inplace_methods(backend):
    with unify.using_backend(backend):
        r, m = _pair()
        numpy.add(r[0], 1, out=r[1])
        fnp.add(m[0], 1, out=m[1])
        numpy.multiply(r.T[1], 2, out=r.T[2])
        fnp.multiply(m.T[1], 2, out=m.T[2])
        _same([(r, m)])
        rv, mv = r[1:], m[1:]
        rv.fill(3)
        mv.fill(3)
        r[0].sort()
        m[0].sort()
        rt, mt = r.T, m.T
        rt[::2].sort(axis=0)
        mt[::2].sort(axis=0)
        _same([(r, m), (rv, mv)])
        numpy.copyto(r[:, 0], [9, 8, 7])
        fnp.copyto(m[:, 0], [9, 8, 7])
        numpy.put(r, [0, 5], [-1, -2])
        fnp.put(m, [0, 5], [-1, -2])
        numpy.fill_diagonal(r, 0)
        fnp.fill_diagonal(m, 0)
        _same([(r, m), (rv, mv)])


def test_copies_are_independent(backend):
    with unify.using_backend(backend):
        r, m = _pair()
        for f in (lambda a: a.copy(), lambda a: a[[0, 2]], lambda a: a[a > 3],
                  lambda a: a.flatten(), lambda a: a + 0, lambda a: a.astype("float32"),
                  lambda a: numpy.array(a) if isinstance(a, numpy.ndarray) else fnp.array(a)):
            rc, mc = f(r), f(m)
            rc[...] = -1
            mc[...] = -1
            _same([(r, m), (rc, mc)])
            assert not fnp.shares_memory(m, mc)
            assert mc.base is None


def test_asarray_shares_and_array_copies(backend):
    with unify.using_backend(backend):
        m = fnp.arange(4)
        assert fnp.asarray(m) is m
        c = fnp.array(m)
        c[0] = 10
        assert m[0] == 0
        v = fnp.asarray(m, dtype="int64")
        assert v is m
        if backend == "numpy":
            host = numpy.arange(3.0)
            a = fnp.asarray(host)
            a[0] = 5
            assert host[0] == 5  # zero-copy on the numpy backend
            back = numpy.asarray(a)
            back[1] = 7
            assert a[1] == 7


_VIEW_OPS = [
    ("T", lambda a: a.T),
    ("row", lambda a: a[0] if a.ndim and a.shape[0] else a[...]),
    ("slice", lambda a: a[1:] if a.ndim else a[...]),
    ("rev", lambda a: a[::-1] if a.ndim else a[...]),
    ("step", lambda a: a[..., ::2] if a.ndim else a[...]),
    ("ravel", lambda a: a.ravel()),
    ("reshape", lambda a: a.reshape(a.shape[::-1]) if a.ndim else a.reshape(1)),
    ("newaxis", lambda a: a[:, None] if a.ndim else a[None]),
    ("swap", lambda a: a.swapaxes(0, -1) if a.ndim else a[...]),
    ("squeeze", lambda a: a.squeeze()),
]


@settings(max_examples=12)
@given(data=st.data())
def test_random_view_chains(backend, data):
    """Random chains of view ops on one base, then writes through random members: every
    array of the chain must match NumPy after each write."""
    with unify.using_backend(backend):
        r, m = _pair((2, 3, 4), "int64")
        pool = [(r, m)]
        for _ in range(data.draw(st.integers(1, 5), label="n_views")):
            i = data.draw(st.integers(0, len(pool) - 1), label="from")
            name, f = data.draw(st.sampled_from(_VIEW_OPS), label="op")
            rv, mv = f(pool[i][0]), f(pool[i][1])
            assert numpy.shares_memory(rv, r) == fnp.shares_memory(mv, m), name
            pool.append((rv, mv))
        for k in range(data.draw(st.integers(1, 3), label="n_writes")):
            j = data.draw(st.integers(0, len(pool) - 1), label="target")
            rv, mv = pool[j]
            if rv.size == 0 or not rv.flags.writeable:
                continue
            if data.draw(st.booleans(), label="inplace"):
                rv += k + 1
                mv += k + 1
            else:
                rv.reshape(-1)[0] = 100 + k if rv.flags.c_contiguous else 0
                if mv.flags.c_contiguous:
                    mv.reshape(-1)[0] = 100 + k
                else:
                    mv.reshape(-1)[0] = 0
            _same(pool)
