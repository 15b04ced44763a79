"""Activation functions on every backend against the numpy backend, their gradients, and
the numpy backend's values and gradients against torch.nn.functional."""
import numpy as np
import pytest
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import unify
import unify.core as C
from harness import FLOATS, SIGNED, Spec, check_grad, check_spec, elements, shapes, unary, with_kwargs


def away(*kinks, gap=1e-3, lo=-10.0, hi=10.0):
    """Unary arrays whose elements keep `gap` away from the kinks (finite differences straddle them)."""
    def make(dt):
        el = elements(dt, lo, hi).filter(lambda v: all(abs(v - k) > gap for k in kinks))
        return hnp.arrays(np.dtype(dt), shapes(), elements=el).map(lambda a: ((a,), {}))
    return make


def with_axis(min_dims=0, even=False, gap=None):
    """(x, axis=a) with a valid axis (0-d arrays get axis -1); `even` doubles that axis' size."""
    def make(dt):
        def build(sides):
            nd = len(sides)
            axes = st.integers(-max(nd, 1), max(nd, 1) - 1)

            def arr(axis):
                s = list(sides)
                if even and nd:
                    s[axis % nd] *= 2
                el = elements(dt)
                if gap is not None:
                    el = el.filter(lambda v: abs(v) > gap)
                return hnp.arrays(np.dtype(dt), tuple(s), elements=el).map(lambda a: ((a,), {"axis": axis}))
            return axes.flatmap(arr)
        return st.lists(st.integers(1 if even else 0, 4), min_size=min_dims, max_size=3).flatmap(build)
    return make


def threshold_args(gap=None):
    def make(dt):
        def arr(tv):
            el = elements(dt)
            if gap is not None:
                el = el.filter(lambda v: abs(v - tv[0]) > gap)
            return hnp.arrays(np.dtype(dt), shapes(), elements=el).map(lambda a: ((a, tv[0], tv[1]), {}))
        return st.tuples(st.sampled_from([-1.0, 0.0, 0.5, 2.0]), st.sampled_from([-2.0, 0.0, 0.25, 20.0])).flatmap(arr)
    return make


def prelu_args(nonzero=False):
    def make(dt):
        def build(shape):
            c = shape[1] if len(shape) >= 2 else 1
            return st.tuples(hnp.arrays(np.dtype(dt), shape, elements=elements(dt, nonzero=nonzero)),
                             st.sampled_from(sorted({1, c})).flatmap(
                                 lambda n: hnp.arrays(np.dtype(dt), (n,), elements=elements(dt, -1.0, 1.0)))
                             ).map(lambda t: (t, {}))
        return shapes(min_side=1).flatmap(build)
    return make


SPECS = {
    "relu": Spec(unary(), FLOATS + SIGNED, grad=(0,), grad_args=away(0.0)),
    "relu6": Spec(unary(), grad=(0,), grad_args=away(0.0, 6.0)),
    "leaky_relu": Spec(with_kwargs(unary(), negative_slope=st.floats(0.0, 1.0)), grad=(0,),
                       grad_args=with_kwargs(away(0.0), negative_slope=st.floats(0.0, 1.0))),
    "elu": Spec(with_kwargs(unary(), alpha=st.floats(0.1, 2.0)), grad=(0,),
                grad_args=with_kwargs(away(0.0), alpha=st.floats(0.1, 2.0))),
    "selu": Spec(unary(), grad=(0,), grad_args=away(0.0)),
    "celu": Spec(with_kwargs(unary(), alpha=st.floats(0.1, 2.0)), grad=(0,),
                 grad_args=with_kwargs(away(0.0), alpha=st.floats(0.1, 2.0))),
    "gelu": Spec(with_kwargs(unary(), approximate=st.sampled_from(["none", "tanh"])), grad=(0,)),
    "silu": Spec(unary(), grad=(0,)),
    "mish": Spec(unary(), grad=(0,)),
    "softplus": Spec(with_kwargs(unary(), beta=st.floats(0.5, 3.0), threshold=st.floats(1.0, 30.0)), grad=(0,),
                     grad_args=with_kwargs(unary(), beta=st.floats(0.5, 1.5))),
    "softsign": Spec(unary(), grad=(0,)),
    "hardtanh": Spec(with_kwargs(unary(), min_val=st.floats(-3.0, -0.5), max_val=st.floats(0.5, 3.0)), grad=(0,),
                     grad_args=away(-1.0, 1.0)),
    "hardsigmoid": Spec(unary(), grad=(0,), grad_args=away(-3.0, 3.0)),
    "hardswish": Spec(unary(), grad=(0,), grad_args=away(-3.0, 3.0)),
    "logsigmoid": Spec(unary(lo=-60.0, hi=60.0), grad=(0,)),
    "tanhshrink": Spec(unary(), grad=(0,)),
    "softshrink": Spec(with_kwargs(unary(), lambd=st.floats(0.0, 2.0)), grad=(0,), grad_args=away(-0.5, 0.5)),
    "hardshrink": Spec(with_kwargs(unary(), lambd=st.floats(0.0, 2.0)), grad=(0,), grad_args=away(-0.5, 0.5)),
    "threshold": Spec(threshold_args(), grad=(0,), grad_args=threshold_args(gap=1e-3)),
    "glu": Spec(with_axis(min_dims=1, even=True), grad=(0,)),
    "softmax": Spec(with_axis(), grad=(0,)),
    "log_softmax": Spec(with_axis(), grad=(0,)),
    "softmin": Spec(with_axis(), grad=(0,)),
    "prelu": Spec(prelu_args(), grad=(0, 1), grad_args=prelu_args(nonzero=True)),
}


