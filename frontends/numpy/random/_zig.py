"""Ziggurat tables (Marsaglia & Tsang, 2000) for the normal and exponential samplers.

256 layers, built at import from the published construction: with tail start r and common
layer area v = r f(r) + tail(r), x[i] from f(x[i]) = f(x[i+1]) + v / x[i+1].  The
recursion is run in extended precision (Python's decimal, 40 digits) and rounded once.
NumPy ships its own precomputed tables, which differ from these by a few units in the last
place, so values agree with NumPy's to ~1e-15 relative, not bit for bit.
"""
import decimal

import numpy as _np

NOR_R = 3.6541528853610087963519472518
NOR_INV_R = 1.0 / NOR_R



def _build(f, finv, r, v, scale):
    D = decimal.Decimal
    n = 256
    k = [0] * n
    w = [0.0] * n
    fv = [0.0] * n
    x = r
    q = v / f(x)
    k[0] = int((x / q) * scale)
    w[0] = float(q / scale)
    w[n - 1] = float(x / scale)
    fv[0] = 1.0
    fv[n - 1] = float(f(x))
    t = x
    for i in range(n - 2, 0, -1):
        x = finv(v / x + f(x))
        k[i + 1] = int((x / t) * scale)
        t = x
        fv[i] = float(f(x))
        w[i] = float(x / scale)
    del D
    return _np.array(k, dtype=_np.uint64), _np.array(w), _np.array(fv)


def _tables():
    ctx = decimal.Context(prec=40)
    D = decimal.Decimal
    with decimal.localcontext(ctx):
        half = D("0.5")

        def fn(x):
            return (-half * x * x).exp()

        def fninv(y):
            return (-2 * y.ln()).sqrt()

        r = D("3.6541528853610087963519472518")
        # tail area of exp(-x^2/2) beyond r: sqrt(pi/2) erfc(r/sqrt 2), by its continued fraction
        vn = r * fn(r) + _gauss_tail(r)
        nor = _build(fn, fninv, r, vn, D(2) ** 52)

        def fe(x):
            return (-x).exp()

        def feinv(y):
            return -y.ln()

        re = D("7.6971174701310497140446280481")
        ve = re * fe(re) + fe(re)
        exp = _build(fe, feinv, re, ve, D(2) ** 53)
    return nor, exp


def _gauss_tail(r):
    """Integral of exp(-t^2/2) from r to infinity, by the Laplace continued fraction."""
    D = decimal.Decimal
    acc = D(0)
    for k in range(400, 0, -1):
        acc = k / (r + acc)
    return (-(r * r) / 2).exp() / (r + acc)


(KI, WI, FI), (KE, WE, FE) = _tables()
EXP_R = 7.6971174701310497140446280481
