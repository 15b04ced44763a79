"""The one dispatch mechanism of the core.

Every public core op is a tiny generated function:

    def add(x1, x2, /):
        try:
            return _ops().add(x1, x2)
        except Exception as e:
            _fail("add", e)
            raise

`_ops` reads a context variable (per thread) holding the current op table. The table is a backend's
(its native implementations, plus the core's composite implementations for
ops the backend does not override) or, while autograd records, the recording
table of that backend. Switching backend or recording swaps one attribute;
the hot path is one attribute read, one call. Arguments reach the table in
canonical positional order (keyword-only ones included), so backends never
parse keywords. The try costs nothing unless the backend raises; then the
backend may translate its native error into the core's (a dtype it cannot
hold becomes a TypeError naming op, dtype and backend).
"""
from __future__ import annotations

import ast
from contextvars import ContextVar
from typing import Callable


class OpInfo:
    """What the core knows about one public op."""

    __slots__ = ("name", "attr", "signature", "params", "default", "family", "doc", "func")

    def __init__(self, name, attr, signature, params, default, family, doc, func):
        self.name = name  # public name, e.g. "linalg.cholesky"
        self.attr = attr  # table attribute, e.g. "linalg_cholesky"
        self.signature = signature
        self.params = params  # canonical positional order
        self.default = default  # composite implementation in core, or None
        self.family = family
        self.doc = doc
        self.func = func

    @property
    def composite(self) -> bool:
        return self.default is not None


OPS: dict[str, OpInfo] = {}  # public name -> OpInfo, in definition order


class _Unloaded:
    """Stands in for the op table until a thread first uses one: loads the default backend."""

    def __getattr__(self, attr):
        from .backend import default_backend

        activate(default_backend())
        return getattr(_s.ops, attr)


_UNLOADED = _Unloaded()
# Per-thread (and per-asyncio-task) state lives in context variables: a new thread starts
# from the defaults. ContextVar.get is about half the cost of a threading.local read,
# and the op table is read on every call.
_OPS: ContextVar = ContextVar("unify_ops", default=_UNLOADED)
_BACKEND: ContextVar = ContextVar("unify_backend", default=None)
_RECORDING: ContextVar = ContextVar("unify_recording", default=0)


def _var_property(var: ContextVar) -> property:
    return property(lambda self: var.get(), lambda self, value: var.set(value))


class _State:
    """This thread's current backend, op table and autograd recording depth."""

    __slots__ = ()
    ops = _var_property(_OPS)
    backend = _var_property(_BACKEND)
    recording = _var_property(_RECORDING)  # depth of active autograd traces


_s = _State()


def activate(backend) -> None:
    """Make `backend` current in this thread (its recording table while recording)."""
    _s.backend = backend
    _s.ops = backend.recorder() if _s.recording else backend.ops


def state() -> _State:
    """This thread's dispatch state (backend, ops, recording depth)."""
    if _s.backend is None:
        from .backend import default_backend

        activate(default_backend())
    return _s


def _fail(name: str, exc: Exception) -> None:
    """Turn a backend's native error into the core's, or return to re-raise it."""
    new = _s.backend.translate_error(name, exc)
    if new is not None and new is not exc:
        raise new from exc


_TEMPLATE = """
def {fn}({sig}):
    try:
        return _ops().{attr}({call})
    except Exception as e:
        _fail({name!r}, e)
        raise
"""


def _parse(signature: str) -> tuple[str, str, list[str]]:
    """'sum(x, /, *, axis=None)' -> ('sum', 'x, /, *, axis=None', ['x', 'axis'])."""
    head, _, rest = signature.partition("(")
    sig = rest.rsplit(")", 1)[0]
    tree = ast.parse(f"def f({sig}): pass").body[0].args
    names = [a.arg for a in tree.posonlyargs + tree.args]
    if tree.vararg is not None:
        names.append(tree.vararg.arg)
    names += [a.arg for a in tree.kwonlyargs]
    return head.strip(), sig, names


def define(signature: str, default: Callable | None = None, doc: str = "", *, family: str = "") -> Callable:
    """Create the public dispatcher for one core op and register it.

    `signature` is the public Python signature, e.g. "sum(x, /, *, axis=None)";
    a dotted name ("linalg.cholesky(x, /, *, upper=False)") lives in a
    sub-namespace and uses the table attribute "linalg_cholesky". `default` is
    the composite implementation (taking the canonical positional arguments);
    a backend may still override it with a native one. A *args parameter
    reaches the table as one tuple.
    """
    name, sig, params = _parse(signature)
    attr = name.replace(".", "_")
    fn = name.rsplit(".", 1)[-1]
    src = _TEMPLATE.format(fn=fn, sig=sig, attr=attr, call=", ".join(params), name=name)
    ns = {"_ops": _OPS.get, "_fail": _fail}
    exec(compile(src, f"<unify.core op {name}>", "exec"), ns)
    func = ns[fn]
    func.__doc__ = f"{fn}({sig})\n\n{doc}".rstrip()
    func.__qualname__ = fn
    if name in OPS:
        raise ValueError(f"core op {name!r} defined twice")
    OPS[name] = OpInfo(name, attr, sig, params, default, family, doc, func)
    return func


def current_ops():
    """The op table in force in this thread (the recording one while autograd records)."""
    return _s.ops
