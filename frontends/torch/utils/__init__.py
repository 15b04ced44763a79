"""torch.utils (for now `torch.utils.data`)."""
from __future__ import annotations

from .. import _api
from . import data


def __getattr__(name: str):
    raise _api.unsupported("torch.utils", name)
