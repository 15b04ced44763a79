"""Indexing: NumPy-style getitem and functional setitem, and the take / gather / scatter family.

Primitives: getitem, index_update, index_add, index_reduce. Everything else is a
composite built on them (a key of broadcasting `arange`s turns gather/scatter
into advanced indexing), so their gradients come from the four rules below.

Keys follow NumPy: ints (negative allowed), slices (any step), None, Ellipsis,
integer arrays of any int dtype (broadcast together; the advanced-index block
goes first when advanced indices are separated by a slice, None or Ellipsis,
Python ints counting as advanced indices when an array is present), boolean
arrays (masks over one or more dims, 0-d bools) and Python lists (converted
like `np.asarray`). Out-of-range indices raise IndexError on every backend;
on jax, index arrays that are tracers under `jax.jit` cannot be checked and
follow jax (clamped when read, dropped when written).

The private helpers `_parse_key` / `_plan` / `_coords` are the backend-agnostic
key analysis the torch, jax and tensorflow backends share.
"""
from __future__ import annotations

import operator

from ._define import defvjp, family, nondiff, unbroadcast  # noqa: F401

__all__: list[str] = []
op = family(__name__, __all__)

getitem = op("getitem(x, key, /)", doc="x[key] for a key of ints, slices, None, Ellipsis, "
             "integer arrays and boolean arrays (NumPy semantics). Always returns an array.")
index_update = op("index_update(x, key, values, /)",
                  doc="Functional `x[key] = values`: a new array; values broadcast to x[key]'s "
                      "shape and are cast to x's dtype. With repeated indices the written value "
                      "is unspecified (last write on numpy).")
index_add = op("index_add(x, key, values, /)",
               doc="A copy of x with values added at x[key]; repeated indices accumulate "
                   "(numpy's np.add.at). Functional: x is not modified. values are cast to x's dtype.")
index_reduce = op("index_reduce(x, key, values, /, reduce, *, include_self=True)",
                  doc="A copy of x where every position of x[key] is reduced with the values "
                      "sent to it: reduce is 'sum', 'prod', 'mean', 'amax' or 'amin' (torch's "
                      "scatter_reduce, with a NumPy key instead of dim/index). With "
                      "include_self=False the old value of a written position does not take part. "
                      "'mean' of integers floors (as torch). amax/amin need real dtypes.")

_REDUCE = ("sum", "prod", "mean", "amax", "amin")


# ---------------------------------------------------------------- key analysis (shared by backends)

_BAD_INDEX = ("only integers, slices (`:`), ellipsis (`...`), None and integer or boolean arrays "
              "are valid indices")


class _Key:
    """A key checked against a shape.

    items: one tuple per key entry after Ellipsis expansion (trailing dims get full slices):
      ("i", int >= 0, dim)  ("s", slice, dim)  ("n",)
      ("a", int array, dim, shape)  ("m", bool array or Python bool, first dim, ndim, shape)
    arrays: an array (or a Python bool) is in the key; then ints are advanced indices too.
    sep: the advanced indices are not next to each other (their block goes first).
    """

    __slots__ = ("items", "arrays", "sep", "shape", "negstep")

    def __init__(self, items, arrays, sep, shape, negstep):
        self.items = items
        self.arrays = arrays
        self.sep = sep
        self.shape = shape
        self.negstep = negstep


def _seq_to_numpy(v):
    """NumPy's conversion of a sequence (or foreign array) used inside a key."""
    import numpy as np

    a = np.asarray(v)
    if a.size == 0 and a.dtype.kind == "f" and not isinstance(v, np.ndarray):
        a = a.astype(np.intp)  # [] is an empty integer index, as in NumPy
    return a


