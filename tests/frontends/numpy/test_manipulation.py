"""Shape and arrangement functions, differential against real NumPy on every backend
(values, dtypes, shapes, errors; view-or-copy is covered in test_views.py)."""
import numpy
import pytest
from hypothesis import given, settings, strategies as st

import unify
import unify.frontends.numpy as fnp
from nphelp import arrays, check, ours, raises_like, shapes

X = numpy.arange(24, dtype=numpy.int16).reshape(2, 3, 4)
M = numpy.arange(12, dtype=numpy.float32).reshape(3, 4)


def _both(f_real, f_ours):
    raises_like(f_real, f_ours)


def test_reshape_family(backend):
    with unify.using_backend(backend):
        x = ours(X)
        for shape in ((6, 4), (-1,), (4, -1, 2), 24, (5, 5), (-1, -1)):
            _both(lambda: numpy.reshape(X, shape), lambda: fnp.reshape(x, shape))
        check(fnp.reshape(x, (4, 6), order="F"), numpy.reshape(X, (4, 6), order="F"))
        check(fnp.ravel(x, order="F"), numpy.ravel(X, order="F"))
        check(fnp.ravel([[1, 2], [3, 4]]), numpy.ravel([[1, 2], [3, 4]]))
        for axes in (None, (1, 0, 2), (2, 1, 0), (0, 0, 1), (0, 1)):
            _both(lambda: numpy.transpose(X, axes), lambda: fnp.transpose(x, axes))
        check(fnp.matrix_transpose(x), numpy.matrix_transpose(X))
        check(fnp.permute_dims(x, (1, 2, 0)), numpy.permute_dims(X, (1, 2, 0)))
        for a, b in ((0, 2), (-1, 1), (0, 3)):
            _both(lambda: numpy.swapaxes(X, a, b), lambda: fnp.swapaxes(x, a, b))
        for s, d in ((0, -1), ((0, 1), (2, 0)), (3, 0), ((0, 0), (1, 2))):
            _both(lambda: numpy.moveaxis(X, s, d), lambda: fnp.moveaxis(x, s, d))
        for a, st_ in ((2, 0), (0, 3), (1, -1), (2, 5)):
            _both(lambda: numpy.rollaxis(X, a, st_), lambda: fnp.rollaxis(x, a, st_))
        for ax in (0, -1, (0, 2), 4, (1, 1)):
            _both(lambda: numpy.expand_dims(X, ax), lambda: fnp.expand_dims(x, ax))
        y = X.reshape(1, 2, 1, 12)
        for ax in (None, 0, (0, 2), 1):
            _both(lambda: numpy.squeeze(y, ax), lambda: fnp.squeeze(ours(y), ax))


def test_broadcasting(backend):
    with unify.using_backend(backend):
        check(fnp.broadcast_to(ours(M[0]), (2, 3, 4)), numpy.broadcast_to(M[0], (2, 3, 4)))
        check(fnp.broadcast_to(5, (2, 2)), numpy.broadcast_to(5, (2, 2)))
        _both(lambda: numpy.broadcast_to(M, (4, 4)), lambda: fnp.broadcast_to(ours(M), (4, 4)))
        check(fnp.broadcast_arrays(ours(M), ours(M[:, :1]), 1),
              numpy.broadcast_arrays(M, M[:, :1], 1))
        assert fnp.broadcast_shapes((3, 1), (4,), ()) == numpy.broadcast_shapes((3, 1), (4,), ())
        _both(lambda: numpy.broadcast_shapes((3,), (4,)), lambda: fnp.broadcast_shapes((3,), (4,)))


@settings(max_examples=12)
@given(data=st.data())
def test_joining_hypothesis(backend, data):
    d1 = data.draw(st.sampled_from(["int8", "uint8", "float32", "bool", "complex64", "int64"]))
    d2 = data.draw(st.sampled_from(["int8", "float64", "bool", "uint16"]))
    shape = data.draw(shapes(min_dims=1, max_dims=3, min_side=1))
    a = data.draw(arrays(d1, shape))
    b = data.draw(arrays(d2, shape))
    axis = data.draw(st.integers(-len(shape), len(shape) - 1))
    with unify.using_backend(backend):
        ma, mb = ours(a), ours(b)
        check(fnp.concatenate([ma, mb], axis=axis), numpy.concatenate([a, b], axis=axis))
        check(fnp.stack([ma, mb], axis=axis), numpy.stack([a, b], axis=axis))
        check(fnp.concatenate((ma, mb), axis=None), numpy.concatenate((a, b), axis=None))


