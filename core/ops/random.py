"""Seeded random numbers with explicit keys (no global state).

A key is a uint32 array of shape (2,) native to the backend: `key(seed)` makes
one, `split(key, num)` gives `num` new keys as a (num, 2) array (index it to
get one), `fold_in(key, data)` derives a key from a key and an integer. The
same key gives the same numbers on the same backend (each backend has its own
generator: jax threefry, TensorFlow's stateless ops, NumPy PCG64 and torch
generators seeded from a hash of the key); reusing a key for two draws gives
correlated numbers, as in JAX. Default dtypes: float64 and int64.
Every op here is non-differentiable. On JAX everything traces under jit.
"""
import numpy as _np

from .. import dtypes as _D
from ._define import defvjp, family, nondiff, unbroadcast  # noqa: F401

__all__: list[str] = []
op = family(__name__, __all__)

_M32 = 0xFFFFFFFF
_M64 = 0xFFFFFFFFFFFFFFFF
_TAG_SPLIT = 0x53504C54  # "SPLT"
_TAG_FOLD = 0x464F4C44  # "FOLD"

key = op("random.key(seed, /)",
         doc="A new key from an integer seed: uint32 [seed >> 32, seed & 0xffffffff] (seed taken "
             "modulo 2**64), the same words on every backend (JAX's raw threefry key).")
split = op("random.split(key, /, num=2)", doc="`num` new independent keys as a uint32 (num, 2) array.")
fold_in = op("random.fold_in(key, data, /)", doc="A new key derived from `key` and the integer `data`.")
uniform = op("random.uniform(key, /, shape=(), dtype=None, minval=0.0, maxval=1.0)",
             doc="Uniform on [minval, maxval); real floating dtype (default float64).")
normal = op("random.normal(key, /, shape=(), dtype=None, mean=0.0, std=1.0)",
            doc="Normal with the given mean and standard deviation (default float64).")
integers = op("random.integers(key, /, low, high, shape=(), dtype=None)",
              doc="Uniform integers in [low, high) (high exclusive); default dtype int64.")
permutation = op("random.permutation(key, /, x, axis=0)",
                 doc="A random permutation of range(x) (int64) for an integer x, else of x's "
                     "entries along `axis`.")
bernoulli = op("random.bernoulli(key, /, p=0.5, shape=None)",
               doc="Booleans that are True with probability p; shape defaults to p's shape.")
categorical = op("random.categorical(key, /, logits, axis=-1, shape=None)",
                 doc="int64 indices along `axis` drawn with probabilities softmax(logits). shape "
                     "defaults to logits' shape without `axis` and must broadcast with it.")
truncated_normal = op("random.truncated_normal(key, /, lower, upper, shape=None, dtype=None)",
                      doc="Standard normal truncated to [lower, upper]; shape defaults to the "
                          "broadcast shape of lower and upper.")
exponential = op("random.exponential(key, /, shape=(), dtype=None)", doc="Exponential with rate 1.")
gamma = op("random.gamma(key, /, a, shape=None, dtype=None)",
           doc="Gamma with shape parameter a and scale 1; shape defaults to a's shape.")
choice = op("random.choice(key, /, x, shape=(), replace=True, p=None)",
            doc="Samples of range(x) (int64) for an integer x, else of x's entries along axis 0 "
                "(result shape: shape + x.shape[1:]), with optional probabilities p.")

nondiff("random.key", "random.split", "random.fold_in", "random.uniform", "random.normal",
        "random.integers", "random.permutation", "random.bernoulli", "random.categorical",
        "random.truncated_normal", "random.exponential", "random.gamma", "random.choice")


# ---------------------------------------------------------------- helpers shared by backends


def _seed_words(seed):
    """[hi, lo] uint32 words of a Python integer seed (modulo 2**64)."""
    if isinstance(seed, bool) or not isinstance(seed, (int, _np.integer)):
        raise TypeError(f"random.key: seed must be an integer, got {type(seed).__name__}")
    s = int(seed) & _M64
    return [s >> 32, s & _M32]


def _words(k, op="random"):
    """The two Python ints of a key given as a sequence/array of two integers."""
    k = list(k)
    if len(k) != 2:
        raise ValueError(f"random.{op}: a key is a uint32 array of shape (2,), got {len(k)} entries")
    return int(k[0]) & _M32, int(k[1]) & _M32


def _check_key(shape_, dtype_name, op):
    if tuple(shape_) != (2,):
        raise ValueError(f"random.{op}: a key is a uint32 array of shape (2,), got shape {tuple(shape_)} "
                         "(index the result of split to get one key)")
    if "int" not in dtype_name:
        raise TypeError(f"random.{op}: a key is a uint32 array, got dtype {dtype_name}")


def _split_words(k0, k1, num):
    """(num, 2) uint32 NumPy array of keys derived from a key (host-side hashing)."""
    num = _num(num)
    st = _np.random.SeedSequence([k0, k1, _TAG_SPLIT, num]).generate_state(2 * num, _np.uint32)
    return st.reshape(num, 2)


