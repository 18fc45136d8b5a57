"""Text reuse (graph/text_reuse.py): each entry of the State Migration Service's 2021 report compared with its
measure's entry in the 2020 report, by word trigram coverage, sentence by sentence, with provenance."""

from decimal import Decimal

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, XSD

from atkg.graph.text import sentence_spans
from atkg.graph.text_reuse import text_reuse_graph
from atkg.ontology import ATKG

BASE = "https://w3id.org/atkg/"
REUSE = BASE + "graph/derived/text-reuse"
DMX_2020, DMX_2021 = BASE + "report/dmx-2020", BASE + "report/dmx-2021"
REPORT_2020 = BASE + "source/000_8824f00754a92447"
SHARES = f"""SELECT ?entry ?previous ?share WHERE {{ GRAPH <{REUSE}> {{
  ?entry atkg:repeatedShare ?share ; atkg:previousEntry ?previous }} }} ORDER BY ?entry"""
SENTENCES = f"""SELECT ?number ?share ?new ?text ?repeats WHERE {{ GRAPH <{REUSE}> {{
  <{{entry}}> atkg:hasSentence ?sentence .
  ?sentence atkg:sentenceNumber ?number ; atkg:repeatedShare ?share ; atkg:newSinceLastYear ?new ;
    atkg:sentenceText ?text .
  OPTIONAL {{ ?sentence atkg:repeatsQuote ?repeats }} }} }} ORDER BY ?number"""


def _sentences(select, entry):
    return select(SENTENCES.replace("{entry}", entry))


def _year_before(entry):
    """The same measure's entry in the same agency's report of the year before."""
    report, code = entry.rsplit("/entry/", 1)
    agency, year = report.rsplit("-", 1)
    return f"{agency}-{int(year) - 1}/entry/{code}"


def test_the_22_entries_of_2021_are_compared_each_with_its_measures_entry_of_the_year_before(select):
    rows = select(SHARES)
    assert len([entry for entry, _, _ in rows if entry.startswith(DMX_2021 + "/entry/")]) == 22
    assert [(entry, previous) for entry, previous, _ in rows if previous != _year_before(entry)] == []


def test_2020_and_the_older_programme_have_nothing_to_compare_with_so_no_share(select):
    shared = {entry for entry, _, _ in select(SHARES)}
    entries = {entry for (entry,) in select("SELECT DISTINCT ?entry WHERE { ?entry a atkg:ReportEntry }")}
    first = {entry for entry in entries if not entry.startswith((DMX_2021, BASE + "report/dmx-2022"))}
    assert len(first) == 22 + 8  # 2020, the older programme's table
    assert first & shared == set()
    assert {entry for entry in entries if entry.startswith(DMX_2021)} <= shared


def _shares_of_2021(select):
    return {entry.rsplit("/", 1)[1]: Decimal(share) for entry, _, share in select(SHARES)
            if entry.startswith(DMX_2021 + "/")}


def test_an_entry_copied_but_for_the_year_repeats_99_percent_and_has_no_new_sentence(select):
    shares = _shares_of_2021(select)
    assert shares["4.5.8"] == Decimal("0.99")
    sentences = _sentences(select, DMX_2021 + "/entry/4.5.8")
    assert [(number, new) for number, _, new, _, _ in sentences] == [("1", "false"), ("2", "false")]
    # "2020-ci il ərzində" became "2021-ci il ərzində": the runs through the year's two words are all that is new.
    assert Decimal(sentences[0][1]) < 1 and sentences[1][1] == "1"


def test_entries_repeated_word_for_word_and_entries_all_new(select):
    shares = _shares_of_2021(select)
    assert sorted(code for code, share in shares.items() if share == 1) == ["4.4.8", "4.7.3", "4.8.4"]
    assert sorted(code for code, share in shares.items() if share == 0) == ["4.2.10", "4.3.3", "4.8.1"]


def test_the_new_sentence_of_4_3_5_is_the_wage_paid_in_2021(select):
    sentences = _sentences(select, DMX_2021 + "/entry/4.3.5")
    assert [(number, share, new) for number, share, new, _, _ in sentences] == [
        ("1", "1", "false"), ("2", "0.955", "false"), ("3", "0", "true")]
    assert sentences[2][3].startswith("2021-ci ildə 3 halda 6 nəfər Əfqanıstan İslam Respublikası")
    assert sentences[2][4] is None
    # The repeated sentences name the paragraph of the 2020 entry they repeat.
    assert sentences[0][4] == sentences[1][4] and sentences[0][4].startswith(REPORT_2020 + "/quote/L45-47-")


def test_every_sentence_stands_in_the_quote_it_is_derived_from_which_is_its_entrys(select):
    rows = select(f"""SELECT ?entry ?text ?quoted WHERE {{
      GRAPH <{REUSE}> {{ ?entry atkg:hasSentence ?sentence . ?sentence atkg:sentenceText ?text ;
        prov:wasDerivedFrom ?quote }}
      ?entry prov:wasDerivedFrom ?quote . ?quote atkg:quotedText ?quoted }}""")
    assert len(rows) == len(select(f"SELECT ?s WHERE {{ GRAPH <{REUSE}> {{ ?s a atkg:EntrySentence }} }}")) > 70
    assert [(entry, text) for entry, text, quoted in rows if text not in quoted] == []


