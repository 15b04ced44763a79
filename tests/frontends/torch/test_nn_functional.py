"""torch.nn.functional against real torch on every backend: values, dtypes, shapes, errors.

Each case builds real torch inputs, runs real `torch.nn.functional.<name>` and ours on the
same values (converted with tfhelp.ours) and compares with tfhelp.check. Shapes are small and
reused so that jax compiles few programs.
"""
import math
import warnings

import numpy as np
import pytest
import torch as real
import torch.nn.functional as RF

import unify
import unify.frontends.torch as ft
from tfhelp import check, ours, raises_like

F = ft.nn.functional


def rn(*shape, dtype="float32", scale=1.0, seed=0, low=None, high=None):
    rng = np.random.default_rng(seed + 7 * len(shape) + sum(shape))
    if low is not None:
        a = rng.uniform(low, high, size=shape)
    else:
        a = rng.standard_normal(shape) * scale
    return real.tensor(a, dtype=getattr(real, dtype))


def ri(high, *shape, seed=0, low=0):
    rng = np.random.default_rng(seed + 11 * len(shape) + sum(shape))
    return real.tensor(rng.integers(low, high, size=shape), dtype=real.int64)


def conv(x):
    if isinstance(x, real.Tensor):
        return ours(x)
    if isinstance(x, tuple):
        return tuple(conv(v) for v in x)
    if isinstance(x, list):
        return [conv(v) for v in x]
    if isinstance(x, dict):
        return {k: conv(v) for k, v in x.items()}
    if isinstance(x, real.dtype):
        return getattr(ft, str(x).split(".")[1])
    return x


def same(name, *args, tol=None, **kw):
    """Run real F.name and ours on the same inputs and compare the results."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        exp = getattr(RF, name)(*args, **kw)
        got = getattr(F, name)(*conv(args), **conv(kw))
    rtol, atol = (None, None) if tol is None else (tol, tol)
    check(got, exp, rtol=rtol, atol=atol)
    return got, exp


def err(name, *args, **kw):
    """Both raise the same exception type (or both succeed and agree)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        raises_like(lambda: getattr(RF, name)(*args, **kw),
                    lambda: getattr(F, name)(*conv(args), **conv(kw)))


X = rn(2, 3, 4)            # generic activation input
X4 = rn(1, 2, 6, 6)        # 2-d images
X5 = rn(1, 2, 4, 4, 4)     # 3-d volumes
X64 = rn(2, 3, 4, dtype="float64")

# ---------------------------------------------------------------- activations

ACT = {
    "relu": lambda: same("relu", X),
    "relu6": lambda: same("relu6", X * 4),
    "leaky_relu": lambda: same("leaky_relu", X, 0.2),
    "elu": lambda: same("elu", X, alpha=0.5),
    "selu": lambda: same("selu", X64),
    "celu": lambda: same("celu", X, 2.0),
    "gelu": lambda: same("gelu", X),
    "gelu_tanh": lambda: same("gelu", X64, approximate="tanh"),
    "silu": lambda: same("silu", X),
    "mish": lambda: same("mish", X),
    "softplus": lambda: same("softplus", X, beta=2, threshold=1),
    "softplus_default": lambda: same("softplus", X * 15),
    "softsign": lambda: same("softsign", X),
    "hardtanh": lambda: same("hardtanh", X, -0.5, 0.5),
    "hardsigmoid": lambda: same("hardsigmoid", X * 4),
    "hardswish": lambda: same("hardswish", X * 4),
    "logsigmoid": lambda: same("logsigmoid", X * 10),
    "tanhshrink": lambda: same("tanhshrink", X),
    "softshrink": lambda: same("softshrink", X, 0.3),
    "hardshrink": lambda: same("hardshrink", X, lambd=0.3),
    "threshold": lambda: same("threshold", X, 0.1, 20.0),
    "glu": lambda: same("glu", X),
    "glu_dim0": lambda: same("glu", X, 0),
    "prelu_c": lambda: same("prelu", X, real.tensor([0.1, 0.2, 0.3])),
    "prelu_1": lambda: same("prelu", X4, real.tensor([0.25])),
    "rrelu_eval": lambda: same("rrelu", X, 0.1, 0.3),
    "sigmoid": lambda: same("sigmoid", X),
    "tanh": lambda: same("tanh", X64),
    "softmax": lambda: same("softmax", X, 1),
    "softmax_last": lambda: same("softmax", X64, dim=-1),
    "softmax_implicit": lambda: same("softmax", X),
    "softmax_0d": lambda: same("softmax", real.tensor(2.0), 0),
    "softmax_dtype": lambda: same("softmax", X, 2, dtype=real.float64),
    "log_softmax": lambda: same("log_softmax", X * 5, 2),
    "softmin": lambda: same("softmin", X, 0),
    "softmin_dtype": lambda: same("softmin", X, dim=1, dtype=real.float64),
    "normalize": lambda: same("normalize", X),
    "normalize_p1": lambda: same("normalize", X, p=1, dim=-1),
    "relu_int": lambda: same("relu", ri(10, 5, low=-5)),
    "relu6_int": lambda: same("relu6", ri(10, 5, low=-5)),
    "hardtanh_int": lambda: same("hardtanh", ri(5, 5, low=-5)),
    "threshold_int": lambda: same("threshold", ri(10, 5, low=-5), 1, 7),
    "sigmoid_int": lambda: same("sigmoid", ri(5, 5, low=-5)),
    "softsign_int": lambda: same("softsign", ri(5, 5, low=-5)),
}


@pytest.mark.parametrize("case", sorted(ACT))
def test_activations(backend, case):
    with unify.using_backend(backend):
        ACT[case]()


@pytest.mark.parametrize("name,args", [
    ("relu", ()), ("relu6", ()), ("leaky_relu", (0.3,)), ("elu", (0.7,)), ("selu", ()),
    ("celu", (1.5,)), ("silu", ()), ("mish", ()), ("hardtanh", (-0.2, 0.4)),
    ("hardsigmoid", ()), ("hardswish", ()), ("threshold", (0.2, -1.0)), ("rrelu", (0.1, 0.2)),
])
def test_inplace(backend, name, args):
    with unify.using_backend(backend):
        rt = X.clone()
        mt = ours(rt)
        view_r, view_m = rt[1], mt[1]
        out_r = getattr(RF, name)(view_r, *args, inplace=True)
        out_m = getattr(F, name)(view_m, *args, inplace=True)
        assert out_m is view_m and out_r is view_r
        check(mt, rt)  # the write reached the base
        if hasattr(RF, name + "_"):
            rt2, mt2 = X.clone(), ours(X)
            r = getattr(RF, name + "_")(rt2, *args)
            m = getattr(F, name + "_")(mt2, *args)
            assert m is mt2
            check(mt2, rt2)
            check(m, r)


