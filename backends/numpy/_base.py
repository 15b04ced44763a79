"""Dtype table and error translation of the NumPy backend."""
import numpy as np

from ...core import dtypes as D

DTYPES = {
    D.bool: np.dtype(np.bool_), D.int8: np.dtype(np.int8), D.int16: np.dtype(np.int16),
    D.int32: np.dtype(np.int32), D.int64: np.dtype(np.int64), D.uint8: np.dtype(np.uint8),
    D.uint16: np.dtype(np.uint16), D.uint32: np.dtype(np.uint32), D.uint64: np.dtype(np.uint64),
    D.float16: np.dtype(np.float16), D.float32: np.dtype(np.float32),
    D.float64: np.dtype(np.float64), D.complex64: np.dtype(np.complex64),
    D.complex128: np.dtype(np.complex128),
}
try:  # bfloat16 comes from ml_dtypes when it is installed (jax brings it)
    import ml_dtypes

    DTYPES[D.bfloat16] = np.dtype(ml_dtypes.bfloat16)
except ImportError:  # pragma: no cover
    pass

FROM = {v: k for k, v in DTYPES.items()}
# dtype arguments: canonical DTypes (and None) to NumPy dtypes
N = dict(DTYPES)
N[None] = None


def nd(dtype, op="?"):
    """Native dtype for a canonical one (None stays None)."""
    try:
        return N[dtype]
    except KeyError:
        if isinstance(dtype, np.dtype) or (isinstance(dtype, type) and issubclass(dtype, np.generic)):
            return np.dtype(dtype)
        raise TypeError(f"unify.core.{op}: dtype {dtype!r} is not supported by the numpy backend") from None


def translate_error(op, exc):
    if isinstance(exc, np.exceptions.AxisError):
        return None
    return None
