"""Shape and arrangement functions of the numpy namespace. The ones NumPy defines as views
(reshape, ravel, transpose, swapaxes, moveaxis, rollaxis, expand_dims, squeeze,
broadcast_to, broadcast_arrays, permute_dims, matrix_transpose, atleast_*d, split family)
return views sharing memory exactly where NumPy's do; the rest return new arrays."""
from __future__ import annotations

import builtins
import math
import operator

from ... import core as C
from . import _dtypes as T
from . import _views as V
from ._ndarray import ndarray, normalize_axis, operand, result, wrap, write_out

__all__ = ["reshape", "ravel", "transpose", "swapaxes", "moveaxis", "rollaxis", "expand_dims",
           "squeeze", "broadcast_to", "broadcast_arrays", "broadcast_shapes", "concatenate",
           "concat", "stack", "hstack", "vstack", "dstack", "column_stack", "row_stack",
           "block", "split", "array_split", "hsplit", "vsplit", "dsplit", "tile", "repeat",
           "flip", "fliplr", "flipud", "roll", "rot90", "atleast_1d", "atleast_2d",
           "atleast_3d", "append", "insert", "delete", "resize", "pad", "trim_zeros",
           "unstack", "permute_dims", "matrix_transpose", "copyto", "astype", "diagonal"]


def _a(x) -> ndarray:
    return x if isinstance(x, ndarray) else wrap(*operand(x))


def reshape(a, /, shape=None, order="C", *, newshape=None, copy=None):
    if newshape is not None:
        if shape is not None:
            raise TypeError("You cannot specify 'newshape' and 'shape' arguments at the same "
                            "time.")
        shape = newshape
    if shape is None:
        raise TypeError("reshape() missing 1 required positional argument: 'shape'")
    return V.reshape(_a(a), shape, order, copy)


def ravel(a, order="C"):
    return V.ravel(_a(a), order)


def transpose(a, axes=None):
    return V.transpose(_a(a), None if axes is None else tuple(axes))


permute_dims = transpose


def matrix_transpose(x, /):
    return V.matrix_transpose(_a(x))


def diagonal(a, offset=0, axis1=0, axis2=1):
    """numpy.diagonal: a read-only view of the diagonal (NumPy 2)."""
    return V.diagonal(_a(a), offset, axis1, axis2)


def swapaxes(a, axis1, axis2):
    return V.swapaxes(_a(a), axis1, axis2)


def moveaxis(a, source, destination):
    return V.moveaxis(_a(a), source, destination)


def rollaxis(a, axis, start=0):
    x = _a(a)
    n = x.ndim
    axis = normalize_axis(axis, n)
    if not -n <= start <= n:
        from .exceptions import AxisError

        raise AxisError(f"'start' arg requires {-n} <= start < {n + 1}, but {start} was passed in")
    if start < 0:
        start += n
    if axis < start:
        start -= 1
    if axis == start:
        return V.transpose(x, tuple(range(n)))
    axes = [i for i in range(n) if i != axis]
    axes.insert(start, axis)
    return V.transpose(x, tuple(axes))


def expand_dims(a, axis):
    return V.expand_dims(_a(a), axis)


def squeeze(a, axis=None):
    return V.squeeze(_a(a), axis)


def broadcast_to(array, shape, subok=False):
    return V.broadcast_to(_a(array), shape)


def broadcast_shapes(*args):
    shapes = [V.shape_arg(s) for s in args]
    out = []
    for dims in _zip_right(shapes):
        n = 1
        for x in dims:
            if x != 1:
                if n != 1 and x != n:
                    raise ValueError("shape mismatch: objects cannot be broadcast to a single "
                                     "shape.  Mismatch is between " +
                                     " and ".join(V._shape_str(s) for s in shapes[:2]) + ".")
                n = x
        out.append(n)
    return tuple(reversed(out))


def _zip_right(shapes):
    nd = builtins.max((len(s) for s in shapes), default=0)
    for i in range(1, nd + 1):
        yield [s[-i] if i <= len(s) else 1 for s in shapes]


def broadcast_arrays(*args, subok=False):
    arrs = [_a(x) for x in args]
    shape = broadcast_shapes(*(x.shape for x in arrs))
    return tuple(x if x.shape == shape else V.broadcast_to(x, shape) for x in arrs)


