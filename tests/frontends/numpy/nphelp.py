"""Helpers for the numpy-frontend tests (shared by every test module in this directory).

    import numpy                          # the oracle
    import unify.frontends.numpy as fnp   # ours
    from nphelp import ours, check, raises_like, to_real, DTYPES, arrays, dtypes

- `ours(x, dtype=None)`: a frontend array with the value and dtype of `x` (a real numpy array,
  a list or a scalar; `dtype` a name like "float32"), on the current backend. A real numpy
  *scalar* gives our scalar of the same type.
- `to_real(x)`: frontend results (ndarray, NumPy scalars, dtypes, tuples/lists of them) as real
  numpy objects (other values pass through).
- `check(mine, theirs, rtol=None, atol=None, check_dtype=True)`: asserts that the frontend
  result equals real NumPy's: ndarray vs scalar (a NumPy scalar must come back as our scalar of
  the same type), shape, dtype, values (NaNs equal; tolerance by dtype unless given; exact for
  bool/int). Recurses into tuples/lists.
- `raises_like(fn_real, fn_ours)`: both raise with the same public exception type (NumPy's
  private classes count as their builtin base: a UFuncTypeError is a TypeError;
  numpy.exceptions.AxisError must be fnp.exceptions.AxisError, numpy.linalg.LinAlgError
  fnp.linalg.LinAlgError), or both succeed and `check` agrees. Returns the real exception
  or None. `same_error(mine, theirs)` is the comparison.
- `DTYPES`: every numeric dtype name NumPy and the frontend share; `FLOAT_NAMES`, `INT_NAMES`.
- Hypothesis strategies: `dtypes(names=DTYPES)`, `shapes()`, `arrays(dtype, shape)` (real
  numpy arrays with small, finite values), `broadcastable_shapes(n)`.
"""
from __future__ import annotations

import numpy
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import unify.frontends.numpy as fnp

DTYPES = ("bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
          "float16", "float32", "float64", "complex64", "complex128")
INT_NAMES = ("int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64")
FLOAT_NAMES = ("float16", "float32", "float64")
COMPLEX_NAMES = ("complex64", "complex128")
_RTOL = {"e": 2e-3, "f": 2e-5, "d": 1e-10, "F": 2e-5, "D": 1e-10}
_ATOL = {"e": 1e-3, "f": 1e-6, "d": 1e-12, "F": 1e-6, "D": 1e-12}


def ours(x, dtype=None):
    """A frontend array (or scalar, for a real numpy scalar) with x's value and dtype."""
    if isinstance(x, numpy.generic) and dtype is None:
        return getattr(fnp, x.dtype.name)(x.item())
    arr = numpy.asarray(x) if dtype is None else numpy.asarray(x, dtype=dtype)
    return fnp.array(arr.copy(), dtype=arr.dtype.name)


def to_real(x):
    """Frontend objects as real numpy objects (arrays, scalars, dtypes; containers recurse)."""
    if isinstance(x, fnp.ndarray):
        return numpy.array(x.__array__(), copy=True)
    if isinstance(x, fnp.generic):
        return numpy.dtype(x.dtype.name).type(x.item())
    if isinstance(x, fnp.dtype):
        return numpy.dtype(x.name)
    if isinstance(x, tuple):
        return tuple(to_real(y) for y in x)
    if isinstance(x, list):
        return [to_real(y) for y in x]
    return x


