import jax
import jax.numpy as jnp
from jax import lax

from ...core.ops.reduction import _check_nonempty, _norm_axes, _norm_axis, _scan_axis
from ._base import nd


# XLA's CPU backend treats subnormal floats as zero (flush-to-zero, denormals-are-zero):
# order and truth tests of floats go through integer keys of their bits instead.
_BITS = {jnp.dtype(jnp.float16): jnp.int16, jnp.dtype(jnp.bfloat16): jnp.int16,
         jnp.dtype(jnp.float32): jnp.int32, jnp.dtype(jnp.float64): jnp.int64}


def _key(x):
    """Integers ordered like x (floats: exact for subnormals; -0.0 ties with 0.0); bool -> uint8."""
    it = _BITS.get(x.dtype)
    if it is None:
        return x.astype(jnp.uint8) if x.dtype == jnp.bool_ else x
    b = lax.bitcast_convert_type(x, it)
    m = b & jnp.iinfo(it).max
    return jnp.where(b < 0, -m, m)


def _truthy(x):
    """x != 0 (exact for subnormals)."""
    if x.dtype == jnp.bool_:
        return x
    if jnp.issubdtype(x.dtype, jnp.complexfloating):
        return _truthy(jnp.real(x)) | _truthy(jnp.imag(x))
    return _key(x) != 0


def _acc(x, dtype, name):
    """Explicit accumulator dtype (jnp.cumulative_prod keeps small ints for empty input)."""
    if dtype is not None:
        return nd(dtype, name)
    if x.dtype == jnp.bool_ or jnp.issubdtype(x.dtype, jnp.signedinteger):
        return jnp.int64
    if jnp.issubdtype(x.dtype, jnp.unsignedinteger):
        return jnp.uint64
    return None


def _ax(x, axis):
    return None if axis is None else _norm_axes(axis, x.ndim)


def sum(x, axis, dtype, keepdims):
    return jnp.sum(x, axis=_ax(x, axis), dtype=nd(dtype, "sum"), keepdims=keepdims)


def prod(x, axis, dtype, keepdims):
    return jnp.prod(x, axis=_ax(x, axis), dtype=nd(dtype, "prod"), keepdims=keepdims)


def mean(x, axis, keepdims):
    if not jnp.issubdtype(x.dtype, jnp.inexact):
        x = x.astype(jnp.float64)
    return jnp.mean(x, axis=_ax(x, axis), keepdims=keepdims)


def max(x, axis, keepdims):
    _check_nonempty(x.shape, axis, "maximum")
    return jnp.max(x, axis=_ax(x, axis), keepdims=keepdims)


def min(x, axis, keepdims):
    _check_nonempty(x.shape, axis, "minimum")
    return jnp.min(x, axis=_ax(x, axis), keepdims=keepdims)


def all(x, axis, keepdims):
    return jnp.all(_truthy(x), axis=_ax(x, axis), keepdims=keepdims)


def any(x, axis, keepdims):
    return jnp.any(_truthy(x), axis=_ax(x, axis), keepdims=keepdims)


def count_nonzero(x, axis, keepdims):
    return jnp.count_nonzero(_truthy(x), axis=_ax(x, axis), keepdims=keepdims).astype(jnp.int64)


def _arg(fn, x, axis, keepdims, name):
    if axis is not None:
        if isinstance(axis, (tuple, list)):
            raise TypeError(f"{name}: axis must be an int or None, got {axis!r}")
        axis = _norm_axis(axis, x.ndim)
    _check_nonempty(x.shape, axis, name)
    return fn(_key(x), axis=axis, keepdims=keepdims).astype(jnp.int64)


def argmax(x, axis, keepdims):
    return _arg(jnp.argmax, x, axis, keepdims, "argmax")


def argmin(x, axis, keepdims):
    return _arg(jnp.argmin, x, axis, keepdims, "argmin")


def cumulative_sum(x, axis, dtype, include_initial):
    ax = _scan_axis(axis, x.ndim, "cumulative_sum")
    if x.ndim == 0:
        x = x.reshape(1)
    return jnp.cumulative_sum(x, axis=ax, dtype=_acc(x, dtype, "cumulative_sum"), include_initial=include_initial)


def cumulative_prod(x, axis, dtype, include_initial):
    ax = _scan_axis(axis, x.ndim, "cumulative_prod")
    if x.ndim == 0:
        x = x.reshape(1)
    return jnp.cumulative_prod(x, axis=ax, dtype=_acc(x, dtype, "cumulative_prod"), include_initial=include_initial)


def _cumext(fn, x, axis, name):
    ax = _scan_axis(axis, x.ndim, name)
    if x.ndim == 0:
        x = x.reshape(1)
    k = _key(x)
    kv = fn(k, axis=ax)
    pos = lax.broadcasted_iota(jnp.int64, x.shape, ax)
    # the last position where x reaches its running extremum
    idx = lax.cummax(jnp.where(k == kv, pos, 0), axis=ax)
    return jnp.take_along_axis(x, idx, axis=ax), idx


def cummax(x, axis):
    return _cumext(lax.cummax, x, axis, "cummax")


def cummin(x, axis):
    return _cumext(lax.cummin, x, axis, "cummin")


def logcumsumexp(x, axis):
    if not jnp.issubdtype(x.dtype, jnp.inexact):
        x = x.astype(jnp.float64)
    if x.ndim == 0:
        return x
    return lax.cumlogsumexp(x, axis=_norm_axis(axis, x.ndim))


def logsumexp(x, axis, keepdims):
    if not jnp.issubdtype(x.dtype, jnp.inexact):
        x = x.astype(jnp.float64)
    return jax.nn.logsumexp(x, axis=_ax(x, axis), keepdims=keepdims)
