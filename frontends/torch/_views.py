"""torch's view ops and indexing: the results share storage with their input on every backend.

Each view op computes torch's logical geometry (core/mutable.py helpers) and makes a view
tensor with one core.mutable step. `reshape` views when torch would (the strides allow it) and
copies otherwise, so a write through the result reaches the input exactly when it does in
torch. Advanced indexing (tensors, lists, bool masks) copies, as in torch.

Indexing follows torch's two stages: the basic part of a key (ints, slices, None, Ellipsis)
is applied first as a view; the advanced part (integer/bool tensors, lists, Python bools) is
then applied to that view with NumPy's layout rules. So `x[0, :, [0, 1]]` has shape (3, 2) as
in torch (NumPy gives (2, 3)).
"""
from __future__ import annotations

import builtins
import math
import operator

from ... import core as C
from ...core import dtypes as D
from ...core import mutable as M
from ._tensor import LazyGeo, Size, Tensor, _dim, wrap

_int = builtins.int
_bool = builtins.bool
_slice = builtins.slice
_NONE_T = type(None)
_ELLIPSIS_T = type(Ellipsis)


_CSTRIDES: dict = {}


def _cstrides(shape):
    """Contiguous strides of a shape (cached: the same few shapes come back all the time)."""
    st = _CSTRIDES.get(shape)
    if st is None:
        if len(_CSTRIDES) > 4096:
            _CSTRIDES.clear()
        st = _CSTRIDES[shape] = M.contiguous_strides(shape)
    return st


def _geo(x: Tensor):
    g = x._geo
    if g is None:
        return _cstrides(C.shape(x._value())), 0
    return g


def _shape_arg(shape):
    """A shape from `f(2, 3)`, `f((2, 3))`, `f([2, 3])` or `f(torch.Size)`; ints via __index__."""
    if len(shape) == 1 and not isinstance(shape[0], _int):
        shape = shape[0]
    if type(shape) is tuple and all(type(n) is _int for n in shape):  # the common case
        return shape
    if isinstance(shape, Tensor):
        shape = shape.tolist()
    try:
        return tuple(operator.index(n) for n in shape)
    except TypeError:
        raise TypeError(f"shape must be a sequence of ints, got {shape!r}") from None


def infer_shape(shape, numel: int) -> tuple:
    """torch's infer_size: one -1 is filled in; the product must match."""
    if -1 in shape:  # the common cases first
        i = shape.index(-1)
        rest = shape[:i] + shape[i + 1:]
        if rest and min(rest) >= 0 or not rest:
            known = math.prod(rest)
            if known and not numel % known:
                return shape[:i] + (numel // known,) + shape[i + 1:]
    elif math.prod(shape) == numel and min(shape, default=0) >= 0:
        return shape
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
    if len(shape) == 1 and not isinstance(shape[0], (_int, tuple, list, Size)) and not hasattr(shape[0], "__index__"):
        from ._methods import view_dtype

        return view_dtype(input, shape[0])
    v = input._value()
    old = C.shape(v)
    new = infer_shape(_shape_arg(shape), math.prod(old))
    if input._geo is None:  # contiguous from offset 0: always a view, contiguous too
        return input._view(M.Reshape(new), C.reshape(v, new), None)
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
    if input._geo is None:  # contiguous from offset 0: always a view, contiguous too
        return input._view(M.Reshape(new), C.reshape(v, new), None)
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
    sizes = _shape_arg((sizes,))
    if not sizes:
        raise RuntimeError("unflatten: sizes must be non-empty")
    sizes = infer_shape(sizes, s[d])
    return reshape(input, s[:d] + sizes + s[d + 1:])


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
    if not n:
        return input._view(M.Permute(()), input._value(), _geo(input))
    axes = list(range(n))
    axes[a], axes[b] = axes[b], axes[a]
    return permute(input, axes)


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
    if isinstance(source, _int) != isinstance(destination, _int):
        raise TypeError(f"movedim() received an invalid combination of arguments - got "
                        f"({type(source).__name__}, {type(destination).__name__}): source and "
                        "destination must both be ints or both be sequences of ints")
    src = (source,) if isinstance(source, _int) else tuple(source)
    dst = (destination,) if isinstance(destination, _int) else tuple(destination)
    if len(src) != len(dst):
        raise RuntimeError(f"movedim: Invalid source or destination dims: source ({list(src)} "
                           f"dims) should contain the same number of dims as destination "
                           f"({list(dst)} dims)")
    src = [_dim(d, n) for d in src]
    dst = [_dim(d, n) for d in dst]
    if len(set(src)) != len(src):
        raise RuntimeError(f"movedim: repeated dim in `source` ({list(source)})")
    if len(set(dst)) != len(dst):
        raise RuntimeError(f"movedim: repeated dim in `destination` ({list(destination)})")
    order = [i for i in range(n) if i not in src]
    for d, s in sorted(zip(dst, src)):
        order.insert(d, s)
    return permute(input, order)


moveaxis = movedim


def expand(input, *sizes, implicit=False):
    sizes = _shape_arg(sizes)
    s = C.shape(input._value())
    if len(sizes) < len(s):
        raise RuntimeError(f"expand({input.type()}{{{list(s)}}}, size={list(sizes)}): the number "
                           f"of sizes provided ({len(sizes)}) must be greater or equal to the "
                           f"number of dimensions in the tensor ({len(s)})")
    lead = len(sizes) - len(s)
    new = list(sizes)
    for i in range(lead):
        if new[i] < 0:
            raise RuntimeError(f"The expanded size of the tensor ({new[i]}) isn't allowed in a "
                               f"leading, non-existing dimension {i}")
    for i, n in enumerate(s):
        if new[lead + i] == -1:
            new[lead + i] = n
        elif n != 1 and new[lead + i] != n:
            raise RuntimeError(f"The expanded size of the tensor ({new[lead + i]}) must match the "
                               f"existing size ({n}) at non-singleton dimension {lead + i}.  "
                               f"Target sizes: {list(sizes)}.  Tensor sizes: {list(s)}")
        elif new[lead + i] < 0:
            raise RuntimeError(f"Trying to create tensor with negative dimension {new[lead + i]}: "
                               f"{list(sizes)}")
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
                         f"dimension {d}")
    return _basic(input, (_slice(None),) * d + (i,))


