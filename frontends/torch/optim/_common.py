"""Shared pieces of the optimizers: argument checks and the closure call."""
from __future__ import annotations

from .._tensor import Tensor
from ..nn.modules.utils import enable_grad


def check(ok, msg):
    if not ok:
        raise ValueError(msg)


def check_lr(lr):
    if isinstance(lr, Tensor) and lr.numel() != 1:
        raise ValueError("Tensor lr must be 1-element")
    check(0.0 <= lr, f"Invalid learning rate: {lr}")


def check_betas(betas):
    check(0.0 <= betas[0] < 1.0, f"Invalid beta parameter at index 0: {betas[0]}")
    check(0.0 <= betas[1] < 1.0, f"Invalid beta parameter at index 1: {betas[1]}")


def check_common(lr, eps=None, weight_decay=None):
    check_lr(lr)
    if eps is not None:
        check(0.0 <= eps, f"Invalid epsilon value: {eps}")
    if weight_decay is not None:
        check(0.0 <= weight_decay, f"Invalid weight_decay value: {weight_decay}")


def check_fused_foreach(fused, foreach, differentiable):
    if fused:
        if differentiable:
            raise RuntimeError("`fused` does not support `differentiable`")
        if foreach:
            raise RuntimeError("`fused` and `foreach` cannot be `True` together.")


def call_closure(closure):
    if closure is None:
        return None
    with enable_grad():
        return closure()


def f(x):
    """A hyper-parameter as a Python float (torch accepts 1-element tensors)."""
    return float(x) if isinstance(x, Tensor) else x
