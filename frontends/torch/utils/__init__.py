"""torch.utils (for now `torch.utils.data`)."""
from __future__ import annotations

from .. import _api
from . import data, dlpack  # noqa: F401


def __getattr__(name: str):
    raise _api.unsupported("torch.utils", name)
