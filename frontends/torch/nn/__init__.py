"""torch.nn (for now only `torch.nn.functional`; the Module classes come later)."""
from __future__ import annotations

from .. import _api
from . import functional
from . import init, modules, parameter, utils  # noqa: E402,F401
from .modules import *  # noqa: E402,F401,F403
from .parameter import Buffer, Parameter  # noqa: E402,F401


def __getattr__(name: str):
    raise _api.unsupported("torch.nn", name)
