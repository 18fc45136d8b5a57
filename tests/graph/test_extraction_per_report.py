"""Precision and recall per kind and per report against tests/graph/gold/ (quality.py says how each kind
is scored). The 2022 report's gold was made by reading it before the extractors were changed for it, so
its rows measure how the rules carry to a report they were not written against. The older programme's
report (003) has gold for its events, read after its rules were written.

Each row has a floor: what was measured when it was last raised (bench/RESULTS.md keeps the table and the
command). A change that loses a fact fails here; a change that gains one should raise its floor. The
target is 0.95 for every kind on every report; the rows below it are what is left to do.
Run with -s to print the table.
"""

import pytest

from tests.graph import quality

# (kind, report): (precision, recall) floors, measured 2026-12-08.
FLOORS = {
    ("events", "003"): (1.0, 40 / 46), ("event places", "003"): (15 / 18, 15 / 25),
}
ROWS = [(kind, stem) for kind in quality.KINDS for stem in quality.stems(quality.gold_file(kind))]


def test_every_report_with_gold_is_measured_for_every_kind():
    assert {stem[:3] for _, stem in ROWS} == {"000", "001", "002", "003"}
    # The older programme's report (003) has gold for its events (with their places and modes) only.
    assert len(ROWS) == 3 * len(quality.KINDS) + 3
    assert {kind for kind, stem in ROWS if stem.startswith("003")} == {"events", "event places", "event modes"}


@pytest.mark.parametrize("kind, stem", ROWS, ids=[f"{kind}-{stem[:3]}" for kind, stem in ROWS])
def test_precision_and_recall_stay_at_or_above_their_floors(kind, stem):
    precision, recall, found, wanted, matched = quality.MEASURES[kind](stem)
    print(f"{kind:14} {stem[:3]}  precision {_show(precision)}  recall {_show(recall)}  "
          f"({matched} of {wanted} wanted, {found} found)")
    if wanted == 0:
        assert found == 0, "found something where the gold holds nothing"
        return
    floor_precision, floor_recall = FLOORS.get((kind, stem[:3]), (1.0, 1.0))
    assert recall >= floor_recall - 1e-9, (kind, stem, recall)
    assert precision >= floor_precision - 1e-9, (kind, stem, precision)


def _show(value):
    return "  –  " if value is None else f"{value:.3f}"
