"""numpy.random.RandomState (the legacy MT19937 sampler) and its module-level functions."""
import math
import warnings
from math import exp, log

import numpy as _np

from .... import core as C
from . import _dists as D, _wrap as W
from ._base import _Sampler
from ._bitgen import BitGenerator, MT19937


def _legacy_exp(bg, n):
    return D.std_exponential_inv(bg, n)


class RandomState(_Sampler):
    """numpy.random.RandomState: seeded streams are identical to NumPy's for the functions
    listed in `unify.frontends.numpy.random.__doc__`."""

    _masked = True

    def __init__(self, seed=None):
        if seed is None:
            bg = MT19937()
        elif isinstance(seed, BitGenerator):
            bg = seed
        else:
            bg = MT19937.__new__(MT19937)
            import threading
            bg.lock = threading.Lock()
            bg._legacy_seeding(seed)
        self._bit_generator = bg
        self._cache = self
        self._has_gauss, self._gauss = 0, 0.0

    def __repr__(self):
        return f"RandomState({type(self._bit_generator).__name__})"

    def __getstate__(self):
        return self.get_state(legacy=False)

    def __setstate__(self, state):
        self._bit_generator = MT19937.__new__(MT19937)
        import threading
        self._bit_generator.lock = threading.Lock()
        self._bit_generator._seed_seq = None
        self._cache = self
        self.set_state(state)

    def __reduce__(self):
        return (RandomState, (0,), self.get_state(legacy=False))

    # ------------------------------------------------------------ state

    def seed(self, seed=None):
        if not isinstance(self._bit_generator, MT19937):
            raise TypeError("can only re-seed a MT19937 BitGenerator")
        self._bit_generator._legacy_seeding(seed)
        self._has_gauss, self._gauss = 0, 0.0

    def get_state(self, legacy=True):
        st = self._bit_generator.state
        if legacy and not isinstance(self._bit_generator, MT19937):
            warnings.warn("get_state and legacy can only be used with the MT19937 "
                          "BitGenerator. To silence this warning, set `legacy` to False.",
                          RuntimeWarning, stacklevel=2)
            legacy = False
        st["has_gauss"] = self._has_gauss
        st["gauss"] = self._gauss
        if legacy:
            return ("MT19937", st["state"]["key"], st["state"]["pos"], st["has_gauss"],
                    st["gauss"])
        return st

    def set_state(self, state):
        if isinstance(state, dict):
            if "bit_generator" not in state or "state" not in state:
                raise ValueError("state dictionary is not valid.")
            st = state
        else:
            if not isinstance(state, (tuple, list)):
                raise TypeError("state must be a dict or a tuple.")
            if state[0] != "MT19937":
                raise ValueError("set_state can only be used with legacy MT19937 state "
                                 "instances.")
            st = {"bit_generator": state[0], "state": {"key": state[1], "pos": state[2]}}
            if len(state) > 3:
                st["has_gauss"] = state[3]
                st["gauss"] = state[4]
        self._gauss = float(st.get("gauss", 0.0))
        self._has_gauss = int(st.get("has_gauss", 0))
        self._bit_generator.state = st

    # ------------------------------------------------------------ uniform / integers

    def random_sample(self, size=None):
        shape = W.shape_of(size)
        n = 1 if shape is None else W.nelem(shape)
        return W.finish(self._bit_generator._dbl(n), shape)

    def random(self, size=None):
        return self.random_sample(size)

    def rand(self, *args):
        return self.random_sample(args if args else None)

    def randn(self, *args):
        return self.standard_normal(args if args else None)

    def randint(self, low, high=None, size=None, dtype=int):
        return self._integers(low, high, size, dtype, False, "randint")

    def random_integers(self, low, high=None, size=None):
        if high is None:
            warnings.warn("This function is deprecated. Please call randint(1, {low} + 1) "
                          "instead".format(low=low), DeprecationWarning, stacklevel=2)
            high, low = low, 1
        else:
            warnings.warn("This function is deprecated. Please call randint({low}, {high} + 1) "
                          "instead".format(low=low, high=high), DeprecationWarning, stacklevel=2)
        return self.randint(low, int(high) + 1, size=size, dtype="l")

    def tomaxint(self, size=None):
        shape = W.shape_of(size)
        n = 1 if shape is None else W.nelem(shape)
        v = (self._bit_generator._u64(n) >> _np.uint64(1)).astype(_np.int64)
        return W.finish(v, shape, "int64")

    def bytes(self, length):
        n = (length - 1) // 4 + 1 if length > 0 else 0
        from . import _ints as I
        w = I.bounded(self._bit_generator, 0, 0xFFFFFFFF, n, 32, True)
        return w.astype("<u4").tobytes()[:length]

    def uniform(self, low=0.0, high=1.0, size=None):
        arrs, shape, scalar = W.params([low, high], size)
        with _np.errstate(over="ignore", invalid="ignore"):
            rng = _np.subtract(arrs[1], arrs[0])
        if not _np.all(_np.isfinite(rng)):
            raise OverflowError("Range exceeds valid bounds")
        bg = self._bit_generator
        return self._cont(lambda n, lo, r: lo + r * bg._dbl(n), [arrs[0], rng],
                          [("low", None), ("range", None)], size)

    # ------------------------------------------------------------ normal family

    def standard_normal(self, size=None):
        shape = W.shape_of(size)
        n = 1 if shape is None else W.nelem(shape)
        return W.finish(D.legacy_gauss(self._bit_generator, n, self), shape)

    def normal(self, loc=0.0, scale=1.0, size=None):
        bg = self._bit_generator
        return self._cont(lambda n, m, s: m + s * D.legacy_gauss(bg, n, self), [loc, scale],
                          [("loc", None), ("scale", "nonneg")], size)

    def lognormal(self, mean=0.0, sigma=1.0, size=None):
        bg = self._bit_generator
        return self._cont(lambda n, m, s: D.lmap(exp, m + s * D.legacy_gauss(bg, n, self)),
                          [mean, sigma], [("mean", None), ("sigma", "nonneg")], size)

    def standard_cauchy(self, size=None):
        return self._seq(lambda src: src.normal() / src.normal(), [], [], size)

    def standard_exponential(self, size=None):
        shape = W.shape_of(size)
        n = 1 if shape is None else W.nelem(shape)
        return W.finish(_legacy_exp(self._bit_generator, n), shape)

    def exponential(self, scale=1.0, size=None):
        bg = self._bit_generator
        return self._cont(lambda n, s: s * _legacy_exp(bg, n), [scale], [("scale", "nonneg")],
                          size)

    def pareto(self, a, size=None):
        bg = self._bit_generator
        return self._cont(lambda n, a_: D.lmap(exp, _legacy_exp(bg, n) / a_) - 1, [a],
                          [("a", "pos")], size)

    def weibull(self, a, size=None):
        bg = self._bit_generator

        def f(n, a_):
            e = _legacy_exp(bg, n)
            a_ = _np.broadcast_to(a_, e.shape)
            out = _np.array([0.0 if ai == 0.0 else ei ** (1.0 / ai)
                             for ei, ai in zip(e.tolist(), a_.tolist())])
            return out
        return self._cont(f, [a], [("a", "nonneg")], size)

    def power(self, a, size=None):
        bg = self._bit_generator

        def f(n, a_):
            e = _legacy_exp(bg, n)
            a_ = _np.broadcast_to(a_, e.shape)
            return _np.array([(1 - exp(-ei)) ** (1.0 / ai) for ei, ai in zip(e.tolist(),
                                                                              a_.tolist())])
        return self._cont(f, [a], [("a", "pos")], size)

    def laplace(self, loc=0.0, scale=1.0, size=None):
        bg = self._bit_generator
        return self._cont(lambda n, m, s: _laplace(bg, n, m, s), [loc, scale],
                          [("loc", None), ("scale", "nonneg")], size)

    def gumbel(self, loc=0.0, scale=1.0, size=None):
        bg = self._bit_generator
        return self._cont(lambda n, m, s: _gumbel(bg, n, m, s), [loc, scale],
                          [("loc", None), ("scale", "nonneg")], size)

    def logistic(self, loc=0.0, scale=1.0, size=None):
        bg = self._bit_generator
        return self._cont(lambda n, m, s: _logistic(bg, n, m, s), [loc, scale],
                          [("loc", None), ("scale", "nonneg")], size)

    def rayleigh(self, scale=1.0, size=None):
        bg = self._bit_generator
        return self._cont(lambda n, s: s * _np.sqrt(-2.0 * D.lmap(log, 1.0 - bg._dbl(n))),
                          [scale], [("scale", "nonneg")], size)

    def triangular(self, left, mode, right, size=None):
        arrs = [W.host(v, _np.float64) for v in (left, mode, right)]
        if _np.any(_np.greater(arrs[0], arrs[1])):
            raise ValueError("left > mode")
        if _np.any(_np.greater(arrs[1], arrs[2])):
            raise ValueError("mode > right")
        if _np.any(_np.equal(arrs[0], arrs[2])):
            raise ValueError("left == right")
        bg = self._bit_generator
        return self._cont(lambda n, l_, m, r: _triangular(bg, n, l_, m, r), arrs,
                          [("left", None), ("mode", None), ("right", None)], size)

    def wald(self, mean, scale, size=None):
        return self._seq(D.wald1, [mean, scale], [("mean", "pos"), ("scale", "pos")], size)

    def vonmises(self, mu, kappa, size=None):
        return self._seq(D.vonmises1, [mu, kappa], [("mu", None), ("kappa", "nonneg")], size)

    # ------------------------------------------------------------ gamma family

    def standard_gamma(self, shape, size=None):
        return self._seq(D.standard_gamma1, [shape], [("shape", "nonneg")], size)

    def gamma(self, shape, scale=1.0, size=None):
        return self._seq(lambda src, k, s: s * D.standard_gamma1(src, k), [shape, scale],
                         [("shape", "nonneg"), ("scale", "nonneg")], size)

    def beta(self, a, b, size=None):
        return self._seq(D.beta1_legacy, [a, b], [("a", "pos"), ("b", "pos")], size)

    def chisquare(self, df, size=None):
        return self._seq(D.chisquare1, [df], [("df", "pos")], size)

    def noncentral_chisquare(self, df, nonc, size=None):
        return self._seq(D.noncentral_chisquare1, [df, nonc],
                         [("df", "pos"), ("nonc", "nonneg")], size)

    def f(self, dfnum, dfden, size=None):
        return self._seq(D.f1, [dfnum, dfden], [("dfnum", "pos"), ("dfden", "pos")], size)

    def noncentral_f(self, dfnum, dfden, nonc, size=None):
        return self._seq(D.noncentral_f1, [dfnum, dfden, nonc],
                         [("dfnum", "pos"), ("dfden", "pos"), ("nonc", "nonneg")], size)

    def standard_t(self, df, size=None):
        return self._seq(D.standard_t1, [df], [("df", "pos")], size)

    # ------------------------------------------------------------ discrete

    def binomial(self, n, p, size=None):
        return self._seq(D.binomial1, [n, p], [("n", "nonneg"), ("p", "01")], size,
                         "int64", int_params=(0,))

    def negative_binomial(self, n, p, size=None):
        return self._seq(D.negative_binomial1, [n, p], [("n", "pos"), ("p", "01")], size,
                         "int64")

    def poisson(self, lam=1.0, size=None):
        return self._seq(D.poisson1, [lam], [("lam", "poisson")], size, "int64")

    def geometric(self, p, size=None):
        return self._seq(D.geometric1_legacy, [p], [("p", "gt0_1")], size, "int64")

    def zipf(self, a, size=None):
        return self._seq(D.zipf1_legacy, [a], [("a", "gt1")], size, "int64")

    def logseries(self, p, size=None):
        pa = W.host(p, _np.float64)
        if _np.any(~((pa >= 0) & (pa < 1))):
            raise ValueError("p < 0, p >= 1 or p is NaN")
        return self._seq(D.logseries1, [p], [("p", None)], size, "int64")

    def hypergeometric(self, ngood, nbad, nsample, size=None):
        return _hypergeometric(self, ngood, nbad, nsample, size)

    def multinomial(self, n, pvals, size=None):
        return _multinomial(self, n, pvals, size)

    def dirichlet(self, alpha, size=None):
        a = W.host(alpha, _np.float64)
        if a.ndim != 1:
            raise ValueError("alpha must be 1-dimensional") if a.ndim > 1 else \
                TypeError("object of type 'float' has no len()")
        if _np.any(_np.less_equal(a, 0)):
            raise ValueError("alpha <= 0")
        shape = W.shape_of(size)
        shape = (a.size,) if shape is None else shape + (a.size,)
        m = W.nelem(shape[:-1])
        al = a.tolist()
        src = D.Source(self._bit_generator, m * a.size * 2 + 8, self)
        try:
            rows = []
            for _ in range(m):
                g = [D.standard_gamma1(src, x) for x in al]
                acc = 0.0
                for x in g:
                    acc += x
                inv = 1.0 / acc
                rows.append([x * inv for x in g])
        finally:
            src.close()
        return W.out_array(_np.array(rows, dtype=_np.float64).reshape(shape))

    def multivariate_normal(self, mean, cov, size=None, check_valid="warn", tol=1e-8):
        return _mvn(self, mean, cov, size, check_valid, tol)

    # ------------------------------------------------------------ shuffles and choice

    def shuffle(self, x):
        self._shuffle_into(x)

    def permutation(self, x):
        from .._ndarray import ndarray, asnative, wrap
        if isinstance(x, (int, _np.integer)) or (hasattr(x, "__index__") and
                                                  not hasattr(x, "shape")):
            return W.out_array(self._perm_host(int(x)))
        nat = asnative(x)
        if len(C.shape(nat)) < 1:
            if isinstance(x, ndarray) or hasattr(x, "shape"):
                raise IndexError("x must be an integer or at least 1-dimensional")
            return W.out_array(self._perm_host(int(C.to_numpy(nat))))
        perm = self._perm_host(C.shape(nat)[0])
        return wrap(C.take(nat, C.asarray(perm), axis=0))

    def choice(self, a, size=None, replace=True, p=None):
        pop, nat = self._choice_a(a)
        shape = W.shape_of(size)
        n = 1 if shape is None else W.nelem(shape)
        if nat is None:
            if pop <= 0 and n != 0:
                raise ValueError("a must be greater than 0 unless no samples are taken")
        else:
            nat = pop
            if len(C.shape(nat)) != 1:
                raise ValueError("a must be 1-dimensional")
            pop = C.shape(nat)[0]
            if pop == 0 and n != 0:
                raise ValueError("'a' cannot be empty unless no samples are taken")
        if p is not None:
            p = W.host(p, _np.float64)
            if p.ndim != 1:
                raise ValueError("'p' must be 1-dimensional")
            if p.size != pop:
                raise ValueError("'a' and 'p' must have same size")
            if _np.isnan(p).any():
                raise ValueError("probabilities contain NaN")
            if _np.logical_or.reduce(p < 0):
                raise ValueError("probabilities are not non-negative")
            if abs(math.fsum(p.tolist()) - 1.0) > math.sqrt(_np.finfo(_np.float64).eps):
                raise ValueError("probabilities do not sum to 1")
        bg = self._bit_generator
        if replace:
            if p is not None:
                cdf = p.cumsum()
                cdf /= cdf[-1]
                idx = cdf.searchsorted(bg._dbl(n), side="right").astype(_np.int64)
            else:
                from . import _ints as I
                idx = I.bounded(bg, 0, pop - 1, n, 64, True).view(_np.int64) if pop > 0 \
                    else _np.zeros(n, _np.int64)
        else:
            if n > pop:
                raise ValueError("Cannot take a larger sample than population when "
                                 "'replace=False'")
            if p is not None:
                if _np.count_nonzero(p > 0) < n:
                    raise ValueError("Fewer non-zero entries in p than size")
                idx = _choice_noreplace_p(bg, p, n)
            else:
                idx = self._perm_host(pop)[:n]
        if shape is None:
            i = int(idx[0])
            return i if nat is None else self._pick(nat, i, None)
        idx = idx.reshape(shape)
        if nat is None:
            return W.out_array(idx)
        return self._pick(nat, idx, shape)


