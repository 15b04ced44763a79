"""Shape ops that copy (cat, stack, flip, roll, tile, tril, diag, ...) and the ones that return
views without a view op of their own (tensor_split, hsplit, atleast_*d, broadcast_tensors).

View ops proper (reshape, squeeze, transpose, unfold, view_as_real, ...) live in _views.py;
the ones torch has as functions are re-exported here.
"""
from __future__ import annotations

import builtins
import math
import operator

from ... import core as C
from . import _dtype as T
from . import _views as V
from ._api import TorchValueError
from ._convert import finish
from ._tensor import Size, Tensor, _dim, wrap
from ._views import as_strided, view_as_complex, view_as_real  # noqa: F401  (exported)

_int = builtins.int
_slice = builtins.slice


def _tensors(tensors, fname, arg="tensors"):
    if isinstance(tensors, Tensor) or not isinstance(tensors, (list, tuple)):
        raise TypeError(f"{fname}(): argument '{arg}' (position 1) must be tuple of Tensors, not "
                        f"{type(tensors).__name__}")
    for i, t in enumerate(tensors):
        if not isinstance(t, Tensor):
            raise TypeError(f"{fname}(): argument '{arg}' (position 1) must be tuple of Tensors, "
                            f"but found element of type {type(t).__name__} at pos {i}")
    return tensors


def _common(tensors):
    """(native values cast to the promoted dtype, that torch dtype)."""
    dt = tensors[0].dtype
    for t in tensors[1:]:
        if t.dtype is not dt:
            dt = T.FROM_CORE[T._promote(dt.core, t.dtype.core)]
    vals = [t._value() if t.dtype is dt else C.astype(t._value(), dt.core) for t in tensors]
    return vals, dt


def _cat_values(vals, shapes, dim):
    """Concatenate checked native values (torch's rules: 1-d empty tensors are skipped)."""
    keep = [i for i, s in enumerate(shapes) if not (len(s) == 1 and s[0] == 0)]
    if not keep:
        return vals[0], shapes[0]
    ref = shapes[keep[0]]
    d = _dim(dim, len(ref))
    for i in keep:
        s = shapes[i]
        if len(s) != len(ref):
            raise RuntimeError(f"Tensors must have same number of dimensions: got {len(ref)} and "
                               f"{len(s)}")
        for j, (a, b) in enumerate(zip(ref, s)):
            if j != d and a != b:
                raise RuntimeError(f"Sizes of tensors must match except in dimension {d}. "
                                   f"Expected size {a} but got size {b} for tensor number {i} in "
                                   "the list.")
    if len(keep) == 1:
        return vals[keep[0]], ref
    return C.concat([vals[i] for i in keep], axis=d), None


def cat(tensors, dim=0, *, out=None):
    tensors = _tensors(tensors, "cat")
    if not tensors:
        raise TorchValueError("torch.cat(): expected a non-empty list of Tensors")
    shapes = [C.shape(t._value()) for t in tensors]
    for i, s in enumerate(shapes):
        if not s:
            raise RuntimeError(f"zero-dimensional tensor (at position {i}) cannot be concatenated")
    vals, dt = _common(tensors)
    v, _ = _cat_values(vals, shapes, dim)
    if len(tensors) == 1 or v is vals[0]:
        v = C.copy(v)
    return finish(v, dt.core, out)


concat = concatenate = cat


def stack(tensors, dim=0, *, out=None):
    tensors = _tensors(tensors, "stack")
    if not tensors:
        raise RuntimeError("stack expects a non-empty TensorList")
    s0 = C.shape(tensors[0]._value())
    for i, t in enumerate(tensors[1:], 1):
        s = C.shape(t._value())
        if s != s0:
            raise RuntimeError(f"stack expects each tensor to be equal size, but got {list(s0)} "
                               f"at entry 0 and {list(s)} at entry {i}")
    d = _dim(dim, len(s0) + 1)
    vals, dt = _common(tensors)
    return finish(C.stack(vals, axis=d), dt.core, out)


def _at_least(v, n):
    s = C.shape(v)
    if len(s) >= n:
        return v
    if n == 1:
        return C.reshape(v, (1,))
    if n == 2:
        return C.reshape(v, (1,) * (2 - len(s)) + s)
    if len(s) == 0:
        return C.reshape(v, (1, 1, 1))
    if len(s) == 1:
        return C.reshape(v, (1,) + s + (1,))
    return C.reshape(v, s + (1,))


