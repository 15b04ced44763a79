import operator

import torch

from ...core.ops.manipulation import AxisError as _AxisError
from ...core.ops.manipulation import _axes, _common_dtype, _int_or_none, _is_partition, _split_bounds
from ._base import DTYPES, FROM, nd

# torch lacks flip / index_select kernels for the wide unsigned dtypes: use a signed view
_SIGNED_VIEW = {torch.uint16: torch.int16, torch.uint32: torch.int32, torch.uint64: torch.int64}


def _err(op, e):
    """A native shape/axis error as the core's (None: not one of those)."""
    if isinstance(e, IndexError):
        return _AxisError(f"unify.core.{op}: {e}")
    if isinstance(e, RuntimeError) and "not implemented for" not in str(e):
        return ValueError(f"unify.core.{op}: {e}")
    return None


def _joined(arrays):
    """The arrays, cast to their common dtype when they differ."""
    if not len(arrays):
        raise ValueError("unify.core: need at least one array to concatenate or stack")
    d0 = arrays[0].dtype
    if all(a.dtype == d0 for a in arrays):
        return arrays
    t = DTYPES[_common_dtype([FROM[a.dtype] for a in arrays])]
    return [a.to(t) for a in arrays]


def astype(x, dtype, copy, device):
    t = nd(dtype, "astype")
    if x.is_complex() and not t.is_complex:
        if t == torch.bool:
            return x != 0
        x = x.real
    return x.to(t, copy=copy)


_reshape = torch.reshape


def reshape(x, shape, copy):
    try:
        if copy:
            return x.reshape(shape).clone()
        if copy is False:
            return x.view(shape)
        return _reshape(x, shape)  # torch.reshape: faster than the Tensor method
    except (RuntimeError, IndexError) as e:
        raise _err("reshape", e) or e


def broadcast_to(x, shape):
    try:
        return torch.broadcast_to(x, shape)
    except (RuntimeError, IndexError) as e:
        raise _err("broadcast_to", e) or e


def expand_dims(x, axis):
    k = _int_or_none(axis)
    if k is not None:
        try:
            return torch.unsqueeze(x, k)
        except IndexError as e:
            raise _err("expand_dims", e) from None
    for a in sorted(_axes(axis, x.dim() + len(axis), "expand_dims")):
        x = torch.unsqueeze(x, a)
    return x


def squeeze(x, axis):
    if axis is None:
        return torch.squeeze(x)
    s = x.shape
    axes = _axes(axis, len(s), "squeeze")
    for a in axes:
        if s[a] != 1:
            raise ValueError(f"unify.core.squeeze: cannot squeeze axis {a} of size {s[a]} (not 1)")
    return torch.squeeze(x, axes) if axes else x


def permute_dims(x, axes):
    try:
        return torch.permute(x, axes)
    except (RuntimeError, IndexError) as e:
        raise _err("permute_dims", e) or e


def concat(arrays, axis):
    arrays = _joined(arrays)
    try:
        if axis is None:
            return torch.cat([a.reshape(-1) for a in arrays])
        return torch.cat(arrays, dim=axis)
    except (RuntimeError, IndexError) as e:
        raise _err("concat", e) or e


def stack(arrays, axis):
    try:
        return torch.stack(_joined(arrays), dim=axis)
    except (RuntimeError, IndexError) as e:
        raise _err("stack", e) or e


def flip(x, axis):
    dims = _axes(axis, x.dim(), "flip")
    v = _SIGNED_VIEW.get(x.dtype)
    if v is not None:
        return torch.flip(x.view(v), dims).view(x.dtype)
    return torch.flip(x, dims)


def _shift_axes(shift, axis, ndim, op):
    k = _int_or_none(shift)
    shifts = [k] if k is not None else [operator.index(s) for s in shift]
    axes = list(_axes(axis, ndim, op, unique=False))
    if len(shifts) == 1:
        shifts = shifts * len(axes)
    elif len(axes) == 1:
        axes = axes * len(shifts)
    if len(shifts) != len(axes):
        raise ValueError(f"unify.core.{op}: shift and axis must broadcast ({shift!r}, {axis!r})")
    return shifts, axes


def roll(x, shift, axis):
    if axis is None:
        k = _int_or_none(shift)
        return torch.roll(x, k if k is not None else sum(operator.index(s) for s in shift))
    shifts, axes = _shift_axes(shift, axis, x.dim(), "roll")
    return torch.roll(x, shifts, axes)


def repeat(x, repeats, axis):
    if _int_or_none(repeats) is None:
        repeats = torch.as_tensor(repeats, dtype=torch.int64, device=x.device)
        if repeats.dim() != 1:
            raise ValueError("unify.core.repeat: repeats must be an int or a 1-d array")
        v = _SIGNED_VIEW.get(x.dtype)
        if v is not None:  # no index_select kernel for the wide unsigned dtypes
            return torch.repeat_interleave(x.view(v), repeats, dim=axis).view(x.dtype)
    try:
        return torch.repeat_interleave(x, repeats, dim=axis)
    except (RuntimeError, IndexError) as e:
        raise _err("repeat", e) or e


def diagonal(x, offset, axis1, axis2):
    try:
        return torch.diagonal(x, offset, axis1, axis2)
    except (RuntimeError, IndexError) as e:
        raise _err("diagonal", e) or e


def unstack(x, axis):
    try:
        return torch.unbind(x, axis)
    except (RuntimeError, IndexError) as e:
        raise _err("unstack", e) or e


def array_split(x, indices_or_sections, axis):
    ax = _axes(axis, x.dim(), "array_split")[0]
    n = x.shape[ax]
    bounds = _split_bounds(n, indices_or_sections)
    if _is_partition(bounds, n):
        return list(torch.split(x, [b - a for a, b in bounds], dim=ax))
    pre = (slice(None),) * ax
    return [x[pre + (slice(a, b),)] for a, b in bounds]
