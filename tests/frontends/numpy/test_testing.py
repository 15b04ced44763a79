"""numpy.testing: our assertions fail exactly when NumPy's do, with NumPy's message."""
import warnings

import numpy
import pytest

import unify
import unify.frontends.numpy as fnp
from nphelp import ours

T = fnp.testing
A = numpy.array([1.0, 2.0, 3.0])
I = numpy.array([1, 2, 3])

# (function, args, kwargs): real numpy arguments; each array argument is also given to ours
# as a frontend array
CASES = [
    ("assert_allclose", (A, A + 1e-9), {}), ("assert_allclose", (A, A * 1.1), {}),
    ("assert_allclose", (A, A * 1.1), {"rtol": 0.2}), ("assert_allclose", (A, A[:2]), {}),
    ("assert_allclose", (numpy.array([numpy.nan]), numpy.array([numpy.nan])), {}),
    ("assert_allclose", (numpy.array([numpy.nan]), numpy.array([numpy.nan])), {"equal_nan": False}),
    ("assert_allclose", (I, I + 1), {"atol": 1}), ("assert_allclose", (A, 1.0), {}),
    ("assert_array_equal", (A, A.copy()), {}), ("assert_array_equal", (A, A + 1), {}),
    ("assert_array_equal", (I, A), {}), ("assert_array_equal", (A, A[:2]), {}),
    ("assert_array_equal", (numpy.ones(3), 1.0), {}), ("assert_array_equal", (numpy.ones(3), 1.0), {"strict": True}),
    ("assert_array_equal", (numpy.ones((2, 2)), numpy.ones((2, 2), dtype=numpy.float32)), {"strict": True}),
    ("assert_array_almost_equal", (A, A + 1e-8), {}), ("assert_array_almost_equal", (A, A + 1e-3), {}),
    ("assert_array_almost_equal", (A, A + 1e-3), {"decimal": 2}),
    ("assert_almost_equal", (1.0, 1.0 + 1e-8), {}), ("assert_almost_equal", (1.0, 1.1), {}),
    ("assert_almost_equal", (A, A + 1e-3), {"decimal": 4}),
    ("assert_equal", (A, A.copy()), {}), ("assert_equal", (A, A + 1), {}),
    ("assert_equal", ([A, 1], [A, 1]), {}), ("assert_equal", ({"a": A}, {"a": A + 1}), {}),
    ("assert_equal", (numpy.nan, numpy.nan), {}), ("assert_equal", (numpy.float64(1.0), 1.0), {}),
    ("assert_equal", (I, I), {}), ("assert_equal", (numpy.int64(2), numpy.int64(3)), {}),
    ("assert_array_less", (A, A + 1), {}), ("assert_array_less", (A, A), {}),
    ("assert_array_less", (A, 10.0), {}),
    ("assert_approx_equal", (1.0, 1.0 + 1e-9), {}), ("assert_approx_equal", (1.0, 1.01), {}),
    ("assert_approx_equal", (1.0, 1.01), {"significant": 1}),
    ("assert_array_max_ulp", (A, numpy.nextafter(A, 10)), {}),
    ("assert_array_max_ulp", (A, A * 1.0001), {"maxulp": 2}),
    ("assert_array_almost_equal_nulp", (A, numpy.nextafter(A, 10)), {}),
    ("assert_array_almost_equal_nulp", (A, A * 1.0001), {"nulp": 1}),
    ("assert_string_equal", ("abc", "abc"), {}), ("assert_string_equal", ("abc", "abd"), {}),
]


def _mine(x):
    if isinstance(x, numpy.ndarray):
        return ours(x)
    if isinstance(x, numpy.generic):
        return ours(x)
    if isinstance(x, list):
        return [_mine(e) for e in x]
    if isinstance(x, dict):
        return {k: _mine(v) for k, v in x.items()}
    return x


def _outcome(fn):
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            fn()
    except AssertionError as e:
        return str(e)
    return None


@pytest.mark.parametrize("case", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_assertions_match_numpy(backend, case):
    name, args, kwargs = case
    with unify.using_backend(backend):
        expected = _outcome(lambda: getattr(numpy.testing, name)(*args, **kwargs))
        got = _outcome(lambda: getattr(T, name)(*[_mine(a) for a in args], **kwargs))
        assert (got is None) == (expected is None), (got, expected)
        assert got == expected


def test_mixed_inputs(backend):
    with unify.using_backend(backend):
        x = ours(A)
        T.assert_allclose(x, A)
        T.assert_allclose(A.tolist(), x)
        T.assert_array_equal(x, [1.0, 2.0, 3.0])
        T.assert_equal(x.dtype, numpy.float64)
        T.assert_equal(x.dtype, fnp.float64)
        with pytest.raises(AssertionError):
            T.assert_array_equal(x, x + 1)
        with pytest.raises(AssertionError):
            T.assert_allclose(fnp.float32(1.0), 1.5)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_raises_and_warns(backend):
    with unify.using_backend(backend):
        x = ours(A)
        T.assert_raises(ValueError, lambda: fnp.random.default_rng(0).normal(0, -1))
        with T.assert_raises(ValueError):
            fnp.random.RandomState(0).poisson(-1)
        T.assert_raises_regex(ValueError, "scale < 0", fnp.random.normal, 0, -1)
        with pytest.raises(AssertionError):
            T.assert_raises(ValueError, lambda: x)
        with pytest.raises(AssertionError):
            T.assert_raises_regex(ValueError, "nope", fnp.random.normal, 0, -1)

        def warn():
            warnings.warn("careful", UserWarning)
            return 3

        assert T.assert_warns(UserWarning, warn) == 3
        with pytest.raises(AssertionError):
            T.assert_warns(UserWarning, lambda: x)
        assert T.assert_no_warnings(lambda: 4) == 4
        with pytest.raises(AssertionError):
            T.assert_no_warnings(warn)
        T.assert_(True)
        with pytest.raises(AssertionError, match="boom"):
            T.assert_(False, "boom")
