"""Special functions for the TensorFlow backend (tf.math); integer inputs compute in float64."""
import tensorflow as tf


def _fl(x):
    return x if x.dtype.is_floating else tf.cast(x, tf.float64)


def _check_n(n):
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"unify.core.polygamma: n must be a Python int, got {type(n).__name__}")
    if n < 0:
        raise ValueError(f"unify.core.polygamma: n must be >= 0, got {n}")
    return n


def erf(x):
    return tf.math.erf(_fl(x))


def erfc(x):
    return tf.math.erfc(_fl(x))


def erfinv(x):
    return tf.math.erfinv(_fl(x))


def lgamma(x):
    return tf.math.lgamma(_fl(x))


def digamma(x):
    return tf.math.digamma(_fl(x))


def polygamma(n, x):
    n = _check_n(n)
    x = _fl(x)
    if n == 0:
        return tf.math.digamma(x)
    return tf.math.polygamma(tf.constant(float(n), dtype=x.dtype), x)


def i0(x):
    return tf.math.bessel_i0(_fl(x))


def i0e(x):
    return tf.math.bessel_i0e(_fl(x))


def i1(x):
    return tf.math.bessel_i1(_fl(x))


def i1e(x):
    return tf.math.bessel_i1e(_fl(x))


def sigmoid(x):
    return tf.sigmoid(_fl(x))


def ndtri(x):
    return tf.math.ndtri(_fl(x))
