"""gather/scatter, index_* , masked_*, take/put, where and nonzero, and the *_scatter ops.

Each is functional (a new tensor); the in-place forms (`x.scatter_`, `x.index_put_`,
`x.masked_fill_`, ...) come from _methods.INPLACE. Index bounds are checked here with torch's
errors, so jax/tensorflow (whose gathers clamp or drop out-of-range indices) raise as torch
does.
"""
from __future__ import annotations

import builtins
import math
import operator

from ... import core as C
from ...core import mutable as M
from . import _dtype as T
from ._convert import finish, operands
from ._tensor import Tensor, _dim, wrap
from ._views import _scalar_name, check_no_overlap, scalar_value

_int = builtins.int
_slice = builtins.slice
_SCALARS = (builtins.bool, builtins.int, builtins.float, builtins.complex)
_INDEX_DTYPES = (T.int32, T.int64)


def _name(d):
    return _scalar_name(d)


def _index_dtype(index, fname, allowed=_INDEX_DTYPES, msg=None, exc=RuntimeError):
    if not isinstance(index, Tensor):
        raise TypeError(f"{fname}(): argument 'index' must be Tensor, not {type(index).__name__}")
    if index.dtype not in allowed:
        raise exc(msg or f"{fname}(): Expected dtype int32/int64 for index")


def _minmax(idx):
    """(min, max) of a non-empty native index array as Python ints. On the CPU the values are
    read on the host (nothing to compile on jax); on an accelerator two reductions run there
    and only two scalars come back."""
    if getattr(C.device_of(idx), "kind", "cpu") == "cpu":
        h = C.to_numpy(idx)
        return _int(h.min()), _int(h.max())
    return _int(C.to_numpy(C.min(idx))), _int(C.to_numpy(C.max(idx)))


def _bounds(idx, n, fmt, allow_negative=False):
    """Raise when an index in the native array idx is outside [0, n) ([-n, n) with negatives).
    fmt(bad) gives (exception type, message)."""
    if not math.prod(C.shape(idx)):
        return
    lo, hi = _minmax(idx)
    low = -n if allow_negative else 0
    if lo < low:
        exc, msg = fmt(lo)
        raise exc(msg)
    if hi >= n:
        exc, msg = fmt(hi)
        raise exc(msg)


def _wrap_negative(idx, n):
    """Negative indices counted from the end (a no-op when none are negative)."""
    if not math.prod(C.shape(idx)) or _minmax(idx)[0] >= 0:
        return idx
    dt = C.dtype_of(idx)
    return C.where(C.less(idx, C.zeros((), dtype=dt)), C.add(idx, C.asarray(n, dtype=dt)), idx)


def _finish_exact(value, dt, out, *inputs):
    """finish() for ops whose `out=` must have the result's dtype and must not overlap the
    inputs (torch's gather/take/index_select/...)."""
    if out is not None:
        if not isinstance(out, Tensor):
            raise TypeError(f"out must be a Tensor, not {type(out).__name__}")
        if out.dtype.core is not dt:
            raise RuntimeError(f"Expected out tensor to have dtype {T.FROM_CORE[dt]}, but got "
                               f"{out.dtype} instead")
        check_no_overlap(out, *inputs)
    return finish(value, dt, out)


def _as64(idx):
    return idx if C.dtype_of(idx) is C.int64 else C.astype(idx, C.int64)


def _scalar_or_tensor_value(value, dt, fname):
    """A fill value (Python scalar or 0-d tensor) as a native 0-d array of dt."""
    if isinstance(value, Tensor):
        if value.ndim:
            raise RuntimeError(f"{fname} only supports a 0-dimensional value tensor, but got "
                               f"tensor with {value.ndim} dimension(s).")
        if value.dtype.is_complex and not dt.is_complex:  # torch converts the item: checked
            return scalar_value(value.item(), dt)
        v = value._value()
        return v if value.dtype is dt else C.astype(v, dt.core)
    return scalar_value(value, dt)


# ------------------------------------------------------------------ gather / scatter

