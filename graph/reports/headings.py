"""Measure headings: "4.2.1-ci yarımbənd üzrə (title):", however the extraction broke or marked them up.

A heading starts at the beginning of a line with a measure code and an ordinal suffix (-ci, -cı, -cu,
-cü), then "yarımbənd" (or "yarım bənd") and "üzrə", then the measure title in parentheses, which may
itself hold parentheses, then a colon. Hard line breaks and blank lines may fall anywhere inside it, so
the lines that follow are joined before matching. An inline mention such as "4.7.2-ci yarımbənddə qeyd
olunmuşdur" is not a heading: it lacks "üzrə (". A joint heading for several measures ("4.7.1 və
4.7.2-ci yarımbəndlər üzrə (...):") names each of their codes.
"""

import re
from dataclasses import dataclass

from atkg.graph.reports.lines import joined_with
from atkg.graph.reports.model import ReportFormatError

CODE = r"\d{1,2}(?:\.\d{1,3}){1,4}"
SUFFIX = r"\s*[-–‑]?\s*c[iıuü]"
_START = re.compile(rf"^{CODE}\.?(?:{SUFFIX}(?![\w])|\s*,|\s+və\s)", re.IGNORECASE)
_HEAD = re.compile(rf"^(?P<codes>{CODE}\.?(?:{SUFFIX})?(?:\s*(?:,|və)\s*{CODE}\.?(?:{SUFFIX})?)*){SUFFIX}?"
                   r"\s+yarım\s*bənd(?:i|lər|ləri)?\s+üzrə\s*", re.IGNORECASE)
_CODE = re.compile(CODE)
_TITLELESS_END = re.compile(r"^:")
MAX_HEADING_CHARS = 3000  # a measure title runs to some 700 characters; a heading ten times that is broken


@dataclass(frozen=True)
class Heading:
    """A heading found at content line `first`: its codes, title, joined text and where it ends.

    `last` is the index of the content line where the heading ends and `rest` what follows the heading on
    that line (usually nothing).
    """

    codes: tuple
    title: str
    text: str
    first: int
    last: int
    rest: str


def heading_at(lines, first, *, stem):
    """The heading that starts at content line `first`, or None; raises when its title never closes."""
    if not _START.match(lines[first].text):
        return None
    joined, starts = _lookahead(lines, first)
    head = _HEAD.match(joined)
    if head is None:
        return None
    if joined[head.end():head.end() + 1] != "(":
        return _titleless(lines, first, head, joined, starts)
    close = _closing_parenthesis(joined, head.end())
    if close is None:
        raise ReportFormatError(
            f"{stem}: line {lines[first].number}: heading for {_codes(head)[0]} opens '(' "
            f"but its title is never closed by ')'")
    colon = re.match(r"\s*:?", joined[close + 1:]).group(0)
    title = joined[head.end() + 1:close].strip()
    heading = _heading(lines, first, _codes(head), title, joined, starts, close + 1 + len(colon))
    if ":" not in colon and heading.rest:
        return None  # "4.2.1-ci yarımbənd üzrə (...)" running on into a sentence is a mention, not a heading
    return heading


def _titleless(lines, first, head, joined, starts):
    """A heading with no parenthesised title ("4.2.1-ci yarımbənd üzrə:"), or None."""
    if not _TITLELESS_END.match(joined[head.end():]):
        return None
    return _heading(lines, first, _codes(head), "", joined, starts, head.end() + 1)


def _codes(head):
    """The measure codes a heading names."""
    return tuple(_CODE.findall(head["codes"]))


def _heading(lines, first, codes, title, joined, starts, end):
    """Build the Heading that ends at offset `end` of the joined text."""
    text = joined[:end].rstrip()
    position = max(index for index, start in enumerate(starts) if start < len(text))
    last_line = lines[first + position].text
    consumed = len(text) - starts[position]
    rest = last_line[consumed:].strip() if consumed < len(last_line) else ""
    return Heading(codes, title, text, first, first + position, rest.lstrip(":").strip())


def _lookahead(lines, first):
    """The text of lines first, first+1, ... joined as a paragraph, and where each line starts in it."""
    starts, joined = [], ""
    for line in lines[first:]:
        if len(joined) > MAX_HEADING_CHARS:
            break
        joined = joined_with(joined, line.text)
        starts.append(len(joined) - len(line.text))
    return joined, starts


def _closing_parenthesis(text, opening):
    """The offset of the parenthesis that closes the one at `opening`, or None."""
    depth = 0
    for offset in range(opening, len(text)):
        depth += {"(": 1, ")": -1}.get(text[offset], 0)
        if depth == 0:
            return offset
    return None
