"""Reductions, scans and statistics (Array API spelling; NumPy 2.x semantics).

Axes: `axis` is None (all), an int or a tuple of ints; an axis out of range
raises numpy's AxisError (a ValueError and an IndexError) on every backend.
Integer and bool inputs: sum/prod/cumulative_sum/cumulative_prod accumulate in
int64 (uint64 for unsigned) unless `dtype` is given; mean, std, var, median,
quantile and average give float64. max/min/argmax/argmin of an empty
reduction raise ValueError.
"""
import operator

from numpy.exceptions import AxisError

from .. import dtypes as D
from ._define import defvjp, family, nondiff, unbroadcast  # noqa: F401
from .inspection import dtype_of, shape

__all__: list[str] = []
op = family(__name__, __all__)


# ---------------------------------------------------------------- helpers (also used by backends)


def _norm_axes(axis, ndim):
    """None / int / tuple -> tuple of non-negative axes (in the given order).

    Raises AxisError (ValueError and IndexError) for an axis out of range and
    ValueError for a repeated axis.
    """
    if axis is None:
        return tuple(range(ndim))
    axes = (axis,) if not isinstance(axis, (tuple, list)) else axis
    out = []
    for a in axes:
        if isinstance(a, bool):
            raise TypeError(f"axis must be an int, got {a!r}")
        a = operator.index(a)
        if not -ndim <= a < ndim:
            raise AxisError(a, ndim)
        out.append(a % ndim)
    if len(set(out)) != len(out):
        raise ValueError(f"repeated axis in {axis!r}")
    return tuple(out)


def _norm_axis(axis, ndim):
    """One int axis -> non-negative (AxisError when out of range)."""
    if isinstance(axis, bool):
        raise TypeError(f"axis must be an int, got {axis!r}")
    a = operator.index(axis)
    if not -ndim <= a < ndim:
        raise AxisError(a, ndim)
    return a % ndim


def _scan_axis(axis, ndim, name):
    """The axis of a cumulative op: None is allowed for 0-d and 1-d input only."""
    if axis is None:
        if ndim > 1:
            raise ValueError(f"{name}: axis must be given for an input with more than one dimension")
        return 0
    return _norm_axis(axis, ndim if ndim else 1)


def _kept_shape(xs, axes):
    return tuple(1 if i in axes else s for i, s in enumerate(xs))


def _reduced_shape(xs, axes, keepdims):
    return _kept_shape(xs, axes) if keepdims else tuple(s for i, s in enumerate(xs) if i not in axes)


def _count(xs, axes):
    n = 1
    for a in axes:
        n *= xs[a]
    return n


def _check_nonempty(xs, axis, name):
    """ValueError when a reduction without identity runs over an empty axis (NumPy)."""
    for a in _norm_axes(axis, len(xs)):
        if xs[a] == 0:
            raise ValueError(f"zero-size array to reduction operation {name} which has no identity")


def _acc_dtype(d):
    """Accumulator dtype of sum/prod/cumulative_* for input dtype d (dtype=None)."""
    if d.kind in "bi":
        return D.int64
    if d.kind == "u":
        return D.uint64
    return d


def _float_dtype(d):
    """Result dtype of mean-like ops: ints and bool give float64."""
    return d if d.kind in "fc" else D.float64


def _expand(g, xs, axes, keepdims):
    """A reduction's cotangent reshaped so it broadcasts against the input."""
    from .manipulation import reshape
    if not keepdims:
        g = reshape(g, _kept_shape(xs, axes))
    return g


def _flip(x, axis):
    from .manipulation import flip
    return flip(x, axis=axis)


def _slice(x, axis, start=None, stop=None):
    from .indexing import getitem
    return getitem(x, (slice(None),) * axis + (slice(start, stop),))


def _revcumsum(x, axis):
    return _flip(cumulative_sum(_flip(x, axis), axis=axis), axis)


def _isnan(x):
    from .elementwise import isnan
    return isnan(x)


def _not_equal(x, v):
    from .elementwise import not_equal
    return not_equal(x, v)


def _as_float(x):
    from .manipulation import astype
    d = dtype_of(x)
    return x if d.kind in "fc" else astype(x, D.float64)


# ---------------------------------------------------------------- primitives

sum = op("sum(x, /, *, axis=None, dtype=None, keepdims=False)",
         doc="bool/int input accumulates in int64, unsigned in uint64 (NumPy), unless dtype is given.")
