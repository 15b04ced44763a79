"""Indexing on jax.

jax indexes like NumPy but clamps out-of-range indices silently (and drops them in
`.at[]` writes), so keys are checked here: Python ints always, index arrays when they
are concrete. Index arrays that are tracers under jax.jit cannot be checked; their
out-of-range behaviour is jax's (clamped when read, dropped when written). Boolean masks
need concrete values (jax's rule; NonConcreteBooleanIndexError under jit).
"""
import jax
import jax.numpy as jnp
import numpy as np

from ...core.ops.indexing import (_broadcast_index_shapes, _check_reduce, _coords, _fit_values, _parse_key,
                                  _plan)

_Array = jax.Array
_Tracer = jax.core.Tracer


def _info(v):
    if isinstance(v, _Array):
        kind = v.dtype.kind
        return ("b" if kind == "b" else "i" if kind in "iu" else "f"), v.shape
    return None


def _check_array(a, n, d):
    if isinstance(a, _Tracer) or a.size == 0:
        return
    v = np.asarray(a)
    lo, hi = v.min(), v.max()
    if lo < -n or hi >= n:
        bad = lo if lo < -n else hi
        raise IndexError(f"index {int(bad)} is out of bounds for axis {d} with size {n}")


_EMPTY = object()  # a coordinate key selecting nothing


def _key(x, key):
    """(the key jax should see: checked, lists converted; rank of x[key]).

    A key holding a 0-d boolean (which jax's gather/scatter mishandle) becomes pure
    advanced indexing (one broadcasting index array per dim; _EMPTY when it selects
    nothing), and the rank is replaced by the result shape.
    """
    t = type(key)
    shape = x.shape
    nd = len(shape)
    if t is int:
        if not nd:
            raise IndexError("too many indices for array: array is 0-dimensional, but 1 were indexed")
        n = shape[0]
        if key < -n or key >= n:
            raise IndexError(f"index {key} is out of bounds for axis 0 with size {n}")
        return key, nd - 1
    if t is slice or key is Ellipsis:
        return key, nd
    if key is None:
        return key, nd + 1
    k = _parse_key(key, shape, _info, jnp.asarray)
    rank = 0
    brank = 0
    bool0 = False
    bshapes = []
    for it in k.items:
        tt = it[0]
        if tt == "a":
            _check_array(it[1], shape[it[2]], it[2])
            brank = max(brank, len(it[3]))
            bshapes.append(it[3])
        elif tt == "n" or tt == "s":
            rank += 1
        elif tt == "m":
            brank = max(brank, 1)
            if it[3] == 0:
                bool0 = True
            elif not isinstance(it[1], _Tracer):
                bshapes.append((int(np.count_nonzero(np.asarray(it[1]))),))
    if len(bshapes) > 1:
        _broadcast_index_shapes(bshapes)  # IndexError as NumPy (jax raises ValueError)
    if bool0:
        p = _plan(k, lambda a, n, d: a, _nonzero, bool)
        if p.empty:
            return _EMPTY, p.S

        def arange(start, step, length):
            return jnp.arange(start, start + step * length, step)[:length]

        return tuple(_coords(p, nd, arange, jnp.reshape, jnp.asarray)), p.S
    # the original entries (an empty Ellipsis still separates advanced indices)
    return (key if t is tuple else (key,)), rank + brank


def _nonzero(m):
    cols = jnp.nonzero(m)
    return cols, int(cols[0].shape[0])


_BASIC = (int, slice, type(None), type(Ellipsis))


# Eager lax.slice compiles once per distinct start: fine for a window read again and again,
# ruinous for a loop over rows (x[i] for every i: a DataLoader). A window geometry seen with
# more than _STATIC_STARTS different starts is served by lax.dynamic_slice (starts are runtime
# values: one compile per geometry), then a static unit-offset slice for the steps.
_STATIC_STARTS = 8
_SEEN_STARTS: dict = {}


def _slice(x, starts, limits, strides):
    if isinstance(x, jax.core.Tracer) or not any(starts):
        return jax.lax.slice(x, starts, limits, strides)
    sizes = tuple(b - a for a, b in zip(starts, limits))
    sig = (x.shape, x.dtype, sizes)
    seen = _SEEN_STARTS.get(sig)
    if seen is None:
        seen = _SEEN_STARTS[sig] = set()
    st = tuple(starts)
    if st in seen or len(seen) < _STATIC_STARTS:
        seen.add(st)
        return jax.lax.slice(x, starts, limits, strides)
    x = jax.lax.dynamic_slice(x, st, sizes)
    if any(s != 1 for s in strides):
        x = jax.lax.slice(x, (0,) * len(sizes), sizes, strides)
    return x


