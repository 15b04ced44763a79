"""Reductions, statistics and scans (sum, max(dim), median, quantile, cumsum, cov, ...).

torch's dim/keepdim/dtype/out arguments over core reductions. Results with several tensors
are `torch.return_types`-like named tuples (`ret(name, fields)`). Where a core op's NaN or
tie semantics differ between backends (argmin, cummax/cummin), a composite gives torch's.
"""
from __future__ import annotations

import builtins
import collections

import numpy as _np

from ... import core as C
from . import _dtype as T
from ._api import _raise
from ._convert import finish, operands, write_out
from ._tensor import Tensor, _dim, wrap

__all__ = ["sum", "prod", "mean", "nanmean", "nansum", "std", "var", "std_mean", "var_mean",
           "max", "min", "amax", "amin", "aminmax", "argmax", "argmin", "all", "any",
           "logsumexp", "norm", "dist", "median", "nanmedian", "mode", "quantile",
           "nanquantile", "count_nonzero", "cumsum", "cumprod", "cummax", "cummin",
           "logcumsumexp", "diff", "trace", "cov", "corrcoef", "trapezoid", "trapz",
           "cumulative_trapezoid"]

# torch's scalar-type names, as its error messages spell them
TYPE_NAME = {T.bool: "Bool", T.uint8: "Byte", T.int8: "Char", T.int16: "Short", T.int32: "Int",
             T.int64: "Long", T.float16: "Half", T.bfloat16: "BFloat16", T.float32: "Float",
             T.float64: "Double", T.complex64: "ComplexFloat", T.complex128: "ComplexDouble",
             T.uint16: "UInt16", T.uint32: "UInt32", T.uint64: "UInt64"}


# and as its C++ messages spell them
CNAME = {T.float32: "float", T.float64: "double", T.float16: "c10::Half",
          T.bfloat16: "c10::BFloat16", T.int64: "long int", T.int32: "int",
          T.int16: "short int", T.int8: "signed char", T.uint8: "unsigned char", T.bool: "bool",
          T.complex64: "c10::complex<float>", T.complex128: "c10::complex<double>"}


# ---------------------------------------------------------------- return types


def _ret_repr(self):
    body = ",\n".join(f"{k}={v!r}" for k, v in zip(self._fields, self))
    return f"torch.return_types.{type(self).__name__}(\n{body})"


def ret(name: str, fields: str):
    """A `torch.return_types.<name>` stand-in: a named tuple with torch's field names (its
    repr says torch.return_types; it pickles as this module's `_return_<name>`)."""
    cls = collections.namedtuple(name, fields)
    cls.__qualname__ = f"_return_{name}"
    cls.__repr__ = _ret_repr
    globals()[cls.__qualname__] = cls
    return cls


R_MAX, R_MIN = ret("max", "values indices"), ret("min", "values indices")
R_AMINMAX = ret("aminmax", "min max")
R_MEDIAN, R_NANMEDIAN = ret("median", "values indices"), ret("nanmedian", "values indices")
R_MODE = ret("mode", "values indices")
R_CUMMAX, R_CUMMIN = ret("cummax", "values indices"), ret("cummin", "values indices")


def finish_tuple(cls, values, dts, out):
    """cls(wrapped values) (dts: their core dtypes), or write them into the tensors of out."""
    if out is None:
        r = [wrap(v, T.FROM_CORE[d]) for v, d in zip(values, dts)]
    else:
        if len(out) != len(values):
            raise TypeError(f"expected out to be a tuple of {len(values)} Tensors")
        for o, d in zip(out, dts):  # torch: the out tensors of these must match exactly
            if o.dtype.core is not d:
                want = T.FROM_CORE[d]
                raise RuntimeError(f"Expected out tensor to have dtype {CNAME.get(want, want)}, "
                                   f"but got {CNAME.get(o.dtype, o.dtype)} instead")
        r = [write_out(o, v) for o, v in zip(out, values)]
    return tuple(r) if cls is tuple else cls(*r)


# ---------------------------------------------------------------- dims


def axes(dim, ndim):
    """The core `axis` for a torch `dim` (int, list/tuple, or None; [] or () mean all).
    None for all axes, and for a 0-d input (a valid dim then reduces over nothing)."""
    if dim is None:
        return None
    if isinstance(dim, (tuple, list)):
        if not dim:
            return None
        out = tuple(_dim(d, ndim) for d in dim)
        if len(set(out)) != len(out):
            seen = [d for d in out if out.count(d) > 1][0]
            raise RuntimeError(f"dim {seen} appears multiple times in the list of dims")
        return out if ndim else None
    d = _dim(dim, ndim)
    return d if ndim else None


def one_axis(dim, ndim):
    """A single torch dim as a core axis (0 for a 0-d input)."""
    if isinstance(dim, (tuple, list)):
        raise TypeError(f"expected an int dim, got {type(dim).__name__}")
    return _dim(dim, ndim)


