"""softmax / log_softmax for the JAX backend; integer inputs give float64."""
import jax
import jax.numpy as jnp

from ...core.ops.manipulation import _axis


def _prep(x, axis, op):
    x = jnp.asarray(x)
    if not jnp.issubdtype(x.dtype, jnp.floating):
        x = x.astype(jnp.float64)
    return x, _axis(axis, max(x.ndim, 1), op)


def softmax(x, axis):
    x, a = _prep(x, axis, "softmax")
    if x.ndim == 0:
        return jax.nn.softmax(x.reshape(1), axis=0).reshape(())
    return jax.nn.softmax(x, axis=a)


def log_softmax(x, axis):
    x, a = _prep(x, axis, "log_softmax")
    if x.ndim == 0:
        return jax.nn.log_softmax(x.reshape(1), axis=0).reshape(())
    return jax.nn.log_softmax(x, axis=a)
