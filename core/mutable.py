"""Mutable arrays with views, on every backend (shared by the torch and numpy frontends).

A frontend array is either a *base* (it owns a native value) or a *view*: its root base plus
the chain of view steps that derive its value from the base's value. Reading a view replays
the chain on the base's current value (cached until the base is replaced). Writing through a
view maps the new view value back through the chain (`Step.back`, written in core ops, so it
runs and differentiates on every backend) to a new base value. Every other view of the same
base then sees the write: the observable behaviour of torch and numpy, on jax and tensorflow
too.

On backends with mutable buffers (numpy, torch: `inplace(backend)` is not None) the base's
native array is never replaced while not recording: a write goes natively into the view's
native array when it shares memory with the base, and otherwise the new base value is copied
into the base's memory. Memory shared with the user (`Tensor.numpy()`, `torch.from_numpy`)
stays shared.

Strides: torch and numpy decide *whether* an op is a view from strides (reshape views only when
the strides allow it). The frontends keep logical strides (in elements) per array; the helpers
at the end compute them without touching data, the same on every backend.
"""
from __future__ import annotations

import math

from . import ops as C


class Step:
    """One view op: `apply(x)` gives the view's value; `back(parent, child)` the parent updated
    with the child's new value."""

    __slots__ = ()

    def apply(self, x):  # pragma: no cover - abstract
        raise NotImplementedError

    def back(self, parent, child):  # pragma: no cover - abstract
        raise NotImplementedError


class GetItem(Step):
    """x[key] for a basic key (ints, slices, None, Ellipsis)."""

    __slots__ = ("key",)

    def __init__(self, key):
        self.key = key

    def apply(self, x):
        return C.getitem(x, self.key)

    def back(self, parent, child):
        return C.index_update(parent, self.key, child)


class Permute(Step):
    __slots__ = ("axes", "inverse")

    def __init__(self, axes):
        self.axes = tuple(axes)
        inv = [0] * len(self.axes)
        for i, a in enumerate(self.axes):
            inv[a] = i
        self.inverse = tuple(inv)

    def apply(self, x):
        return C.permute_dims(x, self.axes)

    def back(self, parent, child):
        return C.permute_dims(child, self.inverse)


class Reshape(Step):
    """A reshape that the frontend has decided is a view (see `reshape_strides`)."""

    __slots__ = ("shape",)

    def __init__(self, shape):
        self.shape = tuple(shape)

    def apply(self, x):
        return C.reshape(x, self.shape)

    def back(self, parent, child):
        return C.reshape(child, C.shape(parent))


class Expand(Step):
    """broadcast_to. Writing back: each base element takes the value of a copy that the write
    changed (all copies share that element, as in torch); frontends refuse writes that would
    store several values in one element, as torch does."""

    __slots__ = ("shape",)

    def __init__(self, shape):
        self.shape = tuple(shape)

    def apply(self, x):
        return C.broadcast_to(x, self.shape)

    def back(self, parent, child):
        pshape = C.shape(parent)
        lead = len(self.shape) - len(pshape)
        old = C.broadcast_to(parent, self.shape)
        changed = C.not_equal(child, old)
        if C.dtype_of(child).kind in "fc":  # a NaN left alone is not a change
            changed = C.logical_and(changed, C.logical_not(
                C.logical_and(C.isnan(child), C.isnan(old))))
        for ax in range(len(self.shape) - 1, -1, -1):
            if ax >= lead and (pshape[ax - lead] != 1 or self.shape[ax] == 1):
                continue
            pick = C.argmax(C.astype(changed, _int64()), axis=ax, keepdims=True)
            child = C.take_along_axis(child, pick, axis=ax)
            changed = C.take_along_axis(changed, pick, axis=ax)
        return C.astype(C.reshape(child, pshape), C.dtype_of(parent))


class Diagonal(Step):
    __slots__ = ("offset", "axis1", "axis2")

    def __init__(self, offset, axis1, axis2):
        self.offset, self.axis1, self.axis2 = offset, axis1, axis2

    def apply(self, x):
        return C.diagonal(x, offset=self.offset, axis1=self.axis1, axis2=self.axis2)

    def back(self, parent, child):
        k = C.shape(child)[-1]
        if not k:
            return parent
        rows = [i - min(self.offset, 0) for i in range(k)]
        cols = [i + max(self.offset, 0) for i in range(k)]
        moved = C.moveaxis(parent, (self.axis1, self.axis2), (-2, -1))
        idx = (Ellipsis, C.asarray(rows, dtype=_int64()), C.asarray(cols, dtype=_int64()))
        moved = C.index_update(moved, idx, child)
        return C.moveaxis(moved, (-2, -1), (self.axis1, self.axis2))


class Real(Step):
    """The real part of a complex array, as a view."""

    __slots__ = ()

    def apply(self, x):
        return C.real(x)

    def back(self, parent, child):
        return C.add(C.subtract(parent, C.astype(C.real(parent), C.dtype_of(parent))),
                     C.astype(child, C.dtype_of(parent)))


