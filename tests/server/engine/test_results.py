"""Choosing a result format from the Accept header (werkzeug's matching)."""

import pytest

from atkg.server.engine.results import BOOLEAN, GRAPH, TABULAR, negotiate


@pytest.mark.parametrize(("accept", "fmt"), [
    (None, "json"),
    ("", "json"),
    ("*/*", "json"),
    ("text/csv;q=0.5, application/sparql-results+xml;q=0.8", "xml"),
    ("text/csv;charset=utf-8;q=0.9, */*;q=0.1", "csv"),
    ("TEXT/Tab-Separated-Values", "tsv"),
    ("text/csv;q=0.9, text/*;q=0.8, application/sparql-results+json;q=0.2", "csv"),
    ("*/*;q=0.1, application/sparql-results+xml", "xml"),
    ("application/sparql-results+json;q=0, */*", "json"),
    ("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "xml"),
])
def test_accept_with_parameters_and_qualities_picks_the_format(accept, fmt):
    assert negotiate(accept, TABULAR)[0] == fmt


def test_the_content_type_sent_back_is_the_offers():
    assert negotiate("text/csv", TABULAR) == ("csv", "text/csv; charset=utf-8")
    assert negotiate("application/json", BOOLEAN) == ("json", "application/sparql-results+json")
    assert negotiate("text/plain", GRAPH) == ("ntriples", "application/n-triples")


@pytest.mark.parametrize("accept", ["image/png", "text/csv;q=0", "a/b;q=x"])
def test_no_acceptable_format_is_none(accept):
    assert negotiate(accept, BOOLEAN if accept.startswith("text/csv") else TABULAR) is None


def test_graph_formats_by_quality():
    assert negotiate("text/turtle;q=0.5, application/ld+json", GRAPH)[0] == "jsonld"
    assert negotiate("text/*", GRAPH)[0] == "turtle"
    assert negotiate("application/rdf+xml;q=0.9, text/turtle;charset=utf-8", GRAPH)[0] == "turtle"
