import numpy as np

from ._base import nd


def astype(x, dtype, copy, device):
    return np.asarray(x).astype(nd(dtype, "astype"), copy=copy)


def reshape(x, shape, copy):
    return np.reshape(x, shape, copy=copy)


def broadcast_to(x, shape):
    return np.broadcast_to(x, shape)


def expand_dims(x, axis):
    return np.expand_dims(x, axis)


def squeeze(x, axis):
    return np.squeeze(x, axis)


def permute_dims(x, axes):
    return np.transpose(x, axes)


def concat(arrays, axis):
    return np.concatenate(arrays, axis=axis)


def stack(arrays, axis):
    return np.stack(arrays, axis=axis)