def _parse_key(key, shape, info, convert):
    """Check `key` against `shape` and classify its entries (see `_Key`).

    info(v) -> (kind, shape) for a native array of the backend ('b' bool, 'i' integer,
    anything else invalid), or None for other objects. convert(numpy array) -> native array.
    """
    if type(key) is not tuple:
        key = (key,)
    nd = len(shape)
    raw = []
    ell = False
    used = 0
    arrays = False
    negstep = False
    for e in key:
        if e is None:
            raw.append(("n",))
            continue
        if e is Ellipsis:
            if ell:
                raise IndexError("an index can only have a single ellipsis ('...')")
            ell = True
            raw.append(("e",))
            continue
        te = type(e)
        if te is slice:
            if e.step is not None:
                if operator.index(e.step) == 0:
                    raise ValueError("slice step cannot be zero")
                if e.step < 0:
                    negstep = True
            raw.append(("s", e))
            used += 1
            continue
        if te is bool:
            raw.append(("m", e, 0, ()))
            arrays = True
            continue
        if te is int:
            raw.append(("i", e))
            used += 1
            continue
        inf = info(e)
        if inf is None:
            dt = getattr(e, "dtype", None)
            kind = getattr(dt, "kind", None)
            if kind is not None and getattr(e, "ndim", None) == 0 and kind in "biu":
                if kind == "b":  # numpy bool scalar / 0-d array
                    raw.append(("m", bool(e), 0, ()))
                    arrays = True
                else:
                    raw.append(("i", operator.index(e)))
                    used += 1
                continue
            if isinstance(e, (list, tuple)) or kind is not None or hasattr(e, "__array__"):
                a = _seq_to_numpy(e)
                if a.dtype.kind not in "biu":
                    raise IndexError(_BAD_INDEX)
                e = convert(a)
                inf = (a.dtype.kind, a.shape)
            else:
                try:
                    raw.append(("i", operator.index(e)))
                except TypeError:
                    raise IndexError(_BAD_INDEX) from None
                used += 1
                continue
        kind, ashape = inf
        ashape = tuple(ashape)
        if kind == "b":
            raw.append(("m", e, len(ashape), ashape))
            used += len(ashape)
        elif kind in "iu":
            raw.append(("a", e, ashape))
            used += 1
        else:
            raise IndexError("arrays used as indices must be of integer (or boolean) type")
        arrays = True
    if used > nd:
        raise IndexError(f"too many indices for array: array is {nd}-dimensional, "
                         f"but {used} were indexed")
    items = []
    d = 0
    advpos = []
    for pos, r in enumerate(raw):
        t = r[0]
        if t == "s":
            items.append(("s", r[1], d))
            d += 1
        elif t == "i":
            n = shape[d]
            v = r[1]
            if v < -n or v >= n:
                raise IndexError(f"index {v} is out of bounds for axis {d} with size {n}")
            items.append(("i", v + n if v < 0 else v, d))
            if arrays:
                advpos.append(pos)
            d += 1
        elif t == "n":
            items.append(r)
        elif t == "e":
            for _ in range(nd - used):
                items.append(("s", slice(None), d))
                d += 1
        elif t == "a":
            items.append(("a", r[1], d, r[2]))
            advpos.append(pos)
            d += 1
        else:  # mask
            k = r[2]
            if r[3] != tuple(shape[d:d + k]):
                raise IndexError(f"boolean index did not match indexed array along axis {d}; "
                                 f"the array has shape {tuple(shape)} and the mask {r[3]}")
            items.append(("m", r[1], d, k, r[3]))
            advpos.append(pos)
            d += k
    while d < nd:
        items.append(("s", slice(None), d))
        d += 1
    sep = bool(advpos) and advpos[-1] - advpos[0] + 1 != len(advpos)
    return _Key(items, arrays, sep, tuple(shape), negstep)


def _broadcast_index_shapes(shapes):
    """Broadcast shapes of index arrays (IndexError as NumPy). A size that is not an int
    (a symbolic mask count inside tf.function) is trusted to match."""
    out = []
    for s in shapes:
        if len(s) > len(out):
            out = [1] * (len(s) - len(out)) + out
        off = len(out) - len(s)
        for i, v in enumerate(s):
            o = out[off + i]
            if type(v) is not int or type(o) is not int:
                if type(o) is int and o == 1:
                    out[off + i] = v
            elif o == 1:
                out[off + i] = v
            elif v != 1 and v != o:
                raise IndexError("shape mismatch: indexing arrays could not be broadcast together "
                                 f"with shapes {' '.join(str(tuple(t)) for t in shapes)}")
    return tuple(out)