prod = op("prod(x, /, *, axis=None, dtype=None, keepdims=False)",
          doc="bool/int input accumulates in int64, unsigned in uint64 (NumPy), unless dtype is given.")
mean = op("mean(x, /, *, axis=None, keepdims=False)", doc="bool/int input gives float64 (NumPy).")
max = op("max(x, /, *, axis=None, keepdims=False)",
         doc="An empty reduction raises ValueError. The gradient is shared evenly among ties (torch.amax).")
min = op("min(x, /, *, axis=None, keepdims=False)",
         doc="An empty reduction raises ValueError. The gradient is shared evenly among ties (torch.amin).")
all = op("all(x, /, *, axis=None, keepdims=False)")
any = op("any(x, /, *, axis=None, keepdims=False)")
argmax = op("argmax(x, /, *, axis=None, keepdims=False)",
            doc="int64 indices of the first maximum; axis None flattens. Empty raises ValueError.")
argmin = op("argmin(x, /, *, axis=None, keepdims=False)",
            doc="int64 indices of the first minimum; axis None flattens. Empty raises ValueError.")
cumulative_sum = op("cumulative_sum(x, /, *, axis=None, dtype=None, include_initial=False)",
                    doc="axis may be None only for 0-d/1-d input. Accumulator dtype as sum.")
cumulative_prod = op("cumulative_prod(x, /, *, axis=None, dtype=None, include_initial=False)",
                     doc="axis may be None only for 0-d/1-d input. Accumulator dtype as prod.")
cummax = op("cummax(x, /, axis)",
            doc="(values, indices) like torch.cummax: indices (int64) of the last running maximum among ties.")
cummin = op("cummin(x, /, axis)",
            doc="(values, indices) like torch.cummin: indices (int64) of the last running minimum among ties.")
logcumsumexp = op("logcumsumexp(x, /, axis)", doc="log(cumsum(exp(x))) computed stably; real floating input.")
logsumexp = op("logsumexp(x, /, *, axis=None, keepdims=False)",
               doc="log(sum(exp(x))) computed stably; real input (ints give float64).")

count_nonzero = op("count_nonzero(x, /, *, axis=None, keepdims=False)", doc="int64 counts.")

nondiff("all", "any", "argmax", "argmin", "count_nonzero")


def _sum_vjp(g, out, x, axis, dtype, keepdims):
    from .manipulation import astype, broadcast_to
    xs = shape(x)
    g = _expand(g, xs, _norm_axes(axis, len(xs)), keepdims)
    if dtype is not None and dtype is not dtype_of(x):
        g = astype(g, dtype_of(x))
    return (broadcast_to(g, xs),)


def _prod_vjp(g, out, x, axis, dtype, keepdims):
    # d prod / d x_i = product of the others; exact with zeros (one zero: only it gets a
    # gradient; two or more: none does).
    from .elementwise import conj, divide, equal, multiply, where
    from .manipulation import astype
    xs = shape(x)
    axes = _norm_axes(axis, len(xs))
    dt = dtype_of(x)
    g = _expand(g, xs, axes, keepdims)
    if dtype is not None and dtype is not dt:
        g = astype(g, dt)
    zero = equal(x, 0)
    nz = sum(astype(zero, D.int64), axis=axes, keepdims=True)
    safe = where(zero, 1, x)
    p = prod(safe, axis=axes, keepdims=True)  # product of the nonzero entries
    others = where(zero, where(equal(nz, 1), p, 0), where(equal(nz, 0), divide(p, safe), 0))
    return (multiply(g, conj(others)),)


def _mean_vjp(g, out, x, axis, keepdims):
    from .elementwise import divide
    from .manipulation import broadcast_to
    xs = shape(x)
    axes = _norm_axes(axis, len(xs))
    n = _count(xs, axes)
    return (broadcast_to(divide(_expand(g, xs, axes, keepdims), float(n) if n else 1.0), xs),)


def _extremum_vjp(g, out, x, axis, keepdims):
    from .elementwise import divide, equal, where
    from .manipulation import astype
    xs = shape(x)
    axes = _norm_axes(axis, len(xs))
    g = _expand(g, xs, axes, keepdims)
    o = _expand(out, xs, axes, keepdims)
    mask = equal(x, o)
    cnt = sum(astype(mask, dtype_of(g)), axis=axes, keepdims=True)
    return (where(mask, divide(g, cnt), 0.0),)


