"""The saved-query gallery: /queries lists them; /queries/NAME has a form for the query's parameters, the
answer as a table, a chart where one says more, and download links (the API's JSON and CSV)."""

from urllib.parse import urlencode

import pyoxigraph as ox
from flask import abort, render_template, request, url_for

from atkg.queries import ParameterError
from atkg.queries.model import QUESTIONS
from atkg.server.api import saved_queries
from atkg.server.api.run import get_runner
from atkg.server.engine.pool import Busy, QueryTimeout, WorkerLost
from atkg.server.engine.service import QueryFailed, get_engine
from atkg.server.pages import label_of, local_url, page_blueprint, short_name
from atkg.server.pages.charts import chart_for_answer
from atkg.server.pages.data import PREFIXES, Term, iri_ref, select
from atkg.server.pages.facts import labels
from atkg.server.pages.i18n import current_language
from atkg.server.pages.tables import Cell, answer_table
from atkg.server.sparql.messages import overload

bp = page_blueprint("gallery", __name__)
MAX_CHOICES = 300


@bp.route("/queries", methods=["GET"])
def index():
    """Every saved query, grouped by the question it answers, with what it answers (in the page's language)
    and its topics."""
    language = current_language()
    groups = {question: [] for question in (*QUESTIONS, "")}
    for query in saved_queries().values():
        groups[query.question].append((query, query.texts_in(language)))
    return render_template("gallery.html", groups=[(question, queries) for question, queries in groups.items()
                                                   if queries])


@bp.route("/queries/<name>", methods=["GET"])
def show(name):
    """One saved query: its form, filled with the example until the visitor runs it with their values."""
    query = saved_queries().get(name)
    if query is None:
        abort(404)
    asked = "run" in request.args
    values = _asked_values(query) if asked else dict(query.example)
    answer, problem = _run(query, values)
    rows = [[_term(cell) for cell in row] for row in answer.rows] if answer else []
    language = current_language()
    names = labels({cell.value for row in rows for cell in row if cell is not None and cell.is_iri})
    charts = chart_for_answer(answer.names, answer.rows, language=language) if rows else []
    texts = query.texts_in(language)
    table = answer_table(answer.names, rows, headers=texts.columns, language=language,
                         show=lambda term: _link(term, names)) if rows else None
    return render_template("saved_query.html", query=query, texts=texts, table=table,
                           values=values, answer=answer, rows=rows,
                           problem=problem, names=names, charts=charts, choices=_choices(query),
                           downloads=_downloads(query, values))


def _link(term, names):
    """An IRI of the answer as a link to its page, named in the page's language."""
    return Cell(kind="link", text=label_of(names.get(term.value, {})) or short_name(term.value),
                href=local_url(term.value), iri=term.value)


def _asked_values(query):
    """The visitor's values for the query's parameters; empty fields are left out."""
    return {p.name: request.args[p.name].strip() for p in query.parameters if request.args.get(p.name, "").strip()}


def _run(query, values):
    """(answer, None) or (None, a sentence saying what went wrong)."""
    try:
        return get_runner().answer(query, values), None
    except ParameterError as error:
        return None, str(error)
    except QueryFailed as error:
        return None, f"The saved query {query.name} could not be carried out: {error}"
    except (QueryTimeout, Busy, WorkerLost) as error:
        return None, overload(error, get_engine().timeout).message


def _term(cell):
    """A pyoxigraph term of the answer as the pages' Term (None stays None: an unbound cell)."""
    if cell is None:
        return None
    if isinstance(cell, ox.NamedNode):
        return Term(kind="uri", value=cell.value)
    if isinstance(cell, ox.Literal):
        return Term(kind="literal", value=cell.value, language=cell.language, datatype=cell.datatype.value)
    return Term(kind="bnode", value=str(cell))


def _choices(query):
    """{parameter name: [(iri, label)]} for IRI parameters whose values must be of a known class."""
    found = {}
    for parameter in query.parameters:
        if parameter.type == "iri" and parameter.value_classes:
            classes = " ".join(iri_ref(iri) for iri in parameter.value_classes)
            rows = select(PREFIXES + f"SELECT DISTINCT ?x WHERE {{ VALUES ?c {{ {classes} }} ?x a ?c "
                          f"FILTER(isIRI(?x)) }} ORDER BY ?x LIMIT {MAX_CHOICES}")
            iris = [row["x"].value for row in rows]
            names = labels(iris)
            language = current_language()
            found[parameter.name] = sorted(((iri, _pick(names.get(iri, {}), language) or iri) for iri in iris),
                                           key=lambda item: item[1].casefold())
    return found


def _pick(names, language):
    return names.get(language) or names.get("en") or names.get("az") or next(iter(names.values()), "")


def _downloads(query, values):
    """Links to the same answer from the API, as JSON and CSV."""
    pairs = sorted(values.items())
    return {fmt: url_for("api.run_query", name=query.name) + "?" + urlencode(pairs + [("format", fmt)])
            for fmt in ("json", "csv")}
