"""Linear algebra: matmul & co. at the top level, the Array API linalg extension as `linalg.*`.

Top level: matmul, matrix_transpose, tensordot, vecdot, einsum, outer, inner, kron.
`unify.core.linalg`: the Array API 2024.12 linalg functions plus eig, eigvals, lstsq,
lu, lu_factor, solve_triangular, norm (NumPy's), cond, multi_dot, matrix_exp,
tensorinv and tensorsolve.

Decompositions return the named tuples defined here (backends build them).
Singular matrices in inv/solve and non positive-definite ones in cholesky raise
`LinAlgError` (a ValueError) on every backend -- on jax only for concrete values
(under jit a backend cannot inspect values and the results hold inf/nan).

Gradient rules are written in core ops. Conventions: rules hold for full-rank
inputs with distinct eigen/singular values; eigh and cholesky read the lower
triangle but their gradients are Hermitian (torch's convention); gradients of
eigenvectors/singular vectors assume a loss invariant to their sign/phase; qr is
differentiable in 'reduced' mode (and 'complete' when m <= n); eig and eigvals
have no rule (differentiating them raises TypeError); lu_factor carries no
gradient.
"""
import operator
import string
from collections import namedtuple

from .. import dtypes as D
from ._define import defvjp, family, nondiff, unbroadcast
from .inspection import device_of, dtype_of, shape

__all__: list[str] = []
op = family(__name__, __all__)


class LinAlgError(ValueError):
    """A linear-algebra failure: singular matrix, matrix not positive-definite, no convergence."""


EighResult = namedtuple("EighResult", ["eigenvalues", "eigenvectors"])
EigResult = namedtuple("EigResult", ["eigenvalues", "eigenvectors"])
QRResult = namedtuple("QRResult", ["Q", "R"])
SlogdetResult = namedtuple("SlogdetResult", ["sign", "logabsdet"])
SVDResult = namedtuple("SVDResult", ["U", "S", "Vh"])
LstsqResult = namedtuple("LstsqResult", ["solution", "residuals", "rank", "singular_values"])
LUResult = namedtuple("LUResult", ["P", "L", "U"])
LUFactorResult = namedtuple("LUFactorResult", ["LU", "pivots"])


# ---------------------------------------------------------------- Python-only helpers
# (shape logic shared with the backends)


def _norm_axis(a, ndim, opname):
    a = operator.index(a)
    if not -ndim <= a < ndim:
        raise ValueError(f"unify.core.{opname}: axis {a} is out of bounds for an array of dimension {ndim}")
    return a % ndim


def _tensordot_axes(axes, s1, s2):
    """Normalized ([axes of x1], [axes of x2]) of tensordot; ValueError when they do not match."""
    n1, n2 = len(s1), len(s2)
    if isinstance(axes, (list, tuple)):
        if len(axes) != 2:
            raise ValueError("unify.core.tensordot: axes must be an int or a pair of sequences")
        a1, a2 = axes
        a1 = [a1] if not isinstance(a1, (list, tuple)) else list(a1)
        a2 = [a2] if not isinstance(a2, (list, tuple)) else list(a2)
        a1 = [_norm_axis(a, n1, "tensordot") for a in a1]
        a2 = [_norm_axis(a, n2, "tensordot") for a in a2]
        if len(a1) != len(a2):
            raise ValueError("unify.core.tensordot: axes sequences must have the same length")
        if len(set(a1)) != len(a1) or len(set(a2)) != len(a2):
            raise ValueError("unify.core.tensordot: repeated axis")
    else:
        try:
            k = operator.index(axes)
        except TypeError:
            raise TypeError(f"unify.core.tensordot: axes must be an int or a pair of sequences, got {axes!r}") from None
        if k < 0 or k > n1 or k > n2:
            raise ValueError(f"unify.core.tensordot: axes={k} is invalid for shapes {tuple(s1)} and {tuple(s2)}")
        a1, a2 = list(range(n1 - k, n1)), list(range(k))
    for i, j in zip(a1, a2):
        if s1[i] != s2[j]:
            raise ValueError(f"unify.core.tensordot: shape mismatch for contraction: {tuple(s1)} axis {i} "
                             f"vs {tuple(s2)} axis {j}")
    return a1, a2


def _broadcast_shapes(*shapes):
    nd = max((len(s) for s in shapes), default=0)
    out = [1] * nd
    for s in shapes:
        for i, v in enumerate(s, nd - len(s)):
            if v != 1:
                if out[i] not in (1, v):
                    raise ValueError(f"unify.core.linalg: batch shapes {shapes} are not broadcastable")
                out[i] = v
    return tuple(out)


def _matmul_shapes(s1, s2):
    """Result shape of matmul (ValueError for bad shapes)."""
    if len(s1) == 0 or len(s2) == 0:
        raise ValueError("unify.core.matmul: operands must be at least 1-d")
    k1 = s1[-1]
    k2 = s2[0] if len(s2) == 1 else s2[-2]
    if k1 != k2:
        raise ValueError(f"unify.core.matmul: shapes {tuple(s1)} and {tuple(s2)} do not match "
                         f"({k1} != {k2})")
    b = _broadcast_shapes(tuple(s1[:-2]), tuple(s2[:-2]))
    return b + (() if len(s1) == 1 else (s1[-2],)) + (() if len(s2) == 1 else (s2[-1],))


def _square(s, opname):
    if len(s) < 2 or s[-1] != s[-2]:
        raise ValueError(f"unify.core.{opname}: expected a (stack of) square matrices, got shape {tuple(s)}")


def _matrix(s, opname):
    if len(s) < 2:
        raise ValueError(f"unify.core.{opname}: expected at least 2 dimensions, got shape {tuple(s)}")


def _solve_shapes(s1, s2, opname="linalg.solve"):
    """(batch shape, vector?) of solve(x1, x2), Array API 2024.12: x2 is a vector only when 1-d."""
    _square(s1, opname)
    n = s1[-1]
    if len(s2) == 1:
        if s2[0] != n:
            raise ValueError(f"unify.core.{opname}: shapes {tuple(s1)} and {tuple(s2)} do not match")
        return tuple(s1[:-2]), True
    if len(s2) < 1 or s2[-2] != n:
        raise ValueError(f"unify.core.{opname}: shapes {tuple(s1)} and {tuple(s2)} do not match")
    return _broadcast_shapes(tuple(s1[:-2]), tuple(s2[:-2])), False


