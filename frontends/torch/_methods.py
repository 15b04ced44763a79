"""Tensor methods and operators, attached once at import from the namespace functions.

A Tensor method is the torch function of the same name with the tensor as first argument;
`name_` in-place forms compute the out-of-place result and write it back (_convert.inplace_result,
with torch's casting check); operators map to the same functions. Names in METHOD_ONLY are
methods torch has without a function of that name.
"""
from __future__ import annotations

import math

from ... import core as C
from . import _dtype as T
from ._api import unsupported
from ._convert import inplace_result
from ._tensor import Size, Tensor, wrap
from . import _views as V

# operator -> (namespace function, reflected?)
_BINARY_OPS = {
    "add": "add", "sub": "sub", "mul": "mul", "truediv": "true_divide", "floordiv": "floor_divide",
    "mod": "remainder", "pow": "pow", "matmul": "matmul", "and": "bitwise_and",
    "or": "bitwise_or", "xor": "bitwise_xor", "lshift": "bitwise_left_shift",
    "rshift": "bitwise_right_shift",
}
_COMPARE = {"eq": "eq", "ne": "ne", "lt": "lt", "le": "le", "gt": "gt", "ge": "ge"}
_UNARY = {"neg": "neg", "pos": "positive", "abs": "abs", "invert": "bitwise_not"}

# functions whose first argument is not the tensor a method would be called on
_NOT_METHODS = {"tensor", "as_tensor", "from_numpy", "zeros", "ones", "empty", "full", "arange",
                "linspace", "logspace", "eye", "rand", "randn", "randint", "randperm", "normal",
                "manual_seed", "seed", "initial_seed", "get_default_dtype", "set_default_dtype",
                "promote_types", "result_type", "can_cast", "is_tensor", "is_storage",
                "get_rng_state", "set_rng_state", "stack", "cat", "concat", "concatenate",
                "hstack", "vstack", "dstack", "column_stack", "row_stack", "meshgrid",
                "broadcast_tensors", "broadcast_shapes", "einsum", "block_diag", "cartesian_prod",
                "tril_indices", "triu_indices", "zeros_like", "ones_like", "empty_like",
                "full_like", "rand_like", "randn_like", "randint_like", "scalar_tensor",
                "complex", "polar", "from_dlpack", "frombuffer", "asarray", "empty_strided",
                "is_grad_enabled", "set_grad_enabled", "no_grad", "enable_grad",
                "inference_mode", "compile", "use_deterministic_algorithms", "set_printoptions",
                "is_floating_point", "is_complex", "numel", "typename", "atleast_1d",
                "atleast_2d", "atleast_3d", "chain_matmul", "cdist", "combinations",
                "set_num_threads", "get_num_threads", "range", "poisson", "view_as_real",
                "view_as_complex", "dtype", "device", "Size", "Tensor",
                "Generator", "finfo", "iinfo", "dequantize", "bucketize", "searchsorted",
                "vander", "tensordot", "kron", "block_diag", "cov", "corrcoef", "histc",
                "where", "clamp", "clip", "bincount", "tensor_split", "split", "chunk",
                "unbind", "squeeze", "unsqueeze", "flatten", "unflatten", "rsub", "fill", "isin",
                "unravel_index", "gradient", "histogramdd", "svd_lowrank", "pca_lowrank"}
# namespace functions that torch.Tensor does not have as methods (nn-style and internal ops,
# the *_copy variants, save/load, ...)
_NOT_METHODS |= set("""adaptive_avg_pool1d adaptive_max_pool1d alias_copy as_strided_copy atleast_1d
    atleast_2d atleast_3d avg_pool1d bilinear bucketize celu celu_ channel_shuffle constant_pad_nd
    conv1d conv2d conv3d conv_transpose1d conv_transpose2d conv_transpose3d cosine_similarity
    cumulative_trapezoid detach_copy diagonal_copy empty_permuted expand_copy fmax_ fmin_
    grid_sampler_2d grid_sampler_3d is_inference_mode_enabled load logaddexp_ lu_unpack
    max_pool1d max_pool1d_with_indices max_pool2d max_pool3d maximum_ minimum_ native_batch_norm
    native_channel_shuffle native_group_norm native_layer_norm pairwise_distance pdist
    permute_copy pixel_shuffle pixel_unshuffle rms_norm rrelu rrelu_ save searchsorted
    segment_reduce select_copy selu selu_ split_copy split_with_sizes_copy squeeze_copy std_mean
    t_copy tensordot threshold threshold_ transpose_copy trapezoid trapz unbind_copy unfold_copy
    unsqueeze_copy var_mean view_as_complex_copy view_as_real_copy view_copy""".split())