def _cumsum_vjp(g, out, x, axis, dtype, include_initial):
    from .manipulation import astype, reshape
    xs = shape(x)
    ax = _scan_axis(axis, len(xs), "cumulative_sum")
    if include_initial:
        g = _slice(g, ax, 1)
    r = _revcumsum(g, ax)
    if dtype is not None and dtype is not dtype_of(x):
        r = astype(r, dtype_of(x))
    return (reshape(r, xs) if tuple(shape(r)) != tuple(xs) else r,)


def _cumprod_vjp(g, out, x, axis, dtype, include_initial):
    # grad_j = sum_{k>=j} g_k prod_{i<=k, i!=j} x_i, exact with zeros: before the first
    # zero z it is revcumsum(g*out)_j / x_j; at z it is revcumsum(g*out')_z where out'
    # is the cumulative product with x_z replaced by 1; after z it is 0.
    from .elementwise import conj, divide, equal, multiply, where
    from .manipulation import astype, reshape
    xs = shape(x)
    ax = _scan_axis(axis, len(xs), "cumulative_prod")
    dt = dtype_of(x)
    if len(xs) == 0:
        x = reshape(x, (1,))
    if include_initial:
        g, out = _slice(g, ax, 1), _slice(out, ax, 1)
    if dtype is not None and dtype is not dt:
        g, out = astype(g, dt), astype(out, dt)
    xc, oc = conj(x), conj(out)
    zero = equal(x, 0)
    nzc = cumulative_sum(astype(zero, D.int64), axis=ax)
    before = equal(nzc, 0)
    first = where(zero, equal(nzc, 1), zero)
    safe = where(zero, 1, xc)
    a = divide(_revcumsum(multiply(g, oc), ax), safe)
    o1 = cumulative_prod(where(first, 1, xc), axis=ax)
    b = _revcumsum(multiply(g, o1), ax)
    r = where(before, a, where(first, b, 0))
    return (reshape(r, xs) if len(xs) == 0 else r,)


def _cumext_vjp(g, out, x, axis):
    from .creation import zeros_like
    from .manipulation import reshape
    from .searching import _put_along
    xs = shape(x)
    if len(xs) == 0:
        return (reshape(g[0], ()), None)
    ax = _scan_axis(axis, len(xs), "cummax")
    return (_put_along(zeros_like(x), out[1], g[0], ax), None)


def _logcumsumexp_vjp(g, out, x, axis):
    # grad_i = sum_{j>=i} g_j exp(x_i - out_j), split by the sign of g so that every
    # term is a logcumsumexp (stable, as torch does).
    from .elementwise import add, exp, greater, less, log, negative, subtract, where
    xs = shape(x)
    if len(xs) == 0:
        return (g, None)
    ax = _norm_axis(axis, len(xs))
    # log(0) stand-in: finite, so that the rule's own gradient has no inf - inf
    ninf = -D.finfo(D.real_dtype(dtype_of(out))).max / 4
    pos, neg = greater(g, 0), less(g, 0)
    lp = where(pos, log(where(pos, g, 1)), ninf)
    ln = where(neg, log(where(neg, negative(g), 1)), ninf)
    rp = _flip(logcumsumexp(_flip(subtract(lp, out), ax), ax), ax)
    rn = _flip(logcumsumexp(_flip(subtract(ln, out), ax), ax), ax)
    return (subtract(exp(add(x, rp)), exp(add(x, rn))), None)


def _logsumexp_vjp(g, out, x, axis, keepdims):
    from .elementwise import exp, multiply, subtract
    xs = shape(x)
    axes = _norm_axes(axis, len(xs))
    g = _expand(g, xs, axes, keepdims)
    o = _expand(out, xs, axes, keepdims)
    return (multiply(g, exp(subtract(x, o))),)


defvjp("sum", _sum_vjp)
defvjp("prod", _prod_vjp)
defvjp("mean", _mean_vjp)
defvjp("max", _extremum_vjp)
defvjp("min", _extremum_vjp)
defvjp("cumulative_sum", _cumsum_vjp)
defvjp("cumulative_prod", _cumprod_vjp)
defvjp("cummax", _cumext_vjp)
defvjp("cummin", _cumext_vjp)
defvjp("logcumsumexp", _logcumsumexp_vjp)
defvjp("logsumexp", _logsumexp_vjp)


