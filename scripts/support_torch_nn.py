"""Write docs/support/torch-nn.md (torch.nn layers and losses, torch.optim optimizers and
lr_schedulers x backend) from the test results.

    python scripts/support_torch_nn.py [--junit tests/results/junit.xml]
                                       [--out docs/support/torch-nn.md]

Source: the junit XML of a pytest run (`make test`) that includes
tests/frontends/torch/test_nn_modules.py and test_optim.py. Which class a test exercises is
read from those files' source (with `ast`, nothing is imported from them):
- the case tables `LAYERS` (`case("Linear", ...)`), `ACTIVATIONS` (test id `act_<Class>`),
  `_losses()` (test id `<Class>[_variant]`), `OPTIMIZERS` (`("SGD", {...})`) and
  `SCHEDULERS` (`lambda m, o: m.StepLR(...)`) give the class of each parametrized case
  (`test_layer[jax-linear]`);
- every other test is counted for each class its body names (`RN.LSTM`, `M.MaxUnpool1d`,
  `getattr(M, f"MaxPool{n}d")`, `fopt.LBFGS`, `m.ReduceLROnPlateau`, ...).
The classes listed are real torch's (torch.nn, torch.optim, torch.optim.lr_scheduler; real
torch is the test oracle and must be installed to run this script).

Status per class and backend: `pass` (every test of the class passed), `FAIL` with the failing
tests, `untested` (no test names the class, or the run recorded none of its tests), `missing`
(the frontend lacks the class).
"""
from __future__ import annotations

import argparse
import ast
import collections
import os
import re
import sys
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BACKENDS = ("numpy", "torch", "jax", "tensorflow")
TEST_FILES = {"test_nn_modules": os.path.join(ROOT, "tests", "frontends", "torch",
                                              "test_nn_modules.py"),
              "test_optim": os.path.join(ROOT, "tests", "frontends", "torch", "test_optim.py")}
JUNIT_ID = re.compile(r"^(test_\w+)\[(numpy|torch|jax|tensorflow)(?:-(.+))?\]$")
# parametrized test function -> the case table its `name`/`case` parameter indexes
CASE_TESTS = {"test_layer": "LAYERS", "test_loss": "LOSSES", "test_optimizer_steps": "OPTIMIZERS",
              "test_scheduler_sequence": "SCHEDULERS"}


# ------------------------------------------------------------------ the classes

def torch_classes() -> dict[str, list[str]]:
    """{section: [class names]} from real torch."""
    import torch
    from torch import nn, optim
    from torch.nn.modules.loss import _Loss
    from torch.optim import lr_scheduler as lrs

    def public(mod, names, base, skip=()):
        out = []
        for n in names:
            obj = getattr(mod, n, None)
            if isinstance(obj, type) and issubclass(obj, base) and n not in skip \
                    and not n.startswith("_"):
                out.append(n)
        return sorted(set(out))

    mods = nn.modules.__all__
    sched_base = tuple(b for b in (getattr(lrs, "LRScheduler", None), lrs.ReduceLROnPlateau) if b)
    del torch
    return {
        "torch.nn layers and containers": [n for n in public(nn, mods, nn.Module)
                                           if not issubclass(getattr(nn, n), _Loss)],
        "torch.nn losses": public(nn, mods, _Loss),
        "torch.optim optimizers": public(optim, dir(optim), optim.Optimizer, ("Optimizer",)),
        "torch.optim.lr_scheduler": public(lrs, dir(lrs), sched_base,
                                           ("LRScheduler", "_LRScheduler")),
    }


def frontend_has(section: str, name: str) -> bool:
    import unify.frontends.torch as ft

    mod = ft.optim.lr_scheduler if section.endswith("lr_scheduler") else \
        ft.optim if section.startswith("torch.optim") else ft.nn
    try:
        return isinstance(getattr(mod, name), type)
    except AttributeError:
        return False


# ------------------------------------------------------------------ tests -> classes

