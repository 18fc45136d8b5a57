"""parse_programme: the table of the older 2011-2015 programme that a report went through row by row.

The table comes from a DOCX as text: cells separated by tabs, often one cell per line, a cell's further
paragraphs on lines of their own with no tab, empty cells as lines holding only a tab. So the text is
first read as a stream of cells, then cut into rows at each cell that holds nothing but a code
("2.1.4.2." or "3.5.2.5"). A row with only a title is a section (2.1.4, 3.5.2, 4.1.2); a full row reads
code, title, executing bodies, period, what was done (one or more cells), status. A row may lack its
status cell (3.5.2.5): then status_text is None, not a guess.

Every text kept is an exact substring of the source (cells are only stripped of surrounding white space),
so it can be quoted as it stands. Codes lose the trailing dot of the numbering style.
"""

import re
from dataclasses import dataclass

from atkg.graph.reports.model import Paragraph, ProgrammeItem, ProgrammeSection, ReportFormatError

_CODE_CELL = re.compile(r"^\d{1,2}(?:\.\d{1,3}){1,5}\.?$")
_PERIOD = re.compile(r"^(?P<first>\d{4})\s*[-–—]?\s*(?P<last>\d{4})$")
_STATUS = re.compile(r"\bicra\s+(?:olunub|edilib|olunmayıb|edilməyib|olunur|edilir|olunmuşdur|edilmişdir)",
                     re.IGNORECASE)
_PERIOD_MAX_CHARS = 40
_STATUS_MAX_CHARS = 80


@dataclass
class _Cell:
    """A table cell: its paragraphs (stripped text and line number), in order."""

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


def _item(row, section, text):
    """A full row as a ProgrammeItem."""
    code, title, bodies, *rest = row
    period, rest = _period(rest)
    status = rest.pop() if rest and _is_status(rest[-1]) else None
    done = tuple(Paragraph(part, line, line) for cell in rest for part, line in cell.paragraphs)
    last = status or (rest[-1] if rest else bodies)
    source_lines = text.replace("\r\n", "\n").split("\n")
    header_end = _last_line(period[1]) if period[1] else _last_line(bodies)
    return ProgrammeItem(
        code=_code(code), title=_text(title), bodies_as_written=_bodies(_text(bodies)), period=period[0],
        done_text="\n\n".join(paragraph.text for paragraph in done), status_text=_text(status) if status else None,
        line_start=_first_line(code), line_end=_last_line(last), section=section,
        heading_text="\n".join(source_lines[_first_line(code) - 1:header_end]).strip(),
        done_paragraphs=done, status_line=_first_line(status) if status else None)


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
    """The table's non-empty cells in reading order."""
    cells = []
    for number, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        first, *others = raw.split("\t")
        if first.strip() and cells and not _CODE_CELL.match(first.strip()):
            cells[-1].paragraphs.append((first.strip(), number))  # a further paragraph of the open cell
            first = ""
        cells += [_Cell([(part.strip(), number)]) for part in [first, *others] if part.strip()]
    return cells


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
    return "\n\n".join(part for part, _ in cell.paragraphs)


def _code(cell):
    """A code cell's code without the numbering style's trailing dot."""
    return _text(cell).rstrip(".")


def _first_line(cell):
    """The line a cell starts on."""
    return cell.paragraphs[0][1]


def _last_line(cell):
    """The line a cell ends on."""
    return cell.paragraphs[-1][1]
