"""torch.optim.Optimizer: param groups, per-parameter state, state_dict round trips, hooks.

Updates run on native arrays with core ops and are written back with `Tensor._write` (an
in-place write every view of the parameter sees), outside autograd recording.
"""
from __future__ import annotations

import functools
import warnings
from collections import OrderedDict, defaultdict
from copy import deepcopy
from itertools import chain

from .... import core as C
from .. import _dtype as T
from .._tensor import Tensor, wrap
from ..nn.modules.module import RemovableHandle
from ..nn.modules.utils import no_grad, typename

__all__ = ["Optimizer", "required"]


class _RequiredParameter:
    def __repr__(self):
        return "<required parameter>"


required = _RequiredParameter()

_global_step_pre_hooks: dict = OrderedDict()
_global_step_post_hooks: dict = OrderedDict()


def register_optimizer_step_pre_hook(hook):
    h = RemovableHandle(_global_step_pre_hooks)
    _global_step_pre_hooks[h.id] = hook
    return h


def register_optimizer_step_post_hook(hook):
    h = RemovableHandle(_global_step_post_hooks)
    _global_step_post_hooks[h.id] = hook
    return h


def _hooked_step(step):
    """Optimizer.step with the step hooks, no-grad, and the flag lr schedulers check."""

    @functools.wraps(step)
    def wrapper(self, *args, **kwargs):
        d = self.__dict__
        if d.get("_stepping"):  # a subclass's step calling super().step(): hooks ran already
            return step(self, *args, **kwargs)
        d["_stepping"] = True
        try:
            return _run_step(self, step, args, kwargs)
        finally:
            d["_stepping"] = False

    wrapper._hooked = True
    return wrapper


def _run_step(self, step, args, kwargs):
    args = (self,) + args  # torch's step hooks see the optimizer as the first argument
    for hook in chain(_global_step_pre_hooks.values(), self._optimizer_step_pre_hooks.values()):
        res = hook(self, args, kwargs)
        if res is not None:
            if isinstance(res, tuple) and len(res) == 2:
                args, kwargs = res
            else:
                raise RuntimeError(f"{step} must return None or a tuple of (new_args, "
                                   f"new_kwargs), but got {res}.")
    self._opt_called = True
    with no_grad():
        out = step(*args, **kwargs)
    for hook in chain(self._optimizer_step_post_hooks.values(), _global_step_post_hooks.values()):
        hook(self, args, kwargs)
    return out