def _einsum_parse(subscripts, shapes):
    """([labels per operand], [output labels]) with every ellipsis spelled out as letters."""
    s = subscripts.replace(" ", "")
    if "->" in s:
        ins, out = s.split("->")
    else:
        ins, out = s, None
    specs = ins.split(",")
    if len(specs) != len(shapes):
        raise ValueError(f"unify.core.einsum: {len(specs)} operand subscripts for {len(shapes)} operands")
    used = {c for c in s if c.isalpha()}
    spare = [c for c in string.ascii_letters if c not in used]
    ell = 0
    for spec, shp in zip(specs, shapes):
        if "..." in spec:
            ell = max(ell, len(shp) - (len(spec) - 3))
    ellipsis = spare[:ell]
    lists = []
    for spec, shp in zip(specs, shapes):
        if "..." in spec:
            pre, post = spec.split("...")
            k = len(shp) - len(pre) - len(post)
            labels = list(pre) + ellipsis[ell - k:] + list(post)
        else:
            labels = list(spec)
        if len(labels) != len(shp):
            raise ValueError(f"unify.core.einsum: subscripts {spec!r} do not match an operand of shape {tuple(shp)}")
        lists.append(labels)
    if out is None:
        counts = {}
        for spec in specs:
            for c in spec.replace("...", ""):
                counts[c] = counts.get(c, 0) + 1
        out_labels = ellipsis + sorted(c for c, n in counts.items() if n == 1)
    elif "..." in out:
        pre, post = out.split("...")
        out_labels = list(pre) + ellipsis + list(post)
    else:
        out_labels = list(out)
    return lists, out_labels


# ---------------------------------------------------------------- core-op helpers


def _nd(x):
    return len(shape(x))


def _cplx(x):
    return dtype_of(x).kind == "c"


def _conj(x):
    from .elementwise import conj
    return conj(x) if _cplx(x) else x


def _mH(x):
    return _conj(matrix_transpose(x))


def _eye(n, like, dtype=None):
    from .creation import eye
    return eye(n, dtype=dtype_of(like) if dtype is None else dtype, device=device_of(like))


def _diag_embed(v):
    """(..., n) -> (..., n, n) with v on the diagonal."""
    from .elementwise import multiply
    from .manipulation import expand_dims
    return multiply(expand_dims(v, axis=-1), _eye(shape(v)[-1], v))


def _cols(x, a, b):
    from .indexing import getitem
    return getitem(x, (Ellipsis, slice(None), slice(a, b)))


def _rows(x, a, b):
    from .indexing import getitem
    return getitem(x, (Ellipsis, slice(a, b), slice(None)))


def _to_dtype(x, like):
    """x cast to the dtype of `like` (real cotangents meeting complex arrays)."""
    from .manipulation import astype
    return x if dtype_of(x) is dtype_of(like) else astype(x, dtype_of(like))


# ---------------------------------------------------------------- matmul family

matmul = op("matmul(x1, x2, /)", doc="1-d operands are promoted (and the added axis removed); "
            "batch axes broadcast.")
matrix_transpose = op("matrix_transpose(x, /)", doc="Swap the last two axes (x must be at least 2-d).")


def _matmul_vjp(g, out, x1, x2):
    from .manipulation import expand_dims, reshape, squeeze
    s1, s2 = shape(x1), shape(x2)
    a = expand_dims(x1, axis=0) if len(s1) == 1 else x1
    b = expand_dims(x2, axis=-1) if len(s2) == 1 else x2
    gg = g
    if len(s1) == 1 and len(s2) == 1:
        gg = reshape(g, (1, 1))
    elif len(s1) == 1:
        gg = expand_dims(gg, axis=-2)
    elif len(s2) == 1:
        gg = expand_dims(gg, axis=-1)
    ga = matmul(gg, _mH(b))
    gb = matmul(_mH(a), gg)
    if len(s1) == 1:
        ga = squeeze(ga, -2)
    if len(s2) == 1:
        gb = squeeze(gb, -1)
    return unbroadcast(ga, s1), unbroadcast(gb, s2)


defvjp("matmul", _matmul_vjp)
defvjp("matrix_transpose", lambda g, out, x: (matrix_transpose(g),))

tensordot = op("tensordot(x1, x2, /, *, axes=2)",
               doc="axes: an int N (last N axes of x1 with the first N of x2) or a pair of "
                   "sequences of axes (negative allowed). Contracted axes must have equal sizes.")


def _tensordot_vjp(g, out, x1, x2, axes):
    from .manipulation import permute_dims
    s1, s2 = tuple(shape(x1)), tuple(shape(x2))
    a1, a2 = _tensordot_axes(axes, s1, s2)
    f1 = [i for i in range(len(s1)) if i not in a1]
    f2 = [j for j in range(len(s2)) if j not in a2]
    nf1 = len(f1)
    g1 = tensordot(g, _conj(x2), axes=(list(range(nf1, nf1 + len(f2))), f2))
    src = f1 + [a1[k] for k in sorted(range(len(a2)), key=lambda k: a2[k])]
    perm = tuple(src.index(ax) for ax in range(len(s1)))
    if perm != tuple(range(len(s1))):
        g1 = permute_dims(g1, perm)
    g2 = tensordot(_conj(x1), g, axes=(f1, list(range(nf1))))
    src = [a2[k] for k in sorted(range(len(a1)), key=lambda k: a1[k])] + f2
    perm = tuple(src.index(ax) for ax in range(len(s2)))
    if perm != tuple(range(len(s2))):
        g2 = permute_dims(g2, perm)
    return g1, g2, None


defvjp("tensordot", _tensordot_vjp)


