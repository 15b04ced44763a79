"""random on TensorFlow: stateless ops seeded by the key (bit-cast to int32[2])."""
import tensorflow as tf

from ...core.ops import random as _R
from ._base import nd as _nd

_tfr = tf.random
_exp = tf.random.experimental


def _seed(key, op):
    if not isinstance(key, (tf.Tensor, tf.Variable)):
        key = tf.convert_to_tensor(key)
    _R._check_key(tuple(key.shape), key.dtype.name, op)
    if key.dtype != tf.uint32:
        key = tf.cast(key, tf.uint32)
    return tf.bitcast(key, tf.int32)


def _param(v, dt):
    return v if _R._is_scalar(v) else tf.cast(v, dt)


def _uniform(shape, seed, dt=tf.float64, minval=0, maxval=None):
    return _tfr.stateless_uniform(shape, seed, minval=minval, maxval=maxval if maxval is not None else 1,
                                  dtype=dt)


def _bits(shape, seed):
    """Full-range random int64s."""
    return _tfr.stateless_uniform(shape, seed, minval=None, maxval=None, dtype=tf.int64)


def random_key(seed):
    return tf.constant(_R._seed_words(seed), dtype=tf.uint32)


def random_split(key, num):
    return tf.bitcast(_exp.stateless_split(_seed(key, "split"), _R._num(num)), tf.uint32)


def random_fold_in(key, data):
    seed = _seed(key, "fold_in")
    if isinstance(data, bool):
        raise TypeError("random.fold_in: data must be an integer, got bool")
    if not _R._is_scalar(data):
        return tf.bitcast(_exp.stateless_fold_in(seed, tf.cast(data, tf.int32)), tf.uint32)
    d = int(data) & _R._M64
    words = [d & _R._M32] + ([d >> 32] if d >> 32 else [])
    for w in words:  # TF folds an int32 in as the second word of the new seed
        w = w - (1 << 32) if w >> 31 else w
        seed = _exp.stateless_fold_in(seed, tf.constant(w, tf.int32))
    return tf.bitcast(seed, tf.uint32)


def random_uniform(key, shape, dtype, minval, maxval):
    dt = _nd(_R._fdtype(dtype, "uniform"))
    shape = _R._out_shape(shape, "uniform", minval, maxval)
    u = _uniform(shape, _seed(key, "uniform"), dt)
    lo, hi = _param(minval, dt), _param(maxval, dt)
    return tf.cast(u * (hi - lo) + lo, dt)


def random_normal(key, shape, dtype, mean, std):
    dt = _nd(_R._fdtype(dtype, "normal"))
    shape = _R._out_shape(shape, "normal", mean, std)
    z = _tfr.stateless_normal(shape, _seed(key, "normal"), dtype=dt)
    return tf.cast(z * _param(std, dt) + _param(mean, dt), dt)


def random_integers(key, low, high, shape, dtype):
    cdt = _R._idtype(dtype, "integers")
    _R._check_int_bounds(low, high, cdt)
    shape = _R._out_shape(shape, "integers", low, high)
    seed = _seed(key, "integers")
    dt = _nd(cdt)
    if _R._is_scalar(low) and _R._is_scalar(high):
        if high - 1 > 2 ** 63 - 1:
            raise TypeError("unify.core.random.integers: bounds above int64 are not supported by the "
                            "tensorflow backend")
        r = _tfr.stateless_uniform(shape, seed, minval=int(low), maxval=int(high), dtype=tf.int64)
    else:
        lo, hi = tf.cast(low, tf.int64), tf.cast(high, tf.int64)
        r = lo + tf.math.floormod(_bits(shape, seed), hi - lo)
    return tf.cast(r, dt)


def _perm(n, seed):
    return tf.cast(tf.argsort(_bits([n], seed)), tf.int64)


def random_permutation(key, x, axis):
    seed = _seed(key, "permutation")
    if _R._is_scalar(x):
        return _perm(int(x), seed)
    nd = len(x.shape)
    if nd == 0:
        raise ValueError("random.permutation: x must be an integer or an array of at least 1 dimension")
    if not -nd <= axis < nd:
        raise IndexError(f"axis {axis} is out of bounds for an array of {nd} dimensions")
    axis %= nd
    return tf.gather(x, _perm(x.shape[axis], seed), axis=axis)


