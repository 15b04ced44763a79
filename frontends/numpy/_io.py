"""NumPy's file input and output: save, load, savez, savez_compressed (the .npy/.npz formats,
readable and writable by real NumPy), savetxt, loadtxt, genfromtxt, fromstring, fromfile.

Written from NumPy's documented file format and behaviour. The bytes of a file go through the
host (NumPy arrays from `core.to_numpy`, which unify's core depends on); arrays come back as
frontend arrays on the current backend.

Differences from NumPy:
- Only the frontend's dtypes (bool, integers, float16/32/64, complex64/128) can be loaded; a
  file holding strings, structured records, datetimes, object arrays or long doubles raises
  TypeError (after NumPy's own `allow_pickle=False` refusal for object arrays).
- `load(mmap_mode='r' | 'c')` reads the whole array (read-only for 'r'); 'r+' and 'w+', whose
  writes would have to reach the file, raise ValueError.
- `genfromtxt` reads plain arrays only: `names`, structured or mixed-type results (dtype=None
  with columns of different kinds) and `usemask=True` raise TypeError.
"""
from __future__ import annotations

import ast
import builtins
import collections.abc
import os
import pickle
import re
import struct
import warnings
import zipfile

import numpy as _np

from ... import core as C
from . import _dtypes as T
from ._ndarray import ndarray, operand, wrap

__all__ = ["save", "load", "savez", "savez_compressed", "savetxt", "loadtxt", "genfromtxt",
           "fromstring", "fromfile"]

_MAGIC = b"\x93NUMPY"
_ALIGN = 64  # NumPy pads the header so the data starts at a multiple of 64 bytes
_GROWTH = 21  # spaces reserved in the header for the first (growing) axis to get longer
_ZIP_PREFIXES = (b"PK\x03\x04", b"PK\x05\x06")


class ConversionWarning(UserWarning):
    """genfromtxt skipped a line it could not read (NumPy's numpy.lib._iotools class)."""


# ------------------------------------------------------------------ host <-> frontend

def _as_array(x) -> ndarray:
    return x if isinstance(x, ndarray) else wrap(*operand(x))


def _host(a: ndarray):
    return _np.asarray(C.to_numpy(a._value()), order="C")


def _from_host(h) -> ndarray:
    """A frontend array with the values of host array `h` (native byte order)."""
    if h.dtype.kind not in "biufc" or h.dtype.name not in T.BY_NAME:
        raise TypeError(f"arrays of dtype {h.dtype.str!r} ({h.dtype}) are not supported by "
                        "unify's numpy frontend")
    d = T.as_dtype(h.dtype.name)
    return wrap(C.asarray(_np.array(h, dtype=_np.dtype(d.name), order="C")), d)


def _open(file, mode, encoding=None):
    """(file object, whether we opened it) for a path or an open file."""
    if hasattr(file, "read") or hasattr(file, "write"):
        return file, False
    path = os.fspath(file)
    if path.endswith(".gz"):
        import gzip

        f = gzip.open(path, mode if "b" in mode else mode + "t", encoding=encoding)
    elif path.endswith(".bz2"):
        import bz2

        f = bz2.open(path, mode if "b" in mode else mode + "t", encoding=encoding)
    elif "b" in mode:
        f = builtins.open(path, mode)
    else:
        f = builtins.open(path, mode, encoding=encoding)
    return f, True


# ------------------------------------------------------------------ .npy

def _header(descr, fortran, shape) -> bytes:
    text = ("{'descr': %r, 'fortran_order': %r, 'shape': %r, }"
            % (descr, fortran, tuple(shape)))
    if shape:
        text += " " * (_GROWTH - len(repr(shape[-1 if fortran else 0])))
    for version, fmt in (((1, 0), "<H"), ((2, 0), "<I")):
        prefix = len(_MAGIC) + 2 + struct.calcsize(fmt)
        pad = -(prefix + len(text) + 1) % _ALIGN
        body = (text + " " * pad + "\n").encode("latin1")
        if len(body) < 2 ** (8 * struct.calcsize(fmt)):
            return _MAGIC + bytes(version) + struct.pack(fmt, len(body)) + body
    raise ValueError("header does not fit inside 4 GiB")


