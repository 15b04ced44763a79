"""Linear algebra on every backend against the numpy backend, and its gradients.

Structured matrices (well-conditioned, SPD, Hermitian with distinct eigenvalues,
full-rank with distinct singular values, low-rank) are built with NumPy from a
seed that Hypothesis draws. Decompositions with sign/phase freedom are compared
up to it (and checked by reconstruction in `test_decompositions`); ops reading
one triangle (cholesky, eigh, eigvalsh) and sign-ambiguous outputs have their
gradients checked through small wrappers (symmetrized input, gauge-invariant
functions of the vectors) in `test_grad_wrapped`.
"""
import numpy as np
import pytest
from hypothesis import given, note, strategies as st
from hypothesis.extra import numpy as hnp

import unify
import unify.core as C
import harness as H
from harness import ALL, COMPLEX, FLOATS, NUMERIC, SIGNED, Spec, arrays, check_grad, check_spec, shapes

INF = float("inf")
FC = FLOATS + COMPLEX

# ---------------------------------------------------------------- comparisons


def _tol(dt):
    return (2e-4, 2e-4) if np.dtype(dt) in (np.float32, np.complex64) else (1e-8, 1e-10)


def _close(r, o, path="out"):
    rtol, atol = _tol(r.dtype)
    scale = max(1.0, float(np.max(np.abs(r)))) if r.size else 1.0
    np.testing.assert_allclose(o, r, rtol=rtol, atol=atol * scale, err_msg=path)


def close(r, o):
    """Values with linalg tolerances (float32: 2e-4)."""
    if r.dtype.kind in "biu":
        np.testing.assert_array_equal(o, r)
    else:
        _close(r, o)


def abs_close(r, o):
    """Equal up to the sign/phase of each entry (decompositions with sign freedom)."""
    if r.dtype.kind in "biu":
        np.testing.assert_array_equal(o, r)
    else:
        _close(np.abs(r), np.abs(o))


def column_close(r, o):
    """Equal up to one sign/phase per column (eigenvectors); vectors are compared as they are."""
    if r.ndim < 2 or r.dtype.kind not in "fc":
        return close(r, o)
    idx = np.argmax(np.abs(r), axis=-2)[..., None, :]
    pr = np.take_along_axis(r, idx, axis=-2)
    po = np.take_along_axis(o, idx, axis=-2)

    def unit(p):
        a = np.abs(p)
        return np.where(a > 0, p / np.where(a > 0, a, 1), 1)

    _close(r * np.conj(unit(pr)), o * np.conj(unit(po)))


def eig_close(r, o):
    """Eigenvalues equal as multisets (backends order them differently)."""
    rtol, atol = (2e-3, 2e-3) if r.dtype == np.complex64 else (1e-7, 1e-9)
    rr = r.reshape(-1, r.shape[-1]) if r.ndim else r.reshape(1, 1)
    oo = o.reshape(-1, o.shape[-1]) if o.ndim else o.reshape(1, 1)
    for a, b in zip(rr, oo):
        b = list(b)
        scale = max(1.0, float(np.max(np.abs(a)))) if a.size else 1.0
        for v in a:
            j = int(np.argmin([abs(v - w) for w in b]))
            assert abs(v - b[j]) <= atol * scale + rtol * abs(v), f"eigenvalue {v} not found in {b}"
            b.pop(j)


# ---------------------------------------------------------------- structured matrices (seeded)


def _cdt(dt):
    return np.complex128 if np.dtype(dt).kind == "c" else np.float64


def _rand(rng, shape, dt, lo=-1.0, hi=1.0):
    a = rng.uniform(lo, hi, shape)
    if np.dtype(dt).kind == "c":
        a = a + 1j * rng.uniform(lo, hi, shape)
    return np.asarray(a)


def _batch(rng, k=2, hi=3):
    return tuple(int(v) for v in rng.integers(1, hi + 1, size=int(rng.integers(0, k + 1))))


def _eye(n):
    return np.eye(n)


def _mH(a):
    return np.conj(np.swapaxes(a, -1, -2))


def _well(rng, dt, batch, n):
    return _rand(rng, batch + (n, n), dt) + (n + 0.5) * _eye(n)


def _spd(rng, dt, batch, n):
    m = _rand(rng, batch + (n, n), dt)
    return m @ _mH(m) + n * _eye(n)


def _orth(rng, dt, batch, n):
    return np.linalg.qr(_rand(rng, batch + (n, n), dt))[0]


def _herm(rng, dt, batch, n):
    q = _orth(rng, dt, batch, n)
    w = np.arange(n) * 1.5 - n / 2 + rng.uniform(0, 0.5, batch + (n,))
    a = (q * w[..., None, :]) @ _mH(q)
    return (a + _mH(a)) / 2


def _rect(rng, dt, batch, m, n, rank=None):
    """Distinct singular values in [1, k + 1] (rank < min(m, n): the rest exactly 0)."""
    k = min(m, n)
    r = k if rank is None else rank
    u = _orth(rng, dt, batch, m)[..., :, :r]
    v = _orth(rng, dt, batch, n)[..., :, :r]
    s = 1.0 + np.arange(r)[::-1] + rng.uniform(0, 0.5, batch + (r,))
    return (u * s[..., None, :]) @ _mH(v)


