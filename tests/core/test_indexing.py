"""Indexing ops on every backend against the numpy backend, their gradients, and the
canonical errors. Keys are drawn for a given shape: ints, slices (any step), None,
Ellipsis, integer arrays (several int dtypes, broadcasting), Python lists, boolean masks
(1-d, n-d, 0-d) and mixtures. Index arrays sit inside the key tuple as NumPy arrays, which
the harness turns into backend arrays."""
import numpy as np
import pytest
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import unify
import unify.core as C

from harness import ALL, BOOL, NUMERIC, Spec, arrays, check_grad, check_spec, shapes

IDX_DTYPES = tuple(np.dtype(t) for t in ("int64", "int32", "int16", "int8", "uint8"))


# ---------------------------------------------------------------- key strategies


@st.composite
def _int_array(draw, n, shape):
    dt = draw(st.sampled_from(IDX_DTYPES))
    lo = 0 if dt.kind == "u" else -n
    vals = draw(st.lists(st.integers(lo, n - 1), min_size=int(np.prod(shape)),
                         max_size=int(np.prod(shape))))
    return np.array(vals, dtype=dt).reshape(shape)


@st.composite
def _sub_shape(draw, B):
    """A shape that broadcasts to B."""
    k = draw(st.integers(0, len(B)))
    tail = B[len(B) - k:]
    return tuple(1 if draw(st.integers(0, 3)) == 0 else s for s in tail)


@st.composite
def _entries(draw, shape, dims, B, kinds, state):
    """Key entries for the consecutive dims `dims` of `shape`."""
    out = []
    i = 0
    while i < len(dims):
        d = dims[i]
        n = shape[d]
        opts = [k for k in kinds if k not in ("int", "arr", "list") or n > 0]
        if i + 1 >= len(dims):
            opts = [k for k in opts if k != "mask2"]
        if state["masked"]:
            opts = [k for k in opts if k not in ("mask", "mask2")]
        kind = draw(st.sampled_from(opts))
        if kind == "int":
            out.append(draw(st.integers(-n, n - 1)))
        elif kind == "full":
            out.append(slice(None))
        elif kind == "slice":
            bound = st.none() | st.integers(-n - 2, n + 2)
            out.append(slice(draw(bound), draw(bound), draw(st.sampled_from([None, 1, 2, 3, -1, -2]))))
        elif kind == "arr":
            shp = draw(_sub_shape(B)) if not state["masked"] else draw(st.sampled_from([(), (1,)]))
            out.append(draw(_int_array(n, shp)))
        elif kind == "list":
            out.append(draw(st.lists(st.integers(-n, n - 1), min_size=1, max_size=3)))
        elif kind == "mask":
            state["masked"] = True
            out.append(np.array(draw(st.lists(st.booleans(), min_size=n, max_size=n)), dtype=bool))
        else:  # one mask over two dims
            state["masked"] = True
            n2 = shape[d + 1]
            out.append(np.array(draw(st.lists(st.booleans(), min_size=n * n2, max_size=n * n2)),
                                dtype=bool).reshape(n, n2))
            i += 1
        i += 1
    return out


@st.composite
def keys(draw, shape, kinds=("int", "slice", "arr", "list", "mask", "mask2", "full")):
    """A valid NumPy key for an array of `shape` (masks rarely mix with arrays validly, so
    after a mask only 0-d / 1-element index arrays follow)."""
    nd = len(shape)
    m = draw(st.integers(0, nd))  # dims indexed explicitly
    use_ell = draw(st.booleans())
    before = draw(st.integers(0, m)) if use_ell else m
    B = draw(shapes(min_dims=0, max_dims=2, min_side=1, max_side=3))
    state = {"masked": False}
    head = draw(_entries(shape, list(range(before)), B, kinds, state))
    tail = draw(_entries(shape, list(range(nd - (m - before), nd)), B, kinds, state))
    entries = head + ([Ellipsis] if use_ell else []) + tail
    for _ in range(draw(st.integers(0, 2))):  # None and 0-d bools anywhere
        extra = draw(st.sampled_from([None, None, True, False, np.array(True), np.array(False)]))
        entries.insert(draw(st.integers(0, len(entries))), extra)
    if len(entries) == 1 and draw(st.booleans()):
        return entries[0]  # a bare key
    return tuple(entries)


def _positions(shape, key):
    return np.arange(int(np.prod(shape))).reshape(shape)[key]


def _unique(shape, key):
    try:
        p = _positions(shape, key)
    except (IndexError, ValueError):
        return True  # numpy raises: the harness rejects it
    return np.unique(p).size == p.size


