"""torch.special: the special functions, on the elementwise factories of _pointwise.

erfcx, zeta and the Bessel-type functions have no core op: they are composites (series,
quadrature and asymptotic expansions evaluated in float64, then cast to the input's dtype;
the Bessel kernels are in _bessel.py). The orthogonal polynomials (_polynomials.py) follow
torch's own recurrences in the input's dtype. gammainc/gammaincc are torch.igamma/igammac
(_igamma.py).
"""
from __future__ import annotations

import math

from ... import core as C
from . import _bessel as B
from . import _dtype as T
from . import _igamma
from . import _pointwise as P
from . import _polynomials as POLY
from ._api import public as _public, unsupported as _unsupported
from ._convert import finish
from ._tensor import _dim

__all__ = ["expit", "logit", "erf", "erfc", "erfcx", "erfinv", "ndtr", "ndtri", "log_ndtr", "i0",
           "i0e", "i1", "i1e", "xlogy", "xlog1py", "gammaln", "digamma", "psi", "polygamma",
           "multigammaln", "sinc", "round", "log1p", "expm1", "exp2", "entr", "logsumexp",
           "softmax", "log_softmax", "zeta", "bessel_j0", "bessel_j1", "bessel_y0", "bessel_y1",
           "modified_bessel_i0", "modified_bessel_i1", "modified_bessel_k0", "modified_bessel_k1",
           "scaled_modified_bessel_k0", "scaled_modified_bessel_k1", "airy_ai",
           "spherical_bessel_j0", "chebyshev_polynomial_t", "chebyshev_polynomial_u",
           "chebyshev_polynomial_v", "chebyshev_polynomial_w", "shifted_chebyshev_polynomial_t",
           "shifted_chebyshev_polynomial_u", "shifted_chebyshev_polynomial_v",
           "shifted_chebyshev_polynomial_w", "hermite_polynomial_h", "hermite_polynomial_he",
           "laguerre_polynomial_l", "legendre_polynomial_p", "gammainc", "gammaincc"]

_F64 = C.float64


def _in_f64(fn):
    """fn computed in float64 and cast back to the input's dtype."""
    def g(v):
        d = C.dtype_of(v)
        r = fn(v if d is _F64 else C.astype(v, _F64))
        return r if d is _F64 else C.astype(r, d)
    return g


# ------------------------------------------------------------------ erfcx

_ERFCX_CUT = 8.0
_ERFCX_TERMS = 20
_INV_SQRT_PI = 1.0 / math.sqrt(math.pi)


def _erfcx(x):
    """exp(x^2) erfc(x): directly below 8, above by the asymptotic series
    1/(x sqrt(pi)) * sum_k (-1)^k (2k-1)!! / (2x^2)^k."""
    big = C.greater(x, _ERFCX_CUT)
    lo = C.where(big, C.zeros_like(x), x)
    direct = C.multiply(C.exp(C.multiply(lo, lo)), C.erfc(lo))
    hi = C.where(big, x, C.full_like(x, 2 * _ERFCX_CUT))
    u = C.divide(0.5, C.multiply(hi, hi))
    s = C.ones_like(x)
    for k in range(_ERFCX_TERMS, 0, -1):  # Horner: 1 - u(1) (1 - 3u (1 - 5u ...))
        s = C.subtract(1.0, C.multiply(C.multiply(u, float(2 * k - 1)), s))
    asym = C.multiply(C.divide(_INV_SQRT_PI, hi), s)
    return C.where(big, asym, direct)


# ------------------------------------------------------------------ Hurwitz zeta

_ZETA_N = 9
# B_2j / (2j)! for j = 1..12
_B2J = [1 / 6, -1 / 30, 1 / 42, -1 / 30, 5 / 66, -691 / 2730, 7 / 6, -3617 / 510, 43867 / 798,
        -174611 / 330, 854513 / 138, -236364091 / 2730]
_ZETA_COEF = [b / math.factorial(2 * j + 2) for j, b in enumerate(_B2J)]


