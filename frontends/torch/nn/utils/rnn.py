"""PackedSequence, pack/pad helpers (lengths and batch sizes are host-side int64, like torch's
CPU tensors)."""
from __future__ import annotations

from collections import namedtuple

import numpy as np

from ..... import core as C
from ... import _dtype as T
from ..._tensor import Tensor, wrap

__all__ = ["PackedSequence", "invert_permutation", "pack_padded_sequence",
           "pad_packed_sequence", "pad_sequence", "unpad_sequence", "pack_sequence",
           "unpack_sequence"]


def _host(t):
    return C.to_numpy(t._value()) if isinstance(t, Tensor) else np.asarray(t)


def _long(arr):
    return wrap(C.asarray(np.asarray(arr, dtype=np.int64)), T.int64)


class PackedSequence(namedtuple("PackedSequence_", ["data", "batch_sizes", "sorted_indices",
                                                    "unsorted_indices"])):
    __slots__ = ()

    def __new__(cls, data, batch_sizes=None, sorted_indices=None, unsorted_indices=None):
        if unsorted_indices is None:
            unsorted_indices = invert_permutation(sorted_indices)
        if batch_sizes is None:  # PackedSequence((data, batch_sizes, ...))
            data, batch_sizes, *rest = data
            if rest:
                sorted_indices = rest[0]
                unsorted_indices = rest[1] if len(rest) > 1 else invert_permutation(rest[0])
        return super().__new__(cls, data, batch_sizes, sorted_indices, unsorted_indices)

    def _map(self, fn):
        data = fn(self.data)
        if data is self.data:
            return self
        return type(self)(data, self.batch_sizes, self.sorted_indices, self.unsorted_indices)

    def to(self, *args, **kwargs):
        return self._map(lambda d: d.to(*args, **kwargs))

    def cuda(self, *args, **kwargs):
        return self._map(lambda d: d.cuda(*args, **kwargs))

    def cpu(self, *args, **kwargs):
        return self._map(lambda d: d.cpu(*args, **kwargs))

    def double(self):
        return self.to(dtype=T.float64)

    def float(self):
        return self.to(dtype=T.float32)

    def half(self):
        return self.to(dtype=T.float16)

    def long(self):
        return self.to(dtype=T.int64)

    def int(self):
        return self.to(dtype=T.int32)

    @property
    def is_cuda(self):
        return self.data.is_cuda

    def is_pinned(self):
        return False


def invert_permutation(permutation):
    if permutation is None:
        return None
    p = _host(permutation).astype(np.int64)
    out = np.empty_like(p)
    out[p] = np.arange(p.size)
    return _long(out)


def _batch_sizes(lengths):
    return np.array([(lengths > t).sum() for t in range(int(lengths.max()))], dtype=np.int64)


def pack_padded_sequence(input, lengths, batch_first=False, enforce_sorted=True):
    lens = _host(lengths).astype(np.int64).reshape(-1)
    if enforce_sorted:
        if (np.diff(lens) > 0).any():
            raise RuntimeError("`lengths` array must be sorted in decreasing order when "
                               "`enforce_sorted` is True. You can pass `enforce_sorted=False` to "
                               "pack_padded_sequence and/or pack_sequence to sidestep this "
                               "requirement if you do not need ONNX exportability.")
        order = None
    else:
        order = np.argsort(-lens, kind="stable")
        lens = lens[order]
    if lens.size and lens.min() <= 0:
        raise RuntimeError("Length of all samples has to be greater than 0, but found an element "
                           "in 'lengths' that is <= 0")
    x = input._value()
    if batch_first:
        x = C.swapaxes(x, 0, 1)
    if order is not None:
        x = C.take(x, C.asarray(order), axis=1)
    shape = C.shape(x)
    B = shape[1]
    if lens.size != B:
        raise RuntimeError(f"Expected `len(lengths)` to be equal to batch_size, but got "
                           f"{lens.size} (batch_size={B})")
    if lens.max() > shape[0]:
        raise RuntimeError("Length of all samples has to be smaller than or equal to the "
                           "padded length")
    bs = _batch_sizes(lens)
    rows = np.concatenate([t * B + np.arange(n) for t, n in enumerate(bs)])
    flat = C.reshape(x, (shape[0] * B,) + tuple(shape[2:]))
    data = wrap(C.take(flat, C.asarray(rows), axis=0), input._dt)
    si = None if order is None else _long(order)
    return PackedSequence(data, _long(bs), si, None)


def pad_packed_sequence(sequence, batch_first=False, padding_value=0.0, total_length=None):
    bs = _host(sequence.batch_sizes).astype(np.int64)
    T_ = int(bs.size)
    if total_length is not None:
        if total_length < T_:
            raise ValueError("Expected total_length to be at least the length of the longest "
                             f"sequence in input, but got total_length={total_length} and max "
                             f"sequence length being {T_}")
        T_ = total_length
    B = int(bs[0])
    data = sequence.data._value()
    n = C.shape(data)[0]
    # position of (t, b) in the packed data, or n (a padding row) past the sequence's end
    pos = np.full((T_, B), n, dtype=np.int64)
    k = 0
    for t, m in enumerate(bs):
        pos[t, :m] = np.arange(k, k + m)
        k += m
    pad = C.full((1,) + tuple(C.shape(data)[1:]), padding_value, dtype=C.dtype_of(data))
    src = C.concat([data, pad], axis=0)
    idx = pos.T if batch_first else pos
    out = C.take(src, C.asarray(idx.reshape(-1)), axis=0)
    out = C.reshape(out, tuple(idx.shape) + tuple(C.shape(data)[1:]))
    lengths = np.array([(bs > b).sum() for b in range(B)], dtype=np.int64)
    if sequence.unsorted_indices is not None:
        un = _host(sequence.unsorted_indices).astype(np.int64)
        out = C.take(out, C.asarray(un), axis=0 if batch_first else 1)
        lengths = lengths[un]
    return wrap(out, sequence.data._dt), _long(lengths)


def pad_sequence(sequences, batch_first=False, padding_value=0.0, padding_side="right"):
    if padding_side not in ("left", "right"):
        raise ValueError(f"Expected padding_side to be one of left or right, but got "
                         f"{padding_side}.")
    if isinstance(sequences, Tensor):
        sequences = list(sequences.unbind(0))
    seqs = list(sequences)
    if not seqs:
        raise RuntimeError("received an empty list of sequences")
    vals = [s._value() for s in seqs]
    L = max(C.shape(v)[0] for v in vals)
    trail = tuple(C.shape(vals[0])[1:])
    dt = C.dtype_of(vals[0])
    out = []
    for v in vals:
        n = L - C.shape(v)[0]
        if n:
            pad = C.full((n,) + trail, padding_value, dtype=dt)
            v = C.concat([v, pad] if padding_side == "right" else [pad, v], axis=0)
        out.append(v)
    return wrap(C.stack(out, axis=0 if batch_first else 1), seqs[0]._dt)


def unpad_sequence(padded_sequences, lengths, batch_first=False):
    x = padded_sequences if batch_first else padded_sequences.transpose(0, 1)
    lens = _host(lengths).astype(np.int64).reshape(-1)
    return [x[i][:int(n)] for i, n in enumerate(lens)]


def pack_sequence(sequences, enforce_sorted=True):
    lengths = [int(s.size(0)) for s in sequences]
    return pack_padded_sequence(pad_sequence(sequences), lengths, enforce_sorted=enforce_sorted)


def unpack_sequence(packed_sequences):
    padded, lengths = pad_packed_sequence(packed_sequences, batch_first=True)
    return unpad_sequence(padded, lengths, batch_first=True)
