"""torch.optim.LBFGS (two-loop recursion; optional strong-Wolfe line search).

Dot products and step lengths are Python floats (torch keeps them as 0-d tensors of the
parameters' dtype): results agree to rounding.
"""
from __future__ import annotations

from .... import core as C
from .._tensor import wrap
from ._common import f
from ..nn.modules.utils import enable_grad
from .optimizer import Optimizer

__all__ = ["LBFGS"]


def _dot(a, b):
    return float(C.to_numpy(C.sum(C.multiply(a, b))))


def _absmax(a):
    return float(C.to_numpy(C.max(C.abs(a))))


def _cubic_interpolate(x1, f1, g1, x2, f2, g2, bounds=None):
    lo, hi = bounds if bounds is not None else ((x1, x2) if x1 <= x2 else (x2, x1))
    d1 = g1 + g2 - 3 * (f1 - f2) / (x1 - x2)
    d2_sq = d1 ** 2 - g1 * g2
    if d2_sq >= 0:
        d2 = d2_sq ** 0.5
        if x1 <= x2:
            pos = x2 - (x2 - x1) * ((g2 + d2 - d1) / (g2 - g1 + 2 * d2))
        else:
            pos = x1 - (x1 - x2) * ((g1 + d2 - d1) / (g1 - g2 + 2 * d2))
        return min(max(pos, lo), hi)
    return (lo + hi) / 2.0


def _strong_wolfe(obj, x, t, d, fx, g, gtd, c1=1e-4, c2=0.9, tolerance_change=1e-9, max_ls=25):
    d_norm = _absmax(d)
    f_new, g_new = obj(x, t, d)
    evals = 1
    gtd_new = _dot(g_new, d)
    t_prev, f_prev, g_prev, gtd_prev = 0, fx, g, gtd
    done = False
    it = 0
    bracket = bracket_f = bracket_g = bracket_gtd = None
    while it < max_ls:
        if f_new > (fx + c1 * t * gtd) or (it > 1 and f_new >= f_prev):
            bracket, bracket_f = [t_prev, t], [f_prev, f_new]
            bracket_g, bracket_gtd = [g_prev, g_new], [gtd_prev, gtd_new]
            break
        if abs(gtd_new) <= -c2 * gtd:
            bracket, bracket_f, bracket_g = [t], [f_new], [g_new]
            done = True
            break
        if gtd_new >= 0:
            bracket, bracket_f = [t_prev, t], [f_prev, f_new]
            bracket_g, bracket_gtd = [g_prev, g_new], [gtd_prev, gtd_new]
            break
        lo, hi = t + 0.01 * (t - t_prev), t * 10
        tmp = t
        t = _cubic_interpolate(t_prev, f_prev, gtd_prev, t, f_new, gtd_new, bounds=(lo, hi))
        t_prev, f_prev, g_prev, gtd_prev = tmp, f_new, g_new, gtd_new
        f_new, g_new = obj(x, t, d)
        evals += 1
        gtd_new = _dot(g_new, d)
        it += 1
    if it == max_ls:
        bracket, bracket_f, bracket_g = [0, t], [fx, f_new], [g, g_new]
        bracket_gtd = [gtd, gtd_new]
    insuf = False
    low, high = (0, 1) if bracket_f[0] <= bracket_f[-1] else (1, 0)
    while not done and it < max_ls:
        if abs(bracket[1] - bracket[0]) * d_norm < tolerance_change:
            break
        t = _cubic_interpolate(bracket[0], bracket_f[0], bracket_gtd[0], bracket[1],
                               bracket_f[1], bracket_gtd[1])
        eps = 0.1 * (max(bracket) - min(bracket))
        if min(max(bracket) - t, t - min(bracket)) < eps:
            if insuf or t >= max(bracket) or t <= min(bracket):
                t = max(bracket) - eps if abs(t - max(bracket)) < abs(t - min(bracket)) \
                    else min(bracket) + eps
                insuf = False
            else:
                insuf = True
        else:
            insuf = False
        f_new, g_new = obj(x, t, d)
        evals += 1
        gtd_new = _dot(g_new, d)
        it += 1
        if f_new > (fx + c1 * t * gtd) or f_new >= bracket_f[low]:
            bracket[high], bracket_f[high] = t, f_new
            bracket_g[high], bracket_gtd[high] = g_new, gtd_new
            low, high = (0, 1) if bracket_f[0] <= bracket_f[1] else (1, 0)
        else:
            if abs(gtd_new) <= -c2 * gtd:
                done = True
            elif gtd_new * (bracket[high] - bracket[low]) >= 0:
                bracket[high], bracket_f[high] = bracket[low], bracket_f[low]
                bracket_g[high], bracket_gtd[high] = bracket_g[low], bracket_gtd[low]
            bracket[low], bracket_f[low] = t, f_new
            bracket_g[low], bracket_gtd[low] = g_new, gtd_new
    return bracket_f[low], bracket_g[low], bracket[low], evals


