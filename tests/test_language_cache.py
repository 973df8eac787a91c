"""py3langid's model, unpacked once into the user's cache folder, answers as the packed one does."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from convert.cache import user_cache_dir
from convert.locale import language

TEXTS = [
    (Path(__file__).resolve().parents[1] / "samples" / "ashgabat-oped.txt").read_text(encoding="utf-8")[
        :4000
    ],
    "Der schnelle braune Fuchs springt über den faulen Hund und läuft dann weiter in den dunklen Wald hinein.",
    "Le renard brun rapide saute par-dessus le chien paresseux et court ensuite dans la forêt profonde et sombre.",
    "東京は日本の首都であり、世界最大の都市圏の一つです。多くの人々が住んでいて、毎日たくさんの電車が走っています。",
]


def test_the_unpacked_model_gives_the_packed_models_answers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    monkeypatch.setenv("BROADSHEET_CACHE_DIR", str(tmp_path / "cache"))
    arrays = language._unpacked_model(MODEL_DIR / MODEL_FILE)
    assert arrays is not None
    unpacked = [p for p in (tmp_path / "cache").iterdir() if not p.name.startswith(".")]
    assert len(unpacked) == 1 and {p.name for p in unpacked[0].iterdir()} == {
        f"{name}.npy" for name in language._MODEL_ARRAYS
    }
    language._identifier.cache_clear()
    try:
        fast = language._identifier()
        slow = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        assert [fast.classify(t) for t in TEXTS] == [slow.classify(t) for t in TEXTS]
        assert [fast.classify(t)[0] for t in TEXTS] == ["en", "de", "fr", "ja"]
    finally:
        language._identifier.cache_clear()


def test_environments_with_the_same_py3langid_share_one_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A model file installed again (another virtual environment, a reinstall) has another time, not
    another content: the copy is named by py3langid's version and the file's size, not its time."""
    import shutil

    from py3langid.langid import MODEL_DIR, MODEL_FILE

    from convert.cache import installed_version

    if installed_version("py3langid") is None:
        pytest.skip("py3langid's version is not readable here (a source checkout)")
    monkeypatch.setenv("BROADSHEET_CACHE_DIR", str(tmp_path / "cache"))
    first = language._unpacked_folder(MODEL_DIR / MODEL_FILE)
    again = tmp_path / "another-env" / MODEL_FILE
    again.parent.mkdir(parents=True)
    shutil.copyfile(MODEL_DIR / MODEL_FILE, again)  # a new time
    os.utime(again, ns=(1, 1))
    assert first is not None and language._unpacked_folder(again) == first
    assert [p.name for p in (tmp_path / "cache").iterdir()] == [first.name]


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="folder ownership is a POSIX check")
def test_a_folder_others_may_write_is_not_a_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    monkeypatch.setenv("BROADSHEET_CACHE_DIR", str(shared))
    assert user_cache_dir() is None
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    assert language._unpacked_model(MODEL_DIR / MODEL_FILE) is None  # the caller loads it the slow way


CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def test_the_numpy_free_scorer_chooses_what_py3langid_chooses() -> None:
    """Same language and the same verdict on the confidence threshold; probabilities within 1e-5
    (double precision against NumPy's single). The corpus's multilingual texts, when it is there."""
    light = language._light_identifier()
    if light is None:
        pytest.skip("no cache folder for the unpacked model")
    texts = list(TEXTS)
    folder = CORPUS / "newspaper4k" / "tests" / "data" / "txt"
    texts += [p.read_text(encoding="utf-8", errors="replace") for p in sorted(folder.glob("*.txt"))]
    heavy = language._identifier()
    langs = set()
    for text in texts:
        for size in (40, 150, 1000, language.MAX_CHARS):
            sample = " ".join(text[: size * 2].split())[:size]
            (a, pa), (b, pb) = light.classify(sample), heavy.classify(sample)
            assert a == b and abs(pa - pb) < 1e-5, sample
            assert (pa < language.MIN_CONFIDENCE) == (pb < language.MIN_CONFIDENCE)
            langs.add(b)
    assert len(langs) >= (10 if folder.is_dir() else 4)
    (a, pa), (b, pb) = light.classify(""), heavy.classify("")  # no features: every class alike
    assert a == b and pa == pytest.approx(pb)


def test_a_one_file_conversion_identifies_without_numpy() -> None:
    import subprocess
    import sys

    probe = (
        "import sys; from convert.locale import identify\n"
        f"assert identify({TEXTS[1]!r}) == 'de'\n"
        "assert 'numpy' not in sys.modules and 'py3langid' not in sys.modules, 'NumPy was imported'\n"
    )
    subprocess.run([sys.executable, "-c", probe], check=True)


def test_a_process_that_identifies_many_texts_switches_to_py3langid(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(language, "_identified", 0)
    used = []
    for _ in range(language.LIGHT_TEXTS + 2):
        used.append(type(language._classifier()).__name__)
    assert used[-1] == "LanguageIdentifier" and used.count("LanguageIdentifier") == 2
