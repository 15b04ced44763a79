"""torch.nn modules, nn.init and nn.utils against real torch on every backend.

Layers: each case builds the layer in real torch and in the frontend, compares repr and
state_dict keys, copies real torch's weights in through `load_state_dict`, then compares the
forward outputs (train and eval mode), the state after the forward (BatchNorm running stats)
and, for layers with their own code, input and parameter gradients after `backward()`.
The Module tree (registration, traversal, state_dict/load_state_dict, hooks, moves, copies)
is compared with real torch on small models. Inputs are few, small and shared, so that jax
compiles few programs.
"""
import copy
import math
import pickle
import types
import warnings
from collections import OrderedDict

import numpy as np
import pytest
import torch as real

import unify
import unify.frontends.torch as ft
from tfhelp import check as _check, ours, raises_like
from unify.frontends.torch.nn import init as finit
from unify.frontends.torch.nn import modules as M
from unify.frontends.torch.nn import utils as futils
from unify.frontends.torch.nn.parameter import Buffer, Parameter

RN = real.nn
# the frontend's torch.nn as the tests use it (nn/__init__ re-exports these names)
ONN = types.SimpleNamespace(**{n: getattr(M, n) for n in M.__all__}, Parameter=Parameter,
                            Buffer=Buffer)


def _detached(x):
    if isinstance(x, ft.Tensor):
        return x.detach()
    if isinstance(x, (tuple, list)):
        return type(x)(_detached(y) for y in x) if not hasattr(x, "_fields") else \
            tuple(_detached(y) for y in x)
    return x


def check(mine, theirs, **kw):
    _check(_detached(mine), theirs.detach() if isinstance(theirs, real.Tensor) else theirs, **kw)


def rn(*shape, seed=0, dtype=real.float32):
    rng = np.random.default_rng(seed + 7 * len(shape) + sum(shape))
    return real.tensor(rng.standard_normal(shape), dtype=dtype)


def conv(x):
    if isinstance(x, real.Tensor):
        return ours(x)
    if isinstance(x, (tuple, list)):
        return type(x)(conv(v) for v in x)
    if isinstance(x, dict):
        return {k: conv(v) for k, v in x.items()}
    return x


V = rn(2, 4)             # (N, features)
S = rn(3, 2, 4)          # (L, N, E) sequences
I1 = rn(2, 2, 6)         # (N, C, L)
I2 = rn(1, 2, 4, 4)      # (N, C, H, W)
I3 = rn(1, 2, 3, 3, 3)   # (N, C, D, H, W)
IDX = real.tensor([[0, 1, 4], [2, 1, 3]])
TOL = dict(rtol=1e-4, atol=1e-5)


def case(name, args=(), kw=None, inputs=(V,), grad=False, modes=("train", "eval"), ctor=None):
    return dict(name=name, args=args, kw=kw or {}, inputs=inputs, grad=grad, modes=modes,
                ctor=ctor)


