"""Indexing functions of the numpy namespace: take/put families, where/nonzero/select,
index helpers (ix_, r_, c_, s_, index_exp, *_indices, ravel_multi_index, unravel_index),
fill_diagonal, and shares_memory / may_share_memory (answered from the frontend's view
geometry, the same on every backend)."""
from __future__ import annotations

import builtins
import math
import operator

from ... import core as C
from . import _dtypes as T
from . import _views as V
from ._ndarray import (ndarray, normalize_axis, operand, promote_operands, result, wrap,
                       write_out)

__all__ = ["take", "take_along_axis", "put", "put_along_axis", "place", "putmask", "choose",
           "compress", "extract", "where", "nonzero", "argwhere", "flatnonzero", "select",
           "piecewise", "diag_indices", "diag_indices_from", "tril_indices", "triu_indices",
           "tril_indices_from", "triu_indices_from", "mask_indices", "ravel_multi_index",
           "unravel_index", "ix_", "r_", "c_", "s_", "index_exp", "fill_diagonal",
           "shares_memory", "may_share_memory", "ndindex", "ndenumerate"]
# clip and count_nonzero here serve ndarray methods; np.clip / np.count_nonzero come from
# _math / _stats


def _a(x) -> ndarray:
    return x if isinstance(x, ndarray) else wrap(*operand(x))


def _index_array(indices):
    v, d = operand(indices)
    if d.kind not in "iub" and not C.shape(v) == (0,):
        raise TypeError("Cannot cast array data from dtype('float64') to dtype('int64') "
                        "according to the rule 'safe'")
    return C.astype(v, C.int64) if d is not T.I64 else v, d


def _apply_mode(idx, n, mode):
    if mode == "raise":
        if n == 0 and C.size(idx):
            raise IndexError("cannot do a non-empty take from an empty axes.")
        bad = C.logical_or(C.less(idx, -n), C.greater_equal(idx, n))
        if builtins.bool(C.any(bad)):
            first = C.to_numpy(C.getitem(idx, bad)).reshape(-1)[0]
            raise IndexError(f"index {builtins.int(first)} is out of bounds for axis 0 with "
                             f"size {n}")
        return C.where(C.less(idx, 0), C.add(idx, n), idx)
    if mode == "wrap":
        return C.remainder(idx, n) if n else idx
    if mode == "clip":
        return C.clip(idx, 0, builtins.max(n - 1, 0))
    raise ValueError(f"clipmode must be one of 'clip', 'raise', or 'wrap' (got {mode!r})")


def take(a, indices, axis=None, out=None, mode="raise"):
    x = _a(a)
    v = x._value()
    idx, _ = _index_array(indices)
    if axis is None:
        v = C.reshape(v, (-1,))
        ax = 0
    else:
        ax = normalize_axis(axis, x.ndim)
    n = C.shape(v)[ax]
    idx = _apply_mode(idx, n, mode)
    ishape = C.shape(idx)
    flat = C.reshape(idx, (-1,))
    r = C.take(v, flat, axis=ax)
    s = C.shape(v)
    r = C.reshape(r, tuple(s[:ax]) + tuple(ishape) + tuple(s[ax + 1:]))
    if out is not None:
        return write_out(out, r, "unsafe")
    return result(r, x.dtype)


def take_along_axis(arr, indices, axis=-1):
    x = _a(arr)
    idx, _ = _index_array(indices)
    v = x._value()
    if axis is None:
        v = C.reshape(v, (-1,))
        ax = 0
        if len(C.shape(idx)) != 1:
            raise ValueError("when axis=None, `indices` must have a single dimension.")
    else:
        ax = normalize_axis(axis, x.ndim)
        if len(C.shape(idx)) != x.ndim:
            raise ValueError("`indices` and `arr` must have the same number of dimensions")
    n = C.shape(v)[ax]
    idx = _apply_mode(idx, n, "raise")
    return wrap(C.take_along_axis(v, idx, axis=ax), x._dt)


