"""Writing a query's answer in the worker with Oxigraph's own serialisers, within the row limit.

Oxigraph writes results several times faster than Python, but it writes all of them. So it writes into a
buffer that refuses to grow past OUTPUT_CAP (None tells the caller to have Oxigraph write only the first
rows instead, with first_rows), and the rows are counted before a body is sent: first as bytes
(most_rows), and read only when the body may hold more than the limit. Where rows must be
counted or cut, Oxigraph writes TSV first (one line per solution, by the format's own escaping), the
lines are cut as bytes, and Oxigraph reads them back and writes the asked format; a JSON body over the
limit is cut as bytes where it can be (_json_cut).
"""

import io
import json
from html import escape
from itertools import islice

import pyoxigraph as ox

from atkg.server.engine import results

TSV = ox.QueryResultsFormat.TSV
RESULT_FORMATS = {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
                  "csv": ox.QueryResultsFormat.CSV, "tsv": TSV}
# The fewest bytes one solution takes in each format, separators included: {}, / <result/> / CRLF / LF.
SMALLEST_ROW = {"json": 3, "xml": 9, "csv": 2, "tsv": 1}
OUTPUT_CAP = 32 * 1024 * 1024


class _OverCap(Exception):
    """Raised inside Oxigraph's writer to stop it: the answer is larger than OUTPUT_CAP."""


class _Enough(Exception):
    """Raised inside Oxigraph's writer to stop it: the buffer holds the lines asked for."""


class _CappedBuffer(io.RawIOBase):
    """A write-only bytes buffer that stops the writer once it holds more than `cap` bytes."""

    def __init__(self, cap):
        super().__init__()
        self.parts, self.size, self.cap = [], 0, cap

    def writable(self):
        """Always: this is an output."""
        return True

    def write(self, chunk):
        """Keep `chunk`, or raise _OverCap when it would pass the cap."""
        self.size += len(chunk)
        if self.size > self.cap:
            raise _OverCap()
        self.parts.append(bytes(chunk))
        return len(chunk)


class _LineBuffer(_CappedBuffer):
    """A write-only bytes buffer that stops the writer once it holds `lines` line breaks, whatever its size."""

    def __init__(self, lines):
        super().__init__(None)
        self.lines = lines

    def write(self, chunk):
        """Keep `chunk`, or raise _Enough once the lines asked for are held."""
        if self.lines <= 0:
            raise _Enough()
        self.parts.append(bytes(chunk))
        self.lines -= chunk.count(b"\n")
        return len(chunk)


def native(outcome, fmt):
    """`outcome` (solutions or triples) written by Oxigraph in `fmt`, or None when past OUTPUT_CAP."""
    buffer = _CappedBuffer(OUTPUT_CAP)
    try:
        if hasattr(outcome, "serialize"):
            outcome.serialize(buffer, format=fmt)
        else:  # triples a remote store's answer was parsed into
            ox.serialize(outcome, buffer, format=fmt)
    except _OverCap:
        return None
    return b"".join(buffer.parts)


def solutions(outcome, fmt, limit):
    """(body, truncated) of SELECT results in `fmt`, at most `limit` rows; None when past OUTPUT_CAP."""
    if fmt not in ("json", "xml"):
        return _through_tsv(outcome, fmt, limit)
    body = native(outcome, RESULT_FORMATS[fmt])
    if body is None:
        return None
    if most_rows(body, fmt) <= limit:
        return body, False
    cut = _json_cut(body, limit) if fmt == "json" else None
    if cut is not None:
        return cut, True
    table = ox.parse_query_results(body, format=RESULT_FORMATS[fmt]).serialize(format=TSV)
    header, rows = _lines(table)
    if len(rows) <= limit:
        return body, False
    return _written(header, rows[:limit], fmt), True


