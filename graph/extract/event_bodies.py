"""The bodies of one event: who organised it and which other curated bodies its stretch of the sentence names."""

import re

from atkg.graph.extract.event_parts import LIST_GAP

_PARTICIPLES = re.compile(r"keçiril(?:ən|miş)|təşkil (?:olun|edil)(?:an|ən|muş|miş)|həyata keçirilən")
_FINITE_AFTER = re.compile(r"\s*(?:keçiril|təşkil olunmuş|təşkil edilmiş|aparıl)")
_AGENT = re.compile(r"(?:\s+\S+){0,2}\s+tərəfindən")
_ORGANISED_BY = re.compile(r"\s+təşkilatçılığı\s+ilə")
_GENITIVE = re.compile(r"n?[ıiuü]n$")
_TITLE_THEN_NOUN = re.compile(r"\s*(?:\"[^\"]+\"|“[^”“]+[”“]|«[^»]+»)\s*(?:adlı\s+)?\S+")
_SESSION_ENDINGS = ("iclasında", "sessiyası", "iclası")
# Quote marks between two names of a list ("... İctimai Birliyi və “Azərbaycan Uşaqları” ...") open a name.
_QUOTE_MARKS = re.compile(r"[\"“”«»]")


def organisers_and_partners(text, mentions, stretch, noun_end, *, kind, quotes, registry):
    """Keys of the bodies that organised the event and of the other bodies named in its stretch.

    Bodies named inside quoted topics are not partners, except for a signing, whose quoted title names the
    parties. A body acting ("X tərəfindən") on another verb of the sentence is not a partner of the event,
    nor is a body whose staff took part after the noun ("təlimdə X-in əməkdaşları iştirak etmişdir").
    """
    inside = [m for m in mentions if stretch[0] <= m.start < stretch[1]]
    if kind != "signing":
        # A name that only begins with a quote (“Təmiz Dünya” ... İctimai Birliyi) is no quoted topic.
        inside = [m for m in inside if not any(s <= m.start and m.end <= e for s, e, _ in quotes)]
    organisers = _organisers(text, inside, noun_end)
    if not organisers and text[stretch[0]:noun_end].rstrip().endswith(_SESSION_ENDINGS):
        # "Məşvərət Şurasının ... iclasında": the body whose session it was.
        organisers = [m.key for m in inside if _GENITIVE.search(m.surface)][:1]
    actors = {m.key for m in inside if _AGENT.match(text, m.end)}
    partners = {m.key for m in inside if _is_partner(m.key, registry=registry)} - set(organisers) - actors
    return tuple(dict.fromkeys(organisers)), tuple(sorted(partners))


def _is_partner(key, *, registry):
    """Azerbaijan itself and collective bodies ("beynəlxalq təşkilatlar") are not partners of an event."""
    return key != "az" and registry[key].kind != "collective-body"


def _organisers(text, inside, noun_end):
    """Bodies "X-in təşkilatçılığı ilə", or the agents "X (və Y) tərəfindən" of the event's participle or verb,
    or of its title right after them ("X tərəfindən “T” layihəsi")."""
    for mention in inside:
        if _ORGANISED_BY.match(text, mention.end):
            return [mention.key]
    for index in range(len(inside) - 1, -1, -1):
        agent = _AGENT.match(text, inside[index].end)
        if agent and (_PARTICIPLES.search(text, agent.end(), noun_end) or _FINITE_AFTER.match(text, noun_end)
                      or _TITLE_THEN_NOUN.fullmatch(text, agent.end(), noun_end)):
            first = index
            while first > 0 and LIST_GAP.fullmatch(_QUOTE_MARKS.sub("", text[inside[first - 1].end:inside[first].start])):
                first -= 1
            return [m.key for m in inside[first:index + 1]]
    return []
