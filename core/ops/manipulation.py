"""Manipulation ops: dtype casts, shapes, joining, splitting, reordering, diagonals.

The Array API 2024.12 manipulation functions (NumPy 2.x behaviour), plus what
the frontends need (split/array_split, the *stack family, torch's flatten,
unflatten, narrow and diag_embed). Primitives have one native call per
backend; the rest are composites of core ops. Bad axes raise `AxisError`,
which is both a ValueError and an IndexError (like NumPy's).
"""
import operator

from .. import dtypes as D
from ._define import defvjp, family, nondiff, unbroadcast
from .inspection import device_of, dtype_of, shape

__all__: list[str] = []
op = family(__name__, __all__)


class AxisError(ValueError, IndexError):
    """An axis out of range: both a ValueError and an IndexError, like NumPy's AxisError."""


# ---------------------------------------------------------------- helpers (Python only)


def _axis(a, ndim, op="?"):
    """Normalize one axis to 0..ndim-1, raising AxisError when out of range."""
    a = operator.index(a)
    if not -ndim <= a < ndim:
        raise AxisError(f"unify.core.{op}: axis {a} is out of bounds for an array of dimension {ndim}")
    return a % ndim


def _axes(axis, ndim, op="?", unique=True):
    """Normalize an int or a sequence of ints to a tuple of axes (None: all axes)."""
    if axis is None:
        return tuple(range(ndim))
    try:
        axis = (operator.index(axis),)
    except TypeError:
        pass
    out = tuple(_axis(a, ndim, op) for a in axis)
    if unique and len(set(out)) != len(out):
        raise ValueError(f"unify.core.{op}: repeated axis in {tuple(axis)}")
    return out


def _prod(s):
    n = 1
    for v in s:
        n *= v
    return n


def _int_or_none(v):
    """v as a Python int when it is one (also a 0-d integer array), else None."""
    if isinstance(v, (list, tuple)):
        return None
    try:
        return operator.index(v)
    except TypeError:
        return None


def _common_dtype(dts):
    """The dtype arrays of dtypes `dts` join to (concat, stack): the core lattice within a
    kind; across kinds (int with float), NumPy's rule, so every backend agrees."""
    r = dts[0]
    for d in dts[1:]:
        if d is r:
            continue
        try:
            r = D.promote_types(r, d)
        except TypeError:
            import numpy as np

            def n(t):
                return np.dtype("float32" if t is D.bfloat16 else t.name)

            r = D.BY_NAME[np.result_type(n(r), n(d)).name]
    return r


def _split_bounds(n, indices_or_sections, op="array_split"):
    """[(start, stop)] of each piece of a length-n axis, NumPy's array_split semantics."""
    k = _int_or_none(indices_or_sections)
    if k is not None:
        if k <= 0:
            raise ValueError(f"unify.core.{op}: number of sections must be larger than 0, got {k}")
        each, extra = divmod(n, k)
        out, start = [], 0
        for i in range(k):
            stop = start + each + (i < extra)
            out.append((start, stop))
            start = stop
        return out
    points = [0] + [operator.index(i) for i in indices_or_sections] + [n]
    out = []
    for a, b in zip(points[:-1], points[1:]):
        start, stop, _ = slice(a, b).indices(n)
        out.append((start, max(start, stop)))
    return out


def _is_partition(bounds, n):
    pos = 0
    for a, b in bounds:
        if a != pos:
            return False
        pos = b
    return pos == n


def _device(x):
    """x's device, or None (the default) where it cannot be asked (e.g. a traced jax array)."""
    try:
        return device_of(x)
    except Exception:
        return None


def _zeros(shape_, like):
    from .creation import zeros
    return zeros(tuple(shape_), dtype=dtype_of(like), device=_device(like))


# ---------------------------------------------------------------- casts and shapes

astype = op("astype(x, dtype, /, *, copy=True, device=None)",
            doc="Like NumPy's astype: complex to real drops the imaginary part, complex or real to "
                "bool is x != 0, float to int truncates toward zero (out-of-range values are "
                "undefined).")
reshape = op("reshape(x, /, shape, *, copy=None)", doc="One entry of `shape` may be -1. "
             "A size mismatch raises ValueError.")


def _astype_vjp(g, out, x, dtype, copy, device):
    return (astype(g, dtype_of(x)),)


def _reshape_vjp(g, out, x, shape_, copy):
    return (reshape(g, shape(x)),)


defvjp("astype", _astype_vjp)
defvjp("reshape", _reshape_vjp)

broadcast_to = op("broadcast_to(x, /, shape)")


