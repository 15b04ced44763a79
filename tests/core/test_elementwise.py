"""Elementwise ops on every backend against the numpy backend, and their gradients."""
import math

import numpy as np
import pytest
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import unify
import unify.core as C
import harness
from harness import (ALL, BOOL, COMPLEX, F64, FLOATS, HALF, INTS, NUMERIC, REAL, Spec, check_grad, check_spec,
                     shapes, with_kwargs)

FH = FLOATS + HALF
FC = FLOATS + COMPLEX
FHC = FH + COMPLEX
LOGIC = BOOL + INTS


# ---------------------------------------------------------------- strategies
# TensorFlow and XLA (jax) on CPU flush subnormals to zero in arithmetic and comparisons, and
# TensorFlow's complex sqrt overflows just above the underflow threshold: inputs here are zero
# or at least sqrt(tiny) in magnitude (frexp draws subnormals on purpose).


def _big_enough(dt):
    t = math.sqrt(float(np.finfo(np.dtype(dt)).tiny))
    return lambda v: v == 0 or not (-t < v.real < t and v.real != 0) and not (-t < v.imag < t and v.imag != 0)


def elements(dtype, lo=None, hi=None, nonzero=False):
    e = harness.elements(dtype, lo, hi, nonzero)
    return e.filter(_big_enough(dtype)) if np.dtype(dtype).kind in "fc" else e


def arrays(dtype, shape=None, lo=None, hi=None, nonzero=False, **shape_kw):
    shape = shapes(**shape_kw) if shape is None else shape
    return hnp.arrays(np.dtype(dtype), shape, elements=elements(dtype, lo, hi, nonzero))


def unary(lo=None, hi=None, nonzero=False, **kw):
    """harness.unary without subnormals."""
    return lambda dt: arrays(dt, lo=lo, hi=hi, nonzero=nonzero, **kw).map(lambda a: ((a,), {}))


def binary(lo=None, hi=None, nonzero_rhs=False):
    """harness.binary without subnormals."""
    def make(dt):
        return hnp.mutually_broadcastable_shapes(num_shapes=2, max_dims=3, max_side=4).flatmap(
            lambda s: st.tuples(arrays(dt, s.input_shapes[0], lo, hi),
                                arrays(dt, s.input_shapes[1], lo, hi, nonzero_rhs))).map(lambda t: (t, {}))
    return make



def _width(dt):
    dt = np.dtype(dt)
    return 16 if dt == np.float16 else 32 if dt in (np.float32, np.complex64) else 64


def _el(dt, lo=None, hi=None, clo=None, chi=None, cnonzero=False):
    """Elements in [lo, hi] for real dtypes; complex dtypes take [clo, chi] for both parts."""
    dt = np.dtype(dt)
    if dt.kind == "c":
        return elements(dt, clo, chi, nonzero=cnonzero)
    return elements(dt, lo, hi)


def dom(lo=None, hi=None, clo=None, chi=None, cnonzero=False):
    """One array, real values in [lo, hi], complex values anywhere (or with nonzero parts)."""
    return lambda dt: hnp.arrays(dt, shapes(), elements=_el(dt, lo, hi, clo, chi, cnonzero)).map(
        lambda a: ((a,), {}))


def special(dt):
    """Elements with nan, +-inf and -0.0 for floating dtypes; ordinary ones otherwise."""
    dt = np.dtype(dt)
    if dt.kind not in "fc":
        return elements(dt)
    f = st.one_of(st.sampled_from([math.nan, math.inf, -math.inf, -0.0, 0.0]),
                  st.floats(-10, 10, width=_width(dt) if dt.kind == "f" else 64 if dt.itemsize == 16 else 32))
    f = f.filter(_big_enough(dt))
    return st.builds(complex, f, f) if dt.kind == "c" else f


def special_unary(dt):
    return hnp.arrays(dt, shapes(), elements=special(dt)).map(lambda a: ((a,), {}))


def quotient(dt):
    return pair(elements, lambda d: elements(d, nonzero=True))(dt)


def pair(el1, el2):
    """Two arrays of one dtype, mutually broadcastable; el1/el2 map a dtype to elements."""
    def make(dt):
        return hnp.mutually_broadcastable_shapes(num_shapes=2, max_dims=3, max_side=4).flatmap(
            lambda s: st.tuples(hnp.arrays(dt, s.input_shapes[0], elements=el1(dt)),
                                hnp.arrays(dt, s.input_shapes[1], elements=el2(dt)))).map(lambda t: (t, {}))
    return make


