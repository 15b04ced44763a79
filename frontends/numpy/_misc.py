"""NumPy's comparison and type-test helpers (allclose, isclose, array_equal, iscomplexobj, ...),
array-shape queries (ndim, shape, size, isfortran, broadcast), function application
(apply_along_axis, apply_over_axes, vectorize, piecewise), bit packing and counting
(bitwise_count), the matrix-vector gufuncs matvec/vecmat, from_dlpack, number formatting, and
the configuration facts get_include, show_config, show_runtime, getbufsize, setbufsize."""
from __future__ import annotations

import builtins
import contextvars
import numbers
import operator
import re

from ... import core as C
from . import _dtypes as T
from . import _scalars as S
from ._math import _cast, _common, _in, _nat, _shape
from ._ndarray import dtype_of, ndarray, normalize_axis, operand, result, wrap
from ._ufunc import INTS as _INTS, _GUfunc, _loops, _py_native, ufunc as _ufunc

__all__ = ["allclose", "isclose", "array_equal", "array_equiv", "iscomplexobj", "isrealobj",
           "iscomplex", "isreal", "isposinf", "isneginf", "isscalar", "ndim", "shape", "size", "apply_along_axis",
           "apply_over_axes", "vectorize", "piecewise", "packbits", "unpackbits", "binary_repr",
           "base_repr", "bitwise_count", "matvec", "vecmat", "isfortran", "broadcast",
           "from_dlpack", "get_include", "show_config", "show_runtime", "getbufsize",
           "setbufsize"]

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


# ------------------------------------------------------------------ bitwise_count, matvec, vecmat

_WIDTH_UNSIGNED = {1: C.uint8, 2: C.uint16, 4: C.uint32, 8: C.uint64}


def _popcount(x):
    """Number of 1-bits of |x| (two's-complement |INT_MIN| counts one bit, as in NumPy)."""
    d = C.dtype_of(x)
    n = d.itemsize
    ut = _WIDTH_UNSIGNED[n]
    if d.kind == "i":
        x = C.abs(x)
    u = C.astype(x, ut)

    def k(v):
        return C.asarray(v, dtype=ut)
    ones = int("55" * n, 16)
    twos = int("33" * n, 16)
    nibbles = int("0f" * n, 16)
    u = C.subtract(u, C.bitwise_and(C.bitwise_right_shift(u, k(1)), k(ones)))
    u = C.add(C.bitwise_and(u, k(twos)), C.bitwise_and(C.bitwise_right_shift(u, k(2)), k(twos)))
    u = C.bitwise_and(C.add(u, C.bitwise_right_shift(u, k(4))), k(nibbles))
    shift = 8
    while shift < 8 * n:  # add up the byte counts into the lowest byte
        u = C.add(u, C.bitwise_right_shift(u, k(shift)))
        shift *= 2
    return C.astype(C.bitwise_and(u, k(0xFF)), C.uint8)


class _Ufunc(_ufunc):
    __slots__ = ()

    def __reduce__(self):
        return self.__name__  # pickled by reference to this module's global


bitwise_count = _Ufunc("bitwise_count", 1, 1, _loops(_INTS, 1, "B"), {"default": _popcount})


def _matvec(a, b):
    return C.sum(C.multiply(a, C.expand_dims(b, axis=-2)), axis=-1, dtype=C.dtype_of(a))


def _matvec_bool(a, b):
    return C.any(C.logical_and(a, C.expand_dims(b, axis=-2)), axis=-1)


def _vecmat(a, b):
    d = C.dtype_of(a)
    if d.kind == "c":
        a = C.conj(a)
    return C.sum(C.multiply(C.expand_dims(a, axis=-1), b), axis=-2, dtype=d)


def _vecmat_bool(a, b):
    return C.any(C.logical_and(C.expand_dims(a, axis=-1), b), axis=-2)


