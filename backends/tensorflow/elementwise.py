import math

import tensorflow as tf

from ...core import dtypes as D
from ._base import FROM, promote

_LN2 = math.log(2.0)
_LN10 = math.log(10.0)
_SIGNED = {tf.uint8: tf.int8, tf.uint16: tf.int16, tf.uint32: tf.int32, tf.uint64: tf.int64}
_INT_OF = {tf.float16: tf.int16, tf.bfloat16: tf.int16, tf.float32: tf.int32, tf.float64: tf.int64}
_HALVES = (tf.float16, tf.bfloat16)


def _real_float(x):
    return x.dtype.is_floating


def _truth(x):
    return x if x.dtype == tf.bool else tf.not_equal(x, tf.zeros([], x.dtype))


def _fill(x, value):
    return tf.fill(tf.shape(x), value)


def _in_float32(fn, *xs):
    """fn computed in float32 for float16/bfloat16 (exact round trip, NumPy computes the same way)."""
    dt = xs[0].dtype
    if dt in _HALVES:
        return tf.cast(fn(*[tf.cast(x, tf.float32) for x in xs]), dt)
    return fn(*xs)


# ------------------------------------------------------------------ arithmetic


def add(x1, x2):
    a, b = promote(x1, x2)
    return tf.logical_or(a, b) if a.dtype == tf.bool else tf.add(a, b)


def subtract(x1, x2):
    return tf.subtract(*promote(x1, x2))


def multiply(x1, x2):
    a, b = promote(x1, x2)
    return tf.logical_and(a, b) if a.dtype == tf.bool else tf.multiply(a, b)


def divide(x1, x2):
    return tf.math.truediv(*promote(x1, x2))


def negative(x):
    if x.dtype.is_unsigned:
        return tf.subtract(tf.zeros_like(x), x)  # wraps around like NumPy
    return tf.negative(x)


def conj(x):
    return tf.math.conj(x)


def abs(x):
    if x.dtype.is_unsigned or x.dtype == tf.bool:
        return x
    return tf.abs(x)


def sign(x):
    if x.dtype.is_complex:
        a = tf.cast(tf.abs(x), x.dtype)
        return tf.where(a == 0, tf.zeros_like(x), x / tf.where(a == 0, tf.ones_like(a), a))
    if x.dtype.is_unsigned:
        return tf.cast(x > 0, x.dtype)
    return tf.sign(x)


def pow(x1, x2):
    a, b = promote(x1, x2)
    if a.dtype.is_unsigned:  # same bits through the signed type of the same width
        s = _SIGNED[a.dtype]
        return tf.bitcast(tf.pow(tf.bitcast(a, s), tf.bitcast(b, s)), a.dtype)
    return tf.pow(a, b)


def _floor_divide_float(a, b):
    # Python's float divmod: exact remainder first, then the quotient from it
    mod = tf.truncatemod(a, b)
    div = (a - mod) / b
    fix = tf.logical_and(mod != 0, tf.not_equal(b < 0, mod < 0))
    div = tf.where(fix, div - 1, div)
    fl = tf.floor(div)
    fl = tf.where(div - fl > 0.5, fl + 1, fl)
    fl = tf.where(div == 0, (a / b) * 0, fl)  # zero with the sign of a / b
    return tf.where(b == 0, a / b, fl)


def floor_divide(x1, x2):
    a, b = promote(x1, x2)
    if a.dtype.is_floating:
        return _in_float32(_floor_divide_float, a, b)
    return tf.math.floordiv(a, b)


def remainder(x1, x2):
    return tf.math.floormod(*promote(x1, x2))


def fmod(x1, x2):
    a, b = promote(x1, x2)
    if a.dtype.is_unsigned:
        return tf.math.floormod(a, b)  # same as fmod for non-negative values
    if a.dtype in (tf.int8, tf.int16):
        return tf.cast(tf.truncatemod(tf.cast(a, tf.int32), tf.cast(b, tf.int32)), a.dtype)
    return _in_float32(tf.truncatemod, a, b)


def maximum(x1, x2):
    a, b = promote(x1, x2)
    return tf.logical_or(a, b) if a.dtype == tf.bool else tf.maximum(a, b)


def minimum(x1, x2):
    a, b = promote(x1, x2)
    return tf.logical_and(a, b) if a.dtype == tf.bool else tf.minimum(a, b)


