"""Matrix and tensor products: mm, bmm, mv, dot, addmm & co., tensordot, einsum, cdist, ...

torch requires equal dtypes for the BLAS-like products (mm, bmm, mv, dot, inner, tensordot,
einsum, cross, addmm...) and promotes for the elementwise-built ones (outer, ger, addr, kron).
(Collected into the torch namespace through _reduce.py.)
"""
from __future__ import annotations

import builtins
import warnings

from ... import core as C
from . import _dtype as T
from ._convert import finish, operands
from ._reduce import CNAME as _CNAME, TYPE_NAME
from ._tensor import Tensor, _dim

__all__ = ["mm", "bmm", "mv", "dot", "vdot", "inner", "outer", "ger", "addmm", "addmv",
           "addbmm", "baddbmm", "addr", "tensordot", "einsum", "kron", "cross", "cdist",
           "chain_matmul"]

def _same(msg, *ts):
    d = ts[0].dtype
    for t in ts[1:]:
        if t.dtype is not d:
            raise RuntimeError(msg.format(a=d, b=t.dtype))
    return d


def _no_bool(name, d):
    if d is T.bool:
        raise NotImplementedError(f"\"{name}\" not implemented for 'Bool'")


def _ndim(name, t, n, what):
    if not isinstance(t, Tensor):
        raise TypeError(f"{name}(): argument must be Tensor, not {type(t).__name__}")
    if t.ndim != n:
        raise RuntimeError(f"{what} must be a {'matrix' if n == 2 else f'{n}D tensor'}")


def mm(input, mat2, *, out=None):
    _ndim("mm", input, 2, "self")
    _ndim("mm", mat2, 2, "mat2")
    d = input.dtype
    if mat2.dtype is not d:
        raise RuntimeError(f"expected m1 and m2 to have the same dtype, but got: "
                           f"{_CNAME.get(d, d)} != {_CNAME.get(mat2.dtype, mat2.dtype)}")
    _no_bool("addmm_impl_cpu_", d)
    a, b = input._value(), mat2._value()
    sa, sb = C.shape(a), C.shape(b)
    if sa[1] != sb[0]:
        raise RuntimeError(f"mat1 and mat2 shapes cannot be multiplied ({sa[0]}x{sa[1]} and "
                           f"{sb[0]}x{sb[1]})")
    return finish(C.matmul(a, b), d.core, out)


def bmm(input, mat2, *, out=None):
    _ndim("bmm", input, 3, "batch1")
    _ndim("bmm", mat2, 3, "batch2")
    d = _same("expected scalar type {a} but found {b}", input, mat2)
    _no_bool("bmm", d)
    a, b = input._value(), mat2._value()
    sa, sb = C.shape(a), C.shape(b)
    if sb[:2] != (sa[0], sa[2]):
        raise RuntimeError(f"Expected size for first two dimensions of batch2 tensor to be: "
                           f"[{sa[0]}, {sa[2]}] but got: [{sb[0]}, {sb[1]}].")
    return finish(C.matmul(a, b), d.core, out)


def mv(input, vec, *, out=None):
    _ndim("mv", input, 2, "input")
    _ndim("mv", vec, 1, "vec")
    d = _same("addmv input tensors must have the same dtype, but got {a} and {b}", input, vec)
    _no_bool("addmv_impl_cpu", d)
    a, b = input._value(), vec._value()
    if C.shape(a)[1] != C.shape(b)[0]:
        raise RuntimeError(f"size mismatch, got input ({C.shape(a)[0]}), mat "
                           f"({C.shape(a)[0]}x{C.shape(a)[1]}), vec ({C.shape(b)[0]})")
    return finish(C.matmul(a, b), d.core, out)


