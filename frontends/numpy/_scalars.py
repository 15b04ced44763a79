"""NumPy's scalar types: `np.float64(1.5)`, `np.int8`, `np.bool_` ... and their abstract bases
(`np.generic`, `np.number`, `np.integer`, `np.floating`, ...).

A scalar holds a native 0-d array (`_v`, read with `_value()`) of its dtype; `float64` is
also a Python float and `complex128` a Python complex, as in NumPy. Scalars are *strong* in
promotion (NEP 50), like 0-d arrays. Operators are the ufuncs (attached by `_operators.py`,
so `np.float32(1) + 1` is `np.add`); other array methods (`round`, `astype`, `reshape`,
`sum` ...) go through a 0-d ndarray.
"""
from __future__ import annotations

import builtins

from ... import core as C
from . import _dtypes as T

_new = object.__new__


class generic:
    """numpy.generic: the base of every NumPy scalar type."""

    __slots__ = ()
    _np_dtype = None
    __array_priority__ = -1000000.0

    def __new__(cls, value=0, /):
        d = cls._np_dtype
        if d is None:
            raise TypeError(f"cannot create 'numpy.{cls.__name__}' instances")
        return make(d, value)

    def _value(self):
        return self._v

    # ------------------------------------------------------------ array attributes
    @property
    def dtype(self):
        return self._np_dtype

    shape = ()
    ndim = 0
    size = 1
    strides = ()
    base = None
    flat = property(lambda self: iter((self,)))

    @property
    def itemsize(self) -> int:
        return self._np_dtype.itemsize

    nbytes = itemsize

    @property
    def T(self):
        return self

    @property
    def real(self):
        d = self._np_dtype
        if d.kind != "c":
            return self
        return from_native(C.real(self._v), T.F32 if d is T.C64 else T.F64)

    @property
    def imag(self):
        d = self._np_dtype
        if d.kind != "c":
            return from_native(C.zeros((), dtype=d.core), d)
        return from_native(C.imag(self._v), T.F32 if d is T.C64 else T.F64)

    def item(self, *args):
        if args and args not in ((0,), (-1,), ((),), ((0,),)):
            raise IndexError("index out of bounds for a scalar")
        return C.to_numpy(self._v).reshape(()).item()

    def tolist(self):
        return self.item()

    def conjugate(self):
        return self.conj()

    def __array__(self, dtype=None, copy=None):
        out = C.to_numpy(self._v).reshape(())
        return out if dtype is None else out.astype(dtype)

    def __array_namespace__(self, *, api_version=None):
        import unify.frontends.numpy as np

        return np

    def _as_array(self):
        from ._ndarray import wrap

        return wrap(self._v, self._np_dtype)

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        from ._ndarray import ndarray

        if not hasattr(ndarray, name):
            raise AttributeError(f"'numpy.{type(self).__name__}' object has no attribute {name!r}")
        attr = getattr(self._as_array(), name)
        if not callable(attr):
            return _unwrap0d(attr)

        def method(*args, **kwargs):
            return _unwrap0d(attr(*args, **kwargs))

        return method

    # ------------------------------------------------------------ Python protocols
    def __bool__(self) -> bool:
        return builtins.bool(self.item())

    def __int__(self) -> int:
        return builtins.int(self.item())

    def __float__(self) -> float:
        v = self.item()
        if isinstance(v, builtins.complex):
            raise TypeError("can't convert complex to float")
        return builtins.float(v)

    def __complex__(self) -> complex:
        return builtins.complex(self.item())

    def __hash__(self) -> int:
        return hash(self.item())

    def __repr__(self) -> str:
        from ._format import scalar_repr

        return scalar_repr(self)

    def __str__(self) -> str:
        from ._format import scalar_str

        return scalar_str(self)

    def __format__(self, spec):
        return format(self.item(), spec)

    def __reduce__(self):
        return (make, (self._np_dtype.name, self.item()))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __len__(self):
        raise TypeError(f"object of type 'numpy.{type(self).__name__}' has no len()")

    def __getitem__(self, key):
        return self._as_array()[key]


def _unwrap0d(x):
    """A 0-d ndarray result of a scalar's method becomes a scalar (NumPy's scalar methods)."""
    from ._ndarray import ndarray

    if type(x) is ndarray and x.ndim == 0:
        return from_native(x._value(), x.dtype)
    return x


class number(generic):
    __slots__ = ()


class integer(number):
    __slots__ = ()

    def __index__(self) -> int:
        return builtins.int(self.item())

    def is_integer(self) -> bool:
        return True

    numerator = property(lambda self: self)
    denominator = property(lambda self: 1)

    def bit_count(self) -> int:
        return builtins.abs(builtins.int(self)).bit_count()


