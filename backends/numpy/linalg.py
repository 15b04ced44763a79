"""NumPy linalg: numpy.linalg where it has the function; LU, triangular solves and the
matrix exponential (which NumPy lacks) are written here with NumPy."""
import numpy as np

from ...core.ops.linalg import (EighResult, EigResult, LinAlgError, LstsqResult, LUFactorResult,
                                LUResult, QRResult, SlogdetResult, SVDResult, _matrix, _solve_shapes,
                                _square, _tensordot_axes)

_LA = np.linalg.LinAlgError

matmul = np.matmul


def matrix_transpose(x):
    if np.ndim(x) < 2:
        raise ValueError(f"unify.core.matrix_transpose: x must be at least 2-d, got shape {np.shape(x)}")
    return np.swapaxes(x, -1, -2)


def tensordot(x1, x2, axes):
    a1, a2 = _tensordot_axes(axes, np.shape(x1), np.shape(x2))
    return np.asarray(np.tensordot(x1, x2, axes=(a1, a2)))


def einsum(subscripts, operands):
    return np.asarray(np.einsum(subscripts, *operands))


def _lae(op, e):
    return LinAlgError(f"unify.core.{op}: {e}")


def linalg_cholesky(x, upper):
    try:
        lo = np.linalg.cholesky(x)  # reads the lower triangle (upper=True: its conjugate transpose)
        return np.conj(np.swapaxes(lo, -1, -2)) if upper else lo
    except _LA as e:
        raise _lae("linalg.cholesky", e) from e


def linalg_det(x):
    try:
        return np.asarray(np.linalg.det(x))
    except _LA as e:
        raise _lae("linalg.det", e) from e


def linalg_slogdet(x):
    try:
        s, l = np.linalg.slogdet(x)
    except _LA as e:
        raise _lae("linalg.slogdet", e) from e
    return SlogdetResult(np.asarray(s), np.asarray(l))


def linalg_inv(x):
    try:
        return np.linalg.inv(x)
    except _LA as e:
        raise _lae("linalg.inv", e) from e


def linalg_solve(x1, x2):
    _solve_shapes(np.shape(x1), np.shape(x2))
    try:
        return np.linalg.solve(x1, x2)
    except _LA as e:
        raise _lae("linalg.solve", e) from e


def linalg_eigh(x):
    try:
        return EighResult(*np.linalg.eigh(x))
    except _LA as e:
        raise _lae("linalg.eigh", e) from e


def linalg_eigvalsh(x):
    try:
        return np.linalg.eigvalsh(x)
    except _LA as e:
        raise _lae("linalg.eigvalsh", e) from e


def linalg_qr(x, mode):
    if mode not in ("reduced", "complete"):
        raise ValueError(f"unify.core.linalg.qr: mode must be 'reduced' or 'complete', got {mode!r}")
    try:
        return QRResult(*np.linalg.qr(x, mode=mode))
    except _LA as e:
        raise _lae("linalg.qr", e) from e


def linalg_svd(x, full_matrices):
    try:
        return SVDResult(*np.linalg.svd(x, full_matrices=full_matrices))
    except _LA as e:
        raise _lae("linalg.svd", e) from e


def linalg_svdvals(x):
    try:
        return np.linalg.svdvals(x)
    except _LA as e:
        raise _lae("linalg.svdvals", e) from e


def _eps(x):
    return np.finfo(np.result_type(x, np.float32)).eps


def linalg_pinv(x, rtol):
    _matrix(np.shape(x), "linalg.pinv")
    if rtol is None:
        rtol = max(np.shape(x)[-2:]) * _eps(x)
    try:
        return np.linalg.pinv(x, rtol=rtol)
    except _LA as e:
        raise _lae("linalg.pinv", e) from e


def _complex(x):
    return np.complex64 if np.result_type(x) in (np.float32, np.complex64) else np.complex128


def linalg_eig(x):
    try:
        w, v = np.linalg.eig(x)
    except _LA as e:
        raise _lae("linalg.eig", e) from e
    c = _complex(x)
    return EigResult(w.astype(c, copy=False), v.astype(c, copy=False))


def linalg_eigvals(x):
    try:
        return np.linalg.eigvals(x).astype(_complex(x), copy=False)
    except _LA as e:
        raise _lae("linalg.eigvals", e) from e


def linalg_lstsq(a, b, rcond):
    if np.ndim(a) != 2 or np.ndim(b) not in (1, 2):
        raise ValueError("unify.core.linalg.lstsq: a must be 2-d and b 1-d or 2-d")
    if rcond is None:  # the eps of the input's precision (NumPy uses double's for float32)
        rcond = max(np.shape(a)) * _eps(a)
    try:
        x, res, rank, s = np.linalg.lstsq(a, b, rcond=rcond)
    except _LA as e:
        raise _lae("linalg.lstsq", e) from e
    return LstsqResult(x, res, np.asarray(rank, dtype=np.int64), s)


# ---------------------------------------------------------------- LU (partial pivoting, like LAPACK getrf)


