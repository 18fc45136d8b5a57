"""Money amounts a report states ("3 ayadək müddətə 350 manat"): figures in manat (currency AZN), each with
what it is the amount of, in the report's own words.

What an amount is for is read from its sentence: the noun phrase the amounts belong to, which ends in a
head noun such as "məbləği" (amount), "rüsumu" (duty), "haqqı" (fee) or "cəriməsi" (fine) before the first
amount and starts after the clause boundary before it ("... Qanununa əsasən", a comma); and what sets one
amount apart from the others, the words between the previous amount (or the phrase) and this one ("6
ayadək müddətə"). No code list foresees such amounts, so each gets a proposed indicator made from those
words and marked for a curator's review (figure_proposals.py, figures.py), never a bare number. The period
is the year the sentence names first (the year of the act that set the amounts), else the report's year.
"""

import re
from dataclasses import dataclass

from atkg.graph.extract.dates import find_dates
from atkg.graph.text import sentence_spans

_AMOUNT = re.compile(r"(?<![\d.,])(?P<value>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?P<cents>\d{1,2}))?\s*"
                     r"(?P<unit>manat[a-zəıöüşçğ]*|AZN(?:-[a-zəıöüşçğ]+)?|man\.)(?!\w)")
_HEAD = re.compile(r"\S+\s+(?:məbləği|rüsumu|haqqı|cəriməsi)(?:nın|nin|nı|ni)?\b|\S+(?:rüsumu|haqqı|məbləği)\b")
_BOUNDARY = re.compile(r"[,;:]\s|\bəsasən\s|\buyğun olaraq\s|\btərəfindən\s")
# Verbs of change that stand before the amounts ("məbləği azaldılaraq 3 ayadək müddətə 350 manat").
# The phrase keeps its last words only: enough for the head noun and what it is paid for, short enough to
# name an indicator.
_LONGEST = 16
_CHANGE_WORDS = ("azaldılaraq", "artırılaraq", "dəyişdirilərək", "olmaqla")
_PARTICLES = ("isə", "də", "da", "həmçinin")


@dataclass(frozen=True)
class Amount:
    """A money amount in manat: its value, what it is the amount of (the report's words), the year it is
    stated for and its sentence."""

    value: int | float
    label: str
    year: int
    sentence: str


def find_amounts(text, *, default_year):
    """Every money amount of a paragraph, in order."""
    found = []
    for first, last in sentence_spans(text):
        sentence = text[first:last]
        amounts = list(_AMOUNT.finditer(sentence))
        if not amounts:
            continue
        subject, previous = _subject(sentence, amounts[0].start()), None
        year = _year(sentence, default_year)
        for amount in amounts:
            start = previous.end() if previous else _subject_end(sentence, amounts[0].start())
            qualifier = " ".join(filter(None, (_qualifier(sentence[start:amount.start()]), _bound(sentence, amount))))
            label = ", ".join(part for part in (subject, qualifier) if part)
            found.append(Amount(_value(amount), label, year, sentence))
            previous = amount
    return found


def _subject(sentence, before):
    """The noun phrase ending in an amount's head noun before position `before`, from its clause's start."""
    heads = list(_HEAD.finditer(sentence, 0, before))
    if not heads:
        return None
    head = heads[-1]
    boundaries = [m.end() for m in _BOUNDARY.finditer(sentence, 0, head.start())]
    return " ".join(sentence[boundaries[-1] if boundaries else 0:head.end()].split()[-_LONGEST:])


def _subject_end(sentence, before):
    """Where the subject phrase ends (the start of the clause when there is none)."""
    heads = list(_HEAD.finditer(sentence, 0, before))
    if heads:
        return heads[-1].end()
    boundaries = [m.end() for m in _BOUNDARY.finditer(sentence, 0, before)]
    return boundaries[-1] if boundaries else 0


def _qualifier(stretch):
    """The words that set one amount apart ("3 ayadək müddətə"), without a verb of change before them."""
    words = re.sub(r"[,;]", " ", stretch).split()
    while words and words[0] in _CHANGE_WORDS:
        words.pop(0)
    while words and words[-1] in _PARTICLES:
        words.pop()
    return " ".join(words)


def _bound(sentence, amount):
    """The unit in the case that makes the amount a bound ("1.500 manatdan 2.000 manata qədər": from, up to),
    with "qədər"/"dək" after it; None for the plain unit."""
    unit = amount["unit"]
    if not re.fullmatch(r"manat[a-zəıöüşçğ]+|AZN-[a-zəıöüşçğ]+", unit):
        return None
    after = re.match(r"\s+(qədər|dək)\b", sentence[amount.end():])
    if unit.endswith(("lıq", "lik", "luq", "lük")):  # "300 manatlıq təqaüd": the noun after says what for
        after = re.match(r"\s+(\w+)", sentence[amount.end():])
    return f"{unit} {after[1]}" if after else unit


def _value(amount):
    """The amount as an int, or a float with its cents."""
    whole = int(amount["value"].replace(".", ""))
    return whole + int(amount["cents"]) / 10 ** len(amount["cents"]) if amount["cents"] else whole


def _year(sentence, default_year):
    """The year the sentence names first, else the default year."""
    years = [value.start.year for mention in find_dates(sentence, default_year=default_year)
             for value in mention.dates]
    return years[0] if years else default_year
