"""Indexing on TensorFlow.

tf.Tensor.__getitem__ only does basic indexing, so keys are parsed
(core.ops.indexing._parse_key) and advanced keys become: one strided slice for the
slices, then a gather (one advanced dim) or a transpose + gather_nd (several), then a
reshape that places None dims. Writes use tensor_scatter_nd_update/add on the full
coordinates of x[key]; index_reduce uses unsorted_segment_* on flat positions.

In eager mode with index tensors on the CPU (the usual case) the index arithmetic
(bounds checks, negative indices, mask positions, coordinates) runs in NumPy on the
host and reaches TF as one constant per call, which saves a dozen small TF ops. Inside
tf.function (or with device index tensors) the same is done with TF ops; index arrays
are then not bounds-checked by us and the kernels' own checks apply (CPU raises,
GPU gathers give zeros).
"""
import numpy as np
import tensorflow as tf

from ...core.ops.indexing import _check_reduce, _coords, _fit_values, _parse_key, _plan
from ._base import FROM

_TENSORS = (tf.Tensor, tf.Variable)


def _info(v):
    if isinstance(v, _TENSORS):
        dt = v.dtype
        if dt == tf.bool:
            return "b", tuple(v.shape)
        if dt.is_integer:
            return "i", tuple(v.shape)
        return "f", tuple(v.shape)
    return None


def _on_host(key):
    """Eager, and every index tensor of the key on the CPU."""
    if not tf.executing_eagerly():
        return False
    for e in (key if type(key) is tuple else (key,)):
        if isinstance(e, _TENSORS) and not e.device.endswith("CPU:0"):
            return False
    return True


# -------------------------------------------------- index arithmetic, on the host (NumPy)


def _h_host(a):
    return a.numpy() if isinstance(a, _TENSORS) else np.asarray(a)


def _h_index(a, n, d):
    a = _h_host(a)
    if a.dtype != np.int64:
        a = a.astype(np.int64)
    if a.size:
        lo, hi = int(a.min()), int(a.max())
        if lo < -n or hi >= n:
            raise IndexError(f"index {lo if lo < -n else hi} is out of bounds for axis {d} with size {n}")
        if lo < 0:
            a = np.where(a < 0, a + n, a)
    return a


def _h_nonzero(m):
    cols = np.nonzero(_h_host(m))
    return cols, int(cols[0].shape[0])


def _h_arange(start, step, length):
    return np.arange(start, start + step * length, step, dtype=np.int64)[:length]


class _Host:
    index = staticmethod(_h_index)
    nonzero = staticmethod(_h_nonzero)
    truth = staticmethod(bool)
    arange = staticmethod(_h_arange)
    reshape = staticmethod(np.reshape)
    scalar = staticmethod(np.int64)
    broadcast = staticmethod(np.broadcast_to)
    stack = staticmethod(np.stack)
    convert = staticmethod(lambda a: a)


# -------------------------------------------------- index arithmetic, with TF ops


def _t_index(a, n, d):
    unsigned = a.dtype.is_unsigned
    if a.dtype != tf.int64:
        a = tf.cast(a, tf.int64)
    if unsigned:
        return a
    return tf.where(a < 0, a + n, a)


def _t_nonzero(m):
    w = tf.where(m)
    n = w.shape[0]
    return [w[:, j] for j in range(w.shape[1])], (tf.shape(w, out_type=tf.int64)[0] if n is None else n)


def _static(S):
    return all(type(s) is int for s in S)


def _t_truth(b):
    return b if type(b) is bool else bool(b)


def _t_arange(start, step, length):
    return tf.range(start, start + step * length, step, dtype=tf.int64)[:length]


def _t_scalar(v):
    return tf.constant(v, tf.int64)


