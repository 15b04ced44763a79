"""`OpPacket`: what `torch.ops.aten.<name>` is (torch's OpOverloadPacket).

Calling the packet runs the function that accepts every overload's arguments (torch picks the
overload from the arguments); each overload (`.default`, `.vec`, `.int`, ...) is an attribute
holding the function for that signature. An overload torch has and we lack raises
UnsupportedAPI (an AttributeError)."""
from __future__ import annotations

from .. import _api


class OpPacket:
    def __init__(self, name, call, overloads):
        self.__name__ = name
        self._call = _api.public(call, name)
        self._overloads = {k: (self._call if f is call else _api.public(f, name))
                           for k, f in overloads.items()}

    def __call__(self, *args, **kwargs):
        return self._call(*args, **kwargs)

    def __getattr__(self, name):
        try:
            return self._overloads[name]
        except KeyError:
            raise _api.unsupported(f"torch.ops.aten.{self.__name__}", name) from None

    def overloads(self):
        return list(self._overloads)

    def __repr__(self) -> str:
        return f"aten.{self.__name__}"
