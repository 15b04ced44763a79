"""Tensor construction: torch.tensor, as_tensor, from_numpy, the Tensor constructor, clone, and
torch's creation functions (zeros/ones/full/arange/linspace/eye/..., the *_like family,
meshgrid, tril_indices, combinations).

Sizes are given as ints, a tuple, a list or a torch.Size; dtypes default as in torch (the
default float dtype, int64 for integer `arange`/`full`, bool for `full` with a bool).
"""
from __future__ import annotations

import builtins
import itertools
import math
import operator
import warnings

import numpy as np

from ... import core as C
from ...core import mutable as M
from . import _dtype as T
from ._api import TorchValueError
from ._convert import write_out
from ._device import native_device
from ._tensor import Tensor, wrap

_range = builtins.range
_int, _float, _bool, _complex = builtins.int, builtins.float, builtins.bool, builtins.complex


class memory_format:
    """torch.memory_format (torch.contiguous_format, torch.preserve_format, ...)."""

    __slots__ = ("_name",)

    def __init__(self, name):
        self._name = name

    def __repr__(self):
        return f"torch.{self._name}"


class layout:
    """torch.layout. Only torch.strided tensors exist here: the sparse layouts are names that
    creation functions refuse (UnsupportedAPI). Equal to the string "torch.strided" that
    Tensor.layout gives."""

    __slots__ = ("_name",)

    def __init__(self, name):
        self._name = name

    def __repr__(self):
        return f"torch.{self._name}"

    def __eq__(self, other):
        return other is self or other == f"torch.{self._name}"

    def __hash__(self):
        return hash(f"torch.{self._name}")


strided = layout("strided")
sparse_coo, sparse_csr, sparse_csc, sparse_bsr, sparse_bsc = (layout(n) for n in (
    "sparse_coo", "sparse_csr", "sparse_csc", "sparse_bsr", "sparse_bsc"))


def _check_layout(lay):
    if lay is not None and lay is not strided and lay != "torch.strided":
        if not isinstance(lay, layout):
            raise TypeError(f"layout must be a torch.layout, not {type(lay).__name__}")
        from ._api import UnsupportedAPI

        raise UnsupportedAPI(f"layout={lay!r}: only torch.strided tensors are supported by "
                             f"unify's torch frontend")

contiguous_format = memory_format("contiguous_format")
preserve_format = memory_format("preserve_format")
channels_last = memory_format("channels_last")
channels_last_3d = memory_format("channels_last_3d")


def _infer(data):
    """torch's dtype for Python data: bool, int64, default float, default complex."""
    kinds = set()

    def walk(x):
        if isinstance(x, Tensor):
            kinds.add(x.dtype.core)
        elif isinstance(x, (list, tuple)):
            for y in x:
                walk(y)
        elif isinstance(x, _bool) or isinstance(x, np.bool_):
            kinds.add("b")
        elif isinstance(x, (_int, np.integer)):
            kinds.add("i")
        elif isinstance(x, (_float, np.floating)):
            kinds.add("f")
        elif isinstance(x, (_complex, np.complexfloating)):
            kinds.add("c")
        else:
            raise TypeError(f"Could not infer dtype of {type(x).__name__}")

    walk(data)
    core = [k for k in kinds if not isinstance(k, str)]
    if "c" in kinds or any(k.kind == "c" for k in core):
        return T.DEFAULT.complex
    if "f" in kinds or any(k.kind == "f" for k in core):
        fl = [k for k in core if k.kind == "f"]
        if "f" not in kinds and len(fl) == len(core):
            return T.FROM_CORE[fl[0]]
        return T.DEFAULT.float
    if "i" in kinds or any(k.kind in "iu" for k in core):
        return T.int64
    if not kinds:
        return T.DEFAULT.float
    return T.bool


def _to_nested(data):
    if isinstance(data, Tensor):
        return C.to_numpy(data._value())
    if isinstance(data, (list, tuple)):
        return [_to_nested(x) for x in data]
    return data


