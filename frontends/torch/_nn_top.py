"""torch.* names that are torch.nn.functional's functions with the same signature (torch.relu,
torch.conv2d, torch.max_pool2d, ...). Top-level names whose torch signature differs from F's
(torch.dropout(input, p, train), torch.batch_norm, torch.embedding(weight, input), the losses
with integer `reduction`) are not aliased here."""
from __future__ import annotations

from .nn import functional as F

_SAME = ("relu", "relu_", "selu", "selu_", "celu", "celu_", "rrelu", "rrelu_", "prelu",
         "hardshrink", "threshold", "threshold_", "conv1d", "conv2d", "conv3d",
         "conv_transpose1d", "conv_transpose2d", "conv_transpose3d", "avg_pool1d", "max_pool1d",
         "max_pool2d", "max_pool3d", "max_pool1d_with_indices", "adaptive_avg_pool1d",
         "adaptive_max_pool1d", "pixel_shuffle", "pixel_unshuffle", "channel_shuffle",
         "native_channel_shuffle", "cosine_similarity", "pairwise_distance", "pdist", "bilinear",
         "rms_norm")

__all__ = [n for n in _SAME if hasattr(F, n)]
globals().update({n: getattr(F, n) for n in __all__})
