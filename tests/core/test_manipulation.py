"""Manipulation ops on every backend against the numpy backend, their gradients, the
composites against NumPy / torch themselves, and the canonical errors."""
import numpy as np
import pytest
from hypothesis import given, note, reject, strategies as st
from hypothesis.extra import numpy as hnp

import unify
import unify.core as C
from unify.core.dispatch import OPS

from harness import (ALL, BOOL, COMPLEX, F64, FLOATS, HALF, SIGNED, UNSIGNED, Out, Spec,
                     _cotangent, _engine_grads, _fd_grads, _flat_float_outputs, _to_backend, _to_numpy,
                     _torch_grads, arrays, check_grad, check_spec, run, shapes)

# ---------------------------------------------------------------- strategies


def _neg(draw, a, n):
    """Axis a (0..n-1), sometimes spelled negatively."""
    return a - n if draw(st.booleans()) else a


def with_array(make, **akw):
    """args(dtype): draw an array x, then make(draw, x, dt) -> (args, kwargs)."""
    @st.composite
    def strat(draw, dt):
        x = draw(arrays(dt, **akw))
        return make(draw, x, dt)
    return strat


@st.composite
def _axis(draw, nd):
    return draw(st.integers(-nd, nd - 1))


@st.composite
def _axes(draw, nd, min_size=0):
    axes = draw(st.lists(st.integers(0, nd - 1), min_size=min_size, max_size=nd, unique=True)) if nd else []
    return tuple(_neg(draw, a, nd) for a in axes)


def _divisors(n):
    return [d for d in range(1, n + 1) if n % d == 0]


@st.composite
def _factorization(draw, size, max_parts=3, minus_one=True):
    """A shape with `size` elements (one entry maybe -1)."""
    if size == 0:
        return tuple(draw(st.lists(st.integers(0, 3), min_size=1, max_size=max_parts).filter(lambda s: 0 in s)))
    dims, rest = [], size
    for _ in range(draw(st.integers(0, max_parts - 1))):
        d = draw(st.sampled_from(_divisors(rest)))
        dims.append(d)
        rest //= d
    dims.append(rest)
    dims = draw(st.permutations(dims))
    if minus_one and draw(st.booleans()):
        dims[draw(st.integers(0, len(dims) - 1))] = -1
    return tuple(dims)


# dtypes that may be mixed into a concat/stack with dtype dt (promotion within a kind)
def _mates(dt):
    k = dt.kind
    if k == "b":
        return (dt,)
    if k == "i":
        return (dt, dt) + SIGNED + BOOL + tuple(np.dtype(t) for t in ("uint8", "uint16", "uint32"))
    if k == "u":
        return (dt, dt) + UNSIGNED + BOOL
    if k == "f":
        return (dt, dt) + FLOATS + HALF
    return (dt, dt) + COMPLEX + FLOATS


TARGETS = (C.bool, C.int8, C.int16, C.int32, C.int64, C.uint8, C.uint16, C.uint32, C.uint64, C.float16,
           C.float32, C.float64, C.complex64, C.complex128)


def astype_args(targets=TARGETS):
    def make(dt):
        # values stay inside the target's range (float -> int of out-of-range values is undefined)
        return st.sampled_from(targets).flatmap(
            lambda t: arrays(dt, lo=0 if t.kind == "u" else None).map(lambda a: ((a, t), {})))
    return make


def reshape_args(dt):
    return arrays(dt, max_dims=4).flatmap(
        lambda x: _factorization(x.size, minus_one=x.size > 0).map(lambda s: ((x, s), {})))


@st.composite
def _bcast_target(draw, s):
    pre = tuple(draw(st.lists(st.integers(0, 3), max_size=2)))
    return pre + tuple(draw(st.integers(0, 3)) if d == 1 else d for d in s)


def broadcast_to_args(dt):
    return arrays(dt).flatmap(lambda x: _bcast_target(x.shape).map(lambda s: ((x, s), {})))


def _expand_dims(draw, x, dt):
    nd = x.ndim
    if draw(st.booleans()):
        return (x,), {"axis": draw(st.integers(-(nd + 1), nd))}
    k = draw(st.integers(1, 2))
    n = nd + k
    axes = draw(st.lists(st.integers(0, n - 1), min_size=k, max_size=k, unique=True))
    return (x,), {"axis": tuple(_neg(draw, a, n) for a in axes)}


