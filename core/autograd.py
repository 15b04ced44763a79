"""The reverse-mode autograd engine (one, in core, for every backend).

How it works:
- While a trace is active in a thread, the dispatch table is the backend's
  *recording table*. Its entry for an op with a gradient rule unwraps the
  `Box`es of the innermost trace among the arguments, calls the op on the
  values (which may still hold boxes of outer traces: that call records on
  those, which is what makes higher-order gradients work), and boxes the
  result with a `Node` that remembers the rule, the arguments and the output.
- Composite ops need no rule: they are recorded through their primitives.
  Ops declared non-differentiable strip all boxes and return plain values.
- `backward` walks the nodes in reverse topological order and calls each
  rule, which is written in core ops, so it runs on every backend, records
  itself when an outer trace is active, and traces under jax.jit.

Rules: `defvjp(name, rule)` with `rule(g, out, *args) -> tuple` holding one
cotangent per positional argument (None where there is none; a tuple for a
tuple argument). `g` and `out` are tuples for multi-output ops.
"""
from __future__ import annotations

import itertools
from typing import Any, Callable

from .dispatch import OPS, _s

RULES: dict[str, Callable] = {}
NONDIFF: set[str] = set()
_traces = itertools.count(1)


def defvjp(name: str, rule: Callable) -> None:
    """Register the reverse-mode rule of core op `name`."""
    if name not in OPS:
        raise KeyError(f"no core op {name!r}")
    RULES[name] = rule


def nondiff(*names: str) -> None:
    """Declare ops whose outputs carry no gradient (comparisons, indices, ...)."""
    for n in names:
        if n not in OPS:
            raise KeyError(f"no core op {n!r}")
        NONDIFF.add(n)


class Node:
    """One recorded op application (or a leaf when `rule` is None)."""

    __slots__ = ("name", "rule", "args", "out", "parents", "multi", "__weakref__")

    def __init__(self, name, rule, args, out, parents, multi):
        self.name = name
        self.rule = rule
        self.args = args
        self.out = out
        self.parents = parents  # [(argpos, subpos or -1, parent Node, parent output index)]
        self.multi = multi  # True when the op returned a tuple

    def __repr__(self) -> str:
        return f"<Node {self.name or 'leaf'}>"


def leaf(name: str = "") -> Node:
    return Node(name, None, (), None, (), False)


class Box:
    """A value taking part in trace `trace`, produced by output `index` of `node`."""

    __slots__ = ("value", "node", "index", "trace")

    def __init__(self, value, node: Node, index: int, trace: int):
        self.value = value
        self.node = node
        self.index = index
        self.trace = trace

    @property
    def shape(self):
        return self.value.shape

    @property
    def dtype(self):
        return self.value.dtype

    @property
    def ndim(self):
        return len(self.value.shape)

    def __repr__(self) -> str:
        return f"Box(trace={self.trace}, {self.value!r})"


def _top(args) -> int:
    t = 0
    for a in args:
        ta = type(a)
        if ta is Box:
            if a.trace > t:
                t = a.trace
        elif ta is tuple or ta is list:
            for b in a:
                if type(b) is Box and b.trace > t:
                    t = b.trace
    return t


def _unbox(args, t):
    vals = []
    parents = []
    for i, a in enumerate(args):
        ta = type(a)
        if ta is Box and a.trace == t:
            parents.append((i, -1, a.node, a.index))
            vals.append(a.value)
        elif (ta is tuple or ta is list) and any(type(b) is Box for b in a):
            inner = []
            for j, b in enumerate(a):
                if type(b) is Box and b.trace == t:
                    parents.append((i, j, b.node, b.index))
                    inner.append(b.value)
                else:
                    inner.append(b)
            vals.append(ta(inner))
        else:
            vals.append(a)
    return vals, parents


def strip(x):
    """Remove every level of boxing from a value or a tuple/list of values."""
    while type(x) is Box:
        x = x.value
    if type(x) in (tuple, list):
        return type(x)(strip(v) for v in x)
    return x


def _float_like(v, from_native) -> bool:
    while type(v) is Box:
        v = v.value
    d = from_native.get(getattr(v, "dtype", None))
    return d is not None and d.kind in "fc"


def _recorded(name: str, impl: Callable, rule: Callable, from_native: dict) -> Callable:
    def op(*args):
        t = _top(args)
        if t == 0:
            return impl(*args)
        vals, parents = _unbox(args, t)
        out = op(*vals)
        if isinstance(out, (tuple, list)):
            node = Node(name, rule, vals, out, parents, True)
            boxed = [Box(o, node, i, t) if _float_like(o, from_native) else o for i, o in enumerate(out)]
            return type(out)(*boxed) if hasattr(out, "_fields") else type(out)(boxed)
        if not _float_like(out, from_native):
            return out
        return Box(out, Node(name, rule, vals, out, parents, False), 0, t)

    op.__name__ = name
    return op


def _stripped(impl: Callable) -> Callable:
    def op(*args):
        return impl(*[strip(a) for a in args])

    return op


