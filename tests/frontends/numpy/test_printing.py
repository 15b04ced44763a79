"""numpy frontend printing: repr/str of arrays and scalars, array2string, array_repr, array_str,
format_float_positional/scientific, and the print options (set_printoptions, get_printoptions,
printoptions), compared with real NumPy's text on every backend. The frontend's options are its
own: setting them never changes real NumPy's."""
import numpy
import pytest

import unify
import unify.frontends.numpy as fnp
from nphelp import ours, raises_like

ARRAYS = [numpy.arange(6.0).reshape(2, 3) / 7, numpy.array([1e-8, 1.0, 1e8]),
          numpy.array([numpy.nan, numpy.inf, -numpy.inf, -0.0]), numpy.arange(-3, 9, dtype="int16"),
          numpy.array([True, False]), numpy.array([1 + 2j, -0.5j], dtype="complex64"),
          numpy.array([0.1, 0.25], dtype="float32"), numpy.array(2.5), numpy.zeros((0, 3)),
          numpy.arange(2000.0), numpy.arange(24, dtype="uint8").reshape(2, 3, 4),
          numpy.array([1.5, 2.0], dtype="float16")]

OPTIONS = [dict(precision=3), dict(threshold=5, edgeitems=1), dict(linewidth=20),
           dict(suppress=True), dict(nanstr="NaN", infstr="Inf"), dict(sign="+"),
           dict(floatmode="fixed", precision=2), dict(floatmode="unique"), dict(legacy="1.13"),
           dict(legacy="1.25"), dict(formatter={"float": lambda x: f"<{x:.1f}>"}),
           dict(formatter={"all": lambda x: "*"})]


@pytest.fixture(autouse=True)
def _restore_options():
    before, real = fnp.get_printoptions(), numpy.get_printoptions()
    yield
    fnp.set_printoptions(**before)
    numpy.set_printoptions(**real)


def _texts(a):
    return [repr(a), str(a)]


def test_repr_and_str(backend):
    with unify.using_backend(backend):
        for h in ARRAYS:
            assert _texts(ours(h)) == _texts(h)
            s = h.reshape(-1)[:1].reshape(())[()] if h.size else None
            if s is not None:
                assert _texts(ours(s)) == _texts(s)


def test_printoptions_follow(backend):
    with unify.using_backend(backend):
        for kw in OPTIONS:
            for h in ARRAYS[:4] + ARRAYS[5:8] + ARRAYS[9:10]:
                with numpy.printoptions(**kw):
                    want = _texts(h) + [numpy.array2string(h), numpy.array_repr(h)]
                with fnp.printoptions(**kw):
                    o = ours(h)
                    got = _texts(o) + [fnp.array2string(o), fnp.array_repr(o)]
                assert got == want, (kw, got, want)
            s = numpy.float64(1 / 3)
            with numpy.printoptions(**kw):
                want = _texts(s)
            with fnp.printoptions(**kw):
                assert _texts(fnp.float64(1 / 3)) == want, kw
        assert repr(ours(ARRAYS[0])) == repr(ARRAYS[0])  # restored on exit


def test_set_get_printoptions():
    real_before = numpy.get_printoptions()
    assert fnp.get_printoptions() == real_before
    fnp.set_printoptions(precision=4, threshold=10)
    try:
        numpy.set_printoptions(precision=4, threshold=10)
        assert fnp.get_printoptions() == numpy.get_printoptions()
        fmt = {"int": lambda x: "i"}
        fnp.set_printoptions(formatter=fmt)
        numpy.set_printoptions(formatter=fmt)
        assert fnp.get_printoptions() == numpy.get_printoptions()
        fnp.set_printoptions(precision=2)  # formatter resets, as in NumPy
        numpy.set_printoptions(precision=2)
        assert fnp.get_printoptions() == numpy.get_printoptions()
        assert repr(fnp.arange(20.0) / 3) == repr(numpy.arange(20.0) / 3)
    finally:
        numpy.set_printoptions(**real_before)
    fnp.set_printoptions(precision=6)
    assert numpy.get_printoptions() == real_before  # ours never touches NumPy's


