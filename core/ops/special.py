"""Special functions (scipy.special / torch.special names) for real floating inputs.

Primitives (one native call on every backend): erf, erfc, erfinv, lgamma, digamma,
polygamma, i0, i0e, i1, i1e, sigmoid, ndtri. The rest are composites of core ops.
Integer inputs compute in float64 (the default float). Poles follow scipy.special:
lgamma is +inf at 0 and the negative integers, digamma(0) is -inf and digamma at a
negative integer is nan.
"""
import math

from ._define import defvjp, family, nondiff, unbroadcast  # noqa: F401
from .elementwise import add, divide, equal, exp, less, log, multiply, negative, subtract, where

__all__: list[str] = []
op = family(__name__, __all__)

_SQRT_PI = math.sqrt(math.pi)
_SQRT2 = math.sqrt(2.0)
_SQRT_2PI = math.sqrt(2.0 * math.pi)
_LOG_SQRT_2PI = 0.5 * math.log(2.0 * math.pi)

# ---------------------------------------------------------------- primitives

erf = op("erf(x, /)", doc="The error function.")
erfc = op("erfc(x, /)", doc="1 - erf(x), accurate where erf(x) is close to 1.")
erfinv = op("erfinv(x, /)", doc="Inverse of erf on [-1, 1] (+-inf at +-1, nan outside).")
lgamma = op("lgamma(x, /)", doc="log|Gamma(x)| (+inf at the poles 0, -1, -2, ...).")
digamma = op("digamma(x, /)", doc="d/dx lgamma(x) (psi).")
polygamma = op("polygamma(n, x, /)", doc="The n-th derivative of digamma; `n` is a Python int >= 0.")
i0 = op("i0(x, /)", doc="Modified Bessel function of the first kind, order 0.")
i0e = op("i0e(x, /)", doc="Exponentially scaled i0: exp(-|x|) * i0(x).")
i1 = op("i1(x, /)", doc="Modified Bessel function of the first kind, order 1.")
i1e = op("i1e(x, /)", doc="Exponentially scaled i1: exp(-|x|) * i1(x).")
sigmoid = op("sigmoid(x, /)", doc="The logistic function 1 / (1 + exp(-x)) (stable for large |x|).")
ndtri = op("ndtri(x, /)", doc="Inverse of ndtr (the standard normal quantile), accurate in both tails.")


def _erf_vjp(g, out, x):
    return (multiply(g, multiply(2.0 / _SQRT_PI, exp(negative(multiply(x, x))))),)


def _erfc_vjp(g, out, x):
    return (multiply(g, multiply(-2.0 / _SQRT_PI, exp(negative(multiply(x, x))))),)


def _erfinv_vjp(g, out, x):
    return (multiply(g, multiply(_SQRT_PI / 2.0, exp(multiply(out, out)))),)


def _i0_vjp(g, out, x):
    return (multiply(g, i1(x)),)


def _i0e_vjp(g, out, x):
    from .elementwise import sign
    return (multiply(g, subtract(i1e(x), multiply(sign(x), out))),)


def _i1_over_x(out, x):
    """I1(x)/x (or I1e(x)/x) from out = I1(x) (I1e(x)): its limit 1/2 for tiny |x|, where
    the quotient of (sub)normal numbers would be inexact."""
    from .elementwise import abs
    tiny = less(abs(x), 1e-30)
    return where(tiny, 0.5, divide(out, where(tiny, 1.0, x)))


def _i1_vjp(g, out, x):
    # I1' = I0 - I1/x
    return (multiply(g, subtract(i0(x), _i1_over_x(out, x))),)


def _i1e_vjp(g, out, x):
    # (exp(-|x|) I1)' = I0e - I1e * sign(x) - I1e / x
    from .elementwise import sign
    return (multiply(g, subtract(subtract(i0e(x), multiply(out, sign(x))), _i1_over_x(out, x))),)


def _sigmoid_vjp(g, out, x):
    return (multiply(g, multiply(out, subtract(1.0, out))),)


def _ndtri_vjp(g, out, x):
    # 1 / pdf(ndtri(x)) = sqrt(2 pi) exp(out^2 / 2)
    return (multiply(g, multiply(_SQRT_2PI, exp(multiply(0.5, multiply(out, out))))),)


defvjp("erf", _erf_vjp)
defvjp("erfc", _erfc_vjp)
defvjp("erfinv", _erfinv_vjp)
defvjp("lgamma", lambda g, out, x: (multiply(g, digamma(x)),))
defvjp("digamma", lambda g, out, x: (multiply(g, polygamma(1, x)),))
defvjp("polygamma", lambda g, out, n, x: (None, multiply(g, polygamma(n + 1, x))))
defvjp("i0", _i0_vjp)
defvjp("i0e", _i0e_vjp)
defvjp("i1", _i1_vjp)
defvjp("i1e", _i1e_vjp)
defvjp("sigmoid", _sigmoid_vjp)
defvjp("ndtri", _ndtri_vjp)

