"""torch.linalg on the core's linalg ops (decompositions return torch's named tuples).

Integer input raises RuntimeError as in torch; singular or non positive-definite input
raises `torch.linalg.LinAlgError` (a RuntimeError). The `_ex` variants report `info` the
way LAPACK does (0: success; k > 0: the failing pivot or leading minor, 1-based).
Eigenvalue order of `eig`/`eigvals` is the backend's (torch does not specify one either).
"""
from __future__ import annotations

import builtins
import math

import numpy as _np

from ... import core as C
from . import _dtype as T
from ._api import LinAlgError, public as _public, unsupported as _unsupported
from ._convert import finish
from ._reduce import TYPE_NAME, axes as _axes, finish_tuple, ret
from ._tensor import Tensor, _dim, wrap

__all__ = ["norm", "vector_norm", "matrix_norm", "det", "slogdet", "inv", "inv_ex", "pinv",
           "solve", "solve_ex", "solve_triangular", "lstsq", "cholesky", "cholesky_ex", "qr",
           "eig", "eigvals", "eigh", "eigvalsh", "svd", "svdvals", "matrix_rank",
           "matrix_power", "matrix_exp", "multi_dot", "cross", "vecdot", "diagonal",
           "householder_product", "lu", "lu_factor", "lu_factor_ex", "lu_solve", "tensorinv",
           "tensorsolve", "cond", "vander", "matmul", "LinAlgError"]

R_SLOGDET = ret("linalg_slogdet", "sign logabsdet")
R_INV_EX = ret("linalg_inv_ex", "inverse info")
R_SOLVE_EX = ret("linalg_solve_ex", "result info")
R_LSTSQ = ret("linalg_lstsq", "solution residuals rank singular_values")
R_CHOL_EX = ret("linalg_cholesky_ex", "L info")
R_QR = ret("linalg_qr", "Q R")
R_EIG, R_EIGH = ret("linalg_eig", "eigenvalues eigenvectors"), ret("linalg_eigh", "eigenvalues eigenvectors")
R_SVD = ret("linalg_svd", "U S Vh")
R_LU = ret("linalg_lu", "P L U")
R_LU_FACTOR = ret("linalg_lu_factor", "LU pivots")
R_LU_FACTOR_EX = ret("linalg_lu_factor_ex", "LU pivots info")

_I32, _I64 = C.int32, C.int64
_INF = builtins.float("inf")


# ---------------------------------------------------------------- checks


def _float(name, A, kernel=None, lowp="error"):
    """A's native value. Integer/bool input raises as torch does (NotImplementedError naming
    the CPU kernel where torch reaches one); float16/bfloat16: lowp is "ok", "error" (torch's
    RuntimeError) or the CPU kernel that raises NotImplementedError."""
    if not isinstance(A, Tensor):
        raise TypeError(f"{name}(): argument 'A' must be Tensor, not {type(A).__name__}")
    d = A.dtype
    if not (d.is_floating_point or d.is_complex):
        if kernel:
            raise NotImplementedError(f"\"{kernel}\" not implemented for '{TYPE_NAME.get(d, d)}'")
        raise RuntimeError(f"{name}: Expected a floating point or complex tensor as input. Got "
                           f"{TYPE_NAME.get(d, d)}")
    if d in (T.float16, T.bfloat16) and lowp != "ok":
        if lowp == "error":
            raise RuntimeError(f"{name}: Low precision dtypes not supported. Got {TYPE_NAME[d]}")
        raise NotImplementedError(f"\"{lowp}\" not implemented for '{TYPE_NAME[d]}'")
    return A._value()


def _matrix(name, A, square=False, kernel=None, lowp="error"):
    v = _float(name, A, kernel, lowp)
    s = C.shape(v)
    if len(s) < 2:
        raise RuntimeError(f"{name}: The input tensor A must have at least 2 dimensions.")
    if square and s[-1] != s[-2]:
        raise RuntimeError(f"{name}: A must be batches of square matrices, but they are "
                           f"{s[-2]} by {s[-1]} matrices")
    return v


def _same(name, A, B):
    if A.dtype is not B.dtype:
        raise RuntimeError(f"{name}: Expected A and B to have the same dtype, but found A of type "
                           f"{TYPE_NAME[A.dtype]} and B of type {TYPE_NAME[B.dtype]} instead.")


def _real(dt):
    return C.dtypes.real_dtype(dt) if dt.kind == "c" else dt


def _mT(v):
    return C.matrix_transpose(v)


def _mH(v):
    v = C.matrix_transpose(v)
    return C.conj(v) if C.dtype_of(v).kind == "c" else v


# ---------------------------------------------------------------- norms


