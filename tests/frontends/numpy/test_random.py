"""numpy.random: seeded streams against real NumPy 2 on every backend.

Exact (bit-for-bit values, dtypes, and the bit generator state afterwards) for the
functions the module docstring lists as NumPy-identical; to ~1e-13 relative with the same
state afterwards for the ziggurat samplers; moment checks for the statistical-only ones.
"""
import math
import pickle
import time
import warnings

import numpy
import pytest

import unify
import unify.frontends.numpy as fnp
from nphelp import check, ours, raises_like, to_real

R = fnp.random


def _legacy_state_equal(mine, ref):
    a, b = mine.get_state(), ref.get_state()
    assert a[0] == b[0] and a[2:] == b[2:], (a[2:], b[2:])
    assert numpy.array_equal(to_real(a[1]), b[1])


def _gen_state_equal(mine, ref):
    a, b = mine.bit_generator.state, ref.bit_generator.state
    if "key" in b["state"]:
        assert numpy.array_equal(to_real(a["state"]["key"]), b["state"]["key"])
        assert a["state"]["pos"] == b["state"]["pos"]
    else:
        assert a == b, (a, b)


# ------------------------------------------------------------------ bit generators (host)

@pytest.mark.parametrize("entropy", [0, 1, 12345, 2 ** 100 + 7, [1, 2, 3], [2 ** 40, 5, 6, 7, 8],
                                     numpy.arange(10, dtype=numpy.uint32)])
def test_seed_sequence(entropy):
    a, b = R.SeedSequence(entropy), numpy.random.SeedSequence(entropy)
    assert numpy.array_equal(a.pool, b.pool)
    assert numpy.array_equal(a.generate_state(7), b.generate_state(7))
    assert numpy.array_equal(a.generate_state(5, numpy.uint64), b.generate_state(5, numpy.uint64))
    c, d = a.spawn(3)[2].spawn(2)[1], b.spawn(3)[2].spawn(2)[1]
    assert c.spawn_key == d.spawn_key
    assert numpy.array_equal(c.generate_state(9), d.generate_state(9))
    assert a.n_children_spawned == b.n_children_spawned == 3


def test_seed_sequence_errors():
    raises_like(lambda: numpy.random.SeedSequence(-1), lambda: R.SeedSequence(-1))
    raises_like(lambda: numpy.random.SeedSequence(1.5), lambda: R.SeedSequence(1.5))
    raises_like(lambda: numpy.random.SeedSequence(1).generate_state(2, numpy.int32),
                lambda: R.SeedSequence(1).generate_state(2, numpy.int32))


@pytest.mark.parametrize("name", ["MT19937", "PCG64", "PCG64DXSM", "SFC64"])
@pytest.mark.parametrize("seed", [0, 12345, [3, 4]])
def test_bit_generator_streams(name, seed):
    mine, ref = getattr(R, name)(seed), getattr(numpy.random, name)(seed)
    st_m, st_r = mine.state, ref.state
    if name == "MT19937":
        assert numpy.array_equal(to_real(st_m["state"]["key"]), st_r["state"]["key"])
        assert st_m["state"]["pos"] == st_r["state"]["pos"]
    elif name == "SFC64":
        assert numpy.array_equal(to_real(st_m["state"]["state"]), st_r["state"]["state"])
    else:
        assert st_m == st_r
    with unify.using_backend("numpy"):
        assert numpy.array_equal(to_real(mine.random_raw(700)), ref.random_raw(700))
        assert mine.random_raw() == ref.random_raw()


def test_pcg64_advance_jumped():
    a, b = R.PCG64(1), numpy.random.PCG64(1)
    a.advance(12345678901234567)
    b.advance(12345678901234567)
    assert a.state == b.state
    assert R.PCG64(3).jumped(2).state == numpy.random.PCG64(3).jumped(2).state
    a, b = R.PCG64DXSM(1), numpy.random.PCG64DXSM(1)
    a.advance(999)
    b.advance(999)
    assert a.state == b.state


