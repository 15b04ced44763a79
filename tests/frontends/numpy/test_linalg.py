"""numpy frontend: numpy.linalg, differential against real NumPy on every backend (see
mathhelp). Decompositions are compared through invariants that do not depend on the sign or
phase the backend picks: reconstructions, sorted eigenvalues, singular values, |factors|."""
import pytest

from mathhelp import ALL, run

LA = ALL + ("float16",)
RSV = "(lambda r: (r.U.dtype, r.S, m.abs(r.U), m.abs(r.Vh), (r.U[..., :r.S.shape[-1]] * r.S[..., None, :]) @ r.Vh[..., :r.S.shape[-1], :]))"
ROK = "(lambda x, r: (r.eigenvalues.dtype, r.eigenvectors.dtype, m.sort(r.eigenvalues), m.allclose(x @ r.eigenvectors, r.eigenvectors * r.eigenvalues[..., None, :], atol=1e-4)))"

CASES = {
    "det": (["m.linalg.det(a.Q)", "m.linalg.det(a.P)", "m.linalg.det(m.stack([a.Q, a.P]))", "m.linalg.det(a.M)",
             "m.linalg.det(a.V)", "m.linalg.det(m.zeros((2, 2)))", "m.linalg.det(a.M[:0, :0])"], LA),
    "slogdet": (["m.linalg.slogdet(a.Q)", "m.linalg.slogdet(m.stack([a.Q, -a.P]))", "m.linalg.slogdet(a.M)",
                 "type(m.linalg.slogdet(a.P)).__name__", "m.linalg.slogdet(a.P).logabsdet"], LA),
    "inv": (["m.linalg.inv(a.Q)", "m.linalg.inv(m.stack([a.Q, a.P]))", "m.linalg.inv(a.M)", "m.linalg.inv(a.V)",
             "m.linalg.inv(m.ones((2, 2)))", "m.linalg.inv(a.M[:0, :0])"], LA),
    "solve": (["m.linalg.solve(a.Q, a.V[:3])", "m.linalg.solve(a.Q, a.M)", "m.linalg.solve(m.stack([a.Q, a.P]), a.M[:2, :3])",
               "m.linalg.solve(a.Q, a.V)", "m.linalg.solve(a.M, a.V)", "m.linalg.solve(m.ones((2, 2)), [1, 2])",
               "m.linalg.solve(a.P, a.Q)"], LA),
    "lstsq": (["m.linalg.lstsq(a.M.T, a.V)", "m.linalg.lstsq(a.M.T, a.N.T)", "m.linalg.lstsq(a.M, a.V[:3])",
               "m.linalg.lstsq(a.M.T, a.V, rcond=0.5)", "m.linalg.lstsq(a.T, a.V)", "m.linalg.lstsq(a.M.T, a.V[:3])"], LA),
    "pinv": (["m.linalg.pinv(a.M)", "m.linalg.pinv(a.Q)", "m.linalg.pinv(a.T)", "m.linalg.pinv(a.M, rcond=0.3)",
              "m.linalg.pinv(a.M, rtol=None)", "m.linalg.pinv(a.M, rtol=0.3)", "m.linalg.pinv(a.M[:0])",
              "m.linalg.pinv(a.M, rcond=0.1, rtol=0.1)", "m.linalg.pinv(a.V)"], LA),
    "cholesky": (["m.linalg.cholesky(a.P)", "m.linalg.cholesky(a.P, upper=True)",
                  "m.linalg.cholesky(m.stack([a.P, a.P * 2]))", "m.linalg.cholesky(-a.P)", "m.linalg.cholesky(a.M)"],
                 LA),
    "qr": (["(lambda r: (type(r).__name__, m.abs(r.Q), m.abs(r.R), r.Q @ r.R))(m.linalg.qr(a.M.T))",
            "(lambda r: (m.abs(r.Q), m.abs(r.R), r.Q @ r.R))(m.linalg.qr(a.M))",
            "(lambda r: (m.abs(r.Q), m.abs(r.R), r.Q @ r.R))(m.linalg.qr(a.M.T, mode='complete'))",
            "m.abs(m.linalg.qr(a.M.T, mode='r'))", "m.linalg.qr(a.M.T, mode='raw')", "m.linalg.qr(a.M, mode='raw')",
            "(lambda r: (m.abs(r.R), r.Q @ r.R))(m.linalg.qr(a.T))", "m.linalg.qr(a.M, mode='bad')",
            "m.linalg.qr(a.V)"], LA),
    "eig": ([f"{ROK}(a.Q, m.linalg.eig(a.Q))", f"{ROK}(a.P, m.linalg.eig(a.P))",
             "(lambda r: (r.eigenvalues.dtype, m.sort(r.eigenvalues)))(m.linalg.eig(m.array([[0.0, -1], [1, 0]])))",
             "type(m.linalg.eig(a.P)).__name__", "m.linalg.eig(a.M)"], LA),
    "eigvals": (["m.sort(m.linalg.eigvals(a.Q))", "m.sort(m.linalg.eigvals(a.P))",
                 "m.sort(m.linalg.eigvals(m.stack([a.P, a.P])), axis=-1)", "m.linalg.eigvals(a.V)"], LA),
    "eigh": ([f"{ROK}(a.P, m.linalg.eigh(a.P))", "m.linalg.eigh(a.P).eigenvalues",
              "m.linalg.eigh(m.tril(a.Q), UPLO='L').eigenvalues", "m.linalg.eigh(m.triu(a.Q), UPLO='U').eigenvalues",
              "m.linalg.eigh(a.P, UPLO='X')", "type(m.linalg.eigh(a.P)).__name__", "m.linalg.eigh(a.M)"], LA),
    "eigvalsh": (["m.linalg.eigvalsh(a.P)", "m.linalg.eigvalsh(m.stack([a.P, a.P]))",
                  "m.linalg.eigvalsh(m.triu(a.Q), UPLO='U')", "m.linalg.eigvalsh(a.V)"], LA),
    "svd": ([f"{RSV}(m.linalg.svd(a.M))", f"{RSV}(m.linalg.svd(a.M, full_matrices=False))",
             f"{RSV}(m.linalg.svd(a.T))", "m.linalg.svd(a.M, compute_uv=False)",
             "(lambda r: (r.S, (r.U * r.S[None, :]) @ r.Vh))(m.linalg.svd(a.P, hermitian=True))", "type(m.linalg.svd(a.M)).__name__", "m.linalg.svd(a.V)"], LA),
    "svdvals": (["m.linalg.svdvals(a.M)", "m.linalg.svdvals(a.T)", "m.linalg.svdvals(a.V)"], LA),
    "matrix_rank": (["m.linalg.matrix_rank(a.M)", "m.linalg.matrix_rank(a.T)", "m.linalg.matrix_rank(a.V)",
                     "m.linalg.matrix_rank(m.zeros(3))", "m.linalg.matrix_rank(m.ones((3, 3)))",
                     "m.linalg.matrix_rank(a.M, tol=2.0)", "m.linalg.matrix_rank(a.M, rtol=0.5)",
                     "m.linalg.matrix_rank(a.M, tol=1, rtol=1)"], LA),
    "matrix_power": (["m.linalg.matrix_power(a.Q, 3)", "m.linalg.matrix_power(a.Q, 0)", "m.linalg.matrix_power(a.Q, -2)",
                      "m.linalg.matrix_power(m.stack([a.Q, a.P]), 2)", "m.linalg.matrix_power(a.M, 2)",
                      "m.linalg.matrix_power(a.Q, 1.5)", "m.linalg.matrix_power(a.Q, 1)"], LA),
    "cond": ([f"m.linalg.cond(a.Q, {p})" for p in ("None", "1", "-1", "2", "-2", "m.inf", "-m.inf", "'fro'", "'nuc'")]
             + ["m.linalg.cond(m.ones((2, 2)), 1)", "m.linalg.cond(a.M)", "m.linalg.cond(a.M, 1)",
                "m.linalg.cond(a.M[:0, :0])", "m.linalg.cond(m.stack([a.Q, a.P]), 'fro')"], LA),
    "norm": ([f"m.linalg.norm(a.M, {o})" for o in ("None", "1", "-1", "2", "-2", "m.inf", "-m.inf", "'fro'", "'nuc'")]
             + [f"m.linalg.norm(a.M, {o}, axis=1)" for o in ("None", "0", "1", "-1", "2", "3.5", "m.inf", "-m.inf")]
             + ["m.linalg.norm(a.T)", "m.linalg.norm(a.T, axis=(0, 2))", "m.linalg.norm(a.T, 2, axis=(2, 1), keepdims=True)",
                "m.linalg.norm(a.V, 'fro')", "m.linalg.norm(a.T, 1)", "m.linalg.norm(a.M, axis=(0, 0))",
                "m.linalg.norm(a.M, 3, axis=(0, 1))", "m.linalg.norm(a.M, axis=1.5)", "m.linalg.norm(a.S)"], LA),
    "matrix_norm": (["m.linalg.matrix_norm(a.M)", "m.linalg.matrix_norm(a.T, ord=1)",
                     "m.linalg.matrix_norm(a.M, ord='nuc', keepdims=True)", "m.linalg.matrix_norm(a.V)"], LA),
    "vector_norm": (["m.linalg.vector_norm(a.M)", "m.linalg.vector_norm(a.M, axis=1, ord=1)",
                     "m.linalg.vector_norm(a.T, axis=(0, 2), keepdims=True)", "m.linalg.vector_norm(a.M, ord=m.inf)",
                     "m.linalg.vector_norm(a.M, ord=0, axis=0)", "m.linalg.vector_norm(a.S)"], LA),
    "multi_dot": (["m.linalg.multi_dot([a.M, a.N.T, a.Q])", "m.linalg.multi_dot([a.V, a.M.T, a.Q, a.V[:3]])",
                   "m.linalg.multi_dot([a.M, a.N.T])", "m.linalg.multi_dot([a.M])", "m.linalg.multi_dot([a.T, a.M])"], ALL),
    "tensorinv": (["m.linalg.tensorinv(a.Q, 1)", "m.linalg.tensorinv(m.kron(a.P, a.Q).reshape(3, 3, 3, 3))",
                   "m.linalg.tensorinv(a.M, 1)", "m.linalg.tensorinv(a.Q, 0)"], LA),
    "tensorsolve": (["m.linalg.tensorsolve(a.Q, a.V[:3])", "m.linalg.tensorsolve(m.kron(a.P, a.Q).reshape(3, 3, 3, 3), a.N[:, :3])",
                     "m.linalg.tensorsolve(m.kron(a.P, a.Q).reshape(3, 3, 3, 3), a.N[:, :3].T, axes=(0, 1))"], LA),
    "matmul": (["m.linalg.matmul(a.M, a.N.T)", "m.linalg.matmul(a.V, a.M.T)", "m.linalg.matmul(a.T, a.V)",
                "m.linalg.matmul(a.S, a.V)", "m.linalg.matmul(a.M, a.N)"], ALL),
    "outer": (["m.linalg.outer(a.V, a.W)", "m.linalg.outer(a.M, a.V)"], ALL),
    "cross": (["m.linalg.cross(a.M[:, :3], a.N[:, 1:])", "m.linalg.cross(a.Q, a.P, axis=0)",
               "m.linalg.cross(a.M, a.N)", "m.linalg.cross(a.M[:, :2], a.N[:, :2])"], ALL),
    "diagonal": (["m.linalg.diagonal(a.M)", "m.linalg.diagonal(a.T, offset=1)", "m.linalg.diagonal(a.V)"], ALL),
    "trace": (["m.linalg.trace(a.M)", "m.linalg.trace(a.T, offset=-1)", "m.linalg.trace(a.M, dtype=m.float64)",
               "m.linalg.trace(a.V)"], ALL),
    "vecdot": (["m.linalg.vecdot(a.M, a.N)", "m.linalg.vecdot(a.M, a.V)", "m.linalg.vecdot(a.M, a.N, axis=0)",
                "m.linalg.vecdot(a.M, a.Q)"], ALL),
    "tensordot": (["m.linalg.tensordot(a.M, a.N.T, axes=1)", "m.linalg.tensordot(a.T, a.M, axes=([1, 2], [0, 1]))"], ALL),
    "matrix_transpose": (["m.linalg.matrix_transpose(a.T)", "m.linalg.matrix_transpose(a.M)",
                          "m.linalg.matrix_transpose(a.V)"], ALL),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_function(backend, name):
    cases, dtypes = CASES[name]
    run(backend, cases, dtypes, rtol=1e-4 if name in ("cond", "pinv", "lstsq", "tensorinv", "tensorsolve") else None)


def test_linalg_error_is_value_error():
    import numpy

    import unify.frontends.numpy as fnp
    assert issubclass(fnp.linalg.LinAlgError, ValueError)
    assert issubclass(numpy.linalg.LinAlgError, ValueError)


def test_every_linalg_function_exists():
    import numpy

    import unify.frontends.numpy as fnp
    names = {n for n in dir(numpy.linalg) if not n.startswith("_") and callable(getattr(numpy.linalg, n))}
    names -= {"test", "LinAlgError"}
    assert names <= set(CASES), names - set(CASES)
    for n in names:
        assert callable(getattr(fnp.linalg, n))
