"""NumPy's non-ufunc math: sums and products, scans, differences, products of arrays
(dot, einsum, ...), convolution, interpolation, rounding and complex-part functions.

The helpers at the top (`_in`, `_common`, `_ret`, `_axes`, `NoValue`) are shared by the other
function modules of this frontend (_stats, _sorting, _sets, _poly, _misc, linalg, fft).
"""
from __future__ import annotations

import builtins
import math
import operator

from ... import core as C
from . import _dtypes as T
from ._ndarray import ndarray, operand, dtype_of, result, wrap, write_out, normalize_axis, normalize_axes

__all__ = ["sum", "prod", "cumsum", "cumprod", "cumulative_sum", "cumulative_prod", "nansum",
           "nanprod", "nancumsum", "nancumprod", "diff", "ediff1d", "gradient", "cross", "dot",
           "vdot", "inner", "outer", "tensordot", "einsum", "einsum_path", "kron", "trace",
           "convolve", "correlate", "interp", "trapezoid", "clip", "around", "round", "fix",
           "real_if_close", "nan_to_num", "angle", "real", "imag", "sinc", "i0", "unwrap",
           "bartlett", "blackman", "hamming", "hanning", "kaiser"]

_PY = (builtins.bool, builtins.int, builtins.float, builtins.complex)
_DT = T.DTYPES
_babs = builtins.abs


class _NoValueType:
    __slots__ = ()

    def __repr__(self) -> str:
        return "<no value>"


NoValue = _NoValueType()


# ------------------------------------------------------------------ shared helpers

def _in(a):
    """(native, np dtype) of an array-like."""
    if type(a) is ndarray:
        return a._value(), a.dtype
    return operand(a)


def _nat(a, dt=None):
    """native array of an array-like (cast to the np dtype dt when given)."""
    if type(a) is ndarray and dt is None:
        return a._value()
    return operand(a, dt)[0]


def _dt(v):
    return _DT[C.dtype_of(v)]


def _shape(v):
    return tuple(C.shape(v))


def _common_dtype(*objs):
    """NumPy 2 (NEP 50) result dtype of array-likes and weak Python scalars."""
    strong = None
    for o in objs:
        if type(o) in _PY or o is None:
            continue
        d = o.dtype if type(o) is ndarray else dtype_of(o)
        strong = d if strong is None else T.PROMOTE[strong, d]
    if strong is None:
        return T.weak_kind_dtype([o for o in objs if o is not None])
    for o in objs:
        if type(o) in _PY:
            strong = T.PROMOTE[strong, T.weak(o, strong)]
    return strong


def _common(*objs, at_least=None):
    """(natives cast to the common NumPy dtype, that dtype); `at_least` joins the promotion."""
    d = _common_dtype(*objs)
    if at_least is not None:
        d = T.PROMOTE[d, at_least]
    return [operand(o, d)[0] for o in objs], d


def _float_dt(d):
    """The inexact dtype NumPy computes in for d (ints and bool -> float64)."""
    return d if d.kind in "fc" else T.F64


def _real_dt(d):
    return T.F32 if d is T.C64 else T.F64 if d is T.C128 else d


def _ret(v, out=None, casting="unsafe"):
    """What a NumPy function returns (a scalar for 0-d), or the write into `out`."""
    if out is None:
        return result(v)
    return write_out(out, v, casting)


def _arr(v, out=None, casting="unsafe"):
    """As _ret, but a 0-d result stays an ndarray."""
    if out is None:
        return wrap(v)
    return write_out(out, v, casting)


def _axes(axis, nd):
    """Reduction axes: None -> None; 0-d input accepts axis 0/-1 (NumPy's reduce)."""
    if axis is None:
        return None
    if nd == 0:
        normalize_axes(axis, 1)
        return ()
    return normalize_axes(axis, nd)


def _mask(where, v):
    """The where= mask broadcast to v's shape (native bool)."""
    m = _nat(where, T.BOOL)
    s = _shape(v)
    return m if _shape(m) == s else C.broadcast_to(m, s)


def _cast(v, d):
    return v if C.dtype_of(v) is d.core else C.astype(v, d.core)


def _take(v, axis, start=None, stop=None, step=None):
    """v[..., start:stop:step, ...] along axis (native)."""
    return C.getitem(v, (slice(None),) * axis + (slice(start, stop, step),))


def _acc(d):
    """sum/prod accumulator dtype (NumPy: small ints and bool -> int64, unsigned -> uint64)."""
    if d.kind in "bi":
        return T.I64
    if d.kind == "u":
        return T.U64
    return d


def _count(shape, axes):
    n = 1
    for a in (range(len(shape)) if axes is None else axes):
        n *= shape[a]
    return n


def _reduced_shape(shape, axes, keepdims):
    if axes is None:
        axes = range(len(shape))
    if keepdims:
        return tuple(1 if i in axes else s for i, s in enumerate(shape))
    return tuple(s for i, s in enumerate(shape) if i not in axes)


# ------------------------------------------------------------------ sums and products

