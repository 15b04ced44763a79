"""Elementwise functions (the Array API set plus the special functions frontends need).

Binary ops promote within a kind by the core lattice (dtypes.PROMOTION);
Python scalars are weak. Mixed int/float operands are left to frontends.
"""
from ._define import defvjp, family, nondiff, unbroadcast
from .inspection import shape

__all__: list[str] = []
op = family(__name__, __all__)

add = op("add(x1, x2, /)")
subtract = op("subtract(x1, x2, /)")
multiply = op("multiply(x1, x2, /)")
exp = op("exp(x, /)")
equal = op("equal(x1, x2, /)")

nondiff("equal")


def _shape_of(x):
    return shape(x) if not isinstance(x, (int, float, complex, bool)) else ()


def _add_vjp(g, out, x1, x2):
    return unbroadcast(g, _shape_of(x1)), unbroadcast(g, _shape_of(x2))


def _sub_vjp(g, out, x1, x2):
    return unbroadcast(g, _shape_of(x1)), unbroadcast(negative(g), _shape_of(x2))


def _mul_vjp(g, out, x1, x2):
    return (unbroadcast(multiply(g, conj(x2)), _shape_of(x1)),
            unbroadcast(multiply(g, conj(x1)), _shape_of(x2)))


defvjp("add", _add_vjp)
defvjp("subtract", _sub_vjp)
defvjp("multiply", _mul_vjp)
defvjp("exp", lambda g, out, x: (multiply(g, conj(out)),))

negative = op("negative(x, /)")
conj = op("conj(x, /)")
defvjp("negative", lambda g, out, x: (negative(g),))
defvjp("conj", lambda g, out, x: (conj(g),))