# ---------------------------------------------------------------- composites


def _var(x, axis, correction, keepdims):
    from .elementwise import divide
    x = _as_float(x)
    xs = shape(x)
    axes = _norm_axes(axis, len(xs))
    n = _count(xs, axes)
    from .elementwise import subtract
    s = _sum_sq(subtract(x, mean(x, axis=axes, keepdims=True)), axes, keepdims)
    return divide(s, float(n - correction) if n - correction > 0 else 0.0)


def _std(x, axis, correction, keepdims):
    from .elementwise import sqrt
    return sqrt(_var(x, axis, correction, keepdims))


def _diff(x, axis, n, prepend, append):
    from .creation import full
    from .elementwise import subtract
    from .manipulation import astype, broadcast_to, concat
    if n < 0:
        raise ValueError(f"diff: order n must be non-negative, got {n}")
    xs = shape(x)
    if len(xs) == 0:
        raise ValueError("diff requires input that is at least one dimensional")
    ax = _norm_axis(axis, len(xs))
    if n == 0:
        return x
    scalars = (bool, int, float, complex)
    dt = dtype_of(x)
    for e in (prepend, append):
        if e is not None and not isinstance(e, scalars):
            dt = D.promote_types(dt, dtype_of(e))

    def edge(e):
        es = tuple(1 if i == ax else s for i, s in enumerate(xs))
        if isinstance(e, scalars):
            return full(es, e, dtype=dt)
        if len(shape(e)) == 0:
            e = broadcast_to(e, es)
        return e if dtype_of(e) is dt else astype(e, dt)

    if prepend is not None or append is not None:
        seq = [x if dtype_of(x) is dt else astype(x, dt)]
        if prepend is not None:
            seq.insert(0, edge(prepend))
        if append is not None:
            seq.append(edge(append))
        x = concat(seq, axis=ax)
    for _ in range(n):
        a, b = _slice(x, ax, 1), _slice(x, ax, None, -1)
        x = _not_equal(a, b) if dt is D.bool else subtract(a, b)
    return x


def _moved(x, axes):
    """x with `axes` moved to the front and merged into one: (N, rest...)."""
    from .manipulation import permute_dims, reshape
    xs = shape(x)
    rest = [i for i in range(len(xs)) if i not in axes]
    perm = tuple(axes) + tuple(rest)
    if perm != tuple(range(len(xs))):
        x = permute_dims(x, perm)
    return reshape(x, (_count(xs, axes),) + tuple(xs[i] for i in rest))