_ALWAYS = {"split", "chunk", "unbind", "squeeze", "unsqueeze", "flatten", "unflatten", "where",
           "clamp", "clip", "bincount", "tensor_split", "cov",
           "corrcoef", "histc", "kron", "is_floating_point", "is_complex", "numel", "dequantize"}

# in-place variants (`x.name_(...)`) of these functions
INPLACE = ["add", "sub", "mul", "div", "true_divide", "floor_divide", "remainder", "fmod", "pow",
           "neg", "abs", "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sqrt", "rsqrt",
           "sin", "cos", "tan", "asin", "acos", "atan", "atan2", "sinh", "cosh", "tanh", "asinh",
           "acosh", "atanh", "sigmoid", "logit", "relu", "floor", "ceil", "round", "trunc", "frac",
           "sign", "sgn", "clamp", "clamp_min", "clamp_max", "clip", "reciprocal", "square",
           "lerp", "addcmul", "addcdiv", "bitwise_and", "bitwise_or", "bitwise_xor",
           "bitwise_not", "bitwise_left_shift", "bitwise_right_shift", "logical_and",
           "logical_or", "logical_xor", "logical_not", "eq", "ne", "lt", "le", "gt", "ge",
           "masked_fill", "masked_scatter", "index_fill", "index_add", "index_copy", "index_put",
           "scatter", "scatter_add", "scatter_reduce", "tril", "triu", "fill_diagonal",
           "nan_to_num", "erf", "erfc", "erfinv", "lgamma", "digamma", "polygamma", "mvlgamma",
           "hypot", "nextafter", "copysign", "xlogy", "i0", "sinc", "deg2rad", "rad2deg",
           "negative", "subtract", "multiply", "divide", "absolute", "arctan2", "fix", "float_power",
           "gcd", "lcm", "heaviside", "ldexp", "cumsum", "cumprod", "renorm", "t", "transpose",
           "squeeze", "unsqueeze", "addmm", "addmv", "addbmm", "baddbmm", "addr", "put",
           "index_reduce", "logaddexp", "arccos", "arcsin", "arctan", "arccosh", "arcsinh",
           "arctanh", "fmax", "fmin", "maximum", "minimum", "greater", "less", "greater_equal",
           "less_equal", "not_equal", "swapaxes", "swapdims", "hardtanh", "leaky_relu", "elu",
           "celu", "selu", "silu", "mish", "hardsigmoid", "hardswish", "threshold", "rrelu",
           "dropout", "sqrt", "exponential", "uniform", "normal", "bernoulli", "random",
           "geometric", "cauchy", "log_normal", "conj_physical", "float_power", "true_divide",
           "as_strided", "resize", "map", "apply", "fill"]

# in-place ops that change geometry instead of values (t_, squeeze_, ...)
_RESHAPING_INPLACE = {"t", "transpose", "squeeze", "unsqueeze", "swapaxes", "swapdims", "as_strided"}


def _operator(fn, reflected):
    if reflected:
        def op(self, other):
            return fn(other, self) if isinstance(other, Tensor) else fn(_scalar_tensor(other, self), self)
    else:
        def op(self, other):
            return fn(self, other)
    return op


def _reflected(fn, name):
    """torch's Python-defined reflected operators (`Tensor.__rsub__` ...): fn(other, self);
    NotImplemented when neither operand is a tensor or fn raises TypeError."""
    def op(self, other):
        if not isinstance(self, Tensor) and not isinstance(other, Tensor):
            return NotImplemented
        try:
            return fn(other, self)
        except TypeError:
            return NotImplemented
    op.__name__ = name
    return op


