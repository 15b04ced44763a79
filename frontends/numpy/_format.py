"""repr/str of arrays and scalars: the values go through NumPy's own printer (numpy is a
dependency of unify's core), so the text is exactly NumPy's (`array([1., 2.])`), under this
frontend's print options (`np.set_printoptions`; see _printing.py)."""
from __future__ import annotations

from ._printing import array_repr, array_str, scalar_repr, scalar_str  # noqa: F401
