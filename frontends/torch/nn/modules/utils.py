"""torch.nn.modules.utils: tuple helpers, plus the frontend helpers the modules share."""
from __future__ import annotations

import collections.abc
import contextlib
import importlib
from itertools import repeat

__all__ = []


def _ntuple(n, name="parse"):
    def parse(x):
        if isinstance(x, collections.abc.Iterable) and not isinstance(x, str):
            return tuple(x)
        return tuple(repeat(x, n))

    parse.__name__ = name
    return parse


_single = _ntuple(1, "_single")
_pair = _ntuple(2, "_pair")
_triple = _ntuple(3, "_triple")
_quadruple = _ntuple(4, "_quadruple")


def _reverse_repeat_tuple(t, n):
    """(a, b) -> (b, b, a, a) for n=2: the padding argument F.pad wants from a per-dim tuple."""
    return tuple(x for x in reversed(t) for _ in range(n))


def _list_with_default(out_size, defaults):
    if isinstance(out_size, int):
        return out_size
    if len(defaults) <= len(out_size):
        raise ValueError(f"Input dimension should be at least {len(out_size) + 1}")
    return [v if v is not None else d for v, d in zip(out_size, defaults[-len(out_size):])]


_torch = None


def torch():
    """The torch frontend package (imported lazily: it imports nn while it is being built)."""
    global _torch
    if _torch is None:
        _torch = importlib.import_module(__name__.rsplit(".", 3)[0])
    return _torch


def no_grad():
    """torch.no_grad() once the frontend has autograd; a no-op context before that."""
    ng = getattr(torch(), "__dict__", {}).get("no_grad")
    return ng() if ng is not None else contextlib.nullcontext()


def typename(obj) -> str:
    """torch.typename."""
    from ..._tensor import Tensor

    if isinstance(obj, Tensor):
        return obj.type()
    module = getattr(obj, "__module__", "") or ""
    if hasattr(obj, "__qualname__"):
        qual = obj.__qualname__
    elif hasattr(obj, "__name__"):
        qual = obj.__name__
    else:
        module = type(obj).__module__ or ""
        qual = type(obj).__qualname__
    if module in ("", "builtins"):
        return qual
    return f"{module}.{qual}"


def enable_grad():
    """torch.enable_grad() once the frontend has autograd; a no-op context before that."""
    eg = getattr(torch(), "__dict__", {}).get("enable_grad")
    return eg() if eg is not None else contextlib.nullcontext()
