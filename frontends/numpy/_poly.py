"""NumPy's legacy polynomial functions (coefficients highest power first): polyfit, polyval,
poly, roots, polyder, polyint, polyadd, polysub, polymul, polydiv, and the poly1d class.

roots() takes the eigenvalues of the companion matrix on the current backend, so their order
may differ from NumPy's (the set of roots is the same).
"""
from __future__ import annotations

import builtins
import operator

from ... import core as C
from . import _dtypes as T
from ._math import _cast, _common_dtype, _convolve, _dt, _in, _nat, _shape
from ._ndarray import operand, result, wrap

__all__ = ["polyfit", "polyval", "poly", "roots", "polyder", "polyint", "polyadd", "polysub",
           "polymul", "polydiv", "poly1d"]


def _coeffs(p):
    """(1-d native, dtype) of a coefficient sequence or poly1d."""
    if isinstance(p, poly1d):
        return p._c, p._c_dt
    v, d = _in(p)
    if not C.shape(v):
        v = C.reshape(v, (1,))
    return v, d


def _ret_poly(v, d, *inputs):
    if builtins.any(isinstance(i, poly1d) for i in inputs):
        return poly1d(wrap(v, d))
    return wrap(v, d)


def polyval(p, x):
    if isinstance(x, poly1d):
        y = poly1d([0])
        for c in (p.coeffs if isinstance(p, poly1d) else p):
            y = y * x + c
        return y
    pv, pd = _coeffs(p)
    xv, xd = _in(x)
    d = T.PROMOTE[pd, xd]
    xv = _cast(xv, d)
    pv = _cast(pv, d)
    y = C.zeros(_shape(xv), dtype=d.core)
    for i in range(_shape(pv)[0]):
        y = C.add(C.multiply(y, xv), C.getitem(pv, i))
    return result(y, d)


def poly(seq_of_zeros):
    v, d = _in(seq_of_zeros)
    if not C.shape(v):
        v = C.reshape(v, (1,))
    s = _shape(v)
    if len(s) == 2 and s[0] == s[1] and s[0] != 0:
        from .linalg import eigvals
        v, d = _in(eigvals(wrap(v, d)))
    elif len(s) == 1:
        if d.kind not in "fc":
            d = T.F64
            v = _cast(v, d)
    else:
        raise ValueError("input must be 1d or non-empty square 2d array.")
    n = _shape(v)[0]
    if n == 0:
        return 1.0
    a = C.ones((1,), dtype=d.core)
    one = C.ones((1,), dtype=d.core)
    for i in range(n):
        z = C.reshape(C.negative(C.getitem(v, i)), (1,))
        a = _convolve(wrap(a, d), wrap(C.concat([one, z], axis=0), d), "full", "convolve")._value()
    if d.kind == "c":
        from ._sorting import sort_native
        r = _cast(v, T.C128)
        if builtins.bool(C.all(C.equal(sort_native(r), sort_native(C.conj(r))))):
            a = C.real(a)
            d = T.F32 if d is T.C64 else T.F64
    return wrap(a, d)


def roots(p):
    v, d = _in(p)
    if not C.shape(v):
        v = C.reshape(v, (1,))
    if len(C.shape(v)) != 1:
        raise ValueError("Input must be a rank-1 array.")
    nz = C.to_numpy(C.nonzero(v)[0]).tolist() if _shape(v)[0] else []
    if not nz:
        return wrap(C.zeros((0,), dtype=C.float64), T.F64)
    trailing = _shape(v)[0] - nz[-1] - 1
    v = C.getitem(v, slice(nz[0], nz[-1] + 1))
    if d.kind not in "fc":
        d = T.F64
        v = _cast(v, d)
    n = _shape(v)[0]
    if n > 1:
        from .linalg import eigvals
        comp = C.diag(C.ones((n - 2,), dtype=d.core), k=-1) if n > 2 else C.zeros((1, 1), dtype=d.core)
        first = C.negative(C.divide(C.getitem(v, slice(1, None)), C.getitem(v, 0)))
        comp = C.index_update(comp, 0, first)
        r = eigvals(wrap(comp, d))
        rv, rd = _in(r)
    else:
        rd = d
        rv = C.zeros((0,), dtype=d.core)
    if trailing:
        rv = C.concat([rv, C.zeros((trailing,), dtype=rd.core)], axis=0)
    return wrap(rv, rd)


