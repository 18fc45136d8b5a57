"""Saved SPARQL queries (*.rq, grlc-style headers) and the quality checks the tests run (checks/).

The public interface:
- load_queries() -> {name: SavedQuery}, every queries/*.rq file by its API name;
- bind(query, values, *, store=None) -> {pyoxigraph.Variable: term}, values checked by type;
- prepare(query, values) -> BoundQuery, the values checked by type and written in as terms, ready to
  send to a worker, and run_bound(bound, *, store) -> pyoxigraph QuerySolutions, its IRIs checked against
  the graph first; on the embedded store or a remote one;
- run(query, values, *, store) -> pyoxigraph QuerySolutions, prepare and run_bound in one;
- select(store, text) -> pyoxigraph QuerySolutions, a query without parameters (the checks);
- queries_graph(*, base) -> rdflib.Graph, the queries as SHACL SPARQL executables;
- load_checks() -> {name: query text}, the checks/*-violation.rq files (zero rows means pass).
"""

from pathlib import Path

from atkg.queries import publish
from atkg.queries.binding import BoundQuery, ParameterError, bind, check_resources, prepare
from atkg.queries.execution import select
from atkg.queries.model import Parameter, QueryFileError, SavedQuery, read_query

QUERY_DIR = Path(__file__).parent
CHECK_DIR = QUERY_DIR / "checks"

__all__ = ["CHECK_DIR", "QUERY_DIR", "BoundQuery", "Parameter", "ParameterError", "QueryFileError", "SavedQuery",
           "bind", "check_resources", "load_checks", "load_queries", "prepare", "queries_graph", "run", "run_bound",
           "select"]


def load_queries(folder=QUERY_DIR):
    """Every saved query in `folder`, by name (the file name without .rq), sorted by name."""
    return {path.stem: read_query(path) for path in sorted(Path(folder).glob("*.rq"))}


def load_checks(folder=CHECK_DIR):
    """Every quality-check query in `folder` (*-violation.rq), by name, sorted by name."""
    return {path.stem: path.read_text(encoding="utf-8") for path in sorted(Path(folder).glob("*-violation.rq"))}


def run(query: SavedQuery, values, *, store):
    """Run the saved query with `values` ({name: str}) bound; pyoxigraph QuerySolutions, of query.columns.

    Raises ParameterError before querying when a value is missing, unknown or malformed.
    """
    return run_bound(prepare(query, values), store=store)


def run_bound(bound: BoundQuery, *, store, known=None):
    """Run a prepared query: its IRI values checked against the graph (see check_resources), then the text."""
    check_resources(bound, store, known=known)
    return select(store, bound.text)


def queries_graph(*, base, queries=None):
    """The saved queries (all of them unless given) as sh:SPARQLSelectExecutable resources under `base`."""
    return publish.queries_graph(load_queries() if queries is None else queries, base=base)
