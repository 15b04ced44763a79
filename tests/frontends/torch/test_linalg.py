"""Matrix products and torch.linalg of the torch frontend against real torch, every backend.

Decompositions are compared on what is unique: reconstructions, singular values, |det|,
sorted eigenvalues -- not on sign- or phase-ambiguous vectors.

jax compiles every op per shape and dtype, so on jax and tensorflow the tests run the first
dtype of each list and the cases before the `...` marker (every function is among them);
numpy and torch run everything.
"""
import warnings

import numpy as np
import pytest
import torch as real

import unify
import unify.frontends.torch as ft
from tfhelp import check, ours, to_real


def both(fn, *args, rtol=None, atol=None):
    """fn(real, *args) and fn(ft, *args as frontend tensors): same result or exception type."""
    mine = [ours(a) if isinstance(a, real.Tensor) else a for a in args]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            expected = fn(real, *args)
    except Exception as e:  # noqa: BLE001
        etype = ft.linalg.LinAlgError if isinstance(e, real.linalg.LinAlgError) else type(e)
        with pytest.raises(etype):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                fn(ft, *mine)
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        got = fn(ft, *mine)
    if type(expected).__module__ == "torch.return_types":
        assert type(got).__name__ == type(expected).__name__, (type(got), type(expected))
        for name in type(expected).__match_args__:
            check(getattr(got, name), getattr(expected, name), rtol=rtol, atol=atol)
    check(got, expected, rtol=rtol, atol=atol)
    return got


FULL = ("numpy", "torch")


def dtypes(backend, names):
    return names if backend in FULL else names[:1]


def cases(backend, fns):
    i = fns.index(Ellipsis) if Ellipsis in fns else len(fns)
    return [f for f in fns if f is not Ellipsis] if backend in FULL else fns[:i]


def run(backend, fns, *args, **tol):
    with unify.using_backend(backend):
        for fn in cases(backend, fns):
            both(fn, *args, **tol)


def t(data, dtype="float32"):
    return real.tensor(np.asarray(data)).to(getattr(real, dtype))


TOL = dict(rtol=1e-4, atol=1e-4)
SPD = [[4.0, 1.0, 2.0], [1.0, 3.0, 0.0], [2.0, 0.0, 5.0]]
GEN = [[2.0, 1.0, 0.0], [1.0, -3.0, 1.0], [0.5, -1.0, 4.0]]
RECT = [[1.0, 2.0, 0.5], [0.0, 1.0, -1.0], [3.0, -1.0, 2.0], [1.0, 1.0, 1.0]]  # (4, 3)
M23 = [[1, 2, 3], [4, -5, 6]]
M34 = [[1, 0, 2, -1], [3, 1, 0, 2], [-2, 4, 1, 0]]


# ---------------------------------------------------------------- products


