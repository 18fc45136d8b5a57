"""/check: paste or upload a yearly report and see its verdict (coverage table, problems with their source
lines, summary) in the context of the plan and the graph. Nothing is stored: the report's triples are
checked in a copy of the graph read through the engine, and the store is never written.

Bounded: a report larger than MAX_REPORT_BYTES is refused at once (413), a check that finds the one
check slot taken is refused at once (503 with Retry-After) rather than queued behind it, and a check runs in
a process of its own that is killed when it runs longer than CHECK_TIMEOUT seconds (atkg.shapes.deadline):
503 with Retry-After then, as /sparql answers a query stopped at its time limit (a time-out of this
service, not of a server behind it, which 504 would say)."""

import threading

from flask import current_app, render_template, request
from flask_babel import gettext
from rdflib import Graph, URIRef

from atkg.graph import iris
from atkg.graph.agencies import load_registry
from atkg.server.engine.service import get_engine
from atkg.server.pages import label_of, page_blueprint
from atkg.server.pages.data import base_iri, construct, iri_ref
from atkg.server.pages.facts import labels
from atkg.server.pages.i18n import current_language
from atkg.server.sparql.describe import named_graph_iris
from atkg.shapes.context import context_from_graphs
from atkg.shapes.deadline import CheckStopped, CheckTimeout, check_within_limit
from atkg.shapes.render import line_of, status_label
from atkg.shapes.report_source import MAX_REPORT_BYTES, CheckError, ReportTooLarge, decode_report

bp = page_blueprint("check", __name__)
# One check at a time: each takes a core in a process of its own for seconds; another is refused, not queued.
CHECK_LOCK = threading.Lock()
BUSY_RETRY_SECONDS = 5
# The form's fields and boundaries around the report's text: a request larger than the report limit and this
# cannot hold a report within the limit.
FORM_OVERHEAD_BYTES = 16_384


@bp.context_processor
def _limits():
    return {"max_report_bytes": MAX_REPORT_BYTES}


@bp.route("/check", methods=["GET"])
def form():
    """The form: a text area, a file field, and the body and year for reports whose title lacks them."""
    return render_template("check.html", verdict=None, problem=None, form={})


@bp.route("/check", methods=["POST"])
def run():
    """Check the pasted or uploaded report and show the verdict; nothing is kept."""
    if (request.content_length or 0) > MAX_REPORT_BYTES + FORM_OVERHEAD_BYTES:
        return _refused(ReportTooLarge(size=request.content_length, name=gettext("the request")), {}, 413)
    fields = {name: request.form.get(name, "").strip() for name in ("agency", "year")}
    # The pasted text goes back into the form, so a report can be corrected and checked again.
    fields["text"] = request.form.get("text", "")
    if not CHECK_LOCK.acquire(blocking=False):
        problem = gettext("Another report is being checked: try again in a few seconds.")
        return render_template("check.html", verdict=None, problem=problem, form=fields), 503, {
            "Retry-After": str(BUSY_RETRY_SECONDS)}
    try:
        text, stem = _report_text()
        year = int(fields["year"]) if fields["year"].isdigit() else None
        verdict = check_within_limit(text, agency=fields["agency"] or None, year=year, context=check_context(),
                                     stem=stem, timeout=current_app.config["CHECK_TIMEOUT"], keep_graphs=False)
    except ReportTooLarge as error:
        return _refused(error, fields, 413)
    except (CheckTimeout, CheckStopped) as error:
        return _refused(error, fields, 503) + ({"Retry-After": str(BUSY_RETRY_SECONDS)},)
    except CheckError as error:
        return _refused(error, fields, 422)
    finally:
        CHECK_LOCK.release()
    return render_template("check.html", verdict=verdict, problem=None, form=fields, findings=_findings(verdict),
                           agency_name=_agency_name(verdict),
                           status_of=lambda slug: status_label(slug, current_language()))


def _refused(error, fields, status):
    """The form again with the reason the report was not checked."""
    return render_template("check.html", verdict=None, problem=error.message(current_language()), form=fields), status


def _report_text():
    """(text, name) of the uploaded file, else of the text area; CheckError when there is neither."""
    upload = request.files.get("file")
    if upload and upload.filename:
        stem = upload.filename.rsplit("/", 1)[-1].rsplit(".", 1)[0] or "report"
        return decode_report(upload.read(), name=upload.filename), stem
    text = request.form.get("text", "").replace("\r\n", "\n")
    if len(text.encode("utf-8")) > MAX_REPORT_BYTES:
        raise ReportTooLarge(size=len(text.encode("utf-8")), name=gettext("the text"))
    if not text.strip():
        raise CheckError(gettext("The text is empty: paste the report's text or choose its file."))
    return text, "report"


def _agency_name(verdict):
    """The reporting body's name in the page's language, from the graph (the verdict has the Azerbaijani one)."""
    agency = str(iris.body_iri("agency", verdict.agency_key, base=base_iri()))
    return label_of(labels([agency]).get(agency, {})) or verdict.agency_name


def _findings(verdict):
    """[(severity, line, message)] worst first, then by line."""
    outcome, language = verdict.outcome, current_language()
    ranked = [(rank, line_of(verdict, finding) or 0, finding.severity, finding.message(language))
              for rank, group in enumerate((outcome.violations, outcome.warnings, outcome.infos))
              for finding in group]
    return [(severity, line or None, message) for _, line, severity, message in sorted(ranked)]


def check_context():
    """The graph a report is checked against, read once per data version (every graph but those the build works
    out from the others)."""
    engine = get_engine()
    cache = current_app.extensions.setdefault("atkg.check_context", {})
    version = engine.version()
    if version is not None and version in cache:
        return cache[version]
    graphs = {}
    ours = str(iris.graph_iri("", base=base_iri()))  # a remote store may keep graphs of its own (Virtuoso)
    for name in named_graph_iris():
        if name.startswith(ours) and not iris.is_derived(name):
            text = construct(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {iri_ref(name)} {{ ?s ?p ?o }} }}", "ntriples")
            graphs[URIRef(name)] = Graph().parse(data=text.decode("utf-8"), format="nt")
    context = context_from_graphs(graphs, base=base_iri(), registry=load_registry())
    cache.clear()
    if version is not None:
        cache[version] = context
    return context
