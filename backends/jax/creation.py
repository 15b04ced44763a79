import jax
import jax.numpy as jnp
import numpy as np

from ...core import dtypes as D
from ._base import nd
from .inspection import native_device

_SCALAR = {bool: D.bool, int: D.int64, float: D.float64, complex: D.complex128}


def _put(x, device):
    d = native_device(device)
    return x if d is None else jax.device_put(x, d)


def asarray(obj, dtype, device, copy):
    if isinstance(obj, jax.Array):
        out = obj if dtype is None else obj.astype(nd(dtype, "asarray"))
        if copy:
            out = jnp.array(out, copy=True)
    else:
        if copy is False and not hasattr(obj, "__array__") and not hasattr(obj, "__dlpack__"):
            raise ValueError("asarray: copy=False but a Python sequence must be copied")
        a = np.asarray(obj) if dtype is None or dtype is D.bfloat16 else np.asarray(obj, dtype=nd(dtype))
        # jnp.asarray may alias a NumPy buffer on CPU: copy=True must give a buffer of its own
        make = jnp.array if copy else jnp.asarray
        out = make(a, dtype=nd(dtype, "asarray") if dtype is not None else a.dtype)
    return _put(out, device)


def arange(start, stop, step, dtype, device):
    if stop is None:
        start, stop = 0, start
    if dtype is None:
        dtype = D.int64 if all(isinstance(v, int) for v in (start, stop, step)) else D.float64
    return _put(jnp.arange(start, stop, step, dtype=nd(dtype, "arange")), device)


def zeros(shape, dtype, device):
    return _put(jnp.zeros(shape, dtype=nd(dtype, "zeros") if dtype is not None else jnp.float64), device)


empty = zeros


def ones(shape, dtype, device):
    return _put(jnp.ones(shape, dtype=nd(dtype, "ones") if dtype is not None else jnp.float64), device)


def full(shape, fill_value, dtype, device):
    if dtype is None and type(fill_value) in _SCALAR:
        dtype = _SCALAR[type(fill_value)]
    return _put(jnp.full(shape, fill_value, dtype=nd(dtype, "full")), device)


def eye(n_rows, n_cols, k, dtype, device):
    return _put(jnp.eye(n_rows, n_cols, k, dtype=nd(dtype, "eye") if dtype is not None else jnp.float64), device)


def linspace(start, stop, num, dtype, device, endpoint):
    if dtype is None:
        dtype = D.complex128 if isinstance(start, complex) or isinstance(stop, complex) else D.float64
    return _put(jnp.linspace(start, stop, num, endpoint=endpoint, dtype=nd(dtype, "linspace")), device)


def from_dlpack(x, device, copy):
    out = jnp.from_dlpack(x, copy=copy)
    return _put(out, device)


def meshgrid(arrays, indexing):
    return list(jnp.meshgrid(*arrays, indexing=indexing))


def tril(x, k):
    return jnp.tril(x, k)


def triu(x, k):
    return jnp.triu(x, k)


def tril_indices(n, k, m, device):
    return tuple(_put(i.astype(jnp.int64), device) for i in jnp.tril_indices(n, k, m))


def triu_indices(n, k, m, device):
    return tuple(_put(i.astype(jnp.int64), device) for i in jnp.triu_indices(n, k, m))