def _sumprod(fn, ident, comb, a, axis, dtype, out, keepdims, initial, where, nan=False):
    v, d = _in(a)
    axes = _axes(axis, len(C.shape(v)))
    if nan and d.kind in "fc":
        v = C.where(C.isnan(v), C.asarray(ident, dtype=d.core), v)
    if dtype is None and isinstance(out, ndarray) and out.dtype.kind in "fc" and d.kind in "fc" \
            and T.PROMOTE[d, out.dtype] is out.dtype:
        dtype = out.dtype  # NumPy accumulates into the wider out= array
    rd = _acc(d) if dtype is None else T.as_dtype(dtype)
    if where is not True:
        v = C.where(_mask(where, v), v, C.asarray(ident, dtype=d.core))
    if keepdims is NoValue:
        keepdims = False
    r = fn(v, axis=axes, dtype=rd.core, keepdims=builtins.bool(keepdims))
    if initial is not NoValue and initial is not None:
        iv, idt = operand(initial)
        r = comb(r, iv if idt is rd else C.astype(iv, rd.core))
    return _ret(r, out)


def sum(a, axis=None, dtype=None, out=None, keepdims=False, initial=NoValue, where=True):  # noqa: A001
    if type(a) is ndarray and axis is None and dtype is None and out is None and not keepdims \
            and initial is NoValue and where is True:
        return result(C.sum(a._value()))
    return _sumprod(C.sum, 0, C.add, a, axis, dtype, out, keepdims, initial, where)


def prod(a, axis=None, dtype=None, out=None, keepdims=False, initial=NoValue, where=True):
    return _sumprod(C.prod, 1, C.multiply, a, axis, dtype, out, keepdims, initial, where)


def nansum(a, axis=None, dtype=None, out=None, keepdims=False, initial=NoValue, where=True):
    return _sumprod(C.sum, 0, C.add, a, axis, dtype, out, keepdims, initial, where, nan=True)


def nanprod(a, axis=None, dtype=None, out=None, keepdims=False, initial=NoValue, where=True):
    return _sumprod(C.prod, 1, C.multiply, a, axis, dtype, out, keepdims, initial, where, nan=True)


def _scan(fn, ident, a, axis, dtype, out, nan=False, include_initial=False, flatten=True):
    v, d = _in(a)
    if nan and d.kind in "fc":
        v = C.where(C.isnan(v), C.asarray(ident, dtype=d.core), v)
    nd = len(C.shape(v))
    if axis is None:
        if flatten or nd == 0:
            v = C.reshape(v, (-1,))
            ax = 0
        elif nd > 1:
            raise ValueError("For arrays which have more than one dimension ``axis`` argument "
                             "is required.")
        else:
            ax = 0
    else:
        if nd == 0:
            normalize_axis(axis, 1)
            v, ax = C.reshape(v, (1,)), 0
        else:
            ax = normalize_axis(axis, nd)
    rd = _acc(d) if dtype is None else T.as_dtype(dtype)
    r = fn(v, axis=ax, dtype=rd.core, include_initial=include_initial)
    return _arr(r, out)


def cumsum(a, axis=None, dtype=None, out=None):
    return _scan(C.cumulative_sum, 0, a, axis, dtype, out)


def cumprod(a, axis=None, dtype=None, out=None):
    return _scan(C.cumulative_prod, 1, a, axis, dtype, out)


def nancumsum(a, axis=None, dtype=None, out=None):
    return _scan(C.cumulative_sum, 0, a, axis, dtype, out, nan=True)


def nancumprod(a, axis=None, dtype=None, out=None):
    return _scan(C.cumulative_prod, 1, a, axis, dtype, out, nan=True)


def cumulative_sum(x, /, *, axis=None, dtype=None, out=None, include_initial=False):
    return _scan(C.cumulative_sum, 0, x, axis, dtype, out, include_initial=include_initial,
                 flatten=False)


def cumulative_prod(x, /, *, axis=None, dtype=None, out=None, include_initial=False):
    return _scan(C.cumulative_prod, 1, x, axis, dtype, out, include_initial=include_initial,
                 flatten=False)


# ------------------------------------------------------------------ differences

def diff(a, n=1, axis=-1, prepend=NoValue, append=NoValue):
    v, d = _in(a)
    n = operator.index(n)
    if n < 0:
        raise ValueError(f"order must be non-negative but got {n!r}")
    s = _shape(v)
    if not s:
        raise ValueError("diff requires input that is at least one dimensional")
    ax = normalize_axis(axis, len(s))
    if n == 0:
        return wrap(v, d)
    edges = []
    for e in (prepend, append):
        if e is NoValue:
            edges.append(None)
            continue
        ev, ed = operand(e)
        if not C.shape(ev):
            ev = C.broadcast_to(ev, s[:ax] + (1,) + s[ax + 1:])
        edges.append((ev, ed))
    if edges[0] is not None or edges[1] is not None:
        for e in edges:
            if e is not None:
                d = T.PROMOTE[d, e[1]]
        parts = [_cast(v, d)]
        if edges[0] is not None:
            parts.insert(0, _cast(edges[0][0], d))
        if edges[1] is not None:
            parts.append(_cast(edges[1][0], d))
        v = C.concat(parts, axis=ax)
    return wrap(C.diff(v, axis=ax, n=n), d)


