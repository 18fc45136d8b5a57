"""Layout does not change the graph: every report in graph/sources (the yearly reports and the report on
the older programme), laid out again as text extracted from a PDF would be, gives the same graph as the
report itself.

The plan (004) is left out: it is not a report but the Order and its measures table as the official
legal-acts database publishes it, read once as it stands; acceptance item 3 of issue 14 is about reports,
which arrive every year in whatever layout their PDF gives.

The copy (made here, in memory; nothing is committed) has no title (its agency and year come from the
source's metadata, as a title-less report's must), no mark-up, hard line breaks at about 90 columns inside
sentences and headings, a page number and a running header at every page break, and "yarım bənd" and
"yarımbənd" swapped. Each copy is read on its own (graph.report_pipeline.report_graphs, as the build reads a
source), without a build.

"The same graph" means: the same triples once (1) the positions of quotes are left out (atkg:lineStart and
atkg:lineEnd, and the line numbers inside a quote's IRI, which then goes by its text), (2) the spelling
"yarım bənd" is read as "yarımbənd" and runs of white space as one space, in literals and in the texts quotes
are named by, and (3) the report's title and its quote are left out, since the copy has none by
construction. Entries, statuses, events, legal acts, figures, organisations, mentions and the quotes
themselves must all come out the same.

The older programme's report (003) is a table with no title. Its copy keeps what table extraction keeps,
the start of each cell (a tab), and otherwise is laid out as the yearly reports' copies are: each cell's
paragraphs hard-wrapped at about 90 columns and followed by a blank line, with page numbers and the
running header between pages.
"""

import hashlib
import re

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV

from atkg.graph.agencies import load_registry
from atkg.graph.plan import parse_plan
from atkg.graph.report_pipeline import report_graphs
from atkg.graph.reports import parse_report
from atkg.graph.reports.units import units
from atkg.graph.sources import read_sources
from atkg.ontology import ATKG

BASE = "https://w3id.org/atkg/"
WIDTH = 90
LINES_PER_PAGE = 44
HEADER = "İnsan alverinə qarşı mübarizəyə dair Milli Fəaliyyət Planının icrası"
_SPELLING = re.compile(r"yarım ?bənd")
_SPACES = re.compile(r"\s+")
DROPPED = {ATKG.lineStart, ATKG.lineEnd}


@pytest.fixture(scope="module")
def reading():
    """What reading a report needs besides its text: the registry and the plan's measure titles."""
    sources = read_sources()
    [plan] = [source for source in sources if source.kind == "plan"]
    titles = {measure.code: measure.title for measure in parse_plan(plan.text, stem=plan.stem).measures}
    reports = [source for source in sources if source.kind in ("yearly-report", "programme-report")]
    assert [(source.stem[:3], source.kind) for source in reports] == [
        ("000", "yearly-report"), ("001", "yearly-report"), ("002", "yearly-report"), ("003", "programme-report")]
    return load_registry(), titles, reports


def as_extracted(text, *, stem):
    """The report as PDF extraction gives it: no title, no mark-up, wrapped, paginated, spelling swapped."""
    found = units(text, stem=stem)
    first = next(index for index, unit in enumerate(found) if unit.heading is not None)
    lines = []
    for unit in found[first:]:
        lines += wrapped(_SPELLING.sub(_swapped, unit.text)) + [""]
    return paginated(lines)


def table_as_extracted(text):
    """The older programme's table as PDF extraction gives it: each cell starting on a line of its own
    with a tab, each paragraph hard-wrapped and followed by a blank line, pages numbered and headed,
    spelling swapped."""
    lines = []
    for raw in text.split("\n"):
        carried, *cells = _SPELLING.sub(_swapped, raw).split("\t")
        lines += wrapped(carried.strip(), width=WIDTH - 1) if carried.strip() else []
        for cell in cells:
            first, *rest = wrapped(cell.strip(), width=WIDTH - 1) if cell.strip() else [""]
            lines += ["\t" + first, *rest]
        lines.append("")
    return paginated(lines)