def tensor(data, *, dtype=None, device=None, requires_grad=False, pin_memory=False):
    """torch.tensor: always copies."""
    dev = native_device(device)
    if isinstance(data, Tensor):
        v = data._value()
        dt = T.as_dtype(dtype) if dtype is not None else data.dtype
        out = wrap(C.astype(v, dt.core, copy=True), dt)
    elif isinstance(data, np.ndarray) or isinstance(data, np.generic):
        arr = np.asarray(data)
        if dtype is None:
            out = wrap(C.asarray(arr.copy()))
        else:
            dt = T.as_dtype(dtype)
            out = wrap(C.asarray(arr, dtype=dt.core, copy=True), dt)
    elif hasattr(data, "__array__") and not isinstance(data, (list, tuple)):
        return tensor(np.asarray(data), dtype=dtype, device=device, requires_grad=requires_grad)
    else:
        dt = T.as_dtype(dtype) if dtype is not None else _infer(data)
        try:
            arr = np.asarray(_to_nested(data))
        except ValueError:
            arr = None
        if arr is None or arr.dtype == object:
            raise TorchValueError("expected sequence of equal-length lists")
        if dt.core.kind in "iub" and arr.dtype.kind == "f":
            arr = np.trunc(arr)
        out = wrap(C.asarray(arr, dtype=dt.core), dt)
    if dev is not None:
        out = wrap(C.to_device(out._value(), dev), out._dt)
    if requires_grad:
        _require_grad(out)
    return out


def as_tensor(data, dtype=None, device=None):
    """torch.as_tensor: no copy when data already is a tensor of that dtype (and on the numpy
    backend, a NumPy array of a supported dtype)."""
    if isinstance(data, Tensor):
        if dtype is None or T.as_dtype(dtype) is data.dtype:
            return data
        return wrap(C.astype(data._value(), T.as_dtype(dtype).core), T.as_dtype(dtype))
    if (isinstance(data, np.ndarray) or _numpy_frontend_array(data)) and dtype is None:
        return from_numpy(data)
    return tensor(data, dtype=dtype, device=device)


def _numpy_frontend_array(obj) -> bool:
    return type(obj).__module__.startswith(__name__.rpartition(".torch.")[0] + ".numpy.") \
        and hasattr(obj, "_value") and hasattr(obj, "shape")


def from_dlpack(ext_tensor):
    """torch.from_dlpack: a tensor sharing the memory of any DLPack-capable CPU array (real
    torch/numpy/jax arrays, unify frontend arrays) on the numpy backend; a copy elsewhere."""
    if isinstance(ext_tensor, Tensor):
        return ext_tensor
    if _numpy_frontend_array(ext_tensor):
        return wrap(ext_tensor._value())
    if not hasattr(ext_tensor, "__dlpack__"):
        raise TypeError(f"from_dlpack expects an object with __dlpack__ (got "
                        f"{type(ext_tensor).__name__})")
    return wrap(C.asarray(np.from_dlpack(ext_tensor)))


def from_numpy(ndarray):
    """torch.from_numpy: shares memory on the numpy backend (zero copy); a copy elsewhere.
    An array of unify's numpy frontend (what `import numpy` gives under unify.install) gives
    a tensor on its native value (shared on every backend, as the frontends share natives)."""
    if _numpy_frontend_array(ndarray):
        return wrap(ndarray._value())
    if not isinstance(ndarray, np.ndarray):
        raise TypeError(f"expected np.ndarray (got {type(ndarray).__name__})")
    if ndarray.dtype.kind not in "biufc":
        raise TypeError(f"can't convert np.ndarray of type {ndarray.dtype}. The only supported "
                        "types are: float64, float32, float16, complex64, complex128, int64, "
                        "int32, int16, int8, uint64, uint32, uint16, uint8, and bool.")
    return wrap(C.asarray(ndarray))


def _preserve_geo(x, memory_format=None):
    """The geometry torch's preserve_format gives a new tensor like x: dense strides in the
    order of x's strides (x's own strides when x is dense), offset 0; None when contiguous."""
    if memory_format is not None and memory_format is not preserve_format:
        return None
    g = x._geo
    if g is None:
        return None
    shape = C.shape(x._value())
    strides = g[0]
    n = len(shape)

    def order(a, b):  # > 0 when dim a must go inside dim b
        sa, sb = strides[a], strides[b]
        if sa == 0 or sb == 0:
            return 0
        if sa != sb:
            return 1 if sa > sb else -1
        return 1 if shape[a] > shape[b] else 0

    perm = list(_range(n - 1, -1, -1))  # innermost first
    for i in _range(1, n):
        d1 = i
        for d0 in _range(i - 1, -1, -1):
            c = order(perm[d0], perm[d1])
            if c > 0:
                perm[d0], perm[d1] = perm[d1], perm[d0]
                d1 = d0
            elif c < 0:
                break
    out = [0] * n
    acc = 1
    for p in perm:
        out[p] = acc
        acc *= max(shape[p], 1)
    out = tuple(out)
    if M.is_contiguous(shape, out):
        return None
    return (out, 0)


