"""One article holding every node type: every exporter must handle it."""

from __future__ import annotations

from convert.model import (
    Article,
    Author,
    BlockQuote,
    Code,
    CodeBlock,
    Emph,
    Figure,
    Heading,
    LineBreak,
    Link,
    List,
    Math,
    Metadata,
    Note,
    NoteRef,
    Paragraph,
    Quote,
    Rule,
    Source,
    Strong,
    Table,
    Text,
)

# A 4x4 red PNG, so figures need no file on disk.
PNG_DATA_URI = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAQAAAAECAIAAAAmkwkpAAAAEElEQVR4nGM4oKAARwzEcQCqQxABtaashgAAAABJRU5ErkJggg=="

KITCHEN_SINK = Article(
    meta=Metadata(
        title="Kitchen Sink: Every Node “Quoted” & <Escaped>",
        subtitle="A test article that uses every block and inline",
        authors=(
            Author("Ada Lovelace", role="Correspondent", bio="Ada Lovelace writes about engines."),
            Author("Charles Babbage"),
        ),
        published="2024-10-14T22:37:00",
        updated="2024-10-15",
        dateline="LONDON",
        publisher="The Test Gazette",
        language="en",
        description="Every node type once.",
        keywords=("testing", "typography"),
        url="https://example.org/kitchen-sink",
        rights="© 2024 The Test Gazette",
        source=Source(path="kitchen.json", format="json", sha256="0" * 64),
        identifier="urn:sha256:" + "0" * 64,
    ),
    body=(
        Paragraph(
            (
                Text("Plain text with "),
                Emph((Text("emphasis"),)),
                Text(", "),
                Strong((Text("strong"),)),
                Text(", "),
                Code("inline_code()"),
                Text(", a "),
                Link((Text("link"),), "https://example.org/", title="Example"),
                Text(" and a note."),
                NoteRef("n1"),
            )
        ),
        Heading(2, (Text("A section heading"),), id="section"),
        Paragraph(
            (
                Text("The minister said "),
                Quote((Text("we will not yield"),), speaker="Jane Doe"),
                Text(" and called it a "),
                Quote((Text("phantom"),)),
                Text("."),
                LineBreak(),
                Text("A second line – with an en dash — and an em dash… and 20% & $4 billion."),
            )
        ),
        BlockQuote(
            (Paragraph((Text("A long quotation set off as a block."),)),),
            attribution=(Text("A. Speaker"),),
        ),
        List(
            items=(
                (Paragraph((Text("First bullet"),)),),
                (Paragraph((Text("Second bullet"),)), List(items=((Paragraph((Text("Nested"),)),),))),
            )
        ),
        List(
            items=((Paragraph((Text("Step one"),)),), (Paragraph((Text("Step two"),)),)),
            ordered=True,
            start=3,
        ),
        Figure(
            PNG_DATA_URI,
            alt="A red square",
            caption=(Text("A red square, "), Emph((Text("small"),))),
            credit="Photo: Test",
        ),
        Table(
            head=(((Text("Country"),), (Text("Trade"),)),),
            rows=(((Text("Russia"),), (Text("$4 billion"),)), ((Text("Turkey"),), (Text("$57 billion"),))),
            caption=(Text("Trade turnover, 2023"),),
        ),
        Heading(3, (Text("Code and rules"),)),
        CodeBlock("def f(x):\n    return x * 2\n", language="python"),
        Paragraph((Text("Energy is "), Math("E = mc^2"), Text(", and a sum:"))),
        Paragraph((Math(r"\sum_{i=1}^{n} i = \frac{n(n+1)}{2}", display=True),)),
        Rule(),
        Paragraph((Text("The last paragraph."),)),
    ),
    notes=(
        Note(
            "n1",
            "footnote",
            (
                Paragraph(
                    (Text("A footnote with "), Emph((Text("emphasis"),)), Text(".")),
                ),
            ),
        ),
        Note("n2", "author-note", (Paragraph((Text("*The author speaks for himself."),)),)),
        Note("n3", "disclaimer", (Paragraph((Text("The views expressed are the author’s own."),)),)),
    ),
)
