"""torch.serialization: save/load and the weights-only allow-list controls."""
from ._api import unsupported as _unsupported
from ._serialization import (add_safe_globals, clear_safe_globals, get_safe_globals, load,  # noqa: F401
                             safe_globals, save)


def __getattr__(name: str):
    raise _unsupported("torch.serialization", name)
