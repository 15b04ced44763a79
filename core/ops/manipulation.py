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

expand_dims = op("expand_dims(x, /, *, axis=0)", doc="axis may be an int or a tuple of ints (Array API 2024.12).")
squeeze = op("squeeze(x, /, axis)")
permute_dims = op("permute_dims(x, /, axes)")
concat = op("concat(arrays, /, *, axis=0)", doc="axis=None flattens first. Arrays must share a dtype.")
stack = op("stack(arrays, /, *, axis=0)")


def _squeeze_like_vjp(g, out, x, *rest):
    from .inspection import shape
    return (reshape(g, shape(x)),) + (None,) * len(rest)


def _permute_vjp(g, out, x, axes):
    n = len(axes)
    inv = [0] * n
    for i, a in enumerate(axes):
        inv[a % n] = i
    return (permute_dims(g, tuple(inv)), None)


def _concat_vjp(g, out, arrays, axis):
    from .indexing import getitem
    from .inspection import shape
    if axis is None:
        ax, sizes = 0, [_prod(shape(a)) for a in arrays]
    else:
        ax = axis % len(shape(g))
        sizes = [shape(a)[ax] for a in arrays]
    parts, start = [], 0
    for a, n in zip(arrays, sizes):
        piece = getitem(g, (slice(None),) * ax + (slice(start, start + n),))
        parts.append(reshape(piece, shape(a)) if axis is None else piece)
        start += n
    return (tuple(parts), None)


def _prod(s):
    n = 1
    for v in s:
        n *= v
    return n


def _stack_vjp(g, out, arrays, axis):
    from .indexing import getitem
    from .inspection import shape
    nd = len(shape(g))
    ax = axis % nd
    return (tuple(getitem(g, (slice(None),) * ax + (i,)) for i in range(len(arrays))), None)


defvjp("expand_dims", _squeeze_like_vjp)
defvjp("squeeze", _squeeze_like_vjp)
defvjp("permute_dims", _permute_vjp)
defvjp("concat", _concat_vjp)
defvjp("stack", _stack_vjp)
