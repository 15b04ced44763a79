"""clip_grad_norm_, clip_grad_value_, get_total_norm, clip_grads_with_norm_."""
from __future__ import annotations

import math
import warnings

from ..... import core as C
from ..._tensor import Tensor, wrap
from ..modules.utils import no_grad

__all__ = ["clip_grad_norm", "clip_grad_norm_", "clip_grad_value_", "clip_grads_with_norm_",
           "get_total_norm"]


def _tensors(x):
    return [x] if isinstance(x, Tensor) else list(x)


def get_total_norm(tensors, norm_type=2.0, error_if_nonfinite=False, foreach=None):
    tensors = [t for t in _tensors(tensors) if t is not None]
    norm_type = float(norm_type)
    if not tensors:
        from ... import _creation

        return _creation.tensor(0.0)
    norms = [C.linalg.vector_norm(t._value(), ord=norm_type) for t in tensors]
    dt = C.dtype_of(norms[0])
    total = C.linalg.vector_norm(C.stack([C.astype(n, dt) for n in norms]), ord=norm_type)
    out = wrap(total)
    if error_if_nonfinite:
        v = float(C.to_numpy(total))
        if math.isnan(v) or math.isinf(v):
            raise RuntimeError(f"The total norm of order {norm_type} for gradients from "
                               "`parameters` is non-finite, so it cannot be clipped. To disable "
                               "this error and scale the gradients by the non-finite norm "
                               "anyway, set `error_if_nonfinite=False`")
    return out


def clip_grads_with_norm_(parameters, max_norm, total_norm, foreach=None):
    grads = [p.grad for p in _tensors(parameters) if p.grad is not None]
    if not grads:
        return
    tn = total_norm._value() if isinstance(total_norm, Tensor) else total_norm
    coef = C.clip(C.divide(float(max_norm), C.add(tn, 1e-6)), max=1.0)
    with no_grad():
        for g in grads:
            v = g._value()
            g._write(C.multiply(v, C.astype(coef, C.dtype_of(v))))


def clip_grad_norm_(parameters, max_norm, norm_type=2.0, error_if_nonfinite=False, foreach=None):
    parameters = _tensors(parameters)
    grads = [p.grad for p in parameters if p.grad is not None]
    total = get_total_norm(grads, norm_type, error_if_nonfinite, foreach)
    if grads:
        clip_grads_with_norm_(parameters, max_norm, total, foreach)
    return total


def clip_grad_norm(parameters, max_norm, norm_type=2.0, error_if_nonfinite=False, foreach=None):
    warnings.warn("`torch.nn.utils.clip_grad_norm` is now deprecated in favor of "
                  "`torch.nn.utils.clip_grad_norm_`.", FutureWarning, stacklevel=2)
    return clip_grad_norm_(parameters, max_norm, norm_type, error_if_nonfinite, foreach)


def clip_grad_value_(parameters, clip_value, foreach=None):
    c = float(clip_value)
    with no_grad():
        for p in _tensors(parameters):
            if p.grad is not None:
                p.grad._write(C.clip(p.grad._value(), min=-c, max=c))