def put_along_axis(arr, indices, values, axis):
    if not isinstance(arr, ndarray):
        raise TypeError("put_along_axis requires an ndarray")
    idx, _ = _index_array(indices)
    v = arr._value()
    if axis is None:
        flat = C.reshape(v, (-1,))
        n = C.shape(flat)[0]
        idx = _apply_mode(idx, n, "raise")
        vals, _ = operand(values, arr.dtype)
        new = C.index_update(flat, (idx,), C.broadcast_to(vals, C.shape(idx)))
        arr._write(C.reshape(new, C.shape(v)))
        return None
    ax = normalize_axis(axis, arr.ndim)
    if len(C.shape(idx)) != arr.ndim:
        raise ValueError("`indices` and `arr` must have the same number of dimensions")
    idx = _apply_mode(idx, C.shape(v)[ax], "raise")
    vals, _ = operand(values, arr.dtype)
    arr._write(C.put_along_axis(v, idx, C.broadcast_to(vals, C.shape(idx)) if C.shape(vals)
                                != C.shape(idx) else vals, axis=ax))
    return None


def put(a, ind, v, mode="raise"):
    if not isinstance(a, ndarray):
        raise TypeError("put() argument 1 must be numpy.ndarray, not " + type(a).__name__)
    if a._ro:
        raise ValueError("assignment destination is read-only")
    idx, _ = _index_array(ind)
    idx = C.reshape(idx, (-1,))
    n = a.size
    k = C.shape(idx)[0]
    if k == 0:
        return None
    idx = _apply_mode(idx, n, mode)
    vals, _ = operand(v, a.dtype)
    vals = C.reshape(vals, (-1,))
    m = C.shape(vals)[0]
    if m == 0:
        return None
    if m != k:
        vals = C.take(vals, C.remainder(C.arange(0, k, 1, dtype=C.int64), m), axis=0)
    shape = a.shape
    flat = C.reshape(a._value(), (-1,))
    new = C.index_update(flat, (idx,), vals)
    a._write(C.reshape(new, shape))
    return None


def place(arr, mask, vals):
    if not isinstance(arr, ndarray):
        raise TypeError("argument 1 must be numpy.ndarray, not " + type(arr).__name__)
    m, _ = operand(mask, T.BOOL)
    m = C.reshape(C.broadcast_to(m, arr.shape) if C.shape(m) != arr.shape else m, (-1,))
    count = builtins.int(C.to_numpy(C.sum(C.astype(m, C.int64))))
    if count == 0:
        return None
    vv, _ = operand(vals, arr.dtype)
    vv = C.reshape(vv, (-1,))
    nv = C.shape(vv)[0]
    if nv == 0:
        raise ValueError("Cannot insert from an empty array!")
    vv = C.take(vv, C.remainder(C.arange(0, count, 1, dtype=C.int64), nv), axis=0)
    flat = C.reshape(arr._value(), (-1,))
    arr._write(C.reshape(C.index_update(flat, (m,), vv), arr.shape))
    return None


def putmask(a, mask, values):
    if not isinstance(a, ndarray):
        raise TypeError("argument a of putmask must be a numpy array")
    m, _ = operand(mask, T.BOOL)
    shape = a.shape
    if C.shape(m) != shape:
        raise ValueError("putmask: mask and data must be the same size")
    n = a.size
    vv, _ = operand(values, a.dtype)
    vv = C.reshape(vv, (-1,))
    nv = C.shape(vv)[0]
    if nv == 0:
        return None
    vv = C.take(vv, C.remainder(C.arange(0, n, 1, dtype=C.int64), nv), axis=0)
    a._write(C.where(m, C.reshape(vv, shape), a._value()))
    return None


def choose(a, choices, out=None, mode="raise"):
    idx, _ = _index_array(a)
    if isinstance(choices, ndarray):
        chs = [choices[i] for i in range(choices.shape[0])]
    else:
        chs = list(choices)
    vals, d = promote_operands(*chs)
    n = len(vals)
    if mode == "raise":
        if builtins.bool(C.any(C.logical_or(C.less(idx, 0), C.greater_equal(idx, n)))):
            raise ValueError("invalid entry in choice array")
    elif mode == "wrap":
        idx = C.remainder(idx, n)
    elif mode == "clip":
        idx = C.clip(idx, 0, n - 1)
    else:
        raise ValueError(f"clipmode must be one of 'clip', 'raise', or 'wrap' (got {mode!r})")
    shape = tuple(C.broadcast_shapes(C.shape(idx), *(C.shape(v) for v in vals)))
    stacked = C.stack([C.broadcast_to(v, shape) for v in vals], axis=0)
    idx = C.broadcast_to(idx, shape)
    r = C.squeeze(C.take_along_axis(stacked, C.expand_dims(idx, axis=0), axis=0), axis=0)
    if out is not None:
        return write_out(out, r, "unsafe")
    return result(r, d)


