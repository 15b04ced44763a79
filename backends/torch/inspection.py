import numpy as np
import torch

from ...core.devices import Device, parse
from ._base import FROM

_DEVICES = {}


def _device(td):
    d = _DEVICES.get(td)
    if d is None:
        kind = "cpu" if td.type == "cpu" else "gpu"
        d = _DEVICES[td] = Device("torch", kind, td.index or 0, td)
    return d


def is_array(x):
    return isinstance(x, torch.Tensor)


def shape(x):
    return tuple(x.shape)


def dtype_of(x):
    return FROM[x.dtype]


def to_numpy(x):
    x = x.detach()
    if x.dtype == torch.bfloat16:
        import ml_dtypes
        return x.float().cpu().numpy().astype(ml_dtypes.bfloat16)
    return x.cpu().resolve_conj().resolve_neg().numpy()


def device_of(x):
    return _device(x.device)


def devices():
    out = [_device(torch.device("cpu"))]
    if torch.cuda.is_available():
        out = [_device(torch.device("cuda", i)) for i in range(torch.cuda.device_count())] + out
    return out


def native_device(device):
    """torch.device for a canonical device spec; RuntimeError if absent."""
    if device is None:
        return None
    if isinstance(device, Device) and device.native is not None:
        return device.native
    kind, idx = parse(device, "torch")
    if kind == "cpu":
        return torch.device("cpu")
    if kind == "gpu" and torch.cuda.is_available() and idx < torch.cuda.device_count():
        return torch.device("cuda", idx)
    raise RuntimeError(f"device {device!r} is not available on the torch backend "
                       f"(available: {', '.join(str(d) for d in devices())})")


def to_device(x, device):
    return x.to(native_device(device))


def ndim(x):
    return x.dim()


def size(x):
    return x.numel()
