"""torch.nn.modules: every layer class (re-exported by torch.nn)."""
from __future__ import annotations

from .module import Module
from .activation import *  # noqa: F401,F403
from .activation import __all__ as _a
from .channelshuffle import ChannelShuffle
from .container import *  # noqa: F401,F403
from .container import __all__ as _c
from .conv import *  # noqa: F401,F403
from .conv import __all__ as _cv
from .distance import CosineSimilarity, PairwiseDistance
from .dropout import *  # noqa: F401,F403
from .dropout import __all__ as _d
from .flatten import Flatten, Unflatten
from .fold import Fold, Unfold
from .linear import Bilinear, Identity, Linear
from .loss import *  # noqa: F401,F403
from .loss import __all__ as _l
from .normalization import *  # noqa: F401,F403
from .normalization import __all__ as _n
from .padding import *  # noqa: F401,F403
from .padding import __all__ as _p
from .pixelshuffle import PixelShuffle, PixelUnshuffle
from .pooling import *  # noqa: F401,F403
from .pooling import __all__ as _po
from .rnn import *  # noqa: F401,F403
from .rnn import __all__ as _r
from .sparse import Embedding, EmbeddingBag
from .transformer import *  # noqa: F401,F403
from .transformer import __all__ as _t
from .upsampling import Upsample, UpsamplingBilinear2d, UpsamplingNearest2d

__all__ = (["Module", "ChannelShuffle", "CosineSimilarity", "PairwiseDistance", "Flatten",
            "Unflatten", "Fold", "Unfold", "Bilinear", "Identity", "Linear", "PixelShuffle",
            "PixelUnshuffle", "Embedding", "EmbeddingBag", "Upsample", "UpsamplingBilinear2d",
            "UpsamplingNearest2d"]
           + _a + _c + _cv + _d + _l + _n + _p + _po + _r + _t)