class signedinteger(integer):
    __slots__ = ()


class unsignedinteger(integer):
    __slots__ = ()


class inexact(number):
    __slots__ = ()


class floating(inexact):
    __slots__ = ()

    def is_integer(self) -> bool:
        return builtins.float(self).is_integer()

    def as_integer_ratio(self):
        return builtins.float(self).as_integer_ratio()


class complexfloating(inexact):
    __slots__ = ()


class flexible(generic):
    __slots__ = ()


class character(flexible):
    __slots__ = ()


def _concrete(name, bases, d, qualname=None):
    cls = type(name, bases, {"__slots__": ("_v",), "_np_dtype": d,
                             "__module__": "numpy"})
    d.type = cls
    return cls


bool_ = _concrete("bool", (generic,), T.BOOL)
int8 = _concrete("int8", (signedinteger,), T.I8)
int16 = _concrete("int16", (signedinteger,), T.I16)
int32 = _concrete("int32", (signedinteger,), T.I32)
int64 = _concrete("int64", (signedinteger,), T.I64)
uint8 = _concrete("uint8", (unsignedinteger,), T.U8)
uint16 = _concrete("uint16", (unsignedinteger,), T.U16)
uint32 = _concrete("uint32", (unsignedinteger,), T.U32)
uint64 = _concrete("uint64", (unsignedinteger,), T.U64)
float16 = _concrete("float16", (floating,), T.F16)
float32 = _concrete("float32", (floating,), T.F32)
float64 = _concrete("float64", (floating, builtins.float), T.F64)
complex64 = _concrete("complex64", (complexfloating,), T.C64)
complex128 = _concrete("complex128", (complexfloating, builtins.complex), T.C128)

float64.__hash__ = builtins.float.__hash__
complex128.__hash__ = builtins.complex.__hash__

ALL_TYPES = (bool_, int8, int16, int32, int64, uint8, uint16, uint32, uint64, float16, float32,
             float64, complex64, complex128)
ABSTRACT = (generic, number, integer, signedinteger, unsignedinteger, inexact, floating,
            complexfloating, flexible, character)


bool_.__index__ = None  # NumPy 2: np.bool_ is not an index


# ------------------------------------------------------------------ construction

_float_new = builtins.float.__new__


def from_native(v, d):
    """A scalar of dtype d (a `_dtypes.dtype`) over a native 0-d value of that dtype."""
    cls = d.type
    if cls is float64:
        try:
            s = _float_new(float64, v)
        except (TypeError, ValueError):
            s = _float_new(float64, _to_float(v))
    elif cls is complex128:
        s = builtins.complex.__new__(complex128, _to_complex(v))
    else:
        s = _new(cls)
    s._v = v
    return s


def _to_float(v) -> float:
    try:
        return builtins.float(v)
    except (TypeError, ValueError):
        return builtins.float(C.to_numpy(v).reshape(()).item())


def _to_complex(v) -> complex:
    try:
        return builtins.complex(v)
    except (TypeError, ValueError):
        return builtins.complex(C.to_numpy(v).reshape(()).item())


def make(d, value):
    """`np.<type>(value)`: a scalar, or an array when value is a sequence/array."""
    if isinstance(d, str):
        d = T.BY_NAME[d]
    from ._ndarray import ndarray, operand

    if isinstance(value, str):
        value = _parse(value, d)
    if isinstance(value, (list, tuple)) or (isinstance(value, ndarray) and value.ndim):
        from ._creation import array

        return array(value, dtype=d)
    if d is T.BOOL and not isinstance(value, (generic, ndarray, builtins.bool, builtins.int,
                                                builtins.float, builtins.complex)):
        value = builtins.bool(value)
    t = type(value)
    if t is builtins.int and d.kind in "iu":
        T.check_int_fits(value, d)
    if t in (builtins.int, builtins.float, builtins.bool, builtins.complex):
        if d.kind in "iub" and t in (builtins.float, builtins.complex):
            if t is builtins.complex:
                value = value.real
            v = C.astype(C.asarray(value, dtype=C.float64), d.core)
        else:
            v = C.asarray(value, dtype=d.core)
        return from_native(v, d)
    v, src = operand(value)
    if src is not d:
        v = C.astype(v, d.core)
    if C.shape(v):
        from ._ndarray import wrap

        return wrap(v, d)
    return from_native(v, d)


def _parse(s: str, d):
    s = s.strip()
    try:
        if d.kind in "iu":
            return builtins.int(s)
        if d.kind == "c":
            return builtins.complex(s)
        if d.kind == "b":
            return builtins.bool(s)
        return builtins.float(s)
    except ValueError:
        raise ValueError(f"could not convert string to {d.name}: {s!r}") from None


