"""torch's internal functions that PyTorch exposes at top level (`torch.native_batch_norm`,
`torch._chunk_cat`, `torch.grid_sampler_2d`, ...) and the `torch.softmax`/`torch.log_softmax`
aliases. They are written with aten's signatures (torch.ops.aten.<name> reuses them).

The native normalizations return torch's saved statistics too: `(out, mean, rstd)`, in the
input's dtype (eval-mode batch norm returns empty statistics: float32 ones for half inputs, as
torch does). Batch-norm running statistics are updated in place like torch's (the output uses
the biased batch variance, running_var the unbiased one).
"""
from __future__ import annotations

import builtins
import math

import numpy as _np

from ... import core as C
from . import _dtype as T
from ._convert import result_dtype as _result_dtype
from ._indexing import _put_key
from ._tensor import Tensor, _dim, wrap

__all__ = ["softmax", "log_softmax", "native_batch_norm", "_native_batch_norm_legit",
           "native_layer_norm", "native_group_norm", "constant_pad_nd", "_unsafe_masked_index",
           "_unsafe_masked_index_put_accumulate", "_chunk_cat", "grid_sampler_2d",
           "grid_sampler_3d", "segment_reduce", "_segment_reduce", "_safe_softmax"]


def _special():
    from . import special
    return special


def _F():
    from .nn import functional
    return functional


# ---------------------------------------------------------------- softmax


def softmax(input, dim, dtype=None):
    """torch.softmax: the alias of nn.functional.softmax (dim required)."""
    return _special().softmax(input, dim, dtype=dtype)


def log_softmax(input, dim, dtype=None):
    """torch.log_softmax: the alias of nn.functional.log_softmax (dim required)."""
    return _special().log_softmax(input, dim, dtype=dtype)


def _safe_softmax(input, dim, dtype=None):
    """softmax, with 0 (not NaN) along slices whose entries are all -inf."""
    s = _special().softmax(input, dim, dtype=dtype)
    v = s._value()
    if not C.shape(v):
        return s
    x = input._value()
    if C.dtype_of(x) is not C.dtype_of(v):
        x = C.astype(x, C.dtype_of(v))
    dead = C.all(C.equal(x, -math.inf), axis=_dim(dim, len(C.shape(x))), keepdims=True)
    return wrap(C.where(dead, C.zeros_like(v), v), s.dtype)


# ---------------------------------------------------------------- normalization


def _stats_dtype(x):
    """The dtype of empty eval-mode statistics: float32 for half inputs, else x's."""
    dt = C.dtype_of(x)
    return C.float32 if dt.kind == "f" and dt.bits < 32 else dt


def _affine(y, weight, bias, shape):
    """y * weight + bias, the (C,) parameters broadcast over `shape`."""
    if weight is not None:
        y = C.multiply(y, C.reshape(weight._value(), shape))
    if bias is not None:
        y = C.add(y, C.reshape(bias._value(), shape))
    return y


def _float_input(input, kernel):
    if input.dtype.core.kind != "f":
        raise NotImplementedError(f'"{kernel}" not implemented for '
                                  f"'{_F()._tname(input)}'")
    return input._value()


def _batch_norm(input, weight, bias, running_mean, running_var, training, momentum, eps):
    x = _float_input(input, "batch_norm")
    xs = C.shape(x)
    if len(xs) < 2:
        raise IndexError("Dimension out of range (expected to be in range of [-1, 0], but got 1)")
    ch = (1, xs[1]) + (1,) * (len(xs) - 2)
    if training:
        axes = (0,) + tuple(range(2, len(xs)))
        mean = C.mean(x, axis=axes)
        var = C.var(x, axis=axes)
        rstd = C.rsqrt(C.add(var, eps))
        y = C.multiply(C.subtract(x, C.reshape(mean, ch)), C.reshape(rstd, ch))
        n = math.prod(xs[a] for a in axes)
        if running_mean is not None:
            running_mean._write(C.add(C.multiply(running_mean._value(), 1.0 - momentum),
                                      C.multiply(mean, momentum)))
        if running_var is not None:
            unbiased = C.multiply(var, n / (n - 1)) if n > 1 else var
            running_var._write(C.add(C.multiply(running_var._value(), 1.0 - momentum),
                                     C.multiply(unbiased, momentum)))
        out = _affine(y, weight, bias, ch)
        return wrap(out), wrap(mean), wrap(rstd)
    if running_mean is None or running_var is None:
        raise RuntimeError("batch_norm: running_mean and running_var must be defined in "
                           "evaluation mode")
    rm = C.astype(running_mean._value(), C.dtype_of(x))
    rv = C.astype(running_var._value(), C.dtype_of(x))
    y = C.multiply(C.subtract(x, C.reshape(rm, ch)), C.reshape(C.rsqrt(C.add(rv, eps)), ch))
    empty = C.zeros((0,), dtype=_stats_dtype(x), device=C.device_of(x))
    return wrap(_affine(y, weight, bias, ch)), wrap(empty), wrap(C.copy(empty))


