"""PyTorch's OpInfo corpus run against the torch frontend: shared by test_opinfo.py (pytest and
its script mode) and scripts/support_torch.py.

For one OpInfo and one unify backend, `run_op` takes the OpInfo's CPU sample inputs (float32,
int64, and bool/complex64 where the OpInfo supports them) and its error inputs, runs each
through real torch (the oracle) and through `unify.frontends.torch` (function, method and
in-place variants, whichever real torch has), and compares results: structure, shapes, dtypes,
values (torch.testing.assert_close, with the OpInfo's own tolerance overrides), the in-place
target after the call, and, where real torch raises, the exception type (ours must be the same
type or a subclass). Random ops (and ops returning uninitialised memory) compare structure,
shapes and dtypes only. The result is (status, reason, detail): status "pass", "fail" or
"nosamples"; reason a short stable text for the known-failure files.

How the frontend callable is found (never by looking at what the frontend happens to have):
  * a torch function: its path in torch (`torch.linalg.det` -> `unify.frontends.torch.linalg.det`),
    from the OpInfo name when that names the same object, else from a scan of torch's public
    namespaces;
  * a Tensor method (`torch.Tensor.add`, `Tensor.__radd__`): `getattr(frontend_tensor, name)`;
  * a lambda or helper defined by the OpInfo corpus (`lambda x, shape: x.view(shape)`,
    `lambda x, n: torch.polygamma(n, x)`): the same code run with its global `torch` bound to
    the frontend module;
  * an aten overload (`torch.ops.aten.slice`): `torch.ops.aten.<name>` on the frontend.
"""
from __future__ import annotations

import collections
import dataclasses
import itertools
import json
import os
import re
import signal
import threading
import time
import types
import warnings

import numpy as np
import torch

import unify
import unify.frontends.torch as ft

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
KNOWN_DIR = os.path.join(HERE, "opinfo_known_failures")
RESULTS = os.path.join(ROOT, "tests", "results", "opinfo.jsonl")
BACKENDS = ("numpy", "torch", "jax", "tensorflow")

MAIN_DTYPES = (torch.float32, torch.int64)
EXTRA_DTYPES = (torch.bool, torch.complex64)
CASE_TIMEOUT_S = int(os.environ.get("UNIFY_OPINFO_TIMEOUT", "60"))  # per call; 0: none

# Ops whose values are random (or uninitialised memory): compared on structure/shape/dtype only.
RANDOM = frozenset({
    "bernoulli", "normal", "normal.in_place", "normal.number_mean", "multinomial", "rand_like",
    "randn_like", "randint_like", "randint", "randn", "rand", "uniform", "cauchy", "exponential",
    "geometric", "log_normal", "nn.functional.fractional_max_pool2d",
    "nn.functional.fractional_max_pool3d", "svd_lowrank", "pca_lowrank", "empty", "empty_like",
    "empty_permuted", "empty_strided",
    "new_empty", "new_empty_strided", "native_dropout_backward",
})


def _arg(s, i, name, default):
    """A sample's argument `name` (positional index i after the input), else default."""
    if name in s.kwargs:
        return s.kwargs[name]
    return s.args[i] if len(s.args) > i else default


def _dropout(training_default):
    return lambda s: bool(_arg(s, 1, "training", training_default)) and _arg(s, 0, "p", 0.5) > 0


# Ops random only for some samples (a nonzero dropout probability while training): those
# samples compare structure/shape/dtype only, the others values too.
RANDOM_SAMPLES = {
    "nn.functional.dropout": _dropout(True), "nn.functional.dropout2d": _dropout(True),
    "nn.functional.dropout3d": _dropout(True), "nn.functional.alpha_dropout": _dropout(False),
    "nn.functional.feature_alpha_dropout.with_train": _dropout(False),
    "nn.functional.rrelu": lambda s: bool(_arg(s, 2, "training", False)),
    "nn.functional.scaled_dot_product_attention": lambda s: _arg(s, 3, "dropout_p", 0.0) > 0,
    "nn.functional.multi_head_attention_forward":
        lambda s: bool(s.kwargs.get("training", True)) and _arg(s, 9, "dropout_p", 0.0) > 0,
}

# Ops returning indices of equal elements in an unspecified order (ties): their index outputs
# are compared by the input values they select (the values output is compared exactly).
TIES = frozenset({"topk", "sort", "argsort", "kthvalue", "mode", "median", "nanmedian"})

