"""torch.nn.LinearCrossEntropyOptions: torch's chunking hints for F.linear_cross_entropy, kept
as data (this frontend forms the logits whole, so they change no result)."""
from __future__ import annotations

import dataclasses


@dataclasses.dataclass
class LinearCrossEntropyOptions:
    allow_retain_graph: bool = False
    batch_chunk_size: "int | None" = None
    chunking_method: "str | None" = "auto"
    acc_policy: str = "auto"
    acc_dtype: object = None
