"""Extractive summary: a centrality ranking with a lead prior, picked with MMR.

Ranking (:func:`rank`) is TextRank (Mihalcea & Tarau 2004, "TextRank:
Bringing Order into Texts", section 4.1): sentences are nodes, an edge weighs
the terms two sentences share divided by the sum of the logs of their
lengths, and a PageRank gives each sentence its centrality. The random jump
is biased (as in Erkan & Radev's topic-sensitive LexRank) towards the lead,
the way a news editor reads (a bias towards the headline is there too, at
weight 0: the tuning half liked it no better). On
long inputs the graph is windowed: a sentence links only to its
:data:`WINDOW` neighbours on either side, so the cost grows linearly.

Picking (:func:`summarise`) is Maximal Marginal Relevance (Carbonell &
Goldstein 1998): each next sentence maximises ``LAMBDA * score - (1 - LAMBDA)
* similarity to what is already picked``, until the word budget is spent
(the last sentence may run over it). The budget scales with the article
(:func:`budget_for`).

A sentence that needs its context is eligible once the context is there:
one that opens with "He"/"She" gets its referent shown in brackets when the
sentence before names one person ("He [Jol] conceded …"); one that opens with
"But", "It", "This" … (or "He" with no one to name) is picked together with
the sentence it leans on, and the two stay side by side. A
sentence that is mostly quotation is eligible for the key points when it
names its speaker. The weights were chosen on the tuning half of the BBC News
Summary corpus (``bench/brief_eval.py``); everything is plain arithmetic in a
fixed order, so the same article always gives the same summary.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import operator
import re
from collections import Counter
from collections.abc import Callable, Sequence

from .sentences import Sentence

# Function words: the English stop words of the Snowball project (snowballstem.org, english/stop.txt)
# plus the reporting verbs and titles every news story repeats, which say nothing about its topic.
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
#: On inputs longer than ``2 * WINDOW`` sentences, edges only join sentences this close.
WINDOW = 60

# Weights chosen on the tuning half (bench/brief_eval.py); see the README's table.
SIMILARITY = "overlap"  # "overlap" (TextRank) or "cosine" (LexRank, TF-IDF)
LEAD = 2.0  # weight of the lead prior in the random jump
HEADLINE = 0.0  # weight of similarity to the headline in the random jump
UNIFORM = 0.05  # the uniform part of the random jump
LAMBDA = 0.85  # MMR: relevance against redundancy
REDUNDANT = 0.8  # never two sentences whose smaller term set is this much shared

#: The summary's word budget: a share of the article, within a floor and a cap.
BUDGET_SHARE = 0.25
BUDGET_FLOOR = 60
BUDGET_CAP = 200
BOTTOM_WORDS = 75  # the bottom line: at most this many words, 1-3 sentences


def budget_for(words: int) -> int:
    """Words the summary may use for an article of ``words`` words: 25 %, at least 60, at most 200."""
    return max(BUDGET_FLOOR, min(BUDGET_CAP, round(BUDGET_SHARE * words)))


@functools.lru_cache(maxsize=65536)
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


def _tfidf(bags: Sequence[Counter[str]]) -> list[dict[str, float]]:
    df: Counter[str] = Counter()
    for bag in bags:
        df.update(bag.keys())
    n = len(bags)
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


def _similarity(bags: Sequence[Counter[str]]) -> Callable[[int, int], float]:
    if SIMILARITY == "cosine":
        vectors = _tfidf(bags)
        return lambda i, j: _cosine(vectors[i], vectors[j])
    sets = [frozenset(b) for b in bags]
    logs = [math.log(len(s)) if len(s) > 1 else 0.0 for s in sets]

    def overlap(i: int, j: int) -> float:
        if not sets[i] or not sets[j]:
            return 0.0
        common = len(sets[i] & sets[j])
        return common / (logs[i] + logs[j]) if common and logs[i] + logs[j] > 0 else 0.0

    return overlap


def rank(
    sentences: Sequence[Sentence], title: str | None = None, bags: Sequence[Counter[str]] | None = None
) -> list[float]:
    """A centrality score per sentence (they sum to 1); ``bags`` are their :func:`terms`, if known."""
    n = len(sentences)
    if n == 0:
        return []
    if bags is None:
        bags = [Counter(terms(s.text)) for s in sentences]
    sim = _similarity([*bags, Counter(terms(title or ""))])
    window = n if n <= 2 * WINDOW else WINDOW
    edges: list[list[tuple[int, float]]] = [[] for _ in range(n)]
    for i in range(n):
        for j in range(i + 1, min(n, i + window + 1)):
            w = sim(i, j)
            if w > 0.0:
                edges[i].append((j, w))
                edges[j].append((i, w))
    bias = []
    for i, s in enumerate(sentences):
        bias.append(LEAD / math.sqrt(1.0 + s.paragraph) + HEADLINE * sim(i, n) + UNIFORM)
    total = sum(bias)
    bias = [b / total for b in bias]
    out_sums = [sum(w for _, w in row) for row in edges]
    # each node's in-links as two tuples (sources, normalised weights), summed with map: the same
    # additions in the same order as a generator over pairs, at half the cost
    incoming = [
        (tuple(i for i, _ in edges[j]), tuple(w / out_sums[i] for i, w in edges[j])) for j in range(n)
    ]
    dangling_nodes = [i for i in range(n) if out_sums[i] == 0]
    scores = [1.0 / n] * n
    # a windowed (long) input stops sooner: its ranking needs less precision than its cost allows
    for _ in range(ITERATIONS if window == n else ITERATIONS // 3):
        dangling = DAMPING * sum(scores[i] for i in dangling_nodes)
        at = scores.__getitem__
        new = [
            (1 - DAMPING) * bias[j] + DAMPING * sum(map(operator.mul, map(at, src), ws)) + dangling * bias[j]
            for j, (src, ws) in enumerate(incoming)
        ]
        delta = sum(abs(a - b) for a, b in zip(new, scores, strict=True))
        scores = new
        if delta < 1e-10:
            break
    return scores


_QUOTED = re.compile(r"[“«„\"][^”»“\"]*[”»“\"]")
_PERSONAL = re.compile(r"(?:He|She)\b")
_LEANING = re.compile(
    r"(?i)(?:it|this|that|these|those|such|they|and|but|or|so|thus|here|his|her|its|their)\b"
)


def _quoted_share(text: str) -> float:
    return sum(len(m.group(0)) for m in _QUOTED.finditer(text)) / max(1, len(text))


@dataclasses.dataclass(frozen=True, slots=True)
class _Candidate:
    sentence: Sentence
    needs: int | None  # the index of the sentence it must follow, if any
    quote: bool  # mostly quotation: key points only


def _candidate(
    sents: Sequence[Sentence],
    i: int,
    referent: Callable[[str], str | None] | None,
    speaker: Callable[[str], bool],
) -> _Candidate | None:
    s = sents[i]
    text = s.text
    if not 6 <= s.words <= 60 or text.endswith(("?", ":")):
        return None
    quote = _quoted_share(text) > 0.4
    if quote and not speaker(text):
        return None
    if _PERSONAL.match(text):
        prev = sents[i - 1] if i and sents[i - 1].paragraph >= s.paragraph - 1 else None
        name = referent(prev.text) if prev is not None and referent is not None else None
        if name:
            return _Candidate(dataclasses.replace(s, referent=name), None, quote)
        return _Candidate(s, i - 1, quote) if prev is not None else None
    if _LEANING.match(text):
        return _Candidate(s, i - 1, quote) if i else None
    return _Candidate(s, None, quote)


def _speaks(text: str) -> bool:
    from ..quotes import has_speech_verb

    return has_speech_verb(_QUOTED.sub(" ", text))


def summarise(
    sentences: Sequence[Sentence],
    title: str | None,
    bottom: int = 3,
    points: int = 5,
    *,
    budget: int | None = None,
    referent: Callable[[str], str | None] | None = None,
) -> tuple[list[Sentence], list[Sentence]]:
    """The bottom line (1-3 sentences) and up to ``points`` key points, each in article order.

    ``budget`` is the words both may use together (default: :func:`budget_for` the article);
    ``referent`` names the one person a sentence mentions, if any, to resolve "He …" openers.
    """
    n = len(sentences)
    if budget is None:
        budget = budget_for(sum(s.words for s in sentences))
    counts = [Counter(terms(s.text)) for s in sentences]
    scores = rank(sentences, title, counts)
    top = max(scores, default=1.0) or 1.0
    bags = [frozenset(c) for c in counts]
    cands = {i: c for i in range(n) if (c := _candidate(sentences, i, referent, _speaks)) is not None}
    if not cands:
        cands = {i: _Candidate(sentences[i], None, False) for i in range(n)}

    def redundancy(i: int, chosen: list[int]) -> float:
        a = bags[i]
        best = 0.0
        for j in chosen:
            b = bags[j]
            if a and b:
                best = max(best, len(a & b) / min(len(a), len(b)))
        return best

    chosen: list[int] = []
    words = 0
    limit = bottom + points
    while len(chosen) < limit and words < budget:
        best, best_value = None, -math.inf
        for i, c in cands.items():
            if i in chosen:
                continue
            if c.quote and len(chosen) < bottom:
                continue
            overlap = redundancy(i, chosen)
            if overlap > REDUNDANT:
                continue
            value = LAMBDA * scores[i] / top - (1 - LAMBDA) * overlap
            if value > best_value:
                best, best_value = i, value
        if best is None:
            break
        # a sentence that leans on the one before comes with it (and that one with its own)
        context: list[int] = []
        need = cands[best].needs
        while need is not None and need not in chosen and need not in context:
            context.insert(0, need)
            need = cands[need].needs if need in cands else None
        for k in context:
            cands.setdefault(k, _Candidate(sentences[k], None, False))
            chosen.append(k)
            words += sentences[k].words
        chosen.append(best)
        words += cands[best].sentence.words
    head: list[int] = []
    head_words = 0
    for i in chosen:
        c = cands[i]
        if len(head) == bottom or c.quote or (head and head_words + c.sentence.words > BOTTOM_WORDS):
            break
        head.append(i)
        head_words += c.sentence.words
    rest = [i for i in chosen if i not in head][:points]
    for i in list(rest):  # keep a pair together: its first sentence moves down to the key points
        need = cands[i].needs
        if need in head and len(head) > 1:
            head.remove(need)
            rest.insert(0, need)
    rest = rest[:points]
    return sorted((cands[i].sentence for i in head), key=lambda s: s.index), sorted(
        (cands[i].sentence for i in rest), key=lambda s: s.index
    )
