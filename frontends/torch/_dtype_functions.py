"""Dtype queries and small tensor predicates of the torch namespace."""
from __future__ import annotations

from . import _dtype as T
from ._convert import can_cast as _can_cast_core, result_dtype
from ._tensor import Tensor

__all__ = ["result_type", "can_cast", "is_nonzero", "is_same_size", "typename",
           "is_storage", "set_printoptions"]


def result_type(tensor1, tensor2):
    return T.FROM_CORE[result_dtype(tensor1, tensor2)]


def can_cast(from_, to) -> bool:
    return _can_cast_core(T.as_dtype(from_).core, T.as_dtype(to).core)


def is_nonzero(input) -> bool:
    n = input.numel()
    if n == 0:
        raise RuntimeError("Boolean value of Tensor with no values is ambiguous")
    if n > 1:
        raise RuntimeError("Boolean value of Tensor with more than one value is ambiguous")
    return bool(input.item())


def is_same_size(input, other) -> bool:
    return tuple(input.shape) == tuple(other.shape)


def typename(obj) -> str:
    if isinstance(obj, Tensor):
        return obj.type()
    t = type(obj)
    return t.__name__ if t.__module__ == "builtins" else f"{t.__module__}.{t.__name__}"


def is_storage(obj) -> bool:
    return False


def set_printoptions(precision=None, threshold=None, edgeitems=None, linewidth=None,
                     profile=None, sci_mode=None) -> None:
    """Accepted for compatibility; the frontend's repr uses fixed options."""
    return None
