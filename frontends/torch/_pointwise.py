"""Elementwise torch functions, built at import from tables (one factory per result-dtype rule).

`binary(core_fn, rule)` / `unary(core_fn, rule)` give torch-signature functions that promote
with torch's rules (_convert.operands), call the core op once, and wrap or write `out=`.
Rules: "same" (the promoted dtype), "float" (integers and bool compute in the default float
dtype: exp, sin, true division), "bool" (comparisons).
"""
from __future__ import annotations

from ... import core as C
from . import _dtype as T
from ._api import _raise
from ._convert import finish, operands, result_dtype
from ._tensor import Tensor, wrap

__all__ = ["add", "sub", "subtract", "mul", "multiply", "div", "divide", "true_divide", "exp",
           "matmul", "eq", "ne", "lt", "le", "gt", "ge", "neg", "negative", "abs", "sqrt",
           "sin", "cos", "tanh", "log", "maximum", "minimum", "pow", "sigmoid"]


def _floatify(dt):
    return dt if dt.kind in "fc" else T.DEFAULT.float.core


def binary(core_fn, rule="same", name=None):
    if rule == "same":
        def f(input, other, *, out=None):
            try:
                (a, b), dt = operands(input, other)
                return finish(core_fn(a, b), dt, out)
            except ValueError as e:
                _raise(e)
                raise
    elif rule == "float":
        def f(input, other, *, out=None):
            try:
                dt = _floatify(result_dtype(input, other))
                (a, b), dt = operands(_cast(input, dt), _cast(other, dt))
                return finish(core_fn(a, b), dt, out)
            except ValueError as e:
                _raise(e)
                raise
    else:
        def f(input, other, *, out=None):
            try:
                (a, b), _ = operands(input, other)
                return finish(core_fn(a, b), C.bool, out)
            except ValueError as e:
                _raise(e)
                raise
    f.__name__ = f.__qualname__ = name or core_fn.__name__
    f._torch_public = True
    return f


def _cast(x, dt):
    """A tensor (or scalar) of core dtype dt for a "float" rule op."""
    if isinstance(x, Tensor):
        return x if x.dtype.core is dt else wrap(C.astype(x._value(), dt), T.FROM_CORE[dt])
    return x


def unary(core_fn, rule="same", name=None):
    def f(input, *, out=None):
        try:
            d = input.dtype.core
            v = input._value()
            if rule == "float" and d.kind not in "fc":
                d = T.DEFAULT.float.core
                v = C.astype(v, d)
            elif rule == "bool":
                d = C.bool
            return finish(core_fn(v), d, out)
        except ValueError as e:
            _raise(e)
            raise
        except AttributeError:
            if not isinstance(input, Tensor):
                raise TypeError(f"{f.__name__}(): argument 'input' (position 1) must be Tensor, "
                                f"not {type(input).__name__}") from None
            raise
    f.__name__ = f.__qualname__ = name or core_fn.__name__
    f._torch_public = True
    return f


def add(input, other, *, alpha=1, out=None):
    try:
        (a, b), dt = operands(input, other)
        if alpha != 1:
            b = C.multiply(b, alpha)
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
        if alpha != 1:
            b = C.multiply(b, alpha)
        return finish(C.subtract(a, b), dt, out)
    except ValueError as e:
        _raise(e)
        raise


add._torch_public = sub._torch_public = True
subtract = sub
mul = multiply = binary(C.multiply, "same", "mul")
true_divide = binary(C.divide, "float", "true_divide")


def div(input, other, *, rounding_mode=None, out=None):
    if rounding_mode is None:
        return true_divide(input, other, out=out)
    try:
        (a, b), dt = operands(input, other)
        if rounding_mode == "floor":
            r = C.floor_divide(a, b) if dt.kind in "iu" else C.floor(C.divide(a, b))
        elif rounding_mode == "trunc":
            r = C.trunc(C.divide(a, b)) if dt.kind in "fc" else C.astype(
                C.trunc(C.divide(C.astype(a, C.float64), C.astype(b, C.float64))), dt)
        else:
            raise RuntimeError(f"div expected rounding_mode to be one of None, 'trunc', or "
                               f"'floor' but found '{rounding_mode}'")
        return finish(r, dt, out)
    except ValueError as e:
        _raise(e)
        raise


div._torch_public = True
divide = div


def matmul(input, other, *, out=None):
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

exp = unary(C.exp, "float", "exp")
sqrt = unary(C.sqrt, "float", "sqrt")
sin = unary(C.sin, "float", "sin")
cos = unary(C.cos, "float", "cos")
tanh = unary(C.tanh, "float", "tanh")
log = unary(C.log, "float", "log")
sigmoid = unary(C.sigmoid, "float", "sigmoid")
neg = negative = unary(C.negative, "same", "neg")
abs = unary(C.abs, "same", "abs")  # noqa: A001
eq = binary(C.equal, "bool", "eq")
ne = binary(C.not_equal, "bool", "ne")
lt = binary(C.less, "bool", "lt")
le = binary(C.less_equal, "bool", "le")
gt = binary(C.greater, "bool", "gt")
ge = binary(C.greater_equal, "bool", "ge")
maximum = binary(C.maximum, "same", "maximum")
minimum = binary(C.minimum, "same", "minimum")
pow = binary(C.pow, "same", "pow")  # noqa: A001