def _rsub(rsub):
    def __rsub__(self, other):
        if not isinstance(self, Tensor):
            return NotImplemented
        try:
            return rsub(self, other)
        except TypeError:
            return NotImplemented
    return __rsub__


def _rdiv(reciprocal, mul):
    def __rdiv__(self, other):
        """other / self computed as torch does: self.reciprocal() * other."""
        if not isinstance(self, Tensor):
            raise AttributeError(f"'{type(self).__name__}' object has no attribute 'reciprocal'")
        try:
            return mul(reciprocal(self), other)
        except TypeError:
            return NotImplemented
    return __rdiv__


def _scalar_tensor(x, like):
    """A reflected operand (`2 - t`): a wrapped-number 0-d tensor keeps scalar promotion."""
    return x


def _inplace(fn):
    def op(self, *args, **kwargs):
        return inplace_result(self, fn(self, *args, **kwargs)._value())
    op.__name__ = fn.__name__ + "_"
    return op


def _reshaping_inplace(fn):
    def op(self, *args, **kwargs):
        r = fn(self, *args, **kwargs)
        if self._base is not None:
            raise RuntimeError(f"{fn.__name__}_ of a view is not supported")
        self._v = r._value()
        self._geo = r._geo
        return self
    op.__name__ = fn.__name__ + "_"
    return op


def _invert(fn):
    def invert(self):
        d = self.dtype
        if d.is_floating_point or d.is_complex:
            raise TypeError("~ (bitwise_not) is only implemented for integer and boolean tensors, "
                            f"not {d}")
        return fn(self)
    return invert


def _float_power_(fn):
    def float_power_(self, exponent):
        want = T.complex128 if self.dtype.is_complex or (
            isinstance(exponent, Tensor) and exponent.dtype.is_complex) or isinstance(exponent, complex) else T.float64
        if self.dtype is not want:
            raise RuntimeError(f"the base given to float_power_ has dtype {T.SCALAR_NAME[self.dtype]} "
                               f"but the operation's result requires dtype {T.SCALAR_NAME[want]}")
        return inplace_result(self, fn(self, exponent)._value())
    return float_power_


def _missing_method(self, name):
    if name.startswith("__") and name.endswith("__"):
        raise AttributeError(name)
    raise unsupported("torch.Tensor", name)


def attach(ns: dict) -> None:
    """Give Tensor its methods and operators from the namespace dict `ns`."""
    for name, fn in ns.items():
        if name.startswith("_") or not callable(fn) or isinstance(fn, type):
            continue
        if name in _NOT_METHODS and name not in _ALWAYS:
            continue
        if name in vars(Tensor):
            continue
        setattr(Tensor, name, fn)
    for name in INPLACE:
        fn = ns.get(name)
        if fn is not None and name + "_" not in vars(Tensor) and name + "_" not in _NOT_METHODS:
            setattr(Tensor, name + "_", (_reshaping_inplace if name in _RESHAPING_INPLACE else _inplace)(fn))
    for op, fname in _BINARY_OPS.items():
        fn = ns.get(fname)
        if fn is None:
            continue
        setattr(Tensor, f"__{op}__", _operator(fn, False))
        setattr(Tensor, f"__r{op}__", _operator(fn, True))
        setattr(Tensor, f"__i{op}__", _inplace(fn) if fname != "matmul" else _operator(fn, False))
    for op in ("pow", "mod", "floordiv", "lshift", "rshift", "matmul"):
        fn = ns.get(_BINARY_OPS[op])
        if fn is not None:
            setattr(Tensor, f"__r{op}__", _reflected(fn, f"__r{op}__"))
    if "rsub" in ns:
        Tensor.__rsub__ = _rsub(ns["rsub"])
    if "reciprocal" in ns and "mul" in ns:
        Tensor.__rdiv__ = Tensor.__rtruediv__ = _rdiv(ns["reciprocal"], ns["mul"])
    for op, fname in _COMPARE.items():
        fn = ns.get(fname)
        if fn is not None:
            setattr(Tensor, f"__{op}__", _operator(fn, False))
    for op, fname in _UNARY.items():
        fn = ns.get(fname)
        if fn is not None:
            setattr(Tensor, f"__{op}__", fn)
    if "bitwise_not" in ns:
        Tensor.__invert__ = _invert(ns["bitwise_not"])
    if "float_power" in ns:
        Tensor.float_power_ = _float_power_(ns["float_power"])
    Tensor.__getitem__ = V.getitem
    Tensor.__setitem__ = V.setitem
    Tensor.__getattr__ = _missing_method
    Tensor.__hash__ = lambda self: id(self)


