"""random ops: shapes and dtypes against the numpy backend, and statistical sanity on every backend."""
import math

import numpy as np
import pytest
from hypothesis import strategies as st

import unify
import unify.core as C
from harness import ALL, FLOATS, HALF, INTS, Spec, arrays, check_spec, shapes

R = C.random
FH = FLOATS + HALF
N = 20000


def cdt(dt):
    return C.dtypes.BY_NAME[np.dtype(dt).name]


KEYS = st.integers(0, 2 ** 64 - 1).map(lambda s: np.array([s >> 32, s & 0xFFFFFFFF], dtype=np.uint32))
SHAPES = shapes(max_dims=3, max_side=4)


def _maybe(dt):
    return st.one_of(st.none(), st.just(cdt(dt)))


def _key(dt):
    return st.integers(-2 ** 63, 2 ** 64 - 1).map(lambda s: ((s,), {}))


def _split(dt):
    return st.tuples(KEYS, st.integers(0, 5)).map(lambda t: ((t[0],), {"num": t[1]}))


def _fold_in(dt):
    return st.tuples(KEYS, st.integers(-2 ** 63, 2 ** 64 - 1)).map(lambda t: ((t[0], t[1]), {}))


def _uniform(dt):
    return st.tuples(KEYS, SHAPES, _maybe(dt), st.floats(-5, 5), st.floats(0.5, 5)).map(
        lambda t: ((t[0],), {"shape": t[1], "dtype": t[2], "minval": t[3], "maxval": t[3] + t[4]}))


def _normal(dt):
    return st.tuples(KEYS, SHAPES, _maybe(dt), st.floats(-5, 5), st.floats(0.1, 5)).map(
        lambda t: ((t[0],), {"shape": t[1], "dtype": t[2], "mean": t[3], "std": t[4]}))


def _integers(dt):
    info = np.iinfo(dt)
    lo = st.integers(max(info.min, -1000), min(info.max, 1000) - 1)
    return st.tuples(KEYS, lo, st.integers(1, 1000), SHAPES, st.booleans()).map(
        lambda t: ((t[0], t[1], min(t[1] + t[2], min(info.max, 1000))),
                   {"shape": t[3], "dtype": cdt(dt) if t[4] or dt != np.int64 else None}))


def _permutation(dt):
    arr = arrays(dt, shapes(min_dims=1, max_dims=3, max_side=4)).flatmap(
        lambda a: st.tuples(st.just(a), st.integers(-a.ndim, a.ndim - 1)))
    return st.tuples(KEYS, st.integers(0, 10) | arr).map(
        lambda t: ((t[0], t[1]), {}) if isinstance(t[1], int) else ((t[0], t[1][0]), {"axis": t[1][1]}))


def _bernoulli(dt):
    scalar = st.tuples(st.floats(0, 1), st.none() | SHAPES)
    array = arrays(np.float64, SHAPES, lo=0, hi=1).map(lambda a: (a, None))
    return st.tuples(KEYS, scalar | array).map(lambda t: ((t[0],), {"p": t[1][0], "shape": t[1][1]}))


def _categorical(dt):
    def kw(a):
        return st.integers(-a.ndim, a.ndim - 1).flatmap(lambda ax: st.tuples(st.just(a), st.just(ax), st.one_of(
            st.none(), st.integers(1, 3).map(lambda k: (k,) + a.shape[:ax % a.ndim] + a.shape[ax % a.ndim + 1:]))))
    logits = arrays(dt, shapes(min_dims=1, max_dims=3, min_side=1, max_side=4), lo=-3, hi=3).flatmap(kw)
    return st.tuples(KEYS, logits).map(lambda t: ((t[0], t[1][0]), {"axis": t[1][1], "shape": t[1][2]}))


def _truncated_normal(dt):
    bounds = st.tuples(st.floats(-4, 4), st.floats(0, 4)).map(lambda b: (b[0], b[0] + b[1]))
    return st.tuples(KEYS, bounds, st.none() | SHAPES, _maybe(dt)).map(
        lambda t: ((t[0], t[1][0], t[1][1]), {"shape": t[2], "dtype": t[3]}))


def _exponential(dt):
    return st.tuples(KEYS, SHAPES, _maybe(dt)).map(lambda t: ((t[0],), {"shape": t[1], "dtype": t[2]}))


