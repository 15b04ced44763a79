"""Reductions with NumPy's dtype rules: ufunc.reduce/accumulate/reduceat/at and the reductions
behind the ndarray methods (sum, prod, mean, var, std, min, max, argmin, argmax, all, any,
cumsum, cumprod).

NumPy's rules: add/multiply reductions and accumulations of bool and integers narrower than
int64 give int64 (uint64 for unsigned); mean/var/std of integers give float64; empty
reductions without an identity raise ValueError. The functions here take NumPy's arguments
and return what NumPy returns (a NumPy scalar for a 0-d result, or `out`).
"""
from __future__ import annotations

import builtins
import math

from ... import core as C
from . import _dtypes as T
from ._ndarray import (full_native, ndarray, normalize_axes, normalize_axis, operand, result,
                       wrap, write_out)

from ._scalars import from_native as _from_native


def _arr(a):
    if isinstance(a, ndarray):
        return a._value(), a.dtype
    return operand(a)


def _sum_dtype(d):
    if d is T.BOOL or (d.kind == "i" and d.itemsize < 8):
        return T.I64
    if d.kind == "u" and d.itemsize < 8:
        return T.U64
    return d


def _axes(axis, nd):
    return normalize_axes(axis, nd)


def _finish(r, d, out, casting="unsafe"):
    if C.dtype_of(r) is not d.core:
        r = C.astype(r, d.core)
    if out is not None:
        return write_out(out, r, casting)
    return result(r, d)


def _mask(where, v):
    m, md = operand(where)
    if md is not T.BOOL:
        m = C.astype(m, C.bool)
    return C.broadcast_to(m, C.shape(v))


def _fill(v, where, value):
    """v with `value` where `where` is False."""
    m = _mask(where, v)
    return C.where(m, v, full_native(C.shape(v), value, T.DTYPES[C.dtype_of(v)]))


# ------------------------------------------------------------------ method reductions

_SUM = {d: _sum_dtype(d) for d in T.ALL}


def sum(a, axis=None, dtype=None, out=None, keepdims=False, initial=None, where=True):
    if axis is None and dtype is None and out is None and where is True and initial is None \
            and not keepdims and type(a) is ndarray:
        d = a._dt or a.dtype
        rd = _SUM[d]
        if rd is d and d is not T.BOOL:
            return _from_native(C.sum(a._value()), d)
    v, d = _arr(a)
    nd = len(C.shape(v))
    ax = _axes(axis, nd)
    rd = _sum_dtype(d) if dtype is None else T.as_dtype(dtype)
    if rd is not d:
        v = C.astype(v, rd.core)
    if where is not True:
        v = _fill(v, where, 0)
    if rd is T.BOOL:
        r = C.any(v, axis=ax, keepdims=keepdims)
    else:
        r = C.sum(v, axis=ax, keepdims=keepdims)
    if initial is not None:
        r = C.add(r, C.asarray(initial, dtype=rd.core))
    return _finish(r, rd, out)


def prod(a, axis=None, dtype=None, out=None, keepdims=False, initial=None, where=True):
    v, d = _arr(a)
    ax = _axes(axis, len(C.shape(v)))
    rd = _sum_dtype(d) if dtype is None else T.as_dtype(dtype)
    if rd is not d:
        v = C.astype(v, rd.core)
    if where is not True:
        v = _fill(v, where, 1)
    if rd is T.BOOL:
        r = C.all(v, axis=ax, keepdims=keepdims)
    else:
        r = C.prod(v, axis=ax, keepdims=keepdims)
    if initial is not None:
        r = C.multiply(r, C.asarray(initial, dtype=rd.core))
    return _finish(r, rd, out)


def _mean_dtype(d, dtype):
    if dtype is not None:
        return T.as_dtype(dtype)
    return T.F64 if d.kind in "biu" else d


def mean(a, axis=None, dtype=None, out=None, keepdims=False, *, where=True):
    v, d = _arr(a)
    shape = C.shape(v)
    ax = _axes(axis, len(shape))
    rd = _mean_dtype(d, dtype)
    work = T.F32 if rd is T.F16 else rd
    if work.kind in "iu":
        work = T.F64
    v = C.astype(v, work.core) if d is not work else v
    if where is not True:
        m = _mask(where, v)
        n = C.sum(C.astype(m, work.core), axis=ax, keepdims=keepdims)
        s = C.sum(C.where(m, v, C.zeros_like(v)), axis=ax, keepdims=keepdims)
        r = C.divide(s, n)
    else:
        n = math.prod(shape[i] for i in ax)
        if n == 0:
            _warn_empty("Mean of empty slice.")
        r = C.divide(C.sum(v, axis=ax, keepdims=keepdims), C.asarray(n, dtype=work.core)) \
            if n else C.full(_reduced_shape(shape, ax, keepdims), float("nan"), dtype=work.core)
    return _finish(r, rd, out)


