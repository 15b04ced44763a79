"""torch.save / torch.load against real torch: checkpoints written by torch load into the
frontend, checkpoints written by the frontend load in torch (weights_only=True), and
malicious checkpoints are refused without running their payload, on every backend."""
from __future__ import annotations

import collections
import fractions
import io
import os
import pickle
import struct
import types
import zipfile

import numpy as np
import pytest
import torch as real

import unify
import unify.frontends.torch as ft
from tfhelp import check, ours

pytestmark = pytest.mark.filterwarnings("ignore:Detected pickle protocol")

DT = ["float32", "float64", "int64", "int32", "int16", "int8", "uint8", "bool", "bfloat16",
      "float16", "complex64", "complex128"]


def _real_values(name, shape=(2, 3)):
    n = int(np.prod(shape))
    base = real.arange(n, dtype=real.float64).reshape(shape) - 2.5
    if name == "bool":
        return base > 0
    if name.startswith("complex"):
        return (base + 1j * base.flip(-1)).to(getattr(real, name))
    if name in ("uint8",):
        return (base + 3).clamp(min=0).to(real.uint8)
    return base.to(getattr(real, name))


def same(mine, theirs):
    """Frontend object loaded/built vs the real torch one: structure, types and values."""
    if isinstance(theirs, real.nn.Parameter):
        assert isinstance(mine, ft.Tensor) and mine.requires_grad == theirs.requires_grad
        check(mine.detach(), theirs.detach())
    elif isinstance(theirs, real.Tensor):
        assert isinstance(mine, ft.Tensor), type(mine)
        assert mine.requires_grad == theirs.requires_grad
        check(mine, theirs)
    elif isinstance(theirs, real.Size):
        assert isinstance(mine, ft.Size) and tuple(mine) == tuple(theirs)
    elif isinstance(theirs, real.dtype):
        assert isinstance(mine, ft.dtype) and str(mine) == str(theirs)
    elif isinstance(theirs, real.device):
        assert isinstance(mine, ft.device) and str(mine) == str(theirs)
    elif isinstance(theirs, dict):
        assert type(mine) is type(theirs) and list(mine) == list(theirs)
        for k in theirs:
            same(mine[k], theirs[k])
    elif isinstance(theirs, (list, tuple)):
        assert type(mine) is type(theirs) and len(mine) == len(theirs)
        for a, b in zip(mine, theirs):
            same(a, b)
    else:
        assert type(mine) is type(theirs) and mine == theirs, (mine, theirs)


def _real_state():
    x = real.arange(24, dtype=real.float32).reshape(2, 3, 4)
    sd = collections.OrderedDict()
    for name in DT:
        sd[name] = _real_values(name)
    sd["uint16"] = real.arange(5).to(real.uint16)
    sd["scalar"] = real.tensor(3.5, dtype=real.float64)
    sd["empty"] = real.empty(0, 3)
    sd["x"] = x
    sd["xt"] = x.transpose(0, 2)
    sd["row"] = x[1]
    sd["cols"] = x[:, ::2, 1:3]
    sd["expand"] = x[0, 0].expand(3, 4)
    sd["diag"] = x[0].diagonal()
    sd["param"] = real.nn.Parameter(real.ones(3))
    sd["nested"] = {"list": [1, 2.5, "s", None, True, (3, x[1, 1])], "size": real.Size([2, 3]),
                    "dtype": real.float16, "device": real.device("cpu"), "bytes": b"ab\x00",
                    "set": {1, 2}, "complex": 1 - 2j, "od": collections.OrderedDict(a=1)}
    return sd


@pytest.mark.parametrize("protocol", [2, 4])
def test_torch_checkpoint_loads(backend, protocol, tmp_path):
    sd = _real_state()
    path = tmp_path / "model.pt"
    real.save(sd, path, pickle_protocol=protocol)
    buf = io.BytesIO()
    real.save(sd, buf, pickle_protocol=protocol)
    with unify.using_backend(backend):
        for src in (path, str(path), io.BytesIO(buf.getvalue())):
            same(ft.load(src), sd)
        same(ft.load(path, weights_only=False), sd)


