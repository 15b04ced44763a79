"""The Array API fft extension (plus fft2/ifft2/rfft2/irfft2 and hfftn/ihfftn).

NumPy 2 semantics: float32/complex64 inputs give complex64/float32 results,
float64/complex128 (and integer) inputs complex128/float64. `n`/`s` pad with
zeros or crop the input along the transformed axes before the transform; an
`s` entry of -1 keeps the input's length (for the last axis of the inverse
real transforms: 2*(m-1)). `s` without `axes` transforms the last len(s) axes.
norm is 'backward' (default), 'ortho' or 'forward'.

Gradients: every transform is linear, so its vjp is the adjoint transform
(the inverse transform with the opposite norm, fitted back to the input's
length); rfft/irfft add the Hermitian-half bookkeeping.
"""
from numpy.exceptions import AxisError as _AxisError

from .. import dtypes as _D
from ._define import defvjp, family, nondiff, unbroadcast  # noqa: F401

__all__: list[str] = []
op = family(__name__, __all__)

_NORMS = ("backward", "ortho", "forward")
_SWAP = {"backward": "forward", "forward": "backward", "ortho": "ortho", None: "forward"}


def _swap(norm):
    try:
        return _SWAP[norm]
    except (KeyError, TypeError):
        raise ValueError(f"invalid norm {norm!r}; one of {_NORMS}") from None


def _check_norm(norm):
    """'backward' for None, else the norm itself; ValueError for anything else."""
    if norm is None:
        return "backward"
    if norm not in _NORMS:
        raise ValueError(f"invalid norm {norm!r}; one of {_NORMS}")
    return norm


def _axis(a, ndim):
    if not isinstance(a, int) or isinstance(a, bool):
        raise TypeError(f"fft axes must be integers, got {a!r}")
    if not -ndim <= a < ndim:
        raise _AxisError(a, ndim)
    return a % ndim


def _size(v, name="n"):
    if not isinstance(v, int) or isinstance(v, bool):
        raise TypeError(f"fft {name} must be an integer, got {v!r}")
    if v < 1:
        raise ValueError(f"Invalid number of FFT data points ({v}) specified.")
    return v


def _one(shape, n, axis, c2r=False):
    """(axis, n) normalized for a 1-D transform of an array of `shape`.

    `c2r`: the inverse real transforms, whose default length is 2*(m-1).
    """
    ax = _axis(axis, len(shape))
    if n is None:
        n = 2 * (shape[ax] - 1) if c2r else shape[ax]
    return ax, _size(n)


def _many(shape, s, axes, c2r=False):
    """(axes, sizes) normalized for an n-D transform of an array of `shape`."""
    nd = len(shape)
    if axes is None:
        axes = tuple(range(nd)) if s is None else tuple(range(nd - len(s), nd))
        if s is not None and len(s) > nd:
            raise ValueError(f"s has {len(s)} entries for an array of {nd} dimensions")
    elif isinstance(axes, int):
        axes = (axes,)
    axes = tuple(_axis(a, nd) for a in axes)
    if s is None:
        s = (-1,) * len(axes)
    elif isinstance(s, int):
        s = (s,)
    if len(s) != len(axes):
        raise ValueError(f"s and axes must have the same length, got {len(s)} and {len(axes)}")
    sizes = []
    for i, (a, v) in enumerate(zip(axes, s)):
        if v is None or v == -1:
            v = 2 * (shape[a] - 1) if c2r and i == len(axes) - 1 else shape[a]
        sizes.append(_size(v, "s"))
    return axes, tuple(sizes)


# ---------------------------------------------------------------- ops

fft = op("fft.fft(x, /, *, n=None, axis=-1, norm='backward')", doc="1-D discrete Fourier transform.")
ifft = op("fft.ifft(x, /, *, n=None, axis=-1, norm='backward')", doc="1-D inverse discrete Fourier transform.")
fftn = op("fft.fftn(x, /, *, s=None, axes=None, norm='backward')", doc="n-D discrete Fourier transform.")
ifftn = op("fft.ifftn(x, /, *, s=None, axes=None, norm='backward')", doc="n-D inverse discrete Fourier transform.")
rfft = op("fft.rfft(x, /, *, n=None, axis=-1, norm='backward')",
          doc="1-D transform of a real signal: n//2+1 complex outputs. Complex input is a TypeError.")
irfft = op("fft.irfft(x, /, *, n=None, axis=-1, norm='backward')",
           doc="Inverse of rfft: a real signal of length n (default 2*(m-1)). The imaginary parts "
               "of the zero-frequency (and, for even n, the Nyquist) terms are ignored.")
rfftn = op("fft.rfftn(x, /, *, s=None, axes=None, norm='backward')",
           doc="n-D transform of a real signal; the last transformed axis is halved (s[-1]//2+1).")
