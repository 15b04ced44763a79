"""numpy.linalg on the current unify backend.

NumPy's dtype rules: integer and bool input computes in float64, float32/complex64 stay single
precision, float16 is refused (TypeError); non-square or less than 2-d input raises
LinAlgError (a ValueError). Decompositions return NumPy's result named tuples; eig/eigvals
give real results when every eigenvalue of a real input is real. Eigen- and singular vectors
are those of the backend's LAPACK-like routine: equal to NumPy's up to sign/phase.
"""
from __future__ import annotations

import builtins
import math
import operator

from ... import core as C
from ...core.ops.linalg import LinAlgError
from . import _dtypes as T
from ._math import (NoValue, _cast, _common, _dt, _in, _nat, _real_dt, _ret, _shape, cross as _np_cross,
                    tensordot as _np_tensordot)
from ._ndarray import ndarray, normalize_axis, result, wrap

__all__ = ["LinAlgError", "cholesky", "cond", "cross", "det", "diagonal", "eig", "eigh", "eigvals",
           "eigvalsh", "inv", "lstsq", "matmul", "matrix_norm", "matrix_power", "matrix_rank",
           "matrix_transpose", "multi_dot", "norm", "outer", "pinv", "qr", "slogdet", "solve", "svd",
           "svdvals", "tensordot", "tensorinv", "tensorsolve", "trace", "vecdot", "vector_norm",
           "EigResult", "EighResult", "QRResult", "SlogdetResult", "SVDResult"]

from ...core.ops.linalg import EighResult, EigResult, QRResult, SlogdetResult, SVDResult  # noqa: E402


def _float(a, check=None):
    """(native, dtype) in the precision NumPy's LAPACK wrappers use; `check` (a shape test)
    runs first, as NumPy tests shapes before dtypes."""
    v, d = _in(a)
    if check is not None:
        check(v)
    return _lapack(v, d)


def _lapack(v, d):
    if d is T.F16:
        raise TypeError("array type float16 is unsupported in linalg")
    if d.kind in "biu":
        return _cast(v, T.F64), T.F64
    return v, d


def _stacked_2d(v):
    nd = len(C.shape(v))
    if nd < 2:
        raise LinAlgError(f"{nd}-dimensional array given. Array must be at least two-dimensional")


def _stacked_square(v):
    _stacked_2d(v)
    s = C.shape(v)
    if s[-1] != s[-2]:
        raise LinAlgError("Last 2 dimensions of the array must be square")


def _sq(a):
    return _float(a, _stacked_square)


def _ct(v):
    """conjugate transpose of the last two axes."""
    t = C.matrix_transpose(v)
    return C.conj(t) if C.dtype_of(t).kind == "c" else t


# ------------------------------------------------------------------ decompositions

def cholesky(a, /, *, upper=False):
    v, d = _sq(a)
    return wrap(C.linalg.cholesky(v, upper=builtins.bool(upper)), d)


