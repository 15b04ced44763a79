"""Kernels of torch.special's orthogonal polynomials (Chebyshev T/U/V/W and their shifted
forms, Hermite H/He, Laguerre L, Legendre P) in core ops, on native arrays `x` and `n` of one
floating dtype (float32 or float64).

They follow torch's scalar CPU kernels step by step: `n` is truncated to an integer (nan, inf
and values past int64 count as negative), n < 0 gives 0, |x| == 1 (x == 0 or 1 for the shifted
forms) has closed forms, large n inside (-1, 1) uses the trigonometric form, and the rest runs
the three-term recurrence, one vectorised step per degree up to the largest n that needs it.

float32 inputs are evaluated in float64 and rounded to float32 after every operation torch
rounds, with `a * b - c` fused into one rounding where torch's build fuses it (an FMA): the
recurrences amplify rounding, and this gives torch's float32 values bit for bit in most cases.
"""
from __future__ import annotations

from ... import core as C

_F64 = C.float64
_INT64_LIMIT = 2.0 ** 63


class _Ops:
    """Arithmetic in float64 rounded to the input dtype after each step (`r`)."""

    def __init__(self, dt):
        if dt is _F64:
            self.r = lambda v: v
        else:
            self.r = lambda v: C.astype(C.astype(v, dt), _F64)

    def add(self, a, b):
        return self.r(C.add(a, b))

    def sub(self, a, b):
        return self.r(C.subtract(a, b))

    def mul(self, a, b):
        return self.r(C.multiply(a, b))

    def div(self, a, b):
        return self.r(C.divide(a, b))

    def fms(self, a, b, c):
        """a * b - c with one rounding (torch's fused multiply-add)."""
        return self.r(C.subtract(C.multiply(a, b), c))

    def fn(self, f, a):
        return self.r(f(a))


def _run(kernel):
    """kernel(x, n, ops) on float64 values, cast back to the input's dtype."""
    def f(x, n):
        dt = C.dtype_of(x)
        if dt is _F64:
            return kernel(x, n, _Ops(dt))
        return C.astype(kernel(C.astype(x, _F64), C.astype(n, _F64), _Ops(dt)), dt)
    f.__name__ = kernel.__name__
    return f


def _degree(n):
    """n truncated toward zero as torch's int64 cast; nan/inf/out of range -> -1."""
    ok = C.logical_and(C.isfinite(n), C.less(C.abs(n), _INT64_LIMIT))
    return C.where(ok, C.trunc(C.where(ok, n, C.zeros_like(n))), C.full_like(n, -1.0))


def _even(k):
    return C.equal(C.remainder(k, 2.0), 0.0)


def _pm(k, v):
    """v for even k, -v for odd k."""
    return C.where(_even(k), v, C.negative(v))


def _recurrence(k, p, q, step, mask=None):
    """q after q_j = step(j, p, q) for j = 2..k elementwise (only where mask)."""
    top = C.where(mask, k, C.zeros_like(k)) if mask is not None else k
    last = int(C.to_numpy(C.max(top)).item()) if C.size(top) else 0
    for j in range(2, last + 1):
        r = step(j, p, q)
        go = C.less_equal(float(j), k)
        p, q = C.where(go, q, p), C.where(go, r, q)
    return q


def _pick(cases, default):
    """where(cond1, v1, where(cond2, v2, ... default)): the first true case wins."""
    out = default
    for cond, val in reversed(cases):
        out = C.where(cond, val, out)
    return out


# ------------------------------------------------------------------ Chebyshev

def _chebyshev(x, n, o, first, two_y, unit, trig, trig_from, shifted=False):
    """The Chebyshev family. first: P_1; two_y: the recurrence's factor 2y; unit(k, pos) the
    closed form where the argument y (2x - 1 when shifted) is +-1; trig(k, t, o) the form in
    t = acos(y), used for k > trig_from inside (-1, 1)."""
    k = _degree(n)
    y = o.sub(C.add(x, x), 1.0) if shifted else x
    inside = C.less(C.abs(y), 1.0)
    trig_zone = C.logical_and(C.greater(k, float(trig_from)), inside)
    edge = C.logical_or(C.equal(x, 1.0), C.equal(x, 0.0)) if shifted else C.equal(C.abs(x), 1.0)
    rest = C.logical_not(C.logical_or(edge, trig_zone))
    q = _recurrence(k, C.ones_like(x), first, lambda j, p, q: o.fms(two_y, q, p), rest)
    t = o.fn(C.acos, C.where(inside, y, C.zeros_like(y)))
    return _pick([(C.less(k, 0.0), C.zeros_like(x)),
                  (edge, unit(k, C.greater(y, 0.0))),
                  (trig_zone, trig(k, t, o, y)),
                  (C.equal(k, 0.0), C.ones_like(x)),
                  (C.equal(k, 1.0), first)], q)


def _t_unit(k, pos):
    one = C.ones_like(k)
    return C.where(C.logical_or(pos, _even(k)), one, C.negative(one))


def _u_unit(k, pos):
    v = C.add(k, 1.0)
    return C.where(C.logical_or(pos, _even(k)), v, C.negative(v))


