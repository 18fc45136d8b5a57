"""Precision and recall of the extractors against the hand-checked gold set in tests/graph/gold/ (the 2020 and
2021 reports). Run with -s to see the figures printed.

Measured when the floors were set: dates, acts and figures all at precision 1.0 and recall 1.0. The
extractors were written while reading these same two reports, so these numbers say that nothing in them
is missed or invented, not how well the patterns carry to reports not yet seen; the floors leave a little
room (0.95) for a later change that trades one mention for a wider reach.
"""

from collections import Counter
from importlib.resources import files
from pathlib import Path

import pytest
import yaml

from atkg.graph.extract.acts_rdf import acts_in_source
from atkg.graph.extract.dates import find_dates
from atkg.graph.extract.figures import figures_in_source

GOLD = Path(__file__).parent / "gold"
FLOORS = {"dates": (0.95, 0.95), "acts": (0.95, 0.95), "figures": (0.95, 0.95)}


LINE_KEYED = ("000_8824f00754a92447", "002_e692b092547fc0c1")


def gold(kind):
    """The gold of the reports keyed by line (the 2020 and 2021 reports)."""
    documents = yaml.safe_load((GOLD / f"{kind}.yaml").read_text(encoding="utf-8"))["documents"]
    assert set(LINE_KEYED) <= set(documents)
    return {stem: documents[stem] for stem in LINE_KEYED}


def source_text(stem):
    return (files("atkg.graph") / "sources" / f"{stem}.txt").read_text(encoding="utf-8")


def scores(matched, predicted, expected):
    return matched / predicted if predicted else 0.0, matched / expected if expected else 0.0


def date_scores():
    matched = predicted = expected = 0
    for stem, document in gold("dates").items():
        wanted = document["dates"]
        found = [(number, mention) for number, line in enumerate(source_text(stem).split("\n"), 1)
                 for mention in find_dates(line, default_year=document["default_year"])]
        matched += sum(any(_same_date(item, number, mention) for number, mention in found) for item in wanted)
        predicted, expected = predicted + len(found), expected + len(wanted)
    return scores(matched, predicted, expected)


def _same_date(item, number, mention):
    values = [[v.start.isoformat(), v.end.isoformat(), v.precision] for v in mention.dates]
    overlapping = item["surface"] in mention.surface or mention.surface in item["surface"]
    return item["line"] == number and item["values"] == values and overlapping


def act_scores():
    found, wanted = Counter(), Counter()
    for stem, document in gold("acts").items():
        wanted.update((stem, a["line"], a["kind"], a["number"], a["date"]) for a in document["acts"])
        pairs = acts_in_source(source_text(stem), stem=stem, default_year=document["default_year"])
        found.update((stem, s.line_start, c.kind, c.number, c.date) for c, s in pairs)
    return scores(sum((found & wanted).values()), sum(found.values()), sum(wanted.values()))


def figure_scores():
    found, wanted = Counter(), Counter()
    for stem, document in gold("figures").items():
        wanted.update((stem, f["line"], f["indicator"], f["value"], *f["period"]) for f in document["figures"])
        observations = figures_in_source(source_text(stem), stem=stem, default_year=document["default_year"])
        found.update((stem, o.line_start, o.indicator, o.value, o.period.start.isoformat(),
                      o.period.end.isoformat()) for o in observations)
    return scores(sum((found & wanted).values()), sum(found.values()), sum(wanted.values()))


@pytest.mark.parametrize("kind, measure", [("dates", date_scores), ("acts", act_scores),
                                           ("figures", figure_scores)])
def test_precision_and_recall_stay_above_their_floors(kind, measure):
    precision, recall = measure()
    print(f"{kind}: precision {precision:.3f}, recall {recall:.3f}")
    floor_precision, floor_recall = FLOORS[kind]
    assert precision >= floor_precision and recall >= floor_recall, (kind, precision, recall)


def test_the_gold_set_is_not_empty_and_quotes_real_lines():
    for stem, document in gold("dates").items():
        lines = source_text(stem).split("\n")
        assert len(document["dates"]) >= 20
        for item in document["dates"]:
            assert item["surface"] in lines[item["line"] - 1], item
    assert sum(len(d["acts"]) for d in gold("acts").values()) == 16
    assert sum(len(d["figures"]) for d in gold("figures").values()) == 12


def rewrapped(paragraph):
    """The paragraph with a hard line break every sixty-odd characters, as text taken from a PDF has."""
    lines, line = [], ""
    for word in paragraph.split(" "):
        if line and len(line) + len(word) > 60:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return "\n".join(lines + [line])


@pytest.mark.parametrize("stem, year", [("000_8824f00754a92447", 2020), ("002_e692b092547fc0c1", 2021),
                                        ("003_b3a56393352a5cda", 2015)])
def test_hard_line_breaks_change_nothing(stem, year):
    from atkg.graph.extract.acts import find_act_citations
    from atkg.graph.extract.figures import paragraphs
    from atkg.graph.extract.numbers import find_counts

    readings = {
        "dates": lambda text: [m.dates for m in find_dates(text, default_year=year)],
        "acts": lambda text: [(c.kind, c.number, c.date, c.title, c.approves, c.amends)
                              for c in find_act_citations(text, default_year=year)],
        "counts": lambda text: [(c.value, c.noun, c.qualifier) for c in find_counts(text)]}
    checked = 0
    for _, _, paragraph in paragraphs(source_text(stem)):
        for kind, read in readings.items():
            assert read(rewrapped(paragraph)) == read(paragraph), (kind, paragraph[:80])
            checked += 1
    assert checked > 30
