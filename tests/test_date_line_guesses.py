"""A text's date line (task h52, review r52): nothing is guessed from the words after a date and
nothing is lost. A publisher is never read from words after a dash (fa ``۱۴ اسفند ۱۴۰۳ - ایرنا``,
``3 March 2025 - London``), and a clock or hour with a word after it (ur ``2 بجے``, ``14 dead``)
gives no date: such a line stays in the body as typed. Dated headlines and a timeline's paragraphs
stay what they are. Also: ja weekdays only in CLDR's forms; the AM/PM name before the clock only
where CLDR's ``hm`` pattern puts it first."""

from __future__ import annotations

import pytest

from convert.model import Article, Paragraph, plain_text
from convert.readers._datelines import parse_date_line
from convert.readers.text import parse_article

_BODY = {
    "fa": (
        "دولت روز دوشنبه قوانین تازه‌ای برای حمل و نقل عمومی در پایتخت اعلام کرد.",
        "این تغییرات اتوبوس‌ها و مترو را در بر می‌گیرد و بلیت‌ها از ماه آینده گران‌تر می‌شوند.",
        "مسئولان گفتند که درآمد تازه صرف نوسازی ناوگان شهری خواهد شد.",
    ),
    "ur": (
        "حکومت نے پیر کو دارالحکومت میں پبلک ٹرانسپورٹ کے لیے نئے قوانین کا اعلان کیا۔",
        "ان تبدیلیوں میں بسیں اور ٹرینیں شامل ہوں گی اور اگلے مہینے سے ٹکٹ مہنگے ہو جائیں گے۔",
        "حکام نے کہا کہ نئی آمدنی شہر کی بسوں کو بہتر بنانے پر خرچ کی جائے گی۔",
    ),
    "ja": (
        "政府は月曜日、首都の公共交通機関に関する新しい規則を発表した。",
        "変更はバスと電車に適用され、来月から運賃が値上がりする。",
        "関係者は新たな収入を市営バスの更新に充てると述べた。",
    ),
    "de": (
        "Die Regierung hat am Montag neue Regeln für den Nahverkehr in der Hauptstadt angekündigt.",
        "Die Änderungen betreffen Busse und Bahnen, und die Fahrkarten werden ab nächstem Monat teurer.",
        "Die Verantwortlichen sagten, das neue Geld werde für die Erneuerung der Busflotte ausgegeben.",
    ),
    "en": (
        "The government announced new rules for public transport in the capital on Monday.",
        "The second paragraph has more words about the plan and its cost to riders.",
        "Officials said the new money would be spent on the city's fleet of buses.",
    ),
}


def _article(lang: str, line: str) -> Article:
    return _blocks(lang, "Headline of the article", f"By Jane Doe\n{line}")


def _blocks(lang: str, *blocks: str) -> Article:
    return parse_article("\n\n".join([*blocks, *_BODY[lang]]) + "\n")


def _paragraphs(article: Article) -> list[str]:
    return [plain_text(b) for b in article.body if isinstance(b, Paragraph)]


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("fa", "۱۴ اسفند ۱۴۰۳ - ایرنا"),  # an agency: read from nothing CLDR or a list gives
        ("fa", "۴ مارس ۲۰۲۵ - ایرنا"),
        ("en", "3 March 2025 - Reuters"),
        ("en", "3 March 2025 - London"),  # review r52: a place became the publisher
        ("en", "3 March 2025 - BREAKING NEWS"),
    ],
)
def test_no_publisher_is_guessed_from_words_after_a_dash(lang: str, line: str) -> None:
    article = _article(lang, line)
    assert article.meta.publisher is None
    assert article.meta.published is None
    assert f"By Jane Doe {line}" in _paragraphs(article)  # the block stays in the body as typed


def test_a_second_credit_after_a_dash_is_not_dropped() -> None:
    # review r52: ``By Jane Doe, Reuters`` / ``3 March 2025 - AP`` kept Reuters and lost AP
    article = _blocks("en", "Headline of the article", "By Jane Doe, Reuters\n3 March 2025 - AP")
    assert "By Jane Doe, Reuters 3 March 2025 - AP" in _paragraphs(article)