def compress(condition, a, axis=None, out=None):
    x = _a(a)
    c, cd = operand(condition)
    if len(C.shape(c)) != 1:
        raise ValueError("condition must be a 1-d array")
    c = C.astype(c, C.bool) if cd is not T.BOOL else c
    v = x._value()
    if axis is None:
        v = C.reshape(v, (-1,))
        ax = 0
    else:
        ax = normalize_axis(axis, x.ndim)
    n, k = C.shape(v)[ax], C.shape(c)[0]
    if k > n:
        raise IndexError(f"index {k - 1} is out of bounds for axis {ax} with size {n}")
    pos = [i for i, b in enumerate(C.to_numpy(c).tolist()) if b]
    r = C.take(v, C.asarray(pos, dtype=C.int64) if pos else C.zeros((0,), dtype=C.int64),
               axis=ax)
    if out is not None:
        return write_out(out, r, "unsafe")
    return wrap(r, x._dt)


def extract(condition, arr):
    x = _a(arr)
    c, _ = operand(condition, T.BOOL)
    v = C.reshape(x._value(), (-1,))
    c = C.reshape(c, (-1,))
    return wrap(C.getitem(v, c), x._dt)


def where(condition, x=None, y=None, /):
    if x is None and y is None:
        return nonzero(condition)
    if x is None or y is None:
        raise ValueError("either both or neither of x and y should be given")
    c, cd = operand(condition)
    if cd is not T.BOOL:
        c = C.astype(c, C.bool)
    (vx, vy), d = promote_operands(x, y)
    try:
        r = C.where(c, vx, vy)
    except Exception:  # noqa: BLE001
        shapes = [C.shape(c), C.shape(vx), C.shape(vy)]
        raise ValueError("operands could not be broadcast together with shapes " +
                         " ".join(V._shape_str(s) for s in shapes)) from None
    return result(r, d)


def nonzero(a):
    x = _a(a)
    if x.ndim == 0:
        raise ValueError("Calling nonzero on 0d arrays is not allowed. Use "
                         "np.atleast_1d(scalar).nonzero() instead. If the context of this error "
                         "is of the form `arr[nonzero(cond)]`, just use `arr[cond]`.")
    v = x._value()
    if x.dtype is not T.BOOL:
        v = C.not_equal(v, C.zeros((), dtype=x.dtype.core))
    return tuple(wrap(C.astype(i, C.int64), T.I64) for i in C.nonzero(v))


def argwhere(a):
    x = _a(a)
    v = x._value()
    if x.ndim == 0:
        nz = builtins.bool(C.to_numpy(C.astype(v, C.bool)))
        return wrap(C.zeros((1 if nz else 0, 0), dtype=C.int64), T.I64)
    if x.dtype is not T.BOOL:
        v = C.astype(v, C.bool)
    return wrap(C.astype(C.argwhere(v), C.int64), T.I64)


def flatnonzero(a):
    x = _a(a)
    v = C.reshape(x._value(), (-1,))
    if x.dtype is not T.BOOL:
        v = C.astype(v, C.bool)
    return wrap(C.astype(C.nonzero(v)[0], C.int64), T.I64)


def count_nonzero(a, axis=None, *, keepdims=False):
    x = _a(a)
    v = x._value()
    if x.dtype is not T.BOOL:
        v = C.astype(v, C.bool)
    from ._ndarray import normalize_axes

    ax = normalize_axes(axis, x.ndim)
    r = C.sum(C.astype(v, C.int64), axis=ax, keepdims=keepdims)
    if axis is None and not keepdims:
        return builtins.int(C.to_numpy(r))
    return result(r, T.I64)


def select(condlist, choicelist, default=0):
    if len(condlist) != len(choicelist):
        raise ValueError("list of cases must be same length as list of conditions")
    if not condlist:
        raise ValueError("select with an empty condition list is not possible")
    vals, d = promote_operands(*choicelist, default)
    conds = []
    for i, c in enumerate(condlist):
        cv, cd = operand(c)
        if cd is not T.BOOL:
            raise TypeError(f"invalid entry {i} in condlist: should be boolean ndarray")
        conds.append(cv)
    shape = tuple(C.broadcast_shapes(*(C.shape(v) for v in vals),
                                     *(C.shape(c) for c in conds)))
    r = C.broadcast_to(vals[-1], shape)
    for c, v in zip(reversed(conds), reversed(vals[:-1])):
        r = C.where(C.broadcast_to(c, shape), C.broadcast_to(v, shape), r)
    return result(r, d)


