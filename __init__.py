"""unify: run code written for one ML framework on another framework's runtime.

    import unify
    unify.set_backend("jax")
    import unify.frontends.torch as torch   # (frontends land in later issues)
"""
from .core.backend import (set_backend, using_backend, current_backend, available_backends,
                           get_backend)
from ._install import install, uninstall

__version__ = "0.1.0"
__all__ = ["set_backend", "using_backend", "current_backend", "available_backends", "get_backend",
           "install", "uninstall"]