def seeded(make):
    """args(dt) -> strategy: make(rng, dt) -> (args, kwargs), the rng seeded by Hypothesis."""
    def args(dt):
        dt = np.dtype(dt)

        def build(seed):
            a, kw = make(np.random.default_rng(seed), dt)
            cast = tuple(v.astype(dt) if isinstance(v, np.ndarray) and v.dtype.kind in "fc" else v for v in a)
            return cast, kw
        return st.integers(0, 2 ** 32 - 1).map(build)
    return args


def _n(rng, lo=1, hi=4):
    return int(rng.integers(lo, hi + 1))


def _pick(rng, seq):
    return seq[int(rng.integers(len(seq)))]


# ---------------------------------------------------------------- strategies: top level


def _matmul(dt):
    def make(t):
        bs, (n, k, m), v1, v2 = t
        s1 = (k,) if v1 else bs.input_shapes[0] + (n, k)
        s2 = (k,) if v2 else bs.input_shapes[1] + (k, m)
        return st.tuples(arrays(dt, s1, lo=-5, hi=5), arrays(dt, s2, lo=-5, hi=5)).map(lambda a: (a, {}))
    return st.tuples(hnp.mutually_broadcastable_shapes(num_shapes=2, max_dims=2, max_side=3),
                     st.tuples(*[st.integers(1, 4)] * 3), st.booleans(), st.booleans()).flatmap(make)


def _tensordot(dt):
    @st.composite
    def make(draw):
        k = draw(st.integers(0, 2))
        cs = draw(st.lists(st.integers(1, 3), min_size=k, max_size=k))
        f1 = draw(st.lists(st.integers(1, 3), max_size=2))
        f2 = draw(st.lists(st.integers(1, 3), max_size=2))
        if draw(st.booleans()):
            s1, s2, axes = tuple(f1 + cs), tuple(cs + f2), k
        else:
            p1 = draw(st.permutations(range(len(f1) + k)))
            p2 = draw(st.permutations(range(len(f2) + k)))
            d1 = f1 + cs  # positions len(f1).. hold the contracted axes
            d2 = cs + f2
            s1 = tuple(d1[p] for p in p1)
            s2 = tuple(d2[p] for p in p2)
            a1 = [p1.index(len(f1) + i) for i in range(k)]
            a2 = [p2.index(i) for i in range(k)]
            if draw(st.booleans()):
                a1 = [a - len(s1) for a in a1]
            axes = (a1, a2)
        x1 = draw(arrays(dt, s1, lo=-5, hi=5))
        x2 = draw(arrays(dt, s2, lo=-5, hi=5))
        return (x1, x2), {"axes": axes}
    return make()


def _vecdot(dt):
    return hnp.mutually_broadcastable_shapes(signature="(n),(n)->()", max_dims=3, max_side=4).flatmap(
        lambda s: st.tuples(arrays(dt, s.input_shapes[0], lo=-5, hi=5),
                            arrays(dt, s.input_shapes[1], lo=-5, hi=5))).map(lambda a: (a, {}))


# (subscripts, shape builder from sizes a, b, c, d)
_EINSUM = [
    ("ij,jk->ik", lambda a, b, c, d: [(a, b), (b, c)]),
    ("ij,jk", lambda a, b, c, d: [(a, b), (b, c)]),
    ("ii,i->i", lambda a, b, c, d: [(a, a), (a,)]),
    ("ii,jj", lambda a, b, c, d: [(a, a), (b, b)]),
    ("...ij,...jk->...ik", lambda a, b, c, d: [(d, a, b), (b, c)]),
    ("...ij,...jk->...ik", lambda a, b, c, d: [(1, a, b), (d, b, c)]),
    ("i,i->", lambda a, b, c, d: [(a,), (a,)]),
    ("i,j->ij", lambda a, b, c, d: [(a,), (b,)]),
    ("bij,bkj->bik", lambda a, b, c, d: [(d, a, b), (d, c, b)]),
    ("ij,kl->ljik", lambda a, b, c, d: [(a, b), (c, d)]),
    ("iij,j->ij", lambda a, b, c, d: [(a, a, b), (b,)]),
    ("ij,ij->ij", lambda a, b, c, d: [(1, b), (a, b)]),
    ("...i,...i->...", lambda a, b, c, d: [(1, b), (c, a, b)]),
    ("Ab,bC->AC", lambda a, b, c, d: [(a, b), (b, c)]),
    ("ij,j->i", lambda a, b, c, d: [(a, b), (b,)]),
    ("ij,ij->", lambda a, b, c, d: [(a, b), (a, b)]),
    ("iij,jk->ik", lambda a, b, c, d: [(a, a, b), (b, c)]),
    ("ab,cd->", lambda a, b, c, d: [(a, b), (c, d)]),
]


def _einsum(dt):
    @st.composite
    def make(draw):
        sub, build = draw(st.sampled_from(_EINSUM))
        sizes = draw(st.tuples(*[st.integers(1, 3)] * 4))
        ops = [draw(arrays(dt, s, lo=-3, hi=3)) for s in build(*sizes)]
        return (sub, *ops), {}
    return make()


