"""torch.optim.RMSprop."""
from __future__ import annotations

from .... import core as C
from ._common import call_closure, check, check_common, f
from .optimizer import Optimizer, _bump, _step_tensor, _zeros_like

__all__ = ["RMSprop"]


class RMSprop(Optimizer):
    def __init__(self, params, lr=1e-2, alpha=0.99, eps=1e-8, weight_decay=0, momentum=0,
                 centered=False, capturable=False, foreach=None, maximize=False,
                 differentiable=False):
        check_common(lr, eps, weight_decay)
        check(0.0 <= momentum, f"Invalid momentum value: {momentum}")
        check(0.0 <= alpha, f"Invalid alpha value: {alpha}")
        defaults = dict(lr=lr, momentum=momentum, alpha=alpha, eps=eps, centered=centered,
                        weight_decay=weight_decay, capturable=capturable, foreach=foreach,
                        maximize=maximize, differentiable=differentiable)
        super().__init__(params, defaults)

    def step(self, closure=None):
        loss = call_closure(closure)
        for group in self.param_groups:
            lr, alpha, eps = f(group["lr"]), group["alpha"], group["eps"]
            wd, mom, centered = f(group["weight_decay"]), group["momentum"], group["centered"]
            for p, g in self._params_with_grad(group):
                state = self.state[p]
                if not state:
                    state["step"] = _step_tensor()
                    state["square_avg"] = _zeros_like(p)
                    if mom > 0:
                        state["momentum_buffer"] = _zeros_like(p)
                    if centered:
                        state["grad_avg"] = _zeros_like(p)
                _bump(state["step"])
                pv = p._value()
                if group["maximize"]:
                    g = C.negative(g)
                if wd != 0:
                    g = C.add(g, C.multiply(pv, wd))
                sq = C.add(C.multiply(state["square_avg"]._value(), alpha),
                           C.multiply(C.multiply(g, g), 1 - alpha))
                state["square_avg"]._write(sq)
                if centered:
                    ga = state["grad_avg"]._value()
                    ga = C.add(ga, C.multiply(C.subtract(g, ga), 1 - alpha))
                    state["grad_avg"]._write(ga)
                    avg = C.sqrt(C.subtract(sq, C.multiply(ga, ga)))
                else:
                    avg = C.sqrt(sq)
                avg = C.add(avg, eps)
                if mom > 0:
                    buf = C.add(C.multiply(state["momentum_buffer"]._value(), mom),
                                C.divide(g, avg))
                    state["momentum_buffer"]._write(buf)
                    p._write(C.add(pv, C.multiply(buf, -lr)))
                else:
                    p._write(C.add(pv, C.multiply(C.divide(g, avg), -lr)))
        return loss
