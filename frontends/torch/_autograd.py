"""torch's eager autograd on the core engine: grad mode, leaves, backward, autograd.grad.

A tensor that requires grad holds a core autograd `Box` of the frontend's one eager trace as
its (base) value: a leaf holds a Box of a leaf Node, a result of recorded ops a Box of the op's
Node. Once a leaf exists and grad mode is on, the thread dispatches through the backend's
recording table, so every core op records (composites through their parts). `no_grad` runs
the unboxing table (core.autograd.paused): values computed inside carry no gradient.
`backward()` runs the core engine from the tensor's node and accumulates into `.grad` of the
leaf tensors reached (found through `_LEAVES`, a weak map from leaf node to tensor).
With create_graph=True the pass runs in grad mode and records itself on the same eager trace
(the engine hands each rule its arguments boxed again), so gradients are tensors with a graph
and can be differentiated again, like torch's single graph. `tensor.grad_fn` is a `GradFn`.
"""
from __future__ import annotations

import functools
import weakref
from contextvars import ContextVar

from ... import core as C
from ...core import autograd as AG
from ...core import dispatch as D

__all__ = ["no_grad", "enable_grad", "set_grad_enabled", "is_grad_enabled", "inference_mode",
           "is_inference_mode_enabled"]

Box = AG.Box
TRACE = AG.new_trace()
_GRAD: ContextVar = ContextVar("unify_torch_grad", default=True)
_LEAVES: "weakref.WeakValueDictionary[int, object]" = weakref.WeakValueDictionary()
# keyed by the Node itself (weakly), so a recycled id() never inherits another tensor's state
_RETAINED: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()  # node -> {index: weakref}
_HOOKS: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()  # node -> {index: [fn]}


def is_grad_enabled() -> bool:
    return _GRAD.get()


def _record_on() -> None:
    """Make this thread dispatch through the recording table (grad mode with leaves)."""
    s = D.state()
    if not s.recording:
        s.recording = 1
        s.ops = s.backend.recorder()


def _set_mode(enabled: bool):
    """Switch grad mode in this thread; returns what `_restore` needs."""
    s = D.state()
    prev = (_GRAD.get(), s.recording, s.ops)
    _GRAD.set(enabled)
    if enabled:
        if _LEAVES:
            _record_on()
    elif s.recording:
        s.recording = 0
        s.ops = s.backend.stripper()
    return prev


def _restore(prev) -> None:
    s = D.state()
    _GRAD.set(prev[0])
    s.recording, s.ops = prev[1], prev[2]


class _Mode:
    """Base of the grad-mode context managers (also usable as decorators)."""

    _enabled = True

    def __enter__(self):
        self._prev = _set_mode(self._enabled)
        return self

    def __exit__(self, *exc):
        _restore(self._prev)
        return False

    def __call__(self, fn):
        @functools.wraps(fn)
        def wrapped(*args, **kwargs):
            with self.__class__.__new__(self.__class__) as _:
                return fn(*args, **kwargs)
        return wrapped

    def clone(self):
        return self.__class__()


class no_grad(_Mode):
    _enabled = False

    def __init__(self, orig_func=None):
        self._orig = orig_func

    def __new__(cls, orig_func=None):
        self = object.__new__(cls)
        if callable(orig_func):  # used as `@torch.no_grad` without parentheses
            return cls()(orig_func)
        return self


class enable_grad(_Mode):
    _enabled = True

    def __new__(cls, orig_func=None):
        self = object.__new__(cls)
        if callable(orig_func):
            return cls()(orig_func)
        return self


class set_grad_enabled(_Mode):
    """Sets grad mode now (as a function) and restores it on exit (as a context manager)."""

    def __init__(self, mode: bool):
        self._enabled = bool(mode)
        self._prev = _set_mode(self._enabled)

    def __enter__(self):
        return self

    def __call__(self, fn):
        mode = self._enabled
        _restore(self._prev)

        @functools.wraps(fn)
        def wrapped(*args, **kwargs):
            with set_grad_enabled(mode):
                return fn(*args, **kwargs)
        return wrapped


