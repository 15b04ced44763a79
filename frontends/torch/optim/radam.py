"""torch.optim.RAdam."""
from __future__ import annotations

import math

from .... import core as C
from ._common import call_closure, check_betas, check_common, f
from .adam import _lerp
from .optimizer import Optimizer, _bump, _step_tensor, _zeros_like

__all__ = ["RAdam"]


class RAdam(Optimizer):
    def __init__(self, params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0,
                 decoupled_weight_decay=False, *, foreach=None, maximize=False, capturable=False,
                 differentiable=False):
        check_common(lr, eps, weight_decay)
        check_betas(betas)
        defaults = dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay,
                        maximize=maximize, foreach=foreach, capturable=capturable,
                        decoupled_weight_decay=decoupled_weight_decay,
                        differentiable=differentiable)
        super().__init__(params, defaults)

    def step(self, closure=None):
        loss = call_closure(closure)
        for group in self.param_groups:
            b1, b2 = group["betas"]
            lr, eps, wd = f(group["lr"]), group["eps"], f(group["weight_decay"])
            for p, g in self._params_with_grad(group):
                state = self.state[p]
                if not state:
                    state["step"] = _step_tensor()
                    state["exp_avg"] = _zeros_like(p)
                    state["exp_avg_sq"] = _zeros_like(p)
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
                mhat = C.divide(m, 1 - b1 ** step)
                rho_inf = 2 / (1 - b2) - 1
                rho_t = rho_inf - 2 * step * (b2 ** step) / (1 - b2 ** step)
                if rho_t > 5.0:
                    rect = math.sqrt((rho_t - 4) * (rho_t - 2) * rho_inf
                                     / ((rho_inf - 4) * (rho_inf - 2) * rho_t))
                    adaptive = C.divide(math.sqrt(1 - b2 ** step), C.add(C.sqrt(v), eps))
                    upd = C.multiply(C.multiply(C.multiply(mhat, lr), adaptive), rect)
                else:
                    upd = C.multiply(mhat, lr)
                p._write(C.subtract(pv, upd))
        return loss