def _fold_words(k0, k1, data):
    if isinstance(data, bool) or not isinstance(data, (int, _np.integer)):
        raise TypeError(f"random.fold_in: data must be an integer, got {type(data).__name__}")
    d = int(data) & _M64
    return _np.random.SeedSequence([k0, k1, _TAG_FOLD, d >> 32, d & _M32]).generate_state(2, _np.uint32)


def _entropy(k0, k1):
    """A SeedSequence for drawing from a key (host-side generators)."""
    return _np.random.SeedSequence([k0, k1])


def _num(num):
    if isinstance(num, bool) or not isinstance(num, (int, _np.integer)):
        raise TypeError(f"random.split: num must be an integer, got {type(num).__name__}")
    if num < 0:
        raise ValueError(f"random.split: num must be >= 0, got {num}")
    return int(num)


def _shape(shape, op="random"):
    """shape argument -> tuple of ints (None stays None)."""
    if shape is None:
        return None
    if isinstance(shape, (int, _np.integer)) and not isinstance(shape, bool):
        shape = (shape,)
    try:
        out = tuple(int(s) for s in shape)
    except TypeError:
        raise TypeError(f"random.{op}: shape must be an int or a sequence of ints, got {shape!r}") from None
    if any(s < 0 for s in out):
        raise ValueError(f"random.{op}: negative dimensions in shape {out}")
    return out


def _fdtype(dtype, op):
    if dtype is None:
        return _D.float64
    if getattr(dtype, "kind", None) != "f":
        raise TypeError(f"random.{op}: dtype must be a real floating dtype, got {dtype!r}")
    return dtype


def _idtype(dtype, op):
    if dtype is None:
        return _D.int64
    if getattr(dtype, "kind", None) not in ("i", "u"):
        raise TypeError(f"random.{op}: dtype must be an integer dtype, got {dtype!r}")
    return dtype


_SCALARS = (int, float, _np.integer, _np.floating)


def _is_scalar(v):
    return isinstance(v, _SCALARS) and not isinstance(v, bool)


def _check_range(low, high, op="integers"):
    """ValueError when Python-number bounds give an empty range (array bounds are not checked)."""
    if _is_scalar(low) and _is_scalar(high) and not low < high:
        raise ValueError(f"random.{op}: low must be < high, got low={low}, high={high}")


def _check_trunc(lower, upper):
    if _is_scalar(lower) and _is_scalar(upper) and not lower <= upper:
        raise ValueError(f"random.truncated_normal: lower must be <= upper, got {lower} > {upper}")


def _broadcast(*shapes):
    try:
        return tuple(_np.broadcast_shapes(*shapes))
    except ValueError:
        raise ValueError(f"shapes {shapes} do not broadcast") from None


def _cat_shape(logits_shape, axis, shape):
    """(axis normalized, output shape) of categorical."""
    nd = len(logits_shape)
    if not -nd <= axis < nd:
        raise ValueError(f"random.categorical: axis {axis} out of range for logits of {nd} dimensions")
    axis %= nd
    batch = tuple(logits_shape[:axis]) + tuple(logits_shape[axis + 1:])
    if shape is None:
        return axis, batch
    shape = _shape(shape, "categorical")
    if _broadcast(shape, batch) != shape:
        raise ValueError(f"random.categorical: shape {shape} does not broadcast with the logits' "
                         f"batch shape {batch}")
    return axis, shape


def _choice_check(n, k, replace, has_p):
    if n < 0 or (n == 0 and k > 0):
        raise ValueError("random.choice: cannot take a sample from an empty population")
    if not replace and k > n:
        raise ValueError(f"random.choice: cannot take {k} samples without replacement from {n}")


def _size(shape):
    n = 1
    for s in shape:
        n *= s
    return n


def _check_int_bounds(low, high, dtype, op="integers"):
    """ValueError for Python-number bounds outside `dtype` (a canonical integer dtype)."""
    _check_range(low, high, op)
    if _is_scalar(low) and _is_scalar(high):
        info = _np.iinfo(dtype.name)
        if low < info.min or high - 1 > info.max:
            raise ValueError(f"random.{op}: [{low}, {high}) is out of range for {dtype.name}")


def _fits(shape, op, *params):
    """ValueError unless every array parameter broadcasts to the output `shape`."""
    for p in params:
        ps = getattr(p, "shape", None)
        if ps is not None and _broadcast(shape, tuple(ps)) != tuple(shape):
            raise ValueError(f"random.{op}: parameter of shape {tuple(ps)} does not broadcast to "
                             f"the output shape {tuple(shape)}")


def _out_shape(shape, op, *params):
    """`shape` if given, else the broadcast shape of the array parameters."""
    if shape is None:
        return _broadcast(*[tuple(getattr(p, "shape", ())) for p in params]) if params else ()
    shape = _shape(shape, op)
    _fits(shape, op, *params)
    return shape