def _vecdot(x1, x2, axis):
    from .elementwise import multiply
    from .manipulation import moveaxis
    from .reduction import sum as sum_
    s1, s2 = shape(x1), shape(x2)
    if not s1 or not s2:
        raise ValueError("unify.core.vecdot: operands must be at least 1-d")
    a1, a2 = _norm_axis(axis, len(s1), "vecdot"), _norm_axis(axis, len(s2), "vecdot")
    if s1[a1] != s2[a2]:
        raise ValueError(f"unify.core.vecdot: sizes {s1[a1]} and {s2[a2]} of the contracted axis differ")
    _broadcast_shapes(tuple(d for i, d in enumerate(s1) if i != a1), tuple(d for i, d in enumerate(s2) if i != a2))
    if a1 != len(s1) - 1:
        x1 = moveaxis(x1, a1, -1)
    if a2 != len(s2) - 1:
        x2 = moveaxis(x2, a2, -1)
    p = multiply(_conj(x1), x2)
    return sum_(p, axis=-1, dtype=dtype_of(p))


vecdot = op("vecdot(x1, x2, /, *, axis=-1)", _vecdot,
            doc="sum(conj(x1) * x2) over `axis` (the axis of each operand); other axes broadcast.")

einsum = op("einsum(subscripts, /, *operands)",
            doc="NumPy's einsum (explicit '->' or implicit output, '...' broadcasting, repeated "
                "labels for diagonals). Operands of different dtypes promote.")


def _einsum_vjp(g, out, subscripts, operands):
    from .elementwise import multiply
    from .manipulation import broadcast_to, expand_dims, reshape, squeeze
    shapes = [tuple(shape(o)) for o in operands]
    lists, out_labels = _einsum_parse(subscripts, shapes)
    size = {}
    for labels, shp in zip(lists + [out_labels], shapes + [tuple(shape(g))]):
        for c, n in zip(labels, shp):
            if n != 1 or c not in size:
                size[c] = n
    # operands with size-1 axes broadcast against a larger label: squeeze them away
    clean = []
    for labels, shp, x in zip(lists, shapes, operands):
        drop = [i for i, (c, n) in enumerate(zip(labels, shp)) if n == 1 and size[c] != 1]
        keep = [c for i, c in enumerate(labels) if i not in drop]
        clean.append((keep, squeeze(x, tuple(drop)) if drop else x, drop))
    grads = []
    for k, (labels, shp) in enumerate(zip(lists, shapes)):
        others = [(lab, _conj(x)) for j, (lab, x, _) in enumerate(clean) if j != k] + [(out_labels, g)]
        avail = {c for lab, _ in others for c in lab}
        bcast = set(clean[k][2])
        first = {}
        for p, c in enumerate(labels):
            if p not in bcast and c not in first:
                first[c] = p
        u = list(first)  # unique kept labels, in order of first occurrence
        u_avail = [c for c in u if c in avail]
        spec = ",".join("".join(lab) for lab, _ in others) + "->" + "".join(u_avail)
        gk = einsum(spec, *[x for _, x in others])
        # labels of operand k that nothing else has: size-1 axes (broadcast at the end)
        missing = [i for i, c in enumerate(u) if c not in avail]
        if missing:
            gk = expand_dims(gk, axis=tuple(missing)) if len(missing) > 1 else expand_dims(gk, axis=missing[0])
        # axes of u sit at their first occurrence; the other positions get new axes
        extra = [p for p in range(len(labels)) if first.get(labels[p]) != p]
        for p in extra:
            gk = expand_dims(gk, axis=p)
        for p in extra:
            if p in bcast:
                continue
            c = labels[p]
            p0 = first[c]
            n = size[c]
            mshape = [1] * len(labels)
            mshape[p0] = n
            mshape[p] = n
            gk = multiply(gk, reshape(_eye(n, gk), tuple(mshape)))
        if tuple(shape(gk)) != shp:
            gk = broadcast_to(gk, shp)
        grads.append(gk)
    return None, tuple(grads)


defvjp("einsum", _einsum_vjp)


def _outer(x1, x2):
    from .elementwise import multiply
    from .inspection import size
    from .manipulation import reshape
    return multiply(reshape(x1, (size(x1), 1)), reshape(x2, (1, size(x2))))


def _inner(x1, x2):
    from .elementwise import multiply
    s1, s2 = shape(x1), shape(x2)
    if not s1 or not s2:
        return multiply(x1, x2)
    if s1[-1] != s2[-1]:
        raise ValueError(f"unify.core.inner: last dimensions differ: {tuple(s1)} and {tuple(s2)}")
    return tensordot(x1, x2, axes=([len(s1) - 1], [len(s2) - 1]))


def _kron(a, b):
    from .elementwise import multiply
    from .manipulation import reshape
    sa, sb = tuple(shape(a)), tuple(shape(b))
    nd = max(len(sa), len(sb))
    sa = (1,) * (nd - len(sa)) + sa
    sb = (1,) * (nd - len(sb)) + sb
    a2 = reshape(a, tuple(v for s in sa for v in (s, 1)))
    b2 = reshape(b, tuple(v for s in sb for v in (1, s)))
    return reshape(multiply(a2, b2), tuple(p * q for p, q in zip(sa, sb)))


outer = op("outer(x1, x2, /)", _outer, doc="NumPy's outer: inputs are flattened first.")
inner = op("inner(x1, x2, /)", _inner, doc="NumPy's inner: contracts the last axes (0-d: multiply).")
kron = op("kron(a, b, /)", _kron, doc="NumPy's kron (the shorter shape is padded with leading 1s).")


def _linalg_outer(x1, x2):
    if _nd(x1) != 1 or _nd(x2) != 1:
        raise ValueError("unify.core.linalg.outer: inputs must be 1-d")
    return outer(x1, x2)


linalg_outer = op("linalg.outer(x1, x2, /)", _linalg_outer, doc="Array API: 1-d inputs only.")


