"""Dtype table, promotion helper and error translation of the TensorFlow backend."""
import numpy as np
import tensorflow as tf

from ...core import dtypes as D

DTYPES = {
    D.bool: tf.bool, D.int8: tf.int8, D.int16: tf.int16, D.int32: tf.int32, D.int64: tf.int64,
    D.uint8: tf.uint8, D.uint16: tf.uint16, D.uint32: tf.uint32, D.uint64: tf.uint64,
    D.float16: tf.float16, D.bfloat16: tf.bfloat16, D.float32: tf.float32,
    D.float64: tf.float64, D.complex64: tf.complex64, D.complex128: tf.complex128,
}
FROM = {v: k for k, v in DTYPES.items()}
N = dict(DTYPES)
N[None] = None
NP = {d: np.dtype(d.name) for d in D.ALL if d is not D.bfloat16}
_SCALAR = {bool: D.bool, int: D.int64, float: D.float64, complex: D.complex128}


def nd(dtype, op="?"):
    try:
        return N[dtype]
    except KeyError:
        if isinstance(dtype, tf.DType):
            return dtype
        raise TypeError(f"unify.core.{op}: dtype {dtype!r} is not supported by the tensorflow backend") from None


def is_tensor(x):
    return isinstance(x, (tf.Tensor, tf.Variable))


def promote(x1, x2):
    """Two tensors of the core's promoted dtype (weak Python scalars take the other's),
    explicitly broadcast when either has rank > 5 (TF's binary kernels broadcast only up
    to rank 5)."""
    a, b = _promote(x1, x2)
    if (a.shape.rank or 0) > 5 or (b.shape.rank or 0) > 5:
        if a.shape != b.shape:
            s = tf.broadcast_dynamic_shape(tf.shape(a), tf.shape(b))
            a, b = _tile_to(a, s), _tile_to(b, s)
    return a, b


def _tile_to(x, s):
    """broadcast_to by tiling (tf.broadcast_to is limited to rank 5 too)."""
    x = tf.reshape(x, tf.concat([tf.ones([tf.size(s) - tf.rank(x)], tf.int32), tf.shape(x)], 0))
    return tf.tile(x, tf.where(tf.equal(tf.shape(x), 1), s, tf.ones_like(s)))


def _promote(x1, x2):
    t1, t2 = is_tensor(x1), is_tensor(x2)
    if t1 and t2:
        if x1.dtype == x2.dtype:
            return x1, x2
        r = DTYPES[D.promote_types(FROM[x1.dtype], FROM[x2.dtype])]
        return tf.cast(x1, r), tf.cast(x2, r)
    if t1:
        return _with_scalar(x1, x2)
    if t2:
        b, a = _with_scalar(x2, x1)
        return a, b
    return _promote(tf.constant(x1, dtype=N[_SCALAR[type(x1)]]), x2)


def _with_scalar(x, v):
    """(x, v) as tensors of one dtype: the weak scalar v takes x's dtype, or x widens
    to complex for a complex scalar (float32 + 1j -> complex64)."""
    d = DTYPES[D.scalar_kind_dtype(v, FROM[x.dtype])]
    if d != x.dtype:
        x = tf.cast(x, d)
    return x, tf.constant(v, dtype=d)


def translate_error(op, exc):
    msg = str(exc)
    if isinstance(exc, tf.errors.InvalidArgumentError) and (
            "Incompatible shapes" in msg or "must be broadcastable" in msg):
        return ValueError(f"unify.core.{op}: {msg}")
    if isinstance(exc, tf.errors.NotFoundError) or "Could not find device for node" in msg or (
            "OpKernel was registered to support Op" in msg) or ("attr T" in msg or "attr 'T'" in msg) and "not in" in msg:
        for d in DTYPES:
            if f"DT_{d.name.upper()}" in msg or f"T={d.name}" in msg:
                return TypeError(f"unify.core.{op}: dtype {d.name} is not supported by the tensorflow backend")
        return TypeError(f"unify.core.{op}: this dtype is not supported by the tensorflow backend ({msg[:200]})")
    return None
