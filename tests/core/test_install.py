"""unify.install / unify.uninstall (the import hook) and the `unify` command.

The hook tests run in this process: real torch is imported first (the oracle), then the
frontend is installed and every test puts the real modules back (the `hook` fixture). The
command's `__main__` semantics (argv, exit status, tracebacks) are checked in subprocesses.
"""
import importlib
import importlib.metadata
import os
import subprocess
import sys
import textwrap
import types

import pytest

import unify
import unify.frontends.numpy as fnp
import unify.frontends.torch as ftorch
from unify import _install

_frontend_getattr = ftorch.__getattr__
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
real_torch = pytest.importorskip("torch")
import numpy as real_numpy  # noqa: E402


@pytest.fixture
def hook():
    """Real torch/numpy modules before; everything back after, whatever the test did."""
    before = {k: v for k, v in sys.modules.items() if k.split(".")[0] in ("torch", "numpy")}
    yield _install
    unify.uninstall()
    assert _install._installed == {}
    for k, v in before.items():
        assert sys.modules.get(k) is v, k


def _exec(code, importer):
    """Run `code` as if it were module `importer`; its globals."""
    g = {"__name__": importer}
    exec(textwrap.dedent(code), g)
    return g


# ------------------------------------------------------------------ whole-process mode


def test_import_forms_give_the_frontend(hook):
    mod = unify.install("torch", backend="numpy")
    assert mod is ftorch
    import torch
    import torch.nn.functional as F
    import torch.optim
    from torch.utils.data import DataLoader, TensorDataset

    assert torch is ftorch and sys.modules["torch"] is ftorch
    assert F is ftorch.nn.functional and sys.modules["torch.nn.functional"] is F
    assert torch.optim is ftorch.optim
    assert DataLoader is ftorch.utils.data.DataLoader and TensorDataset is ftorch.utils.data.TensorDataset
    assert importlib.import_module("torch.nn") is ftorch.nn
    from torch import nn as nn2

    assert nn2 is ftorch.nn
    x = torch.ones(2, 3)
    assert isinstance(x, torch.Tensor) and not isinstance(x, real_torch.Tensor)
    assert torch.__version__ == ftorch.__version__
    assert importlib.metadata.version("torch") == ftorch.__version__
    assert F.relu(x - 2).sum().item() == 0.0


def test_missing_apis_look_missing(hook):
    unify.install("torch")
    import torch

    assert not hasattr(torch, "definitely_not_a_torch_api")
    with pytest.raises(ModuleNotFoundError) as e:
        import torch.definitely_not_a_module  # noqa: F401
    assert e.value.name == "torch.definitely_not_a_module"
    with pytest.raises(ImportError):
        from torch import definitely_not_a_torch_api  # noqa: F401
    import torch.cuda  # a class in the frontend, a module in torch

    assert torch.cuda.is_available() is False


def test_uninstall_restores_the_real_modules(hook):
    real_nn = sys.modules["torch.nn"]
    dist_version = importlib.metadata.version("torch")
    unify.install("torch", backend="numpy")
    import torch

    assert torch is ftorch
    unify.uninstall()
    import torch
    import torch.nn

    assert torch is real_torch and torch.nn is real_nn and sys.modules["torch"] is real_torch
    assert importlib.metadata.version("torch") == dist_version
    unify.uninstall()  # nothing installed: does nothing


def test_installing_again_replaces_and_restores_backend(hook):
    prev = unify.current_backend().name
    unify.install("torch", backend="numpy")
    unify.install("torch", backend="numpy")
    assert list(_install._installed) == ["torch"]
    unify.uninstall("torch")
    assert unify.current_backend().name == prev
    with pytest.raises(ValueError, match="unknown frontend"):
        unify.install("caffe")


def test_native_packages_get_the_real_framework(hook):
    unify.install("torch", backend="torch")
    import torch

    assert _exec("import torch", "scipy.something")["torch"] is real_torch
    assert _exec("import torch", "unify.backends.something")["torch"] is real_torch
    g = _exec("from torch import nn", "jax._src.something")
    assert g["nn"] is real_torch.nn
    # a real submodule nobody imported yet is loaded for a native importer ...
    g = _exec("import torch.utils.file_baton as fb", "torch.something")
    assert g["fb"].__name__ == "torch.utils.file_baton" and g["fb"].__file__.startswith(
        os.path.dirname(real_torch.__file__))
    assert sys.modules["torch"] is ftorch  # ... and the frontend stays in sys.modules
    # the torch backend still runs on real torch under the installed frontend
    t = torch.arange(4.0) * 2
    assert isinstance(t, torch.Tensor) and t.tolist() == [0.0, 2.0, 4.0, 6.0]
    # the real framework's C code reads attributes of sys.modules["torch"]: a name the
    # frontend lacks is answered from the real torch for native callers only
    g = _exec("import sys\nv = sys.modules['torch'].SymFloat", "unify.backends.something")
    assert g["v"] is real_torch.SymFloat
    with pytest.raises(AttributeError):
        _exec("import sys\nv = sys.modules['torch'].SymFloat", "user_code")
    unify.uninstall()
    assert sys.modules["torch.utils.file_baton"].__name__ == "torch.utils.file_baton"
    assert ftorch.__getattr__ is _frontend_getattr


