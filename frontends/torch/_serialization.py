"""torch.save / torch.load in PyTorch's zip checkpoint format, with no torch at run time.

A checkpoint is an uncompressed zip archive whose records sit under one folder (the file's
stem, or "archive" for file objects): `data.pkl` (the pickled object), `data/<key>` (the raw
little-endian bytes of each storage), `byteorder`, `version`, `.format_version`,
`.storage_alignment` and `.data/serialization_id`; storage records start on 64-byte
boundaries. The pickle names storages by persistent id
`('storage', torch.<Type>Storage, key, location, numel)` and rebuilds tensors through
`torch._utils._rebuild_tensor_v2(storage, offset, size, stride, requires_grad, hooks)`
(`_rebuild_tensor_v3` with an untyped storage and a dtype for uint16/32/64), parameters
through `torch._utils._rebuild_parameter`. Tensors that are views of one base share one
storage (with their offset and strides), as in torch.

Differences from torch: `torch.load` gives each tensor its own memory (tensors that shared a
storage in the file hold equal values but no longer alias); `mmap` is accepted and ignored;
`pickle_module` is only honoured by `load(weights_only=False)`; only the zip format (torch >=
1.6) is read and written; sparse, quantized, nested and meta tensors are refused.

`load(weights_only=True)` (the default, as in torch >= 2.6) unpickles through an allow-list of
globals (torch's documented one: OrderedDict, Counter, set, complex, bytearray,
_codecs.encode, torch.Size, torch.device, torch dtypes and storage types, the tensor and
parameter rebuild functions, plus `add_safe_globals`); any other global raises
pickle.UnpicklingError before anything from the file runs. It reads every pickle protocol
(torch's own weights-only reader stops at protocol 3's bytes and protocol 4's frames)."""
from __future__ import annotations

import builtins
import collections
import contextlib
import io
import math
import operator
import os
import pickle
import struct
import zipfile

import numpy as np

from ... import core as C
from . import _dtype as T
from ._device import device as _device, native_device
from ._tensor import Size, Tensor, wrap

_ALIGN = 64
_MAGIC_LEGACY = 0x1950A86A20F9469CFC6C

# dtype -> (torch's typed storage name or None, little-endian numpy dtype of the raw bytes)
_LAYOUT = {
    T.bool: ("BoolStorage", "|b1"), T.uint8: ("ByteStorage", "|u1"),
    T.int8: ("CharStorage", "|i1"), T.int16: ("ShortStorage", "<i2"),
    T.int32: ("IntStorage", "<i4"), T.int64: ("LongStorage", "<i8"),
    T.float16: ("HalfStorage", "<f2"), T.bfloat16: ("BFloat16Storage", "<u2"),
    T.float32: ("FloatStorage", "<f4"), T.float64: ("DoubleStorage", "<f8"),
    T.complex64: ("ComplexFloatStorage", "<c8"), T.complex128: ("ComplexDoubleStorage", "<c16"),
    T.uint16: (None, "<u2"), T.uint32: (None, "<u4"), T.uint64: (None, "<u8"),
}


class _StorageType:
    """What `torch.FloatStorage` (etc.) and `torch.storage.UntypedStorage` stand for in a
    checkpoint: the element dtype of a storage (uint8 bytes for the untyped one)."""

    __slots__ = ("name", "dtype")

    def __init__(self, name, dt):
        self.name, self.dtype = name, dt

    def __repr__(self):
        return f"torch.{self.name}"


_TYPED = {name: _StorageType(name, dt) for dt, (name, _) in _LAYOUT.items() if name}
_UNTYPED = _StorageType("storage.UntypedStorage", T.uint8)


class _Storage:
    """A storage read from a checkpoint: raw bytes, their element dtype, the target device."""

    __slots__ = ("data", "dtype", "device", "big_endian")

    def __init__(self, data, dt, dev, big_endian=False):
        self.data, self.dtype, self.device, self.big_endian = data, dt, dev, big_endian

    def nbytes(self):
        return len(self.data)

    def size(self):
        return len(self.data) // self.dtype.itemsize

    def cpu(self):
        return _Storage(self.data, self.dtype, _device("cpu"), self.big_endian)

    def cuda(self, device=None, non_blocking=False):
        index = device if isinstance(device, builtins.int) else \
            (0 if device is None else _device(device).index or 0)
        return _Storage(self.data, self.dtype, _device("cuda", index), self.big_endian)

    def to(self, device=None, **kwargs):
        return _Storage(self.data, self.dtype, _device(device), self.big_endian)

    @property
    def is_cuda(self):
        return self.device.type == "cuda"