def vector_norm(x, ord=2, dim=None, keepdim=False, *, dtype=None, out=None):
    v = _float("linalg.vector_norm", x, lowp="ok")
    if dtype is not None:
        dd = T.as_dtype(dtype)
        if dd is not x.dtype:
            v = C.astype(v, dd.core)
    if isinstance(ord, str):
        raise TypeError(f"linalg_vector_norm(): argument 'ord' (position 2) must be Number, "
                        f"not str")
    s = C.shape(v)
    ax = _axes(dim, len(s))
    if ord == _INF or ord < 0:
        red = range(len(s)) if ax is None else (ax,) if type(ax) is int else ax
        if builtins.any(s[a] == 0 for a in red):
            raise RuntimeError(f"linalg.vector_norm cannot compute the {ord} norm on an empty "
                               f"tensor because the operation does not have an identity")
    r = C.linalg.vector_norm(v, axis=ax, keepdims=keepdim, ord=ord)
    return finish(r, _real(C.dtype_of(v)), out)


_MATRIX_ORDS = ("fro", "nuc", _INF, -_INF, 1, -1, 2, -2)


def matrix_norm(A, ord="fro", dim=(-2, -1), keepdim=False, *, dtype=None, out=None):
    v = _float("linalg.matrix_norm", A, lowp="ok" if ord not in (2, -2, "nuc") else "error")
    if dtype is not None and T.as_dtype(dtype) is not A.dtype:
        v = C.astype(v, T.as_dtype(dtype).core)
    s = C.shape(v)
    if len(s) < 2:
        raise RuntimeError(f"linalg.matrix_norm: The input tensor A must have at least 2 "
                           f"dimensions.")
    if ord not in _MATRIX_ORDS:
        raise RuntimeError(f"linalg.matrix_norm: Order {ord} not supported.")
    if len(dim) != 2:
        raise RuntimeError(f"linalg.matrix_norm: dim must be a 2-tuple. Got {tuple(dim)}")
    d1, d2 = _dim(dim[0], len(s)), _dim(dim[1], len(s))
    if d1 == d2:
        raise RuntimeError(f"linalg.matrix_norm: dims must be different. Got ({dim[0]}, {dim[1]})")
    m = C.moveaxis(v, (d1, d2), (-2, -1))
    rows, cols = s[d1], s[d2]
    if rows == 0 or cols == 0:  # torch: 0, except where it reduces an empty min
        if (ord == -_INF and rows == 0) or (ord == -1 and cols == 0) or ord == -2:
            raise IndexError("amin(): Expected reduction dim to have non-zero size.")
        r = C.zeros(C.shape(m)[:-2], dtype=_real(C.dtype_of(v)))
    else:
        r = C.linalg.matrix_norm(m, ord=ord)
    if keepdim:
        for a in sorted((d1, d2)):
            r = C.expand_dims(r, axis=a)
    return finish(r, _real(C.dtype_of(v)), out)


def norm(A, ord=None, dim=None, keepdim=False, *, out=None, dtype=None):
    if dim is not None:
        if isinstance(dim, int) or len(dim) == 1:
            if isinstance(ord, str):
                raise RuntimeError(f"linalg.vector_norm: Expected a numeric ord, got {ord}")
            return vector_norm(A, 2 if ord is None else ord, dim, keepdim, dtype=dtype, out=out)
        if len(dim) == 2:
            return matrix_norm(A, "fro" if ord is None else ord, dim, keepdim, dtype=dtype,
                               out=out)
        raise RuntimeError(f"linalg.norm: If dim is specified, it must be of length 1 or 2. "
                           f"Got {list(dim)}")
    if ord is None:
        return vector_norm(A, 2, None, keepdim, dtype=dtype, out=out)
    if A.ndim == 1:
        return vector_norm(A, ord, None, keepdim, dtype=dtype, out=out)
    if A.ndim == 2:
        return matrix_norm(A, ord, (-2, -1), keepdim, dtype=dtype, out=out)
    raise RuntimeError(f"linalg.norm: If dim is not specified but ord is, the input must be 1D "
                       f"or 2D. Got {A.ndim}D.")


def cond(A, p=None, *, out=None):
    v = _matrix("linalg.cond", A, lowp="linalg_svd_cpu" if p in (None, 2, -2) else "error")
    rd = _real(C.dtype_of(v))
    if p in (None, 2, -2):
        sv = C.linalg.svdvals(v)
        hi, lo = C.max(sv, axis=-1), C.min(sv, axis=-1)
        return finish(C.divide(lo, hi) if p == -2 else C.divide(hi, lo), rd, out)
    s = C.shape(v)
    if s[-1] != s[-2]:
        raise RuntimeError(f"linalg.cond(ord={p}): A must be batches of square matrices, but "
                           f"they are {s[-2]} by {s[-1]} matrices")
    if p not in _MATRIX_ORDS:
        raise RuntimeError(f"linalg.cond got an invalid norm type: {p}")
    try:
        iv = C.linalg.inv(v)
    except ValueError:
        return finish(C.full(s[:-2], _INF, dtype=rd), rd, out)
    r = C.multiply(C.linalg.matrix_norm(v, ord=p), C.linalg.matrix_norm(iv, ord=p))
    return finish(r, rd, out)


