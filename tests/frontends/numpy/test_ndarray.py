"""ndarray: attributes, methods, conversions, printing, pickling and protocols, differential
against real NumPy on every backend."""
import copy
import pickle

import numpy
import pytest
from hypothesis import given, settings, strategies as st

import unify
import unify.frontends.numpy as fnp
from nphelp import DTYPES, arrays, check, ours, raises_like, shapes

X = numpy.array([[1.5, -2.0, 3.25], [0.0, 4.0, -1.0]])


@settings(max_examples=12)
@given(data=st.data())
def test_attributes(backend, data):
    dt = data.draw(st.sampled_from(DTYPES))
    x = data.draw(arrays(dt, shapes()))
    with unify.using_backend(backend):
        m = ours(x)
        assert (m.shape, m.ndim, m.size, m.itemsize, m.nbytes) == \
            (x.shape, x.ndim, x.size, x.itemsize, x.nbytes)
        assert m.dtype.name == x.dtype.name
        assert m.strides == x.strides or x.size == 0  # NumPy's empty-array strides vary
        assert m.flags.c_contiguous == x.flags.c_contiguous
        assert m.flags.f_contiguous == x.flags.f_contiguous
        assert m.flags.owndata and m.flags.writeable
        check(m.T, x.T)
        check(m.real, x.real)
        check(m.imag, x.imag)
        assert m.tolist() == x.tolist()
        assert repr(m) == repr(x) and str(m) == str(x)
        assert numpy.array_equal(numpy.asarray(m), x, equal_nan=x.dtype.kind in 'fc')
        assert numpy.asarray(m).dtype == x.dtype
        if x.ndim:
            assert len(m) == len(x)
            check(list(m), list(x))


@pytest.mark.parametrize("dt", ["bool", "int8", "uint32", "int64", "float16", "float32",
                                "float64", "complex64"])
def test_reduction_methods(backend, dt):
    x = (X * 2).astype(dt)
    with unify.using_backend(backend):
        m = ours(x)
        for name in ("sum", "prod", "mean", "min", "max", "argmin", "argmax", "all", "any",
                     "cumsum", "cumprod", "std", "var"):
            for kw in ({}, {"axis": 0}, {"axis": 1, "keepdims": True}, {"axis": (0, 1)},
                       {"axis": -1}):
                if name in ("argmin", "argmax", "cumsum", "cumprod") and \
                        isinstance(kw.get("axis"), tuple):
                    continue
                if name in ("cumsum", "cumprod") and "keepdims" in kw:
                    continue
                with numpy.errstate(all="ignore"):
                    raises_like(lambda: getattr(x, name)(**kw), lambda: getattr(m, name)(**kw))
        check(m.sum(dtype="float32"), x.sum(dtype="float32"))
        check(m.var(ddof=1), x.var(ddof=1))
        check(m.std(axis=0, ddof=1), x.std(axis=0, ddof=1))
        check(m.sum(where=ours(x > 0), axis=1), x.sum(where=x > 0, axis=1))
        check(m.max(initial=100), x.max(initial=100))
        check(m.mean(where=ours(x > 0)), x.mean(where=x > 0))
        check(m.trace(), x.trace())
        out = fnp.zeros(3, dtype=dt)
        r = m.sum(axis=0, out=out)
        assert r is out
        check(out, x.sum(axis=0, out=numpy.zeros(3, dtype=dt)))


def test_empty_reductions(backend):
    with unify.using_backend(backend):
        e = numpy.zeros((0, 3))
        me = ours(e)
        for name in ("sum", "prod", "max", "argmin", "all", "any"):
            raises_like(lambda: getattr(e, name)(), lambda: getattr(me, name)())
            raises_like(lambda: getattr(e, name)(axis=0), lambda: getattr(me, name)(axis=0))
        with pytest.warns(RuntimeWarning):
            check(me.mean(), numpy.float64("nan"))
        raises_like(lambda: X.sum(axis=2), lambda: ours(X).sum(axis=2))
        with pytest.raises(fnp.exceptions.AxisError):
            ours(X).sum(axis=5)


def test_nan_handling(backend):
    x = numpy.array([[1.0, numpy.nan, 3.0], [numpy.nan, 0.5, -1.0]])
    with unify.using_backend(backend):
        m = ours(x)
        for name in ("max", "min", "argmax", "argmin", "sum", "mean"):
            check(getattr(m, name)(axis=1), getattr(x, name)(axis=1))
            check(getattr(m, name)(), getattr(x, name)())


