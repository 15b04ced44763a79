"""Between the host samplers and the frontend: size/parameter handling and results.

Samples are drawn on the host (NumPy arrays) and returned as frontend ndarrays on the
current backend (`wrap(C.asarray(...))`), or as the Python/NumPy scalar NumPy returns.
"""
import operator

import numpy as _np

from .... import core as C

_F8 = _np.float64


def _front():
    from .. import _ndarray, _dtypes
    return _ndarray, _dtypes


_FDT = {}


def out_array(a):
    """A host array as a frontend ndarray on the current backend."""
    nd, T = _front()
    d = _FDT.get(a.dtype)
    if d is None:
        d = _FDT[a.dtype] = T.as_dtype(a.dtype.name)
    return nd.wrap(C.asarray(a), d)


def out_scalar(v, dtype_name):
    """A host value as a NumPy scalar of the given dtype (np.int64(...), ...)."""
    nd, T = _front()
    d = T.as_dtype(dtype_name)
    return nd.result(C.asarray(_np.asarray(v, dtype=dtype_name)), d)


def host(x, dtype=None):
    """Any array-like (frontend ndarray or scalar, list, real NumPy array) as a host array."""
    v = getattr(x, "_value", None)
    if v is not None and callable(v) and not isinstance(x, type):
        a = C.to_numpy(v())
        return a if dtype is None else a.astype(dtype)
    if isinstance(x, (list, tuple)) and any(hasattr(e, "_value") for e in _flat(x)):
        x = _unwrap(x)
    return _np.asarray(x, dtype=dtype)


def _flat(x):
    for e in x:
        if isinstance(e, (list, tuple)):
            yield from _flat(e)
        else:
            yield e


def _unwrap(x):
    if isinstance(x, (list, tuple)):
        return [_unwrap(e) for e in x]
    v = getattr(x, "_value", None)
    if v is not None and callable(v):
        return C.to_numpy(v())
    return x


def shape_of(size):
    """NumPy's `size=` argument as a shape tuple (None stays None)."""
    if size is None:
        return None
    try:
        n = operator.index(size)
        shape = (n,)
    except TypeError:
        if hasattr(size, "_value"):
            size = host(size).tolist()
            if isinstance(size, int):
                size = [size]
        shape = tuple(operator.index(s) for s in size)
    if any(s < 0 for s in shape):
        raise ValueError("negative dimensions are not allowed")
    return shape


def nelem(shape):
    n = 1
    for s in shape:
        n *= s
    return n


def params(values, size, dtype=_F8):
    """Broadcast distribution parameters against `size` like NumPy's samplers.

    Returns (arrays, shape, scalar): arrays are host arrays (0-d when every parameter is a
    scalar), shape is the output shape (None: one Python scalar)."""
    arrs = [host(v, dtype) for v in values]
    shape = shape_of(size)
    if all(a.ndim == 0 for a in arrs):
        return arrs, shape, True
    bshape = _np.broadcast_shapes(*(a.shape for a in arrs))
    if shape is None:
        shape = bshape
    elif _np.broadcast_shapes(shape, bshape) != shape:
        raise ValueError("shape mismatch: objects cannot be broadcast to a single shape.  "
                         f"Mismatch is between arg 0 with shape {shape} and arg 1 with shape "
                         f"{bshape}.")
    return arrs, shape, False


def flat(arrs, shape):
    """Parameters broadcast to the output shape, flattened (0-d stays a 0-d array)."""
    return [a if a.ndim == 0 else _np.broadcast_to(a, shape).ravel() for a in arrs]


def finish(vals, shape, dtype_name="float64", pyscalar=True):
    """Host values -> what NumPy returns: Python scalar for shape None, else an ndarray."""
    if shape is None:
        v = vals[0] if isinstance(vals, (list, _np.ndarray)) else vals
        if pyscalar:
            return float(v) if dtype_name.startswith("float") else \
                bool(v) if dtype_name == "bool" else int(v)
        return out_scalar(v, dtype_name)
    a = _np.asarray(vals, dtype=dtype_name).reshape(shape)
    return out_array(a)


# ------------------------------------------------------------------ parameter checks

def _nan(a):
    return _np.isnan(a) if a.dtype.kind == "f" else _np.zeros(a.shape, bool)


def check(a, name, cons):
    """NumPy's parameter constraints (ValueError with NumPy's messages)."""
    if cons == "nonneg":
        if _np.any(~_nan(a) & _np.signbit(a)):
            raise ValueError(f"{name} < 0")
    elif cons == "pos":
        if _np.any(~_nan(a) & (_np.signbit(a) | (a == 0))):
            raise ValueError(f"{name} <= 0")
    elif cons == "pos_notnan":
        if _np.any(_nan(a)):
            raise ValueError(f"{name} must not be NaN")
        if _np.any(_np.signbit(a) | (a == 0)):
            raise ValueError(f"{name} <= 0")
    elif cons == "01":
        if _np.any(~((a >= 0) & (a <= 1))):
            raise ValueError(f"{name} < 0, {name} > 1 or {name} is NaN")
    elif cons == "gt0_1":
        if _np.any(~((a > 0) & (a <= 1))):
            raise ValueError(f"{name} <= 0, {name} > 1 or {name} contains NaNs")
    elif cons == "gt1":
        if _np.any(~(a > 1)):
            raise ValueError(f"{name} <= 1 or {name} is NaN")
    elif cons == "gte1":
        if _np.any(~(a >= 1)):
            raise ValueError(f"{name} < 1 or {name} is NaN")
    elif cons == "poisson":
        if _np.any(~(a >= 0)):
            raise ValueError(f"{name} < 0 or {name} is NaN")
        if _np.any(a > 9.223372006484771e+18):
            raise ValueError(f"{name} value too large")
    elif cons == "legacy_nonneg":
        if _np.any(_np.less(a, 0)):
            raise ValueError(f"{name} < 0")
    elif cons == "legacy_pos":
        if _np.any(_np.less_equal(a, 0)):
            raise ValueError(f"{name} <= 0")
