"""The briefing in other languages: figures with their words, headings in capitals by the
language's rules, the dateline's place as the article spells it, and typed note marks."""

from __future__ import annotations

import unicodedata

import pytest

from convert.briefing import build, render_text, source_line
from convert.briefing.figures import find
from convert.briefing.sentences import sentences
from convert.locale.casing import capitals_drop_accents, lower, upper
from convert.model import Article, Metadata, Note, Paragraph, Text


def article(language: str, *paragraphs: str, title: str = "", dateline: str | None = None) -> Article:
    meta = Metadata(title=title, language=language, dateline=dateline)
    return Article(meta=meta, body=tuple(Paragraph((Text(p),)) for p in paragraphs))


@pytest.mark.parametrize(
    ("language", "sentence", "shown", "kind", "value"),
    [
        ("ko", "개통 첫날 이용객은 약 15만 명으로 집계됐다.", "15만", "count", 150_000),
        ("tr", "Hat günde yaklaşık 300 bin yolcu taşıyacak.", "300 bin", "count", 300_000),
        ("ar", "استخدم نحو 180 ألف راكب الخط في يومه الأول.", "180 ألف", "count", 180_000),
        ("de", "Es fielen rund 80 Prozent der Fernzüge aus.", "80 Prozent", "percent", 80),
        ("de", "Der Bau kostete 2 Milliarden Euro.", "2 Milliarden Euro", "money", 2e9),
        ("tr", "Seçmenlerin yüzde 52 oranında katılım gösterdi.", "yüzde 52", "percent", 52),
        ("en", "Exports rose 12 percent last year.", "12 percent", "percent", 12),
        ("en", "A crowd of 15K runners set off.", "15K", "count", 15_000),
        ("ko", "개통 첫날 이용객은 약 15만명이 몰렸다.", "15만", "count", 150_000),  # a counter glued on
        ("ja", "観客は15万人に達した。", "15万", "count", 150_000),
        ("zh", "增长了3亿元。", "3亿", "count", 3e8),
        ("en", "The $3B deal closed.", "$3B", "money", 3e9),  # an attached letter scales money
        ("en", "The $3Bn deal closed.", "$3Bn", "money", 3e9),
        ("ja", "令和6年12月の調査では学生12人が参加した。", "12", "count", 12),  # the 12 of 12月 is none
    ],
)
def test_figures_keep_the_words_written_with_them(
    language: str, sentence: str, shown: str, kind: str, value: float
) -> None:
    figures = find(sentences(article(language, sentence)), language=language)
    assert [(f.text, f.kind, f.value) for f in figures] == [(shown, kind, value)]


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("en", "He bought 25 T-shirts and 40 K TVs; 20 B-52 bombers flew over Room 15 B."),
        ("en", "Officials filed 10 K forms and shipped 10 T of steel."),
        ("tr", "Bina 15 B blokta, 20 E katında."),
        ("hu", "A 15 E teremben 30 B csoport ült."),
        ("ko", "예선에서 3조 선수들이 12조 팀과 겨뤘다."),  # 조: a trillion, and a group
        ("id", "Ada 30 M anak di kelas."),
    ],
)
def test_letters_and_nouns_beside_a_number_do_not_scale_it(language: str, sentence: str) -> None:
    """A one-letter magnitude counts only attached to its number; one that is also a common noun, never."""
    figures = find(sentences(article(language, sentence)), language=language)
    assert all(f.value is None or f.value < 1000 for f in figures), figures


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("ko", "매출 3천억 원을 기록했다."),
        ("ko", "1억5천만 원을 받았다."),
        ("ko", "관중 1만2천 명이 모였다."),
        ("ko", "예산은 1조 2천억 원이다."),
        ("ko", "예산은 15조 원이다."),
        # Korean and Japanese space a number at its myriad places (review r32c)
        ("ko", "예산으로 3억 2천만 원을 배정했다."),
        ("ko", "관중 1만 2천 명이 모였다."),
        ("ja", "売上は1兆 2000億円だった。"),
        ("ja", "午後3時15分に発表した。"),
        ("ja", "午後10時に発表した。"),
        ("zh", "投资50百万元。"),
    ],
)
def test_a_number_that_is_part_of_a_larger_one_or_a_time_gives_no_figure(
    language: str, sentence: str
) -> None:
    """`3천억` is not 3,000 nor `午後3時15分` 15: no figure rather than a wrong one."""
    assert find(sentences(article(language, sentence)), language=language) == []


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("ko", "이 노선은 2024년에 착공했다."),
        ("en", "이 노선은 2024년에 착공했다."),  # tester h29: tagged otherwise, a year is still no count
        (None, "이 노선은 2024년에 착공했다."),
        ("en", "该线路于2024年开通。"),
        (None, "この路線は2024年に開業した。"),
    ],
)
def test_a_year_written_with_its_year_word_is_no_count(language: str | None, sentence: str) -> None:
    assert [f for f in find(sentences(article(language or "", sentence)), language=language)] == []


