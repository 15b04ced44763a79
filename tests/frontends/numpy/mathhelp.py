"""Case tables for the numpy-frontend math tests (test_math, test_stats, test_sorting, test_sets,
test_poly, test_misc, test_linalg, test_fft).

A case is a Python expression string over `m` (the module: real `numpy` or our frontend) and
`a` (the inputs of one dtype, real or ours), e.g. "m.sum(a.M, axis=0)". `run(backend, cases,
dtypes)` evaluates every case on real NumPy and on the frontend (on `backend`) and compares
them with nphelp.raises_like: the same value, dtype, shape and result kind, or the same public
exception type.

Inputs (few fixed shapes, so that jax compiles each op once per shape): `M`, `N` (3, 4),
`V`, `W` (4,), `S` (0-d), `E` (0,), `Q` (3, 3) well conditioned, `P` (3, 3) symmetric positive
definite, `T` (2, 3, 4), `K` bool mask (3, 4), `NAN` (3, 4) with NaNs and `INF` (3, 4) with infinities and a NaN
(inexact dtypes; M otherwise).
"""
from __future__ import annotations

import warnings

import numpy

import unify
import unify.frontends.numpy as fnp
from nphelp import ours, raises_like

ALL = ("bool", "int32", "int64", "uint8", "float32", "float64", "complex128")
REAL = ("bool", "int32", "int64", "uint8", "float32", "float64")
NUM = ("int32", "int64", "uint8", "float32", "float64", "complex128")
INEXACT = ("float32", "float64", "complex128")
FLOAT = ("float32", "float64")
# jax compiles every op once per shape and dtype (~50 ms each): on jax each function runs its
# first JAX_CASES cases in one dtype (float64 when it takes it); the other backends run every
# case in every dtype listed
JAX_FIRST = ("float64", "int64", "complex128")
JAX_CASES = 2

_BASE = {
    "b": [True, False, True, True, False, False, True, False, True, True, False, True],
    "u": [0, 1, 2, 3, 5, 7, 4, 6, 9, 2, 8, 1],
    "i": [-3, -1, 0, 1, 2, 4, 3, -2, 5, 1, -4, 2],
    "f": [-2.5, -1.0, -0.5, 0.0, 0.5, 1.0, 2.0, 3.5, 1.25, -0.75, 4.0, 2.0],
    "c": [-2.5 + 1j, -1 - 0.5j, 0.5j, 0.0, 0.5 + 0.25j, 1 - 1j, 2 + 0.5j, 3.5 - 2j, 1.25,
          -0.75 + 2j, 4 - 1j, 2 + 0j],
}


def values(dtype, n, shift=0):
    d = numpy.dtype(dtype)
    base = _BASE[d.kind]
    out = [base[(i + shift) % len(base)] for i in range(n)]
    return numpy.array(out, dtype=d)


class Inputs:
    pass


def real_inputs(dtype):
    d = numpy.dtype(dtype)
    a = Inputs()
    a.dtype = dtype
    a.M = values(d, 12).reshape(3, 4)
    a.N = values(d, 12, shift=5).reshape(3, 4)
    a.V = values(d, 4, shift=2)
    a.W = values(d, 4, shift=7)
    a.S = values(d, 1, shift=4).reshape(())
    a.E = numpy.zeros((0,), dtype=d)
    a.T = values(d, 24, shift=3).reshape(2, 3, 4)
    a.K = values("bool", 12, shift=1).reshape(3, 4)
    if d.kind == "b":
        a.Q = numpy.eye(3, dtype=d)
        a.P = numpy.eye(3, dtype=d)
    else:
        q = numpy.array([[4, 1, 2], [0, 3, 1], [1, 2, 5]], dtype=d)
        if d.kind == "c":
            q = q + numpy.array([[0, 1j, 0], [0.5j, 0, 0], [0, 0, 1j]], dtype=d)
        a.Q = q
        p = numpy.array([[6, 2, 1], [2, 5, 2], [1, 2, 4]], dtype=d)
        if d.kind == "c":
            p = p + numpy.array([[0, 1j, 0], [-1j, 0, 0.5j], [0, -0.5j, 0]], dtype=d)
        a.P = p
    if d.kind in "fc":
        inf = a.M.copy()
        inf[0, :3] = [numpy.inf, -numpy.inf, numpy.nan]
        if d.kind == "c":
            inf[1, :3] = [complex(1, numpy.inf), complex(-numpy.inf, 2), complex(numpy.nan, 1)]
        a.INF = inf
        nan = a.M.copy()
        nan[0, 1] = numpy.nan
        nan[2, :] = numpy.nan
        a.NAN = nan
    else:
        a.NAN = a.INF = a.M
    return a


def our_inputs(r):
    a = Inputs()
    for k, v in vars(r).items():
        setattr(a, k, ours(v) if isinstance(v, numpy.ndarray) else v)
    return a


def dtypes_for(backend, names):
    if backend == "jax":
        for n in JAX_FIRST:
            if n in names:
                return (n,)
        return names[:1]
    return names


def run(backend, cases, dtypes=ALL, rtol=None, atol=None, jax_cases=JAX_CASES):
    """Evaluate each case string on NumPy and on the frontend; compare (see module doc)."""
    if isinstance(cases, str):
        cases = (cases,)
    errors = []
    if backend == "jax":
        cases = cases[:jax_cases]
    with unify.using_backend(backend), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for dt in dtypes_for(backend, dtypes):
            r = real_inputs(dt)
            o = our_inputs(r)
            for case in cases:
                try:
                    compare(case, r, o, dt, rtol, atol)
                except AssertionError as e:
                    errors.append(str(e))
    assert not errors, f"{len(errors)} case(s) differ from NumPy:\n" + "\n".join(errors)


def compare(case, r, o, dt="", rtol=None, atol=None, post=None):
    env_r = {"m": numpy, "a": r, "numpy": numpy}
    env_o = {"m": fnp, "a": o, "numpy": numpy}
    fr = (lambda: eval(case, env_r)) if post is None else (lambda: post(eval(case, env_r)))
    fo = (lambda: eval(case, env_o)) if post is None else (lambda: post(eval(case, env_o)))
    try:
        if rtol is None and atol is None:
            raises_like(fr, fo)
        else:
            _raises_like_tol(fr, fo, rtol, atol)
    except AssertionError as e:
        raise AssertionError(f"[{dt}] {case}: {e}") from None


def _raises_like_tol(fr, fo, rtol, atol):
    from nphelp import check, same_error
    try:
        expected = fr()
    except Exception as e:  # noqa: BLE001
        try:
            fo()
        except Exception as mine:  # noqa: BLE001
            assert same_error(mine, e), f"NumPy raised {type(e).__name__}({e}); we raised {type(mine).__name__}({mine})"
            return
        raise AssertionError(f"NumPy raised {type(e).__name__}({e}); we did not raise")
    check(fo(), expected, rtol=rtol, atol=atol)
