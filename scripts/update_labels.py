"""Regenerate ``convert/locale/data/update_labels.json``: the labels "Last update" and "Created" in
many languages.

The labels are mkdocs-material's translations of ``source.file.date.updated`` (the label a
documentation page shows before the date it was last updated) and ``source.file.date.created``
(the one before the date it was first published), maintained by that project's translators in
``material/templates/partials/languages/*.html``. An "updated" label that is the language's
"created" label word for word is the translators' slip (Thai ``สร้าง``, "created", for both in
9.8.2): it is left out, as it names no update. Broadsheet's own catalogues
translate ``Updated {date}`` in fewer languages and words (Arabic ``حُدّث في``, not ``آخر تحديث``);
:func:`convert.locale.reading.is_update_label` reads both. Run with the mkdocs-material wheel (not
a dependency: ``pip download mkdocs-material --no-deps``)::

    python scripts/update_labels.py mkdocs_material-*.whl > convert/locale/data/update_labels.json
"""

from __future__ import annotations

import json
import re
import sys
import zipfile

_FILE = re.compile(r"material/templates/partials/languages/(?P<lang>[^/]+)\.html")
_KEY = re.compile(r'"source\.file\.date\.(?P<key>updated|created)":\s*"(?P<label>[^"]+)"')


def main(wheel: str) -> str:
    found: dict[str, dict[str, str]] = {"updated": {}, "created": {}}
    version = re.search(r"mkdocs_material-([^-]+)-", wheel)
    with zipfile.ZipFile(wheel) as z:
        for name in z.namelist():
            if m := _FILE.fullmatch(name):
                for key in _KEY.finditer(z.read(name).decode("utf-8")):
                    found[key["key"]][m["lang"]] = key["label"]
    updated = {lang: label for lang, label in found["updated"].items() if label != found["created"].get(lang)}
    doc = {
        "source": "source.file.date.updated and source.file.date.created in "
        f"material/templates/partials/languages/*.html, mkdocs-material {version[1] if version else '?'}",
        "labels": dict(sorted(updated.items())),
        "created": dict(sorted(found["created"].items())),
    }
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


if __name__ == "__main__":
    sys.stdout.write(main(sys.argv[1]))