@pytest.mark.parametrize(
    ("language", "sentence", "shown", "unit"),
    [
        ("de", "Die Linie wurde 15 Jahre lang gebaut.", "15 Jahre", "years"),
        ("ru", "Линию строили 15 лет.", "15 лет", "years"),
        ("tr", "Hat 15 yıl boyunca inşa edildi.", "15 yıl", "years"),
        ("hi", "लाइन बनाने में 15 वर्ष लगे।", "15 वर्ष", "years"),
        ("th", "ผ่านมา 15 ปีแล้ว", "15 ปี", "years"),  # Thai: the next word follows at once
        ("en", "The line took 15 days to build.", "15 days", "days"),  # English's own words stay
    ],
)
def test_a_number_of_years_is_a_duration_by_the_languages_year_word(
    language: str, sentence: str, shown: str, unit: str
) -> None:
    """CLDR's long duration-year unit, as English `15 years` is a duration (no count of 15)."""
    figures = find(sentences(article(language, sentence)), language=language)
    assert [(f.text, f.kind, f.value, f.unit) for f in figures] == [(shown, "duration", 15, unit)]


@pytest.mark.parametrize(
    ("language", "sentence", "shown", "value", "unit"),
    [
        # (review r37: outside English a count's unit is the one word after it, no verb phrase)
        ("hi", "सरकार ने 15 करोड़ रुपये खर्च किए।", "15 करोड़", 15e7, "रुपये"),
        ("hi", "पहले दिन 3 लाख लोगों ने यात्रा की।", "3 लाख", 3e5, "लोगों"),
        ("bn", "সরকার ৩ লাখ মানুষকে সাহায্য করেছে।", "৩ লাখ", 3e5, "মানুষকে"),
        ("ta", "சுமார் 15 ஆயிரம் பேர் வந்தனர்.", "15 ஆயிரம்", 15e3, "பேர்"),
        ("th", "รัฐบาลใช้เงิน 15 ล้านบาท", "15 ล้านบาท", 15e6, "THB"),  # the baht's CLDR name: money
        ("bn", "প্রায় 20 হাজারো মানুষ এসেছিল।", "20", 20, "হাজারো"),  # not হাজার
    ],
)
def test_words_beside_a_number_end_after_their_combining_marks(
    language: str, sentence: str, shown: str, value: float, unit: str
) -> None:
    """Tester h29: the unit was cut at a vowel sign (`रुपये` read as `र`), and a magnitude was
    read off the front of a longer word; a vowel sign, virama or nukta goes on with its word."""
    figures = find(sentences(article(language, sentence)), language=language)
    assert [(f.text, f.value, f.unit) for f in figures] == [(shown, value, unit)]


def test_upper_case_by_the_language() -> None:
    assert upper("Önemli noktalar", "tr") == "ÖNEMLİ NOKTALAR"
    assert upper("istanbul", "az") == "İSTANBUL"
    assert upper("Önemli noktalar", "en") == "ÖNEMLI NOKTALAR"
    assert upper("Συμπέρασμα", "el") == "ΣΥΜΠΕΡΑΣΜΑ"
    assert upper("Βασικά σημεία", "el-CY") == "ΒΑΣΙΚΑ ΣΗΜΕΙΑ"
    assert upper("Μάιος", "el") == "ΜΑΪΟΣ"  # the accent goes, the two vowels stay apart
    assert upper("Αθηναίοι ή Σπαρτιάτες", "el") == "ΑΘΗΝΑΙΟΙ Ή ΣΠΑΡΤΙΑΤΕΣ"  # the conjunction keeps it
    assert upper("Προϊόν", "el") == "ΠΡΟΪΟΝ"
    assert lower("DİYARBAKIR", "tr") == "diyarbakır"
    assert capitals_drop_accents("el") and not capitals_drop_accents("tr") and not capitals_drop_accents(None)


