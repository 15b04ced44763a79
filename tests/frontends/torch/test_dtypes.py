"""torch dtypes, promotion and default dtypes against real torch."""
import itertools

import numpy as np
import pytest
import torch as real

import unify
import unify.frontends.torch as ft
from tfhelp import DTYPES, check, raises_like

NAMES = list(DTYPES) + ["uint16", "uint32", "uint64"]


def _pair(name):
    return getattr(real, name), getattr(ft, name)


@pytest.mark.parametrize("a,b", list(itertools.product(NAMES, NAMES)))
def test_promote_types(a, b):
    (ra, fa), (rb, fb) = _pair(a), _pair(b)
    try:
        expected = real.promote_types(ra, rb)
    except RuntimeError:
        with pytest.raises(RuntimeError):
            ft.promote_types(fa, fb)
        return
    assert str(ft.promote_types(fa, fb)) == str(expected)


def test_dtype_attributes():
    for name in NAMES:
        r, f = _pair(name)
        assert str(f) == str(r)
        assert (f.is_floating_point, f.is_complex, f.is_signed, f.itemsize) == (
            r.is_floating_point, r.is_complex, r.is_signed, r.itemsize)
    assert ft.float is ft.float32 and ft.long is ft.int64 and ft.half is ft.float16
    assert str(ft.float32.to_complex()) == str(real.float32.to_complex())
    assert str(ft.complex128.to_real()) == str(real.complex128.to_real())


SCALARS = [True, 3, -2, 2.5, 1 + 2j]


@pytest.mark.parametrize("name", ["bool", "uint8", "int8", "int32", "int64", "float16",
                                  "bfloat16", "float32", "float64", "complex64"])
def test_result_type_with_scalars_and_0d(name):
    r, f = _pair(name)
    rt, ftt = real.zeros(2, dtype=r), ft.zeros(2, dtype=f) if hasattr(ft, "zeros") else None
    if ftt is None:
        ftt = ft.tensor([0, 0]).to(f)
    for s in SCALARS:
        expected = real.result_type(rt, s)
        if expected == real.complex32:  # no complex32 in unify: a clear error instead
            with pytest.raises(TypeError, match="complex32"):
                ft.result_type(ftt, s)
            continue
        assert str(ft.result_type(ftt, s)) == str(expected), s
    for other in ["bool", "int64", "float64", "complex128", "int16", "float16"]:
        ro, fo = _pair(other)
        z_r, z_f = real.tensor(1).to(ro), ft.tensor(1).to(fo)
        for args_r, args_f in (((rt, z_r), (ftt, z_f)), ((z_r, rt), (z_f, ftt))):
            expected = real.result_type(*args_r)
            if expected == real.complex32:
                with pytest.raises(TypeError, match="complex32"):
                    ft.result_type(*args_f)
            else:
                assert str(ft.result_type(*args_f)) == str(expected), other


def test_default_dtype_round_trip():
    assert ft.get_default_dtype() is ft.float32
    try:
        ft.set_default_dtype(ft.float64)
        assert ft.tensor([1.0]).dtype is ft.float64
        assert ft.tensor([1j]).dtype is ft.complex128
        assert (ft.tensor([1, 2]) / 2).dtype is ft.float64
    finally:
        ft.set_default_dtype(ft.float32)
    with pytest.raises(TypeError):
        ft.set_default_dtype(ft.int64)


def test_finfo_iinfo():
    for name in ["float16", "bfloat16", "float32", "float64"]:
        r, f = _pair(name)
        a, b = real.finfo(r), ft.finfo(f)
        assert (a.bits, a.eps, a.max, a.min, a.tiny) == (b.bits, b.eps, b.max, b.min, b.tiny)
    for name in ["uint8", "int8", "int16", "int32", "int64"]:
        r, f = _pair(name)
        a, b = real.iinfo(r), ft.iinfo(f)
        assert (a.bits, a.max, a.min) == (b.bits, b.max, b.min)
    raises_like(lambda: real.finfo(real.int32), lambda: ft.finfo(ft.int32))
    raises_like(lambda: real.iinfo(real.float32), lambda: ft.iinfo(ft.float32))


def test_can_cast():
    for a, b in itertools.product(NAMES, NAMES):
        (ra, fa), (rb, fb) = _pair(a), _pair(b)
        assert ft.can_cast(fa, fb) == real.can_cast(ra, rb), (a, b)


def test_tensor_inference(backend):
    with unify.using_backend(backend):
        for data in ([1, 2], [1.0, 2], [True, False], [1j, 2], 3, 2.5, [[1, 2], [3, 4]], []):
            check(ft.tensor(data), real.tensor(data))
        for arr in (np.arange(3, dtype=np.int32), np.ones(2, np.float64), np.array([True])):
            check(ft.tensor(arr), real.tensor(arr))
            check(ft.from_numpy(arr), real.from_numpy(arr))