def _pow_base(dt):
    dt = np.dtype(dt)
    if dt.kind in "iu":
        return elements(dt, -10, 10)
    if dt.kind == "c":
        return elements(dt, -2, 2, nonzero=True)
    return elements(dt, 0.125, 4 if dt == np.float16 else 10)


def _pow_exp(dt):
    dt = np.dtype(dt)
    if dt.kind in "iu":
        return elements(dt, 0, 5)
    if dt.kind == "c":
        return elements(dt, -2, 2)
    return elements(dt, -3, 3)


def _shift(dt):
    return st.integers(0, np.dtype(dt).itemsize * 8 - 1)


def where_args(dt):
    return hnp.mutually_broadcastable_shapes(num_shapes=3, max_dims=3, max_side=4).flatmap(
        lambda s: st.tuples(hnp.arrays(np.dtype(bool), s.input_shapes[0]),
                            hnp.arrays(dt, s.input_shapes[1], elements=elements(dt)),
                            hnp.arrays(dt, s.input_shapes[2], elements=elements(dt)))).map(lambda t: (t, {}))


def _bound(dt, xshape, lo, hi):
    """None, a weak Python scalar or an array broadcastable to x (values in [lo, hi])."""
    dt = np.dtype(dt)
    scalar = st.integers(max(lo, 0) if dt.kind == "u" else lo, hi) if dt.kind in "iu" else \
        st.floats(lo, hi, width=_width(dt)).filter(_big_enough(dt))
    arr = hnp.broadcastable_shapes(xshape, min_side=0, max_dims=len(xshape)).flatmap(
        lambda s: hnp.arrays(dt, s, elements=elements(dt, lo, hi)))
    return st.one_of(st.none(), scalar, arr)


def clip_args(dt):
    return shapes().flatmap(lambda s: st.tuples(
        hnp.arrays(dt, s, elements=elements(dt)), _bound(dt, s, -10, 0), _bound(dt, s, 0, 10))).map(
        lambda t: ((t[0],), {"min": t[1], "max": t[2]}))


def isclose_args(dt):
    dt = np.dtype(dt)
    if dt.kind in "fc":
        vals = [0.0, 1.0, 1.00001, 1.001, 1.2, -1.0, 1e-9, math.inf, -math.inf, math.nan]
        vals = sorted({float(np.asarray(v, dtype=dt.type(0).real.dtype)) for v in vals}, key=str)
        f = st.sampled_from(vals)
        el = st.builds(complex, f, f) if dt.kind == "c" else f
    else:
        el = elements(dt, -10, 10)
    return with_kwargs(pair(lambda d: el, lambda d: el),
                       rtol=st.sampled_from([1e-5, 1e-3, 0.125]), atol=st.sampled_from([1e-8, 0.0, 0.5]),
                       equal_nan=st.booleans())(dt)


def nan_to_num_args(dt):
    num = st.floats(-5, 5, width=16)
    opt = st.one_of(st.none(), st.floats(-100, 100, width=16))
    return with_kwargs(special_unary, nan=num, posinf=opt, neginf=opt)(dt)


def frexp_args(dt):
    el = st.floats(width=_width(dt), allow_nan=True, allow_infinity=True)
    return hnp.arrays(dt, shapes(), elements=el).map(lambda a: ((a,), {}))


def ldexp_args(dt):
    return hnp.mutually_broadcastable_shapes(num_shapes=2, max_dims=3, max_side=4).flatmap(
        lambda s: st.tuples(hnp.arrays(dt, s.input_shapes[0], elements=elements(dt)),
                            hnp.arrays(np.int32, s.input_shapes[1], elements=st.integers(-12, 12)))).map(
        lambda t: (t, {}))


def heaviside_args(dt):
    x1 = st.one_of(st.sampled_from([0.0, -0.0, 1.0, -2.0]), elements(dt))
    return pair(lambda d: x1, lambda d: elements(d))(dt)


# gradient inputs (float64): away from kinks, poles and jumps


def away(lo, hi=10.0):
    """Floats with lo <= |v| <= hi."""
    return st.builds(lambda s, v: -v if s else v, st.booleans(), st.floats(lo, hi))


