"""The parts of one event read from its stretch of a sentence: title, topics, participants, counts, place and
attendance mode, each as the report writes it (event_bodies.py reads organisers and partners).

Azerbaijani puts modifiers before the noun they describe, so an event's parts are read from the stretch of
the sentence that ends with its event noun ("12.11.2020-ci il tarixdə Bakı şəhərində işəgötürənlər arasında
1 görüş"); a participation clause may follow it ("... təlimdə Xidmət əməkdaşları iştirak etmişdir").
"""

import re
from functools import cache

from atkg.graph.extract.privacy_names import tokens
from atkg.graph.inflection import case_forms
from atkg.graph.text import az_lower

QUOTED = re.compile(r'"([^"\n]+)"|“([^”\n]+)”|«([^»\n]+)»')
LIST_GAP = re.compile(r"\s*(?:,|və)\s*")
_QUOTE_MARK = re.compile(r"[\"“”«»]")
_TOPIC_AFTER = re.compile(r"\s*mövzu")
# "“T” layihəsi", "“T” adlı layihəsi", "“T” adlı Tvinninq layihəsi": a capitalised word may name the kind.
TITLE_GAP = re.compile(r"\s*(?:adlı\s+)?(?:[A-ZÇƏĞİÖŞÜ][^\s\"“”«»]+\s+)?")
_PEOPLE = ("əməkdaş", "işçi", "nümayəndə", "mütəxəssis", "iştirakçı", "işəgötürən", "əcnəbi", "miqrant",
           "tələbə", "hakim", "vətəndaş", "şəxs", "nəfər", "məmur", "polis", "zabit")
_ANCHORS = ("üçün", "arasında", "iştirak", "iştirakı")
_STOPS = frozenset(
    "tarixdə tarixlərdə ərzində çərçivəsində tərəfindən ildə il mövzusunda mövzularında mövzusu bağlı bununla "
    "həmçinin eyni zamanda cari yanaşı təşkilatçılığı keçirilən keçirilmiş formatda formasında".split())
_PLACE_WORDS = ("şəhərində", "binasında", "mərkəzində", "zalında", "rayonunda", "universitetində")
_ONLINE = re.compile(r"onlayn|online|videokonfrans|virtual|vebinar")
_HYBRID = re.compile(r"hibrid|qarışıq formatda")
_VENUES = ("binasında", "mərkəzində", "zalında", "universitetində")
_CITY = re.compile(r"(\S+)\s+şəhərində")
# A country where an event was held or a visit went: "Şimali Makedoniyada", "Özbəkistana", "ABŞ-a", or the
# genitive before a city ("Avstriya Respublikasının Vyana şəhərində").
_WHERE = re.compile(r"(?:n?d[aə]|[yn]?[aə]|-[aə])$")
_BEFORE_CITY = re.compile(r"\s+\S+\s+şəhərində")
# "ölkəmizə səfər", "respublikamızda keçirilmiş": "our country" is the reporting body's, Azerbaijan.
_OUR_COUNTRY = re.compile(r"\b(?:ölkəmiz|respublikamız)(?:d[aə]|[aə])\b(?!\s+və\s+xaric)", re.I)
_HOME = "az"
# "Azərbaycanda fəaliyyət göstərən sahibkarlar": the place of those named after it, not of the event.
_MODIFIES = re.compile(r"\s+(?:fəaliyyət göstərən|yaşayan|olan|yerləşən|işləyən)"
                       # "Azərbaycanda uşaq əməyinin vəziyyətinə dair konfrans": what it is about, not where.
                       r"|(?:\s+[^\s,;]+){1,4}?\s+(?:dair|haqqında|barədə)\b")


# An opening quote mark written where a closing one belongs (“MOBİLAZE-2)“ layihəsinin), which PDF
# extraction and typing both produce: glued to the word before it and followed by a space or punctuation.
_MISTYPED_CLOSE = re.compile(r"(?<=[^\s“])“(?=[\s,.;:)]|$)")


def quoted(text):
    """(start, end, inner text) of every quoted string."""
    text = _MISTYPED_CLOSE.sub("”", text)  # same length: the offsets stay those of the text
    return [(m.start(), m.end(), next(g for g in m.groups() if g is not None)) for m in QUOTED.finditer(text)]


def topics(text, quotes):
    """Quoted strings that name topics: a run of quotes joined by commas or "və" and followed by "mövzu..."."""
    found, run = [], []
    for index, quote in enumerate(quotes):
        run.append(quote)
        following = quotes[index + 1] if index + 1 < len(quotes) else None
        if following and LIST_GAP.fullmatch(text[quote[1]:following[0]]):
            continue
        if _TOPIC_AFTER.match(text, quote[1]):
            found.extend(q[2] for q in run)
        run = []
    return found


def title(text, quotes, noun_start):
    """The quoted string standing right before the event noun (optionally with "adlı" and a capitalised
    word), if any."""
    for _, end, inner in quotes:
        if end <= noun_start and TITLE_GAP.fullmatch(text[end:noun_start]) and not _TOPIC_AFTER.match(text, end):
            return inner
    return None


