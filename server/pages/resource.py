"""/id/<path>: the page of the resource whose IRI is the base IRI + path. Browsers get HTML (with
schema.org JSON-LD); RDF clients get the resource's statements as Turtle, JSON-LD, N-Triples or RDF/XML."""

from babel.numbers import format_percent
from flask import Response, abort, render_template, request
from flask_babel import gettext

from atkg.server.engine import results
from atkg.server.pages import label_of, page_blueprint
from atkg.server.pages.data import base_iri, construct, iri_ref
from atkg.server.pages.dossier import (agency_dossier, is_agency, is_measure, is_report, measure_dossier,
                                      report_dossier, report_scope)
from atkg.server.pages.facts import incoming, kinds_and_pairs, labels, quotes, schema_org, statements
from atkg.server.pages.i18n import current_language
from atkg.server.sparql.describe import wants_html

bp = page_blueprint("resource", __name__)
# ?format= for links on the page (a browser cannot set Accept on a link).
FORMATS = {"turtle": results.GRAPH["text/turtle"], "jsonld": results.GRAPH["application/ld+json"],
           "ntriples": results.GRAPH["application/n-triples"], "rdfxml": results.GRAPH["application/rdf+xml"]}


@bp.route("/id/<path:path>", methods=["GET"])
def show(path):
    """The resource's page, or its statements in the RDF format the Accept header asks for."""
    iri = base_iri() + path
    try:
        iri_ref(iri)
    except ValueError:  # a control character, "[" or the like: no resource can be at such an address
        return _not_found(iri)
    asked = request.args.get("format")
    if asked in FORMATS:
        return _rdf(iri, FORMATS[asked])
    if asked == "html" or wants_html():
        return _page(iri)
    chosen = results.negotiate(request.headers.get("Accept"), results.GRAPH)
    if chosen is None:
        return Response("This resource is available as a web page (text/html) and as Turtle, N-Triples, "
                        "JSON-LD and RDF/XML.\n", status=406, content_type="text/plain; charset=utf-8",
                        headers={"Vary": "Accept"})
    return _rdf(iri, chosen)


def _page(iri):
    facts = statements(iri)
    pointing = incoming(iri)
    if not facts and not pointing:
        return _not_found(iri)
    kinds, pairs = kinds_and_pairs(s.value for s, _ in pointing)
    dossier = measure_dossier(iri) if is_measure(facts) else None
    measures = agency_dossier(iri) if dossier is None and is_agency(facts) else []
    entries = report_dossier(iri) if is_report(facts) else []
    scope = report_scope(iri) if entries else None
    shown = [iri] + [p.value for p, _ in facts] + [v.value for _, values in facts for v, _ in values if v.is_iri]
    shown += [s.value for s, _ in pointing] + [p.value for _, p in pointing] + list(kinds.values())
    shown += [body for pair in pairs.values() for body in pair] + _named_in(dossier)
    shown += [part["plan"] for part in measures] + [row["measure"] for part in measures for row in part["rows"]]
    shown += [entry[key] for entry in entries for key in ("measure", "status") if entry[key]]
    shown += [scope["plan"]] + [thing for year in scope["dated"] for thing in year["things"]] if scope else []
    cited = quotes(iri)
    names = labels(shown + [quote["work"] for quote in cited])
    document = schema_org(iri, facts, names.get(iri, {}), page_url=request.base_url)
    template = ("measure.html" if dossier else "agency.html" if measures else "report.html" if entries
                else "resource.html")
    return render_template(template, iri=iri, facts=facts, names=names, measures=measures, entries=entries,
                           pointing=_grouped(pointing, kinds, pairs, names), quotes=cited, json_ld=document,
                           dossier=dossier, scope=scope,
                           percent=lambda share: format_percent(share, locale=current_language()))


def _grouped(pointing, kinds, pairs, names):
    """[(kind IRI or "", [(subject IRI, [predicate IRI], pair of bodies or None)])] of "Pointing here", each
    thing once, kinds by their name, things of no kind of the project's last."""
    groups = {}
    for subject, predicate in pointing:
        things = groups.setdefault(kinds.get(subject.value, ""), {})
        things.setdefault(subject.value, []).append(predicate.value)
    ordered = sorted(groups.items(), key=lambda item: (not item[0], label_of(names.get(item[0], {})) or item[0]))
    return [(kind, [(subject, predicates, pairs.get(subject)) for subject, predicates in things.items()])
            for kind, things in ordered]


def _named_in(dossier):
    """The IRIs a measure's dossier names (to be labelled)."""
    if dossier is None:
        return []
    named = [dossier["section"], dossier["plan"], dossier["period_type"]]
    named += [body for bodies in dossier["bodies"].values() for body in bodies]
    named += [e[key] for e in dossier["entries"] for key in ("report", "agency", "status", "previous")]
    named += [thing for things in dossier["mentions"].values() for thing in things]
    named += [iri for crossing in dossier["cross"] for iri in crossing]
    named += [thing for year in dossier["dated"] for thing in year["things"]]
    return [iri for iri in named if iri]


def _rdf(iri, chosen):
    body = construct(f"CONSTRUCT {{ {iri_ref(iri)} ?p ?o }} WHERE {{ {iri_ref(iri)} ?p ?o }}", chosen[0])
    if not body.strip() or body.strip() in (b"[]", b"{}"):
        return Response(f"The graph holds nothing about {iri}.\n", status=404,
                        content_type="text/plain; charset=utf-8", headers={"Vary": "Accept"})
    return Response(body, content_type=chosen[1], headers={"Vary": "Accept"})


def _not_found(iri):
    page = render_template("message.html", iri=iri, message=gettext("The graph holds nothing at this address."))
    return Response(page, status=404, content_type="text/html; charset=utf-8", headers={"Vary": "Accept"})
