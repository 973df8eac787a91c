"""Bylines in the languages whose catalogues came with trial h55 (#2): each catalogue's own
``By {names}`` with a colon (``Teksti:``, ``Írta:``, ``Пише:`` …) is read as the byline of an article
in that language, and a headline or a body line opening with the same word is not. The brief of
such an article prints its labels in the language (#9). Synthetic articles written for these
tests, read as plain text."""

from __future__ import annotations

import pytest

import convert

#: A lead of two sentences per language: enough text for the language to be identified.
BODY = {
    "fi": "Helsingin kaupunki aikoo supistaa kirjastojen aukioloaikoja ensi syksystä alkaen säästösyistä. "
    "Kirjastojen käyttäjät ovat jo käynnistäneet adressin, jonka on allekirjoittanut yli 15 000 ihmistä.",
    "hu": "A kormány szerdán bejelentette, hogy 2028 végéig befejeződik az új vasútvonal építése. "
    "A beruházás értéke meghaladja a hétszáz milliárd forintot, és a munkálatok jövő tavasszal kezdődnek.",
    "ro": "Guvernul a aprobat joi majorarea salariului minim brut la 4.325 de lei, începând cu 1 iulie. "
    "Sindicatele au salutat decizia, dar spun că majorarea nu acoperă creșterea prețurilor din ultimul an.",
    "sr": "Градска управа представила је у четвртак план прве линије метроа у Београду. "
    "Радови би требало да почну следеће године, а прва станица биће отворена до краја деценије.",
    "hr": "Gradsko poglavarstvo u četvrtak je predstavilo plan obnove tramvajske mreže u Zagrebu. "
    "Radovi bi trebali početi sljedeće godine, a prva nova pruga bit će otvorena do kraja desetljeća.",
    "bs": "Vlada Kantona Sarajevo predstavila je u četvrtak plan obnove tramvajske pruge od Baščaršije do "
    "Ilidže. Radovi bi trebali početi sljedeće godine, a obnovljena pruga bit će otvorena do kraja decenije.",
    "bg": "В четвъртък в София беше открит нов мост над река Искър, съобщи общината. "
    "Строителството продължи две години и струваше над тридесет милиона лева.",
    "lt": "Ketvirtadienį Vilniuje atidarytas naujas tiltas per Nerį, pranešė miesto savivaldybė. "
    "Statybos truko dvejus metus, o tiltas kainavo daugiau nei dvidešimt milijonų eurų.",
    "sk": "Vo štvrtok v Bratislave otvorili nový most cez Dunaj, oznámil magistrát. "
    "Výstavba trvala dva roky a stála viac ako tridsať miliónov eur, uviedol primátor mesta.",
    "cs": "Ve čtvrtek v Praze otevřeli nový most přes Vltavu, oznámil magistrát. "
    "Stavba trvala dva roky a stála více než miliardu korun, uvedl primátor hlavního města.",
    "pl": "W czwartek w Warszawie otwarto nowy most na Wiśle, poinformował ratusz. "
    "Budowa trwała dwa lata i kosztowała ponad pół miliarda złotych, powiedział prezydent miasta.",
    "uk": "У четвер у Києві відкрили новий міст через Дніпро, повідомила міська адміністрація. "
    "Будівництво тривало два роки і коштувало понад мільярд гривень, сказав мер міста.",
    "sv": "Stockholms stad öppnade på torsdagen en ny bro över Saltsjön, meddelade kommunen. "
    "Bygget tog två år och kostade mer än en miljard kronor, sade finansborgarrådet.",
    "da": "Københavns Kommune åbnede torsdag en ny bro over havnen, oplyser kommunen. "
    "Byggeriet tog to år og kostede mere end en milliard kroner, siger overborgmesteren.",
    "no": "Oslo kommune åpnet torsdag en ny bru over Akerselva, opplyser kommunen. "
    "Byggingen tok to år og kostet mer enn en milliard kroner, sier byrådslederen.",
    "id": "Pemerintah kota Jakarta meresmikan jembatan baru di atas Sungai Ciliwung pada hari Kamis. "
    "Pembangunan jembatan itu memakan waktu dua tahun dan menelan biaya lebih dari satu triliun rupiah.",
    "ms": "Sebuah jambatan baharu dibuka di ibu negara pada Khamis, menurut Dewan Bandaraya Kuala Lumpur. "
    "Pembinaan jambatan itu mengambil masa dua tahun dan menelan belanja lebih daripada satu bilion ringgit.",
    "az": "Cümə axşamı Bakıda yeni körpü istifadəyə verildi, şəhər icra hakimiyyəti bildirib. "
    "Körpünün tikintisi iki il çəkib və layihənin dəyəri otuz milyon manatdan çox olub.",
}

