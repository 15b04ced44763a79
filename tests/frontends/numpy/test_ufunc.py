"""numpy frontend ufuncs: type resolution, values, NEP 50 scalars, out=/where=/dtype=,
methods (reduce, accumulate, outer, at, reduceat) and floating-point error handling,
differential against real NumPy on every backend."""
import itertools
import warnings

import numpy
import pytest
from hypothesis import given, settings, strategies as st

import unify
import unify.frontends.numpy as fnp
from nphelp import DTYPES, arrays, broadcastable_shapes, check, ours, raises_like

UFUNCS = sorted(n for n in dir(fnp) if isinstance(getattr(fnp, n), fnp.ufunc)
                and n not in ("matmul", "vecdot"))
UNARY = [n for n in UFUNCS if getattr(numpy, n).nin == 1]
BINARY = [n for n in UFUNCS if getattr(numpy, n).nin == 2]
MISSING = sorted(n for n in dir(numpy) if isinstance(getattr(numpy, n), numpy.ufunc)
                 and not hasattr(fnp, n))


def test_every_numeric_ufunc_exists():
    # isnat (datetimes), bitwise_count, matvec/vecmat (NumPy 2.2 gufuncs) are not provided
    assert set(MISSING) <= {"isnat", "bitwise_count", "matvec", "vecmat"}, MISSING


@pytest.mark.parametrize("name", UFUNCS)
def test_resolve_dtypes_matches_numpy(name):
    r, m = getattr(numpy, name), getattr(fnp, name)
    assert (m.nin, m.nout, m.nargs) == (r.nin, r.nout, r.nargs)
    assert m.identity == r.identity or (m.identity != m.identity and r.identity != r.identity)
    assert m.__name__ == r.__name__ and repr(m) == repr(r)
    for ins in itertools.product(DTYPES, repeat=r.nin):
        try:
            want = [d.name for d in r.resolve_dtypes(tuple(numpy.dtype(d) for d in ins) +
                                                     (None,) * r.nout)]
        except TypeError:
            with pytest.raises(TypeError):
                m.resolve_dtypes(tuple(fnp.dtype(d) for d in ins) + (None,) * r.nout)
            continue
        got = [d.name for d in m.resolve_dtypes(tuple(fnp.dtype(d) for d in ins) +
                                                (None,) * r.nout)]
        assert got == want, (name, ins, got, want)


# jax and tensorflow compile every op for each new dtype and shape: the exhaustive dtype
# sweeps run on numpy and torch, a representative subset on the compiling backends.
_SLOW = ("jax", "tensorflow")


def _subset(backend, full, small):
    return small if backend in _SLOW else full


def _values(dtype, n=8, shift=0):
    d = numpy.dtype(dtype)
    if d.kind == "b":
        base = [True, False, True, True, False, False, True, False]
    elif d.kind == "u":
        base = [0, 1, 2, 3, 5, 7, 4, 6]
    elif d.kind == "i":
        base = [-3, -1, 0, 1, 2, 4, 3, -2]
    elif d.kind == "f":
        base = [-2.5, -1.0, -0.5, 0.0, 0.5, 1.0, 2.0, 3.5]
    else:
        base = [-2.5 + 1j, -1 - 0.5j, 0.5j, 0.0, 0.5 + 0.25j, 1 - 1j, 2 + 0.5j, 3.5 - 2j]
    base = base[shift:] + base[:shift]
    return numpy.array(base[:n], dtype=d)


# unary: NumPy domain restrictions we avoid feeding (values would differ at branch cuts)
_UNARY_DTYPES = ("bool", "int8", "uint16", "int32", "int64", "uint64", "float16", "float32",
                 "float64", "complex64", "complex128")


# Known backend gaps (the core raises TypeError naming op, dtype and backend): torch has no
# uint64 kernels for integer division, remainder, gcd and lcm.
_GAPS = {"torch": ({"floor_divide", "remainder", "mod", "fmod", "divmod", "gcd", "lcm"},
                   "uint64")}


