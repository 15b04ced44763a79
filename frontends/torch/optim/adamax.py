"""torch.optim.Adamax."""
from __future__ import annotations

from .... import core as C
from ._common import call_closure, check_betas, check_common, f
from .adam import _lerp
from .optimizer import Optimizer, _bump, _step_tensor, _zeros_like

__all__ = ["Adamax"]


class Adamax(Optimizer):
    def __init__(self, params, lr=2e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0,
                 foreach=None, *, maximize=False, differentiable=False, capturable=False):
        check_common(lr, eps, weight_decay)
        check_betas(betas)
        defaults = dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay, foreach=foreach,
                        maximize=maximize, differentiable=differentiable, capturable=capturable)
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
                    state["exp_inf"] = _zeros_like(p)
                step = _bump(state["step"])
                pv = p._value()
                if group["maximize"]:
                    g = C.negative(g)
                if wd != 0:
                    g = C.add(g, C.multiply(pv, wd))
                m = _lerp(state["exp_avg"]._value(), g, 1 - b1)
                state["exp_avg"]._write(m)
                u = C.maximum(C.multiply(state["exp_inf"]._value(), b2), C.add(C.abs(g), eps))
                state["exp_inf"]._write(u)
                clr = lr / (1 - b1 ** step)
                p._write(C.add(pv, C.multiply(C.divide(m, u), -clr)))
        return loss
