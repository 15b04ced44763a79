"""numpy frontend file I/O against real NumPy on every backend: save/load/savez/
savez_compressed (files written by either are read by the other, .npy bytes identical),
savetxt (identical text), loadtxt, genfromtxt, fromstring and fromfile (same values, dtypes,
shapes and exception types)."""
import io
import pickle
import warnings

import numpy
import pytest

import unify
import unify.frontends.numpy as fnp
from nphelp import DTYPES, check, ours, raises_like


def _samples():
    rng = numpy.random.default_rng(1)
    out = []
    for dt in DTYPES:
        for shape in ((), (0,), (3,), (2, 3), (2, 0, 3)):
            x = numpy.asarray(rng.standard_normal(shape) * 50)
            if numpy.dtype(dt).kind == "c":
                x = numpy.asarray(x + 1j * rng.standard_normal(shape))
            out.append(x.astype(dt))
    out.append(numpy.arange(6.0).reshape(2, 3).T)  # Fortran-ordered
    out.append(numpy.arange(24, dtype="int16").reshape(2, 3, 4).transpose(2, 1, 0))
    return out


def _ours_like(h):
    """Our array with h's values and, for a transposed (Fortran-ordered) h, the same layout."""
    if h.ndim > 1 and h.flags.f_contiguous and not h.flags.c_contiguous:
        return ours(numpy.ascontiguousarray(h.T)).T
    return ours(h)


def _npy(save, x):
    f = io.BytesIO()
    save(f, x)
    return f.getvalue()


def test_npy_both_ways(backend):
    with unify.using_backend(backend):
        for h in _samples():
            mine = _npy(fnp.save, _ours_like(h))
            assert mine == _npy(numpy.save, h), (h.dtype, h.shape)
            back = numpy.load(io.BytesIO(mine))
            assert back.dtype == h.dtype and back.shape == h.shape
            assert numpy.array_equal(back, h, equal_nan=True)
            check(fnp.load(io.BytesIO(_npy(numpy.save, h))), h)


def test_npy_paths_and_big_endian(backend, tmp_path):
    with unify.using_backend(backend):
        fnp.save(tmp_path / "a", fnp.arange(5))  # ".npy" is appended
        assert numpy.array_equal(numpy.load(tmp_path / "a.npy"), numpy.arange(5))
        fnp.save(str(tmp_path / "b.npy"), [[1.5, 2.0]])
        check(fnp.load(str(tmp_path / "b.npy")), numpy.array([[1.5, 2.0]]))
        numpy.save(tmp_path / "c.npy", numpy.arange(6, dtype=">i4").reshape(2, 3))
        check(fnp.load(tmp_path / "c.npy"), numpy.load(tmp_path / "c.npy").astype("int32"))
        a = fnp.load(tmp_path / "c.npy")
        a[0, 0] = 7  # a loaded array is writeable
        r = fnp.load(tmp_path / "c.npy", mmap_mode="r")
        check(r, numpy.load(tmp_path / "c.npy", mmap_mode="r").astype("int32"))
        assert not r.flags.writeable
        f = io.BytesIO()  # several arrays one after another in one file
        fnp.save(f, fnp.ones(2))
        fnp.save(f, fnp.zeros(3, dtype="int8"))
        f.seek(0)
        check(fnp.load(f), numpy.ones(2))
        check(fnp.load(f), numpy.zeros(3, dtype="int8"))


