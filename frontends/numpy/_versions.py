"""Older NumPy versions as data: what NumPy 1.x had that this frontend (NumPy 2.4) lacks.

`apply(np_module, "1.23")` (called by `unify.install("numpy", version=...)` and
`unify run --emulate numpy==1.23`) adds every name of TABLE whose range holds the version and
sets `__version__`; it returns an undo. Each entry has NumPy 1.x's semantics, written on the
frontend's current functions (NumPy 1.x documentation for the meanings):

- the builtin aliases `np.float`, `np.int`, `np.bool`, `np.object`, `np.complex`, `np.str`,
  `np.long`, `np.unicode` were Python's builtins (deprecated in 1.20, removed in 1.24);
- NumPy 2.0 removed (NEP 52) `np.bool8`, `np.int0`, `np.uint0`, `np.float_`, `np.complex_`,
  `np.product`, `np.cumproduct`, `np.maximum_sctype`, `np.alltrue`, `np.sometrue`, `np.asfarray`, `np.msort`,
  `np.round_`, the constants `np.NaN`, `np.Inf`, `np.PINF`, `np.NINF`, `np.infty`, `np.NZERO`,
  `np.PZERO`, `np.Infinity`, `np.NAN`, and the methods `ndarray.tostring`, `ndarray.itemset`,
  `ndarray.ptp`; `np.in1d` and `np.trapz` (deprecated in 2.0) are gone from 2.4.
- `np.unicode_`/`np.string_` are left out: the frontend has no str_/bytes_ scalar types.
"""
from __future__ import annotations

import builtins

from .._emulate import Entry, apply_table

OLDEST, NEWEST = "1.17", "2.4"


def _fn(name):
    """An alias of the frontend's current function `name`."""
    return lambda np: getattr(np, name)


def _const(value):
    return lambda np: value


def _asfarray(np):
    def asfarray(a, dtype=None):
        """np.asfarray (NumPy 1.x): `a` as an array of an inexact type (float64 unless `dtype`
        is a floating or complex type)."""
        dt = np.dtype(np.float64 if dtype is None else dtype)
        if dt.kind not in "fc":
            dt = np.dtype(np.float64)
        return np.asarray(a, dtype=dt)
    return asfarray


def _in1d(np):
    def in1d(ar1, ar2, assume_unique=False, invert=False, *, kind=None):
        """np.in1d (NumPy 1.x): isin on the flattened ar1, a 1-D boolean array."""
        return np.isin(np.ravel(np.asarray(ar1)), ar2, assume_unique=assume_unique,
                       invert=invert, kind=kind)
    return in1d


def _msort(np):
    def msort(a):
        """np.msort (NumPy 1.x): a sorted copy along the first axis."""
        return np.sort(a, axis=0)
    return msort


def _tostring(np):
    def tostring(self, order="C"):
        """ndarray.tostring (NumPy 1.x): the same as tobytes."""
        return self.tobytes(order)
    return tostring


def _itemset(np):
    def itemset(self, *args):
        """ndarray.itemset (NumPy 1.x): `a.itemset(x)` for a size-1 array, `a.itemset(i, x)`
        with a flat index, `a.itemset((i, j), x)` with a full index."""
        if not args:
            raise ValueError("itemset must have at least one argument")
        *index, value = args
        if not index:
            if self.size != 1:
                raise ValueError("can only convert an array of size 1 to a Python scalar")
            index = (0,) * self.ndim
        elif len(index) == 1 and isinstance(index[0], tuple):
            index = index[0]
        elif len(index) == 1:
            flat = index[0]
            if not -self.size <= flat < self.size:
                raise IndexError(f"index {flat} is out of bounds for size {self.size}")
            index = tuple(int(i) for i in np.unravel_index(flat % self.size, self.shape))
        self[tuple(index)] = value
    return itemset


