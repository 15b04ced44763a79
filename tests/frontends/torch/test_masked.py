"""torch.masked against real torch on every backend: fully masked slices, integer, float64 and
complex inputs, broadcast and non-bool masks, 0-d inputs, the dtype= argument, and the
errors (bad mask rank, repeated/out-of-range dims, mean of ints, median of fully masked ints,
unbiased with correction). The OpInfo corpus (test_opinfo.py -k masked.) covers the rest."""
import warnings

import numpy as np
import pytest
import torch as real

import unify
import unify.frontends.torch as ft
from tfhelp import check, ours

X = np.array([[1.5, -2.0, 3.0, 0.25], [0.5, 4.0, -1.0, 2.0], [7.0, 0.0, -3.5, 1.0]])
# row 1 and column 3 fully masked out
M = np.array([[True, False, True, False], [False, False, False, False], [True, True, False, False]])


def t(data, dtype="float32"):
    return real.tensor(np.asarray(data)).to(getattr(real, dtype))


def both(fn, *args, **kwargs):
    """fn(real, ...) and fn(ft, ...) on the same tensors: same result or exception type."""
    conv = lambda v: ours(v) if isinstance(v, real.Tensor) else v  # noqa: E731
    mine = [conv(a) for a in args]
    mine_kw = {k: conv(v) for k, v in kwargs.items()}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            expected = fn(real, *args, **kwargs)
    except Exception as e:  # noqa: BLE001
        with pytest.raises(type(e)):
            fn(ft, *mine, **mine_kw)
        return
    check(fn(ft, *mine, **mine_kw), expected, atol=1e-5, rtol=1e-5)


REDUCTIONS = [
    lambda m, x, mask: m.masked.sum(x, 1, mask=mask),
    lambda m, x, mask: m.masked.sum(x, mask=mask),
    lambda m, x, mask: m.masked.prod(x, (0, 1), keepdim=True, mask=mask),
    lambda m, x, mask: m.masked.amax(x, 0, mask=mask),
    lambda m, x, mask: m.masked.amin(x, (1,), keepdim=True, mask=mask),
    lambda m, x, mask: m.masked.argmax(x, 1, mask=mask),
    lambda m, x, mask: m.masked.argmin(x, 0, keepdim=True, mask=mask),
    lambda m, x, mask: m.masked.logsumexp(x, 1, mask=mask),
    lambda m, x, mask: m.masked.cumsum(x, 1, mask=mask),
    lambda m, x, mask: m.masked.cumprod(x, 0, mask=mask),
]
FLOAT_ONLY = [
    lambda m, x, mask: m.masked.mean(x, 1, mask=mask),
    lambda m, x, mask: m.masked.mean(x, mask=mask),
    lambda m, x, mask: m.masked.median(x, 0, mask=mask),
    lambda m, x, mask: m.masked.norm(x, 2.0, 1, mask=mask),
    lambda m, x, mask: m.masked.norm(x, float("-inf"), 0, mask=mask),
    lambda m, x, mask: m.masked.norm(x, float("inf"), mask=mask),
    lambda m, x, mask: m.masked.var(x, 1, mask=mask),
    lambda m, x, mask: m.masked.std(x, 0, correction=0, keepdim=True, mask=mask),
    lambda m, x, mask: m.masked.softmax(x, 1, mask=mask),
    lambda m, x, mask: m.masked.log_softmax(x, 0, mask=mask),
    lambda m, x, mask: m.masked.softmin(x, -1, mask=mask),
    lambda m, x, mask: m.masked.normalize(x, 2.0, 1, mask=mask),
    lambda m, x, mask: m.masked.logaddexp(x, x * 2, input_mask=mask, other_mask=mask),
]


def test_fully_masked_slices(backend):
    with unify.using_backend(backend):
        for fn in REDUCTIONS + FLOAT_ONLY:
            both(fn, t(X), t(M, "bool"))
            both(fn, t(X), None)


def test_dtypes(backend):
    dts = ("int64", "float64", "int32") if backend in ("numpy", "torch") else ("int64",)
    with unify.using_backend(backend):
        for dt in dts:
            for fn in REDUCTIONS:
                both(fn, t(X * 2, dt), t(M, "bool"))
        for fn in (REDUCTIONS[0], REDUCTIONS[2], REDUCTIONS[7], FLOAT_ONLY[0], FLOAT_ONLY[6],
                   FLOAT_ONLY[11]):
            both(fn, t(X + 1j * X[::-1], "complex64"), t(M, "bool"))


def test_int_var_median(backend):
    with unify.using_backend(backend):
        x = t(X * 2, "int64")
        both(lambda m, x, k: m.masked.var(x, 1, mask=k), x, t(M, "bool"))
        full = t(np.ones_like(M), "bool")
        both(lambda m, x, k: m.masked.median(x, 1, mask=k), x, full)  # int64 result
        both(lambda m, x, k: m.masked.median(x, 1, mask=k), x, t(M, "bool"))  # ValueError
        both(lambda m, x, k: m.masked.mean(x, 1, mask=k), x, t(M, "bool"))  # ValueError
        both(lambda m, x, k: m.masked.mean(x, 1, dtype=m.float64, mask=k), x, t(M, "bool"))


def test_masks_and_dims(backend):
    with unify.using_backend(backend):
        x = t(X)
        row = t([True, False, True, True], "bool")
        both(lambda m, x, k: m.masked.sum(x, 0, mask=k), x, row)  # broadcast mask
        both(lambda m, x, k: m.masked.amax(x, 1, mask=k), x, t(M, "int64"))  # non-bool mask
        both(lambda m, x, k: m.masked.sum(x, 0, mask=k), x, t(M[None], "bool"))  # IndexError
        both(lambda m, x, k: m.masked.sum(x, 0, mask=k), x, t(M[:2], "bool"))  # RuntimeError
        both(lambda m, x, k: m.masked.sum(x, (0, -2), mask=k), x, t(M, "bool"))
        both(lambda m, x, k: m.masked.amax(x, 2, mask=k), x, t(M, "bool"))
        both(lambda m, x, k: m.masked.var(x, 1, True, correction=1, mask=k), x, t(M, "bool"))
        both(lambda m, x, k: m.masked.sum(x, 1, dtype=m.float64, mask=k), x, t(M, "bool"))
        both(lambda m, x, k: m.masked.softmax(x, 1, dtype=m.float64, mask=k), x, t(M, "bool"))
        s = t(2.5)
        for fn in (REDUCTIONS[1], REDUCTIONS[3], FLOAT_ONLY[5], FLOAT_ONLY[10]):
            both(fn, s, t(False, "bool"))
        both(lambda m, x, k: m.masked.sum(x, mask=k), s, t(True, "bool"))