_BOOL_SUB = ("numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, "
             "the `^` operator, or the logical_xor function instead.")


def ediff1d(ary, to_end=None, to_begin=None):
    v, d = _in(ary)
    if d is T.BOOL:
        raise TypeError(_BOOL_SUB)
    v = C.reshape(v, (-1,))
    r = C.diff(v) if _shape(v)[0] else v
    parts = []
    for e, name in ((to_begin, "to_begin"), (to_end, "to_end")):
        if e is None:
            parts.append(None)
            continue
        ev, ed = operand(e)
        if not T.can_cast_dtype(ed, d, "same_kind"):
            raise TypeError(f"dtype of `{name}` must be compatible with input `ary` under the "
                            "`same_kind` rule.")
        parts.append(_cast(C.reshape(ev, (-1,)), d))
    if parts[0] is None and parts[1] is None:
        return wrap(r, d)
    seq = [p for p in (parts[0], r, parts[1]) if p is not None]
    return wrap(C.concat(seq, axis=0), d)


def gradient(f, *varargs, axis=None, edge_order=1):
    v, d = _in(f)
    s = _shape(v)
    nd = len(s)
    axes = tuple(range(nd)) if axis is None else normalize_axes(axis, nd)
    n = len(axes)
    if edge_order > 2:
        raise ValueError("'edge_order' greater than 2 not supported")
    if not varargs:
        spacing = [1.0] * n
    elif len(varargs) == 1 and not C.shape(_nat(varargs[0])):
        spacing = [varargs[0]] * n
    elif len(varargs) == n:
        spacing = list(varargs)
    else:
        raise TypeError("invalid number of arguments")
    od = d if d.kind in "fc" else T.F64
    vf = _cast(v, od)
    outs = []
    for ax, h in zip(axes, spacing):
        L = s[ax]
        if L < edge_order + 1:
            raise ValueError("Shape of array too small to calculate a numerical gradient, at "
                             "least (edge_order + 1) elements are required.")
        outs.append(wrap(_cast(_grad_axis(vf, ax, L, h, edge_order, od), od), od))
    return outs[0] if n == 1 else tuple(outs)


def _grad_axis(f, ax, L, h, order, od):
    nd = len(C.shape(f))
    sh = (1,) * ax + (-1,) + (1,) * (nd - ax - 1)
    hv, hd = _in(h)
    uniform = not C.shape(hv)
    if not uniform:
        if _shape(hv) != (L,):
            raise ValueError("when 1d, distances must match the length of the corresponding "
                             "dimension")
        if hd.kind in "iu":
            hv = C.astype(hv, C.float64)
        dx = C.diff(hv)
    sl = lambda a, b: _take(f, ax, a, b)  # noqa: E731
    if uniform:
        h0 = hv if hd.kind in "fc" else C.astype(hv, C.float64)
        mid = C.divide(C.subtract(sl(2, None), sl(None, -2)), C.multiply(h0, 2.0))
        if order == 1:
            first = C.divide(C.subtract(sl(1, 2), sl(0, 1)), h0)
            last = C.divide(C.subtract(sl(L - 1, L), sl(L - 2, L - 1)), h0)
        else:
            first = C.divide(C.add(C.add(C.multiply(sl(0, 1), -1.5), C.multiply(sl(1, 2), 2.0)),
                                   C.multiply(sl(2, 3), -0.5)), h0)
            last = C.divide(C.add(C.add(C.multiply(sl(L - 3, L - 2), 0.5),
                                        C.multiply(sl(L - 2, L - 1), -2.0)),
                                  C.multiply(sl(L - 1, L), 1.5)), h0)
    else:
        dx1, dx2 = C.getitem(dx, slice(None, -1)), C.getitem(dx, slice(1, None))
        a = C.negative(C.divide(dx2, C.multiply(dx1, C.add(dx1, dx2))))
        b = C.divide(C.subtract(dx2, dx1), C.multiply(dx1, dx2))
        c = C.divide(dx1, C.multiply(dx2, C.add(dx1, dx2)))
        a, b, c = (C.reshape(t, sh) for t in (a, b, c))
        mid = C.add(C.add(C.multiply(a, sl(None, -2)), C.multiply(b, sl(1, -1))), C.multiply(c, sl(2, None)))
        if order == 1:
            first = C.divide(C.subtract(sl(1, 2), sl(0, 1)), C.getitem(dx, 0))
            last = C.divide(C.subtract(sl(L - 1, L), sl(L - 2, L - 1)), C.getitem(dx, -1))
        else:
            p, q = C.getitem(dx, 0), C.getitem(dx, 1)
            a = C.negative(C.divide(C.add(C.multiply(p, 2.0), q), C.multiply(p, C.add(p, q))))
            b = C.divide(C.add(p, q), C.multiply(p, q))
            c = C.negative(C.divide(p, C.multiply(q, C.add(p, q))))
            first = C.add(C.add(C.multiply(a, sl(0, 1)), C.multiply(b, sl(1, 2))), C.multiply(c, sl(2, 3)))
            p, q = C.getitem(dx, -2), C.getitem(dx, -1)
            a = C.divide(q, C.multiply(p, C.add(p, q)))
            b = C.negative(C.divide(C.add(q, p), C.multiply(p, q)))
            c = C.divide(C.add(C.multiply(q, 2.0), p), C.multiply(q, C.add(p, q)))
            last = C.add(C.add(C.multiply(a, sl(L - 3, L - 2)), C.multiply(b, sl(L - 2, L - 1))),
                         C.multiply(c, sl(L - 1, L)))
    parts = [_cast(first, od), _cast(mid, od), _cast(last, od)]
    return C.concat(parts, axis=ax)