def test_legacy_seeding():
    for seed in (0, 5, 2 ** 32 - 1, [1, 2, 3], numpy.arange(700)):
        a, b = R.RandomState(seed), numpy.random.RandomState(seed)
        _legacy_state_equal(a, b)
    for bad in (-1, 2 ** 32, [-1], [[1, 2]], 1.5, []):
        raises_like(lambda: numpy.random.RandomState(bad), lambda: R.RandomState(bad))


def test_throughput():
    """10**5 doubles well under a second (streams are generated on the host)."""
    with unify.using_backend("numpy"):
        for make in (lambda: R.RandomState(0), lambda: R.default_rng(0)):
            g = make()
            t = time.perf_counter()
            g.random(100000) if hasattr(g, "integers") else g.random_sample(100000)
            assert time.perf_counter() - t < 1.0


# ------------------------------------------------------------------ legacy: exact streams

LEGACY = [
    ("random_sample", (), {}), ("random_sample", (), {"size": 7}), ("random_sample", ((2, 3),), {}),
    ("rand", (), {}), ("rand", (3, 2), {}), ("randn", (), {}), ("randn", (5,), {}),
    ("random", (4,), {}), ("standard_normal", (), {"size": (2, 3)}),
    ("randint", (10,), {}), ("randint", (10,), {"size": 6}), ("randint", (-5, 2 ** 40), {"size": 4}),
    ("randint", (0, 7), {"size": 5, "dtype": "int8"}), ("randint", (0, 2), {"size": 40, "dtype": bool}),
    ("randint", (3, 300), {"size": 5, "dtype": numpy.uint16}), ("randint", (0, 2 ** 64 - 1), {"size": 3, "dtype": "uint64"}),
    ("randint", (5,), {"dtype": "int32"}), ("randint", ([1, 5, 10], [[20], [30]]), {}),
    ("tomaxint", (3,), {}),
    ("uniform", (), {}), ("uniform", (-1, 3), {"size": 5}), ("uniform", ([0., 1.], 3.), {}),
    ("normal", (), {}), ("normal", (1., 2.), {"size": 5}), ("normal", ([1., 2.], [[1.], [2.]]), {}),
    ("lognormal", (0., .5), {"size": 5}), ("standard_exponential", (9,), {}), ("exponential", (2.,), {"size": 5}),
    ("pareto", (2.,), {"size": 5}), ("weibull", (1.5,), {"size": 5}), ("power", (2.,), {"size": 5}),
    ("laplace", (0., 2.), {"size": 5}), ("gumbel", (0., 2.), {"size": 5}), ("logistic", (0., 2.), {"size": 5}),
    ("rayleigh", (2.,), {"size": 5}), ("triangular", (0., 1., 3.), {"size": 5}), ("standard_cauchy", (5,), {}),
    ("wald", (1., 2.), {"size": 5}), ("standard_gamma", (2.5,), {"size": 40}), ("standard_gamma", (.5,), {"size": 40}),
    ("gamma", (3., 2.), {"size": 5}), ("beta", (2., 3.), {"size": 20}), ("beta", (.5, .5), {"size": 20}),
    ("chisquare", (3.,), {"size": 5}), ("noncentral_chisquare", (3., 2.), {"size": 5}), ("f", (3., 5.), {"size": 5}),
    ("noncentral_f", (3., 5., 1.), {"size": 5}), ("standard_t", (3.,), {"size": 5}),
    ("binomial", (10, .3), {"size": 40}), ("binomial", (1000, .3), {"size": 40}), ("binomial", (1000, .7), {"size": 10}),
    ("binomial", (10, .5), {}), ("negative_binomial", (5, .5), {"size": 20}), ("poisson", (3.,), {"size": 40}),
    ("poisson", (30.,), {"size": 40}), ("poisson", (), {}), ("geometric", (.5,), {"size": 20}), ("geometric", (.1,), {"size": 20}),
    ("zipf", (2.,), {"size": 20}), ("logseries", (.6,), {"size": 20}),
    ("multinomial", (20, [.2, .3, .5]), {"size": 4}), ("multinomial", (20, [.2, .3, .5]), {}),
    ("dirichlet", ([1., 2., 3.],), {"size": 4}),
    ("multivariate_normal", ([0., 1.], [[2., .5], [.5, 1.]]), {"size": 4}),
    ("choice", (10,), {}), ("choice", (10, 5), {}), ("choice", (10, 5), {"replace": False}),
    ("choice", (5, 5), {"p": [.1, .2, .3, .2, .2]}), ("choice", (5, 3), {"p": [.1, .2, .3, .2, .2], "replace": False}),
    ("choice", ([1.5, 2.5, 3.5],), {}), ("choice", ([1.5, 2.5, 3.5], (2, 2)), {}),
    ("permutation", (20,), {}), ("permutation", ([[1, 2], [3, 4], [5, 6]],), {}),
]


