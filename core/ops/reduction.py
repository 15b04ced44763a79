"""reduction ops."""
from ._define import defvjp, family, nondiff, unbroadcast  # noqa: F401

__all__: list[str] = []
op = family(__name__, __all__)

sum = op("sum(x, /, *, axis=None, dtype=None, keepdims=False)")


def _normalize_axes(axis, ndim):
    if axis is None:
        return tuple(range(ndim))
    if isinstance(axis, int):
        axis = (axis,)
    return tuple(a % ndim if ndim else a for a in axis)


def _sum_vjp(g, out, x, axis, dtype, keepdims):
    from .inspection import shape, dtype_of
    from .manipulation import astype, reshape
    from .manipulation import broadcast_to
    xs = shape(x)
    if not keepdims:
        axes = _normalize_axes(axis, len(xs))
        kept = tuple(1 if i in axes else s for i, s in enumerate(xs))
        g = reshape(g, kept)
    if dtype is not None:
        g = astype(g, dtype_of(x))
    return (broadcast_to(g, xs),)


defvjp("sum", _sum_vjp)
