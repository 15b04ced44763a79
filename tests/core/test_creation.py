"""Creation and inspection ops on every backend against the numpy backend."""
import numpy as np
import pytest
from hypothesis import strategies as st

import unify
import unify.core as C
from harness import (ALL, FLOATS, INTS, NUMERIC, REAL, Spec, arrays, check_grad, check_spec, shapes,
                     unary)


def cdt(dt):
    return C.dtypes.BY_NAME[np.dtype(dt).name]


def _dtype_kw(dt, optional=True):
    s = st.just(cdt(dt))
    return st.one_of(st.none(), s) if optional else s


def _shape_and_dtype(dt):
    return st.tuples(shapes(max_dims=3), _dtype_kw(dt)).map(lambda t: ((t[0],), {"dtype": t[1]}))


def _scalar_for(dt):
    dt = np.dtype(dt)
    if dt.kind == "b":
        return st.booleans()
    if dt.kind in "iu":
        return st.integers(0, 100)
    if dt.kind == "c":
        return st.complex_numbers(max_magnitude=100, allow_nan=False, allow_infinity=False)
    return st.floats(-100, 100)


def _asarray(dt):
    nested = arrays(dt, shapes(max_dims=3, max_side=3)).map(lambda a: a.tolist())
    return st.one_of(
        arrays(dt).map(lambda a: ((a,), {})),
        st.tuples(nested, _dtype_kw(dt, optional=False)).map(lambda t: ((t[0],), {"dtype": t[1]})),
        nested.filter(lambda v: np.asarray(v).dtype.kind in "bif" or np.asarray(v).dtype.kind == "c")
        .map(lambda v: ((v,), {})),
    )


def _arange(dt):
    if np.dtype(dt).kind in "iu":
        return st.tuples(st.integers(0, 20), st.integers(0, 40), st.integers(1, 5)).map(
            lambda t: ((t[0],), {"stop": t[1], "step": t[2], "dtype": cdt(dt)}))
    return st.tuples(st.integers(-10, 10), st.integers(-10, 30), st.sampled_from([0.5, 1, 2.5])).map(
        lambda t: ((float(t[0]),), {"stop": float(t[1]), "step": t[2], "dtype": cdt(dt)}))


def _full(dt):
    return st.tuples(shapes(max_dims=3), _scalar_for(dt), _dtype_kw(dt, optional=False)).map(
        lambda t: ((t[0], t[1]), {"dtype": t[2]}))


def _eye(dt):
    return st.tuples(st.integers(0, 5), st.one_of(st.none(), st.integers(0, 5)), st.integers(-3, 3),
                     _dtype_kw(dt)).map(lambda t: ((t[0], t[1]), {"k": t[2], "dtype": t[3]}))


def _linspace(dt):
    return st.tuples(st.floats(-10, 10), st.floats(-10, 10), st.integers(0, 12), st.booleans(),
                     _dtype_kw(dt)).map(lambda t: ((t[0], t[1]), {"num": t[2], "endpoint": t[3], "dtype": t[4]}))


def _like(dt):
    return st.tuples(arrays(dt), st.one_of(st.none(), st.sampled_from([C.float32, C.int64, C.bool]))).map(
        lambda t: ((t[0],), {"dtype": t[1]}))


def _full_like(dt):
    return st.tuples(arrays(dt), _scalar_for(dt)).map(lambda t: ((t[0],), {"fill_value": t[1]}))


def _logspace(dt):
    return st.tuples(st.floats(-3, 3), st.floats(-3, 3), st.integers(0, 8), st.sampled_from([10.0, 2.0])).map(
        lambda t: ((t[0], t[1]), {"num": t[2], "base": t[3], "dtype": cdt(dt)}))


def _meshgrid(dt):
    return st.tuples(st.lists(arrays(dt, shapes(min_dims=1, max_dims=1)), min_size=1, max_size=3),
                     st.sampled_from(["xy", "ij"])).map(lambda t: (tuple(t[0]), {"indexing": t[1]}))


def _tri(dt):
    return st.tuples(arrays(dt, shapes(min_dims=2, max_dims=3)), st.integers(-3, 3)).map(
        lambda t: ((t[0],), {"k": t[1]}))


