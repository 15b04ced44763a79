"""torch's view ops and indexing: the results share storage with their input on every backend.

Each view op computes torch's logical geometry (core/mutable.py helpers) and makes a view
tensor with one core.mutable step. `reshape` views when torch would (the strides allow it) and
copies otherwise, so a write through the result reaches the input exactly when it does in
torch. Advanced indexing (tensors, lists, bool masks) copies, as in torch.
"""
from __future__ import annotations

import builtins
import math
import operator

from ... import core as C
from ...core import mutable as M
from ._tensor import Size, Tensor, _dim, wrap


def _geo(x: Tensor):
    g = x._geo
    if g is None:
        return M.contiguous_strides(C.shape(x._value())), 0
    return g


def _shape_arg(shape):
    """A shape from `f(2, 3)`, `f((2, 3))`, `f([2, 3])` or `f(torch.Size)`; ints via __index__."""
    if len(shape) == 1 and not isinstance(shape[0], int):
        shape = shape[0]
    if isinstance(shape, Tensor):
        shape = shape.tolist()
    try:
        return tuple(operator.index(n) for n in shape)
    except TypeError:
        raise TypeError(f"shape must be a sequence of ints, got {shape!r}") from None


def infer_shape(shape, numel: int) -> tuple:
    """torch's infer_size: one -1 is filled in; the product must match."""
    neg = [i for i, n in enumerate(shape) if n == -1]
    if len(neg) > 1:
        raise RuntimeError("only one dimension can be inferred")
    for n in shape:
        if n < -1:
            raise RuntimeError(f"invalid shape dimension {n}")
    known = math.prod(n for n in shape if n != -1)
    if neg:
        if known == 0 or numel % known:
            raise RuntimeError(f"shape '{list(shape)}' is invalid for input of size {numel}")
        shape = list(shape)
        shape[neg[0]] = numel // known
        return tuple(shape)
    if known != numel:
        raise RuntimeError(f"shape '{list(shape)}' is invalid for input of size {numel}")
    return tuple(shape)


# ------------------------------------------------------------------ shape views

def view(input, *shape):
    if len(shape) == 1 and not isinstance(shape[0], (int, tuple, list, Size)) and not hasattr(shape[0], "__index__"):
        from ._methods import view_dtype

        return view_dtype(input, shape[0])
    v = input._value()
    old = C.shape(v)
    new = infer_shape(_shape_arg(shape), math.prod(old))
    strides, off = _geo(input)
    ns = M.reshape_strides(old, strides, new)
    if ns is None:
        raise RuntimeError("view size is not compatible with input tensor's size and stride (at "
                           "least one dimension spans across two contiguous subspaces). Use "
                           ".reshape(...) instead.")
    return input._view(M.Reshape(new), C.reshape(v, new), (ns, off))


def reshape(input, *shape):
    v = input._value()
    old = C.shape(v)
    new = infer_shape(_shape_arg(shape), math.prod(old))
    strides, off = _geo(input)
    ns = M.reshape_strides(old, strides, new)
    if ns is None:  # torch copies
        return wrap(C.reshape(v, new, copy=True), input._dt)
    return input._view(M.Reshape(new), C.reshape(v, new), (ns, off))


def view_as(input, other):
    return view(input, other.shape)


def reshape_as(input, other):
    return reshape(input, other.shape)


def flatten(input, start_dim=0, end_dim=-1):
    s = C.shape(input._value())
    if not s:
        return reshape(input, (1,))
    a, b = _dim(start_dim, len(s)), _dim(end_dim, len(s))
    if a > b:
        raise RuntimeError("flatten() has invalid args: start_dim cannot come after end_dim")
    if a == b:
        return input
    return reshape(input, s[:a] + (math.prod(s[a:b + 1]),) + s[b + 1:])


