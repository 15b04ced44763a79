"""torch.Tensor: a native array of the current backend, with torch's views and in-place writes.

A tensor is a *base* (`_base is None`; `_v` is its native value and `_version` counts the times
the value was replaced) or a *view* (`_base` is the root base, `_chain` the core.mutable view
steps from it, `_v` the cached view value, valid while `_ver == _base._version`). Logical
strides (`_geo = (strides, offset)`, None for a contiguous base) decide, like torch, whether
reshape views or copies and what `stride()`/`is_contiguous()` say, on every backend.

Writes (`_write`, `_setitem`) follow core/mutable.py: native in place on numpy/torch, a new
base value mapped back through the chain on jax/tensorflow. Methods and operators are
attached by `_methods.py` from the namespace functions (the same code serves `torch.add(x, y)`,
`x.add(y)`, `x + y` and `x.add_(y)`).
"""
from __future__ import annotations

import builtins
import math

from ... import core as C
from ...core import dispatch as _dispatch
from ...core.autograd import Box, strip as _strip
from ...core import mutable as M
from . import _dtype as T

_new = object.__new__
_state = _dispatch._s


class Size(tuple):
    """torch.Size: a tuple of ints."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"torch.Size([{', '.join(str(n) for n in self)}])"

    def numel(self) -> int:
        return math.prod(self)

    def __getitem__(self, i):
        out = tuple.__getitem__(self, i)
        return Size(out) if isinstance(i, slice) else out

    def __add__(self, other):
        return Size(tuple(self) + tuple(other))


class LazyGeo:
    """The geometry of a view, computed when first asked for (most views never are):
    `fn(*args)` gives (strides, offset)."""

    __slots__ = ("fn", "args")

    def __init__(self, fn, *args):
        self.fn, self.args = fn, args

    def resolve(self):
        return self.fn(*self.args)


class Tensor:
    """torch.Tensor on the current unify backend."""

    __slots__ = ("_v", "_dt", "_chain", "_ver", "__dict__", "__weakref__")
    # Defaults read through the class until an instance sets them (cheap tensor creation).
    _base = None
    _version = 0
    _g = None  # geometry: None (contiguous from 0), (strides, offset), or a LazyGeo
    grad = None
    _node = None  # kept for code that reads it; autograd state lives in the value (a Box)

    def __new__(cls, *args, **kwargs):
        from ._creation import _tensor_ctor

        return _tensor_ctor(cls, args, kwargs)

    @property
    def _geo(self):
        """(strides, offset) in elements, or None for a contiguous tensor at offset 0."""
        g = self._g
        if type(g) is LazyGeo:
            g = self._g = g.resolve()
        return g

    @_geo.setter
    def _geo(self, g):
        self._g = g

    # ------------------------------------------------------------ value, views, writes

    def _value(self):
        b = self._base
        if b is None:
            return self._v
        if self._ver == b._version:
            return self._v
        v = M.read(b._v, self._chain)
        self._v = v
        if self._ver != -1:
            self._ver = b._version
        return v

    def _write(self, new) -> None:
        """Make this tensor's value `new` (a native array broadcastable to its shape; cast to
        its dtype), as an in-place write that every view of the same base sees."""
        v = self._value()
        shape = C.shape(v)
        if C.shape(new) != shape:
            new = C.broadcast_to(new, shape)
        nd = C.dtype_of(new)
        if nd is not self.dtype.core:
            new = C.astype(new, self.dtype.core)
        b = self._base
        root = self if b is None else b
        old = root._v
        if type(old) is Box or type(new) is Box:
            self._write_boxed(root, old, new)
            return
        ip = _mutable()
        if ip is not None:
            if b is None:
                ip.copy_into(v, new)
                return
            _check_overlap(self)
            if self._ver != -1:  # a native view sharing the base's memory
                ip.copy_into(v, new)
                return
            ip.copy_into(b._v, M.write(b._v, self._chain, new))
            return
        if b is None:
            self._v = new
            self._version += 1
            return
        _check_overlap(self)
        b._v = M.write(b._v, self._chain, new)
        b._version += 1
        self._v = new
        self._ver = b._version

    def _write_boxed(self, root, old, new) -> None:
        """A write where autograd is involved: functional, recorded while grad mode is on. A
        leaf keeps its identity (its node) when written without recording (optimizer steps
        under no_grad); an in-place op on a leaf that requires grad is refused like torch."""
        from . import _autograd as A

        leaf = A.is_leaf_box(old)
        if leaf and A.is_grad_enabled():
            raise RuntimeError("a leaf Variable that requires grad is being used in an in-place "
                               "operation.")
        if self._base is None:
            value = new
        else:
            _check_overlap(self)
            value = M.write(old, self._chain, new)
        if leaf:
            value = Box(_strip(value), old.node, 0, A.TRACE)
        root._v = value
        root._version += 1

    def _setitem(self, key, value) -> None:
        """self[key] = value with a native key and a native value of self's dtype."""
        ip = _mutable()
        root = self if self._base is None else self._base
        if type(root._v) is Box or type(value) is Box:
            ip = None
        if ip is not None and (self._base is None or self._ver != -1):
            if self._base is not None:
                _check_overlap(self)
            ip.setitem(self._value(), key, value)
            return
        self._write(C.index_update(self._value(), key, value))

    def _view(self, step, value, geo):
        """A view of self: `step` applied to self's value gives `value`; geo = (strides, offset)."""
        t = _new(Tensor)
        base = self._base
        if base is None:
            base, chain = self, (step,)
        else:
            chain = self._chain + (step,)
        t._v = value
        t._base = base
        t._chain = chain
        t._dt = self._dt
        t._g = geo
        ip = _mutable()
        if ip is None or type(value) is Box or type(base._v) is Box or ip.shares(value, base._v):
            t._ver = base._version
        else:
            t._ver = -1  # the native value is a copy: replay the chain on each read
        return t

    # ------------------------------------------------------------ properties

    @property
    def dtype(self):
        d = self._dt
        if d is None:
            d = self._dt = T.FROM_CORE[C.dtype_of(self._value())]
        return d

    @property
    def shape(self) -> Size:
        return Size(C.shape(self._value()))

    def size(self, dim=None):
        s = C.shape(self._value())
        if dim is None:
            return Size(s)
        return s[_dim(dim, len(s))]

    @property
    def ndim(self) -> int:
        return len(C.shape(self._value()))

    def dim(self) -> int:
        return len(C.shape(self._value()))

    ndimension = dim

    def numel(self) -> int:
        return math.prod(C.shape(self._value()))

    nelement = numel

    def element_size(self) -> int:
        return self.dtype.itemsize

    @property
    def itemsize(self) -> int:
        return self.dtype.itemsize

    @property
    def nbytes(self) -> int:
        return self.numel() * self.dtype.itemsize

    @property
    def device(self):
        from ._device import device_of

        return device_of(self._value())

    @property
    def is_cuda(self) -> bool:
        return self.device.type == "cuda"

    @property
    def requires_grad(self) -> bool:
        return type(self._value()) is Box

    @requires_grad.setter
    def requires_grad(self, flag) -> None:
        from . import _autograd as A

        v = self._value()
        if type(v) is Box and v.node.rule is not None:
            if not flag:
                raise RuntimeError("you can only change requires_grad flags of leaf variables. If "
                                   "you want to use a computed variable in a subgraph that doesn't "
                                   "require differentiation use var_no_grad = var.detach().")
            return
        if flag:
            d = self.dtype
            if not (d.is_floating_point or d.is_complex):
                raise RuntimeError("only Tensors of floating point and complex dtype can require "
                                   "gradients")
            if type(v) is Box:
                return
            if self._base is not None:  # a view becomes a leaf of its own
                self._v, self._base, self._geo = _strip(v), None, None
                self.__dict__.pop("_base", None)
            A.make_leaf(self)
        elif type(v) is Box:
            A.drop_leaf(self if self._base is None else self._base)

    @property
    def is_leaf(self) -> bool:
        v = self._value()
        return type(v) is not Box or v.node.rule is None

    @property
    def grad_fn(self):
        from . import _autograd as A

        return A.grad_fn_of(self._value())

    def backward(self, gradient=None, retain_graph=None, create_graph=False, inputs=None):
        from . import _autograd as A

        A.backward([self], None if gradient is None else [gradient], retain_graph, create_graph,
                   inputs)

    def register_hook(self, hook):
        from . import _autograd as A

        return A.register_hook(self, hook)

    def retain_grad(self) -> None:
        from . import _autograd as A

        A.retain_grad(self)

    @property
    def retains_grad(self) -> bool:
        from . import _autograd as A

        v = self._value()
        return type(v) is Box and v.index in A._RETAINED.get(v.node, {})

    @property
    def layout(self):
        return "torch.strided"

    @property
    def is_sparse(self) -> bool:
        return False

    @property
    def is_quantized(self) -> bool:
        return False

    @property
    def is_meta(self) -> bool:
        return False

    def is_floating_point(self) -> bool:
        return self.dtype.is_floating_point

    def is_complex(self) -> bool:
        return self.dtype.is_complex

    def is_signed(self) -> bool:
        return self.dtype.is_signed

    # ------------------------------------------------------------ strides

    def _strides(self) -> tuple:
        g = self._geo
        return M.contiguous_strides(C.shape(self._value())) if g is None else g[0]

    def _offset(self) -> int:
        g = self._geo
        return 0 if g is None else g[1]

    def stride(self, dim=None):
        s = self._strides()
        return s if dim is None else s[_dim(dim, len(s))]

    def storage_offset(self) -> int:
        return self._offset()

    def is_contiguous(self, memory_format=None) -> bool:
        return self._geo is None or M.is_contiguous(C.shape(self._value()), self._geo[0])

    def data_ptr(self) -> int:
        root = self if self._base is None else self._base
        return id(root) + self._offset() * self.dtype.itemsize

    def untyped_storage(self):
        return _Storage(self if self._base is None else self._base)

    def _is_view(self) -> bool:
        return self._base is not None

    @property
    def _version_counter(self) -> int:
        return (self if self._base is None else self._base)._version

    # ------------------------------------------------------------ data / detach

    @property
    def data(self):
        t = _alias(self)
        return t

    @data.setter
    def data(self, other):
        if self._base is not None:
            raise RuntimeError("setting .data of a view is not supported")
        old = self._v
        new = _strip(other._value())
        if type(old) is Box and old.node.rule is None:
            from . import _autograd as A

            new = Box(new, old.node, 0, A.TRACE)
        self._v = new
        self._dt = other._dt
        self._geo = other._geo
        self._version += 1

    # ------------------------------------------------------------ conversion

    def item(self):
        v = self._value()
        if math.prod(C.shape(v)) != 1:
            raise RuntimeError(f"a Tensor with {math.prod(C.shape(v))} elements cannot be "
                               "converted to Scalar")
        return C.to_numpy(v).reshape(()).item()

    def tolist(self):
        return C.to_numpy(self._value()).tolist()

    def numpy(self, *, force=False):
        if self.requires_grad and not force:
            raise RuntimeError("Can't call numpy() on Tensor that requires grad. "
                               "Use tensor.detach().numpy() instead.")
        out = C.to_numpy(self._value())
        return out

    def __array__(self, dtype=None, copy=None):
        out = C.to_numpy(self._value())
        if dtype is not None:
            out = out.astype(dtype, copy=False)
        return out

    def __float__(self) -> float:
        return builtins.float(self._scalar("float"))

    def __int__(self) -> int:
        return builtins.int(self._scalar("int"))

    def __complex__(self) -> complex:
        return builtins.complex(self._scalar("complex"))

    def __bool__(self) -> bool:
        n = self.numel()
        if n != 1:
            raise RuntimeError(f"Boolean value of Tensor with {'more than one value' if n else 'no values'} "
                               "is ambiguous")
        return builtins.bool(self.item())

    def __index__(self) -> int:
        d = self.dtype
        if d.is_floating_point or d.is_complex or self.numel() != 1:
            raise TypeError("only integer tensors of a single element can be converted to an index")
        return builtins.int(self.item())

    def _scalar(self, what):
        if self.numel() != 1:
            raise RuntimeError(f"only one element tensors can be converted to Python scalars")
        return self.item()

    def __len__(self) -> int:
        s = C.shape(self._value())
        if not s:
            raise TypeError("len() of a 0-d tensor")
        return s[0]

    def __iter__(self):
        s = C.shape(self._value())
        if not s:
            raise TypeError("iteration over a 0-d tensor")
        return (self[i] for i in range(s[0]))

    def __hash__(self) -> int:
        return id(self)

    def __repr__(self) -> str:
        from ._format import tensor_repr

        return tensor_repr(self)

    __str__ = __repr__

    def __format__(self, spec):
        if self.ndim == 0:
            return format(self.item(), spec)
        return object.__format__(self, spec)

    def __dlpack__(self, *, stream=None, **kwargs):
        host = self.numpy()
        if not host.flags.writeable:  # a read-only host copy (jax): DLPack cannot say so
            host = host.copy()
        return host.__dlpack__()

    def __dlpack_device__(self):
        return (1, 0)

    def __reduce_ex__(self, proto):
        return (_rebuild, (self.numpy().copy(), self.requires_grad))

    def __deepcopy__(self, memo):
        from ._creation import clone_tensor

        out = clone_tensor(self)
        out.requires_grad = self.requires_grad
        memo[id(self)] = out
        return out

    def __array_namespace__(self, *, api_version=None):
        raise AttributeError("__array_namespace__")