LAYERS = {
    "linear": case("Linear", (4, 3), grad=True),
    "linear_nobias": case("Linear", (4, 3), dict(bias=False)),
    "bilinear": case("Bilinear", (4, 4, 3), inputs=(V, V), grad=True),
    "identity": case("Identity", (3,), dict(x=1)),
    "conv1d": case("Conv1d", (2, 4, 3), inputs=(I1,), grad=True),
    "conv1d_circular": case("Conv1d", (2, 2, 3), dict(padding=2, dilation=2,
                                                      padding_mode="circular"), inputs=(I1,)),
    "conv2d_same_groups": case("Conv2d", (2, 4, 3), dict(padding="same", groups=2),
                               inputs=(I2,), grad=True),
    "conv2d_reflect": case("Conv2d", (2, 2, 2), dict(stride=2, padding=1, bias=False,
                                                     padding_mode="reflect"), inputs=(I2,)),
    "conv3d": case("Conv3d", (2, 2, 2), dict(padding_mode="replicate", padding=1),
                   inputs=(I3,)),
    "conv_transpose1d": case("ConvTranspose1d", (2, 3, 3), dict(stride=2, output_padding=1),
                             inputs=(I1,), grad=True),
    "conv_transpose2d": case("ConvTranspose2d", (2, 4, 3), dict(stride=2, padding=1, groups=2,
                                                                dilation=1), inputs=(I2,)),
    "conv_transpose3d": case("ConvTranspose3d", (2, 2, 2), dict(bias=False), inputs=(I3,)),
    "maxpool1d": case("MaxPool1d", (2,), inputs=(I1,)),
    "maxpool2d": case("MaxPool2d", (3, 2, 1), dict(ceil_mode=True), inputs=(I2,)),
    "maxpool2d_indices": case("MaxPool2d", (2,), dict(return_indices=True), inputs=(I2,)),
    "maxpool3d": case("MaxPool3d", (2,), inputs=(I3,)),
    "avgpool1d": case("AvgPool1d", (3, 2, 1), inputs=(I1,)),
    "avgpool2d": case("AvgPool2d", (2,), dict(padding=1, count_include_pad=False), inputs=(I2,)),
    "avgpool3d": case("AvgPool3d", (2,), dict(divisor_override=3), inputs=(I3,)),
    "adaptive_avg1d": case("AdaptiveAvgPool1d", (4,), inputs=(I1,)),
    "adaptive_avg2d": case("AdaptiveAvgPool2d", ((3, None),), inputs=(I2,)),
    "adaptive_avg3d": case("AdaptiveAvgPool3d", (2,), inputs=(I3,)),
    "adaptive_max1d": case("AdaptiveMaxPool1d", (4,), inputs=(I1,)),
    "adaptive_max2d": case("AdaptiveMaxPool2d", (3,), dict(return_indices=True), inputs=(I2,)),
    "lppool2d": case("LPPool2d", (2, 2), inputs=(I2,)),
    "batchnorm1d": case("BatchNorm1d", (4,), grad=True),
    "batchnorm1d_3d": case("BatchNorm1d", (2,), dict(momentum=None), inputs=(I1,)),
    "batchnorm2d": case("BatchNorm2d", (2,), dict(eps=1e-3, bias=False), inputs=(I2,)),
    "batchnorm3d": case("BatchNorm3d", (2,), dict(affine=False), inputs=(I3,)),
    "batchnorm_nostats": case("BatchNorm2d", (2,), dict(track_running_stats=False),
                              inputs=(I2,)),
    "instancenorm1d": case("InstanceNorm1d", (2,), dict(affine=True, track_running_stats=True),
                           inputs=(I1,)),
    "instancenorm2d": case("InstanceNorm2d", (2,), inputs=(I2,)),
    "instancenorm3d_unbatched": case("InstanceNorm3d", (1,), inputs=(rn(1, 3, 3, 3),)),
    "layernorm": case("LayerNorm", (4,), inputs=(S,), grad=True),
    "layernorm_2d": case("LayerNorm", ([2, 4],), dict(elementwise_affine=False), inputs=(S,)),
    "layernorm_nobias": case("LayerNorm", (4,), dict(bias=False), inputs=(S,)),
    "groupnorm": case("GroupNorm", (1, 2), inputs=(I1,), grad=True),
    "rmsnorm": case("RMSNorm", (4,), dict(eps=1e-5), inputs=(S,)),
    "local_response_norm": case("LocalResponseNorm", (2,), inputs=(I2,)),
    "dropout_eval": case("Dropout", (0.5,), modes=("eval",)),
    "dropout_p0": case("Dropout", (0.0,)),
    "dropout_p1": case("Dropout", (1.0,)),
    "dropout1d_eval": case("Dropout1d", (0.3,), inputs=(I1,), modes=("eval",)),
    "dropout2d_eval": case("Dropout2d", (0.3,), dict(inplace=True), inputs=(I2,),
                           modes=("eval",)),
    "dropout3d_eval": case("Dropout3d", (), inputs=(I3,), modes=("eval",)),
    "alpha_dropout_eval": case("AlphaDropout", (0.2,), modes=("eval",)),
    "feature_alpha_dropout_eval": case("FeatureAlphaDropout", (0.2,), inputs=(I2,),
                                       modes=("eval",)),
    "embedding": case("Embedding", (5, 4), dict(padding_idx=1), inputs=(IDX,), grad=True),
    "embedding_maxnorm": case("Embedding", (5, 4), dict(max_norm=1.0, norm_type=1.0),
                              inputs=(IDX,)),
    "embedding_bag": case("EmbeddingBag", (5, 4), dict(mode="sum"), inputs=(IDX,), grad=True),
    "embedding_bag_offsets": case("EmbeddingBag", (5, 4), dict(mode="max"),
                                  inputs=(real.tensor([0, 1, 4, 2, 1, 3]),
                                          real.tensor([0, 2]))),
    "prelu": case("PReLU", (4,), grad=True),
    "prelu_scalar": case("PReLU", (), dict(init=0.1), inputs=(I2,)),
    "softmax2d": case("Softmax2d", inputs=(I2,)),
    "mha": case("MultiheadAttention", (4, 2), inputs=(S, S, S), grad=True),
    "mha_kv": case("MultiheadAttention", (4, 2), dict(kdim=3, vdim=5, batch_first=True,
                                                      add_bias_kv=True, add_zero_attn=True),
                   inputs=(rn(2, 3, 4), rn(2, 5, 3), rn(2, 5, 5))),
    "encoder_layer": case("TransformerEncoderLayer", (4, 2, 8, 0.0), inputs=(S,), grad=True),
    "decoder_layer": case("TransformerDecoderLayer", (4, 2, 8, 0.0),
                          dict(norm_first=True, activation="gelu", batch_first=True),
                          inputs=(S, rn(3, 5, 4))),
    "transformer": case("Transformer", (), dict(d_model=4, nhead=2, num_encoder_layers=1,
                                                num_decoder_layers=2, dim_feedforward=8,
                                                dropout=0.0), inputs=(S, rn(5, 2, 4))),
    "encoder_masks": case("TransformerEncoder", inputs=(
        S, real.triu(real.full((3, 3), -math.inf), 1), real.tensor([[False, False, True],
                                                                   [False, False, False]])),
        ctor=lambda nn: nn.TransformerEncoder(nn.TransformerEncoderLayer(4, 2, 8, 0.0,
                                                                         batch_first=False),
                                              2, norm=nn.LayerNorm(4),
                                              enable_nested_tensor=False), grad=True),
    "decoder_stack": case("TransformerDecoder", inputs=(S, rn(5, 2, 4)),
                          ctor=lambda nn: nn.TransformerDecoder(
                              nn.TransformerDecoderLayer(4, 2, 8, 0.0), 2)),
    "flatten": case("Flatten", inputs=(I2,)),
    "flatten_dims": case("Flatten", (0, 1), inputs=(S,)),
    "unflatten": case("Unflatten", (1, (2, 2))),
    "fold": case("Fold", (3, 2), inputs=(rn(1, 8, 4),)),
    "unfold": case("Unfold", (2,), dict(padding=1), inputs=(I2,)),
    "constant_pad1d": case("ConstantPad1d", (2, 1.5), inputs=(I1,)),
    "constant_pad3d": case("ConstantPad3d", (1, 0.5), inputs=(I3,)),
    "zero_pad1d": case("ZeroPad1d", ((1, 2),), inputs=(I1,)),
    "zero_pad2d": case("ZeroPad2d", ((1, 0, 2, 1),), inputs=(I2,)),
    "zero_pad3d": case("ZeroPad3d", (1,), inputs=(I3,)),
    "reflection_pad1d": case("ReflectionPad1d", (2,), inputs=(I1,)),
    "reflection_pad2d": case("ReflectionPad2d", (1,), inputs=(I2,)),
    "reflection_pad3d": case("ReflectionPad3d", (1,), inputs=(I3,)),
    "replication_pad1d": case("ReplicationPad1d", ((0, 2),), inputs=(I1,)),
    "replication_pad2d": case("ReplicationPad2d", ((1, 2, 0, 1),), inputs=(I2,)),
    "replication_pad3d": case("ReplicationPad3d", (1,), inputs=(I3,)),
    "circular_pad1d": case("CircularPad1d", (1,), inputs=(I1,)),
    "circular_pad2d": case("CircularPad2d", (1,), inputs=(I2,)),
    "circular_pad3d": case("CircularPad3d", (1,), inputs=(I3,)),
    "pixel_shuffle": case("PixelShuffle", (2,), inputs=(rn(1, 4, 2, 2),)),
    "pixel_unshuffle": case("PixelUnshuffle", (2,), inputs=(I2,)),
    "channel_shuffle": case("ChannelShuffle", (2,), inputs=(I2,)),
    "upsample": case("Upsample", (), dict(scale_factor=2), inputs=(I2,)),
    "upsample_bilinear": case("Upsample", (), dict(size=(3, 5), mode="bilinear",
                                                   align_corners=True), inputs=(I2,)),
    "upsampling_nearest2d": case("UpsamplingNearest2d", (), dict(size=3), inputs=(I2,)),
    "upsampling_bilinear2d": case("UpsamplingBilinear2d", (), dict(scale_factor=2),
                                  inputs=(I2,)),
    "cosine_similarity": case("CosineSimilarity", (), dict(dim=0), inputs=(V, V * 2 + 1)),
    "pairwise_distance": case("PairwiseDistance", (), dict(p=1.0, keepdim=True),
                              inputs=(V, V * 2 + 1)),
    "rnn": case("RNN", (4, 3), dict(num_layers=2, nonlinearity="relu"), inputs=(S,),
                grad=True),
    "rnn_hx_unbatched": case("RNN", (4, 3, 1, "tanh", False), inputs=(rn(3, 4), rn(1, 3))),
    "lstm": case("LSTM", (4, 3), dict(bidirectional=True, batch_first=True), inputs=(S,),
                 grad=True),
    "lstm_proj_hx": case("LSTM", (4, 3), dict(proj_size=2, num_layers=2),
                         inputs=(S, (rn(2, 2, 2), rn(2, 2, 3)))),
    "gru": case("GRU", (4, 3), dict(num_layers=2, bidirectional=True), inputs=(S,), grad=True),
    "gru_dropout1": case("GRU", (4, 3), dict(num_layers=2, dropout=1.0), inputs=(S,)),
    "gru_unbatched": case("GRU", (4, 3), dict(bias=False), inputs=(rn(3, 4),)),
    "rnn_cell": case("RNNCell", (4, 3), grad=True),
    "rnn_cell_relu": case("RNNCell", (4, 3), dict(nonlinearity="relu", bias=False),
                          inputs=(V, rn(2, 3))),
    "lstm_cell": case("LSTMCell", (4, 3), inputs=(V, (rn(2, 3), rn(2, 3, seed=1))), grad=True),
    "gru_cell": case("GRUCell", (4, 3), inputs=(rn(4),)),
}