class Optimizer:
    """torch.optim.Optimizer."""

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        step = cls.__dict__.get("step")
        if step is not None and not getattr(step, "_hooked", False):
            cls.step = _hooked_step(step)

    def __init__(self, params, defaults):
        self.defaults = defaults
        self._optimizer_step_pre_hooks = OrderedDict()
        self._optimizer_step_post_hooks = OrderedDict()
        self._optimizer_state_dict_pre_hooks = OrderedDict()
        self._optimizer_state_dict_post_hooks = OrderedDict()
        self._optimizer_load_state_dict_pre_hooks = OrderedDict()
        self._optimizer_load_state_dict_post_hooks = OrderedDict()
        if isinstance(params, Tensor):
            raise TypeError("params argument given to the optimizer should be an iterable of "
                            f"Tensors or dicts, but got {typename(params)}")
        self.state = defaultdict(dict)
        self.param_groups = []
        groups = list(params)
        if len(groups) == 0:
            raise ValueError("optimizer got an empty parameter list")
        if not isinstance(groups[0], dict):
            groups = [{"params": groups}]
        for g in groups:
            self.add_param_group(g)

    def __getstate__(self):
        return {"defaults": self.defaults, "state": self.state, "param_groups": self.param_groups}

    def __setstate__(self, state):
        self.__dict__.update(state)
        for k in ("_optimizer_step_pre_hooks", "_optimizer_step_post_hooks",
                  "_optimizer_state_dict_pre_hooks", "_optimizer_state_dict_post_hooks",
                  "_optimizer_load_state_dict_pre_hooks", "_optimizer_load_state_dict_post_hooks"):
            if k not in self.__dict__:
                self.__dict__[k] = OrderedDict()
        self.defaults.setdefault("differentiable", False)

    def __repr__(self):
        s = type(self).__name__ + " ("
        for i, group in enumerate(self.param_groups):
            s += f"\nParameter Group {i}\n"
            for key in sorted(group.keys()):
                if key != "params":
                    s += f"    {key}: {group[key]}\n"
        return s + ")"

    # ------------------------------------------------------------ groups

    def add_param_group(self, param_group):
        if not isinstance(param_group, dict):
            raise TypeError(f"param_group must be a dict, but got {type(param_group).__name__}")
        params = param_group["params"]
        if isinstance(params, Tensor):
            param_group["params"] = [params]
        elif isinstance(params, set):
            raise TypeError("optimizer parameters need to be organized in ordered collections, "
                            "but the ordering of tensors in sets will change between runs. "
                            "Please use a list instead.")
        else:
            param_group["params"] = list(params)
        plist = param_group["params"]
        if plist and isinstance(plist[0], tuple):
            param_group["param_names"] = [n for n, _ in plist]
            param_group["params"] = plist = [p for _, p in plist]
        for p in plist:
            if not isinstance(p, Tensor):
                raise TypeError("optimizer can only optimize Tensors, but one of the params is "
                                + typename(p))
            if not self.defaults.get("differentiable", None) and not p.is_leaf:
                raise ValueError("can't optimize a non-leaf Tensor")
        for name, default in self.defaults.items():
            if default is required and name not in param_group:
                raise ValueError("parameter group didn't specify a value of required "
                                 f"optimization parameter {name}")
            param_group.setdefault(name, default)
        if len(plist) != len({id(p) for p in plist}):
            warnings.warn("optimizer contains a parameter group with duplicate parameters; in "
                          "future, this will cause an error; see "
                          "github.com/pytorch/pytorch/issues/40967 for more information",
                          stacklevel=3)
        seen = {id(p) for g in self.param_groups for p in g["params"]}
        if any(id(p) in seen for p in plist):
            raise ValueError("some parameters appear in more than one parameter group")
        self.param_groups.append(param_group)

    def zero_grad(self, set_to_none=True):
        for group in self.param_groups:
            for p in group["params"]:
                if p.grad is None:
                    continue
                if set_to_none:
                    p.grad = None
                else:
                    g = p.grad
                    if g.grad_fn is not None:
                        g.detach_()
                    else:
                        g.requires_grad_(False)
                    g.zero_()

    def step(self, closure=None):
        raise NotImplementedError

    # ------------------------------------------------------------ hooks

    def register_step_pre_hook(self, hook):
        h = RemovableHandle(self._optimizer_step_pre_hooks)
        self._optimizer_step_pre_hooks[h.id] = hook
        return h

    def register_step_post_hook(self, hook):
        h = RemovableHandle(self._optimizer_step_post_hooks)
        self._optimizer_step_post_hooks[h.id] = hook
        return h

    def register_state_dict_pre_hook(self, hook, prepend=False):
        return self._add(self._optimizer_state_dict_pre_hooks, hook, prepend)

    def register_state_dict_post_hook(self, hook, prepend=False):
        return self._add(self._optimizer_state_dict_post_hooks, hook, prepend)

    def register_load_state_dict_pre_hook(self, hook, prepend=False):
        return self._add(self._optimizer_load_state_dict_pre_hooks, hook, prepend)

    def register_load_state_dict_post_hook(self, hook, prepend=False):
        return self._add(self._optimizer_load_state_dict_post_hooks, hook, prepend)

    @staticmethod
    def _add(d, hook, prepend):
        h = RemovableHandle(d)
        d[h.id] = hook
        if prepend:
            d.move_to_end(h.id, last=False)
        return h

    # ------------------------------------------------------------ state dict

    def state_dict(self):
        for hook in self._optimizer_state_dict_pre_hooks.values():
            hook(self)
        mapping = {}
        start = 0

        def pack(group):
            nonlocal start
            packed = {k: v for k, v in group.items() if k != "params"}
            for i, p in enumerate(group["params"], start):
                mapping.setdefault(id(p), i)
            packed["params"] = [mapping[id(p)] for p in group["params"]]
            start += len(packed["params"])
            return packed

        groups = [pack(g) for g in self.param_groups]
        state = {(mapping[id(k)] if isinstance(k, Tensor) else k): v for k, v in self.state.items()}
        out = {"state": state, "param_groups": groups}
        for hook in self._optimizer_state_dict_post_hooks.values():
            res = hook(self, out)
            if res is not None:
                out = res
        return out

    @staticmethod
    def _cast(param, value, key=None):
        if isinstance(value, Tensor):
            if key == "step":
                return value
            if param.is_floating_point():
                return value.to(dtype=param.dtype, device=param.device)
            return value.to(device=param.device)
        if isinstance(value, dict):
            return {k: Optimizer._cast(param, v, key=k) for k, v in value.items()}
        if isinstance(value, (list, tuple)):
            return type(value)(Optimizer._cast(param, v) for v in value)
        return value

    def load_state_dict(self, state_dict):
        state_dict = dict(state_dict)
        for hook in self._optimizer_load_state_dict_pre_hooks.values():
            res = hook(self, state_dict)
            if res is not None:
                state_dict = res
        groups = self.param_groups
        saved = deepcopy(state_dict["param_groups"])
        if len(groups) != len(saved):
            raise ValueError("loaded state dict has a different number of parameter groups")
        if any(len(g["params"]) != len(s["params"]) for g, s in zip(groups, saved)):
            raise ValueError("loaded state dict contains a parameter group that doesn't match "
                             "the size of optimizer's group")
        id_map = dict(zip(chain.from_iterable(s["params"] for s in saved),
                          chain.from_iterable(g["params"] for g in groups)))
        state = defaultdict(dict)
        for k, v in state_dict["state"].items():
            if k in id_map:
                p = id_map[k]
                state[p] = self._cast(p, v)
            else:
                state[k] = v

        def update(group, new):
            new["params"] = group["params"]
            if "param_names" in group and "param_names" not in new:
                new["param_names"] = group["param_names"]
            return new

        self.__setstate__({"state": state,
                           "param_groups": [update(g, s) for g, s in zip(groups, saved)]})
        for hook in self._optimizer_load_state_dict_post_hooks.values():
            hook(self)

    # ------------------------------------------------------------ helpers for subclasses

    _complex_ok = False  # SGD's update is the same for complex parameters; the others' is not

    def _params_with_grad(self, group):
        """(param, native grad) pairs of a group's params that have a grad."""
        out = []
        for p in group["params"]:
            g = p.grad
            if g is not None:
                if not self._complex_ok and p.dtype.is_complex:
                    raise RuntimeError(f"{type(self).__name__} with complex parameters is not "
                                       "supported by unify's torch frontend yet (torch updates "
                                       "their real and imaginary parts as separate reals)")
                out.append((p, g._value()))
        return out


def _step_tensor(value=0.0):
    """The scalar `step` state tensor (float32, like torch's default scalar dtype)."""
    d = T.float64 if T.get_default_dtype() is T.float64 else T.float32
    return wrap(C.asarray(value, dtype=d.core), d)


def _zeros_like(p):
    return wrap(C.zeros_like(p._value()), p.dtype)


def _bump(step_t):
    """step += 1 in place; returns the new value as a Python float."""
    v = float(C.to_numpy(step_t._value())) + 1.0
    step_t._write(C.asarray(v, dtype=step_t.dtype.core))
    return v