# ------------------------------------------------------------------ shared helpers

def _choice_noreplace_p(bg, p, n):
    n_uniq = 0
    p = p.copy()
    found = _np.zeros(n, dtype=_np.int64)
    while n_uniq < n:
        x = bg._dbl(n - n_uniq)
        if n_uniq > 0:
            p[found[0:n_uniq]] = 0
        cdf = _np.cumsum(p)
        cdf /= cdf[-1]
        new = cdf.searchsorted(x, side="right")
        _, ui = _np.unique(new, return_index=True)
        ui.sort()
        new = new.take(ui)
        found[n_uniq:n_uniq + new.size] = new
        n_uniq += new.size
    return found


def _laplace(bg, n, m, s):
    u = bg._dbl(n)
    out = _np.empty(n)
    hi = u >= 0.5
    out[hi] = -D.lmap(log, 2.0 - u[hi] - u[hi])
    out[~hi] = D.lmap(lambda v: log(v) if v > 0 else -math.inf, u[~hi] + u[~hi])
    return m + s * out


def _gumbel(bg, n, m, s):
    u = 1.0 - bg._dbl(n)
    return m - s * D.lmap(lambda v: log(-log(v)) if v < 1.0 else math.inf, u)


def _logistic(bg, n, m, s):
    u = bg._dbl(n)
    return m + s * D.lmap(lambda v: log(v / (1.0 - v)) if v > 0 else -math.inf, u)