def _reduced_shape(shape, ax, keepdims):
    if keepdims:
        return tuple(1 if i in ax else n for i, n in enumerate(shape))
    return tuple(n for i, n in enumerate(shape) if i not in ax)


def _warn_empty(msg):
    import warnings

    warnings.warn(msg, RuntimeWarning, stacklevel=4)


def var(a, axis=None, dtype=None, out=None, ddof=0, keepdims=False, *, where=True, mean=None,
        correction=None):
    if correction is not None:
        if ddof != 0:
            raise ValueError("ddof and correction can't be provided simultaneously.")
        ddof = correction
    v, d = _arr(a)
    shape = C.shape(v)
    ax = _axes(axis, len(shape))
    rd = _mean_dtype(d, dtype)
    work = T.F64 if rd.kind in "biu" else (T.F32 if rd is T.F16 else rd)
    v = C.astype(v, work.core) if d is not work else v
    if where is not True:
        m = _mask(where, v)
        n = C.sum(C.astype(m, C.float64), axis=ax, keepdims=True)
        mu = C.divide(C.sum(C.where(m, v, C.zeros_like(v)), axis=ax, keepdims=True),
                      C.astype(n, work.core))
        dev = C.where(m, C.subtract(v, mu), C.zeros_like(v))
        sq = C.multiply(dev, C.conj(dev)) if work.kind == "c" else C.multiply(dev, dev)
        s = C.sum(C.real(sq) if work.kind == "c" else sq, axis=ax, keepdims=keepdims)
        nn = C.sum(C.astype(m, C.float64), axis=ax, keepdims=keepdims)
        r = C.divide(s, C.astype(C.maximum(C.subtract(nn, ddof), C.zeros_like(nn)),
                                 C.dtype_of(s)))
    else:
        n = math.prod(shape[i] for i in ax)
        if mean is not None:
            mu = _arr(mean)[0]
        else:
            mu = C.divide(C.sum(v, axis=ax, keepdims=True), C.asarray(builtins.max(n, 1), dtype=work.core))
        dev = C.subtract(v, C.astype(mu, work.core))
        if work.kind == "c":
            sq = C.real(C.multiply(dev, C.conj(dev)))
        else:
            sq = C.multiply(dev, dev)
        s = C.sum(sq, axis=ax, keepdims=keepdims)
        denom = builtins.max(n - ddof, 0)
        if denom <= 0:
            _warn_empty("Degrees of freedom <= 0 for slice")
        r = C.divide(s, C.asarray(denom, dtype=C.dtype_of(s)))
    out_d = rd if rd.kind != "c" else (T.F32 if rd is T.C64 else T.F64)
    return _finish(r, out_d, out)


def std(a, axis=None, dtype=None, out=None, ddof=0, keepdims=False, *, where=True, mean=None,
        correction=None):
    r = var(a, axis, dtype, None, ddof, keepdims, where=where, mean=mean, correction=correction)
    v, d = _arr(r)
    s = C.sqrt(v)
    return _finish(s, d, out)


def _minmax(a, axis, out, keepdims, initial, where, core_fn, name):
    v, d = _arr(a)
    shape = C.shape(v)
    ax = _axes(axis, len(shape))
    if where is not True:
        if initial is None:
            raise ValueError(f"reduction operation '{name}' does not have an identity, so to "
                             "use a where mask one has to specify 'initial'")
        v = _fill(v, where, initial)
    if builtins.any(shape[i] == 0 for i in ax):
        if initial is None:
            raise ValueError(f"zero-size array to reduction operation {name} which has no "
                             "identity")
        return _finish(full_native(_reduced_shape(shape, ax, keepdims), initial, d), d, out)
    if d is T.BOOL:
        r = (C.any if name == "maximum" else C.all)(v, axis=ax, keepdims=keepdims)
    elif d.kind == "c":
        from . import _ufunc as U

        uf = U.maximum if name == "maximum" else U.minimum
        r = _arr(uf.reduce(wrap(v, d), axis=ax, keepdims=keepdims))[0]
    else:
        r = core_fn(v, axis=ax, keepdims=keepdims)
    if initial is not None:
        from . import _ufunc as U

        uf = U.maximum if name == "maximum" else U.minimum
        r = C.astype(_arr(uf(wrap(r, d), initial))[0], d.core)
    return _finish(r, d, out)


