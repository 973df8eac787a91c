"""Regular expressions compiled when first used, not when their module is imported.

A cold ``broadsheet convert a.txt --to txt`` imports the readers, the dates
module and the safety limits, whose patterns for archives, stamps, URLs and
lists a plain-text article never reaches; compiling them all on import was a
few milliseconds of every such run (issue 18). :func:`lazy` stands for
``re.compile`` at module level where a pattern is often not needed.
"""

from __future__ import annotations

import re
from typing import AnyStr, Generic, cast


class _LazyPattern(Generic[AnyStr]):
    """A pattern compiled on its first attribute lookup; the attribute is then kept on the
    instance, so later uses (``P.search`` ...) cost what they cost on the compiled pattern."""

    def __init__(self, pattern: AnyStr, flags: int) -> None:
        self._source: tuple[AnyStr, int] = (pattern, flags)

    def __getattr__(self, name: str) -> object:
        if name.startswith("_"):  # not the pattern's: ``_source`` before __init__ (copy, pickle) ...
            raise AttributeError(name)
        value = getattr(re.compile(self._source[0], self._source[1]), name)
        self.__dict__[name] = value
        return value

    def __reduce__(self) -> tuple[object, tuple[AnyStr, int]]:
        return lazy, self._source  # a copy or a pickle holds the source, not what was looked up

    def __copy__(self) -> _LazyPattern[AnyStr]:
        return self  # as a compiled pattern is its own copy

    def __deepcopy__(self, memo: object) -> _LazyPattern[AnyStr]:
        return self

    def __repr__(self) -> str:
        return f"lazy({self._source[0]!r}, {self._source[1]!r})"


def lazy(pattern: AnyStr, flags: int = 0) -> re.Pattern[AnyStr]:
    """``re.compile(pattern, flags)`` when the result is first used (``.search``, ``.pattern`` ...).

    For module-level patterns used through their methods only: the result is
    not a :class:`re.Pattern` to ``isinstance`` or to the ``re`` module's
    functions.
    """
    return cast("re.Pattern[AnyStr]", _LazyPattern(pattern, flags))