def unflatten(input, dim, sizes):
    s = C.shape(input._value())
    d = _dim(dim, len(s))
    sizes = infer_shape(tuple(sizes), s[d])
    return view(input, s[:d] + sizes + s[d + 1:]) if input.is_contiguous() else reshape(input, s[:d] + sizes + s[d + 1:])


def squeeze(input, dim=None):
    s = C.shape(input._value())
    if dim is None:
        dims = {i for i, n in enumerate(s) if n == 1}
    else:
        ds = dim if isinstance(dim, (tuple, list)) else (dim,)
        dims = {_dim(d, len(s)) for d in ds}
        dims = {d for d in dims if s and s[d] == 1}
    new = tuple(n for i, n in enumerate(s) if i not in dims)
    strides, off = _geo(input)
    ns = tuple(st for i, st in enumerate(strides) if i not in dims)
    return input._view(M.Reshape(new), C.reshape(input._value(), new), (ns, off))


def unsqueeze(input, dim):
    s = C.shape(input._value())
    d = _dim(dim, len(s) + 1)
    new = s[:d] + (1,) + s[d:]
    strides, off = _geo(input)
    st = strides[d] * s[d] if d < len(s) else 1
    ns = strides[:d] + (st,) + strides[d:]
    return input._view(M.Reshape(new), C.reshape(input._value(), new), (ns, off))


def permute(input, *dims):
    dims = _shape_arg(dims)
    s = C.shape(input._value())
    if len(dims) != len(s):
        raise RuntimeError(f"permute(sparse_coo): number of dimensions in the tensor input does "
                           f"not match the length of the desired ordering of dimensions i.e. input.dim() = "
                           f"{len(s)} is not equal to len(dims) = {len(dims)}")
    axes = tuple(_dim(d, len(s)) for d in dims)
    if len(set(axes)) != len(axes):
        raise RuntimeError("permute(): duplicate dims are not allowed.")
    strides, off = _geo(input)
    return input._view(M.Permute(axes), C.permute_dims(input._value(), axes),
                       (tuple(strides[a] for a in axes), off))


def transpose(input, dim0, dim1):
    n = len(C.shape(input._value()))
    a, b = _dim(dim0, n), _dim(dim1, n)
    axes = list(range(n))
    axes[a], axes[b] = axes[b], axes[a]
    return permute(input, axes) if n else input._view(M.Permute(()), input._value(), _geo(input))


swapaxes = swapdims = transpose


def t(input):
    n = len(C.shape(input._value()))
    if n > 2:
        raise RuntimeError(f"t() expects a tensor with <= 2 dimensions, but self is {n}D")
    return transpose(input, 0, 1) if n == 2 else input._view(M.Permute(tuple(range(n))), input._value(), _geo(input))


def adjoint(input):
    return transpose(input, -2, -1).conj()


def movedim(input, source, destination):
    n = len(C.shape(input._value()))
    src = (source,) if isinstance(source, int) else tuple(source)
    dst = (destination,) if isinstance(destination, int) else tuple(destination)
    if len(src) != len(dst):
        raise RuntimeError("movedim: Invalid source or destination dims")
    src = [_dim(d, n) for d in src]
    dst = [_dim(d, n) for d in dst]
    order = [i for i in range(n) if i not in src]
    for d, s in sorted(zip(dst, src)):
        order.insert(d, s)
    return permute(input, order)


moveaxis = movedim


def expand(input, *sizes):
    sizes = _shape_arg(sizes)
    s = C.shape(input._value())
    if len(sizes) < len(s):
        raise RuntimeError(f"expand: the number of sizes provided ({len(sizes)}) must be greater "
                           f"or equal to the number of dimensions in the tensor ({len(s)})")
    lead = len(sizes) - len(s)
    new = list(sizes)
    for i, n in enumerate(s):
        if new[lead + i] == -1:
            new[lead + i] = n
        elif n != 1 and new[lead + i] != n:
            raise RuntimeError(f"The expanded size of the tensor ({new[lead + i]}) must match the "
                               f"existing size ({n}) at non-singleton dimension {lead + i}.  "
                               f"Target sizes: {list(sizes)}.  Tensor sizes: {list(s)}")
    new = tuple(new)
    strides, off = _geo(input)
    return input._view(M.Expand(new), C.broadcast_to(input._value(), new),
                       (M.expand_strides(s, strides, new), off))


