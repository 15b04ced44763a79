"""`import unify.frontends.numpy as np`: NumPy 2's API on the current unify backend.

The namespace is collected at import from the implementation modules named in
`_FUNCTION_MODULES` (each module's `__all__`; a module that does not exist yet is skipped),
plus the subpackages `linalg`, `fft`, `random`, `testing` when they exist. A name NumPy has and
this frontend lacks raises `UnsupportedAPI` (an AttributeError subclass naming `numpy.<name>`),
so `hasattr(np, name)` feature checks keep working.

For the other numpy-frontend modules: `_ndarray` (ndarray, wrap, result, asnative, operand,
write_out, normalize_axis), `_dtypes` (dtype objects, as_dtype, promotion), `_scalars`
(scalar types), `_ufunc` (ufunc objects; `ufunc_result` helpers), `exceptions` (AxisError).
A function module lists its public names in `__all__`; numbers it exports are plain values.
"""
from __future__ import annotations

import importlib as _importlib

from . import exceptions
from ._dtypes import dtype, finfo, iinfo
from ._ndarray import ndarray
from ._scalars import (generic, number, integer, signedinteger, unsignedinteger, inexact,  # noqa: F401
                       floating, complexfloating, flexible, character, bool_, int8, int16,
                       int32, int64, uint8, uint16, uint32, uint64, float16, float32, float64,
                       complex64, complex128)

__version__ = "2.4.0"

bool = bool_  # noqa: A001
byte, short, intc, int_, intp, long, longlong = int8, int16, int32, int64, int64, int64, int64
ubyte, ushort, uintc, uint, uintp, ulong, ulonglong = (uint8, uint16, uint32, uint64, uint64,
                                                       uint64, uint64)
half, single, double = float16, float32, float64
csingle, cdouble = complex64, complex128
True_ = bool_(True)
False_ = bool_(False)

e = 2.718281828459045
pi = 3.141592653589793
euler_gamma = 0.5772156649015329
inf = float("inf")
nan = float("nan")
newaxis = None
little_endian = True


class UnsupportedAPI(AttributeError):
    """A NumPy API that unify's numpy frontend does not provide."""


def unsupported(module: str, name: str) -> UnsupportedAPI:
    return UnsupportedAPI(f"{module}.{name} is not supported by unify's numpy frontend "
                          f"(module {module!r} has no attribute {name!r})")


# implementation modules whose __all__ names join the numpy namespace
_FUNCTION_MODULES = ("_dtype_functions", "_ufunc", "_errstate", "_creation", "_manipulation",
                     "_indexing", "_math", "_stats", "_sorting", "_sets", "_poly", "_misc",
                     "_io", "_printing")

for _m in _FUNCTION_MODULES:
    try:
        _mod = _importlib.import_module(f"{__name__}.{_m}")
    except ModuleNotFoundError as _e:
        if _e.name != f"{__name__}.{_m}":
            raise
        continue
    for _n in getattr(_mod, "__all__", ()):
        if hasattr(_mod, _n):
            globals()[_n] = getattr(_mod, _n)

from . import _operators, _methods  # noqa: E402

_operators.attach()
_methods.attach()

for _sub in ("linalg", "fft", "random", "testing", "typing", "lib", "polynomial", "ma"):
    try:
        globals()[_sub] = _importlib.import_module(f"{__name__}.{_sub}")
    except ModuleNotFoundError as _e:
        if _e.name != f"{__name__}.{_sub}":
            raise

globals().pop("_n", None)
del _m, _sub


def __getattr__(name: str):
    raise unsupported("numpy", name)
