"""numpy.random.Generator and default_rng."""
import math
from math import exp, expm1

import numpy as _np

from .... import core as C
from . import _dists as D, _ints as I, _wrap as W
from ._base import _Sampler, _dtype_name
from ._bitgen import BitGenerator, PCG64
from ._legacy import (_choice_noreplace_p, _gumbel, _hypergeometric, _laplace, _logistic,
                      _multinomial, _mvn, _triangular)


class Generator(_Sampler):
    """numpy.random.Generator.  Which methods give NumPy's exact numbers is listed in the
    package docstring; the ziggurat samplers (`standard_normal`, `normal`,
    `standard_exponential`, ...) consume NumPy's words exactly but use unify's own ziggurat
    tables, so their values agree with NumPy's to ~1e-15 relative."""

    _masked = False
    _cache = None

    def __init__(self, bit_generator):
        if not isinstance(bit_generator, BitGenerator):
            raise TypeError("Generator() argument 1 must be a BitGenerator instance")
        self._bit_generator = bit_generator

    def __repr__(self):
        return f"Generator({type(self._bit_generator).__name__})"

    def __str__(self):
        return repr(self)

    def __getstate__(self):
        return None

    def __reduce__(self):
        return (Generator, (self._bit_generator,))

    @property
    def bit_generator(self):
        return self._bit_generator

    def spawn(self, n_children):
        return [type(self)(g) for g in self._bit_generator.spawn(n_children)]

    # ------------------------------------------------------------ out= helper

    def _sized(self, size, out, dtype_name):
        if out is None:
            return W.shape_of(size)
        from .._ndarray import ndarray
        if not isinstance(out, ndarray):
            raise TypeError("out must be a numpy array")
        if out.dtype.name != dtype_name:
            raise TypeError(f"Supplied output array has the wrong type. Expected "
                            f"{_np.dtype(dtype_name)}, got {out.dtype.name}")
        if size is not None and tuple(W.shape_of(size)) != tuple(out.shape):
            raise ValueError("size must match out.shape when used together")
        return tuple(out.shape)

    def _emit(self, vals, shape, out, dtype_name):
        if out is None:
            return W.finish(vals, shape, dtype_name)
        out._write(C.asarray(_np.asarray(vals, dtype=dtype_name).reshape(shape)))
        return out

    def _float(self, size, dtype, out, f64, f32=None):
        name = _dtype_name(dtype)
        if name not in ("float64", "float32"):
            raise TypeError(f"Unsupported dtype dtype('{name}') for this method")
        shape = self._sized(size, out, name)
        n = 1 if shape is None else W.nelem(shape)
        if name == "float32":
            v = (f32 or (lambda k: f64(k).astype(_np.float32)))(n)
        else:
            v = f64(n)
        return self._emit(v, shape, out, name)

    # ------------------------------------------------------------ uniform / integers

    def random(self, size=None, dtype=_np.float64, out=None):
        bg = self._bit_generator
        return self._float(size, dtype, out, bg._dbl, lambda n: D.floats(bg, n))

    def integers(self, low, high=None, size=None, dtype=_np.int64, endpoint=False):
        return self._integers(low, high, size, dtype, endpoint, "integers")

    def bytes(self, length):
        n = (length - 1) // 4 + 1 if length > 0 else 0
        w = I.bounded(self._bit_generator, 0, 0xFFFFFFFF, n, 32, False)
        return w.astype("<u4").tobytes()[:length]

    def uniform(self, low=0.0, high=1.0, size=None):
        arrs, shape, scalar = W.params([low, high], size)
        with _np.errstate(over="ignore", invalid="ignore"):
            rng = _np.subtract(arrs[1], arrs[0])
        if not _np.all(_np.isfinite(rng)):
            raise OverflowError("high - low range exceeds valid bounds")
        bg = self._bit_generator
        return self._cont(lambda n, lo, r: lo + r * bg._dbl(n), [arrs[0], rng],
                          [("low", None), ("range", None)], size)

    # ------------------------------------------------------------ normal / exponential

    def standard_normal(self, size=None, dtype=_np.float64, out=None):
        bg = self._bit_generator
        return self._float(size, dtype, out, lambda n: D.std_normal(bg, n))

    def normal(self, loc=0.0, scale=1.0, size=None):
        bg = self._bit_generator
        return self._cont(lambda n, m, s: m + s * D.std_normal(bg, n), [loc, scale],
                          [("loc", None), ("scale", "nonneg")], size)

    def lognormal(self, mean=0.0, sigma=1.0, size=None):
        bg = self._bit_generator
        return self._cont(lambda n, m, s: D.lmap(exp, m + s * D.std_normal(bg, n)),
                          [mean, sigma], [("mean", None), ("sigma", "nonneg")], size)

    def standard_exponential(self, size=None, dtype=_np.float64, method="zig", out=None):
        bg = self._bit_generator
        if method not in ("zig", "inv"):
            raise ValueError("method must be either 'inv' or 'zig'")
        f = (lambda n: D.std_exponential(bg, n)) if method == "zig" else \
            (lambda n: D.std_exponential_inv(bg, n))
        return self._float(size, dtype, out, f)

    def exponential(self, scale=1.0, size=None):
        bg = self._bit_generator
        return self._cont(lambda n, s: s * D.std_exponential(bg, n), [scale],
                          [("scale", "nonneg")], size)

    def standard_cauchy(self, size=None):
        return self._seq(lambda src: src.normal() / src.normal(), [], [], size)

    def pareto(self, a, size=None):
        bg = self._bit_generator
        return self._cont(lambda n, a_: D.lmap(expm1, D.std_exponential(bg, n) / a_), [a],
                          [("a", "pos")], size)

    def weibull(self, a, size=None):
        bg = self._bit_generator

        def f(n, a_):
            e = D.std_exponential(bg, n)
            a_ = _np.broadcast_to(a_, e.shape)
            return _np.array([0.0 if ai == 0.0 else ei ** (1.0 / ai)
                              for ei, ai in zip(e.tolist(), a_.tolist())])
        return self._cont(f, [a], [("a", "nonneg")], size)

    def power(self, a, size=None):
        bg = self._bit_generator

        def f(n, a_):
            e = D.std_exponential(bg, n)
            a_ = _np.broadcast_to(a_, e.shape)
            return _np.array([(-expm1(-ei)) ** (1.0 / ai) for ei, ai in zip(e.tolist(),
                                                                             a_.tolist())])
        return self._cont(f, [a], [("a", "pos")], size)

    def rayleigh(self, scale=1.0, size=None):
        bg = self._bit_generator
        return self._cont(lambda n, s: s * _np.sqrt(2.0 * D.std_exponential(bg, n)), [scale],
                          [("scale", "nonneg")], size)

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

    def standard_gamma(self, shape, size=None, dtype=_np.float64, out=None):
        name = _dtype_name(dtype)
        if name not in ("float64", "float32"):
            raise TypeError(f"Unsupported dtype dtype('{name}') for standard_gamma")
        if out is None:
            r = self._seq(D.standard_gamma1, [shape], [("shape", "nonneg")], size)
            if name == "float32":
                return _np.float32(r).item() if isinstance(r, float) else r.astype("float32")
            return r
        shp = self._sized(size, out, name)
        r = self._seq(D.standard_gamma1, [shape], [("shape", "nonneg")], shp)
        out._write(C.astype(r._value(), out.dtype.core))
        return out

    def gamma(self, shape, scale=1.0, size=None):
        return self._seq(lambda src, k, s: s * D.standard_gamma1(src, k), [shape, scale],
                         [("shape", "nonneg"), ("scale", "nonneg")], size)

    def beta(self, a, b, size=None):
        return self._seq(D.beta1, [a, b], [("a", "pos"), ("b", "pos")], size)

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
        return self._seq(D.negative_binomial1, [n, p], [("n", "pos"), ("p", "gt0_1")], size,
                         "int64")

    def poisson(self, lam=1.0, size=None):
        return self._seq(D.poisson1, [lam], [("lam", "poisson")], size, "int64")

    def geometric(self, p, size=None):
        return self._seq(D.geometric1, [p], [("p", "gt0_1")], size, "int64")

    def zipf(self, a, size=None):
        return self._seq(D.zipf1, [a], [("a", "gt1")], size, "int64")

    def logseries(self, p, size=None):
        pa = W.host(p, _np.float64)
        if _np.any(~((pa >= 0) & (pa < 1))):
            raise ValueError("p < 0, p >= 1 or p is NaN")
        return self._seq(D.logseries1, [p], [("p", None)], size, "int64")

    def hypergeometric(self, ngood, nbad, nsample, size=None):
        return _hypergeometric(self, ngood, nbad, nsample, size)

    def multivariate_hypergeometric(self, colors, nsample, size=None, method="marginals"):
        cols = W.host(colors).astype(_np.int64)
        if cols.ndim != 1:
            raise ValueError("colors must be a one-dimensional sequence of nonnegative "
                             "integers not exceeding 9223372036854775807.")
        if _np.any(cols < 0):
            raise ValueError("colors must be a one-dimensional sequence of nonnegative "
                             "integers not exceeding 9223372036854775807.")
        if method not in ("count", "marginals"):
            raise ValueError('method must be "count" or "marginals".')
        total = int(cols.sum())
        if nsample < 0:
            raise ValueError("nsample must be nonnegative.")
        if nsample > total:
            raise ValueError("nsample > sum(colors)")
        shape = W.shape_of(size)
        m = 1 if shape is None else W.nelem(shape)
        src = D.Source(self._bit_generator, 4 * m * len(cols) + 8)
        rows = []
        try:
            for _ in range(m):
                rem_total, rem_n, row = total, int(nsample), []
                for c in cols.tolist()[:-1]:
                    k = D.hypergeometric1(src, c, rem_total - c, rem_n) if rem_n else 0
                    row.append(k)
                    rem_n -= k
                    rem_total -= c
                row.append(rem_n)
                rows.append(row)
        finally:
            src.close()
        out_shape = (len(cols),) if shape is None else shape + (len(cols),)
        return W.out_array(_np.array(rows, dtype=_np.int64).reshape(out_shape))

    def multinomial(self, n, pvals, size=None):
        return _multinomial(self, n, pvals, size, generator=True)

    def dirichlet(self, alpha, size=None):
        a = W.host(alpha, _np.float64)
        if a.ndim != 1:
            raise ValueError("alpha must be a one-dimensional sequence of floats")
        if _np.any(_np.less(a, 0)):
            raise ValueError("alpha < 0")
        shape = W.shape_of(size)
        shape = (a.size,) if shape is None else shape + (a.size,)
        m = W.nelem(shape[:-1])
        al = a.tolist()
        k = len(al)
        src = D.Source(self._bit_generator, m * k * 2 + 8)
        rows = []
        try:
            if k and max(al) < 0.1:
                csum = _np.cumsum(a[::-1])[::-1].tolist()
                for _ in range(m):
                    acc, row = 1.0, []
                    for j in range(k - 1):
                        v = D.beta1(src, al[j], csum[j + 1]) if al[j] > 0 else 0.0
                        row.append(acc * v)
                        acc *= 1.0 - v
                    row.append(acc)
                    rows.append(row)
            else:
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

    def multivariate_normal(self, mean, cov, size=None, check_valid="warn", tol=1e-8, *,
                            method="svd"):
        if method not in ("svd", "eigh", "cholesky"):
            raise ValueError("method must be one of {'eigh', 'svd', 'cholesky'}")
        return _mvn(self, mean, cov, size, check_valid, tol, method, generator=True)

    # ------------------------------------------------------------ shuffles and choice

    def shuffle(self, x, axis=0):
        from .._ndarray import ndarray, normalize_axis
        if isinstance(x, ndarray):
            axis = normalize_axis(axis, x.ndim) if x.ndim else axis
        elif axis != 0:
            raise NotImplementedError("Axis argument is only supported on ndarray objects") \
                if not isinstance(x, _np.ndarray) else None
        self._shuffle_into(x, axis)

    def permutation(self, x, axis=0):
        from .._ndarray import asnative, wrap, normalize_axis
        if isinstance(x, (int, _np.integer)):
            return W.out_array(self._perm_host(int(x)))
        nat = asnative(x)
        ndim = len(C.shape(nat))
        axis = normalize_axis(axis, ndim)
        perm = self._perm_host(C.shape(nat)[axis])
        return wrap(C.take(nat, C.asarray(perm), axis=axis))

    def permuted(self, x, axis=None, out=None):
        from .._ndarray import asnative, wrap, normalize_axis, ndarray
        nat = asnative(x)
        shp = tuple(C.shape(nat))
        if axis is None:
            flat = C.reshape(nat, (-1,))
            perm = self._perm_host(C.shape(flat)[0])
            res = C.reshape(C.take(flat, C.asarray(perm), axis=0), shp)
        else:
            axis = normalize_axis(axis, len(shp))
            moved = C.moveaxis(nat, axis, -1)
            mshape = tuple(C.shape(moved))
            rows = C.reshape(moved, (-1, mshape[-1]))
            nrow = C.shape(rows)[0]
            idx = _np.stack([self._perm_host(mshape[-1]) for _ in range(nrow)]) if nrow else \
                _np.zeros((0, mshape[-1]), _np.int64)
            flat_idx = (idx + _np.arange(nrow)[:, None] * mshape[-1]).ravel()
            res = C.take(C.reshape(rows, (-1,)), C.asarray(flat_idx), axis=0)
            res = C.moveaxis(C.reshape(res, mshape), -1, axis)
        if out is None:
            return wrap(res)
        if not isinstance(out, ndarray):
            raise TypeError("out must be a numpy array")
        if tuple(out.shape) != shp:
            raise ValueError("out must have the same shape as x")
        out._write(res)
        return out

    def _perm_lemire(self, n, first):
        return I.lemire_js(self._bit_generator, n, first)

    def choice(self, a, size=None, replace=True, p=None, axis=0, shuffle=True):
        pop, nat = self._choice_a(a)
        shape = W.shape_of(size)
        n = 1 if shape is None else W.nelem(shape)
        if nat is None:
            if pop <= 0 and n != 0:
                raise ValueError("a must be a positive integer unless no samples are taken")
        else:
            nat = pop
            from .._ndarray import normalize_axis
            axis = normalize_axis(axis, len(C.shape(nat)))
            pop = C.shape(nat)[axis]
            if pop == 0 and n != 0:
                raise ValueError("a cannot be empty unless no samples are taken")
        if p is not None:
            p = W.host(p, _np.float64)
            if p.ndim != 1:
                raise ValueError("p must be 1-dimensional")
            if p.size != pop:
                raise ValueError("a and p must have same size")
            p_sum = math.fsum(p.tolist()) if not _np.isnan(p).any() else math.nan
            if math.isnan(p_sum):
                raise ValueError("Probabilities contain NaN")
            if _np.logical_or.reduce(p < 0):
                raise ValueError("Probabilities are not non-negative")
            if abs(p_sum - 1.0) > math.sqrt(_np.finfo(_np.float64).eps):
                raise ValueError("Probabilities do not sum to 1. See Notes section of "
                                 "docstring for more information.")
        bg = self._bit_generator
        if replace:
            if p is not None:
                cdf = p.cumsum()
                cdf /= cdf[-1]
                idx = cdf.searchsorted(bg._dbl(n), side="right").astype(_np.int64)
            else:
                idx = I.bounded(bg, 0, pop - 1, n, 64, False).view(_np.int64) if pop > 0 \
                    else _np.zeros(n, _np.int64)
        else:
            if n > pop:
                raise ValueError("Cannot take a larger sample than population when replace "
                                 "is False")
            if p is not None:
                if _np.count_nonzero(p > 0) < n:
                    raise ValueError("Fewer non-zero entries in p than size")
                idx = _choice_noreplace_p(bg, p, n)
            elif pop > 10000 and n > pop // 50:
                data = list(range(pop))
                js = I.lemire_js(bg, pop, max(pop - n, 1))
                I.fisher_yates(data, js)
                idx = _np.array(data[pop - n:], dtype=_np.int64)
            else:
                data = I.floyd(bg, pop, n)
                if shuffle:
                    I.fisher_yates(data, I.lemire_js(bg, n, 1))
                idx = _np.array(data, dtype=_np.int64)
        if shape is None:
            i = int(idx[0])
            return i if nat is None else self._pick(nat, i, None, axis)
        idx = idx.reshape(shape)
        if nat is None:
            return W.out_array(idx)
        return self._pick(nat, idx, shape, axis)


def default_rng(seed=None):
    if isinstance(seed, Generator):
        return seed
    if isinstance(seed, BitGenerator):
        return Generator(seed)
    return Generator(PCG64(seed))