def native_batch_norm(input, weight, bias, running_mean, running_var, training, momentum, eps):
    """(out, save_mean, save_invstd); eval mode returns empty statistics, like torch."""
    return _batch_norm(input, weight, bias, running_mean, running_var, builtins.bool(training),
                       momentum, eps)


def _native_batch_norm_legit(input, weight, bias, running_mean, running_var, training=None,
                             momentum=None, eps=None):
    """Both overloads: (input, weight, bias, running_mean, running_var, training, momentum,
    eps) and `.no_stats` (input, weight, bias, training, momentum, eps)."""
    if isinstance(running_mean, builtins.bool):  # the no_stats overload
        training, momentum, eps = running_mean, running_var, training
        return _batch_norm(input, weight, bias, None, None, training, momentum, eps)
    for t, what in ((running_mean, "running_mean"), (running_var, "running_var")):
        if not isinstance(t, Tensor):
            raise TypeError(f"_native_batch_norm_legit(): argument '{what}' must be Tensor, not "
                            f"{type(t).__name__}")
    return _batch_norm(input, weight, bias, running_mean, running_var, builtins.bool(training),
                       momentum, eps)


def native_layer_norm(input, normalized_shape, weight, bias, eps):
    """(out, mean, rstd); mean and rstd keep the normalized dims as size 1."""
    x = _float_input(input, "LayerNormKernelImpl")
    ns = tuple(builtins.int(s) for s in normalized_shape)
    xs = tuple(C.shape(x))
    if not ns:
        raise RuntimeError("Expected normalized_shape to be at least 1-dimensional, i.e., "
                           "containing at least one element, but got normalized_shape = []")
    for t, what in ((weight, "weight"), (bias, "bias")):
        if t is not None and tuple(t.shape) != ns:
            raise RuntimeError(f"Expected {what} to be of same shape as normalized_shape, but got "
                               f"{what} of shape {list(t.shape)} and normalized_shape = "
                               f"{list(ns)}")
    k = len(ns)
    if k > len(xs) or xs[len(xs) - k:] != ns:
        raise RuntimeError(f"Given normalized_shape={list(ns)}, expected input with shape "
                           f"[*, {', '.join(str(s) for s in ns)}], but got input of size"
                           f"{list(xs)}")
    axes = tuple(range(len(xs) - k, len(xs)))
    mean = C.mean(x, axis=axes, keepdims=True)
    rstd = C.rsqrt(C.add(C.var(x, axis=axes, keepdims=True), eps))
    y = C.multiply(C.subtract(x, mean), rstd)
    if weight is not None:
        y = C.multiply(y, weight._value())
    if bias is not None:
        y = C.add(y, bias._value())
    return wrap(y), wrap(mean), wrap(rstd)