# ------------------------------------------------------------------ products of arrays

def cross(a, b, axisa=-1, axisb=-1, axisc=-1, axis=None):
    if axis is not None:
        axisa = axisb = axisc = axis
    (x, y), d = _common(a, b)
    sx, sy = _shape(x), _shape(y)
    x = C.moveaxis(x, normalize_axis(axisa, len(sx)), -1)
    y = C.moveaxis(y, normalize_axis(axisb, len(sy)), -1)
    na, nb = _shape(x)[-1], _shape(y)[-1]
    if na not in (2, 3) or nb not in (2, 3):
        raise ValueError("incompatible dimensions for cross product\n(dimension must be 2 or 3)")
    if d is T.BOOL:
        raise TypeError(_BOOL_SUB)
    comp = lambda v, i: C.getitem(v, (Ellipsis, i))  # noqa: E731
    a0, a1, b0, b1 = comp(x, 0), comp(x, 1), comp(y, 0), comp(y, 1)
    z = C.multiply(a0, b1)
    cz = C.subtract(z, C.multiply(a1, b0))
    if na == 2 and nb == 2:
        return _ret(cz)
    if na == 3 and nb == 3:
        a2, b2 = comp(x, 2), comp(y, 2)
        cx = C.subtract(C.multiply(a1, b2), C.multiply(a2, b1))
        cy = C.subtract(C.multiply(a2, b0), C.multiply(a0, b2))
    elif na == 2:
        b2 = comp(y, 2)
        cx = C.multiply(a1, b2)
        cy = C.negative(C.multiply(a0, b2))
    else:
        a2 = comp(x, 2)
        cx = C.negative(C.multiply(a2, b1))
        cy = C.multiply(a2, b0)
    cx, cy, cz = C.broadcast_arrays(cx, cy, cz)
    r = C.stack([cx, cy, cz], axis=-1)
    return wrap(C.moveaxis(r, -1, normalize_axis(axisc, len(_shape(r)))), d)



def _bool_via_int(fn, vs):
    """fn over bool operands computed in int64 (NumPy's bool dot/einsum: any of all)."""
    r = fn(*[C.astype(x, C.int64) for x in vs])
    return C.not_equal(r, 0)


def _dot_native(x, y):
    sx, sy = _shape(x), _shape(y)
    if not sx or not sy:
        return C.multiply(x, y)
    if len(sy) == 1:
        if sx[-1] != sy[0]:
            raise ValueError(f"shapes {sx} and {sy} not aligned: {sx[-1]} (dim {len(sx) - 1}) != "
                             f"{sy[0]} (dim 0)")
        return C.matmul(x, y) if len(sx) <= 2 else C.tensordot(x, y, axes=([len(sx) - 1], [0]))
    if sx[-1] != sy[-2]:
        raise ValueError(f"shapes {sx} and {sy} not aligned: {sx[-1]} (dim {len(sx) - 1}) != "
                         f"{sy[-2]} (dim {len(sy) - 2})")
    if len(sy) == 2 and len(sx) <= 2:
        return C.matmul(x, y)
    return C.tensordot(x, y, axes=([len(sx) - 1], [len(sy) - 2]))


def dot(a, b, out=None):
    if type(a) is ndarray and type(b) is ndarray and out is None:
        d = a.dtype
        if d is b.dtype and d is not T.BOOL:
            return result(_dot_native(a._value(), b._value()), d)
    (x, y), d = _common(a, b)
    r = _bool_via_int(_dot_native, (x, y)) if d is T.BOOL else _dot_native(x, y)
    if out is not None:
        if not isinstance(out, ndarray) or out.dtype is not d or out.shape != _shape(r):
            raise ValueError("output array is not acceptable (must have the right datatype, "
                             "number of dimensions, and be a C-Array)")
        return write_out(out, r)
    return result(r, d)


