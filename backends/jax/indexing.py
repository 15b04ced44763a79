import jax.numpy as jnp


def getitem(x, key):
    return x[key]


def index_add(x, key, values):
    return x.at[key].add(values)
