"""numpy.random for unify's numpy frontend.

Bit generators (MT19937, PCG64, PCG64DXSM, SFC64, Philox, SeedSequence) are unify's own,
written from the published algorithms, and reproduce NumPy's streams and states.  Samples
are drawn on the host and returned as frontend arrays on the current backend (float64 /
int64 as in NumPy, on every backend).

Same seed, same numbers as NumPy (bit for bit, and the same state afterwards):
  legacy (np.random.* / RandomState): seed, get_state/set_state, rand, randn, random,
    random_sample, ranf, sample, randint (every dtype), random_integers, tomaxint, bytes,
    uniform, standard_normal, normal, lognormal, standard_exponential, exponential,
    pareto, weibull, power, laplace, gumbel, logistic, rayleigh, triangular,
    standard_cauchy, wald, standard_gamma, gamma, beta, chisquare, noncentral_chisquare,
    f, noncentral_f, standard_t, binomial, negative_binomial, poisson, geometric, zipf,
    logseries, multinomial, dirichlet, multivariate_normal, choice, shuffle, permutation;
  Generator / default_rng: random (float64 and float32), integers (every dtype), bytes,
    uniform, choice, shuffle, permutation, permuted, standard_exponential(method="inv"),
    laplace, gumbel, logistic, triangular, poisson, binomial, geometric, zipf, logseries,
    multinomial.
Same words consumed (same state afterwards), values equal to ~1e-15 relative:
  Generator.standard_normal, normal, lognormal, standard_exponential, exponential, pareto,
  weibull, power, rayleigh, standard_cauchy, wald, standard_gamma, gamma, beta,
  chisquare, noncentral_chisquare, f, noncentral_f, standard_t, negative_binomial,
  dirichlet, multivariate_normal (unify builds its own ziggurat tables from the published
  construction; NumPy's precomputed tables differ in the last bits), and vonmises (both).
Statistically right only (moment tests): hypergeometric, Generator.multivariate_hypergeometric,
  and the float32 variants of Generator.standard_normal / standard_exponential /
  standard_gamma (drawn in float64 and rounded).
Not provided: MT19937.jumped.
"""
from ._seedseq import SeedSequence, ISeedSequence, ISpawnableSeedSequence, SeedlessSeedSequence
from ._bitgen import BitGenerator, MT19937, PCG64, PCG64DXSM, SFC64, Philox
from ._generator import Generator, default_rng
from ._legacy import RandomState

__all__ = ["beta", "binomial", "bytes", "chisquare", "choice", "dirichlet", "exponential", "f",
           "gamma", "geometric", "get_state", "gumbel", "hypergeometric", "laplace",
           "logistic", "lognormal", "logseries", "multinomial", "multivariate_normal",
           "negative_binomial", "noncentral_chisquare", "noncentral_f", "normal", "pareto",
           "permutation", "poisson", "power", "rand", "randint", "randn", "random",
           "random_integers", "random_sample", "ranf", "rayleigh", "sample", "seed",
           "set_state", "shuffle", "standard_cauchy", "standard_exponential",
           "standard_gamma", "standard_normal", "standard_t", "triangular", "uniform",
           "vonmises", "wald", "weibull", "zipf", "Generator", "RandomState", "SeedSequence",
           "MT19937", "PCG64", "PCG64DXSM", "SFC64", "Philox", "BitGenerator", "default_rng",
           "get_bit_generator", "set_bit_generator"]

_rand = RandomState()


def seed(seed=None):
    _rand.seed(seed)


def get_bit_generator():
    return _rand._bit_generator


def set_bit_generator(bitgen):
    _rand._bit_generator = bitgen
    _rand._has_gauss, _rand._gauss = 0, 0.0


def _bind(name):
    def f(*args, **kwargs):
        return getattr(_rand, name)(*args, **kwargs)
    f.__name__ = f.__qualname__ = name
    f.__doc__ = getattr(RandomState, name).__doc__
    return f


for _name in ("beta", "binomial", "bytes", "chisquare", "choice", "dirichlet", "exponential",
              "f", "gamma", "geometric", "get_state", "gumbel", "hypergeometric", "laplace",
              "logistic", "lognormal", "logseries", "multinomial", "multivariate_normal",
              "negative_binomial", "noncentral_chisquare", "noncentral_f", "normal", "pareto",
              "permutation", "poisson", "power", "rand", "randint", "randn", "random",
              "random_integers", "random_sample", "rayleigh", "set_state", "shuffle",
              "standard_cauchy", "standard_exponential", "standard_gamma", "standard_normal",
              "standard_t", "triangular", "uniform", "vonmises", "wald", "weibull", "zipf"):
    globals()[_name] = _bind(_name)
ranf = sample = _bind("random_sample")
del _name


def __getattr__(name):
    from .. import unsupported
    raise unsupported("numpy.random", name)
