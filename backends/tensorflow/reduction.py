import tensorflow as tf

from ...core.ops.reduction import _check_nonempty, _norm_axes, _norm_axis, _scan_axis
from ._base import FROM, nd


# TensorFlow's CPU kernels treat subnormal floats as zero in comparisons (denormals-are-zero):
# order and truth tests of floats go through integer keys of their bits instead.
_BITS = {tf.float16: tf.int16, tf.bfloat16: tf.int16, tf.float32: tf.int32, tf.float64: tf.int64}
_MAG = {tf.int16: 0x7FFF, tf.int32: 0x7FFFFFFF, tf.int64: 0x7FFFFFFFFFFFFFFF}


def _key(x):
    """Integers ordered like x (floats: exact for subnormals; -0.0 ties with 0.0); bool -> uint8."""
    it = _BITS.get(x.dtype)
    if it is None:
        return tf.cast(x, tf.uint8) if x.dtype == tf.bool else x
    b = tf.bitcast(x, it)
    m = tf.bitwise.bitwise_and(b, tf.constant(_MAG[it], it))
    return tf.where(b < 0, -m, m)


def _truthy(x):
    """x != 0 (exact for subnormals)."""
    d = x.dtype
    if d == tf.bool:
        return x
    if d.is_complex:
        return tf.logical_or(_truthy(tf.math.real(x)), _truthy(tf.math.imag(x)))
    if d in _BITS:
        x = _key(x)
    return tf.not_equal(x, tf.zeros((), x.dtype))


def _axes(x, axis):
    """tf axis argument: None (all) or a list of non-negative axes (validated)."""
    return None if axis is None else list(_norm_axes(axis, x.shape.rank))


def _acc(x, dtype):
    if dtype is not None:
        return nd(dtype)
    d = x.dtype
    if d == tf.bool or d.is_integer:
        return tf.uint64 if d.is_unsigned else tf.int64
    return d


def _unsupported(name, d):
    return TypeError(f"unify.core.{name}: dtype {FROM[d].name} is not supported by the tensorflow backend")


def sum(x, axis, dtype, keepdims):
    t = _acc(x, dtype)
    return tf.reduce_sum(tf.cast(x, t), axis=_axes(x, axis), keepdims=keepdims)


def prod(x, axis, dtype, keepdims):
    t = _acc(x, dtype)
    return tf.reduce_prod(tf.cast(x, t), axis=_axes(x, axis), keepdims=keepdims)


def mean(x, axis, keepdims):
    if not (x.dtype.is_floating or x.dtype.is_complex):
        x = tf.cast(x, tf.float64)
    axes = _axes(x, axis)
    r = tf.reduce_mean(x, axis=axes, keepdims=keepdims)
    if x.dtype.is_complex and 0 in [x.shape[a] for a in (range(x.shape.rank) if axes is None else axes)]:
        r = tf.fill(tf.shape(r), tf.constant(complex("nan+nanj"), x.dtype))  # tf gives 0 for 0/0 here
    return r


def _extremum(fn, logical, x, axis, keepdims, name):
    _check_nonempty(tuple(x.shape), axis, name)
    if x.dtype.is_complex:
        raise _unsupported(name, x.dtype)
    if x.dtype == tf.bool:
        return logical(x, axis=_axes(x, axis), keepdims=keepdims)
    return fn(x, axis=_axes(x, axis), keepdims=keepdims)


def max(x, axis, keepdims):
    return _extremum(tf.reduce_max, tf.reduce_any, x, axis, keepdims, "maximum")


def min(x, axis, keepdims):
    return _extremum(tf.reduce_min, tf.reduce_all, x, axis, keepdims, "minimum")


def all(x, axis, keepdims):
    return tf.reduce_all(_truthy(x), axis=_axes(x, axis), keepdims=keepdims)


def any(x, axis, keepdims):
    return tf.reduce_any(_truthy(x), axis=_axes(x, axis), keepdims=keepdims)


def count_nonzero(x, axis, keepdims):
    return tf.reduce_sum(tf.cast(_truthy(x), tf.int64), axis=_axes(x, axis), keepdims=keepdims)