def _call_both(obj_m, obj_r, name, args, kwargs):
    args_m = tuple(ours(numpy.asarray(a)) if isinstance(a, list) else a for a in args)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        return getattr(obj_m, name)(*args_m, **kwargs), getattr(obj_r, name)(*args, **kwargs)


@pytest.mark.parametrize("call", LEGACY, ids=lambda c: f"{c[0]}{c[1]}{c[2]}"[:60])
def test_legacy_exact(backend, call):
    name, args, kwargs = call
    with unify.using_backend(backend):
        for seed in (0, 7):
            m, r = R.RandomState(seed), numpy.random.RandomState(seed)
            m.randn()  # leaves a cached gauss: it must be used first, as in NumPy
            r.randn()
            got, exp = _call_both(m, r, name, args, kwargs)
            check(got, exp, rtol=0, atol=0)
            _legacy_state_equal(m, r)
            check(m.random_sample(2), r.random_sample(2), rtol=0, atol=0)


def test_module_level_stream(backend):
    with unify.using_backend(backend):
        R.seed(123)
        numpy.random.seed(123)
        check(R.rand(3), numpy.random.rand(3), rtol=0, atol=0)
        check(R.randn(2, 2), numpy.random.randn(2, 2), rtol=0, atol=0)
        check(R.randn(), numpy.random.randn(), rtol=0, atol=0)
        check(R.randint(0, 100, 5), numpy.random.randint(0, 100, 5))
        check(R.random(), numpy.random.random(), rtol=0, atol=0)
        check(R.ranf(2), numpy.random.ranf(2), rtol=0, atol=0)
        check(R.sample(2), numpy.random.sample(2), rtol=0, atol=0)
        check(R.choice(7, 3), numpy.random.choice(7, 3))
        check(R.permutation(8), numpy.random.permutation(8))
        check(R.uniform(1, 2, 3), numpy.random.uniform(1, 2, 3), rtol=0, atol=0)
        check(R.normal(0, 3, 3), numpy.random.normal(0, 3, 3), rtol=0, atol=0)
        with pytest.warns(DeprecationWarning):
            a = R.random_integers(5, size=4)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            check(a, numpy.random.random_integers(5, size=4))
        x, y = ours(numpy.arange(10.)), numpy.arange(10.)
        assert R.shuffle(x) is None
        numpy.random.shuffle(y)
        check(x, y, rtol=0, atol=0)
        assert R.bytes(7) == numpy.random.bytes(7)
        _legacy_state_equal(R.mtrand_rand if hasattr(R, "mtrand_rand") else R._rand,
                            numpy.random.mtrand._rand)


def test_legacy_state_roundtrip(backend):
    with unify.using_backend(backend):
        m = R.RandomState(5)
        m.randn()
        st = m.get_state()
        a = m.randn(5)
        m.set_state(st)
        check(m.randn(5), to_real(a), rtol=0, atol=0)
        d = m.get_state(legacy=False)
        b = m.rand(3)
        m.set_state(d)
        check(m.rand(3), to_real(b), rtol=0, atol=0)
        # a state taken from real NumPy, and ours given to real NumPy
        r = numpy.random.RandomState(9)
        r.randn()
        m.set_state(r.get_state())
        check(m.randn(3), r.randn(3), rtol=0, atol=0)
        st = m.get_state()
        r.set_state((st[0], to_real(st[1]), st[2], st[3], st[4]))
        check(m.rand(2), r.rand(2), rtol=0, atol=0)
        m2 = pickle.loads(pickle.dumps(m))
        check(m2.rand(2), to_real(m.rand(2)), rtol=0, atol=0)
        raises_like(lambda: r.set_state(("PCG64", 1, 2)), lambda: m.set_state(("PCG64", 1, 2)))
        raises_like(lambda: r.set_state(5), lambda: m.set_state(5))


