"""Array creation, differential against real NumPy on every backend (values, dtypes and
shapes; NumPy's dtype inference: int -> int64, float -> float64, lists promote)."""
import numpy
import pytest
from hypothesis import given, settings, strategies as st

import unify
import unify.frontends.numpy as fnp
from nphelp import DTYPES, check, ours, raises_like

LITERALS = [1, 2.5, True, 1 + 2j, [1, 2, 3], [1, 2.0], [[1, 2], [3, 4]], [True, 2],
            [1, 2j], [], [[]], 2 ** 63, [2 ** 63, 1], -(2 ** 63), [numpy.float32(1), 2.0],
            [numpy.int8(1), numpy.uint8(2)], ((1, 2), (3, 4)), numpy.arange(3),
            numpy.float32(3), [numpy.array([1, 2]), numpy.array([3, 4])]]


def _conv(x):
    """The same literal built from our objects where it holds NumPy ones."""
    if isinstance(x, (numpy.ndarray, numpy.generic)):
        return ours(x)
    if isinstance(x, list):
        return [_conv(y) for y in x]
    if isinstance(x, tuple):
        return tuple(_conv(y) for y in x)
    return x


def test_array_inference(backend):
    with unify.using_backend(backend):
        for lit in LITERALS:
            check(fnp.array(_conv(lit)), numpy.array(lit))
            check(fnp.asarray(_conv(lit)), numpy.asarray(lit))
        for dt in ("float32", "int8", "complex64", "bool", "uint16"):
            check(fnp.array([1, 0, 3], dtype=dt), numpy.array([1, 0, 3], dtype=dt))
        check(fnp.array([1.7, -2.2], dtype=int), numpy.array([1.7, -2.2], dtype=int))
        check(fnp.array(5, ndmin=2), numpy.array(5, ndmin=2))
        with pytest.raises(OverflowError):
            fnp.array([2 ** 64])  # NumPy makes an object array; object arrays are not supported
        for bad in ([[1, 2], [3]], "abc"):
            raises_like(lambda: numpy.array(bad, dtype=None if bad != "abc" else float),
                        lambda: fnp.array(bad, dtype=None if bad != "abc" else float))
        raises_like(lambda: numpy.array([300], dtype="int8"), lambda: fnp.array([300], dtype="int8"))


def test_copy_semantics(backend):
    with unify.using_backend(backend):
        a = fnp.arange(3)
        assert fnp.asarray(a) is a and fnp.asanyarray(a) is a
        assert fnp.array(a, copy=False) is a
        b = fnp.array(a)
        b[0] = 9
        assert a[0] == 0
        raises_like(lambda: numpy.array(numpy.arange(3), dtype=float, copy=False),
                    lambda: fnp.array(fnp.arange(3), dtype=float, copy=False))
        c = fnp.copy(a)
        c[1] = 5
        assert a[1] == 1
        t = fnp.arange(6).reshape(2, 3).T
        assert fnp.ascontiguousarray(t).flags.c_contiguous
        check(fnp.ascontiguousarray(fnp.float64(2)), numpy.ascontiguousarray(numpy.float64(2)))
        check(fnp.asfortranarray(t), numpy.asfortranarray(numpy.arange(6).reshape(2, 3).T))
        raises_like(lambda: numpy.asarray_chkfinite([1, numpy.nan]),
                    lambda: fnp.asarray_chkfinite([1, fnp.nan]))


@settings(max_examples=12)
@given(shape=st.one_of(st.integers(0, 3), st.tuples(st.integers(0, 3), st.integers(0, 2))),
       dt=st.sampled_from(DTYPES + (None,)))