def _no_rule(name: str, impl: Callable) -> Callable:
    def op(*args):
        if _top(args):
            raise TypeError(f"unify.core.{name} has no gradient rule; it cannot be differentiated")
        return impl(*args)

    return op


def _stripping(impl: Callable) -> Callable:
    def op(*args):
        if _top(args):
            args = [strip(a) for a in args]
        return impl(*args)

    return op


def build_stripper(backend):
    """The op table that drops every box from its arguments (used while `paused`)."""
    from .backend import Ops

    table = Ops(backend.name + "-autograd")
    for info in OPS.values():
        impl = getattr(backend.ops, info.attr)
        # a composite runs its parts through this table; anything else gets unboxed arguments
        setattr(table, info.attr, impl if impl is info.default else _stripping(impl))
    return table


def build_recorder(backend):
    """The recording op table of `backend` (see the module docstring)."""
    from .backend import Ops

    rec = Ops(backend.name + "+autograd")
    for info in OPS.values():
        impl = getattr(backend.ops, info.attr)
        if info.name in RULES:
            f = _recorded(info.name, impl, RULES[info.name], backend.from_native)
        elif info.name in NONDIFF:
            f = _stripped(impl)
        elif info.default is not None:
            f = info.default
        else:
            f = _no_rule(info.name, impl)
        setattr(rec, info.attr, f)
    return rec


class recording:
    """Context manager: record ops for trace `t` in this thread."""

    __slots__ = ("prev",)

    def __enter__(self):
        if _s.backend is None:
            from .dispatch import state

            state()
        _s.recording += 1
        self.prev = _s.ops
        _s.ops = _s.backend.recorder()
        return self

    def __exit__(self, *exc):
        _s.recording -= 1
        _s.ops = self.prev if _s.recording else _s.backend.ops
        return False


class paused:
    """Context manager: run core ops without recording (torch's no_grad): boxed arguments are
    unboxed, so values computed inside carry no gradient."""

    __slots__ = ("prev", "depth")

    def __enter__(self):
        if _s.backend is None:
            from .dispatch import state

            state()
        self.prev, self.depth = _s.ops, _s.recording
        _s.recording = 0
        _s.ops = _s.backend.stripper() if self.depth else _s.backend.ops
        return self

    def __exit__(self, *exc):
        _s.recording = self.depth
        _s.ops = _s.backend.recorder() if self.depth else _s.backend.ops
        return False


def new_trace() -> int:
    return next(_traces)


def _toposort(roots: list[Node]) -> list[Node]:
    """Nodes reachable from `roots`, each after every node that consumes it."""
    seen: set[int] = set()
    order: list[Node] = []
    stack = [(n, False) for n in roots]
    while stack:
        n, done = stack.pop()
        if done:
            order.append(n)
            continue
        if id(n) in seen:
            continue
        seen.add(id(n))
        stack.append((n, True))
        for _, _, p, _ in n.parents:
            if id(p) not in seen:
                stack.append((p, False))
    order.reverse()
    return order


def _reboxed(node: Node, t: int, from_native: dict):
    """(out, args) of `node` boxed again for trace `t`, as they were when it was recorded."""
    args = list(node.args)
    for pos, sub, parent, pidx in node.parents:
        if sub < 0:
            args[pos] = Box(args[pos], parent, pidx, t)
        else:
            inner = list(args[pos])
            inner[sub] = Box(inner[sub], parent, pidx, t)
            args[pos] = type(args[pos])(inner)
    if node.multi:
        out = tuple(Box(o, node, i, t) if _float_like(o, from_native) else o
                    for i, o in enumerate(node.out))
    else:
        out = Box(node.out, node, 0, t)
    return out, args


def backward(roots: list[tuple[Node, int, Any]], hook: Callable | None = None,
             trace: int = 0) -> dict[int, list]:
    """Propagate cotangents from `roots` ((node, output index, cotangent) triples).

    Returns {id(node): [cotangent per output]} for every node reached,
    including leaves. `hook(node, cts)` may replace a node's cotangents
    before its rule runs (torch's register_hook builds on it).

    With `trace` (the trace the nodes were recorded on), each rule gets its
    arguments and outputs boxed again for that trace, so while the recording
    table is active the backward pass records itself on the same trace and
    its cotangents can be differentiated again (torch's create_graph=True).
    """
    from . import ops as C
    from .dispatch import state

    from_native = state().backend.from_native if trace else None

    grads: dict[int, list] = {}

    def acc(node: Node, idx: int, ct) -> None:
        slot = grads.get(id(node))
        if slot is None:
            slot = grads[id(node)] = [None] * (len(node.out) if node.multi else 1)
        slot[idx] = ct if slot[idx] is None else C.add(slot[idx], ct)

    for node, idx, ct in roots:
        acc(node, idx, ct)
    for node in _toposort([r[0] for r in roots]):
        cts = grads.get(id(node))
        if cts is None or node.rule is None:
            continue
        if hook is not None:
            cts = hook(node, cts)
        if node.multi:
            g = tuple(C.zeros_like(o) if c is None else c for c, o in zip(cts, node.out))
        else:
            g = cts[0]
        if trace:
            out, args = _reboxed(node, trace, from_native)
            in_cts = node.rule(g, out, *args)
        else:
            in_cts = node.rule(g, node.out, *node.args)
        for pos, sub, parent, pidx in node.parents:
            c = in_cts[pos]
            if sub >= 0 and c is not None:
                c = c[sub]
            if c is not None:
                acc(parent, pidx, c)
    return grads


