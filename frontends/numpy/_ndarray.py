"""numpy.ndarray on the current unify backend, and the conversions every numpy module uses.

What the other numpy-frontend modules may rely on:

- `ndarray._value()`: the native array (always read it this way; a view replays its chain).
  `x.dtype` is a `_dtypes.dtype` (singleton; `.core` is the core DType).
- `wrap(native, dt=None) -> ndarray`: a new base array over a native value (dt: its
  `_dtypes.dtype` when known, else computed on first use).
- `result(native, dt=None)`: what a NumPy function returns: an ndarray, or a NumPy scalar
  (`np.float64(...)`) when the native value is 0-d.
- `asnative(obj, dtype=None)`: ndarray / NumPy scalar / Python scalar / nested list / real
  numpy array -> native array, with NumPy's dtype inference (int -> int64, float -> float64,
  complex -> complex128, bool -> bool; lists promote their elements) or cast to `dtype`
  (anything `_dtypes.as_dtype` accepts).
- `operand(obj) -> (native, dtype)`: the same, also returning the dtype.
- `dtype_of(obj)`: NumPy's dtype of an array-like without converting it.
- `write_out(out, native, casting='same_kind')`: NumPy's `out=`: checks out is an ndarray of
  the result's shape and the cast is allowed, writes in place (every view sees it), returns
  out.
- `normalize_axis(axis, ndim)` / `normalize_axes(axis, ndim)`: raise `AxisError` like NumPy.
- Views and in-place writes: `x._write(native)`, `x._setitem(native_key, native_value)`,
  `x._view(step, value, readonly=False)` (core.mutable steps; see _views.py).

A base array (`_base is None`) owns `_v`; a view holds its root base and the chain of
core.mutable steps from it (`_chain`); `_v` caches its value while `_ver == _base._version`.
Logical strides are computed on demand by replaying the chain from the base's shape
(`_geometry()`), so making a view costs no stride arithmetic.
"""
from __future__ import annotations

import builtins
import math
import operator

from ... import core as C
from ...core import dispatch as _dispatch
from ...core import mutable as M
from ...core.autograd import Box
from . import _dtypes as T
from .exceptions import AxisError

_new = object.__new__
_state = _dispatch._s
_PY_SCALARS = (builtins.bool, builtins.int, builtins.float, builtins.complex)
_DTYPES = T.DTYPES