class inference_mode(_Mode):
    def __init__(self, mode: bool = True):
        self._enabled = not mode

    def __new__(cls, mode=True):
        self = object.__new__(cls)
        if callable(mode) and not isinstance(mode, bool):
            inst = object.__new__(cls)
            inst._enabled = False
            return inst(mode)
        return self


def is_inference_mode_enabled() -> bool:
    return False


# ------------------------------------------------------------------ leaves and tensors

def make_leaf(t) -> None:
    """t (a base tensor) becomes a leaf that requires grad."""
    v = AG.strip(t._v)
    node = AG.leaf("leaf")
    t._v = Box(v, node, 0, TRACE)
    t._version += 1
    _LEAVES[id(node)] = t
    if _GRAD.get():
        _record_on()


def drop_leaf(t) -> None:
    v = t._v
    if type(v) is Box:
        _LEAVES.pop(id(v.node), None)
        t._v = AG.strip(v)
        t._version += 1


def is_leaf_box(v) -> bool:
    return type(v) is Box and v.node.rule is None


# ------------------------------------------------------------------ backward

def _roots(tensors, grads, create_graph=False):
    from ._tensor import Tensor, wrap  # noqa: F401

    roots = []
    for i, (t, g) in enumerate(zip(tensors, grads)):
        v = t._value()
        if type(v) is not Box or v.trace != TRACE:
            raise RuntimeError(f"element {i} of tensors does not require grad and does not have "
                               "a grad_fn")
        if g is None:
            if C.shape(AG.strip(v)) != ():
                raise RuntimeError("grad can be implicitly created only for scalar outputs")
            ct = C.ones_like(AG.strip(v))
        else:
            ct = g._value() if isinstance(g, Tensor) else C.asarray(g)
            if not create_graph:
                ct = AG.strip(ct)
            if tuple(C.shape(ct)) != tuple(C.shape(AG.strip(v))):
                raise RuntimeError(f"Mismatch in shape: grad_output[{i}] has a shape of "
                                   f"{tuple(C.shape(ct))} and output[{i}] has a shape of "
                                   f"{tuple(C.shape(AG.strip(v)))}.")
        roots.append((v.node, v.index, ct))
    return roots


_POST: list = []  # (retained tensor, its cotangent after hooks)


def _hook(node, cts):
    hooks = _HOOKS.get(node)
    kept = _RETAINED.get(node)
    if hooks is None and kept is None:
        return cts
    cts = list(cts)
    for i in range(len(cts)):
        if cts[i] is None:
            continue
        for fn in (hooks or {}).get(i, ()):
            cts[i] = _apply_hook(fn, cts[i])
        if kept and i in kept:
            t = kept[i]()
            if t is not None:  # torch runs retain_grad's hook after the user's hooks
                _POST.append((t, cts[i]))
    return cts


def _apply_hook(fn, ct):
    from ._tensor import wrap

    r = fn(wrap(ct))
    if r is None:
        return ct
    return r._value() if D.state().recording else AG.strip(r._value())


def _run(roots, create_graph):
    """The core engine over the eager graph. With create_graph the pass runs in grad mode and
    records itself on the eager trace (each rule sees its arguments boxed again), so the
    cotangents it returns have a graph of their own: higher-order gradients."""
    _POST.clear()
    if not create_graph:
        with AG.paused():
            return AG.backward(roots, _hook)
    prev = _set_mode(True)
    _record_on()
    try:
        return AG.backward(roots, _hook, TRACE)
    finally:
        _restore(prev)


def backward(tensors, grad_tensors=None, retain_graph=None, create_graph=False, inputs=None):
    """torch.autograd.backward: accumulate gradients into the leaves' `.grad`."""
    from ._tensor import Tensor, wrap

    tensors = [tensors] if isinstance(tensors, Tensor) else list(tensors)
    if grad_tensors is None:
        grad_tensors = [None] * len(tensors)
    elif isinstance(grad_tensors, Tensor):
        grad_tensors = [grad_tensors]
    grads = _run(_roots(tensors, grad_tensors, create_graph), create_graph)
    only = None
    if inputs is not None:
        inputs = [inputs] if isinstance(inputs, Tensor) else list(inputs)
        only = {id(i._value().node) for i in inputs if type(i._value()) is Box}
    with (enable_grad() if create_graph else no_grad()):
        for nid, cts in grads.items():
            if only is not None and nid not in only:
                continue
            t = _LEAVES.get(nid)
            if t is None:
                continue
            g = cts[0]
            if g is None:
                continue
            v = t._v
            if type(v) is Box:
                for fn in _HOOKS.get(v.node, {}).get(0, ()):
                    g = _apply_hook(fn, g)
            _accumulate(t, g, wrap)
        for t, g in _POST:
            _accumulate(t, g, wrap)
        _POST.clear()


