"""Bit generators (host side): MT19937, PCG64, PCG64DXSM, SFC64, Philox.

Each is written from its published algorithm; streams and states match NumPy's.  The
generators run on the host in NumPy/Python ints; the distributions turn their words into
arrays that are moved to the backend.  Internal interface used by the distributions:

    _u32(n) / _u64(n) / _dbl(n)   n outputs of next_uint32 / next_uint64 / next_double
    _snap() / _load(snap)         cheap copy and restore of the full state (rejection
                                  samplers draw ahead, then rewind and redraw what they used)
"""
import threading

import numpy as _np

from ._seedseq import ISeedSequence, SeedSequence, SeedlessSeedSequence

_M32 = 0xFFFFFFFF
_M64 = (1 << 64) - 1
_M128 = (1 << 128) - 1
_TWO53 = 1.0 / 9007199254740992.0


def _host(x):
    """A frontend ndarray or array-like as a host NumPy array."""
    v = getattr(x, "_value", None)
    if v is not None and callable(v):
        import unify.core as C
        return C.to_numpy(v())
    return _np.asarray(x)


class BitGenerator:
    """Base of the bit generators.  `seed` may be None, an int, a sequence of ints or a
    SeedSequence, as in NumPy."""

    def __init__(self, seed=None):
        self.lock = threading.Lock()
        if isinstance(seed, ISeedSequence):
            self._seed_seq = seed
        else:
            if isinstance(seed, (float, _np.floating)) or (
                    isinstance(seed, _np.ndarray) and seed.dtype.kind == "f"):
                raise TypeError("SeedSequence expects int or sequence of ints for entropy "
                                f"not {seed}")
            self._seed_seq = SeedSequence(seed)
        self._seed_from(self._seed_seq)

    @property
    def seed_seq(self):
        return self._seed_seq

    def spawn(self, n_children):
        if not isinstance(self._seed_seq, SeedSequence):
            raise TypeError("The underlying SeedSequence does not implement spawning.")
        return [type(self)(s) for s in self._seed_seq.spawn(n_children)]

    def random_raw(self, size=None, output=True):
        n = 1 if size is None else int(_np.prod(size))
        raw = self._raw(n)
        if not output:
            return None
        if size is None:
            return int(raw[0])
        from ._wrap import out_array
        return out_array(raw.reshape(size))

    def _dbl(self, n):
        return self._w2d(self._u64(n))

    def _raw(self, n):
        return self._u64(n)

    @staticmethod
    def _w2d(words):
        """next_double values for a run of next_uint64 words (the unit of the word stream)."""
        return (words >> _np.uint64(11)).astype(_np.float64) * _TWO53

    def _skip64(self, k):
        self._u64(k)

    def _skip32(self, k):
        self._u32(k)

    def __getstate__(self):
        return self.state

    def __setstate__(self, state):
        self.lock = threading.Lock()
        self._seed_seq = None
        self.state = state

    def __reduce__(self):
        return (_rebuild, (type(self),), self.state)

    def _state_check(self, value):
        if not isinstance(value, dict):
            raise TypeError("state must be a dict")
        name = value.get("bit_generator", None)
        if name != type(self).__name__:
            raise ValueError("state must be for a {0} PRNG".format(type(self).__name__))


def _rebuild(cls):
    obj = cls.__new__(cls)
    obj.lock = threading.Lock()
    obj._seed_seq = None
    return obj


# ---------------------------------------------------------------- MT19937

_N, _MM = 624, 397
_UPPER = _np.uint32(0x80000000)
_LOWER = _np.uint32(0x7FFFFFFF)
_MATRIX_A = _np.uint32(0x9908B0DF)
_S = {k: _np.uint32(k) for k in (1, 7, 11, 15, 18)}


def _twist(mt):
    """One generation of the Mersenne Twister recurrence, in place, in four vector steps
    (each step reads only words that earlier steps have finished)."""
    one, a = _S[1], _MATRIX_A
    for lo, hi in ((0, 227), (227, 454), (454, 623)):
        y = (mt[lo:hi] & _UPPER) | (mt[lo + 1:hi + 1] & _LOWER)
        src = mt[lo + _MM:hi + _MM] if lo == 0 else mt[lo + _MM - _N:hi + _MM - _N]
        mt[lo:hi] = src ^ (y >> one) ^ ((y & one) * a)
    y = (mt[623] & _UPPER) | (mt[0] & _LOWER)
    mt[623] = mt[396] ^ (y >> one) ^ ((y & one) * a)


