import tensorflow as tf

from ...core.ops.reduction import _norm_axis
from ...core.ops.searching import TopKResult as _TopK
from ...core.ops.searching import UniqueAllResult as _UAll
from ...core.ops.searching import UniqueCountsResult as _UCounts
from ...core.ops.searching import UniqueInverseResult as _UInverse
from ._base import FROM, promote
from .reduction import _BITS, _key, _truthy


def _unsupported(name, d):
    return TypeError(f"unify.core.{name}: dtype {FROM[d].name} is not supported by the tensorflow backend")


def _sortable(x, name):
    """Order keys: exact for subnormal floats (TF compares them as zero), bool as uint8."""
    if x.dtype.is_complex:
        raise _unsupported(name, x.dtype)
    return _key(x)


def _dir(descending):
    return "DESCENDING" if descending else "ASCENDING"


def _argsort(x, ax, descending, stable):
    return tf.cast(tf.argsort(_sortable(x, "argsort"), axis=ax, direction=_dir(descending), stable=stable),
                   tf.int64)


def sort(x, axis, descending, stable):
    ax = _norm_axis(axis, x.shape.rank)
    if x.dtype in _BITS:  # sort the keys, gather the values
        y, inv = _last(x, ax)
        idx = tf.argsort(_sortable(y, "sort"), axis=-1, direction=_dir(descending), stable=True)
        r = tf.gather(y, idx, batch_dims=y.shape.rank - 1)
        return r if inv is None else tf.transpose(r, inv)
    r = tf.sort(_sortable(x, "sort"), axis=ax, direction=_dir(descending))
    return tf.cast(r, tf.bool) if x.dtype == tf.bool else r


def argsort(x, axis, descending, stable):
    return _argsort(x, _norm_axis(axis, x.shape.rank), descending, stable)


def _last(x, ax):
    """x with axis ax moved last, and the permutation that moves it back (or None)."""
    rank = x.shape.rank
    if ax == rank - 1:
        return x, None
    perm = [i for i in range(rank) if i != ax] + [ax]
    inv = [0] * rank
    for k, p in enumerate(perm):
        inv[p] = k
    return tf.transpose(x, perm), inv


def topk(x, k, axis, largest, sorted):
    ax = _norm_axis(axis, x.shape.rank)
    n = x.shape[ax]
    if not 0 <= k <= n:
        raise ValueError(f"topk: k={k} out of range for an axis of length {n}")
    y, inv = _last(x, ax)
    key = _sortable(y, "topk")
    if not largest:  # order-reversing keys (no overflow for ints, signed or unsigned)
        key = tf.bitwise.invert(key) if key.dtype.is_integer else -key
    _, idx = tf.math.top_k(key, k, sorted=True)  # ties: lower index first
    idx = tf.cast(idx, tf.int64)
    vals = tf.gather(y, idx, batch_dims=y.shape.rank - 1)
    if inv is not None:
        vals, idx = tf.transpose(vals, inv), tf.transpose(idx, inv)
    return _TopK(vals, idx)


def searchsorted(x1, x2, side, sorter):
    if x1.shape.rank != 1:
        raise ValueError(f"searchsorted: x1 must be 1-D, got {x1.shape.rank}-D")
    if side not in ("left", "right"):
        raise ValueError(f"searchsorted: side must be 'left' or 'right', got {side!r}")
    a, b = promote(x1, x2)
    a, b = _sortable(a, "searchsorted"), _sortable(b, "searchsorted")
    if sorter is not None:
        a = tf.gather(a, sorter)
    r = tf.searchsorted(tf.reshape(a, [1, -1]), tf.reshape(b, [1, -1]), side=side, out_type=tf.int64)
    return tf.reshape(r, tf.shape(b))


def nonzero(x):
    rank = x.shape.rank
    if rank == 0:
        raise ValueError("nonzero of a 0-d array is not allowed; reshape it to 1-d first")
    w = tf.where(_truthy(x))
    return tuple(w[:, i] for i in range(rank))


def argwhere(x):
    if x.shape.rank == 0:
        return tf.where(_truthy(tf.reshape(x, [1])))[:, :0]
    return tf.where(_truthy(x))


def _unique(x):
    """(sorted values, first indices, inverse of x's shape, counts), all indices int64."""
    flat = tf.reshape(x, [-1])
    y, idx, cnt = tf.unique_with_counts(_sortable(flat, "unique"), out_idx=tf.int64)  # on the keys
    perm = tf.argsort(y, stable=True)
    rank = tf.math.invert_permutation(perm)
    inverse = tf.reshape(tf.gather(rank, idx), tf.shape(x))
    counts = tf.cast(tf.gather(cnt, perm), tf.int64)
    n = tf.shape(flat, out_type=tf.int64)[0]
    first = tf.gather(tf.math.unsorted_segment_min(tf.range(n, dtype=tf.int64), idx, tf.shape(y)[0]), perm)
    return tf.gather(flat, first), first, tf.cast(inverse, tf.int64), counts


def unique_all(x):
    return _UAll(*_unique(x))


def unique_counts(x):
    v, _, _, c = _unique(x)
    return _UCounts(v, c)


def unique_inverse(x):
    v, _, inv, _ = _unique(x)
    return _UInverse(v, inv)


def unique_values(x):
    return _unique(x)[0]


def isin(x, test_elements, invert):
    a, b = promote(x, test_elements)
    flat = tf.reshape(b, [-1])
    if a.dtype.is_complex:  # keys of the parts, compared pairwise
        eq = tf.logical_and(tf.equal(tf.expand_dims(_key(tf.math.real(a)), -1), _key(tf.math.real(flat))),
                            tf.equal(tf.expand_dims(_key(tf.math.imag(a)), -1), _key(tf.math.imag(flat))))
        r = tf.reduce_any(eq, axis=-1)
    elif flat.shape[0] == 0:
        r = tf.zeros(tf.shape(a), tf.bool)
    else:
        a_, t = _sortable(a, "isin"), tf.sort(_sortable(flat, "isin"))
        xa = tf.reshape(a_, [1, -1])
        pos = tf.searchsorted(tf.reshape(t, [1, -1]), xa, side="left", out_type=tf.int64)
        pos = tf.minimum(pos, tf.cast(tf.shape(t)[0] - 1, tf.int64))
        r = tf.reshape(tf.equal(tf.gather(t, pos[0]), xa[0]), tf.shape(a))
    return tf.logical_not(r) if invert else r


def bincount(x, weights, minlength):
    if x.shape.rank != 1:
        raise ValueError(f"bincount: x must be 1-D, got {x.shape.rank}-D")
    if not (x.dtype.is_integer or x.dtype == tf.bool) or x.dtype == tf.uint64:
        raise TypeError(f"bincount: x must hold integers (int64-castable), got {x.dtype.name}")
    if minlength < 0:
        raise ValueError("bincount: minlength must be non-negative")
    x64 = tf.cast(x, tf.int64)
    size = x64.shape[0]
    if size and int(tf.reduce_min(x64)) < 0:
        raise ValueError("bincount: x must be non-negative")
    n = max(int(tf.reduce_max(x64)) + 1 if size else 0, minlength)
    if weights is None:
        return tf.math.unsorted_segment_sum(tf.ones_like(x64), x64, n)
    if weights.shape != x.shape:
        raise ValueError("bincount: weights and x must have the same length")
    return tf.math.unsorted_segment_sum(tf.cast(weights, tf.float64), x64, n)
