"""manipulation ops."""
from ._define import defvjp, family, nondiff, unbroadcast  # noqa: F401

__all__: list[str] = []
op = family(__name__, __all__)

astype = op("astype(x, dtype, /, *, copy=True, device=None)")
reshape = op("reshape(x, /, shape, *, copy=None)")


def _astype_vjp(g, out, x, dtype, copy, device):
    from .inspection import dtype_of
    return (astype(g, dtype_of(x)),)


def _reshape_vjp(g, out, x, shape_, copy):
    from .inspection import shape
    return (reshape(g, shape(x)),)


defvjp("astype", _astype_vjp)
defvjp("reshape", _reshape_vjp)

broadcast_to = op("broadcast_to(x, /, shape)")


def _broadcast_to_vjp(g, out, x, shape_):
    from .inspection import shape
    return (unbroadcast(g, shape(x)),)


defvjp("broadcast_to", _broadcast_to_vjp)
