"""NumPy's statistics and reductions: mean/std/var, median and quantiles (all 13 methods),
min/max and arg-reductions (complex values compare lexicographically, as NumPy), the nan-
variants, all/any/count_nonzero, cov/corrcoef, histograms, bincount, digitize."""
from __future__ import annotations

import builtins
import math
import operator

from ... import core as C
from . import _dtypes as T
from ._math import (_BOOL_SUB, NoValue, _axes, _cast, _count, _dt, _in, _mask, _nat, _real_dt,
                    _reduced_shape, _ret, _shape)
from ._ndarray import ndarray, normalize_axis, operand, result, wrap
from ._sorting import sort_native

__all__ = ["mean", "average", "median", "percentile", "quantile", "nanmean", "nanmedian",
           "nanpercentile", "nanquantile", "std", "var", "nanstd", "nanvar", "min", "max", "amin",
           "amax", "nanmin", "nanmax", "ptp", "argmin", "argmax", "nanargmin", "nanargmax", "all",
           "any", "count_nonzero", "cov", "corrcoef", "histogram", "histogram2d", "histogramdd",
           "histogram_bin_edges", "bincount", "digitize"]

_bmin, _bmax, _babs, _bsum = builtins.min, builtins.max, builtins.abs, builtins.sum
_INF = float("inf")
_NAN = float("nan")


def _kd(keepdims):
    return False if keepdims is NoValue else builtins.bool(keepdims)


def _isnan(v):
    return C.isnan(v) if C.dtype_of(v).kind in "fc" else None


# ------------------------------------------------------------------ mean, var, std

def _out_acc(d, out):
    """NumPy accumulates into a wider inexact out= array (float32 data, float64 out)."""
    if isinstance(out, ndarray):
        od = out.dtype
        if od.kind in "fc" and T.PROMOTE[d, od] is od and d.kind in "fc":
            return od
    return None


def _mean_dt(d, dtype):
    if dtype is not None:
        return T.as_dtype(dtype)
    return T.F64 if d.kind in "biu" else d


def mean(a, axis=None, dtype=None, out=None, keepdims=False, *, where=True):
    if type(a) is ndarray and dtype is None and out is None and where is True and not keepdims \
            and a.dtype is not T.F16:
        v = a._value()
        return result(C.mean(v, axis=_axes(axis, len(C.shape(v)))))
    v, d = _in(a)
    axes = _axes(axis, len(C.shape(v)))
    kd = _kd(keepdims)
    rd = _mean_dt(d, dtype if dtype is not None else _out_acc(d, out))
    work = T.F32 if rd is T.F16 else rd if rd.kind in "fc" else T.F64
    x = _cast(v, work)
    if where is True:
        r = C.mean(x, axis=axes, keepdims=kd)
    else:
        m = _mask(where, x)
        s = C.sum(C.where(m, x, C.zeros((), dtype=work.core)), axis=axes, keepdims=kd)
        r = C.divide(s, C.sum(C.astype(m, _real_dt(work).core), axis=axes, keepdims=kd))
    return _ret(_cast(r, rd), out)


def _var(a, axis, dtype, out, ddof, keepdims, where, mean_, correction, nan, sqrt):
    if correction is not NoValue:
        if ddof != 0:
            raise ValueError("ddof and correction can't be provided simultaneously.")
        ddof = correction
    v, d = _in(a)
    axes = _axes(axis, len(C.shape(v)))
    kd = _kd(keepdims)
    rd = _mean_dt(d, dtype)
    work = T.F32 if rd is T.F16 else rd if rd.kind in "fc" else T.F64
    x = _cast(v, work)
    rdt = _real_dt(work)
    dev_src = None
    if d.kind == "c" and work.kind != "c":  # NumPy: the mean drops imag, deviations keep it
        dev_src = _cast(v, T.PROMOTE[d, work])
    mask = None if where is True or where is NoValue else _mask(where, x)
    if nan and work.kind in "fc":
        nn = C.logical_not(C.isnan(x))
        mask = nn if mask is None else C.logical_and(mask, nn)
    if mask is None and mean_ is NoValue and dev_src is None:
        r = C.var(x, axis=axes, correction=float(ddof), keepdims=kd)
    else:
        zero = C.zeros((), dtype=work.core)
        if mask is None:
            cnt = float(_count(_shape(x), axes))
            xm = x
        else:
            cnt = C.sum(C.astype(mask, rdt.core), axis=axes, keepdims=True)
            xm = C.where(mask, x, zero)
        if mean_ is NoValue:
            m = C.divide(C.sum(xm, axis=axes, keepdims=True), cnt)
        else:
            m = _nat(mean_, work)
        dev = C.subtract(x, m) if dev_src is None else C.subtract(dev_src, _cast(m, _dt(dev_src)))
        sq = C.real(C.multiply(dev, C.conj(dev))) if _dt(dev).kind == "c" else C.multiply(dev, dev)
        sq = _cast(sq, rdt)
        if mask is not None:
            sq = C.where(mask, sq, C.zeros((), dtype=rdt.core))
        s = C.sum(sq, axis=axes, keepdims=kd)
        if mask is None:
            r = C.divide(s, _bmax(cnt - ddof, 0.0))
        else:
            c = C.subtract(cnt, float(ddof))
            c = C.maximum(c, C.zeros((), dtype=rdt.core))
            r = C.divide(s, c if kd else C.reshape(c, _shape(s)))
    if sqrt:
        r = C.sqrt(r)
    return _ret(_cast(r, _real_dt(rd)), out)


def var(a, axis=None, dtype=None, out=None, ddof=0, keepdims=NoValue, *, where=NoValue,
        mean=NoValue, correction=NoValue):
    return _var(a, axis, dtype, out, ddof, keepdims, where, mean, correction, False, False)


def std(a, axis=None, dtype=None, out=None, ddof=0, keepdims=NoValue, *, where=NoValue,
        mean=NoValue, correction=NoValue):
    return _var(a, axis, dtype, out, ddof, keepdims, where, mean, correction, False, True)


def nanvar(a, axis=None, dtype=None, out=None, ddof=0, keepdims=NoValue, *, where=NoValue,
           mean=NoValue, correction=NoValue):
    return _var(a, axis, dtype, out, ddof, keepdims, where, mean, correction, True, False)


