"""RNN, LSTM, GRU (multi-layer, bidirectional, batch_first, dropout, LSTM proj_size, packed
sequences) and RNNCell, LSTMCell, GRUCell.

The recurrences run on native arrays with core ops: the input projection of a whole layer is
one matmul, then one small step per time index. A PackedSequence is run padded, with each
sequence's state frozen past its length (so the reverse direction starts at its own end).
"""
from __future__ import annotations

import math
import numbers
import warnings

from ..... import core as C
from ..._tensor import wrap
from .. import functional as F
from .. import init
from ..parameter import Parameter
from ..utils.rnn import PackedSequence, pack_padded_sequence, pad_packed_sequence
from .linear import empty
from .module import Module

__all__ = ["RNNBase", "RNN", "LSTM", "GRU", "RNNCellBase", "RNNCell", "LSTMCell", "GRUCell"]

_GATES = {"LSTM": 4, "GRU": 3, "RNN_TANH": 1, "RNN_RELU": 1}


def _lin(x, w, b):
    y = C.matmul(x, C.matrix_transpose(w))
    return y if b is None else C.add(y, b)


def _cell(mode, gi, h, c, w_hh, b_hh, w_hr):
    """One step: gi = x W_ih^T + b_ih (precomputed); returns (h', c')."""
    gh = _lin(h, w_hh, b_hh)
    if mode == "LSTM":
        i, f, g, o = C.split(C.add(gi, gh), 4, axis=-1)
        c2 = C.add(C.multiply(C.sigmoid(f), c), C.multiply(C.sigmoid(i), C.tanh(g)))
        h2 = C.multiply(C.sigmoid(o), C.tanh(c2))
        if w_hr is not None:
            h2 = C.matmul(h2, C.matrix_transpose(w_hr))
        return h2, c2
    if mode == "GRU":
        ir, iz, inn = C.split(gi, 3, axis=-1)
        hr, hz, hn = C.split(gh, 3, axis=-1)
        r = C.sigmoid(C.add(ir, hr))
        z = C.sigmoid(C.add(iz, hz))
        n = C.tanh(C.add(inn, C.multiply(r, hn)))
        return C.add(n, C.multiply(z, C.subtract(h, n))), None
    pre = C.add(gi, gh)
    return (C.tanh(pre) if mode == "RNN_TANH" else C.relu(pre)), None


