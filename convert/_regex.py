"""Regular expressions compiled once per Python, and when first used, not when their module is imported.

A cold ``broadsheet convert a.txt --to txt`` imports the readers, the dates
module and the safety limits, whose patterns for archives, stamps, URLs and
lists a plain-text article never reaches; compiling them all on import was a
few milliseconds of every such run (issue 18). :func:`lazy` stands for
``re.compile`` at module level where a pattern is often not needed.

The patterns that are used cost parsing and compiling to the regular
expression engine's code in every process: about 15 ms of a cold
conversion. :func:`compiled` is ``re.compile`` with that code kept in the
user's cache folder (:class:`convert.cache.CompiledStore`) for the next
process of the same Python, and :func:`lazy` goes through it too.
"""

from __future__ import annotations

import re
from typing import Any, AnyStr, Generic, cast

_STORE: Any = None
#: The patterns this process built, by type, pattern and flags (as ``re`` keeps its own).
_BUILT: dict[tuple[type, str | bytes, int], Any] = {}
#: Flags whose ``re.compile`` does more than compile (prints the parse tree, warns): never stored.
_UNSTORED = re.DEBUG | getattr(re, "TEMPLATE", 0)


def compiled(pattern: AnyStr, flags: int = 0) -> re.Pattern[AnyStr]:
    """``re.compile(pattern, flags)``: the same pattern object (equal to it, same groups and flags), built
    from the engine code another process of this Python compiled when there is one.

    What ``re._compiler.compile`` hands to ``_sre.compile`` (flags, code, group count and names) is
    stored under the pattern and its flags, in a store keyed by the engine's ``MAGIC`` and ``CODESIZE``
    too; on a hit the pattern is built from it by the same call. Anything unexpected (another
    interpreter's ``re`` internals, a damaged entry) falls back to ``re.compile``.
    """
    global _STORE
    flags = int(flags)
    built = _BUILT.get((type(pattern), pattern, flags))
    if built is not None:
        return cast("re.Pattern[AnyStr]", built)
    if flags & _UNSTORED or type(pattern) not in (str, bytes):
        return re.compile(pattern, flags)
    try:
        import _sre  # type: ignore[import-not-found]

        if _STORE is None:
            from .cache import CompiledStore

            _STORE = CompiledStore("regex", (_sre.MAGIC, _sre.CODESIZE))
        key = (pattern, flags)
        parts = _STORE.get(key)
        if parts is None:
            parts = _engine_parts(pattern, flags)
            _STORE.put(key, parts)
        final_flags, code, groups, groupindex, indexgroup = parts
        built = _sre.compile(pattern, final_flags, code, groups, groupindex, indexgroup)
    except Exception:
        return re.compile(pattern, flags)
    if len(_BUILT) >= 512:  # re's own limit: patterns built from data do not pile up
        _BUILT.clear()
    _BUILT[type(pattern), pattern, flags] = built
    return cast("re.Pattern[AnyStr]", built)


def _engine_parts(
    pattern: str | bytes, flags: int
) -> tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]:
    """What ``re._compiler.compile`` (Python 3.11-3.13) passes to ``_sre.compile`` for ``pattern``."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    # the opcodes are int subclasses; marshal writes plain ints
    return (
        flags | parsed.state.flags,
        list(map(int, code)),
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )


class _LazyPattern(Generic[AnyStr]):
    """A pattern compiled on its first attribute lookup; the attribute is then kept on the
    instance, so later uses (``P.search`` ...) cost what they cost on the compiled pattern."""

    def __init__(self, pattern: AnyStr, flags: int) -> None:
        self._source: tuple[AnyStr, int] = (pattern, flags)

    def __getattr__(self, name: str) -> object:
        if name.startswith("_"):  # not the pattern's: ``_source`` before __init__ (copy, pickle) ...
            raise AttributeError(name)
        value = getattr(compiled(self._source[0], self._source[1]), name)
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
