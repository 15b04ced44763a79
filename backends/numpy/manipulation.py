import numpy as np

from ...core.ops.manipulation import AxisError as _AxisError
from ._base import nd


def astype(x, dtype, copy, device):
    x = np.asarray(x)
    t = nd(dtype, "astype")
    if x.dtype.kind == "c" and t.kind not in "cb":
        x = x.real  # NumPy drops the imaginary part (we skip its ComplexWarning)
    return x.astype(t, copy=copy)


def reshape(x, shape, copy):
    if copy is None:
        return x.reshape(shape)  # the method: np.reshape adds a Python wrapper
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


def array_split(x, indices_or_sections, axis):
    try:
        return np.array_split(x, indices_or_sections, axis)
    except IndexError as e:  # NumPy's own bad-axis error here is a bare IndexError
        raise _AxisError(f"unify.core.array_split: axis {axis}: {e}") from None


def unstack(x, axis):
    return tuple(np.moveaxis(x, axis, 0))
