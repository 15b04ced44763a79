"""torch's random numbers on core random (explicit keys): torch.Generator, the global default
generator (manual_seed, seed, get_rng_state, ...), rand/randn/randint/randperm/normal/
bernoulli/multinomial/poisson, the *_like forms, and the in-place Tensor samplers
(uniform_, normal_, random_, exponential_, bernoulli_, geometric_, cauchy_, log_normal_).

A Generator holds a 64-bit seed and a counter; each draw uses the key
`fold_in(key(seed), counter)` and advances the counter, so the same seed gives the same values
on the same backend. The streams differ from real torch's (and between backends), and
`get_rng_state()` is 16 bytes (seed and counter), not torch's 5056.
"""
from __future__ import annotations

import builtins
import math
import operator
import os

from ... import core as C
from . import _dtype as T
from ._api import TorchValueError
from ._convert import write_out
from ._device import device as _device, native_device
from ._tensor import Tensor, wrap

_int, _float, _bool = builtins.int, builtins.float, builtins.bool
_M64 = (1 << 64) - 1
_DEFAULT_SEED = 67280421310721


# ------------------------------------------------------------------ generators

class Generator:
    """torch.Generator: a seed and a counter (see the module docstring)."""

    def __init__(self, device="cpu"):
        self.device = _device(device)
        self._seed = _DEFAULT_SEED
        self._offset = 0
        self._keys = {}

    def manual_seed(self, seed):
        self._seed = _seed_value(seed)
        self._offset = 0
        self._keys = {}
        return self

    def seed(self):
        s = _int.from_bytes(os.urandom(8), "little") & ((1 << 63) - 1)
        self.manual_seed(s)
        return s

    def initial_seed(self):
        return self._seed

    def get_state(self):
        data = self._seed.to_bytes(8, "little") + self._offset.to_bytes(8, "little")
        return wrap(C.asarray(list(data), dtype=C.uint8), T.uint8)

    def set_state(self, new_state):
        if not isinstance(new_state, Tensor) or new_state.dtype is not T.uint8:
            raise TypeError("RNG state must be a torch.ByteTensor")
        data = bytes(new_state.tolist())
        if len(data) != 16:
            raise RuntimeError(f"RNG state is wrong size: expected 16 bytes (unify's generator "
                               f"state), got {len(data)}")
        self._seed = _int.from_bytes(data[:8], "little")
        self._offset = _int.from_bytes(data[8:], "little")
        self._keys = {}
        return self

    def _next(self):
        """A fresh native key for one draw on the current backend."""
        name = C.current_backend().name
        k = self._keys.get(name)
        if k is None:
            k = self._keys[name] = C.random.key(self._seed)
        n = self._offset
        self._offset = n + 1
        return C.random.fold_in(k, n)

    def __repr__(self):
        return "<torch._C.Generator object>"


def _seed_value(seed):
    if isinstance(seed, Tensor):
        seed = seed.item()
    seed = _int(seed)
    if not -(1 << 63) <= seed <= _M64:
        raise TorchValueError("Overflow when unpacking long long")
    return seed & _M64


default_generator = Generator()


def _gen(generator):
    return default_generator if generator is None else generator


def next_key(generator=None):
    """A fresh core random key from `generator` (default: the global one), advancing it; for
    other parts of the frontend that draw with core random directly (nn.functional)."""
    return _gen(generator)._next()


def manual_seed(seed):
    return default_generator.manual_seed(seed)


def seed():
    return default_generator.seed()


def initial_seed():
    return default_generator.initial_seed()


def get_rng_state():
    return default_generator.get_state()


def set_rng_state(new_state):
    default_generator.set_state(new_state)


# ------------------------------------------------------------------ helpers

_KERNEL_NAMES = {"float32": "Float", "float64": "Double", "float16": "Half",
                 "bfloat16": "BFloat16", "int64": "Long", "int32": "Int", "int16": "Short", "int8": "Char",
                 "uint8": "Byte", "bool": "Bool", "uint16": "UInt16", "uint32": "UInt32",
                 "uint64": "UInt64", "complex64": "ComplexFloat", "complex128": "ComplexDouble"}