# ----------------------------------------------------------------------------- rebuilding

def _np_dtype(dt, big_endian):
    name = _LAYOUT[dt][1]
    return np.dtype(name if not big_endian else name.replace("<", ">"))


def _values(storage, dt, offset, size, stride):
    """The numpy values (a fresh contiguous array) of a tensor over `storage`."""
    if not isinstance(storage, _Storage):
        raise TypeError(f"expected a storage to rebuild a tensor, got {type(storage).__name__}")
    if dt not in _LAYOUT:
        raise TypeError(f"expected a torch.dtype, got {dt!r}")
    size = tuple(operator.index(n) for n in size)
    stride = tuple(operator.index(s) for s in stride)
    offset = operator.index(offset)
    if len(size) != len(stride):
        raise RuntimeError(f"mismatch in length of strides and shape: {list(size)} vs "
                           f"{list(stride)}")
    if any(n < 0 for n in size) or any(s < 0 for s in stride) or offset < 0:
        raise RuntimeError(f"invalid tensor geometry in checkpoint: size {list(size)}, stride "
                           f"{list(stride)}, offset {offset}")
    npd = _np_dtype(dt, storage.big_endian)
    count = len(storage.data) // npd.itemsize
    if not math.prod(size):
        return np.empty(size, npd.newbyteorder("="))
    last = offset + sum((n - 1) * s for n, s in zip(size, stride))
    if last >= count:
        raise RuntimeError(f"setStorage: sizes {list(size)}, strides {list(stride)}, storage "
                           f"offset {offset}, and itemsize {npd.itemsize} requiring a storage "
                           f"size of {(last + 1) * npd.itemsize} are out of bounds for storage "
                           f"of size {count * npd.itemsize}")
    flat = np.frombuffer(storage.data, npd, count)
    view = np.lib.stride_tricks.as_strided(flat[offset:], size,
                                           tuple(s * npd.itemsize for s in stride),
                                           writeable=False)
    return np.array(view, dtype=npd.newbyteorder("="), copy=True)


def _make(storage, dt, offset, size, stride, requires_grad):
    arr = _values(storage, dt, offset, size, stride)
    dev = native_device(storage.device)
    if dt is T.bfloat16:
        f32 = (arr.astype(np.uint32) << 16).view(np.float32)
        v = C.astype(C.asarray(f32, device=dev), C.bfloat16)
    else:
        v = C.asarray(arr, dtype=dt.core, device=dev)
    t = wrap(v, dt)
    if requires_grad:
        _grad(t)
    return t


def _grad(t):
    from ._creation import _require_grad

    _require_grad(t)


def _rebuild_tensor_v2(storage, storage_offset, size, stride, requires_grad, backward_hooks,
                       metadata=None):
    return _make(storage, getattr(storage, "dtype", None), storage_offset, size, stride,
                 requires_grad)


def _rebuild_tensor_v3(storage, storage_offset, size, stride, requires_grad, backward_hooks,
                       dtype, metadata=None):
    return _make(storage, dtype, storage_offset, size, stride, requires_grad)


def _rebuild_tensor(storage, storage_offset, size, stride):
    return _make(storage, getattr(storage, "dtype", None), storage_offset, size, stride, False)


def _parameter_class():
    from . import nn

    return getattr(nn, "Parameter", None)


def _as_parameter(data, requires_grad):
    cls = _parameter_class()
    if cls is not None:
        return cls(data, requires_grad)
    if requires_grad and not data.requires_grad:
        _grad(data)
    return data


def _set_state(obj, state):
    if isinstance(state, tuple) and len(state) == 2:
        for part in state:
            _set_state(obj, part)
        return
    if isinstance(state, dict):  # user attributes only: never the tensor's own machinery
        cls = type(obj)
        for k, v in state.items():
            if isinstance(k, str) and not k.startswith("_") and not hasattr(cls, k):
                setattr(obj, k, v)


def _rebuild_parameter(data, requires_grad, backward_hooks):
    return _as_parameter(data, requires_grad)


def _rebuild_parameter_with_state(data, requires_grad, backward_hooks, state):
    p = _as_parameter(data, requires_grad)
    _set_state(p, state)
    return p