def _stack_like(fname, n, dim_of):
    def fn(tensors, *, out=None):
        tensors = _tensors(tensors, fname)
        if not tensors:
            raise RuntimeError(f"{fname} expects a non-empty TensorList")
        vals, dt = _common(tensors)
        vals = [_at_least(v, n) for v in vals]
        shapes = [C.shape(v) for v in vals]
        v, _ = _cat_values(vals, shapes, dim_of(shapes))
        if len(vals) == 1:
            v = C.copy(v)
        return finish(v, dt.core, out)
    fn.__name__ = fn.__qualname__ = fname
    return fn


hstack = _stack_like("hstack", 1, lambda shapes: 0 if len(shapes[0]) == 1 else 1)
vstack = row_stack = _stack_like("vstack", 2, lambda shapes: 0)
dstack = _stack_like("dstack", 3, lambda shapes: 2)


def column_stack(tensors, *, out=None):
    tensors = _tensors(tensors, "column_stack")
    if not tensors:
        raise RuntimeError("column_stack expects a non-empty TensorList")
    vals, dt = _common(tensors)
    vals = [C.reshape(v, (math.prod(C.shape(v)), 1)) if len(C.shape(v)) <= 1 else v for v in vals]
    v, _ = _cat_values(vals, [C.shape(v) for v in vals], 1)
    if len(vals) == 1:
        v = C.copy(v)
    return finish(v, dt.core, out)


# ------------------------------------------------------------------ reorder

def _dims(dims, nd, fname="flip"):
    if isinstance(dims, _int) or (isinstance(dims, Tensor)):
        raise TypeError(f"{fname}(): argument 'dims' (position 2) must be tuple of ints, not "
                        f"{type(dims).__name__}")
    out = [_dim(operator.index(d), nd) for d in dims]
    for d in out:
        if out.count(d) > 1:
            raise RuntimeError(f"dim {d} appears multiple times in the list of dims")
    return tuple(out)


def flip(input, dims):
    v = input._value()
    ds = _dims(dims, len(C.shape(v)))
    return wrap(C.flip(v, axis=ds) if ds else C.copy(v), input._dt)


def _flip_method(self, *dims, **kw):
    if kw:
        if dims or set(kw) != {"dims"}:
            raise TypeError(f"flip() got an unexpected keyword argument '{next(iter(kw))}'")
        dims = kw["dims"]
    elif len(dims) == 1 and isinstance(dims[0], (tuple, list)):
        dims = dims[0]
    return flip(self, dims)


Tensor.flip = _flip_method


def fliplr(input):
    if input.ndim < 2:
        raise RuntimeError("Input must be >= 2-d.")
    return wrap(C.flip(input._value(), axis=1), input._dt)


def flipud(input):
    if input.ndim < 1:
        raise RuntimeError("Input must be >= 1-d.")
    return wrap(C.flip(input._value(), axis=0), input._dt)


def roll(input, shifts, dims=None):
    v = input._value()
    s = C.shape(v)
    shifts = (shifts,) if not isinstance(shifts, (tuple, list)) else tuple(shifts)
    shifts = tuple(operator.index(k) for k in shifts)
    if dims is None:
        if len(shifts) != 1:
            raise RuntimeError(f"shifts and dimensions must align. shifts: {len(shifts)}, dims:0")
        if not s:
            return wrap(C.copy(v), input._dt)
        return wrap(C.reshape(C.roll(C.reshape(v, (-1,)), shifts[0]), s), input._dt)
    dims = (dims,) if not isinstance(dims, (tuple, list)) else tuple(dims)
    if not s and dims:
        raise IndexError("Dimension specified as 0 but tensor has no dimensions")
    if len(shifts) != len(dims):
        raise RuntimeError(f"shifts and dimensions must align. shifts: {len(shifts)}, "
                           f"dims:{len(dims)}")
    ds = tuple(_dim(operator.index(d), len(s)) for d in dims)
    if not s:
        return wrap(C.copy(v), input._dt)
    return wrap(C.roll(v, shifts, axis=ds), input._dt)


