"""torch.masked's reductions and normalizations on strided tensors (`mask=` argument).

Each masked-out element is replaced by the identity of the operation (0 for sums, 1 for
products, -inf/the integer minimum for maxima, ...) and the plain torch operation runs on the
result, so fully masked slices give what torch gives (nan for mean/var/std/median/softmax,
the identity for sum/prod/amax/...). Written on the frontend's own public functions, so the
dtype rules and errors are theirs. The mask broadcasts to the input (it may not have more
dimensions than the input: IndexError) and is converted to bool.

Differs from torch: sparse layouts and MaskedTensor inputs are not supported.
"""
from __future__ import annotations

import importlib
import math

from .._api import TorchValueError, public as _public

# the torch frontend package itself (partly built while this module is imported; its
# functions are looked up at call time)
_t = importlib.import_module(__package__.rpartition(".")[0])

__all__ = ["sum", "prod", "cumsum", "cumprod", "amax", "amin", "argmax", "argmin", "mean",
           "median", "logsumexp", "logaddexp", "norm", "var", "std", "softmax", "log_softmax",
           "softmin", "normalize"]

_INT_TO_INT64 = ("bool", "uint8", "int8", "int16", "int32")


# ------------------------------------------------------------------ helpers

def _dims(dim, ndim):
    """dim as a sorted tuple of non-negative axes; None and () mean every axis."""
    if dim is None or (isinstance(dim, (tuple, list)) and len(dim) == 0):
        return tuple(range(ndim))
    n = max(ndim, 1)
    out = []
    for d in ((dim,) if isinstance(dim, int) else dim):
        if d in out or (d < 0 and d + n in out):
            raise RuntimeError(f"dim={d} appears multiple times in the list of dims")
        if not -n <= d < n:
            raise IndexError(f"Dimension out of range (expected to be in range of "
                             f"[{-n}, {n - 1}], but got {d})")
        out.append(d % n)
    return tuple(sorted(out))


def _mask(input, mask):
    """mask broadcast to input's shape, as bool."""
    if tuple(mask.shape) != tuple(input.shape):
        if mask.ndim > input.ndim:
            raise IndexError("_input_mask expected broadcastable mask (got mask "
                             "dimensionality higher than of the input)")
        mask = _t.broadcast_to(mask, input.shape)
    return mask.to(dtype=_t.bool)


def _identity(op, input, ord=2.0):
    """The value that leaves op's result unchanged on input's dtype (None: there is none)."""
    dt = input.dtype
    flt, cpx = dt.is_floating_point, dt.is_complex
    ints = not flt and not cpx and dt is not _t.bool and (dt.is_signed or dt is _t.uint8)
    if op == "sum":
        return 0
    if op == "prod":
        return 1
    if op in ("amax", "logsumexp"):
        if flt or (cpx and op == "logsumexp"):
            return -math.inf
        return _t.iinfo(dt).min if ints else None
    if op == "amin":
        if flt:
            return math.inf
        return _t.iinfo(dt).max if ints else None
    if op == "norm":
        if ord == -math.inf:
            if not flt:
                raise AssertionError(f"input must be floating point, got {dt}")
            return math.inf
        return 0
    return math.nan  # median (on a floating input)


def _fill(op, input, mask, ord=2.0):
    """input with its masked-out elements replaced by op's identity."""
    if mask is None:
        return input
    mask = _mask(input, mask)
    value = _identity(op, input, ord)
    if value is None:
        raise TypeError(f"masked {op}: no identity value for {input.dtype} input")
    return _t.where(mask, input, _t.tensor(value, dtype=input.dtype))


def _sum_dtype(input, dtype):
    if dtype is not None:
        return dtype
    return _t.int64 if str(input.dtype)[6:] in _INT_TO_INT64 else input.dtype


def _count(input, mask, dim, keepdim):
    """How many elements are masked in along dim (an int64 tensor)."""
    if mask is None:
        return sum(_t.ones(input.shape, dtype=_t.int64), dim, keepdim=keepdim)
    return mask.sum(dim=dim, keepdim=bool(keepdim))


