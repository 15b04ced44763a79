"""Special functions for the PyTorch backend (torch.special); integer inputs compute in float64."""
import torch

_sp = torch.special


def _check_n(n):
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"unify.core.polygamma: n must be a Python int, got {type(n).__name__}")
    if n < 0:
        raise ValueError(f"unify.core.polygamma: n must be >= 0, got {n}")
    return n


def erf(x):
    return _sp.erf(x if x.is_floating_point() else x.double())


def erfc(x):
    return _sp.erfc(x if x.is_floating_point() else x.double())


def erfinv(x):
    return _sp.erfinv(x if x.is_floating_point() else x.double())


def lgamma(x):
    return torch.lgamma(x if x.is_floating_point() else x.double())


def digamma(x):
    return _sp.digamma(x if x.is_floating_point() else x.double())


def polygamma(n, x):
    return _sp.polygamma(_check_n(n), x if x.is_floating_point() else x.double())


def i0(x):
    return _sp.i0(x if x.is_floating_point() else x.double())


def i0e(x):
    return _sp.i0e(x if x.is_floating_point() else x.double())


def i1(x):
    return _sp.i1(x if x.is_floating_point() else x.double())


def i1e(x):
    return _sp.i1e(x if x.is_floating_point() else x.double())


def sigmoid(x):
    return torch.sigmoid(x if x.is_floating_point() else x.double())


def ndtri(x):
    return _sp.ndtri(x if x.is_floating_point() else x.double())
