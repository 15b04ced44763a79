import numpy as np

from ._base import nd


def astype(x, dtype, copy, device):
    x = np.asarray(x)
    t = nd(dtype, "astype")
    if x.dtype.kind == "c" and t.kind not in "cb":
        x = x.real  # NumPy drops the imaginary part (we skip its ComplexWarning)
    return x.astype(t, copy=copy)


def reshape(x, shape, copy):
    return np.reshape(x, shape, copy=copy)


broadcast_to = np.broadcast_to
expand_dims = np.expand_dims


def squeeze(x, axis):
    return np.squeeze(x, axis)


def permute_dims(x, axes):
    return np.transpose(x, axes)


def concat(arrays, axis):
    return np.concatenate(arrays, axis=axis)


def stack(arrays, axis):
    return np.stack(arrays, axis=axis)


flip = np.flip
roll = np.roll
repeat = np.repeat
diagonal = np.diagonal
array_split = np.array_split


def unstack(x, axis):
    return np.unstack(x, axis=axis)
