"""torch.signal.windows against real torch on every backend: values, dtypes and shapes for
symmetric and periodic windows of small and odd/even lengths, the window-specific arguments,
and the exception types of bad arguments."""
import pytest
import torch as real

import unify
import unify.frontends.torch as ft
from tfhelp import check

WINDOWS = {"bartlett": {}, "blackman": {}, "cosine": {}, "hamming": {}, "hann": {}, "nuttall": {},
           "exponential": {"tau": 2.78}, "gaussian": {"std": 1.92}, "kaiser": {"beta": 7.5},
           "general_hamming": {"alpha": 0.6}, "general_cosine": {"a": [0.46, 0.3, 0.24]}}


def same(fn_real, fn_ours, ctx):
    try:
        expected = fn_real()
    except Exception as e:  # noqa: BLE001
        with pytest.raises(type(e)):
            fn_ours()
        return
    try:
        check(fn_ours(), expected)
    except AssertionError as err:
        raise AssertionError(f"{ctx}: {err}") from None


@pytest.mark.parametrize("name", sorted(WINDOWS))
def test_windows(backend, name):
    fr, fo = getattr(real.signal.windows, name), getattr(ft.signal.windows, name)
    kw = WINDOWS[name]
    with unify.using_backend(backend):
        for M in (0, 1, 2, 3, 6, 17):
            for sym in (True, False):
                same(lambda: fr(M, sym=sym, **kw), lambda: fo(M, sym=sym, **kw),
                     f"{name}({M}, sym={sym})")
        same(lambda: fr(9, dtype=real.float64, **kw), lambda: fo(9, dtype=ft.float64, **kw),
             f"{name} float64")
        for dt in ("int64", "float16", "bfloat16"):
            same(lambda: fr(3, dtype=getattr(real, dt), **kw),
                 lambda: fo(3, dtype=getattr(ft, dt), **kw), f"{name} dtype={dt}")
        same(lambda: fr(-1, **kw), lambda: fo(-1, **kw), f"{name}(-1)")
        t = fo(4, requires_grad=True, **kw)
        assert t.requires_grad and t.dtype is ft.float32


def test_window_arguments(backend):
    W, F = real.signal.windows, ft.signal.windows
    with unify.using_backend(backend):
        for center in (None, 1.0, 3.5):
            same(lambda: W.exponential(7, center=center, tau=0.5, sym=False),
                 lambda: F.exponential(7, center=center, tau=0.5, sym=False), "center")
        same(lambda: W.exponential(5, center=1.0), lambda: F.exponential(5, center=1.0),
             "center of a symmetric window")
        for tau in (0.0, -1.0):
            same(lambda: W.exponential(5, tau=tau), lambda: F.exponential(5, tau=tau), "tau")
        for std in (0.0, -2.0, 0.3):
            same(lambda: W.gaussian(5, std=std), lambda: F.gaussian(5, std=std), "std")
        for beta in (-1.0, 0.0, 30.0):
            same(lambda: W.kaiser(6, beta=beta), lambda: F.kaiser(6, beta=beta), "beta")
        for a in (None, [], (1.0,), [0.5, 0.25, 0.125, 0.0625]):
            same(lambda: W.general_cosine(8, a=a), lambda: F.general_cosine(8, a=a), f"a={a}")
        same(lambda: W.general_hamming(6, alpha=1.0), lambda: F.general_hamming(6, alpha=1.0),
             "alpha")
        old = ft.get_default_dtype()
        try:
            real.set_default_dtype(real.float64)
            ft.set_default_dtype(ft.float64)
            same(lambda: W.hann(5), lambda: F.hann(5), "default dtype float64")
        finally:
            real.set_default_dtype(real.float32)
            ft.set_default_dtype(old)


def test_unsupported_names():
    with pytest.raises(AttributeError, match="torch.signal.windows.taylor"):
        ft.signal.windows.taylor
    assert hasattr(ft.signal, "windows") and hasattr(ft.signal.windows, "kaiser")