def _squeeze(draw, x, dt):
    ones = [i for i, s in enumerate(x.shape) if s == 1]
    if ones and draw(st.booleans()):
        return (x,), {"axis": _neg(draw, draw(st.sampled_from(ones)), x.ndim)}
    sub = draw(st.lists(st.sampled_from(ones), unique=True)) if ones else []
    return (x,), {"axis": tuple(_neg(draw, a, x.ndim) for a in sub)}


def _permute(draw, x, dt):
    return (x, tuple(draw(st.permutations(range(x.ndim))))), {}


@st.composite
def _join(draw, dt, vary=True, axis_none=False, extra_axis=0, min_dims=1, max_dims=3, k=(1, 3)):
    """A list of arrays for concat/stack: same shape except along a drawn axis."""
    mates = _mates(dt)
    n = draw(st.integers(*k))
    if axis_none and draw(st.integers(0, 3)) == 0:
        arrs = [draw(arrays(draw(st.sampled_from(mates)), max_dims=2)) for _ in range(n)]
        return ([arrs], {"axis": None})
    nd = draw(st.integers(min_dims, max_dims))
    base = list(draw(shapes(min_dims=nd, max_dims=nd, max_side=3)))
    ax = draw(st.integers(-nd - extra_axis, nd - 1 + extra_axis))
    arrs = []
    for _ in range(n):
        s = list(base)
        if vary:
            s[ax] = draw(st.integers(0, 3))
        arrs.append(draw(arrays(draw(st.sampled_from(mates)), shape=tuple(s))))
    return ([arrs], {"axis": ax})


def concat_args(dt):
    return _join(dt, axis_none=True)


def stack_args(dt):
    return _join(dt, vary=False, extra_axis=1, min_dims=0)


def broadcast_arrays_args(k=(1, 3)):
    def make(dt):
        return st.integers(*k).flatmap(lambda n: hnp.mutually_broadcastable_shapes(
            num_shapes=n, max_dims=3, max_side=3)).flatmap(
            lambda s: st.tuples(*[arrays(dt, shape=sh) for sh in s.input_shapes])).map(lambda t: (t, {}))
    return make


def broadcast_shapes_args(dt):
    def pack(s):
        return tuple(sh[0] if len(sh) == 1 and sh[0] != 1 else sh for sh in s.input_shapes)
    return st.integers(1, 3).flatmap(lambda n: hnp.mutually_broadcastable_shapes(
        num_shapes=n, max_dims=3, max_side=4)).map(lambda s: (pack(s), {}))


def _flip(draw, x, dt):
    kind = draw(st.sampled_from(["none", "int", "tuple"] if x.ndim else ["none", "tuple"]))
    if kind == "none":
        return (x,), {"axis": None} if draw(st.booleans()) else {}
    if kind == "int":
        return (x,), {"axis": draw(_axis(x.ndim))}
    return (x,), {"axis": draw(_axes(x.ndim))}


def _roll(draw, x, dt):
    sh = st.integers(-6, 6)
    nd = x.ndim
    kind = draw(st.sampled_from(["none", "int", "tuple"] if nd else ["none"]))
    if kind == "none":
        return (x,), {"shift": draw(sh | st.tuples(sh, sh))}
    if kind == "int":
        return (x,), {"shift": draw(sh | st.tuples(sh, sh)), "axis": draw(_axis(nd))}
    axis = tuple(draw(st.lists(_axis(nd), min_size=1, max_size=3)))
    shift = draw(sh | st.tuples(*[sh] * len(axis)))
    return (x,), {"shift": shift, "axis": axis}


def _repeat(draw, x, dt):
    kw = {}
    axis = None
    if x.ndim and draw(st.booleans()):
        axis = kw["axis"] = draw(_axis(x.ndim))
    n = x.size if axis is None else x.shape[axis]
    kind = draw(st.sampled_from(["int", "one", "array"]))
    if kind == "int":
        reps = draw(st.integers(0, 3))
    elif kind == "one":
        reps = np.array([draw(st.integers(0, 3))], dtype=np.int64)
    else:
        reps = np.array(draw(st.lists(st.integers(0, 3), min_size=n, max_size=n)), dtype=np.int64)
    return (x, reps), kw


def _tile(draw, x, dt):
    if draw(st.integers(0, 3)) == 0:
        return (x, draw(st.integers(0, 3))), {}
    return (x, tuple(draw(st.lists(st.integers(0, 3), max_size=4)))), {}


def _unstack(draw, x, dt):
    return (x,), {"axis": draw(_axis(x.ndim))} if draw(st.booleans()) else {}