def nonempty(name, shape, ax):
    if shape and shape[ax] == 0:
        raise IndexError(f"{name}(): Expected reduction dim {ax} to have non-zero size.")


def _name(d):
    return TYPE_NAME.get(d, str(d))


def _acc(d):
    """Accumulator dtype of sum/prod/cumsum: bool and integers -> int64."""
    return C.int64 if d.kind in "bui" and d is not C.uint64 else d


def take(v, idx, ax):
    """v gathered along ax at int64 indices idx (same rank)."""
    return C.take_along_axis(v, idx, axis=ax)


def pick(x, k, ax):
    """x at one position per slice along ax (k: int64, size 1 along ax; result keeps ax):
    a one-hot select, which costs far less than a gather on jax and tensorflow."""
    s = C.shape(x)
    ax %= len(s)
    pos = C.reshape(C.arange(s[ax], dtype=C.int64), tuple(n if i == ax else 1 for i, n in enumerate(s)))
    hit = C.equal(pos, k)
    if C.dtype_of(x) is C.bool:
        return C.any(C.logical_and(hit, x), axis=ax, keepdims=True)
    return C.sum(C.where(hit, x, C.zeros((), dtype=C.dtype_of(x))), axis=ax, keepdims=True,
                 dtype=C.dtype_of(x))


def at(x, k, ax):
    """x at the static position k along ax, keeping ax."""
    return C.getitem(x, (slice(None),) * ax + (slice(k, k + 1),))


# ---------------------------------------------------------------- sum / prod / mean


def sum(input, dim=None, keepdim=False, *, dtype=None, out=None):  # noqa: A001
    try:
        v = input._value()
        d = input.dtype.core
        if dtype is not None:
            d = T.as_dtype(dtype).core
        elif d.kind in "bui" and d is not C.uint64:
            d = C.int64
        if dim is None and not keepdim and dtype is None and d is input.dtype.core:
            return finish(C.sum(v), d, out)
        return finish(C.sum(v, axis=axes(dim, len(C.shape(v))), dtype=d, keepdims=keepdim), d, out)
    except ValueError as e:
        _raise(e)
        raise


sum._torch_public = True


def prod(input, dim=None, keepdim=False, *, dtype=None, out=None):
    v = input._value()
    d = T.as_dtype(dtype).core if dtype is not None else _acc(input.dtype.core)
    if dim is None:
        if keepdim:
            raise TypeError("prod(): keepdim needs a dim")
        return finish(C.prod(v, dtype=d), d, out)
    ax = one_axis(dim, len(C.shape(v)))
    return finish(C.prod(v, axis=ax if C.shape(v) else None, dtype=d, keepdims=keepdim), d, out)


def _mean_dtype(name, input, dtype):
    d = input.dtype if dtype is None else T.as_dtype(dtype)
    if not (d.is_floating_point or d.is_complex):
        raise RuntimeError(f"{name}(): could not infer output dtype. Input dtype must be either "
                           f"a floating point or complex dtype. Got: {_name(d)}")
    v = input._value()
    return (v if d is input.dtype else C.astype(v, d.core)), d.core


def mean(input, dim=None, keepdim=False, *, dtype=None, out=None):
    v, d = _mean_dtype("mean", input, dtype)
    return finish(C.mean(v, axis=axes(dim, len(C.shape(v))), keepdims=keepdim), d, out)


def nanmean(input, dim=None, keepdim=False, *, dtype=None, out=None):
    if not (input.dtype.is_floating_point or input.dtype.is_complex):
        raise RuntimeError(f"nanmean(): expected input to have floating point or complex dtype "
                           f"but got {_name(input.dtype)}")
    if input.dtype.is_complex:
        raise RuntimeError("nansum does not support complex inputs")
    v, d = _mean_dtype("nanmean", input, dtype)
    return finish(C.nanmean(v, axis=axes(dim, len(C.shape(v))), keepdims=keepdim), d, out)


def nansum(input, dim=None, keepdim=False, *, dtype=None, out=None):
    if input.dtype.is_complex:
        raise RuntimeError("nansum does not support complex inputs")
    v = input._value()
    d = T.as_dtype(dtype).core if dtype is not None else _acc(input.dtype.core)
    return finish(C.nansum(v, axis=axes(dim, len(C.shape(v))), dtype=d, keepdims=keepdim), d, out)


# ---------------------------------------------------------------- std / var


def _var_args(name, input, dim, unbiased, correction):
    if isinstance(dim, builtins.bool):  # var(x, unbiased)
        dim, unbiased = None, dim
    if unbiased is not None and correction is not None:
        raise TypeError(f"{name}() received an invalid combination of arguments: both "
                        f"unbiased and correction")
    if correction is None:
        correction = 0 if unbiased is False else 1
    d = input.dtype
    if not (d.is_floating_point or d.is_complex):
        raise RuntimeError(f"{name}(): std and var only support floating point and complex "
                           f"dtypes")
    v = input._value()
    return v, axes(dim, len(C.shape(v))), correction, d.to_real().core