def vdot(a, b, /):
    (x, y), d = _common(a, b)
    x, y = C.reshape(x, (-1,)), C.reshape(y, (-1,))
    if _shape(x) != _shape(y):
        raise ValueError("cannot reshape array of size %d into shape (%d,)" % (_shape(y)[0], _shape(x)[0]))
    if d is T.BOOL:
        return result(_bool_via_int(lambda p, q: C.sum(C.multiply(p, q)), (x, y)), d)
    if d.kind == "c":
        x = C.conj(x)
    return result(C.sum(C.multiply(x, y), dtype=d.core), d)


def inner(a, b, /):
    (x, y), d = _common(a, b)
    sx, sy = _shape(x), _shape(y)
    if sx and sy and sx[-1] != sy[-1]:
        raise ValueError(f"shapes {sx} and {sy} not aligned: {sx[-1]} (dim {len(sx) - 1}) != "
                         f"{sy[-1]} (dim {len(sy) - 1})")
    r = _bool_via_int(C.inner, (x, y)) if d is T.BOOL else C.inner(x, y)
    return result(r, d)


def outer(a, b, out=None):
    (x, y), d = _common(a, b)
    r = C.outer(x, y)
    return _arr(r, out, "same_kind")


def tensordot(a, b, axes=2):
    (x, y), d = _common(a, b)
    sx, sy = _shape(x), _shape(y)
    if isinstance(axes, (list, tuple)):
        ax1, ax2 = axes
        ax1 = [ax1] if not isinstance(ax1, (list, tuple)) else list(ax1)
        ax2 = [ax2] if not isinstance(ax2, (list, tuple)) else list(ax2)
        if len(ax1) != len(ax2):
            raise ValueError("shape-mismatch for sum")
        ax1 = [normalize_axis(i, len(sx)) if sx else i for i in ax1]
        ax2 = [normalize_axis(i, len(sy)) if sy else i for i in ax2]
        if any(sx[i] != sy[j] for i, j in zip(ax1, ax2)):
            raise ValueError("shape-mismatch for sum")
        axes = (ax1, ax2)
    else:
        k = operator.index(axes)
        if k > len(sx) or k > len(sy) or (k and sx[len(sx) - k:] != sy[:k]):
            raise ValueError("shape-mismatch for sum")
    fn = lambda p, q: C.tensordot(p, q, axes=axes)  # noqa: E731
    r = _bool_via_int(fn, (x, y)) if d is T.BOOL else fn(x, y)
    return wrap(r, d)


def kron(a, b):
    (x, y), d = _common(a, b)
    return wrap(C.kron(x, y), d)


_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _sublist(sub):
    out = []
    for s in sub:
        if s is Ellipsis:
            out.append("...")
        else:
            i = operator.index(s)
            if not 0 <= i < 52:
                raise ValueError("subscript is not within the valid range [0, 52)")
            out.append(_LETTERS[i])
    return "".join(out)


def _einsum_args(subscripts, operands):
    if isinstance(subscripts, str):
        return subscripts.replace(" ", ""), list(operands)
    # interleaved form: op0, sublist0, op1, sublist1, ..., [sublistout]
    args = (subscripts,) + tuple(operands)
    ops, subs = list(args[0::2]), list(args[1::2])
    out = None
    if len(ops) > len(subs):
        out = ops.pop()
    spec = ",".join(_sublist(s) for s in subs)
    if out is not None:
        spec += "->" + _sublist(out)
    return spec, ops


def einsum(subscripts, *operands, out=None, dtype=None, order="K", casting="safe", optimize=False):
    spec, ops = _einsum_args(subscripts, operands)
    d = _common_dtype(*ops)
    if dtype is not None:
        dd = T.as_dtype(dtype)
        if not T.can_cast_dtype(d, dd, casting):
            raise TypeError(f"Cannot cast array data from dtype('{d.name}') to dtype('{dd.name}') "
                            f"according to the rule '{casting}'")
        d = dd
    vs = [operand(o, d)[0] for o in ops]
    fn = lambda *xs: C.einsum(spec, *xs)  # noqa: E731
    r = _bool_via_int(fn, vs) if d is T.BOOL else fn(*vs)
    return _ret(r, out, "safe" if casting == "safe" else casting)


def einsum_path(subscripts, *operands, optimize="greedy", einsum_call=False):
    """A pairwise left-to-right contraction path (NumPy's optimizer may pick another order for
    more than two operands); the report string is a short summary, not NumPy's table."""
    spec, ops = _einsum_args(subscripts, operands)
    n = len(ops)
    if isinstance(optimize, (list, tuple)) and optimize and optimize[0] == "einsum_path":
        path = list(optimize)
    elif optimize is False or n < 2:
        path = ["einsum_path", tuple(range(n))]
    else:
        path = ["einsum_path"] + [(0, 1)] * (n - 1)
    report = f"  Complete contraction:  {spec}\n  Operands: {n}\n  Path: {path[1:]}"
    return path, report