def _broadcast_to_vjp(g, out, x, shape_):
    return (unbroadcast(g, shape(x)),)


defvjp("broadcast_to", _broadcast_to_vjp)

expand_dims = op("expand_dims(x, /, *, axis=0)", doc="axis may be an int or a tuple of ints (Array API 2024.12).")
squeeze = op("squeeze(x, /, axis)", doc="Squeezing an axis whose size is not 1 raises ValueError; "
             "axis=None squeezes every size-1 axis.")
permute_dims = op("permute_dims(x, /, axes)")
concat = op("concat(arrays, /, *, axis=0)", doc="axis=None flattens first. Dtypes promote within a "
            "kind (core lattice); across kinds NumPy's rule applies.")
stack = op("stack(arrays, /, *, axis=0)", doc="Dtypes promote like concat.")


def _squeeze_like_vjp(g, out, x, *rest):
    return (reshape(g, shape(x)),) + (None,) * len(rest)


def _permute_vjp(g, out, x, axes):
    n = len(axes)
    inv = [0] * n
    for i, a in enumerate(axes):
        inv[a % n] = i
    return (permute_dims(g, tuple(inv)), None)


def _cast_like(g, a):
    d = dtype_of(a)
    return g if dtype_of(g) is d else astype(g, d)


def _concat_vjp(g, out, arrays, axis):
    from .indexing import getitem
    if axis is None:
        ax, sizes = 0, [_prod(shape(a)) for a in arrays]
    else:
        ax = axis % len(shape(g))
        sizes = [shape(a)[ax] for a in arrays]
    parts, start = [], 0
    for a, n in zip(arrays, sizes):
        piece = getitem(g, (slice(None),) * ax + (slice(start, start + n),))
        if axis is None:
            piece = reshape(piece, shape(a))
        parts.append(_cast_like(piece, a))
        start += n
    return (tuple(parts), None)


def _stack_vjp(g, out, arrays, axis):
    parts = unstack(g, axis=axis)
    return (tuple(_cast_like(p, a) for p, a in zip(parts, arrays)), None)


defvjp("expand_dims", _squeeze_like_vjp)
defvjp("squeeze", _squeeze_like_vjp)
defvjp("permute_dims", _permute_vjp)
defvjp("concat", _concat_vjp)
defvjp("stack", _stack_vjp)

# ---------------------------------------------------------------- broadcasting


def _broadcast_shapes(shapes):
    shapes = [(operator.index(s),) if _int_or_none(s) is not None else tuple(s) for s in shapes]
    nd = max((len(s) for s in shapes), default=0)
    out = [1] * nd
    for s in shapes:
        for i, d in enumerate(s, nd - len(s)):
            if d < 0:
                raise ValueError(f"unify.core.broadcast_shapes: negative dimension in {s}")
            if d == 1 or d == out[i]:
                continue
            if out[i] != 1:
                raise ValueError(f"unify.core.broadcast_shapes: shapes {tuple(shapes)} cannot be broadcast together")
            out[i] = d
    return tuple(out)


def _broadcast_arrays(arrays):
    s = _broadcast_shapes([shape(a) for a in arrays])
    return [a if tuple(shape(a)) == s else broadcast_to(a, s) for a in arrays]


broadcast_shapes = op("broadcast_shapes(*shapes)", _broadcast_shapes,
                      doc="The broadcast shape (a tuple of ints) of shapes (tuples or ints); "
                          "ValueError when they are incompatible. Pure Python.")
broadcast_arrays = op("broadcast_arrays(*arrays)", _broadcast_arrays, doc="Returns a list.")
nondiff("broadcast_shapes")

# ---------------------------------------------------------------- reordering

flip = op("flip(x, /, *, axis=None)", doc="axis: None (all), an int or a tuple of ints.")
roll = op("roll(x, /, shift, *, axis=None)",
          doc="NumPy's roll: shift and axis broadcast against each other; axis=None rolls the "
              "flattened array.")


def _neg_shift(shift):
    k = _int_or_none(shift)
    return -k if k is not None else tuple(-operator.index(s) for s in shift)


defvjp("flip", lambda g, out, x, axis: (flip(g, axis=axis), None))
defvjp("roll", lambda g, out, x, shift, axis: (roll(g, _neg_shift(shift), axis=axis), None, None))


