"""Indexing against real torch on every backend: x[key] / x[key] = v with Hypothesis keys
(ints, slices, None, Ellipsis, bool masks, integer tensors, lists and their mixtures), and
gather/scatter/index_*/masked_*/take/put/where/nonzero/*_scatter with torch's errors."""
import numpy as np
import pytest
import torch as real
from hypothesis import given, strategies as st

import unify
import unify.frontends.torch as ft
from tfhelp import check, raises_like

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")  # torch's deprecated key forms

SHAPE = (2, 3, 4)
X = np.arange(24, dtype=np.float32).reshape(SHAPE)


# ------------------------------------------------------------------ Hypothesis keys

@st.composite
def keys(draw, shape=SHAPE):
    """A key description: a list of (kind, payload); built into a real key per library."""
    nd = len(shape)
    out = []
    d = 0
    ell = False
    for _ in range(draw(st.integers(1, 4))):
        left = nd - d
        kinds = ["none", "pybool"] + (["int", "slice", "slice", "list", "tensor", "mask"] if left else [])
        if not ell:
            kinds.append("ellipsis")
        kind = draw(st.sampled_from(kinds))
        if kind == "none":
            out.append(("none", None))
        elif kind == "pybool":
            if any(k == "pybool" for k, _ in out):
                out.append(("none", None))
            else:
                out.append(("pybool", draw(st.booleans())))
        elif kind == "ellipsis":
            ell = True
            skip = draw(st.integers(0, left))
            out.append(("ellipsis", skip))
            d += skip
        elif kind == "int":
            n = shape[d]
            out.append(("int", draw(st.integers(-n, n - 1))))
            d += 1
        elif kind == "slice":
            n = shape[d]
            a = draw(st.one_of(st.none(), st.integers(-n - 1, n + 1)))
            b = draw(st.one_of(st.none(), st.integers(-n - 1, n + 1)))
            s = draw(st.sampled_from([None, 1, 2, 3]))
            out.append(("slice", (a, b, s)))
            d += 1
        elif kind in ("list", "tensor"):
            n = shape[d]
            ishape = draw(st.sampled_from([(1,), (2,), (3,), (2, 1), (1, 2)]))
            vals = draw(st.lists(st.integers(-n, n - 1), min_size=int(np.prod(ishape)),
                                 max_size=int(np.prod(ishape))))
            out.append((kind, np.array(vals, dtype=np.int64).reshape(ishape)))
            d += 1
        else:  # mask over 1 or 2 dims
            k = draw(st.integers(1, min(2, left)))
            mshape = shape[d:d + k]
            bits = draw(st.lists(st.booleans(), min_size=int(np.prod(mshape)),
                                 max_size=int(np.prod(mshape))))
            out.append(("mask", np.array(bits, dtype=bool).reshape(mshape)))
            d += k
    if ell:  # the Ellipsis skipped exactly `skip` dims: index the rest with full slices
        out.extend([("slice", (None, None, None))] * (nd - d))
    return out


def build(lib, desc):
    key = []
    for kind, p in desc:
        if kind == "none":
            key.append(None)
        elif kind == "pybool":
            key.append(p)
        elif kind == "ellipsis":
            key.append(Ellipsis)
        elif kind == "int":
            key.append(p)
        elif kind == "slice":
            key.append(slice(*p))
        elif kind == "list":
            key.append(p.tolist())
        elif kind == "tensor":
            key.append(lib.tensor(p))
        else:
            key.append(lib.tensor(p))
    return tuple(key)


@given(desc=keys())
def test_getitem_hypothesis(backend, desc):
    with unify.using_backend(backend):
        rx, mx = real.tensor(X), ft.tensor(X)
        raises_like(lambda: rx[build(real, desc)], lambda: mx[build(ft, desc)])


