"""Special functions for the NumPy backend (no SciPy): float64 internally, cast back.

erf, erfc and lgamma map Python's correctly rounded-ish `math` functions over the
elements; the others are vectorized series / asymptotic expansions accurate to a few
ulps in float64 (digamma, polygamma via the Hurwitz zeta function, the modified Bessel
functions), and Newton iterations on erf/erfc for erfinv and ndtri.
"""
import math
from fractions import Fraction

import numpy as np

from ._base import FROM

_F64 = np.dtype(np.float64)


def _in(x):
    """(float64 array, output dtype): floating inputs keep their dtype, others give float64."""
    x = np.asarray(x)
    d = FROM.get(x.dtype)
    out = x.dtype if d is not None and d.kind == "f" else _F64
    return x.astype(np.float64, copy=False), out


def _map(fn, x):
    x64, out = _in(x)
    flat = x64.ravel().tolist()
    r = np.fromiter(map(fn, flat), np.float64, count=len(flat)).reshape(x64.shape)
    return r.astype(out, copy=False)


def _lgamma1(v):
    try:
        return math.lgamma(v)
    except (ValueError, OverflowError):  # the poles, and overflow
        return math.inf


def _erf64(a):
    flat = a.ravel().tolist()
    return np.fromiter(map(math.erf, flat), np.float64, count=len(flat)).reshape(a.shape)


def _erfc64(a):
    flat = a.ravel().tolist()
    return np.fromiter(map(math.erfc, flat), np.float64, count=len(flat)).reshape(a.shape)


def erf(x):
    return _map(math.erf, x)


def erfc(x):
    return _map(math.erfc, x)


def lgamma(x):
    return _map(_lgamma1, x)


# ---------------------------------------------------------------- inverse error functions

_WA = 0.147  # Winitzki's approximation constant (a few 1e-3 relative): Newton's start


def _winitzki(log1mx2):
    t = 2.0 / (math.pi * _WA) + 0.5 * log1mx2
    return np.sqrt(np.maximum(np.sqrt(t * t - log1mx2 / _WA) - t, 0.0))


def _log_erfc64(y):
    """log(erfc(y)) for y >= 0, by the asymptotic series where erfc(y) nears underflow."""
    e = _erfc64(y)
    big = e < 1e-280  # y > 25
    t = np.where(big, y, 30.0)
    r = 1.0 / (2.0 * t * t)
    s = np.ones_like(t)
    term = np.ones_like(t)
    for k in range(1, 12):  # sum (-1)^k (2k-1)!! / (2 y^2)^k
        term = term * (-(2 * k - 1)) * r
        s = s + term
    asym = -t * t - np.log(t * math.sqrt(math.pi)) + np.log(s)
    return np.where(big, asym, np.log(np.where(big, 1.0, e)))


def _erfcinv_upper(c):
    """y >= 0 with erfc(y) = c for c in (0, 1] (float64 arrays)."""
    c = np.clip(c, 5e-324, 1.0)
    y = _winitzki(np.log(c * (2.0 - c)))
    logc = np.log(c)
    for _ in range(7):
        # Newton on log(erfc(y)) = log(c); erfc(y) exp(y^2) formed in log space
        le = _log_erfc64(y)
        y = y + (le - logc) * (0.5 * math.sqrt(math.pi)) * np.exp(le + y * y)
        y = np.maximum(y, 0.0)
    return y


def _erfinv_small(x):
    """erfinv for |x| <= 0.5 (Newton on erf)."""
    y = np.copysign(_winitzki(np.log1p(-x * x)), x)
    for _ in range(5):
        y = y - (_erf64(y) - x) * (0.5 * math.sqrt(math.pi)) * np.exp(y * y)
    return y