def native_group_norm(input, weight, bias, N, C_, HxW, group, eps):
    """(out, mean, rstd); mean and rstd have shape (N, group)."""
    x = _float_input(input, "GroupNormKernelImpl")
    xs = tuple(C.shape(x))
    n, c, hw, g = (builtins.int(v) for v in (N, C_, HxW, group))
    if g < 1 or c % g:
        raise RuntimeError(f"Expected number of channels in input to be divisible by num_groups, "
                           f"but got input of shape {list(xs)} and num_groups={g}")
    if math.prod(xs) != n * c * hw:
        raise RuntimeError(f"Expected input to have {n * c * hw} elements, got {math.prod(xs)}")
    xg = C.reshape(x, (n, g, c // g * hw))
    mean = C.mean(xg, axis=2, keepdims=True)
    rstd = C.rsqrt(C.add(C.var(xg, axis=2, keepdims=True), eps))
    y = C.reshape(C.multiply(C.subtract(xg, mean), rstd), (n, c, hw))
    y = C.reshape(_affine(y, weight, bias, (1, c, 1)), xs)
    return wrap(y), wrap(C.reshape(mean, (n, g))), wrap(C.reshape(rstd, (n, g)))


# ---------------------------------------------------------------- padding, indexing, chunking


def constant_pad_nd(input, pad, value=0):
    """nn.functional.pad(input, pad, 'constant', value)."""
    return _F().pad(input, list(pad), "constant", value)


def _safe_key(input, indices):
    """index_put's key with out-of-range entries replaced by 0 (their results are masked)."""
    key = []
    for d, k in enumerate(_put_key(input, indices, "_unsafe_masked_index")):
        if isinstance(k, builtins.slice) or C.dtype_of(k) is C.bool:
            key.append(k)
            continue
        n = input.shape[d]
        ok = C.logical_and(C.greater_equal(k, -n), C.less(k, n))
        key.append(C.where(ok, k, C.zeros_like(k)))
    return tuple(key)


def _unsafe_masked_index(input, mask, indices, fill):
    """where(mask, input[indices], fill); indices under a False mask may be out of range."""
    v = input._value()
    got = C.getitem(v, _safe_key(input, indices))
    fill_v = C.asarray(fill, dtype=C.dtype_of(v), device=C.device_of(v))
    return wrap(C.where(mask._value(), got, fill_v), input.dtype)


def _unsafe_masked_index_put_accumulate(input, mask, indices, values):
    """input.index_put(indices, where(mask, values, 0), accumulate=True), indices under a
    False mask may be out of range."""
    v = input._value()
    vals = C.astype(values._value(), C.dtype_of(v))
    vals = C.where(mask._value(), vals, C.zeros_like(vals))
    if C.dtype_of(v) is C.bool:  # accumulating booleans is a logical or
        r = C.index_add(C.astype(v, C.int64), _safe_key(input, indices), C.astype(vals, C.int64))
        return wrap(C.not_equal(r, 0), input.dtype)
    return wrap(C.index_add(v, _safe_key(input, indices), vals), input.dtype)


def _chunk_cat(tensors, dim, num_chunks):
    """Each tensor split into num_chunks equal chunks along dim (zero-padded at the end),
    flattened past dim, and the chunks concatenated: (*sizes[:dim], num_chunks, total)."""
    tensors = list(tensors)
    if not tensors:
        raise RuntimeError("_chunk_cat expects a non-empty input tensor list")
    if num_chunks < 1:
        raise RuntimeError("_chunk_cat expects positive num_chunks")
    dt = tensors[0].dtype
    nds = {t.ndim for t in tensors}
    if dim < 0:
        if len(nds) > 1:
            raise RuntimeError("_chunk_cat expects non-negative dim when input tensors have "
                               "different ndims")
        dim = _dim(dim, tensors[0].ndim)
    lead = tuple(tensors[0].shape[:dim])
    parts = []
    for t in tensors:
        if t.dtype is not dt:
            raise RuntimeError("_chunk_cat expects all input tensors with the same dtype")
        if t.numel() == 0:
            raise RuntimeError("_chunk_cat expects non-empty tensor")
        if dim >= t.ndim:
            raise RuntimeError("_chunk_cat expects dim < ndim for all input tensors")
        if tuple(t.shape[:dim]) != lead:
            raise RuntimeError("_chunk_cat expects same sizes of 0,...,dim-1 dimensions for all "
                               "tensors")
        x = t._value()
        n = t.shape[dim]
        chunk = -(-n // num_chunks)
        if chunk * num_chunks != n:
            pairs = tuple((0, chunk * num_chunks - n if a == dim else 0) for a in range(t.ndim))
            x = C.pad(x, pairs, "constant", 0)
        parts.append(C.reshape(x, lead + (num_chunks, -1)))
    return wrap(C.concat(parts, axis=dim + 1), dt)


# ---------------------------------------------------------------- grid sampling

_INTERP = ("bilinear", "nearest", "bicubic")
_PADDING = ("zeros", "border", "reflection")


def _grid_sampler(n):
    def grid_sampler(input, grid, interpolation_mode, padding_mode, align_corners):
        if input.ndim != n + 2:
            raise RuntimeError(f"grid_sampler(): expected {n + 2}D input and grid with same "
                               f"number of dimensions, but got input with sizes "
                               f"{list(input.shape)} and grid with sizes {list(grid.shape)}")
        if not 0 <= interpolation_mode < len(_INTERP) or not 0 <= padding_mode < len(_PADDING):
            raise RuntimeError("grid_sampler(): unknown interpolation or padding mode")
        return _F().grid_sample(input, grid, _INTERP[interpolation_mode],
                                _PADDING[padding_mode], builtins.bool(align_corners))
    grid_sampler.__name__ = grid_sampler.__qualname__ = f"grid_sampler_{n}d"
    return grid_sampler


grid_sampler_2d = _grid_sampler(2)
grid_sampler_3d = _grid_sampler(3)


# ---------------------------------------------------------------- segment reduction

_SEGMENT_REDUCTIONS = ("sum", "prod", "max", "min", "mean")


def _extreme(dt, sign):
    """+inf/-inf for floats, the largest/smallest integer otherwise (sign: +1 or -1)."""
    if dt.kind == "f":
        return sign * math.inf
    info = _np.iinfo(_np.dtype(dt.name)) if dt.kind in "iu" else None
    if info is None:
        return sign > 0
    return builtins.int(info.max if sign > 0 else info.min)


def segment_reduce(data, reduce, *, lengths=None, indices=None, offsets=None, axis=0,
                   unsafe=False, initial=None):
    """Reduce consecutive segments along `axis` (lengths: (*data.shape[:axis], S); offsets:
    (*data.shape[:axis], S + 1)). Empty segments give `initial`, else the reduction's identity
    (mean: NaN). unsafe=True skips the lengths checks."""
    if reduce not in _SEGMENT_REDUCTIONS:
        raise RuntimeError(f"unsupported reduction {reduce}: reduce argument must be either sum, "
                           "prod, max, min or mean.")
    if indices is not None:
        raise RuntimeError("segment_reduce(): indices based reduction is not supported yet.")
    x = data._value()
    xs = tuple(C.shape(x))
    ax = _dim(axis, len(xs))
    if lengths is not None:
        lv = lengths._value()
        ends = C.cumulative_sum(lv, axis=-1)
        starts = C.subtract(ends, lv)
        if not unsafe:
            h = _F()._host(lv)  # None while traced: the check is skipped
            if h is not None and ((h < 0).any() or (h.sum(axis=-1) != xs[ax]).any()):
                raise RuntimeError("segment_reduce(): Expected all rows of lengths along axis to "
                                   "sum to data.size(lengths.dim()-1) when !unsafe.")
    elif offsets is not None:
        ov = offsets._value()
        starts = C.getitem(ov, (Ellipsis, builtins.slice(None, -1)))
        ends = C.getitem(ov, (Ellipsis, builtins.slice(1, None)))
    else:
        raise RuntimeError("segment_reduce(): Either lengths or offsets must be defined.")
    rest = len(xs) - ax - 1
    pos = C.arange(xs[ax], dtype=C.dtype_of(starts), device=C.device_of(x))
    # member[..., s, j, *1]: position j along axis lies in segment s
    member = C.logical_and(C.less_equal(C.expand_dims(starts, axis=-1), pos),
                           C.less(pos, C.expand_dims(ends, axis=-1)))
    count = C.sum(member, axis=-1)  # (*lead, S)
    member = C.reshape(member, tuple(C.shape(member)) + (1,) * rest)
    xe = C.expand_dims(x, axis=ax)  # (*lead, 1, L, *rest)
    dt = C.dtype_of(x)
    fill = {"sum": 0, "mean": 0, "prod": 1, "max": _extreme(dt, -1), "min": _extreme(dt, 1)}[reduce]
    if initial is not None and reduce in ("max", "min"):
        fill = initial
    filled = C.where(member, xe, C.asarray(fill, dtype=dt, device=C.device_of(x)))
    red = {"sum": C.sum, "mean": C.sum, "prod": C.prod, "max": C.max, "min": C.min}[reduce]
    out = red(filled, axis=ax + 1)
    if initial is not None and reduce in ("sum", "mean"):
        out = C.add(out, initial)
    elif initial is not None and reduce == "prod":
        out = C.multiply(out, initial)
    if reduce == "mean":
        empty = C.equal(C.reshape(count, tuple(C.shape(count)) + (1,) * rest), 0)
        cnt = C.astype(C.where(empty, 1, C.reshape(count, C.shape(empty))), dt)
        out = C.where(empty, C.full_like(out, math.nan if initial is None else initial),
                      C.divide(out, cnt))
    return wrap(C.astype(out, dt) if C.dtype_of(out) is not dt else out, data.dtype)


_segment_reduce = segment_reduce


# ---------------------------------------------------------------- dropout


def native_dropout_backward(grad_output, mask, scale):
    """grad_output * (mask * scale), in grad_output's dtype (integers and bool: float)."""
    dt = _result_dtype(grad_output, builtins.float(scale))
    g = C.astype(grad_output._value(), dt)
    m = C.astype(mask._value(), dt)
    return wrap(C.multiply(g, C.multiply(m, scale)), T.FROM_CORE[dt])
