"""Article ↔ pandoc's JSON AST, both ways: the one bridge to pandoc.

Exporters (DOCX, Markdown) map an article to pandoc JSON and let pandoc
write the format; the pandoc readers (Markdown, DOCX, ODT, EPUB, RST ...)
let pandoc parse and map its JSON back with :func:`pandoc_to_article`.

What goes where, Article → pandoc:

- ``meta``: ``title``, ``subtitle``, ``author`` (names), ``date`` (the
  published date as every exporter displays it, :func:`convert.locale.text.display_date`),
  ``lang``, ``description``, ``keywords``, ``rights``, ``publisher``;
  Broadsheet's own keys ``published`` (the ISO value, read back first),
  ``updated``, ``dateline``, ``url``, ``identifier``, and ``authors`` (a list of ``{name, role}`` maps, only when
  a role is known). ``source`` is not carried: a reader records its own.
- footnotes (notes some :class:`NoteRef` points at) become inline ``Note``s;
  a note of another kind keeps it in a ``Div.note`` with ``kind=...``.
- other notes go last, in ``Div.notes`` holding one ``Div.note`` per note
  (``#id``, ``kind=...``); author bios follow in ``Div.bio`` under an
  "About the author" header, one ``Div.author-bio`` (``author=NAME``) each.
- the dateline leads the first paragraph ("MOSCOW – ...") in a
  ``Span.dateline``, as other exporters print it; read back, it is removed.
- a block quote's attribution is its last paragraph, "— NAME", in a
  ``Div.attribution``; a quote's speaker is a ``Span`` with ``data-speaker``
  around the ``Quoted``; a figure's credit a ``Span.credit`` at the end of
  its caption.

With ``for_docx=True`` those Divs also get ``custom-style`` attributes
(``Notes``, ``Attribution``, ``Bio``; the dateline's Span ``Dateline``) so Word styles them, quotations get
the article language's marks as text (DOCX has no quotation node).
The "About the author" heading is written in the article's language.

pandoc → Article keeps text, structure and the metadata above and degrades
what the model has no node for: ``Div``/``Span`` unwrap, raw blocks and
inlines are dropped, math becomes code, definition lists become a bold term
paragraph plus the definitions, line blocks a paragraph with line breaks,
``Cite``/``SmallCaps``/``Underline``/``Strikeout``/``Superscript``/
``Subscript`` their content, inline images their alt text. Footnotes become
``NoteRef`` + ``Note(kind="footnote")`` numbered ``n1``, ``n2`` ...

Known losses of a round trip (Article → pandoc → Article): ``meta.source``;
runs of spaces and newlines inside text collapse to one space; a table's
ragged rows are padded with empty cells; a note referenced twice becomes two
notes; footnote ids are renumbered ``n1, n2 ...`` in order of reference.

The two directions live apart: :mod:`.writing` (Article → pandoc),
:mod:`.reading` (pandoc → Article), and :mod:`._shared` for what both need
(node helpers, the Word style names, the bio heading). This module
re-exports their public names.
"""

from ._shared import BIO_HEADINGS, DOCX_STYLES, Json, stringify
from .reading import meta_from_pandoc, pandoc_to_article, plain_paragraphs
from .writing import article_to_pandoc, meta_to_pandoc, text_inlines, xml_safe

__all__ = [
    "BIO_HEADINGS",
    "DOCX_STYLES",
    "Json",
    "article_to_pandoc",
    "meta_from_pandoc",
    "meta_to_pandoc",
    "pandoc_to_article",
    "plain_paragraphs",
    "stringify",
    "text_inlines",
    "xml_safe",
]
