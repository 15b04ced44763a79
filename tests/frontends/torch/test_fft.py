"""torch.fft of the torch frontend against real torch, every backend.

jax compiles every op per shape and dtype, so on jax and tensorflow the tests run the first
dtype of each list and the cases before the `...` marker (every function is among them);
numpy and torch run everything.
"""
import warnings

import numpy as np
import pytest
import torch as real

import unify
import unify.frontends.torch as ft
from tfhelp import check, ours

TOL = dict(rtol=1e-4, atol=1e-4)


def both(fn, *args, rtol=None, atol=None):
    """fn(real, *args) and fn(ft, *args as frontend tensors): same result or exception type."""
    mine = [ours(a) if isinstance(a, real.Tensor) else a for a in args]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            expected = fn(real, *args)
    except Exception as e:  # noqa: BLE001
        with pytest.raises(type(e)):
            fn(ft, *mine)
        return None
    got = fn(ft, *mine)
    check(got, expected, rtol=rtol, atol=atol)
    return got


FULL = ("numpy", "torch")


def dtypes(backend, names):
    return names if backend in FULL else names[:1]


def cases(backend, fns):
    i = fns.index(Ellipsis) if Ellipsis in fns else len(fns)
    return [f for f in fns if f is not Ellipsis] if backend in FULL else fns[:i]


def run(backend, fns, *args, **tol):
    with unify.using_backend(backend):
        for fn in cases(backend, fns):
            both(fn, *args, **tol)


X = np.array([[1.0, -2.0, 3.0, 0.5], [0.0, 4.0, -1.0, 2.0], [2.5, 1.0, 0.0, -3.0]])  # (3, 4)


def t(data, dtype="float32"):
    return real.tensor(np.asarray(data)).to(getattr(real, dtype))


def test_one_dimensional(backend):
    for dt in dtypes(backend, ["float32", "float64", "complex64", "int64", "complex128", "bool"]):
        x = t(X + (0.5j * X[::-1] if dt.startswith("complex") else 0), dt) if dt != "bool" else t(X > 0, dt)
        run(backend, (
            lambda M, x: M.fft.fft(x, n=6, norm="ortho"),
            lambda M, x: M.fft.ifft(x, 3, 1, "forward"),
            lambda M, x: M.fft.rfft(x, n=5, dim=0, norm="forward"),
            lambda M, x: M.fft.irfft(x),
            lambda M, x: M.fft.hfft(x, 4, 0),
            lambda M, x: M.fft.ihfft(x),
            lambda M, x: M.fft.fft(x, dim=2),
            lambda M, x: M.fft.fft(x, n=0),
            lambda M, x: M.fft.fft(x, norm="bad"),
            lambda M, x: M.fft.fft(x[0, 0]),
            ...,
            lambda M, x: M.fft.fft(x),
            lambda M, x: M.fft.ifft(x, dim=0),
            lambda M, x: M.fft.rfft(x),
            lambda M, x: M.fft.irfft(x, n=7, norm="ortho"),
            lambda M, x: M.fft.hfft(x),
            lambda M, x: M.fft.ihfft(x, 6, norm="ortho")), x, **TOL)


def test_n_dimensional(backend):
    for dt in dtypes(backend, ["float32", "complex64", "float64", "int64"]):
        x = t(X + (0.5j * X[::-1] if dt.startswith("complex") else 0), dt)
        x3 = real.stack([x, 2 * x])
        run(backend, (
            lambda M, x, y: M.fft.ifft2(x, s=(2, 5)),
            lambda M, x, y: M.fft.fftn(y, dim=(0, 2), norm="ortho"),
            lambda M, x, y: M.fft.ifftn(y, s=(-1, 6)),
            lambda M, x, y: M.fft.rfft2(x),
            lambda M, x, y: M.fft.irfftn(y, s=(3, 6)),
            lambda M, x, y: M.fft.hfft2(x),
            lambda M, x, y: M.fft.ihfftn(y),
            lambda M, x, y: M.fft.fftn(x, s=(2, 3), dim=(0,)),
            lambda M, x, y: M.fft.fftn(x, dim=(0, 0)),
            lambda M, x, y: M.fft.fft2(x, dim=(0, 3)),
            ...,
            lambda M, x, y: M.fft.fft2(x),
            lambda M, x, y: M.fft.fftn(y),
            lambda M, x, y: M.fft.fftn(y, s=(2, 3)),
            lambda M, x, y: M.fft.rfftn(y, dim=(0, 1)),
            lambda M, x, y: M.fft.irfft2(x),
            lambda M, x, y: M.fft.ihfft2(x),
            lambda M, x, y: M.fft.hfftn(y, dim=(1, 2))), x, x3, **TOL)
        with unify.using_backend(backend):
            out = ft.zeros(3, 4, dtype=ft.complex128 if dt in ("float64", "complex128") else ft.complex64)
            assert ft.fft.fft2(ours(x), out=out) is out
            check(out, real.fft.fft2(x), **TOL)


def test_helpers(backend):
    x = t(np.arange(15).reshape(3, 5), "int64")
    run(backend, (
        lambda M, x: M.fft.fftfreq(6, d=0.5, dtype=M.float64),
        lambda M, x: M.fft.rfftfreq(8, 2.0),
        lambda M, x: M.fft.fftshift(x),
        lambda M, x: M.fft.ifftshift(x, dim=(0,)),
        lambda M, x: M.fft.fftshift(x, 2),
        lambda M, x: M.fft.fftfreq(4, dtype=M.int64),
        ...,
        lambda M, x: M.fft.fftfreq(5),
        lambda M, x: M.fft.rfftfreq(7),
        lambda M, x: M.fft.ifftshift(x),
        lambda M, x: M.fft.fftshift(x, dim=1),
        lambda M, x: M.fft.fftshift(x.float(), -1)), x)
    with unify.using_backend(backend):
        old = ft.get_default_dtype()
        try:
            ft.set_default_dtype(ft.float64)
            real.set_default_dtype(real.float64)
            both(lambda M, x: M.fft.fft(x), x, **TOL)
            both(lambda M, x: M.fft.fftfreq(3), x)
        finally:
            ft.set_default_dtype(old)
            real.set_default_dtype(real.float32)
        with pytest.raises(AttributeError):
            ft.fft.not_a_function


def test_errors(backend):
    run(backend, (
        lambda M, x: M.fft.rfft(x.to(M.complex64)),
        lambda M, x: M.fft.ihfft(x.to(M.complex64)),
        lambda M, x: M.fft.fft(x.half()),
        lambda M, x: M.fft.fftn(x, s=(1, 2, 3)),
        lambda M, x: M.fft.irfft(x, n=0),
        lambda M, x: M.fft.fft2(x[0])), t(X))
