"""torch.func: grad, grad_and_value, vjp, jacrev, hessian, functional_call, vmap.

The transforms run on the core autograd engine: each call opens a new trace (nested inside any
active one, the eager torch graph included), boxes the differentiated inputs as leaves of it,
runs the function with the recording table and propagates back. Gradient rules run in core
ops with whatever table is current, so a transform nests inside another (grad of grad) or
inside eager autograd (`func.grad(f)(x).sum().backward()`).

Differences from torch: `vmap` runs the function once per batch element and stacks the results
(same values; `randomness` and `chunk_size` are accepted and ignored, and functions torch's
vmap refuses, such as ones calling `.item()`, simply work); `jacfwd` computes the same
Jacobian as `jacrev`, in reverse mode.
"""
from __future__ import annotations

from contextlib import contextmanager

from ... import core as C
from ...core import autograd as AG
from ._api import unsupported as _unsupported
from ._tensor import Tensor, wrap

__all__ = ["grad", "grad_and_value", "vjp", "jacrev", "jacfwd", "hessian", "functional_call",
           "vmap"]

Box = AG.Box


# ------------------------------------------------------------------ pytrees of tensors

def _map(fn, tree):
    """`tree` with each Tensor leaf x replaced by fn(x) (tuples, lists, dicts nest)."""
    if isinstance(tree, Tensor):
        return fn(tree)
    if isinstance(tree, (tuple, list)):
        out = [_map(fn, x) for x in tree]
        return type(tree)(*out) if hasattr(tree, "_fields") else type(tree)(out)
    if isinstance(tree, dict):
        return type(tree)((k, _map(fn, v)) for k, v in tree.items())
    return tree


def _leaves(tree) -> list:
    out: list = []
    _map(out.append, tree)
    return out


def _at(v, t):
    """A native value with the box of trace `t` removed (outer traces' boxes stay)."""
    return v.value if type(v) is Box and v.trace == t else v


def _untrack(tree, t):
    return _map(lambda x: wrap(_at(x._value(), t), x._dt), tree)


def _track(tree, t, nodes: list):
    """`tree` with its tensors as fresh leaves of trace t (their nodes appended to `nodes`)."""
    def leaf(x):
        d = x.dtype
        if not (d.is_floating_point or d.is_complex):
            raise RuntimeError("only Tensors of floating point dtype can require gradients")
        n = AG.leaf("leaf")
        v = x._value()
        nodes.append((n, v))
        return wrap(Box(v, n, 0, t), x._dt)

    return _map(leaf, tree)


def _argnums(argnums, n: int) -> tuple:
    nums = (argnums,) if isinstance(argnums, int) else tuple(argnums)
    if not nums:
        raise RuntimeError("argnums must be non-empty")
    for k in nums:
        if not isinstance(k, int):
            raise RuntimeError(f"argnums must be int or Tuple[int, ...], got: {type(k)}")
        if not -n <= k < n:
            raise RuntimeError(f"Got argnums={k}, but only {n} positional inputs")
    return tuple(k % n for k in nums)


def _backprop(t, pairs, nodes):
    """Cotangents of the leaf `nodes` of trace t from (output tensor, cotangent value) pairs."""
    roots = []
    for out, ct in pairs:
        v = out._value()
        if type(v) is Box and v.trace == t:
            roots.append((v.node, v.index, ct))
    grads = AG.backward(roots) if roots else {}
    res = []
    for n, v in nodes:
        g = grads.get(id(n))
        res.append(C.zeros_like(AG.strip(v)) if g is None or g[0] is None else _at(g[0], t))
    return res


# ------------------------------------------------------------------ transforms

def vjp(func, *primals, has_aux: bool = False):
    """(output, vjp_fn[, aux]); vjp_fn(cotangents) gives one gradient per primal."""
    t = AG.new_trace()
    nodes: list = []
    boxed = [_track(p, t, nodes) for p in primals]
    with AG.recording():
        res = func(*boxed)
    if has_aux:
        if not (isinstance(res, tuple) and len(res) == 2):
            raise RuntimeError("vjp(f, *primals): output of function f should be a tuple: "
                               "(output, aux) if has_aux is True")
        res, aux = res
    outs = _leaves(res)
    if not outs and not isinstance(res, Tensor):
        raise RuntimeError("vjp(f, *primals): Expected f to be a function that has non-empty "
                           "output")
    counts = [len(_leaves(p)) for p in primals]

    def vjp_fn(cotangents, **kwargs):
        cts = _leaves(cotangents)
        if len(cts) != len(outs):
            raise RuntimeError("Expected pytree structure of cotangents to be the same as pytree "
                               f"structure of outputs to the function. cotangents: {len(cts)} "
                               f"tensors, primal output: {len(outs)} tensors")
        pairs = []
        for o, c in zip(outs, cts):
            if tuple(c.shape) != tuple(o.shape):
                raise RuntimeError(f"Mismatch in shape: grad_output[0] has a shape of "
                                   f"{tuple(c.shape)} and output[0] has a shape of "
                                   f"{tuple(o.shape)}.")
            pairs.append((o, c._value()))
        flat = iter(_backprop(t, pairs, nodes))
        grads = []
        for p, k in zip(primals, counts):
            gs = iter([next(flat) for _ in range(k)])
            grads.append(_map(lambda x: wrap(next(gs), x._dt), p))
        return tuple(grads)

    out = _untrack(res, t)
    return (out, vjp_fn, _untrack(aux, t)) if has_aux else (out, vjp_fn)


