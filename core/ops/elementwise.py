"""Elementwise functions (the Array API set plus the extras frontends need).

Binary ops promote within a kind by the core lattice (dtypes.PROMOTION);
Python scalars are weak. Mixed int/float operands are left to frontends.
Transcendental functions are specified for floating (and complex) inputs;
integer inputs are left to the frontends, which cast first.
Gradient rules follow torch's conventions (conj-linear VJPs for complex inputs,
ties of maximum/minimum split in half, clip passing where min <= x <= max).
"""
import builtins
import cmath
import math

from .. import dtypes as D
from ._define import defvjp, family, nondiff, unbroadcast
from .inspection import dtype_of, shape

__all__: list[str] = []
op = family(__name__, __all__)

_SCALARS = (int, float, complex, bool)
_LN2 = math.log(2.0)
_LN10 = math.log(10.0)


def _is_scalar(x):
    """A Python scalar argument (NumPy scalars are arrays here: np.float64 subclasses float)."""
    return type(x) in _SCALARS


def _shape_of(x):
    return shape(x) if not _is_scalar(x) else ()


def _c(x):
    """conj for arrays and Python scalars alike (rules see both)."""
    return x.conjugate() if _is_scalar(x) else conj(x)


def _kind(x):
    """Canonical dtype kind of an array ('b', 'i', 'u', 'f', 'c'); Python scalars by type."""
    if _is_scalar(x):
        return "b" if type(x) is builtins.bool else "i" if type(x) is int else "f" if type(x) is float else "c"
    return dtype_of(x).kind


def _zeros(x):
    from .creation import zeros_like
    return zeros_like(x)


def _sq(x):
    return x * x if _is_scalar(x) else multiply(x, x)


# ------------------------------------------------------------------ arithmetic

add = op("add(x1, x2, /)")
subtract = op("subtract(x1, x2, /)")
multiply = op("multiply(x1, x2, /)")
exp = op("exp(x, /)")
equal = op("equal(x1, x2, /)")

nondiff("equal")


def _add_vjp(g, out, x1, x2):
    return unbroadcast(g, _shape_of(x1)), unbroadcast(g, _shape_of(x2))


def _sub_vjp(g, out, x1, x2):
    return unbroadcast(g, _shape_of(x1)), unbroadcast(negative(g), _shape_of(x2))


def _mul_vjp(g, out, x1, x2):
    return (unbroadcast(multiply(g, _c(x2)), _shape_of(x1)),
            unbroadcast(multiply(g, _c(x1)), _shape_of(x2)))


defvjp("add", _add_vjp)
defvjp("subtract", _sub_vjp)
defvjp("multiply", _mul_vjp)
defvjp("exp", lambda g, out, x: (multiply(g, conj(out)),))

negative = op("negative(x, /)", doc="Integers wrap around (negative of uint8 1 is 255).")
conj = op("conj(x, /)")
defvjp("negative", lambda g, out, x: (negative(g),))
defvjp("conj", lambda g, out, x: (conj(g),))

divide = op("divide(x1, x2, /)", doc="True division; integer inputs are left to frontends (numpy gives float64, torch float32).")
abs = op("abs(x, /)")
sign = op("sign(x, /)", doc="For complex x: x/|x| (0 at 0), as the Array API.")
sqrt = op("sqrt(x, /)")
log = op("log(x, /)")
greater = op("greater(x1, x2, /)")
less = op("less(x1, x2, /)")
logical_not = op("logical_not(x, /)", doc="Non-bool inputs count as true where nonzero (NumPy).")
where = op("where(condition, x1, x2, /)", doc="Python scalars are weak, as in binary ops.")
nondiff("greater", "less", "logical_not", "sign")


def _div_vjp(g, out, x1, x2):
    g1 = divide(g, _c(x2))
    return (unbroadcast(g1, _shape_of(x1)),
            unbroadcast(negative(multiply(g1, conj(out))), _shape_of(x2)))


def _abs_vjp(g, out, x):
    if dtype_of(x).kind == "c":
        # d|z| pulls back g (real) to g * z/|z|
        from .manipulation import astype
        return (multiply(astype(g, dtype_of(x)), sign(x)),)
    return (multiply(g, sign(x)),)


def _where_vjp(g, out, c, x1, x2):
    z = _zeros(g)
    return (None, unbroadcast(where(c, g, z), _shape_of(x1)), unbroadcast(where(c, z, g), _shape_of(x2)))


defvjp("divide", _div_vjp)
defvjp("abs", _abs_vjp)
defvjp("sqrt", lambda g, out, x: (divide(g, multiply(2, conj(out))),))
defvjp("log", lambda g, out, x: (divide(g, conj(x)),))
defvjp("where", _where_vjp)

