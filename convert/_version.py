"""Broadsheet's version: the one place it is written (``pyproject.toml`` reads it from here).

A module of its own, so ``broadsheet --version`` and the batch fingerprints
know it without :mod:`importlib.metadata` or the rest of the package.
"""

__version__ = "0.1.0"