def _householder_raw(A):
    """LAPACK geqrf's (h, tau) by Householder reflections: h is returned transposed (NumPy)."""
    s = _shape(A)
    m, n = s[-2], s[-1]
    k = builtins.min(m, n)
    dt = C.dtype_of(A)
    cplx = dt.kind == "c"
    rd = C.float32 if dt in (C.float32, C.complex64) else C.float64
    taus = []
    for j in range(k):
        x = C.getitem(A, (Ellipsis, slice(j, None), j))
        alpha = C.getitem(x, (Ellipsis, 0))
        rest = C.getitem(x, (Ellipsis, slice(1, None)))
        xn = C.linalg.vector_norm(rest, axis=-1) if m - j > 1 else C.zeros(_shape(alpha), dtype=rd)
        ar = C.real(alpha) if cplx else alpha
        ai = C.imag(alpha) if cplx else None
        nrm = C.sqrt(C.add(C.add(C.multiply(ar, ar), C.multiply(ai, ai) if cplx else 0.0),
                           C.multiply(xn, xn)))
        beta = C.negative(C.copysign(nrm, ar))
        trivial = C.equal(xn, 0) if not cplx else C.logical_and(C.equal(xn, 0), C.equal(ai, 0))
        safe_beta = C.where(trivial, C.ones_like(beta), beta)
        if cplx:
            tau = C.add(_cast(C.divide(C.subtract(safe_beta, ar), safe_beta), _dt(alpha)),
                        C.multiply(_cast(C.divide(C.negative(ai), safe_beta), _dt(alpha)), 1j))
            denom = C.subtract(alpha, _cast(safe_beta, _dt(alpha)))
        else:
            tau = C.divide(C.subtract(safe_beta, ar), safe_beta)
            denom = C.subtract(alpha, safe_beta)
        tau = C.where(trivial, C.zeros_like(tau), tau)
        denom = C.where(trivial, C.ones_like(denom), denom)
        v = C.divide(rest, C.expand_dims(denom, axis=-1))
        v = C.where(C.expand_dims(trivial, axis=-1), rest, v)
        newdiag = C.where(trivial, alpha, _cast(beta, _dt(alpha)) if cplx else beta)
        vfull = C.concat([C.ones(_shape(alpha) + (1,), dtype=dt), v], axis=-1)
        if j + 1 < n:
            sub = C.getitem(A, (Ellipsis, slice(j, None), slice(j + 1, None)))
            vh = C.conj(vfull) if cplx else vfull
            w = C.sum(C.multiply(C.expand_dims(vh, axis=-1), sub), axis=-2)  # v^H A
            t = C.conj(tau) if cplx else tau
            upd = C.multiply(C.multiply(C.expand_dims(vfull, axis=-1), C.expand_dims(w, axis=-2)),
                             C.expand_dims(C.expand_dims(t, axis=-1), axis=-1))
            A = C.index_update(A, (Ellipsis, slice(j, None), slice(j + 1, None)), C.subtract(sub, upd))
        col = C.concat([C.expand_dims(newdiag, axis=-1), v], axis=-1)
        A = C.index_update(A, (Ellipsis, slice(j, None), j), col)
        taus.append(tau)
    tau = C.stack(taus, axis=-1) if taus else C.zeros(s[:-2] + (0,), dtype=dt)
    return C.matrix_transpose(A), tau


def qr(a, mode="reduced"):
    if mode not in ("reduced", "complete", "r", "raw"):
        raise ValueError(f"Unrecognized mode '{mode}'")
    v, d = _float(a, _stacked_2d)
    if mode == "raw":
        h, tau = _householder_raw(v)
        return wrap(h, d), wrap(tau, d)
    q, r = C.linalg.qr(v, mode="complete" if mode == "complete" else "reduced")
    if mode == "r":
        return wrap(r, d)
    return QRResult(wrap(q, d), wrap(r, d))


def _real_if_all_real(vals, vecs, d):
    """NumPy's eig: a real input whose eigenvalues are all real gives real results."""
    if d.kind == "c":
        return vals, vecs, d, d
    if builtins.bool(C.all(C.equal(C.imag(vals), 0))):
        vals = C.real(vals)
        vecs = C.real(vecs) if vecs is not None else None
        return vals, vecs, d, d
    cd = T.C64 if d is T.F32 else T.C128
    return vals, vecs, cd, cd


def eig(a):
    v, d = _sq(a)
    w, vecs = C.linalg.eig(v)
    w, vecs, wd, vd = _real_if_all_real(w, vecs, d)
    return EigResult(wrap(w, wd), wrap(vecs, vd))


def eigvals(a):
    v, d = _sq(a)
    w = C.linalg.eigvals(v)
    w, _, wd, _ = _real_if_all_real(w, None, d)
    return wrap(w, wd)


