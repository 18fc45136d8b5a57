"""Proposed indicators: what a count no rule knows counts, made from the words of its sentence.

The code list (ontology/indicators.ttl) cannot foresee every count a new report states. Rather than leave
"TƏBİB-ə 6 məktub" a bare number, the count gets an indicator named by its own words ("TƏBİB-ə məktub"),
which the graph marks for a curator's review. Only counts of what was done or found are figures: a lower
bound, a duration, a piece of organisation, an event's head count, a plan, a count inside quotes or a
redaction's brackets is not.
"""

import re

from atkg.graph import iris
from atkg.graph.extract.dates import find_dates
from atkg.graph.extract.event_nouns import event_nouns
from atkg.graph.extract.event_parts import quoted
from atkg.graph.extract.privacy_names import tokens

PREFIX = "proposed-"
# Nouns that count time, languages, kinds, places or parts of documents, not what was done.
_NOT_COUNTED = ("il", "ay", "gün", "saat", "həftə", "dil", "növ", "ölkə", "tövsiyə", "bənd", "maddə", "səhifə",
                "dəfə", "faiz", "manat")
_ORGANISATION = ("idarə", "məntəqə", "şöbə", "mərkəz", "bölmə", "filial")
_PEOPLE = ("nəfər", "əcnəbi", "vətəndaş", "işçi", "şəxs", "əməkdaş", "miqrant", "iştirakçı")
_AMONG = ("arasında", "üçün")
_PLANNED = re.compile(r"nəzərdə tutul|planlaşdırıl")
_BRACKETS = re.compile(r"\[[^\]]*\]")
_EACH = re.compile(r"(?i)\bhər\s+$")
_FINITE = re.compile(r"(?:d[ıiuü]r|d[ıi]lar|dilər)$")
_LONGEST = 7


def is_figure(sentence, count):
    """True when the count states how many things were done or found, by the rules above. "Hər 2 halda"
    (in each of the 2 cases) counts again what was counted before, so it is not a figure of its own; nor is
    a count in a sentence spanning several years ("2012-ci və 2014-cü illər ərzində"), whose period no one
    figure can say."""
    if count.qualifier or _PLANNED.search(sentence) or count.noun.startswith(_NOT_COUNTED):
        return False
    if _EACH.search(sentence[:count.start]) or _several_years(sentence):
        return False
    following = [w.folded for w in tokens(sentence[count.end:])[:3]]
    if any(w.startswith(_ORGANISATION) for w in [count.noun, *following]) or any(w in _AMONG for w in following):
        return False
    if any(s <= count.start < e for s, e, _ in quoted(sentence)) or any(
            m.start() <= count.start < m.end() for m in _BRACKETS.finditer(sentence)):
        return False
    # A count of people in a sentence that tells of an event is the event's head count.
    return not (count.noun.startswith(_PEOPLE) and event_nouns(sentence))


def _several_years(sentence):
    years = {value.start.year for mention in find_dates(sentence, default_year=None) for value in mention.dates
             if value.precision == "year"} | {y for y in map(int, re.findall(r"\b((?:19|20)\d\d)-c", sentence))}
    return len(years) > 1


def words_counted(sentence, counts, index):
    """The words that say what counts[index] counts: its noun and the words after it up to the next count,
    a comma or the verb; a noun standing alone takes the words before it instead ("TƏBİB-ə 6 məktub").
    Dates, numbers and a redaction's brackets are left out."""
    count = counts[index]
    end = counts[index + 1].start if index + 1 < len(counts) else len(sentence)
    after = []
    for word in _words(re.split(r"[,;:()–]", sentence[count.end:end])[0]):
        if _FINITE.search(word) or len(after) == _LONGEST - 1:
            break
        after.append(word)
    if after:
        return " ".join([count.noun, *after])
    start = counts[index - 1].end if index else 0
    before = _words(re.split(r"[,;:()–]", sentence[start:count.start])[-1])[-(_LONGEST - 1):]
    return " ".join([*before, count.noun])


def _words(text):
    """The words of a stretch, without dates, numbers and bracketed redactions."""
    text = _BRACKETS.sub(" ", text)
    for mention in reversed(find_dates(text, default_year=2000)):
        text = text[:mention.start] + " " + text[mention.end:]
    return [w.text for w in tokens(text) if not w.text[0].isdigit() and w.folded not in _DATE_WORDS]


# What a date leaves behind once removed ("2022-ci il tarixli"): not words of what is counted.
_DATE_WORDS = frozenset(("ci", "cı", "cu", "cü", "il", "tarixli", "tarixdə", "nömrəli"))


def slug(words):
    """The proposed indicator's notation: "proposed-" and a slug of its words."""
    return PREFIX + iris.slug(words)