@pytest.mark.parametrize(
    ("language", "heading"), [("tr", "ÖNEMLİ NOKTALAR"), ("el", "ΒΑΣΙΚΑ ΣΗΜΕΙΑ"), ("el", "ΣΥΜΠΕΡΑΣΜΑ")]
)
def test_brief_headings_are_capitals_by_the_language(language: str, heading: str) -> None:
    body = [
        "Yetkililer yeni hattın açıldığını ve yolcuların çok memnun olduğunu söyledi.",
        "Hat günde yaklaşık 300 bin yolcu taşıyacak ve şehrin trafiğini azaltacak.",
        "Eksikliklerin bir ay içinde giderileceği açıklandı ve çalışmalar sürüyor.",
        "Engelli yolcular asansörlerin çalışmamasına tepki gösterdi ve açıklama istedi.",
    ]
    if language == "el":
        body = [
            "Η νέα γραμμή του μετρό άνοιξε τη Δευτέρα για το επιβατικό κοινό της πόλης.",
            "Οι αρχαιολογικές ανασκαφές ήταν ένας από τους βασικούς λόγους της καθυστέρησης.",
            "Την πρώτη ημέρα μετακινήθηκαν περίπου εξήντα χιλιάδες επιβάτες στη γραμμή.",
            "Η επόμενη φάση του έργου αναμένεται να ολοκληρωθεί σε δύο χρόνια από τώρα.",
        ]
    text = render_text(build(article(language, *body, title="Başlık")))
    assert heading in text.splitlines()


def test_dateline_place_as_the_article_spells_it() -> None:
    el = article("el", "Η πόλη γιόρτασε.", title="Νέο μετρό στη Θεσσαλονίκη", dateline="ΘΕΣΣΑΛΟΝΙΚΗ")
    assert source_line(el) == "Θεσσαλονίκη"
    # Greek capitals lost the accents: with no other spelling to go by, the capitals stay
    assert source_line(article("el", "Η πόλη γιόρτασε.", title="Νέο μετρό", dateline="ΠΑΤΡΑ")) == "ΠΑΤΡΑ"
    tr = article("tr", "Şehir kutladı.", title="Yeni metro", dateline="DİYARBAKIR")
    assert source_line(tr) == "Diyarbakır"
    assert source_line(article("en", "Text.", title="A title", dateline="NEW YORK")) == "New York"


@pytest.mark.parametrize(
    ("dateline", "body", "shown"),
    [
        ("READING", "Council officials said reading scores rose in Reading schools.", "Reading"),
        ("READING", "Council officials said reading scores rose this year.", "Reading"),
        ("NICE", "It was a nice day on the promenade.", "Nice"),
        ("SPLIT", "The vote was split down the middle.", "Split"),
        ("NEW YORK", "officials in new york said", "New York"),
    ],
)
def test_a_dateline_in_capitals_never_takes_an_ordinary_words_spelling(
    dateline: str, body: str, shown: str
) -> None:
    assert source_line(article("en", body, title="T", dateline=dateline)) == shown


def test_note_marks_typed_in_the_text_stay_out_of_the_briefing() -> None:
    a = article(
        "de",
        "Nach Angaben des Unternehmens fielen rund 80 Prozent der Fernzüge aus.* Im Regionalverkehr gab es "
        "je nach Bundesland große Unterschiede.",
    )
    a = Article(
        meta=a.meta,
        body=a.body,
        notes=(Note("n1", "author-note", (Paragraph((Text("Angaben der Bahn."),)),)),),
    )
    texts = [s.text for s in sentences(a)]
    assert texts == [
        "Nach Angaben des Unternehmens fielen rund 80 Prozent der Fernzüge aus.",
        "Im Regionalverkehr gab es je nach Bundesland große Unterschiede.",
    ]
    assert "*" not in render_text(build(a))


def test_stars_that_are_no_note_marks_stay() -> None:
    """`5* hotel`, `f***.`, `grade A* Maths` are words: a note's call stands after a sentence's end."""
    typed = (
        "The inspectors rated the Grand a 5* Hilton property, the spa was f*** expensive and rooms at grade "
        "B** were cramped.* Critics agreed. The reviews were simply f***. Guests gave it 4*. Students with "
        "grade A* Maths results were admitted. “We agree,” he said.” † Others did not."
    )
    a = article("en", typed)
    a = Article(meta=a.meta, body=a.body, notes=(Note("n1", "footnote", (Paragraph((Text("Source."),)),)),))
    assert " ".join(s.text for s in sentences(a)) == typed.replace(".*", ".").replace(" †", "")


