"""Mixing: torch-frontend tensors into numpy-frontend functions and back, real numpy/torch/jax
arrays into the frontends, and DLPack between frontends and real frameworks, on every
backend. Values and dtypes are checked against the real frameworks doing the same
conversion; on the numpy backend the conversions that real torch/NumPy make without a copy
share memory here too (a write through one is visible through the other)."""
import numpy as np
import pytest
import torch as rt

import unify
import unify.frontends.numpy as unp
import unify.frontends.torch as ut

jnp = pytest.importorskip("jax.numpy")


def _host(x):
    return x.numpy() if hasattr(x, "numpy") else np.asarray(x)


def _same(got, want):
    want = _host(want)
    got = _host(got)
    assert got.dtype == want.dtype and got.shape == want.shape
    np.testing.assert_array_equal(got, want)


A = np.arange(6, dtype=np.float32).reshape(2, 3)


def test_torch_frontend_into_numpy_frontend_and_back(backend):
    with unify.using_backend(backend):
        t = ut.tensor(A)
        a = unp.asarray(t)  # like np.asarray(real torch tensor)
        assert isinstance(a, unp.ndarray)
        _same(a, np.asarray(rt.tensor(A)))
        _same(unp.sum(t, axis=0), np.sum(rt.tensor(A).numpy(), axis=0))
        _same(unp.concatenate([t, a]), np.concatenate([A, A]))
        b = ut.as_tensor(a)
        assert isinstance(b, ut.Tensor)
        _same(b, rt.as_tensor(A))
        _same(ut.from_numpy(a), rt.from_numpy(A))
        _same(ut.from_numpy(a) * 2, rt.from_numpy(A) * 2)
        _same(ut.tensor(unp.asarray([1, 2])), rt.tensor(np.asarray([1, 2])))


def test_real_arrays_into_frontends(backend):
    with unify.using_backend(backend):
        _same(ut.from_numpy(A), rt.from_numpy(A))
        _same(ut.as_tensor(A), rt.as_tensor(A))
        _same(ut.as_tensor(rt.tensor(A)), rt.tensor(A))
        _same(ut.as_tensor(np.float64(2.5)), rt.as_tensor(np.float64(2.5)))
        _same(unp.asarray(A), np.asarray(A))
        _same(unp.asarray(rt.tensor(A)), np.asarray(rt.tensor(A)))
        _same(unp.asarray(jnp.asarray(A)), np.asarray(jnp.asarray(A)))
        _same(ut.as_tensor(jnp.asarray(A)), rt.as_tensor(np.asarray(jnp.asarray(A))))
        _same(unp.add(A, unp.ones(3, dtype=unp.float32)), np.add(A, np.ones(3, np.float32)))
        with pytest.raises(TypeError):
            ut.from_numpy([1, 2])  # real torch: TypeError for a non-array
        with pytest.raises(TypeError):
            rt.from_numpy([1, 2])


def test_dlpack(backend):
    with unify.using_backend(backend):
        t, a = ut.tensor(A), unp.asarray(A)
        # frontends -> real frameworks
        _same(np.from_dlpack(t), A)
        _same(rt.from_dlpack(t), rt.tensor(A))
        _same(np.from_dlpack(a), A)
        _same(rt.from_dlpack(a), rt.tensor(A))
        _same(jnp.from_dlpack(a), jnp.asarray(A))
        assert t.__dlpack_device__() == rt.tensor(A).__dlpack_device__()
        assert a.__dlpack_device__() == A.__dlpack_device__()
        # real frameworks and frontends -> frontends
        _same(ut.from_dlpack(rt.tensor(A)), rt.from_dlpack(rt.tensor(A)))
        _same(ut.from_dlpack(A), rt.from_dlpack(A))
        _same(ut.utils.dlpack.from_dlpack(a), rt.utils.dlpack.from_dlpack(A))
        _same(unp.from_dlpack(t), np.from_dlpack(rt.tensor(A)))
        _same(unp.from_dlpack(rt.tensor(A)), np.from_dlpack(rt.tensor(A)))


def test_zero_copy_on_numpy_backend():
    """Real torch: torch.from_numpy(x) and torch.as_tensor(x) share x's memory, and so do
    np.asarray(tensor) and np.from_dlpack(tensor). Check real torch does, then the frontends."""
    x = np.zeros(3, np.float32)
    r = rt.from_numpy(x)
    x[0] = 5
    assert r[0].item() == 5  # the oracle: a write to x is visible through the tensor
    with unify.using_backend("numpy"):
        x = np.zeros(3, np.float32)
        t = ut.from_numpy(x)
        x[0] = 5
        assert t[0].item() == 5
        t.add_(1)  # and a write through the tensor is visible in x
        np.testing.assert_array_equal(x, [6, 1, 1])
        y = np.zeros(2)
        u = ut.as_tensor(y)
        y[1] = 3
        assert u[1].item() == 3
        # torch frontend <-> numpy frontend
        t = ut.zeros(3)
        a = unp.asarray(t)
        t.add_(2)
        np.testing.assert_array_equal(_host(a), [2, 2, 2])
        a = unp.zeros(3)
        t = ut.from_numpy(a)
        a[0] = 4
        assert t[0].item() == 4
        # DLPack from the frontend into real NumPy
        t = ut.zeros(3)
        n = np.from_dlpack(t)
        t.add_(7)
        np.testing.assert_array_equal(n, [7, 7, 7])
        # a real numpy array into the numpy frontend
        z = np.zeros(3)
        a = unp.asarray(z)
        z[2] = 9
        assert float(a[2]) == 9


def test_torch_autograd_leaves_numpy_views_alone():
    """The torch frontend keeps autograd recording on while tensors require grad; numpy-frontend
    arrays (not recorded) must keep sharing memory and their view semantics meanwhile."""
    import numpy as real_np

    import unify.frontends.numpy as unp
    import unify.frontends.torch as ft

    with unify.using_backend("numpy"):
        x = ft.ones(3, requires_grad=True)
        (x * 2).sum().backward()
        base = real_np.zeros(3)
        a = unp.asarray(base)
        a[0] = 5
        assert base[0] == 5
        b = unp.arange(6.0)
        v = b[::2]
        b.shape = (2, 3)
        v[1] = -1
        assert b.tolist() == [[0.0, 1.0, -1.0], [3.0, 4.0, 5.0]]
        assert x.grad.tolist() == [2.0, 2.0, 2.0]
