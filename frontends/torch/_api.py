"""What every part of the torch frontend shares: the unsupported-API error, torch's exception
types for core errors, and the one wrapper that gives public functions torch's errors.

`public(fn)` is applied once at import (by `_exports.export`), never per call: it generates a
function with fn's exact signature whose body is `try: return fn(...)` and, only when fn
raises, maps the core's exceptions to torch's (ValueError for shapes -> RuntimeError,
AxisError -> IndexError, LinAlgError -> torch.linalg.LinAlgError). Errors the frontend
raises on purpose with torch's own type (`TorchValueError`, RuntimeError, ...) pass through.
"""
from __future__ import annotations

import inspect

from ...core.ops.linalg import LinAlgError as _CoreLinAlgError
from ...core.ops.manipulation import AxisError as _AxisError


class UnsupportedAPI(AttributeError):
    """A PyTorch API the unify torch frontend does not provide (an AttributeError, so
    `hasattr(torch, name)` feature probes keep working)."""


def unsupported(module: str, name: str) -> UnsupportedAPI:
    return UnsupportedAPI(f"{module}.{name} is not supported by unify's torch frontend "
                          f"(module {module!r} has no attribute {name!r})")


class TorchValueError(ValueError):
    """A ValueError that torch itself raises (e.g. a bad `reduction=` string): not translated."""


class LinAlgError(RuntimeError):
    """torch.linalg.LinAlgError (a RuntimeError in torch)."""


def torch_error(e: BaseException):
    """torch's exception for a core exception, or None to re-raise `e` unchanged."""
    if isinstance(e, TorchValueError):
        return None
    if isinstance(e, _AxisError):
        return IndexError(f"Dimension out of range: {e}")
    if isinstance(e, _CoreLinAlgError):
        return LinAlgError(str(e))
    if type(e) is ValueError or (isinstance(e, ValueError) and not isinstance(e, IndexError)):
        return RuntimeError(str(e))
    return None


def _raise(e):
    new = torch_error(e)
    if new is not None:
        raise new.with_traceback(None) from e


_TEMPLATE = """
def {name}({sig}):
    try:
        return _f({call})
    except ValueError as e:
        _raise(e)
        raise
"""


def public(fn, name: str | None = None):
    """fn with torch's exception types (see the module docstring). Same signature and doc."""
    if getattr(fn, "_torch_public", False):
        return fn
    sig = inspect.signature(fn)
    params, call = [], []
    seen_star = False
    for p in sig.parameters.values():
        default = "" if p.default is inspect.Parameter.empty else f"=_d_{p.name}"
        if p.kind is p.POSITIONAL_ONLY:
            params.append(p.name + default)
            call.append(p.name)
        elif p.kind is p.POSITIONAL_OR_KEYWORD:
            params.append(p.name + default)
            call.append(p.name)
        elif p.kind is p.VAR_POSITIONAL:
            params.append("*" + p.name)
            call.append("*" + p.name)
            seen_star = True
        elif p.kind is p.KEYWORD_ONLY:
            if not seen_star:
                params.append("*")
                seen_star = True
            params.append(p.name + default)
            call.append(f"{p.name}={p.name}")
        else:
            params.append("**" + p.name)
            call.append("**" + p.name)
    # keep positional-only markers
    pos_only = [p for p in sig.parameters.values() if p.kind is p.POSITIONAL_ONLY]
    if pos_only:
        params.insert(len(pos_only), "/")
    fname = name or fn.__name__
    src = _TEMPLATE.format(name=fname, sig=", ".join(params), call=", ".join(call))
    ns = {"_f": fn, "_raise": _raise}
    for p in sig.parameters.values():
        if p.default is not inspect.Parameter.empty:
            ns[f"_d_{p.name}"] = p.default
    exec(compile(src, f"<unify.frontends.torch {fname}>", "exec"), ns)
    out = ns[fname]
    out.__doc__ = fn.__doc__
    out.__qualname__ = fname
    out.__module__ = fn.__module__
    out.__wrapped__ = fn
    out._torch_public = True
    return out