def fmax(x1, x2):
    a, b = promote(x1, x2)
    if not a.dtype.is_floating:
        return maximum(a, b)
    return tf.where(tf.math.is_nan(b), a, tf.where(tf.math.is_nan(a), b, tf.maximum(a, b)))


def fmin(x1, x2):
    a, b = promote(x1, x2)
    if not a.dtype.is_floating:
        return minimum(a, b)
    return tf.where(tf.math.is_nan(b), a, tf.where(tf.math.is_nan(a), b, tf.minimum(a, b)))


def clip(x, min, max):
    if min is not None:
        x = maximum(x, min)
    if max is not None:
        x = minimum(x, max)
    return x


# ------------------------------------------------------------------ rounding


def floor(x):
    return tf.floor(x) if x.dtype.is_floating else x


def ceil(x):
    return tf.math.ceil(x) if x.dtype.is_floating else x


def trunc(x):
    if not x.dtype.is_floating:
        return x
    return tf.where(x < 0, tf.math.ceil(x), tf.floor(x))


def round(x, decimals):
    if x.dtype.is_complex:
        return tf.complex(round(tf.math.real(x), decimals), round(tf.math.imag(x), decimals))
    if not x.dtype.is_floating:
        if decimals >= 0 or x.dtype == tf.bool:
            return x
        return tf.cast(round(tf.cast(x, tf.float64), decimals), x.dtype)
    if decimals == 0:
        return tf.round(x)  # half to even
    if decimals > 0:
        f = 10.0 ** decimals
        return tf.round(x * f) / f
    f = 10.0 ** -decimals
    return tf.round(x / f) * f


# ------------------------------------------------------------------ exponentials and logs


def exp(x):
    return tf.exp(x)


def sqrt(x):
    if x.dtype.is_complex:
        # TF's short-array kernel ignores the sign of a zero imaginary part on the cut
        # (sqrt(-4 - 0j) gives +2j): evaluate off the cut, sqrt(conj z) == conj sqrt(z)
        neg = signbit(tf.math.imag(x))
        y = tf.sqrt(tf.where(neg, tf.math.conj(x), x))
        return tf.where(neg, tf.math.conj(y), y)
    return tf.sqrt(x)


def log(x):
    return tf.math.log(x)


def expm1(x):
    return tf.math.expm1(x)


def exp2(x):
    return tf.pow(tf.constant(2, x.dtype), x)


def log1p(x):
    return tf.math.log1p(x)


def _log_base(x, ln):
    r = tf.math.log(x)
    if x.dtype.is_complex:  # scale the parts (a complex division would turn -inf into nan)
        return tf.complex(tf.math.real(r) / ln, tf.math.imag(r) / ln)
    return r / tf.constant(ln, x.dtype)


def log2(x):
    return _log_base(x, _LN2)


def log10(x):
    return _log_base(x, _LN10)


def logaddexp(x1, x2):
    a, b = promote(x1, x2)
    m = tf.maximum(a, b)
    r = m + tf.math.log1p(tf.exp(-tf.abs(a - b)))
    return tf.where(a == b, a + tf.constant(_LN2, a.dtype), r)


def logaddexp2(x1, x2):
    a, b = promote(x1, x2)
    m = tf.maximum(a, b)
    r = m + tf.math.log1p(exp2(-tf.abs(a - b))) / tf.constant(_LN2, a.dtype)
    return tf.where(a == b, a + 1, r)


def cbrt(x):
    return tf.sign(x) * tf.pow(tf.abs(x), tf.constant(1.0 / 3.0, x.dtype))


# ------------------------------------------------------------------ trigonometric and hyperbolic

sin = tf.sin
cos = tf.cos
tan = tf.tan
asin = tf.asin
acos = tf.acos
atan = tf.atan
sinh = tf.sinh
cosh = tf.cosh
tanh = tf.tanh
asinh = tf.asinh
acosh = tf.acosh
atanh = tf.atanh


def atan2(x1, x2):
    return tf.atan2(*promote(x1, x2))


def hypot(x1, x2):
    a, b = promote(x1, x2)
    a, b = tf.abs(a), tf.abs(b)
    m = tf.maximum(a, b)
    n = tf.minimum(a, b)
    r = n / tf.where(m == 0, tf.ones_like(m), m)
    out = m * tf.sqrt(1 + r * r)
    return tf.where(tf.math.is_inf(m), m, out)


