"""JAX linalg: jax.numpy.linalg / jax.lax.linalg, with NumPy/Array API semantics.

jax does not raise for singular or non positive-definite matrices (results hold
inf/nan): inv, solve and cholesky check their results when the values are
concrete (never under jit) and raise LinAlgError.
"""
import jax
import jax.numpy as jnp

from ...core.ops.linalg import (EighResult, EigResult, LinAlgError, LstsqResult, LUFactorResult,
                                LUResult, QRResult, SlogdetResult, SVDResult, _broadcast_shapes,
                                _matmul_shapes, _matrix, _solve_shapes, _square, _tensordot_axes)

_Tracer = jax.core.Tracer


def _check(op, x, out, what):
    """Raise LinAlgError when a concrete result is not finite though the input is."""
    if isinstance(out, _Tracer) or isinstance(x, _Tracer):
        return out
    if not bool(jnp.all(jnp.isfinite(out))) and bool(jnp.all(jnp.isfinite(x))):
        raise LinAlgError(f"unify.core.{op}: {what}")
    return out


def matmul(x1, x2):
    try:
        return jnp.matmul(x1, x2)
    except TypeError:
        _matmul_shapes(tuple(jnp.shape(x1)), tuple(jnp.shape(x2)))
        raise


def matrix_transpose(x):
    if jnp.ndim(x) < 2:
        raise ValueError(f"unify.core.matrix_transpose: x must be at least 2-d, got shape {jnp.shape(x)}")
    return jnp.swapaxes(x, -1, -2)


def tensordot(x1, x2, axes):
    a1, a2 = _tensordot_axes(axes, jnp.shape(x1), jnp.shape(x2))
    return jnp.tensordot(x1, x2, axes=(a1, a2))


def einsum(subscripts, operands):
    return jnp.einsum(subscripts, *operands)


def linalg_cholesky(x, upper):
    _square(jnp.shape(x), "linalg.cholesky")
    out = jnp.linalg.cholesky(x, upper=upper, symmetrize_input=False)
    return _check("linalg.cholesky", x, out, "matrix is not positive definite")


def linalg_det(x):
    _square(jnp.shape(x), "linalg.det")
    return jnp.linalg.det(x)


def linalg_slogdet(x):
    _square(jnp.shape(x), "linalg.slogdet")
    return SlogdetResult(*jnp.linalg.slogdet(x))


def linalg_inv(x):
    _square(jnp.shape(x), "linalg.inv")
    return _check("linalg.inv", x, jnp.linalg.inv(x), "singular matrix")


def linalg_solve(x1, x2):
    batch, vec = _solve_shapes(jnp.shape(x1), jnp.shape(x2))
    n = jnp.shape(x1)[-1]
    x1 = jnp.broadcast_to(x1, batch + (n, n))
    if vec:
        x2 = jnp.broadcast_to(x2[:, None], batch + (n, 1))
        out = jnp.linalg.solve(x1, x2)[..., 0]
    else:
        out = jnp.linalg.solve(x1, jnp.broadcast_to(x2, batch + tuple(jnp.shape(x2)[-2:])))
    return _check("linalg.solve", x1, out, "singular matrix")


def linalg_eigh(x):
    _square(jnp.shape(x), "linalg.eigh")
    return EighResult(*jnp.linalg.eigh(x, symmetrize_input=False))


def linalg_eigvalsh(x):
    _square(jnp.shape(x), "linalg.eigvalsh")
    return jnp.linalg.eigh(x, symmetrize_input=False)[0]


def linalg_qr(x, mode):
    if mode not in ("reduced", "complete"):
        raise ValueError(f"unify.core.linalg.qr: mode must be 'reduced' or 'complete', got {mode!r}")
    _matrix(jnp.shape(x), "linalg.qr")
    return QRResult(*jnp.linalg.qr(x, mode=mode))


def linalg_svd(x, full_matrices):
    _matrix(jnp.shape(x), "linalg.svd")
    return SVDResult(*jnp.linalg.svd(x, full_matrices=full_matrices))


def linalg_svdvals(x):
    _matrix(jnp.shape(x), "linalg.svdvals")
    return jnp.linalg.svdvals(x)


def _eps(x):
    return jnp.finfo(x.dtype).eps


def linalg_pinv(x, rtol):
    _matrix(jnp.shape(x), "linalg.pinv")
    if rtol is None:
        rtol = max(jnp.shape(x)[-2:]) * _eps(x)
    return jnp.linalg.pinv(x, rtol=rtol)


def linalg_eig(x):
    _square(jnp.shape(x), "linalg.eig")
    return EigResult(*jnp.linalg.eig(x))


def linalg_eigvals(x):
    _square(jnp.shape(x), "linalg.eigvals")
    return jnp.linalg.eigvals(x)


def linalg_lstsq(a, b, rcond):
    if jnp.ndim(a) != 2 or jnp.ndim(b) not in (1, 2):
        raise ValueError("unify.core.linalg.lstsq: a must be 2-d and b 1-d or 2-d")
    m, n = jnp.shape(a)
    if jnp.shape(b)[0] != m:
        raise ValueError(f"unify.core.linalg.lstsq: shapes {jnp.shape(a)} and {jnp.shape(b)} do not match")
    if rcond is None:
        rcond = max(m, n) * _eps(a)
    concrete = not any(isinstance(v, _Tracer) for v in (a, b))
    x, res, rank, s = jnp.linalg.lstsq(a, b, rcond=rcond, numpy_resid=concrete)
    return LstsqResult(x, res.astype(s.dtype), rank.astype(jnp.int64), s)


def _lu(x):
    _matrix(jnp.shape(x), "linalg.lu")
    return jax.lax.linalg.lu(x)


def linalg_lu(x):
    lu, _, perm = _lu(x)
    m, n = jnp.shape(x)[-2:]
    k = min(m, n)
    L = jnp.tril(lu[..., :, :k], -1) + jnp.eye(m, k, dtype=lu.dtype)
    U = jnp.triu(lu[..., :k, :])
    P = jnp.swapaxes((perm[..., :, None] == jnp.arange(m)).astype(lu.dtype), -1, -2)
    return LUResult(P, L, U)


def linalg_lu_factor(x):
    lu, piv, _ = _lu(x)
    return LUFactorResult(lu, piv.astype(jnp.int64))


def linalg_solve_triangular(a, b, upper, left, unitriangular):
    sa, sb = jnp.shape(a), jnp.shape(b)
    _square(sa, "linalg.solve_triangular")
    if len(sb) < 2 or (sb[-2] if left else sb[-1]) != sa[-1]:
        raise ValueError(f"unify.core.linalg.solve_triangular: shapes {sa} and {sb} do not match")
    batch = _broadcast_shapes(tuple(sa[:-2]), tuple(sb[:-2]))
    dt = jnp.result_type(a, b)
    a = jnp.broadcast_to(a, batch + tuple(sa[-2:])).astype(dt)
    b = jnp.broadcast_to(b, batch + tuple(sb[-2:])).astype(dt)
    return jax.lax.linalg.triangular_solve(a, b, left_side=left, lower=not upper,
                                           unit_diagonal=unitriangular)


def linalg_matrix_exp(x):
    _square(jnp.shape(x), "linalg.matrix_exp")
    return jax.scipy.linalg.expm(x)
