"""Backend registry and selection.

Backends are found through the `unify.backends` entry-point group (a third
party adds one with an entry point; nothing in unify changes). An entry point
names a module with `requires` (the framework's import name), `extra` (the pip
extra that installs it) and `load()` returning a `Backend`.
"""
from __future__ import annotations

import contextlib
import importlib
import importlib.util
import os
import threading
from typing import Callable

from . import dtypes as _dt
from .dispatch import OPS, _s, activate

BUILTIN = ("numpy", "torch", "jax", "tensorflow")
_lock = threading.Lock()
_loaded: dict[str, "Backend"] = {}
_default_name = os.environ.get("UNIFY_BACKEND", "numpy")


class Ops:
    """A plain namespace of op implementations: one attribute per core op (its table
    attribute), so a read is a specialised instance-dict read. No __getattr__ on
    purpose: it would disable CPython's attribute specialisation on the hot path."""

    def __init__(self, name: str):
        self._backend_name = name

    def __repr__(self) -> str:
        return f"<ops of {self._backend_name}>"


def _missing(name: str, backend: str) -> Callable:
    def missing(*args, **kwargs):
        raise NotImplementedError(f"unify.core.{name} is not implemented on the {backend} backend")

    missing.__name__ = name
    return missing


class Backend:
    """One runtime: its native module, dtype tables and op table.

    `modules` are the backend's implementation modules; every module-level
    callable whose name is a core op's table attribute becomes that op's
    implementation (`package.<family>` for each core op family that the backend
    has a module for). Ops a backend leaves out use the core's composite, and
    ops with neither raise NotImplementedError naming op and backend.
    """

    def __init__(self, name: str, native, package: str, dtypes: dict,
                 translate_error: Callable | None = None, array_types: tuple = ()):
        from .ops import FAMILIES  # every op must be defined first

        modules = []
        for fam in FAMILIES:
            if importlib.util.find_spec(f"{package}.{fam}") is not None:
                modules.append(importlib.import_module(f"{package}.{fam}"))

        self.name = name
        self.package = package
        # in-place writes into native arrays (numpy, torch), or None: see core/mutable.py
        self.inplace = (importlib.import_module(f"{package}._inplace")
                        if importlib.util.find_spec(f"{package}._inplace") is not None else None)
        self.native = native
        self.version = getattr(native, "__version__", "?")
        self.to_native = dict(dtypes)  # DType -> native dtype
        self.from_native = {v: k for k, v in dtypes.items()}
        self.unsupported = tuple(d for d in _dt.ALL if d not in dtypes)
        self.array_types = array_types
        if translate_error is not None:
            self.translate_error = translate_error
        impls: dict[str, Callable] = {}
        for m in modules:
            for k, v in vars(m).items():
                if not k.startswith("_") and callable(v):
                    impls[k] = v
        self.ops = Ops(name)
        self.native_ops: set[str] = set()
        self.missing: list[str] = []
        for info in OPS.values():
            f = impls.get(info.attr)
            if f is not None:
                self.native_ops.add(info.name)
            elif info.default is not None:
                f = info.default
            else:
                f = _missing(info.name, name)
                self.missing.append(info.name)
            setattr(self.ops, info.attr, f)
        self._recorder = None
        self._stripper = None

    def translate_error(self, op: str, exc: Exception):
        """Map a native exception to the core's; None keeps the original."""
        return None

    def recorder(self):
        """The op table that records for autograd (built on first use)."""
        if self._recorder is None:
            from .autograd import build_recorder

            self._recorder = build_recorder(self)
        return self._recorder

    def stripper(self):
        """The op table that unboxes autograd boxes without recording (built on first use)."""
        if self._stripper is None:
            from .autograd import build_stripper

            self._stripper = build_stripper(self)
        return self._stripper

    def dtype_error(self, op: str, dtype) -> TypeError:
        return TypeError(f"unify.core.{op}: dtype {dtype!r} is not supported by the {self.name} backend")

    def __repr__(self) -> str:
        return f"<unify backend {self.name} ({self.native.__name__} {self.version})>"


def _entry_points() -> dict[str, str]:
    """name -> module path of every registered backend."""
    try:
        from importlib_metadata import entry_points
    except ImportError:  # pragma: no cover - importlib-metadata is a dependency
        from importlib.metadata import entry_points
    found = {ep.name: ep.value for ep in entry_points(group="unify.backends")}
    for name in BUILTIN:  # running from a source tree without installed metadata
        found.setdefault(name, f"unify.backends.{name}")
    return found


def _spec(name: str):
    eps = _entry_points()
    if name not in eps:
        raise ValueError(f"unknown backend {name!r}; valid backends: {', '.join(sorted(eps))}")
    return importlib.import_module(eps[name].split(":")[0])


def get_backend(name: str) -> Backend:
    """The loaded Backend called `name` (loading it on first use)."""
    b = _loaded.get(name)
    if b is not None:
        return b
    with _lock:
        if name not in _loaded:
            mod = _spec(name)
            if importlib.util.find_spec(mod.requires) is None:
                hint = f"pip install 'unify[{mod.extra}]'" if mod.extra else f"pip install {mod.requires}"
                raise ImportError(f"the {name} backend needs the {mod.requires} package, "
                                  f"which is not installed: {hint}")
            _loaded[name] = mod.load()
    return _loaded[name]


def default_backend() -> Backend:
    return get_backend(_default_name)


def available_backends() -> list[str]:
    """Registered backends whose framework is installed."""
    out = []
    for name in _entry_points():
        try:
            mod = _spec(name)
        except ImportError:
            continue
        if importlib.util.find_spec(mod.requires) is not None:
            out.append(name)
    return out


def set_backend(name: str | Backend) -> Backend:
    """Make `name` the process default and the current thread's backend.

    Threads that already used unify keep their own backend; use
    `using_backend` for a scoped, per-thread change.
    """
    global _default_name
    b = name if isinstance(name, Backend) else get_backend(name)
    _default_name = b.name
    activate(b)
    return b


def current_backend() -> Backend:
    """The backend in force in this thread."""
    if _s.backend is None:
        activate(default_backend())
    return _s.backend


@contextlib.contextmanager
def using_backend(name: str | Backend):
    """Run a block on another backend; affects only the calling thread."""
    b = name if isinstance(name, Backend) else get_backend(name)
    prev = _s.backend
    activate(b)
    try:
        yield b
    finally:
        if prev is None:
            prev = default_backend()
        activate(prev)
