"""parse_programme: the table of the older 2011-2015 programme that a report went through row by row.

The table comes from a DOCX as text: cells separated by tabs, often one cell per line, a cell's further
paragraphs on lines of their own with no tab, empty cells as lines holding only a tab. So the text is
first read as a stream of cells, then cut into rows at each cell that holds nothing but a code
("2.1.4.2." or "3.5.2.5"). A row with only a title is a section (2.1.4, 3.5.2, 4.1.2); a full row reads
code, title, executing bodies, period, what was done (one or more cells), status. A row may lack its
status cell (3.5.2.5): then status_text is None, not a guess.

Every text kept is an exact substring of the source (cells are only stripped of surrounding white space),
so it can be quoted as it stands. Codes lose the trailing dot of the numbering style.

The same table as PDF extraction gives it reads the same: page-break debris (page numbers, running
headers; graph/reports/lines.py) is dropped, and when the cells are hard-wrapped (at least five lines inside
a cell break off mid-sentence) a cell's paragraphs are re-joined as the yearly reports' are
(graph/reports/units.py): lines with no blank line between them are one paragraph, and a paragraph carries
on across a page break when its line before the break was full. A re-joined paragraph is the source's
lines joined with single spaces.
"""

import re
from dataclasses import dataclass

from atkg.graph.reports.lines import debris_numbers, joined_with
from atkg.graph.reports.model import Paragraph, ProgrammeItem, ProgrammeSection, ReportFormatError

_CODE_CELL = re.compile(r"^\d{1,2}(?:\.\d{1,3}){1,5}\.?$")
_PERIOD = re.compile(r"^(?P<first>\d{4})\s*[-–—]?\s*(?P<last>\d{4})$")
_STATUS = re.compile(r"\bicra\s+(?:olunub|edilib|olunmayıb|edilməyib|olunur|edilir|olunmuşdur|edilmişdir)",
                     re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?:;…][\"'”»)\]]*$")
_PERIOD_MAX_CHARS = 40
_STATUS_MAX_CHARS = 80
_MIN_WRAPPED_LINES = 5
_SPACES = re.compile(r"\s+")


@dataclass
class _Cell:
    """A table cell: its paragraphs (stripped text, first and last line number), in order."""

    paragraphs: list


def parse_programme(text, *, stem):
    """The programme's items (rows with bodies and a period), each knowing its section."""
    items, section = [], None
    for row in _rows(_cells(text)):
        if len(row) == 2:
            section = ProgrammeSection(_code(row[0]), _text(row[1]), _first_line(row[0]), _last_line(row[1]))
        elif len(row) > 2:
            items.append(_item(row, section, text))
    if not items:
        raise ReportFormatError(f"{stem}: no programme rows found (expected a code cell such as '2.1.4.2.' "
                                "followed by title, executing bodies and period cells)")
    return tuple(items)


def programme_runs(items):
    """(first line, last line, text) of each row's heading (its cells on one line) and of each paragraph
    under it, in order: the paragraphs the figures and acts of the table are read in."""
    for item in items:
        yield item.line_start, item.heading_line_end, _SPACES.sub(" ", item.heading_text)
        yield from ((paragraph.line_start, paragraph.line_end, paragraph.text) for paragraph in item.done_paragraphs)
        if item.status_text:
            yield item.status_line, item.status_line, item.status_text


def _item(row, section, text):
    """A full row as a ProgrammeItem."""
    code, title, bodies, *rest = row
    period, rest = _period(rest)
    status = rest.pop() if rest and _is_status(rest[-1]) else None
    done = tuple(Paragraph(part, first, last) for cell in rest for part, first, last in cell.paragraphs)
    last = status or (rest[-1] if rest else bodies)
    header_end = _last_line(period[1]) if period[1] else _last_line(bodies)
    return ProgrammeItem(
        code=_code(code), title=_text(title), bodies_as_written=_bodies(_text(bodies)), period=period[0],
        done_text="\n\n".join(paragraph.text for paragraph in done), status_text=_text(status) if status else None,
        line_start=_first_line(code), line_end=_last_line(last), section=section,
        heading_text=_lines_between(text, _first_line(code), header_end), heading_line_end=header_end,
        done_paragraphs=done, status_line=_first_line(status) if status else None)


