"""`python -m unify run script.py ...` / `python -m unify info`: see unify.cli."""
import sys

from .cli import main

sys.exit(main())
