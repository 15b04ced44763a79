import operator

import torch

from ...core import dtypes as D
from ._base import DTYPES, FROM

conj = torch.conj_physical
exp = torch.exp
sqrt = torch.sqrt
log = torch.log
multiply = operator.mul
equal = operator.eq
not_equal = operator.ne
divide = operator.truediv

expm1 = torch.expm1
exp2 = torch.exp2
log1p = torch.log1p
log2 = torch.log2
log10 = torch.log10
sin = torch.sin
cos = torch.cos
tan = torch.tan
asin = torch.asin
acos = torch.acos
atan = torch.atan
sinh = torch.sinh
cosh = torch.cosh
tanh = torch.tanh
asinh = torch.asinh
acosh = torch.acosh
atanh = torch.atanh
isfinite = torch.isfinite
isinf = torch.isinf
isnan = torch.isnan
signbit = torch.signbit

# ------------------------------------------------------------------ helpers

_Tensor = torch.Tensor
_LIM = frozenset((torch.uint16, torch.uint32, torch.uint64))  # few kernels in torch
_SIGNED = {torch.uint16: torch.int16, torch.uint32: torch.int32, torch.uint64: torch.int64}
_WIDE = {torch.uint16: torch.int32, torch.uint32: torch.int64}
_ERR = (RuntimeError, NotImplementedError, TypeError)
_DEFAULT = {bool: D.bool, int: D.int64, float: D.float64, complex: D.complex128}


def _t(v, like):
    """Python scalar `v` as a 0-d tensor of the dtype it takes next to tensor `like` (weak)."""
    return torch.tensor(v, dtype=DTYPES[D.scalar_kind_dtype(v, FROM[like.dtype])], device=like.device)


def _pair(a, b):
    """Two tensors (Python scalars made weak); limited uints promoted by the core lattice."""
    ta, tb = isinstance(a, _Tensor), isinstance(b, _Tensor)
    if ta and tb:
        if a.dtype != b.dtype and (a.dtype in _LIM or b.dtype in _LIM):
            r = DTYPES[D.promote_types(FROM[a.dtype], FROM[b.dtype])]
            return a.to(r), b.to(r)
        return a, b
    if ta:
        return a, _t(b, a)
    if tb:
        return _t(a, b), b
    a = torch.tensor(a, dtype=DTYPES[_DEFAULT[type(a)]])
    return a, _t(b, a)


def _limited(*xs):
    for x in xs:
        if isinstance(x, _Tensor) and x.dtype in _LIM:
            return True
    return False


def _unsupported(name, dt):
    return TypeError(f"unify.core.{name}: dtype {FROM[dt].name} is not supported by the torch backend")


def _bits(fn, *xs):
    """fn on the same-width signed view of uint16/32/64 (for ops exact on bit patterns)."""
    dt = xs[0].dtype
    sd = _SIGNED.get(dt)
    if sd is None:  # promotion already left the limited dtypes (uint16 + int8 -> int32)
        return fn(*xs)
    out = fn(*[x.view(sd) for x in xs])
    return out.view(dt) if out.dtype == sd else out


def _wide(fn, name, *xs):
    """fn on uint16/32 widened to int32/64 (value preserving); integer results cast back."""
    dt = xs[0].dtype
    w = _WIDE.get(dt)
    if w is None:
        raise _unsupported(name, dt)
    out = fn(*[x.to(w) for x in xs])
    return out.to(dt) if out.dtype == w else out


def _ordered(x):
    """An int64 tensor ordered like uint64 `x` (flip the sign bit)."""
    return x.view(torch.int64) ^ -(2 ** 63)


def _cmp(fn, x1, x2):
    a, b = _pair(x1, x2)
    if a.dtype == torch.uint64:
        return fn(_ordered(a), _ordered(b))
    return fn(a.to(_WIDE[a.dtype]), b.to(_WIDE[b.dtype]))


# ------------------------------------------------------------------ arithmetic


def add(x1, x2):
    try:
        return x1 + x2
    except _ERR:
        if _limited(x1, x2):
            return _bits(operator.add, *_pair(x1, x2))
        raise