def test_a_dated_headline_with_words_after_a_dash_stays_the_headline() -> None:
    # review r52: no title, and "Live Updates" the publisher
    article = _blocks("en", "Monday, 3 March 2025 - Live Updates", "By Jane Doe")
    assert article.meta.title == "Monday, 3 March 2025 - Live Updates"
    assert article.meta.publisher is None
    assert [a.name for a in article.meta.authors] == ["Jane Doe"]


@pytest.mark.parametrize(
    "blocks",
    [
        ("Timeline", "4 March 2025 - Ceasefire Agreed", "5 March 2025 - Talks Resume"),
        ("4 March 2025 - Ceasefire Agreed",),  # review r52: the body's first paragraph was eaten
    ],
)
def test_a_timeline_s_paragraphs_stay_in_the_body(blocks: tuple[str, ...]) -> None:
    article = _blocks("en", "Headline of the article", "By Jane Doe\n3 March 2025", *blocks)
    assert article.meta.published == "2025-03-03"
    assert article.meta.publisher is None
    assert _paragraphs(article)[: len(blocks)] == list(blocks)


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        # review r52: a count after the date is no clock; it vanished from the output
        ("en", "3 March 2025, 14 dead"),
        ("en", "3 March 2025 14 people"),
        ("ur", "15 مارچ 2025، 14 ہلاک"),
        ("de", "3. März 2025, 14 Tote"),
        # a clock with a word CLDR does not write after it: unread, kept as typed
        ("ur", "15 مارچ 2025، 2 بجے"),
        ("ur", "15 مارچ 2025، 3:30 بجے"),
        ("en", "3 March 2025 14:30 Moscow"),
    ],
)
def test_a_word_after_a_clock_or_count_keeps_the_line_in_the_body(lang: str, line: str) -> None:
    author = "Von Anna Schmidt" if lang == "de" else "By Jane Doe"
    article = _blocks(lang, "Headline of the article", f"{author}\n{line}")
    assert article.meta.published is None
    assert f"{author} {line}" in _paragraphs(article)


@pytest.mark.parametrize(
    ("lang", "line", "published"),
    [
        ("ur", "15 مارچ 2025، 3:30", "2025-03-15T03:30:00"),  # nothing after the clock
        ("en", "3 March 2025 14:30 the police arrived", None),  # words: a sentence
        # CLDR ja's weekday forms are 火曜日 (wide) and 火 (abbreviated, short, narrow): not 火曜
        ("ja", "2025年3月4日（火） 14:30", "2025-03-04T14:30:00"),
        ("ja", "2025年3月4日(火曜日) 14:30", "2025-03-04T14:30:00"),
        ("ja", "2025年3月4日(火曜) 14:30", None),
        ("ja", "2025年3月4日(水) 14:30", None),  # 4 March 2025 was a Tuesday
    ],
)
def test_a_date_line_in_the_byline_block(lang: str, line: str, published: str | None) -> None:
    assert _article(lang, line).meta.published == published


@pytest.mark.parametrize(
    ("lang", "line", "published"),
    [
        # CLDR's hm skeleton puts the AM/PM name first: zh ``ah:mm``, ko ``a h:mm``, zh_Hant ``Bh:mm``
        ("zh", "2025年3月4日 下午2:30", "2025-03-04T14:30:00"),
        ("zh", "2025年3月4日 上午10时", "2025-03-04T10:00:00"),
        ("ko", "2025년 3월 4일 오후 2:30", "2025-03-04T14:30:00"),
        ("zh_Hant", "2025年3月4日 下午2:30", "2025-03-04T14:30:00"),
        # en and es ``h:mm a`` write it after the hour: before the clock it is no period, the date alone
        ("en", "March 3, 2025 PM 2:30", "2025-03-03"),
        ("es", "3 de marzo de 2025 p. m. 2:30", "2025-03-03"),
        ("es", "3 de marzo de 2025 a las 2:30 p. m.", "2025-03-03T14:30:00"),
    ],
)
def test_the_am_pm_name_is_read_where_the_locale_writes_it(lang: str, line: str, published: str) -> None:
    found = parse_date_line(line, lambda: lang)
    assert found is not None and found.published == published
