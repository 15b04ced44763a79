"""Dtype table and device mapping of the JAX backend."""
import jax.numpy as jnp
import numpy as np

from ...core import dtypes as D

DTYPES = {d: np.dtype(getattr(jnp, d.name if d is not D.bool else "bool_")) for d in D.ALL}
FROM = {v: k for k, v in DTYPES.items()}
N = dict(DTYPES)
N[None] = None


def nd(dtype, op="?"):
    try:
        return N[dtype]
    except KeyError:
        raise TypeError(f"unify.core.{op}: dtype {dtype!r} is not supported by the jax backend") from None


def translate_error(op, exc):
    if isinstance(exc, TypeError) and "incompatible shapes for broadcasting" in str(exc):
        return ValueError(f"unify.core.{op}: {exc}")
    return None
