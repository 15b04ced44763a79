"""Bessel-type kernels of torch.special in core ops, evaluated in float64 (callers cast):
J0, J1, Y0, Y1, K0, K1 (and e^x K), the Airy function Ai and the spherical j0.

Methods (all from the standard literature, e.g. Abramowitz & Stegun ch. 9 and 10):
  * small arguments: the ascending series (A&S 9.1.10-11, 9.6.10-11), summed by Horner in
    t = x^2 / 4 with precomputed coefficients;
  * J, Y for x > 16: Hankel's asymptotic expansion (A&S 9.2.5-10);
  * K_nu for 2 < x <= 18: the integral e^x K_nu(x) = int_0^inf exp(-x (cosh u - 1)) cosh(nu u)
    du by the trapezoidal rule (spectrally accurate for this analytic, fast-decaying
    integrand); above 18 its asymptotic expansion (A&S 9.7.2);
  * Ai: Maclaurin series for -8 <= x <= 2.08, Ai(x) = sqrt(x/3) K_{1/3}(2/3 x^1.5) / pi above,
    the oscillatory asymptotic expansion (A&S 10.4.60) below -8.
Special values follow torch (Y, K: nan for x < 0, -inf / inf at 0; Y(inf) and Ai(+-inf) nan).
"""
from __future__ import annotations

import math

from ... import core as C

_EULER = 0.57721566490153286061
_TERMS = 40


def _horner(coefs, t):
    """sum_k coefs[k] t^k."""
    s = C.full_like(t, coefs[-1])
    for c in reversed(coefs[:-1]):
        s = C.add(C.multiply(s, t), c)
    return s


def _harmonic(k):
    return sum(1.0 / j for j in range(1, k + 1))


# series coefficients in t = x^2 / 4 (sign s = -1 for J/Y, +1 for I/K)
def _plain(nu, s):
    """sum_k s^k t^k / (k! (k + nu)!): J_nu, I_nu without the (x/2)^nu factor."""
    return [s ** k / (math.factorial(k) * math.factorial(k + nu)) for k in range(_TERMS)]


def _psi_sum(nu, s):
    """sum_k s^k (psi(k+1) + psi(k+nu+1)) t^k / (k! (k+nu)!)."""
    return [s ** k * (_harmonic(k) + _harmonic(k + nu) - 2 * _EULER)
            / (math.factorial(k) * math.factorial(k + nu)) for k in range(_TERMS)]


_J0S, _J1S = _plain(0, -1), _plain(1, -1)
_I0S, _I1S = _plain(0, 1), _plain(1, 1)
_Y0S, _Y1S = _psi_sum(0, -1), _psi_sum(1, -1)
_K0S, _K1S = _psi_sum(0, 1), _psi_sum(1, 1)


def _quarter_sq(x):
    return C.multiply(C.multiply(x, x), 0.25)


def _j_series(x, nu):
    s = _horner(_J0S if nu == 0 else _J1S, _quarter_sq(x))
    return s if nu == 0 else C.multiply(C.multiply(x, 0.5), s)


def _y_series(x, nu):
    """Y_nu(x), x > 0 (A&S 9.1.11)."""
    t = _quarter_sq(x)
    log_half = C.log(C.multiply(x, 0.5))
    j = _j_series(x, nu)
    if nu == 0:
        return C.multiply(2.0 / math.pi, C.subtract(C.multiply(log_half, j),
                                                    C.multiply(_horner(_Y0S, t), 0.5)))
    first = C.divide(-2.0 / math.pi, x)
    tail = C.multiply(C.multiply(x, 0.5 / math.pi), _horner(_Y1S, t))
    return C.subtract(C.add(first, C.multiply(2.0 / math.pi, C.multiply(log_half, j))), tail)


def _k_series(x, nu):
    """K_nu(x), x > 0 (A&S 9.6.11)."""
    t = _quarter_sq(x)
    log_half = C.log(C.multiply(x, 0.5))
    if nu == 0:
        i0 = _horner(_I0S, t)
        return C.add(C.negative(C.multiply(log_half, i0)), C.multiply(_horner(_K0S, t), 0.5))
    half_x = C.multiply(x, 0.5)
    i1 = C.multiply(half_x, _horner(_I1S, t))
    tail = C.multiply(C.multiply(half_x, 0.5), _horner(_K1S, t))
    return C.subtract(C.add(C.divide(1.0, x), C.multiply(log_half, i1)), tail)