class _MatVec(_GUfunc):
    """matvec (m,n),(n)->(m) and vecmat (n),(n,m)->(m) (vecmat conjugates the vector)."""

    __slots__ = ()

    def __reduce__(self):
        return self.__name__

    def __call__(self, *args, out=None, axes=None, axis=None, dtype=None, casting="same_kind",
                 order="K", subok=True, signature=None):
        if len(args) == 3 and out is None:
            out, args = args[2], args[:2]
        if len(args) != 2:
            raise TypeError(f"{self.__name__}() takes from 2 to 3 positional arguments but "
                            f"{len(args)} were given")
        if axis is not None:
            raise TypeError(f"{self.__name__}: axis can only be used with a single shared core "
                            f"dimension, not with the 2 distinct ones implied by signature "
                            f"{self.signature}.")
        vals, dts, weak = self._operands(args)
        fn, ins, outs = self._select(dts, dtype, casting, weak, vals)
        xs = [_py_native(v, w) if type(v) in _PY else (v if d is w else C.astype(v, w.core))
              for v, d, w in zip(vals, dts, ins)]
        mat = 0 if self.__name__ == "matvec" else 1
        if axes is not None:
            if len(axes) != 3:
                raise ValueError(f"{self.__name__}: axes should be a list with an entry for all "
                                 "3 inputs and outputs; entries for outputs can only be omitted "
                                 "if none of them has core axes.")
            for i in range(2):
                want = 2 if i == mat else 1
                ax = tuple(axes[i]) if isinstance(axes[i], (tuple, list)) else (axes[i],)
                if len(ax) != want:
                    raise ValueError(f"{self.__name__}: operand {i} has {len(ax)} core "
                                     f"dimensions in axes, but the signature needs {want}")
                nd = len(_shape(xs[i]))
                if nd < want:
                    break  # the dimension check below raises NumPy's error
                ax = tuple(normalize_axis(k, nd) for k in ax)
                xs[i] = C.moveaxis(xs[i], ax, tuple(range(-want, 0)))
        for i, x in enumerate(xs):
            want = 2 if i == mat else 1
            nd = len(_shape(x))
            if nd < want:
                raise ValueError(f"{self.__name__}: Input operand {i} does not have enough "
                                 f"dimensions (has {nd}, gufunc core with signature "
                                 f"{self.signature} requires {want})")
        sa, sb = _shape(xs[0]), _shape(xs[1])
        n_a = sa[-1]
        n_b = sb[-1] if mat == 0 else sb[-2]
        if n_a != n_b:
            raise ValueError(f"{self.__name__}: Input operand 1 has a mismatch in its core "
                             f"dimension 0, with gufunc signature {self.signature} (size "
                             f"{n_b} is different from {n_a})")
        loop_a = sa[:-2] if mat == 0 else sa[:-1]
        loop_b = sb[:-1] if mat == 0 else sb[:-2]
        try:
            C.broadcast_shapes(loop_a, loop_b)
        except Exception:  # noqa: BLE001
            raise ValueError(f"operands could not be broadcast together with remapped shapes "
                             f"{sa} {sb}") from None
        r = fn(xs[0], xs[1])
        if C.dtype_of(r) is not outs[0].core:
            r = C.astype(r, outs[0].core)
        if axes is not None and axes[2] is not None:
            oax = axes[2][0] if isinstance(axes[2], (tuple, list)) else axes[2]
            r = C.moveaxis(r, -1, normalize_axis(oax, len(_shape(r))))
        if out is not None:
            from ._ndarray import write_out

            return write_out(out, r, casting)
        return result(r, outs[0])

    def reduce(self, *a, **k):
        raise RuntimeError("Reduction not defined on ufunc with signature")

    accumulate = reduceat = reduce

    def outer(self, *a, **k):
        raise TypeError("method outer is not allowed in ufunc with non-trivial signature")

    def at(self, *a, **k):
        raise TypeError(f"{self.__name__}.at does not support ufunc with non-trivial signature: "
                        f"{self.__name__} has signature {self.signature}.")


_MV_LOOPS = _loops("?bBhHiIlLefdFD", 2)
matvec = _MatVec("matvec", 2, 1, _MV_LOOPS, {"default": _matvec, "?": _matvec_bool},
                 signature="(m,n),(n)->(m)")
vecmat = _MatVec("vecmat", 2, 1, _MV_LOOPS, {"default": _vecmat, "?": _vecmat_bool},
                 signature="(n),(n,m)->(m)")


# ------------------------------------------------------------------ isfortran, broadcast

def isfortran(a):
    """True when `a` is Fortran-contiguous and not C-contiguous (NumPy's flags.fnc)."""
    return a.flags.fnc


class _FlatIter:
    """The element iterator of one `broadcast` operand (NumPy's flatiter, reduced to next())."""

    def __init__(self, flat, d, size):
        self._flat, self._d, self._size, self.index = flat, d, size, 0

    def __iter__(self):
        return self

    def __next__(self):
        i = self.index
        if i >= self._size:
            raise StopIteration
        self.index = i + 1
        return result(C.getitem(self._flat, i), self._d)


