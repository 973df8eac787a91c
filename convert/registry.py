"""Readers and exporters by name, found through entry points.

The built-in formats are declared in Broadsheet's own ``pyproject.toml``
the same way a plugin declares its own, so both take one path. Loading is
lazy: ``weasyprint`` is imported only when the ``pdf`` exporter is asked
for, and a broken plugin cannot break the other formats.
"""

from __future__ import annotations

from importlib.metadata import entry_points
from typing import Any, Generic, TypeVar

from .base import Exporter, Reader
from .errors import MissingDependencyError, UnknownFormatError

T = TypeVar("T", Reader, Exporter)


class Registry(Generic[T]):
    """The formats of one entry-point group: :class:`Reader` or :class:`Exporter` classes by name."""

    def __init__(self, group: str, kind: str) -> None:
        self.group = group
        self.kind = kind
        self._classes: dict[str, type[T]] = {}
        self._instances: dict[str, T] = {}

    def names(self) -> list[str]:
        found = {ep.name for ep in entry_points(group=self.group)}
        return sorted(found | set(self._classes))

    def register(self, name: str, cls: type[T], *, override: bool = False) -> None:
        """Register ``cls`` under ``name`` in this process (tests, scripts)."""
        name = name.lower()
        if not override and name in self.names():
            raise ValueError(f"a {self.kind} named {name!r} exists; pass override=True")
        self._classes[name] = cls
        self._instances.pop(name, None)

    def get_class(self, name: str) -> type[T]:
        name = name.lower()
        if name in self._classes:
            return self._classes[name]
        found = list(entry_points(group=self.group, name=name))
        if not found:
            raise UnknownFormatError(name, self.kind, self.names())
        try:
            cls: Any = found[0].load()
        except ImportError as exc:
            raise MissingDependencyError(
                f"the {name!r} {self.kind} needs {exc.name or 'a missing module'!r}",
                hint="reinstall broadsheet with its dependencies: pip install broadsheet",
            ) from exc
        self._classes[name] = cls
        return cls  # type: ignore[no-any-return]

    def get(self, name: str) -> T:
        """The shared instance of the format called ``name``."""
        name = name.lower()
        inst = self._instances.get(name)
        if inst is None:
            inst = self.get_class(name)()
            self._instances[name] = inst
        return inst


readers: Registry[Reader] = Registry("broadsheet.readers", "input")
exporters: Registry[Exporter] = Registry("broadsheet.exporters", "output")
