"""Assorted torch functions that fit no larger family: rsub, fill, isin, unravel_index,
gradient, renorm, histogramdd, stft, hash_tensor, unsafe_split/unsafe_chunk, resize_as_, the
Householder-form QR pair geqrf/ormqr, and svd_lowrank/pca_lowrank.

What differs from torch:
  * svd_lowrank / pca_lowrank return the exact truncated SVD (torch's randomized algorithm
    converges to it; its output is random, so only shapes and dtypes can be compared).
"""
from __future__ import annotations

import builtins
import math
import operator

from ... import core as C
from . import _dtype as T
from . import _views as V
from ._api import TorchValueError
from ._convert import finish, result_dtype
from ._reduce import TYPE_NAME, axes as _axes, finish_tuple, ret
from ._tensor import Tensor, _dim, wrap

__all__ = ["rsub", "fill", "isin", "unravel_index", "gradient", "renorm", "histogramdd",
           "stft", "hash_tensor", "unsafe_split", "unsafe_chunk", "resize_as_", "geqrf",
           "ormqr", "svd_lowrank", "pca_lowrank", "conj", "zero_", "is_conj", "is_neg",
           "resolve_conj", "resolve_neg"]


def conj(input):
    """torch.conj (a copy here: the frontend has no lazy conjugate bit)."""
    return input.conj()


def zero_(input):
    return input.zero_()


def is_conj(input):
    return False


def is_neg(input):
    return False


def resolve_conj(input):
    return input


def resolve_neg(input):
    return input

R_HISTDD = ret("histogramdd", "hist bin_edges")
R_GEQRF = ret("geqrf", "a tau")
_I64 = C.int64
_int, _float = builtins.int, builtins.float


def _need_tensor(fname, name, pos, x):
    if not isinstance(x, Tensor):
        raise TypeError(f"{fname}(): argument '{name}' (position {pos}) must be Tensor, not "
                        f"{type(x).__name__}")


# ------------------------------------------------------------------ small pointwise helpers

def rsub(input, other, alpha=1):
    """other - alpha * input."""
    from ._pointwise import sub

    _need_tensor("rsub", "input", 1, input)
    return sub(other, input, alpha=alpha)


def fill_value(input, value):
    """`value` as a native 0-d array of input's dtype (torch's casts and overflow errors)."""
    if isinstance(value, Tensor):
        if value.ndim:
            raise RuntimeError(f"fill_ only supports 0-dimension value tensor but got tensor with "
                               f"{value.ndim} dimensions.")
        v = value._value()
        return v if value.dtype is input.dtype else C.astype(v, input.dtype.core)
    return V.scalar_value(value, input.dtype)


def fill(input, value):
    """A new tensor of input's shape and dtype filled with value."""
    v = fill_value(input, value)
    return wrap(C.copy(C.broadcast_to(v, C.shape(input._value()))), input.dtype)


def isin(elements, test_elements, *, assume_unique=False, invert=False, out=None):
    if not isinstance(elements, Tensor) and not isinstance(test_elements, Tensor):
        raise TypeError("isin() received an invalid combination of arguments: expected a Tensor "
                        "for elements or test_elements")
    for x in (elements, test_elements):
        d = x.dtype if isinstance(x, Tensor) else T.FROM_CORE[T.scalar_dtype(x)]
        if d is T.bool or d.is_complex:
            raise RuntimeError(f"Unsupported input type encountered for isin(): {TYPE_NAME[d]}")
    dt = result_dtype(elements, test_elements)
    a = elements._value() if isinstance(elements, Tensor) else C.asarray(elements)
    b = test_elements._value() if isinstance(test_elements, Tensor) else C.asarray(test_elements)
    a, b = C.astype(a, dt), C.astype(b, dt)
    return finish(C.isin(a, b, invert=builtins.bool(invert)), C.bool, out)


