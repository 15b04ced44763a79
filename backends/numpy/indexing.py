import numpy as np

_nd = np.ndarray


def getitem(x, key):
    out = x[key]
    return out if type(out) is _nd else np.asarray(out)


def _values(values, dtype):
    if type(values) is _nd and values.dtype == dtype:
        return values
    return np.asarray(values).astype(dtype, copy=False)


def index_update(x, key, values):
    out = np.array(x, copy=True)
    out[key] = _values(values, out.dtype)
    return out


def index_add(x, key, values):
    out = np.array(x, copy=True)
    np.add.at(out, key, _values(values, out.dtype))
    return out


_UFUNC = {"sum": np.add, "prod": np.multiply, "amax": np.maximum, "amin": np.minimum}


def _identity(reduce, dtype):
    if reduce in ("sum", "mean"):
        return 0
    if reduce == "prod":
        return 1
    if dtype.kind == "b":
        return reduce == "amin"
    if dtype.kind in "iu":
        info = np.iinfo(dtype)
        return info.min if reduce == "amax" else info.max
    return -np.inf if reduce == "amax" else np.inf


def index_reduce(x, key, values, reduce, include_self):
    from ...core.ops.indexing import _check_reduce
    _check_reduce(reduce)
    x = np.asarray(x)
    dt = x.dtype
    if reduce in ("amax", "amin") and dt.kind == "c":
        raise TypeError(f"unify.core.index_reduce: {reduce} needs a real dtype, got {dt}")
    v = _values(values, dt)
    out = np.array(x, copy=True)
    if not include_self:
        touched = np.zeros(x.shape, dtype=bool)
        touched[key] = True
        out[touched] = _identity(reduce, dt)
    if reduce != "mean":
        _UFUNC[reduce].at(out, key, v)
        return out
    np.add.at(out, key, v)
    cnt = np.ones(x.shape, dtype=np.int64) if include_self else np.zeros(x.shape, dtype=np.int64)
    np.add.at(cnt, key, 1)
    keep = cnt == 0
    cnt[keep] = 1
    if dt.kind in "iub":
        res = np.floor_divide(out, cnt).astype(dt, copy=False)
    else:
        res = (out / cnt).astype(dt, copy=False)
    if not include_self:
        res[keep] = x[keep]
    return res