def _erfcinv64(c):
    """y with erfc(y) = c for c in [0, 2]; +inf at 0, -inf at 2, nan outside."""
    with np.errstate(all="ignore"):
        mid = (c >= 0.5) & (c <= 1.5)
        ys = _erfinv_small(np.where(mid, 1.0 - c, 0.0))  # 1 - c is exact there
        lo = c < 0.5
        up = _erfcinv_upper(np.where(lo, c, np.where(mid, 0.5, 2.0 - c)))  # 2 - c is exact on [1, 2]
        y = np.where(mid, ys, np.where(lo, up, -up))
        y = np.where(c == 0.0, np.inf, np.where(c == 2.0, -np.inf, y))
        return np.where((c >= 0.0) & (c <= 2.0), y, np.nan)


def erfinv(x):
    x64, out = _in(x)
    with np.errstate(all="ignore"):
        ax = np.abs(x64)
        small = ax <= 0.5
        s = _erfinv_small(np.where(small, x64, 0.0))
        big = np.copysign(_erfcinv64(np.where(small, 0.5, 1.0 - ax)), x64)  # 1 - |x| is exact here
        r = np.where(small, s, big)
        r = np.where(np.isnan(x64) | (ax > 1.0), np.nan, r)
    return r.astype(out, copy=False)


def ndtri(x):
    x64, out = _in(x)
    r = -math.sqrt(2.0) * _erfcinv64(2.0 * x64)
    return r.astype(out, copy=False)


# ---------------------------------------------------------------- digamma, polygamma


def _bernoulli(m):
    """B_0..B_m (B_1 = -1/2) as Fractions."""
    b = [Fraction(1)]
    for k in range(1, m + 1):
        b.append(-sum(math.comb(k + 1, j) * b[j] for j in range(k)) / (k + 1))
    return b


_B = _bernoulli(26)
_J = 12  # asymptotic terms
_PSI_COEF = [float(_B[2 * j] / (2 * j)) for j in range(1, _J + 1)]  # B_2j / 2j


def _psi_pos(x):
    """digamma for x >= 0 (x float64 array, may hold +0 -> -inf)."""
    y = x.copy()
    acc = np.zeros_like(y)
    for _ in range(10):
        m = y < 10.0
        acc = acc + np.where(m, 1.0 / np.where(m, y, 1.0), 0.0)
        y = np.where(m, y + 1.0, y)
    r = 1.0 / (y * y)
    s = 0.0
    for c in reversed(_PSI_COEF):
        s = (s + c) * r
    return np.log(y) - 0.5 / y - s - acc


def _cot_pi(x):
    """cot(pi x) with exact argument reduction (inf where x is an integer)."""
    r = x - np.round(x)
    return 1.0 / np.tan(math.pi * r), r == 0.0


def _digamma64(x):
    with np.errstate(all="ignore"):
        neg = np.signbit(x)
        pos = _psi_pos(np.where(neg, 1.0 - x, x))  # 1 - x for the reflection
        cot, _ = _cot_pi(x)
        r = np.where(neg, pos - math.pi * cot, pos)
        r = np.where(x == 0.0, np.where(neg, np.inf, -np.inf), r)  # psi(-0) = +inf
        return np.where(neg & (x == np.floor(x)) & (x != 0.0), np.nan, r)


def digamma(x):
    x64, out = _in(x)
    return _digamma64(x64).astype(out, copy=False)


def _zeta_coef(s):
    """Euler-Maclaurin tail coefficients of the Hurwitz zeta function zeta(s, y), int s >= 2."""
    cs = []
    rising = Fraction(s)  # (s)_(2j-1)
    for j in range(1, _J + 1):
        cs.append(float(_B[2 * j] / math.factorial(2 * j) * rising))
        rising *= (s + 2 * j - 1) * (s + 2 * j)
    return cs


def _zeta_pos(s, x):
    """Hurwitz zeta(s, x) for int s >= 2 and x >= 0 (inf at 0)."""
    big = 12.0 + s
    y = x.copy()
    acc = np.zeros_like(y)
    for _ in range(int(big)):
        m = y < big
        acc = acc + np.where(m, np.where(m, y, 1.0) ** -s, 0.0)
        y = np.where(m, y + 1.0, y)
    r = 1.0 / (y * y)
    t = 0.0
    for c in reversed(_zeta_coef(s)):
        t = (t + c) * r
    tail = y ** -s * (y / (s - 1) + 0.5 + t * y)
    return acc + tail