def _phrase_before(text, position, *, lower, longest):
    """(start, end) of the words right before `position`, back to `lower`, a stop word, a place, a quote or
    `longest` words; None when there are none."""
    words = tokens(text[lower:position])
    first = len(words)
    while first > 0 and len(words) - first < longest:
        word = words[first - 1]
        following = lower + words[first].start if first < len(words) else position
        if word.folded in _STOPS or word.folded.endswith(_PLACE_WORDS) or _QUOTE_MARK.search(text, lower + word.end, following):
            break
        first -= 1
    if first == len(words):
        return None
    start = lower + words[first].start
    # Numbers belong to the phrase ("348 işçi"): step back over one that stands right before it.
    number = re.search(r"\d[\d.]*\s+$", text[lower:start])
    return (lower + number.start() if number else start), len(text[:position].rstrip(" ,"))


def _people_counts(counts, stretch):
    """Counts of people ("348 işçi", "14 nəfər") within the stretch."""
    return [c for c in counts if stretch[0] <= c.start < stretch[1] and c.noun.startswith(_PEOPLE)]


def participants(text, stretch, tail, counts):
    """(start, end) of who took part, as written ("miqrasiya orqanlarına əməkdaşları", "işəgötürənlər"), or None.

    Read before "üçün" (for), "arasında" (among) and "iştirak" (took part) in the event's stretch, or in the
    tail after the noun when it is the sentence's last event; else around a count of people ("348 işçi").
    """
    for (start, end), longest in ((stretch, 14), (tail, 30)):
        for word in tokens(text[start:end]):
            folded, position = word.folded, start + word.start
            if folded in _ANCHORS:
                span = _phrase_before(text, position, lower=start, longest=longest)
                if span and any(stem in text[span[0]:span[1]] for stem in _PEOPLE):
                    return span
            if folded == "iştirakçılara" or (folded.startswith(_PEOPLE) and folded.endswith(("larla", "lərlə"))):
                return position, position + len(word.text)
    people = _people_counts(counts, stretch)
    return _phrase_before(text, people[0].end, lower=stretch[0], longest=6) if people else None


def participant_count(counts, stretch):
    """The count of people within the stretch ("348 işçi", "14 nəfər"), or None."""
    people = _people_counts(counts, stretch)
    return people[0].value if len(people) == 1 else None


def occurrences(counts, stretch, noun_start):
    """How many events the stretch counts ("2 maarifləndirmə tədbiri", "1 görüş", "16 halda"), or None."""
    for count in counts:
        if stretch[0] <= count.start < stretch[1] and (count.end >= noun_start or count.noun == "halda"):
            return count.value
    return None


def place(text, stretch):
    """Where the event took place, as written ("Bakı şəhərində"), or None."""
    for word in tokens(text[stretch[0]:stretch[1]]):
        if word.folded.endswith(_PLACE_WORDS):
            end = stretch[0] + word.end
            start = _phrase_before(text, stretch[0] + word.start, lower=stretch[0], longest=4)
            return text[start[0] if start else end - len(word.text):end]
    return None


def is_online(text, spans):
    """True when the event was held online ("onlayn", "videokonfrans formasında", "virtual formatda")."""
    return any(_ONLINE.search(text, start, end) for start, end in spans)


def mode(text, spans, *, kind, where):
    """How the event was attended: "hybrid", "online", "in-person" (a visit, or held in a building), or None
    when the text does not say."""
    if any(_HYBRID.search(text, start, end) for start, end in spans):
        return "hybrid"
    if is_online(text, spans):
        return "online"
    if kind == "visit" or (where and where.endswith(_VENUES)):
        return "in-person"
    return None


def city(text, stretch, where, registry):
    """The city the event was held in, as the curated list or the place writes it ("Bakı şəhərində" and
    "Bakıda" give "Bakı"), or None."""
    match = _CITY.search(where or "")
    if match:
        return match[1]
    at = _cities(registry)
    for word in tokens(without_quotes(text)[stretch[0]:stretch[1]]):
        if word.folded in at and not _MODIFIES.match(text, stretch[0] + word.end):
            return at[word.folded][0]
    return None


@cache
def _cities(registry):
    """{folded locative or dative form: (city, country key)} of every curated country's cities."""
    forms = {}
    for body in registry.in_group("country"):
        for name in body.cities:
            for case in ("locative", "dative"):
                forms[az_lower(case_forms(name)[case])] = (name, body.key)
    return forms


def city_country(name, registry):
    """The key of the curated country a city (nominative, as written) lies in, or None."""
    folded = az_lower(name or "")
    return next((b.key for b in registry.in_group("country") if folded in map(az_lower, b.cities)), None)


def country(text, span, mentions, registry):
    """The key of the country the span says the event was in or went to, or None."""
    quotes = quoted(text)
    for mention in mentions:
        if (span[0] <= mention.start < span[1] and registry[mention.key].group == "country"
                and not any(s <= mention.start < e for s, e, _ in quotes) and not _MODIFIES.match(text, mention.end)):
            if _WHERE.search(mention.surface) or _BEFORE_CITY.match(text, mention.end):
                return mention.key
    ours = _OUR_COUNTRY.search(without_quotes(text), span[0], span[1])
    return _HOME if ours and not _MODIFIES.match(text, ours.end()) else None


def without_quotes(text):
    """The text with every quoted string blanked out (same length), so a title's words name no place."""
    for start, end, _ in quoted(text):
        text = text[:start] + " " * (end - start) + text[end:]
    return text
