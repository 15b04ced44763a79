"""fft on JAX (jax.numpy.fft; integer and bool inputs are computed in float64, half floats in float32)."""
import jax.numpy as jnp

from ...core.ops.fft import _check_norm, _many, _one

_WIDE = tuple(jnp.dtype(d) for d in ("float32", "float64", "complex64", "complex128"))


def _prep(x):
    if x.dtype in _WIDE:
        return x
    return x.astype(jnp.float32 if jnp.issubdtype(x.dtype, jnp.floating) else jnp.float64)


def _real(x, op):
    if jnp.issubdtype(x.dtype, jnp.complexfloating):
        raise TypeError(f"unify.core.fft.{op}: x must be real-valued")
    return _prep(x)


def fft_fft(x, n, axis, norm):
    axis, n = _one(x.shape, n, axis)
    return jnp.fft.fft(_prep(x), n, axis, _check_norm(norm))


def fft_ifft(x, n, axis, norm):
    axis, n = _one(x.shape, n, axis)
    return jnp.fft.ifft(_prep(x), n, axis, _check_norm(norm))


def fft_rfft(x, n, axis, norm):
    axis, n = _one(x.shape, n, axis)
    return jnp.fft.rfft(_real(x, "rfft"), n, axis, _check_norm(norm))


def fft_irfft(x, n, axis, norm):
    axis, n = _one(x.shape, n, axis, c2r=True)
    return jnp.fft.irfft(_prep(x), n, axis, _check_norm(norm))


def fft_fftn(x, s, axes, norm):
    axes, s = _many(x.shape, s, axes)
    return jnp.fft.fftn(_prep(x), s, axes, _check_norm(norm))


def fft_ifftn(x, s, axes, norm):
    axes, s = _many(x.shape, s, axes)
    return jnp.fft.ifftn(_prep(x), s, axes, _check_norm(norm))


def fft_rfftn(x, s, axes, norm):
    axes, s = _many(x.shape, s, axes)
    return jnp.fft.rfftn(_real(x, "rfftn"), s, axes, _check_norm(norm))


def fft_irfftn(x, s, axes, norm):
    axes, s = _many(x.shape, s, axes, c2r=True)
    return jnp.fft.irfftn(_prep(x), s, axes, _check_norm(norm))


def fft_fftshift(x, axes):
    return jnp.fft.fftshift(x, axes)


def fft_ifftshift(x, axes):
    return jnp.fft.ifftshift(x, axes)
