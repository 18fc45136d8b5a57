"""Events reported in an entry: trainings, meetings, visits, sessions, signings, projects, campaigns, surveys...

Rules, sentence by sentence (sentences of the redacted paragraph text, so no private name is quoted):
- An event noun (təlim, seminar, görüş, səfər, iclas, sessiya, dəyirmi masa, konfrans, layihə, kampaniya,
  maarifləndirmə tədbiri, sorğu, "imzalanmışdır") outside quotes starts an event; a clause about plans
  ("nəzərdə tutulur", "planlaşdırılır") or saying the event did not happen ("keçirilməmişdir") holds none, the
  sentence's other clauses may. "Təlim Mərkəzi" is a body, "videokonfrans formasında" a format, "layihə" an
  event only with a quoted title ("müqavilə layihəsi" is a draft), a bare "tədbir" only after
  "keçirilmiş/keçirilən" (otherwise it means a measure), "sorğu" only when conducted (else a request).
- Each event reads its parts from its stretch: from the previous event noun to its own (event_parts.py).
- It is kept with a date, a count or a title, or when the sentence says it was held or attended
  (event_nouns.held).
- Dates: those in its stretch; a year that holds a more exact date there is only the frame and is dropped.
  With none, the nearest whole year to its left in the sentence ("2021-ci il ərzində ... layihəsi çərçivəsində
  ... təlimlər"); the last event may also take the dates after it ("sessiyası çərçivəsində 4-5 oktyabr").
  Dates cited as "... tarixli" date documents, not events.
- Several dates with a plural noun ("16-19 iyun, 12, 17, 18 avqust və 15 sentyabr 2020-ci il tarixlərdə
  ... təlimlər keçirilmişdir") are separate events, one per date: the plural says there were several and
  the dates say when; each keeps the topics of the series, and no participant count (the count is for the
  series). A project spans from its first to its last date ("yanvar ayından ... 2 iyul 2021-ci il tarixdə
  tamamlanan"); a singular noun with several dates is one event over them.
- A sentence on how a kind of event is held in general ("təlimlərin keçirilməsi onlayn formada davam
  etdirilmişdir") gives that mode to the events of the kind told after it in the paragraph.
- An event held within a project ("X tərəfindən “T” layihəsi çərçivəsində ...") with no organiser of its own
  is organised by the project's.
- A bare "tədbir" held with partners is recorded as a meeting: the code list has no generic event.
"""

import re
from dataclasses import dataclass, replace

from atkg.graph.agencies import find_mentions
from atkg.graph.extract import event_parts as parts
from atkg.graph.extract.event_bodies import organisers_and_partners
from atkg.graph.extract.dates import find_dates
from atkg.graph.extract.event_nouns import event_nouns, generic_kinds, held
from atkg.graph.extract.numbers import find_counts
from atkg.graph.extract.privacy import redact

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZÇƏĞİÖŞÜ0-9\"“«(])")
_NOT_HELD = re.compile(r"nəzərdə tutul|planlaşdırıl|(?:keçiril|təşkil olun|təşkil edil|imzalan|iştirak et)m[əa](?:m[ıi]ş|yib)")
_DOCUMENT_DATE = re.compile(r"\s*tarixli")
_PARENTHESIS = re.compile(r"\s*\([^)]*\)")
_AND = re.compile(r"\s*və\s")
_FRAME = re.compile(r"\s*çərçivəsində\b")
_PROJECT_OWN = re.compile(r"\s*(?:ayından\s+|tarix\w*\s+)?(?:\S+\s+){0,2}?(?:etibarən|tamamlan|başa çat|başlan|start)")
_ORDINAL = re.compile(r"(?<![\d.])\d{1,3}-c[iıuü]\b")
_CLAUSE_END = re.compile(r"\w(?:d[ıiuü]r)(?:l[aə]r)?(?=\s*(?:[,;]|\svə\s))")


@dataclass(frozen=True)
class EventFinding:
    """One event as the report tells it; participants, place and topics as written, keys of curated bodies."""

    kind: str
    title: str | None
    dates: tuple
    organisers: tuple[str, ...]
    partners: tuple[str, ...]
    participants: str | None
    participant_count: int | None
    occurrences: int | None
    place: str | None
    topics: tuple[str, ...]
    online: bool
    quote: str
    line_start: int
    line_end: int
    mode: str | None = None
    city: str | None = None
    country: str | None = None


def sentences(text):
    """The sentences of a paragraph, in order."""
    return [s for s in _SENTENCE.split(text) if s.strip()]


def find_events(entry, *, report_year, registry):
    """Every event the entry reports, in text order."""
    found = []
    for paragraph in entry.paragraphs:
        series = {}
        for sentence in sentences(redact(paragraph.text).text):
            mentions = find_mentions(sentence, registry=registry)
            for finding in _sentence_events(sentence, mentions, report_year=report_year, registry=registry):
                found.append(replace(_in_series_mode(finding, series), line_start=paragraph.line_start,
                                     line_end=paragraph.line_end))
            series.update(_series_modes(sentence))
    return found


