"""Elementwise torch functions, built at import from tables (one factory per result-dtype rule).

`binary(core_fn, rule)` / `unary(core_fn, rule)` give torch-signature functions that promote
with torch's rules (_convert.operands), call the core op once, and wrap or write `out=`.
Rules: "same" (the promoted dtype), "float" (integers and bool compute in the default float
dtype: exp, sin, true division), "bool" (comparisons). `refuse` names the dtype kinds torch
has no kernel for ("b" bool, "iu" integers, "f" floating, "c" complex, "h" float16/bfloat16):
they raise NotImplementedError (or `exc`) like torch. `scalars` says which arguments may be
Python numbers (2: either, 1: only `other`, 0: none; torch raises TypeError otherwise).

Python numbers are accepted as `input` of the binary ops that Tensor operators reflect
(`2 - t` calls sub(2, t)), as torch itself does for these functions.
"""
from __future__ import annotations

import builtins
import math
from collections import namedtuple

from ... import core as C
from ...core import dtypes as D
from . import _dtype as T
from ._api import _raise
from ._convert import as_native, finish, inplace_result, operands, result_dtype, write_out
from ._tensor import Tensor, wrap

__all__ = [
    "add", "sub", "subtract", "mul", "multiply", "div", "divide", "true_divide", "floor_divide",
    "remainder", "fmod", "pow", "float_power", "matmul",
    "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sqrt", "rsqrt", "square",
    "reciprocal", "sin", "cos", "tan", "asin", "arcsin", "acos", "arccos", "atan", "arctan",
    "atan2", "arctan2", "sinh", "cosh", "tanh", "asinh", "arcsinh", "acosh", "arccosh", "atanh",
    "arctanh", "round", "floor", "ceil", "trunc", "fix", "frac", "sign", "sgn", "signbit", "abs",
    "absolute", "abs_", "neg", "negative", "positive", "clamp", "clip", "clamp_min", "clamp_max",
    "lerp", "addcmul", "addcdiv", "hypot", "logaddexp", "logaddexp2", "logical_and", "logical_or",
    "logical_xor", "logical_not", "bitwise_and", "bitwise_or", "bitwise_xor", "bitwise_not",
    "bitwise_left_shift", "bitwise_right_shift", "eq", "ne", "lt", "le", "gt", "ge", "greater",
    "less", "greater_equal", "less_equal", "not_equal", "isclose", "allclose", "equal",
    "isfinite", "isinf", "isnan", "isneginf", "isposinf", "isreal", "nan_to_num", "maximum",
    "minimum", "fmax", "fmin", "copysign", "nextafter", "ldexp", "xlogy", "gcd", "lcm",
    "heaviside", "sigmoid", "logit", "erf", "erfc", "erfinv", "lgamma", "digamma", "polygamma",
    "mvlgamma", "i0", "sinc", "deg2rad", "rad2deg", "angle", "conj_physical", "complex", "polar",
    "frexp",
]

_SCALARS = (builtins.bool, builtins.int, builtins.float, builtins.complex)
_TYPE_NAMES = {D.bool: "Bool", D.uint8: "Byte", D.int8: "Char", D.int16: "Short", D.int32: "Int",
               D.int64: "Long", D.uint16: "UInt16", D.uint32: "UInt32", D.uint64: "UInt64",
               D.float16: "Half", D.bfloat16: "BFloat16", D.float32: "Float",
               D.float64: "Double", D.complex64: "ComplexFloat", D.complex128: "ComplexDouble"}

frexp_result = namedtuple("frexp", ["mantissa", "exponent"])


def _kinds(kinds: str) -> frozenset:
    """Core dtypes of the kinds named ('h' stands for float16 and bfloat16)."""
    out = {d for d in D.ALL if d.kind in kinds.replace("h", "")}
    if "h" in kinds:
        out |= {D.float16, D.bfloat16}
    return frozenset(out)


def _no_kernel(name, dt, exc=NotImplementedError):
    return exc(f"\"{name}\" not implemented for '{_TYPE_NAMES[dt]}'")


def _not_tensor(fname, pos, argname, x):
    return TypeError(f"{fname}(): argument '{argname}' (position {pos}) must be Tensor, "
                     f"not {type(x).__name__}")


def _require_tensors(fname, input, other, scalars, names=("input", "other")):
    """TypeError like torch's for a Python number where torch's overloads want a Tensor."""
    if not isinstance(input, Tensor) and (scalars < 2 or not isinstance(other, Tensor)):
        raise _not_tensor(fname, 1, names[0], input)
    if not isinstance(other, Tensor) and (scalars < 1 or type(other) not in _SCALARS):
        raise _not_tensor(fname, 2, names[1], other)


def _dtype_of_input(input, fname):
    if not isinstance(input, Tensor):
        raise _not_tensor(fname, 1, "input", input)
    return input.dtype.core


def _check_divisor(b):
    """torch's integer division by zero error (CPU kernels check every divisor)."""
    if builtins.bool(C.to_numpy(C.any(C.equal(b, 0)))):
        raise RuntimeError("ZeroDivisionError")


def _check_out(out, dt, message=None):
    """torch's exact-dtype `out=` rule of some kernels (abs, floor, clamp, ...)."""
    if out is not None and isinstance(out, Tensor) and out.dtype.core is not dt:
        raise RuntimeError(message or f"Found dtype {_TYPE_NAMES[out.dtype.core]} but expected "
                                      f"{_TYPE_NAMES[dt]}")


def _fix(v, dt):
    """v as dtype dt (a no-op when it already is)."""
    return v if C.dtype_of(v) is dt else C.astype(v, dt)


