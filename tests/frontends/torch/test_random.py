"""Random numbers on every backend: shapes, dtypes, value ranges and torch's errors against
real torch; reproducibility after manual_seed / set_rng_state / Generator; basic statistics
(the streams themselves differ from real torch's, as documented)."""
import numpy as np
import torch as real

import unify
import unify.frontends.torch as ft
from tfhelp import raises_like

N = 4000  # samples for the statistics (one shape, reused)


def _same_meta(c):
    """fn(lib) gives a tensor (or raises) on both libraries: the same shape/dtype or error."""
    def meta(lib):
        t = c(lib)
        return tuple(t.shape), str(t.dtype)
    raises_like(lambda: meta(real), lambda: meta(ft))


def test_shapes_dtypes_errors(backend):
    with unify.using_backend(backend):
        for c in [
            lambda lib: lib.rand(2, 3), lambda lib: lib.rand((3,)), lambda lib: lib.rand(3, dtype=lib.float64),
            lambda lib: lib.rand(3, dtype=lib.complex64), lambda lib: lib.rand(2, dtype=lib.int64),
            lambda lib: lib.rand(size=(3,)), lambda lib: lib.rand(3, dtype=lib.float16),
            lambda lib: lib.randn(2, 3), lambda lib: lib.randn(3, dtype=lib.complex128),
            lambda lib: lib.randn(2, dtype=lib.int64), lambda lib: lib.randn(-1),
            lambda lib: lib.randint(5, (2, 3)), lambda lib: lib.randint(3, 10, (3,)),
            lambda lib: lib.randint(5, 3, (2,)), lambda lib: lib.randint(3, (3,), dtype=lib.float32),
            lambda lib: lib.randint(0, 2, (3,), dtype=lib.bool), lambda lib: lib.randint(0, 300, (3,), dtype=lib.uint8),
            lambda lib: lib.randint(high=5, size=(3,)), lambda lib: lib.randint(5, size=(3,)),
            lambda lib: lib.randint(-5, 5, (3,), dtype=lib.int8),
            lambda lib: lib.randperm(3), lambda lib: lib.randperm(0), lambda lib: lib.randperm(-1),
            lambda lib: lib.randperm(3, dtype=lib.float32),
            lambda lib: lib.normal(lib.zeros(3), lib.ones(2, 1)), lambda lib: lib.normal(0.0, lib.ones(3)),
            lambda lib: lib.normal(lib.zeros(3)), lambda lib: lib.normal(0, 1, (3,)),
            lambda lib: lib.normal(0, -1, (2,)), lambda lib: lib.normal(lib.zeros(2, dtype=lib.int64), 1.0),
            lambda lib: lib.normal(lib.zeros(2), -lib.ones(2)),
            lambda lib: lib.normal(lib.zeros(3, dtype=lib.float64), lib.ones(3)),
            lambda lib: lib.normal(2, 3, size=(3,), dtype=lib.float64),
            lambda lib: lib.bernoulli(lib.tensor([0.5, 2.0])), lambda lib: lib.bernoulli(lib.tensor([1, 0])),
            lambda lib: lib.bernoulli(lib.zeros(3), 0.5), lambda lib: lib.bernoulli(lib.zeros(3, dtype=lib.float64)),
            lambda lib: lib.multinomial(lib.tensor([1.0, 2, 0]), 2), lambda lib: lib.multinomial(lib.tensor([1.0, 2, 0]), 4),
            lambda lib: lib.multinomial(lib.tensor([1.0, 2, 0]), 4, True),
            lambda lib: lib.multinomial(lib.tensor([[1.0, 2, 0], [0, 0, 1]]), 5, replacement=True),
            lambda lib: lib.multinomial(lib.tensor([[1.0, 2, 3], [1, 1, 1]]), 3),
            lambda lib: lib.multinomial(lib.tensor([1.0, -2, 0]), 1), lambda lib: lib.multinomial(lib.tensor([0.0, 0]), 1),
            lambda lib: lib.multinomial(lib.tensor([1, 2]), 1), lambda lib: lib.multinomial(lib.ones(2, 2, 2), 1),
            lambda lib: lib.multinomial(lib.ones(2), 0),
            lambda lib: lib.poisson(lib.tensor([-1.0])), lambda lib: lib.poisson(lib.tensor([1, 2])),
            lambda lib: lib.poisson(lib.tensor([1.0, 20.0], dtype=lib.float64)),
            lambda lib: lib.rand_like(lib.zeros(2, dtype=lib.int64)), lambda lib: lib.rand_like(lib.zeros(2, 3)),
            lambda lib: lib.randn_like(lib.zeros(3, dtype=lib.float64)),
            lambda lib: lib.randint_like(lib.zeros(3), 5), lambda lib: lib.randint_like(lib.zeros(3, dtype=lib.int32), 3, 5),
            lambda lib: lib.randint_like(lib.zeros(2), 5, 3),
        ]:
            _same_meta(c)