# ---------------------------------------------------------------- determinants and inverses


def det(A, *, out=None):
    v = _matrix("linalg.det", A, True, lowp="lu_cpu")
    return finish(C.linalg.det(v), C.dtype_of(v), out)


def slogdet(A, *, out=None):
    v = _matrix("linalg.slogdet", A, True)
    r = C.linalg.slogdet(v)
    return finish_tuple(R_SLOGDET, (r.sign, r.logabsdet), (C.dtype_of(v), _real(C.dtype_of(v))), out)


def _batches(v):
    s = C.shape(v)
    return s[:-2], int(math.prod(s[:-2]))


def _host_lu(v):
    """(packed LU, 0-based pivots, info) by partial-pivoting elimination on the host: the
    fallback for singular input, which some backends' LU refuses (tensorflow)."""
    a = _np.array(C.to_numpy(v))
    shape = a.shape
    m, n = shape[-2:]
    k = builtins.min(m, n)
    a = a.reshape((-1, m, n))
    piv = _np.zeros((a.shape[0], k), dtype=_np.int64)
    info = _np.zeros(a.shape[0], dtype=_np.int32)
    for b in range(a.shape[0]):
        x = a[b]
        for j in range(k):
            p = j + int(_np.argmax(_np.abs(x[j:, j])))
            piv[b, j] = p
            if p != j:
                x[[j, p]] = x[[p, j]]
            if x[j, j] == 0:
                info[b] = info[b] or j + 1
                continue
            x[j + 1:, j] /= x[j, j]
            x[j + 1:, j + 1:] -= _np.outer(x[j + 1:, j], x[j, j + 1:])
    return (C.asarray(a.reshape(shape)), C.asarray(piv.reshape(shape[:-2] + (k,))),
            C.asarray(info.reshape(shape[:-2])))


def _lu_info(v):
    """LAPACK's getrf info per matrix (0, or the 1-based index of the first zero pivot)."""
    bs, _ = _batches(v)
    n = builtins.min(C.shape(v)[-2:])
    if not n:
        return C.zeros(bs, dtype=_I32)
    try:
        u = C.linalg.lu(v)[2]
    except ValueError:
        return _host_lu(v)[2]
    diag = _np.asarray(C.to_numpy(C.diagonal(u, axis1=-2, axis2=-1))).reshape(-1, n)
    zero = diag == 0
    info = _np.where(zero.any(axis=1), zero.argmax(axis=1) + 1, 0).astype(_np.int32)
    return C.asarray(info.reshape(bs))


def inv(A, *, out=None):
    v = _matrix("linalg.inv", A, True)
    return finish(C.linalg.inv(v), C.dtype_of(v), out)


def inv_ex(A, *, check_errors=False, out=None):
    v = _matrix("linalg.inv_ex", A, True)
    dt = C.dtype_of(v)
    info = _lu_info(v)
    if builtins.bool(C.to_numpy(C.any(C.not_equal(info, 0)))):
        if check_errors:
            raise LinAlgError("linalg.inv_ex: The diagonal element is zero, the inversion could "
                              "not be completed because the input matrix is singular.")
        r = C.full(C.shape(v), builtins.float("nan"), dtype=dt)
    else:
        r = C.linalg.inv(v)
    return finish_tuple(R_INV_EX, (r, info), (dt, _I32), out)


def pinv(A, *, atol=None, rtol=None, hermitian=False, out=None):
    v = _matrix("linalg.pinv", A)
    dt = C.dtype_of(v)
    s = C.shape(v)
    if hermitian:
        w, q = C.linalg.eigh(v)
        sv = C.abs(w)
        tol = _tolerance(sv, atol, rtol, s, keep=True)
        inv_w = C.where(C.greater(sv, tol), C.divide(1.0, C.where(C.greater(sv, tol), w, 1.0)), 0.0)
        r = C.matmul(C.multiply(q, C.expand_dims(C.astype(inv_w, dt), axis=-2)), _mH(q))
        return finish(r, dt, out)
    u, sv, vh = C.linalg.svd(v, full_matrices=False)
    tol = _tolerance(sv, atol, rtol, s, keep=True)
    keep = C.greater(sv, tol)
    inv_s = C.where(keep, C.divide(1.0, C.where(keep, sv, 1.0)), 0.0)
    r = C.matmul(C.multiply(_mH(vh), C.expand_dims(C.astype(inv_s, dt), axis=-2)), _mH(u))
    return finish(r, dt, out)


def _tolerance(sv, atol, rtol, shape, keep=False):
    """max(atol, rtol * largest singular value), torch's defaults (sv: (..., k) descending or
    not; a (..., 1) result when keep)."""
    rd = C.dtype_of(sv)
    eps = C.finfo(rd).eps
    if rtol is None:
        rtol = eps * builtins.max(shape[-2], shape[-1]) if (atol is None or _is_zero(atol)) else 0.0
    smax = C.max(sv, axis=-1, keepdims=True) if C.shape(sv)[-1] else C.zeros(C.shape(sv)[:-1] + (1,), dtype=rd)
    tol = C.multiply(smax, _val(rtol, rd, keep=True))
    if atol is not None:
        tol = C.maximum(tol, _val(atol, rd, keep=True))
    return tol if keep else C.squeeze(tol, -1)