def _default_float():
    return T.DEFAULT.float.core


# ------------------------------------------------------------------ factories

def unary(core_fn, rule="same", name=None, refuse="", exc=NotImplementedError, msg=None):
    """A torch unary; "same"-rule ones want `out=` of exactly the result dtype (torch)."""
    fname = name or core_fn.__name__
    bad = _kinds(refuse)
    to_float = rule == "float"
    res = C.bool if rule == "bool" else None
    strict = rule == "same"
    res_t = T.FROM_CORE[res] if res is not None else None
    fast = _fast_dtypes(bad, to_float, False)

    def f(input, *, out=None):
        if type(input) is Tensor and out is None and input._base is None and input._dt in fast:
            try:  # hot path: a base tensor whose dtype needs no conversion
                r = core_fn(input._v)
            except ValueError:
                pass  # the general path below reports it with torch's message
            else:
                t = _new(Tensor)
                t._v = r
                t._dt = res_t or input._dt
                return t
        try:
            d = input.dtype.core
            v = input._value()
        except AttributeError:
            if not isinstance(input, Tensor):
                raise _not_tensor(fname, 1, "input", input) from None
            raise
        try:
            if to_float and d.kind not in "fc":
                d = T.DEFAULT.float.core
                v = C.astype(v, d)
            if d in bad:
                raise exc(msg) if msg else _no_kernel(fname, d, exc)
            if out is not None and strict:
                _check_out(out, d)
            return finish(core_fn(v), res or d, out)
        except ValueError as e:
            _raise(e)
            raise
    f.__name__ = f.__qualname__ = fname
    f._torch_public = True
    return f


_new = object.__new__


def _fast_dtypes(bad, to_float, intdiv) -> frozenset:
    """torch dtypes for which an op is just the core op on the inputs' values."""
    return frozenset(d for d in T.ALL if d.core not in bad
                     and not (to_float and d.core.kind not in "fc")
                     and not (intdiv and d.core.kind in "iu"))


def binary(core_fn, rule="same", name=None, refuse="", exc=NotImplementedError, scalars=2,
           intdiv=False):
    fname = name or core_fn.__name__
    bad = _kinds(refuse)
    to_float = rule == "float"
    res = C.bool if rule == "bool" else None
    res_t = T.FROM_CORE[res] if res is not None else None
    fast = _fast_dtypes(bad, to_float, intdiv)

    def f(input, other, *, out=None):
        if (type(input) is Tensor and type(other) is Tensor and out is None
                and input._base is None and other._base is None):
            d = input._dt
            if d is other._dt and d in fast:
                try:  # hot path: two base tensors of one dtype that needs no conversion
                    r = core_fn(input._v, other._v)
                except ValueError:
                    pass  # the general path below reports it with torch's message
                else:
                    t = _new(Tensor)
                    t._v = r
                    t._dt = res_t or d
                    return t
        if scalars < 2 and (type(input) is not Tensor or type(other) is not Tensor):
            _require_tensors(fname, input, other, scalars)
        if not isinstance(input, Tensor) and not isinstance(other, Tensor):
            raise TypeError(f"{fname}() expected a Tensor argument, got "
                            f"({type(input).__name__}, {type(other).__name__})")
        try:
            (a, b), dt = operands(input, other)
            if dt in bad:
                raise _no_kernel(fname, dt, exc)
            if to_float and dt.kind not in "fc":
                dt = T.DEFAULT.float.core
                a = C.astype(a, dt)
                b = C.astype(b, dt)
            elif intdiv and dt.kind in "iu":
                _check_divisor(b)
            return finish(core_fn(a, b), res or dt, out)
        except ValueError as e:
            _raise(e)
            raise
    f.__name__ = f.__qualname__ = fname
    f._torch_public = True
    return f


# ------------------------------------------------------------------ arithmetic

def _alpha(b, alpha, dt):
    """other * alpha with torch's checks on alpha's type."""
    if isinstance(alpha, Tensor):
        alpha = alpha.item()
    ta = type(alpha)
    if ta is builtins.bool and dt is not C.bool:
        raise RuntimeError("Boolean alpha only supported for Boolean results.")
    if dt.kind in "biu" and ta is builtins.float:
        raise RuntimeError("For integral input tensors, argument alpha must not be a floating "
                           "point number.")
    if ta is builtins.complex and dt.kind != "c":
        raise RuntimeError("For non-complex input tensors, argument alpha must not be a complex "
                           "number." if dt.kind == "f" else "For integral input tensors, "
                           "argument alpha must not be a floating point number.")
    if dt is C.bool:
        return b if alpha else C.logical_and(b, False)
    return C.multiply(b, alpha)


_ONE = 1  # `alpha is not _ONE`: the default skips all alpha handling (small ints are cached)


def _is_bool(x):
    return x.dtype is T.bool if isinstance(x, Tensor) else type(x) is builtins.bool


_ADD_FAST = frozenset(T.ALL)


def add(input, other, *, alpha=1, out=None):
    if (type(input) is Tensor and type(other) is Tensor and alpha is _ONE and out is None
            and input._base is None and other._base is None):
        d = input._dt
        if d is other._dt and d is not None:
            try:  # hot path: two base tensors of one dtype
                r = C.add(input._v, other._v)
            except ValueError:
                pass  # the general path below reports it with torch's message
            else:
                t = _new(Tensor)
                t._v = r
                t._dt = d
                return t
    try:
        (a, b), dt = operands(input, other)
        if alpha is not _ONE:
            b = _alpha(b, alpha, dt)
        return finish(C.add(a, b), dt, out)
    except ValueError as e:
        _raise(e)
        raise


