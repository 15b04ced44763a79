"""torch.nn (for now only `torch.nn.functional`; the Module classes come later)."""
from __future__ import annotations

from .. import _api
from . import functional


def __getattr__(name: str):
    raise _api.unsupported("torch.nn", name)