@st.composite
def _value_shape(draw, target):
    """A shape broadcasting to `target` (NumPy assignment: extra leading 1s allowed)."""
    s = draw(_sub_shape(target)) if target else ()
    if draw(st.integers(0, 5)) == 0:
        s = (1,) + s
    return s


def _getitem_args(dt, kinds=None):
    @st.composite
    def make(draw):
        x = draw(arrays(dt, shape=shapes(max_dims=4, max_side=4)))
        key = draw(keys(x.shape) if kinds is None else keys(x.shape, kinds))
        return (x, key), {}
    return make()


def _write_args(unique, scalar_values=True):
    def args(dt):
        @st.composite
        def make(draw):
            x = draw(arrays(dt, shape=shapes(max_dims=3, max_side=4)))
            key = draw(keys(x.shape).filter(lambda k: not unique or _unique(x.shape, k)))
            try:
                target = _positions(x.shape, key).shape
            except (IndexError, ValueError):
                target = ()
            if scalar_values and draw(st.integers(0, 4)) == 0:
                v = draw(arrays(dt, shape=st.just(()))).item()
                return (x, key, v), {}
            v = draw(arrays(dt, shape=st.just(draw(_value_shape(target)))))
            return (x, key, v), {}
        return make()
    return args


def _distinct_floats(rs, shape):
    n = int(np.prod(shape))
    return ((rs.permutation(n) + 1) * 0.37 * rs.choice([-1, 1], n)).reshape(shape)


def _reduce_args(dt, grad=False):
    @st.composite
    def make(draw):
        xs = draw(shapes(min_dims=1, max_dims=3, min_side=1, max_side=4))
        key = draw(keys(xs))
        try:
            target = _positions(xs, key).shape
        except (IndexError, ValueError):
            target = ()
        vs = draw(_value_shape(target))
        reduce = draw(st.sampled_from(["sum", "prod", "mean", "amax", "amin"]))
        if dt.kind == "c" and reduce in ("amax", "amin"):
            reduce = "sum"
        if grad:  # distinct values: no ties for amax/amin (finite differences)
            rs = np.random.RandomState(draw(st.integers(0, 2 ** 16)))
            both = _distinct_floats(rs, (int(np.prod(xs)) + int(np.prod(vs)),))
            x = both[:int(np.prod(xs))].reshape(xs)
            v = both[int(np.prod(xs)):].reshape(vs)
        else:
            lo, hi = (-3, 3) if reduce == "prod" else (None, None)
            x = draw(arrays(dt, shape=st.just(xs), lo=lo, hi=hi))
            v = draw(arrays(dt, shape=st.just(vs), lo=lo, hi=hi))
        return (x, key, v, reduce), {"include_self": draw(st.booleans())}
    return make()


# ---------------------------------------------------------------- gather/scatter strategies


@st.composite
def _axis_of(draw, nd):
    a = draw(st.integers(0, nd - 1))
    return a - nd if draw(st.booleans()) else a


def _fiber_unique(rs, ishape, axis, n):
    """Index array of ishape whose entries along `axis` are distinct (ishape[axis] <= n)."""
    full = list(ishape)
    full[axis] = n
    perm = np.argsort(rs.random_sample(full), axis=axis)
    return np.take(perm, np.arange(ishape[axis]), axis=axis).astype(np.int64)


def _gather_args(kind):
    """kind: 'gather', 'scatter' (fiber-unique index), 'scatter_add', 'scatter_reduce'."""
    def args(dt):
        @st.composite
        def make(draw):
            xs = draw(shapes(min_dims=1, max_dims=3, min_side=1, max_side=4))
            nd = len(xs)
            axis = draw(_axis_of(nd))
            ax = axis % nd
            ishape = tuple(draw(st.integers(0 if d != ax else 0, xs[d] if d != ax else 5))
                           for d in range(nd))
            rs = np.random.RandomState(draw(st.integers(0, 2 ** 16)))
            if kind == "scatter":
                ishape = ishape[:ax] + (min(ishape[ax], xs[ax]),) + ishape[ax + 1:]
                index = _fiber_unique(rs, ishape, ax, xs[ax])
            else:
                index = rs.randint(-xs[ax] if kind == "gather" else 0, xs[ax], size=ishape)
            x = draw(arrays(dt, shape=st.just(xs)))
            if kind == "gather":
                return (x, axis, index), {}
            if draw(st.integers(0, 4)) == 0 and kind != "scatter_reduce":
                src = draw(arrays(dt, shape=st.just(()))).item()
            else:
                sshape = tuple(s + draw(st.integers(0, 1)) for s in ishape)
                src = draw(arrays(dt, shape=st.just(sshape)))
            if kind == "scatter_reduce":
                reduce = draw(st.sampled_from(["sum", "prod", "mean", "amax", "amin"]))
                if dt.kind == "c" and reduce in ("amax", "amin"):
                    reduce = "sum"
                return (x, axis, index, src, reduce), {"include_self": draw(st.booleans())}
            return (x, axis, index, src), {}
        return make()
    return args


