"""torch.autograd: backward, grad, grad modes (on the core engine; see _autograd.py)."""
from ._api import unsupported as _unsupported
from ._autograd import (backward, enable_grad, grad, inference_mode, is_grad_enabled,  # noqa: F401
                        no_grad, set_grad_enabled)


def __getattr__(name: str):
    raise _unsupported("torch.autograd", name)