def _cross(x1, x2, axis):
    from .elementwise import multiply, subtract
    from .indexing import getitem
    from .manipulation import stack
    s1, s2 = shape(x1), shape(x2)
    if not s1 or not s2:
        raise ValueError("unify.core.linalg.cross: operands must be at least 1-d")
    a1, a2 = _norm_axis(axis, len(s1), "linalg.cross"), _norm_axis(axis, len(s2), "linalg.cross")
    if s1[a1] != 3 or s2[a2] != 3:
        raise ValueError("unify.core.linalg.cross: the vectors must have 3 components along axis")
    _broadcast_shapes(tuple(d for i, d in enumerate(s1) if i != a1), tuple(d for i, d in enumerate(s2) if i != a2))

    def comp(x, ax, i):
        return getitem(x, (slice(None),) * ax + (i,))

    a = [comp(x1, a1, i) for i in range(3)]
    b = [comp(x2, a2, i) for i in range(3)]
    c = [subtract(multiply(a[1], b[2]), multiply(a[2], b[1])),
         subtract(multiply(a[2], b[0]), multiply(a[0], b[2])),
         subtract(multiply(a[0], b[1]), multiply(a[1], b[0]))]
    nd = _nd(c[0]) + 1
    return stack(c, axis=axis if axis < 0 else _norm_axis(axis, nd, "linalg.cross"))


cross = op("linalg.cross(x1, x2, /, *, axis=-1)", _cross,
           doc="Cross product of 3-vectors along `axis`; other axes broadcast.")

# ---------------------------------------------------------------- decompositions & solvers

cholesky = op("linalg.cholesky(x, /, *, upper=False)",
              doc="Reads the lower triangle. Not positive-definite: LinAlgError.")


def _cholesky_vjp(g, out, x, upper):
    from .creation import tril
    from .elementwise import add, multiply
    L = _mH(out) if upper else out
    gL = _mH(g) if upper else g
    M = tril(matmul(_mH(L), gL))
    S = multiply(0.5, add(M, _mH(tril(M, k=-1))))
    t = solve_triangular(_mH(L), S, upper=True)
    return (solve_triangular(L, t, upper=False, left=False), None)


defvjp("linalg.cholesky", _cholesky_vjp)

det = op("linalg.det(x, /)")
inv = op("linalg.inv(x, /)", doc="Singular matrix: LinAlgError.")


def _det_vjp(g, out, x):
    from .elementwise import multiply
    from .manipulation import reshape
    c = multiply(g, _conj(out))
    return (multiply(reshape(c, tuple(shape(c)) + (1, 1)), _mH(inv(x))),)


def _inv_vjp(g, out, x):
    from .elementwise import negative
    h = _mH(out)
    return (negative(matmul(matmul(h, g), h)),)


defvjp("linalg.det", _det_vjp)
defvjp("linalg.inv", _inv_vjp)

slogdet = op("linalg.slogdet(x, /)", doc="SlogdetResult(sign, logabsdet); logabsdet is real.")


def _slogdet_vjp(g, out, x):
    from .elementwise import imag, multiply, subtract
    from .manipulation import astype, reshape
    gs, gl = g
    sign = out[0]
    c = gl
    if _cplx(x):
        t = imag(multiply(_conj(gs), sign))
        c = subtract(astype(gl, dtype_of(x)), multiply(astype(t, dtype_of(x)), 1j))
    return (multiply(reshape(c, tuple(shape(c)) + (1, 1)), _mH(inv(x))),)


defvjp("linalg.slogdet", _slogdet_vjp)

solve = op("linalg.solve(x1, x2, /)",
           doc="Array API 2024.12: x2 is a vector only when 1-d, else a (stack of) matrices whose batch "
               "axes broadcast with x1's. Singular x1: LinAlgError.")


def _solve_vjp(g, out, x1, x2):
    from .elementwise import negative
    from .manipulation import expand_dims, squeeze
    s1, s2 = shape(x1), shape(x2)
    if len(s2) == 1:
        g2 = expand_dims(g, axis=-1)
        X = expand_dims(out, axis=-1)
    else:
        g2, X = g, out
    gb = solve(_mH(x1), g2)
    ga = negative(matmul(gb, _mH(X)))
    if len(s2) == 1:
        gb = squeeze(gb, -1)
    return unbroadcast(ga, s1), unbroadcast(gb, s2)


defvjp("linalg.solve", _solve_vjp)

solve_triangular = op("linalg.solve_triangular(a, b, /, *, upper, left=True, unitriangular=False)",
                      doc="torch.linalg.solve_triangular: solves a X = b (left) or X a = b; only the "
                          "upper/lower triangle of a is read (its diagonal taken as ones when "
                          "unitriangular). b is a (stack of) matrices; batch axes broadcast.")


def _solve_triangular_vjp(g, out, a, b, upper, left, unitriangular):
    from .creation import tril, triu
    from .elementwise import negative
    gb = solve_triangular(_mH(a), g, upper=not upper, left=left, unitriangular=unitriangular)
    ga = negative(matmul(gb, _mH(out)) if left else matmul(_mH(out), gb))
    k = 1 if unitriangular else 0
    ga = triu(ga, k=k) if upper else tril(ga, k=-k)
    return unbroadcast(ga, shape(a)), unbroadcast(gb, shape(b)), None, None, None


defvjp("linalg.solve_triangular", _solve_triangular_vjp)

eigh = op("linalg.eigh(x, /)",
          doc="EighResult(eigenvalues ascending (real), eigenvectors); reads the lower triangle.")
eigvalsh = op("linalg.eigvalsh(x, /)", doc="Eigenvalues (ascending, real) of a Hermitian matrix.")


def _eigh_vjp(g, out, x):
    from .elementwise import add, divide, multiply, subtract
    from .manipulation import expand_dims
    gw, gV = g
    w, V = out
    Vh = _mH(V)
    VhgV = matmul(Vh, gV)
    skew = multiply(0.5, subtract(VhgV, _mH(VhgV)))
    n = shape(w)[-1]
    eye_ = _eye(n, w)
    E = add(subtract(expand_dims(w, axis=-2), expand_dims(w, axis=-1)), eye_)
    F = multiply(divide(skew, E), subtract(1.0, eye_))
    inner_ = add(F, _diag_embed(gw))
    return (matmul(matmul(V, _to_dtype(inner_, V)), Vh),)