def _take_args(dt):
    @st.composite
    def make(draw):
        x = draw(arrays(dt, shape=shapes(min_dims=1, max_dims=3, min_side=1, max_side=4)))
        axis = draw(st.none() | _axis_of(x.ndim))
        n = x.size if axis is None else x.shape[axis]
        ishape = draw(shapes(min_dims=0, max_dims=2, max_side=3))
        idx = np.random.RandomState(draw(st.integers(0, 999))).randint(-n, n, size=ishape)
        kw = {} if axis is None and draw(st.booleans()) else {"axis": axis}
        return (x, idx.astype(draw(st.sampled_from(IDX_DTYPES[:3])))), kw
    return make()


def _index_select_args(dt):
    @st.composite
    def make(draw):
        x = draw(arrays(dt, shape=shapes(min_dims=1, max_dims=3, min_side=1, max_side=4)))
        axis = draw(_axis_of(x.ndim))
        n = x.shape[axis]
        idx = np.random.RandomState(draw(st.integers(0, 999))).randint(0, n, size=draw(st.integers(0, 5)))
        return (x, axis, idx), {}
    return make()


def _along_args(put):
    def args(dt):
        @st.composite
        def make(draw):
            xs = draw(shapes(min_dims=1, max_dims=3, min_side=1, max_side=4))
            nd = len(xs)
            axis = draw(_axis_of(nd))
            ax = axis % nd
            rs = np.random.RandomState(draw(st.integers(0, 2 ** 16)))
            ishape = tuple(draw(st.sampled_from([1, xs[d]])) if d != ax else
                           draw(st.integers(0, xs[d] if put else 5)) for d in range(nd))
            if put:
                idx = _fiber_unique(rs, ishape, ax, xs[ax])
                if draw(st.booleans()):
                    idx = idx - xs[ax] * (rs.random_sample(ishape) < 0.5)
            else:
                idx = rs.randint(-xs[ax], xs[ax], size=ishape)
            x = draw(arrays(dt, shape=st.just(xs)))
            if not put:
                return (x, idx), {"axis": axis}
            # values broadcast to the broadcast of indices with x's other dims
            full = tuple(max(xs[d], ishape[d]) if d != ax else ishape[d] for d in range(nd))
            v = draw(arrays(dt, shape=st.just(draw(_sub_shape(full)))))
            return (x, idx, v), {"axis": axis}
        return make()
    return args


def _masked_fill_args(dt):
    @st.composite
    def make(draw):
        x = draw(arrays(dt, shape=shapes(max_dims=3, max_side=4)))
        mask = draw(arrays(np.dtype(bool), shape=st.just(draw(_sub_shape(x.shape)))))
        v = draw(arrays(dt, shape=st.just(())))
        return (x, mask, v.item() if draw(st.booleans()) else v), {}
    return make()


def _masked_select_args(dt):
    @st.composite
    def make(draw):
        s = draw(hnp.mutually_broadcastable_shapes(num_shapes=2, max_dims=3, max_side=4))
        x = draw(arrays(dt, shape=st.just(s.input_shapes[0])))
        mask = draw(arrays(np.dtype(bool), shape=st.just(s.input_shapes[1])))
        return (x, mask), {}
    return make()