def _str(node):
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _case_class(table: str, key: str, value) -> set[str]:
    """The classes one case-table entry exercises."""
    if table == "LOSSES":
        return {key.split("_")[0]}
    if isinstance(value, ast.Call) and value.args and _str(value.args[0]):
        return {_str(value.args[0])}  # case("Linear", ...)
    if isinstance(value, ast.Tuple) and value.elts and _str(value.elts[0]):
        return {_str(value.elts[0])}  # ("SGD", dict(...))
    return _named(value)  # lambda m, o: m.StepLR(o, ...)


def _named(node) -> set[str]:
    """Capitalized attribute names used in `node` (`RN.LSTM`, `m.StepLR`) and the patterns of
    `getattr(X, "Name")` / `getattr(X, f"MaxPool{n}d")` (as regexes, prefixed with '~')."""
    out = set()
    for n in ast.walk(node):
        if isinstance(n, ast.Attribute) and n.attr[:1].isupper():
            out.add(n.attr)
        elif _str(n) and n.value.isidentifier() and n.value[:1].isupper():
            out.add(n.value)  # ("Conv2d", (3, 4, 3), ...) tables of a test
        elif isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "getattr" \
                and len(n.args) >= 2:
            a = n.args[1]
            if _str(a):
                out.add(_str(a))
            elif isinstance(a, ast.JoinedStr):
                parts = [re.escape(v.value) if isinstance(v, ast.Constant) else r"\w+"
                         for v in a.values]
                out.add("~" + "".join(parts))
    return out


def _dict_entries(node):
    if isinstance(node, ast.Dict):
        for k, v in zip(node.keys, node.values):
            if _str(k):
                yield _str(k), v


def read_tests(path: str):
    """({table: {case id: set of class names}}, {test function: set of class names})."""
    tree = ast.parse(open(path).read())
    tables: dict[str, dict[str, set]] = collections.defaultdict(dict)
    funcs: dict[str, set] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            tgt = node.targets[0]
            if isinstance(tgt, ast.Name) and tgt.id in ("LAYERS", "OPTIMIZERS", "SCHEDULERS"):
                for k, v in _dict_entries(node.value):
                    tables[tgt.id][k] = _case_class(tgt.id, k, v)
            elif isinstance(tgt, ast.Name) and tgt.id == "ACTIVATIONS":
                for k, _ in _dict_entries(node.value):
                    tables["LAYERS"]["act_" + k] = {k}
            elif isinstance(tgt, ast.Subscript) and isinstance(tgt.value, ast.Name) \
                    and tgt.value.id == "LAYERS" and _str(tgt.slice):
                tables["LAYERS"][_str(tgt.slice)] = _case_class("LAYERS", "", node.value)
        elif isinstance(node, ast.FunctionDef):
            if node.name == "_losses":
                for ret in ast.walk(node):
                    if isinstance(ret, ast.Return):
                        for k, v in _dict_entries(ret.value):
                            tables["LOSSES"][k] = _case_class("LOSSES", k, v)
            elif node.name.startswith("test_") and node.name not in CASE_TESTS:
                funcs[node.name] = _named(node)
    return tables, funcs


def _matches(names: set, cls: str) -> bool:
    return cls in names or any(n[0] == "~" and re.fullmatch(n[1:], cls) for n in names)


# ------------------------------------------------------------------ results

def read_junit(path: str) -> dict:
    """{(file stem, test function, backend): {case id or None: (status, message)}}."""
    out = collections.defaultdict(dict)
    for case in ET.parse(path).getroot().iter("testcase"):
        cls = case.get("classname", "")
        stem = next((s for s in TEST_FILES if cls.endswith(s) or ("." + s + ".") in cls), None)
        m = JUNIT_ID.match(case.get("name", ""))
        if stem is None or not m:
            continue
        fn, backend, cid = m.groups()
        bad = case.find("failure")
        if bad is None:
            bad = case.find("error")
        skip = case.find("skipped")
        if bad is not None:
            status = ("fail", (bad.get("message") or "failed").split("\n")[0][:100])
        elif skip is not None:
            xfail = "xfail" in (skip.get("type") or "") + (skip.get("message") or "")
            status = ("fail", "known failure") if xfail else ("skip", "")
        else:
            status = ("pass", "")
        out[stem, fn, backend][cid] = status
    return out


