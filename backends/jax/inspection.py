import jax
import numpy as np

from ...core.devices import Device, parse
from ._base import FROM

_DEVICES = {}


def _device(jd):
    d = _DEVICES.get(jd)
    if d is None:
        kind = {"cpu": "cpu", "gpu": "gpu", "cuda": "gpu", "rocm": "gpu", "tpu": "tpu"}.get(jd.platform, jd.platform)
        d = _DEVICES[jd] = Device("jax", kind, jd.id, jd)
    return d


def is_array(x):
    return isinstance(x, jax.Array)


def shape(x):
    return tuple(x.shape)


def dtype_of(x):
    return FROM[x.dtype]


def to_numpy(x):
    return np.asarray(x)


def device_of(x):
    try:
        ds = x.devices()
    except Exception:  # a tracer under jax.jit has no committed device: the default one
        return _device(jax.devices()[0])
    return _device(next(iter(ds)))


def devices():
    return [_device(d) for d in jax.devices()] + ([] if jax.default_backend() == "cpu" else
                                                  [_device(d) for d in jax.devices("cpu")])


def native_device(device):
    if device is None:
        return None
    if isinstance(device, Device) and device.native is not None:
        return device.native
    kind, idx = parse(device, "jax")
    for d in devices():
        if d.kind == kind and d.index == idx:
            return d.native
    matches = [d for d in devices() if d.kind == kind]
    if matches and idx < len(matches):
        return matches[idx].native
    raise RuntimeError(f"device {device!r} is not available on the jax backend "
                       f"(available: {', '.join(str(d) for d in devices())})")


def to_device(x, device):
    return jax.device_put(x, native_device(device))


def ndim(x):
    return x.ndim


def size(x):
    return x.size