def _gamma(dt):
    a = st.floats(0.1, 10) | arrays(np.float64, SHAPES, lo=0.1, hi=10)
    return st.tuples(KEYS, a, _maybe(dt)).map(lambda t: ((t[0], t[1]), {"dtype": t[2]}))


def _choice(dt):
    pop = st.integers(1, 8) | arrays(dt, shapes(min_dims=1, max_dims=2, min_side=1, max_side=5))

    def kw(x):
        n = x if isinstance(x, int) else x.shape[0]
        p = st.none() | arrays(np.float64, (n,), lo=0.1, hi=1).map(lambda v: v / v.sum())
        return st.fixed_dictionaries({"shape": shapes(max_dims=2, max_side=3), "replace": st.booleans(), "p": p})
    return st.tuples(KEYS, pop.flatmap(lambda x: st.tuples(st.just(x), kw(x)))).map(
        lambda t: ((t[0], t[1][0]), t[1][1]))


U32 = (np.uint32,)
SPECS = {
    "random.key": Spec(_key, U32, compare="shape"),
    "random.split": Spec(_split, U32, compare="shape"),
    "random.fold_in": Spec(_fold_in, U32, compare="shape"),
    "random.uniform": Spec(_uniform, FH, compare="shape"),
    "random.normal": Spec(_normal, FH, compare="shape"),
    "random.integers": Spec(_integers, INTS, compare="shape"),
    "random.permutation": Spec(_permutation, ALL, compare="shape"),
    "random.bernoulli": Spec(_bernoulli, U32, compare="shape"),
    "random.categorical": Spec(_categorical, FLOATS, compare="shape"),
    "random.truncated_normal": Spec(_truncated_normal, FH, compare="shape"),
    "random.exponential": Spec(_exponential, FH, compare="shape"),
    "random.gamma": Spec(_gamma, FLOATS, compare="shape"),
    "random.choice": Spec(_choice, ALL, compare="shape"),
}


@pytest.mark.parametrize("name", list(SPECS))
def test_op(name, backend):
    check_spec(name, backend, SPECS[name])


# ---------------------------------------------------------------- behaviour on every backend


def _np(x):
    return np.asarray(C.to_numpy(x))


def _draws(k):
    """One call of every op with key k (numpy values)."""
    return [
        _np(R.uniform(k, (5,))), _np(R.normal(k, (5,), C.float32)), _np(R.integers(k, 0, 1000, (5,))),
        _np(R.permutation(k, 20)), _np(R.bernoulli(k, 0.5, (20,))),
        _np(R.categorical(k, C.zeros((5, 8)))), _np(R.truncated_normal(k, -1.0, 1.0, (5,))),
        _np(R.exponential(k, (5,))), _np(R.gamma(k, 2.0, (5,))), _np(R.choice(k, 50, (5,), replace=False)),
        _np(R.split(k, 3)), _np(R.fold_in(k, 7)),
    ]


def test_keys_and_determinism(backend):
    with unify.using_backend(backend):
        k = R.key(1234)
        assert C.dtype_of(k) is C.uint32 and tuple(C.shape(k)) == (2,)
        np.testing.assert_array_equal(_np(k), [0, 1234])
        np.testing.assert_array_equal(_np(R.key(2 ** 40 + 3)), [256, 3])
        a, b = _draws(k), _draws(R.key(1234))
        for x, y in zip(a, b):
            np.testing.assert_array_equal(x, y)  # same key, same numbers
        other = _draws(R.key(1235))
        for x, y in zip(a, other):
            assert not np.array_equal(x, y)  # different keys, different numbers
        ks = R.split(k, 4)
        assert C.dtype_of(ks) is C.uint32 and tuple(C.shape(ks)) == (4, 2)
        rows = {tuple(_np(ks)[i]) for i in range(4)} | {tuple(_np(k))}
        assert len(rows) == 5
        u = [_np(R.uniform(C.getitem(ks, i), (1000,))) for i in range(4)] + [_np(R.uniform(k, (1000,)))]
        for i in range(5):
            for j in range(i):
                assert abs(np.corrcoef(u[i], u[j])[0, 1]) < 0.15  # split keys draw independent streams
        f = [_np(R.fold_in(k, d)) for d in (0, 1, 2 ** 40, -1)]
        assert len({tuple(v) for v in f} | {tuple(_np(k))}) == 5
        np.testing.assert_array_equal(_np(R.fold_in(k, 5)), _np(R.fold_in(k, 5)))