ACTIVATIONS = {
    "ReLU": (), "ReLU6": (), "LeakyReLU": (0.2,), "ELU": (0.5,), "SELU": (), "CELU": (1.5,),
    "GELU": ("tanh",), "SiLU": (), "Mish": (), "Softplus": (2.0, 1.0), "Softsign": (),
    "Hardtanh": (-0.5, 0.5), "Hardsigmoid": (), "Hardswish": (), "LogSigmoid": (),
    "Tanhshrink": (), "Softshrink": (0.3,), "Hardshrink": (0.3,), "Threshold": (0.1, 2.0),
    "GLU": (), "Sigmoid": (), "Tanh": (), "Softmax": (1,), "LogSoftmax": (-1,), "Softmin": (0,),
}
for _n, _a in ACTIVATIONS.items():
    LAYERS["act_" + _n] = case(_n, _a, inputs=(S,), modes=("train",))
LAYERS["act_RReLU_eval"] = case("RReLU", (0.1, 0.3), inputs=(S,), modes=("eval",))
LAYERS["act_inplace"] = case("ELU", (), dict(inplace=True), modes=("train",))


def _forward_grad_output(out):
    """The tensor a gradient check differentiates (the first output of tuple results)."""
    return out[0] if isinstance(out, tuple) else out


@pytest.mark.parametrize("name", sorted(LAYERS))
def test_layer(backend, name):
    c = LAYERS[name]
    with unify.using_backend(backend), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        real.manual_seed(0)
        if c["ctor"] is not None:
            rm = c["ctor"](RN)
            om = c["ctor"](ONN)
        else:
            rm = getattr(RN, c["name"])(*c["args"], **c["kw"])
            om = getattr(M, c["name"])(*c["args"], **c["kw"])
        assert repr(om) == repr(rm)
        assert list(om.state_dict()) == list(rm.state_dict())
        assert [n for n, _ in om.named_parameters()] == [n for n, _ in rm.named_parameters()]
        for (_, a), (_, b) in zip(rm.named_parameters(), om.named_parameters()):
            assert tuple(b.shape) == tuple(a.shape) and b.dtype is conv(a).dtype
            assert b.requires_grad and isinstance(b, Parameter)
        res = om.load_state_dict({k: ours(v) for k, v in rm.state_dict().items()})
        assert res.missing_keys == [] and res.unexpected_keys == []
        for mode in c["modes"]:
            rm.train(mode == "train")
            om.train(mode == "train")
            rin = [x.clone() if isinstance(x, real.Tensor) else x for x in c["inputs"]]
            oin = conv(rin)
            exp = rm(*rin)
            got = om(*oin)
            check(got, exp, **TOL)
            for x, y in zip(oin, rin):  # inputs (in-place layers) and weights/buffers
                check(x, y, **TOL)
            for (k, a), (k2, b) in zip(rm.state_dict().items(), om.state_dict().items()):
                assert k == k2
                check(b, a, **TOL)
        if c["grad"] and hasattr(ft.Tensor, "backward"):
            rm.train()
            om.train()
            rin = [x.clone().requires_grad_() if isinstance(x, real.Tensor)
                   and x.is_floating_point() else x for x in c["inputs"]]
            oin = [ours(x.detach()).requires_grad_() if isinstance(x, real.Tensor)
                   and x.is_floating_point() else conv(x) for x in rin]
            ro = _forward_grad_output(rm(*rin))
            oo = _forward_grad_output(om(*oin))
            w = rn(*ro.shape, seed=5)
            (ro * w).sum().backward()
            (oo * ours(w)).sum().backward()
            for (k, p), (_, q) in zip(rm.named_parameters(), om.named_parameters()):
                check(q.grad, p.grad, **TOL)
            for x, y in zip(rin, oin):
                if isinstance(x, real.Tensor) and x.grad is not None:
                    check(y.grad, x.grad, **TOL)


def _loss_inputs():
    logits = rn(3, 4)
    tgt = real.tensor([0, 3, 1])
    prob = real.sigmoid(rn(3, 4, seed=1))
    binary = (rn(3, 4, seed=2) > 0).float()
    sign = binary * 2 - 1
    return logits, tgt, prob, binary, sign


def _losses():
    logits, tgt, prob, binary, sign = _loss_inputs()
    x2 = rn(3, 4, seed=3)
    w = real.tensor([0.5, 1.0, 2.0, 1.5])
    y1 = real.tensor([1.0, -1.0, 1.0])
    lp = real.log_softmax(rn(6, 2, 4, seed=4), -1)
    return {
        "L1Loss": ((), {}, (logits, x2)),
        "MSELoss_sum": ((), dict(reduction="sum"), (logits, x2)),
        "CrossEntropyLoss": ((), {}, (logits, tgt)),
        "CrossEntropyLoss_opts": ((), dict(weight=w, ignore_index=1, label_smoothing=0.2),
                                  (logits, tgt)),
        "CrossEntropyLoss_probs": ((), dict(reduction="none"), (logits, prob)),
        "NLLLoss": ((), dict(weight=w, reduction="sum"), (real.log_softmax(logits, 1), tgt)),
        "BCELoss": ((), dict(weight=w), (prob, binary)),
        "BCEWithLogitsLoss": ((), dict(pos_weight=w), (logits, binary)),
        "KLDivLoss": ((), dict(reduction="batchmean", log_target=True),
                      (real.log_softmax(logits, 1), real.log_softmax(x2, 1))),
        "SmoothL1Loss": ((), dict(beta=0.5), (logits, x2)),
        "HuberLoss": ((), dict(delta=0.5, reduction="none"), (logits, x2)),
        "SoftMarginLoss": ((), {}, (logits, sign)),
        "MultiLabelSoftMarginLoss": ((), dict(weight=w), (logits, binary)),
        "MultiLabelMarginLoss": ((), {}, (logits, real.tensor([[3, 0, -1, 1], [1, -1, 0, 0],
                                                                [0, 1, 2, 3]]))),
        "MultiMarginLoss": ((), dict(p=2, margin=0.5, weight=w), (logits, tgt)),
        "HingeEmbeddingLoss": ((), dict(margin=0.5), (logits, sign)),
        "CosineEmbeddingLoss": ((), dict(margin=0.2), (logits, x2, y1)),
        "MarginRankingLoss": ((), dict(margin=0.1), (logits[:, 0], x2[:, 0], y1)),
        "TripletMarginLoss": ((), dict(margin=0.5, p=1.0, swap=True), (logits, x2, prob)),
        "TripletMarginWithDistanceLoss": ((), {}, (logits, x2, prob)),
        "PoissonNLLLoss": ((), dict(log_input=False, full=True), (prob, binary * 3)),
        "GaussianNLLLoss": ((), dict(full=True), (logits, x2, prob)),
        "CTCLoss": ((), dict(blank=0, zero_infinity=True),
                    (lp, real.tensor([[1, 2], [3, 3]]), real.tensor([6, 5]),
                     real.tensor([2, 2]))),
        "L1Loss_legacy": ((), dict(size_average=False), (logits, x2)),
    }


LOSSES = _losses()


@pytest.mark.parametrize("name", sorted(LOSSES))
def test_loss(backend, name):
    args, kw, inputs = LOSSES[name]
    cls = name.split("_")[0]
    with unify.using_backend(backend), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        rm = getattr(RN, cls)(*args, **kw)
        om = getattr(M, cls)(*args, **conv(kw))
        assert repr(om) == repr(rm)
        assert list(om.state_dict()) == list(rm.state_dict())
        assert om.reduction == rm.reduction
        check(om(*conv(inputs)), rm(*inputs), **TOL)
        if cls in ("CrossEntropyLoss", "MSELoss", "BCEWithLogitsLoss"):
            rin = [x.clone().requires_grad_() if x.is_floating_point() else x for x in inputs]
            oin = [ours(x.detach()).requires_grad_() if x.is_floating_point() else ours(x)
                   for x in rin]
            rm(*rin).sum().backward()
            om(*oin).sum().backward()
            check(oin[0].grad, rin[0].grad, **TOL)