def _var(v, ax, c, keepdim):
    if C.dtype_of(v).kind == "c":  # torch: var(real) + var(imag)
        return C.add(C.var(C.real(v), axis=ax, correction=c, keepdims=keepdim),
                     C.var(C.imag(v), axis=ax, correction=c, keepdims=keepdim))
    return C.var(v, axis=ax, correction=c, keepdims=keepdim)


def var(input, dim=None, unbiased=None, keepdim=False, *, correction=None, out=None):
    v, ax, c, rd = _var_args("var", input, dim, unbiased, correction)
    return finish(_var(v, ax, c, keepdim), rd, out)


def std(input, dim=None, unbiased=None, keepdim=False, *, correction=None, out=None):
    v, ax, c, rd = _var_args("std", input, dim, unbiased, correction)
    return finish(C.sqrt(_var(v, ax, c, keepdim)), rd, out)


def var_mean(input, dim=None, unbiased=None, keepdim=False, *, correction=None, out=None):
    v, ax, c, rd = _var_args("var_mean", input, dim, unbiased, correction)
    r = (_var(v, ax, c, keepdim), C.mean(v, axis=ax, keepdims=keepdim))
    return finish_tuple(tuple, r, (rd, input.dtype.core), out)


def std_mean(input, dim=None, unbiased=None, keepdim=False, *, correction=None, out=None):
    v, ax, c, rd = _var_args("std_mean", input, dim, unbiased, correction)
    r = (C.sqrt(_var(v, ax, c, keepdim)), C.mean(v, axis=ax, keepdims=keepdim))
    return finish_tuple(tuple, r, (rd, input.dtype.core), out)


# ---------------------------------------------------------------- max / min / argmax


def _argext(v, ax, keepdim, largest):
    """int64 index of the first max/min; a NaN is the extremum, as in torch (the backends'
    argmax/argmin disagree on NaNs, so NaNs are located separately)."""
    if C.dtype_of(v).kind != "f":
        return (C.argmax if largest else C.argmin)(v, axis=ax, keepdims=keepdim)
    nan = C.isnan(v)
    filled = C.where(nan, float("-inf") if largest else float("inf"), v)
    i = (C.argmax if largest else C.argmin)(filled, axis=ax, keepdims=keepdim)
    first_nan = C.argmax(C.astype(nan, C.int8), axis=ax, keepdims=keepdim)
    return C.where(C.any(nan, axis=ax, keepdims=keepdim), first_nan, i)


def _extremum(name, largest, cls, binary):
    core_fn = C.max if largest else C.min

    def f(input, dim=None, keepdim=False, *, other=None, out=None):
        if not isinstance(input, Tensor):
            raise TypeError(f"{name}() received an invalid combination of arguments - got "
                            f"({type(input).__name__}, ...), but expected a Tensor input")
        if isinstance(dim, Tensor) or other is not None:  # max(input, other)
            (a, b), dt = operands(input, dim if other is None else other)
            if dt.kind == "c":
                raise RuntimeError(f"{binary} not implemented for complex tensors.")
            return finish((C.maximum if largest else C.minimum)(a, b), dt, out)
        v = input._value()
        d = input.dtype.core
        s = C.shape(v)
        if d.kind == "c":
            if dim is None:
                raise NotImplementedError(f"\"{name}_all\" not implemented for "
                                          f"'{_name(input.dtype)}'")
            raise RuntimeError(f"{name}(): does not support complex input")
        if dim is None:
            if 0 in s:
                raise RuntimeError(f"{name}(): Expected reduction dim to be specified for "
                                   f"input.numel() == 0. Specify the reduction dim with the "
                                   f"'dim' parameter.")
            return finish(core_fn(v), d, out)
        ax = one_axis(dim, len(s))
        if not s:
            return finish_tuple(cls, (v, C.zeros((), dtype=C.int64)), (d, C.int64), out)
        nonempty(name, s, ax)
        return finish_tuple(cls, (core_fn(v, axis=ax, keepdims=keepdim),
                                  _argext(v, ax, keepdim, largest)), (d, C.int64), out)
    f.__name__ = f.__qualname__ = name
    return f


max = _extremum("max", True, R_MAX, "maximum")  # noqa: A001
min = _extremum("min", False, R_MIN, "minimum")  # noqa: A001


def _amext(name, core_fn):
    def f(input, dim=(), keepdim=False, *, out=None):
        v = input._value()
        s = C.shape(v)
        if input.dtype.is_complex:
            raise NotImplementedError(f"\"{name[1:]}_values_cpu\" not implemented for "
                                      f"'{_name(input.dtype)}'")
        ax = axes(dim, len(s))
        if ax is None and 0 in s:
            raise RuntimeError(f"{name}(): Expected reduction dim to be specified for "
                               f"input.numel() == 0. Specify the reduction dim with the 'dim' "
                               f"argument.")
        for a in ((ax,) if type(ax) is int else ax or ()):
            if s[a] == 0:
                raise IndexError(f"{name}(): Expected reduction dim {a} to have non-zero size.")
        return finish(core_fn(v, axis=ax, keepdims=keepdim), input.dtype.core, out)
    f.__name__ = f.__qualname__ = name
    return f


