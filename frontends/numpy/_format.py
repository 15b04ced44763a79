"""repr/str of arrays and scalars: the values go through NumPy's own printer (numpy is a
dependency of unify's core), so the text is exactly NumPy's (`array([1., 2.])`)."""
from __future__ import annotations

from ... import core as C


def _host(x):
    return C.to_numpy(x._value())


def array_repr(a) -> str:
    return repr(_host(a))


def array_str(a) -> str:
    return str(_host(a))


def scalar_repr(s) -> str:
    return repr(_host(s).reshape(())[()])


def scalar_str(s) -> str:
    return str(_host(s).reshape(())[()])