@pytest.mark.parametrize("name", list(SPECS))
def test_op(name, backend):
    check_spec(name, backend, SPECS[name])


@pytest.mark.parametrize("name", [n for n, s in SPECS.items() if s.grad])
def test_grad(name, backend):
    check_grad(name, backend, SPECS[name])


# ---------------------------------------------------------------- the numpy backend vs torch.nn.functional

# kinks and thresholds included: the gradients there follow torch's conventions
_X = np.concatenate([np.linspace(-25.0, 25.0, 101), [-3.0, -1.0, -0.5, 0.0, 0.5, 1.0, 3.0, 6.0, 2.0, 7.0, 10.0]])


def _torch_cases():
    torch = pytest.importorskip("torch")
    F = torch.nn.functional
    w3 = np.array([0.25, -0.5, 2.0])
    return {
        # name: (core call on an array, torch call on a tensor, input)
        "relu": (C.relu, F.relu, _X),
        "relu6": (C.relu6, F.relu6, _X),
        "leaky_relu": (lambda x: C.leaky_relu(x, 0.2), lambda x: F.leaky_relu(x, 0.2), _X),
        "elu": (lambda x: C.elu(x, alpha=1.5), lambda x: F.elu(x, alpha=1.5), _X),
        "selu": (C.selu, F.selu, _X),
        "celu": (lambda x: C.celu(x, alpha=0.7), lambda x: F.celu(x, alpha=0.7), _X),
        "gelu": (C.gelu, F.gelu, _X),
        "gelu_tanh": (lambda x: C.gelu(x, approximate="tanh"), lambda x: F.gelu(x, approximate="tanh"), _X),
        "silu": (C.silu, F.silu, _X),
        "mish": (C.mish, F.mish, _X),
        "softplus": (C.softplus, F.softplus, _X),
        "softplus_beta": (lambda x: C.softplus(x, beta=2.0, threshold=5.0),
                          lambda x: F.softplus(x, beta=2.0, threshold=5.0), _X),
        "softsign": (C.softsign, F.softsign, _X),
        "hardtanh": (lambda x: C.hardtanh(x, -2.0, 3.0), lambda x: F.hardtanh(x, -2.0, 3.0), _X),
        "hardsigmoid": (C.hardsigmoid, F.hardsigmoid, _X),
        "hardswish": (C.hardswish, F.hardswish, _X),
        "logsigmoid": (C.logsigmoid, F.logsigmoid, _X),
        "tanhshrink": (C.tanhshrink, F.tanhshrink, _X),
        "softshrink": (lambda x: C.softshrink(x, 1.0), lambda x: F.softshrink(x, 1.0), _X),
        "hardshrink": (lambda x: C.hardshrink(x, 1.0), lambda x: F.hardshrink(x, 1.0), _X),
        "threshold": (lambda x: C.threshold(x, 0.5, -7.0), lambda x: F.threshold(x, 0.5, -7.0), _X),
        "glu": (lambda x: C.glu(x, axis=0), lambda x: F.glu(x, dim=0), _X[:112]),
        "softmax": (lambda x: C.softmax(x, axis=1), lambda x: F.softmax(x, dim=1), _X[:112].reshape(4, 28)),
        "log_softmax": (lambda x: C.log_softmax(x, axis=0), lambda x: F.log_softmax(x, dim=0),
                        _X[:112].reshape(4, 28)),
        "softmin": (lambda x: C.softmin(x, axis=-1), lambda x: F.softmin(x, dim=-1), _X[:112].reshape(4, 28)),
        "prelu": (lambda x: C.prelu(x, C.asarray(w3)), lambda x: F.prelu(x, torch.tensor(w3)),
                  _X[:111].reshape(37, 3)),
        "prelu_4d": (lambda x: C.prelu(x, C.asarray(w3)), lambda x: F.prelu(x, torch.tensor(w3)),
                     _X[:108].reshape(2, 3, 6, 3)),
    }