def unravel_index(indices, shape):
    """The coordinates of flat indices in an array of `shape` (floor division and modulo, as
    torch: an index out of range wraps)."""
    _need_tensor("unravel_index", "indices", 1, indices)
    d = indices.dtype
    if d.is_floating_point or d.is_complex or d is T.bool:
        raise TypeError(f"expected 'indices' to be integer dtype, but got {d}")
    if isinstance(shape, Tensor) or hasattr(shape, "__index__"):
        shape = (operator.index(shape),)
    try:
        shape = tuple(operator.index(n) for n in shape)
    except TypeError:
        raise TypeError(f"expected 'shape' to be int or sequence of ints, but got {shape!r}") \
            from None
    if builtins.any(n < 0 for n in shape):
        raise TorchValueError(f"'shape' cannot have negative values, but got {shape}")
    coefs, acc = [], 1
    for n in reversed(shape):
        coefs.append(acc)
        acc *= n
    coefs.reverse()
    if builtins.any(c >= 1 << 63 for c in coefs):
        raise RuntimeError("Overflow when unpacking long")
    v = C.astype(indices._value(), _I64)
    if 0 in shape and indices.numel():
        raise RuntimeError("ZeroDivisionError")
    out = []
    for c, n in zip(coefs, shape):
        q = C.floor_divide(v, C.asarray(c, dtype=_I64)) if c != 1 else v
        out.append(wrap(C.remainder(q, C.asarray(n, dtype=_I64)) if n else q, T.int64))
    return tuple(out)


# ------------------------------------------------------------------ gradient / renorm

def _sl(v, ax, start, stop=None):
    return C.getitem(v, (slice(None),) * ax + (slice(start, stop),))


def _float_of(v):
    """v in floating point (integers and bool as the default float dtype)."""
    return v if C.dtype_of(v).kind in "fc" else C.astype(v, T.DEFAULT.float.core)


def _gradient_uniform(f, ax, h, edge_order):
    f = _float_of(f)
    dt = C.dtype_of(f)
    h = C.asarray(h, dtype=C.dtypes.real_dtype(dt) if dt.kind == "c" else dt)
    center = C.divide(C.divide(C.subtract(_sl(f, ax, 2), _sl(f, ax, 0, -2)), h), 2)
    if edge_order == 1:
        first = C.divide(C.subtract(_sl(f, ax, 1, 2), _sl(f, ax, 0, 1)), h)
        last = C.divide(C.subtract(_sl(f, ax, -1), _sl(f, ax, -2, -1)), h)
    else:
        first = C.divide(C.subtract(C.add(C.multiply(_sl(f, ax, 0, 1), -1.5),
                                          C.multiply(_sl(f, ax, 1, 2), 2.0)),
                                    C.multiply(_sl(f, ax, 2, 3), 0.5)), h)
        last = C.divide(C.add(C.add(C.multiply(_sl(f, ax, -3, -2), 0.5),
                                    C.multiply(_sl(f, ax, -2, -1), -2.0)),
                              C.multiply(_sl(f, ax, -1), 1.5)), h)
    return C.concat([first, center, last], axis=ax)


def _gradient_coords(f, ax, x, edge_order):
    """Second-order accurate central differences on the (non-uniform) coordinates x."""
    f, x = _float_of(f), _float_of(x)
    nd = len(C.shape(f))
    dx = C.diff(x)
    dx1, dx2 = C.getitem(dx, slice(0, -1)), C.getitem(dx, slice(1, None))
    shape = tuple(-1 if i == ax else 1 for i in range(nd))

    def col(w):
        return C.reshape(w, shape)

    s12 = C.add(dx1, dx2)
    a = col(C.divide(C.negative(dx2), C.multiply(dx1, s12)))
    b = col(C.divide(C.subtract(dx2, dx1), C.multiply(dx1, dx2)))
    c = col(C.divide(dx1, C.multiply(dx2, s12)))
    center = C.add(C.add(C.multiply(a, _sl(f, ax, 0, -2)), C.multiply(b, _sl(f, ax, 1, -1))),
                   C.multiply(c, _sl(f, ax, 2)))
    d0, d1 = C.getitem(dx, 0), C.getitem(dx, 1) if C.shape(dx)[0] > 1 else None
    dl, dm = C.getitem(dx, -1), C.getitem(dx, -2) if C.shape(dx)[0] > 1 else None
    if edge_order == 1:
        first = C.divide(C.subtract(_sl(f, ax, 1, 2), _sl(f, ax, 0, 1)), d0)
        last = C.divide(C.subtract(_sl(f, ax, -1), _sl(f, ax, -2, -1)), dl)
    else:
        s01, slm = C.add(d0, d1), C.add(dl, dm)
        a = C.divide(C.negative(C.add(C.multiply(d0, 2.0), d1)), C.multiply(d0, s01))
        b = C.divide(s01, C.multiply(d0, d1))
        c = C.divide(C.negative(d0), C.multiply(d1, s01))
        first = C.add(C.add(C.multiply(a, _sl(f, ax, 0, 1)), C.multiply(b, _sl(f, ax, 1, 2))),
                      C.multiply(c, _sl(f, ax, 2, 3)))
        a = C.divide(dl, C.multiply(dm, slm))
        b = C.divide(C.negative(slm), C.multiply(dl, dm))
        c = C.divide(C.add(C.multiply(dl, 2.0), dm), C.multiply(dl, slm))
        last = C.add(C.add(C.multiply(a, _sl(f, ax, -3, -2)), C.multiply(b, _sl(f, ax, -2, -1))),
                     C.multiply(c, _sl(f, ax, -1)))
    return C.concat([first, center, last], axis=ax)