def _arg(fn, x, axis, keepdims, name):
    nd_ = x.shape.rank
    if axis is not None:
        if isinstance(axis, (tuple, list)):
            raise TypeError(f"{name}: axis must be an int or None, got {axis!r}")
        axis = _norm_axis(axis, nd_)
    _check_nonempty(tuple(x.shape), axis, name)
    if x.dtype.is_complex:
        raise _unsupported(name, x.dtype)
    x = _key(x)
    if axis is None:
        r = fn(tf.reshape(x, [-1]), axis=0, output_type=tf.int64)
        return tf.reshape(r, [1] * nd_) if keepdims else r
    r = fn(x, axis=axis, output_type=tf.int64)
    return tf.expand_dims(r, axis) if keepdims else r


def argmax(x, axis, keepdims):
    return _arg(tf.argmax, x, axis, keepdims, "argmax")


def argmin(x, axis, keepdims):
    return _arg(tf.argmin, x, axis, keepdims, "argmin")


def _scan(fn, x, axis, dtype, include_initial, name, init):
    ax = _scan_axis(axis, x.shape.rank, name)
    if x.shape.rank == 0:
        x = tf.reshape(x, [1])
    x = tf.cast(x, _acc(x, dtype))
    r = fn(x, axis=ax)
    if include_initial:
        shape = tf.tensor_scatter_nd_update(tf.shape(r), [[ax]], [1])
        r = tf.concat([tf.fill(shape, tf.constant(init, r.dtype)), r], axis=ax)
    return r


def cumulative_sum(x, axis, dtype, include_initial):
    return _scan(tf.cumsum, x, axis, dtype, include_initial, "cumulative_sum", 0)


def cumulative_prod(x, axis, dtype, include_initial):
    return _scan(tf.math.cumprod, x, axis, dtype, include_initial, "cumulative_prod", 1)


def _cumext(x, axis, name, better):
    # Hillis-Steele scan of (value, index) pairs: a later element wins ties (torch).
    ax = _scan_axis(axis, x.shape.rank, name)
    if x.shape.rank == 0:
        x = tf.reshape(x, [1])
    d = x.dtype
    if d.is_complex:
        raise _unsupported(name, d)
    rank = x.shape.rank
    perm = None
    if ax != rank - 1:
        perm = [i for i in range(rank) if i != ax] + [ax]
        x = tf.transpose(x, perm)
    v, k = x, _key(x)  # compare keys, carry values
    n = x.shape[-1]
    i = tf.broadcast_to(tf.range(n, dtype=tf.int64), tf.shape(k))
    s = 1
    while s < n:
        pv = tf.concat([v[..., :s], v[..., :-s]], axis=-1)
        pk = tf.concat([k[..., :s], k[..., :-s]], axis=-1)
        pi = tf.concat([i[..., :s], i[..., :-s]], axis=-1)
        valid = tf.range(n) >= s
        take = tf.logical_and(better(pk, k), valid)
        v = tf.where(take, pv, v)
        k = tf.where(take, pk, k)
        i = tf.where(take, pi, i)
        s *= 2
    if perm is not None:
        inv = [0] * rank
        for k, p in enumerate(perm):
            inv[p] = k
        v, i = tf.transpose(v, inv), tf.transpose(i, inv)
    return v, i


def cummax(x, axis):
    return _cumext(x, axis, "cummax", tf.greater)


def cummin(x, axis):
    return _cumext(x, axis, "cummin", tf.less)


def _float(x):
    if not (x.dtype.is_floating or x.dtype.is_complex):
        return tf.cast(x, tf.float64)
    return x


def logcumsumexp(x, axis):
    x = _float(x)
    if x.shape.rank == 0:
        return tf.identity(x)
    ax = _norm_axis(axis, x.shape.rank)
    if x.dtype in (tf.float16, tf.bfloat16):
        return tf.cast(tf.math.cumulative_logsumexp(tf.cast(x, tf.float32), axis=ax), x.dtype)
    return tf.math.cumulative_logsumexp(x, axis=ax)


def logsumexp(x, axis, keepdims):
    x = _float(x)
    axes = _axes(x, axis)
    if axes == []:
        return tf.identity(x)
    return tf.reduce_logsumexp(x, axis=axes, keepdims=keepdims)