def test_matrix_products(backend):
    for dt in dtypes(backend, ["float32", "float64", "int64"]):
        a, b = t(M23, dt), t(M34, dt)
        v3, v4 = t([1, -2, 3], dt), t([2, 0, 1, 1], dt)
        c = t([[1, 2, 3, 4], [0, 1, 0, 1]], dt)
        a3, b3 = a[None].expand(2, 2, 3), b[None].expand(2, 3, 4)
        run(backend, (
            lambda M, a, b, v3, v4, c, a3, b3: M.mm(a, b),
            lambda M, a, b, v3, v4, c, a3, b3: M.mv(b.T, v3),
            lambda M, a, b, v3, v4, c, a3, b3: M.dot(v3, v3),
            lambda M, a, b, v3, v4, c, a3, b3: M.vdot(v3, v3),
            lambda M, a, b, v3, v4, c, a3, b3: M.inner(v3, a),
            lambda M, a, b, v3, v4, c, a3, b3: M.outer(v3, v4),
            lambda M, a, b, v3, v4, c, a3, b3: M.addmm(c, a, b, beta=2, alpha=3),
            lambda M, a, b, v3, v4, c, a3, b3: M.addmv(v4, b.T, v3, alpha=2),
            lambda M, a, b, v3, v4, c, a3, b3: M.addr(b, v3, v4, beta=2),
            lambda M, a, b, v3, v4, c, a3, b3: M.bmm(a3, b3),
            lambda M, a, b, v3, v4, c, a3, b3: M.baddbmm(c, a3, b3),
            lambda M, a, b, v3, v4, c, a3, b3: M.addbmm(c, a3, b3, alpha=2),
            lambda M, a, b, v3, v4, c, a3, b3: M.tensordot(a, b, dims=([1], [0])),
            lambda M, a, b, v3, v4, c, a3, b3: M.einsum("ij,jk->ik", a, b),
            lambda M, a, b, v3, v4, c, a3, b3: M.einsum(a, [0, 1], b, [1, 2], [0, 2]),
            lambda M, a, b, v3, v4, c, a3, b3: M.kron(a, c),
            lambda M, a, b, v3, v4, c, a3, b3: M.cross(a, a.flip((0,)), dim=1),
            lambda M, a, b, v3, v4, c, a3, b3: M.linalg.cross(a, a * 2 + 1),
            lambda M, a, b, v3, v4, c, a3, b3: M.chain_matmul(a, b, c.T),
            lambda M, a, b, v3, v4, c, a3, b3: M.linalg.multi_dot([v3, b, c.T]),
            lambda M, a, b, v3, v4, c, a3, b3: M.linalg.vecdot(a, a),
            lambda M, a, b, v3, v4, c, a3, b3: M.ger(v4, v3),
            ...,
            lambda M, a, b, v3, v4, c, a3, b3: a.mm(b),
            lambda M, a, b, v3, v4, c, a3, b3: M.inner(a, a),
            lambda M, a, b, v3, v4, c, a3, b3: M.inner(a[0, 0], b),
            lambda M, a, b, v3, v4, c, a3, b3: M.addmm(c, a, b),
            lambda M, a, b, v3, v4, c, a3, b3: M.addmm(v4, a, b, beta=0),
            lambda M, a, b, v3, v4, c, a3, b3: M.tensordot(a, b, 1),
            lambda M, a, b, v3, v4, c, a3, b3: M.tensordot(a, a, dims=([0, 1], [0, 1])),
            lambda M, a, b, v3, v4, c, a3, b3: M.tensordot(a, c, 0),
            lambda M, a, b, v3, v4, c, a3, b3: M.einsum("ij,jk", [a, b]),
            lambda M, a, b, v3, v4, c, a3, b3: M.einsum("ii", b[:, :3]),
            lambda M, a, b, v3, v4, c, a3, b3: M.einsum("...j,j->...", a, v3),
            lambda M, a, b, v3, v4, c, a3, b3: M.kron(v3, a.double()),
            lambda M, a, b, v3, v4, c, a3, b3: M.cross(a, a.flip((1,))),
            lambda M, a, b, v3, v4, c, a3, b3: M.einsum("...ik,...j->ij", a3, v3),
            lambda M, a, b, v3, v4, c, a3, b3: M.tensordot(a[:1], a3, dims=([0, 1], [1, 2])),
            lambda M, a, b, v3, v4, c, a3, b3: M.matmul(a, b)), a, b, v3, v4, c, a3, b3)
        with unify.using_backend(backend):
            o = ft.zeros(2, 4, dtype=getattr(ft, dt))
            assert ft.mm(ours(a), ours(b), out=o) is o
            check(o, real.mm(a, b))


