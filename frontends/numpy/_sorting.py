"""NumPy's sorting and searching: sort, argsort, lexsort, partition, argpartition,
searchsorted, sort_complex.

Sorting is stable for every `kind` (a valid result of NumPy's quicksort too), NaNs sort last,
complex values sort lexicographically (real part, then imaginary part), as in NumPy.
"""
from __future__ import annotations

import operator

from ... import core as C
from . import _dtypes as T
from ._math import _cast, _common, _in, _nat, _ret, _shape
from ._ndarray import ndarray, normalize_axis, wrap

__all__ = ["sort", "argsort", "lexsort", "partition", "argpartition", "searchsorted",
           "sort_complex"]


def argsort_native(v, axis=-1):
    """Stable ascending argsort (int64) of a native array along axis; complex: lexicographic."""
    k = C.dtype_of(v).kind
    if k == "c":
        re, im = C.real(v), C.imag(v)
        p = C.argsort(im, axis=axis, stable=True)
        p2 = C.argsort(C.take_along_axis(re, p, axis=axis), axis=axis, stable=True)
        return C.take_along_axis(p, p2, axis=axis)
    if k == "b":
        v = C.astype(v, C.uint8)
    return C.argsort(v, axis=axis, stable=True)


def sort_native(v, axis=-1):
    k = C.dtype_of(v).kind
    if k == "c":
        return C.take_along_axis(v, argsort_native(v, axis), axis=axis)
    if k == "b":
        return C.astype(C.sort(C.astype(v, C.uint8), axis=axis), C.bool)
    return C.sort(v, axis=axis, stable=True)


def _prep(a, axis, order):
    if order is not None:
        raise ValueError("Cannot specify order when the array has no fields.")
    v, d = _in(a)
    if axis is None:
        return C.reshape(v, (-1,)), d, 0
    return v, d, normalize_axis(axis, len(C.shape(v)))


def sort(a, axis=-1, kind=None, order=None, *, stable=None):
    v, d, ax = _prep(a, axis, order)
    return wrap(sort_native(v, ax), d)


def _prep_arg(a, axis, order):
    """As _prep; a 0-d input counts as 1-d (NumPy's argsort/argpartition)."""
    v, d = _in(a)
    if not C.shape(v):
        v = C.reshape(v, (1,))
    return _prep(wrap(v, d), axis, order)


def argsort(a, axis=-1, kind=None, order=None, *, stable=None):
    v, d, ax = _prep_arg(a, axis, order)
    return wrap(argsort_native(v, ax), T.I64)


def lexsort(keys, axis=-1):
    if isinstance(keys, ndarray) or not isinstance(keys, (list, tuple)):
        kv = _nat(keys)
        if not C.shape(kv):
            raise TypeError("need sequence of keys with len(keys) > 0 in lexsort")
        ks = [C.getitem(kv, i) for i in range(_shape(kv)[0])]
    else:
        ks = [_nat(k) for k in keys]
    if not ks:
        raise TypeError("need sequence of keys with len(keys) > 0 in lexsort")
    shapes = {_shape(k) for k in ks}
    if len(shapes) > 1:
        ks = list(C.broadcast_arrays(*ks))
    s = _shape(ks[0])
    if not s:
        ks = [C.reshape(k, (1,)) for k in ks]
        s = (1,)
    ax = normalize_axis(axis, len(s))
    idx = argsort_native(ks[0], ax)
    for k in ks[1:]:
        p = argsort_native(C.take_along_axis(k, idx, axis=ax), ax)
        idx = C.take_along_axis(idx, p, axis=ax)
    return wrap(idx, T.I64)


def _kth(kth, n):
    ks = [kth] if not isinstance(kth, (list, tuple, ndarray)) else list(kth if not isinstance(kth, ndarray) else kth.tolist())
    for k in ks:
        if isinstance(k, bool):
            raise TypeError("Passing booleans as partition index is not allowed")
        k = operator.index(k)
        if not -n <= k < n:
            raise ValueError(f"kth(={k}) out of bounds ({n})")


def partition(a, kth, axis=-1, kind="introselect", order=None):
    """The result is fully sorted along axis: a valid partition for every kth."""
    v, d, ax = _prep(a, axis, order)
    _kth(kth, _shape(v)[ax])
    return wrap(sort_native(v, ax), d)


def argpartition(a, kth, axis=-1, kind="introselect", order=None):
    """The indices fully sort along axis: a valid partition for every kth."""
    v, d, ax = _prep_arg(a, axis, order)
    _kth(kth, _shape(v)[ax])
    return wrap(argsort_native(v, ax), T.I64)


def _lex_less(a, b, or_equal):
    ra, rb, ia, ib = C.real(a), C.real(b), C.imag(a), C.imag(b)
    tie = (C.less_equal if or_equal else C.less)(ia, ib)
    return C.logical_or(C.less(ra, rb), C.logical_and(C.equal(ra, rb), tie))


def searchsorted(a, v, side="left", sorter=None):
    if side not in ("left", "right"):
        raise ValueError(f"side must be 'left' or 'right' (got {side!r})")
    (av, vv), d = _common(a, v)
    if len(C.shape(av)) != 1:
        raise ValueError("object too deep for desired array" if C.shape(av) else
                         "object of too small depth for desired array")
    if sorter is not None:
        av = C.take(av, _cast(_nat(sorter), T.I64))
    if d.kind == "c":
        # count the elements before each value: a[i] < v (left) or a[i] <= v (right)
        x = C.reshape(vv, _shape(vv) + (1,))
        r = C.sum(C.astype(_lex_less(av, x, side == "right"), C.int64), axis=-1)
    elif d is T.BOOL:
        r = C.searchsorted(C.astype(av, C.uint8), C.astype(vv, C.uint8), side=side)
    else:
        r = C.searchsorted(av, vv, side=side)
    return _ret(_cast(r, T.I64))


def sort_complex(a):
    v, d = _in(a)
    od = d if d.kind == "c" else T.C64 if d.char in "bhBH" else T.C128
    return wrap(sort_native(_cast(C.reshape(v, (-1,)) if not C.shape(v) else v, od), -1), od)