def atleast_1d(*arys):
    res = [(_a(x) if _a(x).ndim >= 1 else V.reshape(_a(x), (1,))) for x in arys]
    return res[0] if len(res) == 1 else tuple(res)


def atleast_2d(*arys):
    res = []
    for x in arys:
        x = _a(x)
        if x.ndim == 0:
            x = V.reshape(x, (1, 1))
        elif x.ndim == 1:
            x = V.expand_dims(x, 0)
        res.append(x)
    return res[0] if len(res) == 1 else tuple(res)


def atleast_3d(*arys):
    res = []
    for x in arys:
        x = _a(x)
        if x.ndim == 0:
            x = V.reshape(x, (1, 1, 1))
        elif x.ndim == 1:
            x = V.reshape(x, (1, x.shape[0], 1))
        elif x.ndim == 2:
            x = V.expand_dims(x, 2)
        res.append(x)
    return res[0] if len(res) == 1 else tuple(res)


# ------------------------------------------------------------------ joining

def _common(arrays, dtype=None, casting="same_kind"):
    vals = [operand(x) for x in arrays]
    if not vals:
        raise ValueError("need at least one array to concatenate")
    d = vals[0][1]
    for _, x in vals[1:]:
        d = T.PROMOTE[d, x]
    if dtype is not None:
        want = T.as_dtype(dtype)
        for _, x in vals:
            if not T.can_cast_dtype(x, want, casting):
                raise TypeError(f"Cannot cast array data from dtype('{x.name}') to "
                                f"dtype('{want.name}') according to the rule '{casting}'")
        d = want
    return [v if x is d else C.astype(v, d.core) for v, x in vals], d


def concatenate(arrays, /, axis=0, out=None, *, dtype=None, casting="same_kind"):
    if isinstance(arrays, ndarray):
        arrays = list(arrays)
    vals, d = _common(arrays, dtype, casting)
    if axis is None:
        vals = [C.reshape(v, (-1,)) for v in vals]
        axis = 0
    nd = len(C.shape(vals[0]))
    if nd == 0:
        raise ValueError("zero-dimensional arrays cannot be concatenated")
    for i, v in enumerate(vals[1:], 1):
        if len(C.shape(v)) != nd:
            raise ValueError("all the input array dimensions except for the concatenation axis "
                             "must match exactly, but along dimension 0, the array at index 0 "
                             f"has {nd} dimension(s) and the array at index {i} has "
                             f"{len(C.shape(v))} dimension(s)")
    ax = normalize_axis(axis, nd)
    s0 = C.shape(vals[0])
    for i, v in enumerate(vals[1:], 1):
        s = C.shape(v)
        for k in range(nd):
            if k != ax and s[k] != s0[k]:
                raise ValueError("all the input array dimensions except for the concatenation "
                                 f"axis must match exactly, but along dimension {k}, the array "
                                 f"at index 0 has size {s0[k]} and the array at index {i} has "
                                 f"size {s[k]}")
    r = C.concat(vals, axis=ax)
    if out is not None:
        return write_out(out, r, casting)
    return wrap(r, d)


def concat(arrays, /, axis=0, out=None, *, dtype=None, casting="same_kind"):
    return concatenate(arrays, axis, out, dtype=dtype, casting=casting)


def stack(arrays, axis=0, out=None, *, dtype=None, casting="same_kind"):
    vals, d = _common(list(arrays), dtype, casting)
    shapes = {tuple(C.shape(v)) for v in vals}
    if len(shapes) != 1:
        raise ValueError("all input arrays must have the same shape")
    ax = normalize_axis(axis, len(C.shape(vals[0])) + 1)
    r = C.stack(vals, axis=ax)
    if out is not None:
        return write_out(out, r, casting)
    return wrap(r, d)


def unstack(x, /, *, axis=0):
    a = _a(x)
    if a.ndim == 0:
        raise ValueError("Input array must be at least 1-d.")
    ax = normalize_axis(axis, a.ndim)
    from ._keys import getitem

    return tuple(getitem(a, (slice(None),) * ax + (i,)) for i in range(a.shape[ax]))


def hstack(tup, *, dtype=None, casting="same_kind"):
    arrs = atleast_1d(*tup)
    arrs = arrs if isinstance(arrs, tuple) else (arrs,)
    if arrs and arrs[0].ndim == 1:
        return concatenate(arrs, 0, dtype=dtype, casting=casting)
    return concatenate(arrs, 1, dtype=dtype, casting=casting)


