"""numpy frontend: legacy polynomial functions and poly1d, differential against real NumPy on
every backend (see mathhelp). roots are compared sorted (their order comes from the backend's
eigenvalue routine)."""
import pytest

from mathhelp import NUM, run

CASES = {
    "polyval": (["m.polyval(a.V, a.M)", "m.polyval([1, 2, 3], a.M)", "m.polyval(a.V, 2)",
                 "m.polyval(a.V, 1.5)", "m.polyval(a.E, a.V)", "m.polyval(m.poly1d([1, 2]), a.V)"], NUM),
    "polyfit": (["m.polyfit(a.M[0] + m.arange(4), a.M[1], 2)", "m.polyfit(m.arange(4.0), a.M.T, 1)",
                 "m.polyfit(m.arange(4.0), a.V, 2, full=True)", "m.polyfit(m.arange(4.0), a.V, 1, cov=True)",
                 "m.polyfit(m.arange(4.0), a.V, 1, w=[1, 2, 1, 2])", "m.polyfit(m.arange(4.0), a.V, 1, cov='unscaled')",
                 "m.polyfit(m.arange(4.0), a.V, -1)", "m.polyfit(a.M, a.V, 1)", "m.polyfit(m.arange(3.0), a.V, 1)"],
                ("int64", "float32", "float64")),
    "poly": (["m.poly(a.V)", "m.poly([1, 2])", "m.poly(a.Q)", "m.poly(a.E)", "m.poly(a.M)",
              "m.poly([1 + 1j, 1 - 1j])"], NUM),
    "roots": (["m.sort(m.roots([1.0, -6, 11, -6]))", "m.sort(m.roots(a.V))", "m.sort(m.roots([0, 0, 1, -3, 2, 0]))",
               "m.roots([0, 0])", "m.roots(a.M)", "m.sort(m.roots([1, 0, 1]))", "m.roots([5])"], NUM),
    "polyder": (["m.polyder(a.V)", "m.polyder(a.V, 2)", "m.polyder(a.V, 0)", "m.polyder(a.V, 5)",
                 "m.polyder(a.V, -1)", "m.polyder(m.poly1d([1, 2, 3])).coeffs"], NUM),
    "polyint": (["m.polyint(a.V)", "m.polyint(a.V, 2)", "m.polyint(a.V, 2, k=[1, 2])", "m.polyint(a.V, k=3)",
                 "m.polyint(a.V, -1)", "m.polyint(a.V, 3, k=[1, 2])"], NUM),
    "polyadd": (["m.polyadd(a.V, a.W[:2])", "m.polyadd(a.V[:1], a.W)", "m.polyadd(a.V, [1.5])",
                 "m.polyadd(m.poly1d([1, 2]), a.V).coeffs"], NUM),
    "polysub": (["m.polysub(a.V, a.W[:2])", "m.polysub(a.V[:2], a.W)"], NUM),
    "polymul": (["m.polymul(a.V, a.W[:2])", "m.polymul(a.V[:1], a.W)", "m.polymul([1, 2], [1.5, 1])"], NUM),
    "polydiv": (["m.polydiv(a.V, [1, 2])", "m.polydiv(a.V, a.W[1:3])", "m.polydiv([1.0, 2, 1], [1.0, 1])",
                 "m.polydiv(a.V[:2], a.W)"], ("int64", "float32", "float64", "complex128")),
    "poly1d": (["(lambda p: (p(2.5), p(a.V), p.order, p[0], p[2], p[7], p.coeffs, len(p)))(m.poly1d(a.V))",
                "(lambda p: ((p * p).coeffs, (p + [1, 2]).coeffs, (p - 1).coeffs, (-p).coeffs, (p * 2).coeffs,"
                " (p ** 2).coeffs, p == m.poly1d(a.V), p != m.poly1d([1])))(m.poly1d(a.V))",
                "(lambda p: (p.deriv().coeffs, p.integ().coeffs, p.deriv(2).coeffs))(m.poly1d(a.V))",
                "(lambda p: [q.coeffs for q in p / m.poly1d([1, 1])])(m.poly1d([1.0, 3, 2]))",
                "m.sort(m.poly1d([1.0, -3, 2]).roots)", "m.poly1d([1, 2], r=True).coeffs",
                "m.poly1d([0, 0, 1, 2]).coeffs", "repr(m.poly1d([1, 2, 3]))",
                "m.asarray(m.poly1d([1.5, 2]))", "m.poly1d([[1, 2]])"], ("int64", "float64")),
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