def frac(lo=-5, hi=5, margin=0.1):
    """Non-integers at least `margin` away from every integer (and from halves when margin > .25)."""
    return st.builds(lambda k, f: k + f, st.integers(lo, hi - 1), st.floats(margin, 1 - margin))


def g1(el, max_dims=2):
    return lambda dt: hnp.arrays(F64, shapes(max_dims=max_dims), elements=el).map(lambda a: ((a,), {}))


def g2(el1, el2):
    return pair(lambda d: el1, lambda d: el2)


def quotient_args(dt):
    """(x1, x2) with x1 / x2 at least 0.1 away from integers (remainder/fmod jump there)."""
    return shapes(max_dims=2).flatmap(lambda s: st.tuples(
        hnp.arrays(F64, s, elements=frac(-5, 5, 0.1)), hnp.arrays(F64, s, elements=away(0.5, 5)))).map(
        lambda t: ((np.asarray(t[0] * t[1]), t[1]), {}))


def distinct_args(dt):
    """(x1, x2) with |x1 - x2| >= 0.1 (no ties: fmax/fmin give ties to x1, finite differences halve)."""
    return shapes(max_dims=2).flatmap(lambda s: st.tuples(
        hnp.arrays(F64, s, elements=st.floats(-5, 5)), hnp.arrays(F64, s, elements=away(0.1, 5)))).map(
        lambda t: ((t[0], np.asarray(t[0] + t[1])), {}))


def clip_grad_args(dt):
    """x non-integer, min/max integer-valued arrays broadcastable to x (no ties, min <= max)."""
    return shapes(min_dims=1, max_dims=2).flatmap(lambda s: st.tuples(
        hnp.arrays(F64, s, elements=frac(-6, 6, 0.1)),
        hnp.broadcastable_shapes(s, min_side=0, max_dims=len(s)).flatmap(
            lambda b: hnp.arrays(F64, b, elements=st.integers(-5, -1).map(float))),
        hnp.broadcastable_shapes(s, min_side=0, max_dims=len(s)).flatmap(
            lambda b: hnp.arrays(F64, b, elements=st.integers(1, 5).map(float))))).map(
        lambda t: (t, {}))


def frexp_grad_args(dt):
    """Away from powers of two (the mantissa jumps there)."""
    el = st.builds(lambda s, k, m: (-1) ** s * m * 2.0 ** k, st.integers(0, 1), st.integers(-5, 5),
                   st.floats(0.55, 0.95))
    return hnp.arrays(F64, shapes(max_dims=2), elements=el).map(lambda a: ((a,), {}))


def ldexp_grad_args(dt):
    return st.tuples(hnp.arrays(F64, (3,), elements=st.floats(-10, 10)),
                     hnp.arrays(np.int32, (3,), elements=st.integers(-5, 5))).map(lambda t: (t, {}))


def off_half():
    """Non-integers at least 0.1 away from integers and from halves (round jumps at halves)."""
    return st.builds(lambda k, f, s: k + (f if s else 1 - f), st.integers(-5, 4), st.floats(0.1, 0.4),
                     st.booleans())


POS = g1(st.floats(0.1, 10))
TIES = st.sampled_from([-1.0, 0.0, 0.5, 2.0])

# ---------------------------------------------------------------- specs