def view_dtype(x, dtype):
    raise RuntimeError("Tensor.view(dtype) is not supported by unify's torch frontend yet")


# ------------------------------------------------------------------ methods without functions

def _to(self, *args, **kwargs):
    """Tensor.to(dtype) / to(device) / to(device, dtype) / to(other) (copy only when needed)."""
    from ._device import device as _device_cls, native_device

    dtype = kwargs.pop("dtype", None)
    dev = kwargs.pop("device", None)
    copy = kwargs.pop("copy", False)
    kwargs.pop("non_blocking", None)
    kwargs.pop("memory_format", None)
    if kwargs:
        raise TypeError(f"to() got unexpected keyword arguments {sorted(kwargs)}")
    for a in args:
        if isinstance(a, T.dtype):
            dtype = a
        elif isinstance(a, Tensor):
            dtype, dev = a.dtype, a.device
        elif isinstance(a, (str, _device_cls)) or isinstance(a, int):
            dev = a
        elif a is not None and not isinstance(a, bool):
            raise TypeError(f"to() received an invalid combination of arguments: {a!r}")
    out = self
    if dev is not None:
        nd = native_device(dev)
        if nd is not None and C.device_of(self._value()) != nd:
            out = wrap(C.to_device(self._value(), nd), self._dt)
    if dtype is not None:
        dtype = T.as_dtype(dtype)
        if dtype is not out.dtype:
            out = wrap(C.astype(out._value(), dtype.core), dtype)
    if copy and out is self:
        out = wrap(C.copy(self._value()), self._dt)
    return out


def _type(self, dtype=None, non_blocking=False):
    if dtype is None:
        return _TYPE_NAMES[self.dtype]
    if isinstance(dtype, str):
        dtype = {v: k for k, v in _TYPE_NAMES.items()}[dtype]
    return _to(self, dtype)


_TYPE_NAMES = {T.float32: "torch.FloatTensor", T.float64: "torch.DoubleTensor",
               T.float16: "torch.HalfTensor", T.bfloat16: "torch.BFloat16Tensor",
               T.int64: "torch.LongTensor", T.int32: "torch.IntTensor",
               T.int16: "torch.ShortTensor", T.int8: "torch.CharTensor",
               T.uint8: "torch.ByteTensor", T.bool: "torch.BoolTensor",
               T.complex64: "torch.ComplexFloatTensor", T.complex128: "torch.ComplexDoubleTensor"}


def _caster(d):
    def cast(self, memory_format=None):
        return _to(self, d)
    return cast


def _clone(self, *, memory_format=None):
    from ._creation import clone_tensor

    return clone_tensor(self, memory_format)


def _detach(self):
    from ._tensor import _alias

    return _alias(self)


def _detach_(self):
    from ...core.autograd import strip

    if self._base is None:
        self._v = strip(self._v)
        self._version += 1
    return self


def _contiguous(self, memory_format=None):
    from ._creation import clone_tensor, contiguous_format

    return self if self.is_contiguous() else clone_tensor(self, contiguous_format)


def _copy_(self, src, non_blocking=False):
    v = src._value() if isinstance(src, Tensor) else C.asarray(src)
    self._write(v)
    return self


def _zero_(self):
    self._write(C.zeros((), dtype=self.dtype.core))
    return self


def _fill_(self, value):
    from ._misc import fill_value

    self._write(fill_value(self, value))
    return self


def _requires_grad_(self, requires_grad=True):
    if requires_grad and not (self.dtype.is_floating_point or self.dtype.is_complex):
        raise RuntimeError("only Tensors of floating point and complex dtype can require gradients")
    self.requires_grad = requires_grad
    return self


