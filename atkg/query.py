"""The work of `atkg query`: read a query file (a saved query's parameters bound as the API binds them), ask
the local store or any endpoint, and print the answer.

On the local store the default graph is the union of the named graphs, as on the endpoint (`atkg serve`),
so a saved query answers the same in both places.
"""

import dataclasses
import json
from pathlib import Path

import pyoxigraph as ox
from SPARQLWrapper import CSV, JSON, TSV, TURTLE, SPARQLWrapper

from atkg.graph.remote import RemoteStore
from atkg.graph.store import open_store
from atkg.queries import BoundQuery, Parameter, check_resources, prepare
from atkg.queries.model import query_variables, read_query
from atkg.server.engine import results

TABULAR = {"json": ox.QueryResultsFormat.JSON, "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV,
           "table": ox.QueryResultsFormat.JSON}
# How --param writes a value of each parameter type.
VALUE_FORMS = {"iri": "IRI", "integer": "NUMBER", "date": "YYYY-MM-DD", "string": "TEXT"}


def query_file(path):
    """The query in the .rq file at `path` with its parameters: those its #+ header declares and, as grlc reads
    a file, every BASIL variable (?_name_type, ?__name_type) of its text the header does not declare."""
    query = read_query(Path(path))
    declared = {parameter.name for parameter in query.parameters}
    undeclared = tuple(Parameter(name=name, type=kind, required=required,
                                 description=f"the value of ?{'_' if required else '__'}{name}_{kind} in the query")
                       for name, (kind, required) in sorted(query_variables(query.text).items())
                       if name not in declared)
    return dataclasses.replace(query, parameters=query.parameters + undeclared)


def bound_query(query, values):
    """The query's text with `values` ({parameter: text}) checked by type and written in as terms (raises
    ParameterError); a query without parameters is left as written."""
    if not query.parameters and not values:
        return BoundQuery(query.name, query.text, ())
    return prepare(query, values)


def parameters_text(query):
    """The query's parameters, one line each, written as `atkg query` takes them."""
    if not query.parameters:
        return f"{query.name} takes no parameters."
    lines = [f"{query.name} takes:"]
    for parameter in query.parameters:
        need = "required" if parameter.required else "optional"
        lines.append(f"  --param {parameter.name}={VALUE_FORMS[parameter.type]}  ({need}) {parameter.description}")
    return "\n".join(lines)


def run_local(bound, store_path, output_format):
    """Run a bound query on the store at `store_path`, over the union of its named graphs, its IRI values
    checked against the graph first; return the printed answer."""
    if not Path(store_path).exists():
        raise FileNotFoundError(f"there is no graph at {store_path}: run `atkg build` first")
    store = open_store(location=store_path, read_only=True)
    check_resources(bound, store)
    outcome = store.query(bound.text, union_default_graph=True)
    if isinstance(outcome, ox.QueryBoolean):
        return _finish(outcome.serialize(format=ox.QueryResultsFormat.JSON), output_format)
    if isinstance(outcome, ox.QuerySolutions):
        return _finish(outcome.serialize(format=TABULAR[output_format]), output_format)
    return results.write_triples(list(outcome), "turtle").decode()


def run_remote(bound, endpoint, output_format):
    """Send a bound query to `endpoint` with SPARQLWrapper, its IRI values checked there first; return the
    printed answer."""
    check_resources(bound, RemoteStore(endpoint))
    client = SPARQLWrapper(endpoint, agent="atkg-query")
    client.setQuery(bound.text)
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