def _is_zero(x):
    return not isinstance(x, Tensor) and x == 0


def _val(x, rd, keep=False):
    if isinstance(x, Tensor):
        v = C.astype(x._value(), rd)
        return C.expand_dims(v, axis=-1) if keep and C.shape(v) else v
    return C.asarray(builtins.float(x), dtype=rd)


def matrix_rank(A, tol=None, hermitian=False, *, atol=None, rtol=None, out=None):
    v = _matrix("linalg.matrix_rank", A)
    if tol is not None:
        atol, rtol = tol, 0.0
    sv = C.abs(C.linalg.eigvalsh(v)) if hermitian else C.linalg.svdvals(v)
    t = _tolerance(sv, atol, rtol, C.shape(v), keep=True)
    return finish(C.sum(C.greater(sv, t), axis=-1, dtype=_I64), _I64, out)


# ---------------------------------------------------------------- solvers


def _vector_rhs(a, b):
    sa, sb = C.shape(a), C.shape(b)
    return len(sb) == 1 or (len(sb) == len(sa) - 1 and sb == sa[:-1])


def solve(A, B, *, left=True, out=None):
    a = _matrix("linalg.solve", A, True, lowp="lu_cpu")
    _same("linalg.solve", A, B)
    b = B._value()
    vec = _vector_rhs(a, b)
    if not left:
        if vec:
            raise RuntimeError("linalg.solve: Vector broadcasting of the left hand side is not "
                               "supported for left=False. In this case linalg.solve is "
                               "equivalent to B / A.squeeze(-1)")
        return finish(_mT(_solve(_mT(a), _mT(b))), C.dtype_of(a), out)
    if vec:
        r = C.squeeze(_solve(a, C.expand_dims(b, axis=-1)), -1)
    else:
        r = _solve(a, b)
    return finish(r, C.dtype_of(a), out)


def _solve(a, b):
    sa, sb = C.shape(a), C.shape(b)
    if sb[-2] != sa[-1]:
        raise RuntimeError(f"linalg.solve: Incompatible shapes of A and B for the equation "
                           f"AX = B ({sa[-2]}x{sa[-1]} and {sb[-2]}x{sb[-1]})")
    return C.linalg.solve(a, b)


def solve_ex(A, B, *, left=True, check_errors=False, out=None):
    a = _matrix("linalg.solve_ex", A, True, lowp="lu_cpu")
    info = _lu_info(a)
    if builtins.bool(C.to_numpy(C.any(C.not_equal(info, 0)))):
        if check_errors:
            raise LinAlgError("linalg.solve_ex: The solver failed because the input matrix is "
                              "singular.")
        _same("linalg.solve_ex", A, B)
        shape = C.shape(solve(wrap(C.eye(C.shape(a)[-1], dtype=C.dtype_of(a))), B,
                              left=left)._value())
        r = C.full(C.broadcast_shapes(shape, C.shape(a)[:-2] + shape[-2:]) if len(shape) >= 2
                   and not _vector_rhs(a, B._value()) else shape, builtins.float("nan"),
                   dtype=C.dtype_of(a))
    else:
        r = solve(A, B, left=left)._value()
    return finish_tuple(R_SOLVE_EX, (r, info), (C.dtype_of(a), _I32), out)


def solve_triangular(A, B, *, upper, left=True, unitriangular=False, out=None):
    a = _matrix("linalg.solve_triangular", A, kernel="triangular_solve_cpu",
                lowp="triangular_solve_cpu")
    _same("linalg.solve_triangular", A, B)
    b = B._value()
    if len(C.shape(b)) < 2:
        raise RuntimeError("linalg.solve_triangular: The input tensor B must have at least 2 "
                           "dimensions.")
    r = C.linalg.solve_triangular(a, b, upper=builtins.bool(upper), left=builtins.bool(left),
                                  unitriangular=builtins.bool(unitriangular))
    return finish(r, C.dtype_of(a), out)


_DRIVERS = (None, "gels", "gelsy", "gelsd", "gelss")