def _write_npy(fh, arr) -> None:
    a = _as_array(arr)
    h = _host(a)
    fortran = a.ndim > 1 and a.flags.fnc
    fh.write(_header(h.dtype.str, fortran, h.shape))
    fh.write(h.tobytes(order="F" if fortran else "C"))


def _read_exact(fh, n, what):
    chunks, got = [], 0
    while got < n:
        b = fh.read(n - got)
        if not b:
            break
        chunks.append(b)
        got += len(b)
    data = b"".join(chunks)
    if len(data) != n:
        raise ValueError(f"EOF: reading {what}, expected {n} bytes got {len(data)}")
    return data


def _read_npy(fh, allow_pickle, max_header_size, pickle_kwargs=None):
    magic = _read_exact(fh, len(_MAGIC) + 2, "magic string")
    if magic[:len(_MAGIC)] != _MAGIC:
        raise ValueError(f"the magic string is not correct; expected {_MAGIC!r}, got "
                         f"{magic[:len(_MAGIC)]!r}")
    version = (magic[-2], magic[-1])
    fmt = {(1, 0): "<H", (2, 0): "<I", (3, 0): "<I"}.get(version)
    if fmt is None:
        raise ValueError(f"we only support format version (1,0), (2,0), and (3,0), not "
                         f"{version}")
    (hlen,) = struct.unpack(fmt, _read_exact(fh, struct.calcsize(fmt), "array header length"))
    raw = _read_exact(fh, hlen, "array header")
    text = raw.decode("utf8" if version == (3, 0) else "latin1")
    if hlen > max_header_size and not allow_pickle:
        raise ValueError(f"Header info length ({hlen}) is large and may not be safe to load "
                         "securely. To allow loading, adjust `max_header_size` or fully trust "
                         "the `.npy` file using `allow_pickle=True`.")
    try:
        d = ast.literal_eval(text)
    except (SyntaxError, ValueError) as e:
        raise ValueError(f"Cannot parse header: {text!r}") from e
    if not isinstance(d, dict) or set(d) != {"descr", "fortran_order", "shape"}:
        raise ValueError(f"Header does not contain the correct keys: {text!r}")
    shape, fortran = d["shape"], d["fortran_order"]
    if not isinstance(shape, tuple) or not all(isinstance(k, int) for k in shape):
        raise ValueError(f"shape is not valid: {shape!r}")
    if not isinstance(fortran, bool):
        raise ValueError(f"fortran_order is not a valid bool: {fortran!r}")
    try:
        dt = _np.dtype(d["descr"]) if isinstance(d["descr"], str) else None
    except TypeError as e:
        raise ValueError(f"descr is not a valid dtype descriptor: {d['descr']!r}") from e
    if dt is not None and dt.hasobject:
        if not allow_pickle:
            raise ValueError("Object arrays cannot be loaded when allow_pickle=False")
        raise TypeError("object arrays are not supported by unify's numpy frontend")
    if dt is None:
        raise TypeError(f"structured arrays ({d['descr']!r}) are not supported by unify's "
                        "numpy frontend")
    n = 1
    for k in shape:
        n *= k
    data = _read_exact(fh, n * dt.itemsize, "array data")
    h = _np.frombuffer(data, dtype=dt)
    h = h.reshape(shape[::-1]).T if fortran else h.reshape(shape)
    return _from_host(h.astype(dt.newbyteorder("="), copy=False))


def save(file, arr, allow_pickle=True):
    """numpy.save: `arr` in NumPy's .npy format (".npy" is appended to a path without it)."""
    if not hasattr(file, "write"):
        file = os.fspath(file)
        if not file.endswith(".npy"):
            file += ".npy"
    a = _as_array(arr)  # converted first: nothing is written for an unsupported value
    fh, own = _open(file, "wb")
    try:
        _write_npy(fh, a)
    finally:
        if own:
            fh.close()