def _ours_state():
    x = ft.arange(24, dtype=ft.float32).reshape(2, 3, 4)
    sd = collections.OrderedDict()
    for name in DT:
        sd[name] = ours(_real_values(name))
    sd["uint16"] = ft.arange(5).to(ft.uint16)
    sd["scalar"] = ft.tensor(3.5, dtype=ft.float64)
    sd["empty"] = ft.empty(0, 3)
    sd["x"] = x
    sd["xt"] = x.transpose(0, 2)
    sd["row"] = x[1]
    sd["cols"] = x[:, ::2, 1:3]
    sd["expand"] = x[0, 0].expand(3, 4)
    sd["diag"] = x[0].diagonal()
    sd["grad"] = ft.ones(3, requires_grad=True)
    sd["nested"] = {"list": [1, 2.5, "s", None, True, (3, x[1, 1])], "size": ft.Size([2, 3]),
                    "dtype": ft.float16, "device": ft.device("cpu"), "bytes": b"ab\x00",
                    "set": {1, 2}, "complex": 1 - 2j, "od": collections.OrderedDict(a=1)}
    return sd


def _to_real(obj):
    if isinstance(obj, ft.Tensor):
        return obj
    if isinstance(obj, dict):
        return type(obj)((k, _to_real(v)) for k, v in obj.items())
    if isinstance(obj, (list, tuple)) and not isinstance(obj, ft.Size):
        return type(obj)(_to_real(v) for v in obj)
    return obj


def _same_in_torch(loaded, mine):
    """A checkpoint written by the frontend, loaded by real torch, vs the frontend objects."""
    if isinstance(mine, ft.Tensor):
        assert isinstance(loaded, real.Tensor) and loaded.requires_grad == mine.requires_grad
        check(mine.detach(), loaded.detach())
        assert loaded.stride() == mine.stride()
        assert loaded.storage_offset() == mine.storage_offset()
    elif isinstance(mine, ft.Size):
        assert isinstance(loaded, real.Size) and tuple(loaded) == tuple(mine)
    elif isinstance(mine, ft.dtype):
        assert loaded is getattr(real, str(mine).split(".")[1])
    elif isinstance(mine, ft.device):
        assert isinstance(loaded, real.device) and str(loaded) == str(mine)
    elif isinstance(mine, dict):
        assert type(loaded) is type(mine) and list(loaded) == list(mine)
        for k in mine:
            _same_in_torch(loaded[k], mine[k])
    elif isinstance(mine, (list, tuple)):
        assert type(loaded) is type(mine) and len(loaded) == len(mine)
        for a, b in zip(loaded, mine):
            _same_in_torch(a, b)
    else:
        assert type(loaded) is type(mine) and loaded == mine


@pytest.mark.parametrize("protocol", [2, 3, 5])
def test_frontend_checkpoint_loads_in_torch(backend, protocol, tmp_path):
    with unify.using_backend(backend):
        sd = _ours_state()
        path = tmp_path / "net.pth"
        ft.save(sd, path, pickle_protocol=protocol)
        buf = io.BytesIO()
        ft.save(sd, buf, pickle_protocol=protocol)
        for src in (path, io.BytesIO(buf.getvalue())):
            # torch's weights-only reader takes protocol 2 only (it stops at protocol 3's
            # bytes and protocol 4's frames, in its own checkpoints too)
            loaded = real.load(src, weights_only=protocol == 2)
            _same_in_torch(loaded, sd)
            # views of one base share one storage, as when torch saves them
            ptr = loaded["x"].untyped_storage().data_ptr()
            for k in ("xt", "row", "cols", "expand", "diag"):
                assert loaded[k].untyped_storage().data_ptr() == ptr, k
            assert loaded["nested"]["list"][5][1].untyped_storage().data_ptr() == ptr
        # the frontend reads its own checkpoints back
        back = ft.load(path)
        for k in DT + ["uint16", "scalar", "empty", "x", "xt", "row", "cols", "expand", "diag"]:
            assert back[k].dtype is sd[k].dtype and back[k].shape == sd[k].shape
            assert np.array_equal(np.asarray(back[k].float() if k == "bfloat16" else back[k]),
                                  np.asarray(sd[k].float() if k == "bfloat16" else sd[k]))
        assert back["grad"].requires_grad
        # torch's memory-mapped loading needs the storages 64-byte aligned
        mm = real.load(path, mmap=True, weights_only=protocol == 2)
        check(sd["x"], mm["x"])