def test_activation_errors(backend):
    with unify.using_backend(backend):
        err("hardtanh", X, 2.0, 1.0)
        err("gelu", X, approximate="foo")
        err("glu", X, 1)
        err("glu", real.tensor(1.0))
        err("glu", X, 3)
        err("softmax", X, 5)
        err("softmax", real.tensor([1, 2]), 0)
        err("prelu", X, real.ones(5))
        err("rrelu", X, 0.5, 0.1)
        err("softshrink", X, -0.5)
        same("hardshrink", X, -0.5)
        err("prelu", X, real.ones(1, 3))
        err("normalize", rn(3))
        for name in ("gelu", "leaky_relu", "elu", "silu", "softplus", "hardshrink"):
            err(name, real.tensor([1, -2]))


def test_normalize_out(backend):
    with unify.using_backend(backend):
        r_out, m_out = real.empty(2, 3, 4), ours(real.zeros(2, 3, 4))
        RF.normalize(X, dim=2, out=r_out)
        got = F.normalize(ours(X), dim=2, out=m_out)
        assert got is m_out
        check(m_out, r_out)


def test_gumbel_softmax(backend):
    with unify.using_backend(backend):
        logits = ours(rn(5, 4))
        y = F.gumbel_softmax(logits, tau=0.5)
        check(y.sum(-1), real.ones(5))
        assert y.shape == (5, 4) and y.dtype is ft.float32
        h = F.gumbel_softmax(logits, hard=True, dim=0)
        hn = h.numpy()
        assert hn.shape == (5, 4) and h.dtype is ft.float32
        np.testing.assert_allclose(hn.sum(0), np.ones(4), atol=1e-6)
        assert set(np.round(hn, 5).ravel()) <= {0.0, 1.0}


# ---------------------------------------------------------------- linear and convolution

W1 = rn(6, 2, 3)
LIN = {
    "linear": lambda: same("linear", rn(2, 3), rn(4, 3), rn(4)),
    "linear_3d_nobias": lambda: same("linear", X, rn(5, 4)),
    "linear_1d_weight": lambda: same("linear", X, rn(4)),
    "bilinear": lambda: same("bilinear", rn(2, 3), rn(2, 4), rn(5, 3, 4), rn(5), tol=1e-5),
    "conv1d_groups": lambda: same("conv1d", rn(2, 4, 9), W1, rn(6), stride=2, padding=1,
                                  dilation=2, groups=2, tol=1e-5),
    "conv1d_same": lambda: same("conv1d", rn(2, 3, 7), rn(2, 3, 4), padding="same", tol=1e-5),
    "conv1d_valid_unbatched": lambda: same("conv1d", rn(3, 7), rn(2, 3, 4), padding="valid",
                                           tol=1e-5),
    "conv2d": lambda: same("conv2d", X4, rn(4, 2, 3, 3), rn(4), stride=(2, 1), padding=(1, 0),
                           tol=1e-5),
    "conv2d_same_dil": lambda: same("conv2d", X4, rn(2, 1, 3, 2), padding="same", dilation=2,
                                    groups=2, tol=1e-5),
    "conv3d": lambda: same("conv3d", X5, rn(2, 2, 2, 2, 2), padding=1, tol=1e-5),
    "conv_transpose1d": lambda: same("conv_transpose1d", rn(2, 4, 5), rn(4, 3, 3), rn(6),
                                     stride=2, padding=1, output_padding=1, groups=2, tol=1e-5),
    "conv_transpose1d_dil": lambda: same("conv_transpose1d", rn(2, 4, 5), rn(4, 3, 3),
                                         dilation=2, tol=1e-5),
    "conv_transpose2d": lambda: same("conv_transpose2d", rn(1, 2, 3, 3), rn(2, 3, 3, 3),
                                     stride=2, padding=(1, 0), tol=1e-5),
    "conv_transpose3d": lambda: same("conv_transpose3d", rn(1, 2, 2, 2, 2), rn(2, 1, 2, 2, 2),
                                     rn(1), stride=2, tol=1e-5),
    "conv_tbc": lambda: same("conv_tbc", rn(7, 2, 3), rn(3, 3, 4), rn(4), 1, tol=1e-5),
    "conv2d_f64": lambda: same("conv2d", X4.double(), rn(3, 2, 2, 2, dtype="float64")),
    "unfold": lambda: same("unfold", rn(1, 2, 5, 5), (2, 3), padding=1, stride=2),
    "unfold_unbatched": lambda: same("unfold", rn(2, 5, 5), 2, dilation=2),
    "fold": lambda: same("fold", rn(1, 12, 10), (4, 5), (2, 3), stride=(2, 1), padding=(0, 1),
                         tol=1e-5),
}


@pytest.mark.parametrize("case", sorted(LIN))
def test_linear_conv(backend, case):
    with unify.using_backend(backend):
        LIN[case]()


def test_linear_conv_errors(backend):
    with unify.using_backend(backend):
        err("linear", X, rn(2, 3))
        err("linear", X, rn(2, 4, dtype="float64"))
        err("bilinear", rn(2, 3), rn(2, 4), rn(5, 3, 3))
        err("conv1d", rn(2, 3, 4), rn(2, 3, 2, dtype="float64"))
        err("conv1d", rn(2, 3, 4), rn(2, 2, 2))
        err("conv1d", rn(2, 3, 4), rn(2, 3, 2), stride=2, padding="same")
        err("conv1d", rn(2, 3, 4), rn(2, 3, 2), padding="foo")
        err("conv1d", rn(2, 3, 4), rn(2, 3, 9))
        err("conv1d", X4, rn(2, 2, 2))
        err("unfold", rn(1, 1, 2, 2, 2), 2)
        err("fold", rn(1, 4, 3), (3, 3), 2)


# ---------------------------------------------------------------- pooling

P1 = rn(2, 3, 8)
POOL = {
    "max_pool1d": lambda: same("max_pool1d", P1, 3, 2, 1),
    "max_pool1d_ceil_dil": lambda: same("max_pool1d", P1, 2, stride=3, dilation=2,
                                        ceil_mode=True, return_indices=True),
    "max_pool2d": lambda: same("max_pool2d", X4, (3, 2), 2, 1, ceil_mode=True,
                               return_indices=True),
    "max_pool2d_unbatched": lambda: same("max_pool2d", X4[0], 2),
    "max_pool3d": lambda: same("max_pool3d", X5, 2, return_indices=True),
    "max_pool2d_with_indices": lambda: same("max_pool2d_with_indices", X4, 3, 2),
    "avg_pool1d": lambda: same("avg_pool1d", P1, 3, 2, 1, ceil_mode=True,
                               count_include_pad=False),
    "avg_pool2d": lambda: same("avg_pool2d", X4, 3, 2, 1),
    "avg_pool2d_divisor": lambda: same("avg_pool2d", X4, (2, 3), divisor_override=3),
    "avg_pool3d": lambda: same("avg_pool3d", X5, 3, 2, 1, count_include_pad=False),
    "lp_pool1d": lambda: same("lp_pool1d", P1, 2, 3, 2),
    "lp_pool2d": lambda: same("lp_pool2d", X4, 3.0, (2, 2), ceil_mode=True),
    "lp_pool3d": lambda: same("lp_pool3d", X5.abs(), 1, 2),
    "adaptive_avg_pool1d": lambda: same("adaptive_avg_pool1d", P1, 3),
    "adaptive_avg_pool2d": lambda: same("adaptive_avg_pool2d", X4, (4, None)),
    "adaptive_avg_pool3d": lambda: same("adaptive_avg_pool3d", X5, (3, 2, 1)),
    "adaptive_max_pool1d": lambda: same("adaptive_max_pool1d", P1, 3, return_indices=True),
    "adaptive_max_pool2d": lambda: same("adaptive_max_pool2d", X4, (4, 5), return_indices=True),
    "adaptive_max_pool2d_plain": lambda: same("adaptive_max_pool2d", X4[0], 4),
    "adaptive_max_pool3d": lambda: same("adaptive_max_pool3d", X5, 3, True),
}


