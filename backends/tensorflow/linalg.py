"""TensorFlow linalg: tf.linalg with NumPy/Array API semantics (1-d matmul operands, batch
broadcasting, NumPy's einsum broadcasting, integer dtypes through int64).

tf.linalg.cholesky does not raise for non positive-definite input (real dtypes get NaNs, complex
ones garbage): in eager mode (never inside tf.function) the factor's diagonal must be real,
finite and positive, else LinAlgError.
"""
import functools

import tensorflow as tf

from ...core import dtypes as D
from ...core.ops.linalg import (EighResult, EigResult, LinAlgError, LstsqResult, LUFactorResult,
                                LUResult, QRResult, SlogdetResult, SVDResult, _broadcast_shapes,
                                _einsum_parse, _matmul_shapes, _matrix, _solve_shapes, _square,
                                _tensordot_axes)
from ._base import DTYPES, FROM

# dtypes with kernels for matmul/einsum; other integers (and bool) go through int64, which
# is exact modulo 2**bits
_KERNELS = {tf.float16, tf.bfloat16, tf.float32, tf.float64, tf.complex64, tf.complex128,
            tf.int32, tf.int64}
_SINGULAR = ("not invertible", "singular", "Cholesky decomposition was not successful")


def _err(op, e):
    """The core's exception for a native tf error, or None to keep it (dtype errors)."""
    msg = str(e)
    if isinstance(e, tf.errors.NotFoundError) or "attr 'T'" in msg or "OpKernel" in msg:
        return None
    if isinstance(e, tf.errors.InvalidArgumentError):
        if any(s in msg for s in _SINGULAR):
            return LinAlgError(f"unify.core.{op}: {msg.splitlines()[-1] if msg else msg}")
        return ValueError(f"unify.core.{op}: {msg}")
    return None


def _native(op):
    def deco(f):
        @functools.wraps(f)
        def wrapped(*args):
            try:
                return f(*args)
            except tf.errors.OpError as e:
                new = _err(op, e)
                if new is None:
                    raise
                raise new from e
        return wrapped
    return deco


def _same(*xs):
    d0 = xs[0].dtype
    if all(x.dtype == d0 for x in xs):
        return xs
    r = FROM[d0]
    for x in xs[1:]:
        r = D.promote_types(r, FROM[x.dtype])
    t = DTYPES[r]
    return tuple(tf.cast(x, t) for x in xs)


def _widened(f, xs):
    d = xs[0].dtype
    if d in _KERNELS:
        return f(*xs)
    r = f(*[tf.cast(x, tf.int64) for x in xs])
    return tf.not_equal(r, 0) if d == tf.bool else tf.cast(r, d)


def _matmul(x1, x2):
    n1, n2 = len(x1.shape), len(x2.shape)
    if n1 == 1 and n2 == 1:
        return tf.reduce_sum(x1 * x2)
    if n1 == 1:
        return tf.squeeze(tf.matmul(x1[None, :], x2), -2)
    if n2 == 1:
        return tf.squeeze(tf.matmul(x1, x2[:, None]), -1)
    return tf.matmul(x1, x2)


def matmul(x1, x2):
    if x1.dtype != x2.dtype:
        x1, x2 = _same(x1, x2)
    try:
        if x1.dtype in _KERNELS:
            return _matmul(x1, x2)
        return _widened(_matmul, (x1, x2))
    except (tf.errors.InvalidArgumentError, ValueError, IndexError):
        _matmul_shapes(tuple(x1.shape), tuple(x2.shape))  # a shape error: ValueError
        raise


def matrix_transpose(x):
    if len(x.shape) < 2:
        raise ValueError(f"unify.core.matrix_transpose: x must be at least 2-d, got shape {tuple(x.shape)}")
    return tf.linalg.matrix_transpose(x)


