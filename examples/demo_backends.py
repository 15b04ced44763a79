"""The same core computation on every installed backend: a tiny two-layer
network's loss and its gradient with the core autograd engine, then a few
gradient-descent steps. The printed numbers match across backends."""
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np  # noqa: E402

import unify  # noqa: E402
import unify.core as C  # noqa: E402


def loss(w1, w2, x, y):
    h = C.tanh(C.matmul(x, w1))
    pred = C.matmul(h, w2)
    err = C.subtract(pred, y)
    return C.divide(C.sum(C.multiply(err, err)), 2.0 * C.shape(x)[0])


def train(backend, steps=5, lr=0.1):
    rs = np.random.RandomState(0)
    data = [rs.standard_normal(s) for s in ((3, 4), (4, 1), (8, 3), (8, 1))]
    with unify.using_backend(backend):
        w1, w2, x, y = (C.asarray(a) for a in data)
        value_and_grad = C.value_and_grad(loss, argnums=(0, 1))
        losses = []
        for _ in range(steps):
            value, (g1, g2) = value_and_grad(w1, w2, x, y)
            losses.append(float(C.to_numpy(value)))
            w1 = C.subtract(w1, C.multiply(g1, lr))
            w2 = C.subtract(w2, C.multiply(g2, lr))
        return losses, type(w1).__module__ + "." + type(w1).__name__


def main():
    results = {}
    order = ["numpy", "torch", "jax", "tensorflow"]
    for backend in sorted(unify.available_backends(), key=lambda b: (b not in order, order.index(b) if b in order else 0, b)):
        results[backend] = train(backend)
    print(f"{'backend':<12}{'native array type':<44}losses over 5 gradient steps")
    for b, (losses, kind) in results.items():
        print(f"{b:<12}{kind:<44}" + "  ".join(f"{v:.10f}" for v in losses))
    ref = results["numpy"][0]
    worst = max(abs(a - r) / abs(r) for ls, _ in results.values() for a, r in zip(ls, ref))
    print(f"largest relative difference from the numpy backend: {worst:.2e}")


if __name__ == "__main__":
    main()