def test_layer_errors(backend):
    with unify.using_backend(backend), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for name, args, kw in [
            ("Conv2d", (3, 4, 3), dict(groups=2)), ("Conv2d", (2, 3, 3), dict(groups=2)),
            ("Conv2d", (2, 4, 3), dict(padding="full")),
            ("Conv2d", (2, 4, 3), dict(padding="same", stride=2)),
            ("Conv1d", (2, 4, 3), dict(padding_mode="wrap")),
            ("ConvTranspose2d", (2, 4, 3), dict(padding_mode="reflect")),
            ("GroupNorm", (3, 4), {}), ("Dropout", (1.5,), {}),
            ("RNN", (2, 3), dict(nonlinearity="gelu")), ("LSTM", (2, 3), dict(proj_size=3)),
            ("GRU", (2, 3), dict(proj_size=1)), ("RNN", (2, 3), dict(dropout=2.0)),
            ("LSTM", (2, 0), {}), ("LSTM", (2, 3), dict(num_layers=0)),
            ("MultiheadAttention", (4, 0), {}), ("MultiMarginLoss", (), dict(p=3)),
            ("TripletMarginLoss", (), dict(margin=0.0)), ("Unflatten", (1, 4), {}),
            ("Unflatten", (1, (2, 2.0)), {}),
        ]:
            raises_like(lambda: getattr(RN, name)(*args, **kw),
                        lambda: getattr(M, name)(*args, **kw))
        pairs = [
            (lambda m: m.BatchNorm2d(2), I1), (lambda m: m.BatchNorm1d(2), I2),
            (lambda m: m.InstanceNorm1d(3, affine=True), I1),
            (lambda m: m.Softmax2d(), V), (lambda m: m.CircularPad2d(1), I1),
            (lambda m: m.LSTM(4, 3), I2), (lambda m: m.GRU(3, 3), S),
            (lambda m: m.RNNCell(4, 3), I2), (lambda m: m.Linear(3, 2), V),
        ]
        for make, x in pairs:
            rm, om = make(RN), make(M)
            om.load_state_dict({k: ours(v) for k, v in rm.state_dict().items()})
            raises_like(lambda: rm(x), lambda: om(ours(x)))
        rm, om = RN.LSTM(4, 3), M.LSTM(4, 3)
        raises_like(lambda: rm(S, (rn(1, 2, 2), rn(1, 2, 3))),
                    lambda: om(ours(S), (ours(rn(1, 2, 2)), ours(rn(1, 2, 3)))))
        raises_like(lambda: rm(S.double()), lambda: om(ours(S.double())))
        raises_like(lambda: rm(S, (rn(2, 3), rn(2, 3))),
                    lambda: om(ours(S), (ours(rn(2, 3)), ours(rn(2, 3)))))
        rm, om = RN.ConvTranspose1d(2, 2, 3, stride=2), M.ConvTranspose1d(2, 2, 3, stride=2)
        om.load_state_dict({k: ours(v) for k, v in rm.state_dict().items()})
        check(om(ours(I1), output_size=[14]), rm(I1, output_size=[14]))
        raises_like(lambda: rm(I1, output_size=[20]), lambda: om(ours(I1), output_size=[20]))


def test_transformer_mask(backend):
    with unify.using_backend(backend):
        check(M.Transformer.generate_square_subsequent_mask(4),
              RN.Transformer.generate_square_subsequent_mask(4))
        check(M.Transformer.generate_square_subsequent_mask(2, dtype=ft.float64),
              RN.Transformer.generate_square_subsequent_mask(2, dtype=real.float64))


def test_max_unpool(backend):
    with unify.using_backend(backend):
        for n, x in ((1, I1), (2, I2)):
            rp, op = getattr(RN, f"MaxPool{n}d")(2, return_indices=True), \
                getattr(M, f"MaxPool{n}d")(2, return_indices=True)
            ru, ou = getattr(RN, f"MaxUnpool{n}d")(2), getattr(M, f"MaxUnpool{n}d")(2)
            assert repr(ou) == repr(ru)
            rv, ri = rp(x)
            ov, oi = op(ours(x))
            check(ou(ov, oi), ru(rv, ri))
            check(ou(ov, oi, output_size=x.shape), ru(rv, ri, output_size=x.shape))


def test_batchnorm_running_stats_over_steps(backend):
    with unify.using_backend(backend):
        for kw in (dict(), dict(momentum=None)):
            rm, om = RN.BatchNorm1d(4, **kw), M.BatchNorm1d(4, **kw)
            for i in range(3):
                x = rn(2, 4, seed=i)
                check(om(ours(x)), rm(x), **TOL)
            for (k, a), (_, b) in zip(rm.state_dict().items(), om.state_dict().items()):
                check(b, a, **TOL)
            rm.eval()
            om.eval()
            check(om(ours(V)), rm(V), **TOL)
        # a state dict without num_batches_tracked (an old checkpoint) still loads
        sd = {k: ours(v) for k, v in RN.BatchNorm1d(4).state_dict().items()
              if k != "num_batches_tracked"}
        res = M.BatchNorm1d(4).load_state_dict(sd)
        assert res.missing_keys == [] and res.unexpected_keys == []


def test_packed_sequences_and_rnn(backend):
    seqs = [rn(4, 3, seed=1), rn(2, 3, seed=2), rn(3, 3, seed=3)]
    RU, FU = real.nn.utils.rnn, futils.rnn
    with unify.using_backend(backend):
        oseqs = [ours(s) for s in seqs]
        for bf in (False, True):
            check(FU.pad_sequence(oseqs, batch_first=bf, padding_value=-1.0),
                  RU.pad_sequence(seqs, batch_first=bf, padding_value=-1.0))
        check(FU.pad_sequence(oseqs, padding_side="left"),
              RU.pad_sequence(seqs, padding_side="left"))
        rpk = RU.pack_sequence(seqs, enforce_sorted=False)
        opk = FU.pack_sequence(oseqs, enforce_sorted=False)
        for a, b in zip(opk, rpk):
            check(a, b)
        raises_like(lambda: RU.pack_sequence(seqs), lambda: FU.pack_sequence(oseqs))
        padded, lengths = RU.pad_packed_sequence(rpk, batch_first=True, total_length=5)
        opadded, olengths = FU.pad_packed_sequence(opk, batch_first=True, total_length=5)
        check(opadded, padded)
        check(olengths, lengths)
        for a, b in zip(FU.unpack_sequence(opk), RU.unpack_sequence(rpk)):
            check(a, b)
        rpp = RU.pack_padded_sequence(padded, lengths, batch_first=True, enforce_sorted=False)
        opp = FU.pack_padded_sequence(opadded, olengths, batch_first=True, enforce_sorted=False)
        check(opp.data, rpp.data)
        for name, kw in (("LSTM", dict(bidirectional=True)), ("GRU", dict(num_layers=2))):
            rm, om = getattr(RN, name)(3, 2, **kw), getattr(M, name)(3, 2, **kw)
            om.load_state_dict({k: ours(v) for k, v in rm.state_dict().items()})
            rout, rh = rm(rpk)
            oout, oh = om(opk)
            assert isinstance(oout, FU.PackedSequence)
            for a, b in zip(oout, rout):
                check(a, b, **TOL)
            check(oh, rh, **TOL)


