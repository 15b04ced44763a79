"""NumPy's print options and array printing: set_printoptions, get_printoptions, printoptions,
array2string, array_repr, array_str, format_float_positional, format_float_scientific.

The frontend keeps its own print options (a context variable, so `printoptions` is safe across
threads and async tasks, as in NumPy 2) and never changes real NumPy's. The text itself comes
from NumPy's printer (NumPy is a dependency of unify's core) run on a host copy of the values,
with this frontend's options applied only for that call, so every `repr`/`str` of a frontend
array or scalar is exactly NumPy's. Option validation and merging are NumPy's own: new options
are set inside a temporary NumPy options context and read back.

Differences: a `formatter` callable receives this frontend's scalars (as NumPy's receives
NumPy's); `override_repr` receives the frontend array.
"""
from __future__ import annotations

import contextlib
import contextvars

import numpy as _np

from ... import core as C

__all__ = ["set_printoptions", "get_printoptions", "printoptions", "array2string", "array_repr",
           "array_str", "format_float_positional", "format_float_scientific"]

# NumPy's documented defaults, limited to the keys the installed NumPy knows
_NUMPY_DEFAULTS = {"edgeitems": 3, "threshold": 1000, "floatmode": "maxprec", "precision": 8,
                   "suppress": False, "linewidth": 75, "nanstr": "nan", "infstr": "inf",
                   "sign": "-", "formatter": None, "legacy": False, "override_repr": None}
_DEFAULTS = {k: _NUMPY_DEFAULTS.get(k, v) for k, v in _np.get_printoptions().items()}
_options = contextvars.ContextVar("unify_numpy_printoptions", default=_DEFAULTS)


def _native_options(opts, wrap_formatter=False):
    """Our options as keyword arguments for NumPy's printoptions."""
    out = dict(opts)
    if wrap_formatter and out.get("formatter"):
        out["formatter"] = {k: _ours_first(f) if callable(f) else f
                            for k, f in out["formatter"].items()}
    if "override_repr" in out:
        out["override_repr"] = None  # applied by array_repr itself, with the frontend array
    return out


def _ours_first(fn):
    def call(x):
        return fn(_to_ours(x))
    return call


def _to_ours(x):
    if isinstance(x, _np.generic) and x.dtype.kind in "biufc":
        from . import _scalars as S

        return S.from_native(C.asarray(_np.asarray(x)), _dtype(x.dtype.name))
    return x


def _dtype(name):
    from . import _dtypes as T

    return T.as_dtype(name)


@contextlib.contextmanager
def applied():
    """NumPy's printer with this frontend's print options, for the duration of the block."""
    with _np.printoptions(**_native_options(_options.get(), wrap_formatter=True)):
        yield


def set_printoptions(precision=None, threshold=None, edgeitems=None, linewidth=None,
                     suppress=None, nanstr=None, infstr=None, formatter=None, sign=None,
                     floatmode=None, *, legacy=None, override_repr=None):
    kw = {"precision": precision, "threshold": threshold, "edgeitems": edgeitems,
          "linewidth": linewidth, "suppress": suppress, "nanstr": nanstr, "infstr": infstr,
          "formatter": formatter, "sign": sign, "floatmode": floatmode, "legacy": legacy,
          "override_repr": override_repr}
    known = _options.get()
    kw = {k: v for k, v in kw.items() if k in known}
    keep_override = override_repr if override_repr is not None else known.get("override_repr")
    with _np.printoptions(**_native_options(known)):
        _np.set_printoptions(**kw)  # NumPy validates and merges (formatter resets, as in NumPy)
        new = _np.get_printoptions()
    if "override_repr" in new:
        new["override_repr"] = keep_override
    _options.set(new)


def get_printoptions():
    return dict(_options.get())


@contextlib.contextmanager
def printoptions(*args, **kwargs):
    token = _options.set(_options.get())
    try:
        set_printoptions(*args, **kwargs)
        yield get_printoptions()
    finally:
        _options.reset(token)


# ------------------------------------------------------------------ printing

def _host(a):
    """Frontend arrays and scalars as NumPy's (other values unchanged)."""
    v = getattr(a, "_value", None)
    if v is not None and callable(v):
        h = C.to_numpy(v())
        from ._ndarray import ndarray

        return h if isinstance(a, ndarray) else h.reshape(())[()]
    return a


def array2string(a, max_line_width=None, precision=None, suppress_small=None, separator=" ",
                 prefix="", *, formatter=None, threshold=None, edgeitems=None, sign=None,
                 floatmode=None, suffix="", legacy=None):
    if formatter:
        formatter = {k: _ours_first(f) if callable(f) else f for k, f in formatter.items()}
    with applied():
        return _np.array2string(_host(a), max_line_width, precision, suppress_small, separator,
                                prefix, formatter=formatter, threshold=threshold,
                                edgeitems=edgeitems, sign=sign, floatmode=floatmode,
                                suffix=suffix, legacy=legacy)


def array_repr(arr, max_line_width=None, precision=None, suppress_small=None):
    override = _options.get().get("override_repr")
    if override is not None:
        return override(arr)
    with applied():
        return _np.array_repr(_host(arr), max_line_width, precision, suppress_small)


def array_str(a, max_line_width=None, precision=None, suppress_small=None):
    with applied():
        return _np.array_str(_host(a), max_line_width, precision, suppress_small)


def scalar_repr(s) -> str:
    with applied():
        return repr(_host(s))


def scalar_str(s) -> str:
    with applied():
        return str(_host(s))


def format_float_positional(x, precision=None, unique=True, fractional=True, trim="k",
                            sign=False, pad_left=None, pad_right=None, min_digits=None):
    with applied():
        return _np.format_float_positional(_host(x), precision, unique, fractional, trim, sign,
                                           pad_left, pad_right, min_digits)


def format_float_scientific(x, precision=None, unique=True, trim="k", sign=False,
                            pad_left=None, exp_digits=None, min_digits=None):
    with applied():
        return _np.format_float_scientific(_host(x), precision, unique, trim, sign, pad_left,
                                           exp_digits, min_digits)