def _eigvalsh_vjp(g, out, x):
    from .elementwise import multiply
    from .manipulation import expand_dims
    _, V = eigh(x)
    return (matmul(multiply(V, _to_dtype(expand_dims(g, axis=-2), V)), _mH(V)),)


defvjp("linalg.eigh", _eigh_vjp)
defvjp("linalg.eigvalsh", _eigvalsh_vjp)

qr = op("linalg.qr(x, /, *, mode='reduced')", doc="QRResult(Q, R); mode 'reduced' or 'complete'.")


def _qr_tall(Q, R, gQ, gR):
    """A = QR with Q (m, n) orthonormal columns, m >= n, R square invertible."""
    from .creation import tril
    from .elementwise import add, multiply, subtract
    M = subtract(matmul(_mH(Q), gQ), matmul(gR, _mH(R)))
    b = subtract(M, _mH(M))
    psi = add(tril(b, k=-1), multiply(multiply(b, _eye(shape(b)[-1], b)), 0.5))
    B = add(gQ, matmul(Q, subtract(psi, M)))
    return solve_triangular(_mH(R), B, upper=False, left=False)


def _qr_vjp(g, out, x, mode):
    from .elementwise import add
    from .manipulation import concat
    gQ, gR = g
    Q, R = out
    m, n = shape(x)[-2:]
    if m >= n:
        if mode == "complete" and m > n:
            raise ValueError("unify.core.linalg.qr: the gradient of mode='complete' needs m <= n "
                             "(the extra columns of Q are not unique); use mode='reduced'")
        return (_qr_tall(Q, R, gQ, gR), None)
    R1, R2 = _cols(R, 0, m), _cols(R, m, n)
    gR1, gR2 = _cols(gR, 0, m), _cols(gR, m, n)
    Y = _cols(x, m, n)
    gX = _qr_tall(Q, R1, add(gQ, matmul(Y, _mH(gR2))), gR1)
    return (concat([gX, matmul(Q, gR2)], axis=-1), None)


defvjp("linalg.qr", _qr_vjp)

svd = op("linalg.svd(x, /, *, full_matrices=True)", doc="SVDResult(U, S, Vh), S descending.")
svdvals = op("linalg.svdvals(x, /)", doc="Singular values, descending.")


def _svd_core(U, S, Vh, gU, gS, gVh, x):
    """gA of the reduced SVD (U (m,k), S (k,), Vh (k,n))."""
    from .elementwise import add, divide, imag, multiply, subtract
    from .manipulation import astype, expand_dims
    m, n = shape(x)[-2:]
    k = shape(S)[-1]
    V, gV = _mH(Vh), _mH(gVh)
    UhgU = matmul(_mH(U), gU)
    VhgV = matmul(Vh, gV)
    S2 = multiply(S, S)
    eye_ = _eye(k, S)
    E = add(subtract(expand_dims(S2, axis=-2), expand_dims(S2, axis=-1)), eye_)
    F = divide(subtract(1.0, eye_), E)  # 1/(s_j^2 - s_i^2) off the diagonal, 0 on it
    Sr = expand_dims(S, axis=-2)  # scales columns
    Sc = expand_dims(S, axis=-1)  # scales rows
    J = multiply(_to_dtype(F, U), subtract(UhgU, _mH(UhgU)))
    K = multiply(_to_dtype(F, U), subtract(VhgV, _mH(VhgV)))
    inner_ = add(add(multiply(J, _to_dtype(Sr, U)), multiply(_to_dtype(Sc, U), K)),
                 _to_dtype(_diag_embed(gS), U))
    if _cplx(U):
        c = subtract(imag(_diag_part(UhgU)), imag(_diag_part(VhgV)))
        d = divide(c, multiply(2.0, S))
        inner_ = add(inner_, multiply(_diag_embed(astype(d, dtype_of(U))), 1j))
    gA = matmul(matmul(U, inner_), Vh)
    inv_s = divide(1.0, S)
    if m > k:
        t = subtract(gU, matmul(U, UhgU))
        gA = add(gA, matmul(multiply(t, _to_dtype(expand_dims(inv_s, axis=-2), t)), Vh))
    if n > k:
        t = subtract(gV, matmul(V, VhgV))
        gA = add(gA, matmul(U, multiply(_to_dtype(expand_dims(inv_s, axis=-1), t), _mH(t))))
    return gA


def _diag_part(x):
    from .manipulation import diagonal
    return diagonal(x, offset=0, axis1=-2, axis2=-1)


def _svd_vjp(g, out, x, full_matrices):
    gU, gS, gVh = g
    U, S, Vh = out
    m, n = shape(x)[-2:]
    k = min(m, n)
    if full_matrices and m != n:
        U, gU = _cols(U, 0, k), _cols(gU, 0, k)
        Vh, gVh = _rows(Vh, 0, k), _rows(gVh, 0, k)
    return (_svd_core(U, S, Vh, gU, gS, gVh, x), None)


def _svdvals_vjp(g, out, x):
    from .elementwise import multiply
    from .manipulation import expand_dims
    U, _, Vh = svd(x, full_matrices=False)
    return (matmul(multiply(U, _to_dtype(expand_dims(g, axis=-2), U)), Vh),)


defvjp("linalg.svd", _svd_vjp)
defvjp("linalg.svdvals", _svdvals_vjp)

pinv = op("linalg.pinv(x, /, *, rtol=None)",
          doc="Singular values below rtol * largest are dropped (default rtol: max(M, N) * eps).")


def _pinv_grad(A, P, G):
    """gA of P = pinv(A) for cotangent G (valid at constant rank)."""
    from .elementwise import add, negative, subtract
    m, n = shape(A)[-2:]
    PH = _mH(P)
    GH = _mH(G)
    t1 = negative(matmul(matmul(PH, G), PH))
    # (I - A P) G^H P P^H  and  P^H P G^H (I - P A)
    GHP = matmul(GH, matmul(P, PH))
    t2 = subtract(GHP, matmul(A, matmul(P, GHP)))
    PHPGH = matmul(matmul(PH, P), GH)
    t3 = subtract(PHPGH, matmul(matmul(PHPGH, P), A))
    return add(add(t1, t2), t3)