class broadcast:
    """numpy.broadcast: the broadcast shape of its operands, and an iterator over tuples of
    their broadcast elements. `iters` are simple element iterators (`next()` and `index`),
    not full flatiter objects."""

    def __init__(self, *args):
        ops = []
        for a in args:
            if isinstance(a, broadcast):
                ops.extend(a._ops)
            else:
                ops.append(_in(a) if not isinstance(a, ndarray) else (a._value(), a.dtype))
        if len(ops) > 64:
            raise ValueError("Need at least 0 and at most 64 array objects.")
        shapes = [_shape(v) for v, _ in ops]
        shape = ()
        for i, s in enumerate(shapes):
            try:
                shape = tuple(C.broadcast_shapes(shape, s))
            except Exception:  # noqa: BLE001
                first = next(j for j in range(i) if not _compatible(shapes[j], s))
                raise ValueError(f"shape mismatch: objects cannot be broadcast to a single shape."
                                 f"  Mismatch is between arg {first} with shape {shapes[first]} "
                                 f"and arg {i} with shape {s}.") from None
        self._ops = ops
        self.shape = shape
        self.nd = self.ndim = len(shape)
        self.numiter = len(ops)
        n = 1
        for k in shape:
            n *= k
        self.size = n
        self.reset()

    def reset(self):
        self.index = 0
        self.iters = tuple(_FlatIter(C.reshape(C.broadcast_to(v, self.shape), (-1,)), d,
                                     self.size) for v, d in self._ops)

    def __iter__(self):
        return self

    def __next__(self):
        if self.index >= self.size:
            raise StopIteration
        self.index += 1
        return tuple(next(it) for it in self.iters)


def _compatible(a, b) -> bool:
    try:
        C.broadcast_shapes(a, b)
        return True
    except Exception:  # noqa: BLE001
        return False


# ------------------------------------------------------------------ from_dlpack

def from_dlpack(x, /, *, device=None, copy=None):
    """numpy.from_dlpack onto the current backend. The import goes through a host NumPy view
    (`numpy.from_dlpack`), so memory is shared with `x` exactly where the backend keeps host
    NumPy memory (the numpy backend; torch on CPU), and copied otherwise."""
    import numpy

    if device is not None and device != "cpu":
        raise ValueError(f'Device not understood. Only "cpu" is allowed, but received: {device}')
    if not hasattr(x, "__dlpack__"):
        raise AttributeError(f"'{type(x).__name__}' object has no attribute '__dlpack__'")
    host = numpy.from_dlpack(x)
    if copy:
        host = host.copy()
    d = T.as_dtype(host.dtype.name)
    return wrap(C.asarray(host, dtype=d.core), d)


# ------------------------------------------------------------------ configuration facts

def get_include():
    """The directory of NumPy's C headers (those of the installed NumPy, which unify uses as its
    host array library)."""
    import numpy

    return numpy.get_include()


def _config():
    import platform
    import sys

    from ...core import dispatch
    from . import __version__

    backend = dispatch.state().backend
    return {"unify numpy frontend": {"emulates numpy": __version__,
                                     "backend": getattr(backend, "name", str(backend))},
            "Python Information": {"path": sys.executable,
                                   "version": platform.python_version()}}


def show_config(mode="stdout"):
    """unify's configuration (the emulated NumPy version and the current backend), not a NumPy
    build's: printed (mode="stdout") or returned (mode="dicts")."""
    if mode not in ("stdout", "dicts"):
        raise AttributeError("Invalid `mode`, use one of: stdout, dicts")
    cfg = _config()
    if mode == "dicts":
        return cfg
    for section, items in cfg.items():
        print(f"{section}:")
        for k, v in items.items():
            print(f"  {k}: {v}")
    return None


def show_runtime():
    """Prints the runtime facts (the emulated NumPy version, Python, the platform and the
    current unify backend)."""
    import platform
    import pprint
    import sys

    from . import __version__

    info = [{"numpy_version": __version__, "python": sys.version, "uname": platform.uname()},
            {"unify_backend": _config()["unify numpy frontend"]["backend"]}]
    pprint.pprint(info)


_BUFSIZE = contextvars.ContextVar("unify_numpy_bufsize", default=8192)


def getbufsize():
    """The ufunc buffer size in elements (kept for NumPy compatibility; unify's backends do
    not use it)."""
    return _BUFSIZE.get()


def setbufsize(size):
    """Sets the ufunc buffer size (validated as NumPy does) and returns the old one."""
    if type(size) is builtins.bool:
        raise TypeError("an integer is required")
    if size < 0:
        raise ValueError("buffer size must be non-negative")
    size = operator.index(size)
    if size > 10_000_000:
        raise ValueError(f"Buffer size, {size}, is too big")
    if size < 5:
        raise ValueError(f"Buffer size, {size}, is too small")
    if size % 16:
        raise ValueError(f"Buffer size, {size}, is not a multiple of 16")
    old = _BUFSIZE.get()
    _BUFSIZE.set(size)
    return old
