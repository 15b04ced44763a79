"""torch.optim.NAdam."""
from __future__ import annotations

from .... import core as C
from ._common import call_closure, check, check_betas, check_common, f
from .adam import _lerp
from .optimizer import Optimizer, _bump, _step_tensor, _zeros_like

__all__ = ["NAdam"]


class NAdam(Optimizer):
    def __init__(self, params, lr=2e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0,
                 momentum_decay=4e-3, decoupled_weight_decay=False, *, foreach=None,
                 maximize=False, capturable=False, differentiable=False):
        check_common(lr, eps, weight_decay)
        check_betas(betas)
        check(0.0 <= momentum_decay, f"Invalid momentum_decay value: {momentum_decay}")
        defaults = dict(lr=lr, betas=betas, eps=eps, weight_decay=weight_decay,
                        momentum_decay=momentum_decay,
                        decoupled_weight_decay=decoupled_weight_decay, maximize=maximize,
                        foreach=foreach, capturable=capturable, differentiable=differentiable)
        super().__init__(params, defaults)

    def step(self, closure=None):
        loss = call_closure(closure)
        for group in self.param_groups:
            b1, b2 = group["betas"]
            lr, eps, wd = f(group["lr"]), group["eps"], f(group["weight_decay"])
            md = group["momentum_decay"]
            for p, g in self._params_with_grad(group):
                state = self.state[p]
                if not state:
                    state["step"] = _step_tensor()
                    state["mu_product"] = _step_tensor(1.0)
                    state["exp_avg"] = _zeros_like(p)
                    state["exp_avg_sq"] = _zeros_like(p)
                step = _bump(state["step"])
                pv = p._value()
                if group["maximize"]:
                    g = C.negative(g)
                bc2 = 1 - b2 ** step
                if wd != 0:
                    if group["decoupled_weight_decay"]:
                        pv = C.multiply(pv, 1 - lr * wd)
                    else:
                        g = C.add(g, C.multiply(pv, wd))
                mu = b1 * (1.0 - 0.5 * (0.96 ** (step * md)))
                mu_next = b1 * (1.0 - 0.5 * (0.96 ** ((step + 1) * md)))
                mp_t = state["mu_product"]
                mp_t._write(C.multiply(mp_t._value(), mu))
                mp = float(C.to_numpy(mp_t._value()))
                m = _lerp(state["exp_avg"]._value(), g, 1 - b1)
                v = C.add(C.multiply(state["exp_avg_sq"]._value(), b2),
                          C.multiply(C.multiply(g, g), 1 - b2))
                state["exp_avg"]._write(m)
                state["exp_avg_sq"]._write(v)
                denom = C.add(C.sqrt(C.divide(v, bc2)), eps)
                mp_next = mp * mu_next
                pv = C.add(pv, C.multiply(C.divide(g, denom), -lr * (1.0 - mu) / (1.0 - mp)))
                pv = C.add(pv, C.multiply(C.divide(m, denom), (-lr * mu_next) / (1.0 - mp_next)))
                p._write(pv)
        return loss