def nanstd(a, axis=None, dtype=None, out=None, ddof=0, keepdims=NoValue, *, where=NoValue,
           mean=NoValue, correction=NoValue):
    return _var(a, axis, dtype, out, ddof, keepdims, where, mean, correction, True, True)


def nanmean(a, axis=None, dtype=None, out=None, keepdims=NoValue, *, where=NoValue):
    v, d = _in(a)
    if d.kind not in "fc":
        return mean(a, axis, dtype, out, _kd(keepdims), where=True if where is NoValue else where)
    axes = _axes(axis, len(C.shape(v)))
    kd = _kd(keepdims)
    rd = _mean_dt(d, dtype)
    work = T.F32 if rd is T.F16 else rd
    x = _cast(v, work)
    m = C.logical_not(C.isnan(x))
    if where is not NoValue and where is not True:
        m = C.logical_and(m, _mask(where, x))
    s = C.sum(C.where(m, x, C.zeros((), dtype=work.core)), axis=axes, keepdims=kd)
    r = C.divide(s, C.sum(C.astype(m, _real_dt(work).core), axis=axes, keepdims=kd))
    return _ret(_cast(r, rd), out)


# ------------------------------------------------------------------ average

def average(a, axis=None, weights=None, returned=False, *, keepdims=NoValue):
    v, d = _in(a)
    s = _shape(v)
    kd = _kd(keepdims)
    axes = _axes(axis, len(s))
    if weights is None:
        rd = _mean_dt(d, None)
        x = _cast(v, T.F32 if rd is T.F16 else rd)
        avg = _cast(C.mean(x, axis=axes, keepdims=kd), rd)
        n = _count(s, axes)
        scl = C.full(_shape(avg), float(n), dtype=rd.core) if returned else None
    else:
        wv, wd = _in(weights)
        rd = T.PROMOTE[d, wd]
        if d.kind in "biu":
            rd = T.PROMOTE[rd, T.F64]
        x, w = _cast(v, rd), _cast(wv, rd)
        ws = _shape(w)
        if ws != s:
            if axis is None:
                raise TypeError("Axis must be specified when shapes of a and weights differ.")
            ax = axes
            if len(ws) != len(ax):
                raise ValueError("Shape of weights must be consistent with shape of a along "
                                 "specified axis.")
            if tuple(s[i] for i in ax) != ws:
                raise ValueError("Shape of weights must be consistent with shape of a along "
                                 "specified axis.")
            # put the weights' axes where a has them (in their order), broadcast the rest
            order = sorted(range(len(ax)), key=lambda k: ax[k])
            w = C.permute_dims(w, tuple(order)) if order != list(range(len(ax))) else w
            w = C.reshape(w, tuple(s[i] if i in ax else 1 for i in range(len(s))))
            w = C.broadcast_to(w, s)
        scl = C.sum(w, axis=axes, keepdims=kd)
        if builtins.bool(C.any(C.equal(scl, 0))):
            raise ZeroDivisionError("Weights sum to zero, can't be normalized")
        avg = C.divide(C.sum(C.multiply(x, w), axis=axes, keepdims=kd), scl)
    if returned:
        if _shape(scl) != _shape(avg):
            scl = C.broadcast_to(scl, _shape(avg))
        return result(avg), result(_cast(scl, _dt(avg)))
    return result(avg)


# ------------------------------------------------------------------ quantiles

# continuous methods: virtual index h = n*q + alpha + q*(1 - alpha - beta) - 1 (Hyndman & Fan)
_CONTINUOUS = {"linear": (1.0, 1.0), "weibull": (0.0, 0.0), "hazen": (0.5, 0.5),
               "interpolated_inverted_cdf": (0.0, 1.0), "median_unbiased": (1 / 3, 1 / 3),
               "normal_unbiased": (3 / 8, 3 / 8)}
_DISCRETE = ("inverted_cdf", "closest_observation", "lower", "higher", "nearest")
_METHODS = tuple(_CONTINUOUS) + _DISCRETE + ("averaged_inverted_cdf", "midpoint")


def _to_last(v, axes):
    """v with the reduced axes moved last and merged: (batch..., N); also batch shape, N."""
    s = _shape(v)
    if axes is None:
        axes = tuple(range(len(s)))
    rest = [i for i in range(len(s)) if i not in axes]
    perm = tuple(rest) + tuple(sorted(axes))
    if perm != tuple(range(len(s))):
        v = C.permute_dims(v, perm)
    batch = tuple(s[i] for i in rest)
    n = _count(s, axes)
    return C.reshape(v, batch + (n,)), batch, n


def _round_half_even(h):
    return C.round(h)


def _gather(sorted_flat, N, B, idx):
    """values of the sorted (B*N,) array at per-batch indices idx (shape qs + (B,))."""
    lin = C.add(C.multiply(C.arange(B, dtype=C.int64), N), idx)
    return C.take(sorted_flat, lin)