def _uplo(v, UPLO):
    if UPLO not in ("L", "U"):
        raise ValueError("UPLO argument must be 'L' or 'U'")
    return _ct(v) if UPLO == "U" and v is not None else v


def eigh(a, UPLO="L"):
    _uplo(None, UPLO)
    v, d = _sq(a)
    w, vecs = C.linalg.eigh(_uplo(v, UPLO))
    return EighResult(wrap(w, _real_dt(d)), wrap(vecs, d))


def eigvalsh(a, UPLO="L"):
    _uplo(None, UPLO)
    v, d = _sq(a)
    return wrap(C.linalg.eigvalsh(_uplo(v, UPLO)), _real_dt(d))


def svd(a, full_matrices=True, compute_uv=True, hermitian=False):
    """hermitian=True computes an ordinary SVD (the same factors up to signs)."""
    v, d = _float(a, _stacked_2d)
    if not compute_uv:
        return wrap(C.linalg.svdvals(v), _real_dt(d))
    u, s, vh = C.linalg.svd(v, full_matrices=builtins.bool(full_matrices))
    return SVDResult(wrap(u, d), wrap(s, _real_dt(d)), wrap(vh, d))


def svdvals(x, /):
    v, d = _float(x, _stacked_2d)
    return wrap(C.linalg.svdvals(v), _real_dt(d))


# ------------------------------------------------------------------ determinants, inverses, solvers

def det(a):
    v, d = _sq(a)
    return result(C.linalg.det(v), d)


def slogdet(a):
    v, d = _sq(a)
    sign, logdet = C.linalg.slogdet(v)
    return SlogdetResult(result(sign, d), result(logdet, _real_dt(d)))


def inv(a):
    v, d = _sq(a)
    return wrap(C.linalg.inv(v), d)


def solve(a, b):
    (x, y), d = _common(a, b)
    _stacked_square(x)
    x, _ = _lapack(x, d)
    y, d = _lapack(y, d)
    sx, sy = _shape(x), _shape(y)
    if len(sy) == 1:
        if sy[0] != sx[-1]:
            raise ValueError(f"solve1: Input operand 1 has a mismatch in its core dimension 0, "
                             f"with gufunc signature (m,m),(m)->(m) (size {sy[0]} is different "
                             f"from {sx[-1]})")
    elif len(sy) >= 2 and sy[-2] != sx[-1]:
        raise ValueError(f"solve: Input operand 1 has a mismatch in its core dimension 0, with "
                         f"gufunc signature (m,m),(m,n)->(m,n) (size {sy[-2]} is different from "
                         f"{sx[-1]})")
    elif len(sy) == 0:
        raise ValueError("solve: Input operand 1 does not have enough dimensions")
    return wrap(C.linalg.solve(x, y), d)


def lstsq(a, b, rcond=None):
    (x, y), d = _common(a, b)
    if len(C.shape(x)) != 2 or len(C.shape(y)) not in (1, 2):
        nd = len(C.shape(x)) if len(C.shape(x)) != 2 else len(C.shape(y))
        raise LinAlgError(f"{nd}-dimensional array given. Array must be two-dimensional")
    if _shape(x)[0] != _shape(y)[0]:
        raise LinAlgError("Incompatible dimensions")
    x, _ = _lapack(x, d)
    y, d = _lapack(y, d)
    sol, res, rank, sv = C.linalg.lstsq(x, y, rcond)
    rd = _real_dt(d)
    rank = result(_cast(rank, T.I32) if C.shape(rank) == () else rank)
    return wrap(sol, d), wrap(_cast(res, rd), rd), rank, wrap(sv, rd)


