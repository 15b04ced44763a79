"""torch.optim.Adadelta."""
from __future__ import annotations

from .... import core as C
from ._common import call_closure, check, check_common, f
from .optimizer import Optimizer, _bump, _step_tensor, _zeros_like

__all__ = ["Adadelta"]


class Adadelta(Optimizer):
    def __init__(self, params, lr=1.0, rho=0.9, eps=1e-6, weight_decay=0, foreach=None, *,
                 capturable=False, maximize=False, differentiable=False):
        check_common(lr, eps, weight_decay)
        check(0.0 <= rho <= 1.0, f"Invalid rho value: {rho}")
        defaults = dict(lr=lr, rho=rho, eps=eps, weight_decay=weight_decay, maximize=maximize,
                        capturable=capturable, foreach=foreach, differentiable=differentiable)
        super().__init__(params, defaults)

    def step(self, closure=None):
        loss = call_closure(closure)
        for group in self.param_groups:
            lr, rho, eps, wd = f(group["lr"]), group["rho"], group["eps"], f(group["weight_decay"])
            for p, g in self._params_with_grad(group):
                state = self.state[p]
                if not state:
                    state["step"] = _step_tensor()
                    state["square_avg"] = _zeros_like(p)
                    state["acc_delta"] = _zeros_like(p)
                _bump(state["step"])
                pv = p._value()
                if group["maximize"]:
                    g = C.negative(g)
                if wd != 0:
                    g = C.add(g, C.multiply(pv, wd))
                sq = C.add(C.multiply(state["square_avg"]._value(), rho),
                           C.multiply(C.multiply(g, g), 1 - rho))
                state["square_avg"]._write(sq)
                std = C.sqrt(C.add(sq, eps))
                acc = state["acc_delta"]._value()
                delta = C.multiply(C.divide(C.sqrt(C.add(acc, eps)), std), g)
                state["acc_delta"]._write(C.add(C.multiply(acc, rho),
                                                C.multiply(C.multiply(delta, delta), 1 - rho)))
                p._write(C.add(pv, C.multiply(delta, -lr)))
        return loss