def piecewise(x, condlist, funclist, *args, **kw):
    xa = _a(x)
    if isinstance(condlist, ndarray) and condlist.dtype is T.BOOL and condlist.ndim <= xa.ndim \
            or not isinstance(condlist, (list, tuple)):
        condlist = [condlist]
    conds = [_a(c) for c in condlist]
    n = len(conds)
    if len(funclist) == n + 1:
        other = conds[0]
        for c in conds[1:]:
            other = other | c
        conds.append(~other)
    elif len(funclist) != n:
        raise ValueError(f"with {n} condition(s), either {n} or {n + 1} functions are expected")
    out = wrap(C.zeros(xa.shape, dtype=xa.dtype.core), xa._dt)
    from ._keys import getitem, setitem

    for c, f in zip(conds, funclist):
        mask = c if c.shape == xa.shape else V.broadcast_to(c, xa.shape)
        if not callable(f):
            setitem(out, mask, f)
        else:
            sub = getitem(xa, mask)
            if sub.size:
                setitem(out, mask, f(sub, *args, **kw))
    return out


# ------------------------------------------------------------------ index helpers

def diag_indices(n, ndim=2):
    i = wrap(C.arange(0, operator.index(n), 1, dtype=C.int64), T.I64)
    return tuple(i for _ in range(ndim))


def diag_indices_from(arr):
    x = _a(arr)
    if x.ndim < 2:
        raise ValueError("input array must be at least 2-d")
    if len(set(x.shape)) != 1:
        raise ValueError("All dimensions of input must be of equal length")
    return diag_indices(x.shape[0], x.ndim)


def tril_indices(n, k=0, m=None):
    r = C.tril_indices(operator.index(n), operator.index(k), None if m is None else
                       operator.index(m))
    return tuple(wrap(C.astype(i, C.int64), T.I64) for i in r)


def triu_indices(n, k=0, m=None):
    r = C.triu_indices(operator.index(n), operator.index(k), None if m is None else
                       operator.index(m))
    return tuple(wrap(C.astype(i, C.int64), T.I64) for i in r)


def tril_indices_from(arr, k=0):
    x = _a(arr)
    if x.ndim != 2:
        raise ValueError("input array must be 2-d")
    return tril_indices(x.shape[-2], k, x.shape[-1])


def triu_indices_from(arr, k=0):
    x = _a(arr)
    if x.ndim != 2:
        raise ValueError("input array must be 2-d")
    return triu_indices(x.shape[-2], k, x.shape[-1])


def mask_indices(n, mask_func, k=0):
    from ._creation import ones

    m = mask_func(ones((n, n), dtype=int), k)
    return nonzero(m != 0)


def ravel_multi_index(multi_index, dims, mode="raise", order="C"):
    dims = V.shape_arg(dims)
    idxs = [operand(i) for i in multi_index]
    if len(idxs) != len(dims):
        raise ValueError(f"parameter multi_index must be a sequence of length {len(dims)}")
    for _, d in idxs:
        if d.kind not in "iu":
            raise TypeError("only int indices permitted")
    modes = mode if isinstance(mode, (tuple, list)) else (mode,) * len(dims)
    shape = tuple(C.broadcast_shapes(*(C.shape(v) for v, _ in idxs)))
    strides = []
    acc = 1
    order_dims = range(len(dims) - 1, -1, -1) if order == "C" else range(len(dims))
    st = [0] * len(dims)
    for i in order_dims:
        st[i] = acc
        acc *= dims[i]
    total = C.zeros(shape, dtype=C.int64)
    for (v, _), n, md, s in zip(idxs, dims, modes, st):
        v = C.astype(v, C.int64)
        if md == "raise":
            if builtins.bool(C.any(C.logical_or(C.less(v, 0), C.greater_equal(v, n)))):
                raise ValueError("invalid entry in coordinates array")
        elif md == "wrap":
            v = C.remainder(v, n)
        elif md == "clip":
            v = C.clip(v, 0, n - 1)
        total = C.add(total, C.multiply(v, C.asarray(s, dtype=C.int64)))
    del strides
    return result(total, T.I64)


