import contextlib

import numpy as np
import tensorflow as tf

from ...core import dtypes as D
from ._base import NP, N, nd, is_tensor, _SCALAR
from .inspection import native_device


def _on(device):
    d = native_device(device)
    return tf.device(d) if d is not None else contextlib.nullcontext()


def asarray(obj, dtype, device, copy):
    with _on(device):
        if is_tensor(obj):
            out = obj if dtype is None or obj.dtype == nd(dtype) else tf.cast(obj, nd(dtype, "asarray"))
            return tf.identity(out) if copy or device is not None else out
        if copy is False and not hasattr(obj, "__array__") and not hasattr(obj, "__dlpack__"):
            raise ValueError("asarray: copy=False but a Python sequence must be copied")
        if dtype is D.bfloat16:
            return tf.cast(tf.constant(np.asarray(obj, dtype=np.float32)), tf.bfloat16)
        a = np.asarray(obj, dtype=None if dtype is None else NP[dtype])
        return tf.constant(a)


def arange(start, stop, step, dtype, device):
    if stop is None:
        start, stop = 0, start
    if dtype is None:
        dtype = D.int64 if all(isinstance(v, int) for v in (start, stop, step)) else D.float64
    with _on(device):
        return tf.constant(np.arange(start, stop, step, dtype=NP.get(dtype, np.float32))) if dtype is not D.bfloat16 \
            else tf.cast(tf.range(start, stop, step, dtype=tf.float32), tf.bfloat16)


def _filled(value, name):
    def impl(shape, dtype, device):
        dt = nd(dtype, name) if dtype is not None else tf.float64
        with _on(device):
            return tf.fill(_shape(shape), tf.constant(bool(value) if dt == tf.bool else value, dtype=dt))
    return impl


def _shape(shape):
    return (shape,) if isinstance(shape, int) else tuple(shape)


zeros = _filled(0, "zeros")
empty = zeros
ones = _filled(1, "ones")


def full(shape, fill_value, dtype, device):
    if dtype is None:
        if is_tensor(fill_value):
            value = fill_value
        else:
            value = tf.constant(fill_value, dtype=N[_SCALAR[type(fill_value)]] if type(fill_value) in _SCALAR else None)
    else:
        value = tf.cast(tf.constant(fill_value), nd(dtype, "full")) if not isinstance(fill_value, (int, float, bool)) \
            else tf.constant(fill_value, dtype=nd(dtype, "full"))
    with _on(device):
        return tf.fill(_shape(shape), value)


def eye(n_rows, n_cols, k, dtype, device):
    m = n_rows if n_cols is None else n_cols
    dt = nd(dtype, "eye") if dtype is not None else tf.float64
    with _on(device):
        return tf.constant(np.eye(n_rows, m, k, dtype=np.float64), dtype=tf.float64) if dt == tf.float64 else \
            tf.cast(tf.constant(np.eye(n_rows, m, k)), dt)


def linspace(start, stop, num, dtype, device, endpoint):
    if dtype is None:
        dtype = D.complex128 if isinstance(start, complex) or isinstance(stop, complex) else D.float64
    a = np.linspace(start, stop, num, endpoint=endpoint, dtype=np.complex128 if dtype.kind == "c" else np.float64)
    with _on(device):
        return tf.cast(tf.constant(a), nd(dtype, "linspace"))


def from_dlpack(x, device, copy):
    if copy and hasattr(x, "__dlpack__"):
        # a real copy through host memory: tf.identity of a DLPack import may still alias the
        # producer's buffer, and TF aborts the process when that buffer changes under it
        try:
            return tf.constant(np.array(np.from_dlpack(x)))
        except (TypeError, RuntimeError, BufferError):
            pass
    if hasattr(x, "__dlpack__"):
        try:
            out = tf.experimental.dlpack.from_dlpack(x.__dlpack__())
        except Exception:
            out = tf.constant(np.from_dlpack(x))
    else:
        out = tf.experimental.dlpack.from_dlpack(x)
    return tf.identity(out) if copy else out


def meshgrid(arrays, indexing):
    return list(tf.meshgrid(*arrays, indexing=indexing))


def _band(x, lower, upper):
    return tf.linalg.band_part(x, lower, upper)


def _tri_mask(x, k, lower):
    n, m = x.shape[-2], x.shape[-1]
    r = tf.range(n)[:, None]
    c = tf.range(m)[None, :]
    mask = (c - r <= k) if lower else (c - r >= k)
    return tf.where(mask, x, tf.zeros_like(x))


def tril(x, k):
    return _tri_mask(x, k, True)


def triu(x, k):
    return _tri_mask(x, k, False)


def tril_indices(n, k, m, device):
    r, c = np.tril_indices(n, k, m)
    with _on(device):
        return tf.constant(r.astype(np.int64)), tf.constant(c.astype(np.int64))


def triu_indices(n, k, m, device):
    r, c = np.triu_indices(n, k, m)
    with _on(device):
        return tf.constant(r.astype(np.int64)), tf.constant(c.astype(np.int64))
