"""Questions about arrays: shape, dtype, device, conversion to NumPy."""
from ._define import family, nondiff

__all__: list[str] = []
op = family(__name__, __all__)

is_array = op("is_array(x, /)", doc="True when `x` is a native array of the current backend.")
shape = op("shape(x, /)", doc="The shape as a tuple of Python ints.")
dtype_of = op("dtype_of(x, /)", doc="The canonical dtype (unify.core.float32, ...) of a native array.")
to_numpy = op("to_numpy(x, /)", doc="A numpy.ndarray with the same values (zero-copy where the backend allows).")
device_of = op("device_of(x, /)", doc="The canonical Device the array lives on.")


def _ndim(x):
    return len(shape(x))


def _size(x):
    n = 1
    for s in shape(x):
        n *= s
    return n


ndim = op("ndim(x, /)", _ndim, doc="Number of dimensions.")
size = op("size(x, /)", _size, doc="Number of elements.")

nondiff("is_array", "shape", "dtype_of", "to_numpy", "device_of", "ndim", "size")

devices = op("devices()", doc="The backend's devices, the default one first.")
to_device = op("to_device(x, device, /)", doc="Move to a Device (or 'cpu', 'gpu:0', ...); "
               "asking for a device the backend lacks raises RuntimeError.")
nondiff("devices")


def _to_device_vjp(g, out, x, device):
    return (to_device(g, device_of(x)), None)


from ._define import defvjp  # noqa: E402

defvjp("to_device", _to_device_vjp)
