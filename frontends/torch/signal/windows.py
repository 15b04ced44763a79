"""torch.signal.windows: window functions (the same definitions as scipy.signal.windows).

Computed in float64 with core ops, then cast to `dtype` (float32 or float64; the default
float dtype when None). `sym=False` gives the periodic window: the symmetric window of length
M + 1 without its last point. Bad arguments raise ValueError (TypeError for `a` that is not a
list or tuple) as torch does. `requires_grad=True` gives a leaf tensor (torch's result has a
grad_fn).
"""
from __future__ import annotations

import math

from .... import core as C
from .. import _dtype as T
from .._api import TorchValueError, public as _public, unsupported as _unsupported
from .._creation import strided as _strided
from .._tensor import wrap

__all__ = ["bartlett", "blackman", "cosine", "exponential", "gaussian", "general_cosine",
           "general_hamming", "hamming", "hann", "kaiser", "nuttall"]

_F64 = C.float64
_NUTTALL = (0.3635819, 0.4891775, 0.1365995, 0.0106411)


def _check(name, M, dtype, layout):
    """torch's common window checks; returns the torch dtype of the result."""
    if M < 0:
        raise TorchValueError(f"{name} requires non-negative window length, got M={M}")
    if layout is not None and layout != _strided:
        raise TorchValueError(f"{name} is implemented for strided tensors only, got: {layout}")
    dt = T.DEFAULT.float if dtype is None else T.as_dtype(dtype)
    if dt not in (T.float32, T.float64):
        raise TorchValueError(f"{name} expects float32 or float64 dtypes, got: {dt}")
    return dt


def _window(M, sym, dt, requires_grad, body):
    """body(n, N): the symmetric window of length N (>= 2) at positions n (float64)."""
    M = int(M)
    if M <= 1:
        v = C.ones((M,), dtype=dt.core)
    else:
        N = M if sym else M + 1
        v = C.astype(body(C.arange(0, M, dtype=_F64), N), dt.core)
    t = wrap(v, dt)
    if requires_grad:
        t.requires_grad = True
    return t


def _cosine_sum(a):
    def body(n, N):
        phase = C.multiply(n, 2.0 * math.pi / (N - 1))
        w = C.zeros_like(n)
        for k, ak in enumerate(a):
            w = C.add(w, C.multiply(C.cos(C.multiply(phase, float(k))), (-1.0) ** k * ak))
        return w
    return body


def general_cosine(M, *, a, sym=True, dtype=None, layout=_strided, device=None,
                   requires_grad=False):
    if not isinstance(a, (list, tuple)):
        raise TypeError(f"Coefficients must be a list/tuple, got: {type(a)}")
    if not a:
        raise TorchValueError("Coefficients cannot be empty")
    dt = _check("general_cosine", M, dtype, layout)
    return _window(M, sym, dt, requires_grad, _cosine_sum([float(x) for x in a]))


def general_hamming(M, *, alpha=0.54, sym=True, dtype=None, layout=_strided, device=None,
                    requires_grad=False):
    dt = _check("general_hamming", M, dtype, layout)
    return _window(M, sym, dt, requires_grad, _cosine_sum([alpha, 1.0 - alpha]))


def hamming(M, *, sym=True, dtype=None, layout=_strided, device=None, requires_grad=False):
    dt = _check("hamming", M, dtype, layout)
    return _window(M, sym, dt, requires_grad, _cosine_sum([0.54, 0.46]))


def hann(M, *, sym=True, dtype=None, layout=_strided, device=None, requires_grad=False):
    dt = _check("hann", M, dtype, layout)
    return _window(M, sym, dt, requires_grad, _cosine_sum([0.5, 0.5]))


def blackman(M, *, sym=True, dtype=None, layout=_strided, device=None, requires_grad=False):
    dt = _check("blackman", M, dtype, layout)
    return _window(M, sym, dt, requires_grad, _cosine_sum([0.42, 0.5, 0.08]))


def nuttall(M, *, sym=True, dtype=None, layout=_strided, device=None, requires_grad=False):
    dt = _check("nuttall", M, dtype, layout)
    return _window(M, sym, dt, requires_grad, _cosine_sum(_NUTTALL))


def bartlett(M, *, sym=True, dtype=None, layout=_strided, device=None, requires_grad=False):
    dt = _check("bartlett", M, dtype, layout)

    def body(n, N):
        return C.subtract(1.0, C.abs(C.subtract(C.multiply(n, 2.0 / (N - 1)), 1.0)))
    return _window(M, sym, dt, requires_grad, body)


def cosine(M, *, sym=True, dtype=None, layout=_strided, device=None, requires_grad=False):
    dt = _check("cosine", M, dtype, layout)

    def body(n, N):
        return C.sin(C.multiply(C.add(n, 0.5), math.pi / N))
    return _window(M, sym, dt, requires_grad, body)


def exponential(M, *, center=None, tau=1.0, sym=True, dtype=None, layout=_strided, device=None,
                requires_grad=False):
    dt = _check("exponential", M, dtype, layout)
    if tau <= 0:
        raise TorchValueError(f"Tau must be positive, got: {tau} instead.")
    if sym and center is not None:
        raise TorchValueError("Center must be None for symmetric windows")

    def body(n, N):
        c = (N - 1) / 2 if center is None else float(center)
        return C.exp(C.divide(C.abs(C.subtract(n, c)), -float(tau)))
    return _window(M, sym, dt, requires_grad, body)


def gaussian(M, *, std=1.0, sym=True, dtype=None, layout=_strided, device=None,
             requires_grad=False):
    dt = _check("gaussian", M, dtype, layout)
    if std <= 0:
        raise TorchValueError(f"Standard deviation must be positive, got: {std} instead.")

    def body(n, N):
        z = C.divide(C.subtract(n, (N - 1) / 2), float(std))
        return C.exp(C.multiply(C.multiply(z, z), -0.5))
    return _window(M, sym, dt, requires_grad, body)


def kaiser(M, *, beta=12.0, sym=True, dtype=None, layout=_strided, device=None,
           requires_grad=False):
    dt = _check("kaiser", M, dtype, layout)
    if beta < 0:
        raise TorchValueError(f"beta must be non-negative, got: {beta} instead.")

    def body(n, N):
        half = (N - 1) / 2
        r = C.divide(C.subtract(n, half), half)
        arg = C.multiply(C.sqrt(C.clip(C.subtract(1.0, C.multiply(r, r)), 0.0, None)), float(beta))
        return C.divide(C.i0(arg), float(C.to_numpy(C.i0(C.asarray(float(beta), dtype=_F64)))))
    return _window(M, sym, dt, requires_grad, body)


for _n in __all__:
    globals()[_n] = _public(globals()[_n], _n)


def __getattr__(name: str):
    raise _unsupported("torch.signal.windows", name)