def _quantile(a, q, axis, out, method, keepdims, weights, nan, scale, name):
    v, d = _in(a)
    if d.kind == "c":
        raise TypeError("a must be an array of real numbers")
    if method not in _METHODS:
        raise ValueError(f"'{method}' is not a valid method. Use one of: {_METHODS}")
    if type(q) in (builtins.int, builtins.float) and d.kind == "f":
        qv, qd = operand(q, d)
    else:
        qv, qd = operand(q)
    if qd.kind not in "fiub":
        raise TypeError("q must be real")

    qf = _cast(qv, qd if qd.kind == "f" else T.F64)
    if scale != 1:
        qf = C.divide(qf, C.asarray(scale, dtype=C.dtype_of(qf)))
    if not builtins.bool(C.all(C.logical_and(C.greater_equal(qf, 0), C.less_equal(qf, 1)))):
        raise ValueError("Percentiles must be in the range [0, 100]" if scale != 1
                         else "Quantiles must be in the range [0, 1]")
    nd = len(C.shape(v))
    axes = _axes(axis, nd)
    if axes == ():
        axes = None
    s = _shape(v)
    kd = _kd(keepdims)
    if _count(s, axes) == 0 and not nan:
        raise IndexError("index -1 is out of bounds for axis 0 with size 0")
    if weights is not None and method != "inverted_cdf":
        raise ValueError(f"Only method 'inverted_cdf' supports weights. Got: {method}.")
    if d is T.BOOL and method not in _DISCRETE:
        raise TypeError(_BOOL_SUB)
    gd = _dt(qf)  # the dtype the interpolation weights take
    x, batch, N = _to_last(v, axes)
    B = math.prod(batch)
    x = C.reshape(x, (B, N))
    isn = C.isnan(x) if d.kind == "f" else None
    xs = x if isn is None else C.where(isn, C.asarray(_INF, dtype=d.core), x)
    if weights is not None:
        wv = _nat(weights, T.F64)
        if _shape(wv) != s:
            if len(_shape(wv)) == 1 and axes is not None and len(axes) == 1:
                sh = [1] * nd
                sh[axes[0]] = _shape(wv)[0]
                wv = C.broadcast_to(C.reshape(wv, tuple(sh)), s)
            else:
                raise ValueError("Shape of weights must be consistent with shape of a along "
                                 "specified axis.")
        if builtins.bool(C.any(C.less(wv, 0))):
            raise ValueError("Weights must be non-negative.")
        wv = C.reshape(_to_last(wv, axes)[0], (B, N))
        if isn is not None:
            wv = C.where(isn, C.zeros((), dtype=C.float64), wv)
        order = C.argsort(xs, axis=-1)
        srt = C.take_along_axis(xs, order, axis=-1)
        cw = C.cumulative_sum(C.take_along_axis(wv, order, axis=-1), axis=-1)
        total = C.getitem(cw, (slice(None), slice(-1, None)))
        qs = _shape(qf)
        qq = C.reshape(C.astype(qf, C.float64), qs + (1, 1))
        target = C.multiply(qq, C.reshape(total, (1,) * len(qs) + (B, 1)))
        idx = C.sum(C.astype(C.less(C.reshape(cw, (1,) * len(qs) + (B, N)), target), C.int64), axis=-1)
        idx = C.minimum(idx, N - 1)
        r = _gather(C.reshape(srt, (-1,)), N, B, idx)
        has_nan = None if isn is None else C.any(isn, axis=-1)
        r = _finish_q(r, qs, batch, s, axes, kd, has_nan, d, None, nan, None)
        r = r if isinstance(r, ndarray) else wrap(_nat(r))
        return r if out is None else _ret(r._value(), out)
    srt = C.sort(xs, axis=-1)
    if isn is not None and nan:
        n = C.subtract(N, C.sum(C.astype(isn, C.int64), axis=-1))  # (B,)
    else:
        n = C.full((B,), N, dtype=C.int64)
    qs = _shape(qf)
    qb = C.reshape(qf, qs + (1,))
    fd = gd if gd.kind == "f" else T.F64
    nf = C.astype(n, fd.core)
    last = C.maximum(C.subtract(n, 1), 0)
    flat = C.reshape(srt, (-1,))

    def at(i):
        i = C.minimum(C.maximum(i, 0), last)
        return _gather(flat, N, B, i)

    def floor_i(h):
        return C.astype(C.floor(h), C.int64)

    if method in _CONTINUOUS or method in ("midpoint", "averaged_inverted_cdf"):
        if method == "linear":
            h = C.multiply(C.subtract(nf, 1.0), qb)
        elif method in _CONTINUOUS:
            al, be = _CONTINUOUS[method]
            h = C.add(C.multiply(nf, qb), C.add(C.multiply(qb, 1.0 - al - be), al))
            h = C.subtract(h, 1.0)
        elif method == "midpoint":
            h = C.multiply(C.subtract(nf, 1.0), qb)
        else:
            h = C.subtract(C.multiply(nf, qb), 1.0)
        h = _cast(h, fd)
        lo = floor_i(h)
        g = C.subtract(h, C.astype(lo, fd.core))
        if method == "midpoint":
            g = C.where(C.equal(g, 0), g, C.asarray(0.5, dtype=fd.core))
        elif method == "averaged_inverted_cdf":
            g = C.where(C.equal(g, 0), C.asarray(0.5, dtype=fd.core), C.asarray(1.0, dtype=fd.core))
        below = C.less(h, 0)
        above = C.greater_equal(h, C.astype(C.subtract(n, 1), fd.core))
        i0 = C.where(below, 0, C.where(above, last, lo))
        i1 = C.where(below, 0, C.where(above, last, C.add(lo, 1)))
        od = T.PROMOTE[d, fd]
        A0, B0 = at(i0), at(i1)
        A, Bv = _cast(A0, od), _cast(B0, od)
        diff = _cast(C.subtract(B0, A0), od) if d.kind != "u" else C.subtract(Bv, A)
        g1 = _cast(C.subtract(1.0, g), od)
        g = _cast(g, od)
        r = C.where(C.greater_equal(g, 0.5), C.subtract(Bv, C.multiply(diff, g1)),
                    C.add(A, C.multiply(diff, g)))
        r = C.where(C.equal(A, Bv), A, r)
    else:
        if method in ("lower", "higher", "nearest"):
            h = _cast(C.multiply(C.subtract(nf, 1.0), qb), fd)
            if method == "lower":
                i = floor_i(h)
            elif method == "higher":
                i = C.astype(C.ceil(h), C.int64)
            else:
                i = C.astype(_round_half_even(h), C.int64)
        elif method == "inverted_cdf":
            h = _cast(C.multiply(nf, qb), fd)
            j = floor_i(h)
            i = C.where(C.equal(C.astype(j, fd.core), h), C.subtract(j, 1), j)
        else:  # closest_observation
            h = _cast(C.subtract(C.multiply(nf, qb), 0.5), fd)
            j = floor_i(h)
            exact = C.equal(C.astype(j, fd.core), h)
            even = C.equal(C.remainder(j, 2), 0)
            i = C.where(C.logical_and(exact, even), C.subtract(j, 1), j)
        r = at(i)
    has_nan = None
    if isn is not None:
        has_nan = C.all(isn, axis=-1) if nan else C.any(isn, axis=-1)
    return _finish_q(r, qs, batch, s, axes, kd, has_nan, d, out, nan, n)


def _finish_q(r, qs, batch, s, axes, kd, has_nan, d, out, nan, n):
    if has_nan is not None:
        r = C.where(has_nan, C.asarray(_NAN, dtype=C.dtype_of(r)), r)
    r = C.reshape(r, qs + batch)
    if kd:
        r = C.reshape(r, qs + _reduced_shape(s, axes, True))
    return _ret(r, out)


def quantile(a, q, axis=None, out=None, overwrite_input=False, method="linear", keepdims=False, *,
             weights=None, interpolation=None):
    return _quantile(a, q, axis, out, interpolation or method, keepdims, weights, False, 1, "quantile")