def test_load_refusals(backend, tmp_path):
    obj = io.BytesIO()
    numpy.save(obj, numpy.array([1, "a", None], dtype=object))
    pick = pickle.dumps({"a": 1})
    big = io.BytesIO()
    numpy.save(big, numpy.zeros((1,) * 20))
    truncated = _npy(numpy.save, numpy.arange(10.0))[:-8]
    with unify.using_backend(backend):
        for data, kw in ((obj.getvalue(), {}), (pick, {}), (b"", {}), (truncated, {}),
                         (b"\x93NUMPY\x09\x00" + bytes(120), {}), (pick, {"encoding": "utf8"}),
                         (big.getvalue(), {"max_header_size": 10})):
            raises_like(lambda: numpy.load(io.BytesIO(data), **kw),
                        lambda: fnp.load(io.BytesIO(data), **kw))
        assert fnp.load(io.BytesIO(pick), allow_pickle=True) == {"a": 1}
        with pytest.raises(TypeError):  # object arrays exist in NumPy only
            fnp.load(io.BytesIO(obj.getvalue()), allow_pickle=True)
        for bad in (numpy.array(["ab"]), numpy.array([1], dtype="datetime64[s]")):
            with pytest.raises(TypeError):
                fnp.load(io.BytesIO(_npy(numpy.save, bad)))
        with pytest.raises(ValueError):  # writes would not reach the file
            fnp.load(io.BytesIO(_npy(numpy.save, numpy.arange(3))), mmap_mode="r+")
        missing = str(tmp_path / "nope.npy")
        raises_like(lambda: numpy.load(missing), lambda: fnp.load(missing))


def test_npz_both_ways(backend, tmp_path):
    arrays = [numpy.arange(4.0), numpy.array([[1, 2], [3, 4]], dtype="uint8")]
    named = {"x": numpy.array(True), "y": numpy.zeros((0, 2), dtype="complex64")}
    with unify.using_backend(backend):
        for compress in (False, True):
            save_r = numpy.savez_compressed if compress else numpy.savez
            save_o = fnp.savez_compressed if compress else fnp.savez
            save_o(tmp_path / "o", *[ours(a) for a in arrays], **{k: ours(v) for k, v in named.items()})
            save_r(tmp_path / "r.npz", *arrays, **named)
            with numpy.load(tmp_path / "o.npz") as zr, fnp.load(tmp_path / "r.npz") as zo:
                assert zo.files == zr.files and list(zo) == list(zr) and len(zo) == len(zr)
                with numpy.load(tmp_path / "r.npz") as zr2:
                    assert zr.files == zr2.files
                    for k in zr2.files:
                        assert numpy.array_equal(zr[k], zr2[k]) and zr[k].dtype == zr2[k].dtype
                        check(zo[k], zr2[k])
                        check(zo[k + ".npy"], zr2[k + ".npy"])
                check(zo.f.x, zr.f.x)
                assert ("x" in zo) == ("x" in zr) and ("q" in zo) == ("q" in zr)
                check(dict(zo.items())["arr_1"], dict(zr.items())["arr_1"])
                raises_like(lambda: zr["q"], lambda: zo["q"])
                assert repr(zo).startswith("NpzFile") and "keys: x, y, arr_0" in repr(zo)
        f = io.BytesIO()
        fnp.savez(f, fnp.ones(2), b=fnp.arange(3))
        f.seek(0)
        with numpy.load(f) as z:
            assert z.files == ["b", "arr_0"]
        raises_like(lambda: numpy.savez(io.BytesIO(), numpy.ones(1), arr_0=numpy.ones(1)),
                    lambda: fnp.savez(io.BytesIO(), fnp.ones(1), arr_0=fnp.ones(1)))


# ------------------------------------------------------------------ text

SAVETXT = [
    (numpy.arange(6.0).reshape(2, 3) / 3, {}),
    (numpy.arange(4.0), {}),
    (numpy.arange(6).reshape(3, 2), {"fmt": "%d"}),
    (numpy.arange(6).reshape(3, 2), {"fmt": ["%d", "%.2f"], "delimiter": ","}),
    (numpy.arange(6).reshape(3, 2), {"fmt": "%d | %5.1f"}),
    (numpy.array([[0.1, 0.25]], dtype="float32"), {"fmt": "%s"}),
    (numpy.array([True, False]), {"fmt": "%d"}),
    (numpy.arange(4.0).reshape(2, 2), {"header": "a b\nc", "footer": "end", "comments": "// "}),
    (numpy.arange(4.0).reshape(2, 2), {"newline": ";", "delimiter": "\t", "fmt": "%.3e"}),
    (numpy.array([[1 + 2j, -3 - 0.5j]]), {}),
    (numpy.array([[1 + 2j, -3 - 0.5j]]), {"fmt": "%.2f"}),
    (numpy.array([[1 + 2j, -3 - 0.5j]]), {"fmt": "%.1f %.1f, %.1f %.1f"}),
    (numpy.array([1 + 2j, 3j]), {"fmt": ["(%.1f,%.1f)"]}),
    (numpy.zeros((2, 2, 2)), {}),
    (numpy.array(1.0), {}),
    (numpy.zeros((2, 3)), {"fmt": ["%d", "%d"]}),
    (numpy.zeros((2, 3)), {"fmt": "%d %d"}),
    (numpy.zeros((2, 3)), {"fmt": 5}),
    (numpy.zeros((2, 3)), {"fmt": "%d %d %s %d"}),
    (numpy.zeros((0, 3)), {}),
]


