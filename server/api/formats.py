"""The formats of a saved query's answer: SPARQL JSON results, CSV, or a plain HTML table.

`format=json|csv|html` in the address wins over the Accept header, so a link can name its format.
"""

import pyoxigraph as ox
from markupsafe import escape

from atkg.server.engine import results
from atkg.server.sparql.protocol import ProtocolError

# Media type -> (format name, Content-Type sent back), the endpoint's JSON and CSV plus an HTML table.
# The first is the default.
OFFERS = {
    **{media: results.TABULAR[media] for media in ("application/sparql-results+json", "application/json", "text/csv")},
    "text/html": ("html", "text/html; charset=utf-8"),
    "application/xhtml+xml": ("html", "text/html; charset=utf-8"),
}
BY_NAME = {"json": OFFERS["application/json"], "csv": OFFERS["text/csv"], "html": OFFERS["text/html"]}


def choose_format(format_name, accept):
    """(format, content type) from `format=` or else the Accept header; ProtocolError 400 or 406."""
    if format_name:
        if format_name not in BY_NAME:
            raise ProtocolError(400, f"format must be one of json, csv or html; got {format_name!r}.")
        return BY_NAME[format_name]
    chosen = results.negotiate(accept, OFFERS)
    if chosen is None:
        raise ProtocolError(406, f"Saved queries answer in SPARQL JSON results, CSV or HTML, not in the formats "
                                 f"asked for ({accept}).")
    return chosen


def write_answer(answer, fmt, *, title):
    """The body of `answer` (a SavedAnswer) in format json, csv or html."""
    if fmt == "json":
        return answer.json_body
    if fmt == "csv":
        return ox.parse_query_results(answer.json_body, format=ox.QueryResultsFormat.JSON).serialize(
            format=ox.QueryResultsFormat.CSV)
    return html_table(answer.names, answer.rows, title=title).encode("utf-8")


def html_table(names, rows, *, title):
    """A plain HTML page with one table: a header row of column names, then one row per result."""
    head = "".join(f"<th>{escape(name)}</th>" for name in names)
    body = "\n".join("<tr>" + "".join(f"<td>{_cell(term)}</td>" for term in row) + "</tr>" for row in rows)
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title></head>\n'
            f"<body><h1>{escape(title)}</h1>\n<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n"
            f"</tbody>\n</table>\n<p>{len(rows)} rows</p></body></html>\n")


def _cell(term):
    """One cell: an IRI as a link, a literal as its text, nothing when unbound."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return f'<a href="{escape(term.value)}">{escape(term.value)}</a>'
    return str(escape(term.value))