def _moveaxis(x, source, destination):
    nd = len(shape(x))
    src = _axes(source, nd, "moveaxis")
    dst = _axes(destination, nd, "moveaxis")
    if len(src) != len(dst):
        raise ValueError("unify.core.moveaxis: source and destination must have the same number of elements")
    order = [a for a in range(nd) if a not in src]
    for d, s in sorted(zip(dst, src)):
        order.insert(d, s)
    if order == list(range(nd)):
        return x
    return permute_dims(x, tuple(order))


def _swapaxes(x, axis1, axis2):
    nd = len(shape(x))
    a, b = _axis(axis1, nd, "swapaxes"), _axis(axis2, nd, "swapaxes")
    if a == b:
        return x
    order = list(range(nd))
    order[a], order[b] = b, a
    return permute_dims(x, tuple(order))


moveaxis = op("moveaxis(x, source, destination, /)", _moveaxis)
swapaxes = op("swapaxes(x, axis1, axis2, /)", _swapaxes)


def _rot90(x, k, axes):
    nd = len(shape(x))
    axes = tuple(axes)
    if len(axes) != 2:
        raise ValueError("unify.core.rot90: len(axes) must be 2")
    a0, a1 = axes
    if a0 == a1 or abs(a0 - a1) == nd:
        raise ValueError("unify.core.rot90: axes must be different")
    if not (-nd <= a0 < nd and -nd <= a1 < nd):
        raise ValueError(f"unify.core.rot90: axes={axes} out of range for an array of ndim={nd}")
    k = operator.index(k) % 4
    if k == 0:
        return x
    if k == 2:
        return flip(x, axis=(a0, a1))
    if k == 1:
        return swapaxes(flip(x, axis=a1), a0, a1)
    return flip(swapaxes(x, a0, a1), axis=a1)


rot90 = op("rot90(x, /, k=1, axes=(0, 1))", _rot90, doc="NumPy's rot90: rotate from axes[0] toward axes[1].")

# ---------------------------------------------------------------- repeating

repeat = op("repeat(x, repeats, /, *, axis=None)",
            doc="repeats: an int or a 1-d integer array (length 1 broadcasts); axis=None repeats "
                "the flattened array.")


def _repeat_vjp(g, out, x, repeats, axis):
    from .reduction import sum as sum_
    xs = tuple(shape(x))
    ax = 0 if axis is None else _axis(axis, len(xs), "repeat")
    n = _prod(xs) if axis is None else xs[ax]
    r = _int_or_none(repeats)
    gs = tuple(shape(g))
    if r is not None:
        gx = sum_(reshape(g, gs[:ax] + (n, r) + gs[ax + 1:]), axis=ax + 1)
    else:
        from .creation import arange
        from .indexing import index_add
        idx = repeat(arange(n, device=_device(g)), repeats)
        gm = moveaxis(g, ax, 0)
        gx = moveaxis(index_add(_zeros((n,) + tuple(shape(gm))[1:], g), idx, gm), 0, ax)
    if axis is None:
        gx = reshape(gx, xs)
    return (gx, None, None)


defvjp("repeat", _repeat_vjp)


def _tile(x, repetitions):
    r = _int_or_none(repetitions)
    reps = (r,) if r is not None else tuple(operator.index(v) for v in repetitions)
    if any(v < 0 for v in reps):
        raise ValueError(f"unify.core.tile: negative repetitions {reps}")
    s = tuple(shape(x))
    d = max(len(s), len(reps))
    s = (1,) * (d - len(s)) + s
    reps = (1,) * (d - len(reps)) + reps
    if all(v == 1 for v in reps):
        return reshape(x, s) if s != tuple(shape(x)) else copy(x)
    inter = tuple(v for pair in zip((1,) * d, s) for v in pair)
    big = tuple(v for pair in zip(reps, s) for v in pair)
    return reshape(broadcast_to(reshape(x, inter), big), tuple(a * b for a, b in zip(reps, s)))


tile = op("tile(x, repetitions, /)", _tile, doc="NumPy's tile (repetitions: an int or a tuple).")

# ---------------------------------------------------------------- splitting

unstack = op("unstack(x, /, *, axis=0)", doc="Returns a tuple.")
defvjp("unstack", lambda g, out, x, axis: (stack(g, axis=axis), None))

array_split = op("array_split(x, indices_or_sections, /, *, axis=0)",
                 doc="NumPy's array_split (returns a list): k sections of sizes differing by at "
                     "most one, or pieces between the given indices (slice semantics).")