def rot90(input, k=1, dims=(0, 1)):
    dims = tuple(dims)
    nd = input.ndim
    if len(dims) != 2:
        raise RuntimeError(f"expected total rotation dims == 2, but got dims = {len(dims)}")
    if nd < 2:
        raise RuntimeError(f"expected total dims >= 2, but got total dims = {nd}")
    a, b = _dim(dims[0], nd), _dim(dims[1], nd)
    if a == b:
        raise RuntimeError(f"expected rotation dims to be different, but got dim0 = {a} and "
                           f"dim1 = {b}")
    k = operator.index(k) % 4
    v = input._value()
    return wrap(C.rot90(v, k, axes=(a, b)) if k else C.copy(v), input._dt)


def _reps(sizes, fname):
    reps = tuple(operator.index(r) for r in sizes)
    return reps


def tile(input, dims):
    if isinstance(dims, _int):
        raise TypeError("tile(): argument 'dims' (position 2) must be tuple of ints, not int")
    reps = _reps(dims, "tile")
    nd = input.ndim
    if len(reps) < nd:
        reps = (1,) * (nd - len(reps)) + reps
    return repeat(input, reps)


def repeat(input, *sizes):
    reps = V._shape_arg(sizes) if sizes else None
    if reps is None:
        raise TypeError('repeat() missing 1 required positional arguments: "repeats"')
    v = input._value()
    s = C.shape(v)
    if len(reps) < len(s):
        raise RuntimeError("Number of dimensions of repeat dims can not be smaller than number of "
                           "dimensions of tensor")
    padded = (1,) * (len(reps) - len(s)) + s
    out_shape = [a * b for a, b in zip(padded, reps)]
    for n in reps:
        if n < 0:
            raise RuntimeError(f"Trying to create tensor with negative dimension "
                               f"{min(out_shape)}: {out_shape}")
    if 0 in out_shape:
        return wrap(C.zeros(tuple(out_shape), dtype=input.dtype.core), input._dt)
    return wrap(C.tile(C.reshape(v, padded), reps), input._dt)


Tensor.repeat = repeat


def repeat_interleave(input, repeats=None, dim=None, *, output_size=None):
    if repeats is None:  # repeat_interleave(repeats): arange(len) repeated
        r = input
        if r.ndim > 1:
            raise RuntimeError("repeat_interleave only accept 1D vector as repeat")
        if r.dtype not in (T.int32, T.int64):
            raise RuntimeError("repeats has to be Long or Int tensor")
        rv = C.reshape(r._value(), (-1,))
        if (C.to_numpy(rv) < 0).any():
            raise RuntimeError("repeats can not be negative")
        n = C.shape(rv)[0]
        return wrap(C.repeat(C.arange(0, n, dtype=r.dtype.core), rv), r._dt)
    v = input._value()
    if dim is None:
        v = C.reshape(v, (-1,))
        d = 0
    else:
        d = _dim(dim, len(C.shape(v)))
    if not C.shape(v):
        v = C.reshape(v, (1,))
    n = C.shape(v)[d]
    if isinstance(repeats, Tensor):
        if repeats.dtype not in (T.int32, T.int64):
            from ._views import _scalar_name

            raise NotImplementedError(f"\"repeat_interleave_cpu\" not implemented for "
                                      f"'{_scalar_name(repeats.dtype)}'")
        if repeats.ndim > 1:
            raise RuntimeError("repeat_interleave only accept 1D vector as repeat")
        rv = C.reshape(repeats._value(), (-1,))
        k = C.shape(rv)[0]
        if k == 1:
            rep = _int(C.to_numpy(rv)[0])
            if rep < 0:
                raise RuntimeError("repeats can not be negative")
            return wrap(C.repeat(v, rep, axis=d), input._dt)
        if k != n:
            raise RuntimeError(f"repeats must have the same size as input along dim, but got "
                               f"repeats.size(0) = {k} and input.size({d}) = {n}")
        if (C.to_numpy(rv) < 0).any():
            raise RuntimeError("repeats can not be negative")
        return wrap(C.repeat(v, C.astype(rv, C.int64), axis=d), input._dt)
    rep = operator.index(repeats)
    if rep < 0:
        raise RuntimeError("repeats can not be negative")
    return wrap(C.repeat(v, rep, axis=d), input._dt)