def _ptp_method(np):
    def ptp(self, axis=None, out=None, keepdims=False):
        """ndarray.ptp (NumPy 1.x): np.ptp(self, ...)."""
        return np.ptp(self, axis=axis, out=out, keepdims=keepdims)
    return ptp


def _maximum_sctype(np):
    def maximum_sctype(t):
        """np.maximum_sctype (NumPy 1.x): the most precise scalar type of t's kind. The
        frontend has no longdouble/clongdouble, so floats give float64 and complex numbers
        complex128 (what NumPy 1.x gives where long double is double: Windows, macOS arm64)."""
        kind = np.dtype(t).kind
        return {"f": np.float64, "c": np.complex128, "i": np.int64, "u": np.uint64,
                "b": np.bool_}.get(kind, np.dtype(t).type)
    return maximum_sctype


M, A = "module", "ndarray"
TABLE = [
    # Python builtins under NumPy names, removed in 1.24 (np.bool/np.long came back in 2.0
    # as NumPy types; below 1.24 they are the builtins again)
    Entry(M, "float", None, "1.24", _const(builtins.float)),
    Entry(M, "int", None, "1.24", _const(builtins.int)),
    Entry(M, "bool", None, "1.24", _const(builtins.bool)),
    Entry(M, "object", None, "1.24", _const(builtins.object)),
    Entry(M, "complex", None, "1.24", _const(builtins.complex)),
    Entry(M, "str", None, "1.24", _const(builtins.str)),
    Entry(M, "long", None, "1.24", _const(builtins.int)),
    Entry(M, "unicode", None, "1.24", _const(builtins.str)),
    # type aliases removed in 2.0
    Entry(M, "bool8", None, "2.0", _fn("bool_")),
    Entry(M, "int0", None, "2.0", _fn("intp")),
    Entry(M, "uint0", None, "2.0", _fn("uintp")),
    Entry(M, "float_", None, "2.0", _fn("float64")),
    Entry(M, "complex_", None, "2.0", _fn("complex128")),
    # functions removed in 2.0 (or, deprecated there, by 2.4)
    Entry(M, "product", None, "2.0", _fn("prod")),
    Entry(M, "cumproduct", None, "2.0", _fn("cumprod")),
    Entry(M, "alltrue", None, "2.0", _fn("all")),
    Entry(M, "sometrue", None, "2.0", _fn("any")),
    Entry(M, "round_", None, "2.0", _fn("round")),
    Entry(M, "asfarray", None, "2.0", _asfarray),
    Entry(M, "msort", None, "2.0", _msort),
    Entry(M, "maximum_sctype", None, "2.0", _maximum_sctype),
    Entry(M, "in1d", None, "2.4", _in1d),
    Entry(M, "trapz", None, "2.4", _fn("trapezoid")),
    # constants removed in 2.0
    Entry(M, "NaN", None, "2.0", _const(float("nan"))),
    Entry(M, "NAN", None, "2.0", _const(float("nan"))),
    Entry(M, "Inf", None, "2.0", _const(float("inf"))),
    Entry(M, "Infinity", None, "2.0", _const(float("inf"))),
    Entry(M, "infty", None, "2.0", _const(float("inf"))),
    Entry(M, "PINF", None, "2.0", _const(float("inf"))),
    Entry(M, "NINF", None, "2.0", _const(float("-inf"))),
    Entry(M, "PZERO", None, "2.0", _const(0.0)),
    Entry(M, "NZERO", None, "2.0", _const(-0.0)),
    # ndarray methods removed in 2.0
    Entry(A, "tostring", None, "2.0", _tostring),
    Entry(A, "itemset", None, "2.0", _itemset),
    Entry(A, "ptp", None, "2.0", _ptp_method),
]


def apply(module, version: str):
    """Make the numpy frontend `module` look like NumPy `version`; returns the undo."""
    return apply_table(module, version, TABLE, OLDEST, NEWEST, "numpy")