def _moments(x, mean, std, tol=0.03):
    x = np.asarray(x, dtype=np.float64)
    assert abs(x.mean() - mean) < tol * max(1.0, std) * 1.5, (x.mean(), mean)
    assert abs(x.std() - std) < tol * max(1.0, std), (x.std(), std)


def _phi(x):
    if math.isinf(x):
        return 0.0
    return math.exp(-x * x / 2) / math.sqrt(2 * math.pi)


def _cdf(x):
    return 0.5 * math.erfc(-x / math.sqrt(2))


def _trunc_moments(a, b):
    z = _cdf(b) - _cdf(a)
    m = (_phi(a) - _phi(b)) / z
    xphi = [0.0 if math.isinf(v) else v * _phi(v) for v in (a, b)]
    var = 1 + (xphi[0] - xphi[1]) / z - m * m
    return m, math.sqrt(var)


def test_moments(backend):
    with unify.using_backend(backend):
        k = R.key(7)
        ks = [C.getitem(R.split(k, 8), i) for i in range(8)]
        u = _np(R.uniform(ks[0], (N,), None, -1.0, 3.0))
        assert u.dtype == np.float64 and u.min() >= -1 and u.max() < 3
        _moments(u, 1.0, 4 / math.sqrt(12))
        z = _np(R.normal(ks[1], (N,), C.float32, 2.0, 3.0))
        assert z.dtype == np.float32
        _moments(z, 2.0, 3.0)
        e = _np(R.exponential(ks[2], (N,)))
        assert e.min() >= 0
        _moments(e, 1.0, 1.0, tol=0.04)
        for lo, hi in ((-1.0, 2.0), (0.5, 1.0), (2.0, math.inf), (-math.inf, -3.0), (-0.1, 0.1)):
            t = _np(R.truncated_normal(ks[3], lo, hi, (N,)))
            assert t.min() >= lo and t.max() <= hi
            _moments(t, *_trunc_moments(lo, hi))
        g = _np(R.gamma(ks[4], 2.5, (N,)))
        _moments(g, 2.5, math.sqrt(2.5), tol=0.04)
        ga = _np(R.gamma(ks[4], C.asarray([0.5, 4.0]), (N, 2)))
        _moments(ga[:, 0], 0.5, math.sqrt(0.5))
        _moments(ga[:, 1], 4.0, 2.0, tol=0.04)
        f32 = _np(R.uniform(ks[5], (100,), C.float32))
        assert f32.dtype == np.float32