class ndarray:
    """numpy.ndarray on the current unify backend."""

    # hot attributes are slots; rarely-set ones are class defaults overridden per instance
    # (in __dict__), so making a base array is three stores
    __slots__ = ("_v", "_base", "_dt", "_chain", "_ver", "_cver", "__dict__", "__weakref__")
    _version = 0  # bases: times the native value was replaced (immutable backends)
    _geo = None  # cached (strides, offset) in elements, None = C-contiguous base
    _ro = False  # read-only
    _owner = None  # `base` of an array that wraps another array's memory
    _hv = False  # a base that views have been taken from

    __array_priority__ = 100.0
    __hash__ = None

    def __new__(cls, shape, dtype=float, buffer=None, offset=0, strides=None, order=None):
        if buffer is not None or strides is not None:
            raise TypeError("ndarray(buffer=..., strides=...) is not supported by unify's numpy "
                            "frontend; use np.frombuffer")
        from ._views import shape_arg

        d = T.as_dtype(dtype)
        return wrap(C.zeros(shape_arg(shape), dtype=d.core), d)

    # ------------------------------------------------------------ value, views, writes

    def _value(self):
        b = self._base
        if b is None:
            return self._v
        ver = self._ver
        if ver == b._version:
            return self._v
        if ver is None:  # first read of a view: does its native value share the base's memory?
            ip = _mutable(self._v, b._v)
            if ip is None:
                if self._cver == b._version:
                    self._ver = b._version
                    return self._v
            elif ip.shares(self._v, b._v):
                self._ver = b._version
                return self._v
            else:
                self._ver = -1  # a copy: replay the chain on each read
        v = M.read(b._v, self._chain)
        self._v = v
        if self._ver != -1:
            self._ver = b._version
        return v

    def _write(self, new) -> None:
        """Make this array's value `new` (a native array broadcastable to its shape; cast to
        its dtype), in place: every view of the same base sees it."""
        if self._ro:
            raise ValueError("assignment destination is read-only")
        v = self._value()  # also resolves whether a view shares memory (_ver)
        shape = C.shape(v)
        if C.shape(new) != shape:
            new = C.broadcast_to(new, shape)
        core = self.dtype.core
        if C.dtype_of(new) is not core:
            new = C.astype(new, core)
        b = self._base
        ip = _mutable(v, new) if b is None else _mutable(v, new, b._v)
        if ip is not None:
            if b is None or self._ver != -1:
                ip.copy_into(v, new)
                return
            ip.copy_into(b._v, M.write(b._v, self._chain, new))
            return
        if b is None:
            self._v = new
            self._version += 1
            return
        b._v = M.write(b._v, self._chain, new)
        b._version += 1
        self._v = new
        self._ver = b._version

    def _setitem(self, key, value) -> None:
        """self[key] = value with a native key and a native value of self's dtype."""
        if self._ro:
            raise ValueError("assignment destination is read-only")
        v = self._value()
        ip = _mutable(v, value)
        if ip is not None and (self._base is None or self._ver != -1):
            try:
                ip.setitem(v, key, value)
                return
            except (ValueError, TypeError, RuntimeError):
                pass  # a key the native setitem refuses (torch: negative steps): functional
        self._write(C.index_update(self._value(), key, value))

    def _view(self, step, value, readonly=False):
        """A view of self: `step` applied to self's value gives `value`."""
        t = _new(ndarray)
        base = self._base
        if base is None:
            base, chain = self, (step,)
            if not self._hv:
                self._hv = True
        else:
            chain = self._chain + (step,)
        t._v = value
        t._base = base
        t._chain = chain
        t._dt = self._dt
        if readonly or self._ro:
            t._ro = True
        # whether the native value shares the base's memory is checked on first use
        t._ver = None
        t._cver = base._version
        return t

    def _geometry(self):
        """(strides in elements, offset in elements) of this array within its base."""
        g = self._geo
        if g is not None:
            return g
        b = self._base
        if b is None:
            return M.contiguous_strides(C.shape(self._v)), 0
        from ._views import replay_geometry

        g = self._geo = replay_geometry(C.shape(b._v), self._chain)
        return g

    # ------------------------------------------------------------ properties

    @property
    def dtype(self):
        d = self._dt
        if d is None:
            d = self._dt = _DTYPES[C.dtype_of(self._value())]
        return d

    @dtype.setter
    def dtype(self, value):
        raise AttributeError("setting an array's dtype is not supported; use .view(dtype)")

    @property
    def shape(self) -> tuple:
        return tuple(C.shape(self._value()))

    @shape.setter
    def shape(self, value):
        from ._views import set_shape

        set_shape(self, value)

    @property
    def ndim(self) -> int:
        return len(C.shape(self._value()))

    @property
    def size(self) -> int:
        return math.prod(C.shape(self._value()))

    @property
    def itemsize(self) -> int:
        return self.dtype.itemsize

    @property
    def nbytes(self) -> int:
        return self.size * self.dtype.itemsize

    @property
    def strides(self) -> tuple:
        n = self.dtype.itemsize
        return tuple(s * n for s in self._geometry()[0])

    @property
    def base(self):
        b = self._base
        if b is None:
            return self._owner
        return b

    @property
    def flags(self):
        return _Flags(self)

    @property
    def data(self):
        return memoryview(self.__array__())

    @property
    def device(self):
        return "cpu"

    def to_device(self, device, /, *, stream=None):
        if device != "cpu":
            raise ValueError(f"unsupported device {device!r}")
        return self

    # ------------------------------------------------------------ conversion

    def item(self, *args):
        v = self._value()
        if args:
            if len(args) == 1 and isinstance(args[0], tuple):
                args = args[0]
            if len(args) == 1:
                i = operator.index(args[0])
                n = math.prod(C.shape(v))
                if not -n <= i < n:
                    raise IndexError(f"index {i} is out of bounds for size {n}")
                v = C.reshape(v, (-1,))
                return C.to_numpy(C.getitem(v, i)).item()
            from ._keys import getitem

            return getitem(self, tuple(args)).item()
        n = math.prod(C.shape(v))
        if n != 1:
            raise ValueError("can only convert an array of size 1 to a Python scalar")
        return C.to_numpy(v).reshape(()).item()

    def tolist(self):
        return C.to_numpy(self._value()).tolist()

    def tobytes(self, order="C"):
        return C.to_numpy(self._value()).tobytes(order)

    def __array__(self, dtype=None, copy=None):
        out = C.to_numpy(self._value())
        if dtype is not None:
            out = out.astype(dtype, copy=False)
        elif copy:
            out = out.copy()
        if self._ro and getattr(out, "flags", None) is not None and out.flags.writeable:
            try:
                out = out.view()
                out.flags.writeable = False
            except (AttributeError, ValueError):
                pass
        return out

    def __array_namespace__(self, *, api_version=None):
        import unify.frontends.numpy as np

        return np

    def __float__(self) -> float:
        return builtins.float(self._one("float"))

    def __int__(self) -> int:
        return builtins.int(self._one("int"))

    def __complex__(self) -> complex:
        return builtins.complex(self._one("complex"))

    def __bool__(self) -> bool:
        n = self.size
        if n != 1:
            if n == 0:
                raise ValueError("The truth value of an empty array is ambiguous. Use "
                                 "`array.size > 0` to check that an array is not empty.")
            raise ValueError("The truth value of an array with more than one element is "
                             "ambiguous. Use a.any() or a.all()")
        return builtins.bool(self.item())

    def __index__(self) -> int:
        if self.dtype.kind not in "iu" or self.ndim != 0:
            raise TypeError("only integer scalar arrays can be converted to a scalar index")
        return builtins.int(self.item())

    def _one(self, what):
        if self.ndim != 0:
            if self.size == 1:
                raise TypeError(f"only 0-dimensional arrays can be converted to Python scalars")
            raise TypeError(f"only length-1 arrays can be converted to Python scalars")
        return self.item()

    def __len__(self) -> int:
        s = C.shape(self._value())
        if not s:
            raise TypeError("len() of unsized object")
        return s[0]

    def __iter__(self):
        s = C.shape(self._value())
        if not s:
            raise TypeError("iteration over a 0-d array")
        from ._keys import getitem

        return (getitem(self, i) for i in range(s[0]))

    def __contains__(self, item) -> bool:
        from ._ufunc import equal

        return builtins.bool(C.any(asnative(equal(self, item))))

    def __repr__(self) -> str:
        from ._format import array_repr

        return array_repr(self)

    def __str__(self) -> str:
        from ._format import array_str

        return array_str(self)

    def __format__(self, spec):
        if self.ndim == 0:
            return format(self.item(), spec)
        return object.__format__(self, spec)

    def __dlpack__(self, *, stream=None, max_version=None, dl_device=None, copy=None):
        host = self.__array__()
        if not host.flags.writeable:
            host = host.copy()
        return host.__dlpack__()

    def __dlpack_device__(self):
        return (1, 0)

    def __reduce_ex__(self, proto):
        return (_rebuild, (self.__array__().copy(),))

    def __copy__(self):
        return wrap(C.copy(self._value()), self._dt)

    def __deepcopy__(self, memo):
        out = wrap(C.copy(self._value()), self._dt)
        memo[id(self)] = out
        return out



