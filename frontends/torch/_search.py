"""Sorting, searching and counting: sort, argsort, topk, kthvalue, unique, searchsorted,
bucketize, histc, bincount.

Sorting is always stable (torch's `stable=False` leaves tie order unspecified, so a stable
order is one of the allowed answers); NaN sorts as the largest value, as in torch.
"""
from __future__ import annotations

import builtins
import math

from ... import core as C
from . import _dtype as T
from ._convert import finish, operands
from ._reduce import TYPE_NAME, at, finish_tuple, one_axis, ret, take
from ._tensor import Tensor

__all__ = ["sort", "argsort", "msort", "topk", "kthvalue", "unique", "unique_consecutive",
           "searchsorted", "bucketize", "histc", "histogram", "bincount"]

R_SORT, R_TOPK = ret("sort", "values indices"), ret("topk", "values indices")
R_KTH = ret("kthvalue", "values indices")
R_HIST = ret("histogram", "hist bin_edges")
_I64 = C.int64


def _sortable(name, d):
    if d.is_complex:
        raise RuntimeError(f"{name}(): Sort does not support complex dtypes on CPU")


def _key(v):
    """A sort key with the order of v (bool sorts as int8)."""
    return C.astype(v, C.int8) if C.dtype_of(v) is C.bool else v


def sort(input, dim=-1, descending=False, *, stable=False, out=None):
    _sortable("sort", input.dtype)
    v = input._value()
    s = C.shape(v)
    ax = one_axis(dim, len(s))
    d = input.dtype.core
    if not s:
        return finish_tuple(R_SORT, (v, C.zeros((), dtype=_I64)), (d, _I64), out)
    desc = builtins.bool(descending)
    k = _key(v)
    vals = C.sort(k, axis=ax, descending=desc)  # two sorts cost less than a gather on jax
    if d is C.bool:
        vals = C.astype(vals, C.bool)
    idx = C.argsort(k, axis=ax, descending=desc, stable=True)
    return finish_tuple(R_SORT, (vals, idx), (d, _I64), out)


def argsort(input, dim=-1, descending=False, *, stable=False):
    _sortable("argsort", input.dtype)
    v = input._value()
    s = C.shape(v)
    ax = one_axis(dim, len(s))
    if not s:
        return finish(C.zeros((), dtype=_I64), _I64, None)
    return finish(C.argsort(_key(v), axis=ax, descending=builtins.bool(descending), stable=True),
                  _I64, None)


def msort(input, *, out=None):
    if input.ndim == 0:
        return finish(C.copy(input._value()), input.dtype.core, out)
    r = sort(input, 0)
    return finish(r.values._value(), input.dtype.core, out)


def topk(input, k, dim=-1, largest=True, sorted=True, *, out=None):
    _sortable("topk", input.dtype)
    if input.dtype is T.bool:
        raise RuntimeError("topk does not support bool dtypes on CPU")
    v = input._value()
    s = C.shape(v)
    ax = one_axis(dim, len(s))
    n = s[ax] if s else 1
    if not 0 <= k <= n:
        raise RuntimeError("selected index k out of range")
    d = input.dtype.core
    if not s:
        if k:
            return finish_tuple(R_TOPK, (v, C.zeros((), dtype=_I64)), (d, _I64), out)
        return finish_tuple(R_TOPK, (C.zeros((0,), dtype=d), C.zeros((0,), dtype=_I64)),
                            (d, _I64), out)
    vals, idx = C.topk(_key(v), k, axis=ax, largest=builtins.bool(largest),
                       sorted=builtins.bool(sorted))
    if d is C.bool:
        vals = C.astype(vals, C.bool)
    return finish_tuple(R_TOPK, (vals, idx), (d, _I64), out)


def kthvalue(input, k, dim=-1, keepdim=False, *, out=None):
    if input.dtype.is_complex or input.dtype is T.bool:
        raise NotImplementedError(f"\"kthvalue_cpu\" not implemented for "
                                  f"'{TYPE_NAME[input.dtype]}'")
    v = input._value()
    s = C.shape(v)
    ax = one_axis(dim, len(s))
    n = s[ax] if s else 1
    if not 1 <= k <= n:
        raise RuntimeError(f"kthvalue(): selected number k out of range for dimension {ax}")
    d = input.dtype.core
    if not s:
        return finish_tuple(R_KTH, (v, C.zeros((), dtype=_I64)), (d, _I64), out)
    key = _key(v)
    idx = at(C.argsort(key, axis=ax, stable=True), k - 1, ax)
    vals = at(C.sort(key, axis=ax), k - 1, ax)
    if d is C.bool:
        vals = C.astype(vals, C.bool)
    if not keepdim:
        vals, idx = C.squeeze(vals, ax), C.squeeze(idx, ax)
    return finish_tuple(R_KTH, (vals, idx), (d, _I64), out)


