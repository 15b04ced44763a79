"""Old registry packages that fail on today's NumPy 2 / PyTorch 2.13 (they call removed APIs)
run unmodified under `unify run --emulate ...` on every backend, with the right results.

- torch-dct 0.1.5 calls `torch.rfft(v, 1, onesided=False)` and `torch.irfft(V, 1,
  onesided=False)` (removed in PyTorch 1.8): run under `--emulate torch==1.7`. Expected
  values: its documented equivalence with SciPy, `dct(x, norm)` == `scipy.fft.dct(x, type=2,
  norm)` (and `dct1` == type 1, `dct_2d` == `scipy.fft.dctn`), and idct(dct(x)) == x.
- transforms3d 0.3.1 calls `np.float` (removed in NumPy 1.24) and `np.maximum_sctype`
  (removed in 2.0) at import: run under `--emulate numpy==1.23`. Expected values from SciPy's
  Rotation on the real NumPy (euler 'sxyz' == Rotation.from_euler('xyz'), quaternions
  [w, x, y, z] == as_quat()[[3, 0, 1, 2]] up to sign, axis * angle == as_rotvec()).

Each case writes a small driver script and runs it in a subprocess
through the CLI, which prints its results as JSON.
"""
import json
import os
import subprocess
import sys

import numpy as np
import pytest

BACKENDS = ["numpy", "torch", "jax", "tensorflow"]
X = [[0.5, -1.0, 2.0, 3.0, 0.25, -0.75], [1.0, 2.0, -3.0, 4.0, 5.0, 6.5]]
ANGLES = (0.1, -0.4, 0.7)

DCT_SCRIPT = f"""
import json, torch, torch_dct
x = torch.tensor({X!r}, dtype=torch.float64)
out = {{"version": torch.__version__}}
for norm in (None, "ortho"):
    y = torch_dct.dct(x, norm=norm)
    out["dct_%s" % norm] = y.tolist()
    out["idct_%s" % norm] = torch_dct.idct(y, norm=norm).tolist()
out["dct1"] = torch_dct.dct1(x).tolist()
out["dct_2d"] = torch_dct.dct_2d(x, norm="ortho").tolist()
out["idct_2d"] = torch_dct.idct_2d(torch_dct.dct_2d(x, norm="ortho"), norm="ortho").tolist()
print("RESULT " + json.dumps(out))
"""

T3D_SCRIPT = f"""
import json, numpy as np
import transforms3d.euler as E, transforms3d.quaternions as Q, transforms3d.axangles as AX
out = {{"version": np.__version__}}
m = E.euler2mat(*{ANGLES!r}, "sxyz")
out["euler2mat"] = np.asarray(m).tolist()
out["mat2euler"] = [float(a) for a in E.mat2euler(m, "sxyz")]
out["mat2quat"] = np.asarray(Q.mat2quat(m)).tolist()
out["quat2mat"] = np.asarray(Q.quat2mat(Q.mat2quat(m))).tolist()
out["fillpositive"] = np.asarray(Q.fillpositive([0.1, 0.2, 0.3])).tolist()
axis, angle = AX.mat2axangle(m)
out["rotvec"] = (np.asarray(axis, dtype=np.float) * angle).tolist()
print("RESULT " + json.dumps(out))
"""

# jax's first LAPACK call imports scipy.linalg from C code; in whole-process mode that
# import would see the numpy frontend (an _install limit), so the runner imports it first.
RUNNER = ("import sys, scipy.linalg; from unify.cli import main; "
          "sys.exit(main(['run'] + sys.argv[1:]))")


def _run(tmp_path, script, emulate, backend):
    path = tmp_path / "driver.py"
    path.write_text(script)
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3")
    r = subprocess.run([sys.executable, "-c", RUNNER, "--emulate", emulate, "--backend",
                        backend, str(path)], capture_output=True, text=True, timeout=300,
                       env=env, cwd=str(tmp_path))
    assert r.returncode == 0, r.stderr[-3000:]
    line = [ln for ln in r.stdout.splitlines() if ln.startswith("RESULT ")][-1]
    return json.loads(line[len("RESULT "):])


def _fails_today(module, call):
    """The package fails on the real current framework (an AttributeError for the removed
    API), so the emulation is what makes it run."""
    r = subprocess.run([sys.executable, "-c", f"import {module}; {call}"], capture_output=True,
                       text=True, timeout=300)
    assert r.returncode != 0 and "AttributeError" in r.stderr, r.stderr[-2000:]


def test_torch_dct_fails_on_current_torch(registry_packages):
    _fails_today("torch, torch_dct", "torch_dct.dct(torch.ones(4))")


def test_transforms3d_fails_on_current_numpy(registry_packages):
    _fails_today("transforms3d.quaternions", "")


@pytest.mark.parametrize("backend", BACKENDS)
def test_torch_dct_emulated(registry_packages, tmp_path, backend):
    sfft = pytest.importorskip("scipy.fft")
    out = _run(tmp_path, DCT_SCRIPT, "torch==1.7", backend)
    assert out["version"] == "1.7.0"
    x = np.asarray(X)
    for norm in (None, "ortho"):
        np.testing.assert_allclose(out[f"dct_{norm}"], sfft.dct(x, type=2, norm=norm),
                                   rtol=1e-10, atol=1e-12)
        np.testing.assert_allclose(out[f"idct_{norm}"], x, rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(out["dct1"], sfft.dct(x, type=1), rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(out["dct_2d"], sfft.dctn(x, type=2, norm="ortho"), rtol=1e-10,
                               atol=1e-12)
    np.testing.assert_allclose(out["idct_2d"], x, rtol=1e-10, atol=1e-12)


@pytest.mark.parametrize("backend", BACKENDS)
def test_transforms3d_emulated(registry_packages, tmp_path, backend):
    Rotation = pytest.importorskip("scipy.spatial.transform").Rotation
    out = _run(tmp_path, T3D_SCRIPT, "numpy==1.23", backend)
    assert out["version"] == "1.23.0"
    rot = Rotation.from_euler("xyz", ANGLES)  # static axes x, y, z == transforms3d 'sxyz'
    np.testing.assert_allclose(out["euler2mat"], rot.as_matrix(), atol=1e-12)
    np.testing.assert_allclose(out["mat2euler"], ANGLES, atol=1e-12)
    q = rot.as_quat()[[3, 0, 1, 2]]  # scipy [x, y, z, w] -> transforms3d [w, x, y, z]
    q = q if np.dot(q, out["mat2quat"]) > 0 else -q
    np.testing.assert_allclose(out["mat2quat"], q, atol=1e-12)
    np.testing.assert_allclose(out["quat2mat"], rot.as_matrix(), atol=1e-12)
    np.testing.assert_allclose(out["fillpositive"], [np.sqrt(1 - 0.14), 0.1, 0.2, 0.3],
                               atol=1e-12)
    rv = rot.as_rotvec()
    rv = rv if np.dot(rv, out["rotvec"]) > 0 else -rv
    np.testing.assert_allclose(out["rotvec"], rv, atol=1e-10)