def _pair(max_dims=2):
    def make(dt):
        return st.tuples(arrays(dt, shapes(max_dims=max_dims, max_side=3), lo=-5, hi=5),
                         arrays(dt, shapes(max_dims=max_dims, max_side=3), lo=-5, hi=5)).map(lambda a: (a, {}))
    return make


def _vectors(dt):
    return st.tuples(st.integers(0, 4), st.integers(0, 4)).flatmap(
        lambda n: st.tuples(arrays(dt, (n[0],), lo=-5, hi=5), arrays(dt, (n[1],), lo=-5, hi=5))).map(
        lambda a: (a, {}))


def _inner(dt):
    @st.composite
    def make(draw):
        if draw(st.integers(0, 5)) == 0:
            return (draw(arrays(dt, (), lo=-5, hi=5)), draw(arrays(dt, shapes(max_dims=2, max_side=3), lo=-5, hi=5))), {}
        n = draw(st.integers(1, 4))
        s1 = tuple(draw(st.lists(st.integers(1, 3), max_size=2))) + (n,)
        s2 = tuple(draw(st.lists(st.integers(1, 3), max_size=1))) + (n,)
        return (draw(arrays(dt, s1, lo=-5, hi=5)), draw(arrays(dt, s2, lo=-5, hi=5))), {}
    return make()


def _cross(dt):
    @st.composite
    def make(draw):
        bs = draw(hnp.mutually_broadcastable_shapes(num_shapes=2, max_dims=2, max_side=3))
        s1, s2 = bs.input_shapes
        pos = draw(st.integers(0, min(len(s1), len(s2))))
        s1 = s1[:len(s1) - pos] + (3,) + s1[len(s1) - pos:]
        s2 = s2[:len(s2) - pos] + (3,) + s2[len(s2) - pos:]
        return (draw(arrays(dt, s1, lo=-5, hi=5)), draw(arrays(dt, s2, lo=-5, hi=5))), {"axis": -1 - pos}
    return make()


# ---------------------------------------------------------------- strategies: linalg


def _square_with(kind, kw=None, bmax=2, nmax=4):
    build = {"well": _well, "spd": _spd, "herm": _herm}[kind]

    def make(rng, dt):
        a = build(rng, dt, _batch(rng, bmax), _n(rng, 1, nmax))
        return (a,), {k: _pick(rng, v) for k, v in (kw or {}).items()}
    return seeded(make)


def _any_matrix(kw=None, bmax=2, mmax=4):
    def make(rng, dt):
        a = _rand(rng, _batch(rng, bmax) + (_n(rng, 1, mmax), _n(rng, 1, mmax)), dt, -3, 3)
        return (a,), {k: _pick(rng, v) for k, v in (kw or {}).items()}
    return seeded(make)


def _rect_with(kw=None, square=False, bmax=2, mmax=4):
    def make(rng, dt):
        m = _n(rng, 1, mmax)
        n = m if square else _n(rng, 1, mmax)
        return (_rect(rng, dt, _batch(rng, bmax), m, n),), {k: _pick(rng, v) for k, v in (kw or {}).items()}
    return seeded(make)


def _qr_args(rng, dt):
    m, n = _n(rng), _n(rng)
    mode = "complete" if m <= n and rng.integers(2) else "reduced"
    return (_rect(rng, dt, _batch(rng), m, n),), {"mode": mode}


def _svd_args(rng, dt):
    m = _n(rng)
    n = _n(rng) if rng.integers(2) else m
    return (_rect(rng, dt, _batch(rng), m, n),), {"full_matrices": bool(m == n and rng.integers(2))}


def _solve_args(nmax=4, bmax=2):
    def make(rng, dt):
        n = _n(rng, 1, nmax)
        ba = _batch(rng, bmax)
        a = _well(rng, dt, ba, n)
        if rng.integers(3) == 0:
            b = _rand(rng, (n,), dt, -3, 3)
        else:
            bb = ba[len(ba) - int(rng.integers(0, len(ba) + 1)):]
            bb = tuple(1 if rng.integers(3) == 0 else v for v in bb)
            if not ba and rng.integers(3) == 0:  # batch axes on x2 only
                bb = (2,)
            b = _rand(rng, bb + (n, _n(rng, 1, 3)), dt, -3, 3)
        return (a, b), {}
    return seeded(make)


def _solve_triangular_args(nmax=4, bmax=2):
    def make(rng, dt):
        n = _n(rng, 1, nmax)
        ba = _batch(rng, bmax)
        a = _well(rng, dt, ba, n)
        left = bool(rng.integers(2))
        k = _n(rng, 1, 3)
        b = _rand(rng, ba[len(ba) - int(rng.integers(0, len(ba) + 1)):] + ((n, k) if left else (k, n)), dt, -3, 3)
        return (a, b), {"upper": bool(rng.integers(2)), "left": left, "unitriangular": bool(rng.integers(2))}
    return seeded(make)


def _matrix_norm_args(grad=False):
    def make(rng, dt):
        a = _rand(rng, _batch(rng, 1 if grad else 2) + (_n(rng, 1, 3 if grad else 4), _n(rng, 1, 3 if grad else 4)), dt, -3, 3)
        return (a,), {"ord": _pick(rng, ["fro", "nuc", 1, -1, 2, -2, INF, -INF]), "keepdims": bool(rng.integers(2))}
    return seeded(make)