def sub(input, other, *, alpha=1, out=None):
    try:
        (a, b), dt = operands(input, other)
        if dt is C.bool:
            raise RuntimeError("Subtraction, the `-` operator, with two bool tensors is not "
                               "supported. Use the `^` or `logical_xor()` operator instead.")
        if (type(input) is not Tensor or type(other) is not Tensor
                or input.dtype is not other.dtype) and (_is_bool(input) or _is_bool(other)):
            raise RuntimeError("Subtraction, the `-` operator, with a bool tensor is not "
                               "supported. If you are trying to invert a mask, use the `~` or "
                               "`logical_not()` operator instead.")
        if alpha is not _ONE:
            b = _alpha(b, alpha, dt)
        return finish(C.subtract(a, b), dt, out)
    except ValueError as e:
        _raise(e)
        raise


add._torch_public = sub._torch_public = True
subtract = sub
mul = multiply = binary(C.multiply, "same", "mul")
true_divide = binary(C.divide, "float", "true_divide")
floor_divide = binary(C.floor_divide, "same", "floor_divide", refuse="bc", intdiv=True)
remainder = binary(C.remainder, "same", "remainder", refuse="bc", intdiv=True)
fmod = binary(C.fmod, "same", "fmod", refuse="bc", intdiv=True, scalars=1)


def _trunc_divide(a, b, dt):
    if dt.kind in "fc":
        return C.trunc(C.divide(a, b))
    q = C.floor_divide(a, b)
    # floor and trunc differ by one where the division is inexact and the signs differ
    off = C.logical_and(C.not_equal(C.remainder(a, b), 0),
                        C.not_equal(C.less(a, 0), C.less(b, 0)))
    return C.add(q, C.astype(off, dt))


def div(input, other, *, rounding_mode=None, out=None):
    if rounding_mode is None:
        return true_divide(input, other, out=out)
    try:
        (a, b), dt = operands(input, other)
        if rounding_mode not in ("floor", "trunc"):
            raise RuntimeError(f"div expected rounding_mode to be one of None, 'trunc', or "
                               f"'floor' but found '{rounding_mode}'")
        if dt is C.bool or dt.kind == "c":
            raise _no_kernel(f"div_{rounding_mode}_cpu", dt)
        if dt.kind in "iu":
            _check_divisor(b)
        r = C.floor_divide(a, b) if rounding_mode == "floor" else _trunc_divide(a, b, dt)
        return finish(r, dt, out)
    except ValueError as e:
        _raise(e)
        raise


div._torch_public = True
divide = div


def _int_pow(a, b, dt):
    """Integer power with torch's negative-exponent rule: 1 ** -n = 1, (-1) ** -n = +-1,
    otherwise 0."""
    neg = C.less(b, 0)
    if not builtins.bool(C.to_numpy(C.any(neg))):
        return C.pow(a, b)
    r = C.pow(a, C.where(neg, C.zeros_like(b), b))
    odd = C.not_equal(C.remainder(b, 2), 0)
    minus_one = C.equal(a, -1) if dt.kind == "i" else C.full_like(a, False, dtype=C.bool)
    inv = C.where(C.equal(a, 1), C.ones_like(r),
                  C.where(minus_one, C.where(odd, C.negative(C.ones_like(r)), C.ones_like(r)),
                          C.zeros_like(r)))
    return C.where(neg, inv, r)


def pow(input, exponent, *, out=None):  # noqa: A001
    if not isinstance(input, Tensor) and not isinstance(exponent, Tensor):
        raise TypeError(f"pow() expected a Tensor argument, got ({type(input).__name__}, "
                        f"{type(exponent).__name__})")
    try:
        (a, b), dt = operands(input, exponent)
        k = dt.kind
        if k in "iu":
            if type(exponent) is builtins.int:
                if exponent < 0:
                    raise RuntimeError("Integers to negative integer powers are not allowed.")
            else:
                return finish(_int_pow(a, b, dt), dt, out)
        elif k == "b":
            if type(exponent) is not builtins.bool:
                raise _no_kernel("pow", dt)
            return finish(C.copy(a) if exponent else C.ones_like(a), dt, out)
        return finish(C.pow(a, b), dt, out)
    except ValueError as e:
        _raise(e)
        raise


pow._torch_public = True


def float_power(input, exponent, *, out=None):
    try:
        if not isinstance(input, Tensor) and not isinstance(exponent, Tensor):
            raise TypeError("float_power() received an invalid combination of arguments - got "
                            f"({type(input).__name__}, {type(exponent).__name__})")
        dt = C.complex128 if result_dtype(input, exponent).kind == "c" else C.float64
        if out is not None and out.dtype.core is not dt:
            raise RuntimeError(f"the output given to float_power has dtype {out.dtype} but the "
                               f"operation's result requires dtype {T.FROM_CORE[dt]}")
        return finish(C.pow(as_native(input, dt), as_native(exponent, dt)), dt, out)
    except ValueError as e:
        _raise(e)
        raise


float_power._torch_public = True