def _rebuild(arr):
    return wrap(C.asarray(arr))


class _Flags:
    """ndarray.flags (writeable is settable: False makes the array read-only)."""

    __slots__ = ("_a",)

    def __init__(self, a):
        self._a = a

    @property
    def writeable(self) -> bool:
        return not self._a._ro

    @writeable.setter
    def writeable(self, value):
        self._a._ro = not value

    @property
    def c_contiguous(self) -> bool:
        a = self._a
        strides, _ = a._geometry()
        return M.is_contiguous(C.shape(a._value()), strides)

    @property
    def f_contiguous(self) -> bool:
        a = self._a
        shape = C.shape(a._value())
        strides, _ = a._geometry()
        return M.is_contiguous(shape[::-1], strides[::-1])

    @property
    def contiguous(self) -> bool:
        return self.c_contiguous

    @property
    def owndata(self) -> bool:
        return self._a._base is None and self._a._owner is None

    aligned = property(lambda self: True)
    writebackifcopy = property(lambda self: False)
    fnc = property(lambda self: self.f_contiguous and not self.c_contiguous)
    forc = property(lambda self: self.f_contiguous or self.c_contiguous)
    behaved = property(lambda self: self.writeable)
    carray = property(lambda self: self.writeable and self.c_contiguous)
    farray = property(lambda self: self.writeable and self.f_contiguous and not self.c_contiguous)

    _KEYS = {"C_CONTIGUOUS": "c_contiguous", "C": "c_contiguous", "CONTIGUOUS": "c_contiguous",
             "F_CONTIGUOUS": "f_contiguous", "F": "f_contiguous", "FORTRAN": "f_contiguous",
             "WRITEABLE": "writeable", "W": "writeable", "OWNDATA": "owndata", "O": "owndata",
             "ALIGNED": "aligned", "A": "aligned", "WRITEBACKIFCOPY": "writebackifcopy",
             "X": "writebackifcopy", "FNC": "fnc", "FORC": "forc", "BEHAVED": "behaved",
             "B": "behaved", "CARRAY": "carray", "CA": "carray", "FARRAY": "farray",
             "FA": "farray"}

    def __getitem__(self, key):
        try:
            return getattr(self, self._KEYS[key.upper()])
        except KeyError:
            raise KeyError(f"Unknown flag {key!r}") from None

    def __setitem__(self, key, value):
        if self._KEYS.get(key.upper()) != "writeable":
            raise KeyError(f"Unknown flag {key!r}")
        self.writeable = value

    def __repr__(self) -> str:
        return "\n".join(f"  {k} : {self[k]}" for k in (
            "C_CONTIGUOUS", "F_CONTIGUOUS", "OWNDATA", "WRITEABLE", "ALIGNED",
            "WRITEBACKIFCOPY"))

    def __eq__(self, other):
        return NotImplemented