# ------------------------------------------------------------------ asymptotic expansions

def _hankel_coefs(nu, n):
    """a_k(nu) = prod_{j<=k} (4 nu^2 - (2j-1)^2) / (k! 8^k), k < n."""
    out = [1.0]
    for k in range(1, n):
        out.append(out[-1] * (4 * nu * nu - (2 * k - 1) ** 2) / (k * 8.0))
    return out


_HANKEL_TERMS = 16   # 32 coefficients: the expansion's smallest term near x = 16 is ~1e-14


def _hankel_pq(x, nu):
    """Hankel's P and Q (A&S 9.2.9-10) for x > 0."""
    a = _hankel_coefs(nu, 2 * _HANKEL_TERMS)
    r2 = C.divide(1.0, C.multiply(x, x))
    p = _horner([a[2 * k] * (-1) ** k for k in range(_HANKEL_TERMS)], r2)
    q = _horner([a[2 * k + 1] * (-1) ** k for k in range(_HANKEL_TERMS)], r2)
    return p, C.divide(q, x)


def _hankel(x, nu, second):
    """J_nu (second=False) or Y_nu (second=True) for large x > 0."""
    p, q = _hankel_pq(x, nu)
    chi = C.subtract(x, (nu / 2 + 0.25) * math.pi)
    amp = C.sqrt(C.divide(2.0 / math.pi, x))
    c, s = C.cos(chi), C.sin(chi)
    if second:
        return C.multiply(amp, C.add(C.multiply(p, s), C.multiply(q, c)))
    return C.multiply(amp, C.subtract(C.multiply(p, c), C.multiply(q, s)))


_K_ASYM_TERMS = 30


def _k_scaled_asym(x, nu):
    """e^x K_nu(x) for large x (A&S 9.7.2)."""
    a = _hankel_coefs(nu, _K_ASYM_TERMS)
    return C.multiply(C.sqrt(C.divide(math.pi / 2, x)), _horner(a, C.divide(1.0, x)))


# e^x K_nu(x) = int_0^inf exp(-x (cosh u - 1)) cosh(nu u) du, trapezoidal rule
_QUAD_STEP = 0.15
_QUAD_NODES = 28


def _k_scaled_quad(x, nu):
    total = C.full_like(x, 0.5)
    for j in range(1, _QUAD_NODES + 1):
        u = j * _QUAD_STEP
        w = math.cosh(nu * u)
        total = C.add(total, C.multiply(C.exp(C.multiply(x, -(math.cosh(u) - 1.0))), w))
    return C.multiply(total, _QUAD_STEP)


# ------------------------------------------------------------------ piecewise assembly

_JY_CUT = 16.0
_K_SERIES_CUT = 2.0
_K_ASYM_CUT = 18.0


def _split(x, cut):
    """(x where x <= cut else a safe stand-in, x where x > cut else a safe stand-in)."""
    big = C.greater(x, cut)
    return big, C.where(big, C.full_like(x, cut / 2), x), C.where(big, x, C.full_like(x, 2 * cut))


def bessel_j(nu):
    def j(x):
        ax = C.abs(x)
        big, lo, hi = _split(ax, _JY_CUT)
        r = C.where(big, _hankel(hi, nu, False), _j_series(lo, nu))
        return C.where(C.less(x, 0), C.negative(r), r) if nu == 1 else r
    return j


def bessel_y(nu):
    def y(x):
        big, lo, hi = _split(C.where(C.greater(x, 0), x, C.ones_like(x)), _JY_CUT)
        r = C.where(big, _hankel(hi, nu, True), _y_series(lo, nu))
        r = C.where(C.equal(x, 0), C.full_like(x, -math.inf), r)
        bad = C.logical_or(C.logical_or(C.less(x, 0), C.isinf(x)), C.isnan(x))
        return C.where(bad, C.full_like(x, math.nan), r)
    return y


def _k_scaled_positive(x, nu):
    """e^x K_nu(x) for x > 2 (quadrature up to 18, asymptotic beyond)."""
    big, mid, hi = _split(x, _K_ASYM_CUT)
    return C.where(big, _k_scaled_asym(hi, nu), _k_scaled_quad(mid, nu))