def test_legacy_shuffle_arrays(backend):
    with unify.using_backend(backend):
        m, r = R.RandomState(3), numpy.random.RandomState(3)
        x, y = ours(numpy.arange(12.).reshape(4, 3)), numpy.arange(12.).reshape(4, 3)
        m.shuffle(x)
        r.shuffle(y)
        check(x, y, rtol=0, atol=0)
        v = x[:, 1]          # a view sees the shuffle of its base
        m.shuffle(x)
        r.shuffle(y)
        check(v, y[:, 1], rtol=0, atol=0)
        lm, lr = list(range(9)), list(range(9))
        m.shuffle(lm)
        r.shuffle(lr)
        assert lm == lr
        check(m.permutation(ours(numpy.arange(5))), r.permutation(numpy.arange(5)))


# ------------------------------------------------------------------ Generator

GEN_EXACT = [
    ("random", (), {}), ("random", (7,), {}), ("random", ((2, 3),), {}), ("random", (5,), {"dtype": numpy.float32}),
    ("integers", (10,), {}), ("integers", (10,), {"size": 6}), ("integers", (-5, 2 ** 40), {"size": 4}),
    ("integers", (0, 10), {"size": 4, "endpoint": True}), ("integers", ([1, 5, 10], [[20], [30]]), {}),
    ("integers", (5,), {"dtype": int}), ("integers", (0, 2 ** 64 - 1), {"size": 3, "dtype": numpy.uint64}),
    ("uniform", (), {}), ("uniform", (-1, 3), {"size": 5}),
    ("laplace", (0., 2.), {"size": 5}), ("gumbel", (0., 2.), {"size": 5}), ("logistic", (0., 2.), {"size": 5}),
    ("triangular", (0., 1., 3.), {"size": 5}), ("poisson", (3.,), {"size": 40}), ("poisson", (30.,), {"size": 40}),
    ("binomial", (10, .3), {"size": 40}), ("binomial", (1000, .3), {"size": 40}), ("geometric", (.5,), {"size": 20}),
    ("geometric", (.1,), {"size": 20}), ("zipf", (2.,), {"size": 20}), ("logseries", (.6,), {"size": 20}),
    ("multinomial", (20, [.2, .3, .5]), {"size": 4}),
    ("choice", (10,), {}), ("choice", (10, 5), {}), ("choice", (10, 5), {"replace": False}),
    ("choice", (10, 5), {"replace": False, "shuffle": False}), ("choice", (20000, 1000), {"replace": False}),
    ("choice", (5, 5), {"p": [.1, .2, .3, .2, .2]}), ("choice", (5, 3), {"p": [.1, .2, .3, .2, .2], "replace": False}),
    ("choice", ([1.5, 2.5, 3.5],), {}), ("choice", ([[1, 2], [3, 4], [5, 6]], 2), {}),
    ("choice", ([[1, 2], [3, 4], [5, 6]], 2), {"axis": 1}),
    ("permutation", (20,), {}), ("permutation", ([[1, 2], [3, 4], [5, 6]],), {}),
    ("permutation", ([[1, 2], [3, 4], [5, 6]],), {"axis": 1}),
    ("permuted", ([[1, 2, 3], [4, 5, 6], [7, 8, 9]],), {}),
    ("permuted", ([[1, 2, 3], [4, 5, 6], [7, 8, 9]],), {"axis": 0}),
    ("permuted", ([[1, 2, 3], [4, 5, 6], [7, 8, 9]],), {"axis": 1}),
    ("standard_exponential", (5,), {"method": "inv"}), ("multinomial", (20, [.2, .3, .5]), {}),
]

