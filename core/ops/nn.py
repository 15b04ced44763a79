"""Neural-network functional ops (torch.nn.functional semantics).

Layout is channels-first everywhere: x is (N, C, *spatial) with 1, 2 or 3
spatial dims (an unbatched (C, *spatial) input is accepted where torch accepts
it). Primitives: conv, conv_transpose, one_hot. Everything else is a composite
of core ops (so it differentiates through its parts); pad, max_pool and
avg_pool are composites that backends override with native kernels for the
forward pass (the composite runs while autograd records).

The `_..._geom` / `_pad_pairs` helpers below are shared with the backends so
every backend validates arguments and computes output sizes identically.
"""
import itertools
import math
import operator

import numpy as _np

from . import creation as _cr
from . import elementwise as _el
from . import indexing as _ix
from . import inspection as _in
from . import linalg as _la
from . import manipulation as _mp
from . import reduction as _rd
from ._define import defvjp, family, nondiff, unbroadcast  # noqa: F401

__all__: list[str] = []
op = family(__name__, __all__)


# ---------------------------------------------------------------- shared helpers (pure Python)


def _int(v, what):
    if isinstance(v, bool):
        raise TypeError(f"{what} must be an int, got {v!r}")
    try:
        return operator.index(v)
    except TypeError:
        raise TypeError(f"{what} must be an int, got {v!r}") from None


def _ntuple(v, n, what):
    """An int or a sequence of n ints (a 1-sequence is repeated) -> tuple of n ints."""
    if isinstance(v, (tuple, list)):
        if len(v) == 1:
            return (_int(v[0], what),) * n
        if len(v) != n:
            raise ValueError(f"{what} must be an int or {n} ints, got {v!r}")
        return tuple(_int(e, what) for e in v)
    return (_int(v, what),) * n


def _prod(s):
    n = 1
    for v in s:
        n *= v
    return n


class ClassValueError(ValueError, IndexError):
    """one_hot: a class value outside [0, num_classes) (both a ValueError and an IndexError)."""


def _batched(xs, nsp, what):
    if len(xs) == nsp + 2:
        return True, tuple(xs)
    if len(xs) == nsp + 1:
        return False, (1,) + tuple(xs)
    raise ValueError(f"{what}: expected a {nsp + 1}-d (unbatched) or {nsp + 2}-d (batched) input, "
                     f"got shape {tuple(xs)}")


