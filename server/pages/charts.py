"""Small SVG bar charts drawn on the server (no chart library): the geometry the _macros.html bar_chart
macro draws, and the choice of what to chart in a saved query's answer. A chart says the period it covers
and never draws one thing twice: rows that differ only by another IRI column (the plan of agency-workload)
become one chart each, and a figure for part of a year is labelled with its months."""

from collections import Counter
from dataclasses import dataclass, replace
from datetime import date

from babel.dates import format_date

NUMERIC_TYPES = ("integer", "decimal", "double", "float", "int", "long", "nonNegativeInteger")
# The columns worth a bar (first found wins) and the columns that name it (first two found).
VALUE_COLUMNS = ("value", "count", "responsible", "shared", "entries")
LABEL_COLUMNS = ("period", "year", "indicator_en", "what_en", "nationality_en", "country_en", "label_en", "agency_en",
                 "partner_en", "sectionTitle_en", "section", "status_en", "notation")
MAX_BARS = 40
MAX_LABEL = 60  # characters; longer labels are cut with an ellipsis


@dataclass(frozen=True)
class Bar:
    """One bar: its label, the number written beside it, and its place."""

    label: str
    text: str
    y: float
    w: float
    h: float


@dataclass(frozen=True)
class Chart:
    """A horizontal bar chart's bars and size."""

    bars: tuple
    width: int
    height: int
    label_width: int
    period: str = ""  # the years the bars cover, e.g. "2020–2021"
    part: str = ""  # the IRI the bars share when an answer is drawn as several charts (e.g. the plan)


def bar_chart(pairs, *, width=760, bar_height=18, gap=6):
    """A Chart of (label, number) pairs in their order; None when there is nothing to draw. A zero keeps its
    place (an empty year is part of the picture): no bar, its 0 written beside it."""
    pairs = [(_short(str(label)), number) for label, number in pairs if number is not None][:MAX_BARS]
    if not pairs or max(number for _, number in pairs) <= 0:
        return None
    label_width = min(12 + 7 * MAX_LABEL, 12 + 7 * max(len(label) for label, _ in pairs))
    room = width - label_width - 60
    top = max(number for _, number in pairs)
    bars = tuple(Bar(label=label, text=_number_text(number), y=i * (bar_height + gap) + gap,
                     w=max(1.0, room * number / top) if number else 0.0, h=bar_height)
                 for i, (label, number) in enumerate(pairs))
    return Chart(bars=bars, width=width, height=len(bars) * (bar_height + gap) + gap, label_width=label_width)


def chart_for_answer(names, rows, *, language="en"):
    """The charts that say more than the table: figures or counts per label (by period where there is one,
    else the largest first), events per year, or events per partner; [] for other answers."""
    values = [name for name in VALUE_COLUMNS if name in names and _all_numbers(rows, names.index(name))]
    labels = [_in_language(name, names, language) for name in LABEL_COLUMNS if name in names]
    if "period" in labels and "year" in labels:
        labels.remove("year")  # the period says the year, and more
    if values and labels:
        return [replace(chart, period=_period(names, part_rows), part=part)
                for part, part_rows in _parts(names, rows, labels[:2])
                if (chart := _value_chart(names, part_rows, values[0], labels[:2], language))]
    if "start" in names:
        chart = events_per_year(_text(row[names.index("start")]) for row in rows if row[names.index("start")])
        return [chart] if chart else []
    if "partner_en" in names:
        chart = _counted(rows, names.index("partner_en"))
        return [replace(chart, period=_period(names, rows))] if chart else []
    return []


def events_per_year(starts):
    """Events counted by the year they started (a date, a month or a year alone), every year from the first
    to the last drawn, empty ones too; None when there are none."""
    counted = Counter(start[:4] for start in starts if start[:4].isdigit())
    if not counted:
        return None
    first, last = int(min(counted)), int(max(counted))
    chart = bar_chart([(str(year), counted.get(str(year), 0)) for year in range(first, last + 1)])
    return replace(chart, period=f"{first}–{last}" if first != last else str(first)) if chart else None


def _value_chart(names, rows, value, labels, language):
    label_at = [names.index(name) for name in labels]
    pairs = [(" · ".join(_label(names[i], row[i], language) for i in label_at if row[i] is not None),
              _number(row[names.index(value)])) for row in rows]
    timed = "year" in labels or "period" in labels
    return bar_chart(pairs if timed else sorted(pairs, key=lambda pair: -pair[1]))


def _parts(names, rows, labels):
    """[(IRI or "", rows)]: the rows split by the first IRI column that tells apart rows drawn with the same
    label (the plan in agency-workload), so no bar stands for one thing twice; one part when none do."""
    label_at = [names.index(name) for name in labels]
    keys = [tuple(_text(row[i]) for i in label_at) for row in rows]
    if len(set(keys)) == len(keys):
        return [("", rows)]
    for at, name in enumerate(names):
        cells = [row[at] for row in rows]
        if name not in labels and all(getattr(cell, "value", "").startswith("http") for cell in cells if cell):
            if len(set(zip(keys, (_text(cell) for cell in cells)))) == len(keys):
                split = {}
                for row in rows:
                    split.setdefault(_text(row[at]), []).append(row)
                return sorted(split.items())
    return [("", rows)]


def _period(names, rows):
    """The years the rows cover, from their year or period column ("2020–2021"), else ""."""
    for name in ("period", "year", "start"):
        if name in names:
            years = sorted({_text(row[names.index(name)])[:4] for row in rows if row[names.index(name)]})
            years = [year for year in years if year.isdigit()]
            if years:
                return years[0] if years[0] == years[-1] else f"{years[0]}–{years[-1]}"
    return ""


def _label(name, cell, language):
    """A cell as a bar's label: a period of months as its months ("Jan–Mar 2020"), else the cell's text."""
    text = _text(cell)
    if name == "period" and "/" in text:
        return _months(text, language)
    return text


def _months(period, language):
    """ "2020-01/2020-03" as "Jan–Mar 2020" in the page's language (Babel's month names)."""
    start, _, end = period.partition("/")
    try:
        first, last = (date(int(part[:4]), int(part[5:7]), 1) for part in (start, end))
    except ValueError:
        return period
    if first.year == last.year:
        return (f"{format_date(first, 'LLL', locale=language)}–{format_date(last, 'LLL', locale=language)} "
                f"{first.year}")
    return f"{format_date(first, 'LLL y', locale=language)}–{format_date(last, 'LLL y', locale=language)}"


def _in_language(name, names, language):
    """The Azerbaijani twin of an English label column (label_en -> label_az) for an Azerbaijani page."""
    twin = name[:-3] + "_az"
    return twin if language == "az" and name.endswith("_en") and twin in names else name


def _counted(rows, at):
    counted = Counter(_text(row[at]) for row in rows if row[at] is not None)
    return bar_chart(sorted(counted.items(), key=lambda pair: (-pair[1], pair[0])))


def _all_numbers(rows, at):
    cells = [row[at] for row in rows if row[at] is not None]
    return bool(cells) and all(_number(cell) is not None for cell in cells)


def _number(term):
    datatype = getattr(term, "datatype", None)
    if datatype is None or not str(datatype.value).rsplit("#", 1)[-1] in NUMERIC_TYPES:
        return None
    try:
        return float(term.value)
    except ValueError:
        return None


def _short(label):
    return label if len(label) <= MAX_LABEL else label[:MAX_LABEL - 1] + "…"


def _number_text(number):
    return str(int(number)) if float(number).is_integer() else f"{number:g}"


def _text(term):
    return getattr(term, "value", str(term))