# ------------------------------------------------------------------ .npz

def _savez(file, args, kwds, compress):
    if not hasattr(file, "write"):
        file = os.fspath(file)
        if not file.endswith(".npz"):
            file += ".npz"
    named = dict(kwds)
    for i, val in enumerate(args):
        key = f"arr_{i}"
        if key in named:
            raise ValueError(f"Cannot use un-named variables and keyword {key}")
        named[key] = val
    arrays = {k: _as_array(v) for k, v in named.items()}
    method = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    with zipfile.ZipFile(file, mode="w", compression=method, allowZip64=True) as zf:
        for key, a in arrays.items():
            with zf.open(key + ".npy", "w", force_zip64=True) as member:
                _write_npy(member, a)


def savez(file, *args, allow_pickle=True, **kwds):
    """numpy.savez: several arrays in one uncompressed .npz archive (positional ones are named
    arr_0, arr_1, ...)."""
    _savez(file, args, kwds, False)


def savez_compressed(file, *args, allow_pickle=True, **kwds):
    """numpy.savez_compressed: as savez, with each member deflate-compressed."""
    _savez(file, args, kwds, True)


class NpzFile(collections.abc.Mapping):
    """What `load` returns for an .npz archive: a lazy, read-only mapping from the array names
    (`files`) to arrays, loaded on access; a context manager that closes the archive."""

    zip = None
    fid = None

    def __init__(self, fid, own_fid=False, allow_pickle=False, pickle_kwargs=None, *,
                 max_header_size=10000):
        self.zip = zipfile.ZipFile(fid)
        self._files = self.zip.namelist()
        self.files = [n[:-4] if n.endswith(".npy") else n for n in self._files]
        self.allow_pickle = allow_pickle
        self.max_header_size = max_header_size
        self.pickle_kwargs = pickle_kwargs
        self.fid = fid if own_fid else None
        self.f = _BagObj(self)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        if self.zip is not None:
            self.zip.close()
            self.zip = None
        if self.fid is not None:
            self.fid.close()
            self.fid = None
        self.f = None

    def __del__(self):
        self.close()

    def __iter__(self):
        return iter(self.files)

    def __len__(self):
        return len(self.files)

    def __getitem__(self, key):
        if key in self._files:
            name = key
        elif key in self.files:
            name = key + ".npy"
        else:
            raise KeyError(f"{key} is not a file in the archive")
        with self.zip.open(name) as member:
            is_npy = member.read(len(_MAGIC)) == _MAGIC
        if not is_npy:
            return self.zip.read(name)
        with self.zip.open(name) as member:
            return _read_npy(member, self.allow_pickle, self.max_header_size)

    def __repr__(self):
        name = getattr(self.fid, "name", "object") if self.fid is not None else "object"
        keys = ", ".join(self.files[:5]) + (", ..." if len(self.files) > 5 else "")
        return f"NpzFile {name!r} with keys: {keys}"


class _BagObj:
    """`npz.f.name` attribute access to the members of an NpzFile."""

    def __init__(self, npz):
        self._npz = npz

    def __getattribute__(self, key):
        try:
            return object.__getattribute__(self, "_npz")[key]
        except KeyError:
            raise AttributeError(key) from None

    def __dir__(self):
        return list(object.__getattribute__(self, "_npz").keys())


_MMAP_MODES = {"r": "r", "readonly": "r", "c": "c", "copyonwrite": "c", "r+": "r+",
               "readwrite": "r+", "w+": "w+", "write": "w+"}


