"""parameters_to_vector and vector_to_parameters."""
from __future__ import annotations

from ..... import core as C
from ..._tensor import Tensor, wrap
from ..modules.utils import typename

__all__ = ["parameters_to_vector", "vector_to_parameters"]


def parameters_to_vector(parameters):
    vals = [C.reshape(p._value(), (-1,)) for p in parameters]
    return wrap(C.concat(vals, axis=0))


def vector_to_parameters(vec, parameters):
    if not isinstance(vec, Tensor):
        raise TypeError(f"expected torch.Tensor, but got: {typename(vec)}")
    k = 0
    for p in parameters:
        n = p.numel()
        p.data = vec[k:k + n].view_as(p).data
        k += n