defvjp("linalg.pinv", lambda g, out, x, rtol: (_pinv_grad(x, out, g), None))

eig = op("linalg.eig(x, /)",
         doc="EigResult(eigenvalues, eigenvectors), always complex (complex64 for float32 / "
             "complex64 input, complex128 otherwise); eigenvectors have unit norm. The order of "
             "the eigenvalues is the backend's. No gradient rule yet (eigvals has one).")
eigvals = op("linalg.eigvals(x, /)", doc="Eigenvalues of a general matrix, always complex.")


def _eigvals_vjp(g, out, x):
    # dλ_i = (V^{-1} dA V)_ii, so the pullback is V^{-H} diag(g) V^H (real part for real x)
    from .elementwise import conj, real
    from .inspection import dtype_of
    from .manipulation import astype, diag_embed
    v = eig(x)[1]
    vh = conj(matrix_transpose(v))
    ga = solve(vh, matmul(diag_embed(g), vh))
    d = dtype_of(x)
    return (astype(real(ga), d) if d.kind != "c" else ga,)


defvjp("linalg.eigvals", _eigvals_vjp)

lstsq = op("linalg.lstsq(a, b, /, rcond=None)",
           doc="NumPy's lstsq: LstsqResult(solution, residuals, rank, singular_values) for a 2-d a "
               "and a 1-d or 2-d b. residuals: squared 2-norms of the residual columns, shape (K,) "
               "((1,) for a 1-d b) when rank == N < M, else (0,) (under jax.jit: whenever M > N). "
               "rank: a 0-d int64 array. rcond: relative cutoff of the singular values "
               "(default eps * max(M, N)).")


def _lstsq_vjp(g, out, a, b, rcond):
    from .elementwise import add, multiply, subtract
    from .manipulation import astype, expand_dims, squeeze
    gx, gres, _, gs = g
    x, res = out[0], out[1]
    vec = _nd(b) == 1
    b2 = expand_dims(b, axis=-1) if vec else b
    x2 = expand_dims(x, axis=-1) if vec else x
    gx2 = expand_dims(gx, axis=-1) if vec else gx
    P = pinv(a, rtol=rcond)
    ga = _pinv_grad(a, P, matmul(gx2, _mH(b2)))
    gb = matmul(_mH(P), gx2)
    if shape(res)[0]:
        r = subtract(b2, matmul(a, x2))
        rg = multiply(r, astype(multiply(gres, 2.0), dtype_of(r)))
        gb = add(gb, rg)
        ga = subtract(ga, matmul(rg, _mH(x2)))
    U, _, Vh = svd(a, full_matrices=False)
    ga = add(ga, matmul(multiply(U, _to_dtype(expand_dims(gs, axis=-2), U)), Vh))
    return ga, (squeeze(gb, -1) if vec else gb), None


defvjp("linalg.lstsq", _lstsq_vjp)

lu = op("linalg.lu(x, /)",
        doc="LUResult(P, L, U) with x = P @ L @ U (partial pivoting, like scipy.linalg.lu and "
            "torch.linalg.lu): L (m, k) unit lower, U (k, n) upper, k = min(m, n); P has x's dtype.")
lu_factor = op("linalg.lu_factor(x, /)",
               doc="LUFactorResult(LU, pivots): L (below the diagonal, unit diagonal implied) and U "
                   "packed in one matrix; pivots: 0-based int64 row swaps (row i was swapped with "
                   "row pivots[i], in order), like scipy.linalg.lu_factor. No gradient.")
nondiff("linalg.lu_factor")


def _lu_square(L, U, gL, gU):
    from .creation import tril, triu
    from .elementwise import add
    M = add(tril(matmul(_mH(L), gL), k=-1), triu(matmul(gU, _mH(U))))
    t = solve_triangular(_mH(L), M, upper=True, unitriangular=True)
    return solve_triangular(_mH(U), t, upper=False, left=False)


def _lu_vjp(g, out, x):
    from .elementwise import subtract
    from .manipulation import concat
    _, gL, gU = g
    P, L, U = out
    m, n = shape(x)[-2:]
    if m == n:
        ga = _lu_square(L, U, gL, gU)
    elif m < n:
        U1, U2 = _cols(U, 0, m), _cols(U, m, n)
        gU1, gU2 = _cols(gU, 0, m), _cols(gU, m, n)
        LH = _mH(L)
        gL_eff = subtract(gL, solve_triangular(LH, matmul(gU2, _mH(U2)), upper=True, unitriangular=True))
        ga = concat([_lu_square(L, U1, gL_eff, gU1),
                     solve_triangular(LH, gU2, upper=True, unitriangular=True)], axis=-1)
    else:
        L1, L2 = _rows(L, 0, n), _rows(L, n, m)
        gL1, gL2 = _rows(gL, 0, n), _rows(gL, n, m)
        t = solve_triangular(_mH(U), gL2, upper=False, left=False)
        gU_eff = subtract(gU, matmul(_mH(L2), t))
        ga = concat([_lu_square(L1, U, gL1, gU_eff), t], axis=-2)
    return (matmul(P, ga),)


defvjp("linalg.lu", _lu_vjp)

matrix_exp = op("linalg.matrix_exp(x, /)", doc="The matrix exponential (torch.linalg.matrix_exp, scipy expm).")


def _matrix_exp_vjp(g, out, x):
    from .creation import zeros_like
    from .indexing import getitem
    from .manipulation import concat
    n = shape(x)[-1]
    AH = _mH(x)
    if tuple(shape(g)) != tuple(shape(AH)):
        from .manipulation import broadcast_to
        g = broadcast_to(g, shape(AH))
    big = concat([concat([AH, g], axis=-1), concat([zeros_like(AH), AH], axis=-1)], axis=-2)
    return (getitem(matrix_exp(big), (Ellipsis, slice(0, n), slice(n, 2 * n))),)


defvjp("linalg.matrix_exp", _matrix_exp_vjp)

# ---------------------------------------------------------------- composites