def pinv(a, rcond=None, hermitian=False, *, rtol=NoValue):
    v, d = _in(a)
    _stacked_2d(v)
    s = _shape(v)
    m, n = s[-2], s[-1]
    if rtol is not NoValue and rcond is not None:
        raise ValueError("`rtol` and `rcond` can't be both set.")
    if math.prod(s) == 0:
        return wrap(C.zeros(s[:-2] + (n, m), dtype=d.core), d)
    if rtol is None and d.kind in "biu":  # NumPy 2.4 asks finfo of the input dtype here
        raise ValueError(f"data type <class 'numpy.{d.name}'> not inexact")
    v, d = _lapack(v, d)
    if rtol is NoValue:
        cut = 1e-15 if rcond is None else rcond
    elif rtol is None:
        cut = builtins.max(m, n) * C.finfo(_real_dt(d).core).eps
    else:
        cut = rtol
    u, sv, vh = C.linalg.svd(v, full_matrices=False)
    rd = _real_dt(d)
    cutv = _nat(cut, rd)
    if C.shape(cutv):
        cutv = C.expand_dims(cutv, axis=-1)
    cutoff = C.multiply(cutv, C.max(sv, axis=-1, keepdims=True))
    large = C.greater(sv, cutoff)
    sinv = C.where(large, C.divide(1.0, C.where(large, sv, C.ones_like(sv))), C.zeros_like(sv))
    r = C.matmul(_ct(vh), C.multiply(C.expand_dims(_cast(sinv, d), axis=-1), _ct(u)))
    return wrap(r, d)


def matrix_rank(A, tol=None, hermitian=False, *, rtol=None):
    v, d = _in(A)
    if len(C.shape(v)) < 2:
        return builtins.int(not builtins.bool(C.all(C.equal(v, 0))))
    if tol is not None and rtol is not None:
        raise ValueError("`tol` and `rtol` can't be both set.")
    v, d = _lapack(v, d)
    sv = C.linalg.svdvals(v)
    rd = _real_dt(d)
    if tol is None:
        if rtol is None:
            rt = builtins.max(_shape(v)[-2:]) * C.finfo(rd.core).eps
            rt = C.asarray(rt, dtype=rd.core)
        else:
            rt = C.expand_dims(_nat(rtol, rd), axis=-1) if C.shape(_nat(rtol)) else _nat(rtol, rd)
        tolv = C.multiply(C.max(sv, axis=-1, keepdims=True), rt)
    else:
        tolv = _nat(tol, rd)
        if C.shape(tolv):
            tolv = C.expand_dims(tolv, axis=-1)
    return result(C.count_nonzero(C.greater(sv, tolv), axis=-1))


def matrix_power(a, n):
    v, d = _in(a)
    _stacked_square(v)
    try:
        n = operator.index(n)
    except TypeError:
        raise TypeError("exponent must be an integer") from None
    if n < 0:
        v, d = _lapack(v, d)
    if d is T.BOOL:
        r = C.not_equal(C.linalg.matrix_power(C.astype(v, C.int64), n), 0) if n else \
            C.linalg.matrix_power(v, 0)
        return wrap(_cast(r, d), d)
    return wrap(_cast(C.linalg.matrix_power(v, n), d), d)


def cond(x, p=None):
    v, d = _in(x)
    _stacked_2d(v)
    s = _shape(v)
    if math.prod(s[-2:]) == 0:
        raise LinAlgError("cond is not defined on empty arrays")
    if not (p is None or p == 2 or p == -2):
        _stacked_square(v)
    v, d = _lapack(v, d)
    rd = _real_dt(d)
    if p is None or p == 2 or p == -2:
        sv = C.linalg.svdvals(v)
        hi, lo = C.getitem(sv, (Ellipsis, 0)), C.getitem(sv, (Ellipsis, -1))
        return result(C.divide(lo, hi) if p == -2 else C.divide(hi, lo), rd)
    _stacked_square(v)
    try:
        iv = C.linalg.inv(v)
    except LinAlgError:
        iv = None
    if iv is None:
        flat = C.reshape(v, (-1,) + s[-2:])
        parts = []
        for i in range(_shape(flat)[0]):
            m = C.getitem(flat, i)
            try:
                parts.append(C.linalg.inv(m))
            except LinAlgError:
                parts.append(C.full(s[-2:], float("nan"), dtype=d.core))
        iv = C.reshape(C.stack(parts, axis=0), s)
    r = C.multiply(C.linalg.matrix_norm(v, ord=p), C.linalg.matrix_norm(iv, ord=p))
    xnan = C.any(C.isnan(v), axis=(-2, -1))
    r = C.where(C.logical_and(C.isnan(r), C.logical_not(xnan)), C.asarray(float("inf"), dtype=rd.core), r)
    return result(_cast(r, rd), rd)


