"""torch.utils.data against real torch: datasets, samplers, DataLoader batches and
default_collate/default_convert, on every backend. Random orders are compared by their
properties (torch's generator streams are not reproduced); sequential orders exactly."""
from __future__ import annotations

import collections
import math

import numpy as np
import pytest
import torch as real
import torch.utils.data as rd

import unify
import unify.frontends.torch as ft
import unify.frontends.torch.utils.data as fd
from tfhelp import check, ours

Point = collections.namedtuple("Point", "x y")


def same(mine, theirs):
    """Frontend batch vs torch batch: structure, container types, tensors (value/dtype/shape)."""
    if isinstance(theirs, real.Tensor):
        assert isinstance(mine, ft.Tensor), type(mine)
        check(mine, theirs)
    elif isinstance(theirs, dict):
        assert type(mine) is type(theirs) and list(mine) == list(theirs)
        for k in theirs:
            same(mine[k], theirs[k])
    elif isinstance(theirs, tuple) and hasattr(theirs, "_fields"):
        assert type(mine) is type(theirs)
        for a, b in zip(mine, theirs):
            same(a, b)
    elif isinstance(theirs, (list, tuple)):
        assert type(mine) is type(theirs) and len(mine) == len(theirs), (mine, theirs)
        for a, b in zip(mine, theirs):
            same(a, b)
    elif isinstance(theirs, np.ndarray):
        assert isinstance(mine, np.ndarray) and np.array_equal(mine, theirs)
    else:
        assert type(mine) is type(theirs) and mine == theirs, (mine, theirs)


def both_raise(fn_real, fn_ours):
    with pytest.raises(Exception) as theirs:
        fn_real()
    with pytest.raises(type(theirs.value)):
        fn_ours()


class _Records:
    """A map-style dataset of mixed samples, built from a module (real torch or the frontend)."""

    def __init__(self, m, n=7):
        self.m, self.n = m, n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        m = self.m
        return {
            "x": m.arange(3, dtype=m.float32) * i,
            "label": i % 3,
            "weight": 0.5 * i,
            "flag": i % 2 == 0,
            "np": np.full((2,), i, dtype=np.int32),
            "np_scalar": np.float32(i) / 2,
            "name": f"item{i}",
            "pair": (i, m.tensor([i, -i])),
            "point": Point(i, float(i)),
            "list": [i, i + 1],
        }


class _Stream:
    """An iterable dataset yielding n samples."""

    def __init__(self, base, m, n):
        self.base, self.m, self.n = base, m, n

    def make(self):
        m, n = self.m, self.n

        class Stream(self.base):
            def __iter__(self):
                return iter((m.tensor([i, i * 2]), i) for i in range(n))

            def __len__(self):
                return n

        return Stream()


def _tensor_pair(m, dt):
    x = np.arange(22, dtype=np.float64).reshape(11, 2)
    if m is real:
        return real.tensor(x).to(getattr(real, dt)), real.arange(11)
    return ours(real.tensor(x).to(getattr(real, dt))), ft.arange(11)


@pytest.mark.parametrize("batch_size,drop_last", [(1, False), (3, False), (3, True), (11, True),
                                                  (4, True)])
def test_tensor_dataset_batches(backend, batch_size, drop_last):
    rx, ry = _tensor_pair(real, "float32")
    rl = rd.DataLoader(rd.TensorDataset(rx, ry), batch_size=batch_size, drop_last=drop_last)
    with unify.using_backend(backend):
        ox, oy = _tensor_pair(ft, "float32")
        ol = fd.DataLoader(fd.TensorDataset(ox, oy), batch_size=batch_size, drop_last=drop_last)
        assert len(ol) == len(rl)
        got, want = list(ol), list(rl)
        assert len(got) == len(want)
        for a, b in zip(got, want):
            same(a, b)
        it = iter(ol)
        assert len(it) == len(rl)


@pytest.mark.parametrize("dt", ["float64", "int64", "bool", "bfloat16", "complex64"])
def test_tensor_dataset_dtypes(backend, dt):
    rx, _ = _tensor_pair(real, dt)
    with unify.using_backend(backend):
        ox, _ = _tensor_pair(ft, dt)
        for a, b in zip(fd.DataLoader(fd.TensorDataset(ox), batch_size=4),
                        rd.DataLoader(rd.TensorDataset(rx), batch_size=4)):
            same(a, b)


