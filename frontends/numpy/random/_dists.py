"""Host-side samplers: bit-generator words -> NumPy float64/int64 arrays, NumPy's algorithms.

Transcendental functions go through `math` (the C library, as NumPy's C samplers use),
not NumPy's vectorised loops, which differ from libm in the last bit.

Samplers that consume a variable number of words walk a `Words64` stream: the words are
decoded in bulk, and the rare slow path (ziggurat tail/wedge, rejection) runs one value at a
time in scalar Python from the same stream.
"""
import math
from math import exp, log, log1p, sqrt, expm1

import numpy as _np

from ._stream import Words64, take_accepted

_U64 = _np.uint64
_INF = math.inf


def floor(x):
    """C's floor: a float, infinities and NaN pass through."""
    return float(math.floor(x)) if -_INF < x < _INF else x


def ceil(x):
    return float(math.ceil(x)) if -_INF < x < _INF else x
_F8 = _np.float64


def lmap(fn, a):
    """Elementwise fn (a `math` function) over a float64 array."""
    return _np.fromiter(map(fn, a.tolist()), _F8, a.size).reshape(a.shape)


# ------------------------------------------------------------------ uniform

def doubles(bg, n):
    return bg._dbl(n)


def floats(bg, n):
    """next_float: 24 bits of a 32-bit output."""
    return (bg._u32(n) >> _np.uint32(8)).astype(_np.float32) * _np.float32(1.0 / 16777216.0)


# ------------------------------------------------------------------ legacy gauss

def legacy_gauss(bg, n, cache):
    """Polar Box-Muller; the second value of each pair is cached on `cache` (RandomState)."""
    out = _np.empty(n)
    i = 0
    if n and cache._has_gauss:
        out[0] = cache._gauss
        cache._has_gauss, cache._gauss = 0, 0.0
        i = 1
    m = n - i
    if m <= 0:
        return out
    pairs = (m + 1) // 2
    s = Words64(bg, pairs * 2.6 + 8)

    def dec(p, k):
        d = s.d[p:p + 2 * k]
        x1 = 2.0 * d[0::2] - 1.0
        x2 = 2.0 * d[1::2] - 1.0
        r2 = x1 * x1 + x2 * x2
        return _np.stack([x1, x2, r2], 1), (r2 < 1.0) & (r2 != 0.0)

    v = take_accepted(s, pairs, 2, dec)
    s.close()
    x1, x2, r2 = v[:, 0], v[:, 1], v[:, 2]
    f = _np.sqrt(-2.0 * lmap(log, r2) / r2)
    seq = _np.empty(2 * pairs)
    seq[0::2] = f * x2
    seq[1::2] = f * x1
    out[i:] = seq[:m]
    if m % 2:
        cache._has_gauss, cache._gauss = 1, float(seq[-1])
    return out


def gauss1(s, cache):
    """One legacy gauss from a Words64 stream (scalar paths)."""
    if cache._has_gauss:
        cache._has_gauss = 0
        v, cache._gauss = cache._gauss, 0.0
        return v
    while True:
        x1 = 2.0 * s.double() - 1.0
        x2 = 2.0 * s.double() - 1.0
        r2 = x1 * x1 + x2 * x2
        if r2 < 1.0 and r2 != 0.0:
            break
    f = sqrt(-2.0 * log(r2) / r2)
    cache._has_gauss, cache._gauss = 1, f * x1
    return f * x2


# ------------------------------------------------------------------ ziggurat

_KI = _WI = _FI = _KE = _WE = _FE = None
_Z = None


def _zig_tables():
    """Build the ziggurat tables on first use (about 50 ms, so not at import)."""
    global _Z, _KI, _WI, _FI, _KE, _WE, _FE
    if _Z is None:
        from . import _zig
        _KI, _WI, _FI = _zig.KI.tolist(), _zig.WI.tolist(), _zig.FI.tolist()
        _KE, _WE, _FE = _zig.KE.tolist(), _zig.WE.tolist(), _zig.FE.tolist()
        _Z = _zig
    return _Z


_M52 = _U64(0x000FFFFFFFFFFFFF)
_FF = _U64(0xFF)


