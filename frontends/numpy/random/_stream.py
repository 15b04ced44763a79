"""Word streams over a bit generator, for samplers that consume a variable number of words.

A sampler draws a block of words ahead, reads them in order (vectorised where the
acceptance of a candidate does not depend on earlier ones, one by one otherwise) and on
`close()` the bit generator is rewound to just after the last word actually used, so the
state afterwards is exactly what NumPy's one-at-a-time C loop leaves.

`Words64` is the next_uint64 / next_double stream (one double per 64-bit word for every
bit generator: MT19937 builds both from two 32-bit outputs); `Words32` is next_uint32.
"""
import math

import numpy as _np


class Words64:
    __slots__ = ("bg", "snap", "w", "d", "dl", "pos")

    def __init__(self, bg, hint):
        self.bg = bg
        self.snap = bg._snap()
        self.w = bg._u64(max(int(hint), 8))
        self.d = bg._w2d(self.w)
        self.dl = None
        self.pos = 0

    def grow(self, k=None):
        k = max(k or 0, len(self.w) // 2, 64)
        w = self.bg._u64(k)
        self.w = _np.concatenate([self.w, w])
        d = self.bg._w2d(w)
        self.d = _np.concatenate([self.d, d])
        if self.dl is not None:
            self.dl.extend(d.tolist())

    def need(self, k):
        """Make sure k words are available from pos."""
        if self.pos + k > len(self.w):
            self.grow(self.pos + k - len(self.w))

    def double(self):
        """One next_double (scalar path)."""
        if self.pos >= len(self.w):
            self.grow()
        if self.dl is None:
            self.dl = self.d.tolist()
        p = self.pos
        self.pos = p + 1
        return self.dl[p]

    def u64(self):
        if self.pos >= len(self.w):
            self.grow()
        p = self.pos
        self.pos = p + 1
        return int(self.w[p])

    def close(self):
        if self.pos < len(self.w):
            self.bg._load(self.snap)
            self.bg._skip64(int(self.pos))


class Words32:
    __slots__ = ("bg", "snap", "w", "wl", "pos")

    def __init__(self, bg, hint):
        self.bg = bg
        self.snap = bg._snap()
        self.w = bg._u32(max(int(hint), 8))
        self.wl = None
        self.pos = 0

    def grow(self, k=None):
        k = max(k or 0, len(self.w) // 2, 64)
        w = self.bg._u32(k)
        self.w = _np.concatenate([self.w, w])
        if self.wl is not None:
            self.wl.extend(w.tolist())

    def need(self, k):
        if self.pos + k > len(self.w):
            self.grow(self.pos + k - len(self.w))

    def u32(self):
        if self.pos >= len(self.w):
            self.grow()
        if self.wl is None:
            self.wl = self.w.tolist()
        p = self.pos
        self.pos = p + 1
        return self.wl[p]

    def close(self):
        if self.pos < len(self.w):
            self.bg._load(self.snap)
            self.bg._skip32(int(self.pos))


def take_accepted(stream, n, per, decode):
    """Fixed-alignment rejection sampling: candidates of `per` consecutive words each;
    decode(words_block) -> (values, accepted_mask) per candidate.  Returns the first n
    accepted values, leaving the stream right after the candidate that gave the last one."""
    out = []
    got = 0
    est = n
    while got < n:
        m = int(est * 1.1) + 8
        stream.need(m * per)
        p = stream.pos
        vals, ok = decode(p, m)
        idx = _np.flatnonzero(ok)
        if got + len(idx) >= n:
            last = idx[n - got - 1]
            out.append(vals[idx[:n - got]])
            stream.pos = p + (int(last) + 1) * per
            break
        out.append(vals[idx])
        got += len(idx)
        stream.pos = p + m * per
        est = max((n - got) * m / max(len(idx), 1), 8)
    return out[0] if len(out) == 1 else _np.concatenate(out)


def gen_mask(rng):
    return (1 << int(rng).bit_length()) - 1 if rng else 0


log1p = math.log1p