def _slice_range(slc, n):
    """(start, step, length) of the positions a slice selects in a dim of size n."""
    start, stop, step = slc.indices(n)
    return start, step, len(range(start, stop, step))


class _Plan:
    """Where everything of x[key] goes: result shape S, advanced block B at axis b0,
    the advanced index arrays (dim, array, shape) and the slices (dim, start, step, length, axis)."""

    __slots__ = ("S", "B", "b0", "advs", "slices", "ints", "empty")


def _plan(k, index, nonzero, truth):
    """Lay out x[key] for a parsed key.

    index(arr, n, dim) -> the backend's int64 index array (negatives may stay; bounds checked
    where the backend needs it); nonzero(mask) -> (list of k 1-d index arrays, count);
    truth(b) -> Python bool of a 0-d boolean.
    """
    shape = k.shape
    advs = []
    bshapes = []
    ints = []
    for it in k.items:
        t = it[0]
        if t == "a":
            advs.append((it[2], index(it[1], shape[it[2]], it[2]), it[3]))
            bshapes.append(it[3])
        elif t == "m":
            if it[3] == 0:
                bshapes.append((1,) if truth(it[1]) else (0,))
            else:
                cols, nnz = nonzero(it[1])
                for j, c in enumerate(cols):
                    advs.append((it[2] + j, c, (nnz,)))
                bshapes.append((nnz,))
        elif t == "i":
            ints.append((it[2], it[1]))
            if k.arrays:
                bshapes.append(())
    B = _broadcast_index_shapes(bshapes) if k.arrays else ()
    S = []
    slices = []
    b0 = 0
    placed = not k.arrays
    if k.arrays and k.sep:
        S.extend(B)
        placed = True
    for it in k.items:
        t = it[0]
        if not placed and (t in "am" or t == "i"):
            b0 = len(S)
            S.extend(B)
            placed = True
        if t == "s":
            start, step, length = _slice_range(it[1], shape[it[2]])
            slices.append((it[2], start, step, length, len(S)))
            S.append(length)
        elif t == "n":
            S.append(1)
    p = _Plan()
    p.S, p.B, p.b0, p.advs, p.slices, p.ints = tuple(S), B, b0, advs, slices, ints
    p.empty = any(type(s) is int and s == 0 for s in S)
    return p


def _coords(p, nd, arange, reshape, scalar):
    """One index array per dim of x (each broadcastable to p.S, with len(p.S) dims) such that
    x[key] == x[tuple(coords)] (pure advanced indexing; their broadcast shape is p.S unless
    p.empty). arange(start, step, length) -> 1-d; scalar(i) -> a 0-d index array."""
    nS = len(p.S)
    nb = len(p.B)
    out = [None] * nd
    for d, start, step, length, ax in p.slices:
        out[d] = reshape(arange(start, step, length), (1,) * ax + (length,) + (1,) * (nS - ax - 1))
    for d, v in p.ints:
        out[d] = reshape(scalar(v), (1,) * nS)
    end = p.b0 + nb
    for d, a, s in p.advs:
        out[d] = reshape(a, (1,) * (end - len(s)) + tuple(s) + (1,) * (nS - end))
    return out


def _fit_values(vshape, S):
    """The shape to give `values` so that it broadcasts to S as NumPy assignment does
    (leading 1-dims beyond S are dropped); ValueError when it cannot."""
    vshape = tuple(vshape)
    S = tuple(S)
    extra = len(vshape) - len(S)
    if extra > 0:
        if any(v != 1 for v in vshape[:extra] if type(v) is int):
            raise ValueError(f"could not broadcast input array from shape {vshape} into shape {S}")
        vshape = vshape[extra:]
    for v, s in zip(vshape[::-1], S[::-1]):
        if type(v) is int and type(s) is int and v != 1 and v != s:
            raise ValueError(f"could not broadcast input array from shape {vshape} into shape {S}")
    return vshape