def _gather_checks(input, dim, index, fname, src=None):
    s = C.shape(input._value())
    nd = len(s)
    d = _dim(dim, nd)
    if not isinstance(index, Tensor) or index.numel():  # torch skips the check when empty
        _index_dtype(index, fname)
    iv = index._value()
    ish = C.shape(iv)
    if len(ish) != max(nd, 0) and not (nd == 0 and len(ish) <= 1) and not (len(ish) == 0 and nd <= 1):
        raise RuntimeError("Index tensor must have the same number of dimensions as input tensor")
    if src is not None and len(C.shape(src)) != len(ish) and not (len(ish) <= 1 and len(C.shape(src)) <= 1):
        raise RuntimeError("Index tensor must have the same number of dimensions as src tensor")
    return s, d, iv, ish


def _check_sizes(s, ish, d, fname, src_shape=None):
    if not math.prod(ish):
        return
    for i, (a, b) in enumerate(zip(ish, s)):
        if i != d and a > b:
            if src_shape is None:
                raise RuntimeError(f"Size does not match at dimension {i} expected index "
                                   f"{list(ish)} to be no larger than self {list(s)} apart from "
                                   f"dimension {d}")
            raise RuntimeError(f"Expected index {list(ish)} to be no larger than self {list(s)} "
                               f"apart from dimension {d} and to be no larger size than src "
                               f"{list(src_shape)}")
    if src_shape is not None:
        for a, b in zip(ish, src_shape):
            if a > b:
                raise RuntimeError(f"Expected index {list(ish)} to be no larger than self "
                                   f"{list(s)} apart from dimension {d} and to be no larger size "
                                   f"than src {list(src_shape)}")


def _oob(d, n):
    return lambda bad: (RuntimeError, f"index {bad} is out of bounds for dimension {d} with size {n}")


def _nd1(v):
    """0-d native arrays as 1-d (torch treats 0-d like 1-element 1-d in gather/scatter)."""
    return C.reshape(v, (1,)) if not C.shape(v) else v


def gather(input, dim, index, *, sparse_grad=False, out=None):
    if isinstance(index, Tensor) and not index.numel():  # torch checks nothing more then
        _dim(dim, input.ndim)
        return _finish_exact(C.zeros(C.shape(index._value()), dtype=input.dtype.core),
                             input.dtype.core, out, input, index)
    s, d, iv, ish = _gather_checks(input, dim, index, "gather")
    _check_sizes(s, ish, d, "gather")
    n = s[d] if s else 1
    _bounds(iv, n, _oob(d, n))
    if not math.prod(ish):
        return _finish_exact(C.zeros(ish, dtype=input.dtype.core), input.dtype.core, out, input,
                             index)
    v = _nd1(input._value())
    r = C.gather(v, d, _as64(_nd1(iv)))
    if not ish:
        r = C.reshape(r, ())
    return _finish_exact(r, input.dtype.core, out, input, index)


def _src_array(input, src, ish, fname):
    dt = input.dtype
    if isinstance(src, Tensor):
        if src.dtype is not dt:
            raise RuntimeError(f"{fname}(): Expected self.dtype to be equal to src.dtype")
        sv = src._value()
        ss = C.shape(sv)
        if ss != tuple(ish):
            if len(ss) == len(ish):
                sv = C.getitem(sv, tuple(_slice(0, k) for k in ish))
            else:
                sv = C.reshape(sv, ish)
        return sv
    return C.broadcast_to(scalar_value(src, dt), tuple(ish))


def _scatter_core(fn, input, dim, index, src, fname, *args, **kw):
    sv = src._value() if isinstance(src, Tensor) else None
    s, d, iv, ish = _gather_checks(input, dim, index, fname, sv)
    _check_sizes(s, ish, d, fname, C.shape(sv) if sv is not None else None)
    n = s[d] if s else 1
    _bounds(iv, n, _oob(d, n))
    srcv = _src_array(input, src, ish, fname)
    v = input._value()
    if not math.prod(ish):
        return wrap(C.copy(v), input._dt)
    zero_d = not s
    r = fn(_nd1(v), d, _as64(_nd1(iv)), _nd1(srcv), *args, **kw)
    if zero_d:
        r = C.reshape(r, ())
    return wrap(r, input._dt)


def scatter(input, dim, index, src=None, value=None, *, reduce=None, out=None):
    if src is None:
        if value is None:
            raise TypeError("scatter() missing required argument 'src' or 'value'")
        src = value
    if reduce is None:
        r = _scatter_core(C.scatter, input, dim, index, src, "scatter")
    elif reduce == "add":
        r = _scatter_core(C.scatter_add, input, dim, index, src, "scatter")
    elif reduce == "multiply":
        r = _scatter_core(C.scatter_reduce, input, dim, index, src, "scatter", "prod",
                          include_self=True)
    else:
        raise RuntimeError("reduce argument must be either add or multiply.")
    return r if out is None else finish(r._value(), r.dtype.core, out)


