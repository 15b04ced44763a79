"""Dtype table, device mapping and error translation of the PyTorch backend."""
import re

import numpy as np
import torch

from ...core import dtypes as D

DTYPES = {
    D.bool: torch.bool, D.int8: torch.int8, D.int16: torch.int16, D.int32: torch.int32,
    D.int64: torch.int64, D.uint8: torch.uint8, D.uint16: torch.uint16, D.uint32: torch.uint32,
    D.uint64: torch.uint64, D.float16: torch.float16, D.bfloat16: torch.bfloat16,
    D.float32: torch.float32, D.float64: torch.float64, D.complex64: torch.complex64,
    D.complex128: torch.complex128,
}
FROM = {v: k for k, v in DTYPES.items()}
N = dict(DTYPES)
N[None] = None
NP = {  # canonical -> numpy dtype, to infer dtypes of Python data the NumPy way
    d: np.dtype(d.name) for d in D.ALL if d is not D.bfloat16
}
NP_FROM = {v: k for k, v in NP.items()}
# torch only does arithmetic on these unsigned widths through a few kernels
LIMITED = (D.uint16, D.uint32, D.uint64)


def nd(dtype, op="?"):
    try:
        return N[dtype]
    except KeyError:
        if isinstance(dtype, torch.dtype):
            return dtype
        raise TypeError(f"unify.core.{op}: dtype {dtype!r} is not supported by the torch backend") from None


_NOT_IMPL = re.compile(r"not implemented for '(\w+)'")
_TORCH_NAMES = {"UInt16": "uint16", "UInt32": "uint32", "UInt64": "uint64", "Bool": "bool",
                "Half": "float16", "BFloat16": "bfloat16", "ComplexFloat": "complex64",
                "ComplexDouble": "complex128", "Long": "int64", "Int": "int32", "Short": "int16",
                "Char": "int8", "Byte": "uint8", "Float": "float32", "Double": "float64"}


_PROMO = re.compile(r"Promotion for uint16, uint32, uint64 types is not supported.*promote (\w+) and (\w+)")


_SHAPE = ("must match the size of tensor", "Attempting to broadcast a dimension")


def translate_error(op, exc):
    if isinstance(exc, RuntimeError) and any(m in str(exc) for m in _SHAPE):
        return ValueError(f"unify.core.{op}: {exc}")
    if isinstance(exc, RuntimeError):
        m = _PROMO.search(str(exc))
        if m:
            a, b = (_TORCH_NAMES.get(g, g) for g in m.groups())
            return TypeError(f"unify.core.{op}: dtype promotion of {a} with {b} is not supported by the "
                             f"torch backend (torch lacks uint16/32/64 promotion)")
    if isinstance(exc, (NotImplementedError, RuntimeError)):
        m = _NOT_IMPL.search(str(exc))
        if m:
            dt = _TORCH_NAMES.get(m.group(1), m.group(1))
            return TypeError(f"unify.core.{op}: dtype {dt} is not supported by the torch backend "
                             f"for this op ({exc})")
    return None
