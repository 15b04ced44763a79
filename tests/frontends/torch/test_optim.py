"""torch.optim and torch.optim.lr_scheduler against real torch on every backend.

Optimizers: the same parameters and the same hand-set gradients in real torch and the frontend,
several steps, then parameters and the whole state_dict are compared. Schedulers: the learning
rate sequence over 20 steps (and momentum/betas where a schedule cycles them) and the
scheduler's state_dict. A short training run uses real `backward()`.
"""
import warnings

import numpy as np
import pytest
import torch as real

import unify
import unify.frontends.torch as ft
from tfhelp import check, ours, raises_like
from unify.frontends.torch import optim as fopt
from unify.frontends.torch.nn.modules import Linear, MSELoss, ReLU, Sequential
from unify.frontends.torch.nn.parameter import Parameter

RS = real.optim.lr_scheduler
FS = fopt.lr_scheduler

SHAPES = [(3, 2), (2,)]


def _data(seed, shape):
    return np.random.default_rng(seed).standard_normal(shape).astype(np.float32)


def _params():
    rp = [real.nn.Parameter(real.tensor(_data(i, s))) for i, s in enumerate(SHAPES)]
    op = [Parameter(ours(p.detach())) for p in rp]
    return rp, op


def _set_grads(rp, op, step):
    for i, (a, b) in enumerate(zip(rp, op)):
        g = _data(100 + 10 * step + i, tuple(a.shape))
        a.grad = real.tensor(g)
        b.grad = ft.tensor(g)


def _same_state(mine, theirs, tol=1e-5):
    """Optimizer state dicts agree: same packed ids, same tensors, same hyper-parameters."""
    assert set(mine["state"]) == set(theirs["state"])
    for k, st in theirs["state"].items():
        assert list(mine["state"][k]) == list(st), (list(mine["state"][k]), list(st))
        for name, v in st.items():
            w = mine["state"][k][name]
            if isinstance(v, real.Tensor):
                check(w, v, rtol=tol, atol=tol)
            elif isinstance(v, list):
                assert len(w) == len(v)
            else:
                assert w == pytest.approx(v, rel=tol, abs=tol), (name, w, v)
    assert len(mine["param_groups"]) == len(theirs["param_groups"])
    for a, b in zip(mine["param_groups"], theirs["param_groups"]):
        assert a == b, (a, b)


OPTIMIZERS = {
    "sgd": ("SGD", dict(lr=0.1)),
    "sgd_momentum": ("SGD", dict(lr=0.1, momentum=0.9, dampening=0.1, weight_decay=0.01)),
    "sgd_nesterov": ("SGD", dict(lr=0.05, momentum=0.9, nesterov=True, maximize=True)),
    "adam": ("Adam", dict(lr=0.01)),
    "adam_amsgrad": ("Adam", dict(lr=0.01, betas=(0.8, 0.99), weight_decay=0.1, amsgrad=True)),
    "adam_maximize": ("Adam", dict(lr=0.01, maximize=True, decoupled_weight_decay=True,
                                   weight_decay=0.1)),
    "adamw": ("AdamW", dict(lr=0.01)),
    "adamw_amsgrad": ("AdamW", dict(lr=0.01, weight_decay=0.1, amsgrad=True)),
    "rmsprop": ("RMSprop", dict(lr=0.01)),
    "rmsprop_centered": ("RMSprop", dict(lr=0.01, momentum=0.9, centered=True,
                                         weight_decay=0.01)),
    "adagrad": ("Adagrad", dict(lr=0.1, lr_decay=0.01, weight_decay=0.01,
                                initial_accumulator_value=0.1)),
    "adadelta": ("Adadelta", dict(lr=1.0, rho=0.8, weight_decay=0.01)),
    "adamax": ("Adamax", dict(lr=0.01, weight_decay=0.01)),
    "nadam": ("NAdam", dict(lr=0.01, weight_decay=0.01)),
    "nadam_decoupled": ("NAdam", dict(lr=0.01, weight_decay=0.1, decoupled_weight_decay=True)),
    "radam": ("RAdam", dict(lr=0.01, weight_decay=0.01)),
    "radam_decoupled": ("RAdam", dict(lr=0.01, weight_decay=0.1, decoupled_weight_decay=True)),
}