@pytest.mark.parametrize("case", sorted(POOL))
def test_pooling(backend, case):
    with unify.using_backend(backend):
        POOL[case]()


def test_max_unpool(backend):
    with unify.using_backend(backend):
        for name, x, k in (("1d", P1, 2), ("2d", X4, 2), ("3d", X5, 2)):
            v, i = getattr(RF, "max_pool" + name)(x, k, return_indices=True)
            same("max_unpool" + name, v, i, k)
        v, i = RF.max_pool1d(P1, 3, 2, return_indices=True)
        same("max_unpool1d", v, i, 3, 2, output_size=[8])
        same("max_unpool1d", v, i, 3, 2, output_size=real.Size([2, 3, 8]))
        for o in (5, 9, 20):
            err("max_unpool1d", v, i, 3, 2, output_size=[o])


def test_fractional_max_pool(backend):
    with unify.using_backend(backend):
        x = rn(2, 3, 9, 11)
        smp = rn(2, 3, 2, low=0, high=1)
        same("fractional_max_pool2d", x, (2, 3), output_size=(4, 5), _random_samples=smp)
        same("fractional_max_pool2d", x, 2, output_size=(8, 1), return_indices=True,
             _random_samples=smp)
        same("fractional_max_pool2d_with_indices", x[0], 3, output_ratio=(0.5, 0.7),
             _random_samples=smp[:1])
        same("fractional_max_pool3d", X5, (2, 1, 2), output_size=2, return_indices=True,
             _random_samples=rn(1, 2, 3, low=0, high=1))
        y, i = F.fractional_max_pool2d(ours(x), 2, output_ratio=0.5, return_indices=True)
        assert y.shape == (2, 3, 4, 5) and i.dtype is ft.int64
        check(y, x.flatten(2).gather(2, real.tensor(i.numpy()).flatten(2)).view(2, 3, 4, 5))
        err("fractional_max_pool2d", x, (2, 3), output_size=(4, 10), _random_samples=smp)
        err("fractional_max_pool3d", X5, 2, output_size=3, _random_samples=rn(1, 2, 3))
        err("fractional_max_pool2d", x, 2, _random_samples=smp)


def test_pooling_errors(backend):
    with unify.using_backend(backend):
        err("max_pool1d", P1, 2, padding=2)
        err("max_pool1d", X4, 2)
        err("max_pool2d", P1[0, 0], 2)
        err("avg_pool1d", X4, 2)
        err("lp_pool1d", X4, 2, 2)
        err("max_pool1d", rn(0, 10), 2)
        same("max_pool1d", rn(0, 2, 10), 2)
        err("adaptive_avg_pool2d", rn(2, 2), (1, 1))
        err("adaptive_max_pool3d", rn(2, 2, 2), (None, 1, 1))
        err("adaptive_max_pool2d", rn(2, 2), 1)


# ---------------------------------------------------------------- normalization

NORM = {
    "batch_norm_eval": lambda: same("batch_norm", X, rn(3), rn(3).abs() + 0.5, rn(3), rn(3)),
    "batch_norm_train": lambda: same("batch_norm", X4, None, None, training=True),
    "instance_norm": lambda: same("instance_norm", X4, weight=rn(2), bias=rn(2)),
    "instance_norm_stats": lambda: same("instance_norm", X, rn(3), rn(3).abs(),
                                        use_input_stats=False),
    "layer_norm": lambda: same("layer_norm", X, (3, 4), rn(3, 4), rn(3, 4), eps=1e-3),
    "layer_norm_int_shape": lambda: same("layer_norm", X64, [4]),
    "group_norm": lambda: same("group_norm", rn(2, 4, 3), 2, rn(4), rn(4)),
    "group_norm_4d": lambda: same("group_norm", X4, 1),
    "rms_norm": lambda: same("rms_norm", X, [4], rn(4)),
    "rms_norm_eps": lambda: same("rms_norm", X, (3, 4), eps=1e-3),
    "local_response_norm": lambda: same("local_response_norm", rn(2, 5, 4), 3, alpha=0.1),
    "local_response_norm_4d": lambda: same("local_response_norm", rn(1, 4, 3, 3), 2, 0.2, 0.5,
                                           2.0),
}


@pytest.mark.parametrize("case", sorted(NORM))
def test_normalization(backend, case):
    with unify.using_backend(backend):
        NORM[case]()


@pytest.mark.parametrize("fn", ["batch_norm", "instance_norm"])
def test_running_stats_update(backend, fn):
    with unify.using_backend(backend):
        x = X4 if fn == "batch_norm" else rn(2, 2, 5)
        rm, rv = rn(2), rn(2).abs() + 1
        mrm, mrv = ours(rm), ours(rv)
        if fn == "batch_norm":
            e = RF.batch_norm(x, rm, rv, rn(2), None, True, 0.3)
            g = F.batch_norm(ours(x), mrm, mrv, ours(rn(2)), None, True, 0.3)
        else:
            e = RF.instance_norm(x, rm, rv, momentum=0.3)
            g = F.instance_norm(ours(x), mrm, mrv, momentum=0.3)
        check(g, e)
        check(mrm, rm)
        check(mrv, rv)


def test_normalization_errors(backend):
    with unify.using_backend(backend):
        err("batch_norm", rn(1, 3), real.zeros(3), real.ones(3), training=True)
        err("batch_norm", X, real.zeros(4), real.ones(4))
        err("instance_norm", rn(2, 3, 1))
        err("group_norm", X, 2)
        err("layer_norm", X, (3,))
        err("local_response_norm", X[0], 2)
        err("rms_norm", X, [])
        same("batch_norm", real.zeros(0), real.zeros(0), real.zeros(0), training=True)


# ---------------------------------------------------------------- dropout

