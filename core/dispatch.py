"""The one dispatch mechanism of the core.

Every public core op is a tiny generated function:

    def add(x1, x2, /):
        try:
            return _s.ops.add(x1, x2)
        except Exception as e:
            _fail("add", e)
            raise

`_s` is a thread-local holding the current op table. The table is a backend's
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
import threading
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


class _State(threading.local):
    """Per-thread current backend, op table and autograd recording depth."""

    def __init__(self):
        self.backend = None
        self.ops = _UNLOADED
        self.recording = 0  # depth of active autograd traces in this thread
        self.trace = 0  # id of the innermost active autograd trace


_UNLOADED = _Unloaded()
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
        return _s.ops.{attr}({call})
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
    ns = {"_s": _s, "_fail": _fail}
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
