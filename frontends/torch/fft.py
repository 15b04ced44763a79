"""torch.fft on the core's fft ops.

torch's dtype rules: integer and bool input computes in the default float dtype (its complex
counterpart for complex results); float32 gives complex64, float64 complex128. Half
precision raises as on torch's CPU.
"""
from __future__ import annotations

import builtins

from ... import core as C
from . import _dtype as T
from ._api import public as _public, unsupported as _unsupported
from ._convert import finish
from ._reduce import TYPE_NAME
from ._tensor import Tensor, _dim

__all__ = ["fft", "ifft", "fft2", "ifft2", "fftn", "ifftn", "rfft", "irfft", "rfft2", "irfft2",
           "rfftn", "irfftn", "hfft", "ihfft", "hfft2", "ihfft2", "hfftn", "ihfftn", "fftfreq",
           "rfftfreq", "fftshift", "ifftshift"]

_NORMS = {None: "backward", "backward": "backward", "forward": "forward", "ortho": "ortho"}


def _norm(norm):
    try:
        return _NORMS[norm]
    except (KeyError, TypeError):
        raise RuntimeError(f'Invalid normalization mode: "{norm}"') from None


def _value(name, input, kind):
    """input's native value in the dtype the transform computes in. kind: 'c' (complex
    input), 'r' (real input only), 'any' (real or complex as given)."""
    if not isinstance(input, Tensor):
        raise TypeError(f"{name}(): argument 'input' must be Tensor, not {type(input).__name__}")
    d = input.dtype
    v = input._value()
    if d in (T.float16, T.bfloat16):
        raise RuntimeError(f"Unsupported dtype {TYPE_NAME[d]}")
    if d.is_complex:
        if kind == "r":
            raise RuntimeError(f"{name} expects a real input tensor, but got {TYPE_NAME[d]}")
        return v
    if not d.is_floating_point:
        d = T.DEFAULT.float
        v = C.astype(v, d.core)
    if kind == "c":
        return C.astype(v, C.dtypes.complex_dtype(d.core))
    return v


def _n(n):
    if n is not None and n < 1:
        raise RuntimeError(f"Invalid number of data points ({n}) specified")
    return n


def _one(name, core_fn, kind):
    def f(input, n=None, dim=-1, norm=None, *, out=None):
        v = _value(name, input, kind)
        s = C.shape(v)
        if not s:
            raise IndexError(f"Dimension specified as {dim} but tensor has no dimensions")
        r = core_fn(v, n=_n(n), axis=_dim(dim, len(s)), norm=_norm(norm))
        return finish(r, C.dtype_of(r), out)
    f.__name__ = f.__qualname__ = name
    return f


fft = _one("fft", C.fft.fft, "any")
ifft = _one("ifft", C.fft.ifft, "any")
rfft = _one("rfft", C.fft.rfft, "r")
irfft = _one("irfft", C.fft.irfft, "c")
hfft = _one("hfft", C.fft.hfft, "c")
ihfft = _one("ihfft", C.fft.ihfft, "r")


def _shape_dims(v, s, dim, default_dim):
    """torch's (s, dim) rules -> (s with -1 resolved or None, axes)."""
    nd = len(C.shape(v))
    if dim is None and default_dim is not None:
        dim = default_dim
    if dim is not None:
        dims = [dim] if isinstance(dim, int) else list(dim)
        axes = [_dim(d, nd) for d in dims]
        if len(set(axes)) != len(axes):
            raise RuntimeError("FFT dims must be unique")
        if s is not None and len(s) != len(axes):
            raise RuntimeError("When given, dim and shape arguments must have the same length")
    elif s is not None:
        if len(s) > nd:
            raise RuntimeError(f"Got shape with {len(s)} values but input tensor only has {nd} "
                               f"dimensions.")
        axes = list(range(nd - len(s), nd))
    else:
        axes = list(range(nd))
    if s is not None:
        shape = C.shape(v)
        s = [shape[a] if n == -1 else _n(n) for a, n in zip(axes, s)]
    return s, axes


def _many(name, core_fn, kind, default_dim):
    def f(input, s=None, dim=default_dim, norm=None, *, out=None):
        v = _value(name, input, kind)
        ss, axes = _shape_dims(v, s, dim, None)
        if not axes:
            raise RuntimeError(f"{name} must transform at least one axis")
        r = core_fn(v, s=ss, axes=axes, norm=_norm(norm))
        return finish(r, C.dtype_of(r), out)
    f.__name__ = f.__qualname__ = name
    return f


_2D = (-2, -1)
fft2 = _many("fft2", C.fft.fftn, "any", _2D)
ifft2 = _many("ifft2", C.fft.ifftn, "any", _2D)
fftn = _many("fftn", C.fft.fftn, "any", None)
ifftn = _many("ifftn", C.fft.ifftn, "any", None)
rfft2 = _many("rfft2", C.fft.rfftn, "r", _2D)
irfft2 = _many("irfft2", C.fft.irfftn, "c", _2D)
rfftn = _many("rfftn", C.fft.rfftn, "r", None)
irfftn = _many("irfftn", C.fft.irfftn, "c", None)
hfft2 = _many("hfft2", C.fft.hfftn, "c", _2D)
ihfft2 = _many("ihfft2", C.fft.ihfftn, "r", _2D)
hfftn = _many("hfftn", C.fft.hfftn, "c", None)
ihfftn = _many("ihfftn", C.fft.ihfftn, "r", None)


def _freq(name, core_fn):
    def f(n, d=1.0, *, out=None, dtype=None, layout=None, device=None, requires_grad=False):
        dt = T.DEFAULT.float if dtype is None else T.as_dtype(dtype)
        if not (dt.is_floating_point or dt.is_complex):
            raise RuntimeError(f"{name} requires a floating point or complex dtype")
        r = core_fn(n, d=builtins.float(d), dtype=dt.core)
        if device is not None:
            from ._device import native_device

            nd = native_device(device)
            if nd is not None:
                r = C.to_device(r, nd)
        t = finish(r, dt.core, out)
        if requires_grad:
            t.requires_grad = True
        return t
    f.__name__ = f.__qualname__ = name
    return f


fftfreq = _freq("fftfreq", C.fft.fftfreq)
rfftfreq = _freq("rfftfreq", C.fft.rfftfreq)


def _shift(name, core_fn):
    def f(input, dim=None):
        v = input._value()
        nd = len(C.shape(v))
        if dim is None:
            axes = tuple(range(nd))
        else:
            axes = tuple(_dim(d, nd) for d in ([dim] if isinstance(dim, int) else dim))
        if not nd:
            return finish(C.copy(v), input.dtype.core, None)
        return finish(core_fn(v, axes=axes), input.dtype.core, None)
    f.__name__ = f.__qualname__ = name
    return f


fftshift = _shift("fftshift", C.fft.fftshift)
ifftshift = _shift("ifftshift", C.fft.ifftshift)

for _n_ in __all__:
    globals()[_n_] = _public(globals()[_n_], _n_)
del _n_


def __getattr__(name: str):
    raise _unsupported("torch.fft", name)