def _gap(name, ins):
    b = unify.core.current_backend().name
    if b not in _GAPS or getattr(name, "__name__", name) not in _GAPS[b][0]:
        return False
    dts = [numpy.asarray(x).dtype for x in ins]
    try:
        loop = getattr(numpy, getattr(name, "__name__", name)).resolve_dtypes(
            tuple(dts) + (None,) * getattr(numpy, name.__name__).nout)
    except Exception:  # noqa: BLE001
        return False
    return loop[0].name == _GAPS[b][1]


def _compare(rf, mf, ins_real, ins_ours, **kw):
    if _gap(rf, ins_real):
        with pytest.raises(TypeError, match="not supported by the"):
            mf(*ins_ours, **kw)
        return
    with numpy.errstate(all="ignore"), fnp.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            want = rf(*ins_real, **kw)
        except Exception as e:  # noqa: BLE001
            with pytest.raises(Exception) as info:
                mf(*ins_ours, **kw)
            from nphelp import same_error

            assert same_error(info.value, e), (info.value, e)
            return
        got = mf(*ins_ours, **kw)
    check(got, want, rtol=_rtol(want), atol=_atol(want))


def _rtol(x):
    d = (x[0] if isinstance(x, tuple) else x).dtype
    return {"e": 3e-3, "f": 1e-4, "F": 1e-4}.get(d.char, 1e-9)


def _atol(x):
    d = (x[0] if isinstance(x, tuple) else x).dtype
    return {"e": 3e-3, "f": 1e-5, "F": 1e-5}.get(d.char, 1e-12)


@pytest.mark.parametrize("name", UNARY)
def test_unary_values(backend, name):
    rf, mf = getattr(numpy, name), getattr(fnp, name)
    with unify.using_backend(backend):
        for dt in _subset(backend, _UNARY_DTYPES, ("int32", "float32", "complex128")):
            x = _values(dt)
            if name in ("arccosh", "acosh") and x.dtype.kind in "biuf":
                x = numpy.abs(x) + numpy.array(1, x.dtype)
            if name == "reciprocal" and x.dtype.kind in "iu":
                x = x[x != 0]  # NumPy's integer 1/0 is undefined behaviour
            if name in ("arcsin", "arccos", "arctanh", "asin", "acos", "atanh") and \
                    x.dtype.kind in "iuf":
                x = (x % 2) / 2 if x.dtype.kind == "f" else x % 2
            _compare(rf, mf, (x,), (ours(x),))


_PAIRS = [(d, d) for d in DTYPES] + [
    ("int8", "uint8"), ("uint8", "int16"), ("int32", "float32"), ("int64", "uint64"),
    ("float16", "int16"), ("float32", "complex64"), ("bool", "float64"), ("uint32", "int8"),
    ("float64", "complex64"), ("int16", "float16")]


_PAIRS_SMALL = [("int16", "int16"), ("float64", "float64"), ("int32", "float32"),
                ("uint8", "int8"), ("complex64", "complex64")]


@pytest.mark.parametrize("name", BINARY)
def test_binary_values(backend, name):
    rf, mf = getattr(numpy, name), getattr(fnp, name)
    with unify.using_backend(backend):
        for a, b in _subset(backend, _PAIRS, _PAIRS_SMALL):
            x = _values(a).reshape(2, 4)
            y = _values(b, 4, shift=3)
            if y.dtype.kind == "c":
                y[y == 0] = 1  # complex x/0: tensorflow gives nan+nanj where NumPy gives inf
            if name in ("power", "pow", "left_shift", "right_shift", "bitwise_left_shift",
                        "bitwise_right_shift", "ldexp") and y.dtype.kind == "i":
                y = numpy.abs(y)
            if name in ("power", "pow") and y.dtype.kind in "iu":
                y = y % 4
            if name in ("power", "pow", "float_power") and y.dtype.kind == "c":
                continue  # complex powers: backends differ in the last bits at branch points
            _compare(rf, mf, (x, y), (ours(x), ours(y)))


