"""Differential test harness: run a core op on a backend and on the numpy backend.

A family test module declares `SPECS = {op name: Spec(...)}`; `check_spec`
draws inputs with Hypothesis (NumPy arrays), runs the op on the numpy backend
(the reference) and on the backend under test, and compares values, canonical
dtypes and shapes. `check_grad` compares the engine's vjp on the backend with
central finite differences (numpy backend, float64) and with torch.autograd
through the torch backend's native ops.
"""
from __future__ import annotations

import json
import math
import os

import numpy as np
import pytest
from hypothesis import given, note, reject, settings, strategies as st
from hypothesis.extra import numpy as hnp

import unify
import unify.core as C
from unify.core.dispatch import OPS

# ---------------------------------------------------------------- backends under test
BACKENDS = ("numpy", "torch", "jax", "tensorflow")
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def require_backend(name):
    """The Backend object; a missing framework fails under CI=true and skips elsewhere."""
    import unify

    try:
        return unify.get_backend(name)
    except ImportError as e:
        if IN_CI:
            pytest.fail(f"backend {name} is missing under CI: {e}")
        pytest.skip(f"backend {name} not installed: {e}")


# ---------------------------------------------------------------- dtypes
NP = {d: np.dtype(d.name) for d in C.dtypes.ALL if d is not C.bfloat16}
BOOL = (np.dtype(bool),)
SIGNED = tuple(np.dtype(t) for t in ("int8", "int16", "int32", "int64"))
UNSIGNED = tuple(np.dtype(t) for t in ("uint8", "uint16", "uint32", "uint64"))
INTS = SIGNED + UNSIGNED
FLOATS = tuple(np.dtype(t) for t in ("float32", "float64"))
HALF = (np.dtype("float16"),)
COMPLEX = tuple(np.dtype(t) for t in ("complex64", "complex128"))
REAL = INTS + FLOATS
NUMERIC = REAL + COMPLEX
ALL = BOOL + NUMERIC
F64 = np.dtype("float64")

# ---------------------------------------------------------------- strategies


def shapes(min_dims=0, max_dims=3, min_side=0, max_side=4):
    return hnp.array_shapes(min_dims=min_dims, max_dims=max_dims, min_side=min_side, max_side=max_side)


def elements(dtype, lo=None, hi=None, nonzero=False):
    dtype = np.dtype(dtype)
    if dtype.kind == "b":
        return st.booleans()
    if dtype.kind in "iu":
        info = np.iinfo(dtype)
        lo = max(info.min, -50 if lo is None else lo)
        hi = min(info.max, 50 if hi is None else hi)
        s = st.integers(lo, hi)
        return s.filter(lambda v: v != 0) if nonzero else s
    width = 32 if dtype.itemsize <= 4 or dtype.kind == "c" and dtype.itemsize == 8 else 64
    lo = -10.0 if lo is None else lo
    hi = 10.0 if hi is None else hi
    # no subnormals: XLA and TF on CPU flush them to zero (documented backend behaviour)
    f = st.floats(lo, hi, width=16 if dtype == np.float16 else width, allow_nan=False,
                  allow_infinity=False, allow_subnormal=False)
    if nonzero:
        f = f.filter(lambda v: abs(v) > 1e-3)
    if dtype.kind == "c":
        return st.builds(complex, f, f)
    return f


def arrays(dtype, shape=None, lo=None, hi=None, nonzero=False, **shape_kw):
    shape = shapes(**shape_kw) if shape is None else shape
    return hnp.arrays(np.dtype(dtype), shape, elements=elements(dtype, lo, hi, nonzero))


def unary(lo=None, hi=None, nonzero=False, **kw):
    """args(dtype) -> strategy of ((x,), {})."""
    return lambda dt: arrays(dt, lo=lo, hi=hi, nonzero=nonzero, **kw).map(lambda a: ((a,), {}))


