"""PyTorch linalg: torch.linalg, with NumPy/Array API semantics where they differ."""
import functools

import torch

from ...core import dtypes as D
from ...core.ops.linalg import (EighResult, EigResult, LinAlgError, LstsqResult, LUFactorResult,
                                LUResult, QRResult, SlogdetResult, SVDResult, _matmul_shapes,
                                _matrix, _solve_shapes, _square, _tensordot_axes)
from ._base import DTYPES, FROM

# dtypes without integer matmul kernels: computed in int64 (exact modulo 2**bits) and cast back
_WIDEN = {torch.bool, torch.uint16, torch.uint32, torch.uint64}


def _err(op, e):
    """The core's exception for a native torch error, or None to keep it."""
    if isinstance(e, torch.linalg.LinAlgError):
        return LinAlgError(f"unify.core.{op}: {e}")
    msg = str(e)
    if isinstance(e, (RuntimeError, IndexError)) and "not implemented for" not in msg:
        if "floating point" in msg or "dtype" in msg or "Expected a floating" in msg:
            return TypeError(f"unify.core.{op}: {e}")
        return ValueError(f"unify.core.{op}: {e}")
    return None


def _native(op):
    """Translate torch's errors raised inside the wrapped function into the core's."""
    def deco(f):
        @functools.wraps(f)
        def wrapped(*args):
            try:
                return f(*args)
            except (RuntimeError, IndexError) as e:
                new = _err(op, e)
                if new is None:
                    raise
                raise new from e
        return wrapped
    return deco


def _same(*xs):
    """The tensors cast to their common (core-promoted) dtype."""
    d0 = xs[0].dtype
    if all(x.dtype == d0 for x in xs):
        return xs
    r = FROM[d0]
    for x in xs[1:]:
        r = D.promote_types(r, FROM[x.dtype])
    t = DTYPES[r]
    return tuple(x.to(t) for x in xs)


def _widened(f, xs):
    """f on the tensors, through int64 when their dtype has no kernel."""
    d = xs[0].dtype
    if d not in _WIDEN:
        return f(*xs)
    r = f(*[x.to(torch.int64) for x in xs])
    return r != 0 if d == torch.bool else r.to(d)


def matmul(x1, x2):
    try:  # hot path: torch refuses (rather than promotes) mixed dtypes and uint/bool kernels
        return torch.matmul(x1, x2)
    except (RuntimeError, NotImplementedError):
        pass
    if x1.dtype != x2.dtype:
        x1, x2 = _same(x1, x2)
    try:
        if x1.dtype in _WIDEN:
            return _widened(torch.matmul, (x1, x2))
        return torch.matmul(x1, x2)
    except RuntimeError as e:
        _matmul_shapes(tuple(x1.shape), tuple(x2.shape))
        new = _err("matmul", e)
        if new is None:
            raise
        raise new from e


def matrix_transpose(x):
    if x.ndim < 2:
        raise ValueError(f"unify.core.matrix_transpose: x must be at least 2-d, got shape {tuple(x.shape)}")
    return x.transpose(-1, -2)


@_native("tensordot")
def tensordot(x1, x2, axes):
    a1, a2 = _tensordot_axes(axes, tuple(x1.shape), tuple(x2.shape))
    x1, x2 = _same(x1, x2)
    return _widened(lambda a, b: torch.tensordot(a, b, dims=(a1, a2)), (x1, x2))


@_native("einsum")
def einsum(subscripts, operands):
    ops = _same(*operands)
    if not ops:
        return torch.einsum(subscripts)
    r = _widened(lambda *xs: torch.einsum(subscripts, *xs), ops)
    # torch sums small integers into int64 for some patterns
    return r if r.dtype == ops[0].dtype else r.to(ops[0].dtype)


@_native("linalg.cholesky")
def linalg_cholesky(x, upper):
    lo = torch.linalg.cholesky(x)  # reads the lower triangle (upper=True would read the upper one)
    if not upper:
        return lo
    lo = lo.transpose(-1, -2)
    return torch.conj_physical(lo) if lo.is_complex() else lo


