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


# ------------------------------------------------------------------ higher order (create_graph)

def test_grad_of_grad_and_hvp(backend):
    def prog(t):
        x = t.tensor([1.0, 2.0, -0.5], requires_grad=True)
        g, = t.autograd.grad((x ** 3).sum(), x, create_graph=True)
        g2, = t.autograd.grad(g.sum(), x, create_graph=True)
        g3, = t.autograd.grad(g2.sum(), x)
        w = t.tensor(W[:, :2], requires_grad=True)
        gw, = t.autograd.grad((w.tanh() @ w).exp().sum(), w, create_graph=True)
        hv, = t.autograd.grad((gw * t.tensor(X)).sum(), w)          # Hessian-vector product
        lin, = t.autograd.grad((x * 2).sum(), x, create_graph=True)  # constant gradient
        return [g.detach(), g2.detach(), g3, hv, g.requires_grad, g.is_leaf, lin.requires_grad]

    with unify.using_backend(backend):
        r, m = _both(prog)
        check(m[:4], r[:4], rtol=1e-5, atol=1e-6)
        assert m[4:] == r[4:]


def test_gradient_penalty_into_weights(backend):
    def prog(t):
        t.manual_seed(0)
        net = t.nn.Sequential(t.nn.Linear(3, 4), t.nn.Tanh(), t.nn.Linear(4, 1))
        with t.no_grad():
            for i, p in enumerate(net.parameters()):
                p.copy_(t.tensor(np.linspace(-0.5, 0.6, p.numel(), dtype=np.float32)
                                 .reshape(tuple(p.shape)) * (i + 1)))
        inp = t.tensor(W * 2, requires_grad=True)
        out = net(inp).sum()
        gi, = t.autograd.grad(out, inp, create_graph=True)
        pen = ((gi.norm(2, dim=1) - 1) ** 2).mean()
        pen.backward()
        return [p.grad for p in net.parameters()] + [inp.grad is None]

    with unify.using_backend(backend):
        r, m = _both(prog)
        check(m[:-1], r[:-1], rtol=1e-5, atol=1e-6)
        assert m[-1] == r[-1]


def test_backward_create_graph_and_conv_double_backward(backend):
    def prog(t):
        x = t.tensor([1.0, 2.0, -0.5], requires_grad=True)
        (x.sin() * x).sum().backward(create_graph=True)
        gx = x.grad
        x.grad = None
        gx.sum().backward()
        img = t.tensor(np.linspace(-1, 1, 32, dtype=np.float32).reshape(1, 2, 4, 4),
                       requires_grad=True)
        k = t.tensor(np.linspace(-0.3, 0.4, 36, dtype=np.float32).reshape(2, 2, 3, 3),
                     requires_grad=True)
        y = t.nn.functional.conv2d(img, k, padding=1).sigmoid().sum()
        gimg, = t.autograd.grad(y, img, create_graph=True)
        (gimg ** 2).sum().backward()
        return [gx.detach(), gx.requires_grad, x.grad, k.grad, img.grad]

    with unify.using_backend(backend):
        r, m = _both(prog)
        check(m, r, rtol=1e-4, atol=1e-5)


# ------------------------------------------------------------------ autograd.Function

def _functions(t):
    class Cube(t.autograd.Function):
        @staticmethod
        def forward(ctx, x, k):
            ctx.save_for_backward(x)
            ctx.k = k
            ctx.nig = ctx.needs_input_grad
            return x ** 3 * k

        @staticmethod
        def backward(ctx, g):
            x, = ctx.saved_tensors
            return g * 3 * x ** 2 * ctx.k, None

    class MulArg(t.autograd.Function):  # setup_context style, two outputs
        @staticmethod
        def forward(x, y):
            return x * y, (x + y).argmax()

        @staticmethod
        def setup_context(ctx, inputs, output):
            ctx.save_for_backward(*inputs)
            ctx.mark_non_differentiable(output[1])

        @staticmethod
        def backward(ctx, g, g_idx):
            x, y = ctx.saved_tensors
            return g * y, g * x

    class Exp(t.autograd.Function):  # saves its output
        @staticmethod
        def forward(ctx, x):
            out = x.exp()
            ctx.save_for_backward(out)
            return out

        @staticmethod
        def backward(ctx, g):
            out, = ctx.saved_tensors
            return g * out

    class Bad(t.autograd.Function):
        @staticmethod
        def forward(ctx, x, y):
            return x + y

        @staticmethod
        def backward(ctx, g):
            return g

    return Cube, MulArg, Exp, Bad


