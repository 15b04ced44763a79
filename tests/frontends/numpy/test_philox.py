"""numpy.random.Philox against real NumPy: the same words bit for bit, the same state
(counter, key, buffer, buffer_pos, 32-bit buffer) after every draw, advance/jumped, seeding by
seed, key and counter, and Generator streams on every backend."""
import pickle

import numpy
import pytest

import unify
import unify.frontends.numpy as fnp
from nphelp import check, raises_like, to_real

R = fnp.random


def _same_state(mine, ref):
    a, b = mine.state, ref.state
    assert a["bit_generator"] == b["bit_generator"] == "Philox"
    for k in ("counter", "key"):
        assert numpy.array_equal(to_real(a["state"][k]), b["state"][k]), (k, a, b)
    assert numpy.array_equal(to_real(a["buffer"]), b["buffer"])
    assert (a["buffer_pos"], a["has_uint32"], a["uinteger"]) == \
        (b["buffer_pos"], b["has_uint32"], b["uinteger"])


@pytest.mark.parametrize("kw", [dict(seed=0), dict(seed=12345), dict(seed=[3, 4]),
                                dict(key=5), dict(key=[1, 2]), dict(key=2 ** 128 - 1),
                                dict(key=7, counter=2 ** 64 - 2),
                                dict(key=7, counter=numpy.array([2 ** 64 - 1] * 3 + [0], dtype=numpy.uint64)),
                                dict(key=9, counter=2 ** 256 - 3)])
def test_streams_and_state(kw):
    mine, ref = R.Philox(**kw), numpy.random.Philox(**kw)
    _same_state(mine, ref)
    with unify.using_backend("numpy"):
        for n in (1, 3, 4, 9, 700):
            assert numpy.array_equal(to_real(mine.random_raw(n)), ref.random_raw(n))
            _same_state(mine, ref)
        assert mine.random_raw() == ref.random_raw()
        _same_state(mine, ref)


def test_advance_jumped_state_pickle():
    a, b = R.Philox(1), numpy.random.Philox(1)
    with unify.using_backend("numpy"):
        a.random_raw(3)
        b.random_raw(3)
        a.advance(10)
        b.advance(10)
        _same_state(a, b)
        a.advance(2 ** 200 + 5)
        b.advance(2 ** 200 + 5)
        _same_state(a, b)
        _same_state(R.Philox(3).jumped(2), numpy.random.Philox(3).jumped(2))
        c, d = R.Philox(4), numpy.random.Philox(4)
        c.random_raw(2)
        d.random_raw(2)
        c2, d2 = c.jumped(), d.jumped()
        _same_state(c2, d2)
        assert numpy.array_equal(to_real(c2.random_raw(5)), d2.random_raw(5))
        _same_state(c, d)  # the original is untouched
        e = R.Philox(0)
        e.state = {k: v for k, v in b.state.items()}  # real NumPy's state dict is accepted
        _same_state(e, b)
        assert numpy.array_equal(to_real(e.random_raw(6)), b.random_raw(6))
        f = pickle.loads(pickle.dumps(e))
        _same_state(f, b)
        assert numpy.array_equal(to_real(f.random_raw(3)), b.random_raw(3))


def test_errors():
    for kw in (dict(seed=1, key=2), dict(key=-1), dict(key=2 ** 128), dict(counter=2 ** 256),
               dict(key=[1, 2, 3]), dict(counter=[1, 2])):
        raises_like(lambda: numpy.random.Philox(**kw), lambda: R.Philox(**kw))
    raises_like(lambda: setattr(numpy.random.Philox(1), "state", {"bit_generator": "PCG64"}),
                lambda: setattr(R.Philox(1), "state", {"bit_generator": "PCG64"}))


def test_generator_streams(backend):
    with unify.using_backend(backend):
        g, h = R.Generator(R.Philox(7)), numpy.random.Generator(numpy.random.Philox(7))
        check(g.random(5), h.random(5))
        check(g.integers(0, 1000, 7), h.integers(0, 1000, 7))
        check(g.integers(0, 100, 5, dtype="int32"), h.integers(0, 100, 5, dtype="int32"))  # 32-bit words
        check(g.random(3, dtype="float32"), h.random(3, dtype="float32"))
        check(g.integers(-5, 5, 3, dtype="int8"), h.integers(-5, 5, 3, dtype="int8"))
        check(g.random(), h.random())
        check(g.permutation(10), h.permutation(10))
        _same_state(g.bit_generator, h.bit_generator)
        check(R.default_rng(R.Philox(2)).uniform(size=4),
              numpy.random.default_rng(numpy.random.Philox(2)).uniform(size=4))