def test_archive_layout_matches_torch(backend, tmp_path):
    with unify.using_backend(backend):
        ft.save({"a": ft.ones(3), "b": ft.zeros(2, dtype=ft.int64)}, tmp_path / "ours.pt")
    real.save({"a": real.ones(3), "b": real.zeros(2, dtype=real.int64)}, tmp_path / "ref.pt")
    zo, zr = zipfile.ZipFile(tmp_path / "ours.pt"), zipfile.ZipFile(tmp_path / "ref.pt")
    names = [n.replace("ours/", "") for n in zo.namelist()]
    assert names == [n.replace("ref/", "") for n in zr.namelist()]
    for n in ("version", "byteorder", ".format_version", ".storage_alignment"):
        assert zo.read("ours/" + n) == zr.read("ref/" + n)
    assert zo.read("ours/data/0") == zr.read("ref/data/0")
    raw = (tmp_path / "ours.pt").read_bytes()
    for info in zo.infolist():
        assert info.compress_type == zipfile.ZIP_STORED
        off = info.header_offset
        nlen, elen = struct.unpack("<HH", raw[off + 26:off + 30])
        if "/data/" in info.filename:
            assert (off + 30 + nlen + elen) % 64 == 0
    buf = io.BytesIO()
    with unify.using_backend(backend):
        ft.save([ft.ones(1)], buf)
    assert zipfile.ZipFile(buf).namelist()[0] == "archive/data.pkl"


class _System:
    def __init__(self, path):
        self.path = path

    def __reduce__(self):
        return (os.system, (f"touch {self.path}",))


class _Eval:
    def __init__(self, path):
        self.path = path

    def __reduce__(self):
        return (eval, (f"open({str(self.path)!r}, 'w').close()",))


class _Exec:
    def __init__(self, path):
        self.path = path

    def __reduce__(self):
        return (exec, (f"open({str(self.path)!r}, 'w').close()",))


@pytest.mark.parametrize("payload", [_System, _Eval, _Exec])
def test_malicious_checkpoint_refused(backend, payload, tmp_path):
    marker = tmp_path / "pwned"
    evil = {"weights": real.ones(2), "x": payload(marker)}
    real.save(evil, tmp_path / "evil.pt")
    with pytest.raises(pickle.UnpicklingError):  # the oracle refuses it too
        real.load(tmp_path / "evil.pt")
    with unify.using_backend(backend):
        with pytest.raises(pickle.UnpicklingError, match="weights_only"):
            ft.load(tmp_path / "evil.pt")
        with pytest.raises(pickle.UnpicklingError):
            ft.load(tmp_path / "evil.pt", weights_only=True, map_location="cpu")
        # the frontend's own writer pickles it too; its reader still refuses it
        ft.save({"w": ft.ones(2), "x": payload(marker)}, tmp_path / "evil2.pt")
        with pytest.raises(pickle.UnpicklingError):
            ft.load(tmp_path / "evil2.pt")
    assert not marker.exists()


def _rewrite(path, out, replace):
    """A copy of the zip `path` with records replaced ({name: bytes})."""
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, replace.get(info.filename, zin.read(info.filename)))


