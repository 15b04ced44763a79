import numpy as np

from ...core.devices import Device
from ._base import FROM

_CPU = Device("numpy", "cpu", 0)


def is_array(x):
    return isinstance(x, (np.ndarray, np.generic))


def shape(x):
    return x.shape


def dtype_of(x):
    return FROM[x.dtype]


def to_numpy(x):
    return np.asarray(x)


def device_of(x):
    return _CPU


def devices():
    return [_CPU]


def to_device(x, device):
    from ...core.devices import parse

    kind, idx = parse(device, "numpy")
    if kind != "cpu" or idx != 0:
        raise RuntimeError(f"the numpy backend has only the cpu device; {device!r} is not available")
    return x


def ndim(x):
    return x.ndim


def size(x):
    return x.size