def _lu(x):
    """(packed LU, 0-based pivots, row permutation) of a stack of matrices."""
    a = np.asarray(x)
    if a.ndim < 2:
        raise ValueError(f"unify.core.linalg.lu: expected at least 2 dimensions, got shape {a.shape}")
    if a.dtype.kind not in "fc":
        a = a.astype(np.float64)
    m, n = a.shape[-2:]
    k = min(m, n)
    batch = a.shape[:-2]
    a = a.reshape((-1, m, n)).copy()
    nb = a.shape[0]
    rows = np.arange(nb)
    piv = np.zeros((nb, k), np.int64)
    perm = np.tile(np.arange(m, dtype=np.int64), (nb, 1))
    for j in range(k):
        col = a[:, j:, j]
        score = np.abs(col.real) + np.abs(col.imag) if a.dtype.kind == "c" else np.abs(col)
        p = j + np.argmax(score, axis=1)
        piv[:, j] = p
        swap = p != j
        if swap.any():
            r, q = rows[swap], p[swap]
            tmp = a[r, j, :].copy()
            a[r, j, :] = a[r, q, :]
            a[r, q, :] = tmp
            tmp = perm[r, j].copy()
            perm[r, j] = perm[r, q]
            perm[r, q] = tmp
        d = a[:, j, j]
        nz = d != 0
        if j + 1 < m:
            l = a[:, j + 1:, j]
            l = np.where(nz[:, None], l / np.where(nz, d, 1)[:, None], l)
            a[:, j + 1:, j] = l
            if j + 1 < n:
                a[:, j + 1:, j + 1:] -= l[:, :, None] * a[:, j, None, j + 1:]
    return a.reshape(batch + (m, n)), piv.reshape(batch + (k,)), perm.reshape(batch + (m,))


def linalg_lu(x):
    a, _, perm = _lu(x)
    m, n = a.shape[-2:]
    k = min(m, n)
    L = np.tril(a[..., :, :k], -1) + np.eye(m, k, dtype=a.dtype)
    U = np.triu(a[..., :k, :])
    P = np.swapaxes(perm[..., :, None] == np.arange(m), -1, -2).astype(a.dtype)
    return LUResult(P, L, U)


def linalg_lu_factor(x):
    a, piv, _ = _lu(x)
    return LUFactorResult(a, piv)


def linalg_solve_triangular(a, b, upper, left, unitriangular):
    a, b = np.asarray(a), np.asarray(b)
    _square(a.shape, "linalg.solve_triangular")
    if b.ndim < 2:
        raise ValueError("unify.core.linalg.solve_triangular: b must be at least 2-d")
    n = a.shape[-1]
    if (b.shape[-2] if left else b.shape[-1]) != n:
        raise ValueError(f"unify.core.linalg.solve_triangular: shapes {a.shape} and {b.shape} do not match")
    k = 1 if unitriangular else 0
    t = np.triu(a, k) if upper else np.tril(a, -k)
    if unitriangular:
        t = t + np.eye(n, dtype=t.dtype)
    try:
        if left:
            return np.linalg.solve(t, b)
        return np.swapaxes(np.linalg.solve(np.swapaxes(t, -1, -2), np.swapaxes(b, -1, -2)), -1, -2)
    except _LA as e:
        raise _lae("linalg.solve_triangular", e) from e


# ---------------------------------------------------------------- matrix exponential
# scaling and squaring with the degree-13 Pade approximant (Higham 2005), computed in
# double precision and cast back

_PADE13 = (64764752532480000.0, 32382376266240000.0, 7771770303897600.0, 1187353796428800.0,
           129060195264000.0, 10559470521600.0, 670442572800.0, 33522128640.0, 1323241920.0,
           40840800.0, 960960.0, 16380.0, 182.0, 1.0)
_THETA13 = 5.371920351148152


def linalg_matrix_exp(x):
    x = np.asarray(x)
    _square(x.shape, "linalg.matrix_exp")
    out_dtype = x.dtype if x.dtype.kind in "fc" else np.dtype(np.float64)
    a = x.astype(np.complex128 if x.dtype.kind == "c" else np.float64)
    n = a.shape[-1]
    if n == 0 or a.size == 0:
        return np.zeros(x.shape, out_dtype)
    norm1 = np.max(np.sum(np.abs(a), axis=-2), axis=-1)  # (batch)
    with np.errstate(divide="ignore"):
        s = np.maximum(0, np.ceil(np.log2(np.where(norm1 > 0, norm1, 1.0) / _THETA13))).astype(np.int64)
    a = a / (2.0 ** s)[..., None, None]
    b = _PADE13
    ident = np.eye(n, dtype=a.dtype)
    a2 = a @ a
    a4 = a2 @ a2
    a6 = a4 @ a2
    u = a @ (a6 @ (b[13] * a6 + b[11] * a4 + b[9] * a2) + b[7] * a6 + b[5] * a4 + b[3] * a2 + b[1] * ident)
    v = a6 @ (b[12] * a6 + b[10] * a4 + b[8] * a2) + b[6] * a6 + b[4] * a4 + b[2] * a2 + b[0] * ident
    r = np.linalg.solve(v - u, v + u)
    smax = int(np.max(s)) if s.size else 0
    for i in range(smax):
        sq = r @ r
        r = np.where((s > i)[..., None, None], sq, r)
    return r.astype(out_dtype, copy=False)
