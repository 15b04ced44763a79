"""softmax / log_softmax for the TensorFlow backend; integer inputs give float64."""
import tensorflow as tf

from ...core.ops.manipulation import _axis


def _prep(x, axis, op):
    if not x.dtype.is_floating:
        x = tf.cast(x, tf.float64)
    return x, _axis(axis, max(x.shape.rank, 1), op)


def softmax(x, axis):
    x, a = _prep(x, axis, "softmax")
    if x.shape.rank == 0:
        return tf.reshape(tf.nn.softmax(tf.reshape(x, (1,))), ())
    return tf.nn.softmax(x, axis=a)


def log_softmax(x, axis):
    x, a = _prep(x, axis, "log_softmax")
    if x.shape.rank == 0:
        return tf.reshape(tf.nn.log_softmax(tf.reshape(x, (1,))), ())
    return tf.nn.log_softmax(x, axis=a)