def _vector_norm_args(grad=False):
    def make(rng, dt):
        s = tuple(int(v) for v in rng.integers(1, 4, size=int(rng.integers(0 if not grad else 1, 4))))
        a = _rand(rng, s, dt, -3, 3)
        nd = len(s)
        axis = _pick(rng, [None] + ([int(rng.integers(-nd, nd)), tuple(sorted(set(
            int(v) for v in rng.integers(0, nd, size=2))))] if nd else []))
        return (a,), {"axis": axis, "keepdims": bool(rng.integers(2)),
                      "ord": _pick(rng, [2, 1, INF, -INF, 0, 3, 0.5] if not grad else [2, 1, INF, -INF, 3, 0.5])}
    return seeded(make)


def _norm_args(grad=False):
    def make(rng, dt):
        nd = _n(rng, 1, 3)
        s = tuple(int(v) for v in rng.integers(1, 4, size=nd))
        a = _rand(rng, s, dt, -3, 3)
        case = int(rng.integers(4))
        if case == 0:
            kw = {"ord": None, "axis": None}
        elif case == 1 and nd <= 2:
            kw = {"ord": _pick(rng, [None, 1, 2, INF, -INF] + (["fro", "nuc", -1, -2] if nd == 2 else [0, 3])),
                  "axis": None}
        elif case == 2 or nd == 1:
            kw = {"ord": _pick(rng, [None, 1, 2, INF, -INF, 3] + ([] if grad else [0])), "axis": int(rng.integers(-nd, nd))}
        else:
            ax = tuple(int(v) for v in rng.permutation(nd)[:2])
            kw = {"ord": _pick(rng, [None, "fro", "nuc", 1, -1, 2, -2, INF, -INF]), "axis": ax}
        kw["keepdims"] = bool(rng.integers(2))
        return (a,), kw
    return seeded(make)


def _cond_args(rng, dt):
    return (_well(rng, dt, _batch(rng, 1), _n(rng, 1, 3)),), {"p": _pick(rng, [None, 2, -2, 1, -1, INF, -INF, "fro", "nuc"])}


def _matrix_power_args(rng, dt):
    n = int(rng.integers(-3, 6))
    return (_well(rng, dt, _batch(rng, 1), _n(rng, 1, 3)) / 2, n), {}


def _matrix_rank_args(rng, dt):
    m, n = _n(rng), _n(rng)
    r = int(rng.integers(0, min(m, n) + 1))
    a = _rect(rng, dt, _batch(rng), m, n, rank=r) if r else np.zeros(_batch(rng) + (m, n))
    # rank-deficient: an explicit rtol well above the rounding-level singular values
    return (a,), {"rtol": _pick(rng, [None, 1e-3] if r == min(m, n) else [1e-5, 1e-3])}


def _pinv_args(rng, dt):
    return (_rect(rng, dt, _batch(rng, 1), _n(rng, 1, 3), _n(rng, 1, 3)),), {}


def _lstsq_args(full=False):
    def make(rng, dt):
        m, n = _n(rng, 1, 4), _n(rng, 1, 3)
        k = min(m, n)
        r = k if full or rng.integers(2) else int(rng.integers(1, k + 1))
        a = _rect(rng, dt, (), m, n, rank=r)
        b = _rand(rng, (m,) if rng.integers(2) else (m, _n(rng, 1, 2)), dt, -3, 3)
        # rank-deficient: an explicit rcond well above the rounding-level singular values
        return (a, b), {} if r == k else {"rcond": 1e-5}
    return seeded(make)


def _eig_args(rng, dt):
    n = _n(rng)
    a = _rand(rng, _batch(rng) + (n, n), dt) + np.diag(np.arange(n) * 2.0)
    return (a,), {}


def _lu_args(bmax=2, mmax=4):
    def make(rng, dt):
        return (_rand(rng, _batch(rng, bmax) + (_n(rng, 1, mmax), _n(rng, 1, mmax)), dt, -3, 3),), {}
    return seeded(make)


def _expm_args(rng, dt):
    n = _n(rng, 1, 3)
    return (_rand(rng, _batch(rng, 1) + (n, n), dt, -1.5, 1.5),), {}


def _tensorinv_args(rng, dt):
    ind = int(rng.integers(1, 3))
    a = _rand(rng, (6, 6), dt, -0.3, 0.3) + np.eye(6)
    return (a.reshape((6, 2, 3) if ind == 1 else (2, 3, 6)),), {"ind": ind}


def _tensorsolve_args(rng, dt):
    a = (_rand(rng, (4, 4), dt, -0.3, 0.3) + np.eye(4)).reshape(2, 2, 4)
    b = _rand(rng, (2, 2), dt, -3, 3)
    return (a, b), {}


def _trace_args(dt):
    return st.tuples(arrays(dt, shapes(min_dims=2, max_dims=4, max_side=4), lo=-5, hi=5),
                     st.integers(-3, 3)).map(lambda t: ((t[0],), {"offset": t[1]}))


def _diag_args(dt):
    return _trace_args(dt)