def _accumulate(t, g, wrap) -> None:
    """t.grad += g (out of place; under create_graph the sum keeps g's graph)."""
    if not D.state().recording:
        g = AG.strip(g)
    if t.grad is None:
        t.grad = wrap(g)
    else:
        t.grad = wrap(C.add(t.grad._value(), g))


def grad(outputs, inputs, grad_outputs=None, retain_graph=None, create_graph=False,
         only_inputs=True, allow_unused=None, is_grads_batched=False, materialize_grads=False):
    """torch.autograd.grad; with create_graph=True the gradients have a graph of their own."""
    from ._tensor import Tensor, wrap

    outputs = [outputs] if isinstance(outputs, Tensor) else list(outputs)
    single = isinstance(inputs, Tensor)
    inputs = [inputs] if single else list(inputs)
    if grad_outputs is None:
        grad_outputs = [None] * len(outputs)
    elif isinstance(grad_outputs, Tensor):
        grad_outputs = [grad_outputs]
    for i, t in enumerate(inputs):
        if type(t._value()) is not Box:
            raise RuntimeError(f"One of the differentiated Tensors does not require grad")
    grads = _run(_roots(outputs, grad_outputs, create_graph), create_graph)
    out = []
    for t in inputs:
        v = t._value()
        cts = grads.get(id(v.node))
        g = None if cts is None else cts[v.index]
        if g is None:
            if materialize_grads:
                out.append(wrap(C.zeros_like(AG.strip(v))))
                continue
            if not allow_unused:
                raise RuntimeError("One of the differentiated Tensors appears to not have been "
                                   "used in the graph. Set allow_unused=True if this is the "
                                   "desired behavior.")
            out.append(None)
        else:
            out.append(wrap(g if create_graph else AG.strip(g)))
    return tuple(out)


def register_hook(t, fn):
    v = t._value()
    if type(v) is not Box:
        raise RuntimeError("cannot register a hook on a tensor that doesn't require gradient")
    fns = _HOOKS.setdefault(v.node, {}).setdefault(v.index, [])
    fns.append(fn)

    class _Handle:
        def remove(self_inner):
            if fn in fns:
                fns.remove(fn)

    return _Handle()


def retain_grad(t) -> None:
    v = t._value()
    if type(v) is not Box:
        raise RuntimeError("can't retain_grad on Tensor that has requires_grad=False")
    if v.node.rule is not None:
        _RETAINED.setdefault(v.node, {})[v.index] = weakref.ref(t)


# ------------------------------------------------------------------ grad_fn

class GradFn:
    """What `tensor.grad_fn` gives: the recorded op that made a non-leaf tensor."""

    __slots__ = ("_node",)

    def __init__(self, node):
        self._node = node

    def name(self) -> str:
        from ._format import _backward_name

        n = self._node.name
        return n if n.endswith("Backward") else _backward_name(self._node)  # Function: its own

    @property
    def next_functions(self):
        out = []
        for _, _, p, i in self._node.parents:
            if p.rule is None:
                t = _LEAVES.get(id(p))
                out.append((AccumulateGrad(t) if t is not None else None, 0))
            else:
                out.append((GradFn(p), i))
        return tuple(out)

    def __eq__(self, other):
        return isinstance(other, GradFn) and other._node is self._node

    def __hash__(self):
        return id(self._node)

    def __repr__(self) -> str:
        return f"<{self.name()} object at {hex(id(self._node))}>"


class AccumulateGrad:
    """The graph's sink for a leaf tensor (`next_functions` of its consumers)."""

    __slots__ = ("variable",)

    def __init__(self, variable):
        self.variable = variable

    def name(self) -> str:
        return "torch::autograd::AccumulateGrad"


def grad_fn_of(v):
    return GradFn(v.node) if type(v) is Box and v.node.rule is not None else None