def _moveaxis(draw, x, dt):
    nd = x.ndim
    if draw(st.booleans()):
        return (x, draw(_axis(nd)), draw(_axis(nd))), {}
    k = draw(st.integers(0, nd))
    src = draw(st.lists(st.integers(0, nd - 1), min_size=k, max_size=k, unique=True))
    dst = draw(st.lists(st.integers(0, nd - 1), min_size=k, max_size=k, unique=True))
    return (x, tuple(_neg(draw, a, nd) for a in src), tuple(_neg(draw, a, nd) for a in dst)), {}


def _swapaxes(draw, x, dt):
    return (x, draw(_axis(x.ndim)), draw(_axis(x.ndim))), {}


def _split(draw, x, dt):
    ax = draw(_axis(x.ndim))
    n = x.shape[ax]
    kw = {"axis": ax} if ax or draw(st.booleans()) else {}
    if draw(st.booleans()):
        return (x, draw(st.sampled_from(_divisors(n) if n else [1, 2, 3]))), kw
    return (x, sorted(draw(st.lists(st.integers(0, n), max_size=3)))), kw


def _array_split(draw, x, dt):
    ax = draw(_axis(x.ndim))
    n = x.shape[ax]
    kw = {"axis": ax} if ax or draw(st.booleans()) else {}
    if draw(st.booleans()):
        return (x, draw(st.integers(1, 5))), kw
    return (x, draw(st.lists(st.integers(-n - 2, n + 2), max_size=3))), kw


def _flatten(draw, x, dt):
    nd = max(x.ndim, 1)
    a, b = sorted(draw(st.lists(st.integers(0, nd - 1), min_size=2, max_size=2)))
    kw = {}
    if a or draw(st.booleans()):
        kw["start_axis"] = _neg(draw, a, nd)
    if b != nd - 1 or draw(st.booleans()):
        kw["end_axis"] = _neg(draw, b, nd)
    return (x,), kw


def _unflatten(draw, x, dt):
    ax = draw(_axis(x.ndim))
    n = x.shape[ax]
    return (x, ax, draw(_factorization(n, minus_one=n > 0))), {}


def _rot90(draw, x, dt):
    nd = x.ndim
    a0, a1 = draw(st.lists(st.integers(0, nd - 1), min_size=2, max_size=2, unique=True))
    kw = {}
    if draw(st.booleans()):
        kw["k"] = draw(st.integers(-5, 5))
    if draw(st.booleans()) or (a0, a1) != (0, 1):
        kw["axes"] = (_neg(draw, a0, nd), _neg(draw, a1, nd))
    return (x,), kw


@st.composite
def _stacked(draw, dt, rule):
    """Arrays for hstack/vstack/dstack/column_stack: rule(nd) -> axis that may vary (None: none)."""
    mates = _mates(dt)
    nd = draw(st.integers(0, 3))
    base = list(draw(shapes(min_dims=nd, max_dims=nd, max_side=3)))
    ax = rule(nd)
    arrs = []
    for _ in range(draw(st.integers(1, 3))):
        s = list(base)
        if ax is not None:
            s[ax] = draw(st.integers(0, 3))
        arrs.append(draw(arrays(draw(st.sampled_from(mates)), shape=tuple(s))))
    return ([arrs], {})


def stacked(rule):
    return lambda dt: _stacked(dt, rule)


def _diag(draw, x, dt):
    return (x,), {"k": draw(st.integers(-4, 4))} if draw(st.booleans()) else {}


def _diagonal(draw, x, dt):
    nd = x.ndim
    a1, a2 = draw(st.lists(st.integers(0, nd - 1), min_size=2, max_size=2, unique=True))
    kw = {"offset": draw(st.integers(-4, 4))}
    if draw(st.booleans()) or (a1, a2) != (0, 1):
        kw.update(axis1=_neg(draw, a1, nd), axis2=_neg(draw, a2, nd))
    return (x,), kw


def _diag_embed(draw, x, dt):
    n = x.ndim + 1
    d1, d2 = draw(st.lists(st.integers(0, n - 1), min_size=2, max_size=2, unique=True))
    kw = {"offset": draw(st.integers(-3, 3))}
    if draw(st.booleans()) or (d1, d2) != (n - 2, n - 1):
        kw.update(dim1=_neg(draw, d1, n), dim2=_neg(draw, d2, n))
    return (x,), kw


