"""Bounded integers as NumPy draws them: off + U{0..rng} for 8/16/32/64-bit words and bool.

`masked=True` is bit-mask rejection (RandomState), `masked=False` is Lemire's
multiply-shift rejection (Generator).  Ranges that fit in 32 bits use 32-bit draws; 8- and
16-bit values (and bools) are cut from 32-bit draws, low bits first, the remainder of a
word being dropped at the end of the call.
"""
import numpy as _np

from ._stream import Words32, Words64

_M32 = 0xFFFFFFFF
_M64 = (1 << 64) - 1
_UT = {8: _np.uint8, 16: _np.uint16, 32: _np.uint32, 64: _np.uint64}


def _mask(rng):
    return (1 << int(rng).bit_length()) - 1 if rng else 0


def _mulhilo64(a, b):
    """(high, low) 64-bit halves of the 128-bit products a * b (uint64 arrays / scalar)."""
    m32 = _np.uint64(_M32)
    s32 = _np.uint64(32)
    a_lo, a_hi = a & m32, a >> s32
    b_lo, b_hi = _np.uint64(b & _M32), _np.uint64(b >> 32)
    ll = a_lo * b_lo
    hl = a_hi * b_lo
    lh = a_lo * b_hi
    hh = a_hi * b_hi
    cross = (ll >> s32) + (hl & m32) + lh
    hi = hh + (hl >> s32) + (cross >> s32)
    lo = (cross << s32) | (ll & m32)
    return hi, lo


def _sub(words, bits):
    """Cut 32-bit words into `bits`-wide pieces, low piece first."""
    per = 32 // bits
    if per == 1:
        return words
    out = _np.empty((len(words), per), dtype=_np.uint32)
    for j in range(per):
        out[:, j] = (words >> _np.uint32(bits * j)) & _np.uint32((1 << bits) - 1)
    return out.ravel()


def _accept(stream, n, per, decode):
    """First n accepted candidates (each word gives `per` candidates)."""
    out, got, est = [], 0, n
    while got < n:
        k = int(est * 1.05 / per) + 4
        stream.need(k)
        p = stream.pos
        vals, ok = decode(stream.w[p:p + k])
        idx = _np.flatnonzero(ok)
        if got + len(idx) >= n:
            last = int(idx[n - got - 1])
            out.append(vals[idx[:n - got]])
            stream.pos = p + last // per + 1
            break
        out.append(vals[idx])
        got += len(idx)
        stream.pos = p + k
        est = max((n - got) * k * per / max(len(idx), 1), 8)
    return out[0] if len(out) == 1 else _np.concatenate(out)


