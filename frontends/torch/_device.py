"""torch.device and the mapping of torch device strings to the backend's devices.

The backend's CPU is torch's "cpu"; its accelerators are "cuda:N". Asking for a CUDA device the
backend does not have raises RuntimeError, as torch does on a machine without that GPU.
"""
from __future__ import annotations

from ... import core as C


class device:
    """torch.device("cpu"), torch.device("cuda", 0), torch.device("cuda:1")."""

    __slots__ = ("type", "index")

    def __init__(self, type, index=None):  # noqa: A002
        if isinstance(type, device):
            self.type, self.index = type.type, type.index
            return
        if isinstance(type, int):
            type, index = "cuda", type
        if not isinstance(type, str):
            raise TypeError(f"device() received an invalid combination of arguments: {type!r}")
        if ":" in type:
            if index is not None:
                raise RuntimeError(f"type (string) must not include an index because index was "
                                   f"passed explicitly: {type}")
            type, _, idx = type.partition(":")
            try:
                index = int(idx)
            except ValueError:
                raise RuntimeError(f"Invalid device string: '{type}:{idx}'") from None
        if type not in ("cpu", "cuda", "mps", "xla", "meta", "xpu", "tpu"):
            raise RuntimeError(f"Expected one of cpu, cuda, ... device type at start of device "
                               f"string: {type}")
        self.type, self.index = type, index

    def __repr__(self) -> str:
        return f"device(type='{self.type}'" + (f", index={self.index})" if self.index is not None else ")")

    def __str__(self) -> str:
        return self.type if self.index is None else f"{self.type}:{self.index}"

    def __eq__(self, other) -> bool:
        if isinstance(other, str):
            other = device(other)
        return isinstance(other, device) and (self.type, self.index) == (other.type, other.index)

    def __hash__(self) -> int:
        return hash((self.type, self.index))

    def __reduce__(self):
        return (device, (self.type, self.index))


CPU = device("cpu")


def _accelerators():
    return [d for d in C.devices() if getattr(d, "kind", "cpu") != "cpu"]


def device_of(value) -> device:
    d = C.device_of(value)
    if getattr(d, "kind", "cpu") == "cpu":
        return CPU
    return device("cuda", getattr(d, "index", 0))


def native_device(dev):
    """The core Device for a torch device argument (None: the default)."""
    if dev is None:
        return None
    dev = device(dev) if not isinstance(dev, device) else dev
    if dev.type == "cpu":
        for d in C.devices():
            if getattr(d, "kind", "cpu") == "cpu":
                return d
        return None
    if dev.type == "cuda":
        acc = _accelerators()
        i = dev.index or 0
        if i >= len(acc):
            raise RuntimeError(f"CUDA error: no CUDA GPU with index {i} is available on the "
                               f"{C.current_backend().name} backend (found {len(acc)}); "
                               "use device='cpu'")
        return acc[i]
    raise RuntimeError(f"device type '{dev.type}' is not available on the "
                       f"{C.current_backend().name} backend")


class cuda:
    """torch.cuda: reports the backend's accelerators."""

    @staticmethod
    def is_available() -> bool:
        return bool(_accelerators())

    @staticmethod
    def device_count() -> int:
        return len(_accelerators())

    @staticmethod
    def current_device() -> int:
        if not _accelerators():
            raise RuntimeError("No CUDA GPUs are available")
        return 0

    @staticmethod
    def synchronize(device=None) -> None:
        return None

    @staticmethod
    def manual_seed(seed) -> None:
        return None

    @staticmethod
    def manual_seed_all(seed) -> None:
        return None

    @staticmethod
    def empty_cache() -> None:
        return None