# ---------------------------------------------------------------- the Module tree


class _Net:
    """The same small model class in real torch and in the frontend."""

    @staticmethod
    def build(nn):
        class Block(nn.Module):
            def __init__(self):
                super().__init__()
                self.fc = nn.Linear(4, 3)
                self.bn = nn.BatchNorm1d(3)
                self.register_buffer("scale", nn_ones(nn, 3))
                self.register_buffer("tmp", nn_ones(nn, 2), persistent=False)

            def forward(self, x):
                return self.bn(self.fc(x)) * self.scale

        class Net(nn.Module):
            def __init__(self):
                super().__init__()
                self.block = Block()
                self.head = nn.Sequential(nn.ReLU(), nn.Linear(3, 2))
                self.shared = self.head[1]
                self.alpha = nn.Parameter(nn_ones(nn, 1))
                self.empty = None

            def forward(self, x):
                return self.head(self.block(x)) * self.alpha

        return Net()


def nn_ones(nn, *shape):
    return (real if nn is RN else ft).ones(*shape)


def _pair_nets():
    real.manual_seed(0)
    rnet = _Net.build(RN)
    onet = _Net.build(ONN)
    onet.load_state_dict({k: ours(v) for k, v in rnet.state_dict().items()})
    return rnet, onet


def test_module_traversal(backend):
    with unify.using_backend(backend):
        rnet, onet = _pair_nets()
        assert repr(onet) == repr(rnet)
        for meth, kw in (("named_parameters", {}), ("named_parameters", dict(prefix="m")),
                         ("named_parameters", dict(recurse=False)),
                         ("named_parameters", dict(remove_duplicate=False)),
                         ("named_buffers", {}), ("named_buffers", dict(prefix="p.q")),
                         ("named_modules", {}), ("named_modules", dict(remove_duplicate=False)),
                         ("named_modules", dict(prefix="root")), ("named_children", {})):
            assert [n for n, _ in getattr(onet, meth)(**kw)] == \
                [n for n, _ in getattr(rnet, meth)(**kw)], meth
        assert len(list(onet.parameters())) == len(list(rnet.parameters()))
        assert len(list(onet.buffers(recurse=False))) == 0
        assert [type(m).__name__ for m in onet.modules()] == \
            [type(m).__name__ for m in rnet.modules()]
        assert [type(m).__name__ for m in onet.children()] == \
            [type(m).__name__ for m in rnet.children()]
        assert list(onet.state_dict()) == list(rnet.state_dict())
        assert list(onet.state_dict(prefix="z.")) == list(rnet.state_dict(prefix="z."))
        assert onet.state_dict()._metadata == rnet.state_dict()._metadata
        kv = onet.state_dict(keep_vars=True)
        assert kv["alpha"] is onet.alpha and not onet.state_dict()["alpha"].requires_grad
        assert sorted(k for k in dir(onet) if not k.startswith("_")) == \
            sorted(k for k in dir(rnet) if not k.startswith("_") and hasattr(onet, k))
        assert "fc" in dir(onet.block) and "scale" in dir(onet.block)
        assert onet.get_submodule("head.1") is onet.shared
        assert onet.get_parameter("block.fc.weight") is onet.block.fc.weight
        check(onet.get_buffer("block.scale"), rnet.get_buffer("block.scale"))
        raises_like(lambda: rnet.get_submodule("head.5"), lambda: onet.get_submodule("head.5"))
        raises_like(lambda: rnet.get_parameter("block.scale"),
                    lambda: onet.get_parameter("block.scale"))
        onet.train()
        rnet.train()
        x = rn(2, 4)
        check(onet(ours(x)), rnet(x), **TOL)
        onet.eval()
        rnet.eval()
        assert not onet.training and not onet.block.bn.training
        check(onet(ours(x)), rnet(x), **TOL)
        raises_like(lambda: rnet.train(1), lambda: onet.train(1))


def test_module_registration(backend):
    with unify.using_backend(backend):
        rm, om = RN.Linear(2, 2), M.Linear(2, 2)
        P = (RN.Parameter, Parameter)
        T = (real.ones(2), ft.ones(2))
        for act in (
            lambda m, i: setattr(m, "weight", 3),
            lambda m, i: getattr(m, "missing"),
            lambda m, i: m.register_buffer("weight", None),
            lambda m, i: m.register_buffer("a.b", None),
            lambda m, i: m.register_buffer("", None),
            lambda m, i: m.register_buffer(1, None),
            lambda m, i: m.register_buffer("b", 3),
            lambda m, i: m.register_parameter("p", T[i]),
            lambda m, i: m.register_parameter("bias", None),
            lambda m, i: m.register_parameter("p.q", P[i](T[i])),
            lambda m, i: m.register_parameter("nl", P[i](T[i]) * 2),
            lambda m, i: m.add_module("x", 3),
            lambda m, i: m.add_module("weight", None),
            lambda m, i: m.add_module("a.b", None),
            lambda m, i: delattr(m, "nothing"),
        ):
            raises_like(lambda: act(rm, 0), lambda: act(om, 1))
        try:
            om.missing
        except AttributeError as e:
            assert str(e) == "'Linear' object has no attribute 'missing'"
        # assignment routes Parameters / Modules / buffers; None keeps the slot
        for m, i in ((rm, 0), (om, 1)):
            m.extra = P[i](T[i])
            m.sub = (RN if i == 0 else M).Tanh()
            m.register_buffer("buf", T[i].clone(), persistent=False)
            m.buf = T[i] * 2
            m.plain = 5
            m.bias = None
            m.sub2 = (RN if i == 0 else M).ReLU()
            del m.sub2
            m.sub = None
        assert list(om._parameters) == list(rm._parameters)
        assert list(om._modules) == list(rm._modules)
        assert list(om._buffers) == list(rm._buffers)
        assert list(om.state_dict()) == list(rm.state_dict())
        check(om.buf, rm.buf)
        assert om.bias is None and om.plain == 5 and repr(om) == repr(rm)
        raises_like(lambda: setattr(rm, "sub", 3), lambda: setattr(om, "sub", 3))
        raises_like(lambda: setattr(rm, "buf", 3), lambda: setattr(om, "buf", 3))
        # a Buffer assigned as an attribute registers itself
        om.b2 = Buffer(ft.zeros(2), persistent=False)
        rm.b2 = RN.Buffer(real.zeros(2), persistent=False)
        assert list(om._buffers) == list(rm._buffers)
        assert om._non_persistent_buffers_set == rm._non_persistent_buffers_set
        del om.buf, rm.buf
        assert om._non_persistent_buffers_set == rm._non_persistent_buffers_set

        class Early(M.Module):
            def __init__(self):
                self.w = Parameter(ft.ones(1))

        class EarlyR(RN.Module):
            def __init__(self):
                self.w = RN.Parameter(real.ones(1))

        raises_like(EarlyR, Early)
        raises_like(lambda: RN.Module(3), lambda: M.Module(3))
        raises_like(lambda: RN.Module()(1), lambda: M.Module()(1))