@given(desc=keys(), scalar=st.booleans())
def test_setitem_hypothesis(backend, desc, scalar):
    with unify.using_backend(backend):
        try:
            ids = real.arange(24).reshape(SHAPE)[build(real, desc)]
        except Exception:  # noqa: BLE001  (invalid key: the errors must agree)
            raises_like(lambda: real.tensor(X).__setitem__(build(real, desc), 1.0),
                        lambda: ft.tensor(X).__setitem__(build(ft, desc), 1.0))
            return
        dup = ids.numel() != ids.unique().numel()
        outs = []
        for lib in (real, ft):
            x = lib.tensor(X)
            shape = tuple(ids.shape)
            if scalar or dup:
                v = -7.5
            else:
                v = -lib.arange(float(max(ids.numel(), 1)))[:ids.numel()].reshape(shape) - 1
                if len(shape) >= 2 and shape[0] == 1:
                    v = v[0]  # a value with fewer dims broadcasts
            x[build(lib, desc)] = v
            outs.append(x)
        check(outs[1], outs[0])


def test_getitem_setitem_special(backend):
    with unify.using_backend(backend):
        rx, mx = real.tensor(X), ft.tensor(X)
        cases = [
            lambda lib, x: x[0, :, [0, 1]], lambda lib, x: x[:, None, [0, 2], None, 1],
            lambda lib, x: x[lib.tensor(1), :, [0, 1]], lambda lib, x: x[[[0, 1], [1, 0]]],
            lambda lib, x: x[[True, False]], lambda lib, x: x[[]],
            lambda lib, x: x[lib.tensor([1, 0]).to(lib.uint8)], lambda lib, x: x[lib.tensor(True)],
            lambda lib, x: x[lib.tensor(0):lib.tensor(1)], lambda lib, x: x[[0.5, 1.7]],
            lambda lib, x: x[1][2][3], lambda lib, x: x[..., 1:3][:, 1],
            lambda lib, x: x[5], lambda lib, x: x[0, 0, 0, 0], lambda lib, x: x[::-1],
            lambda lib, x: x[::0], lambda lib, x: x[1.0], lambda lib, x: x[lib.tensor([0.0])],
            lambda lib, x: x[lib.tensor([5])], lambda lib, x: x[[[True, False, True]]],
            lambda lib, x: x[lib.tensor([[True, False, True], [True, True, False]]), 1:],
            lambda lib, x: x["a"], lambda lib, x: x[0][0][0][0],
            lambda lib, x: x[lib.tensor([0, 1]), lib.tensor([0, 1, 2])],
        ]
        for c in cases:
            raises_like(lambda: c(real, rx), lambda: c(ft, mx))
        # views from basic indexing share memory; advanced indexing copies
        for lib, x in ((real, rx), (ft, mx)):
            x = x.clone()
            x[0][1].fill_(-1)
            x[:, 0][1:].zero_()
            x[[0]].fill_(100)          # a copy: no effect
            x[x > 20] = 0.5
            x[1, [0, 2]] += 10
            x[None, 0, ..., -1] = lib.tensor([7.0, 8.0, 9.0])
            x[lib.tensor(0), 0] = 3.0
            if lib is real:
                r_after = x
            else:
                check(x, r_after)
        setters = [
            lambda lib, x: x.__setitem__(0, lib.zeros(2, 3, 4)),
            lambda lib, x: x.__setitem__(0, lib.zeros(1, 1, 3, 4)),
            lambda lib, x: x.__setitem__((0, 0), lib.ones(3)),
            lambda lib, x: x.__setitem__((0, 0), [1.0, 2.0, 3.0, 4.0]),
            lambda lib, x: x.__setitem__([0], lib.ones(2, 1, 3, 4)),
            lambda lib, x: x.__setitem__(0, 1j),
            lambda lib, x: x.__setitem__(5, 1.0),
            lambda lib, x: x.__setitem__((lib.tensor([0, 1]), 0), lib.tensor([[1.0], [2.0]])),
            lambda lib, x: x.__setitem__((Ellipsis, lib.tensor([True, False, True, False])), -1.0),
            lambda lib, x: x.__setitem__(0, lib.tensor(2, dtype=lib.int64)),
        ]
        for f in setters:
            raises_like(lambda: (f(real, rx.clone()), None)[1], lambda: (f(ft, mx.clone()), None)[1])
            try:
                rr = rx.clone()
                f(real, rr)
            except Exception:  # noqa: BLE001
                continue
            mm = mx.clone()
            f(ft, mm)
            check(mm, rr)


