"""Shape ops against real torch on every backend: cat/stack family, flip/roll/rot90, tile/
repeat/repeat_interleave, broadcasting, atleast_*d, tril/triu/diag family, block_diag, the
splits (views), ravel, narrow_copy and Tensor.unfold; values, dtypes, views and errors."""
import numpy as np
import pytest
import torch as real

import unify
import unify.frontends.torch as ft
from tfhelp import raises_like

A = np.arange(6, dtype=np.float32).reshape(2, 3)
B = np.arange(6, dtype=np.int32).reshape(2, 3)
pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")  # out= resizes


def _agree(cases, arrays=(A, B)):
    rin = [real.tensor(a) for a in arrays]
    min_ = [ft.tensor(a) for a in arrays]
    for c in cases:
        raises_like(lambda: c(real, *rin), lambda: c(ft, *min_))


def test_cat_stack(backend):
    with unify.using_backend(backend):
        _agree([
            lambda lib, x, y: lib.cat([x, y]), lambda lib, x, y: lib.cat((x, y.double()), -1),
            lambda lib, x, y: lib.cat([x, lib.zeros(0)]), lambda lib, x, y: lib.cat([lib.zeros(0), x, lib.zeros(0)]),
            lambda lib, x, y: lib.cat([x, lib.zeros(2)]), lambda lib, x, y: lib.cat([x, lib.zeros(2, 2)]),
            lambda lib, x, y: lib.cat([]), lambda lib, x, y: lib.cat([lib.tensor(1.0)]),
            lambda lib, x, y: lib.cat([x, x], dim=2), lambda lib, x, y: lib.cat([x, lib.zeros(0, 3)], 1),
            lambda lib, x, y: lib.cat([x, lib.zeros(1, 3, 1)]), lambda lib, x, y: lib.cat(x),
            lambda lib, x, y: lib.cat([x]), lambda lib, x, y: lib.concat([x, x], 1),
            lambda lib, x, y: lib.concatenate([y, y.bool()]), lambda lib, x, y: lib.cat([x, x], out=lib.zeros(1)),
            lambda lib, x, y: lib.cat([y, y], out=lib.zeros(4, 3)),
            lambda lib, x, y: lib.stack([x, y]), lambda lib, x, y: lib.stack([x, x[:1]]),
            lambda lib, x, y: lib.stack([x, x], 2), lambda lib, x, y: lib.stack([x, x], -3),
            lambda lib, x, y: lib.stack([x, x], 3), lambda lib, x, y: lib.stack([]),
            lambda lib, x, y: lib.stack([lib.tensor(1), lib.tensor(2.5)]),
            lambda lib, x, y: lib.hstack([lib.tensor(1), lib.tensor([2, 3])]), lambda lib, x, y: lib.hstack([x, y]),
            lambda lib, x, y: lib.vstack([lib.tensor([1, 2]), lib.tensor([2, 3])]), lambda lib, x, y: lib.vstack([x, y[0]]),
            lambda lib, x, y: lib.dstack([lib.tensor(1), lib.tensor([2])]), lambda lib, x, y: lib.dstack([x, y]),
            lambda lib, x, y: lib.column_stack([lib.tensor([1, 2]), lib.ones(2, 2)]),
            lambda lib, x, y: lib.column_stack([lib.tensor(1), lib.tensor([2])]), lambda lib, x, y: lib.row_stack([x, x]),
            lambda lib, x, y: lib.hstack([]), lambda lib, x, y: lib.vstack([x, lib.ones(2, 2)]),
        ])