def grad_and_value(func, argnums=0, has_aux: bool = False):
    """func's gradient with respect to the argnums arguments (pytrees of tensors), and its
    value: wrapper(*args) -> (grads, value) or (grads, (value, aux))."""
    def wrapper(*args, **kwargs):
        nums = _argnums(argnums, len(args))
        t = AG.new_trace()
        nodes: list = []
        args = list(args)
        for k in nums:
            args[k] = _track(args[k], t, nodes)
        with AG.recording():
            res = func(*args, **kwargs)
        if has_aux:
            if not (isinstance(res, tuple) and len(res) == 2):
                raise RuntimeError("grad_and_value(f)(*args): output of function f should be a "
                                   "tuple: (output, aux) if has_aux is True")
            res, aux = res
        if not isinstance(res, Tensor):
            raise RuntimeError("grad_and_value(f)(*args): Expected f(*args) to return a Tensor, "
                               f"got {type(res)}")
        if res.ndim != 0:
            raise RuntimeError("grad_and_value(f)(*args): Expected f(*args) to return a scalar "
                               f"Tensor, got tensor with {res.ndim} dims. Maybe you wanted to use "
                               "the vjp or jacrev APIs instead?")
        v = _at(res._value(), t)
        flat = iter(_backprop(t, [(res, C.ones_like(AG.strip(v)))], nodes))
        grads = [_map(lambda x: wrap(next(flat), x._dt), a) for a in
                 (_untrack(args[k], t) for k in nums)]
        g = grads[0] if isinstance(argnums, int) else tuple(grads)
        value = wrap(v, res._dt)
        return (g, (value, _untrack(aux, t))) if has_aux else (g, value)

    return wrapper


def grad(func, argnums=0, has_aux: bool = False):
    """The gradient of func (which returns a 0-d tensor) with respect to argument argnums."""
    gv = grad_and_value(func, argnums, has_aux)

    def wrapper(*args, **kwargs):
        g, v = gv(*args, **kwargs)
        return (g, v[1]) if has_aux else g

    return wrapper


def jacrev(func, argnums=0, *, has_aux: bool = False, chunk_size=None, _preallocate_and_copy=False):
    """The Jacobian of func's tensor output(s) with respect to argnums, one vjp per output
    element: shape output.shape + input.shape."""
    from . import eye, stack, zeros, zeros_like

    def wrapper(*args):
        nums = _argnums(argnums, len(args))

        def f(*sel):
            full = list(args)
            for k, s in zip(nums, sel):
                full[k] = s
            return func(*full)

        res = vjp(f, *[args[k] for k in nums], has_aux=has_aux)
        out, fn = res[0], res[1]
        outs = _leaves(out)
        jacs = []
        for i, o in enumerate(outs):
            n = o.numel()
            basis = eye(n, dtype=o.dtype)
            rows = []  # per output element: one gradient tuple (over nums)
            for j in range(n):
                cts = [zeros_like(x) for x in outs]
                cts[i] = basis[j].reshape(o.shape)
                rows.append(fn(_rebuild(out, cts)))
            per_arg = []
            for a, k in enumerate(nums):
                ins = _leaves(args[k])
                js = []
                for li, x in enumerate(ins):
                    shape = tuple(o.shape) + tuple(x.shape)
                    js.append(stack([_leaves(r[a])[li] for r in rows]).reshape(shape) if rows
                              else zeros(shape, dtype=x.dtype))
                per_arg.append(_rebuild(args[k], js))
            jacs.append(per_arg[0] if isinstance(argnums, int) else tuple(per_arg))
        jac = _rebuild(out, jacs)
        return (jac, res[2]) if has_aux else jac

    return wrapper


def _rebuild(tree, leaves):
    it = iter(leaves)
    return _map(lambda x: next(it), tree)


def jacfwd(func, argnums=0, has_aux: bool = False, *, randomness="error"):
    """The Jacobian (computed in reverse mode here; same values as torch's forward mode)."""
    return jacrev(func, argnums, has_aux=has_aux)


def hessian(func, argnums=0):
    """The Hessian of a scalar function: the Jacobian of its gradient."""
    return jacrev(jacrev(func, argnums), argnums)


# ------------------------------------------------------------------ functional_call