def polyder(p, m=1):
    m = operator.index(m)
    if m < 0:
        raise ValueError("Order of derivative must be positive (see polyint)")
    v, d = _coeffs(p)
    for _ in range(m):
        n = _shape(v)[0] - 1
        if n <= 0:
            v = C.zeros((0,), dtype=T.PROMOTE[d, T.I64].core)
            d = _dt(v)
            break
        k = C.arange(n, 0, -1, dtype=C.int64)
        d = T.PROMOTE[d, T.I64]
        v = C.multiply(_cast(C.getitem(v, slice(None, -1)), d), _cast(k, d))
    if isinstance(p, poly1d):
        return poly1d(wrap(v, d) if _shape(v)[0] else [0])
    return wrap(v, d)


def polyint(p, m=1, k=None):
    m = operator.index(m)
    if m < 0:
        raise ValueError("Order of integral must be positive (see polyder)")
    if k is None:
        ks = [0.0] * m
    else:
        kv = C.reshape(_nat(k, T.F64), (-1,))
        ks = C.to_numpy(kv).tolist()
        if len(ks) == 1 and m > 1:
            ks = ks * m
        if len(ks) < m:
            raise ValueError("k must be a scalar or a rank-1 array of length 1 or >m.")
    v, d = _coeffs(p)
    for i in range(m):
        n = _shape(v)[0]
        d = T.PROMOTE[d, T.F64] if d.kind != "c" else d
        div = C.divide(_cast(v, d), _cast(C.arange(n, 0, -1, dtype=C.int64), d))
        v = C.concat([div, C.full((1,), ks[i], dtype=d.core)], axis=0)
    if isinstance(p, poly1d):
        return poly1d(wrap(v, d))
    return wrap(v, d)


def _pad_front(v, n):
    k = _shape(v)[0]
    if k >= n:
        return v
    return C.concat([C.zeros((n - k,), dtype=C.dtype_of(v)), v], axis=0)


def _addsub(a1, a2, fn):
    v1, d1 = _coeffs(a1)
    v2, d2 = _coeffs(a2)
    d = T.PROMOTE[d1, d2]
    n = builtins.max(_shape(v1)[0], _shape(v2)[0])
    r = fn(_pad_front(_cast(v1, d), n), _pad_front(_cast(v2, d), n))
    return _ret_poly(r, d, a1, a2)


def polyadd(a1, a2):
    return _addsub(a1, a2, C.add)


def polysub(a1, a2):
    return _addsub(a1, a2, C.subtract)


def polymul(a1, a2):
    p1, p2 = poly1d(a1), poly1d(a2)  # NumPy strips leading zeros here
    v1, d1 = p1._c, p1._c_dt
    v2, d2 = p2._c, p2._c_dt
    r = _convolve(wrap(v1, d1), wrap(v2, d2), "full", "convolve")
    return _ret_poly(r._value(), r.dtype, a1, a2)


def polydiv(u, v):
    uv, ud = _coeffs(u)
    vv, vd = _coeffs(v)
    d = T.PROMOTE[ud if ud.kind in "fc" else T.F64, vd if vd.kind in "fc" else T.F64]
    uv, vv = _cast(uv, d), _cast(vv, d)
    m, n = _shape(uv)[0] - 1, _shape(vv)[0] - 1
    scale = C.divide(1.0, C.getitem(vv, 0))
    q = C.zeros((builtins.max(m - n + 1, 1),), dtype=d.core)
    r = uv
    for k in range(0, m - n + 1):
        dk = C.multiply(scale, C.getitem(r, k))
        q = C.index_update(q, k, dk)
        r = C.index_update(r, slice(k, k + n + 1), C.subtract(C.getitem(r, slice(k, k + n + 1)),
                                                               C.multiply(dk, vv)))
    while _shape(r)[0] > 1:
        r0 = C.getitem(r, 0)
        if not builtins.bool(C.less_equal(C.abs(r0), 1e-8)):  # allclose(r[0], 0, rtol=1e-14)
            break
        r = C.getitem(r, slice(1, None))
    if isinstance(u, poly1d) or isinstance(v, poly1d):
        return poly1d(wrap(q, d)), poly1d(wrap(r, d))
    return wrap(q, d), wrap(r, d)


