"""Array creation: array, asarray, zeros/ones/empty/full (+ _like), arange, linspace,
logspace, geomspace, eye, identity, tri/tril/triu, diag, diagflat, meshgrid, mgrid, ogrid,
indices, fromfunction, frombuffer, fromiter, copy, vander.

`empty` returns zeros (NumPy leaves the memory uninitialised; any content is allowed).
`order=` is accepted; every new array is C-ordered.
"""
from __future__ import annotations

import builtins
import math
import operator

from ... import core as C
from . import _dtypes as T
from ._ndarray import dtype_of, full_native, ndarray, operand, result, wrap
from ._views import diagonal, shape_arg

__all__ = ["array", "asarray", "asanyarray", "ascontiguousarray", "asfortranarray",
           "zeros", "ones", "empty", "full", "zeros_like", "ones_like", "empty_like",
           "full_like", "arange", "linspace", "logspace", "geomspace", "eye", "identity", "tri",
           "tril", "triu", "diag", "diagflat", "meshgrid", "mgrid", "ogrid", "indices",
           "fromfunction", "frombuffer", "fromiter", "copy", "vander", "asarray_chkfinite",
           "require"]

_PY = (builtins.bool, builtins.int, builtins.float, builtins.complex)


def _dt(dtype):
    return None if dtype is None else T.as_dtype(dtype)


def array(object, dtype=None, *, copy=True, order="K", subok=False, ndmin=0, like=None):
    d = _dt(dtype)
    if isinstance(object, ndarray):
        v = object._value()
        src = object.dtype
        if copy is False and d is not None and d is not src:
            raise ValueError("Unable to avoid copy while creating an array as requested.")
        if d is not None and d is not src:
            out = wrap(C.astype(v, d.core), d)
        elif copy is False:
            out = object
        else:
            out = wrap(C.copy(v), src)
    else:
        v, dd = operand(object, d)
        if copy and _aliases(object, v):
            v = C.copy(v)
        out = wrap(v, dd)
    if ndmin and out.ndim < ndmin:
        from ._views import reshape

        out = reshape(out, (1,) * (ndmin - out.ndim) + out.shape)
    return out


def _aliases(obj, v) -> bool:
    """True when the native value may share memory with the user's object."""
    return not isinstance(obj, (list, tuple) + _PY) and hasattr(obj, "shape")


def asarray(a, dtype=None, order=None, *, device=None, copy=None, like=None):
    if type(a) is ndarray and (dtype is None or _dt(dtype) is a.dtype) and not copy:
        return a
    return array(a, dtype, copy=builtins.bool(copy) if copy is not None else None)


def asanyarray(a, dtype=None, order=None, *, device=None, copy=None, like=None):
    return asarray(a, dtype, order, device=device, copy=copy)


def ascontiguousarray(a, dtype=None, *, like=None):
    x = asarray(a, dtype)
    if x.ndim == 0:
        from ._views import reshape

        return wrap(C.reshape(C.copy(x._value()), (1,)), x._dt)
    if x.flags.c_contiguous:
        return x
    return wrap(C.copy(x._value()), x._dt)


def asfortranarray(a, dtype=None, *, like=None):
    x = asarray(a, dtype)
    return x if x.ndim <= 1 else wrap(C.copy(x._value()), x._dt)


def asarray_chkfinite(a, dtype=None, order=None):
    x = asarray(a, dtype)
    if x.dtype.kind in "fc" and not builtins.bool(C.all(C.isfinite(x._value()))):
        raise ValueError("array must not contain infs or NaNs")
    return x


def require(a, dtype=None, requirements=None, *, like=None):
    x = asarray(a, dtype)
    req = requirements or ()
    if isinstance(req, str):
        req = (req,)
    if any(r.upper() in ("O", "OWNDATA", "E", "ENSUREARRAY") for r in req) and not x.flags.owndata:
        return wrap(C.copy(x._value()), x._dt)
    if any(r.upper() in ("C", "C_CONTIGUOUS", "CONTIGUOUS") for r in req):
        return ascontiguousarray(x)
    return x


