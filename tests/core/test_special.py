"""Special functions on every backend against the numpy backend, their gradients, and
spot checks of the numpy backend's own implementations against torch.special."""
import math

import numpy as np
import pytest
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import unify
import unify.core as C
from harness import Spec, arrays, check_grad, check_spec, elements, shapes, unary, with_kwargs


def away_from_poles(lo=-10.0, hi=10.0, gap=0.05):
    """Arrays whose non-positive elements keep `gap` away from the integers (gamma's poles)."""
    def make(dt):
        el = elements(dt, lo, hi).filter(lambda v: v > gap or abs(v - round(v)) > gap)
        return hnp.arrays(np.dtype(dt), shapes(), elements=el).map(lambda a: ((a,), {}))
    return make


def polygamma_args(lo=-10.0, hi=10.0, gap=0.05, max_n=4):
    def make(dt):
        return st.tuples(st.integers(0, max_n), away_from_poles(lo, hi, gap)(dt)).map(
            lambda t: ((t[0],) + t[1][0], {}))
    return make


def pair(lo1, hi1, lo2, hi2, nonzero1=False):
    """(x, y) with broadcastable shapes, x in [lo1, hi1], y in [lo2, hi2]."""
    def make(dt):
        return hnp.mutually_broadcastable_shapes(num_shapes=2, max_dims=3, max_side=4).flatmap(
            lambda s: st.tuples(arrays(dt, s.input_shapes[0], lo1, hi1, nonzero1),
                                arrays(dt, s.input_shapes[1], lo2, hi2))).map(lambda t: (t, {}))
    return make


def no_subnormals(make):
    """Flush subnormal inputs to zero: XLA (jax) and tensorflow do, so log-like ops of
    subnormals (finite for numpy) give -inf there."""
    def flush(a):
        if isinstance(a, np.ndarray) and a.dtype.kind == "f":
            return np.where(np.abs(a) < np.finfo(a.dtype).tiny, np.zeros_like(a), a)
        return a

    return lambda dt: make(dt).map(lambda case: (tuple(flush(a) for a in case[0]), case[1]))


def multigammaln_args(grad=False):
    def make(dt):
        return st.integers(1, 4).flatmap(
            lambda p: arrays(dt, lo=(p - 1) / 2 + (0.25 if grad else 0.0625), hi=10.0).map(lambda a: ((a, p), {})))
    return make


SPECS = {
    "erf": Spec(unary(), grad=(0,)),
    "erfc": Spec(unary(), grad=(0,)),
    "erfinv": Spec(unary(lo=-1.0, hi=1.0), grad=(0,), grad_args=unary(lo=-0.99, hi=0.99)),
    "lgamma": Spec(away_from_poles(), grad=(0,)),
    "gammaln": Spec(away_from_poles(), grad=(0,)),
    "digamma": Spec(away_from_poles(), grad=(0,), grad_args=away_from_poles(gap=0.2)),
    "polygamma": Spec(polygamma_args(), grad=(1,), grad_args=polygamma_args(gap=0.2, max_n=3)),
    "i0": Spec(unary(lo=-60.0, hi=60.0), grad=(0,), grad_args=unary(lo=-30.0, hi=30.0)),
    # exp(-|x|) has a kink at 0 that finite differences straddle
    "i0e": Spec(unary(lo=-60.0, hi=60.0), grad=(0,), grad_args=unary(lo=-60.0, hi=60.0, nonzero=True)),
    "i1": Spec(unary(lo=-60.0, hi=60.0), grad=(0,), grad_args=unary(lo=-30.0, hi=30.0)),
    "i1e": Spec(unary(lo=-60.0, hi=60.0), grad=(0,)),
    "sigmoid": Spec(unary(lo=-60.0, hi=60.0), grad=(0,)),
    "expit": Spec(unary(lo=-60.0, hi=60.0), grad=(0,)),
    "ndtri": Spec(no_subnormals(unary(lo=0.0, hi=1.0)), grad=(0,), grad_args=unary(lo=0.01, hi=0.99)),
    "ndtr": Spec(unary(), grad=(0,)),
    "log_ndtr": Spec(unary(lo=-60.0, hi=10.0), grad=(0,)),
    "logit": Spec(with_kwargs(no_subnormals(unary(lo=0.0, hi=1.0)), eps=st.one_of(st.none(), st.floats(1e-6, 0.1))),
                  grad=(0,), grad_args=unary(lo=0.01, hi=0.99)),
    "xlogy": Spec(no_subnormals(pair(-10.0, 10.0, 0.0, 10.0)), grad=(0, 1),
                  grad_args=pair(-10.0, 10.0, 0.1, 10.0, nonzero1=True)),
    "xlog1py": Spec(no_subnormals(pair(-10.0, 10.0, -1.0, 10.0)), grad=(0, 1),
                    grad_args=pair(-10.0, 10.0, -0.9, 10.0, nonzero1=True)),
    "sinc": Spec(unary(), grad=(0,)),
    "entr": Spec(no_subnormals(unary(lo=-1.0, hi=10.0)), grad=(0,), grad_args=unary(lo=0.01, hi=10.0)),
    "multigammaln": Spec(multigammaln_args(), grad=(0,), grad_args=multigammaln_args(grad=True)),
}