def percentile(a, q, axis=None, out=None, overwrite_input=False, method="linear", keepdims=False, *,
               weights=None, interpolation=None):
    return _quantile(a, q, axis, out, interpolation or method, keepdims, weights, False, 100,
                     "percentile")


def nanquantile(a, q, axis=None, out=None, overwrite_input=False, method="linear",
                keepdims=NoValue, *, weights=None, interpolation=None):
    return _quantile(a, q, axis, out, interpolation or method, keepdims, weights, True, 1,
                     "nanquantile")


def nanpercentile(a, q, axis=None, out=None, overwrite_input=False, method="linear",
                  keepdims=NoValue, *, weights=None, interpolation=None):
    return _quantile(a, q, axis, out, interpolation or method, keepdims, weights, True, 100,
                     "nanpercentile")


def _median(a, axis, out, keepdims, nan):
    v, d = _in(a)
    if d.kind == "c" and not nan:
        pass
    s = _shape(v)
    axes = _axes(axis, len(s))
    if axes == ():
        axes = None
    kd = _kd(keepdims)
    rd = _mean_dt(d, None)
    work = T.F32 if rd is T.F16 else rd
    x, batch, N = _to_last(v, axes)
    B = math.prod(batch)
    x = C.reshape(x, (B, N))
    isn = C.isnan(x) if d.kind == "f" else None
    if N == 0:
        r = C.full(batch, _NAN, dtype=rd.core)
    else:
        xs = x if isn is None else C.where(isn, C.asarray(_INF, dtype=d.core), x)
        srt = C.reshape(sort_native(xs, -1), (-1,))
        if isn is not None and nan:
            n = C.subtract(N, C.sum(C.astype(isn, C.int64), axis=-1))
        else:
            n = C.full((B,), N, dtype=C.int64)
        lo = C.maximum(C.floor_divide(C.subtract(n, 1), 2), 0)
        hi = C.maximum(C.floor_divide(n, 2), 0)
        hi = C.minimum(hi, C.maximum(C.subtract(n, 1), 0))
        A = _cast(_gather(srt, N, B, lo), work)
        Bv = _cast(_gather(srt, N, B, hi), work)
        r = C.divide(C.add(A, Bv), 2.0)
        if isn is not None:
            bad = C.all(isn, axis=-1) if nan else C.any(isn, axis=-1)
            r = C.where(bad, C.asarray(_NAN, dtype=work.core), r)
        r = _cast(r, rd)
    r = C.reshape(r, batch)
    if kd:
        r = C.reshape(r, _reduced_shape(s, axes, True))
    return _ret(r, out)


def median(a, axis=None, out=None, overwrite_input=False, keepdims=False):
    return _median(a, axis, out, keepdims, False)


def nanmedian(a, axis=None, out=None, overwrite_input=False, keepdims=NoValue):
    return _median(a, axis, out, keepdims, True)


# ------------------------------------------------------------------ min / max / arg

def _lex_key(v):
    """For complex v: (real, imag) parts; None otherwise."""
    return (C.real(v), C.imag(v)) if C.dtype_of(v).kind == "c" else None


def _argext(v, ax, keepdims, largest):
    """argmax/argmin along one axis (None: flattened) with NumPy's NaN and complex rules."""
    if ax is None:
        v = C.reshape(v, (-1,))
        ax = 0
    k = C.dtype_of(v).kind
    if k == "c":
        re, im = C.real(v), C.imag(v)
        ext = C.max if largest else C.min
        best = ext(re, axis=ax, keepdims=True)
        fill = -_INF if largest else _INF
        tie = C.equal(re, best)
        im2 = C.where(tie, im, C.asarray(fill, dtype=C.dtype_of(im)))
        nanv = C.logical_or(C.isnan(re), C.isnan(im))
        idx = (C.argmax if largest else C.argmin)(im2, axis=ax, keepdims=True)
        # the first NaN wins (NumPy)
        anyn = C.any(nanv, axis=ax, keepdims=True)
        first_nan = C.argmax(C.astype(nanv, C.int8), axis=ax, keepdims=True)
        # a tie of the real part that has no imag (all -inf) still gives the first tie
        idx = C.where(anyn, first_nan, idx)
    elif k == "f":
        idx = _first_nan_wins(v, (C.argmax if largest else C.argmin)(v, axis=ax, keepdims=True),
                              ax, True)
    else:
        if k == "b":
            v = C.astype(v, C.int8)
        idx = (C.argmax if largest else C.argmin)(v, axis=ax, keepdims=True)
    if not keepdims:
        idx = C.squeeze(idx, ax)
    return idx


def _first_nan_wins(v, idx, ax, keepdims):
    """NumPy's arg-reductions give the first NaN (jax/tensorflow's argmax/argmin do not)."""
    nanv = C.isnan(v)
    first = C.argmax(C.astype(nanv, C.int8), axis=ax, keepdims=keepdims)
    return C.where(C.any(nanv, axis=ax, keepdims=keepdims), first, idx)


def _argred(a, axis, out, keepdims, largest, nan):
    v, d = _in(a)
    s = _shape(v)
    if axis is None:
        ax = None
        if not s or math.prod(s) == 0:
            if math.prod(s) == 0:
                raise ValueError(f"attempt to get {'argmax' if largest else 'argmin'} of an empty "
                                 "sequence")
    else:
        ax = normalize_axis(axis, len(s) if s else 1)
        if not s:
            v, s = C.reshape(v, (1,)), (1,)
        if s[ax] == 0:
            raise ValueError(f"attempt to get {'argmax' if largest else 'argmin'} of an empty "
                             "sequence")
    if nan and d.kind in "fc":
        isn = C.isnan(v) if d.kind == "f" else C.logical_or(C.isnan(C.real(v)), C.isnan(C.imag(v)))
        alln = C.all(isn, axis=ax)
        if builtins.bool(C.any(alln)):
            raise ValueError("All-NaN slice encountered")
        fill = -_INF if largest else _INF
        v = C.where(isn, C.asarray(fill, dtype=d.core), v)
    r = _argext(v, ax, keepdims, largest)
    if keepdims and axis is None:
        r = C.reshape(r, (1,) * len(s))
    return _ret(r, out)