GEN_CLOSE = [
    ("standard_normal", (), {}), ("standard_normal", (1000,), {}), ("normal", (1., 2.), {"size": 5}),
    ("normal", ([1., 2.], [[1.], [2.]]), {}), ("lognormal", (0., .5), {"size": 5}),
    ("standard_exponential", (1000,), {}),
    ("exponential", (2.,), {"size": 5}), ("pareto", (2.,), {"size": 5}), ("weibull", (1.5,), {"size": 5}),
    ("power", (2.,), {"size": 5}), ("rayleigh", (2.,), {"size": 5}), ("standard_cauchy", (5,), {}),
    ("wald", (1., 2.), {"size": 5}), ("standard_gamma", (2.5,), {"size": 40}), ("standard_gamma", (.5,), {"size": 40}),
    ("gamma", (3., 2.), {"size": 5}), ("beta", (2., 3.), {"size": 20}), ("beta", (.5, .5), {"size": 20}),
    ("chisquare", (3.,), {"size": 5}), ("f", (3., 5.), {"size": 5}), ("standard_t", (3.,), {"size": 5}),
    ("negative_binomial", (5, .5), {"size": 20}), ("dirichlet", ([1., 2., 3.],), {"size": 4}),
    ("multivariate_normal", ([0., 1.], [[2., .5], [.5, 1.]]), {"size": 4}), ("vonmises", (0., 2.), {"size": 5}),
    ("noncentral_chisquare", (3., 2.), {"size": 5}), ("noncentral_f", (3., 5., 1.), {"size": 5}),
]


def test_legacy_vonmises_close(backend):
    with unify.using_backend(backend):
        m, r = R.RandomState(3), numpy.random.RandomState(3)
        check(m.vonmises(0.5, 2.0, size=20), r.vonmises(0.5, 2.0, size=20), rtol=1e-12)
        _legacy_state_equal(m, r)


@pytest.mark.parametrize("bitgen", ["PCG64", "MT19937"])
@pytest.mark.parametrize("call", GEN_EXACT, ids=lambda c: f"{c[0]}{c[1]}{c[2]}"[:60])
def test_generator_exact(backend, bitgen, call):
    name, args, kwargs = call
    with unify.using_backend(backend):
        for seed in (0, 11):
            m = R.Generator(getattr(R, bitgen)(seed))
            r = numpy.random.Generator(getattr(numpy.random, bitgen)(seed))
            got, exp = _call_both(m, r, name, args, kwargs)
            check(got, exp, rtol=0, atol=0)
            _gen_state_equal(m, r)
            check(m.random(2), r.random(2), rtol=0, atol=0)


@pytest.mark.parametrize("call", GEN_CLOSE, ids=lambda c: f"{c[0]}{c[1]}{c[2]}"[:60])
def test_generator_ziggurat_close(backend, call):
    """Same words consumed (equal state afterwards), values equal to ~1e-13 relative."""
    name, args, kwargs = call
    with unify.using_backend(backend):
        for seed in (0, 11):
            m, r = R.default_rng(seed), numpy.random.default_rng(seed)
            got, exp = _call_both(m, r, name, args, kwargs)
            if isinstance(exp, float):
                assert type(got) is float and math.isclose(got, exp, rel_tol=1e-12)
            else:
                check(got, exp, rtol=1e-12, atol=1e-300)
            _gen_state_equal(m, r)


def test_generator_integer_dtypes(backend):
    with unify.using_backend(backend):
        cases = [("int8", -128, 127), ("uint8", 5, 17), ("int16", -7, 300), ("uint16", 0, 65536),
                 ("int32", -100, 1000), ("uint32", 0, 2 ** 32), ("int64", 0, 2 ** 32 + 1),
                 ("uint64", 3, 2 ** 63 + 12345), ("bool", 0, 2)]
        for dt, lo, hi in cases:
            m, r = R.default_rng(2), numpy.random.default_rng(2)
            check(m.integers(lo, hi, size=50, dtype=dt), r.integers(lo, hi, size=50, dtype=dt))
            check(m.integers(lo, hi, dtype=dt), r.integers(lo, hi, dtype=dt))
            _gen_state_equal(m, r)
        for dt, lo, hi in cases:
            m, r = R.RandomState(2), numpy.random.RandomState(2)
            if dt == "uint16":
                hi = 65535
            check(m.randint(lo, hi, size=50, dtype=dt), r.randint(lo, hi, size=50, dtype=dt))
            _legacy_state_equal(m, r)


