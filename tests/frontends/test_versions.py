"""Old framework versions (frontends/<fw>/_versions.py) on every backend.

The expected values come from the real current NumPy / PyTorch through the documented
equivalences of the removed APIs (cited per test), run on the same inputs.
"""
import builtins

import numpy as np
import pytest
import torch as rt

import unify
import unify.frontends.numpy as unp
import unify.frontends.torch as ut


def _np(x):
    return x.numpy() if hasattr(x, "numpy") else np.asarray(x)


def _close(got, want, rtol=1e-6, atol=1e-8):
    want = want.numpy() if isinstance(want, rt.Tensor) else np.asarray(want)
    got = _np(got)
    assert got.shape == want.shape, (got.shape, want.shape)
    assert got.dtype == want.dtype, (got.dtype, want.dtype)
    np.testing.assert_allclose(got, want, rtol=rtol, atol=atol)


@pytest.fixture
def np123(backend):
    from unify.frontends.numpy import _versions

    with unify.using_backend(backend):
        undo = _versions.apply(unp, "1.23")
        try:
            yield unp
        finally:
            undo()


@pytest.fixture
def torch17(backend):
    from unify.frontends.torch import _versions

    with unify.using_backend(backend):
        undo = _versions.apply(ut, "1.7")
        try:
            yield ut
        finally:
            undo()


# ---------------------------------------------------------------- numpy

def test_numpy_aliases(np123):
    xp = np123
    assert xp.__version__ == "1.23.0"
    # NumPy 1.20 release notes: np.float, np.int, ... are the Python builtins
    assert (xp.float, xp.int, xp.bool, xp.object, xp.complex, xp.str) == (
        builtins.float, builtins.int, builtins.bool, builtins.object, builtins.complex,
        builtins.str)
    assert xp.zeros(2, dtype=xp.float).dtype == np.zeros(2, dtype=float).dtype
    assert xp.array([1, 2], dtype=xp.int).dtype == np.array([1, 2], dtype=int).dtype
    # NEP 52: bool8 = bool_, float_ = float64, complex_ = complex128, int0 = intp
    assert xp.bool8 is xp.bool_ and xp.float_ is xp.float64 and xp.complex_ is xp.complex128
    assert xp.int0 is xp.intp
    # constants: NaN/NAN = nan, Inf/Infinity/infty/PINF = inf, NINF = -inf, PZERO/NZERO = +-0.0
    assert np.isnan(xp.NaN) and xp.Inf == xp.PINF == xp.infty == np.inf and xp.NINF == -np.inf
    assert np.signbit(xp.NZERO) and not np.signbit(xp.PZERO)


def test_numpy_functions(np123):
    xp = np123
    a = np.array([[1.5, -2.0, 3.0], [4.0, 0.5, 2.0]])
    x = xp.asarray(a)
    b = np.array([[True, False], [True, True]])
    # product/cumproduct = prod/cumprod, alltrue/sometrue = all/any, round_ = round,
    # trapz = trapezoid, msort(a) = sort(a, axis=0), in1d(a, b) = isin(a, b).ravel()
    _close(xp.product(x, axis=1), np.prod(a, axis=1))
    _close(xp.cumproduct(x), np.cumprod(a))
    _close(xp.alltrue(xp.asarray(b), axis=0), np.all(b, axis=0))
    _close(xp.sometrue(xp.asarray(b)), np.any(b))
    _close(xp.round_(xp.asarray(a * 1.2345), 2), np.round(a * 1.2345, 2))
    _close(xp.trapz(x, axis=1), np.trapezoid(a, axis=1))
    _close(xp.msort(x), np.sort(a, axis=0))
    i = np.array([[1, 2], [3, 5]])
    _close(xp.in1d(xp.asarray(i), [2, 5, 7]), np.isin(i, [2, 5, 7]).ravel())
    _close(xp.in1d(xp.asarray(i), [2, 5], invert=True), ~np.isin(i, [2, 5]).ravel())
    # asfarray: asarray with float64 unless the dtype asked for is inexact
    _close(xp.asfarray([1, 2, 3]), np.asarray([1, 2, 3], dtype=np.float64))
    _close(xp.asfarray(xp.asarray(i), dtype=xp.int32), i.astype(np.float64))
    _close(xp.asfarray([1, 2], dtype=xp.float32), np.asarray([1, 2], dtype=np.float32))


def test_numpy_methods(np123):
    xp = np123
    a = np.arange(6, dtype=np.int64).reshape(2, 3)
    x = xp.asarray(a.copy())
    assert x.tostring() == a.tobytes()  # tostring = tobytes
    _close(x.ptp(), np.ptp(a))  # ndarray.ptp(...) = np.ptp(a, ...)
    _close(x.ptp(axis=1, keepdims=True), np.ptp(a, axis=1, keepdims=True))
    # itemset(i, v): flat index; itemset((i, j), v): full index (a.flat[i] = v, a[i, j] = v)
    want = a.copy()
    want.flat[4] = 40
    want[0, 2] = 7
    want.flat[-1] = 9
    x.itemset(4, 40)
    x.itemset((0, 2), 7)
    x.itemset(-1, 9)
    _close(x, want)
    one = xp.asarray([3.0])
    one.itemset(5.0)
    _close(one, np.array([5.0]))