# ------------------------------------------------------------------ reductions

def sum(input, dim=None, *, keepdim=False, dtype=None, mask=None):  # noqa: A001
    """Sum of the masked-in elements (0 where a slice is fully masked out)."""
    dtype = _sum_dtype(input, dtype)
    dims = _dims(dim, input.ndim)
    return _t.sum(_fill("sum", input, mask), dims, bool(keepdim), dtype=dtype)


def prod(input, dim=None, *, keepdim=False, dtype=None, mask=None):
    """Product of the masked-in elements (1 where a slice is fully masked out)."""
    dtype = _sum_dtype(input, dtype)
    dims = _dims(dim, input.ndim)
    r = _fill("prod", input, mask).to(dtype=dtype)
    for d in reversed(dims):
        r = r.prod(dim=d, keepdim=bool(keepdim))
    return r


def cumsum(input, dim, *, dtype=None, mask=None):
    """Cumulative sum with masked-out elements counted as 0."""
    dtype = input.dtype if dtype is None else dtype
    d = _dims(dim, input.ndim)[0]
    return _t.cumsum(_fill("sum", input, mask), d, dtype=dtype).to(dtype=dtype)


def cumprod(input, dim, *, dtype=None, mask=None):
    """Cumulative product with masked-out elements counted as 1."""
    dtype = input.dtype if dtype is None else dtype
    d = _dims(dim, input.ndim)[0]
    return _t.cumprod(_fill("prod", input, mask), d, dtype=dtype).to(dtype=dtype)


def _extremum(name):
    def f(input, dim=None, *, keepdim=False, dtype=None, mask=None):
        """The identity (+-inf, the integer limit) where a slice is fully masked out."""
        dtype = input.dtype if dtype is None else dtype
        x = _fill(name, input, mask)
        return getattr(_t, name)(x, _dims(dim, x.ndim), bool(keepdim)).to(dtype=dtype)
    f.__name__ = f.__qualname__ = name
    return f


amax = _extremum("amax")
amin = _extremum("amin")


def _arg(op, name):
    def f(input, dim=None, *, keepdim=False, dtype=None, mask=None):
        """Like torch's: the index result is cast to `dtype` (default: the input's dtype)."""
        dtype = input.dtype if dtype is None else dtype
        x = _fill(op, input, mask)
        return getattr(_t, name)(x, dim, bool(keepdim)).to(dtype=dtype)
    f.__name__ = f.__qualname__ = name
    return f


argmax = _arg("amax", "argmax")
argmin = _arg("amin", "argmin")


def mean(input, dim=None, *, keepdim=False, dtype=None, mask=None):
    """nan where a slice is fully masked out; a floating or complex dtype is required."""
    given = dtype is not None
    dtype = dtype if given else input.dtype
    if not (dtype.is_floating_point or dtype.is_complex):
        raise TorchValueError(
            f"mean(): Could not infer output dtype. {'Optional' if given else 'Input'} dtype "
            f"must be either a floating point or complex dtype. Got: {dtype}")
    if mask is not None:
        mask = _mask(input, mask)
    count = _count(input, mask, dim, keepdim)
    total = sum(input, dim, keepdim=keepdim, dtype=dtype, mask=mask)
    return _t.divide(total, count)


def median(input, dim=-1, *, keepdim=False, dtype=None, mask=None):
    """nan where a slice is fully masked out (a ValueError for a non-floating input)."""
    dtype = input.dtype if dtype is None else dtype
    d = _dims(dim, input.ndim)[0]
    is_float = input.dtype.is_floating_point
    if not is_float:
        input = input.to(dtype=_t.float32)
    r = _t.nanmedian(_fill("median", input, mask), d, keepdim).values
    if is_float:
        return r
    if bool(_t.isnan(r).any()):
        raise TorchValueError("masked median expects no fully masked out rows if dtype is "
                              "not floating point")
    return r.to(dtype=dtype)


