"""torch.relu, torch.conv2d, ...: the top-level forms of nn.functional functions, against real
torch on every backend (positional arguments, as torch's own top-level signatures take them)."""
import numpy as np
import pytest
import torch as real

import unify
import unify.frontends.torch as ft
from tfhelp import check

R = np.random.default_rng(0)
X = R.standard_normal((2, 4, 6)).astype(np.float32)
X4 = R.standard_normal((1, 4, 4, 4)).astype(np.float32)
W1 = R.standard_normal((3, 4, 2)).astype(np.float32)
W2 = R.standard_normal((2, 4, 2, 2)).astype(np.float32)

CASES = {
    "relu": lambda m, t: m.relu(t(X)),
    "relu_": lambda m, t: m.relu_(t(X)),
    "selu": lambda m, t: m.selu(t(X)),
    "celu": lambda m, t: m.celu(t(X), 0.5),
    "prelu": lambda m, t: m.prelu(t(X), t(np.float32([0.1, 0.2, 0.3, 0.4]))),
    "hardshrink": lambda m, t: m.hardshrink(t(X), 0.3),
    "threshold": lambda m, t: m.threshold(t(X), 0.1, 20.0),
    "conv1d": lambda m, t: m.conv1d(t(X), t(W1), None, 1, 1),
    "conv2d": lambda m, t: m.conv2d(t(X4), t(W2), t(np.float32([1, 2])), 2),
    "conv_transpose1d": lambda m, t: m.conv_transpose1d(t(X), t(W1.transpose(1, 0, 2).copy())),
    "max_pool1d": lambda m, t: m.max_pool1d(t(X), 2),
    "max_pool2d": lambda m, t: m.max_pool2d(t(X4), 2, 1),
    "avg_pool1d": lambda m, t: m.avg_pool1d(t(X), 3, 2),
    "adaptive_avg_pool1d": lambda m, t: m.adaptive_avg_pool1d(t(X), 4),
    "pixel_shuffle": lambda m, t: m.pixel_shuffle(t(X4), 2),
    "cosine_similarity": lambda m, t: m.cosine_similarity(t(X), t(X[::-1].copy()), 1),
    "pairwise_distance": lambda m, t: m.pairwise_distance(t(X[0]), t(X[1])),
    "pdist": lambda m, t: m.pdist(t(X[0])),
    "rms_norm": lambda m, t: m.rms_norm(t(X), [6]),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_toplevel(backend, name):
    with unify.using_backend(backend):
        check(CASES[name](ft, ft.tensor), CASES[name](real, real.tensor), rtol=1e-4, atol=1e-5)