def max(a, axis=None, out=None, keepdims=False, initial=None, where=True):
    return _minmax(a, axis, out, keepdims, initial, where, C.max, "maximum")


def min(a, axis=None, out=None, keepdims=False, initial=None, where=True):
    return _minmax(a, axis, out, keepdims, initial, where, C.min, "minimum")


def _arg(a, axis, out, keepdims, fn, name):
    v, d = _arr(a)
    shape = C.shape(v)
    if axis is None:
        if math.prod(shape) == 0:
            raise ValueError(f"attempt to get {name} of an empty sequence")
        r = fn(C.reshape(v, (-1,)), axis=0)
        if keepdims:
            r = C.reshape(r, (1,) * len(shape))
    else:
        ax = normalize_axis(axis, len(shape))
        if shape[ax] == 0:
            raise ValueError(f"attempt to get {name} of an empty sequence")
        r = fn(v, axis=ax, keepdims=keepdims)
    return _finish(r, T.I64, out, "same_kind")


def _nan_first(fn):
    """argmax/argmin that return the first NaN's index, as NumPy does."""
    def k(v, axis, keepdims=False):
        if C.dtype_of(v).kind in "fc":
            nan = C.isnan(v)
            any_nan = C.any(nan, axis=axis, keepdims=keepdims)
            if builtins.bool(C.any(any_nan)):
                first = C.argmax(C.astype(nan, C.int8), axis=axis, keepdims=keepdims)
                return C.where(any_nan, first, fn(v, axis=axis, keepdims=keepdims))
            if C.dtype_of(v).kind == "c":
                return _complex_arg(fn, v, axis, keepdims)
        if C.dtype_of(v) is C.bool:
            v = C.astype(v, C.int8)
        return fn(v, axis=axis, keepdims=keepdims)
    return k


def _complex_arg(fn, v, axis, keepdims):
    re, im = C.real(v), C.imag(v)
    best_re = (C.max if fn is C.argmax else C.min)(re, axis=axis, keepdims=True)
    cand = C.equal(re, best_re)
    big = C.full(C.shape(im), float("-inf") if fn is C.argmax else float("inf"),
                 dtype=C.dtype_of(im))
    im2 = C.where(cand, im, big)
    return fn(im2, axis=axis, keepdims=keepdims)


def argmax(a, axis=None, out=None, *, keepdims=False):
    return _arg(a, axis, out, keepdims, _nan_first(C.argmax), "argmax")


def argmin(a, axis=None, out=None, *, keepdims=False):
    return _arg(a, axis, out, keepdims, _nan_first(C.argmin), "argmin")


def all(a, axis=None, out=None, keepdims=False, *, where=True):
    v, d = _arr(a)
    ax = _axes(axis, len(C.shape(v)))
    if d is not T.BOOL:
        v = C.astype(v, C.bool)
    if where is not True:
        v = _fill(v, where, True)
    return _finish(C.all(v, axis=ax, keepdims=keepdims), T.BOOL, out)


def any(a, axis=None, out=None, keepdims=False, *, where=True):
    v, d = _arr(a)
    ax = _axes(axis, len(C.shape(v)))
    if d is not T.BOOL:
        v = C.astype(v, C.bool)
    if where is not True:
        v = _fill(v, where, False)
    return _finish(C.any(v, axis=ax, keepdims=keepdims), T.BOOL, out)


def _cum(a, axis, dtype, out, core_fn):
    v, d = _arr(a)
    if axis is None:
        v = C.reshape(v, (-1,))
        ax = 0
    else:
        ax = normalize_axis(axis, len(C.shape(v)))
    rd = _sum_dtype(d) if dtype is None else T.as_dtype(dtype)
    if rd is not d:
        v = C.astype(v, rd.core)
    if rd is T.BOOL:
        v = C.astype(v, C.int8)
        r = C.not_equal(core_fn(v, axis=ax), 0)
    else:
        r = core_fn(v, axis=ax)
    return _finish(r, rd, out)


def cumsum(a, axis=None, dtype=None, out=None):
    return _cum(a, axis, dtype, out, C.cumulative_sum)


def cumprod(a, axis=None, dtype=None, out=None):
    return _cum(a, axis, dtype, out, C.cumulative_prod)


