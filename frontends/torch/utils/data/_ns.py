"""The torch frontend's namespace module, for the data utilities. This package is imported
while that namespace is still being built, so names are looked up on it at call time."""
from __future__ import annotations

import sys

torch = sys.modules[__name__.rsplit(".utils.", 1)[0]]