def argmax(a, axis=None, out=None, *, keepdims=NoValue):
    if type(a) is ndarray and axis is None and out is None and keepdims is NoValue \
            and a.dtype.kind in "iuf" and a.size:
        v = a._value()
        i = C.argmax(v)
        return result(_first_nan_wins(C.reshape(v, (-1,)), i, None, False) if a.dtype.kind == "f" else i)
    return _argred(a, axis, out, _kd(keepdims), True, False)


def argmin(a, axis=None, out=None, *, keepdims=NoValue):
    if type(a) is ndarray and axis is None and out is None and keepdims is NoValue \
            and a.dtype.kind in "iuf" and a.size:
        v = a._value()
        i = C.argmin(v)
        return result(_first_nan_wins(C.reshape(v, (-1,)), i, None, False) if a.dtype.kind == "f" else i)
    return _argred(a, axis, out, _kd(keepdims), False, False)


def nanargmax(a, axis=None, out=None, *, keepdims=NoValue):
    return _argred(a, axis, out, _kd(keepdims), True, True)


def nanargmin(a, axis=None, out=None, *, keepdims=NoValue):
    return _argred(a, axis, out, _kd(keepdims), False, True)


def _scalar_as(value, d):
    """A 0-d native of dtype d holding a Python/NumPy scalar (cast like NumPy's initial=)."""
    if type(value) is builtins.int and d.kind in "iu":
        T.check_int_fits(value, d)
    v, vd = operand(value)
    return v if vd is d else C.astype(v, d.core)


def _extreme(a, axis, out, keepdims, initial, where, largest, nan):
    v, d = _in(a)
    s = _shape(v)
    axes = _axes(axis, len(s))
    kd = _kd(keepdims)
    name = "maximum" if largest else "minimum"
    if where is not True and where is not NoValue:
        if initial is NoValue:
            raise ValueError(f"reduction operation '{name}' does not have an identity, so to use "
                             "a where mask one has to specify 'initial'")
        v = C.where(_mask(where, v), v, _scalar_as(initial, d))
    if _count(s, axes) == 0:
        if initial is NoValue:
            raise ValueError(f"zero-size array to reduction operation {name} which has no identity")
        return _ret(C.broadcast_to(_scalar_as(initial, d), _reduced_shape(s, axes, kd)), out)
    isn = None
    if nan and d.kind in "fc":
        isn = C.isnan(v) if d.kind == "f" else C.logical_or(C.isnan(C.real(v)), C.isnan(C.imag(v)))
        v = C.where(isn, C.asarray(-_INF if largest else _INF, dtype=d.core), v)
    if d.kind == "c":
        if axes is None:
            vv, ax = C.reshape(v, (-1,)), 0
            idx = _argext(vv, ax, True, largest)
            r = C.take_along_axis(vv, idx, axis=0)
            r = C.reshape(r, _reduced_shape(s, None, kd))
        else:
            x, batch, n = _to_last(v, axes)
            idx = _argext(x, len(batch), True, largest)
            r = C.reshape(C.take_along_axis(x, idx, axis=-1), _reduced_shape(s, axes, kd))
    elif d is T.BOOL:
        r = (C.any if largest else C.all)(v, axis=axes, keepdims=kd)
    else:
        r = (C.max if largest else C.min)(v, axis=axes, keepdims=kd)
    if initial is not NoValue:
        iv = _scalar_as(initial, d)
        if d.kind == "c":
            from ._sorting import _lex_less
            better = _lex_less(r, iv, False) if largest else _lex_less(iv, r, False)
            r = C.where(better, iv, r)
        else:
            r = (C.maximum if largest else C.minimum)(r, iv)
    if isn is not None:
        alln = C.all(isn, axis=axes, keepdims=kd)
        r = C.where(alln, C.asarray(_NAN, dtype=d.core), r)
    return _ret(r, out)


def max(a, axis=None, out=None, keepdims=False, initial=NoValue, where=True):  # noqa: A001
    if type(a) is ndarray and axis is None and out is None and not keepdims and initial is NoValue \
            and where is True and a.dtype.kind in "iuf" and a.size:
        return result(C.max(a._value()))
    return _extreme(a, axis, out, keepdims, initial, where, True, False)


def min(a, axis=None, out=None, keepdims=False, initial=NoValue, where=True):  # noqa: A001
    if type(a) is ndarray and axis is None and out is None and not keepdims and initial is NoValue \
            and where is True and a.dtype.kind in "iuf" and a.size:
        return result(C.min(a._value()))
    return _extreme(a, axis, out, keepdims, initial, where, False, False)


amax = max
amin = min


def nanmax(a, axis=None, out=None, keepdims=NoValue, initial=NoValue, where=NoValue):
    return _extreme(a, axis, out, keepdims, initial, where, True, True)


def nanmin(a, axis=None, out=None, keepdims=NoValue, initial=NoValue, where=NoValue):
    return _extreme(a, axis, out, keepdims, initial, where, False, True)


def ptp(a, axis=None, out=None, keepdims=NoValue):
    v, d = _in(a)
    hi = _nat(_extreme(a, axis, None, keepdims, NoValue, True, True, False))
    lo = _nat(_extreme(a, axis, None, keepdims, NoValue, True, False, False))
    if d is T.BOOL:
        raise TypeError(_BOOL_SUB)
    return _ret(C.subtract(hi, lo), out)


# ------------------------------------------------------------------ all / any / count_nonzero

def _logic(fn, fill, a, axis, out, keepdims, where):
    v, d = _in(a)
    axes = _axes(axis, len(C.shape(v)))
    if d.kind == "c":
        v = C.not_equal(v, 0)
    if where is not True and where is not NoValue:
        v = C.where(_mask(where, v), C.not_equal(v, 0) if d is not T.BOOL else v,
                    C.asarray(fill, dtype=C.bool))
    return _ret(fn(v, axis=axes, keepdims=_kd(keepdims)), out)


def all(a, axis=None, out=None, keepdims=NoValue, *, where=NoValue):  # noqa: A001
    return _logic(C.all, True, a, axis, out, keepdims, where)


def any(a, axis=None, out=None, keepdims=NoValue, *, where=NoValue):  # noqa: A001
    return _logic(C.any, False, a, axis, out, keepdims, where)


def count_nonzero(a, axis=None, *, keepdims=False):
    v, d = _in(a)
    axes = _axes(axis, len(C.shape(v)))
    if d.kind == "c":
        v = C.not_equal(v, 0)
    return result(C.count_nonzero(v, axis=axes, keepdims=builtins.bool(keepdims)))


