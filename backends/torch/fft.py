"""fft on PyTorch (torch.fft; integer and bool inputs are computed in float64, half floats in float32)."""
import torch

from ...core.ops.fft import _check_norm, _many, _one

_WIDE = (torch.float32, torch.float64, torch.complex64, torch.complex128)


def _prep(x):
    if x.dtype in _WIDE:
        return x
    return x.to(torch.float32 if x.dtype in (torch.float16, torch.bfloat16) else torch.float64)


def _real(x, op):
    if x.dtype.is_complex:
        raise TypeError(f"unify.core.fft.{op}: x must be real-valued")
    return _prep(x)


def fft_fft(x, n, axis, norm):
    axis, n = _one(x.shape, n, axis)
    return torch.fft.fft(_prep(x), n, axis, _check_norm(norm))


def fft_ifft(x, n, axis, norm):
    axis, n = _one(x.shape, n, axis)
    return torch.fft.ifft(_prep(x), n, axis, _check_norm(norm))


def fft_rfft(x, n, axis, norm):
    axis, n = _one(x.shape, n, axis)
    return torch.fft.rfft(_real(x, "rfft"), n, axis, _check_norm(norm))


def fft_irfft(x, n, axis, norm):
    axis, n = _one(x.shape, n, axis, c2r=True)
    return torch.fft.irfft(_prep(x), n, axis, _check_norm(norm))


def fft_fftn(x, s, axes, norm):
    axes, s = _many(x.shape, s, axes)
    return torch.fft.fftn(_prep(x), s, axes, _check_norm(norm))


def fft_ifftn(x, s, axes, norm):
    axes, s = _many(x.shape, s, axes)
    return torch.fft.ifftn(_prep(x), s, axes, _check_norm(norm))


def fft_rfftn(x, s, axes, norm):
    axes, s = _many(x.shape, s, axes)
    return torch.fft.rfftn(_real(x, "rfftn"), s, axes, _check_norm(norm))


def fft_irfftn(x, s, axes, norm):
    axes, s = _many(x.shape, s, axes, c2r=True)
    return torch.fft.irfftn(_prep(x), s, axes, _check_norm(norm))


def fft_fftshift(x, axes):
    return torch.fft.fftshift(x, axes)


def fft_ifftshift(x, axes):
    return torch.fft.ifftshift(x, axes)