def _v_unit(k, pos):
    return C.where(pos, C.ones_like(k), _pm(k, C.add(C.add(k, k), 1.0)))


def _w_unit(k, pos):
    return C.where(pos, C.add(C.add(k, k), 1.0), _pm(k, C.ones_like(k)))


def _t_trig(k, t, o, y):
    return o.fn(C.cos, o.mul(k, t))


def _u_trig(k, t, o, y):
    s = o.fn(C.sin, t)
    k1 = o.add(k, 1.0)
    kt = o.mul(k1, t)
    ok = C.not_equal(s, 0.0)
    return C.where(ok, o.div(o.fn(C.sin, kt), C.where(ok, s, C.ones_like(s))),
                   o.mul(k1, o.fn(C.cos, kt)))


def _v_trig(k, t, o, y):
    half = C.multiply(t, 0.5)
    ok = C.not_equal(o.fn(C.sin, half), 1.0)
    c = o.fn(C.cos, half)
    r = o.div(o.fn(C.cos, o.mul(o.add(k, 0.5), t)), C.where(ok, c, C.ones_like(c)))
    return C.where(ok, r, _pm(k, C.add(C.add(k, k), 1.0)))


def _w_trig(k, t, o, y):
    half = C.multiply(t, 0.5)
    ok = C.not_equal(o.fn(C.cos, half), 1.0)
    s = o.fn(C.sin, half)
    r = o.div(o.fn(C.sin, o.mul(o.add(k, 0.5), t)), C.where(ok, s, C.ones_like(s)))
    return C.where(ok, r, C.where(C.greater(y, 0.0), C.add(C.add(k, k), 1.0),
                                  _pm(k, C.ones_like(k))))


@_run
def chebyshev_t(x, n, o):
    return _chebyshev(x, n, o, x, C.add(x, x), _t_unit, _t_trig, 6)


@_run
def chebyshev_u(x, n, o):
    xx = C.add(x, x)
    return _chebyshev(x, n, o, xx, xx, _u_unit, _u_trig, 8)


@_run
def chebyshev_v(x, n, o):
    xx = C.add(x, x)
    return _chebyshev(x, n, o, o.sub(xx, 1.0), xx, _v_unit, _v_trig, 8)


@_run
def chebyshev_w(x, n, o):
    xx = C.add(x, x)
    return _chebyshev(x, n, o, o.add(xx, 1.0), xx, _w_unit, _w_trig, 8)


def _shifted(x, o):
    y = o.sub(C.add(x, x), 1.0)
    return y, C.add(y, y)


@_run
def shifted_chebyshev_t(x, n, o):
    y, yy = _shifted(x, o)
    return _chebyshev(x, n, o, y, yy, _t_unit, _t_trig, 6, shifted=True)


@_run
def shifted_chebyshev_u(x, n, o):
    y, yy = _shifted(x, o)
    return _chebyshev(x, n, o, yy, yy, _u_unit, _u_trig, 6, shifted=True)


@_run
def shifted_chebyshev_v(x, n, o):
    y, yy = _shifted(x, o)
    return _chebyshev(x, n, o, o.sub(yy, 1.0), yy, _v_unit, _v_trig, 6, shifted=True)


@_run
def shifted_chebyshev_w(x, n, o):
    y, yy = _shifted(x, o)
    return _chebyshev(x, n, o, o.add(yy, 1.0), yy, _w_unit, _w_trig, 4, shifted=True)


# ------------------------------------------------------------------ Hermite, Laguerre, Legendre

def _simple(x, n, first, step, cases=()):
    """n < 0 -> 0, extra closed-form cases, n = 0 -> 1, n = 1 -> first, else the recurrence."""
    k = _degree(n)
    ones = C.ones_like(x)
    q = _recurrence(k, ones, first, step)
    return _pick([(C.less(k, 0.0), C.zeros_like(x))] + list(cases)
                 + [(C.equal(k, 0.0), ones), (C.equal(k, 1.0), first)], q)


@_run
def hermite_h(x, n, o):
    xx = C.add(x, x)
    return _simple(x, n, xx, lambda j, p, q: o.fms(xx, q, o.mul(p, float(2 * (j - 1)))))


@_run
def hermite_he(x, n, o):
    return _simple(x, n, x, lambda j, p, q: o.fms(x, q, o.mul(p, float(j - 1))))


@_run
def laguerre_l(x, n, o):
    one_x = o.sub(1.0, x)

    def step(j, p, q):
        m = j - 1
        return o.div(o.fms(o.add(one_x, float(2 * m)), q, o.mul(p, float(m))), float(m + 1))
    return _simple(x, n, one_x, step, [(C.equal(x, 0.0), C.ones_like(x))])


@_run
def legendre_p(x, n, o):
    k = _degree(n)

    def step(j, p, q):
        m = j - 1
        return o.div(o.fms(o.mul(x, float(2 * m + 1)), q, o.mul(p, float(m))), float(m + 1))
    one = C.ones_like(x)
    unit = C.where(C.logical_or(C.greater(x, 0.0), _even(k)), one, C.negative(one))
    return _simple(x, n, x, step, [(C.equal(C.abs(x), 1.0), unit)])