def test_mixed_samples_collate(backend):
    want = list(rd.DataLoader(_Records(real), batch_size=3))
    want_single = list(rd.DataLoader(_Records(real), batch_size=None))
    with unify.using_backend(backend):
        got = list(fd.DataLoader(_Records(ft), batch_size=3))
        assert len(got) == len(want)
        for a, b in zip(got, want):
            same(a, b)
        got_single = list(fd.DataLoader(_Records(ft), batch_size=None))
        for a, b in zip(got_single, want_single):
            same(a, b)


def test_default_collate_and_convert(backend):
    cases = [
        lambda m: [True, False], lambda m: [1, 2, 3], lambda m: [1.0, 2.5],
        lambda m: [np.float32(1), np.float32(2)], lambda m: [np.int64(1), np.int64(2)],
        lambda m: [np.bool_(True)], lambda m: [np.array([1, 2]), np.array([3, 4])],
        lambda m: [np.array(1.5), np.array(2.5)], lambda m: ["a", "b"], lambda m: [b"a", b"b"],
        lambda m: [(1, "a"), (2, "b")], lambda m: [[1, 2], [3, 4]],
        lambda m: [{"a": 1, "b": [1.0]}, {"a": 2, "b": [2.0]}],
        lambda m: [Point(1, 2.0), Point(3, 4.0)],
        lambda m: [collections.OrderedDict(z=m.ones(2), a=1)] * 2,
        lambda m: [m.tensor(1), m.tensor(2)], lambda m: [m.zeros(2, 3), m.ones(2, 3)],
        lambda m: [m.tensor([1.5], dtype=m.float16)] * 3,
    ]
    bad = [
        lambda m: [object()], lambda m: [np.array(["a"])], lambda m: [[1, 2], [3]],
        lambda m: [None], lambda m: [1 + 2j], lambda m: [m.zeros(2), m.zeros(3)],
    ]
    converts = [
        lambda m: np.array([1, 2]), lambda m: (np.float64(2.0), 3), lambda m: np.float64(3),
        lambda m: {"a": np.zeros(2), "b": "s"}, lambda m: [np.array([1.5]), Point(1, 2)],
        lambda m: np.array(["x"]), lambda m: m.ones(2),
    ]
    with unify.using_backend(backend):
        for c in cases:
            same(fd.default_collate(c(ft)), rd.default_collate(c(real)))
            same(fd._utils.collate.default_collate(c(ft)), rd.default_collate(c(real)))
        for c in bad:
            both_raise(lambda: rd.default_collate(c(real)), lambda: fd.default_collate(c(ft)))
        for c in converts:
            same(fd.default_convert(c(ft)), rd.default_convert(c(real)))


def test_shuffle_reproducible_with_generator(backend):
    with unify.using_backend(backend):
        ds = fd.TensorDataset(ft.arange(10))

        def epochs(seed):
            g = ft.Generator().manual_seed(seed)
            loader = fd.DataLoader(ds, batch_size=4, shuffle=True, generator=g)
            return [[b[0].tolist() for b in loader] for _ in range(2)]

        a, b = epochs(7), epochs(7)
        assert a == b
        for epoch in a:
            assert [len(x) for x in epoch] == [4, 4, 2]
            assert sorted(sum(epoch, [])) == list(range(10))
        # without a generator the order follows the global seed (torch.manual_seed)
        ft.manual_seed(3)
        first = [b[0].tolist() for b in fd.DataLoader(ds, batch_size=5, shuffle=True)]
        ft.manual_seed(3)
        again = [b[0].tolist() for b in fd.DataLoader(ds, batch_size=5, shuffle=True)]
        assert first == again and sorted(sum(first, [])) == list(range(10))


def test_iterable_dataset(backend):
    for bs, drop in [(2, False), (2, True), (None, False), (5, False), (6, True)]:
        rl = rd.DataLoader(_Stream(rd.IterableDataset, real, 5).make(), batch_size=bs,
                           drop_last=drop)
        with unify.using_backend(backend):
            ol = fd.DataLoader(_Stream(fd.IterableDataset, ft, 5).make(), batch_size=bs,
                               drop_last=drop)
            assert len(ol) == len(rl)
            got, want = list(ol), list(rl)
            assert len(got) == len(want)
            for a, b in zip(got, want):
                same(a, b)
    with unify.using_backend(backend):
        chain = _Stream(fd.IterableDataset, ft, 2).make() + _Stream(fd.IterableDataset, ft, 3).make()
        assert isinstance(chain, fd.ChainDataset) and len(chain) == 5
        assert [int(x[1]) for x in chain] == [0, 1, 0, 1, 2]