def test_load_state_dict(backend):
    with unify.using_backend(backend):
        rnet, onet = _pair_nets()
        w_before = onet.block.fc.weight
        sd_r = {k: v + 1 for k, v in rnet.state_dict().items() if k != "block.bn.num_batches_tracked"}
        sd_o = {k: ours(v) for k, v in sd_r.items()}
        rres = rnet.load_state_dict(sd_r)
        ores = onet.load_state_dict(sd_o)
        assert repr(ores) == repr(rres) and ores == rres
        assert onet.block.fc.weight is w_before  # copied in place
        for (k, a), (_, b) in zip(rnet.state_dict().items(), onet.state_dict().items()):
            check(b, a)
        bad_r = dict(sd_r)
        bad_r.pop("alpha")
        bad_r["nope"] = real.zeros(1)
        bad_r["block.fc.bias"] = real.zeros(5)
        bad_o = {k: ours(v) for k, v in bad_r.items()}
        for strict in (True, False):
            try:
                rnet.load_state_dict(bad_r, strict=strict)
            except RuntimeError as e:
                rmsg = str(e)
            with pytest.raises(RuntimeError) as info:
                onet.load_state_dict(bad_o, strict=strict)
            assert str(info.value) == rmsg
        del bad_r["block.fc.bias"], bad_o["block.fc.bias"]
        rres = rnet.load_state_dict(bad_r, strict=False)
        ores = onet.load_state_dict(bad_o, strict=False)
        assert ores == rres and repr(ores) == repr(rres)
        raises_like(lambda: rnet.load_state_dict([1]), lambda: onet.load_state_dict([1]))
        # assign=True takes the given tensors (as Parameters keeping requires_grad)
        ol = M.Linear(2, 2)
        new_w = ft.ones(2, 2, dtype=ft.float64)
        ol.load_state_dict({"weight": new_w, "bias": ft.zeros(2)}, assign=True)
        rl = RN.Linear(2, 2)
        rl.load_state_dict({"weight": real.ones(2, 2, dtype=real.float64),
                            "bias": real.zeros(2)}, assign=True)
        assert ol.weight.dtype is ft.float64 and isinstance(ol.weight, Parameter)
        assert ol.weight.requires_grad == rl.weight.requires_grad
        check(ol.weight, rl.weight)
        rl, ol = RN.Linear(2, 2), M.Linear(2, 2)
        raises_like(lambda: rl.load_state_dict({"weight": 1, "bias": real.zeros(2)}),
                    lambda: ol.load_state_dict({"weight": 1, "bias": ft.zeros(2)}))


def test_hooks_and_call(backend):
    with unify.using_backend(backend):
        seen = []
        om = M.Linear(4, 3)
        rm = RN.Linear(4, 3)
        om.load_state_dict({k: ours(v) for k, v in rm.state_dict().items()})
        handles = []
        for m in (rm, om):
            handles += [
                m.register_forward_pre_hook(lambda mod, args: (args[0] * 2,)),
                m.register_forward_hook(lambda mod, args, out: out + 1),
                m.register_forward_hook(lambda mod, args, kw, out: seen.append(sorted(kw)),
                                        with_kwargs=True, prepend=True),
                m.register_forward_pre_hook(lambda mod, args, kw: (args, kw), with_kwargs=True)]
        check(om(ours(V)), rm(V), **TOL)
        assert seen == [[], []]
        for h in handles:
            h.remove()
        check(om(ours(V)), rm(V), **TOL)
        with om.register_forward_hook(lambda mod, a, o: o * 0):
            assert float(om(ours(V)).sum()) == 0.0
        check(om(ours(V)), rm(V), **TOL)
        bad = om.register_forward_pre_hook(lambda mod, a, kw: 3, with_kwargs=True)
        with pytest.raises(RuntimeError):
            om(ours(V))
        bad.remove()
        called = []
        for m, x in ((rm, rn(2, 5)), (om, ours(rn(2, 5)))):
            h = m.register_forward_hook(lambda mod, a, o: called.append(o), always_call=True)
            with pytest.raises(RuntimeError):
                m(x)
            h.remove()
        assert called == [None, None]
        # module-wide hooks
        calls = []
        h = M.module.register_module_forward_hook(lambda mod, a, o: calls.append(type(mod)))
        M.Sequential(M.ReLU(), M.Tanh())(ours(V))
        h.remove()
        M.ReLU()(ours(V))
        assert calls == [M.ReLU, M.Tanh, M.Sequential]


def test_moves_copies_and_grads(backend):
    with unify.using_backend(backend):
        rnet, onet = _pair_nets()
        w = onet.block.fc.weight
        assert onet.double() is onet and onet.block.fc.weight is w
        rnet.double()
        for (k, a), (_, b) in zip(rnet.state_dict().items(), onet.state_dict().items()):
            check(b, a)
        assert onet.block.bn.num_batches_tracked.dtype is ft.int64
        onet.half()
        assert onet.alpha.dtype is ft.float16 and onet.block.fc.weight is w
        onet.to(ft.float32)
        onet.to(dtype=ft.float64).float()
        onet.to("cpu")
        onet.cpu()
        assert onet.block.scale.dtype is ft.float32 and w.requires_grad
        raises_like(lambda: rnet.to(real.int32), lambda: onet.to(ft.int32))
        onet.type(ft.float64)
        assert w.dtype is ft.float64
        onet.float()
        # apply / requires_grad_ / zero_grad
        names = []
        onet.apply(lambda m: names.append(type(m).__name__))
        rnames = []
        rnet.apply(lambda m: rnames.append(type(m).__name__))
        assert names == rnames
        onet.requires_grad_(False)
        assert not any(p.requires_grad for p in onet.parameters())
        onet.requires_grad_()
        for p in onet.parameters():
            p.grad = ft.ones_like(p.detach())
        onet.zero_grad(set_to_none=False)
        assert all(float(p.grad.abs().sum()) == 0 for p in onet.parameters())
        onet.zero_grad()
        assert all(p.grad is None for p in onet.parameters())
        # deepcopy keeps sharing inside the copy, shares nothing with the original
        rnet, onet = _pair_nets()
        c = copy.deepcopy(onet)
        assert c.shared is c.head[1] and c.shared is not onet.shared
        assert isinstance(c.alpha, Parameter) and c.alpha.requires_grad
        for (k, a), (_, b) in zip(onet.state_dict().items(), c.state_dict().items()):
            check(b, real.tensor(a.numpy()))
        with ft.no_grad():
            c.block.fc.weight.add_(1)
        assert not np.allclose(c.block.fc.weight.detach().numpy(),
                               onet.block.fc.weight.detach().numpy())
        x = rn(2, 4)
        onet.eval()
        rnet.eval()
        c2 = pickle.loads(pickle.dumps(onet.head))
        assert list(c2.state_dict()) == list(onet.head.state_dict())
        check(c2(ours(x[:, :3])), rnet.head(x[:, :3]), **TOL)
        # backward through the whole net
        onet.train()
        rnet.train()
        rnet(x).sum().backward()
        onet(ours(x)).sum().backward()
        for (k, a), (_, b) in zip(rnet.named_parameters(), onet.named_parameters()):
            # batch norm makes some of these gradients zero up to rounding
            check(b.grad, a.grad, rtol=1e-4, atol=1e-4)


