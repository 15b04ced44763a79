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


_SCALARS = (int, float, complex, bool)


def _shape_of(x):
    return shape(x) if not isinstance(x, _SCALARS) else ()


def _c(x):
    """conj for arrays and Python scalars alike (rules see both)."""
    return x.conjugate() if isinstance(x, _SCALARS) else conj(x)


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

negative = op("negative(x, /)")
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
logical_not = op("logical_not(x, /)")
where = op("where(condition, x1, x2, /)", doc="Python scalars are weak, as in binary ops.")
nondiff("greater", "less", "logical_not", "sign")


def _div_vjp(g, out, x1, x2):
    g1 = divide(g, _c(x2))
    return (unbroadcast(g1, _shape_of(x1)),
            unbroadcast(negative(multiply(g1, conj(out))), _shape_of(x2)))


def _abs_vjp(g, out, x):
    from .inspection import dtype_of
    if dtype_of(x).kind == "c":
        # d|z| pulls back g (real) to g * z/|z|
        from .manipulation import astype
        return (multiply(astype(g, dtype_of(x)), sign(x)),)
    return (multiply(g, sign(x)),)


def _where_vjp(g, out, c, x1, x2):
    from .creation import zeros_like
    z = zeros_like(g)
    return (None, unbroadcast(where(c, g, z), _shape_of(x1)), unbroadcast(where(c, z, g), _shape_of(x2)))


defvjp("divide", _div_vjp)
defvjp("abs", _abs_vjp)
defvjp("sqrt", lambda g, out, x: (divide(g, multiply(2, conj(out))),))
defvjp("log", lambda g, out, x: (divide(g, conj(x)),))
defvjp("where", _where_vjp)
