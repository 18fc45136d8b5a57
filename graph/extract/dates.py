"""Date mentions in Azerbaijani report text: "24 fevral 2020-ci il", "2020-ci il martın 11-də",
"12.11.2020-ci il", "16-19 iyun, 12, 17, 18 avqust və 15 sentyabr 2020-ci il", "cari ilin mart ayından",
"2021-ci il ərzində", "2020-2024-cü illər".

Each form is its own pattern; overlapping candidates are settled leftmost-longest. A day or month given
without a year takes the year of the nearest dated mention in the same sentence (following first), then
`default_year`; with neither it is dropped, because an unknown year stays unknown.
"""

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from atkg.graph.extract import LOWER_LETTERS as L
from atkg.graph.extract import MONTHS, leftmost_longest, lower_same_length, month_number

SENTENCE_END = re.compile(r"[.!?;](?=\s+\S)|\n\s*\n")
_MONTH = rf"(?:{'|'.join(MONTHS)})[{L}]*"
_DAYS = r"\d{1,2}(?:\s*-\s*\d{1,2})?"
_ITEM = (rf"(?:(?P<d1>\d{{1,2}})\s+(?P<m1>{_MONTH})\s*[-–]\s*(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH})"
         rf"|(?P<days>{_DAYS}(?:\s*(?:,|və)\s*{_DAYS})*)\s+(?P<m>{_MONTH}))")
_SEQ = re.sub(r"\(\?P<\w+>", "(?:", _ITEM)
_SEQ = rf"{_SEQ}(?:\s*(?:,|və)\s*{_SEQ})*"
_FREE = r"(?<![\w.\-/])"  # not glued to a word, a code (4.2.1) or a number (02/1847)
_END = r"(?!\w)"
_YEAR = r"(?:19|20)\d\d"
_ORD = r"-c[iıuü]"
_YEAR_IL = rf"{_FREE}(?P<y>{_YEAR}){_ORD}\s+il(?:in)?\s+"
_REF = r"(?:(?P<ref>cari|həmin)\s+ilin\s+)"
_AY = rf"(?:\s+ay[{L}]*)?"
DATE_PATTERNS = [(kind, re.compile(pattern)) for kind, pattern in (
    ("dotted", rf"{_FREE}(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.(?P<y>\d{{4}})(?:{_ORD}(?:\s+il{_END})?)?(?!\d)"),
    ("dotted", rf"{_FREE}(?P<d>\d{{2}})-(?P<m>\d{{2}})-(?P<y>\d{{4}})(?!\d)"),
    ("ydm", rf"{_YEAR_IL}(?P<seq>{_SEQ}){_END}"),
    ("ymd", rf"{_YEAR_IL}(?P<m>{_MONTH}){_AY}\s+(?P<days>{_DAYS})-[{L}]+"),
    ("ym", rf"{_YEAR_IL}(?P<m>{_MONTH}){_END}{_AY}"),
    ("dm", rf"{_REF}?{_FREE}(?P<seq>{_SEQ}){_END}(?:\s+(?P<y>{_YEAR}){_ORD}(?:\s+il[{L}]*)?)?"),
    ("md", rf"{_REF}?(?<![{L}\d])(?P<m>{_MONTH}){_AY}\s+(?P<days>{_DAYS})-[{L}]+"),
    ("refm", rf"{_REF}(?P<m>{_MONTH}){_END}{_AY}"),
    ("yrange", rf"{_FREE}(?P<y1>{_YEAR})\s*[-–]\s*(?P<y2>{_YEAR})(?:{_ORD}\s+il[{L}]*)?{_END}"),
    ("yrange", rf"{_FREE}(?P<y1>{_YEAR}) (?P<y2>{_YEAR}){_ORD}\s+il[{L}]*"),  # the plan's lost dash
    ("ylist", rf"{_FREE}{_YEAR}{_ORD}(?:\s*(?:,|və)\s*{_YEAR}{_ORD})*\s+il[{L}]*{_END}"),
    ("cur", rf"(?<![{L}])(?P<ref>cari)\s+il[{L}]*{_END}"),
)]
_ITEM_RE = re.compile(_ITEM)


@dataclass(frozen=True)
class DateValue:
    """A day, month or year, or a span of them (start and end inclusive)."""

    start: date
    end: date
    precision: str  # "day", "month" or "year"


@dataclass(frozen=True)
class DateMention:
    """A piece of text naming one or more dates; start/end are offsets into the text searched."""

    surface: str
    start: int
    end: int
    dates: tuple