def _linalg_diagonal(x, offset):
    from .manipulation import diagonal
    _matrix(shape(x), "linalg.diagonal")
    return diagonal(x, offset=offset, axis1=-2, axis2=-1)


def _trace(x, offset, dtype):
    from .reduction import sum as sum_
    return sum_(linalg_diagonal(x, offset=offset), axis=-1, dtype=dtype)


linalg_diagonal = op("linalg.diagonal(x, /, *, offset=0)", _linalg_diagonal,
                     doc="The offset diagonal of the last two axes.")
trace = op("linalg.trace(x, /, *, offset=0, dtype=None)", _trace,
           doc="Sum of the offset diagonal of the last two axes (dtype: as sum).")


def _float_input(x):
    from .manipulation import astype
    return astype(x, D.float64) if dtype_of(x).kind in "biu" else x


def _keep(r, s, axes, keepdims):
    from .manipulation import reshape
    if not keepdims:
        return r
    return reshape(r, tuple(1 if i in axes else d for i, d in enumerate(s)))


def _vector_norm(x, axis, keepdims, ord):
    from .elementwise import abs as abs_, multiply, not_equal, pow as pow_, sqrt
    from .manipulation import astype
    from .reduction import max as max_, min as min_, sum as sum_
    x = _float_input(x)
    s = tuple(shape(x))
    if axis is None:
        axes = tuple(range(len(s)))
    elif isinstance(axis, (tuple, list)):
        axes = tuple(_norm_axis(a, len(s), "linalg.vector_norm") for a in axis)
        if len(set(axes)) != len(axes):
            raise ValueError("unify.core.linalg.vector_norm: repeated axis")
    else:
        axes = (_norm_axis(axis, len(s), "linalg.vector_norm"),) if s else ()
    if isinstance(ord, str):
        raise ValueError(f"unify.core.linalg.vector_norm: invalid ord {ord!r}")
    a = abs_(x) if (_cplx(x) or ord != 2) else x
    rdt = dtype_of(a)
    if ord == 2:
        r = sqrt(sum_(multiply(a, a), axis=axes, keepdims=keepdims))
    elif ord == 1:
        r = sum_(a, axis=axes, keepdims=keepdims)
    elif ord == float("inf"):
        r = max_(a, axis=axes, keepdims=keepdims)
    elif ord == float("-inf"):
        r = min_(a, axis=axes, keepdims=keepdims)
    elif ord == 0:
        r = sum_(astype(not_equal(a, 0), rdt), axis=axes, keepdims=keepdims)
    else:
        from .manipulation import reshape
        p = float(ord)
        # keepdims=True keeps the sum an array (NumPy reduces a full reduction to a scalar)
        r = pow_(sum_(pow_(a, p), axis=axes, keepdims=True), 1.0 / p)
        if not keepdims:
            r = reshape(r, tuple(d for i, d in enumerate(s) if i not in axes))
    return r


vector_norm = op("linalg.vector_norm(x, /, *, axis=None, keepdims=False, ord=2)", _vector_norm,
                 doc="Real-valued p-norm over `axis` (None: all axes); integer input computes in float64.")


def _matrix_norm(x, keepdims, ord):
    from .elementwise import abs as abs_, multiply, sqrt
    from .reduction import max as max_, min as min_, sum as sum_
    x = _float_input(x)
    s = tuple(shape(x))
    _matrix(s, "linalg.matrix_norm")
    nd = len(s)
    axes = (nd - 2, nd - 1)
    if ord == "fro":
        a = abs_(x) if _cplx(x) else x
        r = sqrt(sum_(multiply(a, a), axis=(-2, -1)))
    elif ord == "nuc":
        r = sum_(svdvals(x), axis=-1)
    elif ord in (2, -2):
        sv = svdvals(x)
        r = max_(sv, axis=-1) if ord == 2 else min_(sv, axis=-1)
    elif ord in (1, -1, float("inf"), float("-inf")):
        red = -2 if ord in (1, -1) else -1
        t = sum_(abs_(x), axis=red)
        r = max_(t, axis=-1) if ord > 0 else min_(t, axis=-1)
    else:
        raise ValueError(f"unify.core.linalg.matrix_norm: invalid ord {ord!r}")
    return _keep(r, s, axes, keepdims)


matrix_norm = op("linalg.matrix_norm(x, /, *, keepdims=False, ord='fro')", _matrix_norm,
                 doc="ord: 'fro', 'nuc', 1, -1, 2, -2, inf, -inf over the last two axes.")


def _norm(x, ord, axis, keepdims):
    from .manipulation import moveaxis, reshape
    x = _float_input(x)
    s = tuple(shape(x))
    nd = len(s)
    if axis is None:
        if ord is None:
            return vector_norm(x, axis=None, keepdims=keepdims, ord=2)
        if nd == 1:
            return vector_norm(x, axis=0, keepdims=keepdims, ord=ord)
        if nd == 2:
            axis = (0, 1)
        else:
            raise ValueError("unify.core.linalg.norm: improper number of dimensions to norm")
    if not isinstance(axis, (tuple, list)):
        axis = (axis,)
    if len(axis) == 1:
        if isinstance(ord, str):
            raise ValueError(f"unify.core.linalg.norm: invalid norm order {ord!r} for vectors")
        return vector_norm(x, axis=axis[0], keepdims=keepdims, ord=2 if ord is None else ord)
    if len(axis) != 2:
        raise ValueError("unify.core.linalg.norm: improper number of dimensions to norm")
    a1, a2 = _norm_axis(axis[0], nd, "linalg.norm"), _norm_axis(axis[1], nd, "linalg.norm")
    if a1 == a2:
        raise ValueError("unify.core.linalg.norm: duplicate axes")
    y = moveaxis(x, (a1, a2), (-2, -1))
    r = matrix_norm(y, keepdims=False, ord="fro" if ord is None else ord)
    if keepdims:
        r = reshape(r, tuple(1 if i in (a1, a2) else d for i, d in enumerate(s)))
    return r


norm = op("linalg.norm(x, ord=None, axis=None, keepdims=False)", _norm,
          doc="NumPy's linalg.norm: vector norms over one axis, matrix norms over two.")


