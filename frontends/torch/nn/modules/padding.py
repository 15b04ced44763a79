"""Constant/zero/reflection/replication/circular padding modules."""
from __future__ import annotations

from .. import functional as F
from .module import Module
from .utils import _ntuple

__all__ = ["CircularPad1d", "CircularPad2d", "CircularPad3d", "ConstantPad1d", "ConstantPad2d",
           "ConstantPad3d", "ReflectionPad1d", "ReflectionPad2d", "ReflectionPad3d",
           "ReplicationPad1d", "ReplicationPad2d", "ReplicationPad3d", "ZeroPad1d", "ZeroPad2d",
           "ZeroPad3d"]


class _ConstantPadNd(Module):
    __constants__ = ["padding", "value"]

    def __init__(self, value):
        super().__init__()
        self.value = value

    def forward(self, input):
        return F.pad(input, self.padding, "constant", self.value)

    def extra_repr(self):
        return f"padding={self.padding}, value={self.value}"


class _ModePadNd(Module):
    __constants__ = ["padding"]
    _mode = None
    _dims = None

    def forward(self, input):
        if self._dims is not None and input.dim() not in self._dims:
            raise ValueError(f"expected {self._dims[0]}D or {self._dims[1]}D input (got "
                             f"{input.dim()}D input)")
        return F.pad(input, self.padding, self._mode)

    def extra_repr(self):
        return f"{self.padding}"


def _make(name, n, base, mode=None, dims=None, value=None):
    tup = _ntuple(2 * n)

    if issubclass(base, _ConstantPadNd):
        if value is None:  # ConstantPadNd(padding, value)
            def __init__(self, padding, value):
                _ConstantPadNd.__init__(self, value)
                self.padding = tup(padding)
        else:  # ZeroPadNd(padding)
            def __init__(self, padding):
                _ConstantPadNd.__init__(self, 0.0)
                self.padding = tup(padding)
        ns = {"__init__": __init__}
        if value is not None:
            ns["extra_repr"] = lambda self: f"{self.padding}"
    else:
        def __init__(self, padding):
            Module.__init__(self)
            self.padding = tup(padding)
        ns = {"__init__": __init__, "_mode": mode, "_dims": dims}
    cls = type(name, (base,), ns)
    cls.__qualname__ = name
    return cls


ConstantPad1d = _make("ConstantPad1d", 1, _ConstantPadNd)
ConstantPad2d = _make("ConstantPad2d", 2, _ConstantPadNd)
ConstantPad3d = _make("ConstantPad3d", 3, _ConstantPadNd)
ZeroPad1d = _make("ZeroPad1d", 1, ConstantPad1d, value=0.0)
ZeroPad2d = _make("ZeroPad2d", 2, ConstantPad2d, value=0.0)
ZeroPad3d = _make("ZeroPad3d", 3, ConstantPad3d, value=0.0)
ReflectionPad1d = _make("ReflectionPad1d", 1, _ModePadNd, "reflect")
ReflectionPad2d = _make("ReflectionPad2d", 2, _ModePadNd, "reflect")
ReflectionPad3d = _make("ReflectionPad3d", 3, _ModePadNd, "reflect")
ReplicationPad1d = _make("ReplicationPad1d", 1, _ModePadNd, "replicate")
ReplicationPad2d = _make("ReplicationPad2d", 2, _ModePadNd, "replicate")
ReplicationPad3d = _make("ReplicationPad3d", 3, _ModePadNd, "replicate")
CircularPad1d = _make("CircularPad1d", 1, _ModePadNd, "circular", (2, 3))
CircularPad2d = _make("CircularPad2d", 2, _ModePadNd, "circular", (3, 4))
CircularPad3d = _make("CircularPad3d", 3, _ModePadNd, "circular", (4, 5))