def test_inplace_samplers_errors(backend):
    with unify.using_backend(backend):
        for dt in ("int64", "float32"):
            for c in [
                lambda x: x.uniform_(), lambda x: x.uniform_(2, 1), lambda x: x.normal_(),
                lambda x: x.normal_(0, -1), lambda x: x.exponential_(), lambda x: x.exponential_(0),
                lambda x: x.cauchy_(), lambda x: x.log_normal_(), lambda x: x.geometric_(0.5),
                lambda x: x.geometric_(0), lambda x: x.geometric_(1), lambda x: x.bernoulli_(0.5),
                lambda x: x.bernoulli_(2.0), lambda x: x.random_(), lambda x: x.random_(5),
                lambda x: x.random_(2, 5), lambda x: x.random_(5, 2), lambda x: x.random_(-3, 2),
                lambda x: x.bernoulli_(x.new_full((3,), 0.5) if x.is_floating_point() else 0.5),
            ]:
                def meta(lib):
                    x = lib.zeros(3, dtype=getattr(lib, dt))
                    r = c(x)
                    assert r is x
                    return tuple(x.shape), str(x.dtype)
                raises_like(lambda: meta(real), lambda: meta(ft))
        for lib in (real, ft):  # bool and uint8 random_
            b = lib.zeros(50, dtype=lib.bool).random_()
            assert set(b.tolist()) <= {False, True}
            raises_like(lambda: real.zeros(2, dtype=real.uint8).random_(-1, 5),
                        lambda: ft.zeros(2, dtype=ft.uint8).random_(-1, 5))


def test_seeding_and_state(backend):
    with unify.using_backend(backend):
        g = ft.manual_seed(123)
        assert g is ft.default_generator and ft.initial_seed() == 123
        a = (ft.rand(5), ft.randn(3), ft.randint(0, 100, (4,)), ft.randperm(6))
        ft.manual_seed(123)
        b = (ft.rand(5), ft.randn(3), ft.randint(0, 100, (4,)), ft.randperm(6))
        for x, y in zip(a, b):
            assert x.tolist() == y.tolist()
        assert ft.rand(5).tolist() != a[0].tolist()  # the generator advances
        state = ft.get_rng_state()
        assert state.dtype is ft.uint8
        c = ft.rand(4)
        ft.set_rng_state(state)
        assert ft.rand(4).tolist() == c.tolist()
        raises_like(lambda: real.set_rng_state(real.zeros(3)), lambda: ft.set_rng_state(ft.zeros(3)))
        raises_like(lambda: real.manual_seed(2 ** 64), lambda: ft.manual_seed(2 ** 64))
        assert ft.manual_seed(-1).initial_seed() == real.manual_seed(-1).initial_seed()
        assert ft.Generator().initial_seed() == real.Generator().initial_seed()
        assert str(ft.Generator().device) == str(real.Generator().device)
        g1, g2 = ft.Generator().manual_seed(7), ft.Generator().manual_seed(7)
        x1 = ft.rand(3, generator=g1)
        ft.rand(3)  # the default generator does not disturb g2
        assert ft.normal(0, 1, (3,), generator=g1).tolist() != x1.tolist()
        assert ft.rand(3, generator=g2).tolist() == x1.tolist()
        st = g2.get_state()
        y = ft.zeros(4).uniform_(generator=g2)
        g2.set_state(st)
        assert ft.zeros(4).uniform_(generator=g2).tolist() == y.tolist()
        s = ft.seed()
        assert ft.initial_seed() == s
        ft.manual_seed(5)
        m1 = ft.multinomial(ft.ones(10), 10).tolist()
        ft.manual_seed(5)
        assert ft.multinomial(ft.ones(10), 10).tolist() == m1
        assert sorted(m1) == list(range(10))