pow = op("pow(x1, x2, /)", doc="Integer bases need non-negative integer exponents (NumPy raises otherwise).")
floor_divide = op("floor_divide(x1, x2, /)", doc="Python // semantics (rounds toward -inf).")
remainder = op("remainder(x1, x2, /)", doc="Python % semantics: the result has the sign of x2.")
fmod = op("fmod(x1, x2, /)", doc="C fmod: the result has the sign of x1.")
maximum = op("maximum(x1, x2, /)", doc="NaN-propagating. Gradient: ties split in half (torch).")
minimum = op("minimum(x1, x2, /)", doc="NaN-propagating. Gradient: ties split in half (torch).")
fmax = op("fmax(x1, x2, /)", doc="NaN-ignoring maximum. Gradient: ties go to x1 (torch).")
fmin = op("fmin(x1, x2, /)", doc="NaN-ignoring minimum. Gradient: ties go to x1 (torch).")
clip = op("clip(x, /, min=None, max=None)",
          doc="min/max: None, Python scalars or arrays broadcastable with x. "
              "Gradient flows to x where min <= x <= max (torch).")
nondiff("floor_divide")


def _log_scalar(v):
    if v == 0:
        return float("-inf")
    if isinstance(v, complex) or v < 0:
        return cmath.log(v)
    return math.log(v)


def _pow_vjp(g, out, x1, x2):
    g1 = g2 = None
    if not _is_scalar(x1):
        if _is_scalar(x2):
            if x2 == 0:
                g1 = _zeros(g)
            else:
                g1 = multiply(g, _c(multiply(x2, pow(x1, x2 - 1))))
        else:
            d = multiply(x2, pow(x1, subtract(x2, 1)))
            d = where(equal(x2, 0), 0, d)
            g1 = unbroadcast(multiply(g, _c(d)), _shape_of(x1))
    if not _is_scalar(x2):
        if _is_scalar(x1):
            d = multiply(out, _log_scalar(x1)) if x1 != 0 else _zeros(out)
        else:
            d = multiply(out, log(x1))
            x2r = real(x2) if _kind(x2) == "c" else x2
            d = where(logical_and(equal(x1, 0), greater_equal(x2r, 0)), 0, d)
        g2 = unbroadcast(multiply(g, _c(d)), _shape_of(x2))
    return g1, g2


def _remainder_vjp(g, out, x1, x2):
    g2 = None if _is_scalar(x2) else unbroadcast(negative(multiply(g, floor_divide(x1, x2))), _shape_of(x2))
    return unbroadcast(g, _shape_of(x1)), g2


def _fmod_vjp(g, out, x1, x2):
    g2 = None if _is_scalar(x2) else unbroadcast(negative(multiply(g, trunc(divide(x1, x2)))), _shape_of(x2))
    return unbroadcast(g, _shape_of(x1)), g2


def _half(g):
    return multiply(g, 0.5)


def _maximum_vjp(g, out, x1, x2):
    tie = equal(x1, x2)
    h = _half(g)
    g1 = None if _is_scalar(x1) else unbroadcast(where(less(x1, x2), 0, where(tie, h, g)), _shape_of(x1))
    g2 = None if _is_scalar(x2) else unbroadcast(where(greater(x1, x2), 0, where(tie, h, g)), _shape_of(x2))
    return g1, g2


def _minimum_vjp(g, out, x1, x2):
    tie = equal(x1, x2)
    h = _half(g)
    g1 = None if _is_scalar(x1) else unbroadcast(where(greater(x1, x2), 0, where(tie, h, g)), _shape_of(x1))
    g2 = None if _is_scalar(x2) else unbroadcast(where(less(x1, x2), 0, where(tie, h, g)), _shape_of(x2))
    return g1, g2


def _fmax_vjp(g, out, x1, x2):
    to1 = logical_or(greater_equal(x1, x2), isnan(x2))
    return (unbroadcast(where(to1, g, 0), _shape_of(x1)),
            unbroadcast(where(to1, 0, g), _shape_of(x2)))


def _fmin_vjp(g, out, x1, x2):
    to1 = logical_or(less_equal(x1, x2), isnan(x2))
    return (unbroadcast(where(to1, g, 0), _shape_of(x1)),
            unbroadcast(where(to1, 0, g), _shape_of(x2)))