def _rebuild_from_type_v2(func, new_type, args, state):
    ret = func(*args)
    cls = _parameter_class()
    if cls is not None and new_type is cls and not isinstance(ret, cls):
        ret = cls(ret, ret.requires_grad)
    _set_state(ret, state)
    return ret


def _rebuild_device_tensor_from_cpu_tensor(data, dtype, device, requires_grad):
    v = C.to_device(C.astype(data._value(), dtype.core), native_device(device))
    t = wrap(v, dtype)
    if requires_grad:
        _grad(t)
    return t


def _refuse(what):
    def rebuild(*args, **kwargs):
        raise RuntimeError(f"torch.load: this checkpoint holds {what}, which unify's torch "
                           "frontend does not support")
    return rebuild


# --------------------------------------------------------------------- allow-lists / globals

def _load_globals():
    """'module.name' -> the frontend object a checkpoint's global stands for (torch names)."""
    g = {
        "torch._utils._rebuild_tensor_v2": _rebuild_tensor_v2,
        "torch._utils._rebuild_tensor_v3": _rebuild_tensor_v3,
        "torch._utils._rebuild_tensor": _rebuild_tensor,
        "torch._utils._rebuild_parameter": _rebuild_parameter,
        "torch._utils._rebuild_parameter_with_state": _rebuild_parameter_with_state,
        "torch._tensor._rebuild_from_type_v2": _rebuild_from_type_v2,
        "torch._utils._rebuild_device_tensor_from_cpu_tensor":
            _rebuild_device_tensor_from_cpu_tensor,
        "torch._utils._rebuild_sparse_tensor": _refuse("sparse tensors"),
        "torch._utils._rebuild_qtensor": _refuse("quantized tensors"),
        "torch._utils._rebuild_nested_tensor": _refuse("nested tensors"),
        "torch._utils._rebuild_meta_tensor_no_storage": _refuse("meta tensors"),
        "torch._utils._rebuild_wrapper_subclass": _refuse("tensor subclasses"),
        "torch._utils._rebuild_device_tensor_from_numpy": _refuse("device tensors saved as NumPy"),
        "torch.Size": Size,
        "torch.device": _device,
        "torch.Tensor": Tensor,
        "torch.storage.UntypedStorage": _UNTYPED,
        "collections.OrderedDict": collections.OrderedDict,
        "collections.Counter": collections.Counter,
        "builtins.set": set,
        "builtins.complex": complex,
        "builtins.bytearray": bytearray,
        "_codecs.encode": __import__("_codecs").encode,
    }
    for dt in T.ALL:
        g[f"torch.{dt._name}"] = dt
    for name, st in _TYPED.items():
        g[f"torch.{name}"] = st
        g[f"torch.cuda.{name}"] = st
    return g


_GLOBALS = _load_globals()
_PARAMETER_NAME = "torch.nn.parameter.Parameter"
_USER_SAFE: dict = {}


def _global_key(module, name):
    if module == "__builtin__":
        module = "builtins"
    elif module == "copy_reg":
        module = "copyreg"
    return f"{module}.{name}"


def _lookup(key):
    obj = _GLOBALS.get(key)
    if obj is None and key == _PARAMETER_NAME:
        obj = _parameter_class() or _rebuild_parameter_standin
    return obj


def _rebuild_parameter_standin(data=None, requires_grad=True):
    return _as_parameter(data, requires_grad)


def _user_key(obj):
    return f"{obj.__module__}.{obj.__qualname__}"


def add_safe_globals(safe_globals):
    """torch.serialization.add_safe_globals: objects (or (object, "module.name") pairs) that
    `load(weights_only=True)` may use."""
    for item in safe_globals:
        if isinstance(item, tuple):
            obj, name = item
            _USER_SAFE[name] = obj
        else:
            _USER_SAFE[_user_key(item)] = item


def get_safe_globals():
    return list(_USER_SAFE.values())


def clear_safe_globals():
    _USER_SAFE.clear()


@contextlib.contextmanager
def safe_globals(safe_globals):
    saved = dict(_USER_SAFE)
    add_safe_globals(safe_globals)
    try:
        yield
    finally:
        _USER_SAFE.clear()
        _USER_SAFE.update(saved)


_WEIGHTS_ONLY_HELP = (
    "Weights only load failed. In PyTorch 2.6 the default value of the `weights_only` argument "
    "of `torch.load` changed from `False` to `True`. Re-running `torch.load` with "
    "`weights_only=False` will likely succeed, but it can result in arbitrary code execution; "
    "do it only if you got the file from a trusted source.\n\n")