def matmul(input, other, *, out=None):
    if (type(input) is Tensor and type(other) is Tensor and out is None
            and input._base is None and other._base is None):
        d = input._dt
        if d is other._dt and d is not None:
            try:  # hot path: two base tensors of one dtype (core refuses 0-d operands)
                r = C.matmul(input._v, other._v)
            except ValueError:
                pass  # the general path below reports it with torch's message
            else:
                t = _new(Tensor)
                t._v = r
                t._dt = d
                return t
    try:
        if input.dtype is not other.dtype:
            raise RuntimeError(f"expected m1 and m2 to have the same dtype, but got: "
                               f"{input.dtype} != {other.dtype}")
        a, b = input._value(), other._value()
        if not C.shape(a) or not C.shape(b):
            raise RuntimeError("both arguments to matmul need to be at least 1D, but they are "
                               f"{len(C.shape(a))}D and {len(C.shape(b))}D")
        return finish(C.matmul(a, b), input.dtype.core, out)
    except ValueError as e:
        _raise(e)
        raise


matmul._torch_public = True

# ------------------------------------------------------------------ float-valued unary

exp = unary(C.exp, "float", "exp")
exp2 = unary(C.exp2, "float", "exp2")
expm1 = unary(C.expm1, "float", "expm1")
log = unary(C.log, "float", "log")
log2 = unary(C.log2, "float", "log2")
log10 = unary(C.log10, "float", "log10")
log1p = unary(C.log1p, "float", "log1p")
sqrt = unary(C.sqrt, "float", "sqrt")
rsqrt = unary(C.rsqrt, "float", "rsqrt")
reciprocal = unary(C.reciprocal, "float", "reciprocal")
sin = unary(C.sin, "float", "sin")
cos = unary(C.cos, "float", "cos")
tan = unary(C.tan, "float", "tan")
asin = arcsin = unary(C.asin, "float", "asin")
acos = arccos = unary(C.acos, "float", "acos")
atan = arctan = unary(C.atan, "float", "atan")
sinh = unary(C.sinh, "float", "sinh")
cosh = unary(C.cosh, "float", "cosh")
tanh = unary(C.tanh, "float", "tanh")
asinh = arcsinh = unary(C.asinh, "float", "asinh")
acosh = arccosh = unary(C.acosh, "float", "acosh")
atanh = arctanh = unary(C.atanh, "float", "atanh")
sinc = unary(C.sinc, "float", "sinc")
erf = unary(C.erf, "float", "erf", refuse="c")
erfc = unary(C.erfc, "float", "erfc", refuse="c")
erfinv = unary(C.erfinv, "float", "erfinv", refuse="c")
lgamma = unary(C.lgamma, "float", "lgamma", refuse="c")


def _digamma(v):
    # torch: -inf at +0, +inf at -0 (the pole's sides), on every backend
    z = C.equal(v, 0)
    pole = C.where(C.signbit(v), C.full_like(v, math.inf), C.full_like(v, -math.inf))
    return C.where(z, pole, C.digamma(v))


digamma = unary(_digamma, "float", "digamma", refuse="c")


def nan_at_inf(core_fn):
    """core_fn with nan at +-inf, as torch's Chebyshev-series kernels (i0, i1) give."""
    def f(v):
        return C.where(C.isinf(v), C.full_like(v, math.nan), core_fn(v))
    return f


i0 = unary(nan_at_inf(C.i0), "float", "i0", refuse="c")


def _sigmoid(v):
    if C.dtype_of(v).kind == "c":
        return C.divide(1.0, C.add(1.0, C.exp(C.negative(v))))
    return C.sigmoid(v)


sigmoid = unary(_sigmoid, "float", "sigmoid")
deg2rad = unary(C.deg2rad, "float", "deg2rad", refuse="c", exc=RuntimeError)
rad2deg = unary(C.rad2deg, "float", "rad2deg", refuse="c", exc=RuntimeError)

_NO_COMPLEX = _kinds("c")


def float_apply(input, out, fn, name, bad=_NO_COMPLEX):
    """fn(v) of a float-rule unary whose extra arguments fn binds (logit's eps, ...)."""
    d = _dtype_of_input(input, name)
    v = input._value()
    if d.kind not in "fc":
        d = _default_float()
        v = C.astype(v, d)
    if d in bad:
        raise _no_kernel(name, d)
    return finish(fn(v), d, out)


def _logit_eps(v, eps):
    if eps is None:
        return C.logit(v)
    # torch: x < eps -> eps, x > 1 - eps -> 1 - eps (in that order, also when eps > 0.5)
    lo, hi = C.full_like(v, eps), C.full_like(v, 1.0 - eps)
    return C.logit(C.where(C.less(v, lo), lo, C.where(C.greater(v, hi), hi, v)))


def logit(input, eps=None, *, out=None):
    return float_apply(input, out, lambda v: _logit_eps(v, eps), "logit")


def polygamma(n, input, *, out=None):
    if isinstance(n, Tensor) and not isinstance(input, Tensor):  # the method: t.polygamma(n)
        n, input = input, n
    if n < 0:
        raise RuntimeError("polygamma(n, x) does not support negative n.")
    return float_apply(input, out, (lambda v: C.polygamma(n, v)) if n else _digamma, "polygamma")


def mvlgamma(input, p, *, out=None):
    if p < 1:
        raise RuntimeError("p has to be greater than or equal to 1")
    return float_apply(input, out, lambda v: C.multigammaln(v, p), "mvlgamma")


# ------------------------------------------------------------------ same-dtype unary

neg = negative = unary(
    C.negative, "same", "neg", refuse="b", exc=RuntimeError,
    msg="Negation, the `-` operator, on a bool tensor is not supported. If you are trying to "
        "invert a mask, use the `~` or `logical_not()` operator instead.")
_positive = unary(C.positive, "same", "positive", refuse="b", exc=RuntimeError,
                  msg="The `+` operator, on a bool tensor, is not supported.")


def positive(input):
    return _positive(input)