@pytest.mark.parametrize("name", list(SPECS))
def test_op(name, backend):
    check_spec(name, backend, SPECS[name])


@pytest.mark.parametrize("name", [n for n, s in SPECS.items() if s.grad])
def test_grad(name, backend):
    check_grad(name, backend, SPECS[name])


# ---------------------------------------------------------------- the numpy backend vs torch.special

_X = np.concatenate([np.linspace(-9.75, 9.75, 40), [1e-300, 1e-8, 0.5, 1.4616321449683622, 2.0, 35.0, 300.0]])
_U = np.concatenate([np.linspace(-0.999, 0.999, 41), [1e-300, -1e-10, 1 - 1e-15, -(1 - 1e-12)]])
_P = np.concatenate([np.linspace(0.001, 0.999, 41), [1e-300, 1e-50, 1e-10, 1 - 1e-15]])
_XN = np.linspace(-60.0, 10.0, 71)


def _torch_cases():
    torch = pytest.importorskip("torch")
    sp = torch.special
    t = torch.tensor
    return {
        "erf": (lambda: C.erf(C.asarray(_X)), lambda: sp.erf(t(_X))),
        "erfc": (lambda: C.erfc(C.asarray(_X)), lambda: sp.erfc(t(_X))),
        "erfinv": (lambda: C.erfinv(C.asarray(_U)), lambda: sp.erfinv(t(_U))),
        "lgamma": (lambda: C.lgamma(C.asarray(_X)), lambda: torch.lgamma(t(_X))),
        "gammaln": (lambda: C.gammaln(C.asarray(_X)), lambda: sp.gammaln(t(_X))),
        "digamma": (lambda: C.digamma(C.asarray(_X)), lambda: sp.digamma(t(_X))),
        "polygamma1": (lambda: C.polygamma(1, C.asarray(_X)), lambda: sp.polygamma(1, t(_X))),
        "polygamma2": (lambda: C.polygamma(2, C.asarray(_X)), lambda: sp.polygamma(2, t(_X))),
        "polygamma5": (lambda: C.polygamma(5, C.asarray(_X)), lambda: sp.polygamma(5, t(_X))),
        "i0": (lambda: C.i0(C.asarray(_X)), lambda: sp.i0(t(_X))),
        "i0e": (lambda: C.i0e(C.asarray(_X)), lambda: sp.i0e(t(_X))),
        "i1": (lambda: C.i1(C.asarray(_X)), lambda: sp.i1(t(_X))),
        "i1e": (lambda: C.i1e(C.asarray(_X)), lambda: sp.i1e(t(_X))),
        "sigmoid": (lambda: C.sigmoid(C.asarray(_XN)), lambda: torch.sigmoid(t(_XN))),
        "expit": (lambda: C.expit(C.asarray(_XN)), lambda: sp.expit(t(_XN))),
        "ndtri": (lambda: C.ndtri(C.asarray(_P)), lambda: sp.ndtri(t(_P))),
        "ndtr": (lambda: C.ndtr(C.asarray(_X)), lambda: sp.ndtr(t(_X))),
        "log_ndtr": (lambda: C.log_ndtr(C.asarray(_XN)), lambda: sp.log_ndtr(t(_XN))),
        "logit": (lambda: C.logit(C.asarray(np.abs(_U)), eps=1e-6), lambda: sp.logit(t(np.abs(_U)), eps=1e-6)),
        "xlogy": (lambda: C.xlogy(C.asarray(_X), C.asarray(np.abs(_X))),
                  lambda: sp.xlogy(t(_X), t(np.abs(_X)))),
        "xlog1py": (lambda: C.xlog1py(C.asarray(_X), C.asarray(np.abs(_X) - 1)),
                    lambda: sp.xlog1py(t(_X), t(np.abs(_X) - 1))),
        "sinc": (lambda: C.sinc(C.asarray(_X)), lambda: sp.sinc(t(_X))),
        "entr": (lambda: C.entr(C.asarray(_X)), lambda: sp.entr(t(_X))),
        "multigammaln": (lambda: C.multigammaln(C.asarray(np.abs(_X) + 2.0), 3),
                         lambda: sp.multigammaln(t(np.abs(_X) + 2.0), 3)),
    }