def class_tests(tests_by_file) -> dict[str, list]:
    """{class name: [(file stem, test function, case id or None)]}."""
    out = collections.defaultdict(list)
    for stem, (tables, funcs) in tests_by_file.items():
        for fn, table in CASE_TESTS.items():
            for cid, names in tables.get(table, {}).items():
                for n in names:
                    out[n].append((stem, fn, cid, names))
        for fn, names in funcs.items():
            out[None].append((stem, fn, None, names))
    return out


def _cell(results, tests, backend):
    """(status, text) of one class on one backend; a test's case id "*" takes every case
    the run recorded for that test function."""
    recorded = []
    for stem, fn, cid in tests:
        for rcid, status in results.get((stem, fn, backend), {}).items():
            if (cid == "*" or rcid == cid) and status[0] != "skip":
                recorded.append(((stem, fn, rcid), status))
    if not recorded:
        return "untested", "untested"
    bad = [t for t, s in recorded if s[0] == "fail"]
    if bad:
        ids = ", ".join(f"`{fn}[{cid}]`" if cid else f"`{fn}`" for _, fn, cid in bad[:3])
        return "fail", "FAIL: " + ids + (f" (+{len(bad) - 3})" if len(bad) > 3 else "")
    return "pass", "pass"


def _shown(path: str) -> str:
    """A path relative to the repository when inside it."""
    rel = os.path.relpath(os.path.abspath(path), ROOT)
    return os.path.abspath(path) if rel.startswith("..") else rel


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--junit", default=os.path.join(ROOT, "tests", "results", "junit.xml"))
    p.add_argument("--out", default=os.path.join(ROOT, "docs", "support", "torch-nn.md"))
    args = p.parse_args()
    if not os.path.exists(args.junit):
        print(f"no results at {args.junit}; run `make test`", file=sys.stderr)
        return 1
    results = read_junit(args.junit)
    by_class = class_tests({s: read_tests(f) for s, f in TEST_FILES.items()})
    generic = by_class.pop(None, [])
    sections = torch_classes()
    counts = collections.Counter()
    body = []
    total = 0
    for title, names in sections.items():
        body += ["", f"### {title}", "", "| class | tests | " + " | ".join(BACKENDS) + " |",
                 "|---|---|" + "---|" * len(BACKENDS)]
        for cls in names:
            total += 1
            tests = [(s, fn, cid) for s, fn, cid, _ in by_class.get(cls, [])]
            tests += [(s, fn, "*") for s, fn, _, named in generic if _matches(named, cls)]
            tests = list(dict.fromkeys(tests))
            have = frontend_has(title, cls)
            cells = []
            for b in BACKENDS:
                status, text = ("missing", "missing") if not have else _cell(results, tests, b)
                counts[b, status] += 1
                cells.append(text)
            body.append(f"| `{cls}` | {len(tests)} | " + " | ".join(cells) + " |")
    lines = [
        "# unify.frontends.torch: torch.nn and torch.optim classes per backend", "",
        "Generated by `scripts/support_torch_nn.py` from "
        f"`{_shown(args.junit)}` (a pytest run of "
        "`tests/frontends/torch/test_nn_modules.py` and `test_optim.py`). Do not edit by hand.",
        "",
        "Each row is a class of real torch. `tests` counts the tests that exercise it: its cases "
        "in the tests' case tables (`LAYERS`, `ACTIVATIONS`, the losses, `OPTIMIZERS`, "
        "`SCHEDULERS`) and the other tests that name it. `pass`: all of them agreed with real "
        "torch on that backend; `FAIL` lists failing tests; `untested`: no test names the class "
        "or none of its tests ran; `missing`: the frontend lacks the class.", "",
        f"{total} classes.", "",
        "| backend | pass | FAIL | untested | missing |", "|---|---|---|---|---|"]
    for b in BACKENDS:
        lines.append(f"| {b} | {counts[b, 'pass']} | {counts[b, 'fail']} | "
                     f"{counts[b, 'untested']} | {counts[b, 'missing']} |")
    lines += body
    os.makedirs(os.path.dirname(args.out), exist_ok=True)
    with open(args.out, "w") as f:
        f.write("\n".join(lines) + "\n")
    print(f"wrote {_shown(args.out)}: {total} classes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
