"""Real PyTorch model libraries from the package registry, unmodified, on every unify backend.

Each library (pinned in conftest.PINNED) builds a tiny model twice in this process:

1. with the real torch (the oracle): `import mlp_mixer_pytorch` as usual;
2. under `unify.install("torch", backend=b, packages=[lib, "einops"])`: the listed packages
   are imported afresh, and only their `import torch` statements get unify's frontend, while
   `sys.modules["torch"]` and this test keep the real torch. uninstall() puts the real-torch
   copies of the library and of einops back.

The frontend model gets the real model's weights (state_dict, strict), runs the same input,
and its output, input gradient and every parameter gradient must match real torch's to 1e-5
relative (of the largest magnitude of each compared array). One more test runs a library
through `unify run` (the whole-process hook) in a subprocess.
"""
import importlib
import os
import subprocess
import sys
import textwrap

import numpy as np
import pytest

import unify

torch = pytest.importorskip("torch")

RTOL = 1e-5


def _x(shape, seed=0):
    return np.random.RandomState(seed).standard_normal(shape).astype(np.float32)


def _tokens(shape, high, seed=0):
    return np.random.RandomState(seed).randint(0, high, size=shape).astype(np.int64)


# module -> (builder given the imported module, input)
CASES = {
    "mlp_mixer_pytorch": (
        lambda m: m.MLPMixer(image_size=8, channels=3, patch_size=4, dim=16, depth=2,
                             num_classes=5),
        lambda: _x((2, 3, 8, 8))),
    "res_mlp_pytorch": (
        lambda m: m.ResMLP(image_size=8, patch_size=4, dim=16, depth=2, num_classes=5),
        lambda: _x((2, 3, 8, 8))),
    "g_mlp_pytorch": (
        lambda m: m.gMLPVision(image_size=8, patch_size=4, num_classes=5, dim=16, depth=2,
                               attn_dim=8),
        lambda: _x((2, 3, 8, 8))),
    "perceiver_pytorch": (
        lambda m: m.Perceiver(input_channels=3, input_axis=2, num_freq_bands=2, max_freq=4.0,
                              depth=1, num_latents=4, latent_dim=16, cross_heads=1,
                              latent_heads=2, cross_dim_head=8, latent_dim_head=8,
                              num_classes=5, attn_dropout=0.0, ff_dropout=0.0,
                              weight_tie_layers=False, fourier_encode_data=True,
                              self_per_cross_attn=1),
        lambda: _x((2, 8, 8, 3))),
    "nystrom_attention": (
        lambda m: m.Nystromformer(dim=16, dim_head=8, heads=2, depth=1, num_landmarks=4,
                                  pinv_iterations=3),
        lambda: _x((2, 8, 16))),
    "linformer": (
        lambda m: m.LinformerLM(num_tokens=20, dim=16, seq_len=8, depth=1, k=4, heads=2),
        lambda: _tokens((2, 8), 20)),
}

_refs = {}


def _reference(lib):
    """The real-torch model's weights, input, output weights, output and gradients."""
    if lib not in _refs:
        build, make_x = CASES[lib]
        torch.manual_seed(0)
        model = build(importlib.import_module(lib)).eval()
        assert isinstance(model, torch.nn.Module)
        x = make_x()
        xt = torch.tensor(x, requires_grad=x.dtype.kind == "f")
        out = model(xt)
        w = _x(tuple(out.shape), seed=1)
        (out * torch.tensor(w)).sum().backward()
        _refs[lib] = dict(
            state={k: v.detach().numpy().copy() for k, v in model.state_dict().items()},
            x=x, w=w, out=out.detach().numpy(),
            x_grad=None if xt.grad is None else xt.grad.numpy(),
            grads={n: p.grad.numpy() for n, p in model.named_parameters() if p.grad is not None})
    return _refs[lib]


