"""unify.core.fft: the Array API fft extension."""
from .dispatch import OPS as _OPS
from . import ops as _ops

_i = None
for _i in list(_OPS.values()):
    if _i.name.startswith("fft."):
        globals()[_i.name[4:]] = _i.func
del _i
