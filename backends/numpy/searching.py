import numpy as np

from ...core.ops.reduction import _norm_axis
from ...core.ops.searching import TopKResult as _TopK
from ...core.ops.searching import UniqueAllResult as _UAll
from ...core.ops.searching import UniqueCountsResult as _UCounts
from ...core.ops.searching import UniqueInverseResult as _UInverse


def sort(x, axis, descending, stable):
    x = np.asarray(x)
    ax = _norm_axis(axis, x.ndim)
    r = np.sort(x, axis=ax, kind="stable" if stable else None)
    return np.flip(r, axis=ax) if descending else r


def _argsort(x, ax, descending, stable):
    if not descending:
        return np.argsort(x, axis=ax, kind="stable" if stable else None).astype(np.int64, copy=False)
    # stable descending: equal elements keep their original order
    r = np.flip(np.argsort(np.flip(x, axis=ax), axis=ax, kind="stable"), axis=ax)
    return (x.shape[ax] - 1) - r.astype(np.int64, copy=False)


def argsort(x, axis, descending, stable):
    x = np.asarray(x)
    return _argsort(x, _norm_axis(axis, x.ndim), descending, stable)


def topk(x, k, axis, largest, sorted):
    x = np.asarray(x)
    ax = _norm_axis(axis, x.ndim)
    n = x.shape[ax]
    if not 0 <= k <= n:
        raise ValueError(f"topk: k={k} out of range for an axis of length {n}")
    idx = _argsort(x, ax, largest, True)
    idx = idx[(slice(None),) * ax + (slice(0, k),)]
    return _TopK(np.take_along_axis(x, idx, axis=ax), idx)


def searchsorted(x1, x2, side, sorter):
    x1 = np.asarray(x1)
    if x1.ndim != 1:
        raise ValueError(f"searchsorted: x1 must be 1-D, got {x1.ndim}-D")
    if side not in ("left", "right"):
        raise ValueError(f"searchsorted: side must be 'left' or 'right', got {side!r}")
    return np.asarray(np.searchsorted(x1, x2, side=side, sorter=sorter)).astype(np.int64, copy=False)


def nonzero(x):
    return tuple(i.astype(np.int64, copy=False) for i in np.nonzero(x))


def argwhere(x):
    return np.argwhere(x).astype(np.int64, copy=False)


def unique_all(x):
    x = np.asarray(x)
    v, first, inv, c = np.unique(x, return_index=True, return_inverse=True, return_counts=True)
    return _UAll(v, first.astype(np.int64, copy=False), inv.reshape(x.shape).astype(np.int64, copy=False),
                 c.astype(np.int64, copy=False))


def unique_counts(x):
    v, c = np.unique(x, return_counts=True)
    return _UCounts(v, c.astype(np.int64, copy=False))


def unique_inverse(x):
    x = np.asarray(x)
    v, inv = np.unique(x, return_inverse=True)
    return _UInverse(v, inv.reshape(x.shape).astype(np.int64, copy=False))


def unique_values(x):
    return np.unique(x)  # sorted (np.unique_values may not sort since NumPy 2.3)


def isin(x, test_elements, invert):
    return np.isin(x, test_elements, invert=invert)


def bincount(x, weights, minlength):
    r = np.bincount(x, weights=weights, minlength=minlength)
    return r if weights is None else r.astype(np.float64, copy=False)  # NumPy gives int64 for empty x
