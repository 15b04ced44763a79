import numpy as np

from ._base import nd
from .inspection import to_device as _to_device


def _dev(device):
    if device is not None:
        _to_device(None, device)


def asarray(obj, dtype, device, copy):
    _dev(device)
    if copy:
        return np.array(obj, dtype=nd(dtype, "asarray"), copy=True)
    if copy is False:
        return np.asarray(obj, dtype=nd(dtype, "asarray"), copy=False)
    return np.asarray(obj, dtype=nd(dtype, "asarray"))


def arange(start, stop, step, dtype, device):
    _dev(device)
    if stop is None:
        start, stop = 0, start
    return np.arange(start, stop, step, dtype=nd(dtype, "arange"))


def empty(shape, dtype, device):
    _dev(device)
    return np.empty(shape, dtype=nd(dtype, "empty") or np.float64)


def zeros(shape, dtype, device):
    _dev(device)
    return np.zeros(shape, dtype=nd(dtype, "zeros") or np.float64)


def ones(shape, dtype, device):
    _dev(device)
    return np.ones(shape, dtype=nd(dtype, "ones") or np.float64)


def full(shape, fill_value, dtype, device):
    _dev(device)
    return np.full(shape, fill_value, dtype=nd(dtype, "full"))


def eye(n_rows, n_cols, k, dtype, device):
    _dev(device)
    return np.eye(n_rows, n_cols, k, dtype=nd(dtype, "eye") or np.float64)


def linspace(start, stop, num, dtype, device, endpoint):
    _dev(device)
    return np.linspace(start, stop, num, endpoint=endpoint, dtype=nd(dtype, "linspace"))


def from_dlpack(x, device, copy):
    _dev(device)
    return np.from_dlpack(x, copy=copy)


def meshgrid(arrays, indexing):
    return list(np.meshgrid(*arrays, indexing=indexing))


def tril(x, k):
    return np.tril(x, k)


def triu(x, k):
    return np.triu(x, k)


def tril_indices(n, k, m, device):
    _dev(device)
    return tuple(i.astype(np.int64) for i in np.tril_indices(n, k, m))


def triu_indices(n, k, m, device):
    _dev(device)
    return tuple(i.astype(np.int64) for i in np.triu_indices(n, k, m))
