"""The work of `atkg query`: ask the local store or any endpoint, and print the answer."""

import json
from pathlib import Path

import pyoxigraph as ox
from SPARQLWrapper import CSV, JSON, TSV, TURTLE, SPARQLWrapper

from atkg.graph.store import open_store
from atkg.server.engine import results

TABULAR = {"json": ox.QueryResultsFormat.JSON, "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV,
           "table": ox.QueryResultsFormat.JSON}


def run_local(text, store_path, output_format):
    """Run `text` on the store at `store_path` and return the printed answer."""
    if not Path(store_path).exists():
        raise FileNotFoundError(f"there is no graph at {store_path}: run `atkg build` first")
    store = open_store(location=store_path, read_only=True)
    outcome = store.query(text)
    if isinstance(outcome, ox.QueryBoolean):
        return _finish(outcome.serialize(format=ox.QueryResultsFormat.JSON), output_format)
    if isinstance(outcome, ox.QuerySolutions):
        return _finish(outcome.serialize(format=TABULAR[output_format]), output_format)
    return results.write_triples(list(outcome), "turtle").decode()


def run_remote(text, endpoint, output_format):
    """Send `text` to `endpoint` with SPARQLWrapper and return the printed answer."""
    client = SPARQLWrapper(endpoint, agent="atkg-query")
    client.setQuery(text)
    if client.queryType in ("CONSTRUCT", "DESCRIBE"):
        client.setReturnFormat(TURTLE)
        return _text(client.query().convert())
    client.setReturnFormat({"csv": CSV, "tsv": TSV}.get(output_format, JSON))
    answer = client.query().convert()
    if output_format in ("csv", "tsv"):
        return _text(answer)
    return _finish(json.dumps(answer).encode(), output_format)


def _text(value):
    return value.decode("utf-8") if isinstance(value, bytes) else str(value)


def _finish(body, output_format):
    if output_format != "table":
        return body.decode("utf-8") + ("" if body.endswith(b"\n") else "\n")
    return table(json.loads(body))


def table(answer):
    """SPARQL JSON results as an aligned text table (or yes / no for ASK)."""
    if "boolean" in answer:
        return ("yes" if answer["boolean"] else "no") + "\n"
    names = answer["head"]["vars"]
    rows = [[row.get(name, {}).get("value", "") for name in names] for row in answer["results"]["bindings"]]
    widths = [max([len(name)] + [len(row[i]) for row in rows]) for i, name in enumerate(names)]
    lines = [" | ".join(name.ljust(width) for name, width in zip(names, widths)).rstrip()]
    lines.append("-+-".join("-" * width for width in widths))
    lines += [" | ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in rows]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(lines) + "\n"