# ------------------------------------------------------------------ cov / corrcoef

def _as2d(v, rowvar):
    s = _shape(v)
    if len(s) > 2:
        raise ValueError("m has more than 2 dimensions")
    if len(s) < 2:
        v = C.reshape(v, (1, -1))
    if not rowvar and _shape(v)[0] != 1:
        v = C.matrix_transpose(v)
    return v


def cov(m, y=None, rowvar=True, bias=False, ddof=None, fweights=None, aweights=None, *, dtype=None):
    if ddof is not None and ddof != int(ddof):
        raise ValueError("ddof must be integer")
    mv, md = _in(m)
    if y is None:
        rd = T.PROMOTE[md, T.F64] if dtype is None else T.as_dtype(dtype)
    else:
        yv, yd = _in(y)
        rd = T.PROMOTE[T.PROMOTE[md, yd], T.F64] if dtype is None else T.as_dtype(dtype)
    X = _as2d(_cast(mv, rd), rowvar)
    if y is not None:
        Y = _as2d(_cast(yv, rd), rowvar)
        X = C.concat([X, Y], axis=0)
    if ddof is None:
        ddof = 0 if bias else 1
    n = _shape(X)[1]
    w = None
    if fweights is not None:
        fw = _nat(fweights)
        fwf = C.astype(fw, C.float64)
        if _dt(fw).kind not in "iub" or builtins.bool(C.any(C.not_equal(fwf, C.round(fwf)))):
            raise TypeError("fweights must be integer")
        if len(C.shape(fw)) > 1:
            raise RuntimeError("cannot handle multidimensional fweights")
        if _shape(fw)[0] != n:
            raise RuntimeError("incompatible numbers of samples and fweights")
        if builtins.bool(C.any(C.less(fw, 0))):
            raise ValueError("fweights cannot be negative")
        w = C.astype(fw, C.float64)
    aw = None
    if aweights is not None:
        aw = _nat(aweights, T.F64)
        if len(C.shape(aw)) > 1:
            raise RuntimeError("cannot handle multidimensional aweights")
        if _shape(aw)[0] != n:
            raise RuntimeError("incompatible numbers of samples and aweights")
        if builtins.bool(C.any(C.less(aw, 0))):
            raise ValueError("aweights cannot be negative")
        w = aw if w is None else C.multiply(w, aw)
    if w is None:
        avg = C.mean(X, axis=1, keepdims=True)
        fact = float(n - ddof)
    else:
        wr = _cast(w, _real_dt(rd))
        wsum = C.sum(wr)
        avg = C.divide(C.sum(C.multiply(X, wr), axis=1, keepdims=True), wsum)
        if ddof == 0:
            fact = wsum
        elif aw is None:
            fact = C.subtract(wsum, float(ddof))
        else:
            fact = C.subtract(wsum, C.divide(C.multiply(float(ddof), C.sum(C.multiply(w, aw))), wsum))
        fact = float(C.to_numpy(fact))
    if fact <= 0:
        fact = 0.0
    Xc = C.subtract(X, avg)
    XT = C.matrix_transpose(Xc if w is None else C.multiply(Xc, _cast(w, _real_dt(rd))))
    if rd.kind == "c":
        XT = C.conj(XT)
    c = C.matmul(Xc, XT)
    c = C.divide(c, fact)
    c = _cast(c, rd)
    sq = tuple(i for i, k in enumerate(_shape(c)) if k == 1)
    if sq:
        c = C.squeeze(c, sq)
    return wrap(c, rd)


def corrcoef(x, y=None, rowvar=True, bias=NoValue, ddof=NoValue, *, dtype=None):
    c = cov(x, y, rowvar, dtype=dtype)
    v = c._value()
    d = c.dtype
    if not C.shape(v):
        return wrap(C.divide(v, v), d)
    dg = C.real(C.diagonal(v)) if d.kind == "c" else C.diagonal(v)
    sd = C.sqrt(dg)
    v = C.divide(v, C.reshape(sd, (-1, 1)))
    v = C.divide(v, C.reshape(sd, (1, -1)))
    if d.kind == "c":
        re = C.clip(C.real(v), -1.0, 1.0)
        im = C.clip(C.imag(v), -1.0, 1.0)
        v = C.add(_cast(re, d), C.multiply(_cast(im, d), 1j))
    else:
        v = C.clip(v, -1.0, 1.0)
    return wrap(_cast(v, d), d)


# ------------------------------------------------------------------ histograms

_BIN_RULES = ("auto", "fd", "doane", "rice", "scott", "sqrt", "sturges", "stone")


def _range_of(x, rng):
    """(first, last) edge values as Python floats."""
    if rng is not None:
        first, last = float(rng[0]), float(rng[1])
        if first > last:
            raise ValueError("max must be larger than min in range parameter.")
        if not (math.isfinite(first) and math.isfinite(last)):
            raise ValueError(f"supplied range of [{first}, {last}] is not finite")
    elif _shape(x)[0] == 0:
        first, last = 0.0, 1.0
    else:
        first, last = float(C.to_numpy(C.min(x))), float(C.to_numpy(C.max(x)))
        if not (math.isfinite(first) and math.isfinite(last)):
            raise ValueError(f"autodetected range of [{first}, {last}] is not finite")
    if first == last:
        first -= 0.5
        last += 0.5
    return first, last


def _bin_width(rule, x, n, rng):
    """The bin width of a named rule (NumPy's estimators; 0 when it cannot tell)."""
    if rule == "sqrt":
        return (rng[1] - rng[0]) / math.sqrt(n)
    if rule == "sturges":
        return (rng[1] - rng[0]) / (math.log2(n) + 1.0)
    if rule == "rice":
        return (rng[1] - rng[0]) / (2.0 * n ** (1.0 / 3))
    if rule == "scott":
        sd = float(C.to_numpy(C.std(x)))
        return (24.0 * math.pi ** 0.5 / n) ** (1.0 / 3.0) * sd
    if rule == "fd":
        q75, q25 = (float(C.to_numpy(C.quantile(x, p))) for p in (0.75, 0.25))
        return 2.0 * (q75 - q25) * n ** (-1.0 / 3.0)
    if rule == "doane":
        if n > 2:
            sg1 = math.sqrt(6.0 * (n - 2) / ((n + 1.0) * (n + 3)))
            sigma = float(C.to_numpy(C.std(x)))
            if sigma > 0.0:
                m = C.mean(x)
                g1 = float(C.to_numpy(C.mean(C.pow(C.divide(C.subtract(x, m), sigma), 3.0))))
                return (rng[1] - rng[0]) / (1.0 + math.log2(n) + math.log2(1.0 + _babs(g1) / sg1))
        return 0.0
    if rule == "auto":
        fd = _bin_width("fd", x, n, rng)
        st = _bin_width("sturges", x, n, rng)
        return _bmin(fd, st) if fd else st
    if rule == "stone":
        return _stone_width(x, n, rng)
    raise ValueError(f"{rule!r} is not a valid estimator for `bins`")