floor = unary(C.floor, "same", "floor", refuse="bc")
ceil = unary(C.ceil, "same", "ceil", refuse="bc")
trunc = fix = unary(C.trunc, "same", "trunc", refuse="bc")
frac = unary(lambda v: C.subtract(v, C.trunc(v)), "same", "frac", refuse="biuc")
conj_physical = unary(lambda v: C.conj(v) if C.dtype_of(v).kind == "c" else C.copy(v),
                      "same", "conj_physical")


def _sign(v):
    d = C.dtype_of(v)
    if d is C.bool:
        return C.copy(v)
    s = C.sign(v)
    return C.where(C.isnan(v), C.zeros_like(v), s) if d.kind == "f" else s  # torch: sign(nan) = 0


sign = unary(_sign, "same", "sign", refuse="c")
sgn = unary(_sign, "same", "sgn")


def _square(v):
    return C.multiply(v, v)


_square_same = unary(_square, "same", "square")


def square(input, *, out=None):
    if isinstance(input, Tensor) and input.dtype is T.bool:  # pow(bool, 2) is int64
        return finish(C.astype(input._value(), C.int64), C.int64, out)
    return _square_same(input, out=out)


def abs(input, *, out=None):  # noqa: A001
    try:
        d = input.dtype.core
        v = input._value()
    except AttributeError:
        raise _not_tensor("abs", 1, "input", input) from None
    if d is C.bool:
        raise _no_kernel("abs_cpu", d)
    try:
        d = D.real_dtype(d) if d.kind == "c" else d
        _check_out(out, d)
        return finish(C.abs(v), d, out)
    except ValueError as e:
        _raise(e)
        raise


abs._torch_public = True
absolute = abs


def abs_(input):
    if isinstance(input, Tensor) and input.dtype.is_complex:
        raise RuntimeError("In-place abs is not supported for complex tensors.")
    return inplace_result(input, abs(input)._value())


def round(input, *, decimals=None, out=None):  # noqa: A001
    """decimals defaults to None (torch: 0): as in torch, passing decimals (even 0) refuses
    integer inputs."""
    d = _dtype_of_input(input, "round")
    if d is C.bool or d.kind == "c" or (decimals is not None and d.kind in "iu"):
        raise _no_kernel("round_cpu" if decimals is None else "round_vml_cpu", d)
    _check_out(out, d)
    v = input._value()
    if d.kind in "iu":
        return finish(C.copy(v), d, out)
    return finish(C.round(v) if not decimals else C.round(v, decimals=decimals), d, out)


def nan_to_num(input, nan=0.0, posinf=None, neginf=None, *, out=None):
    d = _dtype_of_input(input, "nan_to_num")
    if out is not None:
        _check_out(out, d, f"nan_to_num: dtype of out: {_TYPE_NAMES[out.dtype.core]} should be "
                           f"same as input: {_TYPE_NAMES[d]}")
    v = input._value()
    if d.kind not in "fc":
        return finish(C.copy(v), d, out)
    return finish(C.nan_to_num(v, nan=nan, posinf=posinf, neginf=neginf), d, out)


def frexp(input, *, out=None):
    d = _dtype_of_input(input, "frexp")
    if d.kind != "f":
        raise RuntimeError("torch.frexp() only supports floating-point dtypes")
    m, e = C.frexp(input._value())
    e = _fix(e, C.int32)
    if out is not None:
        return frexp_result(write_out(out[0], m), write_out(out[1], e))
    return frexp_result(wrap(m, T.FROM_CORE[d]), wrap(e, T.int32))


def angle(input, *, out=None):
    d = _dtype_of_input(input, "angle")
    v = input._value()
    if d.kind == "c":
        return finish(C.angle(v), D.real_dtype(d), out)
    if d.kind != "f":
        d = _default_float()
        v = C.astype(v, d)
    # pi where x < 0 (not at -0.0), nan stays nan
    r = C.where(C.less(v, 0), C.full_like(v, math.pi), C.zeros_like(v))
    return finish(C.where(C.isnan(v), v, r), d, out)


# ------------------------------------------------------------------ predicates

def _bool_fill(v, value):
    return C.full_like(v, value, dtype=C.bool)


def _float_pred(core_fn, fill, name):
    """isnan/isinf/isfinite: integer and bool inputs give a constant answer."""
    def f(input):
        d = _dtype_of_input(input, name)
        v = input._value()
        return wrap(core_fn(v) if d.kind in "fc" else _bool_fill(v, fill), T.bool)
    f.__name__ = f.__qualname__ = name
    return f


isnan = _float_pred(C.isnan, False, "isnan")
isinf = _float_pred(C.isinf, False, "isinf")
isfinite = _float_pred(C.isfinite, True, "isfinite")


def _signed_inf(negative_side, name):
    def f(input, *, out=None):
        d = _dtype_of_input(input, name)
        if d.kind == "c":
            raise RuntimeError(f"{name} does not support complex inputs.")
        _check_out(out, C.bool, f"{name} does not support non-boolean outputs.")
        v = input._value()
        if d.kind != "f":
            return finish(_bool_fill(v, False), C.bool, out)
        side = C.less(v, 0) if negative_side else C.greater(v, 0)
        return finish(C.logical_and(C.isinf(v), side), C.bool, out)
    f.__name__ = f.__qualname__ = name
    return f


isneginf = _signed_inf(True, "isneginf")
isposinf = _signed_inf(False, "isposinf")


def isreal(input):
    d = _dtype_of_input(input, "isreal")
    v = input._value()
    return wrap(C.equal(C.imag(v), 0) if d.kind == "c" else _bool_fill(v, True), T.bool)