def _temper(y):
    y = y ^ (y >> _S[11])
    y = y ^ ((y << _S[7]) & _np.uint32(0x9D2C5680))
    y = y ^ ((y << _S[15]) & _np.uint32(0xEFC60000))
    return y ^ (y >> _S[18])


def _mt_init_genrand(s):
    key = [0] * _N
    key[0] = s = s & _M32
    for i in range(1, _N):
        s = (1812433253 * (s ^ (s >> 30)) + i) & _M32
        key[i] = s
    return key


def _mt_init_by_array(words):
    mt = _mt_init_genrand(19650218)
    i, j, n = 1, 0, len(words)
    for _ in range(max(_N, n)):
        mt[i] = ((mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525)) + words[j] + j) & _M32
        i += 1
        j += 1
        if i >= _N:
            mt[0] = mt[_N - 1]
            i = 1
        if j >= n:
            j = 0
    for _ in range(_N - 1):
        mt[i] = ((mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941)) - i) & _M32
        i += 1
        if i >= _N:
            mt[0] = mt[_N - 1]
            i = 1
    mt[0] = 0x80000000
    return mt


class MT19937(BitGenerator):
    def _seed_from(self, seq):
        key = seq.generate_state(_N, _np.uint32)
        key[0] = 0x80000000
        self._key = key
        self._pos = _N - 1

    def _legacy_seeding(self, seed):
        """RandomState's seeding: an int goes through init_genrand, an array of ints
        through init_by_array, None through a fresh SeedSequence."""
        if seed is None:
            words = SeedSequence().generate_state(_N, _np.uint32).tolist()
            self._key = _np.array(_mt_init_by_array(words), dtype=_np.uint32)
            self._pos = _N
            return
        if isinstance(seed, ISeedSequence):
            raise TypeError("Cannot seed with a SeedSequence in the legacy path")
        try:
            if hasattr(seed, "squeeze"):
                seed = seed.squeeze()
            if hasattr(seed, "_value") and callable(seed._value):
                seed = _host(seed)
                if seed.ndim == 0:
                    seed = seed[()]
            import operator
            idx = operator.index(seed)
            if idx > _M32 or idx < 0:
                raise ValueError("Seed must be between 0 and 2**32 - 1")
            self._key = _np.array(_mt_init_genrand(idx), dtype=_np.uint32)
        except TypeError:
            obj = _host(seed)
            if obj.size == 0:
                raise ValueError("Seed must be non-empty")
            obj = obj.astype(_np.int64, casting="safe")
            if obj.ndim != 1:
                raise ValueError("Seed array must be 1-d")
            if ((obj > _M32) | (obj < 0)).any():
                raise ValueError("Seed must be between 0 and 2**32 - 1")
            self._key = _np.array(_mt_init_by_array([int(v) for v in obj]), dtype=_np.uint32)
        self._pos = _N
        self._seed_seq = SeedlessSeedSequence()

    def _snap(self):
        return (self._key.copy(), self._pos)

    def _load(self, snap):
        self._key, self._pos = snap[0].copy(), snap[1]

    def _u32(self, n):
        key, pos = self._key, self._pos
        if n <= _N - pos:
            self._pos = pos + n
            return _temper(key[pos:pos + n])
        parts = [key[pos:].copy()]
        n -= _N - pos
        while True:
            _twist(key)
            if n <= _N:
                parts.append(key[:n])
                self._pos = n
                break
            parts.append(key.copy())
            n -= _N
        return _temper(_np.concatenate(parts))

    def _raw(self, n):
        return self._u32(n).astype(_np.uint64)

    def _u64(self, n):
        w = self._u32(2 * n).astype(_np.uint64)
        return (w[0::2] << _np.uint64(32)) | w[1::2]

    def _dbl(self, n):
        w = self._u32(2 * n)
        a = (w[0::2] >> _np.uint32(5)).astype(_np.float64)
        b = (w[1::2] >> _np.uint32(6)).astype(_np.float64)
        return (a * 67108864.0 + b) / 9007199254740992.0

    @staticmethod
    def _w2d(words):
        # a double takes two 32-bit outputs, exactly like one 64-bit word (high word first)
        a = (words >> _np.uint64(37)).astype(_np.float64)
        b = ((words & _np.uint64(_M32)) >> _np.uint64(6)).astype(_np.float64)
        return (a * 67108864.0 + b) / 9007199254740992.0

    def _skip64(self, k):
        self._skip32(2 * k)

    def _skip32(self, k):
        pos = self._pos
        if k <= _N - pos:
            self._pos = pos + k
            return
        k -= _N - pos
        while True:
            _twist(self._key)
            if k <= _N:
                self._pos = k
                return
            k -= _N

    def jumped(self, jumps=1):
        raise NotImplementedError("MT19937.jumped is not supported by unify")

    @property
    def state(self):
        from ._wrap import out_array
        return {"bit_generator": "MT19937",
                "state": {"key": out_array(self._key.copy()), "pos": self._pos}}

    @state.setter
    def state(self, value):
        if isinstance(value, tuple):
            if value[0] != "MT19937" or len(value) not in (3, 5):
                raise ValueError("state is not a legacy MT19937 state")
            value = {"bit_generator": "MT19937", "state": {"key": value[1], "pos": value[2]}}
        self._state_check(value)
        key = _host(value["state"]["key"])
        if key.shape != (_N,):
            raise ValueError("state must be a 624 element array")
        self._key = key.astype(_np.uint32, copy=True)
        self._pos = int(value["state"]["pos"])


