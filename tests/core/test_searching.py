"""Searching, sorting and set functions on every backend against the numpy backend,
their gradients, the numpy backend against NumPy itself, and the canonical errors."""
import numpy as np
import pytest
from hypothesis import given, note, strategies as st
from hypothesis.extra import numpy as hnp

import unify
import unify.core as C
from unify.core.dispatch import OPS

from harness import ALL, BOOL, REAL, Spec, arrays, check_grad, check_spec, elements, shapes

# ---------------------------------------------------------------- strategies


def distinct(shape):
    """float64 values at least 0.025 apart (no ties within finite-difference steps)."""
    return hnp.arrays(np.int64, shape, elements=st.integers(-400, 400), unique=True).map(lambda a: np.asarray(a / 40.0))


def _unique_arr(dt, shape):
    return hnp.arrays(dt, shape, elements=elements(dt), unique=True)


def sort_args(dist=False, unique=False):
    def make(dt):
        @st.composite
        def s(draw):
            sh = draw(shapes(min_dims=1, max_dims=2 if unique else 3))
            x = draw(distinct(sh)) if dist else draw(_unique_arr(dt, sh) if unique else arrays(dt, sh))
            kw = {"axis": draw(st.integers(-x.ndim, x.ndim - 1) | st.just(-1)),
                  "descending": draw(st.booleans())}
            if draw(st.booleans()):
                kw["stable"] = True
            return (x,), kw
        return s()
    return make


def topk_args(dist=False):
    def make(dt):
        @st.composite
        def s(draw):
            sh = draw(shapes(min_dims=1, max_dims=2))
            x = draw(distinct(sh)) if dist else draw(_unique_arr(dt, sh))  # torch orders ties arbitrarily
            axis = draw(st.integers(-x.ndim, x.ndim - 1))
            k = draw(st.integers(0, x.shape[axis]))
            return (x, k), {"axis": axis, "largest": draw(st.booleans())}
        return s()
    return make


def searchsorted_args(dt):
    @st.composite
    def s(draw):
        x1 = draw(arrays(dt, draw(shapes(min_dims=1, max_dims=1))))
        kw = {"side": draw(st.sampled_from(["left", "right"]))}
        if draw(st.booleans()):
            kw["sorter"] = np.argsort(x1, kind="stable").astype(np.int64)
        else:
            x1 = np.sort(x1)
        x2 = draw(arrays(dt))
        return (x1, x2), kw
    return s()


def isin_args(dt):
    @st.composite
    def s(draw):
        x = draw(arrays(dt, lo=-5, hi=5))
        t = draw(arrays(dt, lo=-5, hi=5))
        if x.size and t.size and draw(st.booleans()):  # make some hits certain
            t = np.concatenate([t.reshape(-1), x.reshape(-1)[: draw(st.integers(1, x.size))]])
        return (x, t), {"invert": draw(st.booleans())}
    return s()


def bincount_args(weights=None):
    def make(dt):
        @st.composite
        def s(draw):
            x = draw(hnp.arrays(dt, draw(st.integers(0, 8)), elements=st.integers(0, 6)))
            args = (x,)
            w = weights if weights is not None else draw(st.booleans())
            if w:
                args = (x, draw(arrays(np.float64 if weights else draw(st.sampled_from([np.float32, np.float64])),
                                       x.shape)))
            return args, {"minlength": draw(st.integers(0, 9))}
        return s()
    return make


def unary_any(min_dims=0, **kw):
    return lambda dt: arrays(dt, min_dims=min_dims, **kw).map(lambda a: ((a,), {}))


# ---------------------------------------------------------------- specs

SPECS = {
    "sort": Spec(sort_args(), REAL + BOOL, grad=(0,), grad_args=sort_args(dist=True)),
    "argsort": Spec(sort_args(), REAL + BOOL),  # ties included: stable orders must agree exactly
    "topk": Spec(topk_args(), REAL, grad=(0,), grad_args=topk_args(dist=True)),
    "searchsorted": Spec(searchsorted_args, REAL + BOOL),
    "nonzero": Spec(unary_any(min_dims=1), ALL),
    "argwhere": Spec(unary_any(), ALL),
    "flatnonzero": Spec(unary_any(), ALL),
    "unique_all": Spec(unary_any(lo=-4, hi=4), REAL + BOOL),
    "unique_counts": Spec(unary_any(lo=-4, hi=4), REAL + BOOL),
    "unique_inverse": Spec(unary_any(lo=-4, hi=4), REAL + BOOL),
    "unique_values": Spec(unary_any(lo=-4, hi=4), REAL + BOOL),
    "isin": Spec(isin_args, REAL + BOOL),
    "bincount": Spec(bincount_args(), tuple(np.dtype(t) for t in ("int8", "int16", "int32", "int64", "uint8",
                                                                   "uint16", "uint32")),
                     grad=(1,), grad_args=lambda dt: bincount_args(weights=True)(np.dtype(np.int64))),
}


