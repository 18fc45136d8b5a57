"""Small SVG bar charts drawn on the server (no chart library): the geometry the _macros.html bar_chart
macro draws, and the choice of what to chart in a saved query's answer."""

from collections import Counter
from dataclasses import dataclass

NUMERIC_TYPES = ("integer", "decimal", "double", "float", "int", "long", "nonNegativeInteger")
# The columns worth a bar (first found wins) and the columns that name it (first two found).
VALUE_COLUMNS = ("value", "count", "responsible", "shared", "entries")
LABEL_COLUMNS = ("year", "indicator_en", "what_en", "nationality_en", "country_en", "label_en", "agency_en",
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


def chart_for_answer(names, rows, *, language="en"):
    """The chart that says more than the table: figures or counts per label (by year where there is one,
    else the largest first), events per month, or events per partner; None for other answers."""
    values = [name for name in VALUE_COLUMNS if name in names and _all_numbers(rows, names.index(name))]
    labels = [_in_language(name, names, language) for name in LABEL_COLUMNS if name in names]
    if values and labels:
        value_at, label_at = names.index(values[0]), [names.index(name) for name in labels[:2]]
        pairs = [(" · ".join(_text(row[i]) for i in label_at if row[i] is not None), _number(row[value_at]))
                 for row in rows]
        return bar_chart(pairs if "year" in labels else sorted(pairs, key=lambda pair: -pair[1]))
    if "start" in names:
        return _counted(rows, names.index("start"), key=lambda text: text[:7], by_count=False)
    if "partner_en" in names:
        return _counted(rows, names.index("partner_en"), key=lambda text: text, by_count=True)
    return None


def _in_language(name, names, language):
    """The Azerbaijani twin of an English label column (label_en -> label_az) for an Azerbaijani page."""
    twin = name[:-3] + "_az"
    return twin if language == "az" and name.endswith("_en") and twin in names else name


def _counted(rows, at, *, key, by_count):
    counted = Counter(key(_text(row[at])) for row in rows if row[at] is not None)
    pairs = sorted(counted.items(), key=lambda pair: (-pair[1], pair[0])) if by_count else sorted(counted.items())
    return bar_chart(pairs)


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
