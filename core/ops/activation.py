"""Activation functions with torch.nn.functional's semantics and defaults.

softmax and log_softmax are primitives (one fused native kernel each); the others are
composites of core ops, written with `where` so that gradients at the kinks follow
torch (e.g. relu'(0) = 0, leaky_relu'(0) = negative_slope) and so that the branch not
taken never produces inf/nan that could leak into gradients.
"""
import math

from ._define import defvjp, family, nondiff, unbroadcast  # noqa: F401
from .elementwise import add, divide, exp, greater, less, multiply, negative, subtract, where
from .inspection import ndim, shape

__all__: list[str] = []
op = family(__name__, __all__)

# ---------------------------------------------------------------- primitives

softmax = op("softmax(x, /, axis=-1)", doc="exp(x) / sum(exp(x), axis), computed stably (max subtracted).")
log_softmax = op("log_softmax(x, /, axis=-1)", doc="x - logsumexp(x, axis), computed stably.")


def _sum_keep(v, axis):
    from .reduction import sum
    return sum(v, axis=axis if ndim(v) else None, keepdims=True)  # 0-d: axis -1/0 is the element


def _softmax_vjp(g, out, x, axis):
    return (multiply(out, subtract(g, _sum_keep(multiply(g, out), axis))), None)


def _log_softmax_vjp(g, out, x, axis):
    return (subtract(g, multiply(exp(out), _sum_keep(g, axis))), None)


defvjp("softmax", _softmax_vjp)
defvjp("log_softmax", _log_softmax_vjp)

# ---------------------------------------------------------------- composites


def _le(x, v):
    from .elementwise import less_equal
    return less_equal(x, v)


def _relu(x):
    return where(_le(x, 0), 0, x)  # relu(nan) = nan, relu'(0) = 0


def _hardtanh(x, min_val=-1.0, max_val=1.0):
    from .elementwise import greater_equal
    if min_val > max_val:
        raise ValueError(f"hardtanh: min_val ({min_val}) must not exceed max_val ({max_val})")
    return where(_le(x, min_val), min_val, where(greater_equal(x, max_val), max_val, x))


def _relu6(x):
    return _hardtanh(x, 0.0, 6.0)


def _leaky_relu(x, negative_slope=0.01):
    return where(greater(x, 0), x, multiply(x, negative_slope))


def _neg_part(x):
    """x where x <= 0, 0 elsewhere (keeps exp(x) finite in the branch not taken)."""
    return where(greater(x, 0), 0.0, x)


def _elu(x, alpha=1.0):
    from .elementwise import expm1
    return where(greater(x, 0), x, multiply(alpha, expm1(_neg_part(x))))


_SELU_ALPHA = 1.6732632423543772848170429916717
_SELU_SCALE = 1.0507009873554804934193349852946


def _selu(x):
    return multiply(_SELU_SCALE, _elu(x, _SELU_ALPHA))


def _celu(x, alpha=1.0):
    from .elementwise import expm1
    if alpha == 0:
        raise ValueError("celu: alpha must not be 0")
    return where(greater(x, 0), x, multiply(alpha, expm1(divide(_neg_part(x), alpha))))


def _gelu(x, approximate="none"):
    if approximate == "none":
        from .special import ndtr
        return multiply(x, ndtr(x))
    if approximate == "tanh":
        from .elementwise import tanh
        inner = multiply(math.sqrt(2.0 / math.pi), add(x, multiply(0.044715, multiply(x, multiply(x, x)))))
        return multiply(multiply(0.5, x), add(1.0, tanh(inner)))
    raise ValueError(f"gelu: approximate must be 'none' or 'tanh', got {approximate!r}")


def _silu(x):
    from .special import sigmoid
    return multiply(x, sigmoid(x))


def _softplus_unit(z):
    """log(1 + exp(z)) without overflow: max(z, 0) + log1p(exp(-|z|)), exact gradient at 0."""
    from .elementwise import log1p
    pos = greater(z, 0)
    return add(where(pos, z, 0.0), log1p(exp(where(pos, negative(z), z))))


def _softplus(x, beta=1.0, threshold=20.0):
    bx = multiply(x, beta) if beta != 1 else x
    soft = _softplus_unit(bx)
    if beta != 1:
        soft = divide(soft, beta)
    return where(greater(bx, threshold), x, soft)


def _mish(x):
    from .elementwise import tanh
    return multiply(x, tanh(_softplus(x)))


def _softsign(x):
    from .elementwise import abs
    return divide(x, add(1.0, abs(x)))


def _hardsigmoid(x):
    from .elementwise import greater_equal
    return where(_le(x, -3.0), 0.0, where(greater_equal(x, 3.0), 1.0, add(divide(x, 6.0), 0.5)))


def _hardswish(x):
    # torch's gradient: 0 for x <= -3, x/3 + 1/2 inside, 1 for x >= 3
    from .elementwise import greater_equal
    return where(_le(x, -3.0), 0.0, where(greater_equal(x, 3.0), x, divide(multiply(x, add(x, 3.0)), 6.0)))