def _conv_geom(xs, ws, stride, padding, dilation, groups):
    """Validate conv arguments: (batched, stride, pads ((lo, hi) per dim), dilation, groups, out sizes)."""
    nsp = len(ws) - 2
    if nsp < 1 or nsp > 3:
        raise ValueError(f"conv: weight must be 3-, 4- or 5-d, got shape {tuple(ws)}")
    batched, xs = _batched(xs, nsp, "conv")
    st = _ntuple(stride, nsp, "stride")
    dil = _ntuple(dilation, nsp, "dilation")
    groups = _int(groups, "groups")
    if any(s < 1 for s in st) or any(d < 1 for d in dil) or groups < 1:
        raise ValueError("conv: stride, dilation and groups must be positive")
    ks = tuple(ws[2:])
    if any(k < 1 for k in ks):
        raise ValueError(f"conv: empty kernel {ks}")
    if ws[0] % groups or ws[1] * groups != xs[1]:
        raise ValueError(f"conv: input with {xs[1]} channels, weight {tuple(ws)} and groups={groups} "
                         "do not match")
    if isinstance(padding, str):
        if padding == "valid":
            pads = ((0, 0),) * nsp
        elif padding == "same":
            if any(s != 1 for s in st):
                raise ValueError("conv: padding='same' needs stride 1")
            pads = tuple((t // 2, t - t // 2) for t in (d * (k - 1) for d, k in zip(dil, ks)))
        else:
            raise ValueError(f"conv: padding must be 'valid', 'same', an int or ints, got {padding!r}")
    else:
        p = _ntuple(padding, nsp, "padding")
        if any(v < 0 for v in p):
            raise ValueError("conv: negative padding")
        pads = tuple((v, v) for v in p)
    out = []
    for n, k, s, d, (lo, hi) in zip(xs[2:], ks, st, dil, pads):
        span = d * (k - 1) + 1
        if n + lo + hi < span:
            raise ValueError(f"conv: kernel extent {span} is larger than the padded input {n + lo + hi}")
        out.append((n + lo + hi - span) // s + 1)
    return batched, st, pads, dil, groups, tuple(out)


def _conv_transpose_geom(xs, ws, stride, padding, output_padding, groups, dilation):
    """Validate conv_transpose arguments: (batched, stride, padding, output_padding, dilation, groups, out)."""
    nsp = len(ws) - 2
    if nsp < 1 or nsp > 3:
        raise ValueError(f"conv_transpose: weight must be 3-, 4- or 5-d, got shape {tuple(ws)}")
    batched, xs = _batched(xs, nsp, "conv_transpose")
    st = _ntuple(stride, nsp, "stride")
    dil = _ntuple(dilation, nsp, "dilation")
    if isinstance(padding, str):
        raise ValueError("conv_transpose: padding must be an int or ints")
    pd = _ntuple(padding, nsp, "padding")
    op_ = _ntuple(output_padding, nsp, "output_padding")
    groups = _int(groups, "groups")
    if any(s < 1 for s in st) or any(d < 1 for d in dil) or groups < 1:
        raise ValueError("conv_transpose: stride, dilation and groups must be positive")
    if any(v < 0 for v in pd) or any(v < 0 for v in op_):
        raise ValueError("conv_transpose: negative padding")
    if any(o >= max(s, d) for o, s, d in zip(op_, st, dil)):
        raise ValueError("conv_transpose: output_padding must be smaller than stride or dilation")
    ks = tuple(ws[2:])
    if any(k < 1 for k in ks):
        raise ValueError(f"conv_transpose: empty kernel {ks}")
    if ws[0] != xs[1] or xs[1] % groups:
        raise ValueError(f"conv_transpose: input with {xs[1]} channels, weight {tuple(ws)} and "
                         f"groups={groups} do not match")
    out = tuple((n - 1) * s - 2 * p + d * (k - 1) + o + 1
                for n, s, p, d, k, o in zip(xs[2:], st, pd, dil, ks, op_))
    if any(n < 1 for n in xs[2:]) or any(o < 1 for o in out):
        raise ValueError(f"conv_transpose: empty output {out}")
    return batched, st, pd, op_, dil, groups, out


def _pool_nsp(xs, kernel_size):
    if isinstance(kernel_size, (tuple, list)):
        return len(kernel_size)
    return len(xs) - 2


def _pool_geom(what, xs, kernel_size, stride, padding, dilation, ceil_mode):
    """(batched, kernel, stride, padding, dilation, out sizes) with torch's checks and sizes."""
    nsp = _pool_nsp(xs, kernel_size)
    if nsp < 1 or nsp > 3:
        raise ValueError(f"{what}: needs 1, 2 or 3 spatial dims, got input shape {tuple(xs)}")
    batched, xs = _batched(xs, nsp, what)
    ks = _ntuple(kernel_size, nsp, "kernel_size")
    st = ks if stride is None or (isinstance(stride, (tuple, list)) and len(stride) == 0) \
        else _ntuple(stride, nsp, "stride")
    pd = _ntuple(padding, nsp, "padding")
    dil = _ntuple(dilation, nsp, "dilation")
    if any(k < 1 for k in ks) or any(s < 1 for s in st) or any(d < 1 for d in dil):
        raise ValueError(f"{what}: kernel_size, stride and dilation must be positive")
    if any(p < 0 or p > k // 2 for p, k in zip(pd, ks)):
        raise ValueError(f"{what}: padding must be at most half of the kernel size")
    out = []
    for n, k, s, p, d in zip(xs[2:], ks, st, pd, dil):
        o = (n + 2 * p - d * (k - 1) - 1 + (s - 1 if ceil_mode else 0)) // s + 1
        if ceil_mode and o > 0 and (o - 1) * s >= n + p:
            o -= 1
        if o < 1:
            raise ValueError(f"{what}: output size would be {o} for input size {n}")
        out.append(o)
    return batched, ks, st, pd, dil, tuple(out)


_PAD_MODES = {"constant": "constant", "reflect": "reflect", "replicate": "edge", "edge": "edge",
              "circular": "wrap", "wrap": "wrap", "symmetric": "symmetric"}


def _pad_mode(mode):
    try:
        return _PAD_MODES[mode]
    except (KeyError, TypeError):
        raise ValueError(f"pad: unknown mode {mode!r}; use one of {sorted(_PAD_MODES)}") from None


def _pad_pairs(pad_width, ndim):
    """numpy-style pad_width -> ((before, after),) * ndim of non-negative ints."""
    if isinstance(pad_width, (tuple, list)):
        pw = [tuple(p) if isinstance(p, (tuple, list)) else p for p in pad_width]
        if all(not isinstance(p, tuple) for p in pw):
            if len(pw) == 1:
                pairs = [(_int(pw[0], "pad_width"),) * 2] * ndim
            elif len(pw) == 2:
                pairs = [(_int(pw[0], "pad_width"), _int(pw[1], "pad_width"))] * ndim
            else:
                raise ValueError(f"pad: bad pad_width {pad_width!r}")
        elif all(isinstance(p, tuple) for p in pw):
            if len(pw) == 1:
                pw = pw * ndim
            if len(pw) != ndim or any(len(p) not in (1, 2) for p in pw):
                raise ValueError(f"pad: pad_width {pad_width!r} does not match {ndim} dims")
            pairs = [(_int(p[0], "pad_width"), _int(p[-1], "pad_width")) for p in pw]
        else:
            raise ValueError(f"pad: bad pad_width {pad_width!r}")
    else:
        v = _int(pad_width, "pad_width")
        pairs = [(v, v)] * ndim
    if any(a < 0 or b < 0 for a, b in pairs):
        raise ValueError("pad: negative pad widths are not supported")
    return tuple(pairs)


def _pad_fill(value, dtype_name):
    """The constant-mode fill for an array of dtype `dtype_name` (numpy's name): ints truncate and
    must fit (OverflowError otherwise, as numpy), bools are truthiness."""
    if dtype_name == "bool":
        return bool(value)
    if dtype_name.startswith(("int", "uint")):
        v = int(value)
        info = _np.iinfo(dtype_name)
        if not info.min <= v <= info.max:
            raise OverflowError(f"pad: value {value!r} does not fit in {dtype_name}")
        return v
    return value


def _pad_check(xs, pairs, mode):
    if mode != "constant":
        for n, (a, b) in zip(xs, pairs):
            if n == 0 and (a or b):
                raise ValueError(f"pad: can't extend an empty axis in mode {mode!r}")


def _pad_index(n, lo, hi, mode):
    """Source positions (int64 numpy array) of an axis of size n padded by (lo, hi)."""
    j = _np.arange(-lo, n + hi, dtype=_np.int64)
    if mode == "edge":
        return _np.clip(j, 0, n - 1)
    if mode == "wrap":
        return j % n
    if mode == "symmetric":
        m = j % (2 * n)
        return _np.where(m < n, m, 2 * n - 1 - m)
    if n == 1:  # reflect
        return _np.zeros_like(j)
    m = j % (2 * n - 2)
    return _np.where(m < n, m, 2 * n - 2 - m)


# ---------------------------------------------------------------- small core-op helpers


def _device(x):
    """x's device, or None (the default device) where it can't be asked (a jax tracer)."""
    try:
        return _in.device_of(x)
    except Exception:
        return None


def _const(a, like, dtype=None):
    """A numpy constant as an array of the current backend, on `like`'s device."""
    return _cr.asarray(a, dtype=_in.dtype_of(like) if dtype is None else dtype, device=_device(like))


def _slice_axis(x, ax, start, stop, step=1):
    return _ix.getitem(x, (slice(None),) * ax + (slice(start, stop, step),))


def _take_axis(x, ax, idx):
    """x gathered along axis `ax` at the static int positions idx (numpy array)."""
    idx = _np.asarray(idx, dtype=_np.int64)
    if idx.size == _in.shape(x)[ax] and _np.array_equal(idx, _np.arange(idx.size)):
        return x
    return _ix.take(x, _cr.asarray(idx, device=_device(x)), axis=ax)


def _mean(x, axis, keepdims=False):
    xs = _in.shape(x)
    axes = (axis,) if isinstance(axis, int) else tuple(axis)
    n = _prod(xs[a] for a in axes)
    return _el.divide(_rd.sum(x, axis=axes, keepdims=keepdims), n)


def _moments(x, axes):
    """Mean and biased variance over `axes` (kept)."""
    m = _mean(x, axes, keepdims=True)
    d = _el.subtract(x, m)
    return m, _mean(_el.multiply(d, d), axes, keepdims=True), d


def _safe_sqrt(s):
    """sqrt with a zero gradient at 0 (like torch's norm backward)."""
    pos = _el.greater(s, 0)
    return _el.where(pos, _el.sqrt(_el.where(pos, s, 1.0)), 0.0)


def _vector_norm(x, p, axis, keepdims):
    if p == 2:
        return _safe_sqrt(_rd.sum(_el.multiply(x, x), axis=axis, keepdims=keepdims))
    if p == 1:
        return _rd.sum(_el.abs(x), axis=axis, keepdims=keepdims)
    if p == math.inf:
        return _rd.max(_el.abs(x), axis=axis, keepdims=keepdims)
    if p == 0:
        from .manipulation import astype
        return _rd.sum(astype(_el.logical_not(_el.equal(x, 0)), _in.dtype_of(x)), axis=axis, keepdims=keepdims)
    s = _rd.sum(_el.pow(_el.abs(x), p), axis=axis, keepdims=keepdims)
    pos = _el.greater(s, 0)
    return _el.where(pos, _el.pow(_el.where(pos, s, 1.0), 1.0 / p), 0.0)


def _channel_shape(w, nd):
    """Reshape a per-channel (C,) vector to broadcast against (N, C, *spatial) of rank nd."""
    return _mp.reshape(w, (1, -1) + (1,) * (nd - 2))


def _unbatch(y, batched):
    return y if batched else _mp.squeeze(y, 0)


# ---------------------------------------------------------------- convolution (primitives)

conv = op("conv(x, weight, bias=None, *, stride=1, padding=0, dilation=1, groups=1)",
          doc="N-d convolution (cross-correlation) like torch's F.conv1d/2d/3d, picked by the weight "
              "rank. x: (N, C_in, *spatial) or unbatched (C_in, *spatial); weight: "
              "(C_out, C_in/groups, *kernel). padding: int, ints, 'valid' or 'same' (stride 1; an odd "
              "total pad puts the extra element at the end, like torch).")
conv_transpose = op("conv_transpose(x, weight, bias=None, *, stride=1, padding=0, output_padding=0, "
                    "groups=1, dilation=1)",
                    doc="N-d transposed convolution like torch's F.conv_transpose1d/2d/3d (the adjoint "
                        "of conv). weight: (C_in, C_out/groups, *kernel).")


def _wgrad(a, bp, ks, st, dil, groups):
    """sum_{n,o} a[n, i, o] * bp[n, j, o*st + k*dil] per group -> (A, B/groups, *ks).

    Written as a convolution with batch and channels swapped: the batch becomes
    the contracted channel axis and `a` acts as the kernel (dilated by st).
    """
    nsp = len(ks)
    A, B = _in.shape(a)[1], _in.shape(bp)[1]
    ag_, bg_ = A // groups, B // groups
    perm = (1, 0) + tuple(range(2, 2 + nsp))
    parts = []
    for g in range(groups):
        ag = a if groups == 1 else _slice_axis(a, 1, g * ag_, (g + 1) * ag_)
        bg = bp if groups == 1 else _slice_axis(bp, 1, g * bg_, (g + 1) * bg_)
        y = conv(_mp.permute_dims(bg, perm), _mp.permute_dims(ag, perm), None,
                 stride=dil, padding=0, dilation=st, groups=1)  # (B_g, A_g, K' ...)
        ys = _in.shape(y)[2:]
        if tuple(ys) != tuple(ks):
            y = _ix.getitem(y, (slice(None), slice(None)) + tuple(slice(0, k) for k in ks))
        parts.append(_mp.permute_dims(y, perm))
    return parts[0] if groups == 1 else _mp.concat(parts, axis=0)


def _conv_vjp(g, out, x, w, b, stride, padding, dilation, groups):
    batched, st, pads, dil, G, osz = _conv_geom(_in.shape(x), _in.shape(w), stride, padding, dilation, groups)
    xb = x if batched else _mp.expand_dims(x, axis=0)
    gb = g if batched else _mp.expand_dims(g, axis=0)
    ws = _in.shape(w)
    ks, nsp = tuple(ws[2:]), len(ws) - 2
    xs = _in.shape(xb)
    # input: the transposed conv of g, cropped/extended to the padded input, minus the padding
    ct = conv_transpose(gb, w, None, stride=st, padding=0, output_padding=0, groups=G, dilation=dil)
    cs = _in.shape(ct)[2:]
    ext = tuple(max(0, lo + n - c) for (lo, _), n, c in zip(pads, xs[2:], cs))
    if any(ext):
        ct = pad(ct, ((0, 0), (0, 0)) + tuple((0, e) for e in ext))
    if any(lo for lo, _ in pads) or any(c + e != n for c, e, n in zip(cs, ext, xs[2:])):
        ct = _ix.getitem(ct, (slice(None), slice(None)) + tuple(
            slice(lo, lo + n) for (lo, _), n in zip(pads, xs[2:])))
    gx = _unbatch(ct, batched)
    xp = pad(xb, ((0, 0), (0, 0)) + pads) if any(a or c for a, c in pads) else xb
    gw = _wgrad(gb, xp, ks, st, dil, G)
    gbias = None if b is None else _rd.sum(gb, axis=(0,) + tuple(range(2, 2 + nsp)))
    return gx, gw, gbias, None, None, None, None


def _conv_transpose_vjp(g, out, x, w, b, stride, padding, output_padding, groups, dilation):
    batched, st, pd, op_, dil, G, osz = _conv_transpose_geom(
        _in.shape(x), _in.shape(w), stride, padding, output_padding, groups, dilation)
    xb = x if batched else _mp.expand_dims(x, axis=0)
    gb = g if batched else _mp.expand_dims(g, axis=0)
    ws = _in.shape(w)
    ks, nsp = tuple(ws[2:]), len(ws) - 2
    xs = _in.shape(xb)
    gx = conv(gb, w, None, stride=st, padding=pd, dilation=dil, groups=G)
    if tuple(_in.shape(gx)[2:]) != tuple(xs[2:]):
        gx = _ix.getitem(gx, (slice(None), slice(None)) + tuple(slice(0, n) for n in xs[2:]))
    gp = pad(gb, ((0, 0), (0, 0)) + tuple((p, p) for p in pd)) if any(pd) else gb
    gw = _wgrad(xb, gp, ks, st, dil, G)
    gbias = None if b is None else _rd.sum(gb, axis=(0,) + tuple(range(2, 2 + nsp)))
    return _unbatch(gx, batched), gw, gbias, None, None, None, None, None


defvjp("conv", _conv_vjp)
defvjp("conv_transpose", _conv_transpose_vjp)


# ---------------------------------------------------------------- padding


def _pad_impl(x, pad_width, mode, value):
    xs = _in.shape(x)
    pairs = _pad_pairs(pad_width, len(xs))
    mode = _pad_mode(mode)
    _pad_check(xs, pairs, mode)
    dt = _in.dtype_of(x)
    if mode == "constant":
        value = _pad_fill(value, dt.name)
    for ax, (lo, hi) in enumerate(pairs):
        if not (lo or hi):
            continue
        if mode == "constant":
            cur = _in.shape(x)
            parts = []
            if lo:
                parts.append(_cr.full(cur[:ax] + (lo,) + cur[ax + 1:], value, dtype=dt, device=_device(x)))
            parts.append(x)
            if hi:
                parts.append(_cr.full(cur[:ax] + (hi,) + cur[ax + 1:], value, dtype=dt, device=_device(x)))
            x = _mp.concat(parts, axis=ax)
        else:
            x = _take_axis(x, ax, _pad_index(xs[ax], lo, hi, mode))
    return x


pad = op("pad(x, /, pad_width, mode='constant', value=0.0)", _pad_impl,
         doc="numpy-style pad_width (an int, a (before, after) pair for every axis, or one pair per "
             "axis; non-negative). mode: 'constant' (fill `value`), 'reflect', 'replicate' (numpy's "
             "'edge'), 'circular' (numpy's 'wrap') or 'symmetric'; numpy semantics for any width.")


# ---------------------------------------------------------------- pooling


def _window_slices(x, ax, k, s, d, o):
    return [_slice_axis(x, ax, i * d, i * d + (o - 1) * s + 1, s) for i in range(k)]


def _pool_pad(x, ax, n, k, s, p, d, o, value):
    """Pad axis ax by p in front and as much as the last window needs at the end."""
    hi = max(0, (o - 1) * s + d * (k - 1) + 1 - n - p)
    if not (p or hi):
        return x
    nd = len(_in.shape(x))
    return pad(x, tuple((p, hi) if i == ax else (0, 0) for i in range(nd)), value=value)


def _max_windows(y, coords):
    """Max over windows of the batched y (N, C, *sp), and the flat spatial index of each max.

    coords[i] (o_i, k_i): the input coordinates along spatial dim i that window o_i reads (-1 or
    out of range: padding). The first maximum of a window (row-major order, as torch scans)
    wins, so it alone gets the gradient, as in torch.
    """
    xs = _in.shape(y)
    n_, c_, sp = xs[0], xs[1], tuple(xs[2:])
    nsp, L = len(sp), _prod(sp)
    flat = _np.zeros((1,) * (2 * nsp), dtype=_np.int64)
    valid = _np.ones((1,) * (2 * nsp), dtype=bool)
    stride = 1
    for i in reversed(range(nsp)):
        c = _np.asarray(coords[i], dtype=_np.int64)
        shp = [1] * (2 * nsp)
        shp[2 * i], shp[2 * i + 1] = c.shape
        c = c.reshape(shp)
        flat = flat + c * stride
        valid = valid & (c >= 0) & (c < sp[i])
        stride *= sp[i]
    pos = _np.where(valid, flat, L)  # L: a -inf sentinel
    pos = pos.transpose(tuple(range(0, 2 * nsp, 2)) + tuple(range(1, 2 * nsp, 2)))
    out = pos.shape[:nsp]
    P, K = _prod(out), _prod(pos.shape[nsp:])
    pos = pos.reshape(P, K)
    dt = _in.dtype_of(y)
    low = -math.inf if dt.kind == "f" else int(_np.iinfo(dt.name).min)
    dev = _device(y)
    xf = _mp.concat([_mp.reshape(y, (n_, c_, L)), _cr.full((n_, c_, 1), low, dtype=dt, device=dev)], axis=2)
    g = _mp.reshape(_ix.take(xf, _cr.asarray(pos.reshape(-1), device=dev), axis=2), (n_, c_, P, K))
    a = _rd.argmax(g, axis=-1, keepdims=True)
    vals = _mp.reshape(_ix.take_along_axis(g, a, axis=-1), (n_, c_) + out)
    allpos = _mp.broadcast_to(_cr.asarray(pos, device=dev), (n_, c_, P, K))
    idx = _mp.reshape(_ix.take_along_axis(allpos, a, axis=-1), (n_, c_) + out)
    return vals, idx


def _max_pool_with_indices_impl(x, kernel_size, stride, padding, dilation, ceil_mode):
    batched, ks, st, pd, dil, out = _pool_geom("max_pool", _in.shape(x), kernel_size, stride, padding,
                                               dilation, ceil_mode)
    y = x if batched else _mp.expand_dims(x, axis=0)
    coords = [_np.arange(o)[:, None] * s + _np.arange(k)[None, :] * d - p
              for k, s, p, d, o in zip(ks, st, pd, dil, out)]
    vals, idx = _max_windows(y, coords)
    return _unbatch(vals, batched), _unbatch(idx, batched)


def _max_pool_impl(x, kernel_size, stride, padding, dilation, ceil_mode):
    return _max_pool_with_indices_impl(x, kernel_size, stride, padding, dilation, ceil_mode)[0]


def _avg_divisor(n, k, s, p, o, include_pad):
    c = []
    for i in range(o):
        start = i * s - p
        end = min(start + k, n + p)
        c.append(end - start if include_pad else min(end, n) - max(start, 0))
    return _np.asarray(c, dtype=_np.float64)


def _avg_pool_impl(x, kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override):
    batched, ks, st, pd, dil, out = _pool_geom("avg_pool", _in.shape(x), kernel_size, stride, padding, 1,
                                               ceil_mode)
    y = x if batched else _mp.expand_dims(x, axis=0)
    xs = _in.shape(y)
    div = _np.ones((), dtype=_np.float64)
    for i, (k, s, p, o) in enumerate(zip(ks, st, pd, out)):
        ax = 2 + i
        y = _pool_pad(y, ax, xs[ax], k, s, p, 1, o, 0)
        w = _window_slices(y, ax, k, s, 1, o)
        acc = w[0]
        for v in w[1:]:
            acc = _el.add(acc, v)
        y = acc
        div = _np.multiply.outer(div, _avg_divisor(xs[ax], k, s, p, o, count_include_pad))
    if divisor_override:
        y = _el.divide(y, divisor_override)
    else:
        y = _el.divide(y, _const(div, y))
    return _unbatch(y, batched)


max_pool = op("max_pool(x, /, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False)",
              _max_pool_impl,
              doc="torch's F.max_pool1d/2d/3d: the number of spatial dims is len(kernel_size), or "
                  "x.ndim - 2 for an int kernel_size. stride defaults to kernel_size; padding (at most "
                  "half the kernel) is -inf.")
avg_pool = op("avg_pool(x, /, kernel_size, stride=None, padding=0, ceil_mode=False, "
              "count_include_pad=True, divisor_override=None)", _avg_pool_impl,
              doc="torch's F.avg_pool1d/2d/3d (dims picked like max_pool).")


def _max_unpool_impl(x, indices, kernel_size, stride, padding, output_size):
    xs = _in.shape(x)
    nsp = _pool_nsp(xs, kernel_size)
    batched, bxs = _batched(xs, nsp, "max_unpool")
    ks = _ntuple(kernel_size, nsp, "kernel_size")
    st = ks if stride is None else _ntuple(stride, nsp, "stride")
    pd = _ntuple(padding, nsp, "padding")
    if tuple(_in.shape(indices)) != tuple(xs):
        raise ValueError(f"max_unpool: indices of shape {tuple(_in.shape(indices))} do not match x {tuple(xs)}")
    default = tuple((n - 1) * s - 2 * p + k for n, s, p, k in zip(bxs[2:], st, pd, ks))
    if output_size is None:
        osz = default
    else:
        osz = tuple(_int(v, "output_size") for v in output_size)[-nsp:]
        if len(osz) != nsp or not all(d - s < o < d + s for o, d, s in zip(osz, default, st)):
            raise ValueError(f"max_unpool: output_size {output_size!r} must be within stride of {default}")
    if any(o < 1 for o in osz):
        raise ValueError(f"max_unpool: empty output {osz}")
    y = x if batched else _mp.expand_dims(x, axis=0)
    i = indices if batched else _mp.expand_dims(indices, axis=0)
    n_, c_ = bxs[:2]
    m = _prod(bxs[2:])
    z = _cr.zeros((n_, c_, _prod(osz)), dtype=_in.dtype_of(y), device=_device(y))
    out = _ix.scatter(z, 2, _mp.reshape(i, (n_, c_, m)), _mp.reshape(y, (n_, c_, m)))
    return _unbatch(_mp.reshape(out, (n_, c_) + osz), batched)


max_pool_with_indices = op(
    "max_pool_with_indices(x, /, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False)",
    _max_pool_with_indices_impl,
    doc="(values, indices) like torch's max_pool with return_indices=True: int64 indices of each max "
        "(its first occurrence in the window) into the flattened spatial dims of the input.")
max_unpool = op("max_unpool(x, indices, /, kernel_size, stride=None, padding=0, output_size=None)",
                _max_unpool_impl,
                doc="torch's F.max_unpool1d/2d/3d: x scattered at the flat spatial indices into zeros "
                    "of output_size (default (in - 1) * stride - 2 * padding + kernel_size).")


def _adaptive_bounds(n, o):
    return [((i * n) // o, -((-(i + 1) * n) // o)) for i in range(o)]


def _adaptive_sizes(xs, output_size):
    if isinstance(output_size, (tuple, list)):
        nsp = len(output_size)
        sizes = list(output_size)
    else:
        nsp = len(xs) - 2
        sizes = [output_size] * nsp
    if nsp < 1 or nsp > 3:
        raise ValueError(f"adaptive pooling: bad output_size {output_size!r} for input shape {tuple(xs)}")
    batched, bxs = _batched(xs, nsp, "adaptive pooling")
    sizes = tuple(n if s is None else _int(s, "output_size") for s, n in zip(sizes, bxs[2:]))
    if any(s < 1 for s in sizes) or any(n < 1 for n in bxs[2:]):
        raise ValueError(f"adaptive pooling: bad output_size {output_size!r} for input shape {tuple(xs)}")
    return batched, sizes


def _adaptive_avg_pool_impl(x, output_size):
    batched, sizes = _adaptive_sizes(_in.shape(x), output_size)
    y = x if batched else _mp.expand_dims(x, axis=0)
    nd = len(_in.shape(y))
    for i, o in enumerate(sizes):
        ax = 2 + i
        n = _in.shape(y)[ax]
        if n == o:
            continue
        m = _np.zeros((n, o), dtype=_np.float64)
        for j, (a, b) in enumerate(_adaptive_bounds(n, o)):
            m[a:b, j] = 1.0 / (b - a)
        perm = tuple(a for a in range(nd) if a != ax) + (ax,)
        inv = tuple(_np.argsort(perm))
        y = _mp.permute_dims(_la.matmul(_mp.permute_dims(y, perm), _const(m, y)), inv)
    return _unbatch(y, batched)


def _adaptive_max_pool_impl(x, output_size):
    batched, sizes = _adaptive_sizes(_in.shape(x), output_size)
    y = x if batched else _mp.expand_dims(x, axis=0)
    coords = []
    for n, o in zip(_in.shape(y)[2:], sizes):
        bounds = _adaptive_bounds(n, o)
        k = max(e - b for b, e in bounds)
        coords.append(_np.asarray([[b + j if b + j < e else -1 for j in range(k)] for b, e in bounds]))
    return _unbatch(_max_windows(y, coords)[0], batched)


adaptive_avg_pool = op("adaptive_avg_pool(x, /, output_size)", _adaptive_avg_pool_impl,
                       doc="torch's F.adaptive_avg_pool1d/2d/3d; output_size: int (x.ndim - 2 dims) or "
                           "a tuple (None keeps that input size).")
adaptive_max_pool = op("adaptive_max_pool(x, /, output_size)", _adaptive_max_pool_impl,
                       doc="torch's F.adaptive_max_pool1d/2d/3d (values only).")


# ---------------------------------------------------------------- im2col


def _unfold_impl(x, kernel_size, dilation, padding, stride):
    xs = _in.shape(x)
    nsp = _pool_nsp(xs, kernel_size)
    batched, bxs = _batched(xs, nsp, "unfold")
    y = x if batched else _mp.expand_dims(x, axis=0)
    ks = _ntuple(kernel_size, nsp, "kernel_size")
    dil = _ntuple(dilation, nsp, "dilation")
    pd = _ntuple(padding, nsp, "padding")
    st = _ntuple(stride, nsp, "stride")
    if any(v < 1 for v in ks + dil + st) or any(p < 0 for p in pd):
        raise ValueError("unfold: kernel_size, dilation and stride must be positive, padding non-negative")
    out = []
    for n, k, s, p, d in zip(bxs[2:], ks, st, pd, dil):
        num = n + 2 * p - d * (k - 1) - 1
        if num < 0:
            raise ValueError(f"unfold: kernel extent larger than the padded input ({tuple(xs)})")
        out.append(num // s + 1)
    if any(pd):
        y = pad(y, ((0, 0), (0, 0)) + tuple((p, p) for p in pd))
    pieces = []
    for kidx in itertools.product(*(range(k) for k in ks)):
        key = (slice(None), slice(None)) + tuple(
            slice(i * d, i * d + (o - 1) * s + 1, s) for i, d, o, s in zip(kidx, dil, out, st))
        pieces.append(_ix.getitem(y, key))
    y = _mp.stack(pieces, axis=2)  # (N, C, K, *out)
    y = _mp.reshape(y, (bxs[0], bxs[1] * _prod(ks), _prod(out)))
    return _unbatch(y, batched)


def _dilate_axis(x, ax, s):
    """Insert s - 1 zeros between the entries of axis ax."""
    if s == 1:
        return x
    xs = _in.shape(x)
    z = _cr.zeros_like(x)
    y = _mp.stack([x] + [z] * (s - 1), axis=ax + 1)
    y = _mp.reshape(y, xs[:ax] + (xs[ax] * s,) + xs[ax + 1:])
    return _slice_axis(y, ax, 0, (xs[ax] - 1) * s + 1)


def _fold_impl(x, output_size, kernel_size, dilation, padding, stride):
    xs = _in.shape(x)
    nsp = len(output_size) if isinstance(output_size, (tuple, list)) else 2
    ks = _ntuple(kernel_size, nsp, "kernel_size")
    osz = _ntuple(output_size, nsp, "output_size")
    dil = _ntuple(dilation, nsp, "dilation")
    pd = _ntuple(padding, nsp, "padding")
    st = _ntuple(stride, nsp, "stride")
    if len(xs) not in (2, 3):
        raise ValueError(f"fold: expected a 2-d or 3-d input, got shape {tuple(xs)}")
    batched = len(xs) == 3
    y = x if batched else _mp.expand_dims(x, axis=0)
    N, CK, L = _in.shape(y)
    nK = _prod(ks)
    if any(v < 1 for v in ks + dil + st) or any(p < 0 for p in pd) or CK % nK:
        raise ValueError("fold: bad kernel_size/stride/dilation/padding for this input")
    blocks = []
    for n, k, s, p, d in zip(osz, ks, st, pd, dil):
        num = n + 2 * p - d * (k - 1) - 1
        if num < 0:
            raise ValueError("fold: kernel extent larger than the padded output")
        blocks.append(num // s + 1)
    if _prod(blocks) != L:
        raise ValueError(f"fold: expected {_prod(blocks)} blocks, got {L}")
    C = CK // nK
    y = _mp.reshape(y, (N, C, nK) + tuple(blocks))
    full = tuple(n + 2 * p for n, p in zip(osz, pd))
    total = None
    for j, kidx in enumerate(itertools.product(*(range(k) for k in ks))):
        piece = _ix.getitem(y, (slice(None), slice(None), j))
        for i in range(nsp):
            piece = _dilate_axis(piece, 2 + i, st[i])
        lo = tuple(k * d for k, d in zip(kidx, dil))
        pw = ((0, 0), (0, 0)) + tuple((a, f - a - ((b - 1) * s + 1))
                                      for a, f, b, s in zip(lo, full, blocks, st))
        piece = pad(piece, pw)
        total = piece if total is None else _el.add(total, piece)
    if any(pd):
        total = _ix.getitem(total, (slice(None), slice(None)) + tuple(
            slice(p, p + n) for p, n in zip(pd, osz)))
    return _unbatch(total, batched)


unfold = op("unfold(x, /, kernel_size, dilation=1, padding=0, stride=1)", _unfold_impl,
            doc="im2col like torch's F.unfold: (N, C, *spatial) -> (N, C * prod(kernel_size), L); "
                "any number of spatial dims (len(kernel_size), or 2 for an int).")
fold = op("fold(x, /, output_size, kernel_size, dilation=1, padding=0, stride=1)", _fold_impl,
          doc="col2im like torch's F.fold (the adjoint of unfold; overlaps add up).")


# ---------------------------------------------------------------- resampling


def _interp_sizes(xs, size, scale_factor, recompute):
    nsp = len(xs) - 2
    if nsp < 1:
        raise ValueError(f"interpolate: expected a 3-, 4- or 5-d input, got shape {tuple(xs)}")
    if (size is None) == (scale_factor is None):
        raise ValueError("interpolate: give exactly one of size and scale_factor")
    if size is not None:
        out = _ntuple(size, nsp, "size")
        if any(o < 1 for o in out):
            raise ValueError(f"interpolate: bad size {size!r}")
        return out, (None,) * nsp
    sf = tuple(float(v) for v in scale_factor) if isinstance(scale_factor, (tuple, list)) \
        else (float(scale_factor),) * nsp
    if len(sf) != nsp or any(not (v > 0) for v in sf):
        raise ValueError(f"interpolate: bad scale_factor {scale_factor!r}")
    out = tuple(int(math.floor(n * f)) for n, f in zip(xs[2:], sf))
    if any(o < 1 for o in out):
        raise ValueError(f"interpolate: scale_factor {scale_factor!r} gives an empty output")
    return out, ((None,) * nsp if recompute else sf)


def _src_scale(n, o, sf, align_corners, ft):
    if align_corners:
        return ft((n - 1) / (o - 1)) if o > 1 else ft(0.0)
    if sf is not None:
        return ft(1.0 / sf)
    return ft(n) / ft(o)


def _linear_matrix(n, o, sf, align_corners, ft):
    scale = _src_scale(n, o, sf, align_corners, ft)
    dst = _np.arange(o).astype(ft)
    if align_corners:
        src = scale * dst
    else:
        src = _np.maximum(scale * (dst + ft(0.5)) - ft(0.5), ft(0))
    i0 = _np.minimum(src.astype(_np.int64), n - 1)
    lam = _np.clip(src - i0.astype(ft), 0, 1).astype(_np.float64)
    i1 = i0 + (i0 < n - 1)
    m = _np.zeros((n, o), dtype=_np.float64)
    cols = _np.arange(o)
    _np.add.at(m, (i0, cols), 1.0 - lam)
    _np.add.at(m, (i1, cols), lam)
    return m


def _nearest_index(n, o, sf, exact):
    f32 = _np.float32
    scale = f32(1.0 / sf) if sf is not None else f32(n) / f32(o)
    dst = _np.arange(o).astype(f32)
    src = _np.floor((dst + f32(0.5)) * scale if exact else dst * scale).astype(_np.int64)
    return _np.minimum(src, n - 1)


_INTERP_DIMS = {"linear": 1, "bilinear": 2, "trilinear": 3}


def _interpolate_impl(x, size, scale_factor, mode, align_corners, recompute_scale_factor):
    xs = _in.shape(x)
    out, sfs = _interp_sizes(xs, size, scale_factor, recompute_scale_factor)
    nsp = len(out)
    if mode in _INTERP_DIMS:
        if _INTERP_DIMS[mode] != nsp:
            raise ValueError(f"interpolate: mode {mode!r} needs a {_INTERP_DIMS[mode] + 2}-d input, "
                             f"got shape {tuple(xs)}")
    elif mode in ("nearest", "nearest-exact", "area"):
        if align_corners:
            raise ValueError(f"interpolate: align_corners only applies to the linear modes, not {mode!r}")
    else:
        raise ValueError(f"interpolate: unsupported mode {mode!r}")
    if mode == "area":
        return adaptive_avg_pool(x, out)
    y = x
    if mode in ("nearest", "nearest-exact"):
        for i, (n, o, sf) in enumerate(zip(xs[2:], out, sfs)):
            if mode == "nearest" and nsp == 2 and o in (n, 2 * n):  # torch's 2-d kernel shortcuts these
                idx = _np.arange(o) // (o // n)
            else:
                idx = _nearest_index(n, o, sf, mode == "nearest-exact")
            y = _take_axis(y, 2 + i, idx)
        return y
    ft = _np.float32 if _in.dtype_of(x).bits <= 32 else _np.float64
    nd = len(xs)
    for i, (n, o, sf) in enumerate(zip(xs[2:], out, sfs)):
        ax = 2 + i
        if o == n:  # torch leaves a dim of unchanged size alone, whatever the scale
            continue
        m = _linear_matrix(n, o, sf, bool(align_corners), ft)
        perm = tuple(a for a in range(nd) if a != ax) + (ax,)
        inv = tuple(int(v) for v in _np.argsort(perm))
        y = _mp.permute_dims(_la.matmul(_mp.permute_dims(y, perm), _const(m, y)), inv)
    return y


interpolate = op("interpolate(x, /, size=None, scale_factor=None, mode='nearest', align_corners=False, "
                 "recompute_scale_factor=None)", _interpolate_impl,
                 doc="torch's F.interpolate for modes 'nearest', 'nearest-exact', 'linear' (3-d x), "
                     "'bilinear' (4-d), 'trilinear' (5-d) and 'area'. A given scale_factor is used for "
                     "the coordinate mapping (unless recompute_scale_factor), as in torch (including "
                     "its quirks: a linear dim of unchanged size is copied; 2-d nearest copies or "
                     "doubles exactly when the size is unchanged or doubled).")


# ---------------------------------------------------------------- lookup


def _embedding_impl(weight, indices):
    return _ix.getitem(weight, indices)


one_hot = op("one_hot(x, /, num_classes=-1, *, dtype=None)",
             doc="torch's F.one_hot: x integer class values -> x.shape + (num_classes,), dtype int64 by "
                 "default; num_classes=-1 means max(x) + 1. A value outside [0, num_classes) raises an "
                 "error that is both a ValueError and an IndexError (not checked under jax.jit).")
nondiff("one_hot")
embedding = op("embedding(weight, indices, /)", _embedding_impl,
               doc="Rows of weight (num_embeddings, dim) at integer indices: indices.shape + (dim,).")


# ---------------------------------------------------------------- normalization


def _norm_axes(xs, normalized_shape, what):
    ns = (normalized_shape,) if not isinstance(normalized_shape, (tuple, list)) else tuple(normalized_shape)
    ns = tuple(_int(v, "normalized_shape") for v in ns)
    k = len(ns)
    if k > len(xs) or tuple(xs[len(xs) - k:]) != ns:
        raise ValueError(f"{what}: normalized_shape {ns} does not match input shape {tuple(xs)}")
    return tuple(range(len(xs) - k, len(xs)))


def _layer_norm_impl(x, normalized_shape, weight, bias, eps):
    axes = _norm_axes(_in.shape(x), normalized_shape, "layer_norm")
    m, v, d = _moments(x, axes)
    y = _el.multiply(d, _el.rsqrt(_el.add(v, eps)))
    if weight is not None:
        y = _el.multiply(y, weight)
    if bias is not None:
        y = _el.add(y, bias)
    return y


def _rms_norm_impl(x, normalized_shape, weight, eps):
    axes = _norm_axes(_in.shape(x), normalized_shape, "rms_norm")
    if eps is None:
        from .. import dtypes as D
        eps = float(D.finfo(_in.dtype_of(x)).eps)
    ms = _mean(_el.multiply(x, x), axes, keepdims=True)
    y = _el.multiply(x, _el.rsqrt(_el.add(ms, eps)))
    return y if weight is None else _el.multiply(y, weight)


def _group_norm_impl(x, num_groups, weight, bias, eps):
    xs = _in.shape(x)
    G = _int(num_groups, "num_groups")
    if len(xs) < 2 or G < 1 or xs[1] % G:
        raise ValueError(f"group_norm: {xs[1] if len(xs) > 1 else '?'} channels can't be split into "
                         f"{num_groups} groups")
    y = _mp.reshape(x, (xs[0], G, xs[1] // G * _prod(xs[2:])))
    m, v, d = _moments(y, (2,))
    y = _mp.reshape(_el.multiply(d, _el.rsqrt(_el.add(v, eps))), xs)
    if weight is not None:
        y = _el.multiply(y, _channel_shape(weight, len(xs)))
    if bias is not None:
        y = _el.add(y, _channel_shape(bias, len(xs)))
    return y


def _batch_norm_impl(x, running_mean, running_var, weight, bias, training, momentum, eps):
    xs = _in.shape(x)
    if len(xs) < 2:
        raise ValueError(f"batch_norm: expected (N, C, ...) input, got shape {tuple(xs)}")
    axes = (0,) + tuple(range(2, len(xs)))
    if training:
        if _prod(xs[a] for a in axes) <= 1:
            raise ValueError("batch_norm: expected more than 1 value per channel when training")
        m, v, d = _moments(x, axes)
        y = _el.multiply(d, _el.rsqrt(_el.add(v, eps)))
    else:
        if running_mean is None or running_var is None:
            raise ValueError("batch_norm: running_mean and running_var are needed when not training")
        rm, rv = _channel_shape(running_mean, len(xs)), _channel_shape(running_var, len(xs))
        y = _el.multiply(_el.subtract(x, rm), _el.rsqrt(_el.add(rv, eps)))
    if weight is not None:
        y = _el.multiply(y, _channel_shape(weight, len(xs)))
    if bias is not None:
        y = _el.add(y, _channel_shape(bias, len(xs)))
    return y


def _instance_norm_impl(x, running_mean, running_var, weight, bias, use_input_stats, momentum, eps):
    xs = _in.shape(x)
    if len(xs) < 3:
        raise ValueError(f"instance_norm: expected (N, C, *spatial) input, got shape {tuple(xs)}")
    if use_input_stats:
        axes = tuple(range(2, len(xs)))
        m, v, d = _moments(x, axes)
        y = _el.multiply(d, _el.rsqrt(_el.add(v, eps)))
    else:
        if running_mean is None or running_var is None:
            raise ValueError("instance_norm: running stats are needed when use_input_stats is False")
        rm, rv = _channel_shape(running_mean, len(xs)), _channel_shape(running_var, len(xs))
        y = _el.multiply(_el.subtract(x, rm), _el.rsqrt(_el.add(rv, eps)))
    if weight is not None:
        y = _el.multiply(y, _channel_shape(weight, len(xs)))
    if bias is not None:
        y = _el.add(y, _channel_shape(bias, len(xs)))
    return y


layer_norm = op("layer_norm(x, /, normalized_shape, weight=None, bias=None, eps=1e-05)", _layer_norm_impl,
                doc="torch's F.layer_norm over the trailing normalized_shape dims (biased variance).")
rms_norm = op("rms_norm(x, /, normalized_shape, weight=None, eps=None)", _rms_norm_impl,
              doc="torch's F.rms_norm; eps=None uses finfo(x.dtype).eps.")
group_norm = op("group_norm(x, /, num_groups, weight=None, bias=None, eps=1e-05)", _group_norm_impl,
                doc="torch's F.group_norm on (N, C, *).")
batch_norm = op("batch_norm(x, /, running_mean, running_var, weight=None, bias=None, training=False, "
                "momentum=0.1, eps=1e-05)", _batch_norm_impl,
                doc="torch's F.batch_norm output only: functional, the running statistics are not "
                    "updated (momentum is accepted and unused). training=True normalizes with the "
                    "batch statistics (biased variance).")
instance_norm = op("instance_norm(x, /, running_mean=None, running_var=None, weight=None, bias=None, "
                   "use_input_stats=True, momentum=0.1, eps=1e-05)", _instance_norm_impl,
                   doc="torch's F.instance_norm output only (running statistics are not updated).")


# ---------------------------------------------------------------- dropout and attention


def _dropout_impl(key, x, p, training):
    if not 0.0 <= p <= 1.0:
        raise ValueError(f"dropout: p must be in [0, 1], got {p}")
    if not training or p == 0.0:
        return x
    if p == 1.0:
        return _el.multiply(x, 0.0)
    from . import random as _rn
    keep = _rn.bernoulli(key, 1.0 - p, shape=_in.shape(x)) if hasattr(_rn, "bernoulli") else \
        _el.less(_rn.uniform(key, shape=_in.shape(x)), 1.0 - p)
    return _el.where(keep, _el.divide(x, 1.0 - p), 0.0)


dropout = op("dropout(key, x, /, p=0.5, training=True)", _dropout_impl,
             doc="Zero each element with probability p (drawn from the core random `key`) and scale "
                 "the rest by 1/(1 - p); identity when not training.")


def _softmax_last(s):
    from ..autograd import strip
    m = _rd.max(strip(s), axis=-1, keepdims=True)
    e = _el.exp(_el.subtract(s, m))
    return _el.divide(e, _rd.sum(e, axis=-1, keepdims=True))


def _sdpa_impl(q, k, v, attn_mask, dropout_p, is_causal, scale, enable_gqa, key):
    qs, ks_, vs = _in.shape(q), _in.shape(k), _in.shape(v)
    if len(qs) < 2 or len(ks_) < 2 or len(vs) < 2 or qs[-1] != ks_[-1] or ks_[-2] != vs[-2]:
        raise ValueError(f"scaled_dot_product_attention: shapes {qs}, {ks_}, {vs} do not match")
    if enable_gqa and len(qs) >= 3 and qs[-3] != ks_[-3]:
        hq, hk = qs[-3], ks_[-3]
        if hq % hk or vs[-3] != hk:
            raise ValueError("scaled_dot_product_attention: query heads must be a multiple of key heads")
        r = hq // hk

        def rep(t):
            ts = _in.shape(t)
            t = _mp.expand_dims(t, axis=len(ts) - 2)
            t = _mp.broadcast_to(t, ts[:-2] + (r,) + ts[-2:])
            return _mp.reshape(t, ts[:-3] + (hq,) + ts[-2:])
        k, v = rep(k), rep(v)
    E = qs[-1]
    sc = 1.0 / math.sqrt(E) if scale is None else float(scale)
    s = _el.multiply(_la.matmul(q, _la.matrix_transpose(k)), sc)
    L, S = qs[-2], ks_[-2]
    if is_causal:
        if attn_mask is not None:
            raise ValueError("scaled_dot_product_attention: give attn_mask or is_causal, not both")
        attn_mask = _cr.asarray(_np.tril(_np.ones((L, S), dtype=bool)), device=_device(q))
    if attn_mask is not None:
        if _in.dtype_of(attn_mask).kind == "b":
            s = _el.where(attn_mask, s, -math.inf)
        else:
            s = _el.add(s, attn_mask)
    a = _softmax_last(s)
    if dropout_p:
        if key is None:
            raise ValueError("scaled_dot_product_attention: dropout_p > 0 needs a random key")
        a = dropout(key, a, dropout_p, True)
    return _la.matmul(a, v)


scaled_dot_product_attention = op(
    "scaled_dot_product_attention(q, k, v, /, attn_mask=None, dropout_p=0.0, is_causal=False, "
    "scale=None, *, enable_gqa=False, key=None)", _sdpa_impl,
    doc="torch's F.scaled_dot_product_attention: softmax(q k^T * scale + mask) v with scale "
        "1/sqrt(E) by default; a bool mask keeps True entries, a float mask is added; is_causal uses a "
        "lower-triangular (L, S) mask. dropout_p > 0 needs a core random `key`.")


# ---------------------------------------------------------------- distances


def _cosine_similarity_impl(x1, x2, axis, eps):
    n1 = _vector_norm(x1, 2, axis, True)
    n2 = _vector_norm(x2, 2, axis, True)
    a = _el.divide(x1, _el.where(_el.greater(n1, eps), n1, eps))
    b = _el.divide(x2, _el.where(_el.greater(n2, eps), n2, eps))
    return _rd.sum(_el.multiply(a, b), axis=axis)


def _pairwise_distance_impl(x1, x2, p, eps, keepdims):
    d = _el.add(_el.subtract(x1, x2), eps)
    return _vector_norm(d, p, -1, keepdims)


def _normalize_impl(x, p, axis, eps):
    n = _vector_norm(x, p, axis, True)
    return _el.divide(x, _el.where(_el.greater(n, eps), n, eps))


cosine_similarity = op("cosine_similarity(x1, x2, /, *, axis=1, eps=1e-08)", _cosine_similarity_impl,
                       doc="torch's F.cosine_similarity: each input is divided by its 2-norm clamped "
                           "to at least eps, then the products are summed over axis.")
pairwise_distance = op("pairwise_distance(x1, x2, /, *, p=2.0, eps=1e-06, keepdims=False)",
                       _pairwise_distance_impl,
                       doc="torch's F.pairwise_distance: the p-norm of x1 - x2 + eps over the last axis.")
normalize = op("normalize(x, /, p=2.0, axis=1, eps=1e-12)", _normalize_impl,
               doc="torch's F.normalize: x / max(norm_p(x, axis), eps).")


# ---------------------------------------------------------------- pixel shuffle


def _pixel_shuffle_impl(x, upscale_factor):
    xs = _in.shape(x)
    r = _int(upscale_factor, "upscale_factor")
    if len(xs) < 3 or r < 1 or xs[-3] % (r * r):
        raise ValueError(f"pixel_shuffle: can't shuffle shape {tuple(xs)} by {upscale_factor}")
    lead, (c, h, w) = xs[:-3], xs[-3:]
    b = len(lead)
    y = _mp.reshape(x, lead + (c // (r * r), r, r, h, w))
    y = _mp.permute_dims(y, tuple(range(b)) + (b, b + 3, b + 1, b + 4, b + 2))
    return _mp.reshape(y, lead + (c // (r * r), h * r, w * r))


def _pixel_unshuffle_impl(x, downscale_factor):
    xs = _in.shape(x)
    r = _int(downscale_factor, "downscale_factor")
    if len(xs) < 3 or r < 1 or xs[-2] % r or xs[-1] % r:
        raise ValueError(f"pixel_unshuffle: can't unshuffle shape {tuple(xs)} by {downscale_factor}")
    lead, (c, h, w) = xs[:-3], xs[-3:]
    b = len(lead)
    y = _mp.reshape(x, lead + (c, h // r, r, w // r, r))
    y = _mp.permute_dims(y, tuple(range(b)) + (b, b + 2, b + 4, b + 1, b + 3))
    return _mp.reshape(y, lead + (c * r * r, h // r, w // r))


pixel_shuffle = op("pixel_shuffle(x, /, upscale_factor)", _pixel_shuffle_impl,
                   doc="torch's F.pixel_shuffle: (*, C r^2, H, W) -> (*, C, H r, W r).")
pixel_unshuffle = op("pixel_unshuffle(x, /, downscale_factor)", _pixel_unshuffle_impl,
                     doc="torch's F.pixel_unshuffle: (*, C, H r, W r) -> (*, C r^2, H, W).")
