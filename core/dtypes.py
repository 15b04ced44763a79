"""Canonical dtypes and the core's promotion lattice.

A `DType` is a singleton (`unify.core.float32` ...). Backends map each one to
their native dtype with a dict built at import. Promotion follows the Array API
standard's table within a kind (bool, signed, unsigned, real float, complex);
mixed-kind promotion between integers and floats is left to the frontends,
which cast explicitly (each framework has its own rule).
"""
from __future__ import annotations

import builtins


class DType:
    """One canonical dtype. Compared by identity; hashable; cheap to pass."""

    __slots__ = ("name", "kind", "bits", "index")

    def __init__(self, name: str, kind: str, bits: int, index: int):
        self.name = name
        self.kind = kind  # 'b' bool, 'i' signed, 'u' unsigned, 'f' float, 'c' complex
        self.bits = bits
        self.index = index

    @property
    def itemsize(self) -> int:
        return max(1, self.bits // 8)

    def __repr__(self) -> str:
        return f"unify.{self.name}"

    def __reduce__(self):
        return (_by_name, (self.name,))


_SPECS = [
    ("bool", "b", 8), ("int8", "i", 8), ("int16", "i", 16), ("int32", "i", 32),
    ("int64", "i", 64), ("uint8", "u", 8), ("uint16", "u", 16), ("uint32", "u", 32),
    ("uint64", "u", 64), ("float16", "f", 16), ("bfloat16", "f", 16),
    ("float32", "f", 32), ("float64", "f", 64), ("complex64", "c", 64),
    ("complex128", "c", 128),
]
ALL: tuple[DType, ...] = tuple(DType(n, k, b, i) for i, (n, k, b) in enumerate(_SPECS))
BY_NAME: dict[str, DType] = {d.name: d for d in ALL}

(bool, int8, int16, int32, int64, uint8, uint16, uint32, uint64, float16, bfloat16,
 float32, float64, complex64, complex128) = ALL


def _by_name(name: str) -> DType:
    return BY_NAME[name]


SIGNED = (int8, int16, int32, int64)
UNSIGNED = (uint8, uint16, uint32, uint64)
INTEGER = SIGNED + UNSIGNED
REAL_FLOAT = (float16, bfloat16, float32, float64)
COMPLEX = (complex64, complex128)
FLOATING = REAL_FLOAT + COMPLEX
NUMERIC = INTEGER + FLOATING
REAL = INTEGER + REAL_FLOAT

_KIND_GROUPS = {
    "bool": (bool,),
    "signed integer": SIGNED,
    "unsigned integer": UNSIGNED,
    "integral": INTEGER,
    "real floating": REAL_FLOAT,
    "complex floating": COMPLEX,
    "numeric": NUMERIC,
}


def _build_promotion() -> dict[tuple[DType, DType], DType]:
    table: dict[tuple[DType, DType], DType] = {}

    def put(a: DType, b: DType, r: DType) -> None:
        table[a, b] = r
        table[b, a] = r

    for d in ALL:
        put(d, d, d)
        if d is not bool:
            put(bool, d, d)  # bool joins any numeric dtype
    for group in (SIGNED, UNSIGNED, (float16, float32, float64), (complex64, complex128)):
        for i, a in enumerate(group):
            for b in group[i:]:
                put(a, b, b)
    for u, i_ in ((uint8, int16), (uint16, int32), (uint32, int64)):
        for s in SIGNED:
            put(u, s, s if s.bits > u.bits else i_)
    for f, c in ((float32, complex64), (float64, complex128)):
        put(f, complex64, complex64 if f is float32 else complex128)
        put(f, complex128, complex128)
    put(float16, complex64, complex64)
    put(float16, complex128, complex128)
    put(bfloat16, float32, float32)
    put(bfloat16, float64, float64)
    put(bfloat16, complex64, complex64)
    put(bfloat16, complex128, complex128)
    put(bfloat16, float16, float32)
    return table


PROMOTION = _build_promotion()


def promote_types(a: DType, b: DType) -> DType:
    """The Array API promotion of two dtypes (plus bool, bfloat16 and float16 rows).

    Raises TypeError for pairs the core leaves to the frontends (int with float,
    uint64 with a signed int).
    """
    try:
        return PROMOTION[a, b]
    except KeyError:
        raise TypeError(f"no canonical promotion for {a!r} and {b!r}; cast explicitly") from None


def isdtype(dtype: DType, kind) -> builtins.bool:
    """Array API isdtype: `kind` is a dtype, a kind name, or a tuple of those."""
    if isinstance(kind, tuple):
        return any(isdtype(dtype, k) for k in kind)
    if isinstance(kind, DType):
        return dtype is kind
    try:
        return dtype in _KIND_GROUPS[kind]
    except KeyError:
        raise ValueError(f"unknown dtype kind {kind!r}; one of {sorted(_KIND_GROUPS)}") from None


def can_cast(from_: DType, to: DType) -> builtins.bool:
    """True when promotion of `from_` and `to` gives `to` (safe casting)."""
    if from_ is to:
        return True
    r = PROMOTION.get((from_, to))
    if r is to:
        return True
    # Safe casts across kinds: bool to anything, ints to a float/complex wide enough.
    if from_ is bool:
        return True
    if from_.kind in "iu" and to.kind in "fc":
        # NumPy's safe casts: 8-bit ints fit float16, 16-bit float32, wider ones float64
        smallest = {8: float16, 16: float32, 32: float64, 64: float64}[from_.bits]
        return PROMOTION.get((smallest, to)) is to
    return False


class finfo_object:
    __slots__ = ("bits", "eps", "max", "min", "smallest_normal", "dtype", "resolution", "tiny")

    def __init__(self, dtype: DType, bits, eps, max_, min_, tiny, resolution):
        self.dtype, self.bits, self.eps, self.max, self.min = dtype, bits, eps, max_, min_
        self.smallest_normal = self.tiny = tiny
        self.resolution = resolution

    def __repr__(self) -> str:
        return f"finfo(dtype={self.dtype.name}, bits={self.bits}, eps={self.eps}, max={self.max})"


class iinfo_object:
    __slots__ = ("bits", "max", "min", "dtype")

    def __init__(self, dtype: DType):
        self.dtype, self.bits = dtype, dtype.bits
        if dtype.kind == "u":
            self.min, self.max = 0, 2 ** dtype.bits - 1
        else:
            self.min, self.max = -(2 ** (dtype.bits - 1)), 2 ** (dtype.bits - 1) - 1

    def __repr__(self) -> str:
        return f"iinfo(dtype={self.dtype.name}, min={self.min}, max={self.max})"


_FINFO = {
    float16: (16, 2.0 ** -10, 65504.0, 2.0 ** -14, 1e-3),
    bfloat16: (16, 2.0 ** -7, 3.3895313892515355e38, 2.0 ** -126, 1e-2),
    float32: (32, 2.0 ** -23, 3.4028234663852886e38, 2.0 ** -126, 1e-6),
    float64: (64, 2.0 ** -52, 1.7976931348623157e308, 2.0 ** -1022, 1e-15),
}
_FINFO[complex64] = _FINFO[float32]
_FINFO[complex128] = _FINFO[float64]


def finfo(dtype: DType) -> finfo_object:
    """Machine limits of a floating dtype (complex gives its real part's)."""
    try:
        bits, eps, mx, tiny, res = _FINFO[dtype]
    except KeyError:
        raise TypeError(f"finfo needs a floating dtype, got {dtype!r}") from None
    return finfo_object(dtype, bits, eps, mx, -mx, tiny, res)


def iinfo(dtype: DType) -> iinfo_object:
    """Machine limits of an integer dtype."""
    if dtype.kind not in "iu":
        raise TypeError(f"iinfo needs an integer dtype, got {dtype!r}")
    return iinfo_object(dtype)


def real_dtype(dtype: DType) -> DType:
    """complex64 -> float32, complex128 -> float64; others unchanged."""
    return float32 if dtype is complex64 else float64 if dtype is complex128 else dtype


def complex_dtype(dtype: DType) -> DType:
    """float32 (and narrower) -> complex64, float64 -> complex128."""
    return complex128 if dtype in (float64, complex128) else complex64


def scalar_kind_dtype(value, like: DType) -> DType:
    """The dtype a weak Python scalar takes next to an array of dtype `like`."""
    t = type(value)
    if t is builtins.bool:
        return like
    if t is int:
        return like if like.kind in "iufc" else int64
    if t is float:
        return like if like.kind in "fc" else float64
    if t is complex:
        return like if like.kind == "c" else complex_dtype(like) if like.kind == "f" else complex128
    raise TypeError(f"not a Python scalar: {value!r}")