# ------------------------------------------------------------------ norms

def _norm_input(x):
    v, d = _in(x)
    if d.kind in "biu":
        return _cast(v, T.F64), T.F64
    return v, d


def norm(x, ord=None, axis=None, keepdims=False):
    if ord is None and axis is None and not keepdims and type(x) is ndarray and x.dtype.kind == "f":
        v = x._value()  # NumPy: sqrt(dot(x, x)) over the flattened array
        return result(C.sqrt(C.sum(C.multiply(v, v))), x.dtype)
    v, d = _norm_input(x)
    nd = len(C.shape(v))
    if axis is not None:
        if isinstance(axis, (tuple, list)):
            axis = tuple(normalize_axis(operator.index(a), nd) for a in axis)
            if len(axis) == 2 and axis[0] == axis[1]:
                raise ValueError("Duplicate axes given.")
            if len(axis) > 2:
                raise ValueError("Improper number of dimensions to norm.")
        else:
            try:
                axis = normalize_axis(builtins.int(axis), nd)
            except TypeError:
                raise TypeError("'axis' must be None, an integer or a tuple of integers") from None
    elif ord is not None and nd not in (1, 2):
        raise ValueError("Improper number of dimensions to norm.")
    vec = (axis is None and (ord is None or nd == 1)) or isinstance(axis, builtins.int) or \
        (isinstance(axis, tuple) and len(axis) == 1)
    if vec and isinstance(ord, str):
        raise ValueError(f"Invalid norm order '{ord}' for vectors")
    if not vec and ord not in (None, "fro", "nuc", 1, -1, 2, -2, math.inf, -math.inf):
        raise ValueError("Invalid norm order for matrices.")
    r = C.linalg.norm(v, ord, axis, builtins.bool(keepdims))
    return result(r, _real_dt(d))


def matrix_norm(x, /, *, keepdims=False, ord="fro"):
    return norm(x, axis=(-2, -1), keepdims=keepdims, ord=ord)


def vector_norm(x, /, *, axis=None, keepdims=False, ord=2):
    v, d = _norm_input(x)
    if isinstance(axis, list):
        axis = tuple(axis)
    r = C.linalg.vector_norm(v, axis=axis, keepdims=builtins.bool(keepdims), ord=ord)
    return result(r, _real_dt(d))


# ------------------------------------------------------------------ products and the Array API set

def multi_dot(arrays, *, out=None):
    arrays = list(arrays)
    if len(arrays) < 2:
        raise ValueError("Expecting at least two arrays.")
    vs, d = _common(*arrays)
    for i, v in enumerate(vs):
        nd = len(C.shape(v))
        if (i in (0, len(vs) - 1) and nd not in (1, 2)) or (0 < i < len(vs) - 1 and nd != 2):
            raise LinAlgError(f"{nd}-dimensional array given. Array must be two-dimensional")
    if d is T.BOOL:
        r = C.not_equal(C.linalg.multi_dot([C.astype(v, C.int64) for v in vs]), 0)
    else:
        r = C.linalg.multi_dot(vs)
    return _ret(r, out)


def tensorinv(a, ind=2):
    v, d = _in(a)
    ind = operator.index(ind)
    if ind <= 0:
        raise ValueError("Invalid ind argument.")
    s = _shape(v)
    n = math.prod(s[ind:])
    r = inv(wrap(C.reshape(v, (n, -1)), d))
    return wrap(C.reshape(r._value(), s[ind:] + s[:ind]), r.dtype)