# ------------------------------------------------------------------ ufunc methods

def ufunc_reduce(uf, array, axis, dtype, out, keepdims, initial, where):
    if uf.nin != 2 or uf.nout != 1:
        raise ValueError("reduce only supported for binary functions")
    from ._ufunc import _NoValue as NV

    v, d = _arr(array)
    if dtype is None and uf._resolve((d, d)) is None:
        raise uf._no_loop((d, d))
    shape = C.shape(v)
    nd = len(shape)
    if axis is None:
        ax = tuple(range(nd))
    else:
        ax = normalize_axes(axis, nd)
    if len(ax) > 1 and not uf._reorderable:
        raise ValueError(f"reduction operation '{uf.__name__}' is not reorderable, so at most "
                         "one axis may be specified")
    name = uf.__name__
    if name in ("add", "multiply") and initial is NV and dtype is None and out is None:
        f = sum if name == "add" else prod
        return f(array if isinstance(array, ndarray) else wrap(v, d), axis=ax,
                 keepdims=keepdims, where=where)
    if name in ("maximum", "minimum") and initial is NV and d.kind != "c":
        f = max if name == "maximum" else min
        r = f(wrap(v, d), axis=ax, keepdims=keepdims, where=where)
        return _finish(_arr(r)[0], T.as_dtype(dtype) if dtype else d, out)
    if name in ("logical_and", "logical_or") and initial is NV:
        f = all if name == "logical_and" else any
        return f(wrap(v, d), axis=ax, out=out, keepdims=keepdims, where=where)
    # generic: fold along the axes with the ufunc itself
    rd = T.as_dtype(dtype) if dtype is not None else (
        _sum_dtype(d) if name in ("add", "multiply") else d)
    x = wrap(v if rd is d else C.astype(v, rd.core), rd)
    moved = C.moveaxis(x._value(), ax, tuple(range(len(ax)))) if ax else x._value()
    rest = tuple(n for i, n in enumerate(shape) if i not in ax)
    n = math.prod(shape[i] for i in ax)
    flat = C.reshape(moved, (n,) + rest)
    if where is not True:
        m = C.moveaxis(_mask(where, v), ax, tuple(range(len(ax)))) if ax else _mask(where, v)
        m = C.reshape(m, (n,) + rest)
    else:
        m = None
    ident = uf.identity if initial is NV else initial
    if n == 0 or m is not None:
        if ident is None:
            if n == 0:
                raise ValueError(f"zero-size array to reduction operation {name} which has "
                                 "no identity")
            raise ValueError(f"reduction operation '{name}' does not have an identity, so to "
                             "use a where mask one has to specify 'initial'")
    acc = None
    if ident is not None:
        acc = wrap(full_native(rest, ident, rd), rd)
    for i in range(n):
        item = wrap(C.getitem(flat, i), rd)
        if m is not None:
            mi = C.getitem(m, i)
            if acc is None:
                acc = item
                continue
            new = uf(acc, item)
            acc = wrap(C.where(mi, _arr(new)[0], acc._value()), rd)
            continue
        if acc is None:
            acc = item
        else:
            acc = uf(acc, item, dtype=rd if dtype is not None else None)
    r = _arr(acc)[0]
    if C.dtype_of(r) is not rd.core and dtype is not None:
        r = C.astype(r, rd.core)
    if keepdims:
        r = C.reshape(r, tuple(1 if i in ax else s for i, s in enumerate(shape)))
    rdt = T.DTYPES[C.dtype_of(r)]
    return _finish(r, rdt, out)


def ufunc_accumulate(uf, array, axis, dtype, out):
    if uf.nin != 2 or uf.nout != 1:
        raise ValueError("accumulate only supported for binary functions")
    v, d = _arr(array)
    shape = C.shape(v)
    if not shape:
        raise ValueError("Cannot accumulate on a scalar")
    ax = normalize_axis(axis if axis is not None else 0, len(shape))
    name = uf.__name__
    if name in ("add", "multiply") and d is not T.BOOL or (name in ("add", "multiply") and dtype):
        return _cum(wrap(v, d), ax, dtype, out,
                    C.cumulative_sum if name == "add" else C.cumulative_prod)
    rd = T.as_dtype(dtype) if dtype is not None else (
        _sum_dtype(d) if name in ("add", "multiply") else d)
    if name in ("maximum", "minimum") and rd.kind in "iuf" and rd is d:
        r = (C.cummax if name == "maximum" else C.cummin)(v, ax)
        if isinstance(r, tuple):  # (values, indices)
            r = r[0]
        return _finish(r, rd, out)
    x = C.moveaxis(v if rd is d else C.astype(v, rd.core), ax, 0)
    n = C.shape(x)[0]
    loop = uf._resolve((rd, rd))
    if loop is None:
        raise uf._no_loop((rd, rd))
    od = loop[2][0]
    parts = []
    acc = None
    for i in range(n):
        item = wrap(C.getitem(x, i), rd)
        acc = wrap(C.astype(item._value(), od.core), od) if acc is None else uf(acc, item)
        parts.append(C.astype(_arr(acc)[0], rd.core) if dtype is not None else _arr(acc)[0])
    if not parts:
        r = C.astype(x, od.core)
    else:
        r = C.stack(parts, axis=0)
    r = C.moveaxis(r, 0, ax)
    return _finish(r, T.DTYPES[C.dtype_of(r)], out)