def test_generator_misc(backend):
    with unify.using_backend(backend):
        m, r = R.default_rng(4), numpy.random.default_rng(4)
        assert m.bytes(9) == r.bytes(9)
        out_m, out_r = ours(numpy.zeros(4)), numpy.zeros(4)
        assert m.random(out=out_m) is out_m
        r.random(out=out_r)
        check(out_m, out_r, rtol=0, atol=0)
        out_m, out_r = ours(numpy.zeros((2, 2))), numpy.zeros((2, 2))
        m.standard_normal(out=out_m)
        r.standard_normal(out=out_r)
        check(out_m, out_r, rtol=1e-12)
        x, y = ours(numpy.arange(12).reshape(3, 4)), numpy.arange(12).reshape(3, 4)
        m.shuffle(x, axis=1)
        r.shuffle(y, axis=1)
        check(x, y)
        # spawn and state round trip
        c_m, c_r = m.spawn(2)[1], r.spawn(2)[1]
        check(c_m.random(3), c_r.random(3), rtol=0, atol=0)
        st = m.bit_generator.state
        a = m.random(3)
        m.bit_generator.state = st
        check(m.random(3), to_real(a), rtol=0, atol=0)
        m.bit_generator.state = r.bit_generator.state
        check(m.integers(0, 9, 5), r.integers(0, 9, 5))
        g = R.default_rng(m)
        assert g is m and isinstance(R.default_rng(R.PCG64(1)), R.Generator)
        mt = R.Generator(R.MT19937(5))
        mt.bit_generator.state = numpy.random.MT19937(6).state
        check(mt.random(3), numpy.random.Generator(numpy.random.MT19937(6)).random(3), rtol=0,
              atol=0)
        m2 = pickle.loads(pickle.dumps(m))
        check(m2.random(2), to_real(m.random(2)), rtol=0, atol=0)


def test_permuted(backend):
    with unify.using_backend(backend):
        g = R.default_rng(0)
        x = ours(numpy.arange(20).reshape(4, 5))
        for axis in (None, 0, 1):
            y = to_real(g.permuted(x, axis=axis))
            if axis is None:
                assert sorted(y.ravel()) == list(range(20))
            else:
                assert (numpy.sort(y, axis=axis) == numpy.arange(20).reshape(4, 5)).all()
        out = ours(numpy.zeros((4, 5), dtype=numpy.int64))
        assert g.permuted(x, axis=1, out=out) is out
        assert (numpy.sort(to_real(out), axis=1) == numpy.arange(20).reshape(4, 5)).all()


# ------------------------------------------------------------------ statistical-only samplers

def _moments(x, mean, var, tol=0.05):
    x = numpy.asarray(to_real(x), dtype=numpy.float64)
    assert abs(x.mean() - mean) < tol * max(1.0, abs(mean)) + 4 * math.sqrt(var / x.size)
    assert abs(x.var() - var) < 0.1 * var + 1e-9


def test_statistical_samplers(backend):
    with unify.using_backend(backend):
        for g in (R.default_rng(1), R.RandomState(1)):
            good, bad, n = 30, 50, 20
            h = g.hypergeometric(good, bad, n, size=4000)
            assert to_real(h).dtype == numpy.int64
            total = good + bad
            _moments(h, n * good / total, n * good / total * bad / total * (total - n) / (total - 1))
            v = g.vonmises(0.5, 4.0, size=4000)
            z = numpy.exp(1j * to_real(v)).mean()
            assert abs(numpy.angle(z) - 0.5) < 0.05
        g = R.default_rng(2)
        mh = to_real(g.multivariate_hypergeometric([5, 10, 15], 12, size=3000))
        assert mh.shape == (3000, 3) and (mh.sum(1) == 12).all()
        assert numpy.allclose(mh.mean(0), [2, 4, 6], atol=0.15)
        f32 = g.standard_normal(4000, dtype=numpy.float32)
        assert to_real(f32).dtype == numpy.float32
        _moments(f32, 0.0, 1.0)
        e32 = g.standard_exponential(4000, dtype=numpy.float32)
        assert to_real(e32).dtype == numpy.float32
        _moments(e32, 1.0, 1.0)
        g32 = g.standard_gamma(3.0, 4000, dtype=numpy.float32)
        assert to_real(g32).dtype == numpy.float32
        _moments(g32, 3.0, 3.0)


# ------------------------------------------------------------------ scalars, dtypes, errors