def _cond(x, p):
    from .elementwise import divide, multiply
    from .indexing import getitem
    _matrix(shape(x), "linalg.cond")
    if p is None or p in (2, -2):
        sv = svdvals(x)
        hi, lo = getitem(sv, (Ellipsis, 0)), getitem(sv, (Ellipsis, -1))
        return divide(lo, hi) if p == -2 else divide(hi, lo)
    _square(shape(x), "linalg.cond")
    return multiply(matrix_norm(x, ord=p), matrix_norm(inv(x), ord=p))


cond = op("linalg.cond(x, /, p=None)", _cond, doc="NumPy's cond: p None/2/-2 from the singular values, "
          "else norm(x, p) * norm(inv(x), p).")


def _matrix_power(x, n):
    from .manipulation import broadcast_to
    s = tuple(shape(x))
    _square(s, "linalg.matrix_power")
    try:
        n = operator.index(n)
    except TypeError:
        raise TypeError(f"unify.core.linalg.matrix_power: exponent must be an integer, got {n!r}") from None
    if n == 0:
        return broadcast_to(_eye(s[-1], x), s)
    if n < 0:
        x = inv(x)
        n = -n
    result = None
    base = x
    while n:
        if n & 1:
            result = base if result is None else matmul(result, base)
        n >>= 1
        if n:
            base = matmul(base, base)
    return result


matrix_power = op("linalg.matrix_power(x, n, /)", _matrix_power,
                  doc="x to the integer power n (n < 0 inverts first; n = 0 gives identities).")


def _matrix_rank(x, rtol):
    from .elementwise import greater, multiply
    from .manipulation import expand_dims
    from .reduction import max as max_, sum as sum_
    s = tuple(shape(x))
    _matrix(s, "linalg.matrix_rank")
    sv = svdvals(_float_input(x))
    if rtol is None:
        rtol = max(s[-2], s[-1]) * D.finfo(dtype_of(sv)).eps
    elif not isinstance(rtol, (int, float)):
        rtol = expand_dims(rtol, axis=-1)
    tol = multiply(max_(sv, axis=-1, keepdims=True), rtol)
    return sum_(greater(sv, tol), axis=-1, dtype=D.int64)


matrix_rank = op("linalg.matrix_rank(x, /, *, rtol=None)", _matrix_rank,
                 doc="Number of singular values above rtol * largest (default rtol max(M, N) * eps); int64.")


def _multi_dot(arrays):
    from .manipulation import expand_dims, squeeze
    arrays = list(arrays)
    k = len(arrays)
    if k < 2:
        raise ValueError("unify.core.linalg.multi_dot: expecting at least two arrays")
    first_vec = _nd(arrays[0]) == 1
    last_vec = _nd(arrays[-1]) == 1
    if first_vec:
        arrays[0] = expand_dims(arrays[0], axis=0)
    if last_vec:
        arrays[-1] = expand_dims(arrays[-1], axis=-1)
    shapes = [tuple(shape(a)) for a in arrays]
    for s in shapes:
        if len(s) != 2:
            raise ValueError("unify.core.linalg.multi_dot: arrays must be 2-d (the first and last may be 1-d)")
    for s, t in zip(shapes[:-1], shapes[1:]):
        if s[1] != t[0]:
            raise ValueError(f"unify.core.linalg.multi_dot: shapes {s} and {t} are not aligned")
    dims = [s[0] for s in shapes] + [shapes[-1][1]]
    # cheapest parenthesization (dynamic programming over chain lengths)
    cost = [[0] * k for _ in range(k)]
    split = [[0] * k for _ in range(k)]
    for length in range(1, k):
        for i in range(k - length):
            j = i + length
            best = None
            for s in range(i, j):
                c = cost[i][s] + cost[s + 1][j] + dims[i] * dims[s + 1] * dims[j + 1]
                if best is None or c < best:
                    best, split[i][j] = c, s
            cost[i][j] = best

    def chain(i, j):
        if i == j:
            return arrays[i]
        s = split[i][j]
        return matmul(chain(i, s), chain(s + 1, j))

    r = chain(0, k - 1)
    if first_vec and last_vec:
        return squeeze(r, (0, 1))
    if first_vec:
        return squeeze(r, 0)
    if last_vec:
        return squeeze(r, -1)
    return r


multi_dot = op("linalg.multi_dot(arrays, /)", _multi_dot,
               doc="NumPy's multi_dot: the chain product in its cheapest order; the first/last array "
                   "may be 1-d.")


def _tensorinv(a, ind):
    from .manipulation import reshape
    s = tuple(shape(a))
    if ind <= 0:
        raise ValueError("unify.core.linalg.tensorinv: ind must be positive")
    rows = 1
    for d in s[ind:]:
        rows *= d
    total = 1
    for d in s:
        total *= d
    if rows == 0 or total != rows * rows:
        raise ValueError("unify.core.linalg.tensorinv: the array is not 'square' for this ind")
    return reshape(inv(reshape(a, (rows, rows))), s[ind:] + s[:ind])


tensorinv = op("linalg.tensorinv(a, /, ind=2)", _tensorinv, doc="NumPy's tensorinv.")


def _tensorsolve(a, b, axes):
    from .manipulation import permute_dims, reshape
    s = list(shape(a))
    an = len(s)
    if axes is not None:
        order = list(range(an))
        for k in axes:
            order.remove(k % an)
            order.append(k % an)
        a = permute_dims(a, tuple(order))
        s = [s[i] for i in order]
    bn = _nd(b)
    old = tuple(s[bn:]) if bn < an else ()
    n = 1
    for d in old:
        n *= d
    total = 1
    for d in s:
        total *= d
    if total != n * n:
        raise ValueError("unify.core.linalg.tensorsolve: a is not 'square' for b's shape")
    x = solve(reshape(a, (n, n)), reshape(b, (n,)))
    return reshape(x, old)


tensorsolve = op("linalg.tensorsolve(a, b, /, axes=None)", _tensorsolve, doc="NumPy's tensorsolve.")