def ufunc_reduceat(uf, array, indices, axis, dtype, out):
    v, d = _arr(array)
    shape = C.shape(v)
    ax = normalize_axis(axis, len(shape))
    idx = [builtins.int(i) for i in C.to_numpy(_arr(indices)[0]).reshape(-1)]
    n = shape[ax]
    parts = []
    for j, i in enumerate(idx):
        if not 0 <= i < n:
            raise IndexError(f"index {i} out-of-bounds in {uf.__name__}.reduceat [0, {n})")
        stop = idx[j + 1] if j + 1 < len(idx) else n
        key = (slice(None),) * ax
        if stop > i:
            seg = wrap(C.getitem(v, key + (slice(i, stop),)), d)
            r = uf.reduce(seg, axis=ax, dtype=dtype, keepdims=True)
        else:
            r = wrap(C.getitem(v, key + (slice(i, i + 1),)), d)
        parts.append(_arr(r)[0])
    rd = T.DTYPES[C.dtype_of(parts[0])] if parts else d
    r = C.concat([C.astype(p, rd.core) for p in parts], axis=ax)
    return _finish(r, rd, out)


def ufunc_at(uf, a, indices, b):
    if not isinstance(a, ndarray):
        raise TypeError("first operand must be an ndarray")
    from ._keys import native_key

    key, _, _ = native_key(indices)
    v = a._value()
    d = a.dtype
    name = uf.__name__
    if uf.nin == 2 and b is None:
        raise ValueError("second operand needed for ufunc")
    if uf.nin == 2:
        bv, bd = _arr(b)
        target = C.getitem(v, key)
        loop_d = uf._resolve((d, bd if not isinstance(b, (builtins.int, builtins.float,
                                                            builtins.complex))
                              else T.weak(b, d)))
        if name in ("add", "subtract") and loop_d is not None:
            res_d = loop_d[2][0]
            if not T.can_cast_dtype(res_d, d, "same_kind"):
                from ._ndarray import _casting_error

                raise _casting_error(res_d, d, "same_kind")
            bb = C.astype(bv, d.core)
            if name == "subtract":
                bb = C.negative(bb)
            if d is T.BOOL:
                bb = C.astype(bb, C.int8)
                new = C.not_equal(C.index_add(C.astype(v, C.int8), key, bb), 0)
            else:
                new = C.index_add(v, key, bb)
            a._write(new)
            return None
        red = {"multiply": "prod", "maximum": "amax", "minimum": "amin"}.get(name)
        if red is not None and d.kind in "iuf":
            a._write(C.index_reduce(v, key, C.astype(bv, d.core), red))
            return None
        del target
    # generic: apply one element at a time, in index order (repeated indices repeat)
    import numpy

    shape = C.shape(v)
    pos = C.to_numpy(C.getitem(C.reshape(C.arange(0, builtins.max(math.prod(shape), 1), 1,
                                                     dtype=C.int64), shape), key))
    flat_pos = pos.reshape(-1)
    if uf.nin == 2:
        bvals = C.to_numpy(C.broadcast_to(_arr(b)[0], pos.shape)).reshape(-1)
    cur = C.to_numpy(C.reshape(v, (-1,))).copy()
    for i, p in enumerate(flat_pos):
        x = wrap(C.asarray(cur[p:p + 1]), d)
        if uf.nin == 2:
            r = uf(x, bvals[i:i + 1])
        else:
            r = uf(x)
        cur[p] = numpy.asarray(r.__array__()).astype(cur.dtype)[0]
    a._write(C.reshape(C.asarray(cur), shape))
    return None
