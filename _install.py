"""`unify.install("torch", backend="jax")`: from then on `import torch` gives unify's torch frontend.

Two modes.

**Whole process** (`packages=None`, what `unify run` uses). The frontend package is registered
in `sys.modules` under the real name (`sys.modules["torch"]` is `unify.frontends.torch`, and
every loaded frontend submodule gets its `torch.*` name too), and a meta-path finder, first on
`sys.meta_path`, serves later submodule imports (`import torch.nn.functional as F`,
`from torch.utils.data import DataLoader`, `importlib.import_module("torch.optim")`) from
`unify.frontends.torch.*`. Libraries that look for the framework in `sys.modules`
(einops), test `isinstance(x, torch.Tensor)`, parse `torch.__version__`, probe with `hasattr`
or ask `importlib.metadata.version("torch")` see the frontend. Real modules that the frontend
shadows are set aside and put back by `uninstall()`; the real framework's modules that the
frontend has no counterpart for (`torch._C`, `numpy._core.*`) stay in `sys.modules`, because
the framework's C code fetches them from there.

Some code must keep the real framework even then: unify itself (its backends run on the real
torch, numpy, jax, tensorflow), the real framework's own modules, and the runtimes' packages
(`NATIVE_PACKAGES`). `builtins.__import__` is wrapped while anything is installed: an import
statement is routed by the module that executes it (the `__name__` of the globals the
statement runs in, or `__spec__.name` for a `__main__`), so an import made in one of those
packages gets the real module.

**Listed packages** (`packages=["einops", "perceiver_pytorch"]`). `sys.modules` keeps the real
framework; only import statements executed in modules of the listed packages (the module's
`__name__` is a listed name or starts with it and a dot) get the frontend. Modules of the
listed packages that were already imported are set aside at install, so the next import
executes them afresh against the frontend, and are put back at uninstall (the frontend-bound
copies are dropped). One process can so hold a library bound to the real torch and a copy of
it bound to the emulated one, one after the other (the acceptance tests do this).

Limits (both modes):
- Routing is by the importing module, decided when an import statement runs. A module that
  stored `torch` before install keeps that object; `importlib.import_module("torch")` does not
  pass through `__import__`, so it follows `sys.modules` (the frontend in whole-process mode,
  the real framework in listed-packages mode).
- In listed-packages mode `sys.modules["torch"]` is the real module (or absent): a listed
  library that reads `sys.modules["torch"]` itself sees the real one. einops only uses it to
  ask "was torch imported?" and then imports torch, which is routed; so with einops listed,
  the real torch must have been imported (whole-process mode has no such need).
- In whole-process mode C code and `importlib.import_module` calls of the real framework that
  ask for a name the frontend shadows (`torch`, `numpy.linalg`) get the frontend's module. An
  import statement in `NATIVE_PACKAGES` of a real module not loaded yet puts the real modules
  back under the shadowed names for the duration of that import (under a lock; another thread
  importing the same framework at that moment may see the real ones).
- Child processes (multiprocessing's spawn and forkserver) start without the hook.
- Packages first imported while installed that received the frontend are dropped from
  `sys.modules` at uninstall (a later import gets a fresh copy); packages imported before
  install that import the framework lazily while installed may keep the frontend.

`version=` is handed to the frontend's version table, `unify.frontends.<fw>._versions`, as
`apply(frontend_module, version) -> undo or None`; a frontend without a table, or a version its
table lacks, is refused with a ValueError naming it.
"""
from __future__ import annotations

import builtins
import importlib
import importlib.abc
import importlib.machinery
import importlib.metadata
import importlib.util
import sys
import threading
import types

_PKG = __name__.rpartition(".")[0] or "unify"

# frontend name -> (real top-level module name, frontend package)
FRONTENDS = {
    "torch": ("torch", f"{_PKG}.frontends.torch"),
    "numpy": ("numpy", f"{_PKG}.frontends.numpy"),
}

# Top-level packages that always get the real frameworks: unify itself and the runtimes its
# backends are built on (and what those import lazily). Extend it before install() if another
# runtime package must see the real framework.
NATIVE_PACKAGES = {
    _PKG, "numpy", "torch", "jax", "jaxlib", "tensorflow", "tf_keras", "keras", "ml_dtypes",
    "opt_einsum", "scipy", "absl", "google", "h5py", "tensorboard", "optree", "functorch",
    "torchgen", "sympy", "triton", "gast", "wrapt", "flatbuffers", "importlib_metadata",
}

# frontend attributes that stand for a real submodule but are not modules (torch.cuda)
_MODULE_ATTRS = {"torch.cuda"}