def polyfit(x, y, deg, rcond=None, full=False, w=None, cov=False):
    from . import linalg as L
    order = operator.index(deg) + 1
    xv, xd = _in(x)
    yv, yd = _in(y)
    xd = T.PROMOTE[xd, T.F64]
    yd = T.PROMOTE[yd, T.F64]
    xv, yv = _cast(xv, xd), _cast(yv, yd)
    if deg < 0:
        raise ValueError("expected deg >= 0")
    if len(C.shape(xv)) != 1:
        raise TypeError("expected 1D vector for x")
    if _shape(xv)[0] == 0:
        raise TypeError("expected non-empty vector for x")
    if len(C.shape(yv)) < 1 or len(C.shape(yv)) > 2:
        raise TypeError("expected 1D or 2D array for y")
    if _shape(xv)[0] != _shape(yv)[0]:
        raise TypeError("expected x and y to have same length")
    n = _shape(xv)[0]
    if rcond is None:
        rcond = result(C.asarray(n * C.finfo(xd.core).eps, dtype=C.float64), T.F64)
    powers = C.arange(order - 1, -1, -1, dtype=C.float64)
    lhs = C.pow(C.reshape(xv, (-1, 1)), _cast(C.reshape(powers, (1, -1)), xd))
    rhs = yv
    if w is not None:
        wv = _nat(w, T.F64)
        if len(C.shape(wv)) != 1:
            raise TypeError("expected a 1-d array for weights")
        if _shape(wv)[0] != n:
            raise TypeError("expected w and y to have the same length")
        lhs = C.multiply(lhs, C.reshape(wv, (-1, 1)))
        rhs = C.multiply(rhs, wv if len(C.shape(rhs)) == 1 else C.reshape(wv, (-1, 1)))
    scale = C.sqrt(C.sum(C.multiply(lhs, C.conj(lhs)) if xd.kind == "c" else C.multiply(lhs, lhs), axis=0))
    if xd.kind == "c":
        scale = C.real(scale)
    lhs = C.divide(lhs, scale)
    c, resids, rank, s = L.lstsq(wrap(lhs), wrap(rhs), float(rcond))
    cv = c._value()
    cv = C.divide(cv, scale if len(C.shape(cv)) == 1 else C.reshape(scale, (-1, 1)))
    cd = _dt(cv)
    if full:
        return wrap(cv, cd), resids, rank, s, rcond
    if cov:
        lt = C.matrix_transpose(lhs)
        Vbase = C.linalg.inv(C.matmul(lt, lhs))
        Vbase = C.divide(Vbase, C.outer(scale, scale))
        if cov == "unscaled":
            fac = 1.0
        else:
            if n <= order:
                raise ValueError("the number of data points must exceed order to scale the "
                                 "covariance matrix")
            fac = C.divide(resids._value(), float(n - order))
        if len(C.shape(yv)) == 1:
            return wrap(cv, cd), wrap(C.multiply(Vbase, fac), cd)
        return wrap(cv, cd), wrap(C.multiply(C.reshape(Vbase, _shape(Vbase) + (1,)), fac), cd)
    return wrap(cv, cd)