def _kernel_error(kernel, dt):
    name = _KERNEL_NAMES.get(str(dt).split(".")[1], str(dt))
    return NotImplementedError(f"\"{kernel}\" not implemented for '{name}'")


def _work(dt):
    """The core float dtype to draw in for torch float dtype dt."""
    c = dt.core
    return c if c in (C.float32, C.float64) else C.float32


def _uniform(gen, shape, dt, low=0.0, high=1.0):
    """Uniform [low, high) of torch dtype dt (real or complex: each part uniform)."""
    if dt.is_complex:
        r = dt.to_real()
        re = _uniform(gen, shape, r, low, high)
        im = _uniform(gen, shape, r, low, high)
        return _complex(re, im, dt)
    u = C.random.uniform(gen._next(), shape, _work(dt), low, high)
    return u if C.dtype_of(u) is dt.core else C.astype(u, dt.core)


def _normal(gen, shape, dt, mean=0.0, std=1.0):
    if dt.is_complex:  # real and imaginary parts each N(0, 1/2)
        r = dt.to_real()
        s = std / math.sqrt(2.0)
        re = _normal(gen, shape, r, 0.0, s)
        im = _normal(gen, shape, r, 0.0, s)
        return C.add(_complex(re, im, dt), C.asarray(mean, dtype=dt.core))
    z = C.random.normal(gen._next(), shape, _work(dt), mean, std)
    return z if C.dtype_of(z) is dt.core else C.astype(z, dt.core)


def _complex(re, im, dt):
    j = C.asarray(1j, dtype=dt.core)
    return C.add(C.astype(re, dt.core), C.multiply(C.astype(im, dt.core), j))


def _sized(size, kw, fname):
    from ._creation import _size

    return _size(size, kw.pop("size", None) if kw else None, fname)


def _done(v, dt, out, requires_grad, device):
    if device is not None:
        nd = native_device(device)
        if nd is not None:
            v = C.to_device(v, nd)
    if out is not None:
        return write_out(out, v)
    t = wrap(v, dt)
    if requires_grad:
        from ._creation import _require_grad

        _require_grad(t)
    return t


def _float_dtype(dtype, out, kernel):
    dt = T.as_dtype(dtype) if dtype is not None else (out.dtype if out is not None else T.DEFAULT.float)
    if not (dt.is_floating_point or dt.is_complex):
        raise _kernel_error(kernel, dt)
    return dt


# ------------------------------------------------------------------ sampling functions

def rand(*size, generator=None, out=None, dtype=None, layout=None, device=None,
         requires_grad=False, pin_memory=False, **kw):
    shape = _sized(size, kw, "rand")
    dt = _float_dtype(dtype, out, "check_uniform_bounds")
    return _done(_uniform(_gen(generator), shape, dt), dt, out, requires_grad, device)


def randn(*size, generator=None, out=None, dtype=None, layout=None, device=None,
          requires_grad=False, pin_memory=False, **kw):
    shape = _sized(size, kw, "randn")
    dt = _float_dtype(dtype, out, "normal_kernel_cpu")
    return _done(_normal(_gen(generator), shape, dt), dt, out, requires_grad, device)


def _int_range(low, high, dt):
    """Check [low, high) for dtype dt as torch's random_ does."""
    if low >= high:
        raise RuntimeError(f"random_ expects 'from' to be less than 'to', but got from={low} >= "
                           f"to={high}")
    if dt.core.kind in "iu":
        from ...core import dtypes as D

        info = D.iinfo(dt.core)
        cname = {"uint8": "unsigned char", "int8": "signed char", "int16": "short",
                 "int32": "int", "int64": "long int"}.get(str(dt).split(".")[1], str(dt))
        if not info.min <= low <= info.max:
            raise RuntimeError(f"from is out of bounds for {cname}")
        if not info.min <= high - 1 <= info.max:
            raise RuntimeError(f"to - 1 is out of bounds for {cname}")


def _integers(gen, low, high, shape, dt):
    """Uniform integers in [low, high) as torch dtype dt (drawn as int64)."""
    v = C.random.integers(gen._next(), low, high, shape, C.int64)
    if dt.core is C.bool:
        return C.not_equal(v, C.zeros((), dtype=C.int64))
    return v if dt.core is C.int64 else C.astype(v, dt.core)