@contextmanager
def _swapped(module, values: dict, tie_weights: bool, strict: bool):
    """Module's parameters and buffers replaced by `values` (dotted names) while inside."""
    named = {}
    for prefix, mod in module.named_modules(remove_duplicate=False):
        for kind in ("_parameters", "_buffers"):
            for name, val in mod.__dict__[kind].items():
                named[(prefix + "." if prefix else "") + name] = (mod, kind, name, val)
    unexpected = [k for k in values if k not in named]
    missing = [k for k in named if k not in values]
    if strict and (unexpected or missing):
        msg = "Error(s) in reparametrizing for {}:".format(type(module).__name__)
        if unexpected:
            msg += "\n\tUnexpected key(s): " + ", ".join(repr(k) for k in unexpected) + "."
        if missing:
            msg += "\n\tMissing key(s): " + ", ".join(repr(k) for k in missing) + "."
        raise RuntimeError(msg)
    by_id = {}
    if tie_weights:
        for k, v in values.items():
            if k in named and named[k][3] is not None:
                by_id[id(named[k][3])] = v
    saved = []
    try:
        for k, (mod, kind, name, val) in named.items():
            if k in values:
                new = values[k]
            elif val is not None and id(val) in by_id:
                new = by_id[id(val)]
            else:
                continue
            saved.append((mod, kind, name, val))
            mod.__dict__[kind][name] = new
        for k in unexpected:  # torch sets names the module lacks as plain attributes
            *path, name = k.split(".")
            mod = module.get_submodule(".".join(path)) if path else module
            saved.append((mod, None, name, mod.__dict__.get(name, _MISSING)))
            mod.__dict__[name] = values[k]
        yield
    finally:
        for mod, kind, name, val in reversed(saved):
            if kind is None:
                if val is _MISSING:
                    mod.__dict__.pop(name, None)
                else:
                    mod.__dict__[name] = val
            else:
                mod.__dict__[kind][name] = val


_MISSING = object()


def functional_call(module, parameter_and_buffer_dicts, args=None, kwargs=None, *,
                    tie_weights: bool = True, strict: bool = False):
    """module(*args, **kwargs) with its parameters and buffers taken from the given dict(s)."""
    dicts = parameter_and_buffer_dicts
    if isinstance(dicts, dict):
        values = dict(dicts)
    else:
        values = {}
        for d in dicts:
            for k, v in d.items():
                if k in values:
                    raise ValueError(f"{k} appeared in multiple dictionaries; behavior of "
                                     "functional call is ambiguous")
                values[k] = v
    if args is None:
        args = ()
    elif not isinstance(args, tuple):
        args = (args,)
    with _swapped(module, values, tie_weights, strict):
        return module(*args, **(kwargs or {}))


# ------------------------------------------------------------------ vmap

def vmap(func, in_dims=0, out_dims=0, randomness="error", *, chunk_size=None):
    """func mapped over a dimension of its inputs: run once per batch element, results
    stacked along out_dims (see the module docstring)."""
    from . import select, stack

    def wrapper(*args, **kwargs):
        dims = in_dims if isinstance(in_dims, (tuple, list)) else (in_dims,) * len(args)
        if len(dims) != len(args):
            raise ValueError(f"vmap(func, in_dims={in_dims}, ...)(<inputs>): in_dims is not "
                             f"compatible with the structure of `inputs`. in_dims has structure "
                             f"of length {len(dims)} but inputs has length {len(args)}.")
        size = None
        for a, d in zip(args, dims):
            for x in _leaves(a):
                if d is None:
                    continue
                n = x.shape[d]
                if size is not None and n != size:
                    raise ValueError("vmap: Expected all tensors to have the same size in the "
                                     f"mapped dimension, got sizes {size} and {n}")
                size = n
        if size is None:
            raise ValueError("vmap(func)(<inputs>): at least one input must be a Tensor mapped "
                             "over a dimension (in_dims not None)")
        results = []
        for i in range(size):
            sl = [a if d is None else _map(lambda x, d=d: select(x, d, i), a)
                  for a, d in zip(args, dims)]
            results.append(func(*sl, **kwargs))
        first = results[0]
        if isinstance(out_dims, (tuple, list)):
            if not isinstance(first, tuple) or len(first) != len(out_dims):
                raise ValueError(f"vmap(func, ..., out_dims={out_dims})(<inputs>): out_dims is "
                                 "not compatible with the structure of `outputs`.")
            odims = [d for r, d in zip(first, out_dims) for _ in _leaves(r)]
        else:
            odims = [out_dims] * len(_leaves(first))
        flat = [_leaves(r) for r in results]
        stacked = [stack([f[j] for f in flat], dim=d) for j, d in enumerate(odims)]
        return _rebuild(first, stacked)

    return wrapper


def __getattr__(name: str):
    raise _unsupported("torch.func", name)
