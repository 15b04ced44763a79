"""The JAX backend: ops map to jax.numpy / jax.lax. Loading it enables jax_enable_x64
(float64 must work; frontends keep their own float32 defaults)."""
requires = "jax"
extra = "jax"


def load():
    import jax

    jax.config.update("jax_enable_x64", True)
    from ...core.backend import Backend
    from ._base import DTYPES, translate_error

    return Backend("jax", jax, __name__, DTYPES, translate_error, (jax.Array,))