def _triangular(bg, n, left, mode, right):
    u = bg._dbl(n)
    base = right - left
    leftbase = mode - left
    ratio = leftbase / base
    leftprod = leftbase * base
    rightprod = (right - mode) * base
    with _np.errstate(invalid="ignore"):
        return _np.where(u <= ratio, left + _np.sqrt(u * leftprod),
                         right - _np.sqrt((1.0 - u) * rightprod))


def _hypergeometric(self, ngood, nbad, nsample, size):
    g, b, s = (W.host(v) for v in (ngood, nbad, nsample))
    for a, name in ((g, "ngood"), (b, "nbad")):
        if _np.any(_np.less(a, 0)):
            raise ValueError(f"{name} < 0")
    if _np.any(_np.less(s, 0 if type(self).__name__ == "Generator" else 1)):
        raise ValueError("nsample < 0" if type(self).__name__ == "Generator" else "nsample < 1")
    if _np.any(_np.less(_np.add(g, b), s)):
        raise ValueError("ngood + nbad < nsample")
    return self._seq(D.hypergeometric1, [g.astype(_np.int64), b.astype(_np.int64),
                                          s.astype(_np.int64)],
                     [], size, "int64", int_params=(0, 1, 2))


def _multinomial(self, n, pvals, size, generator=False):
    pv = W.host(pvals, _np.float64)
    if pv.ndim == 0:
        raise TypeError("object of type 'float' has no len()") if not generator else \
            ValueError("pvals must have at least 1 dimension")
    if pv.ndim > 1 and not generator:
        raise ValueError("object too deep for desired array")
    if _np.any(pv < 0) or _np.any(pv > 1) or _np.any(_np.isnan(pv)):
        raise ValueError("pvals < 0, pvals > 1 or pvals contains NaNs")
    d = pv.shape[-1]
    if math.fsum(pv[..., :-1].ravel().tolist()) > 1.0 + 1e-12 and pv.ndim == 1:
        raise ValueError("sum(pvals[:-1]) > 1.0")
    na = W.host(n).astype(_np.int64)
    if _np.any(na < 0):
        raise ValueError("n < 0")
    shape = W.shape_of(size)
    bshape = _np.broadcast_shapes(na.shape, pv.shape[:-1])
    if shape is None:
        shape = bshape
    ns = _np.broadcast_to(na, shape).ravel().tolist()
    ps = _np.broadcast_to(pv, shape + (d,)).reshape(-1, d).tolist()
    src = D.Source(self._bit_generator, 4 * len(ns) * d + 8, self._cache)
    rows = []
    try:
        for nn, pp in zip(ns, ps):
            row = [0] * d
            rem_p, dn = 1.0, nn
            for j in range(d - 1):
                row[j] = D.binomial1(src, dn, min(max(pp[j] / rem_p, 0.0), 1.0)) \
                    if rem_p > 0 else 0
                dn -= row[j]
                if dn <= 0:
                    break
                rem_p -= pp[j]
            if dn > 0:
                row[d - 1] = dn
            rows.append(row)
    finally:
        src.close()
    return W.out_array(_np.array(rows, dtype=_np.int64).reshape(shape + (d,)))


