import numpy as np
import tensorflow as tf

from ...core.devices import Device, parse
from ._base import FROM

_DEVICES = {}


def _device(name):
    d = _DEVICES.get(name)
    if d is None:
        spec = tf.DeviceSpec.from_string(name or "/device:CPU:0")
        kind = (spec.device_type or "CPU").lower()
        d = _DEVICES[name] = Device("tensorflow", kind, spec.device_index or 0, name)
    return d


def is_array(x):
    return isinstance(x, (tf.Tensor, tf.Variable))


def shape(x):
    return tuple(x.shape)


def dtype_of(x):
    return FROM[x.dtype]


def to_numpy(x):
    return np.asarray(x.numpy())


def device_of(x):
    return _device(x.device)


def devices():
    return [_device(f"/device:{d.device_type}:{i}")
            for i, d in enumerate(tf.config.list_logical_devices("GPU"))] + [_device("/device:CPU:0")]


def native_device(device):
    if device is None:
        return None
    kind, idx = parse(device, "tensorflow")
    for d in devices():
        if d.kind == kind and d.index == idx:
            return d.native
    raise RuntimeError(f"device {device!r} is not available on the tensorflow backend "
                       f"(available: {', '.join(str(d) for d in devices())})")


def to_device(x, device):
    with tf.device(native_device(device)):
        return tf.identity(x)


def ndim(x):
    return x.shape.rank


def size(x):
    return int(np.prod(x.shape))