def test_product_errors_and_complex(backend):
    z = t(np.array(M23) + 1j * np.array(M23)[::-1], "complex64")
    run(backend, (
        lambda M, a, b, z: M.mm(a, b.double()),
        lambda M, a, b, z: M.mm(a, a),
        lambda M, a, b, z: M.mm(a[0], b),
        lambda M, a, b, z: M.mm(a.bool(), b.bool()),
        lambda M, a, b, z: M.bmm(a, b),
        lambda M, a, b, z: M.dot(a[0], a[1].double()),
        lambda M, a, b, z: M.dot(a[0], b[0]),
        lambda M, a, b, z: M.inner(a, b),
        lambda M, a, b, z: M.tensordot(a, b.double(), 1),
        lambda M, a, b, z: M.einsum("ij,jk", a, b.double()),
        lambda M, a, b, z: M.mv(a, b[0]),
        lambda M, a, b, z: M.addmm(a, a, b),
        lambda M, a, b, z: M.cdist(a.long(), a.long()),
        lambda M, a, b, z: M.cross(a, b[:2, :3]),
        lambda M, a, b, z: M.cross(a[:, :2], a[:, :2], dim=1),
        lambda M, a, b, z: M.outer(a, a),
        lambda M, a, b, z: M.linalg.vecdot(a, a.double()),
        lambda M, a, b, z: M.vdot(z[0], z[1]),
        lambda M, a, b, z: M.dot(z[0], z[1]),
        lambda M, a, b, z: M.linalg.vecdot(z, z),
        ...,
        lambda M, a, b, z: M.mm(z, z.T),
        lambda M, a, b, z: M.einsum("ij,kj->ik", z, z),
        lambda M, a, b, z: M.einsum("ij,kj->ik", a.bool(), a.bool()),
        lambda M, a, b, z: M.dot(a[0].bool(), a[1].bool()),
        lambda M, a, b, z: M.mv(a.bool(), a[0].bool()),
        lambda M, a, b, z: M.inner(a.bool(), a.bool()),
        lambda M, a, b, z: M.tensordot(a.bool(), b.bool(), 1),
        lambda M, a, b, z: M.linalg.multi_dot([a.bool(), b.bool()]),
        lambda M, a, b, z: M.outer(a[0].bool(), a[1].bool()),
        lambda M, a, b, z: M.kron(a.bool(), a.bool()),
        lambda M, a, b, z: M.linalg.cross(a.bool(), a.bool()),
        lambda M, a, b, z: M.cdist(a.half(), a.half()),
        lambda M, a, b, z: M.mm(a.half(), b.half())), t(M23), t(M34), z)


def test_cdist(backend):
    for dt in dtypes(backend, ["float32", "float64"]):
        run(backend, (
            lambda M, a, b: M.cdist(a, b),
            lambda M, a, b: M.cdist(a, b, p=1.0),
            lambda M, a, b: M.cdist(a, b, p=0.0),
            lambda M, a, b: M.cdist(a, b, p=3.0),
            lambda M, a, b: M.cdist(a, b, p=float("inf")),
            lambda M, a, b: M.cdist(a[None].expand(2, 2, 3), b[None], 2.0),
            lambda M, a, b: M.cdist(a, b[:, :2]),
            lambda M, a, b: M.cdist(a, b, -1.0)),
            t([[0.0, 1.0, 2.0], [1.0, -1.0, 0.5]], dt),
            t([[1.0, 1.0, 1.0], [0.0, 0.0, 0.0], [2.0, -1.0, 3.0], [0.0, 1.0, 2.0]], dt), **TOL)


# ---------------------------------------------------------------- norms

INF = float("inf")


def test_norms(backend):
    for dt in dtypes(backend, ["float32", "float64", "complex64"]):
        run(backend, (
            lambda M, a: M.linalg.vector_norm(a, 1, 0),
            lambda M, a: M.linalg.vector_norm(a, INF, (0, 1), True),
            lambda M, a: M.linalg.vector_norm(a, 0),
            lambda M, a: M.linalg.vector_norm(a, 3.5, -1),
            lambda M, a: M.linalg.vector_norm(a, dtype=M.complex128 if a.is_complex() else M.float64),
            lambda M, a: M.linalg.matrix_norm(a),
            lambda M, a: M.linalg.matrix_norm(a, "nuc"),
            lambda M, a: M.linalg.matrix_norm(a, -2),
            lambda M, a: M.linalg.matrix_norm(a, 1, keepdim=True),
            lambda M, a: M.linalg.matrix_norm(a, INF, dim=(1, 0)),
            lambda M, a: M.linalg.norm(a),
            lambda M, a: M.linalg.norm(a, 2),
            lambda M, a: M.linalg.norm(a, 1, 1),
            lambda M, a: M.linalg.norm(a[None], 2),
            lambda M, a: M.linalg.matrix_norm(a, 3),
            lambda M, a: M.linalg.vector_norm(a, "fro"),
            lambda M, a: M.linalg.vector_norm(a[:0], INF),
            lambda M, a: M.linalg.vector_norm(a.abs().long()),
            lambda M, a: M.linalg.vector_norm(a, 2, 2),
            lambda M, a: M.linalg.matrix_norm(a[:0], INF),
            lambda M, a: M.linalg.matrix_norm(a[:, :0], -1),
            ...,
            lambda M, a: M.linalg.matrix_norm(a[:0, :0], "nuc"),
            lambda M, a: M.linalg.norm(a[:0, :0], 2),
            lambda M, a: M.linalg.vector_norm(a),
            lambda M, a: M.linalg.vector_norm(a, -INF, 1),
            lambda M, a: M.linalg.matrix_norm(a, 2),
            lambda M, a: M.linalg.matrix_norm(a, -INF),
            lambda M, a: M.linalg.norm(a, "fro", (0, 1), True),
            lambda M, a: M.linalg.norm(a[0], 3)), t(np.array(RECT) + (0.5j if dt == "complex64" else 0), dt), **TOL)
    with unify.using_backend(backend):
        out = ft.zeros(())
        assert ft.linalg.vector_norm(ours(t(RECT)), out=out) is out
        check(out, real.linalg.vector_norm(t(RECT)), **TOL)