def _stone_width(x, n, rng):
    """Stone's rule: the bin count in 1..max(100, sqrt(n)) minimising the estimated L2 risk,
    every candidate counted at once (one bincount over all candidate histograms)."""
    ptp_x = rng[1] - rng[0]
    if n <= 1 or ptp_x == 0:
        return 0.0
    upper = _bmax(100, int(math.sqrt(n)))
    nbs = C.arange(1, upper + 1, dtype=C.int64)
    scaled = C.divide(C.subtract(x, rng[0]), ptp_x)
    idx = C.astype(C.floor(C.multiply(C.reshape(scaled, (1, -1)),
                                      C.reshape(C.astype(nbs, C.float64), (-1, 1)))), C.int64)
    idx = C.minimum(C.maximum(idx, 0), C.reshape(C.subtract(nbs, 1), (-1, 1)))
    lin = C.add(idx, C.reshape(C.multiply(C.arange(upper, dtype=C.int64), upper + 1), (-1, 1)))
    counts = C.reshape(C.bincount(C.reshape(lin, (-1,)), minlength=upper * (upper + 1)),
                       (upper, upper + 1))
    cf = C.astype(counts, C.float64)
    sq = C.divide(C.sum(C.multiply(cf, cf), axis=1), float(n) * n)
    hh = C.divide(ptp_x, C.astype(nbs, C.float64))
    risk = C.divide(C.subtract(2.0, C.multiply(float(n + 1), sq)), hh)
    best = int(C.to_numpy(C.argmin(risk))) + 1
    return ptp_x / best


def _edges(x, bins, rng, weights, xd, nd_rule=False):
    """(native edges, their dtype, number of bins) for 1-d float64 data x of NumPy dtype xd.

    Equal-width edges take x's float dtype (float64 for integer data; histogramdd with an
    explicit range: float64); array bins keep their own dtype."""
    ed = xd if xd.kind == "f" else T.F64
    if nd_rule and rng is not None:
        ed = T.F64
    if isinstance(bins, str):
        if bins not in _BIN_RULES:
            raise ValueError(f"{bins!r} is not a valid estimator for `bins`")
        if weights is not None:
            raise TypeError("Automated estimation of the number of bins is not supported for "
                            "weighted data")
        first, last = _range_of(x, rng)
        xin = x
        if rng is not None:
            keep = C.logical_and(C.greater_equal(x, first), C.less_equal(x, last))
            xin = C.masked_select(x, keep)
        n = _shape(xin)[0]
        if n == 0:
            nb = 1
        else:
            w = _bin_width(bins, xin, n, (first, last))
            if w and xd.kind in "biu" and w < 1:
                w = 1.0
            nb = int(math.ceil((last - first) / w)) if w else 1
        return _cast(C.linspace(first, last, nb + 1, dtype=C.float64), ed), ed, nb
    if isinstance(bins, (builtins.int,)) or (hasattr(bins, "ndim") and getattr(bins, "ndim") == 0
                                             and not isinstance(bins, builtins.float)):
        try:
            nb = operator.index(bins)
        except TypeError:
            raise TypeError("`bins` must be an integer, a string, or an array") from None
        if nb < 1:
            raise ValueError("`bins` must be positive, when an integer")
        first, last = _range_of(x, rng)
        return _cast(C.linspace(first, last, nb + 1, dtype=C.float64), ed), ed, nb
    ev, bd = _in(bins)
    if len(C.shape(ev)) != 1:
        raise ValueError("`bins` must be 1d, when an array")
    if builtins.bool(C.any(C.less(C.diff(_cast(ev, T.F64)), 0))):
        raise ValueError("`bins` must increase monotonically, when an array")
    return ev, bd, _shape(ev)[0] - 1


def _bin_index(x, edges, nb):
    """int64 bin of each value (-1 below, nb above the edges; the last edge is inclusive)."""
    edges = _cast(edges, T.F64)
    i = C.subtract(C.searchsorted(edges, x, side="right"), 1)
    on_last = C.equal(x, C.getitem(edges, -1))
    i = C.where(on_last, nb - 1, i)
    i = C.where(C.greater(x, C.getitem(edges, -1)), nb, i)
    return i


def _counts(x, edges, w, nb):
    i = _bin_index(x, edges, nb)
    keep = C.logical_and(C.greater_equal(i, 0), C.less(i, nb))
    i = C.where(keep, i, nb)
    if w is None:
        c = C.bincount(i, minlength=nb + 1)
    else:
        c = C.bincount(i, weights=C.where(keep, w, C.zeros((), dtype=C.dtype_of(w))), minlength=nb + 1)
    return C.getitem(c, slice(0, nb))


def histogram_bin_edges(a, bins=10, range=None, weights=None):  # noqa: A002
    v, d = _in(a)
    if d is T.BOOL:
        d = T.U8
    x = C.reshape(_cast(v, T.F64), (-1,))
    e, ed, _ = _edges(x, bins, range, weights, d)
    return wrap(e, ed)


def histogram(a, bins=10, range=None, density=None, weights=None):  # noqa: A002
    xv, xd = _in(a)
    if xd is T.BOOL:
        xd = T.U8
    x = C.reshape(_cast(xv, T.F64), (-1,))
    w, wd = None, None
    if weights is not None:
        wv, wd = _in(weights)
        if _shape(wv) != _shape(xv):
            raise ValueError("weights should have the same shape as a.")
        w = C.reshape(_cast(wv, T.F64 if wd.kind != "c" else T.C128), (-1,))
    edges, ed, nb = _edges(x, bins, range, weights, xd)
    if w is not None and wd.kind == "c":
        c = C.add(_cast(_counts(x, edges, C.real(w), nb), T.C128),
                  C.multiply(_cast(_counts(x, edges, C.imag(w), nb), T.C128), 1j))
    else:
        c = _counts(x, edges, w, nb)
    if density:
        c = _cast(c, T.F64)
        c = C.divide(C.divide(c, C.diff(_cast(edges, T.F64))), C.sum(c))
    elif w is not None:
        c = C.not_equal(c, 0) if wd is T.BOOL else _cast(c, wd)
    return wrap(c), wrap(edges, ed)


