"""Tensor construction: torch.tensor, as_tensor, from_numpy, the Tensor constructor, clone.

(The rest of torch's creation functions are added next to these.)
"""
from __future__ import annotations

import builtins

import numpy as np

from ... import core as C
from . import _dtype as T
from ._device import native_device
from ._tensor import Tensor, wrap


def _infer(data):
    """torch's dtype for Python data: bool, int64, default float, default complex."""
    kinds = set()

    def walk(x):
        if isinstance(x, Tensor):
            kinds.add(x.dtype.core)
        elif isinstance(x, (list, tuple)):
            for y in x:
                walk(y)
        elif isinstance(x, builtins.bool) or isinstance(x, np.bool_):
            kinds.add("b")
        elif isinstance(x, (builtins.int, np.integer)):
            kinds.add("i")
        elif isinstance(x, (builtins.float, np.floating)):
            kinds.add("f")
        elif isinstance(x, (builtins.complex, np.complexfloating)):
            kinds.add("c")
        else:
            raise TypeError(f"Could not infer dtype of {type(x).__name__}")

    walk(data)
    core = [k for k in kinds if not isinstance(k, str)]
    if "c" in kinds or any(k.kind == "c" for k in core):
        return T.DEFAULT.complex
    if "f" in kinds or any(k.kind == "f" for k in core):
        fl = [k for k in core if k.kind == "f"]
        if "f" not in kinds and len(fl) == len(core):
            return T.FROM_CORE[fl[0]]
        return T.DEFAULT.float
    if "i" in kinds or any(k.kind in "iu" for k in core):
        return T.int64
    if not kinds:
        return T.DEFAULT.float
    return T.bool


def _to_nested(data):
    if isinstance(data, Tensor):
        return C.to_numpy(data._value())
    if isinstance(data, (list, tuple)):
        return [_to_nested(x) for x in data]
    return data


def tensor(data, *, dtype=None, device=None, requires_grad=False, pin_memory=False):
    """torch.tensor: always copies."""
    dev = native_device(device)
    if isinstance(data, Tensor):
        v = data._value()
        dt = T.as_dtype(dtype) if dtype is not None else data.dtype
        out = wrap(C.astype(v, dt.core, copy=True), dt)
    elif isinstance(data, np.ndarray) or isinstance(data, np.generic):
        arr = np.asarray(data)
        if dtype is None:
            if arr.dtype == np.float64 and False:
                pass
            out = wrap(C.asarray(arr.copy()))
        else:
            dt = T.as_dtype(dtype)
            out = wrap(C.asarray(arr, dtype=dt.core, copy=True), dt)
    elif hasattr(data, "__array__") and not isinstance(data, (list, tuple)):
        return tensor(np.asarray(data), dtype=dtype, device=device, requires_grad=requires_grad)
    else:
        dt = T.as_dtype(dtype) if dtype is not None else _infer(data)
        arr = np.asarray(_to_nested(data))
        if arr.dtype == object:
            raise ValueError("expected sequence of equal-length lists")
        if dt.core.kind in "iub" and arr.dtype.kind == "f":
            arr = np.trunc(arr)
        out = wrap(C.asarray(arr, dtype=dt.core), dt)
    if dev is not None:
        out = wrap(C.to_device(out._value(), dev), out._dt)
    if requires_grad:
        if not (out.dtype.is_floating_point or out.dtype.is_complex):
            raise RuntimeError("Only Tensors of floating point and complex dtype can require gradients")
        out.requires_grad = True
    return out


def as_tensor(data, dtype=None, device=None):
    """torch.as_tensor: no copy when data already is a tensor of that dtype (and on the numpy
    backend, a NumPy array of a supported dtype)."""
    if isinstance(data, Tensor):
        if dtype is None or T.as_dtype(dtype) is data.dtype:
            return data
        return wrap(C.astype(data._value(), T.as_dtype(dtype).core), T.as_dtype(dtype))
    if isinstance(data, np.ndarray) and dtype is None:
        return from_numpy(data)
    return tensor(data, dtype=dtype, device=device)


def from_numpy(ndarray):
    """torch.from_numpy: shares memory on the numpy backend (zero copy); a copy elsewhere."""
    if not isinstance(ndarray, np.ndarray):
        raise TypeError(f"expected np.ndarray (got {type(ndarray).__name__})")
    if ndarray.dtype.kind not in "biufc":
        raise TypeError(f"can't convert np.ndarray of type {ndarray.dtype}. The only supported "
                        "types are: float64, float32, float16, complex64, complex128, int64, "
                        "int32, int16, int8, uint64, uint32, uint16, uint8, and bool.")
    return wrap(C.asarray(ndarray))


def clone_tensor(x, memory_format=None):
    return wrap(C.copy(x._value()), x._dt)


def _tensor_ctor(cls, args, kwargs):
    """torch.Tensor(...) / torch.Tensor(data): the legacy constructor (default dtype)."""
    if len(args) == 1 and isinstance(args[0], (list, tuple)) and not kwargs:
        out = tensor(args[0], dtype=T.get_default_dtype())
    elif len(args) == 1 and isinstance(args[0], Tensor):
        out = args[0]
        if cls is Tensor:
            return out
    elif all(isinstance(a, builtins.int) for a in args):
        out = wrap(C.zeros(tuple(args), dtype=T.get_default_dtype().core), T.get_default_dtype())
    else:
        out = tensor(args[0] if args else [], dtype=T.get_default_dtype())
    if cls is not Tensor:
        sub = object.__new__(cls)
        for k in ("_v", "_base", "_version", "_dt", "_geo", "requires_grad", "grad", "_node"):
            setattr(sub, k, getattr(out, k))
        return sub
    return out

__all__ = ["tensor", "as_tensor", "from_numpy"]
