"""A text's date line (task h52): a credit after a spaced dash keeps its date and is kept as the
publisher, as typed (fa ``۱۴ اسفند ۱۴۰۳ - ایرنا``); in the byline's block, a clock with one word
after it that CLDR does not write there (ur ``بجے``, "o'clock": no unit, day period or atTime
pattern of CLDR ur has it; en ``Moscow``) leaves the date alone; ja weekdays only in CLDR's forms."""

from __future__ import annotations

import pytest

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
    "en": (
        "The government announced new rules for public transport in the capital on Monday.",
        "The second paragraph has more words about the plan and its cost to riders.",
        "Officials said the new money would be spent on the city's fleet of buses.",
    ),
}


def _article(lang: str, line: str):  # type: ignore[no-untyped-def]
    return parse_article(
        "\n\n".join(["Headline of the article", f"By Jane Doe\n{line}", *_BODY[lang]]) + "\n"
    )


@pytest.mark.parametrize(
    ("lang", "line", "published", "publisher"),
    [
        ("fa", "۱۴ اسفند ۱۴۰۳ - ایرنا", "2025-03-04", "ایرنا"),  # Solar Hijri
        ("fa", "۴ مارس ۲۰۲۵ - ایرنا", "2025-03-04", "ایرنا"),  # Gregorian, in Persian
        ("en", "3 March 2025 - Reuters", "2025-03-03", "Reuters"),
    ],
)
def test_a_credit_after_a_date_keeps_the_date_and_the_credit(
    lang: str, line: str, published: str, publisher: str
) -> None:
    article = _article(lang, line)
    assert article.meta.published == published
    assert article.meta.publisher == publisher


@pytest.mark.parametrize(
    ("lang", "line", "published"),
    [
        ("ur", "15 مارچ 2025، 2 بجے", "2025-03-15"),
        ("ur", "15 مارچ 2025، 3:30 بجے", "2025-03-15"),
        ("ur", "15 مارچ 2025، 3:30", "2025-03-15T03:30:00"),  # nothing after the clock
        ("en", "3 March 2025 14:30 Moscow", "2025-03-03"),
        ("en", "3 March 2025 14:30 the police arrived", None),  # words: a sentence
        # CLDR ja's weekday forms are 火曜日 (wide) and 火 (abbreviated, short, narrow): not 火曜
        ("ja", "2025年3月4日（火） 14:30", "2025-03-04T14:30:00"),
        ("ja", "2025年3月4日(火曜日) 14:30", "2025-03-04T14:30:00"),
        ("ja", "2025年3月4日(火曜) 14:30", None),
        ("ja", "2025年3月4日(水) 14:30", None),  # 4 March 2025 was a Tuesday
    ],
)
def test_a_clock_and_one_unknown_word_in_the_byline_block_leave_the_date(
    lang: str, line: str, published: str | None
) -> None:
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