irfftn = op("fft.irfftn(x, /, *, s=None, axes=None, norm='backward')",
            doc="Inverse of rfftn; the last axis defaults to 2*(m-1).")


def _hfft(x, n, axis, norm):
    from .elementwise import conj
    return irfft(conj(x), n=n, axis=axis, norm=_swap(norm))


def _ihfft(x, n, axis, norm):
    from .elementwise import conj
    return conj(rfft(x, n=n, axis=axis, norm=_swap(norm)))


def _hfftn(x, s, axes, norm):
    from .elementwise import conj
    return irfftn(conj(x), s=s, axes=axes, norm=_swap(norm))


def _ihfftn(x, s, axes, norm):
    from .elementwise import conj
    return conj(rfftn(x, s=s, axes=axes, norm=_swap(norm)))


hfft = op("fft.hfft(x, /, *, n=None, axis=-1, norm='backward')", _hfft,
          doc="Transform of a Hermitian-symmetric signal given by its first half: a real "
              "spectrum of length n (default 2*(m-1)).")
ihfft = op("fft.ihfft(x, /, *, n=None, axis=-1, norm='backward')", _ihfft,
           doc="Inverse of hfft: n//2+1 complex outputs of a real signal.")
hfftn = op("fft.hfftn(x, /, *, s=None, axes=None, norm='backward')", _hfftn,
           doc="n-D hfft (as scipy.fft.hfftn / torch.fft.hfftn); not in NumPy or the Array API.")
ihfftn = op("fft.ihfftn(x, /, *, s=None, axes=None, norm='backward')", _ihfftn,
            doc="n-D ihfft (as scipy.fft.ihfftn / torch.fft.ihfftn); not in NumPy or the Array API.")


def _fft2(x, s, axes, norm):
    return fftn(x, s=s, axes=axes, norm=norm)


def _ifft2(x, s, axes, norm):
    return ifftn(x, s=s, axes=axes, norm=norm)


def _rfft2(x, s, axes, norm):
    return rfftn(x, s=s, axes=axes, norm=norm)


def _irfft2(x, s, axes, norm):
    return irfftn(x, s=s, axes=axes, norm=norm)


fft2 = op("fft.fft2(x, /, *, s=None, axes=(-2, -1), norm='backward')", _fft2, doc="fftn over two axes.")
ifft2 = op("fft.ifft2(x, /, *, s=None, axes=(-2, -1), norm='backward')", _ifft2, doc="ifftn over two axes.")
rfft2 = op("fft.rfft2(x, /, *, s=None, axes=(-2, -1), norm='backward')", _rfft2, doc="rfftn over two axes.")
irfft2 = op("fft.irfft2(x, /, *, s=None, axes=(-2, -1), norm='backward')", _irfft2, doc="irfftn over two axes.")


def _freq_dtype(dtype):
    if dtype is not None and dtype.kind != "f":
        raise TypeError(f"fftfreq: dtype must be a real floating dtype, got {dtype!r}")


def _scaled(k, n, d, dtype):
    from .elementwise import multiply
    from .manipulation import astype
    out = multiply(astype(k, _D.float64), 1.0 / (n * d))
    return out if dtype is None or dtype is _D.float64 else astype(out, dtype)