# ---------------------------------------------------------------- PCG64 family

_PCG_MULT = 0x2360ED051FC65DA44385DF649FCCF645
_PCG_CHEAP_MULT = 0xDA942042E4DD58B5


def _lcg_advance(state, delta, mult, inc, mask):
    """State of an LCG after `delta` steps (Brown's O(log n) jump-ahead)."""
    acc_mult, acc_plus, cur_mult, cur_plus = 1, 0, mult, inc
    delta &= mask
    while delta:
        if delta & 1:
            acc_mult = (acc_mult * cur_mult) & mask
            acc_plus = (acc_plus * cur_mult + cur_plus) & mask
        cur_plus = ((cur_mult + 1) * cur_plus) & mask
        cur_mult = (cur_mult * cur_mult) & mask
        delta >>= 1
    return (acc_mult * state + acc_plus) & mask


_BLOCK = 16384
_JUMPS = {}


def _jump_tables(mult):
    """For i = 1.._BLOCK: M**i and 1 + M + ... + M**(i-1) (mod 2**128), as (hi, lo) uint64
    arrays: the i-th state after s is M**i * s + inc * (1 + ... + M**(i-1))."""
    t = _JUMPS.get(mult)
    if t is None:
        a, g, A, G = 1, 0, [], []
        for _ in range(_BLOCK):
            g = (g + a) & _M128
            a = (a * mult) & _M128
            A.append(a)
            G.append(g)
        t = tuple(_np.array([(v >> 64) if hi else (v & _M64) for v in X], dtype=_np.uint64)
                  for X in (A, G) for hi in (True, False))
        _JUMPS[mult] = t
    return t


def _mul128(ah, al, b):
    """(ah, al) * b mod 2**128 for uint64 limb arrays and a Python int b."""
    from ._ints import _mulhilo64
    mh, ml = _mulhilo64(al, b & _M64)
    bh = _np.uint64(b >> 64)
    return mh + al * bh + ah * _np.uint64(b & _M64), ml


def _lcg_states(state, inc, mult, n):
    """The n states after `state` as (hi, lo) uint64 arrays (vectorised jump-ahead)."""
    Ah, Al, Gh, Gl = _jump_tables(mult)
    his, los = [], []
    with _np.errstate(over="ignore"):
        for start in range(0, n, _BLOCK):
            k = min(_BLOCK, n - start)
            h1, l1 = _mul128(Ah[:k], Al[:k], state)
            h2, l2 = _mul128(Gh[:k], Gl[:k], inc)
            lo = l1 + l2
            hi = h1 + h2 + (lo < l1).astype(_np.uint64)
            his.append(hi)
            los.append(lo)
            state = (int(hi[-1]) << 64) | int(lo[-1])
    if len(his) == 1:
        return his[0], los[0], state
    return _np.concatenate(his), _np.concatenate(los), state