def vstack(tup, *, dtype=None, casting="same_kind"):
    arrs = atleast_2d(*tup)
    arrs = arrs if isinstance(arrs, tuple) else (arrs,)
    return concatenate(arrs, 0, dtype=dtype, casting=casting)


row_stack = vstack


def dstack(tup):
    arrs = atleast_3d(*tup)
    arrs = arrs if isinstance(arrs, tuple) else (arrs,)
    return concatenate(arrs, 2)


def column_stack(tup):
    arrs = []
    for x in tup:
        x = _a(x)
        if x.ndim < 2:
            x = V.reshape(x, (-1, 1)) if x.ndim == 1 else V.reshape(x, (1, 1))
        arrs.append(x)
    return concatenate(arrs, 1)


def block(arrays):
    def depth(x):
        if isinstance(x, list):
            if not x:
                raise ValueError("List at arrays[0] cannot be empty")
            ds = {depth(y) for y in x}
            if len(ds) != 1:
                raise ValueError("List depths are mismatched.")
            return 1 + ds.pop()
        if isinstance(x, tuple):
            raise TypeError("arrays is a tuple. Only lists can be used to arrange blocks, "
                            "and np.block does not allow implicit conversion from tuple to "
                            "ndarray.")
        return 0

    n = depth(arrays)

    def nd(x):
        if isinstance(x, list):
            return builtins.max(nd(y) for y in x)
        return _a(x).ndim

    target = builtins.max(n, nd(arrays))

    def build(x, level):
        if isinstance(x, list):
            parts = [build(y, level + 1) for y in x]
            return concatenate(parts, axis=-(n - level))
        a = _a(x)
        if a.ndim < target:
            a = V.reshape(a, (1,) * (target - a.ndim) + a.shape)
        return a

    return build(arrays, 0)


# ------------------------------------------------------------------ splitting

def array_split(ary, indices_or_sections, axis=0):
    a = _a(ary)
    ax = normalize_axis(axis, a.ndim)
    n = a.shape[ax]
    if isinstance(indices_or_sections, (int,)) or hasattr(indices_or_sections, "__index__") \
            and not isinstance(indices_or_sections, (list, tuple, ndarray)):
        k = operator.index(indices_or_sections)
        if k <= 0:
            raise ValueError("number sections must be larger than 0.")
        each, extra = divmod(n, k)
        sizes = [each + 1] * extra + [each] * (k - extra)
        bounds = [0]
        for s in sizes:
            bounds.append(bounds[-1] + s)
    else:
        idx = [operator.index(i) for i in (indices_or_sections.tolist() if isinstance(
            indices_or_sections, ndarray) else indices_or_sections)]
        bounds = [0] + idx + [n]
    from ._keys import getitem

    out = []
    for lo, hi in zip(bounds[:-1], bounds[1:]):
        lo = builtins.min(builtins.max(lo + n if lo < 0 else lo, 0), n)
        hi = builtins.min(builtins.max(hi + n if hi < 0 else hi, 0), n)
        out.append(getitem(a, (slice(None),) * ax + (slice(lo, builtins.max(hi, lo)),)))
    return out


def split(ary, indices_or_sections, axis=0):
    if not isinstance(indices_or_sections, (list, tuple, ndarray)):
        a = _a(ary)
        n = a.shape[normalize_axis(axis, a.ndim)]
        k = operator.index(indices_or_sections)
        if k <= 0 or n % k:
            raise ValueError("array split does not result in an equal division")
    return array_split(ary, indices_or_sections, axis)


def hsplit(ary, indices_or_sections):
    a = _a(ary)
    if a.ndim == 0:
        raise ValueError("hsplit only works on arrays of 1 or more dimensions")
    return split(a, indices_or_sections, 1 if a.ndim > 1 else 0)


def vsplit(ary, indices_or_sections):
    a = _a(ary)
    if a.ndim < 2:
        raise ValueError("vsplit only works on arrays of 2 or more dimensions")
    return split(a, indices_or_sections, 0)


def dsplit(ary, indices_or_sections):
    a = _a(ary)
    if a.ndim < 3:
        raise ValueError("dsplit only works on arrays of 3 or more dimensions")
    return split(a, indices_or_sections, 2)


# ------------------------------------------------------------------ rearranging

