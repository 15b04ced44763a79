import torch

from ...core.ops.reduction import _check_nonempty, _norm_axes, _norm_axis, _scan_axis
from ._base import nd

_LIMITED = (torch.uint16, torch.uint32, torch.uint64)
_UNSIGNED = (torch.uint8,) + _LIMITED
_MIN64 = -(2 ** 63)


def _dims(x, axis):
    """torch dim argument: None for all axes, else a tuple (() means: no reduction)."""
    return None if axis is None else _norm_axes(axis, x.dim())


def _acc(x, dtype):
    """Result dtype of sum/prod/cumulative_* (NumPy: ints -> int64, unsigned -> uint64)."""
    if dtype is not None:
        return nd(dtype)
    d = x.dtype
    if d in _UNSIGNED:
        return torch.uint64
    if d == torch.bool or not (d.is_floating_point or d.is_complex):
        return torch.int64
    return d


def _is_int(d):
    return not (d.is_floating_point or d.is_complex)


def _ordered(x):
    """A dtype torch can compare in, with the same order (bool -> uint8, wide uints -> int64)."""
    d = x.dtype
    if d == torch.bool:
        return x.to(torch.uint8)
    if d == torch.uint64:
        return x.view(torch.int64) ^ _MIN64
    if d in _LIMITED:
        return x.to(torch.int64)
    return x


def _unordered(y, d):
    if d == torch.uint64:
        return (y ^ _MIN64).view(torch.uint64)
    return y if y.dtype == d else y.to(d)


def _reduce_acc(fn, x, axis, dtype, keepdims):
    final = _acc(x, dtype)
    dims = _dims(x, axis)
    if dims == ():
        return x.to(final, copy=True)
    if _is_int(final):  # integer results: accumulate in int64 (same wrap-around as NumPy)
        r = fn(x, dims, keepdims, torch.int64)
        return r if final == torch.int64 else r.to(final)
    return fn(x, dims, keepdims, final)


def _sum(x, dims, keepdims, dtype):
    return torch.sum(x, dim=dims, keepdim=keepdims, dtype=dtype)


def _prod(x, dims, keepdims, dtype):
    if dims is None:
        r = torch.prod(x, dtype=dtype)
        return r.reshape((1,) * x.dim()) if keepdims else r
    if len(dims) == 1:
        return torch.prod(x, dim=dims[0], keepdim=keepdims, dtype=dtype)
    x = x.to(dtype)
    for d in sorted(dims, reverse=True):
        x = torch.prod(x, dim=d, keepdim=keepdims)
    return x


_FAST = (torch.float32, torch.float64, torch.float16, torch.bfloat16, torch.complex64, torch.complex128)


def sum(x, axis, dtype, keepdims):
    if axis is None and dtype is None and not keepdims and x.dtype in _FAST:
        return torch.sum(x)  # hot path: a full float sum needs no dtype or axis work
    return _reduce_acc(_sum, x, axis, dtype, keepdims)


def prod(x, axis, dtype, keepdims):
    return _reduce_acc(_prod, x, axis, dtype, keepdims)


def mean(x, axis, keepdims):
    if not (x.dtype.is_floating_point or x.dtype.is_complex):
        x = x.to(torch.float64)
    dims = _dims(x, axis)
    if dims == ():
        return x.clone()
    return torch.mean(x, dim=dims, keepdim=keepdims)


def _extremum(fn, x, axis, keepdims, name):
    _check_nonempty(x.shape, axis, name)
    dims = _dims(x, axis)
    if dims == ():
        return x.clone()
    d = x.dtype
    if d in _LIMITED:
        return _unordered(fn(_ordered(x), dim=dims or (), keepdim=keepdims), d)
    return fn(x, dim=dims or (), keepdim=keepdims)


def max(x, axis, keepdims):
    return _extremum(torch.amax, x, axis, keepdims, "maximum")


def min(x, axis, keepdims):
    return _extremum(torch.amin, x, axis, keepdims, "minimum")


def _logical(fn, x, axis, keepdims):
    if x.dtype != torch.bool:
        x = x != 0
    dims = _dims(x, axis)
    if dims == ():
        return x.clone()
    if dims is None:
        r = fn(x)
        return r.reshape((1,) * x.dim()) if keepdims else r
    return fn(x, dim=dims, keepdim=keepdims)


def all(x, axis, keepdims):
    return _logical(torch.all, x, axis, keepdims)


def any(x, axis, keepdims):
    return _logical(torch.any, x, axis, keepdims)


def count_nonzero(x, axis, keepdims):
    if x.dtype in _LIMITED:
        x = x != 0
    dims = _dims(x, axis)
    if dims == ():
        return (x != 0).to(torch.int64)
    r = torch.count_nonzero(x, dim=dims)
    if keepdims:
        r = r.reshape([1 if dims is None or i in dims else s for i, s in enumerate(x.shape)])
    return r


def _arg(fn, x, axis, keepdims, name):
    if axis is not None:
        if isinstance(axis, (tuple, list)):
            raise TypeError(f"{name}: axis must be an int or None, got {axis!r}")
        axis = _norm_axis(axis, x.dim()) if x.dim() else _norm_axis(axis, 0)
    _check_nonempty(x.shape, axis, name)
    return fn(_ordered(x), dim=axis, keepdim=keepdims)


def argmax(x, axis, keepdims):
    return _arg(torch.argmax, x, axis, keepdims, "argmax")


def argmin(x, axis, keepdims):
    return _arg(torch.argmin, x, axis, keepdims, "argmin")


def _scan(fn, x, axis, dtype, include_initial, name, init):
    ax = _scan_axis(axis, x.dim(), name)
    if x.dim() == 0:
        x = x.reshape(1)
    final = _acc(x, dtype)
    if _is_int(final):
        r = fn(x, ax, dtype=torch.int64)
        if final != torch.int64:
            r = r.to(final)
    else:
        r = fn(x, ax, dtype=final)
    if include_initial:
        shape = list(r.shape)
        shape[ax] = 1
        r = torch.cat([torch.full(shape, init, dtype=r.dtype, device=r.device), r], dim=ax)
    return r


def cumulative_sum(x, axis, dtype, include_initial):
    return _scan(torch.cumsum, x, axis, dtype, include_initial, "cumulative_sum", 0)


def cumulative_prod(x, axis, dtype, include_initial):
    return _scan(torch.cumprod, x, axis, dtype, include_initial, "cumulative_prod", 1)


def _cumext(fn, x, axis, name):
    ax = _scan_axis(axis, x.dim(), name)
    if x.dim() == 0:
        x = x.reshape(1)
    d = x.dtype
    if d in _LIMITED:
        v, i = fn(_ordered(x), ax)
        return _unordered(v, d), i
    v, i = fn(x, ax)
    return v, i


def cummax(x, axis):
    return _cumext(torch.cummax, x, axis, "cummax")


def cummin(x, axis):
    return _cumext(torch.cummin, x, axis, "cummin")


def logcumsumexp(x, axis):
    if not (x.dtype.is_floating_point or x.dtype.is_complex):
        x = x.to(torch.float64)
    if x.dim() == 0:
        return x.clone()
    return torch.logcumsumexp(x, _norm_axis(axis, x.dim()))


def logsumexp(x, axis, keepdims):
    if not (x.dtype.is_floating_point or x.dtype.is_complex):
        x = x.to(torch.float64)
    dims = _norm_axes(axis, x.dim())
    if dims == ():
        return x.clone()
    return torch.logsumexp(x, dim=dims, keepdim=keepdims)