class RNNBase(Module):
    __constants__ = ["mode", "input_size", "hidden_size", "num_layers", "bias", "batch_first",
                     "dropout", "bidirectional", "proj_size"]

    def __init__(self, mode, input_size, hidden_size, num_layers=1, bias=True,
                 batch_first=False, dropout=0.0, bidirectional=False, proj_size=0, device=None,
                 dtype=None):
        super().__init__()
        if (not isinstance(dropout, numbers.Number) or isinstance(dropout, bool)
                or not 0 <= dropout <= 1):
            raise ValueError("dropout should be a number in range [0, 1] representing the "
                             "probability of an element being zeroed")
        if dropout > 0 and num_layers == 1:
            warnings.warn("dropout option adds dropout after all but last recurrent layer, so "
                          "non-zero dropout expects num_layers greater than 1, but got "
                          f"dropout={dropout} and num_layers={num_layers}", stacklevel=2)
        if not isinstance(hidden_size, int):
            raise TypeError(f"hidden_size should be of type int, got: "
                            f"{type(hidden_size).__name__}")
        if hidden_size <= 0:
            raise ValueError("hidden_size must be greater than zero")
        if num_layers <= 0:
            raise ValueError("num_layers must be greater than zero")
        if proj_size < 0:
            raise ValueError("proj_size should be a positive integer or zero to disable "
                             "projections")
        if proj_size >= hidden_size:
            raise ValueError("proj_size has to be smaller than hidden_size")
        if mode not in _GATES:
            raise ValueError("Unrecognized RNN mode: " + mode)
        self.mode = mode
        self.input_size = input_size
        self.hidden_size = hidden_size
        self.num_layers = num_layers
        self.bias = bias
        self.batch_first = batch_first
        self.dropout = float(dropout)
        self.bidirectional = bidirectional
        self.proj_size = proj_size
        gate = _GATES[mode] * hidden_size
        dirs = 2 if bidirectional else 1
        real_hidden = proj_size if proj_size > 0 else hidden_size
        self._flat_weights_names = []
        self._all_weights = []
        kw = {"device": device, "dtype": dtype}
        for layer in range(num_layers):
            for direction in range(dirs):
                in_size = input_size if layer == 0 else real_hidden * dirs
                sfx = "_reverse" if direction == 1 else ""
                params = [(f"weight_ih_l{layer}{sfx}", (gate, in_size)),
                          (f"weight_hh_l{layer}{sfx}", (gate, real_hidden))]
                if bias:
                    params += [(f"bias_ih_l{layer}{sfx}", (gate,)),
                               (f"bias_hh_l{layer}{sfx}", (gate,))]
                if proj_size > 0:
                    params.append((f"weight_hr_l{layer}{sfx}", (proj_size, hidden_size)))
                for name, shape in params:
                    setattr(self, name, Parameter(empty(*shape, **kw)))
                names = [n for n, _ in params]
                self._flat_weights_names.extend(names)
                self._all_weights.append(names)
        self.reset_parameters()

    @property
    def _flat_weights(self):
        return [getattr(self, n, None) for n in self._flat_weights_names]

    @property
    def all_weights(self):
        return [[getattr(self, n) for n in names] for names in self._all_weights]

    def flatten_parameters(self):
        pass

    def reset_parameters(self):
        stdv = 1.0 / math.sqrt(self.hidden_size) if self.hidden_size > 0 else 0
        for w in self.parameters():
            init.uniform_(w, -stdv, stdv)

    def extra_repr(self):
        s = "{input_size}, {hidden_size}"
        if self.proj_size != 0:
            s += ", proj_size={proj_size}"
        if self.num_layers != 1:
            s += ", num_layers={num_layers}"
        if self.bias is not True:
            s += ", bias={bias}"
        if self.batch_first is not False:
            s += ", batch_first={batch_first}"
        if self.dropout != 0:
            s += ", dropout={dropout}"
        if self.bidirectional is not False:
            s += ", bidirectional={bidirectional}"
        return s.format(**self.__dict__)

    # ------------------------------------------------------------ checks

    def _check_input(self, input, packed):
        w0 = getattr(self, self._flat_weights_names[0])
        if input.dtype is not w0.dtype:
            raise ValueError(f"input must have the type {w0.dtype}, got type {input.dtype}")
        want = 2 if packed else 3
        if input.dim() != want:
            raise RuntimeError(f"input must have {want} dimensions, got {input.dim()}")
        if self.input_size != input.size(-1):
            raise RuntimeError("input.size(-1) must be equal to input_size. Expected "
                               f"{self.input_size}, got {input.size(-1)}")

    @staticmethod
    def _check_hidden(hx, expected, msg="Expected hidden size {}, got {}"):
        if tuple(hx.shape) != tuple(expected):
            raise RuntimeError(msg.format(tuple(expected), list(hx.shape)))

    # ------------------------------------------------------------ the recurrence

    def _run(self, x, h0, c0, lengths):
        """x: native (T, N, H_in); h0/c0: native (L*D, N, H) or None; lengths: host array of
        per-sequence lengths (packed input) or None. Returns (out, h_n, c_n) natives."""
        mode = self.mode
        dirs = 2 if self.bidirectional else 1
        Tn = C.shape(x)[0]
        live = None
        if lengths is not None:
            live = [C.asarray((t < lengths)[:, None]) for t in range(Tn)]
        hs, cs = [], []
        names = iter(self._all_weights)
        for layer in range(self.num_layers):
            outs = []
            for d in range(dirs):
                ps = [getattr(self, n)._value() for n in next(names)]
                w_ih, w_hh = ps[0], ps[1]
                b_ih, b_hh = (ps[2], ps[3]) if self.bias else (None, None)
                w_hr = ps[-1] if self.proj_size > 0 else None
                k = layer * dirs + d
                h = C.getitem(h0, k)
                c = C.getitem(c0, k) if c0 is not None else None
                gi_all = C.unstack(_lin(x, w_ih, b_ih), axis=0)
                steps = range(Tn - 1, -1, -1) if d == 1 else range(Tn)
                ys = [None] * Tn
                for t in steps:
                    h2, c2 = _cell(mode, gi_all[t], h, c, w_hh, b_hh, w_hr)
                    if live is not None:
                        h2 = C.where(live[t], h2, h)
                        if c is not None:
                            c2 = C.where(live[t], c2, c)
                        ys[t] = C.where(live[t], h2, C.zeros_like(h2))
                    else:
                        ys[t] = h2
                    h, c = h2, c2
                outs.append(C.stack(ys, axis=0))
                hs.append(h)
                if c is not None:
                    cs.append(c)
            x = outs[0] if dirs == 1 else C.concat(outs, axis=-1)
            if self.dropout > 0 and self.training and layer < self.num_layers - 1:
                x = F.dropout(wrap(x), self.dropout, True)._value()
        return x, C.stack(hs, axis=0), (C.stack(cs, axis=0) if cs else None)

    def _forward(self, input, hx):
        is_lstm = self.mode == "LSTM"
        dirs = 2 if self.bidirectional else 1
        real_hidden = self.proj_size if self.proj_size > 0 else self.hidden_size
        packed = isinstance(input, PackedSequence)
        lengths = None
        if packed:
            self._check_input(input.data, True)
            padded, lens = pad_packed_sequence(
                PackedSequence(input.data, input.batch_sizes, None, None))
            lengths = C.to_numpy(lens._value())
            x = padded._value()
            batched = True
            si = input.sorted_indices
            if hx is not None and si is not None:
                hx = (tuple(h.index_select(1, si) for h in hx) if is_lstm
                      else hx.index_select(1, si))
        else:
            name = type(self).__name__
            if input.dim() not in (2, 3):
                raise ValueError(f"{name}: Expected input to be 2D or 3D, got {input.dim()}D "
                                 "tensor instead")
            batched = input.dim() == 3
            if hx is not None:
                hdim = (hx[0] if is_lstm and isinstance(hx, tuple) else hx).dim()
                if batched and hdim != 3:
                    raise RuntimeError(f"For batched 3-D input, hx should also be 3-D but got "
                                       f"{hdim}-D tensor")
                if not batched and hdim != 2:
                    raise RuntimeError(f"For unbatched 2-D input, hx should also be 2-D but got "
                                       f"{hdim}-D tensor")
            if not batched:
                input = input.unsqueeze(1)
                if hx is not None:
                    hx = tuple(h.unsqueeze(1) for h in hx) if is_lstm else hx.unsqueeze(1)
            elif self.batch_first:
                input = input.transpose(0, 1)
            self._check_input(input, False)
            x = input._value()
        N = C.shape(x)[1]
        dt = C.dtype_of(x)
        h_shape = (self.num_layers * dirs, N, real_hidden)
        c_shape = (self.num_layers * dirs, N, self.hidden_size)
        if hx is None:
            h0 = C.zeros(h_shape, dtype=dt)
            c0 = C.zeros(c_shape, dtype=dt) if is_lstm else None
        elif is_lstm:
            if not isinstance(hx, tuple) or len(hx) != 2:
                raise RuntimeError("LSTM expects hx to be a tuple (h_0, c_0)")
            self._check_hidden(hx[0], h_shape, "Expected hidden[0] size {}, got {}")
            self._check_hidden(hx[1], c_shape, "Expected hidden[1] size {}, got {}")
            h0, c0 = hx[0]._value(), hx[1]._value()
        else:
            self._check_hidden(hx, h_shape)
            h0, c0 = hx._value(), None
        out, hn, cn = self._run(x, h0, c0, lengths)
        dtt = input.data.dtype if packed else input.dtype
        if packed:
            out_t = pack_padded_sequence(wrap(out, dtt), lengths)
            out_t = PackedSequence(out_t.data, out_t.batch_sizes, input.sorted_indices,
                                   input.unsorted_indices)
            hn_t, cn_t = wrap(hn, dtt), (wrap(cn, dtt) if cn is not None else None)
            if input.unsorted_indices is not None:
                hn_t = hn_t.index_select(1, input.unsorted_indices)
                if cn_t is not None:
                    cn_t = cn_t.index_select(1, input.unsorted_indices)
            return out_t, ((hn_t, cn_t) if is_lstm else hn_t)
        if not batched:
            out = C.squeeze(out, 1)
            hn = C.squeeze(hn, 1)
            cn = C.squeeze(cn, 1) if cn is not None else None
        elif self.batch_first:
            out = C.swapaxes(out, 0, 1)
        out_t = wrap(out, dtt)
        if is_lstm:
            return out_t, (wrap(hn, dtt), wrap(cn, dtt))
        return out_t, wrap(hn, dtt)

    def forward(self, input, hx=None):
        return self._forward(input, hx)


