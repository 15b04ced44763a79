"""Reductions, scans and statistics on every backend against the numpy backend, their
gradients, the composites against NumPy itself, and the canonical errors."""
import numpy as np
import pytest
from hypothesis import given, note, reject, settings, strategies as st
from hypothesis.extra import numpy as hnp

import unify
import unify.core as C
from unify.core.dispatch import OPS

from harness import (ALL, BOOL, COMPLEX, FLOATS, INTS, NUMERIC, REAL, Spec, arrays, check_grad,
                     check_spec, elements, shapes, tolerance)

# ---------------------------------------------------------------- strategies


def _neg(draw, a, n):
    return a - n if draw(st.booleans()) else a


@st.composite
def axis_arg(draw, nd, tuples=True, none=True, min_tuple=0):
    """None, an int or a tuple of distinct ints (some spelled negatively)."""
    kinds = (["none"] if none else []) + (["int"] if nd else []) + (["tuple"] if tuples and nd >= min_tuple else [])
    kind = draw(st.sampled_from(kinds))
    if kind == "none":
        return None
    if kind == "int":
        return draw(st.integers(-nd, nd - 1))
    if nd == 0:
        return ()
    axes = draw(st.lists(st.integers(0, nd - 1), min_size=min_tuple, max_size=nd, unique=True))
    return tuple(_neg(draw, a, nd) for a in axes)


def distinct(shape):
    """float64 values at least 0.025 apart (no ties or kinks within finite-difference steps)."""
    return hnp.arrays(np.int64, shape, elements=st.integers(-400, 400), unique=True).map(lambda a: np.asarray(a / 40.0))


def _x(draw, dt, dist, lo=None, hi=None, snap=False, **shape_kw):
    s = draw(shapes(**shape_kw))
    x = draw(distinct(s)) if dist else draw(arrays(dt, s, lo=lo, hi=hi))
    if snap:  # tiny values (subnormals) to exact zeros: products divide by x
        x = np.where(np.abs(x) < 1e-3, 0, x).astype(x.dtype)
    return x


def reduce_args(lo=None, hi=None, tuples=True, none=True, keepdims=True, extra=None, dist=False,
                min_tuple=0, snap=False, **shape_kw):
    """(x,), {axis, keepdims, **extra(draw, dt)} for a reduction."""
    def make(dt):
        @st.composite
        def s(draw):
            x = _x(draw, dt, dist, lo, hi, snap, **shape_kw)
            kw = {"axis": draw(axis_arg(x.ndim, tuples, none, min_tuple))}
            if keepdims:
                kw["keepdims"] = draw(st.booleans())
            if extra is not None:
                kw.update(extra(draw, dt))
            return (x,), kw
        return s()
    return make


def scan_args(lo=None, hi=None, extra=None, dist=False, positional_axis=False, snap=False):
    """A scan along one axis (None allowed for 1-d input)."""
    def make(dt):
        @st.composite
        def s(draw):
            x = _x(draw, dt, dist, lo, hi, snap, min_dims=1)
            axis = draw(st.integers(-x.ndim, x.ndim - 1))
            if x.ndim == 1 and not positional_axis and draw(st.booleans()):
                axis = None
            if positional_axis:
                return (x, axis), {}
            kw = {"axis": axis}
            if extra is not None:
                kw.update(extra(draw, dt))
            return (x,), kw
        return s()
    return make


def _acc_dtype(draw, dt):
    wide = {"b": C.int64, "i": C.int64, "u": C.uint64, "f": C.float64, "c": C.complex128}[dt.kind]
    return {"dtype": draw(st.sampled_from([None, wide]))}


def _scan_extra(draw, dt):
    return {**_acc_dtype(draw, dt), "include_initial": draw(st.booleans())}


def _correction(draw, dt):
    return {"correction": draw(st.sampled_from([0, 1, 0.5]))}


def _with_nans(make):
    """Float arrays with some entries set to NaN."""
    def made(dt):
        @st.composite
        def s(draw):
            (x,), kw = draw(make(dt))
            x = np.array(x)
            if x.size:
                mask = draw(hnp.arrays(np.bool_, x.shape))
                x[mask] = np.nan
            return (x,), kw
        return s()
    return made


