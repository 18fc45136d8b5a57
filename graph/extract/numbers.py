"""Counts in report text: a number with the word it counts ("20.754 əcnəbi", "3306 nəfərin",
"102 vətəndaşdan 79 nəfərinin", "40-dan çox beynəlxalq müqavilə").

A dot between digit groups is a thousands separator ("20.754" is 20754). Not counts: codes (4.2.1),
ordinals ("33-cü sessiyası"), act and letter numbers ("377 nömrəli", "02/1847"), phone numbers, and any
number inside a date mention.
"""

import re
from dataclasses import dataclass

from atkg.graph.extract import LOWER_LETTERS as L
from atkg.graph.extract import MONTHS
from atkg.graph.extract.dates import find_dates

MORE_THAN = "more than"
NOT_MORE_THAN = "not more than"
_COUNT = re.compile(
    rf"(?<![\w.,/\-])(?P<number>\d{{1,3}}(?:\.\d{{3}})+|\d+)(?![.,]?\d)"
    rf"(?P<pre>-(?:dan|dən|nan|nən)\s+(?:çox|artıq))?"
    rf"(?:[ \t]+|[ \t]*\n[ \t]*(?=[{L}]))"
    rf"(?:(?P<modifier>regional|beynəlxalq|yeni|müxtəlif|xarici)\s+)?"
    rf"(?P<noun>[{L}][{L}\-]*)"
    rf"(?P<post>(?<=d[aə]n)\s+(?:çox|artıq)(?:\s+olmayan)?)?")
_NOT_COUNTED = ("nömrəli", "saylı", "nömrəsi", "telefon", "tarixli", "tarixdə") + MONTHS


@dataclass(frozen=True)
class Count:
    """A number and the counted word as written; qualifier is None, "more than" or "not more than"."""

    value: int
    noun: str
    surface: str
    start: int
    end: int
    qualifier: str = None


def find_counts(text):
    """Every count in `text`, in order of position."""
    # Any default year will do: it only keeps "16-19 iyun" a date, so that 19 is not counted as "iyun".
    in_dates = [(m.start, m.end) for m in find_dates(text, default_year=2000)]
    counts = []
    for match in _COUNT.finditer(text):
        if _is_count(match, in_dates):
            counts.append(_count(match))
    return counts


def _is_count(match, in_dates):
    noun = match["noun"]
    if noun.startswith(_NOT_COUNTED):
        return False
    return not any(start <= match.start() < end for start, end in in_dates)


def _count(match):
    qualifier = None
    if match["pre"] or (match["post"] and not match["post"].endswith("olmayan")):
        qualifier = MORE_THAN
    elif match["post"]:
        qualifier = NOT_MORE_THAN
    value = int(match["number"].replace(".", ""))
    return Count(value, match["noun"], match[0], match.start(), match.end(), qualifier)
