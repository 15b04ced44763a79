"""numpy frontend dtypes, scalar types and promotion, differential against real NumPy."""
import itertools
import operator
import pickle

import numpy
import pytest

import unify
import unify.frontends.numpy as fnp
from nphelp import DTYPES, check, ours, raises_like

PAIRS = list(itertools.product(DTYPES, DTYPES))


def test_dtype_attributes():
    for name in DTYPES:
        r, m = numpy.dtype(name), fnp.dtype(name)
        assert (m.name, m.kind, m.char, m.itemsize, m.str, m.num) == \
            (r.name, r.kind, r.char, r.itemsize, r.str, r.num), name
        assert m.type is getattr(fnp, name if name != "bool" else "bool_")
        assert repr(m) == repr(r) and str(m) == str(r)
        assert m == name and m == getattr(fnp, name if name != "bool" else "bool_")
        assert pickle.loads(pickle.dumps(m)) is m


@pytest.mark.parametrize("spec", ["f4", "<f8", "float", "int", "i8", "u1", "?", "b1", "c16",
                                  "complex", "e", "double", "intp", "uint", "l", "D", "single",
                                  float, int, bool, complex, None])
def test_dtype_from_specs(spec):
    assert fnp.dtype(spec).name == numpy.dtype(spec).name


@pytest.mark.parametrize("spec", ["xyz", "f3", "float_"])
def test_dtype_bad_specs(spec):
    raises_like(lambda: numpy.dtype(spec), lambda: fnp.dtype(spec))


def test_promote_types_and_can_cast_tables():
    for a, b in PAIRS:
        assert fnp.promote_types(a, b).name == numpy.promote_types(a, b).name, (a, b)
        for casting in ("no", "equiv", "safe", "same_kind", "unsafe"):
            assert fnp.can_cast(a, b, casting) == numpy.can_cast(a, b, casting), (a, b, casting)


def test_result_type_nep50():
    cases = [("uint8", 1), ("int8", 1.5), ("float32", 1), ("float32", 2.0), ("float16", 1j),
             ("float32", 1j), ("int64", 1j), ("bool", 1), ("bool", True), ("uint64", 1.0)]
    for d, s in cases:
        assert fnp.result_type(fnp.zeros(2, d), s).name == \
            numpy.result_type(numpy.zeros(2, d), s).name, (d, s)
    assert fnp.result_type(1, 2.0).name == numpy.result_type(1, 2.0).name
    assert fnp.result_type("i1", "u1", 3).name == numpy.result_type("i1", "u1", 3).name
    raises_like(lambda: numpy.result_type(numpy.zeros(2, "u1"), 300),
                lambda: fnp.result_type(fnp.zeros(2, "u1"), 300))


def test_can_cast_python_scalars_raise():
    raises_like(lambda: numpy.can_cast(1, "i1"), lambda: fnp.can_cast(1, "i1"))


def test_type_hierarchy():
    for name in DTYPES:
        rt, mt = numpy.dtype(name).type, fnp.dtype(name).type
        for abstract in ("generic", "number", "integer", "signedinteger", "unsignedinteger",
                         "inexact", "floating", "complexfloating"):
            assert issubclass(mt, getattr(fnp, abstract)) == \
                issubclass(rt, getattr(numpy, abstract)), (name, abstract)
            assert fnp.issubdtype(name, getattr(fnp, abstract)) == \
                numpy.issubdtype(name, getattr(numpy, abstract)), (name, abstract)
    assert isinstance(fnp.float64(1.5), float) and isinstance(fnp.complex128(1j), complex)
    assert not isinstance(fnp.int64(1), int)
    for kind in ("bool", "signed integer", "unsigned integer", "integral", "real floating",
                 "complex floating", "numeric"):
        for name in DTYPES:
            assert fnp.isdtype(fnp.dtype(name), kind) == numpy.isdtype(numpy.dtype(name), kind)


def test_finfo_iinfo():
    for name in ("float16", "float32", "float64", "complex64", "complex128"):
        r, m = numpy.finfo(name), fnp.finfo(name)
        for attr in ("bits", "eps", "epsneg", "max", "min", "tiny", "smallest_normal",
                     "smallest_subnormal", "resolution", "precision", "nmant", "nexp",
                     "maxexp", "minexp", "machep", "negep"):
            check(getattr(m, attr), getattr(r, attr))
        assert m.dtype.name == r.dtype.name
    for name in ("int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64"):
        r, m = numpy.iinfo(name), fnp.iinfo(name)
        assert (m.min, m.max, m.bits, m.kind) == (r.min, r.max, r.bits, r.kind)
    raises_like(lambda: numpy.finfo(numpy.int32), lambda: fnp.finfo(fnp.int32))
    raises_like(lambda: numpy.iinfo(numpy.float32), lambda: fnp.iinfo(fnp.float32))


@pytest.mark.parametrize("name", DTYPES)
def test_scalar_constructors(backend, name):
    with unify.using_backend(backend):
        for value in (0, 1, 3, True):
            check(getattr(fnp, name if name != "bool" else "bool_")(value),
                  numpy.dtype(name).type(value))
        if name not in ("bool",) and numpy.dtype(name).kind in "fc":
            check(getattr(fnp, name)(1.5), numpy.dtype(name).type(1.5))
            check(getattr(fnp, name)("2.5"), numpy.dtype(name).type("2.5"))
        s = getattr(fnp, name if name != "bool" else "bool_")(1)
        r = numpy.dtype(name).type(1)
        assert repr(s) == repr(r) and str(s) == str(r)
        assert s.dtype.name == name and s.shape == () and s.ndim == 0
        assert hash(s) == hash(r)


def test_scalar_overflow_and_arrays(backend):
    with unify.using_backend(backend):
        raises_like(lambda: numpy.int8(300), lambda: fnp.int8(300))
        raises_like(lambda: numpy.uint8(-1), lambda: fnp.uint8(-1))
        check(fnp.int64(1.7), numpy.int64(1.7))
        check(fnp.float32([1, 2]), numpy.float32([1, 2]))
        check(fnp.float64(), numpy.float64())


def test_scalar_arithmetic_and_methods(backend):
    with unify.using_backend(backend):
        cases = [(numpy.float32(2), 3), (numpy.float32(2), 3.5), (numpy.int8(3), 4),
                 (numpy.uint8(3), numpy.int8(-1)), (numpy.float16(1), numpy.int16(1)),
                 (numpy.True_, 1), (numpy.int64(7), 2), (numpy.complex64(1 + 2j), 2.0)]
        for r, other in cases:
            m = ours(r)
            mo = ours(other) if isinstance(other, numpy.generic) else other
            for op in (operator.add, operator.mul, operator.sub, operator.truediv,
                       operator.floordiv, operator.lt, operator.eq, operator.pow):
                raises_like(lambda: op(r, other), lambda: op(m, mo))
                raises_like(lambda: op(other, r), lambda: op(mo, m))
        raises_like(lambda: numpy.int8(3) + 300, lambda: fnp.int8(3) + 300)
        x = fnp.float32(2.5)
        check(x.round(), numpy.float32(2.5).round())
        check(x.astype("int16"), numpy.float32(2.5).astype("int16"))
        check(x.item(), numpy.float32(2.5).item())
        check(fnp.float64(1.5) + 1.0, numpy.float64(1.5) + 1.0)
        check(1.0 + fnp.float64(1.5), 1.0 + numpy.float64(1.5))
        assert float(fnp.float32(0.5)) == 0.5 and int(fnp.int16(7)) == 7
        assert [1, 2, 3][fnp.int64(1)] == 2
