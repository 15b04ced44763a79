"""torch autograd on the core engine, against real torch on every backend."""
import numpy as np
import pytest
import torch as real

import unify
import unify.frontends.torch as ft
from tfhelp import check, raises_like

W = np.arange(6.0, dtype=np.float32).reshape(2, 3) / 3 - 0.5
X = np.array([[1.0, 2.0], [3.0, -1.0]], np.float32)


def _both(fn):
    """fn(torch_module) run with real torch and with the frontend; both results."""
    return fn(real), fn(ft)


def test_backward_accumulates_and_no_grad_step(backend):
    def prog(t):
        w = t.tensor(W, requires_grad=True)
        b = t.zeros(3, requires_grad=True)
        x = t.tensor(X)
        for _ in range(2):  # .grad accumulates over two backward calls
            z = ((x @ w + b).tanh() ** 2).sum() + w[0].sum() * 2
            z.backward()
        g = (w.grad.clone(), b.grad.clone())
        with t.no_grad():
            w.sub_(0.1 * w.grad)
            q = w * 2
        w.grad = None
        (x @ w).exp().mean().backward()
        return g + (w.detach().clone(), w.grad, q.requires_grad, w.requires_grad, w.is_leaf,
                    z.is_leaf, z.requires_grad, z.grad_fn is None)

    with unify.using_backend(backend):
        r, m = _both(prog)
        check(list(m[:4]), list(r[:4]), rtol=1e-5, atol=1e-6)
        assert m[4:] == r[4:]


def test_autograd_grad_and_views(backend):
    def prog(t):
        a = t.tensor(W, requires_grad=True)
        v = a.t()[1:]            # a view of a leaf
        y = (v * v).sum() + a.diagonal().sum()
        ga, = t.autograd.grad(y, a)
        b = a * 1.0               # a non-leaf
        b[0, 1] = 5.0             # in-place through setitem
        b.mul_(2)
        out = (b ** 2).sum()
        out.backward()
        return ga, a.grad

    with unify.using_backend(backend):
        r, m = _both(prog)
        check(list(m), list(r), rtol=1e-5, atol=1e-6)


def test_hooks_and_retain_grad(backend):
    def prog(t):
        a = t.tensor(W, requires_grad=True)
        h = a * 3
        h.retain_grad()
        h.register_hook(lambda g: g * 10)
        a.register_hook(lambda g: g + 1)
        (h.sin()).sum().backward()
        return a.grad, h.grad

    with unify.using_backend(backend):
        r, m = _both(prog)
        check(list(m), list(r), rtol=1e-5, atol=1e-6)


def test_grad_mode_switches(backend):
    def prog(t):
        a = t.tensor(W, requires_grad=True)
        with t.no_grad():
            b = a * 2
            with t.enable_grad():
                c = a * 2
        t.set_grad_enabled(False)
        d = a + 1
        t.set_grad_enabled(True)
        with t.set_grad_enabled(False):
            e = a + 1
        f = a + 1

        @t.no_grad()
        def g(x):
            return x * 2

        return (b.requires_grad, c.requires_grad, d.requires_grad, e.requires_grad,
                f.requires_grad, g(a).requires_grad, t.is_grad_enabled())

    with unify.using_backend(backend):
        r, m = _both(prog)
        assert m == r


def test_detach_shares_storage(backend):
    def prog(t):
        a = t.tensor(W, requires_grad=True)
        d = a.detach()
        with t.no_grad():
            d[0, 0] = 100.0
        y = (a * a).sum()
        y.backward()
        return a.detach().clone(), a.grad, d.requires_grad

    with unify.using_backend(backend):
        r, m = _both(prog)
        check(list(m[:2]), list(r[:2]))
        assert m[2] == r[2]


def test_errors_like_torch(backend):
    with unify.using_backend(backend):
        for t_ in (real, ft):
            pass
        raises_like(lambda: real.tensor(W, requires_grad=True).add_(1),
                    lambda: ft.tensor(W, requires_grad=True).add_(1))
        raises_like(lambda: (real.tensor(W, requires_grad=True) * 2).backward(),
                    lambda: (ft.tensor(W, requires_grad=True) * 2).backward())
        raises_like(lambda: real.tensor(W).sum().backward(), lambda: ft.tensor(W).sum().backward())
        raises_like(lambda: real.tensor([1, 2], requires_grad=True),
                    lambda: ft.tensor([1, 2], requires_grad=True))
        raises_like(lambda: (real.tensor(W, requires_grad=True) * 2).requires_grad_(False),
                    lambda: (ft.tensor(W, requires_grad=True) * 2).requires_grad_(False))

        def unused(t):
            a, b = t.tensor(W, requires_grad=True), t.tensor(W, requires_grad=True)
            return t.autograd.grad((a * 2).sum(), [a, b])
        raises_like(lambda: unused(real), lambda: unused(ft))
        with pytest.raises(RuntimeError):
            ft.tensor(W, requires_grad=True).numpy()