def tile(A, reps):
    a = _a(A)
    reps = (operator.index(reps),) if not isinstance(reps, (tuple, list)) else tuple(
        operator.index(r) for r in reps)
    nd = builtins.max(a.ndim, len(reps))
    reps = (1,) * (nd - len(reps)) + reps
    v = C.reshape(a._value(), (1,) * (nd - a.ndim) + a.shape)
    return wrap(C.tile(v, reps), a._dt)


def repeat(a, repeats, axis=None):
    x = _a(a)
    v = x._value()
    if axis is None:
        v = C.reshape(v, (-1,))
        ax = 0
    else:
        ax = normalize_axis(axis, x.ndim)
    if isinstance(repeats, (int,)) or (hasattr(repeats, "__index__") and
                                       not isinstance(repeats, ndarray)):
        r = operator.index(repeats)
        if r < 0:
            raise ValueError("repeats may not contain negative values.")
        return wrap(C.repeat(v, r, axis=ax), x._dt)
    rv, rd = operand(repeats)
    if rd.kind not in "iub":
        raise TypeError("Cannot cast array data from dtype('float64') to dtype('int64') "
                        "according to the rule 'safe'")
    n = C.shape(v)[ax]
    rs = C.shape(rv)
    if rs not in ((), (1,), (n,)):
        raise ValueError(f"operands could not be broadcast together with shape ({n},) "
                         f"({rs[0] if rs else ''},)")
    if builtins.bool(C.any(C.less(rv, 0))):
        raise ValueError("repeats may not contain negative values.")
    if rs in ((), (1,)):
        return wrap(C.repeat(v, builtins.int(C.to_numpy(rv).reshape(-1)[0]), axis=ax), x._dt)
    return wrap(C.repeat(v, C.astype(rv, C.int64), axis=ax), x._dt)


def flip(m, axis=None):
    x = _a(m)
    if axis is None:
        axes = tuple(range(x.ndim))
    else:
        axes = tuple(normalize_axis(a, x.ndim) for a in (axis if isinstance(axis, (tuple, list))
                                                         else (axis,)))
    key = tuple(slice(None, None, -1) if i in axes else slice(None) for i in range(x.ndim))
    from ._keys import getitem

    return getitem(x, key)


def fliplr(m):
    x = _a(m)
    if x.ndim < 2:
        raise ValueError("Input must be >= 2-d.")
    return flip(x, 1)


def flipud(m):
    x = _a(m)
    if x.ndim < 1:
        raise ValueError("Input must be >= 1-d.")
    return flip(x, 0)


def roll(a, shift, axis=None):
    x = _a(a)
    if axis is None:
        v = C.reshape(x._value(), (-1,))
        s = operator.index(shift) if not isinstance(shift, (tuple, list)) else builtins.sum(shift)
        return wrap(C.reshape(C.roll(v, s, axis=0), x.shape), x._dt)
    axes = axis if isinstance(axis, (tuple, list)) else (axis,)
    shifts = shift if isinstance(shift, (tuple, list)) else (shift,)
    if len(shifts) == 1 and len(axes) > 1:
        shifts = shifts * len(axes)
    if len(axes) == 1 and len(shifts) > 1:
        axes = axes * len(shifts)
    if len(axes) != len(shifts):
        raise ValueError("'shift' and 'axis' should be scalars or 1D sequences")
    axes = tuple(normalize_axis(ax, x.ndim) for ax in axes)
    totals = {}
    for ax, s in zip(axes, shifts):
        totals[ax] = totals.get(ax, 0) + operator.index(s)
    return wrap(C.roll(x._value(), tuple(totals.values()), axis=tuple(totals)), x._dt)


def rot90(m, k=1, axes=(0, 1)):
    x = _a(m)
    axes = tuple(axes)
    if len(axes) != 2:
        raise ValueError("len(axes) must be 2.")
    if x.ndim < 2:
        raise ValueError("Axes must be different.") if axes[0] == axes[1] else \
            ValueError(f"Axes={axes} out of range for array of ndim={x.ndim}.")
    a0, a1 = axes
    if a0 % x.ndim == a1 % x.ndim or abs(a0 - a1) == x.ndim:
        raise ValueError("Axes must be different.")
    if not (-x.ndim <= a0 < x.ndim and -x.ndim <= a1 < x.ndim):
        raise ValueError(f"Axes={axes} out of range for array of ndim={x.ndim}.")
    k = operator.index(k) % 4
    if k == 0:
        return x[...]
    if k == 2:
        return flip(flip(x, a0), a1)
    perm = list(range(x.ndim))
    perm[a0], perm[a1] = perm[a1], perm[a0]
    if k == 1:
        return V.transpose(flip(x, a1), tuple(perm))
    return flip(V.transpose(x, tuple(perm)), a1)