SPECS = {
    "getitem": Spec(_getitem_args, ALL, grad=(0,)),
    "index_update": Spec(_write_args(unique=True), ALL, grad=(0, 2),
                         grad_args=_write_args(unique=True, scalar_values=False)),
    "index_add": Spec(_write_args(unique=False), NUMERIC + BOOL, grad=(0, 2),
                      grad_args=_write_args(unique=False, scalar_values=False)),
    "index_reduce": Spec(lambda dt: _reduce_args(dt), NUMERIC, grad=(0, 2),
                         grad_args=lambda dt: _reduce_args(dt, grad=True)),
    "take": Spec(_take_args, ALL, grad=(0,)),
    "take_along_axis": Spec(_along_args(False), ALL, grad=(0,)),
    "put_along_axis": Spec(_along_args(True), ALL, grad=(0, 2)),
    "gather": Spec(_gather_args("gather"), ALL, grad=(0,)),
    "scatter": Spec(_gather_args("scatter"), ALL, grad=(0, 3),
                    grad_args=lambda dt: _gather_args("scatter")(dt).filter(lambda c: not np.isscalar(c[0][3]))),
    "scatter_add": Spec(_gather_args("scatter_add"), NUMERIC, grad=(0, 3),
                        grad_args=lambda dt: _gather_args("scatter_add")(dt).filter(
                            lambda c: not np.isscalar(c[0][3]))),
    "scatter_reduce": Spec(_gather_args("scatter_reduce"), NUMERIC),
    "index_select": Spec(_index_select_args, ALL, grad=(0,)),
    "masked_fill": Spec(_masked_fill_args, ALL, grad=(0,)),
    "masked_select": Spec(_masked_select_args, ALL, grad=(0,)),
}


@pytest.mark.parametrize("name", list(SPECS))
def test_op(name, backend):
    check_spec(name, backend, SPECS[name])


@pytest.mark.parametrize("name", [n for n, s in SPECS.items() if s.grad])
def test_grad(name, backend):
    check_grad(name, backend, SPECS[name])


# ---------------------------------------------------------------- fixed cases


def _np(v):
    return np.asarray(C.to_numpy(v))


def test_placement_rules(backend):
    """The advanced-index block placement quirks, checked against NumPy directly."""
    x = np.arange(360.0).reshape(3, 4, 5, 6)
    i = np.array([0, 1])
    cases = [(0, slice(None), i), (slice(None), 0, i), (i, None, i), (slice(None), i, None, i),
             (slice(None), i, Ellipsis, i, slice(None)), (True, slice(None), 0), (slice(None), 0, True),
             (i, slice(None), True), (slice(None), [True, False, True, True], 0), (np.array(True), 0),
             (slice(None, None, -1),), (slice(None), np.array([[0], [1]], dtype=np.uint8)),
             ([0, 2],), ([[0, 1]],), (slice(None), []), ((0, 1),), (slice(None, None, -2), 1, slice(3, None, -1)),
             (Ellipsis, -1), (np.ones((3, 4), bool), 1), (None, Ellipsis, None)]
    with unify.using_backend(backend):
        X = C.asarray(x)
        for k in cases:
            kk = tuple(C.asarray(e) if isinstance(e, np.ndarray) else e for e in k)
            ref = x[k]
            out = _np(C.getitem(X, kk))
            assert out.shape == ref.shape and (out == ref).all(), k
            v = np.arange(ref.size, dtype=np.float64).reshape(ref.shape) + 0.5
            r2 = x.copy()
            r2[k] = v
            np.testing.assert_array_equal(_np(C.index_update(X, kk, C.asarray(v))), r2, err_msg=str(k))
            r3 = x.copy()
            np.add.at(r3, k, v)
            np.testing.assert_array_equal(_np(C.index_add(X, kk, C.asarray(v))), r3, err_msg=str(k))


def test_duplicates_accumulate(backend):
    with unify.using_backend(backend):
        x = C.zeros((3,))
        out = C.index_add(x, C.asarray(np.array([0, 0, 2, 0])), C.asarray(np.array([1.0, 2.0, 3.0, 4.0])))
        np.testing.assert_array_equal(_np(out), [7.0, 0.0, 3.0])
        out = C.scatter_add(x, 0, C.asarray(np.array([1, 1])), 2.5)
        np.testing.assert_array_equal(_np(out), [0.0, 5.0, 0.0])


def test_scalar_array_results(backend):
    with unify.using_backend(backend):
        x = C.asarray(np.arange(6.0).reshape(2, 3))
        out = C.getitem(x, (1, -1))
        assert C.is_array(out) and C.shape(out) == ()
        assert float(_np(out)) == 5.0
        s = C.asarray(np.float64(3.0))
        assert C.shape(C.getitem(s, ())) == () and C.shape(C.getitem(s, None)) == (1,)
        assert C.shape(C.getitem(s, False)) == (0,)
        np.testing.assert_array_equal(_np(C.index_update(s, (), 7.0)), 7.0)
        np.testing.assert_array_equal(_np(C.index_add(s, (None, True), C.asarray(np.array([[2.0]])))), 5.0)