def unravel_index(indices, shape, order="C"):
    dims = V.shape_arg(shape)
    v, d = operand(indices)
    if d.kind not in "iu":
        raise TypeError("only int indices permitted")
    v = C.astype(v, C.int64)
    size = math.prod(dims)
    if builtins.bool(C.any(C.logical_or(C.less(v, 0), C.greater_equal(v, size)))):
        bad = builtins.int(C.to_numpy(C.getitem(v, C.logical_or(C.less(v, 0),
                                                                C.greater_equal(v, size)))
                                      ).reshape(-1)[0])
        raise ValueError(f"index {bad} is out of bounds for array with size {size}")
    out = [None] * len(dims)
    rng = range(len(dims) - 1, -1, -1) if order == "C" else range(len(dims))
    for i in rng:
        n = dims[i]
        out[i] = C.remainder(v, n) if n else v
        v = C.floor_divide(v, n) if n else v
    return tuple(result(o, T.I64) for o in out)


def ix_(*args):
    out = []
    nd = len(args)
    for k, new in enumerate(args):
        v, d = operand(new)
        if d.kind not in "iub":
            if C.size(v) == 0:
                v, d = C.astype(v, C.int64), T.I64
            else:
                raise ValueError("Cross index must be 1 dimensional")
        if len(C.shape(v)) != 1:
            raise ValueError("Cross index must be 1 dimensional")
        if d is T.BOOL:
            v = C.nonzero(v)[0]
            d = T.I64
        shape = (1,) * k + (C.shape(v)[0],) + (1,) * (nd - k - 1)
        out.append(wrap(C.astype(C.reshape(v, shape), d.core), d))
    return tuple(out)


class _IndexExpression:
    def __init__(self, maketuple):
        self.maketuple = maketuple

    def __getitem__(self, item):
        if self.maketuple and not isinstance(item, tuple):
            return (item,)
        return item


index_exp = _IndexExpression(True)
s_ = _IndexExpression(False)


class _Concatenator:
    """r_ / c_: slices, scalars and arrays concatenated along an axis."""

    def __init__(self, axis=0, matrix=False, ndmin=1, trans1d=-1):
        self.axis, self.ndmin, self.trans1d = axis, ndmin, trans1d

    def __getitem__(self, key):
        from ._creation import arange, linspace
        from ._manipulation import concatenate

        if not isinstance(key, tuple):
            key = (key,)
        axis, ndmin, trans1d = self.axis, self.ndmin, self.trans1d
        objs = []
        scalars = []
        for i, k in enumerate(key):
            if isinstance(k, slice):
                step = 1 if k.step is None else k.step
                start = 0 if k.start is None else k.start
                if isinstance(step, complex):
                    new = linspace(start, k.stop, num=builtins.int(abs(step)))
                else:
                    new = arange(start, k.stop, step)
                if ndmin > 1:
                    new = _ndmin(new, ndmin, trans1d)
            elif isinstance(k, str):
                if i != 0:
                    raise ValueError("special directives must be the first entry.")
                if k in ("r", "c"):
                    continue
                parts = k.split(",")
                axis = builtins.int(parts[0])
                if len(parts) > 1:
                    ndmin = builtins.int(parts[1])
                if len(parts) > 2:
                    trans1d = builtins.int(parts[2])
                continue
            elif type(k) in (builtins.int, builtins.float, builtins.complex, builtins.bool):
                new = _a([k])
                scalars.append(len(objs))
                new = _ndmin(new, ndmin, trans1d) if ndmin > 1 else new
            else:
                new = _a(k)
                if new.ndim < ndmin:
                    new = _ndmin(new, ndmin, trans1d)
            objs.append(new)
        if not objs:
            return _a([])
        return concatenate(objs, axis=axis)

    def __len__(self):
        return 0


def _ndmin(a, ndmin, trans1d):
    k2 = ndmin - a.ndim
    if k2 <= 0:
        return a
    from ._creation import array

    x = array(a, ndmin=ndmin, copy=False)
    if trans1d != -1:
        k1 = trans1d if trans1d >= 0 else trans1d + k2 + 1
        axes = list(range(ndmin))
        axes = axes[:k1] + axes[k2:] + axes[k1:k2]
        x = V.transpose(x, tuple(axes))
    return x


r_ = _Concatenator(0)
c_ = _Concatenator(-1, ndmin=2, trans1d=0)