def binary(lo=None, hi=None, nonzero_rhs=False, **kw):
    """Two arrays of the same dtype with mutually broadcastable shapes."""
    def make(dt):
        return hnp.mutually_broadcastable_shapes(num_shapes=2, max_dims=3, max_side=4).flatmap(
            lambda s: st.tuples(arrays(dt, s.input_shapes[0], lo, hi),
                                arrays(dt, s.input_shapes[1], lo, hi, nonzero_rhs))).map(lambda t: (t, {}))
    return make


def with_kwargs(make, **kw_strategies):
    """Add keyword arguments drawn from strategies to an args(dtype) maker."""
    def made(dt):
        return st.tuples(make(dt), st.fixed_dictionaries(kw_strategies)).map(
            lambda t: (t[0][0], {**t[0][1], **t[1]}))
    return made


class Spec:
    """How to test one op.

    args(np.dtype) -> strategy of (args, kwargs) with NumPy arrays for arrays.
    dtypes: the dtypes drawn. grad: positional indices of differentiable args
    (float64 inputs are drawn for the gradient checks). compare: 'values',
    'shape' (random ops: shape and dtype only) or a callable(ref, out).
    """

    def __init__(self, args, dtypes=FLOATS, grad=(), rtol=None, atol=None, compare="values",
                 grad_args=None, torch_grad=True):
        self.args = args
        self.dtypes = tuple(np.dtype(d) for d in dtypes)
        self.grad = tuple(grad)
        self.rtol, self.atol = rtol, atol
        self.compare = compare
        self.grad_args = grad_args or args
        self.torch_grad = torch_grad


# ---------------------------------------------------------------- running


def _to_backend(v):
    if isinstance(v, np.ndarray):
        return C.asarray(v)
    if isinstance(v, (tuple, list)) and any(isinstance(e, np.ndarray) for e in v):
        return type(v)(_to_backend(e) for e in v)
    return v


class Out:
    """An op's array output, converted: NumPy values and the canonical dtype."""

    __slots__ = ("a", "dtype")

    def __init__(self, a, dtype):
        self.a, self.dtype = a, dtype

    def __repr__(self):
        return f"Out({self.a!r}, {self.dtype})"


def _to_numpy(v):
    if isinstance(v, tuple) and hasattr(v, "_fields"):
        return tuple(_to_numpy(e) for e in v)
    if isinstance(v, (tuple, list)):
        return type(v)(_to_numpy(e) for e in v)
    if C.is_array(v):
        return Out(np.asarray(C.to_numpy(v)), C.dtype_of(v))
    if isinstance(v, np.ndarray):
        return Out(v, C.dtypes.BY_NAME[v.dtype.name])
    return v


def run(backend, name, args, kwargs):
    """Run op `name` on `backend`; outputs as (numpy array, canonical dtype) pairs."""
    with unify.using_backend(backend):
        a = tuple(_to_backend(v) for v in args)
        kw = {k: _to_backend(v) for k, v in kwargs.items()}
        return _to_numpy(OPS[name].func(*a, **kw))


def tolerance(dtype, spec=None):
    name = getattr(dtype, "name", str(dtype))
    rtol, atol = {
        "float16": (2e-2, 2e-2), "bfloat16": (5e-2, 5e-2), "float32": (3e-5, 1e-5),
        "complex64": (3e-5, 1e-5), "float64": (1e-9, 1e-11), "complex128": (1e-9, 1e-11),
    }.get(name, (0, 0))
    if spec is not None:
        rtol = spec.rtol if spec.rtol is not None else rtol
        atol = spec.atol if spec.atol is not None else atol
    return rtol, atol