class _Refused(pickle.UnpicklingError):
    """A global outside the weights-only allow-list."""


def _find_global(module, name, weights_only):
    """What a checkpoint's global stands for: torch's names map to the frontend, then the
    user's safe globals; with weights_only anything else is refused. None: let pickle import
    it (weights_only=False, a non-torch global)."""
    key = _global_key(module, name)
    obj = _lookup(key)
    if obj is not None:
        return obj
    user = _USER_SAFE.get(key)
    if user is not None:
        return user
    if weights_only:
        raise _Refused(
            f"{_WEIGHTS_ONLY_HELP}Unsupported global: GLOBAL {key} is not an allowed global by "
            f"default. If you trust this class/function, allow it with "
            f"`torch.serialization.add_safe_globals([{name}])` or the "
            f"`torch.serialization.safe_globals([{name}])` context manager.")
    if module == "torch" or module.startswith("torch."):
        return _frontend_global(module, name)
    return None


class _Unpickler(pickle.Unpickler):
    """The unpickler of data.pkl (storages come from the archive)."""

    def __init__(self, file, reader, weights_only, **kwargs):
        super().__init__(file, **kwargs)
        self._reader = reader
        self._weights_only = weights_only

    def find_class(self, module, name):
        obj = _find_global(module, name, self._weights_only)
        return obj if obj is not None else super().find_class(module, name)

    def persistent_load(self, pid):
        return self._reader.storage(pid)


_PACKAGE = __name__.rpartition(".")[0]


def _frontend_global(module, name):
    import importlib

    target = _PACKAGE + module[len("torch"):]
    try:
        obj = importlib.import_module(target)
        for part in name.split("."):
            obj = getattr(obj, part)
    except (ImportError, AttributeError):
        raise RuntimeError(f"torch.load: the checkpoint uses {module}.{name}, which unify's "
                           "torch frontend does not provide") from None
    return obj


class _ArchiveReader:
    """The records of one checkpoint archive, and the storages loaded from it (once each)."""

    def __init__(self, zf, prefix, map_location):
        self.zf, self.prefix, self.map_location = zf, prefix, map_location
        self.loaded = {}
        bo = self.record("byteorder")
        self.big_endian = bo is not None and bo.strip() == b"big"

    def record(self, name):
        try:
            return self.zf.read(self.prefix + name)
        except KeyError:
            return None

    def storage(self, pid):
        if not (isinstance(pid, tuple) and len(pid) >= 5 and pid[0] == "storage"):
            raise pickle.UnpicklingError(f"unknown persistent id in checkpoint: {pid!r:.200}")
        _, stype, key, location, numel = pid[:5]
        if not isinstance(stype, _StorageType):
            raise pickle.UnpicklingError(f"unknown storage type in checkpoint: {stype!r:.200}")
        key = str(key)
        s = self.loaded.get(key)
        if s is not None:
            return s
        data = self.record(f"data/{key}")
        if data is None:
            raise RuntimeError(f"PytorchStreamReader failed locating file data/{key}: file not "
                               "found")
        need = operator.index(numel) * stype.dtype.itemsize
        if len(data) < need:
            raise RuntimeError(f"checkpoint storage data/{key} holds {len(data)} bytes, "
                               f"expected {need}")
        s = _Storage(data, stype.dtype, _device("cpu"), self.big_endian)
        s = self._place(s, str(location))
        self.loaded[key] = s
        return s

    def _place(self, s, location):
        ml = self.map_location
        if ml is None:
            target = location
        elif isinstance(ml, (str, _device)):
            target = ml
        elif isinstance(ml, dict):
            target = ml.get(location, location)
        elif callable(ml):
            out = ml(s, location)
            if isinstance(out, _Storage):
                return out
            target = location if out is None else out
        else:
            raise TypeError(f"map_location should be a string, a torch.device, a dict or a "
                            f"callable, got {type(ml).__name__}")
        dev = _device(target)
        if dev.type == "cuda" and ml is None:
            from ._device import cuda

            if not cuda.is_available():
                raise RuntimeError(
                    "Attempting to deserialize object on a CUDA device but "
                    "torch.cuda.is_available() is False. If you are running on a CPU-only "
                    "machine, please use torch.load with map_location=torch.device('cpu') "
                    "to map your storages to the CPU.")
        s.device = dev
        return s


