import jax.numpy as jnp

add = jnp.add
subtract = jnp.subtract
multiply = jnp.multiply
exp = jnp.exp
equal = jnp.equal
negative = jnp.negative
conj = jnp.conj