@st.composite
def _diff_case(draw, dt, dist=False):
    x = _x(draw, dt, dist, min_dims=1)
    nd = x.ndim
    kw = {"axis": draw(st.integers(-nd, nd - 1)), "n": draw(st.integers(0, 3))}
    ax = kw["axis"] % nd
    for side in ("prepend", "append"):
        kind = draw(st.sampled_from(["none", "none", "scalar", "array"]))
        if kind == "scalar":
            kw[side] = draw(elements(dt)) if dt.kind != "c" else complex(draw(elements(dt)))
            if dt.kind in "iu":
                kw[side] = int(kw[side])
            elif dt.kind == "b":
                kw[side] = bool(kw[side])
            elif dt.kind == "f":
                kw[side] = float(kw[side])
        elif kind == "array":
            es = list(x.shape)
            es[ax] = draw(st.integers(0, 2))
            kw[side] = draw(arrays(dt, tuple(es)))
    return (x,), kw


def diff_args(dist=False):
    return lambda dt: _diff_case(dt, dist)


@st.composite
def _quantile_case(draw, dt, dist=False):
    x = _x(draw, dt, dist, min_side=1)
    axis = draw(axis_arg(x.ndim, True, True, 1))
    if draw(st.booleans()):
        q = draw(st.sampled_from([0.0, 0.25, 0.5, 0.75, 1.0]) | st.floats(0, 1))
    else:
        qdt = dt if dt.kind == "f" else np.dtype(np.float64)
        q = draw(hnp.arrays(qdt, draw(st.integers(0, 3)), elements=st.sampled_from([0.0, 0.1, 0.25, 0.5, 0.75, 1.0])
                            | st.floats(0, 1, width=32)))
    method = draw(st.sampled_from(["linear", "lower", "higher", "nearest", "midpoint"]))
    return (x, q), {"axis": axis, "keepdims": draw(st.booleans()), "method": method}


def quantile_args(dist=False):
    return lambda dt: _quantile_case(dt, dist)


@st.composite
def _average_case(draw, dt, dist=False):
    x = _x(draw, dt, dist)
    kind = draw(st.sampled_from(["none", "same", "along"] if x.ndim else ["none", "same"]))
    kw = {"keepdims": draw(st.booleans())}
    if kind == "none":
        kw["axis"] = draw(axis_arg(x.ndim))
    elif kind == "same":
        kw["axis"] = draw(axis_arg(x.ndim))
        kw["weights"] = draw(arrays(dt, x.shape, lo=0.5, hi=3.0))
    else:
        kw["axis"] = draw(st.integers(-x.ndim, x.ndim - 1))
        kw["weights"] = draw(arrays(dt, (x.shape[kw["axis"]],), lo=0.5, hi=3.0))
    return (x,), kw


def average_args(dist=False):
    return lambda dt: _average_case(dt, dist)


def close32(r, o):
    """Reduction tolerance: float32 sums/means of up to 64 terms get rtol/atol 1e-4."""
    if r.dtype.kind in "biu":
        np.testing.assert_array_equal(o, r)
        return
    rtol, atol = tolerance(r.dtype)
    if r.dtype.name in ("float32", "complex64"):
        rtol, atol = 1e-4, 1e-4
    scale = float(np.max(np.abs(r))) if r.size and np.all(np.isfinite(r)) else 1.0
    np.testing.assert_allclose(o, r, rtol=rtol, atol=atol * max(1.0, scale), equal_nan=True)


# ---------------------------------------------------------------- specs

