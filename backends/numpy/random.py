"""random on NumPy: a PCG64 Generator seeded from the key per call (no global state)."""
import numpy as np

from ...core import dtypes as _D
from ...core.ops import random as _R
from ._base import nd as _nd


def _gen(key, op):
    k = np.asarray(key)
    _R._check_key(k.shape, k.dtype.name, op)
    return np.random.Generator(np.random.PCG64(_R._entropy(int(k[0]) & _R._M32, int(k[1]) & _R._M32)))


def _key(key, op):
    k = np.asarray(key)
    _R._check_key(k.shape, k.dtype.name, op)
    return int(k[0]) & _R._M32, int(k[1]) & _R._M32


def _work(dt):
    """The float dtype NumPy's generators draw in for canonical float dtype `dt`."""
    return np.float32 if dt is _D.float32 else np.float64


def _param(v, work):
    return v if _R._is_scalar(v) else np.asarray(v, dtype=work)


def random_key(seed):
    return np.array(_R._seed_words(seed), dtype=np.uint32)


def random_split(key, num):
    return _R._split_words(*_key(key, "split"), num)


def random_fold_in(key, data):
    return _R._fold_words(*_key(key, "fold_in"), data)


def random_uniform(key, shape, dtype, minval, maxval):
    dt = _R._fdtype(dtype, "uniform")
    shape = _R._out_shape(shape, "uniform", minval, maxval)
    w = _work(dt)
    u = _gen(key, "uniform").random(shape, dtype=w)
    lo, hi = _param(minval, w), _param(maxval, w)
    return np.asarray(u * (hi - lo) + lo, dtype=w).astype(_nd(dt), copy=False)


def random_normal(key, shape, dtype, mean, std):
    dt = _R._fdtype(dtype, "normal")
    shape = _R._out_shape(shape, "normal", mean, std)
    w = _work(dt)
    z = _gen(key, "normal").standard_normal(shape, dtype=w)
    return np.asarray(z * _param(std, w) + _param(mean, w), dtype=w).astype(_nd(dt), copy=False)


def random_integers(key, low, high, shape, dtype):
    dt = _R._idtype(dtype, "integers")
    _R._check_int_bounds(low, high, dt)
    shape = _R._out_shape(shape, "integers", low, high)
    return np.asarray(_gen(key, "integers").integers(low, high, size=shape, dtype=_nd(dt)))


def random_permutation(key, x, axis):
    g = _gen(key, "permutation")
    if _R._is_scalar(x):
        return g.permutation(int(x))
    x = np.asarray(x)
    if x.ndim == 0:
        raise ValueError("random.permutation: x must be an integer or an array of at least 1 dimension")
    return g.permutation(x, axis=axis)


def random_bernoulli(key, p, shape):
    shape = _R._out_shape(shape, "bernoulli", p)
    return np.asarray(_gen(key, "bernoulli").random(shape) < p)


def random_categorical(key, logits, axis, shape):
    logits = np.asarray(logits)
    axis, shape = _R._cat_shape(logits.shape, axis, shape)
    lg = np.moveaxis(logits, axis, -1)
    n = lg.shape[-1]
    if n == 0:
        raise ValueError("random.categorical: logits have no categories")
    gum = _gen(key, "categorical").gumbel(size=shape + (n,))
    return np.argmax(lg + gum, axis=-1).astype(np.int64)


def _truncnorm(g, a, b, shape):
    """Exact rejection sampling of N(0, 1) on [a, b] (Robert, 1995), vectorized."""
    n = _R._size(shape)
    a = np.broadcast_to(np.asarray(a, np.float64), shape).ravel()
    b = np.broadcast_to(np.asarray(b, np.float64), shape).ravel()
    if np.isnan(a).any() or np.isnan(b).any() or (a > b).any():
        raise ValueError("random.truncated_normal: needs lower <= upper (and no NaN)")
    flip = b < 0  # mirror intervals below zero: then lo <= 0 <= hi, or 0 < lo <= hi
    lo = np.where(flip, -b, a)
    hi = np.where(flip, -a, b)
    mid = lo <= 0
    wide = mid & (hi - lo >= np.sqrt(2 * np.pi))  # normal proposal
    with np.errstate(invalid="ignore", over="ignore"):
        lam = (lo + np.sqrt(lo * lo + 4)) / 2  # optimal exponential rate in the tail
        tail = ~mid & (lam * (hi - lo) >= 1)  # exponential proposal, else uniform proposal
    out = np.empty(n)
    todo = np.arange(n)
    while todo.size:
        l, h = lo[todo], hi[todo]
        w, t, c = wide[todo], tail[todo], mid[todo]
        u = ~w & ~t
        z = np.empty(todo.size)
        acc = np.empty(todo.size, dtype=bool)
        v = g.random(todo.size)
        zn = g.standard_normal(int(w.sum()))
        z[w] = zn
        acc[w] = (zn >= l[w]) & (zn <= h[w])
        zu = l[u] + (h[u] - l[u]) * g.random(int(u.sum()))
        z[u] = zu
        lu = np.where(c[u], 0.0, l[u])
        acc[u] = v[u] <= np.exp((lu * lu - zu * zu) / 2)
        lt = lam[todo][t]
        zt = l[t] + g.standard_exponential(int(t.sum())) / lt
        z[t] = zt
        acc[t] = (zt <= h[t]) & (v[t] <= np.exp(-((zt - lt) ** 2) / 2))
        out[todo[acc]] = z[acc]
        todo = todo[~acc]
    out = np.where(flip, -out, out)
    return np.clip(out, a, b).reshape(shape)


def random_truncated_normal(key, lower, upper, shape, dtype):
    dt = _R._fdtype(dtype, "truncated_normal")
    _R._check_trunc(lower, upper)
    shape = _R._out_shape(shape, "truncated_normal", lower, upper)
    z = _truncnorm(_gen(key, "truncated_normal"), lower, upper, shape)
    nt = _nd(dt)
    return np.clip(z.astype(nt), np.asarray(lower).astype(nt), np.asarray(upper).astype(nt))


def random_exponential(key, shape, dtype):
    dt = _R._fdtype(dtype, "exponential")
    shape = _R._shape(shape, "exponential")
    w = _work(dt)
    return np.asarray(_gen(key, "exponential").standard_exponential(shape, dtype=w)).astype(_nd(dt), copy=False)


def random_gamma(key, a, shape, dtype):
    dt = _R._fdtype(dtype, "gamma")
    shape = _R._out_shape(shape, "gamma", a)
    w = _work(dt)
    a = _param(a, w)
    if np.any(np.asarray(a) <= 0):
        raise ValueError("random.gamma: a must be > 0")
    return np.asarray(_gen(key, "gamma").standard_gamma(a, size=shape, dtype=w)).astype(_nd(dt), copy=False)


def random_choice(key, x, shape, replace, p):
    shape = _R._shape(shape, "choice")
    g = _gen(key, "choice")
    if _R._is_scalar(x):
        n = int(x)
    else:
        x = np.asarray(x)
        if x.ndim == 0:
            raise ValueError("random.choice: x must be an integer or an array of at least 1 dimension")
        n = x.shape[0]
    _R._choice_check(n, _R._size(shape), replace, p is not None)
    p = None if p is None else np.asarray(p, dtype=np.float64)
    if p is not None and p.shape != (n,):
        raise ValueError(f"random.choice: p must have shape ({n},), got {p.shape}")
    idx = g.choice(n, size=shape, replace=replace, p=p)
    return np.asarray(idx, dtype=np.int64) if _R._is_scalar(x) else np.take(x, idx, axis=0)
