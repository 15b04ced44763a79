"""torch.optim.Adagrad."""
from __future__ import annotations

from .... import core as C
from .._tensor import wrap
from ._common import call_closure, check, check_common, check_fused_foreach, f
from .optimizer import Optimizer, _bump, _step_tensor

__all__ = ["Adagrad"]


class Adagrad(Optimizer):
    def __init__(self, params, lr=1e-2, lr_decay=0, weight_decay=0, initial_accumulator_value=0,
                 eps=1e-10, foreach=None, *, maximize=False, differentiable=False, fused=None):
        check_common(lr, eps, weight_decay)
        check(0.0 <= lr_decay, f"Invalid lr_decay value: {lr_decay}")
        check(0.0 <= initial_accumulator_value,
              f"Invalid initial_accumulator_value value: {initial_accumulator_value}")
        defaults = dict(lr=lr, lr_decay=lr_decay, eps=eps, weight_decay=weight_decay,
                        initial_accumulator_value=initial_accumulator_value, foreach=foreach,
                        maximize=maximize, differentiable=differentiable, fused=fused)
        super().__init__(params, defaults)
        check_fused_foreach(fused, foreach, differentiable)
        for group in self.param_groups:
            for p in group["params"]:
                state = self.state[p]
                state["step"] = _step_tensor()
                v = p._value()
                state["sum"] = wrap(C.full_like(v, group["initial_accumulator_value"]), p.dtype)

    def share_memory(self):
        pass

    def step(self, closure=None):
        loss = call_closure(closure)
        for group in self.param_groups:
            lr, lr_decay, eps, wd = f(group["lr"]), group["lr_decay"], group["eps"], \
                f(group["weight_decay"])
            for p, g in self._params_with_grad(group):
                state = self.state[p]
                step = _bump(state["step"])
                pv = p._value()
                if group["maximize"]:
                    g = C.negative(g)
                if wd != 0:
                    g = C.add(g, C.multiply(pv, wd))
                clr = lr / (1 + (step - 1) * lr_decay)
                s = C.add(state["sum"]._value(), C.multiply(g, g))
                state["sum"]._write(s)
                std = C.add(C.sqrt(s), eps)
                p._write(C.add(pv, C.multiply(C.divide(g, std), -clr)))
        return loss
