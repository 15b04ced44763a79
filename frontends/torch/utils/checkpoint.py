"""torch.utils.checkpoint: activation checkpointing.

What differs from torch: `checkpoint` runs the function once and keeps its activations for
backward (the values and gradients are torch's; the memory saving of recomputation is not
reproduced). Device RNG states are empty lists: unify's random streams are explicit keys
that recomputation does not need.
"""
from __future__ import annotations

from .. import _api

__all__ = ["checkpoint", "checkpoint_sequential", "get_device_states", "set_device_states",
           "detach_variable"]


def checkpoint(function, *args, use_reentrant=None, context_fn=None, determinism_check="default",
               debug=False, preserve_rng_state=True, **kwargs):
    """Call `function(*args, **kwargs)`; gradients flow as without checkpointing."""
    return function(*args, **kwargs)


def checkpoint_sequential(functions, segments, input, use_reentrant=None, **kwargs):
    """Run the modules of `functions` (a Sequential or a list) in order on `input`."""
    mods = list(functions.children()) if hasattr(functions, "children") else list(functions)
    for f in mods:
        input = f(input)
    return input


def get_device_states(*args):
    """([], []): no per-device generator state to save (see the module docstring)."""
    return [], []


def set_device_states(devices, states, *, device_type=None):
    """Nothing to restore (see get_device_states)."""


def detach_variable(inputs):
    """The tensors of `inputs` detached, keeping their requires_grad flags."""
    if not isinstance(inputs, tuple):
        raise RuntimeError(f"Only tuple of tensors is supported. Got Unsupported input type: "
                           f"{type(inputs).__name__}")
    out = []
    for x in inputs:
        if not hasattr(x, "detach"):
            out.append(x)
            continue
        y = x.detach()
        y.requires_grad = x.requires_grad
        out.append(y)
    return tuple(out)


def __getattr__(name: str):
    raise _api.unsupported("torch.utils.checkpoint", name)