@_native("tensordot")
def tensordot(x1, x2, axes):
    a1, a2 = _tensordot_axes(axes, tuple(x1.shape), tuple(x2.shape))
    x1, x2 = _same(x1, x2)
    return _widened(lambda a, b: tf.tensordot(a, b, axes=[a1, a2]), (x1, x2))


def _einsum_broadcast(subscripts, ops):
    """Operands with size-1 axes broadcast to their label's size (NumPy allows that, tf does not)."""
    lists, _ = _einsum_parse(subscripts, [tuple(o.shape) for o in ops])
    size = {}
    for labels, o in zip(lists, ops):
        for c, n in zip(labels, o.shape):
            if n != 1:
                if size.get(c, n) != n:
                    raise ValueError(f"unify.core.einsum: size {n} of label {c!r} does not match {size[c]}")
                size[c] = n
    out = []
    for labels, o in zip(lists, ops):
        want = [size.get(c, 1) if n == 1 else n for c, n in zip(labels, o.shape)]
        out.append(o if want == list(o.shape) else tf.broadcast_to(o, want))
    return out


@_native("einsum")
def einsum(subscripts, operands):
    ops = _same(*operands) if operands else ()

    def f(*xs):
        try:
            return tf.einsum(subscripts, *xs)
        except tf.errors.InvalidArgumentError:
            return tf.einsum(subscripts, *_einsum_broadcast(subscripts, xs))

    return _widened(f, ops)


def _mH(x):
    return tf.linalg.adjoint(x)


def _finite(x):
    return bool(tf.reduce_all(tf.math.is_finite(tf.math.abs(x))))


def _positive_diagonal(factor):
    d = tf.math.real(tf.linalg.diag_part(factor)) if factor.dtype.is_complex else \
        tf.linalg.diag_part(factor)
    return bool(tf.reduce_all(d > 0)) and _finite(factor)


@_native("linalg.cholesky")
def linalg_cholesky(x, upper):
    _square(tuple(x.shape), "linalg.cholesky")
    out = tf.linalg.cholesky(x)
    if tf.executing_eagerly() and not _positive_diagonal(out) and _finite(x):
        raise LinAlgError("unify.core.linalg.cholesky: matrix is not positive definite")
    return _mH(out) if upper else out


@_native("linalg.det")
def linalg_det(x):
    _square(tuple(x.shape), "linalg.det")
    return tf.linalg.det(x)


@_native("linalg.slogdet")
def linalg_slogdet(x):
    _square(tuple(x.shape), "linalg.slogdet")
    s, l = tf.linalg.slogdet(x)
    return SlogdetResult(s, tf.math.real(l) if l.dtype.is_complex else l)


@_native("linalg.inv")
def linalg_inv(x):
    _square(tuple(x.shape), "linalg.inv")
    return tf.linalg.inv(x)


@_native("linalg.solve")
def linalg_solve(x1, x2):
    batch, vec = _solve_shapes(tuple(x1.shape), tuple(x2.shape))
    x1, x2 = _same(x1, x2)
    n = x1.shape[-1]
    x1 = tf.broadcast_to(x1, batch + (n, n))
    if vec:
        return tf.linalg.solve(x1, tf.broadcast_to(x2[:, None], batch + (n, 1)))[..., 0]
    return tf.linalg.solve(x1, tf.broadcast_to(x2, batch + tuple(x2.shape[-2:])))


@_native("linalg.eigh")
def linalg_eigh(x):
    _square(tuple(x.shape), "linalg.eigh")
    w, v = tf.linalg.eigh(x)
    return EighResult(tf.math.real(w) if w.dtype.is_complex else w, v)


@_native("linalg.eigvalsh")
def linalg_eigvalsh(x):
    _square(tuple(x.shape), "linalg.eigvalsh")
    w = tf.linalg.eigvalsh(x)
    return tf.math.real(w) if w.dtype.is_complex else w