def _lines_between(text, first, last):
    """The source lines from `first` to `last` as they stand, without page-break debris."""
    debris = debris_numbers(text)
    lines = text.replace("\r\n", "\n").split("\n")[first - 1:last]
    return "\n".join(line for number, line in enumerate(lines, start=first) if number not in debris).strip()


def _period(cells):
    """The period (years or as written) and its cell, if the first cell reads as one; and the rest."""
    if cells and len(_text(cells[0])) <= _PERIOD_MAX_CHARS and not _is_status(cells[0]):
        years = _PERIOD.match(_text(cells[0]))
        value = (int(years["first"]), int(years["last"])) if years else _text(cells[0])
        return (value, cells[0]), list(cells[1:])
    return (None, None), list(cells)


def _is_status(cell):
    """Whether a cell is a short status statement such as "Tam icra olunub"."""
    return len(_text(cell)) <= _STATUS_MAX_CHARS and bool(_STATUS.search(_text(cell)))


def _bodies(cell_text):
    """The executing bodies of a cell, split at commas, as written."""
    return tuple(part.strip() for part in cell_text.split(",") if part.strip())


def _cells(text):
    """The table's non-empty cells in reading order, hard-wrapped lines re-joined into paragraphs."""
    cells = _line_cells(text)
    width = _wrap_width(cells)
    return [_Cell(_rejoined(lines, width=width) if width else [line[:3] for line in lines]) for lines in cells]


def _line_cells(text):
    """The table's non-empty cells, each as its lines (text, number, number, what stands before it: "" when
    the line above it, "blank" after blank lines, "page" after a page break), debris left out."""
    cells, debris, before = [], debris_numbers(text), ""
    for number, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        if number in debris or not raw.strip():
            before = "page" if number in debris else before or "blank"
            continue
        first, *others = raw.split("\t")
        if first.strip() and cells and not _CODE_CELL.match(first.strip()):
            cells[-1].append((first.strip(), number, number, before))  # a further line of the open cell
            first = ""
        cells += [[(part.strip(), number, number, "")] for part in [first, *others] if part.strip()]
        before = ""
    return cells


def _wrap_width(cells):
    """The width the cells were hard-wrapped at (the longest line that breaks off mid-sentence inside its
    cell, the next line right under it), or None when fewer than five lines do so: then every line is a
    paragraph, as a DOCX table's are."""
    broken = [len(line[0]) for lines in cells for line, after in zip(lines, lines[1:])
              if not after[3] and not _SENTENCE_END.search(line[0])]
    return max(broken) if len(broken) >= _MIN_WRAPPED_LINES else None


def _rejoined(lines, *, width):
    """A hard-wrapped cell's paragraphs: a line right under another carries on its paragraph, and so does
    a line after a page break when the line before the break was full (its first word would not have
    fitted there); a blank line otherwise ends a paragraph."""
    paragraphs, previous = [], ""
    for line, number, _, before in lines:
        if paragraphs and (not before or before == "page" and len(previous) + 1 + len(line.split(" ")[0]) > width):
            text, first, _ = paragraphs[-1]
            paragraphs[-1] = (joined_with(text, line), first, number)
        else:
            paragraphs.append((line, number, number))
        previous = line
    return paragraphs


def _rows(cells):
    """The cells cut into rows, each starting at a code cell; cells before the first code are dropped."""
    rows = []
    for cell in cells:
        if _CODE_CELL.match(_text(cell)):
            rows.append([cell])
        elif rows:
            rows[-1].append(cell)
    return rows


def _text(cell):
    """A cell's paragraphs joined by blank lines."""
    return "\n\n".join(part for part, _, _ in cell.paragraphs)


def _code(cell):
    """A code cell's code without the numbering style's trailing dot."""
    return _text(cell).rstrip(".")


def _first_line(cell):
    """The line a cell starts on."""
    return cell.paragraphs[0][1]


def _last_line(cell):
    """The line a cell ends on."""
    return cell.paragraphs[-1][2]
