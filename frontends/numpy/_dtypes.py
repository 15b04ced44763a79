"""NumPy's dtypes and scalar types, and NumPy 2 (NEP 50) promotion, over the core's dtypes.

What the other numpy-frontend modules may rely on:

- `dtype` objects are singletons, one per core DType (`DTYPES[core_dtype]`, `.core`), so they
  compare by identity on hot paths; `float64`, `int64`, ... here are the *dtype* objects
  (`F64`, `I64`, `BOOL` ... are short names); the scalar *types* (`np.float64` the class) live
  in `_scalars.py` and `dtype.type` points at them.
- `as_dtype(obj)` turns anything NumPy accepts as a dtype (dtype, scalar type, Python type,
  string such as 'f4' / 'float32' / 'int', core DType, real-numpy dtype, None -> float64) into
  a `dtype`, raising TypeError like NumPy for unknown ones.
- `promote(a, b)`: NumPy's promotion of two dtypes (TypeError never: every pair promotes).
- `weak(value, d)`: the dtype a Python scalar takes next to an array of dtype `d` (NEP 50),
  raising OverflowError for a Python int that does not fit an integer `d`.
- `scalar_dtype(value)`: the dtype NumPy gives a lone Python scalar (int -> int64, float ->
  float64, complex -> complex128, bool -> bool; ints beyond int64 -> uint64).
- `can_cast_dtype(src, dst, casting)`: NumPy's casting rules between dtypes.
"""
from __future__ import annotations

import builtins

from ...core import dtypes as D

_bool, _int, _float, _complex = builtins.bool, builtins.int, builtins.float, builtins.complex


class dtype:
    """numpy.dtype for the numeric dtypes (no structured, string, object or datetime dtypes)."""

    __slots__ = ("core", "name", "kind", "char", "num", "itemsize", "str", "type", "_order",
                 "__weakref__")

    def __new__(cls, obj=None, align=False, copy=False, metadata=None):
        return as_dtype(obj)

    @classmethod
    def _make(cls, core, char, num):
        d = object.__new__(cls)
        d.core = core
        d.name = core.name
        d.kind = core.kind
        d.char = char
        d.num = num
        d.itemsize = core.itemsize
        d.str = ("|" if d.itemsize == 1 else "<") + core.kind + str(d.itemsize)
        d.type = None  # set by _scalars
        d._order = None
        return d

    # --------------------------------------------------------------- NumPy attributes
    alignment = property(lambda self: self.itemsize)
    byteorder = property(lambda self: "|" if self.itemsize == 1 else "=")
    isbuiltin = 1
    isnative = True
    isalignedstruct = False
    hasobject = False
    names = None
    fields = None
    subdtype = None
    metadata = None
    shape = ()
    ndim = 0
    flags = 0
    base = property(lambda self: self)
    descr = property(lambda self: [("", self.str)])

    def newbyteorder(self, new_order="S"):
        if new_order in ("=", "|", "<", "N", "n", "little", "native"):
            return self
        raise TypeError("non-native byte orders are not supported by unify's numpy frontend")

    def __repr__(self) -> str:
        return f"dtype('{self.name}')"

    def __str__(self) -> str:
        return self.name

    def __eq__(self, other):
        if other is self:
            return True
        if isinstance(other, dtype):
            return False
        try:
            return as_dtype(other) is self
        except (TypeError, ValueError):
            return False

    def __ne__(self, other):
        return not self.__eq__(other)

    __hash__ = object.__hash__  # singletons: identity hash keeps dict lookups on hot paths fast

    def __lt__(self, other):
        o = as_dtype(other)
        return o is not self and can_cast_dtype(self, o, "safe")

    def __le__(self, other):
        return can_cast_dtype(self, as_dtype(other), "safe")

    def __gt__(self, other):
        return as_dtype(other).__lt__(self)

    def __ge__(self, other):
        return as_dtype(other).__le__(self)

    def __reduce__(self):
        return (_by_name, (self.name,))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


def _by_name(name):
    return BY_NAME[name]


