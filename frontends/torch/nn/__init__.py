"""torch.nn: Module and the layers, Parameter/Buffer, functional, init, utils."""
from __future__ import annotations

from .. import _api
from . import functional
from . import init, modules, parameter, utils  # noqa: E402,F401
from .modules import *  # noqa: E402,F401,F403
from .parameter import Buffer, Parameter  # noqa: E402,F401
from ._options import LinearCrossEntropyOptions  # noqa: E402,F401


def __getattr__(name: str):
    raise _api.unsupported("torch.nn", name)