def histogramdd(sample, bins=10, range=None, density=None, weights=None):  # noqa: A002
    if isinstance(sample, (list, tuple)) and not isinstance(sample, ndarray) and sample and \
            (isinstance(sample[0], ndarray) or isinstance(sample[0], (list, tuple))) and \
            not isinstance(sample, ndarray):
        parts = [_in(s) for s in sample]
        sd = parts[0][1]
        for _, d_ in parts[1:]:
            sd = T.PROMOTE[sd, d_]
        X = C.stack([C.reshape(_cast(v_, T.F64), (-1,)) for v_, _ in parts], axis=1)
    else:
        X, sd = _in(sample)
        X = _cast(X, T.F64)
        if len(C.shape(X)) == 1:
            X = C.reshape(X, (-1, 1))
        elif len(C.shape(X)) != 2:
            X = C.reshape(X, (-1, _shape(X)[-1]))
    N, D = _shape(X)
    try:
        if len(bins) != D:
            raise ValueError("The dimension of bins must be equal to the dimension of the sample x.")
    except TypeError:
        bins = [bins] * D
    if range is None:
        range = [None] * D
    elif len(range) != D:
        raise ValueError("range argument must have one entry per dimension")
    w = None if weights is None else C.reshape(_nat(weights, T.F64), (-1,))
    edges, eds, nbs, idxs = [], [], [], []
    for k in builtins.range(D):
        col = C.getitem(X, (slice(None), k))
        b = bins[k]
        if isinstance(b, str):
            raise TypeError("histogramdd does not take string bins")
        e, ed, nb = _edges(col, b, range[k], None, sd, nd_rule=True)
        edges.append(e)
        eds.append(ed)
        nbs.append(nb)
        idxs.append(_bin_index(col, e, nb))
    keep = None
    lin = None
    for i, nb in zip(idxs, nbs):
        ok = C.logical_and(C.greater_equal(i, 0), C.less(i, nb))
        keep = ok if keep is None else C.logical_and(keep, ok)
        lin = i if lin is None else C.add(C.multiply(lin, nb), i)
    total = math.prod(nbs)
    if lin is None:
        lin = C.zeros((N,), dtype=C.int64)
    lin = C.where(keep, lin, total) if keep is not None else lin
    if w is None:
        h = C.bincount(lin, minlength=total + 1)
    else:
        h = C.bincount(lin, weights=C.where(keep, w, C.zeros((), dtype=C.float64)), minlength=total + 1)
    h = C.reshape(_cast(C.getitem(h, slice(0, total)), T.F64), tuple(nbs))
    if density:
        s = C.sum(h)
        for k, e in enumerate(edges):
            sh = [1] * D
            sh[k] = nbs[k]
            h = C.divide(h, C.reshape(C.diff(_cast(e, T.F64)), tuple(sh)))
        h = C.divide(h, s)
    return wrap(h, T.F64), [wrap(e, ed) for e, ed in zip(edges, eds)]


def histogram2d(x, y, bins=10, range=None, density=None, weights=None):  # noqa: A002
    xv, yv = _nat(x), _nat(y)
    if _shape(xv) != _shape(yv):
        raise ValueError("x and y must have the same length.")
    try:
        n = len(bins)
    except TypeError:
        n = 1
    if n != 1 and n != 2:
        bins = [bins, bins]
    h, e = histogramdd([wrap(xv), wrap(yv)], bins, range, density, weights)
    return h, e[0], e[1]


def bincount(x, /, weights=None, minlength=0):
    v, d = _in(x)
    if len(C.shape(v)) != 1:
        raise ValueError("object too deep for desired array" if C.shape(v) else
                         "object of too small depth for desired array")
    if d.kind not in "iub" or (d is T.U64):
        raise TypeError(f"Cannot cast array data from dtype('{d.name}') to dtype('int64') "
                        "according to the rule 'safe'")
    if minlength is None:
        raise TypeError("use 0 instead of None for minlength")
    minlength = operator.index(minlength)
    if minlength < 0:
        raise ValueError("'minlength' must not be negative")
    v = _cast(v, T.I64)
    if _shape(v)[0] and builtins.bool(C.any(C.less(v, 0))):
        raise ValueError("'list' argument must have no negative elements")
    if weights is not None:
        wv, wd = _in(weights)
        if wd.kind == "c":
            raise TypeError("Cannot cast array data from dtype('complex128') to dtype('float64') "
                            "according to the rule 'safe'")
        if _shape(wv) != _shape(v):
            raise ValueError("The weights and list don't have the same length.")
        return wrap(C.bincount(v, weights=_cast(wv, T.F64), minlength=minlength), T.F64)
    return wrap(C.bincount(v, minlength=minlength), T.I64)


def digitize(x, bins, right=False):
    xv, xd = _in(x)
    bv, bd = _in(bins)
    if xd.kind == "c" or bd.kind == "c":
        raise TypeError("x may not be complex")
    if len(C.shape(bv)) != 1:
        raise ValueError("object too deep for desired array" if C.shape(bv) else
                         "object of too small depth for desired array")
    cd = T.PROMOTE[xd, bd]
    xv, bv = _cast(xv, cd), _cast(bv, cd)
    n = _shape(bv)[0]
    side = "left" if right else "right"
    if n > 1:
        dd = C.diff(bv) if cd.kind != "u" else C.subtract(C.astype(C.getitem(bv, slice(1, None)), C.float64),
                                                          C.astype(C.getitem(bv, slice(None, -1)), C.float64))
        inc = builtins.bool(C.all(C.greater_equal(dd, 0)))
        dec = builtins.bool(C.all(C.less_equal(dd, 0)))
        if not inc and not dec:
            raise ValueError("bins must be monotonically increasing or decreasing")
    else:
        inc = True
    if inc:
        r = C.searchsorted(bv, xv, side=side)
    else:
        r = C.subtract(n, C.searchsorted(C.flip(bv, axis=0), xv, side=side))
    return _ret(_cast(r, T.I64))