def test_numpy_undo_and_range():
    from unify.frontends.numpy import _versions

    undo = _versions.apply(unp, "1.21")
    assert unp.product is unp.prod and hasattr(unp.ndarray, "tostring")
    undo()
    assert not hasattr(unp, "product") and not hasattr(unp, "float_")
    assert not hasattr(unp.ndarray, "tostring") and unp.bool is unp.bool_
    assert unp.__version__ == "2.4.0"
    # 1.24 .. 1.26: builtin aliases gone, NEP 52 names still there
    undo = _versions.apply(unp, "1.26")
    assert not hasattr(unp, "float") and unp.float_ is unp.float64 and unp.bool is unp.bool_
    undo()
    with pytest.raises(ValueError):
        _versions.apply(unp, "0.9")
    with pytest.raises(ValueError):
        _versions.apply(unp, "3.0")


def test_install_numpy_version():
    unify.install("numpy", version="1.23")
    try:
        import numpy as np2

        assert np2 is unp
        assert np2.float is builtins.float and np2.__version__ == "1.23.0"
        assert np2.asfarray([1, 2]).dtype == np2.float64
    finally:
        unify.uninstall()
    import numpy as np3

    assert np3 is np and not hasattr(np3, "float")
    assert not hasattr(unp, "float") and unp.__version__ == "2.4.0"


def test_install_unknown_version():
    with pytest.raises(ValueError):
        unify.install("numpy", version="0.1")
    import numpy as np4

    assert np4 is np


# ---------------------------------------------------------------- torch

def _spec(shape, seed=0):
    return np.random.RandomState(seed).standard_normal(shape).astype(np.float64)


@pytest.mark.parametrize("ndim", [1, 2])
@pytest.mark.parametrize("normalized", [False, True])
def test_torch_old_fft(torch17, ndim, normalized):
    torch = torch17
    norm = "ortho" if normalized else "backward"
    dims = tuple(range(-ndim, 0))
    a = _spec((2, 4, 6))
    x, ra = torch.tensor(a), rt.tensor(a)
    # PyTorch 1.8 migration notes: rfft(x, n, normalized, onesided=True)
    #   == view_as_real(torch.fft.rfftn(x, dim=last n, norm="ortho" if normalized))
    _close(torch.rfft(x, ndim, normalized=normalized),
           rt.view_as_real(rt.fft.rfftn(ra, dim=dims, norm=norm)))
    # onesided=False: the full spectrum, view_as_real(fftn(x))
    _close(torch.rfft(x, ndim, normalized, onesided=False),
           rt.view_as_real(rt.fft.fftn(ra, dim=dims, norm=norm)))
    c = _spec((2, 4, 6, 2), 1)
    z, rz = torch.tensor(c), rt.view_as_complex(rt.tensor(c))
    # fft/ifft(x, n): view_as_real(fftn/ifftn(view_as_complex(x), dim=last n))
    _close(torch.fft(z, ndim, normalized), rt.view_as_real(rt.fft.fftn(rz, dim=dims, norm=norm)))
    _close(torch.ifft(z, ndim, normalized),
           rt.view_as_real(rt.fft.ifftn(rz, dim=dims, norm=norm)))
    _close(z.fft(ndim, normalized), rt.view_as_real(rt.fft.fftn(rz, dim=dims, norm=norm)))
    # irfft(X, n, onesided=True, signal_sizes=s) == irfftn(view_as_complex(X), s, dim=last n)
    half = rt.view_as_real(rt.fft.rfftn(ra, dim=dims))
    h = torch.tensor(half.numpy())
    sizes = (4, 6)[-ndim:]
    _close(torch.irfft(h, ndim, normalized, signal_sizes=sizes),
           rt.fft.irfftn(rt.view_as_complex(half), s=sizes, dim=dims, norm=norm))
    _close(torch.irfft(h, ndim), rt.fft.irfftn(rt.view_as_complex(half), dim=dims))
    # round trip: irfft(rfft(x)) == x
    _close(torch.irfft(torch.rfft(x, ndim), ndim, signal_sizes=sizes), a)
    # the module is still the module
    _close(torch.fft.fft(torch.tensor(a)), rt.fft.fft(ra))


def test_torch_solve(torch17):
    torch = torch17
    a = _spec((3, 3)) + 3 * np.eye(3)
    b = _spec((3, 2), 1)
    A, B, rA, rB = torch.tensor(a), torch.tensor(b), rt.tensor(a), rt.tensor(b)
    # PyTorch docs (torch.solve, deprecated 1.9): X = torch.linalg.solve(A, B);
    # LU = torch.linalg.lu_factor(A).LU
    x, lu = torch.solve(B, A)
    _close(x, rt.linalg.solve(rA, rB))
    _close(lu, rt.linalg.lu_factor(rA).LU)
    _close(B.solve(A).solution, rt.linalg.solve(rA, rB))