@pytest.mark.parametrize(
    ("language", "typed", "capitals"),
    [("tr", "Önemli bilgiler", "ÖNEMLİ BİLGİLER"), ("el", "Συμπέρασμα", "ΣΥΜΠΕΡΑΣΜΑ")],
)
def test_plain_text_section_headings_are_capitals_by_the_language(
    language: str, typed: str, capitals: str
) -> None:
    import convert
    from convert.model import Heading

    body = (Paragraph((Text("x"),)), Heading(2, (Text(typed),)), Paragraph((Text("y"),)))
    data = convert.write(Article(meta=Metadata(title="t", language=language), body=body), "txt")
    assert isinstance(data, bytes)
    assert capitals in data.decode("utf-8").splitlines()


def test_money_with_a_letter_it_does_not_read_gives_no_figure() -> None:
    # "$3B-plus": the letter is no scale the reader takes, so "$3" would be a wrong amount (review r32c)
    figures = find(sentences(article("en", "The company agreed a $3B-plus deal on Monday.")), language="en")
    assert not [f for f in figures if f.kind == "money"], figures


@pytest.mark.parametrize(
    ("language", "sentence", "unit"),
    [
        ("hi", "1.5 लाख लोगों ने नई लाइन से यात्रा की।", "लोगों"),
        ("de", "Es kamen 300 Fahrgäste, die warteten.", "Fahrgäste"),
        ("de", "Es kamen 300, die warteten.", None),  # what follows is no word
        # review r37b: a word of three letters or fewer takes the next with it (a preposition)
        ("fr", "Le musée a accueilli 2 millions de visiteurs.", "de visiteurs"),
        ("es", "La ciudad recibió 3 millones de personas el año pasado.", "de personas"),
        ("it", "Sono arrivati 2 milioni di turisti.", "di turisti"),
        ("fr", "Il en reste 2 millions.", None),
        # review r37c: a short unit (a CLDR unit) stays alone; a one-letter word or a one-letter
        # word after does not join
        ("fr", "Il roule 300 000 km par an.", "km"),
        ("es", "Construyeron 300 km de vías.", "km"),
        ("ru", "Бюджет 5 млн руб в год.", "руб"),
        ("pt", "Foram 3 mil e quinhentos.", None),  # task h46: `e` (and) is no unit either
        ("ja", "観客は15万人に達した。", None),  # no space between words: a word's end is unknown
        ("en", "There are 1.6 million Russian-speaking residents in the city.", "Russian-speaking residents"),
        (None, "About 300 angry commuters of the line waited.", "angry commuters"),
    ],
)
def test_a_counts_unit_is_the_next_word_outside_english(
    language: str | None, sentence: str, unit: str | None
) -> None:
    """Review r37: the next three words (`लोगों ने नई`, 'people [subject] new') are no unit."""
    figures = find(sentences(article(language or "", sentence)), language=language)
    assert [f.unit for f in figures if f.kind == "count"] == [unit]


@pytest.mark.parametrize(
    ("language", "sentence", "shown", "value", "unit"),
    [
        ("th", "ผลิตได้ 15 ล้านตันต่อปี", "15 ล้าน", 15e6, None),  # ตัน, a tonne: a CLDR unit
        ("th", "มีผู้โดยสาร 15 ล้าน คนต่อปี", "15 ล้าน", 15e6, None),
        ("th", "รัฐบาลใช้เงิน 15 ล้านบาท", "15 ล้านบาท", 15e6, "THB"),
        ("th", "กรมการข้าวรับรองข้าว 4 พันธุ์ใหม่ในปีนี้", None, None, None),  # พันธุ์: a variety
        ("th", "ไทยมี 15 พันธมิตรใหม่", None, None, None),  # พันธมิตร: allies
        ("lo", "ລາວມີ 15 ພັນທຸໃໝ່", None, None, None),
        # review r37b: the front of a CLDR name (ดอลลาร์สหรัฐ; Khmer's with U+200B; Myanmar's
        # last word) reads too
        ("th", "บริษัทขาดทุน 1.5 ล้านดอลลาร์", "1.5 ล้าน", 1.5e6, None),
        ("km", "ចំនួន 15 លានរៀល", "15 លាន", 15e6, None),
        ("km", "ចំនួន 15 លានដុល្លារអាមេរិក", "15 លាន", 15e6, None),
        ("my", "အမေရိကန် 15 သန်းဒေါ်လာ", "15 သန်း", 15e6, None),
    ],
)
def test_an_unspaced_magnitude_takes_only_a_known_word_glued_on(
    language: str, sentence: str, shown: str | None, value: float | None, unit: str | None
) -> None:
    """Review r37: `4 พันธุ์` ('4 varieties') was 4,000, the `พัน` (thousand) read off the front
    of a longer word; a glued word that is no currency, unit or magnitude leaves no figure."""
    figures = find(sentences(article(language, sentence)), language=language)
    expected = [(shown, value, unit)] if shown else []
    assert [(f.text, f.value, f.unit) for f in figures] == expected


