"""The machinery both frontends' version tables share (`frontends/<fw>/_versions.py`).

A table is data: a list of `Entry(target, name, since, until, make)`, one per name that some
older version has and the emulated one (the frontend's own version) lacks or has differently.
`target` says where the name lives ("module": the frontend namespace, "Tensor"/"ndarray": the
array class, found as an attribute of the module); the entry applies to versions `v` with
`since <= v < until` (None: no bound); `make(module)` builds the value. `apply_table` sets
every applying entry, sets `__version__`, and returns an undo that puts everything back.
"""
from __future__ import annotations

from typing import Callable, NamedTuple

_MISSING = object()


class Entry(NamedTuple):
    target: str  # "module", or the name of a class in the module ("ndarray", "Tensor")
    name: str
    since: str | None  # first version with it (None: any older one)
    until: str | None  # first version without it, or with the current behaviour
    make: Callable  # make(module) -> the value


def parse(version: str) -> tuple:
    parts = str(version).strip().split("+")[0].split(".")
    try:
        nums = tuple(int(p) for p in parts[:3] if p != "")
    except ValueError:
        raise ValueError(f"not a version: {version!r}") from None
    if not nums:
        raise ValueError(f"not a version: {version!r}")
    return nums


def _applies(entry: Entry, v: tuple) -> bool:
    return ((entry.since is None or v >= parse(entry.since))
            and (entry.until is None or v < parse(entry.until)))


def apply_table(module, version: str, table, oldest: str, newest: str, framework: str):
    """Apply `table` to `module` for `version` (oldest <= version <= newest); return an undo."""
    v = parse(version)
    if not parse(oldest) <= v <= parse(newest):
        raise ValueError(f"cannot emulate {framework}=={version}: unify's {framework} frontend "
                         f"emulates versions {oldest} to {newest}")
    saved = []

    def put(obj, name, value):
        old = vars(obj).get(name, _MISSING)  # not getattr: the module's __getattr__ raises
        saved.append((obj, name, old))
        setattr(obj, name, value)

    full = ".".join(str(p) for p in (v + (0, 0))[:3])
    put(module, "__version__", full)
    for entry in table:
        if _applies(entry, v):
            obj = module if entry.target == "module" else getattr(module, entry.target)
            put(obj, entry.name, entry.make(module))

    def undo():
        for obj, name, old in reversed(saved):
            if old is _MISSING:
                try:
                    delattr(obj, name)
                except AttributeError:
                    pass
            else:
                setattr(obj, name, old)
        saved.clear()

    return undo
