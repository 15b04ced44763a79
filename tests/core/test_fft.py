"""fft ops on every backend against the numpy backend, and their gradients."""
import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

import unify
import unify.core as C
from unify.core.dispatch import OPS
from harness import ALL, COMPLEX, FLOATS, Spec, arrays, check_grad, check_spec, shapes

NORMS = st.sampled_from(["backward", "ortho", "forward"])
FC = FLOATS + COMPLEX


def cdt(dt):
    return C.dtypes.BY_NAME[np.dtype(dt).name]


def _signal(dt, max_dims=3, max_side=5, min_dims=1):
    return arrays(dt, shapes(min_dims=min_dims, max_dims=max_dims, min_side=1, max_side=max_side))


def one_d(max_dims=3, max_side=5):
    """(x,), {n, axis, norm} for the 1-D transforms."""
    def make(dt):
        return _signal(dt, max_dims, max_side).flatmap(lambda a: st.tuples(st.just((a,)), st.fixed_dictionaries(
            {"n": st.none() | st.integers(1, 8), "axis": st.integers(-a.ndim, a.ndim - 1), "norm": NORMS})))
    return make


@st.composite
def _nd_kwargs(draw, ndim, fixed=None):
    if fixed is not None:  # the 2-D variants: default axes (-2, -1) or a drawn pair
        axes = draw(st.none() | st.permutations(range(ndim)).map(lambda p: tuple(p[:2])))
        k = 2
    else:
        axes = draw(st.none() | st.permutations(range(ndim)).flatmap(
            lambda p: st.integers(1, ndim).map(lambda k: tuple(p[:k]))))
        if axes is not None:
            axes = tuple(a - ndim if draw(st.booleans()) else a for a in axes)
        k = ndim if axes is None else len(axes)
    s = draw(st.none() | st.lists(st.integers(1, 6) | st.just(-1), min_size=k, max_size=k).map(tuple))
    kw = {"s": s, "norm": draw(NORMS)}
    if axes is not None:
        kw["axes"] = axes
    return kw


def n_d(max_dims=3, max_side=4, two=False):
    """(x,), {s, axes, norm} for the n-D transforms (two: the *2 variants)."""
    def make(dt):
        return _signal(dt, max_dims, max_side, min_dims=2 if two else 1).flatmap(
            lambda a: st.tuples(st.just((a,)), _nd_kwargs(a.ndim, fixed=2 if two else None)))
    return make


def _freq(dt):
    return st.tuples(st.integers(1, 12), st.sampled_from([1.0, 0.5, 2.5, 0.1]), st.booleans()).map(
        lambda t: ((t[0],), {"d": t[1], "dtype": cdt(dt) if t[2] else None}))


def _shift(dt):
    return arrays(dt, shapes(min_dims=1, max_dims=3, min_side=1, max_side=5)).flatmap(
        lambda a: st.tuples(st.just((a,)), st.fixed_dictionaries({"axes": st.none() | st.integers(
            -a.ndim, a.ndim - 1) | st.permutations(range(a.ndim)).map(lambda p: tuple(p[:max(1, len(p) - 1)]))})))


G1 = one_d(max_dims=2, max_side=5)  # gradient checks: at most 40 elements
GN = n_d(max_dims=2, max_side=4)
G2 = n_d(max_dims=3, max_side=3, two=True)

SPECS = {
    "fft.fft": Spec(one_d(), FC, grad=(0,), grad_args=G1),
    "fft.ifft": Spec(one_d(), FC, grad=(0,), grad_args=G1),
    "fft.rfft": Spec(one_d(), FLOATS, grad=(0,), grad_args=G1),
    "fft.irfft": Spec(one_d(), FC, grad=(0,), grad_args=G1),
    "fft.hfft": Spec(one_d(), FC, grad=(0,), grad_args=G1),
    "fft.ihfft": Spec(one_d(), FLOATS, grad=(0,), grad_args=G1),
    "fft.fftn": Spec(n_d(), FC, grad=(0,), grad_args=GN),
    "fft.ifftn": Spec(n_d(), FC, grad=(0,), grad_args=GN),
    "fft.rfftn": Spec(n_d(), FLOATS, grad=(0,), grad_args=GN),
    "fft.irfftn": Spec(n_d(), FC, grad=(0,), grad_args=GN),
    "fft.hfftn": Spec(n_d(), FC, grad=(0,), grad_args=GN),
    "fft.ihfftn": Spec(n_d(), FLOATS, grad=(0,), grad_args=GN),
    "fft.fft2": Spec(n_d(two=True), FC, grad=(0,), grad_args=G2),
    "fft.ifft2": Spec(n_d(two=True), FC, grad=(0,), grad_args=G2),
    "fft.rfft2": Spec(n_d(two=True), FLOATS, grad=(0,), grad_args=G2),
    "fft.irfft2": Spec(n_d(two=True), FC, grad=(0,), grad_args=G2),
    "fft.fftfreq": Spec(_freq, FLOATS),
    "fft.rfftfreq": Spec(_freq, FLOATS),
    "fft.fftshift": Spec(_shift, ALL, grad=(0,)),
    "fft.ifftshift": Spec(_shift, ALL, grad=(0,)),
}


