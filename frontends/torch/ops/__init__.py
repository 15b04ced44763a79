"""torch.ops: the `aten` operator namespace (`torch.ops.aten.<name>` and its overloads, e.g.
`torch.ops.aten._safe_softmax.default`). Other operator namespaces are not provided."""
from __future__ import annotations

from .. import _api
from . import aten


def __getattr__(name: str):
    raise _api.unsupported("torch.ops", name)