# ------------------------------------------------------------------ broadcasting (views)

def broadcast_to(input, size):
    return V.expand(input, size)


def _broadcast(shapes):
    out = []
    for s in shapes:
        if len(s) > len(out):
            out = [1] * (len(s) - len(out)) + out
        off = len(out) - len(s)
        for i, n in enumerate(s):
            o = out[off + i]
            if o == 1:
                out[off + i] = n
            elif n != 1 and n != o:
                return None, (o, n, len(out) - len(s) + i)
    return tuple(out), None


def broadcast_tensors(*tensors):
    if len(tensors) == 1 and isinstance(tensors[0], (list, tuple)):
        tensors = tuple(tensors[0])
    shapes = [C.shape(t._value()) for t in tensors]
    shape, bad = _broadcast(shapes)
    if shape is None:
        a, b, d = bad
        raise RuntimeError(f"The size of tensor a ({a}) must match the size of tensor b ({b}) at "
                           f"non-singleton dimension {d}")
    return tuple(V.expand(t, shape) for t in tensors)


def broadcast_shapes(*shapes):
    norm = []
    for s in shapes:
        if isinstance(s, (_int,)) or hasattr(s, "__index__") and not isinstance(s, (tuple, list)):
            norm.append((operator.index(s),))
        else:
            norm.append(tuple(operator.index(n) for n in s))
    for s in norm:
        for n in s:
            if n < 0:
                raise RuntimeError(f"Trying to create tensor with negative dimension ({n}): ({n})")
    shape, bad = _broadcast(norm)
    if shape is None:
        raise RuntimeError("Shape mismatch: objects cannot be broadcast to a single shape")
    return Size(shape)


def _atleast(n, fname):
    def one(t):
        s = t.ndim
        if s >= n:
            return t
        if s == 0:
            return V.reshape(t, (1,) * n)
        if n == 2 or s == 2:
            return V.unsqueeze(t, 0) if n == 2 else V.unsqueeze(t, -1)
        return V.unsqueeze(V.unsqueeze(t, 0), -1)

    def fn(*tensors):
        if len(tensors) == 1 and isinstance(tensors[0], Tensor):
            return one(tensors[0])
        if len(tensors) == 1 and isinstance(tensors[0], (list, tuple)):
            tensors = tuple(tensors[0])
        return tuple(one(t) for t in _tensors(tensors, fname))
    fn.__name__ = fn.__qualname__ = fname
    return fn


atleast_1d = _atleast(1, "atleast_1d")
atleast_2d = _atleast(2, "atleast_2d")
atleast_3d = _atleast(3, "atleast_3d")


# ------------------------------------------------------------------ triangles and diagonals

def tril(input, diagonal=0, *, out=None):
    if input.ndim < 2:
        raise RuntimeError("tril: input tensor must have at least 2 dimensions")
    return finish(C.tril(input._value(), k=operator.index(diagonal)), input.dtype.core, out)


def triu(input, diagonal=0, *, out=None):
    if input.ndim < 2:
        raise RuntimeError("triu: input tensor must have at least 2 dimensions")
    return finish(C.triu(input._value(), k=operator.index(diagonal)), input.dtype.core, out)


def diag(input, diagonal=0, *, out=None):
    nd = input.ndim
    if nd not in (1, 2):
        raise RuntimeError(f"diag(): Supports 1D or 2D tensors. Got {nd}D")
    return finish(C.diag(input._value(), k=operator.index(diagonal)), input.dtype.core, out)


def diag_embed(input, offset=0, dim1=-2, dim2=-1):
    nd = input.ndim + 1
    a, b = _dim(dim1, nd), _dim(dim2, nd)
    if a == b:
        raise RuntimeError(f"diagonal dimensions cannot be identical {dim1}, {dim2}")
    v = input._value()
    if not C.shape(v):
        v = C.reshape(v, (1,))
    return wrap(C.diag_embed(v, offset=operator.index(offset), dim1=a, dim2=b), input._dt)


def diagflat(input, offset=0):
    return wrap(C.diag(C.reshape(input._value(), (-1,)), k=operator.index(offset)), input._dt)