@_native("linalg.qr")
def linalg_qr(x, mode):
    if mode not in ("reduced", "complete"):
        raise ValueError(f"unify.core.linalg.qr: mode must be 'reduced' or 'complete', got {mode!r}")
    _matrix(tuple(x.shape), "linalg.qr")
    return QRResult(*tf.linalg.qr(x, full_matrices=mode == "complete"))


@_native("linalg.svd")
def linalg_svd(x, full_matrices):
    _matrix(tuple(x.shape), "linalg.svd")
    s, u, v = tf.linalg.svd(x, full_matrices=full_matrices, compute_uv=True)
    return SVDResult(u, s, _mH(v))


@_native("linalg.svdvals")
def linalg_svdvals(x):
    _matrix(tuple(x.shape), "linalg.svdvals")
    return tf.linalg.svd(x, compute_uv=False)


def _eps(x):
    return D.finfo(FROM[x.dtype]).eps


def _pinv(x, rtol):
    s, u, v = tf.linalg.svd(x, full_matrices=False, compute_uv=True)
    rtol = tf.cast(rtol, s.dtype)
    if len(rtol.shape):
        rtol = rtol[..., None]
    cutoff = rtol * tf.reduce_max(s, axis=-1, keepdims=True)
    big = s > cutoff
    s_inv = tf.where(big, 1 / tf.where(big, s, tf.ones_like(s)), tf.zeros_like(s))
    return tf.matmul(v * tf.cast(s_inv, v.dtype)[..., None, :], u, adjoint_b=True)


@_native("linalg.pinv")
def linalg_pinv(x, rtol):
    _matrix(tuple(x.shape), "linalg.pinv")
    if rtol is None:
        rtol = max(x.shape[-2:]) * _eps(x)
    return _pinv(x, rtol)


@_native("linalg.eig")
def linalg_eig(x):
    _square(tuple(x.shape), "linalg.eig")
    return EigResult(*tf.linalg.eig(x))


@_native("linalg.eigvals")
def linalg_eigvals(x):
    _square(tuple(x.shape), "linalg.eigvals")
    return tf.linalg.eigvals(x)


@_native("linalg.lstsq")
def linalg_lstsq(a, b, rcond):
    if len(a.shape) != 2 or len(b.shape) not in (1, 2):
        raise ValueError("unify.core.linalg.lstsq: a must be 2-d and b 1-d or 2-d")
    a, b = _same(a, b)
    m, n = a.shape
    if b.shape[0] != m:
        raise ValueError(f"unify.core.linalg.lstsq: shapes {tuple(a.shape)} and {tuple(b.shape)} do not match")
    if rcond is None:
        rcond = max(m, n) * _eps(a)
    s = tf.linalg.svd(a, compute_uv=False)
    b2 = b[:, None] if len(b.shape) == 1 else b
    x = _pinv(a, rcond) @ b2
    if min(m, n):
        rank = tf.reduce_sum(tf.cast(s > rcond * s[0], tf.int64))
    else:
        rank = tf.zeros((), tf.int64)
    if m > n and (not tf.executing_eagerly() or int(rank) == n):
        r = b2 - a @ x
        res = tf.reduce_sum(tf.math.real(r * tf.math.conj(r)) if r.dtype.is_complex else r * r, axis=0)
    else:
        res = tf.zeros((0,), s.dtype)
    return LstsqResult(x[:, 0] if len(b.shape) == 1 else x, res, rank, s)


