"""A text's date line (task h52): a credit after a spaced dash keeps its date and is kept as the
publisher, as typed (fa ``۱۴ اسفند ۱۴۰۳ - ایرنا``)."""

from __future__ import annotations

import pytest

from convert.readers.text import parse_article

_BODY = {
    "fa": (
        "دولت روز دوشنبه قوانین تازه‌ای برای حمل و نقل عمومی در پایتخت اعلام کرد.",
        "این تغییرات اتوبوس‌ها و مترو را در بر می‌گیرد و بلیت‌ها از ماه آینده گران‌تر می‌شوند.",
        "مسئولان گفتند که درآمد تازه صرف نوسازی ناوگان شهری خواهد شد.",
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
