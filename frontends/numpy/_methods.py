"""ndarray methods and view attributes (T, mT, real, imag, flat), attached once at import."""
from __future__ import annotations

import builtins
import math
import operator

from ... import core as C
from ...core import mutable as M
from . import _dtypes as T
from . import _reduce as R
from . import _views as V
from ._ndarray import ndarray, normalize_axis, operand, result, wrap, write_out


def _shape_args(shape):
    if len(shape) == 1:
        s = shape[0]
        if s is None:
            return None
        return s
    return shape


def reshape(self, *shape, order="C", copy=None, **kw):
    if len(shape) == 1 and self._base is None and order == "C" and copy is None and not kw:
        # a base is C-contiguous: every reshape of it is a view
        s = shape[0]
        if type(s) is int:
            s = (s,)
        if type(s) is tuple:
            try:
                r = C.reshape(self._v, s)
            except Exception:  # noqa: BLE001
                r = None  # the checked path raises NumPy's error
            if r is not None:
                return self._view(M.Reshape(tuple(C.shape(r))), r)
    if "shape" in kw:
        shape = (kw.pop("shape"),)
    if kw:
        raise TypeError(f"reshape() got an unexpected keyword argument {next(iter(kw))!r}")
    if not shape:
        raise TypeError("reshape() missing required argument 'shape' (pos 0)")
    return V.reshape(self, _shape_args(shape), order, copy)


def astype(self, dtype, order="K", casting="unsafe", subok=True, copy=True):
    d = T.as_dtype(dtype)
    src = self.dtype
    if not T.can_cast_dtype(src, d, casting):
        raise TypeError(f"Cannot cast array data from dtype('{src.name}') to "
                        f"dtype('{d.name}') according to the rule '{casting}'")
    if d is src and not copy:
        return self
    v = self._value()
    if d is src:
        return wrap(C.copy(v), d)
    if src.kind == "c" and d.kind != "c":
        import warnings

        from .exceptions import ComplexWarning

        warnings.warn("Casting complex values to real discards the imaginary part",
                      ComplexWarning, stacklevel=2)
        v = C.real(v)
    return wrap(C.astype(v, d.core), d)


def copy(self, order="C"):
    return wrap(C.copy(self._value()), self._dt)


def fill(self, value):
    from ._keys import _value_for

    self._write(_value_for(self, value))


def view(self, dtype=None, type=None):
    if dtype is None or (isinstance(dtype, builtins.type) and issubclass(dtype, ndarray)):
        return self._view(M.Reshape(self.shape), self._value())
    return V.view_dtype(self, dtype)


def flatten(self, order="C"):
    if order == "F":
        return wrap(C.reshape(C.permute_dims(self._value(), tuple(range(self.ndim))[::-1]),
                              (-1,)), self._dt)
    return wrap(C.reshape(self._value(), (-1,), copy=True), self._dt)


def ravel(self, order="C"):
    return V.ravel(self, order)


def transpose(self, *axes):
    if not axes or (len(axes) == 1 and axes[0] is None):
        return V.transpose(self)
    if len(axes) == 1 and isinstance(axes[0], (tuple, list)):
        axes = axes[0]
    return V.transpose(self, tuple(axes))


def swapaxes(self, axis1, axis2):
    return V.swapaxes(self, axis1, axis2)


def squeeze(self, axis=None):
    return V.squeeze(self, axis)


def diagonal(self, offset=0, axis1=0, axis2=1):
    return V.diagonal(self, offset, axis1, axis2)


def trace(self, offset=0, axis1=0, axis2=1, dtype=None, out=None):
    d = V.diagonal(self, offset, axis1, axis2)
    return R.sum(d, axis=-1, dtype=dtype, out=out)


def conj(self):
    from ._ufunc import conjugate

    return conjugate(self)