def check(mine, theirs, rtol=None, atol=None, check_dtype=True):
    """Assert the frontend result matches real NumPy's (kind, shape, dtype, values)."""
    if isinstance(theirs, numpy.ndarray):
        assert isinstance(mine, fnp.ndarray), f"expected an ndarray, got {type(mine).__name__}: {mine!r}"
        got = to_real(mine)
        assert got.shape == theirs.shape, (got.shape, theirs.shape)
        if check_dtype:
            assert got.dtype == theirs.dtype, (got.dtype, theirs.dtype)
        _values(got, theirs, rtol, atol)
    elif isinstance(theirs, numpy.generic):
        assert isinstance(mine, fnp.generic), f"expected a NumPy scalar, got {type(mine).__name__}: {mine!r}"
        got = to_real(mine)
        if check_dtype:
            assert got.dtype == theirs.dtype, (got.dtype, theirs.dtype)
        _values(numpy.asarray(got), numpy.asarray(theirs), rtol, atol)
    elif isinstance(theirs, (tuple, list)):
        assert isinstance(mine, (tuple, list)), f"expected a sequence, got {type(mine).__name__}"
        assert len(mine) == len(theirs), (len(mine), len(theirs))
        for a, b in zip(mine, theirs):
            check(a, b, rtol, atol, check_dtype)
    elif isinstance(theirs, numpy.dtype):
        assert isinstance(mine, fnp.dtype) and mine.name == theirs.name, (mine, theirs)
    elif isinstance(theirs, float) and theirs != theirs:
        assert mine != mine, (mine, theirs)
    else:
        assert type(mine) is type(theirs) or (isinstance(theirs, (int, float, complex)) and
                                              isinstance(mine, (int, float, complex))), (type(mine), type(theirs))
        assert mine == theirs, (mine, theirs)


def _values(got, theirs, rtol, atol):
    k = theirs.dtype
    if k.kind in "biu":
        assert numpy.array_equal(got, theirs), (got, theirs)
        return
    r = _RTOL.get(k.char, 1e-7) if rtol is None else rtol
    a = _ATOL.get(k.char, 1e-12) if atol is None else atol
    numpy.testing.assert_allclose(got, theirs, rtol=r, atol=a, equal_nan=True)


def _public(cls):
    """NumPy's exception class as the user sees it: its first builtin or numpy.exceptions
    ancestor (NumPy's private classes such as _UFuncNoLoopError count as TypeError)."""
    for c in cls.__mro__:
        if c.__module__ in ("builtins", "numpy.exceptions", "numpy.linalg"):
            return c
    return Exception


def same_error(mine, theirs) -> bool:
    """True when our exception `mine` has the public type of NumPy's `theirs`."""
    pub = _public(type(theirs))
    if pub.__module__ == "builtins":
        return isinstance(mine, pub)
    ours_cls = getattr(fnp.exceptions, pub.__name__, None) or getattr(
        getattr(fnp, "linalg", None), pub.__name__, None)
    return ours_cls is not None and isinstance(mine, ours_cls)


def raises_like(fn_real, fn_ours):
    """Both raise the same (public) exception type (ours may be a subclass) or both agree."""
    try:
        expected = fn_real()
    except Exception as e:  # noqa: BLE001
        try:
            fn_ours()
        except Exception as mine:  # noqa: BLE001
            assert same_error(mine, e), f"NumPy raised {type(e).__name__}({e}); we raised {type(mine).__name__}({mine})"
            return e
        raise AssertionError(f"NumPy raised {type(e).__name__}({e}); we did not raise")
    check(fn_ours(), expected)
    return None


# ------------------------------------------------------------------ Hypothesis strategies

def dtypes(names=DTYPES):
    return st.sampled_from(names)


def shapes(min_dims=0, max_dims=3, min_side=0, max_side=3):
    return hnp.array_shapes(min_dims=min_dims, max_dims=max_dims, min_side=min_side,
                            max_side=max_side)


def _elements(dtype):
    d = numpy.dtype(dtype)
    if d.kind == "b":
        return st.booleans()
    if d.kind in "iu":
        info = numpy.iinfo(d)
        return st.integers(max(info.min, -100), min(info.max, 100))
    if d.kind == "f":
        return st.floats(-100, 100, width=min(64, d.itemsize * 8), allow_subnormal=False)
    return st.complex_numbers(max_magnitude=100, allow_nan=False, allow_infinity=False,
                              allow_subnormal=False, width=d.itemsize * 8)


def arrays(dtype, shape):
    """Real numpy arrays of `dtype` and `shape` (a shape or a shape strategy)."""
    return hnp.arrays(numpy.dtype(dtype), shape, elements=_elements(dtype))


def broadcastable_shapes(n=2, max_dims=3):
    return hnp.mutually_broadcastable_shapes(num_shapes=n, max_dims=max_dims, max_side=3)
