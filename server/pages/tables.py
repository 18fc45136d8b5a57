"""A saved query's answer as a table people read: headers from the query's column descriptions, numbers and
dates written in the page's language (Babel), names instead of IRIs, only the page's language of a column
given in both, and a value every row shares said once above the table instead of on every row."""

from dataclasses import dataclass
from datetime import date

from babel.dates import format_date
from babel.numbers import format_decimal

XSD = "http://www.w3.org/2001/XMLSchema#"
NUMBERS = {XSD + name for name in ("integer", "decimal", "double", "float", "int", "long", "nonNegativeInteger",
                                   "positiveInteger")}
LONG_TEXT = 160  # characters; a longer text folds into a <details>


@dataclass(frozen=True)
class Cell:
    """One value as shown: kind is "link" (href and text), "text" (with its language), "long" or "empty"."""

    kind: str
    text: str = ""
    href: str = ""
    language: str = ""
    iri: str = ""


@dataclass(frozen=True)
class Table:
    """The columns shown ([(name, header)]), what every row shares ([(header, Cell)]) and the rows."""

    columns: tuple
    shared: tuple
    rows: tuple


def answer_table(names, rows, *, headers, language, show):
    """The Table of an answer: `rows` of Terms (None for unbound), `headers` {column: description} in the
    page's language, `show(term)` a Cell for an IRI (its name and page)."""
    kept = [at for at, name in enumerate(names) if not _other_language(name, names, language)]
    cells = [[read(row[at], language=language, show=show, year=_is_year(names[at])) for at in kept] for row in rows]
    same = [i for i in range(len(kept)) if len(rows) > 1 and _shared(cells, i)]
    columns = tuple((names[at], _header(names[at], headers, language)) for i, at in enumerate(kept)
                    if i not in same)
    shared = tuple((_header(names[kept[i]], headers, language), cells[0][i]) for i in same)
    return Table(columns=columns, shared=shared,
                 rows=tuple(tuple(cell for i, cell in enumerate(row) if i not in same) for row in cells))


def read(term, *, language, show, year=False):
    """A Term as people read it: an IRI by its name, a number or date in the page's language (a year as it
    is: 2021, not 2,021), a text with its language (no @tag, no ^^datatype)."""
    if term is None:
        return Cell(kind="empty")
    if term.is_iri:
        return show(term)
    datatype = term.datatype or ""
    if datatype in NUMBERS:
        return Cell(kind="text", text=term.value if year else _number(term.value, language))
    if datatype == XSD + "date":
        return Cell(kind="text", text=_date(term.value, language))
    if datatype == XSD + "boolean":
        return Cell(kind="text", text={"true": "✓", "false": "✗"}.get(term.value, term.value))
    kind = "long" if len(term.value) > LONG_TEXT else "text"
    return Cell(kind=kind, text=term.value, language=term.language or "")


def _number(text, language):
    try:
        return format_decimal(text, locale=language)
    except (ValueError, ArithmeticError):
        return text


def _date(text, language):
    try:
        return format_date(date.fromisoformat(text[:10]), format="medium", locale=language)
    except ValueError:
        return text


def _is_year(name):
    return name.lower().endswith("year")


def _header(name, headers, language):
    """The column's description as its header (first letter capitalised, Azerbaijani's i as İ), else its
    name."""
    described = str(headers.get(name) or "").strip()
    if not described:
        return name
    first = "İ" if language == "az" and described[0] == "i" else described[0].upper()
    return first + described[1:]


def _other_language(name, names, language):
    """True for label_en on an Azerbaijani page when label_az is there too (and the other way round)."""
    other = "en" if language == "az" else "az"
    return name.endswith(f"_{other}") and f"{name[:-3]}_{language}" in names


def _shared(cells, i):
    """True when every row has the same value in column i (the plan's title on every row)."""
    first = cells[0][i]
    return first.kind != "empty" and all(row[i] == first for row in cells)