def test_samplers_and_custom_loaders(backend):
    data = list(range(10, 20))
    with unify.using_backend(backend):
        assert list(fd.SequentialSampler(data)) == list(rd.SequentialSampler(data))
        for n, drop in [(3, False), (3, True), (5, True), (20, False)]:
            fb = fd.BatchSampler(fd.SequentialSampler(data), n, drop)
            rb = rd.BatchSampler(rd.SequentialSampler(data), n, drop)
            assert list(fb) == list(rb) and len(fb) == len(rb)
        g = ft.Generator().manual_seed(1)
        rs = fd.RandomSampler(data, generator=g)
        assert len(rs) == 10 and sorted(rs) == list(range(10))
        for k in (4, 10, 23):
            idx = list(fd.RandomSampler(data, num_samples=k, generator=g))
            assert len(idx) == k == len(rd.RandomSampler(data, num_samples=k))
            assert sorted(idx[:10]) == list(range(min(k, 10))) if k >= 10 else len(set(idx)) == k
        rep = list(fd.RandomSampler(data, replacement=True, num_samples=70, generator=g))
        assert len(rep) == 70 and all(0 <= i < 10 for i in rep)
        sub = [3, 7, 8, 1]
        assert sorted(fd.SubsetRandomSampler(sub, generator=g)) == sorted(sub)
        assert len(fd.SubsetRandomSampler(sub)) == 4
        w = fd.WeightedRandomSampler([0.0, 1.0, 0.0, 3.0], 50, generator=g)
        drawn = list(w)
        assert len(w) == 50 == len(drawn) and set(drawn) <= {1, 3}
        no_rep = list(fd.WeightedRandomSampler([1.0, 2.0, 3.0, 4.0, 0.5], 5, replacement=False,
                                               generator=g))
        assert sorted(no_rep) == [0, 1, 2, 3, 4]
        assert isinstance(drawn[0], int)
        # sampler / batch_sampler / collate_fn arguments
        ds = fd.TensorDataset(ft.arange(10) * 2)
        rds = rd.TensorDataset(real.arange(10) * 2)
        for kw in ({"sampler": [3, 1, 4], "batch_size": 2}, {"batch_sampler": [[0, 9], [5]]},
                   {"batch_size": 4, "collate_fn": lambda b: len(b)},
                   {"sampler": [2, 2], "batch_size": None}):
            got, want = list(fd.DataLoader(ds, **kw)), list(rd.DataLoader(rds, **kw))
            assert len(fd.DataLoader(ds, **kw)) == len(rd.DataLoader(rds, **kw))
            for a, b in zip(got, want):
                same(a, b)
        # num_workers is accepted; the batches are made in-process
        loader = fd.DataLoader(ds, batch_size=3, num_workers=2, persistent_workers=True,
                               prefetch_factor=4, pin_memory=True)
        for a, b in zip(loader, rd.DataLoader(rds, batch_size=3)):
            same(a, b)
        assert fd.get_worker_info() is None


def test_datasets(backend):
    with unify.using_backend(backend):
        a, b = list(range(5)), list(range(100, 103))
        fc, rc = fd.ConcatDataset([a, b]), rd.ConcatDataset([a, b])
        assert len(fc) == len(rc) and fc.cumulative_sizes == rc.cumulative_sizes
        assert [fc[i] for i in range(-8, 8)] == [rc[i] for i in range(-8, 8)]
        both_raise(lambda: rc[-9], lambda: fc[-9])
        both_raise(lambda: rc[8], lambda: fc[8])
        fs, rs = fd.Subset(b, [2, 0]), rd.Subset(b, [2, 0])
        assert [fs[0], fs[1], len(fs)] == [rs[0], rs[1], len(rs)]
        assert fs.__getitems__([1, 0]) == rs.__getitems__([1, 0])
        st, rst = fd.StackDataset(a, a[::-1]), rd.StackDataset(a, a[::-1])
        assert [st[i] for i in range(5)] == [rst[i] for i in range(5)] and len(st) == 5
        assert fd.StackDataset(p=a, q=a)[2] == rd.StackDataset(p=a, q=a)[2]
        x = ft.arange(12).reshape(6, 2)
        td, rtd = fd.TensorDataset(x, x[:, 0]), rd.TensorDataset(real.arange(12).reshape(6, 2),
                                                                  real.arange(12).reshape(6, 2)[:, 0])
        assert len(td) == len(rtd)
        same(td[4], rtd[4])

        class Sq(fd.Dataset):
            def __getitem__(self, i):
                return i * i

            def __len__(self):
                return 4

        cat = Sq() + Sq()
        assert isinstance(cat, fd.ConcatDataset) and [cat[i] for i in range(8)] == [0, 1, 4, 9] * 2
        errors = [
            (lambda m: m.TensorDataset(m.zeros(2), m.zeros(3))),
            (lambda m: m.ConcatDataset([])),
            (lambda m: m.StackDataset([1], [1, 2])),
            (lambda m: m.StackDataset([1], a=[1])),
            (lambda m: m.Dataset()[0]),
            (lambda m: iter(m.Sampler())),
        ]
        for e in errors:
            both_raise(lambda: e(rd), lambda: e(fd))