D = dict(dist=True)
R = reduce_args
SPECS = {
    "sum": Spec(R(extra=_acc_dtype), ALL, grad=(0,), compare=close32),
    "prod": Spec(R(lo=-3, hi=3, extra=_acc_dtype), ALL, grad=(0,), compare=close32,
                 grad_args=R(lo=-3, hi=3, extra=_acc_dtype, snap=True)),
    "mean": Spec(R(), ALL, grad=(0,), compare=close32),
    "max": Spec(R(), REAL + BOOL, grad=(0,), grad_args=R(**D)),
    "min": Spec(R(), REAL + BOOL, grad=(0,), grad_args=R(**D)),
    "all": Spec(R(), ALL),
    "any": Spec(R(), ALL),
    "count_nonzero": Spec(R(), ALL),
    "argmax": Spec(R(tuples=False), REAL + BOOL),
    "argmin": Spec(R(tuples=False), REAL + BOOL),
    "cumulative_sum": Spec(scan_args(extra=_scan_extra), ALL, grad=(0,), compare=close32),
    "cumulative_prod": Spec(scan_args(lo=-3, hi=3, extra=_scan_extra), ALL, grad=(0,), compare=close32,
                            grad_args=scan_args(lo=-3, hi=3, extra=_scan_extra, snap=True)),
    "cummax": Spec(scan_args(positional_axis=True), REAL + BOOL, grad=(0,),
                   grad_args=scan_args(positional_axis=True, **D)),
    "cummin": Spec(scan_args(positional_axis=True), REAL + BOOL, grad=(0,),
                   grad_args=scan_args(positional_axis=True, **D)),
    "logcumsumexp": Spec(scan_args(positional_axis=True), FLOATS, grad=(0,), compare=close32),
    "logsumexp": Spec(R(), REAL, grad=(0,), compare=close32),
    "var": Spec(R(extra=_correction), FLOATS + COMPLEX + INTS, grad=(0,), compare=close32,
                grad_args=R(extra=_correction, min_dims=1, min_side=2, min_tuple=1, **D)),
    "std": Spec(R(extra=_correction), FLOATS + COMPLEX + INTS, grad=(0,), compare=close32,
                grad_args=R(extra=_correction, min_dims=1, min_side=2, min_tuple=1, **D)),
    "diff": Spec(diff_args(), REAL + BOOL + COMPLEX, grad=(0,)),
    "median": Spec(R(), FLOATS + INTS, grad=(0,), grad_args=R(**D), compare=close32),
    "quantile": Spec(quantile_args(), FLOATS + INTS, grad=(0,), grad_args=quantile_args(True), compare=close32),
    "nansum": Spec(_with_nans(R(extra=_acc_dtype)), FLOATS + COMPLEX, grad=(0,), grad_args=R(extra=_acc_dtype),
                   compare=close32),
    "nanprod": Spec(_with_nans(R(lo=-3, hi=3)), FLOATS, grad=(0,), grad_args=R(lo=-3, hi=3, snap=True), compare=close32),
    "nanmean": Spec(_with_nans(R()), FLOATS + COMPLEX, grad=(0,), grad_args=R(), compare=close32),
    "nanmax": Spec(_with_nans(R()), FLOATS, grad=(0,), grad_args=R(**D)),
    "nanmin": Spec(_with_nans(R()), FLOATS, grad=(0,), grad_args=R(**D)),
    "nanvar": Spec(_with_nans(R(extra=_correction)), FLOATS + COMPLEX, grad=(0,), compare=close32,
                   grad_args=R(extra=_correction, min_dims=1, min_side=2, min_tuple=1, **D)),
    "nanstd": Spec(_with_nans(R(extra=_correction)), FLOATS, grad=(0,), compare=close32,
                   grad_args=R(extra=_correction, min_dims=1, min_side=2, min_tuple=1, **D)),
    "ptp": Spec(R(), REAL, grad=(0,), grad_args=R(**D)),
    "average": Spec(average_args(), FLOATS, grad=(0,), compare=close32),
}


@pytest.mark.parametrize("name", list(SPECS))
def test_op(name, backend):
    check_spec(name, backend, SPECS[name])


@pytest.mark.parametrize("name", [n for n, s in SPECS.items() if s.grad])
def test_grad(name, backend):
    check_grad(name, backend, SPECS[name])


def test_every_op_has_a_spec():
    ours = [n for n, i in OPS.items() if i.family == "reduction"]
    assert sorted(set(ours) - set(SPECS)) == []


# ---------------------------------------------------------------- the numpy backend against NumPy


def _np_axis(kw):
    return kw.get("axis")


