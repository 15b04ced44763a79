"""Canonical devices: a backend name, a kind ('cpu', 'gpu', 'tpu') and an index."""
from __future__ import annotations


class Device:
    __slots__ = ("backend", "kind", "index", "native")

    def __init__(self, backend: str, kind: str, index: int = 0, native=None):
        self.backend, self.kind, self.index, self.native = backend, kind, index, native

    def __eq__(self, other) -> bool:
        return isinstance(other, Device) and (self.backend, self.kind, self.index) == (
            other.backend, other.kind, other.index)

    def __hash__(self) -> int:
        return hash((self.backend, self.kind, self.index))

    def __repr__(self) -> str:
        return f"Device({self.backend}:{self.kind}:{self.index})"

    def __str__(self) -> str:
        return f"{self.kind}:{self.index}"


def parse(spec, backend: str) -> tuple[str, int]:
    """'cuda:1' / 'gpu' / 'cpu' / Device -> (kind, index); 'cuda' is spelled 'gpu'."""
    if isinstance(spec, Device):
        return spec.kind, spec.index
    s = str(spec).lower()
    kind, _, idx = s.partition(":")
    kind = {"cuda": "gpu", "mps": "gpu"}.get(kind, kind)
    if kind not in ("cpu", "gpu", "tpu"):
        raise ValueError(f"unknown device {spec!r}; expected cpu, gpu (cuda) or tpu with an optional :index")
    return kind, int(idx) if idx else 0