def _dot(name, input, other, conj, out):
    for t in (input, other):
        if not isinstance(t, Tensor):
            raise TypeError(f"{name}(): argument must be Tensor, not {type(t).__name__}")
        if t.ndim != 1:
            raise RuntimeError(f"1D tensors expected, but got {input.ndim}D and {other.ndim}D "
                               f"tensors")
    if input.dtype is not other.dtype:
        raise RuntimeError(f"dot : expected both vectors to have same dtype, but found "
                           f"{input.dtype} and {other.dtype}")
    _no_bool(name, input.dtype)
    a, b = input._value(), other._value()
    if C.shape(a) != C.shape(b):
        raise RuntimeError(f"inconsistent tensor size, expected tensor [{C.shape(a)[0]}] and src "
                           f"[{C.shape(b)[0]}] to have the same number of elements, but got "
                           f"{C.shape(a)[0]} and {C.shape(b)[0]} elements respectively")
    if conj and input.dtype.is_complex:
        a = C.conj(a)
    return finish(C.sum(C.multiply(a, b), dtype=input.dtype.core), input.dtype.core, out)


def dot(input, tensor, *, out=None):
    return _dot("dot", input, tensor, False, out)


def vdot(input, other, *, out=None):
    return _dot("vdot", input, other, True, out)


def inner(input, other, *, out=None):
    if not input.ndim or not other.ndim:
        (a, b), dt = operands(input, other)
        return finish(C.multiply(a, b), dt, out)
    d = _same("both inputs should have same dtype", input, other)
    _no_bool("addmm_impl_cpu_", d)
    a, b = input._value(), other._value()
    if C.shape(a)[-1] != C.shape(b)[-1]:
        raise RuntimeError(f"inner() the last dimension must match on both input tensors but "
                           f"got shapes {list(C.shape(a))} and {list(C.shape(b))}")
    return finish(C.inner(a, b), d.core, out)


def outer(input, vec2, *, out=None):
    for t, n in ((input, "self"), (vec2, "vec2")):
        if t.ndim != 1:
            raise RuntimeError(f"outer: Expected 1-D argument {n}, but got {t.ndim}-D")
    (a, b), dt = operands(input, vec2)
    return finish(C.multiply(C.expand_dims(a, axis=1), b), dt, out)


ger = outer


def _scaled(x, beta, alpha, dt, product):
    """beta * x + alpha * product (x ignored when beta == 0, as torch)."""
    if dt.kind in "bui":  # torch truncates the scalars to the integer type
        alpha, beta = builtins.int(alpha), builtins.int(beta)
    if alpha != 1:
        product = C.multiply(product, C.asarray(alpha, dtype=dt))
    if beta == 0:
        return product
    x = x if beta == 1 else C.multiply(x, C.asarray(beta, dtype=dt))
    return C.add(x, product)


def _check_bias(x, shape):
    try:
        if C.broadcast_shapes(C.shape(x), shape) != tuple(shape):
            raise ValueError
    except ValueError:
        raise RuntimeError(f"The expanded size of the tensor ({shape[-1]}) must match the "
                           f"existing size ({C.shape(x)[-1] if C.shape(x) else 1}) at "
                           f"non-singleton dimension {len(shape) - 1}.  Target sizes: "
                           f"{list(shape)}.  Tensor sizes: {list(C.shape(x))}") from None


def addmm(input, mat1, mat2, *, beta=1, alpha=1, out=None):
    _ndim("addmm", mat1, 2, "mat1")
    _ndim("addmm", mat2, 2, "mat2")
    d = _same("self and mat2 must have the same dtype, but got {a} and {b}", input, mat1, mat2)
    p = mm(mat1, mat2)._value()
    _check_bias(input._value(), C.shape(p))
    return finish(_scaled(input._value(), beta, alpha, d.core, p), d.core, out)


def addmv(input, mat, vec, *, beta=1, alpha=1, out=None):
    d = _same("addmv input tensors must have the same dtype, but got {a} and {b}", input, mat, vec)
    p = mv(mat, vec)._value()
    _check_bias(input._value(), C.shape(p))
    return finish(_scaled(input._value(), beta, alpha, d.core, p), d.core, out)


def addr(input, vec1, vec2, *, beta=1, alpha=1, out=None):
    p = outer(vec1, vec2)
    (x, pv), dt = operands(input, p)
    _check_bias(x, C.shape(pv))
    return finish(_scaled(x, beta, alpha, dt, pv), dt, out)