def scatter_add(input, dim, index, src, *, out=None):
    if not isinstance(src, Tensor):
        raise TypeError(f"scatter_add(): argument 'src' must be Tensor, not {type(src).__name__}")
    r = _scatter_core(C.scatter_add, input, dim, index, src, "scatter_add")
    return r if out is None else finish(r._value(), r.dtype.core, out)


_REDUCE_ALIAS = {"sum": "sum", "prod": "prod", "mean": "mean", "amax": "amax", "amin": "amin",
                 "max": "amax", "min": "amin"}


def scatter_reduce(input, dim, index, src, reduce, *, include_self=True, out=None):
    red = _REDUCE_ALIAS.get(reduce)
    if red is None:
        raise RuntimeError(f"reduce argument must be either sum, prod, mean, amax or amin, got "
                           f"{reduce}")
    if not isinstance(src, Tensor):
        raise TypeError(f"scatter_reduce(): argument 'src' must be Tensor, not "
                        f"{type(src).__name__}")
    if input.dtype is T.bool and red in ("sum", "prod") and src.dtype is T.bool:
        # bool sum/prod are any/all: reduce as integers (not every backend adds booleans)
        r = _scatter_core(C.scatter_reduce, _as_int32(input), dim, index, _as_int32(src),
                          "scatter_reduce", red, include_self=include_self)
        r = wrap(C.not_equal(r._value(), C.zeros((), dtype=C.int32)), T.bool)
    else:
        r = _scatter_core(C.scatter_reduce, input, dim, index, src, "scatter_reduce", red,
                          include_self=include_self)
    return r if out is None else finish(r._value(), r.dtype.core, out)


def _as_int32(t):
    return wrap(C.astype(t._value(), C.int32), T.int32)


# ------------------------------------------------------------------ index_*

def _vector_index(index, fname, nd_ok=1):
    iv = index._value()
    if len(C.shape(iv)) > nd_ok:
        raise IndexError(f"{fname}(): Index is supposed to be a vector")
    return C.reshape(iv, (-1,))


def index_select(input, dim, index, *, out=None):
    _index_dtype(index, "index_select", msg="index_select(): Expected dtype int32 or int64 for index")
    s = C.shape(input._value())
    d = _dim(dim, len(s))
    iv = _vector_index(index, "index_select")
    n = s[d] if s else 1
    _bounds(iv, n, lambda bad: (RuntimeError, f"INDICES element is out of DATA bounds, id={bad} "
                                              f"axis_dim={n}"))
    v = input._value()
    if not s:
        r = C.reshape(C.take(C.reshape(v, (1,)), _as64(iv), axis=0), ()) if C.shape(iv)[0] == 1 \
            else C.take(C.reshape(v, (1,)), _as64(iv), axis=0)
        return _finish_exact(r, input.dtype.core, out, input, index)
    return _finish_exact(C.take(v, _as64(iv), axis=d), input.dtype.core, out, input, index)


def _index_key(d, iv):
    return (_slice(None),) * d + (_as64(iv),)


def _index_source(input, d, iv, source, fname):
    s = C.shape(input._value())
    sv = source._value()
    ss = C.shape(sv)
    k = C.shape(iv)[0]
    if not s:
        if math.prod(ss) != k:
            raise RuntimeError(f"{fname}(): Number of indices ({k}) should be equal to "
                               f"source.size(dim): ({math.prod(ss)}), for dim: {d}")
        return C.reshape(sv, (k,))
    src_n = ss[d] if len(ss) > d else 1
    if len(ss) != len(s) and ss:
        raise RuntimeError(f"source tensor shape must match self tensor shape, excluding the "
                           f"specified dimension. Got self.shape = {list(s)} source.shape = "
                           f"{list(ss)}")
    if ss and src_n != k:
        raise RuntimeError(f"{fname}(): Number of indices ({k}) should be equal to "
                           f"source.size(dim): ({src_n}), for dim: {d}")
    for i, (a, b) in enumerate(zip(s, ss)):
        if i != d and a != b:
            raise RuntimeError(f"source tensor shape must match self tensor shape, excluding the "
                               f"specified dimension. Got self.shape = {list(s)} source.shape = "
                               f"{list(ss)}")
    if not ss:
        sv = C.reshape(sv, (1,) * len(s))
    return sv


