"""repr of tensors in torch's style (values through NumPy's printer)."""
from __future__ import annotations

import numpy as np

from ... import core as C
from . import _dtype as T

_DEFAULT_SHOWN = {"float32", "int64", "bool", "complex64"}


def tensor_repr(t) -> str:
    arr = C.to_numpy(t._value())
    d = t.dtype
    if d.is_floating_point and arr.dtype.kind == "V":
        arr = arr.astype(np.float32)
    if d.is_floating_point:
        body = np.array2string(arr.astype(np.float64) if d in (T.float16, T.bfloat16) else arr,
                               separator=", ", precision=4, floatmode="maxprec_equal",
                               prefix="tensor(")
    else:
        body = np.array2string(arr, separator=", ", prefix="tensor(")
    if arr.dtype.kind == "b":
        body = body.replace("True", "True").replace("False", "False")
    extra = []
    shown_default = d is T.get_default_dtype() or (d is T.int64) or (d is T.bool) or (
        d.is_complex and d is T.DEFAULT.complex)
    if arr.size == 0:
        body = "[]"
        if arr.ndim != 1:
            extra.append(f"size={tuple(arr.shape)}")
    if not shown_default or arr.size == 0 and not shown_default:
        extra.append(f"dtype={d}")
    if t.requires_grad:
        extra.append("requires_grad=True")
    return "tensor(" + body + "".join(", " + e for e in extra) + ")"
