"""Books as EPUB: a title page, a chapter per article, a nav listing them (see :mod:`._bundle`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..locale.text import number
from ..model import Article
from ..theme import Theme

if TYPE_CHECKING:
    from ._bundle import Collection


def bundle_epub(collection: Collection, theme: Theme, warnings: list[str] | None = None) -> bytes:
    """One EPUB 3: a title page, a chapter per article (its own ``lang``), a nav listing them.

    Images left out (as the EPUB exporter leaves them out) are named in ``warnings``.
    """
    from ebooklib import epub

    from ..exporters import epub as ep
    from ..locale import label
    from ..model import Metadata
    from ._bundle import _chapter_title, _where

    book = epub.EpubBook()
    authors = tuple({a.name: a for art in collection.articles for a in art.meta.authors}.values())
    meta = Metadata(
        title=collection.title, subtitle=collection.subtitle, language=collection.lang, authors=authors
    )
    ep.add_metadata(book, meta, collection.identifier())
    if ep.direction_of(book.language):
        book.set_direction(ep.direction_of(book.language))
    from ..exporters.html import code_stylesheet

    css = "\n".join((theme.css("css", "epub_css"), code_stylesheet(theme, collection.articles))).encode(
        "utf-8"
    )
    style = epub.EpubItem(uid="style", file_name=ep.CSS_HREF, media_type="text/css", content=css)
    cover = epub.EpubItem(
        uid="cover",
        file_name=ep.COVER_HREF,
        media_type="application/xhtml+xml",
        content=ep.title_page(meta, Article(meta=meta)),
    )
    book.add_item(style)
    book.add_item(cover)
    from ._cover import cover_image

    # The given cover, else the generated one, as the package's cover-image: what e-reader libraries show.
    picture = cover_image(Article(meta=meta), theme, collection.cover)
    book.set_cover(f"images/cover.{picture.extension}", picture.data, create_page=False)
    chapters, toc, contents = [], [], []
    for n, article in enumerate(collection.articles, 1):
        skipped: list[tuple[str, str]] = []
        fitted, images = ep.fit_article(article, skipped, base_dir=collection.folder(n - 1))
        contents.append(fitted)
        if warnings is not None:
            warnings.extend(f"{_where(article, n)}: {line}" for line in ep.skipped_lines(skipped))
        href = f"article-{n:04d}.xhtml"
        item = ep.content_item(f"article-{n}", href, ep.chapter(fitted, theme, collection.notes))
        book.add_item(item)
        for image in sorted(images.values(), key=lambda i: i.href):
            image_href = f"a{n}/{image.href}"
            item.content = item.content.replace(image.href.encode(), image_href.encode())
            book.add_item(
                epub.EpubItem(
                    uid=f"a{n}-{image.uid}",
                    file_name=image_href,
                    media_type=image.media_type,
                    content=image.data,
                )
            )
        chapters.append(item)
        title = ep.xml_text(_chapter_title(fitted, n)) or label(
            "Article {n}", collection.lang, n=number(n, collection.lang)
        )
        toc.append(epub.Link(href, title, f"toc-{n}"))
    nav = ep.make_nav(book.language)
    nav.add_item(style)
    book.add_item(nav)
    book.add_item(epub.EpubNcx(uid="ncx", file_name="toc.ncx"))
    book.toc = toc
    book.spine = [cover, nav, *chapters]
    book.guide = [
        {"type": "cover", "href": ep.COVER_HREF, "title": label("Title page", book.language)},
        {"type": "toc", "href": ep.NAV_HREF, "title": nav.title},
    ]
    if chapters:
        book.guide.append({"type": "text", "href": chapters[0].file_name, "title": toc[0].title})
    ep.add_accessibility(book, ep.Accessibility.of(contents), book.language)
    stamp = max((ep.modified_stamp(a.meta) for a in collection.articles), default=ep.EPOCH)
    return ep.pin_zip(ep.write_book(book, stamp, collection.lang), ep.zip_stamp(stamp))
