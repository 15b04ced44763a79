"""Floating-point error handling: errstate, seterr, geterr, seterrcall, geterrcall.

NumPy's defaults: 'warn' (RuntimeWarning) for divide, over and invalid, 'ignore' for under.
On the numpy backend the native ufuncs report their own errors, so the state is mirrored into
NumPy's errstate; on the other backends the ufuncs that NumPy reports for (division,
logarithms, square roots, inverse trig/hyperbolic, power, integer division by zero) check their
results here (`report`). Overflow in exp and friends is only reported on the numpy backend.
"""
from __future__ import annotations

import contextvars
import warnings

__all__ = ["errstate", "seterr", "geterr", "seterrcall", "geterrcall"]

_KINDS = ("divide", "over", "under", "invalid")
_MODES = ("ignore", "warn", "raise", "call", "print", "log")
_DEFAULT = {"divide": "warn", "over": "warn", "under": "ignore", "invalid": "warn"}
_STATE: contextvars.ContextVar = contextvars.ContextVar("unify_numpy_errstate",
                                                        default=(_DEFAULT, None))
_MESSAGES = {"divide": "divide by zero", "over": "overflow", "under": "underflow",
             "invalid": "invalid value"}


def _native_numpy():
    import numpy

    return numpy


def _check_modes(kw):
    for k, v in kw.items():
        if k not in _KINDS and k != "all":
            raise TypeError(f"seterr() got an unexpected keyword argument '{k}'")
        if v is not None and v not in _MODES:
            raise ValueError(f"invalid floating-point error mode {v!r}")


def _merged(all=None, divide=None, over=None, under=None, invalid=None):
    cur = dict(_STATE.get()[0])
    if all is not None:
        for k in _KINDS:
            cur[k] = all
    for k, v in (("divide", divide), ("over", over), ("under", under), ("invalid", invalid)):
        if v is not None:
            cur[k] = v
    return cur


def geterr() -> dict:
    return dict(_STATE.get()[0])


def seterr(all=None, divide=None, over=None, under=None, invalid=None) -> dict:
    _check_modes({k: v for k, v in (("all", all), ("divide", divide), ("over", over),
                                      ("under", under), ("invalid", invalid))})
    old = geterr()
    new = _merged(all, divide, over, under, invalid)
    _STATE.set((new, _STATE.get()[1]))
    _native_numpy().seterr(**{k: ("ignore" if v == "log" else v) for k, v in new.items()})
    return old


def geterrcall():
    return _STATE.get()[1]


def seterrcall(func):
    if func is not None and not callable(func) and not hasattr(func, "write"):
        raise ValueError("Only callable can be used as callback")
    old = _STATE.get()[1]
    _STATE.set((_STATE.get()[0], func))
    return old


class errstate:
    """Context manager (and decorator) setting floating-point error handling."""

    def __init__(self, *, call=None, all=None, divide=None, over=None, under=None,
                 invalid=None):
        _check_modes({k: v for k, v in (("all", all), ("divide", divide), ("over", over),
                                          ("under", under), ("invalid", invalid))})
        self._kw = dict(all=all, divide=divide, over=over, under=under, invalid=invalid)
        self._call = call
        self._tokens = []

    def __enter__(self):
        new = _merged(**self._kw)
        call = self._call if self._call is not None else _STATE.get()[1]
        tok = _STATE.set((new, call))
        native = _native_numpy().errstate(
            **{k: ("ignore" if v == "log" else v) for k, v in new.items()})
        native.__enter__()
        self._tokens.append((tok, native))
        return self

    def __exit__(self, *exc):
        tok, native = self._tokens.pop()
        native.__exit__(*exc)
        _STATE.reset(tok)
        return False

    def __call__(self, func):
        import functools

        @functools.wraps(func)
        def inner(*args, **kwargs):
            with errstate(call=self._call, **self._kw):
                return func(*args, **kwargs)

        return inner


def report(kind: str, name: str) -> None:
    """Handle one floating-point error of `kind` raised by ufunc `name` per the current state."""
    modes, call = _STATE.get()
    mode = modes[kind]
    if mode == "ignore":
        return
    msg = f"{_MESSAGES[kind]} encountered in {name}"
    if mode == "warn":
        warnings.warn(msg, RuntimeWarning, stacklevel=4)
    elif mode == "raise":
        raise FloatingPointError(msg)
    elif mode == "call":
        if call is None:
            raise ValueError("No callback function set for 'call' error mode")
        if hasattr(call, "write"):
            call.write(f"Warning: {msg}\n")
        else:
            call(_MESSAGES[kind], {"divide": 1, "over": 2, "under": 4, "invalid": 8}[kind])
    elif mode == "print":
        print(f"Warning: {msg}")
    elif mode == "log":
        if call is not None and hasattr(call, "write"):
            call.write(f"Warning: {msg}\n")


def active(kind: str) -> bool:
    return _STATE.get()[0][kind] != "ignore"


def any_active() -> bool:
    m = _STATE.get()[0]
    return m["divide"] != "ignore" or m["invalid"] != "ignore"