def block_diag(*tensors):
    for i, t in enumerate(tensors):
        if not isinstance(t, Tensor):
            raise TypeError(f"block_diag(): argument 'tensors' must be tuple of Tensors, but "
                            f"found element of type {type(t).__name__} at pos {i}")
        if t.ndim > 2:
            raise RuntimeError(f"torch.block_diag: Input tensors must have 2 or fewer dimensions. "
                               f"Input {i} has {t.ndim} dimensions")
    if not tensors:
        return wrap(C.zeros((1, 0), dtype=T.DEFAULT.float.core), T.DEFAULT.float)
    vals, dt = _common(tensors)
    mats = []
    for v in vals:
        s = C.shape(v)
        mats.append(C.reshape(v, (1, 1)) if not s else C.reshape(v, (1, s[0])) if len(s) == 1 else v)
    rows = builtins.sum(C.shape(m)[0] for m in mats)
    cols = builtins.sum(C.shape(m)[1] for m in mats)
    out = C.zeros((rows, cols), dtype=dt.core)
    r = c = 0
    for m in mats:
        h, w = C.shape(m)
        if h and w:
            out = C.index_update(out, (_slice(r, r + h), _slice(c, c + w)), m)
        r += h
        c += w
    return wrap(out, dt)


# ------------------------------------------------------------------ splits (views)

def _pieces(input, d, bounds):
    n = C.shape(input._value())[d]
    out = []
    for a, b in bounds:
        a = min(max(a, 0), n)
        b = min(max(b, a), n)
        out.append(V._basic(input, (_slice(None),) * d + (_slice(a, b),)))
    return tuple(out)


def tensor_split(input, indices_or_sections, dim=0):
    if input.ndim == 0:
        raise RuntimeError("tensor_split expected at least a 1-dimensional tensor, but got a "
                           "tensor with 0 dims")
    d = _dim(dim, input.ndim)
    n = C.shape(input._value())[d]
    ios = indices_or_sections
    if isinstance(ios, Tensor):
        if ios.dtype.core.kind not in "iu":
            raise RuntimeError(f"tensor_split expected tensor_indices_or_sections to have "
                               f"integral dtype, but got {ios.dtype}")
        if ios.ndim > 1:
            raise RuntimeError("tensor_split expected tensor_indices_or_sections to be a "
                               f"zero-dimensional or one-dimensional tensor, but got a tensor "
                               f"with {ios.ndim} dims")
        ios = ios.item() if ios.ndim == 0 else ios.tolist()
    if isinstance(ios, (list, tuple)):
        idx = [operator.index(i) for i in ios]
        starts = [0] + idx
        ends = idx + [n]
        return _pieces(input, d, list(zip(starts, ends)))
    k = operator.index(ios)
    if k <= 0:
        raise RuntimeError(f"number of sections must be larger than 0, got {k}")
    q, r = divmod(n, k)
    bounds, a = [], 0
    for i in builtins.range(k):
        b = a + q + (1 if i < r else 0)
        bounds.append((a, b))
        a = b
    return _pieces(input, d, bounds)


def _split_dir(fname, d_of, min_nd):
    def fn(input, indices_or_sections):
        nd = input.ndim
        if nd < min_nd:
            raise RuntimeError(f"torch.{fname} requires a tensor with at least {min_nd} dimension"
                               f"{'' if min_nd == 1 else ''}, but got a tensor with {nd} "
                               "dimensions!")
        d = d_of(nd)
        ios = indices_or_sections
        if isinstance(ios, _int) or (isinstance(ios, Tensor) and ios.ndim == 0):
            k = operator.index(ios)
            n = C.shape(input._value())[d]
            if k == 0 or n % k:
                raise RuntimeError(f"torch.{fname} attempted to split along dimension {d}, but "
                                   f"the size of the dimension {n} is not divisible by the "
                                   f"split_size {k}!")
        return tensor_split(input, ios, d)
    fn.__name__ = fn.__qualname__ = fname
    return fn


hsplit = _split_dir("hsplit", lambda nd: 1 if nd > 1 else 0, 1)
vsplit = _split_dir("vsplit", lambda nd: 0, 2)
dsplit = _split_dir("dsplit", lambda nd: 2, 3)


def ravel(input):
    return V.reshape(input, (-1,))


