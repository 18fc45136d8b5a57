"""Re-joining hard-wrapped lines into paragraphs, with headings as units of their own.

Rules, in this order:
1. A measure heading always starts a unit of its own, wherever it stands, and ends one.
2. Lines with no blank line between them belong to one paragraph (a hard line break inside a sentence),
   except that a bullet ("- ", "• ") after a line that ends a sentence or a clause starts a new one.
3. Across blank lines (page-break debris itself counts for nothing) a paragraph continues only when
   the previous line does not end a sentence and the next line could not start one: it begins with a
   lower-case letter or "(", or the previous line ends with a comma or a broken hyphenated word. So
   "... o cümlədən" / blank / "uşaqların ..." is one paragraph, while "... verilmişdir)" / blank /
   "Bu sahədə ..." are two.
4. Where blank lines come with a page break in hard-wrapped text, the paragraph carries on across the
   break, even after a full stop, when the next line's first word would not have fitted on the previous
   line: the line was wrapped, not ended. The wrap width is the longest line that is followed by another
   line of its paragraph; text with fewer than five such lines is not hard-wrapped and has none.
Lines are joined with one space, or none after a word broken at its hyphen ("tədris-" + "metodik").
The re-joined form of a document is its units joined by blank lines, each line first cleaned as
lines.clean does (NFC, the Latin ə for a Cyrillic one, no bold or "#" mark-up, single spaces, page debris
gone). Every paragraph and heading text the parser hands on is an exact substring of it.
"""

import re
from dataclasses import dataclass

from atkg.graph.reports.headings import heading_at
from atkg.graph.reports.lines import content_lines, join_pieces

_SENTENCE_END = re.compile(r"[.!?:;…][\"'”»)\]]*$")
_BULLET = re.compile(r"^(?:[-–—•▪●]|\d{1,2}[.)])\s")
_MIN_WRAPPED_LINES = 5


@dataclass(frozen=True)
class Unit:
    """A paragraph or a heading of the re-joined text, with the source lines it spans."""

    text: str
    line_start: int
    line_end: int
    heading: object = None  # the Heading when this unit is a measure heading


def units(text, *, stem):
    """The paragraphs and headings of a source text, in order."""
    lines = content_lines(text)
    width = _wrap_width(lines)
    found, pieces, index = [], [], 0
    while index < len(lines):
        heading = heading_at(lines, index, stem=stem)
        if heading is not None:
            _flush(found, pieces)
            found.append(Unit(heading.text, lines[index].number, lines[heading.last].number, heading))
            if heading.rest:
                pieces.append((heading.rest, lines[heading.last].number))
            index = heading.last + 1
            continue
        if pieces and not _continues(pieces[-1][0], lines[index], width=width):
            _flush(found, pieces)
        pieces.append((lines[index].text, lines[index].number))
        index += 1
    _flush(found, pieces)
    return found


def rejoined(text, *, stem="<text>"):
    """The re-joined form of a source text: its paragraphs and headings separated by blank lines."""
    return "\n\n".join(unit.text for unit in units(text, stem=stem))


def _flush(found, pieces):
    """Close the paragraph being gathered, if any."""
    if pieces:
        found.append(Unit(join_pieces([text for text, _ in pieces]), pieces[0][1], pieces[-1][1]))
        pieces.clear()


def _wrap_width(lines):
    """The width the text was hard-wrapped at, or None when it is not hard-wrapped."""
    wrapped = [len(line.text) for line, after in zip(lines, lines[1:]) if not after.blank_before]
    return max(wrapped) if len(wrapped) >= _MIN_WRAPPED_LINES else None


def _continues(previous, line, *, width):
    """Whether `line` carries on the paragraph whose last line was `previous`."""
    ends_sentence = bool(_SENTENCE_END.search(previous))
    if not line.blank_before:
        return not (ends_sentence and _BULLET.match(line.text))
    if _BULLET.match(line.text):
        return False
    if line.page_break_before and width and len(previous) + 1 + len(line.text.split(" ")[0]) > width:
        return True
    if ends_sentence:
        return False
    if previous.endswith(",") or re.search(r"\w-$", previous):
        return True
    first = line.text[:1]
    return first == "(" or (first.isalpha() and first == first.lower())