SPECS = {
    # arithmetic
    "add": Spec(binary(), BOOL + NUMERIC + HALF, grad=(0, 1)),
    "subtract": Spec(binary(), NUMERIC + HALF, grad=(0, 1)),
    "multiply": Spec(binary(), BOOL + NUMERIC + HALF, grad=(0, 1)),
    "divide": Spec(binary(nonzero_rhs=True), FHC, grad=(0, 1), grad_args=g2(st.floats(-10, 10), away(0.5))),
    "negative": Spec(unary(), NUMERIC + HALF, grad=(0,)),
    "positive": Spec(unary(), NUMERIC + HALF, grad=(0,)),
    "conj": Spec(unary(), NUMERIC, grad=(0,)),
    "abs": Spec(unary(), BOOL + NUMERIC + HALF, grad=(0,), grad_args=g1(away(0.1))),
    # torch_grad=False: torch's sgn backward returns a ZeroTensor, which cannot go to numpy
    "sign": Spec(unary(), NUMERIC + HALF, grad=(0,), grad_args=g1(away(0.1)), torch_grad=False),
    "square": Spec(unary(), NUMERIC + HALF, grad=(0,)),
    "reciprocal": Spec(unary(nonzero=True), FHC, grad=(0,),
                       grad_args=g1(away(0.5))),
    "pow": Spec(pair(_pow_base, _pow_exp), INTS + FHC, grad=(0, 1),
                grad_args=g2(st.floats(0.5, 5), st.floats(-3, 3))),
    "float_power": Spec(pair(_pow_base, _pow_exp), INTS + FC, grad=(0, 1),
                        grad_args=g2(st.floats(0.5, 5), st.floats(-3, 3))),
    "floor_divide": Spec(quotient, REAL + HALF),
    "remainder": Spec(quotient, REAL + HALF, grad=(0, 1), grad_args=quotient_args),
    "fmod": Spec(quotient, REAL + HALF, grad=(0, 1), grad_args=quotient_args),
    "maximum": Spec(pair(special, special), BOOL + REAL + HALF, grad=(0, 1), grad_args=g2(TIES, TIES)),
    "minimum": Spec(pair(special, special), BOOL + REAL + HALF, grad=(0, 1), grad_args=g2(TIES, TIES)),
    "fmax": Spec(pair(special, special), BOOL + REAL + HALF, grad=(0, 1), grad_args=distinct_args),
    "fmin": Spec(pair(special, special), BOOL + REAL + HALF, grad=(0, 1), grad_args=distinct_args),
    "clip": Spec(clip_args, REAL + HALF, grad=(0, 1, 2), grad_args=clip_grad_args),
    # rounding (zero gradients away from the jumps)
    "round": Spec(with_kwargs(unary(), decimals=st.integers(-2, 3)), REAL + HALF + COMPLEX, grad=(0,),
                  grad_args=g1(off_half())),
    "floor": Spec(unary(), BOOL + REAL + HALF, grad=(0,), grad_args=g1(frac())),
    "ceil": Spec(unary(), BOOL + REAL + HALF, grad=(0,), grad_args=g1(frac())),
    "trunc": Spec(unary(), BOOL + REAL + HALF, grad=(0,), grad_args=g1(frac())),
    # exponentials and logarithms
    "exp": Spec(unary(hi=5), FHC, grad=(0,)),
    "expm1": Spec(unary(hi=5), FHC, grad=(0,)),
    "exp2": Spec(unary(hi=5), FHC, grad=(0,)),
    "log": Spec(dom(2 ** -10, 10, cnonzero=True), FHC, grad=(0,), grad_args=POS),
    "log1p": Spec(dom(-0.875, 10, cnonzero=True), FHC, grad=(0,), grad_args=g1(st.floats(-0.8, 10))),
    "log2": Spec(dom(2 ** -10, 10, cnonzero=True), FHC, grad=(0,), grad_args=POS),
    "log10": Spec(dom(2 ** -10, 10, cnonzero=True), FHC, grad=(0,), grad_args=POS),
    "sqrt": Spec(dom(0, 10), FHC, grad=(0,), grad_args=POS),
    "rsqrt": Spec(dom(2 ** -10, 10, cnonzero=True), FHC, grad=(0,), grad_args=POS),
    "cbrt": Spec(unary(), FH, grad=(0,), grad_args=g1(away(0.1))),
    "logaddexp": Spec(binary(), FH, grad=(0, 1)),
    "logaddexp2": Spec(binary(), FH, grad=(0, 1)),
    # trigonometric and hyperbolic
    "sin": Spec(unary(), FHC, grad=(0,)),
    "cos": Spec(unary(), FHC, grad=(0,)),
    "tan": Spec(dom(-1.5, 1.5, -3, 3), FHC, grad=(0,), grad_args=g1(st.floats(-1.2, 1.2))),
    "asin": Spec(dom(-1, 1), FHC, grad=(0,), grad_args=g1(st.floats(-0.9, 0.9))),
    "acos": Spec(dom(-1, 1), FHC, grad=(0,), grad_args=g1(st.floats(-0.9, 0.9))),
    "atan": Spec(unary(), FHC, grad=(0,)),
    "atan2": Spec(binary(), FH, grad=(0, 1), grad_args=g2(away(0.2), away(0.2))),
    "sinh": Spec(unary(), FHC, grad=(0,)),
    "cosh": Spec(unary(), FHC, grad=(0,)),
    "tanh": Spec(unary(), FHC, grad=(0,)),
    "asinh": Spec(unary(), FHC, grad=(0,)),
    "acosh": Spec(dom(1, 10), FHC, grad=(0,), grad_args=g1(st.floats(1.1, 10))),
    "atanh": Spec(dom(-1, 1, cnonzero=True), FHC, grad=(0,), grad_args=g1(st.floats(-0.9, 0.9))),
    "hypot": Spec(binary(), FH, grad=(0, 1), grad_args=g2(away(0.2), away(0.2))),
    "deg2rad": Spec(unary(), FH, grad=(0,)),
    "rad2deg": Spec(unary(), FH, grad=(0,)),
    # comparisons and logic
    "equal": Spec(binary(), ALL + HALF),
    "not_equal": Spec(binary(), ALL + HALF),
    "greater": Spec(binary(), BOOL + REAL + HALF),
    "greater_equal": Spec(binary(), BOOL + REAL + HALF),
    "less": Spec(binary(), BOOL + REAL + HALF),
    "less_equal": Spec(binary(), BOOL + REAL + HALF),
    "logical_and": Spec(binary(), ALL),
    "logical_or": Spec(binary(), ALL),
    "logical_xor": Spec(binary(), ALL),
    "logical_not": Spec(unary(), ALL),
    "where": Spec(where_args, ALL + HALF, grad=(1, 2)),
    "isfinite": Spec(special_unary, ALL + HALF),
    "isinf": Spec(special_unary, ALL + HALF),
    "isnan": Spec(special_unary, ALL + HALF),
    "signbit": Spec(special_unary, BOOL + REAL + HALF),
    "isclose": Spec(isclose_args, BOOL + INTS + FC),
    "isreal": Spec(unary(), ALL),
    "iscomplex": Spec(unary(), ALL),
    # bitwise
    "bitwise_and": Spec(binary(), LOGIC),
    "bitwise_or": Spec(binary(), LOGIC),
    "bitwise_xor": Spec(binary(), LOGIC),
    "bitwise_invert": Spec(unary(), LOGIC),
    "bitwise_left_shift": Spec(pair(elements, _shift), INTS),
    "bitwise_right_shift": Spec(pair(elements, _shift), INTS),
    "gcd": Spec(binary(-10, 10), INTS),
    "lcm": Spec(binary(-10, 10), INTS),
    # complex parts
    "real": Spec(unary(), ALL, grad=(0,)),
    "imag": Spec(unary(), ALL, grad=(0,)),
    "angle": Spec(with_kwargs(unary(), deg=st.booleans()), FC, grad=(0,), grad_args=g1(away(0.1))),
    # floating-point manipulation
    "copysign": Spec(pair(special, special), FH, grad=(0, 1), grad_args=g2(away(0.1), away(0.1))),
    "nextafter": Spec(binary(), FH),
    "frexp": Spec(frexp_args, FH, grad=(0,), grad_args=frexp_grad_args),
    "ldexp": Spec(ldexp_args, FH, grad=(0,), grad_args=ldexp_grad_args),
    "nan_to_num": Spec(nan_to_num_args, INTS + FHC, grad=(0,), grad_args=g1(st.floats(-10, 10))),
    "heaviside": Spec(heaviside_args, FH),
}


@pytest.mark.parametrize("name", list(SPECS))
def test_op(name, backend):
    check_spec(name, backend, SPECS[name])


@pytest.mark.parametrize("name", [n for n, s in SPECS.items() if s.grad])
def test_grad(name, backend):
    check_grad(name, backend, SPECS[name])


def test_every_op_has_a_spec():
    from unify.core.dispatch import OPS
    missing = [n for n, o in OPS.items() if o.family == "elementwise" and n not in SPECS]
    assert not missing, missing


def test_errors_elementwise(backend):
    """Shapes that do not broadcast raise ValueError on every backend."""
    with unify.using_backend(backend):
        with pytest.raises(ValueError):
            C.add(C.ones(2), C.ones(3))
        with pytest.raises(ValueError):
            C.maximum(C.ones((2, 3)), C.ones((4,)))
        with pytest.raises(ValueError):
            C.where(C.greater(C.ones(2), 0), C.ones(3), C.ones(2))
        with pytest.raises(ValueError):
            C.clip(C.ones(2), C.zeros(3))