#: (language, headline, byline line, names read), the byline under the headline: the form each
#: catalogue gives ``By {names}`` (plural forms too: ``Пишу:``, ``Autoři:``), its label ending in a
#: colon (the bare words, ``de``, ``Av``, ``Af``, ``Oleh``, are not read: :data:`BARE`).
READ = [
    ("fi", "Helsinki leikkaa kirjastojen aukioloaikoja", "Teksti: Anna Virtanen", ("Anna Virtanen",)),
    ("hu", "Új vasútvonal épül", "Írta: Kovács Péter", ("Kovács Péter",)),
    ("sr", "Београд добија метро", "Пише: Милан Јовановић", ("Милан Јовановић",)),
    (
        "sr",
        "Београд добија метро",
        "Пишу: Милан Јовановић и Ана Петровић",
        ("Милан Јовановић", "Ана Петровић"),
    ),
    ("hr", "Zagreb obnavlja tramvajsku mrežu", "Piše: Ivana Horvat", ("Ivana Horvat",)),
    ("bs", "Sarajevo obnavlja tramvajsku prugu", "Piše: Amra Hodžić", ("Amra Hodžić",)),
    ("bg", "В София откриха нов мост", "Автор: Иван Петров", ("Иван Петров",)),
    ("lt", "Vilniuje atidarytas naujas tiltas", "Autorius: Jonas Petraitis", ("Jonas Petraitis",)),
    ("sk", "V Bratislave otvorili nový most", "Autor: Ján Novák", ("Ján Novák",)),
    ("cs", "V Praze otevřeli nový most", "Autoři: Jan Novák a Eva Svobodová", ("Jan Novák", "Eva Svobodová")),
    ("pl", "W Warszawie otwarto nowy most", "Autor: Anna Kowalska", ("Anna Kowalska",)),
    ("uk", "У Києві відкрили новий міст", "Автор: Олена Шевченко", ("Олена Шевченко",)),
    ("az", "Bakıda yeni körpü açıldı", "Müəllif: Elvin Məmmədov", ("Elvin Məmmədov",)),
]

#: (language, headline): a headline opening with the language's byline word, which stays the
#: headline (its words after the label are no names: lower-case words, a question).
HEADLINES = [
    ("ro", "De ce contează salariul minim"),
    ("ro", "de la Guvern vin bani noi pentru pensii"),
    ("ro", "De la 1 iulie, salariul minim crește"),
    ("sv", "Av alla städer i Sverige växer Stockholm snabbast"),
    ("no", "Av og til stenges brua om natten"),
    ("da", "Af hensyn til miljøet bygges broen i træ"),
    ("id", "Oleh karena itu, jembatan dibangun ulang"),
    ("ms", "Oleh itu, jambatan dibina semula"),
    ("hu", "Írta: a szerkesztőség"),
    ("fi", "Teksti: lukijoiden kysymyksiä"),
    ("sr", "Пише: шта кажу грађани"),
    ("pl", "Autor: nieznany"),
]


def _text(*blocks: str) -> bytes:
    return ("\n\n".join(blocks) + "\n").encode()


def _names(meta: convert.model.Metadata) -> tuple[str, ...]:
    return tuple(a.name for a in meta.authors)


@pytest.mark.parametrize(("lang", "title", "byline", "names"), READ)
def test_a_catalogue_byline_under_the_headline_is_read(
    lang: str, title: str, byline: str, names: tuple[str, ...]
) -> None:
    meta = convert.read(_text(title, byline, BODY[lang]), from_="text").meta
    assert (meta.language, meta.title, meta.subtitle, _names(meta)) == (lang, title, None, names)


@pytest.mark.parametrize(("lang", "headline"), HEADLINES)
def test_a_headline_that_opens_with_the_byline_word_stays_the_headline(lang: str, headline: str) -> None:
    meta = convert.read(_text(headline, BODY[lang], BODY[lang]), from_="text").meta
    assert (meta.title, meta.authors) == (headline, ())


def test_a_body_line_opening_with_romanian_de_is_no_byline() -> None:
    body = "de la Guvern au venit banii pentru pensii, a spus ministrul Muncii după ședință."
    article = convert.read(_text("Guvernul aprobă majorarea", BODY["ro"], body), from_="text")
    assert article.meta.authors == ()
    assert body in [convert.model.plain_text(b) for b in article.body]


def test_serbian_in_latin_letters_has_its_own_catalogue() -> None:
    # declared sr-Latn: the Latin catalogue's "Piše:", and Latin labels, not the Cyrillic ones
    body = "Gradska uprava predstavila je u četvrtak plan prve linije metroa u Beogradu."
    source = f"---\nlang: sr-Latn\n---\n\n# Beograd dobija metro\n\nPiše: Milan Jovanović\n\n{body}\n"
    article = convert.read(source.encode(), from_="markdown")
    assert _names(article.meta) == ("Milan Jovanović",)
    brief = convert.render(article, "brief").data.decode()
    assert "Piše: Milan Jovanović" in brief and "SUŠTINA" in brief