def trace(a, offset=0, axis1=0, axis2=1, dtype=None, out=None):
    v, d = _in(a)
    nd = len(C.shape(v))
    if nd < 2:
        raise ValueError("diag requires an array of at least two dimensions")
    a1, a2 = normalize_axis(axis1, nd), normalize_axis(axis2, nd)
    if a1 == a2:
        raise ValueError("axis1 and axis2 cannot be the same")
    dg = C.diagonal(v, offset=offset, axis1=a1, axis2=a2)
    rd = _acc(d) if dtype is None else T.as_dtype(dtype)
    return _ret(C.sum(dg, axis=-1, dtype=rd.core), out)


# ------------------------------------------------------------------ convolution

def _conv_full(x, y):
    """Full 1-d convolution of x (length n) and y (length m <= n), native, same dtype."""
    n, m = _shape(x)[0], _shape(y)[0]
    L = n + m - 1
    if L * m <= (1 << 22):
        # r[k] = sum_j y[j] * xp[k + m - 1 - j] with xp = x padded by m-1 zeros on both sides
        xp = C.pad(x, ((m - 1, m - 1),))
        idx = C.add(C.reshape(C.arange(L, dtype=C.int64), (L, 1)),
                    C.reshape(C.arange(m - 1, -1, -1, dtype=C.int64), (1, m)))
        win = C.take(xp, idx, axis=0)
        return C.sum(C.multiply(win, C.reshape(y, (1, m))), axis=1, dtype=C.dtype_of(x))
    r = C.zeros((L,), dtype=C.dtype_of(x))
    for j in range(m):
        r = C.index_add(r, slice(j, j + n), C.multiply(x, C.getitem(y, j)))
    return r


def _convolve(a, v, mode, what):
    (x, y), d = _common(a, v)
    x, y = C.reshape(x, (-1,)) if not C.shape(x) else x, C.reshape(y, (-1,)) if not C.shape(y) else y
    if len(C.shape(x)) != 1 or len(C.shape(y)) != 1:
        raise ValueError("object too deep for desired array")
    n, m = _shape(x)[0], _shape(y)[0]
    if n == 0:
        raise ValueError("a cannot be empty")
    if m == 0:
        raise ValueError("v cannot be empty")
    if what == "correlate":
        y = C.flip(C.conj(y) if d.kind == "c" else y, axis=0)
    swapped = m > n
    if swapped:
        x, y, n, m = y, x, m, n
    if d is T.BOOL:
        full = C.not_equal(_conv_full(C.astype(x, C.int64), C.astype(y, C.int64)), 0)
    else:
        full = _conv_full(x, y)
    if mode == "full":
        r = full
    elif mode == "same":
        start = (m - 1) // 2 if not (what == "correlate" and swapped) else m // 2
        r = C.getitem(full, slice(start, start + n))
    elif mode == "valid":
        r = C.getitem(full, slice(m - 1, n))
    else:
        raise ValueError(f"mode must be one of 'valid', 'same', or 'full' (got {mode!r})")
    return wrap(r, d)


def convolve(a, v, mode="full"):
    return _convolve(a, v, mode, "convolve")


def correlate(a, v, mode="valid"):
    return _convolve(a, v, mode, "correlate")


# ------------------------------------------------------------------ interpolation, integration

def interp(x, xp, fp, left=None, right=None, period=None):
    fv, fd = _in(fp)
    rd = T.C128 if fd.kind == "c" else T.F64
    for arg in (x, xp):
        ad = dtype_of(arg)
        if ad.kind == "c" and period is None:
            raise TypeError(f"Cannot cast array data from dtype('{ad.name}') to dtype('float64') "
                            "according to the rule 'safe'")
    xv, xpv = (C.real(v) if C.dtype_of(v).kind == "c" else v for v in (_nat(x), _nat(xp)))
    xv, xpv = _cast(xv, T.F64), _cast(xpv, T.F64)
    fv = _cast(fv, rd)
    if len(C.shape(xpv)) != 1 or len(C.shape(fv)) != 1:
        raise ValueError("Data points must be 1-D sequences")
    if _shape(xpv)[0] != _shape(fv)[0]:
        raise ValueError("fp and xp are not of the same length")
    if _shape(xpv)[0] == 0:
        raise ValueError("array of sample points is empty")
    if period is not None:
        if period == 0:
            raise ValueError("period must be a non-zero value")
        period = _babs(float(period))
        left = right = None
        xv = C.remainder(xv, period)
        xpv = C.remainder(xpv, period)
        order = C.argsort(xpv)
        xpv, fv = C.take(xpv, order), C.take(fv, order)
        xpv = C.concat([C.subtract(C.getitem(xpv, slice(-1, None)), period), xpv,
                        C.add(C.getitem(xpv, slice(0, 1)), period)])
        fv = C.concat([C.getitem(fv, slice(-1, None)), fv, C.getitem(fv, slice(0, 1))])
    n = _shape(xpv)[0]
    lo = C.getitem(fv, 0) if left is None else _nat(left, rd)
    hi = C.getitem(fv, -1) if right is None else _nat(right, rd)
    if n == 1:
        r = C.where(C.less(xv, C.getitem(xpv, 0)), lo,
                    C.where(C.greater(xv, C.getitem(xpv, 0)), hi, C.getitem(fv, 0)))
        return _ret(_cast(C.broadcast_to(r, _shape(xv)), rd))
    j = C.subtract(C.searchsorted(xpv, xv, side="right"), 1)
    j = C.clip(j, 0, n - 2)
    x0, x1 = C.take(xpv, j), C.take(xpv, C.add(j, 1))
    f0, f1 = C.take(fv, j), C.take(fv, C.add(j, 1))
    slope = C.divide(C.subtract(f1, f0), _cast(C.subtract(x1, x0), rd))
    r = C.add(C.multiply(slope, _cast(C.subtract(xv, x0), rd)), f0)
    # where the slope is not finite (repeated xp), take the value at the matching end
    r = C.where(C.equal(xv, x1), f1, r)
    r = C.where(C.equal(xv, C.getitem(xpv, -1)), C.getitem(fv, -1), r)
    r = C.where(C.less(xv, C.getitem(xpv, 0)), lo, r)
    r = C.where(C.greater(xv, C.getitem(xpv, -1)), hi, r)
    return _ret(_cast(r, rd))


