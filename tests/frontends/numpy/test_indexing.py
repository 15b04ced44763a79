"""Indexing (getitem/setitem with basic, advanced, boolean and mixed keys) and the indexing
functions of the namespace, differential against real NumPy on every backend."""
import numpy
import pytest
from hypothesis import given, settings, strategies as st
from hypothesis.extra import numpy as hnp

import unify
import unify.frontends.numpy as fnp
from nphelp import check, ours, raises_like

SHAPE = (3, 4, 2)
BASE = numpy.arange(24, dtype=numpy.int32).reshape(SHAPE)


def _key_ours(k):
    if isinstance(k, tuple):
        return tuple(_key_ours(x) for x in k)
    if isinstance(k, numpy.ndarray):
        return ours(k)
    return k


@settings(max_examples=12)
@given(key=hnp.basic_indices(SHAPE, min_dims=0, allow_newaxis=True, allow_ellipsis=True))
def test_basic_getitem_setitem(backend, key):
    with unify.using_backend(backend):
        r, m = BASE.copy(), ours(BASE)
        check(m[key], r[key])
        r[key] = -1
        m[key] = -1
        check(m, r)


def _advanced_keys():
    idx = st.lists(st.integers(-3, 2), min_size=1, max_size=3).map(numpy.array)
    mask0 = hnp.arrays(bool, (3,))
    mask01 = hnp.arrays(bool, (3, 4))
    return st.one_of(
        idx, mask0, mask01,
        st.tuples(idx, st.just(slice(None)), idx.map(lambda a: a % 2)),
        st.tuples(st.just(slice(1, None)), st.lists(st.integers(0, 3), min_size=1, max_size=3)),
        st.tuples(idx, st.just(Ellipsis), st.integers(0, 1)),
        st.tuples(st.integers(0, 2), idx.map(lambda a: a % 4), st.just(slice(None))),
        st.tuples(mask0, st.just(1)),
        st.tuples(st.just(None), idx, st.just(slice(None, None, -1))),
    )


@settings(max_examples=12)
@given(key=_advanced_keys())
def test_advanced_getitem_setitem(backend, key):
    with unify.using_backend(backend):
        r, m = BASE.copy(), ours(BASE)
        mk = _key_ours(key)
        raises_like(lambda: r[key], lambda: m[mk])
        try:
            shape = r[key].shape
        except IndexError:
            return
        r[key] = 7
        m[mk] = 7
        check(m, r)
        vals = numpy.arange(int(numpy.prod(shape)), dtype=numpy.int32).reshape(shape) + 100
        r[key] = vals
        m[mk] = ours(vals)
        check(m, r)
        if shape and shape[-1] > 0:
            r[key] = vals[..., :1]  # broadcasting values
            m[mk] = ours(vals[..., :1])
            check(m, r)


def test_index_errors(backend):
    with unify.using_backend(backend):
        r, m = BASE.copy(), ours(BASE)
        for key in [5, (0, 5), (0, 0, 0, 0), (Ellipsis, Ellipsis), 1.5, "a",
                    (slice(None), numpy.array([4])), numpy.array([True, False]),
                    numpy.array([0.5]), [[0, 1], [1, 2], [0, 0], [0, 1]]]:
            raises_like(lambda: r[key], lambda: m[_key_ours(key)])
        raises_like(lambda: r.__setitem__(0, numpy.ones(3)), lambda: m.__setitem__(0, fnp.ones(3)))
        raises_like(lambda: r[0].__setitem__(slice(None), numpy.ones((4, 3))),
                    lambda: m[0].__setitem__(slice(None), fnp.ones((4, 3))))
        r8, m8 = numpy.zeros(3, numpy.int8), fnp.zeros(3, fnp.int8)
        raises_like(lambda: r8.__setitem__(0, 300), lambda: m8.__setitem__(0, 300))
        rf, mf = numpy.zeros(3), fnp.zeros(3)
        raises_like(lambda: numpy.zeros(3, int).__setitem__(0, numpy.nan),
                    lambda: fnp.zeros(3, int).__setitem__(0, fnp.nan))
        r8[1] = 2.7
        m8[1] = 2.7
        rf[0] = True
        mf[0] = True
        check(m8, r8)
        check(mf, rf)


def test_scalar_results_and_item(backend):
    with unify.using_backend(backend):
        r, m = BASE.copy(), ours(BASE)
        check(m[1, 2, 0], r[1, 2, 0])
        check(m[1][2][1], r[1][2][1])
        check(m[(1, 2, 1)], r[(1, 2, 1)])
        check(m[numpy.int64(1), 0, 0], r[numpy.int64(1), 0, 0])
        check(m[1, 2, ...], r[1, 2, ...])
        z = numpy.array(5.0)
        check(ours(z)[()], z[()])
        check(ours(z)[...], z[...])
        check(ours(z)[None], z[None])
        assert m.item(5) == r.item(5) and m.item(1, 2, 1) == r.item(1, 2, 1)
        assert type(m.item(5)) is type(r.item(5))