def _txt(fn, x, kw, binary=False):
    f = io.BytesIO() if binary else io.StringIO()
    fn(f, x, **kw)
    return f.getvalue()


def test_savetxt(backend, tmp_path):
    with unify.using_backend(backend):
        for h, kw in SAVETXT:
            raises_like(lambda: _txt(numpy.savetxt, h, kw), lambda: _txt(fnp.savetxt, ours(h), kw))
        h = numpy.arange(6.0).reshape(3, 2)
        assert _txt(fnp.savetxt, ours(h), {}, binary=True) == _txt(numpy.savetxt, h, {}, binary=True)
        fnp.savetxt(tmp_path / "o.txt", ours(h), fmt="%.4f")
        numpy.savetxt(tmp_path / "r.txt", h, fmt="%.4f")
        assert (tmp_path / "o.txt").read_text() == (tmp_path / "r.txt").read_text()
        fnp.savetxt(tmp_path / "o.txt.gz", ours(h))
        check(fnp.loadtxt(tmp_path / "o.txt.gz"), numpy.loadtxt(tmp_path / "o.txt.gz"))
        assert numpy.array_equal(numpy.loadtxt(tmp_path / "o.txt.gz"), h)


LOADTXT = [
    (["1 2 3"], {}), (["1", "2"], {}), (["5"], {}), (["5"], {"ndmin": 2}), (["5"], {"ndmin": 1}),
    (["1 2", "3 4"], {"ndmin": 1}), (["1 2 3"], {"ndmin": 2}), (["1", "2"], {"ndmin": 2}),
    (["1 2", "3"], {}), (["1 x"], {}), (["1.5 2"], {"dtype": int}), (["1 2"], {"dtype": int}),
    (["1 2 0"], {"dtype": bool}), (["1+2j (3-1j)"], {"dtype": complex}),
    (["# c", "1, 2 # x", "3,4"], {"delimiter": ","}),
    (["1,2,3", "4,5,6"], {"delimiter": ",", "usecols": (0, 2), "unpack": True}),
    (["1,2,3", "4,5,6"], {"delimiter": ",", "usecols": -1}),
    (["h", "1,2,3", "# skipped", "4,5,6", "7,8,9"], {"delimiter": ",", "skiprows": 1, "max_rows": 2}),
    (["1,,3"], {"delimiter": ","}), (["nan inf -inf 1e3 -2.5E-2"], {}), (["0x10"], {}),
    (["  1   2  ", "", " 3 4"], {}), (["1, 2", "   ", "3,4"], {"delimiter": ","}),
    (["1;2"], {"delimiter": ";", "converters": {0: lambda s: float(s) * 10}}),
    (["1;2"], {"delimiter": ";", "converters": lambda s: float(s) * 10}),
    (['"1";"2;5"'], {"delimiter": ";", "quotechar": '"'}),
    (["1 2"], {"dtype": "float32"}), (["1 2"], {"dtype": "u1"}), (["300"], {"dtype": "u1"}),
    (["-1"], {"dtype": "u1"}), (["1.0"], {"dtype": int}), (["True"], {"dtype": bool}),
    (["1 2 3"], {"usecols": 5}), (["1 2 3"], {"ndmin": 3}), (["% c", "1 % 2"], {"comments": "%"}),
    (["! c", "1 2 @ 3"], {"comments": ["!", "@"]}), (["1 2 3", "4 5 6"], {"unpack": True}),
    (["1 2 3", "4 5 6"], {"max_rows": 1}), (["1 2"], {"dtype": "int8"}),
    (["-9223372036854775808 18446744073709551615"], {"dtype": "uint64"}),
]