def normal1(s):
    """One ziggurat standard normal from a Words64 stream."""
    while True:
        r = s.u64()
        idx = r & 0xFF
        r >>= 8
        rabs = (r >> 1) & 0x000FFFFFFFFFFFFF
        x = rabs * _WI[idx]
        if r & 1:
            x = -x
        if rabs < _KI[idx]:
            return x
        if idx == 0:
            while True:
                xx = -_Z.NOR_INV_R * log1p(-s.double())
                yy = -log1p(-s.double())
                if yy + yy > xx * xx:
                    return -(_Z.NOR_R + xx) if (rabs >> 8) & 1 else _Z.NOR_R + xx
        elif (_FI[idx - 1] - _FI[idx]) * s.double() + _FI[idx] < exp(-0.5 * x * x):
            return x


def exponential1(s):
    while True:
        ri = s.u64() >> 3
        idx = ri & 0xFF
        ri >>= 8
        x = ri * _WE[idx]
        if ri < _KE[idx]:
            return x
        if idx == 0:
            return _Z.EXP_R - log1p(-s.double())
        if (_FE[idx - 1] - _FE[idx]) * s.double() + _FE[idx] < exp(-x):
            return x


def _dec_normal(w):
    idx = (w & _FF).astype(_np.intp)
    r = w >> _U64(8)
    rabs = (r >> _U64(1)) & _M52
    x = rabs.astype(_F8) * _Z.WI[idx]
    x = _np.where((r & _U64(1)).astype(bool), -x, x)
    return x, rabs < _Z.KI[idx]


def _dec_exp(w):
    ri = w >> _U64(3)
    idx = (ri & _FF).astype(_np.intp)
    ri = ri >> _U64(8)
    return ri.astype(_F8) * _Z.WE[idx], ri < _Z.KE[idx]