class PCG64(BitGenerator):
    """128-bit LCG with the XSL-RR output function (64-bit outputs)."""

    def _seed_from(self, seq):
        v = [int(x) for x in seq.generate_state(4, _np.uint64)]
        self._set_seed((v[0] << 64) | v[1], (v[2] << 64) | v[3])

    def _set_seed(self, initstate, initseq):
        self._inc = ((initseq << 1) | 1) & _M128
        s = (self._inc) & _M128                      # step from state 0
        s = (s + initstate) & _M128
        self._state = (s * _PCG_MULT + self._inc) & _M128   # seeding steps use the full
        # 128-bit multiplier for PCG64DXSM too
        self._has32, self._u32buf = 0, 0

    def _snap(self):
        return (self._state, self._inc, self._has32, self._u32buf)

    def _load(self, snap):
        self._state, self._inc, self._has32, self._u32buf = snap

    def _gen(self, n):
        s, inc, out = self._state, self._inc, [0] * n
        for i in range(n):
            s = (s * _PCG_MULT + inc) & _M128
            x = ((s >> 64) ^ s) & _M64
            r = s >> 122
            out[i] = ((x >> r) | (x << (64 - r))) & _M64
        self._state = s
        return out

    def _u64(self, n):
        if n < 64:
            return _np.array(self._gen(n), dtype=_np.uint64)
        hi, lo, self._state = _lcg_states(self._state, self._inc, self._MULT, n)
        return self._out(hi, lo)

    @staticmethod
    def _out(hi, lo):
        x = hi ^ lo
        rot = hi >> _np.uint64(58)
        return (x >> rot) | (x << ((_np.uint64(64) - rot) & _np.uint64(63)))

    def _u32(self, n):
        if n <= 0:
            return _np.empty(0, _np.uint32)
        head = []
        if self._has32:
            head = [self._u32buf]
            self._has32 = 0                # NumPy keeps the stale value in `uinteger`
            n -= 1
        k = (n + 1) // 2
        w = self._u64(k)
        pairs = _np.empty(2 * k, dtype=_np.uint32)
        pairs[0::2] = (w & _np.uint64(_M32)).astype(_np.uint32)
        pairs[1::2] = (w >> _np.uint64(32)).astype(_np.uint32)
        if k:
            self._u32buf = int(pairs[-1])  # high half of the last word, used or not
        if n % 2:
            self._has32 = 1
            pairs = pairs[:-1]
        if head:
            return _np.concatenate([_np.array(head, _np.uint32), pairs])
        return pairs

    _MULT = _PCG_MULT

    def advance(self, delta):
        self._state = _lcg_advance(self._state, int(delta), self._MULT, self._inc, _M128)
        self._has32, self._u32buf = 0, 0
        return self

    def _skip64(self, k):
        self._state = _lcg_advance(self._state, int(k), self._MULT, self._inc, _M128)

    def _skip32(self, k):
        if k and self._has32:
            self._has32, k = 0, k - 1      # the stale buffered word stays, as in NumPy
        if k <= 0:
            return
        # jump over all but the last word, then draw it (it leaves NumPy's buffer state)
        last = 1 if k % 2 else 2
        self._skip64((k - last) // 2)
        self._u32(last)

    def jumped(self, jumps=1):
        other = type(self).__new__(type(self))
        other.lock = threading.Lock()
        other._seed_seq = self._seed_seq
        other._load(self._snap())
        step = 0x9E3779B97F4A7C15F39CC0605CEDC835 * int(jumps)
        other.advance(step)
        return other

    @property
    def state(self):
        return {"bit_generator": type(self).__name__,
                "state": {"state": self._state, "inc": self._inc},
                "has_uint32": self._has32, "uinteger": self._u32buf}

    @state.setter
    def state(self, value):
        self._state_check(value)
        self._state = int(value["state"]["state"]) & _M128
        self._inc = int(value["state"]["inc"]) & _M128
        self._has32 = int(value["has_uint32"])
        self._u32buf = int(value["uinteger"])


class PCG64DXSM(PCG64):
    """128-bit LCG with a 64-bit 'cheap' multiplier and the DXSM output function."""

    def _gen(self, n):
        s, inc, out = self._state, self._inc, [0] * n
        for i in range(n):
            hi = s >> 64
            lo = (s & _M64) | 1
            hi ^= hi >> 32
            hi = (hi * _PCG_CHEAP_MULT) & _M64
            hi ^= hi >> 48
            out[i] = (hi * lo) & _M64
            s = (s * _PCG_CHEAP_MULT + inc) & _M128
        self._state = s
        return out

    _MULT = _PCG_CHEAP_MULT

    def _u64(self, n):
        if n < 64:
            return _np.array(self._gen(n), dtype=_np.uint64)
        s0 = self._state
        hi, lo, self._state = _lcg_states(s0, self._inc, self._MULT, n)
        # DXSM outputs the state before each step
        hi = _np.concatenate([_np.array([s0 >> 64], _np.uint64), hi[:-1]])
        lo = _np.concatenate([_np.array([s0 & _M64], _np.uint64), lo[:-1]]) | _np.uint64(1)
        with _np.errstate(over="ignore"):
            hi = hi ^ (hi >> _np.uint64(32))
            hi = hi * _np.uint64(_PCG_CHEAP_MULT)
            hi = hi ^ (hi >> _np.uint64(48))
            return hi * lo


# ---------------------------------------------------------------- SFC64

class SFC64(BitGenerator):
    """Chris Doty-Humphrey's Small Fast Chaotic generator, 64-bit variant."""

    def _seed_from(self, seq):
        v = [int(x) for x in seq.generate_state(3, _np.uint64)]
        self._s = [v[0], v[1], v[2], 1]
        self._has32, self._u32buf = 0, 0
        self._gen(12)

    def _snap(self):
        return (tuple(self._s), self._has32, self._u32buf)

    def _load(self, snap):
        self._s, self._has32, self._u32buf = list(snap[0]), snap[1], snap[2]

    def _gen(self, n):
        a, b, c, w = self._s
        out = [0] * n
        for i in range(n):
            tmp = (a + b + w) & _M64
            w = (w + 1) & _M64
            a = b ^ (b >> 11)
            b = (c + (c << 3)) & _M64
            c = (((c << 24) | (c >> 40)) & _M64) + tmp & _M64
            out[i] = tmp
        self._s = [a, b, c, w]
        return out

    def _u64(self, n):
        return _np.array(self._gen(n), dtype=_np.uint64)

    _u32 = PCG64._u32

    @property
    def state(self):
        from ._wrap import out_array
        return {"bit_generator": "SFC64",
                "state": {"state": out_array(_np.array(self._s, dtype=_np.uint64))},
                "has_uint32": self._has32, "uinteger": self._u32buf}

    @state.setter
    def state(self, value):
        self._state_check(value)
        self._s = [int(v) for v in _host(value["state"]["state"])]
        self._has32 = int(value["has_uint32"])
        self._u32buf = int(value["uinteger"])


# ---------------------------------------------------------------- Philox

# Philox4x64-10 (Salmon et al., "Parallel random numbers: as easy as 1, 2, 3", SC11): the
# round multipliers and the Weyl key increments of the published 4x64 variant
_PH_M0, _PH_M1 = 0xD2E7470EE14C6C93, 0xCA5A826395121157
_PH_W0, _PH_W1 = 0x9E3779B97F4A7C15, 0xBB67AE8584CAA73B
_M256 = (1 << 256) - 1


def _limbs(value, n):
    """A non-negative int as n little-endian 64-bit words."""
    return [(value >> (64 * i)) & _M64 for i in range(n)]


def _join(words):
    return sum(int(w) << (64 * i) for i, w in enumerate(words))


def _philox_blocks(counter, key, m):
    """Philox4x64-10 of the m counters counter+1 .. counter+m: a (m, 4) uint64 array."""
    from ._ints import _mulhilo64

    c = _limbs(counter, 4)
    with _np.errstate(over="ignore"):
        step = _np.arange(1, m + 1, dtype=_np.uint64)
        x0 = _np.uint64(c[0]) + step
        carry = x0 < step  # the low word wrapped
        x1 = _np.uint64(c[1]) + carry.astype(_np.uint64)
        carry = carry & (x1 == 0)
        x2 = _np.uint64(c[2]) + carry.astype(_np.uint64)
        carry = carry & (x2 == 0)
        x3 = _np.uint64(c[3]) + carry.astype(_np.uint64)
        k0, k1 = key
        for r in range(10):
            if r:
                k0, k1 = (k0 + _PH_W0) & _M64, (k1 + _PH_W1) & _M64
            hi0, lo0 = _mulhilo64(x0, _PH_M0)
            hi1, lo1 = _mulhilo64(x2, _PH_M1)
            x0, x1, x2, x3 = hi1 ^ x1 ^ _np.uint64(k0), lo1, hi0 ^ x3 ^ _np.uint64(k1), lo0
    return _np.stack([x0, x1, x2, x3], axis=1)


class Philox(BitGenerator):
    """Philox4x64-10 counter-based generator: a 256-bit counter, a 128-bit key, and a buffer
    of the four words of the current block (NumPy's stream, state and seeding)."""

    def __init__(self, seed=None, counter=None, key=None):
        if seed is not None and key is not None:
            raise ValueError("seed and key cannot be both used")
        super().__init__(seed)
        if key is not None:
            self._key = self._words(key, "key", 2)
        if counter is not None:
            self._ctr = _join(self._words(counter, "counter", 4))
        self._reset()

    @staticmethod
    def _words(value, name, n):
        bits = 64 * n
        if isinstance(value, (int, _np.integer)) and not isinstance(value, bool):
            v = int(value)
            if v < 0 or v >= 1 << bits:
                raise ValueError(f"{name} must be positive and less than 2**{bits}.")
            return _limbs(v, n)
        if isinstance(value, (list, tuple)):
            words = [int(w) for w in value]  # exact, also above 2**63
        else:
            words = [int(w) for w in _host(value).ravel()]
        if len(words) != n:
            raise ValueError(f"{name} must have {n} elements when using array form")
        if any(w < 0 or w > _M64 for w in words):
            raise ValueError(f"{name} must be positive and less than 2**{bits}.")
        return words

    def _seed_from(self, seq):
        self._key = [int(x) for x in seq.generate_state(2, _np.uint64)]
        self._ctr = 0
        self._reset()

    def _reset(self):
        self._buf, self._pos = [0, 0, 0, 0], 4
        self._has32, self._u32buf = 0, 0

    def _snap(self):
        return (self._ctr, tuple(self._key), tuple(self._buf), self._pos, self._has32,
                self._u32buf)

    def _load(self, snap):
        ctr, key, buf, self._pos, self._has32, self._u32buf = snap
        self._ctr, self._key, self._buf = ctr, list(key), list(buf)

    def _u64(self, n):
        head = self._buf[self._pos:self._pos + n]
        self._pos += len(head)
        rest = n - len(head)
        if rest <= 0:
            return _np.array(head, dtype=_np.uint64)
        m = (rest + 3) // 4
        blocks = _philox_blocks(self._ctr, self._key, m)
        self._ctr = (self._ctr + m) & _M256
        self._buf = [int(w) for w in blocks[-1]]
        self._pos = rest - 4 * (m - 1)
        words = blocks.reshape(-1)[:rest]
        if head:
            return _np.concatenate([_np.array(head, dtype=_np.uint64), words])
        return words

    _u32 = PCG64._u32

    def advance(self, delta):
        """Moves the counter `delta` blocks on (mod 2**256) and drops the buffered words."""
        self._ctr = (self._ctr + int(delta)) & _M256
        self._reset()
        return self

    def jumped(self, jumps=1):
        """A copy whose counter is 2**128 * jumps blocks on."""
        other = type(self).__new__(type(self))
        other.lock = threading.Lock()
        other._seed_seq = self._seed_seq
        other._load(self._snap())
        return other.advance(int(jumps) << 128)

    @property
    def state(self):
        from ._wrap import out_array
        return {"bit_generator": "Philox",
                "state": {"counter": out_array(_np.array(_limbs(self._ctr, 4), dtype=_np.uint64)),
                          "key": out_array(_np.array(self._key, dtype=_np.uint64))},
                "buffer": out_array(_np.array(self._buf, dtype=_np.uint64)),
                "buffer_pos": self._pos, "has_uint32": self._has32, "uinteger": self._u32buf}

    @state.setter
    def state(self, value):
        self._state_check(value)
        self._ctr = _join(_host(value["state"]["counter"]))
        self._key = [int(w) for w in _host(value["state"]["key"])]
        self._buf = [int(w) for w in _host(value["buffer"])]
        self._pos = int(value["buffer_pos"])
        self._has32 = int(value["has_uint32"])
        self._u32buf = int(value["uinteger"])