def _narrow(draw, x, dt):
    ax = draw(_axis(x.ndim))
    n = x.shape[ax]
    start = draw(st.integers(0, n))
    length = draw(st.integers(0, n - start))
    return (x, ax, _neg(draw, start, n) if start < n else start, length), {}


def _plain(draw, x, dt):
    return (x,), {}


A = with_array

SPECS = {
    "astype": Spec(astype_args(), ALL, grad=(0,), grad_args=astype_args((C.float64, C.complex128))),
    "reshape": Spec(reshape_args, ALL, grad=(0,)),
    "broadcast_to": Spec(broadcast_to_args, ALL, grad=(0,)),
    "expand_dims": Spec(A(_expand_dims), ALL, grad=(0,)),
    "squeeze": Spec(A(_squeeze, max_side=2, max_dims=4), ALL, grad=(0,)),
    "permute_dims": Spec(A(_permute, max_dims=4), ALL, grad=(0,)),
    # list arguments: gradients in LIST_GRADS below
    "concat": Spec(concat_args, ALL),
    "stack": Spec(stack_args, ALL),
    "broadcast_arrays": Spec(broadcast_arrays_args(), ALL, grad=(0, 1),
                             grad_args=broadcast_arrays_args((2, 2))),
    "broadcast_shapes": Spec(broadcast_shapes_args, (F64,)),
    "flip": Spec(A(_flip), ALL, grad=(0,)),
    "roll": Spec(A(_roll), ALL, grad=(0,)),
    "repeat": Spec(A(_repeat), ALL, grad=(0,)),
    "tile": Spec(A(_tile, max_dims=3, max_side=3), ALL, grad=(0,)),
    "unstack": Spec(A(_unstack, min_dims=1), ALL, grad=(0,)),
    "moveaxis": Spec(A(_moveaxis, min_dims=1, max_dims=4), ALL, grad=(0,)),
    "swapaxes": Spec(A(_swapaxes, min_dims=1), ALL, grad=(0,)),
    "split": Spec(A(_split, min_dims=1), ALL, grad=(0,)),
    "array_split": Spec(A(_array_split, min_dims=1), ALL, grad=(0,)),
    "atleast_1d": Spec(A(_plain), ALL, grad=(0,)),
    "atleast_2d": Spec(A(_plain), ALL, grad=(0,)),
    "atleast_3d": Spec(A(_plain, max_dims=4), ALL, grad=(0,)),
    "ravel": Spec(A(_plain), ALL, grad=(0,)),
    "flatten": Spec(A(_flatten, max_dims=4), ALL, grad=(0,)),
    "unflatten": Spec(A(_unflatten, min_dims=1), ALL, grad=(0,)),
    "rot90": Spec(A(_rot90, min_dims=2), ALL, grad=(0,)),
    "hstack": Spec(stacked(lambda nd: 0 if nd == 1 else 1 if nd >= 2 else None), ALL),
    "vstack": Spec(stacked(lambda nd: 0 if nd >= 2 else None), ALL),
    "dstack": Spec(stacked(lambda nd: 2 if nd >= 3 else None), ALL),
    "column_stack": Spec(stacked(lambda nd: 1 if nd >= 2 else None), ALL),
    "diag": Spec(A(_diag, min_dims=1, max_dims=2), ALL, grad=(0,)),
    "diagonal": Spec(A(_diagonal, min_dims=2, max_dims=4), ALL, grad=(0,)),
    "diag_embed": Spec(A(_diag_embed, min_dims=1), ALL, grad=(0,)),
    "copy": Spec(A(_plain), ALL, grad=(0,)),
    "narrow": Spec(A(_narrow, min_dims=1), ALL, grad=(0,)),
}


@pytest.mark.parametrize("name", list(SPECS))
def test_op(name, backend):
    check_spec(name, backend, SPECS[name])


@pytest.mark.parametrize("name", [n for n, s in SPECS.items() if s.grad])
def test_grad(name, backend):
    check_grad(name, backend, SPECS[name])


# ---------------------------------------------------------------- gradients of list arguments
# The harness differentiates positional array arguments; ops taking a list of arrays are
# checked through a wrapper taking the arrays positionally, with the same three-way check.

LIST_GRADS = {
    "concat": concat_args,
    "stack": stack_args,
    "hstack": SPECS["hstack"].args,
    "vstack": SPECS["vstack"].args,
    "dstack": SPECS["dstack"].args,
    "column_stack": SPECS["column_stack"].args,
}


