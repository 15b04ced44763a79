import tensorflow as tf

from ._base import nd


def astype(x, dtype, copy, device):
    t = nd(dtype, "astype")
    if x.dtype == t:
        return tf.identity(x) if copy else x
    if x.dtype.is_complex and not t.is_complex:
        x = tf.math.real(x)
    return tf.cast(x, t)


def reshape(x, shape, copy):
    return tf.reshape(x, shape)


def broadcast_to(x, shape):
    return tf.broadcast_to(x, shape)


def expand_dims(x, axis):
    if isinstance(axis, int):
        return tf.expand_dims(x, axis)
    n = len(x.shape) + len(axis)
    for a in sorted(a % n for a in axis):
        x = tf.expand_dims(x, a)
    return x


def squeeze(x, axis):
    return tf.squeeze(x, axis)


def permute_dims(x, axes):
    return tf.transpose(x, axes)


def concat(arrays, axis):
    if axis is None:
        return tf.concat([tf.reshape(a, [-1]) for a in arrays], 0)
    return tf.concat(list(arrays), axis)


def stack(arrays, axis):
    return tf.stack(list(arrays), axis)
