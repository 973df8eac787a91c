"""Regenerate ``convert/locale/data/read_back.json`` from the gettext catalogues.

The text reader recognises a byline (``By {names}``) and an update line
(``Updated {date}``) in any catalogue language by that catalogue's own
translation. Parsing every catalogue costs a cold conversion about 30 ms, so
the forms are kept in a small file; run this after translating one of those
labels (``tests/test_locale_reading.py`` fails while the file is stale)::

    python scripts/read_back_forms.py > convert/locale/data/read_back.json
"""

from __future__ import annotations

import json
import sys

from convert.locale.reading import read_back_forms_from_catalogues


def main() -> str:
    doc = {
        "source": "msgstr of each label in convert/locale/messages/*/LC_MESSAGES/broadsheet.po",
        "forms": read_back_forms_from_catalogues(),
    }
    return json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


if __name__ == "__main__":
    sys.stdout.write(main())
