"""Small SVG bar charts drawn on the server (no chart library): the geometry the _macros.html bar_chart
macro draws, and the choice of what to chart in a saved query's answer."""

from collections import Counter
from dataclasses import dataclass

NUMERIC_TYPES = ("integer", "decimal", "double", "float", "int", "long", "nonNegativeInteger")
LABEL_COLUMNS = ("year", "period", "indicator_en", "indicator_az", "partner_en", "partner_az", "label_en",
                 "label_az", "name_en", "name_az", "agency_en", "country_en", "kind_en", "measure", "notation")
DATE_COLUMNS = ("start", "date", "signed", "adopted")
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


def bar_chart(pairs, *, width=760, bar_height=18, gap=6):
    """A Chart of (label, number) pairs in their order; None when there is nothing to draw."""
    pairs = [(_short(str(label)), number) for label, number in pairs if number is not None][:MAX_BARS]
    if not pairs or max(number for _, number in pairs) <= 0:
        return None
    label_width = min(12 + 7 * MAX_LABEL, 12 + 7 * max(len(label) for label, _ in pairs))
    room = width - label_width - 60
    top = max(number for _, number in pairs)
    bars = tuple(Bar(label=label, text=_number_text(number), y=i * (bar_height + gap) + gap,
                     w=max(1.0, room * number / top), h=bar_height) for i, (label, number) in enumerate(pairs))
    return Chart(bars=bars, width=width, height=len(bars) * (bar_height + gap) + gap, label_width=label_width)


def chart_for_answer(names, rows):
    """The chart that says more than the table: a number per label, else rows counted per month or year."""
    numeric = [name for name in names if name not in ("year", "measure") and _all_numbers(rows, names.index(name))]
    labels = [name for name in LABEL_COLUMNS if name in names]
    if numeric and labels and len(rows) <= MAX_BARS:
        value_at = names.index(numeric[0])
        label_at = [names.index(name) for name in labels[:2]]
        pairs = [(" · ".join(_text(row[i]) for i in label_at if row[i] is not None), _number(row[value_at]))
                 for row in rows]
        return bar_chart(pairs)
    dated = [name for name in DATE_COLUMNS if name in names]
    if dated:
        at = names.index(dated[0])
        counted = Counter(_text(row[at])[:7] for row in rows if row[at] is not None)
        return bar_chart(sorted(counted.items()))
    return None


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