@pytest.mark.parametrize("case", ["erf", "erfc", "erfinv", "lgamma", "gammaln", "digamma", "polygamma1",
                                  "polygamma2", "polygamma5", "i0", "i0e", "i1", "i1e", "sigmoid", "expit",
                                  "ndtri", "ndtr", "log_ndtr", "logit", "xlogy", "xlog1py", "sinc", "entr",
                                  "multigammaln"])
def test_numpy_matches_torch_special(case):
    ours, theirs = _torch_cases()[case]
    with unify.using_backend("numpy"):
        got = np.asarray(C.to_numpy(ours()))
    ref = theirs().numpy()
    # absolute slack near the zeros of lgamma / digamma (values computed by cancellation)
    np.testing.assert_allclose(got, ref, rtol=1e-12, atol=1e-14 * max(1.0, float(np.max(np.abs(ref[np.isfinite(ref)])))))


def test_special_values(backend):
    """Edge values that every backend agrees on."""
    with unify.using_backend(backend):
        def f(fn, v):
            return np.asarray(C.to_numpy(fn(C.asarray(np.array(v, dtype=np.float64)))))
        np.testing.assert_array_equal(f(C.erfinv, [-1.0, 0.0, 1.0]), [-np.inf, 0.0, np.inf])
        assert np.isnan(f(C.erfinv, [1.5, -2.0])).all()
        np.testing.assert_array_equal(f(C.ndtri, [0.0, 0.5, 1.0]), [-np.inf, 0.0, np.inf])
        np.testing.assert_array_equal(f(C.lgamma, [0.0, -1.0, -2.0, np.inf]), [np.inf] * 4)
        np.testing.assert_array_equal(f(C.sigmoid, [-1000.0, 0.0, 1000.0]), [0.0, 0.5, 1.0])
        np.testing.assert_allclose(f(C.log_ndtr, [-1e3]), [-500007.8266948122], rtol=1e-12)
        np.testing.assert_array_equal(f(C.sinc, [0.0]), [1.0])
        np.testing.assert_array_equal(f(C.entr, [0.0, -1.0]), [0.0, -np.inf])
        np.testing.assert_array_equal(f(lambda x: C.xlogy(C.zeros_like(x), x), [0.0, -1.0]), [0.0, 0.0])
        np.testing.assert_array_equal(f(C.i0, [0.0]), [1.0])
        np.testing.assert_array_equal(f(C.i1, [0.0]), [0.0])
        assert C.dtype_of(C.lgamma(C.asarray(np.array([1, 2, 3])))) is C.float64
        assert C.dtype_of(C.erf(C.asarray(np.array([0.5], np.float32)))) is C.float32


def test_errors_special(backend):
    with unify.using_backend(backend):
        x = C.asarray(np.array([0.5, 1.5]))
        with pytest.raises(ValueError):
            C.polygamma(-1, x)
        with pytest.raises(TypeError):
            C.polygamma(1.5, x)
        with pytest.raises(ValueError):
            C.multigammaln(x, 0)


def test_grad_rules_at_special_points(backend):
    """i1/i1e gradients at 0 (1/2) and the sigmoid gradient in the saturated tails."""
    with unify.using_backend(backend):
        z = C.asarray(np.array([0.0, 1e-300]))
        for fn in (C.i1, C.i1e):
            g = C.grad(lambda v: C.sum(fn(v)))(z)
            np.testing.assert_allclose(np.asarray(C.to_numpy(g)), [0.5, 0.5])
        g = C.grad(lambda v: C.sum(C.sigmoid(v)))(C.asarray(np.array([-800.0, 800.0])))
        np.testing.assert_array_equal(np.asarray(C.to_numpy(g)), [0.0, 0.0])
        g = C.grad(lambda v: C.sum(C.log_ndtr(v)))(C.asarray(np.array([-30.0, 0.0])))
        expected = [30.033259667435388, math.sqrt(2 / math.pi)]  # phi(x) / ndtr(x)
        np.testing.assert_allclose(np.asarray(C.to_numpy(g)), expected, rtol=1e-9)
