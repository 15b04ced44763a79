"""NumPy's comparison and type-test helpers (allclose, isclose, array_equal, iscomplexobj, ...),
array-shape queries (ndim, shape, size), function application (apply_along_axis,
apply_over_axes, vectorize, piecewise), bit packing and number formatting."""
from __future__ import annotations

import builtins
import numbers
import operator
import re

from ... import core as C
from . import _dtypes as T
from . import _scalars as S
from ._math import _cast, _common, _in, _nat, _shape
from ._ndarray import dtype_of, ndarray, normalize_axis, operand, result, wrap

__all__ = ["allclose", "isclose", "array_equal", "array_equiv", "iscomplexobj", "isrealobj",
           "iscomplex", "isreal", "isposinf", "isneginf", "isscalar", "ndim", "shape", "size", "apply_along_axis",
           "apply_over_axes", "vectorize", "piecewise", "packbits", "unpackbits", "binary_repr",
           "base_repr"]

_PY = (builtins.bool, builtins.int, builtins.float, builtins.complex)


# ------------------------------------------------------------------ comparisons

def _isclose_native(a, b, rtol, atol, equal_nan):
    bd = dtype_of(b)
    yd = T.PROMOTE[bd, T.F64] if bd.kind in "biu" else bd
    if type(b) is builtins.int:
        b = float(b)
    (x, y), d = _common(a, b if type(b) in _PY else wrap(_nat(b, yd), yd))
    if d.kind not in "fc":
        d = T.F64
        x, y = _cast(x, d), _cast(y, d)
    tol = C.add(C.multiply(C.abs(y), rtol), atol) if not isinstance(rtol, ndarray) else \
        C.add(C.multiply(C.abs(y), _nat(rtol)), _nat(atol))
    close = C.logical_and(C.less_equal(C.abs(C.subtract(x, y)), tol), C.isfinite(y))
    r = C.logical_or(close, C.equal(x, y))
    if equal_nan:
        r = C.logical_or(r, C.logical_and(C.isnan(x), C.isnan(y)))
    return r


def isclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False):
    return result(_isclose_native(a, b, rtol, atol, equal_nan))


def allclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False):
    return builtins.bool(C.all(_isclose_native(a, b, rtol, atol, equal_nan)))


def array_equal(a1, a2, equal_nan=False):
    try:
        (x, y), d = _common(a1, a2)
    except (TypeError, ValueError):
        return False
    if _shape(x) != _shape(y):
        return False
    eq = C.equal(x, y)
    if equal_nan and d.kind in "fc":
        eq = C.logical_or(eq, C.logical_and(C.isnan(x), C.isnan(y)))
    return builtins.bool(C.all(eq))


def array_equiv(a1, a2):
    try:
        (x, y), d = _common(a1, a2)
        x, y = C.broadcast_arrays(x, y)
    except (TypeError, ValueError):
        return False
    return builtins.bool(C.all(C.equal(x, y)))


# ------------------------------------------------------------------ type tests

def iscomplexobj(x):
    d = getattr(x, "dtype", None)
    try:
        d = T.as_dtype(d) if d is not None else dtype_of(x)
    except TypeError:
        d = dtype_of(x)
    return d.kind == "c"


def isrealobj(x):
    return not iscomplexobj(x)


def iscomplex(x):
    v, d = _in(x)
    if d.kind == "c":
        return result(C.not_equal(C.imag(v), 0))
    return result(C.zeros(_shape(v), dtype=C.bool))


def isreal(x):
    if type(x) in _PY:
        return x.imag == 0
    v, d = _in(x)
    if d.kind == "c":
        return result(C.equal(C.imag(v), 0))
    return result(C.ones(_shape(v), dtype=C.bool))


def _signed_inf(x, out, negative):
    v, d = _in(x)
    if d.kind == "c":
        raise TypeError("This operation is not supported for complex values because it would be "
                        "ambiguous.")
    if d.kind != "f":
        r = C.zeros(_shape(v), dtype=C.bool)
    else:
        sb = C.signbit(v)
        r = C.logical_and(C.isinf(v), sb if negative else C.logical_not(sb))
    if out is not None:
        from ._ndarray import write_out
        return write_out(out, r)
    return result(r)


def isposinf(x, out=None):
    return _signed_inf(x, out, False)


def isneginf(x, out=None):
    return _signed_inf(x, out, True)


def isscalar(element):
    return (isinstance(element, S.generic) or isinstance(element, numbers.Number)
            or isinstance(element, (str, bytes, memoryview)))


def ndim(a):
    try:
        return a.ndim
    except AttributeError:
        return len(_shape(_nat(a)))


def shape(a):
    try:
        return tuple(a.shape)
    except AttributeError:
        return _shape(_nat(a))