def _bulk(bg, n, decode, slow):
    """n values from a one-word-per-value fast path with a rare scalar slow path."""
    out = _np.empty(n)
    s = Words64(bg, n + n // 32 + 8)
    x, fast = decode(s.w)
    bad = _np.flatnonzero(~fast)
    done = 0
    while done < n:
        p = s.pos
        if p >= len(x):
            old = len(s.w)
            s.grow(n - done + 8)
            x2, f2 = decode(s.w[old:])
            x = _np.concatenate([x, x2])
            bad = _np.concatenate([bad, old + _np.flatnonzero(~f2)])
        k = _np.searchsorted(bad, p)
        t = int(bad[k]) if k < len(bad) else -1
        take = min((t if t >= 0 else len(x)) - p, n - done)
        out[done:done + take] = x[p:p + take]
        done += take
        s.pos = p + take
        if done < n and s.pos == t:
            out[done] = slow(s)
            done += 1
    s.close()
    return out


def std_normal(bg, n):
    _zig_tables()
    return _bulk(bg, n, _dec_normal, normal1)


def std_exponential(bg, n):
    _zig_tables()
    return _bulk(bg, n, _dec_exp, exponential1)


def std_exponential_inv(bg, n):
    """Generator.standard_exponential(method='inv') and the legacy sampler: -log(1-U)."""
    return -lmap(log, 1.0 - bg._dbl(n))


# ------------------------------------------------------------------ scalar helper streams

class Source:
    """Scalar draws for sequential samplers: double / normal / exponential, either
    NumPy-Generator flavoured (ziggurat) or legacy (polar gauss with cache, -log(1-U))."""
    __slots__ = ("s", "cache", "double", "normal", "exponential")

    def __init__(self, bg, hint, cache=None):
        s = self.s = Words64(bg, hint)
        self.cache = cache
        self.double = s.double
        if cache is None:
            _zig_tables()
            self.normal = lambda: normal1(s)
            self.exponential = lambda: exponential1(s)
        else:
            self.normal = lambda: gauss1(s, cache)
            self.exponential = lambda: -log(1.0 - s.double())

    def close(self):
        self.s.close()


def run(bg, n, cache, fn, params):
    """Sequential sampler fn(src, *param_values) over n elements with broadcast params."""
    src = Source(bg, 2 * n + 8, cache)
    try:
        cols = [p.tolist() if isinstance(p, _np.ndarray) and p.ndim else
                [p.item() if isinstance(p, _np.ndarray) else p] * n for p in params]
        out = [fn(src, *args) for args in zip(*cols)] if cols else [fn(src) for _ in range(n)]
    finally:
        src.close()
    return out


# ------------------------------------------------------------------ gamma family

def standard_gamma1(src, shape):
    if shape == 1.0:
        return src.exponential()
    if shape == 0.0:
        return 0.0
    if shape < 1.0:
        while True:
            u = src.double()
            v = src.exponential()
            if u <= 1.0 - shape:
                x = u ** (1.0 / shape)
                if x <= v:
                    return x
            else:
                y = -log((1 - u) / shape)
                x = (1.0 - shape + shape * y) ** (1.0 / shape)
                if x <= v + y:
                    return x
    b = shape - 1.0 / 3.0
    c = 1.0 / sqrt(9 * b)
    while True:
        while True:
            x = src.normal()
            v = 1.0 + c * x
            if v > 0.0:
                break
        v = v * v * v
        u = src.double()
        if u < 1.0 - 0.0331 * (x * x) * (x * x):
            return b * v
        if log(u) < 0.5 * x * x + b * (1.0 - v + log(v)) if u > 0.0 else True:
            return b * v


def beta1_legacy(src, a, b):
    if a <= 1.0 and b <= 1.0:
        while True:
            u, v = src.double(), src.double()
            x, y = u ** (1.0 / a), v ** (1.0 / b)
            if x + y <= 1.0:
                if x + y > 0:
                    return x / (x + y)
                lx, ly = log(u) / a, log(v) / b
                lm = max(lx, ly)
                lx, ly = lx - lm, ly - lm
                return exp(lx - log(exp(lx) + exp(ly)))
    ga = standard_gamma1(src, a)
    gb = standard_gamma1(src, b)
    return ga / (ga + gb)


def beta1(src, a, b):
    if a <= 1.0 and b <= 1.0:
        if a < 3e-103 and b < 3e-103:
            return 1.0 if src.double() < a / (a + b) else 0.0
        while True:
            u, v = src.double(), src.double()
            x, y = u ** (1.0 / a), v ** (1.0 / b)
            xpy = x + y
            if xpy <= 1.0 and u + v > 0.0:
                if xpy > 0:
                    return x / xpy
                lx, ly = log(u) / a, log(v) / b
                lm = max(lx, ly)
                lx, ly = lx - lm, ly - lm
                return exp(lx - log(exp(lx) + exp(ly)))
    ga = standard_gamma1(src, a)
    gb = standard_gamma1(src, b)
    return ga / (ga + gb)


def chisquare1(src, df):
    return 2.0 * standard_gamma1(src, df / 2.0)


def f1(src, dfnum, dfden):
    return (chisquare1(src, dfnum) * dfden) / (chisquare1(src, dfden) * dfnum)


def standard_t1(src, df):
    num = src.normal()
    denom = standard_gamma1(src, df / 2)
    return sqrt(df / 2) * num / sqrt(denom)


def noncentral_chisquare1(src, df, nonc):
    if nonc == 0:
        return chisquare1(src, df)
    if 1 < df:
        chi2 = chisquare1(src, df - 1)
        n = src.normal() + sqrt(nonc)
        return chi2 + n * n
    i = poisson1(src, nonc / 2.0)
    return chisquare1(src, df + 2 * i)


def noncentral_f1(src, dfnum, dfden, nonc):
    t = noncentral_chisquare1(src, dfnum, nonc) * dfden
    return t / (chisquare1(src, dfden) * dfnum)


def wald1(src, mean, scale):
    mu_2l = mean / (2 * scale)
    y = src.normal()
    y = mean * y * y
    x = mean + mu_2l * (y - sqrt(4 * scale * y + y * y))
    u = src.double()
    return x if u <= mean / (mean + x) else mean * mean / x


def vonmises1(src, mu, kappa):
    if kappa < 1e-8:
        return math.pi * (2 * src.double() - 1)
    if kappa < 1e-5:
        s = 1.0 / kappa + kappa
    elif kappa <= 1e6:
        r = 1 + sqrt(1 + 4 * kappa * kappa)
        rho = (r - sqrt(2 * r)) / (2 * kappa)
        s = (1 + rho * rho) / (2 * rho)
    else:
        result = mu + sqrt(1.0 / kappa) * src.normal()
        if result < -math.pi:
            result += 2 * math.pi
        if result > math.pi:
            result -= 2 * math.pi
        return result
    while True:
        u = src.double()
        z = math.cos(math.pi * u)
        w = (1 + s * z) / (s + z)
        y = kappa * (s - w)
        v = src.double()
        if y * (2 - y) - v >= 0 or log(y / v) + 1 - y >= 0:
            break
    u = src.double()
    result = math.acos(w)
    if u < 0.5:
        result = -result
    result += mu
    neg = result < 0
    mod = math.fmod(abs(result), 2 * math.pi)
    if neg:
        mod *= -1
    return mod


# ------------------------------------------------------------------ discrete

_LOGGAM_A = (8.333333333333333e-02, -2.777777777777778e-03, 7.936507936507937e-04,
             -5.952380952380952e-04, 8.417508417508418e-04, -1.917526917526918e-03,
             6.410256410256410e-03, -2.955065359477124e-02, 1.796443723688307e-01,
             -1.39243221690590e+00)


def loggam(x):
    """log Gamma(x) by the Stirling series (coefficients B_2k / (2k (2k-1)))."""
    if x == 1.0 or x == 2.0:
        return 0.0
    n = int(7 - x) if x < 7.0 else 0
    x0 = x + n
    x2 = (1.0 / x0) * (1.0 / x0)
    gl0 = _LOGGAM_A[9]
    for k in range(8, -1, -1):
        gl0 = gl0 * x2 + _LOGGAM_A[k]
    gl = gl0 / x0 + 0.5 * 1.8378770664093453 + (x0 - 0.5) * log(x0) - x0
    if x < 7.0:
        for _ in range(n):
            gl -= log(x0 - 1.0)
            x0 -= 1.0
    return gl


def _c_int64(x):
    """C's (int64_t) cast of a double as x86-64 does it: out of range or NaN -> INT64_MIN."""
    if x != x or not -9.223372036854776e18 <= x < 9.223372036854776e18:
        return -9223372036854775808
    return int(x)


def poisson1(src, lam):
    if lam >= 10:
        slam = sqrt(lam)
        loglam = log(lam)
        b = 0.931 + 2.53 * slam
        a = -0.059 + 0.02483 * b
        invalpha = 1.1239 + 1.1328 / (b - 3.4)
        vr = 0.9277 - 3.6224 / (b - 2)
        while True:
            u = src.double() - 0.5
            v = src.double()
            us = 0.5 - abs(u)
            k = _c_int64(floor((2 * a / us + b) * u + lam + 0.43)) if us > 0 else -1
            if us >= 0.07 and v <= vr:
                return k
            if k < 0 or (us < 0.013 and v > us):
                continue
            lv = log(v) if v > 0 else -math.inf
            if lv + log(invalpha) - log(a / (us * us) + b) <= -lam + k * loglam - loggam(k + 1):
                return k
    if lam == 0:
        return 0
    enlam = exp(-lam)
    x, prod = 0, 1.0
    while True:
        prod *= src.double()
        if prod > enlam:
            x += 1
        else:
            return x


def _binomial_inversion(src, n, p):
    q = 1.0 - p
    qn = exp(n * log(q))
    np_ = n * p
    bound = int(min(n, np_ + 10.0 * sqrt(np_ * q + 1)))
    x, px = 0, qn
    u = src.double()
    while u > px:
        x += 1
        if x > bound:
            x, px = 0, qn
            u = src.double()
        else:
            u -= px
            px = ((n - x + 1) * p * px) / (x * q)
    return x


def _binomial_btpe(src, n, p):
    """Kachitvichyanukul & Schmeiser (1988), algorithm BTPE."""
    r = min(p, 1.0 - p)
    q = 1.0 - r
    fm = n * r + r
    m = _c_int64(floor(fm))
    p1 = floor(2.195 * sqrt(n * r * q) - 4.6 * q) + 0.5
    xm = m + 0.5
    xl = xm - p1
    xr = xm + p1
    c = 0.134 + 20.5 / (15.3 + m)
    a = (fm - xl) / (fm - xl * r)
    laml = a * (1.0 + a / 2.0)
    a = (xr - fm) / (xr * q)
    lamr = a * (1.0 + a / 2.0)
    p2 = p1 * (1.0 + 2.0 * c)
    p3 = p2 + c / laml
    p4 = p3 + c / lamr
    while True:
        u = src.double() * p4
        v = src.double()
        if u <= p1:
            y = _c_int64(floor(xm - p1 * v + u))
            break
        if u <= p2:
            x = xl + (u - p1) / c
            v = v * c + 1.0 - abs(m - x + 0.5) / p1
            if v > 1.0:
                continue
            y = _c_int64(floor(x))
        elif u > p3:
            y = _c_int64(floor(xr - log(v) / lamr))
            if y > n:
                continue
            v = v * (u - p3) * lamr
        else:
            y = _c_int64(floor(xl + log(v) / laml))
            if y < 0:
                continue
            v = v * (u - p2) * laml
        k = abs(y - m)
        if k <= 20 or k >= (n * r * q) / 2 - 1:
            s = r / q
            a = s * (n + 1)
            f = 1.0
            if m < y:
                for i in range(m + 1, y + 1):
                    f *= a / i - s
            elif m > y:
                for i in range(y + 1, m + 1):
                    f /= a / i - s
            if v > f:
                continue
            break
        rho = (k / (n * r * q)) * ((k * (k / 3.0 + 0.625) + 0.1666666666666) / (n * r * q) + 0.5)
        t = -k * k / (2 * n * r * q)
        av = log(v)
        if av < t - rho:
            break
        if av > t + rho:
            continue
        x1 = y + 1
        f1_ = m + 1
        z = n + 1 - m
        w = n - y + 1
        x2, f2, z2, w2 = x1 * x1, f1_ * f1_, z * z, w * w
        bound = (xm * log(f1_ / x1) + (n - m + 0.5) * log(z / w) + (y - m) * log(w * r / (x1 * q))
                 + (13680. - (462. - (132. - (99. - 140. / f2) / f2) / f2) / f2) / f1_ / 166320.
                 + (13680. - (462. - (132. - (99. - 140. / z2) / z2) / z2) / z2) / z / 166320.
                 + (13680. - (462. - (132. - (99. - 140. / x2) / x2) / x2) / x2) / x1 / 166320.
                 + (13680. - (462. - (132. - (99. - 140. / w2) / w2) / w2) / w2) / w / 166320.)
        if av > bound:
            continue
        break
    if p > 0.5:
        y = n - y
    return y


def binomial1(src, n, p):
    if n == 0 or p == 0.0:
        return 0
    if p <= 0.5:
        if p * n <= 30.0:
            return _binomial_inversion(src, n, p)
        return _binomial_btpe(src, n, p)
    q = 1.0 - p
    if q * n <= 30.0:
        return n - _binomial_inversion(src, n, q)
    return _binomial_btpe(src, n, p)


def geometric1(src, p):
    if p >= 0.333333333333333333333333:
        x, s, prod, q = 1, p, p, 1.0 - p
        u = src.double()
        while u > s:
            prod *= q
            s += prod
            x += 1
        return x
    z = ceil(-src.exponential() / log1p(-p))
    return 9223372036854775807 if z >= 9.223372036854776e+18 else _c_int64(z)


def geometric1_legacy(src, p):
    if p >= 0.333333333333333333333333:
        return geometric1(src, p)
    return _c_int64(ceil(log(1.0 - src.double()) / log(1.0 - p)))


def negative_binomial1(src, n, p):
    y = standard_gamma1(src, n) * ((1 - p) / p if p else math.inf)
    return poisson1(src, y)


def logseries1(src, p):
    r = log1p(-p)
    while True:
        v = src.double()
        if v >= p:
            return 1
        u = src.double()
        q = -expm1(r * u)
        if v <= q * q:
            result = _c_int64(floor(1 + log(v) / log(q)))
            if result < 1 or v == 0.0:
                continue
            return result
        if v >= q:
            return 1
        return 2


def zipf1_legacy(src, a):
    am1 = a - 1.0
    b = 2.0 ** am1
    while True:
        u = 1.0 - src.double()
        v = src.double()
        x = floor(u ** (-1.0 / am1)) if u > 0 else math.inf
        if x > 9223372036854775807 or x < 1.0:
            continue
        t = (1.0 + 1.0 / x) ** am1
        if v * x * (t - 1.0) / (b - 1.0) <= t / b:
            return int(x)


def zipf1(src, a):
    """Devroye's rejection method with U bounded away from 0 (Generator.zipf)."""
    if a >= 1025:
        return 1
    am1 = a - 1.0
    b = 2.0 ** am1
    umin = 9223372036854775807.0 ** -am1
    while True:
        u01 = src.double()
        u = u01 * umin + (1 - u01)
        v = src.double()
        x = floor(u ** (-1.0 / am1))
        if x > 9223372036854775807 or x < 1.0:
            continue
        t = (1.0 + 1.0 / x) ** am1
        if v * x * (t - 1.0) / (b - 1.0) <= t / b:
            return int(x)


def hypergeometric1(src, good, bad, sample):
    """Sequential draws without replacement for small samples; HRUA-free simple method
    (statistically exact; not NumPy's stream)."""
    total = good + bad
    if sample > total // 2:
        return good - hypergeometric1(src, good, bad, total - sample)
    g, t, k = good, total, 0
    for _ in range(sample):
        if src.double() * t < g:
            k += 1
            g -= 1
        t -= 1
    return k