# ------------------------------------------------------------------ construction helpers

def wrap(value, dt=None) -> ndarray:
    """A base ndarray over a native value (dt: its `_dtypes.dtype` when the caller knows it)."""
    t = _new(ndarray)
    t._v = value
    t._base = None
    t._dt = dt
    return t


def result(value, dt=None):
    """An ndarray, or a NumPy scalar when `value` is 0-d (what NumPy functions return)."""
    if C.shape(value):
        return wrap(value, dt)
    return _scalars.from_native(value, dt or _DTYPES[C.dtype_of(value)])


def _mutable(*values):
    """The current backend's in-place module, or None: immutable arrays, or one of `values` is
    recorded by autograd (a Box). Decided per value, not by the thread's recording state: the
    torch frontend keeps recording on while tensors require grad, and that must not change
    numpy-frontend arrays that autograd does not see."""
    for v in values:
        if type(v) is Box:
            return None
    return M.inplace(_state.backend or _dispatch.state().backend)


# ------------------------------------------------------------------ array-likes -> native

def dtype_of(obj) -> T.dtype:
    """NumPy's dtype for an array-like (no conversion)."""
    if isinstance(obj, ndarray):
        return obj.dtype
    t = type(obj)
    if t in _PY_SCALARS:
        return T.scalar_dtype(obj)
    d = getattr(t, "_np_dtype", None)
    if d is not None:
        return d
    if isinstance(obj, (list, tuple)):
        return _infer_sequence(obj)
    if isinstance(obj, _PY_SCALARS):
        return T.scalar_dtype(obj)
    f = _foreign(obj)
    if f is not None:
        return T.as_dtype(C.dtype_of(f))
    dt = getattr(obj, "dtype", None)
    if dt is not None and not (_other_framework(obj) and hasattr(obj, "__array__")):
        return T.as_dtype(dt)
    if hasattr(obj, "__array__"):
        return T.as_dtype(obj.__array__().dtype)
    if isinstance(obj, (str, bytes)):
        raise TypeError("string arrays are not supported by unify's numpy frontend")
    if obj is None:
        raise TypeError("object arrays (None) are not supported by unify's numpy frontend")
    try:
        items = list(obj)
    except TypeError:
        raise TypeError(f"cannot convert {type(obj).__name__} to an array (unify's numpy "
                        "frontend supports numeric arrays only)") from None
    return _infer_sequence(items)


_FRONTENDS = __name__.rpartition(".numpy.")[0] + "."


def _foreign(obj):
    """The native value of another unify frontend's array (the torch frontend's Tensor, on
    the same backend: shared, no copy); None for anything else."""
    mod = type(obj).__module__ or ""
    if not mod.startswith(_FRONTENDS) or mod.startswith(_FRONTENDS + "numpy"):
        return None
    value = getattr(obj, "_value", None)
    return value() if callable(value) else None