def test_the_byline_word_of_another_catalogue_language_is_no_byline() -> None:
    # "Oleh" is Indonesian and Malay: in a Finnish article it is no byline word
    meta = convert.read(_text("Helsinki leikkaa", "Oleh Budi Santoso", BODY["fi"]), from_="text").meta
    assert meta.authors == ()


def test_the_closing_bio_is_found_and_the_brief_speaks_the_language() -> None:
    bio = "Kovács Péter a lap gazdasági újságírója."
    article = convert.read(_text("Új vasútvonal épül", "Írta: Kovács Péter", BODY["hu"], bio), from_="text")
    (author,) = article.meta.authors
    assert (author.name, author.bio) == ("Kovács Péter", bio)
    brief = convert.render(article, "brief").data.decode()
    assert "Írta: Kovács Péter" in brief
    assert "A LÉNYEG" in brief and "perc olvasás" in brief
    assert "BOTTOM LINE" not in brief and "min read" not in brief


#: (language, headline, the line under it): each catalogue's bare ``By {names}`` word (an everyday
#: preposition too), which Broadsheet prints but no reader takes for a byline (review r57): the line
#: stays in the body and names no author.
BARE = [
    ("ro", "Guvernul aprobă majorarea salariului minim", "de Andrei Popescu"),
    ("ro", "Guvernul aprobă majorarea", "De Ana Ionescu și Mihai Radu"),
    ("ro", "Salariul minim crește", "De Ziua Muncii"),
    ("sv", "Ny bro öppnad i Stockholm", "Av Anna Lindqvist"),
    ("sv", "Ny bro", "Av Sveriges Radio"),
    ("da", "Ny bro åbnet i København", "Af Mette Jensen"),
    ("da", "Ny bro åbnet", "Af Hensyn Til Miljøet"),
    ("no", "Ny bru åpnet i Oslo", "Av Kari Nordmann"),
    ("id", "Jembatan baru diresmikan di Jakarta", "Oleh Budi Santoso"),
    ("id", "Jembatan Baru", "Oleh Sebab Itu"),
    ("id", "Jembatan Baru", "Oleh Tim Redaksi"),
    ("ms", "Jambatan baharu dibuka di Kuala Lumpur", "Oleh Ahmad Firdaus"),
]


@pytest.mark.parametrize(("lang", "title", "line"), BARE)
def test_a_bare_byline_word_under_the_headline_names_no_author(lang: str, title: str, line: str) -> None:
    for source, fmt in (
        (_text(title, line, BODY[lang]), "text"),
        (_text(f"# {title}", line, BODY[lang]), "markdown"),
    ):
        article = convert.read(source, from_=fmt)
        meta = article.meta
        assert (meta.title, meta.subtitle, meta.authors) == (title, None, ()), fmt
        assert line in [convert.model.plain_text(b) for b in article.body], fmt


def test_a_bare_byline_word_under_the_headline_names_no_author_in_docx() -> None:
    # the markdown article written as a Word file and read back: the paragraph stays a paragraph
    source = _text("# Salariul minim crește", "De Ziua Muncii", BODY["ro"], BODY["ro"])
    docx = convert.render(convert.read(source, from_="markdown"), "docx").data
    meta = convert.read(docx, from_="docx").meta
    assert (meta.title, meta.subtitle, meta.authors) == ("Salariul minim crește", None, ())


#: (language, headline): a headline in capitals opening with the bare byline word, standing first
#: (review r57): it stays the headline, with no author.
BARE_HEADLINES = [
    ("ro", "De Ziua Națională"),
    ("ro", "De Sfântul Andrei"),
    ("ro", "De La Guvern Vin Bani Noi"),
    ("id", "Oleh Karena Itu Jembatan Dibangun"),
    ("id", "Oleh Presiden Jokowi"),
    ("sv", "Av Sveriges Radio"),
    ("da", "Af Danmarks Radio"),
]


@pytest.mark.parametrize(("lang", "headline"), BARE_HEADLINES)
def test_a_capitalised_headline_opening_with_a_bare_byline_word_stays_the_headline(
    lang: str, headline: str
) -> None:
    meta = convert.read(_text(headline, BODY[lang]), from_="text").meta
    assert (meta.title, meta.authors) == (headline, ())


def test_a_colon_byline_standing_first_over_the_body_is_the_headline() -> None:
    # nothing above it and no headline below: "Autor: Jan Kowalski Odpowiada" is the headline
    meta = convert.read(_text("Autor: Jan Kowalski Odpowiada", BODY["pl"]), from_="text").meta
    assert (meta.title, meta.authors) == ("Autor: Jan Kowalski Odpowiada", ())


def test_a_colon_byline_above_the_headline_stays_the_byline() -> None:
    meta = convert.read(_text("Autor: Jan Kowalski", "Nowy most", BODY["pl"]), from_="text").meta
    assert (meta.title, _names(meta)) == ("Nowy most", ("Jan Kowalski",))