def randint(*args, generator=None, out=None, dtype=None, layout=None, device=None,
            requires_grad=False, pin_memory=False, **kw):
    """torch.randint(high, size) / randint(low, high, size) (low/high/size as keywords too)."""
    args = list(args)
    size = kw.pop("size", None)
    low = kw.pop("low", None)
    high = kw.pop("high", None)
    if kw:
        raise TypeError(f"randint() got an unexpected keyword argument '{next(iter(kw))}'")
    if size is None:
        if not args:
            raise TypeError("randint() missing required argument 'size'")
        size = args.pop()
    if len(args) == 2:
        low, high = args
    elif len(args) == 1:
        if high is None:
            high = args[0]
        else:
            low = args[0]
    elif len(args) > 2:
        raise TypeError("randint() takes at most 3 positional arguments")
    if high is None:
        raise TypeError("randint() missing required argument 'high'")
    low = 0 if low is None else operator.index(low)
    high = operator.index(high)
    shape = _sized((size,), None, "randint")
    dt = T.as_dtype(dtype) if dtype is not None else (out.dtype if out is not None else T.int64)
    _int_range(low, high, dt)
    return _done(_integers(_gen(generator), low, high, shape, dt), dt, out, requires_grad, device)


def randperm(n, *, generator=None, out=None, dtype=None, layout=None, device=None,
             requires_grad=False, pin_memory=False):
    n = operator.index(n)
    if n < 0:
        raise RuntimeError(f"Trying to create tensor with negative dimension {n}: [{n}]")
    dt = T.as_dtype(dtype) if dtype is not None else (out.dtype if out is not None else T.int64)
    v = C.random.permutation(_gen(generator)._next(), n) if n else C.zeros((0,), dtype=C.int64)
    if dt.core is not C.int64:
        v = C.astype(v, dt.core)
    return _done(v, dt, out, requires_grad, device)


def normal(mean, std=1.0, size=None, *, generator=None, out=None, dtype=None, layout=None,
           device=None, requires_grad=False, pin_memory=False):
    """torch.normal: (Tensor, Tensor), (Tensor, float), (float, Tensor), (float, float, size)."""
    gen = _gen(generator)
    mt, st = isinstance(mean, Tensor), isinstance(std, Tensor)
    if not mt and not st:
        if size is None:
            raise TypeError("normal() received an invalid combination of arguments - got "
                            "(float, float): a size is needed when mean and std are numbers")
        shape = _sized((size,), None, "normal")
        if std < 0:
            raise RuntimeError(f"normal expects std >= 0.0, but found std {std}")
        dt = _float_dtype(dtype, out, "normal_kernel_cpu")
        v = _normal(gen, shape, dt, _float(mean), _float(std))
        return _done(v, dt, out, requires_grad, device)
    for t in (mean, std):
        if isinstance(t, Tensor) and not (t.dtype.is_floating_point or t.dtype.is_complex):
            raise _kernel_error("normal_kernel_cpu", t.dtype)
    if st:
        sv = std._value()
        h = C.to_numpy(sv)
        if h.size and not (h >= 0).all():
            raise RuntimeError("normal expects all elements of std >= 0.0")
    elif std < 0:
        raise RuntimeError(f"normal expects std >= 0.0, but found std {std}")
    if mt and st:
        dt = T.FROM_CORE[T._promote(mean.dtype.core, std.dtype.core)]
        shape = C.broadcast_shapes(C.shape(mean._value()), C.shape(std._value()))
    else:
        t = mean if mt else std
        dt = t.dtype
        shape = C.shape(t._value())
    mv = mean._value() if mt else C.asarray(mean, dtype=dt.core)
    sv = std._value() if st else C.asarray(std, dtype=dt.core)
    z = _normal(gen, shape, dt)
    v = C.add(C.multiply(z, C.astype(sv, dt.core)), C.astype(mv, dt.core))
    return _done(v, dt, out, False, None)


def _host_finite(h):
    import numpy as np

    return bool(np.isfinite(h).all())


