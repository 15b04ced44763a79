"""What RandomState and Generator share: parameter handling, integers, shuffles, choice.

`_Sampler` subclasses set `_masked` (bounded-integer method), `_cache` (legacy gauss
cache or None) and the scalar sources the sequential samplers draw from.
"""
import operator

import numpy as _np

from .... import core as C
from . import _dists as D, _ints as I, _wrap as W

_INT_BITS = {"bool": 1, "int8": 8, "int16": 16, "int32": 32, "int64": 64,
             "uint8": 8, "uint16": 16, "uint32": 32, "uint64": 64}


_NAMES = {}


def _dtype_name(dtype):
    """A dtype argument's NumPy name (frontend dtype, real NumPy dtype, Python type, str)."""
    try:
        return _NAMES[dtype]
    except (KeyError, TypeError):
        pass
    name = _dtype_name_slow(dtype)
    try:
        _NAMES[dtype] = name
    except TypeError:
        pass
    return name


def _dtype_name_slow(dtype):
    if dtype is int:
        return "int64"
    if dtype is bool:
        return "bool"
    if dtype is float:
        return "float64"
    name = getattr(dtype, "name", None)
    if isinstance(name, str) and not isinstance(dtype, type):
        return name
    d = getattr(dtype, "_np_dtype", None)
    if d is not None:
        return d.name
    return _np.dtype(dtype).name


