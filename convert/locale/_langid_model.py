"""py3langid's classifier over its unpacked model, read without NumPy.

py3langid imports NumPy, and importing NumPy was the largest single cost of
a cold plain-text conversion (about 0.1 s of a 0.3 s run, issue 18). The
model :func:`convert.locale.language._unpacked_model` keeps in the user's
cache folder is a handful of ``.npy`` files; this module memory-maps them
with the standard library and runs the same two steps py3langid runs
(``py3langid.langid.LanguageIdentifier.classify`` with ``norm_probs=True``):

1. a walk of the byte n-gram automaton over the UTF-8 text, counting the
   features it reaches (``visit_counts``);
2. the naive Bayes score of each class, ``log1p(count) · ptc[feature] + pc``,
   scaled by ``1 / sqrt(bytes)``, turned into probabilities (softmax), and
   the columns of one label (``srl`` and ``sr``) added together.

The arithmetic is in double precision where NumPy's is in single, so a
confidence may differ in the sixth decimal: the language chosen is the same
(tests/test_language_cache.py compares both over the corpus's languages).
Any file that is not what this reader expects (another ``.npy`` layout, a
big-endian machine) makes :func:`load` return ``None``, and the caller uses
py3langid itself.
"""

from __future__ import annotations

import ast
import math
import mmap
import struct
import sys
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any, cast

#: Feature rows scored together (see :meth:`NaiveBayes.classify`).
_BATCH = 64

#: ``.npy`` type codes (little-endian) to :mod:`struct` / :class:`memoryview` formats.
_FORMATS = {"|u1": "B", "<u2": "H", "<i2": "h", "<u4": "I", "<i4": "i", "<f2": "e", "<f4": "f", "<f8": "d"}


def _npy(path: Path) -> tuple[tuple[int, ...], str, memoryview]:
    """Shape, type code and data of a C-ordered ``.npy`` file, memory-mapped."""
    with path.open("rb") as fh:
        data = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
    if data[:6] != b"\x93NUMPY":
        raise ValueError(f"{path}: not a .npy file")
    size = 2 if data[6] == 1 else 4
    start = 8 + size
    end = start + int.from_bytes(data[8:start], "little")
    header = ast.literal_eval(data[start:end].decode("latin-1"))
    if header.get("fortran_order") or not isinstance(header.get("shape"), tuple):
        raise ValueError(f"{path}: not a C-ordered array")
    return header["shape"], str(header["descr"]), memoryview(data)[end:]


class NaiveBayes:
    """py3langid's ``classify`` (normalised probabilities) over an unpacked model folder."""

    def __init__(self, folder: Path) -> None:
        shape, descr, data = _npy(folder / "classes.npy")
        if not descr.startswith("<U") or len(shape) != 1:
            raise ValueError("classes: unexpected layout")
        width = 4 * int(descr[2:])
        raw = bytes(data[: width * shape[0]])
        self.classes = [
            raw[i : i + width].decode("utf-32-le").rstrip("\0") for i in range(0, len(raw), width)
        ]
        n = len(self.classes)
        self._nextmove = self._ints(folder / "nextmove.npy")
        self._row = self._ints(folder / "nextmove_row.npy")
        self._out = self._ints(folder / "out_feat.npy")
        shape, descr, self._ptc = _npy(folder / "ptc.npy")
        if shape[1:] != (n,) or descr not in ("<f2", "<f4", "<f8"):
            raise ValueError("ptc: unexpected layout")
        self._ptc_row = struct.Struct(f"<{n}{_FORMATS[descr]}")
        shape, descr, pc = _npy(folder / "pc.npy")
        if shape != (n,) or descr not in ("<f2", "<f4", "<f8"):
            raise ValueError("pc: unexpected layout")
        self._pc = list(struct.unpack_from(f"<{n}{_FORMATS[descr]}", pc))
        first: dict[str, int] = {}
        self._aliases: list[tuple[int, int]] = []  # (first, dupe) columns of one label
        for i, label in enumerate(self.classes):
            if label in first:
                self._aliases.append((first[label], i))
            else:
                first[label] = i

    @staticmethod
    def _ints(path: Path) -> memoryview:
        shape, descr, data = _npy(path)
        code: Any = _FORMATS.get(descr)  # an integer format: memoryview's overloads want literals
        if len(shape) != 1 or code is None or code in "efd":
            raise ValueError(f"{path.name}: unexpected layout")
        return cast("memoryview[int]", data[: shape[0] * struct.calcsize(code)].cast(code))

    def _visits(self, data: bytes) -> Counter[int]:
        nextmove, row, out = self._nextmove, self._row, self._out
        state = 0
        found: list[int] = []
        append = found.append
        for byte in data:
            state = nextmove[(row[state] << 8) + byte]
            feature = out[state]
            if feature >= 0:
                append(feature)
        return Counter(found)

    def classify(self, text: str) -> tuple[str, float]:
        """The most likely label and its probability, as ``LanguageIdentifier.classify`` gives them."""
        if text.isupper():
            text = text.lower()
        data = unicodedata.normalize("NFC", text).encode("utf8", errors="surrogatepass")
        n = len(self.classes)
        visits = self._visits(data)
        if visits:
            # Features seen the same number of times share a weight: their rows are summed column
            # by column in C (``sum`` of a slice) and weighted once, not multiplied value by value
            # in Python (issue 18); a few rows at a time, so the floats of one batch are freed for
            # the next rather than all held at once. The order of the sums differs from a
            # row-by-row sum: probabilities move in the fifteenth digit, far below the float16
            # model's precision.
            unpack, ptc = self._ptc_row.unpack_from, self._ptc
            step = self._ptc_row.size
            by_count: dict[int, list[int]] = {}
            for feature, count in visits.items():
                by_count.setdefault(count, []).append(feature)
            scores = self._pc
            for count, features in by_count.items():
                weight = math.log1p(count)
                for start in range(0, len(features), _BATCH):
                    flat: list[float] = []
                    for feature in features[start : start + _BATCH]:
                        flat.extend(unpack(ptc, feature * step))
                    scores = [s + weight * sum(flat[c::n]) for c, s in enumerate(scores)]
        else:
            scores = [0.0] * n
        scale = 1.0 / math.sqrt(len(data) or 1)
        top = max(scores) * scale
        probs = [math.exp(s * scale - top) for s in scores]
        total = sum(probs)
        probs = [p / total for p in probs]
        for i, j in self._aliases:
            probs[i] += probs[j]
            probs[j] = 0.0
        best = max(range(n), key=probs.__getitem__)
        return self.classes[best], probs[best]


def load(folder: Path) -> NaiveBayes | None:
    """The model in ``folder``, or ``None`` when this reader cannot read it as it is."""
    if sys.byteorder != "little":
        return None
    try:
        return NaiveBayes(folder)
    except (OSError, ValueError, KeyError, IndexError, SyntaxError, struct.error):
        return None
