"""numpy.exceptions: NumPy's exception and warning types (AxisError is also the core's
AxisError's sibling: both are ValueError and IndexError subclasses)."""
from __future__ import annotations

from ...core.ops.manipulation import AxisError as _CoreAxisError

__all__ = ["AxisError", "ComplexWarning", "DTypePromotionError", "ModuleDeprecationWarning",
           "RankWarning", "TooHardError", "VisibleDeprecationWarning"]


class AxisError(_CoreAxisError):
    """numpy.exceptions.AxisError: an axis out of range."""

    def __init__(self, axis, ndim=None, msg_prefix=None):
        if ndim is None and msg_prefix is None:
            self._msg = axis
            self.axis = self.ndim = None
        else:
            self._msg = msg_prefix
            self.axis, self.ndim = axis, ndim
        super().__init__(str(self))

    def __str__(self) -> str:
        if self.axis is None:
            return str(self._msg)
        msg = f"axis {self.axis} is out of bounds for array of dimension {self.ndim}"
        return f"{self._msg}: {msg}" if self._msg is not None else msg


class ComplexWarning(RuntimeWarning):
    """Casting a complex value to a real dtype discards the imaginary part."""


class DTypePromotionError(TypeError):
    """Two dtypes have no common dtype."""


class ModuleDeprecationWarning(DeprecationWarning):
    pass


class VisibleDeprecationWarning(UserWarning):
    pass


class RankWarning(RuntimeWarning):
    pass


class TooHardError(RuntimeError):
    pass


class _UFuncTypeError(TypeError):
    """numpy._core._exceptions._UFuncNoLoopError's family: no ufunc loop for these dtypes."""


class _UFuncOutputCastingError(_UFuncTypeError):
    pass


UFuncTypeError = _UFuncTypeError