def _close(actual, expected, what):
    actual = np.asarray(actual)
    assert actual.shape == expected.shape and actual.dtype == expected.dtype, what
    scale = float(np.max(np.abs(expected))) if expected.size else 0.0
    np.testing.assert_allclose(actual, expected, rtol=RTOL, atol=RTOL * scale, err_msg=what)


@pytest.mark.parametrize("lib", list(CASES))
def test_model_matches_real_torch(lib, backend, registry_packages):
    ref = _reference(lib)
    build = CASES[lib][0]
    ft = unify.install("torch", backend=backend, packages=[lib, "einops"])
    try:
        mod = importlib.import_module(lib)
        assert mod.__name__ == lib and sys.modules["torch"] is torch  # real torch stays
        model = build(mod).eval()
        assert isinstance(model, ft.nn.Module) and not isinstance(model, torch.nn.Module)
        model.load_state_dict({k: ft.tensor(v) for k, v in ref["state"].items()})  # strict
        x = ft.tensor(ref["x"], requires_grad=ref["x_grad"] is not None)
        out = model(x)
        assert isinstance(out, ft.Tensor)
        _close(out.detach().numpy(), ref["out"], f"{lib} output on {backend}")
        (out * ft.tensor(ref["w"])).sum().backward()
        if ref["x_grad"] is not None:
            _close(x.grad.numpy(), ref["x_grad"], f"{lib} input gradient on {backend}")
        grads = {n: p.grad for n, p in model.named_parameters() if p.grad is not None}
        assert sorted(grads) == sorted(ref["grads"])
        scale = max(float(np.max(np.abs(g))) for g in ref["grads"].values())
        for n, g in ref["grads"].items():
            np.testing.assert_allclose(grads[n].numpy(), g, rtol=RTOL, atol=RTOL * scale,
                                       err_msg=f"{lib} gradient of {n} on {backend}")
    finally:
        unify.uninstall()
    assert importlib.import_module(lib).__name__ == lib
    assert isinstance(build(importlib.import_module(lib)), torch.nn.Module)  # real copy back


SCRIPT = """
import sys

import numpy as np
import torch
from mlp_mixer_pytorch import MLPMixer

data = np.load(sys.argv[1])
model = MLPMixer(image_size=8, channels=3, patch_size=4, dim=16, depth=2, num_classes=5).eval()
model.load_state_dict({k[6:]: torch.from_numpy(data[k]) for k in data.files if k.startswith("state.")})
x = torch.from_numpy(data["x"]).requires_grad_()
out = model(x)
out.sum().backward()
np.savez(sys.argv[2], out=out.detach().numpy(), x_grad=x.grad.numpy(), module=torch.__name__)
"""


def test_unify_run_whole_process(registry_packages, tmp_path):
    """The same library through the whole-process hook: `unify run --backend numpy script.py`."""
    torch.manual_seed(0)
    real = CASES["mlp_mixer_pytorch"][0](importlib.import_module("mlp_mixer_pytorch")).eval()
    x = _x((2, 3, 8, 8))
    xt = torch.tensor(x, requires_grad=True)
    out = real(xt)
    out.sum().backward()
    np.savez(tmp_path / "in.npz", x=x, **{f"state.{k}": v.detach().numpy()
                                          for k, v in real.state_dict().items()})
    (tmp_path / "script.py").write_text(textwrap.dedent(SCRIPT))
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3")
    r = subprocess.run([sys.executable, "-m", "unify", "run", "--backend", "numpy",
                        str(tmp_path / "script.py"), str(tmp_path / "in.npz"),
                        str(tmp_path / "out.npz")], capture_output=True, text=True, env=env,
                       timeout=300)
    assert r.returncode == 0, r.stderr
    got = np.load(tmp_path / "out.npz")
    assert str(got["module"]) == "unify.frontends.torch"
    _close(got["out"], out.detach().numpy(), "output")
    _close(got["x_grad"], xt.grad.numpy(), "input gradient")
