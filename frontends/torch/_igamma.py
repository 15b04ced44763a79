"""torch.igamma / torch.igammac (= torch.special.gammainc / gammaincc): the regularized lower
and upper incomplete gamma functions P(a, x) and Q(a, x), in core ops.

Computed in float64 and cast back: for x < a + 1 the power series
P = x^a e^-x / Gamma(a) * sum_k x^k / (a (a+1) ... (a+k)), otherwise Legendre's continued
fraction Q = x^a e^-x / Gamma(a) / (x+1-a - 1(1-a)/(x+3-a - 2(2-a)/(x+5-a - ...))), evaluated
from a fixed depth backwards; the other function is 1 minus it. Both converge within
O(sqrt(a)) terms near x = a, so the depth grows with the largest a of the call. Special values
follow torch: nan for a < 0 or x < 0, P(0, x > 0) = 1, P(a, 0) = 0, P(inf, x) = 0 (nan at
x = inf), P(a, inf) = 1.
"""
from __future__ import annotations

import math

from ... import core as C
from . import _pointwise as P
from ._convert import inplace_result
from ._tensor import Tensor

__all__ = ["igamma", "igammac"]

_F64 = C.float64
_MAX_DEPTH = 20000


def _depth(a):
    """Terms enough for the series and the continued fraction at every a of the call."""
    top = C.to_numpy(C.max(a)).item() if C.size(a) else 0.0
    top = top if top == top and top != math.inf else 0.0
    return int(min(_MAX_DEPTH, 40 + 12 * math.sqrt(max(top, 0.0))))


def _series(a, x, depth):
    """sum_{k>=0} x^k / (a (a+1) ... (a+k))."""
    term = C.divide(1.0, a)
    total = term
    for k in range(1, depth):
        term = C.multiply(term, C.divide(x, C.add(a, float(k))))
        total = C.add(total, term)
    return total


def _fraction(a, x, depth):
    """x+1-a - 1(1-a)/(x+3-a - 2(2-a)/(...)), from depth terms deep."""
    xa = C.subtract(x, a)
    f = C.add(xa, 2.0 * depth + 1.0)
    for i in range(depth - 1, -1, -1):
        num = C.multiply(C.subtract(float(i + 1), a), float(i + 1))
        f = C.subtract(C.add(xa, 2.0 * i + 1.0), C.divide(num, f))
    return f


def _pq(a, x):
    """(P, Q) in float64 with torch's special values."""
    ok = C.logical_and(C.logical_and(C.greater(a, 0), C.isfinite(a)),
                       C.logical_and(C.greater(x, 0), C.isfinite(x)))
    a1 = C.where(ok, a, C.ones_like(a))
    x1 = C.where(ok, x, C.ones_like(x))
    depth = _depth(C.where(ok, a, C.zeros_like(a)))
    log_front = C.subtract(C.subtract(C.multiply(a1, C.log(x1)), x1), C.lgamma(a1))
    front = C.exp(log_front)
    low = C.less(x1, C.add(a1, 1.0))
    xs = C.where(low, x1, C.zeros_like(x1))     # keep each method on its own domain
    p = C.multiply(front, _series(a1, xs, depth))
    xf = C.where(low, C.add(a1, 1.0), x1)
    q = C.divide(front, _fraction(a1, xf, depth))
    p, q = C.where(low, p, C.subtract(1.0, q)), C.where(low, C.subtract(1.0, p), q)
    # torch's special cases, the first that applies winning
    nan, zero, one = C.full_like(a, math.nan), C.zeros_like(a), C.ones_like(a)
    cases = [
        (C.logical_or(C.less(x, 0), C.less(a, 0)), nan, nan),
        (C.equal(a, 0), C.where(C.greater(x, 0), one, nan), C.where(C.greater(x, 0), zero, nan)),
        (C.equal(x, 0), zero, one),
        (C.isinf(a), C.where(C.isinf(x), nan, zero), C.where(C.isinf(x), nan, one)),
        (C.isinf(x), one, zero),
        (C.logical_not(ok), nan, nan),
    ]
    for cond, pv, qv in reversed(cases):
        p, q = C.where(cond, pv, p), C.where(cond, qv, q)
    return p, q


def _in_f64(which):
    def f(a, x):
        d = C.dtype_of(a)
        if d is not _F64:
            a, x = C.astype(a, _F64), C.astype(x, _F64)
        r = _pq(a, x)[which]
        return r if d is _F64 else C.astype(r, d)
    return f


_igamma = P.binary(_in_f64(0), "same", "igamma", refuse="biuc")
_igammac = P.binary(_in_f64(1), "same", "igammac", refuse="biuc")


def igamma(input, other, *, out=None):
    P._require_tensors("igamma", input, other, 0)
    return _igamma(input, other, out=out)


def igammac(input, other, *, out=None):
    P._require_tensors("igammac", input, other, 0)
    return _igammac(input, other, out=out)


def _inplace(fn):
    def op(self, other):
        return inplace_result(self, fn(self, other)._value())
    op.__name__ = fn.__name__ + "_"
    return op


# the in-place methods (x.igamma_(y)); _methods.INPLACE does not list these names
Tensor.igamma_ = _inplace(igamma)
Tensor.igammac_ = _inplace(igammac)
