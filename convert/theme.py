"""Themes: one folder of tokens and CSS shared by every exporter.

A theme is a folder holding ``theme.toml`` and the CSS files it names.
``--style NAME`` finds ``styles/NAME`` shipped with Broadsheet;
``--style path/to/folder`` takes a folder of the user's. Tokens become CSS
custom properties (``[colors] accent`` -> ``--colors-accent``); exporters
that cannot use CSS (DOCX, plain text) read the tokens directly.

A theme may *extend* another (``[theme] extends = "default"``, a built-in
name or a folder relative to the theme's own): it starts from the parent's
tokens, section by section, with its own values on top, and its CSS files
come after the parent's for each kind. So a change to ``styles/default``
reaches every theme built on it. ``url()`` references in a parent's CSS keep
pointing into the parent's folder.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

from ._regex import lazy
from .cache import dataclass, sha256
from .errors import UsageError


def _builtin_root() -> Path:
    """``styles/`` inside the installed package, or beside the source tree."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "styles", here.parent / "styles"):
        if (candidate / "default" / "theme.toml").is_file():
            return candidate
    raise UsageError("Broadsheet's built-in styles are missing", hint="reinstall broadsheet")


#: Deepest chain of ``extends``; a longer one is almost surely a loop through folders.
MAX_EXTENDS = 8
_URL = lazy(r"""url\(\s*(['"]?)([^'")\s]+)\1\s*\)""")


@dataclass(frozen=True)
class Theme:
    name: str
    path: Path
    tokens: dict[str, dict[str, Any]]
    #: ``(folder, that folder's own [theme] table)``, the furthest ancestor first, this theme last.
    layers: tuple[tuple[Path, dict[str, Any]], ...] = ()

    def token(self, section: str, key: str, default: Any = None) -> Any:
        return self.tokens.get(section, {}).get(key, default)

    @property
    def folders(self) -> tuple[Path, ...]:
        """This theme's folder and its ancestors' (resources may come from any of them)."""
        return tuple(folder for folder, _ in self.layers) or (self.path,)

    @property
    def description(self) -> str:
        return str(self.token("theme", "description", ""))

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

        ``css("css", "print_css")`` gives the stylesheet for the PDF. With
        ``extends``, each kind lists the parent's files before the theme's own.
        """
        parts = [self.css_variables()]
        layers = self.layers or ((self.path, self.tokens.get("theme", {})),)
        for kind in kinds:
            for folder, own in layers:
                for name in own.get(kind, []):
                    file = (folder / name).resolve()
                    if not file.is_relative_to(folder.resolve()) or not file.is_file():
                        raise UsageError(f"theme {self.name!r}: CSS file {name!r} not found in {folder}")
                    text = file.read_text(encoding="utf-8")
                    parts.append(text if folder == self.path else _absolute_urls(text, folder))
        return "\n".join(parts)

    @functools.cached_property
    def fingerprint(self) -> str:
        """A hash of every file in the theme and its ancestors (used by batch manifests).

        Contents and relative names only, so a moved theme keeps its fingerprint.
        """
        h = sha256()
        for n, folder in enumerate(reversed(self.folders)):
            if n:  # each ancestor after the theme itself, told apart from its files
                h.update(b"\0extends\0")
            for file in sorted(p for p in folder.rglob("*") if p.is_file()):
                h.update(file.relative_to(folder).as_posix().encode())
                h.update(file.read_bytes())
        return h.hexdigest()


def _absolute_urls(css: str, folder: Path) -> str:
    """``css`` from an ancestor's ``folder`` with its relative ``url()``s made absolute file URLs."""

    def one(m: re.Match[str]) -> str:
        target = m.group(2)
        if ":" in target.split("/", 1)[0] or target.startswith(("/", "#")):
            return m.group(0)
        return f'url("{(folder / target).resolve().as_uri()}")'

    return _URL.sub(one, css)


def builtin_names() -> list[str]:
    root = _builtin_root()
    return sorted(p.name for p in root.iterdir() if (p / "theme.toml").is_file())


@functools.lru_cache(maxsize=32)
def load_theme(style: str | Path = "default") -> Theme:
    """The theme called ``style``, or the one in the folder ``style``."""
    folder = _find(style)
    chain: list[tuple[Path, dict[str, Any]]] = []
    while True:
        if any(folder == seen for seen, _ in chain):
            raise UsageError(
                f"{folder}: theme extends itself (through {', '.join(str(f) for f, _ in chain)})"
            )
        if len(chain) == MAX_EXTENDS:
            raise UsageError(f"{chain[0][0]}: themes extend each other more than {MAX_EXTENDS} deep")
        tokens = _read_tokens(folder)
        chain.append((folder, tokens))
        parent = tokens.get("theme", {}).get("extends")
        if not parent:
            break
        if not isinstance(parent, str):
            raise UsageError(f"{folder / 'theme.toml'}: [theme] extends must be a theme name or folder")
        folder = _find(parent, relative_to=folder)
    chain.reverse()
    merged: dict[str, dict[str, Any]] = {}
    for _, tokens in chain:
        for section, values in tokens.items():
            if isinstance(values, dict):
                merged[section] = _merge(merged.get(section, {}), values)
            else:
                merged[section] = values
    # The [theme] table describes one folder: its name and CSS lists are not inherited.
    merged["theme"] = {**chain[-1][1].get("theme", {})}
    own = chain[-1][0]
    name = str(merged["theme"].get("name", own.name))
    layers = tuple((folder, tokens.get("theme", {})) for folder, tokens in chain)
    return Theme(name=name, path=own, tokens=merged, layers=layers)


def _merge(base: dict[str, Any], top: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in top.items():
        out[key] = (
            _merge(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
        )
    return out


def _find(style: str | Path, relative_to: Path | None = None) -> Path:
    """The folder of the theme ``style``: a built-in name, or a folder (relative to ``relative_to``)."""
    text = str(style)
    folder = Path(text)
    if relative_to is not None and not folder.is_absolute():
        folder = relative_to / folder
    looks_like_path = isinstance(style, Path) or "/" in text or "\\" in text or text.startswith(".")
    if not looks_like_path and not (folder / "theme.toml").is_file():
        folder = _builtin_root() / text
        if not (folder / "theme.toml").is_file():
            raise UsageError(
                f"unknown style {text!r}",
                hint=f"built-in styles: {', '.join(builtin_names())}; or give a folder holding theme.toml",
            )
    if not (folder / "theme.toml").is_file():
        raise UsageError(f"{folder}: not a theme folder (no theme.toml)")
    return folder.resolve()


def _read_tokens(folder: Path) -> dict[str, Any]:
    """The theme's ``theme.toml``, parsed.

    What a text parses to is kept in the user's cache under the text's hash
    (:func:`convert.cache.cached_json`): importing :mod:`tomllib` and parsing cost
    a small conversion more than reading the JSON back (about 7 ms of a cold
    run, issue 18). A theme whose values JSON cannot hold (TOML dates) is
    parsed every time.
    """
    from .cache import cached_json

    toml_file = folder / "theme.toml"

    def parse() -> dict[str, Any]:
        import tomllib

        try:
            return tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise UsageError(f"{toml_file}: not valid TOML: {exc}") from exc

    try:
        text = toml_file.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise UsageError(f"{toml_file}: not valid TOML: {exc}") from exc
    try:
        tokens = cached_json("theme", text, parse)
    except TypeError:  # a value JSON cannot hold
        tokens = parse()
    if not isinstance(tokens, dict):
        raise UsageError(f"{toml_file}: not valid TOML")
    return tokens