def _quiet(fn):
    def call():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return fn()
    return call


def test_loadtxt(backend, tmp_path):
    with unify.using_backend(backend):
        for lines, kw in LOADTXT:
            raises_like(_quiet(lambda: numpy.loadtxt(list(lines), **kw)),
                        _quiet(lambda: fnp.loadtxt(list(lines), **kw)))
        for empty in ([], ["# only a comment"]):
            with pytest.warns(UserWarning):
                r = numpy.loadtxt(empty)
            with pytest.warns(UserWarning):
                check(fnp.loadtxt(empty), r)
        (tmp_path / "t.txt").write_text("# x y\n1.5 2\n3 4.25\n")
        check(fnp.loadtxt(tmp_path / "t.txt"), numpy.loadtxt(tmp_path / "t.txt"))
        check(fnp.loadtxt(str(tmp_path / "t.txt"), usecols=1), numpy.loadtxt(str(tmp_path / "t.txt"), usecols=1))
        with open(tmp_path / "t.txt", "rb") as f:
            check(fnp.loadtxt(f), numpy.loadtxt(tmp_path / "t.txt"))
        check(fnp.loadtxt(io.StringIO("1,2\n3,4\n"), delimiter=","),
              numpy.loadtxt(io.StringIO("1,2\n3,4\n"), delimiter=","))
        x, y = fnp.loadtxt(["1 2", "3 4"], unpack=True)
        rx, ry = numpy.loadtxt(["1 2", "3 4"], unpack=True)
        check((x, y), (rx, ry))


GENFROMTXT = [
    (["1 2 3"], {}), (["1", "2"], {}), (["5"], {}), (["1,,3", "4,5,6"], {"delimiter": ","}),
    (["1,abc,3"], {"delimiter": ","}), (["1,,3"], {"delimiter": ",", "dtype": int}),
    (["1,,3"], {"delimiter": ",", "filling_values": 0}),
    (["1,N/A,3"], {"delimiter": ",", "missing_values": "N/A"}),
    (["1,N/A,3"], {"delimiter": ",", "missing_values": "N/A", "filling_values": -9}),
    (["1 2 3", "4 5"], {}), (["1 2 3", "4 5", "6 7 8"], {"invalid_raise": False}),
    (["h", "1 2 3", "4 5 6", "f"], {"skip_header": 1, "skip_footer": 1}),
    (["1 2 3", "4 5 6"], {"dtype": None}), (["1.5 2.5 3", "4 5.5 6.5e1"], {"dtype": None}),
    (["1 2 3", "4 5 6"], {"dtype": int, "usecols": (0, 2), "unpack": True}),
    (["1 2 3", "4 5 6"], {"max_rows": 1}), (["#c", "1 2 #x"], {}), (["1 2"], {"dtype": bool}),
    (["True false"], {"dtype": bool}), (["True False"], {"dtype": None}),
    (["1.5 2"], {"dtype": int}), (["1+2j 3", "x 1j"], {"dtype": complex}), (["1 2"], {"ndmin": 2}),
    ([" 1 , 2 "], {"delimiter": ","}), ([" 1 , 2 "], {"delimiter": ",", "dtype": int}),
    ([" 1 , 2 "], {"delimiter": ",", "autostrip": True}), (["nan inf -inf"], {}),
    (["1 2"], {"dtype": "float32"}), (["1,,3", "4,5,6"], {"delimiter": ",", "dtype": None}),
    (["1 2", "3 4.5"], {"dtype": None, "usecols": 0}), (["1,2,3"], {"delimiter": ",", "usecols": -1}),
    (["1;2", "#x", "", "3;4"], {"delimiter": ";"}), (["1 2 3", "4 5 6"], {"usecols": (0, 1, 0)}),
    (["1,2,3"], {"delimiter": ",", "filling_values": {1: 9}}),
    (["1,,"], {"delimiter": ",", "filling_values": [7, 8, 9]}), (["  1  2  "], {"delimiter": " "}),
    (["1 2 3", "4 5 6", "7 8 9"], {"skip_footer": 1, "max_rows": 2}), (["123456"], {"delimiter": [2, 3, 1]}),
    (["12 34"], {"delimiter": 3, "dtype": int}), (["1 x 3"], {"loose": False}),
    (["1 2", "3 4"], {"ndmin": 3}), (["1 2", "3 4"], {"usecols": 4}),
]