def test_shape_methods(backend):
    with unify.using_backend(backend):
        x = numpy.arange(24.0).reshape(2, 3, 4)
        m = ours(x)
        check(m.reshape(6, 4), x.reshape(6, 4))
        check(m.reshape((4, -1)), x.reshape((4, -1)))
        check(m.reshape(-1, order="F"), x.reshape(-1, order="F"))
        raises_like(lambda: x.reshape(5, 5), lambda: m.reshape(5, 5))
        raises_like(lambda: x.reshape(-1, -1), lambda: m.reshape(-1, -1))
        raises_like(lambda: x.T.reshape(-1, copy=False), lambda: m.T.reshape(-1, copy=False))
        check(m.transpose(), x.transpose())
        check(m.transpose(1, 0, 2), x.transpose(1, 0, 2))
        check(m.transpose((2, 0, 1)), x.transpose((2, 0, 1)))
        raises_like(lambda: x.transpose(0, 0, 1), lambda: m.transpose(0, 0, 1))
        check(m.swapaxes(0, 2), x.swapaxes(0, 2))
        check(m[:, :1].squeeze(), x[:, :1].squeeze())
        check(m.flatten(), x.flatten())
        check(m.flatten("F"), x.flatten("F"))
        check(m.ravel(), x.ravel())
        check(m.diagonal(1, 1, 2), x.diagonal(1, 1, 2))
        check(m.repeat(2, axis=1), x.repeat(2, axis=1))
        check(m.take([0, 5]), x.take([0, 5]))
        check(m.astype("int16"), x.astype("int16"))
        check(m.copy(), x.copy())
        check(m.view(), x.view())
        check(m.round(), x.round())
        check((m / 7).round(2), (x / 7).round(2))
        check(m.clip(3, 10), x.clip(3, 10))
        check(m.clip(max=5), x.clip(max=5))
        check(m.conj(), x.conj())
        check(m[0].dot(m[1].T), x[0].dot(x[1].T))
        check(m.dot(m.transpose(0, 2, 1)), x.dot(x.transpose(0, 2, 1)))
        check(m[0, 0].searchsorted([2.5, 0, 9]), x[0, 0].searchsorted([2.5, 0, 9]))
        check(m[0, 0].searchsorted(2, side="right"), x[0, 0].searchsorted(2, side="right"))


def test_sort_argsort_inplace(backend):
    with unify.using_backend(backend):
        for x in (numpy.array([[3, 1, 2], [0, -5, 5]], numpy.int16),
                  numpy.array([2.0, numpy.nan, -1.0, 0.0]),
                  numpy.array([True, False, True]),
                  numpy.array([1 + 1j, 1 - 1j, -2 + 0j])):
            m = ours(x)
            check(m.argsort(), x.argsort())
            check(m.argsort(axis=None), x.argsort(axis=None))
            r = x.copy()
            r.sort()
            assert m.sort() is None
            check(m, r)
            if x.ndim == 2:
                r.sort(axis=0)
                m.sort(axis=0)
                check(m, r)


def test_view_dtype(backend):
    with unify.using_backend(backend):
        x = numpy.array([1.0, -2.0, 0.5], numpy.float32)
        m = ours(x)
        check(m.view("int32"), x.view("int32"))
        check(m.view(numpy.uint8), x.view(numpy.uint8))
        v_r, v_m = x.view("int32"), m.view("int32")
        v_r[0] = 0
        v_m[0] = 0
        check(m, x)
        raises_like(lambda: x.view("float64"), lambda: m.view("float64"))


def test_conversions(backend):
    with unify.using_backend(backend):
        one = ours(numpy.array(2.5))
        zero_d = ours(numpy.array(7, numpy.int16))
        assert float(one) == 2.5 and int(zero_d) == 7 and complex(zero_d) == 7
        assert [10, 20, 30, 40, 50, 60, 70, 80][zero_d] == 80
        raises_like(lambda: float(numpy.array([1.0, 2.0])), lambda: float(fnp.array([1.0, 2.0])))
        raises_like(lambda: bool(numpy.array([1, 2])), lambda: bool(fnp.array([1, 2])))
        raises_like(lambda: bool(numpy.array([])), lambda: bool(fnp.array([])))
        raises_like(lambda: [1][numpy.array(0.0)], lambda: [1][fnp.array(0.0)])
        raises_like(lambda: len(numpy.array(1)), lambda: len(fnp.array(1)))
        assert bool(ours(numpy.array([3])))
        assert 3.25 in ours(X) and 9 not in ours(X)
        assert f"{ours(numpy.array(1.5)):.2f}" == "1.50"
        with pytest.raises(TypeError):
            hash(ours(X))
        m = ours(X)
        assert m.tobytes() == X.tobytes()
        check(pickle.loads(pickle.dumps(m)), X)
        check(copy.deepcopy(m), X)
        c = copy.copy(m)
        c[0, 0] = 100
        assert m[0, 0] == 1.5
        assert m.__array_namespace__() is fnp
        numpy.testing.assert_array_equal(numpy.from_dlpack(m), X)
        assert fnp.ndarray((2, 3)).shape == (2, 3)
        m2 = ours(X)
        m2.flat[2] = 9
        r2 = X.copy()
        r2.flat[2] = 9
        check(m2, r2)
        check(m2.flat[3], r2.flat[3])
        assert [v.item() for v in m2.flat] == list(r2.flat)
        m3 = ours(X)
        m3.resize(3, 3)
        r3 = X.copy()
        r3.resize(3, 3, refcheck=False)
        check(m3, r3)


def test_numpy_interop_defers_to_ours(backend):
    with unify.using_backend(backend):
        m = ours(X)
        r = X + m
        assert isinstance(r, fnp.ndarray)
        check(r, X + X)
        assert isinstance(numpy.float64(2) * m, fnp.ndarray)
        assert isinstance(m + numpy.ones(3), fnp.ndarray)