def _zeta(x, q):
    """Hurwitz zeta sum_k (q + k)^-x by Euler-Maclaurin: N terms, the integral, and 12
    Bernoulli corrections at w = q + N (N grows for negative q so that w > 9)."""
    n = _ZETA_N
    qmin = C.to_numpy(C.min(q)).item() if C.size(q) else 0.0
    if qmin == qmin and qmin < 0:
        n += min(int(math.ceil(-qmin)), 1 << 20)
    x, q = C.broadcast_arrays(x, q)
    s = C.zeros_like(x)
    for k in range(n):
        s = C.add(s, C.pow(C.add(q, float(k)), C.negative(x)))
    w = C.add(q, float(n))
    wx = C.pow(w, C.negative(x))
    s = C.add(s, C.divide(C.multiply(w, wx), C.subtract(x, 1.0)))
    s = C.add(s, C.multiply(wx, 0.5))
    # sum_j B_2j/(2j)! x (x+1) ... (x+2j-2) w^(-x-2j+1)
    fac = C.divide(x, w)  # x w^-1, times wx below
    inv_w2 = C.divide(1.0, C.multiply(w, w))
    corr = C.zeros_like(x)
    for j, c in enumerate(_ZETA_COEF):
        corr = C.add(corr, C.multiply(fac, c))
        fac = C.multiply(C.multiply(fac, C.multiply(C.add(x, 2.0 * j + 1), C.add(x, 2.0 * j + 2))),
                         inv_w2)
    s = C.add(s, C.multiply(corr, wx))
    inf, nan = C.full_like(x, math.inf), C.full_like(x, math.nan)
    q_int = C.equal(q, C.floor(q))
    x_int = C.equal(x, C.floor(x))
    s = C.where(C.logical_and(C.less_equal(q, 0), C.logical_not(x_int)), nan, s)
    s = C.where(C.logical_and(C.less_equal(q, 0), q_int), inf, s)
    s = C.where(C.less(x, 1.0), nan, s)
    # x = +inf as torch: 1 at q == 1, nan for q > 1, inf below
    one = C.ones_like(x)
    above = C.logical_or(C.greater(q, 1.0), C.isnan(q))
    s = C.where(C.equal(x, math.inf), C.where(C.equal(q, 1.0), one, C.where(above, nan, inf)), s)
    return C.where(C.equal(x, 1.0), inf, s)


def _zeta64(a, b):
    d = C.dtype_of(a)
    r = _zeta(C.astype(a, _F64), C.astype(b, _F64))
    return r if d is _F64 else C.astype(r, d)


# ------------------------------------------------------------------ the namespace

expit = P.unary(P._sigmoid, "float", "expit")
logit = P.logit
erf = P.unary(C.erf, "float", "erf", refuse="c")
erfc = P.unary(C.erfc, "float", "erfc", refuse="c")
erfcx = P.unary(_in_f64(_erfcx), "float", "erfcx", refuse="ch")
erfinv = P.unary(C.erfinv, "float", "erfinv", refuse="c")
ndtr = P.unary(C.ndtr, "float", "ndtr", refuse="c")
ndtri = P.unary(C.ndtri, "float", "ndtri", refuse="ch")
log_ndtr = P.unary(C.log_ndtr, "float", "log_ndtr", refuse="ch")
i0 = P.unary(P.nan_at_inf(C.i0), "float", "i0", refuse="c")
i0e = P.unary(C.i0e, "float", "i0e", refuse="c")
i1 = P.unary(P.nan_at_inf(C.i1), "float", "i1", refuse="c")
i1e = P.unary(C.i1e, "float", "i1e", refuse="c")
gammaln = P.unary(C.lgamma, "float", "gammaln", refuse="c")
digamma = psi = P.unary(P._digamma, "float", "digamma", refuse="c")
sinc = P.unary(C.sinc, "float", "sinc")
log1p = P.unary(C.log1p, "float", "log1p")
expm1 = P.unary(C.expm1, "float", "expm1")
exp2 = P.unary(C.exp2, "float", "exp2")
entr = P.unary(C.entr, "float", "entr", refuse="c")
bessel_j0 = P.unary(_in_f64(B.bessel_j(0)), "float", "bessel_j0", refuse="ch")
bessel_j1 = P.unary(_in_f64(B.bessel_j(1)), "float", "bessel_j1", refuse="ch")
bessel_y0 = P.unary(_in_f64(B.bessel_y(0)), "float", "bessel_y0", refuse="ch")
bessel_y1 = P.unary(_in_f64(B.bessel_y(1)), "float", "bessel_y1", refuse="ch")


