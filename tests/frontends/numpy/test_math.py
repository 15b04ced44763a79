"""numpy frontend: sums/products/scans, differences, array products, convolution,
interpolation, rounding and complex-part functions, differential against real NumPy on every
backend (see mathhelp for the case format)."""
import pytest

from mathhelp import ALL, FLOAT, INEXACT, NUM, REAL, run

RED = ["axis=None", "axis=0", "axis=1", "axis=-1", "axis=(0, 1)", "axis=2", "axis=0, keepdims=True",
       "keepdims=True"]

CASES = {
    "sum": ([f"m.sum(a.M, {r})" for r in RED] + [
        "m.sum(a.S)", "m.sum(a.S, axis=0)", "m.sum(a.E)", "m.sum(a.T, axis=(0, 2))",
        "m.sum(a.M, dtype=m.float32)", "m.sum(a.M, dtype='int8')", "m.sum(a.M, axis=1, initial=5)",
        "m.sum(a.M, axis=0, where=a.K)", "m.sum(a.M, where=a.K[0])", "m.sum([1, 2.5])", "m.sum(3)",
        "m.sum(a.M, axis=1.0)"], ALL),
    "prod": ([f"m.prod(a.M, {r})" for r in RED[:4]] + [
        "m.prod(a.E)", "m.prod(a.M, axis=0, where=a.K)", "m.prod(a.M, axis=1, initial=2)",
        "m.prod(a.M, axis=0, dtype=m.float64)"], ALL),
    "nansum": (["m.nansum(a.NAN)", "m.nansum(a.NAN, axis=1)", "m.nansum(a.NAN, axis=0, keepdims=True)",
                "m.nansum(a.M, axis=0)"], ALL),
    "nanprod": (["m.nanprod(a.NAN)", "m.nanprod(a.NAN, axis=1)", "m.nanprod(a.M, axis=0)"], ALL),
    "cumsum": (["m.cumsum(a.M)", "m.cumsum(a.M, axis=0)", "m.cumsum(a.M, axis=-1, dtype=m.float32)",
                "m.cumsum(a.S)", "m.cumsum(a.E)", "m.cumsum(a.M, axis=2)", "m.cumsum(a.V, axis=0)"], ALL),
    "cumprod": (["m.cumprod(a.M)", "m.cumprod(a.M, axis=1)", "m.cumprod(a.V)"], ALL),
    "nancumsum": (["m.nancumsum(a.NAN)", "m.nancumsum(a.NAN, axis=0)", "m.nancumsum(a.M, axis=1)"], ALL),
    "nancumprod": (["m.nancumprod(a.NAN, axis=1)", "m.nancumprod(a.V)"], ALL),
    "cumulative_sum": (["m.cumulative_sum(a.V)", "m.cumulative_sum(a.M, axis=0)",
                        "m.cumulative_sum(a.M)", "m.cumulative_sum(a.S)",
                        "m.cumulative_sum(a.M, axis=1, include_initial=True)",
                        "m.cumulative_sum(a.V, dtype=m.float64)"], ALL),
    "cumulative_prod": (["m.cumulative_prod(a.V)", "m.cumulative_prod(a.M, axis=1)",
                         "m.cumulative_prod(a.M, axis=0, include_initial=True)"], ALL),
    "diff": (["m.diff(a.M)", "m.diff(a.M, axis=0)", "m.diff(a.M, n=2)", "m.diff(a.M, n=0)",
              "m.diff(a.V, prepend=0)", "m.diff(a.V, append=a.W[:2])", "m.diff(a.M, prepend=a.M[:, :1])",
              "m.diff(a.S)", "m.diff(a.V, n=-1)", "m.diff(a.M, axis=3)", "m.diff(a.E)"], ALL),
    "ediff1d": (["m.ediff1d(a.M)", "m.ediff1d(a.V, to_begin=a.W[:1], to_end=a.W[1:3])",
                 "m.ediff1d(a.V, to_end=-1)", "m.ediff1d(a.V, to_begin=2.5)"], ALL),
    "gradient": (["m.gradient(a.V)", "m.gradient(a.M)", "m.gradient(a.M, axis=1)",
                  "m.gradient(a.M, 2.0, axis=0)", "m.gradient(a.V, [0.0, 1.0, 1.5, 3.5])",
                  "m.gradient(a.V, edge_order=2)", "m.gradient(a.V, [0.0, 1.0, 1.5, 3.5], edge_order=2)",
                  "m.gradient(a.M, 0.5, 2.0)", "m.gradient(a.V[:1])", "m.gradient(a.V, edge_order=3)"],
                 NUM),
    "cross": (["m.cross(a.M[:, :3], a.N[:, 1:])", "m.cross(a.M[:, :3], a.N[:, :3], axis=0)",
               "m.cross(a.M[:, :2], a.N[:, :3])", "m.cross(a.M[:, :3], a.N[:, :2])",
               "m.cross(a.M[:, :2], a.N[:, :2])", "m.cross(a.M, a.N)",
               "m.cross(a.T[:, :, :3], a.M[:, :3], axisc=0)"], ALL),
    "dot": (["m.dot(a.M, a.N.T)", "m.dot(a.V, a.W)", "m.dot(a.M, a.V)", "m.dot(a.S, a.M)",
             "m.dot(a.T, a.N.T)", "m.dot(a.M, a.N)", "m.dot(a.V, a.M.T)"], ALL),
    "vdot": (["m.vdot(a.M, a.N)", "m.vdot(a.V, a.W)", "m.vdot(a.V, a.M)"], ALL),
    "inner": (["m.inner(a.M, a.N)", "m.inner(a.V, a.W)", "m.inner(a.S, a.M)", "m.inner(a.M, a.V)",
               "m.inner(a.M, a.Q)"], ALL),
    "outer": (["m.outer(a.V, a.W)", "m.outer(a.M, a.V)", "m.outer(a.S, a.V)"], ALL),
    "tensordot": (["m.tensordot(a.M, a.N.T, axes=1)", "m.tensordot(a.T, a.M, axes=([1, 2], [0, 1]))",
                   "m.tensordot(a.M, a.N, axes=2)", "m.tensordot(a.M, a.N, axes=0).shape",
                   "m.tensordot(a.M, a.N, axes=([0], [1]))"], ALL),
    "einsum": (["m.einsum('ij,kj->ik', a.M, a.N)", "m.einsum('ii', a.Q)", "m.einsum('ij->j', a.M)",
                "m.einsum('i,i', a.V, a.W)", "m.einsum('...j,j', a.T, a.V)", "m.einsum('ij', a.M)",
                "m.einsum(a.M, [0, 1], a.N, [2, 1], [0, 2])", "m.einsum('ij,jk', a.M, a.N)",
                "m.einsum('ij,jk->ik', a.M, a.N.T, dtype=m.float64, casting='unsafe')"], ALL),
    "einsum_path": (["m.einsum_path('ij,jk->ik', a.M, a.N.T)[0]",
                     "m.einsum_path('ij,jk->ik', a.M, a.N.T, optimize=False)[0]"], ("float64",)),
    "kron": (["m.kron(a.V, a.W)", "m.kron(a.M, a.Q)", "m.kron(a.S, a.V)"], ALL),
    "trace": (["m.trace(a.M)", "m.trace(a.M, 1)", "m.trace(a.M, -1)", "m.trace(a.T, axis1=1, axis2=2)",
               "m.trace(a.M, dtype=m.float32)", "m.trace(a.V)"], ALL),
    "convolve": ([f"m.convolve(a.V, a.W[:{k}], '{mode}')" for k in (2, 4)
                  for mode in ("full", "same", "valid")] +
                 ["m.convolve(a.W[:2], a.V, 'same')", "m.convolve(a.W[:3], a.V, 'valid')",
                  "m.convolve(a.V, a.E)", "m.convolve(a.V, a.W, 'bad')", "m.convolve(a.S, a.V)"], ALL),
    "correlate": ([f"m.correlate(a.V, a.W[:{k}], '{mode}')" for k in (2, 3)
                   for mode in ("full", "same", "valid")] +
                  ["m.correlate(a.W[:3], a.V, 'same')", "m.correlate(a.W[:2], a.V, 'full')",
                   "m.correlate(a.W[:2], a.V)"], ALL),
    "interp": (["m.interp(a.M, [-1, 0, 1.5], [3, 1, 2])", "m.interp(a.V, [-1, 0, 1.5], a.W[:3])",
                "m.interp(a.M, [0, 1, 2], [3, 1, 2], left=-9, right=9)",
                "m.interp(a.V, [0.0, 1.0], [1.0, 2.0], period=1.5)", "m.interp(2.5, [0, 1, 2, 3], [0, 1, 4, 9])",
                "m.interp(a.V, [1.0], [5.0])", "m.interp(a.V, [0, 1], [1, 2, 3])"], REAL + ("complex128",)),
    "trapezoid": (["m.trapezoid(a.M)", "m.trapezoid(a.M, axis=0)", "m.trapezoid(a.V, dx=0.5)",
                   "m.trapezoid(a.V, x=[0.0, 1.0, 3.0, 4.5])", "m.trapezoid(a.M, x=a.N)"], NUM),
    "clip": (["m.clip(a.M, 0, 2)", "m.clip(a.M, a.V, 3)", "m.clip(a.M, None, 1)", "m.clip(a.M, -1.5, 2.5)",
              "m.clip(a.M, min=1)", "m.clip(a.S, 1, 2)", "m.clip(a.M, a_min=0, min=1)",
              "m.clip(a.M, 1, 0)"], REAL),
    "around": (["m.around(a.M)", "m.around(a.M, 1)", "m.around(a.M * 13, -1)", "m.around(a.S, 2)"], ALL),
    "round": (["m.round(a.M)", "m.round(a.M * 1.37, 1)", "m.round(a.V, -1)"], ALL),
    "fix": (["m.fix(a.M * 1.5)", "m.fix(a.M)", "m.fix(a.S)"], REAL),
    "real_if_close": (["m.real_if_close(a.M)", "m.real_if_close(a.M + 1e-15j)",
                       "m.real_if_close(a.M + 1e-5j, tol=1000)"], NUM),
    "nan_to_num": (["m.nan_to_num(a.NAN)", "m.nan_to_num(a.NAN, nan=-1.0)",
                    "m.nan_to_num(a.INF)", "m.nan_to_num(a.INF, posinf=7, neginf=-7)",
                    "m.nan_to_num(a.S)"], ALL),
    "angle": (["m.angle(a.M)", "m.angle(a.M, deg=True)", "m.angle(a.S)", "m.angle(-2.5)",
               "m.angle(a.V.astype('int8'))"], ALL),
    "real": (["m.real(a.M)", "m.real(a.S)", "m.real(3 + 4j)", "m.real(a.M.tolist())"], ALL),
    "imag": (["m.imag(a.M)", "m.imag(a.S)", "m.imag(3 + 4j)"], ALL),
    "sinc": (["m.sinc(a.M)", "m.sinc(a.S)", "m.sinc(0.5)"], ALL),
    "i0": (["m.i0(a.M)", "m.i0(a.V)", "m.i0(a.S)"], ALL),
    "unwrap": (["m.unwrap(a.M * 3)", "m.unwrap(a.M * 3, axis=0)", "m.unwrap(a.V * 4, discont=4.0)",
                "m.unwrap(a.M * 3, period=4)", "m.unwrap(a.V * 3, period=5.5)"], REAL),
    "bartlett": (["m.bartlett(5)", "m.bartlett(1)", "m.bartlett(0)", "m.bartlett(6)"], ("float64",)),
    "blackman": (["m.blackman(5)", "m.blackman(1)", "m.blackman(-2)", "m.blackman(6)"], ("float64",)),
    "hamming": (["m.hamming(5)", "m.hamming(1)", "m.hamming(0)", "m.hamming(4)"], ("float64",)),
    "hanning": (["m.hanning(5)", "m.hanning(1)", "m.hanning(0)", "m.hanning(4)"], ("float64",)),
    "kaiser": (["m.kaiser(5, 2.5)", "m.kaiser(1, 3)", "m.kaiser(0, 1)", "m.kaiser(6, 0)"], ("float64",)),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_function(backend, name):
    cases, dtypes = CASES[name]
    run(backend, cases, dtypes)


def test_out_arguments(backend):
    run(backend, ["(lambda o: (m.sum(a.M, axis=0, out=o), o)[1])(m.zeros(4))",
                  "(lambda o: (m.cumsum(a.M, axis=1, out=o), o)[1])(m.zeros((3, 4), dtype='int64'))",
                  "(lambda o: m.clip(a.M, 0, 1, out=o) is o)(m.zeros((3, 4)))",
                  "(lambda o: (m.dot(a.M, a.N.T, out=o), o)[1])(m.zeros((3, 3)))",
                  "(lambda o: m.dot(a.M, a.N.T, out=o))(m.zeros((3, 3), dtype='float32'))",
                  "(lambda o: (m.outer(a.V, a.W, out=o), o)[1])(m.zeros((4, 4)))"],
        ("int64", "float64"))


def test_nan_to_num_in_place(backend):
    run(backend, ["(lambda x: (m.nan_to_num(x, copy=False) is x, x))(a.NAN.copy())"], FLOAT)


def test_all_names_exist():
    import numpy

    import unify.frontends.numpy as fnp
    for name in CASES:
        assert callable(getattr(fnp, name)) and callable(getattr(numpy, name))
    assert INEXACT