def gradient(input, *, spacing=1, dim=None, edge_order=1):
    """Central differences along each dim (one-sided at the edges), as numpy.gradient."""
    v = input._value()
    nd = len(C.shape(v))
    if spacing is None:
        spacing = 1
    listed = isinstance(spacing, (list, tuple))
    if listed:
        n = len(spacing)
        if dim is None and n != 1 and n != nd or dim is None and n == 1 and nd != 1:
            raise RuntimeError(f"torch.gradient expected spacing to be unspecified, a scalar, or "
                               f"a list of length equal to 'self.dim() = {nd}', since dim argument "
                               f"was not given, but got a list of length {n}")
        if dim is not None:
            nd_dim = 1 if isinstance(dim, _int) else len(dim)
            if n != nd_dim:
                raise RuntimeError(f"torch.gradient expected spacing to be unspecified, a scalar "
                                   f"or it's spacing and dim arguments to have the same length, "
                                   f"but got a spacing argument of length {n} and a dim argument "
                                   f"of length {nd_dim}.")
    if edge_order not in (1, 2):
        raise RuntimeError("torch.gradient only supports edge_order=1 and edge_order=2.")
    if dim is None:
        dims = tuple(range(nd))
    elif isinstance(dim, (list, tuple)):
        dims = tuple(_dim(d, nd) for d in dim)
        if len(set(dims)) != len(dims):
            seen = [d for d in dims if dims.count(d) > 1][0]
            raise RuntimeError(f"dim {seen} appears multiple times in the list of dims")
    else:
        dims = (_dim(dim, nd),)
    shape = C.shape(v)
    for d in dims:
        if shape[d] < edge_order + 1:
            raise RuntimeError("torch.gradient expected each dimension size to be at least "
                               "edge_order+1")
    steps = list(spacing) if listed else [spacing] * len(dims)
    if isinstance(spacing, Tensor) and spacing.ndim == 0:
        steps = [spacing.item()] * len(dims)
    out = []
    for d, h in zip(dims, steps):
        if isinstance(h, Tensor):
            if h.ndim != 1:
                raise RuntimeError(f"torch.gradient expected each element of spacing to have one "
                                   f"dimension, but got an element with {h.ndim} dimensions!")
            r = _gradient_coords(v, d, h._value(), edge_order)
        else:
            r = _gradient_uniform(v, d, h, edge_order)
        out.append(wrap(r))
    return tuple(out)


def renorm(input, p, dim, maxnorm):
    """Each slice along dim whose p-norm exceeds maxnorm is scaled to norm maxnorm."""
    from .linalg import _float

    nd = input.ndim
    if nd < 2:
        raise RuntimeError(f"renorm: input needs at least 2 dimensions, got {nd} dimensions")
    if not p > 0:
        raise RuntimeError("renorm: non-positive-norm not supported")
    if maxnorm < 0:
        raise RuntimeError(f"renorm: expected maxnorm to be >= 0 but got {maxnorm}")
    d = _dim(operator.index(dim), nd)
    v = _float("linalg.vector_norm", input, lowp="ok")
    rd = C.dtypes.real_dtype(C.dtype_of(v)) if C.dtype_of(v).kind == "c" else C.dtype_of(v)
    others = tuple(i for i in range(nd) if i != d)
    norm = C.astype(C.linalg.vector_norm(v, axis=others, keepdims=True, ord=p), rd)
    mx = C.asarray(maxnorm, dtype=rd)
    factor = C.where(C.greater(norm, mx), C.divide(mx, C.add(norm, C.asarray(1e-7, dtype=rd))),
                     C.ones((), dtype=rd))
    return wrap(C.multiply(v, factor), input.dtype)


# ------------------------------------------------------------------ histogramdd