def load(file, mmap_mode=None, allow_pickle=False, fix_imports=True, encoding="ASCII", *,
         max_header_size=10000):
    """numpy.load: an array from .npy, an NpzFile from .npz, or (allow_pickle=True only) the
    object of a pickle file. See the module notes for `mmap_mode`."""
    if encoding not in ("ASCII", "latin1", "bytes"):
        raise ValueError("encoding must be 'ASCII', 'latin1', or 'bytes'")
    mode = None
    if mmap_mode is not None:
        mode = _MMAP_MODES.get(mmap_mode)
        if mode is None:
            raise ValueError(f"mode must be one of {sorted(_MMAP_MODES)} (got {mmap_mode!r})")
    fid, own = _open(file, "rb")
    try:
        magic = fid.read(len(_MAGIC))
        if not magic:
            raise EOFError("No data left in file")
        fid.seek(-len(magic), 1)
        if magic.startswith(_ZIP_PREFIXES):
            npz = NpzFile(fid, own_fid=own, allow_pickle=allow_pickle,
                          max_header_size=max_header_size)
            own = False  # the NpzFile closes it
            return npz
        if magic == _MAGIC:
            if mode in ("r+", "w+"):
                raise ValueError(f"mmap_mode={mmap_mode!r} is not supported by unify's numpy "
                                 "frontend (writes to the array would not reach the file)")
            a = _read_npy(fid, allow_pickle, max_header_size)
            if mode == "r":
                a._ro = True
            return a
        if not allow_pickle:
            raise ValueError("Cannot load file containing pickled data when allow_pickle=False")
        try:
            obj = pickle.load(fid, fix_imports=fix_imports, encoding=encoding)
        except Exception as e:  # noqa: BLE001
            raise pickle.UnpicklingError(f"Failed to interpret file {file!r} as a pickle") from e
        if isinstance(obj, _np.ndarray) and obj.dtype.kind in "biufc":
            obj = _from_host(obj)
        return obj
    finally:
        if own:
            fid.close()


# ------------------------------------------------------------------ text: savetxt

def savetxt(fname, X, fmt="%.18e", delimiter=" ", newline="\n", header="", footer="",
            comments="# ", encoding=None):
    """numpy.savetxt: a 1-D or 2-D array as text, one row per line, each value formatted with
    `fmt` (Python %-formatting, as in NumPy)."""
    h = _host(_as_array(X))
    if h.ndim == 0 or h.ndim > 2:
        raise ValueError(f"Expected 1D or 2D array, got {h.ndim}D array instead")
    if h.ndim == 1:
        h = h.reshape(-1, 1)
    ncol = h.shape[1]
    cplx = h.dtype.kind == "c"
    if isinstance(fmt, bytes):
        fmt = fmt.decode("latin1")
    if isinstance(fmt, (list, tuple)):
        if len(fmt) != ncol:
            raise AttributeError(f"fmt has wrong shape.  {fmt}")
        line_fmt = delimiter.join(fmt)
    elif isinstance(fmt, str):
        n = fmt.count("%")
        bad = ValueError(f"fmt has wrong number of % formats:  {fmt}")
        if n == 1:
            one = f" ({fmt}+{fmt}j)" if cplx else fmt
            line_fmt = delimiter.join([one] * ncol)
        elif (cplx and n != 2 * ncol) or (not cplx and n != ncol):
            raise bad
        else:
            line_fmt = fmt
    else:
        raise ValueError(f"invalid fmt: {fmt!r}")
    fh, own = _open(fname, "w", encoding=encoding)
    try:
        def write(s):
            try:
                fh.write(s)
            except TypeError:  # a binary file
                fh.write(s.encode(encoding or "latin1"))
        if header:
            write(comments + header.replace("\n", "\n" + comments) + newline)
        for row in h:
            if cplx:
                parts = []
                for v in row:
                    parts += [v.real, v.imag]
                write((line_fmt % tuple(parts) + newline).replace("+-", "-"))
            else:
                try:
                    line = line_fmt % tuple(row) + newline
                except TypeError as e:
                    raise TypeError(f"Mismatch between array dtype ('{h.dtype}') and format "
                                    f"specifier ('{line_fmt}')") from e
                write(line)
        if footer:
            write(comments + footer.replace("\n", "\n" + comments) + newline)
    finally:
        if own:
            fh.close()