def index_add(input, dim, index, source, *, alpha=1, out=None):
    _index_dtype(index, "index_add", msg="index_add_(): Expected dtype int32/int64 for index")
    if source.dtype is not input.dtype:
        raise RuntimeError(f"index_add_(): self ({_name(input.dtype)}) and source "
                           f"({_name(source.dtype)}) must have the same scalar type")
    s = C.shape(input._value())
    d = _dim(dim, len(s))
    iv = _vector_index(index, "index_add")
    n = s[d] if s else 1
    _bounds(iv, n, _oob(d, n))
    sv = _index_source(input, d, iv, source, "index_add")
    if alpha != 1:
        sv = C.multiply(sv, scalar_value(alpha, input.dtype) if not isinstance(alpha, Tensor)
                        else C.astype(alpha._value(), input.dtype.core))
    v = input._value()
    if not s:
        r = C.reshape(C.index_add(C.reshape(v, (1,)), (_as64(iv),), sv), ())
    else:
        r = C.index_add(v, _index_key(d, iv), sv)
    return finish(r, input.dtype.core, out)


def index_copy(input, dim, index, source, *, out=None):
    if not isinstance(index, Tensor) or index.dtype is not T.int64:
        raise RuntimeError(f"index_copy_(): Expected a long tensor for index, but got "
                           f"{_name(index.dtype) if isinstance(index, Tensor) else type(index).__name__}")
    if source.dtype is not input.dtype:
        raise RuntimeError(f"index_copy_(): self and source expected to have the same dtype, but "
                           f"got (self) {_name(input.dtype)} and (source) {_name(source.dtype)}")
    s = C.shape(input._value())
    d = _dim(dim, len(s))
    iv = _vector_index(index, "index_copy")
    n = s[d] if s else 1
    _bounds(iv, n, lambda bad: (IndexError, f"index_copy_(): index {bad} is out of bounds for "
                                            f"dimension {d} with size {n}"))
    sv = _index_source(input, d, iv, source, "index_copy_")
    v = input._value()
    if not s:
        r = C.reshape(C.index_update(C.reshape(v, (1,)), (iv,), sv), ())
    else:
        r = C.index_update(v, _index_key(d, iv), sv)
    return finish(r, input.dtype.core, out)


def index_fill(input, dim, index, value):
    if not isinstance(index, Tensor) or index.dtype is not T.int64:
        raise IndexError("index_fill_(): Expected dtype int64 for index.")
    s = C.shape(input._value())
    d = _dim(dim, len(s))
    iv = _vector_index(index, "index_fill")
    n = s[d] if s else 1
    _bounds(iv, n, lambda bad: (IndexError, f"index {bad} is out of bounds for dimension {d} "
                                            f"with size {n}"), allow_negative=True)
    val = _scalar_or_tensor_value(value, input.dtype, "index_fill_")
    v = input._value()
    if not C.shape(iv)[0]:
        return wrap(C.copy(v), input._dt)
    iv = _wrap_negative(iv, n)
    if not s:
        return wrap(C.reshape(C.index_update(C.reshape(v, (1,)), (iv,), val), ()), input._dt)
    return wrap(C.index_update(v, _index_key(d, iv), val), input._dt)


def _put_key(input, indices, fname="index_put"):
    """A native advanced key from index_put's tuple of index tensors."""
    if isinstance(indices, Tensor):
        raise TypeError(f"{fname}(): argument 'indices' must be tuple of Tensors, not Tensor")
    key = []
    for t in indices:
        if t is None:
            key.append(_slice(None))
            continue
        if not isinstance(t, Tensor):
            raise TypeError(f"{fname}(): argument 'indices' must be tuple of Tensors")
        k = t.dtype.core.kind
        if k == "b" or t.dtype is T.uint8:
            key.append(t._value() if k == "b" else C.astype(t._value(), C.bool))
        elif k in "iu":
            key.append(t._value())
        else:
            raise IndexError("tensors used as indices must be long, int, byte or bool tensors")
    if len(key) > input.ndim and not any(C.dtype_of(k) is C.bool for k in key if not isinstance(k, _slice)):
        raise IndexError(f"too many indices for tensor of dimension {input.ndim} (got {len(key)})")
    return tuple(key)