def test_genfromtxt(backend):
    with unify.using_backend(backend):
        for lines, kw in GENFROMTXT:
            raises_like(_quiet(lambda: numpy.genfromtxt(list(lines), **kw)),
                        _quiet(lambda: fnp.genfromtxt(list(lines), **kw)))
        for empty, kw in (([], {}), (["1 2", "3 4"], {"skip_header": 5})):
            with pytest.warns(UserWarning):
                r = numpy.genfromtxt(empty, **kw)
            with pytest.warns(UserWarning):
                check(fnp.genfromtxt(empty, **kw), r)
        check(fnp.genfromtxt(io.StringIO("1,2\n3,\n"), delimiter=","),
              numpy.genfromtxt(io.StringIO("1,2\n3,\n"), delimiter=","))
        check(fnp.genfromtxt(io.BytesIO(b"1 2\n3 4\n")), numpy.genfromtxt(io.BytesIO(b"1 2\n3 4\n")))
        for unsupported in (dict(names=True), dict(usemask=True), dict(dtype=None)):
            with pytest.raises(TypeError):  # structured / masked results
                fnp.genfromtxt(["a b", "1 2.5"] if "names" in unsupported else ["1 2.5"],
                               **unsupported)


FROMSTRING = [
    ("1 2  3", {"sep": " "}), ("1, 2,3", {"sep": ","}), ("1,2,x,3", {"sep": ","}),
    ("1 2 3", {"dtype": int, "sep": " ", "count": 2}), ("1 2 3", {}),
    ("1 2 3", {"sep": ""}), ("1.5 2", {"dtype": int, "sep": " "}), ("", {"sep": " "}),
    ("1 0 2", {"sep": " ", "dtype": bool}), ("1+2j 3", {"sep": " ", "dtype": complex}),
    ("1\n2\n", {"sep": "\n"}), (" 1 ,2 ,", {"sep": ","}), ("nan -inf 1e-3", {"sep": " "}),
    ("1 2", {"sep": " ", "dtype": "float32"}), ("7;8", {"sep": ";", "dtype": "uint16"}),
    (b"1 2", {"sep": " "}),
]


def test_fromstring(backend):
    with unify.using_backend(backend):
        for text, kw in FROMSTRING:
            raises_like(_quiet(lambda: numpy.fromstring(text, **kw)),
                        _quiet(lambda: fnp.fromstring(text, **kw)))


def test_fromfile(backend, tmp_path):
    p = tmp_path / "data.bin"
    numpy.arange(5, dtype=numpy.int16).tofile(p)
    t = tmp_path / "data.txt"
    t.write_text("1, 2,3\n4")
    t2 = tmp_path / "data2.txt"
    t2.write_text("1 2\n3 4\n")
    cases = [(p, {"dtype": numpy.int16}), (p, {"dtype": numpy.int16, "count": 3, "offset": 2}),
             (p, {"dtype": numpy.int32}), (p, {}), (t, {"sep": ","}), (t, {"sep": ",", "offset": 1}),
             (t2, {"sep": " "}), (t2, {"sep": " ", "dtype": int, "count": 3}), (str(p), {"dtype": "uint8"})]
    with unify.using_backend(backend):
        for path, kw in cases:
            raises_like(_quiet(lambda: numpy.fromfile(path, **kw)),
                        _quiet(lambda: fnp.fromfile(path, **kw)))
        with open(p, "rb") as f, open(p, "rb") as g:
            for count in (2, 1, -1):
                check(fnp.fromfile(f, dtype="int16", count=count),
                      numpy.fromfile(g, dtype="int16", count=count))
                assert f.tell() == g.tell()
        raises_like(lambda: numpy.fromfile(io.BytesIO(b"1234"), dtype=numpy.int16),
                    lambda: fnp.fromfile(io.BytesIO(b"1234"), dtype=numpy.int16))
        ours(numpy.arange(3.0)).tofile(tmp_path / "o.bin")
        check(fnp.fromfile(tmp_path / "o.bin"), numpy.fromfile(tmp_path / "o.bin"))
