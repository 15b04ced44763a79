"""torch.random: the default generator's seeding and state."""
from ._api import unsupported as _unsupported
from ._random import (default_generator, get_rng_state, initial_seed, manual_seed, seed,  # noqa: F401
                      set_rng_state)


def __getattr__(name: str):
    raise _unsupported("torch.random", name)