def baddbmm(input, batch1, batch2, *, beta=1, alpha=1, out=None):
    d = _same("expected scalar type {a} but found {b}", input, batch1, batch2)
    p = bmm(batch1, batch2)._value()
    _check_bias(input._value(), C.shape(p))
    return finish(_scaled(input._value(), beta, alpha, d.core, p), d.core, out)


def addbmm(input, batch1, batch2, *, beta=1, alpha=1, out=None):
    d = _same("expected scalar type {a} but found {b}", input, batch1, batch2)
    p = C.sum(bmm(batch1, batch2)._value(), axis=0, dtype=d.core)
    _check_bias(input._value(), C.shape(p))
    return finish(_scaled(input._value(), beta, alpha, d.core, p), d.core, out)


def tensordot(a, b, dims=2, out=None):
    d = _same("both inputs should have same dtype", a, b)
    _no_bool("addmm_impl_cpu_", d)
    if isinstance(dims, Tensor):
        dims = dims.tolist()
    if isinstance(dims, int):
        if dims < 0:
            raise RuntimeError(f"tensordot expects dims >= 0, but got dims={dims}")
        ax = dims
    else:
        if len(dims) != 2:
            raise RuntimeError("tensordot expects dims to be a pair of lists of dims")
        da, db = dims
        da = [da] if isinstance(da, int) else list(da)
        db = [db] if isinstance(db, int) else list(db)
        if len(da) != len(db):
            raise RuntimeError("both dimension lists should have same length")
        da = [_dim(x, a.ndim) for x in da]
        db = [_dim(x, b.ndim) for x in db]
        ax = (da, db)
    va, vb = a._value(), b._value()
    if not isinstance(ax, int):  # a contracted dim of size 1 broadcasts against the other
        sa, sb = list(C.shape(va)), list(C.shape(vb))
        for x, y in zip(*ax):
            if sa[x] != sb[y]:
                if sa[x] != 1 and sb[y] != 1:
                    raise RuntimeError(f"contracted dimensions need to match, but first has "
                                       f"size {sa[x]} in dim {x} and second has size {sb[y]} "
                                       f"in dim {y}")
                sa[x] = sb[y] = builtins.max(sa[x], sb[y])
        va, vb = C.broadcast_to(va, tuple(sa)), C.broadcast_to(vb, tuple(sb))
    return finish(C.tensordot(va, vb, axes=ax), d.core, out)


_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _sublist(args):
    """einsum(op0, sub0, op1, sub1, ..., [out]) -> (equation, operands)."""
    def term(sub):
        return "".join("..." if s is Ellipsis else _LETTERS[s] for s in sub)
    ops, terms = list(args[0::2]), [term(s) for s in args[1::2]]
    if len(args) % 2:
        eq = ",".join(terms[:len(ops) - 1]) + "->" + term(args[-1])
        ops = ops[:-1]
        return eq, ops
    return ",".join(terms), ops


def _sum_ellipsis(eq, ops):
    """torch sums the '...' dims an explicit output leaves out (NumPy refuses): name them."""
    lhs, rhs = eq.split("->")
    terms = lhs.split(",")
    if len(terms) != len(ops):
        return eq
    fresh = [c for c in _LETTERS if c not in eq]
    ks = [o.ndim - len(tm.replace("...", "")) if "..." in tm else 0 for tm, o in zip(terms, ops)]
    nd = builtins.max(ks)
    names = fresh[:nd]
    terms = [tm.replace("...", "".join(names[nd - k:])) for tm, k in zip(terms, ks)]
    return ",".join(terms) + "->" + rhs


