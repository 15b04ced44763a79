"""numpy frontend: sort, argsort, lexsort, partition, argpartition, searchsorted,
sort_complex, differential against real NumPy on every backend (see mathhelp). Sorting here is
stable, so argsort is compared with kind='stable'; partition results are checked through the
partition property."""
import pytest

from mathhelp import ALL, REAL, run

CASES = {
    "sort": (["m.sort(a.M)", "m.sort(a.M, axis=0)", "m.sort(a.M, axis=None)", "m.sort(a.T, axis=1)",
              "m.sort(a.NAN, axis=1)", "m.sort(a.E)", "m.sort(a.S)", "m.sort(a.M, kind='stable')",
              "m.sort(a.M, axis=2)", "m.sort(a.M, order='x')", "m.sort(a.V, stable=True)"], ALL),
    "argsort": (["m.argsort(a.M, kind='stable')", "m.argsort(a.M, axis=0, kind='stable')",
                 "m.argsort(a.M, axis=None, kind='stable')", "m.argsort(a.NAN, axis=1, kind='stable')",
                 "m.argsort(a.V, stable=True)", "m.argsort(a.E)", "m.argsort(a.M, axis=3)"], ALL),
    "lexsort": (["m.lexsort(a.M)", "m.lexsort((a.V, a.W))", "m.lexsort(a.M, axis=0)",
                 "m.lexsort([a.V, a.W, a.V])", "m.lexsort(a.T)"], ALL),
    "partition": (["m.sort(m.partition(a.M, 2), axis=-1)", "m.partition(a.M, 1)[..., 1]",
                   "m.partition(a.M, 1, axis=0)[1]", "m.partition(a.V, (0, 3))[[0, 3]]",
                   "m.partition(a.V, 5)", "m.partition(a.M, -1, axis=None)[-1]"], ALL),
    "argpartition": (["m.sort(m.take_along_axis(a.M, m.argpartition(a.M, 2), -1), axis=-1)",
                      "m.take_along_axis(a.M, m.argpartition(a.M, 1), -1)[..., 1]",
                      "m.argpartition(a.V, 9)"], ALL),
    "searchsorted": (["m.searchsorted(m.sort(a.V), a.M)", "m.searchsorted(m.sort(a.V), a.M, side='right')",
                      "m.searchsorted(m.sort(a.V), 1)", "m.searchsorted(a.V, a.W, sorter=m.argsort(a.V, kind='stable'))",
                      "m.searchsorted(m.sort(a.V), 2.5)", "m.searchsorted(m.sort(a.V), a.M, side='middle')",
                      "m.searchsorted(a.M, a.V)"], ALL),
    "sort_complex": (["m.sort_complex(a.V)", "m.sort_complex(a.M)", "m.sort_complex(a.E)"],
                     ALL + ("int8", "uint16")),
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
    assert REAL
