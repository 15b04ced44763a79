"""Backend selection, the entry-point registry, thread isolation and error reporting."""
import sys
import threading
import types

import numpy as np
import pytest

import unify
import unify.core as C
from unify.core import backend as registry
from harness import BACKENDS


def test_default_is_numpy_and_all_registered():
    assert unify.current_backend().name in BACKENDS
    assert set(BACKENDS) <= set(registry._entry_points())
    assert "numpy" in unify.available_backends()


def test_unknown_backend_lists_valid_names():
    with pytest.raises(ValueError, match="numpy.*torch|torch.*numpy"):
        unify.set_backend("no-such-runtime")


def _fake_registry(monkeypatch, name, module):
    sys.modules[module.__name__] = module
    eps = dict(registry._entry_points())
    eps[name] = module.__name__
    monkeypatch.setattr(registry, "_entry_points", lambda: eps)


def test_missing_framework_names_the_extra(monkeypatch):
    mod = types.ModuleType("fake_unify_backend_missing")
    mod.requires, mod.extra = "surely_not_installed_framework", "fakefw"
    mod.load = lambda: pytest.fail("must not load")
    _fake_registry(monkeypatch, "fakefw", mod)
    with pytest.raises(ImportError, match=r"pip install 'unify\[fakefw\]'"):
        unify.get_backend("fakefw")
    assert "fakefw" not in unify.available_backends()


def test_third_party_backend_through_entry_point(monkeypatch):
    """A new runtime is a package with a module per family plus an entry point."""
    from unify.backends.numpy._base import DTYPES

    mod = types.ModuleType("fake_unify_backend_numpy2")
    mod.requires, mod.extra = "numpy", None
    mod.load = lambda: C.Backend("numpy2", np, "unify.backends.numpy", DTYPES)
    _fake_registry(monkeypatch, "numpy2", mod)
    monkeypatch.setattr(registry, "_loaded", dict(registry._loaded))
    with unify.using_backend("numpy2") as b:
        assert b.name == "numpy2" and not b.missing
        assert C.to_numpy(C.add(C.ones((2,)), 1)).tolist() == [2.0, 2.0]


def test_using_backend_is_per_thread(backend):
    seen = {}
    barrier = threading.Barrier(2)

    def worker():
        with unify.using_backend(backend):
            barrier.wait()
            seen["worker"] = unify.current_backend().name
            seen["worker_array"] = C.is_array(C.ones((1,)))
            barrier.wait()

    t = threading.Thread(target=worker)
    with unify.using_backend("numpy"):
        t.start()
        barrier.wait()
        seen["main"] = unify.current_backend().name
        barrier.wait()
        t.join()
    assert seen == {"worker": backend, "worker_array": True, "main": "numpy"}


def test_set_backend_sets_default_for_new_threads(backend):
    prev = unify.current_backend()
    try:
        unify.set_backend(backend)
        assert unify.current_backend().name == backend
        out = {}
        t = threading.Thread(target=lambda: out.setdefault("b", unify.current_backend().name))
        t.start()
        t.join()
        assert out["b"] == backend
    finally:
        unify.set_backend(prev)


def test_using_backend_restores_on_error(backend):
    before = unify.current_backend()
    with pytest.raises(KeyError):
        with unify.using_backend(backend):
            raise KeyError("x")
    assert unify.current_backend() is before


def test_every_op_has_an_implementation_on_every_backend(backend):
    b = unify.get_backend(backend)
    assert b.missing == [], f"ops missing on {backend}: {b.missing}"


def test_op_signatures_and_docs():
    for name, info in C.OPS.items():
        assert info.func.__name__ == name.rsplit(".", 1)[-1]
        assert info.func.__doc__.startswith(info.func.__name__ + "(")
        top = name.split(".")[0]
        if "." in name:
            assert getattr(getattr(C, top), name.split(".", 1)[1]) is info.func
        else:
            assert getattr(C, name) is info.func
