"""torch.autograd: backward, grad, grad modes (on the core engine; see _autograd.py) and
`Function`, user-defined ops with their own backward.

A `Function.apply` runs `forward` without recording, then records one core autograd Node on
the eager trace whose rule calls the user's `backward`. With create_graph=True the rule gets
tensors that carry the graph (the saved tensors too), so a backward written in torch ops is
itself differentiable. Differences from torch: `once_differentiable`, `mark_dirty` (accepted,
no effect) and `set_materialize_grads(False)` (missing output gradients still arrive as
zeros) are approximations; a Function applied inside torch.func transforms records only on
the innermost trace.
"""
import sys as _sys
import types as _types

from ... import core as C
from ...core import autograd as AG
from ._api import unsupported as _unsupported
from ._autograd import (backward, enable_grad, grad, inference_mode, is_grad_enabled,  # noqa: F401
                        no_grad, set_grad_enabled)
from ._tensor import Tensor as _Tensor, wrap as _wrap


class FunctionCtx:
    """The `ctx` handed to forward/setup_context and backward."""

    def save_for_backward(self, *tensors):
        for t in tensors:
            if t is not None and not isinstance(t, _Tensor):
                raise TypeError("save_for_backward can only save variables, but argument "
                                f"{tensors.index(t)} is of type {type(t).__name__}")
        self._saved = tensors

    @property
    def saved_tensors(self):
        if getattr(self, "_freed", False):
            raise RuntimeError("Trying to backward through the graph a second time (or directly "
                               "access saved tensors after they have already been freed).")
        return tuple(getattr(self, "_saved", ()))

    def mark_non_differentiable(self, *tensors):
        self._non_diff = {id(t) for t in tensors}

    def mark_dirty(self, *tensors):
        self._dirty = tensors

    def set_materialize_grads(self, value: bool):
        self._materialize = bool(value)

    save_for_forward = save_for_backward


class _FunctionMeta(type):
    def __init__(cls, name, bases, attrs):
        super().__init__(name, bases, attrs)
        cls._backward_name = name + "Backward"


class Function(FunctionCtx, metaclass=_FunctionMeta):
    """torch.autograd.Function: subclass it with static `forward` and `backward`, call `.apply`."""

    generate_vmap_rule = False

    def __init__(self, *args, **kwargs):
        pass

    def __call__(self, *args, **kwargs):
        raise RuntimeError("Legacy autograd function with non-static forward method is "
                           "deprecated. Please use new-style autograd function with static "
                           "forward method.")

    @staticmethod
    def forward(*args, **kwargs):
        raise NotImplementedError("You must implement the forward function for custom "
                                  "autograd.Function.")

    @staticmethod
    def setup_context(ctx, inputs, output):
        raise NotImplementedError("setup_context is not implemented.")

    @staticmethod
    def backward(ctx, *grad_outputs):
        raise NotImplementedError("You must implement either the backward or vjp method for "
                                  "your custom autograd.Function to use it with backward mode AD.")

    vjp = backward

    @staticmethod
    def jvp(ctx, *grad_inputs):
        raise NotImplementedError("You must implement the jvp function for custom "
                                  "autograd.Function to use it with forward mode AD.")

    @classmethod
    def apply(cls, *args, **kwargs):
        ctx = FunctionCtx()
        grad_on = is_grad_enabled()
        boxes = [a._value() if isinstance(a, _Tensor) else None for a in args]
        t = max((b.trace for b in boxes if type(b) is AG.Box), default=0) if grad_on else 0
        ctx.needs_input_grad = tuple(type(b) is AG.Box and b.trace == t for b in boxes)
        new_style = cls.setup_context is not Function.setup_context
        with no_grad():
            if new_style:
                out = cls.forward(*args, **kwargs)
                cls.setup_context(ctx, args, out)
            else:
                out = cls.forward(ctx, *args, **kwargs)
        if not t:
            return out
        return _record(cls, ctx, args, boxes, out, t)