def _drop_stats(name, p, shape, **kw):
    x = ours(np.ones(shape, dtype=np.float32) * 2)
    y = getattr(F, name)(x, p, True, **kw)
    assert y.shape == x.shape and y.dtype is ft.float32
    return y.numpy()


def test_dropout_train(backend):
    with unify.using_backend(backend):
        y = _drop_stats("dropout", 0.3, (4000,))
        assert set(np.unique(y)) <= {0.0, np.float32(2 / 0.7)}
        assert abs((y == 0).mean() - 0.3) < 0.04
        for name, shape in (("dropout1d", (40, 50, 3)), ("dropout2d", (40, 50, 2, 2)),
                            ("dropout3d", (40, 50, 1, 2, 2))):
            y = _drop_stats(name, 0.4, shape)
            ch = y.reshape(40, 50, -1)
            assert (ch == ch[..., :1]).all()  # whole channels kept or dropped
            assert abs((ch[..., 0] == 0).mean() - 0.4) < 0.06
            assert set(np.unique(y)) <= {0.0, np.float32(2 / 0.6)}


@pytest.mark.parametrize("name", ["alpha_dropout", "feature_alpha_dropout"])
def test_alpha_dropout_train(backend, name):
    with unify.using_backend(backend):
        x = rn(30, 40, 4)
        p = 0.25
        exp = getattr(RF, name)(x, p, True).numpy()
        got = getattr(F, name)(ours(x), p, True).numpy()
        xn = x.numpy()

        def affine(out):  # the dropped value and the (a, b) of kept = a * x + b
            vals, counts = np.unique(np.round(out, 5), return_counts=True)
            dropped = vals[counts.argmax()]
            kept = ~np.isclose(out, dropped, atol=1e-5)
            a, b = np.polyfit(xn[kept], out[kept], 1)
            return dropped, a, b, 1 - kept.mean()

        de, ae, be, fe = affine(exp)
        dg, ag, bg, fg = affine(got)
        np.testing.assert_allclose([dg, ag, bg], [de, ae, be], rtol=1e-4, atol=1e-4)
        assert abs(fg - p) < 0.05 and abs(fe - p) < 0.05
        if name == "feature_alpha_dropout":
            g = got.reshape(30, 40, 4)
            drop = np.isclose(g, dg, atol=1e-5)
            assert (drop == drop[..., :1]).all()


def test_dropout_eval_and_errors(backend):
    with unify.using_backend(backend):
        mx = ours(X)
        for name in ("dropout", "dropout1d", "dropout2d", "alpha_dropout",
                     "feature_alpha_dropout"):
            assert getattr(F, name)(mx, 0.5, False) is mx
        assert F.dropout3d(ours(X5), 0.5, False) is not None
        check(F.dropout(mx, 0.0), X)
        check(F.dropout(mx, 1.0), X * 0)
        err("dropout", X, 1.5)
        err("alpha_dropout", X, -0.1)
        err("dropout1d", X4)
        m = ours(real.ones(100))
        r = F.dropout(m, 0.5, True, inplace=True)
        assert r is m and (m.numpy() == 0).any()


# ---------------------------------------------------------------- lookup

EMB = rn(6, 3)
IDX = ri(6, 2, 4)
LOOKUP = {
    "embedding": lambda: same("embedding", IDX, EMB),
    "embedding_pad": lambda: same("embedding", IDX, EMB, padding_idx=-2),
    "embedding_int32": lambda: same("embedding", IDX.int(), EMB),
    "bag_2d_mean": lambda: same("embedding_bag", IDX, EMB),
    "bag_sum_offsets": lambda: same("embedding_bag", IDX.reshape(-1), EMB,
                                    real.tensor([0, 3, 3, 5]), mode="sum"),
    "bag_max_last": lambda: same("embedding_bag", IDX.reshape(-1), EMB,
                                 real.tensor([0, 2, 2, 8]), mode="max", include_last_offset=True),
    "bag_psw": lambda: same("embedding_bag", IDX, EMB, mode="sum",
                            per_sample_weights=rn(2, 4)),
    "bag_pad_mean": lambda: same("embedding_bag", IDX.reshape(-1), EMB, real.tensor([0, 4]),
                                 padding_idx=int(IDX[0, 0])),
    "one_hot": lambda: same("one_hot", IDX),
    "one_hot_n": lambda: same("one_hot", IDX, 9),
}


@pytest.mark.parametrize("case", sorted(LOOKUP))
def test_lookup(backend, case):
    with unify.using_backend(backend):
        LOOKUP[case]()


def test_embedding_max_norm(backend):
    with unify.using_backend(backend):
        w = rn(6, 3, scale=2)
        mw = ours(w)
        idx = real.tensor([[0, 2], [2, 5]])
        e = RF.embedding(idx, w, max_norm=1.0)
        g = F.embedding(ours(idx), mw, max_norm=1.0)
        check(g, e)
        check(mw, w)  # the referenced rows were renormalized in place
        w2 = rn(6, 3, scale=2, seed=1)
        mw2 = ours(w2)
        check(F.embedding_bag(ours(idx), mw2, max_norm=1.5, norm_type=1.0),
              RF.embedding_bag(idx, w2, max_norm=1.5, norm_type=1.0))
        check(mw2, w2)


def test_lookup_errors(backend):
    with unify.using_backend(backend):
        err("embedding", real.tensor([6]), EMB)
        err("embedding", real.tensor([1]), EMB, padding_idx=7)
        err("embedding", real.tensor([1.0]), EMB)
        err("embedding", real.tensor([0]), real.ones(3))
        err("embedding_bag", IDX, EMB, real.tensor([0]))
        err("embedding_bag", IDX.reshape(-1), EMB)
        err("embedding_bag", IDX, EMB, per_sample_weights=rn(2, 4))
        err("embedding_bag", IDX, EMB, mode="foo")
        err("embedding_bag", IDX[None], EMB)
        err("one_hot", real.tensor([-1]))
        err("one_hot", real.tensor([3]), 2)
        err("one_hot", real.tensor([1], dtype=real.int32), 2)
        err("one_hot", real.zeros(0, dtype=real.int64))


# ---------------------------------------------------------------- padding

PAD = {
    "constant": lambda: same("pad", X, (1, 2), value=3.5),
    "constant_neg": lambda: same("pad", X, (-1, 2, 0, 1, 1, 0)),
    "constant_int": lambda: same("pad", IDX, (1, 1), value=7),
    "reflect_1d": lambda: same("pad", X, (3, 2), mode="reflect"),
    "reflect_2d": lambda: same("pad", X4, (1, 2, 2, 0), mode="reflect"),
    "reflect_3d": lambda: same("pad", X5, (1, 0, 0, 1, 2, 1), mode="reflect"),
    "replicate": lambda: same("pad", X4, (2, 1, 0, 3), mode="replicate"),
    "replicate_neg": lambda: same("pad", X, (-1, 2), mode="replicate"),
    "circular": lambda: same("pad", X4[0], (2, 1, 1, 3), mode="circular"),
    "circular_neg": lambda: same("pad", X, (-1, 2), mode="circular"),
    "replicate_past_crop": lambda: same("pad", X, (-4, 5), mode="replicate"),
    "reflect_neg": lambda: same("pad", X4, (-3, 2, -2, 3), mode="reflect"),
}


