"""Every public core op, one module per family.

Each family module defines its ops with `dispatch.define` (and their gradient
rules with `autograd.defvjp`). Backends provide one module per family with
the same name; a family a backend lacks falls back to the core composites.
"""
import importlib

FAMILIES = (
    "inspection", "creation", "elementwise", "special", "manipulation", "indexing",
    "reduction", "searching", "linalg", "fft", "random", "activation", "nn",
)

__all__: list[str] = []
for _fam in FAMILIES:
    _mod = importlib.import_module(f"{__name__}.{_fam}")
    for _k in getattr(_mod, "__all__", ()):
        globals()[_k] = getattr(_mod, _k)
        __all__.append(_k)
del _fam, _mod, _k