def clone_tensor(x, memory_format=None):
    out = wrap(C.copy(x._value()), x._dt)
    g = _preserve_geo(x, memory_format)
    if g is not None:
        out._geo = g
    return out


def clone(input, *, memory_format=None):
    return clone_tensor(input, memory_format)


def _tensor_ctor(cls, args, kwargs):
    """torch.Tensor(...) / torch.Tensor(data): the legacy constructor (default dtype)."""
    if len(args) == 1 and isinstance(args[0], (list, tuple)) and not kwargs:
        out = tensor(args[0], dtype=T.get_default_dtype())
    elif len(args) == 1 and isinstance(args[0], Tensor):
        out = args[0]
        if cls is Tensor:
            return out
    elif all(isinstance(a, _int) for a in args):
        out = wrap(C.zeros(tuple(args), dtype=T.get_default_dtype().core), T.get_default_dtype())
    else:
        out = tensor(args[0] if args else [], dtype=T.get_default_dtype())
    if cls is not Tensor:
        sub = object.__new__(cls)
        for k in ("_v", "_base", "_version", "_dt", "_geo", "requires_grad", "grad", "_node"):
            setattr(sub, k, getattr(out, k))
        return sub
    return out


# ------------------------------------------------------------------ shared argument handling

def _require_grad(t):
    if not (t.dtype.is_floating_point or t.dtype.is_complex):
        raise RuntimeError("Only Tensors of floating point and complex dtype can require gradients")
    t.requires_grad = True


def _size(args, size, fname):
    """torch's size argument: ints, or one tuple/list/torch.Size (or size=...)."""
    if size is not None:
        if args:
            raise TypeError(f"{fname}() got multiple values for argument 'size'")
        args = (size,)
    if not args:
        raise TypeError(f'{fname}() missing 1 required positional arguments: "size"')
    if len(args) == 1 and isinstance(args[0], (tuple, list)):
        args = args[0]
    out = []
    for n in args:
        if isinstance(n, (_float, _complex, _bool)) or (isinstance(n, Tensor) and n.ndim):
            raise TypeError(f"{fname}(): argument 'size' must be tuple of ints, but found "
                            f"element of type {type(n).__name__}")
        try:
            out.append(operator.index(n))
        except TypeError:
            raise TypeError(f"{fname}(): argument 'size' must be tuple of ints, but found "
                            f"element of type {type(n).__name__}") from None
    for n in out:
        if n < 0:
            raise RuntimeError(f"Trying to create tensor with negative dimension {n}: {out}")
    return tuple(out)


def _dtype(dtype, out=None, default=None):
    if dtype is not None:
        return T.as_dtype(dtype)
    if out is not None:
        return out.dtype
    return default if default is not None else T.DEFAULT.float


def _finish(value, dt, out, requires_grad):
    if out is not None:
        if out.dtype is not dt:
            raise RuntimeError(f"dtype {_scalar_name(dt)} does not match dtype of out parameter "
                               f"({_scalar_name(out.dtype)})")
        return write_out(out, value)
    t = wrap(value, dt)
    if requires_grad:
        _require_grad(t)
    return t


def _scalar_name(d):
    from ._views import _scalar_name as name

    return name(d)


def _fill_scalar(value, dt):
    """A fill value as a native 0-d array of dt (torch's overflow errors for integers)."""
    if isinstance(value, Tensor):
        if value.ndim:
            raise RuntimeError(f"fill_ only supports 0-dimension value tensor but got tensor with "
                               f"{value.ndim} dimensions.")
        v = value._value()
        return v if value.dtype is dt else C.astype(v, dt.core)
    if type(value) in (_int, _float, _bool, _complex):
        from ._views import scalar_value

        return scalar_value(value, dt)
    return C.asarray(value, dtype=dt.core)