@pytest.mark.parametrize("dt", ["int64", "uint8", "int8", "bool", "float16", "float32"])
def test_setitem_casts(backend, dt):
    with unify.using_backend(backend):
        for v in (2.7, -1, 300, -129, -255, True, float("nan"), 2 ** 40, 2 ** 63, 65520.0, -1e39, 1j):
            outs = []
            for lib in (real, ft):
                x = lib.zeros(3, dtype=getattr(lib, dt))
                outs.append(x)
            raises_like(lambda: (outs[0].__setitem__(1, v), outs[0])[1],
                        lambda: (outs[1].__setitem__(1, v), outs[1])[1])


# ------------------------------------------------------------------ functional indexing ops

A = np.arange(6, dtype=np.float32).reshape(2, 3)


def _agree(cases, arrays=(A,)):
    rin = [real.tensor(a) for a in arrays]
    min_ = [ft.tensor(a) for a in arrays]
    for c in cases:
        raises_like(lambda: c(real, *rin), lambda: c(ft, *min_))


def test_gather_scatter(backend):
    with unify.using_backend(backend):
        i = lambda lib, v, dt="int64": lib.tensor(v, dtype=getattr(lib, dt))  # noqa: E731
        _agree([
            lambda lib, x: lib.gather(x, 1, i(lib, [[0, 1, 0]])),
            lambda lib, x: lib.gather(x, 1, i(lib, [[0, 2], [1, 0]], "int32")),
            lambda lib, x: lib.gather(x, 0, i(lib, [[1, 0, 1], [0, 0, 0], [1, 1, 1]])),
            lambda lib, x: x.gather(-1, i(lib, [[2], [1]])),
            lambda lib, x: lib.gather(x, 1, i(lib, [[5]])),
            lambda lib, x: lib.gather(x, 1, i(lib, [[-1]])),
            lambda lib, x: lib.gather(x, 1, i(lib, [0])),
            lambda lib, x: lib.gather(x, 1, i(lib, [[1]], "int16")),
            lambda lib, x: lib.gather(x, 1, i(lib, [[1], [1], [1]])),
            lambda lib, x: lib.gather(x, 2, i(lib, [[1]])),
            lambda lib, x: lib.scatter(x, 1, i(lib, [[0, 1, 2]]), 9.0),
            lambda lib, x: lib.scatter(x, 1, i(lib, [[2, 1]]), lib.ones(1, 3) * 5),
            lambda lib, x: lib.scatter(x, 0, i(lib, [[1, 0, 1]]), lib.ones(2, 3) * -1),
            lambda lib, x: lib.scatter(x, 1, i(lib, [[0, 1, 0]]), 2.0, reduce="add"),
            lambda lib, x: lib.scatter(x, 1, i(lib, [[0, 1, 0]]), lib.ones(1, 3) * 3, reduce="multiply"),
            lambda lib, x: lib.scatter(x, 1, i(lib, [[0, 1, 0]]), 2.0, reduce="max"),
            lambda lib, x: lib.scatter(x, 1, i(lib, [[0, 1, 2]]), lib.ones(1, 3, dtype=lib.float64)),
            lambda lib, x: lib.scatter(x, 1, i(lib, [[7]]), 1.0),
            lambda lib, x: lib.scatter(x, 1, i(lib, [[0, 1, 2]]), lib.ones(1, 2)),
            lambda lib, x: lib.scatter(x, 1, i(lib, [[0]]), value=3),
            lambda lib, x: lib.scatter(x.int(), 1, i(lib, [[0]]), 2.7),
            lambda lib, x: lib.scatter_add(x, 1, i(lib, [[0, 1, 0], [2, 2, 2]]), lib.ones(2, 3)),
            lambda lib, x: lib.scatter_add(x, 0, i(lib, [[1, 1, 1]]), lib.ones(2, 3) * 2),
            lambda lib, x: lib.scatter_reduce(x, 1, i(lib, [[0, 1, 0]]), lib.ones(1, 3) * 7, "amax"),
            lambda lib, x: lib.scatter_reduce(x, 1, i(lib, [[0, 0, 0]]), lib.ones(1, 3) * 7, "amin",
                                              include_self=False),
            lambda lib, x: lib.scatter_reduce(x, 1, i(lib, [[0, 0, 1]]), lib.tensor([[1.0, 2.0, 4.0]]), "mean"),
            lambda lib, x: lib.scatter_reduce(x, 1, i(lib, [[0, 0, 1]]), lib.tensor([[1.0, 2.0, 4.0]]), "prod",
                                              include_self=False),
            lambda lib, x: lib.scatter_reduce(x, 1, i(lib, [[0, 0, 1]]), lib.ones(1, 3), "sum"),
            lambda lib, x: lib.scatter_reduce(x, 1, i(lib, [[0]]), lib.ones(1, 1), "foo"),
            lambda lib, x: x.clone().scatter_(1, i(lib, [[2, 0]]), -4.0),
            lambda lib, x: x.clone().scatter_add_(0, i(lib, [[0, 0, 0]]), lib.ones(1, 3)),
            lambda lib, x: lib.gather(lib.tensor(5.0), 0, i(lib, [0, 0])),
            lambda lib, x: lib.scatter(lib.tensor(5.0), 0, i(lib, 0), 1.0),
        ])


