"""Makes the shared helper module `nphelp` importable from every numpy-frontend test."""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
