"""nn ops on PyTorch: torch.nn.functional kernels (arguments validated by the core's helpers)."""
import torch
import torch.nn.functional as F

from ...core.ops.nn import (ClassValueError as _ClassValueError, _avg_pool_impl, _conv_geom,
                            _conv_transpose_geom, _pad_check, _pad_fill, _pad_index, _pad_mode, _pad_pairs,
                            _pool_geom)
from ._base import nd as _nd

_CONV = {1: F.conv1d, 2: F.conv2d, 3: F.conv3d}
_CONVT = {1: F.conv_transpose1d, 2: F.conv_transpose2d, 3: F.conv_transpose3d}
_MAXP = {1: F.max_pool1d, 2: F.max_pool2d, 3: F.max_pool3d}
_AVGP = {2: F.avg_pool2d, 3: F.avg_pool3d}


def conv(x, weight, bias, stride, padding, dilation, groups):
    batched, st, pads, dil, G, _ = _conv_geom(tuple(x.shape), tuple(weight.shape), stride, padding,
                                              dilation, groups)
    nsp = weight.ndim - 2
    if all(a == b for a, b in pads):
        return _CONV[nsp](x, weight, bias, st, tuple(a for a, _ in pads), dil, G)
    # 'same' with an odd total: pad the extra element at the end ourselves
    flat = []
    for a, b in reversed(pads):
        flat += [a, b]
    return _CONV[nsp](F.pad(x, flat), weight, bias, st, 0, dil, G)


def conv_transpose(x, weight, bias, stride, padding, output_padding, groups, dilation):
    batched, st, pd, op_, dil, G, _ = _conv_transpose_geom(
        tuple(x.shape), tuple(weight.shape), stride, padding, output_padding, groups, dilation)
    return _CONVT[weight.ndim - 2](x, weight, bias, st, pd, op_, G, dil)


def pad(x, pad_width, mode, value):
    pairs = _pad_pairs(pad_width, x.ndim)
    m = _pad_mode(mode)
    _pad_check(tuple(x.shape), pairs, m)
    if m == "constant":
        flat = []
        for a, b in reversed(pairs):
            flat += [a, b]
        v = _pad_fill(value, str(x.dtype).rsplit(".", 1)[-1])
        if x.is_complex():  # F.pad takes a real fill: a complex one pads the two parts
            v = complex(v)
            if v.imag:
                return torch.complex(pad(x.real, pad_width, mode, v.real),
                                     pad(x.imag, pad_width, mode, v.imag))
            v = v.real
        if x.dtype == torch.bool:
            return F.pad(x.to(torch.uint8), flat, value=int(v)).to(torch.bool)
        return F.pad(x, flat, value=v)
    for ax, (a, b) in enumerate(pairs):
        if a or b:
            idx = torch.from_numpy(_pad_index(x.shape[ax], a, b, m)).to(x.device)
            x = torch.index_select(x, ax, idx)
    return x


def max_pool(x, kernel_size, stride, padding, dilation, ceil_mode):
    batched, ks, st, pd, dil, out = _pool_geom("max_pool", tuple(x.shape), kernel_size, stride, padding,
                                               dilation, ceil_mode)
    return _MAXP[len(ks)](x, ks, st, pd, dil, ceil_mode)


def avg_pool(x, kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override):
    batched, ks, st, pd, dil, out = _pool_geom("avg_pool", tuple(x.shape), kernel_size, stride, padding, 1,
                                               ceil_mode)
    nsp = len(ks)
    if nsp == 1:  # avg_pool1d has no divisor_override: run it as a 2-d pool of height 1
        y = _AVGP[2](x.unsqueeze(-2), (1,) + ks, (1,) + st, (0,) + pd, ceil_mode, count_include_pad,
                     divisor_override or None)
        return y.squeeze(-2)
    if nsp == 3 and any(n < k for n, k in zip(x.shape[-3:], ks)):
        # avg_pool3d refuses an input smaller than the kernel (2-d does not): use the composite
        return _avg_pool_impl(x, kernel_size, stride, padding, ceil_mode, count_include_pad, divisor_override)
    return _AVGP[nsp](x, ks, st, pd, ceil_mode, count_include_pad, divisor_override or None)


def one_hot(x, num_classes, dtype):
    if x.dtype.is_floating_point or x.dtype.is_complex or x.dtype == torch.bool:
        raise TypeError(f"unify.core.one_hot: needs integer class values, got {x.dtype}")
    if num_classes == -1:
        num_classes = int(x.max()) + 1 if x.numel() else 0
    if x.numel() and (int(x.min()) < 0 or int(x.max()) >= num_classes):
        raise _ClassValueError(f"one_hot: class values must be in [0, {num_classes})")
    out = (x.unsqueeze(-1) == torch.arange(num_classes, device=x.device, dtype=x.dtype))
    return out.to(torch.int64 if dtype is None else _nd(dtype, "one_hot"))




def max_pool_with_indices(x, kernel_size, stride, padding, dilation, ceil_mode):
    batched, ks, st, pd, dil, out = _pool_geom("max_pool_with_indices", tuple(x.shape), kernel_size, stride,
                                               padding, dilation, ceil_mode)
    return _MAXP[len(ks)](x, ks, st, pd, dil, ceil_mode, return_indices=True)