@pytest.mark.parametrize("name", list(LIST_GRADS))
def test_grad_list(name, backend):
    op = OPS[name].func

    def fn(*xs, **kw):
        return op(list(xs), **kw)

    @given(LIST_GRADS[name](F64), st.randoms(use_true_random=False))
    def prop(case, rnd):
        (arrs,), kwargs = case
        args = tuple(np.asarray(a, dtype=np.float64) for a in arrs)
        if not 0 < sum(a.size for a in args) <= 40:
            reject()
        argnums = tuple(range(len(args)))
        with unify.using_backend("numpy"):
            ref_out = _to_numpy(fn(*[_to_backend(a) for a in args], **kwargs))
        rs = np.random.RandomState(rnd.randint(0, 2 ** 31))
        cts = [_cotangent(rs, o) if isinstance(o, Out) else None for o in _flat_float_outputs(ref_out)]
        note(f"args={args!r} kwargs={kwargs!r}")
        got = _engine_grads(backend, fn, args, kwargs, argnums, cts, ref_out)
        fd = _fd_grads(fn, args, kwargs, argnums, cts)
        tg = _torch_grads(fn, args, kwargs, argnums, cts)
        for i, g in enumerate(got):
            assert g.shape == args[i].shape
            np.testing.assert_allclose(g, fd[i], rtol=1e-4, atol=1e-5, err_msg=f"arg {i} vs finite differences")
            if tg is not None:
                np.testing.assert_allclose(g, tg[i], rtol=1e-7, atol=1e-9, err_msg=f"arg {i} vs torch.autograd")

    prop()


def test_grad_mixed_dtypes(backend):
    """Cotangents of promoted inputs come back in each input's dtype (real part for real inputs)."""
    with unify.using_backend(backend):
        a = C.asarray(np.arange(3.0, dtype=np.float32))
        b = C.asarray(np.arange(2.0) + 1j)
        out, vjp = C.vjp(lambda a, b: C.concat([a, b]), a, b)
        assert C.dtype_of(out) is C.complex128
        ga, gb = vjp(C.asarray(np.array([1 + 2j, 3j, 4, 5 - 1j, 6j])))
        assert C.dtype_of(ga) is C.float32 and C.dtype_of(gb) is C.complex128
        np.testing.assert_allclose(C.to_numpy(ga), [1, 0, 4])
        np.testing.assert_allclose(C.to_numpy(gb), [5 - 1j, 6j])


# ---------------------------------------------------------------- the composites against NumPy / torch


def _t(f):
    """A torch function as a reference on NumPy inputs."""
    def ref(x, *args, **kw):
        import torch
        try:
            tx = torch.from_numpy(np.ascontiguousarray(x))
        except TypeError:
            reject()
        return f(tx, *args, **kw).numpy()
    return ref


REFS = {
    "moveaxis": np.moveaxis, "swapaxes": np.swapaxes, "tile": np.tile, "split": np.split,
    "array_split": np.array_split, "atleast_1d": np.atleast_1d, "atleast_2d": np.atleast_2d,
    "atleast_3d": np.atleast_3d, "ravel": np.ravel, "rot90": np.rot90, "hstack": np.hstack,
    "vstack": np.vstack, "dstack": np.dstack, "column_stack": np.column_stack, "diag": np.diag,
    "diagonal": np.diagonal, "broadcast_arrays": np.broadcast_arrays,
    "broadcast_shapes": np.broadcast_shapes, "copy": np.copy, "flip": np.flip, "roll": np.roll,
    "repeat": np.repeat, "unstack": np.unstack, "concat": np.concatenate, "stack": np.stack,
    "flatten": _t(lambda x, start_axis=0, end_axis=-1: x.flatten(start_axis, end_axis)),
    "unflatten": _t(lambda x, axis, sizes: x.unflatten(axis, sizes)),
    "diag_embed": _t(lambda x, offset=0, dim1=-2, dim2=-1: x.diag_embed(offset, dim1, dim2)),
    "narrow": _t(lambda x, axis, start, length: x.narrow(axis, start, length)),
}


def _same(ref, out, path="out"):
    if isinstance(out, Out):
        r = np.asarray(ref)
        assert out.a.dtype == r.dtype, f"{path}: dtype {out.a.dtype} != {r.dtype}"
        np.testing.assert_array_equal(out.a, r, err_msg=path)
    elif isinstance(out, (tuple, list)):
        assert isinstance(ref, (tuple, list)) and len(ref) == len(out), f"{path}: {out!r} vs {ref!r}"
        for i, (r, o) in enumerate(zip(ref, out)):
            _same(r, o, f"{path}[{i}]")
    else:
        assert out == ref, f"{path}: {out!r} != {ref!r}"