def _filled(shape, value, dtype):
    shape = shape_arg(shape)
    if any(n < 0 for n in shape):
        raise ValueError("negative dimensions are not allowed")
    d = T.as_dtype(dtype)
    if value == 0:
        return wrap(C.zeros(shape, dtype=d.core), d)
    if value == 1:
        return wrap(C.ones(shape, dtype=d.core), d)
    return wrap(full_native(shape, value, d), d)


def zeros(shape, dtype=float, order="C", *, device=None, like=None):
    return _filled(shape, 0, dtype)


def ones(shape, dtype=None, order="C", *, device=None, like=None):
    return _filled(shape, 1, dtype)


def empty(shape, dtype=float, order="C", *, device=None, like=None):
    return _filled(shape, 0, dtype)


def full(shape, fill_value, dtype=None, order="C", *, device=None, like=None):
    shape = shape_arg(shape)
    if any(n < 0 for n in shape):
        raise ValueError("negative dimensions are not allowed")
    v, src = operand(fill_value)
    d = src if dtype is None else T.as_dtype(dtype)
    if type(fill_value) is builtins.int and d.kind in "iu":
        T.check_int_fits(fill_value, d)
    if src is not d:
        v = C.astype(v, d.core)
    return wrap(C.copy(C.broadcast_to(v, shape)), d)


def _like_shape(a, shape):
    if shape is None:
        return tuple(C.shape(a._value())) if isinstance(a, ndarray) else \
            tuple(C.shape(operand(a)[0]))
    return shape_arg(shape)


def _like_dtype(a, dtype):
    return T.as_dtype(dtype) if dtype is not None else dtype_of(a)


def zeros_like(a, dtype=None, order="K", subok=True, shape=None, *, device=None):
    return _filled(_like_shape(a, shape), 0, _like_dtype(a, dtype))


def ones_like(a, dtype=None, order="K", subok=True, shape=None, *, device=None):
    return _filled(_like_shape(a, shape), 1, _like_dtype(a, dtype))


def empty_like(prototype, dtype=None, order="K", subok=True, shape=None, *, device=None):
    return _filled(_like_shape(prototype, shape), 0, _like_dtype(prototype, dtype))


def full_like(a, fill_value, dtype=None, order="K", subok=True, shape=None, *, device=None):
    d = _like_dtype(a, dtype)
    v, src = operand(fill_value)
    if src is not d:
        if src.kind == "f" and d.kind in "iu":
            v = C.astype(v, d.core)
        else:
            v = C.astype(v, d.core)
    return wrap(C.copy(C.broadcast_to(v, _like_shape(a, shape))), d)


# ------------------------------------------------------------------ ranges

def arange(start_or_stop, /, stop=None, step=None, *, dtype=None, device=None, like=None,
           start=None):
    if stop is None:
        start, stop = 0, start_or_stop
    else:
        start = start_or_stop
    if step is None:
        step = 1
    vals = (start, stop, step)
    if any(isinstance(x, ndarray) and x.ndim for x in vals):
        raise TypeError("arange() only accepts scalar arguments")
    kinds = [dtype_of(x) for x in vals]
    d0 = kinds[0]
    for k in kinds[1:]:
        d0 = T.PROMOTE[d0, k]
    if d0 is T.BOOL:
        if dtype is None:
            raise TypeError("arange() is only supported for booleans when the result has at "
                            "most length 2.")
    d = d0 if dtype is None else T.as_dtype(dtype)
    a, b, s = (x.item() if hasattr(x, "item") and not isinstance(x, _PY) else x for x in vals)
    if s == 0:
        raise ZeroDivisionError("division by zero")
    if d.kind in "iu" and type(start) is builtins.int:
        T.check_int_fits(start, d)  # NumPy converts the start value to the dtype
    q = (b - a) / s
    n = max(0, math.ceil(q.real if isinstance(q, complex) else q))
    if d.kind in "iub" and d0.kind in "iub":
        r = C.arange(int(a), int(a) + n * int(s), int(s), dtype=C.int64) if n else \
            C.zeros((0,), dtype=C.int64)
        return wrap(C.astype(r, d.core), d)
    work = T.F64 if d0.kind != "c" else T.C128
    i = C.arange(0, n, 1, dtype=C.int64)
    vals_ = C.add(C.multiply(C.astype(i, work.core), C.asarray(s, dtype=work.core)),
                  C.asarray(a, dtype=work.core))
    if d is not work:
        if d.kind in "iu":
            # NumPy computes integer aranges from the first two values
            first = int(a)
            delta = int(a + s) - first
            vals_ = C.arange(first, first + n * delta, delta, dtype=C.int64) if n and delta \
                else C.full((n,), first, dtype=C.int64)
            vals_ = C.astype(vals_, d.core)
        else:
            vals_ = C.astype(vals_, d.core)
    return wrap(vals_, d)


