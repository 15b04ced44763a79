"""A plain PyTorch training script: nothing in it knows about unify.

A small MLP learns to classify three interleaved spirals (synthetic data) with SGD and
momentum, printing the loss after every step. The data and the initial weights come from a
seeded NumPy generator and the batches are taken in a fixed order, so a run is reproducible
anywhere:

    python examples/train_mlp.py                          # real PyTorch
    unify run --backend jax examples/train_mlp.py         # the same file on JAX
"""
import argparse

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn
from torch.utils.data import DataLoader, TensorDataset


def spirals(n_per_class, rng):
    """Points on three noisy spiral arms (float32 features, int64 labels)."""
    xs, ys = [], []
    for c in range(3):
        r = np.linspace(0.1, 1.0, n_per_class)
        t = np.linspace(c * 2.1, c * 2.1 + 4.0, n_per_class) + rng.normal(0, 0.15, n_per_class)
        xs.append(np.stack([r * np.sin(t), r * np.cos(t)], axis=1))
        ys.append(np.full(n_per_class, c))
    x, y = np.concatenate(xs).astype(np.float32), np.concatenate(ys).astype(np.int64)
    order = rng.permutation(len(y))
    return x[order], y[order]


class MLP(nn.Module):
    def __init__(self, hidden=32, classes=3):
        super().__init__()
        self.fc1 = nn.Linear(2, hidden)
        self.fc2 = nn.Linear(hidden, hidden)
        self.out = nn.Linear(hidden, classes)

    def forward(self, x):
        x = torch.tanh(self.fc1(x))
        x = F.gelu(self.fc2(x))
        return self.out(x)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=40)
    parser.add_argument("--batch-size", type=int, default=50)
    parser.add_argument("--lr", type=float, default=0.2)
    args = parser.parse_args()

    rng = np.random.default_rng(0)
    x, y = spirals(50, rng)
    loader = DataLoader(TensorDataset(torch.from_numpy(x), torch.from_numpy(y)),
                        batch_size=args.batch_size, shuffle=False, drop_last=True)

    model = MLP()
    with torch.no_grad():  # reproducible initial weights
        for p in model.parameters():
            p.copy_(torch.from_numpy(rng.normal(0.0, 0.5, tuple(p.shape)).astype(np.float32)))
    opt = torch.optim.SGD(model.parameters(), lr=args.lr, momentum=0.9)
    loss_fn = nn.CrossEntropyLoss()

    step = 0
    while step < args.steps:
        for xb, yb in loader:
            opt.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()
            step += 1
            print(f"step {step:3d}  loss {loss.item():.6f}", flush=True)
            if step == args.steps:
                break

    with torch.no_grad():
        acc = (model(torch.from_numpy(x)).argmax(dim=1) == torch.from_numpy(y)).float().mean()
    print(f"train accuracy {acc.item():.4f}")


if __name__ == "__main__":
    main()
