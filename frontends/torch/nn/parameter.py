"""torch.nn.Parameter and torch.nn.Buffer.

A Parameter is a Tensor subclass that shares its data's storage (like `_tensor._alias`: a view
with an empty chain of the data's root), is a leaf, and requires grad by default.
"""
from __future__ import annotations

from .._tensor import Tensor, _alias

__all__ = ["Parameter", "Buffer", "is_lazy"]

# the per-instance fields of a Tensor that say where its value lives
_FIELDS = ("_v", "_dt", "_geo", "_base", "_chain", "_ver")


def _share(dst, src) -> None:
    """Make dst a storage-sharing alias of src (no autograd history)."""
    a = _alias(src)
    for k in _FIELDS:
        try:
            setattr(dst, k, getattr(a, k))
        except AttributeError:
            pass
    dst._node = None


class Parameter(Tensor):
    """A Tensor that a Module registers as a parameter (shares `data`'s storage)."""

    def __new__(cls, data=None, requires_grad=True):
        if data is None:
            from .._creation import empty

            data = empty(0)
        if not isinstance(data, Tensor):
            raise TypeError(f"Parameter(): argument 'data' must be Tensor, not {type(data).__name__}")
        p = object.__new__(cls)
        _share(p, data)
        p.grad = None
        if requires_grad and not (p.dtype.is_floating_point or p.dtype.is_complex):
            raise RuntimeError("Only Tensors of floating point and complex dtype can require "
                               "gradients")
        p.requires_grad = bool(requires_grad)
        return p

    def __init__(self, data=None, requires_grad=True):
        pass

    @property
    def data(self):
        return _alias(self)

    @data.setter
    def data(self, other):
        if other is self:
            return
        if not isinstance(other, Tensor):
            raise TypeError(f"data must be a Tensor, not {type(other).__name__}")
        if self._base is None:  # a leaf: keeps its autograd identity
            Tensor.data.fset(self, other)
        else:  # an alias of another tensor's storage (requires_grad=False)
            _share(self, other)

    def __repr__(self) -> str:
        return "Parameter containing:\n" + Tensor.__repr__(self)

    __str__ = __repr__

    def __deepcopy__(self, memo):
        got = memo.get(id(self))
        if got is not None:
            return got
        from .._creation import clone_tensor

        out = type(self)(clone_tensor(self), self.requires_grad)
        memo[id(self)] = out
        return out

    def __reduce_ex__(self, proto):
        return (_rebuild_parameter, (self.numpy(force=True).copy(), self.requires_grad))


def _rebuild_parameter(arr, requires_grad):
    from .._creation import tensor

    return Parameter(tensor(arr), requires_grad)


class _BufferMeta(type):
    def __instancecheck__(cls, obj):
        return isinstance(obj, Tensor) and getattr(obj, "_is_buffer", False)


class Buffer(Tensor, metaclass=_BufferMeta):
    """torch.nn.Buffer: `Buffer(t)` is a detached Tensor marked as a buffer, so that assigning
    it to a Module attribute registers it (persistent or not)."""

    def __new__(cls, data=None, *, persistent=True):
        if data is None:
            from .._creation import empty

            data = empty(0)
        t = _alias(data)
        t.requires_grad = data.requires_grad
        t.persistent = persistent
        t._is_buffer = True
        return t


def is_lazy(param) -> bool:
    return False