class RNN(RNNBase):
    def __init__(self, *args, **kwargs):
        if "proj_size" in kwargs:
            raise ValueError("proj_size argument is only supported for LSTM, not RNN or GRU")
        if len(args) > 3:
            self.nonlinearity = args[3]
            args = args[:3] + args[4:]
        else:
            self.nonlinearity = kwargs.pop("nonlinearity", "tanh")
        if self.nonlinearity == "tanh":
            mode = "RNN_TANH"
        elif self.nonlinearity == "relu":
            mode = "RNN_RELU"
        else:
            raise ValueError(f"Unknown nonlinearity '{self.nonlinearity}'. Select from 'tanh' or "
                             "'relu'.")
        super().__init__(mode, *args, **kwargs)


class LSTM(RNNBase):
    def __init__(self, *args, **kwargs):
        super().__init__("LSTM", *args, **kwargs)


class GRU(RNNBase):
    def __init__(self, *args, **kwargs):
        if "proj_size" in kwargs:
            raise ValueError("proj_size argument is only supported for LSTM, not RNN or GRU")
        super().__init__("GRU", *args, **kwargs)


class RNNCellBase(Module):
    __constants__ = ["input_size", "hidden_size", "bias"]
    _mode = None

    def __init__(self, input_size, hidden_size, bias, num_chunks, device=None, dtype=None):
        super().__init__()
        self.input_size = input_size
        self.hidden_size = hidden_size
        self.bias = bias
        kw = {"device": device, "dtype": dtype}
        self.weight_ih = Parameter(empty(num_chunks * hidden_size, input_size, **kw))
        self.weight_hh = Parameter(empty(num_chunks * hidden_size, hidden_size, **kw))
        if bias:
            self.bias_ih = Parameter(empty(num_chunks * hidden_size, **kw))
            self.bias_hh = Parameter(empty(num_chunks * hidden_size, **kw))
        else:
            self.register_parameter("bias_ih", None)
            self.register_parameter("bias_hh", None)
        self.reset_parameters()

    def extra_repr(self):
        s = "{input_size}, {hidden_size}"
        if "bias" in self.__dict__ and self.bias is not True:
            s += ", bias={bias}"
        if "nonlinearity" in self.__dict__ and self.nonlinearity != "tanh":
            s += ", nonlinearity={nonlinearity}"
        return s.format(**self.__dict__)

    def reset_parameters(self):
        stdv = 1.0 / math.sqrt(self.hidden_size) if self.hidden_size > 0 else 0
        for w in self.parameters():
            init.uniform_(w, -stdv, stdv)

    def _prep(self, input, hx, name):
        if input.dim() not in (1, 2):
            raise ValueError(f"{name}: Expected input to be 1D or 2D, got {input.dim()}D "
                             "instead")
        for h in (hx if isinstance(hx, tuple) else (hx,)):
            if h is not None and h.dim() not in (1, 2):
                raise ValueError(f"{name}: Expected hidden to be 1D or 2D, got {h.dim()}D "
                                 "instead")
        batched = input.dim() == 2
        x = input._value()
        if not batched:
            x = C.expand_dims(x, axis=0)
        if input.size(-1) != self.input_size:
            raise RuntimeError(f"input has inconsistent input_size: got {input.size(-1)} "
                               f"expected {self.input_size}")
        return x, batched

    def _state(self, h, x, batched):
        if h is None:
            return C.zeros((C.shape(x)[0], self.hidden_size), dtype=C.dtype_of(x))
        v = h._value()
        return v if batched else C.expand_dims(v, axis=0)

    def _step(self, x, h, c, mode=None):
        b_ih = None if self.bias_ih is None else self.bias_ih._value()
        gi = _lin(x, self.weight_ih._value(), b_ih)
        return _cell(mode or self._mode, gi, h, c, self.weight_hh._value(),
                     None if self.bias_hh is None else self.bias_hh._value(), None)