# Decompositions unique only up to a sign/phase per vector: {id: {output index: "cols" or
# "rows"}}. linalg.eig/eigvals eigenvalues come in no set order: ours are matched to torch's
# (nearest first) and the eigenvectors permuted alike. Then vectors are aligned to torch's (each scaled by the phase of its inner product
# with torch's vector) before the values are compared; the other outputs compare as usual.
NONUNIQUE = {
    "linalg.eig": {1: "cols"}, "linalg.eigvals": {}, "linalg.eigh": {1: "cols"},
    "linalg.svd": {0: "cols", 2: "rows"}, "svd": {0: "cols", 2: "cols"},
    "linalg.qr": {0: "cols", 1: "rows"}, "qr": {0: "cols", 1: "rows"},
}

_TORCH_DTYPES = {str(d).split(".")[1]: d for d in (
    torch.bool, torch.uint8, torch.uint16, torch.uint32, torch.uint64, torch.int8, torch.int16,
    torch.int32, torch.int64, torch.float16, torch.bfloat16, torch.float32, torch.float64,
    torch.complex32, torch.complex64, torch.complex128)}


# ------------------------------------------------------------------ the corpus

class Entry:
    """One OpInfo under test: its id, the OpInfo, the dtypes sampled, tolerance overrides."""

    __slots__ = ("id", "op", "dtypes", "tols", "random", "random_sample")

    def __init__(self, op):
        self.id = op.name + ("." + op.variant_test_name if op.variant_test_name else "")
        self.op = op
        supported = op.supported_dtypes("cpu")
        self.dtypes = tuple(d for d in MAIN_DTYPES + EXTRA_DTYPES if d in supported)
        self.tols = _tolerances(op)
        self.random = self.id in RANDOM or op.name in RANDOM
        self.random_sample = RANDOM_SAMPLES.get(self.id)


_ENTRIES = None


def entries():
    """Every OpInfo of op_db that supports float32 or int64 on CPU, in op_db order."""
    global _ENTRIES
    if _ENTRIES is None:
        from torch.testing._internal.common_methods_invocations import op_db

        out = []
        for op in op_db:
            supported = op.supported_dtypes("cpu")
            if torch.float32 in supported or torch.int64 in supported:
                out.append(Entry(op))
        _ENTRIES = {e.id: e for e in out}
    return _ENTRIES


def _tolerances(op):
    """{dtype: (atol, rtol)}: the largest CPU tolerance overrides the OpInfo declares."""
    from torch.testing._internal.common_device_type import precisionOverride, toleranceOverride

    tols = {}
    for info in op.decorators:
        if getattr(info, "device_type", None) not in (None, "cpu"):
            continue
        for dec in getattr(info, "decorators", (info,)):
            if isinstance(dec, toleranceOverride):
                items = ((dt, (t.atol, t.rtol)) for dt, t in dec.d.items())
            elif isinstance(dec, precisionOverride):
                items = ((dt, (a, 0.0)) for dt, a in dec.d.items())
            else:
                continue
            for dt, (a, r) in items:
                old = tols.get(dt, (0.0, 0.0))
                tols[dt] = (max(old[0], a), max(old[1], r))
    return tols


# ------------------------------------------------------------------ real torch side

def _clone(x):
    if isinstance(x, torch.Tensor):
        return x.detach().clone()
    if isinstance(x, list):
        return [_clone(y) for y in x]
    if isinstance(x, tuple) and not hasattr(x, "_fields") and type(x) is tuple:
        return tuple(_clone(y) for y in x)
    if isinstance(x, dict):
        return {k: _clone(v) for k, v in x.items()}
    return x


def _snapshot(x):
    """A real result kept for comparison (tensors copied, structseqs as tuples)."""
    if isinstance(x, torch.Tensor):
        return x.detach().resolve_conj().resolve_neg().clone()
    if isinstance(x, torch.Size):
        return x
    if isinstance(x, (tuple, list)):
        return type(x)(_snapshot(y) for y in x) if type(x) in (tuple, list) else \
            tuple(_snapshot(y) for y in x)
    return x


