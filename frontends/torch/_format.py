"""repr of tensors in torch's style.

The rules torch's printer follows (default print options): floats use 4 decimals, or
scientific notation with 4 decimals when the nonzero finite magnitudes span more than 1000x,
exceed 1e8 or go below 1e-4; all-integer floats print as `1.`; columns are right-aligned to
the widest nonzero finite value; tensors over 1000 elements show 3 edge items per dim; lines
wrap at 80 columns; dtype= is shown unless it is the default float dtype, int64, bool or the
default complex dtype.
"""
from __future__ import annotations

import math

import numpy as np

from ... import core as C
from . import _dtype as T

_PREFIX = "tensor("
_LINEWIDTH = 80
_EDGE = 3
_THRESHOLD = 1000


class _Fmt:
    """Formats one real value as torch does, given all the values printed."""

    def __init__(self, vals, floating):
        self.floating = floating
        self.sci = self.int_mode = False
        self.width = 1
        if not floating:
            for v in vals:
                self.width = max(self.width, len(self._plain(v)))
            return
        fin = vals[np.isfinite(vals)]
        nz = fin[fin != 0]
        if not nz.size:
            self.int_mode = True
            return
        a = np.abs(nz)
        mx, mn = float(a.max()), float(a.min())
        self.int_mode = bool((nz == np.ceil(nz)).all())
        if self.int_mode:
            self.sci = mx / mn > 1000.0 or mx > 1.0e8
        else:
            self.sci = mx / mn > 1000.0 or mx > 1.0e8 or mn < 1.0e-4
        for v in nz:
            self.width = max(self.width, len(self._plain(v)))

    def _plain(self, v):
        if not self.floating:
            return str(v)
        v = float(v)
        if not math.isfinite(v):
            return "nan" if v != v else ("inf" if v > 0 else "-inf")
        if self.sci:
            return f"{v:.4e}"
        if self.int_mode:
            return f"{v:.0f}."
        return f"{v:.4f}"

    def __call__(self, v):
        return self._plain(v).rjust(self.width)


def _values(arr, summarize):
    """The values shown (edge items only when summarizing), flat."""
    if not summarize or arr.ndim == 0:
        return arr.reshape(-1)
    a = arr
    for d in range(arr.ndim):
        if a.shape[d] > 2 * _EDGE:
            a = np.concatenate([np.take(a, range(_EDGE), axis=d),
                                np.take(a, range(a.shape[d] - _EDGE, a.shape[d]), axis=d)], axis=d)
    return a.reshape(-1)


def _element(fmt, v):
    if fmt[0] == "c":
        re, im = fmt[1], fmt[2]
        r = re._plain(v.real)
        i = im._plain(v.imag) + "j"
        return r + i if i[0] in "+-" else r + "+" + i
    return fmt[1](v)


def _width(fmt):
    if fmt[0] == "c":
        return fmt[1].width + fmt[2].width + 2
    return fmt[1].width


def _nd(a, fmt, depth, summarize):
    indent = len(_PREFIX) + depth
    if a.ndim == 1:
        n = a.shape[0]
        if summarize and n > 2 * _EDGE:
            items = [_element(fmt, v) for v in a[:_EDGE]] + [" ..."] + \
                    [_element(fmt, v) for v in a[n - _EDGE:]]
        else:
            items = [_element(fmt, v) for v in a]
        per_line = max(1, (_LINEWIDTH - indent + 1) // (_width(fmt) + 2))
        lines = [", ".join(items[i:i + per_line]) for i in range(0, len(items), per_line)]
        return "[" + (",\n" + " " * indent).join(lines) + "]"
    n = a.shape[0]
    if summarize and n > 2 * _EDGE:
        subs = [_nd(a[i], fmt, depth + 1, summarize) for i in range(_EDGE)] + ["..."] + \
               [_nd(a[i], fmt, depth + 1, summarize) for i in range(n - _EDGE, n)]
    else:
        subs = [_nd(a[i], fmt, depth + 1, summarize) for i in range(n)]
    sep = "," + "\n" * (a.ndim - 1) + " " * indent
    return "[" + sep.join(subs) + "]"


def tensor_repr(t) -> str:
    d = t.dtype
    arr = C.to_numpy(t._value())
    if d in (T.bfloat16,) or arr.dtype.kind == "V":
        arr = arr.astype(np.float32)
    extra = []
    if arr.size == 0:
        body = "[]"
        if arr.ndim != 1:
            extra.append(f"size={tuple(arr.shape)}")
    else:
        summarize = arr.size > _THRESHOLD
        vals = _values(arr, summarize)
        if d.is_complex:
            fmt = ("c", _Fmt(vals.real.astype(np.float64), True), _Fmt(vals.imag.astype(np.float64), True))
        elif d.is_floating_point:
            fmt = ("r", _Fmt(vals.astype(np.float64), True))
        else:
            fmt = ("r", _Fmt(vals.tolist(), False))
        body = _element(fmt, arr.reshape(()).item() if arr.dtype.kind != "c" else arr.reshape(())[()]) \
            if arr.ndim == 0 else _nd(arr, fmt, 1, summarize)
    shown_default = d is T.get_default_dtype() or d is T.int64 or d is T.bool or (
        d.is_complex and d is T.DEFAULT.complex)
    if not shown_default:
        extra.append(f"dtype={d}")
    if t.requires_grad:
        node = t.grad_fn
        extra.append(f"grad_fn=<{node.name()}>" if node is not None else "requires_grad=True")
    return _PREFIX + body + "".join(", " + e for e in extra) + ")"


# torch's names of backward nodes for core ops whose torch name differs (others: CamelCase)
_TORCH_NAMES = {"subtract": "Sub", "multiply": "Mul", "divide": "Div", "negative": "Neg",
                "matmul": "Mm", "getitem": "Select", "index_update": "IndexPut",
                "permute_dims": "Permute", "reshape": "View", "broadcast_to": "Expand",
                "astype": "ToCopy", "power": "Pow", "pow": "Pow", "sum": "Sum", "mean": "Mean"}


def _backward_name(node) -> str:
    """`AddBackward0`-style name of an autograd node (the core op name, torch-cased)."""
    name = str(getattr(node, "name", "") or "")
    base = _TORCH_NAMES.get(name) or "".join(p[:1].upper() + p[1:] for p in name.split("_"))
    return f"{base or 'Unknown'}Backward0"
