"""Non-governmental organisations and public unions a report names, recognised by their legal form.

A name is recognised where a legal-form word of Azerbaijani civil society ("İctimai Birliyi", "ictimai
birliyi", "QHT", "Assosiasiyası", "Fondu", "Cəmiyyəti", "Qeyri-Hökumət Təşkilatı", "Mərkəzi"), in any case
form, follows
- a quoted name («...», “...”, "...") and the capitalised words after it: “Təmiz Dünya” Qadınlara Yardım
  İctimai Birliyi;
- or, without quotes, a run of at least two capitalised words: Azərbaycan Qızıl Aypara Cəmiyyəti.
"Mərkəzi" counts only after a quoted name, since a bare "... Mərkəzi" is nearly always a state centre
("Tədris Mərkəzi"), and a form in small letters ("ictimai birliyi") only after one too. A name holding a word of the state ("Dövlət", "Nazirliyi",
"Agentliyi", "Xidməti", "Komitəsi"...) is a state body, never an NGO, and so is a name that matches a
curated state body. Each name is given in the nominative ("... İctimai Birliyinin" -> "... İctimai
Birliyi") and, when a curated body has the same folded name (quotes aside), its key, so that it is
reused rather than made twice.
"""

import re
from dataclasses import dataclass

from atkg.graph.text import az_lower, fold

_UPPER = "A-ZÇƏĞİÖŞÜ"
_WORD = rf"[{_UPPER}][\w-]*"
_QUOTED = r"(?:“[^”“\n]{2,80}”|«[^»«\n]{2,80}»|\"[^\"\n]{2,80}\")"
# (legal form as written, in any case form; its nominative). Written in capitals, a form may follow a quoted
# name or a run of at least two capitalised words; in small letters ("ictimai birliyi"), only a quoted name,
# since "cəmiyyətinə", "fondu" and "mərkəzi" in small letters are ordinary words (society, fund, centre).
_FORMS = (
    (r"[İi]ctimai\s+[Bb]irli(?:k|y[iən]\w*)", "İctimai Birliyi"),
    (r"[Qq]eyri-[Hh]ökumət\s+[Tt]əşkilat[ıa]\w*", "Qeyri-Hökumət Təşkilatı"),
    (r"[İi]ctimai\s+[Tt]əşkilat[ıa]\w*", "İctimai Təşkilatı"),
    (r"QHT(?:-[a-zəıöüşçğ]+)?", "QHT"),
    (r"[Aa]ssosiasiya\w*", "Assosiasiyası"),
    (r"[Ff]ond(?:u|un)\w*", "Fondu"),
    (r"[Cc]əmiyyət(?:i|in)\w*", "Cəmiyyəti"),
    (r"[Mm]ərkəz(?:i|in)\w*", "Mərkəzi"),
)
# "Mərkəzi" counts only after a quoted name: a capitalised "... Mərkəzi" is nearly always a state centre.
_QUOTED_ONLY = ("Mərkəzi",)
_FORM = re.compile("|".join(f"(?P<f{index}>{pattern})(?!\\w)" for index, (pattern, _) in enumerate(_FORMS)))
_BEFORE_QUOTED = re.compile(rf"(?P<quote>{_QUOTED})(?P<words>(?:\s+{_WORD})*)\s+$")
_BEFORE_WORDS = re.compile(rf"(?P<words>(?:{_WORD}\s+){{2,6}})$")
# Words that begin a sentence rather than a name ("Həmçinin Azərbaycan Qızıl Aypara Cəmiyyəti ...", "Sorğu
# Açıq Qapı Assosiasiyası tərəfindən ..."): no tagger for Azerbaijani tells them apart, so the usual openers
# and the nouns of what an NGO does are listed (compared by how the folded word begins).
_OPENERS = ("həmçinin", "habelə", "bundan", "eyni", "belə", "bununla", "bunlarla", "hesabat", "ötən", "cari",
            "bu ", "həmin", "sonra", "daha", "eləcə", "sorğu", "monitorinq", "təlim", "seminar", "görüş", "layihə",
            "tədbir", "dəyirmi", "konfrans", "kampaniya", "memorandum")
# Stems of the words that make a name a state body's.
_STATE = re.compile(r"(?<!\w)(?:dövlət|nazirli|agentli|xidmət|komitə|prezident|kabinet|universitet|akademiya|"
                    r"məhkəmə|polis|səfirli|aparat|departament|idarə|şöbə|icra hakimiyyəti|bələdiyyə)", re.IGNORECASE)
_QUOTE_MARKS = re.compile(r"[\"“”«»]")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class CivilOrganisation:
    """An NGO or public union named at [start, end) of a text: its name in the nominative, as written
    (surface), and the key of the curated body of the same name (None when none is curated)."""

    name: str
    surface: str
    start: int
    end: int
    key: str | None = None


def find_civil_organisations(text, *, registry):
    """The NGOs and public unions the text names, left to right, none overlapping."""
    found = []
    for form in _FORM.finditer(text):
        organisation = _named(text, form, registry=registry)
        if organisation and not (found and organisation.start < found[-1].end):
            found.append(organisation)
    return found


def folded_name(name):
    """The form names are compared in: folded (graph/text.py), quotes left out."""
    return _SPACES.sub(" ", _QUOTE_MARKS.sub("", fold(name))).strip()


def _named(text, form, *, registry):
    """The organisation whose legal form is the match `form`, or None when no name stands before it or the
    name is a state body's."""
    index = int(next(name for name, value in form.groupdict().items() if value)[1:])
    nominative = _FORMS[index][1]
    needs_quote = nominative in _QUOTED_ONLY or not form.group()[:1].isupper()
    before = text[max(0, form.start() - 300):form.start()]
    quoted = _BEFORE_QUOTED.search(before)
    if quoted:
        start = form.start() - len(before) + quoted.start()
    elif needs_quote or not (words := _BEFORE_WORDS.search(before)):
        return None
    else:
        start = form.start() - len(before) + _without_openers(before, words)
        if len(text[start:form.start()].split()) < 2:
            return None
    surface = text[start:form.end()]
    name = _SPACES.sub(" ", f"{text[start:form.start()].strip()} {_nominative(form.group(), nominative)}")
    if _STATE.search(_QUOTE_MARKS.sub("", text[start:form.start()])) or start >= form.start():
        return None
    return _reconciled(CivilOrganisation(name, surface, start, form.end()), registry=registry)


def _without_openers(before, words):
    """Where the name starts in `before`: after the sentence openers its run of capitalised words begins with."""
    start = words.start()
    for word in re.finditer(r"\S+", words.group()):
        if not f"{fold(word.group())} ".startswith(_OPENERS):
            return start + word.start()
    return words.end()


def _nominative(written, nominative):
    """The legal form in the nominative, in the case (capitals or not) it was written in."""
    return nominative if written[:1].isupper() else az_lower(nominative)


def _reconciled(organisation, *, registry):
    """The organisation with the key of the curated body of the same name; None when that body is a state
    body, which is no NGO."""
    wanted = folded_name(organisation.name)
    for body in registry:
        if any(folded_name(name) == wanted for name in body.names_az):
            return None if body.group == "agency" and body.kind != "ngo" else _keyed(organisation, body.key)
    return organisation


def _keyed(organisation, key):
    return CivilOrganisation(organisation.name, organisation.surface, organisation.start, organisation.end, key)