def index_put(input, indices, values, accumulate=False):
    if not isinstance(values, Tensor):
        raise TypeError(f"index_put(): argument 'values' must be Tensor, not "
                        f"{type(values).__name__}")
    if values.dtype is not input.dtype:
        raise RuntimeError(f"Index put requires the source and destination dtypes match, got "
                           f"{_name(input.dtype)} for the destination and {_name(values.dtype)} "
                           "for the source.")
    key = _put_key(input, indices)
    v = input._value()
    vals = values._value()
    try:
        r = C.index_add(v, key, vals) if accumulate else C.index_update(v, key, vals)
    except ValueError as e:
        raise RuntimeError(f"shape mismatch: {e}") from e
    return wrap(r, input._dt)


def index_reduce(input, dim, index, source, reduce, *, include_self=True, out=None):
    if reduce not in ("prod", "mean", "amax", "amin"):
        raise RuntimeError(f"index_reduce(): Expected reduce to be one of prod, mean, amax or "
                           f"amin but got {reduce}.")
    _index_dtype(index, "index_reduce", msg="index_reduce_(): Expected dtype int32/int64 for index")
    if source.dtype is not input.dtype:
        raise RuntimeError(f"index_reduce_(): self ({_name(input.dtype)}) and source "
                           f"({_name(source.dtype)}) must have the same scalar type")
    s = C.shape(input._value())
    d = _dim(dim, len(s))
    iv = _vector_index(index, "index_reduce")
    n = s[d] if s else 1
    _bounds(iv, n, lambda bad: (IndexError, "index out of range in self"))
    sv = _index_source(input, d, iv, source, "index_reduce_")
    v = input._value()
    if not s:
        r = C.reshape(C.index_reduce(C.reshape(v, (1,)), (_as64(iv),), sv, reduce,
                                     include_self=include_self), ())
    else:
        r = C.index_reduce(v, _index_key(d, iv), sv, reduce, include_self=include_self)
    return finish(r, input.dtype.core, out)


# ------------------------------------------------------------------ masks

def _broadcast2(a, b):
    sa, sb = C.shape(a), C.shape(b)
    if sa == sb:
        return a, b
    shape = C.broadcast_shapes(sa, sb)
    return C.broadcast_to(a, shape), C.broadcast_to(b, shape)


def masked_fill(input, mask, value):
    if not isinstance(mask, Tensor) or mask.dtype is not T.bool:
        raise RuntimeError(f"masked_fill_ only supports boolean masks, but got mask with dtype "
                           f"{str(mask.dtype).split('.')[1] if isinstance(mask, Tensor) else type(mask).__name__}")
    val = _scalar_or_tensor_value(value, input.dtype, "masked_fill_")
    x, m = _broadcast2(input._value(), mask._value())
    return wrap(C.where(m, val, x), input._dt)


def masked_select(input, mask, *, out=None):
    if not isinstance(mask, Tensor) or mask.dtype is not T.bool:
        raise RuntimeError("masked_select: expected BoolTensor for mask")
    x, m = _broadcast2(input._value(), mask._value())
    return _finish_exact(C.masked_select(x, m), input.dtype.core, out, input, mask)


def masked_scatter(input, mask, source):
    if not isinstance(mask, Tensor) or mask.dtype is not T.bool:
        raise RuntimeError(f"masked_scatter_ only supports boolean masks, but got mask with dtype "
                           f"{str(mask.dtype).split('.')[1] if isinstance(mask, Tensor) else type(mask).__name__}")
    if source.dtype is not input.dtype:
        raise RuntimeError(f"masked_scatter: expected self and source to have same dtypes but got"
                           f"{_name(input.dtype)} and {_name(source.dtype)}")
    x, m = _broadcast2(input._value(), mask._value())
    shape = C.shape(x)
    if not shape:
        x, m = C.reshape(x, (1,)), C.reshape(m, (1,))
    count = _int(C.to_numpy(m).sum())
    src = C.reshape(source._value(), (-1,))
    if C.shape(src)[0] < count:
        raise RuntimeError("Number of elements of source < number of ones in mask")
    if count:
        key = tuple(C.nonzero(m))
        x = C.index_update(x, key, C.getitem(src, (_slice(0, count),)))
    else:
        x = C.copy(x)
    return wrap(C.reshape(x, shape) if not shape else x, input._dt)


