"""numpy.fft on the current unify backend (NumPy 2 semantics: float32/complex64 and float16
input give complex64/float32 results, everything else complex128/float64). float16 input is
transformed in float32 with float32 normalization factors (NumPy rounds them to float16, so
the two agree to float16 precision)."""
from __future__ import annotations

import operator

from ... import core as C
from . import _dtypes as T
from ._math import _cast, _in, _ret, _shape
from ._ndarray import normalize_axis, wrap

__all__ = ["fft", "ifft", "rfft", "irfft", "hfft", "ihfft", "fft2", "ifft2", "rfft2", "irfft2",
           "fftn", "ifftn", "rfftn", "irfftn", "fftfreq", "rfftfreq", "fftshift", "ifftshift"]

_NORMS = (None, "backward", "ortho", "forward")


def _no_complex(d):
    return TypeError(f"ufunc 'rfft_n_even' did not contain a loop with signature matching types "
                     f"{d.name} -> complex")


def _prep(a, norm, real_only=False):
    if norm not in _NORMS:
        raise ValueError(f'Invalid norm value {norm}; should be "backward","ortho" or "forward".')
    v, d = _in(a)
    if d.kind == "c":
        return v, norm or "backward"
    w = T.F32 if d in (T.F16, T.F32) else T.F64
    return _cast(v, w), norm or "backward"


def _n(n):
    if n is None:
        return None
    n = operator.index(n)
    if n < 1:
        raise ValueError(f"Invalid number of FFT data points ({n}) specified.")
    return n


def _one(fn, a, n, axis, norm, out, real_only=False):
    v, nm = _prep(a, norm, real_only)
    cplx_in = real_only and C.dtype_of(v).kind == "c"
    if cplx_in:  # NumPy finds these errors before it refuses complex input
        _n(n)
        nd = len(C.shape(v))
        if not -nd <= operator.index(axis) < nd:
            raise IndexError("tuple index out of range")
        raise _no_complex(T.DTYPES[C.dtype_of(v)])
    ax = normalize_axis(axis, len(C.shape(v)))
    n = _n(n)
    if n is None and _shape(v)[ax] < 1:
        raise ValueError(f"Invalid number of FFT data points ({_shape(v)[ax]}) specified.")
    return _ret(fn(v, n=n, axis=ax, norm=nm), out, "same_kind")


def fft(a, n=None, axis=-1, norm=None, out=None):
    return _one(C.fft.fft, a, n, axis, norm, out)


def ifft(a, n=None, axis=-1, norm=None, out=None):
    return _one(C.fft.ifft, a, n, axis, norm, out)


def rfft(a, n=None, axis=-1, norm=None, out=None):
    return _one(C.fft.rfft, a, n, axis, norm, out, real_only=True)


def irfft(a, n=None, axis=-1, norm=None, out=None):
    v, nm = _prep(a, norm)
    ax = normalize_axis(axis, len(C.shape(v)))
    n = _n(n)
    if n is None and 2 * (_shape(v)[ax] - 1) < 1:
        raise ValueError(f"Invalid number of FFT data points ({2 * (_shape(v)[ax] - 1)}) specified.")
    return _ret(C.fft.irfft(v, n=n, axis=ax, norm=nm), out, "same_kind")


def hfft(a, n=None, axis=-1, norm=None, out=None):
    v, nm = _prep(a, norm)
    ax = normalize_axis(axis, len(C.shape(v)))
    n = _n(n)
    if n is None and 2 * (_shape(v)[ax] - 1) < 1:
        raise ValueError(f"Invalid number of FFT data points ({2 * (_shape(v)[ax] - 1)}) specified.")
    return _ret(C.fft.hfft(v, n=n, axis=ax, norm=nm), out, "same_kind")


def ihfft(a, n=None, axis=-1, norm=None, out=None):
    return _one(C.fft.ihfft, a, n, axis, norm, out, real_only=True)


def _axes_s(v, s, axes, default_all):
    nd = len(C.shape(v))
    if axes is None:
        if s is None:
            axes = tuple(range(nd)) if default_all else (-2, -1)
        else:
            axes = tuple(range(-len(s), 0))
    axes = tuple(normalize_axis(a, nd) for a in axes)
    if s is not None:
        s = tuple(operator.index(k) for k in s)
        if len(s) != len(axes):
            raise ValueError("Shape and axes have different lengths.")
        for k in s:
            if k < 1 and k != -1:
                raise ValueError(f"Invalid number of FFT data points ({k}) specified.")
    return s, axes


def _many(fn, a, s, axes, norm, out, default_all, real_only=False):
    v, nm = _prep(a, norm, real_only)
    if real_only and C.dtype_of(v).kind == "c":
        nd = len(C.shape(v))
        if s is not None and axes is not None and len(s) != len(axes):
            raise ValueError("Shape and axes have different lengths.")
        for ax in (axes or ()):
            if not -nd <= ax < nd:
                raise IndexError(f"index {ax} is out of bounds for axis 0 with size {nd}")
        raise _no_complex(T.DTYPES[C.dtype_of(v)])
    s, axes = _axes_s(v, s, axes, default_all)
    return _ret(fn(v, s=s, axes=axes, norm=nm), out, "same_kind")


def fftn(a, s=None, axes=None, norm=None, out=None):
    return _many(C.fft.fftn, a, s, axes, norm, out, True)


def ifftn(a, s=None, axes=None, norm=None, out=None):
    return _many(C.fft.ifftn, a, s, axes, norm, out, True)


def rfftn(a, s=None, axes=None, norm=None, out=None):
    return _many(C.fft.rfftn, a, s, axes, norm, out, True, real_only=True)


def irfftn(a, s=None, axes=None, norm=None, out=None):
    return _many(C.fft.irfftn, a, s, axes, norm, out, True)


def fft2(a, s=None, axes=(-2, -1), norm=None, out=None):
    return _many(C.fft.fftn, a, s, axes, norm, out, False)


def ifft2(a, s=None, axes=(-2, -1), norm=None, out=None):
    return _many(C.fft.ifftn, a, s, axes, norm, out, False)


def rfft2(a, s=None, axes=(-2, -1), norm=None, out=None):
    return _many(C.fft.rfftn, a, s, axes, norm, out, False, real_only=True)


def irfft2(a, s=None, axes=(-2, -1), norm=None, out=None):
    return _many(C.fft.irfftn, a, s, axes, norm, out, False)


def _freq_n(n):
    if not isinstance(n, int) or isinstance(n, bool):
        try:
            n = operator.index(n)
        except TypeError:
            raise ValueError("n should be an integer") from None
    return n


def fftfreq(n, d=1.0, device=None):
    n = _freq_n(n)
    return wrap(C.fft.fftfreq(n, d=float(d), dtype=C.float64), T.F64)


def rfftfreq(n, d=1.0, device=None):
    n = _freq_n(n)
    return wrap(C.fft.rfftfreq(n, d=float(d), dtype=C.float64), T.F64)


def fftshift(x, axes=None):
    v, d = _in(x)
    return wrap(C.fft.fftshift(v, axes=axes), d)


def ifftshift(x, axes=None):
    v, d = _in(x)
    return wrap(C.fft.ifftshift(v, axes=axes), d)