@pytest.mark.parametrize("name", list(REFS))
def test_matches_reference(name):
    spec = SPECS[name]

    @given(st.sampled_from(spec.dtypes).flatmap(spec.args))
    def prop(case):
        args, kwargs = case
        note(f"args={args!r} kwargs={kwargs!r}")
        try:
            expected = REFS[name](*args, **kwargs)
        except (ValueError, IndexError, TypeError, RuntimeError):
            reject()
        _same(expected, run("numpy", name, args, kwargs))

    prop()


# ---------------------------------------------------------------- errors


def test_errors_manipulation(backend):
    with unify.using_backend(backend):
        x = C.reshape(C.arange(6, dtype=C.float32), (2, 3))
        y = C.ones((3, 2), dtype=C.float32)
        value_errors = [
            lambda: C.reshape(x, (4,)),
            lambda: C.reshape(x, (-1, 4)),
            lambda: C.concat([x, y]),
            lambda: C.concat([x, y], axis=1),
            lambda: C.stack([x, y]),
            lambda: C.concat([]),
            lambda: C.stack([]),
            lambda: C.concat([C.ones(()), C.ones(())]),
            lambda: C.squeeze(x, 0),
            lambda: C.squeeze(x, (1,)),
            lambda: C.broadcast_to(x, (3, 3)),
            lambda: C.broadcast_shapes((2, 3), (3, 2)),
            lambda: C.broadcast_arrays(x, y),
            lambda: C.permute_dims(x, (0,)),
            lambda: C.permute_dims(x, (0, 0)),
            lambda: C.split(x, 2, axis=1),
            lambda: C.moveaxis(x, (0, 1), 0),
            lambda: C.unflatten(x, 1, (2, 2)),
            lambda: C.tile(x, (-1,)),
            lambda: C.diag(C.ones((2, 2, 2))),
            lambda: C.diagonal(x, axis1=1, axis2=1),
            lambda: C.rot90(x, axes=(0, 0)),
            lambda: C.narrow(x, 1, 1, 3),
            lambda: C.flatten(x, 1, 0),
        ]
        # a bad axis: NumPy raises AxisError (a ValueError and an IndexError); so does the core
        axis_errors = [
            lambda: C.squeeze(x, 2),
            lambda: C.expand_dims(x, axis=3),
            lambda: C.expand_dims(x, axis=(0, 4)),
            lambda: C.concat([x, x], axis=2),
            lambda: C.stack([x, x], axis=3),
            lambda: C.flip(x, axis=2),
            lambda: C.roll(x, 1, axis=2),
            lambda: C.repeat(x, 2, axis=2),
            lambda: C.unstack(x, axis=-3),
            lambda: C.permute_dims(x, (0, 2)),
            lambda: C.moveaxis(x, 2, 0),
            lambda: C.swapaxes(x, 0, 2),
            lambda: C.array_split(x, 2, axis=2),
            lambda: C.diagonal(x, axis1=0, axis2=2),
            lambda: C.flatten(x, 0, 2),
            lambda: C.unflatten(x, 2, (1,)),
            lambda: C.narrow(x, 2, 0, 1),
            lambda: C.diag_embed(x, dim1=0, dim2=3),
        ]
        for i, f in enumerate(value_errors):
            with pytest.raises(ValueError):
                f()
        for i, f in enumerate(axis_errors):
            with pytest.raises(ValueError):
                f()
        with pytest.raises(IndexError):
            C.narrow(x, 1, 4, 0)
        with pytest.raises(TypeError):
            C.astype(x, "not a dtype")


def test_views_and_copies(backend):
    """copy gives a fresh array; split/unstack give lists/tuples."""
    with unify.using_backend(backend):
        x = C.reshape(C.arange(6), (2, 3))
        assert isinstance(C.split(x, 3, axis=1), list)
        assert isinstance(C.array_split(x, 2), list)
        assert isinstance(C.unstack(x), tuple)
        assert isinstance(C.broadcast_arrays(x, x), list)
        assert C.broadcast_shapes() == ()
        c = C.copy(x)
        if backend == "numpy":
            assert c is not x and not np.shares_memory(c, x)
        np.testing.assert_array_equal(C.to_numpy(c), np.arange(6).reshape(2, 3))
