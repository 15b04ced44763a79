"""In-place writes into NumPy arrays (used by the frontends' mutable arrays, core/mutable.py)."""
import numpy as np


def shares(child, base) -> bool:
    """True when writing into `child` writes into `base`'s memory (NumPy points a view's
    `.base` at the array that owns the memory)."""
    if not child.flags.writeable:
        return False
    cb = child.base
    if cb is None:
        return False
    return cb is base or cb is base.base or np.may_share_memory(child, base)


def setitem(x, key, value) -> None:
    x[key] = value


def copy_into(dst, src) -> None:
    np.copyto(dst, src, casting="unsafe")
