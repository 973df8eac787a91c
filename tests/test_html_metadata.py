"""The HTML export's ``<head>``: schema.org NewsArticle JSON-LD, OpenGraph, and a round trip.

A page Broadsheet writes keeps the metadata its reader recovered: the HTML
reader reads an exported page back to the same title, authors, dates,
language and description.
"""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from lxml import html as lxml_html

from convert import api, model
from convert.base import ExportOptions
from convert.model import Author, Metadata

REMOTE_IMAGE = "https://images.example.org/ferry.jpg"


def _article(meta: Metadata, *paragraphs: str) -> model.Article:
    body = tuple(model.Paragraph((model.Text(p),)) for p in paragraphs)
    return model.Article(meta=meta, body=body)


# Original short articles in several languages and scripts, each with a different mix of metadata.
ARTICLES = {
    "en": _article(
        Metadata(
            title="The river ferry returns",
            subtitle="Crossings resume after two years",
            authors=(Author("Jane Porter"), Author("Tom Hale")),
            published="2024-05-02T09:15:00+01:00",
            updated="2024-05-03",
            publisher="The Estuary Post",
            language="en-GB",
            description="The ferry across the estuary runs again.",
            keywords=("transport", "estuary"),
            url="https://news.example.org/ferry",
        ),
        "The ferry across the estuary runs again after two years, the council said on Thursday.",
        "Adults pay two pounds a crossing; children travel free.",
    ),
    "fr": _article(
        Metadata(
            title="Le marché couvert rouvre ses portes",
            authors=(Author("Claire Martin"),),
            published="2024-06-11",
            language="fr",
            description="Après dix-huit mois de travaux, le marché accueille de nouveau ses clients.",
        ),
        "Après dix-huit mois de travaux, le marché couvert accueille de nouveau ses clients.",
        "Quarante étals ont repris leur place, dont six nouveaux producteurs.",
    ),
    "ar": _article(
        Metadata(
            title="افتتاح مكتبة جديدة في المدينة القديمة",
            authors=(Author("سارة أحمد"),),
            published="2024-03-10T10:00:00+03:00",
            language="ar",
            description="مكتبة جديدة تفتح أبوابها للجمهور.",
        ),
        "افتتحت المكتبة الجديدة أبوابها للجمهور اليوم، وزارها أكثر من ثلاثة آلاف قارئ في اليوم الأول.",
    ),
    "zh": _article(
        Metadata(
            title="城市里的新图书馆",
            authors=(Author("李明"),),
            published="2024-03-10T08:30:00+08:00",
            updated="2024-03-11T12:00:00+08:00",
            language="zh",
            description="一座新图书馆在老城区开放。",
        ),
        "老城区的新图书馆今天向公众开放，第一天就有三千多名读者前来参观。",
        "图书馆每天上午九点开门，晚上九点关门。",
    ),
}


def export(article: model.Article, **options: object) -> str:
    data = api.write(article, "html", options=ExportOptions(**options))  # type: ignore[arg-type]
    assert isinstance(data, bytes)
    return data.decode("utf-8")


def head(page: str) -> lxml_html.HtmlElement:
    return lxml_html.fromstring(page.encode("utf-8")).find("head")


def linked_data(page: str) -> dict[str, object]:
    scripts = head(page).xpath("script[@type='application/ld+json']")
    assert len(scripts) == 1
    data = json.loads(scripts[0].text)
    assert isinstance(data, dict)
    return data


