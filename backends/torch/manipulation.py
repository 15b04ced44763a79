import torch

from ._base import nd


def astype(x, dtype, copy, device):
    return x.to(nd(dtype, "astype"), copy=copy)


def reshape(x, shape, copy):
    if copy:
        return x.reshape(shape).clone()
    if copy is False:
        return x.view(shape)
    return x.reshape(shape)


def broadcast_to(x, shape):
    return torch.broadcast_to(x, shape)


def expand_dims(x, axis):
    if isinstance(axis, int):
        return torch.unsqueeze(x, axis)
    n = x.dim() + len(axis)
    for a in sorted(a % n for a in axis):
        x = torch.unsqueeze(x, a)
    return x


def squeeze(x, axis):
    return torch.squeeze(x, axis)


def permute_dims(x, axes):
    return torch.permute(x, axes)


def concat(arrays, axis):
    if axis is None:
        return torch.cat([a.reshape(-1) for a in arrays])
    return torch.cat(arrays, dim=axis)


def stack(arrays, axis):
    return torch.stack(arrays, dim=axis)