@pytest.mark.parametrize("case", sorted(PAD))
def test_pad(backend, case):
    with unify.using_backend(backend):
        PAD[case]()


def test_pad_errors(backend):
    with unify.using_backend(backend):
        err("pad", X, (1, 1), mode="foo")
        err("pad", X, (4, 4), mode="reflect")
        err("pad", X, (1, 1, 1))
        err("pad", X, (1,) * 8)
        err("pad", X, (1, 1), mode="reflect", value=1.0)
        err("pad", X[0, 0], (1, 1), mode="reflect")
        err("pad", X, (1, 1, 1, 1, 1, 1), mode="reflect")
        err("pad", X, (5, 5), mode="circular")


# ---------------------------------------------------------------- interpolation

I3, I4 = rn(1, 2, 5), rn(1, 2, 4, 5)
INTERP = {
    "nearest_1d": lambda: same("interpolate", I3, scale_factor=2.5),
    "nearest_2d": lambda: same("interpolate", I4, size=(7, 3)),
    "nearest_exact": lambda: same("interpolate", I4, size=(3, 8), mode="nearest-exact"),
    "nearest_3d": lambda: same("interpolate", X5, scale_factor=(1.5, 0.5, 2)),
    "linear": lambda: same("interpolate", I3, size=8, mode="linear"),
    "linear_ac": lambda: same("interpolate", I3, size=3, mode="linear", align_corners=True),
    "bilinear": lambda: same("interpolate", I4, size=(6, 3), mode="bilinear"),
    "bilinear_sf": lambda: same("interpolate", I4, scale_factor=1.7, mode="bilinear"),
    "bilinear_recompute": lambda: same("interpolate", I4, scale_factor=1.7, mode="bilinear",
                                       recompute_scale_factor=True),
    "bicubic": lambda: same("interpolate", I4, size=(7, 3), mode="bicubic", tol=1e-5),
    "bicubic_ac": lambda: same("interpolate", I4, scale_factor=2, mode="bicubic",
                               align_corners=True, tol=1e-5),
    "trilinear": lambda: same("interpolate", X5, size=(3, 5, 2), mode="trilinear",
                              align_corners=True, tol=1e-5),
    "area": lambda: same("interpolate", I4, size=(3, 2), mode="area"),
    "area_sf": lambda: same("interpolate", I4, scale_factor=0.6, mode="area"),
    "upsample": lambda: same("upsample", I4, scale_factor=2, mode="bilinear"),
    "upsample_nearest": lambda: same("upsample_nearest", I4, size=5),
    "upsample_bilinear": lambda: same("upsample_bilinear", I4, scale_factor=2),
    "bilinear_antialias": lambda: same("interpolate", I4, size=(3, 2), mode="bilinear",
                                       antialias=True),
    "bicubic_antialias": lambda: same("interpolate", I4, scale_factor=(0.6, 1.5), mode="bicubic",
                                      antialias=True, align_corners=True, tol=1e-5),
    "bilinear_f64": lambda: same("interpolate", I4.double(), size=(5, 7), mode="bilinear"),
}


@pytest.mark.parametrize("case", sorted(INTERP))
def test_interpolate(backend, case):
    with unify.using_backend(backend):
        INTERP[case]()


def test_integer_inputs(backend):
    with unify.using_backend(backend):
        u8 = real.tensor(np.random.default_rng(5).integers(0, 256, (1, 2, 4, 5)), dtype=real.uint8)
        same("interpolate", u8, scale_factor=2)
        same("interpolate", u8, size=(7, 3), mode="bicubic")
        got, exp = (F.interpolate(ours(u8), size=(9, 13), mode="bilinear"),
                    RF.interpolate(u8, size=(9, 13), mode="bilinear"))
        assert got.dtype is ft.uint8  # torch's fixed-point uint8 kernel: within 1
        np.testing.assert_allclose(got.numpy().astype(int), exp.numpy().astype(int), atol=1)
        same("max_pool2d", u8, 2, return_indices=True)
        same("avg_pool2d", u8.long() - 128, 3, 1, 1)
        same("avg_pool2d", u8.long() - 128, 2, ceil_mode=True, divisor_override=3)
        same("pad", u8, (1, 2), value=7)
        same("pad", u8 > 100, (1, 2), value=1)
        err("pad", u8, (1, 2), value=300)
        err("interpolate", u8.long(), size=(3, 4), mode="bilinear")
        err("interpolate", u8.long(), size=(3, 4), mode="area")
        err("adaptive_avg_pool2d", u8.long(), 2)
        err("adaptive_max_pool2d", u8.long(), 2)
        err("relu", u8 > 100)
        same("layer_norm", u8.half(), (5,), tol=1e-3)
        same("softmax", u8.half(), -1, tol=1e-3)


def test_integer_and_complex_dtypes(backend):
    with unify.using_backend(backend):
        a, b = ri(9, 2, 3), ri(9, 2, 3, seed=1)
        same("margin_ranking_loss", a[0], b[0], real.tensor([1, -1, 1]))
        same("cosine_embedding_loss", a, b, real.tensor([1, -1]))
        same("poisson_nll_loss", a, b)
        same("pairwise_distance", a, b)
        same("triplet_margin_loss", a, b, a)
        same("local_response_norm", a[None], 2)
        for name, args in (("cosine_similarity", (a, b)), ("soft_margin_loss", (a, b)),
                           ("kl_div", (a, b)), ("smooth_l1_loss", (a, b)), ("mse_loss", (a, b)),
                           ("pdist", (a,)), ("normalize", (a,)), ("multi_margin_loss",
                           (a, real.tensor([0, 1]))), ("multilabel_soft_margin_loss", (a, b))):
            err(name, *args)
        z = real.complex(rn(3, 4), rn(3, 4, seed=1))
        same("normalize", z, dim=1)
        same("pairwise_distance", z, real.complex(rn(3, 4, seed=2), rn(3, 4, seed=3)))


def test_interpolate_errors(backend):
    with unify.using_backend(backend):
        err("interpolate", I3, size=3, scale_factor=2)
        err("interpolate", I3)
        err("interpolate", I3, size=3, align_corners=True)
        err("interpolate", I3, size=3, mode="bilinear")
        err("interpolate", I3, size=3, mode="foo")
        err("interpolate", I3, size=(3, 3))
        err("interpolate", I3, scale_factor=(2.0, 2.0))
        err("interpolate", I4, size=3, mode="linear")
        err("interpolate", I3, size=3, recompute_scale_factor=True)
        err("interpolate", I3[0], size=3)
        err("interpolate", I3, size=3, mode="linear", antialias=True)