class _Graph:
    index = staticmethod(_t_index)
    nonzero = staticmethod(_t_nonzero)
    truth = staticmethod(_t_truth)
    arange = staticmethod(_t_arange)
    reshape = staticmethod(tf.reshape)
    scalar = staticmethod(_t_scalar)
    broadcast = staticmethod(tf.broadcast_to)
    stack = staticmethod(tf.stack)
    convert = staticmethod(tf.constant)


def _parse_plan(x, key, always=False):
    """(parsed key, plan or None when the key has no arrays and not always, index ops)."""
    ops = _Host if _on_host(key) else _Graph
    k = _parse_key(key, tuple(x.shape), _info, ops.convert)
    if not (k.arrays or always):
        return k, None, None
    return k, _plan(k, ops.index, ops.nonzero, ops.truth), ops


def _check_int(x, key):
    shape = x.shape
    if not len(shape):
        raise IndexError("too many indices for array: array is 0-dimensional, but 1 were indexed")
    n = shape[0]
    if key < -n or key >= n:
        raise IndexError(f"index {key} is out of bounds for axis 0 with size {n}")


def _basic(k):
    return tuple(None if it[0] == "n" else it[1] for it in k.items)


def getitem(x, key):
    t = type(key)
    if t is slice or key is None or key is Ellipsis:
        return x[key]
    if t is int:
        _check_int(x, key)
        return x[key]
    k, p, ops = _parse_plan(x, key)
    if p is None:
        return x[_basic(k)]
    if p.empty or x.shape.num_elements() == 0:
        return tf.zeros(p.S, dtype=x.dtype)
    nd = len(x.shape)
    if nd == 0:
        return tf.reshape(x, p.S)
    # 1. the slices, keeping every advanced dim whole
    per_dim = [slice(None)] * nd
    trivial = True
    seen_adv = False
    q = 0  # slice dims before the first advanced index
    bool0 = False
    for it in k.items:
        t = it[0]
        if t == "s":
            if it[1] != slice(None):
                per_dim[it[2]] = it[1]
                trivial = False
            if not seen_adv:
                q += 1
        elif t != "n":
            seen_adv = True
            if t == "m" and it[3] == 0:
                bool0 = True
    y = x if trivial else x[tuple(per_dim)]
    # 2. the advanced dims
    advd = [(d, a) for d, a, _ in p.advs] + [(d, ops.scalar(v)) for d, v in p.ints]
    advd.sort(key=lambda e: e[0])
    if not advd:
        out = y
    elif len(advd) == 1 and not bool0:
        out = tf.gather(y, advd[0][1], axis=advd[0][0])
    else:
        dims = [d for d, _ in advd]
        rest = [d for d in range(nd) if d not in dims]
        perm = dims + rest
        if perm != list(range(nd)):
            y = tf.transpose(y, perm)
        B = tuple(p.B)
        out = tf.gather_nd(y, ops.stack([ops.broadcast(a, B) for _, a in advd], axis=-1))
        if not k.sep and q:
            nb, nr = len(B), len(rest)
            out = tf.transpose(out, list(range(nb, nb + q)) + list(range(nb)) + list(range(nb + q, nb + nr)))
    # 3. None dims (and 0-d bools) by reshape
    if not _static(p.S) or tuple(out.shape) != p.S:
        out = tf.reshape(out, p.S)
    return out


def _values(values, x):
    if isinstance(values, _TENSORS):
        return values if values.dtype == x.dtype else tf.cast(values, x.dtype)
    return tf.constant(np.asarray(values).astype(x.dtype.as_numpy_dtype))


def _sized(v, S):
    s = _fit_values(tuple(v.shape), S)
    if tuple(v.shape) != s:
        v = tf.reshape(v, s)
    return tf.broadcast_to(v, S) if not _static(S) or s != S else v


def _full_coords(x, p, ops):
    """int64 coordinates of shape S + (ndim,) (ndim >= 1)."""
    coords = _coords(p, len(x.shape), ops.arange, ops.reshape, ops.scalar)
    return ops.stack([ops.broadcast(c, p.S) for c in coords], axis=-1)


