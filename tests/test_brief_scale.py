"""The brief grows linearly with its input: counted work and equal answers, not timings.

``bench/startup.py --long`` times the brief on 400 KB and 837 KB inputs.
"""

from __future__ import annotations

import importlib
import random
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from convert import gazetteer as gz
from convert import model
from convert.briefing import QUOTES_SHOWN, build, entities, render_text
from convert.quotes import PersonIndex

summary = importlib.import_module("convert.briefing.summary")
sentences_module = importlib.import_module("convert.briefing.sentences")
Sentence = sentences_module.Sentence

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "ashgabat-oped.txt"


def _alternation(words: frozenset[str]) -> re.Pattern[str]:
    """The regex the word list replaces: its matches are the reference."""
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])")


TRICKY = (
    "Bosnia and Herzegovina, Bosnia and the rest; New York-based firms left New York. "
    "Guinea-Bissau and Guinea (Guinea) met in Papua New Guinea-Port and in Papua New Guinea. "
    "ParisParis, -Paris, Paris-, Paris’ and Paris's: South Africa South Sudan Sudan. Korea, Republic of"
)


@pytest.mark.parametrize("words", [gz.PLACES, gz.ORGANISATIONS], ids=["places", "organisations"])
def test_the_word_list_finds_what_the_alternation_found(words: frozenset[str]) -> None:
    rng = random.Random(7)
    names = sorted(words)
    made = " ".join(
        rng.choice([*rng.sample(names, 1), "the", "and", "of", "-", ",", "x"]) for _ in range(3000)
    )
    for text in (TRICKY, SAMPLE.read_text(encoding="utf-8"), made, made.replace(" ", "")):
        expected = [(m.start(), m.end(), m.group(0)) for m in _alternation(words).finditer(text)]
        assert list(entities._WordList(words).finditer(text)) == expected


def test_the_sole_person_test_names_whom_a_regex_per_name_names() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    index = PersonIndex.build(text)
    assert len(index.names) >= 2
    find = entities.sole_person(index)

    def reference(sentence: str) -> str | None:
        found = set()
        for name in index.names:
            surname = name.split()[-1]
            form = surname if len(index.by_surname.get(surname, ())) == 1 else name
            if re.search(rf"(?<![\w-]){re.escape(form)}(?![\w-])", sentence):
                found.add(name)
        return next(iter(found)).split()[-1] if len(found) == 1 else None

    for sentence in re.split(r"(?<=[.!?])\s+", text):
        assert find(sentence) == reference(sentence)


def _long_sentences(n: int) -> list[Sentence]:
    rng = random.Random(1)
    vocabulary = [f"word{i}" for i in range(400)]
    return [Sentence(i, i // 4, " ".join(rng.choices(vocabulary, k=18)) + ".") for i in range(n)]


def test_the_graph_of_a_long_input_is_windowed(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = 0
    real = summary._similarity

    def counting(bags: list[object]) -> Callable[[int, int], float]:
        sim = real(bags)

        def counted(i: int, j: int) -> float:
            nonlocal calls
            calls += 1
            return sim(i, j)

        return counted

    monkeypatch.setattr(summary, "_similarity", counting)
    for n in (1000, 2000):
        calls = 0
        scores = summary.rank(_long_sentences(n), "A title")
        assert len(scores) == n and abs(sum(scores) - 1) < 1e-6
        # each sentence against its WINDOW followers, plus its similarity to the headline
        assert calls <= n * (summary.WINDOW + 1)


def test_who_said_what_stops_at_the_limit_and_brief_json_keeps_all() -> None:
    paras = [
        model.Paragraph(
            content=(
                model.Quote(
                    content=(model.Text(f"Remark number {i} is about topic {i} today"),), speaker="Ann Lee"
                ),
                model.Text(" she said on the day."),
            )
        )
        for i in range(QUOTES_SHOWN + 20)
    ]
    article = model.Article(meta=model.Metadata(title="Many remarks", language="en"), body=tuple(paras))
    briefing = build(article)
    assert len(briefing.quotes) == QUOTES_SHOWN + 20
    section = render_text(briefing, width=200).split("WHO SAID WHAT", 1)[1].split("\nFIGURES", 1)[0]
    assert section.count("Remark number") == QUOTES_SHOWN


def test_a_phrase_resolves_to_the_first_name_it_contains_before_and_after_a_name_is_added() -> None:
    rng = random.Random(3)
    first = ["Ann", "Joann", "Lee", "Mark", "Li", "Olu", "Ben"]
    last = ["Lee", "Leeds", "Smith", "Li", "Jones", "Adebayo", "Ng"]
    index = PersonIndex()
    for _ in range(400):
        index.add(f"{rng.choice(first)} {rng.choice(last)}{rng.randrange(50) or ''}", [])
    words = [*first, *last, "the", "minister", "said", "JoAnn", "Lee12", "x"]
    for _ in range(2000):
        phrase = " ".join(rng.choices(words, k=rng.randrange(1, 6)))
        expected = next((n for n in index.names if n in phrase), None)
        if expected is not None:
            assert index.resolve(phrase) == expected
    index.add("Ann Leeds", [])  # a new name: answers given before it are asked again
    assert index.resolve("Ann Leeds said") == next(n for n in index.names if n in "Ann Leeds said")