def _cpu(self, memory_format=None):
    return _to(self, "cpu")


def _cuda(self, device=None, non_blocking=False, memory_format=None):
    return _to(self, "cuda" if device is None else (f"cuda:{device}" if isinstance(device, int) else device))


def _new_tensor(self, data, dtype=None, device=None, requires_grad=False):
    from ._creation import tensor

    return tensor(data, dtype=dtype or self.dtype, device=device, requires_grad=requires_grad)


def _new_filled(fill):
    def new(self, *size, dtype=None, device=None, requires_grad=False):
        shape = V._shape_arg(size) if size else ()
        d = T.as_dtype(dtype) if dtype is not None else self.dtype
        v = C.full(shape, fill, dtype=d.core) if fill is not None else C.zeros(shape, dtype=d.core)
        out = wrap(v, d)
        out.requires_grad = requires_grad
        return out
    return new


def _new_full(self, size, fill_value, *, dtype=None, device=None, requires_grad=False):
    d = T.as_dtype(dtype) if dtype is not None else self.dtype
    return wrap(C.full(V._shape_arg((size,)), fill_value, dtype=d.core), d)


def _resize_(self, *sizes, memory_format=None):
    """Tensor.resize_: the first elements (in row-major order) kept, new ones zero (torch
    leaves them uninitialised)."""
    shape = V._shape_arg(sizes)
    if any(n < 0 for n in shape):
        raise RuntimeError(f"Trying to create tensor with negative dimension {min(shape)}: "
                           f"{list(shape)}")
    v = self._value()
    if shape == C.shape(v):
        return self
    if self.requires_grad:
        raise RuntimeError("cannot resize variables that require grad")
    if self._base is not None:
        raise RuntimeError("resize_ of a view is not supported by unify's torch frontend")
    n, have = math.prod(shape), math.prod(C.shape(v))
    flat = C.reshape(v, (-1,))
    if n <= have:
        flat = C.getitem(flat, slice(0, n))
    else:
        flat = C.concat([flat, C.zeros((n - have,), dtype=self.dtype.core)])
    self._v = C.reshape(flat, shape)
    self._geo = None
    self._version += 1
    return self


def _sum_to_size(self, *size):
    """Sum over the leading dims and the dims where size is 1, to shape `size`."""
    from ._reduce import sum as _sum

    shape = V._shape_arg(size)
    have = C.shape(self._value())
    lead = len(have) - len(shape)
    if lead < 0 or any(n != 1 and n != m for n, m in zip(shape, have[lead:])):
        raise RuntimeError(f"size {{{list(shape)}}} is not expandable to size {{{list(have)}}}.")
    if not shape:  # torch: a full sum (bool and integers become int64)
        return _sum(self)
    if shape == have:
        return self
    dims = tuple(range(lead)) + tuple(lead + i for i, n in enumerate(shape)
                                      if n == 1 and have[lead + i] != 1)
    return V.reshape(_sum(self, dim=dims, keepdim=True), shape)


def _conj(self):
    if not self.dtype.is_complex:
        return self
    return wrap(C.conj(self._value()), self._dt)


def _type_as(self, other):
    return _to(self, other.dtype)


