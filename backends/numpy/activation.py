"""softmax / log_softmax for the NumPy backend (max subtracted); integer inputs give float64."""
import numpy as np

from ...core.ops.manipulation import _axis
from ._base import FROM


def _prep(x, axis, op):
    x = np.asarray(x)
    d = FROM.get(x.dtype)
    if d is None or d.kind != "f":
        x = x.astype(np.float64)
    return x, _axis(axis, max(x.ndim, 1), op)


def softmax(x, axis):
    x, a = _prep(x, axis, "softmax")
    if x.ndim == 0:
        return softmax(x.reshape(1), 0).reshape(())
    with np.errstate(invalid="ignore"):
        e = np.exp(x - np.max(x, axis=a, keepdims=True, initial=-np.inf))
        return e / np.sum(e, axis=a, keepdims=True)


def log_softmax(x, axis):
    x, a = _prep(x, axis, "log_softmax")
    if x.ndim == 0:
        return log_softmax(x.reshape(1), 0).reshape(())
    with np.errstate(invalid="ignore", divide="ignore"):
        s = x - np.max(x, axis=a, keepdims=True, initial=-np.inf)
        return s - np.log(np.sum(np.exp(s), axis=a, keepdims=True))
