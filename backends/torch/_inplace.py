"""In-place writes into torch tensors (used by the frontends' mutable arrays, core/mutable.py)."""


def shares(child, base) -> bool:
    """True when writing into `child` writes into `base`'s memory (torch points a view's `_base`
    at the tensor it was taken from, collapsed to the root)."""
    cb = child._base
    if cb is None:
        return False
    return cb is base or cb is base._base or (
        child.untyped_storage().data_ptr() == base.untyped_storage().data_ptr())


def setitem(x, key, value) -> None:
    x[key] = value


def copy_into(dst, src) -> None:
    dst.copy_(src)
