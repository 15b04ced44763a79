"""`import unify.frontends.torch as torch`: PyTorch's API on the current unify backend.

The namespace is collected at import from the implementation modules' `__all__` (each public
function gets torch's exception types once, through _api.public); Tensor methods and
operators are attached from the same functions (_methods.attach). A name torch has and this
frontend lacks raises UnsupportedAPI, an AttributeError subclass naming it.
"""
from __future__ import annotations

import importlib as _importlib

from . import _dtype
from ._api import UnsupportedAPI, public as _public, unsupported as _unsupported
from ._dtype import (dtype, bool, uint8, uint16, uint32, uint64, int8, int16, int32, int64,  # noqa: A004
                     float16, bfloat16, float32, float64, complex64, complex128, half, double,
                     cfloat, cdouble, short, long, float, int, finfo, iinfo,
                     get_default_dtype, set_default_dtype)
from ._tensor import Tensor, Size
from ._device import device, cuda

__version__ = "2.13.0"

# implementation modules whose __all__ names join the torch namespace
_FUNCTION_MODULES = ("_creation", "_pointwise", "_reduce", "_search", "_shape", "_indexing", "_serialization", "_autograd",
                     "_random", "_products", "_dtype_functions", "_aten", "_misc", "_igamma", "_nn_top")

for _m in _FUNCTION_MODULES:
    try:
        _mod = _importlib.import_module(f"{__name__}.{_m}")
    except ModuleNotFoundError as _e:
        if _e.name != f"{__name__}.{_m}":
            raise
        continue
    for _n in getattr(_mod, "__all__", ()):
        _obj = getattr(_mod, _n)
        globals()[_n] = _public(_obj, _n) if callable(_obj) and not isinstance(_obj, type) else _obj

from . import _views as _v  # noqa: E402

for _n in ("view_as_real", "reshape", "flatten", "unflatten", "squeeze", "unsqueeze", "permute",
           "transpose", "swapaxes", "swapdims", "t", "adjoint", "movedim", "moveaxis", "select",
           "narrow", "unbind", "split", "chunk", "diagonal", "real", "imag"):
    if hasattr(_v, _n) and _n not in globals():
        globals()[_n] = _public(getattr(_v, _n), _n)

from . import _methods  # noqa: E402

_methods.attach(dict(globals()))

for _n in _methods.INPLACE:  # torch.exp_(t), torch.clamp_(t, ...): the in-place methods
    if hasattr(Tensor, _n + "_") and _n + "_" not in globals() and _n in globals():
        globals()[_n + "_"] = getattr(Tensor, _n + "_")

for _sub in ("linalg", "fft", "special", "nn", "random", "autograd", "optim", "utils", "serialization", "masked", "func", "ops", "signal"):
    try:
        globals()[_sub] = _importlib.import_module(f"{__name__}.{_sub}")
    except ModuleNotFoundError as _e:
        if _e.name != f"{__name__}.{_sub}":
            raise


def is_tensor(obj) -> bool:
    return isinstance(obj, Tensor)


def numel(input) -> int:
    return input.numel()


def is_floating_point(input) -> bool:
    return input.dtype.is_floating_point


def is_complex(input) -> bool:
    return input.dtype.is_complex


def promote_types(type1, type2):
    return _dtype.promote_types(type1, type2)


def __getattr__(name: str):
    raise _unsupported("torch", name)