def _bessel_i(core_fn, odd):
    """I0/I1 as torch's kernels: nan at +-inf, and +-inf where their factor exp(|x|)
    overflows the input's dtype (from |x| ~ 88.72 in float32)."""
    g = _in_f64(P.nan_at_inf(core_fn))

    def f(v):
        big = C.logical_and(C.isinf(C.exp(C.abs(v))), C.isfinite(v))
        inf = C.full_like(v, math.inf)
        if odd:
            inf = C.where(C.less(v, 0), C.negative(inf), inf)
        return C.where(big, inf, g(v))
    return f


modified_bessel_i0 = P.unary(_bessel_i(C.i0, False), "float", "modified_bessel_i0", refuse="ch")
modified_bessel_i1 = P.unary(_bessel_i(C.i1, True), "float", "modified_bessel_i1", refuse="ch")
modified_bessel_k0 = P.unary(_in_f64(B.bessel_k(0, False)), "float", "modified_bessel_k0",
                             refuse="ch")
modified_bessel_k1 = P.unary(_in_f64(B.bessel_k(1, False)), "float", "modified_bessel_k1",
                             refuse="ch")
scaled_modified_bessel_k0 = P.unary(_in_f64(B.bessel_k(0, True)), "float",
                                    "scaled_modified_bessel_k0", refuse="ch")
scaled_modified_bessel_k1 = P.unary(_in_f64(B.bessel_k(1, True)), "float",
                                    "scaled_modified_bessel_k1", refuse="ch")
airy_ai = P.unary(_in_f64(B.airy_ai), "float", "airy_ai", refuse="ch")
spherical_bessel_j0 = P.unary(_in_f64(B.spherical_j0), "float", "spherical_bessel_j0",
                              refuse="ch")
gammainc = _igamma.igamma
gammaincc = _igamma.igammac
xlogy = P.xlogy
_xlog1py = P.binary(lambda a, b: C.where(C.isnan(b), b, C.xlog1py(a, b)), "float", "xlog1py",
                    refuse="c")
_zeta_op = P.binary(_zeta64, "float", "zeta", refuse="ch")


def xlog1py(input, other, *, out=None):
    P._require_tensors("xlog1py", input, other, 2)
    return _xlog1py(input, other, out=out)


def zeta(input, other, *, out=None):
    P._require_tensors("zeta", input, other, 2)
    return _zeta_op(input, other, out=out)


def _polynomial(kernel, name):
    """torch's (x, n) polynomial functions: tensors or one Python number, float results."""
    op = P.binary(kernel, "float", name, refuse="ch")

    def f(x, n, *, out=None):
        P._require_tensors(name, x, n, 2, ("x", "n"))
        return op(x, n, out=out)
    f.__name__ = f.__qualname__ = name
    return f


chebyshev_polynomial_t = _polynomial(POLY.chebyshev_t, "chebyshev_polynomial_t")
chebyshev_polynomial_u = _polynomial(POLY.chebyshev_u, "chebyshev_polynomial_u")
chebyshev_polynomial_v = _polynomial(POLY.chebyshev_v, "chebyshev_polynomial_v")
chebyshev_polynomial_w = _polynomial(POLY.chebyshev_w, "chebyshev_polynomial_w")
shifted_chebyshev_polynomial_t = _polynomial(POLY.shifted_chebyshev_t,
                                             "shifted_chebyshev_polynomial_t")
