"""parse_report: a yearly report's text into its title, reporting body, year and one entry per heading.

Duplicate headings for one code are kept as separate entries (a later check flags them); nothing is
merged silently.
"""

import re

from atkg.graph.reports.headings import CODE, SUFFIX
from atkg.graph.reports.model import Entry, Paragraph, ParsedReport, ReportFormatError
from atkg.graph.reports.units import units

NO_HEADINGS = "no measure headings found (expected lines like '4.2.1-ci yarımbənd üzrə (...):')"
_CROSS_REF = re.compile(
    rf"(?P<codes>{CODE}{SUFFIX}(?:\s*(?:,|və)\s*{CODE}{SUFFIX})*)\s+yarım\s*bənd", re.IGNORECASE)
_CODE_ONLY = re.compile(CODE)
_LETTER_SPACED = re.compile(r"\b(?:\w ){2,}\w\b")
_YEAR = re.compile(r"(?<![\d-])(?P<year>(?:19|20)\d\d)\s*-\s*c[iıuü]\s+il(?!lər)")
_AGENCY_LINKS = {"və", "üzrə", "yanında", "ilə"}
_NOT_IN_NAMES = re.compile(r"^(?:Plan|Proqram|Tədbirlər|Sərəncam|Fərman|Qərar)\w*$|[”\"»]")  # the plan, not a body
_COUNTRY_PREFIX = re.compile(r"^Azərbaycan Respublikası(?:nın)?\s+")


def parse_report(text, *, stem):
    """Parse a report's text; raise ReportFormatError when it has no measure headings."""
    found = units(text, stem=stem)
    heads = [index for index, unit in enumerate(found) if unit.heading is not None]
    if not heads:
        raise ReportFormatError(f"{stem}: {NO_HEADINGS}")
    preamble = found[:heads[0]]
    title = title_of(preamble)
    agency, year = agency_and_year(title)
    bounds = zip(heads, heads[1:] + [len(found)])
    entries = tuple(_entry(found[start], found[start + 1:end], code)
                    for start, end in bounds for code in found[start].heading.codes)
    return ParsedReport(stem=stem, title=title, agency_name=agency, year=year, entries=entries,
                        title_line_start=preamble[0].line_start if preamble else None,
                        title_line_end=preamble[-1].line_end if preamble else None,
                        title_text="\n\n".join(unit.text for unit in preamble))


def _entry(head, body, code):
    """The entry about `code` of one heading (a joint heading gives one per code) and its paragraphs."""
    paragraphs = tuple(Paragraph(unit.text, unit.line_start, unit.line_end) for unit in body)
    text = "\n\n".join(paragraph.text for paragraph in paragraphs)
    return Entry(code=code, heading_title=head.heading.title, heading_line_start=head.line_start,
                 heading_line_end=head.line_end, paragraphs=paragraphs,
                 cross_refs=cross_references(text, own_code=code), heading_text=head.text)


def cross_references(text, *, own_code=None):
    """Codes the text points to ("4.7.2-ci yarımbənddə qeyd olunmuşdur"), in order, once each."""
    codes = []
    for match in _CROSS_REF.finditer(text):
        codes += [code for code in _CODE_ONLY.findall(match["codes"]) if code != own_code and code not in codes]
    return tuple(codes)


def title_of(preamble):
    """The report's title: the text before its first heading, letter-spaced words closed up."""
    title = " ".join(unit.text for unit in preamble)
    return _LETTER_SPACED.sub(lambda match: match.group(0).replace(" ", ""), title)


def agency_and_year(title):
    """The reporting body's name as written before "tərəfindən", and the year that follows it."""
    marker = re.search(r"\btərəfindən\b", title)
    if marker is None:
        year = _YEAR.search(title)
        return None, int(year["year"]) if year else None
    year = _YEAR.search(title, marker.end())
    return _name_before(title[:marker.start()]), int(year["year"]) if year else None


def _name_before(text):
    """The run of capitalised words (with their linking words) that ends `text`, country prefix removed."""
    words = text.split()
    start = len(words)
    while start > 0 and (_capitalised(words[start - 1]) or
                         (words[start - 1] in _AGENCY_LINKS and start > 1 and _capitalised(words[start - 2]))):
        start -= 1
    name = _COUNTRY_PREFIX.sub("", " ".join(words[start:])).strip(" ,")
    return name or None


def _capitalised(word):
    """Whether a word starts with a capital letter and may belong to a body's name."""
    return bool(word) and word[0].isupper() and not _NOT_IN_NAMES.search(word)