class Imag(Step):
    __slots__ = ()

    def apply(self, x):
        return C.imag(x)

    def back(self, parent, child):
        dt = C.dtype_of(parent)
        j = C.asarray(1j, dtype=dt)
        old = C.multiply(C.astype(C.imag(parent), dt), j)
        return C.add(C.subtract(parent, old), C.multiply(C.astype(child, dt), j))


class Detach(Step):
    """The same values without autograd history (torch's detach / .data)."""

    __slots__ = ()

    def apply(self, x):
        from .autograd import strip

        return strip(x)

    def back(self, parent, child):
        return child


def _int64():
    from .dtypes import int64

    return int64


def read(base_value, chain):
    """The value of the view `chain` of a base whose value is `base_value`."""
    for step in chain:
        base_value = step.apply(base_value)
    return base_value


def write(base_value, chain, value):
    """The new base value after writing `value` (already of the view's shape and dtype)
    through the view `chain`."""
    if not chain:
        return value
    parents = [base_value]
    for step in chain[:-1]:
        parents.append(step.apply(parents[-1]))
    for step, parent in zip(reversed(chain), reversed(parents)):
        value = step.back(parent, value)
    return value


# ------------------------------------------------------------------ native in-place writes

def inplace(backend):
    """The backend's in-place module (`shares`, `setitem`, `copy_into`), or None when its arrays
    are immutable (jax, tensorflow)."""
    return backend.inplace


# ------------------------------------------------------------------ logical strides (elements)

def contiguous_strides(shape) -> tuple:
    strides = []
    acc = 1
    for n in reversed(shape):
        strides.append(acc)
        acc *= max(n, 1)
    return tuple(reversed(strides))


def is_contiguous(shape, strides) -> bool:
    """torch's rule: dims of size 1 (and empty arrays) do not constrain strides."""
    if 0 in shape:
        return True
    acc = 1
    for n, s in zip(reversed(shape), reversed(strides)):
        if n != 1:
            if s != acc:
                return False
            acc *= n
    return True


def reshape_strides(shape, strides, new_shape):
    """Strides of `new_shape` as a view of an array with `shape`/`strides`, or None when the
    reshape must copy (the rule torch's `view` and numpy's `reshape` use)."""
    shape, strides, new_shape = tuple(shape), tuple(strides), tuple(new_shape)
    numel = math.prod(shape)
    if numel == 0 or not shape:
        return contiguous_strides(new_shape)
    out = [0] * len(new_shape)
    vd = len(new_shape) - 1
    base = strides[-1]
    t_numel = v_numel = 1
    for td in range(len(shape) - 1, -1, -1):
        t_numel *= shape[td]
        if td == 0 or (shape[td - 1] != 1 and strides[td - 1] != t_numel * base):
            while vd >= 0 and (v_numel < t_numel or new_shape[vd] == 1):
                out[vd] = v_numel * base
                v_numel *= new_shape[vd]
                vd -= 1
            if v_numel != t_numel:
                return None
            if td > 0:
                base = strides[td - 1]
                t_numel = v_numel = 1
    if vd != -1:
        return None
    return tuple(out)


def basic_key_geometry(shape, strides, offset, key):
    """(shape, strides, offset) of x[key] for a basic key tuple (ints, slices, None, Ellipsis),
    already checked by the frontend (ints in range)."""
    key = key if isinstance(key, tuple) else (key,)
    n_used = sum(1 for k in key if k is not None and k is not Ellipsis)
    out_shape, out_strides = [], []
    d = 0
    for k in key:
        if k is Ellipsis:
            for _ in range(len(shape) - n_used):
                out_shape.append(shape[d])
                out_strides.append(strides[d])
                d += 1
        elif k is None:
            out_shape.append(1)
            out_strides.append(0)
        elif isinstance(k, slice):
            start, stop, step = k.indices(shape[d])
            n = len(range(start, stop, step))
            out_shape.append(n)
            out_strides.append(strides[d] * step)
            if n:
                offset += start * strides[d]
            d += 1
        else:
            i = k + shape[d] if k < 0 else k
            offset += i * strides[d]
            d += 1
    out_shape.extend(shape[d:])
    out_strides.extend(strides[d:])
    return tuple(out_shape), tuple(out_strides), offset


def expand_strides(shape, strides, new_shape):
    lead = len(new_shape) - len(shape)
    out = [0] * lead
    for n, s, m in zip(shape, strides, new_shape[lead:]):
        out.append(s if n == m else 0)
    return tuple(out)


def diagonal_geometry(shape, strides, offset, diag_offset, a1, a2):
    n, m = shape[a1], shape[a2]
    if diag_offset >= 0:
        k = max(0, min(n, m - diag_offset))
        start = diag_offset * strides[a2]
    else:
        k = max(0, min(n + diag_offset, m))
        start = -diag_offset * strides[a1]
    rest = [i for i in range(len(shape)) if i not in (a1, a2)]
    new_shape = tuple(shape[i] for i in rest) + (k,)
    new_strides = tuple(strides[i] for i in rest) + (strides[a1] + strides[a2],)
    return new_shape, new_strides, offset + (start if k else 0)


def overlapping(shape, strides) -> bool:
    """True when two elements of the view share one memory location (a zero stride on a dim
    longer than 1, as after expand)."""
    return any(s == 0 and n > 1 for n, s in zip(shape, strides))
