import numpy as np

from ...core.ops.reduction import _norm_axis, _scan_axis
from ._base import nd


def _tup(axis):
    return tuple(axis) if isinstance(axis, list) else axis


_add_reduce = np.add.reduce
# NumPy's sum accumulates bool and narrow ints in the platform int (unsigned in uint64)
_SUM_DEFAULT = {np.dtype(t): np.dtype(np.int64) for t in (np.bool_, np.int8, np.int16, np.int32)}
_SUM_DEFAULT.update({np.dtype(t): np.dtype(np.uint64) for t in (np.uint8, np.uint16, np.uint32)})


def sum(x, axis, dtype, keepdims):
    # add.reduce is what np.sum calls, minus np.sum's Python wrapper (hot path)
    dt = _SUM_DEFAULT.get(x.dtype) if dtype is None else nd(dtype, "sum")
    return _add_reduce(x, _tup(axis), dt, None, keepdims)


def prod(x, axis, dtype, keepdims):
    return np.prod(x, axis=_tup(axis), dtype=nd(dtype, "prod"), keepdims=keepdims)


def mean(x, axis, keepdims):
    x = np.asarray(x)
    if x.dtype.kind in "biu":
        x = x.astype(np.float64)
    return np.mean(x, axis=_tup(axis), keepdims=keepdims)


def max(x, axis, keepdims):
    return np.max(x, axis=_tup(axis), keepdims=keepdims)


def min(x, axis, keepdims):
    return np.min(x, axis=_tup(axis), keepdims=keepdims)


def all(x, axis, keepdims):
    return np.all(x, axis=_tup(axis), keepdims=keepdims)


def any(x, axis, keepdims):
    return np.any(x, axis=_tup(axis), keepdims=keepdims)


def count_nonzero(x, axis, keepdims):
    return np.asarray(np.count_nonzero(x, axis=_tup(axis), keepdims=keepdims), dtype=np.int64)


def argmax(x, axis, keepdims):
    return np.argmax(x, axis=axis, keepdims=keepdims).astype(np.int64, copy=False)


def argmin(x, axis, keepdims):
    return np.argmin(x, axis=axis, keepdims=keepdims).astype(np.int64, copy=False)


def cumulative_sum(x, axis, dtype, include_initial):
    x = np.asarray(x)
    return np.cumulative_sum(x, axis=axis, dtype=nd(dtype, "cumulative_sum"), include_initial=include_initial)


def cumulative_prod(x, axis, dtype, include_initial):
    x = np.asarray(x)
    return np.cumulative_prod(x, axis=axis, dtype=nd(dtype, "cumulative_prod"), include_initial=include_initial)


def _cumext(x, axis, ufunc, name):
    x = np.asarray(x)
    ax = _scan_axis(axis, x.ndim, name)
    if x.ndim == 0:
        x = x.reshape(1)
    if x.shape[ax] == 0:
        return x.copy(), np.zeros(x.shape, np.int64)
    values = ufunc.accumulate(x, axis=ax)
    pos = np.arange(x.shape[ax], dtype=np.int64).reshape((-1,) + (1,) * (x.ndim - 1 - ax))
    # the last position where x reaches its running extremum
    idx = np.maximum.accumulate(np.where(x == values, pos, 0), axis=ax)
    return values, idx


def cummax(x, axis):
    return _cumext(x, axis, np.maximum, "cummax")


def cummin(x, axis):
    return _cumext(x, axis, np.minimum, "cummin")


def logcumsumexp(x, axis):
    x = np.asarray(x)
    if x.dtype.kind in "biu":
        x = x.astype(np.float64)
    ax = _norm_axis(axis, x.ndim) if x.ndim else 0
    if x.ndim == 0:
        return x.copy()
    return np.logaddexp.accumulate(x, axis=ax)


def logsumexp(x, axis, keepdims):
    x = np.asarray(x)
    if x.dtype.kind in "biu":
        x = x.astype(np.float64)
    axis = _tup(axis)
    m = np.max(x, axis=axis, keepdims=True, initial=-np.inf)
    m = np.where(np.isfinite(m), m, 0).astype(x.dtype, copy=False)
    with np.errstate(divide="ignore"):
        s = np.log(np.sum(np.exp(x - m), axis=axis, keepdims=True))
    out = s + m
    if not keepdims:
        out = np.squeeze(out, axis=axis if axis is not None else tuple(range(x.ndim)))
    return out

