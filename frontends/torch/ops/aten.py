"""torch.ops.aten: the aten operators PyTorch code and its test corpus call directly.

Each name is an OpPacket (see _packet.py): call it, or pick an overload (`.default`, `.vec`,
...). The ops that are also top-level torch functions reuse those (frontends/torch/_aten.py
and the namespace); the aten-only ops (backward helpers, `_batch_norm_with_update`, the
antialiased upsample) are written here. A name not in the table raises UnsupportedAPI.
"""
from __future__ import annotations

import builtins
import math

from .... import core as C
from .. import _aten as A
from .. import _dtype as T
from .._api import unsupported
from .._tensor import _dim, wrap
from ._packet import OpPacket


def _F():
    from ..nn import functional
    return functional


# ---------------------------------------------------------------- aten-only operators


def _batch_norm_with_update(input, weight, bias, running_mean, running_var, momentum, eps):
    """Training-mode batch norm updating the running statistics in place:
    (out, save_mean, save_invstd, reserve) with an empty uint8 reserve, like torch on CPU."""
    out, mean, rstd = A._batch_norm(input, weight, bias, running_mean, running_var, True,
                                    momentum, eps)
    reserve = C.zeros((0,), dtype=C.uint8, device=C.device_of(input._value()))
    return out, mean, rstd, wrap(reserve, T.uint8)


def _native_batch_norm_legit_no_stats(input, weight, bias, training, momentum, eps):
    return A._batch_norm(input, weight, bias, None, None, builtins.bool(training), momentum, eps)


def _softmax_backward_data(grad_output, output, dim, input_dtype):
    """The gradient of softmax at its output y: y * (g - sum(g * y, dim)). Like torch on the
    CPU, the result has grad_output's dtype (input_dtype is not applied)."""
    if output.dtype is not grad_output.dtype:
        raise RuntimeError(f"expected scalar type {_F()._tname(grad_output)} but found "
                           f"{_F()._tname(output)}")
    g, y = grad_output._value(), output._value()
    scalar = not C.shape(y)
    if scalar:
        g, y = C.reshape(g, (1,)), C.reshape(y, (1,))
    d = _dim(dim, len(C.shape(y)))
    r = C.multiply(y, C.subtract(g, C.sum(C.multiply(g, y), axis=d, keepdims=True)))
    if scalar:
        r = C.reshape(r, ())
    return wrap(r, grad_output.dtype)


def _softmax(input, dim, half_to_float):
    """aten._softmax (half_to_float: a float16/bfloat16 input gives a float32 result)."""
    return A.softmax(input, dim, T.float32 if half_to_float else None)


def _log_softmax(input, dim, half_to_float):
    return A.log_softmax(input, dim, T.float32 if half_to_float else None)


def _upsample_aa(input, out, sfs, align_corners):
    F = _F()
    if input.ndim != 4:
        raise RuntimeError(f"Expected 4D input tensor, but got input of size {list(input.shape)}")
    if input.dtype.core.kind != "f" and input.dtype is not T.uint8:
        raise NotImplementedError(f"\"_upsample_bilinear2d_aa\" not implemented for "
                                  f"'{F._tname(input)}'")
    out = tuple(builtins.int(o) for o in out)
    if len(out) != 2 or any(o < 1 for o in out):
        raise RuntimeError(f"Input and output sizes should be greater than 0, but got output "
                           f"size {list(out)}")
    sfs = tuple(None if s is None else builtins.float(s) for s in sfs)
    return wrap(F._separable(input._value(), out, sfs, builtins.bool(align_corners), "bilinear",
                             True))


def _upsample_bilinear2d_aa_default(input, output_size, align_corners, scales_h=None,
                                    scales_w=None):
    return _upsample_aa(input, output_size, (scales_h, scales_w), align_corners)


def _upsample_bilinear2d_aa_vec(input, output_size, align_corners, scale_factors):
    if (output_size is None) == (scale_factors is None):
        raise RuntimeError("Must specify exactly one of output_size and scale_factors")
    if output_size is not None:
        return _upsample_aa(input, output_size, (None, None), align_corners)
    sfs = tuple(scale_factors)
    out = tuple(math.floor(n * s) for n, s in zip(input.shape[2:], sfs))
    return _upsample_aa(input, out, sfs, align_corners)