def random_bernoulli(key, p, shape):
    shape = _R._out_shape(shape, "bernoulli", p)
    return _uniform(shape, _seed(key, "bernoulli")) < _param(p, tf.float64)


def _gumbel(shape, seed):
    u = _uniform(shape, seed, minval=2.2250738585072014e-308)
    return -tf.math.log(-tf.math.log(u))


def random_categorical(key, logits, axis, shape):
    axis, shape = _R._cat_shape(tuple(logits.shape), axis, shape)
    n = logits.shape[axis]
    if n == 0:
        raise ValueError("random.categorical: logits have no categories")
    nd = len(logits.shape)
    perm = [i for i in range(nd) if i != axis] + [axis]
    lg = tf.cast(tf.transpose(logits, perm), tf.float64)
    return tf.argmax(lg + _gumbel(list(shape) + [n], _seed(key, "categorical")), axis=-1,
                     output_type=tf.int64)


def _ndtr(x):
    return 0.5 * tf.math.erfc(x * -0.7071067811865476)


def random_truncated_normal(key, lower, upper, shape, dtype):
    dt = _nd(_R._fdtype(dtype, "truncated_normal"))
    _R._check_trunc(lower, upper)
    shape = _R._out_shape(shape, "truncated_normal", lower, upper)
    f64 = tf.float64
    a = tf.broadcast_to(tf.cast(lower, f64), shape)
    b = tf.broadcast_to(tf.cast(upper, f64), shape)
    flip = a > 0  # sample the mirrored interval, so both CDF values stay in the accurate lower tail
    lo, hi = tf.where(flip, -b, a), tf.where(flip, -a, b)
    pa, pb = _ndtr(lo), _ndtr(hi)
    u = _uniform(shape, _seed(key, "truncated_normal"))
    z = tf.math.ndtri(pa + u * (pb - pa))
    z = tf.where(flip, -z, z)
    z = tf.cast(tf.minimum(tf.maximum(z, a), b), dt)
    return tf.minimum(tf.maximum(z, tf.cast(a, dt)), tf.cast(b, dt))


def random_exponential(key, shape, dtype):
    dt = _nd(_R._fdtype(dtype, "exponential"))
    shape = _R._shape(shape, "exponential")
    w = dt if dt in (tf.float32, tf.float64) else tf.float32
    u = _uniform(shape, _seed(key, "exponential"), w)
    return tf.cast(-tf.math.log1p(-u), dt)


def random_gamma(key, a, shape, dtype):
    dt = _nd(_R._fdtype(dtype, "gamma"))
    shape = _R._out_shape(shape, "gamma", a)
    w = dt if dt in (tf.float32, tf.float64) else tf.float32
    if _R._is_scalar(a) and not a > 0:
        raise ValueError("random.gamma: a must be > 0")
    alpha = tf.broadcast_to(tf.cast(a, w), shape)
    return tf.cast(_tfr.stateless_gamma(shape, _seed(key, "gamma"), alpha=alpha, dtype=w), dt)


def random_choice(key, x, shape, replace, p):
    shape = _R._shape(shape, "choice")
    seed = _seed(key, "choice")
    scalar = _R._is_scalar(x)
    if not scalar and len(x.shape) == 0:
        raise ValueError("random.choice: x must be an integer or an array of at least 1 dimension")
    n = int(x) if scalar else x.shape[0]
    k = _R._size(shape)
    _R._choice_check(n, k, replace, p is not None)
    if k == 0:
        idx = tf.zeros([0], tf.int64)
    elif p is not None:
        logp = tf.math.log(tf.cast(p, tf.float64))
        if tuple(logp.shape) != (n,):
            raise ValueError(f"random.choice: p must have shape ({n},), got {tuple(logp.shape)}")
        if replace:
            idx = _tfr.stateless_categorical(logp[None], k, seed, dtype=tf.int64)[0]
        else:  # Gumbel top-k: sequential sampling without replacement
            idx = tf.cast(tf.math.top_k(logp + _gumbel([n], seed), k).indices, tf.int64)
    elif replace:
        idx = _tfr.stateless_uniform([k], seed, minval=0, maxval=n, dtype=tf.int64)
    else:
        idx = _perm(n, seed)[:k]
    idx = tf.reshape(idx, shape)
    return idx if scalar else tf.gather(x, idx, axis=0)