def _clip_vjp(g, out, x, lo, hi):
    inside = None
    glo = ghi = None
    if lo is not None:
        ge = greater_equal(x, lo)
        inside = ge
        if not _is_scalar(lo):
            glo = unbroadcast(where(ge, 0, g), _shape_of(lo))
    if hi is not None:
        le = less_equal(x, hi)
        inside = le if inside is None else logical_and(inside, le)
        if not _is_scalar(hi):
            ghi = unbroadcast(where(le, 0, g), _shape_of(hi))
    gx = g if inside is None else where(inside, g, 0)
    return unbroadcast(gx, _shape_of(x)), glo, ghi


defvjp("pow", _pow_vjp)
defvjp("remainder", _remainder_vjp)
defvjp("fmod", _fmod_vjp)
defvjp("maximum", _maximum_vjp)
defvjp("minimum", _minimum_vjp)
defvjp("fmax", _fmax_vjp)
defvjp("fmin", _fmin_vjp)
defvjp("clip", _clip_vjp)


def _positive(x):
    return x


def _square(x):
    return multiply(x, x)


def _reciprocal(x):
    return divide(1.0, x)


positive = op("positive(x, /)", _positive)
square = op("square(x, /)", _square)
reciprocal = op("reciprocal(x, /)", _reciprocal, doc="1/x for floating x.")

# ------------------------------------------------------------------ rounding

round = op("round(x, /, *, decimals=0)",
           doc="Half to even. decimals: NumPy's np.round (negative rounds to tens, ...); "
               "complex rounds both parts; integers are returned as they are unless decimals < 0.")
floor = op("floor(x, /)", doc="Integer and bool inputs are returned unchanged (same dtype).")
ceil = op("ceil(x, /)", doc="Integer and bool inputs are returned unchanged (same dtype).")
trunc = op("trunc(x, /)", doc="Integer and bool inputs are returned unchanged (same dtype).")
nondiff("round", "floor", "ceil", "trunc")

# ------------------------------------------------------------------ exponentials and logs

expm1 = op("expm1(x, /)")
exp2 = op("exp2(x, /)")
log1p = op("log1p(x, /)")
log2 = op("log2(x, /)")
log10 = op("log10(x, /)")
logaddexp = op("logaddexp(x1, x2, /)")
logaddexp2 = op("logaddexp2(x1, x2, /)")
cbrt = op("cbrt(x, /)", doc="Real cube root (negative for negative x).")

defvjp("expm1", lambda g, out, x: (multiply(g, _c(add(out, 1))),))
defvjp("exp2", lambda g, out, x: (multiply(g, _c(multiply(out, _LN2))),))
defvjp("log1p", lambda g, out, x: (divide(g, _c(add(x, 1))),))
defvjp("log2", lambda g, out, x: (divide(g, _c(multiply(x, _LN2))),))
defvjp("log10", lambda g, out, x: (divide(g, _c(multiply(x, _LN10))),))
defvjp("cbrt", lambda g, out, x: (divide(g, multiply(3, multiply(out, out))),))


def _logaddexp_vjp(g, out, x1, x2):
    g1 = None if _is_scalar(x1) else unbroadcast(multiply(g, exp(subtract(x1, out))), _shape_of(x1))
    g2 = None if _is_scalar(x2) else unbroadcast(multiply(g, exp(subtract(x2, out))), _shape_of(x2))
    return g1, g2


def _logaddexp2_vjp(g, out, x1, x2):
    g1 = None if _is_scalar(x1) else unbroadcast(multiply(g, exp2(subtract(x1, out))), _shape_of(x1))
    g2 = None if _is_scalar(x2) else unbroadcast(multiply(g, exp2(subtract(x2, out))), _shape_of(x2))
    return g1, g2


defvjp("logaddexp", _logaddexp_vjp)
defvjp("logaddexp2", _logaddexp2_vjp)


def _rsqrt(x):
    return divide(1.0, sqrt(x))


rsqrt = op("rsqrt(x, /)", _rsqrt)

# ------------------------------------------------------------------ trigonometric and hyperbolic

sin = op("sin(x, /)")
cos = op("cos(x, /)")
tan = op("tan(x, /)")
asin = op("asin(x, /)")
acos = op("acos(x, /)")
atan = op("atan(x, /)")
atan2 = op("atan2(x1, x2, /)", doc="Real floating inputs.")
sinh = op("sinh(x, /)")
cosh = op("cosh(x, /)")
tanh = op("tanh(x, /)")
asinh = op("asinh(x, /)")
acosh = op("acosh(x, /)")
atanh = op("atanh(x, /)")
hypot = op("hypot(x1, x2, /)", doc="sqrt(x1**2 + x2**2) without undue overflow.")