def _check_reduce(reduce):
    if reduce not in _REDUCE:
        raise ValueError(f"reduce must be one of {_REDUCE}, got {reduce!r}")


# ---------------------------------------------------------------- gradient rules


def _is_scalar(v):
    """A Python scalar (NumPy scalars count as arrays: np.float64 subclasses float)."""
    return type(v) in (int, float, complex, bool)


def _values_grad(gsel, values):
    """Pull a cotangent of x[key]'s shape back to `values` (unbroadcast, cast back)."""
    if _is_scalar(values):
        return None
    from .inspection import dtype_of, shape
    from .manipulation import astype, reshape
    vs = shape(values)
    gs = shape(gsel)
    if len(vs) > len(gs):
        g = unbroadcast(gsel, vs[len(vs) - len(gs):])
        g = reshape(g, vs)
    else:
        g = unbroadcast(gsel, vs)
    if dtype_of(values) is not dtype_of(g):
        g = astype(g, dtype_of(values))
    return g


def _getitem_vjp(g, out, x, key):
    from .creation import zeros_like
    return (index_add(zeros_like(x), key, g), None)


def _index_update_vjp(g, out, x, key, values):
    return (index_update(g, key, 0), None, _values_grad(getitem(g, key), values))


def _index_add_vjp(g, out, x, key, values):
    return (g, None, _values_grad(getitem(g, key), values))


def _index_reduce_vjp(g, out, x, key, values, reduce, include_self):
    """torch's scatter_reduce backward, with gather -> getitem(., key) and
    scatter_add -> index_add(zeros, key, .)."""
    from .creation import ones_like, zeros_like
    from .elementwise import conj, divide, equal, logical_and, multiply, where
    from .inspection import dtype_of, shape
    from .manipulation import astype, broadcast_to, reshape
    res_sel = getitem(out, key)
    S = shape(res_sel)
    dt = dtype_of(x)
    if _is_scalar(values):
        from .creation import full
        src = full(S, values, dtype=dt)
    else:
        src = values if dtype_of(values) is dt else astype(values, dt)
        src = broadcast_to(reshape(src, _fit_values(shape(src), S)), S)
    if reduce == "sum":
        gx = g
        gsrc = getitem(g, key)
    elif reduce == "mean":
        n = ones_like(g) if include_self else zeros_like(g)
        n = index_add(n, key, ones_like(src))
        n = where(equal(n, 0), ones_like(n), n)
        gx = divide(g, n)
        gsrc = getitem(gx, key)
    elif reduce == "prod":
        zx = equal(x, 0)
        mx = where(zx, ones_like(x), x)
        mres = index_reduce(mx, key, src, reduce, include_self=include_self)
        gx = multiply(g, conj(divide(mres, mx)))
        zs = equal(src, 0)
        nz = getitem(index_add(zeros_like(x), key, astype(zs, dt)), key)
        single = logical_and(zs, equal(nz, 1))
        msrc = where(single, ones_like(src), src)
        msres = index_reduce(x, key, msrc, reduce, include_self=include_self)
        a = getitem(multiply(g, conj(msres)), key)
        b = divide(getitem(multiply(g, conj(out)), key), conj(where(zs, ones_like(src), src)))
        gsrc = where(single, a, b)
    else:  # amax / amin: split evenly among ties, as torch
        xis = equal(x, out)
        sis = equal(src, res_sel)
        cnt = index_add(astype(xis, dt), key, astype(sis, dt))
        gd = divide(g, cnt)
        gx = where(xis, gd, zeros_like(gd))
        gsrc = where(sis, getitem(gd, key), zeros_like(src))
    if not include_self:
        gx = index_update(gx, key, 0)
    return (gx, None, _values_grad(gsrc, values), None, None)


