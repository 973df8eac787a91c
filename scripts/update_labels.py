"""Regenerate ``convert/locale/data/update_labels.json``: the label "Last update" in many languages.

The labels are mkdocs-material's translations of ``source.file.date.updated`` (the label a
documentation page shows before the date it was last updated), maintained by that project's
translators in ``material/templates/partials/languages/*.html``. Broadsheet's own catalogues
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
_KEY = re.compile(r'"source\.file\.date\.updated":\s*"(?P<label>[^"]+)"')


def main(wheel: str) -> str:
    labels: dict[str, str] = {}
    version = re.search(r"mkdocs_material-([^-]+)-", wheel)
    with zipfile.ZipFile(wheel) as z:
        for name in z.namelist():
            if (m := _FILE.fullmatch(name)) and (found := _KEY.search(z.read(name).decode("utf-8"))):
                labels[m["lang"]] = found["label"]
    doc = {
        "source": "source.file.date.updated in material/templates/partials/languages/*.html, "
        f"mkdocs-material {version[1] if version else '?'}",
        "labels": dict(sorted(labels.items())),
    }
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


if __name__ == "__main__":
    sys.stdout.write(main(sys.argv[1]))
