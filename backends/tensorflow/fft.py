"""fft on TensorFlow.

tf.signal transforms act on the innermost 1-3 axes, unnormalized forward and
1/n inverse: the transformed axes are moved innermost, padded/cropped to n/s
here, and the norm is applied as a scale.
"""
import math

import tensorflow as tf

from ...core.ops.fft import _check_norm, _many, _one

_C = {1: tf.signal.fft, 2: tf.signal.fft2d, 3: tf.signal.fft3d}
_IC = {1: tf.signal.ifft, 2: tf.signal.ifft2d, 3: tf.signal.ifft3d}
_R = {1: tf.signal.rfft, 2: tf.signal.rfft2d, 3: tf.signal.rfft3d}
_IR = {1: tf.signal.irfft, 2: tf.signal.irfft2d, 3: tf.signal.irfft3d}


def _complex(x):
    if x.dtype.is_complex:
        return x
    return tf.cast(x, tf.complex64 if x.dtype in (tf.float32, tf.float16, tf.bfloat16) else tf.complex128)


def _real(x, op):
    if x.dtype.is_complex:
        raise TypeError(f"unify.core.fft.{op}: x must be real-valued")
    if x.dtype in (tf.float32, tf.float64):
        return x
    return tf.cast(x, tf.float32 if x.dtype in (tf.float16, tf.bfloat16) else tf.float64)


def _fit(x, axis, n):
    m = x.shape[axis]
    if m == n:
        return x
    if m > n:
        return x[(slice(None),) * axis + (slice(0, n),)]
    pad = [[0, 0]] * len(x.shape)
    pad[axis] = [0, n - m]
    return tf.pad(x, pad)


def _scale(x, total, norm, inverse):
    """Rescale tf's result (forward unscaled, inverse 1/total) to `norm`."""
    norm = _check_norm(norm)
    if norm == "backward":
        return x
    if norm == "ortho":
        f = math.sqrt(total) if inverse else 1.0 / math.sqrt(total)
    else:  # forward
        f = float(total) if inverse else 1.0 / total
    rd = tf.float32 if x.dtype in (tf.complex64, tf.float32) else tf.float64
    f = tf.constant(f, rd)
    return x * (tf.cast(f, x.dtype) if x.dtype.is_complex else f)


def _innermost(x, axes):
    """Move `axes` innermost (in order): (moved x, inverse permutation or None)."""
    nd = len(x.shape)
    k = len(axes)
    if tuple(axes) == tuple(range(nd - k, nd)):
        return x, None
    rest = [a for a in range(nd) if a not in axes]
    perm = rest + list(axes)
    inv = [0] * nd
    for i, p in enumerate(perm):
        inv[p] = i
    return tf.transpose(x, perm), inv


def _back(y, inv):
    return y if inv is None else tf.transpose(y, inv)


def _c2c(x, axes, sizes, norm, inverse):
    _check_norm(norm)
    x = _complex(x)
    if len(set(axes)) != len(axes):  # repeated axes: one transform per entry
        for a, n in zip(axes, sizes):
            x = _c2c(x, (a,), (n,), norm, inverse)
        return x
    for a, n in zip(axes, sizes):
        x = _fit(x, a, n)
    if not axes:
        return x
    y, inv = _innermost(x, axes)
    table = _IC if inverse else _C
    k = len(axes)
    if k <= 3:
        y = table[k](y)
    else:
        nd = len(y.shape)
        for j in range(k):  # 1-D along each moved axis
            yt, jinv = _innermost(y, (nd - k + j,))
            y = _back(table[1](yt), jinv)
    return _scale(_back(y, inv), math.prod(sizes), norm, inverse)


def fft_fft(x, n, axis, norm):
    axis, n = _one(x.shape, n, axis)
    return _c2c(x, (axis,), (n,), norm, False)


def fft_ifft(x, n, axis, norm):
    axis, n = _one(x.shape, n, axis)
    return _c2c(x, (axis,), (n,), norm, True)


def fft_fftn(x, s, axes, norm):
    axes, s = _many(x.shape, s, axes)
    return _c2c(x, axes, s, norm, False)


def fft_ifftn(x, s, axes, norm):
    axes, s = _many(x.shape, s, axes)
    return _c2c(x, axes, s, norm, True)


def _r2c(x, axes, sizes, norm):
    _check_norm(norm)
    x = _real(x, "rfftn")
    k = len(axes)
    if k > 3 or len(set(axes)) != k:
        y = _r2c(x, axes[-1:], sizes[-1:], "backward")
        y = _c2c(y, axes[:-1], sizes[:-1], "backward", False)
    else:
        y, inv = _innermost(x, axes)
        y = _back(_R[k](y, fft_length=list(sizes)), inv)
    return _scale(y, math.prod(sizes), norm, False)


def _c2r(x, axes, sizes, norm):
    _check_norm(norm)
    x = _complex(x)
    k = len(axes)
    if k > 3 or len(set(axes)) != k:
        y = _c2c(x, axes[:-1], sizes[:-1], "backward", True)
        y = _c2r(y, axes[-1:], sizes[-1:], "backward")
    else:
        y, inv = _innermost(x, axes)
        y = _back(_IR[k](y, fft_length=list(sizes)), inv)
    return _scale(y, math.prod(sizes), norm, True)


def fft_rfft(x, n, axis, norm):
    axis, n = _one(x.shape, n, axis)
    _real(x, "rfft")
    return _r2c(x, (axis,), (n,), norm)


def fft_irfft(x, n, axis, norm):
    axis, n = _one(x.shape, n, axis, c2r=True)
    return _c2r(x, (axis,), (n,), norm)


def fft_rfftn(x, s, axes, norm):
    axes, s = _many(x.shape, s, axes)
    _real(x, "rfftn")
    return _r2c(x, axes, s, norm)


def fft_irfftn(x, s, axes, norm):
    axes, s = _many(x.shape, s, axes, c2r=True)
    return _c2r(x, axes, s, norm)


def fft_fftshift(x, axes):
    return tf.signal.fftshift(x, axes)


def fft_ifftshift(x, axes):
    return tf.signal.ifftshift(x, axes)