def size(a, axis=None):
    s = shape(a)
    if axis is None:
        n = 1
        for k in s:
            n *= k
        return n
    if isinstance(axis, (tuple, list)):
        n = 1
        for ax in axis:
            n *= s[normalize_axis(ax, len(s))]
        return n
    return s[axis]


# ------------------------------------------------------------------ function application

def _nat_result(r):
    v, d = operand(r)
    return v, d


def apply_along_axis(func1d, axis, arr, *args, **kwargs):
    v, d = _in(arr)
    s = _shape(v)
    nd = len(s)
    ax = normalize_axis(axis, nd)
    x = C.moveaxis(v, ax, -1)
    it = _shape(x)[:-1]
    n = 1
    for k in it:
        n *= k
    if n == 0:
        raise ValueError("Cannot apply_along_axis when any iteration dimensions are 0")
    rows = C.unstack(C.reshape(x, (n, s[ax])), axis=0)
    outs = []
    rd = None
    for row in rows:
        r = func1d(wrap(row, d), *args, **kwargs)
        rv, rdt = _nat_result(r)
        if rd is None:
            rd, rs = rdt, _shape(rv)
        outs.append(_cast(rv, rd))
    buf = C.reshape(C.stack(outs, axis=0), it + rs)
    k = len(rs)
    dims = list(range(len(it) + k))
    perm = dims[:ax] + dims[len(it):] + dims[ax:len(it)]
    if perm != dims:
        buf = C.permute_dims(buf, tuple(perm))
    return wrap(buf, rd)


def apply_over_axes(func, a, axes):
    val = a if isinstance(a, ndarray) else wrap(_nat(a))
    N = val.ndim
    if isinstance(axes, builtins.int) or not hasattr(axes, "__len__"):
        axes = (axes,)
    for axis in axes:
        if axis < 0:
            axis = N + axis
        res = func(val, axis)
        if not isinstance(res, ndarray):
            res = wrap(_nat(res))
        if res.ndim == val.ndim:
            val = res
        else:
            res = wrap(C.expand_dims(res._value(), axis=axis), res.dtype)
            if res.ndim == val.ndim:
                val = res
            else:
                raise ValueError("function is not returning an array of the correct shape")
    return val


_DIM = r"\w+"
_CORE = rf"(?:{_DIM}(?:,{_DIM})*)?"
_ARGLIST = rf"\({_CORE}\)(?:,\({_CORE}\))*"
_SIGNATURE = rf"^{_ARGLIST}->{_ARGLIST}$"


def _parse_signature(sig):
    sig = re.sub(r"\s+", "", sig)
    if not re.match(_SIGNATURE, sig):
        raise ValueError(f"not a valid gufunc signature: {sig}")
    ins, outs = sig.split("->")
    parse = lambda part: [tuple(re.findall(_DIM, arg)) for arg in re.findall(rf"\({_CORE}\)", part)]  # noqa: E731
    return parse(ins), parse(outs)