def _lu_loop(a):
    """(packed LU, pivots int64, permutation int64) by partial pivoting (LAPACK's choice of
    pivot: largest |re| + |im|), for any (stack of) m x n matrices."""
    m, n = a.shape[-2:]
    k = min(m, n)
    batch = tuple(a.shape[:-2])
    a = tf.reshape(a, (-1, m, n))
    nb = a.shape[0]
    perm = tf.tile(tf.range(m, dtype=tf.int64)[None], (nb, 1))
    pivs = []
    rows = tf.range(m, dtype=tf.int64)
    for j in range(k):
        col = a[:, j:, j]
        score = tf.abs(tf.math.real(col)) + tf.abs(tf.math.imag(col)) if col.dtype.is_complex else tf.abs(col)
        p = j + tf.argmax(score, axis=1, output_type=tf.int64)  # (nb,)
        pivs.append(p)
        # swap rows j and p: a permutation of the row index
        src = tf.where(rows[None] == j, p[:, None], tf.where(rows[None] == p[:, None], tf.cast(j, tf.int64), rows[None]))
        a = tf.gather(a, src, axis=1, batch_dims=1)
        perm = tf.gather(perm, src, axis=1, batch_dims=1)
        d = a[:, j, j]
        nz = tf.not_equal(d, 0)
        if j + 1 < m:
            lcol = a[:, j + 1:, j]
            safe = tf.where(nz, d, tf.ones_like(d))
            lcol = tf.where(nz[:, None], lcol / safe[:, None], lcol)
            right = a[:, j + 1:, j + 1:] - lcol[:, :, None] * a[:, j, None, j + 1:]
            lower = tf.concat([a[:, j + 1:, :j], lcol[:, :, None], right], axis=2)
            a = tf.concat([a[:, :j + 1, :], lower], axis=1)
    piv = tf.stack(pivs, axis=1) if pivs else tf.zeros((nb, 0), tf.int64)
    return (tf.reshape(a, batch + (m, n)), tf.reshape(piv, batch + (k,)), tf.reshape(perm, batch + (m,)))


def _perm_matrix(perm, m, dtype):
    # P[..., perm[i], i] = 1, i.e. P = transpose(one_hot(perm))
    return tf.linalg.matrix_transpose(tf.one_hot(perm, m, dtype=dtype))


@_native("linalg.lu")
def linalg_lu(x):
    _matrix(tuple(x.shape), "linalg.lu")
    m, n = x.shape[-2:]
    k = min(m, n)
    if m == n and not x.dtype.is_complex:
        lu, perm = tf.linalg.lu(x)
    else:
        lu, _, perm = _lu_loop(x)
    L = tf.linalg.band_part(lu[..., :, :k], -1, 0) - tf.linalg.band_part(lu[..., :, :k], 0, 0) \
        + tf.eye(m, k, dtype=lu.dtype)
    U = tf.linalg.band_part(lu[..., :k, :], 0, -1)
    return LUResult(_perm_matrix(perm, m, x.dtype), L, U)


@_native("linalg.lu_factor")
def linalg_lu_factor(x):
    _matrix(tuple(x.shape), "linalg.lu_factor")
    lu, piv, _ = _lu_loop(x)
    return LUFactorResult(lu, piv)


@_native("linalg.solve_triangular")
def linalg_solve_triangular(a, b, upper, left, unitriangular):
    sa, sb = tuple(a.shape), tuple(b.shape)
    _square(sa, "linalg.solve_triangular")
    if len(sb) < 2 or (sb[-2] if left else sb[-1]) != sa[-1]:
        raise ValueError(f"unify.core.linalg.solve_triangular: shapes {sa} and {sb} do not match")
    a, b = _same(a, b)
    batch = _broadcast_shapes(sa[:-2], sb[:-2])
    a = tf.broadcast_to(a, batch + sa[-2:])
    b = tf.broadcast_to(b, batch + sb[-2:])
    if unitriangular:
        a = tf.linalg.set_diag(a, tf.ones(batch + (sa[-1],), dtype=a.dtype))
    if left:
        return tf.linalg.triangular_solve(a, b, lower=not upper)
    return _mH(tf.linalg.triangular_solve(a, _mH(b), lower=not upper, adjoint=True))


@_native("linalg.matrix_exp")
def linalg_matrix_exp(x):
    _square(tuple(x.shape), "linalg.matrix_exp")
    return tf.linalg.expm(x)
