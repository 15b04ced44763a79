"""The canonical core: dtypes, devices, backend registry, ops and autograd.

Every public op is `unify.core.<name>` (linalg, fft and random ops under
`unify.core.linalg`, `.fft`, `.random`). Ops take and return the current
backend's native arrays.
"""
from . import dtypes
from .dtypes import (DType, bool, int8, int16, int32, int64, uint8, uint16, uint32, uint64,  # noqa: A004
                     float16, bfloat16, float32, float64, complex64, complex128,
                     promote_types, isdtype, can_cast, finfo, iinfo)
from .dispatch import OPS, define
from .backend import (Backend, get_backend, set_backend, using_backend, current_backend,
                      available_backends)
from .devices import Device
from . import ops
from .ops import *  # noqa: F401,F403
from . import linalg, fft, random
from .autograd import vjp, grad, value_and_grad, defvjp, _box_operators
_box_operators()
del _box_operators
from .promotion import result_type

e = 2.718281828459045
pi = 3.141592653589793
inf = float("inf")
nan = float("nan")
newaxis = None