def expand_as(input, other):
    return expand(input, other.shape)


def diagonal(input, offset=0, dim1=0, dim2=1):
    s = C.shape(input._value())
    a, b = _dim(dim1, len(s)), _dim(dim2, len(s))
    if a == b:
        raise RuntimeError(f"diagonal dimensions cannot be identical {dim1}, {dim2}")
    strides, off = _geo(input)
    shape, ns, noff = M.diagonal_geometry(s, strides, off, offset, a, b)
    step = M.Diagonal(offset, a, b)
    return input._view(step, step.apply(input._value()), (ns, noff))


def select(input, dim, index):
    s = C.shape(input._value())
    if not s:
        raise IndexError("select() cannot be applied to a 0-dim tensor.")
    d = _dim(dim, len(s))
    i = operator.index(index)
    if not -s[d] <= i < s[d]:
        raise IndexError(f"select(): index {i} out of range for tensor of size {list(s)} at "
                         f"dimension {dim}")
    return _basic(input, (slice(None),) * d + (i,))


def narrow(input, dim, start, length):
    s = C.shape(input._value())
    d = _dim(dim, len(s))
    start = operator.index(start)
    if start < 0:
        start += s[d]
    if not 0 <= start <= s[d] or length < 0 or start + length > s[d]:
        raise RuntimeError(f"start ({start}) + length ({length}) exceeds dimension size ({s[d]}).")
    return _basic(input, (slice(None),) * d + (slice(start, start + length),))


def unbind(input, dim=0):
    s = C.shape(input._value())
    d = _dim(dim, len(s))
    return tuple(select(input, d, i) for i in range(s[d]))