def test_containers(backend):
    with unify.using_backend(backend):
        mods = lambda nn: [nn.Linear(2, 2), nn.ReLU(), nn.Tanh(), nn.ReLU(), nn.ReLU()]  # noqa: E731
        rs, os_ = RN.Sequential(*mods(RN)), M.Sequential(*mods(M))
        assert repr(os_) == repr(rs) and len(os_) == 5
        assert repr(os_[1:3]) == repr(rs[1:3]) and repr(os_[-1]) == repr(rs[-1])
        raises_like(lambda: rs[7], lambda: os_[7])
        for s, nn in ((rs, RN), (os_, M)):
            del s[0]
            s.append(nn.Sigmoid())
            s.insert(1, nn.Identity())
            s[0] = nn.GELU()
            s.extend([nn.Softsign()])
            s.pop(2)
        assert repr(os_) == repr(rs) and [k for k in os_._modules] == [k for k in rs._modules]
        assert repr(os_ + os_) == repr(rs + rs) and repr(os_ * 2) == repr(rs * 2)
        assert [k for k in dir(os_) if k.isdigit()] == []
        check(os_(ours(V)), rs(V), **TOL)
        od = lambda nn: OrderedDict([("a", nn.ReLU()), ("b", nn.Tanh())])  # noqa: E731
        assert repr(M.Sequential(od(M))) == repr(RN.Sequential(od(RN)))
        # ModuleList: repeated entries are folded in the repr
        rl = RN.ModuleList([RN.Linear(2, 2) for _ in range(3)] + [RN.ReLU(), RN.ReLU()])
        ol = M.ModuleList([M.Linear(2, 2) for _ in range(3)] + [M.ReLU(), M.ReLU()])
        assert repr(ol) == repr(rl) and repr(M.ModuleList()) == repr(RN.ModuleList())
        for l, nn in ((rl, RN), (ol, M)):
            l.append(nn.Tanh())
            l.insert(0, nn.Sigmoid())
            l.extend([nn.ReLU()])
            l += [nn.GELU()]
            del l[1:3]
            l[-1] = nn.Softsign()
        assert repr(ol) == repr(rl) and len(ol) == len(rl)
        assert repr(ol[::2]) == repr(rl[::2]) and repr(ol + ol) == repr(rl + rl)
        raises_like(lambda: rl[20], lambda: ol[20])
        raises_like(lambda: rl.extend(3), lambda: ol.extend(3))
        raises_like(lambda: rl(1), lambda: ol(1))
        assert list(ol.state_dict()) == list(rl.state_dict())
        # ModuleDict
        rd = RN.ModuleDict({"x": RN.ReLU(), "y": RN.Linear(2, 2)})
        od_ = M.ModuleDict({"x": M.ReLU(), "y": M.Linear(2, 2)})
        for d, nn in ((rd, RN), (od_, M)):
            d["z"] = nn.Tanh()
            d.update([("w", nn.GELU())])
            del d["x"]
            d.pop("y")
        assert repr(od_) == repr(rd) and list(od_.keys()) == list(rd.keys())
        assert "z" in od_ and len(od_) == 2
        raises_like(lambda: rd.update([("a",)]), lambda: od_.update([("a",)]))
        # ParameterList / ParameterDict
        rp = RN.ParameterList([RN.Parameter(real.ones(2)), real.zeros(2, 3, dtype=real.float64)])
        op = M.ParameterList([Parameter(ft.ones(2)), ft.zeros(2, 3, dtype=ft.float64)])
        rp.append(real.ones(1))
        op.append(ft.ones(1))
        assert repr(op) == repr(rp) and len(op) == 3
        assert [n for n, _ in op.named_parameters()] == [n for n, _ in rp.named_parameters()]
        assert isinstance(op[1], Parameter) and repr(op[1:]) == repr(rp[1:])
        raises_like(lambda: rp(), lambda: op())
        rpd = RN.ParameterDict({"b": RN.Parameter(real.ones(2)), "a": real.zeros(3)})
        opd = M.ParameterDict({"b": Parameter(ft.ones(2)), "a": ft.zeros(3)})
        assert repr(opd) == repr(rpd) and list(opd.keys()) == list(rpd.keys())
        rpd["c"] = real.ones(1)
        opd["c"] = ft.ones(1)
        assert [n for n, _ in opd.named_parameters()] == [n for n, _ in rpd.named_parameters()]
        assert list(opd.state_dict()) == list(rpd.state_dict())
        assert repr(opd.pop("a")) == repr(rpd.pop("a"))
        raises_like(lambda: rpd[1], lambda: opd[1])


def test_parameter(backend):
    with unify.using_backend(backend):
        p = Parameter(ft.tensor([1.0, 2.0]))
        rp = RN.Parameter(real.tensor([1.0, 2.0]))
        assert repr(p) == repr(rp) and str(p) == str(rp)
        assert p.requires_grad and p.is_leaf and isinstance(p, ft.Tensor)
        q = Parameter(ft.tensor([1.0]), requires_grad=False)
        assert not q.requires_grad and repr(q) == repr(RN.Parameter(real.tensor([1.0]), False))
        raises_like(lambda: RN.Parameter(real.tensor([1, 2])),
                    lambda: Parameter(ft.tensor([1, 2])))
        # without grad a Parameter shares its data's storage
        t = ft.zeros(3)
        s = Parameter(t, requires_grad=False)
        s.data.add_(1)
        assert t.tolist() == [1.0, 1.0, 1.0]
        s.data = ft.ones(2, dtype=ft.float64)
        assert s.dtype is ft.float64 and isinstance(s, Parameter)
        e = Parameter()
        assert tuple(e.shape) == (0,)
        assert type(p.detach()) is ft.Tensor and type(p * 2) is ft.Tensor
        assert type(copy.deepcopy(p)) is Parameter and copy.deepcopy(p).tolist() == [1.0, 2.0]
        r = pickle.loads(pickle.dumps(p))
        assert type(r) is Parameter and r.requires_grad