def _record(cls, ctx, args, boxes, out, t):
    """Box forward's outputs with one Node whose rule calls cls.backward."""
    multi = isinstance(out, tuple)
    outs = out if multi else (out,)
    nondiff = getattr(ctx, "_non_diff", ())
    vals, parents = [], []
    for i, (a, b) in enumerate(zip(args, boxes)):
        if type(b) is AG.Box and b.trace == t:
            parents.append((i, -1, b.node, b.index))
            vals.append(b.value)
        else:
            vals.append(b if b is not None else a)
    out_vals = tuple(AG.strip(o._value()) if isinstance(o, _Tensor) else o for o in outs)
    node = AG.Node(cls._backward_name, _rule(cls, ctx, args, t), tuple(vals),
                   out_vals if multi else out_vals[0], parents, multi)
    result = []
    ids = {id(a) for a in args}
    for i, o in enumerate(outs):
        if (not isinstance(o, _Tensor) or id(o) in nondiff
                or not (o.dtype.is_floating_point or o.dtype.is_complex)):
            result.append(o)
            continue
        box = AG.Box(out_vals[i], node, i, t)
        if o._base is None and id(o) not in ids:
            o._v = box  # the tensor forward made (and maybe saved) now carries the node
            result.append(o)
        else:
            result.append(_wrap(box, o._dt))
    return tuple(result) if multi else result[0]


def _rule(cls, ctx, args, t):
    def rule(g, out, *vals):
        # vals are boxed for trace t only when the pass records itself (create_graph); else a
        # gradient computed from saved tensors must not keep trace t's boxes
        keep = any(type(v) is AG.Box and v.trace == t for v in vals)
        gs = g if isinstance(g, tuple) else (g,)
        grads = cls.backward(ctx, *[_wrap(x) for x in gs])
        if not isinstance(grads, tuple):
            grads = (grads,)
        n = len(args)
        if len(grads) < n or any(x is not None for x in grads[n:]):
            raise RuntimeError(f"function {cls._backward_name} returned an incorrect number of "
                               f"gradients (expected {n}, got {len(grads)})")
        res = []
        for i, (a, gi) in enumerate(zip(args, grads)):
            if gi is None or not isinstance(a, _Tensor):
                res.append(None)
                continue
            if not isinstance(gi, _Tensor):
                raise TypeError(f"function {cls._backward_name} returned a gradient different "
                                "than None at position {i + 1}, but the corresponding forward "
                                "input was not a Variable")
            v = gi._value()
            if not keep and type(v) is AG.Box and v.trace == t:
                v = v.value
            res.append(_fit(v, a, i, cls._backward_name))
        return tuple(res)

    return rule


def _fit(g, a, i, name):
    """torch's validation of a returned gradient: summed down to the input's shape when it
    broadcasts to it, cast to the input's dtype."""
    shape = tuple(a.shape)
    gshape = tuple(C.shape(g))
    if gshape != shape:
        try:
            C.broadcast_shapes(gshape, shape)
            ok = len(gshape) >= len(shape)
        except Exception:  # noqa: BLE001
            ok = False
        if not ok or C.broadcast_shapes(gshape, shape) != gshape:
            raise RuntimeError(f"Function {name} returned an invalid gradient at index {i} - got "
                               f"{list(gshape)} but expected shape compatible with {list(shape)}")
        g = AG.unbroadcast(g, shape)
    if C.dtype_of(g) is not a.dtype.core:
        g = C.astype(g, a.dtype.core)
    return g


def once_differentiable(fn):
    """Accepted for compatibility: the backward stays differentiable."""
    return fn


# `from torch.autograd.function import Function, once_differentiable` also works
function = _types.ModuleType(__name__ + ".function")
function.Function, function.FunctionCtx = Function, FunctionCtx
function.once_differentiable = once_differentiable
_sys.modules[function.__name__] = function


def __getattr__(name: str):
    raise _unsupported("torch.autograd", name)