# ---------------------------------------------------------------- unique


def _results(values, inverse, counts, return_inverse, return_counts, dt):
    vals = finish(values, dt, None)
    if not (return_inverse or return_counts):
        return vals
    out = [vals]
    if return_inverse:
        out.append(finish(inverse, _I64, None))
    if return_counts:
        out.append(finish(counts, _I64, None))
    return tuple(out)


def _rows(v, ax):
    """v with axis ax first, as (n, rest...) and a (n, k) matrix of its slices."""
    x = C.moveaxis(v, ax, 0)
    s = C.shape(x)
    return x, C.reshape(_key(x), (s[0], math.prod(s[1:])))


def _groups(rows):
    """(start flags, group id per row) of consecutive equal rows of a (n, k) matrix."""
    n = C.shape(rows)[0]
    if C.shape(rows)[1]:
        ne = C.any(C.not_equal(C.getitem(rows, slice(1, None)), C.getitem(rows, slice(None, -1))),
                   axis=1)
    else:
        ne = C.zeros((builtins.max(n - 1, 0),), dtype=C.bool)
    start = C.concat([C.ones((builtins.min(n, 1),), dtype=C.bool), ne], axis=0)
    gid = C.subtract(C.cumulative_sum(C.astype(start, _I64), axis=0), 1)
    return start, gid


def _starts_counts(start, n):
    first = C.flatnonzero(start)
    counts = C.diff(C.concat([first, C.asarray([n], dtype=_I64)], axis=0))
    return first, counts


def unique(input, sorted=True, return_inverse=False, return_counts=False, dim=None):
    """Values come back sorted also for sorted=False (torch's CPU result)."""
    v = input._value()
    d = input.dtype.core
    if d.kind == "c":
        raise NotImplementedError(f"\"{'unique' if dim is None else 'unique_dim'}\" not "
                                  f"implemented for '{TYPE_NAME[input.dtype]}'")
    if dim is None:
        flat = C.reshape(v, (-1,))
        if return_inverse and return_counts:
            u = C.unique_all(flat)
            vals, inv, cnt = u.values, u.inverse_indices, u.counts
        elif return_inverse:
            vals, inv = C.unique_inverse(flat)
            cnt = None
        elif return_counts:
            vals, cnt = C.unique_counts(flat)
            inv = None
        else:
            vals, inv, cnt = C.unique_values(flat), None, None
        if inv is not None:
            inv = C.reshape(C.astype(inv, _I64), C.shape(v))
        if cnt is not None:
            cnt = C.astype(cnt, _I64)
        return _results(vals, inv, cnt, return_inverse, return_counts, d)
    s = C.shape(v)
    ax = one_axis(dim, len(s))
    if not s:
        raise IndexError("unique(): dim is out of range for a 0-d tensor")
    if builtins.any(n == 0 for i, n in enumerate(s) if i != ax):
        raise RuntimeError("There are 0 sized dimensions, and they aren't selected, so unique "
                           "cannot be applied")
    x, rows = _rows(v, ax)
    n, k = C.shape(rows)
    order = C.arange(n, dtype=_I64)
    for j in reversed(range(k)):  # lexicographic: stable sorts from the last column
        col = C.take(C.getitem(rows, (slice(None), j)), order, axis=0)
        order = C.take(order, C.argsort(col, axis=0, stable=True), axis=0)
    srows = C.take(rows, order, axis=0)
    start, gid = _groups(srows)
    first, cnt = _starts_counts(start, n)
    vals = C.moveaxis(C.take(C.take(x, order, axis=0), first, axis=0), 0, ax)
    inv = C.index_update(C.zeros((n,), dtype=_I64), order, gid) if n else gid
    return _results(vals, inv, cnt, return_inverse, return_counts, d)