def _basic(x, key):
    """x[key] for a tuple of ints, slices, None and at most one Ellipsis, through lax.slice /
    lax.rev / lax.reshape (eager jax's own `x[key]` goes through a jitted gather and costs
    about 10x more). None when the key is not basic or has an error (the general path
    reports it)."""
    shape = x.shape
    used = 0
    ell = 0
    for k in key:
        if type(k) not in _BASIC:
            return None
        if k is Ellipsis:
            ell += 1
        elif k is not None:
            used += 1
    if ell > 1 or used > len(shape):
        return None
    starts, limits, strides, rev, out_shape = [], [], [], [], []
    d = 0
    for k in key:
        if k is Ellipsis:
            for _ in range(len(shape) - used):
                starts.append(0), limits.append(shape[d]), strides.append(1)
                out_shape.append(shape[d])
                d += 1
        elif k is None:
            out_shape.append(1)
        elif type(k) is slice:
            n = shape[d]
            a, b, st = k.indices(n)
            m = len(range(a, b, st))
            if st < 0:  # reverse the dim, then step forward
                rev.append(d)
                a = n - 1 - a
                st = -st
            starts.append(a if m else 0), limits.append(a + (m - 1) * st + 1 if m else 0)
            strides.append(st)
            out_shape.append(m)
            d += 1
        else:
            n = shape[d]
            if k < -n or k >= n:
                return None
            k = k + n if k < 0 else k
            starts.append(k), limits.append(k + 1), strides.append(1)
            d += 1
    for n in shape[d:]:
        starts.append(0), limits.append(n), strides.append(1)
        out_shape.append(n)
    if rev:
        x = jax.lax.rev(x, rev)
    if any(st != 1 for st in strides) or any(a != 0 for a in starts) or tuple(limits) != shape:
        x = _slice(x, starts, limits, strides)
    out_shape = tuple(out_shape)
    return x if x.shape == out_shape else jax.lax.reshape(x, out_shape)


def getitem(x, key):
    if type(key) is tuple:
        out = _basic(x, key)
        if out is not None:
            return out
    elif type(key) is slice:
        out = _basic(x, (key,))
        if out is not None:
            return out
    k, rank = _key(x, key)
    if type(rank) is tuple:
        if k is _EMPTY:
            return jnp.zeros(rank, x.dtype)
        if x.ndim == 0:
            return x.reshape(rank)
    return x[k]


def _values(values, x, rank):
    if not (isinstance(values, _Array) and values.dtype == x.dtype):
        values = jnp.asarray(values).astype(x.dtype)
    if type(rank) is tuple:  # the result shape (coordinate keys)
        return jnp.broadcast_to(values.reshape(_fit_values(values.shape, rank)), rank)
    extra = values.ndim - rank
    if extra > 0:  # NumPy assignment drops leading 1-dims of values
        if any(s != 1 for s in values.shape[:extra]):
            raise ValueError(f"could not broadcast input array from shape {values.shape} into "
                             f"an index result of rank {rank}")
        values = values.reshape(values.shape[extra:])
    return values


def _write0(x, k, v, how):
    """Writes into a 0-d x through a coordinate key (k == ())."""
    if v.size == 0:
        return x
    if how == "set":
        return v.reshape(-1)[-1]
    if x.dtype == jnp.bool_:
        return x | jnp.any(v)
    return x + jnp.sum(v).astype(x.dtype)


def index_update(x, key, values):
    k, rank = _key(x, key)
    v = _values(values, x, rank)
    if k is _EMPTY:
        return x
    if x.ndim == 0 and type(rank) is tuple:
        return _write0(x, k, v, "set")
    return x.at[k].set(v)


def index_add(x, key, values):
    k, rank = _key(x, key)
    v = _values(values, x, rank)
    if k is _EMPTY:
        return x
    if x.ndim == 0 and type(rank) is tuple:
        return _write0(x, k, v, "add")
    if x.dtype == jnp.bool_:
        return x.astype(jnp.int32).at[k].add(v.astype(jnp.int32)) != 0
    return x.at[k].add(v)


def _identity(reduce, dtype):
    if reduce in ("sum", "mean"):
        return 0
    if reduce == "prod":
        return 1
    if dtype.kind == "b":
        return reduce == "amin"
    if dtype.kind in "iu":
        info = jnp.iinfo(dtype)
        return info.min if reduce == "amax" else info.max
    return -jnp.inf if reduce == "amax" else jnp.inf


def index_reduce(x, key, values, reduce, include_self):
    _check_reduce(reduce)
    dt = x.dtype
    if reduce in ("amax", "amin") and dt.kind == "c":
        raise TypeError(f"unify.core.index_reduce: {reduce} needs a real dtype, got {dt}")
    k, rank = _key(x, key)
    v = _values(values, x, rank)
    if k is _EMPTY:
        return x
    if x.ndim == 0 and type(rank) is tuple:
        x1 = x.reshape(1)
        return index_reduce(x1, jnp.zeros(v.shape, jnp.int64), v, reduce, include_self).reshape(())
    base = x
    if not include_self:
        touched = jnp.zeros(x.shape, dtype=bool).at[k].set(True)
        base = jnp.where(touched, jnp.asarray(_identity(reduce, dt), dtype=dt), x)
    at = base.at[k]
    if reduce == "sum":
        return at.add(v)
    if reduce == "prod":
        return at.multiply(v)
    if reduce == "amax":
        return at.max(v)
    if reduce == "amin":
        return at.min(v)
    s = at.add(v)
    cnt = jnp.full(x.shape, 1 if include_self else 0, dtype=jnp.int64).at[k].add(1)
    safe = jnp.where(cnt == 0, 1, cnt)
    if dt.kind in "iub":
        res = jnp.floor_divide(s, safe.astype(dt)) if dt.kind != "b" else s
    else:
        res = s / safe.astype(dt)
    res = res.astype(dt)
    if not include_self:
        res = jnp.where(cnt == 0, x, res)
    return res