def og(page: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for meta in head(page).xpath("meta[@property]"):
        out.setdefault(meta.get("property"), []).append(meta.get("content"))
    return out


def test_news_article_json_ld_carries_the_metadata() -> None:
    article = ARTICLES["en"]
    figure = model.Figure(REMOTE_IMAGE, "The ferry at the quay")
    article = model.replace(article, body=(*article.body, figure))
    data = linked_data(export(article, allow_remote=True))
    assert data["@context"] == "https://schema.org" and data["@type"] == "NewsArticle"
    assert data["headline"] == "The river ferry returns"
    assert data["alternativeHeadline"] == "Crossings resume after two years"
    assert data["author"] == [
        {"@type": "Person", "name": "Jane Porter"},
        {"@type": "Person", "name": "Tom Hale"},
    ]
    assert data["datePublished"] == "2024-05-02T09:15:00+01:00"
    assert data["dateModified"] == "2024-05-03"
    assert data["inLanguage"] == "en-GB"
    assert data["publisher"] == {"@type": "Organization", "name": "The Estuary Post"}
    assert data["description"] == "The ferry across the estuary runs again."
    assert data["image"] == REMOTE_IMAGE
    assert data["url"] == data["mainEntityOfPage"] == "https://news.example.org/ferry"


def test_opengraph_description_and_canonical() -> None:
    page = export(ARTICLES["en"])
    tags = og(page)
    assert tags["og:type"] == ["article"]
    assert tags["og:title"] == ["The river ferry returns"]
    assert tags["og:locale"] == ["en_GB"]
    assert tags["og:site_name"] == ["The Estuary Post"]
    assert tags["article:published_time"] == ["2024-05-02T09:15:00+01:00"]
    assert tags["article:modified_time"] == ["2024-05-03"]
    assert tags["article:author"] == ["Jane Porter", "Tom Hale"]
    assert tags["article:tag"] == ["transport", "estuary"]
    h = head(page)
    assert h.xpath("meta[@name='description']/@content") == ["The ferry across the estuary runs again."]
    assert h.xpath("link[@rel='canonical']/@href") == ["https://news.example.org/ferry"]


def test_unknown_fields_are_left_out_not_guessed() -> None:
    page = export(_article(Metadata(title="Only a title"), "One paragraph of text."))
    data = linked_data(page)
    assert set(data) == {"@context", "@type", "headline"}
    tags = og(page)
    assert set(tags) == {"og:type", "og:title"}
    assert not head(page).xpath("link[@rel='canonical']")


def test_a_local_image_is_no_share_image(tmp_path: pytest.TempPathFactory) -> None:
    from kitchen import PNG_DATA_URI

    article = _article(Metadata(title="Picture"), "Text.")
    article = model.replace(article, body=(*article.body, model.Figure(PNG_DATA_URI, "A red square")))
    page = export(article)
    assert "image" not in linked_data(page) and "og:image" not in og(page)


@pytest.mark.parametrize(
    "title",
    [
        "Closing </script><script>alert(1)</script> tags",
        "An HTML comment <!-- inside --> and <![CDATA[ x ]]>",
        "Ampersands & “quotes” and \u2028 line separators",
    ],
)
def test_json_ld_cannot_be_broken_out_of(title: str) -> None:
    meta = Metadata(title=title, authors=(Author("</script>"),), description="a </SCRIPT > b")
    page = export(_article(meta, "Body text."))
    script = page.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<" not in script and ">" not in script
    data = linked_data(page)
    assert data["headline"] == title
    assert data["author"] == [{"@type": "Person", "name": "</script>"}]
    assert data["description"] == "a </SCRIPT > b"
    assert len(head(page).xpath("script")) == 1


def test_og_locale_uses_language_and_territory() -> None:
    for tag, expected in (("pt-BR", "pt_BR"), ("zh-Hant-TW", "zh_TW"), ("fr", "fr"), ("sr-Latn", "sr")):
        page = export(_article(Metadata(title="T", language=tag), "Text."))
        assert og(page)["og:locale"] == [expected], tag


def test_epub_content_documents_carry_no_script() -> None:
    book = api.write(ARTICLES["en"], "epub")
    assert isinstance(book, bytes)
    with zipfile.ZipFile(io.BytesIO(book)) as zf:
        assert not any(b"<script" in zf.read(n) for n in zf.namelist() if n.endswith(".xhtml"))


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_round_trip_through_the_html_reader(name: str) -> None:
    article = ARTICLES[name]
    back = api.read(export(article).encode("utf-8"), from_="html").meta
    meta = article.meta
    assert back.title == meta.title
    assert back.published == meta.published
    assert back.updated == meta.updated
    assert back.language == meta.language
    assert back.description == meta.description
    assert back.publisher == meta.publisher
    assert back.url == meta.url


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_authors_round_trip(name: str) -> None:
    article = ARTICLES[name]
    back = api.read(export(article).encode("utf-8"), from_="html").meta
    assert [a.name for a in back.authors] == [a.name for a in article.meta.authors]


def test_round_trip_of_the_kitchen_sink(kitchen_sink: model.Article) -> None:
    back = api.read(export(kitchen_sink).encode("utf-8"), from_="html").meta
    meta = kitchen_sink.meta
    fields = (
        "title",
        "subtitle",
        "published",
        "updated",
        "language",
        "description",
        "publisher",
        "url",
        "keywords",
    )
    assert {f: getattr(back, f) for f in fields} == {f: getattr(meta, f) for f in fields}
    assert [a.name for a in back.authors] == [a.name for a in meta.authors]


def test_description_and_site_name_escaped_twice_are_restored() -> None:
    # A CMS that escapes its meta values twice writes ``&amp;quot;``; after parsing, ``&quot;`` is left
    # in the value. The reader shows the quotation marks, as it does for a title (Readability does too).
    page = (
        '<html lang="zh-TW"><head><title>山上的營地</title>'
        '<meta name="description" content="來到&amp;quot;玉峰國小&amp;quot;之後 &amp;#8216;美樹&amp;#8217;">'
        '<meta property="og:site_name" content="Tom &amp;amp; Jerry">'
        "</head><body><article><h1>山上的營地</h1>"
        + "<p>一波波接續性低溫寒流報到，已將後山一帶層層山巒披上嫣紅的彩衣，道路上雲氣山嵐滯留山頭。</p>" * 4
        + "</article></body></html>"
    )
    meta = api.read(page.encode("utf-8"), from_="html").meta
    assert meta.description == '來到"玉峰國小"之後 \u2018美樹\u2019'
    assert meta.publisher == "Tom & Jerry"


def test_only_the_references_of_a_twice_escaped_value_are_decoded() -> None:
    # html.unescape on the whole value would also read "&region" and "&section" (legacy names without
    # their semicolon) as "®ion" and "§ion" inside the address.
    from convert.readers.html.text import unescaped

    value = "Flash sale&nbsp;– details at shop.example/deals?id=7&region=eu&section=garden"
    assert unescaped(value) == "Flash sale\u00a0– details at shop.example/deals?id=7&region=eu&section=garden"
    assert unescaped("no references & no change") == "no references & no change"


def test_keywords_split_at_the_list_comma_of_their_script() -> None:
    # Arabic and Persian pages separate keywords with U+060C, Chinese and Japanese ones with U+3001/U+FF0C.
    body = (
        "<p>" + "ماموران یک دستگاه موتورسیکلت قاچاق را در شهرستان توقیف کردند و متهم دستگیر شد. " * 4 + "</p>"
    )
    page = (
        '<html lang="fa" dir="rtl"><head><title>کشف موتور قاچاق</title>'
        '<meta name="keywords" content="قاچاق کالا،استان یزد،مواد مخدر">'
        '<meta name="news_keywords" content="火箭、航天，太空">'
        f"</head><body><article><h1>کشف موتور قاچاق</h1>{body}</article></body></html>"
    )
    meta = api.read(page.encode("utf-8"), from_="html").meta
    assert meta.keywords == ("قاچاق کالا", "استان یزد", "مواد مخدر", "火箭", "航天", "太空")
