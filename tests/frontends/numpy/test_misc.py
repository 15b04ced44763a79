"""numpy frontend: allclose/isclose/array_equal/array_equiv, type tests, ndim/shape/size,
apply_along_axis, apply_over_axes, vectorize, piecewise, packbits/unpackbits, binary_repr,
base_repr, diagonal, bitwise_count, matvec/vecmat, isfortran, broadcast, from_dlpack and the
configuration facts (getbufsize/setbufsize, get_include, show_config, show_runtime),
differential against real NumPy on every backend (see mathhelp)."""
import pickle
import warnings

import numpy
import pytest

import unify
import unify.frontends.numpy as fnp
from mathhelp import ALL, run
from nphelp import check, ours, raises_like

CASES = {
    "isclose": (["m.isclose(a.M, a.N)", "m.isclose(a.M, a.M)", "m.isclose(a.M, a.V, atol=1.5)",
                 "m.isclose(a.NAN, a.NAN)", "m.isclose(a.NAN, a.NAN, equal_nan=True)", "m.isclose(a.S, 1)",
                 "m.isclose(a.M, 2, rtol=0.5)", "m.isclose(a.INF, a.INF)", "m.isclose(1.0, 1.0 + 1e-9)"], ALL),
    "allclose": (["m.allclose(a.M, a.M)", "m.allclose(a.M, a.N)", "m.allclose(a.NAN, a.NAN, equal_nan=True)",
                  "m.allclose(a.M, a.V, atol=10)"], ALL),
    "array_equal": (["m.array_equal(a.M, a.M)", "m.array_equal(a.M, a.N)", "m.array_equal(a.M, a.V)",
                     "m.array_equal(a.NAN, a.NAN)", "m.array_equal(a.NAN, a.NAN, equal_nan=True)",
                     "m.array_equal(a.V, a.V.tolist())"], ALL),
    "array_equiv": (["m.array_equiv(a.M, a.M)", "m.array_equiv(a.M[:1], m.concatenate([a.M[:1]] * 3))",
                     "m.array_equiv(a.M, a.V[:3])", "m.array_equiv(a.M, a.N)"], ALL),
    "iscomplexobj": (["m.iscomplexobj(a.M)", "m.iscomplexobj(a.M.tolist())", "m.iscomplexobj(1j)",
                      "m.iscomplexobj(a.S)"], ALL),
    "isrealobj": (["m.isrealobj(a.M)", "m.isrealobj(3)"], ALL),
    "iscomplex": (["m.iscomplex(a.M)", "m.iscomplex(a.S)", "m.iscomplex(3)", "m.iscomplex([1, 2j])"], ALL),
    "isreal": (["m.isreal(a.M)", "m.isreal(a.S)", "m.isreal(3 + 0j)"], ALL),
    "isposinf": (["m.isposinf(a.INF)", "m.isposinf(a.S)", "(lambda o: (m.isposinf(a.INF, out=o), o)[1])(m.zeros((3, 4), dtype=bool))"], ALL),
    "isneginf": (["m.isneginf(a.INF)", "m.isneginf(-m.inf)"], ALL),
    "isscalar": (["m.isscalar(a.S)", "m.isscalar(a.M)", "m.isscalar(a.M[0, 0])", "m.isscalar(3.5)",
                  "m.isscalar('x')", "m.isscalar([1])"], ("float64", "int32")),
    "ndim": (["m.ndim(a.M)", "m.ndim(a.S)", "m.ndim([[1, 2]])", "m.ndim(3)"], ("float64",)),
    "shape": (["m.shape(a.T)", "m.shape(a.S)", "m.shape([[1, 2]])", "m.shape(3)"], ("float64",)),
    "size": (["m.size(a.T)", "m.size(a.T, 1)", "m.size(a.T, -1)", "m.size(a.T, (0, 2))", "m.size([[1, 2]])",
              "m.size(a.E)"], ("float64",)),
    "apply_along_axis": (["m.apply_along_axis(lambda r: r[:2] * 2, 1, a.M)",
                          "m.apply_along_axis(m.sum, 0, a.M)", "m.apply_along_axis(m.sort, 0, a.M)",
                          "m.apply_along_axis(lambda r: m.outer(r, r), 1, a.M)",
                          "m.apply_along_axis(lambda r: r.sum(), 0, a.V)", "m.apply_along_axis(m.max, 2, a.T)",
                          "m.apply_along_axis(m.mean, 1, a.T)"], ALL),
    "apply_over_axes": (["m.apply_over_axes(m.sum, a.T, [0, 2])", "m.apply_over_axes(m.max, a.M, 1)",
                         "m.apply_over_axes(m.mean, a.T, (0, -1))"], ALL),
    "vectorize": (["m.vectorize(lambda x, y: x * 2 + y)(a.M, a.V)", "m.vectorize(lambda x: x > 1)(a.M)",
                   "m.vectorize(lambda x: (x, x * 2))(a.V)", "m.vectorize(lambda x: 3)(a.S)",
                   "m.vectorize(lambda x: x + 1, otypes=[m.float32])(a.V)",
                   "m.vectorize(lambda x: x + 1, otypes='d')(a.E)", "m.vectorize(lambda x: x)(a.E)",
                   "m.vectorize(lambda x, k: x * k, excluded={'k'})(a.V, k=3)",
                   "m.vectorize(lambda r: r.sum(), signature='(n)->()')(a.M)",
                   "m.vectorize(lambda r, s: r * s, signature='(n),()->(n)')(a.M, a.V[:3, None])",
                   "m.vectorize(lambda r: (r.min(), r.max()), signature='(n)->(),()')(a.T)"], ALL),
    "piecewise": (["m.piecewise(a.M, [a.K], [-1, lambda x: x * 2])",
                   "m.piecewise(a.M, [a.M < 0, a.M > 1], [-1, lambda x: x * 2, 7])",
                   "m.piecewise(a.M, [a.K, ~a.K], [0])", "m.piecewise(a.S, [True], [lambda x: x + 1, 0])",
                   "m.piecewise(a.V, [a.V > 100], [lambda x: x * 0, 4])"], ALL),
    "packbits": (["m.packbits(a.M)", "m.packbits(a.M, axis=1)", "m.packbits(a.M, axis=0, bitorder='little')",
                  "m.packbits(a.T, axis=-1)", "m.packbits(a.E)", "m.packbits(a.M, bitorder='x')"], ALL),
    "unpackbits": (["m.unpackbits(a.M)", "m.unpackbits(a.M, axis=1)", "m.unpackbits(a.M, axis=0, count=5)",
                    "m.unpackbits(a.V, count=-3, bitorder='little')", "m.unpackbits(a.V, count=40)",
                    "m.unpackbits(a.V, count=0)"], ("uint8", "int32", "float64")),
    "binary_repr": (["m.binary_repr(5)", "m.binary_repr(-5)", "m.binary_repr(-5, width=8)", "m.binary_repr(0)",
                     "m.binary_repr(0, width=4)", "m.binary_repr(5, width=2)", "m.binary_repr(-8, width=4)",
                     "m.binary_repr(a.S.astype('int64') if a.dtype != 'complex128' else 3)"], ("int64",)),
    "base_repr": (["m.base_repr(255, 16)", "m.base_repr(-35, 36)", "m.base_repr(5, 2, padding=3)",
                   "m.base_repr(0)", "m.base_repr(5, 37)", "m.base_repr(5, 1)"], ("int64",)),
    "diagonal": (["m.diagonal(a.M)", "m.diagonal(a.T, 1, 0, 2)", "m.diagonal(a.M, -1)",
                  "m.diagonal(a.T, axis1=-1, axis2=1)", "m.diagonal(a.M, 5)", "m.diagonal(a.V)",
                  "m.diagonal(a.M, 0, 1, 1)", "m.diagonal(a.M, 0, 0, 3)", "m.diagonal(a.M.tolist())",
                  "m.diagonal(a.T, offset=-2, axis1=2, axis2=0)"], ALL),
    "bitwise_count": (["m.bitwise_count(a.M)", "m.bitwise_count(a.T)", "m.bitwise_count(a.S)",
                       "m.bitwise_count(7)", "m.bitwise_count(-7)", "m.bitwise_count(-2 ** 63)",
                       "m.bitwise_count(a.M.astype(m.int8) * 64)",
                       "m.bitwise_count(a.M.astype(m.uint64) * 12345678901)",
                       "m.bitwise_count(a.M.astype(m.int16) * -1000)",
                       "m.bitwise_count(a.M.astype(m.uint32) * 4000000)",
                       "m.bitwise_count(a.E)",
                       "m.bitwise_count(a.M, out=m.zeros((3, 4), dtype=m.uint8))",
                       "m.bitwise_count(a.M, dtype=m.float64)"], ALL),
    "matvec": (["m.matvec(a.M, a.V)", "m.matvec(a.T, a.V)", "m.matvec(a.Q, a.M[:, :3])",
                "m.matvec(a.M, a.V[:3])", "m.matvec(a.V, a.V)", "m.matvec(a.S, a.V)",
                "m.matvec(a.M, m.ones(4, dtype=m.int8))", "m.matvec(a.M.tolist(), [1, 2, 3, 4])",
                "m.matvec(a.T, a.V, axes=[(1, 2), (0,), (0,)])", "m.matvec(a.M, a.V, axis=0)",
                "m.matvec(a.M, a.V, dtype=m.float64)", "m.matvec(a.T, a.M[:2])",
                "m.matvec(a.M, a.V, out=m.zeros(3, dtype=m.complex128))",
                "m.matvec(a.M, a.V, m.zeros(3, dtype=m.int8))"], ALL),
    "vecmat": (["m.vecmat(a.V[:3], a.M)", "m.vecmat(a.T[:, :, 0], a.T)", "m.vecmat(a.V, a.M)",
                "m.vecmat(a.M, a.T)", "m.vecmat(a.Q[0], a.T[0])", "m.vecmat(a.V, a.V)",
                "m.vecmat(a.M[:, 0], a.M, dtype=m.complex128)",
                "m.vecmat(a.M, a.T, axes=[(0,), (1, 2), (0,)])"], ALL),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_function(backend, name):
    cases, dtypes = CASES[name]
    run(backend, cases, dtypes)


def test_all_names_exist():
    import numpy

    import unify.frontends.numpy as fnp
    for name in CASES:
        assert callable(getattr(fnp, name)) and callable(getattr(numpy, name))


def test_diagonal_is_a_read_only_view(backend):
    with unify.using_backend(backend):
        a = fnp.arange(12.0).reshape(3, 4)
        d = fnp.diagonal(a, 1)
        r = numpy.diagonal(numpy.arange(12.0).reshape(3, 4), 1)
        assert d.flags.writeable == r.flags.writeable
        with pytest.raises(ValueError):
            d[0] = 5.0
        a[0, 1] = 50.0  # the view sees writes to its base
        assert float(d[0]) == 50.0


def test_bitwise_count_full_range(backend):
    rng = numpy.random.default_rng(0)
    with unify.using_backend(backend):
        for dt in ("int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"):
            info = numpy.iinfo(dt)
            x = rng.integers(info.min, info.max, size=40, dtype=dt, endpoint=True)
            x[:2] = (info.min, info.max)
            check(fnp.bitwise_count(ours(x)), numpy.bitwise_count(x))


def test_ufunc_objects(backend):
    for name in ("bitwise_count", "matvec", "vecmat"):
        mine, real = getattr(fnp, name), getattr(numpy, name)
        assert isinstance(mine, fnp.ufunc)
        assert (mine.nin, mine.nout, mine.signature) == (real.nin, real.nout, real.signature)
        assert set(mine.types) <= set(real.types)
        assert pickle.loads(pickle.dumps(mine)) is mine
    for method in ("reduce", "accumulate", "outer"):
        raises_like(lambda: getattr(numpy.matvec, method)(numpy.ones((2, 2)), numpy.ones((2, 2))),
                    lambda: getattr(fnp.matvec, method)(fnp.ones((2, 2)), fnp.ones((2, 2))))


def test_isfortran(backend):
    # (the frontend makes every new array C-ordered, `order="F"` included: not compared here)
    with unify.using_backend(backend):
        for make in (lambda m: m.ones((2, 3)), lambda m: m.ones((2, 3)).T, lambda m: m.ones(3),
                     lambda m: m.ones((1, 3)).T,
                     lambda m: m.arange(24).reshape(2, 3, 4).transpose(2, 1, 0),
                     lambda m: m.arange(12).reshape(3, 4)[:, ::2]):
            assert fnp.isfortran(make(fnp)) == numpy.isfortran(make(numpy))
        raises_like(lambda: numpy.isfortran([1, 2]), lambda: fnp.isfortran([1, 2]))


def test_broadcast(backend):
    with unify.using_backend(backend):
        for args in (([[1], [2], [3]], [4, 5, 6]), ([1.5, 2.5], 3), (numpy.float32(1), [1, 2]),
                     (numpy.ones((2, 1, 3), dtype="int8"), numpy.arange(4.0).reshape(4, 1), 7j),
                     ([1, 2],), ()):
            conv = [ours(x) if isinstance(x, (numpy.ndarray, numpy.generic)) else x for x in args]
            b, r = fnp.broadcast(*conv), numpy.broadcast(*args)
            assert (b.shape, b.nd, b.ndim, b.numiter, b.size, b.index) == \
                (r.shape, r.nd, r.ndim, r.numiter, r.size, r.index)
            assert len(b.iters) == len(r.iters)
            check(next(b), next(r))
            assert b.index == r.index
            check(list(b), list(r))
            b.reset()
            r.reset()
            assert b.index == r.index == 0
            check(list(b), list(r))
        x, y = [[1], [2], [3]], [4, 5, 6]
        b, r = fnp.broadcast(x, y), numpy.broadcast(x, y)
        (row, col), (rrow, rcol) = b.iters, r.iters
        check((next(row), next(col), next(row)), (next(rrow), next(rcol), next(rrow)))
        check(next(b), next(r))
        nested, rnested = fnp.broadcast(fnp.broadcast(x, y), [1, 2, 3]), \
            numpy.broadcast(numpy.broadcast(x, y), [1, 2, 3])
        assert (nested.numiter, nested.shape) == (rnested.numiter, rnested.shape)
        check(list(nested), list(rnested))
        raises_like(lambda: numpy.broadcast(numpy.ones(3), numpy.ones(4)),
                    lambda: fnp.broadcast(fnp.ones(3), fnp.ones(4)))


def test_from_dlpack(backend):
    import torch

    with unify.using_backend(backend):
        for src in (numpy.arange(6.0).reshape(2, 3), numpy.array([1, 2], dtype="int16"),
                    numpy.array([True, False]), numpy.array([1 + 2j], dtype="complex64")):
            check(fnp.from_dlpack(src), numpy.from_dlpack(src))
            check(fnp.from_dlpack(torch.from_numpy(src.copy())),
                  numpy.from_dlpack(torch.from_numpy(src.copy())))
            check(fnp.from_dlpack(ours(src)), numpy.from_dlpack(src))
            check(fnp.from_dlpack(src, device="cpu", copy=True),
                  numpy.from_dlpack(src, device="cpu", copy=True))
        raises_like(lambda: numpy.from_dlpack([1, 2]), lambda: fnp.from_dlpack([1, 2]))
        raises_like(lambda: numpy.from_dlpack(numpy.ones(2), device="gpu"),
                    lambda: fnp.from_dlpack(fnp.ones(2), device="gpu"))
        src = numpy.zeros(3)
        mine = fnp.from_dlpack(src, copy=True)
        mine[0] = 1.0
        assert src[0] == 0.0


def test_bufsize():
    assert fnp.getbufsize() == numpy.getbufsize() == 8192
    try:
        for size in (32, 8192 * 2, 16, 1.5, "16", True, 3, 0, -1, 10 ** 9, 100, 8193,
                     numpy.int64(64)):
            e = raises_like(lambda: numpy.setbufsize(size), lambda: fnp.setbufsize(size))
            if e is None:
                assert fnp.getbufsize() == numpy.getbufsize()
    finally:
        numpy.setbufsize(8192)
        fnp.setbufsize(8192)


def test_configuration_facts(capsys):
    assert fnp.get_include() == numpy.get_include()
    assert fnp.show_config() is None
    assert "emulates numpy" in capsys.readouterr().out
    cfg = fnp.show_config(mode="dicts")
    assert cfg["unify numpy frontend"]["emulates numpy"] == fnp.__version__
    raises_like(lambda: numpy.show_config(mode="x"), lambda: fnp.show_config(mode="x"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert fnp.show_runtime() is None
    assert "numpy_version" in capsys.readouterr().out