def einsum(*args):
    if not args:
        raise TypeError("einsum(): must specify the equation string and at least one operand")
    if isinstance(args[0], str):
        eq, ops = args[0], args[1:]
        if len(ops) == 1 and isinstance(ops[0], (list, tuple)):
            ops = ops[0]
    else:
        eq, ops = _sublist(args)
    ops = list(ops)
    if not ops:
        raise RuntimeError("einsum(): must provide at least one operand")
    d = ops[0].dtype
    for o in ops[1:]:
        if o.dtype is not d:
            raise RuntimeError(f"expected scalar type {d} but found {o.dtype}")
    _no_bool("bmm", d)
    eq = eq.replace(" ", "")
    nterms = len(eq.split("->")[0].split(","))
    if "->" in eq and "..." in eq.split("->")[0] and "..." not in eq.split("->")[1]:
        eq = _sum_ellipsis(eq, ops)
    if nterms != len(ops):
        raise RuntimeError(f"einsum(): more operands were provided than specified in the "
                           f"equation" if len(ops) > nterms else
                           "einsum(): fewer operands were provided than specified in the equation")
    return finish(C.einsum(eq, *(o._value() for o in ops)), d.core, None)


def kron(input, other, *, out=None):
    (a, b), dt = operands(input, other)
    return finish(C.kron(a, b), dt, out)


def cross(input, other, dim=None, *, out=None):
    if input.dtype is not other.dtype:
        raise RuntimeError(f"expected scalar type {input.dtype} but found {other.dtype}")
    a, b = input._value(), other._value()
    if input.ndim != other.ndim:
        raise RuntimeError(f"linalg.cross: inputs must have the same number of dimensions.")
    try:
        shape = C.broadcast_shapes(C.shape(a), C.shape(b))
    except ValueError:
        raise RuntimeError(f"The size of tensor a must match the size of tensor b for "
                           f"broadcasting: {list(C.shape(a))} and {list(C.shape(b))}") from None
    if dim is None:
        warnings.warn("Using torch.cross without specifying the dim arg is deprecated.",
                      UserWarning, stacklevel=2)
        ax = next((i for i, n in enumerate(C.shape(a)) if n == 3), None)
        if ax is None:
            raise RuntimeError("no dimension of size 3 in input")
    else:
        ax = _dim(dim, len(shape))
    if C.shape(a)[ax] != 3 or C.shape(b)[ax] != 3:
        raise RuntimeError(f"linalg.cross: inputs dimension {ax} must have length 3. Got "
                           f"{C.shape(a)[ax]} and {C.shape(b)[ax]}")
    _no_bool("cross", input.dtype)
    return finish(C.linalg.cross(a, b, axis=ax), input.dtype.core, out)


def cdist(x1, x2, p=2.0, compute_mode="use_mm_for_euclid_dist_if_necessary"):
    for t, n in ((x1, "X1"), (x2, "X2")):
        if t.dtype in (T.float16, T.bfloat16):
            raise NotImplementedError(f"\"cdist\" not implemented for '{TYPE_NAME[t.dtype]}'")
        if not t.dtype.is_floating_point:
            raise RuntimeError(f"cdist only supports floating-point dtypes, {n} got: "
                               f"{str(t.dtype).split('.')[1].capitalize() if t.dtype is not T.int64 else 'Long'}")
        if t.ndim < 2:
            raise RuntimeError(f"cdist only supports at least 2D tensors, {n} got: {t.ndim}D")
    if x1.dtype is not x2.dtype:
        raise RuntimeError(f"cdist only supports the same dtype, X1 got: {x1.dtype} X2 got: "
                           f"{x2.dtype}")
    if p < 0:
        raise RuntimeError("cdist only supports non-negative p values")
    a, b = x1._value(), x2._value()
    if C.shape(a)[-1] != C.shape(b)[-1]:
        raise RuntimeError(f"X1 and X2 must have the same number of columns. X1: "
                           f"{C.shape(a)[-1]} X2: {C.shape(b)[-1]}")
    diff = C.subtract(C.expand_dims(a, axis=-2), C.expand_dims(b, axis=-3))
    dt = x1.dtype.core
    if p == 0:
        r = C.astype(C.count_nonzero(diff, axis=-1), dt)
    elif p == builtins.float("inf"):
        r = C.max(C.abs(diff), axis=-1) if C.shape(diff)[-1] else C.sum(C.abs(diff), axis=-1)
    elif p == 1:
        r = C.sum(C.abs(diff), axis=-1)
    elif p == 2:
        r = C.sqrt(C.sum(C.multiply(diff, diff), axis=-1))
    else:
        r = C.pow(C.sum(C.pow(C.abs(diff), builtins.float(p)), axis=-1), 1.0 / p)
    return finish(r, dt, None)