SPECS = {
    # top level
    "matmul": Spec(_matmul, ALL, grad=(0, 1)),
    "matrix_transpose": Spec(lambda dt: arrays(dt, shapes(min_dims=2, max_dims=4)).map(lambda a: ((a,), {})),
                             ALL, grad=(0,)),
    "tensordot": Spec(_tensordot, NUMERIC, grad=(0, 1)),
    "vecdot": Spec(_vecdot, SIGNED + FC, grad=(0, 1)),
    "einsum": Spec(_einsum, SIGNED + FC, grad=(1, 2)),
    "outer": Spec(_pair(), NUMERIC, grad=(0, 1)),
    "inner": Spec(_inner, SIGNED + FC, grad=(0, 1)),
    "kron": Spec(_pair(3), NUMERIC, grad=(0, 1)),
    # linalg namespace
    "linalg.outer": Spec(_vectors, NUMERIC, grad=(0, 1)),
    "linalg.cross": Spec(_cross, SIGNED + FC, grad=(0, 1)),
    "linalg.diagonal": Spec(_diag_args, ALL, grad=(0,)),
    "linalg.trace": Spec(_trace_args, SIGNED + FC, grad=(0,)),
    # cholesky / eigh / eigvalsh read one triangle: gradients in test_grad_wrapped
    "linalg.cholesky": Spec(_square_with("spd", {"upper": [False, True]}), FC, compare=close),
    "linalg.det": Spec(_square_with("well"), FC, grad=(0,), compare=close,
                       grad_args=_square_with("well", bmax=1, nmax=3)),
    "linalg.slogdet": Spec(_square_with("well"), FC, grad=(0,), compare=close,
                           grad_args=_square_with("well", bmax=1, nmax=3)),
    "linalg.inv": Spec(_square_with("well"), FC, grad=(0,), compare=close,
                       grad_args=_square_with("well", bmax=1, nmax=3)),
    "linalg.solve": Spec(_solve_args(), FC, grad=(0, 1), compare=close, grad_args=_solve_args(3, 1)),
    "linalg.solve_triangular": Spec(_solve_triangular_args(), FC, grad=(0, 1), compare=close,
                                    grad_args=_solve_triangular_args(3, 1)),
    "linalg.eigh": Spec(_square_with("herm"), FC, compare=column_close),
    "linalg.eigvalsh": Spec(_square_with("herm"), FC, compare=close),
    # qr / svd: signs compared in test_decompositions, gradients in test_grad_wrapped
    "linalg.qr": Spec(seeded(_qr_args), FC, compare=abs_close),
    "linalg.svd": Spec(seeded(_svd_args), FC, compare=abs_close),
    "linalg.svdvals": Spec(_any_matrix(), FC, grad=(0,), compare=close,
                           grad_args=_rect_with(bmax=1, mmax=3)),
    "linalg.pinv": Spec(_rect_with(), FC, grad=(0,), compare=close, grad_args=seeded(_pinv_args)),
    "linalg.matrix_norm": Spec(_matrix_norm_args(), FC, grad=(0,), compare=close,
                               grad_args=_matrix_norm_args(grad=True)),
    "linalg.vector_norm": Spec(_vector_norm_args(), FC, grad=(0,), compare=close,
                               grad_args=_vector_norm_args(grad=True)),
    "linalg.norm": Spec(_norm_args(), FC, grad=(0,), compare=close, grad_args=_norm_args(grad=True)),
    "linalg.cond": Spec(seeded(_cond_args), FC, grad=(0,), compare=close),
    "linalg.matrix_power": Spec(seeded(_matrix_power_args), FC, grad=(0,), compare=close),
    "linalg.matrix_rank": Spec(seeded(_matrix_rank_args), FC),
    "linalg.matrix_exp": Spec(seeded(_expm_args), FC, grad=(0,), compare=close),
    "linalg.lstsq": Spec(_lstsq_args(), FC, grad=(0, 1), compare=close, grad_args=_lstsq_args(full=True)),
    "linalg.lu": Spec(_lu_args(), FC, grad=(0,), compare=close, grad_args=_lu_args(1, 3)),
    "linalg.lu_factor": Spec(_lu_args(), FC, compare=close),
    # eig: the order and phases of eigenvectors are the backend's: shapes/dtypes here,
    # values in test_decompositions; no gradient rule (see test_eig_not_differentiable)
    "linalg.eig": Spec(seeded(_eig_args), FC, compare="shape"),
    # eigenvalue order is the backend's: gradients are checked with symmetric losses below
    "linalg.eigvals": Spec(seeded(_eig_args), FC, compare=eig_close),
    "linalg.tensorinv": Spec(seeded(_tensorinv_args), FC, grad=(0,), compare=close),
    "linalg.tensorsolve": Spec(seeded(_tensorsolve_args), FC, grad=(0, 1), compare=close),
    # multi_dot takes a list (of differently shaped arrays): gradient in test_grad_wrapped
    "linalg.multi_dot": Spec(lambda dt: _multi_dot_lists(dt), FC, compare=close),
}


def _multi_dot_lists(dt):
    @st.composite
    def make(draw):
        k = draw(st.integers(2, 4))
        dims = draw(st.lists(st.integers(1, 4), min_size=k + 1, max_size=k + 1))
        shp = [(dims[i], dims[i + 1]) for i in range(k)]
        if draw(st.booleans()):
            shp[0] = (dims[1],)
        if draw(st.booleans()):
            shp[-1] = (shp[-1][0],)
        return ([draw(arrays(dt, s, lo=-3, hi=3)) for s in shp],), {}
    return make()


