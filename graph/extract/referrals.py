"""Referrals of possible victims: a letter or notice the reporting body sent to the police or a prosecutor
about persons who may be victims of trafficking or exploitation ("... Daxili İşlər Nazirliyinin aidiyyəti
qurumuna məktub ünvanlanmışdır"), with its date, to whom, how many persons, their nationality and the
form of exploitation, each as the sentence says it. Never a name: sentences are read redacted, and a
redaction's brackets give at most a count ("[3 şəxs: ...]").

A sentence is a referral when it says a letter or notice was sent (not "ünvanlanmamışdır"), to a body named
in the dative or to "the relevant body", about persons (a count, citizens, foreigners, a redacted person),
and names trafficking, exploitation, deception or victims. Information the body received ("Xidmətə daxil
olmuş məktubda ... məlumat verilmişdir") is not a referral it made.
"""

import re
from dataclasses import dataclass

from atkg.graph.agencies import find_mentions
from atkg.graph.extract.dates import find_dates
from atkg.graph.extract.events import sentences
from atkg.graph.extract.numbers import find_counts
from atkg.graph.extract.privacy import redact

_SENT = re.compile(r"(?:məktub|məlumat)(?:lar)?\s+(?:ünvanlan|göndəril|veril)m[iı]ş")
_CUE = re.compile(r"insan alver|istismar|aldad|qurbanı")
_PERSONS = re.compile(r"vətəndaş|əcnəbi|nəfər|şəxs")
_RELEVANT = re.compile(r"aidiyyəti\s+(?:quruma|qurumuna|orqana|orqanına)")
_DATIVE = re.compile(r"(?:[yn]?[aə]|-[aə])$")
_INCOMING = re.compile(r"\s+daxil\s+ol")
_BRACKET = re.compile(r"\[(?:(?P<count>\d+)\s+)?şəxs\b[^\]]*\]")
_PEOPLE = ("nəfər", "əcnəbi", "vətəndaş", "şəxs")
_SINGULAR_PERSON = re.compile(r"\b(?:əcnəbi|vətəndaş|şəxs|qadın|uşaq)(?:ın|in|un|ün|nin|nın|a|ə|ya|yə)\b")
_AGENT = re.compile(r"\s+tərəfindən")
_GROUP_BEFORE = re.compile(r"(?:qrup|neçə|\d)\s+(?:\S+\s+){0,3}$")
_FORMS = (("sexual exploitation", re.compile(r"cinsi istismar")),
          ("labour exploitation", re.compile(r"əməyinin istismar|məcburi əmək|əmək istismar")),
          ("deception", re.compile(r"aldad")),
          ("travel documents withheld", re.compile(r"sənədlərini?\b.{0,80}(?:alındığı|qaytarmaqdan imtina)")))


@dataclass(frozen=True)
class ReferralFinding:
    """One referral: ISO date of the letter (None when not given as a day), the key of the body it went to
    (None for "the relevant body"), how many persons (None when not said), nationality keys, the forms of
    exploitation the sentence names (in English) and the quote."""

    date: str | None
    to: str | None
    count: int | None
    nationalities: tuple[str, ...]
    forms: tuple[str, ...]
    quote: str
    line_start: int
    line_end: int


def find_referrals(entry, *, report_year, registry):
    """Every referral the entry reports, in text order."""
    found = []
    for paragraph in entry.paragraphs:
        for sentence in sentences(redact(paragraph.text).text):
            verb = _SENT.search(sentence)
            if not (verb and _CUE.search(sentence) and _PERSONS.search(sentence)):
                continue
            mentions = find_mentions(sentence, registry=registry)
            to = _recipient(sentence, mentions, verb.start(), registry)
            if to is not False:
                found.append(ReferralFinding(
                    _letter_date(sentence, report_year), to, _count(sentence),
                    _nationalities(sentence, mentions, registry), _forms(sentence), sentence.strip(),
                    paragraph.line_start, paragraph.line_end))
    return found


def _recipient(sentence, mentions, verb_start, registry):
    """The key of the body the letter went to, None for "the relevant body", False when none is named."""
    relevant = _RELEVANT.search(sentence, 0, verb_start)
    bodies = [m for m in mentions if m.end <= verb_start and registry[m.key].group != "country"]
    if relevant:
        owner = [m for m in bodies if 0 <= relevant.start() - m.end <= 2]
        return owner[-1].key if owner else None
    dative = [m for m in bodies if _DATIVE.search(m.surface) and not _INCOMING.match(sentence, m.end)]
    return dative[-1].key if dative else False


def _letter_date(sentence, report_year):
    days = [v for m in find_dates(sentence, default_year=report_year) for v in m.dates
            if v.precision == "day" and v.start == v.end]
    return days[0].start.isoformat() if days else None


def _count(sentence):
    """An explicit count of persons outside a redaction's brackets, else the count a bracket gives."""
    brackets = [m.span() for m in _BRACKET.finditer(sentence)]
    for count in find_counts(sentence):
        if count.noun.startswith(_PEOPLE) and not count.qualifier and not any(s <= count.start < e for s, e in brackets):
            return count.value
    numbered = [int(m["count"]) for m in _BRACKET.finditer(sentence) if m["count"]]
    if numbered:
        return numbered[0]
    return 1 if _one_person(sentence, brackets) else None


def _one_person(sentence, brackets):
    """True when the persons the letter is about are one person named in the singular ("əcnəbinin əməyinin
    istismarına"): a person noun in the genitive or dative but not the plural, not "bir qrup ... əcnəbinin" or "bir neçə",
    and not the agent ("... vətəndaşı tərəfindən")."""
    for match in _SINGULAR_PERSON.finditer(sentence):
        if any(s <= match.start() < e for s, e in brackets) or _AGENT.match(sentence, match.end()):
            continue
        if not _GROUP_BEFORE.search(sentence[max(0, match.start() - 40):match.start()]):
            return True
    return False


def _nationalities(sentence, mentions, registry):
    """The countries whose citizens the sentence names ("Pakistan İslam Respublikasının vətəndaşlarının"),
    outside a redaction's brackets for one person (who may be a suspect); a bracket for a group of persons
    ("[3 şəxs: ... vətəndaşları]") is the group referred."""
    single = [m.span() for m in _BRACKET.finditer(sentence) if not m["count"]]
    keys = [m.key for m in mentions if registry[m.key].group == "country"
            and re.match(r"\s+(?:\S+\s+){0,2}vətəndaş", sentence[m.end:]) and not any(s <= m.start < e for s, e in single)]
    return tuple(dict.fromkeys(keys))


def _forms(sentence):
    return tuple(name for name, pattern in _FORMS if pattern.search(sentence))