@pytest.mark.parametrize("mode", ["bilinear", "nearest", "bicubic"])
@pytest.mark.parametrize("padding_mode", ["zeros", "border", "reflection"])
def test_grid_sample_2d(backend, mode, padding_mode):
    with unify.using_backend(backend):
        grid = rn(1, 3, 4, 2, low=-1.3, high=1.3)
        for ac in (False, True):
            same("grid_sample", I4, grid, mode=mode, padding_mode=padding_mode, align_corners=ac,
                 tol=1e-5)


def test_grid_sample_3d_and_affine_grid(backend):
    with unify.using_backend(backend):
        grid = rn(1, 2, 3, 2, 3, low=-1.2, high=1.2)
        same("grid_sample", X5, grid, align_corners=True, tol=1e-5)
        same("grid_sample", X5, grid, mode="nearest", padding_mode="border")
        same("grid_sample", X5, grid, padding_mode="reflection", tol=1e-5)
        th2 = rn(2, 2, 3)
        th3 = rn(1, 3, 4)
        for ac in (False, True):
            same("affine_grid", th2, (2, 3, 4, 5), align_corners=ac)
            same("affine_grid", th3, [1, 1, 2, 3, 4], align_corners=ac)
        err("affine_grid", rn(1, 3, 3), (1, 1, 2, 2))
        err("grid_sample", X4, rn(1, 2, 2, 2), mode="foo")
        err("grid_sample", X4, rn(1, 2, 2, 2), padding_mode="foo")


def test_shuffles(backend):
    with unify.using_backend(backend):
        same("pixel_shuffle", rn(1, 8, 2, 3), 2)
        same("pixel_shuffle", rn(9, 2, 2), 3)
        same("pixel_unshuffle", rn(1, 2, 4, 6), 2)
        same("channel_shuffle", rn(1, 6, 2, 2), 3)
        same("native_channel_shuffle", rn(2, 4, 3), 2)
        err("pixel_shuffle", X4, 3)
        err("pixel_unshuffle", X4, 4)
        err("channel_shuffle", X4, 3)
        err("channel_shuffle", rn(2, 4), 2)


# ---------------------------------------------------------------- losses

LOGITS, CLS = rn(4, 5), ri(5, 4)
LOGITS_K, CLS_K = rn(2, 3, 4), ri(3, 2, 4)
PROB = rn(3, 4, low=0.02, high=0.98)
PROB_T = rn(3, 4, low=0.0, high=1.0, seed=3)
SIGN = real.tensor([1.0, -1.0, 1.0, -1.0])
LOSSES = {
    "l1_loss": lambda r: same("l1_loss", X, rn(2, 3, 4, seed=1), reduction=r),
    "l1_loss_weight": lambda r: same("l1_loss", X, X64.float(), reduction=r, weight=X.abs()),
    "mse_loss": lambda r: same("mse_loss", X, rn(2, 3, 4, seed=1), reduction=r),
    "mse_loss_bcast": lambda r: same("mse_loss", rn(3, 1), rn(3), reduction=r),
    "mse_loss_weight": lambda r: same("mse_loss", X, X64.float(), reduction=r, weight=X.abs()),
    "smooth_l1_loss": lambda r: same("smooth_l1_loss", X, rn(2, 3, 4, seed=1), reduction=r,
                                     beta=0.5),
    "smooth_l1_loss_b0": lambda r: same("smooth_l1_loss", X, X * 0, reduction=r, beta=0.0),
    "huber_loss": lambda r: same("huber_loss", X, rn(2, 3, 4, seed=1), reduction=r, delta=0.7),
    "huber_loss_weight": lambda r: same("huber_loss", X, X * 0, reduction=r, weight=X.abs()),
    "bce": lambda r: same("binary_cross_entropy", PROB, PROB_T, reduction=r),
    "bce_weight": lambda r: same("binary_cross_entropy", PROB, PROB_T, rn(4).abs(),
                                 reduction=r),
    "bce_logits": lambda r: same("binary_cross_entropy_with_logits", LOGITS, rn(4, 5, low=0,
                                 high=1), reduction=r),
    "bce_logits_pw": lambda r: same("binary_cross_entropy_with_logits", LOGITS * 20,
                                    rn(4, 5, low=0, high=1), rn(5).abs(), reduction=r,
                                    pos_weight=rn(5).abs()),
    "cross_entropy": lambda r: same("cross_entropy", LOGITS, CLS, reduction=r),
    "cross_entropy_weight_ignore": lambda r: same(
        "cross_entropy", LOGITS, real.tensor([1, -100, 4, 0]), rn(5).abs(), reduction=r),
    "cross_entropy_smooth": lambda r: same("cross_entropy", LOGITS, real.tensor([1, 3, 3, 0]),
                                           ignore_index=3, reduction=r, label_smoothing=0.2),
    "cross_entropy_smooth_w": lambda r: same("cross_entropy", LOGITS_K, CLS_K, rn(3).abs(),
                                             ignore_index=1, reduction=r, label_smoothing=0.3),
    "cross_entropy_kdim": lambda r: same("cross_entropy", LOGITS_K, CLS_K, reduction=r),
    "cross_entropy_unbatched": lambda r: same("cross_entropy", rn(5), real.tensor(2),
                                              reduction=r),
    "cross_entropy_probs": lambda r: same("cross_entropy", LOGITS, RF.softmax(rn(4, 5, seed=2),
                                          1), rn(5).abs(), reduction=r, label_smoothing=0.1),
    "cross_entropy_probs_k": lambda r: same("cross_entropy", LOGITS_K, RF.softmax(
        rn(2, 3, 4, seed=2), 1), reduction=r),
    "nll_loss": lambda r: same("nll_loss", LOGITS, CLS, reduction=r),
    "nll_loss_weight_kdim": lambda r: same("nll_loss", LOGITS_K, CLS_K, rn(3).abs(),
                                           ignore_index=2, reduction=r),
    "kl_div": lambda r: same("kl_div", RF.log_softmax(LOGITS, 1), RF.softmax(rn(4, 5, seed=1),
                             1), reduction=r),
    "kl_div_log_target": lambda r: same("kl_div", RF.log_softmax(LOGITS, 1),
                                        RF.log_softmax(rn(4, 5, seed=1), 1), reduction=r,
                                        log_target=True),
    "poisson_nll": lambda r: same("poisson_nll_loss", X, X.abs() * 3, reduction=r),
    "poisson_nll_full": lambda r: same("poisson_nll_loss", X.abs(), (X * 3).abs().round(),
                                       log_input=False, full=True, reduction=r),
    "gaussian_nll": lambda r: same("gaussian_nll_loss", X, rn(2, 3, 4, seed=1), X.abs(),
                                   reduction=r),
    "gaussian_nll_hetero": lambda r: same("gaussian_nll_loss", X, rn(2, 3, 4, seed=1),
                                          rn(2, 3).abs(), full=True, reduction=r),
    "gaussian_nll_float_var": lambda r: same("gaussian_nll_loss", X, rn(2, 3, 4, seed=1), 0.3,
                                             reduction=r),
    "cosine_embedding": lambda r: same("cosine_embedding_loss", LOGITS, rn(4, 5, seed=1), SIGN,
                                       margin=0.2, reduction=r),
    "margin_ranking": lambda r: same("margin_ranking_loss", rn(4), rn(4, seed=1), SIGN,
                                     margin=0.1, reduction=r),
    "hinge_embedding": lambda r: same("hinge_embedding_loss", rn(4), SIGN, margin=0.5,
                                      reduction=r),
    "soft_margin": lambda r: same("soft_margin_loss", rn(4), SIGN, reduction=r),
    "multilabel_soft_margin": lambda r: same("multilabel_soft_margin_loss", LOGITS,
                                             (rn(4, 5) > 0).float(), rn(5).abs(),
                                             reduction=r),
    "multilabel_margin": lambda r: same("multilabel_margin_loss", LOGITS, real.tensor(
        [[3, 0, -1, 1, 2], [1, 1, 4, 2, 0], [-1, 2, 3, 0, 0], [4, 2, -1, 0, 0]]), reduction=r),
    "multilabel_margin_1d": lambda r: same("multilabel_margin_loss", rn(4), real.tensor(
        [3, 0, -1, 1]), reduction=r),
    "multi_margin": lambda r: same("multi_margin_loss", LOGITS, CLS, reduction=r),
    "multi_margin_p2_w": lambda r: same("multi_margin_loss", LOGITS, CLS, p=2, margin=0.5,
                                        weight=rn(5).abs(), reduction=r),
    "triplet_margin": lambda r: same("triplet_margin_loss", LOGITS, rn(4, 5, seed=1),
                                     rn(4, 5, seed=2), reduction=r),
    "triplet_margin_swap_p1": lambda r: same("triplet_margin_loss", LOGITS, rn(4, 5, seed=1),
                                             rn(4, 5, seed=2), margin=2.0, p=1, swap=True,
                                             reduction=r),
    "triplet_margin_distance": lambda r: same("triplet_margin_with_distance_loss", LOGITS,
                                              rn(4, 5, seed=1), rn(4, 5, seed=2), swap=True,
                                              reduction=r),
}


