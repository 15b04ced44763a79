"""The PyTorch backend: ops map to torch functions on torch.Tensor."""
requires = "torch"
extra = "torch"


def load():
    import torch

    from ...core.backend import Backend
    from ._base import DTYPES, translate_error

    return Backend("torch", torch, __name__, DTYPES, translate_error, (torch.Tensor,))
