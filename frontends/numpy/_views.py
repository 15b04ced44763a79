"""NumPy's view ops: results share memory with their input on every backend, exactly where
NumPy's do (reshape/ravel view only when NumPy's strides allow it, else copy).

Each op makes a view ndarray with one core.mutable step. Geometry (strides, offset, in
elements) is computed on demand by `replay_geometry` from the base's shape and the chain, so
creating a view does no stride arithmetic unless the reshape rule needs it. diagonal and
broadcast_to give read-only views, as in NumPy.
"""
from __future__ import annotations

import math
import operator

from ... import core as C
from ...core import mutable as M
from . import _dtypes as T
from ._ndarray import ndarray, normalize_axis, wrap


class ViewDtype(M.Step):
    """a.view(other_dtype): the same bytes read as another dtype (last axis rescaled)."""

    __slots__ = ("src", "dst")

    def __init__(self, src, dst):
        self.src, self.dst = src, dst

    def apply(self, x):
        return _bitcast(x, self.src, self.dst)

    def back(self, parent, child):
        return _bitcast(child, self.dst, self.src)


def _bitcast(x, src, dst):
    import numpy

    host = numpy.ascontiguousarray(C.to_numpy(x))
    return C.asarray(host.view(numpy.dtype(dst.name)))


_READONLY_STEPS = (M.Expand, M.Diagonal)


def readonly_step(step) -> bool:
    return isinstance(step, _READONLY_STEPS)


def replay_geometry(shape, chain):
    """(strides, offset) in elements of the final dtype for the view `chain` of a
    C-contiguous base of `shape`."""
    shape = tuple(shape)
    strides = M.contiguous_strides(shape)
    off = 0
    for s in chain:
        t = type(s)
        if t is M.GetItem:
            shape, strides, off = M.basic_key_geometry(shape, strides, off, s.key)
        elif t is M.Permute:
            shape = tuple(shape[a] for a in s.axes)
            strides = tuple(strides[a] for a in s.axes)
        elif t is M.Reshape:
            ns = M.reshape_strides(shape, strides, s.shape)
            shape = s.shape
            strides = ns if ns is not None else M.contiguous_strides(shape)
        elif t is M.Expand:
            strides = M.expand_strides(shape, strides, s.shape)
            shape = s.shape
        elif t is M.Diagonal:
            a1, a2 = s.axis1 % len(shape), s.axis2 % len(shape)
            shape, strides, off = M.diagonal_geometry(shape, strides, off, s.offset, a1, a2)
        elif t is M.Real or t is M.Imag:
            strides = tuple(2 * x for x in strides)
            off = 2 * off + (t is M.Imag)
        elif t is ViewDtype:
            r = s.src.itemsize / s.dst.itemsize
            strides = tuple(int(x * r) for x in strides[:-1]) + (1,) if shape else ()
            off = int(off * r)
            if shape:
                shape = shape[:-1] + (int(shape[-1] * r),)
    return strides, off


def shape_arg(shape) -> tuple:
    """A shape from an int or a sequence of ints (anything with __index__)."""
    if isinstance(shape, int):
        return (shape,)
    try:
        return tuple(operator.index(n) for n in shape)
    except TypeError:
        try:
            return (operator.index(shape),)
        except TypeError:
            raise TypeError(f"'{type(shape).__name__}' object cannot be interpreted as an "
                            "integer") from None


def infer_shape(shape, size: int) -> tuple:
    neg = [i for i, n in enumerate(shape) if n < 0]
    if len(neg) > 1:
        raise ValueError("can only specify one unknown dimension")
    if neg and shape[neg[0]] != -1:
        raise ValueError("negative dimensions not allowed")
    known = math.prod(n for n in shape if n >= 0)
    if neg:
        if known == 0 or size % known:
            raise ValueError(f"cannot reshape array of size {size} into shape "
                             f"{_shape_str(shape)}")
        shape = list(shape)
        shape[neg[0]] = size // known
        return tuple(shape)
    if known != size:
        raise ValueError(f"cannot reshape array of size {size} into shape {_shape_str(shape)}")
    return tuple(shape)


