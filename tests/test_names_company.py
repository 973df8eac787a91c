"""is_company answers ASCII names without importing cleanco, and answers as cleanco does."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from convert import names

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = (ROOT / "samples" / "ashgabat-oped.txt").read_text(encoding="utf-8")


def _cleanco_says(text: str) -> bool:
    from cleanco import basename

    return names._key(basename(text)) != names._key(text)


def _battery() -> list[str]:
    from cleanco.termdata import terms_by_country, terms_by_type

    forms = {t for ts in [*terms_by_type.values(), *terms_by_country.values()] for t in ts}
    out = []
    for form in sorted(forms):
        for variant in (form, form.upper(), form.title(), form.replace(".", ""), form + "."):
            out += [f"Acme {variant}", f"Acme {variant}.", f"Acme {variant} ", f"Acme, {variant}!"]
            out += [f"{variant} Acme", f"Acme {variant} Holdings"]
    words = {w.strip(".,;:()“”\"'") for w in SAMPLE.split()}
    out += sorted(w for w in words if w[:1].isupper())
    out += [
        "Vladimir Putin",
        "Bergportal GmbH",
        "Acme Ltd",
        "Acme L.T.D.",
        "Acme Co-",
        "Foo Bar -",
        "- -",
        "",
    ]
    return out


def test_the_fast_answer_is_cleancos_for_every_ascii_name() -> None:
    battery = [t for t in _battery() if t.isascii()]
    assert len(battery) > 5000
    fast = [names.is_company(t) for t in battery]
    assert fast == [_cleanco_says(t) for t in battery]
    assert any(fast) and not all(fast)


def test_non_ascii_names_are_cleancos_answer() -> None:
    for text in ("Société Générale S.A.", "Müller GmbH", "Þór ehf.", "Ångström AB", "José Pérez"):
        assert names.is_company(text) == _cleanco_says(text), text


def test_a_plain_ascii_name_does_not_import_cleanco() -> None:
    code = (
        "import sys; from convert import names; "
        "assert not names.is_company('Vladimir Putin'); assert names.is_company('Acme Ltd'); "
        "print('cleanco' in sys.modules)"
    )
    # Run twice: the first run may build the cache folder's copy of the legal forms' last words.
    for _ in range(2):
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
        )
    assert done.stdout.strip() == "True"  # 'Acme Ltd' ends in a legal form: cleanco decides
    code = code.replace("assert names.is_company('Acme Ltd'); ", "")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert done.stdout.strip() == "False"