# ------------------------------------------------------------------ take / put

def take(input, index, *, out=None):
    if not isinstance(index, Tensor) or index.dtype is not T.int64:
        raise RuntimeError(f"take(): Expected a long tensor for index, but got "
                           f"{_name(index.dtype) if isinstance(index, Tensor) else type(index).__name__}")
    v = C.reshape(input._value(), (-1,))
    n = C.shape(v)[0]
    iv = index._value()
    _bounds(iv, n, lambda bad: (IndexError, f"out of range: tried to access index {bad} on a "
                                            f"tensor of {n} elements."), allow_negative=True)
    if not math.prod(C.shape(iv)):
        r = C.zeros(C.shape(iv), dtype=input.dtype.core)
    else:
        r = C.take(v, _wrap_negative(iv, n))
    return _finish_exact(r, input.dtype.core, out, input, index)


def take_along_dim(input, indices, dim=None, *, out=None):
    if not isinstance(indices, Tensor) or indices.dtype is not T.int64:
        raise RuntimeError(f"torch.take_along_dim(): dtype of indices should be Long but got "
                           f"{_name(indices.dtype) if isinstance(indices, Tensor) else type(indices).__name__}")
    v, iv = input._value(), indices._value()
    if dim is None:
        v = C.reshape(v, (-1,))
        iv = C.reshape(iv, (-1,))
        d = 0
    else:
        s, si = C.shape(v), C.shape(iv)
        if len(s) != len(si):
            raise RuntimeError(f"torch.take_along_dim(): input and indices should have the same "
                               f"number of dimensions, but got {len(s)} dimensions for input, and "
                               f"{len(si)} dimensions for indices")
        d = _dim(dim, len(s))
        if not s:
            v, iv = C.reshape(v, (1,)), C.reshape(iv, (1,))
    n = C.shape(v)[d]
    _bounds(iv, n, lambda bad: (IndexError, f"index {bad} is out of bounds for dimension {d} "
                                            f"with size {n}"), allow_negative=True)
    iv = _wrap_negative(iv, n)
    sv, si = list(C.shape(v)), list(C.shape(iv))
    bs_v = [max(a, b) if i != d else a for i, (a, b) in enumerate(zip(sv, si))]
    bs_i = [max(a, b) if i != d else b for i, (a, b) in enumerate(zip(sv, si))]
    for i, (a, b) in enumerate(zip(sv, si)):
        if i != d and a != b and a != 1 and b != 1:
            raise RuntimeError(f"The size of tensor a ({a}) must match the size of tensor b ({b}) "
                               f"at non-singleton dimension {i}")
    v = C.broadcast_to(v, tuple(bs_v))
    iv = C.broadcast_to(iv, tuple(bs_i))
    r = C.take_along_axis(v, iv, axis=d)
    if dim is not None and not C.shape(input._value()):
        r = C.reshape(r, ())
    return _finish_exact(r, input.dtype.core, out, input, indices)


def put(input, index, source, accumulate=False):
    if not isinstance(index, Tensor) or index.dtype is not T.int64:
        raise RuntimeError(f"put_(): Expected a long tensor for index, but got "
                           f"{_name(index.dtype) if isinstance(index, Tensor) else type(index).__name__}")
    if source.dtype is not input.dtype:
        raise RuntimeError(f"put_(): self and source expected to have the same dtype, but got "
                           f"self.dtype = {_name(input.dtype)} and source.dtype = "
                           f"{_name(source.dtype)}")
    ni, ns = index.numel(), source.numel()
    if ni != ns:
        raise IndexError(f"put_(): Expected source and index to have the same number of elements, "
                         f"but got source.numel() = {ns}, index.numel() = {ni}")
    v = input._value()
    shape = C.shape(v)
    flat = C.reshape(v, (-1,))
    n = C.shape(flat)[0]
    iv = C.reshape(index._value(), (-1,))
    _bounds(iv, n, lambda bad: (IndexError, f"out of range: tried to access index {bad} on a "
                                            f"tensor of {n} elements."), allow_negative=True)
    if not ni:
        return wrap(C.copy(v), input._dt)
    iv = _wrap_negative(iv, n)
    src = C.reshape(source._value(), (-1,))
    flat = C.index_add(flat, (iv,), src) if accumulate else C.index_update(flat, (iv,), src)
    return wrap(C.reshape(flat, shape), input._dt)


