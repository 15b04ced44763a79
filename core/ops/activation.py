"""activation ops."""
from ._define import defvjp, family, nondiff, unbroadcast  # noqa: F401

__all__: list[str] = []
op = family(__name__, __all__)
