"""Precision and recall of the extractors against the gold sets of tests/graph/gold/, per kind and per
report, read the way the build reads each report (redacted, then parsed into entries).

Every kind is scored as a multiset of keys, so a fact stated twice must be found twice:
- dates: (surface, values); a found mention matches a gold one with the same values whose surface holds
  it or is held by it;
- acts: (kind, number, date);
- figures: (indicator, value, period); a figure whose concept the extractor made itself (marked for
  review) counts as "new", the gold's mark for a count the code list lacks;
- event places and modes: (measure, kind, span, "city" or "country", value) and (measure, kind, span,
  mode) of the events whose city, country or mode the gold or the extractor states;
- events: (measure, kind, span): the span from the first date's first day to the last date's last day, as
  the graph stores it (empty when the text gives no date); the older programme's report (003) is read row
  by row, each row an entry, as the build reads it;
- referrals: (measure, date, how many);
- organisations: (organisation, measure): an NGO, public union, international partner or council
  named under a measure.
"""

import re
from collections import Counter
from functools import cache
from importlib.resources import files
from pathlib import Path

import yaml

from atkg.graph.agencies import find_mentions, load_registry
from atkg.graph.extract.acts_rdf import acts_in_source
from atkg.graph.extract.dates import find_dates
from atkg.graph.extract.events import find_events
from atkg.graph.extract.figures import figures_in_source
from atkg.graph.extract.privacy import redact
from atkg.graph.extract.referrals import find_referrals
from atkg.graph.report_pipeline import programme_entries
from atkg.graph.reports import parse_programme, parse_report
from atkg.graph.sources import recognise
from atkg.graph.reports.units import units

GOLD = Path(__file__).parent / "gold"
KINDS = ("dates", "acts", "figures", "events", "event places", "event modes", "referrals", "organisations")
# The gold names places in English; the extractor gives a city as written and a country's registry key.
_CITIES = {"Baku": "Bakı", "Vienna": "Vyana", "Tbilisi": "Tbilisi", "Geneva": "Cenevrə", "Minsk": "Minsk",
           "Astana": "Astana", "Prague": "Praqa", "Moscow": "Moskva", "Kyiv": "Kiyev"}
_COUNTRIES = {"Azerbaijan": "az", "Austria": "at", "North Macedonia": "mk", "Uzbekistan": "uz", "United States": "us",
              "China": "cn", "Turkey": "tr", "Russia": "ru", "Georgia": "ge", "Switzerland": "ch", "Netherlands": "nl",
              "Hungary": "hu", "Belarus": "by", "Kazakhstan": "kz", "Czechia": "cz", "Ukraine": "ua"}
_HYPHEN_BREAK = re.compile(r"(?<=\w)-\s+(?=\w)")


@cache
def gold(kind):
    """{stem: document} of one gold file."""
    return yaml.safe_load((GOLD / f"{kind}.yaml").read_text(encoding="utf-8"))["documents"]


def stems(kind):
    """The reports the gold of `kind` covers."""
    return sorted(gold(kind))


@cache
def reading(stem):
    """(redacted text, parsed report, year) of a source, as the build reads it."""
    text = redact((files("atkg.graph") / "sources" / f"{stem}.txt").read_text(encoding="utf-8")).text
    report = parse_report(text, stem=stem)
    year = report.year or gold("dates")[stem]["default_year"]
    return text, report, year


@cache
def runs(stem):
    """The report's paragraphs as its reader re-joined them, which acts and figures are read in."""
    return [(unit.line_start, unit.line_end, unit.text) for unit in units(reading(stem)[0], stem=stem)]


def normal(text):
    """Text with white space made single spaces and a break after a number's hyphen removed."""
    return _HYPHEN_BREAK.sub("-", " ".join(text.split()))


def score(found, wanted):
    """(precision, recall, found, wanted, matched) of two Counters of keys; None when nothing was found."""
    matched = sum((found & wanted).values())
    total_found, total_wanted = sum(found.values()), sum(wanted.values())
    precision = matched / total_found if total_found else None
    recall = matched / total_wanted if total_wanted else None
    return precision, recall, total_found, total_wanted, matched


def dates(stem):
    _, report, year = reading(stem)
    texts = [report.title or ""] + [p.text for e in report.entries for p in e.paragraphs]
    found = [(normal(m.surface), _values(m.dates)) for t in texts for m in find_dates(t, default_year=year)]
    wanted = [(normal(d["surface"]), tuple(map(tuple, d["values"]))) for d in gold("dates")[stem]["dates"]]
    matched, unused = 0, list(found)
    for surface, values in wanted:
        hit = next((f for f in unused if f[1] == values and (f[0] in surface or surface in f[0])), None)
        if hit:
            unused.remove(hit)
            matched += 1
    return (matched / len(found) if found else None, matched / len(wanted) if wanted else None,
            len(found), len(wanted), matched)


def _values(values):
    return tuple((v.start.isoformat(), v.end.isoformat(), v.precision) for v in values)