def _logsigmoid(x):
    # -softplus(-x) = min(x, 0) - log1p(exp(-|x|))
    from .elementwise import log1p
    pos = greater(x, 0)
    return subtract(where(pos, 0.0, x), log1p(exp(where(pos, negative(x), x))))


def _tanhshrink(x):
    from .elementwise import tanh
    return subtract(x, tanh(x))


def _check_lambd(name, lambd):
    if lambd < 0:
        raise ValueError(f"{name}: lambd must be >= 0, got {lambd}")


def _softshrink(x, lambd=0.5):
    _check_lambd("softshrink", lambd)
    return where(greater(x, lambd), subtract(x, lambd),
                 where(less(x, -lambd), add(x, lambd), multiply(x, 0)))


def _hardshrink(x, lambd=0.5):
    from .elementwise import greater_equal, logical_and
    _check_lambd("hardshrink", lambd)
    return where(logical_and(greater_equal(x, -lambd), _le(x, lambd)), 0, x)


def _threshold(x, threshold, value):
    return where(_le(x, threshold), value, x)


def _glu(x, axis=-1):
    from .indexing import getitem
    from .special import sigmoid
    nd = ndim(x)
    if nd == 0:
        raise ValueError("glu: input must have at least one dimension")
    if not -nd <= axis < nd:
        raise ValueError(f"glu: axis {axis} is out of range for {nd} dimensions")
    ax = axis % nd
    n = shape(x)[ax]
    if n % 2:
        raise ValueError(f"glu: the size of axis {axis} must be even, got {n}")
    head = (slice(None),) * ax
    a = getitem(x, head + (slice(0, n // 2),))
    b = getitem(x, head + (slice(n // 2, n),))
    return multiply(a, sigmoid(b))


def _softmin(x, axis=-1):
    return softmax(negative(x), axis)


def _prelu(x, weight):
    from .manipulation import reshape
    nw = 1
    for s in shape(weight):
        nw *= s
    nd = ndim(x)
    channels = shape(x)[1] if nd >= 2 else 1
    if nw == 1:
        w = reshape(weight, ())
    elif nw == channels:
        w = reshape(weight, (channels,) + (1,) * (nd - 2))
    else:
        raise ValueError(f"prelu: weight has {nw} elements; expected 1 or the {channels} channels "
                         f"of axis 1")
    return where(greater(x, 0), x, multiply(w, x))


relu = op("relu(x, /)", _relu, doc="max(x, 0); nan propagates; gradient 0 at 0 (torch).")
relu6 = op("relu6(x, /)", _relu6, doc="min(max(x, 0), 6).")
leaky_relu = op("leaky_relu(x, /, negative_slope=0.01)", _leaky_relu)
elu = op("elu(x, /, alpha=1.0)", _elu)
selu = op("selu(x, /)", _selu)
celu = op("celu(x, /, alpha=1.0)", _celu)
gelu = op("gelu(x, /, approximate='none')", _gelu,
          doc="x * ndtr(x) ('none') or the tanh approximation ('tanh').")
silu = op("silu(x, /)", _silu, doc="x * sigmoid(x).")
mish = op("mish(x, /)", _mish, doc="x * tanh(softplus(x)).")
softplus = op("softplus(x, /, beta=1.0, threshold=20.0)", _softplus,
              doc="log(1 + exp(beta x)) / beta, x itself where beta x > threshold (torch).")
softsign = op("softsign(x, /)", _softsign, doc="x / (1 + |x|).")
hardtanh = op("hardtanh(x, /, min_val=-1.0, max_val=1.0)", _hardtanh)
hardsigmoid = op("hardsigmoid(x, /)", _hardsigmoid, doc="relu6(x + 3) / 6.")
hardswish = op("hardswish(x, /)", _hardswish, doc="x * relu6(x + 3) / 6.")
logsigmoid = op("logsigmoid(x, /)", _logsigmoid, doc="log(sigmoid(x)), computed stably.")
tanhshrink = op("tanhshrink(x, /)", _tanhshrink, doc="x - tanh(x).")
softshrink = op("softshrink(x, /, lambd=0.5)", _softshrink)
hardshrink = op("hardshrink(x, /, lambd=0.5)", _hardshrink)
threshold = op("threshold(x, threshold, value, /)", _threshold,
               doc="x where x > threshold, else value (torch.nn.functional.threshold).")
glu = op("glu(x, /, axis=-1)", _glu, doc="a * sigmoid(b) for the halves a, b of x along axis.")
softmin = op("softmin(x, /, axis=-1)", _softmin, doc="softmax(-x, axis).")
prelu = op("prelu(x, weight, /)", _prelu,
           doc="x where x > 0, else weight * x; weight has 1 element or one per channel (axis 1).")