def test_handcrafted_pickle_refused(backend, tmp_path):
    """GLOBAL opcodes for builtins.getattr / os.system in a hand-written pickle."""
    marker = tmp_path / "pwned2"
    real.save({"a": real.ones(1)}, tmp_path / "ok.pt")
    payloads = [
        b"\x80\x02cos\nsystem\nX" + struct.pack("<I", len(f"touch {marker}")) +
        f"touch {marker}".encode() + b"\x85R.",
        b"\x80\x02cbuiltins\ngetattr\ncbuiltins\nobject\nX\x08\x00\x00\x00__name__\x86R.",
        b"\x80\x04\x8c\x02os\x8c\x06system\x93X" + struct.pack("<I", len(f"touch {marker}")) +
        f"touch {marker}".encode() + b"\x85R.",
    ]
    for i, p in enumerate(payloads):
        bad = tmp_path / f"bad{i}.pt"
        _rewrite(tmp_path / "ok.pt", bad, {"ok/data.pkl": p})
        with pytest.raises(pickle.UnpicklingError):
            real.load(bad)
        with unify.using_backend(backend):
            with pytest.raises(pickle.UnpicklingError):
                ft.load(bad)
    assert not marker.exists()


def test_bad_storage_geometry(backend, tmp_path):
    """A storage shorter than its tensors need is an error, never an out-of-bounds read."""
    t = real.zeros(8).as_strided((3,), (2,), 2)
    real.save(t, tmp_path / "t.pt")
    _rewrite(tmp_path / "t.pt", tmp_path / "short.pt", {"t/data/0": b"\x00" * 16})
    with pytest.raises(RuntimeError):
        real.load(tmp_path / "short.pt")
    with unify.using_backend(backend):
        check(ft.load(tmp_path / "t.pt"), t)
        with pytest.raises(RuntimeError):
            ft.load(tmp_path / "short.pt")


def test_weights_only_false_and_other_globals(backend, tmp_path):
    obj = {"f": fractions.Fraction(1, 3), "t": real.arange(3)}
    real.save(obj, tmp_path / "frac.pt")
    with pytest.raises(pickle.UnpicklingError):
        real.load(tmp_path / "frac.pt")
    with unify.using_backend(backend):
        with pytest.raises(pickle.UnpicklingError, match="fractions.Fraction"):
            ft.load(tmp_path / "frac.pt")
        out = ft.load(tmp_path / "frac.pt", weights_only=False)
        assert out["f"] == fractions.Fraction(1, 3)
        check(out["t"], obj["t"])
        from unify.frontends.torch import _serialization as S  # torch.serialization's API
        with S.safe_globals([fractions.Fraction]):
            assert ft.load(tmp_path / "frac.pt")["f"] == fractions.Fraction(1, 3)
        with pytest.raises(pickle.UnpicklingError):
            ft.load(tmp_path / "frac.pt")
        with pytest.raises(RuntimeError):  # as torch: no safe load with a pickle module
            ft.load(tmp_path / "frac.pt", pickle_module=pickle)
        for module in (pickle, types.SimpleNamespace(Unpickler=pickle._Unpickler)):
            out = ft.load(tmp_path / "frac.pt", weights_only=False, pickle_module=module)
            assert out["f"] == fractions.Fraction(1, 3)
            check(out["t"], obj["t"])


def test_map_location(backend, tmp_path):
    sd = {"w": real.arange(6.0).reshape(2, 3)}
    real.save(sd, tmp_path / "m.pt")
    # the same checkpoint claiming its storage lives on cuda:0
    with zipfile.ZipFile(tmp_path / "m.pt") as z:
        pkl = z.read("m/data.pkl")
    cuda_pkl = pkl.replace(b"X\x03\x00\x00\x00cpu", b"X\x06\x00\x00\x00cuda:0")
    assert cuda_pkl != pkl
    _rewrite(tmp_path / "m.pt", tmp_path / "c.pt", {"m/data.pkl": cuda_pkl})
    maps = ["cpu", real.device("cpu"), {"cuda:0": "cpu"}, lambda storage, loc: storage]
    fmaps = ["cpu", ft.device("cpu"), {"cuda:0": "cpu"}, lambda storage, loc: storage]
    with unify.using_backend(backend):
        for rm, fm in zip(maps, fmaps):
            for f in ("m.pt", "c.pt"):
                want = real.load(tmp_path / f, map_location=rm)
                got = ft.load(tmp_path / f, map_location=fm, mmap=False)
                same(got, want)
                assert str(got["w"].device) == str(want["w"].device) == "cpu"
        try:
            want = real.load(tmp_path / "c.pt")
        except RuntimeError:
            if not ft.cuda.is_available():
                with pytest.raises(RuntimeError, match="CUDA"):
                    ft.load(tmp_path / "c.pt")
        else:
            assert ft.load(tmp_path / "c.pt")["w"].device.type == want["w"].device.type


