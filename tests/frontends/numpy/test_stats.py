"""numpy frontend: statistics and reductions (mean/std/var, median and quantiles, min/max and
arg-reductions, nan-variants, all/any/count_nonzero, cov/corrcoef, histograms, bincount,
digitize), differential against real NumPy on every backend (see mathhelp)."""
import pytest

from mathhelp import ALL, FLOAT, NUM, REAL, run

RED = ["", "axis=0", "axis=1", "axis=-1, keepdims=True", "axis=(0, 1)", "axis=2"]
METHODS = ("linear", "lower", "higher", "nearest", "midpoint", "inverted_cdf",
           "averaged_inverted_cdf", "closest_observation", "interpolated_inverted_cdf", "hazen",
           "weibull", "median_unbiased", "normal_unbiased")

CASES = {
    "mean": ([f"m.mean(a.M, {r})" for r in RED] + [
        "m.mean(a.E)", "m.mean(a.S)", "m.mean(a.M, dtype=m.float32)", "m.mean(a.M, axis=0, where=a.K)",
        "m.mean(a.T, axis=(0, 2))", "m.mean([1, 2, 4])"], ALL),
    "average": (["m.average(a.M)", "m.average(a.M, axis=1, weights=[1, 2, 3, 4])",
                 "m.average(a.M, axis=0, weights=[1, 2, 3], returned=True)",
                 "m.average(a.M, weights=a.M.real * 0 + 1, returned=True)",
                 "m.average(a.M, axis=1, keepdims=True)", "m.average(a.M, weights=[1, 2, 3, 4])",
                 "m.average(a.M, axis=1, weights=[1, -1, 1, -1])", "m.average(a.M, axis=1, weights=[1, 2])"],
                ALL),
    "median": ([f"m.median(a.M, {r})" for r in RED] + ["m.median(a.V)", "m.median(a.NAN, axis=1)",
                                                      "m.median(a.E)", "m.median(a.S)"], REAL),
    "percentile": ([f"m.percentile(a.M, 30, axis=1, method='{k}')" for k in METHODS] + [
        "m.percentile(a.M, [0, 25, 50, 100])", "m.percentile(a.M, 50, axis=0, keepdims=True)",
        "m.percentile(a.NAN, 40, axis=1)", "m.percentile(a.M, 101)", "m.percentile(a.M, -1)",
        "m.percentile(a.M, m.asarray([10.0, 90.0], dtype=m.float32), axis=1)"], REAL),
    "quantile": ([f"m.quantile(a.M, [0.0, 0.3, 0.5, 1.0], method='{k}')" for k in METHODS] + [
        "m.quantile(a.M, 0.4, axis=(0, 1))", "m.quantile(a.T, 0.75, axis=(0, 2), keepdims=True)",
        "m.quantile(a.M, 0.5, method='bogus')", "m.quantile(a.E, 0.5)",
        "m.quantile(a.V, 0.5, method='inverted_cdf', weights=[1, 2, 0, 1])",
        "m.quantile(a.M, [0.2, 0.6], axis=1, method='inverted_cdf', weights=[1, 3, 1, 1])",
        "m.quantile(a.V, 0.5, weights=[1, 2, 0, 1])"], REAL + ("complex128",)),
    "nanmean": (["m.nanmean(a.NAN)", "m.nanmean(a.NAN, axis=1)", "m.nanmean(a.NAN, axis=0, keepdims=True)",
                 "m.nanmean(a.M, axis=1)"], ALL),
    "nanmedian": (["m.nanmedian(a.NAN)", "m.nanmedian(a.NAN, axis=1)", "m.nanmedian(a.NAN, axis=0)",
                   "m.nanmedian(a.M, axis=1, keepdims=True)"], REAL),
    "nanpercentile": (["m.nanpercentile(a.NAN, 30, axis=1)", "m.nanpercentile(a.NAN, [10, 90], axis=0)",
                       "m.nanpercentile(a.NAN, 50, method='lower')", "m.nanpercentile(a.M, 50, axis=1)"], REAL),
    "nanquantile": (["m.nanquantile(a.NAN, 0.3, axis=1)", "m.nanquantile(a.NAN, [0.1, 0.9], axis=0)",
                     "m.nanquantile(a.NAN, 0.5, method='higher', axis=0)"], REAL),
    "std": ([f"m.std(a.M, {r})" for r in RED[:4]] + [
        "m.std(a.M, ddof=1)", "m.std(a.M, axis=1, correction=1)", "m.std(a.M, ddof=1, correction=1)",
        "m.std(a.M, axis=0, where=a.K)", "m.std(a.V, ddof=4)", "m.std(a.M, axis=1, mean=m.mean(a.M, axis=1, keepdims=True))",
        "m.std(a.M, dtype=m.float32)"], ALL),
    "var": ([f"m.var(a.M, {r})" for r in RED[:4]] + ["m.var(a.M, ddof=1, axis=0)", "m.var(a.E)",
                                                    "m.var(a.M, axis=1, where=a.K)"], ALL),
    "nanstd": (["m.nanstd(a.NAN)", "m.nanstd(a.NAN, axis=1)", "m.nanstd(a.NAN, axis=0, ddof=1)"], ALL),
    "nanvar": (["m.nanvar(a.NAN)", "m.nanvar(a.NAN, axis=1, keepdims=True)", "m.nanvar(a.M, axis=0)"], ALL),
    "max": ([f"m.max(a.M, {r})" for r in RED] + [
        "m.max(a.E)", "m.max(a.E, initial=3)", "m.max(a.M, axis=1, initial=2)", "m.max(a.M, where=a.K)",
        "m.max(a.M, axis=0, where=a.K, initial=-9)", "m.max(a.NAN, axis=1)", "m.max(a.S)"], ALL),
    "min": ([f"m.min(a.M, {r})" for r in RED] + ["m.min(a.NAN, axis=1)", "m.min(a.E)",
                                                "m.min(a.M, axis=1, where=a.K, initial=9)"], ALL),
    "amax": (["m.amax(a.M)", "m.amax(a.M, axis=0)"], ALL),
    "amin": (["m.amin(a.M)", "m.amin(a.M, axis=1, keepdims=True)"], ALL),
    "nanmax": (["m.nanmax(a.NAN)", "m.nanmax(a.NAN, axis=1)", "m.nanmax(a.NAN, axis=0)", "m.nanmax(a.M)"],
               ALL),
    "nanmin": (["m.nanmin(a.NAN)", "m.nanmin(a.NAN, axis=1, keepdims=True)", "m.nanmin(a.M, axis=0)"], ALL),
    "ptp": (["m.ptp(a.M)", "m.ptp(a.M, axis=0)", "m.ptp(a.M, axis=1, keepdims=True)", "m.ptp(a.E)"], ALL),
    "argmax": (["m.argmax(a.M)", "m.argmax(a.M, axis=0)", "m.argmax(a.M, axis=1, keepdims=True)",
                "m.argmax(a.NAN, axis=1)", "m.argmax(a.E)", "m.argmax(a.M, axis=2)", "m.argmax(a.S)",
                "m.argmax(a.M, keepdims=True)"], ALL),
    "argmin": (["m.argmin(a.M)", "m.argmin(a.M, axis=-1)", "m.argmin(a.NAN, axis=0)"], ALL),
    "nanargmax": (["m.nanargmax(a.NAN[:2])", "m.nanargmax(a.NAN[:2], axis=1)", "m.nanargmax(a.NAN, axis=1)",
                   "m.nanargmax(a.M, axis=0)"], ALL),
    "nanargmin": (["m.nanargmin(a.NAN[:2], axis=1)", "m.nanargmin(a.NAN, axis=0)", "m.nanargmin(a.M)"], ALL),
    "all": ([f"m.all(a.M, {r})" for r in RED] + ["m.all(a.E)", "m.all(a.M, where=a.K)"], ALL),
    "any": ([f"m.any(a.M, {r})" for r in RED] + ["m.any(a.E)", "m.any(a.M, axis=0, where=a.K)"], ALL),
    "count_nonzero": (["m.count_nonzero(a.M)", "m.count_nonzero(a.M, axis=0)",
                       "m.count_nonzero(a.M, axis=(0, 1), keepdims=True)", "m.count_nonzero(a.S)"], ALL),
    "cov": (["m.cov(a.M)", "m.cov(a.M, rowvar=False)", "m.cov(a.M, bias=True)", "m.cov(a.V)",
             "m.cov(a.M, a.N)", "m.cov(a.M, ddof=0)", "m.cov(a.M, fweights=[1, 2, 1, 3])",
             "m.cov(a.M, aweights=[0.5, 1, 2, 1])", "m.cov(a.M, fweights=[1, 2, 1, 3], aweights=[0.5, 1, 2, 1])",
             "m.cov(a.M, dtype=m.float32)", "m.cov(a.T)"], NUM),
    "corrcoef": (["m.corrcoef(a.M)", "m.corrcoef(a.M, rowvar=False)", "m.corrcoef(a.V, a.W)"], NUM),
    "histogram": (["m.histogram(a.M)", "m.histogram(a.M, bins=3)", "m.histogram(a.M, bins=[-2, 0, 1, 5])",
                   "m.histogram(a.M, bins=4, range=(-1, 2))", "m.histogram(a.M, bins=4, density=True)",
                   "m.histogram(a.M, bins=3, weights=a.N)", "m.histogram(a.E)", "m.histogram(a.M, bins=0)",
                   "m.histogram(a.M, range=(2, 1))", "m.histogram(a.V, bins=[2, 1, 3])"]
                  + [f"m.histogram(a.M, bins='{b}')" for b in ("auto", "fd", "doane", "rice", "scott",
                                                                 "sqrt", "sturges", "stone")], REAL),
    "histogram_bin_edges": (["m.histogram_bin_edges(a.M, bins=5)", "m.histogram_bin_edges(a.M, bins='auto')",
                             "m.histogram_bin_edges(a.M, bins=[0, 1, 3])"], REAL),
    "histogram2d": (["m.histogram2d(a.M[0], a.N[0], bins=3)", "m.histogram2d(a.M[0], a.N[0], bins=[2, 3])",
                     "m.histogram2d(a.M[0], a.N[0], bins=2, density=True)",
                     "m.histogram2d(a.M[0], a.N[0], bins=2, range=[[-1, 2], [0, 3]], weights=[1, 2, 3, 4])",
                     "m.histogram2d(a.V, a.W, bins=[-1, 0, 2, 5])"], REAL),
    "histogramdd": (["m.histogramdd(a.M.T, bins=(2, 3, 2))", "m.histogramdd(a.M.T, bins=2, density=True)",
                     "m.histogramdd(a.M.T, bins=[[-3, 0, 5], [-3, 5], [0, 1, 2, 9]])",
                     "m.histogramdd(a.M.T, bins=3, weights=a.V)", "m.histogramdd(a.V)",
                     "m.histogramdd(a.M.T, bins=(2, 2))"], REAL),
    "bincount": (["m.bincount(a.V)", "m.bincount(a.V, minlength=12)", "m.bincount(a.V, weights=a.W)",
                  "m.bincount(a.V, weights=[0.5, 1, 2, 3])", "m.bincount(a.E)", "m.bincount(a.M)",
                  "m.bincount(a.V, minlength=-1)", "m.bincount(a.V, weights=[1, 2])"],
                 ("bool", "int32", "int64", "uint8", "float64")),
    "digitize": (["m.digitize(a.M, [-1, 0, 1])", "m.digitize(a.M, [1, 0, -1])", "m.digitize(a.M, [-1, 0, 1], right=True)",
                  "m.digitize(a.M, [3, 0, -1], right=True)", "m.digitize(a.V, [0, 2, 1])", "m.digitize(2.5, [0, 1, 3])"],
                 ALL),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_function(backend, name):
    cases, dtypes = CASES[name]
    run(backend, cases, dtypes)


def test_out_arguments(backend):
    run(backend, ["(lambda o: (m.mean(a.M, axis=0, out=o), o)[1])(m.zeros(4))",
                  "(lambda o: (m.max(a.M, axis=1, out=o), o)[1])(m.zeros(3))",
                  "(lambda o: (m.argmax(a.M, axis=1, out=o), o)[1])(m.zeros(3, dtype='int64'))",
                  "(lambda o: (m.std(a.M, axis=1, out=o), o)[1])(m.zeros(3, dtype='float32'))",
                  "(lambda o: (m.median(a.M, axis=1, out=o), o)[1])(m.zeros(3))",
                  "(lambda o: (m.all(a.M, axis=1, out=o), o)[1])(m.zeros(3, dtype=bool))"],
        FLOAT)


def test_all_names_exist():
    import numpy

    import unify.frontends.numpy as fnp
    for name in CASES:
        assert callable(getattr(fnp, name)) and callable(getattr(numpy, name))
    assert NUM and FLOAT


def test_arg_reductions_nan_first(backend):
    # NumPy returns the first NaN; checked on every backend with all cases
    run(backend, ["m.argmin(a.NAN, axis=0)", "m.argmax(a.NAN, axis=0)", "m.argmin(a.NAN)",
                  "m.argmax(a.NAN[:2])", "m.argmin(-a.NAN, axis=1)"], ("float64",), jax_cases=5)


# ------------------------------------------------------------------ property test: random values
import warnings  # noqa: E402

import numpy  # noqa: E402
from hypothesis import given, strategies as st  # noqa: E402

import unify  # noqa: E402
import unify.frontends.numpy as fnp  # noqa: E402
from mathhelp import _raises_like_tol  # noqa: E402
from nphelp import arrays, ours  # noqa: E402

SHAPES = [(3, 4), (4,), (), (0,), (2, 3, 4)]
PROP_FUNCS = ["sum", "prod", "mean", "std", "var", "min", "max", "argmin", "argmax", "median", "ptp",
              "cumsum", "nansum", "nanmax", "any", "all", "count_nonzero", "sort", "argsort"]
PROP_DTYPES = ("bool", "int8", "int32", "uint8", "float32", "float64", "complex128")
TOL = {"float32": (1e-4, 1e-2), "complex128": (1e-9, 1e-9), "float64": (1e-9, 1e-9)}


@given(data=st.data())
def test_reductions_random_values(backend, data):
    dts = ("float64",) if backend == "jax" else PROP_DTYPES
    dt = data.draw(st.sampled_from(dts), label="dtype")
    shape = data.draw(st.sampled_from(SHAPES), label="shape")
    x = data.draw(arrays(dt, shape), label="x")
    fn = data.draw(st.sampled_from(PROP_FUNCS), label="fn")
    nd = len(shape)
    axis = data.draw(st.sampled_from([None] + list(range(-nd, nd))), label="axis")
    kw = {"axis": axis} if fn not in ("sort", "argsort") or axis is not None else {}
    if fn == "argsort":
        kw["kind"] = "stable"
    rtol, atol = TOL.get(dt, (None, None))
    with unify.using_backend(backend), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        _raises_like_tol(lambda: getattr(numpy, fn)(x, **kw), lambda: getattr(fnp, fn)(ours(x), **kw),
                         rtol, atol)
