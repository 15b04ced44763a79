"""NumPy's set routines: unique (and the Array API unique_* functions), intersect1d,
union1d, setdiff1d, setxor1d, isin.

unique's values are always sorted (NumPy's `sorted=False` and the unique_* functions may
return another order, which NumPy does not promise either).
"""
from __future__ import annotations

import builtins
from typing import NamedTuple

from ... import core as C
from . import _dtypes as T
from ._math import _cast, _common, _in, _shape
from ._ndarray import normalize_axis, result, wrap
from ._sorting import argsort_native

__all__ = ["unique", "unique_all", "unique_counts", "unique_inverse", "unique_values",
           "intersect1d", "union1d", "setdiff1d", "setxor1d", "isin"]


class UniqueAllResult(NamedTuple):
    values: object
    indices: object
    inverse_indices: object
    counts: object


class UniqueCountsResult(NamedTuple):
    values: object
    counts: object


class UniqueInverseResult(NamedTuple):
    values: object
    inverse_indices: object


def _isnan_any(v):
    k = C.dtype_of(v).kind
    if k == "f":
        return C.isnan(v)
    if k == "c":
        return C.logical_or(C.isnan(C.real(v)), C.isnan(C.imag(v)))
    return None


def _run_starts(s, equal_nan, rows=False):
    """bool flags (native) marking the first element of each run of equal sorted values."""
    n = _shape(s)[0]
    if n == 0:
        return C.zeros((0,), dtype=C.bool)
    a, b = C.getitem(s, slice(1, None)), C.getitem(s, slice(None, -1))
    neq = C.not_equal(a, b)
    if rows:
        neq = C.any(neq, axis=tuple(range(1, len(_shape(s))))) if len(_shape(s)) > 1 else neq
    elif equal_nan:
        na, nb = _isnan_any(a), _isnan_any(b)
        if na is not None:
            neq = C.logical_and(neq, C.logical_not(C.logical_and(na, nb)))
    return C.concat([C.ones((1,), dtype=C.bool), neq], axis=0)


def _unique1d(v, equal_nan):
    """(values, first indices, inverse (flat), counts) of a flat native array, sorted."""
    n = _shape(v)[0]
    perm = argsort_native(v, 0)
    s = C.take(v, perm)
    flag = _run_starts(s, equal_nan)
    starts = C.nonzero(flag)[0]
    vals = C.take(s, starts)
    first = C.take(perm, starts)
    inv_sorted = C.subtract(C.cumulative_sum(C.astype(flag, C.int64), axis=0), 1)
    inv = C.take(inv_sorted, C.argsort(perm, stable=True)) if n else C.zeros((0,), dtype=C.int64)
    counts = C.diff(C.concat([starts, C.full((1,), n, dtype=C.int64)], axis=0))
    return vals, first, inv, counts


def _unique_axis(v, ax):
    s = _shape(v)
    x = C.moveaxis(v, ax, 0)
    rest = _shape(x)[1:]
    n = s[ax]
    rows = C.reshape(x, (n, -1))
    m = _shape(rows)[1]
    perm = C.arange(n, dtype=C.int64)
    for j in range(m - 1, -1, -1):
        col = C.take(C.getitem(rows, (slice(None), j)), perm)
        perm = C.take(perm, argsort_native(col, 0))
    srt = C.take(rows, perm, axis=0)
    flag = _run_starts(srt, False, rows=True) if n else C.zeros((0,), dtype=C.bool)
    starts = C.nonzero(flag)[0]
    vals = C.take(srt, starts, axis=0)
    first = C.take(perm, starts)
    inv_sorted = C.subtract(C.cumulative_sum(C.astype(flag, C.int64), axis=0), 1)
    inv = C.take(inv_sorted, C.argsort(perm, stable=True)) if n else C.zeros((0,), dtype=C.int64)
    counts = C.diff(C.concat([starts, C.full((1,), n, dtype=C.int64)], axis=0))
    vals = C.moveaxis(C.reshape(vals, (_shape(vals)[0],) + rest), 0, ax)
    return vals, first, inv, counts


def unique(ar, return_index=False, return_inverse=False, return_counts=False, axis=None, *,
           equal_nan=True, sorted=True):  # noqa: A002
    v, d = _in(ar)
    s = _shape(v)
    if axis is None:
        vals, first, inv, counts = _unique1d(C.reshape(v, (-1,)), equal_nan)
        inv = C.reshape(inv, s)
    else:
        ax = normalize_axis(axis, len(s))
        vals, first, inv, counts = _unique_axis(v, ax)
    out = [wrap(vals, d)]
    if return_index:
        out.append(wrap(first, T.I64))
    if return_inverse:
        out.append(wrap(inv, T.I64))
    if return_counts:
        out.append(wrap(counts, T.I64))
    return out[0] if len(out) == 1 else tuple(out)


