"""The `unify` command (also `python -m unify`).

    unify run [--frontend torch] [--backend jax] [--emulate torch==1.7] script.py args...
    unify run [options] -m package.module args...
    unify info

`run` installs the frontend for the whole process (`unify.install`) and runs the script as
Python runs one: `__name__ == "__main__"`, `sys.argv == [script, *args]`, the script's folder
first on `sys.path`, its exit status as the command's (`sys.exit(n)` included), and an
uncaught exception printed as a traceback that starts in the script, exit status 1.
"""
from __future__ import annotations

import argparse
import os
import platform
import sys

from ._install import FRONTENDS


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="unify", description="Run code written for one ML framework "
                                "on another framework's runtime.")
    sub = p.add_subparsers(dest="command", required=True)
    r = sub.add_parser("run", help="run a script with `import torch` (or numpy) served by unify",
                       description="Run an unmodified script with a unify frontend installed: "
                       "`import torch` gives unify's torch frontend on the chosen backend.")
    r.add_argument("--frontend", choices=sorted(FRONTENDS),
                   help="the framework the script imports (default: from --emulate, else torch)")
    r.add_argument("--backend", help="the runtime that executes it: numpy, torch, jax, tensorflow "
                   "(default: $UNIFY_BACKEND, else numpy)")
    r.add_argument("--emulate", metavar="FW==VERSION",
                   help="emulate an older framework version, e.g. torch==1.7 or numpy==1.21")
    r.add_argument("-m", dest="module", nargs=argparse.REMAINDER, metavar="MODULE ARGS",
                   help="run a module as `python -m` does (the rest of the line is its arguments)")
    r.add_argument("script", nargs="?", help="the script (omit with -m)")
    r.add_argument("args", nargs=argparse.REMAINDER, help="the script's arguments")
    sub.add_parser("info", help="print the backends, their versions and devices")
    return p


def _parse_emulate(spec: str) -> tuple[str, str]:
    fw, sep, version = spec.partition("==")
    fw, version = fw.strip(), version.strip()
    if not sep or not fw or not version:
        raise SystemExit(f"unify run: --emulate expects FRAMEWORK==VERSION (e.g. torch==1.7), "
                         f"got {spec!r}")
    if fw not in FRONTENDS:
        raise SystemExit(f"unify run: cannot emulate {fw!r}; frontends: {', '.join(FRONTENDS)}")
    return fw, version


def _user_traceback(exc: BaseException, filename: str | None):
    """exc's traceback from the first frame in `filename` (the user's script) on."""
    tb = exc.__traceback__
    if filename:
        t = tb
        while t is not None and os.path.abspath(t.tb_frame.f_code.co_filename) != filename:
            t = t.tb_next
        if t is not None:
            return t
    while tb is not None and tb.tb_frame.f_globals.get("__name__", "").startswith(
            (__name__, "runpy", "importlib")):  # at least drop unify run's own frames
        tb = tb.tb_next
    return tb


def run(args) -> int:
    import runpy

    from . import _install

    if args.module is not None:  # `-m mod a b`: the module and its arguments
        if args.script is not None or not args.module:
            print("unify run: -m takes a module name, and no script", file=sys.stderr)
            return 2
        args.module, args.args = args.module[0], args.module[1:]
    elif args.script is None:
        print("unify run: give a script, or -m MODULE", file=sys.stderr)
        return 2
    frontend, version = args.frontend, None
    if args.emulate:
        fw, version = _parse_emulate(args.emulate)
        if frontend is not None and frontend != fw:
            print(f"unify run: --emulate {args.emulate} does not match --frontend {frontend}",
                  file=sys.stderr)
            return 2
        frontend = fw
    frontend = frontend or "torch"
    if args.script is not None and not os.path.exists(args.script):
        print(f"unify run: can't open file {args.script!r}: no such file", file=sys.stderr)
        return 2
    try:
        _install.install(frontend, backend=args.backend, version=version)
    except (ValueError, ImportError) as e:
        print(f"unify run: {e}", file=sys.stderr)
        return 2

    filename = None
    saved_argv, saved_path0 = sys.argv[:], sys.path[0] if sys.path else None
    try:
        if args.module is not None:
            sys.argv = [args.module, *args.args]
            sys.path[0:1] = [os.getcwd()]
            runpy.run_module(args.module, run_name="__main__", alter_sys=True)
        else:
            filename = os.path.abspath(args.script)
            sys.argv = [args.script, *args.args]
            sys.path[0:1] = [os.path.dirname(filename)]
            runpy.run_path(filename, run_name="__main__")
        return 0
    except SystemExit as e:
        return _exit_status(e.code)
    except BaseException as e:  # noqa: B902 - reported like the interpreter does
        if args.module is not None:
            filename = _module_file(args.module)
        sys.excepthook(type(e), e.with_traceback(_user_traceback(e, filename)), e.__traceback__)
        return 130 if isinstance(e, KeyboardInterrupt) else 1
    finally:
        sys.argv = saved_argv
        if saved_path0 is not None:
            sys.path[0:1] = [saved_path0]
        _install.uninstall()


def _module_file(name: str) -> str | None:
    """The file `python -m name` runs (a package's __main__.py), or None."""
    import importlib.util

    try:
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.submodule_search_locations is not None:
            spec = importlib.util.find_spec(name + ".__main__")
    except (ImportError, ValueError):
        return None
    return os.path.abspath(spec.origin) if spec is not None and spec.origin else None


def _exit_status(code) -> int:
    """sys.exit's argument as the interpreter maps it to a status."""
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


def info() -> int:
    from . import __version__, available_backends, using_backend
    from .core.backend import default_backend
    from .core import devices

    print(f"unify {__version__} (Python {platform.python_version()}, {platform.platform()})")
    print(f"backends (default: {default_backend().name}):")
    for name in available_backends():
        try:
            with using_backend(name) as b:
                devs = ", ".join(str(d) for d in devices())
            print(f"  {name:<11} {b.native.__name__ + ' ' + b.version:<28} devices: {devs}")
        except Exception as e:  # a broken install is reported, not fatal
            print(f"  {name:<11} unavailable: {type(e).__name__}: {e}")
    print("frontends (import name, API version emulated):")
    import importlib

    for fw, (real, target) in FRONTENDS.items():
        try:
            mod = importlib.import_module(target)
            print(f"  {fw:<11} {real} {getattr(mod, '__version__', '?')}")
        except Exception as e:
            print(f"  {fw:<11} unavailable: {type(e).__name__}: {e}")
    return 0


def main(argv=None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "run":
        return run(args)
    return info()


if __name__ == "__main__":
    sys.exit(main())
