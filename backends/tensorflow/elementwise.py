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
