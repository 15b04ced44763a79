"""End-to-end training: the same model built in real torch and in the frontend (weights copied
through state_dict), trained for 20 optimizer steps on the same data; the losses must agree
at every step (1e-4 relative) on every backend, and so must the final weights.

Sizes are small and shapes repeat, because on jax the cost of these tests is compiling each
new (op, shape) pair once, not computing."""
import numpy as np
import pytest
import torch as real

import unify
import unify.frontends.torch as ft
from tfhelp import ours

STEPS = 20
RTOL = 1e-4


def _mlp(t):
    nn = t.nn
    return nn.Sequential(nn.Linear(8, 8), nn.ReLU(), nn.Linear(8, 8), nn.Tanh(), nn.Linear(8, 3))


def _cnn(t):
    nn = t.nn
    return nn.Sequential(nn.Conv2d(1, 4, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                         nn.Conv2d(4, 6, 3), nn.ReLU(), nn.AvgPool2d(2), nn.Flatten(),
                         nn.Linear(6, 3))


def _lstm(t):
    nn = t.nn

    class LSTMClassifier(nn.Module):
        def __init__(self):
            super().__init__()
            self.emb = nn.Embedding(12, 6)
            self.rnn = nn.LSTM(6, 8, batch_first=True)
            self.head = nn.Linear(8, 3)

        def forward(self, tokens):
            out, (h, c) = self.rnn(self.emb(tokens))
            return self.head(h[-1])

    return LSTMClassifier()


def _data(kind):
    rng = np.random.default_rng(1)
    if kind == "mlp":
        x = rng.standard_normal((16, 8)).astype(np.float32)
    elif kind == "cnn":
        x = rng.standard_normal((8, 1, 8, 8)).astype(np.float32)
    else:
        x = rng.integers(0, 12, (8, 5))
    y = rng.integers(0, 3, (len(x),))
    return x, y


CASES = {
    "mlp_sgd_momentum": (_mlp, "mlp", "SGD", dict(lr=0.1, momentum=0.9)),
    "cnn_adam": (_cnn, "cnn", "Adam", dict(lr=0.01)),
    "lstm_adam": (_lstm, "seq", "Adam", dict(lr=0.01)),
}


def _train(t, model, opt, x, y):
    loss_fn = t.nn.CrossEntropyLoss()
    losses = []
    for _ in range(STEPS):
        opt.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        opt.step()
        losses.append(loss.item())
    return losses


@pytest.mark.parametrize("case", sorted(CASES))
def test_training_losses_follow_torch(backend, case):
    build, kind, opt_name, opt_kw = CASES[case]
    x, y = _data(kind)
    real.manual_seed(0)
    rm = build(real)
    with unify.using_backend(backend):
        om = build(ft)
        om.load_state_dict({k: ours(v) for k, v in rm.state_dict().items()})
        rlosses = _train(real, rm, getattr(real.optim, opt_name)(rm.parameters(), **opt_kw),
                         real.tensor(x), real.tensor(y))
        olosses = _train(ft, om, getattr(ft.optim, opt_name)(om.parameters(), **opt_kw),
                         ft.tensor(x), ft.tensor(y))
        np.testing.assert_allclose(olosses, rlosses, rtol=RTOL)
        assert rlosses[-1] < rlosses[0]  # the runs did train
        for (k, a), (k2, b) in zip(rm.state_dict().items(), om.state_dict().items()):
            assert k == k2
            np.testing.assert_allclose(b.numpy(), a.numpy(), rtol=1e-3, atol=1e-4)
