"""The shapes a parsed report hands on: paragraphs, entries, the report, status findings, programme items."""

from dataclasses import dataclass


class ReportFormatError(ValueError):
    """A report text that cannot be parsed; the message names the file (stem), the line and the reason."""


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of entry text, re-joined from its hard-wrapped lines (1-based source lines)."""

    text: str
    line_start: int
    line_end: int


@dataclass(frozen=True)
class Entry:
    """A report's block about one measure: its heading, its paragraphs and the codes it points to.

    heading_text is the whole heading ("4.2.1-ci yarımbənd üzrə (...):") in the re-joined form, kept so
    that the heading can be quoted exactly; heading_title is the text inside its outer parentheses.
    """

    code: str
    heading_title: str
    heading_line_start: int
    heading_line_end: int
    paragraphs: tuple[Paragraph, ...]
    cross_refs: tuple[str, ...]
    heading_text: str = ""

    @property
    def text(self) -> str:
        """The entry's paragraphs joined by blank lines."""
        return "\n\n".join(paragraph.text for paragraph in self.paragraphs)


@dataclass(frozen=True)
class ParsedReport:
    """A yearly report: its title, the reporting body's name as written, the year, and its entries."""

    stem: str
    title: str
    agency_name: str | None
    year: int | None
    entries: tuple[Entry, ...]
    title_line_start: int | None = None
    title_line_end: int | None = None
    title_text: str = ""  # the text before the first heading, exactly as in the re-joined form


@dataclass(frozen=True)
class StatusFinding:
    """An implementation status slug and the exact phrase of the entry text that decided it."""

    status: str
    evidence: str


@dataclass(frozen=True)
class ProgrammeSection:
    """A grouping row of the older programme's table (code and title only, e.g. 2.1.4)."""

    code: str
    title: str
    line_start: int
    line_end: int


@dataclass(frozen=True)
class ProgrammeItem:
    """One row of the older programme's table, as written.

    period is (first_year, last_year) when the cell reads like "2011-2015", else the cell as written.
    status_text is None when the row has no status cell (3.5.2.5 in the 2011-2015 table).
    """

    code: str
    title: str
    bodies_as_written: tuple[str, ...]
    period: tuple[int, int] | str | None
    done_text: str
    status_text: str | None
    line_start: int
    line_end: int
    section: ProgrammeSection | None = None
    heading_text: str = ""  # the code, title, bodies and period cells as they stand in the source
    heading_line_end: int | None = None  # the line heading_text ends on
    done_paragraphs: tuple[Paragraph, ...] = ()
    status_line: int | None = None
