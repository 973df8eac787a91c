"""Python's cyclic garbage collector paused around a piece of work that makes long-lived objects.

A conversion's objects are mostly data that lives until it ends (the tree, Babel's locale, the
language model's tables, WeasyPrint's box tree); the automatic collections walk them again and
again as they grow (issue 18: 3 % of a cold one-file conversion, 7 % of a PDF render). Paused, the
work's cyclic garbage is swept once, when it is done.
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused(*, sweep: bool = True) -> Iterator[None]:
    """The collector off while inside, then back on and, with ``sweep``, one young collection.

    Left as it is when it is already off, and in any thread but the main one: the collector is
    the whole process's, and a host program running the work in a thread keeps its own.
    """
    if not gc.isenabled() or threading.current_thread() is not threading.main_thread():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
        if sweep:
            gc.collect(0)
