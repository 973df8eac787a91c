"""BCP 47 language tags: normalise what a source declares, identify what it does not.

Declared values (``<html lang>``, ``og:locale``, DOCX/ODT/EPUB metadata, YAML,
``--language``) go through :func:`normalise_tag`: langcodes writes them as
BCP 47 (``en_US`` -> ``en-US``, ``iw`` -> ``he``, ``eng`` -> ``en``) and drops
what names no language (``jp``, ``und``, ``x-klingon``, junk).

:func:`identify` asks py3langid (the langid.py model: 97 languages, shipped in
the wheel, nothing downloaded; the first :data:`LIGHT_TEXTS` texts of a process
are scored by :mod:`._langid_model`, which reads the same model without NumPy)
and answers ``None`` rather than guess: when the text is shorter than
:data:`MIN_WORDS` words or the model's calibrated probability is under
:data:`MIN_CONFIDENCE`. ``bench/language.py`` measured
py3langid against lingua-language-detector and langdetect; the README gives
the figures and why py3langid was chosen.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any

from .._regex import compiled

#: Fewer words than this (see :func:`word_count`) is too little text to tell a language by.
MIN_WORDS = 12
#: py3langid's probability (normalised over its 97 languages) below which it is a guess.
MIN_CONFIDENCE = 0.6
#: Only the start of a long text is read: enough for any language, and fast. On the corpus's 109
#: texts with a known language and over 3,000 characters (bench/language.py's samples), reading
#: 3,000, 5,000, 8,000 or 20,000 characters gave the same answer for every text, all right; each
#: character read costs time in the NumPy-free scorer of a cold conversion (issue 18).
MAX_CHARS = 5_000
#: A text longer than this is scored on its first ``PREFIX_CHARS`` first, and that answer stands
#: when its probability is at least ``PREFIX_CONFIDENCE``; otherwise the ``MAX_CHARS`` are scored
#: as before. Scoring costs about as much as the distinct n-grams read (931 in the sample's first
#: 2,000 characters, 1,815 in 5,000: 4.5 against 9.7 ms, issue 18). The threshold was set on the
#: tuning half of 3,508 corpus texts (every text of bench/language.py, Reuters bodies, the
#: article-extraction benchmark's bodies, the whole text of 1,121 saved pages): the most
#: probable prefix answer that differs from the 5,000-character one was 0.99993 (a page of
#: English menus over a German article). On both halves no answer differs.
PREFIX_CHARS = 2_000
PREFIX_CONFIDENCE = 0.99999

# Tags that say "no language known" rather than name one (BCP 47 / ISO 639-2 special codes).
_NOT_A_LANGUAGE = frozenset({"und", "mul", "zxx", "mis"})

# Scripts written without spaces between words (the Unicode Standard's chapters on East and
# South-East Asian scripts; UAX #29 leaves their word boundaries to dictionaries): Han,
# Hiragana, Katakana, Thai, Lao, Khmer, Myanmar, Tibetan; matched by Unicode character name. Their characters are counted instead
# of words: two characters stand for one word, about the mean word length in Chinese and Japanese.
_UNSPACED_SCRIPTS = ("CJK", "HIRAGANA", "KATAKANA", "THAI", "LAO", "KHMER", "MYANMAR", "TIBETAN")


def primary(tag: str | None) -> str | None:
    """The primary language subtag, lower case: ``pt-BR`` -> ``pt``; ``None`` stays ``None``."""
    if not tag:
        return None
    return tag.replace("_", "-").split("-")[0].lower() or None


def normalise_tag(tag: str | None) -> str | None:
    """A declared language as a valid BCP 47 tag, or ``None`` when it names no language.

    ``en_US`` -> ``en-US``, ``EN`` -> ``en``, ``iw`` -> ``he``, ``eng`` -> ``en``,
    ``zh-hant-tw`` -> ``zh-Hant-TW``, ``en_US.UTF-8`` -> ``en-US``. A list
    (``de, en``, as Content-Language allows) gives its first valid tag: ``jp, en``
    -> ``en`` (``jp`` is a country code, not a language). ``und``, private-use
    tags and junk give ``None``.
    """
    if not tag:
        return None
    for piece in compiled(r"[,;\s]+").split(tag):
        found = _one_tag(piece)
        if found:
            return found
    return None


@lru_cache(maxsize=512)
def _one_tag(piece: str) -> str | None:
    # POSIX locale names carry an encoding and a modifier: en_US.UTF-8@euro.
    piece = compiled(r"[.@]").split(piece.strip(), maxsplit=1)[0].replace("_", "-")
    if not piece or not compiled(r"[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*").fullmatch(piece):
        return None
    if len(piece) == 2 and piece.lower() in _plain_languages():
        return piece.lower()  # what langcodes answers (tests/test_language.py checks every pair of letters)
    return _langcodes_tag(piece)


@lru_cache(maxsize=1)
def _plain_languages() -> frozenset[str]:
    """Two-letter codes that are their own BCP 47 tag: CLDR's languages (through Babel, whose data a
    conversion loads anyway) less CLDR's deprecated codes (``iw``, ``in``, ``mo`` ...). Asking
    langcodes about them costs a process its data tables (0.05-0.1 s)."""
    from ._babel import global_table
    from .text import babel_locale

    aliases = global_table("language_aliases")
    return frozenset(
        c for c in babel_locale("en").languages if isinstance(c, str) and len(c) == 2 and c not in aliases
    )


def _langcodes_tag(piece: str) -> str | None:
    import langcodes

    try:
        tag = langcodes.standardize_tag(piece, macro=True)
        lang = langcodes.Language.get(tag)
    except (ValueError, LookupError):
        return None
    if not lang.language or lang.language in _NOT_A_LANGUAGE or not lang.is_valid():
        return None
    return tag


@lru_cache(maxsize=512)
def likely_script(tag: str | None) -> str | None:
    """The ISO 15924 script a language is most likely written in (CLDR likely subtags, via langcodes).

    ``zh`` -> ``Hans``, ``zh-TW`` -> ``Hant``, ``ja`` -> ``Jpan``, ``ar`` -> ``Arab``, ``sr-Latn`` ->
    ``Latn``; ``None`` for ``None`` or a tag langcodes cannot place.
    """
    if not tag:
        return None
    import langcodes

    try:
        return langcodes.Language.get(tag).maximize().script
    except (ValueError, LookupError):
        return None


def word_count(text: str) -> int:
    """Words in ``text``; in scripts without spaces between words, two characters count as one."""
    # Each distinct character is looked at once first: a text in a spaced script has no unspaced one.
    unspaced = sum(1 for ch in text if _unspaced(ch)) if any(map(_unspaced, set(text))) else 0
    if unspaced:
        text = "".join(" " if _unspaced(ch) else ch for ch in text)
    return sum(1 for token in text.split() if any(ch.isalpha() for ch in token)) + unspaced // 2


@lru_cache(maxsize=4096)
def _unspaced(ch: str) -> bool:
    return ch.isalpha() and unicodedata.name(ch, "").startswith(_UNSPACED_SCRIPTS)


#: Texts a process identifies with :mod:`._langid_model` (no NumPy) before it switches to
#: py3langid itself. The standard-library scorer is about three times slower per text than
#: NumPy's, but importing NumPy costs as much as identifying 5-10 articles that way: a one-file
#: conversion never pays for it, a batch worker pays once.
LIGHT_TEXTS = 3
_identified = 0


def _classifier() -> Any:
    global _identified
    _identified += 1
    if _identified <= LIGHT_TEXTS:
        light = _light_identifier()
        if light is not None:
            return light
    return _identifier()


@lru_cache(maxsize=1)
def _light_identifier() -> Any:
    """py3langid's classifier read without NumPy from the unpacked model (:mod:`._langid_model`),
    or ``None`` when there is no unpacked model to read."""
    model = _model_file()
    folder = _unpacked_folder(model) if model is not None else None
    if folder is None:
        return None
    from . import _langid_model

    return _langid_model.load(folder)


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    arrays = _unpacked_model(MODEL_DIR / MODEL_FILE)
    if arrays is None:
        return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    from array import array

    row = arrays["nextmove_row"]
    return LanguageIdentifier(
        arrays["ptc"],
        arrays["pc"],
        arrays["classes"].tolist(),
        arrays["nextmove"],
        arrays["out_feat"].tolist(),
        norm_probs=True,
        tk_row=array("H" if row.dtype.itemsize == 2 else "I", row.tobytes()),
    )


def _model_file() -> Path | None:
    """py3langid's packed model (``py3langid.langid.MODEL_DIR / MODEL_FILE``), found without
    importing py3langid (which imports NumPy)."""
    from importlib.util import find_spec

    spec = find_spec("py3langid")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "model.npz.xz"
    return path if path.is_file() else None


#: The arrays of py3langid's model (``py3langid.modelio``'s npz layout).
_MODEL_ARRAYS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")


def _unpacked_model(model: Path) -> dict[str, Any] | None:
    """py3langid's model arrays, memory-mapped from an unpacked copy in the user's cache folder.

    The model ships LZMA-compressed (68 MB unpacked): unpacking it took
    0.4-3 s of every process that identified a language, more than the rest
    of a plain-text conversion. The copy is made once, named after
    py3langid's version and the model file's size, written to a temporary folder and renamed
    into place, so concurrent workers never see half of it. ``None`` when
    there is no safe cache folder: the caller loads the model the slow way.
    """
    import numpy as np

    target = _unpacked_folder(model)
    if target is None:
        return None
    try:
        return {name: np.load(target / f"{name}.npy", mmap_mode="r") for name in _MODEL_ARRAYS}
    except (OSError, ValueError, KeyError):
        return None


def _unpacked_folder(model: Path) -> Path | None:
    """The folder of the unpacked copy of ``model`` in the user's cache, made if missing (see
    :func:`_unpacked_model`); ``None`` when there is no safe cache folder or it cannot be made."""
    from ..cache import installed_version, user_cache_dir

    folder = user_cache_dir()
    if folder is None:
        return None
    try:
        info = model.stat()
        # Named by py3langid's version and the model's size, so every environment with the same
        # release shares one 68 MB copy (the file's time differs per install); the time stands in
        # for the version when none is found (a source checkout).
        version = compiled(r"[^\w.+]").sub("_", installed_version("py3langid") or "")
        stamp = f"{version}-{info.st_size}" if version else f"{info.st_size}-{info.st_mtime_ns}"
        target = folder / f"py3langid-{stamp}"
        if not target.is_dir():
            _unpack(model, target)
        return target
    except (OSError, ValueError, KeyError):
        return None


def _unpack(model: Path, target: Path) -> None:
    import lzma
    import shutil
    import tempfile

    import numpy as np

    work = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}."))
    try:
        with tempfile.TemporaryFile(dir=work) as tmp:
            with lzma.open(model) as src:
                shutil.copyfileobj(src, tmp, length=1 << 20)
            tmp.seek(0)
            with np.load(tmp, allow_pickle=False) as data:
                for name in _MODEL_ARRAYS:
                    np.save(work / f"{name}.npy", data[name], allow_pickle=False)
        try:
            work.rename(target)
        except OSError:
            if not target.is_dir():  # another process won the race: its copy is as good
                raise
    finally:
        shutil.rmtree(work, ignore_errors=True)


def identify(text: str) -> str | None:
    """The language of ``text`` as a BCP 47 tag, or ``None`` when there is too little text to tell."""
    # Runs of spaces would dilute the model's length-calibrated probability.
    text = " ".join(text[: MAX_CHARS * 2].split())[:MAX_CHARS]
    if word_count(text) < MIN_WORDS:
        return None
    classify = _classifier().classify
    if len(text) > PREFIX_CHARS:
        lang, confidence = classify(text[:PREFIX_CHARS])
        if confidence >= PREFIX_CONFIDENCE:
            return normalise_tag(lang)
    lang, confidence = classify(text)
    if confidence < MIN_CONFIDENCE:
        return None
    return normalise_tag(lang)
