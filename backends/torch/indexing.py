"""Indexing on torch.

torch's native indexing differs from NumPy's in a few places, so non-trivial keys are
parsed (core.ops.indexing._parse_key): negative slice steps are done with flip, and keys
with index arrays become pure advanced indexing (one broadcasting index tensor per dim),
which sidesteps torch's different placement rule for the advanced-index block (ints
separating index arrays, empty Ellipsis). Writes go through index_put_ / scatter_reduce
on such coordinates; uint16/32/64 (which lack those kernels) go through a same-width
signed view where the bits are the same (update, add, prod) or int64.
"""
import torch

from ...core.ops.indexing import _check_reduce, _coords, _fit_values, _parse_key, _plan

_Tensor = torch.Tensor
_INT_OK = (torch.int64,)
_TOP = -(2 ** 63)  # the top bit of an int64
_SIGNED_VIEW = {torch.uint16: torch.int16, torch.uint32: torch.int32, torch.uint64: torch.int64}


def _info(v):
    if isinstance(v, _Tensor):
        dt = v.dtype
        if dt is torch.bool:
            return "b", v.shape
        if dt.is_floating_point or dt.is_complex:
            return "f", v.shape
        return "i", v.shape
    return None


def _converter(x):
    def convert(a):
        return torch.as_tensor(a, device=x.device)
    return convert


def _parse(x, key):
    return _parse_key(key, tuple(x.shape), _info, _converter(x))


_NATIVE_IDX = (torch.int64, torch.int32, torch.bool)


def _plain(key):
    """How torch may take `key` natively (its semantics equal NumPy's there):
    0 no; 1 basic (ints, positive-step slices, None, one Ellipsis); 2 with index tensors
    (no Python ints, no Ellipsis: torch places the advanced block differently around those);
    3 index tensors only. Index tensors must be int64/int32/bool, not 0-d ints, and on the
    CPU (elsewhere out-of-range indices are not reported as IndexError)."""
    t = type(key)
    if t is int or key is None or key is Ellipsis:
        return 1
    if t is slice:
        return 1 if key.step is None or key.step > 0 else 0
    if t is tuple:
        ell = False
        ints = False
        put = True
        tensors = 0
        for e in key:
            te = type(e)
            if te is int:
                ints = True
            elif e is None:
                continue
            elif e is Ellipsis:
                if ell:  # torch accepts several
                    return 0
                ell = True
            elif te is slice:
                if e.step is not None and e.step <= 0:
                    return 0
            elif isinstance(e, _Tensor) and e.dtype in _NATIVE_IDX and e.device.type == "cpu" and (
                    e.dim() or e.dtype is torch.bool):
                tensors += 1
                if not e.dim():  # a 0-d bool: not for index_put_
                    put = False
            else:
                return 0
        if not tensors:
            return 1
        if ints or ell:
            return 0
        return 3 if put and tensors == len(key) else 2
    if isinstance(key, _Tensor) and key.dtype in _NATIVE_IDX and key.device.type == "cpu":
        return 3 if key.dim() else 2 if key.dtype is torch.bool else 0
    return 0


def _index(a, n, d):
    if a.dtype not in _INT_OK:
        a = a.to(torch.int64)
    if a.device.type != "cpu" and a.numel():  # CPU kernels raise IndexError themselves
        if bool(((a < -n) | (a >= n)).any()):
            raise IndexError(f"index out of bounds for axis {d} with size {n}")
    return a


def _nonzero(m):
    cols = torch.nonzero(m, as_tuple=True)
    return cols, int(cols[0].shape[0])


def _plan_of(k):
    return _plan(k, _index, _nonzero, bool)


def _coords_of(x, p):
    dev = x.device

    def arange(start, step, length):
        return torch.arange(start, start + step * length, step, device=dev)[:length]

    return _coords(p, x.dim(), arange, lambda a, s: a.reshape(s),
                   lambda v: torch.tensor(v, device=dev))


def _basic_key(x, k):
    """(x with negative-step dims flipped, equivalent basic key) for a key without arrays."""
    key = []
    flips = []
    for it in k.items:
        t = it[0]
        if t == "i":
            key.append(it[1])
        elif t == "n":
            key.append(None)
        else:
            slc = it[1]
            if slc.step is not None and slc.step < 0:
                n = k.shape[it[2]]
                start, stop, step = slc.indices(n)
                length = len(range(start, stop, step))
                if length == 0:
                    key.append(slice(0, 0))
                else:
                    s0 = n - 1 - start
                    key.append(slice(s0, s0 + (length - 1) * (-step) + 1, -step))
                    flips.append(it[2])
            else:
                key.append(slc)
    if flips:
        x = torch.flip(x, flips)
    return x, tuple(key)


def getitem(x, key):
    if _plain(key):
        return x[key]
    k = _parse(x, key)
    if not k.arrays:
        y, bkey = _basic_key(x, k)
        return y[bkey]
    p = _plan_of(k)
    if p.empty or x.numel() == 0:
        return x.new_zeros(p.S)
    if x.dim() == 0:
        return x.reshape(p.S)
    return x[tuple(_coords_of(x, p))]