def signbit(input, *, out=None):
    d = _dtype_of_input(input, "signbit")
    if d.kind == "c":
        raise _no_kernel("signbit_cpu", d)
    _check_out(out, C.bool, "signbit does not support non-boolean outputs.")
    v = input._value()
    if d.kind == "f":
        r = C.signbit(v)
    elif d.kind == "i":
        r = C.less(v, 0)
    else:
        r = _bool_fill(v, False)
    return finish(r, C.bool, out)


# ------------------------------------------------------------------ comparisons and logic

eq = binary(C.equal, "bool", "eq", scalars=1)
ne = not_equal = binary(C.not_equal, "bool", "ne", scalars=1)
lt = less = binary(C.less, "bool", "lt", refuse="c", scalars=1)
le = less_equal = binary(C.less_equal, "bool", "le", refuse="c", scalars=1)
gt = greater = binary(C.greater, "bool", "gt", refuse="c", scalars=1)
ge = greater_equal = binary(C.greater_equal, "bool", "ge", refuse="c", scalars=1)


def _truth(v):
    return v if C.dtype_of(v) is C.bool else C.not_equal(v, 0)


def _logical(core_fn, name):
    def f(input, other, *, out=None):
        _require_tensors(name, input, other, 0)
        try:
            return finish(core_fn(_truth(input._value()), _truth(other._value())), C.bool, out)
        except ValueError as e:
            _raise(e)
            raise
    f.__name__ = f.__qualname__ = name
    f._torch_public = True
    return f


logical_and = _logical(C.logical_and, "logical_and")
logical_or = _logical(C.logical_or, "logical_or")
logical_xor = _logical(C.logical_xor, "logical_xor")


def logical_not(input, *, out=None):
    _dtype_of_input(input, "logical_not")
    v = input._value()
    return finish(C.logical_not(v) if C.dtype_of(v) is C.bool else C.equal(v, 0), C.bool, out)


def _bitwise(core_fn, bool_fn, name):
    same = binary(core_fn, "same", name, refuse="fc")

    def f(input, other, *, out=None):
        if (type(input) is Tensor and input.dtype is T.bool and type(other) is Tensor
                and other.dtype is T.bool):
            return finish(bool_fn(input._value(), other._value()), C.bool, out)
        return same(input, other, out=out)
    f.__name__ = f.__qualname__ = name
    f._torch_public = True
    return f


bitwise_and = _bitwise(C.bitwise_and, C.logical_and, "bitwise_and")
bitwise_or = _bitwise(C.bitwise_or, C.logical_or, "bitwise_or")
bitwise_xor = _bitwise(C.bitwise_xor, C.logical_xor, "bitwise_xor")


def bitwise_not(input, *, out=None):
    d = _dtype_of_input(input, "bitwise_not")
    if d.kind in "fc":
        raise _no_kernel("bitwise_not_cpu", d)
    _check_out(out, d)
    v = input._value()
    return finish(C.logical_not(v) if d is C.bool else C.bitwise_invert(v), d, out)


def _shift(left):
    name = "bitwise_left_shift" if left else "bitwise_right_shift"

    def f(input, other, *, out=None):
        if not isinstance(input, Tensor) and not isinstance(other, Tensor):
            raise TypeError(f"{name}() expected a Tensor argument, got "
                            f"({type(input).__name__}, {type(other).__name__})")
        try:
            (a, b), dt = operands(input, other)
            if dt.kind not in "iu":
                raise _no_kernel(("lshift" if left else "rshift") + "_cpu", dt)
            bits = dt.bits
            outside = C.logical_or(C.less(b, 0), C.greater_equal(b, bits))
            s = C.where(outside, C.zeros_like(b), b)
            if left:
                r = C.where(outside, C.zeros_like(a), C.bitwise_left_shift(a, s))
            else:
                # shifting by >= bits (or a negative amount) fills with the sign bit
                fill = (C.bitwise_right_shift(a, C.full_like(a, bits - 1)) if dt.kind == "i"
                        else C.zeros_like(a))
                r = C.where(outside, fill, C.bitwise_right_shift(a, s))
            return finish(r, dt, out)
        except ValueError as e:
            _raise(e)
            raise
    f.__name__ = f.__qualname__ = name
    f._torch_public = True
    return f


bitwise_left_shift = _shift(True)
bitwise_right_shift = _shift(False)


def isclose(input, other, rtol=1e-05, atol=1e-08, equal_nan=False):
    _require_tensors("isclose", input, other, 0)
    if input.dtype is not other.dtype:
        raise RuntimeError(f"{_TYPE_NAMES[input.dtype.core]} did not match "
                           f"{_TYPE_NAMES[other.dtype.core]}")
    if rtol < 0:
        raise RuntimeError(f"rtol must be greater than or equal to zero, but got {rtol}")
    if atol < 0:
        raise RuntimeError(f"atol must be greater than or equal to zero, but got {atol}")
    a, b = input._value(), other._value()
    if input.dtype is T.bool:
        a, b = C.astype(a, C.int64), C.astype(b, C.int64)
    return wrap(C.isclose(a, b, rtol=rtol, atol=atol, equal_nan=equal_nan), T.bool)


def allclose(input, other, rtol=1e-05, atol=1e-08, equal_nan=False) -> builtins.bool:
    r = isclose(input, other, rtol=rtol, atol=atol, equal_nan=equal_nan)._value()
    return builtins.bool(C.to_numpy(C.all(r)))