REFERENCE = {
    "sum": lambda x, axis=None, dtype=None, keepdims=False: np.sum(
        x, axis=axis, dtype=None if dtype is None else np.dtype(dtype.name), keepdims=keepdims),
    "count_nonzero": lambda x, axis=None, keepdims=False: np.asarray(np.count_nonzero(x, axis=axis, keepdims=keepdims)),
    "var": lambda x, axis=None, correction=0.0, keepdims=False: np.var(x, axis=axis, ddof=correction, keepdims=keepdims),
    "std": lambda x, axis=None, correction=0.0, keepdims=False: np.std(x, axis=axis, ddof=correction, keepdims=keepdims),
    "diff": lambda x, axis=-1, n=1, prepend=None, append=None: np.diff(
        x, n=n, axis=axis, **({} if prepend is None else {"prepend": np.asarray(prepend, x.dtype)}),
        **({} if append is None else {"append": np.asarray(append, x.dtype)})),  # scalars are weak
    "median": lambda x, axis=None, keepdims=False: np.median(x, axis=axis, keepdims=keepdims),
    "quantile": lambda x, q, axis=None, keepdims=False, method="linear": np.quantile(
        x, q, axis=axis, keepdims=keepdims, method=method),
    "nansum": lambda x, axis=None, dtype=None, keepdims=False: np.nansum(
        x, axis=axis, dtype=None if dtype is None else np.dtype(dtype.name), keepdims=keepdims),
    "nanprod": lambda x, axis=None, keepdims=False: np.nanprod(x, axis=axis, keepdims=keepdims),
    "nanmean": lambda x, axis=None, keepdims=False: np.nanmean(x, axis=axis, keepdims=keepdims),
    "nanmax": lambda x, axis=None, keepdims=False: np.nanmax(x, axis=axis, keepdims=keepdims),
    "nanmin": lambda x, axis=None, keepdims=False: np.nanmin(x, axis=axis, keepdims=keepdims),
    "nanvar": lambda x, axis=None, correction=0.0, keepdims=False: np.nanvar(
        x, axis=axis, ddof=correction, keepdims=keepdims),
    "nanstd": lambda x, axis=None, correction=0.0, keepdims=False: np.nanstd(
        x, axis=axis, ddof=correction, keepdims=keepdims),
    "ptp": lambda x, axis=None, keepdims=False: np.ptp(x, axis=axis, keepdims=keepdims),
    "average": lambda x, axis=None, weights=None, keepdims=False: np.average(
        x, axis=axis, weights=weights, keepdims=keepdims),
    "logsumexp": lambda x, axis=None, keepdims=False: np.log(np.sum(np.exp(x.astype(np.float64)), axis=axis,
                                                                    keepdims=keepdims)),
}


@pytest.mark.filterwarnings("ignore::RuntimeWarning")
@pytest.mark.parametrize("name", list(REFERENCE))
def test_matches_numpy(name):
    """The numpy backend (composites included) agrees with NumPy's own function."""
    spec = SPECS[name]
    strategy = st.sampled_from(spec.dtypes).flatmap(lambda dt: spec.args(dt))

    @given(strategy)
    def prop(case):
        args, kwargs = case
        note(f"args={args!r} kwargs={kwargs!r}")
        try:
            want = np.asarray(REFERENCE[name](*args, **kwargs))
        except (ValueError, TypeError, IndexError, ZeroDivisionError):
            reject()
        with unify.using_backend("numpy"):
            got = OPS[name].func(*args, **kwargs)
        got = np.asarray(got)
        if name == "quantile" and not np.isscalar(args[1]) and args[0].dtype.kind == "f":
            want = want.astype(args[0].dtype)  # our result keeps x's dtype; NumPy promotes with q
        if name == "logsumexp":
            want = want.astype(got.dtype)
        assert got.shape == want.shape
        assert got.dtype == want.dtype, (got.dtype, want.dtype)
        if want.dtype.kind in "biu":
            np.testing.assert_array_equal(got, want)
        else:
            rtol = 1e-4 if want.dtype in (np.float32, np.complex64) else 1e-9
            np.testing.assert_allclose(got, want, rtol=rtol, atol=rtol * max(1.0, float(np.nanmax(np.abs(want)))
                                                                         if want.size and not np.all(np.isnan(want)) else 1.0),
                                       equal_nan=True)

    prop()


def test_dtypes_like_numpy(backend):
    """Accumulator and result dtypes follow NumPy on every backend."""
    cases = [("sum", "int8", "int64"), ("sum", "uint8", "uint64"), ("sum", "bool", "int64"),
             ("sum", "uint32", "uint64"), ("sum", "float32", "float32"), ("prod", "int16", "int64"),
             ("prod", "uint16", "uint64"), ("mean", "int32", "float64"), ("mean", "float32", "float32"),
             ("cumulative_sum", "uint8", "uint64"), ("cumulative_sum", "bool", "int64"),
             ("var", "int8", "float64"), ("var", "complex64", "float32"), ("median", "int32", "float64"),
             ("argmax", "float32", "int64"), ("count_nonzero", "float64", "int64")]
    with unify.using_backend(backend):
        for name, src, want in cases:
            x = C.asarray(np.arange(1, 7).reshape(2, 3).astype(src))
            kw = {"axis": 1} if name == "cumulative_sum" else {}
            assert C.dtype_of(OPS[name].func(x, **kw)) is getattr(C, want), (name, src)
        x = C.asarray(np.array([1, 2, 3], np.int8))
        assert C.dtype_of(C.sum(x, dtype=C.int16)) is C.int16
        assert int(C.to_numpy(C.sum(C.asarray(np.array([200, 100], np.uint8))))) == 300