# ---------------------------------------------------------------- composites


def _logit(x, eps):
    from .elementwise import clip
    if eps is not None:
        x = clip(x, eps, 1.0 - eps)
    return log(divide(x, subtract(1.0, x)))


def _xlogy(x, y):
    # torch's convention: 0 where x == 0 (whatever y), gradients 0 there too
    z = equal(x, 0)
    return where(z, 0.0, multiply(x, log(where(z, 1.0, y))))


def _xlog1py(x, y):
    from .elementwise import log1p
    z = equal(x, 0)
    return where(z, 0.0, multiply(x, log1p(where(z, 0.0, y))))


def _sinc(x):
    # a Taylor polynomial near 0 keeps the value and the gradient exact for tiny |x|
    from .elementwise import abs, sin
    small = less(abs(x), 1e-4)
    s = where(small, 1.0, x)
    px = multiply(math.pi, s)
    t = multiply(math.pi, where(small, x, 0.0))
    t2 = multiply(t, t)
    taylor = add(subtract(1.0, divide(t2, 6.0)), divide(multiply(t2, t2), 120.0))
    return where(small, taylor, divide(sin(px), px))


def _entr(x):
    from .elementwise import greater
    pos = greater(x, 0)
    safe = where(pos, x, 1.0)
    # x < 0: -inf; x == 0: 0; nan stays nan (x * 0)
    return where(less(x, 0), -math.inf, where(pos, negative(multiply(safe, log(safe))), multiply(x, 0.0)))


def _ndtr(x):
    return multiply(0.5, erfc(multiply(x, -1.0 / _SQRT2)))


_LOG_NDTR_CUT = -10.0
_LOG_NDTR_TERMS = 24


def _log_ndtr(x):
    """log(ndtr(x)): log1p(-ndtr(-x)) for x > 0, log(ndtr(x)) down to -10, then the
    asymptotic series -x^2/2 - log(-x) - log(sqrt(2 pi)) + log(sum (-1)^k (2k-1)!! / x^(2k))."""
    from .elementwise import log1p
    tail = less(x, _LOG_NDTR_CUT)
    pos = less(0.0, x)
    mid = where(tail, _LOG_NDTR_CUT, x)  # each branch sees x only where it is taken
    upper = where(pos, log1p(negative(_ndtr(negative(where(pos, mid, 0.0))))), log(_ndtr(where(pos, 0.0, mid))))
    t = where(tail, x, 2.0 * _LOG_NDTR_CUT)  # x in the tail, guarded
    r = divide(1.0, multiply(t, t))
    # sum_{k=0}^{K} (-1)^k (2k-1)!! r^k by Horner
    coefs = [1.0]
    for k in range(1, _LOG_NDTR_TERMS):
        coefs.append(-coefs[-1] * (2 * k - 1))
    s = coefs[-1]
    for c in reversed(coefs[:-1]):
        s = add(multiply(s, r), c)
    lower = subtract(subtract(multiply(-0.5, multiply(t, t)), log(negative(t))), subtract(_LOG_SQRT_2PI, log(s)))
    return where(tail, lower, upper)


def _multigammaln(a, p):
    if not isinstance(p, int) or isinstance(p, bool) or p < 1:
        raise ValueError(f"multigammaln: p must be a positive int, got {p!r}")
    out = lgamma(a)
    for j in range(1, p):
        out = add(out, lgamma(subtract(a, 0.5 * j)))
    return add(out, p * (p - 1) / 4.0 * math.log(math.pi))


logit = op("logit(x, /, eps=None)", _logit,
           doc="log(x / (1 - x)); with eps, x is first clipped to [eps, 1 - eps] (torch).")
xlogy = op("xlogy(x, y, /)", _xlogy, doc="x * log(y), 0 where x == 0 (gradients 0 there, as torch).")
xlog1py = op("xlog1py(x, y, /)", _xlog1py, doc="x * log1p(y), 0 where x == 0.")
sinc = op("sinc(x, /)", _sinc, doc="Normalized sinc sin(pi x) / (pi x), 1 at 0 (numpy's).")
entr = op("entr(x, /)", _entr, doc="-x log(x) for x > 0, 0 at 0, -inf for x < 0.")
ndtr = op("ndtr(x, /)", _ndtr, doc="The standard normal CDF.")
log_ndtr = op("log_ndtr(x, /)", _log_ndtr, doc="log(ndtr(x)), accurate for very negative x.")
gammaln = op("gammaln(x, /)", lambda x: lgamma(x), doc="Alias of lgamma.")
expit = op("expit(x, /)", lambda x: sigmoid(x), doc="Alias of sigmoid.")
multigammaln = op("multigammaln(a, p, /)", _multigammaln,
                  doc="Log of the multivariate gamma function of dimension p (a Python int); "
                      "arguments are not checked against a > (p - 1) / 2.")