@pytest.mark.parametrize("name", list(SPECS))
def test_op(name, backend):
    check_spec(name, backend, SPECS[name])


@pytest.mark.parametrize("name", [n for n, s in SPECS.items() if s.grad])
def test_grad(name, backend):
    check_grad(name, backend, SPECS[name])


def test_every_op_has_a_spec():
    ours = [n for n, i in OPS.items() if i.family == "searching"]
    assert sorted(set(ours) - set(SPECS)) == []


# ---------------------------------------------------------------- the numpy backend against NumPy


def _np_sort(x, axis=-1, descending=False, stable=True):
    r = np.sort(x, axis=axis, kind="stable")
    return np.flip(r, axis=axis) if descending else r


def _np_argsort(x, axis=-1, descending=False, stable=True):
    if descending:  # stable descending via a key that reverses the order
        key = -x.astype(np.float64) if x.dtype.kind != "b" else ~x
        return np.argsort(key, axis=axis, kind="stable")
    return np.argsort(x, axis=axis, kind="stable")


REFERENCE = {
    "sort": _np_sort,
    "argsort": _np_argsort,
    "searchsorted": lambda x1, x2, side="left", sorter=None: np.searchsorted(x1, x2, side=side, sorter=sorter),
    "nonzero": np.nonzero,
    "argwhere": np.argwhere,
    "flatnonzero": np.flatnonzero,
    "unique_all": np.unique_all,
    "unique_counts": np.unique_counts,
    "unique_inverse": np.unique_inverse,
    "unique_values": np.unique,  # np.unique_values need not sort
    "isin": lambda x, t, invert=False: np.isin(x, t, invert=invert),
    "bincount": lambda x, weights=None, minlength=0: np.bincount(x, weights, minlength).astype(
        np.int64 if weights is None else np.float64),  # NumPy's empty-x result is int64 even with weights
}


@pytest.mark.parametrize("name", list(REFERENCE))
def test_matches_numpy(name):
    spec = SPECS[name]
    strategy = st.sampled_from(spec.dtypes).flatmap(lambda dt: spec.args(dt))

    @given(strategy)
    def prop(case):
        args, kwargs = case
        note(f"args={args!r} kwargs={kwargs!r}")
        want = REFERENCE[name](*args, **kwargs)
        with unify.using_backend("numpy"):
            got = OPS[name].func(*args, **kwargs)
        want = tuple(want) if isinstance(want, tuple) else (want,)
        got = tuple(got) if isinstance(got, tuple) else (got,)
        assert len(got) == len(want)
        for g, w in zip(got, want):
            g, w = np.asarray(g), np.asarray(w)
            assert g.shape == w.shape and g.dtype == w.dtype, (g.shape, w.shape, g.dtype, w.dtype)
            np.testing.assert_array_equal(g, w)

    prop()


def test_topk_matches_torch():
    torch = pytest.importorskip("torch")
    x = np.array([[3.0, 1.0, 4.0, 1.5, 5.0, 9.0], [2.0, 6.0, 5.0, 3.5, 5.5, 0.5]])
    with unify.using_backend("numpy"):
        v, i = C.topk(x, 3, axis=1, largest=False)
    tv, ti = torch.topk(torch.from_numpy(x), 3, dim=1, largest=False)
    np.testing.assert_array_equal(v, tv.numpy())
    np.testing.assert_array_equal(i, ti.numpy())


def test_results_and_edge_cases(backend):
    with unify.using_backend(backend):
        u = C.unique_all(C.asarray(np.array([[3, 1], [1, 2]])))
        assert type(u).__name__ == "UniqueAllResult"
        np.testing.assert_array_equal(C.to_numpy(u.values), [1, 2, 3])
        np.testing.assert_array_equal(C.to_numpy(u.indices), [1, 3, 0])
        np.testing.assert_array_equal(C.to_numpy(u.inverse_indices), [[2, 0], [0, 1]])
        np.testing.assert_array_equal(C.to_numpy(u.counts), [2, 1, 1])
        r = C.topk(C.asarray(np.array([1.0, 5.0, 3.0])), 2)
        assert type(r).__name__ == "TopKResult"
        np.testing.assert_array_equal(C.to_numpy(r.indices), [1, 2])
        big = C.asarray(np.array([2 ** 64 - 1, 0, 2 ** 63, 5], np.uint64))
        np.testing.assert_array_equal(C.to_numpy(C.sort(big)), np.sort(C.to_numpy(big)))
        np.testing.assert_array_equal(C.to_numpy(C.argsort(big, descending=True)), [0, 2, 3, 1])
        for dt in (np.int8, np.int64):
            info = np.iinfo(dt)
            x = C.asarray(np.array([0, info.max, info.min, -1, info.min], dt))
            np.testing.assert_array_equal(C.to_numpy(C.sort(x)), [info.min, info.min, -1, 0, info.max])
            np.testing.assert_array_equal(C.to_numpy(C.argsort(x)), [2, 4, 3, 0, 1])
            np.testing.assert_array_equal(C.to_numpy(C.topk(x, 2, largest=False).indices), [2, 4])
        np.testing.assert_array_equal(C.to_numpy(C.argwhere(C.asarray(np.array(3.0)))).shape, (1, 0))
        assert C.to_numpy(C.searchsorted(C.asarray(np.array([1.0, 2.0, 3.0])), C.asarray(np.array(2.0)))) == 1