_orig_import = builtins.__import__
_installed: dict[str, "_Install"] = {}  # real top-level name -> its install
_swap_lock = threading.RLock()


def _top(name: str) -> str:
    return name.partition(".")[0]


def _under(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def _importer(globals) -> str:
    """The name of the module an import statement runs in ('' when unknown)."""
    if not globals:
        return ""
    name = globals.get("__name__") or ""
    if name == "__main__":
        spec = globals.get("__spec__")
        if spec is not None and getattr(spec, "name", None):
            return spec.name
    return name if isinstance(name, str) else ""


class _Install:
    def __init__(self, frontend: str, packages):
        self.frontend = frontend
        self.real, self.target = FRONTENDS[frontend]
        self.packages = None if packages is None else tuple(packages)
        self.module = None
        self.stash: dict[str, object] = {}  # modules set aside, put back by uninstall
        self.shadowed: set[str] = set()  # real names that sys.modules maps to the frontend
        self.before: set[str] = set()
        self.tainted: set[str] = set()  # top-level packages that received the frontend
        self.swapping = False
        self.undo_version = None
        self.prev_backend = None
        self.active = False  # sys.modules has been changed
        self.saved_getattr = self.fallback = None

    # -------------------------------------------------------------- name mapping

    def frontend_module(self, name: str):
        """The frontend module for the real name `name` ('torch.nn' -> unify.frontends.torch.nn)."""
        target = self.target + name[len(self.real):]
        try:
            return importlib.import_module(target)
        except ModuleNotFoundError as e:
            if not (e.name and _under(target, e.name) and _under(e.name, self.target)):
                raise
        parent, _, child = name.rpartition(".")
        if parent:
            obj = getattr(self.frontend_module(parent), child, None)
            if isinstance(obj, types.ModuleType) or (obj is not None and name in _MODULE_ATTRS):
                return obj
        raise ModuleNotFoundError(f"No module named {name!r} (unify's {self.frontend} frontend "
                                  f"has no such module)", name=name)

    def wants_frontend(self, importer: str) -> bool:
        if self.packages is not None:
            return any(_under(importer, p) for p in self.packages)
        return _top(importer) not in NATIVE_PACKAGES

    # -------------------------------------------------------------- imports

    def do_import(self, name, globals, locals, fromlist, level):
        importer = _importer(globals)
        if level == 0 and self.wants_frontend(importer):
            if self.packages is None:  # sys.modules and the finder give the frontend
                self.tainted.add(_top(importer))
                return _orig_import(name, globals, locals, fromlist, 0)
            return self.import_frontend(name, fromlist)
        if self.packages is not None:  # sys.modules holds the real framework
            return _orig_import(name, globals, locals, fromlist, level)
        return self.import_real(name, globals, locals, fromlist, level)

    def import_frontend(self, name, fromlist):
        mod = self.frontend_module(name)
        if not fromlist:
            return self.module
        for item in fromlist:
            if item != "*" and not hasattr(mod, item):
                try:
                    self.frontend_module(f"{name}.{item}")
                except ModuleNotFoundError:
                    pass  # `from torch import missing` then raises ImportError as usual
        return mod

    def real_module(self, name):
        """The real module `name` if loaded (set aside when the frontend shadows it), else None."""
        if name in self.shadowed:
            return self.stash.get(name)
        return sys.modules.get(name)

    def import_real(self, name, globals, locals, fromlist, level):
        """An import by a native package in whole-process mode: the real modules."""
        absname = name if level == 0 else importlib.util.resolve_name(
            "." * level + name, globals.get("__package__") or _importer(globals))
        mod = self.real_module(absname)
        if mod is not None:
            if not fromlist:
                top = self.real_module(_top(absname))
                if top is not None:
                    return top
            elif all(f == "*" or hasattr(mod, f) for f in fromlist):
                return mod
        with _swap_lock:  # load what is missing with the real modules under their names
            saved = {r: sys.modules[r] for r in self.shadowed if r in sys.modules}
            for r in saved:
                if r in self.stash:
                    sys.modules[r] = self.stash[r]
                else:
                    del sys.modules[r]
            self.swapping = True
            try:
                return _orig_import(name, globals, locals, fromlist, level)
            finally:
                self.swapping = False
                for r, m in saved.items():
                    cur = sys.modules.get(r)
                    if cur is not None and cur is not m:
                        self.stash[r] = cur
                    sys.modules[r] = m
                self.shadow()

    def shadow(self):
        """Whole-process mode: each loaded frontend module under its real name in sys.modules;
        a real module found there is set aside. The real framework's other modules stay (its
        C code looks them up in sys.modules)."""
        n = len(self.target)
        for k, m in list(sys.modules.items()):
            if m is None or not _under(k, self.target):
                continue
            r = self.real + k[n:]
            cur = sys.modules.get(r)
            if cur is m:
                continue
            if cur is not None:
                self.stash[r] = cur
            sys.modules[r] = m
            self.shadowed.add(r)

    def fallback_on(self):
        """Whole-process mode: the real framework's C code fetches `sys.modules["torch"]` and
        reads attributes from it (torch's C++ looks up torch.SymFloat when it first meets a
        Python scalar). A name the frontend lacks, read by code running for a native package
        (unify's backends, the runtimes), is answered by the real module when it is loaded;
        everyone else still gets the frontend's UnsupportedAPI."""
        d = self.module.__dict__
        self.saved_getattr = d.get("__getattr__")
        orig, inst = self.saved_getattr, self

        def __getattr__(name):
            caller = sys._getframe(1).f_globals.get("__name__") or ""
            if _under(caller, f"{_PKG}.backends") or (
                    _top(caller) in NATIVE_PACKAGES and _top(caller) != _PKG):
                real = inst.real_module(inst.real)
                if real is not None and hasattr(real, name):
                    return getattr(real, name)
            if orig is not None:
                return orig(name)
            raise AttributeError(f"module {inst.real!r} has no attribute {name!r}")

        d["__getattr__"] = __getattr__
        self.fallback = __getattr__

    def fallback_off(self):
        d = self.module.__dict__
        if self.fallback is None or d.get("__getattr__") is not self.fallback:
            return  # not ours (never set, or replaced since)
        self.fallback = None
        if self.saved_getattr is not None:
            d["__getattr__"] = self.saved_getattr
        else:
            d.pop("__getattr__", None)

    # -------------------------------------------------------------- install / uninstall

    def activate(self, version):
        self.module = importlib.import_module(self.target)
        if version is not None:
            self.undo_version = _apply_version(self.frontend, self.module, version)
        self.active = True
        if self.packages is None:
            self.shadow()
            self.fallback_on()
        else:
            for k in list(sys.modules):
                if any(_under(k, p) for p in self.packages):
                    self.stash[k] = sys.modules.pop(k)
        self.before = set(sys.modules)

    def deactivate(self):
        if not self.active:
            pass
        elif self.packages is None:
            self.fallback_off()
            for r in self.shadowed:
                sys.modules.pop(r, None)
            self.shadowed.clear()
            drop = self.tainted - NATIVE_PACKAGES - set(sys.stdlib_module_names) - {
                "", "__main__", "_pytest", "pytest", "pluggy"}
            for k in list(sys.modules):
                if _top(k) in drop and k not in self.before:
                    del sys.modules[k]
        else:
            for k in list(sys.modules):
                if any(_under(k, p) for p in self.packages):
                    del sys.modules[k]
        sys.modules.update(self.stash)
        self.stash.clear()
        self.active = False
        if self.undo_version is not None:
            self.undo_version()
            self.undo_version = None


def _apply_version(frontend: str, module, version: str):
    try:
        table = importlib.import_module(f"{_PKG}.frontends.{frontend}._versions")
    except ModuleNotFoundError as e:
        if e.name != f"{_PKG}.frontends.{frontend}._versions":
            raise
        raise ValueError(f"cannot emulate {frontend}=={version}: unify's {frontend} frontend has "
                         f"no version table yet (it emulates {frontend} "
                         f"{getattr(module, '__version__', '?')})") from None
    return table.apply(module, version)


# ------------------------------------------------------------------ the hooks


def _import_hook(name, globals=None, locals=None, fromlist=(), level=0):
    if _installed:
        if level == 0:
            inst = _installed.get(_top(name))
        else:
            pkg = (globals or {}).get("__package__") or ""
            inst = _installed.get(_top(pkg)) if pkg else None
        if inst is not None:
            return inst.do_import(name, globals, locals, fromlist, level)
    return _orig_import(name, globals, locals, fromlist, level)


class _AliasLoader(importlib.abc.Loader):
    """Loads `torch.x` as the already imported frontend module (the machinery's placeholder
    module is replaced in sys.modules, which the import system allows)."""

    def __init__(self, module, inst):
        self.module, self.inst = module, inst

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        sys.modules[module.__name__] = self.module
        self.inst.shadowed.add(module.__name__)


class _Distribution(importlib.metadata.Distribution):
    """importlib.metadata's view of an installed frontend: its name and emulated version."""

    def __init__(self, name: str, version: str):
        self._text = f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n"

    def read_text(self, filename):
        return self._text if filename in ("METADATA", "PKG-INFO") else None

    def locate_file(self, path):
        return path


class _Finder(importlib.abc.MetaPathFinder):
    """Serves `torch.*` submodule imports from the frontend in whole-process mode."""

    def find_spec(self, fullname, path=None, target=None):
        inst = _installed.get(_top(fullname))
        if inst is None or inst.packages is not None or inst.swapping:
            return None
        try:
            module = inst.frontend_module(fullname)
        except ModuleNotFoundError as e:
            if e.name == fullname:
                return None
            raise
        return importlib.machinery.ModuleSpec(fullname, _AliasLoader(module, inst),
                                              is_package=hasattr(module, "__path__"))

    def find_distributions(self, context=importlib.metadata.DistributionFinder.Context()):
        name = getattr(context, "name", None)
        if not name:
            return []
        inst = _installed.get(name.lower().replace("-", "_"))
        if inst is None or inst.packages is not None or inst.swapping:
            return []
        return [_Distribution(inst.real, getattr(inst.module, "__version__", "0"))]


_finder = _Finder()


def _hooks_on():
    global _orig_import
    if _finder not in sys.meta_path:
        sys.meta_path.insert(0, _finder)
    if builtins.__import__ is not _import_hook:
        _orig_import = builtins.__import__  # chain to whatever is there now
        builtins.__import__ = _import_hook


def _hooks_off():
    while _finder in sys.meta_path:
        sys.meta_path.remove(_finder)
    if builtins.__import__ is _import_hook:
        builtins.__import__ = _orig_import
    # else: someone wrapped it after us; our hook passes through while nothing is installed


# ------------------------------------------------------------------ public API


# Real modules that runtimes import lazily from C code (which bypasses the import routing and
# reads sys.modules directly), loaded before a whole-process install shadows the framework:
# jaxlib's LAPACK kernels import scipy.linalg on their first call, whose compiled modules
# look up numpy's own types.
_PRELOAD = {"numpy": ("scipy.linalg",)}


def _preload_native(frontend: str) -> None:
    for name in _PRELOAD.get(frontend, ()):
        try:
            importlib.import_module(name)
        except ImportError:
            pass


def install(frontend: str = "torch", backend: str | None = None, version: str | None = None,
            packages=None):
    """Make `import <frontend>` (and its submodules) give unify's frontend, on `backend`.

    frontend: "torch" or "numpy" (the real name that is replaced).
    backend: a unify backend name ("numpy", "torch", "jax", "tensorflow") made the default
        (`unify.set_backend`); None keeps the current one. uninstall() restores the previous.
    version: an older framework version to emulate ("1.7"), applied by the frontend's version
        table (`unify.frontends.<frontend>._versions.apply`); ValueError if there is none.
    packages: None for the whole process, or names of top-level packages or modules whose
        import statements alone get the frontend (see the module docstring for both modes).

    Installing a frontend that is already installed replaces that install. Returns the
    frontend module.
    """
    from .core.backend import current_backend, set_backend

    if frontend not in FRONTENDS:
        raise ValueError(f"unknown frontend {frontend!r}; valid frontends: {', '.join(FRONTENDS)}")
    if isinstance(packages, str):
        packages = [packages]
    real = FRONTENDS[frontend][0]
    if real in _installed:
        uninstall(frontend)
    prev = current_backend()
    if backend is not None:
        set_backend(backend)
    if packages is None:
        _preload_native(frontend)
    inst = _Install(frontend, packages)
    inst.prev_backend = prev
    try:
        inst.activate(version)
    except BaseException:
        inst.deactivate()
        set_backend(prev)
        raise
    _installed[real] = inst
    _hooks_on()
    return inst.module


def uninstall(frontend: str | None = None) -> None:
    """Undo install(): the real modules (and the previous backend) are back. With no argument,
    every installed frontend; uninstalling what is not installed does nothing."""
    from .core.backend import set_backend

    if frontend is not None and frontend not in FRONTENDS:
        raise ValueError(f"unknown frontend {frontend!r}; valid frontends: {', '.join(FRONTENDS)}")
    names = list(_installed) if frontend is None else [FRONTENDS[frontend][0]]
    for real in reversed(names):
        inst = _installed.pop(real, None)
        if inst is None:
            continue
        inst.deactivate()
        if inst.prev_backend is not None:
            set_backend(inst.prev_backend)
    if not _installed:
        _hooks_off()