def test_file_errors_like_torch(backend, tmp_path):
    (tmp_path / "junk.pt").write_bytes(b"not a checkpoint at all")
    (tmp_path / "plain.pkl").write_bytes(pickle.dumps({"a": 1}))
    with zipfile.ZipFile(tmp_path / "nodata.pt", "w") as z:
        z.writestr("x/other.txt", b"hi")
    real.save({"a": real.ones(4)}, tmp_path / "cut.pt")
    (tmp_path / "cut.pt").write_bytes((tmp_path / "cut.pt").read_bytes()[:300])
    cases = [
        (lambda m, f: m.load(f(tmp_path / "junk.pt"))),
        (lambda m, f: m.load(f(tmp_path / "junk.pt"), weights_only=False)),
        (lambda m, f: m.load(f(tmp_path / "plain.pkl"))),
        (lambda m, f: m.load(f(tmp_path / "plain.pkl"), weights_only=False)),
        (lambda m, f: m.load(f(tmp_path / "nodata.pt"))),
        (lambda m, f: m.load(f(tmp_path / "cut.pt"))),
        (lambda m, f: m.load(f(tmp_path / "missing.pt"))),
        (lambda m, f: m.save({}, f(tmp_path / "no" / "dir" / "a.pt"))),
    ]
    with unify.using_backend(backend):
        for case in cases:
            for conv in (str, os.fspath):
                with pytest.raises(Exception) as theirs:
                    case(real, conv)
                with pytest.raises(type(theirs.value)):
                    case(ft, conv)


def test_save_load_after_inplace_and_views(backend, tmp_path):
    """Writes made through views before saving are in the checkpoint."""
    with unify.using_backend(backend):
        x = ft.zeros(3, 4)
        x[1].add_(2.0)
        x.t()[0].fill_(5.0)
        ft.save({"x": x, "col": x[:, 2]}, tmp_path / "v.pt")
        rx = real.zeros(3, 4)
        rx[1].add_(2.0)
        rx.t()[0].fill_(5.0)
        loaded = real.load(tmp_path / "v.pt")
        check(x, rx)
        assert real.equal(loaded["x"], rx) and real.equal(loaded["col"], rx[:, 2])
        same(ft.load(tmp_path / "v.pt"), {"x": rx, "col": rx[:, 2]})


def test_tensor_attributes(backend, tmp_path):
    """Attributes set on tensors travel with them, both ways."""
    t = real.ones(2)
    t.note = "bar"
    p = real.nn.Parameter(real.zeros(2))
    p.tag = 3
    real.save({"t": t, "p": p}, tmp_path / "a.pt")
    with unify.using_backend(backend):
        out = ft.load(tmp_path / "a.pt")
        assert out["t"].note == "bar" and out["p"].tag == 3 and out["p"].requires_grad
        check(out["t"], t)
        x = ft.arange(3.0)
        x.note = {"k": 1}
        ft.save({"x": x, "y": x[1:]}, tmp_path / "b.pt")
        back = real.load(tmp_path / "b.pt")
        assert back["x"].note == {"k": 1} and not hasattr(back["y"], "note")
        check(x, back["x"])
        assert ft.load(tmp_path / "b.pt")["x"].note == {"k": 1}
