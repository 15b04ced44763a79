"""ndarray indexing with NumPy's rules: basic keys (ints, slices, None, Ellipsis) give views
(a scalar when every axis gets an int), advanced keys (integer/boolean arrays, lists) give
copies; assignment writes in place through any view, on every backend.

Bounds and key errors come from the core (NumPy's IndexError on every backend); this module
turns keys into native keys and values into native values of the array's dtype.
"""
from __future__ import annotations

import builtins
import numbers
import operator

from ... import core as C
from ...core import mutable as M
from . import _dtypes as T
from . import _scalars as S
from ._ndarray import ndarray, operand, wrap

_int, _slice, _bool, _float, _complex = builtins.int, builtins.slice, builtins.bool, builtins.float, builtins.complex
_Ellipsis = type(Ellipsis)
_GetItem = M.GetItem
_from_native = S.from_native
_PY_SCALARS = (_int, _float, _bool, _complex)
_INDEX_ERROR = ("only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and "
                "integer or boolean arrays are valid indices")


def _item(k):
    """(native key entry, is_basic, is_int)."""
    t = type(k)
    if t is _int:
        return k, True, True
    if t is _slice:
        if (k.start is None or type(k.start) is _int) and (k.stop is None or type(k.stop) is _int) \
                and (k.step is None or type(k.step) is _int):
            return k, True, False
        return _slice(*(None if x is None else _index(x) for x in (k.start, k.stop, k.step))), \
            True, False
    if k is None or t is _Ellipsis:
        return k, True, False
    if t is _bool or t is S.bool_:
        return _bool(k), False, False
    if isinstance(k, S.integer):
        return _int(k), True, True
    if isinstance(k, ndarray):
        d = k.dtype
        if d.kind not in "iub":
            raise IndexError("arrays used as indices must be of integer (or boolean) type")
        v = k._value()
        return v, False, d.kind != "b" and not C.shape(v)  # a 0-d int array: advanced
    if isinstance(k, (list, tuple)):
        return _list_key(k), False, False
    if isinstance(k, (_float, _complex, S.inexact)):
        raise IndexError(_INDEX_ERROR)
    if isinstance(k, (S.generic, numbers.Integral)) or (hasattr(k, "__index__") and
                                                        not hasattr(k, "shape")):
        return operator.index(k), True, True
    if hasattr(k, "dtype") and hasattr(k, "shape"):  # a real numpy array / native array
        v, d = operand(k)
        if d.kind not in "iub":
            raise IndexError("arrays used as indices must be of integer (or boolean) type")
        return v, False, d.kind != "b" and not C.shape(v)
    if hasattr(k, "__index__"):
        return operator.index(k), True, True
    raise IndexError(_INDEX_ERROR)


def _index(x):
    try:
        return operator.index(x)
    except TypeError:
        raise TypeError("slice indices must be integers or None or have an __index__ method") from None


def _list_key(k):
    try:
        v, d = operand(k)
    except (TypeError, ValueError):
        raise IndexError(_INDEX_ERROR) from None
    if d.kind not in "iub":
        if C.size(v) == 0:
            return C.astype(v, C.int64)
        raise IndexError("arrays used as indices must be of integer (or boolean) type")
    return v


def _all_int(key) -> bool:
    n = len(key)
    if n == 2:
        return type(key[0]) is _int and type(key[1]) is _int
    if n == 3:
        return type(key[0]) is _int and type(key[1]) is _int and type(key[2]) is _int
    return all(type(k) is _int for k in key)


def native_key(key):
    """(native key tuple, basic?, number of int entries)."""
    if type(key) is not tuple:
        key = (key,)
    items = []
    basic = True
    nint = 0
    for k in key:
        n, b, i = _item(k)
        items.append(n)
        basic = basic and b
        nint += i
    return tuple(items), basic, nint