def _scalar_kind(x):
    """'b', 'i', 'f' or 'c' for a Python/NumPy scalar or a 0-d tensor."""
    if isinstance(x, Tensor):
        k = x.dtype.core.kind
        return "i" if k == "u" else k
    if isinstance(x, (_bool, np.bool_)):
        return "b"
    if isinstance(x, (_int, np.integer)):
        return "i"
    if isinstance(x, (_float, np.floating)):
        return "f"
    if isinstance(x, (_complex, np.complexfloating)):
        return "c"
    raise TypeError(f"expected a number, got {type(x).__name__}")


def _num(x):
    if isinstance(x, Tensor):
        if x.numel() != 1:
            raise RuntimeError("a Tensor with more than one element cannot be converted to a number")
        return x.item()
    return x


# ------------------------------------------------------------------ filled tensors

def _filled(fname, fill):
    def make(*size, out=None, dtype=None, layout=None, device=None, requires_grad=False,
             pin_memory=False, memory_format=None, **kw):
        _check_layout(layout)
        if kw:  # torch.zeros(size=(2, 3))
            if set(kw) != {"size"}:
                raise TypeError(f"{fname}() got an unexpected keyword argument "
                                f"'{next(k for k in kw if k != 'size')}'")
            shape = _size(size, kw["size"], fname)
        else:
            shape = _size(size, None, fname)
        dt = _dtype(dtype, out)
        v = fill(shape, dtype=dt.core, device=None if device is None else native_device(device))
        return _finish(v, dt, out, requires_grad)
    make.__name__ = make.__qualname__ = fname
    return make


zeros = _filled("zeros", C.zeros)
ones = _filled("ones", C.ones)
empty = _filled("empty", C.empty)


def full(size, fill_value, *, out=None, dtype=None, layout=None, device=None,
         requires_grad=False, pin_memory=False):
    _check_layout(layout)
    if not isinstance(size, (tuple, list)):
        raise TypeError(f"full(): argument 'size' (position 1) must be tuple of ints, not "
                        f"{type(size).__name__}")
    shape = _size((size,), None, "full")
    if dtype is None and out is None:
        k = _scalar_kind(fill_value)
        dt = {"b": T.bool, "i": T.int64, "f": T.DEFAULT.float, "c": T.DEFAULT.complex}[k]
        if isinstance(fill_value, Tensor):
            dt = fill_value.dtype if fill_value.dtype.core.kind != "f" or k != "f" else dt
    else:
        dt = _dtype(dtype, out)
    v = C.broadcast_to(_fill_scalar(fill_value, dt), shape)
    v = C.copy(v) if shape else v
    return _finish(v, dt, out, requires_grad)


def empty_strided(size, stride, *, dtype=None, layout=None, device=None, requires_grad=False,
                  pin_memory=False):
    """torch.empty_strided: logical strides as given (contents are zeros)."""
    _check_layout(layout)
    shape = _size((size,), None, "empty_strided")
    stride = tuple(operator.index(s) for s in stride)
    if len(stride) != len(shape):
        raise RuntimeError(f"mismatch in length of strides and shape")
    dt = _dtype(dtype)
    t = _finish(C.zeros(shape, dtype=dt.core, device=native_device(device)), dt, None,
                requires_grad)
    if stride != M.contiguous_strides(shape):
        t._geo = (stride, 0)
    return t


def empty_permuted(size, physical_layout, *, dtype=None, layout=None, device=None,
                   requires_grad=False, pin_memory=False):
    """torch.empty_permuted: dims laid out in `physical_layout` order (contents are zeros)."""
    _check_layout(layout)
    shape = _size((size,), None, "empty_permuted")
    perm = [operator.index(p) for p in physical_layout]
    if sorted(perm) != list(_range(len(shape))):
        raise RuntimeError(f"Number of dimensions in size does not match the length of the "
                           f"physical_layout; or the physical_layout is not a permutation")
    stride = [0] * len(shape)
    acc = 1
    for p in reversed(perm):
        stride[p] = acc
        acc *= max(shape[p], 1)
    return empty_strided(shape, stride, dtype=dtype, device=device, requires_grad=requires_grad)


def _new_empty_strided(self, size, stride, *, dtype=None, layout=None, device=None,
                       requires_grad=False, pin_memory=False):
    _check_layout(layout)
    return empty_strided(size, stride, dtype=self.dtype if dtype is None else dtype,
                         device=device, requires_grad=requires_grad)


Tensor.new_empty_strided = _new_empty_strided


