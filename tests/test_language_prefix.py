"""A long text is scored on its start first; the answer is the one the first 5,000 characters give."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest

from convert.locale import language

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
SAMPLE = (ROOT / "samples" / "ashgabat-oped.txt").read_text(encoding="utf-8")


class _Spy:
    """The real classifier, recording the length of every text it scores."""

    def __init__(self, real: Any) -> None:
        self.real, self.lengths = real, []

    def classify(self, text: str) -> tuple[str, float]:
        self.lengths.append(len(text))
        return self.real.classify(text)


def _spy(monkeypatch: pytest.MonkeyPatch) -> _Spy:
    spy = _Spy(language._classifier())
    monkeypatch.setattr(language, "_classifier", lambda: spy)
    return spy


def test_a_long_english_text_is_scored_on_its_start_only(monkeypatch: pytest.MonkeyPatch) -> None:
    spy = _spy(monkeypatch)
    assert language.identify(SAMPLE) == "en"
    assert spy.lengths == [language.PREFIX_CHARS]


def test_an_uncertain_start_falls_back_to_the_full_text(monkeypatch: pytest.MonkeyPatch) -> None:
    spy = _spy(monkeypatch)
    # Its first 2,000 characters mix three languages' sentences: no answer is that sure.
    mixed = " ".join(
        [
            "The quick brown fox jumps over the lazy dog and runs into the dark forest.",
            "Der schnelle braune Fuchs springt über den faulen Hund und läuft in den Wald.",
            "Le renard brun rapide saute par-dessus le chien paresseux et court dans la forêt.",
        ]
        * 12
    )
    text = mixed[: language.PREFIX_CHARS] + " " + SAMPLE
    answer = language.identify(text)
    assert spy.lengths == [language.PREFIX_CHARS, language.MAX_CHARS]
    monkeypatch.setattr(language, "PREFIX_CHARS", language.MAX_CHARS)
    assert answer == language.identify(text)


def test_a_short_text_is_scored_once(monkeypatch: pytest.MonkeyPatch) -> None:
    spy = _spy(monkeypatch)
    assert language.identify(SAMPLE[:1500]) == "en"
    assert spy.lengths == [len(" ".join(SAMPLE[:1500].split()))]


@pytest.mark.skipif(not (CORPUS / "newspaper4k").is_dir(), reason="needs ../shared/corpus")
@pytest.mark.parametrize("half", [0, 1])
def test_the_prefix_gives_the_full_answer_on_corpus_texts(half: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every long newspaper4k text (many languages) and every 4th BBC story, on each half."""
    files = sorted((CORPUS / "newspaper4k" / "tests" / "data" / "txt").glob("*.txt"))
    files += sorted((CORPUS / "bbc-news").glob("bbc/*/*.txt"))[::4]
    texts = [
        f.read_bytes().decode("utf-8" if "newspaper4k" in str(f) else "latin-1")
        for f in files
        if hashlib.sha256(f"{f.parent.name}/{f.name}".encode()).digest()[0] % 2 == half
    ]
    texts = [t for t in texts if len(" ".join(t.split())) > language.PREFIX_CHARS]
    assert len(texts) >= 10
    with_prefix = [language.identify(t) for t in texts]
    monkeypatch.setattr(language, "PREFIX_CHARS", language.MAX_CHARS)
    assert with_prefix == [language.identify(t) for t in texts]