defvjp("sin", lambda g, out, x: (multiply(g, conj(cos(x))),))
defvjp("cos", lambda g, out, x: (negative(multiply(g, conj(sin(x)))),))
defvjp("tan", lambda g, out, x: (multiply(g, conj(add(1, multiply(out, out)))),))
defvjp("asin", lambda g, out, x: (divide(g, conj(sqrt(subtract(1, multiply(x, x))))),))
defvjp("acos", lambda g, out, x: (negative(divide(g, conj(sqrt(subtract(1, multiply(x, x)))))),))
defvjp("atan", lambda g, out, x: (divide(g, conj(add(1, multiply(x, x)))),))
defvjp("sinh", lambda g, out, x: (multiply(g, conj(cosh(x))),))
defvjp("cosh", lambda g, out, x: (multiply(g, conj(sinh(x))),))
defvjp("tanh", lambda g, out, x: (multiply(g, conj(subtract(1, multiply(out, out)))),))
defvjp("asinh", lambda g, out, x: (divide(g, conj(sqrt(add(multiply(x, x), 1)))),))
defvjp("acosh", lambda g, out, x: (divide(g, conj(multiply(sqrt(subtract(x, 1)), sqrt(add(x, 1))))),))
defvjp("atanh", lambda g, out, x: (divide(g, conj(subtract(1, multiply(x, x)))),))


def _atan2_vjp(g, out, x1, x2):
    den = add(_sq(x1), _sq(x2))
    g1 = None if _is_scalar(x1) else unbroadcast(multiply(g, divide(x2, den)), _shape_of(x1))
    g2 = None if _is_scalar(x2) else unbroadcast(negative(multiply(g, divide(x1, den))), _shape_of(x2))
    return g1, g2


def _hypot_vjp(g, out, x1, x2):
    q = divide(g, out)
    g1 = None if _is_scalar(x1) else unbroadcast(multiply(q, x1), _shape_of(x1))
    g2 = None if _is_scalar(x2) else unbroadcast(multiply(q, x2), _shape_of(x2))
    return g1, g2


defvjp("atan2", _atan2_vjp)
defvjp("hypot", _hypot_vjp)


def _deg2rad(x):
    return multiply(x, math.pi / 180.0)


def _rad2deg(x):
    return multiply(x, 180.0 / math.pi)


deg2rad = op("deg2rad(x, /)", _deg2rad)
rad2deg = op("rad2deg(x, /)", _rad2deg)

# ------------------------------------------------------------------ comparisons and logic

not_equal = op("not_equal(x1, x2, /)")
greater_equal = op("greater_equal(x1, x2, /)")
less_equal = op("less_equal(x1, x2, /)")
logical_and = op("logical_and(x1, x2, /)", doc="Non-bool inputs count as true where nonzero (NumPy).")
logical_or = op("logical_or(x1, x2, /)", doc="Non-bool inputs count as true where nonzero (NumPy).")
logical_xor = op("logical_xor(x1, x2, /)", doc="Non-bool inputs count as true where nonzero (NumPy).")
isfinite = op("isfinite(x, /)")
isinf = op("isinf(x, /)")
isnan = op("isnan(x, /)")
signbit = op("signbit(x, /)", doc="True where the sign bit is set (-0.0 and -nan included).")
nondiff("not_equal", "greater_equal", "less_equal", "logical_and", "logical_or", "logical_xor",
        "isfinite", "isinf", "isnan", "signbit")


def _isclose(a, b, rtol, atol, equal_nan):
    from .manipulation import astype
    if not _is_scalar(a) and dtype_of(a).kind not in "fc":
        a = astype(a, D.float64)
    if not _is_scalar(b) and dtype_of(b).kind not in "fc":
        b = astype(b, D.float64)
    close = less_equal(abs(subtract(a, b)), add(atol, multiply(rtol, abs(b))))
    res = logical_or(equal(a, b), logical_and(close, isfinite(b)))
    if equal_nan:
        res = logical_or(res, logical_and(isnan(a), isnan(b)))
    return res


def _isreal(x):
    if _kind(x) == "c":
        return equal(imag(x), 0)
    from .creation import full_like
    return full_like(x, True, dtype=D.bool)


def _iscomplex(x):
    if _kind(x) == "c":
        return not_equal(imag(x), 0)
    from .creation import full_like
    return full_like(x, False, dtype=D.bool)


isclose = op("isclose(a, b, *, rtol=1e-05, atol=1e-08, equal_nan=False)", _isclose,
             doc="NumPy's: |a - b| <= atol + rtol * |b| (not symmetric); infinities close "
                 "only to themselves. Integer inputs are compared in float64.")
