"""Every package directory of the repo is listed in pyproject.toml (a wheel would drop it)."""
import os
import re

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def test_every_package_is_listed():
    text = open(os.path.join(ROOT, "pyproject.toml")).read()
    block = text.split("packages = [", 1)[1].split("]", 1)[0]
    listed = set(re.findall(r'"([\w.]+)"', block))
    found = set()
    for top in ("core", "backends", "frontends"):
        for dirpath, dirnames, filenames in os.walk(os.path.join(ROOT, top)):
            dirnames[:] = [d for d in dirnames if not d.startswith((".", "__"))]
            if "__init__.py" in filenames:
                rel = os.path.relpath(dirpath, ROOT).replace(os.sep, ".")
                found.add("unify." + rel)
    assert found - listed == set(), f"add to pyproject.toml packages: {sorted(found - listed)}"
