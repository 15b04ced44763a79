"""Helpers for torch-frontend tests: build the same inputs for real torch and the frontend,
compare results (values with torch.testing's default tolerances, dtypes, shapes) and errors."""
from __future__ import annotations

import numpy as np
import torch as real

import unify.frontends.torch as ft

DTYPES = {name: (getattr(real, name), getattr(ft, name)) for name in (
    "bool", "uint8", "int8", "int16", "int32", "int64", "float16", "bfloat16", "float32",
    "float64", "complex64", "complex128")}


def pair(data, dtype: str | None = None):
    """(real torch tensor, frontend tensor) from the same data (array/list/scalar)."""
    arr = np.asarray(data)
    rt = real.tensor(arr) if dtype is None else real.tensor(arr).to(DTYPES[dtype][0])
    return rt, ours(rt)


def ours(x, dtype: str | None = None):
    """A frontend tensor on the current backend with the value and dtype of x (a real torch
    tensor, a numpy array or a list)."""
    if isinstance(x, real.Tensor):
        name = str(x.dtype).split(".")[1]
        if x.dtype == real.bfloat16:
            return ft.tensor(x.float().numpy()).to(ft.bfloat16)
        return ft.tensor(x.detach().resolve_conj().numpy(), dtype=getattr(ft, name))
    if dtype is not None:
        return ft.tensor(np.asarray(x), dtype=DTYPES[dtype][1])
    return ft.tensor(np.asarray(x))


def to_real(x):
    """Frontend results (tensors, tuples, lists, scalars) as real torch objects."""
    if isinstance(x, ft.Tensor):
        name = str(x.dtype).split(".")[1]
        arr = np.asarray(x.float().numpy() if x.dtype is ft.bfloat16 else x.numpy())
        out = real.from_numpy(np.array(arr))
        return out.to(getattr(real, name))
    if isinstance(x, (tuple, list)):
        return type(x)(to_real(y) for y in x) if not hasattr(x, "_fields") else tuple(to_real(y) for y in x)
    if isinstance(x, ft.dtype):
        return getattr(real, str(x).split(".")[1])
    if isinstance(x, ft.Size):
        return real.Size(x)
    return x


def check(mine, theirs, *, rtol=None, atol=None, equal_nan=True, check_dtype=True):
    """Assert the frontend result equals real torch's: structure, shapes, dtypes, values."""
    got = to_real(mine)
    if isinstance(theirs, real.Tensor):
        assert isinstance(got, real.Tensor), f"expected a Tensor, got {type(mine).__name__}"
        assert tuple(got.shape) == tuple(theirs.shape), (tuple(got.shape), tuple(theirs.shape))
        if check_dtype:
            assert got.dtype == theirs.dtype, (got.dtype, theirs.dtype)
        real.testing.assert_close(got, theirs.detach().resolve_conj(), rtol=rtol, atol=atol,
                                  equal_nan=equal_nan, check_dtype=check_dtype)
    elif isinstance(theirs, (tuple, list)):
        assert len(got) == len(theirs), (len(got), len(theirs))
        for a, b in zip(mine, theirs):
            check(a, b, rtol=rtol, atol=atol, equal_nan=equal_nan, check_dtype=check_dtype)
    elif isinstance(theirs, float):
        assert isinstance(got, float) and (got == theirs or abs(got - theirs) <= 1e-6 * max(1, abs(theirs))
                                           or (got != got and theirs != theirs)), (got, theirs)
    else:
        assert got == theirs, (got, theirs)


def raises_like(fn_real, fn_ours):
    """Both raise, with the same exception type (ours may be a subclass); or both succeed and
    agree."""
    try:
        expected = fn_real()
    except Exception as e:  # noqa: BLE001
        etype = type(e)
        try:
            fn_ours()
        except Exception as mine:  # noqa: BLE001
            assert isinstance(mine, etype), f"expected {etype.__name__}, got {type(mine).__name__}: {mine}"
            return
        raise AssertionError(f"torch raised {etype.__name__} ({e}); the frontend did not")
    check(fn_ours(), expected)
