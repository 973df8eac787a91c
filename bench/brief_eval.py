"""Briefing quality: Broadsheet's brief against the BBC News Summary reference summaries.

    python bench/brief_eval.py [--half tuning|validation|both] [--limit N] [--systems a,b] [--boot 1000]

Every story in ``../shared/corpus/bbc-news-summary`` is read with Broadsheet's
text reader and split into sentences by Broadsheet's own splitter (after the
quote pass, exactly as the brief sees them). Every system ranks *those*
sentences; its summary is the ranked sentences joined and cut to the word
budget (75 and 150 words). Scores are ROUGE-1/2/L recall (``rouge-score``,
Porter stemming) against the reference summary, with a paired bootstrap 95 %
confidence interval over stories.

Systems:

- ``broadsheet``: the brief's bottom line, then its key points, asked for the
  budget (``summarise(..., budget=N)``), cut to it;
- ``broadsheet-own``: the brief as shipped, with the length it picks itself;
- ``textrank`` / ``lexrank``: sumy's summarisers, fed a document built from
  our sentences (sumy's own NLTK sentence splitter needs data downloads; its
  word tokenizer, NLTK's Treebank-style one, needs none), with sumy's English
  Snowball stemmer and stop words, as sumy's documentation runs them;
- ``lead``: the first sentences; ``random``: a shuffle seeded by the story id;
- ``oracle``: the reference's own sentences, in article order.

Stories are split into halves by ``sha256("category/NNN").digest()[0] % 2``:
0 is the tuning half (where the brief's weights were chosen), 1 the
validation half. ``--long`` also times the brief on a generated ~800 KB input.

Tuning record (tuning half, 1,002 stories, ROUGE-1 recall at 75 / 150 words;
TextRank .445 / .734, lead .401 / .659). Kept: TextRank similarity, lead
prior 2.0, no headline prior, MMR lambda .85, redundancy cap .8, "He …" with
its referent and leaning sentences as pairs: .475 / .736.

- the brief before this work (LexRank, fixed counts, no pronoun or quote
  sentences), asked for the budget: stops short of it, .413 / .712
- LexRank's TF-IDF cosine instead of TextRank's overlap: .472 / .732
- leaning sentences only once the sentence before is picked (no pairs): .475 / .732
- no MMR (lambda 1, the threshold alone): .475 / .734
- lead prior 1.0 / 0.5: .475 / .733, .473 / .735; headline prior 1.0: .474 / .733
- damping .95: .473 / .736; position by sentence, not paragraph: .473 / .735
- a bonus for long sentences (score x words^0.3 / ^0.6): .468 / .725, .460 / .717
- no graph, summed term frequency / mean term frequency: .432 / .700, .449 / .715
- shortest sentence 10 / 14 words (not 6): .474 / .735, .470 / .725
- on a 400-story subset, with pronoun and quote sentences ineligible (as
  before): .452 / .738 against .454 / .775 with them
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import convert  # noqa: E402
from convert.briefing import build, render_text  # noqa: E402
from convert.briefing.entities import sole_person  # noqa: E402
from convert.briefing.sentences import Sentence, sentences, split  # noqa: E402
from convert.briefing.summary import summarise  # noqa: E402
from convert.model import plain_text  # noqa: E402
from convert.quotes import PersonIndex, find_quotes  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "bbc-news-summary"
BUDGETS = (75, 150)
METRICS = ("rouge1", "rouge2", "rougeL")
_SPACE_AFTER_STOP = re.compile(r"([.!?][\"'”’]?)(?=[A-Z\"“])")


@dataclass
class Story:
    id: str
    title: str
    sents: list[Sentence]
    reference: str
    in_reference: frozenset[int]  # indices of our sentences that the reference holds
    oracle: list[str]  # the reference's sentences in article order
    referent: Callable[[str], str | None]  # as the brief resolves "He …" openers


def half(story_id: str) -> int:
    """0 = tuning, 1 = validation."""
    return hashlib.sha256(story_id.encode()).digest()[0] % 2


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252")  # sport/199 (README)


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[\"“”‘’']", "", text).split())


def load(corpus: Path = CORPUS, which: str = "both", limit: int | None = None) -> list[Story]:
    stories: list[Story] = []
    for path in sorted((corpus / "News Articles").glob("*/*.txt")):
        story_id = f"{path.parent.name}/{path.stem}"
        if which != "both" and half(story_id) != (which == "validation"):
            continue
        summary = corpus / "Summaries" / path.parent.name / path.name
        # the summary's sentences are joined with no space: "…in form.Claxton has won…"
        reference = _SPACE_AFTER_STOP.sub(r"\1 ", _decode(summary.read_bytes()).strip())
        article = find_quotes(convert.read(path.read_bytes(), from_="text"))
        sents = sentences(article)
        index = PersonIndex.build("\n\n".join(plain_text(b) for b in article.body))
        flat_ref = _norm(reference)
        in_ref = frozenset(s.index for s in sents if _norm(s.text) in flat_ref)
        flat_article = _norm(" ".join(s.text for s in sents))
        pieces = split(reference)
        oracle = sorted(
            pieces, key=lambda p: (flat_article.find(_norm(p)) % (len(flat_article) + 1), pieces.index(p))
        )
        stories.append(
            Story(story_id, article.meta.title or "", sents, reference, in_ref, oracle, sole_person(index))
        )
        if limit and len(stories) == limit:
            break
    return stories


def cut(shown: Sequence[tuple[int, str]], budget: int) -> str:
    words = " ".join(t for _, t in shown).split()
    return " ".join(words[:budget])


# --------------------------------------------------------------------------
# Systems: each returns (sentence index, text shown) in the order the summary shows them.

System = Callable[[Story, int], list[tuple[int, str]]]


def sys_broadsheet(story: Story, budget: int) -> list[tuple[int, str]]:
    bottom, key = summarise(story.sents, story.title, budget=budget, referent=story.referent)
    return [(s.index, s.shown) for s in (*bottom, *key)]


def sys_broadsheet_own(story: Story, budget: int) -> list[tuple[int, str]]:
    bottom, key = summarise(story.sents, story.title, referent=story.referent)
    return [(s.index, s.shown) for s in (*bottom, *key)]


def sys_lead(story: Story, budget: int) -> list[tuple[int, str]]:
    return [(s.index, s.text) for s in story.sents]


def sys_random(story: Story, budget: int) -> list[tuple[int, str]]:
    order = list(story.sents)
    random.Random(story.id).shuffle(order)
    return [(s.index, s.text) for s in order]


def sys_oracle(story: Story, budget: int) -> list[tuple[int, str]]:
    return [(-1, t) for t in story.oracle]


class _Sumy:
    """sumy on our sentences: a document model built from them, nothing re-split."""

    def __init__(self, kind: str) -> None:
        from nltk.tokenize import NLTKWordTokenizer
        from sumy.nlp.stemmers import Stemmer
        from sumy.nlp.tokenizers import Tokenizer
        from sumy.summarizers.lex_rank import LexRankSummarizer
        from sumy.summarizers.text_rank import TextRankSummarizer
        from sumy.utils import get_stop_words

        words = NLTKWordTokenizer()

        class WordsOnly:  # the part of sumy's Tokenizer a summariser uses
            @staticmethod
            def to_words(sentence: str) -> tuple[str, ...]:
                return tuple(w for w in words.tokenize(sentence) if Tokenizer._is_word(w))

        self.tokenizer = WordsOnly()
        cls = TextRankSummarizer if kind == "textrank" else LexRankSummarizer
        self.summarizer = cls(Stemmer("english"))
        self.summarizer.stop_words = get_stop_words("english")
        self.cache: dict[str, list[tuple[int, str]]] = {}

    def __call__(self, story: Story, budget: int) -> list[tuple[int, str]]:
        if story.id in self.cache:
            return self.cache[story.id]
        from sumy.models.dom import ObjectDocumentModel, Paragraph
        from sumy.models.dom import Sentence as SumySentence

        doc = ObjectDocumentModel([Paragraph([SumySentence(s.text, self.tokenizer) for s in story.sents])])
        ranked: list[tuple[int, str]] = []

        def everything(infos: list) -> list:  # sumy passes the sentences best first
            ranked.extend((i.order, story.sents[i.order].text) for i in infos)
            return infos

        self.summarizer(doc, everything)
        self.cache[story.id] = ranked
        return ranked


SYSTEMS: dict[str, Callable[[], System]] = {
    "broadsheet": lambda: sys_broadsheet,
    "broadsheet-own": lambda: sys_broadsheet_own,
    "textrank": lambda: _Sumy("textrank"),
    "lexrank": lambda: _Sumy("lexrank"),
    "lead": lambda: sys_lead,
    "random": lambda: sys_random,
    "oracle": lambda: sys_oracle,
}


# --------------------------------------------------------------------------
# Scoring


@dataclass
class Result:
    recall: dict[tuple[int, str], list[float]]  # (budget, metric) -> per story
    words: dict[int, list[int]]
    hits: dict[int, list[float]]  # share of shown sentences that are reference sentences


def evaluate(stories: list[Story], system: System, metrics: Sequence[str] = METRICS) -> Result:
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(list(metrics), use_stemmer=True)
    res = Result({}, {}, {})
    for budget in BUDGETS:
        for m in metrics:
            res.recall[budget, m] = []
        res.words[budget], res.hits[budget] = [], []
        for story in stories:
            shown = system(story, budget)
            summary = cut(shown, budget)
            scores = scorer.score(story.reference, summary)
            for m in metrics:
                res.recall[budget, m].append(scores[m].recall)
            res.words[budget].append(len(summary.split()))
            hits, used = [], 0
            for i, t in shown:
                if used >= budget:
                    break
                hits.append(i in story.in_reference or i == -1)
                used += len(t.split())
            res.hits[budget].append(sum(hits) / len(hits) if hits else 0.0)
    return res


def bootstrap(values: list[float], samples: list[list[int]]) -> tuple[float, float]:
    means = sorted(statistics.fmean(values[i] for i in s) for s in samples)
    return means[int(0.025 * len(means))], means[int(0.975 * len(means)) - 1]


def table(label: str, results: dict[str, Result], n: int, boot: int, metrics: Sequence[str]) -> None:
    rng = random.Random(0)
    samples = [[rng.randrange(n) for _ in range(n)] for _ in range(boot)] if boot else []
    print(f"\n## {label}: {n} stories (ROUGE recall, mean [95% bootstrap CI])\n")
    head = (
        ["system"] + [f"{m} @{b}" for b in BUDGETS for m in metrics] + [f"ref. sents @{b}" for b in BUDGETS]
    )
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for name, r in results.items():
        cells = [name]
        for b in BUDGETS:
            for m in metrics:
                v = r.recall[b, m]
                mean = statistics.fmean(v)
                if samples:
                    lo, hi = bootstrap(v, samples)
                    cells.append(f"{mean:.3f} [{lo:.3f}, {hi:.3f}]")
                else:
                    cells.append(f"{mean:.3f}")
        cells += [f"{statistics.fmean(r.hits[b]):.0%}" for b in BUDGETS]
        print("| " + " | ".join(cells) + " |")
    own = results.get("broadsheet-own")
    if own:
        print(f"\nbroadsheet-own: {statistics.fmean(own.words[150]):.0f} words on average (cut at 150)")


def long_input(stories: list[Story]) -> None:
    """Brief a generated ~800 KB article (the stories end to end) and time it."""
    paras: list[str] = []
    size = 0
    i = 0
    while size < 800_000 and stories:
        story = stories[i % len(stories)]
        p = " ".join(s.text for s in story.sents)
        paras.append(p)
        size += len(p.encode()) + 2
        i += 1
    text = "A long generated input\n\n" + "\n\n".join(paras)
    start = time.perf_counter()
    article = convert.read(text.encode(), from_="text")
    read = time.perf_counter() - start
    start = time.perf_counter()
    out = render_text(build(article))
    took = time.perf_counter() - start
    print(
        f"\nlong input: {len(text) / 1000:.0f} KB, read {read:.1f} s, brief {took:.1f} s, {len(out)} chars of brief"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=("tuning", "validation", "both"), default="both")
    parser.add_argument("--limit", type=int, default=None, help="stories per half")
    parser.add_argument("--systems", default=",".join(SYSTEMS), help="comma-separated: " + ",".join(SYSTEMS))
    parser.add_argument("--metrics", default=",".join(METRICS))
    parser.add_argument("--boot", type=int, default=1000, help="bootstrap resamples (0: none)")
    parser.add_argument("--long", action="store_true", help="also time a generated ~800 KB input")
    args = parser.parse_args()
    if not (CORPUS / "News Articles").is_dir():
        sys.exit(f"brief-eval: {CORPUS} is not there (the BBC News Summary corpus)")
    metrics = args.metrics.split(",")
    halves = ("tuning", "validation") if args.half == "both" else (args.half,)
    for which in halves:
        start = time.perf_counter()
        stories = load(which=which, limit=args.limit)
        loaded = time.perf_counter() - start
        results = {}
        timings = {}
        for name in args.systems.split(","):
            start = time.perf_counter()
            results[name] = evaluate(stories, SYSTEMS[name](), metrics)
            timings[name] = time.perf_counter() - start
        table(f"{which} half", results, len(stories), args.boot, metrics)
        print(f"\nread {loaded:.0f} s; " + ", ".join(f"{k} {v:.0f} s" for k, v in timings.items()))
    if args.long:
        long_input(load(which="tuning", limit=200))


if __name__ == "__main__":
    main()