@pytest.mark.parametrize("case", sorted(OPTIMIZERS))
def test_optimizer_steps(backend, case):
    name, kw = OPTIMIZERS[case]
    with unify.using_backend(backend):
        rp, op = _params()
        ro = getattr(real.optim, name)(rp, **kw)
        oo = getattr(fopt, name)(op, **kw)
        assert repr(oo) == repr(ro)
        n = 7 if name == "RAdam" else 4  # RAdam switches to the rectified update after step 5
        for step in range(n):
            _set_grads(rp, op, step)
            ro.step()
            oo.step()
        for a, b in zip(rp, op):
            check(b.detach(), a.detach(), rtol=1e-5, atol=1e-6)
        _same_state(oo.state_dict(), ro.state_dict())
        # a fresh optimizer loaded from the state dict continues the same way
        rp2, op2 = _params()
        with real.no_grad():
            for a, b in zip(rp2, rp):
                a.copy_(b)
        for a, b in zip(op2, op):
            a.data = b.detach().clone()
        ro2 = getattr(real.optim, name)(rp2, **kw)
        oo2 = getattr(fopt, name)(op2, **kw)
        ro2.load_state_dict(ro.state_dict())
        oo2.load_state_dict(oo.state_dict())
        _set_grads(rp2, op2, 9)
        ro2.step()
        oo2.step()
        for a, b in zip(rp2, op2):
            check(b.detach(), a.detach(), rtol=1e-5, atol=1e-6)


def test_param_groups_and_zero_grad(backend):
    with unify.using_backend(backend):
        rp, op = _params()
        ro = real.optim.SGD([{"params": [rp[0]]}, {"params": rp[1], "lr": 0.5}], lr=0.1,
                            momentum=0.5)
        oo = fopt.SGD([{"params": [op[0]]}, {"params": op[1], "lr": 0.5}], lr=0.1, momentum=0.5)
        assert repr(oo) == repr(ro)
        for step in range(2):
            _set_grads(rp, op, step)
            ro.step()
            oo.step()
        for a, b in zip(rp, op):
            check(b.detach(), a.detach())
        _same_state(oo.state_dict(), ro.state_dict())
        ro.zero_grad(set_to_none=False)
        oo.zero_grad(set_to_none=False)
        check(op[0].grad, rp[0].grad)
        ro.zero_grad()
        oo.zero_grad()
        assert op[0].grad is None and op[1].grad is None
        # add_param_group fills defaults; a parameter in two groups is refused
        extra_r = real.nn.Parameter(real.ones(2))
        extra_o = Parameter(ft.ones(2))
        ro.add_param_group({"params": [extra_r], "momentum": 0.1})
        oo.add_param_group({"params": [extra_o], "momentum": 0.1})
        assert oo.param_groups[-1] == {**ro.param_groups[-1], "params": oo.param_groups[-1]["params"]}
        raises_like(lambda: ro.add_param_group({"params": [rp[0]]}),
                    lambda: oo.add_param_group({"params": [op[0]]}))
        # a parameter without a grad is skipped
        _set_grads(rp, op, 5)
        ro.step()
        oo.step()
        check(extra_o.detach(), extra_r.detach())


def test_step_hooks(backend):
    with unify.using_backend(backend):
        logs = {}
        for lib, mod, pp in ((real, real.optim, _params()[0]), (ft, fopt, _params()[1])):
            o = mod.SGD(pp, lr=0.1)
            log = logs[lib.__name__] = []
            h1 = o.register_step_pre_hook(lambda opt, a, kw: log.append(("pre", a, kw)))
            h2 = o.register_step_post_hook(lambda opt, a, kw: log.append(("post", a, kw)))
            for p in pp:
                p.grad = lib.ones_like(p.detach())
            o.step()
            h1.remove()
            o.step()
            h2.remove()
            o.step()
        assert repr(logs["torch"]) == repr(logs["unify.frontends.torch"])