_CASES = ["relu", "relu6", "leaky_relu", "elu", "selu", "celu", "gelu", "gelu_tanh", "silu", "mish", "softplus",
          "softplus_beta", "softsign", "hardtanh", "hardsigmoid", "hardswish", "logsigmoid", "tanhshrink",
          "softshrink", "hardshrink", "threshold", "glu", "softmax", "log_softmax", "softmin", "prelu", "prelu_4d"]


@pytest.mark.parametrize("case", _CASES)
def test_numpy_matches_torch_functional(case):
    """Values and gradients (kinks included) of the numpy backend vs torch.nn.functional."""
    import torch

    ours, theirs, x = _torch_cases()[case]
    rs = np.random.RandomState(0)
    with unify.using_backend("numpy"):
        out, vjp = C.vjp(ours, C.asarray(x))
        ct = rs.standard_normal(np.shape(C.to_numpy(out)))
        (g,) = vjp(C.asarray(ct))
        got, got_g = np.asarray(C.to_numpy(out)), np.asarray(C.to_numpy(g))
    tx = torch.tensor(x, requires_grad=True)
    tout = theirs(tx)
    (tg,) = torch.autograd.grad((tout * torch.tensor(ct)).sum(), [tx])
    # gelu: ours is x * ndtr(x) with erfc (torch's 1 + erf(x / sqrt 2) cancels for x << 0)
    np.testing.assert_allclose(got, tout.detach().numpy(), rtol=1e-12, atol=1e-12)
    # torch's celu and hardsigmoid backward kernels round their constants (1/alpha, 1/6) to float32
    np.testing.assert_allclose(got_g, tg.numpy(), rtol=1e-6 if case in ("celu", "hardsigmoid") else 1e-10,
                               atol=1e-12)


def test_activation_values(backend):
    with unify.using_backend(backend):
        def f(fn, v, dt=np.float64):
            return np.asarray(C.to_numpy(fn(C.asarray(np.array(v, dtype=dt)))))
        nan = float("nan")
        assert np.isnan(f(C.relu, [nan])).all() and np.isnan(f(C.hardshrink, [nan])).all()
        np.testing.assert_array_equal(f(C.relu, [-2, 0, 3], np.int64), [0, 0, 3])
        assert C.dtype_of(C.relu(C.asarray(np.array([1], np.int32)))) is C.int32
        assert C.dtype_of(C.gelu(C.asarray(np.array([1.0], np.float32)))) is C.float32
        np.testing.assert_array_equal(f(C.softplus, [1000.0, -1000.0]), [1000.0, 0.0])
        np.testing.assert_array_equal(f(C.logsigmoid, [-1000.0, 1000.0]), [-1000.0, 0.0])
        np.testing.assert_allclose(f(C.softmax, [1000.0, 1000.0]), [0.5, 0.5])
        np.testing.assert_allclose(f(C.log_softmax, [0.0, -1000.0]), [0.0, -1000.0])
        np.testing.assert_allclose(f(C.softmax, 3.0), 1.0)
        assert f(C.softmax, np.zeros((2, 0))).shape == (2, 0)
        assert C.dtype_of(C.softmax(C.asarray(np.array([1, 2])))) is C.float64


def test_errors_activation(backend):
    with unify.using_backend(backend):
        x = C.asarray(np.ones((2, 3)))
        with pytest.raises(ValueError):
            C.gelu(x, approximate="exact")
        with pytest.raises(ValueError):
            C.glu(x, axis=1)  # odd size
        with pytest.raises(ValueError):
            C.glu(C.asarray(np.array(1.0)))
        with pytest.raises((ValueError, IndexError)):
            C.softmax(x, axis=2)
        with pytest.raises((ValueError, IndexError)):
            C.log_softmax(x, axis=-3)
        with pytest.raises(ValueError):
            C.prelu(x, C.asarray(np.ones(2)))
        with pytest.raises(ValueError):
            C.softshrink(x, -1.0)
        with pytest.raises(ValueError):
            C.hardtanh(x, 2.0, 1.0)