def test_reorder_repeat(backend):
    with unify.using_backend(backend):
        _agree([
            lambda lib, x, y: lib.flip(x, (0,)), lambda lib, x, y: lib.flip(x, [0, 1]), lambda lib, x, y: lib.flip(x, 0),
            lambda lib, x, y: lib.flip(x, [0, 0]), lambda lib, x, y: lib.flip(x, ()), lambda lib, x, y: x.flip(-1),
            lambda lib, x, y: lib.fliplr(lib.ones(3)), lambda lib, x, y: lib.fliplr(x), lambda lib, x, y: lib.flipud(y),
            lambda lib, x, y: lib.flipud(lib.tensor(1)),
            lambda lib, x, y: lib.roll(x, 1), lambda lib, x, y: lib.roll(x, (1, 2), (0, 1)), lambda lib, x, y: lib.roll(x, (1, 2), 0),
            lambda lib, x, y: lib.roll(x, 1, 2), lambda lib, x, y: lib.roll(lib.tensor(1.0), 1), lambda lib, x, y: lib.roll(x, -1, 1),
            lambda lib, x, y: x.roll(4, -1),
            lambda lib, x, y: lib.rot90(x), lambda lib, x, y: lib.rot90(x, 2, (1, 0)), lambda lib, x, y: lib.rot90(x, 1, (0, 0)),
            lambda lib, x, y: lib.rot90(lib.ones(3)), lambda lib, x, y: lib.rot90(x, -1), lambda lib, x, y: lib.rot90(x, 1, [0, 1, 2]),
            lambda lib, x, y: lib.rot90(x, 4), lambda lib, x, y: y.rot90(3, [1, 0]),
            lambda lib, x, y: lib.tile(x, (2,)), lambda lib, x, y: lib.tile(x, (2, 1, 1)), lambda lib, x, y: lib.tile(x, ()),
            lambda lib, x, y: lib.tile(x, 2), lambda lib, x, y: x.tile((1, 2)),
            lambda lib, x, y: x.repeat(2), lambda lib, x, y: x.repeat(1, 2, 2), lambda lib, x, y: x.repeat((2, 2)),
            lambda lib, x, y: x.repeat(-1, 1), lambda lib, x, y: x.repeat(), lambda lib, x, y: x.repeat(0, 1),
            lambda lib, x, y: lib.tensor(3).repeat(2),
            lambda lib, x, y: lib.repeat_interleave(x, 2), lambda lib, x, y: lib.repeat_interleave(x, 2, dim=0),
            lambda lib, x, y: lib.repeat_interleave(x, lib.tensor([1, 2]), dim=0),
            lambda lib, x, y: lib.repeat_interleave(lib.tensor([1, 2, 0])),
            lambda lib, x, y: lib.repeat_interleave(x, lib.tensor([1, 2]), dim=1),
            lambda lib, x, y: lib.repeat_interleave(x, lib.tensor([1, -2]), dim=0),
            lambda lib, x, y: lib.repeat_interleave(x, lib.tensor(2), dim=0),
            lambda lib, x, y: lib.repeat_interleave(x, lib.tensor([2]), dim=1),
            lambda lib, x, y: y.repeat_interleave(3, -1),
            lambda lib, x, y: lib.repeat_interleave(x, lib.tensor([1.0, 2.0]), dim=0),
        ])


def test_broadcast_atleast(backend):
    with unify.using_backend(backend):
        _agree([
            lambda lib, x, y: lib.broadcast_to(x, (2, 2, 3)), lambda lib, x, y: lib.broadcast_to(x, (-1, 3)),
            lambda lib, x, y: lib.broadcast_to(x, (3, 3)), lambda lib, x, y: x.broadcast_to((4, 2, 3)),
            lambda lib, x, y: lib.broadcast_tensors(x, lib.ones(3, 1, 1)),
            lambda lib, x, y: lib.broadcast_tensors(x, lib.ones(3)), lambda lib, x, y: lib.broadcast_tensors(x, lib.ones(2)),
            lambda lib, x, y: lib.broadcast_shapes((2, 1), (3,)), lambda lib, x, y: lib.broadcast_shapes((2, 1), (3, 3)),
            lambda lib, x, y: lib.broadcast_shapes(2, (3, 1)), lambda lib, x, y: lib.broadcast_shapes(),
            lambda lib, x, y: lib.atleast_1d(lib.tensor(1.0)), lambda lib, x, y: lib.atleast_2d(lib.tensor([1.0])),
            lambda lib, x, y: lib.atleast_3d(x), lambda lib, x, y: lib.atleast_3d(lib.ones(2)),
            lambda lib, x, y: lib.atleast_3d(lib.tensor(2)), lambda lib, x, y: lib.atleast_1d(x, y),
            lambda lib, x, y: lib.atleast_2d((x, lib.tensor(1))), lambda lib, x, y: lib.atleast_1d([x]),
        ])
        outs = []
        for lib in (real, ft):
            x = lib.tensor(A)
            s = lib.tensor(5.0)
            r = (lib.atleast_1d(x) is x, lib.atleast_2d(s)._base is not None if lib is real else
                 lib.atleast_2d(s)._is_view())
            a3 = lib.atleast_3d(x[0])
            a3[0, 1, 0] = -1.0
            b = lib.broadcast_tensors(x[:, :1], lib.ones(2, 3))[0]
            outs.append((r, x.tolist(), b.stride(), a3.stride()))
        assert outs[0] == outs[1]


