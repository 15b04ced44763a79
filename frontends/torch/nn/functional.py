"""torch.nn.functional on the current unify backend.

Every function takes frontend Tensors, calls core ops (`unify.core`) on their native values and
wraps the result; the heavy ops (conv, pooling, normalization, interpolation, attention, ...)
are core ops, the losses and the rest are short compositions of core ops here. Random
functions (dropout family, rrelu in training, gumbel_softmax, fractional max pooling) draw
their keys from the torch frontend's generator (`_random.next_key()` when it exists, else a
module-local sequence), so their values differ from torch's for the same seed. Errors follow
torch: core ValueErrors become RuntimeError (through `_api.public`, applied at the end of the
module), the ValueErrors torch raises itself are `TorchValueError`. Index checks (embedding,
nll_loss, one_hot, ...) read one scalar on the host and are skipped while a value is traced.
"""
from __future__ import annotations

import builtins
import itertools
import math
import warnings

import numpy as _np

from .... import core as C
from ....core.autograd import strip as _strip
from ....core.ops import nn as _cnn
from .. import _api
from .. import _dtype as T
from .._api import TorchValueError
from .._convert import operands as _operands, write_out as _write_out
from .._tensor import Tensor, _dim, wrap

__all__ = [
    # activations
    "relu", "relu_", "relu6", "leaky_relu", "leaky_relu_", "elu", "elu_", "selu", "selu_",
    "celu", "celu_", "gelu", "silu", "mish", "softplus", "softsign", "hardtanh", "hardtanh_",
    "hardsigmoid", "hardswish", "logsigmoid", "tanhshrink", "softshrink", "hardshrink",
    "threshold", "threshold_", "glu", "prelu", "rrelu", "rrelu_", "sigmoid", "tanh", "softmax",
    "log_softmax", "softmin", "gumbel_softmax", "normalize",
    # linear and convolution
    "linear", "bilinear", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d",
    "conv_transpose3d", "conv_tbc", "unfold", "fold",
    # pooling
    "max_pool1d", "max_pool2d", "max_pool3d", "max_pool1d_with_indices",
    "max_pool2d_with_indices", "max_pool3d_with_indices", "avg_pool1d", "avg_pool2d",
    "avg_pool3d", "max_unpool1d", "max_unpool2d", "max_unpool3d", "lp_pool1d", "lp_pool2d",
    "lp_pool3d", "adaptive_avg_pool1d", "adaptive_avg_pool2d", "adaptive_avg_pool3d",
    "adaptive_max_pool1d", "adaptive_max_pool2d", "adaptive_max_pool3d",
    "adaptive_max_pool1d_with_indices", "adaptive_max_pool2d_with_indices",
    "adaptive_max_pool3d_with_indices", "fractional_max_pool2d",
    "fractional_max_pool2d_with_indices", "fractional_max_pool3d",
    "fractional_max_pool3d_with_indices",
    # normalization
    "batch_norm", "instance_norm", "layer_norm", "group_norm", "rms_norm",
    "local_response_norm",
    # dropout
    "dropout", "dropout1d", "dropout2d", "dropout3d", "alpha_dropout", "feature_alpha_dropout",
    # lookup, padding, resampling, shuffles
    "embedding", "embedding_bag", "one_hot", "pad", "interpolate", "upsample",
    "upsample_nearest", "upsample_bilinear", "grid_sample", "affine_grid", "pixel_shuffle",
    "pixel_unshuffle", "channel_shuffle", "native_channel_shuffle",
    # losses
    "l1_loss", "mse_loss", "smooth_l1_loss", "huber_loss", "binary_cross_entropy",
    "binary_cross_entropy_with_logits", "cross_entropy", "nll_loss", "kl_div",
    "poisson_nll_loss", "gaussian_nll_loss", "cosine_embedding_loss", "margin_ranking_loss",
    "hinge_embedding_loss", "soft_margin_loss", "multilabel_soft_margin_loss",
    "multilabel_margin_loss", "multi_margin_loss", "triplet_margin_loss",
    "triplet_margin_with_distance_loss", "ctc_loss", "linear_cross_entropy",
    # distances and attention
    "cosine_similarity", "pairwise_distance", "pdist", "scaled_dot_product_attention",
    "multi_head_attention_forward",
]

# ---------------------------------------------------------------- shared helpers

_TYPE_NAMES = {"bool": "Bool", "uint8": "Byte", "uint16": "UInt16", "uint32": "UInt32",
               "uint64": "UInt64", "int8": "Char", "int16": "Short", "int32": "Int",
               "int64": "Long", "float16": "Half", "bfloat16": "BFloat16", "float32": "Float",
               "float64": "Double", "complex64": "ComplexFloat", "complex128": "ComplexDouble"}


def _tname(t) -> str:
    return _TYPE_NAMES.get(t.dtype.core.name, t.dtype.core.name)


def _val(t):
    """The native value of an optional tensor."""
    return None if t is None else t._value()


def _ret(input, v, inplace):
    """The result `v` as a new tensor, or written into `input` (inplace=True)."""
    if inplace:
        input._write(v)
        return input
    return wrap(v)


def _float_only(input, name):
    if input.dtype.core.kind != "f":
        raise NotImplementedError(f'"{name}" not implemented for \'{_tname(input)}\'')
    return input._value()


def _as_float(input):
    """input's value, integers and bool in the default float dtype (torch's int -> float ops)."""
    v = input._value()
    if input.dtype.core.kind not in "fc":
        v = C.astype(v, T.DEFAULT.float.core)
    return v


def _ntuple(v, n):
    if isinstance(v, (tuple, list)):
        return tuple(v) * n if len(v) == 1 else tuple(v)
    return (v,) * n


def _device(x):
    """x's device, or None (the default) where it can't be asked (a value being traced)."""
    try:
        return C.device_of(x)
    except Exception:  # noqa: BLE001
        return None


def _const(a, like, dtype=None):
    """A numpy constant as a native array on like's device (of like's dtype unless given)."""
    return C.asarray(a, dtype=C.dtype_of(like) if dtype is None else dtype, device=_device(like))


def _host(v):
    """A native value as numpy, or None where it can't be read (a value being traced)."""
    try:
        return C.to_numpy(_strip(v))
    except Exception:  # noqa: BLE001  (jax tracers, symbolic tf tensors)
        return None


def _any(mask) -> bool:
    """Whether a native bool array has a True entry (False where it can't be read: traced).
    One scalar crosses to the host, so input checks stay cheap on accelerators."""
    h = _host(C.any(_strip(mask)))
    return h is not None and builtins.bool(h)


def _key():
    """A fresh core random key from the torch frontend's global generator."""
    from .. import _random

    nk = getattr(_random, "next_key", None)
    if nk is not None:
        return nk()
    _FALLBACK[1] += 1
    return C.random.key((_FALLBACK[0] + _FALLBACK[1]) & 0xFFFFFFFFFFFFFFFF)


_FALLBACK = [int(_np.random.SeedSequence().entropy) & 0xFFFFFFFFFFFFFFFF, 0]


def _moveaxis_matmul(v, ax, m):
    """Contract axis `ax` of v with the matrix m (n, o): that axis becomes size o."""
    nd = len(C.shape(v))
    perm = tuple(a for a in range(nd) if a != ax) + (ax,)
    inv = tuple(int(i) for i in _np.argsort(perm))
    return C.permute_dims(C.matmul(C.permute_dims(v, perm), m), inv)


# ---------------------------------------------------------------- activations


def relu(input, inplace=False):
    if input.dtype is T.bool:
        raise RuntimeError("Boolean inputs not supported for relu")
    return _ret(input, C.relu(input._value()), inplace)


def relu_(input):
    return relu(input, True)


def _clamp(input, lo, hi):
    v = input._value()
    if input.dtype.core.kind in "iub":
        return C.clip(v, builtins.int(math.ceil(lo)), builtins.int(math.floor(hi)))
    return C.hardtanh(v, lo, hi)


def relu6(input, inplace=False):
    return _ret(input, _clamp(input, 0.0, 6.0), inplace)


def hardtanh(input, min_val=-1.0, max_val=1.0, inplace=False):
    if min_val > max_val:
        raise TorchValueError("min_val cannot be greater than max_val")
    return _ret(input, _clamp(input, min_val, max_val), inplace)


def hardtanh_(input, min_val=-1.0, max_val=1.0):
    return hardtanh(input, min_val, max_val, True)


def leaky_relu(input, negative_slope=0.01, inplace=False):
    return _ret(input, C.leaky_relu(_float_only(input, "leaky_relu"), negative_slope), inplace)


def leaky_relu_(input, negative_slope=0.01):
    return leaky_relu(input, negative_slope, True)


def elu(input, alpha=1.0, inplace=False):
    return _ret(input, C.elu(_float_only(input, "elu"), alpha), inplace)


def elu_(input, alpha=1.0):
    return elu(input, alpha, True)


def selu(input, inplace=False):
    return _ret(input, C.selu(_float_only(input, "elu")), inplace)


def selu_(input):
    return selu(input, True)


def celu(input, alpha=1.0, inplace=False):
    return _ret(input, C.celu(_float_only(input, "elu"), alpha), inplace)


def celu_(input, alpha=1.0):
    return celu(input, alpha, True)


def gelu(input, approximate="none"):
    return wrap(C.gelu(_float_only(input, "GeluKernelImpl"), approximate))


def silu(input, inplace=False):
    return _ret(input, C.silu(_float_only(input, "silu")), inplace)


def mish(input, inplace=False):
    return _ret(input, C.mish(_float_only(input, "mish")), inplace)


def softplus(input, beta=1.0, threshold=20.0):
    return wrap(C.softplus(_float_only(input, "softplus"), beta, threshold))


def softsign(input):
    return wrap(C.softsign(_as_float(input)))


def hardsigmoid(input, inplace=False):
    return _ret(input, C.hardsigmoid(_float_only(input, "hardsigmoid")), inplace)


def hardswish(input, inplace=False):
    return _ret(input, C.hardswish(_float_only(input, "hardswish")), inplace)


def logsigmoid(input):
    return wrap(C.logsigmoid(_float_only(input, "log_sigmoid_forward")))


def tanhshrink(input):
    return wrap(C.tanhshrink(_as_float(input)))


def softshrink(input, lambd=0.5):
    if lambd < 0:
        raise RuntimeError(f"lambda must be in range [0, {T.finfo(input.dtype).max:g}] for input "
                           f"dtype {_tname(input)}, but found {lambd}")
    return wrap(C.softshrink(_float_only(input, "softshrink"), lambd))


def hardshrink(input, lambd=0.5):
    x = _float_only(input, "hardshrink")
    if lambd >= 0:
        return wrap(C.hardshrink(x, lambd))
    return wrap(C.where(C.logical_and(C.greater_equal(x, -lambd), C.less_equal(x, lambd)), 0.0,
                        x))


def threshold(input, threshold, value, inplace=False):
    return _ret(input, C.threshold(input._value(), threshold, value), inplace)


def threshold_(input, threshold, value):
    return _ret(input, C.threshold(input._value(), threshold, value), True)


def glu(input, dim=-1):
    v = input._value()
    nd = len(C.shape(v))
    if nd == 0:
        raise RuntimeError("glu does not support scalars because halving size must be even")
    d = _dim(dim, nd)
    n = C.shape(v)[d]
    if n % 2:
        raise RuntimeError(f"Halving dimension must be even, but dimension {d} is size {n}")
    return wrap(C.glu(v, d))


def prelu(input, weight):
    x = _float_only(input, "prelu")
    if weight.ndim > 1:
        raise RuntimeError(f"prelu: Expected `weight` to be a scalar or 1D tensor, but got: "
                           f"ndim = {weight.ndim}")
    w = weight._value()
    nw = math.prod(C.shape(w))
    xs = C.shape(x)
    ch = xs[1] if len(xs) >= 2 else 1
    if nw != 1 and nw != ch:
        raise RuntimeError(f"Mismatch of parameter numbers and input channel size. Found parameter "
                           f"numbers = {nw} and channel size = {ch}.")
    return wrap(C.prelu(x, w))


def rrelu(input, lower=1.0 / 8, upper=1.0 / 3, training=False, inplace=False):
    if lower > upper:
        raise RuntimeError("Lower bound should be less than or equal to the upper bound")
    x = _float_only(input, "rrelu_with_noise")
    if not training:
        return _ret(input, C.leaky_relu(x, (lower + upper) / 2), inplace)
    slope = C.random.uniform(_key(), shape=C.shape(x), dtype=C.dtype_of(x), minval=lower,
                             maxval=upper)
    return _ret(input, C.where(C.greater_equal(x, 0), x, C.multiply(x, slope)), inplace)


def rrelu_(input, lower=1.0 / 8, upper=1.0 / 3, training=False):
    return rrelu(input, lower, upper, training, True)


def sigmoid(input):
    return wrap(C.sigmoid(_as_float(input)))


def tanh(input):
    return wrap(C.tanh(_as_float(input)))


def _softmax_args(input, dim, dtype, name):
    v = input._value()
    if dtype is not None:
        v = C.astype(v, T.as_dtype(dtype).core)
    elif input.dtype.core.kind != "f":
        raise NotImplementedError(f'"{name}" not implemented for \'{_tname(input)}\'')
    nd = len(C.shape(v))
    if dim is None:
        warnings.warn(f"Implicit dimension choice for {name} has been deprecated. Change the call "
                      "to include dim=X as an argument.", stacklevel=4)
        dim = 0 if nd in (0, 1, 3) else 1
    d = _dim(dim, nd)
    return v, (d if nd else -1)


def softmax(input, dim=None, _stacklevel=3, dtype=None):
    v, d = _softmax_args(input, dim, dtype, "softmax")
    return wrap(C.softmax(v, axis=d))


def log_softmax(input, dim=None, _stacklevel=3, dtype=None):
    v, d = _softmax_args(input, dim, dtype, "log_softmax")
    return wrap(C.log_softmax(v, axis=d))


def softmin(input, dim=None, _stacklevel=3, dtype=None):
    v, d = _softmax_args(input, dim, dtype, "softmin")
    return wrap(C.softmax(C.negative(v), axis=d))