def append(arr, values, axis=None):
    a = _a(arr)
    b = _a(values)
    if axis is None:
        return concatenate([ravel(a), ravel(b)], 0)
    return concatenate([a, b], axis)


def insert(arr, obj, values, axis=None):
    a = _a(arr)
    if axis is None:
        a = wrap(C.reshape(C.copy(a._value()), (-1,)), a._dt)
        ax = 0
    else:
        ax = normalize_axis(axis, a.ndim)
    n = a.shape[ax]
    vals, vd = operand(values)
    vals = C.astype(vals, a.dtype.core) if vd is not a.dtype else vals
    scalar_idx = not isinstance(obj, (list, tuple, ndarray, slice))
    if isinstance(obj, slice):
        idx = list(range(*obj.indices(n)))
    elif scalar_idx:
        idx = [operator.index(obj)]
    else:
        idx = [operator.index(i) for i in (obj.tolist() if isinstance(obj, ndarray) else obj)]
    for i in idx:
        if not -n <= i <= n:
            raise IndexError(f"index {i} is out of bounds for axis {ax} with size {n}")
    idx = [i + n if i < 0 else i for i in idx]
    moved = C.moveaxis(a._value(), ax, 0)
    rest = C.shape(moved)[1:]
    if scalar_idx:
        vs = C.shape(vals)
        if len(vs) <= len(rest):
            new = C.broadcast_to(vals, rest)
            new = C.reshape(new, (1,) + tuple(rest))
        else:
            new = C.moveaxis(vals, ax if len(vs) == a.ndim else 0, 0) if len(vs) == a.ndim \
                else vals
            new = C.broadcast_to(new, (C.shape(new)[0],) + tuple(rest))
        pos = idx[0]
        parts = [C.getitem(moved, slice(0, pos)), new, C.getitem(moved, slice(pos, None))]
        r = C.concat(parts, axis=0)
    else:
        k = len(idx)
        new = C.broadcast_to(vals, (k,) + tuple(rest)) if len(C.shape(vals)) <= 1 + len(rest) \
            else vals
        if len(C.shape(vals)) == 1 and C.shape(vals)[0] == k and rest:
            new = C.broadcast_to(C.reshape(vals, (k,) + (1,) * len(rest)), (k,) + tuple(rest))
        order = sorted(range(k), key=lambda j: idx[j])
        out_parts, start = [], 0
        for j in order:
            p = idx[j]
            out_parts.append(C.getitem(moved, slice(start, p)))
            out_parts.append(C.getitem(new, slice(j, j + 1)))
            start = p
        out_parts.append(C.getitem(moved, slice(start, None)))
        r = C.concat(out_parts, axis=0)
    return wrap(C.moveaxis(r, 0, ax), a._dt)


def delete(arr, obj, axis=None):
    a = _a(arr)
    if axis is None:
        a = wrap(C.reshape(a._value(), (-1,)), a._dt)
        ax = 0
    else:
        ax = normalize_axis(axis, a.ndim)
    n = a.shape[ax]
    if isinstance(obj, slice):
        drop = set(range(*obj.indices(n)))
    else:
        ov, od = operand(obj)
        if od is T.BOOL:
            if C.shape(ov) != (n,):
                raise ValueError(f"boolean array argument obj to delete must be one "
                                 f"dimensional and match the axis length of {n}")
            drop = {i for i, b in enumerate(C.to_numpy(ov).tolist()) if b}
        else:
            items = C.to_numpy(ov).reshape(-1).tolist()
            drop = set()
            for i in items:
                i = operator.index(i)
                if not -n <= i < n:
                    raise IndexError(f"index {i} is out of bounds for axis {ax} with size {n}")
                drop.add(i + n if i < 0 else i)
    keep = [i for i in range(n) if i not in drop]
    idx = C.asarray(keep, dtype=C.int64) if keep else C.zeros((0,), dtype=C.int64)
    return wrap(C.take(a._value(), idx, axis=ax), a._dt)