class vectorize:
    """numpy.vectorize: a Python loop calling pyfunc on NumPy scalars (or, with `signature`,
    on core-dimension subarrays)."""

    def __init__(self, pyfunc=None, otypes=None, doc=None, excluded=None, cache=False,
                 signature=None):
        self.pyfunc = pyfunc
        self.cache = cache
        self.signature = signature
        self.__doc__ = doc if doc is not None else getattr(pyfunc, "__doc__", None)
        if isinstance(otypes, str):
            otypes = [T.BY_CHAR[c] for c in otypes]
        elif otypes is not None:
            otypes = [T.as_dtype(t) for t in otypes]
        self.otypes = otypes
        self.excluded = set(excluded) if excluded else set()
        self._sig = _parse_signature(signature) if signature is not None else None

    def __call__(self, *args, **kwargs):
        if self.pyfunc is None:
            return vectorize(args[0], otypes=self.otypes, excluded=self.excluded,
                             signature=self.signature)
        func = self.pyfunc
        excluded = self.excluded
        if excluded or kwargs:
            pos = [i for i in range(len(args)) if i not in excluded]
            names = [k for k in kwargs if k not in excluded]
            fixed_args, fixed_kw = list(args), dict(kwargs)

            def call(*vals):
                a = list(fixed_args)
                for i, v in zip(pos, vals[:len(pos)]):
                    a[i] = v
                kw = dict(fixed_kw)
                for k, v in zip(names, vals[len(pos):]):
                    kw[k] = v
                return func(*a, **kw)
            inputs = [args[i] for i in pos] + [kwargs[k] for k in names]
        else:
            call, inputs = func, list(args)
        if self._sig is not None:
            return self._call_signature(call, inputs)
        vals = [_in(a) for a in inputs]
        shapes = [_shape(v) for v, _ in vals]
        bshape = tuple(C.broadcast_shapes(*shapes)) if shapes else ()
        flats = [(C.reshape(C.broadcast_to(v, bshape), (-1,)), d) for v, d in vals]
        n = 1
        for k in bshape:
            n *= k
        otypes = self.otypes
        if n == 0 and otypes is None:
            raise ValueError("cannot call `vectorize` on size 0 inputs unless `otypes` is set")
        if otypes is None:
            # NumPy calls pyfunc once on NumPy scalars to learn the output types, then on
            # Python scalars for every element
            first = call(*[result(C.getitem(f, 0), d) for f, d in flats])
            firsts = first if isinstance(first, tuple) else (first,)
            otypes = [operand(o)[1] for o in firsts]
        columns = [C.to_numpy(f).tolist() for f, _ in flats]
        outs = [call(*row) for row in zip(*columns)] if columns else [call() for _ in range(n)]
        if len(otypes) == 1:
            return self._collect(outs, bshape, otypes[0])
        cols = [[o[k] for o in outs] for k in range(len(otypes))]
        return tuple(self._collect(c, bshape, d) for c, d in zip(cols, otypes))

    @staticmethod
    def _collect(values, bshape, d):
        if not values:
            return wrap(C.zeros(bshape, dtype=d.core), d)
        if d.kind != "c" and builtins.any(type(x) is builtins.complex for x in values):
            raise TypeError("float() argument must be a string or a real number, not 'complex'")
        v = operand(values, d)[0]
        return wrap(C.reshape(v, bshape + _shape(v)[1:]), d)

    def _call_signature(self, call, inputs):
        ins, outs_sig = self._sig
        if len(inputs) != len(ins):
            raise TypeError(f"wrong number of positional arguments: expected {len(ins)}, got "
                            f"{len(inputs)}")
        vals = [_in(a) for a in inputs]
        sizes = {}
        loops = []
        for (v, d), dims in zip(vals, ins):
            s = _shape(v)
            if len(s) < len(dims):
                raise ValueError(f"input with shape {s} does not have enough dimensions for all "
                                 f"core dimensions {dims}")
            core = s[len(s) - len(dims):] if dims else ()
            for name, k in zip(dims, core):
                if sizes.setdefault(name, k) != k:
                    raise ValueError(f"inconsistent size for core dimension {name!r}: {k} vs "
                                     f"{sizes[name]}")
            loops.append(s[:len(s) - len(dims)])
        bshape = tuple(C.broadcast_shapes(*loops)) if loops else ()
        n = 1
        for k in bshape:
            n *= k
        flats = []
        for (v, d), dims, lp in zip(vals, ins, loops):
            core = _shape(v)[len(lp):]
            flats.append((C.reshape(C.broadcast_to(v, bshape + core), (n,) + core), d))
        results = []
        per_input = [C.unstack(f, axis=0) if n else () for f, _ in flats]
        for row in zip(*per_input):
            r = call(*[wrap(x, d) for x, (_, d) in zip(row, flats)])
            results.append(r if len(outs_sig) > 1 else (r,))
        out = []
        for k, dims in enumerate(outs_sig):
            col = [r[k] for r in results]
            d = self.otypes[k] if self.otypes is not None else operand(col[0])[1]
            stacked = C.stack([operand(x, d)[0] for x in col], axis=0)
            out.append(wrap(C.reshape(stacked, bshape + _shape(stacked)[1:]), d))
        return out[0] if len(out) == 1 else tuple(out)


def piecewise(x, condlist, funclist, *args, **kw):
    v, d = _in(x)
    xa = wrap(v, d)
    n2 = len(funclist)
    if isscalar(condlist) or (not isinstance(condlist[0], (list, ndarray)) and
                              not hasattr(condlist[0], "shape") and len(_shape(v)) != 0):
        condlist = [condlist]
    conds = [C.broadcast_to(_nat(c, T.BOOL), _shape(v)) for c in condlist]
    n = len(conds)
    if n == n2 - 1:
        anyc = conds[0]
        for c in conds[1:]:
            anyc = C.logical_or(anyc, c)
        conds.append(C.logical_not(anyc))
        n += 1
    elif n != n2:
        raise ValueError(f"with {n} condition(s), either {n} or {n + 1} functions are expected")
    y = C.zeros_like(v)
    for cond, func in zip(conds, funclist):
        if not callable(func):
            if type(func) is builtins.int and d.kind in "iu":
                T.check_int_fits(func, d)
            y = C.where(cond, _cast(_nat(func), d), y)
        else:
            idx = C.nonzero(C.reshape(cond, (-1,)))[0]
            if _shape(idx)[0] == 0:
                continue
            vals = wrap(C.take(C.reshape(v, (-1,)), idx), d)
            r = _cast(_nat(func(vals, *args, **kw)), d)
            flat = C.index_update(C.reshape(y, (-1,)), idx, C.broadcast_to(r, _shape(idx)))
            y = C.reshape(flat, _shape(v))
    return wrap(y, d)