# ---------------------------------------------------------------- det / inv / solve


def test_det_inv_solve(backend):
    for dt in dtypes(backend, ["float32", "float64", "complex128"]):
        a = t(np.array(GEN) + (0.25j * np.eye(3) if dt == "complex128" else 0), dt)
        batch = real.stack([a, a.T + (0.5 if not a.is_complex() else 0.5j) * real.eye(3, dtype=a.dtype)])
        run(backend, (
            lambda M, a, s, b: M.linalg.det(s),
            lambda M, a, s, b: M.linalg.slogdet(s),
            lambda M, a, s, b: M.linalg.inv(a),
            lambda M, a, s, b: M.linalg.inv_ex(s),
            lambda M, a, s, b: M.linalg.solve(s, b),
            lambda M, a, s, b: M.linalg.solve_ex(a, b),
            lambda M, a, s, b: M.linalg.solve_triangular(a.tril(), b.T, upper=False, left=False),
            lambda M, a, s, b: M.linalg.pinv(b),
            lambda M, a, s, b: M.linalg.matrix_power(s, -2),
            lambda M, a, s, b: M.linalg.matrix_exp(s * 0.3),
            lambda M, a, s, b: M.linalg.matrix_rank(b, atol=3.0),
            lambda M, a, s, b: M.linalg.cond(s, "fro"),
            lambda M, a, s, b: M.linalg.cond(b),
            lambda M, a, s, b: M.linalg.tensorinv(a.reshape(3, 3), 1),
            lambda M, a, s, b: M.linalg.tensorsolve(a, b[:, 0]),
            lambda M, a, s, b: M.linalg.det(b),
            lambda M, a, s, b: M.linalg.solve(a, b.double()),
            lambda M, a, s, b: M.linalg.det(a[0]),
            ...,
            lambda M, a, s, b: M.linalg.solve(a, b[:, 0]),
            lambda M, a, s, b: M.linalg.solve(a, b.T, left=False),
            lambda M, a, s, b: M.linalg.pinv(s, rtol=0.3),
            lambda M, a, s, b: M.linalg.det(a),
            lambda M, a, s, b: M.linalg.solve(a, b),
            lambda M, a, s, b: M.linalg.solve(s, b[:, 0].expand(2, 3)),
            lambda M, a, s, b: M.linalg.solve_triangular(a.triu(), b, upper=True),
            lambda M, a, s, b: M.linalg.solve_triangular(a.triu(), b, upper=True, unitriangular=True),
            lambda M, a, s, b: M.linalg.pinv(a),
            lambda M, a, s, b: M.linalg.pinv(a, atol=2.0),
            lambda M, a, s, b: M.linalg.matrix_power(a, 3),
            lambda M, a, s, b: M.linalg.matrix_power(a, 0),
            lambda M, a, s, b: M.linalg.matrix_rank(a),
            lambda M, a, s, b: M.linalg.matrix_rank(s, 2.0),
            lambda M, a, s, b: M.linalg.cond(a),
            lambda M, a, s, b: M.linalg.cond(a, -2),
            lambda M, a, s, b: M.linalg.cond(a, 1),
            lambda M, a, s, b: M.linalg.inv(b)), a, batch, t([[1.0, 2.0], [0.0, -1.0], [3.0, 1.0]], dt), **TOL)


