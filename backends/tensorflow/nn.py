"""nn ops on TensorFlow: channels-last native convolutions behind channels-first arguments."""
import numpy as np
import tensorflow as tf

from ...core.ops.nn import (ClassValueError as _ClassValueError, _conv_geom, _conv_transpose_geom,
                            _pad_check, _pad_fill, _pad_index, _pad_mode, _pad_pairs)
from ._base import DTYPES as _DTYPES, FROM as _FROM, nd as _nd
from ...core import dtypes as _D


def _to_last(x):
    n = len(x.shape)
    return tf.transpose(x, (0,) + tuple(range(2, n)) + (1,))


def _to_first(x):
    n = len(x.shape)
    return tf.transpose(x, (0, n - 1) + tuple(range(1, n - 1)))


def _same_dtype(x, w):
    x, w = tf.convert_to_tensor(x), tf.convert_to_tensor(w)
    if x.dtype != w.dtype:
        t = _DTYPES[_D.promote_types(_FROM[x.dtype], _FROM[w.dtype])]
        x, w = tf.cast(x, t), tf.cast(w, t)
    return x, w


def _conv_cl(x, w, st, dil, G):
    """Valid correlation of channels-last x with a torch-layout weight (C_out, C_in/G, *k)."""
    nsp = len(w.shape) - 2
    filt = tf.transpose(w, tuple(range(2, 2 + nsp)) + (1, 0))  # (*k, C_in/G, C_out)
    sub = any(s > 1 for s in st) and any(d > 1 for d in dil)
    kw = dict(strides=(1,) * nsp if sub else st, padding="VALID", dilations=dil)
    if G == 1 or nsp == 2:
        y = tf.nn.convolution(x, filt, **kw)
    else:  # grouped 1-d/3-d: one convolution per group
        cg, fg = x.shape[-1] // G, w.shape[0] // G
        y = tf.concat([tf.nn.convolution(x[..., g * cg:(g + 1) * cg], filt[..., g * fg:(g + 1) * fg], **kw)
                       for g in range(G)], axis=-1)
    if sub:
        y = y[(slice(None),) + tuple(slice(None, None, s) for s in st)]
    return y


def _bias(out, bias, nsp):
    if bias is None:
        return out
    return out + tf.reshape(tf.cast(bias, out.dtype), (1, -1) + (1,) * nsp)


def _pad_crop(x, pairs):
    """Pad (positive) or crop (negative) each axis by (lo, hi)."""
    if any(a < 0 or b < 0 for a, b in pairs):
        x = x[tuple(slice(-a if a < 0 else 0, (x.shape[i] + b) if b < 0 else None)
                    for i, (a, b) in enumerate(pairs))]
        pairs = [(max(a, 0), max(b, 0)) for a, b in pairs]
    if any(a or b for a, b in pairs):
        x = tf.pad(x, pairs)
    return x


def conv(x, weight, bias, stride, padding, dilation, groups):
    x, weight = _same_dtype(x, weight)
    batched, st, pads, dil, G, _ = _conv_geom(tuple(x.shape), tuple(weight.shape), stride, padding,
                                              dilation, groups)
    if not batched:
        x = x[None]
    nsp = len(weight.shape) - 2
    xl = _pad_crop(_to_last(x), [(0, 0)] + list(pads) + [(0, 0)])
    out = _bias(_to_first(_conv_cl(xl, weight, st, dil, G)), bias, nsp)
    return out if batched else out[0]


def _dilate(x, ax, s):
    if s == 1:
        return x
    sh = list(x.shape)
    y = tf.stack([x] + [tf.zeros_like(x)] * (s - 1), axis=ax + 1)
    y = tf.reshape(y, sh[:ax] + [sh[ax] * s] + sh[ax + 1:])
    return y[(slice(None),) * ax + (slice(0, (sh[ax] - 1) * s + 1),)]


def conv_transpose(x, weight, bias, stride, padding, output_padding, groups, dilation):
    x, weight = _same_dtype(x, weight)
    batched, st, pd, op_, dil, G, _ = _conv_transpose_geom(
        tuple(x.shape), tuple(weight.shape), stride, padding, output_padding, groups, dilation)
    if not batched:
        x = x[None]
    nsp = len(weight.shape) - 2
    ks = tuple(weight.shape[2:])
    cin, fg = weight.shape[0], weight.shape[1]
    # adjoint of conv: stride-dilated input, padded by the kernel extent minus padding, correlated
    # with the flipped kernel whose in/out channels are swapped within each group
    w = tf.reshape(weight, (G, cin // G, fg) + ks)
    w = tf.reshape(tf.transpose(w, (0, 2, 1) + tuple(range(3, 3 + nsp))), (G * fg, cin // G) + ks)
    w = tf.reverse(w, axis=list(range(2, 2 + nsp)))
    xl = _to_last(x)
    for i, s in enumerate(st):
        xl = _dilate(xl, 1 + i, s)
    pads = [(d * (k - 1) - p, d * (k - 1) - p + o) for d, k, p, o in zip(dil, ks, pd, op_)]
    xl = _pad_crop(xl, [(0, 0)] + pads + [(0, 0)])
    out = _bias(_to_first(_conv_cl(xl, w, (1,) * nsp, dil, G)), bias, nsp)
    return out if batched else out[0]


def pad(x, pad_width, mode, value):
    x = tf.convert_to_tensor(x)
    shp = tuple(x.shape)
    pairs = _pad_pairs(pad_width, len(shp))
    m = _pad_mode(mode)
    _pad_check(shp, pairs, m)
    if m == "constant":
        v = np.asarray(_pad_fill(value, x.dtype.name), x.dtype.as_numpy_dtype)
        return tf.pad(x, pairs, constant_values=tf.constant(v, dtype=x.dtype))
    if m == "reflect" and all(a < n and b < n for (a, b), n in zip(pairs, shp)):
        return tf.pad(x, pairs, mode="REFLECT")
    if m == "symmetric" and all(a <= n and b <= n for (a, b), n in zip(pairs, shp)):
        return tf.pad(x, pairs, mode="SYMMETRIC")
    for ax, (a, b) in enumerate(pairs):
        if a or b:
            x = tf.gather(x, _pad_index(shp[ax], a, b, m), axis=ax)
    return x


def one_hot(x, num_classes, dtype):
    x = tf.convert_to_tensor(x)
    if not x.dtype.is_integer:
        raise TypeError(f"unify.core.one_hot: needs integer class values, got {x.dtype.name}")
    xi = tf.cast(x, tf.int64)
    size = int(tf.size(xi))
    if num_classes == -1:
        num_classes = int(tf.reduce_max(xi)) + 1 if size else 0
    if size and (int(tf.reduce_min(xi)) < 0 or int(tf.reduce_max(xi)) >= num_classes):
        raise _ClassValueError(f"one_hot: class values must be in [0, {num_classes})")
    t = tf.int64 if dtype is None else _nd(dtype, "one_hot")
    if t == tf.bool:
        return tf.cast(tf.one_hot(xi, num_classes, dtype=tf.int8), tf.bool)
    return tf.one_hot(xi, num_classes, dtype=t)