def subtract(x1, x2):
    try:
        return x1 - x2
    except _ERR:
        if _limited(x1, x2):
            return _bits(operator.sub, *_pair(x1, x2))
        raise


def negative(x):
    try:
        return -x
    except _ERR:
        if x.dtype in _LIM:
            return _bits(operator.neg, x)
        raise


def abs(x):
    if x.dtype in _LIM or x.dtype == torch.bool:
        return x
    return torch.abs(x)


def sign(x):
    if x.dtype in _LIM:
        return (x != 0).to(x.dtype)
    return torch.sgn(x)


def pow(x1, x2):
    try:
        return x1 ** x2
    except _ERR:
        if _limited(x1, x2):
            return _bits(operator.pow, *_pair(x1, x2))
        raise


def floor_divide(x1, x2):
    try:
        return torch.floor_divide(*_pair(x1, x2))
    except _ERR:
        if _limited(x1, x2):
            return _wide(torch.floor_divide, "floor_divide", *_pair(x1, x2))
        raise


def remainder(x1, x2):
    try:
        return torch.remainder(*_pair(x1, x2))
    except _ERR:
        if _limited(x1, x2):
            return _wide(torch.remainder, "remainder", *_pair(x1, x2))
        raise


def fmod(x1, x2):
    try:
        return torch.fmod(*_pair(x1, x2))
    except _ERR:
        if _limited(x1, x2):
            return _wide(torch.fmod, "fmod", *_pair(x1, x2))
        raise


def _minmax(native, pick, x1, x2):
    try:
        return native(*_pair(x1, x2))
    except _ERR:
        if _limited(x1, x2):
            a, b = _pair(x1, x2)
            return torch.where(_cmp(pick, a, b), a, b)
        raise


def maximum(x1, x2):
    return _minmax(torch.maximum, operator.ge, x1, x2)


def minimum(x1, x2):
    return _minmax(torch.minimum, operator.le, x1, x2)


def fmax(x1, x2):
    return _minmax(torch.fmax, operator.ge, x1, x2)


def fmin(x1, x2):
    return _minmax(torch.fmin, operator.le, x1, x2)


def clip(x, min, max):
    if min is None and max is None:
        return x
    if x.dtype in _LIM:
        if min is not None:
            x = maximum(x, min)
        return x if max is None else minimum(x, max)
    if isinstance(min, _Tensor) or isinstance(max, _Tensor):
        if min is not None and not isinstance(min, _Tensor):
            min = _t(min, x)
        if max is not None and not isinstance(max, _Tensor):
            max = _t(max, x)
        s = torch.broadcast_shapes(x.shape, *[b.shape for b in (min, max) if b is not None])
        if s != x.shape:  # clamp keeps x's shape; bounds may broadcast it (NumPy)
            x = x.expand(s)
    return torch.clamp(x, min, max)


# ------------------------------------------------------------------ rounding


def floor(x):
    return torch.floor(x) if x.is_floating_point() else x


def ceil(x):
    return torch.ceil(x) if x.is_floating_point() else x


def trunc(x):
    return torch.trunc(x) if x.is_floating_point() else x


def round(x, decimals):
    if x.is_floating_point():
        return torch.round(x, decimals=decimals) if decimals else torch.round(x)
    if x.is_complex():
        return torch.complex(round(x.real, decimals), round(x.imag, decimals))
    if decimals >= 0 or x.dtype == torch.bool:
        return x
    # NumPy: divide by 10**-decimals in float64, round half to even, scale back
    f = 10.0 ** -decimals
    return (torch.round(x.to(torch.float64) / f) * f).to(x.dtype)


# ------------------------------------------------------------------ exponentials, trig


def logaddexp(x1, x2):
    return torch.logaddexp(*_pair(x1, x2))


def logaddexp2(x1, x2):
    return torch.logaddexp2(*_pair(x1, x2))


def cbrt(x):
    return torch.sgn(x) * torch.abs(x).pow(1.0 / 3.0)


def atan2(x1, x2):
    return torch.atan2(*_pair(x1, x2))


