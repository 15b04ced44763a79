"""Searching, sorting and set functions (Array API spelling; NumPy 2.x semantics).

Indices are int64 on every backend. Sorting is stable by default and
`descending=True` keeps equal elements in their original order (as the Array
API asks), so argsort results agree exactly across backends. Set functions
return sorted unique values. NaN handling of the set functions is not
specified (NaNs are not tested).
"""
from typing import NamedTuple

from ._define import defvjp, family, nondiff, unbroadcast  # noqa: F401
from .inspection import shape

__all__: list[str] = []
op = family(__name__, __all__)


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


class TopKResult(NamedTuple):
    values: object
    indices: object


# ---------------------------------------------------------------- helpers (used by rules)


def _grid_key(idx, axis):
    """An advanced-indexing key selecting idx[...] along `axis` (others: their own position)."""
    from .creation import arange
    from .manipulation import reshape
    s = shape(idx)
    key = []
    for d, n in enumerate(s):
        if d == axis:
            key.append(idx)
        else:
            key.append(reshape(arange(n), tuple(n if e == d else 1 for e in range(len(s)))))
    return tuple(key)


def _take_along(x, idx, axis):
    """x gathered at int64 indices idx along axis (take_along_axis)."""
    from .indexing import take_along_axis
    return take_along_axis(x, idx, axis=axis)


def _put_along(base, idx, vals, axis):
    """base with vals added at int64 indices idx along axis (repeats accumulate)."""
    from .indexing import index_add
    return index_add(base, _grid_key(idx, axis), vals)


# ---------------------------------------------------------------- primitives

sort = op("sort(x, /, *, axis=-1, descending=False, stable=True)")
argsort = op("argsort(x, /, *, axis=-1, descending=False, stable=True)",
             doc="int64 indices; descending=True keeps ties in their original order.")
topk = op("topk(x, k, /, *, axis=-1, largest=True, sorted=True)",
          doc="(values, indices) of the k largest (or smallest) along axis; ties: lower index first. "
              "sorted=False leaves the order unspecified.")
searchsorted = op("searchsorted(x1, x2, /, *, side='left', sorter=None)",
                  doc="x1 is 1-D (sorted ascending, or through sorter); int64 result of x2's shape.")
nonzero = op("nonzero(x, /)", doc="Tuple of int64 index arrays, one per dimension; 0-d input raises ValueError.")
argwhere = op("argwhere(x, /)", doc="int64 array (N, x.ndim) of the indices of the nonzero elements.")
unique_all = op("unique_all(x, /)",
                doc="UniqueAllResult(values, indices, inverse_indices, counts): sorted values, first "
                    "occurrences (flat indices), inverse indices of x's shape, counts (int64).")
unique_counts = op("unique_counts(x, /)", doc="UniqueCountsResult(values, counts).")
unique_inverse = op("unique_inverse(x, /)",
                    doc="UniqueInverseResult(values, inverse_indices); inverse_indices has x's shape.")
unique_values = op("unique_values(x, /)", doc="Sorted unique values (1-D).")
isin = op("isin(x, test_elements, /, *, invert=False)",
          doc="Elementwise: whether x is in test_elements (any shape). Same-kind dtypes.")
bincount = op("bincount(x, /, weights=None, minlength=0)",
              doc="x: 1-D non-negative ints. int64 counts, or float64 sums of weights (NumPy).")

nondiff("argsort", "searchsorted", "nonzero", "argwhere", "unique_all", "unique_counts",
        "unique_inverse", "unique_values", "isin")


def _sort_vjp(g, out, x, axis, descending, stable):
    from .reduction import _norm_axis
    xs = shape(x)
    if len(xs) == 0:
        return (g,)
    ax = _norm_axis(axis, len(xs))
    idx = argsort(x, axis=ax, descending=descending, stable=True)
    return (_take_along(g, argsort(idx, axis=ax), ax),)


def _topk_vjp(g, out, x, k, axis, largest, sorted_):
    from .creation import zeros_like
    from .reduction import _norm_axis
    xs = shape(x)
    ax = _norm_axis(axis, len(xs)) if len(xs) else 0
    return (_put_along(zeros_like(x), out[1], g[0], ax), None)


def _bincount_vjp(g, out, x, weights, minlength):
    from .indexing import take
    from .inspection import dtype_of
    from .manipulation import astype
    gw = take(g, x, axis=0)
    if weights is not None and dtype_of(gw) is not dtype_of(weights):
        gw = astype(gw, dtype_of(weights))
    return (None, gw, None)


defvjp("sort", _sort_vjp)
defvjp("topk", _topk_vjp)
defvjp("bincount", _bincount_vjp)


# ---------------------------------------------------------------- composites


def _flatnonzero(x):
    from .manipulation import reshape
    return nonzero(reshape(x, (-1,)))[0]


flatnonzero = op("flatnonzero(x, /)", _flatnonzero, doc="int64 indices of the nonzero elements of x flattened.")