@pytest.mark.parametrize("reduction", ["none", "mean", "sum"])
@pytest.mark.parametrize("case", sorted(LOSSES))
def test_losses(backend, case, reduction):
    with unify.using_backend(backend):
        LOSSES[case](reduction)


def test_loss_extras(backend):
    with unify.using_backend(backend):
        same("kl_div", RF.log_softmax(LOGITS, 1), RF.softmax(rn(4, 5, seed=1), 1),
             reduction="batchmean")
        same("mse_loss", X, rn(2, 3, 4, seed=1), size_average=False)
        same("l1_loss", X, rn(2, 3, 4, seed=1), reduce=False)
        same("nll_loss", LOGITS, CLS, size_average=True, reduce=True)
        same("mse_loss", X64, X)  # promotion
        same("l1_loss", rn(3), real.tensor([1, 2, 3]))
        same("cross_entropy", LOGITS.double(), CLS)
        same("linear_cross_entropy", X[0], rn(5, 4), real.tensor([1, 4, 0]), linear_bias=rn(5),
             weight=rn(5).abs(), label_smoothing=0.1, tol=1e-5)
        same("linear_cross_entropy", X[0], rn(5, 4), real.tensor([1, 4, 0]), ignore_index=4,
             reduction="none", tol=1e-5)
        # a distance function written against the frontend
        a, p, n = LOGITS, rn(4, 5, seed=1), rn(4, 5, seed=2)
        e = RF.triplet_margin_with_distance_loss(
            a, p, n, distance_function=lambda u, v: 1 - RF.cosine_similarity(u, v), margin=0.5)
        g = F.triplet_margin_with_distance_loss(
            ours(a), ours(p), ours(n), distance_function=lambda u, v: 1 - F.cosine_similarity(u, v),
            margin=0.5)
        check(g, e)


def test_loss_errors(backend):
    with unify.using_backend(backend):
        for name, args in (("l1_loss", (X, X)), ("mse_loss", (X, X)), ("huber_loss", (X, X)),
                           ("kl_div", (X, X)), ("poisson_nll_loss", (X, X)),
                           ("cross_entropy", (LOGITS, CLS)), ("nll_loss", (LOGITS, CLS)),
                           ("gaussian_nll_loss", (X, X, X.abs())),
                           ("multilabel_soft_margin_loss", (LOGITS, LOGITS)),
                           ("triplet_margin_with_distance_loss", (X, X, X))):
            err(name, *args, reduction="foo")
        err("nll_loss", LOGITS, ri(5, 3))
        err("nll_loss", LOGITS, real.tensor([0, 5, 1, 1]))
        err("nll_loss", LOGITS, real.tensor([0, -3, 1, 1]))
        err("cross_entropy", LOGITS, real.tensor([0, 5, 1, 1]))
        err("nll_loss", LOGITS_K, ri(3, 2, 5))
        err("nll_loss", LOGITS, CLS.float())
        err("nll_loss", LOGITS, CLS.int())
        err("nll_loss", LOGITS, CLS, real.ones(4))
        err("nll_loss", real.tensor(1.0), real.tensor(0))
        err("cross_entropy", LOGITS, CLS, label_smoothing=1.5)
        err("cross_entropy", LOGITS_K, rn(2, 3, 5))
        err("binary_cross_entropy", rn(3, low=0, high=1), rn(2, low=0, high=1))
        err("binary_cross_entropy", rn(3, low=1.1, high=2), rn(3, low=0, high=1))
        err("binary_cross_entropy_with_logits", rn(3), rn(2))
        err("gaussian_nll_loss", X, X, -X.abs() - 1)
        err("gaussian_nll_loss", X, X, real.ones(5))
        err("multi_margin_loss", LOGITS, CLS, p=3)
        err("multi_margin_loss", LOGITS, CLS, weight=real.ones(5, 1))
        err("triplet_margin_loss", X, X[0], X)
        err("triplet_margin_with_distance_loss", X, X, X, margin=-1)
        err("margin_ranking_loss", X, X[0], X)
        err("smooth_l1_loss", X, X, beta=-1.0)
        err("huber_loss", X, X, delta=0.0)
        err("l1_loss", rn(1), rn(3), weight=real.ones(3))
        err("multi_margin_loss", LOGITS, CLS.float())
        err("multi_margin_loss", rn(5, 0), real.zeros(5, dtype=real.int64))
        err("triplet_margin_loss", X, X, X, margin=-1.0)
        err("cross_entropy", LOGITS, RF.softmax(LOGITS, 1), ignore_index=2)
        err("linear_cross_entropy", rn(3), rn(2, 4, 3), real.tensor([0, 1, 1, 0]))
        same("multilabel_margin_loss", real.tensor(0.3), real.tensor(0), reduction="none")
        same("multi_margin_loss", real.tensor(0.5), real.tensor(0), reduction="none")
        same("linear_cross_entropy", rn(4, 3), rn(2, 3, 3), ri(2, 4, 3), tol=1e-5)


