"""Shared imports for op family modules: `op(...)` defines a public op of the family."""
from ..autograd import defvjp, nondiff, unbroadcast  # noqa: F401
from ..dispatch import define


def family(module_name: str, exports: list):
    """Return an `op(signature, default=None, doc="")` that registers into `exports`."""
    fam = module_name.rsplit(".", 1)[-1]

    def op(signature: str, default=None, doc: str = ""):
        f = define(signature, default, doc, family=fam)
        name = signature.split("(", 1)[0].strip()
        if "." not in name:
            exports.append(name)
        return f

    return op