def scalar_tensor(s, *, dtype=None, layout=None, device=None, requires_grad=False,
                  pin_memory=False):
    _check_layout(layout)
    dt = _dtype(dtype)
    v = _fill_scalar(_num(s) if isinstance(s, Tensor) else s, dt)
    return _finish(C.to_device(v, native_device(device)) if device is not None else v, dt, None,
                   requires_grad)


def eye(n, m=None, *, out=None, dtype=None, layout=None, device=None, requires_grad=False,
        pin_memory=False):
    _check_layout(layout)
    n = operator.index(n)
    if n < 0:
        raise RuntimeError(f"n must be greater or equal to 0, got {n}")
    if m is None:
        m = n
    m = operator.index(m)
    if m < 0:
        raise RuntimeError(f"m must be greater or equal to 0, got {m}")
    dt = _dtype(dtype, out)
    return _finish(C.eye(n, m, dtype=dt.core, device=native_device(device)), dt, out,
                   requires_grad)


# ------------------------------------------------------------------ *_like

def _like_dtype(input, dtype):
    return input.dtype if dtype is None else T.as_dtype(dtype)


def _like(fname, fill):
    def make(input, *, dtype=None, layout=None, device=None, requires_grad=False,
             memory_format=None):
        _check_layout(layout)
        dt = _like_dtype(input, dtype)
        dev = native_device(device) if device is not None else C.device_of(input._value())
        t = _finish(fill(C.shape(input._value()), dtype=dt.core, device=dev), dt, None,
                    requires_grad)
        g = _preserve_geo(input, memory_format)
        if g is not None:
            t._geo = g
        return t
    make.__name__ = make.__qualname__ = fname
    return make


zeros_like = _like("zeros_like", C.zeros)
ones_like = _like("ones_like", C.ones)
empty_like = _like("empty_like", C.empty)


def full_like(input, fill_value, *, dtype=None, layout=None, device=None, requires_grad=False,
              memory_format=None):
    _check_layout(layout)
    dt = _like_dtype(input, dtype)
    shape = C.shape(input._value())
    v = C.broadcast_to(_fill_scalar(fill_value, dt), shape)
    v = C.copy(v) if shape else v
    if device is not None:
        v = C.to_device(v, native_device(device))
    t = _finish(v, dt, None, requires_grad)
    g = _preserve_geo(input, memory_format)
    if g is not None:
        t._geo = g
    return t


# ------------------------------------------------------------------ ranges