defvjp("getitem", _getitem_vjp)
defvjp("index_update", _index_update_vjp)
defvjp("index_add", _index_add_vjp)
defvjp("index_reduce", _index_reduce_vjp)


# ---------------------------------------------------------------- composites


def _axis(axis, nd, name):
    if not -nd <= axis < nd or nd == 0 and axis not in (0, -1):
        raise ValueError(f"unify.core.{name}: axis {axis} is out of bounds for an array of "
                         f"dimension {nd}")
    return axis % nd if nd else 0


def _take(x, indices, axis):
    from .inspection import shape
    from .manipulation import reshape
    if axis is None:
        n = 1
        for s in shape(x):
            n *= s
        x = reshape(x, (n,))
        axis = 0
    else:
        axis = _axis(axis, len(shape(x)), "take")
    return getitem(x, (slice(None),) * axis + (indices,))


take = op("take(x, indices, /, *, axis=None)", _take,
          doc="Elements of x along `axis` (axis=None: of the flattened x, as NumPy); indices may "
              "have any shape and be negative.")


def _index_select(x, axis, index):
    from .inspection import shape
    from .manipulation import reshape
    if len(shape(index)) == 0:
        index = reshape(index, (1,))
    elif len(shape(index)) != 1:
        raise ValueError("unify.core.index_select: index must be 0-d or 1-d")
    return take(x, index, axis=axis)


index_select = op("index_select(x, axis, index)", _index_select,
                  doc="torch.index_select: index is 1-d (0-d counts as one element); negative "
                      "indices count from the end.")


def _grid(idx_shape, axis, index, sizes):
    """The advanced-indexing key of gather-like ops: `index` at `axis`, broadcasting aranges
    of `sizes` at the other dims."""
    from .creation import arange
    from .manipulation import reshape
    nd = len(idx_shape)
    key = []
    for d in range(nd):
        if d == axis:
            key.append(index)
        else:
            n = sizes[d]
            key.append(reshape(arange(n), (1,) * d + (n,) + (1,) * (nd - d - 1)))
    return tuple(key)


def _along_key(x, indices, axis, name):
    from .inspection import shape
    xs, ishape = shape(x), shape(indices)
    if len(xs) != len(ishape):
        raise ValueError(f"unify.core.{name}: indices and x must have the same number of "
                         f"dimensions, got {len(ishape)} and {len(xs)}")
    axis = _axis(axis, len(xs), name)
    for d in range(len(xs)):
        if d != axis and xs[d] != ishape[d] and xs[d] != 1 and ishape[d] != 1:
            raise ValueError(f"unify.core.{name}: shape {ishape} of indices does not broadcast "
                             f"against x of shape {xs} outside axis {axis}")
    return _grid(ishape, axis, indices, xs)


def _take_along_axis(x, indices, axis):
    # dims of x of size 1 broadcast against indices through the arange grid (NumPy semantics)
    return getitem(x, _along_key(x, indices, axis, "take_along_axis"))


def _put_along_axis(x, indices, values, axis):
    key = _along_key(x, indices, axis, "put_along_axis")
    return index_update(x, key, values)


take_along_axis = op("take_along_axis(x, indices, /, *, axis=-1)", _take_along_axis,
                     doc="NumPy semantics: indices has x's ndim and broadcasts against x outside axis.")
put_along_axis = op("put_along_axis(x, indices, values, /, *, axis)", _put_along_axis,
                    doc="Functional np.put_along_axis: a new array; values broadcast to indices.")


def _gather_key(x, axis, index, name):
    from .inspection import shape
    xs, ishape = shape(x), shape(index)
    if len(xs) != len(ishape):
        raise ValueError(f"unify.core.{name}: index and x must have the same number of "
                         f"dimensions, got {len(ishape)} and {len(xs)}")
    axis = _axis(axis, len(xs), name)
    for d in range(len(xs)):
        if d != axis and ishape[d] > xs[d]:
            raise ValueError(f"unify.core.{name}: index of shape {ishape} is larger than x of "
                             f"shape {xs} at dimension {d}")
    return _grid(ishape, axis, index, ishape)