class Case:
    """One call: (variant, dtype, sample) with real torch's outcome."""

    __slots__ = ("variant", "dtype", "sample", "real_fn", "expect", "error", "self_after", "label",
                 "values")

    def __init__(self, variant, dtype, sample, real_fn, label, values=True):
        self.variant, self.dtype, self.sample, self.real_fn = variant, dtype, sample, real_fn
        self.label, self.values = label, values
        inp, args, kwargs = _clone(sample.input), _clone(sample.args), _clone(sample.kwargs)
        self.error = self.expect = self.self_after = None
        try:
            out = real_fn(inp, *args, **kwargs)
            self.expect = _snapshot(out)
            if variant == "inplace":
                self.self_after = _snapshot(inp)
        except Exception as e:  # noqa: BLE001 - the oracle's exception is the expectation
            self.error = e


def _samples(op, dtype, limit):
    torch.manual_seed(0)
    try:
        gen = op.sample_inputs("cpu", dtype, requires_grad=False)
        return list(gen if limit is None else itertools.islice(gen, limit))
    except Exception:  # noqa: BLE001 - a corpus that cannot build samples for this dtype
        return []


def _error_samples(op, limit):
    if op.error_inputs_func is None:
        return []
    torch.manual_seed(0)
    try:
        gen = op.error_inputs("cpu")
        return [e.sample_input for e in (gen if limit is None else itertools.islice(gen, limit))]
    except Exception:  # noqa: BLE001
        return []


def _variants(op):
    out = [("fn", op.op)]
    if op.method_variant is not None:
        out.append(("method", op.method_variant))
    if op.inplace_variant is not None:
        out.append(("inplace", op.inplace_variant))
    return out


def iter_cases(entry, limit, then_all=False):
    """The cases of one OpInfo, made lazily: up to `limit` samples per dtype (None: all; bool
    and complex64 get a third of it), each through every variant real torch has (with a limit,
    method and in-place variants run on the first sample of each dtype only), then up to
    `limit` error inputs through the function variant. then_all: after those, every other
    case of the full set (the full set, in an order that reaches common failures early)."""
    if then_all and limit is not None:
        seen = set()
        for case in _iter_cases(entry, limit):
            seen.add(case.label)
            yield case
        for case in _iter_cases(entry, None, skip=seen):
            yield case
        return
    yield from _iter_cases(entry, limit)