def _out(v, batched, dt):
    return wrap(v if batched else C.squeeze(v, 0), dt)


class RNNCell(RNNCellBase):
    __constants__ = ["input_size", "hidden_size", "bias", "nonlinearity"]

    def __init__(self, input_size, hidden_size, bias=True, nonlinearity="tanh", device=None,
                 dtype=None):
        super().__init__(input_size, hidden_size, bias, 1, device, dtype)
        self.nonlinearity = nonlinearity

    def forward(self, input, hx=None):
        if self.nonlinearity == "tanh":
            mode = "RNN_TANH"
        elif self.nonlinearity == "relu":
            mode = "RNN_RELU"
        else:
            raise RuntimeError(f"Unknown nonlinearity: {self.nonlinearity}")
        x, batched = self._prep(input, hx, "RNNCell")
        h, _ = self._step(x, self._state(hx, x, batched), None, mode)
        return _out(h, batched, input.dtype)


class LSTMCell(RNNCellBase):
    _mode = "LSTM"

    def __init__(self, input_size, hidden_size, bias=True, device=None, dtype=None):
        super().__init__(input_size, hidden_size, bias, 4, device, dtype)

    def forward(self, input, hx=None):
        x, batched = self._prep(input, hx, "LSTMCell")
        if hx is None:
            h = c = self._state(None, x, batched)
        else:
            h, c = self._state(hx[0], x, batched), self._state(hx[1], x, batched)
        h2, c2 = self._step(x, h, c)
        return _out(h2, batched, input.dtype), _out(c2, batched, input.dtype)


class GRUCell(RNNCellBase):
    _mode = "GRU"

    def __init__(self, input_size, hidden_size, bias=True, device=None, dtype=None):
        super().__init__(input_size, hidden_size, bias, 3, device, dtype)

    def forward(self, input, hx=None):
        x, batched = self._prep(input, hx, "GRUCell")
        h, _ = self._step(x, self._state(hx, x, batched), None)
        return _out(h, batched, input.dtype)

