"""numpy frontend: unique (with index/inverse/counts and axis), the unique_* functions,
intersect1d, union1d, setdiff1d, setxor1d, isin, differential against real NumPy on every
backend (see mathhelp). unique_values/unique_counts/... are compared after sorting: NumPy
does not promise an order for them."""
import pytest

from mathhelp import ALL, run

SORTED = "(lambda r: m.sort(r) if not isinstance(r, tuple) else r)"

CASES = {
    "unique": (["m.unique(a.M)", "m.unique(a.M, return_index=True)", "m.unique(a.M, return_inverse=True)",
                "m.unique(a.M, return_counts=True)",
                "m.unique(a.M, return_index=True, return_inverse=True, return_counts=True)",
                "m.unique(m.concatenate([a.M, a.M]), axis=0, return_index=True, return_inverse=True, return_counts=True)",
                "m.unique(a.M % 2 if a.dtype != 'bool' else a.M, axis=1, return_counts=True)",
                "m.unique(a.NAN)", "m.unique(a.NAN, equal_nan=False)", "m.unique(a.E, return_counts=True)",
                "m.unique(a.S)", "m.sort(m.unique(a.M, sorted=False))", "m.unique(a.M, axis=2)"], ALL),
    "unique_values": (["m.sort(m.unique_values(a.M))", "m.sort(m.unique_values(a.E))"], ALL),
    "unique_counts": (["(lambda r: (type(r).__name__, r._fields, r.values[m.argsort(r.values, kind='stable')],"
                       " r.counts[m.argsort(r.values, kind='stable')]))(m.unique_counts(a.M))"], ALL),
    "unique_inverse": (["(lambda r: (r._fields, r.values[r.inverse_indices]))(m.unique_inverse(a.M))"], ALL),
    "unique_all": (["(lambda r: (r._fields, r.values[r.inverse_indices], r.values[m.argsort(r.values, kind='stable')],"
                    " r.counts[m.argsort(r.values, kind='stable')], a.M.ravel()[r.indices] == r.values))"
                    "(m.unique_all(a.M))"], ALL),
    "intersect1d": (["m.intersect1d(a.M, a.V)", "m.intersect1d(a.M, a.N, return_indices=True)",
                     "m.intersect1d(a.V, a.W, assume_unique=True)", "m.intersect1d(a.V, [1, 2.5])",
                     "m.intersect1d(a.E, a.V)"], ALL),
    "union1d": (["m.union1d(a.M, a.V)", "m.union1d(a.V, [7, -1])", "m.union1d(a.E, a.E)"], ALL),
    "setdiff1d": (["m.setdiff1d(a.M, a.V)", "m.setdiff1d(a.V, a.W, assume_unique=True)",
                   "m.setdiff1d(a.M, [1, 2.5])", "m.setdiff1d(a.E, a.V)"], ALL),
    "setxor1d": (["m.setxor1d(a.M, a.N)", "m.setxor1d(a.V, a.W, assume_unique=True)",
                  "m.setxor1d(a.V, a.E)"], ALL),
    "isin": (["m.isin(a.M, a.V)", "m.isin(a.M, a.V, invert=True)", "m.isin(a.S, a.V)", "m.isin(a.M, [1, 2.5])",
              "m.isin(a.M, a.E)", "m.isin(a.M, a.N, kind='sort')", "m.isin(a.M, a.V, kind='bad')"], ALL),
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
    assert SORTED