def test_errors_searching(backend):
    with unify.using_backend(backend):
        x = C.asarray(np.array([[3.0, 1.0], [2.0, 0.0]]))
        for f in (C.sort, C.argsort):
            with pytest.raises((ValueError, IndexError)):
                f(x, axis=2)
            with pytest.raises((ValueError, IndexError)):
                f(C.asarray(np.array(1.0)))
        with pytest.raises(ValueError):
            C.topk(x, 3)
        with pytest.raises((ValueError, IndexError)):
            C.topk(x, 1, axis=-3)
        with pytest.raises(ValueError):
            C.nonzero(C.asarray(np.array(1.0)))
        with pytest.raises(ValueError):
            C.searchsorted(x, C.asarray(np.array([1.0])))
        with pytest.raises(ValueError):
            C.searchsorted(C.asarray(np.array([1.0])), C.asarray(np.array([1.0])), side="middle")
        with pytest.raises(ValueError):
            C.bincount(C.asarray(np.array([1, -1])))
        with pytest.raises(ValueError):
            C.bincount(C.asarray(np.array([[1]])))
        with pytest.raises(TypeError):
            C.bincount(C.asarray(np.array([1.0])))
        with pytest.raises(ValueError):
            C.bincount(C.asarray(np.array([1, 2])), C.asarray(np.array([1.0])))


def test_under_jax_jit():
    jax = pytest.importorskip("jax")
    x = np.array([[0.5, -1.0, 2.0, 0.0], [1.5, 0.25, -0.75, 3.0]])

    def f(v):
        return C.sum(C.sort(v, axis=0, descending=True) * C.asarray(np.arange(8.0).reshape(2, 4))) \
            + C.sum(C.topk(v, 2, axis=1).values)

    with unify.using_backend("numpy"):
        want_v, want_g = f(x), C.grad(f)(x)
    with unify.using_backend("jax"):
        v = jax.jit(f)(C.asarray(x))
        g = jax.jit(C.grad(f))(C.asarray(x))
        i = jax.jit(lambda v: C.argsort(v, axis=1, descending=True))(C.asarray(x))
        s = jax.jit(lambda a, b: C.searchsorted(a, b, side="right"))(C.asarray(np.sort(x[0])), C.asarray(x))
    np.testing.assert_allclose(np.asarray(v), want_v, rtol=1e-12)
    np.testing.assert_allclose(np.asarray(g), want_g, rtol=1e-12)
    np.testing.assert_array_equal(np.asarray(i), np.argsort(-x, axis=1, kind="stable"))
    np.testing.assert_array_equal(np.asarray(s), np.searchsorted(np.sort(x[0]), x, side="right"))


def test_subnormals_compare_exactly(backend):
    """TensorFlow's CPU kernels compare subnormals as zero; the ops must not."""
    x = np.array([0.0, 5e-324, -1e-310, 2e-310, -0.0, 1.0])
    with unify.using_backend(backend):
        a = C.asarray(x)
        np.testing.assert_array_equal(C.to_numpy(C.argsort(a)), np.argsort(x, kind="stable"))
        np.testing.assert_array_equal(C.to_numpy(C.sort(a)), np.sort(x))
        np.testing.assert_array_equal(C.to_numpy(C.nonzero(a)[0]), np.nonzero(x)[0])
        np.testing.assert_array_equal(C.to_numpy(C.unique_counts(a).counts), [1, 2, 1, 1, 1])
        np.testing.assert_array_equal(C.to_numpy(C.searchsorted(C.sort(a), a)), np.searchsorted(np.sort(x), x))
        y = C.asarray(np.array([5e-324, -1e-310, 2e-310, 1.0, 0.0]))  # no ties (torch orders ties freely)
        np.testing.assert_array_equal(C.to_numpy(C.topk(y, 3, largest=False).indices), [1, 4, 0])
        np.testing.assert_array_equal(C.to_numpy(C.isin(a, C.asarray(np.array([2e-310, 0.0])))),
                                      [True, False, False, True, True, False])
        assert int(C.to_numpy(C.count_nonzero(a))) == 4
        assert int(C.to_numpy(C.argmax(C.asarray(x[:5])))) == 3
        assert bool(C.to_numpy(C.all(C.asarray(x[1:4]))))
        v, i = C.cummax(C.asarray(np.array([0.0, 1e-310, 5e-324, -0.0])), 0)
        np.testing.assert_array_equal(C.to_numpy(i), [0, 1, 1, 1])
        assert C.to_numpy(v)[2] == 1e-310