def compare(ref, out, spec, path="out"):
    if isinstance(ref, Out):
        assert isinstance(out, Out), f"{path}: expected an array, got {out!r}"
        r, rd, o, od = ref.a, ref.dtype, out.a, out.dtype
        assert od is rd, f"{path}: dtype {od} != reference {rd}"
        assert o.shape == r.shape, f"{path}: shape {o.shape} != reference {r.shape}"
        if spec.compare == "shape":
            return
        if callable(spec.compare):
            spec.compare(r, o)
            return
        if rd.kind in "biu":
            np.testing.assert_array_equal(o, r, err_msg=path)
        else:
            rtol, atol = tolerance(rd, spec)
            scale = float(np.max(np.abs(r))) if r.size and np.all(np.isfinite(r)) else 1.0
            np.testing.assert_allclose(o.astype(np.complex128 if rd.kind == "c" else np.float64),
                                       r.astype(np.complex128 if rd.kind == "c" else np.float64),
                                       rtol=rtol, atol=atol * max(1.0, scale), equal_nan=True,
                                       err_msg=path)
        return
    if isinstance(ref, (tuple, list)):
        assert isinstance(out, (tuple, list)) and len(out) == len(ref), f"{path}: {out!r} vs {ref!r}"
        for i, (r, o) in enumerate(zip(ref, out)):
            compare(r, o, spec, f"{path}[{i}]")
        return
    assert out == ref or (isinstance(ref, float) and math.isclose(out, ref, rel_tol=1e-6)), \
        f"{path}: {out!r} != {ref!r}"


_UNSUPPORTED_LOG = os.path.join(os.path.dirname(__file__), "..", "results", "unsupported.jsonl")


def _log_unsupported(name, backend, dtype, msg):
    os.makedirs(os.path.dirname(_UNSUPPORTED_LOG), exist_ok=True)
    with open(_UNSUPPORTED_LOG, "a") as f:
        f.write(json.dumps({"op": name, "backend": backend, "dtype": str(dtype), "msg": msg[:200]}) + "\n")


def check_spec(name, backend, spec):
    """Property test: op `name` on `backend` matches the numpy backend."""
    strategy = st.sampled_from(spec.dtypes).flatmap(lambda dt: st.tuples(st.just(dt), spec.args(dt)))

    @given(strategy)
    def prop(case):
        dt, (args, kwargs) = case
        note(f"dtype={dt} args={args!r} kwargs={kwargs!r}")
        try:
            ref = run("numpy", name, args, kwargs)
        except (ValueError, TypeError, IndexError, ZeroDivisionError, OverflowError, FloatingPointError,
                np.linalg.LinAlgError):
            reject()
        if backend == "numpy":
            return
        try:
            out = run(backend, name, args, kwargs)
        except TypeError as e:
            if f"not supported by the {backend} backend" in str(e):
                _log_unsupported(name, backend, dt, str(e))
                return
            raise
        compare(ref, out, spec)

    prop()


# ---------------------------------------------------------------- gradients


def _flat_float_outputs(v):
    if isinstance(v, (tuple, list)):
        out = []
        for e in v:
            out += _flat_float_outputs(e)
        return out
    return [v]


def check_grad(name, backend, spec, max_elems=40):
    """vjp on `backend` vs finite differences (numpy backend) and torch.autograd."""
    fn = OPS[name].func

    @given(spec.grad_args(F64), st.randoms(use_true_random=False))
    def prop(case, rnd):
        args, kwargs = case
        sizes = sum(np.asarray(args[i]).size for i in spec.grad)
        if sizes == 0 or sizes > max_elems:
            reject()
        try:
            ref_out = run("numpy", name, args, kwargs)
        except (ValueError, TypeError, IndexError, np.linalg.LinAlgError):
            reject()
        rs = np.random.RandomState(rnd.randint(0, 2 ** 31))
        outs = _flat_float_outputs(ref_out)
        cts = [_cotangent(rs, o) if isinstance(o, Out) and o.dtype.kind in "fc" else None for o in outs]
        if all(c is None for c in cts):
            reject()
        note(f"args={args!r} kwargs={kwargs!r} cts={cts!r}")
        got = _engine_grads(backend, fn, args, kwargs, spec.grad, cts, ref_out)
        fd = _fd_grads(fn, args, kwargs, spec.grad, cts)
        for i, g, f in zip(spec.grad, got, fd):
            np.testing.assert_allclose(g, f, rtol=1e-4, atol=1e-5 * max(1.0, float(np.max(np.abs(f))) if f.size else 1.0),
                                       err_msg=f"grad of arg {i} vs finite differences")
        if spec.torch_grad:
            tg = _torch_grads(fn, args, kwargs, spec.grad, cts)
            if tg is not None:
                for i, g, t in zip(spec.grad, got, tg):
                    np.testing.assert_allclose(g, t, rtol=1e-7, atol=1e-9,
                                               err_msg=f"grad of arg {i} vs torch.autograd")

    prop()


