"""BCP 47 language tags: normalise what a source declares, identify what it does not."""

from __future__ import annotations


def primary(tag: str | None) -> str | None:
    """The primary language subtag, lower case: ``pt-BR`` -> ``pt``; ``None`` stays ``None``."""
    if not tag:
        return None
    return tag.replace("_", "-").split("-")[0].lower() or None


def normalise_tag(tag: str | None) -> str | None:
    """A declared tag as well-formed BCP 47 (``en_US`` -> ``en-US``), or ``None`` when it is not one."""
    # SKELETON: replaced by the language-identification work (langcodes).
    if not tag:
        return None
    return tag.strip().replace("_", "-") or None


def identify(text: str) -> str | None:
    """The language of ``text`` as a BCP 47 tag, or ``None`` when there is too little text to tell."""
    # SKELETON: replaced by a maintained identifier.
    from ..normalize import detect_language

    return detect_language(text)
