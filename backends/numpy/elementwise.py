import numpy as np

add = np.add
subtract = np.subtract
multiply = np.multiply
exp = np.exp
equal = np.equal
negative = np.negative
conj = np.conj
divide = np.divide
abs = np.abs
sqrt = np.sqrt
log = np.log
greater = np.greater
less = np.less
logical_not = np.logical_not
where = np.where

pow = np.power
floor_divide = np.floor_divide
remainder = np.remainder
fmod = np.fmod
maximum = np.maximum
minimum = np.minimum
fmax = np.fmax
fmin = np.fmin

floor = np.floor
ceil = np.ceil
trunc = np.trunc

expm1 = np.expm1
exp2 = np.exp2
log1p = np.log1p
log2 = np.log2
log10 = np.log10
logaddexp = np.logaddexp
logaddexp2 = np.logaddexp2
cbrt = np.cbrt

sin = np.sin
cos = np.cos
tan = np.tan
asin = np.arcsin
acos = np.arccos
atan = np.arctan
atan2 = np.arctan2
sinh = np.sinh
cosh = np.cosh
tanh = np.tanh
asinh = np.arcsinh
acosh = np.arccosh
atanh = np.arctanh
hypot = np.hypot

not_equal = np.not_equal
greater_equal = np.greater_equal
less_equal = np.less_equal
logical_and = np.logical_and
logical_or = np.logical_or
logical_xor = np.logical_xor
isfinite = np.isfinite
isinf = np.isinf
isnan = np.isnan
signbit = np.signbit

bitwise_and = np.bitwise_and
bitwise_or = np.bitwise_or
bitwise_xor = np.bitwise_xor
bitwise_invert = np.invert
bitwise_left_shift = np.left_shift
bitwise_right_shift = np.right_shift
gcd = np.gcd
lcm = np.lcm

real = np.real
copysign = np.copysign
nextafter = np.nextafter
frexp = np.frexp


def imag(x):
    return np.imag(x) if np.iscomplexobj(x) else np.zeros_like(x)


def sign(x):
    if np.iscomplexobj(x):
        a = np.abs(x)
        return np.where(a == 0, 0, x / np.where(a == 0, 1, a)).astype(x.dtype)
    return np.sign(x)


def clip(x, min, max):
    if min is None and max is None:
        return x
    return np.clip(x, min, max)


def round(x, decimals):
    return np.round(x, decimals)


def nan_to_num(x, nan, posinf, neginf):
    return np.nan_to_num(x, nan=nan, posinf=posinf, neginf=neginf)