def _upsample_bilinear2d_aa(input, output_size, align_corners, *args, **kwargs):
    """Either overload: `.vec` when scale_factors is given (or output_size is None)."""
    if "scale_factors" in kwargs or output_size is None or (
            args and isinstance(args[0], (list, tuple))):
        return _upsample_bilinear2d_aa_vec(input, output_size, align_corners, *args, **kwargs)
    return _upsample_bilinear2d_aa_default(input, output_size, align_corners, *args, **kwargs)


def max_pool2d_with_indices_backward(grad_output, input, kernel_size, stride, padding, dilation,
                                     ceil_mode, indices):
    """The input gradient of max_pool2d: grad_output added at the saved flat (H * W) indices
    of each plane (the window geometry is already in `indices`)."""
    xs = tuple(input.shape)
    if len(xs) not in (3, 4):
        raise RuntimeError(f"non-empty 3D or 4D (batch mode) tensor expected for input, got "
                           f"{list(xs)}")
    g = grad_output._value()
    planes = math.prod(xs[:-2])
    hw = xs[-2] * xs[-1]
    p = math.prod(C.shape(g)[-2:])
    gf = C.reshape(g, (planes, p))
    idx = C.reshape(C.astype(indices._value(), C.int64), (planes, p))
    z = C.zeros((planes, hw), dtype=C.dtype_of(g), device=C.device_of(g))
    return wrap(C.reshape(C.scatter_add(z, 1, idx, gf), xs), grad_output.dtype)


def slice(input, dim=0, start=None, end=None, step=1):  # noqa: A001 - aten's name
    """input[..., start:end:step] along dim: a view (Python's clamping of start/end)."""
    if step <= 0:
        raise RuntimeError("slice step must be positive")
    d = _dim(dim, input.ndim)
    return input[(builtins.slice(None),) * d + (builtins.slice(start, end, step),)]


# ---------------------------------------------------------------- the table

def _default(fn):
    return fn, {"default": fn}


_TABLE = {
    "_batch_norm_with_update": _default(_batch_norm_with_update),
    "_native_batch_norm_legit": (A._native_batch_norm_legit,
                                 {"default": A._native_batch_norm_legit,
                                  "no_stats": _native_batch_norm_legit_no_stats}),
    "native_batch_norm": _default(A.native_batch_norm),
    "native_layer_norm": _default(A.native_layer_norm),
    "native_group_norm": _default(A.native_group_norm),
    "_softmax_backward_data": _default(_softmax_backward_data),
    "_safe_softmax": _default(A._safe_softmax),
    "softmax": (A.softmax, {"int": A.softmax}),
    "log_softmax": (A.log_softmax, {"int": A.log_softmax}),
    "_softmax": _default(_softmax),
    "_log_softmax": _default(_log_softmax),
    "_chunk_cat": _default(A._chunk_cat),
    "segment_reduce": _default(A.segment_reduce),
    "_unsafe_masked_index": _default(A._unsafe_masked_index),
    "_unsafe_masked_index_put_accumulate": _default(A._unsafe_masked_index_put_accumulate),
    "_upsample_bilinear2d_aa": (_upsample_bilinear2d_aa,
                                {"default": _upsample_bilinear2d_aa_default,
                                 "vec": _upsample_bilinear2d_aa_vec}),
    "max_pool2d_with_indices_backward": _default(max_pool2d_with_indices_backward),
    "native_dropout_backward": _default(A.native_dropout_backward),
    "grid_sampler_2d": _default(A.grid_sampler_2d),
    "grid_sampler_3d": _default(A.grid_sampler_3d),
    "constant_pad_nd": _default(A.constant_pad_nd),
    "slice": (slice, {"Tensor": slice}),
}

_PACKETS = {name: OpPacket(name, call, overloads) for name, (call, overloads) in _TABLE.items()}
globals().update(_PACKETS)


def __getattr__(name: str):
    raise unsupported("torch.ops.aten", name)