def split(tensor, split_size_or_sections, dim=0):
    s = C.shape(tensor._value())
    d = _dim(dim, len(s))
    n = s[d]
    if isinstance(split_size_or_sections, int):
        size = split_size_or_sections
        if size <= 0 and n:
            raise RuntimeError(f"split_size can only be 0 if dimension size is 0, but got dimension size of {n}")
        sizes = [size] * (n // size) + ([n % size] if n % size else []) if size else [0]
    else:
        sizes = [operator.index(k) for k in split_size_or_sections]
        if builtins.sum(sizes) != n:
            raise RuntimeError(f"split_with_sizes expects split_sizes to sum exactly to {n} (input "
                               f"tensor's size at dimension {d}), but got split_sizes={sizes}")
    out, start = [], 0
    for k in sizes:
        out.append(narrow(tensor, d, start, k))
        start += k
    return tuple(out)


def chunk(input, chunks, dim=0):
    if chunks <= 0:
        raise RuntimeError("chunk expects `chunks` to be greater than 0, got: " + str(chunks))
    n = C.shape(input._value())[_dim(dim, input.ndim)]
    size = -(-n // chunks) if n else 0
    if size == 0:
        return split(input, [0] * chunks if n == 0 else 1, dim)[:chunks] if n == 0 else split(input, 1, dim)
    return split(input, size, dim)


def real(input):
    if not input.dtype.is_complex:
        return input
    step = M.Real()
    st, off = _geo(input)
    t = input._view(step, step.apply(input._value()), (st, off))
    t._dt = input.dtype.to_real()
    return t


def imag(input):
    if not input.dtype.is_complex:
        raise RuntimeError("imag is not implemented for tensors with non-complex dtypes.")
    step = M.Imag()
    st, off = _geo(input)
    t = input._view(step, step.apply(input._value()), (st, off))
    t._dt = input.dtype.to_real()
    return t


# ------------------------------------------------------------------ indexing

def _basic(x: Tensor, key: tuple) -> Tensor:
    """x[key] for a checked basic key: a view."""
    v = x._value()
    strides, off = _geo(x)
    _, ns, noff = M.basic_key_geometry(C.shape(v), strides, off, key)
    return x._view(M.GetItem(key), C.getitem(v, key), (ns, noff))


def _key_item(k):
    """One key entry: a basic entry (int/slice/None/Ellipsis) stays; tensors become native."""
    if k is None or k is Ellipsis or type(k) is int or type(k) is slice:
        return k, True
    if isinstance(k, Tensor):
        d = k.dtype
        if d.is_floating_point or d.is_complex:
            raise IndexError("tensors used as indices must be long, int, byte or bool tensors")
        return k._value(), False
    if type(k) is builtins.bool:
        return k, False
    if isinstance(k, (list, tuple)):
        return _list_key(k), False
    if hasattr(k, "__index__"):
        return operator.index(k), True
    if hasattr(k, "dtype") and hasattr(k, "shape"):  # a native/numpy array
        return C.asarray(k), False
    raise IndexError("only integers, slices (`:`), ellipsis (`...`), None and long or byte "
                     "Variables are valid indices (got " + type(k).__name__ + ")")


def _list_key(k):
    vals = [x.item() if isinstance(x, Tensor) else x for x in k]
    flat = list(_flatten(vals))
    if flat and all(type(x) is builtins.bool for x in flat):
        return C.asarray(vals, dtype=C.bool)
    if any(isinstance(x, float) for x in flat):
        raise IndexError("tensors used as indices must be long, int, byte or bool tensors")
    return C.asarray(vals, dtype=C.int64)


def _flatten(v):
    for x in v:
        if isinstance(x, (list, tuple)):
            yield from _flatten(x)
        else:
            yield x


def native_key(key):
    """(native key tuple, True when it is basic)."""
    if type(key) is not tuple:
        if isinstance(key, list) and not any(isinstance(x, (slice, type(None), type(Ellipsis))) for x in key):
            key = (key,)
        elif isinstance(key, list):
            key = tuple(key)
        else:
            key = (key,)
    items, basic = [], True
    for k in key:
        n, b = _key_item(k)
        items.append(n)
        basic = basic and b
    return tuple(items), basic


def _check_basic(shape, key):
    n_used = builtins.sum(1 for k in key if k is not None and k is not Ellipsis)
    if builtins.sum(1 for k in key if k is Ellipsis) > 1:
        raise IndexError("an index can only have a single ellipsis ('...')")
    if n_used > len(shape):
        raise IndexError(f"too many indices for tensor of dimension {len(shape)}")
    d = 0
    for k in key:
        if k is Ellipsis:
            d += len(shape) - n_used
        elif k is None:
            continue
        elif type(k) is slice:
            if k.step is not None and operator.index(k.step) <= 0:
                raise ValueError("step must be greater than zero")
            d += 1
        else:
            if not -shape[d] <= k < shape[d]:
                raise IndexError(f"index {k} is out of bounds for dimension {d} with size {shape[d]}")
            d += 1


def getitem(x: Tensor, key):
    nkey, basic = native_key(key)
    if basic:
        _check_basic(C.shape(x._value()), nkey)
        return _basic(x, nkey)
    try:
        out = C.getitem(x._value(), nkey)
    except ValueError as e:
        raise IndexError(str(e)) from e
    return wrap(out, x._dt)


def setitem(x: Tensor, key, value) -> None:
    nkey, basic = native_key(key)
    if basic:
        _check_basic(C.shape(x._value()), nkey)
    if isinstance(value, Tensor):
        v = value._value()
        if value.dtype is not x.dtype:
            v = C.astype(v, x.dtype.core)
    else:
        v = C.asarray(value, dtype=x.dtype.core)
    try:
        x._setitem(nkey, v)
    except ValueError as e:
        raise RuntimeError(str(e)) from e