def _fill_small(bg, rng, n, bits, masked):
    """U{0..rng} with rng < 2**32 - 1 from 32-bit draws (pieces for bits < 32)."""
    per = 32 // bits
    s = Words32(bg, n / per + 8)
    full = (1 << bits) - 1
    if rng == full:           # bits < 32 here: every piece is a value
        s.need(-(-n // per))
        v = _sub(s.w[:-(-n // per)], bits)[:n]
        s.pos = -(-n // per)
    elif masked:
        mask = _np.uint32(_mask(rng))
        r = _np.uint32(rng)

        def dec(w):
            v = _sub(w, bits) & mask
            return v, v <= r
        v = _accept(s, n, per, dec)
    else:
        excl = rng + 1
        thr = _np.uint64((full - rng) % excl)

        def dec(w):
            m = _sub(w, bits).astype(_np.uint64) * _np.uint64(excl)
            return m >> _np.uint64(bits), (m & _np.uint64(full)) >= thr
        v = _accept(s, n, per, dec)
    s.close()
    return v


def _fill64(bg, rng, n, masked):
    s = Words64(bg, n + 8)
    if masked:
        mask = _np.uint64(_mask(rng))
        r = _np.uint64(rng)

        def dec(w):
            v = w & mask
            return v, v <= r
    else:
        excl = rng + 1
        thr = _np.uint64((_M64 - rng) % excl)

        def dec(w):
            hi, lo = _mulhilo64(w, excl)
            return hi, lo >= thr
    v = _accept(s, n, 1, dec)
    s.close()
    return v


def bounded(bg, off, rng, n, bits, masked):
    """n draws of off + U{0..rng}, wrapped to `bits` (1 = bool); an unsigned array
    (bool for bits == 1).  off, rng: Python ints (rng >= 0)."""
    if bits == 1:
        if rng == 0:
            return _np.full(n, bool(off))
        nw = -(-n // 32)
        w = bg._u32(nw)
        bits_ = ((w[:, None] >> _np.arange(32, dtype=_np.uint32)) & _np.uint32(1)).ravel()[:n]
        return bits_.astype(bool) if not off else _np.ones(n, bool)
    ut = _UT[bits]
    if rng == 0 or n == 0:
        return _np.full(n, off, dtype=ut)
    if bits == 64:
        if rng <= _M32:
            v = bg._u32(n) if rng == _M32 else _fill_small(bg, rng, n, 32, masked)
        elif rng == _M64:
            v = bg._u64(n)
        else:
            v = _fill64(bg, rng, n, masked)
    elif rng == _M32:
        v = bg._u32(n)
    else:
        v = _fill_small(bg, rng, n, bits, masked)
    return (v.astype(_np.uint64) + _np.uint64(off)).astype(ut) if bits == 64 else \
        ((v.astype(_np.uint64) + _np.uint64(off)) & _np.uint64((1 << bits) - 1)).astype(ut)


# ------------------------------------------------------------------ per-element bounds

def bounded_each(bg, offs, rngs, bits, masked):
    """One draw per (off, rng) pair, in order (NumPy's broadcast loop; pieces of a 32-bit
    word are shared between consecutive elements)."""
    n = len(rngs)
    out = [0] * n
    if bits == 64 and any(r > _M32 for r in rngs):
        for i, (o, r) in enumerate(zip(offs, rngs)):
            out[i] = (o + _one64(bg, r, masked)) & _M64
        return _np.array(out, dtype=_np.uint64)
    s = Words32(bg, n + 8)
    per = 1 if bits in (32, 64) else 32 // max(bits, 1) if bits != 1 else 32
    width = 32 if bits in (32, 64) else (1 if bits == 1 else bits)
    full = (1 << width) - 1
    st = [0, 0]            # buffered word, pieces left

    def piece():
        if per == 1:
            return s.u32()
        if st[1] == 0:
            st[0], st[1] = s.u32(), per - 1
        else:
            st[0] >>= width
            st[1] -= 1
        return st[0] & full

    for i, (o, r) in enumerate(zip(offs, rngs)):
        if r == 0:
            v = 0
        elif bits == 1 or r == full:
            v = piece()
        elif masked:
            mask = _mask(r)
            v = piece() & mask
            while v > r:
                v = piece() & mask
        else:
            excl = r + 1
            m = piece() * excl
            if (m & full) < excl:
                thr = (full - r) % excl
                while (m & full) < thr:
                    m = piece() * excl
            v = m >> width
        out[i] = o + v
    s.close()
    if bits == 1:
        return _np.array(out, dtype=bool)
    return _np.array([v & ((1 << bits) - 1) for v in out], dtype=_UT[bits])


def _one64(bg, r, masked):
    if r == 0:
        return 0
    if r <= _M32:
        if r == _M32:
            return int(bg._u32(1)[0])
        if masked:
            mask = _mask(r)
            while True:
                v = int(bg._u32(1)[0]) & mask
                if v <= r:
                    return v
        excl = r + 1
        m = int(bg._u32(1)[0]) * excl
        if (m & _M32) < excl:
            thr = (_M32 - r) % excl
            while (m & _M32) < thr:
                m = int(bg._u32(1)[0]) * excl
        return m >> 32
    if r == _M64:
        return int(bg._u64(1)[0])
    if masked:
        mask = _mask(r)
        while True:
            v = int(bg._u64(1)[0]) & mask
            if v <= r:
                return v
    excl = r + 1
    m = int(bg._u64(1)[0]) * excl
    if (m & _M64) < excl:
        thr = (_M64 - r) % excl
        while (m & _M64) < thr:
            m = int(bg._u64(1)[0]) * excl
    return m >> 64


# ------------------------------------------------------------------ shuffles

def interval_js(bg, n):
    """j for i = n-1 .. 1 of a Fisher-Yates shuffle with mask rejection (random_interval)."""
    if n <= 1:
        return []
    s = Words32(bg, 1.5 * n + 8)
    js = []
    app = js.append
    u32 = s.u32
    for i in range(n - 1, 0, -1):
        if i > _M32:
            raise ValueError("shuffle of more than 2**32 elements is not supported")
        mask = (1 << i.bit_length()) - 1
        v = u32() & mask
        while v > i:
            v = u32() & mask
        app(v)
    s.close()
    return js


def lemire_js(bg, n, first=1):
    """j for i = n-1 .. first with Lemire bounded draws (Generator's internal shuffles)."""
    s = Words32(bg, n + 8)
    js = []
    app = js.append
    u32 = s.u32
    for i in range(n - 1, first - 1, -1):
        excl = i + 1
        m = u32() * excl
        if (m & _M32) < excl:
            thr = (_M32 - i) % excl
            while (m & _M32) < thr:
                m = u32() * excl
        app(m >> 32)
    s.close()
    return js


def fisher_yates(seq, js):
    """Apply the swaps (i, js[k]) for i = n-1 .. to a Python list, in place."""
    i = len(seq) - 1
    for j in js:
        seq[i], seq[j] = seq[j], seq[i]
        i -= 1
    return seq


def floyd(bg, pop, size):
    """Generator.choice(replace=False) sample of `size` from range(pop): Floyd's algorithm."""
    s = Words32(bg, size + 8)
    seen = set()
    out = []
    for j in range(pop - size, pop):
        excl = j + 1
        if j == 0:
            val = 0
        else:
            m = s.u32() * excl
            if (m & _M32) < excl:
                thr = (_M32 - j) % excl
                while (m & _M32) < thr:
                    m = s.u32() * excl
            val = m >> 32
        if val in seen:
            val = j
        seen.add(val)
        out.append(val)
    s.close()
    return out