def _swapped(match):
    return "yarımbənd" if " " in match.group() else "yarım bənd"


def wrapped(paragraph, *, width=WIDTH):
    """Greedy lines of at most `width` characters, broken at spaces; never right after a hyphen, where
    extraction would leave a line ending the reader cannot tell from a word broken at its hyphen."""
    lines, words = [], []
    for word in paragraph.split(" "):
        if words and len(" ".join(words + [word])) > width:
            carried = [words.pop()] if words[-1].endswith("-") and len(words) > 1 else []
            lines.append(" ".join(words))
            words = carried
        words.append(word)
    return lines + [" ".join(words)]


def paginated(lines):
    """The lines with a page break every LINES_PER_PAGE lines: blank, page number, running header, blank."""
    out = []
    for index, line in enumerate(lines):
        if index and index % LINES_PER_PAGE == 0:
            out += ["", str(index // LINES_PER_PAGE + 1), HEADER, ""]
        out.append(line)
    return "\n".join(out) + "\n"


def comparable(graph):
    """The graph's triples as the module docstring says to compare them."""
    quotes = {quote: _name(text) for quote, text in graph.subject_objects(ATKG.quotedText)}
    title_quotes = _title_quotes(graph)
    triples = set()
    for s, p, o in graph:
        if p in DROPPED or s in title_quotes or o in title_quotes or p == DCTERMS.title:
            continue
        triples.add((quotes.get(s, s), p, quotes.get(o, _literal(o))))
    return triples


def _title_quotes(graph):
    """The quotes of the reports' titles."""
    reports = set(graph.subjects(ATKG.reportYear, None))
    return {quote for report in reports for quote in graph.objects(report, PROV.wasDerivedFrom)}


def _name(text):
    return URIRef(f"quote:{hashlib.sha1(_normal(str(text)).encode('utf-8')).hexdigest()}")


def _normal(text):
    return _SPACES.sub(" ", _SPELLING.sub("yarımbənd", text)).strip()


def _literal(term):
    if isinstance(term, Literal) and isinstance(term.value, str):
        return Literal(_normal(str(term)), lang=term.language, datatype=term.datatype)
    return term


def graph_of(source, text, *, reading, **facts):
    registry, titles, _ = reading
    changed = type(source)(kind=source.kind, stem=source.stem, path=source.path, text=text, **facts)
    return report_graphs(changed, base=BASE, registry=registry, plan_titles=titles)


@pytest.mark.parametrize("index", [0, 1, 2], ids=["000", "001", "002"])
def test_a_report_laid_out_as_pdf_extraction_gives_the_same_graph(reading, index):
    source = reading[2][index]
    report = parse_report(source.text, stem=source.stem)
    copy = as_extracted(source.text, stem=source.stem)
    assert "**" not in copy and max(len(line) for line in copy.split("\n")) <= WIDTH
    assert copy.count(HEADER) >= 2 and not copy.lstrip().startswith(report.title or "-")
    original = comparable(graph_of(source, source.text, reading=reading, agency=source.agency, year=source.year))
    laid_out = comparable(graph_of(source, copy, reading=reading, agency="dmx", year=report.year or source.year))
    assert len(original) > 800
    assert sorted(original - laid_out, key=str)[:5] == [] and sorted(laid_out - original, key=str)[:5] == []


def test_the_older_programmes_report_laid_out_as_pdf_extraction_gives_the_same_graph(reading):
    source = reading[2][3]
    copy = table_as_extracted(source.text)
    lines = copy.split("\n")
    assert max(len(line) for line in lines) <= WIDTH and copy.count(HEADER) >= 5
    assert sum(1 for line in lines if line and not line.startswith("\t")) > 2 * source.text.count("\n")
    original = comparable(graph_of(source, source.text, reading=reading))
    laid_out = comparable(graph_of(source, copy, reading=reading))
    assert len(original) > 900
    assert sorted(original - laid_out, key=str)[:5] == [] and sorted(laid_out - original, key=str)[:5] == []