def chain_matmul(*matrices, out=None):
    warnings.warn("torch.chain_matmul is deprecated and will be removed in a future PyTorch "
                  "release. Use torch.linalg.multi_dot instead.", UserWarning, stacklevel=2)
    if len(matrices) == 1 and isinstance(matrices[0], (list, tuple)):
        matrices = tuple(matrices[0])
    if not matrices:
        raise RuntimeError("chain_matmul(): Expected one or more matrices")
    for m in matrices:
        if m.ndim != 2:
            raise RuntimeError(f"Tensor dimension is {m.ndim}, expected 2 instead.")
    d = _same("expected scalar type {a} but found {b}", *matrices)
    _no_bool("addmm_impl_cpu_", d)
    if len(matrices) == 1:
        return finish(C.copy(matrices[0]._value()), d.core, out)
    vs = [m._value() for m in matrices]
    for x, y in zip(vs, vs[1:]):
        if C.shape(x)[1] != C.shape(y)[0]:
            raise RuntimeError(f"mat1 and mat2 shapes cannot be multiplied "
                               f"({C.shape(x)[0]}x{C.shape(x)[1]} and {C.shape(y)[0]}x{C.shape(y)[1]})")
    return finish(C.linalg.multi_dot(vs), d.core, out)


# ---------------------------------------------------------------- torch.* linear algebra
# (the older torch-level spellings of torch.linalg functions)

from ._reduce import ret as _ret  # noqa: E402
from ._tensor import wrap  # noqa: E402

__all__ += ["det", "logdet", "slogdet", "inverse", "pinverse", "matrix_exp", "matrix_power",
            "svd", "qr", "cholesky", "cholesky_solve", "cholesky_inverse", "triangular_solve",
            "lu_unpack", "lu_solve", "lu", "orgqr"]

_R_SLOGDET = _ret("slogdet", "sign logabsdet")
_R_SVD, _R_QR = _ret("svd", "U S V"), _ret("qr", "Q R")
_R_TRISOLVE = _ret("triangular_solve", "solution cloned_coefficient")
_R_LU_UNPACK = _ret("lu_unpack", "P L U")
_R_LU_INFO = _ret("_lu_with_info", "LU pivots info")


def _L():
    from . import linalg  # imported after the namespace is built

    return linalg


def _mH(v):
    v = C.matrix_transpose(v)
    return C.conj(v) if C.dtype_of(v).kind == "c" else v


def det(input):
    return _L().det(input)


def logdet(input):
    sign, lad = _L().slogdet(input)
    s, a = sign._value(), lad._value()
    if input.dtype.is_complex:  # log(det) = log|det| + i arg(det)
        r = C.add(C.astype(a, input.dtype.core), C.multiply(C.astype(C.angle(s), input.dtype.core), 1j))
    else:
        r = C.where(C.less(s, 0), float("nan"), a)
    return finish(r, input.dtype.core)


def slogdet(input, *, out=None):
    r = _L().slogdet(input, out=out)
    return _R_SLOGDET(*r)


def inverse(input, *, out=None):
    return _L().inv(input, out=out)


def pinverse(input, rcond=1e-15):
    return _L().pinv(input, rtol=rcond)


def matrix_exp(input):
    return _L().matrix_exp(input)


def matrix_power(input, n):
    return _L().matrix_power(input, n)