def test_index_ops(backend):
    with unify.using_backend(backend):
        i = lambda lib, v, dt="int64": lib.tensor(v, dtype=getattr(lib, dt))  # noqa: E731
        _agree([
            lambda lib, x: lib.index_select(x, 1, i(lib, [2, 0, 2])),
            lambda lib, x: lib.index_select(x, 0, i(lib, [1], "int32")),
            lambda lib, x: lib.index_select(x, 1, i(lib, 2)),
            lambda lib, x: lib.index_select(x, 1, i(lib, [[2, 0]])),
            lambda lib, x: lib.index_select(x, 1, i(lib, [3])),
            lambda lib, x: lib.index_select(x, 1, i(lib, [1], "int16")),
            lambda lib, x: lib.index_add(x, 1, i(lib, [0, 0]), lib.ones(2, 2), alpha=2),
            lambda lib, x: lib.index_add(x, 0, i(lib, [1], "int32"), lib.ones(1, 3)),
            lambda lib, x: lib.index_add(x, 1, i(lib, [0, 0]), lib.ones(2, 3)),
            lambda lib, x: lib.index_add(x, 1, i(lib, [0, 0]), lib.ones(3, 2)),
            lambda lib, x: lib.index_add(x, 1, i(lib, [5]), lib.ones(2, 1)),
            lambda lib, x: lib.index_add(x, 1, i(lib, [0]), lib.ones(2, 1, dtype=lib.float64)),
            lambda lib, x: lib.index_copy(x, 1, i(lib, [2, 0]), lib.ones(2, 2) * 4),
            lambda lib, x: lib.index_copy(x, 1, i(lib, [2, 0], "int32"), lib.ones(2, 2)),
            lambda lib, x: lib.index_copy(x, 1, i(lib, [-1]), lib.ones(2, 1)),
            lambda lib, x: lib.index_fill(x, 1, i(lib, [2, 0]), -1.0),
            lambda lib, x: lib.index_fill(x, 1, i(lib, [-1]), lib.tensor(-2.0)),
            lambda lib, x: lib.index_fill(x, 1, i(lib, [5]), 1.0),
            lambda lib, x: lib.index_fill(x, 1, i(lib, [0], "int32"), 1.0),
            lambda lib, x: lib.index_fill(x, 1, i(lib, [0]), lib.tensor([1.0])),
            lambda lib, x: lib.index_put(x, (i(lib, [0, 0]), i(lib, [1, 1])), lib.tensor(5.0), accumulate=True),
            lambda lib, x: lib.index_put(x, (i(lib, [0, 1]),), lib.tensor([5.0, 6, 7])),
            lambda lib, x: lib.index_put(x, (lib.tensor([[True, False, True], [False, False, True]]),),
                                         lib.tensor(5.0)),
            lambda lib, x: lib.index_put(x, [i(lib, [1, -1])], lib.tensor(5.0)),
            lambda lib, x: lib.index_put(x, (i(lib, [0, 1]),), lib.tensor(5)),
            lambda lib, x: lib.index_put(x, (i(lib, [0, 1]), i(lib, [5, 0])), lib.tensor(5.0)),
            lambda lib, x: x.clone().index_put_((i(lib, [1, 1, 0]), i(lib, [2, 2, 0])),
                                                lib.tensor([1.0, 2.0, 3.0]), accumulate=True),
            lambda lib, x: x.clone().index_put_((i(lib, [1]),), lib.tensor(-3.0)),
            lambda lib, x: lib.index_reduce(x, 1, i(lib, [0, 0]), lib.ones(2, 2) * 3, "prod"),
            lambda lib, x: lib.index_reduce(x, 1, i(lib, [0, 2]), lib.ones(2, 2) * 3, "mean",
                                            include_self=False),
            lambda lib, x: lib.index_reduce(x, 0, i(lib, [1, 1]), lib.ones(2, 3) * 9, "amax"),
            lambda lib, x: lib.index_reduce(x, 1, i(lib, [0, 0]), lib.ones(2, 2), "sum"),
            lambda lib, x: lib.index_reduce(x, 1, i(lib, [0, 5]), lib.ones(2, 2), "amin"),
            lambda lib, x: x.clone().index_add_(0, i(lib, [0]), lib.ones(1, 3)),
            lambda lib, x: x.clone().index_fill_(0, i(lib, [1]), 8.0),
            lambda lib, x: x.clone().index_copy_(0, i(lib, [1]), lib.zeros(1, 3)),
        ])


