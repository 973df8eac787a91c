"""Themes: one folder of tokens and CSS shared by every exporter.

A theme is a folder holding ``theme.toml`` and the CSS files it names.
``--style NAME`` finds ``styles/NAME`` shipped with Broadsheet;
``--style path/to/folder`` takes a folder of the user's. Tokens become CSS
custom properties (``[colors] accent`` -> ``--colors-accent``); exporters
that cannot use CSS (DOCX, plain text) read the tokens directly.
"""

from __future__ import annotations

import functools
import hashlib
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import UsageError


def _builtin_root() -> Path:
    """``styles/`` inside the installed package, or beside the source tree."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "styles", here.parent / "styles"):
        if (candidate / "default" / "theme.toml").is_file():
            return candidate
    raise UsageError("Broadsheet's built-in styles are missing", hint="reinstall broadsheet")


@dataclass(frozen=True)
class Theme:
    name: str
    path: Path
    tokens: dict[str, dict[str, Any]]

    def token(self, section: str, key: str, default: Any = None) -> Any:
        return self.tokens.get(section, {}).get(key, default)

    @property
    def width(self) -> int:
        """Plain-text wrap width in characters."""
        return int(self.token("text", "width", 72))

    def css_variables(self) -> str:
        lines = []
        for section, values in self.tokens.items():
            if section == "theme" or not isinstance(values, dict):
                continue
            for key, value in values.items():
                if isinstance(value, str | int | float):
                    lines.append(f"  --{section}-{key.replace('_', '-')}: {value};")
        return ":root {\n" + "\n".join(lines) + "\n}\n"

    def css(self, *kinds: str) -> str:
        """The custom properties, then each CSS file named under ``[theme] KIND``.

        ``css("css", "print_css")`` gives the stylesheet for the PDF.
        """
        parts = [self.css_variables()]
        for kind in kinds:
            for name in self.token("theme", kind, []):
                file = (self.path / name).resolve()
                if not file.is_relative_to(self.path.resolve()) or not file.is_file():
                    raise UsageError(f"theme {self.name!r}: CSS file {name!r} not found in {self.path}")
                parts.append(file.read_text(encoding="utf-8"))
        return "\n".join(parts)

    @functools.cached_property
    def fingerprint(self) -> str:
        """A hash of every file in the theme (used by batch manifests)."""
        h = hashlib.sha256()
        for file in sorted(p for p in self.path.rglob("*") if p.is_file()):
            h.update(file.relative_to(self.path).as_posix().encode())
            h.update(file.read_bytes())
        return h.hexdigest()


def builtin_names() -> list[str]:
    root = _builtin_root()
    return sorted(p.name for p in root.iterdir() if (p / "theme.toml").is_file())


@functools.lru_cache(maxsize=32)
def load_theme(style: str | Path = "default") -> Theme:
    """The theme called ``style``, or the one in the folder ``style``."""
    text = str(style)
    folder = Path(text)
    looks_like_path = isinstance(style, Path) or "/" in text or "\\" in text or text.startswith(".")
    if not looks_like_path and not (folder / "theme.toml").is_file():
        folder = _builtin_root() / text
        if not (folder / "theme.toml").is_file():
            raise UsageError(
                f"unknown style {text!r}",
                hint=f"built-in styles: {', '.join(builtin_names())}; or give a folder holding theme.toml",
            )
    toml_file = folder / "theme.toml"
    if not toml_file.is_file():
        raise UsageError(f"{folder}: not a theme folder (no theme.toml)")
    try:
        tokens = tomllib.loads(toml_file.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise UsageError(f"{toml_file}: not valid TOML: {exc}") from exc
    name = str(tokens.get("theme", {}).get("name", folder.name))
    return Theme(name=name, path=folder.resolve(), tokens=tokens)
