"""torch dtypes (`torch.float32`, ...), the default dtype, and torch's promotion rules.

Each `torch.dtype` wraps one canonical core DType. Promotion follows torch: categories
bool < integer < floating < complex; among tensors of one category the widest wins; 0-d
tensors and Python scalars only raise the category (`int32 tensor + 2.5 -> float32` with the
default dtype, `float16 tensor + float64 0-d tensor -> float16`).
"""
from __future__ import annotations

import builtins

from ...core import dtypes as D


class dtype:
    """A torch dtype. Compared by identity, like torch's."""

    __slots__ = ("core", "_name", "is_floating_point", "is_complex", "is_signed", "itemsize")

    def __init__(self, core: D.DType, name: str):
        self.core = core
        self._name = name
        self.is_floating_point = core.kind == "f"
        self.is_complex = core.kind == "c"
        self.is_signed = core.kind in "ifc"
        self.itemsize = core.itemsize

    def __repr__(self) -> str:
        return f"torch.{self._name}"

    def to_complex(self) -> "dtype":
        return FROM_CORE[D.complex_dtype(self.core)]

    def to_real(self) -> "dtype":
        return FROM_CORE[D.real_dtype(self.core)] if self.is_complex else self

    def __reduce__(self):
        return (_by_name, (self._name,))


def _by_name(name: str) -> dtype:
    return globals()[name]


bool = dtype(D.bool, "bool")  # noqa: A001
uint8 = dtype(D.uint8, "uint8")
uint16 = dtype(D.uint16, "uint16")
uint32 = dtype(D.uint32, "uint32")
uint64 = dtype(D.uint64, "uint64")
int8 = dtype(D.int8, "int8")
int16 = dtype(D.int16, "int16")
int32 = dtype(D.int32, "int32")
int64 = dtype(D.int64, "int64")
float16 = dtype(D.float16, "float16")
bfloat16 = dtype(D.bfloat16, "bfloat16")
float32 = dtype(D.float32, "float32")
float64 = dtype(D.float64, "float64")
complex64 = dtype(D.complex64, "complex64")
complex128 = dtype(D.complex128, "complex128")

ALL = (bool, uint8, uint16, uint32, uint64, int8, int16, int32, int64, float16, bfloat16,
       float32, float64, complex64, complex128)
FROM_CORE = {d.core: d for d in ALL}

# torch's aliases
ALIASES = {
    "half": float16, "float": float32, "double": float64, "cfloat": complex64,
    "cdouble": complex128, "short": int16, "int": int32, "long": int64, "float": float32,
    "complex32": None, "chalf": None,
}
half, double, cfloat, cdouble, short, long = float16, float64, complex64, complex128, int16, int64
float = float32  # noqa: A001
int = int32  # noqa: A001

_CATEGORY = {"b": 0, "i": 1, "u": 1, "f": 2, "c": 3}
_NARROW_U = (D.uint16, D.uint32, D.uint64)


class _Defaults:
    __slots__ = ("float", "complex")

    def __init__(self):
        self.float = float32
        self.complex = complex64


DEFAULT = _Defaults()


def get_default_dtype() -> dtype:
    return DEFAULT.float


def set_default_dtype(d) -> None:
    d = as_dtype(d)
    if d not in (float16, bfloat16, float32, float64):
        raise TypeError("only floating-point types are supported as the default type")
    DEFAULT.float = d
    DEFAULT.complex = complex128 if d is float64 else complex64


def as_dtype(d) -> dtype:
    """A torch dtype from a torch dtype, a core DType or a Python type (float/int/bool/complex)."""
    if type(d) is dtype:
        return d
    if isinstance(d, D.DType):
        return FROM_CORE[d]
    if d is builtins.float:
        return float64
    if d is builtins.int:
        return int64
    if d is builtins.bool:
        return bool
    if d is builtins.complex:
        return complex128
    raise TypeError(f"expected a torch.dtype, got {d!r}")


def promote_types(a, b) -> dtype:
    """torch.promote_types."""
    a, b = as_dtype(a).core, as_dtype(b).core
    return FROM_CORE[_promote(a, b)]