def test_discrete(backend):
    with unify.using_backend(backend):
        ks = [C.getitem(R.split(R.key(11), 8), i) for i in range(8)]
        i = _np(R.integers(ks[0], -3, 7, (N,)))
        assert i.dtype == np.int64 and i.min() == -3 and i.max() == 6
        np.testing.assert_allclose(np.bincount(i + 3) / N, 0.1, atol=0.015)
        i8 = _np(R.integers(ks[0], 0, 200, (100,), C.uint8))
        assert i8.dtype == np.uint8 and i8.max() < 200
        p = _np(R.permutation(ks[1], 50))
        assert p.dtype == np.int64
        np.testing.assert_array_equal(np.sort(p), np.arange(50))
        x = np.arange(12.0).reshape(3, 4)
        px = _np(R.permutation(ks[1], C.asarray(x), axis=1))
        assert sorted(map(tuple, px.T)) == sorted(map(tuple, x.T))  # whole columns permuted
        b = _np(R.bernoulli(ks[2], 0.3, (N,)))
        assert b.dtype == np.bool_ and abs(b.mean() - 0.3) < 0.015
        bp = _np(R.bernoulli(ks[2], C.asarray(np.array([0.1, 0.9])), (N, 2)))
        np.testing.assert_allclose(bp.mean(0), [0.1, 0.9], atol=0.015)
        logits = np.array([0.0, 1.0, -1.0, 2.0])
        c = _np(R.categorical(ks[3], C.asarray(logits), shape=(N,)))
        assert c.dtype == np.int64
        soft = np.exp(logits) / np.exp(logits).sum()
        np.testing.assert_allclose(np.bincount(c, minlength=4) / N, soft, atol=0.015)
        c2 = _np(R.categorical(ks[3], C.asarray(np.stack([logits, -logits], axis=1)), axis=0, shape=(N, 2)))
        np.testing.assert_allclose(np.bincount(c2[:, 0], minlength=4) / N, soft, atol=0.015)
        soft_neg = np.exp(-logits) / np.exp(-logits).sum()
        np.testing.assert_allclose(np.bincount(c2[:, 1], minlength=4) / N, soft_neg, atol=0.015)
        ch = _np(R.choice(ks[4], 10, (7,), replace=False))
        assert len(set(ch.tolist())) == 7 and ch.min() >= 0 and ch.max() < 10
        pr = np.array([0.5, 0.25, 0.125, 0.125])
        cp = _np(R.choice(ks[5], 4, (N,), p=C.asarray(pr)))
        np.testing.assert_allclose(np.bincount(cp, minlength=4) / N, pr, atol=0.015)
        cnr = _np(R.choice(ks[6], 4, (4,), replace=False, p=C.asarray(pr)))
        np.testing.assert_array_equal(np.sort(cnr), np.arange(4))
        rows = _np(R.choice(ks[7], C.asarray(x), (5,)))
        assert rows.shape == (5, 4) and all(any((r == xr).all() for xr in x) for r in rows)


def test_errors_random(backend):
    with unify.using_backend(backend):
        k = R.key(0)
        with pytest.raises(TypeError):
            R.uniform(k, (2,), C.int32)
        with pytest.raises(TypeError):
            R.normal(k, (2,), C.complex64)
        with pytest.raises(TypeError):
            R.integers(k, 0, 5, (2,), C.float32)
        with pytest.raises(ValueError):
            R.integers(k, 5, 5, (2,))
        with pytest.raises(ValueError):
            R.integers(k, 0, 300, (2,), C.uint8)
        with pytest.raises(ValueError):
            R.uniform(R.split(k, 2), (2,))  # a (2, 2) array of keys is not a key
        with pytest.raises(ValueError):
            R.choice(k, 3, (4,), replace=False)
        with pytest.raises(ValueError):
            R.truncated_normal(k, 1.0, -1.0)
        with pytest.raises(ValueError):
            R.categorical(k, C.zeros((2, 3)), shape=(4,))
        with pytest.raises(ValueError):
            R.uniform(k, (3,), None, C.zeros((2,)), 1.0)
        with pytest.raises(TypeError):
            R.key(1.5)


def test_random_under_jit():
    pytest.importorskip("jax")
    import jax

    with unify.using_backend("jax"):
        k = R.key(3)

        def f(key):
            a, b = R.split(key)[0], R.split(key)[1]
            return (R.uniform(a, (3,)), R.normal(R.fold_in(b, 2), (2,), C.float32),
                    R.integers(a, 0, 9, (4,)), R.permutation(b, 6), R.bernoulli(a, 0.5, (3,)),
                    R.categorical(b, C.zeros((2, 3))), R.truncated_normal(a, -1.0, 1.0, (2,)),
                    R.exponential(b, (2,)), R.gamma(a, 2.0, (2,)), R.choice(b, 5, (2,), replace=False))

        eager, jitted = f(k), jax.jit(f)(k)
        for x, y in zip(eager, jitted):
            np.testing.assert_array_equal(np.asarray(x), np.asarray(y))
        # a traced seed works too
        np.testing.assert_array_equal(np.asarray(jax.jit(lambda s: R.key(s))(5)), [0, 5])


def test_random_under_tf_function():
    pytest.importorskip("tensorflow")
    import tensorflow as tf

    with unify.using_backend("tensorflow"):
        k = R.key(3)

        def f(key):
            return R.uniform(R.fold_in(R.split(key)[1], 4), (3,)), R.categorical(key, C.zeros((2, 3)))

        for x, y in zip(f(k), tf.function(f)(k)):
            np.testing.assert_array_equal(np.asarray(x), np.asarray(y))