def linspace(start, stop, num=50, endpoint=True, retstep=False, dtype=None, axis=0, *,
             device=None):
    num = operator.index(num)
    if num < 0:
        raise ValueError(f"Number of samples, {num}, must be non-negative.")
    vs, ds = operand(start)
    ve, de = operand(stop)
    work = T.PROMOTE[T.PROMOTE[ds, de], T.F64]
    vs, ve = C.astype(vs, work.core), C.astype(ve, work.core)
    div = (num - 1) if endpoint else num
    delta = C.subtract(ve, vs)
    shape = tuple(C.broadcast_shapes(C.shape(vs), C.shape(ve)))
    y = C.astype(C.arange(0, num, 1, dtype=C.int64), work.core)
    y = C.reshape(y, (num,) + (1,) * len(shape))
    if div > 0:
        step = C.divide(delta, C.asarray(div, dtype=work.core))
        step_zero = builtins.bool(C.any(C.equal(step, 0)))
        if step_zero:
            y = C.multiply(C.divide(y, C.asarray(div, dtype=work.core)), delta)
        else:
            y = C.multiply(y, step)
    else:
        step = C.full(shape, float("nan"), dtype=work.core)
        y = C.multiply(y, delta)
    y = C.add(y, vs)
    if endpoint and num > 1:
        y = C.index_update(y, -1, ve)
    if axis != 0:
        from ._ndarray import normalize_axis

        y = C.moveaxis(y, 0, normalize_axis(axis, len(shape) + 1))
    d = work if dtype is None else T.as_dtype(dtype)
    if d is not work:
        if d.kind in "iu":
            y = C.floor(y)
        y = C.astype(y, d.core)
    out = wrap(y, d)
    if retstep:
        return out, result(step, work) if not shape else wrap(step, work)
    return out


def logspace(start, stop, num=50, endpoint=True, base=10.0, dtype=None, axis=0):
    y = linspace(start, stop, num=num, endpoint=endpoint, axis=axis)
    vb, db = operand(base)
    if C.shape(vb):
        vb = C.expand_dims(vb, axis=axis)
    work = T.PROMOTE[y.dtype, db] if db.kind in "fc" else y.dtype
    r = C.pow(C.astype(vb, work.core), C.astype(y._value(), work.core))
    d = work if dtype is None else T.as_dtype(dtype)
    if d is not work:
        if d.kind in "iu":
            r = C.floor(r)
        r = C.astype(r, d.core)
    return wrap(r, d)