def _array_split_vjp(g, out, x, ios, axis):
    xs = tuple(shape(x))
    ax = _axis(axis, len(xs), "array_split")
    bounds = _split_bounds(xs[ax], ios)
    if _is_partition(bounds, xs[ax]):
        return (concat(list(g), axis=ax), None, None)
    total = None
    for (a, b), gi in zip(bounds, g):
        if b <= a:
            continue
        parts = [gi]
        if a:
            parts.insert(0, _zeros(xs[:ax] + (a,) + xs[ax + 1:], gi))
        if xs[ax] - b:
            parts.append(_zeros(xs[:ax] + (xs[ax] - b,) + xs[ax + 1:], gi))
        full = concat(parts, axis=ax) if len(parts) > 1 else gi
        total = full if total is None else _add(total, full)
    return (_zeros(xs, g[0]) if total is None else total, None, None)


def _add(a, b):
    from .elementwise import add
    return add(a, b)


defvjp("array_split", _array_split_vjp)


def _split(x, indices_or_sections, axis):
    k = _int_or_none(indices_or_sections)
    if k is not None:
        nd = len(shape(x))
        n = shape(x)[_axis(axis, nd, "split")]
        if k <= 0 or n % k:
            raise ValueError(f"unify.core.split: an axis of length {n} does not split into {k} equal sections")
    return array_split(x, indices_or_sections, axis=axis)


split = op("split(x, indices_or_sections, /, *, axis=0)", _split,
           doc="NumPy's split (returns a list): equal sections (ValueError otherwise) or indices.")


def _narrow(x, axis, start, length):
    from .indexing import getitem
    nd = len(shape(x))
    a = _axis(axis, nd, "narrow")
    n = shape(x)[a]
    start, length = operator.index(start), operator.index(length)
    if not -n <= start <= n:
        raise IndexError(f"unify.core.narrow: start {start} out of range for a dimension of size {n}")
    if start < 0:
        start += n
    if length < 0 or start + length > n:
        raise ValueError(f"unify.core.narrow: start ({start}) + length ({length}) exceeds dimension size ({n})")
    return getitem(x, (slice(None),) * a + (slice(start, start + length),))


narrow = op("narrow(x, /, axis, start, length)", _narrow, doc="torch.narrow: length elements "
            "from start (which may be negative) along axis.")

# ---------------------------------------------------------------- dims


def _atleast_1d(x):
    return reshape(x, (1,)) if len(shape(x)) == 0 else x


def _atleast_2d(x):
    s = tuple(shape(x))
    return x if len(s) >= 2 else reshape(x, (1,) * (2 - len(s)) + s)


def _atleast_3d(x):
    s = tuple(shape(x))
    if len(s) == 0:
        return reshape(x, (1, 1, 1))
    if len(s) == 1:
        return reshape(x, (1, s[0], 1))
    if len(s) == 2:
        return reshape(x, s + (1,))
    return x


atleast_1d = op("atleast_1d(x, /)", _atleast_1d, doc="One array (frontends map over several).")
atleast_2d = op("atleast_2d(x, /)", _atleast_2d, doc="One array; a 1-d (n,) becomes (1, n).")
atleast_3d = op("atleast_3d(x, /)", _atleast_3d, doc="One array; (n,) becomes (1, n, 1), (m, n) (m, n, 1).")


def _ravel(x):
    return reshape(x, (-1,))


ravel = op("ravel(x, /)", _ravel)


def _flatten(x, start_axis, end_axis):
    s = tuple(shape(x))
    nd = max(len(s), 1)
    a, b = _axis(start_axis, nd, "flatten"), _axis(end_axis, nd, "flatten")
    if a > b:
        raise ValueError("unify.core.flatten: start_axis cannot come after end_axis")
    if not s:
        return reshape(x, (1,))
    if a == b:
        return x
    return reshape(x, s[:a] + (_prod(s[a:b + 1]),) + s[b + 1:])


flatten = op("flatten(x, /, start_axis=0, end_axis=-1)", _flatten,
             doc="torch.flatten: merge axes start_axis..end_axis (a 0-d array becomes 1-d).")