def acts(stem):
    text, _, year = reading(stem)
    cited = acts_in_source(text, stem=stem, default_year=year, runs=runs(stem))
    found = Counter((c.kind, c.number, c.date) for c, _ in cited)
    wanted = Counter((a["kind"], a["number"], a["date"]) for a in gold("acts")[stem]["acts"])
    return score(found, wanted)


def figures(stem):
    text, _, year = reading(stem)
    found = Counter((_indicator(o), o.value, o.period.start.isoformat(), o.period.end.isoformat())
                    for o in figures_in_source(text, stem=stem, default_year=year, runs=runs(stem)))
    wanted = Counter((f["indicator"], f["value"], *f["period"]) for f in gold("figures")[stem]["figures"])
    return score(found, wanted)


def _indicator(observation):
    return "new" if getattr(observation, "proposed", False) else observation.indicator


def events(stem):
    found = Counter((code, f.kind, _span(f.dates)) for code, f in _found_events(stem))
    wanted = Counter((e["measure"], e["kind"], tuple(map(tuple, e["dates"]))) for e in gold("events")[stem]["events"])
    return score(found, wanted)


@cache
def _registry():
    return load_registry()


@cache
def _found_events(stem):
    entries, year = _entries(stem)
    return [(e.code, f) for e in entries for f in find_events(e, report_year=year, registry=_registry())]


def _entries(stem):
    """(entries, year) of a report as the build reads it: a yearly report's entries, or the older programme's
    rows read as entries (graph/report_pipeline.py)."""
    text = redact((files("atkg.graph") / "sources" / f"{stem}.txt").read_text(encoding="utf-8")).text
    if recognise(text, name=stem) == "programme-report":
        return programme_entries(parse_programme(text, stem=stem))
    _, report, year = reading(stem)
    return report.entries, year


def event_places(stem):
    found = Counter()
    for code, f in _found_events(stem):
        key = (code, f.kind, _span(f.dates))
        found.update([(*key, "city", f.city)] if f.city else [])
        found.update([(*key, "country", f.country)] if f.country else [])
    wanted = Counter()
    for e in gold("events")[stem]["events"]:
        key, place = (e["measure"], e["kind"], tuple(map(tuple, e["dates"]))), e.get("place") or {}
        wanted.update([(*key, "city", _CITIES[place["city"]])] if place.get("city") else [])
        wanted.update([(*key, "country", _COUNTRIES[place["country"]])] if place.get("country") else [])
    return score(found, wanted)


def event_modes(stem):
    found = Counter((code, f.kind, _span(f.dates), f.mode) for code, f in _found_events(stem) if f.mode)
    wanted = Counter((e["measure"], e["kind"], tuple(map(tuple, e["dates"])), e["mode"])
                     for e in gold("events")[stem]["events"] if e.get("mode"))
    return score(found, wanted)


def _span(values):
    return ((values[0].start.isoformat(), values[-1].end.isoformat()),) if values else ()


def referrals(stem):
    _, report, year = reading(stem)
    found = Counter((e.code, r.date, r.count) for e in report.entries
                    for r in find_referrals(e, report_year=year, registry=_registry()))
    wanted = Counter((r["measure"], r["date"], r["count"]) for r in gold("referrals")[stem]["referrals"])
    return score(found, wanted)


def organisations(stem):
    _, report, _ = reading(stem)
    registry = _registry()
    found = Counter({(m.key, e.code) for e in report.entries
                     for m in find_mentions(e.text, registry=registry) if _is_organisation(registry[m.key])})
    wanted = Counter((_gold_key(o, registry), d["measure"]) for o in gold("organisations")[stem]["organisations"]
                     for d in o["did"])
    return score(found, wanted)


def _is_organisation(body):
    return body.group == "partner" or body.kind == "ngo" or body.key in ("dmx-public-council", "dmx-advisory-council")


def _gold_key(organisation, registry):
    """The curated key of a gold organisation: its key, or the body whose Azerbaijani name it gives."""
    if "key" in organisation:
        return organisation["key"]
    wanted = _plain(organisation["name"])
    for body in registry:
        if any(_plain(name) == wanted for name in body.names_az):
            return body.key
    return organisation["name"]


def _plain(name):
    return " ".join(re.sub(r"[\"“”«»]", "", name).lower().split())


_GOLD_FILE = {"event places": "events", "event modes": "events"}
MEASURES = {"dates": dates, "acts": acts, "figures": figures, "events": events, "event places": event_places,
            "event modes": event_modes, "referrals": referrals, "organisations": organisations}


def table():
    """The rows (kind, stem, precision, recall, found, wanted, matched) for every kind and report."""
    return [(kind, stem, *MEASURES[kind](stem)) for kind in KINDS for stem in stems(gold_file(kind))]


def gold_file(kind):
    """The gold file a kind is scored against."""
    return _GOLD_FILE.get(kind, kind)