def narrow(input, dim, start, length):
    s = C.shape(input._value())
    if not s:
        raise RuntimeError("narrow() cannot be applied to a 0-dim tensor.")
    d = _dim(dim, len(s))
    if isinstance(start, Tensor) and (start.ndim or not start.dtype.core.kind in "iu"):
        raise RuntimeError("start must be an 0-dim integral Tensor.")
    start = operator.index(start)
    length = operator.index(length)
    if length < 0:
        raise RuntimeError("narrow(): length must be non-negative.")
    if not -s[d] <= start <= s[d]:
        raise IndexError(f"start out of range (expected to be in range of [{-s[d]}, {s[d]}], "
                         f"but got {start})")
    if start < 0:
        start += s[d]
    if start + length > s[d]:
        raise RuntimeError(f"start ({start}) + length ({length}) exceeds dimension size ({s[d]}).")
    return _basic(input, (_slice(None),) * d + (_slice(start, start + length),))


def unbind(input, dim=0):
    s = C.shape(input._value())
    if not s:
        raise IndexError("Dimension specified as 0 but tensor has no dimensions")
    d = _dim(dim, len(s))
    return tuple(select(input, d, i) for i in range(s[d]))


def split(tensor, split_size_or_sections, dim=0):
    s = C.shape(tensor._value())
    if not s:
        raise RuntimeError("split expects at least a 1-dimensional tensor")
    d = _dim(dim, len(s))
    n = s[d]
    if isinstance(split_size_or_sections, _int) or (
            isinstance(split_size_or_sections, Tensor) and split_size_or_sections.ndim == 0):
        size = operator.index(split_size_or_sections)
        if size < 0:
            raise RuntimeError(f"split expects split_size be non-negative, but got split_size={size}")
        if size == 0 and n:
            raise RuntimeError(f"split_size can only be 0 if dimension size is 0, but got "
                               f"dimension size of {n}")
        sizes = [size] * (n // size) + ([n % size] if n % size else []) if size else [0]
        if not sizes:
            sizes = [0]
    else:
        sizes = [operator.index(k) for k in split_size_or_sections]
        if builtins.sum(sizes) != n or any(k < 0 for k in sizes):
            raise RuntimeError(f"split_with_sizes expects split_sizes to sum exactly to {n} (input "
                               f"tensor's size at dimension {d}), but got split_sizes={sizes}")
    out, start = [], 0
    for k in sizes:
        out.append(_basic(tensor, (_slice(None),) * d + (_slice(start, start + k),)))
        start += k
    return tuple(out)


def chunk(input, chunks, dim=0):
    chunks = operator.index(chunks)
    s = C.shape(input._value())
    if not s:
        raise RuntimeError("chunk expects at least a 1-dimensional tensor")
    if chunks <= 0:
        raise RuntimeError(f"chunk expects `chunks` to be greater than 0, got: {chunks}")
    d = _dim(dim, len(s))
    n = s[d]
    size = -(-n // chunks)
    if size == 0:  # an empty dim: `chunks` empty pieces
        return split(input, [0] * chunks, d)
    return split(input, size, d)


def real(input):
    if not input.dtype.is_complex:
        return input
    step = M.Real()
    st, off = _geo(input)
    t = input._view(step, step.apply(input._value()), (tuple(x * 2 for x in st), off * 2))
    t._dt = input.dtype.to_real()
    return t


def imag(input):
    if not input.dtype.is_complex:
        raise RuntimeError("imag is not implemented for tensors with non-complex dtypes.")
    step = M.Imag()
    st, off = _geo(input)
    t = input._view(step, step.apply(input._value()), (tuple(x * 2 for x in st), off * 2 + 1))
    t._dt = input.dtype.to_real()
    return t


# ------------------------------------------------------------------ views of other kinds

def _complex_of(re, im, cdt):
    """re + i*im as a complex array of core dtype cdt (componentwise, no inf*0 NaNs from a
    complex multiply: the imaginary unit multiplies a purely imaginary zero-real value)."""
    j = C.asarray(1j, dtype=cdt)
    return C.add(C.astype(re, cdt), C.multiply(C.astype(im, cdt), j))


class _AsReal(M.Step):
    """view_as_real: a complex (...) array seen as real (..., 2)."""

    __slots__ = ()

    def apply(self, x):
        return C.stack([C.real(x), C.imag(x)], axis=-1)

    def back(self, parent, child):
        return _complex_of(C.getitem(child, (Ellipsis, 0)), C.getitem(child, (Ellipsis, 1)),
                           C.dtype_of(parent))


class _AsComplex(M.Step):
    """view_as_complex: a real (..., 2) array seen as complex (...)."""

    __slots__ = ("cdt",)

    def __init__(self, cdt):
        self.cdt = cdt

    def apply(self, x):
        return _complex_of(C.getitem(x, (Ellipsis, 0)), C.getitem(x, (Ellipsis, 1)), self.cdt)

    def back(self, parent, child):
        dt = C.dtype_of(parent)
        return C.stack([C.astype(C.real(child), dt), C.astype(C.imag(child), dt)], axis=-1)


def view_as_real(input):
    """torch.view_as_real: a real view of a complex tensor (writes reach the complex tensor).
    On jax/tensorflow an infinite imaginary part written through the view may turn the real
    part into NaN (the complex value is rebuilt as re + 1j*im)."""
    if not input.dtype.is_complex:
        raise RuntimeError("view_as_real is only supported for complex tensors")
    step = _AsReal()
    st, off = _geo(input)
    out = input._view(step, step.apply(input._value()), (tuple(x * 2 for x in st) + (1,), off * 2))
    out._dt = input.dtype.to_real()
    return out


def view_as_complex(input):
    """torch.view_as_complex (a view; see view_as_real for the jax/tensorflow NaN caveat)."""
    from . import _dtype as T

    d = input.dtype
    if d not in (T.float32, T.float64):
        if d is T.float16:
            raise RuntimeError("view_as_complex: complex32 (ComplexHalf) tensors are not "
                               "supported by unify's torch frontend")
        raise RuntimeError("view_as_complex is only supported for half, float and double tensors, "
                           f"but got a tensor of scalar type: {_scalar_name(d)}")
    s = C.shape(input._value())
    if not s:
        raise RuntimeError("Input tensor must have one or more dimensions")
    if s[-1] != 2:
        raise RuntimeError("Tensor must have a last dimension of size 2")
    st, off = _geo(input)
    if st[-1] != 1:
        raise RuntimeError("Tensor must have a last dimension with stride 1")
    if any(x % 2 for x in st[:-1]):
        raise RuntimeError("Tensor must have a stride divisible by 2 for all but last dimension")
    if off % 2:
        raise RuntimeError("Tensor must have a storage_offset divisible by 2")
    cd = d.to_complex()
    step = _AsComplex(cd.core)
    out = input._view(step, step.apply(input._value()), (tuple(x // 2 for x in st[:-1]), off // 2))
    out._dt = cd
    return out


def _scalar_name(d):
    return {"float16": "Half", "bfloat16": "BFloat16", "int64": "Long", "int32": "Int",
            "int16": "Short", "int8": "Char", "uint8": "Byte", "bool": "Bool",
            "complex64": "ComplexFloat", "complex128": "ComplexDouble", "float32": "Float",
            "float64": "Double"}.get(str(d).split(".")[1], str(d))


class _Unfold(M.Step):
    """Tensor.unfold(dim, size, step): windows along `dim` become a new last dim."""

    __slots__ = ("dim", "idx", "n", "step")

    def __init__(self, dim, idx, n, step):
        self.dim, self.idx, self.n, self.step = dim, idx, n, step

    def apply(self, x):
        w = C.take(x, C.asarray(self.idx, dtype=C.int64), axis=self.dim)
        return C.moveaxis(w, self.dim + 1, -1)

    def back(self, parent, child):
        d = self.dim
        c = C.moveaxis(child, -1, d + 1)
        size = len(self.idx[0]) if self.idx else 0
        if self.step >= size:  # windows do not overlap: one scatter
            key = (_slice(None),) * d + (C.asarray(self.idx, dtype=C.int64),)
            return C.index_update(parent, key, c)
        # overlapping windows: each element takes the copy that was written (if any)
        old = C.take(parent, C.asarray(self.idx, dtype=C.int64), axis=d)
        changed = C.not_equal(c, old)
        pre = (_slice(None),) * d
        cols = [C.getitem(parent, pre + (p,)) for p in range(self.n)]
        for w, window in enumerate(self.idx):
            for k, p in enumerate(window):
                sel = pre + (w, k)
                cols[p] = C.where(C.getitem(changed, sel), C.getitem(c, sel), cols[p])
        return C.stack(cols, axis=d)


def unfold(input, dimension, size, step):
    s = C.shape(input._value())
    size, step = operator.index(size), operator.index(step)
    nd = len(s)
    d = _dim(dimension, nd)
    n = s[d] if nd else 1
    if size > n:
        raise RuntimeError(f"maximum size for tensor at dimension {d} is {n} but size is {size}")
    if step <= 0:
        raise RuntimeError(f"step is {step} but must be > 0")
    if size < 0:
        raise RuntimeError(f"size is {size} but must be >= 0")
    if not nd:
        return unsqueeze(input, 0) if size == 1 else reshape(input, (0,))
    nw = (n - size) // step + 1
    idx = [[w * step + k for k in range(size)] for w in range(nw)]
    st, off = _geo(input)
    stp = _Unfold(d, idx, n, step)
    new_st = st[:d] + (st[d] * step,) + st[d + 1:] + (st[d],)
    return input._view(stp, stp.apply(input._value()), (new_st, off))


class _AsStrided(M.Step):
    """as_strided from the root storage: a gather of flat positions."""

    __slots__ = ("pos", "shape")

    def __init__(self, pos, shape):
        self.pos, self.shape = pos, shape

    def apply(self, x):
        flat = C.reshape(x, (-1,))
        return C.reshape(C.take(flat, C.asarray(self.pos, dtype=C.int64)), self.shape)

    def back(self, parent, child):
        flat = C.reshape(parent, (-1,))
        flat = C.index_update(flat, (C.asarray(self.pos, dtype=C.int64),), C.reshape(child, (-1,)))
        return C.reshape(flat, C.shape(parent))


def as_strided(input, size, stride, storage_offset=None):
    """torch.as_strided over the storage of input's root tensor (the root laid out
    contiguously). Writes through overlapping positions keep one of the values."""
    size = _shape_arg((size,))
    stride = _shape_arg((stride,))
    if len(size) != len(stride):
        raise RuntimeError(f"mismatch in length of strides and shape")
    if any(n < 0 for n in size):
        raise RuntimeError(f"Trying to create tensor with negative dimension: {list(size)}")
    if any(st < 0 for st in stride):
        raise RuntimeError("as_strided: Negative strides are not supported at the moment, got "
                           f"strides: {list(stride)}")
    off = input.storage_offset() if storage_offset is None else operator.index(storage_offset)
    root = input if input._base is None else input._base
    total = math.prod(C.shape(root._value()))
    pos = [off]
    for n, st in zip(size, stride):
        pos = [p + i * st for p in pos for i in range(n)]
    if math.prod(size) and (max(pos) >= total or off < 0):
        raise RuntimeError(f"setStorage: sizes {list(size)}, strides {list(stride)}, storage "
                           f"offset {off}, and itemsize {input.dtype.itemsize} requiring a storage "
                           f"size of {(max(pos) + 1) * input.dtype.itemsize} are out of bounds "
                           f"for storage of size {total * input.dtype.itemsize}")
    if not math.prod(size):
        pos = []
    stp = _AsStrided(pos, size)
    out = root._view(stp, stp.apply(root._value()), (stride, off))
    out._dt = input._dt
    return out


# ------------------------------------------------------------------ indexing

def _contiguous_key_geometry(shape, key):
    return _key_geometry(shape, _cstrides(shape), 0, key)


def _basic(x: Tensor, key: tuple) -> Tensor:
    """x[key] for a checked basic key: a view."""
    v = x._value()
    if x._g is None:  # contiguous from 0 (no zero strides): the geometry can wait
        return x._view(M.GetItem(key), C.getitem(v, key),
                       LazyGeo(_contiguous_key_geometry, C.shape(v), key))
    strides, off = _geo(x)
    if 0 in strides:
        key = _zero_stride_key(C.shape(v), strides, key)
    ns, noff = _key_geometry(C.shape(v), strides, off, key)
    return x._view(M.GetItem(key), C.getitem(v, key), (ns, noff))


def _key_geometry(shape, strides, offset, key):
    """(strides, offset) of x[key] for a checked basic key, applying the entries left to right
    as torch does (None is an unsqueeze of the dims as they are at that point)."""
    n_used = builtins.sum(1 for k in key if k is not None and k is not Ellipsis)
    sh, st = list(shape), list(strides)
    d = 0
    for k in key:
        if k is Ellipsis:
            d += len(shape) - n_used
        elif k is None:
            st.insert(d, sh[d] * st[d] if d < len(sh) else 1)
            sh.insert(d, 1)
            d += 1
        elif type(k) is _slice:
            start, stop, step = k.indices(sh[d])
            n = len(range(start, stop, step))
            if n:
                offset += start * st[d]
            sh[d] = n
            st[d] *= step
            d += 1
        else:
            offset += (k + sh[d] if k < 0 else k) * st[d]
            del sh[d], st[d]
    return tuple(st), offset


def _zero_stride_key(shape, strides, key):
    """The same key with every int/slice on a zero-stride (expanded) dim moved to the first
    copy: the same memory in torch, and the copy an expand's write-back keeps."""
    n_used = builtins.sum(1 for k in key if k is not None and k is not Ellipsis)
    out = []
    d = 0
    for k in key:
        if k is Ellipsis:
            out.append(k)
            d += len(shape) - n_used
        elif k is None:
            out.append(k)
        else:
            if strides[d] == 0 and shape[d] > 1:
                if type(k) is _slice:
                    n = len(range(*k.indices(shape[d])))
                    k = _slice(0, n)
                else:
                    k = 0
            out.append(k)
            d += 1
    return tuple(out)


_BAD = ("only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are "
        "valid indices (got {})")


def _seq_is_tuple(key) -> bool:
    """torch's rule for a non-tuple sequence key: a tuple of indices when it holds a sequence,
    slice, Ellipsis, None or tensor (and is short), else one index tensor."""
    if len(key) >= 32:
        return False
    for k in key:
        if isinstance(k, (list, tuple, Tensor, _slice)) or k is None or k is Ellipsis:
            return True
    return False


def _seq_index(seq):
    """A nested list used as one index: bools -> a mask, numbers -> int64 (floats truncate)."""
    import numpy as np

    def conv(v):
        if isinstance(v, Tensor):
            return v.item()
        if isinstance(v, (list, tuple)):
            return [conv(y) for y in v]
        return v

    vals = conv(seq)
    a = np.asarray(vals)
    if a.dtype == object:
        raise ValueError("expected sequence of equal-length lists")
    if a.dtype.kind == "b":
        return C.asarray(a), "m"
    if a.dtype.kind not in "biuf":
        raise IndexError(_BAD.format(type(seq).__name__))
    return C.asarray(a.astype(np.int64)), "a"


def _parse(x: Tensor, key):
    """Split a key into torch's stages: (stage-1 basic key, stage-2 advanced key or None,
    copy) where copy means the result must not alias (a 0-d integer tensor used as an int)."""
    if type(key) is not tuple:
        if isinstance(key, list) and _seq_is_tuple(key):
            key = tuple(key)
        else:
            key = (key,)
    shape = C.shape(x._value())
    nd = len(shape)
    items = []  # (kind, value): kinds i, s, n, e, a (int array), m (mask), b (Python bool)
    used = 0
    copy = False
    n_ell = 0
    for k in key:
        tk = type(k)
        if tk is _int:
            items.append(("i", k))
            used += 1
        elif tk is _slice:
            items.append(("s", k))
            used += 1
        elif k is None:
            items.append(("n", None))
        elif k is Ellipsis:
            n_ell += 1
            if n_ell > 1:
                raise IndexError("an index can only have a single ellipsis ('...')")
            items.append(("e", None))
        elif tk is _bool:
            items.append(("b", k))
        elif isinstance(k, Tensor):
            d = k.dtype
            kc = d.core.kind
            v = k._value()
            if kc == "b" or d.core is C.uint8:
                if d.core is C.uint8:
                    v = C.astype(v, C.bool)
                ks = C.shape(v)
                if not ks:
                    items.append(("b", _bool(C.to_numpy(v))))
                else:
                    items.append(("m", v))
                    used += len(ks)
            elif kc in "iu":
                if not C.shape(v):
                    items.append(("i", _int(C.to_numpy(v))))
                    copy = True
                    used += 1
                else:
                    items.append(("a", v))
                    used += 1
            else:
                raise IndexError("tensors used as indices must be long, int, byte or bool tensors")
        elif isinstance(k, (list, tuple)):
            v, kind = _seq_index(k)
            items.append((kind, v))
            used += len(C.shape(v)) if kind == "m" else 1
        elif hasattr(k, "__index__") and not isinstance(k, (float, complex)) and not hasattr(k, "shape"):
            items.append(("i", operator.index(k)))
            used += 1
        elif hasattr(k, "dtype") and hasattr(k, "shape"):  # a NumPy array or scalar
            import numpy as np

            a = np.asarray(k)
            if a.dtype.kind == "b":
                if a.ndim:
                    items.append(("m", C.asarray(a)))
                    used += a.ndim
                else:
                    items.append(("b", _bool(a)))
            elif a.dtype.kind in "iu":
                if a.ndim:
                    items.append(("a", C.asarray(a)))
                else:
                    items.append(("i", _int(a)))
                used += 1
            else:
                raise IndexError("tensors used as indices must be long, int, byte or bool tensors")
        elif isinstance(k, str):
            raise TypeError(f"new(): invalid data type '{tk.__name__}'")
        else:
            raise IndexError(_BAD.format(tk.__name__))
    if used > nd:
        raise IndexError(f"too many indices for tensor of dimension {nd}")
    s1 = []
    s2 = []
    adv = False
    d = 0
    for kind, v in items:
        if kind == "i":
            n = shape[d]
            if not -n <= v < n:
                raise IndexError(f"index {v} is out of bounds for dimension {d} with size {n}")
            s1.append(v)
            d += 1
        elif kind == "s":
            st = v.step
            if st is not None:
                st = operator.index(st)
                if st == 0:
                    raise ValueError("slice step cannot be zero")
                if st < 0:
                    raise ValueError("step must be greater than zero")
            if type(v.start) not in (_int, _NONE_T) or type(v.stop) not in (_int, _NONE_T) or (
                    st is not None and type(v.step) is not _int):
                v = _slice(None if v.start is None else operator.index(v.start),
                           None if v.stop is None else operator.index(v.stop), st)
            s1.append(v)
            s2.append(_slice(None))
            d += 1
        elif kind == "n":
            s1.append(None)
            s2.append(_slice(None))
        elif kind == "e":
            s1.append(Ellipsis)
            s2.extend([_slice(None)] * (nd - used))  # torch's advanced-index adjacency is by dims
            d += nd - used
        elif kind == "b":  # torch: a new dim (as None) indexed by [0] (True) or [] (False)
            s1.append(None)
            s2.append(C.asarray([0] if v else [], dtype=C.int64))
            adv = True
        elif kind == "a":
            s1.append(_slice(None))
            s2.append(v)
            adv = True
            d += 1
        else:  # mask over len(shape(v)) dims
            ks = C.shape(v)
            for j, m in enumerate(ks):
                if m != shape[d + j]:
                    raise IndexError(f"The shape of the mask {list(ks)} at index {j} does not "
                                     f"match the shape of the indexed tensor {list(shape)} at "
                                     f"index {d + j}")
            s1.extend([_slice(None)] * len(ks))
            s2.append(v)
            adv = True
            d += len(ks)
    return tuple(s1), (tuple(s2) if adv else None), copy


def _plain_basic(shape, key):
    """key when it is a tuple of Python ints, plain slices (int/None bounds, step > 0), None
    and at most one Ellipsis, checked against shape; else None (the general parser decides)."""
    used = 0
    ell = False
    for k in key:
        t = type(k)
        if t is _int:
            used += 1
        elif t is _slice:
            st = k.step
            if (st is not None and (type(st) is not _int or st <= 0)) or \
                    type(k.start) not in (_int, _NONE_T) or type(k.stop) not in (_int, _NONE_T):
                return None
            used += 1
        elif k is Ellipsis:
            if ell:
                return None
            ell = True
        elif k is not None:
            return None
    nd = len(shape)
    if used > nd:
        return None
    d = 0
    for k in key:
        if type(k) is _int:
            n = shape[d]
            if not -n <= k < n:
                return None
            d += 1
        elif type(k) is _slice:
            d += 1
        elif k is Ellipsis:
            d += nd - used
    return key


def _trivial(key) -> bool:
    for k in key:
        if k is Ellipsis:
            continue
        if type(k) is not _slice or k.start is not None or k.stop is not None or k.step not in (None, 1):
            return False
    return True


def getitem(x: Tensor, key):
    tk = type(key)
    if tk is _int:  # fast path: x[i]
        v = x._value()
        s = C.shape(v)
        if not s:
            raise IndexError("invalid index of a 0-dim tensor. Use `tensor.item()` in Python or "
                             "`tensor.item<T>()` in C++ to convert a 0-dim tensor to a number")
        n = s[0]
        if not -n <= key < n:
            raise IndexError(f"index {key} is out of bounds for dimension 0 with size {n}")
        g = x._geo
        st, off = (_cstrides(s), 0) if g is None else g
        if st[0] == 0:
            key = 0
        k = (key,)
        return x._view(M.GetItem(k), C.getitem(v, k),
                       (st[1:], off + (key + n if key < 0 else key) * st[0]))
    if tk is _slice and (key.step is None or type(key.step) is _int and key.step > 0) and \
            type(key.start) in (_int, _NONE_T) and type(key.stop) in (_int, _NONE_T):
        if not C.shape(x._value()):
            raise IndexError("slice() cannot be applied to a 0-dim tensor.")
        return _basic(x, (key,))
    if tk is tuple:
        k = _plain_basic(C.shape(x._value()), key)
        if k is not None:
            return _basic(x, k)
    s1, s2, copy = _parse(x, key)
    if s2 is None:
        if copy:
            return wrap(C.copy(C.getitem(x._value(), s1)), x._dt)
        return _basic(x, s1)
    v = x._value() if _trivial(s1) else C.getitem(x._value(), s1)
    return wrap(C.getitem(v, s2), x._dt)


def _value_for(x: Tensor, value):
    """The native value written by `x[...] = value` (torch's casts and errors)."""
    dt = x.dtype
    if isinstance(value, Tensor):
        v = value._value()
        if value.dtype is not dt:
            v = C.astype(v, dt.core)
        return v
    tv = type(value)
    if tv is _int or tv is float or tv is _bool or tv is complex:
        return scalar_value(value, dt)
    if isinstance(value, (list, tuple)):
        raise TypeError(f"can't assign a {tv.__name__} to a {_type_name(dt)}")
    if hasattr(value, "__array__") or hasattr(value, "dtype"):
        return C.asarray(value, dtype=dt.core)
    raise TypeError(f"can't assign a {tv.__name__} to a {_type_name(dt)}")


def scalar_value(value, dt):
    """A Python scalar as a native 0-d array of torch dtype dt, with torch's overflow errors."""
    kind = dt.core.kind
    tv = type(value)
    if tv is _int and not -(1 << 63) <= value < (1 << 63):
        from ._api import TorchValueError

        raise TorchValueError("Overflow when unpacking long long")
    if kind in "iub":
        if kind == "b":
            return C.asarray(_bool(value), dtype=dt.core)
        if tv is complex:
            _overflow(dt)
        if tv is float:
            if value != value or value in (_INF, -_INF):
                _overflow(dt)
            value = _int(value)
        info = D.iinfo(dt.core)
        lo = info.min if kind == "i" else -info.max
        if not lo <= value <= info.max:
            _overflow(dt)
        if value < 0 and kind == "u":
            value += info.max + 1
        return C.asarray(value, dtype=dt.core)
    if tv is complex and kind != "c":
        _overflow(dt)
    if kind == "f" and tv is not complex and value == value and abs(value) >= _FMAX.get(dt.core, _INF):
        if dt.core is D.float32:
            if abs(value) != _INF:
                _overflow(dt)
        else:  # float16/bfloat16 round to infinity, as torch (no overflow warning)
            value = math.copysign(_INF, value)
    return C.asarray(value, dtype=dt.core)


_INF = float("inf")
# the magnitudes from which a float rounds to infinity (max + half an ulp)
_FMAX = {D.float16: 65520.0, D.bfloat16: (2 - 2 ** -7) * 2.0 ** 127 + 2.0 ** 119,
         D.float32: (2 - 2 ** -23) * 2.0 ** 127 * (1 + 2.0 ** -52)}  # float32: above max raises


def _overflow(dt):
    raise RuntimeError(f"value cannot be converted to type {str(dt).split('.')[1]} without "
                       "overflow")


def _type_name(dt):
    from ._methods import _TYPE_NAMES

    return _TYPE_NAMES.get(dt, "torch.Tensor")


def _fit(v, shape):
    """Drop leading 1-dims of the value beyond the target's rank; torch's error when the value
    cannot broadcast to the target."""
    vs = C.shape(v)
    extra = len(vs) - len(shape)
    if extra > 0:
        if any(n != 1 for n in vs[:extra]):
            raise RuntimeError(f"expand(torch.FloatTensor{{{list(vs)}}}, size={list(shape)}): the "
                               f"number of sizes provided ({len(shape)}) must be greater or equal "
                               f"to the number of dimensions in the tensor ({len(vs)})")
        v = C.reshape(v, vs[extra:])
        vs = vs[extra:]
    for i, (a, b) in enumerate(zip(reversed(vs), reversed(shape))):
        if a != 1 and a != b:
            dim = len(shape) - 1 - i
            raise RuntimeError(f"The expanded size of the tensor ({b}) must match the existing "
                               f"size ({a}) at non-singleton dimension {dim}.  Target sizes: "
                               f"{list(shape)}.  Tensor sizes: {list(vs)}")
    return v


def _dense(shape, strides) -> bool:
    """torch's is_non_overlapping_and_dense."""
    dims = sorted((st, n) for n, st in zip(shape, strides) if n != 1)
    acc = 1
    for st, n in dims:
        if st != acc:
            return False
        acc *= n
    return True


def overlap_status(a: Tensor, b) -> str | None:
    """torch's memory-overlap status of two tensors: "full" (the same elements), "partial",
    or None (no overlap, or not decidable: a non-dense tensor, as torch's TooHard)."""
    if not isinstance(b, Tensor):
        return None
    if a is b:
        return "full"
    if _root(a) is not _root(b):
        return None
    sa, sb = C.shape(a._value()), C.shape(b._value())
    if not math.prod(sa) or not math.prod(sb):
        return None
    (sta, oa), (stb, ob) = _geo(a), _geo(b)
    if not (_dense(sa, sta) and _dense(sb, stb)):
        return None
    ea = oa + builtins.sum((n - 1) * st for n, st in zip(sa, sta))
    eb = ob + builtins.sum((n - 1) * st for n, st in zip(sb, stb))
    if ea < ob or eb < oa:
        return None
    return "full" if oa == ob and ea == eb else "partial"


_OVERLAP_MSG = ("unsupported operation: some elements of the input tensor and the written-to "
                "tensor refer to a single memory location. Please clone() the tensor before "
                "performing the operation.")


def check_partial_overlap(dst: Tensor, src) -> None:
    """torch's assert_no_partial_overlap for a copy from src into dst."""
    if overlap_status(dst, src) == "partial":
        raise RuntimeError(_OVERLAP_MSG)


def check_no_overlap(out, *inputs) -> None:
    """torch's assert_no_overlap between an `out=` tensor and the inputs (any overlap raises)."""
    if out is None:
        return
    for t in inputs:
        if overlap_status(out, t) is not None:
            raise RuntimeError(_OVERLAP_MSG)


def _check_writable(t: Tensor) -> None:
    g = t._geo
    if g is not None and M.overlapping(C.shape(t._value()), g[0]):
        raise RuntimeError("unsupported operation: more than one element of the written-to tensor "
                           "refers to a single memory location. Please clone() the tensor before "
                           "performing the operation.")


def _root(t):
    b = t._base
    return t if b is None else b


def setitem(x: Tensor, key, value) -> None:
    if type(key) is _int:
        s = C.shape(x._value())
        if not s:
            raise IndexError("invalid index of a 0-dim tensor. Use `tensor.item()` in Python or "
                             "`tensor.item<T>()` in C++ to convert a 0-dim tensor to a number")
        if not -s[0] <= key < s[0]:
            raise IndexError(f"index {key} is out of bounds for dimension 0 with size {s[0]}")
        s1, s2 = (key,), None
    else:
        s1, s2, _ = _parse(x, key)
    v = _value_for(x, value)
    g = x._geo
    if s2 is None and (g is None or 0 not in g[0]) and not (
            isinstance(value, Tensor) and _root(value) is _root(x)):
        # fast path: a basic key into a tensor without expanded dims, from an unrelated value
        try:
            x._setitem(s1, v)
        except ValueError as e:
            raise RuntimeError(f"shape mismatch: {e}") from e
        return
    target = x if _trivial(s1) else _basic(x, s1)
    if s2 is None:
        check_partial_overlap(target, value)
        _check_writable(target)
        target._write(_fit(v, C.shape(target._value())))
        return
    _check_writable(target)
    try:
        target._setitem(s2, v)
    except ValueError as e:
        raise RuntimeError(f"shape mismatch: {e}") from e
