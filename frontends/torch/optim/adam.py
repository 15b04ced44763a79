"""torch.optim.Adam (AdamW is Adam with decoupled weight decay)."""
from __future__ import annotations

import math

from .... import core as C
from ._common import call_closure, check_betas, check_common, check_fused_foreach, f
from .optimizer import Optimizer, _bump, _step_tensor, _zeros_like

__all__ = ["Adam"]


def _lerp(a, b, w):
    return C.add(a, C.multiply(C.subtract(b, a), w))


class Adam(Optimizer):
    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0,
                 amsgrad=False, *, foreach=None, maximize=False, capturable=False,
                 differentiable=False, fused=None, decoupled_weight_decay=False):
        check_common(lr, eps, weight_decay)
        check_betas(betas)
        defaults = dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay, amsgrad=amsgrad,
                        maximize=maximize, foreach=foreach, capturable=capturable,
                        differentiable=differentiable, fused=fused,
                        decoupled_weight_decay=decoupled_weight_decay)
        super().__init__(params, defaults)
        check_fused_foreach(fused, foreach, differentiable)

    def __setstate__(self, state):
        super().__setstate__(state)
        for g in self.param_groups:
            g.setdefault("amsgrad", False)
            g.setdefault("maximize", False)
            g.setdefault("foreach", None)
            g.setdefault("capturable", False)
            g.setdefault("differentiable", False)
            g.setdefault("fused", None)
            g.setdefault("decoupled_weight_decay", False)

    def step(self, closure=None):
        loss = call_closure(closure)
        for group in self.param_groups:
            b1, b2 = (f(b) for b in group["betas"])
            lr, eps, wd = f(group["lr"]), group["eps"], f(group["weight_decay"])
            for p, g in self._params_with_grad(group):
                state = self.state[p]
                if not state:
                    state["step"] = _step_tensor()
                    state["exp_avg"] = _zeros_like(p)
                    state["exp_avg_sq"] = _zeros_like(p)
                    if group["amsgrad"]:
                        state["max_exp_avg_sq"] = _zeros_like(p)
                step = _bump(state["step"])
                pv = p._value()
                if group["maximize"]:
                    g = C.negative(g)
                if wd != 0:
                    if group["decoupled_weight_decay"]:
                        pv = C.multiply(pv, 1 - lr * wd)
                    else:
                        g = C.add(g, C.multiply(pv, wd))
                m = _lerp(state["exp_avg"]._value(), g, 1 - b1)
                v = C.add(C.multiply(state["exp_avg_sq"]._value(), b2),
                          C.multiply(C.multiply(g, g), 1 - b2))
                state["exp_avg"]._write(m)
                state["exp_avg_sq"]._write(v)
                bc1 = 1 - b1 ** step
                bc2_sqrt = math.sqrt(1 - b2 ** step)
                if group["amsgrad"]:
                    v = C.maximum(state["max_exp_avg_sq"]._value(), v)
                    state["max_exp_avg_sq"]._write(v)
                denom = C.add(C.divide(C.sqrt(v), bc2_sqrt), eps)
                p._write(C.add(pv, C.multiply(C.divide(m, denom), -lr / bc1)))
        return loss