def test_scalar_kinds(backend):
    with unify.using_backend(backend):
        m, r = R.RandomState(0), numpy.random.RandomState(0)
        for name, args in [("random_sample", ()), ("randint", (5,)), ("normal", ()),
                           ("binomial", (10, .5)), ("poisson", ()), ("choice", (5,))]:
            check(getattr(m, name)(*args), getattr(r, name)(*args))
        check(m.randint(5, dtype="int32"), r.randint(5, dtype="int32"))
        check(m.random_sample(size=()), r.random_sample(size=()), rtol=0, atol=0)
        check(m.choice(ours(numpy.array([1.5, 2.5]))), r.choice(numpy.array([1.5, 2.5])))
        m, r = R.default_rng(0), numpy.random.default_rng(0)
        for name, args in [("random", ()), ("integers", (5,)), ("normal", ()), ("choice", (5,)),
                           ("binomial", (10, .5)), ("geometric", (.5,))]:
            check(getattr(m, name)(*args), getattr(r, name)(*args), rtol=1e-12)


BAD = [
    ("normal", (0, -1)), ("normal", (0, -0.)), ("exponential", (-1,)), ("gamma", (-1,)),
    ("beta", (0, 1)), ("poisson", (-1,)), ("poisson", (numpy.nan,)), ("poisson", (1e20,)),
    ("binomial", (-1, .5)), ("binomial", (1, 2.)), ("geometric", (0.,)), ("chisquare", (0,)),
    ("f", (0, 1)), ("standard_t", (0,)), ("weibull", (-1,)), ("pareto", (0,)), ("zipf", (1.,)),
    ("logseries", (1.,)), ("wald", (0, 1)), ("triangular", (1, 0, 2)), ("triangular", (0, 0, 0)),
    ("uniform", (-numpy.inf, 0)), ("negative_binomial", (1, 0.)), ("hypergeometric", (1, 1, 3)),
    ("choice", (0,)), ("choice", ([[1, 2]],)), ("choice", (3,), {"p": [.5, .5]}),
    ("choice", (2,), {"p": [1.5, -.5]}), ("choice", (2,), {"p": [.5, .6]}),
    ("choice", (2, 3), {"replace": False}), ("choice", (2,), {"p": [numpy.nan, 1]}),
    ("permutation", (numpy.array(5.),)), ("shuffle", (numpy.array(5),)),
    ("normal", ([1, 2], 1), {"size": 3}), ("dirichlet", ([0, 1],)), ("multinomial", (-1, [.5, .5])),
]


@pytest.mark.parametrize("call", BAD, ids=lambda c: f"{c[0]}{c[1]}"[:50])
def test_errors(backend, call):
    name, args = call[0], call[1]
    kwargs = call[2] if len(call) > 2 else {}
    with unify.using_backend(backend):
        for m, r in ((R.RandomState(0), numpy.random.RandomState(0)),
                     (R.default_rng(0), numpy.random.default_rng(0))):
            args_m = tuple(ours(a) if isinstance(a, numpy.ndarray) else a for a in args)
            e = raises_like(lambda: getattr(r, name)(*args, **kwargs),
                            lambda: getattr(m, name)(*args_m, **kwargs))
            if e is not None and type(e) is ValueError:
                try:
                    getattr(m, name)(*args_m, **kwargs)
                except ValueError as mine:
                    assert str(mine) == str(e)


def test_integer_errors(backend):
    with unify.using_backend(backend):
        for m, r, f in ((R.RandomState(0), numpy.random.RandomState(0), "randint"),
                        (R.default_rng(0), numpy.random.default_rng(0), "integers")):
            for args, kw in [((5, 5), {}), ((-1, 5), {"dtype": numpy.uint8}), ((0, 2 ** 70), {}),
                             ((5,), {"dtype": float}), ((5, 4), {}), ((0, -1), {"size": 3})]:
                e = raises_like(lambda: getattr(r, f)(*args, **kw),
                                lambda: getattr(m, f)(*args, **kw))
                assert e is not None


def test_unsupported_name():
    with pytest.raises(AttributeError, match="numpy.random"):
        R.no_such_function  # noqa: B018
    assert not hasattr(R, "no_such_function")