def gumbel_softmax(logits, tau=1, hard=False, eps=1e-10, dim=-1):
    """Gumbel noise comes from unify's generator: values differ from torch's for a seed."""
    v = _float_only(logits, "gumbel_softmax")
    xs = C.shape(v)
    d = _dim(dim, len(xs))
    g = C.negative(C.log(C.random.exponential(_key(), shape=xs, dtype=C.dtype_of(v))))
    y = C.softmax(C.divide(C.add(v, g), tau), axis=d)
    if not hard:
        return wrap(y)
    idx = C.argmax(y, axis=d, keepdims=True)
    ar = _const(_np.arange(xs[d]).reshape([xs[d] if i == d else 1 for i in range(len(xs))]),
                idx)
    y_hard = C.astype(C.equal(ar, idx), C.dtype_of(v))
    return wrap(C.add(C.subtract(y_hard, _strip(y)), y))


def normalize(input, p=2.0, dim=1, eps=1e-12, out=None):
    _no_ints("normalize", input, msg=f"linalg.vector_norm: Expected a floating point or complex "
                                     f"tensor as input. Got {_tname(input)}")
    v = input._value()
    d = _dim(dim, len(C.shape(v)))
    if not C.shape(v):  # a 0-d input is its own (one-element) vector
        r = C.reshape(normalize(wrap(C.reshape(v, (1,))), p, 0, eps)._value(), ())
        return wrap(r) if out is None else _write_out(out, r)
    if input.dtype.is_complex:  # the norm of |v|, a real divisor
        n = C.linalg.vector_norm(v, axis=d, keepdims=True, ord=p)
        r = C.divide(v, C.astype(C.maximum(n, eps), C.dtype_of(v)))
    else:
        r = C.normalize(v, p, axis=d, eps=eps)
    return wrap(r) if out is None else _write_out(out, r)


# ---------------------------------------------------------------- linear and convolution


def _same_dtype(a, b, what="Input type ({}) and weight type ({}) should be the same"):
    if b is not None and a.dtype is not b.dtype:
        raise RuntimeError(what.format(a.dtype, b.dtype))


def linear(input, weight, bias=None):
    if input.dtype is not weight.dtype:
        raise RuntimeError(f"expected m1 and m2 to have the same dtype, but got: "
                           f"{_tname(input).lower()} != {_tname(weight).lower()}")
    x, w = input._value(), weight._value()
    if len(C.shape(w)) == 2:
        y = C.matmul(x, C.matrix_transpose(w))
    elif bias is not None:
        raise RuntimeError("mat2 must be a matrix, got 1-D tensor")
    else:
        y = C.matmul(x, w)
    if bias is not None:
        y = C.add(y, bias._value())
    return wrap(y)


def bilinear(input1, input2, weight, bias=None):
    a, b, w = input1._value(), input2._value(), weight._value()
    ws = C.shape(w)
    if len(ws) != 3 or C.shape(a)[-1] != ws[1]:
        raise RuntimeError(f"bilinear(): input1 size does not match weight size: got "
                           f"{C.shape(a)[-1]} but expected {ws[1] if len(ws) > 1 else '?'}")
    if C.shape(b)[-1] != ws[2]:
        raise RuntimeError(f"bilinear(): input2 size does not match weight size: got "
                           f"{C.shape(b)[-1]} but expected {ws[2]}")
    y = C.einsum("...i,oij,...j->...o", a, w, b)
    if bias is not None:
        y = C.add(y, bias._value())
    return wrap(y)


def _conv_checks(n, name, input, weight, bias):
    x, w = input._value(), weight._value()
    xs = C.shape(x)
    if len(xs) not in (n + 1, n + 2):
        raise RuntimeError(f"Expected {n + 1}D (unbatched) or {n + 2}D (batched) input to {name}, "
                           f"but got input of size: {list(xs)}")
    if len(C.shape(w)) != n + 2:
        raise RuntimeError(f"{name}: expected a {n + 2}-d weight, got weight of size: "
                           f"{list(C.shape(w))}")
    _same_dtype(input, weight)
    _same_dtype(input, bias, "Input type ({}) and bias type ({}) should be the same")
    return x, w, _val(bias)


def _conv(n, name):
    def conv(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1):
        x, w, b = _conv_checks(n, name, input, weight, bias)
        if isinstance(padding, str) and padding not in ("same", "valid"):
            raise RuntimeError(f"Invalid padding string: '{padding}'")
        return wrap(C.conv(x, w, b, stride=stride, padding=padding, dilation=dilation,
                           groups=groups))
    conv.__name__ = conv.__qualname__ = name
    return conv


def _conv_transpose(n, name):
    def conv_transpose(input, weight, bias=None, stride=1, padding=0, output_padding=0, groups=1,
                       dilation=1):
        x, w, b = _conv_checks(n, name, input, weight, bias)
        return wrap(C.conv_transpose(x, w, b, stride=stride, padding=padding,
                                     output_padding=output_padding, groups=groups,
                                     dilation=dilation))
    conv_transpose.__name__ = conv_transpose.__qualname__ = name
    return conv_transpose


conv1d, conv2d, conv3d = (_conv(n, f"conv{n}d") for n in (1, 2, 3))
conv_transpose1d, conv_transpose2d, conv_transpose3d = (
    _conv_transpose(n, f"conv_transpose{n}d") for n in (1, 2, 3))


def conv_tbc(input, weight, bias, pad=0):
    x, w = input._value(), weight._value()
    if len(C.shape(x)) != 3:
        raise RuntimeError("Input must have 3 dims: time, batch, in_channel")
    if len(C.shape(w)) != 3:
        raise RuntimeError("Weight tensor must have 3 dims: kernel_width, in_channels, "
                           "out_channels.")
    if C.shape(x)[2] != C.shape(w)[1]:
        raise RuntimeError("Input dim 2 (input channels) is not == dim 1 in the weight tensor")
    _same_dtype(input, weight)
    y = C.conv(C.permute_dims(x, (1, 2, 0)), C.permute_dims(w, (2, 1, 0)), bias._value(),
               padding=pad)
    return wrap(C.permute_dims(y, (2, 0, 1)))


def unfold(input, kernel_size, dilation=1, padding=0, stride=1):
    x = input._value()
    if len(C.shape(x)) not in (3, 4):
        raise RuntimeError(f"Expected 3D or 4D (batch mode) tensor with possibly 0 batch size and "
                           f"other non-zero dimensions for input, but got: {list(C.shape(x))}")
    return wrap(C.unfold(x, _ntuple(kernel_size, 2), _ntuple(dilation, 2), _ntuple(padding, 2),
                         _ntuple(stride, 2)))


def fold(input, output_size, kernel_size, dilation=1, padding=0, stride=1):
    x = input._value()
    if len(C.shape(x)) not in (2, 3):
        raise RuntimeError(f"Expected 2D or 3D (batch mode) tensor with possibly 0 batch size and "
                           f"non-zero dimensions for input, but got: {list(C.shape(x))}")
    return wrap(C.fold(x, _ntuple(output_size, 2), _ntuple(kernel_size, 2), _ntuple(dilation, 2),
                       _ntuple(padding, 2), _ntuple(stride, 2)))


# ---------------------------------------------------------------- pooling


def _pool_input(input, n, name, nonempty=True):
    """input's value after torch's rank check (and, for windowed pooling, non-empty non-batch
    dims)."""
    x = input._value()
    xs = C.shape(x)
    if len(xs) not in (n + 1, n + 2) or (nonempty and 0 in xs[len(xs) - n - 1:]):
        raise RuntimeError(f"{name}: Expected {n + 1}D or {n + 2}D (batch mode) tensor with "
                           f"optional 0 dim batch size for input, but got: {list(xs)}")
    return x


def _stride(stride, kernel, n):
    if stride is None or (isinstance(stride, (tuple, list)) and len(stride) == 0):
        return kernel
    return _ntuple(stride, n)


def _max_pool(n):
    name = f"max_pool{n}d"

    def max_pool(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False,
                 return_indices=False):
        x = _pool_input(input, n, name)
        ks = _ntuple(kernel_size, n)
        args = (ks, _stride(stride, ks, n), _ntuple(padding, n), _ntuple(dilation, n),
                builtins.bool(ceil_mode))
        if return_indices:
            v, i = C.max_pool_with_indices(x, *args)
            return wrap(v), wrap(i, T.int64)
        return wrap(C.max_pool(x, *args))
    max_pool.__name__ = max_pool.__qualname__ = name

    def with_indices(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False,
                     return_indices=False):
        return max_pool(input, kernel_size, stride, padding, dilation, ceil_mode, True)
    with_indices.__name__ = with_indices.__qualname__ = name + "_with_indices"
    return max_pool, with_indices


(max_pool1d, max_pool1d_with_indices), (max_pool2d, max_pool2d_with_indices), \
    (max_pool3d, max_pool3d_with_indices) = (_max_pool(n) for n in (1, 2, 3))


def _avg(input, x, ks, st, pd, ceil_mode, count_include_pad, divisor_override):
    if input.dtype.core.kind in "iu":  # torch divides integers with truncation
        y = C.avg_pool(C.astype(x, C.float64), ks, st, pd, builtins.bool(ceil_mode),
                       builtins.bool(count_include_pad), divisor_override)
        return wrap(C.astype(C.trunc(y), input.dtype.core))
    return wrap(C.avg_pool(x, ks, st, pd, builtins.bool(ceil_mode),
                           builtins.bool(count_include_pad), divisor_override))


def avg_pool1d(input, kernel_size, stride=None, padding=0, ceil_mode=False,
               count_include_pad=True):
    x = _pool_input(input, 1, "avg_pool1d")
    ks = _ntuple(kernel_size, 1)
    return _avg(input, x, ks, _stride(stride, ks, 1), _ntuple(padding, 1), ceil_mode,
                count_include_pad, None)


def _avg_pool(n):
    name = f"avg_pool{n}d"

    def avg_pool(input, kernel_size, stride=None, padding=0, ceil_mode=False,
                 count_include_pad=True, divisor_override=None):
        x = _pool_input(input, n, name)
        if divisor_override is not None and divisor_override == 0:
            raise RuntimeError("divisor must be not zero")
        ks = _ntuple(kernel_size, n)
        return _avg(input, x, ks, _stride(stride, ks, n), _ntuple(padding, n), ceil_mode,
                    count_include_pad, divisor_override)
    avg_pool.__name__ = avg_pool.__qualname__ = name
    return avg_pool


avg_pool2d, avg_pool3d = _avg_pool(2), _avg_pool(3)


def _max_unpool(n):
    name = f"max_unpool{n}d"

    def max_unpool(input, indices, kernel_size, stride=None, padding=0, output_size=None):
        x = _pool_input(input, n, name)
        if indices.dtype is not T.int64:
            raise RuntimeError("elements in indices should be type int64 but got: "
                               f"{indices.dtype}")
        ks = _ntuple(kernel_size, n)
        st = _stride(stride, ks, n)
        pd = _ntuple(padding, n)
        if output_size is not None:
            osz = tuple(builtins.int(v) for v in output_size)
            if len(osz) == n + 2 or (len(osz) == n + 1 and len(C.shape(x)) == n + 1):
                osz = osz[-n:]
            if len(osz) != n:
                raise TorchValueError(f"output_size should be a sequence containing {n} or {n + 2} "
                                      f"elements, but it has a length of '{len(osz)}'")
            xs = C.shape(x)[-n:]
            for i in range(n):
                default = (xs[i] - 1) * st[i] - 2 * pd[i] + ks[i]
                if not default - st[i] < osz[i] < default + st[i]:
                    raise TorchValueError(f'invalid output_size "{output_size}" (dim {i} must '
                                          f"be between {default - st[i]} and {default + st[i]})")
            output_size = osz
        return wrap(C.max_unpool(x, indices._value(), ks, st, pd, output_size))
    max_unpool.__name__ = max_unpool.__qualname__ = name
    return max_unpool


max_unpool1d, max_unpool2d, max_unpool3d = (_max_unpool(n) for n in (1, 2, 3))


def _lp_pool(n):
    name = f"lp_pool{n}d"

    def lp_pool(input, norm_type, kernel_size, stride=None, ceil_mode=False):
        x = _pool_input(input, n, name)
        ks = _ntuple(kernel_size, n)
        out = C.avg_pool(C.pow(x, norm_type), ks, _stride(stride, ks, n), 0,
                         builtins.bool(ceil_mode), True, None)
        out = C.multiply(C.multiply(C.sign(out), C.relu(C.abs(out))), math.prod(ks))
        return wrap(C.pow(out, 1.0 / norm_type))
    lp_pool.__name__ = lp_pool.__qualname__ = name
    return lp_pool


lp_pool1d, lp_pool2d, lp_pool3d = (_lp_pool(n) for n in (1, 2, 3))


def _adaptive_input(input, n, name, output_size):
    if isinstance(output_size, (tuple, list)) and n > 1 and input.ndim < n + 1:
        raise TorchValueError(f"Input dimension should be at least {n + 1}")
    return _pool_input(input, n, name, nonempty=False)


def _adaptive_avg(n):
    name = f"adaptive_avg_pool{n}d"

    def adaptive_avg_pool(input, output_size):
        x = _float_only(input, name)
        _adaptive_input(input, n, name, output_size)
        return wrap(C.adaptive_avg_pool(x, _ntuple(output_size, n)))
    adaptive_avg_pool.__name__ = adaptive_avg_pool.__qualname__ = name
    return adaptive_avg_pool


adaptive_avg_pool1d, adaptive_avg_pool2d, adaptive_avg_pool3d = (
    _adaptive_avg(n) for n in (1, 2, 3))