@pytest.mark.parametrize("lengths", [[3, 7], [0.33, 0.33, 0.34], [0.5, 0.5], [0.2, 0.8],
                                     [1.0], [10], [0.25, 0.25, 0.25, 0.25]])
def test_random_split(backend, lengths):
    data = list(range(100, 110))
    want = rd.random_split(data, lengths, generator=real.Generator().manual_seed(0))
    with unify.using_backend(backend):
        parts = fd.random_split(data, lengths, generator=ft.Generator().manual_seed(0))
        assert [len(p) for p in parts] == [len(p) for p in want]
        values = [list(p) if len(p) else [] for p in parts]
        flat = sum(values, [])
        assert sorted(flat) == data  # disjoint and covering
        again = fd.random_split(data, lengths, generator=ft.Generator().manual_seed(0))
        assert [p.indices for p in again] == [p.indices for p in parts]
        parts_default = fd.random_split(data, lengths)
        assert sorted(sum((list(p) for p in parts_default), [])) == data


def test_random_split_errors(backend):
    with unify.using_backend(backend):
        for lengths in ([3, 3], [1.5, -0.5], [0.5, 0.6], [11]):
            both_raise(lambda: rd.random_split(range(10), lengths),
                       lambda: fd.random_split(range(10), lengths))


def test_validation_errors_like_torch(backend):
    with unify.using_backend(backend):
        fds, rds = fd.TensorDataset(ft.arange(10)), rd.TensorDataset(real.arange(10))
        fit = _Stream(fd.IterableDataset, ft, 3).make()
        rit = _Stream(rd.IterableDataset, real, 3).make()
        cases = [
            {"num_workers": -1}, {"timeout": -1}, {"prefetch_factor": 2},
            {"persistent_workers": True}, {"sampler": [1], "shuffle": True},
            {"batch_sampler": [[1]], "batch_size": 2}, {"batch_sampler": [[1]], "drop_last": True},
            {"batch_size": None, "drop_last": True}, {"batch_size": 0}, {"batch_size": -2},
        ]
        for kw in cases:
            both_raise(lambda: rd.DataLoader(rds, **kw), lambda: fd.DataLoader(fds, **kw))
        for kw in ({"shuffle": True}, {"sampler": [1]}, {"batch_sampler": [[1]]}):
            both_raise(lambda: rd.DataLoader(rit, **kw), lambda: fd.DataLoader(fit, **kw))
        both_raise(lambda: setattr(rd.DataLoader(rds), "batch_size", 3),
                   lambda: setattr(fd.DataLoader(fds), "batch_size", 3))
        loader = fd.DataLoader(fds)
        loader.num_workers = 0  # not frozen
        samplers = [
            lambda m: m.RandomSampler(range(3), replacement=1),
            lambda m: m.RandomSampler(range(3), num_samples=0),
            lambda m: m.RandomSampler([]),
            lambda m: m.WeightedRandomSampler([1.0, 2.0], 0),
            lambda m: m.WeightedRandomSampler([1.0, 2.0], 2, replacement=0),
            lambda m: m.WeightedRandomSampler([[1.0, 2.0]], 2),
            lambda m: m.BatchSampler([1, 2], 0, False),
            lambda m: m.BatchSampler([1, 2], True, False),
            lambda m: m.BatchSampler([1, 2], 1, 0),
        ]
        for s in samplers:
            both_raise(lambda: s(rd), lambda: s(fd))

        class NoLen(fd.IterableDataset):
            def __iter__(self):
                return iter(range(3))

        class RNoLen(rd.IterableDataset):
            def __iter__(self):
                return iter(range(3))

        both_raise(lambda: len(rd.DataLoader(RNoLen())), lambda: len(fd.DataLoader(NoLen())))
        assert [int(b) for b in fd.DataLoader(NoLen(), batch_size=None)] == [0, 1, 2]


def test_namespace():
    assert ft.utils.data.DataLoader is fd.DataLoader
    assert fd.dataloader.default_collate is fd.default_collate
    with pytest.raises(AttributeError, match="not supported"):
        ft.utils.data.DistributedSamplerXYZ
    with pytest.raises(AttributeError, match="not supported"):
        ft.utils.checkpointXYZ
    assert math.isclose(len(fd.DataLoader(list(range(7)), batch_size=2)), 4)
