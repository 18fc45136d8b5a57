"""Legal-act citations in report text: decisions, decrees, orders, laws, codes, agreements, memoranda,
conventions and letters, with the acts they approve or amend.

Forms: "Nazirlər Kabinetinin 2021-ci il 1 dekabr tarixli 377 nömrəli Qərarı", "Azərbaycan Respublikasının
21 may 2021-ci il tarixli 321-VIQ nömrəli Qanunu", "02/1847 nömrəli məktubu", "“...” Azərbaycan
Respublikasının Qanunu", "Miqrasiya Məcəlləsi", "2020-ci il martın 11-də ... “... Saziş” imzalanmışdır".
A draft ("... layihəsi") is not an act and is not cited; the act that adopts a draft amending an act is
said to amend that act. Kinds are slugs of the legal-act-type code list (see KINDS).
"""

import re
from dataclasses import dataclass, replace

from atkg.graph.extract import LOWER_LETTERS as L
from atkg.graph.extract import leftmost_longest, quote_before, squash
from atkg.graph.extract import act_links
from atkg.graph.extract.act_links import ActRef
from atkg.graph.extract.dates import SENTENCE_END, find_dates

# Slugs of the legal-act-type code list (ontology/codelists.ttl).
KINDS = ("agency-order", "cabinet-decision", "cabinet-note", "code", "convention", "international-agreement", "law",
         "letter", "memorandum", "presidential-decree", "presidential-order", "regulation",
         "cabinet-order", "cooperation-agreement", "prime-minister-decision", "programme")
_U = "A-ZƏÖÜŞÇĞİ"
_REPUBLIC = r"(?:Azərbaycan\s+Respublikası(?:nın)?\s+)"
_ISSUER = (rf"(?P<issuer>{_REPUBLIC}?(?:Nazirlər\s+Kabinetinin|Prezidentinin|Baş\s+nazirinin"
           rf"|(?:[{_U}][{L}]+\s+){{1,4}}rəisinin|(?:[{_U}][{L}]+\s+){{0,3}}(?:Xidmətinin|Nazirliyinin|Komitəsinin))"
           rf"|Azərbaycan\s+Respublikasının)")
_KIND_WORD = (rf"(?P<word>[Qq]ərar[{L}]*|Fərman[{L}]*|Sərəncam[{L}]*|Qanun[{L}]*|əmr[{L}]*|məktub[{L}]*"
              rf"|dərkənar[{L}]*)")
_NUMBERED = re.compile(
    rf"(?:{_ISSUER}\s+)?(?P<number>(?<![\w/])\d[\w/\-]*(?:\s*\(\d{{4}}\))?)\s+(?:nömrəli|saylı),?"
    rf"(?:\s+(?P<after>{_REPUBLIC})?{_KIND_WORD})?")
_TARIXLI = re.compile(rf"\s+tarixli,?\s+(?:{_ISSUER}\s+)?$")
_ISSUER_BEFORE = re.compile(rf"{_ISSUER}\s+$")
_DATED = re.compile(rf"\s+tarixli\s+(?P<after>{_REPUBLIC})?{_KIND_WORD}")
_TITLED = re.compile(rf"(?<=[”\"])\s+(?:{_ISSUER}\s+)?{_KIND_WORD}")
_CODE = re.compile(rf"(?<![\w-])(?P<name>[{_U}][{L}]+)\s+Məcəllə[{L}]*")
_NOT_CODE_NAMES = ("Bu", "Həmin", "Azərbaycan", "Respublikası", "Respublikasının")
_AGREEMENT = re.compile(
    rf"[“\"](?P<title>[^“”\"]*?(?:Saziş|Memorandumu?|Razılaşma))[”\"]"
    rf"|tarixdə\s+(?P<bare>[{_U}][^.“”\"]+?\s+arasında\s+[^.“”\"]+?(?:Saziş|Memorandumu?|Razılaşma))(?=\s+imzalan)")
_CONVENTION = re.compile(
    rf"[“\"](?P<title>[^“”\"]*?Konvensiya)[”\"]"
    rf"|[“\"](?P<before>[^“”\"]+)[”\"]\s*(?:Avropa\s+Şurası\s+|Beynəlxalq\s+)?Konvensiya[{L}]*")
# A convention named without quotes, after the organisation it belongs to: "Birləşmiş Millətlər Təşkilatının
# Transmilli mütəşəkkil cinayətkarlığa qarşı Konvensiyasına".
_OWNED_CONVENTION = re.compile(
    rf"(?:Birləşmiş\s+Millətlər\s+Təşkilatının|BMT-nin|Avropa\s+Şurasının)\s+"
    rf"(?P<name>[{_U}][{L}]*(?:\s+[{L}\-]+){{1,8}}?)\s+Konvensiya[{L}]*")
_PLURAL = re.compile(rf"(?:lar|lər)[{L}]*$")
_DRAFT_AFTER = re.compile(r"[”\"]?\s*layihə")


@dataclass(frozen=True)
class ActCitation:
    """One citation of a legal act; date is ISO or None, approves/amends are tuples of ActRef."""

    surface: str
    start: int
    end: int
    kind: str
    issuer: str = None
    number: str = None
    date: str = None
    title: str = None
    approves: tuple = ()
    amends: tuple = ()

    def ref(self):
        """This act as an ActRef."""
        return ActRef(self.kind, self.number, self.date, self.title)