def _edges_of(name, x, d, nb, lo_hi):
    """The nb + 1 edges of dim d: equal bins over lo_hi, else over the data's range."""
    if nb <= 0:
        raise RuntimeError(f"torch.histogram(): bins must be > 0, but got {nb} for dimension {d}")
    dc = C.dtype_of(x)
    if lo_hi is not None:
        lo, hi = lo_hi
        if lo > hi:
            raise RuntimeError(f"{name}: min should not exceed max, but got min {lo} max {hi} for "
                               f"dimension {d}")
    elif C.shape(x)[0]:
        col = C.getitem(x, (slice(None), d))
        lo, hi = _float(C.to_numpy(C.min(col))), _float(C.to_numpy(C.max(col)))
    else:  # torch: [0, 1] for no data
        lo, hi = 0.0, 1.0
    if lo == hi:
        lo, hi = lo - 0.5, hi + 0.5
    return C.linspace(lo, hi, nb + 1, dtype=dc)


def histogramdd(input, bins, *, range=None, weight=None, density=False):  # noqa: A002
    """A histogram of the rows of input (points in input.shape[-1] dimensions)."""
    name = "torch.histogramdd"
    d = input.dtype
    if not d.is_floating_point:
        raise NotImplementedError(f"\"histogramdd\" not implemented for '{TYPE_NAME[d]}'")
    v = input._value()
    s = C.shape(v)
    if len(s) < 2:
        raise RuntimeError(f"{name}: input tensor should have at least 2 dimensions")
    nd = s[-1]
    x = C.reshape(v, (-1, nd))
    n = C.shape(x)[0]
    if isinstance(bins, (list, tuple)):
        bins = list(bins)
        if len(bins) != nd:
            raise RuntimeError("histogramdd: The size of bins must be equal to the innermost "
                               "dimension of the input.")
    else:
        bins = [operator.index(bins)] * nd
    if range is not None:
        range = [_float(r) for r in range]  # noqa: A001
        if len(range) != 2 * nd:
            raise RuntimeError(f"{name}: for a {nd}-dimensional histogram, range should have "
                               f"{2 * nd} elements, but got {len(range)}")
    if weight is not None and tuple(weight.shape) != s[:-1]:
        raise RuntimeError(f"{name}: if weight tensor is provided it should have the same shape "
                           f"as the input tensor excluding its innermost dimension, but got input "
                           f"with shape {list(s)} and weight with shape {list(weight.shape)}")
    edges = []
    for i, b in enumerate(bins):
        if isinstance(b, Tensor):
            if b.dtype is not d:
                raise RuntimeError(f"{name}: input tensor and bins tensors should have the same "
                                   f"dtype, but got input {d} and bins {b.dtype}")
            if b.ndim != 1:
                raise RuntimeError(f"{name}: bins tensor should have one dimension, but got "
                                   f"{b.ndim} dimensions in the bins tensor for dimension {i}")
            edges.append(b._value())
        else:
            lo_hi = None if range is None else (range[2 * i], range[2 * i + 1])
            edges.append(_edges_of(name, x, i, operator.index(b), lo_hi))
    nbs = tuple(C.shape(e)[0] - 1 for e in edges)
    total = math.prod(nbs)
    keep = C.ones((n,), dtype=C.bool)
    flat = C.zeros((n,), dtype=_I64)
    for i, e in enumerate(edges):
        col = C.getitem(x, (slice(None), i))
        nb = nbs[i]
        lo, hi = C.getitem(e, 0), C.getitem(e, -1)
        # bin j holds edges[j] <= x < edges[j+1]; the last bin also holds x == edges[-1]
        idx = C.subtract(C.searchsorted(e, col, side="right"), 1)
        idx = C.where(C.equal(col, hi), nb - 1, idx)
        keep = C.logical_and(keep, C.logical_and(C.greater_equal(col, lo), C.less_equal(col, hi)))
        flat = C.add(C.multiply(flat, nb), C.clip(idx, 0, builtins.max(nb - 1, 0)))
    w = C.astype(keep, C.float64)
    if weight is not None:
        w = C.multiply(w, C.astype(C.reshape(weight._value(), (-1,)), C.float64))
    flat = C.where(keep, flat, 0)
    if n and total:
        hist = C.bincount(flat, weights=w, minlength=total)
    else:
        hist = C.zeros((total,), dtype=C.float64)
    hist = C.reshape(C.astype(hist, d.core), nbs)
    if density:
        hist = C.divide(hist, C.sum(hist))
        for i, e in enumerate(edges):
            widths = C.reshape(C.diff(e), tuple(-1 if j == i else 1 for j in builtins.range(nd)))
            hist = C.divide(hist, widths)
    return R_HISTDD(wrap(hist, d), tuple(wrap(e, d) for e in edges))