def test_singular_and_int_errors(backend):
    run(backend, (
        lambda M, z, i: M.linalg.inv(z),
        lambda M, z, i: M.linalg.solve(z, z),
        lambda M, z, i: M.linalg.cholesky(-z),
        lambda M, z, i: M.linalg.inv_ex(z.expand(2, 2, 2)).info,
        lambda M, z, i: M.linalg.solve_ex(z, z).info,
        lambda M, z, i: M.linalg.inv_ex(z, check_errors=True),
        lambda M, z, i: M.linalg.cholesky_ex(-z).info,
        lambda M, z, i: M.linalg.lu_factor_ex(z),
        lambda M, z, i: M.linalg.lu_factor(z),
        lambda M, z, i: M.linalg.det(i),
        lambda M, z, i: M.linalg.svd(i),
        lambda M, z, i: M.linalg.eigh(i),
        lambda M, z, i: M.linalg.matrix_power(i, 3),
        lambda M, z, i: M.linalg.cond(z, "fro"),
        lambda M, z, i: M.linalg.det(z),
        ...,
        lambda M, z, i: M.linalg.inv_ex(z).info,
        lambda M, z, i: M.linalg.cholesky_ex(z).info,
        lambda M, z, i: M.linalg.lu_factor_ex(z.T[:, :1]),
        lambda M, z, i: M.linalg.inv(i)), t([[1.0, 2.0], [2.0, 4.0]]), t([[1, 2], [3, 4]], "int64"))
    h = t([[2.0, 1.0], [1.0, 3.0]], "float16")  # half: some work, the others raise as on torch's CPU
    run(backend, (
        lambda M, h: M.linalg.det(h),
        lambda M, h: M.linalg.slogdet(h),
        lambda M, h: M.linalg.inv(h),
        lambda M, h: M.linalg.solve(h, h),
        lambda M, h: M.linalg.solve_triangular(h, h, upper=True),
        lambda M, h: M.linalg.cholesky(h),
        lambda M, h: M.linalg.qr(h),
        lambda M, h: M.linalg.eig(h),
        lambda M, h: M.linalg.eigh(h),
        lambda M, h: M.linalg.svd(h),
        lambda M, h: M.linalg.matrix_rank(h),
        lambda M, h: M.linalg.matrix_power(h, -1),
        lambda M, h: M.linalg.lu_factor(h),
        lambda M, h: M.linalg.householder_product(h, h[0]),
        lambda M, h: M.linalg.vander(h[0]),
        lambda M, h: M.linalg.vander(h[0].bool()),
        lambda M, h: M.linalg.matrix_norm(h, 2),
        lambda M, h: M.linalg.lstsq(h, h),
        lambda M, h: M.linalg.cond(h),
        ...,
        lambda M, h: M.linalg.vector_norm(h),
        lambda M, h: M.linalg.matrix_norm(h),
        lambda M, h: M.linalg.matrix_power(h, 2),
        lambda M, h: M.linalg.vecdot(h, h),
        lambda M, h: M.linalg.vander(h[0].int())), h, rtol=1e-2, atol=1e-2)


# ---------------------------------------------------------------- decompositions


def _r(x):
    return to_real(x)


