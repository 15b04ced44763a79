import jax.numpy as jnp

from ._base import nd


def sum(x, axis, dtype, keepdims):
    return jnp.sum(x, axis=axis, dtype=nd(dtype, "sum"), keepdims=keepdims)