def test_statistics(backend):
    with unify.using_backend(backend):
        ft.manual_seed(0)
        u = ft.rand(N).numpy()
        assert u.dtype == np.float32 and u.min() >= 0 and u.max() < 1
        assert abs(u.mean() - 0.5) < 0.03 and abs(u.var() - 1 / 12) < 0.01
        z = ft.randn(N, dtype=ft.float64).numpy()
        assert abs(z.mean()) < 0.08 and abs(z.std() - 1) < 0.06
        zc = ft.randn(N, dtype=ft.complex64).numpy()
        assert abs(zc.real.var() - 0.5) < 0.06 and abs(zc.imag.var() - 0.5) < 0.06
        n = ft.normal(ft.full((N,), 3.0), 2.0).numpy()
        assert abs(n.mean() - 3) < 0.15 and abs(n.std() - 2) < 0.12
        r = ft.randint(-3, 4, (N,)).numpy()
        assert r.dtype == np.int64 and set(np.unique(r)) == set(range(-3, 4))
        p = ft.randperm(50).numpy()
        assert sorted(p.tolist()) == list(range(50))
        b = ft.bernoulli(ft.full((N,), 0.3)).numpy()
        assert set(np.unique(b)) <= {0.0, 1.0} and abs(b.mean() - 0.3) < 0.04
        m = ft.multinomial(ft.tensor([1.0, 0.0, 3.0]), N, replacement=True).numpy()
        assert set(np.unique(m)) <= {0, 2} and abs((m == 2).mean() - 0.75) < 0.04
        m2 = ft.multinomial(ft.tensor([[1.0, 0.0, 3.0, 1.0]] * 2), 3).numpy()
        assert m2.shape == (2, 3) and all(sorted(row) == [0, 2, 3] for row in m2.tolist())
        po = ft.poisson(ft.tensor([2.0] * (N // 2) + [30.0] * (N // 2))).numpy()
        lo, hi = po[:N // 2], po[N // 2:]
        assert (po == np.round(po)).all() and po.min() >= 0
        assert abs(lo.mean() - 2) < 0.2 and abs(lo.var() - 2) < 0.4
        assert abs(hi.mean() - 30) < 0.8 and abs(hi.var() - 30) < 5
        x = ft.empty(N)
        e = x.exponential_(2.0).numpy()
        assert e.min() >= 0 and abs(e.mean() - 0.5) < 0.04
        gm = ft.empty(N).geometric_(0.25).numpy()
        assert gm.min() >= 1 and (gm == np.round(gm)).all() and abs(gm.mean() - 4) < 0.3
        ln = ft.empty(N, dtype=ft.float64).log_normal_(0.0, 0.5).numpy()
        assert ln.min() > 0 and abs(np.log(ln).mean()) < 0.04 and abs(np.log(ln).std() - 0.5) < 0.04
        ca = ft.empty(N).cauchy_(1.0, 2.0).numpy()
        assert abs(np.median(ca) - 1.0) < 0.25
        un = ft.empty(N).uniform_(-2, 3).numpy()
        assert un.min() >= -2 and un.max() < 3 and abs(un.mean() - 0.5) < 0.15
        rf = ft.empty(N).random_(5).numpy()
        assert set(np.unique(rf)) == {0.0, 1.0, 2.0, 3.0, 4.0}
        ri = ft.empty(N, dtype=ft.int8).random_().numpy()
        assert ri.min() >= 0 and ri.max() <= 127 and ri.max() > 100
        rb = ft.empty(N).bernoulli_(0.8).numpy()
        assert abs(rb.mean() - 0.8) < 0.04
        # in-place samplers write through views
        base = ft.zeros(4, 5)
        base[1:3].t().normal_(5.0, 0.1)
        v = base.numpy()
        assert (v[[0, 3]] == 0).all() and abs(v[1:3].mean() - 5) < 0.1
