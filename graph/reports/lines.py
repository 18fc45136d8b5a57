"""Source lines as the parser sees them: cleaned of mark-up, with page-break debris taken out.

Text extracted from PDF or DOCX carries debris between and inside paragraphs: form feeds, lone page
numbers ("3", "- 3 -", "Səhifə 3"), and running headers repeated at each page break. Debris lines are
dropped as if they were not there at all (not even as blank lines), so a paragraph that runs over a page
break stays one paragraph. A running header is only recognised next to a page break (a form feed or a
page number): a line that merely repeats ("Bununla bağlı məlumatlar 4.7.2-ci yarımbənddə qeyd
olunmuşdur.") is content.
"""

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

_BOLD = re.compile(r"\*\*|__|</?b>|</?strong>", re.IGNORECASE)
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+")
_CYRILLIC_SCHWA = str.maketrans({"ә": "ə", "Ә": "Ə"})  # some fonts and converters use the Cyrillic letter
_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f]+")
_PAGE_NUMBER = re.compile(
    r"^(?:[-–—]\s*)?(?:səh(?:ifə)?\.?\s*)?\d{1,3}(?:\s*/\s*\d{1,3})?(?:\s*[-–—])?$", re.IGNORECASE)
_CODE_START = re.compile(r"^\d+(?:\.\d+)+")  # a measure heading, even a repeated one, is never a header
_HEADER_REACH = 3  # a running header sits within this many lines of its page break
_HEADER_MAX_CHARS = 150


@dataclass(frozen=True)
class Line:
    """A content line: its 1-based number in the source and its cleaned text (never empty)."""

    number: int
    text: str
    blank_before: bool  # a blank line separates it from the previous content line
    page_break_before: bool = False  # page-break debris was taken out between it and the previous line


def clean(raw):
    """One source line in NFC with the Latin ə, without bold or heading mark-up, soft hyphens and repeated
    white space."""
    text = unicodedata.normalize("NFC", raw).translate(_CYRILLIC_SCHWA)
    text = _BOLD.sub("", text.replace("\f", " ").replace("\u00ad", ""))
    text = _SPACES.sub(" ", text).strip()
    return _MARKDOWN_HEADING.sub("", text)


def content_lines(text):
    """The content lines of a source text, debris removed, each knowing whether a blank line precedes it."""
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    cleaned = [clean(raw) for raw in raw_lines]
    debris = _debris(raw_lines, cleaned)
    lines, blank, page_break = [], False, False
    for index, line_text in enumerate(cleaned):
        if index in debris:
            page_break = True
            continue
        if not line_text:
            blank = True
            continue
        lines.append(Line(index + 1, line_text, blank_before=blank and bool(lines),
                          page_break_before=page_break and bool(lines)))
        blank = page_break = False
    return lines


def debris_numbers(text):
    """The 1-based numbers of the source lines that are page-break debris (page numbers, form feeds,
    running headers), for readers that keep the raw lines, as the older programme's table reader does."""
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return {index + 1 for index in _debris(raw_lines, [clean(raw) for raw in raw_lines])}


def _debris(raw_lines, cleaned):
    """The 0-based indexes of the debris lines."""
    breaks = {index for index, raw in enumerate(raw_lines) if "\f" in raw or _PAGE_NUMBER.match(cleaned[index])}
    return _bare_breaks(cleaned, breaks) | _running_headers(cleaned, breaks)


def _bare_breaks(cleaned, breaks):
    """Page breaks with nothing else on their line: a lone form feed or page number."""
    return {index for index in breaks if not cleaned[index] or _PAGE_NUMBER.match(cleaned[index])}


def _running_headers(cleaned, breaks):
    """Lines repeated next to half the page breaks or more (at least two), and nowhere else: running
    headers and footers.

    Half, not all, so that alternating headers of odd and even pages count; not merely "twice", since
    text wrapped at a narrow width repeats short runs of words ("qarşısının alınması məqsədilə"); and
    nowhere else, since a line of text that also stands far from any page break is content.
    """
    near = {index for index in range(len(cleaned)) if cleaned[index] and not _PAGE_NUMBER.match(cleaned[index])
            and len(cleaned[index]) <= _HEADER_MAX_CHARS and not _CODE_START.match(cleaned[index])
            and _near_break(index, breaks)}
    pages = len(_page_breaks(breaks))
    counts, everywhere = Counter(cleaned[index] for index in near), Counter(cleaned)
    repeated = {text for text, count in counts.items()
                if count >= 2 and 2 * count >= pages and count == everywhere[text]}
    return {index for index in near if cleaned[index] in repeated}


def _page_breaks(breaks):
    """Break lines grouped into page breaks: a form feed and the page number beside it are one break."""
    groups = []
    for index in sorted(breaks):
        if groups and index - groups[-1][-1] <= _HEADER_REACH:
            groups[-1].append(index)
        else:
            groups.append([index])
    return groups


def _near_break(index, breaks):
    """Whether a page break lies within reach of the line."""
    return any(abs(index - other) <= _HEADER_REACH for other in breaks)


def join_pieces(pieces):
    """Join the pieces of one paragraph: a space between them, none after a word broken at a hyphen."""
    joined = ""
    for piece in pieces:
        joined = joined_with(joined, piece)
    return joined


def joined_with(joined, piece):
    """`joined` continued by `piece`: "tədris-" + "metodik" closes up, anything else takes a space."""
    if not joined:
        return piece
    if joined.endswith("-") and _word_char(joined[-2:-1]) and piece[:1].isalpha():
        return joined + piece
    return joined + " " + piece


def _word_char(character):
    """Whether a character is a letter, digit or underscore (regex \\w)."""
    return bool(character) and (character.isalnum() or character == "_")