def _tri_indices(dt):
    return st.tuples(st.integers(0, 6), st.integers(-3, 3), st.one_of(st.none(), st.integers(0, 6))).map(
        lambda t: (t, {}))


SPECS = {
    "asarray": Spec(_asarray, ALL, grad=(0,), grad_args=unary()),
    "arange": Spec(_arange, REAL),
    "empty": Spec(_shape_and_dtype, ALL, compare="shape"),
    "zeros": Spec(_shape_and_dtype, ALL),
    "ones": Spec(_shape_and_dtype, ALL),
    "full": Spec(_full, ALL),
    "eye": Spec(_eye, ALL),
    "linspace": Spec(_linspace, FLOATS),
    "empty_like": Spec(_like, ALL, compare="shape"),
    "zeros_like": Spec(_like, ALL),
    "ones_like": Spec(_like, ALL),
    "full_like": Spec(_full_like, ALL),
    "identity": Spec(lambda dt: st.integers(0, 5).map(lambda n: ((n,), {"dtype": cdt(dt)})), ALL),
    "logspace": Spec(_logspace, FLOATS),
    "from_dlpack": Spec(unary(), NUMERIC, grad=(0,)),
    "meshgrid": Spec(_meshgrid, NUMERIC, grad=(0,)),
    "tril": Spec(_tri, ALL, grad=(0,)),
    "triu": Spec(_tri, ALL, grad=(0,)),
    "tril_indices": Spec(_tri_indices, (np.int64,)),
    "triu_indices": Spec(_tri_indices, (np.int64,)),
    # inspection
    "shape": Spec(unary(), ALL),
    "dtype_of": Spec(unary(), ALL),
    "ndim": Spec(unary(), ALL),
    "size": Spec(unary(), ALL),
    "to_numpy": Spec(unary(), ALL),
    "is_array": Spec(unary(), ALL),
}


@pytest.mark.parametrize("name", list(SPECS))
def test_op(name, backend):
    check_spec(name, backend, SPECS[name])


@pytest.mark.parametrize("name", [n for n, s in SPECS.items() if s.grad])
def test_grad(name, backend):
    check_grad(name, backend, SPECS[name])


def test_devices(backend):
    with unify.using_backend(backend):
        devs = C.devices()
        assert devs and all(isinstance(d, C.Device) for d in devs)
        x = C.ones((2,))
        d = C.device_of(x)
        assert d in devs
        assert C.to_numpy(C.to_device(x, d)).tolist() == [1.0, 1.0]
        assert C.device_of(C.zeros((1,), device=d)) == d
        g = C.grad(lambda v: C.sum(C.multiply(C.to_device(v, d), v)))(x)  # to_device's rule
        assert C.to_numpy(g).tolist() == [2.0, 2.0] and C.device_of(g) == d
        if not any(v.kind == "gpu" for v in devs):
            with pytest.raises(RuntimeError, match="not available"):
                C.to_device(x, "cuda:0")
            with pytest.raises(RuntimeError, match="not available"):
                C.zeros((1,), device="gpu")


def test_default_dtypes(backend):
    """Python data takes NumPy's defaults on every backend."""
    with unify.using_backend(backend):
        assert C.dtype_of(C.asarray(1.5)) is C.float64
        assert C.dtype_of(C.asarray([1, 2])) is C.int64
        assert C.dtype_of(C.asarray(True)) is C.bool
        assert C.dtype_of(C.asarray(1j)) is C.complex128
        assert C.dtype_of(C.zeros((2,))) is C.float64
        assert C.dtype_of(C.arange(3)) is C.int64
        assert C.dtype_of(C.arange(3.0)) is C.float64
        assert C.dtype_of(C.full((1,), 2)) is C.int64
        assert C.dtype_of(C.full((1,), 2.0)) is C.float64


def test_every_dtype_round_trips(backend):
    b = unify.get_backend(backend)
    with unify.using_backend(backend):
        for d in C.dtypes.ALL:
            if d in b.unsupported:
                with pytest.raises(TypeError, match=backend):
                    C.zeros((2,), dtype=d)
                continue
            x = C.zeros((2,), dtype=d)
            assert C.dtype_of(x) is d
            assert C.dtype_of(C.astype(x, C.float32)) is C.float32
