"""random on PyTorch: a torch.Generator on the key's device, seeded from a hash of the key.

(On CPU torch's mt19937 keeps 32 bits of the 64-bit seed.)
"""
import numpy as np
import torch

from ...core import dtypes as _D
from ...core.ops import random as _R
from ._base import nd as _nd

_F = (torch.float32, torch.float64)
_AS_SIGNED = {torch.uint16: torch.int16, torch.uint32: torch.int32, torch.uint64: torch.int64}


def _take(x, axis, idx):
    """x.index_select(axis, idx), also for the unsigned widths torch has few kernels for."""
    s = _AS_SIGNED.get(x.dtype)
    if s is None:
        return x.index_select(axis, idx.to(x.device))
    return x.view(s).index_select(axis, idx.to(x.device)).view(x.dtype)


def _key(key, op):
    if not isinstance(key, torch.Tensor):
        key = torch.as_tensor(np.asarray(key))
    _R._check_key(tuple(key.shape), str(key.dtype), op)
    k0, k1 = key.tolist()
    return k0 & _R._M32, k1 & _R._M32, key.device


def _gen(key, op):
    k0, k1, dev = _key(key, op)
    g = torch.Generator(device=dev)
    g.manual_seed(int(_R._entropy(k0, k1).generate_state(1, np.uint64)[0]))
    return g, dev


def _work(dt):
    return dt if dt in _F else torch.float32


def _param(v, dtype, dev):
    return v if _R._is_scalar(v) else torch.as_tensor(v, dtype=dtype, device=dev)


def random_key(seed):
    return torch.tensor(_R._seed_words(seed), dtype=torch.uint32)


def random_split(key, num):
    k0, k1, dev = _key(key, "split")
    return torch.from_numpy(_R._split_words(k0, k1, num)).to(dev)


def random_fold_in(key, data):
    k0, k1, dev = _key(key, "fold_in")
    return torch.from_numpy(_R._fold_words(k0, k1, data)).to(dev)


def random_uniform(key, shape, dtype, minval, maxval):
    dt = _nd(_R._fdtype(dtype, "uniform"))
    shape = _R._out_shape(shape, "uniform", minval, maxval)
    g, dev = _gen(key, "uniform")
    w = _work(dt)
    u = torch.rand(shape, generator=g, dtype=w, device=dev)
    lo, hi = _param(minval, w, dev), _param(maxval, w, dev)
    return (u * (hi - lo) + lo).to(dt)


def random_normal(key, shape, dtype, mean, std):
    dt = _nd(_R._fdtype(dtype, "normal"))
    shape = _R._out_shape(shape, "normal", mean, std)
    g, dev = _gen(key, "normal")
    w = _work(dt)
    z = torch.randn(shape, generator=g, dtype=w, device=dev)
    return (z * _param(std, w, dev) + _param(mean, w, dev)).to(dt)


def random_integers(key, low, high, shape, dtype):
    cdt = _R._idtype(dtype, "integers")
    _R._check_int_bounds(low, high, cdt)
    shape = _R._out_shape(shape, "integers", low, high)
    g, dev = _gen(key, "integers")
    if _R._is_scalar(low) and _R._is_scalar(high):
        r = torch.randint(int(low), int(high), shape, generator=g, dtype=torch.int64, device=dev)
    else:
        lo = torch.as_tensor(low, device=dev).to(torch.int64)
        hi = torch.as_tensor(high, device=dev).to(torch.int64)
        u = torch.rand(shape, generator=g, dtype=torch.float64, device=dev)
        r = lo + torch.floor(u * (hi - lo).to(torch.float64)).to(torch.int64)
    return r.to(_nd(cdt))


def random_permutation(key, x, axis):
    g, dev = _gen(key, "permutation")
    if _R._is_scalar(x):
        return torch.randperm(int(x), generator=g, device=dev)
    if x.ndim == 0:
        raise ValueError("random.permutation: x must be an integer or an array of at least 1 dimension")
    axis = _axis(axis, x.ndim)
    perm = torch.randperm(x.shape[axis], generator=g, device=dev)
    return _take(x, axis, perm)


