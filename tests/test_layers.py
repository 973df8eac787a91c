"""Layers point down: a module never imports one of a higher layer.

model ← locale / passes ← readers / exporters ← api ← batch / commands ← cli

Read with the ``ast`` module, as import-linter does for larger projects;
imports inside functions count too (a lazy import is still a dependency).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "convert"

#: Each module's layer, by its dotted name under ``convert`` (the longest prefix wins).
LAYERS: dict[str, int] = {
    # 0: the tree, errors, limits and plain helpers that know nothing of formats
    "model": 0,
    "errors": 0,
    "limits": 0,
    "dates": 0,
    "io": 0,
    "cache": 0,
    "_gc": 0,
    "_session": 0,
    "_version": 0,
    "_regex": 0,
    "article_parts": 0,
    "schema": 0,
    "base": 0,
    "theme": 0,
    "py": 0,
    # 1: what depends on language, and the passes every reader's tree goes through
    "locale": 1,
    "normalize": 1,
    "quotes": 1,
    "quote_pairs": 1,  # convert.quotes' marks and how they pair
    "gazetteer": 1,
    "names": 1,  # the one name test: asks the gazetteer about names found in prose
    "fetch": 1,
    "web": 1,  # fetching the inputs the user named: URLs, feeds, sitemaps
    "pandoc_run": 1,
    "pandoc_ast": 1,
    "registry": 1,
    # 2: the briefing (the brief exporters build on it)
    "briefing": 2,
    # 3: formats
    "readers": 3,
    "exporters": 3,
    # 4: the public API
    "api": 4,
    "explain": 4,
    "__init__": 6,
    # 5: many articles at once
    "batch": 5,
    # 6: the command line and its subcommands
    "commands": 6,
    "cli": 6,
    "_clitools": 6,
    "__main__": 6,
}


def layer_of(dotted: str) -> int | None:
    parts = dotted.split(".")
    for n in range(len(parts), 0, -1):
        key = ".".join(parts[:n])
        if key in LAYERS:
            return LAYERS[key]
    return None


def module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__" and len(parts) > 1:
        parts = parts[:-1]
    return ".".join(parts)


def imports_of(path: Path) -> list[tuple[int, str]]:
    """``(line, dotted name under convert)`` for every import of the package in ``path``."""
    name = module_name(path)
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)] if node.level > 1 else package
                target = ".".join([*base, *(node.module.split(".") if node.module else [])])
                if not node.module:  # from . import a, b
                    found += [(node.lineno, f"{target}.{a.name}".strip(".")) for a in node.names]
                    continue
            elif node.module and (node.module == "convert" or node.module.startswith("convert.")):
                target = node.module.removeprefix("convert").lstrip(".")
            else:
                continue
            found.append((node.lineno, target))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("convert."):
                    found.append((node.lineno, alias.name.removeprefix("convert.")))
    return found


MODULES = sorted(p for p in PACKAGE.rglob("*.py"))


def test_every_module_has_a_layer() -> None:
    missing = [module_name(p) for p in MODULES if layer_of(module_name(p)) is None]
    assert not missing, f"give these modules a layer in LAYERS: {missing}"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_imports_point_down(path: Path) -> None:
    own = layer_of(module_name(path))
    assert own is not None
    upward = []
    for line, target in imports_of(path):
        if not target or target == "__init__":
            continue  # the package itself (its version)
        theirs = layer_of(target)
        if theirs is not None and theirs > own:
            upward.append(f"line {line}: {target} (layer {theirs} > {own})")
    assert not upward, f"{module_name(path)} imports upward: {upward}"


def test_no_module_is_over_600_lines() -> None:
    """Issue 13: long modules are split along their seams before they pass 600 lines."""
    long = {
        module_name(p): n for p in MODULES if (n := len(p.read_text(encoding="utf-8").splitlines())) > 600
    }
    assert not long, long