def _adaptive_max_indices(x, sizes):
    """(values, int64 flat spatial indices) of adaptive max pooling (x batched or not)."""
    xs = C.shape(x)
    n = len(sizes)
    batched = len(xs) == n + 2
    y = x if batched else C.expand_dims(x, axis=0)
    sizes = tuple(s if s is not None else d for s, d in zip(sizes, C.shape(y)[2:]))
    coords = []
    for d, o in zip(C.shape(y)[2:], sizes):
        bounds = [((i * d) // o, -((-(i + 1) * d) // o)) for i in range(o)]
        k = max(e - b for b, e in bounds)
        coords.append(_np.asarray([[b + j if b + j < e else -1 for j in range(k)]
                                   for b, e in bounds]))
    vals, idx = _cnn._max_windows(y, coords)
    if not batched:
        vals, idx = C.squeeze(vals, 0), C.squeeze(idx, 0)
    return vals, idx


def _adaptive_max(n):
    name = f"adaptive_max_pool{n}d"

    def adaptive_max_pool(input, output_size, return_indices=False):
        x = _float_only(input, name)
        _adaptive_input(input, n, name, output_size)
        sizes = _ntuple(output_size, n)
        if return_indices:
            if any(s is not None and s < 1 for s in sizes) or min(C.shape(x)[-n:]) < 1:
                C.adaptive_max_pool(x, sizes)  # raises the core's error
            v, i = _adaptive_max_indices(x, sizes)
            return wrap(v), wrap(i, T.int64)
        return wrap(C.adaptive_max_pool(x, sizes))
    adaptive_max_pool.__name__ = adaptive_max_pool.__qualname__ = name

    def with_indices(input, output_size, return_indices=False):
        return adaptive_max_pool(input, output_size, True)
    with_indices.__name__ = with_indices.__qualname__ = name + "_with_indices"
    return adaptive_max_pool, with_indices


(adaptive_max_pool1d, adaptive_max_pool1d_with_indices), \
    (adaptive_max_pool2d, adaptive_max_pool2d_with_indices), \
    (adaptive_max_pool3d, adaptive_max_pool3d_with_indices) = (_adaptive_max(n) for n in (1, 2, 3))


def _fractional_starts(u, n, o, k, ft):
    """Window starts of fractional max pooling (Graham 2014, pseudo-random sequence) for the
    samples u in [0, 1): an (..., o) int64 array."""
    if o == 1:
        return _np.full(u.shape + (1,), n - k, dtype=_np.int64)
    alpha = ft(n - k) / ft(o - 1)
    i = _np.arange(o, dtype=ft)
    u = u.astype(ft)[..., None]
    out = (_np.floor((i + u) * alpha) - _np.floor(u * alpha)).astype(_np.int64)
    out[..., -1] = n - k
    return out


def _fractional_max(n):
    name = f"fractional_max_pool{n}d"
    sizes = ("time", "height", "width")[3 - n:]

    def fractional_max_pool(input, kernel_size, output_size=None, output_ratio=None,
                            return_indices=False, _random_samples=None):
        """The random window offsets come from unify's generator unless _random_samples is
        given (then the result is torch's)."""
        x = _pool_input(input, n, name)
        xs = C.shape(x)
        if output_size is None and output_ratio is None:
            raise TorchValueError(f"{name} requires specifying either an output_size or an "
                                  "output_ratio")
        ks = _ntuple(kernel_size, n)
        if output_size is None:
            osz = tuple(builtins.int(d * r) for d, r in zip(xs[-n:], _ntuple(output_ratio, n)))
        else:
            osz = _ntuple(output_size, n)
        for what, d, k, o in zip(sizes, xs[-n:], ks, osz):
            if (o + k - 1 > d) if n == 2 else (o + k - 1 >= d):
                raise RuntimeError(f"{name}(): pool {what} {k} too large relative to input "
                                   f"{what} {d}")
        batched = len(xs) == n + 2
        y = x if batched else C.expand_dims(x, axis=0)
        N, Ch = C.shape(y)[:2]
        sp = tuple(C.shape(y)[2:])
        ft = _np.float32 if C.dtype_of(x).bits <= 32 else _np.float64
        if _random_samples is None:
            u = C.random.uniform(_key(), shape=(N, Ch, n), dtype=C.dtype_of(x))
        else:
            u = _random_samples._value()
        u = _host(u)
        if u is None:
            raise RuntimeError(f"{name}: the random samples must be readable (not traced)")
        u = u.reshape(N, Ch, n)
        # torch's 2-d kernel reads the samples in (width, height) order, the 3-d one in (t, h, w)
        order = (1, 0) if n == 2 else (0, 1, 2)
        flat = _np.zeros((N, Ch) + tuple(osz) + tuple(ks), dtype=_np.int64)
        stride = 1
        for d in reversed(range(n)):
            starts = _fractional_starts(u[:, :, order[d]], sp[d], osz[d], ks[d], ft)  # (N,C,o)
            pos = starts[..., None] + _np.arange(ks[d])  # (N, C, o, k)
            shp = [N, Ch] + [1] * (2 * n)
            shp[2 + d], shp[2 + n + d] = osz[d], ks[d]
            flat = flat + pos.reshape(shp) * stride
            stride *= sp[d]
        P, K = math.prod(osz), math.prod(ks)
        idx = _const(flat.reshape(N, Ch, P * K), y, C.int64)
        win = C.reshape(C.take_along_axis(C.reshape(y, (N, Ch, math.prod(sp))), idx, axis=2),
                        (N, Ch, P, K))
        a = C.argmax(win, axis=-1, keepdims=True)
        vals = C.reshape(C.take_along_axis(win, a, axis=-1), (N, Ch) + tuple(osz))
        if not batched:
            vals = C.squeeze(vals, 0)
        if not return_indices:
            return wrap(vals)
        ind = C.reshape(C.take_along_axis(C.reshape(idx, (N, Ch, P, K)), a, axis=-1),
                        (N, Ch) + tuple(osz))
        return wrap(vals), wrap(C.squeeze(ind, 0) if not batched else ind, T.int64)
    fractional_max_pool.__name__ = fractional_max_pool.__qualname__ = name

    def with_indices(input, kernel_size, output_size=None, output_ratio=None,
                     return_indices=False, _random_samples=None):
        return fractional_max_pool(input, kernel_size, output_size, output_ratio, True,
                                   _random_samples)
    with_indices.__name__ = with_indices.__qualname__ = name + "_with_indices"
    return fractional_max_pool, with_indices


(fractional_max_pool2d, fractional_max_pool2d_with_indices), \
    (fractional_max_pool3d, fractional_max_pool3d_with_indices) = (
        _fractional_max(n) for n in (2, 3))


# ---------------------------------------------------------------- normalization


def _check_stat(t, c, what):
    if t is not None and t.numel() != c:
        raise RuntimeError(f"{what} should contain {c} elements not {t.numel()}")


def _update_running(running, batch_stat, momentum):
    """running <- (1 - momentum) * running + momentum * batch_stat, in place, no history."""
    r = running._value()
    new = C.add(C.multiply(r, 1.0 - momentum),
                C.multiply(C.astype(_strip(batch_stat), C.dtype_of(r)), momentum))
    running._write(_strip(new))


def batch_norm(input, running_mean, running_var, weight=None, bias=None, training=False,
               momentum=0.1, eps=1e-05):
    x = input._value()
    xs = C.shape(x)
    if training and (xs[0] if xs else 1) * math.prod(xs[2:]) == 1:
        raise TorchValueError("Expected more than 1 value per channel when training, got input "
                              f"size torch.Size({list(xs)})")
    for t, what in ((running_mean, "running_mean"), (running_var, "running_var"),
                    (weight, "weight"), (bias, "bias")):
        _check_stat(t, xs[1] if len(xs) > 1 else 0, what)  # torch: no dim 1, no channels
    if len(xs) < 2:
        if math.prod(xs):
            raise RuntimeError(f"batch_norm: expected 2D or more input, got {len(xs)}D")
        return wrap(C.copy(x))
    y = C.batch_norm(x, _val(running_mean), _val(running_var), _val(weight), _val(bias),
                     builtins.bool(training), momentum, eps)
    if training and (running_mean is not None or running_var is not None):
        axes = (0,) + tuple(range(2, len(xs)))
        if running_mean is not None:
            _update_running(running_mean, C.mean(x, axis=axes), momentum)
        if running_var is not None:
            _update_running(running_var, C.var(x, axis=axes, correction=1), momentum)
    return wrap(y)


def instance_norm(input, running_mean=None, running_var=None, weight=None, bias=None,
                  use_input_stats=True, momentum=0.1, eps=1e-05):
    x = input._value()
    xs = C.shape(x)
    if len(xs) < 2:
        raise RuntimeError(f"instance_norm: expected 2D or more input, got {len(xs)}D")
    if use_input_stats and math.prod(xs[2:]) == 1:
        raise TorchValueError("Expected more than 1 spatial element when training, got input "
                              f"size torch.Size({list(xs)})")
    for t, what in ((running_mean, "running_mean"), (running_var, "running_var"),
                    (weight, "weight"), (bias, "bias")):
        _check_stat(t, xs[1], what)
    y = C.instance_norm(x, _val(running_mean), _val(running_var), _val(weight), _val(bias),
                        builtins.bool(use_input_stats), momentum, eps)
    if use_input_stats and (running_mean is not None or running_var is not None):
        axes = tuple(range(2, len(xs)))
        if running_mean is not None:
            _update_running(running_mean, C.mean(C.mean(x, axis=axes), axis=0), momentum)
        if running_var is not None:
            _update_running(running_var, C.mean(C.var(x, axis=axes, correction=1), axis=0),
                            momentum)
    return wrap(y)


def layer_norm(input, normalized_shape, weight=None, bias=None, eps=1e-05):
    x = input._value()
    ns = tuple(normalized_shape) if isinstance(normalized_shape, (tuple, list)) \
        else (normalized_shape,)
    xs = C.shape(x)
    if len(ns) > len(xs) or tuple(xs[len(xs) - len(ns):]) != ns:
        raise RuntimeError(f"Given normalized_shape={list(ns)}, expected input with shape "
                           f"[*, {', '.join(str(s) for s in ns)}], but got input of size"
                           f"{list(xs)}")
    return wrap(C.layer_norm(x, ns, _val(weight), _val(bias), eps))


def group_norm(input, num_groups, weight=None, bias=None, eps=1e-05):
    x = input._value()
    xs = C.shape(x)
    if len(xs) < 2:
        raise RuntimeError(f"Expected at least 2 dimensions for input tensor but received "
                           f"{len(xs)}")
    if xs[1] % num_groups:
        raise RuntimeError(f"Expected number of channels in input to be divisible by num_groups, "
                           f"but got input of shape {list(xs)} and num_groups={num_groups}")
    return wrap(C.group_norm(x, num_groups, _val(weight), _val(bias), eps))


def rms_norm(input, normalized_shape, weight=None, eps=None):
    x = input._value()
    ns = tuple(normalized_shape) if isinstance(normalized_shape, (tuple, list)) \
        else (normalized_shape,)
    if not ns:
        raise RuntimeError("Expected normalized_shape to be at least 1-dimensional, i.e., "
                           "containing at least one element, but got normalized_shape = []")
    return wrap(C.rms_norm(x, ns, _val(weight), eps))


def local_response_norm(input, size, alpha=0.0001, beta=0.75, k=1.0):
    x = input._value()
    xs = C.shape(x)
    if len(xs) < 3:
        raise TorchValueError(f"Expected 3D or higher dimensionality input (got {len(xs)} "
                              "dimensions)")
    if math.prod(xs) == 0:
        return wrap(C.copy(x))
    sq = C.multiply(x, x)
    pw = [(0, 0)] * len(xs)
    pw[1] = (size // 2, (size - 1) // 2)
    p = C.pad(sq, tuple(pw))
    acc = None
    for i in range(size):
        part = C.getitem(p, (slice(None), slice(i, i + xs[1])))
        acc = part if acc is None else C.add(acc, part)
    avg = C.divide(acc, size)
    if input.dtype.core.kind != "f":  # torch pools the integer squares: truncating division
        avg = C.astype(C.trunc(avg), T.DEFAULT.float.core)
        x = C.astype(x, T.DEFAULT.float.core)
    div = C.pow(C.add(C.multiply(avg, alpha), k), beta)
    return wrap(C.divide(x, div))


# ---------------------------------------------------------------- dropout


def _check_p(p):
    if p < 0.0 or p > 1.0:
        raise TorchValueError(f"dropout probability has to be between 0 and 1, but got {p}")


def dropout(input, p=0.5, training=True, inplace=False):
    _check_p(p)
    if not training or p == 0:
        return input
    x = input._value()
    if p == 1:
        return _ret(input, C.multiply(x, 0), inplace)
    return _ret(input, C.dropout(_key(), x, p, True), inplace)


def _feature_mask_shape(xs, batched):
    lead = 2 if batched else 1
    return tuple(xs[:lead]) + (1,) * (len(xs) - lead)


def _feature_dropout(input, p, inplace, batched):
    x = input._value()
    if p == 1:
        return _ret(input, C.multiply(x, 0), inplace)
    keep = C.random.bernoulli(_key(), 1.0 - p, shape=_feature_mask_shape(C.shape(x), batched))
    return _ret(input, C.where(keep, C.multiply(x, 1.0 / (1.0 - p)), 0), inplace)


def dropout1d(input, p=0.5, training=True, inplace=False):
    _check_p(p)
    nd = input.ndim
    if nd not in (2, 3):
        raise RuntimeError(f"dropout1d: Expected 2D or 3D input, but received a {nd}D input. Note "
                           "that dropout1d exists to provide channel-wise dropout on inputs with 1 "
                           "spatial dimension, a channel dimension, and an optional batch "
                           "dimension "
                           "(i.e. 2D or 3D inputs).")
    if not training or p == 0:
        return input
    return _feature_dropout(input, p, inplace, nd == 3)


def _dropout_nd(n):
    name = f"dropout{n}d"

    def dropout_nd(input, p=0.5, training=True, inplace=False):
        _check_p(p)
        nd = input.ndim
        if nd not in (n + 1, n + 2):
            warnings.warn(f"{name}: Received a {nd}-D input to {name}, which is deprecated and "
                          f"will result in an error in a future release.", stacklevel=2)
        if not training or p == 0:
            return input
        return _feature_dropout(input, p, inplace, nd == n + 2)
    dropout_nd.__name__ = dropout_nd.__qualname__ = name
    return dropout_nd


dropout2d, dropout3d = _dropout_nd(2), _dropout_nd(3)

_SELU_NEG = 1.0507009873554804934193349852946 * 1.6732632423543772848170429916717


def _alpha_dropout(input, p, training, inplace, mask_shape):
    _check_p(p)
    if not training or p == 0:
        return input
    x = input._value()
    if p == 1:
        return _ret(input, C.multiply(x, 0), inplace)
    # SELU-preserving dropout (Klambauer et al. 2017): dropped units take the saturation value
    # -scale*alpha, then an affine map a*y + b restores zero mean and unit variance.
    a = 1.0 / math.sqrt((1.0 - p) * (1.0 + p * _SELU_NEG * _SELU_NEG))
    b = a * _SELU_NEG * p
    keep = C.random.bernoulli(_key(), 1.0 - p, shape=mask_shape(C.shape(x)))
    y = C.add(C.multiply(C.where(keep, x, -_SELU_NEG), a), b)
    return _ret(input, y, inplace)


def alpha_dropout(input, p=0.5, training=False, inplace=False):
    return _alpha_dropout(input, p, training, inplace, tuple)


def feature_alpha_dropout(input, p=0.5, training=False, inplace=False):
    return _alpha_dropout(input, p, training, inplace,
                          lambda xs: _feature_mask_shape(xs, len(xs) >= 2))


# ---------------------------------------------------------------- lookup


def _check_indices(idx_t, n, msg="index out of range in self"):
    """IndexError when an index tensor has entries outside [0, n) (skipped while tracing)."""
    v = idx_t._value()
    if idx_t.numel() and _any(C.logical_or(C.less(v, 0), C.greater_equal(v, n))):
        raise IndexError(msg)


def _index_tensor(t, what="indices"):
    if t.dtype not in (T.int64, T.int32):
        raise RuntimeError(f"Expected tensor for argument #1 '{what}' to have one of the following "
                           f"scalar types: Long, Int; but got torch.{_tname(t)}Tensor instead")
    return t._value()


def _renorm_rows(weight, idx, max_norm, norm_type):
    """torch's embedding max_norm: referenced rows with norm > max_norm are scaled, in place."""
    w = weight._value()
    n = C.shape(w)[0]
    ref = C.index_update(_const(_np.zeros(n, dtype=bool), w, C.bool), C.reshape(idx, (-1,)),
                         True)
    norms = C.linalg.vector_norm(w, axis=1, ord=norm_type)
    scale = C.where(C.logical_and(ref, C.greater(norms, max_norm)),
                    C.divide(max_norm, C.add(norms, 1e-7)), 1.0)
    from .._autograd import no_grad
    with no_grad():  # torch renormalises the weight in place without recording it
        weight._write(_strip(C.multiply(w, C.expand_dims(C.astype(scale, C.dtype_of(w)),
                                                       axis=1))))


def _padding_idx(padding_idx, n):
    if padding_idx is None:
        return None
    if padding_idx > 0:
        if padding_idx >= n:
            raise AssertionError("Padding_idx must be within num_embeddings")
    elif padding_idx < 0:
        if padding_idx < -n:
            raise AssertionError("Padding_idx must be within num_embeddings")
        padding_idx += n
    return padding_idx


def embedding(input, weight, padding_idx=None, max_norm=None, norm_type=2.0,
              scale_grad_by_freq=False, sparse=False):
    idx = _index_tensor(input)
    if weight.ndim != 2:
        raise RuntimeError("'weight' must be 2-D")
    n = weight.shape[0]
    padding_idx = _padding_idx(padding_idx, n)
    _check_indices(input, n)
    if max_norm is not None:
        _renorm_rows(weight, idx, max_norm, norm_type)
    out = C.embedding(weight._value(), idx)
    if padding_idx is not None:  # no gradient reaches the padding row (torch)
        out = C.where(C.expand_dims(C.equal(idx, padding_idx), axis=-1), _strip(out), out)
    return wrap(out)


def embedding_bag(input, weight, offsets=None, max_norm=None, norm_type=2,
                  scale_grad_by_freq=False, mode="mean", sparse=False, per_sample_weights=None,
                  include_last_offset=False, padding_idx=None):
    nd = input.ndim
    if nd == 2:
        if offsets is not None:
            raise TorchValueError("if input is 2D, then offsets has to be None, as input is "
                                  "treated is a mini-batch of fixed length sequences. However, "
                                  f"found offsets of type {type(offsets)}")
        b, length = input.shape
        starts = _np.arange(b) * length
        ends = starts + length
    elif nd == 1:
        if offsets is None:
            raise TorchValueError("offsets has to be a 1D Tensor but got None")
        if offsets.ndim != 1:
            raise TorchValueError("offsets has to be a 1D Tensor")
        off = C.to_numpy(offsets._value()).astype(_np.int64)
        total = input.shape[0]
        if include_last_offset:
            starts, ends = off[:-1], off[1:]
        else:
            starts, ends = off, _np.append(off[1:], total)
    else:
        raise TorchValueError(f"input has to be 1D or 2D Tensor, but got Tensor of dimension {nd}")
    if mode not in ("sum", "mean", "max"):
        raise TorchValueError("mode has to be one of sum, mean or max")
    if per_sample_weights is not None and mode != "sum":
        raise NotImplementedError(f"embedding_bag: per_sample_weights was not None. "
                                  f"per_sample_weights is only supported for mode='sum' (got "
                                  f"mode='{mode}'). Please open a feature request on GitHub.")
    idx = C.reshape(_index_tensor(input), (-1,))
    n = weight.shape[0]
    padding_idx = _padding_idx(padding_idx, n)
    _check_indices(input, n)
    if max_norm is not None:
        _renorm_rows(weight, idx, max_norm, norm_type)
    w = weight._value()
    rows = C.embedding(w, idx)  # (L, D)
    if per_sample_weights is not None:
        psw = C.reshape(per_sample_weights._value(), (-1, 1))
        rows = C.multiply(rows, psw)
    pos = _np.arange(math.prod(input.shape))
    member = _const((pos[None, :] >= starts[:, None]) & (pos[None, :] < ends[:, None]), w, C.bool)
    if padding_idx is not None:
        member = C.logical_and(member, C.expand_dims(C.not_equal(idx, padding_idx), axis=0))
    dt = C.dtype_of(w)
    count = C.sum(C.astype(member, dt), axis=1, keepdims=True)
    if mode == "max":
        big = C.where(C.expand_dims(member, axis=2), C.expand_dims(rows, axis=0), -math.inf)
        out = C.where(C.greater(count, 0), C.max(big, axis=1), 0.0)
    else:
        out = C.matmul(C.astype(member, dt), rows)
        if mode == "mean":
            out = C.divide(out, C.maximum(count, 1.0))
    return wrap(C.astype(out, dt))


def one_hot(tensor, num_classes=-1):
    if tensor.dtype is not T.int64:
        raise RuntimeError("one_hot is only applicable to index tensor of type LongTensor.")
    v = tensor._value()
    if tensor.numel() == 0:
        if num_classes == -1:
            raise RuntimeError("Can not infer total number of classes from empty tensor.")
    else:
        lo, hi = _host(C.min(v)), _host(C.max(v))
        if lo is not None:
            if lo < 0:
                raise RuntimeError("Class values must be non-negative.")
            if num_classes != -1 and hi >= num_classes:
                raise RuntimeError("Class values must be smaller than num_classes.")
            if num_classes == -1:
                num_classes = builtins.int(hi) + 1
    try:
        return wrap(C.one_hot(v, num_classes), T.int64)
    except IndexError as e:  # core's ClassValueError
        raise RuntimeError(str(e)) from None


# ---------------------------------------------------------------- padding

_PAD_MODES = {"constant": "constant", "reflect": "reflect", "replicate": "replicate",
              "circular": "circular"}


def pad(input, pad, mode="constant", value=None):
    x = input._value()
    xs = C.shape(x)
    nd = len(xs)
    n = len(pad)
    if n % 2:
        raise RuntimeError("Padding length must be divisible by 2")
    if n // 2 > nd:
        raise RuntimeError(f"Padding length should be less than or equal to two times the input "
                           f"dimension but got padding length {n} and input of dimension {nd}")
    if mode not in _PAD_MODES:
        raise NotImplementedError(f"Unrecognised padding mode {mode}")
    pairs = [(0, 0)] * nd
    for i in range(n // 2):
        pairs[nd - 1 - i] = (builtins.int(pad[2 * i]), builtins.int(pad[2 * i + 1]))
    if mode != "constant":
        if value is not None and value != 0:
            raise RuntimeError(f'Padding mode "{mode}" doesn\'t take in value argument')
        k = n // 2
        if not (1 <= k <= 3 and nd in (k + 1, k + 2)):
            raise NotImplementedError(
                f"Padding size {n} is not supported for {nd}D input tensor. Supported combinations "
                "for non-constant padding:\n  - 2D or 3D input: padding size = 2 (pads last "
                "dimension)\n  - 3D or 4D input: padding size = 4 (pads last 2 dimensions)\n  - 4D "
                "or 5D input: padding size = 6 (pads last 3 dimensions)")
        for d in range(nd - k, nd):
            lo, hi = pairs[d]
            if mode == "reflect" and (lo >= xs[d] or hi >= xs[d]):
                raise RuntimeError(f"Argument #4: Padding size should be less than the "
                                   f"corresponding input dimension, but got: padding ({lo}, {hi}) "
                                   f"at dimension {d} of input {list(xs)}")
            if mode == "circular" and (lo > xs[d] or hi > xs[d]):
                raise RuntimeError("Padding value causes wrapping around more than once.")
    if any(s + lo + hi < 0 for (lo, hi), s in zip(pairs, xs)):
        raise RuntimeError(f"The input size {list(xs)}, plus negative padding {list(pad)} "
                           "resulted in a negative output size")
    if mode in ("reflect", "replicate"):  # each output position reads a mapped input position
        for d, (lo, hi) in enumerate(pairs):
            if lo or hi:
                idx = _cnn._pad_index(xs[d], lo, hi, "reflect" if mode == "reflect" else "edge")
                x = C.take(x, _const(idx, x, C.int64), axis=d)
        return wrap(x) if x is not input._value() else wrap(C.copy(x))
    # constant and circular: negative widths crop first, then the positive widths pad
    if any(lo < 0 or hi < 0 for lo, hi in pairs):
        key = tuple(slice(max(-lo, 0), max(s - max(-hi, 0), max(-lo, 0)))
                    for (lo, hi), s in zip(pairs, xs))
        x = C.getitem(x, key)
        pairs = [(max(lo, 0), max(hi, 0)) for lo, hi in pairs]
    if not any(lo or hi for lo, hi in pairs):
        return wrap(x) if x is not input._value() else wrap(C.copy(x))
    if mode == "constant":
        try:
            return wrap(C.pad(x, tuple(pairs), "constant", 0.0 if value is None else value))
        except OverflowError:
            raise RuntimeError(f"value cannot be converted to type {input.dtype} without "
                               "overflow") from None
    return wrap(C.pad(x, tuple(pairs), mode))


# ---------------------------------------------------------------- interpolation

_INTERP_NDIM = {"linear": 3, "bilinear": 4, "bicubic": 4, "trilinear": 5}
_INTERP_MODES = ("nearest", "linear", "bilinear", "bicubic", "trilinear", "area", "nearest-exact")


def _cubic_matrix(n, o, sf, align_corners, ft):
    """(n, o) matrix of torch's bicubic weights (A = -0.75, border taps clamped)."""
    if align_corners:
        scale = (n - 1) / (o - 1) if o > 1 else 0.0
        src = ft(scale) * _np.arange(o).astype(ft)
    else:
        scale = 1.0 / sf if sf is not None else n / o
        src = ft(scale) * (_np.arange(o).astype(ft) + ft(0.5)) - ft(0.5)
    i0 = _np.floor(src).astype(_np.int64)
    t = (src - i0).astype(_np.float64)
    a = -0.75

    def near(d):  # |d| <= 1
        return ((a + 2) * d - (a + 3)) * d * d + 1

    def far(d):  # 1 < |d| < 2
        return ((a * d - 5 * a) * d + 8 * a) * d - 4 * a

    weights = (far(t + 1), near(t), near(1 - t), far(2 - t))
    m = _np.zeros((n, o), dtype=_np.float64)
    cols = _np.arange(o)
    for k, w in enumerate(weights):
        _np.add.at(m, (_np.clip(i0 - 1 + k, 0, n - 1), cols), w)
    return m


def _aa_filter(d, mode):
    d = _np.abs(d)
    if mode == "bilinear":
        return _np.maximum(0.0, 1.0 - d)
    a = -0.5  # the antialiasing cubic filter uses a = -0.5 (Keys), not -0.75
    return _np.where(d < 1, ((a + 2) * d - (a + 3)) * d * d + 1,
                     _np.where(d < 2, ((a * d - 5 * a) * d + 8 * a) * d - 4 * a, 0.0))


def _aa_matrix(n, o, sf, align_corners, mode, ft=_np.float64):
    """(n, o) matrix of antialiased resampling weights: the interpolation filter stretched by
    the downscale factor (so every input pixel contributes), normalized per output pixel.
    Scale, centers, taps and sums are rounded to ft where torch's kernel rounds to the input's
    float type (float32 input: float32 centers), so the weights match torch's to the bit."""
    if align_corners:
        scale = ft(n - 1) / ft(o - 1) if o > 1 else ft(0.0)
    else:
        scale = ft(1.0 / sf) if sf is not None else ft(n) / ft(o)
    half = ft(1.0 if mode == "bilinear" else 2.0)
    support = half * scale if scale >= 1 else half
    inv = float(ft(1.0 / float(scale))) if scale >= 1 else 1.0
    m = _np.zeros((n, o), dtype=_np.float64)
    for i in range(o):
        center = ft(float(scale) * (i + 0.5))
        lo = max(builtins.int(float(center - support) + 0.5), 0)
        hi = min(builtins.int(float(center + support) + 0.5), n)
        d = _np.arange(lo, hi).astype(ft) - center
        w = _aa_filter(((d.astype(_np.float64) + 0.5) * inv).astype(ft), mode)
        tot = ft(0.0)
        for v in w:
            tot = ft(tot + v)
        m[lo:hi, i] = w / tot if tot else w
    return m


def _separable(x, out, sfs, align_corners, mode, antialias):
    """Resample the spatial axes of x one at a time (last first) with (n, o) weight matrices.
    uint8 input is rounded and clamped after each pass, like torch's uint8 kernels."""
    u8 = C.dtype_of(x) == C.uint8
    if u8:
        x = C.astype(x, C.float32)
    ft = _np.float32 if C.dtype_of(x).bits <= 32 else _np.float64
    xs = C.shape(x)
    for i in reversed(range(len(out))):
        n, o, sf = xs[2 + i], out[i], sfs[i]
        if antialias:
            if n == o and (sf is None or sf == 1.0):
                continue
            m = _aa_matrix(n, o, sf, align_corners, mode, _np.float64 if u8 else ft)
        elif mode == "bicubic":
            m = _cubic_matrix(n, o, sf, align_corners, ft)
        else:
            if n == o:  # torch leaves an unchanged size alone
                continue
            m = _cnn._linear_matrix(n, o, sf, align_corners, ft)
        x = _moveaxis_matmul(x, 2 + i, _const(m, x))
        if u8:
            x = C.clip(C.floor(C.add(x, 0.5)), 0, 255)
    return C.astype(x, C.uint8) if u8 else x


def interpolate(input, size=None, scale_factor=None, mode="nearest", align_corners=None,
                recompute_scale_factor=None, antialias=False):
    """uint8 input to the bilinear and bicubic modes is resampled in float32 and rounded after
    each pass; torch's fixed-point uint8 kernel can differ from that by 1."""
    x = input._value()
    xs = C.shape(x)
    nd = len(xs)
    if mode in ("nearest", "area", "nearest-exact"):
        if align_corners is not None:
            raise TorchValueError("align_corners option can only be set with the interpolating "
                                  "modes: linear | bilinear | bicubic | trilinear")
    elif align_corners is None:
        align_corners = False
    dim = nd - 2
    if size is not None and scale_factor is not None:
        raise TorchValueError("only one of size or scale_factor should be defined")
    if size is not None:
        if isinstance(size, (tuple, list)):
            if len(size) != dim:
                raise TorchValueError(
                    f"Input and output must have the same number of spatial dimensions, but got "
                    f"input with spatial dimensions of {list(xs[2:])} and output size of {size}. "
                    "Please provide input tensor in (N, C, d1, d2, ...,dK) format and output size "
                    "in (o1, o2, ...,oK) format.")
            out = tuple(builtins.int(s) for s in size)
        else:
            out = (builtins.int(size),) * dim
        sfs = (None,) * dim
    elif scale_factor is not None:
        if isinstance(scale_factor, (tuple, list)):
            if len(scale_factor) != dim:
                raise TorchValueError(
                    f"Input and scale_factor must have the same number of spatial dimensions, but "
                    f"got input with spatial dimensions of {list(xs[2:])} and scale_factor of "
                    f"shape {scale_factor}. Please provide input tensor in (N, C, d1, d2, ...,dK) "
                    "format and scale_factor in (s1, s2, ...,sK) format.")
            sfs = tuple(builtins.float(s) for s in scale_factor)
        else:
            sfs = (builtins.float(scale_factor),) * dim
        out = None
    else:
        raise TorchValueError("either size or scale_factor should be defined")
    if recompute_scale_factor is not None and recompute_scale_factor and size is not None:
        raise TorchValueError("recompute_scale_factor is not meaningful with an explicit size.")
    if mode == "area" and out is None:
        recompute_scale_factor = True
    if out is None:
        out = tuple(math.floor(n * s) for n, s in zip(xs[2:], sfs))
        if recompute_scale_factor:
            sfs = (None,) * dim
    if antialias and not (mode in ("bilinear", "bicubic") and nd == 4):
        raise TorchValueError("Anti-alias option is restricted to bilinear, bicubic, and lanczos "
                              "modes and requires a 4-D tensor as input")
    if mode not in _INTERP_MODES or nd not in (3, 4, 5) or (
            mode == "bicubic" and nd != 4):
        raise NotImplementedError(
            f"Input Error: Only 3D, 4D and 5D input Tensors supported (got {nd}D) for the modes: "
            "nearest | linear | bilinear | bicubic | trilinear | lanczos | area | nearest-exact "
            f"(got {mode})")
    if mode in _INTERP_NDIM and _INTERP_NDIM[mode] != nd:
        raise NotImplementedError(f"Got {nd}D input, but {mode} mode needs "
                                  f"{_INTERP_NDIM[mode]}D input")
    if any(o < 1 for o in out) or any(n < 1 for n in xs[2:]):
        raise RuntimeError(f"Input and output sizes should be greater than 0, but got input "
                           f"({', '.join(str(n) for n in xs[2:])}) and output "
                           f"({', '.join(str(o) for o in out)})")
    if input.dtype.core.kind != "f" and mode not in ("nearest", "nearest-exact"):
        if not (input.dtype is T.uint8 and mode in ("bilinear", "bicubic")):
            raise NotImplementedError(f'"upsample_{mode}" not implemented for \'{_tname(input)}\'')
        return wrap(_separable(x, out, sfs, builtins.bool(align_corners), mode, antialias))
    if mode == "bicubic" or antialias:
        return wrap(_separable(x, out, sfs, builtins.bool(align_corners), mode, antialias))
    if mode == "area":
        return wrap(C.adaptive_avg_pool(x, out))
    if all(s is None for s in sfs):
        return wrap(C.interpolate(x, out, None, mode, builtins.bool(align_corners)))
    return wrap(C.interpolate(x, None, sfs, mode, builtins.bool(align_corners), False))


def upsample(input, size=None, scale_factor=None, mode="nearest", align_corners=None):
    warnings.warn("nn.functional.upsample is deprecated. Use nn.functional.interpolate instead.",
                  stacklevel=2)
    return interpolate(input, size, scale_factor, mode, align_corners)


def upsample_nearest(input, size=None, scale_factor=None):
    warnings.warn("nn.functional.upsample_nearest is deprecated. Use nn.functional.interpolate "
                  "instead.", stacklevel=2)
    return interpolate(input, size, scale_factor, mode="nearest")


def upsample_bilinear(input, size=None, scale_factor=None):
    warnings.warn("nn.functional.upsample_bilinear is deprecated. Use nn.functional.interpolate "
                  "instead.", stacklevel=2)
    return interpolate(input, size, scale_factor, mode="bilinear", align_corners=True)


# ---------------------------------------------------------------- grid sampling


def affine_grid(theta, size, align_corners=None):
    th = theta._value()
    if align_corners is None:
        align_corners = False
    if not theta.dtype.is_floating_point:
        raise TorchValueError(f"Expected theta to have floating point type, but got "
                              f"{theta.dtype}")
    size = tuple(builtins.int(s) for s in size)
    ts = C.shape(th)
    if len(size) == 4:
        if len(ts) != 3 or ts[-2:] != (2, 3):
            raise TorchValueError(f"Expected a batch of 2D affine matrices of shape Nx2x3 for size "
                                  f"{size}. Got {theta.shape}.")
        spatial = size[-2:]
    elif len(size) == 5:
        if len(ts) != 3 or ts[-2:] != (3, 4):
            raise TorchValueError(f"Expected a batch of 3D affine matrices of shape Nx3x4 for size "
                                  f"{size}. Got {theta.shape}.")
        spatial = size[-3:]
    else:
        raise NotImplementedError(f"affine_grid only supports 4D and 5D sizes, for 2D and 3D "
                                  f"affine transforms, respectively. Got size {size}.")
    if min(size) <= 0:
        raise TorchValueError(f"Expected non-zero, positive output size. Got {size}")
    if ts[0] != size[0]:
        raise RuntimeError(f"Expected theta batch size {ts[0]} to match size[0] = {size[0]}")
    ft = _np.float32 if C.dtype_of(th).bits <= 32 else _np.float64

    def lin(n):
        v = _np.linspace(-1, 1, n, dtype=_np.float64) if n > 1 else _np.zeros(1)
        return (v if align_corners else v * (n - 1) / n).astype(ft)

    axes = [lin(n) for n in spatial]  # (D,) H, W
    mesh = _np.meshgrid(*axes, indexing="ij")
    coords = list(mesh[::-1]) + [_np.ones_like(mesh[0])]  # x (W), y (H), [z (D)], 1
    base = _np.stack(coords, axis=-1).reshape(-1, len(coords))  # (P, k+1)
    grid = C.matmul(_const(base, th), C.matrix_transpose(th))  # (N, P, k)
    return wrap(C.reshape(grid, (size[0],) + spatial + (len(spatial),)))


def _unnormalize(c, n, align_corners):
    if align_corners:
        return C.multiply(C.add(c, 1.0), (n - 1) / 2)
    return C.divide(C.subtract(C.multiply(C.add(c, 1.0), n), 1.0), 2)


def _reflect(c, lo2, hi2):
    """Reflect coordinates into [lo2/2, hi2/2] (twice-the-bound arguments, like torch's kernel)."""
    if lo2 == hi2:
        return C.multiply(c, 0.0)
    mn = lo2 / 2
    span = (hi2 - lo2) / 2
    c = C.abs(C.subtract(c, mn))
    extra = C.fmod(c, span)
    flips = C.floor(C.divide(c, span))
    even = C.equal(C.remainder(flips, 2), 0)
    return C.where(even, C.add(extra, mn), C.add(C.subtract(span, extra), mn))


def _pad_coord(c, n, padding_mode, align_corners):
    if padding_mode == "border":
        return C.clip(c, 0, n - 1)
    if padding_mode == "reflection":
        c = _reflect(c, 0, 2 * (n - 1)) if align_corners else _reflect(c, -1, 2 * n - 1)
        return C.clip(c, 0, n - 1)
    return c


_A = -0.75  # torch's bicubic convolution coefficient


def _cubic_near(d):
    """Cubic convolution weight for a tap at distance |d| <= 1."""
    return C.add(C.multiply(C.multiply(C.subtract(C.multiply(d, _A + 2), _A + 3), d), d), 1.0)


def _cubic_far(d):
    """Cubic convolution weight for a tap at distance 1 < |d| < 2."""
    return C.subtract(C.multiply(C.add(C.multiply(C.subtract(C.multiply(d, _A), 5 * _A), d),
                                       8 * _A), d), 4 * _A)


def grid_sample(input, grid, mode="bilinear", padding_mode="zeros", align_corners=None):
    if mode not in ("bilinear", "nearest", "bicubic"):
        raise TorchValueError(f"nn.functional.grid_sample(): expected mode to be 'bilinear', "
                              f"'nearest' or 'bicubic', but got: '{mode}'")
    if padding_mode not in ("zeros", "border", "reflection"):
        raise TorchValueError(f"nn.functional.grid_sample(): expected padding_mode to be "
                              f"'zeros', 'border', or 'reflection', but got: '{padding_mode}'")
    if align_corners is None:
        align_corners = False
    x, g = input._value(), grid._value()
    xs, gs = C.shape(x), C.shape(g)
    nsp = len(xs) - 2
    if nsp not in (2, 3) or len(gs) != nsp + 2 or gs[-1] != nsp or gs[0] != xs[0]:
        raise RuntimeError(f"grid_sampler(): expected a 4D or 5D input and a grid of shape "
                           f"(N, *spatial, {max(nsp, 2)}), got input {list(xs)} and grid "
                           f"{list(gs)}")
    if mode == "bicubic" and nsp != 2:
        raise RuntimeError("grid_sampler(): bicubic interpolation only supports 4D input")
    _same_dtype(input, grid, "grid_sampler(): expected input and grid to have same dtype, but "
                             "input has {} and grid has {}")
    N, Ch = xs[0], xs[1]
    sp = tuple(xs[2:])
    osp = tuple(gs[1:-1])
    P = math.prod(osp)
    # per spatial dim (input order D, H, W), the taps: (integer index, weight) arrays (N, P)
    taps = []
    for d in range(nsp):
        n = sp[d]
        c = C.reshape(C.getitem(g, (Ellipsis, nsp - 1 - d)), (N, P))  # grid's last axis is x, y, z
        c = _unnormalize(c, n, align_corners)
        if mode == "bicubic":
            f = C.floor(c)
            t = C.subtract(c, f)
            w = [_cubic_far(C.add(t, 1.0)), _cubic_near(t), _cubic_near(C.subtract(1.0, t)),
                 _cubic_far(C.subtract(2.0, t))]
            taps.append([(_pad_coord(C.add(f, k - 1.0), n, padding_mode, align_corners), w[k])
                         for k in range(4)])
            continue
        c = _pad_coord(c, n, padding_mode, align_corners)
        if mode == "nearest":
            taps.append([(C.round(c), None)])
        else:
            f = C.floor(c)
            t = C.subtract(c, f)
            taps.append([(f, C.subtract(1.0, t)), (C.add(f, 1.0), t)])
    xf = C.reshape(x, (N, Ch, math.prod(sp)))
    out = None
    for combo in itertools.product(*taps):
        flat = None
        valid = None
        weight = None
        for d, (idx, w) in enumerate(combo):
            n = sp[d]
            ok = C.logical_and(C.greater_equal(idx, 0), C.less_equal(idx, n - 1))
            valid = ok if valid is None else C.logical_and(valid, ok)
            ii = C.astype(C.clip(idx, 0, n - 1), C.int64)
            flat = ii if flat is None else C.add(C.multiply(flat, n), ii)
            if w is not None:
                weight = w if weight is None else C.multiply(weight, w)
        vals = C.take_along_axis(xf, C.broadcast_to(C.expand_dims(flat, axis=1), (N, Ch, P)),
                                 axis=2)
        if weight is None:
            weight = C.astype(valid, C.dtype_of(x))
        else:
            weight = C.where(valid, weight, 0.0)
        term = C.multiply(vals, C.expand_dims(weight, axis=1))
        out = term if out is None else C.add(out, term)
    return wrap(C.reshape(out, (N, Ch) + osp))


# ---------------------------------------------------------------- shuffles


def pixel_shuffle(input, upscale_factor):
    x = input._value()
    xs = C.shape(x)
    r = upscale_factor
    if len(xs) < 3:
        raise RuntimeError(f"pixel_shuffle expects input to have at least 3 dimensions, but got "
                           f"input with {len(xs)} dimension(s)")
    if xs[-3] % (r * r):
        raise RuntimeError(f"pixel_shuffle expects its input's 'channel' dimension to be divisible "
                           f"by the square of upscale_factor, but input.size(-3)={xs[-3]} is not "
                           f"divisible by {r * r}")
    return wrap(C.pixel_shuffle(x, r))


def pixel_unshuffle(input, downscale_factor):
    x = input._value()
    xs = C.shape(x)
    r = downscale_factor
    if len(xs) < 3:
        raise RuntimeError(f"pixel_unshuffle expects input to have at least 3 dimensions, but got "
                           f"input with {len(xs)} dimension(s)")
    if xs[-1] % r or xs[-2] % r:
        raise RuntimeError(f"pixel_unshuffle expects height and width to be divisible by "
                           f"downscale_factor, but got {xs[-2]} x {xs[-1]} and {r}")
    return wrap(C.pixel_unshuffle(x, r))


def channel_shuffle(input, groups):
    x = input._value()
    xs = C.shape(x)
    if len(xs) <= 2:
        raise RuntimeError(f"channel_shuffle expects input with > 2 dims, but got input with sizes "
                           f"{list(xs)}")
    if groups <= 0:
        raise RuntimeError(f"Number of groups to divide channels in must be positive. Value of "
                           f"groups:{groups}")
    if xs[1] % groups:
        raise RuntimeError(f"Number of channels must be divisible by groups. Got {xs[1]} channels "
                           f"and {groups} groups.")
    y = C.reshape(x, (xs[0], groups, xs[1] // groups) + tuple(xs[2:]))
    return wrap(C.reshape(C.swapaxes(y, 1, 2), xs))


native_channel_shuffle = channel_shuffle


# ---------------------------------------------------------------- losses: helpers

_REDUCTIONS = ("none", "mean", "sum")


def _reduction(size_average, reduce, reduction):
    """torch's reduction string (legacy size_average/reduce arguments win when given)."""
    if size_average is not None or reduce is not None:
        warnings.warn("size_average and reduce args will be deprecated, please use "
                      "reduction='...' instead.", stacklevel=3)
        sa = True if size_average is None else size_average
        rd = True if reduce is None else reduce
        return "mean" if sa and rd else ("sum" if rd else "none")
    if reduction not in _REDUCTIONS:
        raise TorchValueError(f"{reduction} is not a valid value for reduction")
    return reduction


def _reduce(v, reduction):
    if reduction == "mean":
        return C.mean(v)
    if reduction == "sum":
        return C.sum(v)
    return v


def _pair(input, target):
    if isinstance(target, Tensor) and isinstance(input, Tensor) and target.shape != input.shape:
        warnings.warn(f"Using a target size ({target.shape}) that is different to the input size "
                      f"({input.shape}). This will likely lead to incorrect results due to "
                      "broadcasting. Please ensure they have the same size.", stacklevel=3)
    (a, b), _ = _operands(input, target)
    return a, b


def _float_operands(*args):
    """Promoted native operands; integers and bool in the default float dtype (the losses that
    torch computes in floating point for integer inputs)."""
    vals, dt = _operands(*args)
    if dt.kind not in "fc":
        vals = tuple(C.astype(v, T.DEFAULT.float.core) for v in vals)
    return vals


def _no_ints(name, *tensors, exc=RuntimeError, msg=None):
    for t in tensors:
        if isinstance(t, Tensor) and t.dtype.core.kind not in "fc":
            raise exc(msg or f'"{name}" not implemented for \'{_tname(t)}\'')


def _weighted(loss, input, weight, reduction, weighted_mean):
    if weight is None:
        return _reduce(loss, reduction)
    if weight.shape != input.shape:
        raise TorchValueError("Weights and input must have the same size.")
    w = weight._value()
    loss = C.multiply(loss, w)
    if reduction == "mean" and weighted_mean:
        return C.divide(C.sum(loss), C.sum(w))
    return _reduce(loss, reduction)


# ---------------------------------------------------------------- losses: regression


def l1_loss(input, target, size_average=None, reduce=None, reduction="mean", weight=None):
    r = _reduction(size_average, reduce, reduction)
    a, b = _pair(input, target)
    return wrap(_weighted(C.abs(C.subtract(a, b)), input, weight, r, True))


def mse_loss(input, target, size_average=None, reduce=None, reduction="mean", weight=None):
    r = _reduction(size_average, reduce, reduction)
    (a, b), dt = _operands(input, target)
    if dt.kind not in "fc":
        raise NotImplementedError(f'"mse_cpu" not implemented for \'{_TYPE_NAMES[dt.name]}\'')
    _pair(input, target)  # torch's size warning
    d = C.subtract(a, b)
    return wrap(_weighted(C.multiply(d, d), input, weight, r, True))


def smooth_l1_loss(input, target, size_average=None, reduce=None, reduction="mean", beta=1.0):
    r = _reduction(size_average, reduce, reduction)
    if beta < 0:
        raise RuntimeError("smooth_l1_loss does not support negative values for beta.")
    _no_ints("smooth_l1_cpu", input, exc=NotImplementedError)
    a, b = _pair(input, target)
    d = C.abs(C.subtract(a, b))
    if beta == 0:
        return wrap(_reduce(d, r))
    loss = C.where(C.less(d, beta), C.divide(C.multiply(C.multiply(d, d), 0.5), beta),
                   C.subtract(d, 0.5 * beta))
    return wrap(_reduce(loss, r))


def huber_loss(input, target, reduction="mean", delta=1.0, weight=None):
    r = _reduction(None, None, reduction)
    if delta <= 0:
        raise RuntimeError("huber_loss does not support non-positive values for delta.")
    _no_ints("huber_cpu", input, exc=NotImplementedError)
    a, b = _pair(input, target)
    d = C.abs(C.subtract(a, b))
    loss = C.where(C.less(d, delta), C.multiply(C.multiply(d, d), 0.5),
                   C.multiply(C.subtract(d, 0.5 * delta), delta))
    return wrap(_weighted(loss, input, weight, r, False))


# ---------------------------------------------------------------- losses: binary


def binary_cross_entropy(input, target, weight=None, size_average=None, reduce=None,
                         reduction="mean"):
    r = _reduction(size_average, reduce, reduction)
    if target.shape != input.shape:
        raise TorchValueError(f"Using a target size ({target.shape}) that is different to the "
                              f"input size ({input.shape}) is deprecated. Please ensure they have "
                              "the same size.")
    x, t = _pair(input, target)
    if input.numel() and _any(C.logical_or(C.less(x, 0), C.greater(x, 1))):
        raise RuntimeError("all elements of input should be between 0 and 1")
    lx = C.maximum(C.log(x), -100.0)
    l1x = C.maximum(C.log1p(C.negative(x)), -100.0)
    loss = C.negative(C.add(C.multiply(t, lx), C.multiply(C.subtract(1.0, t), l1x)))
    if weight is not None:
        loss = C.multiply(loss, weight._value())
    return wrap(_reduce(loss, r))


def binary_cross_entropy_with_logits(input, target, weight=None, size_average=None, reduce=None,
                                     reduction="mean", pos_weight=None):
    r = _reduction(size_average, reduce, reduction)
    if target.shape != input.shape:
        raise TorchValueError(f"Target size ({target.shape}) must be the same as input size "
                              f"({input.shape})")
    x, t = _pair(input, target)
    # log(1 + exp(-x)), computed stably
    sp = C.add(C.log1p(C.exp(C.negative(C.abs(x)))), C.maximum(C.negative(x), 0.0))
    if pos_weight is not None:
        sp = C.multiply(sp, C.add(C.multiply(C.subtract(pos_weight._value(), 1.0), t), 1.0))
    loss = C.add(C.multiply(C.subtract(1.0, t), x), sp)
    if weight is not None:
        loss = C.multiply(loss, weight._value())
    return wrap(_reduce(loss, r))


# ---------------------------------------------------------------- losses: classification


def _class_checks(input, target, weight, what="target"):
    """Batch/spatial shape checks of nll_loss-style (input, target) pairs."""
    xs, ts = tuple(input.shape), tuple(target.shape)
    if len(xs) < 1:
        raise TorchValueError(f"Expected 1 or more dimensions (got {len(xs)})")
    if len(xs) >= 2 and (not ts or ts[0] != xs[0]):
        raise TorchValueError(f"Expected input batch_size ({xs[0]}) to match target batch_size "
                              f"({ts[0] if ts else 0}).")
    expected = xs[:1] + xs[2:] if len(xs) >= 2 else ()
    if ts != expected:
        raise RuntimeError(f"Expected target size {list(expected)}, got {list(ts)}")
    if weight is not None and weight.numel() != xs[0 if len(xs) == 1 else 1]:
        raise RuntimeError("weight tensor should be defined either for all or no classes")


def _nll(logp, target, weight, ignore_index, reduction):
    """nll_loss on native values: logp (C,) or (N, C, *d), target () or (N, *d) int64. Raises
    torch's IndexError for a target outside [0, C) that is not ignore_index."""
    unbatched = len(C.shape(logp)) == 1
    if unbatched:
        logp, target = C.expand_dims(logp, axis=0), C.expand_dims(target, axis=0)
    ignored = C.equal(target, ignore_index)
    safe = C.where(ignored, 0, target)
    if _any(C.logical_or(C.less(safe, 0), C.greater_equal(safe, C.shape(logp)[1]))):
        h = C.to_numpy(safe)
        raise IndexError(f"Target {h[(h < 0) | (h >= C.shape(logp)[1])].flat[0]} is out of "
                         "bounds.")
    picked = C.take_along_axis(logp, C.expand_dims(safe, axis=1), axis=1)  # (N, 1, *d)
    if weight is None:
        w = C.astype(C.logical_not(ignored), C.dtype_of(logp))
    else:
        w = C.where(ignored, 0.0, C.take(weight, safe, axis=0))
    loss = C.multiply(C.squeeze(picked, 1), C.negative(w))
    if reduction == "none":
        return C.squeeze(loss, 0) if unbatched else loss
    if reduction == "sum":
        return C.sum(loss)
    return C.divide(C.sum(loss), C.sum(w))


def _target_range(target, ncls, ignore_index=None):
    """IndexError for a class index outside [0, ncls) that is not ignore_index."""
    v = target._value()
    if not target.numel():
        return
    bad = C.logical_or(C.less(v, 0), C.greater_equal(v, ncls))
    if ignore_index is not None:
        bad = C.logical_and(bad, C.not_equal(v, ignore_index))
    if _any(bad):
        h = C.to_numpy(v)[C.to_numpy(bad)]
        raise IndexError(f"Target {h.flat[0]} is out of bounds.")


def nll_loss(input, target, weight=None, size_average=None, ignore_index=-100, reduce=None,
             reduction="mean"):
    r = _reduction(size_average, reduce, reduction)
    _class_checks(input, target, weight)
    if target.dtype not in (T.int64, T.uint8):
        raise RuntimeError(f"expected target dtype to be Long or Byte, but got {_tname(target)}")
    _same_dtype(input, weight, "expected scalar type {} but found {}")
    return wrap(_nll(input._value(), C.astype(target._value(), C.int64), _val(weight),
                     ignore_index, r))


def cross_entropy(input, target, weight=None, size_average=None, ignore_index=-100, reduce=None,
                  reduction="mean", label_smoothing=0.0):
    r = _reduction(size_average, reduce, reduction)
    if not 0.0 <= label_smoothing <= 1.0:
        raise RuntimeError(f"label_smoothing must be between 0.0 and 1.0. Got: {label_smoothing}")
    x = input._value()
    xs = C.shape(x)
    cdim = 0 if len(xs) == 1 else 1
    ncls = xs[cdim] if xs else 0
    logp = C.log_softmax(x, axis=cdim) if xs else x
    w = _val(weight)
    if target.dtype.is_floating_point:  # class probabilities
        if ignore_index != -100:
            raise RuntimeError("ignore_index is not supported for floating point target")
        if tuple(target.shape) != tuple(xs):
            raise RuntimeError(f"Expected target size {list(xs[:1] + xs[2:])}, got "
                               f"{list(target.shape)}")
        t = target._value()
        if label_smoothing > 0:
            t = C.add(C.multiply(t, 1.0 - label_smoothing), label_smoothing / ncls)
        prod = C.multiply(logp, t)
        if w is not None:
            prod = C.multiply(prod, C.reshape(w, (-1,) + (1,) * (len(xs) - cdim - 1)))
        loss = C.negative(C.sum(prod, axis=cdim))
        if r == "mean":
            return wrap(C.divide(C.sum(loss), max(math.prod(xs) // max(ncls, 1), 1)
                                 if math.prod(xs) else 0.0))
        return wrap(_reduce(loss, r))
    _class_checks(input, target, weight)
    if target.dtype not in (T.int64, T.uint8):
        raise RuntimeError(f"expected target dtype to be Long or Byte, but got {_tname(target)}")
    t = C.astype(target._value(), C.int64)
    nll = _nll(logp, t, w, ignore_index, r)
    if label_smoothing <= 0:
        return wrap(nll)
    ignored = C.equal(t, ignore_index)
    if w is not None:
        smooth = C.negative(C.sum(C.multiply(
            logp, C.reshape(w, (-1,) + (1,) * (len(xs) - cdim - 1))), axis=cdim))
    else:
        smooth = C.negative(C.sum(logp, axis=cdim))
    smooth = C.where(ignored, 0.0, smooth)
    if r == "mean":  # normalized like nll_loss: by the (weighted) count of kept targets
        kept = C.astype(C.logical_not(ignored), C.dtype_of(logp)) if w is None else \
            C.where(ignored, 0.0, C.take(w, C.where(ignored, 0, t), axis=0))
        smooth = C.divide(C.sum(smooth), C.sum(kept))
    else:
        smooth = _reduce(smooth, r)
    return wrap(C.add(C.multiply(nll, 1.0 - label_smoothing),
                      C.multiply(smooth, label_smoothing / ncls)))


def kl_div(input, target, size_average=None, reduce=None, reduction="mean", log_target=False):
    if size_average is not None or reduce is not None:
        r = _reduction(size_average, reduce, "mean")
    elif reduction == "batchmean":
        r = "batchmean"
    else:
        r = _reduction(None, None, reduction)
        if r == "mean":
            warnings.warn("reduction: 'mean' divides the total loss by both the batch size and "
                          "the support size.'batchmean' divides only by the batch size, and "
                          "aligns with the KL div math definition.'mean' will be changed to "
                          "behave the same as 'batchmean' in the next major release.",
                          stacklevel=2)
    _no_ints("kl_div", input, target, msg="kl_div: Integral inputs not supported.")
    x, t = _pair(input, target)
    if log_target:
        loss = C.multiply(C.exp(t), C.subtract(t, x))
    else:
        loss = C.subtract(C.xlogy(t, t), C.multiply(t, x))
    if r == "batchmean":
        s = C.sum(loss)
        return wrap(C.divide(s, input.shape[0]) if input.ndim else s)
    return wrap(_reduce(loss, r))


def poisson_nll_loss(input, target, log_input=True, full=False, size_average=None, eps=1e-08,
                     reduce=None, reduction="mean"):
    r = _reduction(size_average, reduce, reduction)
    x, t = _float_operands(input, target)
    if log_input:
        loss = C.subtract(C.exp(x), C.multiply(t, x))
    else:
        loss = C.subtract(x, C.multiply(t, C.log(C.add(x, eps))))
    if full:
        tt = C.where(C.greater(t, 1), t, 2.0)  # keeps the unused branch finite
        stirling = C.add(C.subtract(C.multiply(tt, C.log(tt)), tt),
                         C.multiply(C.log(C.multiply(tt, 2 * math.pi)), 0.5))
        loss = C.add(loss, C.where(C.greater(t, 1), stirling, 0.0))
    return wrap(_reduce(loss, r))


def gaussian_nll_loss(input, target, var, full=False, eps=1e-06, reduction="mean"):
    if not isinstance(var, Tensor):
        v = C.full_like(input._value(), builtins.float(var))
        vshape = tuple(input.shape)
    else:
        v = var._value()
        vshape = tuple(var.shape)
    ishape = tuple(input.shape)
    if vshape != ishape:
        if ishape[:-1] == vshape:
            v = C.expand_dims(v, axis=-1)
        elif not (ishape[:-1] == vshape[:-1] and vshape[-1:] == (1,)):
            raise TorchValueError("var is of incorrect size")
    if reduction not in _REDUCTIONS:
        raise TorchValueError(reduction + " is not valid")
    _no_ints("gaussian_nll_loss", input, msg="result type Float can't be cast to the desired "
                                             "output type long int")
    if _any(C.less(v, 0)):
        raise TorchValueError("var has negative entry/entries")
    x, t = _pair(input, target)
    v = C.add(v, _strip(C.subtract(C.maximum(v, eps), v)))  # clamp without touching the gradient
    d = C.subtract(x, t)
    loss = C.multiply(C.add(C.log(v), C.divide(C.multiply(d, d), v)), 0.5)
    if full:
        loss = C.add(loss, 0.5 * math.log(2 * math.pi))
    return wrap(_reduce(loss, reduction))


# ---------------------------------------------------------------- losses: margins and embeddings


def cosine_embedding_loss(input1, input2, target, margin=0, size_average=None, reduce=None,
                          reduction="mean"):
    r = _reduction(size_average, reduce, reduction)
    a, b = _float_operands(input1, input2)
    y = target._value()
    eps = 1e-12
    prod = C.sum(C.multiply(a, b), axis=-1)
    m1 = C.add(C.sum(C.multiply(a, a), axis=-1), eps)
    m2 = C.add(C.sum(C.multiply(b, b), axis=-1), eps)
    cos = C.divide(prod, C.sqrt(C.multiply(m1, m2)))
    pos = C.subtract(1.0, cos)
    neg = C.maximum(C.subtract(cos, margin), 0.0)
    loss = C.add(C.where(C.equal(y, 1), pos, 0.0), C.where(C.equal(y, -1), neg, 0.0))
    return wrap(_reduce(loss, r))


def margin_ranking_loss(input1, input2, target, margin=0, size_average=None, reduce=None,
                        reduction="mean"):
    r = _reduction(size_average, reduce, reduction)
    if not input1.ndim == input2.ndim == target.ndim:
        raise RuntimeError(f"margin_ranking_loss : All input tensors should have same dimension "
                           f"but got sizes: input1: {input1.shape}, input2: {input2.shape}, "
                           f"target: {target.shape} ")
    a, b, y = _float_operands(input1, input2, target)
    loss = C.maximum(C.add(C.multiply(C.negative(y), C.subtract(a, b)), margin), 0.0)
    return wrap(_reduce(loss, r))


def hinge_embedding_loss(input, target, margin=1.0, size_average=None, reduce=None,
                         reduction="mean"):
    r = _reduction(size_average, reduce, reduction)
    x, y = _pair(input, target)
    zero = C.zeros_like(x)
    loss = C.add(C.where(C.not_equal(y, 1), C.maximum(C.subtract(margin, x), 0.0), zero),
                 C.where(C.not_equal(y, -1), x, zero))
    return wrap(_reduce(loss, r))


def soft_margin_loss(input, target, size_average=None, reduce=None, reduction="mean"):
    r = _reduction(size_average, reduce, reduction)
    _no_ints("soft_margin_loss", input, msg=f"result type Float can't be cast to the desired "
                                            f"output type {_tname(input)}")
    x, y = _pair(input, target)
    return wrap(_reduce(C.log1p(C.exp(C.negative(C.multiply(x, y)))), r))


def multilabel_soft_margin_loss(input, target, weight=None, size_average=None, reduce=None,
                                reduction="mean"):
    if size_average is not None or reduce is not None:
        reduction = _reduction(size_average, reduce, reduction)
    _no_ints("log_sigmoid_cpu", input, exc=NotImplementedError)
    x, t = _pair(input, target)
    loss = C.negative(C.add(C.multiply(t, C.logsigmoid(x)),
                            C.multiply(C.subtract(1.0, t), C.logsigmoid(C.negative(x)))))
    if weight is not None:
        loss = C.multiply(loss, weight._value())
    cdim = len(C.shape(x)) - 1
    loss = C.divide(C.sum(loss, axis=cdim), C.shape(x)[cdim])
    if reduction == "none":
        return wrap(loss)
    if reduction == "mean":
        return wrap(C.mean(loss))
    if reduction == "sum":
        return wrap(C.sum(loss))
    raise TorchValueError(reduction + " is not valid")


def multilabel_margin_loss(input, target, size_average=None, reduce=None, reduction="mean"):
    r = _reduction(size_average, reduce, reduction)
    x = _float_only(input, "multilabel_margin_loss_forward_out_frame")
    xs = C.shape(x)
    if len(xs) > 2 or tuple(target.shape) != tuple(xs):
        raise RuntimeError(f"inconsistent target size: {list(target.shape)} for input of size: "
                           f"{list(xs)}")
    if target.dtype is not T.int64:
        raise RuntimeError(f"expected scalar type Long but found {_tname(target)}")
    unbatched = len(xs) <= 1
    t = target._value()
    if unbatched:  # a 0-d input is one sample of one class
        x, t = C.reshape(x, (1, -1)), C.reshape(t, (1, -1))
    ncls = C.shape(x)[1]
    # the targets are the entries before the first -1
    live = C.cumulative_prod(C.astype(C.not_equal(t, -1), C.int64), axis=1)
    safe = C.where(C.equal(live, 1), t, 0)
    oh = C.multiply(C.one_hot(safe, ncls), C.expand_dims(live, axis=2))  # (N, C, C)
    count = C.astype(C.sum(oh, axis=1), C.dtype_of(x))  # times class j is a target
    is_t = C.greater(count, 0)
    hinge = C.maximum(C.add(C.subtract(1.0, C.expand_dims(x, axis=2)), C.expand_dims(x, axis=1)),
                      0.0)  # [n, j, i] = max(0, 1 - (x[j] - x[i]))
    pair_w = C.multiply(C.expand_dims(count, axis=2),
                        C.expand_dims(C.astype(C.logical_not(is_t), C.dtype_of(x)), axis=1))
    loss = C.divide(C.sum(C.multiply(hinge, pair_w), axis=(1, 2)), ncls)
    if unbatched:
        loss = C.squeeze(loss, 0)
    return wrap(_reduce(loss, r))


def multi_margin_loss(input, target, p=1, margin=1.0, weight=None, size_average=None,
                      reduce=None, reduction="mean"):
    r = _reduction(size_average, reduce, reduction)
    if p not in (1, 2):
        raise TorchValueError("only p == 1 and p == 2 supported")
    if weight is not None and weight.ndim != 1:
        raise TorchValueError("weight must be one-dimensional")
    x = _float_only(input, "multi_margin_loss_cpu_kernel")
    xs = C.shape(x)
    if len(xs) > 2 or (len(xs) >= 1 and xs[-1] == 0):
        raise RuntimeError(f"Expected non-empty vector or matrix with optional 0-dim batch size, "
                           f"but got: {list(xs)}")
    unbatched = len(xs) <= 1
    if unbatched:
        x = C.reshape(x, (1, -1))
    if target.dtype is not T.int64:
        raise RuntimeError(f"expected scalar type Long but found {_tname(target)}")
    t = C.reshape(target._value(), (-1,))
    n, ncls = C.shape(x)
    if C.shape(t)[0] != n or len(xs) > 2:
        raise RuntimeError(f"inconsistent target size, expected {n} but got {list(target.shape)}")
    _target_range(target, ncls)
    xy = C.take_along_axis(x, C.expand_dims(t, axis=1), axis=1)
    z = C.maximum(C.add(C.subtract(margin, xy), x), 0.0)
    if p == 2:
        z = C.multiply(z, z)
    if weight is not None:
        z = C.multiply(z, C.expand_dims(C.take(weight._value(), t, axis=0), axis=1))
    z = C.where(C.equal(C.expand_dims(t, axis=1), _const(_np.arange(ncls)[None], t)), 0.0, z)
    loss = C.divide(C.sum(z, axis=1), ncls)
    if unbatched:
        loss = C.reshape(loss, ())
    return wrap(_reduce(loss, r))


def _triplet_dims(a, p, n):
    if not a.ndim == p.ndim == n.ndim:
        raise RuntimeError(f"The anchor, positive, and negative tensors are expected to have the "
                           f"same number of dimensions, but got: anchor {a.ndim}D, positive "
                           f"{p.ndim}D, and negative {n.ndim}D inputs")


def triplet_margin_loss(anchor, positive, negative, margin=1.0, p=2, eps=1e-06, swap=False,
                        size_average=None, reduce=None, reduction="mean"):
    r = _reduction(size_average, reduce, reduction)
    if margin <= 0:
        raise TorchValueError(f"margin must be greater than 0, got {margin}")
    _triplet_dims(anchor, positive, negative)
    a, ps, ng = _float_operands(anchor, positive, negative)
    d_pos = _pdistance(a, ps, p, eps, False)
    d_neg = _pdistance(a, ng, p, eps, False)
    if swap:
        d_neg = C.minimum(d_neg, _pdistance(ps, ng, p, eps, False))
    loss = C.maximum(C.add(C.subtract(d_pos, d_neg), margin), 0.0)
    return wrap(_reduce(loss, r))


def triplet_margin_with_distance_loss(anchor, positive, negative, *, distance_function=None,
                                      margin=1.0, swap=False, reduction="mean"):
    if reduction not in _REDUCTIONS:
        raise TorchValueError(f"{reduction} is not a valid value for reduction")
    if margin <= 0:
        raise TorchValueError(f"margin must be greater than 0, got {margin}")
    _triplet_dims(anchor, positive, negative)
    dist = distance_function if distance_function is not None else pairwise_distance
    d_pos = dist(anchor, positive)._value()
    d_neg = dist(anchor, negative)._value()
    if swap:
        d_neg = C.minimum(d_neg, dist(positive, negative)._value())
    loss = C.maximum(C.add(C.subtract(d_pos, d_neg), margin), 0.0)
    return wrap(_reduce(loss, reduction))


def _lengths(x, n):
    if isinstance(x, Tensor):
        h = C.to_numpy(x._value())
    else:
        h = _np.asarray(x)
    return _np.broadcast_to(h.astype(_np.int64).reshape(-1), (n,))


def _logsumexp3(a, b, c):
    """log(exp(a) + exp(b) + exp(c)), -inf where all three are -inf (with finite gradients)."""
    m = C.maximum(C.maximum(a, b), c)
    live = C.greater(m, -math.inf)
    ms = C.where(live, m, 0.0)
    s = C.add(C.add(C.exp(C.subtract(a, ms)), C.exp(C.subtract(b, ms))), C.exp(C.subtract(c, ms)))
    return C.where(live, C.add(C.log(C.where(live, s, 1.0)), ms), -math.inf)


def ctc_loss(log_probs, targets, input_lengths, target_lengths, blank=0, reduction="mean",
             zero_infinity=False):
    """The gradient with respect to log_probs is the exact one (-posterior occupancy); torch's
    native kernel returns that plus exp(log_probs). Both give the same gradient through a
    log_softmax, the usual way log_probs are made."""
    if reduction not in _REDUCTIONS:
        raise TorchValueError(f"{reduction} is not a valid value for reduction")
    lp = log_probs._value()
    ls = C.shape(lp)
    unbatched = len(ls) == 2
    if unbatched:
        lp = C.expand_dims(lp, axis=1)
    if len(C.shape(lp)) != 3:
        raise RuntimeError(f"ctc_loss: expected log_probs of 2 or 3 dimensions, got {list(ls)}")
    Tn, N, ncls = C.shape(lp)
    il = _lengths(input_lengths, N)
    tl = _lengths(target_lengths, N)
    tg = C.to_numpy(targets._value()).astype(_np.int64)
    if unbatched:
        rows = [tg.reshape(-1)[:tl[0]]]
    elif tg.ndim == 1:  # the targets of the batch concatenated
        ends = _np.cumsum(tl)
        rows = [tg[e - k:e] for e, k in zip(ends, tl)]
    else:  # padded (N, S)
        rows = [tg[i, :tl[i]] for i in range(N)]
    if (il > Tn).any():
        raise RuntimeError(f"Expected input_lengths to have value at most {Tn}, but got value "
                           f"{il.max()}")
    S = max(builtins.int(tl.max()) if N else 0, 0)
    L = 2 * S + 1
    ext = _np.full((N, L), blank, dtype=_np.int64)
    for i, row in enumerate(rows):
        ext[i, 1:2 * len(row):2] = row
    skip = _np.zeros((N, L), dtype=bool)  # a transition from s - 2 is allowed
    skip[:, 2:] = (ext[:, 2:] != blank) & (ext[:, 2:] != ext[:, :-2])
    valid = _np.arange(L)[None, :] < (2 * tl[:, None] + 1)
    dt = C.dtype_of(lp)
    idx = _const(_np.broadcast_to(ext[None], (Tn, N, L)), lp, C.int64)
    lpe = C.take_along_axis(lp, idx, axis=2)  # (T, N, L)
    ninf = -math.inf
    init = _np.full((N, L), ninf)
    init[:, 0] = 0.0
    init[:, 1] = _np.where(tl > 0, 0.0, ninf)
    lpe = C.where(_const(valid, lp, C.bool), lpe, ninf)  # positions past 2 * len + 1
    steps = C.unstack(lpe, axis=0)
    live = C.unstack(_const((_np.arange(Tn)[:, None] < il[None, :])[:, :, None], lp, C.bool),
                     axis=0)
    skip_c = _const(skip, lp, C.bool)
    pad = _const(_np.full((N, 2), ninf), lp)
    alpha = C.add(_const(init, lp), steps[0])
    for t in range(1, Tn):
        shifted = C.concat([pad, alpha], axis=1)
        a1 = C.getitem(shifted, (slice(None), slice(1, L + 1)))
        a2 = C.where(skip_c, C.getitem(shifted, (slice(None), slice(0, L))), ninf)
        alpha = C.where(live[t], C.add(_logsumexp3(alpha, a1, a2), steps[t]), alpha)
    last = _np.minimum(2 * tl, L - 1)
    prev = _np.maximum(2 * tl - 1, 0)
    a_last = C.take_along_axis(alpha, _const(last[:, None], lp, C.int64), axis=1)
    a_prev = C.take_along_axis(alpha, _const(prev[:, None], lp, C.int64), axis=1)
    a_prev = C.where(_const((tl > 0)[:, None], lp, C.bool), a_prev, ninf)
    nll = C.negative(C.squeeze(_logsumexp3(a_last, a_prev, _const(_np.full((N, 1), ninf), lp)),
                               1))
    nll = C.where(_const(il == 0, lp, C.bool), C.where(_const(tl == 0, lp, C.bool), 0.0, math.inf),
                  nll)
    if zero_infinity:
        nll = C.where(C.isinf(nll), 0.0, nll)
    nll = C.astype(nll, dt)
    if reduction == "none":
        return wrap(C.squeeze(nll, 0) if unbatched else nll)
    if reduction == "sum":
        return wrap(C.sum(nll))
    return wrap(C.mean(C.divide(nll, _const(_np.maximum(tl, 1), lp))))


def linear_cross_entropy(input, linear_weight, target, *, linear_bias=None, weight=None,
                         reduction="mean", ignore_index=None, label_smoothing=0.0, options=None):
    """`options` (torch's chunking hints) is accepted and ignored: the logits are formed whole."""
    if ignore_index is not None and target.dtype.is_floating_point:
        raise RuntimeError("ignore_index cannot be specified when target contains probabilities")
    ws = tuple(linear_weight.shape)
    if len(ws) > 2:  # K-dimensional output features (C, d1, ..., dK, in_features)
        if input.ndim < 2:
            raise RuntimeError(f"K-dimensional loss defined by linear_weight shape {ws} requires "
                               f"batched input, (N, {ws[-1]}), got unbatched input with shape "
                               f"{tuple(input.shape)}")
        w2 = wrap(C.reshape(linear_weight._value(), (-1, ws[-1])))
        b2 = None if linear_bias is None else wrap(C.reshape(linear_bias._value(), (-1,)))
        flat = linear(input, w2, b2)._value()
        logits = wrap(C.reshape(flat, tuple(input.shape[:-1]) + ws[:-1]))
    else:
        logits = linear(input, linear_weight, linear_bias)
    return cross_entropy(logits, target, weight, ignore_index=-100 if ignore_index is None
                         else ignore_index, reduction=reduction, label_smoothing=label_smoothing)


# ---------------------------------------------------------------- distances


def cosine_similarity(x1, x2, dim=1, eps=1e-08):
    (a, b), dt = _operands(x1, x2)
    if dt.kind not in "fc":
        raise RuntimeError(f"expected common dtype to be floating point, yet common dtype is "
                           f"{_TYPE_NAMES[dt.name]}")
    nd = max(len(C.shape(a)), len(C.shape(b)))
    d = _dim(dim, nd)
    if nd == 0:  # 0-d inputs: one-element vectors
        return wrap(C.reshape(C.cosine_similarity(C.reshape(a, (1,)), C.reshape(b, (1,)), axis=0,
                                                  eps=eps), ()))
    if C.shape(a) != C.shape(b):
        shp = C.broadcast_shapes(tuple(C.shape(a)), tuple(C.shape(b)))
        a, b = C.broadcast_to(a, shp), C.broadcast_to(b, shp)
    return wrap(C.cosine_similarity(a, b, axis=d, eps=eps))


def _pdistance(a, b, p, eps, keepdim):
    if C.dtype_of(a).kind == "c":  # the norm of |a - b + eps|: real
        return C.linalg.vector_norm(C.add(C.subtract(a, b), eps), axis=-1,
                                    keepdims=builtins.bool(keepdim), ord=p)
    return C.pairwise_distance(a, b, p=p, eps=eps, keepdims=builtins.bool(keepdim))


def pairwise_distance(x1, x2, p=2.0, eps=1e-06, keepdim=False):
    a, b = _float_operands(x1, x2)
    nd = max(len(C.shape(a)), len(C.shape(b)))
    if nd == 0:
        a = C.reshape(a, (1,))
    return wrap(_pdistance(a, b, p, eps, keepdim))


def pdist(input, p=2):
    x = input._value()
    xs = C.shape(x)
    if len(xs) != 2:
        raise RuntimeError(f"pdist only supports 2D tensors, got: {len(xs)}D")
    _no_ints("pdist", input, msg="pdist only supports floating-point dtypes")
    if p < 0:
        raise RuntimeError("pdist only supports non-negative p values")
    i, j = _np.triu_indices(xs[0], 1)
    d = C.subtract(C.take(x, _const(i, x, C.int64), axis=0),
                   C.take(x, _const(j, x, C.int64), axis=0))
    return wrap(C.linalg.vector_norm(d, axis=-1, ord=p))


# ---------------------------------------------------------------- attention


def scaled_dot_product_attention(query, key, value, attn_mask=None, dropout_p=0.0,
                                 is_causal=False, *, scale=None, enable_gqa=False):
    if attn_mask is not None and is_causal:
        raise RuntimeError("_scaled_dot_product_attention: Explicit attn_mask should not be set "
                           "when is_causal=True")
    q, k, v = query._value(), key._value(), value._value()
    if not (query.dtype is key.dtype is value.dtype):
        raise RuntimeError(f"Expected query, key, and value to have the same dtype, but got "
                           f"query.dtype: {query.dtype} key.dtype: {key.dtype} and value.dtype: "
                           f"{value.dtype} instead.")
    rk = _key() if dropout_p > 0 else None
    return wrap(C.scaled_dot_product_attention(q, k, v, _val(attn_mask), dropout_p,
                                               builtins.bool(is_causal), scale,
                                               enable_gqa=builtins.bool(enable_gqa), key=rk))


def _float_mask(m, dt, name):
    """An additive float mask from a bool mask (True: masked out) or a float mask."""
    if m is None:
        return None
    v = m._value()
    if m.dtype is T.bool:
        return C.where(v, _const(-math.inf, v, dt), _const(0.0, v, dt))
    if not m.dtype.is_floating_point:
        raise AssertionError(f"only bool and floating types of {name} are supported")
    return C.astype(v, dt)


def multi_head_attention_forward(query, key, value, embed_dim_to_check, num_heads, in_proj_weight,
                                 in_proj_bias, bias_k, bias_v, add_zero_attn, dropout_p,
                                 out_proj_weight, out_proj_bias, training=True,
                                 key_padding_mask=None, need_weights=True, attn_mask=None,
                                 use_separate_proj_weight=False, q_proj_weight=None,
                                 k_proj_weight=None, v_proj_weight=None, static_k=None,
                                 static_v=None, average_attn_weights=True, is_causal=False):
    q_in, k_in, v_in = query._value(), key._value(), value._value()
    batched = query.ndim == 3
    if not batched:
        q_in, k_in, v_in = (C.expand_dims(t, axis=1) for t in (q_in, k_in, v_in))
    L, N, E = C.shape(q_in)
    S = C.shape(k_in)[0]
    if E != embed_dim_to_check:
        raise AssertionError(f"was expecting embedding dimension of {embed_dim_to_check}, but got "
                             f"{E}")
    if E % num_heads:
        raise AssertionError(f"embed_dim {E} not divisible by num_heads {num_heads}")
    if is_causal and attn_mask is None:
        raise RuntimeError("Need attn_mask if specifying the is_causal hint. You may use the "
                           "Transformer module method `generate_square_subsequent_mask` to create "
                           "this mask.")
    hd = E // num_heads
    dt = C.dtype_of(q_in)
    b = _val(in_proj_bias)
    bq, bk, bv = (None, None, None) if b is None else (
        C.getitem(b, slice(0, E)), C.getitem(b, slice(E, 2 * E)), C.getitem(b, slice(2 * E, None)))
    if use_separate_proj_weight:
        if q_proj_weight is None or k_proj_weight is None or v_proj_weight is None:
            raise AssertionError("use_separate_proj_weight is True but q_proj_weight, "
                                 "k_proj_weight or v_proj_weight is None")
        wq, wk, wv = q_proj_weight._value(), k_proj_weight._value(), v_proj_weight._value()
    else:
        if in_proj_weight is None:
            raise AssertionError("use_separate_proj_weight is False but in_proj_weight is None")
        w = in_proj_weight._value()
        wq, wk, wv = (C.getitem(w, slice(i * E, (i + 1) * E)) for i in range(3))

    def proj(x, w_, b_):
        y = C.matmul(x, C.matrix_transpose(w_))
        return y if b_ is None else C.add(y, b_)

    q = proj(q_in, wq, bq)
    k = proj(k_in, wk, bk) if static_k is None else None
    v = proj(v_in, wv, bv) if static_v is None else None
    mask = _float_mask(attn_mask, dt, "attn_mask")
    if mask is not None:
        if len(C.shape(mask)) == 2:
            if C.shape(mask) != (L, S):
                raise RuntimeError(f"The shape of the 2D attn_mask is {tuple(C.shape(mask))}, but "
                                   f"should be {(L, S)}.")
            mask = C.expand_dims(mask, axis=0)
        elif C.shape(mask) != (N * num_heads, L, S):
            raise RuntimeError(f"The shape of the 3D attn_mask is {tuple(C.shape(mask))}, but "
                               f"should be {(N * num_heads, L, S)}.")
    kpm = _float_mask(key_padding_mask, dt, "key_padding_mask")
    if kpm is not None and not batched:
        kpm = C.expand_dims(kpm, axis=0)
    if bias_k is not None and bias_v is not None:
        if static_k is not None or static_v is not None:
            raise AssertionError("bias cannot be added to static key/value.")
        k = C.concat([k, C.broadcast_to(C.reshape(bias_k._value(), (1, 1, E)), (1, N, E))], axis=0)
        v = C.concat([v, C.broadcast_to(C.reshape(bias_v._value(), (1, 1, E)), (1, N, E))], axis=0)
        if mask is not None:
            mask = C.pad(mask, ((0, 0), (0, 0), (0, 1)))
        if kpm is not None:
            kpm = C.pad(kpm, ((0, 0), (0, 1)))

    def heads(x):  # (len, N, E) -> (N*H, len, hd)
        return C.swapaxes(C.reshape(x, (C.shape(x)[0], N * num_heads, hd)), 0, 1)

    q = heads(q)
    k = heads(k) if static_k is None else static_k._value()
    v = heads(v) if static_v is None else static_v._value()
    if add_zero_attn:
        z = C.zeros_like(C.getitem(k, (slice(None), slice(0, 1))))
        k = C.concat([k, z], axis=1)
        v = C.concat([v, z], axis=1)
        if mask is not None:
            mask = C.pad(mask, ((0, 0), (0, 0), (0, 1)))
        if kpm is not None:
            kpm = C.pad(kpm, ((0, 0), (0, 1)))
    S2 = C.shape(k)[1]
    if kpm is not None:
        if C.shape(kpm) != (N, S2):
            raise AssertionError(f"expecting key_padding_mask shape of {(N, S2)}, but got "
                                 f"{tuple(C.shape(kpm))}")
        kpm = C.reshape(C.broadcast_to(C.reshape(kpm, (N, 1, 1, S2)), (N, num_heads, 1, S2)),
                        (N * num_heads, 1, S2))
        mask = kpm if mask is None else C.add(mask, kpm)
    s = C.matmul(C.multiply(q, 1.0 / math.sqrt(hd)), C.matrix_transpose(k))
    if mask is not None:
        s = C.add(s, mask)
    attn = C.softmax(s, axis=-1)
    if training and dropout_p > 0:
        attn = C.dropout(_key(), attn, dropout_p, True)
    out = C.matmul(attn, v)  # (N*H, L, hd)
    out = C.reshape(C.swapaxes(out, 0, 1), (L * N, E))
    out = proj(out, out_proj_weight._value(), _val(out_proj_bias))
    out = C.reshape(out, (L, N, E))
    if not batched:
        out = C.squeeze(out, 1)
    if not need_weights:
        return wrap(out), None
    aw = C.reshape(attn, (N, num_heads, L, S2))
    if average_attn_weights:
        aw = C.mean(aw, axis=1)
    if not batched:
        aw = C.squeeze(aw, 0)
    return wrap(out), wrap(aw)


# ---------------------------------------------------------------- torch's error types, once

for _n in __all__:
    globals()[_n] = _api.public(globals()[_n], _n)
del _n


def __getattr__(name: str):
    raise _api.unsupported("torch.nn.functional", name)