# ------------------------------------------------------------------ where / nonzero

def where(condition, input=None, other=None, *, out=None):
    if input is None and other is None:
        return nonzero(condition, as_tuple=True)
    if input is None or other is None:
        raise TypeError("where() takes 1 or 3 arguments")
    if not isinstance(condition, Tensor) or condition.dtype is not T.bool:
        d = condition.dtype if isinstance(condition, Tensor) else None
        raise RuntimeError(f"where expected condition to be a boolean tensor, but got a tensor "
                           f"with dtype {_name(d) if d is not None else type(condition).__name__}")
    (a, b), dt = operands(input, other)
    return finish(C.where(condition._value(), a, b), dt, out)


def nonzero(input, *, out=None, as_tuple=False):
    v = input._value()
    s = C.shape(v)
    if not s:
        nz = builtins.bool(C.to_numpy(v))
        if as_tuple:
            return (wrap(C.zeros((1 if nz else 0,), dtype=C.int64), T.int64),)
        return _finish_exact(C.zeros((1 if nz else 0, 0), dtype=C.int64), C.int64, out, input)
    if as_tuple:
        return tuple(wrap(_as64(i), T.int64) for i in C.nonzero(v))
    return _finish_exact(_as64(C.argwhere(v)), C.int64, out, input)


def nonzero_static(input, *, size, fill_value=-1):
    """torch.nonzero_static: the first `size` rows of nonzero(input), padded with fill_value."""
    size = operator.index(size)
    if size < 0:
        raise RuntimeError(f"nonzero_static: 'size' must be an non-negative integer, but got "
                           f"size: {size}")
    nz = nonzero(input)._value()
    n, k = C.shape(nz)
    if n >= size:
        return wrap(C.getitem(nz, (_slice(0, size),)), T.int64)
    pad = C.full((size - n, k), fill_value, dtype=C.int64)
    return wrap(C.concat([nz, pad], axis=0), T.int64)


def argwhere(input):
    return nonzero(input)


Tensor.where = lambda self, condition, y: where(condition, self, y)


# ------------------------------------------------------------------ *_scatter

def _embed(input, src, step, view_value):
    """input with the view `step` of it replaced by src (torch's *_scatter ops)."""
    vs = C.shape(view_value)
    ss = C.shape(src._value())
    if vs != ss:
        raise RuntimeError(f"expected src to have a size equal to the slice of self. src size = "
                           f"{list(ss)}, slice size = {list(vs)}")
    sv = src._value()
    if src.dtype is not input.dtype:
        sv = C.astype(sv, input.dtype.core)
    return wrap(step.back(input._value(), sv), input._dt)


def select_scatter(input, src, dim, index):
    s = C.shape(input._value())
    if not s:
        raise IndexError("select() cannot be applied to a 0-dim tensor.")
    d = _dim(dim, len(s))
    i = operator.index(index)
    if not -s[d] <= i < s[d]:
        raise IndexError(f"select(): index {i} out of range for tensor of size {list(s)} at "
                         f"dimension {d}")
    step = M.GetItem((_slice(None),) * d + (i + s[d] if i < 0 else i,))
    return _embed(input, src, step, step.apply(input._value()))


def slice_scatter(input, src, dim=0, start=None, end=None, step=1):
    s = C.shape(input._value())
    d = _dim(dim, len(s))
    step = operator.index(step)
    if step <= 0:
        raise RuntimeError("slice step must be positive")
    st = M.GetItem((_slice(None),) * d + (_slice(start, end, step),))
    return _embed(input, src, st, st.apply(input._value()))


def diagonal_scatter(input, src, offset=0, dim1=0, dim2=1):
    s = C.shape(input._value())
    a, b = _dim(dim1, len(s)), _dim(dim2, len(s))
    if a == b:
        raise RuntimeError(f"diagonal dimensions cannot be identical {dim1}, {dim2}")
    step = M.Diagonal(operator.index(offset), a, b)
    return _embed(input, src, step, step.apply(input._value()))


__all__ = ["gather", "scatter", "scatter_add", "scatter_reduce", "index_select", "index_add",
           "index_copy", "index_fill", "index_put", "index_reduce", "masked_fill",
           "masked_select", "masked_scatter", "take", "take_along_dim", "put", "where",
           "nonzero", "nonzero_static", "argwhere", "select_scatter", "slice_scatter",
           "diagonal_scatter"]
