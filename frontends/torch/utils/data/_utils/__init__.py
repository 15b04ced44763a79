"""torch.utils.data._utils: the collate helpers (`collate.default_collate`, ...)."""
from __future__ import annotations

from . import collate
