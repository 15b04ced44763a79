import jax.numpy as jnp

matmul = jnp.matmul


def matrix_transpose(x):
    return jnp.swapaxes(x, -1, -2)