def fill_diagonal(a, val, wrap=False):
    if not isinstance(a, ndarray):
        raise TypeError("fill_diagonal requires an ndarray")
    if a.ndim < 2:
        raise ValueError("array must be at least 2-d")
    shape = a.shape
    if a.ndim == 2:
        n, m = shape
        step = m + 1
        end = None if wrap else m * m
        flat_n = n * m
    else:
        if len(set(shape)) != 1:
            raise ValueError("All dimensions of input must be of equal length")
        step = 1 + sum(shape[0] ** i for i in range(1, a.ndim))
        end = None
        flat_n = math.prod(shape)
    pos = list(range(0, flat_n if end is None else builtins.min(end, flat_n), step))
    if not pos:
        return None
    vals, _ = operand(val, a.dtype)
    vals = C.reshape(vals, (-1,))
    nv = C.shape(vals)[0]
    vals = C.take(vals, C.remainder(C.arange(0, len(pos), 1, dtype=C.int64), nv), axis=0)
    flat = C.reshape(a._value(), (-1,))
    new = C.index_update(flat, (C.asarray(pos, dtype=C.int64),), vals)
    a._write(C.reshape(new, shape))
    return None


# ------------------------------------------------------------------ memory overlap

def _extent(x: ndarray):
    """(root, byte offsets of every element as a set, or (lo, hi) bounds when too many)."""
    root = x if x._base is None else x._base
    strides, off = x._geometry()
    n = x.dtype.itemsize
    return root, [s * n for s in strides], off * n, x.shape, n


def _bounds(strides, off, shape, n):
    if 0 in shape:
        return None
    lo = off + builtins.sum(s * (k - 1) for s, k in zip(strides, shape) if s < 0)
    hi = off + builtins.sum(s * (k - 1) for s, k in zip(strides, shape) if s > 0) + n
    return lo, hi


def may_share_memory(a, b, /, max_work=None):
    if not isinstance(a, ndarray) or not isinstance(b, ndarray):
        return False
    ra, sa, oa, sha, na = _extent(a)
    rb, sb, ob, shb, nb = _extent(b)
    if ra is not rb:
        return False
    ba, bb = _bounds(sa, oa, sha, na), _bounds(sb, ob, shb, nb)
    if ba is None or bb is None:
        return False
    return ba[0] < bb[1] and bb[0] < ba[1]


def shares_memory(a, b, /, max_work=None):
    if not may_share_memory(a, b):
        return False
    import numpy

    def bytes_of(x):
        _, st, off, shape, n = _extent(x)
        grid = numpy.zeros((), dtype=numpy.int64) + off
        for s, k in zip(st, shape):
            grid = grid[..., None] + numpy.arange(k, dtype=numpy.int64) * s
        starts = grid.reshape(-1)
        return (starts[:, None] + numpy.arange(n, dtype=numpy.int64)).reshape(-1)

    return builtins.bool(numpy.intersect1d(bytes_of(a), bytes_of(b)).size)


def clip(a, a_min=None, a_max=None, out=None, *, min=None, max=None, **kwargs):
    from . import _ufunc as U

    lo = a_min if min is None else min
    hi = a_max if max is None else max
    if a_min is not None and min is not None or a_max is not None and max is not None:
        raise ValueError("Passing `min` or `max` keyword argument when `a_min` and `a_max` "
                         "are provided is forbidden.")
    x = a
    if lo is None and hi is None:
        r = _a(a)
        return U.positive(r, out=out) if r.dtype is not T.BOOL else (
            write_out(out, r._value()) if out is not None else wrap(C.copy(r._value()), r._dt))
    (vx, vlo, vhi), d = promote_operands(x, lo, hi)
    r = vx
    if vlo is not None:
        r = C.where(C.isnan(vlo), vlo, C.maximum(r, vlo)) if d.kind == "f" else \
            (C.maximum(r, vlo) if d is not T.BOOL else C.logical_or(r, vlo))
    if vhi is not None:
        r = C.where(C.isnan(vhi), vhi, C.minimum(r, vhi)) if d.kind == "f" else \
            (C.minimum(r, vhi) if d is not T.BOOL else C.logical_and(r, vhi))
    if out is not None:
        return write_out(out, r, kwargs.get("casting", "same_kind"))
    return result(r, d)


class ndindex:
    """An N-dimensional index iterator (C order)."""

    def __init__(self, *shape):
        if len(shape) == 1 and isinstance(shape[0], tuple):
            shape = shape[0]
        self._shape = tuple(operator.index(n) for n in shape)

    def __iter__(self):
        import itertools

        return itertools.product(*(range(n) for n in self._shape))

    def __next__(self):
        raise TypeError("use iter(ndindex(...))")


def ndenumerate(arr):
    x = _a(arr)
    host = C.to_numpy(x._value())
    from ._scalars import make

    for idx in ndindex(x.shape):
        yield idx, make(x.dtype, host[idx].item())