def resize(a, new_shape):
    x = _a(a)
    new = V.shape_arg(new_shape)
    m = math.prod(new)
    v = C.reshape(x._value(), (-1,))
    n = C.shape(v)[0]
    if m == 0 or n == 0:
        return wrap(C.zeros(new, dtype=x.dtype.core), x._dt)
    reps = -(-m // n)
    v = C.getitem(C.tile(v, (reps,)), slice(0, m))
    return wrap(C.reshape(v, new), x._dt)


def _pad_width(pw, nd):
    import numpy

    arr = numpy.broadcast_to(numpy.asarray(pw.tolist() if isinstance(pw, ndarray) else pw,
                                           dtype=object), (nd, 2))
    out = []
    for lo, hi in arr.tolist():
        lo, hi = operator.index(lo), operator.index(hi)
        if lo < 0 or hi < 0:
            raise ValueError("index can't contain negative values")
        out.append((lo, hi))
    return out


def pad(array, pad_width, mode="constant", **kwargs):
    x = _a(array)
    pw = _pad_width(pad_width, x.ndim)
    v = x._value()
    d = x.dtype
    if callable(mode):
        raise TypeError("callable pad modes are not supported by unify's numpy frontend")
    if mode == "constant":
        cv = kwargs.get("constant_values", 0)
        import numpy

        cvs = numpy.broadcast_to(numpy.asarray(cv.tolist() if isinstance(cv, ndarray) else cv,
                                               dtype=object), (x.ndim, 2)).tolist()
        for ax, ((lo, hi), (clo, chi)) in enumerate(zip(pw, cvs)):
            parts = []
            s = list(C.shape(v))
            if lo:
                s[ax] = lo
                parts.append(_fill_cast(tuple(s), clo, d))
            parts.append(v)
            if hi:
                s[ax] = hi
                parts.append(_fill_cast(tuple(s), chi, d))
            v = C.concat(parts, axis=ax) if len(parts) > 1 else v
        return wrap(v, d)
    if mode == "empty":
        return pad(x, pad_width, "constant")
    core_modes = {"edge": "edge", "reflect": "reflect", "symmetric": "symmetric",
                  "wrap": "circular"}
    if mode in core_modes:
        for ax, (lo, hi) in enumerate(pw):
            if not (lo or hi):
                continue
            n = C.shape(v)[ax]
            if n == 0:
                raise ValueError("can't extend empty axis 0 using modes other than 'constant' "
                                 "or 'empty'")
            idx = [_pad_index(i, n, mode) for i in range(-lo, n + hi)]
            v = C.take(v, C.asarray(idx, dtype=C.int64), axis=ax)
        return wrap(v, d)
    if mode in ("maximum", "minimum", "mean", "median", "linear_ramp"):
        return _pad_stat(x, pw, mode, kwargs)
    raise ValueError(f"mode '{mode}' is not supported")


def _fill_cast(shape, value, d):
    v, vd = operand(value)
    return C.astype(C.broadcast_to(v, shape), d.core) if vd is not d else \
        C.copy(C.broadcast_to(v, shape))


def _pad_index(i, n, mode):
    if mode == "edge":
        return builtins.min(builtins.max(i, 0), n - 1)
    if mode == "wrap":
        return i % n
    if mode == "reflect":
        if n == 1:
            return 0
        period = 2 * (n - 1)
        i = i % period
        return i if i < n else period - i
    period = 2 * n  # symmetric
    i = i % period
    return i if i < n else period - 1 - i


def _pad_stat(x, pw, mode, kwargs):
    v = x._value()
    d = x.dtype
    for ax, (lo, hi) in enumerate(pw):
        if not (lo or hi):
            continue
        if mode == "linear_ramp":
            import numpy

            ev = kwargs.get("end_values", 0)
            evs = numpy.broadcast_to(numpy.asarray(ev, dtype=object), (x.ndim, 2)).tolist()[ax]
            nd_ = len(C.shape(v))
            first = C.astype(C.getitem(v, (slice(None),) * ax + (slice(0, 1),)), C.float64)
            last = C.astype(C.getitem(v, (slice(None),) * ax + (slice(-1, None),)), C.float64)

            def ramp(end, edge, width, reverse):
                t = [i / width for i in range(width)]
                if reverse:
                    t = t[::-1]
                tt = C.reshape(C.asarray(t, dtype=C.float64), (1,) * ax + (width,) +
                               (1,) * (nd_ - ax - 1))
                e = C.asarray(float(end), dtype=C.float64)
                r = C.add(e, C.multiply(tt, C.subtract(edge, e)))
                if d.kind in "iu":
                    r = C.floor(r)
                return C.astype(r, d.core)

            parts = []
            if lo:
                parts.append(ramp(evs[0], first, lo, False))
            parts.append(v)
            if hi:
                parts.append(ramp(evs[1], last, hi, True))
            v = C.concat(parts, axis=ax)
            continue
        stat_len = kwargs.get("stat_length")
        n = C.shape(v)[ax]
        seg = v if stat_len is None else None
        fn = {"maximum": C.max, "minimum": C.min, "mean": C.mean, "median": C.median}[mode]

        def stat(part):
            p = part
            if mode in ("mean", "median") and d.kind in "iub":
                p = C.astype(part, C.float64)
            r = fn(p, axis=ax, keepdims=True)
            if mode in ("mean", "median") and d.kind in "iu":
                r = C.round(r)
            return C.astype(r, d.core)

        if stat_len is None:
            s_lo = s_hi = stat(v)
        else:
            import numpy

            sl = numpy.broadcast_to(numpy.asarray(stat_len, dtype=object), (x.ndim, 2)).tolist()[ax]
            s_lo = stat(C.getitem(v, (slice(None),) * ax + (slice(0, builtins.max(1, builtins.min(sl[0], n))),)))
            s_hi = stat(C.getitem(v, (slice(None),) * ax + (slice(n - builtins.max(1, builtins.min(sl[1], n)), n),)))
        shape = list(C.shape(v))
        parts = []
        if lo:
            shape[ax] = lo
            parts.append(C.broadcast_to(s_lo, tuple(shape)))
        parts.append(v)
        if hi:
            shape[ax] = hi
            parts.append(C.broadcast_to(s_hi, tuple(shape)))
        v = C.concat(parts, axis=ax)
        del seg
    return wrap(v, d)


def trim_zeros(filt, trim="fb", axis=None):
    x = _a(filt)
    trim = trim.lower()
    if x.ndim != 1 and axis is None:
        nz = C.to_numpy(C.not_equal(x._value(), 0))
        import numpy

        key = []
        for ax in range(x.ndim):
            other = tuple(i for i in range(x.ndim) if i != ax)
            any_ax = nz.any(axis=other) if other else nz
            idx = numpy.flatnonzero(any_ax)
            lo = idx[0] if len(idx) and "f" in trim else 0
            hi = idx[-1] + 1 if len(idx) and "b" in trim else x.shape[ax]
            if not len(idx):
                lo, hi = 0, 0
            key.append(slice(builtins.int(lo), builtins.int(hi)))
        return x[tuple(key)]
    vals = C.to_numpy(C.not_equal(x._value(), 0)).tolist()
    first, last = 0, len(vals)
    if "f" in trim:
        while first < last and not vals[first]:
            first += 1
    if "b" in trim:
        while last > first and not vals[last - 1]:
            last -= 1
    return x[first:last]


# ------------------------------------------------------------------ small helpers

def ndim(a):
    return _a(a).ndim


def shape(a):
    return _a(a).shape


def size(a, axis=None):
    x = _a(a)
    if axis is None:
        return x.size
    return x.shape[normalize_axis(axis, x.ndim)]


def copyto(dst, src, casting="same_kind", where=True):
    if not isinstance(dst, ndarray):
        raise TypeError("copyto() argument 1 must be numpy.ndarray")
    v, d = operand(src)
    if type(src) in (builtins.int, builtins.float, builtins.complex, builtins.bool):
        d = T.weak(src, dst.dtype)
    if not T.can_cast_dtype(d, dst.dtype, casting):
        raise TypeError(f"Cannot cast array data from dtype('{d.name}') to "
                        f"dtype('{dst.dtype.name}') according to the rule '{casting}'")
    v = C.astype(v, dst.dtype.core)
    shape_ = dst.shape
    try:
        v = C.broadcast_to(v, shape_)
    except Exception:  # noqa: BLE001
        raise ValueError(f"could not broadcast input array from shape {V._shape_str(C.shape(v))} "
                         f"into shape {V._shape_str(shape_)}") from None
    if where is not True:
        m, _ = operand(where)
        v = C.where(C.broadcast_to(C.astype(m, C.bool), shape_), v, dst._value())
    dst._write(v)


def astype(x, dtype, /, *, copy=True, device=None):
    from ._methods import astype as _astype

    return _astype(_a(x), dtype, copy=copy)
