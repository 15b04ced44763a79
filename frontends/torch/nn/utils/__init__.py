"""torch.nn.utils: gradient clipping, parameter/vector conversion, packed sequences, weight
norm and parametrizations."""
from __future__ import annotations

from ... import _api
from . import parametrizations, parametrize, rnn
from .clip_grad import clip_grad_norm, clip_grad_norm_, clip_grad_value_, clip_grads_with_norm_, \
    get_total_norm
from .convert_parameters import parameters_to_vector, vector_to_parameters
from .weight_norm import remove_weight_norm, weight_norm

__all__ = ["clip_grad_norm", "clip_grad_norm_", "clip_grad_value_", "clip_grads_with_norm_",
           "get_total_norm", "parameters_to_vector", "vector_to_parameters", "weight_norm",
           "remove_weight_norm", "parametrizations", "parametrize", "rnn"]


def __getattr__(name: str):
    raise _api.unsupported("torch.nn.utils", name)