def _gather(x, axis, index):
    return getitem(x, _gather_key(x, axis, index, "gather"))


gather = op("gather(x, axis, index)", _gather,
            doc="torch.gather: out[i][j][k] = x[i][index[i][j][k]][k] (axis=1); index has x's ndim "
                "and is no larger than x outside axis; negative indices count from the end.")


def _scatter_src(src, index, name):
    """src cut to index's shape (torch uses only that corner), or a Python scalar as is."""
    if _is_scalar(src):
        return src
    from .inspection import shape
    ss, ishape = shape(src), shape(index)
    if len(ss) != len(ishape) or any(i > s for i, s in zip(ishape, ss)):
        raise ValueError(f"unify.core.{name}: src of shape {ss} must have index's number of "
                         f"dimensions and be at least as large as index {ishape}")
    if ss != ishape:
        src = getitem(src, tuple(slice(0, n) for n in ishape))
    return src


def _scatter(x, axis, index, src):
    return index_update(x, _gather_key(x, axis, index, "scatter"), _scatter_src(src, index, "scatter"))


def _scatter_add(x, axis, index, src):
    return index_add(x, _gather_key(x, axis, index, "scatter_add"),
                     _scatter_src(src, index, "scatter_add"))


def _scatter_reduce(x, axis, index, src, reduce, include_self):
    _check_reduce(reduce)
    return index_reduce(x, _gather_key(x, axis, index, "scatter_reduce"),
                        _scatter_src(src, index, "scatter_reduce"), reduce,
                        include_self=include_self)


scatter = op("scatter(x, axis, index, src)", _scatter,
             doc="Functional torch.scatter: x[i][index[i][j][k]][k] = src[i][j][k] (axis=1); src may "
                 "be a Python scalar. With repeated indices the written value is unspecified.")
scatter_add = op("scatter_add(x, axis, index, src)", _scatter_add,
                 doc="Functional torch.scatter_add: repeated indices accumulate.")
scatter_reduce = op("scatter_reduce(x, axis, index, src, reduce, *, include_self=True)", _scatter_reduce,
                    doc="Functional torch.scatter_reduce; reduce in 'sum', 'prod', 'mean', 'amax', "
                        "'amin'.")


def _broadcast_pair(a, b):
    return tuple(_broadcast_index_shapes([a, b]))


def _masked_fill(x, mask, value):
    from .elementwise import where
    from .inspection import dtype_of, shape
    from .manipulation import astype
    xs, ms = shape(x), shape(mask)
    try:
        out_shape = _broadcast_pair(xs, ms)
    except IndexError:
        out_shape = None
    if out_shape != tuple(xs):
        raise ValueError(f"unify.core.masked_fill: mask of shape {ms} does not broadcast to x's "
                         f"shape {xs}")
    if not _is_scalar(value) and dtype_of(value) is not dtype_of(x):
        value = astype(value, dtype_of(x))
    return where(mask, value, x)


def _masked_select(x, mask):
    from .inspection import shape
    from .manipulation import broadcast_to
    xs, ms = shape(x), shape(mask)
    try:
        bs = _broadcast_pair(xs, ms)
    except IndexError:
        raise ValueError(f"unify.core.masked_select: shapes {xs} and {ms} do not broadcast") from None
    if bs != tuple(xs):
        x = broadcast_to(x, bs)
    if bs != tuple(ms):
        mask = broadcast_to(mask, bs)
    return getitem(x, mask)


masked_fill = op("masked_fill(x, mask, value)", _masked_fill,
                 doc="x where mask is False, value where it is True (mask broadcasts to x; value is a "
                     "scalar or 0-d array, cast to x's dtype).")
masked_select = op("masked_select(x, mask)", _masked_select,
                   doc="The elements of x where mask (broadcast together) is True, as a 1-d array.")
