"""nn ops on every backend against the numpy backend, their gradients, the numpy backend (and the
core composites) against torch.nn.functional itself, and the canonical errors."""
import math

import numpy as np
import pytest
from hypothesis import assume, given, note, reject, strategies as st
from hypothesis.extra import numpy as hnp

import unify
import unify.core as C
from unify.core.dispatch import OPS
from unify.core.ops import nn as NN

from harness import FLOATS, INTS, Spec, _to_backend, check_grad, check_spec, elements, run

F64 = np.dtype("float64")

# ---------------------------------------------------------------- strategies


def _arr(draw, dt, shape, lo=-2.0, hi=2.0, unique=False):
    if unique:  # well separated values (ties or near-ties make max-pooling non-differentiable)
        v = draw(hnp.arrays(np.int64, tuple(shape), elements=st.integers(-200, 200), unique=True))
        return (v * 0.01).astype(dt)
    return draw(hnp.arrays(np.dtype(dt), tuple(shape), elements=elements(dt, lo, hi)))


def _sizes(draw, n, lo, hi):
    return tuple(draw(st.integers(lo, hi)) for _ in range(n))


def _maybe_int(draw, t):
    """A tuple of equal entries is sometimes spelled as one int."""
    if len(set(t)) == 1 and draw(st.booleans()):
        return t[0]
    return t


MAXSIDE = {1: 7, 2: 5, 3: 4}