# ------------------------------------------------------------------ text: reading

def _text_lines(fname, encoding):
    """(iterator of text lines without their line end, closer) for a path, an open file (text
    or binary) or an iterable of str/bytes lines."""
    if isinstance(fname, (str, bytes, os.PathLike)):
        fh, _ = _open(fname, "r", encoding=encoding)
        src, close = fh, fh.close
    else:
        src, close = fname, (lambda: None)
    enc = encoding if encoding not in (None, "bytes") else "latin1"

    def gen():
        for line in src:
            if isinstance(line, bytes):
                line = line.decode(enc)
            yield line.rstrip("\r\n")
    return gen(), close


def _strip_comment(line, comments, quotechar=None):
    if not comments:
        return line
    if quotechar is None:
        cut = len(line)
        for c in comments:
            i = line.find(c)
            if i >= 0:
                cut = min(cut, i)
        return line[:cut]
    inside = False
    for i, ch in enumerate(line):
        if ch == quotechar:
            inside = not inside
        elif not inside and any(line.startswith(c, i) for c in comments):
            return line[:i]
    return line


def _split(line, delimiter, quotechar=None):
    if delimiter is None:
        return line.split()
    if quotechar is None:
        return line.split(delimiter)
    fields, cur, inside, i = [], [], False, 0
    while i < len(line):
        ch = line[i]
        if ch == quotechar:
            if inside and line.startswith(quotechar, i + 1):
                cur.append(quotechar)
                i += 1
            else:
                inside = not inside
        elif not inside and line.startswith(delimiter, i):
            fields.append("".join(cur))
            cur = []
            i += len(delimiter)
            continue
        else:
            cur.append(ch)
        i += 1
    fields.append("".join(cur))
    return fields


_FLOAT_TEXT = re.compile(r"\s*[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|inf(?:inity)?|nan)\s*",
                         re.IGNORECASE)
_INT_TEXT = re.compile(r"\s*[+-]?\d+\s*")


def _parse(text, d):
    """A Python value of NumPy dtype kind d.kind from a text field (ValueError when it does not
    read as one, as NumPy's parsers)."""
    k = d.kind
    if k == "f":
        if not _FLOAT_TEXT.fullmatch(text):
            raise ValueError(text)
        return float(text)
    if k in "iub":
        if not _INT_TEXT.fullmatch(text):
            raise ValueError(text)
        v = int(text)
        if k == "b":
            return v != 0
        if not T.int_fits(v, d):
            raise ValueError(text)
        return v
    t = text.strip()
    if t.startswith("(") and t.endswith(")"):
        t = t[1:-1]
    return complex(t.replace(" ", ""))


def _host_array(values, d, shape):
    h = _np.array(values, dtype=_np.dtype(d.name)) if values else \
        _np.zeros(0, dtype=_np.dtype(d.name))
    return h.reshape(shape)


def _ndmin(a: ndarray, ndmin):
    from ._manipulation import atleast_1d, atleast_2d, squeeze

    if a.ndim > ndmin:
        a = squeeze(a)
    if a.ndim < ndmin:
        a = atleast_1d(a) if ndmin == 1 else atleast_2d(a).T
    return a


def _columns(usecols):
    if usecols is None:
        return None
    if isinstance(usecols, (builtins.int, _np.integer)) or hasattr(usecols, "__index__"):
        return [int(usecols.__index__())]
    return [int(c.__index__()) for c in usecols]