def test_torch_symeig_eig(torch17):
    torch = torch17
    s = _spec((4, 4))
    a = s + s.T
    A, rA = torch.tensor(a), rt.tensor(a)
    # symeig(A, eigenvectors, upper=True) == torch.linalg.eigh(A, UPLO="U")
    w, v = torch.symeig(A, eigenvectors=True)
    rw, rv = rt.linalg.eigh(rA, UPLO="U")
    _close(w, rw)
    _close(abs(_np(v).T @ rv.numpy()), np.eye(4), atol=1e-8)  # same vectors up to sign
    w, v = A.symeig()
    _close(w, rw)
    assert tuple(v.shape) == (0,)
    _close(torch.symeig(torch.tensor(np.triu(a)), upper=True)[0], rw)
    # eig: eigenvalues (n, 2) == stack(linalg.eigvals real, imag); real matrix with a complex
    # pair: v[:, j] +- i v[:, j+1] are the eigenvectors of the pair
    m = np.array([[0.0, -2.0, 0.0], [2.0, 0.0, 0.0], [0.0, 0.0, 3.0]])
    M = torch.tensor(m)
    e, vec = torch.eig(M, eigenvectors=True)
    rw = rt.linalg.eigvals(rt.tensor(m)).numpy()
    got = _np(e)
    assert got.shape == (3, 2)
    np.testing.assert_allclose(np.sort_complex(got[:, 0] + 1j * got[:, 1]), np.sort_complex(rw),
                               atol=1e-12)
    vv, lam = _np(vec), got[:, 0] + 1j * got[:, 1]
    j = 0
    while j < 3:
        if lam[j].imag != 0:
            z = vv[:, j] + 1j * vv[:, j + 1]
            np.testing.assert_allclose(m @ z, lam[j] * z, atol=1e-10)
            j += 2
        else:
            np.testing.assert_allclose(m @ vv[:, j], lam[j].real * vv[:, j], atol=1e-10)
            j += 1
    assert tuple(torch.eig(M)[1].shape) == (0,)


def test_torch_lstsq_matrix_rank(torch17):
    torch = torch17
    a = _spec((5, 3))
    b = _spec((5, 2), 1)
    A, B = torch.tensor(a), torch.tensor(b)
    # lstsq(B, A): first n rows == torch.linalg.lstsq(A, B).solution; the other m - n rows'
    # squares sum to the residual ||AX - B||^2 per column
    x, qr = torch.lstsq(B, A)
    rx = rt.linalg.lstsq(rt.tensor(a), rt.tensor(b)).solution.numpy()
    got = _np(x)
    assert got.shape == (5, 2)
    np.testing.assert_allclose(got[:3], rx, rtol=1e-8, atol=1e-10)
    np.testing.assert_allclose((got[3:] ** 2).sum(0), ((a @ rx - b) ** 2).sum(0), rtol=1e-8)
    # QR: geqrf(A)'s packed factors (R is its upper triangle; |R| agrees with numpy's qr)
    np.testing.assert_allclose(abs(np.triu(_np(qr)[:3])), abs(np.linalg.qr(a)[1]), atol=1e-10)
    np.testing.assert_allclose(_np(B.lstsq(A)[0])[:3], rx, atol=1e-10)
    # matrix_rank(A, tol) == linalg.matrix_rank(A, atol=tol, rtol=0)
    low = a[:, :2] @ _spec((2, 4), 2)
    rl = rt.tensor(low)
    assert int(torch.matrix_rank(torch.tensor(low))) == int(rt.linalg.matrix_rank(rl))
    assert int(torch.matrix_rank(torch.tensor(low), 1e3)) == int(
        rt.linalg.matrix_rank(rl, atol=1e3, rtol=0.0))


def test_torch_undo_and_range():
    from unify.frontends.torch import _versions

    undo = _versions.apply(ut, "1.7")
    assert callable(ut.fft) and ut.__version__ == "1.7.0" and hasattr(ut.Tensor, "solve")
    undo()
    assert not callable(ut.fft) and not hasattr(ut, "rfft") and not hasattr(ut.Tensor, "solve")
    assert ut.__version__ == "2.13.0"
    undo = _versions.apply(ut, "1.12")  # solve still there, old fft gone
    assert hasattr(ut, "solve") and not hasattr(ut, "rfft") and not callable(ut.fft)
    undo()
    with pytest.raises(ValueError):
        _versions.apply(ut, "0.4")


def test_install_torch_version():
    unify.install("torch", version="1.7")
    try:
        import torch

        assert torch is ut and torch.__version__ == "1.7.0"
        x = torch.ones(4)
        assert tuple(torch.rfft(x, 1).shape) == (3, 2)
    finally:
        unify.uninstall()
    import torch

    assert torch is rt and not hasattr(ut, "rfft")