def logsumexp(input, dim=None, *, keepdim=False, dtype=None, mask=None):
    """-inf (an integer input: its minimum) where a slice is fully masked out."""
    dtype = input.dtype if dtype is None else dtype
    dims = _dims(dim, input.ndim)
    return _t.logsumexp(_fill("logsumexp", input, mask), dims, keepdim=keepdim).to(dtype=dtype)


def logaddexp(input, other, *, dtype=None, input_mask=None, other_mask=None):
    """logaddexp with input's and other's masked-out elements taken as -inf."""
    dtype = input.dtype if dtype is None else dtype
    a = _fill("amax", input, input_mask)
    b = _fill("amax", other, other_mask)
    return _t.logaddexp(a, b).to(dtype=dtype)


def norm(input, ord=2.0, dim=None, *, keepdim=False, dtype=None, mask=None):
    """Vector norm of the masked-in elements (masked-out ones count as 0, or inf for ord=-inf)."""
    dtype = input.dtype if dtype is None else dtype
    x = _fill("norm", input, mask, ord)
    return _t.linalg.vector_norm(x, ord, _dims(dim, input.ndim), bool(keepdim), dtype=dtype)


def _var(input, dim, unbiased, correction, keepdim, dtype, mask, root):
    if unbiased is not None and correction is not None:
        raise AssertionError("Only one of unbiased and correction may be given")
    c = 1.0
    if unbiased is not None:
        c = 1.0 if unbiased else 0.0
    if correction is not None:
        c = float(correction)
    if dtype is None:
        dtype = input.dtype
        if not (dtype.is_floating_point or dtype.is_complex):
            dtype = _t.float32
    work = dtype if (dtype.is_floating_point or dtype.is_complex) else _t.float32
    if mask is not None:
        mask = _mask(input, mask)
    count = _count(input, mask, dim, True)
    mu = _t.divide(sum(input, dim, keepdim=True, dtype=dtype, mask=mask), count)
    x = _t.subtract(input, mu)
    total = sum(x * x.conj(), dim, keepdim=keepdim, dtype=work, mask=mask)
    if not keepdim:
        count = count.reshape(total.shape)
    if c != 0:
        count = _t.subtract(count.to(dtype=work.to_real()), c)
        count = _t.maximum(count, count.new_zeros([]))
    r = _t.divide(total, count).to(dtype=dtype)
    return _t.sqrt(r) if root else r


def var(input, dim=None, unbiased=None, *, correction=None, keepdim=False, dtype=None,
        mask=None):
    """nan where a slice is fully masked out."""
    return _var(input, dim, unbiased, correction, keepdim, dtype, mask, False)


def std(input, dim=None, unbiased=None, *, correction=None, keepdim=False, dtype=None,
        mask=None):
    """nan where a slice is fully masked out."""
    return _var(input, dim, unbiased, correction, keepdim, dtype, mask, True)


# ------------------------------------------------------------------ normalizations

def _softmax(op, name):
    def f(input, dim, *, dtype=None, mask=None):
        dtype = input.dtype if dtype is None else dtype
        d = _dims(dim, input.ndim)[0]
        return getattr(_t.nn.functional, name)(_fill(op, input, mask), d, dtype=dtype)
    f.__name__ = f.__qualname__ = name
    f.__doc__ = "nan where a slice is fully masked out (as torch)."
    return f


softmax = _softmax("amax", "softmax")
log_softmax = _softmax("amax", "log_softmax")
softmin = _softmax("amin", "softmin")


def normalize(input, ord, dim, *, eps=1e-12, dtype=None, mask=None):
    """input / max(norm(input, ord, dim), eps) with masked-out elements as 0."""
    dtype = input.dtype if dtype is None else dtype
    x = _fill("sum", input, mask)
    n = norm(input, ord, dim, keepdim=True, dtype=dtype, mask=mask)
    return _t.divide(x, _t.maximum(n, n.new_full([], eps)))


for _n in __all__:
    globals()[_n] = _public(globals()[_n], _n)