def test_errors_indexing(backend):
    with unify.using_backend(backend):
        x = C.asarray(np.arange(12.0).reshape(3, 4))
        for key in (3, -4, (0, 4), (slice(None), -5), (1, 2, 0)):
            with pytest.raises(IndexError):
                C.getitem(x, key)
            with pytest.raises(IndexError):
                C.index_update(x, key, 0.0)
        for arr, arr1 in ((np.array([0, 3]), np.array([4])), (np.array([-4]), np.array([-5, 0])),
                          (np.array([[1], [5]]), np.array([[1], [9]], dtype=np.uint8))):
            with pytest.raises(IndexError):
                C.getitem(x, C.asarray(arr))
            with pytest.raises(IndexError):
                C.getitem(x, (slice(None), C.asarray(arr1)))
            with pytest.raises(IndexError):
                C.index_add(x, C.asarray(arr), 1.0)
            with pytest.raises(IndexError):
                C.index_update(x, C.asarray(arr), 1.0)
        with pytest.raises(IndexError):
            C.getitem(x, [0, 7])
        for mask in (np.array([True, False]), np.ones((3, 3), bool), np.ones((2, 4), bool)):
            with pytest.raises(IndexError):
                C.getitem(x, C.asarray(mask))
            with pytest.raises(IndexError):
                C.index_update(x, C.asarray(mask), 0.0)
        with pytest.raises(IndexError):  # arrays that do not broadcast together
            C.getitem(x, (C.asarray(np.array([0, 1])), C.asarray(np.array([0, 1, 2]))))
        with pytest.raises(IndexError):
            C.getitem(x, (Ellipsis, 0, Ellipsis))
        with pytest.raises(IndexError):
            C.getitem(x, C.asarray(np.array([0.5])))
        with pytest.raises(ValueError):  # values that do not broadcast to x[key]
            C.index_update(x, 0, C.asarray(np.ones(3)))
        with pytest.raises(IndexError):
            C.take(x, C.asarray(np.array([12])))
        with pytest.raises(IndexError):
            C.gather(x, 1, C.asarray(np.array([[4]])))
        with pytest.raises(IndexError):
            C.scatter(x, 0, C.asarray(np.array([[3]])), 1.0)
        with pytest.raises(ValueError):
            C.gather(x, 0, C.asarray(np.array([0])))
        with pytest.raises(ValueError):
            C.scatter_reduce(x, 0, C.asarray(np.array([[0]])), C.asarray(np.ones((1, 1))), "median")
        with pytest.raises(ValueError):
            C.masked_fill(x, C.asarray(np.ones((2, 4), bool)), 0.0)


def test_traced(backend):
    """Under jax.jit / tf.function: index arrays as traced values, masks in tf graphs."""
    x = np.arange(60.0).reshape(3, 4, 5)
    i = np.array([0, -1])
    m = np.array([True, False, True, True])
    cases = [((slice(None), i), True), ((i, None, slice(1, None, -1), i), True), ((0, slice(None), i), True),
             ((slice(None), m), False)]
    with unify.using_backend(backend):
        if backend == "jax":
            import jax
            wrap = jax.jit
        elif backend == "tensorflow":
            import tensorflow as tf
            wrap = tf.function
        else:
            pytest.skip("eager backend")
        X = C.asarray(x)
        for k, jit_ok in cases:
            if backend == "jax" and not jit_ok:
                continue  # jax needs concrete masks
            arrs = [e for e in k if isinstance(e, np.ndarray)]

            def rebuild(*a, k=k):
                it = iter(a)
                return tuple(next(it) if isinstance(e, np.ndarray) else e for e in k)

            ref = x[k]
            v = np.arange(ref.size, dtype=np.float64).reshape(ref.shape)
            out = wrap(lambda X, *a: C.getitem(X, rebuild(*a)))(X, *[C.asarray(e) for e in arrs])
            np.testing.assert_array_equal(_np(out), ref)
            out = wrap(lambda X, V, *a: C.index_add(X, rebuild(*a), V))(X, C.asarray(v), *[C.asarray(e) for e in arrs])
            r = x.copy()
            np.add.at(r, k, v)
            np.testing.assert_array_equal(_np(out), r)
            if not jit_ok:
                continue  # a mask gives a dynamic shape in a tf graph: other ops' rules need static ones
            g = wrap(lambda X, *a: C.grad(lambda y: C.sum(C.getitem(y, rebuild(*a))))(X))(
                X, *[C.asarray(e) for e in arrs])
            r = np.zeros_like(x)
            np.add.at(r, k, 1.0)
            np.testing.assert_array_equal(_np(g), r)
