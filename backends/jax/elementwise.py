import jax.numpy as jnp

add = jnp.add
subtract = jnp.subtract
multiply = jnp.multiply
exp = jnp.exp
equal = jnp.equal
negative = jnp.negative
conj = jnp.conj
divide = jnp.divide
abs = jnp.abs
sqrt = jnp.sqrt
log = jnp.log
greater = jnp.greater
less = jnp.less
logical_not = jnp.logical_not
where = jnp.where
sign = jnp.sign
