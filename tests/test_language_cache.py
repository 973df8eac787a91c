"""py3langid's model, unpacked once into the user's cache folder, answers as the packed one does."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from convert.io import user_cache_dir
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


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="folder ownership is a POSIX check")
def test_a_folder_others_may_write_is_not_a_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o777)
    monkeypatch.setenv("BROADSHEET_CACHE_DIR", str(shared))
    assert user_cache_dir() is None
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    assert language._unpacked_model(MODEL_DIR / MODEL_FILE) is None  # the caller loads it the slow way