def _mvn(self, mean, cov, size, check_valid, tol, method="svd", generator=False):
    mean = W.host(mean, _np.float64)
    cov = W.host(cov, _np.float64)
    shape = W.shape_of(size)
    shape = () if shape is None else shape
    if len(mean.shape) != 1:
        raise ValueError("mean must be 1 dimensional")
    if len(cov.shape) != 2 or cov.shape[0] != cov.shape[1]:
        raise ValueError("cov must be 2 dimensional and square")
    if mean.shape[0] != cov.shape[0]:
        raise ValueError("mean and cov must have same length")
    final = list(shape) + [mean.shape[0]]
    m = W.nelem(shape) * mean.shape[0]
    z = D.std_normal(self._bit_generator, m) if generator else \
        D.legacy_gauss(self._bit_generator, m, self)
    x = z.reshape(-1, mean.shape[0])
    if check_valid not in ("warn", "raise", "ignore"):
        raise ValueError("check_valid must equal 'warn', 'raise', or 'ignore'")
    if method == "cholesky":
        fac = _np.linalg.cholesky(cov)
        x = x @ fac.T
    else:
        if method == "eigh":
            s, u = _np.linalg.eigh(cov)
            psd = not _np.any(s < -tol)
            fac = u * _np.sqrt(_np.abs(s))
            x = x @ fac.T
        else:
            (u, s, vh) = _np.linalg.svd(cov)
            psd = _np.allclose(_np.dot(vh.T * s, vh), cov, rtol=tol, atol=tol)
            x = _np.dot(x, _np.sqrt(s)[:, None] * vh) if not generator else \
                x @ (_np.sqrt(s)[:, None] * vh)
        if check_valid != "ignore" and not psd:
            if check_valid == "warn":
                warnings.warn("covariance is not symmetric positive-semidefinite.",
                              RuntimeWarning, stacklevel=3)
            else:
                raise ValueError("covariance is not symmetric positive-semidefinite.")
    x += mean
    x.shape = tuple(final)
    return W.out_array(x)