def test_optimizer_errors(backend):
    with unify.using_backend(backend):
        rp, op = _params()
        cases = [
            ("SGD", dict(lr=-1.0)), ("SGD", dict(momentum=-0.1)),
            ("SGD", dict(nesterov=True)), ("SGD", dict(weight_decay=-1.0)),
            ("Adam", dict(betas=(1.0, 0.9))), ("Adam", dict(betas=(0.9, -0.1))),
            ("Adam", dict(eps=-1.0)), ("AdamW", dict(lr=-0.1)),
            ("RMSprop", dict(alpha=-1.0)), ("Adagrad", dict(lr_decay=-1.0)),
            ("Adadelta", dict(rho=1.5)), ("NAdam", dict(momentum_decay=-1.0)),
        ]
        for name, kw in cases:
            raises_like(lambda: getattr(real.optim, name)(rp, **kw),
                        lambda: getattr(fopt, name)(op, **kw))
        raises_like(lambda: real.optim.SGD([], lr=0.1), lambda: fopt.SGD([], lr=0.1))
        raises_like(lambda: real.optim.SGD(rp[0], lr=0.1), lambda: fopt.SGD(op[0], lr=0.1))
        raises_like(lambda: real.optim.SGD([1.0], lr=0.1), lambda: fopt.SGD([1.0], lr=0.1))
        raises_like(lambda: real.optim.SGD([rp[0] * 2], lr=0.1),
                    lambda: fopt.SGD([op[0] * 2], lr=0.1))
        raises_like(lambda: real.optim.LBFGS([{"params": [rp[0]]}, {"params": [rp[1]]}]),
                    lambda: fopt.LBFGS([{"params": [op[0]]}, {"params": [op[1]]}]))
        ro, oo = real.optim.Adam(rp), fopt.Adam(op)
        bad = {"state": {}, "param_groups": []}
        raises_like(lambda: ro.load_state_dict(bad), lambda: oo.load_state_dict(bad))


def _quadratic(A, b, x_list, grad_fn):
    """0.5 * |A x - b|^2 with the gradient set by hand (no autograd needed)."""
    def closure():
        x = x_list[0]
        r = A @ x.detach() - b
        grad_fn(x, A.T @ r)
        return 0.5 * (r * r).sum()
    return closure


@pytest.mark.parametrize("line_search", [None, "strong_wolfe"])
def test_lbfgs(backend, line_search):
    rng = np.random.default_rng(3)
    A = rng.standard_normal((4, 3)).astype(np.float32)
    b = rng.standard_normal(4).astype(np.float32)
    x0 = np.zeros(3, dtype=np.float32)
    with unify.using_backend(backend):
        rx = real.nn.Parameter(real.tensor(x0))
        ox = Parameter(ft.tensor(x0))

        def rset(x, g):
            x.grad = g

        ro = real.optim.LBFGS([rx], lr=1, max_iter=5, history_size=3, line_search_fn=line_search)
        oo = fopt.LBFGS([ox], lr=1, max_iter=5, history_size=3, line_search_fn=line_search)
        rc = _quadratic(real.tensor(A), real.tensor(b), [rx], rset)
        oc = _quadratic(ft.tensor(A), ft.tensor(b), [ox], rset)
        for _ in range(2):
            rl = ro.step(rc)
            ol = oo.step(oc)
            assert float(ol) == pytest.approx(float(rl), rel=1e-4, abs=1e-5)
        check(ox.detach(), rx.detach(), rtol=1e-4, atol=1e-4)
        rs, os_ = ro.state_dict()["state"][0], oo.state_dict()["state"][0]
        assert rs["func_evals"] == os_["func_evals"] and rs["n_iter"] == os_["n_iter"]
        raises_like(lambda: ro.step(), lambda: oo.step())