def test_joining(backend):
    with unify.using_backend(backend):
        m, x = ours(M), ours(X)
        _both(lambda: numpy.concatenate([M, X]), lambda: fnp.concatenate([m, x]))
        _both(lambda: numpy.concatenate([M, M[:2, :3]]), lambda: fnp.concatenate([m, m[:2, :3]]))
        _both(lambda: numpy.concatenate([M, M], axis=2), lambda: fnp.concatenate([m, m], axis=2))
        _both(lambda: numpy.concatenate([numpy.float64(1), M]), lambda: fnp.concatenate([fnp.float64(1), m]))
        check(fnp.concatenate([m, m], dtype="int32", casting="unsafe"),
              numpy.concatenate([M, M], dtype="int32", casting="unsafe"))
        _both(lambda: numpy.concatenate([M, M], dtype="int32"), lambda: fnp.concatenate([m, m], dtype="int32"))
        check(fnp.concat([m, m], axis=1), numpy.concat([M, M], axis=1))
        out_r, out_m = numpy.zeros((6, 4), numpy.float32), fnp.zeros((6, 4), "float32")
        numpy.concatenate([M, M], out=out_r)
        fnp.concatenate([m, m], out=out_m)
        check(out_m, out_r)
        _both(lambda: numpy.stack([M, M[:2]]), lambda: fnp.stack([m, m[:2]]))
        for f in ("hstack", "vstack", "dstack", "column_stack"):
            for args in (([1, 2], [3, 4]), (M, M), (1, 2), (M[0], M[1])):
                conv = tuple(ours(a) if isinstance(a, numpy.ndarray) else a for a in args)
                _both(lambda: getattr(numpy, f)(args), lambda: getattr(fnp, f)(conv))
        check(fnp.unstack(x, axis=1), numpy.unstack(X, axis=1))
        check(fnp.block([[m, m], [m, m]]), numpy.block([[M, M], [M, M]]))
        _both(lambda: numpy.block([1, 2, [3, 4]]), lambda: fnp.block([1, 2, [3, 4]]))
        check(fnp.block([1, 2, ours(M[0])]), numpy.block([1, 2, M[0]]))
        check(fnp.block([[ours(numpy.eye(2)), numpy.zeros((2, 1))], [ours(numpy.ones((1, 2))), 5.0]]),
              numpy.block([[numpy.eye(2), numpy.zeros((2, 1))], [numpy.ones((1, 2)), 5.0]]))
        _both(lambda: numpy.block([[1], 2]), lambda: fnp.block([[1], 2]))
        check(fnp.append(m, [[1, 2, 3, 4]], axis=0), numpy.append(M, [[1, 2, 3, 4]], axis=0))
        check(fnp.append(m, 9), numpy.append(M, 9))


def test_splitting(backend):
    with unify.using_backend(backend):
        a = numpy.arange(10.0)
        ma = ours(a)
        for s in (2, 5, [3, 7], [3, 20], [-2], [6, 3]):
            _both(lambda: numpy.split(a, s), lambda: fnp.split(ma, s))
        _both(lambda: numpy.split(a, 3), lambda: fnp.split(ma, 3))
        for s in (3, 4, [1, 1]):
            check(fnp.array_split(ma, s), numpy.array_split(a, s))
        x = ours(X)
        check(fnp.hsplit(x, 3), numpy.hsplit(X, 3))
        check(fnp.vsplit(x, 2), numpy.vsplit(X, 2))
        check(fnp.dsplit(x, [1, 3]), numpy.dsplit(X, [1, 3]))
        _both(lambda: numpy.dsplit(M, 2), lambda: fnp.dsplit(ours(M), 2))
        check(fnp.array_split(x, 2, axis=2), numpy.array_split(X, 2, axis=2))


