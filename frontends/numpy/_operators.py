"""Python operators of ndarray and NumPy scalars, as NumPy defines them: each is a ufunc
(`a + b` is `np.add(a, b)`, `a += b` is `np.add(a, b, out=a)`), with the two-ndarray
same-dtype case inlined for speed. Attached once at import by `attach()`."""
from __future__ import annotations

from . import _ufunc as U
from ._ndarray import ndarray, wrap
from ._scalars import generic, from_native

_new = object.__new__

_BINARY = {
    "add": U.add, "sub": U.subtract, "mul": U.multiply, "truediv": U.true_divide,
    "floordiv": U.floor_divide, "mod": U.remainder, "pow": U.power, "and": U.bitwise_and,
    "or": U.bitwise_or, "xor": U.bitwise_xor, "lshift": U.left_shift, "rshift": U.right_shift,
}
_COMPARE = {"eq": U.equal, "ne": U.not_equal, "lt": U.less, "le": U.less_equal,
            "gt": U.greater, "ge": U.greater_equal}
_REFLECTED = {"lt": "gt", "le": "ge", "gt": "lt", "ge": "le", "eq": "eq", "ne": "ne"}
_UNARY = {"neg": U.negative, "pos": U.positive, "abs": U.absolute, "invert": U.invert}


def _forward(uf):
    direct = uf._direct

    def op(self, other):
        if type(other) is ndarray:
            d = self._dt
            if d is not None and d is other._dt:
                loop = direct.get(d)
                if loop is not None:
                    try:
                        r = loop[0](self._v if self._base is None else self._value(),
                                    other._v if other._base is None else other._value())
                    except Exception as e:  # noqa: BLE001
                        U._broadcast_error(e, self, other)
                        raise
                    if r.ndim:
                        t = _new(ndarray)
                        t._v = r
                        t._base = None
                        t._dt = loop[1]
                        return t
                    return from_native(r, loop[1])
        if not _convertible(other):
            return NotImplemented
        return uf(self, other)
    return op


def _scalar_forward(uf):
    def op(self, other):
        if not _convertible(other):
            return NotImplemented
        return uf(self, other)
    return op


def _convertible(x) -> bool:
    return isinstance(x, (ndarray, generic, bool, int, float, complex, list, tuple)) or \
        hasattr(x, "__array__") or hasattr(x, "dtype")


def _reflected(uf):
    def op(self, other):
        if not _convertible(other):
            return NotImplemented
        return uf(other, self)
    return op


def _inplace(uf):
    def op(self, other):
        uf(self, other, out=(self,))
        return self
    return op


def _compare(uf, fill):
    def op(self, other):
        try:
            return uf(self, other)
        except TypeError:
            if other is None or isinstance(other, (str, bytes, type)) or callable(other):
                from ._creation import full

                return full(self.shape, fill, dtype=bool) if isinstance(self, ndarray) \
                    else U.S.bool_(fill)
            raise
    return op


def _unary(uf):
    def op(self):
        return uf(self)
    return op


def _divmod(self, other):
    return U.divmod(self, other)


def _rdivmod(self, other):
    return U.divmod(other, self)


def _pow(self, other, mod=None):
    if mod is not None:
        return NotImplemented
    return U.power(self, other)


def _rpow(self, other, mod=None):
    return U.power(other, self)


_mm = U.matmul


def _matmul(self, other):
    return _mm(self, other)


def _rmatmul(self, other):
    return _mm(other, self)


def _imatmul(self, other):
    _mm(self, other, out=self)
    return self


def attach() -> None:
    for cls in (ndarray, generic):
        for name, uf in _BINARY.items():
            setattr(cls, f"__{name}__", _forward(uf) if cls is ndarray else _scalar_forward(uf))
            setattr(cls, f"__r{name}__", _reflected(uf))
            if cls is ndarray:
                setattr(cls, f"__i{name}__", _inplace(uf))
        for name, uf in _COMPARE.items():
            setattr(cls, f"__{name}__", _compare(uf, name == "ne"))
        for name, uf in _UNARY.items():
            setattr(cls, f"__{name}__", _unary(uf))
        cls.__divmod__ = _divmod
        cls.__rdivmod__ = _rdivmod
        cls.__pow__ = _pow
        cls.__rpow__ = _rpow
        cls.__matmul__ = _matmul
        cls.__rmatmul__ = _rmatmul
        cls.__array_ufunc__ = None
    ndarray.__imatmul__ = _imatmul
    ndarray.__ipow__ = _inplace(U.power)
    ndarray.__hash__ = None
    from . import _scalars as S

    S.float64.__hash__ = float.__hash__
    S.complex128.__hash__ = complex.__hash__
    for t in S.ALL_TYPES:
        if t not in (S.float64, S.complex128):
            t.__hash__ = S.generic.__hash__