def _weights_only_default(weights_only):
    if weights_only is not None:
        return builtins.bool(weights_only)
    flag = os.environ.get("TORCH_FORCE_NO_WEIGHTS_ONLY_LOAD", "").lower()
    return flag not in ("1", "y", "yes", "true")


def load(f, map_location=None, pickle_module=None, *, weights_only=None, mmap=None,
         **pickle_load_args):
    weights_only = _weights_only_default(weights_only)
    if weights_only and pickle_module is not None:
        raise RuntimeError("Can not safely load weights when explicit pickle_module is "
                           "specified")
    if "encoding" not in pickle_load_args:
        pickle_load_args["encoding"] = "utf-8"
    with _opened(f, "rb") as fh:
        if not _is_zip(fh):
            _not_zip(fh, weights_only)
        try:
            zf = zipfile.ZipFile(fh)
        except zipfile.BadZipFile as e:
            raise RuntimeError(f"PytorchStreamReader failed reading zip archive: {e}") from None
        names = zf.namelist()
        pkl = next((n for n in names if n.endswith("data.pkl") and n.count("/") == 1), None)
        if pkl is None:
            if any(n.endswith("constants.pkl") for n in names):
                raise RuntimeError("torch.load: this is a TorchScript archive (torch.jit.save), "
                                   "which unify's torch frontend does not load")
            raise RuntimeError("PytorchStreamReader failed locating file data.pkl: file not "
                               "found")
        reader = _ArchiveReader(zf, pkl[:-len("data.pkl")], map_location)
        data = io.BytesIO(zf.read(pkl))
        if not weights_only and pickle_module is not None and pickle_module is not pickle:
            up = _custom_unpickler(pickle_module)(data, reader, False, **pickle_load_args)
        else:
            up = _Unpickler(data, reader, weights_only, **pickle_load_args)
        try:
            return up.load()
        except pickle.UnpicklingError:
            raise
        except Exception as e:
            if weights_only and not isinstance(e, RuntimeError):
                raise pickle.UnpicklingError(f"{_WEIGHTS_ONLY_HELP}WeightsUnpickler error: "
                                             f"{type(e).__name__}: {e}") from e
            raise


def _custom_unpickler(pickle_module):
    class Unpickler(pickle_module.Unpickler):
        def __init__(self, file, reader, weights_only, **kwargs):
            super().__init__(file, **kwargs)
            self._reader = reader

        def find_class(self, module, name):
            obj = _find_global(module, name, False)
            return obj if obj is not None else super().find_class(module, name)

        def persistent_load(self, pid):
            return self._reader.storage(pid)
    return Unpickler


def _is_zip(fh):
    pos = fh.tell()
    head = fh.read(4)
    fh.seek(pos)
    return head == b"PK\x03\x04" or head == b"PK\x05\x06"


def _not_zip(fh, weights_only):
    if weights_only:
        raise pickle.UnpicklingError(f"{_WEIGHTS_ONLY_HELP}WeightsUnpickler error: the file is "
                                     "not a torch zip checkpoint (unify's torch frontend reads "
                                     "only the zip format that torch >= 1.6 writes)")
    try:  # as torch: pickle's own errors (a file that is no pickle) propagate
        first = _Unpickler(fh, None, True).load()
    except _Refused:
        first = None
    if first == _MAGIC_LEGACY:
        raise RuntimeError("torch.load: this checkpoint uses torch's legacy (pre-1.6, non-zip) "
                           "format, which unify's torch frontend does not read; re-save it with "
                           "torch >= 1.6")
    raise RuntimeError("Invalid magic number; corrupt file?")


@contextlib.contextmanager
def _opened(f, mode):
    if isinstance(f, (str, os.PathLike)):
        with open(f, mode) as fh:
            yield fh
    else:
        yield f


# ------------------------------------------------------------------------------------ save

class _SavedStorage:
    """A storage being written: its key, typed/untyped storage type, element count, bytes."""

    __slots__ = ("key", "stype", "numel", "location", "data")

    def __init__(self, key, stype, numel, location, data):
        self.key, self.stype, self.numel, self.location, self.data = (key, stype, numel,
                                                                      location, data)


class _AsPlainTensor:
    """A parameter's data, pickled as a plain tensor."""

    __slots__ = ("t",)

    def __init__(self, t):
        self.t = t