@pytest.mark.parametrize("name", list(SPECS))
def test_op(name, backend):
    check_spec(name, backend, SPECS[name])


@pytest.mark.parametrize("name", [n for n, s in SPECS.items() if s.grad])
def test_grad(name, backend):
    check_grad(name, backend, SPECS[name])


# ---------------------------------------------------------------- gradients through wrappers


def _sym(x):
    return C.divide(C.add(x, C.matrix_transpose(x)), 2.0)


def _chol(x, upper):
    return C.linalg.cholesky(_sym(x), upper=upper)


def _eigh(x):
    w, v = C.linalg.eigh(_sym(x))
    return w, C.multiply(v, v)  # invariant to the sign of each eigenvector


def _eigvalsh(x):
    return C.linalg.eigvalsh(_sym(x))


def _qr(x, mode):
    q, r = C.linalg.qr(x, mode=mode)
    return C.multiply(q, q), C.multiply(r, r)


def _svd(x):
    u, s, vh = C.linalg.svd(x, full_matrices=False)
    return C.multiply(u, u), s, C.multiply(vh, vh)


def _svd_full_square(x):
    u, s, vh = C.linalg.svd(x, full_matrices=True)
    return C.multiply(u, u), s, C.multiply(vh, vh)


def _multi_dot3(a, b, c):
    return C.linalg.multi_dot([a, b, c])


def _multi_dot_vec(a, b, c):
    return C.linalg.multi_dot([a, b, c])


def _grad_cases():
    def spd(rng):
        n = _n(rng, 1, 3)
        return (_spd(rng, np.float64, _batch(rng, 1), n), bool(rng.integers(2)))

    def herm(rng):
        return (_herm(rng, np.float64, _batch(rng, 1), _n(rng, 1, 3)),)

    def qr(rng):
        m, n = _n(rng, 1, 4), _n(rng, 1, 4)
        mode = "complete" if m <= n and rng.integers(2) else "reduced"
        return (_rect(rng, np.float64, _batch(rng, 1, 2), m, n), mode)

    def rect(rng):
        return (_rect(rng, np.float64, _batch(rng, 1, 2), _n(rng, 1, 4), _n(rng, 1, 4)),)

    def square(rng):
        n = _n(rng, 1, 3)
        return (_rect(rng, np.float64, _batch(rng, 1, 2), n, n),)

    def chain(rng):
        d = [_n(rng, 1, 3) for _ in range(4)]
        return (_rand(rng, (d[0], d[1]), np.float64), _rand(rng, (d[1], d[2]), np.float64),
                _rand(rng, (d[2], d[3]), np.float64))

    def chain_vec(rng):
        d = [_n(rng, 1, 3) for _ in range(2)]
        return (_rand(rng, (d[0],), np.float64), _rand(rng, (d[0], d[1]), np.float64),
                _rand(rng, (d[1],), np.float64))

    return {
        "cholesky": (_chol, spd, (0,)),
        "eigh": (_eigh, herm, (0,)),
        "eigvalsh": (_eigvalsh, herm, (0,)),
        "qr": (_qr, qr, (0,)),
        "svd": (_svd, rect, (0,)),
        "svd_full_square": (_svd_full_square, square, (0,)),
        "multi_dot": (_multi_dot3, chain, (0, 1, 2)),
        "multi_dot_vec": (_multi_dot_vec, chain_vec, (0, 1, 2)),
    }


_GRAD_CASES = _grad_cases()


@pytest.mark.parametrize("case", list(_GRAD_CASES))
def test_grad_wrapped(case, backend):
    """Engine vjp vs finite differences (numpy) and torch.autograd for wrapped functions."""
    fn, make, argnums = _GRAD_CASES[case]

    @given(st.integers(0, 2 ** 32 - 1), st.randoms(use_true_random=False))
    def prop(seed, rnd):
        args = make(np.random.default_rng(seed))
        with unify.using_backend("numpy"):
            ref_out = H._to_numpy(fn(*[H._to_backend(a) for a in args]))
        rs = np.random.RandomState(rnd.randint(0, 2 ** 31))
        outs = H._flat_float_outputs(ref_out)
        cts = [H._cotangent(rs, o) for o in outs]
        note(f"args={args!r} cts={cts!r}")
        got = H._engine_grads(backend, fn, args, {}, argnums, cts, ref_out)
        fd = H._fd_grads(fn, args, {}, argnums, cts)
        for i, g, f in zip(argnums, got, fd):
            np.testing.assert_allclose(g, f, rtol=1e-4, atol=1e-5 * max(1.0, float(np.max(np.abs(f))) if f.size else 1.0),
                                       err_msg=f"grad of arg {i} vs finite differences")
        tg = H._torch_grads(fn, args, {}, argnums, cts)
        assert tg is not None
        for i, g, t in zip(argnums, got, tg):
            np.testing.assert_allclose(g, t, rtol=1e-7, atol=1e-9, err_msg=f"grad of arg {i} vs torch.autograd")

    prop()


# ---------------------------------------------------------------- decompositions by reconstruction


