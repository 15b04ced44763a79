"""One training step of a 2-layer MLP (784-256-10, batch 64, cross-entropy, SGD) written for
torch: real torch vs the torch frontend on each backend, one thread.

    python benchmarks/torch_mlp_step.py [--backends numpy,torch,jax,tensorflow] [--steps 50]

A step is zero_grad, forward, loss, backward, optimizer step and `loss.item()` (which also
waits for jax's asynchronous dispatch). Warm-up steps run first (on jax they compile each op
once). Prints the median time per step and its ratio to real torch.
"""
import os

for _v in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS",
           "TF_NUM_INTRAOP_THREADS", "TF_NUM_INTEROP_THREADS"):
    os.environ.setdefault(_v, "1")
os.environ.setdefault("XLA_FLAGS", "--xla_cpu_multi_thread_eigen=false intra_op_parallelism_threads=1")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import argparse  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402

BATCH, IN, HIDDEN, OUT = 64, 784, 256, 10


def build(t):
    nn = t.nn
    return nn.Sequential(nn.Linear(IN, HIDDEN), nn.ReLU(), nn.Linear(HIDDEN, OUT))


def step_fn(t, model, x, y):
    opt = t.optim.SGD(model.parameters(), lr=0.01)
    loss_fn = t.nn.CrossEntropyLoss()

    def step():
        opt.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        opt.step()
        return loss.item()

    return step


def median_ms(step, warmup: int, steps: int) -> float:
    for _ in range(warmup):
        step()
    times = []
    for _ in range(steps):
        t0 = time.perf_counter()
        step()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1e3


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--backends", default="numpy,torch,jax,tensorflow")
    p.add_argument("--steps", type=int, default=50)
    p.add_argument("--warmup", type=int, default=5)
    args = p.parse_args()

    import torch

    torch.set_num_threads(1)
    rng = np.random.default_rng(0)
    x = rng.standard_normal((BATCH, IN)).astype(np.float32)
    y = rng.integers(0, OUT, (BATCH,))
    torch.manual_seed(0)
    ref = build(torch)
    state = {k: v.detach().numpy().copy() for k, v in ref.state_dict().items()}
    native = median_ms(step_fn(torch, ref, torch.tensor(x), torch.tensor(y)), args.warmup,
                       args.steps)
    print(f"MLP {IN}-{HIDDEN}-{OUT}, batch {BATCH}, SGD; median of {args.steps} steps, one thread")
    print(f"{'runs on':<24}{'ms/step':>10}{'x torch':>10}")
    print(f"{'real torch':<24}{native:>10.3f}{1.0:>10.2f}")

    import unify
    import unify.frontends.torch as ft

    for backend in args.backends.split(","):
        with unify.using_backend(backend):
            model = build(ft)
            model.load_state_dict({k: ft.tensor(v) for k, v in state.items()})
            ms = median_ms(step_fn(ft, model, ft.tensor(x), ft.tensor(y)), args.warmup,
                           args.steps)
        print(f"{'frontend on ' + backend:<24}{ms:>10.3f}{ms / native:>10.2f}")


if __name__ == "__main__":
    main()
