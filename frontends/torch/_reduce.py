"""Reductions (sum, mean, ...): torch's dim/keepdim/dtype arguments over core reductions."""
from __future__ import annotations

from ... import core as C
from . import _dtype as T
from ._api import _raise
from ._convert import finish
from ._tensor import _dim

__all__ = ["sum", "mean"]


def _dims(dim, ndim):
    if dim is None:
        return None
    if isinstance(dim, (tuple, list)):
        if not dim:
            return None
        return tuple(_dim(d, ndim) for d in dim)
    return _dim(dim, ndim)


def sum(input, dim=None, keepdim=False, *, dtype=None, out=None):  # noqa: A001
    try:
        v = input._value()
        d = input.dtype.core
        if dtype is not None:
            d = T.as_dtype(dtype).core
        elif d.kind in "bui" and d is not C.uint64:
            d = C.int64
        if dim is None and not keepdim and dtype is None and d is input.dtype.core:
            return finish(C.sum(v), d, out)
        return finish(C.sum(v, axis=_dims(dim, len(C.shape(v))), dtype=d, keepdims=keepdim), d, out)
    except ValueError as e:
        _raise(e)
        raise


def mean(input, dim=None, keepdim=False, *, dtype=None, out=None):
    d = input.dtype if dtype is None else T.as_dtype(dtype)
    if not (d.is_floating_point or d.is_complex):
        raise RuntimeError(f"mean(): could not infer output dtype. Input dtype must be either a "
                           f"floating point or complex dtype. Got: {d._name.capitalize()}")
    v = input._value()
    if d is not input.dtype:
        v = C.astype(v, d.core)
    return finish(C.mean(v, axis=_dims(dim, len(C.shape(v))), keepdims=keepdim), d.core, out)


sum._torch_public = True