# ------------------------------------------------------------------ comparisons and logic


def _ordered(x1, x2):
    a, b = promote(x1, x2)
    if a.dtype == tf.bool:
        return tf.cast(a, tf.int8), tf.cast(b, tf.int8)
    return a, b


def equal(x1, x2):
    return tf.equal(*promote(x1, x2))


def not_equal(x1, x2):
    return tf.not_equal(*promote(x1, x2))


def greater(x1, x2):
    return tf.greater(*_ordered(x1, x2))


def less(x1, x2):
    return tf.less(*_ordered(x1, x2))


def greater_equal(x1, x2):
    return tf.greater_equal(*_ordered(x1, x2))


def less_equal(x1, x2):
    return tf.less_equal(*_ordered(x1, x2))


def logical_not(x):
    return tf.logical_not(_truth(x))


def logical_and(x1, x2):
    a, b = promote(x1, x2)
    return tf.logical_and(_truth(a), _truth(b))


def logical_or(x1, x2):
    a, b = promote(x1, x2)
    return tf.logical_or(_truth(a), _truth(b))


def logical_xor(x1, x2):
    a, b = promote(x1, x2)
    return tf.math.logical_xor(_truth(a), _truth(b))


def where(condition, x1, x2):
    a, b = promote(x1, x2)
    return tf.where(condition, a, b)


def isfinite(x):
    if x.dtype.is_floating:
        return tf.math.is_finite(x)
    if x.dtype.is_complex:
        return tf.logical_and(tf.math.is_finite(tf.math.real(x)), tf.math.is_finite(tf.math.imag(x)))
    return _fill(x, True)


def isinf(x):
    if x.dtype.is_floating:
        return tf.math.is_inf(x)
    if x.dtype.is_complex:
        return tf.logical_or(tf.math.is_inf(tf.math.real(x)), tf.math.is_inf(tf.math.imag(x)))
    return _fill(x, False)


def isnan(x):
    if x.dtype.is_floating:
        return tf.math.is_nan(x)
    if x.dtype.is_complex:
        return tf.logical_or(tf.math.is_nan(tf.math.real(x)), tf.math.is_nan(tf.math.imag(x)))
    return _fill(x, False)


def signbit(x):
    if x.dtype.is_floating:
        return tf.bitcast(x, _INT_OF[x.dtype]) < 0
    if x.dtype.is_unsigned or x.dtype == tf.bool:
        return _fill(x, False)
    return x < 0


# ------------------------------------------------------------------ bitwise


def bitwise_and(x1, x2):
    a, b = promote(x1, x2)
    return tf.logical_and(a, b) if a.dtype == tf.bool else tf.bitwise.bitwise_and(a, b)


def bitwise_or(x1, x2):
    a, b = promote(x1, x2)
    return tf.logical_or(a, b) if a.dtype == tf.bool else tf.bitwise.bitwise_or(a, b)


def bitwise_xor(x1, x2):
    a, b = promote(x1, x2)
    return tf.math.logical_xor(a, b) if a.dtype == tf.bool else tf.bitwise.bitwise_xor(a, b)


def bitwise_invert(x):
    return tf.logical_not(x) if x.dtype == tf.bool else tf.bitwise.invert(x)


def bitwise_left_shift(x1, x2):
    return tf.bitwise.left_shift(*promote(x1, x2))


def bitwise_right_shift(x1, x2):
    return tf.bitwise.right_shift(*promote(x1, x2))


def _gcd(a, b):
    shape = tf.broadcast_dynamic_shape(tf.shape(a), tf.shape(b))
    a, b = tf.broadcast_to(abs(a), shape), tf.broadcast_to(abs(b), shape)
    one, zero = tf.ones_like(b), tf.zeros_like(b)

    def body(a, b):
        nz = b != zero
        return tf.where(nz, b, a), tf.where(nz, tf.math.floormod(a, tf.where(nz, b, one)), zero)

    a, _ = tf.while_loop(lambda a, b: tf.reduce_any(b != zero), body, [a, b])
    return a


def gcd(x1, x2):
    return _gcd(*promote(x1, x2))


def lcm(x1, x2):
    a, b = promote(x1, x2)
    g = _gcd(a, b)
    nz = g != tf.zeros_like(g)
    return tf.where(nz, tf.math.floordiv(abs(a), tf.where(nz, g, tf.ones_like(g))) * abs(b), tf.zeros_like(g))


