import builtins

import torch

from ...core.ops.reduction import _norm_axis
from ...core.ops.searching import TopKResult as _TopK
from ...core.ops.searching import UniqueAllResult as _UAll
from ...core.ops.searching import UniqueCountsResult as _UCounts
from ...core.ops.searching import UniqueInverseResult as _UInverse
from .reduction import _LIMITED, _ordered, _unordered


def _ax(x, axis):
    return _norm_axis(axis, x.dim())


def sort(x, axis, descending, stable):
    return torch.sort(x, dim=_ax(x, axis), descending=descending, stable=stable).values


def argsort(x, axis, descending, stable):
    return torch.argsort(x, dim=_ax(x, axis), descending=descending, stable=stable)


def topk(x, k, axis, largest, sorted):
    ax = _ax(x, axis)
    n = x.shape[ax]
    if not 0 <= k <= n:
        raise ValueError(f"topk: k={k} out of range for an axis of length {n}")
    d = x.dtype
    v, i = torch.topk(_ordered(x), k, dim=ax, largest=largest, sorted=sorted)
    return _TopK(_unordered(v, d), i)


def _same(x1, x2):
    """Two tensors of one comparable dtype (Python scalars take the tensor's dtype)."""
    if not isinstance(x2, torch.Tensor):
        x2 = torch.tensor(x2, dtype=x1.dtype, device=x1.device)
    if x1.dtype != x2.dtype:
        d = torch.promote_types(x1.dtype, x2.dtype)
        x1, x2 = x1.to(d), x2.to(d)
    return _ordered(x1), _ordered(x2)


def searchsorted(x1, x2, side, sorter):
    if x1.dim() != 1:
        raise ValueError(f"searchsorted: x1 must be 1-D, got {x1.dim()}-D")
    if side not in ("left", "right"):
        raise ValueError(f"searchsorted: side must be 'left' or 'right', got {side!r}")
    a, b = _same(x1, x2)
    return torch.searchsorted(a, b, side=side, sorter=sorter)


def _nz(x):
    if x.dtype in _LIMITED or x.dtype.is_complex:
        return x != 0
    return x


def nonzero(x):
    if x.dim() == 0:
        raise ValueError("nonzero of a 0-d array is not allowed; reshape it to 1-d first")
    return torch.nonzero(_nz(x), as_tuple=True)


def argwhere(x):
    return torch.argwhere(_nz(x))


def unique_all(x):
    flat = x.reshape(-1)
    v, inv, c = torch.unique(flat, sorted=True, return_inverse=True, return_counts=True)
    n = flat.numel()
    first = torch.full((v.numel(),), n, dtype=torch.int64, device=x.device).scatter_reduce_(
        0, inv, torch.arange(n, device=x.device), reduce="amin")
    return _UAll(v, first, inv.reshape(x.shape), c)


def unique_counts(x):
    v, c = torch.unique(x, sorted=True, return_counts=True)
    return _UCounts(v, c)


def unique_inverse(x):
    v, inv = torch.unique(x, sorted=True, return_inverse=True)
    return _UInverse(v, inv.reshape(x.shape))


def unique_values(x):
    return torch.unique(x, sorted=True)


def isin(x, test_elements, invert):
    if not isinstance(x, torch.Tensor):
        x = torch.tensor(x, dtype=test_elements.dtype, device=test_elements.device)
    a, b = _same(x, test_elements)
    return torch.isin(a, b, invert=invert)


def bincount(x, weights, minlength):
    if x.dim() != 1:
        raise ValueError(f"bincount: x must be 1-D, got {x.dim()}-D")
    if x.dtype.is_floating_point or x.dtype.is_complex or x.dtype == torch.uint64:
        raise TypeError(f"bincount: x must hold integers (int64-castable), got {x.dtype}")
    if minlength < 0:
        raise ValueError("bincount: minlength must be non-negative")
    x64 = x.to(torch.int64)
    if x64.numel() and int(x64.min()) < 0:
        raise ValueError("bincount: x must be non-negative")
    n = builtins.max(int(x64.max()) + 1 if x64.numel() else 0, minlength)
    if weights is None:
        return torch.bincount(x64, minlength=n)
    if weights.shape != x.shape:
        raise ValueError("bincount: weights and x must have the same length")
    w = weights.to(torch.float64)
    return torch.zeros(n, dtype=torch.float64, device=x.device).index_add(0, x64, w)