# char, NumPy's type number (on 64-bit Linux), for each core dtype (bfloat16 is not NumPy's)
_INFO = (
    (D.bool, "?", 0), (D.int8, "b", 1), (D.uint8, "B", 2), (D.int16, "h", 3), (D.uint16, "H", 4),
    (D.int32, "i", 5), (D.uint32, "I", 6), (D.int64, "l", 7), (D.uint64, "L", 8),
    (D.float16, "e", 23), (D.float32, "f", 11), (D.float64, "d", 12), (D.complex64, "F", 14),
    (D.complex128, "D", 15),
)
DTYPES: dict = {c: dtype._make(c, ch, num) for c, ch, num in _INFO}
ALL = tuple(DTYPES.values())
BY_NAME = {d.name: d for d in ALL}
BY_CHAR = {d.char: d for d in ALL}
(BOOL, I8, U8, I16, U16, I32, U32, I64, U64, F16, F32, F64, C64, C128) = ALL
for _i, _d in enumerate(ALL):
    _d._order = _i

bool_ = BOOL
int8, uint8, int16, uint16, int32, uint32, int64, uint64 = I8, U8, I16, U16, I32, U32, I64, U64
float16, float32, float64, complex64, complex128 = F16, F32, F64, C64, C128

SIGNED = (I8, I16, I32, I64)
UNSIGNED = (U8, U16, U32, U64)
INTEGER = SIGNED + UNSIGNED
FLOATING = (F16, F32, F64)
COMPLEX = (C64, C128)

# strings NumPy accepts for these dtypes
_STRINGS = {
    "bool": BOOL, "?": BOOL, "b1": BOOL, "bool8": None,
    "int8": I8, "i1": I8, "b": I8, "byte": I8,
    "uint8": U8, "u1": U8, "B": U8, "ubyte": U8,
    "int16": I16, "i2": I16, "h": I16, "short": I16,
    "uint16": U16, "u2": U16, "H": U16, "ushort": U16,
    "int32": I32, "i4": I32, "i": I32, "intc": I32,
    "uint32": U32, "u4": U32, "I": U32, "uintc": U32,
    "int64": I64, "i8": I64, "l": I64, "q": I64, "int": I64, "int_": I64, "intp": I64, "p": I64,
    "long": I64, "longlong": I64,
    "uint64": U64, "u8": U64, "L": U64, "Q": U64, "uint": U64, "uintp": U64, "P": U64,
    "ulong": U64, "ulonglong": U64,
    "float16": F16, "f2": F16, "e": F16, "half": F16,
    "float32": F32, "f4": F32, "f": F32, "single": F32,
    "float64": F64, "f8": F64, "d": F64, "float": F64, "double": F64, "float_": None,
    "complex64": C64, "c8": C64, "F": C64, "csingle": C64,
    "complex128": C128, "c16": C128, "D": C128, "complex": C128, "cdouble": C128,
}
_PY_TYPES = {_bool: BOOL, _int: I64, _float: F64, _complex: C128}


def _from_string(s: str):
    key = s
    if len(s) > 1 and s[0] in "<>=|":
        if s[0] == ">" and s[1:] not in ("b1", "i1", "u1", "?", "b", "B"):
            raise TypeError(f"data type {s!r} (big-endian) is not supported by unify's numpy "
                            "frontend")
        key = s[1:]
    d = _STRINGS.get(key)
    if d is None:
        if key in ("float_", "bool8", "complex_", "unicode_", "string_"):
            raise TypeError(f"data type {s!r} not understood")
        if key and key[0] in "OSUVMmag" or key in ("str", "object", "bytes", "longdouble",
                                                     "clongdouble", "g", "G", "float128",
                                                     "complex256", "datetime64", "timedelta64"):
            raise TypeError(f"data type {s!r} is not supported by unify's numpy frontend "
                            "(numeric dtypes only)")
        raise TypeError(f"data type {s!r} not understood")
    return d


def as_dtype(obj) -> dtype:
    """Anything NumPy accepts as a numeric dtype -> our dtype singleton."""
    if type(obj) is dtype:
        return obj
    if obj is None:
        return F64
    d = _PY_TYPES.get(obj) if isinstance(obj, type) else None
    if d is not None:
        return d
    if isinstance(obj, type):
        d = getattr(obj, "_np_dtype", None)
        if d is not None:
            return d
        if obj.__module__ == "numpy" or obj.__module__.startswith("numpy."):
            return _from_string(obj.__name__.rstrip("_") if obj.__name__ != "bool_" else "bool")
        raise TypeError(f"Cannot interpret '{obj!r}' as a data type")
    if isinstance(obj, str):
        return _from_string(obj)
    if isinstance(obj, D.DType):
        try:
            return DTYPES[obj]
        except KeyError:
            raise TypeError(f"{obj.name} is not a NumPy dtype") from None
    name = getattr(obj, "name", None)  # a real numpy dtype
    if isinstance(name, str) and hasattr(obj, "kind"):
        return _from_string(name)
    dt = getattr(obj, "dtype", None)  # an array
    if dt is not None and not isinstance(obj, type):
        return as_dtype(dt)
    raise TypeError(f"Cannot interpret '{obj!r}' as a data type")