def getitem(x: ndarray, key):
    t = type(key)
    if t is _int:
        out = C.getitem(x._v if x._base is None else x._value(), key)
        if out.ndim:
            return x._view(_GetItem((key,)), out)
        return _from_native(out, x._dt or x.dtype)
    if t is tuple and _all_int(key):
        v = x._v if x._base is None else x._value()
        out = C.getitem(v, key)
        if out.ndim or len(key) != v.ndim:
            return x._view(_GetItem(key), out)
        return _from_native(out, x._dt or x.dtype)
    if t is _slice and (key.step is None or type(key.step) is _int):
        v = x._value()
        k = (key,)
        return x._view(_GetItem(k), C.getitem(v, k))
    nkey, basic, nint = native_key(key)
    v = x._value()
    if basic:
        out = C.getitem(v, nkey)
        if nint == len(nkey) and nint == len(C.shape(v)):
            return _from_native(out, x.dtype)
        return x._view(_GetItem(nkey), out)
    out = C.getitem(v, nkey)
    if not C.shape(out) and nint == len(nkey):
        return _from_native(out, x.dtype)
    return wrap(out, x._dt)


def _value_for(x: ndarray, value):
    """A native value of x's dtype (NumPy's casting for assignment: unsafe for arrays, Python
    ints must fit)."""
    d = x.dtype
    t = type(value)
    if t is _float or t is _int or t is _bool:
        if t is _int and d.kind in "iu":
            T.check_int_fits(value, d)
            return C.asarray(value, dtype=d.core)
        if t is _float and d.kind in "iu" and value != value:
            raise ValueError("cannot convert float NaN to integer")
        return C.astype(C.asarray(value), d.core) if d.kind in "iub" and t is _float else \
            C.asarray(value, dtype=d.core)
    if t is _complex and d.kind != "c":
        raise TypeError(f"float() argument must be a string or a real number, not 'complex'")
    v, src = operand(value)
    if src is not d:
        if src.kind == "c" and d.kind != "c":
            import warnings

            from .exceptions import ComplexWarning

            warnings.warn("Casting complex values to real discards the imaginary part",
                          ComplexWarning, stacklevel=3)
            v = C.real(v)
        v = C.astype(v, d.core)
    return v


_SAME_KIND = {(_float, "f"), (_float, "c"), (_int, "f"), (_int, "c"), (_bool, "b"),
              (_bool, "f"), (_bool, "c"), (_bool, "i"), (_bool, "u"), (_complex, "c")}


def setitem(x: ndarray, key, value) -> None:
    if x._ro:
        raise ValueError("assignment destination is read-only")
    tv = type(value)
    if (tv, (x._dt or x.dtype).kind) in _SAME_KIND:
        # a Python scalar the backend casts exactly: no conversion, no shape check
        if type(key) is tuple and _all_int(key):
            x._setitem(key, value)
            return
        if type(key) is _int:
            x._setitem((key,), value)
            return
        nv = value
    else:
        nv = _value_for(x, value)
    nkey, basic, _ = native_key(key)
    vs = () if nv is value and type(value) is tv and tv in _PY_SCALARS else C.shape(nv)
    if vs:
        target = C.shape(C.getitem(x._value(), nkey))
        _check_assign(tuple(vs), tuple(target))
    x._setitem(nkey, nv)


def _check_assign(vs, target):
    # NumPy drops leading 1s of the value, then broadcasts it to the target
    while len(vs) > len(target) and vs[0] == 1:
        vs = vs[1:]
    ok = len(vs) <= len(target) and all(a == b or a == 1 for a, b in zip(vs[::-1], target[::-1]))
    if not ok:
        raise ValueError(f"could not broadcast input array from shape {_fmt(vs)} into shape "
                         f"{_fmt(target)}")


def _fmt(s) -> str:
    return "(" + ",".join(str(n) for n in s) + ("," if len(s) == 1 else "") + ")"


ndarray.__getitem__ = getitem
ndarray.__setitem__ = setitem