# ------------------------------------------------------------------ namespace functions

A = numpy.array([[3, -1, 4], [1, 5, -9], [2, 6, 5]], dtype=numpy.float64)


def _cmp(fr, fo):
    raises_like(fr, fo)


def test_take_put_family(backend):
    with unify.using_backend(backend):
        m = ours(A)
        for ind, axis, mode in [([0, 2], None, "raise"), ([[0, 1], [2, 2]], 1, "raise"),
                                ([5, -7], 0, "wrap"), ([5, -7], 1, "clip"), (2, 0, "raise"),
                                ([9], None, "raise"), ([], 0, "raise")]:
            _cmp(lambda: numpy.take(A, ind, axis, mode=mode), lambda: fnp.take(m, ind, axis, mode=mode))
        idx = numpy.argsort(A, axis=1)
        check(fnp.take_along_axis(m, ours(idx), axis=1), numpy.take_along_axis(A, idx, axis=1))
        check(fnp.take_along_axis(m, ours(idx[:1]), axis=0), numpy.take_along_axis(A, idx[:1], axis=0))
        r, mm = A.copy(), ours(A)
        numpy.put_along_axis(r, idx[:, :1], -5, axis=1)
        fnp.put_along_axis(mm, ours(idx[:, :1]), -5, axis=1)
        check(mm, r)
        numpy.put(r, [0, 4, 8], [10, 20])
        fnp.put(mm, [0, 4, 8], [10, 20])
        numpy.put(r, [-1, 20], 7, mode="clip")
        fnp.put(mm, [-1, 20], 7, mode="clip")
        check(mm, r)
        raises_like(lambda: numpy.put(r, [20], 1), lambda: fnp.put(mm, [20], 1))
        numpy.place(r, r > 4, [1, 2])
        fnp.place(mm, mm > 4, [1, 2])
        check(mm, r)
        numpy.putmask(r, r < 0, [7, 8, 9])
        fnp.putmask(mm, mm < 0, [7, 8, 9])
        check(mm, r)


def test_where_nonzero_select(backend):
    with unify.using_backend(backend):
        m = ours(A)
        check(fnp.where(m > 2), numpy.where(A > 2))
        check(fnp.where(m > 2, m, 0), numpy.where(A > 2, A, 0))
        check(fnp.where(m > 2, 1, 2.5), numpy.where(A > 2, 1, 2.5))
        i8 = A.astype(numpy.int8)
        check(fnp.where(ours(i8) > 2, ours(i8), 1), numpy.where(i8 > 2, i8, 1))
        check(fnp.where([True, False], 1, 2), numpy.where([True, False], 1, 2))
        raises_like(lambda: numpy.where(A > 2, A), lambda: fnp.where(m > 2, m))
        check(fnp.nonzero(m), numpy.nonzero(A))
        check(m.nonzero(), A.nonzero())
        raises_like(lambda: numpy.nonzero(numpy.array(1)), lambda: fnp.nonzero(fnp.array(1)))
        check(fnp.argwhere(m > 2), numpy.argwhere(A > 2))
        check(fnp.argwhere(fnp.array(3)), numpy.argwhere(numpy.array(3)))
        check(fnp.flatnonzero(m), numpy.flatnonzero(A))
        conds = [A < 0, A > 4]
        check(fnp.select([ours(c) for c in conds], [m, m * 10], default=-1),
              numpy.select(conds, [A, A * 10], default=-1))
        check(fnp.choose(ours(numpy.array([0, 1, 2, 1])), [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]),
              numpy.choose(numpy.array([0, 1, 2, 1]), [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]))
        check(fnp.choose([0, 3], [[1, 2], [3, 4]], mode="wrap"),
              numpy.choose([0, 3], [[1, 2], [3, 4]], mode="wrap"))
        raises_like(lambda: numpy.choose([0, 3], [[1, 2], [3, 4]]),
                    lambda: fnp.choose([0, 3], [[1, 2], [3, 4]]))
        check(fnp.compress([True, False, True], m, axis=0), numpy.compress([True, False, True], A, axis=0))
        check(fnp.compress([False, True], m, axis=1), numpy.compress([False, True], A, axis=1))
        check(fnp.extract(m > 1, m), numpy.extract(A > 1, A))
        x = numpy.linspace(-2, 2, 5)
        check(fnp.piecewise(ours(x), [ours(x < 0), ours(x >= 0)], [lambda v: -v, lambda v: v * 2]),
              numpy.piecewise(x, [x < 0, x >= 0], [lambda v: -v, lambda v: v * 2]))
        check(fnp.piecewise(ours(x), [ours(x < 0)], [0, 1]), numpy.piecewise(x, [x < 0], [0, 1]))