def test_decompositions(backend):
    for dt in dtypes(backend, ["float32", "float64", "complex64"]):
        cplx = dt == "complex64"
        spd = t(np.array(SPD) + (np.array([[0, 1j, 0], [-1j, 0, 0], [0, 0, 0]]) if cplx else 0), dt)
        rect = t(np.array(RECT) + (0.5j if cplx else 0), dt)
        with unify.using_backend(backend):
            a, r = ours(spd), ours(rect)
            # cholesky: unique
            both(lambda M, s: M.linalg.cholesky(s), spd, **TOL)
            both(lambda M, s: M.linalg.cholesky(s, upper=True), spd, **TOL)
            both(lambda M, s: M.linalg.cholesky_ex(s), spd, **TOL)
            # eigh / eigvalsh: eigenvalues unique; vectors checked by reconstruction
            both(lambda M, s: M.linalg.eigvalsh(s), spd, **TOL)
            both(lambda M, s: M.linalg.eigvalsh(s.triu(), UPLO="U"), spd, **TOL)
            w, q = ft.linalg.eigh(a)
            assert type(ft.linalg.eigh(a)).__name__ == "linalg_eigh"
            check(w, real.linalg.eigh(spd).eigenvalues, **TOL)
            qr_ = _r(q)
            check(qr_ @ real.diag(_r(w)).to(qr_.dtype) @ qr_.mH, spd, **TOL)
            wu, qu = ft.linalg.eigh(ours(spd.triu()), UPLO="U")
            check(_r(qu) @ real.diag(_r(wu)).to(qr_.dtype) @ _r(qu).mH, spd, **TOL)
            # eig / eigvals: complex; eigenvalues compared sorted
            ev = ft.linalg.eigvals(a)
            exp = real.linalg.eigvals(spd)
            assert ev.dtype is getattr(ft, str(exp.dtype).split(".")[1])
            key = lambda e: sorted(e.tolist(), key=lambda c: (round(c.real, 4), round(c.imag, 4)))  # noqa: E731
            np.testing.assert_allclose(key(_r(ev)), key(exp), rtol=1e-4, atol=1e-4)
            vals, vecs = ft.linalg.eig(a)
            check(_r(vecs) @ real.diag(_r(vals)), spd.to(_r(vecs).dtype) @ _r(vecs), **TOL)
            # svd
            both(lambda M, r: M.linalg.svdvals(r), rect, **TOL)
            for full in (True, False) if backend in FULL else (False,):
                u, s, vh = ft.linalg.svd(r, full_matrices=full)
                eu, es, evh = real.linalg.svd(rect, full_matrices=full)
                assert tuple(u.shape) == tuple(eu.shape) and tuple(vh.shape) == tuple(evh.shape)
                assert u.dtype is r.dtype and s.dtype is getattr(ft, str(es.dtype).split(".")[1])
                check(s, es, **TOL)
                k = s.shape[0]
                check(_r(u)[:, :k] @ real.diag(_r(s)).to(_r(u).dtype) @ _r(vh)[:k], rect, **TOL)
            # qr
            for mode in ("reduced", "complete", "r") if backend in FULL else ("complete",):
                q_, r_ = ft.linalg.qr(r, mode=mode)
                eq, er = real.linalg.qr(rect, mode=mode)
                assert tuple(q_.shape) == tuple(eq.shape) and tuple(r_.shape) == tuple(er.shape)
                check(_r(r_).abs(), er.abs(), **TOL)
                if mode != "r":
                    check(_r(q_) @ _r(r_), rect, **TOL)
            # lu
            both(lambda M, r: M.linalg.lu(r), rect, **TOL)
            both(lambda M, s: M.linalg.lu_factor(s), spd, **TOL)
            both(lambda M, s: M.linalg.lu_factor_ex(s), spd, **TOL)
            b = t([[1.0, 0.0], [2.0, 1.0], [0.0, 3.0]], dt)
            for left, adj in ((True, False), (False, True)) + (((True, True), (False, False))
                                                                if backend in FULL else ()):
                    both(lambda M, s, b: M.linalg.lu_solve(*M.linalg.lu_factor(s), b if left else b.mT,
                                                            left=left, adjoint=adj), spd, b, **TOL)
            # lstsq (CPU default driver gelsy and the others)
            for driver in (None, "gelsd", "gels") if backend in FULL else (None,):
                both(lambda M, r, b: M.linalg.lstsq(r, r @ b[:, :1] + 0.1, driver=driver), rect, b, **TOL)
            if backend in FULL:
                both(lambda M, r, b: M.linalg.lstsq(r, (r @ b)[:, 0]), rect, b, **TOL)
            both(lambda M, r, b: M.linalg.lstsq(r.expand(2, 4, 3), (r @ b).expand(2, 4, 2), driver="gelsd"),
                 rect, b, **TOL)
            # householder_product
            tau = t([1.2, 0.5], dt)
            both(lambda M, r, tau: M.linalg.householder_product(r[:, :2], tau), rect, tau, **TOL)