@settings(max_examples=12)
@given(data=st.data())
def test_binary_broadcasting_hypothesis(backend, data):
    name = data.draw(st.sampled_from(["add", "subtract", "multiply", "divide", "maximum",
                                      "less_equal", "logical_xor", "floor_divide", "hypot"]))
    a = data.draw(st.sampled_from(DTYPES))
    b = data.draw(st.sampled_from(DTYPES))
    (s1, s2), _ = data.draw(broadcastable_shapes(2)).input_shapes, None
    x = data.draw(arrays(a, s1))
    y = data.draw(arrays(b, s2))
    with unify.using_backend(backend):
        _compare(getattr(numpy, name), getattr(fnp, name), (x, y), (ours(x), ours(y)))


SCALARS = [1, -1, 300, 2.5, True, 1j, 2 ** 40, -(2 ** 63), 2 ** 63]


_NEP50_DTYPES = ("bool", "uint8", "int8", "int32", "uint64", "float16", "float32", "complex64",
                 "float64")


def test_nep50_python_scalars(backend):
    for dtype in _subset(backend, _NEP50_DTYPES, ("uint8", "int32", "float32")):
        x = _values(dtype, 4)
        with unify.using_backend(backend):
            for s in SCALARS:
                for name in ("add", "multiply", "true_divide", "less", "equal", "maximum"):
                    _compare(getattr(numpy, name), getattr(fnp, name), (x, s), (ours(x), s))
                    _compare(getattr(numpy, name), getattr(fnp, name), (s, x), (s, ours(x)))
            # NumPy scalars and 0-d arrays are strong
            for s in (numpy.float64(2), numpy.int16(3), numpy.array(2.0, numpy.float32)):
                _compare(numpy.add, fnp.add, (x, s), (ours(x), ours(s)))


def test_python_scalars_only(backend):
    with unify.using_backend(backend):
        for a, b in [(1, 2), (1, 2.5), (True, 2), (1.5, 1j), (True, False)]:
            for name in ("add", "multiply", "true_divide", "maximum", "less"):
                _compare(getattr(numpy, name), getattr(fnp, name), (a, b), (a, b))
        check(fnp.sqrt(4), numpy.sqrt(4))
        check(fnp.ldexp(fnp.float32(1), 2), numpy.ldexp(numpy.float32(1), 2))


def test_zero_d_results_are_scalars(backend):
    with unify.using_backend(backend):
        a = numpy.array(3.0)
        check(fnp.add(ours(a), 2), numpy.add(a, 2))
        check(ours(a) + ours(a), a + a)
        check(fnp.negative(ours(a)), numpy.negative(a))
        out = fnp.zeros(())
        r = fnp.add(ours(a), 1, out=out)
        assert r is out and isinstance(r, fnp.ndarray)


def test_out_where_dtype_casting(backend):
    x = numpy.arange(6, dtype=numpy.float64).reshape(2, 3)
    y = numpy.array([1.0, 2.0, 3.0])
    with unify.using_backend(backend):
        mx, my = ours(x), ours(y)
        o_r, o_m = numpy.zeros((2, 3)), fnp.zeros((2, 3))
        r = fnp.add(mx, my, out=o_m)
        numpy.add(x, y, out=o_r)
        assert r is o_m
        check(o_m, o_r)
        r = fnp.multiply(mx, my, o_m)
        assert r is o_m
        numpy.multiply(x, y, o_r)
        check(o_m, o_r)
        mask = numpy.array([True, False, True])
        numpy.subtract(x, y, out=o_r, where=mask)
        fnp.subtract(mx, my, out=o_m, where=ours(mask))
        check(o_m, o_r)
        check(fnp.add(mx, my, dtype="float32"), numpy.add(x, y, dtype="float32"))
        check(fnp.add(ours(x.astype(int)), 1, dtype=float), numpy.add(x.astype(int), 1,
                                                                       dtype=float))
        raises_like(lambda: numpy.add(x, y, dtype="int64"), lambda: fnp.add(mx, my, dtype="int64"))
        oi_r, oi_m = numpy.zeros((2, 3), int), fnp.zeros((2, 3), int)
        raises_like(lambda: numpy.add(x, y, out=oi_r), lambda: fnp.add(mx, my, out=oi_m))
        raises_like(lambda: numpy.add(x, y, out=oi_r, casting="unsafe"),
                    lambda: fnp.add(mx, my, out=oi_m, casting="unsafe"))
        check(oi_m, oi_r)
        raises_like(lambda: numpy.add(x, y, out=numpy.zeros(3)),
                    lambda: fnp.add(mx, my, out=fnp.zeros(3)))
        raises_like(lambda: numpy.add(x, numpy.ones(2)), lambda: fnp.add(mx, fnp.ones(2)))
        raises_like(lambda: numpy.subtract(True, numpy.array([True])),
                    lambda: fnp.subtract(True, fnp.array([True])))
        raises_like(lambda: numpy.negative(numpy.array([True])),
                    lambda: fnp.negative(fnp.array([True])))
        raises_like(lambda: numpy.power(numpy.arange(3), -1),
                    lambda: fnp.power(fnp.arange(3), -1))
        q, r = fnp.divmod(ours(x), 4)
        check((q, r), numpy.divmod(x, 4))
        m1, m2 = fnp.zeros((2, 3)), fnp.zeros((2, 3))
        fnp.modf(mx / 4, out=(m1, m2))
        check((m1, m2), numpy.modf(x / 4))