def _save_globals():
    """id(frontend object) -> (module, name) of the torch global it is written as."""
    g = {}
    for key, obj in _GLOBALS.items():
        if isinstance(obj, (_StorageType, T.dtype)) or obj in (Size, _device, Tensor) or \
                getattr(obj, "__module__", None) == __name__:
            if key.startswith("torch.cuda."):
                continue
            module, _, name = key.rpartition(".")
            g.setdefault(id(obj), (module, name))
    return g


_SAVE_NAMES = _save_globals()
_FAST = frozenset((builtins.int, builtins.float, str, bytes, builtins.bool, type(None), tuple,
                   list, dict, collections.OrderedDict))


def _bytes_of(value, dt):
    """The little-endian bytes of a native value (a flat numpy array)."""
    if dt is T.bfloat16:
        f32 = C.to_numpy(C.astype(value, C.float32))
        arr = (np.ascontiguousarray(f32).view(np.uint32) >> 16).astype("<u2")
    else:
        arr = np.ascontiguousarray(C.to_numpy(value)).astype(_LAYOUT[dt][1], copy=False)
    return arr.reshape(-1)


def _user_state(t):
    """Attributes a user set on a tensor (saved, as torch saves them)."""
    d = getattr(t, "__dict__", None)
    if not d:
        return None
    return {k: v for k, v in d.items() if not k.startswith("_") and not hasattr(Tensor, k)}


class _Pickler(pickle._Pickler):
    """pickle's Python pickler, writing frontend tensors, dtypes, Size, device and storage
    types under torch's global names (the C pickler insists on importing them)."""

    def __init__(self, file, protocol):
        super().__init__(file, protocol)
        self.storages = []
        self._by_root = {}

    def persistent_id(self, obj):
        if type(obj) is _SavedStorage:
            return ("storage", obj.stype, obj.key, obj.location, obj.numel)
        return None

    def reducer_override(self, obj):
        t = type(obj)
        if t in _FAST:
            return NotImplemented
        if id(obj) in _SAVE_NAMES:
            return "_"
        if isinstance(obj, Tensor):
            cls = _parameter_class()
            state = _user_state(obj)
            if cls is not None and isinstance(obj, cls):
                args = (_AsPlainTensor(obj), obj.requires_grad, collections.OrderedDict())
                if state:
                    return (_rebuild_parameter_with_state, args + (state,))
                return (_rebuild_parameter, args)
            rv = self._tensor(obj, obj.requires_grad)
            if state:
                return (_rebuild_from_type_v2, (rv[0], Tensor, rv[1], state))
            return rv
        if t is _AsPlainTensor:
            return self._tensor(obj.t, False)
        if t is Size:
            return (Size, (tuple(obj),))
        if t is _device:
            return (_device, (str(obj),))
        return NotImplemented

    def save_global(self, obj, name=None):
        g = _SAVE_NAMES.get(id(obj))
        if g is None:
            return super().save_global(obj, name)
        module, name = g
        if self.proto >= 4:
            self.save(module)
            self.save(name)
            self.write(pickle.STACK_GLOBAL)
        else:
            self.write(pickle.GLOBAL + f"{module}\n{name}\n".encode("ascii"))
        self.memoize(obj)

    def _tensor(self, t, requires_grad):
        dt = t.dtype
        storage, offset, stride = self._storage(t)
        args = (storage, offset, tuple(t.shape), tuple(stride), requires_grad,
                collections.OrderedDict())
        if _LAYOUT[dt][0] is None:
            return (_rebuild_tensor_v3, args + (dt,))
        return (_rebuild_tensor_v2, args)

    def _new_storage(self, dt, flat, location):
        stype = _TYPED.get(_LAYOUT[dt][0]) or _UNTYPED
        numel = flat.size if stype is not _UNTYPED else flat.nbytes
        s = _SavedStorage(str(len(self.storages)), stype, numel, location, flat)
        self.storages.append(s)
        return s

    def _storage(self, t):
        """(storage, offset, strides) of t: views of one base share the base's storage."""
        root = t if t._base is None else t._base
        location = str(t.device)
        if root.dtype is not t.dtype:  # a dtype-reinterpreting view: its own storage
            return self._new_storage(t.dtype, _bytes_of(t._value(), t.dtype), location), 0, \
                _contiguous(t.shape)
        entry = self._by_root.get(id(root))
        if entry is None:
            entry = (self._root_storage(root, location), root)
            self._by_root[id(root)] = entry
        storage = entry[0]
        offset, stride = t._offset(), t._strides()
        size = tuple(t.shape)
        if math.prod(size):
            last = offset + sum((n - 1) * s for n, s in zip(size, stride))
            if offset < 0 or any(s < 0 for s in stride) or last >= storage.data.size:
                return self._new_storage(t.dtype, _bytes_of(t._value(), t.dtype), location), \
                    0, _contiguous(size)
        return storage, offset, stride

    def _root_storage(self, root, location):
        dt = root.dtype
        flat = _bytes_of(root._value(), dt)
        g = root._geo
        if g is not None and flat.size and not _is_plain(root.shape, g):
            strides, off = g
            n = off + sum((k - 1) * s for k, s in zip(root.shape, strides)) + 1
            buf = np.zeros(n, flat.dtype)
            target = np.lib.stride_tricks.as_strided(buf[off:], tuple(root.shape),
                                                     tuple(s * buf.itemsize for s in strides))
            target[...] = flat.reshape(tuple(root.shape))
            flat = buf
        return self._new_storage(dt, flat, location)