shifted_chebyshev_polynomial_u = _polynomial(POLY.shifted_chebyshev_u,
                                             "shifted_chebyshev_polynomial_u")
shifted_chebyshev_polynomial_v = _polynomial(POLY.shifted_chebyshev_v,
                                             "shifted_chebyshev_polynomial_v")
shifted_chebyshev_polynomial_w = _polynomial(POLY.shifted_chebyshev_w,
                                             "shifted_chebyshev_polynomial_w")
hermite_polynomial_h = _polynomial(POLY.hermite_h, "hermite_polynomial_h")
hermite_polynomial_he = _polynomial(POLY.hermite_he, "hermite_polynomial_he")
laguerre_polynomial_l = _polynomial(POLY.laguerre_l, "laguerre_polynomial_l")
legendre_polynomial_p = _polynomial(POLY.legendre_p, "legendre_polynomial_p")


def polygamma(n, input, *, out=None):
    return P.polygamma(n, input, out=out)


def multigammaln(input, p, *, out=None):
    return P.mvlgamma(input, p, out=out)


def round(input, *, decimals=0, out=None):  # noqa: A001
    d = P._dtype_of_input(input, "round")
    if d.kind not in "f":
        raise P._no_kernel("round_cpu", d)
    return P.round(input, decimals=decimals, out=out)


def _dims(dim, ndim):
    if isinstance(dim, (tuple, list)):
        return tuple(_dim(d, ndim) for d in dim)
    return (_dim(dim, ndim),)


def logsumexp(input, dim, keepdim=False, *, out=None):
    d = P._dtype_of_input(input, "logsumexp")
    v = input._value()
    if d.kind not in "fc":
        d = T.DEFAULT.float.core
        v = C.astype(v, d)
    axes = _dims(dim, len(C.shape(v)))
    if not C.shape(v):  # a 0-d tensor: dim 0 / -1 name the tensor itself
        return finish(C.copy(v), d, out)
    if d.kind == "c":
        return finish(_complex_logsumexp(v, axes, keepdim), d, out)
    return finish(C.logsumexp(v, axis=axes, keepdims=keepdim), d, out)


def _complex_logsumexp(v, axes, keepdim):
    """log(sum(exp(v))) shifted by the largest real part (finite ones only)."""
    m = C.max(C.real(v), axis=axes, keepdims=True)
    m = C.where(C.isfinite(m), m, C.zeros_like(m))
    r = C.add(C.log(C.sum(C.exp(C.subtract(v, C.astype(m, C.dtype_of(v)))), axis=axes,
                          keepdims=True)), C.astype(m, C.dtype_of(v)))
    return r if keepdim else C.squeeze(r, axis=axes)


def _softmax(core_fn, kernel):
    def f(input, dim, *, dtype=None):
        d = P._dtype_of_input(input, kernel.split("_kernel")[0])
        v = input._value()
        axis = _dim(dim, len(C.shape(v)))
        if dtype is not None:
            d = T.as_dtype(dtype).core
            v = C.astype(v, d)
        if d.kind != "f":
            raise P._no_kernel(kernel, d)
        if not C.shape(v):
            return finish(C.reshape(core_fn(C.reshape(v, (1,)), axis=0), ()), d, None)
        return finish(core_fn(v, axis=axis), d, None)
    return f


softmax = _softmax(C.softmax, "softmax_lastdim_kernel_impl")
log_softmax = _softmax(C.log_softmax, "log_softmax_lastdim_kernel_impl")
softmax.__name__ = softmax.__qualname__ = "softmax"
log_softmax.__name__ = log_softmax.__qualname__ = "log_softmax"

for _n in __all__:
    globals()[_n] = _public(globals()[_n], _n)


def __getattr__(name: str):
    raise _unsupported("torch.special", name)
