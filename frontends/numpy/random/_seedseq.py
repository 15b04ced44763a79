"""SeedSequence: NumPy's entropy pooling (after M. O'Neill's seed_seq design).

Written from the published description: the entropy is turned into 32-bit words, mixed
into a pool of 4 words with multiply-xorshift hashes, and output words are produced by
hashing the pool words cyclically.  All arithmetic is on 32-bit unsigned words.
"""
import secrets
from itertools import cycle

import numpy as _np

_M32 = 0xFFFFFFFF
_INIT_A = 0x43B0D7E5
_MULT_A = 0x931E8875
_INIT_B = 0x8B51F9DD
_MULT_B = 0x58F38DED
_MIX_MULT_L = 0xCA01F9DD
_MIX_MULT_R = 0x4973F715
_XSHIFT = 16
DEFAULT_POOL_SIZE = 4


def _int_words(n):
    if n < 0:
        raise ValueError("expected non-negative integer")
    if n == 0:
        return [0]
    out = []
    while n:
        out.append(n & _M32)
        n >>= 32
    return out


def _coerce_words(x):
    """Entropy (int, str of an int, sequence of ints, integer array) as a list of uint32."""
    if isinstance(x, _np.ndarray) and x.dtype == _np.uint32:
        return [int(v) for v in x.ravel()]
    if hasattr(x, "_value") and not isinstance(x, (int, _np.integer)):  # frontend array
        import unify.core as C
        return _coerce_words(C.to_numpy(x._value()))
    if isinstance(x, str):
        x = int(x, 16) if x.startswith("0x") else int(x)
    if isinstance(x, (bool, _np.bool_)):
        return _int_words(int(x))
    if isinstance(x, (int, _np.integer)):
        return _int_words(int(x))
    if isinstance(x, (float, _np.inexact)):
        raise TypeError("SeedSequence expects int or sequence of ints for entropy not %r" % (x,))
    if isinstance(x, _np.ndarray) and x.ndim == 0:
        return _coerce_words(x.item())
    out = []
    for v in x:
        out.extend(_coerce_words(v))
    return out


def _hashmix(value, hc):
    value = (value ^ hc[0]) & _M32
    hc[0] = (hc[0] * _MULT_A) & _M32
    value = (value * hc[0]) & _M32
    return value ^ (value >> _XSHIFT)


def _mix(x, y):
    r = (_MIX_MULT_L * x - _MIX_MULT_R * y) & _M32
    return r ^ (r >> _XSHIFT)


def _mix_entropy(pool_size, entropy):
    hc = [_INIT_A]
    mixer = [_hashmix(entropy[i] if i < len(entropy) else 0, hc) for i in range(pool_size)]
    for src in range(pool_size):
        for dst in range(pool_size):
            if src != dst:
                mixer[dst] = _mix(mixer[dst], _hashmix(mixer[src], hc))
    for src in range(pool_size, len(entropy)):
        for dst in range(pool_size):
            mixer[dst] = _mix(mixer[dst], _hashmix(entropy[src], hc))
    return mixer


class ISeedSequence:
    """Abstract base of seed sequences."""

    def generate_state(self, n_words, dtype=_np.uint32):
        raise NotImplementedError  # abstract method, as in NumPy


class ISpawnableSeedSequence(ISeedSequence):
    def spawn(self, n_children):
        raise NotImplementedError  # abstract method, as in NumPy


class SeedlessSeedSequence(ISpawnableSeedSequence):
    """Placeholder for bit generators seeded without a sequence (legacy seeding)."""

    def generate_state(self, n_words, dtype=_np.uint32):
        raise NotImplementedError("seedless SeedSequences cannot generate state")

    def spawn(self, n_children):
        return [self] * n_children


class SeedSequence(ISpawnableSeedSequence):
    def __init__(self, entropy=None, *, spawn_key=(), pool_size=DEFAULT_POOL_SIZE,
                 n_children_spawned=0):
        if pool_size < DEFAULT_POOL_SIZE:
            raise ValueError("The size of the entropy pool should be at least "
                             f"{DEFAULT_POOL_SIZE}")
        if entropy is None:
            entropy = secrets.randbits(pool_size * 32)
        elif not isinstance(entropy, (int, _np.integer, list, tuple, range, _np.ndarray)) \
                and not hasattr(entropy, "_value"):
            raise TypeError("SeedSequence expects int or sequence of ints for entropy not "
                            f"{entropy}")
        self.entropy = entropy
        self.spawn_key = tuple(spawn_key)
        self.pool_size = pool_size
        self.n_children_spawned = n_children_spawned
        run = _coerce_words(entropy)
        spawn = _coerce_words(self.spawn_key)
        if spawn and len(run) < pool_size:
            run = run + [0] * (pool_size - len(run))
        self._pool = _mix_entropy(pool_size, run + spawn)

    @property
    def pool(self):
        return _np.array(self._pool, dtype=_np.uint32)

    @property
    def state(self):
        return {k: v for k, v in (("entropy", self.entropy), ("spawn_key", self.spawn_key),
                                  ("pool_size", self.pool_size),
                                  ("n_children_spawned", self.n_children_spawned))}

    def __repr__(self):
        lines = [f"{type(self).__name__}(", f"    entropy={self.entropy!r},"]
        if self.spawn_key:
            lines.append(f"    spawn_key={self.spawn_key!r},")
        if self.pool_size != DEFAULT_POOL_SIZE:
            lines.append(f"    pool_size={self.pool_size!r},")
        if self.n_children_spawned:
            lines.append(f"    n_children_spawned={self.n_children_spawned!r},")
        lines.append(")")
        return "\n".join(lines)

    def _words(self, n32):
        hc = _INIT_B
        out = []
        for v in cycle(self._pool):
            if len(out) == n32:
                break
            v = (v ^ hc) & _M32
            hc = (hc * _MULT_B) & _M32
            v = (v * hc) & _M32
            out.append(v ^ (v >> _XSHIFT))
        return out

    def generate_state(self, n_words, dtype=_np.uint32):
        dt = _np.dtype(getattr(dtype, "_np", dtype) if not isinstance(dtype, str) else dtype)
        if dt == _np.uint32:
            return _np.array(self._words(n_words), dtype=_np.uint32)
        if dt == _np.uint64:
            w = _np.array(self._words(2 * n_words), dtype="<u4")
            return w.view("<u8").astype(_np.uint64)
        raise ValueError("only support uint32 or uint64")

    def spawn(self, n_children):
        seqs = [type(self)(self.entropy, spawn_key=self.spawn_key + (i,),
                           pool_size=self.pool_size)
                for i in range(self.n_children_spawned, self.n_children_spawned + n_children)]
        self.n_children_spawned += n_children
        return seqs