# ------------------------------------------------------------------ stft

def _pad_signal(x, left, right, mode):
    if mode not in ("constant", "reflect", "replicate", "circular"):
        raise NotImplementedError(f"Unrecognised padding mode {mode}")
    n = C.shape(x)[-1]
    if mode == "reflect" and (left >= n or right >= n):
        raise RuntimeError(f"Argument #4: Padding size should be less than the corresponding "
                           f"input dimension, but got: padding ({left}, {right}) at dimension "
                           f"{len(C.shape(x))} of input {list(C.shape(x))}")
    width = [(0, 0)] * (len(C.shape(x)) - 1) + [(left, right)]
    return C.pad(x, width, mode=mode)


def stft(input, n_fft, hop_length=None, win_length=None, window=None, center=True,
         pad_mode="reflect", normalized=False, onesided=None, return_complex=None,
         align_to_window=None):
    """Short-time Fourier transform: windowed frames of input, Fourier transformed."""
    d = input.dtype
    complex_window = window is not None and window.dtype.is_complex
    if return_complex is None and not (d.is_complex or complex_window):
        raise RuntimeError("stft requires the return_complex parameter be given for real inputs, "
                           "and will further require that return_complex=True in a future "
                           "PyTorch release.")
    if align_to_window is not None and center:
        raise RuntimeError("stft align_to_window should only be set when center = false")
    hop = n_fft // 4 if hop_length is None else hop_length
    win = n_fft if win_length is None else win_length
    x = input._value()
    if center:
        if len(C.shape(x)) not in (1, 2):
            raise RuntimeError("stft: expected a 1D or 2D tensor")
        x = _pad_signal(x, n_fft // 2, n_fft // 2, pad_mode)
    if not (d.is_floating_point or d.is_complex):
        raise RuntimeError("stft: expected a tensor of floating point or complex values")
    s = C.shape(x)
    if len(s) not in (1, 2):
        raise RuntimeError("stft: expected a 1D or 2D tensor")
    length = s[-1]
    if not 0 < n_fft <= length:
        raise RuntimeError(f"stft: expected 0 < n_fft < {length}, but got n_fft={n_fft}")
    if hop <= 0:
        raise RuntimeError(f"stft: expected hop_length > 0, but got hop_length={hop}")
    if not 0 < win <= n_fft:
        raise RuntimeError(f"stft: expected 0 < win_length <= n_fft, but got win_length={win}")
    dt = d.core
    if window is not None:
        if window.ndim != 1 or window.shape[0] != win:
            raise RuntimeError(f"stft: expected a 1D window tensor of size equal to win_length="
                               f"{win}, but got window with size {list(window.shape)}")
        w = window._value()
        dt = T._promote(dt, window.dtype.core)
    else:
        w = C.ones((win,), dtype=dt if dt.kind == "f" else C.dtypes.real_dtype(dt))
    complex_in = dt.kind == "c"
    if onesided is None:
        onesided = not complex_in
    elif onesided and complex_in:
        raise RuntimeError("Cannot have onesided output if window or input is complex")
    x, w = C.astype(x, dt), C.astype(w, dt)
    left = (n_fft - win) // 2
    if win < n_fft:
        w = C.pad(w, [(left, n_fft - win - left)])
        if align_to_window:
            x = _pad_signal(x, left, n_fft - win - left, "constant")
            length = C.shape(x)[-1]
    frames = 1 + (length - n_fft) // hop
    idx = C.add(C.reshape(C.multiply(C.arange(frames, dtype=_I64), hop), (frames, 1)),
                C.reshape(C.arange(n_fft, dtype=_I64), (1, n_fft)))
    seg = C.multiply(C.take(x, idx, axis=-1), w)  # (..., frames, n_fft)
    spec = C.fft.rfft(seg, axis=-1) if onesided else C.fft.fft(seg, axis=-1)
    if normalized:
        rd = C.dtypes.real_dtype(C.dtype_of(spec))
        spec = C.multiply(spec, C.asarray(n_fft ** -0.5, dtype=rd))
    spec = C.swapaxes(spec, -1, -2)
    cd = C.dtype_of(spec)
    if return_complex is False:
        from ._views import view_as_real

        return view_as_real(wrap(spec, T.FROM_CORE[cd]))
    return wrap(spec, T.FROM_CORE[cd])


# ------------------------------------------------------------------ hash_tensor

def _float_bits(y):
    """The IEEE-754 bit pattern of float64 values y, as int64 (NaN as the quiet NaN)."""
    f64 = C.float64
    sign = C.where(C.signbit(y), C.asarray(-(1 << 63), dtype=_I64), C.zeros((), dtype=_I64))
    a = C.abs(y)
    m, e = C.frexp(a)
    e = C.astype(e, _I64)
    normal = C.greater_equal(a, C.asarray(2.0 ** -1022, dtype=f64))
    frac_n = C.subtract(C.multiply(m, C.asarray(2.0 ** 53, dtype=f64)),
                        C.asarray(2.0 ** 52, dtype=f64))
    subnormal = C.logical_and(C.logical_not(normal), C.greater(a, C.zeros((), dtype=f64)))
    frac_s = C.ldexp(m, C.astype(C.where(subnormal, C.add(e, 1074), 0), C.int32))
    finite = C.isfinite(a)
    frac = C.where(normal, frac_n, frac_s)
    frac = C.astype(C.where(finite, frac, C.zeros((), dtype=f64)), _I64)
    frac = C.where(C.isnan(a), C.asarray(1 << 51, dtype=_I64), frac)
    biased = C.where(normal, C.add(e, 1022), C.zeros((), dtype=_I64))
    biased = C.where(finite, biased, C.asarray(2047, dtype=_I64))
    bits = C.bitwise_or(C.bitwise_left_shift(biased, C.asarray(52, dtype=_I64)), frac)
    return C.bitwise_or(bits, sign)


def _xor_reduce(v, red):
    """XOR of v over the axes `red` (moved last and folded in halves)."""
    s = C.shape(v)
    keep = [i for i in range(len(s)) if i not in red]
    outer = tuple(s[i] for i in keep)
    n = math.prod(s[i] for i in red)
    v = C.reshape(C.permute_dims(v, tuple(keep) + tuple(red)), outer + (n,))
    if n == 0:
        return C.zeros(outer, dtype=_I64)
    while n > 1:
        if n % 2:
            v = C.concat([v, C.zeros(outer + (1,), dtype=_I64)], axis=-1)
            n += 1
        h = n // 2
        v = C.bitwise_xor(C.getitem(v, (Ellipsis, slice(0, h))),
                          C.getitem(v, (Ellipsis, slice(h, n))))
        n = h
    return C.reshape(v, outer)


def hash_tensor(input, dim=(), *, keepdim=False, mode=0):
    """XOR of the elements' bits (floats as float64, integers as int64), as uint64."""
    if mode != 0:
        raise RuntimeError(f"Unknown hash_tensor mode: {mode}")
    d = input.dtype
    if d.is_complex:
        raise NotImplementedError(f"\"xor_sum_cpu\" not implemented for '{TYPE_NAME[d]}'")
    v = input._value()
    s = C.shape(v)
    nd = len(s)
    ax = _axes(dim, nd)
    if ax is None and (dim is None or dim == () or dim == []) and not math.prod(s):
        raise RuntimeError("hash_tensor: Expected reduction dim to be specified for input.numel() "
                           "== 0. Specify the reduction dim with the 'dim' argument.")
    red = tuple(range(nd)) if ax is None else (ax,) if isinstance(ax, _int) else tuple(ax)
    for a in red:
        if s[a] == 0:
            raise IndexError(f"hash_tensor: Expected reduction dim {a} to have non-zero size.")
    bits = _float_bits(C.astype(v, C.float64)) if d.is_floating_point else C.astype(v, _I64)
    r = _xor_reduce(bits, red)
    if keepdim:
        r = C.reshape(r, tuple(1 if i in red else n for i, n in enumerate(s)))
    return wrap(C.astype(r, C.uint64), T.uint64)


# ------------------------------------------------------------------ views and resizing

def unsafe_split(input, split_size, dim=0):
    """torch.split with an int split_size (the pieces are views, as torch's)."""
    if not isinstance(split_size, _int) and not hasattr(split_size, "__index__"):
        raise TypeError(f"unsafe_split(): argument 'split_size' (position 2) must be int, not "
                        f"{type(split_size).__name__}")
    return V.split(input, split_size, dim)


def unsafe_chunk(input, chunks, dim=0):
    return V.chunk(input, chunks, dim)


def resize_as_(input, the_template, *, memory_format=None):
    """input resized in place to the_template's shape (see Tensor.resize_)."""
    return input.resize_(the_template.shape)


# ------------------------------------------------------------------ QR in Householder form

def _mh(v):
    v = C.matrix_transpose(v)
    return C.conj(v) if C.dtype_of(v).kind == "c" else v


def _householder_qr(a):
    """LAPACK geqrf: R on and above the diagonal, the reflectors' vectors below it (their
    leading 1 implicit), and tau; H(j) = I - tau_j v_j v_j^H maps column j onto beta e_j with
    beta = -sign(Re(alpha)) * norm."""
    s = C.shape(a)
    m, n = s[-2], s[-1]
    k = builtins.min(m, n)
    dt = C.dtype_of(a)
    rd = C.dtypes.real_dtype(dt) if dt.kind == "c" else dt
    rows = C.reshape(C.arange(m, dtype=_I64), (m, 1))
    cols = C.reshape(C.arange(n, dtype=_I64), (1, n))
    zero, one = C.zeros((), dtype=dt), C.ones((), dtype=dt)
    taus = []
    for j in range(k):
        col = C.getitem(a, (Ellipsis, slice(None), slice(j, j + 1)))  # (..., m, 1)
        alpha = C.getitem(a, (Ellipsis, slice(j, j + 1), slice(j, j + 1)))  # (..., 1, 1)
        below = C.greater(rows, j)
        x = C.where(below, col, zero)
        xnorm2 = C.sum(C.square(C.abs(x)) if dt.kind == "c" else C.square(x), axis=-2,
                       keepdims=True)
        are = C.real(alpha) if dt.kind == "c" else alpha
        aim = C.imag(alpha) if dt.kind == "c" else C.zeros((), dtype=rd)
        norm = C.sqrt(C.add(C.add(C.square(are), C.square(aim)), xnorm2))
        beta = C.negative(C.copysign(norm, are))
        trivial = C.logical_and(C.equal(xnorm2, 0), C.equal(aim, 0))
        beta_c = C.astype(C.where(trivial, C.ones((), dtype=rd), beta), dt)
        tau = C.where(trivial, zero, C.divide(C.subtract(beta_c, alpha), beta_c))
        denom = C.where(trivial, one, C.subtract(alpha, beta_c))
        v = C.where(C.equal(rows, j), one, C.where(below, C.divide(col, denom), zero))
        # A <- H^H A = A - conj(tau) v (v^H A), on the columns right of j
        upd = C.subtract(a, C.multiply(C.conj(tau) if dt.kind == "c" else tau,
                                       C.matmul(v, C.matmul(_mh(v), a))))
        newcol = C.where(C.equal(rows, j), C.where(trivial, alpha, beta_c),
                         C.where(below, v, col))
        a = C.where(C.greater(cols, j), upd, C.where(C.equal(cols, j), newcol, a))
        taus.append(C.reshape(tau, C.shape(tau)[:-2]))
    tau = C.stack(taus, axis=-1) if taus else C.zeros(s[:-2] + (0,), dtype=dt)
    return a, tau


def _lapack_float(kernel, x):
    d = x.dtype
    if not (d.is_floating_point or d.is_complex) or d in (T.float16, T.bfloat16):
        raise NotImplementedError(f"\"{kernel}\" not implemented for '{TYPE_NAME[d]}'")


def geqrf(input, *, out=None):
    """QR in LAPACK's Householder form: (a, tau); see torch.linalg.householder_product."""
    _need_tensor("geqrf", "input", 1, input)
    if input.ndim < 2:
        raise RuntimeError("torch.geqrf: input must have at least 2 dimensions.")
    _lapack_float("geqrf_cpu", input)
    a, tau = _householder_qr(input._value())
    dt = input.dtype.core
    return finish_tuple(R_GEQRF, (a, tau), (dt, dt), out)


def ormqr(input, tau, other, left=True, transpose=False, *, out=None):
    """other multiplied by Q (or Q^H with transpose=True; on the right with left=False), Q the
    product of the Householder reflectors stored by geqrf in (input, tau)."""
    name = "torch.ormqr"
    for i, (x, what) in enumerate(((input, "input"), (tau, "input2"), (other, "input3"))):
        _need_tensor("ormqr", what, i + 1, x)
    if input.ndim < 2:
        raise RuntimeError(f"{name}: input must have at least 2 dimensions.")
    if other.ndim < 2:
        raise RuntimeError(f"{name}: other must have at least 2 dimensions.")
    side = -2 if left else -1
    if other.shape[side] != input.shape[-2]:
        raise RuntimeError(f"{name}: other.shape[{side}] must be equal to input.shape[-2]")
    k = tau.shape[-1] if tau.ndim else 1
    if tau.ndim == 0 or k != builtins.min(other.shape[side], input.shape[-1]):
        raise RuntimeError(f"{name}: tau.shape[-1] must be equal to min(other.shape[{side}], "
                           f"input.shape[-1])")
    if input.ndim - tau.ndim != 1:
        raise RuntimeError(f"{name}: Expected tau to have one dimension less than input, but got "
                           f"tau.ndim equal to {tau.ndim} and input.ndim is equal to {input.ndim}")
    if input.ndim != other.ndim:
        raise RuntimeError(f"{name}: Expected other to have the same number of dimensions as "
                           f"input, but got other.ndim equal to {other.ndim} and input.ndim is "
                           f"equal to {input.ndim}")
    if tuple(tau.shape[:-1]) != tuple(input.shape[:-2]) or \
            tuple(other.shape[:-2]) != tuple(input.shape[:-2]):
        raise RuntimeError(f"{name}: Expected batch dimensions of tau and other to be equal to "
                           f"input.shape[:-2]")
    for t, what in ((other, "other"), (tau, "tau")):
        if t.dtype is not input.dtype:
            raise RuntimeError(f"{name}: Expected input and {what} to have the same dtype, but "
                               f"input has dtype{TYPE_NAME[input.dtype]} and {what} has dtype "
                               f"{TYPE_NAME[t.dtype]}")
    _lapack_float("ormqr_cpu", input)
    a, t, c = input._value(), tau._value(), other._value()
    dt = C.dtype_of(a)
    m = C.shape(a)[-2]
    rows = C.reshape(C.arange(m, dtype=_I64), (m, 1))
    zero, one = C.zeros((), dtype=dt), C.ones((), dtype=dt)
    conj = dt.kind == "c"
    # Q = H(0) H(1) ... H(k-1); left: Q C applies H(k-1) first; Q^H C applies H(0)^H first
    order = range(k - 1, -1, -1) if left != transpose else range(k)
    for i in order:
        col = C.getitem(a, (Ellipsis, slice(None), slice(i, i + 1)))
        v = C.where(C.equal(rows, i), one, C.where(C.greater(rows, i), col, zero))  # (..., m, 1)
        ti = C.reshape(C.getitem(t, (Ellipsis, slice(i, i + 1))), C.shape(t)[:-1] + (1, 1))
        if transpose and conj:
            ti = C.conj(ti)
        if left:
            c = C.subtract(c, C.multiply(ti, C.matmul(v, C.matmul(_mh(v), c))))
        else:
            c = C.subtract(c, C.multiply(ti, C.matmul(C.matmul(c, v), _mh(v))))
    return finish(c, dt, out)


# ------------------------------------------------------------------ low-rank SVD / PCA

def _truncated_svd(a, q):
    u, s, vh = C.linalg.svd(a, full_matrices=False)
    cols = (Ellipsis, slice(None), slice(0, q))
    return wrap(C.getitem(u, cols)), wrap(C.getitem(s, (Ellipsis, slice(0, q)))), \
        wrap(C.getitem(_mh(vh), cols))


def svd_lowrank(A, q=6, niter=2, M=None):
    """(U, S, V) of rank min(q, m, n) with A - M ~= U diag(S) V^H: the exact truncated SVD
    (torch's randomized estimate converges to it)."""
    _need_tensor("svd_lowrank", "A", 1, A)
    a = A._value()
    if M is not None:
        a = C.subtract(a, C.broadcast_to(M._value(), C.shape(a)))
    m, n = C.shape(a)[-2:]
    q = 6 if q is None else q
    return _truncated_svd(a, builtins.min(q, m, n))


def pca_lowrank(A, q=None, center=True, niter=2):
    """(U, S, V) of the principal components of A's rows: the exact truncated SVD of the
    centred A (torch's randomized estimate converges to it)."""
    _need_tensor("pca_lowrank", "A", 1, A)
    a = A._value()
    m, n = C.shape(a)[-2:]
    if q is None:
        q = builtins.min(6, m, n)
    elif not (q >= 0 and q <= builtins.min(m, n)):
        raise TorchValueError(f"q(={q}) must be non-negative integer and not greater than "
                              f"min(m, n)={builtins.min(m, n)}")
    if niter < 0:
        raise TorchValueError(f"niter(={niter}) must be non-negative integer")
    if center:
        a = C.subtract(a, C.mean(a, axis=-2, keepdims=True))
    return _truncated_svd(a, q)
