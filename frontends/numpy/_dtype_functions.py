"""dtype functions of the numpy namespace: promote_types, result_type, can_cast, issubdtype,
isdtype, min_scalar_type, typename, mintypecode, common_type."""
from __future__ import annotations

import builtins

from . import _dtypes as T
from . import _scalars as S
from ._ndarray import ndarray, dtype_of

__all__ = ["promote_types", "result_type", "can_cast", "issubdtype", "isdtype",
           "min_scalar_type", "typename", "mintypecode", "common_type", "sctypeDict",
           "iterable"]

_PY = (builtins.bool, builtins.int, builtins.float, builtins.complex)


def promote_types(type1, type2):
    return T.PROMOTE[T.as_dtype(type1), T.as_dtype(type2)]


def _strong(x):
    if isinstance(x, (ndarray, S.generic)):
        return x.dtype
    if isinstance(x, (T.dtype, str, type)) or x is None:
        return T.as_dtype(x)
    if hasattr(x, "dtype"):
        return T.as_dtype(x.dtype)
    return dtype_of(x)


def result_type(*arrays_and_dtypes):
    if not arrays_and_dtypes:
        raise ValueError("at least one array or dtype is required")
    strong, weak = None, []
    for x in arrays_and_dtypes:
        if type(x) in _PY:
            weak.append(x)
            continue
        d = _strong(x)
        strong = d if strong is None else T.PROMOTE[strong, d]
    if strong is None:
        return T.weak_kind_dtype(weak)
    for w in weak:
        strong = T.PROMOTE[strong, T.weak(w, strong, False)]
    return strong


def can_cast(from_, to, casting="safe"):
    if type(from_) in _PY:
        raise TypeError("can_cast() does not support Python ints, floats, and complex because "
                        "the result used to depend on the value.\nThis change was part of "
                        "adopting NEP 50, we may explicitly allow them again in the future.")
    src = _strong(from_)
    return T.can_cast_dtype(src, T.as_dtype(to), casting)


def _sctype(x):
    if isinstance(x, type) and issubclass(x, S.generic):
        return x
    return T.as_dtype(x).type


def issubdtype(arg1, arg2):
    return issubclass(_sctype(arg1), _sctype(arg2))


_KINDS = {"bool": "b", "signed integer": "i", "unsigned integer": "u", "integral": "iu",
          "real floating": "f", "complex floating": "c", "numeric": "iufc"}


def isdtype(dtype, kind):
    if not isinstance(dtype, T.dtype):
        raise TypeError(f"dtype argument must be a NumPy dtype, but it is a {type(dtype)}.")
    kinds = kind if isinstance(kind, tuple) else (kind,)
    for k in kinds:
        if isinstance(k, str):
            if k not in _KINDS:
                raise ValueError(f"kind argument is a string, but {k!r} is not a known kind "
                                 "name.")
            if dtype.kind in _KINDS[k]:
                return True
        else:
            if T.as_dtype(k) is dtype:
                return True
    return False


def min_scalar_type(a):
    if isinstance(a, (ndarray,)) and a.ndim:
        return a.dtype
    v = a.item() if hasattr(a, "item") else a
    if isinstance(v, builtins.bool):
        return T.BOOL
    if isinstance(v, builtins.int):
        if v >= 0:
            for d in T.UNSIGNED:
                if v <= 2 ** (8 * d.itemsize) - 1:
                    return d
        else:
            for d in T.SIGNED:
                if v >= -(2 ** (8 * d.itemsize - 1)):
                    return d
        raise OverflowError("Python int too large")
    if isinstance(v, builtins.float):
        if v != v or v in (float("inf"), float("-inf")) or abs(v) <= 65504.0:
            return T.F16
        return T.F32 if abs(v) <= 3.4028234663852886e38 else T.F64
    if isinstance(v, builtins.complex):
        return T.C64 if abs(v.real) <= 3.4e38 and abs(v.imag) <= 3.4e38 else T.C128
    return _strong(a)


_TYPENAMES = {"?": "bool", "b": "signed char", "B": "unsigned char", "h": "short",
              "H": "unsigned short", "i": "integer", "I": "unsigned integer", "l": "long integer",
              "L": "unsigned long integer", "q": "long long integer",
              "Q": "unsigned long long integer", "e": "half precision", "f": "single precision",
              "d": "double precision", "g": "long precision", "F": "complex single precision",
              "D": "complex double precision", "G": "complex long double precision",
              "S": "string", "U": "unicode", "V": "void", "O": "object"}


def typename(char):
    return _TYPENAMES[char]


def mintypecode(typechars, typeset="GDFgdf", default="d"):
    chars = [t if isinstance(t, str) else T.as_dtype(t).char for t in typechars]
    inter = [c for c in chars if c in typeset]
    if not inter:
        return default
    if "F" in inter and "d" in inter:
        return "D"
    return min(inter, key=typeset.index)


def common_type(*arrays):
    is_complex = False
    prec = 0
    for a in arrays:
        d = _strong(a)
        if d.kind == "c":
            is_complex = True
            p = d.itemsize // 2
        elif d.kind == "f":
            p = d.itemsize
        elif d.kind in "iu":
            p = 8
        else:
            raise TypeError("can't get common type for non-numeric array")
        prec = max(prec, p)
    if is_complex:
        return (S.complex64 if prec <= 4 else S.complex128)
    return {2: S.float16, 4: S.float32, 8: S.float64}.get(prec, S.float64)


sctypeDict = {}
for _d in T.ALL:
    sctypeDict[_d.name] = _d.type
    sctypeDict[_d.char] = _d.type
for _k, _v in (("int", S.int64), ("float", S.float64), ("complex", S.complex128),
               ("bool", S.bool_), ("double", S.float64), ("single", S.float32),
               ("half", S.float16), ("byte", S.int8), ("ubyte", S.uint8), ("short", S.int16),
               ("ushort", S.uint16), ("intc", S.int32), ("uintc", S.uint32), ("long", S.int64),
               ("ulong", S.uint64), ("longlong", S.int64), ("ulonglong", S.uint64)):
    sctypeDict[_k] = _v


def isscalar(element):
    return isinstance(element, (S.generic,) + _PY + (str, bytes))


def iterable(y):
    try:
        iter(y)
    except TypeError:
        return False
    return True