def find_act_citations(text, *, default_year=None):
    """Every legal-act citation in `text`, in order of position, with approves/amends links."""
    dates = find_dates(text, default_year=default_year)
    found = (_numbered(text, dates) + _dated(text, dates) + _titled(text) + _codes(text)
             + _agreements(text, dates) + _conventions(text))
    chosen = [c for _, c in leftmost_longest([(c.kind, _Span(c)) for c in found])]
    citations = act_links.inherit_elided([c.citation for c in chosen], text)
    return act_links.link(citations, text)


class _Span:
    """Adapts a citation to the start()/end() interface leftmost_longest expects."""

    def __init__(self, citation):
        self.citation = citation

    def start(self):
        """Where the citation begins."""
        return self.citation.start

    def end(self):
        """Where the citation ends."""
        return self.citation.end


def _numbered(text, dates):
    citations = []
    matches = list(_NUMBERED.finditer(text))
    for index, match in enumerate(matches):
        start, issuer, date = _left_context(text, match.start("number"), dates)
        issuer = issuer or (match["after"] and "Azərbaycan Respublikası")
        word = match["word"] or _shared_word(text, match.end(), matches[index + 1:])
        citations.append(_citation(text, start, match.end(), word, issuer, match["number"], date))
    return citations


def _shared_word(text, end, following):
    """The kind word a list of numbers shares at its end: "02/270 nömrəli, ... 02/272 nömrəli məktublar"."""
    for match in following:
        if SENTENCE_END.search(text, end, match.start()):
            return None
        if match["word"]:
            return match["word"] if _PLURAL.search(match["word"]) else None
    return None


def _left_context(text, number_start, dates):
    """The date ("... tarixli") and issuer written before an act number, and where they begin."""
    for mention in reversed(dates):
        between = _TARIXLI.match(text[mention.end:number_start]) if mention.end <= number_start else None
        if between:
            before = _ISSUER_BEFORE.search(text[:mention.start])
            start = before.start() if before else mention.start
            issuer = between["issuer"] or (before and before["issuer"])
            return start, issuer, _iso_day(mention)
    before = _ISSUER_BEFORE.search(text[:number_start])
    return (before.start(), before["issuer"], None) if before else (number_start, None, None)


def _dated(text, dates):
    citations = []
    for mention in dates:
        match = _DATED.match(text, mention.end)
        if match and _iso_day(mention):
            before = _ISSUER_BEFORE.search(text[:mention.start])
            issuer = (before and before["issuer"]) or (match["after"] and "Azərbaycan Respublikası")
            start = before.start() if before else mention.start
            citations.append(_citation(text, start, match.end(), match["word"], issuer, None, _iso_day(mention)))
    return citations


def _titled(text):
    """Undated acts named by a quoted title: "“Dövlət rüsumu haqqında” Azərbaycan Respublikasının Qanunu"."""
    citations = []
    for match in _TITLED.finditer(text):
        title = quote_before(text, match.start())
        inside_a_name = text[match.end():match.end() + 1] in "”\""
        if title and not inside_a_name and not _DRAFT_AFTER.match(text, match.end()):
            issuer = match["issuer"] or "Azərbaycan Respublikası"
            citation = _citation(text, title[1], match.end(), match["word"], issuer, None, None)
            citations.append(replace(citation, title=squash(title[0])))
    return citations


def _codes(text):
    citations = []
    for match in _CODE.finditer(text):
        if match["name"] not in _NOT_CODE_NAMES:
            title = f"{match['name']} Məcəlləsi"
            citations.append(ActCitation(match[0], match.start(), match.end(), "code", title=title))
    return citations


def _agreements(text, dates):
    citations = []
    for match in _AGREEMENT.finditer(text):
        group = "title" if match["title"] else "bare"
        title, start, end = match[group], match.start(group), match.end(group)
        if group == "title":
            start, end = match.start(), match.end()
        if _DRAFT_AFTER.match(text, match.end()):
            continue
        kind = "memorandum" if "Memorandum" in title else "international-agreement"
        kind = "cooperation-agreement" if title.endswith("Razılaşma") else kind
        signed = act_links.signing_date(text, start, end, dates)
        citations.append(ActCitation(text[start:end], start, end, kind, date=signed, title=squash(title)))
    return citations


def _conventions(text):
    citations = [ActCitation(m[0], m.start(), m.end(), "convention", title=squash(m["name"]) + " Konvensiyası")
                 for m in _OWNED_CONVENTION.finditer(text)]
    for match in _CONVENTION.finditer(text):
        title = squash(match["title"] or match["before"])
        citations.append(ActCitation(match[0], match.start(), match.end(), "convention", title=title))
    return citations


def _citation(text, start, end, word, issuer, number, date):
    kind = act_links.kind_of(word, issuer)
    title = quote_before(text, start)
    surface = text[start:end].rstrip(", ")
    return ActCitation(surface, start, start + len(surface), kind, act_links.nominative(issuer), number,
                       date, squash(title[0]) if title else None)


def _iso_day(mention):
    value = mention.dates[0] if len(mention.dates) == 1 else None
    if value and value.precision == "day" and value.start == value.end:
        return value.start.isoformat()
    return None
