"""numpy frontend: allclose/isclose/array_equal/array_equiv, type tests, ndim/shape/size,
apply_along_axis, apply_over_axes, vectorize, piecewise, packbits/unpackbits, binary_repr,
base_repr, differential against real NumPy on every backend (see mathhelp)."""
import pytest

from mathhelp import ALL, run

CASES = {
    "isclose": (["m.isclose(a.M, a.N)", "m.isclose(a.M, a.M)", "m.isclose(a.M, a.V, atol=1.5)",
                 "m.isclose(a.NAN, a.NAN)", "m.isclose(a.NAN, a.NAN, equal_nan=True)", "m.isclose(a.S, 1)",
                 "m.isclose(a.M, 2, rtol=0.5)", "m.isclose(a.INF, a.INF)", "m.isclose(1.0, 1.0 + 1e-9)"], ALL),
    "allclose": (["m.allclose(a.M, a.M)", "m.allclose(a.M, a.N)", "m.allclose(a.NAN, a.NAN, equal_nan=True)",
                  "m.allclose(a.M, a.V, atol=10)"], ALL),
    "array_equal": (["m.array_equal(a.M, a.M)", "m.array_equal(a.M, a.N)", "m.array_equal(a.M, a.V)",
                     "m.array_equal(a.NAN, a.NAN)", "m.array_equal(a.NAN, a.NAN, equal_nan=True)",
                     "m.array_equal(a.V, a.V.tolist())"], ALL),
    "array_equiv": (["m.array_equiv(a.M, a.M)", "m.array_equiv(a.M[:1], m.concatenate([a.M[:1]] * 3))",
                     "m.array_equiv(a.M, a.V[:3])", "m.array_equiv(a.M, a.N)"], ALL),
    "iscomplexobj": (["m.iscomplexobj(a.M)", "m.iscomplexobj(a.M.tolist())", "m.iscomplexobj(1j)",
                      "m.iscomplexobj(a.S)"], ALL),
    "isrealobj": (["m.isrealobj(a.M)", "m.isrealobj(3)"], ALL),
    "iscomplex": (["m.iscomplex(a.M)", "m.iscomplex(a.S)", "m.iscomplex(3)", "m.iscomplex([1, 2j])"], ALL),
    "isreal": (["m.isreal(a.M)", "m.isreal(a.S)", "m.isreal(3 + 0j)"], ALL),
    "isposinf": (["m.isposinf(a.INF)", "m.isposinf(a.S)", "(lambda o: (m.isposinf(a.INF, out=o), o)[1])(m.zeros((3, 4), dtype=bool))"], ALL),
    "isneginf": (["m.isneginf(a.INF)", "m.isneginf(-m.inf)"], ALL),
    "isscalar": (["m.isscalar(a.S)", "m.isscalar(a.M)", "m.isscalar(a.M[0, 0])", "m.isscalar(3.5)",
                  "m.isscalar('x')", "m.isscalar([1])"], ("float64", "int32")),
    "ndim": (["m.ndim(a.M)", "m.ndim(a.S)", "m.ndim([[1, 2]])", "m.ndim(3)"], ("float64",)),
    "shape": (["m.shape(a.T)", "m.shape(a.S)", "m.shape([[1, 2]])", "m.shape(3)"], ("float64",)),
    "size": (["m.size(a.T)", "m.size(a.T, 1)", "m.size(a.T, -1)", "m.size(a.T, (0, 2))", "m.size([[1, 2]])",
              "m.size(a.E)"], ("float64",)),
    "apply_along_axis": (["m.apply_along_axis(lambda r: r[:2] * 2, 1, a.M)",
                          "m.apply_along_axis(m.sum, 0, a.M)", "m.apply_along_axis(m.sort, 0, a.M)",
                          "m.apply_along_axis(lambda r: m.outer(r, r), 1, a.M)",
                          "m.apply_along_axis(lambda r: r.sum(), 0, a.V)", "m.apply_along_axis(m.max, 2, a.T)",
                          "m.apply_along_axis(m.mean, 1, a.T)"], ALL),
    "apply_over_axes": (["m.apply_over_axes(m.sum, a.T, [0, 2])", "m.apply_over_axes(m.max, a.M, 1)",
                         "m.apply_over_axes(m.mean, a.T, (0, -1))"], ALL),
    "vectorize": (["m.vectorize(lambda x, y: x * 2 + y)(a.M, a.V)", "m.vectorize(lambda x: x > 1)(a.M)",
                   "m.vectorize(lambda x: (x, x * 2))(a.V)", "m.vectorize(lambda x: 3)(a.S)",
                   "m.vectorize(lambda x: x + 1, otypes=[m.float32])(a.V)",
                   "m.vectorize(lambda x: x + 1, otypes='d')(a.E)", "m.vectorize(lambda x: x)(a.E)",
                   "m.vectorize(lambda x, k: x * k, excluded={'k'})(a.V, k=3)",
                   "m.vectorize(lambda r: r.sum(), signature='(n)->()')(a.M)",
                   "m.vectorize(lambda r, s: r * s, signature='(n),()->(n)')(a.M, a.V[:3, None])",
                   "m.vectorize(lambda r: (r.min(), r.max()), signature='(n)->(),()')(a.T)"], ALL),
    "piecewise": (["m.piecewise(a.M, [a.K], [-1, lambda x: x * 2])",
                   "m.piecewise(a.M, [a.M < 0, a.M > 1], [-1, lambda x: x * 2, 7])",
                   "m.piecewise(a.M, [a.K, ~a.K], [0])", "m.piecewise(a.S, [True], [lambda x: x + 1, 0])",
                   "m.piecewise(a.V, [a.V > 100], [lambda x: x * 0, 4])"], ALL),
    "packbits": (["m.packbits(a.M)", "m.packbits(a.M, axis=1)", "m.packbits(a.M, axis=0, bitorder='little')",
                  "m.packbits(a.T, axis=-1)", "m.packbits(a.E)", "m.packbits(a.M, bitorder='x')"], ALL),
    "unpackbits": (["m.unpackbits(a.M)", "m.unpackbits(a.M, axis=1)", "m.unpackbits(a.M, axis=0, count=5)",
                    "m.unpackbits(a.V, count=-3, bitorder='little')", "m.unpackbits(a.V, count=40)",
                    "m.unpackbits(a.V, count=0)"], ("uint8", "int32", "float64")),
    "binary_repr": (["m.binary_repr(5)", "m.binary_repr(-5)", "m.binary_repr(-5, width=8)", "m.binary_repr(0)",
                     "m.binary_repr(0, width=4)", "m.binary_repr(5, width=2)", "m.binary_repr(-8, width=4)",
                     "m.binary_repr(a.S.astype('int64') if a.dtype != 'complex128' else 3)"], ("int64",)),
    "base_repr": (["m.base_repr(255, 16)", "m.base_repr(-35, 36)", "m.base_repr(5, 2, padding=3)",
                   "m.base_repr(0)", "m.base_repr(5, 37)", "m.base_repr(5, 1)"], ("int64",)),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_function(backend, name):
    cases, dtypes = CASES[name]
    run(backend, cases, dtypes)


def test_all_names_exist():
    import numpy

    import unify.frontends.numpy as fnp
    for name in CASES:
        assert callable(getattr(fnp, name)) and callable(getattr(numpy, name))