_METHOD_DTYPES = ("bool", "int8", "uint16", "int64", "float32", "float64", "complex128")


def test_ufunc_methods(backend):
    for dtype in _subset(backend, _METHOD_DTYPES, ("int64", "float32")):
        _methods_one(backend, dtype)


def _methods_one(backend, dtype):
    x = _values(dtype, 8).reshape(2, 4)
    with unify.using_backend(backend):
        m = ours(x)
        for name in ("add", "multiply", "maximum", "minimum", "logical_and", "logical_or",
                     "bitwise_xor", "subtract"):
            rf, mf = getattr(numpy, name), getattr(fnp, name)
            for axis in (0, 1, None, -1):
                _compare(rf.reduce, mf.reduce, (x,), (m,), axis=axis)
            _compare(rf.reduce, mf.reduce, (x,), (m,), axis=0, keepdims=True)
            _compare(rf.accumulate, mf.accumulate, (x,), (m,), axis=1)
            _compare(rf.outer, mf.outer, (x[0], x[1]), (m[0], m[1]))
            _compare(rf.reduceat, mf.reduceat, (x, [0, 2, 1, 3]), (m, [0, 2, 1, 3]), axis=1)
        _compare(numpy.add.reduce, fnp.add.reduce, (x,), (m,), axis=1, initial=5)
        _compare(numpy.maximum.reduce, fnp.maximum.reduce, (x[:, :0],), (m[:, :0],), axis=1)
        _compare(numpy.add.reduce, fnp.add.reduce, (x,), (m,), axis=1, dtype="float64")


def test_ufunc_at(backend):
    with unify.using_backend(backend):
        for name, b in (("add", 1.5), ("subtract", 2), ("multiply", 3), ("maximum", 4),
                        ("minimum", 0), ("power", 2), ("divide", 2)):
            r = numpy.arange(6, dtype=float)
            m = fnp.arange(6, dtype=float)
            getattr(numpy, name).at(r, [0, 0, 2, 5], b)
            getattr(fnp, name).at(m, [0, 0, 2, 5], b)
            check(m, r)
        r = numpy.arange(6)
        m = fnp.arange(6)
        numpy.negative.at(r, [1, 1, 3])
        fnp.negative.at(m, [1, 1, 3])
        check(m, r)
        r2, m2 = numpy.zeros((2, 3)), fnp.zeros((2, 3))
        numpy.add.at(r2, (slice(None), [0, 0]), numpy.array([1.0, 2.0]))
        fnp.add.at(m2, (slice(None), [0, 0]), fnp.array([1.0, 2.0]))
        check(m2, r2)


