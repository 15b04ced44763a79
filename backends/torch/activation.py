"""softmax / log_softmax for the PyTorch backend; integer inputs give float64."""
import torch

from ...core.ops.manipulation import _axis


def softmax(x, axis):
    return torch.softmax(x if x.is_floating_point() else x.double(), _axis(axis, max(x.ndim, 1), "softmax"))


def log_softmax(x, axis):
    return torch.log_softmax(x if x.is_floating_point() else x.double(),
                             _axis(axis, max(x.ndim, 1), "log_softmax"))