def test_packages_first_imported_while_installed_are_dropped(hook, tmp_path, monkeypatch):
    (tmp_path / "probe_lib_a.py").write_text("import torch\nTensor = torch.Tensor\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    unify.install("torch")
    import probe_lib_a

    assert probe_lib_a.Tensor is ftorch.Tensor
    unify.uninstall()
    assert "probe_lib_a" not in sys.modules
    import probe_lib_a

    assert probe_lib_a.Tensor is real_torch.Tensor
    sys.modules.pop("probe_lib_a")


def test_einops_finds_the_frontend(hook, monkeypatch):
    pytest.importorskip("einops")
    for k in [k for k in sys.modules if k.split(".")[0] == "einops"]:
        monkeypatch.delitem(sys.modules, k)  # a fresh einops, put back after the test
    unify.install("torch", backend="numpy")
    import torch
    from einops import rearrange, reduce
    from einops.layers.torch import Rearrange

    x = torch.arange(24.0).reshape(2, 3, 4)
    y = rearrange(x, "a b c -> c (a b)")
    assert isinstance(y, torch.Tensor) and tuple(y.shape) == (4, 6)
    assert reduce(x, "a b c -> a", "sum").tolist() == [66.0, 210.0]
    assert isinstance(Rearrange("a b c -> a (b c)"), torch.nn.Module)


def test_numpy_frontend(hook):
    unify.install("numpy", backend="numpy")
    import numpy as np
    import numpy.linalg

    assert np is fnp and numpy.linalg is fnp.linalg and np.__version__ == fnp.__version__
    a = np.arange(6.0).reshape(2, 3)
    assert isinstance(a, np.ndarray) and not isinstance(a, real_numpy.ndarray)
    assert _exec("import numpy", "unify.core.something")["numpy"] is real_numpy
    unify.uninstall()
    import numpy

    assert numpy is real_numpy


# ------------------------------------------------------------------ listed-packages mode


def _probe_package(tmp_path, name):
    pkg = tmp_path / name
    pkg.mkdir()
    (pkg / "__init__.py").write_text("import torch\nfrom .layers import Layer\n")
    (pkg / "layers.py").write_text(textwrap.dedent("""
        import torch
        import torch.nn.functional as F
        from torch import nn

        class Layer(nn.Module):
            def forward(self, x):
                return F.relu(x)

        def torch_module():
            import torch   # a function-level import, routed when it runs
            return torch
    """))
    return name


def test_listed_packages_get_the_frontend_alone(hook, tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(tmp_path))
    name = _probe_package(tmp_path, "probe_pkg_b")
    real_copy = importlib.import_module(name)  # imported before: bound to real torch
    assert real_copy.torch is real_torch

    unify.install("torch", backend="numpy", packages=[name])
    emulated = importlib.import_module(name)  # executed afresh against the frontend
    assert emulated is not real_copy
    assert emulated.torch is ftorch and emulated.layers.F is ftorch.nn.functional
    assert issubclass(emulated.Layer, ftorch.nn.Module)
    assert emulated.layers.torch_module() is ftorch
    import torch  # this test module is not listed: the real torch

    assert torch is real_torch and sys.modules["torch"] is real_torch
    out = emulated.Layer()(ftorch.tensor([-1.0, 2.0]))
    assert isinstance(out, ftorch.Tensor) and out.tolist() == [0.0, 2.0]

    unify.uninstall()
    assert sys.modules[name] is real_copy and real_copy.layers.torch_module() is real_torch
    for k in [k for k in sys.modules if k.split(".")[0] == name]:
        sys.modules.pop(k)


# ------------------------------------------------------------------ version= hook


def test_version_without_a_table_is_refused(hook, monkeypatch):
    monkeypatch.setitem(sys.modules, "unify.frontends.torch._versions", None)  # as if absent
    with pytest.raises(ValueError, match=r"torch==1\.7"):
        unify.install("torch", version="1.7")
    assert _install._installed == {} and sys.modules.get("torch") is real_torch


def test_version_is_handed_to_the_table(hook, monkeypatch):
    calls = []
    table = types.ModuleType("unify.frontends.torch._versions")

    def apply(module, version):
        calls.append(("apply", module, version))
        return lambda: calls.append(("undo",))

    table.apply = apply
    monkeypatch.setitem(sys.modules, "unify.frontends.torch._versions", table)
    unify.install("torch", version="1.7")
    assert calls == [("apply", ftorch, "1.7")]
    unify.uninstall()
    assert calls[-1] == ("undo",)


# ------------------------------------------------------------------ the command


def _run(args, cwd, **kw):
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", UNIFY_BACKEND="numpy")
    return subprocess.run([sys.executable, "-m", "unify", *args], cwd=cwd, capture_output=True,
                          text=True, env=env, timeout=300, **kw)


SCRIPT = """
import sys
import torch
import torch.nn.functional as F

print("name", __name__)
print("argv", sys.argv)
print("file", __file__)
print("torch", torch.__name__, torch.__version__, F.relu(torch.tensor([-1.0, 3.0])).tolist())

def fail():
    raise ValueError("boom from the script")

if "--fail" in sys.argv:
    fail()
if "--exit" in sys.argv:
    sys.exit(int(sys.argv[-1]))
"""


@pytest.fixture
def script(tmp_path):
    p = tmp_path / "user_script.py"
    p.write_text(SCRIPT)
    return p


def test_run_main_semantics(script, tmp_path):
    r = _run(["run", "--backend", "numpy", str(script), "a", "--flag", "-h"], cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert "name __main__" in lines
    assert f"argv {[str(script), 'a', '--flag', '-h']!r}" in lines
    assert f"file {script}" in lines
    assert f"torch unify.frontends.torch {ftorch.__version__} [0.0, 3.0]" in lines


def test_run_on_the_torch_backend(tmp_path):
    """Real torch is the runtime under its own emulation (its C++ reads sys.modules["torch"])."""
    (tmp_path / "s.py").write_text(textwrap.dedent("""
        import torch
        x = torch.tensor([1.5, -2.0, 3.0])
        y = torch.where(x > 0, x, 0.0)
        print(torch.__name__, y.tolist(), int(y.argmax()), hasattr(torch, "SymFloat"))
    """))
    r = _run(["run", "--backend", "torch", str(tmp_path / "s.py")], cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == ["unify.frontends.torch", "[1.5,", "0.0,", "3.0]", "2",
                                str(hasattr(ftorch, "SymFloat"))]


def test_run_exit_status_and_traceback(script, tmp_path):
    assert _run(["run", str(script), "--exit", "7"], cwd=tmp_path).returncode == 7
    assert _run(["run", str(script), "--exit", "0"], cwd=tmp_path).returncode == 0
    r = _run(["run", str(script), "--fail"], cwd=tmp_path)
    assert r.returncode == 1
    tb = r.stderr.strip().splitlines()
    assert tb[0] == "Traceback (most recent call last):"
    assert tb[1].startswith(f'  File "{script}", line ')  # starts at the user's file
    assert tb[-1] == "ValueError: boom from the script"
    assert "cli.py" not in r.stderr and "runpy" not in r.stderr


def test_run_module_and_errors(tmp_path):
    (tmp_path / "user_mod.py").write_text("import sys, torch\nprint(sys.argv[1:], torch.__name__)\n")
    r = _run(["run", "-m", "user_mod", "x", "--y"], cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "['x', '--y'] unify.frontends.torch"
    (tmp_path / "whatever.py").write_text("print('not reached')\n")
    r = _run(["run", "--emulate", "torch==0.0.1", "whatever.py"], cwd=tmp_path)
    assert r.returncode == 2 and "0.0.1" in r.stderr and "not reached" not in r.stdout
    r = _run(["run", "--emulate", "torch"], cwd=tmp_path)
    assert r.returncode != 0
    assert _run(["run", "missing_script.py"], cwd=tmp_path).returncode == 2


def test_info():
    r = _run(["info"], cwd=ROOT)
    assert r.returncode == 0, r.stderr
    assert "numpy" in r.stdout and "devices" in r.stdout and ftorch.__version__ in r.stdout


def test_console_script_is_registered():
    text = open(os.path.join(ROOT, "pyproject.toml")).read()
    assert 'unify = "unify.cli:main"' in text.split("[project.scripts]", 1)[1]
    exe = os.path.join(os.path.dirname(sys.executable), "unify")
    if not os.path.exists(exe):
        pytest.skip("the unify console script is not installed in this environment")
    r = subprocess.run([exe, "info"], capture_output=True, text=True, timeout=300,
                       env=dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3"))
    assert r.returncode == 0, r.stderr


def test_cli_in_process_restores_state(script, capsys):
    from unify import cli

    argv = sys.argv[:]
    assert cli.main(["run", "--backend", "numpy", str(script), "--exit", "3"]) == 3
    assert sys.argv == argv and _install._installed == {} and sys.modules["torch"] is real_torch
    assert "torch unify.frontends.torch" in capsys.readouterr().out