def geomspace(start, stop, num=50, endpoint=True, dtype=None, axis=0):
    vs, ds = operand(start)
    ve, de = operand(stop)
    work = T.PROMOTE[T.PROMOTE[ds, de], T.F64]
    vs, ve = C.astype(vs, work.core), C.astype(ve, work.core)
    if builtins.bool(C.any(C.equal(vs, 0))) or builtins.bool(C.any(C.equal(ve, 0))):
        raise ValueError("Geometric sequence cannot include zero")
    shape = tuple(C.broadcast_shapes(C.shape(vs), C.shape(ve)))
    if work.kind == "c":
        out_sign = C.ones(shape, dtype=work.core)
        ls, le = C.log10(vs), C.log10(ve)
        y = linspace(wrap(ls, work), wrap(le, work), num=num, endpoint=endpoint)
        r = C.pow(C.asarray(10.0, dtype=work.core), y._value())
    else:
        neg = C.logical_and(C.less(vs, 0), C.less(ve, 0))
        sgn = C.where(neg, C.full(shape, -1.0, dtype=work.core), C.ones(shape, dtype=work.core))
        a, b = C.multiply(vs, sgn), C.multiply(ve, sgn)
        ls, le = C.log10(a), C.log10(b)
        y = linspace(wrap(ls, work), wrap(le, work), num=num, endpoint=endpoint)
        r = C.pow(C.asarray(10.0, dtype=work.core), y._value())
        if num > 0:
            r = C.index_update(r, 0, a)
            if endpoint and num > 1:
                r = C.index_update(r, -1, b)
        r = C.multiply(r, sgn)
    if axis != 0:
        from ._ndarray import normalize_axis

        r = C.moveaxis(r, 0, normalize_axis(axis, len(shape) + 1))
    d = work if dtype is None else T.as_dtype(dtype)
    if d is not work:
        if d.kind in "iu":
            r = C.floor(r)
        r = C.astype(r, d.core)
    return wrap(r, d)


# ------------------------------------------------------------------ matrices

def eye(N, M=None, k=0, dtype=float, order="C", *, device=None, like=None):
    d = T.as_dtype(dtype)
    N = operator.index(N)
    M = N if M is None else operator.index(M)
    if N < 0 or M < 0:
        raise ValueError("negative dimensions are not allowed")
    return wrap(C.eye(N, M, k=operator.index(k), dtype=d.core), d)


def identity(n, dtype=None, *, like=None):
    return eye(n, dtype=dtype)


def tri(N, M=None, k=0, dtype=float, *, like=None):
    d = T.as_dtype(dtype)
    M = N if M is None else M
    m = C.tril(C.ones((N, M), dtype=C.bool), k=operator.index(k))
    return wrap(C.astype(m, d.core) if d is not T.BOOL else m, d)


def _tri_mask(x, k, lower):
    v, d = operand(x)
    s = C.shape(v)
    if len(s) == 0:
        raise ValueError("input array must be at least 1-d")
    if len(s) == 1:
        v = C.broadcast_to(v, (s[0], s[0]))
    f = C.tril if lower else C.triu
    return wrap(f(v, k=operator.index(k)), d)


def tril(m, k=0):
    return _tri_mask(m, k, True)


def triu(m, k=0):
    return _tri_mask(m, k, False)


def diag(v, k=0):
    x = v if isinstance(v, ndarray) else wrap(*operand(v))
    n = x.ndim
    k = operator.index(k)
    if n == 1:
        return wrap(C.diag(x._value(), k=k), x._dt)
    if n == 2:
        return diagonal(x, k)
    raise ValueError("Input must be 1- or 2-d.")


def diagflat(v, k=0):
    val, d = operand(v)
    return wrap(C.diag(C.reshape(val, (-1,)), k=operator.index(k)), d)


def vander(x, N=None, increasing=False):
    v, d = operand(x)
    if len(C.shape(v)) != 1:
        raise ValueError("x must be a one-dimensional array or sequence.")
    n = C.shape(v)[0] if N is None else operator.index(N)
    work = T.PROMOTE[d, T.I64] if d.kind in "biu" else d
    p = C.arange(0, n, 1, dtype=C.int64)
    if not increasing:
        p = C.flip(p, axis=0)
    base = C.astype(C.expand_dims(v, axis=1), work.core)
    if work.kind in "iu":
        r = C.pow(base, C.astype(p, work.core))
    else:
        r = C.pow(base, C.astype(p, work.core))
    return wrap(r, work)


# ------------------------------------------------------------------ grids