def arange(start=0, end=None, step=1, *, out=None, dtype=None, layout=None, device=None,
           requires_grad=False, pin_memory=False):
    _check_layout(layout)
    if end is None:
        start, end = 0, start
    start, end, step = _num(start), _num(end), _num(step)
    kinds = {_scalar_kind(x) for x in (start, end, step)}
    if "c" in kinds:
        raise TypeError("arange(): complex arguments are not supported")
    if dtype is None and out is None:
        dt = T.DEFAULT.float if "f" in kinds else T.int64
    else:
        dt = _dtype(dtype, out)
    if dt is T.bool:
        raise NotImplementedError("\"arange_cpu\" not implemented for 'Bool'")
    if dt.is_complex:
        raise NotImplementedError(f"\"arange_cpu\" not implemented for '{_scalar_name(dt)}'")
    if step == 0:
        raise RuntimeError("step must be nonzero")
    for x in (start, end):
        if math.isinf(x) or math.isnan(x):
            raise RuntimeError(f"unsupported range: {start} -> {end}")
    if dt.core.kind in "iu":
        start, end, step = _int(start), _int(end), _int(step)
        if step == 0:  # a fractional step truncated by an integer dtype (torch: ValueError)
            raise TorchValueError("step must be nonzero")
    if (step > 0 and start > end) or (step < 0 and start < end):
        raise RuntimeError("upper bound and larger bound inconsistent with step sign")
    n = math.ceil((end - start) / step) if dt.core.kind == "f" or "f" in kinds else -(-(end - start) // step)
    n = max(n, 0)
    v = _linear(start, step, n, dt)
    return _finish(C.to_device(v, native_device(device)) if device is not None else v, dt, out,
                   requires_grad)


def _linear(start, step, n, dt):
    """start + i*step for i < n, computed in float64 (int64 for integer dtypes), cast to dt."""
    if dt.core.kind in "iu":
        v = C.arange(0, n, dtype=C.int64)
        if step != 1:
            v = C.multiply(v, C.asarray(step, dtype=C.int64))
        if start:
            v = C.add(v, C.asarray(start, dtype=C.int64))
        return v if dt.core is C.int64 else C.astype(v, dt.core)
    v = C.arange(0, n, dtype=C.float64)
    v = C.add(C.multiply(v, C.asarray(_float(step), dtype=C.float64)),
              C.asarray(_float(start), dtype=C.float64))
    return v if dt.core is C.float64 else C.astype(v, dt.core)


def range(start=0, end=None, step=1, *, out=None, dtype=None, layout=None, device=None,  # noqa: A001
          requires_grad=False):
    """torch.range (deprecated): `end` included; default dtype is the default float dtype."""
    _check_layout(layout)
    warnings.warn("torch.range is deprecated and will be removed in a future release because its "
                  "behavior is inconsistent with Python's range builtin. Instead, use torch.arange, "
                  "which produces values in [start, end).", UserWarning, stacklevel=2)
    if end is None:
        start, end = 0, start
    start, end, step = _num(start), _num(end), _num(step)
    dt = _dtype(dtype, out)
    if step == 0:
        raise RuntimeError("step must be nonzero")
    if (step > 0 and start > end) or (step < 0 and start < end):
        raise RuntimeError("upper bound and larger bound inconsistent with step sign")
    n = _int(math.floor((end - start) / step)) + 1
    if dt.core.kind in "iu":
        v = _linear(_int(start), _int(step), n, dt)
    else:
        v = _linear(start, step, n, dt)
    return _finish(v, dt, out, requires_grad)


def _lin_values(start, end, steps, work):
    """torch's linspace formula in core dtype `work`: from start for the first half, back from
    end for the second (so both endpoints are exact)."""
    if steps == 1:
        return C.full((1,), start, dtype=work)
    s = C.asarray(start, dtype=work)
    e = C.asarray(end, dtype=work)
    step = C.divide(C.subtract(e, s), C.asarray(steps - 1, dtype=work))
    i = C.arange(0, steps, dtype=C.float64)
    if work is not C.float64:
        i = C.astype(i, work)
    lo = C.add(s, C.multiply(i, step))
    j = C.subtract(C.asarray(steps - 1, dtype=work), i)
    hi = C.subtract(e, C.multiply(j, step))
    half = C.less(C.arange(0, steps, dtype=C.int64), C.asarray(steps // 2, dtype=C.int64))
    return C.where(half, lo, hi)


def linspace(start, end, steps, *, out=None, dtype=None, layout=None, device=None,
             requires_grad=False):
    _check_layout(layout)
    start, end = _num(start), _num(end)
    steps = operator.index(steps)
    if steps < 0:
        raise RuntimeError("number of steps must be non-negative")
    cplx = isinstance(start, (_complex, np.complexfloating)) or isinstance(end, (_complex, np.complexfloating))
    if dtype is None and out is None:
        dt = T.DEFAULT.complex if cplx else T.DEFAULT.float
    else:
        dt = _dtype(dtype, out)
    if dt.core.kind in "iu" and not cplx:  # integer dtypes truncate the endpoints first
        start, end = _int(start), _int(end)
    if steps == 0:
        v = C.zeros((0,), dtype=dt.core)
    else:
        work = C.complex128 if (cplx or dt.is_complex) else C.float64
        v = _lin_values(start, end, steps, work)
        if dt.core.kind in "iub" and work is C.complex128:
            v = C.real(v)
        v = C.astype(v, dt.core)
    if device is not None:
        v = C.to_device(v, native_device(device))
    return _finish(v, dt, out, requires_grad)


def logspace(start, end, steps, base=10.0, *, out=None, dtype=None, layout=None, device=None,
             requires_grad=False):
    _check_layout(layout)
    start, end = _num(start), _num(end)
    steps = operator.index(steps)
    if steps < 0:
        raise RuntimeError("number of steps must be non-negative")
    cplx = isinstance(start, _complex) or isinstance(end, _complex)
    if dtype is None and out is None:
        dt = T.DEFAULT.complex if cplx else T.DEFAULT.float
    else:
        dt = _dtype(dtype, out)
    if dt.core.kind in "iu" and not cplx:  # integer dtypes truncate the endpoints first
        start, end = _int(start), _int(end)
    if steps == 0:
        v = C.zeros((0,), dtype=dt.core)
    else:
        work = C.complex128 if (cplx or dt.is_complex) else C.float64
        e = _lin_values(start, end, steps, work)
        v = C.pow(C.asarray(base, dtype=work), e)
        if dt.core.kind in "iub":
            if work is C.complex128:
                v = C.real(v)
        v = C.astype(v, dt.core)
    if device is not None:
        v = C.to_device(v, native_device(device))
    return _finish(v, dt, out, requires_grad)


# ------------------------------------------------------------------ other constructors

_NP_DTYPES = {T.bool: np.bool_, T.uint8: np.uint8, T.int8: np.int8, T.int16: np.int16,
              T.int32: np.int32, T.int64: np.int64, T.float16: np.float16, T.float32: np.float32,
              T.float64: np.float64, T.complex64: np.complex64, T.complex128: np.complex128,
              T.uint16: np.uint16, T.uint32: np.uint32, T.uint64: np.uint64}


def asarray(obj, *, dtype=None, device=None, copy=None, requires_grad=False):
    """torch.asarray: shares a tensor (and, on the numpy backend, a NumPy array) unless a copy
    is asked for or needed."""
    dt = None if dtype is None else T.as_dtype(dtype)
    if isinstance(obj, Tensor):
        same = dt is None or dt is obj.dtype
        if copy is False and not same:
            raise TorchValueError("can't alias tensor with a different dtype without copying")
        if same and not copy:
            out = obj
        else:
            out = wrap(C.astype(obj._value(), (dt or obj.dtype).core, copy=True), dt or obj.dtype)
    elif isinstance(obj, np.ndarray):
        if copy:
            out = tensor(obj, dtype=dt)
        else:
            out = from_numpy(obj) if dt is None else wrap(C.asarray(obj, dtype=dt.core), dt)
    elif isinstance(obj, (list, tuple)) or type(obj) in (_int, _float, _bool, _complex):
        out = tensor(obj, dtype=dt)
    elif hasattr(obj, "__array__") or hasattr(obj, "__dlpack__"):
        out = asarray(np.asarray(obj), dtype=dt, copy=copy)
    else:
        try:
            arr = np.frombuffer(memoryview(obj), dtype=np.uint8)
        except TypeError:
            raise TypeError(f"asarray(): could not convert {type(obj).__name__} to a tensor") from None
        out = frombuffer(obj, dtype=dt or T.uint8) if arr is not None else None
    if device is not None:
        nd = native_device(device)
        if C.device_of(out._value()) != nd:
            out = wrap(C.to_device(out._value(), nd), out._dt)
    if requires_grad and not out.requires_grad:
        if out is obj:  # leave the caller's tensor alone: a new leaf over the same data
            from ._tensor import _alias

            out = _alias(obj)
        _require_grad(out)
    return out


def frombuffer(buffer, *, dtype, count=-1, offset=0, requires_grad=False):
    dt = T.as_dtype(dtype)
    npd = np.dtype(_NP_DTYPES[dt])
    n = memoryview(buffer).nbytes
    if offset < 0 or offset >= n and n:
        raise TorchValueError(f"offset ({offset} bytes) must be non-negative and no greater than "
                         f"buffer length ({n} bytes) minus 1")
    if count == 0 or (count < 0 and (n - offset) < npd.itemsize):
        raise TorchValueError("both buffer length and count must be greater than 0")
    if count < 0 and (n - offset) % npd.itemsize:
        raise TorchValueError(f"buffer length ({n - offset} bytes) after offset ({offset} bytes) must "
                         f"be a multiple of element size ({npd.itemsize})")
    arr = np.frombuffer(buffer, dtype=npd, count=count, offset=offset)
    out = wrap(C.asarray(arr), dt)
    if requires_grad:
        _require_grad(out)
    return out


def _indices(fn, row, col, offset, dtype, device):
    row, col, offset = operator.index(row), operator.index(col), operator.index(offset)
    if row < 0:
        raise RuntimeError(f"row must be non-negative, got{row}")
    if col < 0:
        raise RuntimeError(f"col must be non-negative, got{col}")
    dt = T.int64 if dtype is None else T.as_dtype(dtype)
    if dt not in (T.int32, T.int64):
        raise NotImplementedError(f"\"{fn}\" not implemented for '{_scalar_name(dt)}'")
    r, c = getattr(C, fn)(row, offset, col)
    v = C.stack([r, c], axis=0) if math.prod(C.shape(r)) else C.zeros((2, 0), dtype=C.int64)
    v = v if dt is T.int64 else C.astype(v, dt.core)
    if device is not None:
        v = C.to_device(v, native_device(device))
    return wrap(v, dt)


def tril_indices(row, col, offset=0, *, dtype=None, device=None, layout=None):
    _check_layout(layout)
    return _indices("tril_indices", row, col, offset, dtype, device)


def triu_indices(row, col, offset=0, *, dtype=None, device=None, layout=None):
    _check_layout(layout)
    return _indices("triu_indices", row, col, offset, dtype, device)


def _tensor_list(tensors, fname):
    if len(tensors) == 1 and isinstance(tensors[0], (list, tuple)):
        tensors = tuple(tensors[0])
    for t in tensors:
        if not isinstance(t, Tensor):
            raise TypeError(f"{fname}(): expected Tensor as element, but got {type(t).__name__}")
    return tensors


def meshgrid(*tensors, indexing=None):
    """torch.meshgrid: the results are expanded views of the inputs, as in torch."""
    from . import _views as V

    tensors = _tensor_list(tensors, "meshgrid")
    if not tensors:
        raise RuntimeError("meshgrid expects a non-empty TensorList")
    if indexing is None:
        indexing = "ij"
    if indexing not in ("ij", "xy"):
        raise RuntimeError(f"torch.meshgrid: indexing must be one of \"xy\" or \"ij\", but "
                           f"received: {indexing}")
    for t in tensors:
        if t.ndim > 1:
            raise RuntimeError(f"torch.meshgrid: Expected 0D or 1D tensor in the tensor list but "
                               f"got: {t}")
    d0 = tensors[0].dtype
    for t in tensors[1:]:
        if t.dtype is not d0:
            raise RuntimeError("meshgrid expects all tensors to have the same dtype")
    ts = list(tensors)
    swap = indexing == "xy" and len(ts) >= 2
    if swap:
        ts[0], ts[1] = ts[1], ts[0]
    sizes = [t.numel() for t in ts]
    n = len(ts)
    outs = []
    for i, t in enumerate(ts):
        shape = [1] * n
        shape[i] = sizes[i]
        outs.append(V.expand(V.reshape(t, shape), sizes))
    if swap:  # ij grids of the swapped inputs already have xy's shape
        outs[0], outs[1] = outs[1], outs[0]
    return tuple(outs)


def cartesian_prod(*tensors):
    tensors = _tensor_list(tensors, "cartesian_prod")
    for t in tensors:
        if t.ndim != 1:
            raise RuntimeError(f"Expect a 1D vector, but got shape {list(t.shape)}")
    if len(tensors) == 1:
        return tensors[0]
    grids = meshgrid(*tensors, indexing="ij")
    from ._convert import operands

    vals, dt = operands(*grids)
    return wrap(C.stack([C.reshape(v, (-1,)) for v in vals], axis=1), T.FROM_CORE[dt])


def combinations(input, r=2, with_replacement=False):
    if input.ndim != 1:
        raise RuntimeError(f"Expect a 1D vector, but got shape {list(input.shape)}")
    r = operator.index(r)
    if r < 0:
        raise RuntimeError(f"Expect a non-negative number, but got {r}")
    if r == 0:
        return wrap(C.zeros((0,), dtype=input.dtype.core), input._dt)
    n = input.numel()
    gen = itertools.combinations_with_replacement if with_replacement else itertools.combinations
    combos = list(gen(_range(n), r))
    if not combos:
        return wrap(C.zeros((0, r), dtype=input.dtype.core), input._dt)
    idx = C.asarray(np.asarray(combos, dtype=np.int64).reshape(-1))
    out = C.take(input._value(), idx, axis=0)
    return wrap(C.reshape(out, (len(combos), r)), input._dt)


__all__ = ["tensor", "as_tensor", "from_numpy", "from_dlpack", "clone", "zeros", "ones", "empty", "full",
           "arange", "range", "linspace", "logspace", "eye", "zeros_like", "ones_like",
           "empty_like", "full_like", "scalar_tensor", "empty_strided", "asarray", "frombuffer",
           "tril_indices", "triu_indices", "meshgrid", "cartesian_prod", "combinations",
           "memory_format", "contiguous_format", "preserve_format", "channels_last",
           "channels_last_3d", "layout", "strided", "sparse_coo", "sparse_csr", "sparse_csc",
           "sparse_bsr", "sparse_bsc", "empty_permuted"]