def test_printoptions_context_value():
    with numpy.printoptions(precision=2, sign=" ") as want:
        pass
    with fnp.printoptions(precision=2, sign=" ") as got:
        assert got == want
        assert fnp.get_printoptions() == want
    assert fnp.get_printoptions()["precision"] == 8


@pytest.mark.parametrize("kw", [dict(precision="x"), dict(floatmode="bad"), dict(sign="?"),
                                dict(threshold="many"), dict(threshold=float("nan")),
                                dict(linewidth=-3)])
def test_bad_options(kw):
    raises_like(lambda: numpy.set_printoptions(**kw), lambda: fnp.set_printoptions(**kw))
    assert fnp.get_printoptions() == numpy.get_printoptions()


def test_array2string_arguments(backend):
    cases = [dict(), dict(separator=", "), dict(prefix="x = "), dict(precision=2),
             dict(suppress_small=True), dict(max_line_width=15), dict(threshold=3, edgeitems=1),
             dict(sign="+"), dict(floatmode="fixed"), dict(suffix=";", max_line_width=10),
             dict(formatter={"float_kind": lambda x: "%.2f" % x}), dict(legacy="1.13")]
    with unify.using_backend(backend):
        for h in (ARRAYS[0], ARRAYS[1], ARRAYS[3], ARRAYS[5], ARRAYS[7]):
            for kw in cases:
                assert fnp.array2string(ours(h), **kw) == numpy.array2string(h, **kw), kw
            for fn in ("array_repr", "array_str"):
                for args in ((), (20,), (None, 2), (None, None, True)):
                    assert getattr(fnp, fn)(ours(h), *args) == getattr(numpy, fn)(h, *args)


def test_formatter_and_override_see_frontend_objects(backend):
    with unify.using_backend(backend):
        seen = []
        fnp.array2string(fnp.arange(2.0), formatter={"float": lambda x: seen.append(type(x)) or "f"})
        assert seen and all(t is fnp.float64 for t in seen)
        with fnp.printoptions(override_repr=lambda a: f"custom {type(a).__name__} {a.shape}"):
            assert repr(fnp.ones((2, 2))) == "custom ndarray (2, 2)"
            assert str(fnp.ones(2)) == str(numpy.ones(2))
        assert repr(fnp.ones(2)) == repr(numpy.ones(2))


@pytest.mark.filterwarnings("ignore::RuntimeWarning")  # 123456789.0 overflows float16
def test_format_float(backend):
    with unify.using_backend(backend):
        values = [0.1, 1 / 3, 1e-20, 123456789.0, -2.5, float("nan"), float("inf")]
        for v in values:
            for dt in ("float64", "float32", "float16"):
                r = numpy.dtype(dt).type(v)
                o = getattr(fnp, dt)(v)
                for kw in (dict(), dict(precision=3), dict(unique=False, precision=4),
                           dict(sign=True), dict(trim="-"), dict(pad_left=5),
                           dict(min_digits=3)):
                    assert fnp.format_float_positional(o, **kw) == \
                        numpy.format_float_positional(r, **kw), (v, dt, kw)
                    assert fnp.format_float_scientific(o, **kw) == \
                        numpy.format_float_scientific(r, **kw), (v, dt, kw)
            assert fnp.format_float_positional(v, pad_right=3) == \
                numpy.format_float_positional(v, pad_right=3)
            assert fnp.format_float_scientific(v, exp_digits=3) == \
                numpy.format_float_scientific(v, exp_digits=3)
        raises_like(lambda: numpy.format_float_positional(1.0, unique=False),
                    lambda: fnp.format_float_positional(1.0, unique=False))
        raises_like(lambda: numpy.format_float_positional(numpy.int64(1)),
                    lambda: fnp.format_float_positional(fnp.int64(1)))