def round(self, decimals=0, out=None):
    v, d = self._value(), self.dtype
    if d.kind in "biu":
        if decimals >= 0:
            r = C.copy(v)
        else:
            f = 10 ** (-decimals)
            r = C.multiply(C.floor_divide(C.add(v, C.asarray(f // 2, dtype=d.core)),
                                          C.asarray(f, dtype=d.core)),
                           C.asarray(f, dtype=d.core)) if d.kind != "b" else C.copy(v)
    elif d.kind == "c":
        r = C.add(C.astype(C.round(C.real(v), decimals=decimals), d.core),
                  C.multiply(C.astype(C.round(C.imag(v), decimals=decimals), d.core),
                             C.asarray(1j, dtype=d.core)))
    else:
        r = C.round(v, decimals=decimals)
    if out is not None:
        return write_out(out, r, "unsafe")
    return result(r, d)


def clip(self, min=None, max=None, out=None, **kwargs):
    from ._indexing import clip as _clip

    return _clip(self, min, max, out=out, **kwargs)


def dot(self, b, out=None):
    from ._ufunc import matmul, multiply

    if self.ndim == 0 or (not isinstance(b, ndarray) and not isinstance(b, (list, tuple))) or \
            (isinstance(b, ndarray) and b.ndim == 0):
        return multiply(self, b, out=out)
    bb = b if isinstance(b, ndarray) else wrap(*operand(b))
    if bb.ndim > 2 and self.ndim >= 1:
        # dot(a, b)[i,j,k,m] = sum(a[i,j,:] * b[k,:,m])
        va, vb = self._value(), bb._value()
        from . import _dtypes

        d = _dtypes.PROMOTE[self.dtype, bb.dtype]
        r = C.tensordot(C.astype(va, d.core), C.astype(vb, d.core),
                        axes=([self.ndim - 1], [bb.ndim - 2]))
        return write_out(out, r) if out is not None else result(r, d)
    return matmul(self, bb, out=out)


def nonzero(self):
    from ._indexing import nonzero as _nz

    return _nz(self)


def repeat(self, repeats, axis=None):
    from ._manipulation import repeat as _rep

    return _rep(self, repeats, axis)


def take(self, indices, axis=None, out=None, mode="raise"):
    from ._indexing import take as _take

    return _take(self, indices, axis, out, mode)


def put(self, indices, values, mode="raise"):
    from ._indexing import put as _put

    return _put(self, indices, values, mode)


def compress(self, condition, axis=None, out=None):
    from ._indexing import compress as _c

    return _c(condition, self, axis, out)


def choose(self, choices, out=None, mode="raise"):
    from ._indexing import choose as _c

    return _c(self, choices, out, mode)


def searchsorted(self, v, side="left", sorter=None):
    if side not in ("left", "right"):
        raise ValueError(f"side must be 'left' or 'right' (got {side!r})")
    if self.ndim != 1:
        raise ValueError("object too deep for desired array")
    val, vd = operand(v)
    d = T.PROMOTE[self.dtype, vd]
    a = self._value()
    if sorter is not None:
        a = C.take(a, operand(sorter)[0], axis=0)
    r = C.searchsorted(C.astype(a, d.core), C.astype(val, d.core), side=side)
    return result(C.astype(r, C.int64), T.I64)


def _sort_values(v, axis, d):
    if d is T.BOOL:
        return C.astype(C.sort(C.astype(v, C.int8), axis=axis), C.bool)
    if d.kind == "c":
        idx = _argsort_values(v, axis, d)
        return C.take_along_axis(v, idx, axis=axis)
    return C.sort(v, axis=axis, stable=True)


def _argsort_values(v, axis, d, stable=True):
    if d is T.BOOL:
        v = C.astype(v, C.int8)
    if d.kind == "c":
        # lexicographic: sort by imag, then stably by real (NaNs last)
        i1 = C.argsort(C.imag(v), axis=axis, stable=True)
        re = C.take_along_axis(C.real(v), i1, axis=axis)
        i2 = C.argsort(re, axis=axis, stable=True)
        return C.take_along_axis(i1, i2, axis=axis)
    return C.argsort(v, axis=axis, stable=True)


def sort(self, axis=-1, kind=None, order=None, *, stable=None):
    if order is not None:
        raise ValueError("Cannot specify order when the array has no fields.")
    v = self._value()
    if axis is None:
        raise ValueError("sort with axis=None is not supported by ndarray.sort; use np.sort")
    ax = normalize_axis(axis, len(C.shape(v)))
    self._write(_sort_values(v, ax, self.dtype))


def argsort(self, axis=-1, kind=None, order=None, *, stable=None):
    v = self._value()
    if axis is None:
        v = C.reshape(v, (-1,))
        ax = 0
    else:
        ax = normalize_axis(axis, len(C.shape(v)))
    return wrap(C.astype(_argsort_values(v, ax, self.dtype), C.int64), T.I64)


def partition(self, kth, axis=-1, kind="introselect", order=None):
    sort(self, axis)


def argpartition(self, kth, axis=-1, kind="introselect", order=None):
    return argsort(self, axis)


def resize(self, *new_shape, refcheck=True):
    if len(new_shape) == 1 and isinstance(new_shape[0], (tuple, list)):
        new_shape = tuple(new_shape[0])
    new = V.shape_arg(new_shape)
    if self._base is not None:
        raise ValueError("cannot resize this array: it does not own its data")
    v = C.reshape(self._value(), (-1,))
    n, m = C.shape(v)[0], math.prod(new)
    if m > n:
        v = C.concat([v, C.zeros((m - n,), dtype=C.dtype_of(v))], axis=0)
    else:
        v = C.getitem(v, slice(0, m))
    self._v = C.reshape(v, new)
    self._version += 1
    self._geo = None


def setflags(self, write=None, align=None, uic=None):
    if write is not None:
        self.flags.writeable = write


def tofile(self, fid, sep="", format="%s"):
    self.__array__().tofile(fid, sep=sep, format=format)


def dump(self, file):
    import pickle

    with open(file, "wb") if isinstance(file, str) else _nullctx(file) as f:
        pickle.dump(self, f)


def dumps(self):
    import pickle

    return pickle.dumps(self)


class _nullctx:
    def __init__(self, f):
        self.f = f

    def __enter__(self):
        return self.f

    def __exit__(self, *a):
        return False


def getfield(self, dtype, offset=0):
    raise TypeError("getfield is not supported by unify's numpy frontend")


def _real_get(self):
    return V.real(self)


def _real_set(self, value):
    V.real(self)[...] = value


def _imag_get(self):
    return V.imag(self)


def _imag_set(self, value):
    if self.dtype.kind != "c":
        raise TypeError("array does not have imaginary part to set")
    V.imag(self)[...] = value


class flatiter:
    """ndarray.flat: a 1-d iterator/indexer over the array in C order (writes go through)."""

    def __init__(self, base):
        self.base = base
        self.index = 0

    def _flat(self):
        return V.reshape(self.base, (-1,)) if self.base.flags.c_contiguous else None

    def __iter__(self):
        v = C.reshape(self.base._value(), (-1,))
        d = self.base.dtype
        from ._scalars import from_native

        for i in range(C.shape(v)[0]):
            self.index = i + 1
            yield from_native(C.getitem(v, i), d)

    def __len__(self):
        return self.base.size

    def __getitem__(self, key):
        v = C.reshape(self.base._value(), (-1,))
        from ._keys import getitem

        return getitem(wrap(v, self.base._dt), key)

    def __setitem__(self, key, value):
        from ._keys import setitem

        flat = self._flat()
        if flat is not None:
            flat_value = flat
            setitem(flat_value, key, value)
            return
        tmp = wrap(C.reshape(C.copy(self.base._value()), (-1,)), self.base._dt)
        setitem(tmp, key, value)
        self.base._write(C.reshape(tmp._value(), self.base.shape))

    def __array__(self, dtype=None, copy=None):
        return ravel(self.base).__array__(dtype)

    def copy(self):
        return flatten(self.base)

    @property
    def coords(self):
        import numpy

        return numpy.unravel_index(self.index, self.base.shape)


def _flat_get(self):
    return flatiter(self)


def _flat_set(self, value):
    flatiter(self)[...] = value


def _T(self):
    return V.transpose(self)


def _mT(self):
    return V.matrix_transpose(self)


_REDUCTIONS = ("sum", "prod", "mean", "var", "std", "max", "min", "argmax", "argmin", "all",
               "any", "cumsum", "cumprod")


def attach() -> None:
    g = globals()
    for name in ("reshape", "astype", "copy", "fill", "view", "flatten", "ravel", "transpose",
                 "swapaxes", "squeeze", "diagonal", "trace", "conj", "round", "clip", "dot",
                 "nonzero", "repeat", "take", "put", "compress", "choose", "searchsorted",
                 "sort", "argsort", "partition", "argpartition", "resize", "setflags",
                 "tofile", "dump", "dumps", "getfield"):
        setattr(ndarray, name, g[name])
    ndarray.conjugate = conj
    for name in _REDUCTIONS:
        setattr(ndarray, name, getattr(R, name))
    ndarray.T = property(_T)
    ndarray.mT = property(_mT)
    ndarray.real = property(_real_get, _real_set)
    ndarray.imag = property(_imag_get, _imag_set)
    ndarray.flat = property(_flat_get, _flat_set)
