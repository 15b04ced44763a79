"""unify.core.linalg: the Array API linalg extension (plus what frontends need)."""
from .dispatch import OPS as _OPS
from . import ops as _ops
from .ops.linalg import (LinAlgError, EighResult, EigResult, QRResult, SlogdetResult,  # noqa: F401
                         SVDResult, LstsqResult, LUResult, LUFactorResult)

_i = None
for _i in list(_OPS.values()):
    if _i.name.startswith("linalg."):
        globals()[_i.name[7:]] = _i.func
_n = None
for _n in ("matmul", "tensordot", "vecdot", "matrix_transpose"):
    if hasattr(_ops, _n):
        globals()[_n] = getattr(_ops, _n)
del _i