def equal(input, other) -> builtins.bool:
    _require_tensors("equal", input, other, 0)
    if C.shape(input._value()) != C.shape(other._value()):
        return False
    (a, b), _ = operands(input, other)
    return builtins.bool(C.to_numpy(C.all(C.equal(a, b))))


# ------------------------------------------------------------------ two-argument math

def _extremum(core_fn, bool_fn, name):
    def g(a, b):
        return bool_fn(a, b) if C.dtype_of(a) is C.bool else core_fn(a, b)
    return binary(g, "same", name, refuse="c", exc=RuntimeError, scalars=0)


maximum = _extremum(C.maximum, C.logical_or, "maximum")
minimum = _extremum(C.minimum, C.logical_and, "minimum")
fmax = _extremum(C.fmax, C.logical_or, "fmax")
fmin = _extremum(C.fmin, C.logical_and, "fmin")
atan2 = arctan2 = binary(C.atan2, "float", "atan2", refuse="c", scalars=0)
hypot = binary(C.hypot, "same", "hypot", refuse="biuc", scalars=0)


def _logaddexp(a, b):
    if C.dtype_of(a).kind != "c":
        return C.logaddexp(a, b)
    # the larger real part first: m + log1p(exp(n - m))
    first = C.greater_equal(C.real(a), C.real(b))
    m, n = C.where(first, a, b), C.where(first, b, a)
    return C.add(m, C.log1p(C.exp(C.subtract(n, m))))


logaddexp = binary(_logaddexp, "same", "logaddexp", refuse="biu", scalars=0)
logaddexp2 = binary(C.logaddexp2, "same", "logaddexp2", refuse="biuc", scalars=0)
copysign = binary(C.copysign, "float", "copysign", refuse="c", scalars=1)
nextafter = binary(C.nextafter, "same", "nextafter", refuse="biuc", scalars=0)
gcd = binary(C.gcd, "same", "gcd", refuse="bfc", scalars=0)
lcm = binary(C.lcm, "same", "lcm", refuse="bfc", scalars=0)
_ldexp = binary(lambda a, b: C.multiply(a, C.exp2(b)), "float", "ldexp", scalars=0)


def ldexp(input, other, *, out=None):
    if (isinstance(other, Tensor) and other.dtype is T.bool and isinstance(input, Tensor)
            and input.dtype.core.kind in "fc"):
        raise _no_kernel("ldexp_cpu_exp", C.bool)
    return _ldexp(input, other, out=out)


def _xlogy(a, b):
    # torch: nan where y is nan, even where x == 0
    return C.where(C.isnan(b), b, C.xlogy(a, b))


_xlogy_op = binary(_xlogy, "float", "xlogy", refuse="c")


def xlogy(input, other, *, out=None):
    if not isinstance(input, Tensor) and not isinstance(other, Tensor):
        raise _not_tensor("xlogy", 2, "other", other)
    return _xlogy_op(input, other, out=out)


def heaviside(input, values, *, out=None):
    _require_tensors("heaviside", input, values, 0, ("input", "values"))
    if input.dtype is not values.dtype:
        raise RuntimeError("heaviside is not yet implemented for tensors with different dtypes.")
    d = input.dtype.core
    if d.kind == "c":
        raise RuntimeError("heaviside is not yet implemented for complex tensors.")
    _check_out(out, d, "heaviside is not yet implemented for tensors with different dtypes.")
    try:
        a, v = input._value(), values._value()
        if d is C.bool:
            return finish(C.logical_or(a, v), d, out)
        shape = C.broadcast_shapes(C.shape(a), C.shape(v))
        a = C.broadcast_to(a, shape)
        one, zero = C.ones_like(a), C.zeros_like(a)
        # torch: values where input == 0, else (input > 0): nan gives 0
        r = C.where(C.equal(a, 0), C.broadcast_to(v, shape), C.where(C.greater(a, 0), one, zero))
        return finish(r, d, out)
    except ValueError as e:
        _raise(e)
        raise


# ------------------------------------------------------------------ clamp, lerp, addc*

def _max(a, b):
    return C.logical_or(a, b) if C.dtype_of(a) is C.bool else C.maximum(a, b)


def _min(a, b):
    return C.logical_and(a, b) if C.dtype_of(a) is C.bool else C.minimum(a, b)


def clamp(input, min=None, max=None, *, out=None):  # noqa: A002
    if min is None and max is None:
        raise RuntimeError("torch.clamp: At least one of 'min' or 'max' must not be None")
    if min is not None and max is not None and isinstance(min, Tensor) != isinstance(max, Tensor):
        raise TypeError("clamp() received an invalid combination of arguments: min and max "
                        "must both be Tensors or both be numbers")
    _dtype_of_input(input, "clamp")
    try:
        dt = result_dtype(input, min, max)
        if dt.kind == "c":
            raise NotImplementedError("clamp is not supported for complex types")
        _check_out(out, dt)
        v = as_native(input, dt)
        lo = None if min is None else as_native(min, dt)
        hi = None if max is None else as_native(max, dt)
        if dt is C.bool:  # torch clamps bools against tensor bounds only
            if not isinstance(min if min is not None else max, Tensor):
                raise _no_kernel("clamp_scalar_cpu", dt)
            if lo is not None:
                v = C.logical_or(v, lo)
            if hi is not None:
                v = C.logical_and(v, hi)
            return finish(v, dt, out)
        shape = C.broadcast_shapes(*(C.shape(a) for a in (v, lo, hi) if a is not None))
        if shape != C.shape(v):
            v = C.broadcast_to(v, shape)
        # clip's gradient reaches x on the closed interval, like torch's clamp
        return finish(C.clip(v, lo, hi), dt, out)
    except ValueError as e:
        _raise(e)
        raise


