"""Third-party packages for the acceptance tests, installed from the package registry at test
time into the running environment (pinned versions, `pip install --no-deps`, so pip never
touches torch). Under CI=true a failed install fails the tests; elsewhere (say, offline) they
are skipped."""
import contextlib
import importlib
import importlib.metadata
import os
import subprocess
import sys
import tempfile

import pytest

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")

# distribution -> pinned version; all pure Python, built on torch.nn (einops: their helper)
PINNED = {
    "einops": "0.8.2",
    "mlp-mixer-pytorch": "0.3.1",
    "res-mlp-pytorch": "0.0.6",
    "g-mlp-pytorch": "0.1.5",
    "perceiver-pytorch": "0.11.0",
    "linformer": "0.2.3",
    "nystrom-attention": "0.0.14",
    # old releases that call APIs today's frameworks removed (test_emulate.py)
    "torch-dct": "0.1.5",  # torch.rfft/irfft (removed in PyTorch 1.8)
    "transforms3d": "0.3.1",  # np.float, np.maximum_sctype (removed in NumPy 1.24/2.0)
}
# an einops the test extra already installed is kept if it is at least this
MIN_VERSION = {"einops": (0, 8)}


def _version(dist):
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return None


def _satisfied(dist, pinned):
    v = _version(dist)
    if v is None:
        return False
    if dist in MIN_VERSION:
        parts = tuple(int(p) for p in v.split(".")[:2] if p.isdigit())
        return parts >= MIN_VERSION[dist]
    return v == pinned


@contextlib.contextmanager
def _lock():
    """One pip at a time across pytest-xdist workers."""
    import fcntl

    with open(os.path.join(tempfile.gettempdir(), "unify-acceptance-pip.lock"), "w") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def _unavailable(msg):
    if IN_CI:
        pytest.fail(msg, pytrace=False)
    pytest.skip(msg)


@pytest.fixture(scope="session")
def registry_packages():
    """Make sure every PINNED package is importable (pip-installing what is missing)."""
    torch_before = _version("torch")
    with _lock():
        missing = [f"{d}=={v}" for d, v in PINNED.items() if not _satisfied(d, v)]
        if missing:
            cmd = [sys.executable, "-m", "pip", "install", "--no-deps", "--no-input",
                   "--disable-pip-version-check", "-q", *missing]
            try:
                r = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
            except (OSError, subprocess.TimeoutExpired) as e:
                _unavailable(f"could not run pip to install {missing}: {e}")
            if r.returncode != 0:
                _unavailable(f"pip could not install {missing} (no network?):\n{r.stderr[-2000:]}")
            importlib.invalidate_caches()
    still = [d for d, v in PINNED.items() if not _satisfied(d, v)]
    if still:
        _unavailable(f"not installed after pip: {still}")
    assert _version("torch") == torch_before, "installing test packages changed torch"
    return dict(PINNED)