def _fill_diagonal_(self, fill_value, wrap=False):
    """torch's fill_diagonal_: the main diagonal of a 2-d (or all-equal n-d) tensor; with wrap,
    a tall matrix's diagonal restarts every (columns + 1) rows."""
    from ._creation import arange

    s = tuple(self.shape)
    if len(s) < 2:
        raise RuntimeError("dimensions must larger than 1")
    if len(s) > 2 and len(set(s)) != 1:
        raise RuntimeError("all dimensions of input must be of equal length")
    n = min(s)
    if len(s) == 2 and wrap and s[0] > s[1] + 1:
        flat = arange(0, s[0] * s[1], s[1] + 1)
        key = (flat // s[1], flat % s[1])
    else:
        i = arange(n)
        key = (i,) * len(s)
    self[key] = fill_value
    return self


def _apply_(self, fn):
    """In place, a Python callable on every element (torch: CPU tensors only)."""
    from ._creation import tensor

    flat = [fn(v) for v in self.reshape(-1).tolist()]
    self.copy_(tensor(flat, dtype=self.dtype).reshape(self.shape))
    return self


def _map_(self, other, fn):
    from ._creation import tensor

    b = other.expand_as(self).reshape(-1).tolist()
    flat = [fn(a, c) for a, c in zip(self.reshape(-1).tolist(), b)]
    self.copy_(tensor(flat, dtype=self.dtype).reshape(self.shape))
    return self


def _new(self, *args, **kwargs):
    """The legacy Tensor.new(...): sizes give an (uninitialised, here zero) tensor, data a
    tensor of it; self's dtype and device either way."""
    if not args or all(isinstance(a, int) for a in args) or (
            len(args) == 1 and isinstance(args[0], Size)):
        return _new_filled(None)(self, *args, **kwargs)
    if len(args) == 1 and isinstance(args[0], Tensor):
        return args[0]
    return _new_tensor(self, args[0], **kwargs)


def _get_device(self):
    d = self.device
    return -1 if d.type == "cpu" else (d.index or 0)


_PLAIN = {
    "type_as": _type_as, "fill_diagonal_": _fill_diagonal_, "apply_": _apply_, "map_": _map_,
    "new": _new, "get_device": _get_device, "is_pinned": lambda self, device=None: False,
    "pin_memory": lambda self, device=None: _clone(self), "share_memory_": lambda self: self,
    "is_shared": lambda self: False, "is_neg": lambda self: False,
    "to": _to, "type": _type, "clone": _clone, "detach": _detach, "detach_": _detach_,
    "contiguous": _contiguous, "copy_": _copy_, "zero_": _zero_, "fill_": _fill_,
    "requires_grad_": _requires_grad_, "resize_": _resize_, "sum_to_size": _sum_to_size,
    "cpu": _cpu, "cuda": _cuda, "new_tensor": _new_tensor,
    "new_zeros": _new_filled(None), "new_ones": _new_filled(1), "new_empty": _new_filled(None),
    "new_full": _new_full, "conj": _conj, "resolve_conj": lambda self: self,
    "resolve_neg": lambda self: self, "is_conj": lambda self: False,
    "float": _caster(T.float32), "double": _caster(T.float64), "half": _caster(T.float16),
    "bfloat16": _caster(T.bfloat16), "long": _caster(T.int64), "int": _caster(T.int32),
    "short": _caster(T.int16), "char": _caster(T.int8), "byte": _caster(T.uint8),
    "bool": _caster(T.bool), "cfloat": _caster(T.complex64), "cdouble": _caster(T.complex128),
    "view": V.view, "view_as": V.view_as, "reshape_as": V.reshape_as, "expand": V.expand,
    "expand_as": V.expand_as, "permute": V.permute, "select": V.select, "narrow": V.narrow,
    "unbind": V.unbind, "split": V.split, "chunk": V.chunk, "t": V.t, "transpose": V.transpose,
    "diagonal": V.diagonal, "reshape": V.reshape, "squeeze": V.squeeze, "unsqueeze": V.unsqueeze,
    "flatten": V.flatten, "unflatten": V.unflatten, "movedim": V.movedim, "moveaxis": V.movedim,
    "swapaxes": V.transpose, "swapdims": V.transpose, "adjoint": V.adjoint,
}
for _k, _f in _PLAIN.items():
    setattr(Tensor, _k, _f)

Tensor.is_cpu = property(lambda self: self.device.type == "cpu")
Tensor.T = property(lambda self: V.permute(self, tuple(range(self.ndim))[::-1]))
Tensor.mT = property(lambda self: V.transpose(self, -2, -1))
Tensor.H = property(lambda self: _conj(V.permute(self, tuple(range(self.ndim))[::-1])))
Tensor.mH = property(lambda self: _conj(V.transpose(self, -2, -1)))
Tensor.real = property(V.real, lambda self, v: V.real(self).copy_(v))
Tensor.imag = property(V.imag, lambda self, v: V.imag(self).copy_(v))
