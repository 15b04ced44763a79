"""torch.utils.data's collation: `default_collate` (a batch of samples -> one batched sample)
and `default_convert` (NumPy arrays and scalars -> tensors, used without auto-batching).

Like torch's: tensors are stacked along a new first dimension; NumPy arrays become tensors
and are stacked; NumPy scalars become one tensor; Python floats a float64 tensor, ints
(and bools) a tensor of their dtype; str/bytes batches stay as they are; mappings,
namedtuples and sequences are collated field by field (a tuple of fields gives a list).
"""
from __future__ import annotations

import collections.abc as abc
import copy
import re

import numpy as np

from ...._tensor import Tensor
from .._ns import torch as _t

_STR_OR_OBJECT = re.compile(r"[SaUO]")
_ERR = ("default_collate: batch must contain tensors, numpy arrays, numbers, dicts or lists; "
        "found {}")


def _numpy_kind(elem):
    """'array', 'scalar' or None for a NumPy object (strings excluded, as in torch)."""
    if isinstance(elem, np.ndarray):
        return "array"
    if isinstance(elem, (np.number, np.bool_)):
        return "scalar"
    return None


def collate_tensor_fn(batch, *, collate_fn_map=None):
    return _t.stack(list(batch), 0)


def collate_numpy_array_fn(batch, *, collate_fn_map=None):
    elem = batch[0]
    if _STR_OR_OBJECT.search(elem.dtype.str) is not None:
        raise TypeError(_ERR.format(elem.dtype))
    return collate([_t.as_tensor(b) for b in batch], collate_fn_map=collate_fn_map)


def collate_numpy_scalar_fn(batch, *, collate_fn_map=None):
    return _t.as_tensor(np.asarray(batch))


def collate_float_fn(batch, *, collate_fn_map=None):
    return _t.tensor(list(batch), dtype=_t.float64)


def collate_int_fn(batch, *, collate_fn_map=None):
    return _t.tensor(list(batch))


def collate_str_fn(batch, *, collate_fn_map=None):
    return batch


default_collate_fn_map = {
    Tensor: collate_tensor_fn,
    np.ndarray: collate_numpy_array_fn,
    np.bool_: collate_numpy_scalar_fn,
    np.number: collate_numpy_scalar_fn,
    float: collate_float_fn,
    int: collate_int_fn,
    str: collate_str_fn,
    bytes: collate_str_fn,
}


def _lookup(collate_fn_map, elem_type):
    fn = collate_fn_map.get(elem_type)
    if fn is not None:
        return fn
    for cls, fn in collate_fn_map.items():
        if issubclass(elem_type, cls):
            return fn
    return None


def _mapping(elem, items):
    """A mapping like `elem` (its type when it can be rebuilt) holding `items`."""
    try:
        if isinstance(elem, abc.MutableMapping):
            out = copy.copy(elem)
            out.update(items)
            return out
        return type(elem)(items)
    except TypeError:
        return items


def collate(batch, *, collate_fn_map=None):
    """torch.utils.data._utils.collate.collate: default_collate with a custom type -> function
    table."""
    elem = batch[0]
    elem_type = type(elem)
    if collate_fn_map is not None:
        fn = _lookup(collate_fn_map, elem_type)
        if fn is not None:
            return fn(batch, collate_fn_map=collate_fn_map)
    if isinstance(elem, abc.Mapping):
        return _mapping(elem, {k: collate([d[k] for d in batch], collate_fn_map=collate_fn_map)
                               for k in elem})
    if isinstance(elem, tuple) and hasattr(elem, "_fields"):
        return elem_type(*(collate(s, collate_fn_map=collate_fn_map) for s in zip(*batch)))
    if isinstance(elem, abc.Sequence):
        n = len(elem)
        if any(len(e) != n for e in batch):
            raise RuntimeError("each element in list of batch should be of equal size")
        parts = [collate(s, collate_fn_map=collate_fn_map) for s in zip(*batch)]
        if isinstance(elem, tuple):
            return parts
        try:
            if isinstance(elem, abc.MutableSequence):
                out = copy.copy(elem)
                for i, p in enumerate(parts):
                    out[i] = p
                return out
            return elem_type(parts)
        except TypeError:
            return parts
    raise TypeError(_ERR.format(elem_type))


def default_collate(batch):
    return collate(batch, collate_fn_map=default_collate_fn_map)


def default_convert(data):
    if isinstance(data, Tensor):
        return data
    kind = _numpy_kind(data)
    if kind == "array":
        if _STR_OR_OBJECT.search(data.dtype.str) is not None:
            return data
        return _t.as_tensor(data)
    if kind == "scalar":
        return _t.as_tensor(data)
    if isinstance(data, (str, bytes)):
        return data
    if isinstance(data, abc.Mapping):
        return _mapping(data, {k: default_convert(v) for k, v in data.items()})
    if isinstance(data, tuple) and hasattr(data, "_fields"):
        return type(data)(*(default_convert(d) for d in data))
    if isinstance(data, tuple):
        return [default_convert(d) for d in data]
    if isinstance(data, abc.Sequence):
        parts = [default_convert(d) for d in data]
        try:
            if isinstance(data, abc.MutableSequence):
                out = copy.copy(data)
                for i, p in enumerate(parts):
                    out[i] = p
                return out
            return type(data)(parts)
        except TypeError:
            return parts
    return data