def svd(input, some=True, compute_uv=True, *, out=None):
    """V, not Vh (torch.svd); with compute_uv=False, U and V are zero-filled (m, m), (n, n)."""
    L = _L()
    if not compute_uv:
        s = L.svdvals(input)
        m, n = input.shape[-2:]
        bs = tuple(input.shape[:-2])
        dt = input.dtype.core
        return _R_SVD(wrap(C.zeros(bs + (m, m), dtype=dt)), s, wrap(C.zeros(bs + (n, n), dtype=dt)))
    u, s, vh = L.svd(input, full_matrices=not some)
    return _R_SVD(u, s, wrap(_mH(vh._value()), vh.dtype))


def qr(input, some=True, *, out=None):
    return _R_QR(*_L().qr(input, "reduced" if some else "complete"))


def cholesky(input, upper=False, *, out=None):
    warnings.warn("torch.cholesky is deprecated in favor of torch.linalg.cholesky and will be "
                  "removed in a future PyTorch release.", UserWarning, stacklevel=2)
    return _L().cholesky(input, upper=upper, out=out)


def _chol_solve(b, f, upper):
    """A X = b with A = f f^H (lower f) or f^H f (upper f)."""
    st = C.linalg.solve_triangular
    if upper:
        return st(f, st(_mH(f), b, upper=False), upper=True)
    return st(_mH(f), st(f, b, upper=False), upper=True)


def cholesky_solve(input, input2, upper=False, *, out=None):
    L = _L()
    f = L._matrix("cholesky_solve", input2, True)
    L._same("cholesky_solve", input2, input)
    b = input._value()
    bs = C.broadcast_shapes(C.shape(b)[:-2], C.shape(f)[:-2])
    b = C.broadcast_to(b, bs + C.shape(b)[-2:])
    return finish(_chol_solve(b, f, upper), input.dtype.core, out)


def cholesky_inverse(input, upper=False, *, out=None):
    f = _L()._matrix("cholesky_inverse", input, True)
    n = C.shape(f)[-1]
    eye = C.broadcast_to(C.eye(n, dtype=C.dtype_of(f)), C.shape(f))
    return finish(_chol_solve(eye, f, upper), input.dtype.core, out)


def triangular_solve(input, A, upper=True, transpose=False, unitriangular=False, *, out=None):
    L = _L()
    a = L._matrix("triangular_solve", A, True)
    L._same("triangular_solve", A, input)
    b = input._value()
    if transpose:
        a, upper = C.matrix_transpose(a), not upper
    bs = C.broadcast_shapes(C.shape(b)[:-2], C.shape(a)[:-2])
    x = C.linalg.solve_triangular(a, C.broadcast_to(b, bs + C.shape(b)[-2:]),
                                  upper=builtins.bool(upper), unitriangular=builtins.bool(unitriangular))
    return _R_TRISOLVE(finish(x, input.dtype.core), finish(C.copy(A._value()), A.dtype.core))


def lu_unpack(LU_data, LU_pivots, unpack_data=True, unpack_pivots=True, *, out=None):
    L = _L()
    v = LU_data._value()
    m, n = C.shape(v)[-2:]
    k = builtins.min(m, n)
    dt = C.dtype_of(v)
    empty = C.zeros((0,), dtype=dt)
    if unpack_data:
        lo = C.add(C.tril(C.getitem(v, (Ellipsis, slice(None), slice(0, k))), k=-1), C.eye(m, k, dtype=dt))
        up = C.triu(C.getitem(v, (Ellipsis, slice(0, k), slice(None))))
    else:
        lo = up = empty
    if unpack_pivots:
        p = L._perm_matrix(LU_pivots._value(), m, dt) if m else C.zeros(C.shape(v)[:-2] + (0, 0), dtype=dt)
    else:
        p = empty
    return _R_LU_UNPACK(finish(p, dt), finish(lo, dt), finish(up, dt))


def lu_solve(b, LU_data, LU_pivots, *, out=None):
    return _L().lu_solve(LU_data, LU_pivots, b, out=out)


def lu(A, pivot=True, get_infos=False, out=None):
    r = _L().lu_factor_ex(A, pivot=pivot)
    return _R_LU_INFO(*r) if get_infos else (r.LU, r.pivots)


def orgqr(input, tau):
    return _L().householder_product(input, tau)
