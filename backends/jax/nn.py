"""nn ops on JAX: lax convolutions and reduce_window pooling (traceable under jax.jit)."""
import jax
import jax.numpy as jnp
import numpy as np
from jax import lax

from ...core.ops.nn import (ClassValueError as _ClassValueError, _avg_divisor, _conv_geom,
                            _conv_transpose_geom, _pad_check, _pad_fill, _pad_mode, _pad_pairs, _pool_geom)
from ._base import nd as _nd

_SPATIAL = {1: "H", 2: "HW", 3: "DHW"}


def _dn(nsp):
    s = _SPATIAL[nsp]
    return ("NC" + s, "OI" + s, "NC" + s)


def _conv(x, w, st, pads, dil, G, lhs_dil=None):
    return lax.conv_general_dilated(x, w, window_strides=st, padding=pads, lhs_dilation=lhs_dil,
                                    rhs_dilation=dil, dimension_numbers=_dn(w.ndim - 2),
                                    feature_group_count=G, precision=lax.Precision.HIGHEST)


def _bias(out, bias, nsp):
    if bias is None:
        return out
    return out + jnp.reshape(bias, (1, -1) + (1,) * nsp)


def _same_dtype(x, weight):
    t = jnp.result_type(x, weight)
    return x.astype(t), weight.astype(t)


def conv(x, weight, bias, stride, padding, dilation, groups):
    x, weight = _same_dtype(jnp.asarray(x), jnp.asarray(weight))
    batched, st, pads, dil, G, _ = _conv_geom(x.shape, weight.shape, stride, padding, dilation, groups)
    if not batched:
        x = x[None]
    out = _bias(_conv(x, weight, st, pads, dil, G), bias, weight.ndim - 2)
    return out if batched else out[0]


def conv_transpose(x, weight, bias, stride, padding, output_padding, groups, dilation):
    x, weight = _same_dtype(jnp.asarray(x), jnp.asarray(weight))
    batched, st, pd, op_, dil, G, _ = _conv_transpose_geom(
        x.shape, weight.shape, stride, padding, output_padding, groups, dilation)
    if not batched:
        x = x[None]
    nsp = weight.ndim - 2
    ks = weight.shape[2:]
    cin, fg = weight.shape[0], weight.shape[1]
    # the adjoint of conv: dilate the input by the stride, pad by the kernel extent minus padding,
    # correlate with the flipped kernel whose in/out channels are swapped within each group
    w = jnp.reshape(weight, (G, cin // G, fg) + ks)
    w = jnp.swapaxes(w, 1, 2).reshape((G * fg, cin // G) + ks)
    w = jnp.flip(w, axis=tuple(range(2, 2 + nsp)))
    pads = tuple((d * (k - 1) - p, d * (k - 1) - p + o) for d, k, p, o in zip(dil, ks, pd, op_))
    out = _bias(_conv(x, w, (1,) * nsp, pads, dil, G, lhs_dil=st), bias, nsp)
    return out if batched else out[0]


def pad(x, pad_width, mode, value):
    x = jnp.asarray(x)
    pairs = _pad_pairs(pad_width, x.ndim)
    m = _pad_mode(mode)
    _pad_check(x.shape, pairs, m)
    if m == "constant":
        fill = np.asarray(_pad_fill(value, x.dtype.name), x.dtype)
        return jnp.pad(x, pairs, mode="constant", constant_values=fill)
    return jnp.pad(x, pairs, mode=m)


def _window_args(x, ks, st, pd, dil, out):
    nsp = len(ks)
    pads = [(0, 0), (0, 0)]
    for n, k, s, p, d, o in zip(x.shape[2:], ks, st, pd, dil, out):
        pads.append((p, max(0, (o - 1) * s + d * (k - 1) + 1 - n - p)))
    return (1, 1) + ks, (1, 1) + st, pads, (1,) * 2 + dil, nsp


def _crop(y, out):
    return y[(slice(None), slice(None)) + tuple(slice(0, o) for o in out)]


def max_pool(x, kernel_size, stride, padding, dilation, ceil_mode):
    x = jnp.asarray(x)
    batched, ks, st, pd, dil, out = _pool_geom("max_pool", x.shape, kernel_size, stride, padding,
                                               dilation, ceil_mode)
    if not batched:
        x = x[None]
    win, strides, pads, wdil, _ = _window_args(x, ks, st, pd, dil, out)
    low = -jnp.inf if jnp.issubdtype(x.dtype, jnp.floating) else jnp.iinfo(x.dtype).min
    y = lax.reduce_window(x, jnp.asarray(low, x.dtype), lax.max, win, strides, pads, window_dilation=wdil)
    y = _crop(y, out)
    return y if batched else y[0]


def avg_pool(x, kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override):
    x = jnp.asarray(x)
    batched, ks, st, pd, dil, out = _pool_geom("avg_pool", x.shape, kernel_size, stride, padding, 1,
                                               ceil_mode)
    if not batched:
        x = x[None]
    win, strides, pads, wdil, nsp = _window_args(x, ks, st, pd, dil, out)
    y = _crop(lax.reduce_window(x, jnp.asarray(0, x.dtype), lax.add, win, strides, pads), out)
    if divisor_override:
        y = y / divisor_override
    else:
        div = np.ones(())
        for n, k, s, p, o in zip(x.shape[2:], ks, st, pd, out):
            div = np.multiply.outer(div, _avg_divisor(n, k, s, p, o, count_include_pad))
        y = y / jnp.asarray(div, y.dtype)
    return y if batched else y[0]


def one_hot(x, num_classes, dtype):
    x = jnp.asarray(x)
    if not jnp.issubdtype(x.dtype, jnp.integer):
        raise TypeError(f"unify.core.one_hot: needs integer class values, got {x.dtype}")
    concrete = not isinstance(x, jax.core.Tracer)
    if num_classes == -1:
        if not concrete:
            raise ValueError("one_hot: num_classes=-1 needs concrete values (not under jax.jit)")
        num_classes = int(x.max()) + 1 if x.size else 0
    if concrete and x.size and (int(x.min()) < 0 or int(x.max()) >= num_classes):
        raise _ClassValueError(f"one_hot: class values must be in [0, {num_classes})")
    t = jnp.int64 if dtype is None else _nd(dtype, "one_hot")
    return (x[..., None] == jnp.arange(num_classes, dtype=x.dtype)).astype(t)