def _check_probs(pv, fname):
    h = C.to_numpy(pv)
    if h.size:
        if not ((h >= 0).all() and (h <= 1).all()):
            raise RuntimeError("Expected p_in >= 0 && p_in <= 1 to be true, but got false.")


def bernoulli(input, p=None, *, generator=None, out=None):
    gen = _gen(generator)
    dt = input.dtype
    shape = C.shape(input._value())
    if p is None:
        if not (dt.is_floating_point):
            raise _kernel_error("bernoulli_tensor_cpu_p_", dt)
        pv = input._value()
        _check_probs(pv, "bernoulli")
        u = C.random.uniform(gen._next(), shape, C.float64)
        v = C.less(u, C.astype(pv, C.float64))
    else:
        p = _float(p)
        if not 0 <= p <= 1:
            raise RuntimeError(f"bernoulli_ expects p to be in [0, 1], but got p={p}")
        v = C.random.bernoulli(gen._next(), p, shape)
    return _done(C.astype(v, dt.core), dt, out, False, None)


def multinomial(input, num_samples, replacement=False, *, generator=None, out=None):
    gen = _gen(generator)
    dt = input.dtype
    if not dt.is_floating_point:
        raise RuntimeError(f"multinomial only supports floating-point dtypes for input, got: "
                           f"{_KERNEL_NAMES.get(str(dt).split('.')[1], dt)}")
    pv = input._value()
    s = C.shape(pv)
    if len(s) not in (1, 2):
        raise RuntimeError("prob_dist must be 1 or 2 dim")
    if out is not None and (not isinstance(out, Tensor) or out.dtype is not T.int64):
        raise RuntimeError(f"multinomial expects Long tensor out, got: "
                           f"{_KERNEL_NAMES.get(str(out.dtype).split('.')[1], out.dtype) if isinstance(out, Tensor) else type(out).__name__}")
    num_samples = operator.index(num_samples)
    if num_samples <= 0:
        raise RuntimeError("cannot sample n_sample <= 0 samples")
    n = s[-1]
    if n > (1 << 24):
        raise RuntimeError("number of categories cannot exceed 2^24")
    if not replacement and num_samples > n:
        raise RuntimeError("cannot sample n_sample > prob_dist.size(-1) samples without replacement")
    h = C.to_numpy(pv).astype("float64")  # the checks run on the host: nothing to compile
    if not (h >= 0).all() or not _host_finite(h):
        raise RuntimeError("probability tensor contains either `inf`, `nan` or element < 0")
    if h.sum(axis=-1).min() <= 0:
        raise RuntimeError("invalid multinomial distribution (sum of probabilities <= 0)")
    if not replacement and (h > 0).sum(axis=-1).min() < num_samples:
        raise RuntimeError("invalid multinomial distribution (with replacement=False, not "
                           "enough non-negative category to sample)")
    p64 = C.astype(pv, C.float64)
    pos = C.greater(p64, C.zeros((), dtype=C.float64))
    logp = C.where(pos, C.log(C.where(pos, p64, C.ones((), dtype=C.float64))),
                   C.asarray(-math.inf, dtype=C.float64))
    if replacement:
        if len(s) == 1:
            v = C.random.categorical(gen._next(), logp, axis=-1, shape=(num_samples,))
        else:
            v = C.random.categorical(gen._next(), logp, axis=-1, shape=(num_samples, s[0]))
            v = C.permute_dims(v, (1, 0))
    else:  # Gumbel top-k: sampling without replacement in proportion to p
        u = C.random.uniform(gen._next(), s, C.float64, 1e-300, 1.0)
        g = C.negative(C.log(C.negative(C.log(u))))
        _, v = C.topk(C.add(logp, g), num_samples, axis=-1)
    v = v if C.dtype_of(v) is C.int64 else C.astype(v, C.int64)
    return _done(v, T.int64, out, False, None)