def trapezoid(y, x=None, dx=1.0, axis=-1):
    v, d = _in(y)
    nd = len(C.shape(v))
    ax = normalize_axis(axis, nd)
    if x is None:
        w = dx
        if type(dx) not in _PY:
            w = _nat(dx)
    else:
        xv = _nat(x)
        if len(C.shape(xv)) == 1:
            w = C.reshape(C.diff(xv), (1,) * ax + (-1,) + (1,) * (nd - ax - 1))
        else:
            w = C.diff(xv, axis=ax)
    s = wrap(C.add(_take(v, ax, 1, None), _take(v, ax, None, -1)), d)
    (sv, wv), pd = _common(s, w if type(w) in _PY else wrap(w))
    od = pd if pd.kind in "fc" else T.F64
    r = C.sum(C.divide(_cast(C.multiply(sv, wv), od), 2.0), axis=ax)
    return _ret(r)


# ------------------------------------------------------------------ elementwise helpers

def clip(a, a_min=NoValue, a_max=NoValue, out=None, *, min=NoValue, max=NoValue, **kwargs):  # noqa: A002
    if (a_min is NoValue) != (a_max is NoValue):
        raise TypeError("clip() missing 1 required positional argument: "
                        f"'{'a_max' if a_max is NoValue else 'a_min'}'")
    if min is not NoValue:
        if a_min is not NoValue:
            raise ValueError("Passed `min` and `a_min`, you may only pass one of them.")
        a_min = min
    if max is not NoValue:
        if a_max is not NoValue:
            raise ValueError("Passed `max` and `a_max`, you may only pass one of them.")
        a_max = max
    lo = None if a_min is NoValue else a_min
    hi = None if a_max is NoValue else a_max
    args = [a] + [b for b in (lo, hi) if b is not None]
    vs, d = _common(*args)
    v = vs[0]
    k = 1
    if lo is not None:
        v = C.maximum(v, vs[k])
        k += 1
    if hi is not None:
        v = C.minimum(v, vs[k])
    return _ret(v, out, kwargs.get("casting", "same_kind"))


def around(a, decimals=0, out=None):
    v, d = _in(a)
    decimals = operator.index(decimals)
    if d is T.BOOL:
        if decimals:
            raise _np_exc()._UFuncOutputCastingError(
                "Cannot cast ufunc 'multiply' output from dtype('float64') to dtype('bool') with "
                "casting rule 'same_kind'")
        v = C.astype(v, C.float16)
    r = C.round(v, decimals=decimals)
    return _ret(r, out)


def _np_exc():
    from . import exceptions
    return exceptions


def round(a, decimals=0, out=None):  # noqa: A001
    return around(a, decimals, out)


def fix(x, out=None):
    v, d = _in(x)
    r = C.trunc(v)
    return _ret(r, out)


def real_if_close(a, tol=100):
    v, d = _in(a)
    if d.kind != "c":
        return wrap(v, d)
    rd = _real_dt(d)
    if tol > 1:
        tol = C.finfo(rd.core).eps * tol
    if builtins.bool(C.all(C.less(C.abs(C.imag(v)), tol))):
        return wrap(C.real(v), rd)
    return wrap(v, d)


def nan_to_num(x, copy=True, nan=0.0, posinf=None, neginf=None):
    v, d = _in(x)
    r = v
    if d.kind in "fc":
        r = C.nan_to_num(v, nan=nan, posinf=posinf, neginf=neginf)
    if not copy and isinstance(x, ndarray):
        x._write(r)
        return x
    return result(r, d)


