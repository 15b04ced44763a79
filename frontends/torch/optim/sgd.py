"""torch.optim.SGD."""
from __future__ import annotations

from .... import core as C
from .._tensor import wrap
from ._common import call_closure, check, check_fused_foreach, check_lr, f
from .optimizer import Optimizer

__all__ = ["SGD"]


class SGD(Optimizer):
    _complex_ok = True

    def __init__(self, params, lr=1e-3, momentum=0, dampening=0, weight_decay=0,
                 nesterov=False, *, maximize=False, foreach=None, differentiable=False,
                 fused=None):
        check_lr(lr)
        check(momentum >= 0.0, f"Invalid momentum value: {momentum}")
        check(weight_decay >= 0.0, f"Invalid weight_decay value: {weight_decay}")
        defaults = dict(lr=lr, momentum=momentum, dampening=dampening, weight_decay=weight_decay,
                        nesterov=nesterov, maximize=maximize, foreach=foreach,
                        differentiable=differentiable, fused=fused)
        if nesterov and (momentum <= 0 or dampening != 0):
            raise ValueError("Nesterov momentum requires a momentum and zero dampening")
        super().__init__(params, defaults)
        check_fused_foreach(fused, foreach, differentiable)

    def __setstate__(self, state):
        super().__setstate__(state)
        for g in self.param_groups:
            g.setdefault("nesterov", False)
            g.setdefault("maximize", False)
            g.setdefault("foreach", None)
            g.setdefault("differentiable", False)
            g.setdefault("fused", False)

    def step(self, closure=None):
        loss = call_closure(closure)
        for group in self.param_groups:
            lr, mom, damp = f(group["lr"]), group["momentum"], group["dampening"]
            wd, nesterov, maximize = f(group["weight_decay"]), group["nesterov"], group["maximize"]
            for p, g in self._params_with_grad(group):
                pv = p._value()
                if maximize:
                    g = C.negative(g)
                if wd != 0:
                    g = C.add(g, C.multiply(pv, wd))
                if mom != 0:
                    state = self.state[p]
                    buf = state.get("momentum_buffer")
                    if buf is None:
                        buf = state["momentum_buffer"] = wrap(C.copy(g), p.dtype)
                    else:
                        buf._write(C.add(C.multiply(buf._value(), mom),
                                         C.multiply(g, 1 - damp)))
                    b = buf._value()
                    g = C.add(g, C.multiply(b, mom)) if nesterov else b
                p._write(C.add(pv, C.multiply(g, -lr)))
        return loss