def _values(values, x):
    if isinstance(values, _Tensor):
        if values.dtype != x.dtype:
            values = values.to(x.dtype)
        if values.device != x.device:
            values = values.to(x.device)
        return values
    return torch.as_tensor(values, dtype=x.dtype, device=x.device)


def _sized(v, S):
    s = _fit_values(v.shape, S)
    if tuple(v.shape) != s:
        v = v.reshape(s)
    return v.expand(S)


def _signed(t):
    sv = _SIGNED_VIEW.get(t.dtype)
    return t if sv is None else t.view(sv)


def _write(x, key, values, accumulate):
    v = _values(values, x)
    how = _plain(key)
    if how == 1 or how and not accumulate:
        out = x.clone()
        if accumulate:
            target = out[key]
            v = _sized(v, tuple(target.shape))
            if out.dtype in _SIGNED_VIEW:
                target, v = _signed(target), _signed(v)
            target += v
        else:
            try:
                if out.dtype in _SIGNED_VIEW:
                    _signed(out)[key] = _signed(v)
                else:
                    out[key] = v
            except RuntimeError as e:  # values that do not broadcast to x[key]
                if "size" in str(e) or "shape" in str(e):
                    raise ValueError(f"could not broadcast values into x[key]: {e}") from None
                raise
        return out
    if how == 3:
        try:
            out = x.clone()
            idx = key if type(key) is tuple else (key,)
            if out.dtype in _SIGNED_VIEW:
                _signed(out).index_put_(idx, _signed(v), accumulate=True)
                return out
            return out.index_put_(idx, v, accumulate=True)
        except RuntimeError:  # values need NumPy's broadcasting (leading 1-dims): the long way
            pass
    k = _parse(x, key)
    if not k.arrays and not k.negstep:
        out = x.clone()
        bkey = tuple(it[1] if it[0] != "n" else None for it in k.items)
        target = out[bkey]
        v = _sized(v, tuple(target.shape))
        if out.dtype in _SIGNED_VIEW:
            target, v = _signed(target), _signed(v)
        if accumulate:
            target += v
        else:
            target.copy_(v)
        return out
    p = _plan_of(k)
    v = _sized(v, p.S)
    if p.empty or x.numel() == 0:
        return x.clone()
    if x.dim() == 0:
        if accumulate:
            return x + v.sum().to(x.dtype) if x.dtype is not torch.bool else x | v.any()
        return v.reshape(-1)[-1].clone()
    idx = tuple(_coords_of(x, p))
    out = x.clone()
    if out.dtype in _SIGNED_VIEW:
        _signed(out).index_put_(idx, _signed(v.contiguous()), accumulate=accumulate)
        return out
    return out.index_put_(idx, v, accumulate=accumulate)


def index_update(x, key, values):
    return _write(x, key, values, False)


def index_add(x, key, values):
    return _write(x, key, values, True)


def index_reduce(x, key, values, reduce, include_self):
    _check_reduce(reduce)
    dt = x.dtype
    if reduce in ("amax", "amin") and dt.is_complex:
        raise TypeError(f"unify.core.index_reduce: {reduce} needs a real dtype, got {dt}")
    k = _parse(x, key)
    p = _plan_of(k)
    v = _sized(_values(values, x), p.S)
    if p.empty or x.numel() == 0:
        return x.clone()
    nd = x.dim()
    if nd == 0:
        pos = torch.zeros(p.S, dtype=torch.int64, device=x.device)
    else:
        stride = 1
        pos = 0
        coords = _coords_of(x, p)
        for d in range(nd - 1, -1, -1):
            pos = pos + torch.remainder(coords[d], x.shape[d]) * stride  # negatives wrap
            stride *= x.shape[d]
        pos = torch.as_tensor(pos, device=x.device).expand(p.S)
    work, src = x, v
    flip = False
    if dt in _SIGNED_VIEW:
        if reduce in ("sum", "prod"):  # the same bits modulo 2**n
            work, src = _signed(x), _signed(v.contiguous())
        elif dt is not torch.uint64:
            work, src = x.to(torch.int64), v.to(torch.int64)
        elif reduce != "mean":  # order-preserving: flip the top bit of the int64 view
            work = _signed(x) ^ _TOP
            src = _signed(v.contiguous()) ^ _TOP
            flip = True
        else:
            raise TypeError("unify.core.index_reduce: dtype uint64 is not supported by the torch "
                            "backend for reduce='mean'")
    flat = work.reshape(-1).scatter_reduce(0, pos.reshape(-1), src.reshape(-1), reduce,
                                           include_self=include_self)
    out = flat.reshape(x.shape)
    if flip:
        return (out ^ _TOP).view(dt)
    if out.dtype != dt:
        out = out.view(dt) if out.dtype.itemsize == dt.itemsize and dt in _SIGNED_VIEW and \
            reduce in ("sum", "prod") else out.to(dt)
    return out