def test_triangles_diagonals(backend):
    with unify.using_backend(backend):
        _agree([
            lambda lib, x, y: lib.tril(x, -1), lambda lib, x, y: lib.triu(lib.ones(2, 3, 3), 1),
            lambda lib, x, y: lib.tril(lib.ones(3)), lambda lib, x, y: lib.triu(y, 5), lambda lib, x, y: x.tril(1),
            lambda lib, x, y: x.clone().tril_(), lambda lib, x, y: x.clone().triu_(1),
            lambda lib, x, y: lib.tril(x, out=lib.zeros(1)),
            lambda lib, x, y: lib.diag(lib.tensor([1, 2]), 1), lambda lib, x, y: lib.diag(x, -1),
            lambda lib, x, y: lib.diag(lib.ones(2, 2, 2)), lambda lib, x, y: lib.diag(lib.tensor(1)), lambda lib, x, y: x.diag(5),
            lambda lib, x, y: lib.diag_embed(x, 1), lambda lib, x, y: lib.diag_embed(x, 0, 0, 2),
            lambda lib, x, y: lib.diag_embed(x, -1, 2, 0), lambda lib, x, y: lib.diag_embed(x, 0, 1, 1),
            lambda lib, x, y: lib.diagflat(x), lambda lib, x, y: lib.diagflat(x, -1), lambda lib, x, y: lib.diagflat(lib.tensor(2.0)),
            lambda lib, x, y: lib.block_diag(x, lib.ones(1, 1, dtype=lib.int64), lib.tensor(5), lib.tensor([7, 8])),
            lambda lib, x, y: lib.block_diag(), lambda lib, x, y: lib.block_diag(y, y),
            lambda lib, x, y: lib.block_diag(lib.ones(1, 1, 1)), lambda lib, x, y: lib.block_diag(x, lib.zeros(0, 2)),
        ])


def test_splits_are_views(backend):
    with unify.using_backend(backend):
        _agree([
            lambda lib, x, y: lib.tensor_split(lib.arange(7), 3), lambda lib, x, y: lib.tensor_split(lib.arange(7), (1, 6)),
            lambda lib, x, y: lib.tensor_split(lib.arange(7), lib.tensor(3)),
            lambda lib, x, y: lib.tensor_split(lib.arange(7), lib.tensor([1, 6])),
            lambda lib, x, y: lib.tensor_split(lib.arange(7), 0), lambda lib, x, y: lib.tensor_split(lib.arange(7), (5, 2)),
            lambda lib, x, y: lib.tensor_split(x, 2, dim=1), lambda lib, x, y: lib.tensor_split(x, [1, 10], dim=1),
            lambda lib, x, y: lib.tensor_split(lib.tensor(1.0), 1), lambda lib, x, y: x.tensor_split(4, -1),
            lambda lib, x, y: lib.tensor_split(x, lib.tensor([1.0]), dim=1),
            lambda lib, x, y: lib.hsplit(x, 3), lambda lib, x, y: lib.hsplit(x, 2), lambda lib, x, y: lib.vsplit(x, [1]),
            lambda lib, x, y: lib.dsplit(lib.ones(2, 2, 4), 2), lambda lib, x, y: lib.hsplit(lib.ones(4), 2),
            lambda lib, x, y: lib.vsplit(lib.ones(4), 2), lambda lib, x, y: lib.dsplit(x, 1),
            lambda lib, x, y: lib.hsplit(lib.tensor(1.0), 1), lambda lib, x, y: lib.hsplit(x, [1, 2]),
            lambda lib, x, y: lib.ravel(x.t()), lambda lib, x, y: lib.ravel(y),
            lambda lib, x, y: lib.narrow_copy(x, 1, 1, 2), lambda lib, x, y: x.narrow_copy(1, -1, 1),
            lambda lib, x, y: lib.narrow_copy(x, 1, 3, 1),
            lambda lib, x, y: lib.arange(10).unfold(0, 3, 2), lambda lib, x, y: x.unfold(1, 2, 1),
            lambda lib, x, y: x.unfold(-2, 1, 1), lambda lib, x, y: x.unfold(1, 4, 1),
            lambda lib, x, y: lib.tensor(1.0).unfold(0, 1, 1), lambda lib, x, y: x.unfold(1, 2, 0),
        ])
        outs = []
        for lib in (real, ft):
            x = lib.tensor(A)
            parts = lib.tensor_split(x, [1, 2], dim=1)
            parts[1].mul_(10)
            lib.hsplit(x, 3)[2][0] = -1.0
            lib.vsplit(x, 2)[1][0, 0] = 99.0
            u = x.unfold(1, 2, 1)
            u[1, 0, 1] = 55.0
            r = lib.ravel(x)
            r[0] = 7.0
            c = lib.narrow_copy(x, 0, 0, 1)
            c.zero_()
            outs.append((x.tolist(), [p.stride() for p in parts], u.stride(), r._is_view() if lib is ft
                         else r._base is not None))
        assert outs[0] == outs[1]