def loadtxt(fname, dtype=float, comments="#", delimiter=None, converters=None, skiprows=0,
            usecols=None, unpack=False, ndmin=0, encoding=None, max_rows=None, *,
            quotechar=None, like=None):
    """numpy.loadtxt for plain (non-structured) dtypes."""
    if ndmin not in (0, 1, 2):
        raise ValueError(f"Illegal value of ndmin keyword: {ndmin}")
    d = T.as_dtype(dtype)
    if isinstance(comments, str):
        comments = [comments]
    elif comments is None:
        comments = []
    else:
        comments = list(comments)
    cols = _columns(usecols)
    if converters is not None and not callable(converters) and \
            not isinstance(converters, dict):
        raise TypeError("converters must be a dictionary mapping columns to converter "
                        "functions or a single callable.")
    lines, close = _text_lines(fname, encoding)
    rows, ncols = [], None
    try:
        for lineno, line in enumerate(lines, 1):
            if lineno <= skiprows:
                continue
            if max_rows is not None and len(rows) >= max_rows:
                break
            line = _strip_comment(line, comments, quotechar)
            blank = not line.strip() if delimiter is None else not line
            if blank:  # (with a delimiter, a line of spaces is a row of one field)
                continue
            fields = _split(line, delimiter, quotechar)
            n = len(fields)
            if cols is None:
                if ncols is None:
                    ncols = n
                elif n != ncols:
                    raise ValueError(f"the number of columns changed from {ncols} to {n} at row "
                                     f"{len(rows) + 1}; use `usecols` to select a subset and "
                                     "avoid this error")
                picked = list(enumerate(fields))
            else:
                picked = []
                for c in cols:
                    if not -n <= c < n:
                        raise ValueError(f"invalid column index {c} at row {len(rows) + 1} "
                                         f"with {n} columns")
                    picked.append((c % n, fields[c]))
            row = []
            for c, text in picked:
                conv = converters if callable(converters) else (
                    _converter_for(converters, c, n) if converters else None)
                try:
                    if conv is not None:
                        v = conv(text)
                        v = _parse(v, d) if isinstance(v, str) else v
                    else:
                        v = _parse(text, d)
                except (ValueError, TypeError):
                    raise ValueError(f"could not convert string {text!r} to {d.name} at row "
                                     f"{len(rows)}, column {c + 1}.") from None
                row.append(v)
            rows.append(row)
    finally:
        close()
    if not rows:
        warnings.warn(f'loadtxt: input contained no data: "{fname}"', UserWarning, stacklevel=2)
        width = len(cols) if cols is not None else 0
        shape = (0,) if cols is None else (0, width)
    else:
        shape = (len(rows), len(rows[0]))
    a = _from_host(_host_array(rows, d, shape))
    a = _ndmin(a, ndmin)
    return a.T if unpack else a


def _converter_for(converters, c, n):
    for k, fn in converters.items():
        if (k if k >= 0 else k + n) == c:
            return fn
    return None


# genfromtxt: a field that does not read as the dtype (a missing '' included) takes the
# column's filling value, NumPy's "loose" conversion
_FILL = {"b": False, "i": -1, "u": -1, "f": float("nan"), "c": complex(float("nan"), 0)}
_KIND_ORDER = ("b", "i", "f", "c")


def _gen_parse(text, kind):
    t = text.strip()
    if kind == "b":
        u = t.upper()
        if u == "TRUE":
            return True
        if u == "FALSE":
            return False
        raise ValueError(text)
    if kind in "iu":
        if not _INT_TEXT.fullmatch(t):
            raise ValueError(text)
        return int(t)
    if kind == "f":
        if not _FLOAT_TEXT.fullmatch(t):
            raise ValueError(text)
        return float(t)
    if t.startswith("(") and t.endswith(")"):
        t = t[1:-1]
    return complex(t.replace(" ", ""))


def _fixed_widths(line, widths):
    out, i = [], 0
    for w in widths:
        out.append(line[i:i + w])
        i += w
    return out