class LBFGS(Optimizer):
    def __init__(self, params, lr=1, max_iter=20, max_eval=None, tolerance_grad=1e-7,
                 tolerance_change=1e-9, history_size=100, line_search_fn=None):
        if not 0.0 <= f(lr):
            raise ValueError(f"Invalid learning rate: {lr}")
        if max_eval is None:
            max_eval = max_iter * 5 // 4
        defaults = dict(lr=lr, max_iter=max_iter, max_eval=max_eval,
                        tolerance_grad=tolerance_grad, tolerance_change=tolerance_change,
                        history_size=history_size, line_search_fn=line_search_fn)
        super().__init__(params, defaults)
        if len(self.param_groups) != 1:
            raise ValueError("LBFGS doesn't support per-parameter options (parameter groups)")
        self._params = self.param_groups[0]["params"]
        if any(p.dtype.is_complex for p in self._params):
            raise RuntimeError("LBFGS with complex parameters is not supported by unify's torch "
                               "frontend yet")
        self._numel_cache = None

    def _numel(self):
        if self._numel_cache is None:
            self._numel_cache = sum(p.numel() for p in self._params)
        return self._numel_cache

    def _flat_grad(self):
        parts = []
        for p in self._params:
            v = p._value()
            g = p.grad._value() if p.grad is not None else C.zeros_like(v)
            parts.append(C.reshape(g, (-1,)))
        return C.concat(parts, axis=0)

    def _add_grad(self, t, d):
        k = 0
        for p in self._params:
            n = p.numel()
            v = p._value()
            upd = C.reshape(C.getitem(d, slice(k, k + n)), tuple(C.shape(v)))
            p._write(C.add(v, C.multiply(upd, t)))
            k += n

    def _eval(self, closure):
        with enable_grad():
            return float(closure())

    def _directional_evaluate(self, closure, x, t, d):
        self._add_grad(t, d)
        loss = self._eval(closure)
        g = self._flat_grad()
        for p, v in zip(self._params, x):
            p._write(v)
        return loss, g

    def step(self, closure):
        if closure is None:
            raise RuntimeError("LBFGS requires a closure")
        group = self.param_groups[0]
        lr = f(group["lr"])
        max_iter, max_eval = group["max_iter"], group["max_eval"]
        tol_grad, tol_change = group["tolerance_grad"], group["tolerance_change"]
        ls_fn, history = group["line_search_fn"], group["history_size"]
        state = self.state[self._params[0]]
        state.setdefault("func_evals", 0)
        state.setdefault("n_iter", 0)
        with enable_grad():
            orig_loss = closure()
        loss = float(orig_loss)
        evals = 1
        state["func_evals"] += 1
        g = self._flat_grad()
        if _absmax(g) <= tol_grad:
            return orig_loss
        nat = lambda t: None if t is None else t._value()  # noqa: E731
        d = nat(state.get("d"))
        t = state.get("t")
        old_dirs = [x._value() for x in state.get("old_dirs", [])]
        old_stps = [x._value() for x in state.get("old_stps", [])]
        ro = list(state.get("ro", []))
        h_diag = state.get("H_diag")
        prev_g = nat(state.get("prev_flat_grad"))
        prev_loss = state.get("prev_loss")
        n_iter = 0
        while n_iter < max_iter:
            n_iter += 1
            state["n_iter"] += 1
            if state["n_iter"] == 1:
                d = C.negative(g)
                old_dirs, old_stps, ro = [], [], []
                h_diag = 1.0
            else:
                y = C.subtract(g, prev_g)
                s = C.multiply(d, t)
                ys = _dot(y, s)
                if ys > 1e-10:
                    if len(old_dirs) == history:
                        old_dirs.pop(0)
                        old_stps.pop(0)
                        ro.pop(0)
                    old_dirs.append(y)
                    old_stps.append(s)
                    ro.append(1.0 / ys)
                    h_diag = ys / _dot(y, y)
                al = [0.0] * len(old_dirs)
                q = C.negative(g)
                for i in range(len(old_dirs) - 1, -1, -1):
                    al[i] = _dot(old_stps[i], q) * ro[i]
                    q = C.subtract(q, C.multiply(old_dirs[i], al[i]))
                r = C.multiply(q, h_diag)
                for i in range(len(old_dirs)):
                    be = _dot(old_dirs[i], r) * ro[i]
                    r = C.add(r, C.multiply(old_stps[i], al[i] - be))
                d = r
            prev_g = g
            prev_loss = loss
            if state["n_iter"] == 1:
                t = min(1.0, 1.0 / float(C.to_numpy(C.sum(C.abs(g))))) * lr
            else:
                t = lr
            gtd = _dot(g, d)
            if gtd > -tol_change:
                break
            ls_evals = 0
            if ls_fn is not None:
                if ls_fn != "strong_wolfe":
                    raise RuntimeError("only 'strong_wolfe' is supported")
                x0 = [C.copy(p._value()) for p in self._params]
                loss, g, t, ls_evals = _strong_wolfe(
                    lambda x, tt, dd: self._directional_evaluate(closure, x, tt, dd),
                    x0, t, d, loss, g, gtd)
                self._add_grad(t, d)
                opt_cond = _absmax(g) <= tol_grad
            else:
                self._add_grad(t, d)
                opt_cond = False
                if n_iter != max_iter:
                    loss = self._eval(closure)
                    g = self._flat_grad()
                    opt_cond = _absmax(g) <= tol_grad
                    ls_evals = 1
            evals += ls_evals
            state["func_evals"] += ls_evals
            if n_iter == max_iter or evals >= max_eval or opt_cond:
                break
            if _absmax(C.multiply(d, t)) <= tol_change:
                break
            if abs(loss - prev_loss) < tol_change:
                break
        dt = self._params[0]._dt
        state["d"] = wrap(d, dt)
        state["t"] = t
        state["old_dirs"] = [wrap(v, dt) for v in old_dirs]
        state["old_stps"] = [wrap(v, dt) for v in old_stps]
        state["ro"] = ro
        state["H_diag"] = h_diag
        state["prev_flat_grad"] = wrap(prev_g, dt)
        state["prev_loss"] = prev_loss
        return orig_loss
