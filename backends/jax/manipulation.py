import jax.numpy as jnp

from ._base import nd


def astype(x, dtype, copy, device):
    return jnp.asarray(x).astype(nd(dtype, "astype"))


def reshape(x, shape, copy):
    return jnp.reshape(x, shape)


def broadcast_to(x, shape):
    return jnp.broadcast_to(x, shape)


def expand_dims(x, axis):
    return jnp.expand_dims(x, axis)


def squeeze(x, axis):
    return jnp.squeeze(x, axis)


def permute_dims(x, axes):
    return jnp.transpose(x, axes)


def concat(arrays, axis):
    return jnp.concatenate(arrays, axis=axis)


def stack(arrays, axis):
    return jnp.stack(arrays, axis=axis)