def test_filled(backend, shape, dt):
    with unify.using_backend(backend):
        kw = {} if dt is None else {"dtype": dt}
        check(fnp.zeros(shape, **kw), numpy.zeros(shape, **kw))
        check(fnp.ones(shape, **kw), numpy.ones(shape, **kw))
        assert fnp.empty(shape, **kw).shape == numpy.empty(shape, **kw).shape
        assert fnp.empty(shape, **kw).dtype.name == numpy.empty(shape, **kw).dtype.name
        check(fnp.full(shape, 3, **kw), numpy.full(shape, 3, **kw))
        proto = numpy.ones((2, 1), dtype="int16")
        check(fnp.zeros_like(ours(proto), **kw), numpy.zeros_like(proto, **kw))
        check(fnp.ones_like(ours(proto), **kw), numpy.ones_like(proto, **kw))
        check(fnp.full_like(ours(proto), 7, **kw), numpy.full_like(proto, 7, **kw))
        check(fnp.full_like(ours(proto), 2.5, shape=shape), numpy.full_like(proto, 2.5, shape=shape))
        assert fnp.empty_like(ours(proto), **kw).dtype.name == numpy.empty_like(proto, **kw).dtype.name


def test_full_dtype_inference(backend):
    with unify.using_backend(backend):
        for v in (1, 2.5, True, 1j, numpy.float32(2), [1, 2]):
            check(fnp.full((2, 2) if not isinstance(v, list) else (3, 2), _conv(v)),
                  numpy.full((2, 2) if not isinstance(v, list) else (3, 2), v))
        raises_like(lambda: numpy.zeros(-1), lambda: fnp.zeros(-1))
        raises_like(lambda: numpy.full(2, 300, dtype="uint8"), lambda: fnp.full(2, 300, dtype="uint8"))


@pytest.mark.parametrize("args", [(5,), (2, 7), (1, 2, 0.25), (0, 1, 0.1), (10, 2, -3),
                                  (0.5, 4), (3, 1), (0,), (1, 2, 0.3), (-3, 3, 1.5), (5j,)])
def test_arange(backend, args):
    with unify.using_backend(backend):
        raises_like(lambda: numpy.arange(*args), lambda: fnp.arange(*args))
        for dt in ("int8", "float32", "uint16"):
            if all(not isinstance(a, complex) for a in args):
                with numpy.errstate(all="ignore"):
                    raises_like(lambda: numpy.arange(*args, dtype=dt),
                                lambda: fnp.arange(*args, dtype=dt))
    raises_like(lambda: numpy.arange(0, 5, 0), lambda: fnp.arange(0, 5, 0))


def test_linspace_logspace_geomspace(backend):
    with unify.using_backend(backend):
        for kw in ({}, {"num": 7}, {"num": 1}, {"num": 0}, {"endpoint": False, "num": 4},
                   {"dtype": "int32", "num": 5}, {"dtype": "float32", "num": 3}):
            check(fnp.linspace(-1, 3, **kw), numpy.linspace(-1, 3, **kw))
            check(fnp.logspace(0, 2, **kw), numpy.logspace(0, 2, **kw))
            check(fnp.geomspace(1, 1000, **kw), numpy.geomspace(1, 1000, **kw))
        r, step = numpy.linspace(0, 1, 5, retstep=True)
        m, mstep = fnp.linspace(0, 1, 5, retstep=True)
        check((m, mstep), (r, step))
        check(fnp.linspace([0, 1], [2, 5], 3), numpy.linspace([0, 1], [2, 5], 3))
        check(fnp.linspace([0, 1], [2, 5], 3, axis=1), numpy.linspace([0, 1], [2, 5], 3, axis=1))
        check(fnp.linspace(0, 1j, 3), numpy.linspace(0, 1j, 3))
        check(fnp.geomspace(-1, -16, 5), numpy.geomspace(-1, -16, 5))
        check(fnp.logspace(0, 3, 4, base=2), numpy.logspace(0, 3, 4, base=2))
        raises_like(lambda: numpy.linspace(0, 1, -1), lambda: fnp.linspace(0, 1, -1))
        raises_like(lambda: numpy.geomspace(0, 1), lambda: fnp.geomspace(0, 1))