isreal = op("isreal(x, /)", _isreal, doc="imag(x) == 0 (all true for real dtypes).")
iscomplex = op("iscomplex(x, /)", _iscomplex, doc="imag(x) != 0 (all false for real dtypes).")

# ------------------------------------------------------------------ bitwise

bitwise_and = op("bitwise_and(x1, x2, /)")
bitwise_or = op("bitwise_or(x1, x2, /)")
bitwise_xor = op("bitwise_xor(x1, x2, /)")
bitwise_invert = op("bitwise_invert(x, /)")
bitwise_left_shift = op("bitwise_left_shift(x1, x2, /)", doc="Shift amounts must lie in [0, bits).")
bitwise_right_shift = op("bitwise_right_shift(x1, x2, /)",
                         doc="Arithmetic for signed integers. Shift amounts must lie in [0, bits).")
gcd = op("gcd(x1, x2, /)")
lcm = op("lcm(x1, x2, /)")
nondiff("bitwise_and", "bitwise_or", "bitwise_xor", "bitwise_invert", "bitwise_left_shift",
        "bitwise_right_shift", "gcd", "lcm")

# ------------------------------------------------------------------ complex parts

real = op("real(x, /)", doc="Real inputs are returned unchanged.")
imag = op("imag(x, /)", doc="Real inputs give zeros of their dtype.")


def _real_vjp(g, out, x):
    if dtype_of(x).kind == "c":
        from .manipulation import astype
        return (astype(g, dtype_of(x)),)
    return (g,)


def _imag_vjp(g, out, x):
    if dtype_of(x).kind == "c":
        from .manipulation import astype
        return (multiply(astype(g, dtype_of(x)), 1j),)
    return (_zeros(g),)


defvjp("real", _real_vjp)
defvjp("imag", _imag_vjp)


def _angle(x, deg):
    r = atan2(imag(x), real(x))
    return multiply(r, 180.0 / math.pi) if deg else r


angle = op("angle(x, /, *, deg=False)", _angle, doc="Argument of complex x (0 or pi for real x).")

# ------------------------------------------------------------------ floating-point manipulation

copysign = op("copysign(x1, x2, /)")
nextafter = op("nextafter(x1, x2, /)")
frexp = op("frexp(x, /)", doc="(mantissa, exponent) with 0.5 <= |mantissa| < 1 and exponent int32 (NumPy).")
nan_to_num = op("nan_to_num(x, *, nan=0.0, posinf=None, neginf=None)",
                doc="posinf/neginf default to the dtype's largest/lowest finite values; complex "
                    "inputs are treated part by part; integer inputs are returned unchanged.")
nondiff("nextafter")


def _copysign_vjp(g, out, x1, x2):
    d = where(equal(x1, 0), 0, divide(out, x1))
    return unbroadcast(multiply(g, d), _shape_of(x1)), None


def _frexp_vjp(g, out, x):
    return (ldexp(g[0], negative(out[1])),)


def _nan_to_num_vjp(g, out, x, nan, posinf, neginf):
    return (where(isfinite(x), g, 0), None, None, None)


defvjp("copysign", _copysign_vjp)
defvjp("frexp", _frexp_vjp)
defvjp("nan_to_num", _nan_to_num_vjp)


def _ldexp(x1, x2):
    if _is_scalar(x2):
        return multiply(x1, 2.0 ** x2)
    from .manipulation import astype
    dt = D.float64 if _is_scalar(x1) else dtype_of(x1)
    return multiply(x1, exp2(astype(x2, dt)))


def _float_power(x1, x2):
    from .manipulation import astype
    cplx = _kind(x1) == "c" or _kind(x2) == "c"
    dt = D.complex128 if cplx else D.float64

    def up(v):
        if _is_scalar(v):
            return complex(v) if cplx else float(v)
        return v if dtype_of(v) is dt else astype(v, dt)
    return pow(up(x1), up(x2))


def _heaviside(x1, x2):
    if _is_scalar(x2):
        from .creation import full_like
        x2 = full_like(x1, x2)
    return where(isnan(x1), x1, where(less(x1, 0), 0, where(greater(x1, 0), 1, x2)))


ldexp = op("ldexp(x1, x2, /)", _ldexp, doc="x1 * 2**x2 for integer x2; the result has x1's dtype.")
float_power = op("float_power(x1, x2, /)", _float_power,
                 doc="pow computed in float64 (complex128 when an input is complex).")
heaviside = op("heaviside(x1, x2, /)", _heaviside, doc="0 where x1 < 0, x2 where x1 == 0, 1 where x1 > 0.")