def test_a_repeated_quote_is_one_of_the_previous_entrys(select):
    rows = select(f"""SELECT ?quote ?source WHERE {{ GRAPH <{REUSE}> {{ ?entry atkg:hasSentence ?sentence ;
        atkg:previousEntry ?previous . ?sentence atkg:repeatsQuote ?quote }}
      FILTER NOT EXISTS {{ ?previous prov:wasDerivedFrom ?quote }} }}""")
    assert rows == []


def test_sentences_split_at_full_stops_and_semicolons_not_after_an_initial_nor_inside_a_date():
    text = "04.11.2021-ci il tarixdə A. Məmmədov iştirak etmişdir; toplantı keçirilmişdir. Sonra?"
    assert [text[first:last] for first, last in sentence_spans(text)] == [
        "04.11.2021-ci il tarixdə A. Məmmədov iştirak etmişdir;", "toplantı keçirilmişdir.", "Sonra?"]


# Small graphs, written for these tests, for what the real reports do not show.
EX = "http://example.org/"


def _report(graph, name, *, agency, year, entries):
    """A report with one entry per (measure, paragraphs), each paragraph quoted on its own line."""
    report = URIRef(EX + name)
    graph.add((report, RDF.type, ATKG.Report))
    graph.add((report, ATKG.reportingAgency, URIRef(EX + agency)))
    graph.add((report, ATKG.reportsOn, URIRef(EX + "plan")))
    graph.add((report, ATKG.reportYear, Literal(str(year), datatype=XSD.gYear)))
    for measure, paragraphs in entries.items():
        entry = URIRef(f"{report}/entry/{measure}")
        graph.add((entry, ATKG.inReport, report))
        graph.add((entry, ATKG.aboutMeasure, URIRef(EX + measure)))
        graph.add((entry, ATKG.entryText, Literal("\n\n".join(paragraphs), lang="az")))
        for line, paragraph in enumerate(paragraphs, start=1):
            quote = URIRef(f"{entry}/quote/{line}")
            graph.add((quote, RDF.type, ATKG.SourceQuote))
            graph.add((quote, ATKG.quotedText, Literal(paragraph, lang="az")))
            graph.add((quote, ATKG.lineStart, Literal(line, datatype=XSD.positiveInteger)))
            graph.add((entry, PROV.wasDerivedFrom, quote))
    return graph


def _shares(graph):
    return {str(entry).removeprefix(EX): str(share) for entry, share in graph.subject_objects(ATKG.repeatedShare)
            if (entry, ATKG.hasSentence, None) in graph}


OLD = "Təlim keçirilmişdir. Broşür paylanmışdır."


def test_only_the_same_agencys_report_on_the_year_right_before_is_compared():
    graphs = [_report(Graph(), "a-2020", agency="a", year=2020, entries={"m": [OLD]}),
              _report(Graph(), "b-2021", agency="b", year=2021, entries={"m": [OLD]}),
              _report(Graph(), "a-2022", agency="a", year=2022, entries={"m": [OLD]}),
              _report(Graph(), "a-2023", agency="a", year=2023, entries={"m": [OLD], "n": [OLD]})]
    assert _shares(text_reuse_graph(graphs)) == {"a-2023/entry/m": "1"}


def test_a_sentence_of_two_words_repeats_only_as_a_whole_sentence():
    graphs = [_report(Graph(), "a-2020", agency="a", year=2020, entries={"m": [OLD]}),
              _report(Graph(), "a-2021", agency="a", year=2021,
                      entries={"m": ["Broşür paylanmışdır. Təlim keçirilmişdir dəfələrlə."]})]
    graph = text_reuse_graph(graphs)
    new = {int(graph.value(node, ATKG.sentenceNumber)): graph.value(node, ATKG.newSinceLastYear).toPython()
           for node in graph.subjects(RDF.type, ATKG.EntrySentence)}
    # "Təlim keçirilmişdir" stood alone in 2020; within a longer sentence it is no whole run of three.
    assert new == {1: False, 2: True}
    assert _shares(graph) == {"a-2021/entry/m": "0.4"}


def test_half_the_words_repeated_is_not_new_and_less_is():
    old = "Xidmət əməkdaşları beynəlxalq təlimdə iştirak etmişdir."
    graphs = [_report(Graph(), "a-2020", agency="a", year=2020, entries={"m": [old]}),
              _report(Graph(), "a-2021", agency="a", year=2021, entries={"m": [
                  "Xidmət əməkdaşları beynəlxalq seminarda çıxış etdilər.",
                  "Xidmət əməkdaşları beynəlxalq konfransda məruzə ilə çıxış etmişdir."]})]
    graph = text_reuse_graph(graphs)
    rows = sorted((int(graph.value(node, ATKG.sentenceNumber)), str(graph.value(node, ATKG.repeatedShare)),
                   graph.value(node, ATKG.newSinceLastYear).toPython())
                  for node in graph.subjects(RDF.type, ATKG.EntrySentence))
    assert rows == [(1, "0.5", False), (2, "0.375", True)]
    assert _shares(graph) == {"a-2021/entry/m": "0.429"}
