"""random on JAX: the key is jax's raw threefry2x32 key data; everything traces under jit."""
import jax
import jax.numpy as jnp

from ...core.ops import random as _R
from ._base import nd as _nd

_IMPL = "threefry2x32"


def _k(key, op):
    key = jnp.asarray(key)
    _R._check_key(key.shape, key.dtype.name, op)
    if key.dtype != jnp.uint32:
        key = key.astype(jnp.uint32)
    return jax.random.wrap_key_data(key, impl=_IMPL)


def _param(v, dt):
    return v if _R._is_scalar(v) else jnp.asarray(v, dtype=dt)


def random_key(seed):
    if isinstance(seed, int) or _R._is_scalar(seed):
        return jnp.asarray(_R._seed_words(seed), dtype=jnp.uint32)
    return jax.random.key_data(jax.random.key(seed, impl=_IMPL))


def random_split(key, num):
    return jax.random.key_data(jax.random.split(_k(key, "split"), _R._num(num)))


def random_fold_in(key, data):
    k = _k(key, "fold_in")
    if _R._is_scalar(data) or isinstance(data, bool):
        if isinstance(data, bool):
            raise TypeError("random.fold_in: data must be an integer, got bool")
        d = int(data) & _R._M64
        k = jax.random.fold_in(k, d & _R._M32)
        if d >> 32:
            k = jax.random.fold_in(k, d >> 32)
    else:
        k = jax.random.fold_in(k, data)
    return jax.random.key_data(k)


def random_uniform(key, shape, dtype, minval, maxval):
    dt = _nd(_R._fdtype(dtype, "uniform"))
    shape = _R._out_shape(shape, "uniform", minval, maxval)
    return jax.random.uniform(_k(key, "uniform"), shape, dt, _param(minval, dt), _param(maxval, dt))


def random_normal(key, shape, dtype, mean, std):
    dt = _nd(_R._fdtype(dtype, "normal"))
    shape = _R._out_shape(shape, "normal", mean, std)
    z = jax.random.normal(_k(key, "normal"), shape, dt)
    return (z * _param(std, dt) + _param(mean, dt)).astype(dt)


def random_integers(key, low, high, shape, dtype):
    cdt = _R._idtype(dtype, "integers")
    _R._check_int_bounds(low, high, cdt)
    shape = _R._out_shape(shape, "integers", low, high)
    return jax.random.randint(_k(key, "integers"), shape, low, high, _nd(cdt))


def random_permutation(key, x, axis):
    k = _k(key, "permutation")
    if _R._is_scalar(x):
        return jax.random.permutation(k, int(x))
    if x.ndim == 0:
        raise ValueError("random.permutation: x must be an integer or an array of at least 1 dimension")
    if not -x.ndim <= axis < x.ndim:
        raise IndexError(f"axis {axis} is out of bounds for an array of {x.ndim} dimensions")
    return jax.random.permutation(k, x, axis=axis, independent=False)


def random_bernoulli(key, p, shape):
    shape = _R._out_shape(shape, "bernoulli", p)
    return jax.random.bernoulli(_k(key, "bernoulli"), p, shape)


def random_categorical(key, logits, axis, shape):
    axis, shape = _R._cat_shape(tuple(logits.shape), axis, shape)
    if logits.shape[axis] == 0:
        raise ValueError("random.categorical: logits have no categories")
    return jax.random.categorical(_k(key, "categorical"), logits, axis, shape).astype(jnp.int64)


def random_truncated_normal(key, lower, upper, shape, dtype):
    dt = _nd(_R._fdtype(dtype, "truncated_normal"))
    _R._check_trunc(lower, upper)
    shape = _R._out_shape(shape, "truncated_normal", lower, upper)
    return jax.random.truncated_normal(_k(key, "truncated_normal"), _param(lower, dt), _param(upper, dt),
                                       shape, dt)


def random_exponential(key, shape, dtype):
    dt = _nd(_R._fdtype(dtype, "exponential"))
    return jax.random.exponential(_k(key, "exponential"), _R._shape(shape, "exponential"), dt)


def random_gamma(key, a, shape, dtype):
    dt = _nd(_R._fdtype(dtype, "gamma"))
    shape = _R._out_shape(shape, "gamma", a)
    if _R._is_scalar(a) and not a > 0:
        raise ValueError("random.gamma: a must be > 0")
    return jax.random.gamma(_k(key, "gamma"), _param(a, dt), shape, dt)


def random_choice(key, x, shape, replace, p):
    shape = _R._shape(shape, "choice")
    k = _k(key, "choice")
    scalar = _R._is_scalar(x)
    if not scalar and x.ndim == 0:
        raise ValueError("random.choice: x must be an integer or an array of at least 1 dimension")
    n = int(x) if scalar else x.shape[0]
    _R._choice_check(n, _R._size(shape), replace, p is not None)
    if p is not None:
        p = jnp.asarray(p, dtype=jnp.float64)
        if p.shape != (n,):
            raise ValueError(f"random.choice: p must have shape ({n},), got {p.shape}")
    if _R._size(shape) == 0:  # (jax.random.choice drops the trailing dims of an empty draw)
        return jnp.zeros(shape, jnp.int64) if scalar else jnp.zeros(shape + tuple(x.shape[1:]), x.dtype)
    out = jax.random.choice(k, n if scalar else x, shape, bool(replace), p)
    return out.astype(jnp.int64) if scalar else out
