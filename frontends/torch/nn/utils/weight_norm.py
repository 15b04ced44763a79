"""torch.nn.utils.weight_norm / remove_weight_norm (the forward-pre-hook API)."""
from __future__ import annotations

import warnings

from ..... import core as C
from ..._tensor import wrap
from ..parameter import Parameter

__all__ = ["WeightNorm", "weight_norm", "remove_weight_norm", "norm_except_dim"]


def _norm_except_dim(v, dim):
    """The 2-norm of native v over every axis but `dim` (kept as size-1 axes); all axes when
    dim is -1."""
    nd = len(C.shape(v))
    if dim == -1:
        return C.linalg.vector_norm(v)
    axes = tuple(a for a in range(nd) if a != dim)
    return C.linalg.vector_norm(v, axis=axes, keepdims=True)


def norm_except_dim(v, pow=2, dim=0):
    return wrap(_norm_except_dim(v._value(), dim))


def _weight_norm(v, g, dim):
    """v * (g / ||v||) on tensors."""
    vv = v._value()
    return wrap(C.multiply(vv, C.divide(g._value(), _norm_except_dim(vv, dim))))


class WeightNorm:
    def __init__(self, name, dim):
        if dim is None:
            dim = -1
        self.name = name
        self.dim = dim

    def compute_weight(self, module):
        g = getattr(module, self.name + "_g")
        v = getattr(module, self.name + "_v")
        return _weight_norm(v, g, self.dim)

    @staticmethod
    def apply(module, name, dim):
        for hook in module._forward_pre_hooks.values():
            if isinstance(hook, WeightNorm) and hook.name == name:
                raise RuntimeError(f"Cannot register two weight_norm hooks on the same parameter "
                                   f"{name}")
        if dim is None:
            dim = -1
        fn = WeightNorm(name, dim)
        weight = getattr(module, name)
        if dim < -1:
            dim += weight.dim()
            fn.dim = dim
        del module._parameters[name]
        module.register_parameter(name + "_g", Parameter(norm_except_dim(weight, 2, dim).data))
        module.register_parameter(name + "_v", Parameter(weight.data))
        setattr(module, name, fn.compute_weight(module))
        module.register_forward_pre_hook(fn)
        return fn

    def remove(self, module):
        weight = self.compute_weight(module)
        delattr(module, self.name)
        del module._parameters[self.name + "_g"]
        del module._parameters[self.name + "_v"]
        setattr(module, self.name, Parameter(weight.data))

    def __call__(self, module, inputs):
        setattr(module, self.name, self.compute_weight(module))


def weight_norm(module, name="weight", dim=0):
    warnings.warn("`torch.nn.utils.weight_norm` is deprecated in favor of "
                  "`torch.nn.utils.parametrizations.weight_norm`.", FutureWarning, stacklevel=2)
    WeightNorm.apply(module, name, dim)
    return module


def remove_weight_norm(module, name="weight"):
    for k, hook in module._forward_pre_hooks.items():
        if isinstance(hook, WeightNorm) and hook.name == name:
            hook.remove(module)
            del module._forward_pre_hooks[k]
            return module
    raise ValueError(f"weight_norm of '{name}' not found in {module}")