# ------------------------------------------------------------------ complex parts, float bits


def real(x):
    return x if x.dtype == tf.bool else tf.math.real(x)


def imag(x):
    return tf.zeros_like(x) if not x.dtype.is_complex else tf.math.imag(x)


def copysign(x1, x2):
    a, b = promote(x1, x2)
    m = tf.abs(a)
    return tf.where(signbit(b), -m, m)


def _nextafter_bits(a, b):
    it = _INT_OF[a.dtype]
    bits = tf.bitcast(a, it)
    up = tf.not_equal(b > a, a < 0)
    step = tf.bitcast(bits + tf.where(up, tf.ones_like(bits), -tf.ones_like(bits)), a.dtype)
    tiny = tf.bitcast(tf.ones_like(bits), a.dtype)
    step = tf.where(a == 0, tf.where(b > 0, tiny, -tiny), step)
    step = tf.where(a == b, b, step)
    return tf.where(tf.logical_or(tf.math.is_nan(a), tf.math.is_nan(b)), a + b, step)


def nextafter(x1, x2):
    a, b = promote(x1, x2)
    if a.dtype in _HALVES:
        return _nextafter_bits(a, b)
    return tf.math.nextafter(a, b)


_EXP_MASK = 0x7FF << 52
_HALF_EXP = 1022 << 52
# mantissa bits and exponent bias of each float dtype
_FLOAT_BITS = {tf.float16: (10, 15), tf.bfloat16: (7, 127), tf.float32: (23, 127), tf.float64: (52, 1023)}


def _frexp64(d):
    """frexp of float64 values that are normal, zero, inf or nan (bit manipulation, exact)."""
    bits = tf.bitcast(d, tf.int64)
    e = tf.bitwise.bitwise_and(tf.bitwise.right_shift(bits, tf.constant(52, tf.int64)), tf.constant(0x7FF, tf.int64))
    mbits = tf.bitwise.bitwise_or(tf.bitwise.bitwise_and(bits, tf.constant(~_EXP_MASK, tf.int64)),
                                  tf.constant(_HALF_EXP, tf.int64))
    special = tf.logical_or(d == 0, tf.logical_not(tf.math.is_finite(d)))
    m = tf.where(special, d, tf.bitcast(mbits, tf.float64))
    return m, tf.where(special, tf.zeros_like(e), e - 1022)


def frexp(x):
    # TensorFlow flushes subnormals to zero in arithmetic and casts: read them as integers
    p, bias = _FLOAT_BITS[x.dtype]
    it = _INT_OF[x.dtype]
    bits = tf.bitcast(x, it)
    one = tf.ones([], it)
    mant = tf.bitwise.bitwise_and(bits, tf.bitwise.left_shift(one, tf.constant(p, it)) - one)
    sub = tf.logical_and(tf.bitwise.bitwise_and(bits, tf.constant(((1 << (x.dtype.size * 8 - 1)) - 1), it) -
                                                mant) == 0, mant != 0)
    d = tf.where(sub, tf.cast(mant, tf.float64), tf.cast(x, tf.float64))  # subnormal: mant * 2**(1-bias-p)
    m, e = _frexp64(d)
    m = tf.where(tf.logical_and(sub, bits < 0), -m, m)
    e = e + tf.where(sub, tf.constant(1 - bias - p, tf.int64), tf.constant(0, tf.int64))
    return tf.cast(m, x.dtype), tf.cast(e, tf.int32)


def _nan_to_num_real(x, nan, posinf, neginf):
    info = D.finfo(FROM[x.dtype])
    hi = tf.constant(info.max if posinf is None else posinf, x.dtype)
    lo = tf.constant(info.min if neginf is None else neginf, x.dtype)
    x = tf.where(tf.math.is_nan(x), tf.constant(nan, x.dtype), x)
    return tf.where(tf.math.is_inf(x), tf.where(x > 0, hi, lo), x)


def nan_to_num(x, nan, posinf, neginf):
    if x.dtype.is_complex:
        return tf.complex(_nan_to_num_real(tf.math.real(x), nan, posinf, neginf),
                          _nan_to_num_real(tf.math.imag(x), nan, posinf, neginf))
    if x.dtype.is_floating:
        return _nan_to_num_real(x, nan, posinf, neginf)
    return x