@pytest.mark.parametrize("name", list(SPECS))
def test_op(name, backend):
    check_spec(name, backend, SPECS[name])


@pytest.mark.parametrize("name", [n for n, s in SPECS.items() if s.grad])
def test_grad(name, backend):
    check_grad(name, backend, SPECS[name])


# ---------------------------------------------------------------- against NumPy/SciPy directly


def test_matches_numpy_fft():
    """The numpy backend (the reference of the specs) agrees with numpy.fft, composites included."""
    rng = np.random.default_rng(0)
    x = rng.standard_normal((3, 6)) + 1j * rng.standard_normal((3, 6))
    r = x.real
    with unify.using_backend("numpy"):
        for norm in ("backward", "ortho", "forward"):
            np.testing.assert_allclose(C.fft.hfft(x, n=7, norm=norm), np.fft.hfft(x, n=7, norm=norm))
            np.testing.assert_allclose(C.fft.ihfft(r, n=5, norm=norm), np.fft.ihfft(r, n=5, norm=norm))
            np.testing.assert_allclose(C.fft.fft2(x, s=(4, 5), norm=norm), np.fft.fft2(x, s=(4, 5), norm=norm))
            np.testing.assert_allclose(C.fft.irfft2(x, norm=norm), np.fft.irfft2(x, norm=norm))
        for n in (1, 2, 7, 8):
            for d in (1.0, 0.3):
                np.testing.assert_allclose(C.fft.fftfreq(n, d=d), np.fft.fftfreq(n, d=d), rtol=1e-15)
                np.testing.assert_allclose(C.fft.rfftfreq(n, d=d), np.fft.rfftfreq(n, d=d), rtol=1e-15)
        assert C.fft.fft(r.astype(np.float32)).dtype == np.complex64
        assert C.fft.irfft(x.astype(np.complex64)).dtype == np.float32
        assert C.fft.fftfreq(4, dtype=C.float32).dtype == np.float32


def test_hfftn_matches_scipy():
    sfft = pytest.importorskip("scipy.fft")
    rng = np.random.default_rng(1)
    x = rng.standard_normal((3, 4, 5)) + 1j * rng.standard_normal((3, 4, 5))
    with unify.using_backend("numpy"):
        for norm in ("backward", "ortho", "forward"):
            np.testing.assert_allclose(C.fft.hfftn(x, s=(3, 6), axes=(0, 2), norm=norm),
                                       sfft.hfftn(x, s=(3, 6), axes=(0, 2), norm=norm), atol=1e-12)
            np.testing.assert_allclose(C.fft.ihfftn(x.real, norm=norm), sfft.ihfftn(x.real, norm=norm),
                                       atol=1e-12)


# ---------------------------------------------------------------- complex-input gradients

# The harness's finite differences perturb real inputs only: check complex inputs here, against
# central differences in the real and imaginary parts (torch's convention: dL/dRe + i dL/dIm).
COMPLEX_CASES = [
    ("fft.fft", {"n": 5, "axis": 0, "norm": "ortho"}),
    ("fft.ifft", {"n": 3, "norm": "forward"}),
    ("fft.fftn", {"s": (2, 5), "axes": (1, 0)}),
    ("fft.ifftn", {"s": (4, -1), "axes": (0, 1), "norm": "ortho"}),
    ("fft.irfft", {"n": 5}),
    ("fft.irfft", {"n": 6, "axis": 0, "norm": "ortho"}),
    ("fft.irfftn", {"s": (3, 4)}),
    ("fft.irfftn", {"axes": (1, 0), "norm": "forward"}),
    ("fft.hfft", {"n": 7, "norm": "ortho"}),
    ("fft.hfftn", {}),
    ("fft.fftshift", {"axes": 0}),
]