def _median(x, axis, keepdims):
    from .elementwise import add, multiply
    from .indexing import getitem
    from .manipulation import reshape
    from .searching import sort
    x = _as_float(x)
    xs = shape(x)
    axes = _norm_axes(axis, len(xs))
    outshape = _reduced_shape(xs, axes, keepdims)
    n = _count(xs, axes)
    if n == 0:
        from .creation import full
        return full(outshape, float("nan"), dtype=dtype_of(x))
    s = sort(_moved(x, sorted(axes)), axis=0)
    if n % 2:
        r = getitem(s, n // 2)
    else:
        r = multiply(add(getitem(s, n // 2 - 1), getitem(s, n // 2)), 0.5)
    return reshape(r, outshape)


_QMETHODS = ("linear", "lower", "higher", "nearest", "midpoint")


def _quantile(x, q, axis, keepdims, method):
    from .elementwise import add, multiply, subtract, where
    from .indexing import getitem
    from .manipulation import astype, reshape
    from .searching import sort
    if method not in _QMETHODS:
        raise ValueError(f"quantile: method must be one of {_QMETHODS}, got {method!r}")
    dt = _float_dtype(dtype_of(x))
    if method not in ("lower", "higher", "nearest"):
        x = _as_float(x)  # the discontinuous methods keep x's dtype (NumPy)
    xs = shape(x)
    axes = _norm_axes(axis, len(xs))
    n = _count(xs, axes)
    if n == 0:
        raise ValueError("quantile of an empty reduction")
    s = sort(_moved(x, sorted(axes)), axis=0)
    scalar_q = isinstance(q, (int, float)) and not isinstance(q, bool)
    if scalar_q:
        if not 0.0 <= q <= 1.0:
            raise ValueError("quantiles must be in the range [0, 1]")
        qs = ()
        pos = q * (n - 1)
        lo = int(pos // 1)
        hi = lo + 1 if lo + 1 < n else n - 1
        frac = pos - lo
        if method == "lower":
            r = getitem(s, lo)
        elif method == "higher":
            r = getitem(s, lo if frac == 0 else hi)
        elif method == "nearest":
            idx = round(pos)  # half to even, as NumPy
            r = getitem(s, idx)
        elif method == "midpoint":
            r = getitem(s, lo) if frac == 0 else multiply(add(getitem(s, lo), getitem(s, hi)), 0.5)
        else:
            a, b = getitem(s, lo), getitem(s, hi)
            d = subtract(b, a)
            r = add(a, multiply(d, frac)) if frac < 0.5 else subtract(b, multiply(d, 1.0 - frac))
    else:
        from .elementwise import equal, greater, less
        qs = tuple(shape(q))
        qf = astype(q, dt) if dtype_of(q) is not dt else q
        pos = multiply(qf, float(n - 1))
        lo = astype(pos, D.int64)  # pos >= 0: truncation is floor
        lo = where(less(lo, 0), 0, where(greater(lo, n - 1), n - 1, lo))
        hi = where(greater(add(lo, 1), n - 1), n - 1, add(lo, 1))
        frac = subtract(pos, astype(lo, dt))
        exact = equal(frac, 0)
        if method == "lower":
            idx = lo
        elif method == "higher":
            idx = where(exact, lo, hi)
        elif method == "nearest":
            # round half to even, as NumPy
            from .elementwise import remainder
            lo_odd = _not_equal(remainder(lo, 2), 0)
            up = where(equal(frac, 0.5), lo_odd, greater(frac, 0.5))
            idx = where(up, hi, lo)
        else:
            idx = None
        if idx is not None:
            r = getitem(s, idx)
        else:
            a, b = getitem(s, lo), getitem(s, hi)
            rest = (1,) * (len(shape(a)) - len(qs))
            if method == "midpoint":
                r = where(reshape(exact, qs + rest), a, multiply(add(a, b), 0.5))
            else:
                f = reshape(frac, qs + rest)
                d = subtract(b, a)
                r = where(less(f, 0.5), add(a, multiply(d, f)), subtract(b, multiply(d, subtract(1.0, f))))
    return reshape(r, qs + _reduced_shape(xs, axes, keepdims))


def _nan_fill(x, value):
    from .elementwise import where
    if dtype_of(x).kind not in "fc":
        return x
    return where(_isnan(x), value, x)


def _nansum(x, axis, dtype, keepdims):
    return sum(_nan_fill(x, 0), axis=axis, dtype=dtype, keepdims=keepdims)


def _nanprod(x, axis, dtype, keepdims):
    return prod(_nan_fill(x, 1), axis=axis, dtype=dtype, keepdims=keepdims)


def _nan_count(x, axis, keepdims, dt):
    from .elementwise import logical_not
    from .manipulation import astype
    return sum(astype(logical_not(_isnan(x)), dt), axis=axis, keepdims=keepdims)


def _nanmean(x, axis, keepdims):
    from .elementwise import divide
    if dtype_of(x).kind not in "fc":
        return mean(x, axis=axis, keepdims=keepdims)
    dt = D.real_dtype(dtype_of(x))
    return divide(_nansum(x, axis, None, keepdims), _nan_count(x, axis, keepdims, dt))


def _nanext(fn, fill):
    def impl(x, axis, keepdims):
        from .elementwise import where
        if dtype_of(x).kind not in "fc":
            return fn(x, axis=axis, keepdims=keepdims)
        nan = _isnan(x)
        r = fn(where(nan, fill, x), axis=axis, keepdims=keepdims)
        return where(all(nan, axis=axis, keepdims=keepdims), float("nan"), r)
    return impl


def _nanvar(x, axis, correction, keepdims):
    from .elementwise import divide, subtract, where
    if dtype_of(x).kind not in "fc":
        return _var(x, axis, correction, keepdims)
    xs = shape(x)
    axes = _norm_axes(axis, len(xs))
    dt = D.real_dtype(dtype_of(x))
    nan = _isnan(x)
    m = _nanmean(x, axes, True)
    d = where(nan, 0, subtract(x, m))
    s = _sum_sq(d, axes, keepdims)
    cnt = subtract(_nan_count(x, axes, keepdims, dt), float(correction))
    from .elementwise import less
    return divide(s, where(less(cnt, 0), 0.0, cnt))


def _sum_sq(d, axes, keepdims):
    """sum(|d|**2) over axes (real)."""
    from .elementwise import conj, multiply, real
    if dtype_of(d).kind == "c":
        sq = real(multiply(d, conj(d)))
    else:
        sq = multiply(d, d)
    return sum(sq, axis=axes, keepdims=keepdims)


def _nanstd(x, axis, correction, keepdims):
    from .elementwise import sqrt
    return sqrt(_nanvar(x, axis, correction, keepdims))


def _ptp(x, axis, keepdims):
    from .elementwise import subtract
    if dtype_of(x) is D.bool:
        raise TypeError("ptp: bool input is not supported (NumPy cannot subtract booleans)")
    return subtract(max(x, axis=axis, keepdims=keepdims), min(x, axis=axis, keepdims=keepdims))


def _average(x, axis, weights, keepdims):
    from .elementwise import divide, multiply
    from .manipulation import broadcast_to, reshape
    if weights is None:
        return mean(x, axis=axis, keepdims=keepdims)
    x, w = _as_float(x), _as_float(weights)
    xs, ws = shape(x), shape(w)
    if tuple(xs) != tuple(ws):
        if axis is None:
            raise ValueError("average: axis must be given when weights and x differ in shape")
        if len(ws) != 1 or isinstance(axis, (tuple, list)):
            raise ValueError("average: 1-D weights need an int axis")
        ax = _norm_axis(axis, len(xs))
        if ws[0] != xs[ax]:
            raise ValueError("average: length of weights differs from x along axis")
        w = broadcast_to(reshape(w, tuple(s if i == ax else 1 for i, s in enumerate(xs))), xs)
    return divide(sum(multiply(x, w), axis=axis, keepdims=keepdims), sum(w, axis=axis, keepdims=keepdims))


var = op("var(x, /, *, axis=None, correction=0.0, keepdims=False)", _var,
         doc="Complex input gives the real variance; ints give float64.")
std = op("std(x, /, *, axis=None, correction=0.0, keepdims=False)", _std,
         doc="Complex input gives a real result; ints give float64.")
diff = op("diff(x, /, *, axis=-1, n=1, prepend=None, append=None)", _diff,
          doc="n-th discrete difference along axis (bool: not_equal, as NumPy).")
median = op("median(x, /, *, axis=None, keepdims=False)", _median,
            doc="NumPy semantics: the mean of the two middle values for even counts; ints give float64.")
quantile = op("quantile(x, q, /, *, axis=None, keepdims=False, method='linear')", _quantile,
              doc="q: a float in [0, 1] or an array (its dims lead the result). method: 'linear', "
                  "'lower', 'higher', 'nearest' or 'midpoint' (NumPy). The result has x's floating "
                  "dtype (ints give float64; 'lower', 'higher' and 'nearest' keep x's dtype).")
nansum = op("nansum(x, /, *, axis=None, dtype=None, keepdims=False)", _nansum, doc="NaNs count as 0.")
nanprod = op("nanprod(x, /, *, axis=None, dtype=None, keepdims=False)", _nanprod, doc="NaNs count as 1.")
nanmean = op("nanmean(x, /, *, axis=None, keepdims=False)", _nanmean,
             doc="Mean of the non-NaN values (NaN for an all-NaN slice).")
nanmax = op("nanmax(x, /, *, axis=None, keepdims=False)", _nanext(max, float("-inf")),
            doc="max ignoring NaNs (NaN for an all-NaN slice).")
nanmin = op("nanmin(x, /, *, axis=None, keepdims=False)", _nanext(min, float("inf")),
            doc="min ignoring NaNs (NaN for an all-NaN slice).")
nanvar = op("nanvar(x, /, *, axis=None, correction=0.0, keepdims=False)", _nanvar)
nanstd = op("nanstd(x, /, *, axis=None, correction=0.0, keepdims=False)", _nanstd)
ptp = op("ptp(x, /, *, axis=None, keepdims=False)", _ptp, doc="max - min (bool input: TypeError).")
average = op("average(x, /, *, axis=None, weights=None, keepdims=False)", _average,
             doc="Weighted mean; 1-D weights apply along an int axis. Ints give float64.")