clip = clamp


def clamp_min(input, min, *, out=None):  # noqa: A002
    return clamp(input, min, None, out=out)


def clamp_max(input, max, *, out=None):  # noqa: A002
    return clamp(input, None, max, out=out)


def lerp(input, end, weight, *, out=None):
    _require_tensors("lerp", input, end, 0, ("input", "end"))
    d = input.dtype
    if end.dtype is not d:
        raise RuntimeError(f"expected dtype {d} for `end` but got dtype {end.dtype}")
    w_t = isinstance(weight, Tensor)
    if w_t and weight.dtype is not d and weight.ndim:  # a 0-d weight is cast (torch)
        raise RuntimeError(f"expected dtype {d} for `weight` but got dtype {weight.dtype}")
    if d.core.kind not in "fc":
        raise _no_kernel("lerp_kernel_tensor" if w_t else "lerp_kernel_scalar", d.core)
    try:
        a, b = input._value(), end._value()
        diff = C.subtract(b, a)
        if not w_t:
            if d.core.kind != "c" and type(weight) is builtins.complex:
                weight = weight.real
            w = C.asarray(weight, dtype=d.core)
        else:
            w = weight._value()
            if weight.dtype is not d:
                w = C.astype(w, d.core)
        # the two formulas torch uses keep lerp exact at both ends
        small = C.less(C.abs(w), 0.5)
        r = C.where(small, C.add(a, C.multiply(w, diff)),
                    C.subtract(b, C.multiply(diff, C.subtract(1, w))))
        return finish(r, d.core, out)
    except ValueError as e:
        _raise(e)
        raise


def _addc_value(value, dt):
    if type(value) is builtins.complex and dt.kind != "c":
        raise RuntimeError(f"value cannot be converted to type {T.FROM_CORE[dt]._name} "
                           "without overflow")
    if dt.kind in "iu":
        return builtins.int(value)
    return value


def addcmul(input, tensor1, tensor2, *, value=1, out=None):
    _require_tensors("addcmul", tensor1, tensor2, 0, ("tensor1", "tensor2"))
    try:
        (a, x, y), dt = operands(input, tensor1, tensor2)
        if dt is C.bool:
            raise _no_kernel("addcmul_cpu_out", dt)
        value = _addc_value(value, dt)
        p = C.multiply(x, y)
        if value != 1:
            p = C.multiply(p, value)
        return finish(C.add(a, p), dt, out)
    except ValueError as e:
        _raise(e)
        raise


def addcdiv(input, tensor1, tensor2, *, value=1, out=None):
    _require_tensors("addcdiv", tensor1, tensor2, 0, ("tensor1", "tensor2"))
    if tensor1.dtype.core.kind in "biu" and tensor2.dtype.core.kind in "biu":
        raise RuntimeError(
            "Integer division with addcdiv is no longer supported, and in a future  release "
            "addcdiv will perform a true division of tensor1 and tensor2. The historic addcdiv "
            "behavior can be implemented as (input + value * torch.trunc(tensor1 / tensor2))."
            "to(input.dtype) for integer inputs and as (input + value * tensor1 / tensor2) for "
            "float inputs. The future addcdiv behavior is just the latter implementation: "
            "(input + value * tensor1 / tensor2), for all dtypes.")
    try:
        (a, x, y), dt = operands(input, tensor1, tensor2)
        value = _addc_value(value, dt)
        q = C.divide(x, y)
        if value != 1:
            q = C.multiply(q, value)
        return finish(C.add(a, q), dt, out)
    except ValueError as e:
        _raise(e)
        raise


# ------------------------------------------------------------------ complex construction

def _float_pair(fname, x, y, names):
    _require_tensors(fname, x, y, 0, names)
    dx, dy = x.dtype.core, y.dtype.core
    if dx.kind != "f" or dy.kind != "f" or D.bfloat16 in (dx, dy):
        raise RuntimeError(f"Expected both inputs to be Half, Float or Double tensors but got "
                           f"{_TYPE_NAMES[dx]} and {_TYPE_NAMES[dy]}")
    if dx is not dy:
        raise RuntimeError(f"Expected object of scalar type {_TYPE_NAMES[dx]} but got scalar "
                           f"type {_TYPE_NAMES[dy]} for second argument")
    return D.complex_dtype(dx)


def _complex_out(out, cdt):
    if out is not None and isinstance(out, Tensor) and out.dtype.core is not cdt:
        raise RuntimeError(f"Expected object of scalar type {_TYPE_NAMES[cdt]} but got scalar "
                           f"type {_TYPE_NAMES[out.dtype.core]} for argument 'out'")


def _make_complex(re, im, cdt):
    return C.add(C.astype(re, cdt), C.multiply(C.astype(im, cdt), 1j))


def complex(real, imag, *, out=None):  # noqa: A001
    """Built as real + imag * 1j: an infinite imaginary part also makes the real part nan."""
    cdt = _float_pair("complex", real, imag, ("real", "imag"))
    _complex_out(out, cdt)
    return finish(_make_complex(real._value(), imag._value(), cdt), cdt, out)


def polar(abs, angle, *, out=None):  # noqa: A002
    """Built as abs*cos + abs*sin * 1j (non-finite parts may differ from torch's)."""
    cdt = _float_pair("polar", abs, angle, ("abs", "angle"))
    _complex_out(out, cdt)
    r, t = abs._value(), angle._value()
    return finish(_make_complex(C.multiply(r, C.cos(t)), C.multiply(r, C.sin(t)), cdt), cdt, out)