def _series_modes(sentence):
    """{kind: mode} a sentence says the events of a kind are held in, in general ("təlimlərin keçirilməsi
    onlayn formada davam etdirilmişdir"); the events of that kind told after it in the paragraph were."""
    mode = parts.mode(sentence, [(0, len(sentence))], kind=None, where=None)
    return {kind: mode for kind in generic_kinds(sentence)} if mode else {}


def _in_series_mode(finding, series):
    """The finding in its series' mode when the sentence gives it none of its own."""
    mode = None if finding.mode else series.get(finding.kind)
    return replace(finding, mode=mode, online=finding.online or mode == "online") if mode else finding


def _unheld(sentence):
    """(start, end) of the clauses that say what is planned or did not happen; a clause ends at a finite
    verb followed by a comma or "və" ("... daxil edilmişdir və ... keçirilməsi nəzərdə tutulmuşdur")."""
    ends = [m.end() for m in _CLAUSE_END.finditer(sentence)]
    clauses = zip([0, *ends], [*ends, len(sentence)])
    return [(start, end) for start, end in clauses if _NOT_HELD.search(sentence, start, end)]


def _dates(sentence, report_year):
    """Date mentions of the sentence that date events (not "... tarixli" documents)."""
    return [d for d in find_dates(sentence, default_year=report_year)
            if not _DOCUMENT_DATE.match(sentence, d.end) and not _in_quotes(d.start, sentence)]


def _in_quotes(position, sentence):
    """True when the position lies inside a quoted string."""
    return any(start <= position < end for start, end, _ in parts.quoted(sentence))


def _sentence_events(sentence, mentions, *, report_year, registry):
    """The events of one sentence."""
    nouns = event_nouns(sentence)
    dates, counts, quotes = _dates(sentence, report_year), find_counts(sentence), parts.quoted(sentence)
    unheld = _unheld(sentence)
    events, previous, handed = [], None, []
    for index, noun in enumerate(nouns):
        stretch = (nouns[index - 1].end if index else 0, noun.end)
        last = index == len(nouns) - 1
        tail = (noun.end, len(sentence)) if last else (noun.end, noun.end)
        passed = _handed_on(sentence, noun, dates, stretch) if not last else []
        kept = [d for d in dates if d not in passed]
        finding = _finding(sentence, noun, stretch, tail, dates=_event_dates(kept, stretch, tail, handed=handed),
                           counts=counts, quotes=quotes, mentions=mentions, registry=registry)
        finding = _with_previous(finding, previous, sentence, stretch)
        previous, handed = finding, passed
        if any(start <= noun.start < end for start, end in unheld):
            previous = None
            continue
        if (finding.dates or finding.participant_count or finding.occurrences or finding.title
                or held(sentence, noun, stretch)):
            places = _places_by_date(finding, sentence, dates, stretch, mentions, registry)
            split = _split(finding, plural=noun.plural or _apart(places),
                           listed=len(_ORDINAL.findall(sentence, *stretch)))
            events.extend(_placed(split, places) if len(split) == len(places) > 1 else split)
    return events


def _with_previous(finding, previous, sentence, stretch):
    """What an event takes from the one before it: a framing project's organisers, or the dates and place
    of an event it is joined to by "və"."""
    if previous and previous.kind == "project" and not finding.organisers and _FRAME.match(sentence, stretch[0]):
        # "X tərəfindən “T” layihəsi çərçivəsində ... sorğunun keçirilməsi": held by the project's organisers.
        finding = replace(finding, organisers=previous.organisers)
    if previous and not finding.dates and _AND.match(sentence, stretch[0]):
        # "X-in ikinci görüşü və Y-in birgə görüşündə": events joined by "və" share their dates.
        finding = replace(finding, dates=previous.dates, city=finding.city or previous.city,
                          country=finding.country or previous.country)
    return finding


def _handed_on(sentence, noun, dates, stretch):
    """The day dates a project passes to the event held within it ("2015-ci il 16 aprel tarixdə “T” layihəsi
    çərçivəsində ... keçirilmiş görüşlərdə": the meetings' dates), all but those of the project's own start
    or end ("yanvar ayından etibarən", "18 iyul tarixdə icrası tamamlanan")."""
    if noun.kind != "project" or not _FRAME.match(sentence, noun.end):
        return []
    return [d for d in dates if stretch[0] <= d.start < stretch[1] and all(v.precision == "day" for v in d.dates)
            and not _PROJECT_OWN.match(sentence, d.end)]