def test_wraparound_and_zero_grads(backend):
    """uint64 sums wrap like NumPy; prod's gradient is exact with one or two zeros."""
    with unify.using_backend(backend):
        x = C.asarray(np.array([2 ** 64 - 1, 2], np.uint64))
        assert int(C.to_numpy(C.sum(x))) == 1
        g = C.grad(lambda v: C.prod(v))(C.asarray(np.array([2.0, 0.0, 3.0])))
        np.testing.assert_allclose(C.to_numpy(g), [0.0, 6.0, 0.0])
        g = C.grad(lambda v: C.prod(v))(C.asarray(np.array([0.0, 0.0, 3.0])))
        np.testing.assert_allclose(C.to_numpy(g), [0.0, 0.0, 0.0])
        g = C.grad(lambda v: C.sum(C.cumulative_prod(v)))(C.asarray(np.array([2.0, 0.0, 3.0, 0.0])))
        np.testing.assert_allclose(C.to_numpy(g), [1.0, 2.0 + 6.0, 0.0, 0.0])


def test_errors_reduction(backend):
    with unify.using_backend(backend):
        x = C.asarray(np.arange(6.0).reshape(2, 3))
        empty = C.asarray(np.zeros((0, 3)))
        for f in (C.argmax, C.argmin, C.max, C.min):
            with pytest.raises(ValueError):
                f(empty)
            with pytest.raises(ValueError):
                f(empty, axis=0)
        for f in (C.sum, C.prod, C.mean, C.max, C.min, C.all, C.any, C.argmax, C.logsumexp, C.var, C.median):
            with pytest.raises((ValueError, IndexError)):
                f(x, axis=5)
        with pytest.raises((ValueError, IndexError)):
            C.sum(x, axis=(0, 0))
        with pytest.raises((ValueError, IndexError)):
            C.cumulative_sum(x, axis=-3)
        with pytest.raises(ValueError):
            C.cumulative_sum(x)  # axis required for 2-d input
        with pytest.raises((ValueError, IndexError)):
            C.cummax(x, 2)
        with pytest.raises(ValueError):
            C.diff(C.asarray(np.array(1.0)))
        with pytest.raises(ValueError):
            C.diff(x, n=-1)
        with pytest.raises(ValueError):
            C.quantile(x, 1.5)
        with pytest.raises(ValueError):
            C.quantile(x, 0.5, method="bogus")
        with pytest.raises(TypeError):
            C.argmax(x, axis=(0, 1))


def test_max_ties_share_the_gradient(backend):
    """Like torch.amax/amin (and the full torch.max): ties share the cotangent evenly."""
    with unify.using_backend(backend):
        x = C.asarray(np.array([[1.0, 3.0, 3.0], [2.0, 2.0, 2.0]]))
        np.testing.assert_allclose(C.to_numpy(C.grad(lambda v: C.max(v))(x)), [[0, 0.5, 0.5], [0, 0, 0]])
        g = C.grad(lambda v: C.sum(C.min(v, axis=1)))(x)
        np.testing.assert_allclose(C.to_numpy(g), [[1, 0, 0], [1 / 3, 1 / 3, 1 / 3]])


def test_under_jax_jit():
    jax = pytest.importorskip("jax")
    x = np.array([[0.5, -1.0, 2.0, 0.0], [1.5, 0.25, -0.75, 3.0]])
    fns = {
        "reductions": lambda v: C.sum(C.prod(v, axis=1)) + C.mean(C.max(v, axis=0)) + C.logsumexp(v)
        + C.std(v, correction=1) + C.median(v) + C.quantile(v, 0.3) + C.nanmean(v) + C.ptp(v),
        "scans": lambda v: C.sum(C.cumulative_prod(v, axis=1)) + C.sum(C.cummax(v, 1)[0])
        + C.sum(C.logcumsumexp(v, 0)) + C.sum(C.diff(v, n=2)),
    }
    for name, f in fns.items():
        with unify.using_backend("numpy"):
            want_v, want_g = f(x), C.grad(f)(x)
        with unify.using_backend("jax"):
            v = jax.jit(f)(C.asarray(x))
            g = jax.jit(C.grad(f))(C.asarray(x))
        np.testing.assert_allclose(np.asarray(v), want_v, rtol=1e-12, err_msg=name)
        np.testing.assert_allclose(np.asarray(g), want_g, rtol=1e-12, atol=1e-14, err_msg=name)