def test_misc(backend):
    run(backend, (
        lambda M, x, a: M.linalg.vander(x, N=5),
        lambda M, x, a: M.linalg.vander(x.long()),
        lambda M, x, a: M.linalg.vander(x[None], N=1),
        lambda M, x, a: M.linalg.diagonal(a, offset=1),
        lambda M, x, a: M.linalg.matmul(a, x),
        lambda M, x, a: M.linalg.matrix_power(a.long(), 2),
        lambda M, x, a: M.linalg.multi_dot([a, a, x]),
        lambda M, x, a: M.linalg.multi_dot([a]),
        ...,
        lambda M, x, a: M.linalg.vander(x),
        lambda M, x, a: M.linalg.vander(x[0], N=3),
        lambda M, x, a: M.linalg.lu_solve(*M.linalg.lu_factor(a[:0, :0]), a[:0]),
        lambda M, x, a: M.linalg.lu_factor_ex(a[:0, :0]),
        lambda M, x, a: M.linalg.lu(a[:0]),
        lambda M, x, a: M.linalg.lu(a[:, :0]),
        lambda M, x, a: M.linalg.diagonal(a)), t([1.0, 2.0, -1.5]), t(SPD))
    with unify.using_backend(backend):
        with pytest.raises(AttributeError):
            ft.linalg.definitely_not_a_function
        assert issubclass(ft.linalg.LinAlgError, RuntimeError)


def test_torch_level_linalg(backend):
    """The older torch.* spellings (torch.svd returns V, torch.triangular_solve (b, A), ...)."""
    for dt in dtypes(backend, ["float32", "float64"]):
        spd, gen, rect = t(SPD, dt), t(GEN, dt), t(RECT, dt)
        run(backend, (
            lambda M, s, g, r: M.det(g),
            lambda M, s, g, r: M.logdet(s),
            lambda M, s, g, r: M.logdet(g),
            lambda M, s, g, r: M.slogdet(g),
            lambda M, s, g, r: M.inverse(g),
            lambda M, s, g, r: M.pinverse(r),
            lambda M, s, g, r: M.matrix_exp(g * 0.2),
            lambda M, s, g, r: M.matrix_power(g, 2),
            lambda M, s, g, r: M.svd(r, compute_uv=False).S,
            lambda M, s, g, r: M.cholesky_solve(r[:3, :2], M.linalg.cholesky(s)),
            lambda M, s, g, r: M.cholesky_inverse(M.linalg.cholesky(s, upper=True), upper=True),
            lambda M, s, g, r: M.triangular_solve(r[:3], g.triu()),
            lambda M, s, g, r: M.triangular_solve(r[:3], g.tril(), upper=False, transpose=True),
            lambda M, s, g, r: M.lu_unpack(*M.linalg.lu_factor(r)),
            lambda M, s, g, r: M.lu_solve(r[:3], *M.linalg.lu_factor(g)),
            lambda M, s, g, r: M.lu(g, get_infos=True),
            lambda M, s, g, r: M.orgqr(r[:, :2], r[0, :2]),
            lambda M, s, g, r: M.det(g.long()),
            ...,
            lambda M, s, g, r: M.cholesky(s),
            lambda M, s, g, r: M.cholesky_solve(r[:3, :2], M.linalg.cholesky(s).mH, upper=True),
            lambda M, s, g, r: M.cholesky_inverse(M.linalg.cholesky(s)),
            lambda M, s, g, r: M.lu(g),
            lambda M, s, g, r: M.lu_unpack(*M.linalg.lu_factor(r.mT)),
            lambda M, s, g, r: M.svd(r, compute_uv=False).U), spd, gen, rect, **TOL)
        with unify.using_backend(backend):
            for some in (True, False):  # torch.svd: V (not Vh); qr: some -> reduced
                u, s_, v = ft.svd(ours(rect), some=some)
                eu, es, ev = real.svd(rect, some=some)
                assert tuple(u.shape) == tuple(eu.shape) and tuple(v.shape) == tuple(ev.shape)
                k = s_.shape[0]
                check(_r(u)[:, :k] @ real.diag(_r(s_)) @ _r(v)[:, :k].mT, rect, **TOL)
                q, r_ = ft.qr(ours(rect), some=some)
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    eq, er = real.qr(rect, some=some)
                assert tuple(q.shape) == tuple(eq.shape) and type(ft.qr(ours(rect))).__name__ == "qr"
                check(_r(q) @ _r(r_), rect, **TOL)