# ------------------------------------------------------------------ bits

def packbits(a, /, axis=None, bitorder="big"):
    if bitorder not in ("big", "little"):
        raise ValueError("'order' must be either 'little' or 'big'")
    v, d = _in(a)
    if d.kind not in "biu":
        raise TypeError("Expected an input array of integer or boolean data type")
    if axis is None:
        v, ax = C.reshape(v, (-1,)), 0
    else:
        ax = normalize_axis(axis, len(_shape(v)))
    bits = C.astype(C.not_equal(v, 0), C.uint8)
    s = _shape(bits)
    k = s[ax]
    pad = (-k) % 8
    if pad:
        widths = [(0, 0)] * len(s)
        widths[ax] = (0, pad)
        bits = C.pad(bits, tuple(widths))
    m = (k + pad) // 8
    bits = C.reshape(bits, s[:ax] + (m, 8) + s[ax + 1:])
    w = [128, 64, 32, 16, 8, 4, 2, 1] if bitorder == "big" else [1, 2, 4, 8, 16, 32, 64, 128]
    wsh = (1,) * (ax + 1) + (8,) + (1,) * (len(s) - ax - 1)
    wv = C.reshape(C.asarray(w, dtype=C.uint8), wsh)
    r = C.sum(C.multiply(bits, wv), axis=ax + 1, dtype=C.uint8)
    return wrap(r, T.U8)


def unpackbits(a, /, axis=None, count=None, bitorder="big"):
    v, d = _in(a)
    if d is not T.U8:
        raise TypeError("Expected an input array of unsigned byte data type")
    if bitorder not in ("big", "little"):
        raise ValueError("'order' must be either 'little' or 'big'")
    if axis is None:
        v, ax = C.reshape(v, (-1,)), 0
    else:
        ax = normalize_axis(axis, len(_shape(v)))
    s = _shape(v)
    sh = [7, 6, 5, 4, 3, 2, 1, 0] if bitorder == "big" else [0, 1, 2, 3, 4, 5, 6, 7]
    shifts = C.reshape(C.asarray(sh, dtype=C.uint8), (1,) * (ax + 1) + (8,) + (1,) * (len(s) - ax - 1))
    x = C.expand_dims(v, axis=ax + 1)
    bits = C.bitwise_and(C.bitwise_right_shift(x, shifts), C.asarray(1, dtype=C.uint8))
    bits = C.reshape(bits, s[:ax] + (s[ax] * 8,) + s[ax + 1:])
    if count is not None:
        count = operator.index(count)
        n = s[ax] * 8
        keep = count if count >= 0 else builtins.max(n + count, 0)
        if keep <= n:
            bits = C.getitem(bits, (slice(None),) * ax + (slice(0, keep),))
        else:
            widths = [(0, 0)] * len(s)
            widths[ax] = (0, keep - n)
            bits = C.pad(bits, tuple(widths))
    return wrap(bits, T.U8)


# ------------------------------------------------------------------ number formatting

def binary_repr(num, width=None):
    num = operator.index(num)

    def check(w, binwidth):
        if w is not None and w < binwidth:
            raise ValueError(f"Insufficient bit width={w} provided for binwidth={binwidth}")

    if num == 0:
        return "0" * (width or 1)
    if num > 0:
        binary = bin(num)[2:]
        out = len(binary) if width is None else builtins.max(len(binary), width)
        check(width, len(binary))
        return binary.zfill(out)
    if width is None:
        return "-" + bin(-num)[2:]
    poswidth = len(bin(-num)[2:])
    if 2 ** (poswidth - 1) == -num:
        poswidth -= 1
    binary = bin(2 ** (poswidth + 1) + num)[2:]
    check(width, len(binary))
    return "1" * (builtins.max(len(binary), width) - len(binary)) + binary


def base_repr(number, base=2, padding=0):
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    if base > len(digits):
        raise ValueError("Bases greater than 36 not handled in base_repr.")
    if base < 2:
        raise ValueError("Bases less than 2 not handled in base_repr.")
    num = builtins.abs(operator.index(number))
    res = []
    while num:
        res.append(digits[num % base])
        num //= base
    if padding:
        res.append("0" * padding)
    if number < 0:
        res.append("-")
    return "".join(reversed(res or "0"))