def genfromtxt(fname, dtype=float, comments="#", delimiter=None, skip_header=0, skip_footer=0,
               converters=None, missing_values=None, filling_values=None, usecols=None,
               names=None, excludelist=None, deletechars=" !#$%&'()*+,-./:;<=>?@[\\]^{|}~",
               replace_space="_", autostrip=False, case_sensitive=True, defaultfmt="f%i",
               unpack=None, usemask=False, loose=True, invalid_raise=True, max_rows=None,
               encoding=None, *, ndmin=0, like=None):
    """numpy.genfromtxt for plain arrays: fields that do not read as the dtype (empty ones
    included) take the filling value (nan, -1, False, or `filling_values`)."""
    if names not in (None, False) or usemask:
        raise TypeError("genfromtxt with names= or usemask=True (structured or masked arrays) "
                        "is not supported by unify's numpy frontend")
    if max_rows is not None:
        if skip_footer:
            raise ValueError("The keywords 'skip_footer' and 'max_rows' can not be specified "
                             "at the same time.")
        if max_rows < 1:
            raise ValueError("'max_rows' must be at least 1.")
    if ndmin not in (0, 1, 2):
        raise ValueError(f"Illegal value of ndmin keyword: {ndmin}")
    d = None if dtype is None else T.as_dtype(dtype)
    missing = {""}
    if isinstance(missing_values, str):
        missing.update(missing_values.split(","))
    if isinstance(delimiter, builtins.int) and not isinstance(delimiter, builtins.bool):
        w = delimiter  # every field `w` characters wide
        split = lambda line: [line[i:i + w] for i in range(0, len(line), w)]  # noqa: E731
    elif isinstance(delimiter, (list, tuple)):
        widths = list(delimiter)
        split = lambda line: _fixed_widths(line, widths)  # noqa: E731
    else:
        if isinstance(delimiter, bytes):
            delimiter = delimiter.decode("latin1")

        def split(line):
            if delimiter is None:
                return line.split()
            return line.strip(" \t\r\n").split(delimiter)
    cols = _columns(usecols)
    lines, close = _text_lines(fname, encoding)
    entries, ncols = [], None  # in file order: a row's fields, or (line number, count)
    try:
        for lineno, line in enumerate(lines, 1):
            if lineno <= skip_header:
                continue
            if comments is not None:
                line = _strip_comment(line, [comments])
            if not line.strip():
                continue
            fields = split(line)
            if autostrip:
                fields = [f.strip() for f in fields]
            if ncols is None:
                ncols = len(fields) if cols is None else len(cols)
            if cols is not None:
                try:
                    fields = [fields[c] for c in cols]
                except IndexError:
                    entries.append((lineno, len(fields)))
                    continue
            elif len(fields) != ncols:
                entries.append((lineno, len(fields)))
                continue
            entries.append(fields)
            if max_rows is not None and sum(isinstance(e, list) for e in entries) >= max_rows:
                break
    finally:
        close()
    if skip_footer > 0:  # the last lines of data, valid or not
        entries = entries[:-skip_footer] if skip_footer < len(entries) else []
    rows = [e for e in entries if isinstance(e, list)]
    bad = [e for e in entries if isinstance(e, tuple)]
    if bad:
        msg = "Some errors were detected !\n" + "\n".join(
            f"    Line #{i} (got {n} columns instead of {ncols})" for i, n in bad)
        if invalid_raise:
            raise ValueError(msg)
        warnings.warn(msg, ConversionWarning, stacklevel=2)
    if not rows:
        warnings.warn(f'genfromtxt: Empty input file: "{fname}"', UserWarning, stacklevel=2)
        return _from_host(_np.zeros(0, dtype=_np.dtype(d.name if d is not None else "float64")))
    width = len(rows[0])
    conv = {}
    if isinstance(converters, dict):
        for k, fn in converters.items():
            conv[k % width if isinstance(k, builtins.int) else k] = fn
    if d is None:
        kinds = set()
        for c in range(width):
            kinds.add(_infer_kind([r[c] for r in rows], missing, conv.get(c)))
        if len(kinds) != 1 or None in kinds:
            raise TypeError("genfromtxt(dtype=None) with columns of different types (a "
                            "structured array) is not supported by unify's numpy frontend")
        d = T.as_dtype({"b": "bool", "i": "int64", "f": "float64", "c": "complex128"}[kinds.pop()])
    fills = _fill_values(filling_values, width, d)
    values = []
    for r in rows:
        row = []
        for c, text in enumerate(r):
            try:
                v = conv[c](text) if c in conv else _gen_parse(text, d.kind)
                if isinstance(v, str):
                    v = _gen_parse(v, d.kind)
            except (ValueError, TypeError):
                if not loose and text.strip() not in missing:
                    raise ValueError(f"Cannot convert string {text!r}") from None
                v = fills[c]
            if d.kind in "iu" and not T.int_fits(v, d):
                raise OverflowError(f"Python integer {v} out of bounds for {d.name}")
            row.append(v)
        values.append(row)
    a = _from_host(_host_array(values, d, (len(values), width)))
    a = _ndmin(a, ndmin)
    return a.T if unpack else a