def _other_framework(obj) -> bool:
    """A real torch tensor (or another framework's array whose dtype NumPy cannot read):
    converted through its __array__, as NumPy does (a CPU torch tensor shares memory)."""
    return (type(obj).__module__ or "").partition(".")[0] == "torch"


def _infer_sequence(seq) -> T.dtype:
    best = None
    for x in seq:
        d = T.scalar_dtype(x) if type(x) is builtins.int else dtype_of(x)
        best = d if best is None else T.PROMOTE[best, d]
    return T.F64 if best is None else best


def _nested(obj, core_dt):
    """A native array from a (nested) list holding arrays/scalars, cast to core_dt."""
    if isinstance(obj, (list, tuple)):
        if any(isinstance(x, (ndarray, list, tuple)) or (hasattr(x, "shape") and
                                                         not isinstance(x, _scalars.generic)
                                                         and getattr(x, "shape", ()) != ())
               for x in obj):
            parts = [_nested(x, core_dt) for x in obj]
            shapes = {tuple(C.shape(p)) for p in parts}
            if len(shapes) > 1:
                raise ValueError("setting an array element with a sequence. The requested array "
                                 "has an inhomogeneous shape after 1 dimensions. The detected "
                                 f"shape was ({len(obj)},) + inhomogeneous part.")
            if not parts:
                return C.asarray([], dtype=core_dt)
            return C.stack(parts, axis=0)
        return C.asarray([_pyscalar(x) for x in obj], dtype=core_dt)
    if isinstance(obj, ndarray):
        v = obj._value()
        return v if C.dtype_of(v) is core_dt else C.astype(v, core_dt)
    if isinstance(obj, _scalars.generic):
        v = obj._value()
        return v if C.dtype_of(v) is core_dt else C.astype(v, core_dt)
    if type(obj) in _PY_SCALARS:
        return C.asarray(obj, dtype=core_dt)
    if hasattr(obj, "__array__") and not hasattr(obj, "dtype"):
        obj = obj.__array__()
    return C.asarray(obj, dtype=core_dt)


def _pyscalar(x):
    if isinstance(x, _scalars.generic):
        return x.item()
    if type(x) in _PY_SCALARS:
        return x
    if hasattr(x, "item") and getattr(x, "shape", None) == ():
        return x.item()
    return x


def asnative(obj, dtype=None):
    """A native array from an array-like, with NumPy's dtype inference or cast to `dtype`."""
    if isinstance(obj, ndarray):
        v = obj._value()
        if dtype is None:
            return v
        d = T.as_dtype(dtype)
        return v if obj.dtype is d else C.astype(v, d.core)
    return operand(obj, dtype)[0]


def operand(obj, dtype=None):
    """(native array, its `_dtypes.dtype`) from an array-like (cast to `dtype` if given)."""
    if isinstance(obj, ndarray):
        d0 = obj.dtype
        v = obj._value()
        if dtype is None:
            return v, d0
        d = T.as_dtype(dtype)
        return (v if d0 is d else C.astype(v, d.core)), d
    d = dtype_of(obj) if dtype is None else T.as_dtype(dtype)
    t = type(obj)
    if t in _PY_SCALARS:
        if t is builtins.int and d.kind in "iu":
            T.check_int_fits(obj, d)
        return C.asarray(obj, dtype=d.core), d
    if isinstance(obj, _scalars.generic):
        v = obj._value()
        return (v if obj.dtype is d else C.astype(v, d.core)), d
    if isinstance(obj, (list, tuple)):
        return _nested(obj, d.core), d
    f = _foreign(obj)
    if f is not None:  # another unify frontend's array: its native value, shared
        return (f if C.dtype_of(f) is d.core else C.astype(f, d.core)), d
    if hasattr(obj, "__array__") and (not hasattr(obj, "dtype") or _other_framework(obj)):
        obj = obj.__array__()
    if not hasattr(obj, "dtype") and not hasattr(obj, "shape"):
        try:
            obj = list(obj)
        except TypeError:
            raise TypeError(f"cannot convert {t.__name__} to an array") from None
        return _nested(obj, d.core), d
    return C.asarray(obj, dtype=d.core), d


# ------------------------------------------------------------------ out= and axes