def _loss(name, kw, x, ct):
    with unify.using_backend("numpy"):
        out = np.asarray(OPS[name].func(x, **kw))
    return float(np.real(np.sum(out * np.conj(ct))))


@pytest.mark.parametrize("case", range(len(COMPLEX_CASES)))
def test_complex_grad(case, backend):
    name, kw = COMPLEX_CASES[case]
    rng = np.random.default_rng(case)
    x = rng.standard_normal((3, 4)) + 1j * rng.standard_normal((3, 4))
    with unify.using_backend("numpy"):
        out = np.asarray(OPS[name].func(x, **kw))
    ct = rng.standard_normal(out.shape) + (1j * rng.standard_normal(out.shape) if out.dtype.kind == "c" else 0)
    eps = 1e-6
    fd = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        for unit in (1, 1j):
            d = np.zeros_like(x)
            d[idx] = eps * unit
            fd[idx] += unit * (_loss(name, kw, x + d, ct) - _loss(name, kw, x - d, ct)) / (2 * eps)
    with unify.using_backend(backend):
        _, vjp = C.vjp(lambda v: OPS[name].func(v, **kw), C.asarray(x))
        (g,) = vjp(C.asarray(ct))
        g = np.asarray(C.to_numpy(g))
    np.testing.assert_allclose(g, fd, rtol=1e-6, atol=1e-7)


# ---------------------------------------------------------------- errors and tracing


def test_errors_fft(backend):
    with unify.using_backend(backend):
        x = C.asarray(np.ones((2, 3)))
        z = C.asarray(np.ones((2, 3), dtype=np.complex128))
        with pytest.raises(ValueError):
            C.fft.fft(x, n=0)
        with pytest.raises(IndexError):
            C.fft.fft(x, axis=2)
        with pytest.raises(ValueError):
            C.fft.fft(x, norm="bogus")
        with pytest.raises(ValueError):
            C.fft.fftn(x, s=(2, 2, 2), axes=(0, 1))
        with pytest.raises(ValueError):
            C.fft.irfft(C.asarray(np.ones((3, 1))))  # default n = 2*(1-1) = 0
        with pytest.raises(TypeError):
            C.fft.rfft(z)
        with pytest.raises(TypeError):
            C.fft.rfftn(z)
        with pytest.raises(ValueError):
            C.fft.fftfreq(0)
        with pytest.raises(TypeError):
            C.fft.fftfreq(4, dtype=C.int64)


def test_fft_under_jit():
    pytest.importorskip("jax")
    import jax

    x = np.random.default_rng(0).standard_normal((4, 6))
    with unify.using_backend("jax"):
        f = jax.jit(lambda v: C.fft.irfftn(C.fft.rfftn(v, norm="ortho"), s=(4, 6), norm="ortho"))
        np.testing.assert_allclose(np.asarray(f(C.asarray(x))), x, atol=1e-12)
        for n in (4, 8):  # the vjp pads (n < 6) or crops (n > 6) under the trace
            g = jax.jit(lambda v: C.grad(lambda u: C.sum(C.abs(C.fft.fft(u, n=n))))(v))
            assert np.asarray(g(C.asarray(x))).shape == x.shape
        g = jax.jit(lambda v: C.grad(lambda u: C.sum(C.fft.irfft(u, n=4)))(v))
        np.testing.assert_allclose(np.asarray(g(C.asarray(x))), np.eye(1, 6).repeat(4, 0))


def test_tensorflow_many_axes():
    """tf.signal stops at 3-D transforms: four transformed axes go 1-D at a time."""
    pytest.importorskip("tensorflow")
    rng = np.random.default_rng(3)
    x = rng.standard_normal((2, 3, 2, 4, 3))
    axes = (4, 0, 1, 3)
    with unify.using_backend("numpy"):
        run_np = [np.asarray(f(x, s=(4, 2, 3, 5), axes=axes, norm="ortho"))
                  for f in (C.fft.fftn, C.fft.rfftn, C.fft.irfftn)]
    with unify.using_backend("tensorflow"):
        got = [np.asarray(C.to_numpy(f(C.asarray(x), s=(4, 2, 3, 5), axes=axes, norm="ortho")))
               for f in (C.fft.fftn, C.fft.rfftn, C.fft.irfftn)]
    for ref, out in zip(run_np, got):
        np.testing.assert_allclose(out, ref, atol=1e-10)
