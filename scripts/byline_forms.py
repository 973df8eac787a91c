"""Regenerate ``convert/locale/data/bylines.json`` from the gettext catalogues.

The text reader recognises a byline in any catalogue language by that
catalogue's translation of ``By {names}``. Parsing every catalogue costs a
cold conversion about 30 ms, so the forms are kept in a small file; run this
after translating ``By {names}`` in a catalogue (``tests/test_locale_reading.py``
fails while the file is stale)::

    python scripts/byline_forms.py > convert/locale/data/bylines.json
"""

from __future__ import annotations

import json
import sys

from convert.locale.text import byline_forms_from_catalogues


def main() -> str:
    doc = {
        "source": "msgstr of 'By {names}' in convert/locale/messages/*/LC_MESSAGES/broadsheet.po",
        "forms": byline_forms_from_catalogues(),
    }
    return json.dumps(doc, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


if __name__ == "__main__":
    sys.stdout.write(main())
