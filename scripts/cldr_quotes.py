"""Regenerate ``convert/locale/data/quotes.json`` from CLDR's delimiters.

Babel compiles no ``<delimiters>`` from CLDR, so the quotation marks come from
the Unicode consortium's own JSON release of CLDR, the npm package
``cldr-misc-full`` (the registry mirrors it; nothing else is fetched)::

    npm pack cldr-misc-full@48.2.0 && tar xzf cldr-misc-full-48.2.0.tgz
    python scripts/cldr_quotes.py package > convert/locale/data/quotes.json

Each locale maps to four characters: quotation start and end, alternate
(nested) quotation start and end.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def main(package: Path) -> str:
    version = json.loads((package / "package.json").read_text(encoding="utf-8"))["version"]
    locales = {}
    for folder in sorted((package / "main").iterdir()):
        data = json.loads((folder / "delimiters.json").read_text(encoding="utf-8"))
        marks = data["main"][folder.name]["delimiters"]
        keys = ("quotationStart", "quotationEnd", "alternateQuotationStart", "alternateQuotationEnd")
        locales[folder.name] = "".join(marks[k] for k in keys)
    doc = {"source": f"CLDR {version} delimiters (npm cldr-misc-full {version})", "locales": locales}
    return json.dumps(doc, ensure_ascii=False, indent=0, sort_keys=True) + "\n"


if __name__ == "__main__":
    sys.stdout.write(main(Path(sys.argv[1])))