def _np(v):
    return np.asarray(C.to_numpy(v))


@pytest.mark.parametrize("dt", [np.float32, np.float64, np.complex64, np.complex128])
def test_decompositions(backend, dt):
    """Each backend's factors rebuild the input and have the documented structure."""
    dt = np.dtype(dt)
    rtol = 2e-4 if dt in (np.float32, np.complex64) else 1e-9

    def ok(a, b, what):
        np.testing.assert_allclose(a, b, rtol=rtol, atol=rtol * max(1.0, float(np.max(np.abs(b)))), err_msg=what)

    @given(st.integers(0, 2 ** 32 - 1))
    def prop(seed):
        rng = np.random.default_rng(seed)
        m, n = _n(rng), _n(rng)
        b = _batch(rng, 1)
        a = _rect(rng, dt, b, m, n).astype(dt)
        with unify.using_backend(backend):
            x = C.asarray(a)
            for mode in ("reduced", "complete"):
                q, r = (_np(v) for v in C.linalg.qr(x, mode=mode))
                ok(q @ r, a, f"qr {mode}")
                ok(_mH(q) @ q, np.broadcast_to(np.eye(q.shape[-1]), q.shape[:-2] + (q.shape[-1],) * 2), "Q orthonormal")
                assert np.allclose(np.tril(r, -1), 0)
            for full in (True, False):
                u, s, vh = (_np(v) for v in C.linalg.svd(x, full_matrices=full))
                k = min(m, n)
                ok((u[..., :, :k] * s[..., None, :]) @ vh[..., :k, :], a, f"svd full={full}")
                assert s.dtype == np.dtype(dt).type(0).real.dtype
            p, l_, u_ = (_np(v) for v in C.linalg.lu(x))
            ok(p @ l_ @ u_, a, "lu")
            np.testing.assert_array_equal(np.diagonal(l_, axis1=-2, axis2=-1), 1)
            lu, piv = (_np(v) for v in C.linalg.lu_factor(x))
            assert piv.dtype == np.int64 and piv.shape == a.shape[:-2] + (min(m, n),)
            h = _herm(rng, dt, b, n).astype(dt)
            w, v = (_np(t) for t in C.linalg.eigh(C.asarray(h)))
            ok((v * w[..., None, :]) @ _mH(v), h, "eigh")
            spd = _spd(rng, dt, b, n).astype(dt)
            lo = _np(C.linalg.cholesky(C.asarray(spd)))
            ok(lo @ _mH(lo), spd, "cholesky")
            up = _np(C.linalg.cholesky(C.asarray(spd), upper=True))
            ok(_mH(up) @ up, spd, "cholesky upper")
            g = _eig_args(rng, dt)[0][0].astype(dt)
            w, v = (_np(t) for t in C.linalg.eig(C.asarray(g)))
            assert w.dtype == (np.complex64 if dt in (np.float32, np.complex64) else np.complex128)
            ok(g @ v, v * w[..., None, :], "eig")
            ok(np.linalg.norm(v, axis=-2), np.ones(v.shape[:-2] + v.shape[-1:]), "eig unit vectors")
            eig_close(np.linalg.eigvals(g.astype(np.complex128)).astype(w.dtype), w)

    prop()


def test_eig_not_differentiable(backend):
    with unify.using_backend(backend):
        x = C.asarray(np.array([[2.0, 1.0], [0.5, 3.0]]))
        with pytest.raises(TypeError, match="no gradient rule"):
            C.grad(lambda a: C.real(C.sum(C.linalg.eig(a)[0])))(x)
        # the sum of the eigenvalues is the trace: its gradient is the identity
        g = C.grad(lambda a: C.real(C.sum(C.linalg.eigvals(a))))(x)
        np.testing.assert_allclose(C.to_numpy(g), np.eye(2), atol=1e-12)
        # sum of squared eigenvalues is trace(A @ A): gradient 2 A^T
        xs = np.array([[2.0, 1.0, 0.3], [0.5, 3.0, -1.0], [0.2, 0.1, -1.0]])
        g = C.grad(lambda a: C.real(C.sum(C.multiply(C.linalg.eigvals(a), C.linalg.eigvals(a)))))(C.asarray(xs))
        np.testing.assert_allclose(C.to_numpy(g), 2 * xs.T, rtol=1e-10, atol=1e-10)


def test_result_types(backend):
    with unify.using_backend(backend):
        a = C.asarray(np.array([[4.0, 1.0], [1.0, 3.0]]))
        assert C.linalg.eigh(a)._fields == ("eigenvalues", "eigenvectors")
        assert C.linalg.qr(a)._fields == ("Q", "R")
        assert C.linalg.svd(a)._fields == ("U", "S", "Vh")
        assert C.linalg.slogdet(a)._fields == ("sign", "logabsdet")
        assert C.linalg.eig(a)._fields == ("eigenvalues", "eigenvectors")
        assert C.linalg.lu(a)._fields == ("P", "L", "U")
        assert C.linalg.lu_factor(a)._fields == ("LU", "pivots")
        r = C.linalg.lstsq(a, C.asarray(np.array([1.0, 2.0])))
        assert r._fields == ("solution", "residuals", "rank", "singular_values")
        assert C.dtype_of(r.rank) is C.int64 and C.shape(r.rank) == ()
        # a 2-d x2 of shape x1.shape[:-1] is a matrix (Array API 2024.12), not a batch of vectors
        a3 = C.asarray(np.eye(3)[None].repeat(3, 0) * 2.0)
        assert C.shape(C.linalg.solve(a3, C.asarray(np.ones((3, 3))))) == (3, 3, 3)