def _places_by_date(finding, sentence, dates, stretch, mentions, registry):
    """(city, country, title) named after each of the event's dates, up to the next date ("27 iyul-3 avqust
    ... Özbəkistana, 5-12 noyabr ... ABŞ-a"); empty when the event has fewer than two dates. The title is
    the one quote of that stretch, when the event's title is one of several quoted there."""
    if len(finding.dates) < 2:
        return []
    places = []
    for value in finding.dates:
        mention = next((d for d in dates if value in d.dates), None)
        if mention is None:
            return []
        following = [d.start for d in dates if mention.end < d.start < stretch[1]]
        span = (mention.end, following[0] if following else stretch[1])
        city = parts.city(sentence, span, parts.place(parts.without_quotes(sentence), span), registry)
        titles = [inner for start, _, inner in parts.quoted(sentence) if span[0] <= start < span[1]]
        title = titles[0] if finding.title and len(titles) == 1 else None
        places.append((city, parts.country(sentence, span, mentions, registry) or parts.city_country(city, registry),
                       title))
    return places


def _apart(places):
    """True when every date has a place of its own and they differ: one event per date and place."""
    where = [(city, country) for city, country, _ in places]
    return len(where) > 1 and all(any(p) for p in where) and len(set(where)) == len(where)


def _placed(findings, places):
    """Events split by date, each in the place and with the title named after its own date, where there is
    one."""
    return [replace(f, city=city or f.city, country=country or f.country, title=title or f.title)
            for f, (city, country, title) in zip(findings, places)]


def _finding(sentence, noun, stretch, tail, *, dates, counts, quotes, mentions, registry):
    """The event of one noun, read from its stretch (and its tail, when it is the sentence's last)."""
    who = parts.participants(sentence, stretch, tail, counts)
    where = parts.place(parts.without_quotes(sentence), stretch)
    # Word order may put the place after the noun ("görüş 3 mart ... Gəncədə keçirilmişdir"): the last
    # event reads its tail when its stretch names none.
    city = parts.city(sentence, stretch, where, registry) or parts.city(sentence, tail, None, registry)
    country = parts.country(sentence, stretch, mentions, registry) or parts.country(sentence, tail, mentions, registry)
    spans = [stretch, _parenthesis_after(sentence, noun.end) or tail]
    organisers, partners = organisers_and_partners(
        sentence, mentions, stretch, noun.end, kind=noun.kind, quotes=quotes, registry=registry)
    return EventFinding(
        kind=noun.kind, title=noun.name or parts.title(sentence, quotes, noun.start), dates=dates,
        organisers=organisers, partners=partners, participants=sentence[who[0]:who[1]] if who else None,
        participant_count=parts.participant_count(counts, stretch),
        occurrences=parts.occurrences(counts, stretch, noun.start), place=where,
        topics=tuple(parts.topics(sentence, [q for q in quotes if stretch[0] <= q[0] < stretch[1]])),
        online=parts.is_online(sentence, spans), quote=sentence.strip(), line_start=0, line_end=0,
        mode=parts.mode(sentence, spans, kind=noun.kind, where=where), city=city,
        country=country or parts.city_country(city, registry))


def _parenthesis_after(sentence, position):
    """The span of a parenthesis right after the noun ("1 görüş (videokonfrans formasında)"), or None."""
    match = _PARENTHESIS.match(sentence, position)
    return match.span() if match else None


def _event_dates(dates, stretch, tail, *, handed=()):
    """The date values of an event: those a framing project handed it and its stretch's, else the nearest to
    its left, else (last event) its tail."""
    own = [*handed, *(d for d in dates if stretch[0] <= d.start < stretch[1])]
    if not own:
        # Only a whole year frames the events after it; a day or month to the left dates another event.
        left = [d for d in dates if d.start < stretch[0] and all(v.precision == "year" for v in d.dates)]
        own = left[-1:] or [d for d in dates if tail[0] <= d.start < tail[1]]
    values = [value for mention in own for value in mention.dates]
    return tuple(v for v in values if not any(_frames(v, other) for other in values))


def _frames(value, other):
    """True when `value` is a coarser span (a year, a month) that holds the more exact `other`."""
    coarser = {"year": 2, "month": 1, "day": 0}
    return coarser[value.precision] > coarser[other.precision] and value.start <= other.start <= other.end <= value.end


def _split(finding, *, plural, listed=0):
    """One event per date for a plural noun with several dates; a project or singular noun spans them. A
    plural noun after a list of ordinals ("13-cü və ... 13-cü sessiyalarında") is that many events."""
    if plural and listed > 1 and len(finding.dates) < 2:
        return [finding] * listed
    if len(finding.dates) < 2:
        return [finding]
    if finding.kind != "project" and plural:
        return [replace(finding, dates=(value,), participant_count=None) for value in finding.dates]
    return [replace(finding, dates=(finding.dates[0], finding.dates[-1]))]
