import numpy as np
import torch

from ...core import dtypes as D
from ._base import NP, FROM, N, nd
from .inspection import native_device


def _from_numpy_like(obj, dtype):
    a = np.asarray(obj, dtype=None if dtype is None else NP.get(dtype))
    t = torch.from_numpy(a.copy() if not a.flags.writeable or a.dtype.byteorder == ">" else a)
    if dtype is D.bfloat16:
        t = t.to(torch.bfloat16)
    return t


def asarray(obj, dtype, device, copy):
    dev = native_device(device)
    if isinstance(obj, torch.Tensor):
        t = obj
        if dtype is not None and t.dtype != nd(dtype, "asarray"):
            if copy is False:
                raise ValueError("asarray: copy=False but a dtype change needs a copy")
            t = t.to(nd(dtype))
        elif copy:
            t = t.clone()
    else:
        if copy is False and not hasattr(obj, "__array__") and not hasattr(obj, "__dlpack__"):
            raise ValueError("asarray: copy=False but a Python sequence must be copied")
        t = _from_numpy_like(obj, dtype)
        if copy:
            t = t.clone()
    return t if dev is None else t.to(dev)


def arange(start, stop, step, dtype, device):
    if stop is None:
        start, stop = 0, start
    if dtype is None:
        dtype = D.int64 if all(isinstance(v, int) for v in (start, stop, step)) else D.float64
    if (stop - start) * step <= 0:  # numpy gives an empty array where torch raises
        return torch.empty((0,), dtype=nd(dtype, "arange"), device=native_device(device))
    return torch.arange(start, stop, step, dtype=nd(dtype, "arange"), device=native_device(device))


def _filled(fn, name):
    def impl(shape, dtype, device):
        return fn(shape, dtype=nd(dtype, name) if dtype is not None else torch.float64,
                  device=native_device(device))
    return impl


empty = _filled(torch.zeros, "empty")
zeros = _filled(torch.zeros, "zeros")
ones = _filled(torch.ones, "ones")


def full(shape, fill_value, dtype, device):
    if dtype is None:
        dtype = FROM_SCALAR[type(fill_value)] if type(fill_value) in FROM_SCALAR else None
    if hasattr(fill_value, "dtype") and dtype is None:
        dtype = FROM[fill_value.dtype] if fill_value.dtype in FROM else None
    return torch.full(tuple(shape) if not isinstance(shape, int) else (shape,), fill_value,
                      dtype=N.get(dtype), device=native_device(device))


FROM_SCALAR = {bool: D.bool, int: D.int64, float: D.float64, complex: D.complex128}


def eye(n_rows, n_cols, k, dtype, device):
    m = n_rows if n_cols is None else n_cols
    out = torch.zeros((n_rows, m), dtype=nd(dtype, "eye") if dtype is not None else torch.float64,
                      device=native_device(device))
    out.diagonal(k).fill_(1)
    return out


def linspace(start, stop, num, dtype, device, endpoint):
    if dtype is None:
        dtype = D.complex128 if isinstance(start, complex) or isinstance(stop, complex) else D.float64
    if endpoint:
        return torch.linspace(start, stop, num, dtype=nd(dtype, "linspace"), device=native_device(device))
    step = (stop - start) / num if num else 0
    return torch.linspace(start, stop - step, num, dtype=nd(dtype, "linspace"),
                          device=native_device(device)) if num > 1 else torch.full(
        (num,), start, dtype=nd(dtype, "linspace"), device=native_device(device))


def from_dlpack(x, device, copy):
    t = torch.from_dlpack(x)
    if copy:
        t = t.clone()
    return t if device is None else t.to(native_device(device))


def meshgrid(arrays, indexing):
    return list(torch.meshgrid(*arrays, indexing=indexing))


def tril(x, k):
    return torch.tril(x, k)


def triu(x, k):
    return torch.triu(x, k)


def tril_indices(n, k, m, device):
    r = torch.tril_indices(n, n if m is None else m, k, device=native_device(device))
    return r[0], r[1]


def triu_indices(n, k, m, device):
    r = torch.triu_indices(n, n if m is None else m, k, device=native_device(device))
    return r[0], r[1]
