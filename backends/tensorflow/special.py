"""Special functions for the TensorFlow backend (tf.math); integer inputs compute in float64."""
import math

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
    # tf.math.erfinv loses accuracy as |x| -> 1 (inf at 1 - 2^-53); there use
    # erfinv(x) = -sign(x) ndtri((1 - |x|) / 2) / sqrt(2), with 1 - |x| exact
    x = _fl(x)
    a = tf.abs(x)
    tail = a > 0.5
    t = -tf.math.ndtri((1 - tf.where(tail, a, 0.75)) / 2) * (1 / math.sqrt(2.0))
    return tf.where(tail, tf.where(x < 0, -t, t), tf.math.erfinv(x))


def lgamma(x):
    return tf.math.lgamma(_fl(x))


def digamma(x):
    return tf.math.digamma(_fl(x))


def _cot_derivative_poly(n):
    """Integer coefficients (lowest first) of P_n with d^n/du^n cot(u) = P_n(cot(u))."""
    p = [0, 1]
    for _ in range(n):
        d = [k * p[k] for k in range(1, len(p))]
        q = [0] * (len(d) + 2)
        for k, v in enumerate(d):
            q[k] -= v
            q[k + 2] -= v
        p = q
    return p


def polygamma(n, x):
    n = _check_n(n)
    x = _fl(x)
    if n == 0:
        return tf.math.digamma(x)
    # tf.math.polygamma is inaccurate (float32: nan) for x < 0: use the reflection formula
    # psi_n(x) = (-1)^n psi_n(1 - x) - pi^(n+1) P_n(cot(pi x))
    neg = x < 0
    p = tf.math.polygamma(tf.constant(float(n), dtype=x.dtype), tf.where(neg, 1 - x, x))
    r = x - tf.math.round(x)
    pole = tf.equal(r, 0)
    cot = 1 / tf.tan(math.pi * tf.where(pole, tf.constant(0.25, x.dtype), r))
    coefs = _cot_derivative_poly(n)
    s = tf.fill(tf.shape(cot), tf.constant(float(coefs[-1]), x.dtype))
    for a in reversed(coefs[:-1]):
        s = s * cot + a
    refl = (-1) ** n * p - math.pi ** (n + 1) * s
    out = tf.where(neg, refl, p)
    inf = tf.constant((1.0 if n % 2 else -1.0) * math.inf, x.dtype)
    return tf.where(pole & (x <= 0), inf, out)


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