# ------------------------------------------------------------------ promotion (NumPy 2)

def _smallest_float(d):
    return {8: F16, 16: F32, 32: F64, 64: F64}[d.core.bits]


def _smallest_complex(d):
    return {8: C64, 16: C64, 32: C128, 64: C128}[d.core.bits]


def _promote_slow(a: dtype, b: dtype) -> dtype:
    if a is b:
        return a
    ka, kb = a.kind, b.kind
    if ka == "b":
        return b
    if kb == "b":
        return a
    if ka in "iu" and kb in "iu":
        if ka == kb:
            return a if a.itemsize >= b.itemsize else b
        s, u = (a, b) if ka == "i" else (b, a)
        if s.itemsize > u.itemsize:
            return s
        return {1: I16, 2: I32, 4: I64, 8: F64}[u.itemsize]
    if ka in "iu":
        a, b, ka, kb = b, a, kb, ka
    # a is inexact now
    if kb in "iu":
        b = _smallest_float(b) if ka == "f" else _smallest_complex(b)
        kb = b.kind
    if ka == kb:
        return a if a.itemsize >= b.itemsize else b
    f, c = (a, b) if ka == "f" else (b, a)
    return c if c.itemsize >= 2 * f.itemsize else C128


PROMOTE = {(a, b): _promote_slow(a, b) for a in ALL for b in ALL}


def promote(a: dtype, b: dtype) -> dtype:
    return PROMOTE[a, b]


_KIND_RANK = {"b": 0, "u": 1, "i": 1, "f": 2, "c": 3}


def _safe(a: dtype, b: dtype) -> bool:
    return PROMOTE[a, b] is b


def _same_kind(a: dtype, b: dtype) -> bool:
    if _safe(a, b):
        return True
    ra, rb = _KIND_RANK[a.kind], _KIND_RANK[b.kind]
    if ra != rb:
        return ra < rb
    if a.kind == "i" and b.kind == "u":
        return False
    return True


SAFE = {(a, b): _safe(a, b) for a in ALL for b in ALL}
SAME_KIND = {(a, b): _same_kind(a, b) for a in ALL for b in ALL}
_CASTINGS = ("no", "equiv", "safe", "same_kind", "unsafe")


def can_cast_dtype(src: dtype, dst: dtype, casting: str = "safe") -> bool:
    if casting == "safe":
        return SAFE[src, dst]
    if casting == "same_kind":
        return SAME_KIND[src, dst]
    if casting == "unsafe":
        return True
    if casting in ("no", "equiv"):
        return src is dst
    raise ValueError(f"casting must be one of 'no', 'equiv', 'safe', 'same_kind', or 'unsafe' "
                     f"(got {casting!r})")


# ------------------------------------------------------------------ Python scalars (NEP 50)

_I64_MIN, _I64_MAX, _U64_MAX = -(2 ** 63), 2 ** 63 - 1, 2 ** 64 - 1
_INT_RANGE = {d: ((0, 2 ** (8 * d.itemsize) - 1) if d.kind == "u" else
                  (-(2 ** (8 * d.itemsize - 1)), 2 ** (8 * d.itemsize - 1) - 1)) for d in INTEGER}


def scalar_dtype(value) -> dtype:
    """The dtype of a lone Python scalar in NumPy (np.asarray(value).dtype)."""
    t = type(value)
    if t is _float:
        return F64
    if t is _int:
        if _I64_MIN <= value <= _I64_MAX:
            return I64
        if 0 <= value <= _U64_MAX:
            return U64
        raise OverflowError(f"Python int too large to convert to C long")
    if t is _bool:
        return BOOL
    if t is _complex:
        return C128
    if isinstance(value, _bool):
        return BOOL
    if isinstance(value, _int):
        return scalar_dtype(_int(value))
    if isinstance(value, _float):
        return F64
    if isinstance(value, _complex):
        return C128
    raise TypeError(f"not a Python scalar: {value!r}")