def poisson(input, generator=None):
    """torch.poisson. Drawn on the host with NumPy's Poisson sampler seeded from the
    generator's key (exact on every backend; not traceable under jax.jit/tf.function)."""
    import numpy as np

    dt = input.dtype
    if not dt.is_floating_point:
        raise _kernel_error("poisson_cpu", dt)
    lam = C.to_numpy(input._value()).astype(np.float64)
    if lam.size and not lam.min() >= 0:
        raise RuntimeError("invalid Poisson rate, expected rate to be non-negative")
    words = [_int(w) for w in C.to_numpy(_gen(generator)._next()).reshape(-1)]
    rng = np.random.Generator(np.random.PCG64(np.random.SeedSequence(words)))
    v = C.asarray(rng.poisson(lam).astype(np.float64))
    v = C.to_device(v, C.device_of(input._value()))
    return wrap(C.astype(v, dt.core), dt)


# ------------------------------------------------------------------ *_like

def _like_args(input, dtype, device):
    dt = input.dtype if dtype is None else T.as_dtype(dtype)
    return dt, C.shape(input._value())


def rand_like(input, *, generator=None, dtype=None, layout=None, device=None,
              requires_grad=False, memory_format=None):
    dt, shape = _like_args(input, dtype, device)
    if not (dt.is_floating_point or dt.is_complex):
        raise _kernel_error("check_uniform_bounds", dt)
    return _done(_uniform(_gen(generator), shape, dt), dt, None, requires_grad, device)


def randn_like(input, *, generator=None, dtype=None, layout=None, device=None,
               requires_grad=False, memory_format=None):
    dt, shape = _like_args(input, dtype, device)
    if not (dt.is_floating_point or dt.is_complex):
        raise _kernel_error("normal_kernel_cpu", dt)
    return _done(_normal(_gen(generator), shape, dt), dt, None, requires_grad, device)


def randint_like(input, low=0, high=None, *, generator=None, dtype=None, layout=None,
                 device=None, requires_grad=False, memory_format=None):
    if high is None:
        low, high = 0, low
    low, high = operator.index(low), operator.index(high)
    dt, shape = _like_args(input, dtype, device)
    _int_range(low, high, dt)
    return _done(_integers(_gen(generator), low, high, shape, dt), dt, None, requires_grad, device)


# ------------------------------------------------------------------ in-place samplers (methods)

def _fill(self, v):
    self._write(v)
    return self


def _shape_of(self):
    return C.shape(self._value())


def _uniform_(self, from_=0, to=1, *, generator=None):
    dt = self.dtype
    if not (dt.is_floating_point or dt.is_complex):
        raise _kernel_error("check_uniform_bounds", dt)
    if from_ > to:
        raise RuntimeError(f"uniform_ expects to return a [from, to) range, but found "
                           f"from={from_} > to={to}")
    return _fill(self, _uniform(_gen(generator), _shape_of(self), dt, _float(from_), _float(to)))


def _normal_(self, mean=0, std=1, *, generator=None):
    dt = self.dtype
    if not (dt.is_floating_point or dt.is_complex):
        raise _kernel_error("normal_kernel_cpu", dt)
    if std < 0:
        raise RuntimeError(f"normal expects std >= 0.0, but found std {std}")
    return _fill(self, _normal(_gen(generator), _shape_of(self), dt, _float(mean), _float(std)))


def _random_(self, *args, generator=None, **kw):
    """Tensor.random_(), random_(to), random_(from, to) (from/to as keywords too)."""
    dt = self.dtype
    if dt.is_complex:
        raise _kernel_error("random_from_to", dt)
    if len(args) > 2:
        raise TypeError("random_() takes at most 2 positional arguments")
    frm, to = (0, None) if not args else (0, args[0]) if len(args) == 1 else args
    frm = kw.pop("from", frm)
    to = kw.pop("to", to)
    if kw:
        raise TypeError(f"random_() got an unexpected keyword argument '{next(iter(kw))}'")
    if to is None:
        if dt.core.kind == "b":
            to = 2
        elif dt.core.kind in "iu":
            from ...core import dtypes as D

            to = D.iinfo(dt.core).max + (1 if dt.core is not C.int64 else 0)
        else:
            mant = {T.float16: 11, T.bfloat16: 8, T.float32: 24, T.float64: 53}[dt]
            to = (1 << mant) + 1
    frm, to = operator.index(frm), operator.index(to)
    _int_range(frm, to, dt)
    v = _integers(_gen(generator), frm, to, _shape_of(self),
                  dt if dt.core.kind in "iub" else T.int64)
    return _fill(self, v)