def _shape_str(shape) -> str:
    return "(" + ", ".join(str(n) for n in shape) + ("," if len(shape) == 1 else "") + ")"


# ------------------------------------------------------------------ reshape family

def reshape(a: ndarray, shape, order="C", copy=None):
    v = a._value()
    old = tuple(C.shape(v))
    new = infer_shape(shape_arg(shape), math.prod(old))
    if order == "F":
        t = transpose(a)
        r = reshape(t, new[::-1], "C", copy)
        return transpose(r)
    if order not in ("C", "A", None):
        raise ValueError("order must be one of 'C', 'F', 'A'")
    if copy:
        return wrap(C.reshape(v, new, copy=True), a._dt)
    if new == old:
        return a._view(M.Reshape(new), v)
    strides, _ = a._geometry()
    ns = M.reshape_strides(old, strides, new)
    if ns is None:
        if copy is False:
            raise ValueError("Unable to avoid creating a copy while reshaping.")
        return wrap(C.reshape(v, new, copy=True), a._dt)
    return a._view(M.Reshape(new), C.reshape(v, new))


def ravel(a: ndarray, order="C"):
    if order == "F":
        return reshape(transpose(a), (-1,))
    strides, _ = a._geometry()
    if M.is_contiguous(a.shape, strides):
        return reshape(a, (-1,))
    if order == "K" and a.ndim > 1 and M.is_contiguous(a.shape[::-1], strides[::-1]):
        return reshape(transpose(a), (-1,))
    # NumPy's ravel views only (C- or, for "K", reversed-) contiguous arrays; anything else is
    # copied, even where reshape(-1) could view
    return reshape(a.copy(), (-1,))


def set_shape(a: ndarray, value) -> None:
    v = a._value()
    old = tuple(C.shape(v))
    new = infer_shape(shape_arg(value), math.prod(old))
    strides, off = a._geometry()
    ns = M.reshape_strides(old, strides, new)
    if ns is None:
        raise AttributeError("Incompatible shape for in-place modification. Use `.reshape()` "
                             "to make a copy with the desired shape.")
    nv = C.reshape(v, new)
    if a._base is None:
        if a._hv and _immutable(a):
            raise ValueError("setting the shape of an array that has views is not supported on "
                             "this backend (its views replay from the base's shape); use "
                             ".reshape() instead")
        a._v = nv
        a._geo = None
        return
    a._chain = a._chain + (M.Reshape(new),)
    a._v = nv
    a._geo = None


def _immutable(a) -> bool:
    from ._ndarray import _mutable

    return _mutable(a._v) is None


def squeeze(a: ndarray, axis=None):
    s = tuple(C.shape(a._value()))
    if axis is None:
        drop = {i for i, n in enumerate(s) if n == 1}
    else:
        axes = axis if isinstance(axis, (tuple, list)) else (axis,)
        drop = {normalize_axis(d, len(s)) for d in axes}
        for d in drop:
            if s[d] != 1:
                raise ValueError("cannot select an axis to squeeze out which has size not "
                                 "equal to one")
    new = tuple(n for i, n in enumerate(s) if i not in drop)
    return a._view(M.Reshape(new), C.reshape(a._value(), new))


def expand_dims(a: ndarray, axis):
    s = tuple(C.shape(a._value()))
    axes = axis if isinstance(axis, (tuple, list)) else (axis,)
    nd = len(s) + len(axes)
    pos = [normalize_axis(d, nd) for d in axes]
    if len(set(pos)) != len(pos):
        raise ValueError("repeated axis")
    it = iter(s)
    new = tuple(1 if i in pos else next(it) for i in range(nd))
    return a._view(M.Reshape(new), C.reshape(a._value(), new))


# ------------------------------------------------------------------ axis order

def transpose(a: ndarray, axes=None):
    v = a._value()
    n = len(C.shape(v))
    if axes is None:
        axes = tuple(range(n - 1, -1, -1))
    else:
        if len(axes) != n:
            raise ValueError("axes don't match array")
        axes = tuple(normalize_axis(x, n) for x in axes)
        if len(set(axes)) != n:
            raise ValueError("repeated axis in transpose")
    if axes == tuple(range(n)):
        return a._view(M.Permute(axes), v)
    return a._view(M.Permute(axes), C.permute_dims(v, axes))