def unique_consecutive(input, return_inverse=False, return_counts=False, dim=None):
    v = input._value()
    d = input.dtype.core
    if d.kind == "c":
        raise NotImplementedError(f"\"unique\" not implemented for '{TYPE_NAME[input.dtype]}'")
    s = C.shape(v)
    if dim is None:
        flat = C.reshape(v, (-1,))
        x, rows = flat, C.reshape(_key(flat), (-1, 1))
        inv_shape = s
    else:
        ax = one_axis(dim, len(s))
        x, rows = _rows(v, ax)
        inv_shape = (C.shape(rows)[0],)
    n = C.shape(rows)[0]
    start, gid = _groups(rows)
    first, cnt = _starts_counts(start, n)
    vals = C.take(x, first, axis=0)
    if dim is not None:
        vals = C.moveaxis(vals, 0, ax)
    return _results(vals, C.reshape(gid, inv_shape), cnt, return_inverse, return_counts, d)


# ---------------------------------------------------------------- searchsorted / bucketize


def _side(right, side):
    if side is not None:
        if side not in ("left", "right"):
            raise RuntimeError(f"torch.searchsorted(): side can only be 'left' or 'right' but "
                               f"got {side}")
        if right and side == "left":
            raise RuntimeError("torch.searchsorted(): side and right can't be set to opposites, "
                               "got side of left while right was True")
        return side
    return "right" if right else "left"


def searchsorted(sorted_sequence, input, *, out_int32=False, right=False, side=None, out=None,
                 sorter=None):
    side = _side(right, side)
    if sorted_sequence.dtype.is_complex:
        raise RuntimeError("torch.searchsorted(): complex input is not supported")
    if sorted_sequence.dtype is T.bool:
        raise NotImplementedError("\"searchsorted_out_cpu\" not implemented for 'Bool'")
    (seq, val), dt = operands(sorted_sequence, input)
    ss, vs = C.shape(seq), C.shape(val)
    if not ss:
        raise RuntimeError("torch.searchsorted(): boundaries tensor should have positive "
                           "dimension, but got 0 dimension")
    if len(ss) > 1 and (len(vs) != len(ss) or vs[:-1] != ss[:-1]):
        raise RuntimeError("torch.searchsorted(): boundaries tensor should be 1 dimension or the "
                           "first N-1 dimensions of boundaries tensor and input value tensor "
                           f"must match, but we got boundaries tensor {list(ss)} and input "
                           f"value tensor {list(vs)}")
    srt = None
    if sorter is not None:
        srt = sorter._value()
        if C.shape(srt) != ss:
            raise RuntimeError("torch.searchsorted(): boundary and sorter must have the same size")
        if sorter.dtype is not T.int64:
            raise RuntimeError("torch.searchsorted(): sorter must be a tensor of long dtype")
    if len(ss) == 1:
        r = C.searchsorted(seq, val, side=side, sorter=srt)
    else:
        if srt is not None:
            seq = take(seq, srt, -1)
        cmp = C.less if side == "left" else C.less_equal
        r = C.sum(cmp(C.expand_dims(seq, axis=-2), C.expand_dims(val, axis=-1)), axis=-1,
                  dtype=_I64)
    od = C.int32 if out_int32 else _I64
    if od is not _I64:
        r = C.astype(r, od)
    return finish(r, od, out)


def bucketize(input, boundaries, *, out_int32=False, right=False, out=None):
    if boundaries.ndim != 1:
        raise RuntimeError(f"boundaries tensor must be 1 dimension, but got dim({boundaries.ndim})")
    return searchsorted(boundaries, input, out_int32=out_int32, right=right, out=out)


# ---------------------------------------------------------------- histc / bincount


def histc(input, bins=100, min=0, max=0, *, out=None):  # noqa: A002
    d = input.dtype
    if not d.is_floating_point:
        raise NotImplementedError(f"\"histogram_cpu\" not implemented for '{TYPE_NAME[d]}'")
    if bins <= 0:
        raise RuntimeError("torch.histc(): bins must be > 0")
    lo, hi = builtins.float(min), builtins.float(max)
    if lo > hi:
        raise RuntimeError("torch.histc(): max must be larger than min")
    x = C.reshape(input._value(), (-1,))
    n = C.shape(x)[0]
    if lo == hi and n:
        lo, hi = builtins.float(C.to_numpy(C.min(x))), builtins.float(C.to_numpy(C.max(x)))
    if lo == hi:
        lo, hi = lo - 1, hi + 1
    dc = d.core
    keep = C.logical_and(C.greater_equal(x, lo), C.less_equal(x, hi))
    pos = C.floor(C.divide(C.multiply(C.subtract(x, lo), builtins.float(bins)), hi - lo))
    pos = C.astype(C.where(keep, pos, 0), _I64)
    pos = C.clip(pos, 0, bins - 1)
    r = C.bincount(pos, weights=C.astype(keep, C.float64), minlength=bins)
    return finish(C.astype(r, dc), dc, out)