def test_operators_and_inplace(backend):
    x = numpy.arange(1, 7, dtype=numpy.int32).reshape(2, 3)
    with unify.using_backend(backend):
        m = ours(x)
        import operator as op
        for f in (op.add, op.sub, op.mul, op.truediv, op.floordiv, op.mod, op.pow, op.and_,
                  op.or_, op.xor, op.lshift, op.rshift, op.lt, op.le, op.gt, op.ge, op.eq,
                  op.ne):
            for other in _subset(backend, (2, 2.5, numpy.int8(3), numpy.array([1, 2, 3], numpy.int64)),
                                 (2.5, numpy.array([1, 2, 3], numpy.int64))):
                mo = ours(other) if isinstance(other, (numpy.ndarray, numpy.generic)) else other
                raises_like(lambda: f(x, other), lambda: f(m, mo))
                raises_like(lambda: f(other, x), lambda: f(mo, m))
        for f in (op.neg, op.pos, op.abs, op.invert):
            check(f(m), f(x))
        check(divmod(m, 4), divmod(x, 4))
        check(m @ ours(x.T), x @ x.T)
        r, mm = x.copy(), ours(x)
        alias = mm[0]
        r += 1
        mm += 1
        check(mm, r)
        check(alias, r[0])
        r *= 3
        mm *= 3
        check(mm, r)
        r //= 2
        mm //= 2
        check(mm, r)
        with pytest.raises(TypeError):
            mm += 1.5  # same_kind casting of float64 into int32 is refused, as in NumPy
        rf, mf = numpy.ones(3), fnp.ones(3)
        rf /= 4
        mf /= 4
        check(mf, rf)
        raises_like(lambda: rf.__iadd__(numpy.ones((2, 3))), lambda: mf.__iadd__(fnp.ones((2, 3))))
        check(m == None, x == None)  # noqa: E711
        check(m != "a", x != "a")


def test_errstate_and_warnings(backend):
    with unify.using_backend(backend):
        with pytest.warns(RuntimeWarning, match="divide by zero"):
            fnp.divide(fnp.ones(2), 0.0)
        with pytest.warns(RuntimeWarning, match="invalid value"):
            fnp.log(fnp.array([-1.0]))
        with pytest.warns(RuntimeWarning, match="divide by zero"):
            r = fnp.floor_divide(fnp.arange(3), 0)
        check(r, numpy.zeros(3, dtype=numpy.int64))
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            with fnp.errstate(divide="ignore", invalid="ignore"):
                fnp.divide(fnp.ones(2), 0.0)
                fnp.sqrt(fnp.array([-1.0]))
                fnp.remainder(fnp.arange(3), 0)
        with fnp.errstate(divide="raise"):
            with pytest.raises(FloatingPointError):
                fnp.divide(fnp.ones(2), 0.0)
        assert fnp.geterr()["divide"] == "warn"
        old = fnp.seterr(all="ignore")
        try:
            assert fnp.geterr() == {"divide": "ignore", "over": "ignore", "under": "ignore",
                                    "invalid": "ignore"}
        finally:
            fnp.seterr(**old)
        assert fnp.geterr() == numpy.geterr()


def test_matmul_and_vecdot(backend):
    with unify.using_backend(backend):
        for sa, sb in [((3,), (3,)), ((2, 3), (3,)), ((3,), (3, 2)), ((2, 3), (3, 4)),
                       ((2, 2, 3), (3, 1)), ((1, 2, 3), (4, 3, 2))]:
            for dt in _subset(backend, ("int32", "float32", "bool", "complex128"), ("float32",)):
                x = _values(dt, 8)
                a = numpy.resize(x, sa)
                b = numpy.resize(x[::-1], sb)
                _compare(numpy.matmul, fnp.matmul, (a, b), (ours(a), ours(b)))
                if sa[-1] == sb[-1]:
                    _compare(numpy.vecdot, fnp.vecdot, (a, b), (ours(a), ours(b)))
        raises_like(lambda: numpy.matmul(numpy.ones((2, 3)), numpy.ones((2, 3))),
                    lambda: fnp.matmul(fnp.ones((2, 3)), fnp.ones((2, 3))))
        raises_like(lambda: numpy.matmul(numpy.ones(3), 2.0), lambda: fnp.matmul(fnp.ones(3), 2.0))
        assert isinstance(fnp.matmul, fnp.ufunc)