def lstsq(A, B, rcond=None, *, driver=None):
    """CPU semantics: the default driver is 'gelsy' (no residuals or singular values)."""
    a = _matrix("torch.linalg.lstsq", A)
    _same("torch.linalg.lstsq", A, B)
    if driver not in _DRIVERS:
        raise RuntimeError(f"torch.linalg.lstsq: parameter `driver` should be one of "
                           f"(gels, gelsy, gelsd, gelss)")
    driver = driver or "gelsy"
    b = B._value()
    dt = C.dtype_of(a)
    rd = _real(dt)
    vec = len(C.shape(b)) == len(C.shape(a)) - 1
    if vec:
        b = C.expand_dims(b, axis=-1)
    sa, sb = C.shape(a), C.shape(b)
    if sa[-2] != sb[-2]:
        raise RuntimeError(f"torch.linalg.lstsq: input.size(-2) should match other.size(-2)")
    batch = C.broadcast_shapes(sa[:-2], sb[:-2])
    a = C.broadcast_to(a, batch + sa[-2:])
    b = C.broadcast_to(b, batch + sb[-2:])
    n = int(math.prod(batch))
    a2 = C.reshape(a, (n,) + sa[-2:])
    b2 = C.reshape(b, (n,) + sb[-2:])
    sols, ranks, svs, res = [], [], [], []
    for i in range(n):
        r = C.linalg.lstsq(C.getitem(a2, i), C.getitem(b2, i), rcond=rcond)
        sols.append(r.solution)
        ranks.append(r.rank)
        svs.append(r.singular_values)
        res.append(r.residuals)
    m, k = sa[-2], sa[-1]
    sol = C.reshape(C.stack(sols) if n else C.zeros((0, k, sb[-1]), dtype=dt), batch + (k, sb[-1]))
    if vec:
        sol = C.squeeze(sol, -1)
    rank = C.reshape(C.astype(C.stack(ranks), _I64), batch) if n and driver != "gels" \
        else C.zeros((0,), dtype=_I64)
    sv = C.reshape(C.stack(svs), batch + (builtins.min(m, k),)) if n and driver in ("gelsd", "gelss") \
        else C.zeros((0,), dtype=rd)
    full = n and m > k and builtins.all(int(C.to_numpy(r)) == k for r in ranks)
    if driver != "gelsy" and full:
        fit = C.matmul(a, C.expand_dims(sol, axis=-1) if vec else sol)
        resid = C.sum(_sq(C.subtract(fit, b)), axis=-2)
    else:
        resid = C.zeros((0,), dtype=rd)
    return R_LSTSQ(wrap(sol, T.FROM_CORE[dt]), wrap(C.astype(resid, rd), T.FROM_CORE[rd]),
                   wrap(rank, T.int64), wrap(sv, T.FROM_CORE[rd]))


def _sq(x):
    return C.real(C.multiply(x, C.conj(x))) if C.dtype_of(x).kind == "c" else C.multiply(x, x)


# ---------------------------------------------------------------- decompositions


def cholesky(A, *, upper=False, out=None):
    v = _matrix("linalg.cholesky", A, True, lowp="cholesky_cpu")
    return finish(C.linalg.cholesky(v, upper=builtins.bool(upper)), C.dtype_of(v), out)


def _chol_info(v):
    """The order of the first leading minor that is not positive-definite, per matrix."""
    bs, nb = _batches(v)
    n = C.shape(v)[-1]
    flat = C.reshape(v, (nb, n, n))
    infos = []
    for i in range(nb):
        m = C.getitem(flat, i)
        code = 0
        for k in range(1, n + 1):
            try:
                C.linalg.cholesky(C.getitem(m, (slice(0, k), slice(0, k))))
            except ValueError:
                code = k
                break
        infos.append(code)
    return C.asarray(_np.asarray(infos, dtype=_np.int32).reshape(bs))


def cholesky_ex(A, *, upper=False, check_errors=False, out=None):
    v = _matrix("linalg.cholesky_ex", A, True, lowp="cholesky_cpu")
    dt = C.dtype_of(v)
    try:
        L = C.linalg.cholesky(v, upper=builtins.bool(upper))
        info = C.zeros(C.shape(v)[:-2], dtype=_I32)
    except ValueError:
        info = _chol_info(v)
        if check_errors:
            raise LinAlgError("linalg.cholesky_ex: The factorization could not be completed "
                              "because the input is not positive-definite.") from None
        L = C.full(C.shape(v), builtins.float("nan"), dtype=dt)
    else:
        if builtins.bool(C.to_numpy(C.any(C.isnan(L)))):  # jit-style backends: no exception
            info = _chol_info(v)
    return finish_tuple(R_CHOL_EX, (L, info), (dt, _I32), out)


def qr(A, mode="reduced", *, out=None):
    v = _matrix("linalg.qr", A, lowp="geqrf_cpu")
    if mode not in ("reduced", "complete", "r"):
        raise RuntimeError(f"qr received unrecognized mode '{mode}' but expected one of "
                           f"'reduced' (default), 'r', or 'complete'")
    dt = C.dtype_of(v)
    q, r = C.linalg.qr(v, mode="reduced" if mode == "r" else mode)
    if mode == "r":
        q = C.zeros((0,), dtype=dt)
    return finish_tuple(R_QR, (q, r), (dt, dt), out)


def eig(A, *, out=None):
    v = _matrix("linalg.eig", A, True, lowp="linalg_eig_out_cpu")
    w, q = C.linalg.eig(v)
    cd = C.dtype_of(w)
    return finish_tuple(R_EIG, (w, q), (cd, cd), out)