@pytest.mark.parametrize("reduction", ["none", "mean", "sum"])
def test_ctc_loss(backend, reduction):
    with unify.using_backend(backend):
        lp = RF.log_softmax(rn(6, 3, 4), 2)
        tg = real.tensor([[1, 2, 2], [3, 1, 0], [2, 0, 0]])
        il, tl = real.tensor([6, 5, 4]), real.tensor([3, 2, 1])
        same("ctc_loss", lp, tg, il, tl, reduction=reduction, tol=1e-5)
        flat = real.tensor([1, 2, 2, 3, 1, 2])
        same("ctc_loss", lp, flat, (6, 5, 4), (3, 2, 1), reduction=reduction, tol=1e-5)
        # an impossible alignment (target longer than the input) and an empty target
        tg2 = real.tensor([[1, 1, 1], [2, 0, 0], [1, 2, 3]])
        for zi in (False, True):
            same("ctc_loss", lp, tg2, real.tensor([6, 3, 2]), real.tensor([3, 0, 3]),
                 blank=0, reduction=reduction, zero_infinity=zi, tol=1e-5)
        same("ctc_loss", lp[:, 0], tg[0], (6,), (3,), blank=3, reduction=reduction, tol=1e-5)


# ---------------------------------------------------------------- distances and attention

def test_distances(backend):
    with unify.using_backend(backend):
        a, b = rn(4, 5), rn(4, 5, seed=1)
        same("cosine_similarity", a, b)
        same("cosine_similarity", X, rn(3, 1), dim=-1)
        same("cosine_similarity", rn(5), rn(5, seed=1), dim=0)
        same("cosine_similarity", real.tensor(2.0), real.tensor(-3.0), dim=0)
        same("normalize", real.tensor(-2.0), dim=0)
        for p in (2.0, 1.0, math.inf, 3.0):
            same("pairwise_distance", a, b, p=p)
        same("pairwise_distance", a, b[0], keepdim=True, eps=0.1)
        for p in (2, 1, 0.5, math.inf):
            same("pdist", a, p=p)
        same("pdist", X64[0])
        err("pdist", X)
        err("cosine_similarity", X, X[:, :2])


Q, K, V = rn(2, 3, 4, 8), rn(2, 3, 6, 8, seed=1), rn(2, 3, 6, 5, seed=2)
SDPA = {
    "plain": lambda: same("scaled_dot_product_attention", Q, K, V, tol=1e-5),
    "bool_mask": lambda: same("scaled_dot_product_attention", Q, K, V,
                              attn_mask=rn(4, 6, seed=3) > -0.5, tol=1e-5),
    "float_mask": lambda: same("scaled_dot_product_attention", Q, K, V,
                               attn_mask=rn(2, 1, 4, 6, seed=3), tol=1e-5),
    "causal_scale": lambda: same("scaled_dot_product_attention", Q, K, V, is_causal=True,
                                 scale=0.3, tol=1e-5),
    "gqa": lambda: same("scaled_dot_product_attention", rn(1, 4, 3, 8), rn(1, 2, 5, 8),
                        rn(1, 2, 5, 8, seed=4), enable_gqa=True, tol=1e-5),
    "3d_f64": lambda: same("scaled_dot_product_attention", rn(2, 4, 8, dtype="float64"),
                           rn(2, 6, 8, dtype="float64"), rn(2, 6, 5, dtype="float64")),
}


@pytest.mark.parametrize("case", sorted(SDPA))
def test_sdpa(backend, case):
    with unify.using_backend(backend):
        SDPA[case]()


def test_sdpa_dropout_and_errors(backend):
    with unify.using_backend(backend):
        out = F.scaled_dot_product_attention(ours(Q), ours(K), ours(V), dropout_p=0.5)
        assert out.shape == (2, 3, 4, 5) and out.dtype is ft.float32
        err("scaled_dot_product_attention", Q, K, V, attn_mask=real.ones(4, 6, dtype=real.bool),
            is_causal=True)
        err("scaled_dot_product_attention", Q, K[..., :3], V)


E, H = 8, 2
MHA_W = dict(in_proj_weight=rn(3 * E, E, seed=5), in_proj_bias=rn(3 * E, seed=6),
             out_proj_weight=rn(E, E, seed=7), out_proj_bias=rn(E, seed=8))


def _mha(q, k, v, bias_k=None, bias_v=None, add_zero_attn=False, **kw):
    return same("multi_head_attention_forward", q, k, v, E, H, MHA_W["in_proj_weight"],
                MHA_W["in_proj_bias"], bias_k, bias_v, add_zero_attn, 0.0,
                MHA_W["out_proj_weight"], MHA_W["out_proj_bias"], tol=1e-5, **kw)


def test_multi_head_attention_forward(backend):
    with unify.using_backend(backend):
        q = rn(4, 2, E)
        kv = rn(5, 2, E, seed=1)
        _mha(q, q, q)
        _mha(q, kv, kv, key_padding_mask=real.tensor([[False] * 4 + [True]] * 2),
             attn_mask=rn(4, 5, seed=2), average_attn_weights=False)
        _mha(q, kv, kv, bias_k=rn(1, 1, E, seed=3), bias_v=rn(1, 1, E, seed=4),
             add_zero_attn=True, attn_mask=rn(4, 5, seed=2) > 1.0)
        _mha(q, q, q, attn_mask=real.triu(real.ones(4, 4, dtype=real.bool), 1), is_causal=True,
             need_weights=False)
        _mha(q[:, 0], kv[:, 0], kv[:, 0], key_padding_mask=rn(5, seed=2))
        w = MHA_W["in_proj_weight"]
        same("multi_head_attention_forward", q, kv, kv, E, H, None, MHA_W["in_proj_bias"], None,
             None, False, 0.0, MHA_W["out_proj_weight"], None, use_separate_proj_weight=True,
             q_proj_weight=w[:E], k_proj_weight=w[E:2 * E], v_proj_weight=w[2 * E:], tol=1e-5)


def test_namespace(backend):
    with unify.using_backend(backend):
        assert ft.nn.functional is F
        for name in ("relu", "conv2d", "cross_entropy", "scaled_dot_product_attention"):
            assert callable(getattr(F, name))
        with pytest.raises(AttributeError):
            F.definitely_not_a_function
        assert not hasattr(F, "grouped_mm")
        with pytest.raises(AttributeError):
            ft.nn.Linear_not_here