def _iter_cases(entry, limit, skip=()):
    op = entry.op
    variants = _variants(op)
    rs = entry.random_sample
    for dt in entry.dtypes:
        n = limit if limit is None or dt in MAIN_DTYPES else max(1, limit // 3)
        for i, s in enumerate(_samples(op, dt, n)):
            values = not entry.random
            if values and rs is not None:
                try:
                    values = not rs(s)
                except Exception:  # noqa: BLE001 - an unexpected sample layout: no values
                    values = False
            for kind, fn in variants:
                if kind != "fn" and limit is not None and i > 0:
                    continue
                label = f"{kind} {str(dt)[6:]} sample {i}"
                if label not in skip:
                    yield Case(kind, dt, s, fn, label, values)
    for i, s in enumerate(_error_samples(op, limit)):
        label = f"error input {i}"
        if label not in skip:
            yield Case("fn", None, s, op.op, label, not entry.random)


class _Cases:
    """iter_cases, remembered as far as it has been consumed (shared by the backends)."""

    def __init__(self, entry, limit, then_all=False):
        self.gen, self.done = iter_cases(entry, limit, then_all), []

    def __iter__(self):
        i = 0
        while True:
            if i < len(self.done):
                yield self.done[i]
            elif self.gen is None:
                return
            else:
                try:
                    self.done.append(next(self.gen))
                except StopIteration:
                    self.gen = None
                    return
                yield self.done[i]
            i += 1


_CACHE: "collections.OrderedDict" = collections.OrderedDict()


def cases_for(entry, limit, then_all=False):
    key = (entry.id, limit, then_all)
    if key in _CACHE:
        _CACHE.move_to_end(key)
        return _CACHE[key]
    cases = _CACHE[key] = _Cases(entry, limit, then_all)
    while len(_CACHE) > 4:
        _CACHE.popitem(last=False)
    return cases


# ------------------------------------------------------------------ the frontend side

class Missing(Exception):
    """The frontend lacks an API the OpInfo calls."""


def _paths():
    """{id(obj): 'linalg.det'} for torch's public functions (first namespace wins)."""
    import torch.fft
    import torch.linalg
    import torch.nn.functional
    import torch.special

    out = {}
    mods = [("", torch), ("nn.functional.", torch.nn.functional), ("linalg.", torch.linalg),
            ("fft.", torch.fft), ("special.", torch.special)]
    for extra in ("torch.masked", "torch.signal.windows", "torch.sparse"):
        try:
            mod = __import__(extra, fromlist=["_"])
            mods.append((extra[6:] + ".", mod))
        except ImportError:
            pass
    for prefix, mod in mods:
        for name in dir(mod):
            if name.startswith("__"):
                continue
            obj = getattr(mod, name, None)
            if callable(obj) and not isinstance(obj, type):
                out.setdefault(id(obj), prefix + name)
    return out


_PATHS = None


def _resolve_real(path):
    obj = torch
    for part in path.split("."):
        obj = getattr(obj, part, None)
        if obj is None:
            return None
    return obj


def resolve_ours(path):
    """The frontend object at `path` ('linalg.det'), or raise Missing('torch.linalg.det')."""
    obj = ft
    for part in path.split("."):
        try:
            obj = getattr(obj, part)
        except AttributeError:
            raise Missing("torch." + path) from None
    return obj


def _seeded(fn, *args, **kwargs):
    seed = getattr(ft, "manual_seed", None)
    if seed is not None:
        try:
            seed(42)
        except Exception:  # noqa: BLE001 - seeding is best effort; random ops compare shapes
            pass
    return fn(*args, **kwargs)


_GLOBALS = {}


def _rebound(fn):
    """fn (a lambda/helper of the OpInfo corpus) with its global `torch` bound to the frontend."""
    key = id(fn.__globals__)
    g = _GLOBALS.get(key)
    if g is None:
        g = dict(fn.__globals__)
        g["torch"] = ft
        g["wrapper_set_seed"] = _seeded
        _GLOBALS[key] = g
    return types.FunctionType(fn.__code__, g, fn.__name__, fn.__defaults__, fn.__closure__)


def _method(name, python_defined):
    def call(self, *args, **kwargs):
        if not isinstance(self, ft.Tensor):
            # torch.Tensor.<name>(non_tensor, ...): a Python-defined method runs anyway; a C
            # method descriptor refuses with TypeError
            if python_defined:
                try:
                    unbound = getattr(ft.Tensor, name)
                except AttributeError:
                    raise Missing("Tensor." + name) from None
                return unbound(self, *args, **kwargs)
            raise TypeError(f"descriptor '{name}' for 'Tensor' objects doesn't apply to a "
                            f"'{type(self).__name__}' object")
        try:
            bound = getattr(self, name)
        except AttributeError:
            if isinstance(self, ft.Tensor):
                raise Missing("Tensor." + name) from None
            raise
        return bound(*args, **kwargs)
    return call


def translate(fn, entry):
    """The frontend counterpart of a real torch callable (see the module docstring)."""
    global _PATHS
    name = getattr(fn, "__name__", "")
    if isinstance(fn, types.FunctionType) and (fn.__module__ or "").startswith("torch.testing"):
        return _rebound(fn)
    if name and getattr(torch.Tensor, name, None) is fn:
        return _method(name, isinstance(fn, types.FunctionType))
    if isinstance(fn, (torch._ops.OpOverload, torch._ops.OpOverloadPacket)):
        packet = getattr(fn, "_overloadpacket", fn)
        return _lazy("ops.aten." + packet.__name__)
    op = entry.op
    if _resolve_real(op.name) is fn:
        return _lazy(op.name)
    if _PATHS is None:
        _PATHS = _paths()
    path = _PATHS.get(id(fn))
    if path is not None:
        return _lazy(path)
    return _lazy(op.name)


def _lazy(path):
    def call(*args, **kwargs):
        return resolve_ours(path)(*args, **kwargs)
    call.path = path
    return call


def to_ours(x):
    """A sample-input object (tensors, nested lists/tuples/dicts, dtypes, devices, torch.Size,
    memory formats, scalars) as the frontend's."""
    if isinstance(x, torch.Tensor):
        if x.layout is not torch.strided:
            raise Missing(f"{str(x.layout)[6:]} tensors")
        t = x.detach().resolve_conj().resolve_neg()
        if t.dtype in (torch.bfloat16, torch.complex32):
            arr = t.to(torch.complex64 if t.is_complex() else torch.float32).numpy()
            return ft.tensor(arr).to(resolve_ours(str(t.dtype)[6:]))
        return ft.tensor(np.array(t.numpy()), dtype=resolve_ours(str(t.dtype)[6:]))
    if isinstance(x, torch.Size):
        return ft.Size(x)
    if isinstance(x, (list, tuple)) and type(x) in (list, tuple):
        return type(x)(to_ours(y) for y in x)
    if isinstance(x, dict):
        return {k: to_ours(v) for k, v in x.items()}
    if isinstance(x, torch.dtype):
        return resolve_ours(str(x)[6:])
    if isinstance(x, torch.device):
        return ft.device(str(x))
    if isinstance(x, (torch.memory_format, torch.layout)):
        return resolve_ours(str(x)[6:])
    if x is None or isinstance(x, (bool, int, float, complex, str, slice, type(Ellipsis),
                                   np.ndarray, np.generic, range)):
        return x
    if dataclasses.is_dataclass(x) and type(x).__module__.startswith("torch.nn."):
        cls = resolve_ours("nn." + type(x).__qualname__)  # torch.nn.<Name> options objects
        return cls(**{f.name: to_ours(getattr(x, f.name)) for f in dataclasses.fields(x)})
    raise Missing(f"sample object {type(x).__module__}.{type(x).__qualname__}")


# ------------------------------------------------------------------ comparison

class Mismatch(Exception):
    def __init__(self, kind, detail):
        super().__init__(detail)
        self.kind = kind


def _real_of(t):
    """A frontend tensor's value as a real torch tensor."""
    name = str(t.dtype).split(".")[-1]
    if name == "bfloat16":
        return torch.from_numpy(np.array(t.float().numpy())).to(torch.bfloat16)
    arr = np.array(t.numpy())
    return torch.from_numpy(arr).to(_TORCH_DTYPES[name])


def compare(mine, theirs, tol, values=True, where="result"):
    if isinstance(theirs, torch.Tensor):
        if not isinstance(mine, ft.Tensor):
            raise Mismatch("type", f"{where}: expected a Tensor, got {type(mine).__name__}")
        shape = tuple(mine.shape)
        if shape != tuple(theirs.shape):
            raise Mismatch("shape", f"{where}: shape {shape}, torch {tuple(theirs.shape)}")
        mdt = str(mine.dtype).split(".")[-1]
        tdt = str(theirs.dtype)[6:]
        if mdt != tdt:
            raise Mismatch("dtype", f"{where}: dtype {mdt}, torch {tdt}")
        if not values:
            return
        got = _real_of(mine)
        atol, rtol = tol.get(theirs.dtype, (None, None))
        if atol is not None:
            d_rtol, d_atol = _default_tol(theirs.dtype)
            atol, rtol = max(atol, d_atol), max(rtol, d_rtol)
        try:
            torch.testing.assert_close(got, theirs, atol=atol, rtol=rtol, equal_nan=True,
                                       check_dtype=False)
        except AssertionError as e:
            raise Mismatch("value", f"{where}: " + " ".join(str(e).split("\n")[:4])) from None
    elif isinstance(theirs, torch.Size):
        if not isinstance(mine, (tuple, list)) or tuple(mine) != tuple(theirs):
            raise Mismatch("value", f"{where}: {mine!r}, torch {theirs!r}")
    elif isinstance(theirs, (tuple, list)):
        if not isinstance(mine, (tuple, list)):
            raise Mismatch("type", f"{where}: expected a {type(theirs).__name__}, got "
                                   f"{type(mine).__name__}")
        if len(mine) != len(theirs):
            raise Mismatch("type", f"{where}: {len(mine)} items, torch {len(theirs)}")
        for i, (a, b) in enumerate(zip(mine, theirs)):
            compare(a, b, tol, values, f"{where}[{i}]")
    elif isinstance(theirs, bool):
        if not isinstance(mine, (bool, np.bool_)) or (values and bool(mine) != theirs):
            raise Mismatch("value", f"{where}: {mine!r}, torch {theirs!r}")
    elif isinstance(theirs, (int, float, complex)):
        if isinstance(mine, ft.Tensor) or not isinstance(mine, (int, float, complex, np.number)):
            raise Mismatch("type", f"{where}: expected {type(theirs).__name__}, got "
                                   f"{type(mine).__name__}")
        if isinstance(theirs, float) and isinstance(mine, int) or \
                isinstance(theirs, int) and isinstance(mine, (float, complex)):
            raise Mismatch("type", f"{where}: expected {type(theirs).__name__}, got "
                                   f"{type(mine).__name__}")
        if values and not (mine == theirs or (mine != mine and theirs != theirs)
                           or abs(mine - theirs) <= 1e-5 + 1.3e-6 * abs(theirs)):
            raise Mismatch("value", f"{where}: {mine!r}, torch {theirs!r}")
    elif isinstance(theirs, torch.dtype):
        if str(mine) != str(theirs):
            raise Mismatch("value", f"{where}: {mine}, torch {theirs}")
    elif theirs is None:
        if mine is not None:
            raise Mismatch("type", f"{where}: expected None, got {type(mine).__name__}")
    elif isinstance(theirs, torch.device):
        if str(mine) != str(theirs):
            raise Mismatch("value", f"{where}: {mine}, torch {theirs}")
    elif theirs is NotImplemented or type(mine) is not type(theirs):
        if mine is not theirs:
            raise Mismatch("type", f"{where}: {type(mine).__name__}, torch "
                                   f"{type(theirs).__name__}")
    elif values and mine != theirs:
        raise Mismatch("value", f"{where}: {mine!r}, torch {theirs!r}")


def _default_tol(dt):
    if dt in (torch.float16,):
        return 1e-3, 1e-5
    if dt is torch.bfloat16:
        return 1.6e-2, 1e-5
    if dt in (torch.float32, torch.complex64):
        return 1.3e-6, 1e-5
    if dt in (torch.float64, torch.complex128):
        return 1e-7, 1e-7
    return 0.0, 0.0


# ------------------------------------------------------------------ running one op

_UNSUPPORTED = re.compile(r"^([\w.]+) is not supported")
_NO_ATTR = re.compile(r"(?:type object )?'(\w+)' (?:object )?has no attribute '(\w+)'")


def _missing_name(e):
    if isinstance(e, Missing):
        return str(e)
    if isinstance(e, ft.UnsupportedAPI):
        m = _UNSUPPORTED.match(str(e))
        return m.group(1) if m else str(e).split("(")[0].strip()
    if isinstance(e, AttributeError):
        m = _NO_ATTR.search(str(e))
        if m and m.group(1) in ("Tensor", "module", "Size", "dtype", "device"):
            return f"{m.group(1)}.{m.group(2)}"
    return None


def _short(e, n=90):
    msg = " ".join(str(e).split())
    return f"{type(e).__name__}: {msg[:n]}" + ("..." if len(msg) > n else "")


def run_case(case, fn_ours, entry):
    """None when the frontend agrees with real torch on this case, else (reason, detail)."""
    s = case.sample
    tag = case.label
    try:
        inp, args, kwargs = to_ours(s.input), to_ours(s.args), to_ours(s.kwargs)
    except Missing as e:
        return f"missing: {e}", f"{tag}: converting the sample: {e}"
    except Exception as e:  # noqa: BLE001
        name = _missing_name(e)
        if name:
            return f"missing: {name}", f"{tag}: converting the sample: {e}"
        if case.dtype is None:  # an error input NumPy cannot hold (e.g. > 64 dims): untestable
            return None
        return f"sample conversion: {_short(e, 60)}", f"{tag}: {_short(e, 400)}"
    try:
        out = fn_ours(inp, *args, **kwargs)
    except Exception as e:  # noqa: BLE001
        name = _missing_name(e)
        if name and not (case.error is not None and isinstance(e, type(case.error))):
            return f"missing: {name}", f"{tag}: {_short(e, 300)}"
        if case.error is None:
            return (f"error ({case.variant}): {_short(e, 70)}",
                    f"{tag}: torch returned a result; frontend raised {_short(e, 400)}")
        if not isinstance(e, type(case.error)):
            return (f"exception type ({case.variant}): {type(e).__name__}, torch "
                    f"{type(case.error).__name__}",
                    f"{tag}: torch raised {_short(case.error, 200)}; frontend {_short(e, 300)}")
        return None
    if case.error is not None:
        return (f"no exception ({case.variant}): torch raises {type(case.error).__name__}",
                f"{tag}: torch raised {_short(case.error, 300)}; frontend returned "
                f"{type(out).__name__}")
    try:
        compare(out, case.expect, entry.tols, values=case.values)
        if case.self_after is not None:
            compare(inp, case.self_after, entry.tols, values=case.values, where="self")
    except Mismatch as m:
        if m.kind == "value" and entry.op.name in TIES and _same_selection(case, out, entry):
            return None
        if m.kind == "value" and entry.id in NONUNIQUE and _phase_aligned(case, out, entry):
            return None
        dt = str(case.dtype)[6:] if case.dtype is not None else "error input"
        what = "" if m.kind == "value" else ": " + str(m)[:80]  # value diffs are not stable
        return f"{m.kind} mismatch ({case.variant}, {dt}){what}", f"{tag}: {m}"
    except Exception as e:  # noqa: BLE001 - reading our result failed
        return (f"error ({case.variant}): {_short(e, 70)}",
                f"{tag}: reading the result: {_short(e, 400)}")
    return None


def _same_selection(case, out, entry):
    """For TIES ops: the values agree exactly and our indices pick the same input values
    as torch's along the reduced/sorted dim."""
    src, theirs = case.sample.input, case.expect
    try:
        if isinstance(theirs, torch.Tensor):
            mine_idx, real_idx = out, theirs
        else:
            compare(out[0], theirs[0], entry.tols)
            compare(out[1], theirs[1], entry.tols, values=False)
            mine_idx, real_idx = out[1], theirs[1]
        mine_idx = _real_of(mine_idx)
    except (Mismatch, TypeError, IndexError):
        return False
    if not isinstance(src, torch.Tensor) or src.ndim == 0:
        return False
    for d in range(src.ndim):
        try:
            if real_idx.ndim == src.ndim:
                a, b = src.gather(d, mine_idx), src.gather(d, real_idx)
            else:
                a = src.gather(d, mine_idx.unsqueeze(d)).squeeze(d)
                b = src.gather(d, real_idx.unsqueeze(d)).squeeze(d)
            torch.testing.assert_close(a, b, rtol=0, atol=0, equal_nan=True)
            return True
        except (RuntimeError, IndexError, AssertionError):
            continue
    return False


def _phase_aligned(case, out, entry):
    """For NONUNIQUE ops: equal once each singular/eigen vector is scaled by a unit phase."""
    spec, theirs, src = NONUNIQUE[entry.id], case.expect, case.sample.input
    if not isinstance(src, torch.Tensor) or src.ndim < 2:
        return False
    k = min(src.shape[-2], src.shape[-1])
    try:
        compare(out, theirs, entry.tols, values=False)
        if entry.id in ("linalg.eig", "linalg.eigvals"):
            return _eig_matched(out, theirs, entry)
        for i, b in enumerate(theirs):
            kind = spec.get(i)
            if kind is None or not isinstance(b, torch.Tensor) or b.ndim < 2:
                compare(out[i], b, entry.tols, where=f"result[{i}]")
                continue
            a = _real_of(out[i])
            if kind == "rows":
                a, b = a.mT, b.mT
            a, b = a[..., :k], b[..., :k]
            c = (a.conj() * b).sum(dim=-2, keepdim=True)
            mag = c.abs()
            phase = torch.where(mag > 0, c / torch.where(mag > 0, mag, 1), torch.ones_like(c))
            atol, rtol = entry.tols.get(b.dtype, _default_tol(b.dtype)[::-1])
            torch.testing.assert_close(a * phase, b, atol=max(atol, 1e-4), rtol=max(rtol, 1e-4),
                                       equal_nan=True, check_dtype=False)
        return True
    except (Mismatch, AssertionError, RuntimeError, TypeError, IndexError):
        return False


def _eig_matched(out, theirs, entry):
    single = isinstance(theirs, torch.Tensor)
    w_mine = _real_of(out if single else out[0])
    w = theirs if single else theirs[0]
    n = w.shape[-1]
    flat_m, flat_t = w_mine.reshape(-1, n), w.reshape(-1, n)
    perm = torch.empty(flat_t.shape, dtype=torch.int64)
    for bi in range(flat_t.shape[0]):
        free = list(range(n))
        for j in range(n):
            d = [(flat_m[bi, i] - flat_t[bi, j]).abs().item() for i in free]
            perm[bi, j] = free.pop(d.index(min(d)))
    perm = perm.reshape(w.shape)
    atol, rtol = 1e-4, 1e-4
    torch.testing.assert_close(w_mine.gather(-1, perm), w, atol=atol, rtol=rtol, equal_nan=True)
    if single:
        return True
    v_mine = _real_of(out[1])
    v_mine = v_mine.gather(-1, perm.unsqueeze(-2).expand(v_mine.shape))
    v = theirs[1]
    c = (v_mine.conj() * v).sum(dim=-2, keepdim=True)
    mag = c.abs()
    phase = torch.where(mag > 0, c / torch.where(mag > 0, mag, 1), torch.ones_like(c))
    torch.testing.assert_close(v_mine * phase, v, atol=atol, rtol=rtol, equal_nan=True)
    return True


class _Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise _Timeout()


def run_op(entry, backend, limit, then_all=False):
    """(status, reason, detail, n_cases) for one OpInfo on one backend; stops at the first
    case that disagrees. A case running longer than CASE_TIMEOUT_S fails the op (timeout).
    then_all: the `limit` subset first, then every other case (see iter_cases)."""
    use_alarm = CASE_TIMEOUT_S > 0 and hasattr(signal, "SIGALRM") and \
        threading.current_thread() is threading.main_thread() and \
        signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, None, _alarm)
    if use_alarm:
        signal.signal(signal.SIGALRM, _alarm)
    n = 0
    try:
        with unify.using_backend(backend), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            fns = {}
            for case in cases_for(entry, limit, then_all):
                n += 1
                fn = fns.get(case.variant)
                if fn is None:
                    fn = fns[case.variant] = translate(case.real_fn, entry)
                if use_alarm:
                    signal.alarm(CASE_TIMEOUT_S)
                got = run_case(case, fn, entry)
                if got is not None:
                    return "fail", got[0], got[1], n
    except _Timeout:
        _CACHE.pop((entry.id, limit, then_all), None)  # its case list may have been cut short
        return "fail", f"timeout (a call > {CASE_TIMEOUT_S}s)", f"case {n}", n
    finally:
        if use_alarm:
            signal.alarm(0)
    if n == 0:
        return "nosamples", "no CPU samples for float32/int64", "", 0
    return "pass", "", "", n