def eigvals(A, *, out=None):
    v = _matrix("linalg.eigvals", A, True, lowp="linalg_eig_out_cpu")
    w = C.linalg.eigvals(v)
    return finish(w, C.dtype_of(w), out)


def _uplo(v, UPLO):
    """v whose lower triangle holds the Hermitian matrix UPLO names (A^H for 'U')."""
    if UPLO not in ("L", "U"):
        raise RuntimeError(f"Expected UPLO argument to be 'L' or 'U', but got {UPLO}")
    return v if UPLO == "L" else _mH(v)


def eigh(A, UPLO="L", *, out=None):
    v = _uplo(_matrix("linalg.eigh", A, True, "linalg_eigh_cpu", "linalg_eigh_cpu"), UPLO)
    w, q = C.linalg.eigh(v)  # the lower triangle of A^H is the Hermitian matrix A's upper one defines
    return finish_tuple(R_EIGH, (w, q), (_real(C.dtype_of(v)), C.dtype_of(v)), out)


def eigvalsh(A, UPLO="L", *, out=None):
    v = _uplo(_matrix("linalg.eigvalsh", A, True, "linalg_eigh_cpu", "linalg_eigh_cpu"), UPLO)
    return finish(C.linalg.eigvalsh(v), _real(C.dtype_of(v)), out)


def svd(A, full_matrices=True, *, driver=None, out=None):
    v = _matrix("linalg.svd", A, lowp="linalg_svd_cpu")
    dt = C.dtype_of(v)
    u, s, vh = C.linalg.svd(v, full_matrices=builtins.bool(full_matrices))
    return finish_tuple(R_SVD, (u, s, vh), (dt, _real(dt), dt), out)


def svdvals(A, *, driver=None, out=None):
    v = _matrix("linalg.svdvals", A, lowp="linalg_svd_cpu")
    return finish(C.linalg.svdvals(v), _real(C.dtype_of(v)), out)


def _empty_lu_factor(v):
    """(LU, pivots, info) of matrices with no rows or no columns."""
    s = C.shape(v)
    return (v, C.zeros(s[:-2] + (0,), dtype=_I32), C.zeros(s[:-2], dtype=_I32))


def lu(A, *, pivot=True, out=None):
    v = _matrix("linalg.lu", A, kernel="lu_cpu", lowp="lu_cpu")
    if not pivot:
        raise RuntimeError("linalg.lu_factor: LU without pivoting is not implemented on the CPU")
    dt = C.dtype_of(v)
    s = C.shape(v)
    if 0 in s[-2:]:
        m, n = s[-2:]
        k = builtins.min(m, n)
        p = C.broadcast_to(C.eye(m, dtype=dt), s[:-2] + (m, m))
        l_ = C.broadcast_to(C.eye(m, k, dtype=dt), s[:-2] + (m, k))
        return finish_tuple(R_LU, (p, l_, C.zeros(s[:-2] + (k, n), dtype=dt)), (dt, dt, dt), out)
    p, l_, u = C.linalg.lu(v)
    return finish_tuple(R_LU, (p, l_, u), (dt, dt, dt), out)


def lu_factor(A, *, pivot=True, out=None):
    """pivots are 1-based int32 (LAPACK's), as torch's. A singular A raises, as in torch."""
    v = _matrix("linalg.lu_factor", A, kernel="lu_cpu", lowp="lu_cpu")
    if not pivot:
        raise RuntimeError("linalg.lu_factor: LU without pivoting is not implemented on the CPU")
    if 0 in C.shape(v)[-2:]:
        return finish_tuple(R_LU_FACTOR, _empty_lu_factor(v)[:2], (C.dtype_of(v), _I32), out)
    luv, piv = C.linalg.lu_factor(v)
    info = _np.asarray(C.to_numpy(_lu_info(v))).reshape(-1)
    bad = info[info > 0]
    if bad.size:
        i = int(bad[0]) - 1
        raise RuntimeError(f"torch.linalg.lu_factor: U[{i},{i}] is zero and using it on lu_solve "
                           f"would result in a division by zero. If you still want to perform "
                           f"the factorization, consider calling linalg.lu(A, pivot) or "
                           f"linalg.lu_factor_ex(A, pivot)")
    return finish_tuple(R_LU_FACTOR, (luv, C.astype(C.add(piv, 1), _I32)), (C.dtype_of(v), _I32), out)


def lu_factor_ex(A, *, pivot=True, check_errors=False, out=None):
    v = _matrix("linalg.lu_factor_ex", A, kernel="lu_cpu", lowp="lu_cpu")
    if not pivot:
        raise RuntimeError("linalg.lu_factor: LU without pivoting is not implemented on the CPU")
    if 0 in C.shape(v)[-2:]:
        return finish_tuple(R_LU_FACTOR_EX, _empty_lu_factor(v), (C.dtype_of(v), _I32, _I32), out)
    info = _lu_info(v)
    singular = builtins.bool(C.to_numpy(C.any(C.not_equal(info, 0))))
    if singular and check_errors:
        raise LinAlgError("torch.linalg.lu_factor_ex: U is singular")
    luv, piv = _host_lu(v)[:2] if singular else C.linalg.lu_factor(v)
    return finish_tuple(R_LU_FACTOR_EX, (luv, C.astype(C.add(piv, 1), _I32), info),
                        (C.dtype_of(v), _I32, _I32), out)