def _unbox_out(out, t):
    if type(out) is Box and out.trace == t:
        return out.value
    if isinstance(out, (tuple, list)):
        vals = [_unbox_out(o, t) for o in out]
        return type(out)(*vals) if hasattr(out, "_fields") else type(out)(vals)
    return out


def vjp(f: Callable, *primals, has_aux: bool = False):
    """(f(*primals), vjp_fn): vjp_fn(cotangent) gives one gradient per primal.

    The cotangent has the structure of the output (an array, or a tuple of
    arrays for a tuple output). With has_aux, f returns (out, aux) and the
    result is (out, vjp_fn, aux).
    """
    from . import ops as C

    t = new_trace()
    leaves = [leaf() for _ in primals]
    boxes = [Box(p, n, 0, t) for p, n in zip(primals, leaves)]
    with recording():
        res = f(*boxes)
    if has_aux:
        res, aux = res
    out = _unbox_out(res, t)
    out_boxes = res

    def vjp_fn(ct):
        if isinstance(out_boxes, (tuple, list)):
            cts = ct
            pairs = list(zip(out_boxes, cts))
        else:
            pairs = [(out_boxes, ct)]
        roots = [(b.node, b.index, c) for b, c in pairs if type(b) is Box and b.trace == t and c is not None]
        grads = backward(roots) if roots else {}
        result = []
        for p, n in zip(primals, leaves):
            g = grads.get(id(n))
            result.append(C.zeros_like(strip(p)) if g is None or g[0] is None else g[0])
        return tuple(result)

    if has_aux:
        return out, vjp_fn, _unbox_out(aux, t)
    return out, vjp_fn


def value_and_grad(f: Callable, argnums: int | tuple = 0, has_aux: bool = False) -> Callable:
    """Like jax.value_and_grad: f must return a 0-d floating array."""
    from . import ops as C

    def wrapped(*args):
        nums = (argnums,) if isinstance(argnums, int) else tuple(argnums)
        def g(*sel):
            full = list(args)
            for k, v in zip(nums, sel):
                full[k] = v
            return f(*full)

        res = vjp(g, *[args[k] for k in nums], has_aux=has_aux)
        out, fn = res[0], res[1]
        if tuple(C.shape(out)) != ():
            raise TypeError(f"grad needs a scalar (0-d) output, got shape {tuple(C.shape(out))}")
        grads = fn(C.ones_like(out))
        gs = grads[0] if isinstance(argnums, int) else grads
        return ((out, res[2]), gs) if has_aux else (out, gs)

    return wrapped


def grad(f: Callable, argnums: int | tuple = 0, has_aux: bool = False) -> Callable:
    """Like jax.grad, on the core engine; nests for higher orders."""
    vg = value_and_grad(f, argnums, has_aux)

    def wrapped(*args):
        (v, g) = vg(*args)
        return (g, v[1]) if has_aux else g

    return wrapped


def unbroadcast(g, shape: tuple):
    """Sum `g` down to `shape` (the inverse of broadcasting, for rules)."""
    from . import ops as C

    gshape = tuple(C.shape(g))
    shape = tuple(shape)
    if gshape == shape:
        return g
    lead = len(gshape) - len(shape)
    axes = tuple(range(lead)) + tuple(
        i + lead for i, s in enumerate(shape) if s == 1 and gshape[i + lead] != 1)
    if axes:
        g = C.sum(g, axis=axes, keepdims=False)
    return C.reshape(g, shape) if tuple(C.shape(g)) != shape else g


def _box_operators():
    """Python operators on boxes go to the core ops (convenience for user functions)."""
    from . import ops as C

    table = {
        "__add__": lambda a, b: C.add(a, b), "__radd__": lambda a, b: C.add(b, a),
        "__sub__": lambda a, b: C.subtract(a, b), "__rsub__": lambda a, b: C.subtract(b, a),
        "__mul__": lambda a, b: C.multiply(a, b), "__rmul__": lambda a, b: C.multiply(b, a),
        "__truediv__": lambda a, b: C.divide(a, b), "__rtruediv__": lambda a, b: C.divide(b, a),
        "__matmul__": lambda a, b: C.matmul(a, b), "__rmatmul__": lambda a, b: C.matmul(b, a),
        "__neg__": lambda a: C.negative(a), "__getitem__": lambda a, k: C.getitem(a, k),
    }
    if hasattr(C, "pow"):
        table["__pow__"] = lambda a, b: C.pow(a, b)
        table["__rpow__"] = lambda a, b: C.pow(b, a)
    for k, v in table.items():
        setattr(Box, k, v)