def write_out(out, value, casting="same_kind"):
    """NumPy's `out=`: out must be an ndarray whose shape is the result's; the result is cast
    to out's dtype under `casting` and written in place. Returns out."""
    if isinstance(out, tuple):
        if len(out) != 1:
            raise ValueError("The 'out' tuple must have exactly one entry per ufunc output")
        out = out[0]
    if not isinstance(out, ndarray):
        raise TypeError("return arrays must be of ArrayType")
    src = _DTYPES[C.dtype_of(value)]
    dst = out.dtype
    if src is not dst and not T.can_cast_dtype(src, dst, casting):
        raise _casting_error(src, dst, casting)
    s, o = tuple(C.shape(value)), out.shape
    if s != o:
        try:
            C.broadcast_shapes(s, o)
            ok = C.broadcast_shapes(s, o) == o
        except Exception:  # noqa: BLE001
            ok = False
        if not ok:
            raise ValueError(f"non-broadcastable output operand with shape {o} doesn't match "
                             f"the broadcast shape {C.broadcast_shapes(s, o) if _bc_ok(s, o) else s}")
    out._write(value)
    return out


def _bc_ok(a, b) -> bool:
    try:
        C.broadcast_shapes(a, b)
        return True
    except Exception:  # noqa: BLE001
        return False


def _casting_error(src, dst, casting):
    from .exceptions import _UFuncOutputCastingError

    return _UFuncOutputCastingError(
        f"Cannot cast ufunc output from dtype('{src.name}') to dtype('{dst.name}') with "
        f"casting rule '{casting}'")


def normalize_axis(axis, ndim: int) -> int:
    try:
        a = operator.index(axis)
    except TypeError:
        raise TypeError(f"'{type(axis).__name__}' object cannot be interpreted as an integer") from None
    if not -ndim <= a < ndim:
        raise AxisError(a, ndim)
    return a + ndim if a < 0 else a


def normalize_axes(axis, ndim: int, allow_duplicate=False) -> tuple:
    """A tuple of non-negative axes from None (all), an int, or a sequence."""
    if axis is None:
        return tuple(range(ndim))
    if isinstance(axis, (tuple, list)):
        out = tuple(normalize_axis(a, ndim) for a in axis)
        if not allow_duplicate and len(set(out)) != len(out):
            raise ValueError("repeated axis")
        return out
    return (normalize_axis(axis, ndim),)


from . import _scalars  # noqa: E402  (scalars need ndarray; ndarray needs scalars lazily)
from . import _keys  # noqa: E402,F401  (sets ndarray.__getitem__ / __setitem__)


def promote_operands(*xs):
    """(native values cast to their common dtype, that dtype) under NumPy 2 promotion: arrays
    and NumPy scalars are strong, Python scalars weak (NEP 50). None entries stay None."""
    vals, dts, weak = [], [], []
    for x in xs:
        if x is None:
            vals.append(None)
            dts.append(None)
        elif type(x) in _PY_SCALARS:
            vals.append(x)
            dts.append(None)
            weak.append(len(vals) - 1)
        else:
            v, d = operand(x)
            vals.append(v)
            dts.append(d)
    strong = [d for d in dts if d is not None]
    if strong:
        base = strong[0]
        for d in strong[1:]:
            base = T.PROMOTE[base, d]
        for i in weak:
            base = T.PROMOTE[base, T.weak(vals[i], base)]
    else:
        base = T.weak_kind_dtype([vals[i] for i in weak]) if weak else T.F64
    out = []
    for v, d in zip(vals, dts):
        if v is None:
            out.append(None)
        elif d is None:
            if type(v) is builtins.float and base.kind in "iub":
                out.append(C.astype(C.asarray(v), base.core))
            else:
                out.append(C.asarray(v, dtype=base.core))
        else:
            out.append(v if d is base else C.astype(v, base.core))
    return out, base


def full_native(shape, value, d):
    """C.full with a Python value converted to d's kind first (some backends refuse e.g. an
    int fill for a bool array)."""
    k = d.kind
    if k == "b":
        value = builtins.bool(value)
    elif k in "iu" and not isinstance(value, builtins.int):
        value = builtins.int(value)
    elif k == "f" and isinstance(value, builtins.complex):
        value = value.real
    return C.full(tuple(shape), value, dtype=d.core)
