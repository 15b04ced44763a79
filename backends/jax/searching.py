import jax.numpy as jnp
from jax import lax

from ...core.ops.reduction import _norm_axis
from .reduction import _BITS, _key, _truthy
from ...core.ops.searching import TopKResult as _TopK
from ...core.ops.searching import UniqueAllResult as _UAll
from ...core.ops.searching import UniqueCountsResult as _UCounts
from ...core.ops.searching import UniqueInverseResult as _UInverse


def sort(x, axis, descending, stable):
    ax = _norm_axis(axis, x.ndim)
    if x.dtype in _BITS:  # sort bit keys (XLA on CPU compares subnormals as zero), gather the values
        idx = jnp.argsort(_key(x), axis=ax, stable=True, descending=descending)
        return jnp.take_along_axis(x, idx, axis=ax)
    return jnp.sort(x, axis=ax, stable=stable, descending=descending)


def argsort(x, axis, descending, stable):
    return jnp.argsort(_key(x), axis=_norm_axis(axis, x.ndim), stable=stable,
                       descending=descending).astype(jnp.int64)


def _topkey(y, largest):
    """Integer keys whose descending order is y's descending (largest) or ascending order."""
    k = _key(y)
    if largest:
        return k
    if jnp.issubdtype(k.dtype, jnp.integer):
        return jnp.invert(k)  # order-reversing without overflow, signed and unsigned
    return -k


def topk(x, k, axis, largest, sorted):
    ax = _norm_axis(axis, x.ndim)
    n = x.shape[ax]
    if not 0 <= k <= n:
        raise ValueError(f"topk: k={k} out of range for an axis of length {n}")
    y = jnp.moveaxis(x, ax, -1)
    _, idx = lax.top_k(_topkey(y, largest), k)  # ties: lower index first
    idx = idx.astype(jnp.int64)
    vals = jnp.take_along_axis(y, idx, axis=-1)
    return _TopK(jnp.moveaxis(vals, -1, ax), jnp.moveaxis(idx, -1, ax))


def searchsorted(x1, x2, side, sorter):
    if x1.ndim != 1:
        raise ValueError(f"searchsorted: x1 must be 1-D, got {x1.ndim}-D")
    if side not in ("left", "right"):
        raise ValueError(f"searchsorted: side must be 'left' or 'right', got {side!r}")
    d = jnp.result_type(x1, x2)
    return jnp.searchsorted(_key(x1.astype(d)), _key(jnp.asarray(x2, d)), side=side, sorter=sorter).astype(jnp.int64)


def nonzero(x):
    if x.ndim == 0:
        raise ValueError("nonzero of a 0-d array is not allowed; reshape it to 1-d first")
    return tuple(i.astype(jnp.int64) for i in jnp.nonzero(_truthy(x)))


def argwhere(x):
    return jnp.argwhere(_truthy(x)).astype(jnp.int64)


def _unique(x):
    """jnp.unique_all on bit keys (exact for subnormals), values gathered from x."""
    flat = x.reshape(-1)
    if jnp.issubdtype(x.dtype, jnp.complexfloating):
        r = jnp.unique_all(flat)
        return r.values, r.indices, r.inverse_indices, r.counts
    r = jnp.unique_all(_key(flat))
    return flat[r.indices], r.indices, r.inverse_indices, r.counts


def unique_all(x):
    v, i, inv, c = _unique(x)
    return _UAll(v, i.astype(jnp.int64), inv.astype(jnp.int64).reshape(x.shape), c.astype(jnp.int64))


def unique_counts(x):
    v, _, _, c = _unique(x)
    return _UCounts(v, c.astype(jnp.int64))


def unique_inverse(x):
    v, _, inv, _ = _unique(x)
    return _UInverse(v, inv.astype(jnp.int64).reshape(x.shape))


def unique_values(x):
    return _unique(x)[0]


def isin(x, test_elements, invert):
    d = jnp.result_type(x, test_elements)
    a, b = jnp.asarray(x, d), jnp.asarray(test_elements, d)
    if not jnp.issubdtype(d, jnp.complexfloating):
        a, b = _key(a), _key(b)
    return jnp.isin(a, b, invert=invert)


def bincount(x, weights, minlength):
    if x.ndim != 1:
        raise ValueError(f"bincount: x must be 1-D, got {x.ndim}-D")
    if not jnp.issubdtype(x.dtype, jnp.integer) and x.dtype != jnp.bool_ or x.dtype == jnp.uint64:
        raise TypeError(f"bincount: x must hold integers (int64-castable), got {x.dtype}")
    if minlength < 0:
        raise ValueError("bincount: minlength must be non-negative")
    x64 = x.astype(jnp.int64)
    if x64.size and int(jnp.min(x64)) < 0:
        raise ValueError("bincount: x must be non-negative")
    n = max(int(jnp.max(x64)) + 1 if x64.size else 0, minlength)
    if weights is None:
        return jnp.bincount(x64, minlength=n, length=n).astype(jnp.int64)
    if weights.shape != x.shape:
        raise ValueError("bincount: weights and x must have the same length")
    return jnp.bincount(x64, weights=weights.astype(jnp.float64), minlength=n, length=n)