# ------------------------------------------------------------------ known failures and results

def known_path(backend):
    return os.path.join(KNOWN_DIR, f"{backend}.txt")


def read_known(backend):
    """{opinfo id: reason} from opinfo_known_failures/<backend>.txt."""
    out = {}
    path = known_path(backend)
    if not os.path.exists(path):
        return out
    with open(path) as f:
        for line in f:
            body, _, reason = line.partition("#")
            body = body.strip()
            if body:
                out[body] = reason.strip()
    return out


_AUTO = ("missing:", "error", "exception type", "no exception", "value mismatch",
         "dtype mismatch", "shape mismatch", "type mismatch", "sample conversion", "timeout")


def write_known(backend, failures):
    """Rewrite <backend>.txt from {id: reason}; a hand-written reason (one that is not of the
    generated kinds) of an id that still fails is kept."""
    old = read_known(backend)
    lines = [
        f"# OpInfo ids that fail on the {backend} backend (tests/frontends/torch/test_opinfo.py).",
        "# Each is xfail(strict=True): an id that starts passing fails the suite until its line",
        "# is removed. Regenerate: python tests/frontends/torch/test_opinfo.py "
        "--update-known-failures",
        "# (a reason that is not one of the generated kinds is kept while the id still fails).",
    ]
    for oid in sorted(failures):
        reason = failures[oid]
        prev = old.get(oid)
        if prev and not prev.startswith(_AUTO):
            reason = prev
        lines.append(f"{oid}  # {reason}")
    os.makedirs(KNOWN_DIR, exist_ok=True)
    with open(known_path(backend), "w") as f:
        f.write("\n".join(lines) + "\n")


def read_results(path=RESULTS):
    """{(id, backend): record} from a jsonl results file (later lines win)."""
    out = {}
    if os.path.exists(path):
        with open(path) as f:
            for line in f:
                line = line.strip()
                if line and not line.startswith("#"):
                    r = json.loads(line)
                    out[r["op"], r["backend"]] = r
    return out


def record(entry, backend, status, reason, detail, n, seconds, cpu_seconds=None):
    """A results row; seconds is wall time, cpu_seconds this process's CPU time."""
    return {"op": entry.id, "backend": backend, "status": status, "reason": reason,
            "detail": detail, "cases": n, "seconds": round(seconds, 3),
            "cpu_seconds": None if cpu_seconds is None else round(cpu_seconds, 3),
            "dtypes": [str(d)[6:] for d in entry.dtypes]}


