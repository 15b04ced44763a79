import tensorflow as tf

from ._base import promote


def add(x1, x2):
    return tf.add(*promote(x1, x2)) if x1.dtype != tf.bool else tf.logical_or(*promote(x1, x2))


def subtract(x1, x2):
    return tf.subtract(*promote(x1, x2))


def multiply(x1, x2):
    a, b = promote(x1, x2)
    return tf.logical_and(a, b) if a.dtype == tf.bool else tf.multiply(a, b)


def exp(x):
    return tf.exp(x)


def equal(x1, x2):
    return tf.equal(*promote(x1, x2))


def negative(x):
    return tf.negative(x)


def conj(x):
    return tf.math.conj(x)


def divide(x1, x2):
    return tf.math.truediv(*promote(x1, x2))


def abs(x):
    return tf.abs(x)


def sqrt(x):
    return tf.sqrt(x)


def log(x):
    return tf.math.log(x)


def greater(x1, x2):
    return tf.greater(*promote(x1, x2))


def less(x1, x2):
    return tf.less(*promote(x1, x2))


def logical_not(x):
    return tf.logical_not(x)


def sign(x):
    if x.dtype.is_complex:
        a = tf.cast(tf.abs(x), x.dtype)
        return tf.where(a == 0, tf.zeros_like(x), x / tf.where(a == 0, tf.ones_like(a), a))
    if x.dtype.is_unsigned:
        return tf.cast(x > 0, x.dtype)
    return tf.sign(x)


def where(condition, x1, x2):
    a, b = promote(x1, x2)
    return tf.where(condition, a, b)
