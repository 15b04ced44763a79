"""torch.nn.utils.parametrizations.weight_norm (orthogonal / spectral_norm are not provided)."""
from __future__ import annotations

from ..modules.module import Module
from . import parametrize
from .weight_norm import _weight_norm, norm_except_dim

__all__ = ["weight_norm"]


class _WeightNorm(Module):
    def __init__(self, dim=0):
        super().__init__()
        if dim is None:
            dim = -1
        self.dim = dim

    def forward(self, weight_g, weight_v):
        return _weight_norm(weight_v, weight_g, self.dim)

    def right_inverse(self, weight):
        return norm_except_dim(weight, 2, self.dim), weight


def weight_norm(module, name="weight", dim=0):
    _weight = getattr(module, name)
    if dim is not None and dim < -1:
        dim += _weight.dim()
    parametrize.register_parametrization(module, name, _WeightNorm(dim), unsafe=True)

    def _load_hook(state_dict, prefix, local_metadata, strict, missing_keys, unexpected_keys,
                   error_msgs):
        g_key, v_key = f"{prefix}{name}_g", f"{prefix}{name}_v"
        if g_key in state_dict and v_key in state_dict:
            state_dict[f"{prefix}parametrizations.{name}.original0"] = state_dict.pop(g_key)
            state_dict[f"{prefix}parametrizations.{name}.original1"] = state_dict.pop(v_key)

    module._register_load_state_dict_pre_hook(_load_hook)
    return module