def _unflatten(x, axis, sizes):
    s = tuple(shape(x))
    a = _axis(axis, len(s), "unflatten")
    sizes = tuple(operator.index(v) for v in sizes)
    if not sizes:
        raise ValueError("unify.core.unflatten: sizes must be non-empty")
    free = [i for i, v in enumerate(sizes) if v == -1]
    known = _prod(v for v in sizes if v != -1)
    if len(free) > 1 or any(v < -1 for v in sizes):
        raise ValueError(f"unify.core.unflatten: invalid sizes {sizes}")
    if free:
        if known == 0 or s[a] % known:
            raise ValueError(f"unify.core.unflatten: sizes {sizes} do not divide dimension {s[a]}")
        sizes = sizes[:free[0]] + (s[a] // known,) + sizes[free[0] + 1:]
    elif known != s[a]:
        raise ValueError(f"unify.core.unflatten: sizes {sizes} do not multiply to dimension {s[a]}")
    return reshape(x, s[:a] + sizes + s[a + 1:])


unflatten = op("unflatten(x, /, axis, sizes)", _unflatten, doc="torch.unflatten: split axis into "
               "sizes (one entry may be -1).")

# ---------------------------------------------------------------- joining


def _hstack(arrays):
    arrs = [atleast_1d(a) for a in arrays]
    if not arrs:
        raise ValueError("unify.core.hstack: need at least one array")
    return concat(arrs, axis=0 if len(shape(arrs[0])) == 1 else 1)


def _vstack(arrays):
    return concat([atleast_2d(a) for a in arrays], axis=0)


def _dstack(arrays):
    return concat([atleast_3d(a) for a in arrays], axis=2)


def _column_stack(arrays):
    arrs = []
    for a in arrays:
        s = tuple(shape(a))
        arrs.append(reshape(a, (_prod(s), 1)) if len(s) < 2 else a)
    return concat(arrs, axis=1)


hstack = op("hstack(arrays, /)", _hstack)
vstack = op("vstack(arrays, /)", _vstack)
dstack = op("dstack(arrays, /)", _dstack)
column_stack = op("column_stack(arrays, /)", _column_stack)

# ---------------------------------------------------------------- diagonals

diagonal = op("diagonal(x, /, *, offset=0, axis1=0, axis2=1)",
              doc="NumPy's diagonal: axis1 and axis2 are removed and the diagonal is the last "
                  "axis. The result may be a read-only view.")


def _diagonal_vjp(g, out, x, offset, axis1, axis2):
    from .creation import eye
    from .elementwise import multiply
    xs = tuple(shape(x))
    nd = len(xs)
    a1, a2 = _axis(axis1, nd, "diagonal"), _axis(axis2, nd, "diagonal")
    m, n = xs[a1], xs[a2]
    gs = tuple(shape(g))
    want = m if offset >= 0 else n
    if gs[-1] < want:
        g = concat([g, _zeros(gs[:-1] + (want - gs[-1],), g)], axis=-1)
    mask = eye(m, n, k=offset, dtype=dtype_of(g), device=_device(g))
    full = multiply(expand_dims(g, axis=-1 if offset >= 0 else -2), mask)
    return (moveaxis(full, (nd - 2, nd - 1), (a1, a2)), None, None, None)


defvjp("diagonal", _diagonal_vjp)


def _diag_embed(x, offset, dim1, dim2):
    from .creation import eye, zeros
    from .elementwise import where
    s = tuple(shape(x))
    if not s:
        raise ValueError("unify.core.diag_embed: x must have at least one dimension")
    nd = len(s) + 1
    d1, d2 = _axis(dim1, nd, "diag_embed"), _axis(dim2, nd, "diag_embed")
    if d1 == d2:
        raise ValueError("unify.core.diag_embed: dim1 and dim2 must differ")
    offset = operator.index(offset)
    k = abs(offset)
    if k:
        x = concat([x, _zeros(s[:-1] + (k,), x)], axis=-1)
    size = s[-1] + k
    mask = eye(size, size, k=offset, dtype=D.bool, device=_device(x))
    zero = zeros((), dtype=dtype_of(x), device=_device(x))
    out = where(mask, expand_dims(x, axis=-1 if offset >= 0 else -2), zero)
    return moveaxis(out, (nd - 2, nd - 1), (d1, d2))


diag_embed = op("diag_embed(x, /, offset=0, dim1=-2, dim2=-1)", _diag_embed,
                doc="torch.diag_embed: the last axis of x becomes the offset diagonal of the "
                    "new axes dim1, dim2 (of the output).")


def _diag(x, k):
    nd = len(shape(x))
    if nd == 1:
        return diag_embed(x, offset=k)
    if nd == 2:
        return diagonal(x, offset=k)
    raise ValueError(f"unify.core.diag: x must be 1-d or 2-d, got {nd}-d")


diag = op("diag(x, /, k=0)", _diag, doc="NumPy's diag: 1-d -> 2-d matrix with x on diagonal k, "
          "2-d -> its k-th diagonal.")

# ---------------------------------------------------------------- copies


def _copy(x):
    return astype(x, dtype_of(x), copy=True)


copy = op("copy(x, /)", _copy, doc="A fresh copy (never a view).")