def test_decomposed_hangul_is_composed_before_matching_and_shown_as_typed() -> None:
    """Review r37b: conjoining jamo (NFD) hid Korean `만`; NFC composes them."""
    typed = unicodedata.normalize("NFD", "서울 인구는 15만명이다.")
    figures = find(sentences(article("ko", typed)), language="ko")
    assert [(f.value, f.kind) for f in figures] == [(15e4, "count")]
    assert figures[0].text == unicodedata.normalize("NFD", "15만")


def test_a_precomposed_nukta_is_read_as_cldrs_and_shown_as_typed() -> None:
    """Review r37: U+095C (`ड़` precomposed) defeated CLDR's `करोड़` (`ड` and U+093C)."""
    typed = "सरकार ने 15 कर\u094b\u095c रुपये खर्च किए।"
    figures = find(sentences(article("hi", typed)), language="hi")
    assert [(f.text, f.value, f.unit) for f in figures] == [("15 कर\u094b\u095c", 15e7, "रुपये")]
    assert "\u095c" in figures[0].context


@pytest.mark.parametrize(
    ("language", "sentence", "shown", "kind"),
    [
        # review r37b: a year-like number is a year, its year word after it or not (`2024 роки`,
        # years), unless the word is the plural CLDR gives a count of that many years and no
        # other form (task h46: `1500 лет`; review r46: German `1700 Jahre` stays a year, a plural
        # of a singular-and-plural unit may open the next phrase; tests/test_brief_readings.py)
        ("de", "Die Stadt ist 1700 Jahre alt.", "1700", "year"),
        ("ru", "Городу 1500 лет.", "1500 лет", "duration"),
        ("hi", "2024 वर्ष का बजट पेश हुआ।", "2024", "year"),
        ("tr", "2024 yıl bütçesi açıklandı.", "2024", "year"),
        ("ru", "Линию открыли в марте 2024 года.", "2024", "year"),
        ("de", "Die Stadt ist 15 Jahre alt.", "15 Jahre", "duration"),
        ("de", "Seit 15 Jahren wird gebaut.", "15", "count"),  # inflected: CLDR has no dative plural
    ],
)
def test_a_year_like_number_with_a_year_word_stays_a_year(
    language: str, sentence: str, shown: str, kind: str
) -> None:
    """Review r37b: `2024 वर्ष` and `2024 роки` became durations of 2,024 years."""
    figures = find(sentences(article(language, sentence)), language=language)
    assert [(f.text, f.kind) for f in figures] == [(shown, kind)]


def test_years_with_a_plural_year_word_stay_years() -> None:
    figures = find(sentences(article("uk", "Звіти за 2023 і 2024 роки оприлюднили.")), language="uk")
    assert sorted((f.text, f.kind) for f in figures) == [("2023", "year"), ("2024", "year")]


def test_nfc_takes_a_run_of_marks_in_one_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    """Review r37c: a letter with 20,000 combining marks was normalised once per mark, its whole
    run each time (21 s); now each piece is normalised a bounded number of times."""
    import unicodedata as ud

    from convert.locale import numbers

    seen = [0]
    real = ud.normalize

    def counting(form: str, text: str) -> str:
        seen[0] += len(text)
        return real(form, text)

    monkeypatch.setattr(numbers.unicodedata, "normalize", counting)
    text = "a" + "\u0301" * 20_000 + " 15 \u1106\u1161\u11ab"
    out, back = numbers.nfc(text)
    assert out == real("NFC", text) and back is not None and len(back) == len(out) + 1
    assert seen[0] < 10 * len(text)  # the quadratic version squashed ~2e8 characters