def _rebuild(arr, requires_grad):  # noqa: D103
    t = wrap(C.asarray(arr))
    t.requires_grad = requires_grad
    return t


class _Storage:
    """What `untyped_storage()` gives: enough for identity checks (`data_ptr`)."""

    def __init__(self, base):
        self._base = base

    def data_ptr(self) -> int:
        return id(self._base)

    def nbytes(self) -> int:
        return self._base.nbytes


def wrap(value, dt=None) -> Tensor:
    """A base tensor over a native value (dt: its torch dtype when the caller knows it)."""
    t = _new(Tensor)
    t._v = value
    t._dt = dt
    return t


_DETACH = M.Detach()


def _alias(x: Tensor) -> Tensor:
    """A tensor sharing x's storage with no autograd history (detach / .data)."""
    t = _new(Tensor)
    t._v = _strip(x._value())
    t._dt = x._dt
    t._geo = x._geo
    if x._base is None:
        t._base = x
        t._chain = (_DETACH,)
        t._ver = x._version
    else:
        t._base = x._base
        t._chain = x._chain + (_DETACH,)
        t._ver = x._ver
    return t


_RECORDING = _dispatch._RECORDING.get
_BACKEND = _dispatch._BACKEND.get


def _mutable():
    """The current backend's in-place module, or None (immutable arrays)."""
    b = _BACKEND()
    return (b or _dispatch.state().backend).inplace


def _check_overlap(t: Tensor) -> None:
    g = t._geo
    if g is not None and M.overlapping(C.shape(t._value()), g[0]):
        raise RuntimeError("unsupported operation: some elements of the input tensor and the "
                           "written-to tensor refer to a single memory location. Please clone() "
                           "the tensor before performing the operation.")


def _dim(dim, ndim: int) -> int:
    n = max(ndim, 1)
    if not -n <= dim < n:
        raise IndexError(f"Dimension out of range (expected to be in range of [{-n}, {n - 1}], "
                         f"but got {dim})")
    return dim + n if dim < 0 else dim


def value(x):
    """The native value of a Tensor (other objects pass through)."""
    return x._value() if isinstance(x, Tensor) else x
