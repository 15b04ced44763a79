import torch

from ._base import nd


def sum(x, axis, dtype, keepdims):
    if axis == ():
        return x.to(nd(dtype)) if dtype is not None else x.clone()
    return torch.sum(x, dim=axis, keepdim=keepdims, dtype=nd(dtype, "sum"))