def tensorsolve(a, b, axes=None):
    (x, y), d = _common(a, b)
    an = len(_shape(x))
    if axes is not None:
        order = [k for k in range(an) if k not in [normalize_axis(ax, an) for ax in axes]]
        order += [normalize_axis(ax, an) for ax in axes]
        x = C.permute_dims(x, tuple(order))
    old = _shape(x)[an - len(_shape(y)):] if len(_shape(y)) < an else _shape(x)[:0]
    old = _shape(x)[-(an - len(_shape(y))):] if an > len(_shape(y)) else ()
    n = math.prod(old)
    if math.prod(_shape(x)) != n * n:
        raise LinAlgError("Input arrays must satisfy the requirement "
                          "prod(a.shape[b.ndim:]) == prod(a.shape[:b.ndim])")
    r = solve(wrap(C.reshape(x, (n, n)), d), wrap(C.reshape(y, (-1,)), d))
    return wrap(C.reshape(r._value(), old), r.dtype)


def matmul(x1, x2, /):
    (x, y), d = _common(x1, x2)
    for i, v in enumerate((x, y)):
        if not C.shape(v):
            raise ValueError(f"matmul: Input operand {i} does not have enough dimensions (has 0, "
                             "gufunc core with signature (n?,k),(k,m?)->(n?,m?) requires 1)")
    if d is T.BOOL:
        r = C.not_equal(C.matmul(C.astype(x, C.int64), C.astype(y, C.int64)), 0)
    else:
        r = C.matmul(x, y)
    return result(r, d)


def outer(x1, x2, /):
    (x, y), d = _common(x1, x2)
    n1, n2 = len(C.shape(x)), len(C.shape(y))
    if n1 != 1 or n2 != 1:
        raise ValueError(f"Input arrays must be one-dimensional, but they are x1.ndim={n1} and "
                         f"x2.ndim={n2}.")
    return wrap(C.outer(x, y), d)


def cross(x1, x2, /, *, axis=-1):
    s1, s2 = _shape(_nat(x1)), _shape(_nat(x2))
    k1 = s1[normalize_axis(axis, len(s1))] if s1 else 0
    k2 = s2[normalize_axis(axis, len(s2))] if s2 else 0
    if k1 != 3 or k2 != 3:
        raise ValueError(f"Both input arrays must be (arrays of) 3-dimensional vectors, but they "
                         f"are {k1} and {k2} dimensional instead.")
    return _np_cross(x1, x2, axis=axis)


def diagonal(x, /, *, offset=0):
    from ._views import diagonal as _vdiag
    a = x if isinstance(x, ndarray) else wrap(_nat(x))
    if a.ndim < 2:
        raise ValueError("diag requires an array of at least two dimensions")
    return _vdiag(a, offset, -2, -1)


def trace(x, /, *, offset=0, dtype=None):
    from ._math import trace as _trace
    v, d = _in(x)
    if len(C.shape(v)) < 2:
        raise ValueError("diag requires an array of at least two dimensions")
    return _trace(wrap(v, d), offset, -2, -1, dtype)


def vecdot(x1, x2, /, *, axis=-1):
    (x, y), d = _common(x1, x2)
    if d is T.BOOL:
        r = C.any(C.logical_and(*C.broadcast_arrays(x, y)), axis=axis)
    else:
        r = C.vecdot(x, y, axis=axis)
    return result(_cast(r, d), d)


def tensordot(x1, x2, /, *, axes=2):
    return _np_tensordot(x1, x2, axes)


def matrix_transpose(x, /):
    from ._views import swapaxes as _vswap
    a = x if isinstance(x, ndarray) else wrap(_nat(x))
    if a.ndim < 2:
        raise ValueError(f"Input array must be at least 2-dimensional, but it is {a.ndim}")
    return _vswap(a, -1, -2)