def test_rearranging(backend):
    with unify.using_backend(backend):
        x, m = ours(X), ours(M)
        for reps in (2, (2, 1), (1, 2, 1, 2), ()):
            check(fnp.tile(x, reps), numpy.tile(X, reps))
        check(fnp.tile([1, 2], 3), numpy.tile([1, 2], 3))
        for r, ax in ((2, None), (2, 1), ([1, 0, 2], 1), ([2], 0), (0, None)):
            _both(lambda: numpy.repeat(X, r, ax), lambda: fnp.repeat(x, r, ax))
        _both(lambda: numpy.repeat(X, -1), lambda: fnp.repeat(x, -1))
        _both(lambda: numpy.repeat(X, [1, 2], axis=1), lambda: fnp.repeat(x, [1, 2], axis=1))
        for ax in (None, 0, (0, 2), -1):
            check(fnp.flip(x, ax), numpy.flip(X, ax))
        check(fnp.fliplr(m), numpy.fliplr(M))
        check(fnp.flipud(m), numpy.flipud(M))
        _both(lambda: numpy.fliplr(M[0]), lambda: fnp.fliplr(m[0]))
        for sh, ax in ((1, None), (-2, 1), ((1, 2), (0, 2)), (5, 2), (1, (0, 0))):
            check(fnp.roll(x, sh, ax), numpy.roll(X, sh, ax))
        for k in (0, 1, 2, 3, -1, 5):
            check(fnp.rot90(m, k), numpy.rot90(M, k))
            check(fnp.rot90(x, k, axes=(1, 2)), numpy.rot90(X, k, axes=(1, 2)))
        _both(lambda: numpy.rot90(M, 1, (0, 0)), lambda: fnp.rot90(m, 1, (0, 0)))
        for f in ("atleast_1d", "atleast_2d", "atleast_3d"):
            for v in (5, [1, 2], M, X):
                conv = ours(v) if isinstance(v, numpy.ndarray) else v
                check(getattr(fnp, f)(conv), getattr(numpy, f)(v))
            check(getattr(fnp, f)(1, [2, 3]), getattr(numpy, f)(1, [2, 3]))


def test_insert_delete_resize_trim(backend):
    with unify.using_backend(backend):
        m = ours(M)
        for obj, vals, ax in ((1, 99, 0), (1, [1, 2, 3, 4], 0), ([0, 2], 7, 1), (2, [5, 6, 7], 1),
                              (-1, 0, None), (slice(0, 2), -1, 1), (5, 1, 0)):
            _both(lambda: numpy.insert(M, obj, vals, axis=ax), lambda: fnp.insert(m, obj, vals, axis=ax))
        for obj, ax in ((1, 0), ([0, 2], 1), (slice(None, None, 2), 1), (-1, None),
                        ([True, False, True], 0), (7, 0)):
            _both(lambda: numpy.delete(M, obj, axis=ax), lambda: fnp.delete(m, obj, axis=ax))
        for shape in ((2, 2), (5, 5), 7, (0,)):
            check(fnp.resize(m, shape), numpy.resize(M, shape))
        z = numpy.array([0, 0, 1, 2, 0, 3, 0, 0])
        for trim in ("fb", "f", "b"):
            check(fnp.trim_zeros(ours(z), trim), numpy.trim_zeros(z, trim))
        z2 = numpy.zeros((4, 4))
        z2[1:3, 1] = 1
        check(fnp.trim_zeros(ours(z2)), numpy.trim_zeros(z2))


@pytest.mark.parametrize("mode", ["constant", "edge", "reflect", "symmetric", "wrap", "maximum",
                                  "minimum", "mean", "linear_ramp", "empty"])
def test_pad(backend, mode):
    with unify.using_backend(backend):
        for a in (numpy.arange(5, dtype=numpy.int32), M):
            for pw in (2, (1, 3), ((1, 0), (2, 1)) if a.ndim == 2 else ((1, 2),)):
                kw = {}
                if mode == "constant":
                    kw = {"constant_values": (7, -1)}
                if mode == "linear_ramp":
                    kw = {"end_values": (5, -5)}
                r = numpy.pad(a, pw, mode=mode, **kw)
                got = fnp.pad(ours(a), pw, mode=mode, **kw)
                if mode == "empty":
                    assert got.shape == r.shape and got.dtype.name == r.dtype.name
                    continue
                check(got, r)
        check(fnp.pad(ours(M), 1, mode="maximum", stat_length=2),
              numpy.pad(M, 1, mode="maximum", stat_length=2))
        raises_like(lambda: numpy.pad(M, -1), lambda: fnp.pad(ours(M), -1))


def test_copyto_and_astype(backend):
    with unify.using_backend(backend):
        r, m = numpy.zeros((2, 3)), fnp.zeros((2, 3))
        numpy.copyto(r, [1, 2, 3])
        fnp.copyto(m, [1, 2, 3])
        numpy.copyto(r, 5, where=numpy.array([True, False, True]))
        fnp.copyto(m, 5, where=fnp.array([True, False, True]))
        check(m, r)
        ri, mi = numpy.zeros(3, int), fnp.zeros(3, int)
        raises_like(lambda: numpy.copyto(ri, [1.5, 2, 3]), lambda: fnp.copyto(mi, [1.5, 2, 3]))
        raises_like(lambda: numpy.copyto(ri, [1, 2]), lambda: fnp.copyto(mi, [1, 2]))
        check(fnp.astype(ours(M), "int8"), numpy.astype(M, "int8"))