def meshgrid(*xi, copy=True, sparse=False, indexing="xy"):
    if indexing not in ("xy", "ij"):
        raise ValueError("Valid values for `indexing` are 'xy' and 'ij'.")
    vals = [operand(x) for x in xi]
    nd = len(vals)
    outs = []
    for i, (v, d) in enumerate(vals):
        v = C.reshape(v, (-1,))
        shape = [1] * nd
        shape[i] = C.shape(v)[0]
        if indexing == "xy" and nd > 1 and i < 2:
            shape[0], shape[1] = shape[1], shape[0]
        outs.append((C.reshape(v, tuple(shape)), d))
    if not sparse:
        full_shape = tuple(C.broadcast_shapes(*(C.shape(o) for o, _ in outs)))
        outs = [(C.copy(C.broadcast_to(o, full_shape)), d) for o, d in outs]
    return tuple(wrap(o, d) for o, d in outs)


class _Grid:
    """mgrid / ogrid: `np.mgrid[0:3, 0:4]`; a complex step `5j` means 5 points."""

    def __init__(self, sparse):
        self.sparse = sparse

    def __getitem__(self, key):
        single = not isinstance(key, tuple)
        keys = (key,) if single else key
        axes, dts = [], []
        for k in keys:
            if not isinstance(k, slice):
                raise TypeError("mgrid/ogrid need slices")
            start = 0 if k.start is None else k.start
            step = 1 if k.step is None else k.step
            stop = k.stop
            if isinstance(step, complex):
                n = int(abs(step))
                ax = linspace(start, stop, n)
            else:
                ax = arange(start, stop, step)
            axes.append(ax)
            dts.append(ax.dtype)
        d = dts[0]
        for x in dts[1:]:
            d = T.PROMOTE[d, x]
        vals = [C.astype(a._value(), d.core) for a in axes]
        if single:
            return wrap(vals[0], d)
        nd = len(vals)
        shaped = []
        for i, v in enumerate(vals):
            shape = [1] * nd
            shape[i] = C.shape(v)[0]
            shaped.append(C.reshape(v, tuple(shape)))
        if self.sparse:
            return tuple(wrap(v, d) for v in shaped)
        full_shape = tuple(C.shape(v)[0] for v in vals)
        return wrap(C.stack([C.broadcast_to(v, full_shape) for v in shaped], axis=0), d)


mgrid = _Grid(False)
ogrid = _Grid(True)


def indices(dimensions, dtype=int, sparse=False):
    dims = shape_arg(dimensions)
    d = T.as_dtype(dtype)
    nd = len(dims)
    outs = []
    for i, n in enumerate(dims):
        shape = [1] * nd
        shape[i] = n
        outs.append(C.reshape(C.arange(0, n, 1, dtype=d.core), tuple(shape)))
    if sparse:
        return tuple(wrap(o, d) for o in outs)
    if not nd:
        return wrap(C.zeros((0,), dtype=d.core), d)
    return wrap(C.stack([C.broadcast_to(o, dims) for o in outs], axis=0), d)


def fromfunction(function, shape, *, dtype=float, like=None, **kwargs):
    args = indices(shape, dtype=dtype)
    return function(*[args[i] for i in range(len(shape_arg(shape)))], **kwargs)


def frombuffer(buffer, dtype=float, count=-1, offset=0, *, like=None):
    import numpy

    d = T.as_dtype(dtype)
    host = numpy.frombuffer(buffer, dtype=numpy.dtype(d.name), count=count, offset=offset)
    out = wrap(C.asarray(host.copy()), d)
    out._ro = not getattr(memoryview(buffer), "readonly", True) is False
    return out


def fromiter(iter, dtype, count=-1, *, like=None):
    d = T.as_dtype(dtype)
    items = []
    for i, x in enumerate(iter):
        if count >= 0 and i >= count:
            break
        items.append(x)
    if count >= 0 and len(items) < count:
        raise ValueError(f"iterator too short: Expected {count} but iterator had only "
                         f"{len(items)} items.")
    v, _ = operand(items, d) if items else (C.zeros((0,), dtype=d.core), d)
    return wrap(v, d)


def copy(a, order="K", subok=False):
    if isinstance(a, ndarray):
        return wrap(C.copy(a._value()), a._dt)
    v, d = operand(a)
    return wrap(C.copy(v), d)
