"""unify.core.random: seeded random with explicit keys."""
from .dispatch import OPS as _OPS
from . import ops as _ops

_i = None
for _i in list(_OPS.values()):
    if _i.name.startswith("random."):
        globals()[_i.name[7:]] = _i.func
del _i