def _promote(a: D.DType, b: D.DType) -> D.DType:
    if a is b:
        return a
    if a in _NARROW_U or b in _NARROW_U:
        if a.kind == "f" or b.kind == "f":  # only a real floating side promotes
            return a if a.kind == "f" else b
        raise RuntimeError("Promotion for uint16, uint32, uint64 types is not supported, "
                           f"attempted to promote {FROM_CORE[a]} and {FROM_CORE[b]}")
    ka, kb = _CATEGORY[a.kind], _CATEGORY[b.kind]
    if ka != kb and ka >= 1 and kb >= 1:
        hi, lo = (a, b) if ka > kb else (b, a)
        if hi.kind == "c" and lo.kind == "f":
            return D.complex_dtype(lo) if lo.bits > D.real_dtype(hi).bits else hi
        return hi  # int with float -> the float; int/float with complex -> the complex
    return D.promote_types(a, b)


def _combine(higher: D.DType | None, lower: D.DType | None) -> D.DType | None:
    """torch's combine of a higher-priority result (dimensioned tensors) with a lower one."""
    if higher is None:
        return lower
    if lower is None:
        return higher
    if higher.kind == "c":
        return higher
    if lower.kind == "c":
        if higher.kind == "f":
            if higher is D.float16:
                raise TypeError("this promotion gives torch.complex32 (chalf), which unify's "
                                "torch frontend does not support; cast the float16 tensor first")
            return D.complex_dtype(higher)
        return lower
    if higher.kind == "f":
        return higher
    if higher.kind == "b" or lower.kind == "f":
        return _promote(higher, lower)
    return higher


def scalar_dtype(x) -> D.DType:
    """The dtype a Python scalar takes part in promotion with (torch's wrapped numbers)."""
    t = type(x)
    if t is builtins.bool:
        return D.bool
    if t is builtins.int:
        return D.int64
    if t is builtins.float:
        return DEFAULT.float.core
    if t is builtins.complex:
        return DEFAULT.complex.core
    raise TypeError(f"unsupported scalar type {t.__name__}")


def result_core(dims, zeros, scalars) -> D.DType:
    """Result dtype of dimensioned-tensor dtypes, 0-d tensor dtypes and Python scalars."""
    r = [None, None, None]
    for i, group in enumerate((dims, zeros)):
        for d in group:
            r[i] = d if r[i] is None else _promote(r[i], d)
    for s in scalars:
        d = scalar_dtype(s)
        r[2] = d if r[2] is None else _promote(r[2], d)
    return _combine(r[0], _combine(r[1], r[2]))


# ----------------------------------------------------------------- finfo / iinfo

class finfo:
    """torch.finfo."""

    def __init__(self, type=None):  # noqa: A002
        d = DEFAULT.float if type is None else as_dtype(type)
        if not (d.is_floating_point or d.is_complex):
            raise TypeError("torch.finfo() requires a floating point input type.")
        info = D.finfo(d.to_real().core)
        self.dtype = str(d.to_real()).split(".")[1]
        self.bits = info.bits
        self.eps = info.eps
        self.max = info.max
        self.min = info.min
        self.tiny = self.smallest_normal = info.smallest_normal
        self.resolution = getattr(info, "resolution", None)
        if self.resolution is None:
            import math

            self.resolution = 10.0 ** -builtins.int(-math.log10(info.eps))

    def __repr__(self) -> str:
        return (f"finfo(resolution={self.resolution:g}, min={self.min:g}, max={self.max:g}, "
                f"eps={self.eps:g}, smallest_normal={self.smallest_normal:g}, "
                f"tiny={self.tiny:g}, dtype={self.dtype})")


class iinfo:
    """torch.iinfo."""

    def __init__(self, type):  # noqa: A002
        d = as_dtype(type)
        if d.is_floating_point or d.is_complex:
            raise TypeError("torch.iinfo() requires an integer input type.")
        if d is bool:
            raise TypeError("torch.bool is not supported by torch.iinfo")
        info = D.iinfo(d.core)
        self.bits, self.max, self.min = info.bits, info.max, info.min
        self.dtype = str(d).split(".")[1]

    def __repr__(self) -> str:
        return f"iinfo(min={self.min}, max={self.max}, dtype={self.dtype})"


# torch's C++ scalar type names, as they appear in its error messages
SCALAR_NAME = {bool: "Bool", uint8: "Byte", int8: "Char", int16: "Short", int32: "Int",
               int64: "Long", float16: "Half", bfloat16: "BFloat16", float32: "Float",
               float64: "Double", complex64: "ComplexFloat", complex128: "ComplexDouble",
               uint16: "UInt16", uint32: "UInt32", uint64: "UInt64"}