def most_rows(body, fmt):
    """The most solutions Oxigraph's JSON or XML `body` can hold, found without reading it.

    XML: exactly its <result> elements (a "<" in a value is escaped). JSON: one more than its "},{", which
    outside strings only ever stands between two solutions (terms of a solution are followed by ',"'); a
    value holding that text only makes the count larger. Either way, never more than the bytes allow.
    """
    by_size = len(body) // SMALLEST_ROW[fmt]
    if fmt == "xml":
        return min(by_size, body.count(b"<result>"))
    return min(by_size, body.count(b"},{") + 1)


def _json_cut(body, limit):
    """The first `limit` solutions of Oxigraph's JSON `body`, more of which follow, cut as bytes; or None.

    The body is cut at its `limit`-th "},{" and closed again. Where a value holds "},{", that cut falls in
    a string (the body no longer parses) or after fewer solutions, so it is kept only when Oxigraph reads
    back exactly `limit` solutions; reading is a third of the cost of writing the answer again through TSV.
    """
    rest = body.split(b"},{", limit)[-1]
    end = len(body) - len(rest) - 2  # just after the "}" that closes the limit-th solution
    if not body.endswith(b"]}}") or end <= 0:
        return None
    cut = body[:end] + b"]}}"
    try:
        kept = sum(1 for _ in ox.parse_query_results(cut, format=RESULT_FORMATS["json"]))
    except SyntaxError:
        return None
    return cut if kept == limit else None


def _through_tsv(outcome, fmt, limit):
    table = native(outcome, TSV)
    if table is None:
        return None
    if fmt == "tsv" and table.count(b"\n") <= limit + 1:
        return table, False
    return _from_table(table, fmt, limit)


def _from_table(table, fmt, limit):
    """(body, truncated) in `fmt` of the TSV `table`'s first `limit` solutions."""
    header, rows = _lines(table)
    truncated = len(rows) > limit
    return _written(header, rows[:limit], fmt), truncated


def _lines(table):
    """(header, solution lines) of TSV results: TSV escapes line breaks in terms, so a line is a solution."""
    header, *rows = table.split(b"\n")[:-1]
    return header, rows


def _written(header, rows, fmt):
    """TSV lines written in `fmt` by Oxigraph."""
    return ox.parse_query_results(b"\n".join([header, *rows, b""]), format=TSV).serialize(format=RESULT_FORMATS[fmt])


def triples(outcome, fmt, limit):
    """(body, truncated) of CONSTRUCT / DESCRIBE results in `fmt`, at most `limit` triples; None past the cap."""
    lines = native(outcome, ox.RdfFormat.N_TRIPLES)  # one triple a line
    if lines is None:
        return None
    count = lines.count(b"\n")
    if count <= limit and fmt == "ntriples":
        return lines, False
    parsed = islice(ox.parse(lines, format=ox.RdfFormat.N_TRIPLES), limit)
    return ox.serialize(parsed, format=results.RDF_FORMATS[fmt]) or b"", count > limit


def first_rows(outcome, fmt, limit):
    """(body, truncated) of at most `limit` results, for answers past OUTPUT_CAP: Oxigraph writes TSV only
    until one solution past the limit (or triples are read one by one up to it), then the asked format."""
    if not isinstance(outcome, ox.QuerySolutions):
        rows = list(islice(outcome, limit + 1))
        return results.write_triples(rows[:limit], fmt), len(rows) > limit
    buffer = _LineBuffer(limit + 2)  # the header, `limit` solutions and one more to tell a cut answer
    try:
        outcome.serialize(buffer, format=TSV)
    except _Enough:
        pass
    return _from_table(b"".join(buffer.parts), fmt, limit)


def with_link(body, fmt, link):
    """`body` (Oxigraph's SPARQL JSON or XML results) with `link` in its head, as the formats allow
    (JSON `head.link`, XML `<link href>` after the variables); other formats have no place for it."""
    if fmt == "json" and body.startswith(b'{"head":{'):
        return b'{"head":{"link":' + json.dumps([link]).encode() + b"," + body[len(b'{"head":{'):]
    if fmt == "xml" and b"</head>" in body:
        before, after = body.split(b"</head>", 1)
        return before + b'<link href="' + escape(link, quote=True).encode() + b'"/></head>' + after
    return body
