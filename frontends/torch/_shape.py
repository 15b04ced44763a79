"""(filled in by the torch frontend work; see __init__.py for how modules are collected)."""
from __future__ import annotations

__all__: list[str] = []
