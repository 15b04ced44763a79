"""indexing ops."""
from ._define import defvjp, family, nondiff, unbroadcast  # noqa: F401

__all__: list[str] = []
op = family(__name__, __all__)

getitem = op("getitem(x, key, /)", doc="x[key] for a key of ints, slices, None, Ellipsis, "
             "integer arrays and boolean arrays (NumPy semantics).")


def _getitem_vjp(g, out, x, key):
    from .creation import zeros_like
    return (index_add(zeros_like(x), key, g), None)


index_add = op("index_add(x, key, values, /)",
               doc="A copy of x with values added at x[key]; repeated indices accumulate "
                   "(numpy's np.add.at). Functional: x is not modified.")


def _index_add_vjp(g, out, x, key, values):
    from .inspection import shape
    from .manipulation import broadcast_to
    gv = getitem(g, key)
    return (g, None, unbroadcast(gv, shape(values)) if not isinstance(values, (int, float, complex)) else None)


defvjp("getitem", _getitem_vjp)
defvjp("index_add", _index_add_vjp)