def unique_all(x):
    v, d = _in(x)
    vals, first, inv, counts = _unique1d(C.reshape(v, (-1,)), False)
    return UniqueAllResult(wrap(vals, d), wrap(first, T.I64), wrap(C.reshape(inv, _shape(v)), T.I64),
                           wrap(counts, T.I64))


def unique_counts(x):
    v, d = _in(x)
    vals, _, _, counts = _unique1d(C.reshape(v, (-1,)), False)
    return UniqueCountsResult(wrap(vals, d), wrap(counts, T.I64))


def unique_inverse(x):
    v, d = _in(x)
    vals, _, inv, _ = _unique1d(C.reshape(v, (-1,)), False)
    return UniqueInverseResult(wrap(vals, d), wrap(C.reshape(inv, _shape(v)), T.I64))


def unique_values(x):
    v, d = _in(x)
    return wrap(_unique1d(C.reshape(v, (-1,)), False)[0], d)


def _flat_common(a, b):
    (x, y), d = _common(a, b)
    return C.reshape(x, (-1,)), C.reshape(y, (-1,)), d


def intersect1d(ar1, ar2, assume_unique=False, return_indices=False):
    x, y, d = _flat_common(ar1, ar2)
    if not assume_unique:
        x, i1, _, _ = _unique1d(x, True)
        y, i2, _, _ = _unique1d(y, True)
    nx = _shape(x)[0]
    aux = C.concat([x, y], axis=0)
    perm = argsort_native(aux, 0)
    s = C.take(aux, perm)
    if _shape(s)[0] < 2:
        vals = C.getitem(s, slice(0, 0))
        p1 = p2 = C.zeros((0,), dtype=C.int64)
    else:
        same = C.equal(C.getitem(s, slice(1, None)), C.getitem(s, slice(None, -1)))
        idx = C.nonzero(same)[0]
        vals = C.take(s, idx)
        p1 = C.take(perm, idx)
        p2 = C.subtract(C.take(perm, C.add(idx, 1)), nx)
    if not return_indices:
        return wrap(vals, d)
    if not assume_unique:
        p1, p2 = C.take(i1, p1), C.take(i2, p2)
    return wrap(vals, d), wrap(p1, T.I64), wrap(p2, T.I64)


def union1d(ar1, ar2):
    x, y, d = _flat_common(ar1, ar2)
    return wrap(_unique1d(C.concat([x, y], axis=0), True)[0], d)


def _isin_native(x, t, invert):
    d = C.dtype_of(x)
    if _shape(t)[0] == 0 or _shape(x) == (0,):
        r = C.zeros(_shape(x), dtype=C.bool)
    elif d.kind == "c":
        r = C.any(C.equal(C.reshape(x, _shape(x) + (1,)), t), axis=-1)
    elif d.kind == "b":
        r = C.isin(C.astype(x, C.uint8), C.astype(t, C.uint8))
    else:
        r = C.isin(x, t)
    return C.logical_not(r) if invert else r


def setdiff1d(ar1, ar2, assume_unique=False):
    (x, y), d = _common(ar1, ar2)
    d1 = _in(ar1)[1]
    x, y = C.reshape(x, (-1,)), C.reshape(y, (-1,))
    if not assume_unique:
        x = _unique1d(x, True)[0]
        y = _unique1d(y, True)[0]
    keep = _isin_native(x, y, True)
    return wrap(_cast(C.masked_select(x, keep), d1), d1)


def setxor1d(ar1, ar2, assume_unique=False):
    x, y, d = _flat_common(ar1, ar2)
    if not assume_unique:
        x = _unique1d(x, True)[0]
        y = _unique1d(y, True)[0]
    aux = C.concat([x, y], axis=0)
    n = _shape(aux)[0]
    if n == 0:
        return wrap(aux, d)
    s = C.take(aux, argsort_native(aux, 0))
    t = C.ones((1,), dtype=C.bool)
    flag = C.concat([t, C.not_equal(C.getitem(s, slice(1, None)), C.getitem(s, slice(None, -1))), t],
                    axis=0)
    keep = C.logical_and(C.getitem(flag, slice(1, None)), C.getitem(flag, slice(None, -1)))
    return wrap(C.masked_select(s, keep), d)


def isin(element, test_elements, assume_unique=False, invert=False, *, kind=None):
    if kind not in (None, "sort", "table"):
        raise ValueError(f"Invalid kind: '{kind}'. Please use None, 'sort' or 'table'.")
    (x, t), d = _common(element, test_elements)
    r = _isin_native(x, C.reshape(t, (-1,)), builtins.bool(invert))
    return result(r) if _shape(x) else wrap(r, T.BOOL)