def _perm_matrix(pivots, n, dt):
    """The permutation matrices P (..., n, n) of 1-based LAPACK pivots (A = P L U)."""
    piv = _np.asarray(C.to_numpy(pivots)).astype(_np.int64) - 1
    bs = piv.shape[:-1]
    flat = piv.reshape(-1, piv.shape[-1])
    perms = _np.empty((flat.shape[0], n), dtype=_np.int64)
    for b, row in enumerate(flat):
        perm = _np.arange(n)
        for i, j in enumerate(row):
            perm[i], perm[j] = perm[j], perm[i]
        perms[b] = perm
    eye = _np.eye(n)
    P = eye[perms].transpose(0, 2, 1)  # column i of P is e_{perm[i]}
    return C.astype(C.asarray(P.reshape(bs + (n, n))), dt)


def lu_solve(LU, pivots, B, *, left=True, adjoint=False, out=None):
    luv = _matrix("torch.linalg.lu_solve", LU, True, lowp="linalg.lu_solve_cpu")
    _same("linalg.lu_solve", LU, B)
    if pivots.dtype is not T.int32:
        raise RuntimeError("linalg.lu_solve: pivots should be a Tensor of scalar type Int")
    b = B._value()
    dt = C.dtype_of(luv)
    n = C.shape(luv)[-1]
    if n == 0:
        shape = C.broadcast_shapes(C.shape(luv)[:-2], C.shape(b)[:-2]) + C.shape(b)[-2:]
        return finish(C.zeros(shape, dtype=dt), dt, out)
    P = _perm_matrix(pivots._value(), n, dt)
    L = C.add(C.tril(luv, k=-1), C.eye(n, dtype=dt))
    U = C.triu(luv)
    st = C.linalg.solve_triangular

    def solve_a(rhs):  # A X = rhs, A = P L U
        y = st(L, C.matmul(_mT(P), rhs), upper=False, unitriangular=True)
        return st(U, y, upper=True)

    def solve_ah(rhs):  # A^H X = rhs, A^H = U^H L^H P^T
        y = st(_mH(U), rhs, upper=False)
        return C.matmul(P, st(_mH(L), y, upper=True, unitriangular=True))

    if left:
        r = solve_ah(b) if adjoint else solve_a(b)
    else:  # X A = B  <=>  A^H X^H = B^H ;  X A^H = B  <=>  A X^H = B^H
        r = _mH(solve_a(_mH(b)) if adjoint else solve_ah(_mH(b)))
    return finish(r, dt, out)


def householder_product(A, tau, *, out=None):
    a = _matrix("torch.linalg.householder_product", A, kernel="orgqr_cpu", lowp="orgqr_cpu")
    _same("torch.linalg.householder_product", A, tau)
    t = tau._value()
    m, n = C.shape(a)[-2:]
    k = C.shape(t)[-1] if C.shape(t) else 0
    if m < n:
        raise RuntimeError("torch.linalg.householder_product: input.shape[-2] must be greater "
                           "than or equal to input.shape[-1]")
    if k > n:
        raise RuntimeError("torch.linalg.householder_product: input.shape[-1] must be greater "
                           "than or equal to tau.shape[-1]")
    dt = C.dtype_of(a)
    bs = C.shape(a)[:-2]
    q = C.broadcast_to(C.eye(m, dtype=dt), bs + (m, m))
    rows = C.reshape(C.arange(m), (m, 1))
    for i in range(k):
        col = C.getitem(a, (Ellipsis, slice(None), slice(i, i + 1)))  # (..., m, 1)
        v = C.where(C.less(rows, i), C.zeros((), dtype=dt), col)
        v = C.where(C.equal(rows, i), C.ones((), dtype=dt), v)
        ti = C.expand_dims(C.expand_dims(C.getitem(t, (Ellipsis, i)), axis=-1), axis=-1)
        q = C.subtract(q, C.multiply(ti, C.matmul(C.matmul(q, v), _mH(v))))
    return finish(C.getitem(q, (Ellipsis, slice(None), slice(0, n))), dt, out)


# ---------------------------------------------------------------- products and helpers


def matrix_power(A, n, *, out=None):
    v = A._value()
    s = C.shape(v)
    if len(s) < 2 or s[-1] != s[-2]:
        raise RuntimeError(f"linalg.matrix_power: A must be batches of square matrices, but they "
                           f"are {s[-2] if len(s) > 1 else ''} by {s[-1] if s else ''} matrices")
    if n < 0:
        _float("linalg.matrix_power", A)
    return finish(C.linalg.matrix_power(v, n), C.dtype_of(v), out)


