import operator

import tensorflow as tf

from ...core.ops.manipulation import _axes, _axis, _common_dtype, _int_or_none, _is_partition, _split_bounds
from ._base import DTYPES, FROM, nd

_SHAPE_ERRORS = (tf.errors.InvalidArgumentError, tf.errors.UnimplementedError)


def _err(op, e):
    """A native shape/axis error as the core's ValueError (None: leave it, e.g. a dtype error)."""
    msg = str(e)
    if "OpKernel" in msg or "not in list" in msg or "data type is not supported" in msg:
        return None
    return ValueError(f"unify.core.{op}: {msg[:300]}")


def _joined(arrays):
    """The tensors, cast to their common dtype when they differ (TensorFlow never promotes)."""
    arrays = list(arrays)
    if not len(arrays):
        raise ValueError("unify.core: need at least one array to concatenate or stack")
    d0 = arrays[0].dtype
    if all(a.dtype == d0 for a in arrays):
        return arrays
    t = DTYPES[_common_dtype([FROM[a.dtype] for a in arrays])]
    return [tf.cast(a, t) for a in arrays]


def astype(x, dtype, copy, device):
    t = nd(dtype, "astype")
    if x.dtype == t:
        return tf.identity(x) if copy else x
    if x.dtype.is_complex and not t.is_complex:
        if t == tf.bool:
            return tf.not_equal(x, tf.zeros((), x.dtype))
        x = tf.math.real(x)
    return tf.cast(x, t)


def reshape(x, shape, copy):
    if _int_or_none(shape) is not None:
        shape = [shape]
    try:
        return tf.reshape(x, shape)
    except _SHAPE_ERRORS as e:
        raise _err("reshape", e) or e


def broadcast_to(x, shape):
    try:
        return tf.broadcast_to(x, shape)
    except _SHAPE_ERRORS as e:
        raise _err("broadcast_to", e) or e


def expand_dims(x, axis):
    n = len(x.shape)
    k = _int_or_none(axis)
    if k is not None:
        return tf.expand_dims(x, _axis(k, n + 1, "expand_dims"))
    for a in sorted(_axes(axis, n + len(axis), "expand_dims")):
        x = tf.expand_dims(x, a)
    return x


def squeeze(x, axis):
    if axis is None:
        return tf.squeeze(x)
    s = x.shape
    axes = _axes(axis, len(s), "squeeze")
    for a in axes:
        if s[a] != 1:
            raise ValueError(f"unify.core.squeeze: cannot squeeze axis {a} of size {s[a]} (not 1)")
    return tf.squeeze(x, axes) if axes else x


def permute_dims(x, axes):
    n = len(x.shape)
    axes = tuple(axes)
    if len(axes) != n:
        raise ValueError(f"unify.core.permute_dims: axes {axes} do not match an array of dimension {n}")
    return tf.transpose(x, _axes(axes, n, "permute_dims"))


def concat(arrays, axis):
    arrays = _joined(arrays)
    if axis is None:
        return tf.concat([tf.reshape(a, [-1]) for a in arrays], 0)
    n = len(arrays[0].shape)
    if n == 0:
        raise ValueError("unify.core.concat: zero-dimensional arrays cannot be concatenated")
    ax = _axis(axis, n, "concat")
    try:
        return tf.concat(arrays, ax)
    except _SHAPE_ERRORS as e:
        raise _err("concat", e) or e


def stack(arrays, axis):
    arrays = _joined(arrays)
    ax = _axis(axis, len(arrays[0].shape) + 1, "stack")
    try:
        return tf.stack(arrays, ax)
    except (ValueError, *_SHAPE_ERRORS) as e:
        raise _err("stack", e) or e


def flip(x, axis):
    axes = _axes(axis, len(x.shape), "flip")
    return tf.reverse(x, axes) if axes else x


def roll(x, shift, axis):
    if axis is None:
        k = _int_or_none(shift)
        k = k if k is not None else sum(operator.index(s) for s in shift)
        return tf.reshape(tf.roll(tf.reshape(x, [-1]), k, 0), tf.shape(x))
    k = _int_or_none(shift)
    shifts = [k] if k is not None else [operator.index(s) for s in shift]
    axes = list(_axes(axis, len(x.shape), "roll", unique=False))
    if len(shifts) == 1:
        shifts = shifts * len(axes)
    elif len(axes) == 1:
        axes = axes * len(shifts)
    if len(shifts) != len(axes):
        raise ValueError(f"unify.core.roll: shift and axis must broadcast ({shift!r}, {axis!r})")
    return tf.roll(x, shifts, axes)


def repeat(x, repeats, axis):
    if axis is not None:
        axis = _axis(axis, max(len(x.shape), 1), "repeat")
        if not x.shape:
            x = tf.reshape(x, [1])
    k = _int_or_none(repeats)
    if k is None:
        repeats = tf.cast(tf.convert_to_tensor(repeats), tf.int64)
        if repeats.shape.rank != 1:
            raise ValueError("unify.core.repeat: repeats must be an int or a 1-d array")
        n = tf.size(x) if axis is None else x.shape[axis]
        if repeats.shape[0] == 1 and n != 1:
            repeats = tf.broadcast_to(repeats, [n])
        if tf.reduce_any(tf.less(repeats, 0)):
            raise ValueError("unify.core.repeat: negative repeats")
    elif k < 0:
        raise ValueError("unify.core.repeat: negative repeats")
    if x.shape.num_elements() == 0:  # tf.repeat fails on some empty inputs: build the result
        if axis is None:
            return tf.zeros([0], x.dtype)
        out = list(x.shape)
        out[axis] = out[axis] * k if k is not None else int(tf.reduce_sum(repeats))
        return tf.zeros(out, x.dtype)
    if x.dtype == tf.uint16:  # no Tile kernel for uint16: repeat the int16 bit pattern
        return tf.bitcast(tf.repeat(tf.bitcast(x, tf.int16), repeats, axis), tf.uint16)
    try:
        return tf.repeat(x, repeats, axis)
    except _SHAPE_ERRORS as e:
        raise _err("repeat", e) or e


def diagonal(x, offset, axis1, axis2):
    n = len(x.shape)
    a1, a2 = _axis(axis1, n, "diagonal"), _axis(axis2, n, "diagonal")
    if a1 == a2:
        raise ValueError("unify.core.diagonal: axis1 and axis2 cannot be the same")
    rest = [i for i in range(n) if i not in (a1, a2)]
    if rest + [a1, a2] != list(range(n)):
        x = tf.transpose(x, rest + [a1, a2])
    r, c = x.shape[-2], x.shape[-1]
    length = max(0, min(r + min(offset, 0), c - max(offset, 0)))
    if length == 0:
        return tf.zeros(list(x.shape[:-2]) + [0], x.dtype)
    return tf.linalg.diag_part(x, k=offset)


def unstack(x, axis):
    ax = _axis(axis, len(x.shape), "unstack")
    return tuple(tf.unstack(x, axis=ax))


def array_split(x, indices_or_sections, axis):
    ax = _axis(axis, len(x.shape), "array_split")
    n = x.shape[ax]
    bounds = _split_bounds(n, indices_or_sections)
    if _is_partition(bounds, n):
        return tf.split(x, [b - a for a, b in bounds], ax)
    pre = (slice(None),) * ax
    return [x[pre + (slice(a, b),)] for a, b in bounds]
