"""Markdown without a name (bytes, stdin) is sniffed from its marks; plain-text articles stay text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

import convert
from convert import api
from convert.cli import cli
from convert.readers import markdown_sniff
from convert.readers.markdown_sniff import looks_like_markdown

ARTICLE = "Thousands of commuters packed the platforms on Monday morning.\n\nOfficials promised more trains."


@pytest.mark.parametrize(
    "text",
    [
        f"# Metro line opens\n\n{ARTICLE}\n",  # ATX heading
        f"Metro line opens\n\n{ARTICLE}[^1]\n\n[^1]: Figures from the authority.\n",  # footnote
        f"Metro line opens\n\n{ARTICLE} See [the map](https://example.org/map).\n",  # inline link
        f"Metro line opens\n\n{ARTICLE}\n\n```\ncode\n```\n",  # fenced code
        f"Metro line opens\n\n## The route\n\nIt was *not* on time.\n\n{ARTICLE}\n",  # heading + emphasis
        f"Metro line opens\n================\n\nIt was *not* on time.\n\nIt was *far* off.\n\n{ARTICLE}\n",
        # Reviewer r33b's shapes: a heading after a BOM, CRLF or blank-looking lines; headings lower down;
        # a shortcut reference link; a closing fence longer than the opening one.
        f"\ufeff# Metro line opens\r\n\r\n{ARTICLE}\r\n",
        f"\r\n# Metro line opens\r\n\r\n{ARTICLE}\r\n",
        f"  \n\t\n# Metro line opens\n\n{ARTICLE}\n",
        "Foo: a tiny parser\n\nFoo parses bar.\n\n## Install\n\n    pip install foo\n\n## Usage\n\nRun it.\n",
        "Почему я уехал\n\nЯ уехал.\n\n## что я помню\n\nМузеи.\n\n## Что нет\n\nАренда.\n",
        # Two shortcut links with their definitions (one shortcut alone is how plain text cites).
        "Metro line opens\n\nThe [figures] came out, then the [minutes].\n\n"
        "[figures]: https://example.org/figures\n[minutes]: https://example.org/minutes 'Minutes'\n",
        "Metro line opens\n\nThe [figures] came out.\n\n## The route\n\n[figures]: https://example.org/f\n",
        f"Metro line opens\n\n```python\nprint(1)\n````\n\n{ARTICLE}\n",
        f"Metro line opens\n\n{ARTICLE} See [the map][map].\n\n[map]: https://example.org/map 'Map'\n",
        f"Metro line opens\n\n{ARTICLE} See [the map](map.html).\n",  # a relative path
        # Reviewer r33c: a heading opening the document decides whatever its first character.
        f"# 10 things to know about the metro\n\n{ARTICLE}\n",
        f"# ¿Qué pasa en Madrid?\n\n{ARTICLE}\n",
        f"# iPhone 17 review\n\n{ARTICLE}\n",
        f"# «Le retour» du roi\n\n{ARTICLE}\n",
        # Reviewer r37: headings further down end in ':', '!' or '.', or a lower-case line follows.
        "Foo: a tiny parser\n\nFoo parses bar.\n\n## Install:\n\n    pip install foo\n\n## Usage:\n\nRun it.\n",
        "My project\n\nA small tool.\n\n## Getting started!\n\nClone it.\n\n## Thanks!\n\nTo all.\n",
        "Notes on the meeting\n\nWe met.\n\n## Decisions.\n\nWe agreed.\n\n## Next steps.\n\nMeet again.\n",
        "Tutorial\n\nThe basics.\n\n## Hello, World!\n\nPrint a greeting.\n\n## Variables\nvalues are names.\n",
        "Foo\n\nA tiny parser.\n\n## Install\npip install foo\n\n## Usage\nrun foo on a file\n",
        "ChangeLog\n\n2015.03.31, Version 0.12.2\n\n### Notable changes:\n\n* uv: 1.4.2\n\n### Commits:\n\n* 3b2a1c0\n",
        # Reviewer r37b: a heading ending in '?', ':' or '!' is one whatever else it has; a
        # capitalised next line is no sign; a lower-case one alone is not enough.
        "FAQ\n\nAbout Foo.\n\n## How do I install it?\nYou need Python 3.\n\n"
        "## Why, then, should you use Foo?\nBecause it is fast.\n",
        "Guide\n\nFoo.\n\n## Step 1, install the package\nRun pip.\n\n## Step 2, write a config file\nSee below.\n",
        "Anleitung\n\nFoo.\n\n## Wie installiere ich das Paket, und wo?\nMit pip.\n\n"
        "## Was ist neu in Version 2, und warum?\nVieles.\n",
        "Foo\n\nA tool.\n\n## Install the command line tool\npip install foo\n\n## Run it on a file\nfoo in.txt\n",
        "Council plan\n\nText.\n\n# The mayor said she would decide by June!\n\n# Critics called it a disaster!\n",
        # Reviewer r37c: Chinese numbers its headings with the ideographic comma; a short line
        # with a comma is a heading too.
        "安装指南\n\n简介。\n\n## 一、安装\n\n运行。\n\n## 二、使用方法\n\n更多。\n",
        "手順\n\n概要。\n\n## 準備、インストール\n\n本文。\n\n## 設定，起動\n\n本文。\n",
        # Named shortcut links are weak marks: two decide.
        "Notes on the vote\n\nThe [figures] and the [minutes].\n\n[figures]: https://example.org/f\n"
        "[minutes]: https://example.org/m\n",
    ],
)
def test_markdown_marks_are_sniffed_without_a_name(text: str) -> None:
    assert api.sniff(text.encode()) == "markdown"


@pytest.mark.parametrize(
    "text",
    [
        f"By Sarah Mitchell\n\nMetro line opens\n\nMarch 3, 2025\n\nCAIRO – {ARTICLE}*\n\n* Figures from the authority.\n",
        f"Metro line opens\n\n{ARTICLE} The fare is 5*2 pounds, up 10 % (#4 in the list).\n",
        f"Metro line opens\n\nIt was *not* on time.\n\n{ARTICLE}\n",  # one line of stars: a writer's own mark
        f"Metro line opens\n================\n\n{ARTICLE}\n\n** The views are the author's own.\n",
        f"Metro line opens\n\n{ARTICLE} Call file_name_here or see snake_case_word.\n",
        # Reviewer r33's shapes: no single loose mark decides, and each mark is CommonMark's own.
        f"Study finds\n\n{ARTICLE} [1].\n\n[1]: Smith J et al., Nature 2024.\n",  # not a definition
        f"Study finds\n\n{ARTICLE}\n\n[Editor's note]: This story was updated.\n",
        f"Study finds\n\n{ARTICLE} See [1].\n\n[1]: https://example.org\n",  # a definition, unused
        f"Council backs lanes\n\nIt voted for *forty* km.\n\n{ARTICLE}\n\nIt was *far* too costly.\n",
        f"Ferry strike ends\n\n{ARTICLE}\n\n# of passengers stranded: 4,000\n",  # not the first line
        "Prices rose\n\nThe index [see chart](below) rose 3%.\n",  # no URL or path
        "Film review\n\nRating: *** out of five\n\nThe film is long. *Spoiler* warning.\n\nVerdict: *worth it*\n",
        f"Ferry strike ends\n\n[UPDATE]: Talks resumed at 3 pm.\n\n{ARTICLE}\n",
        f"Metro line opens\n\n~~~\n\n{ARTICLE}\n",  # a fence never closed: a rule of tildes
        # Reviewer r33b's: two loose marks that are plain text's own.
        f"Ferry strike ends\n\n{ARTICLE} Fares were *far* too high.\n\n# of passengers stranded: 4,000\n",
        f"Ferry strike ends\n=================\n\n{ARTICLE}\n\n# of passengers stranded: 4,000\n",
        f"Council backs lanes\n===================\n\nIt voted for *forty* km.\n\n{ARTICLE}\n",
        f"Ferry strike ends\n\n{ARTICLE}\n\n# of passengers: 4,000\n\n# 2 ferries idle\n",
        f"Study finds\n\n{ARTICLE} See [1].\n\n[1]: https://example.org\n",  # a numbered shortcut: text's
        f"Metro line opens\n\n```x\n```y\n\n{ARTICLE}\n",  # a closing fence has no info string
        # Tester h29's shapes: '#' lines further down that are sentences (MD026's trailing
        # punctuation, or a sentence carried on in lower case), and a named citation.
        f"Council plan\n\nBy Jane Doe\n\n{ARTICLE}\n\n# One priority is housing, he said.\n\n"
        "# Of the 40 members, 32 voted in favour.\n",
        f"Council plan\n\n{ARTICLE}\n\n# MeToo campaigners welcomed the plan.\n\n# Budget talks: the council\n"
        "voted on Monday.\n",
        "Council plan\n\nBy Jane Doe\n\nThe plan, according to [Smith], is costly.\n\n"
        "[Smith]: https://example.org/smith\n",
        # Reviewer r37's: a sentence's end inside closing quotes or brackets, a sentence wrapped
        # onto a line that starts with a capital or a digit.
        f'Council plan\n\n{ARTICLE}\n\n# One priority is housing, he said: "We must build."\n\n'
        "# Of the 40 members, 32 said they backed it (eight did not.)\n",
        f"Council plan\n\n{ARTICLE}\n\n# Of the 40 members, 32 voted in favour of the plan on\nMonday.\n\n"
        "# One priority, the mayor said, is housing for the\n300 families.\n",
        f"Council plan\n\n{ARTICLE}\n\n# Who will pay for it? Not the council, officials said.\n\n"
        "# Of the 40 members, 32 voted in favour.\n",
        # Reviewer r37b: a final '.' on a line of four words or more is a sentence by itself; in
        # scripts without spaces the marks alone decide (a final 。; an inner ，in a longer line).
        f"Council plan\n\n{ARTICLE}\n\n# The mayor said she would decide by June.\n\n"
        "# Critics called the plan too costly for the city.\n",
        "市议会公布计划\n\n记者 王芳\n\n正文。\n\n# 议员们以32票对8票通过了该计划。\n\n# 市长说，她将在六月前作出决定。\n",
        "市議会が計画を発表\n\n本文。\n\n# 議員の大半が賛成した。\n\n# 市長は、6月までに決定すると述べた。\n",
        # Reviewer r37c: a danda or Khmer's full stop ends a sentence too.
        "नगर परिषद की योजना\n\nपाठ।\n\n# परिषद ने सोमवार को योजना को मंजूरी दी।\n\n# मेयर ने कहा कि वह जून तक फैसला करेंगी।\n",
        "ផែនការក្រុង\n\nអត្ថបទ។\n\n# ក្រុមប្រឹក្សាបានអនុម័តផែនការ។\n\n# អភិបាលក្រុងបាននិយាយថានឹងសម្រេចនៅខែមិថុនា។\n",
        # Numbered shortcut links with definitions are plain text's citations: no mark at all.
        "Notes on the vote\n\nThe [1] figures and the [2] minutes.\n\n[1]: https://example.org/f\n"
        "[2]: https://example.org/m\n",
        f"Council plan\n\n{ARTICLE} [1]\n\n## Decisions\n\n[1]: https://example.org/f\n",
    ],
)
def test_plain_text_articles_stay_text(text: str) -> None:
    assert not looks_like_markdown(text)
    assert api.sniff(text.encode()) == "text"


def test_a_plain_text_lead_survives_hash_lines_and_a_named_citation() -> None:
    """Tester h29: such text on stdin was read as Markdown, which lost its title, byline and date."""
    for tail in (
        "# One priority is housing, he said.\n\n# Of the 40 members, 32 voted in favour.\n",
        "The plan, according to [Smith], is costly.\n\n[Smith]: https://example.org/smith\n",
    ):
        data = f"Council sets out plan\n\nBy Jane Doe\n\nMarch 3, 2025\n\n{ARTICLE}\n\n{tail}".encode()
        article = convert.read(data)
        assert article.meta.title == "Council sets out plan"
        assert [a.name for a in article.meta.authors] == ["Jane Doe"]
        assert str(article.meta.published) == "2025-03-03"


def test_the_name_still_wins() -> None:
    data = f"# Metro line opens\n\n{ARTICLE}\n".encode()
    assert api.sniff(data, Path("article.txt")) == "text"
    assert api.sniff(data, Path("article.md")) == "markdown"


def test_markdown_bytes_read_as_markdown() -> None:
    data = f"# Metro line opens\n\nBy Sarah Mitchell\n\n{ARTICLE}[^1]\n\n*Sarah Mitchell is a reporter.*\n\n[^1]: Figures.\n"
    article = convert.read(data.encode())
    assert article.meta.source is not None and article.meta.source.format == "markdown"
    assert article.meta.title == "Metro line opens"
    assert [n.kind for n in article.notes] == ["footnote"]


def test_markdown_on_stdin(tmp_path: Path) -> None:
    data = f"# Metro line opens\n\n{ARTICLE}[^1]\n\n[^1]: Figures from the authority.\n"
    r = CliRunner().invoke(cli, ["convert", "-", "--to", "txt", "-o", "-"], input=data.encode())
    assert r.exit_code == 0, r.output
    assert "#" not in r.output and "[^1]" not in r.output
    assert r.output.startswith("Metro line opens\n")


def test_lines_of_unmatched_stars_are_no_emphasis(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reviewer r33's input shape: one pass over each line's marker runs, so its 1 MB form converts
    in 0.5 s where the first version took 15.9 s. Nothing is timed here: the work asked of the
    marker-run pattern is counted, one ``finditer`` pass a line."""
    text = "Title\n\n" + "*a " * 21000 + "\n" + "_a " * 21000 + "\n"
    runs = _Counted(markdown_sniff._RUN)
    monkeypatch.setattr(markdown_sniff, "_RUN", runs)
    assert not looks_like_markdown(text)
    assert 0 < runs.work <= 2 * 42000  # one pass: each marker run is looked at once, not once per opener


class _Counted:
    """A compiled pattern that counts the work asked of it: calls, and matches yielded."""

    def __init__(self, pattern: re.Pattern[str] | object) -> None:
        self.pattern = pattern
        self.work = 0

    def match(self, *args: object) -> object:
        self.work += 1
        return self.pattern.match(*args)  # type: ignore[attr-defined]

    def search(self, *args: object) -> object:
        self.work += 1
        return self.pattern.search(*args)  # type: ignore[attr-defined]

    def finditer(self, *args: object) -> Iterator[object]:
        self.work += 1
        for m in self.pattern.finditer(*args):  # type: ignore[attr-defined]
            self.work += 1
            yield m


def test_fence_lines_are_looked_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reviewer r33b's shape: 200,000 fence openings with an info string, none of them closing.
    Closing fences are found in one pass over the lines, so the work is one match a line
    (a search for a close from each opening would be 200,000 times that)."""
    text = "```x\n" * 200_000
    lines = _Counted(markdown_sniff._FENCE_LINE)
    monkeypatch.setattr(markdown_sniff, "_FENCE_LINE", lines)
    assert not looks_like_markdown(text)
    assert 0 < lines.work <= text.count("\n") + 1
