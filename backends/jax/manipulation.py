import operator

import jax.numpy as jnp

from ...core.ops.manipulation import _axes, _common_dtype, _int_or_none, _split_bounds
from ._base import DTYPES, FROM, nd


def _joined(arrays):
    """The arrays, cast to their common dtype (the core's rule) when they differ."""
    if not len(arrays):
        raise ValueError("unify.core: need at least one array to concatenate or stack")
    d0 = arrays[0].dtype
    if all(a.dtype == d0 for a in arrays):
        return arrays
    t = DTYPES[_common_dtype([FROM[a.dtype] for a in arrays])]
    return [a.astype(t) for a in arrays]


def astype(x, dtype, copy, device):
    x = jnp.asarray(x)
    t = nd(dtype, "astype")
    if x.dtype.kind == "c" and t.kind not in "cb":
        x = jnp.real(x)
    return x.astype(t)


def reshape(x, shape, copy):
    try:
        return jnp.reshape(x, shape)
    except TypeError as e:  # jax reports a size mismatch as a TypeError
        raise ValueError(f"unify.core.reshape: {e}") from None


broadcast_to = jnp.broadcast_to
expand_dims = jnp.expand_dims


def squeeze(x, axis):
    return jnp.squeeze(x, axis)


def permute_dims(x, axes):
    try:
        return jnp.transpose(x, axes)
    except TypeError as e:
        raise ValueError(f"unify.core.permute_dims: {e}") from None


def concat(arrays, axis):
    arrays = _joined(arrays)
    try:
        if axis is None:
            return jnp.concatenate([jnp.ravel(a) for a in arrays])
        return jnp.concatenate(arrays, axis=axis)
    except TypeError as e:  # jax reports a shape mismatch as a TypeError
        raise ValueError(f"unify.core.concat: {e}") from None


def stack(arrays, axis):
    return jnp.stack(_joined(arrays), axis=axis)


def flip(x, axis):
    try:
        return jnp.flip(x, axis)
    except TypeError as e:
        raise ValueError(f"unify.core.flip: {e}") from None


def roll(x, shift, axis):
    if axis is None:
        k = _int_or_none(shift)
        return jnp.roll(x, k if k is not None else sum(operator.index(s) for s in shift))
    return jnp.roll(x, shift, axis)


def repeat(x, repeats, axis):
    if _int_or_none(repeats) is None:
        repeats = jnp.asarray(repeats)
    return jnp.repeat(x, repeats, axis)


def diagonal(x, offset, axis1, axis2):
    try:
        return jnp.diagonal(x, offset, axis1, axis2)
    except TypeError as e:
        raise ValueError(f"unify.core.diagonal: {e}") from None


def unstack(x, axis):
    return jnp.unstack(x, axis=axis)


def array_split(x, indices_or_sections, axis):
    ax = _axes(axis, x.ndim, "array_split")[0]
    n = x.shape[ax]
    bounds = _split_bounds(n, indices_or_sections)
    pre = (slice(None),) * ax
    return [x[pre + (slice(a, b),)] for a, b in bounds]