def swapaxes(a: ndarray, axis1, axis2):
    n = a.ndim
    i, j = normalize_axis(axis1, n), normalize_axis(axis2, n)
    axes = list(range(n))
    axes[i], axes[j] = axes[j], axes[i]
    return transpose(a, axes)


def moveaxis(a: ndarray, source, destination):
    n = a.ndim
    src = source if isinstance(source, (tuple, list)) else (source,)
    dst = destination if isinstance(destination, (tuple, list)) else (destination,)
    src = [normalize_axis(x, n) for x in src]
    dst = [normalize_axis(x, n) for x in dst]
    if len(set(src)) != len(src):
        raise ValueError("repeated axis in `source` argument")
    if len(set(dst)) != len(dst):
        raise ValueError("repeated axis in `destination` argument")
    if len(src) != len(dst):
        raise ValueError("`source` and `destination` arguments must have the same number of "
                         "elements")
    order = [i for i in range(n) if i not in src]
    for d, s in sorted(zip(dst, src)):
        order.insert(d, s)
    return transpose(a, order)


def matrix_transpose(a: ndarray):
    n = a.ndim
    if n < 2:
        raise ValueError("matrix transpose with ndim < 2 is undefined")
    return swapaxes(a, -1, -2)


# ------------------------------------------------------------------ read-only views

def broadcast_to(a: ndarray, shape):
    shape = shape_arg(shape)
    s = tuple(C.shape(a._value()))
    if any(n < 0 for n in shape):
        raise ValueError("all elements of broadcast shape must be non-negative")
    ok = len(shape) >= len(s) and all(
        m == n or n == 1 for n, m in zip(s[::-1], shape[::-1]))
    if not ok:
        raise ValueError(f"operands could not be broadcast together with remapped shapes "
                         f"[original->remapped]: {_shape_str(s)}  and requested shape "
                         f"{_shape_str(shape)}")
    return a._view(M.Expand(shape), C.broadcast_to(a._value(), shape), readonly=True)


def diagonal(a: ndarray, offset=0, axis1=0, axis2=1):
    n = a.ndim
    if n < 2:
        raise ValueError("diag requires an array of at least two dimensions")
    i, j = normalize_axis(axis1, n), normalize_axis(axis2, n)
    if i == j:
        raise ValueError("axis1 and axis2 cannot be the same")
    step = M.Diagonal(operator.index(offset), i, j)
    return a._view(step, step.apply(a._value()), readonly=True)


def real(a: ndarray):
    d = a.dtype
    if d.kind != "c":
        return a._view(M.Reshape(a.shape), a._value())
    step = M.Real()
    t = a._view(step, step.apply(a._value()))
    t._dt = T.F32 if d is T.C64 else T.F64
    return t


def imag(a: ndarray):
    d = a.dtype
    if d.kind != "c":
        out = wrap(C.zeros(a.shape, dtype=d.core), d)
        out._ro = True
        return out
    step = M.Imag()
    t = a._view(step, step.apply(a._value()))
    t._dt = T.F32 if d is T.C64 else T.F64
    return t


def view_dtype(a: ndarray, dtype):
    d = T.as_dtype(dtype)
    src = a.dtype
    if d is src:
        return a._view(M.Reshape(a.shape), a._value())
    if d.itemsize != src.itemsize:
        s = a.shape
        if not s:
            raise ValueError("Changing the dtype of a 0d array is only supported if the "
                             "itemsize is unchanged")
        if (s[-1] * src.itemsize) % d.itemsize:
            raise ValueError("When changing to a larger dtype, its size must be a divisor of "
                             "the total size in bytes of the last axis of the array.")
        strides, _ = a._geometry()
        if s[-1] != 1 and strides[-1] != 1:
            raise ValueError("To change to a dtype of a different size, the last axis must be "
                             "contiguous")
    step = ViewDtype(src, d)
    t = a._view(step, step.apply(a._value()))
    t._dt = d
    return t