def angle(z, deg=False):
    v, d = _in(z)
    if d.kind == "c":
        r = C.atan2(C.imag(v), C.real(v))
    else:
        # arctan2(0, x) in the float dtype NumPy's loop picks for x's dtype
        od = T.F64 if d is T.BOOL else d if d.kind == "f" else {1: T.F16, 2: T.F32}.get(d.itemsize, T.F64)
        vf = _cast(v, od)
        r = C.atan2(C.zeros_like(vf), vf)
    if deg:
        r = C.multiply(r, 180.0 / math.pi)
    return _ret(r)


def real(val):
    if isinstance(val, ndarray):
        return val.real
    if type(val) in _PY:
        return val.real
    v, d = _in(val)
    return result(C.real(v) if d.kind == "c" else v)


def imag(val):
    if isinstance(val, ndarray):
        return val.imag
    if type(val) in _PY:
        return val.imag
    v, d = _in(val)
    return result(C.imag(v) if d.kind == "c" else C.zeros_like(v))


def sinc(x):
    v, d = _in(x)
    od = _float_dt(d)
    v = _cast(v, od)
    y = C.multiply(C.where(C.equal(v, 0), C.asarray(1.0e-20, dtype=od.core), v), math.pi)
    return _ret(C.divide(C.sin(y), y))


def i0(x):
    v, d = _in(x)
    if d.kind == "c":
        raise TypeError("i0 not supported for complex values")
    od = d if d.kind == "f" else T.F64
    return wrap(C.i0(_cast(v, od)), od)


def unwrap(p, discont=None, axis=-1, *, period=2 * math.pi):
    v, d = _in(p)
    nd = len(C.shape(v))
    ax = normalize_axis(axis, nd)
    dd = C.diff(v, axis=ax)
    if discont is None:
        discont = period / 2
    int_path = d.kind in "iu" and isinstance(period, builtins.int)
    if int_path:
        high, rem = divmod(period, 2)
        T.check_int_fits(-high, d)
        ambiguous = rem == 0
        od = d
    else:
        high = period / 2
        ambiguous = True
        fd = _float_dt(d)
        od = T.PROMOTE[fd, T.weak(period, fd) if type(period) in _PY else dtype_of(period)]
        v, dd = _cast(v, od), _cast(dd, od)
    low = -high
    ddmod = C.add(C.remainder(C.subtract(dd, low), period), low)
    if ambiguous:
        ddmod = C.where(C.logical_and(C.equal(ddmod, low), C.greater(dd, 0)),
                        C.asarray(high, dtype=C.dtype_of(ddmod)), ddmod)
    corr = C.subtract(ddmod, dd)
    corr = C.where(C.less(C.abs(dd), discont), C.zeros_like(corr), corr)
    csum = C.cumulative_sum(corr, axis=ax, dtype=C.dtype_of(corr))
    first = _take(v, ax, 0, 1)
    rest = C.add(_cast(_take(v, ax, 1, None), _dt(csum)), csum)
    out_d = T.PROMOTE[od, _dt(rest)]
    return wrap(C.concat([_cast(first, out_d), _cast(rest, out_d)], axis=ax), out_d)


# ------------------------------------------------------------------ window functions

def _window_n(M):
    """(M as int, a float64 native -M+1, -M+3, ..., M-1) or None for the trivial sizes."""
    M = operator.index(M) if not isinstance(M, builtins.float) else builtins.int(M)
    return M, C.arange(1 - M, M, 2, dtype=C.float64) if M > 1 else None


def _window_trivial(M):
    return wrap(C.zeros((0,), dtype=C.float64) if M < 1 else C.ones((1,), dtype=C.float64), T.F64)


def _cosine_window(M, coeffs):
    M, n = _window_n(M)
    if n is None:
        return _window_trivial(M)
    r = C.full(_shape(n), coeffs[0], dtype=C.float64)
    for k, c in enumerate(coeffs[1:], 1):
        r = C.add(r, C.multiply(C.cos(C.multiply(n, k * math.pi / (M - 1))), c))
    return wrap(r, T.F64)


def bartlett(M):
    M, n = _window_n(M)
    if n is None:
        return _window_trivial(M)
    t = C.divide(n, float(M - 1))
    return wrap(C.where(C.less_equal(n, 0), C.add(t, 1.0), C.subtract(1.0, t)), T.F64)


def blackman(M):
    return _cosine_window(M, (0.42, 0.5, 0.08))


def hamming(M):
    return _cosine_window(M, (0.54, 0.46))


def hanning(M):
    return _cosine_window(M, (0.5, 0.5))


def kaiser(M, beta):
    M = operator.index(M) if not isinstance(M, builtins.float) else builtins.int(M)
    if M < 1:
        return _window_trivial(M)
    if M == 1:
        return wrap(C.ones((1,), dtype=C.float64), T.F64)
    n = C.arange(0, M, dtype=C.float64)
    alpha = (M - 1) / 2.0
    t = C.divide(C.subtract(n, alpha), alpha)
    arg = C.multiply(C.sqrt(C.subtract(1.0, C.multiply(t, t))), float(beta))
    return wrap(C.divide(C.i0(arg), C.i0(C.asarray(float(beta), dtype=C.float64))), T.F64)