def test_matrices(backend):
    with unify.using_backend(backend):
        for args in ((3,), (3, 4), (3, 4, 1), (4, 3, -2), (0,)):
            check(fnp.eye(*args), numpy.eye(*args))
            check(fnp.tri(*args), numpy.tri(*args))
        check(fnp.eye(3, dtype=int), numpy.eye(3, dtype=int))
        check(fnp.identity(2, dtype="float32"), numpy.identity(2, dtype="float32"))
        x = numpy.arange(12).reshape(3, 4)
        for k in (-1, 0, 2):
            check(fnp.tril(ours(x), k), numpy.tril(x, k))
            check(fnp.triu(ours(x), k), numpy.triu(x, k))
            check(fnp.diag(ours(x), k), numpy.diag(x, k))
            check(fnp.diag([1, 2, 3], k), numpy.diag([1, 2, 3], k))
            check(fnp.diagflat([[1, 2], [3, 4]], k), numpy.diagflat([[1, 2], [3, 4]], k))
        check(fnp.tril(ours(numpy.arange(3))), numpy.tril(numpy.arange(3)))
        check(fnp.tri(3, 2, dtype=bool), numpy.tri(3, 2, dtype=bool))
        for inc in (False, True):
            check(fnp.vander([1, 2, 3], increasing=inc), numpy.vander([1, 2, 3], increasing=inc))
            check(fnp.vander([1.5, 2], 4, increasing=inc), numpy.vander([1.5, 2], 4, increasing=inc))


def test_grids(backend):
    with unify.using_backend(backend):
        for kw in ({}, {"indexing": "ij"}, {"sparse": True}):
            check(fnp.meshgrid([1, 2, 3], [4.0, 5.0], **kw), numpy.meshgrid([1, 2, 3], [4.0, 5.0], **kw))
            check(fnp.meshgrid([1, 2], [3, 4], [5, 6, 7], **kw),
                  numpy.meshgrid([1, 2], [3, 4], [5, 6, 7], **kw))
        check(fnp.mgrid[0:3, 0:2], numpy.mgrid[0:3, 0:2])
        check(fnp.mgrid[0:1:4j, 1:3], numpy.mgrid[0:1:4j, 1:3])
        check(fnp.mgrid[-1:1:0.5], numpy.mgrid[-1:1:0.5])
        check(fnp.ogrid[0:3, 0:2], numpy.ogrid[0:3, 0:2])
        check(fnp.indices((2, 3)), numpy.indices((2, 3)))
        check(fnp.indices((2, 3), sparse=True), numpy.indices((2, 3), sparse=True))
        check(fnp.fromfunction(lambda i, j: i * 10 + j, (2, 3)),
              numpy.fromfunction(lambda i, j: i * 10 + j, (2, 3)))
        check(fnp.fromfunction(lambda i: i, (3,), dtype=int), numpy.fromfunction(lambda i: i, (3,), dtype=int))


def test_buffers_and_iterators(backend):
    with unify.using_backend(backend):
        buf = numpy.arange(6, dtype=numpy.float32).tobytes()
        check(fnp.frombuffer(buf, dtype=fnp.float32), numpy.frombuffer(buf, dtype=numpy.float32))
        check(fnp.frombuffer(buf, dtype="int16", count=3, offset=2),
              numpy.frombuffer(buf, dtype="int16", count=3, offset=2))
        assert fnp.frombuffer(buf, dtype="int16").flags.writeable == \
            numpy.frombuffer(buf, dtype="int16").flags.writeable
        check(fnp.fromiter((i * i for i in range(4)), dtype=float),
              numpy.fromiter((i * i for i in range(4)), dtype=float))
        check(fnp.fromiter(iter([1, 2, 3, 4]), dtype="int8", count=2),
              numpy.fromiter(iter([1, 2, 3, 4]), dtype="int8", count=2))
        raises_like(lambda: numpy.fromiter(iter([1]), dtype=int, count=3),
                    lambda: fnp.fromiter(iter([1]), dtype=int, count=3))
