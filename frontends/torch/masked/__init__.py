"""torch.masked: masked reductions and normalizations (see _ops). MaskedTensor is not
supported."""
from __future__ import annotations

from .._api import unsupported as _unsupported
from . import _ops
from ._ops import (amax, amin, argmax, argmin, cumprod, cumsum, log_softmax, logaddexp,
                   logsumexp, mean, median, norm, normalize, prod, softmax, softmin, std, sum,
                   var)

__all__ = list(_ops.__all__)


def __getattr__(name: str):
    raise _unsupported("torch.masked", name)