class poly1d:
    """numpy.poly1d: a 1-d polynomial (coefficients highest power first)."""

    __hash__ = None

    def __init__(self, c_or_r, r=False, variable=None):
        if isinstance(c_or_r, poly1d):
            self._variable = c_or_r._variable
            self._c, self._c_dt = c_or_r._c, c_or_r._c_dt
            if variable is not None:
                self._variable = variable
            return
        if r:
            c_or_r = poly(c_or_r)
        v, d = _in(c_or_r)
        if len(C.shape(v)) > 1:
            raise ValueError("Polynomial must be 1d only.")
        if not C.shape(v):
            v = C.reshape(v, (1,))
        nz = C.to_numpy(C.nonzero(v)[0]).tolist() if _shape(v)[0] else []
        if not nz:
            v = C.zeros((1,), dtype=d.core)
        else:
            v = C.getitem(v, slice(nz[0], None))
        self._c, self._c_dt = v, d
        self._variable = variable or "x"

    @property
    def coeffs(self):
        return wrap(self._c, self._c_dt)

    @coeffs.setter
    def coeffs(self, value):
        if value is not self.coeffs:
            raise AttributeError("Cannot set attribute")

    c = coef = coefficients = coeffs

    @property
    def variable(self):
        return self._variable

    @property
    def order(self):
        return _shape(self._c)[0] - 1

    o = order

    @property
    def roots(self):
        return roots(self.coeffs)

    r = roots

    def __array__(self, t=None, copy=None):
        a = self.coeffs.__array__()
        return a if t is None else a.astype(t)

    def __repr__(self) -> str:
        vals = repr(self.coeffs.tolist())
        return f"poly1d({vals})"

    def __len__(self) -> int:
        return self.order

    def __call__(self, val):
        return polyval(self, val)

    def __neg__(self):
        return poly1d(wrap(C.negative(self._c), self._c_dt))

    def __pos__(self):
        return self

    def __mul__(self, other):
        if isinstance(other, (builtins.int, builtins.float, builtins.complex)) or \
                (not isinstance(other, poly1d) and not C.shape(_nat(other))):
            (a, b), d = _common_pair(self, other)
            return poly1d(wrap(C.multiply(a, b), d))
        return polymul(self, poly1d(other))

    __rmul__ = __mul__

    def __add__(self, other):
        return polyadd(self, poly1d(other))

    __radd__ = __add__

    def __sub__(self, other):
        return polysub(self, poly1d(other))

    def __rsub__(self, other):
        return polysub(poly1d(other), self)

    def __pow__(self, val):
        if not isinstance(val, builtins.int) or val < 0:
            raise ValueError("Power to non-negative integers only.")
        res = poly1d([1])
        for _ in range(val):
            res = polymul(self, res)
        return res

    def __truediv__(self, other):
        if isinstance(other, (builtins.int, builtins.float, builtins.complex)) or \
                (not isinstance(other, poly1d) and not C.shape(_nat(other))):
            (a, b), d = _common_pair(self, other)
            d2 = T.PROMOTE[d, T.F64] if d.kind != "c" else d
            return poly1d(wrap(C.divide(_cast(a, d2), _cast(b, d2)), d2))
        return polydiv(self, poly1d(other))

    def __rtruediv__(self, other):
        return polydiv(poly1d(other), self)

    def __eq__(self, other):
        if not isinstance(other, poly1d):
            return NotImplemented
        if _shape(self._c) != _shape(other._c):
            return False
        return result(C.all(C.equal(*_common_pair(self, other)[0])))

    def __ne__(self, other):
        if not isinstance(other, poly1d):
            return NotImplemented
        return not self.__eq__(other)

    def __getitem__(self, val):
        ind = self.order - val
        if val > self.order or val < 0:
            return self._c_dt.type(0)
        return result(C.getitem(self._c, ind), self._c_dt)

    def __setitem__(self, key, val):
        if key < 0:
            raise ValueError("Does not support negative powers.")
        ind = self.order - key
        d = T.PROMOTE[self._c_dt, _in(val)[1]] if not isinstance(val, (builtins.int, builtins.float,
                                                                          builtins.complex)) else self._c_dt
        c = _cast(self._c, d)
        if key > self.order:
            c = C.concat([C.zeros((key - self.order,), dtype=d.core), c], axis=0)
            ind = 0
        self._c = C.index_update(c, ind, C.asarray(val, dtype=d.core))
        self._c_dt = d

    def __iter__(self):
        return iter(self.coeffs)

    def integ(self, m=1, k=0):
        return poly1d(polyint(self.coeffs, m=m, k=k))

    def deriv(self, m=1):
        return poly1d(polyder(self.coeffs, m=m))


def _common_pair(p, other):
    d = _common_dtype(wrap(p._c, p._c_dt), other if not isinstance(other, poly1d) else wrap(other._c, other._c_dt))
    b = other._c if isinstance(other, poly1d) else operand(other, d)[0]
    return (_cast(p._c, d), _cast(b, d)), d