def test_mask_take_put(backend):
    with unify.using_backend(backend):
        i = lambda lib, v, dt="int64": lib.tensor(v, dtype=getattr(lib, dt))  # noqa: E731
        _agree([
            lambda lib, x: lib.masked_fill(x, x > 2, 0.5),
            lambda lib, x: lib.masked_fill(x, lib.tensor([True, False, True]), lib.tensor(1.0)),
            lambda lib, x: lib.masked_fill(x, lib.ones(2, 2, 3, dtype=lib.bool), 1),
            lambda lib, x: lib.masked_fill(x.int(), x > 2, 0.5),
            lambda lib, x: lib.masked_fill(x.int(), x > 2, lib.tensor(2.7)),
            lambda lib, x: lib.masked_fill(x, (x > 2).int(), 0.5),
            lambda lib, x: lib.masked_fill(x, x > 2, lib.tensor([1.0])),
            lambda lib, x: lib.masked_fill(x, x > 2, 1j),
            lambda lib, x: x.clone().masked_fill_(lib.ones(2, 2, 3, dtype=lib.bool), 1),
            lambda lib, x: x.clone().masked_fill_(x < 3, -1),
            lambda lib, x: lib.masked_select(x, x > 2),
            lambda lib, x: lib.masked_select(x, lib.tensor([True, False, True])),
            lambda lib, x: lib.masked_select(x, lib.tensor([1, 0, 1])),
            lambda lib, x: lib.masked_scatter(x, x > 2, lib.arange(10.0) * -1),
            lambda lib, x: lib.masked_scatter(x, lib.tensor([False, True, True]), lib.arange(10.0) + 50),
            lambda lib, x: lib.masked_scatter(x, x > 2, lib.arange(2.0)),
            lambda lib, x: lib.masked_scatter(x, x > 2, lib.arange(5)),
            lambda lib, x: x.clone().masked_scatter_(x > 3, lib.ones(2, 3) * 9),
            lambda lib, x: lib.take(x, i(lib, [[0, 5], [-1, 2]])),
            lambda lib, x: lib.take(x, i(lib, [6])),
            lambda lib, x: lib.take(x, i(lib, [1], "int32")),
            lambda lib, x: lib.take_along_dim(x, i(lib, [[0], [2]]), 1),
            lambda lib, x: lib.take_along_dim(x, i(lib, [5, 0])),
            lambda lib, x: lib.take_along_dim(x, i(lib, [[0, 2]]), 1),
            lambda lib, x: lib.take_along_dim(x, i(lib, [[-1], [0]]), 1),
            lambda lib, x: lib.take_along_dim(x, i(lib, [[[0, 2]]]), 1),
            lambda lib, x: lib.take_along_dim(x, i(lib, [[1]], "int32"), 1),
            lambda lib, x: lib.put(x, i(lib, [0, 5]), lib.tensor([9.0, 8])),
            lambda lib, x: lib.put(x, i(lib, [0, 0]), lib.tensor([9.0, 8]), accumulate=True),
            lambda lib, x: lib.put(x, i(lib, [-1]), lib.tensor([9.0])),
            lambda lib, x: lib.put(x, i(lib, [6]), lib.tensor([9.0])),
            lambda lib, x: lib.put(x, i(lib, [0, 1]), lib.tensor([9.0])),
            lambda lib, x: lib.put(x, i(lib, [0]), lib.tensor([9])),
            lambda lib, x: x.clone().put_(i(lib, [1, 2]), lib.tensor([-1.0, -2.0])),
        ])