linalg_det = _native("linalg.det")(lambda x: torch.linalg.det(x))
linalg_inv = _native("linalg.inv")(lambda x: torch.linalg.inv(x))
linalg_eigvalsh = _native("linalg.eigvalsh")(lambda x: torch.linalg.eigvalsh(x))
linalg_svdvals = _native("linalg.svdvals")(lambda x: torch.linalg.svdvals(x))
linalg_eigvals = _native("linalg.eigvals")(lambda x: torch.linalg.eigvals(x))
linalg_matrix_exp = _native("linalg.matrix_exp")(lambda x: torch.linalg.matrix_exp(x))


@_native("linalg.slogdet")
def linalg_slogdet(x):
    return SlogdetResult(*torch.linalg.slogdet(x))


@_native("linalg.eigh")
def linalg_eigh(x):
    return EighResult(*torch.linalg.eigh(x))


@_native("linalg.eig")
def linalg_eig(x):
    return EigResult(*torch.linalg.eig(x))


@_native("linalg.qr")
def linalg_qr(x, mode):
    if mode not in ("reduced", "complete"):
        raise ValueError(f"unify.core.linalg.qr: mode must be 'reduced' or 'complete', got {mode!r}")
    return QRResult(*torch.linalg.qr(x, mode=mode))


@_native("linalg.svd")
def linalg_svd(x, full_matrices):
    return SVDResult(*torch.linalg.svd(x, full_matrices=full_matrices))


@_native("linalg.solve")
def linalg_solve(x1, x2):
    batch, vec = _solve_shapes(tuple(x1.shape), tuple(x2.shape))
    x1, x2 = _same(x1, x2)
    if vec:
        return torch.linalg.solve(x1, x2)
    return torch.linalg.solve(x1.expand(batch + tuple(x1.shape[-2:])), x2.expand(batch + tuple(x2.shape[-2:])))


def _eps(x):
    return torch.finfo(x.dtype).eps


@_native("linalg.pinv")
def linalg_pinv(x, rtol):
    _matrix(tuple(x.shape), "linalg.pinv")
    if rtol is None:
        rtol = max(x.shape[-2:]) * _eps(x)
    return torch.linalg.pinv(x, rtol=rtol)


@_native("linalg.lstsq")
def linalg_lstsq(a, b, rcond):
    if a.ndim != 2 or b.ndim not in (1, 2):
        raise ValueError("unify.core.linalg.lstsq: a must be 2-d and b 1-d or 2-d")
    a, b = _same(a, b)
    m, n = a.shape
    if b.shape[0] != m:
        raise ValueError(f"unify.core.linalg.lstsq: shapes {tuple(a.shape)} and {tuple(b.shape)} do not match")
    if rcond is None:
        rcond = max(m, n) * _eps(a)
    s = torch.linalg.svdvals(a)
    b2 = b[:, None] if b.ndim == 1 else b
    x = torch.linalg.pinv(a, rtol=rcond) @ b2
    rank = (s > rcond * s[0]).sum() if s.numel() else torch.zeros((), dtype=torch.int64)
    if m > n and int(rank) == n:
        res = (b2 - a @ x).abs().square().sum(0)
    else:
        res = torch.zeros((0,), dtype=s.dtype)
    return LstsqResult(x[:, 0] if b.ndim == 1 else x, res, rank.to(torch.int64), s)


@_native("linalg.lu")
def linalg_lu(x):
    return LUResult(*torch.linalg.lu(x))


@_native("linalg.lu_factor")
def linalg_lu_factor(x):
    lu, piv = torch.linalg.lu_factor(x)
    return LUFactorResult(lu, piv.to(torch.int64) - 1)


@_native("linalg.solve_triangular")
def linalg_solve_triangular(a, b, upper, left, unitriangular):
    if b.ndim < 2:
        raise ValueError("unify.core.linalg.solve_triangular: b must be at least 2-d")
    _square(tuple(a.shape), "linalg.solve_triangular")
    a, b = _same(a, b)
    return torch.linalg.solve_triangular(a, b, upper=upper, left=left, unitriangular=unitriangular)