def _contiguous(shape):
    out, acc = [], 1
    for n in reversed(tuple(shape)):
        out.append(acc)
        acc *= max(n, 1)
    return tuple(reversed(out))


def _is_plain(shape, geo):
    strides, off = geo
    return off == 0 and all(n <= 1 or s == c for n, s, c in zip(shape, strides,
                                                                 _contiguous(shape)))


class _Counting:
    """A write-only stream that counts bytes (zipfile then writes data descriptors, as torch
    does, and the count gives each record's offset for alignment)."""

    def __init__(self, f):
        self.f, self.n = f, 0

    def write(self, b):
        self.f.write(b)
        k = len(b)
        self.n += k
        return k

    def flush(self):
        fl = getattr(self.f, "flush", None)
        if fl is not None:
            fl()


def _write_record(zf, out, name, data):
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_STORED
    size = len(data) if not isinstance(data, np.ndarray) else data.nbytes
    zip64 = size * 1.05 > zipfile.ZIP64_LIMIT
    header = 30 + len(name.encode("utf-8")) + 4 + (20 if zip64 else 0)
    pad = (-(out.n + header)) % _ALIGN
    info.extra = b"FB" + struct.pack("<H", pad) + b"Z" * pad
    if isinstance(data, np.ndarray):
        data = memoryview(data.view(np.uint8)) if data.size else b""
    with zf.open(info, "w", force_zip64=zip64) as dest:
        dest.write(data)


def save(obj, f, pickle_module=pickle, pickle_protocol=2, _use_new_zipfile_serialization=True,
         _disable_byteorder_record=False):
    """torch.save in torch's zip format (readable by torch.load). `pickle_module` is ignored:
    data.pkl is always written by pickle's own pickler."""
    if not _use_new_zipfile_serialization:
        raise RuntimeError("torch.save: unify's torch frontend writes only the zip format "
                           "(_use_new_zipfile_serialization=True)")
    if isinstance(f, (str, os.PathLike)):
        path = os.fspath(f)
        parent = os.path.dirname(os.path.abspath(path))
        if not os.path.isdir(parent):
            raise RuntimeError(f"Parent directory {os.path.dirname(path) or parent} does not "
                               "exist.")
        archive = os.path.splitext(os.path.basename(path))[0] or "archive"
    else:
        archive = "archive"
    buf = io.BytesIO()
    p = _Pickler(buf, pickle_protocol)
    p.dump(obj)
    with _opened(f, "wb") as fh:
        out = _Counting(fh)
        with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as zf:
            _write_record(zf, out, f"{archive}/data.pkl", buf.getvalue())
            _write_record(zf, out, f"{archive}/.format_version", b"1")
            _write_record(zf, out, f"{archive}/.storage_alignment", str(_ALIGN).encode())
            if not _disable_byteorder_record:
                _write_record(zf, out, f"{archive}/byteorder", b"little")
            for s in p.storages:
                _write_record(zf, out, f"{archive}/data/{s.key}", s.data)
            _write_record(zf, out, f"{archive}/version", b"3\n")
            _write_record(zf, out, f"{archive}/.data/serialization_id",
                          str(builtins.int.from_bytes(os.urandom(16), "little")).zfill(40)
                          .encode()[:40])


save._torch_public = True
load._torch_public = True

__all__ = ["save", "load"]