amax = _amext("amax", C.max)
amin = _amext("amin", C.min)


def aminmax(input, *, dim=None, keepdim=False, out=None):
    v = input._value()
    s = C.shape(v)
    if input.dtype.is_complex:
        raise NotImplementedError(f"\"aminmax_cpu\" not implemented for '{_name(input.dtype)}'")
    if dim is None:
        if 0 in s:
            raise RuntimeError("aminmax(): cannot compute aminmax over an empty dimension as the "
                               "operation has no identity.")
        ax = None
        if keepdim:
            ax = tuple(range(len(s))) or None
    else:
        ax = one_axis(dim, len(s))
        if s:
            nonempty("aminmax", s, ax)
        else:
            ax = None
    d = input.dtype.core
    return finish_tuple(R_AMINMAX, (C.min(v, axis=ax, keepdims=keepdim),
                                    C.max(v, axis=ax, keepdims=keepdim)), (d, d), out)


def _argfn(name, largest):
    def f(input, dim=None, keepdim=False, *, out=None):
        v = input._value()
        s = C.shape(v)
        if input.dtype is T.bool or input.dtype.is_complex:
            raise RuntimeError(f"{name}(): does not support {_name(input.dtype).lower()} input")
        if dim is None:
            if 0 in s:
                raise IndexError(f"{name}(): Expected reduction dim to be specified for "
                                 f"input.numel() == 0.")
            r = _argext(C.reshape(v, (-1,)), 0, False, largest)
            if keepdim:
                r = C.reshape(r, (1,) * len(s))
            return finish(r, C.int64, out)
        ax = one_axis(dim, len(s))
        if not s:
            return finish(C.zeros((), dtype=C.int64), C.int64, out)
        nonempty(name, s, ax)
        return finish(_argext(v, ax, keepdim, largest), C.int64, out)
    f.__name__ = f.__qualname__ = name
    return f


argmax = _argfn("argmax", True)
argmin = _argfn("argmin", False)


def _logical(name, core_fn):
    def f(input, dim=None, keepdim=False, *, out=None):
        v = input._value()
        d = C.uint8 if input.dtype is T.uint8 else C.bool
        if isinstance(dim, (tuple, list)) and not dim:  # torch: () reduces over nothing
            r = C.not_equal(v, 0) if input.dtype is not T.bool else v
        else:
            r = core_fn(v, axis=axes(dim, len(C.shape(v))), keepdims=keepdim)
        return finish(r if d is C.bool else C.astype(r, d), d, out)
    f.__name__ = f.__qualname__ = name
    return f


all = _logical("all", C.all)  # noqa: A001
any = _logical("any", C.any)  # noqa: A001


def _float_input(input):
    """(native value, core dtype): integers and bool compute in the default float dtype."""
    d = input.dtype
    v = input._value()
    if d.is_floating_point or d.is_complex:
        return v, d.core
    f = T.DEFAULT.float.core
    return C.astype(v, f), f


def logsumexp(input, dim, keepdim=False, *, out=None):
    v, d = _float_input(input)
    ax = axes(dim, len(C.shape(v)))
    if d.kind == "c":  # shift by the largest real part
        m = C.max(C.real(v), axis=ax, keepdims=True)
        m = C.where(C.isfinite(m), m, 0)
        r = C.log(C.sum(C.exp(C.subtract(v, m)), axis=ax, keepdims=True))
        r = C.add(r, m)
        if not keepdim:
            r = C.reshape(r, C.shape(C.sum(C.real(v), axis=ax)))
        return finish(r, d, out)
    return finish(C.logsumexp(v, axis=ax, keepdims=keepdim), d, out)


def count_nonzero(input, dim=None):
    v = input._value()
    return finish(C.count_nonzero(v, axis=axes(dim, len(C.shape(v)))), C.int64, None)


# ---------------------------------------------------------------- norms


def norm(input, p="fro", dim=None, keepdim=False, out=None, dtype=None):
    """torch.norm: string p ('fro', 'nuc') are matrix norms unless 'fro' over <= 2 dims (a
    vector 2-norm, as torch); a number p is always a vector norm."""
    from . import linalg as L

    if isinstance(p, str):
        if p == "fro" and (dim is None or isinstance(dim, int) or len(dim) <= 2):
            return L.vector_norm(input, 2, dim, keepdim, dtype=dtype, out=out)
        if dim is None:
            dim = tuple(range(input.ndim))
        return L.matrix_norm(input, p, dim, keepdim, dtype=dtype, out=out)
    return L.vector_norm(input, 2.0 if p is None else p, dim, keepdim, dtype=dtype, out=out)


def dist(input, other, p=2):
    from . import linalg as L

    (a, b), dt = operands(input, other)
    if dt.kind not in "fc":
        raise RuntimeError(f"dist(): Expected a floating point or complex tensor as input. Got "
                           f"{_name(T.FROM_CORE[dt])}")
    return L.vector_norm(wrap(C.subtract(a, b), T.FROM_CORE[dt]), p)


