"""fft on NumPy (numpy.fft already has NumPy 2's dtype rules)."""
import numpy as np

from ...core.ops.fft import _check_norm, _many

fft_fft = np.fft.fft
fft_ifft = np.fft.ifft
fft_irfft = np.fft.irfft
fft_fftshift = np.fft.fftshift
fft_ifftshift = np.fft.ifftshift


def fft_rfft(x, n, axis, norm):
    if np.iscomplexobj(x):
        raise TypeError("unify.core.fft.rfft: x must be real-valued")
    return np.fft.rfft(x, n, axis, norm)


def fft_fftn(x, s, axes, norm):
    _check_norm(norm)
    axes, s = _many(np.shape(x), s, axes)
    return np.fft.fftn(x, s, axes, norm)


def fft_ifftn(x, s, axes, norm):
    _check_norm(norm)
    axes, s = _many(np.shape(x), s, axes)
    return np.fft.ifftn(x, s, axes, norm)


def fft_rfftn(x, s, axes, norm):
    if np.iscomplexobj(x):
        raise TypeError("unify.core.fft.rfftn: x must be real-valued")
    _check_norm(norm)
    axes, s = _many(np.shape(x), s, axes)
    return np.fft.rfftn(x, s, axes, norm)


def fft_irfftn(x, s, axes, norm):
    _check_norm(norm)
    axes, s = _many(np.shape(x), s, axes, c2r=True)
    return np.fft.irfftn(x, s, axes, norm)
