"""Progress for the command line: a one-line bar on a terminal, or JSON lines.

The batch engine emits :class:`Event` dicts; these printers turn them into
output. They write to the stream they are given (the library itself never
prints).
"""

from __future__ import annotations

import json
import time
from typing import Any, TextIO

from ..errors import shown

Event = dict[str, Any]


class JsonLines:
    """One JSON object per event, for scripts (``--progress json``)."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def __call__(self, event: Event) -> None:
        self.stream.write(json.dumps(event, ensure_ascii=False, separators=(",", ":")) + "\n")
        self.stream.flush()


class Bar:
    """``[=====>     ] 120/200  3 failed  14.2/s  eta 6s`` redrawn in place; failures printed above it."""

    WIDTH = 28

    def __init__(self, stream: TextIO, *, live: bool = True) -> None:
        self.stream = stream
        self.live = live
        self.total = 0
        self.done = 0
        self.failed = 0
        self.converted = 0
        self.start = time.monotonic()
        self._last = 0.0

    def __call__(self, event: Event) -> None:
        kind = event.get("event")
        if kind == "start":
            self.total = int(event.get("todo", 0))
            self.start = time.monotonic()
        elif kind == "job":
            self.done += 1
            if event.get("status") == "failed":
                self.failed += 1
                self._line(f"failed: {shown(event.get('reason'), 10_000)}")
            elif event.get("status") == "converted":
                self.converted += 1
            self._draw()
        elif kind == "end" and self.live and self.total:
            self._draw(force=True)
            self.stream.write("\n")
            self.stream.flush()

    def _line(self, text: str) -> None:
        if self.live:
            self.stream.write("\r\x1b[2K")
        self.stream.write(text + "\n")
        self.stream.flush()

    def _draw(self, force: bool = False) -> None:
        if not self.live:
            return
        now = time.monotonic()
        if not force and now - self._last < 0.1 and self.done < self.total:
            return
        self._last = now
        total = max(self.total, 1)
        filled = int(self.WIDTH * self.done / total)
        bar = "=" * filled + (">" if filled < self.WIDTH else "") + " " * max(0, self.WIDTH - filled - 1)
        elapsed = max(now - self.start, 1e-6)
        rate = self.done / elapsed
        eta = (self.total - self.done) / rate if rate > 0 else 0.0
        failed = f"  {self.failed} failed" if self.failed else ""
        self.stream.write(f"\r\x1b[2K[{bar}] {self.done}/{self.total}{failed}  {rate:.1f}/s  eta {eta:.0f}s")
        self.stream.flush()