def narrow_copy(input, dim, start, length):
    nd = input.ndim
    if nd and dim >= nd:  # torch's narrow_copy checks this bound with its own message
        raise RuntimeError("Expected dim < static_cast<int64_t>(self_sizes.size()) to be true, "
                           "but got false.")
    return wrap(C.copy(V.narrow(input, dim, start, length)._value()), input._dt)


def split_with_sizes(input, split_sizes, dim=0):
    return V.split(input, list(split_sizes), dim)


def resolve_conj(input):
    return input


def resolve_neg(input):
    return input


def as_strided_scatter(input, src, size, stride, storage_offset=None):
    """torch.as_strided_scatter (input taken as laid out contiguously)."""
    size = V._shape_arg((size,))
    if tuple(src.shape) != tuple(size):
        raise RuntimeError(f"expected src to have a size equal to the slice of self. src size = "
                           f"{list(src.shape)}, slice size = {list(size)}")
    base = wrap(C.copy(input._value()), input._dt)
    view = V.as_strided(base, size, stride, storage_offset)
    sv = src._value()
    base._v = view._chain[-1].back(base._v, sv if src.dtype is input.dtype
                                   else C.astype(sv, input.dtype.core))
    return base


def _copy_variant(view_fn, name):
    """torch's *_copy ops: the view op's result as a new tensor."""
    def fn(input, *args, **kwargs):
        out = view_fn(input, *args, **kwargs)
        if isinstance(out, (tuple, list)):
            return type(out)(wrap(C.copy(o._value()), o._dt) for o in out)
        return wrap(C.copy(out._value()), out._dt)
    fn.__name__ = fn.__qualname__ = name
    return fn


def _detach(input):
    from ._tensor import _alias

    return _alias(input)


def _alias_op(input):
    return V.reshape(input, tuple(input.shape))


expand_copy = _copy_variant(V.expand, "expand_copy")
diagonal_copy = _copy_variant(V.diagonal, "diagonal_copy")
as_strided_copy = _copy_variant(V.as_strided, "as_strided_copy")
view_copy = _copy_variant(V.view, "view_copy")
permute_copy = _copy_variant(V.permute, "permute_copy")
split_copy = _copy_variant(V.split, "split_copy")
split_with_sizes_copy = _copy_variant(split_with_sizes, "split_with_sizes_copy")
unbind_copy = _copy_variant(V.unbind, "unbind_copy")
unfold_copy = _copy_variant(V.unfold, "unfold_copy")
squeeze_copy = _copy_variant(V.squeeze, "squeeze_copy")
unsqueeze_copy = _copy_variant(V.unsqueeze, "unsqueeze_copy")
transpose_copy = _copy_variant(V.transpose, "transpose_copy")
t_copy = _copy_variant(V.t, "t_copy")
select_copy = _copy_variant(V.select, "select_copy")
detach_copy = _copy_variant(_detach, "detach_copy")
alias_copy = _copy_variant(_alias_op, "alias_copy")
view_as_real_copy = _copy_variant(view_as_real, "view_as_real_copy")
view_as_complex_copy = _copy_variant(view_as_complex, "view_as_complex_copy")


Tensor.unfold = V.unfold

__all__ = ["cat", "concat", "concatenate", "stack", "hstack", "vstack", "row_stack", "dstack",
           "column_stack", "flip", "fliplr", "flipud", "roll", "rot90", "tile",
           "repeat_interleave", "broadcast_to", "broadcast_tensors", "broadcast_shapes",
           "atleast_1d", "atleast_2d", "atleast_3d", "tril", "triu", "diag", "diag_embed",
           "diagflat", "block_diag", "tensor_split", "hsplit", "vsplit", "dsplit", "ravel",
           "narrow_copy", "view_as_real", "view_as_complex", "as_strided", "split_with_sizes",
           "resolve_conj", "resolve_neg", "as_strided_scatter", "expand_copy", "diagonal_copy",
           "as_strided_copy", "view_copy", "permute_copy", "split_copy", "split_with_sizes_copy",
           "unbind_copy", "unfold_copy", "squeeze_copy", "unsqueeze_copy", "transpose_copy",
           "t_copy", "select_copy", "detach_copy", "alias_copy", "view_as_real_copy",
           "view_as_complex_copy"]