def test_where_nonzero(backend):
    with unify.using_backend(backend):
        _agree([
            lambda lib, x: lib.where(x > 2, x, 0),
            lambda lib, x: lib.where(x > 2, 1, 0),
            lambda lib, x: lib.where(x > 2, 1.0, 0),
            lambda lib, x: lib.where(x > 2, x.double(), 0),
            lambda lib, x: lib.where(x.int() > 2, x.int(), 2.5),
            lambda lib, x: lib.where(x > 2, x.int(), lib.tensor(2.5, dtype=lib.float64)),
            lambda lib, x: lib.where(lib.tensor(True), lib.ones(2, 1), lib.zeros(3)),
            lambda lib, x: lib.where(x, x, 0),
            lambda lib, x: lib.where(x > 2),
            lambda lib, x: x.where(x > 1, -x),
            lambda lib, x: lib.nonzero(x),
            lambda lib, x: lib.nonzero(x, as_tuple=True),
            lambda lib, x: lib.nonzero(lib.tensor(5)),
            lambda lib, x: lib.nonzero(lib.tensor(0), as_tuple=True),
            lambda lib, x: lib.nonzero(lib.tensor(5), as_tuple=True),
            lambda lib, x: lib.argwhere(x > 1),
            lambda lib, x: lib.argwhere(lib.tensor(0)),
            lambda lib, x: x.nonzero(),
            lambda lib, x: lib.select_scatter(x, lib.ones(3), 0, 1),
            lambda lib, x: lib.select_scatter(x, lib.ones(2), 1, -1),
            lambda lib, x: lib.select_scatter(x, lib.ones(2), 0, 1),
            lambda lib, x: lib.select_scatter(x, lib.ones(3, dtype=lib.int64), 0, 1),
            lambda lib, x: lib.slice_scatter(x, lib.ones(2, 2), 1, 1),
            lambda lib, x: lib.slice_scatter(x, lib.ones(2, 2), 1, 0, 3, 2),
            lambda lib, x: lib.slice_scatter(x, lib.ones(2, 2), 1, None, None),
            lambda lib, x: lib.diagonal_scatter(x, lib.ones(2), 1),
            lambda lib, x: lib.diagonal_scatter(x, lib.ones(2) * 7, -1, 1, 0),
            lambda lib, x: lib.diagonal_scatter(x, lib.ones(3), 1),
        ])