def _write(x, key, values, add):
    k, p, ops = _parse_plan(x, key, True)
    v = _sized(_values(values, x), p.S)
    if p.empty or x.shape.num_elements() == 0:
        return tf.identity(x)
    if len(x.shape) == 0:  # 0-d: every update goes to the one element
        if add:
            if x.dtype == tf.bool:
                return tf.logical_or(x, tf.reduce_any(v))
            return x + tf.reduce_sum(v)
        return tf.reshape(v, [-1])[-1]
    ind = _full_coords(x, p, ops)
    if not p.S:  # scatter kernels need at least one update dim
        ind, v = ops.reshape(ind, (1, -1)), tf.reshape(v, (1,))
    if not add:
        return tf.tensor_scatter_nd_update(x, ind, v)
    if x.dtype == tf.bool:
        return tf.tensor_scatter_nd_add(tf.cast(x, tf.int32), ind, tf.cast(v, tf.int32)) != 0
    return tf.tensor_scatter_nd_add(x, ind, v)


def index_update(x, key, values):
    return _write(x, key, values, False)


def index_add(x, key, values):
    return _write(x, key, values, True)


_SEGMENT = {"sum": tf.math.unsorted_segment_sum, "prod": tf.math.unsorted_segment_prod,
            "amax": tf.math.unsorted_segment_max, "amin": tf.math.unsorted_segment_min,
            "mean": tf.math.unsorted_segment_sum}


def index_reduce(x, key, values, reduce, include_self):
    _check_reduce(reduce)
    dt = x.dtype
    if reduce in ("amax", "amin") and dt.is_complex:
        raise TypeError(f"unify.core.index_reduce: {reduce} needs a real dtype, got {FROM[dt].name}")
    k, p, ops = _parse_plan(x, key, True)
    v = _sized(_values(values, x), p.S)
    if p.empty or x.shape.num_elements() == 0:
        return tf.identity(x)
    shape = tuple(x.shape)
    nd = len(shape)
    n = 1
    if nd == 0:
        pos = ops.reshape(ops.arange(0, 1, 1) * 0, (1,) * len(p.S))
    else:
        coords = _coords(p, nd, ops.arange, ops.reshape, ops.scalar)
        pos = 0
        for d in range(nd - 1, -1, -1):
            pos = pos + coords[d] * n
            n *= shape[d]
    pos = ops.reshape(ops.broadcast(pos, p.S), (-1,))
    xf = tf.reshape(x, [-1])
    vf = tf.reshape(v, [-1])
    work_dt = dt
    if dt == tf.bool:
        work_dt = tf.int32
        xf, vf = tf.cast(xf, work_dt), tf.cast(vf, work_dt)
    seg = _SEGMENT[reduce](vf, pos, n)
    if ops is _Host:
        cnt = tf.constant(np.bincount(pos, minlength=n))
    else:
        cnt = tf.math.unsorted_segment_sum(tf.ones_like(pos), pos, n)
    touched = cnt > 0
    if reduce == "sum":
        out = xf + seg if include_self else tf.where(touched, seg, xf)
    elif reduce == "prod":
        out = xf * seg if include_self else tf.where(touched, seg, xf)
    elif reduce == "amax":
        out = tf.where(touched, tf.maximum(xf, seg) if include_self else seg, xf)
    elif reduce == "amin":
        out = tf.where(touched, tf.minimum(xf, seg) if include_self else seg, xf)
    else:
        s = xf + seg if include_self else seg
        c = tf.cast(cnt + 1 if include_self else tf.maximum(cnt, 1), work_dt)
        m = tf.math.floordiv(s, c) if work_dt.is_integer else s / c
        out = tf.where(touched, m, xf)
    if out.dtype != dt:
        out = out != 0 if dt == tf.bool else tf.cast(out, dt)
    return tf.reshape(out, shape)