def find_dates(text, *, default_year=None):
    """Every date mention in `text`, in order of position."""
    return list(_dates_in(text, default_year))


def forget_texts():
    """Drop the dates remembered of the texts read so far."""
    _dates_in.cache_clear()


@lru_cache(maxsize=1024)  # the extractors of one report ask for the dates of the same sentence 2-3 times
def _dates_in(text, default_year):
    lowered = lower_same_length(text)
    candidates = [c for kind, pattern in DATE_PATTERNS for c in _candidates(kind, pattern, lowered)]
    chosen = leftmost_longest(candidates)
    mentions = [_Draft(kind, match) for kind, match in chosen]
    _resolve_years(mentions, lowered, default_year)
    return tuple(m.mention(text) for m in mentions if m.values)


def _candidates(kind, pattern, lowered):
    return [(kind, match) for match in pattern.finditer(lowered)]


class _Draft:
    """A matched date form whose year may still be unknown."""

    def __init__(self, kind, match):
        self.kind, self.match = kind, match
        self.start, self.end = match.span()
        self.year = int(match["y"]) if "y" in match.re.groupindex and match["y"] else None
        self.ref = match["ref"] if "ref" in match.re.groupindex else None
        self.values = ()

    def settle(self, year):
        """Compute the dates this form names, now that its year is known (or known to be unknown)."""
        self.values = tuple(v for v in _values(self.kind, self.match, year) if v is not None)

    def mention(self, text):
        """The finished DateMention, its surface cut from the original (not lower-cased) text."""
        return DateMention(text[self.start:self.end], self.start, self.end, self.values)


def _resolve_years(drafts, lowered, default_year):
    for draft in drafts:
        if draft.year is not None or draft.kind in ("yrange", "ylist"):
            draft.settle(draft.year)
    for index, draft in enumerate(drafts):
        if not draft.values:
            draft.settle(_year_for(drafts, index, lowered, default_year))


def _year_for(drafts, index, lowered, default_year):
    draft = drafts[index]
    if draft.ref == "cari":
        return default_year
    sentence = sentence_bounds(lowered, draft.start)
    nearby = [d for d in drafts if d.values and sentence[0] <= d.start < sentence[1]]
    after = [d for d in nearby if d.start > draft.start]
    before = [d for d in nearby if d.start < draft.start][::-1]
    order = before + after if draft.ref == "həmin" else after + before
    for other in order:
        return other.values[0].start.year
    return None if draft.ref == "həmin" else default_year


def sentence_bounds(text, position):
    """(start, end) of the sentence of `text` that holds `position`."""
    start, end = 0, len(text)
    for match in SENTENCE_END.finditer(text):
        if match.end() <= position:
            start = match.end()
        elif match.start() >= position:
            end = match.start()
            break
    return start, end


def _values(kind, match, year):
    if kind == "yrange":
        return (_years(int(match["y1"]), int(match["y2"])),)
    if kind == "ylist":
        return tuple(_years(int(y), int(y)) for y in re.findall(r"\d{4}", match[0]))
    if year is None:
        return ()
    if kind == "dotted":
        return (_day(year, int(match["m"]), int(match["d"])),)
    if kind in ("dm", "ydm"):
        return _day_month_values(match["seq"], year)
    if kind in ("md", "ymd"):
        return (_days(year, month_number(match["m"]), match["days"]),)
    if kind in ("ym", "refm"):
        return (_month(year, month_number(match["m"])),)
    return (_years(year, year),)


def _day(year, month, day, last_day=None):
    """One day, or a span of days within a month; None for an impossible date."""
    try:
        first = date(year, month, day)
        return DateValue(first, date(year, month, last_day or day), "day")
    except ValueError:
        return None


def _day_month_values(sequence, year):
    values = []
    for item in _ITEM_RE.finditer(sequence):
        if item["d1"]:
            first = _day(year, month_number(item["m1"]), int(item["d1"]))
            last = _day(year, month_number(item["m2"]), int(item["d2"]))
            values.append(DateValue(first.start, last.end, "day") if first and last else None)
        else:
            month = month_number(item["m"])
            values.extend(_days(year, month, days) for days in re.findall(r"\d+(?:\s*-\s*\d+)?", item["days"]))
    return tuple(values)


def _days(year, month, days):
    numbers = [int(d) for d in re.findall(r"\d+", days)]
    return _day(year, month, numbers[0], numbers[-1])


def _month(year, month):
    return DateValue(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]), "month")


def _years(first, last):
    if last < first:
        return None
    return DateValue(date(first, 1, 1), date(last, 12, 31), "year")