def bessel_k(nu, scaled):
    def k(x):
        pos = C.where(C.greater(x, 0), x, C.ones_like(x))
        big, lo, hi = _split(pos, _K_SERIES_CUT)
        small = _k_series(lo, nu)
        large = _k_scaled_positive(hi, nu)
        if scaled:
            small = C.multiply(small, C.exp(lo))
        else:
            large = C.multiply(large, C.exp(C.negative(hi)))
        r = C.where(big, large, small)
        r = C.where(C.equal(x, 0), C.full_like(x, math.inf), r)
        return C.where(C.logical_or(C.less(x, 0), C.isnan(x)), C.full_like(x, math.nan), r)
    return k


# ------------------------------------------------------------------ Airy Ai

_AI0 = 1.0 / (3.0 ** (2.0 / 3.0) * math.gamma(2.0 / 3.0))    # Ai(0)
_AIP0 = 1.0 / (3.0 ** (1.0 / 3.0) * math.gamma(1.0 / 3.0))   # -Ai'(0)
_AIRY_TERMS = 48


def _airy_series_coefs():
    f, g = [1.0], [1.0]
    for k in range(_AIRY_TERMS - 1):
        f.append(f[-1] / ((3 * k + 2) * (3 * k + 3)))
        g.append(g[-1] / ((3 * k + 3) * (3 * k + 4)))
    return f, g


_AIRY_F, _AIRY_G = _airy_series_coefs()


def _airy_series(x):
    z = C.multiply(C.multiply(x, x), x)
    return C.subtract(C.multiply(_horner(_AIRY_F, z), _AI0),
                      C.multiply(C.multiply(_horner(_AIRY_G, z), x), _AIP0))


def _airy_u(n):
    """u_k of the Airy asymptotic expansions (A&S 10.4.58), k < n."""
    u = [1.0]
    for k in range(1, n):
        u.append(u[-1] * (6 * k - 5) * (6 * k - 3) * (6 * k - 1) / ((2 * k - 1) * 216.0 * k))
    return u


_AIRY_OSC_TERMS = 15
_U = _airy_u(2 * _AIRY_OSC_TERMS)


def _airy_oscillating(z):
    """Ai(-z) for large z > 0 (A&S 10.4.60)."""
    zeta = C.multiply(C.multiply(z, C.sqrt(z)), 2.0 / 3.0)
    r2 = C.divide(1.0, C.multiply(zeta, zeta))
    p = _horner([_U[2 * k] * (-1) ** k for k in range(_AIRY_OSC_TERMS)], r2)
    q = C.divide(_horner([_U[2 * k + 1] * (-1) ** k for k in range(_AIRY_OSC_TERMS)], r2), zeta)
    phase = C.add(zeta, math.pi / 4)
    amp = C.divide(1.0 / math.sqrt(math.pi), C.sqrt(C.sqrt(z)))
    return C.multiply(amp, C.subtract(C.multiply(C.sin(phase), p), C.multiply(C.cos(phase), q)))


_AIRY_POS_CUT = 3.0 ** (2.0 / 3.0)   # zeta = 2
_AIRY_NEG_CUT = -8.0


def _airy_decaying(x):
    """Ai(x) = sqrt(x/3) K_{1/3}(zeta) / pi, zeta = 2/3 x^1.5, for x > 2.08."""
    zeta = C.multiply(C.multiply(x, C.sqrt(x)), 2.0 / 3.0)
    ke = _k_scaled_positive(zeta, 1.0 / 3.0)
    return C.multiply(C.multiply(C.sqrt(C.divide(x, 3.0)), ke),
                      C.divide(C.exp(C.negative(zeta)), math.pi))


def airy_ai(x):
    pos = C.greater(x, _AIRY_POS_CUT)
    neg = C.less(x, _AIRY_NEG_CUT)
    mid = C.where(C.logical_or(pos, neg), C.zeros_like(x), x)
    r = _airy_series(mid)
    r = C.where(pos, _airy_decaying(C.where(pos, x, C.full_like(x, 4.0))), r)
    r = C.where(neg, _airy_oscillating(C.where(neg, C.negative(x), C.full_like(x, 16.0))), r)
    return C.where(C.isinf(x), C.full_like(x, math.nan), r)


# ------------------------------------------------------------------ spherical j0

def spherical_j0(x):
    """sin(x) / x; 1 at 0, 0 at +-inf."""
    zero = C.equal(x, 0)
    r = C.divide(C.sin(x), C.where(zero, C.ones_like(x), x))
    r = C.where(zero, C.ones_like(x), r)
    return C.where(C.isinf(x), C.zeros_like(x), r)