def matrix_exp(A):
    v = _matrix("linalg.matrix_exp", A, True, lowp="ok")
    return finish(C.linalg.matrix_exp(v), C.dtype_of(v), None)


def multi_dot(tensors, *, out=None):
    tensors = list(tensors)
    if len(tensors) < 2:
        raise RuntimeError(f"multi_dot(): expected at least 2 tensors but got {len(tensors)}")
    d = tensors[0].dtype
    for i, t in enumerate(tensors):
        if t.dtype is not d:
            raise RuntimeError(f"multi_dot(): all tensors must have be the same dtype but tensor "
                               f"0 is {d} and tensor {i} {t.dtype}")
        nd = t.ndim
        if (i in (0, len(tensors) - 1) and nd not in (1, 2)) or (0 < i < len(tensors) - 1 and nd != 2):
            raise RuntimeError(f"multi_dot(): tensor {i} must be 2D but got {nd}D")
    if d is T.bool:
        raise NotImplementedError("\"addmm_impl_cpu_\" not implemented for 'Bool'")
    vs = [t._value() for t in tensors]
    return finish(C.linalg.multi_dot(vs), d.core, out)


def cross(input, other, *, dim=-1, out=None):
    from ._products import cross as _cross

    return _cross(input, other, dim, out=out)


def vecdot(x, y, *, dim=-1, out=None):
    _float("linalg.vecdot", x, lowp="ok")
    if x.dtype is not y.dtype:
        raise RuntimeError(f"linalg.vecdot: Expected x and y to have the same dtype, but found "
                           f"x of type {TYPE_NAME[x.dtype]} and y of type {TYPE_NAME[y.dtype]} "
                           f"instead")
    a, b = x._value(), y._value()
    nd = builtins.max(len(C.shape(a)), len(C.shape(b)))
    ax = _dim(dim, nd)
    try:
        shape = C.broadcast_shapes(C.shape(a), C.shape(b))
    except ValueError:
        raise RuntimeError(f"linalg.vecdot: shapes {list(C.shape(a))} and {list(C.shape(b))} "
                           f"cannot be broadcast") from None
    if C.dtype_of(a).kind == "c":
        a = C.conj(a)
    return finish(C.sum(C.multiply(a, b), axis=ax - nd if shape else None), x.dtype.core, out)


def diagonal(A, *, offset=0, dim1=-2, dim2=-1):
    from ._views import diagonal as _diag

    return _diag(A, offset, dim1, dim2)


def tensorinv(A, ind=2, *, out=None):
    v = _float("linalg.tensorinv", A)
    if ind <= 0:
        raise RuntimeError(f"Expected a strictly positive integer for 'ind', but got {ind}")
    s = C.shape(v)
    if math.prod(s[:ind]) != math.prod(s[ind:]):
        raise RuntimeError(f"Expected self to satisfy the requirement "
                           f"prod(self.shape[ind:]) == prod(self.shape[:ind]), but got "
                           f"{math.prod(s[ind:])} != {math.prod(s[:ind])}")
    return finish(C.linalg.tensorinv(v, ind=ind), C.dtype_of(v), out)


def tensorsolve(A, B, dims=None, *, out=None):
    v = _float("linalg.tensorsolve", A, lowp="lu_cpu")
    _same("linalg.tensorsolve", A, B)
    return finish(C.linalg.tensorsolve(v, B._value(), axes=dims), C.dtype_of(v), out)


def vander(x, N=None):
    v = x._value()
    s = C.shape(v)
    if not s:  # a 0-d x is one point
        v, s = C.reshape(v, (1,)), (1,)
    n = s[-1] if N is None else N
    if n <= 1:
        raise RuntimeError("N must be greater than 1.")
    if x.dtype in (T.bool, T.float16, T.bfloat16):
        raise RuntimeError(f"linalg.vander supports floating point, complex, and integer "
                           f"tensors, but got {TYPE_NAME[x.dtype]}")
    d = x.dtype.core
    if d.kind in "iu":
        d = C.int64
        v = C.astype(v, d)
    if n == 0:
        return finish(C.zeros(s + (0,), dtype=d), d, None)
    ones = C.ones(s + (1,), dtype=d)
    if n == 1:
        return finish(ones, d, None)
    rep = C.broadcast_to(C.expand_dims(v, axis=-1), s + (n - 1,))
    return finish(C.concat([ones, C.cumulative_prod(rep, axis=-1, dtype=d)], axis=-1), d, None)


from ._pointwise import matmul  # noqa: E402  (torch.linalg.matmul is torch.matmul)

for _n in __all__:
    _f = globals()[_n]
    if callable(_f) and not isinstance(_f, type):
        globals()[_n] = _public(_f, _n)
del _n, _f


def __getattr__(name: str):
    raise _unsupported("torch.linalg", name)
