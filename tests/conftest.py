"""Shared test set-up: Hypothesis profiles, the backend fixture, harness import path."""
import os
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
for _v in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
    os.environ.setdefault(_v, "1")
# The jax backend compiles every (op, shape, dtype) the first time it runs it; tests run many
# shapes once each, so compilation dominates their time. XLA's cheaper optimisation level cuts
# that by ~30% (results stay within the tests' tolerances).
os.environ.setdefault("XLA_FLAGS", "--xla_backend_optimization_level=0 "
                      "--xla_llvm_disable_expensive_passes=true")
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "core"))
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "frontends", "torch"))

import pytest  # noqa: E402
from hypothesis import HealthCheck, settings  # noqa: E402

_common = dict(deadline=None, suppress_health_check=list(HealthCheck),
               print_blob=True)
# ci: derandomized, so a CI run is reproducible; dev and deep explore new examples each run
settings.register_profile("ci", max_examples=6, derandomize=True, **_common)
settings.register_profile("dev", max_examples=25, derandomize=False, **_common)
settings.register_profile("deep", max_examples=300, derandomize=False, **_common)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

from harness import BACKENDS, require_backend  # noqa: E402


@pytest.fixture(params=BACKENDS)
def backend(request):
    require_backend(request.param)
    return request.param


def pytest_configure(config):
    try:
        import torch

        torch.set_num_threads(1)
    except ImportError:
        pass
