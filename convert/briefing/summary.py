"""Extractive summary: LexRank over the article's sentences.

Sentences are nodes; edges weigh the cosine similarity of their TF-IDF
vectors (IDF over the article's own sentences). A biased PageRank ranks
them: the teleport vector favours the lead and sentences close to the
headline, as a reader of news would. Everything is plain arithmetic in a
fixed order, so the same article always gives the same summary.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

from .sentences import Sentence

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has
    have having he her here hers herself him himself his how i if in into is it its itself just me more
    most my myself no nor not now of off on once only or other our ours out over own same she should so
    some such than that the their theirs them themselves then there these they this those through to too
    under until up very was we were what when where which while who whom why will with would you your
    said says say told one two would could may might must shall us mr mrs ms dr per cent percent year years
    however though although yet still even well much many made make like via within without upon""".split()
)
_TOKEN = re.compile(r"[^\W\d_]+(?:[’'-][^\W\d_]+)*")
DAMPING = 0.85
ITERATIONS = 60


def stem(word: str) -> str:
    """A crude suffix stripper: enough to match "meeting" with "meetings"."""
    w = word.lower().replace("’", "'")
    w = re.sub(r"'s$", "", w)
    for suffix, repl in (("ies", "y"), ("sses", "ss"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            return w[: -len(suffix)] + repl
    return w


def terms(text: str) -> list[str]:
    return [stem(t) for t in _TOKEN.findall(text) if t.lower() not in STOPWORDS and len(t) > 1]


def _vectors(texts: Sequence[str]) -> list[dict[str, float]]:
    bags = [Counter(terms(t)) for t in texts]
    df: Counter[str] = Counter()
    for bag in bags:
        df.update(bag.keys())
    n = len(texts)
    vectors = []
    for bag in bags:
        vec = {t: c * (math.log((1 + n) / (1 + df[t])) + 1.0) for t, c in bag.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        vectors.append({t: v / norm for t, v in vec.items()})
    return vectors


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


def rank(sentences: Sequence[Sentence], title: str | None = None) -> list[float]:
    """A LexRank score per sentence (they sum to 1)."""
    n = len(sentences)
    if n == 0:
        return []
    texts = [s.text for s in sentences]
    vectors = _vectors([*texts, title or ""])
    title_vec = vectors.pop()
    weights = [[0.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            weights[i][j] = weights[j][i] = _cosine(vectors[i], vectors[j])
    bias = []
    for s, vec in zip(sentences, vectors, strict=True):
        lead = 1.0 / math.sqrt(1.0 + s.paragraph)
        bias.append(lead + 2.0 * _cosine(vec, title_vec) + 0.05)
    total = sum(bias)
    bias = [b / total for b in bias]
    out_sums = [sum(row) for row in weights]
    # incoming[j]: (i, share of i's weight that flows to j), only for edges that exist
    incoming = [[(i, weights[i][j] / out_sums[i]) for i in range(n) if weights[i][j] > 0.0] for j in range(n)]
    dangling_nodes = [i for i in range(n) if out_sums[i] == 0]
    scores = [1.0 / n] * n
    for _ in range(ITERATIONS):
        dangling = DAMPING * sum(scores[i] for i in dangling_nodes)
        new = [
            (1 - DAMPING) * bias[j]
            + DAMPING * sum(scores[i] * w for i, w in incoming[j])
            + dangling * bias[j]
            for j in range(n)
        ]
        delta = sum(abs(a - b) for a, b in zip(new, scores, strict=True))
        scores = new
        if delta < 1e-10:
            break
    return scores


_QUOTED = re.compile(r"[“«„\"][^”»“\"]*[”»“\"]")


def _usable(s: Sentence) -> bool:
    """Sentences that can stand alone in a summary: the author's words, not mostly a quotation."""
    text = s.text
    if not 6 <= s.words <= 60 or text.endswith(("?", ":")):
        return False
    if sum(len(m.group(0)) for m in _QUOTED.finditer(text)) > 0.4 * len(text):
        return False
    return not re.match(r"(?i)(it|this|that|these|those|such|he|she|they|and|but|or|so|thus|here)\b", text)


def _similar(a: Sentence, b: Sentence) -> bool:
    ta, tb = set(terms(a.text)), set(terms(b.text))
    return bool(ta and tb) and len(ta & tb) / min(len(ta), len(tb)) > 0.6


def summarise(
    sentences: Sequence[Sentence], title: str | None, bottom: int = 3, points: int = 5
) -> tuple[list[Sentence], list[Sentence]]:
    """The bottom line (2-3 sentences) and up to ``points`` key points, each in article order."""
    scores = rank(sentences, title)
    order = sorted(range(len(sentences)), key=lambda i: (-scores[i], i))
    usable = [i for i in order if _usable(sentences[i])] or order
    chosen: list[Sentence] = []
    words = 0
    for i in usable:
        s = sentences[i]
        if any(_similar(s, c) for c in chosen):
            continue
        if len(chosen) >= 2 and words + s.words > 75:
            break
        chosen.append(s)
        words += s.words
        if len(chosen) == bottom:
            break
    key: list[Sentence] = []
    for i in usable:
        s = sentences[i]
        if len(key) == points:
            break
        if s in chosen or any(_similar(s, c) for c in chosen + key):
            continue
        key.append(s)
    return sorted(chosen, key=lambda s: s.index), sorted(key, key=lambda s: s.index)