def _axis(axis, nd):
    if not -nd <= axis < nd:
        raise IndexError(f"axis {axis} is out of bounds for an array of {nd} dimensions")
    return axis % nd


def random_bernoulli(key, p, shape):
    shape = _R._out_shape(shape, "bernoulli", p)
    g, dev = _gen(key, "bernoulli")
    return torch.rand(shape, generator=g, dtype=torch.float64, device=dev) < _param(p, torch.float64, dev)


def random_categorical(key, logits, axis, shape):
    axis, shape = _R._cat_shape(tuple(logits.shape), axis, shape)
    g, dev = _gen(key, "categorical")
    lg = torch.movedim(logits, axis, -1).to(dev, torch.float64)
    n = lg.shape[-1]
    if n == 0:
        raise ValueError("random.categorical: logits have no categories")
    e = torch.empty(shape + (n,), dtype=torch.float64, device=dev).exponential_(generator=g)
    return torch.argmax(lg - torch.log(e), dim=-1)


def random_truncated_normal(key, lower, upper, shape, dtype):
    dt = _nd(_R._fdtype(dtype, "truncated_normal"))
    _R._check_trunc(lower, upper)
    shape = _R._out_shape(shape, "truncated_normal", lower, upper)
    g, dev = _gen(key, "truncated_normal")
    f64 = torch.float64
    a = torch.as_tensor(lower, dtype=f64, device=dev).expand(shape)
    b = torch.as_tensor(upper, dtype=f64, device=dev).expand(shape)
    flip = a > 0  # sample the mirrored interval, so both CDF values stay in the accurate lower tail
    lo, hi = torch.where(flip, -b, a), torch.where(flip, -a, b)
    pa, pb = torch.special.ndtr(lo), torch.special.ndtr(hi)
    u = torch.rand(shape, generator=g, dtype=f64, device=dev)
    z = torch.special.ndtri(pa + u * (pb - pa))
    z = torch.where(flip, -z, z)
    z = torch.minimum(torch.maximum(z, a), b).to(dt)
    return torch.minimum(torch.maximum(z, a.to(dt)), b.to(dt))


def random_exponential(key, shape, dtype):
    dt = _nd(_R._fdtype(dtype, "exponential"))
    shape = _R._shape(shape, "exponential")
    g, dev = _gen(key, "exponential")
    return torch.empty(shape, dtype=_work(dt), device=dev).exponential_(generator=g).to(dt)


def random_gamma(key, a, shape, dtype):
    dt = _nd(_R._fdtype(dtype, "gamma"))
    shape = _R._out_shape(shape, "gamma", a)
    g, dev = _gen(key, "gamma")
    a = torch.as_tensor(a, dtype=_work(dt), device=dev)
    if bool((a <= 0).any()):
        raise ValueError("random.gamma: a must be > 0")
    return torch._standard_gamma(a.expand(shape).contiguous(), generator=g).to(dt)


def random_choice(key, x, shape, replace, p):
    shape = _R._shape(shape, "choice")
    g, dev = _gen(key, "choice")
    scalar = _R._is_scalar(x)
    if not scalar and x.ndim == 0:
        raise ValueError("random.choice: x must be an integer or an array of at least 1 dimension")
    n = int(x) if scalar else x.shape[0]
    k = _R._size(shape)
    _R._choice_check(n, k, replace, p is not None)
    if k == 0:
        idx = torch.zeros((0,), dtype=torch.int64, device=dev)
    elif p is not None:
        p = torch.as_tensor(p, dtype=torch.float64, device=dev)
        if tuple(p.shape) != (n,):
            raise ValueError(f"random.choice: p must have shape ({n},), got {tuple(p.shape)}")
        idx = torch.multinomial(p, k, replacement=bool(replace), generator=g)
    elif replace:
        idx = torch.randint(0, n, (k,), generator=g, device=dev)
    else:
        idx = torch.randperm(n, generator=g, device=dev)[:k]
    if scalar:
        return idx.reshape(shape)
    return _take(x, 0, idx).reshape(shape + tuple(x.shape[1:]))