def _cotangent(rs, o):
    c = rs.standard_normal(o.a.shape)
    if o.dtype.kind == "c":
        c = c + 1j * rs.standard_normal(o.a.shape)
    return c.astype(o.a.dtype)


def _structure(ref_out, cts):
    """Rebuild a cotangent with the structure of the op's output."""
    it = iter(cts)

    def build(v):
        if isinstance(v, list):
            return [build(e) for e in v]
        if isinstance(v, tuple):
            return tuple(build(e) for e in v)
        c = next(it)
        return None if c is None else C.asarray(c)
    return build(ref_out)


def _engine_grads(backend, fn, args, kwargs, argnums, cts, ref_out):
    with unify.using_backend(backend):
        a = [_to_backend(v) for v in args]
        kw = {k: _to_backend(v) for k, v in kwargs.items()}

        def f(*xs):
            full = list(a)
            for i, x in zip(argnums, xs):
                full[i] = x
            return fn(*full, **kw)

        out, vjp_fn = C.vjp(f, *[a[i] for i in argnums])
        ct = _structure(ref_out, cts)
        if isinstance(ct, (tuple, list)):
            ct = type(ct)(C.zeros_like(o) if c is None else c for c, o in zip(ct, out))
        grads = vjp_fn(ct)
        return [np.asarray(C.to_numpy(g)) for g in grads]


def _scalar_objective(fn, args, kwargs, argnums, cts):
    def obj(vals):
        full = list(args)
        for i, v in zip(argnums, vals):
            full[i] = v
        with unify.using_backend("numpy"):
            out = fn(*[_to_backend(v) for v in full], **kwargs)
        outs = _flat_float_outputs(out)
        total = 0.0
        for o, c in zip(outs, cts):
            if c is not None:
                total += float(np.real(np.sum(np.asarray(o) * np.conj(c))))
        return total
    return obj


def _fd_grads(fn, args, kwargs, argnums, cts, eps=1e-6):
    obj = _scalar_objective(fn, args, kwargs, argnums, cts)
    base = [np.array(args[i], dtype=np.float64) for i in argnums]
    grads = []
    for k, x in enumerate(base):
        g = np.zeros_like(x)
        for idx in np.ndindex(x.shape):
            vals = [b.copy() for b in base]
            vals[k][idx] += eps
            up = obj(vals)
            vals[k][idx] -= 2 * eps
            down = obj(vals)
            g[idx] = (up - down) / (2 * eps)
        grads.append(g)
    return grads


def _torch_grads(fn, args, kwargs, argnums, cts):
    """Gradients from torch.autograd, through the torch backend's native ops."""
    try:
        import torch
    except ImportError:
        return None
    with unify.using_backend("torch"):
        full = [_to_backend(v) for v in args]
        leaves = []
        for i in argnums:
            full[i] = full[i].detach().clone().requires_grad_(True)
            leaves.append(full[i])
        kw = {k: _to_backend(v) for k, v in kwargs.items()}
        try:
            out = fn(*full, **kw)
        except Exception:
            return None
        outs = _flat_float_outputs(out)
        total = 0
        for o, c in zip(outs, cts):
            if c is not None and isinstance(o, torch.Tensor) and o.requires_grad:
                total = total + (o * torch.from_numpy(np.asarray(np.conj(c)))).real.sum()
        if not isinstance(total, torch.Tensor):
            return None
        gs = torch.autograd.grad(total, leaves, allow_unused=True)
        return [np.zeros(np.shape(args[i])) if g is None or g._is_zerotensor() else g.detach().resolve_conj().numpy()
                for i, g in zip(argnums, gs)]
