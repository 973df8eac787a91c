"""Mixed encodings: UTF-8 texts with one paragraph re-encoded as cp1252, decoded back.

    python bench/mixed_encoding.py          # ftfy is compared too when it is installed

Every UTF-8 ``.txt`` file under ../shared/corpus (under 200 kB) with a
non-ASCII paragraph cp1252 can encode, and non-ASCII text elsewhere, gives
one case: that paragraph is re-encoded as cp1252 and the file decoded again.
A case counts when the text comes back exactly. Files are split into halves
by ``sha256(name)[0] % 2`` (0 tuning, 1 validation). Compared:

- ``convert.io.decode_text`` (UTF-8 lines kept, the odd lines decoded alone);
- the whole file decoded as cp1252, then ``ftfy.fix_text`` (mojibake repair
  only: quotes, ligatures, widths and line breaks left as they are).
"""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

from convert.errors import InputError
from convert.io import check_text, decode_text

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


def cases() -> list[tuple[str, str, bytes]]:
    found = []
    for path in sorted(p for p in CORPUS.rglob("*.txt") if p.stat().st_size < 200_000):
        try:
            text = path.read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            continue
        paras = text.split("\n\n")
        for i, para in enumerate(paras):
            if not any(ord(c) > 127 for c in para):
                continue
            try:
                para.encode("cp1252")
            except UnicodeEncodeError:
                continue
            if not any(ord(c) > 127 for c in "\n\n".join(paras[:i] + paras[i + 1 :])):
                continue
            data = b"\n\n".join(q.encode("cp1252" if j == i else "utf-8") for j, q in enumerate(paras))
            found.append((path.name, text, data))
            break
    return found


def main() -> None:
    try:
        import ftfy
    except ImportError:
        ftfy = None
    halves: dict[int, list[tuple[str, bytes]]] = {0: [], 1: []}
    for name, text, data in cases():
        halves[hashlib.sha256(name.encode()).digest()[0] % 2].append((text, data))
    for half, items in halves.items():
        exact = refused = exact_ftfy = 0
        took = took_ftfy = 0.0
        for text, data in items:
            want = check_text(text)
            start = time.perf_counter()
            try:
                exact += decode_text(data, []) == want
            except InputError:
                refused += 1
            took += time.perf_counter() - start
            if ftfy is not None:
                start = time.perf_counter()
                config = ftfy.TextFixerConfig(
                    unescape_html=False,
                    uncurl_quotes=False,
                    fix_latin_ligatures=False,
                    fix_character_width=False,
                    fix_line_breaks=False,
                    normalization=None,
                    remove_control_chars=False,
                )
                fixed = ftfy.fix_text(data.decode("cp1252", errors="replace"), config)
                took_ftfy += time.perf_counter() - start
                exact_ftfy += fixed.strip() != "" and check_text(fixed) == want
        line = f"half {half}: {len(items)} texts; decode_text exact {exact} (refused {refused}, {took:.2f} s)"
        if ftfy is not None:
            line += f"; cp1252 + ftfy exact {exact_ftfy} ({took_ftfy:.2f} s)"
        print(line)  # noqa: T201


if __name__ == "__main__":
    main()
