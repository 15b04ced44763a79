"""Special functions for the JAX backend (jax.scipy.special); integer inputs compute in float64."""
import math

import jax
import jax.numpy as jnp
import jax.scipy.special as _jsp


def _fl(x):
    x = jnp.asarray(x)
    return x if jnp.issubdtype(x.dtype, jnp.floating) else x.astype(jnp.float64)


def _check_n(n):
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"unify.core.polygamma: n must be a Python int, got {type(n).__name__}")
    if n < 0:
        raise ValueError(f"unify.core.polygamma: n must be >= 0, got {n}")
    return n


def erf(x):
    return _jsp.erf(_fl(x))


def erfc(x):
    return _jsp.erfc(_fl(x))


def erfinv(x):
    return _jsp.erfinv(_fl(x))


def lgamma(x):
    return _jsp.gammaln(_fl(x))


def digamma(x):
    return _jsp.digamma(_fl(x))


def _cot_derivative_poly(n):
    """Integer coefficients (lowest first) of P_n with d^n/du^n cot(u) = P_n(cot(u))."""
    p = [0, 1]
    for _ in range(n):
        d = [k * p[k] for k in range(1, len(p))]
        q = [0] * (len(d) + 2)
        for k, v in enumerate(d):
            q[k] -= v
            q[k + 2] -= v
        p = q
    return p


def polygamma(n, x):
    n = _check_n(n)
    x = _fl(x)
    if n == 0:
        return _jsp.digamma(x)
    # jax.scipy's polygamma is wrong for x < 0: use the reflection formula
    # psi_n(x) = (-1)^n psi_n(1 - x) - pi^(n+1) P_n(cot(pi x))
    neg = jnp.signbit(x)
    p = _jsp.polygamma(n, jnp.where(neg, 1 - x, x))
    r = x - jnp.round(x)
    pole = r == 0
    cot = 1 / jnp.tan(math.pi * jnp.where(pole, 0.25, r))
    coefs = _cot_derivative_poly(n)
    s = jnp.full_like(cot, coefs[-1])
    for a in reversed(coefs[:-1]):
        s = s * cot + a
    refl = (-1) ** n * p - math.pi ** (n + 1) * s
    out = jnp.where(neg, refl, p)
    return jnp.where(pole & (x <= 0), (1.0 if n % 2 else -1.0) * jnp.inf, out)


def i0(x):
    return _jsp.i0(_fl(x))


def i0e(x):
    return _jsp.i0e(_fl(x))


def i1(x):
    return _jsp.i1(_fl(x))


def i1e(x):
    return _jsp.i1e(_fl(x))


def sigmoid(x):
    return jax.nn.sigmoid(_fl(x))


def ndtri(x):
    return _jsp.ndtri(_fl(x))