def test_index_helpers(backend):
    with unify.using_backend(backend):
        check(fnp.diag_indices(3), numpy.diag_indices(3))
        check(fnp.diag_indices_from(ours(A)), numpy.diag_indices_from(A))
        for k in (-1, 0, 2):
            check(fnp.tril_indices(3, k), numpy.tril_indices(3, k))
            check(fnp.triu_indices(3, k, 4), numpy.triu_indices(3, k, 4))
            check(fnp.tril_indices_from(ours(A), k), numpy.tril_indices_from(A, k))
            check(fnp.triu_indices_from(ours(A), k), numpy.triu_indices_from(A, k))
        check(fnp.ravel_multi_index(([0, 1, 2], [1, 2, 0]), (3, 4)),
              numpy.ravel_multi_index(([0, 1, 2], [1, 2, 0]), (3, 4)))
        check(fnp.ravel_multi_index((1, 2), (3, 4), order="F"),
              numpy.ravel_multi_index((1, 2), (3, 4), order="F"))
        raises_like(lambda: numpy.ravel_multi_index(([5], [0]), (3, 4)),
                    lambda: fnp.ravel_multi_index(([5], [0]), (3, 4)))
        check(fnp.ravel_multi_index(([5], [7]), (3, 4), mode="wrap"),
              numpy.ravel_multi_index(([5], [7]), (3, 4), mode="wrap"))
        check(fnp.unravel_index([5, 11], (3, 4)), numpy.unravel_index([5, 11], (3, 4)))
        check(fnp.unravel_index(7, (3, 4), order="F"), numpy.unravel_index(7, (3, 4), order="F"))
        raises_like(lambda: numpy.unravel_index(12, (3, 4)), lambda: fnp.unravel_index(12, (3, 4)))
        ix = fnp.ix_([0, 2], [True, False, True])
        check(ix, numpy.ix_([0, 2], [True, False, True]))
        check(ours(A)[ix], A[numpy.ix_([0, 2], [True, False, True])])
        check(fnp.r_[1:4, 0, [5, 6]], numpy.r_[1:4, 0, [5, 6]])
        check(fnp.r_[0:1:5j], numpy.r_[0:1:5j])
        check(fnp.r_["0,2", [1, 2], [3, 4]], numpy.r_["0,2", [1, 2], [3, 4]])
        check(fnp.r_[ours(A), ours(A)], numpy.r_[A, A])
        check(fnp.c_[[1, 2], [3, 4]], numpy.c_[[1, 2], [3, 4]])
        check(fnp.c_[ours(A), [1, 2, 3]], numpy.c_[A, [1, 2, 3]])
        assert fnp.s_[1:3, ::2] == numpy.s_[1:3, ::2]
        assert fnp.index_exp[1:3] == numpy.index_exp[1:3]
        assert list(fnp.ndindex(2, 3)) == list(numpy.ndindex(2, 3))
        assert [(i, v.item()) for i, v in fnp.ndenumerate(ours(A[:2, :2]))] == \
            [(i, v.item()) for i, v in numpy.ndenumerate(A[:2, :2])]


def test_fill_diagonal(backend):
    with unify.using_backend(backend):
        for shape, wrap in [((3, 3), False), ((5, 3), False), ((5, 3), True), ((3, 3, 3), False)]:
            r = numpy.zeros(shape)
            m = fnp.zeros(shape)
            numpy.fill_diagonal(r, [1, 2], wrap=wrap)
            fnp.fill_diagonal(m, [1, 2], wrap=wrap)
            check(m, r)


def test_shares_memory(backend):
    with unify.using_backend(backend):
        r = numpy.arange(24).reshape(4, 6)
        m = ours(r)
        pairs = [(lambda a: a[0], lambda a: a[1]), (lambda a: a[:, ::2], lambda a: a[:, 1::2]),
                 (lambda a: a[1:3], lambda a: a[2]), (lambda a: a.T, lambda a: a[3]),
                 (lambda a: a, lambda a: a.copy()), (lambda a: a[:, :3], lambda a: a[1:, 2:])]
        for f, g in pairs:
            assert fnp.shares_memory(f(m), g(m)) == numpy.shares_memory(f(r), g(r))
            assert fnp.may_share_memory(f(m), g(m)) == numpy.may_share_memory(f(r), g(r))
        c = ours(numpy.ones(3, numpy.complex128))
        assert fnp.shares_memory(c.real, c) and not fnp.shares_memory(c.real, c.imag)