class _Sampler:
    _masked = True
    _cache = None

    # ------------------------------------------------------------ building blocks

    def _cont(self, fn, values, cons, size, dtype_name="float64"):
        """Continuous sampler with broadcast parameters; fn(n, *flat_params) -> host array."""
        arrs, shape, scalar = W.params(values, size)
        for a, (name, c) in zip(arrs, cons):
            if c:
                W.check(a, name, c)
        n = 1 if shape is None else W.nelem(shape)
        ps = arrs if scalar else W.flat(arrs, shape)
        if scalar:
            ps = [a[()] for a in arrs]
        return W.finish(fn(n, *ps), shape, dtype_name)

    def _seq(self, fn, values, cons, size, dtype_name="float64", int_params=()):
        """A sequential (scalar Python) sampler fn(src, *params) per element."""
        arrs, shape, scalar = W.params(values, size)
        for i in int_params:
            arrs[i] = W.host(values[i]).astype(_np.int64) if arrs[i].dtype.kind == "f" else \
                arrs[i].astype(_np.int64)
        for a, (name, c) in zip(arrs, cons):
            if c:
                W.check(a, name, c)
        n = 1 if shape is None else W.nelem(shape)
        ps = [a.item() for a in arrs] if scalar else W.flat(arrs, shape)
        out = D.run(self._bit_generator, n, self._cache, fn, ps)
        return W.finish(out, shape, dtype_name)

    # ------------------------------------------------------------ integers

    def _integers(self, low, high, size, dtype, endpoint, what):
        if high is None:
            low, high = 0, low
        name = _dtype_name(dtype)
        bits = _INT_BITS.get(name)
        if bits is None:
            raise TypeError(f"Unsupported dtype dtype('{name}') for {what}")
        info = (0, 1) if bits == 1 else (
            (0, 2 ** bits - 1) if name[0] == "u" else (-2 ** (bits - 1), 2 ** (bits - 1) - 1))
        lo_a, hi_a = W.host(low), W.host(high)
        shape = W.shape_of(size)
        if lo_a.ndim == 0 and hi_a.ndim == 0:
            lo, hi = int(lo_a), int(hi_a)
            if lo < info[0]:
                raise ValueError(f"low is out of bounds for {name}")
            hi_in = hi if endpoint else hi - 1
            if hi_in > info[1]:
                raise ValueError(f"high is out of bounds for {name}")
            if lo > hi_in:
                raise ValueError("low > high" if endpoint else "low >= high")
            n = 1 if shape is None else W.nelem(shape)
            off = lo & ((1 << bits) - 1) if bits > 1 else lo
            v = I.bounded(self._bit_generator, off, hi_in - lo, n, bits, self._masked)
            v = v.view(name) if bits > 1 else v
            if shape is None:
                if dtype is int or dtype is bool:
                    return dtype(v[0].item())
                return W.out_scalar(v[0], name)
            return W.out_array(v.reshape(shape))
        # broadcast bounds
        lo_o = lo_a.astype(object) if lo_a.dtype.kind in "iub" else lo_a.astype(_np.int64)
        hi_o = hi_a.astype(object) if hi_a.dtype.kind in "iub" else hi_a.astype(_np.int64)
        bshape = _np.broadcast_shapes(lo_a.shape, hi_a.shape)
        if shape is None:
            shape = bshape
        elif _np.broadcast_shapes(shape, bshape) != shape:
            raise ValueError("shape mismatch: objects cannot be broadcast to a single shape")
        los = [int(x) for x in _np.broadcast_to(lo_o, shape).ravel().tolist()]
        his = [int(x) for x in _np.broadcast_to(hi_o, shape).ravel().tolist()]
        if not endpoint:
            his = [h - 1 for h in his]
        if any(x < info[0] for x in los):
            raise ValueError(f"low is out of bounds for {name}")
        if any(x > info[1] for x in his):
            raise ValueError(f"high is out of bounds for {name}")
        if any(lo > hi for lo, hi in zip(los, his)):
            raise ValueError("low > high" if endpoint else "low >= high")
        mask = (1 << bits) - 1 if bits > 1 else 1
        v = I.bounded_each(self._bit_generator, [x & mask for x in los],
                           [h - lo for lo, h in zip(los, his)], bits, self._masked)
        v = v.view(name) if bits > 1 else v
        return W.out_array(v.reshape(shape))

    # ------------------------------------------------------------ shuffles

    def _js(self, n):
        """Swap partners for a Fisher-Yates shuffle of n items (random_interval)."""
        return I.interval_js(self._bit_generator, n)

    def _perm_host(self, n):
        return _np.array(I.fisher_yates(list(range(n)), self._js(n)), dtype=_np.int64)

    def _shuffle_into(self, x, axis=0):
        """Shuffle a frontend ndarray (in place, along axis) or a mutable sequence."""
        from .._ndarray import ndarray
        if isinstance(x, ndarray):
            if x.ndim == 0:
                raise TypeError("len() of unsized object")
            n = x.shape[axis]
            perm = self._perm_host(n)
            v = x._value()
            x._write(C.take(v, C.asarray(perm), axis=axis))
            return None
        if isinstance(x, _np.ndarray):
            if x.ndim == 0:
                raise TypeError("len() of unsized object")
            perm = self._perm_host(x.shape[axis])
            x[...] = _np.take(x, perm, axis=axis)
            return None
        n = len(x)
        js = self._js(n)
        i = n - 1
        for j in js:
            x[i], x[j] = x[j], x[i]
            i -= 1
        return None

    # ------------------------------------------------------------ choice helpers

    @staticmethod
    def _choice_a(a):
        """(population size, native array or None) for choice's `a`."""
        from .._ndarray import ndarray, asnative
        if isinstance(a, ndarray) or isinstance(a, (list, tuple)) or hasattr(a, "__array__") \
                or hasattr(a, "_value"):
            nat = asnative(a)
            if len(C.shape(nat)) == 0:
                return int(C.to_numpy(nat)), None
            return nat, True
        return operator.index(a) if not isinstance(a, float) else int(a), None

    @staticmethod
    def _pick(nat, idx, shape, axis=0):
        """nat[idx] along axis on the backend, as NumPy returns it."""
        from .._ndarray import result, wrap
        if shape is None:
            v = C.take(nat, C.asarray(_np.array([int(idx)], dtype=_np.int64)), axis=axis)
            v = C.squeeze(v, axis=axis)
            return result(v)
        ix = _np.asarray(idx, dtype=_np.int64)
        v = C.take(nat, C.asarray(ix.ravel()), axis=axis)
        nshape = C.shape(nat)
        out_shape = tuple(nshape[:axis]) + tuple(ix.shape) + tuple(nshape[axis + 1:])
        return wrap(C.reshape(v, out_shape))