def int_fits(value: int, d: dtype) -> bool:
    lo, hi = _INT_RANGE[d]
    return lo <= value <= hi


def check_int_fits(value: int, d: dtype) -> None:
    lo, hi = _INT_RANGE[d]
    if not lo <= value <= hi:
        raise OverflowError(f"Python integer {value} out of bounds for {d.name}")


def weak(value, d: dtype, check: bool = True) -> dtype:
    """The dtype of a weak Python scalar next to an array of dtype `d` (NEP 50); with `check`,
    a Python int out of an integer `d`'s range raises OverflowError (NumPy's conversion)."""
    t = type(value)
    k = d.kind
    if t is _int or (isinstance(value, _int) and t is not _bool):
        if k in "iu":
            if check:
                check_int_fits(value, d)
            return d
        if k in "fc":
            return d
        if check:
            check_int_fits(value, I64)
        return I64
    if t is _float or (isinstance(value, _float)):
        return d if k in "fc" else F64
    if t is _bool:
        return d
    if t is _complex or isinstance(value, _complex):
        if k == "c":
            return d
        if k == "f":
            return C64 if d.itemsize <= 4 else C128
        return C128
    raise TypeError(f"not a Python scalar: {value!r}")


def weak_kind_dtype(values) -> dtype:
    """result_type of Python scalars alone (no array): the default dtype of the widest kind."""
    rank = 0
    for v in values:
        t = type(v)
        r = 3 if isinstance(v, _complex) else 2 if isinstance(v, _float) else \
            0 if isinstance(v, _bool) else 1
        rank = max(rank, r)
    return (BOOL, I64, F64, C128)[rank]


# ------------------------------------------------------------------ finfo / iinfo

class finfo:
    """numpy.finfo (its float attributes are NumPy scalars of the dtype, as in NumPy)."""

    _cache: dict = {}

    def __new__(cls, dtype_or_value):
        d = _info_dtype(dtype_or_value)
        if d.kind == "c":
            d = F32 if d is C64 else F64
        if d.kind != "f":
            raise ValueError(f"data type {d.type!r} not inexact")
        try:
            return cls._cache[d]
        except KeyError:
            pass
        self = object.__new__(cls)
        bits, nmant, nexp, maxexp, minexp, precision = {
            F16: (16, 10, 5, 16, -14, 3), F32: (32, 23, 8, 128, -126, 6),
            F64: (64, 52, 11, 1024, -1022, 15)}[d]
        T = d.type
        self.dtype = d
        self.bits = bits
        self.nmant, self.nexp, self.maxexp, self.minexp = nmant, nexp, maxexp, minexp
        self.iexp = nexp
        self.machep = -nmant
        self.negep = -nmant - 1
        self.precision = precision
        self.eps = T(2.0 ** -nmant)
        self.epsneg = T(2.0 ** (-nmant - 1))
        mx = (2.0 - 2.0 ** -nmant) * 2.0 ** (maxexp - 1)
        self.max = T(mx)
        self.min = T(-mx)
        self.tiny = self.smallest_normal = T(2.0 ** minexp)
        self.smallest_subnormal = T(2.0 ** (minexp - nmant))
        self.resolution = T(10.0 ** -precision)
        cls._cache[d] = self
        return self

    def __repr__(self) -> str:
        return (f"finfo(resolution={self.resolution.item()}, min={self.min.item():.7e}, "
                f"max={self.max.item():.7e}, dtype={self.dtype.name})")


class iinfo:
    """numpy.iinfo."""

    def __init__(self, int_type):
        d = _info_dtype(int_type)
        if d.kind not in "iu":
            raise ValueError(f"Invalid integer data type {d.kind!r}.")
        self.dtype = d
        self.kind = d.kind
        self.bits = d.itemsize * 8
        self.min, self.max = _INT_RANGE[d]

    def __repr__(self) -> str:
        return f"iinfo(min={self.min}, max={self.max}, dtype={self.dtype.name})"


def _info_dtype(obj) -> dtype:
    if isinstance(obj, (_int, _float, _complex)) and not isinstance(obj, type):
        if hasattr(obj, "dtype"):
            return as_dtype(obj.dtype)
        return scalar_dtype(obj)
    dt = getattr(obj, "dtype", None)
    if dt is not None and not isinstance(obj, type):
        return as_dtype(dt)
    return as_dtype(obj)