def _exponential_(self, lambd=1, *, generator=None):
    dt = self.dtype
    if not dt.is_floating_point:
        raise RuntimeError(f"Exponential distribution is a continuous probability distribution. "
                           f"dtype must be a floating point but you specified {_KERNEL_NAMES.get(str(dt).split('.')[1], dt)}")
    if not lambd > 0:
        raise RuntimeError(f"exponential_ expects lambda > 0.0, but found lambda={lambd}")
    e = C.random.exponential(_gen(generator)._next(), _shape_of(self), _work(dt))
    return _fill(self, C.divide(e, C.asarray(_float(lambd), dtype=C.dtype_of(e))))


def _bernoulli_(self, p=0.5, *, generator=None):
    gen = _gen(generator)
    shape = _shape_of(self)
    if isinstance(p, Tensor):
        pv = C.astype(p._value(), C.float64)
        _check_probs(pv, "bernoulli_")
        u = C.random.uniform(gen._next(), shape, C.float64)
        v = C.less(u, C.broadcast_to(pv, shape))
    else:
        p = _float(p)
        if not 0 <= p <= 1:
            raise RuntimeError(f"bernoulli_ expects p to be in [0, 1], but got p={p}")
        v = C.random.bernoulli(gen._next(), p, shape)
    return _fill(self, C.astype(v, self.dtype.core))


def _geometric_(self, p, *, generator=None):
    p = _float(p)
    if not 0 < p < 1:
        raise RuntimeError(f"geometric_ expects p to be in (0, 1), but got p={p}")
    u = C.random.uniform(_gen(generator)._next(), _shape_of(self), C.float64, 1e-300, 1.0)
    k = C.ceil(C.divide(C.log(u), C.asarray(math.log1p(-p), dtype=C.float64)))
    k = C.maximum(k, C.ones((), dtype=C.float64))
    return _fill(self, C.astype(k, self.dtype.core))


def _cauchy_(self, median=0, sigma=1, *, generator=None):
    dt = self.dtype
    if not dt.is_floating_point:
        raise RuntimeError(f"Cauchy distribution is a continuous probability distribution. dtype "
                           f"must be a floating point but you specified {str(dt).split('.')[1]}")
    if not sigma > 0:
        raise RuntimeError(f"cauchy_ expects sigma > 0.0, but found sigma={sigma}")
    u = C.random.uniform(_gen(generator)._next(), _shape_of(self), C.float64)
    c = C.tan(C.multiply(C.asarray(math.pi, dtype=C.float64),
                         C.subtract(u, C.asarray(0.5, dtype=C.float64))))
    v = C.add(C.multiply(c, C.asarray(_float(sigma), dtype=C.float64)),
              C.asarray(_float(median), dtype=C.float64))
    return _fill(self, C.astype(v, dt.core))


def _log_normal_(self, mean=1, std=2, *, generator=None):
    dt = self.dtype
    if not dt.is_floating_point:
        raise _kernel_error("log_normal_cpu", dt)
    if not std > 0:
        raise RuntimeError(f"log_normal_ expects std > 0.0, but found std={std}")
    z = C.random.normal(_gen(generator)._next(), _shape_of(self), C.float64, _float(mean), _float(std))
    return _fill(self, C.astype(C.exp(z), dt.core))


for _n, _f in (("uniform_", _uniform_), ("normal_", _normal_), ("random_", _random_),
               ("exponential_", _exponential_), ("bernoulli_", _bernoulli_),
               ("geometric_", _geometric_), ("cauchy_", _cauchy_), ("log_normal_", _log_normal_)):
    _f.__name__ = _n
    setattr(Tensor, _n, _f)

__all__ = ["Generator", "default_generator", "manual_seed", "seed", "initial_seed",
           "get_rng_state", "set_rng_state", "rand", "randn", "randint", "randperm", "normal",
           "bernoulli", "multinomial", "poisson", "rand_like", "randn_like", "randint_like"]
