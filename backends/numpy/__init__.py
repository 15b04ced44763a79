"""The NumPy backend (always available): ops map to NumPy functions."""
requires = "numpy"
extra = None


def load():
    import numpy as np

    from ...core.backend import Backend
    from ._base import DTYPES, translate_error

    return Backend("numpy", np, __name__, DTYPES, translate_error, (np.ndarray, np.generic))
