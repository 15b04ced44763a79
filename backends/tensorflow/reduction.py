import tensorflow as tf

from ...core import dtypes as D
from ._base import nd, FROM, DTYPES


def sum(x, axis, dtype, keepdims):
    if dtype is None:
        d = FROM[x.dtype]
        if d.kind == "b" or d.kind == "i":
            dtype = D.int64
        elif d.kind == "u":
            dtype = D.uint64
    if dtype is not None:
        x = tf.cast(x, nd(dtype, "sum"))
    if axis is not None and not isinstance(axis, int):
        axis = list(axis)
    return tf.reduce_sum(x, axis=axis, keepdims=keepdims)