def histogram(input, bins, *, range=None, weight=None, density=False, out=None):  # noqa: A002
    d = input.dtype
    if not d.is_floating_point:
        raise NotImplementedError(f"\"histogramdd\" not implemented for '{TYPE_NAME[d]}'")
    dc = d.core
    x = C.reshape(input._value(), (-1,))
    n = C.shape(x)[0]
    if isinstance(bins, Tensor):
        if bins.dtype is not d:
            raise RuntimeError("torch.histogram: input tensor and bins tensors should have the "
                               "same dtype")
        edges = bins._value()
        nb = C.shape(edges)[0] - 1
        if range is not None:
            raise TypeError("histogram(): range cannot be given with a bins tensor")
        lo, hi = C.getitem(edges, 0), C.getitem(edges, nb)
        # bin i holds edges[i] <= x < edges[i+1]; the last also holds x == edges[-1]
        idx = C.subtract(C.searchsorted(edges, x, side="right"), 1)
        idx = C.where(C.equal(x, hi), nb - 1, idx)
    else:
        nb = builtins.int(bins)
        if nb <= 0:
            raise RuntimeError("torch.histogram(): bins must be > 0, but got " + str(nb))
        if range is not None:
            lo, hi = builtins.float(range[0]), builtins.float(range[1])
            if lo > hi:
                raise RuntimeError("torch.histogram(): min should not exceed max")
        elif n:
            lo, hi = builtins.float(C.to_numpy(C.min(x))), builtins.float(C.to_numpy(C.max(x)))
        else:
            lo, hi = 0.0, 0.0
        if lo == hi:
            lo, hi = lo - 0.5, hi + 0.5
        edges = C.linspace(lo, hi, nb + 1, dtype=dc)
        pos = C.floor(C.divide(C.multiply(C.subtract(x, lo), builtins.float(nb)), hi - lo))
        idx = C.where(C.isnan(pos), -1, pos)
        idx = C.where(C.equal(x, hi), nb - 1, C.astype(idx, _I64))
    keep = C.logical_and(C.greater_equal(x, lo), C.less_equal(x, hi))
    idx = C.clip(C.where(keep, idx, 0), 0, builtins.max(nb - 1, 0))
    w = C.astype(keep, C.float64)
    if weight is not None:
        w = C.multiply(w, C.astype(C.reshape(weight._value(), (-1,)), C.float64))
    hist = C.astype(C.bincount(idx, weights=w, minlength=nb) if n else C.zeros((nb,)), dc)
    if density:
        widths = C.diff(edges)
        hist = C.divide(hist, C.multiply(C.sum(hist), widths))
    return finish_tuple(R_HIST, (hist, edges), (dc, dc), out)


def bincount(input, weights=None, minlength=0):
    d = input.dtype
    if d.is_floating_point or d.is_complex or d is T.bool:
        raise NotImplementedError(f"\"bincount_cpu\" not implemented for '{TYPE_NAME[d]}'")
    v = input._value()
    if len(C.shape(v)) != 1:
        raise RuntimeError("bincount only supports 1-d non-negative integral inputs.")
    if minlength < 0:
        raise RuntimeError("minlength should be >= 0")
    n = C.shape(v)[0]
    if n and builtins.int(C.to_numpy(C.min(v))) < 0:
        raise RuntimeError("bincount only supports 1-d non-negative integral inputs.")
    if weights is None:
        if not n:
            return finish(C.zeros((minlength,), dtype=_I64), _I64, None)
        return finish(C.astype(C.bincount(v, minlength=minlength), _I64), _I64, None)
    w = weights._value()
    if C.shape(w) != (n,):
        raise RuntimeError("weights should be 1-d and have the same length as input")
    od = weights.dtype.core if weights.dtype.is_floating_point else C.float64
    if not n:
        return finish(C.zeros((minlength,), dtype=od), od, None)
    r = C.bincount(v, weights=C.astype(w, C.float64), minlength=minlength)
    return finish(C.astype(r, od), od, None)