# ---------------------------------------------------------------- median / mode / quantile


def _median(name, input, dim, keepdim, out, skipnan, cls):
    v = input._value()
    s = C.shape(v)
    d = input.dtype.core
    if d.kind == "c" or d is C.bool:
        kernel = "median_cpu" if dim is None or d is not C.bool else "median_out"
        raise NotImplementedError(f"\"{kernel}\" not implemented for '{_name(input.dtype)}'")
    if dim is None:
        if 0 in s:
            return finish(C.full((), float("nan"), dtype=d), d, out)
        v = C.reshape(v, (-1,))
        ax = 0
    else:
        ax = one_axis(dim, len(s))
        if not s:
            return finish_tuple(cls, (v, C.zeros((), dtype=C.int64)), (d, C.int64), out)
        nonempty(name, s, ax)
    n = C.shape(v)[ax]
    srt = C.sort(v, axis=ax)  # NaNs last
    order = C.argsort(v, axis=ax, stable=True)
    isf = d.kind == "f"
    if skipnan and isf:
        m = C.sum(C.logical_not(C.isnan(v)), axis=ax, keepdims=True, dtype=C.int64)
        k = C.floor_divide(C.maximum(C.subtract(m, 1), 0), 2)
        vals, idx = pick(srt, k, ax), pick(order, k, ax)
    else:
        vals, idx = at(srt, (n - 1) // 2, ax), at(order, (n - 1) // 2, ax)
        if isf:  # any NaN: the value is NaN, the index that of the first NaN
            nan = C.isnan(v)
            has = C.isnan(at(srt, n - 1, ax))
            first = C.argmax(C.astype(nan, C.int8), axis=ax, keepdims=True)
            idx = C.where(has, first, idx)
            vals = C.where(has, float("nan"), vals)
    if dim is None:
        return finish(C.reshape(vals, ()), d, out)
    if not keepdim:
        vals, idx = C.squeeze(vals, ax), C.squeeze(idx, ax)
    return finish_tuple(cls, (vals, idx), (d, C.int64), out)


def median(input, dim=None, keepdim=False, *, out=None):
    """The lower of the two middle values for even counts (torch's median)."""
    return _median("median", input, dim, keepdim, out, False, R_MEDIAN)


def nanmedian(input, dim=None, keepdim=False, *, out=None):
    return _median("nanmedian", input, dim, keepdim, out, True, R_NANMEDIAN)


def mode(input, dim=-1, keepdim=False, *, out=None):
    """The smallest of the most frequent values; its index is that of its last occurrence."""
    v = input._value()
    s = C.shape(v)
    d = input.dtype.core
    if d.kind == "c":
        raise NotImplementedError(f"\"mode_cpu\" not implemented for '{_name(input.dtype)}'")
    ax = one_axis(dim, len(s))
    if not s:
        return finish_tuple(R_MODE, (v, C.zeros((), dtype=C.int64)), (d, C.int64), out)
    nonempty("mode", s, ax)
    x = C.moveaxis(v, ax, -1)
    if d is C.bool:
        x = C.astype(x, C.int8)
    n = C.shape(x)[-1]
    eq = C.equal(C.expand_dims(x, axis=-1), C.expand_dims(x, axis=-2))  # (..., n, n)
    cnt = C.sum(eq, axis=-1, dtype=C.int64)
    best = C.equal(cnt, C.max(cnt, axis=-1, keepdims=True))
    big = C.finfo(C.dtype_of(x)).max if C.dtype_of(x).kind == "f" else C.iinfo(C.dtype_of(x)).max
    val = C.min(C.where(best, x, C.full((), big, dtype=C.dtype_of(x))), axis=-1, keepdims=True)
    hit = C.flip(C.astype(C.equal(x, val), C.int8), axis=-1)
    idx = C.subtract(n - 1, C.argmax(hit, axis=-1, keepdims=True))
    val = C.moveaxis(val, -1, ax)
    idx = C.moveaxis(idx, -1, ax)
    if d is C.bool:
        val = C.astype(val, C.bool)
    if not keepdim:
        val, idx = C.squeeze(val, ax), C.squeeze(idx, ax)
    return finish_tuple(R_MODE, (val, idx), (d, C.int64), out)


_INTERPOLATIONS = ("linear", "lower", "higher", "midpoint", "nearest")


def _quantile(name, input, q, dim, keepdim, interpolation, out, skipnan):
    d = input.dtype
    if d not in (T.float32, T.float64):
        raise RuntimeError(f"{name}() input tensor must be either float or double dtype")
    if interpolation not in _INTERPOLATIONS:
        raise RuntimeError(f"{name}() interpolation must be one of linear, lower, higher, "
                           f"midpoint or nearest. Got {interpolation}")
    dc = d.core
    if isinstance(q, Tensor):
        if q.dtype is not d:
            raise RuntimeError(f"{name}() q tensor must be same dtype as the input tensor")
        qv = q._value()
        if len(C.shape(qv)) > 1:
            raise RuntimeError(f"{name}() q must be a scalar or 1D tensor")
        qs = C.shape(qv)
    elif isinstance(q, (builtins.float, builtins.int)) and not isinstance(q, builtins.bool):
        qv, qs = C.asarray(builtins.float(q), dtype=dc), ()
    else:
        qv = C.asarray(q, dtype=dc)
        qs = C.shape(qv)
    qn = _np.asarray(C.to_numpy(qv), dtype=_np.float32 if dc is C.float32 else _np.float64)
    qn = qn.reshape(-1)
    if ((qn < 0) | (qn > 1)).any():
        raise RuntimeError(f"{name}() q values must be in the range [0, 1]")
    v = input._value()
    s = C.shape(v)
    if 0 in s and dim is None or (dim is not None and s and s[one_axis(dim, len(s))] == 0):
        raise RuntimeError(f"{name}() input tensor must be non-empty")
    if dim is None:
        x = C.reshape(v, (-1,))
        outshape = (1,) * len(s) if keepdim else ()
    else:
        ax = one_axis(dim, len(s))
        x = C.moveaxis(v, ax, -1) if s else C.reshape(v, (1,))
        outshape = tuple(1 if i == ax else e for i, e in enumerate(s)) if keepdim else \
            tuple(e for i, e in enumerate(s) if i != ax)
    n = C.shape(x)[-1]
    srt = C.sort(x, axis=-1)  # NaNs last
    if not skipnan:  # the ranks are the same in every slice: computed here, in x's precision
        pos = qn * qn.dtype.type(n - 1)
        lo = _np.floor(pos)
        hi = _np.ceil(pos)
        w = pos - lo

        def sel(p):
            return C.take(srt, C.asarray(p.astype(_np.int64)), axis=-1)

        bad = C.isnan(C.getitem(srt, (Ellipsis, slice(n - 1, n))))
    else:
        m = C.sum(C.logical_not(C.isnan(x)), axis=-1, keepdims=True, dtype=C.int64)
        pos = C.multiply(C.asarray(qn), C.astype(C.maximum(C.subtract(m, 1), 0), dc))
        lo = C.floor(pos)
        hi = C.ceil(pos)
        w = C.subtract(pos, lo)

        def sel(p):
            p = C.expand_dims(C.astype(p, C.int64), axis=-1)  # (..., nq, 1)
            return C.squeeze(pick(C.expand_dims(srt, axis=-2), p, -1), -1)

        bad = C.equal(m, 0)
    if interpolation == "lower":
        r = sel(lo)
    elif interpolation == "higher":
        r = sel(hi)
    elif interpolation == "nearest":
        r = sel(_np.round(pos) if not skipnan else C.round(pos))
    else:
        a, b = sel(lo), sel(hi)
        if interpolation == "midpoint":
            w = 0.5
        elif not skipnan:
            w = C.asarray(w)
        d = C.subtract(b, a)
        if interpolation == "midpoint":
            r = C.subtract(b, C.multiply(d, 0.5))
        else:  # torch's lerp
            r = C.where(C.less(w, 0.5), C.add(a, C.multiply(w, d)),
                        C.subtract(b, C.multiply(d, C.subtract(1.0, w))))
    r = C.where(bad, float("nan"), r)
    r = C.reshape(C.moveaxis(r, -1, 0), tuple(qs) + outshape)
    return finish(r, dc, out)


def quantile(input, q, dim=None, keepdim=False, *, interpolation="linear", out=None):
    return _quantile("quantile", input, q, dim, keepdim, interpolation, out, False)


def nanquantile(input, q, dim=None, keepdim=False, *, interpolation="linear", out=None):
    return _quantile("nanquantile", input, q, dim, keepdim, interpolation, out, True)


# ---------------------------------------------------------------- scans


def _scan(name, core_fn):
    def f(input, dim, *, dtype=None, out=None):
        v = input._value()
        d = T.as_dtype(dtype).core if dtype is not None else _acc(input.dtype.core)
        s = C.shape(v)
        ax = one_axis(dim, len(s))
        if not s:
            return finish(C.astype(v, d), d, out)
        if C.dtype_of(v) is not d:
            v = C.astype(v, d)
        return finish(core_fn(v, axis=ax, dtype=d), d, out)
    f.__name__ = f.__qualname__ = name
    return f


cumsum = _scan("cumsum", C.cumulative_sum)
cumprod = _scan("cumprod", C.cumulative_prod)


def _cumext(name, core_fn, cls):
    def f(input, dim, *, out=None):
        v = input._value()
        s = C.shape(v)
        d = input.dtype.core
        if d.kind == "c":
            raise NotImplementedError(f"\"{name}_cpu\" not implemented for "
                                      f"'{_name(input.dtype)}'")
        ax = one_axis(dim, len(s))
        if not s:
            return finish_tuple(cls, (v, C.zeros((), dtype=C.int64)), (d, C.int64), out)
        if 0 in s:
            return finish_tuple(cls, (v, C.zeros(s, dtype=C.int64)), (d, C.int64), out)
        if d.kind != "f":
            vals, idx = core_fn(v, ax)
            return finish_tuple(cls, (vals, idx), (d, C.int64), out)
        # torch: from the first NaN on, the value is NaN and the index that of the last NaN
        nan = C.isnan(v)
        vals, idx = core_fn(C.where(nan, 0, v), ax)
        shape1 = tuple(e if i == ax else 1 for i, e in enumerate(s))
        pos = C.reshape(C.arange(s[ax], dtype=C.int64), shape1)
        last_nan = C.cummax(C.where(nan, pos, -1), ax)[0]
        seen = C.greater_equal(last_nan, 0)
        vals = C.where(seen, float("nan"), vals)
        idx = C.where(seen, last_nan, idx)
        return finish_tuple(cls, (vals, idx), (d, C.int64), out)
    f.__name__ = f.__qualname__ = name
    return f


cummax = _cumext("cummax", C.cummax, R_CUMMAX)
cummin = _cumext("cummin", C.cummin, R_CUMMIN)


def logcumsumexp(input, dim, *, out=None):
    if not (input.dtype.is_floating_point or input.dtype.is_complex):
        raise NotImplementedError(f"\"logcumsumexp_out_cpu\" not implemented for "
                                  f"'{_name(input.dtype)}'")
    v, d = _float_input(input)
    s = C.shape(v)
    ax = one_axis(dim, len(s))
    if not s or 0 in s:
        return finish(v, d, out)
    if d.kind == "c":  # log(cumsum(exp(v - m))) + m, m: the largest real part of the slice
        m = C.max(C.real(v), axis=ax, keepdims=True)
        m = C.where(C.isfinite(m), m, 0)
        r = C.add(C.log(C.cumulative_sum(C.exp(C.subtract(v, m)), axis=ax)), m)
        return finish(r, d, out)
    r = C.logcumsumexp(v, ax)
    # NaN from the first NaN on (the tensorflow backend's scan skips NaNs)
    seen = C.greater(C.cumulative_sum(C.astype(C.isnan(v), C.int32), axis=ax), 0)
    return finish(C.where(seen, float("nan"), r), d, out)


def diff(input, n=1, dim=-1, prepend=None, append=None):
    v = input._value()
    s = C.shape(v)
    if not s:
        raise RuntimeError("diff expects input to be at least one-dimensional")
    ax = one_axis(dim, len(s))
    ext = []
    for e in (prepend, append):
        if e is None:
            ext.append(None)
            continue
        if not isinstance(e, Tensor):
            raise TypeError("diff(): prepend and append must be Tensors")
        if e.ndim != len(s):
            raise RuntimeError("diff expects prepend or append to be the same dimension as input")
        ext.append(e._value())
    dt = input.dtype.core
    for e in ext:
        if e is not None:
            dt = T._promote(dt, C.dtype_of(e))
    return finish(C.diff(v, axis=ax, n=n, prepend=ext[0], append=ext[1]), dt, None)


def trace(input):
    v = input._value()
    if input.dtype is T.bool:
        raise NotImplementedError("\"trace\" not implemented for 'Bool'")
    if len(C.shape(v)) != 2:
        raise RuntimeError("trace: expected a matrix, but got tensor with dim "
                           f"{len(C.shape(v))}")
    d = _acc(input.dtype.core)
    return finish(C.linalg.trace(v, dtype=d), d, None)


# ---------------------------------------------------------------- cov / corrcoef


def cov(input, *, correction=1, fweights=None, aweights=None):
    v = input._value()
    s = C.shape(v)
    if len(s) > 2:
        raise RuntimeError(f"cov(): expected input to have two or fewer dimensions but got an "
                           f"input with {len(s)} dimensions")
    d = input.dtype.core
    if d is C.bool:
        raise RuntimeError("cov(): bool dtype is not supported for input")
    if d.kind not in "fc":
        d = T.DEFAULT.float.core
        v = C.astype(v, d)
    x = C.reshape(v, (1, -1)) if len(s) < 2 else v
    nobs = C.shape(x)[1]
    w = None
    if fweights is not None:
        if fweights.dtype.is_floating_point or fweights.dtype.is_complex:
            raise RuntimeError("cov(): expected fweights to have integral dtype")
        fw = fweights._value()
        if len(C.shape(fw)) > 1 or (C.shape(fw)[0] if C.shape(fw) else 1) != nobs:
            raise RuntimeError("cov(): expected fweights to have the same numel as there are "
                               "observations in the input")
        if C.shape(fw) and builtins.bool(C.to_numpy(C.any(C.less(fw, 0)))):
            raise RuntimeError("cov(): fweights cannot be negative")
        w = C.astype(fw, d)
    aw = None
    if aweights is not None:
        if not aweights.dtype.is_floating_point:
            raise RuntimeError("cov(): expected aweights to have floating point dtype")
        aw = aweights._value()
        if len(C.shape(aw)) > 1 or (C.shape(aw)[0] if C.shape(aw) else 1) != nobs:
            raise RuntimeError("cov(): expected aweights to have the same numel as there are "
                               "observations in the input")
        if C.shape(aw) and builtins.bool(C.to_numpy(C.any(C.less(aw, 0)))):
            raise RuntimeError("cov(): aweights cannot be negative")
        aw = C.astype(aw, d)
        w = aw if w is None else C.multiply(w, aw)
    if w is None:
        wsum = C.full((), builtins.float(nobs), dtype=C.dtype_of(C.real(x)) if d.kind == "c" else d)
        avg = C.mean(x, axis=1, keepdims=True)
    else:
        wsum = C.sum(w)
        avg = C.divide(C.sum(C.multiply(x, w), axis=1, keepdims=True), wsum)
    if correction == 0:
        nf = wsum
    elif aw is None:
        nf = C.subtract(wsum, correction)
    else:
        nf = C.subtract(wsum, C.multiply(C.divide(C.sum(C.multiply(w, aw)), wsum), correction))
    nf = C.maximum(C.real(nf) if C.dtype_of(nf).kind == "c" else nf, 0)
    xm = C.subtract(x, avg)
    xw = xm if w is None else C.multiply(xm, w)
    c = C.divide(C.matmul(xw, C.conj(C.matrix_transpose(xm))), nf)
    if len(s) < 2 or C.shape(x)[0] == 1:  # one variable: a 0-d result
        c = C.reshape(c, ())
    return finish(c, d, None)


def corrcoef(input):
    c = cov(input)
    v = c._value()
    if not C.shape(v):
        return wrap(C.divide(v, v), c.dtype)
    dg = C.diagonal(v)
    sd = C.sqrt(C.real(dg) if C.dtype_of(dg).kind == "c" else dg)
    r = C.divide(C.divide(v, C.expand_dims(sd, axis=1)), C.expand_dims(sd, axis=0))
    if C.dtype_of(r).kind == "c":
        re = C.clip(C.real(r), -1, 1)
        im = C.clip(C.imag(r), -1, 1)
        r = C.add(C.astype(re, C.dtype_of(r)), C.multiply(C.astype(im, C.dtype_of(r)), 1j))
    else:
        r = C.clip(r, -1, 1)
    return wrap(r, c.dtype)


# ---------------------------------------------------------------- trapezoid


def _trapezoid_parts(name, y, x, dx, dim):
    """(the areas of the trapezoids along dim, their axis, result core dtype)."""
    if x is not None and dx is not None:
        raise TypeError(f"{name}() received an invalid combination of arguments: x and dx")
    (v,), d = (y._value(),), y.dtype.core
    if d is C.bool:
        raise RuntimeError(f"{name}: received a bool input for `y`, but bool is not supported")
    if d.kind not in "fc":
        d = T.DEFAULT.float.core
        v = C.astype(v, d)
    s = C.shape(v)
    ax = one_axis(dim, len(s))
    if not s:
        raise IndexError(f"Dimension out of range (expected to be in range of [-1, 0], but got {dim})")
    n = s[ax]
    a = C.getitem(v, (slice(None),) * ax + (slice(1, None),))
    b = C.getitem(v, (slice(None),) * ax + (slice(None, builtins.max(n - 1, 0)),))
    half = C.multiply(C.add(a, b), 0.5)
    if x is None:
        return C.multiply(half, 1.0 if dx is None else dx), ax, d
    xv = x._value() if isinstance(x, Tensor) else C.asarray(x)
    xd = C.dtype_of(xv)
    if xd.kind in "fc" and T._promote(d, xd) is not d:
        d = T._promote(d, xd)
        half = C.astype(half, d)
    if len(C.shape(xv)) == 1:
        if C.shape(xv)[0] != n:
            raise RuntimeError(f"{name}: There must be one `x` value for each sample point")
        step = C.reshape(C.diff(xv), tuple(n - 1 if i == ax else 1 for i in range(len(s))))
    else:
        step = C.diff(xv, axis=ax - len(s))
    return C.multiply(half, C.astype(step, d)), ax, d


def trapezoid(y, x=None, *, dx=None, dim=-1):
    parts, ax, d = _trapezoid_parts("trapezoid", y, x, dx, dim)
    return finish(C.astype(C.sum(parts, axis=ax), d), d)


def trapz(y, x=None, *, dx=None, dim=-1):
    parts, ax, d = _trapezoid_parts("trapz", y, x, dx, dim)
    return finish(C.astype(C.sum(parts, axis=ax), d), d)


def cumulative_trapezoid(y, x=None, *, dx=None, dim=-1):
    parts, ax, d = _trapezoid_parts("cumulative_trapezoid", y, x, dx, dim)
    if 0 in C.shape(parts):
        return finish(C.astype(parts, d), d)
    return finish(C.astype(C.cumulative_sum(parts, axis=ax), d), d)

