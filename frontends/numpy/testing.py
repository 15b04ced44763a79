"""numpy.testing for unify's numpy frontend.

The assertions run on the host: frontend arrays, scalars and dtypes (also inside lists,
tuples and dicts) are converted to real NumPy objects and handed to NumPy's own
`numpy.testing`, so pass/fail decisions and failure messages are NumPy's.
"""
import numpy as _np
import numpy.testing as _nt

from ... import core as C

__all__ = ["assert_", "assert_allclose", "assert_almost_equal", "assert_approx_equal",
           "assert_array_almost_equal", "assert_array_almost_equal_nulp",
           "assert_array_compare", "assert_array_equal", "assert_array_less",
           "assert_array_max_ulp", "assert_equal", "assert_no_gc_cycles",
           "assert_no_warnings", "assert_raises", "assert_raises_regex", "assert_string_equal",
           "assert_warns", "build_err_msg", "clear_and_catch_warnings", "HAS_REFCOUNT",
           "IS_PYPY", "KnownFailureException", "SkipTest", "suppress_warnings", "tempdir",
           "temppath", "verbose", "break_cycles", "IgnoreException", "print_assert_equal"]


def _host(x):
    """Frontend objects -> real NumPy objects (recursively through list/tuple/dict)."""
    from ._ndarray import ndarray
    from ._scalars import generic
    from ._dtypes import dtype as _dtype

    if isinstance(x, ndarray):
        return C.to_numpy(x._value())
    if isinstance(x, generic):
        return C.to_numpy(x._value())[()]
    if isinstance(x, _dtype):
        return _np.dtype(x.name)
    if isinstance(x, type) and getattr(x, "_np_dtype", None) is not None:
        return _np.dtype(x._np_dtype.name).type
    t = type(x)
    if t is list or t is tuple:
        return t(_host(e) for e in x)
    if t is dict:
        return {k: _host(v) for k, v in x.items()}
    return x


def _wrap(name):
    f = getattr(_nt, name)

    def g(*args, **kwargs):
        __tracebackhide__ = True  # noqa: F841  (pytest: hide this frame)
        return f(*[_host(a) for a in args], **{k: _host(v) for k, v in kwargs.items()})
    g.__name__ = g.__qualname__ = name
    g.__doc__ = f.__doc__
    return g


for _n in ("assert_allclose", "assert_almost_equal", "assert_approx_equal",
           "assert_array_almost_equal", "assert_array_almost_equal_nulp",
           "assert_array_compare", "assert_array_equal", "assert_array_less",
           "assert_array_max_ulp", "assert_equal", "assert_string_equal", "build_err_msg",
           "print_assert_equal"):
    if hasattr(_nt, _n):
        globals()[_n] = _wrap(_n)

# no array arguments: NumPy's own objects serve as they are
for _n in ("assert_", "assert_no_gc_cycles", "assert_no_warnings", "assert_raises",
           "assert_raises_regex", "assert_warns", "clear_and_catch_warnings", "HAS_REFCOUNT",
           "IS_PYPY", "KnownFailureException", "SkipTest", "suppress_warnings", "tempdir",
           "temppath", "verbose", "break_cycles", "IgnoreException"):
    if hasattr(_nt, _n):
        globals()[_n] = getattr(_nt, _n)
__all__ = [n for n in __all__ if n in globals()]
del _n


def __getattr__(name):
    from . import unsupported
    raise unsupported("numpy.testing", name)