def _infer_kind(texts, missing, conv):
    if conv is not None:
        return None  # a converter's column type is not inferred here
    given = [t for t in texts if t.strip() not in missing]
    if not given:
        return None
    for kind in _KIND_ORDER:
        try:
            for t in given:
                _gen_parse(t, kind)
            return kind
        except ValueError:
            continue
    return None


def _fill_values(filling_values, width, d):
    default = _FILL[d.kind]
    if filling_values is None:
        return [default] * width
    if isinstance(filling_values, dict):
        out = [default] * width
        for k, v in filling_values.items():
            out[k % width] = v
        return out
    if isinstance(filling_values, (list, tuple)):
        out = list(filling_values[:width])
        return out + [default] * (width - len(out))
    return [filling_values] * width


# ------------------------------------------------------------------ fromstring, fromfile

def _parse_separated(text, d, count, sep):
    """The values of `text` separated by `sep` (whitespace in sep matches any whitespace;
    whitespace around values is ignored), at most `count` of them."""
    core = sep.strip()
    pattern = r"\s*" + re.escape(core) + r"\s*" if core else r"\s+"
    body = text.strip()
    tokens = re.split(pattern, body) if body else []
    if tokens and tokens[-1] == "":
        tokens.pop()  # a trailing separator
    out = []
    for tok in tokens:
        if 0 <= count <= len(out):
            break
        try:
            out.append(_parse(tok, d))
        except ValueError:
            raise ValueError("string or file could not be read to its end due to unmatched "
                             "data") from None
    return out


def fromstring(string, dtype=float, count=-1, *, sep="", like=None):
    """numpy.fromstring (text mode; NumPy 2 removed the binary mode: use frombuffer)."""
    d = T.as_dtype(dtype)
    if sep == "":
        raise ValueError("The binary mode of fromstring is removed, use frombuffer instead")
    if isinstance(string, bytes):
        string = string.decode("latin1")
    vals = _parse_separated(string, d, count, sep)
    return _from_host(_host_array(vals, d, (len(vals),)))


def fromfile(file, dtype=float, count=-1, sep="", offset=0, *, like=None):
    """numpy.fromfile: binary (sep='') or text data from a file path or an open file."""
    d = T.as_dtype(dtype)
    if sep != "" and offset != 0:
        raise TypeError("'offset' argument only permitted for binary files")
    fh, own = _open(file, "rb")
    try:
        if not own:
            fh.fileno()  # NumPy reads real files only (io.UnsupportedOperation otherwise)
        if sep == "":
            if offset:
                fh.seek(offset, 1)
            size = _np.dtype(d.name).itemsize
            data = fh.read() if count < 0 else fh.read(count * size)
            n = len(data) // size
            if n * size != len(data):
                fh.seek(n * size - len(data), 1)  # leave the partial item unread
            h = _np.frombuffer(data[:n * size], dtype=_np.dtype(d.name))
            return _from_host(h)
        data = fh.read()
        text = data.decode("latin1") if isinstance(data, bytes) else data
        vals = _parse_separated(text, d, count, sep)
        return _from_host(_host_array(vals, d, (len(vals),)))
    finally:
        if own:
            fh.close()