def test_autograd_function(backend):
    def prog(t):
        Cube, MulArg, Exp, _ = _functions(t)
        x = t.tensor([1.0, 2.0, -0.5], requires_grad=True)
        y = t.tensor([0.5, 1.5, 2.0])
        c = Cube.apply(x, 2.0)
        c.sum().backward()
        g1 = x.grad.clone()
        p, idx = MulArg.apply(x, y)
        (p * p).sum().backward()
        e = Exp.apply(x)
        ge, = t.autograd.grad(e.sum(), x, create_graph=True)
        gge, = t.autograd.grad(ge.sum(), x)        # double backward through the saved output
        z = Cube.apply(x, 1.0).sum()
        gz, = t.autograd.grad(z, x, create_graph=True)
        gg, = t.autograd.grad(gz.sum(), x)
        with t.no_grad():
            nog = Cube.apply(x, 1.0)
        plain = Cube.apply(y, 1.0)
        return ([g1, x.grad, gge, gg, c.detach(), p.detach(), idx],
                [c.grad_fn.name(), p.requires_grad, idx.requires_grad, nog.requires_grad,
                 plain.requires_grad, c.is_leaf])

    with unify.using_backend(backend):
        r, m = _both(prog)
        check(m[0], r[0], rtol=1e-5, atol=1e-6)
        assert m[1] == r[1]


def test_autograd_function_errors(backend):
    with unify.using_backend(backend):
        def wrong_count(t):
            Bad = _functions(t)[3]
            x = t.tensor([1.0, 2.0], requires_grad=True)
            Bad.apply(x, x * 1).sum().backward()
        raises_like(lambda: wrong_count(real), lambda: wrong_count(ft))

        def needs(t):
            Cube = _functions(t)[0]
            seen = []

            class Probe(Cube):
                @staticmethod
                def forward(ctx, x, k):
                    seen.append(ctx.needs_input_grad)
                    return x * k

            Probe.apply(t.tensor([1.0], requires_grad=True), 2.0)
            Probe.apply(t.tensor([1.0]), t.tensor([1.0], requires_grad=True))
            return seen
        assert needs(ft) == needs(real)


# ------------------------------------------------------------------ torch.func

def test_func_grad_vjp_and_nesting(backend):
    def prog(t):
        x = t.tensor([1.0, 2.0, -0.5])
        y = t.tensor([0.5, 1.5, 2.0])
        f = lambda a: (a.sin() * a).sum()  # noqa: E731
        g = t.func.grad(f)(x)
        gg = t.func.grad(lambda a: t.func.grad(f)(a).sum())(x)
        (ga, gb), val = t.func.grad_and_value(lambda a, b: (a * b).sum(), argnums=(0, 1))(x, y)
        ha, aux = t.func.grad(lambda a: ((a ** 2).sum(), a * 3), has_aux=True)(x)
        out, fn = t.func.vjp(lambda a, b: (a.exp() * b, a * 2), x, y)
        vx, vy = fn((t.ones(3), t.tensor([1.0, -1.0, 2.0])))
        jac = t.func.jacrev(lambda a: a.sin() * a.sum())(x)
        hes = t.func.hessian(lambda a: (a.sin() * a.sum()).sum())(x)
        xe = t.tensor([1.0, 2.0, -0.5], requires_grad=True)   # inside eager autograd
        t.func.grad(f)(xe).sum().backward()
        return [g, gg, ga, gb, val, ha, aux, out[0], out[1], vx, vy, jac, hes, xe.grad]

    with unify.using_backend(backend):
        r, m = _both(prog)
        check(m, r, rtol=1e-5, atol=1e-6)


def test_func_functional_call_and_vmap(backend):
    def prog(t):
        t.manual_seed(0)
        net = t.nn.Sequential(t.nn.Linear(3, 2), t.nn.BatchNorm1d(2))
        params = {k: t.tensor(np.linspace(-1, 1, v.numel(), dtype=np.float32)
                              .reshape(tuple(v.shape))) for k, v in net.named_parameters()}
        bufs = {k: v.clone() for k, v in net.named_buffers()}
        inp = t.tensor(W)
        out = t.func.functional_call(net, (params, bufs), (inp,))  # updates bufs' running stats
        net.eval()
        loss = lambda p: t.func.functional_call(net, {**p, **bufs}, inp).pow(2).sum()  # noqa: E731
        grads = t.func.grad(loss)(params)
        untouched = (type(net[0].weight).__name__, "weight" in net[0]._parameters)
        vm = t.func.vmap(lambda a, b: (a * b).sum(0))(t.tensor(W), t.tensor(W * 2))
        vm2 = t.func.vmap(lambda a, b: a @ b, in_dims=(1, None), out_dims=1)(
            t.tensor(X), t.tensor(X))
        return ([out, bufs["1.running_mean"], grads["0.weight"], grads["0.bias"], grads["1.weight"],
                 vm, vm2],
                untouched)

    with unify.using_backend(backend):
        r, m = _both(prog)
        check(m[0], r[0], rtol=1e-5, atol=1e-6)
        assert m[1] == r[1]  # the module's own parameters are back in place


def test_grad_fn_names(backend):
    def prog(t):
        a = t.tensor(W, requires_grad=True)
        return [a.grad_fn is None, (a * 2).grad_fn.name(), (a + 1).grad_fn.name(),
                (a - 1).grad_fn.name(), (a / 2).grad_fn.name(), (a * 2).grad_fn is not None,
                a.detach().grad_fn is None]

    with unify.using_backend(backend):
        r, m = _both(prog)
        assert m == r