def hypot(x1, x2):
    return torch.hypot(*_pair(x1, x2))


# ------------------------------------------------------------------ comparisons, logic


def _compare(op_, x1, x2):
    try:
        return op_(x1, x2)
    except _ERR:
        if _limited(x1, x2):
            return _cmp(op_, x1, x2)
        raise


def greater(x1, x2):
    return _compare(operator.gt, x1, x2)


def less(x1, x2):
    return _compare(operator.lt, x1, x2)


def greater_equal(x1, x2):
    return _compare(operator.ge, x1, x2)


def less_equal(x1, x2):
    return _compare(operator.le, x1, x2)


def _truth(x):
    return x if x.dtype == torch.bool else x != 0


def logical_not(x):
    if x.dtype in _LIM:
        return x == 0
    return torch.logical_not(x)


def logical_and(x1, x2):
    a, b = _pair(x1, x2)
    if a.dtype in _LIM:
        return _truth(a) & _truth(b)
    return torch.logical_and(a, b)


def logical_or(x1, x2):
    a, b = _pair(x1, x2)
    if a.dtype in _LIM:
        return _truth(a) | _truth(b)
    return torch.logical_or(a, b)


def logical_xor(x1, x2):
    a, b = _pair(x1, x2)
    if a.dtype in _LIM:
        return _truth(a) ^ _truth(b)
    return torch.logical_xor(a, b)


def where(condition, x1, x2):
    if isinstance(x1, _Tensor):
        if x1.dtype not in _LIM and (not isinstance(x2, _Tensor) or x2.dtype not in _LIM):
            return torch.where(condition, x1, x2)  # torch treats a Python scalar next to a tensor weakly
    elif isinstance(x2, _Tensor) and x2.dtype not in _LIM:
        return torch.where(condition, x1, x2)
    return torch.where(condition, *_pair(x1, x2))


# ------------------------------------------------------------------ bitwise

bitwise_and = operator.and_
bitwise_or = operator.or_
bitwise_xor = operator.xor


def bitwise_invert(x):
    if x.dtype in _LIM:
        return _bits(torch.bitwise_not, x)
    return torch.bitwise_not(x)


def bitwise_left_shift(x1, x2):
    a, b = _pair(x1, x2)
    if a.dtype in _LIM:
        return _bits(torch.bitwise_left_shift, a, b)
    return torch.bitwise_left_shift(a, b)


def bitwise_right_shift(x1, x2):
    a, b = _pair(x1, x2)
    if a.dtype in _LIM:
        if a.dtype == torch.uint64:  # logical shift: arithmetic shift, then clear the sign copies
            s = b.view(torch.int64)
            mask = torch.bitwise_left_shift(torch.ones_like(s), 64 - s) - 1
            r = torch.bitwise_right_shift(a.view(torch.int64), s)
            return torch.where(s == 0, r, r & mask).view(torch.uint64)
        return _wide(torch.bitwise_right_shift, "bitwise_right_shift", a, b)
    return torch.bitwise_right_shift(a, b)


def gcd(x1, x2):
    a, b = _pair(x1, x2)
    if a.dtype in _LIM:
        return _wide(torch.gcd, "gcd", a, b)
    return torch.gcd(a, b)


def lcm(x1, x2):
    a, b = _pair(x1, x2)
    if a.dtype in _LIM:
        return _wide(torch.lcm, "lcm", a, b)
    return torch.lcm(a, b)


# ------------------------------------------------------------------ complex parts, float bits

real = torch.real


def imag(x):
    return torch.imag(x) if x.is_complex() else torch.zeros_like(x)


def copysign(x1, x2):
    return torch.copysign(*_pair(x1, x2))


def nextafter(x1, x2):
    return torch.nextafter(*_pair(x1, x2))


def frexp(x):
    m, e = torch.frexp(x)
    return m, e


def nan_to_num(x, nan, posinf, neginf):
    if not (x.is_floating_point() or x.is_complex()):
        return x
    return torch.nan_to_num(x, nan=nan, posinf=posinf, neginf=neginf)