def test_training_with_backward(backend):
    """A two-layer MLP trained with real backward(): losses and weights follow torch's."""
    rng = np.random.default_rng(0)
    X = rng.standard_normal((8, 3)).astype(np.float32)
    Y = rng.standard_normal((8, 2)).astype(np.float32)
    with unify.using_backend(backend):
        real.manual_seed(0)
        rm = real.nn.Sequential(real.nn.Linear(3, 4), real.nn.ReLU(), real.nn.Linear(4, 2))
        om = Sequential(Linear(3, 4), ReLU(), Linear(4, 2))
        om.load_state_dict({k: ours(v) for k, v in rm.state_dict().items()})
        ro = real.optim.Adam(rm.parameters(), lr=0.05)
        oo = fopt.Adam(om.parameters(), lr=0.05)
        rs = RS.StepLR(ro, 2, 0.5)
        os_ = FS.StepLR(oo, 2, 0.5)
        rloss, oloss = real.nn.MSELoss(), MSELoss()
        for _ in range(4):
            ro.zero_grad()
            oo.zero_grad()
            lr_ = rloss(rm(real.tensor(X)), real.tensor(Y))
            lo = oloss(om(ft.tensor(X)), ft.tensor(Y))
            lr_.backward()
            lo.backward()
            assert lo.item() == pytest.approx(lr_.detach().item(), rel=1e-5, abs=1e-6)
            ro.step()
            oo.step()
            rs.step()
            os_.step()
        for (k, a), (k2, b) in zip(rm.state_dict().items(), om.state_dict().items()):
            assert k == k2
            check(b, a, rtol=1e-4, atol=1e-5)
        assert os_.get_last_lr() == rs.get_last_lr()


# ---------------------------------------------------------------- schedulers


def _sched_pair(make, opt="SGD", n_groups=1, opt_kw=None):
    rp, op = _params()
    opt_kw = opt_kw or dict(lr=0.1, momentum=0.9)
    if n_groups == 2:
        rgroups = [{"params": [rp[0]]}, {"params": [rp[1]], "lr": 0.05}]
        ogroups = [{"params": [op[0]]}, {"params": [op[1]], "lr": 0.05}]
    else:
        rgroups, ogroups = rp, op
    ro = getattr(real.optim, opt)(rgroups, **opt_kw)
    oo = getattr(fopt, opt)(ogroups, **opt_kw)
    return ro, oo, make(RS, ro), make(FS, oo)


SCHEDULERS = {
    "step": lambda m, o: m.StepLR(o, step_size=3, gamma=0.5),
    "multistep": lambda m, o: m.MultiStepLR(o, milestones=[2, 5, 5, 9], gamma=0.3),
    "exponential": lambda m, o: m.ExponentialLR(o, gamma=0.9),
    "cosine": lambda m, o: m.CosineAnnealingLR(o, T_max=6, eta_min=0.001),
    "warm_restarts": lambda m, o: m.CosineAnnealingWarmRestarts(o, T_0=3, T_mult=2,
                                                                 eta_min=0.01),
    "lambda": lambda m, o: m.LambdaLR(o, lambda e: 1.0 / (1 + e)),
    "multiplicative": lambda m, o: m.MultiplicativeLR(o, lambda e: 0.95),
    "linear": lambda m, o: m.LinearLR(o, start_factor=0.25, end_factor=0.9, total_iters=6),
    "constant": lambda m, o: m.ConstantLR(o, factor=0.5, total_iters=4),
    "polynomial": lambda m, o: m.PolynomialLR(o, total_iters=8, power=2.0),
    "onecycle": lambda m, o: m.OneCycleLR(o, max_lr=1.0, total_steps=22),
    "onecycle_linear3": lambda m, o: m.OneCycleLR(o, max_lr=[1.0, 0.5], total_steps=22,
                                                  anneal_strategy="linear", three_phase=True),
    "cyclic": lambda m, o: m.CyclicLR(o, base_lr=0.01, max_lr=0.1, step_size_up=4,
                                      mode="triangular2"),
    "sequential": lambda m, o: m.SequentialLR(o, [m.LinearLR(o, 0.5, total_iters=3),
                                                  m.ExponentialLR(o, 0.8)], milestones=[4]),
    "chained": lambda m, o: m.ChainedScheduler([m.ConstantLR(o, 0.5, total_iters=3),
                                                m.ExponentialLR(o, 0.9)]),
}