def _cot_derivative_poly(n):
    """Integer coefficients (lowest first) of P_n with d^n/du^n cot(u) = P_n(cot(u))."""
    p = [0, 1]
    for _ in range(n):
        d = [k * p[k] for k in range(1, len(p))]  # P'
        q = [0] * (len(d) + 2)
        for k, v in enumerate(d):  # -(1 + c^2) P'
            q[k] -= v
            q[k + 2] -= v
        p = q
    return p


def _horner(coefs, c):
    s = np.zeros_like(c) + coefs[-1]
    for a in reversed(coefs[:-1]):
        s = s * c + a
    return s


def _check_n(n):
    if isinstance(n, bool) or not isinstance(n, (int, np.integer)):
        raise TypeError(f"unify.core.polygamma: n must be a Python int, got {type(n).__name__}")
    if n < 0:
        raise ValueError(f"unify.core.polygamma: n must be >= 0, got {n}")
    return int(n)


def polygamma(n, x):
    n = _check_n(n)
    x64, out = _in(x)
    if n == 0:
        return _digamma64(x64).astype(out, copy=False)
    sign = -1.0 if n % 2 == 0 else 1.0  # (-1)^(n+1)
    with np.errstate(all="ignore"):
        neg = np.signbit(x64)
        z = sign * math.factorial(n) * _zeta_pos(n + 1, np.where(neg, 1.0 - x64, x64))
        cot, pole = _cot_pi(x64)
        refl = (-1.0) ** n * z - math.pi ** (n + 1) * _horner(_cot_derivative_poly(n), cot)
        r = np.where(neg, refl, z)
        r = np.where(pole & (x64 <= 0.0), sign * np.inf, r)
    return r.astype(out, copy=False)


# ---------------------------------------------------------------- modified Bessel functions

_BESSEL_CUT = 20.0


def _bessel(x, nu, scaled):
    x64, out = _in(x)
    with np.errstate(all="ignore"):
        ax = np.abs(x64)
        small = ax <= _BESSEL_CUT
        # power series sum (x/2)^(2k+nu) / (k! (k+nu)!), all terms positive
        xs = np.where(small, ax, 0.0)
        q = 0.25 * xs * xs
        t = np.ones_like(xs) if nu == 0 else 0.5 * xs
        s = t
        for k in range(1, 50):
            t = t * q / (k * (k + nu))
            s = s + t
        if scaled:
            s = s * np.exp(-xs)
        # asymptotic expansion e^x / sqrt(2 pi x) sum_k (-1)^k prod_j (4nu^2 - (2j-1)^2) / (k! (8x)^k)
        xl = np.where(small, 2.0 * _BESSEL_CUT, ax)
        mu = 4.0 * nu * nu
        tk = np.ones_like(xl)
        a = tk
        for k in range(1, 40):
            tk = tk * (-(mu - (2 * k - 1) ** 2)) / (k * 8.0 * xl)
            a = a + tk
        if scaled:
            big = a / np.sqrt(2.0 * math.pi * xl)
        else:
            h = np.exp(0.5 * xl)  # e^x as h * h keeps the exponent exact and overflows late
            big = np.where(np.isinf(xl), np.inf, h * (h * (a / np.sqrt(2.0 * math.pi * xl))))
        r = np.where(small, s, big)
        if nu == 1:
            r = np.where(x64 < 0, -r, r)
    return r.astype(out, copy=False)


def i0(x):
    return _bessel(x, 0, False)


def i0e(x):
    return _bessel(x, 0, True)


def i1(x):
    return _bessel(x, 1, False)


def i1e(x):
    return _bessel(x, 1, True)


# ---------------------------------------------------------------- logistic


def sigmoid(x):
    x = np.asarray(x)
    d = FROM.get(x.dtype)
    if d is None or d.kind != "f":
        x = x.astype(np.float64)
    with np.errstate(over="ignore"):
        e = np.exp(-np.abs(x))
        return np.where(x >= 0, 1 / (1 + e), e / (1 + e))
