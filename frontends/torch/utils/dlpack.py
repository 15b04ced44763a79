"""torch.utils.dlpack: from_dlpack and to_dlpack (the capsule of a tensor's host array)."""
from __future__ import annotations

from .._creation import from_dlpack

__all__ = ["from_dlpack", "to_dlpack"]


def to_dlpack(tensor):
    """A DLPack capsule of the tensor's values (shared on the numpy backend)."""
    return tensor.__dlpack__()
