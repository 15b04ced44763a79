"""Arguments in, results out: torch promotion for elementwise ops and `out=` writes.

`operands(*args)` turns tensors and Python scalars into native values of torch's result dtype
(see _dtype.result_core) and returns that dtype; `finish(value, dt, out)` wraps a result or
writes it into `out` (torch's rules: the result must be castable to out's dtype).
"""
from __future__ import annotations

import builtins

from ... import core as C
from . import _dtype as T
from ._tensor import Tensor, wrap

_SCALARS = (builtins.bool, builtins.int, builtins.float, builtins.complex)
_CORE_KIND_ORDER = {"b": 0, "u": 1, "i": 1, "f": 2, "c": 3}


def as_native(x, dt=None):
    """A native array from a Tensor, a Python scalar, a (nested) list or a native array."""
    if isinstance(x, Tensor):
        v = x._value()
        if dt is not None and x.dtype.core is not dt:
            v = C.astype(v, dt)
        return v
    if dt is None and type(x) in _SCALARS:
        dt = T.scalar_dtype(x)
    return C.asarray(x, dtype=dt)


def tensor_dtype(x) -> T.dtype:
    return x.dtype if isinstance(x, Tensor) else T.FROM_CORE[T.scalar_dtype(x)]


def result_dtype(*args):
    """torch.result_type over tensors and Python scalars, as a core DType."""
    dims, zeros, scalars = [], [], []
    for a in args:
        if isinstance(a, Tensor):
            (zeros if not C.shape(a._value()) else dims).append(a.dtype.core)
        elif type(a) in _SCALARS:
            scalars.append(a)
        elif a is None:
            continue
        elif isinstance(a, _SCALARS) or (hasattr(a, "item") and getattr(a, "shape", 1) == ()
                                         and type(a).__module__ == "numpy"):
            scalars.append(a.item() if hasattr(a, "item") else a)  # a NumPy scalar: a number
        else:
            raise TypeError(f"expected Tensor or Number, got {type(a).__name__}")
    return T.result_core(dims, zeros, scalars)


def operands(*args):
    """(native values cast to the common dtype, that core dtype). Scalars become 0-d arrays."""
    if len(args) == 2:
        a, b = args
        if type(a) is Tensor and type(b) is Tensor:
            da, db = a.dtype, b.dtype
            if da is db:  # hot path: nothing to promote
                return (a._value(), b._value()), da.core
    dt = result_dtype(*args)
    return tuple(as_native(a, dt) for a in args), dt


def can_cast(src, dst) -> bool:
    """torch.can_cast on core dtypes: no float->int, complex->real or non-bool->bool."""
    return _CORE_KIND_ORDER[src.kind] <= _CORE_KIND_ORDER[dst.kind] and not (
        dst.kind == "b" and src.kind != "b")


def finish(value, dt, out=None):
    """Wrap a native result (its dtype `dt`: a core DType or None) or write it into `out`."""
    if out is None:
        return wrap(value, None if dt is None else T.FROM_CORE[dt])
    return write_out(out, value)


def write_out(out, value):
    """torch's `out=`: resize out when its shape differs, cast when allowed, write in place."""
    if not isinstance(out, Tensor):
        raise TypeError(f"out must be a Tensor, not {type(out).__name__}")
    src = C.dtype_of(value)
    if not can_cast(src, out.dtype.core):
        raise RuntimeError(f"result type {T.FROM_CORE[src]} can't be cast to the desired "
                           f"output type {out.dtype}")
    if C.shape(value) != C.shape(out._value()):
        if out._base is not None:
            raise RuntimeError("cannot resize a view used as out=")
        out._v = C.astype(value, out.dtype.core)
        out._geo = None
        out._version += 1
        return out
    out._write(value)
    return out


def inplace_result(self, value):
    """The in-place form (`x.add_(y)`): write an out-of-place result back into self."""
    src = C.dtype_of(value)
    dst = self.dtype.core
    if src is not dst and not can_cast(src, dst):
        raise RuntimeError(f"result type {T.FROM_CORE[src]} can't be cast to the desired "
                           f"output type {self.dtype}")
    shape = C.shape(value)
    if shape != C.shape(self._value()):
        raise RuntimeError(f"output with shape {list(C.shape(self._value()))} doesn't match the "
                           f"broadcast shape {list(shape)}")
    self._write(value)
    return self