def _fftfreq(n, d, dtype, device):
    from .creation import arange
    from .manipulation import concat
    _freq_dtype(dtype)
    n = _size(n)
    k = concat((arange(0, (n - 1) // 2 + 1, dtype=_D.int64, device=device),
                arange(-(n // 2), 0, dtype=_D.int64, device=device)))
    return _scaled(k, n, d, dtype)


def _rfftfreq(n, d, dtype, device):
    from .creation import arange
    _freq_dtype(dtype)
    n = _size(n)
    return _scaled(arange(0, n // 2 + 1, dtype=_D.int64, device=device), n, d, dtype)


fftfreq = op("fft.fftfreq(n, /, *, d=1.0, dtype=None, device=None)", _fftfreq,
             doc="Sample frequencies [0, 1, ..., -(n//2), ..., -1] / (d*n); default dtype float64.")
rfftfreq = op("fft.rfftfreq(n, /, *, d=1.0, dtype=None, device=None)", _rfftfreq,
              doc="Sample frequencies [0, 1, ..., n//2] / (d*n); default dtype float64.")

fftshift = op("fft.fftshift(x, /, *, axes=None)", doc="Move the zero frequency to the centre (all axes by default).")
ifftshift = op("fft.ifftshift(x, /, *, axes=None)", doc="Inverse of fftshift.")

# ---------------------------------------------------------------- gradient rules


def _is_complex(x):
    from .inspection import dtype_of
    return dtype_of(x).kind == "c"


def _real(z):
    from .elementwise import real
    return real(z)


def _fit(g, axis, m):
    """Crop or zero-pad `g` along `axis` to length m (the adjoint of the forward fit)."""
    from .creation import zeros_like
    from .indexing import getitem
    from .inspection import shape
    from .manipulation import broadcast_to, concat
    sh = shape(g)
    n = sh[axis]
    if n > m:
        return getitem(g, (slice(None),) * axis + (slice(0, m),))
    if n < m:  # zeros shaped from a slice of g: same dtype and device, and jit-traceable
        z = zeros_like(getitem(g, (slice(None),) * axis + (slice(0, 1),)))
        pad = broadcast_to(z, sh[:axis] + (m - n,) + sh[axis + 1:])
        return concat((g, pad), axis=axis)
    return g


def _fit_all(g, axes, shape_x):
    for a in axes:
        g = _fit(g, a, shape_x[a])
    return g


def _finish(gx, x):
    return gx if _is_complex(x) else _real(gx)


def _hermitian_weights(G, axis, n):
    """G (n//2+1 entries along axis) times 1, 2, ..., 2, (1 if n even else 2)."""
    from .elementwise import multiply
    from .indexing import getitem
    from .manipulation import concat
    h = n // 2 + 1
    if h == 1:
        return G
    pre = (slice(None),) * axis
    end = h - 1 if n % 2 == 0 else h  # the Nyquist term of even n appears once
    parts = [getitem(G, pre + (slice(0, 1),))]
    if end > 1:
        parts.append(multiply(getitem(G, pre + (slice(1, end),)), 2))
    if end < h:
        parts.append(getitem(G, pre + (slice(end, h),)))
    return concat(tuple(parts), axis=axis)


def _fft_vjp(g, out, x, n, axis, norm):
    from .inspection import shape
    sx = shape(x)
    ax, _ = _one(sx, n, axis)
    gx = ifft(g, axis=ax, norm=_swap(norm))
    return _finish(_fit(gx, ax, sx[ax]), x), None, None, None


def _ifft_vjp(g, out, x, n, axis, norm):
    from .inspection import shape
    sx = shape(x)
    ax, _ = _one(sx, n, axis)
    gx = fft(g, axis=ax, norm=_swap(norm))
    return _finish(_fit(gx, ax, sx[ax]), x), None, None, None


def _fftn_vjp(g, out, x, s, axes, norm):
    from .inspection import shape
    sx = shape(x)
    axes, _ = _many(sx, s, axes)
    gx = ifftn(g, axes=axes, norm=_swap(norm))
    return _finish(_fit_all(gx, axes, sx), x), None, None, None


def _ifftn_vjp(g, out, x, s, axes, norm):
    from .inspection import shape
    sx = shape(x)
    axes, _ = _many(sx, s, axes)
    gx = fftn(g, axes=axes, norm=_swap(norm))
    return _finish(_fit_all(gx, axes, sx), x), None, None, None


def _rfft_vjp(g, out, x, n, axis, norm):
    from .inspection import shape
    sx = shape(x)
    ax, nn = _one(sx, n, axis)
    gx = ifft(_fit(g, ax, nn), axis=ax, norm=_swap(norm))
    return _real(_fit(gx, ax, sx[ax])), None, None, None


def _irfft_vjp(g, out, x, n, axis, norm):
    from .inspection import shape
    sx = shape(x)
    ax, nn = _one(sx, n, axis, c2r=True)
    G = _hermitian_weights(rfft(g, axis=ax, norm=_swap(norm)), ax, nn)
    return _finish(_fit(G, ax, sx[ax]), x), None, None, None


def _rfftn_vjp(g, out, x, s, axes, norm):
    from .inspection import shape
    sx = shape(x)
    axes, sizes = _many(sx, s, axes)
    G = _fit(g, axes[-1], sizes[-1])
    gx = ifftn(G, axes=axes, norm=_swap(norm))
    return _real(_fit_all(gx, axes, sx)), None, None, None


def _irfftn_vjp(g, out, x, s, axes, norm):
    from .inspection import shape
    sx = shape(x)
    axes, sizes = _many(sx, s, axes, c2r=True)
    G = _hermitian_weights(rfftn(g, axes=axes, norm=_swap(norm)), axes[-1], sizes[-1])
    return _finish(_fit_all(G, axes, sx), x), None, None, None


defvjp("fft.fft", _fft_vjp)
defvjp("fft.ifft", _ifft_vjp)
defvjp("fft.fftn", _fftn_vjp)
defvjp("fft.ifftn", _ifftn_vjp)
defvjp("fft.rfft", _rfft_vjp)
defvjp("fft.irfft", _irfft_vjp)
defvjp("fft.rfftn", _rfftn_vjp)
defvjp("fft.irfftn", _irfftn_vjp)
defvjp("fft.fftshift", lambda g, out, x, axes: (ifftshift(g, axes=axes), None))
defvjp("fft.ifftshift", lambda g, out, x, axes: (fftshift(g, axes=axes), None))