def test_init(backend):
    with unify.using_backend(backend), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        RI = real.nn.init
        for nl, param in (("linear", None), ("conv2d", None), ("sigmoid", None), ("tanh", None),
                          ("relu", None), ("leaky_relu", None), ("leaky_relu", 0.2),
                          ("selu", None)):
            assert finit.calculate_gain(nl, param) == RI.calculate_gain(nl, param)
        raises_like(lambda: RI.calculate_gain("bad"), lambda: finit.calculate_gain("bad"))
        raises_like(lambda: RI.calculate_gain("leaky_relu", "x"),
                    lambda: finit.calculate_gain("leaky_relu", "x"))
        for shape in ((3, 4), (3, 4, 2, 5), (6, 2, 3)):
            assert finit._calculate_fan_in_and_fan_out(ft.empty(*shape)) == \
                RI._calculate_fan_in_and_fan_out(real.empty(*shape))
        raises_like(lambda: RI.xavier_uniform_(real.empty(3)),
                    lambda: finit.xavier_uniform_(ft.empty(3)))
        raises_like(lambda: RI.kaiming_normal_(real.empty(3, 3), mode="fan_avg"),
                    lambda: finit.kaiming_normal_(ft.empty(3, 3), mode="fan_avg"))
        raises_like(lambda: RI.eye_(real.empty(3)), lambda: finit.eye_(ft.empty(3)))
        raises_like(lambda: RI.dirac_(real.empty(3, 3)), lambda: finit.dirac_(ft.empty(3, 3)))
        raises_like(lambda: RI.orthogonal_(real.empty(3)), lambda: finit.orthogonal_(ft.empty(3)))
        # deterministic initialisers equal torch's
        for fn, shape, kw in (("constant_", (2, 3), dict(val=0.3)), ("ones_", (2, 3), {}),
                              ("zeros_", (2, 3), {}), ("eye_", (3, 4), {}),
                              ("dirac_", (4, 2, 3), {}), ("dirac_", (4, 2, 3, 3), dict(groups=2))):
            a = getattr(RI, fn)(real.empty(*shape), **kw)
            b = getattr(finit, fn)(ft.empty(*shape), **kw)
            check(b, a)
        # random initialisers: the distribution's bounds and moments
        big = (64, 100)
        fan_in = 100
        t = finit.kaiming_uniform_(ft.empty(*big), a=math.sqrt(5))
        bound = math.sqrt(6 / ((1 + 5) * fan_in))
        arr = t.numpy()
        assert arr.max() <= bound and arr.min() >= -bound and arr.std() > 0.5 * bound
        arr = finit.kaiming_normal_(ft.empty(*big), mode="fan_out").numpy()
        assert abs(arr.std() - math.sqrt(2 / 64)) < 0.02
        arr = finit.xavier_uniform_(ft.empty(*big), gain=2.0).numpy()
        assert np.abs(arr).max() <= 2.0 * math.sqrt(6 / 164)
        arr = finit.xavier_normal_(ft.empty(*big)).numpy()
        assert abs(arr.std() - math.sqrt(2 / 164)) < 0.02
        arr = finit.normal_(ft.empty(*big), mean=1.0, std=0.5).numpy()
        assert abs(arr.mean() - 1.0) < 0.05 and abs(arr.std() - 0.5) < 0.05
        arr = finit.uniform_(ft.empty(*big), -0.5, 2.0).numpy()
        assert arr.min() >= -0.5 and arr.max() <= 2.0 and abs(arr.mean() - 0.75) < 0.05
        arr = finit.trunc_normal_(ft.empty(*big), mean=0.5, std=1.0, a=0.0, b=1.5).numpy()
        assert arr.min() >= 0.0 and arr.max() <= 1.5 and abs(arr.mean() - 0.7) < 0.08
        q = finit.orthogonal_(ft.empty(*big), gain=2.0).numpy()
        np.testing.assert_allclose(q @ q.T, 4 * np.eye(64), atol=1e-4)
        s = finit.sparse_(ft.empty(10, 4), sparsity=0.3).numpy()
        assert ((s == 0).sum(axis=0) >= 3).all()
        # initialisation inside layers follows torch's distributions
        w = M.Linear(100, 64).weight.detach().numpy()
        assert np.abs(w).max() <= 1 / math.sqrt(100) and w.std() > 0.04
        w = M.Linear(100, 64).bias.detach().numpy()
        assert np.abs(w).max() <= 1 / math.sqrt(100)
        emb = M.Embedding(64, 100, padding_idx=3).weight.detach().numpy()
        assert (emb[3] == 0).all() and abs(emb.std() - 1) < 0.1
        g = ft.Generator().manual_seed(7) if hasattr(ft, "Generator") else None
        if g is not None:
            a = finit.normal_(ft.empty(3), generator=g).tolist()
            b = finit.normal_(ft.empty(3), generator=ft.Generator().manual_seed(7)).tolist()
            assert a == b


def test_clip_grad_and_vectors(backend):
    U = real.nn.utils
    with unify.using_backend(backend):
        for norm_type in (2.0, 1.0, math.inf):
            for max_norm in (0.5, 100.0):
                rp, op = [], []
                for i, s in enumerate(((3, 2), (4,))):
                    a = real.nn.Parameter(rn(*s, seed=i))
                    a.grad = rn(*s, seed=10 + i)
                    b = Parameter(ours(a.detach()))
                    b.grad = ours(a.grad)
                    rp.append(a)
                    op.append(b)
                check(futils.clip_grad_norm_(op, max_norm, norm_type=norm_type),
                      U.clip_grad_norm_(rp, max_norm, norm_type=norm_type), **TOL)
                for a, b in zip(rp, op):
                    check(b.grad, a.grad, **TOL)
        U.clip_grad_value_(rp, 0.1)
        futils.clip_grad_value_(op, 0.1)
        for a, b in zip(rp, op):
            check(b.grad, a.grad)
        check(futils.clip_grad_norm_([], 1.0), U.clip_grad_norm_([], 1.0))
        op[0].grad = ft.tensor([[math.nan, 1.0], [1.0, 1.0], [1.0, 1.0]])
        rp[0].grad = real.tensor([[math.nan, 1.0], [1.0, 1.0], [1.0, 1.0]])
        raises_like(lambda: U.clip_grad_norm_(rp, 1.0, error_if_nonfinite=True),
                    lambda: futils.clip_grad_norm_(op, 1.0, error_if_nonfinite=True))
        vec_r = U.parameters_to_vector(rp)
        vec_o = futils.parameters_to_vector(op)
        check(vec_o, vec_r)
        U.vector_to_parameters(vec_r * 2, rp)
        futils.vector_to_parameters(vec_o * 2, op)
        for a, b in zip(rp, op):
            check(b, a)
        raises_like(lambda: U.vector_to_parameters(1, rp),
                    lambda: futils.vector_to_parameters(1, op))


def test_weight_norm(backend):
    U = real.nn.utils
    with unify.using_backend(backend), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for dim in (0, 1, None):
            rl, ol = RN.Linear(4, 3), M.Linear(4, 3)
            ol.load_state_dict({k: ours(v) for k, v in rl.state_dict().items()})
            U.weight_norm(rl, dim=dim)
            futils.weight_norm(ol, dim=dim)
            assert list(ol.state_dict()) == list(rl.state_dict())
            for (k, a), (_, b) in zip(rl.state_dict().items(), ol.state_dict().items()):
                check(b, a, **TOL)
            with real.no_grad():
                rl.weight_g.mul_(2)
            with ft.no_grad():
                ol.weight_g.mul_(2)
            check(ol(ours(V)), rl(V), **TOL)
            U.remove_weight_norm(rl)
            futils.remove_weight_norm(ol)
            assert list(ol.state_dict()) == list(rl.state_dict())
            check(ol.weight, rl.weight, **TOL)
        raises_like(lambda: U.remove_weight_norm(rl), lambda: futils.remove_weight_norm(ol))
        # the parametrization API
        P, FP = U.parametrizations, futils.parametrizations
        rc, oc = RN.Conv1d(2, 3, 2), M.Conv1d(2, 3, 2)
        oc.load_state_dict({k: ours(v) for k, v in rc.state_dict().items()})
        P.weight_norm(rc, dim=1)
        FP.weight_norm(oc, dim=1)
        assert repr(oc) == repr(rc) and type(oc).__name__ == type(rc).__name__
        assert list(oc.state_dict()) == list(rc.state_dict())
        for (k, a), (_, b) in zip(rc.state_dict().items(), oc.state_dict().items()):
            check(b, a, **TOL)
        check(oc.weight, rc.weight, **TOL)
        check(oc(ours(I1)), rc(I1), **TOL)
        rc(I1).sum().backward()
        oc(ours(I1)).sum().backward()
        for (k, a), (_, b) in zip(rc.named_parameters(), oc.named_parameters()):
            check(b.grad, a.grad, **TOL)
        # state dicts move between a fresh parametrized module and this one
        oc2 = FP.weight_norm(M.Conv1d(2, 3, 2), dim=1)
        oc2.load_state_dict(oc.state_dict())
        check(oc2(ours(I1)), rc(I1), **TOL)
        U.parametrize.remove_parametrizations(rc, "weight")
        futils.parametrize.remove_parametrizations(oc, "weight")
        assert type(oc) is M.Conv1d and repr(oc) == repr(rc)
        check(oc.weight, rc.weight, **TOL)
        assert not futils.parametrize.is_parametrized(oc)