def test_lower_triangle(backend):
    """cholesky (both factors), eigh and eigvalsh read only the lower triangle on every backend."""
    rng = np.random.default_rng(3)
    a = _spd(rng, np.float64, (2,), 3)
    junk = np.tril(a) + np.triu(rng.uniform(-5, 5, a.shape), 1)
    with unify.using_backend(backend):
        for f in (lambda v: C.linalg.cholesky(v), lambda v: C.linalg.cholesky(v, upper=True),
                  lambda v: C.linalg.eigvalsh(v), lambda v: C.linalg.eigh(v)[0]):
            np.testing.assert_allclose(_np(f(C.asarray(junk))), _np(f(C.asarray(a))), rtol=1e-12, atol=1e-12)


def test_jax_jit():
    """jax backend code and the gradient rules trace under jax.jit."""
    pytest.importorskip("jax")
    import jax

    rng = np.random.default_rng(0)
    a = _well(rng, np.float64, (2,), 3)
    b = _rand(rng, (2, 3, 2), np.float64)
    with unify.using_backend("jax"):
        def f(x, y):
            t = C.sum(C.linalg.solve(x, y)) + C.linalg.slogdet(x)[1][0] + C.sum(C.linalg.inv(x))
            t = t + C.sum(C.linalg.cholesky(C.matmul(x, C.matrix_transpose(x))))
            t = t + C.sum(C.einsum("bij,bjk->bik", x, y)) + C.sum(C.linalg.svdvals(x))
            t = t + C.sum(C.linalg.matrix_exp(C.divide(x, 4.0))) + C.sum(C.linalg.eigvalsh(x))
            t = t + C.sum(C.linalg.lstsq(x[0], y[0])[0]) + C.sum(C.linalg.lu(x)[2])
            return t + C.sum(C.linalg.solve_triangular(x, y, upper=True))

        g = C.grad(f, argnums=(0, 1))
        x, y = C.asarray(a), C.asarray(b)
        eager = [np.asarray(v) for v in g(x, y)]
        jitted = [np.asarray(v) for v in jax.jit(g)(x, y)]
        for e, j in zip(eager, jitted):
            np.testing.assert_allclose(j, e, rtol=1e-10)


# ---------------------------------------------------------------- errors


def test_errors_linalg(backend):
    LinAlgError = C.linalg.LinAlgError
    assert issubclass(LinAlgError, ValueError)
    with unify.using_backend(backend):
        sing = C.asarray(np.array([[1.0, 2.0], [2.0, 4.0]]))
        with pytest.raises(LinAlgError):
            C.linalg.inv(sing)
        with pytest.raises(LinAlgError):
            C.linalg.solve(sing, C.asarray(np.ones(2)))
        with pytest.raises(LinAlgError):
            C.linalg.cholesky(C.asarray(np.array([[1.0, 2.0], [2.0, 1.0]])))
        x23, x33 = C.asarray(np.ones((2, 3))), C.asarray(np.eye(3))
        for f in (C.linalg.inv, C.linalg.det, C.linalg.cholesky, C.linalg.eigh, C.linalg.slogdet,
                  C.linalg.matrix_exp, C.linalg.eigvals, lambda v: C.linalg.matrix_power(v, 2)):
            with pytest.raises(ValueError):
                f(x23)
        with pytest.raises(ValueError):
            C.matmul(x23, x23)
        with pytest.raises(ValueError):
            C.matmul(C.asarray(np.ones(3)), C.asarray(np.ones(4)))
        with pytest.raises(ValueError):
            C.tensordot(x23, x33, axes=([0], [0]))
        with pytest.raises(ValueError):
            C.vecdot(x23, x33)
        with pytest.raises(ValueError):
            C.einsum("ij,jk->ik", x33, x23)
        with pytest.raises(ValueError):
            C.linalg.solve(x33, C.asarray(np.ones(2)))
        with pytest.raises(ValueError):
            C.linalg.solve(x33, C.asarray(np.ones((2, 2))))
        with pytest.raises(ValueError):
            C.linalg.cross(x23, x23, axis=0)
        with pytest.raises(ValueError):
            C.linalg.qr(x33, mode="r")
        with pytest.raises(ValueError):
            C.linalg.matrix_norm(x33, ord=3)
        with pytest.raises(ValueError):
            C.linalg.vector_norm(x33, ord="fro")
        with pytest.raises(ValueError):
            C.linalg.outer(x33, x33)
        with pytest.raises(ValueError):
            C.matrix_transpose(C.asarray(np.ones(3)))
        with pytest.raises(ValueError):
            C.linalg.solve_triangular(x33, C.asarray(np.ones(3)), upper=True)
        with pytest.raises(ValueError):
            C.linalg.multi_dot([x33])
        with pytest.raises(TypeError):
            C.linalg.matrix_power(x33, 1.5)
