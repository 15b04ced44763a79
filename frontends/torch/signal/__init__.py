"""torch.signal: the window functions of torch.signal.windows."""
from __future__ import annotations

from .._api import unsupported as _unsupported
from . import windows

__all__ = ["windows"]


def __getattr__(name: str):
    raise _unsupported("torch.signal", name)