@pytest.mark.parametrize("case", sorted(SCHEDULERS))
def test_scheduler_sequence(backend, case):
    n_groups = 2 if case in ("onecycle_linear3", "lambda", "step") else 1
    opt = "Adam" if case == "onecycle_linear3" else "SGD"
    kw = dict(lr=0.1) if opt == "Adam" else None
    with unify.using_backend(backend), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ro, oo, rs, os_ = _sched_pair(SCHEDULERS[case], opt, n_groups, kw)
        assert os_.get_last_lr() == pytest.approx(rs.get_last_lr(), rel=1e-12)
        for _ in range(20):
            ro.step()
            oo.step()
            rs.step()
            os_.step()
            assert os_.get_last_lr() == pytest.approx(rs.get_last_lr(), rel=1e-12, abs=1e-15)
            for a, b in zip(oo.param_groups, ro.param_groups):
                assert a["lr"] == pytest.approx(b["lr"], rel=1e-12, abs=1e-15)
                for key in ("momentum", "betas"):
                    if key in b:
                        assert a[key] == pytest.approx(b[key], rel=1e-12)
        rsd, osd = rs.state_dict(), os_.state_dict()
        if case != "cyclic":  # CyclicLR keeps private callables
            assert set(osd) == set(rsd), (sorted(osd), sorted(rsd))


def test_scheduler_epoch_argument_and_state(backend):
    with unify.using_backend(backend), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ro, oo, rs, os_ = _sched_pair(SCHEDULERS["step"])
        for e in (4, 7, 2):
            rs.step(e)
            os_.step(e)
            assert os_.get_last_lr() == pytest.approx(rs.get_last_lr(), rel=1e-12)
        assert os_.state_dict() == rs.state_dict()
        ro, oo, rs, os_ = _sched_pair(SCHEDULERS["warm_restarts"])
        for e in (5, 10, 1):
            rs.step(e)
            os_.step(e)
            assert os_.get_last_lr() == pytest.approx(rs.get_last_lr(), rel=1e-12)
        assert os_.state_dict() == rs.state_dict()
        # a scheduler restored from a state dict continues the same sequence
        ro, oo, rs, os_ = _sched_pair(SCHEDULERS["cosine"])
        for _ in range(4):
            rs.step()
            os_.step()
        ro2, oo2, rs2, os2 = _sched_pair(SCHEDULERS["cosine"])
        rs2.load_state_dict(rs.state_dict())
        os2.load_state_dict(os_.state_dict())
        for _ in range(3):
            rs2.step()
            os2.step()
            assert os2.get_last_lr() == pytest.approx(rs2.get_last_lr(), rel=1e-12)


def test_reduce_on_plateau(backend):
    metrics = [1.0, 0.9, 0.95, 0.95, 0.96, 0.97, 0.5, 0.6, 0.6, 0.6, 0.6, 0.6, 0.7]
    for kw in (dict(patience=1, factor=0.5), dict(mode="max", patience=2, cooldown=1,
                                                   threshold_mode="abs", min_lr=0.02)):
        with unify.using_backend(backend):
            ro, oo, rs, os_ = _sched_pair(lambda m, o: m.ReduceLROnPlateau(o, **kw))
            for v in metrics:
                rs.step(v)
                os_.step(ft.tensor(v))
                assert os_.get_last_lr() == pytest.approx(rs.get_last_lr(), rel=1e-12)
            assert os_.state_dict() == rs.state_dict()


def test_scheduler_errors(backend):
    with unify.using_backend(backend):
        rp, op = _params()
        ro, oo = real.optim.SGD(rp, lr=0.1), fopt.SGD(op, lr=0.1)
        for make in (lambda m, o: m.StepLR(o, 2, last_epoch=3),
                     lambda m, o: m.ConstantLR(o, factor=2.0),
                     lambda m, o: m.LinearLR(o, start_factor=0.0),
                     lambda m, o: m.CosineAnnealingWarmRestarts(o, T_0=0),
                     lambda m, o: m.OneCycleLR(o, max_lr=0.1),
                     lambda m, o: m.OneCycleLR(o, max_lr=0.1, total_steps=5,
                                               anneal_strategy="x"),
                     lambda m, o: m.ReduceLROnPlateau(o, factor=1.0),
                     lambda m, o: m.ReduceLROnPlateau(o, mode="avg"),
                     lambda m, o: m.LambdaLR(o, [lambda e: 1.0, lambda e: 1.0]),
                     lambda m, o: m.SequentialLR(o, [m.StepLR(o, 2)], milestones=[1]),
                     lambda m, o: m.StepLR(object(), 2)):
            raises_like(lambda: make(RS, ro), lambda: make(FS, oo))
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            s = FS.StepLR(fopt.SGD(op, lr=0.1), 2)
            s.step()
        assert any("before `optimizer.step()`" in str(x.message) for x in w)
