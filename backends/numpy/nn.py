"""nn ops on NumPy: convolutions by sliding windows + tensordot, native pad and pooling."""
import itertools

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view as _windows

from ...core.ops.nn import (ClassValueError as _ClassValueError, _avg_divisor, _conv_geom,
                            _conv_transpose_geom, _pad_check, _pad_fill, _pad_mode, _pad_pairs, _pool_geom)
from ._base import nd as _nd


def _strided_windows(xp, ks, st, dil):
    """(N, C, *P) -> (N, C, *out, *ks): window o, tap k reads xp[..., o*st + k*dil]."""
    nsp = len(ks)
    spans = tuple(d * (k - 1) + 1 for k, d in zip(ks, dil))
    w = _windows(xp, spans, axis=tuple(range(2, 2 + nsp)))
    key = (slice(None), slice(None)) + tuple(slice(None, None, s) for s in st) + tuple(
        slice(None, None, d) for d in dil)
    return w[key]


def _bias(out, bias, nsp):
    if bias is None:
        return out
    return out + np.reshape(bias, (1, -1) + (1,) * nsp)


def conv(x, weight, bias, stride, padding, dilation, groups):
    x, weight = np.asarray(x), np.asarray(weight)
    batched, st, pads, dil, G, osz = _conv_geom(x.shape, weight.shape, stride, padding, dilation, groups)
    if not batched:
        x = x[None]
    nsp = weight.ndim - 2
    ks = weight.shape[2:]
    if any(a or b for a, b in pads):
        x = np.pad(x, ((0, 0), (0, 0)) + pads)
    win = _strided_windows(x, ks, st, dil)  # (N, C, *out, *ks)
    n, c = x.shape[:2]
    cg, fg = c // G, weight.shape[0] // G
    kax = tuple(range(2 + nsp, 2 + 2 * nsp))
    parts = []
    for g in range(G):
        wi = win[:, g * cg:(g + 1) * cg]
        wt = weight[g * fg:(g + 1) * fg]
        # contract channels and taps: (N, *out, F_g)
        parts.append(np.tensordot(wi, wt, axes=((1,) + kax, (1,) + tuple(range(2, 2 + nsp)))))
    out = parts[0] if G == 1 else np.concatenate(parts, axis=-1)
    out = np.moveaxis(out, -1, 1)
    out = _bias(out, bias, nsp)
    out = np.ascontiguousarray(out)
    return out if batched else out[0]


def conv_transpose(x, weight, bias, stride, padding, output_padding, groups, dilation):
    x, weight = np.asarray(x), np.asarray(weight)
    batched, st, pd, op_, dil, G, osz = _conv_transpose_geom(
        x.shape, weight.shape, stride, padding, output_padding, groups, dilation)
    if not batched:
        x = x[None]
    nsp = weight.ndim - 2
    ks = weight.shape[2:]
    n, c = x.shape[:2]
    cg, fg = c // G, weight.shape[1]
    ins = x.shape[2:]
    full = tuple((i - 1) * s + d * (k - 1) + 1 + o for i, s, d, k, o in zip(ins, st, dil, ks, op_))
    dt = np.result_type(x, weight)
    out = np.zeros((n, G * fg) + full, dtype=dt)
    for g in range(G):
        # (N, *in, F_g, *ks): every input position times every tap
        contrib = np.tensordot(x[:, g * cg:(g + 1) * cg], weight[g * cg:(g + 1) * cg], axes=((1,), (0,)))
        contrib = np.moveaxis(contrib, 1 + nsp, 1)  # (N, F_g, *in, *ks)
        for kidx in itertools.product(*(range(k) for k in ks)):
            key = (slice(None), slice(g * fg, (g + 1) * fg)) + tuple(
                slice(k * d, k * d + (i - 1) * s + 1, s) for k, d, i, s in zip(kidx, dil, ins, st))
            out[key] += contrib[(Ellipsis,) + kidx]
    out = out[(slice(None), slice(None)) + tuple(slice(p, p + o) for p, o in zip(pd, osz))]
    out = np.ascontiguousarray(_bias(out, bias, nsp)).astype(dt, copy=False)
    return out if batched else out[0]


def pad(x, pad_width, mode, value):
    x = np.asarray(x)
    pairs = _pad_pairs(pad_width, x.ndim)
    m = _pad_mode(mode)
    _pad_check(x.shape, pairs, m)
    if m == "constant":
        fill = np.asarray(_pad_fill(value, x.dtype.name), x.dtype)
        return np.pad(x, pairs, mode="constant", constant_values=fill)
    return np.pad(x, pairs, mode=m)


def _pool_input(x, what, kernel_size, stride, padding, dilation, ceil_mode, fill):
    batched, ks, st, pd, dil, out = _pool_geom(what, x.shape, kernel_size, stride, padding, dilation,
                                               ceil_mode)
    if not batched:
        x = x[None]
    pairs = [(0, 0), (0, 0)]
    for n, k, s, p, d, o in zip(x.shape[2:], ks, st, pd, dil, out):
        pairs.append((p, max(0, (o - 1) * s + d * (k - 1) + 1 - n - p)))
    xp = np.pad(x, pairs, constant_values=fill)
    w = _strided_windows(xp, ks, st, dil)
    idx = (slice(None), slice(None)) + tuple(slice(0, o) for o in out)
    return batched, w[idx], ks, st, pd, out


def max_pool(x, kernel_size, stride, padding, dilation, ceil_mode):
    x = np.asarray(x)
    low = -np.inf if x.dtype.kind == "f" else np.iinfo(x.dtype).min
    batched, w, ks, *_ = _pool_input(x, "max_pool", kernel_size, stride, padding, dilation, ceil_mode, low)
    nsp = len(ks)
    out = np.max(w, axis=tuple(range(w.ndim - nsp, w.ndim)))
    return out if batched else out[0]


def avg_pool(x, kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override):
    x = np.asarray(x)
    batched, w, ks, st, pd, out = _pool_input(x, "avg_pool", kernel_size, stride, padding, 1, ceil_mode, 0)
    nsp = len(ks)
    s = np.sum(w, axis=tuple(range(w.ndim - nsp, w.ndim)))
    if divisor_override:
        r = s / divisor_override
    else:
        div = np.ones(())
        for n, k, st_, p, o in zip(x.shape[-nsp:], ks, st, pd, out):
            div = np.multiply.outer(div, _avg_divisor(n, k, st_, p, o, count_include_pad))
        r = s / div.astype(s.dtype)
    r = r.astype(x.dtype, copy=False)
    return r if batched else r[0]


def one_hot(x, num_classes, dtype):
    x = np.asarray(x)
    if x.dtype.kind not in "iu":
        raise TypeError(f"unify.core.one_hot: needs integer class values, got {x.dtype}")
    if num_classes == -1:
        num_classes = int(x.max()) + 1 if x.size else 0
    if x.size and (x.min() < 0 or x.max() >= num_classes):
        raise _ClassValueError(f"one_hot: class values must be in [0, {num_classes})")
    t = np.int64 if dtype is None else _nd(dtype, "one_hot")
    return (x[..., None] == np.arange(num_classes)).astype(t)