@st.composite
def conv_case(draw, dt, small=False):
    nsp = draw(st.integers(1, 2 if small else 3))
    G = draw(st.sampled_from([1, 2]))
    cin, cout = G * draw(st.integers(1, 2)), G * draw(st.integers(1, 2))
    if small:
        G = 1 if nsp == 2 else G
        cin, cout = (G, G) if nsp == 2 else (cin, cout)
    n = 1 if small else draw(st.integers(1, 2))
    ks = _sizes(draw, nsp, 1, 3 if not small or nsp == 1 else 2)
    stride = _sizes(draw, nsp, 1, 2)
    dil = _sizes(draw, nsp, 1, 2)
    kind = draw(st.sampled_from(["int", "valid", "same"] if all(s == 1 for s in stride) else ["int"]))
    pd = _sizes(draw, nsp, 0, 2) if kind == "int" else (0,) * nsp
    hi = {1: 6, 2: 4}[nsp] if small else MAXSIDE[nsp]
    sp = tuple(draw(st.integers(max(1, min(hi, d * (k - 1) + 1 - (2 * p if kind == "int" else 0))), hi))
               for k, d, p in zip(ks, dil, pd))
    batched = small or draw(st.integers(0, 4)) > 0
    x = _arr(draw, dt, ((n,) if batched else ()) + (cin,) + sp)
    w = _arr(draw, dt, (cout, cin // G) + ks)
    b = _arr(draw, dt, (cout,)) if small or draw(st.booleans()) else None
    padding = kind if kind != "int" else _maybe_int(draw, pd)
    return (x, w, b), dict(stride=_maybe_int(draw, stride), padding=padding, dilation=_maybe_int(draw, dil),
                           groups=G)


@st.composite
def conv_transpose_case(draw, dt, small=False):
    nsp = draw(st.integers(1, 2 if small else 3))
    G = draw(st.sampled_from([1, 2]))
    cin, cout = G * draw(st.integers(1, 2)), G * draw(st.integers(1, 2))
    if small and nsp == 2:
        G, cin, cout = 1, 1, 1
    n = 1 if small else draw(st.integers(1, 2))
    ks = _sizes(draw, nsp, 1, 3 if not small or nsp == 1 else 2)
    stride = _sizes(draw, nsp, 1, 2)
    dil = _sizes(draw, nsp, 1, 2)
    opad = tuple(draw(st.integers(0, max(s, d) - 1)) for s, d in zip(stride, dil))
    sp = _sizes(draw, nsp, 1, {1: 5, 2: 3}[nsp] if small else {1: 6, 2: 4, 3: 3}[nsp])
    # keep the output non-empty: 2p <= (I-1)s + d(k-1) + op
    pd = tuple(draw(st.integers(0, max(0, min(2, ((i - 1) * s + d * (k - 1) + o) // 2))))
               for i, s, d, k, o in zip(sp, stride, dil, ks, opad))
    batched = small or draw(st.integers(0, 4)) > 0
    x = _arr(draw, dt, ((n,) if batched else ()) + (cin,) + sp)
    w = _arr(draw, dt, (cin, cout // G) + ks)
    b = _arr(draw, dt, (cout,)) if small or draw(st.booleans()) else None
    return (x, w, b), dict(stride=_maybe_int(draw, stride), padding=_maybe_int(draw, pd),
                           output_padding=_maybe_int(draw, opad), groups=G, dilation=_maybe_int(draw, dil))


@st.composite
def pool_case(draw, dt, kind="max", small=False):
    nsp = draw(st.integers(1, 2 if small else 3))
    ks = _sizes(draw, nsp, 1, 3)
    stride = None if draw(st.booleans()) else _sizes(draw, nsp, 1, 3)
    pd = tuple(draw(st.integers(0, k // 2)) for k in ks)
    dil = _sizes(draw, nsp, 1, 2) if kind == "max" else (1,) * nsp
    hi = {1: 6, 2: 4}[nsp] if small else MAXSIDE[nsp]
    sp = tuple(draw(st.integers(max(1, min(hi, d * (k - 1) + 1 - 2 * p)), hi)) for k, d, p in zip(ks, dil, pd))
    lead = (1, 1) if small else ((draw(st.integers(1, 2)),) if draw(st.integers(0, 4)) else ()) + (
        draw(st.integers(1, 3)),)
    ceil = draw(st.booleans())
    if kind == "max":  # a window entirely in the padding gives -inf (no derivative, arbitrary index)
        try:
            out = NN._pool_geom("max_pool", lead + sp, ks, stride, pd, dil, ceil)[-1]
        except ValueError:
            out = ()
        for n, k, s_, p, d, o in zip(sp, ks, stride or ks, pd, dil, out):
            assume(all(any(0 <= i * s_ - p + j * d < n for j in range(k)) for i in range(o)))
    x = _arr(draw, dt, lead + sp, unique=small)
    ksz = _maybe_int(draw, ks) if len(lead) == 2 else ks
    kw = dict(kernel_size=ksz, stride=stride if stride is None else _maybe_int(draw, stride),
              padding=_maybe_int(draw, pd), ceil_mode=ceil)
    if kind == "max":
        kw["dilation"] = _maybe_int(draw, dil)
    else:
        kw["count_include_pad"] = draw(st.booleans())
        kw["divisor_override"] = draw(st.sampled_from([None, None, 1, 2, 5]))
    return (x,), kw


@st.composite
def unpool_case(draw, dt, small=False):
    nsp = draw(st.integers(1, 2 if small else 3))
    ks = _sizes(draw, nsp, 1, 2 if small else 3)
    pd = tuple(draw(st.integers(0, k // 2)) for k in ks)
    sp = _sizes(draw, nsp, 1, {1: 4, 2: 2}[nsp] if small else {1: 4, 2: 3, 3: 2}[nsp])
    src_shape = tuple((n - 1) * k - 2 * p + k for n, k, p in zip(sp, ks, pd))
    assume(all(v >= 1 for v in src_shape))
    lead = (1, 1) if small else (draw(st.integers(1, 2)), draw(st.integers(1, 2)))
    src = _arr(draw, dt, lead + src_shape, unique=True)
    with unify.using_backend("numpy"):
        vals, idx = NN._max_pool_with_indices_impl(src, ks, ks, pd, 1, False)
    kw = {}
    if draw(st.booleans()):
        kw["output_size"] = tuple(v + draw(st.integers(0, k - 1)) for v, k in zip(src_shape, ks))
    return (_arr(draw, dt, vals.shape), np.asarray(idx), ks), dict(stride=_maybe_int(draw, ks),
                                                                   padding=_maybe_int(draw, pd), **kw)


@st.composite
def adaptive_case(draw, dt, small=False):
    nsp = draw(st.integers(1, 2 if small else 3))
    hi = {1: 6, 2: 4}[nsp] if small else MAXSIDE[nsp]
    sp = _sizes(draw, nsp, 1, hi)
    lead = (1, 1) if small else ((draw(st.integers(1, 2)),) if draw(st.integers(0, 4)) else ()) + (
        draw(st.integers(1, 3)),)
    x = _arr(draw, dt, lead + sp, unique=small)
    out = tuple(draw(st.integers(1, n + 2)) for n in sp)
    if len(lead) == 2 and len(set(out)) == 1 and draw(st.booleans()):
        osz = out[0]
    else:
        osz = tuple(None if draw(st.integers(0, 4)) == 0 else o for o in out)
    return (x, osz), {}


@st.composite
def pad_case(draw, dt, small=False):
    shape = _sizes(draw, draw(st.integers(1, 3)), 1, 3 if small else 4)
    mode = draw(st.sampled_from(["constant", "reflect", "replicate", "circular", "symmetric", "edge", "wrap"]))
    nd = len(shape)
    form = draw(st.integers(0, 3))
    if form == 0:
        pw = draw(st.integers(0, 3))
    elif form == 1:
        pw = (draw(st.integers(0, 3)), draw(st.integers(0, 3)))
    else:
        pw = tuple((draw(st.integers(0, 5)), draw(st.integers(0, 5))) for _ in range(nd))
    x = _arr(draw, dt, shape)
    kw = dict(mode=mode)
    if mode == "constant" and draw(st.booleans()):
        kw["value"] = draw(st.sampled_from([1.5, -2.0, 0.0]) if np.dtype(dt).kind == "f" else st.integers(-3, 3))
    return (x, pw), kw


@st.composite
def one_hot_case(draw, dt):
    nc = draw(st.integers(1, 5))
    shape = _sizes(draw, draw(st.integers(0, 2)), 0, 3)
    x = draw(hnp.arrays(np.dtype(dt), shape, elements=st.integers(0, nc - 1)))
    kw = {}
    if draw(st.booleans()):
        kw["dtype"] = draw(st.sampled_from([C.float32, C.int32, C.bool, C.float64]))
    return (x, nc if draw(st.integers(0, 3)) else -1), kw


@st.composite
def interpolate_case(draw, dt, small=False):
    mode = draw(st.sampled_from(["nearest", "nearest-exact", "linear", "bilinear", "trilinear", "area"]))
    nsp = {"linear": 1, "bilinear": 2, "trilinear": 3}.get(mode) or draw(st.integers(1, 2 if small else 3))
    if small:
        nsp = min(nsp, 2)
        mode = {"trilinear": "bilinear"}.get(mode, mode)
    hi = {1: 5, 2: 3}[nsp] if small else {1: 6, 2: 4, 3: 3}[nsp]
    sp = _sizes(draw, nsp, 1, hi)
    x = _arr(draw, dt, ((1, 1) if small else (draw(st.integers(1, 2)), draw(st.integers(1, 2)))) + sp)
    kw = dict(mode=mode)
    if draw(st.booleans()):
        out = tuple(draw(st.integers(1, 2 * n + 1)) for n in sp)
        kw["size"] = _maybe_int(draw, out)
    else:
        sf = tuple(draw(st.sampled_from([0.5, 0.75, 1.0, 1.1, 1.5, 2.0, 2.5, 3.0])) for _ in sp)
        if any(math.floor(n * f) < 1 for n, f in zip(sp, sf)):
            sf = tuple(2.0 for _ in sp)
        kw["scale_factor"] = _maybe_int(draw, sf)
        if draw(st.integers(0, 3)) == 0:
            kw["recompute_scale_factor"] = True
    if mode in ("linear", "bilinear", "trilinear"):
        kw["align_corners"] = draw(st.booleans())
    return (x,), kw


@st.composite
def unfold_case(draw, dt, small=False):
    nsp = 2 if small else draw(st.sampled_from([1, 2, 2, 3]))
    ks = _sizes(draw, nsp, 1, 2 if small else 3)
    dil = _sizes(draw, nsp, 1, 2)
    pd = _sizes(draw, nsp, 0, 1)
    stride = _sizes(draw, nsp, 1, 2)
    hi = 3 if small else MAXSIDE[nsp]
    sp = tuple(draw(st.integers(max(1, min(hi, d * (k - 1) + 1 - 2 * p)), hi)) for k, d, p in zip(ks, dil, pd))
    x = _arr(draw, dt, (1 if small else draw(st.integers(1, 2)), draw(st.integers(1, 2))) + sp)
    ksz = _maybe_int(draw, ks) if nsp == 2 else ks
    return (x, ksz), dict(dilation=_maybe_int(draw, dil), padding=_maybe_int(draw, pd),
                          stride=_maybe_int(draw, stride))


@st.composite
def fold_case(draw, dt, small=False):
    ks = _sizes(draw, 2, 1, 2 if small else 3)
    dil = _sizes(draw, 2, 1, 2)
    pd = _sizes(draw, 2, 0, 1)
    stride = _sizes(draw, 2, 1, 2)
    hi = 3 if small else 5
    osz = tuple(draw(st.integers(max(1, min(hi, d * (k - 1) + 1 - 2 * p)), hi)) for k, d, p in zip(ks, dil, pd))
    blocks = [(n + 2 * p - d * (k - 1) - 1) // s + 1 for n, p, d, k, s in zip(osz, pd, dil, ks, stride)]
    c = 1 if small else draw(st.integers(1, 2))
    lead = (1,) if small else ((draw(st.integers(1, 2)),) if draw(st.integers(0, 4)) else ())
    x = _arr(draw, dt, lead + (c * ks[0] * ks[1], blocks[0] * blocks[1]))
    return (x, _maybe_int(draw, osz), _maybe_int(draw, ks)), dict(
        dilation=_maybe_int(draw, dil), padding=_maybe_int(draw, pd), stride=_maybe_int(draw, stride))


@st.composite
def embedding_case(draw, dt):
    v, d = draw(st.integers(1, 5)), draw(st.integers(1, 4))
    w = _arr(draw, dt, (v, d))
    idx = draw(hnp.arrays(np.int64, _sizes(draw, draw(st.integers(0, 2)), 0, 3), elements=st.integers(0, v - 1)))
    return (w, idx), {}


@st.composite
def layer_norm_case(draw, dt, rms=False, small=False):
    shape = _sizes(draw, draw(st.integers(1, 3)), 1, 3 if small else 4)
    k = draw(st.integers(1, min(2, len(shape))))
    ns = shape[len(shape) - k:]
    x = _arr(draw, dt, shape)
    aff = small or draw(st.booleans())
    w = _arr(draw, dt, ns) if aff else None
    nsarg = ns[0] if k == 1 and draw(st.booleans()) else ns
    if rms:  # (eps=None is float64's eps: too singular near 0 for finite differences)
        return (x, nsarg, w), dict(eps=draw(st.sampled_from([1e-3, 1e-2] if small else [None, 1e-5, 1e-3])))
    b = _arr(draw, dt, ns) if aff else None
    return (x, nsarg, w, b), dict(eps=draw(st.sampled_from([1e-5, 1e-3])))


@st.composite
def group_norm_case(draw, dt, small=False):
    G = draw(st.integers(1, 2))
    c = G * draw(st.integers(1, 2))
    sp = _sizes(draw, draw(st.integers(0, 1 if small else 2)), 1, 3)
    x = _arr(draw, dt, (draw(st.integers(1, 2)), c) + sp)
    aff = small or draw(st.booleans())
    return (x, G, _arr(draw, dt, (c,)) if aff else None, _arr(draw, dt, (c,)) if aff else None), {}


@st.composite
def batch_norm_case(draw, dt, small=False, instance=False):
    c = draw(st.integers(1, 3))
    sp = _sizes(draw, draw(st.integers(1 if instance else 0, 1 if small else 2)), 1, 3)
    n = draw(st.integers(1, 3))
    training = draw(st.booleans())
    if training and n * int(np.prod(sp)) <= 1:
        n = 2
    x = _arr(draw, dt, (n, c) + sp)
    rm = _arr(draw, dt, (c,))
    rv = _arr(draw, dt, (c,), lo=0.25, hi=3.0)
    aff = small or draw(st.booleans())
    w = _arr(draw, dt, (c,)) if aff else None
    b = _arr(draw, dt, (c,)) if aff else None
    if instance:
        return (x, rm, rv, w, b), dict(use_input_stats=True if small else draw(st.booleans()),
                                       eps=draw(st.sampled_from([1e-5, 1e-3])))
    return (x, rm, rv, w, b), dict(training=training, eps=draw(st.sampled_from([1e-5, 1e-3])))


@st.composite
def sdpa_case(draw, dt, small=False):
    lead = () if small else _sizes(draw, draw(st.integers(0, 2)), 1, 2)
    L, S = draw(st.integers(1, 3)), draw(st.integers(1, 3))
    E, Ev = draw(st.integers(1, 3)), draw(st.integers(1, 3))
    if small:
        L, S, E, Ev = min(L, 2), min(S, 2), min(E, 2), min(Ev, 2)
    q = _arr(draw, dt, lead + (L, E))
    k = _arr(draw, dt, lead + (S, E))
    v = _arr(draw, dt, lead + (S, Ev))
    mk = draw(st.sampled_from(["none", "bool", "float", "causal"]))
    kw = {}
    mask = None
    if mk == "bool":
        m = draw(hnp.arrays(np.bool_, (L, S)))
        m[:, 0] = True  # no fully masked row
        mask = m
    elif mk == "float":
        mask = _arr(draw, dt, (L, S))
    elif mk == "causal":
        kw["is_causal"] = True
    if draw(st.booleans()):
        kw["scale"] = draw(st.sampled_from([0.5, 1.0, 2.0]))
    return (q, k, v, mask), kw


@st.composite
def gqa_case(draw, dt):
    hk = draw(st.integers(1, 2))
    r = draw(st.integers(1, 2))
    L, S, E = draw(st.integers(1, 3)), draw(st.integers(1, 3)), draw(st.integers(1, 3))
    q = _arr(draw, dt, (1, hk * r, L, E))
    k = _arr(draw, dt, (1, hk, S, E))
    v = _arr(draw, dt, (1, hk, S, E))
    return (q, k, v), dict(enable_gqa=True)


def _away(draw, dt, shape):
    """Entries in +-[0.5, 2] (norms well away from zero, for the distance ops)."""
    a = _arr(draw, dt, shape, lo=0.5, hi=2.0)
    return a * draw(hnp.arrays(np.dtype(dt), shape, elements=st.sampled_from([-1.0, 1.0])))


@st.composite
def cosine_case(draw, dt, small=False):
    shape = _sizes(draw, draw(st.integers(1, 2 if small else 3)), 1, 3)
    ax = draw(st.integers(-len(shape), len(shape) - 1))
    s2 = tuple(1 if draw(st.integers(0, 3)) == 0 and i != ax % len(shape) else n for i, n in enumerate(shape))
    return (_away(draw, dt, shape), _away(draw, dt, s2)), dict(axis=ax)


@st.composite
def pairwise_case(draw, dt, small=False):
    shape = _sizes(draw, draw(st.integers(1, 2)), 1, 3 if small else 4)
    p = draw(st.sampled_from([1.0, 2.0, 3.0] if small else [1.0, 2.0, 3.0, math.inf]))
    x1 = _away(draw, dt, shape)  # x2 - x1 away from 0 too: the norm is not differentiable there
    return (x1, (x1 + _away(draw, dt, shape)).astype(dt)), dict(p=p, keepdims=draw(st.booleans()))


@st.composite
def normalize_case(draw, dt, small=False):
    shape = _sizes(draw, draw(st.integers(1, 3)), 1, 3)
    ax = draw(st.integers(-len(shape), len(shape) - 1))
    return (_away(draw, dt, shape),), dict(p=draw(st.sampled_from([1.0, 2.0, 3.0])), axis=ax)


@st.composite
def pixel_case(draw, dt, unshuffle=False):
    r = draw(st.integers(1, 2))
    lead = _sizes(draw, draw(st.integers(0, 2)), 1, 2)
    c, h, w = draw(st.integers(1, 2)), draw(st.integers(1, 2)), draw(st.integers(1, 2))
    if unshuffle:
        return (_arr(draw, dt, lead + (c, h * r, w * r)), r), {}
    return (_arr(draw, dt, lead + (c * r * r, h, w)), r), {}


@st.composite
def dropout_case(draw, dt):
    seed = draw(st.integers(0, 2 ** 32 - 1))
    key = np.array([0, seed], dtype=np.uint32)
    x = _arr(draw, dt, _sizes(draw, draw(st.integers(0, 3)), 0, 4))
    return (key, x), dict(p=draw(st.sampled_from([0.0, 0.25, 0.5, 1.0])), training=draw(st.booleans()))


def s(factory, **kw):
    return lambda dt: factory(dt, **kw)


F32TOL = dict(rtol=1e-4, atol=1e-5)


def _norm_compare(r, o):
    """Normalizing a (nearly) constant float32 row divides the rounding error of x - mean by
    sqrt(eps): absolute errors up to ~1e-4 on outputs of order 1 are expected there."""
    if r.dtype == np.float32:
        np.testing.assert_allclose(o, r, rtol=1e-4, atol=5e-4)
    else:
        np.testing.assert_allclose(o, r, rtol=1e-9, atol=1e-11 * max(1.0, float(np.max(np.abs(r), initial=0))))


NORM = dict(compare=_norm_compare)

SPECS = {
    "conv": Spec(s(conv_case), grad=(0, 1, 2), grad_args=s(conv_case, small=True), **F32TOL),
    "conv_transpose": Spec(s(conv_transpose_case), grad=(0, 1, 2), grad_args=s(conv_transpose_case, small=True),
                           **F32TOL),
    "pad": Spec(s(pad_case), FLOATS + INTS, grad=(0,), grad_args=s(pad_case, small=True)),
    "max_pool": Spec(s(pool_case), grad=(0,), grad_args=s(pool_case, small=True)),
    "max_pool_with_indices": Spec(s(pool_case), grad=(0,), grad_args=s(pool_case, small=True)),
    "max_unpool": Spec(s(unpool_case), grad=(0,), grad_args=s(unpool_case, small=True)),
    "avg_pool": Spec(s(pool_case, kind="avg"), grad=(0,), grad_args=s(pool_case, kind="avg", small=True),
                     **F32TOL),
    "adaptive_avg_pool": Spec(s(adaptive_case), grad=(0,), grad_args=s(adaptive_case, small=True), **F32TOL),
    "adaptive_max_pool": Spec(s(adaptive_case), grad=(0,), grad_args=s(adaptive_case, small=True)),
    "unfold": Spec(s(unfold_case), grad=(0,), grad_args=s(unfold_case, small=True)),
    "fold": Spec(s(fold_case), grad=(0,), grad_args=s(fold_case, small=True)),
    "interpolate": Spec(s(interpolate_case), grad=(0,), grad_args=s(interpolate_case, small=True), **F32TOL),
    "one_hot": Spec(one_hot_case, INTS),
    "embedding": Spec(embedding_case, grad=(0,)),
    "layer_norm": Spec(s(layer_norm_case), grad=(0, 2, 3), grad_args=s(layer_norm_case, small=True), **NORM),
    "rms_norm": Spec(s(layer_norm_case, rms=True), grad=(0, 2), grad_args=s(layer_norm_case, rms=True, small=True),
                     **F32TOL),
    "group_norm": Spec(s(group_norm_case), grad=(0, 2, 3), grad_args=s(group_norm_case, small=True), **NORM),
    "batch_norm": Spec(s(batch_norm_case), grad=(0, 1, 2, 3, 4), grad_args=s(batch_norm_case, small=True),
                       **NORM),
    "instance_norm": Spec(s(batch_norm_case, instance=True), grad=(0, 3, 4),
                          grad_args=s(batch_norm_case, instance=True, small=True), **NORM),
    "dropout": Spec(dropout_case, compare="shape"),
    "scaled_dot_product_attention": Spec(s(sdpa_case), grad=(0, 1, 2), grad_args=s(sdpa_case, small=True),
                                         **F32TOL),
    "cosine_similarity": Spec(s(cosine_case), grad=(0, 1), grad_args=s(cosine_case, small=True), **F32TOL),
    "pairwise_distance": Spec(s(pairwise_case), grad=(0, 1), grad_args=s(pairwise_case, small=True), **F32TOL),
    "normalize": Spec(s(normalize_case), grad=(0,), **F32TOL),
    "pixel_shuffle": Spec(pixel_case, grad=(0,)),
    "pixel_unshuffle": Spec(s(pixel_case, unshuffle=True), grad=(0,)),
}


def test_every_nn_op_has_a_spec():
    assert sorted(n for n, i in OPS.items() if i.family == "nn") == sorted(SPECS)


@pytest.mark.parametrize("name", list(SPECS))
def test_op(name, backend):
    check_spec(name, backend, SPECS[name])


@pytest.mark.parametrize("name", [n for n, sp in SPECS.items() if sp.grad])
def test_grad(name, backend):
    check_grad(name, backend, SPECS[name])


def test_grad_gqa(backend):
    check_grad("scaled_dot_product_attention", backend, Spec(gqa_case, grad=(0, 1, 2)))


# ---------------------------------------------------------------- numpy backend vs torch.nn.functional

torch = pytest.importorskip("torch")
F = torch.nn.functional


def _t(v):
    return torch.from_numpy(np.array(v)) if isinstance(v, np.ndarray) else v


def _nsp_of(ks, x):
    return len(ks) if isinstance(ks, tuple) else x.ndim - 2


def _t_conv(x, w, b=None, stride=1, padding=0, dilation=1, groups=1):
    return [F.conv1d, F.conv2d, F.conv3d][w.ndim - 3](_t(x), _t(w), _t(b), stride, padding, dilation, groups)


def _t_convt(x, w, b=None, stride=1, padding=0, output_padding=0, groups=1, dilation=1):
    return [F.conv_transpose1d, F.conv_transpose2d, F.conv_transpose3d][w.ndim - 3](
        _t(x), _t(w), _t(b), stride, padding, output_padding, groups, dilation)


def _t_max_pool(x, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False):
    f = [F.max_pool1d, F.max_pool2d, F.max_pool3d][_nsp_of(kernel_size, x) - 1]
    return f(_t(x), kernel_size, stride, padding, dilation, ceil_mode)


def _t_max_pool_indices(x, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False):
    f = [F.max_pool1d, F.max_pool2d, F.max_pool3d][_nsp_of(kernel_size, x) - 1]
    return f(_t(x), kernel_size, stride, padding, dilation, ceil_mode, return_indices=True)


def _t_max_unpool(x, idx, kernel_size, stride=None, padding=0, output_size=None):
    f = [F.max_unpool1d, F.max_unpool2d, F.max_unpool3d][_nsp_of(kernel_size, x) - 1]
    return f(_t(x), _t(idx), kernel_size, stride, padding, output_size)


def _t_avg_pool(x, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True,
                divisor_override=None):
    nsp = _nsp_of(kernel_size, x)
    if nsp == 1:
        if divisor_override:
            return None  # avg_pool1d has no divisor_override
        return F.avg_pool1d(_t(x), kernel_size, stride, padding, ceil_mode, count_include_pad)
    return [F.avg_pool2d, F.avg_pool3d][nsp - 2](_t(x), kernel_size, stride, padding, ceil_mode,
                                                 count_include_pad, divisor_override)


def _t_adaptive(fs):
    def f(x, output_size):
        nsp = len(output_size) if isinstance(output_size, tuple) else x.ndim - 2
        if isinstance(output_size, tuple):  # torch's 1-d version takes no None
            output_size = tuple(x.shape[x.ndim - nsp + i] if o is None else o for i, o in enumerate(output_size))
        return fs[nsp - 1](_t(x), output_size)
    return f


def _t_interpolate(x, size=None, scale_factor=None, mode="nearest", align_corners=None,
                   recompute_scale_factor=None):
    if mode not in ("linear", "bilinear", "trilinear"):
        align_corners = None
    return F.interpolate(_t(x), size, scale_factor, mode, align_corners, recompute_scale_factor)


def _t_unfold(x, kernel_size, dilation=1, padding=0, stride=1):
    if x.ndim != 4:
        return None  # torch's unfold is 2-d only
    return F.unfold(_t(x), kernel_size, dilation, padding, stride)


def _t_fold(x, output_size, kernel_size, dilation=1, padding=0, stride=1):
    return F.fold(_t(x), output_size, kernel_size, dilation, padding, stride)


def _t_one_hot(x, nc, dtype=None):
    out = F.one_hot(_t(x.astype(np.int64)), nc)
    return out if dtype is None else out.to(getattr(torch, dtype.name))


def _t_layer_norm(x, ns, w=None, b=None, eps=1e-5):
    return F.layer_norm(_t(x), (ns,) if isinstance(ns, int) else ns, _t(w), _t(b), eps)


def _t_rms_norm(x, ns, w=None, eps=None):
    return F.rms_norm(_t(x), (ns,) if isinstance(ns, int) else ns, _t(w), eps)


def _t_batch_norm(x, rm, rv, w=None, b=None, training=False, momentum=0.1, eps=1e-5):
    return F.batch_norm(_t(x), _t(rm.copy()), _t(rv.copy()), _t(w), _t(b), training, momentum, eps)


def _t_instance_norm(x, rm=None, rv=None, w=None, b=None, use_input_stats=True, momentum=0.1, eps=1e-5):
    return F.instance_norm(_t(x), _t(None if rm is None else rm.copy()), _t(None if rv is None else rv.copy()),
                           _t(w), _t(b), use_input_stats, momentum, eps)


def _t_sdpa(q, k, v, mask=None, dropout_p=0.0, is_causal=False, scale=None, enable_gqa=False):
    return F.scaled_dot_product_attention(_t(q), _t(k), _t(v), _t(mask), dropout_p, is_causal, scale=scale,
                                          enable_gqa=enable_gqa)


TORCH_REF = {
    "conv": _t_conv,
    "conv_transpose": _t_convt,
    "max_pool": _t_max_pool,
    "avg_pool": _t_avg_pool,
    "max_pool_with_indices": _t_max_pool_indices,
    "max_unpool": _t_max_unpool,
    "adaptive_avg_pool": _t_adaptive([F.adaptive_avg_pool1d, F.adaptive_avg_pool2d, F.adaptive_avg_pool3d]),
    "adaptive_max_pool": _t_adaptive([F.adaptive_max_pool1d, F.adaptive_max_pool2d, F.adaptive_max_pool3d]),
    "interpolate": _t_interpolate,
    "unfold": _t_unfold,
    "fold": _t_fold,
    "one_hot": _t_one_hot,
    "embedding": lambda w, idx: F.embedding(_t(idx), _t(w)),
    "layer_norm": _t_layer_norm,
    "rms_norm": _t_rms_norm,
    "group_norm": lambda x, g, w=None, b=None, eps=1e-5: F.group_norm(_t(x), g, _t(w), _t(b), eps),
    "batch_norm": _t_batch_norm,
    "instance_norm": _t_instance_norm,
    "scaled_dot_product_attention": _t_sdpa,
    "cosine_similarity": lambda a, b, axis=1, eps=1e-8: F.cosine_similarity(_t(a), _t(b), axis, eps),
    "pairwise_distance": lambda a, b, p=2.0, eps=1e-6, keepdims=False: F.pairwise_distance(
        _t(a), _t(b), p, eps, keepdims),
    "normalize": lambda x, p=2.0, axis=1, eps=1e-12: F.normalize(_t(x), p, axis, eps),
    "pixel_shuffle": lambda x, r: F.pixel_shuffle(_t(x), r),
    "pixel_unshuffle": lambda x, r: F.pixel_unshuffle(_t(x), r),
}


@pytest.mark.parametrize("name", list(TORCH_REF))
def test_numpy_vs_torch_functional(name):
    """The numpy backend (the reference of the other tests) against torch.nn.functional."""
    spec = SPECS[name]
    dts = [d for d in spec.dtypes if d == F64] or list(spec.dtypes)

    @given(st.sampled_from(dts).flatmap(spec.args))
    def prop(case):
        args, kwargs = case
        note(f"args={args!r} kwargs={kwargs!r}")
        try:
            ref = TORCH_REF[name](*args, **kwargs)
        except (RuntimeError, ValueError):  # torch refuses some cases the core accepts
            reject()
        if ref is None:
            reject()
        if name == "max_pool_with_indices" and not torch.isfinite(ref[0]).all():
            reject()  # a window entirely in the padding: torch's index is arbitrary
        out = run("numpy", name, args, kwargs)
        outs, refs = (out, ref) if isinstance(ref, tuple) else ((out,), (ref,))
        for o, r in zip(outs, refs):
            r = r.detach().numpy()
            assert o.a.shape == r.shape, (o.a.shape, r.shape)
            assert o.dtype.name == str(r.dtype), (o.dtype, r.dtype)
            np.testing.assert_allclose(o.a, r, rtol=1e-9, atol=1e-11 * max(1.0, float(np.max(np.abs(r), initial=0))))

    prop()


def test_numpy_vs_torch_fixed():
    """A few fixed configurations, each op against torch.nn.functional."""
    rs = np.random.RandomState(0)
    x2 = rs.standard_normal((2, 4, 7, 6))
    w2 = rs.standard_normal((6, 2, 3, 2))
    b = rs.standard_normal(6)
    cases = [
        ("conv", (x2, w2, b), dict(stride=(2, 1), padding=(1, 2), dilation=(1, 2), groups=2)),
        ("conv", (x2, w2, None), dict(padding="same", dilation=2, groups=2)),
        ("conv", (rs.standard_normal((1, 2, 5, 4, 6)), rs.standard_normal((3, 2, 2, 3, 1)), None),
         dict(stride=2, padding=1)),
        ("conv_transpose", (x2, rs.standard_normal((4, 3, 3, 2)), b), dict(stride=2, padding=1, output_padding=1,
                                                                            groups=2, dilation=(1, 2))),
        ("max_pool", (x2, (3, 2)), dict(stride=2, padding=1, dilation=(2, 1), ceil_mode=True)),
        ("avg_pool", (x2, 3), dict(stride=2, padding=1, ceil_mode=True, count_include_pad=False)),
        ("adaptive_avg_pool", (x2, (3, 4)), {}),
        ("adaptive_max_pool", (x2, (5, None)), {}),
        ("interpolate", (x2,), dict(size=(9, 4), mode="bilinear", align_corners=False)),
        ("interpolate", (x2,), dict(scale_factor=1.7, mode="nearest")),
        ("unfold", (x2, (2, 3)), dict(dilation=(2, 1), padding=1, stride=(1, 2))),
        ("group_norm", (x2, 2, rs.standard_normal(4), rs.standard_normal(4)), {}),
    ]
    for name, args, kwargs in cases:
        out = run("numpy", name, args, kwargs)
        ref = TORCH_REF[name](*args, **kwargs).numpy()
        np.testing.assert_allclose(out.a, ref, rtol=1e-10, atol=1e-12, err_msg=name)


# ---------------------------------------------------------------- the composites against native kernels


@pytest.mark.parametrize("name", ["pad", "max_pool", "avg_pool"])
def test_composite_matches_native(name, backend):
    """pad and the pools are composites overridden natively: the composite (what autograd
    records) must give the numpy backend's values."""
    spec = SPECS[name]
    impl = OPS[name].default

    @given(st.sampled_from(spec.dtypes).flatmap(spec.args))
    def prop(case):
        args, kwargs = case
        note(f"args={args!r} kwargs={kwargs!r}")
        try:
            ref = run("numpy", name, args, kwargs)
        except (ValueError, TypeError, OverflowError):
            reject()
        params = OPS[name].params
        sig = dict(zip(params, args))
        sig.update(kwargs)
        defaults = {"pad": dict(mode="constant", value=0.0),
                    "max_pool": dict(stride=None, padding=0, dilation=1, ceil_mode=False),
                    "avg_pool": dict(stride=None, padding=0, ceil_mode=False, count_include_pad=True,
                                     divisor_override=None)}[name]
        full = [sig[p] if p in sig else defaults[p] for p in params]
        with unify.using_backend(backend):
            out = np.asarray(C.to_numpy(impl(*[_to_backend(v) for v in full])))
        # (atol: TensorFlow flushes subnormals to zero)
        np.testing.assert_allclose(out, ref.a, rtol=3e-5 if ref.a.dtype == np.float32 else 1e-12, atol=1e-30)

    prop()


# ---------------------------------------------------------------- dropout


def test_dropout_values_and_grad(backend):
    with unify.using_backend(backend):
        x = C.asarray(np.arange(1.0, 201.0).reshape(10, 20))
        key = C.random.key(7)
        y = np.asarray(C.to_numpy(C.dropout(key, x, 0.25)))
        xs = np.arange(1.0, 201.0).reshape(10, 20)
        kept = y != 0
        np.testing.assert_allclose(y[kept], xs[kept] / 0.75)
        assert 0 < kept.sum() < kept.size
        np.testing.assert_array_equal(np.asarray(C.to_numpy(C.dropout(key, x, 0.25, training=False))), xs)
        g = C.grad(lambda t: C.sum(C.dropout(key, t, 0.25)))(x)
        np.testing.assert_allclose(np.asarray(C.to_numpy(g)), kept / 0.75)


def test_sdpa_dropout_needs_key(backend):
    with unify.using_backend(backend):
        q = C.ones((2, 3))
        with pytest.raises(ValueError):
            C.scaled_dot_product_attention(q, q, q, dropout_p=0.5)
        out = C.scaled_dot_product_attention(q, q, q, dropout_p=0.5, key=C.random.key(0))
        assert C.shape(out) == (2, 3)


# ---------------------------------------------------------------- second order


def test_conv_second_order(backend):
    rs = np.random.RandomState(3)
    x = rs.standard_normal((1, 2, 5))
    w = rs.standard_normal((2, 1, 3))
    with unify.using_backend(backend):
        xa, wa = C.asarray(x), C.asarray(w)

        def f(xv):
            g = C.grad(lambda t: C.sum(C.multiply(C.conv(t, wa, stride=2, padding=1, groups=2), 1.0) ** 2))(xv)
            return C.sum(g * g)
        got = np.asarray(C.to_numpy(C.grad(f)(xa)))
    tx = torch.tensor(x, requires_grad=True)
    g, = torch.autograd.grad((F.conv1d(tx, torch.tensor(w), None, 2, 1, 1, 2) ** 2).sum(), tx, create_graph=True)
    ref, = torch.autograd.grad((g * g).sum(), tx)
    np.testing.assert_allclose(got, ref.numpy(), rtol=1e-9, atol=1e-12)


# ---------------------------------------------------------------- errors


def test_errors_nn(backend):
    with unify.using_backend(backend):
        x = C.ones((1, 2, 5, 5))
        w = C.ones((3, 2, 3, 3))
        with pytest.raises(ValueError):
            C.conv(x, C.ones((3, 3, 3, 3)))  # channel mismatch
        with pytest.raises(ValueError):
            C.conv(x, w, stride=2, padding="same")
        with pytest.raises(ValueError):
            C.conv(x, C.ones((3, 2, 7, 7)))  # kernel larger than the input
        with pytest.raises(ValueError):
            C.conv(x, w, padding="full")
        with pytest.raises(ValueError):
            C.conv_transpose(x, C.ones((2, 3, 3, 3)), output_padding=2, stride=2)
        with pytest.raises(ValueError):
            C.max_pool(x, 3, padding=2)  # padding more than half the kernel
        with pytest.raises(ValueError):
            C.avg_pool(x, 7)
        with pytest.raises(ValueError):
            C.pad(x, 1, mode="bogus")
        with pytest.raises(ValueError):
            C.pad(x, ((1, -1),) * 4)
        with pytest.raises(ValueError):
            C.pad(C.ones((0, 2)), 1, mode="reflect")
        with pytest.raises(ValueError):
            C.one_hot(C.asarray([0, 3]), 3)
        with pytest.raises(IndexError):
            C.one_hot(C.asarray([-1, 0]), 3)
        with pytest.raises(TypeError):
            C.one_hot(C.ones((2,)), 3)
        with pytest.raises(ValueError):
            C.interpolate(x, size=4, scale_factor=2.0)
        with pytest.raises(ValueError):
            C.interpolate(x, size=4, mode="linear")  # linear needs 3-d input
        with pytest.raises(ValueError):
            C.interpolate(x, size=4, mode="bicubic-ish")
        with pytest.raises(ValueError):
            C.layer_norm(x, (4,))
        with pytest.raises(ValueError):
            C.group_norm(x, 3)
        with pytest.raises(ValueError):
            C.batch_norm(C.ones((1, 2)), None, None, training=True)
        with pytest.raises(ValueError):
            C.dropout(C.random.key(0), x, 1.5)
        with pytest.raises(ValueError):
            C.scaled_dot_product_attention(C.ones((2, 3)), C.ones((2, 4)), C.ones((2, 3)))
        with pytest.raises(ValueError):
            C.pixel_shuffle(C.ones((1, 3, 2, 2)), 2)
        with pytest.raises(ValueError):
            C.fold(C.ones((1, 4, 5)), (3, 3), 2)
        with pytest.raises(TypeError):
            C.conv(x, w, stride=1.5)
        v, i = C.max_pool_with_indices(x, 2)
        with pytest.raises(ValueError):
            C.max_unpool(v, i, 2, output_size=(7, 7))  # more than a stride away from (4, 4)
